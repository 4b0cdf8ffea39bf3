#!/usr/bin/env bash
# similarProducts on a remote store (Fuseki over HTTP) with the in-memory index (change feed) vs the SPARQL ranking,
# beside the embedded store, each on a fresh store of N synthetic products (the tools `benchmark` command).
#   bench/similarity-remote.sh [PRODUCTS=2000] [CALLS=300]
# Writes bench/results/similarity-remote-<N>-{embedded,fuseki-index,fuseki-sparql}.md. Fuseki (in-memory TDB, the
# Jena of the gateway's tests) runs in its own JVM on a free port; both Fuseki runs load the catalogue afresh.
set -euo pipefail
cd "$(dirname "$0")/.."
PRODUCTS=${1:-2000}
CALLS=${2:-300}
TOOLS=${TOOLS:-tools/target/quarkus-app/quarkus-run.jar}
[ -f "$TOOLS" ] || ./mvnw -B -q -ntp package -DskipTests -pl tools -am
CP=$(./mvnw -B -q -ntp -o -pl gateway dependency:build-classpath -Dmdep.outputFile=/dev/stdout -Dmdep.includeScope=test)
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
mkdir -p bench/results
KEY="bench-$RANDOM$RANDOM"

run() { # name, extra JVM options...
  local name=$1; shift
  java -Xmx2g -Dquarkus.http.port="$(free_port)" -Dkg.sample.load-on-empty=false -Dkg.ner.enabled=false \
    -Dquarkus.log.level=WARN -Dkg.auth.api-keys="$KEY" "$@" \
    -jar "$TOOLS" benchmark --products "$PRODUCTS" --calls "$CALLS" --out "bench/results/similarity-remote-$PRODUCTS-$name.md"
}

fuseki() { # name, extra JVM options...
  local name=$1; shift
  local port; port=$(free_port)
  java -Xmx2g -cp "$CP" bench/FusekiServerMain.java "$port" >/tmp/kg-bench-fuseki-$name.log 2>&1 &
  local pid=$!
  trap "kill $pid 2>/dev/null || true" EXIT
  for _ in $(seq 1 60); do curl -sf "http://localhost:$port/kg/query?query=ASK%7B%7D" >/dev/null && break; sleep 1; done
  # 60 s socket timeout: loading goes through replace-product updates of kg.ingest.write-chunk products each.
  run "$name" -Dkg.store.kind=sparql -Dkg.store.socket-timeout=60s -Dkg.store.query-endpoint="http://localhost:$port/kg/query" \
    -Dkg.store.update-endpoint="http://localhost:$port/kg/update" "$@"
  kill "$pid"; wait "$pid" 2>/dev/null || true
  trap - EXIT
}

if [ -z "${SKIP_EMBEDDED:-}" ]; then
  STORE=$(mktemp -d /tmp/kg-bench-XXXXXX)
  run embedded -Dkg.store.path="$STORE"
  rm -rf "$STORE"
fi
fuseki fuseki-index
fuseki fuseki-sparql -Dkg.store.change-feed.enabled=false
grep -H "similarProducts\|similarity below" bench/results/similarity-remote-"$PRODUCTS"-*.md
