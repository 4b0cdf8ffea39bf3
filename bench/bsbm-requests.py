#!/usr/bin/env python3
# Per-request figures on a loaded gateway (cache off), one keep-alive connection, sequential, the operations
# interleaved call by call so each sees the same machine: an empty GraphQL request ({ __typename }), similarProducts
# top 10 (a different product per call) and product by id (a different product per call), then p50/p95 of each and
# the similarProducts/empty ratio (issue 15 target: <= 3x).
#   python3 bench/bsbm-requests.py N IDS_FILE PORT [WARMUP] [ANSWERS_FILE]   (IDS_FILE: one product id per line)
# ANSWERS_FILE: afterwards, the similarProducts answers (ids and scores, top 10) of the first 200 ids as JSON, so runs
# against different stores can be checked equal (bench/bsbm-stores.sh).
import http.client, json, time, sys
n = int(sys.argv[1]); ids = [l.strip() for l in open(sys.argv[2]) if l.strip()]
port = int(sys.argv[3]); warm = int(sys.argv[4]) if len(sys.argv) > 4 else 300
answers = sys.argv[5] if len(sys.argv) > 5 else None
c = http.client.HTTPConnection('localhost', port)
Q = {
    'empty': ('{ __typename }', None),
    'similarProducts': ('query($id: ID!){ similarProducts(id:$id, first:10){ score sharedCount product { id name } } }', 'id'),
    'product': ('query($id: ID!){ product(id:$id){ id name description price currency manufacturer '
                'properties { type value source confidence } } }', 'id'),
}
lat = {k: [] for k in Q}
def call(q, var, i):
    body = json.dumps({"query": q, "variables": {var: ids[i % len(ids)]} if var else {}})
    t = time.perf_counter()
    c.request('POST', '/graphql', body, {'Content-Type': 'application/json'})
    d = c.getresponse().read()
    ms = (time.perf_counter() - t) * 1000
    if b'"errors"' in d:
        raise SystemExit("error: " + d[:300].decode())
    return ms
for i in range(warm + n):
    for k, (q, var) in Q.items():
        ms = call(q, var, i * 7 + (1 if k == 'product' else 0))
        if i >= warm:
            lat[k].append(ms)
p = {}
for k, v in lat.items():
    v.sort(); p[k] = v[len(v) // 2]
    print("%-16s n %d p50 %.2f ms p95 %.2f ms" % (k, len(v), p[k], v[int(len(v) * .95)]))
print("similarProducts / empty p50: %.1fx" % (p['similarProducts'] / p['empty']))
if answers:
    q = 'query($id: ID!){ similarProducts(id:$id, first:10){ score product { id } } }'
    out = {}
    for pid in ids[:200]:
        c.request('POST', '/graphql', json.dumps({"query": q, "variables": {"id": pid}}),
                  {'Content-Type': 'application/json'})
        d = json.loads(c.getresponse().read())
        if 'errors' in d:
            raise SystemExit("error: %s" % d['errors'])
        out[pid] = [[h['product']['id'], h['score']] for h in d['data']['similarProducts']]
    json.dump(out, open(answers, 'w'), sort_keys=True)
