#!/usr/bin/env python3
# Several running gateways measured call by call in turn (same product at the same moment, so the same machine load:
# a shared machine's load then moves every column alike and the ratios hold): empty request, similarProducts top 10,
# product by id, as bench/bsbm-requests.py (one keep-alive connection per gateway, cache off on the gateways); then
# p50/p95 per gateway and the p50 ratio to the first; then the similarProducts answers (top 10 ids and scores) and the
# full product(id) answers (fields and links) of the first 200 ids compared with the first gateway's.
#   python3 bench/bsbm-interleaved.py N IDS_FILE WARMUP label=port[@IDS] [label=port[@IDS] ...]
# e.g. embedded=PORT1 fuseki-old=PORT2 fuseki-new=PORT3: two jars on one Fuseki, against the embedded store
# (BENCHMARKS "Remote store: where a request's time goes").
# label=port@IDS gives that gateway its own ids (default IDS_FILE): two catalogues of different size (BSBM 100k and
# 1M do not hold the same products under the same ids), each asked about its own products at the same moment; the
# answers are compared only between gateways that share an ids file.
# With BSBM_REASON=1 (bench/bsbm_calls.py) also similarReason, whose answer on every call is compared byte for byte with
# the first gateway's.
import http.client, json, sys
from bsbm_calls import QUERIES, compare_kept, product_offset, similar_answers, timed_call
n = int(sys.argv[1]); ids = [l.strip() for l in open(sys.argv[2]) if l.strip()]; warm = int(sys.argv[3])
gws, gids = [], {}
for a in sys.argv[4:]:
    label, rest = a.split('=', 1)
    port, _, idsf = rest.partition('@')
    gws.append((label, http.client.HTTPConnection('localhost', int(port))))
    gids[label] = (idsf, [l.strip() for l in open(idsf) if l.strip()]) if idsf else (sys.argv[2], ids)
Q = QUERIES
lat = {(g, k): [] for g, _ in gws for k in Q}
kept = {g: {} for g, _ in gws}
for i in range(warm + n):
    for k, (q, var) in Q.items():
        for g, c in gws:
            ms = timed_call(c, q, var, gids[g][1], i * 7 + product_offset(k), kept[g] if k == 'similarReason' else None)
            if i >= warm:
                lat[(g, k)].append(ms)
p = {}
for (g, k), v in lat.items():
    v.sort(); p[(g, k)] = v[len(v) // 2]
for k in Q:
    for g, _ in gws:
        v = lat[(g, k)]
        print("%-16s %-22s n %d p50 %7.2f ms p95 %7.2f ms  p50 / %s: %.2f" % (k, g, len(v), p[(g, k)], v[int(len(v) * .95)], gws[0][0], p[(g, k)] / p[(gws[0][0], k)]))
# Only the gateways asked about the first gateway's ids are compared with it.
same = [(g, c) for g, c in gws if gids[g][0] == gids[gws[0][0]][0]]
for g, _ in gws[1:]:
    if gids[g][0] != gids[gws[0][0]][0]:
        print('%s vs %s: own ids file (%s), answers not compared' % (g, gws[0][0], gids[g][0]))
gws = same
ids = gids[gws[0][0]][1]
for g, _ in gws[1:]:
    if kept[g]:
        both, diff = compare_kept(kept[gws[0][0]], kept[g])
        print('%s vs %s: %d of %d similarReason answers (every call) byte-equal%s' % (
            g, gws[0][0], len(both) - len(diff), len(both), '' if not diff else '; first difference: ' + diff[0]))
ans = {g: similar_answers(c, ids[:200]) for g, c in gws}
for g, _ in gws[1:]:
    diff = [k for k in ans[gws[0][0]] if ans[gws[0][0]][k] != ans[g][k]]
    print('%s vs %s: %d of 200 similarProducts answers equal' % (g, gws[0][0], 200 - len(diff)))
qp = Q['product'][0]
pans = {}
for g, c in gws:
    out = {}
    for pid in ids[:200]:
        c.request('POST', '/graphql', json.dumps({"query": qp, "variables": {"id": pid}}), {'Content-Type': 'application/json'})
        out[pid] = json.loads(c.getresponse().read())
    pans[g] = out
for g, _ in gws[1:]:
    diff = [k for k in pans[gws[0][0]] if pans[gws[0][0]][k] != pans[g][k]]
    print('%s vs %s: %d of 200 product(id) answers equal (all fields, all links)%s' % (g, gws[0][0], 200 - len(diff), '' if not diff else '; first difference: ' + diff[0]))
