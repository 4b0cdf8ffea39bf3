#!/usr/bin/env python3
# similarProducts answers of one gateway, every response as it came (status line and body), for comparing two builds
# byte for byte with cmp (branch perf17): for each of N ids from START in IDS_FILE, every metric x minShared 1, 2, 4
# (first 10, the reason, the hits' summary fields), then first 3 with the hits' links, then BSBM's own query
# (bench/bsbm_calls.py). 11 calls per id.
#   python3 bench/similar-answers.py N START IDS_FILE PORT OUT
import http.client, json, sys
from bsbm_calls import QUERIES
n, start, port, out = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[4]), open(sys.argv[5], 'w')
ids = [l.strip() for l in open(sys.argv[3]) if l.strip()]
FULL = ('query($id: ID!, $m: SimilarityMetric, $s: Int){ similarProducts(id:$id, first:10, minShared:$s, metric:$m){ '
        'score sharedCount shared { id type value } product { id name description price currency manufacturer } } }')
LINKS = ('query($id: ID!){ similarProducts(id:$id, first:3, minShared:1, metric:JACCARD){ score '
         'product { id name properties { type value source confidence modelVersion } } } }')
calls = []
for i in range(start, start + n):
    pid = ids[i % len(ids)]
    for m in ('SHARED_COUNT', 'JACCARD', 'IDF'):
        for s in (1, 2, 4):
            calls.append((FULL, {'id': pid, 'm': m, 's': s}))
    calls.append((LINKS, {'id': pid}))
    calls.append((QUERIES['similarProducts'][0], {'id': pid}))
c = http.client.HTTPConnection('localhost', port)
errors = 0
for q, v in calls:
    c.request('POST', '/graphql', json.dumps({'query': q, 'variables': v}), {'Content-Type': 'application/json'})
    r = c.getresponse()
    d = r.read()
    errors += 'errors' in json.loads(d)
    out.write('%d %s\n' % (r.status, d.decode()))
print('%d calls, %d with errors' % (len(calls), errors))
