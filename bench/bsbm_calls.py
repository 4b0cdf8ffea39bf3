# The operations both BSBM request benchmarks send (bench/bsbm-requests.py: one gateway; bench/bsbm-interleaved.py:
# several in turn), so the two measure the same requests: an empty GraphQL request, similarProducts top 10 and product
# by id, each timed on a keep-alive connection; and the similarProducts answers compared across stores.
import json, os, time

QUERIES = {
    'empty': ('{ __typename }', None),
    'similarProducts': ('query($id: ID!){ similarProducts(id:$id, first:10){ score sharedCount product { id name } } }', 'id'),
    'product': ('query($id: ID!){ product(id:$id){ id name description price currency manufacturer '
                'properties { type value source confidence } } }', 'id'),
}

# The recommendation widget's similarProducts (BSBM_REASON=1 adds it as a fourth operation, 'similarReason'): the top
# 10 with score, the reason (the shared property nodes' type and value) and each hit's name and price, so a remote store
# must print more of the hits than the index's ids and names. Provenance is a link's field (ProductProperty.source),
# not a shared node's, so it is not part of SimilarProduct.shared.
REASON_QUERY = ('query($id: ID!){ similarProducts(id:$id, first:10){ score sharedCount shared { type value } '
                'product { id name price currency } } }')
if os.environ.get('BSBM_REASON'):
    QUERIES['similarReason'] = (REASON_QUERY, 'id')

def product_offset(k):
    """product(id) asks for a different product than similarProducts in the same round."""
    return 1 if k == 'product' else 0

def timed_call(conn, q, var, ids, i, keep=None):
    """One POST /graphql; milliseconds until the whole answer is read. Stops the run on a GraphQL error. keep: a dict
    that gets the answer's text under the product id, so answers of every call can be compared byte for byte."""
    body = json.dumps({"query": q, "variables": {var: ids[i % len(ids)]} if var else {}})
    t = time.perf_counter()
    conn.request('POST', '/graphql', body, {'Content-Type': 'application/json'})
    d = conn.getresponse().read()
    ms = (time.perf_counter() - t) * 1000
    # Parsed, not searched: a product whose text holds the word "errors" in quotes is not an error (BSBM 100k has one).
    if 'errors' in json.loads(d):
        raise SystemExit("error: " + d[:300].decode())
    if keep is not None:
        keep[ids[i % len(ids)]] = d.decode()
    return ms

def similar_answers(conn, ids):
    """similarProducts top 10 (ids, names and scores: BSBM's query's fields) of each id, for comparing stores."""
    q = 'query($id: ID!){ similarProducts(id:$id, first:10){ score product { id name } } }'
    out = {}
    for pid in ids:
        conn.request('POST', '/graphql', json.dumps({"query": q, "variables": {"id": pid}}),
                     {'Content-Type': 'application/json'})
        d = json.loads(conn.getresponse().read())
        if 'errors' in d:
            raise SystemExit("error: %s" % d['errors'])
        out[pid] = [[h['product']['id'], h['product']['name'], h['score']] for h in d['data']['similarProducts']]
    return out

def compare_kept(a, b):
    """Answers kept by timed_call of two runs or gateways: (ids of both, ids whose answers differ byte for byte)."""
    both = sorted(set(a) & set(b))
    return both, [k for k in both if a[k] != b[k]]
