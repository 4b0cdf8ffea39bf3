#!/usr/bin/env bash
# export -> bulk-load into a fresh store -> export again, timed, and checks both exports hold the same statements.
#   bench/export-import.sh [PRODUCTS=100000] [FORMAT=nquads|turtle]
# Builds the app if needed. Everything goes to a fresh folder under /tmp; the gateway's HTTP listener stays off
# (export and bulk-load are commands). The graph has no blank nodes, so "same graph" is "same sorted N-Quads lines".
set -euo pipefail
cd "$(dirname "$0")/.."
PRODUCTS=${1:-100000}
FORMAT=${2:-nquads}
EXT=$([ "$FORMAT" = turtle ] && echo ttl || echo nq)
JAR=gateway/target/quarkus-app/quarkus-run.jar
TOOLS=tools/target/quarkus-app/quarkus-run.jar   # generate (the gateway plus benchmark/generate)
[ -f "$JAR" ] && [ -f "$TOOLS" ] || ./mvnw -B -q -ntp package -DskipTests -pl tools -am
W=$(mktemp -d /tmp/kg-roundtrip-XXXXXX)
run() { java -Xmx2g -Dkg.ner.enabled=false -Dquarkus.http.host-enabled=false -Dquarkus.log.level=WARN "$@"; }
secs() { python3 -c "import time; print(f'{time.time()-$1:.1f}')"; }
t=$(date +%s.%N); run -jar "$TOOLS" generate "$PRODUCTS" "$W/products.jsonl" 42 >/dev/null; echo "generate: $(secs $t) s"
t=$(date +%s.%N); run -Dkg.store.path="$W/a" -jar "$JAR" bulk-load "$W/products.jsonl" --no-enrich --out "$W/nq" >/dev/null
echo "bulk-load jsonl -> store A: $(secs $t) s"
t=$(date +%s.%N); run -Dkg.store.path="$W/a" -jar "$JAR" export --format "$FORMAT" --out "$W/export-1.$EXT"
echo "export A ($FORMAT): $(secs $t) s, $(du -h "$W/export-1.$EXT" | cut -f1)"
t=$(date +%s.%N); run -Dkg.store.path="$W/b" -jar "$JAR" bulk-load "$W/export-1.$EXT" >/dev/null
echo "bulk-load $EXT -> fresh store B: $(secs $t) s"
t=$(date +%s.%N); run -Dkg.store.path="$W/b" -jar "$JAR" export --format nquads --out "$W/export-2.nq"
echo "export B (nquads): $(secs $t) s"
if [ "$FORMAT" = nquads ]; then FIRST="$W/export-1.nq"; else
  run -Dkg.store.path="$W/a" -jar "$JAR" export --format nquads --out "$W/export-1.nq" 2>/dev/null; FIRST="$W/export-1.nq"; fi
LC_ALL=C sort -u "$FIRST" > "$W/1.sorted"; LC_ALL=C sort -u "$W/export-2.nq" > "$W/2.sorted"
echo "statements: $(wc -l < "$W/1.sorted") before, $(wc -l < "$W/2.sorted") after"
if cmp -s "$W/1.sorted" "$W/2.sorted"; then echo "same graph: yes"; else echo "same graph: NO"; exit 1; fi
echo "work folder: $W (delete when done)"
