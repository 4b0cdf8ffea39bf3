#!/usr/bin/env python3
# p50 per block of rounds since a gateway started (branch perf25): bench/bsbm-requests.py's three operations in turn
# (same queries, same ids), printed every BLOCK rounds with the seconds since the first call and the load average, so
# the JIT warm-up of a fresh server shows (bench/bsbm.sh measures rounds WARMUP..WARMUP+N of a fresh server).
#   python3 bench/warmup-curve.py ROUNDS IDS_FILE PORT BLOCK
import http.client, sys, time
from bsbm_calls import QUERIES, product_offset, timed_call
n, ids, port, block = int(sys.argv[1]), [l.strip() for l in open(sys.argv[2]) if l.strip()], int(sys.argv[3]), int(sys.argv[4])
c = http.client.HTTPConnection('localhost', port)
lat = {k: [] for k in QUERIES}
t0 = time.time()
for i in range(n):
    for k, (q, var) in QUERIES.items():
        lat[k].append(timed_call(c, q, var, ids, i * 7 + product_offset(k)))
    if (i + 1) % block == 0:
        print('rounds %5d-%5d t+%6.1f s  p50 ms: %s  load %s' % (
            i + 1 - block, i + 1, time.time() - t0,
            '  '.join('%s %.2f' % (k, sorted(v[-block:])[block // 2]) for k, v in lat.items()),
            open('/proc/loadavg').read().split()[0]), flush=True)
