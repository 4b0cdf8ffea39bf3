#!/usr/bin/env bash
# Cached product-by-id throughput over HTTP with wrk (Debian package `wrk`) as a separate load generator.
#   bench/wrk-product-by-id.sh [STORE_DIR] [SECONDS=20] [CONNECTIONS=16]
# Uses an existing store (e.g. the one bench/run.sh printed) or a fresh one with the sample catalogue.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v wrk >/dev/null || { echo "needs wrk: apt-get install -y wrk" >&2; exit 1; }
STORE=${1:-$(mktemp -d /tmp/kg-wrk-XXXXXX)}
SECONDS_=${2:-20}
CONNECTIONS=${3:-16}
[ -f gateway/target/quarkus-app/quarkus-run.jar ] || ./mvnw -B -q -ntp package -DskipTests
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
java -Xmx1g -Dquarkus.http.port="$PORT" -Dkg.store.path="$STORE" -Dkg.ner.enabled=false -Dquarkus.log.level=WARN \
  -jar gateway/target/quarkus-app/quarkus-run.jar > /tmp/kg-wrk-gateway.log 2>&1 &
GW=$!
trap 'kill $GW 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$PORT/q/health/ready" >/dev/null && break; sleep 1; done
ID=$(curl -s "http://127.0.0.1:$PORT/graphql" -H 'content-type: application/json' \
  -d '{"query":"{ products(first: 1) { edges { node { id } } } }"}' | python3 -c 'import json,sys; print(json.load(sys.stdin)["data"]["products"]["edges"][0]["node"]["id"])')
LUA=$(mktemp /tmp/kg-wrk-XXXXXX.lua)
cat > "$LUA" <<LUAEOF
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"query":"query(\$id: ID!) { product(id: \$id) { id name price manufacturer } }","variables":{"id":"$ID"}}'
LUAEOF
wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_}s" --latency -s "$LUA" "http://127.0.0.1:$PORT/graphql"
