# The operations both BSBM request benchmarks send (bench/bsbm-requests.py: one gateway; bench/bsbm-interleaved.py:
# several in turn), so the two measure the same requests: an empty GraphQL request, similarProducts top 10 and product
# by id, each timed on a keep-alive connection; and the similarProducts answers compared across stores.
import json, time

QUERIES = {
    'empty': ('{ __typename }', None),
    'similarProducts': ('query($id: ID!){ similarProducts(id:$id, first:10){ score sharedCount product { id name } } }', 'id'),
    'product': ('query($id: ID!){ product(id:$id){ id name description price currency manufacturer '
                'properties { type value source confidence } } }', 'id'),
}

def product_offset(k):
    """product(id) asks for a different product than similarProducts in the same round."""
    return 1 if k == 'product' else 0

def timed_call(conn, q, var, ids, i):
    """One POST /graphql; milliseconds until the whole answer is read. Stops the run on a GraphQL error."""
    body = json.dumps({"query": q, "variables": {var: ids[i % len(ids)]} if var else {}})
    t = time.perf_counter()
    conn.request('POST', '/graphql', body, {'Content-Type': 'application/json'})
    d = conn.getresponse().read()
    ms = (time.perf_counter() - t) * 1000
    # Parsed, not searched: a product whose text holds the word "errors" in quotes is not an error (BSBM 100k has one).
    if 'errors' in json.loads(d):
        raise SystemExit("error: " + d[:300].decode())
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
