#!/usr/bin/env bash
# Two running gateways profiled at once while asked in turn, call by call (bench/cpu-per-call-ab.py), so both profiles
# are taken under the same machine load (branch perf23; bench/profile-calls.sh profiles one gateway alone).
#   bench/profile-calls-ab.sh LIBASYNCPROFILER PID_A PORT_A PID_B PORT_B OP N START IDS_FILE OUT_PREFIX [EVENT=cpu] [INTERVAL=1ms]
# Output: OUT_PREFIX-A.collapsed, OUT_PREFIX-B.collapsed (bench/profile-groups.py N FILE... sums them per 1,000 calls).
set -euo pipefail
AP=$(realpath "$1"); PA=$2; PORTA=$3; PB=$4; PORTB=$5; OP=$6; N=$7; START=$8; IDS=$(realpath "$9"); OUT=$(realpath -m "${10}")
EVENT=${11:-cpu}; INTERVAL=${12:-1ms}
cd "$(dirname "$0")"
for P in "$PA" "$PB"; do
  jcmd "$P" JVMTI.agent_load "$AP" "\"start,event=$EVENT,interval=$INTERVAL,threads\"" > /dev/null
done
python3 cpu-per-call-ab.py "$PA" "$PORTA" "$PB" "$PORTB" "$OP" "$N" "$START" "$IDS"
jcmd "$PA" JVMTI.agent_load "$AP" "\"stop,file=$OUT-A.collapsed,collapsed\"" > /dev/null
jcmd "$PB" JVMTI.agent_load "$AP" "\"stop,file=$OUT-B.collapsed,collapsed\"" > /dev/null
