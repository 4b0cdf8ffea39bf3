#!/usr/bin/env python3
# Where the WALL time of sequential requests goes (branch perf25): from `perf script` of scheduler and syscall
# tracepoints (bench/critical-path.sh records them), each request is cut at the client's send, the event loop running,
# the worker woken and running, the worker going back to sleep, the client woken and its recv returning. Prints p50 and
# mean of each segment over the requests whose every mark was seen. Wake-up latencies (woken -> running) are the
# thread hand-offs' own cost; the rest is a thread's work (CPU, or waiting for a CPU on a shared machine).
#   python3 bench/critical-path.py PERF_SCRIPT_FILE CLIENT_PID
import re, sys
CLIENT = int(sys.argv[2])
pat = re.compile(r'^\s*(.+?)\s+(\d+)\s+\[(\d+)\]\s+([\d.]+):\s+(\S+):\s*(.*)$')
ev = []
for l in open(sys.argv[1]):
    m = pat.match(l)
    if m:
        comm, tid, cpu, ts, name, rest = m.groups()
        ev.append((float(ts) * 1e6, int(tid), comm, name, rest))
def kind(comm):
    if comm.startswith('vert.x-eventloo'): return 'E'
    if comm.startswith('executor-thread'): return 'W'
    return None
role = {CLIENT: 'C'}
for t, tid, comm, name, rest in ev:
    if kind(comm): role[tid] = kind(comm)
reqs, cur = [], None
for t, tid, comm, name, rest in ev:
    r = role.get(tid)
    if name == 'sched:sched_wakeup':
        wk = int(re.search(r' pid=(\d+)', rest).group(1)); wr = role.get(wk)
    elif name == 'sched:sched_switch':
        m = re.search(r'prev_pid=(\d+) prev_prio=\d+ prev_state=(\S+) ==> next_comm=.+? next_pid=(\d+)', rest)
        pv, pst, nx = int(m.group(1)), m.group(2), int(m.group(3)); nr = role.get(nx)
    if r == 'C' and name == 'syscalls:sys_enter_sendto':
        if cur is None or 'recv' in cur:
            if cur is not None: cur['next'] = t; reqs.append(cur)
            cur = {'send': t}
        continue
    if cur is None or 'recv' in cur: continue
    if 'E_run' not in cur:
        if r == 'E': cur['E_run'] = t
        elif name == 'sched:sched_switch' and nr == 'E': cur['E_run'] = t
        continue
    if 'W_run' not in cur:
        if name == 'sched:sched_wakeup' and wr == 'W' and 'W_wake' not in cur: cur['W_wake'] = t; cur['W'] = wk
        if name == 'sched:sched_switch' and nr == 'W': cur['W_run'] = t; cur['W'] = nx; cur.setdefault('W_wake', t)
        continue
    if 'W_done' not in cur and name == 'sched:sched_switch' and pv == cur['W'] and pst.startswith('S'):
        cur['W_done'] = t
    if name == 'sched:sched_wakeup' and wk == CLIENT and 'C_wake' not in cur: cur['C_wake'] = t
    if r == 'C' and name == 'syscalls:sys_exit_recvfrom': cur['recv'] = t
ok = [q for q in reqs if all(k in q for k in ('E_run', 'W_wake', 'W_run', 'W_done', 'C_wake', 'recv', 'next'))]
print('%d requests traced, %d complete' % (len(reqs), len(ok)))
SEG = [('client sends -> event loop runs', 'send', 'E_run'),
       ('event loop: read, route, auth, guard, dispatch', 'E_run', 'W_wake'),
       ('worker wake-up latency', 'W_wake', 'W_run'),
       ('worker: execute, JSON, end() (runs -> sleeps)', 'W_run', 'W_done'),
       ('worker runs -> client woken (write back incl.)', 'W_run', 'C_wake'),
       ('client wake-up -> recv returns', 'C_wake', 'recv'),
       ('timed span: client send -> recv returns', 'send', 'recv'),
       ('client: recv -> next send (parse, build)', 'recv', 'next')]
for nm, a, b in SEG:
    v = sorted(q[b] - q[a] for q in ok)
    print('  %-50s p50 %6.0f us  mean %6.0f us' % (nm, v[len(v) // 2], sum(v) / len(v)))
