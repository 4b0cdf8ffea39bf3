#!/usr/bin/env bash
# Benchmarks the gateway on a fresh embedded store of N synthetic products and prints/records the figures.
#   bench/run.sh [PRODUCTS=10000] [ENGINE=lmdb] [CALLS=300]
# Builds the tools app if needed (tools/: the gateway plus benchmark/generate), runs its `benchmark` (see
# tools/…/BenchmarkCommand) on a free port, writes
# bench/results/<products>-<engine>.md. Nothing else may use the store folder meanwhile.
set -euo pipefail
cd "$(dirname "$0")/.."
PRODUCTS=${1:-10000}
ENGINE=${2:-lmdb}
CALLS=${3:-300}
TOOLS=tools/target/quarkus-app/quarkus-run.jar
[ -f "$TOOLS" ] || ./mvnw -B -q -ntp package -DskipTests -pl tools -am
STORE=$(mktemp -d /tmp/kg-bench-XXXXXX)
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
mkdir -p bench/results
OUT=bench/results/${PRODUCTS}-${ENGINE}.md
java -Xmx2g -Dquarkus.http.port="$PORT" -Dkg.store.path="$STORE" -Dkg.store.engine="$ENGINE" \
  -Dkg.sample.load-on-empty=false -Dquarkus.log.level=WARN -Dkg.auth.api-keys="bench-$RANDOM$RANDOM" \
  -jar "$TOOLS" benchmark --products "$PRODUCTS" --calls "$CALLS" --out "$OUT"
echo "store: $STORE ($(du -sh "$STORE" | cut -f1)); figures: $OUT"
