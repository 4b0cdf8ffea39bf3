#!/usr/bin/env python3
# Two running gateways on copies of the same store asked the same requests; every answer compared byte for byte, HTTP
# status included (branch perf23; the kinds of request perf16 compared by hand): product(id) as BSBM asks it,
# similarProducts, the empty request, an unknown id, an invalid document, a document that fails validation, a product
# with similarProducts and their properties, listing pages (first page, next page by cursor, ordered, filtered, with
# facets and totals), nodes, properties by type and source with aliases, propertyTypes.
#   python3 bench/answers-equal.py N IDS_FILE PORT_A PORT_B
# N ids from IDS_FILE (the first N) for the per-product requests; prints counts and bytes, exits 1 on any difference.
import http.client, json, sys
from bsbm_calls import QUERIES

n, idsf, pa, pb = int(sys.argv[1]), sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
ids = [l.strip() for l in open(idsf) if l.strip()][:n]
conns = [http.client.HTTPConnection('localhost', pa), http.client.HTTPConnection('localhost', pb)]


def post(conn, body):
    conn.request('POST', '/graphql', body, {'Content-Type': 'application/json'})
    r = conn.getresponse()
    return r.status, r.getheader('Content-Type'), r.read()


def gql(q, v=None):
    return json.dumps({"query": q, "variables": v or {}})


requests = []
for pid in ids:
    for op in ('product', 'similarProducts'):
        q, var = QUERIES[op]
        requests.append((op, gql(q, {var: pid})))
    requests.append(('product+similar+properties', gql(
        'query($id: ID!){ product(id:$id){ id name price similarProducts(first:5){ score sharedCount product '
        '{ id name price properties { type value source confidence } } } } }', {"id": pid})))
requests += [('empty', gql('{ __typename }')),
             ('unknown id', gql(QUERIES['product'][0], {"id": "no-such-product"})),
             ('invalid document', gql('{ product(id: ')),
             ('validation error', gql('{ product(id: "x") { noSuchField } }')),
             ('not json', 'this is not json'),
             ('argument error beside data', gql('query($id: ID!){ similarProducts(id:$id, first: 100000){ score } '
                                                'product(id:$id){ id } }', {"id": ids[0]})),
             ('properties by type, aliases', gql('query($id: ID!){ p: product(id:$id){ a: properties(source: VENDOR) '
                                                 '{ t: type v: value } b: properties(type: "productfeature") { value confidence } } }',
                                                 {"id": ids[0]})),
             ('nodes', gql('query($ids: [ID!]!){ nodes(ids:$ids){ id __typename ... on Product { name price } } }',
                           {"ids": ids[:20] + ["no-such-product"]}))]
page = 'edges { cursor node { id name price manufacturer } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } totalCount priceStats { min max avg count }'
requests += [('listing first page', gql('{ products(first: 20) { %s } }' % page)),
             ('listing by price desc', gql('{ products(first: 25, orderBy: [{field: PRICE, direction: DESC}]) { %s } }' % page)),
             ]
# The next page, by the cursor the first page gave, and a page filtered by its first manufacturer (asked of both
# gateways: equal cursors and names were already compared).
first = json.loads(post(conns[0], gql('{ products(first: 20) { pageInfo { endCursor } edges { node { manufacturer } } } }'))[2])
cursor = first['data']['products']['pageInfo']['endCursor']
maker = first['data']['products']['edges'][0]['node']['manufacturer']
requests.append(('listing filtered + facets', gql('query($m: String){ products(first: 10, filter: {manufacturer: $m}) '
                                                  '{ %s facets(first: 5) { type values { value count } } } }' % page, {"m": maker})))
requests.append(('listing next page', gql('query($c: String){ products(first: 20, after: $c) { %s } }' % page, {"c": cursor})))

diff, total, kinds = 0, 0, {}
for kind, body in requests:
    a, b = post(conns[0], body), post(conns[1], body)
    kinds[kind] = kinds.get(kind, 0) + 1
    total += len(a[2])
    if a != b:
        diff += 1
        print('DIFFERENT %s: %s\n  A %s %s %r\n  B %s %s %r' % (kind, body[:200], a[0], a[1], a[2][:300], b[0], b[1], b[2][:300]))
statuses = sorted({post(conns[0], body)[0] for _, body in requests[-12:]})
print('%d requests (%s), %d bytes from A, %d different; statuses of the fixed requests: %s'
      % (len(requests), ', '.join('%s %d' % kv for kv in kinds.items()), total, diff, statuses))
sys.exit(1 if diff else 0)
