#!/usr/bin/env bash
# BSBM on the gateway (issue 15 item 5): BSBM N-Triples -> JSON lines (tools app `convert-bsbm`) -> bulk-load into an
# embedded store (wall time, JVM start included) -> server with the result cache off -> bench/bsbm-requests.py
# (empty request, similarProducts, product by id on one connection) and the server's RSS.
#   bench/bsbm.sh BSBM.nt [DIR=/tmp/kg-bsbm] [CALLS=1000]
# BSBM.nt comes from the public BSBM data generator, never committed. Built here from the afs/BSBM-Local sources
# (GitHub; its src/benchmark/{generator,model,serializer,vocabulary}, givennames.txt, and titlewords.txt from its
# commit 99042ab) with SSJ 2.5 (Maven Central ca.umontreal.iro:ssj:2.5, its Pareto distribution):
#   javac -encoding ISO-8859-1 -cp ssj-2.5.jar -d classes $(find src/benchmark/{generator,model,serializer,vocabulary} -name '*.java')
#   java -cp classes:ssj-2.5.jar benchmark.generator.Generator -pc 10000 -s nt -fn bsbm10k   # in the folder with the .txt files
# Large sizes: bench/bsbm-products.sh makes DIR/products.jsonl straight from the generator without writing the
# N-Triples (8.5 GB per 100k products); then run this script with BSBM.nt=/dev/null (the file is only read when
# DIR/products.jsonl is missing).
set -euo pipefail
cd "$(dirname "$0")/.."
NT=$1
DIR=${2:-/tmp/kg-bsbm}
CALLS=${3:-1000}
JAR=gateway/target/quarkus-app/quarkus-run.jar
TOOLS=tools/target/quarkus-app/quarkus-run.jar
mkdir -p "$DIR"
if [ ! -f "$DIR/products.jsonl" ]; then
  java -jar "$TOOLS" convert-bsbm "$NT" "$DIR/products.jsonl"
fi
if [ ! -f "$DIR/loaded" ]; then
  start=$(date +%s.%N)
  # The parallel collector, as README recommends for bulk-load (a one-shot throughput job; G1 before 2026-12-02).
  java -XX:+UseParallelGC -Dkg.ner.enabled=false -Dquarkus.http.port=0 -Dkg.store.path="$DIR/data" -jar "$JAR" \
    bulk-load "$DIR/products.jsonl" --target embedded --no-enrich
  end=$(date +%s.%N)
  python3 -c "import sys; n=sum(1 for _ in open('$DIR/products.jsonl')); w=$end-$start; print('bulk-load: %d products in %.1f s wall (JVM start included): %.0f products/s' % (n, w, n/w))"
  touch "$DIR/loaded"
fi
python3 -c "import json; [print(json.loads(l)['id']) for l in open('$DIR/products.jsonl')]" | shuf --random-source=<(yes) > "$DIR/ids.txt"
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
# Heap as docs/deploy.md "Heap by catalogue size" (before branch perf9 it ran -Xmx2g without the GC flags; -Xmx1g with
# -XX:+UseStringDeduplication until perf19, whose A/B gave 1.44 GB RSS instead of 1.49-1.75 GB and no slower calls:
# BENCHMARKS "RSS at BSBM 100k (perf19)").
java -Xmx512m -XX:G1PeriodicGCInterval=60000 -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=30 \
  ${JAVA_OPTS:-} -Dquarkus.http.port="$PORT" -Dkg.store.path="$DIR/data" -Dkg.sample.load-on-empty=false \
  -Dkg.cache.enabled=false -Dkg.ner.enabled=false -Dquarkus.log.level=WARN -jar "$JAR" > "$DIR/server.log" 2>&1 &
SERVER=$!
started=$(date +%s)
trap 'kill $SERVER 2>/dev/null || true' EXIT
# BSBM 100k starts in ~50 s on a quiet machine, 8-9 min at load average 20 (index builds): wait up to 15 min.
# Ready includes the warm-up (kg.warm-up.rounds, perf25): the requests below meet a JVM that has compiled its path.
for _ in $(seq 900); do curl -sf "localhost:$PORT/q/health/ready" > /dev/null && break; sleep 1; done
curl -sf "localhost:$PORT/q/health/ready" > /dev/null || { echo "server not ready, see $DIR/server.log" >&2; exit 1; }
echo "server ready $(( $(date +%s) - started )) s after start (warm-up included); load average: $(cut -d' ' -f1-3 /proc/loadavg)"
python3 bench/bsbm-requests.py "$CALLS" "$DIR/ids.txt" "$PORT"
# RSS in two parts: anonymous (heap, metaspace, code, threads) and file-backed (mostly LMDB's memory map of the store:
# page cache, reclaimable, not heap).
echo "server RSS: $(ps -o rss= -p $SERVER) kB ($(grep -E 'RssAnon|RssFile' /proc/$SERVER/status | tr -s ' \t\n' ' ')); load average: $(cut -d' ' -f1-3 /proc/loadavg)"
