#!/usr/bin/env bash
# Smoke load test: build the gateway, start it on a free local port with a throw-away
# embedded store, run SmokeSimulation (~30 s, every GraphQL operation at a low rate), stop the
# gateway and print where the Gatling HTML report is. Exit code = Gatling's (non-zero when an
# assertion failed). Traffic goes to 127.0.0.1 only.
#
#   load-tests/run-smoke.sh                       # from anywhere in the repository
#
# Environment (all optional):
#   SKIP_BUILD=1        reuse the existing target/quarkus-app (no ./mvnw package)
#   PORT=18080          port for the gateway (default: first free port from 18080)
#   GENERATE_CMD='...'  data-generator command, run from the repository root BEFORE the gateway
#                       starts, with KG_STORE_PATH (the temp store) and LOADTEST_IDS_FILE exported.
#                       It must fill the store and write the product ids to $LOADTEST_IDS_FILE
#                       (CSV with an "id" column, or .jsonl). The generator's command line is not
#                       known yet - the service team documents it; until then leave it unset and
#                       the smoke uses the sample catalogue (KG_SAMPLE_LOAD_ON_EMPTY=true)
#                       with ids from products(first: 100).
#   GATEWAY_CMD='...'   how to start the gateway (default: java $JAVA_OPTS -jar
#                       target/quarkus-app/quarkus-run.jar). The configuration is passed through
#                       the environment, so e.g. a native binary works too.
#   READY_TIMEOUT=240   seconds to wait for /q/health/ready (model load included)
#   KEEP_DATA=1         keep the temp store and gateway log for inspection
#   GATLING_ARGS='...'  extra -D arguments for the simulation (e.g. "-Drate=2 -Dduration=60")
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

READY_TIMEOUT="${READY_TIMEOUT:-240}"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/kg-smoke.XXXXXX")"
GATEWAY_LOG="$WORK/gateway.log"
GATEWAY_PID=""

cleanup() {
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
export KG_NER_TENSORFLOW_LIBRARY_PATH="$ROOT/target/tensorflow-natives"
export TENSORFLOW_LIBRARY_PATH="$ROOT/target/tensorflow-natives"
export KG_NER_CACHE_DIR="$WORK/ner-cache"

IDS_ARG=()
if [[ -n "${GENERATE_CMD:-}" ]]; then
  export LOADTEST_IDS_FILE="$ROOT/load-tests/data/product-ids.csv"
  mkdir -p "$(dirname "$LOADTEST_IDS_FILE")"
  echo "[smoke] generating data: $GENERATE_CMD"
  bash -c "$GENERATE_CMD"
  [[ -s "$LOADTEST_IDS_FILE" ]] || { echo "[smoke] GENERATE_CMD did not write $LOADTEST_IDS_FILE" >&2; exit 1; }
  export KG_SAMPLE_LOAD_ON_EMPTY=false
  IDS_ARG=("-DidsFile=$LOADTEST_IDS_FILE")
else
  export KG_SAMPLE_LOAD_ON_EMPTY=true
  # An ids file left by an earlier generated run would not match this fresh store.
  IDS_ARG=("-DidsFile=$WORK/no-ids-file")
fi

GATEWAY_CMD="${GATEWAY_CMD:-java ${JAVA_OPTS:-} -jar target/quarkus-app/quarkus-run.jar}"
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
echo " ready after ${SECONDS}s"

set +e
# shellcheck disable=SC2086 # GATLING_ARGS is a list of -D arguments
mvn -B -f load-tests/pom.xml gatling:test \
  -Dgatling.simulationClass=dev.kggateway.load.SmokeSimulation \
  -DbaseUrl="$BASE_URL" "${IDS_ARG[@]}" ${GATLING_ARGS:-}
rc=$?
set -e

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
