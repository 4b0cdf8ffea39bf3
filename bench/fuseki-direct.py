#!/usr/bin/env python3
# Fuseki asked directly, without the gateway, on one keep-alive connection: `ASK {}` (HTTP exchange and Fuseki's
# per-request cost, next to nothing to evaluate) and the remote similarProducts' one store request,
# product-summaries-by-iri.rq for 11 products (the ranked product and 10 hits; here 11 products of IDS_FILE per call,
# a different set each call), as TSV (the gateway's kg.store.result-format default). Splits a remote call's store time
# into the exchange and Fuseki's evaluation; the gateway's own kg.sparql timer (bench/store-queries-per-call.py) adds
# its client's side.
#   python3 bench/fuseki-direct.py QUERY_URL IDS_FILE [N=500] [WARMUP=200]
# QUERY_URL: e.g. http://localhost:PORT/kg/query (bench/FusekiTdb2.java). Product and graph IRIs: the defaults of
# bench/bsbm-stores.sh's data (https://data.kg-gateway.dev/...).
import http.client, os, statistics, sys, time, urllib.parse
url, ids_file = sys.argv[1], sys.argv[2]
n = int(sys.argv[3]) if len(sys.argv) > 3 else 500
warmup = int(sys.argv[4]) if len(sys.argv) > 4 else 200
u = urllib.parse.urlparse(url)
ids = [l.strip() for l in open(ids_file) if l.strip()]
rq = open(os.path.join(os.path.dirname(__file__), '..', 'gateway/src/main/resources/sparql/product-summaries-by-iri.rq')).read()
rq = rq.replace('{{graph}}', '<https://data.kg-gateway.dev/graph/catalog>')
c = http.client.HTTPConnection(u.hostname, u.port)

def ask(query):
    t = time.perf_counter()
    c.request('GET', u.path + '?' + urllib.parse.urlencode({'query': query}),
              headers={'Accept': 'text/tab-separated-values, application/sparql-results+json;q=0.9'})
    body = c.getresponse().read()
    return (time.perf_counter() - t) * 1000, body

def summaries(i):
    batch = ids[(i * 11) % (len(ids) - 11):][:11]
    return rq.replace('{{products}}', ' '.join('<https://data.kg-gateway.dev/product/%s>' % p for p in batch))

for name, query in [('ASK {}', lambda i: 'ASK {}'), ('product-summaries-by-iri (11)', summaries)]:
    for i in range(warmup):
        ask(query(i))
    times, size = [], 0
    for i in range(warmup, warmup + n):
        ms, body = ask(query(i))
        times.append(ms)
        size += len(body)
    times.sort()
    print('%-30s n %d p50 %.2f ms p95 %.2f ms mean %.2f ms, %d bytes per answer' % (
        name, n, statistics.median(times), times[int(0.95 * n) - 1], statistics.mean(times), size // n))

# The change feed's index build at start reads the catalogue in keyset pages of 1,000 ids (products-page.rq, as
# store.Keyset renders it for ProductQuery.ALL): one page from the start, the middle and the end of the id order, 5
# times each, median. Equal times at every cursor mean each page costs the whole catalogue's scan, so a full build
# grows with the square of the catalogue.
page = open(os.path.join(os.path.dirname(__file__), '..', 'gateway/src/main/resources/sparql/products-page.rq')).read()
page = (page.replace('{{graph}}', '<https://data.kg-gateway.dev/graph/catalog>').replace('{{where}}', '')
        .replace('{{order}}', 'ASC(?id)').replace('{{limit}}', '1001'))
ordered = sorted(ids)
for label, after in [('start', None), ('middle', ordered[len(ordered) // 2]), ('end', ordered[-1500])]:
    q = page.replace('{{after}}', '' if after is None else 'FILTER((STR(?id) > "%s"))' % after)
    times = []
    for _ in range(5):
        ms, body = ask(q)
        times.append(ms)
    print('products-page (1,000 ids) after %-6s median of 5: %.1f ms, %d rows' % (
        label, statistics.median(times), body.count(b'\n') - 1))
