#!/usr/bin/env bash
# Counts what the packaged gateway writes while it starts, the way an operator runs it (README: model on, embedded
# store with the sample catalogue, JSON logs on), and prints the figures BENCHMARKS.md / issue #13 quote:
#   lines, WARN (or worse) lines, lines that are not JSON, lines with an empty request id, GraphiQL address lines.
#   bench/startup-log.sh [JAR=gateway/target/quarkus-app/quarkus-run.jar] [text]
# "text" counts the plain-text format instead (non-JSON is then not meaningful; empty "[rid=]" is).
# TF_CPP_MIN_LOG_LEVEL is removed from the environment: the gateway must quieten TensorFlow by itself.
# Starts on a free port and a throw-away store; stops the process once "started in" is logged (or after 180 s).
set -euo pipefail
cd "$(dirname "$0")/.."
JAR=${1:-gateway/target/quarkus-app/quarkus-run.jar}
MODE=${2:-json}
[ -f "$JAR" ] || ./mvnw -B -q -ntp package -DskipTests -pl gateway -am
STORE=$(mktemp -d /tmp/kg-startlog-XXXXXX)
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
LOG=$(mktemp /tmp/kg-startlog-XXXXXX.log)
JSON=true; [ "$MODE" = text ] && JSON=false
env -u TF_CPP_MIN_LOG_LEVEL QUARKUS_LOG_CONSOLE_JSON_ENABLED=$JSON \
  java -Xmx1g -Dquarkus.http.port="$PORT" -Dkg.store.path="$STORE" -jar "$JAR" > "$LOG" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null; wait $PID 2>/dev/null || true; rm -rf "$STORE"; [ -n "${KEEP_LOG:-}" ] && cp "$LOG" "$KEEP_LOG"; rm -f "$LOG"' EXIT
for _ in $(seq 1 360); do
  grep -q 'started in' "$LOG" && break
  kill -0 $PID 2>/dev/null || break
  sleep 0.5
done
sleep 1 # lines logged right after "started in" (the address banner comes just before it)
python3 - "$LOG" "$MODE" <<'PY'
import json, sys
lines = [l.rstrip("\n") for l in open(sys.argv[1], encoding="utf-8", errors="replace") if l.strip()]
mode = sys.argv[2]
non_json, warn, empty_rid, graphiql = [], [], [], 0
for l in lines:
    try:
        rec = json.loads(l)
        level, msg = rec.get("level", ""), rec.get("message", "")
    except ValueError:
        rec, level, msg = None, "", l
        non_json.append(l)
        for lv in ("WARN", "ERROR", "FATAL"):
            if f" {lv} " in l[:40] or l.startswith(lv):
                level = lv
    if level in ("WARN", "WARNING", "ERROR", "FATAL", "SEVERE") or (rec is None and ("W tensorflow" in l or l.startswith("W0") or "WARNING" in l)):
        warn.append(l)
    if "[rid=]" in l:
        empty_rid.append(l)
    if "/q/graphql-ui" in msg:
        graphiql += 1
print(f"start-up log ({mode} logging): {len(lines)} lines, {len(warn)} WARN/ERROR, "
      f"{len(non_json) if mode == 'json' else 'n/a'} not JSON, {len(empty_rid)} with empty [rid=], "
      f"{graphiql} GraphiQL address line(s)")
for title, group in (("WARN/ERROR", warn), ("not JSON", non_json if mode == "json" else [])):
    for l in group[:20]:
        print(f"  {title}: {l[:200]}")
PY
