#!/usr/bin/env bash
# Smoke load test: build the gateway, start it on a free local port with a throw-away
# embedded store, run SmokeSimulation (~30 s, every GraphQL operation at a low rate), stop the
# gateway and print where the Gatling HTML report is. Exit code = Gatling's (non-zero when an
# assertion failed). Traffic goes to 127.0.0.1 only.
#
#   load-tests/run-smoke.sh                       # from anywhere in the repository
#
# Environment (all optional):
#   SKIP_BUILD=1        reuse the existing gateway/target/quarkus-app (no ./mvnw package)
#   PORT=18080          port for the gateway (default: first free port from 18080)
#   GENERATE_COUNT=N    instead of the sample catalogue, generate N synthetic products with the
#                       gateway's generator (java -jar gateway/target/quarkus-app/quarkus-run.jar
#                       generate N FILE SEED, JSON lines of ProductInput), load them through the
#                       addProducts mutation once the gateway is ready (enrich:false - loading is
#                       set-up, not measurement) and use their ids as the feeder.
#   GENERATE_CMD='...'  override the generator command; it must write JSON lines of ProductInput
#                       to $LOADTEST_PRODUCTS_FILE (exported). Implies GENERATE_COUNT mode.
#   GATEWAY_CMD='...'   how to start the gateway (default: java $JAVA_OPTS -jar
#                       gateway/target/quarkus-app/quarkus-run.jar). The configuration is passed through
#                       the environment, so e.g. a native binary works too.
#   LOAD_BATCH=100      products per addProducts call when loading generated data
#   READY_TIMEOUT=240   seconds to wait for /q/health/ready (model load included)
#   KEEP_DATA=1         keep the temp store and gateway log for inspection
#   SIMULATION=ReadMixSimulation  another simulation class of load-tests (default SmokeSimulation)
#   GATLING_ARGS='...'  extra -D arguments for the simulation (e.g. "-Drate=2 -Dduration=60")
#
# While Gatling runs, the gateway's RSS and CPU are sampled every 2 s from /proc into
# load-tests/target/resources-<time>.csv and summarised at the end (the figures behind the k8s
# requests/limits, see docs/deploy.md).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

READY_TIMEOUT="${READY_TIMEOUT:-240}"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/kg-smoke.XXXXXX")"
GATEWAY_LOG="$WORK/gateway.log"
GATEWAY_PID=""

SAMPLER_PID=""
cleanup() {
  if [[ -n "$SAMPLER_PID" ]]; then kill "$SAMPLER_PID" 2>/dev/null || true; fi
  if [[ -n "$GATEWAY_PID" ]] && kill -0 "$GATEWAY_PID" 2>/dev/null; then
    echo "[smoke] stopping gateway (pid $GATEWAY_PID)"
    kill -TERM "$GATEWAY_PID" 2>/dev/null || true
    # Quarkus shuts down gracefully on SIGTERM; give the store time to close cleanly.
    for _ in $(seq 1 30); do kill -0 "$GATEWAY_PID" 2>/dev/null || break; sleep 1; done
    kill -KILL "$GATEWAY_PID" 2>/dev/null || true
  fi
  if [[ "${KEEP_DATA:-0}" == "1" ]]; then
    echo "[smoke] kept store and log in $WORK"
  else
    rm -rf "$WORK"
  fi
}
trap cleanup EXIT INT TERM

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

if [[ -z "${PORT:-}" ]]; then
  PORT=18080
  while port_in_use "$PORT"; do PORT=$((PORT + 1)); done
elif port_in_use "$PORT"; then
  echo "[smoke] port $PORT is already in use" >&2; exit 1
fi
BASE_URL="http://127.0.0.1:$PORT"

if [[ "${SKIP_BUILD:-0}" != "1" ]]; then
  echo "[smoke] building the gateway (./mvnw -q package -DskipTests)"
  if [[ -x ./mvnw ]]; then ./mvnw -q package -DskipTests; else mvn -q package -DskipTests; fi
fi

# A fresh random key per run: the smoke exercises authenticated mutations for real.
API_KEY="smoke-$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')"
export KG_API_KEY="$API_KEY"

export QUARKUS_HTTP_PORT="$PORT"
export KG_STORE_KIND=embedded
export KG_STORE_PATH="$WORK/store"
export KG_AUTH_ENABLED=true
export KG_AUTH_API_KEYS="$API_KEY"
export KG_NER_TENSORFLOW_LIBRARY_PATH="$ROOT/gateway/target/tensorflow-natives"
export TENSORFLOW_LIBRARY_PATH="$ROOT/gateway/target/tensorflow-natives"
export KG_NER_CACHE_DIR="$WORK/ner-cache"

IDS_ARG=()
GENERATED=0
if [[ -n "${GENERATE_COUNT:-}" || -n "${GENERATE_CMD:-}" ]]; then
  GENERATED=1
  export LOADTEST_PRODUCTS_FILE="$ROOT/load-tests/data/products.jsonl"
  mkdir -p "$(dirname "$LOADTEST_PRODUCTS_FILE")"
  GENERATE_CMD="${GENERATE_CMD:-java -jar gateway/target/quarkus-app/quarkus-run.jar generate ${GENERATE_COUNT} $LOADTEST_PRODUCTS_FILE 42}"
  echo "[smoke] generating data: $GENERATE_CMD"
  # Command mode starts the application too: point it at its own scratch store so it neither
  # creates nor locks the store the gateway is about to open.
  KG_STORE_PATH="$WORK/generator-store" KG_SAMPLE_LOAD_ON_EMPTY=false bash -c "$GENERATE_CMD"
  [[ -s "$LOADTEST_PRODUCTS_FILE" ]] || { echo "[smoke] the generator did not write $LOADTEST_PRODUCTS_FILE" >&2; exit 1; }
  export KG_SAMPLE_LOAD_ON_EMPTY=false
  IDS_ARG=("-DidsFile=$LOADTEST_PRODUCTS_FILE")
else
  export KG_SAMPLE_LOAD_ON_EMPTY=true
  # Ids left in load-tests/data/ by an earlier generated run would not exist in this fresh
  # store: point the feeder at a file that does not exist, so products(first: 100) is used.
  IDS_ARG=("-DidsFile=$WORK/no-ids-file")
fi

# Loads JSON lines of ProductInput through addProducts, LOAD_BATCH per call, failing on any
# rejected product. Plain bash + curl: the lines are JSON objects already, so a batch is just
# the lines joined with commas.
load_products() {
  local file="$1" batch="${LOAD_BATCH:-100}" total=0 chunk body response
  local query='mutation Load($inputs: [ProductInput!]!) { addProducts(inputs: $inputs) { added failed } }'
  while IFS= read -r chunk || [[ -n "$chunk" ]]; do
    body="{\"query\":\"$query\",\"variables\":{\"inputs\":[${chunk}]}}"
    response="$(curl -fsS -X POST "$BASE_URL/graphql" -H 'Content-Type: application/json' \
      -H "X-API-Key: $KG_API_KEY" --data-binary "$body")" || { echo "[smoke] load request failed" >&2; return 1; }
    if ! [[ "$response" =~ \"failed\":[[:space:]]*0[,}[:space:]] ]] || [[ "$response" =~ \"errors\":[[:space:]]*\[[[:space:]]*\{ ]]; then
      echo "[smoke] loading products failed: ${response:0:500}" >&2; return 1
    fi
    total=$((total + $(grep -o '"added":[[:space:]]*[0-9]*' <<<"$response" | grep -o '[0-9]*$')))
  done < <(sed 's/^{/{"enrich":false,/' "$file" | paste -d, $(printf -- '- %.0s' $(seq 1 "$batch")) | sed 's/,*$//')
  echo "[smoke] loaded $total products from $file"
}

GATEWAY_CMD="${GATEWAY_CMD:-java ${JAVA_OPTS:-} -jar gateway/target/quarkus-app/quarkus-run.jar}"
echo "[smoke] starting gateway on $BASE_URL (store $KG_STORE_PATH, log $GATEWAY_LOG)"
# exec: $! is then the gateway process itself, not an intermediate shell.
bash -c "exec $GATEWAY_CMD" >"$GATEWAY_LOG" 2>&1 &
GATEWAY_PID=$!

echo -n "[smoke] waiting for /q/health/ready (max ${READY_TIMEOUT}s)"
deadline=$((SECONDS + READY_TIMEOUT))
until curl -fsS -o /dev/null "$BASE_URL/q/health/ready" 2>/dev/null; do
  if ! kill -0 "$GATEWAY_PID" 2>/dev/null; then
    echo; echo "[smoke] gateway exited during startup; last log lines:" >&2
    tail -n 40 "$GATEWAY_LOG" >&2; exit 1
  fi
  if (( SECONDS >= deadline )); then
    echo; echo "[smoke] not ready after ${READY_TIMEOUT}s; last log lines:" >&2
    tail -n 40 "$GATEWAY_LOG" >&2; curl -sS "$BASE_URL/q/health/ready" >&2 || true; exit 1
  fi
  echo -n "."; sleep 2
done
echo " ready (${SECONDS}s since the script started)"

if [[ $GENERATED -eq 1 ]]; then
  load_products "$LOADTEST_PRODUCTS_FILE"
fi

# RSS (kB) and CPU (cores, averaged over the interval) of the gateway process, from /proc.
RESOURCES_CSV="$ROOT/load-tests/target/resources-$(date -u +%Y%m%dT%H%M%SZ).csv"
mkdir -p "$(dirname "$RESOURCES_CSV")"
sample_resources() {
  local hz ticks prev_ticks t prev_t rss
  hz=$(getconf CLK_TCK)
  echo "seconds,rss_kb,cpu_cores" > "$RESOURCES_CSV"
  prev_ticks=$(awk '{print $14 + $15}' "/proc/$GATEWAY_PID/stat"); prev_t=$(date +%s.%N)
  while kill -0 "$GATEWAY_PID" 2>/dev/null; do
    sleep 2
    ticks=$(awk '{print $14 + $15}' "/proc/$GATEWAY_PID/stat" 2>/dev/null) || break
    rss=$(awk '/^VmRSS:/ {print $2}' "/proc/$GATEWAY_PID/status" 2>/dev/null) || break
    t=$(date +%s.%N)
    awk -v s="$SECONDS" -v r="$rss" -v d="$((ticks - prev_ticks))" -v hz="$hz" -v dt="$(awk -v a="$t" -v b="$prev_t" 'BEGIN {print a - b}')" \
      'BEGIN {printf "%d,%d,%.2f\n", s, r, d / hz / dt}' >> "$RESOURCES_CSV"
    prev_ticks=$ticks; prev_t=$t
  done
}
echo "[smoke] gateway RSS after start-up: $(awk '/^VmRSS:/ {printf "%.0f MiB", $2 / 1024}' "/proc/$GATEWAY_PID/status")"
sample_resources &
SAMPLER_PID=$!

set +e
# shellcheck disable=SC2086 # GATLING_ARGS is a list of -D arguments
mvn -B -f load-tests/pom.xml gatling:test \
  -Dgatling.simulationClass=dev.kggateway.load.${SIMULATION:-SmokeSimulation} \
  -DbaseUrl="$BASE_URL" "${IDS_ARG[@]}" ${GATLING_ARGS:-}
rc=$?
set -e
kill "$SAMPLER_PID" 2>/dev/null || true; SAMPLER_PID=""
# CPU seconds (the integral) next to the mean: on a shared machine the gateway gets what the
# others leave, so CPU seconds per request is the figure that carries over to a pod.
awk -F, 'NR > 1 {n++; if ($2 > rss) rss = $2; c += $3; if ($3 > cmax) cmax = $3}
  END {if (n) printf "[smoke] gateway during the run (%d samples of 2 s): peak RSS %.0f MiB, CPU mean %.2f cores, peak %.2f cores, %.0f CPU seconds\n", n, rss / 1024, c / n, cmax, c * 2}' \
  "$RESOURCES_CSV"
echo "[smoke] resource samples: $RESOURCES_CSV"

report="$(ls -td load-tests/target/gatling/smokesimulation-*/ 2>/dev/null | head -n 1 || true)"
if [[ -n "$report" ]]; then
  echo "[smoke] Gatling report: $ROOT/${report}index.html"
fi
if [[ $rc -ne 0 ]]; then
  echo "[smoke] FAILED (Gatling exit $rc); gateway log tail:" >&2
  tail -n 30 "$GATEWAY_LOG" >&2 || true
else
  echo "[smoke] OK"
fi
exit $rc
