#!/usr/bin/env bash
# Wall-clock critical path of one operation on a running gateway (branch perf25): perf records the scheduler
# (sched_switch, sched_wakeup) and the client's and event loop's socket syscalls machine-wide while
# bench/cpu-per-call.py's client sends N sequential calls on one keep-alive connection; bench/critical-path.py then
# cuts each request into client -> event loop -> worker -> event loop -> client segments (p50, mean).
#   bench/critical-path.sh PID PORT OP N START IDS_FILE OUT_PREFIX     (OP: empty | product | similarProducts)
# Needs perf with tracepoints (root). Writes OUT_PREFIX.data (perf), OUT_PREFIX.script (text).
set -euo pipefail
PID=$1; PORT=$2; OP=$3; N=$4; START=$5; IDS=$(realpath "$6"); OUT=$(realpath -m "$7")
cd "$(dirname "$0")"
perf record -q -e sched:sched_switch,sched:sched_wakeup,syscalls:sys_enter_sendto,syscalls:sys_exit_recvfrom,syscalls:sys_exit_epoll_wait,syscalls:sys_enter_writev \
  -a -o "$OUT.data" -- python3 cpu-per-call.py "$PID" "$PORT" "$OP" "$N" "$START" "$IDS"
perf script -i "$OUT.data" 2> /dev/null > "$OUT.script"
# The client: the python3 process that sent the most (other python processes may share the machine).
CLIENT=$(grep -P '^\s*python3\s+\d+\s.*sys_enter_sendto' "$OUT.script" | awk '{print $2}' | sort | uniq -c | sort -rn | head -1 | awk '{print $2}')
python3 critical-path.py "$OUT.script" "$CLIENT"
