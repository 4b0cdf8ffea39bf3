#!/usr/bin/env python3
# The benchmark client's own share of a timed call (branch perf25): the same requests timed two ways on two keep-alive
# connections to one gateway, in turn: bench/bsbm_calls.timed_call (http.client, as every BSBM bench measures: headers
# and body in two sends, headers parsed by the email package) and a raw socket (the request in one prebuilt send, the
# answer read by its Content-Length). The p50 difference is what http.client adds to each figure; client CPU per call
# is the Python process's own (time.process_time around the call, timed_call's answer check included).
#   python3 bench/client-overhead.py N IDS_FILE PORT [OPS=empty,product]
import http.client, json, socket, sys, time
from bsbm_calls import QUERIES, timed_call
n, ids, port = int(sys.argv[1]), [l.strip() for l in open(sys.argv[2]) if l.strip()], int(sys.argv[3])
ops = sys.argv[4].split(',') if len(sys.argv) > 4 else ['empty', 'product']
hc = http.client.HTTPConnection('localhost', port)
s = socket.create_connection(('localhost', port))
s.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
pending = b''


def raw_call(q, var, pid):
    global pending
    body = json.dumps({"query": q, "variables": {var: pid} if var else {}}).encode()
    req = (b'POST /graphql HTTP/1.1\r\nHost: localhost:%d\r\nAccept-Encoding: identity\r\nContent-Length: %d\r\n'
           b'Content-Type: application/json\r\n\r\n' % (port, len(body))) + body
    t = time.perf_counter()
    s.sendall(req)
    while b'\r\n\r\n' not in pending:
        pending += s.recv(65536)
    head, _, rest = pending.partition(b'\r\n\r\n')
    length = int(next(l.split(b':', 1)[1] for l in head.split(b'\r\n') if l.lower().startswith(b'content-length:')))
    while len(rest) < length:
        rest += s.recv(65536)
    ms = (time.perf_counter() - t) * 1000
    if not head.startswith(b'HTTP/1.1 200') or b'"errors"' in rest[:length][:12]:
        raise SystemExit('error: ' + (head + rest[:300]).decode())
    pending = rest[length:]
    return ms


lat, cpu = {}, {}
for i in range(n):
    for op in ops:
        q, var = QUERIES[op]
        # Which client goes first alternates, so neither always follows the other.
        for mode in (('http.client', 'raw socket') if i % 2 == 0 else ('raw socket', 'http.client')):
            c0 = time.process_time()
            ms = timed_call(hc, q, var, ids, i * 7 + 1) if mode == 'http.client' else raw_call(q, var, ids[(i * 7 + 1) % len(ids)])
            cpu[(op, mode)] = cpu.get((op, mode), 0) + time.process_time() - c0
            lat.setdefault((op, mode), []).append(ms)
for (op, mode), v in sorted(lat.items()):
    v.sort()
    print('%-16s %-12s n %d p50 %.3f ms p95 %.3f ms client CPU/call %.3f ms' % (
        op, mode, len(v), v[len(v) // 2], v[int(len(v) * .95)], cpu[(op, mode)] * 1000 / len(v)))
for op in ops:
    a, b = sorted(lat[(op, 'http.client')]), sorted(lat[(op, 'raw socket')])
    print('%-16s http.client - raw socket p50: %.3f ms' % (op, a[len(a) // 2] - b[len(b) // 2]))
print('load average %s' % open('/proc/loadavg').read().split()[0])
