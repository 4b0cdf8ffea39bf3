# Sourced by bench scripts (not run): start_throwaway_gateway JAR PROBE [JVM options...] starts the packaged gateway
# on a free port and a throw-away embedded store (model off, sample catalogue not enriched, auth off), waits up to
# 2 minutes until http://127.0.0.1:$PORT$PROBE answers, and sets PORT, PID, STORE and LOG (the server's output). On
# exit the server is stopped and the store removed.
start_throwaway_gateway() {
  local jar=$1 probe=$2
  shift 2
  STORE=$(mktemp -d /tmp/kg-bench-XXXXXX)
  PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  LOG=$(mktemp /tmp/kg-bench-XXXXXX.log)
  java -Xmx1g -Dquarkus.http.port="$PORT" -Dkg.store.path="$STORE" -Dkg.ner.enabled=false -Dkg.sample.enrich=false \
    -Dkg.auth.enabled=false "$@" -jar "$jar" > "$LOG" 2>&1 &
  PID=$!
  trap 'kill $PID 2>/dev/null; wait $PID 2>/dev/null || true; rm -rf "$STORE"' EXIT
  for _ in $(seq 1 240); do
    curl -fs "http://127.0.0.1:$PORT$probe" > /dev/null 2>&1 && return 0
    sleep 0.5
  done
}
