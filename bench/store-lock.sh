#!/usr/bin/env bash
# What the embedded store's access lock costs (crash17): reads and writes at once against the packaged gateway.
# READERS threads send product(id) (a different product per call, cache off) while WRITERS threads send addProducts
# batches of 10 new products, for DURATION seconds after a 5 s warm-up; prints per kind the calls, calls/s, p50, p95
# and max, and errors. Same requests with any jar: run it with main's jar and with the branch's to compare.
#   bench/store-lock.sh [JAR=gateway/target/quarkus-app/quarkus-run.jar] [DURATION=30] [READERS=4] [WRITERS=1]
# Throw-away embedded LMDB store with the built-in sample catalogue, model off, auth off, result cache off.
set -euo pipefail
cd "$(dirname "$0")/.."
JAR=${1:-gateway/target/quarkus-app/quarkus-run.jar}
DURATION=${2:-30}
READERS=${3:-4}
WRITERS=${4:-1}
. bench/throwaway-gateway.sh
start_throwaway_gateway "$JAR" /q/health/ready -Dkg.cache.enabled=false -Dquarkus.log.level=WARN
echo "jar $JAR, load $(cut -d' ' -f1-3 /proc/loadavg) at start"
python3 - "$PORT" "$DURATION" "$READERS" "$WRITERS" <<'PY'
import http.client, json, sys, threading, time

port, duration, readers, writers = int(sys.argv[1]), float(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])

def call(conn, query, variables):
    body = json.dumps({"query": query, "variables": variables})
    t = time.perf_counter()
    conn.request('POST', '/graphql', body, {'Content-Type': 'application/json'})
    d = json.loads(conn.getresponse().read())
    return (time.perf_counter() - t) * 1000, d

c = http.client.HTTPConnection('127.0.0.1', port)
_, d = call(c, '{ products(first: 100) { edges { node { id } } } }', {})
ids = [e['node']['id'] for e in d['data']['products']['edges']]
assert ids, d
READ = ('query($id: ID!){ product(id:$id){ id name description price currency manufacturer '
        'properties { type value source confidence } } }')
WRITE = 'mutation($in: [ProductInput!]!) { addProducts(inputs: $in) { added updated failed } }'
lat = {'read': [], 'write': []}
errors = {'read': 0, 'write': 0}
lock = threading.Lock()
measuring = threading.Event()
stop = threading.Event()

def reader(n):
    conn = http.client.HTTPConnection('127.0.0.1', port)
    i = n * 7
    while not stop.is_set():
        ms, d = call(conn, READ, {'id': ids[i % len(ids)]})
        i += 1
        if measuring.is_set():
            with lock:
                if 'errors' in d: errors['read'] += 1
                else: lat['read'].append(ms)

def writer(n):
    conn = http.client.HTTPConnection('127.0.0.1', port)
    b = 0
    while not stop.is_set():
        inputs = [{'id': 'lock-%d-%d-%d' % (n, b, k), 'name': 'Bench product %d %d %d' % (n, b, k),
                   'description': 'written by bench/store-lock.sh', 'price': 10.5 + k, 'currency': 'EUR',
                   'manufacturer': 'Bench', 'properties': [{'type': 'color', 'value': 'red'},
                   {'type': 'material', 'value': 'steel %d' % k}], 'enrich': False} for k in range(10)]
        ms, d = call(conn, WRITE, {'in': inputs})
        b += 1
        if measuring.is_set():
            with lock:
                if 'errors' in d or d['data']['addProducts']['failed'] != 0: errors['write'] += 1
                else: lat['write'].append(ms)

threads = [threading.Thread(target=reader, args=(n,)) for n in range(readers)]
threads += [threading.Thread(target=writer, args=(n,)) for n in range(writers)]
for t in threads: t.start()
time.sleep(5)
measuring.set()
time.sleep(duration)
measuring.clear()
stop.set()
for t in threads: t.join()
for k, v in lat.items():
    v.sort()
    if v:
        print("%-5s calls %5d  %6.1f/s  p50 %7.1f ms  p95 %7.1f ms  max %7.1f ms  errors %d" % (
            k, len(v), len(v) / duration, v[len(v) // 2], v[int(len(v) * .95)], v[-1], errors[k]))
    else:
        print("%-5s no successful calls, errors %d" % (k, errors[k]))
PY
echo "load $(cut -d' ' -f1-3 /proc/loadavg) at end"
