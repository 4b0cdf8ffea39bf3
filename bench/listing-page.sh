#!/usr/bin/env bash
# Listing-page benchmark (issue 12): a page of 20 products with orderBy + filter + totalCount + 3 facet types +
# priceStats on a generated catalogue, result cache off (every call goes to the store), printed as p50/p95/p99.
#   bench/listing-page.sh [PRODUCTS=100000] [CALLS=100] [DIR=/tmp/kg-listing-<products>]
# JAVA_OPTS is passed to the measured gateway (e.g. -Dkg.store.listing-index=false for the SPARQL path, which needs
# -Dkg.store.query-timeout=60s at 100k to give figures for slow queries instead of timeouts).
# Generates the catalogue (seed 42) and bulk-loads it into DIR/data once (reused on later runs), then runs
# `benchmark --listing` of the tools app (tools/: the gateway plus benchmark/generate) on a free port; figures go to
# bench/results/listing-<products>.md.
set -euo pipefail
cd "$(dirname "$0")/.."
PRODUCTS=${1:-100000}
CALLS=${2:-100}
DIR=${3:-/tmp/kg-listing-$PRODUCTS}
JAR=gateway/target/quarkus-app/quarkus-run.jar
TOOLS=tools/target/quarkus-app/quarkus-run.jar
[ -f "$JAR" ] && [ -f "$TOOLS" ] || ./mvnw -B -q -ntp package -DskipTests -pl tools -am
mkdir -p "$DIR" bench/results
if [ ! -f "$DIR/loaded" ]; then
  java -jar "$TOOLS" generate "$PRODUCTS" "$DIR/products.jsonl" 42
  java -Dkg.ner.enabled=false -Dquarkus.http.port=0 -Dkg.store.path="$DIR/data" -jar "$JAR" \
    bulk-load "$DIR/products.jsonl" --target embedded --no-enrich
  touch "$DIR/loaded"
fi
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
OUT=bench/results/listing-${PRODUCTS}.md
java -Xmx2g ${JAVA_OPTS:-} -Dquarkus.http.port="$PORT" -Dkg.store.path="$DIR/data" -Dkg.sample.load-on-empty=false \
  -Dkg.cache.enabled=false -Dkg.ner.enabled=false -Dquarkus.log.level=WARN -Dkg.auth.api-keys="bench-$RANDOM$RANDOM" \
  -jar "$TOOLS" benchmark --products "$PRODUCTS" --calls "$CALLS" --listing --out "$OUT"
echo "figures: $OUT"
