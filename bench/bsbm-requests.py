#!/usr/bin/env python3
# Per-request figures on a loaded gateway (cache off), one keep-alive connection, sequential, the operations
# interleaved call by call so each sees the same machine: an empty GraphQL request ({ __typename }), similarProducts
# top 10 (a different product per call) and product by id (a different product per call), then p50/p95 of each and
# the similarProducts/empty ratio (issue 15 target: <= 3x).
#   python3 bench/bsbm-requests.py N IDS_FILE PORT [WARMUP] [ANSWERS_FILE]   (IDS_FILE: one product id per line)
# ANSWERS_FILE: afterwards, the similarProducts answers (ids and scores, top 10) of the first 200 ids as JSON, so runs
# against different stores can be checked equal (bench/bsbm-stores.sh). With BSBM_REASON=1 (bench/bsbm_calls.py) also
# the answer text of every similarReason call, warm-up included, in ANSWERS_FILE with .json replaced by .reason.json.
import http.client, json, sys
from bsbm_calls import QUERIES, product_offset, similar_answers, timed_call
n = int(sys.argv[1]); ids = [l.strip() for l in open(sys.argv[2]) if l.strip()]
port = int(sys.argv[3]); warm = int(sys.argv[4]) if len(sys.argv) > 4 else 300
answers = sys.argv[5] if len(sys.argv) > 5 else None
c = http.client.HTTPConnection('localhost', port)
Q = QUERIES
lat = {k: [] for k in Q}
kept = {}
for i in range(warm + n):
    for k, (q, var) in Q.items():
        ms = timed_call(c, q, var, ids, i * 7 + product_offset(k), kept if k == 'similarReason' else None)
        if i >= warm:
            lat[k].append(ms)
p = {}
for k, v in lat.items():
    v.sort(); p[k] = v[len(v) // 2]
    print("%-16s n %d p50 %.2f ms p95 %.2f ms" % (k, len(v), p[k], v[int(len(v) * .95)]))
print("similarProducts / empty p50: %.1fx" % (p['similarProducts'] / p['empty']))
if 'similarReason' in p:
    print("similarReason / similarProducts p50: %.2fx" % (p['similarReason'] / p['similarProducts']))
if answers:
    json.dump(similar_answers(c, ids[:200]), open(answers, 'w'), sort_keys=True)
    if kept:
        json.dump(kept, open(answers.replace('.json', '') + '.reason.json', 'w'), sort_keys=True)
