#!/usr/bin/env bash
# A running gateway's profile over N sequential calls of one operation (bench/cpu-per-call.py: a different product per
# call, one keep-alive connection), by async-profiler attached for those calls only (branch perf16).
#   bench/profile-calls.sh LIBASYNCPROFILER PID PORT OP N START IDS_FILE OUT.collapsed [EVENT=cpu] [INTERVAL=1ms]
# OP: empty | product | similarProducts. EVENT cpu: samples of CPU time per thread (interval 1 ms); alloc: allocation samples (e.g.
# interval 524288, one sample per ~512 KB allocated). Output: collapsed stacks, first frame the thread;
# bench/profile-groups.py sums them per 1,000 calls. async-profiler 3.0: Maven Central
# tools.profiler:async-profiler:3.0:linux-x64 (jar), its linux-x64/libasyncProfiler.so.
set -euo pipefail
AP=$(realpath "$1"); PID=$2; PORT=$3; OP=$4; N=$5; START=$6; IDS=$(realpath "$7"); OUT=$(realpath -m "$8")
EVENT=${9:-cpu}; INTERVAL=${10:-1ms}
cd "$(dirname "$0")"
# The options as one quoted jcmd argument (jcmd would split "key=value" pairs otherwise).
jcmd "$PID" JVMTI.agent_load "$AP" "\"start,event=$EVENT,interval=$INTERVAL,threads\"" > /dev/null
python3 cpu-per-call.py "$PID" "$PORT" "$OP" "$N" "$START" "$IDS"
jcmd "$PID" JVMTI.agent_load "$AP" "\"stop,file=$OUT,collapsed\"" > /dev/null
