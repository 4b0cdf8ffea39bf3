#!/usr/bin/env python3
# Listing answers of one gateway, every response as it came (status line and body), for comparing two builds byte for
# byte with cmp, as bench/similar-answers.py does for similarProducts (branch start23: the listing index built from the
# scan it now shares with the similarity index). For each of N ids from START in IDS_FILE: the product's properties
# (product(id)), then listings over its first property node (by price descending, then by name; the second page of
# the first through its cursor), over its manufacturer (by name descending, backward from the end), each with
# totalCount, facets and priceStats; for every 50th id also over its last property's type (by property count: tens of
# thousands of products, ~1 s a call with its facets at BSBM 100k). 5 calls per id, 6 for every 50th.
#   python3 bench/listing-answers.py N START IDS_FILE PORT OUT
import http.client, json, sys
n, start, port, out = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[4]), open(sys.argv[5], 'w')
ids = [l.strip() for l in open(sys.argv[3]) if l.strip()]
PAGE = ('edges { cursor node { id name price manufacturer } } pageInfo { hasNextPage hasPreviousPage endCursor } '
        'totalCount facets(first: 5) { type values { value count } } priceStats { min max avg count }')
PRODUCT = 'query($id: ID!){ product(id:$id){ id manufacturer properties { type value } } }'
LISTING = ('query($f: ProductFilter, $o: [ProductOrder!], $after: String, $last: Int){ products(filter:$f, orderBy:$o, '
           'after:$after, first: %s, last:$last){ ' + PAGE + ' } }')
c = http.client.HTTPConnection('localhost', port)
calls = errors = 0


def call(q, v):
    global calls, errors
    c.request('POST', '/graphql', json.dumps({'query': q, 'variables': v}), {'Content-Type': 'application/json'})
    r = c.getresponse()
    d = r.read()
    body = json.loads(d)
    calls += 1
    errors += 'errors' in body
    out.write('%d %s\n' % (r.status, d.decode()))
    return body


for i in range(start, start + n):
    p = call(PRODUCT, {'id': ids[i % len(ids)]})['data']['product']
    props = p['properties'] if p else []
    if not props:
        continue
    node = {'properties': [{'type': props[0]['type'], 'value': props[0]['value']}]}
    first = call(LISTING % '10', {'f': node, 'o': [{'field': 'PRICE', 'direction': 'DESC'}]})
    cursor = first['data']['products']['pageInfo']['endCursor']
    call(LISTING % '10', {'f': node, 'o': [{'field': 'PRICE', 'direction': 'DESC'}], 'after': cursor})
    call(LISTING % '10', {'f': node, 'o': [{'field': 'NAME'}]})
    if p['manufacturer']:
        call(LISTING % 'null', {'f': {'manufacturer': p['manufacturer']}, 'o': [{'field': 'NAME', 'direction': 'DESC'}],
                                'last': 10})
    if i % 50 == 0:
        call(LISTING % '10', {'f': {'propertyType': props[-1]['type']},
                              'o': [{'field': 'PROPERTY_COUNT', 'direction': 'DESC'}]})
print('%d calls, %d with errors' % (calls, errors))
