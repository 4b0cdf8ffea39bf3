#!/usr/bin/env python3
# Store requests per call of bench/bsbm-requests.py's similarProducts (top 10, product { id name }) and product(id)
# queries: the gateway's kg_sparql timer counts per query name before and after N calls, different products per call
# (ids 5000.. of IDS_FILE). Counts include what runs meanwhile in the background (change-feed polls: named so).
#   python3 bench/store-queries-per-call.py PORT IDS_FILE N
# BSBM_REASON=1: also bench/bsbm_calls.py's similarReason (reason fields, the hits' names and prices).
import http.client, json, os, re, sys, urllib.request
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from bsbm_calls import QUERIES
port, ids_file, n = int(sys.argv[1]), sys.argv[2], int(sys.argv[3])
ids = [l.strip() for l in open(ids_file) if l.strip()][5000:5000 + n]
def counts(kind='count'):
    text = urllib.request.urlopen('http://localhost:%d/q/metrics' % port).read().decode()
    out = {}
    for line in text.splitlines():
        if line.startswith('kg_sparql_seconds_%s{' % kind):
            q = re.search(r'query="([^"]*)"', line).group(1)
            out[q] = out.get(q, 0) + float(line.split('} ', 1)[1].split()[0])  # value; an exemplar may follow
    return out
c = http.client.HTTPConnection('localhost', port)
for name, q in [('similarProducts', 'query($id: ID!){ similarProducts(id:$id, first:10){ score sharedCount product { id name } } }'),
                ('product', 'query($id: ID!){ product(id:$id){ id name description price currency manufacturer '
                            'properties { type value source confidence } } }')] + (
        [('similarReason', QUERIES['similarReason'][0])] if 'similarReason' in QUERIES else []):
    before, before_s = counts(), counts('sum')
    for pid in ids:
        c.request('POST', '/graphql', json.dumps({"query": q, "variables": {"id": pid}}), {'Content-Type': 'application/json'})
        c.getresponse().read()
    after, after_s = counts(), counts('sum')
    delta = {k: (after[k] - before.get(k, 0)) / n for k in after if after[k] - before.get(k, 0) > 0}
    print('store queries per %s call (%d calls): %.2f %s' % (name, n, sum(delta.values()), json.dumps(delta)))
    # The kg.sparql timer's time per call: what the store requests cost as the gateway sees them (request, the
    # store's evaluation, reading the results), the part of a call's latency that is the store's (a mean, not p50).
    spent = sum(after_s[k] - before_s.get(k, 0) for k in after_s) / n
    print('store time per %s call (%d calls): %.2f ms mean' % (name, n, spent * 1000))
