#!/usr/bin/env python3
# Server CPU per request of two running gateways asked in turn, call by call (A, B, A, B, ... the same product of each
# at the same moment), so the load of a shared machine weighs on both alike (branch perf23; bench/cpu-per-call.py asks
# one gateway at a time). utime+stime of each whole server process (/proc/PID/stat: GC, JIT and thread wake-ups count)
# around N calls each on one keep-alive connection per gateway, with p50/p95 and the load average.
#   python3 bench/cpu-per-call-ab.py PID_A PORT_A PID_B PORT_B OP N START IDS_FILE   (OP: empty | product | similarProducts)
import http.client, os, sys
from bsbm_calls import QUERIES, timed_call
pa, porta, pb, portb, op, n, start, idsf = sys.argv[1:9]
pids, n, start = (int(pa), int(pb)), int(n), int(start)
ids = [l.strip() for l in open(idsf) if l.strip()]
q, var = QUERIES[op]
tick = os.sysconf('SC_CLK_TCK')
def cpu(pid):
    f = open('/proc/%d/stat' % pid).read().rsplit(')', 1)[1].split()
    return (int(f[11]) + int(f[12])) * 1000.0 / tick
conns = (http.client.HTTPConnection('localhost', int(porta)), http.client.HTTPConnection('localhost', int(portb)))
load0 = open('/proc/loadavg').read().split()[0]
c0 = [cpu(p) for p in pids]
lat = ([], [])
for i in range(start, start + n):
    for k in (0, 1):
        lat[k].append(timed_call(conns[k], q, var, ids, i))
c1 = [cpu(p) for p in pids]
load1 = open('/proc/loadavg').read().split()[0]
for k, name in ((0, 'A'), (1, 'B')):
    v = sorted(lat[k])
    print("%s %s n %d p50 %.2f ms p95 %.2f ms cpu/call %.3f ms load %s-%s" % (name, op, n, v[n // 2], v[int(n * .95)], (c1[k] - c0[k]) / n, load0, load1))
