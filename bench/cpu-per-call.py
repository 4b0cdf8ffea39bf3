#!/usr/bin/env python3
# Server CPU per request: utime+stime of the whole server process (/proc/PID/stat, so GC, JIT and thread wake-ups
# count) around N sequential calls on one keep-alive connection, with p50/p95 and the load average. Less sensitive to
# other load on the machine than wall-clock figures; compare two servers by alternating rounds.
#   python3 bench/cpu-per-call.py PID PORT OP N START IDS_FILE   (OP: empty | product | similarProducts; a different id
#   per call from START)
# The operations and the timed call are bench/bsbm_calls.py's, so the figures are of the same requests.
import http.client, os, sys
from bsbm_calls import QUERIES, timed_call
pid, port, op, n, start, idsf = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3], int(sys.argv[4]), int(sys.argv[5]), sys.argv[6]
if op not in QUERIES:
    raise SystemExit("OP: " + ' | '.join(QUERIES))
ids = [l.strip() for l in open(idsf) if l.strip()]
q, var = QUERIES[op]
tick = os.sysconf('SC_CLK_TCK')
def cpu():
    f = open('/proc/%d/stat' % pid).read().rsplit(')', 1)[1].split()
    return (int(f[11]) + int(f[12])) * 1000.0 / tick
c = http.client.HTTPConnection('localhost', port)
c0 = cpu()
lat = sorted(timed_call(c, q, var, ids, i) for i in range(start, start + n))
c1 = cpu()
print("%s n %d p50 %.2f ms p95 %.2f ms cpu/call %.3f ms load %s" % (op, n, lat[n // 2], lat[int(n * .95)], (c1 - c0) / n, open('/proc/loadavg').read().split()[0]))
