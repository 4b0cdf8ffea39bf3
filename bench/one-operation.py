#!/usr/bin/env python3
# One GraphQL operation N times on one keep-alive connection (a different product id per call, from START in IDS_FILE),
# p50/p95, and optionally every response to OUT (compare two servers' OUT files with cmp: same answers).
#   python3 bench/one-operation.py OP N START IDS_FILE PORT [OUT]
# OP: empty | similar (top 10 by name) | similarFull (shared + whole products) | similarTfidf (IDF, minShared 1) | product
import http.client, json, time, sys
op, n, start, ids, port = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), [l.strip() for l in open(sys.argv[4]) if l.strip()], int(sys.argv[5])
out = open(sys.argv[6], 'w') if len(sys.argv) > 6 else None
Q = {'empty': '{ __typename }',
 'similar': 'query($id: ID!){ similarProducts(id:$id, first:10){ score sharedCount product { id name } } }',
 'similarFull': 'query($id: ID!){ similarProducts(id:$id, first:10){ score sharedCount shared { id type value } product { id name description price currency manufacturer properties { type value source confidence modelVersion } } } }',
 'similarTfidf': 'query($id: ID!){ similarProducts(id:$id, first:5, minShared:1, metric:IDF){ score sharedCount shared { id } product { id name price properties(source: VENDOR) { value } } } }',
 'product': 'query($id: ID!){ product(id:$id){ id name description price currency manufacturer properties { type value source confidence } } }'}
c = http.client.HTTPConnection('localhost', port)
lat = []
for i in range(start, start + n):
    q = Q[op]
    body = json.dumps({"query": q, "variables": {} if op == 'empty' else {"id": ids[i % len(ids)]}})
    t = time.perf_counter()
    c.request('POST', '/graphql', body, {'Content-Type': 'application/json'})
    d = c.getresponse().read()
    lat.append((time.perf_counter() - t) * 1000)
    if 'errors' in json.loads(d): raise SystemExit("error: " + d[:300].decode())
    if out: out.write(d.decode() + "\n")
lat.sort()
print("%s n %d p50 %.2f ms p95 %.2f ms" % (op, n, lat[n // 2], lat[int(n * .95)]))
