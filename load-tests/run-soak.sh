#!/usr/bin/env bash
# Soak: the mixed SmokeSimulation (every query and mutation, enrichment included) for SOAK_SECONDS against a local
# gateway, sampling the gateway's resident memory and JVM heap every 30 s into a CSV.
#   load-tests/run-soak.sh                 # 600 s at the smoke rates
#   SOAK_SECONDS=7200 RATE=5 load-tests/run-soak.sh
#   SIMULATION=ReadMixSimulation load-tests/run-soak.sh   # reads only: the catalogue does not grow
# Pass: Gatling exits 0 (no KO above 1 %), heap after GC and RSS flat (compare first and last samples).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
SOAK_SECONDS=${SOAK_SECONDS:-600}
PORT=${PORT:-$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')}
OUT=${OUT:-load-tests/target/soak-$(date +%Y%m%d-%H%M%S).csv}
mkdir -p "$(dirname "$OUT")"
echo "seconds,rss_kb,heap_used_bytes,heap_committed_bytes,old_gen_used_bytes,requests_total" > "$OUT"
sample() {
  local start=$SECONDS
  while true; do
    sleep 30
    local pid
    pid=$(pgrep -f "quarkus.http.port=$PORT|QUARKUS_HTTP_PORT=$PORT" | head -1 || true)
    [ -z "$pid" ] && pid=$(ss -ltnp 2>/dev/null | grep ":$PORT " | sed -E 's/.*pid=([0-9]+).*/\1/' | head -1 || true)
    [ -z "$pid" ] && continue
    local rss metrics heap committed old reqs
    rss=$(ps -o rss= -p "$pid" | tr -d ' ')
    metrics=$(curl -s "http://127.0.0.1:$PORT/q/metrics")
    # Label values contain spaces ("G1 Old Gen"): the value is the last field.
    heap=$(grep '^jvm_memory_used_bytes{area="heap"' <<< "$metrics" | awk '{s+=$NF} END {printf "%.0f", s}')
    committed=$(grep '^jvm_memory_committed_bytes{area="heap"' <<< "$metrics" | awk '{s+=$NF} END {printf "%.0f", s}')
    old=$(grep '^jvm_memory_used_bytes{area="heap",id="G1 Old Gen"' <<< "$metrics" | awk '{printf "%.0f", $NF}')
    reqs=$(grep '^http_server_requests_seconds_count' <<< "$metrics" | grep 'uri="/graphql"' | awk '{s+=$NF} END {printf "%.0f", s}')
    echo "$((SECONDS - start)),$rss,$heap,$committed,$old,$reqs" >> "$OUT"
  done
}
# A fixed heap: without it G1 grows the committed heap towards a quarter of RAM under load and RSS climbs with no
# leak at all; fixed, any RSS ramp is native memory (TensorFlow, LMDB maps) and worth a look.
export JAVA_OPTS=${JAVA_OPTS:-"-Xms384m -Xmx384m"}
sample &
SAMPLER=$!
trap 'kill $SAMPLER 2>/dev/null || true' EXIT
PORT=$PORT SKIP_BUILD=${SKIP_BUILD:-1} GATLING_ARGS="-Dduration=$SOAK_SECONDS ${RATE:+-Drate=$RATE} ${GATLING_ARGS:-}" \
  load-tests/run-smoke.sh
echo "[soak] samples: $OUT"
cat "$OUT"
