#!/usr/bin/env python3
# Uncached product(id) over HTTP, sequential, one keep-alive connection, a different id per call.
#   python3 bench/product-by-id-uncached.py N START IDS_FILE [PORT]   (IDS_FILE: one product id per line)
# Start the gateway first on a loaded store, e.g. with -XX:StartFlightRecording to profile it (BENCHMARKS.md).
import http.client, json, time, sys
n=int(sys.argv[1]); start=int(sys.argv[2])
ids=[l.strip() for l in open(sys.argv[3]) if l.strip()]
c=http.client.HTTPConnection('localhost',int(sys.argv[4]) if len(sys.argv)>4 else 8080)
q='query($id: ID!){ product(id:$id){ id name description price currency manufacturer properties { type value source confidence } } }'
lat=[]
for i in range(n):
    body=json.dumps({"query":q,"variables":{"id":ids[(start+i)%len(ids)]}})
    t=time.perf_counter()
    c.request('POST','/graphql',body,{'Content-Type':'application/json'})
    r=c.getresponse(); d=r.read()
    lat.append((time.perf_counter()-t)*1000)
    if i==0: print(d[:300])
lat.sort(); print("n",n,"p50 %.2f ms p95 %.2f ms"%(lat[len(lat)//2], lat[int(len(lat)*.95)]))
