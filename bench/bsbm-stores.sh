#!/usr/bin/env bash
# The same BSBM questions asked of the gateway over four stores and rankings (issue 15 item 5 side by side), with the
# similarProducts answers of 200 products checked equal across all four:
#   1. embedded RDF4J LMDB, in-memory similarity index (the default)
#   2. embedded RDF4J LMDB, SPARQL ranking in-process (kg.store.similarity-index=false: similar-products.rq on RDF4J)
#   3. Jena Fuseki TDB2 over HTTP, similarity index kept by the change feed (remote default)
#   4. Jena Fuseki TDB2 over HTTP, SPARQL ranking (similar-products.rq on Fuseki)
# Each row: bench/bsbm-requests.py (empty request, similarProducts top 10, product by id; one keep-alive connection,
# cache off), the store requests per call of each (bench/store-queries-per-call.py) and the gateway's RSS. Fuseki 5.6
# and its TDB2 loader come from the gateway's test classpath (Maven Central).
#   bench/bsbm-stores.sh DIR [CALLS=1000]     (ROWS="fuseki-index fuseki-sparql" runs only those rows)
# BSBM_REASON=1: a fourth operation, similarProducts with the reason fields (bench/bsbm_calls.py REASON_QUERY), timed and
# counted like the others, its answer on every call (warm-up included) compared byte for byte across the rows.
# DIR: a folder bench/bsbm.sh filled (DIR/products.jsonl, DIR/data loaded). Written here: DIR/nq (N-Quads of the same
# products, bulk-load --target file), DIR/tdb2, DIR/answers-*.json, DIR/*.log.
set -euo pipefail
cd "$(dirname "$0")/.."
DIR=$1
CALLS=${2:-1000}
JAR=${JAR:-gateway/target/quarkus-app/quarkus-run.jar}   # JAR=…: another build (A/B)
[ -f "$DIR/loaded" ] || { echo "run bench/bsbm.sh first: $DIR/data is not loaded" >&2; exit 1; }
python3 -c "import json; [print(json.loads(l)['id']) for l in open('$DIR/products.jsonl')]" | shuf --random-source=<(yes) > "$DIR/ids.txt"
CP_FILE=gateway/target/test-classpath.txt
if [ ! -f "$CP_FILE" ]; then
  ./mvnw -B -ntp -q dependency:build-classpath -pl gateway -Dmdep.includeScope=test -Dmdep.outputFile="$PWD/$CP_FILE"
fi
CP=$(cat "$CP_FILE")
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
wait_ready() { for _ in $(seq 1800); do curl -sf "$1" > /dev/null && return 0; sleep 1; done; echo "not ready: $1" >&2; return 1; }

if [ ! -f "$DIR/tdb2.loaded" ]; then
  rm -rf "$DIR/nq" "$DIR/tdb2"
  java -Dkg.ner.enabled=false -Dquarkus.http.port=0 -Dkg.store.path="$DIR/nq-scratch" -jar "$JAR" \
    bulk-load "$DIR/products.jsonl" --target file --out "$DIR/nq" --no-enrich > "$DIR/nq.log" 2>&1
  start=$(date +%s.%N)
  java -cp "$CP" tdb2.tdbloader --loc "$DIR/tdb2" "$DIR"/nq/*.nq > "$DIR/tdb2-load.log" 2>&1
  end=$(date +%s.%N)
  python3 -c "print('tdb2.tdbloader: %.1f s wall (JVM start included)' % ($end-$start))" | tee "$DIR/tdb2.loaded"
fi

PIDS=()
trap 'for p in "${PIDS[@]}"; do kill $p 2>/dev/null || true; done' EXIT
FPORT=$(free_port)
java -Xmx2g -cp "$CP" bench/FusekiTdb2.java "$DIR/tdb2" "$FPORT" > "$DIR/fuseki.log" 2>&1 &
PIDS+=($!)
for _ in $(seq 300); do
  curl -sf "localhost:$FPORT/kg/query" --data-urlencode 'query=ASK {}' > /dev/null && break; sleep 1
done

run() { # name, then gateway options
  local name=$1; shift
  local port; port=$(free_port)
  java -Xmx2g ${JAVA_OPTS:-} -Dquarkus.http.port="$port" -Dkg.sample.load-on-empty=false -Dkg.cache.enabled=false \
    -Dkg.ner.enabled=false -Dquarkus.log.level=INFO "$@" -jar "$JAR" > "$DIR/server-$name.log" 2>&1 &
  local pid=$!
  PIDS+=($pid)
  wait_ready "localhost:$port/q/health/ready"
  # A remote store's index is built in the background after start: wait for it, or the row measures SPARQL ranking.
  if [[ "$name" == fuseki-index ]]; then
    for _ in $(seq 1800); do
      curl -sf "localhost:$port/q/metrics" | grep -q '^kg_similarity_index_ready 1' && break; sleep 1
    done
  fi
  echo "== $name"
  python3 bench/bsbm-requests.py "$CALLS" "$DIR/ids.txt" "$port" 300 "$DIR/answers-$name.json"
  python3 bench/store-queries-per-call.py "$port" "$DIR/ids.txt" 100
  echo "server RSS: $(ps -o rss= -p $pid) kB; load average: $(cut -d' ' -f1-3 /proc/loadavg)"
  # A remote row's other costs: the index build at start (from the change feed's log line) and Fuseki's own memory.
  if [[ "$name" == fuseki-* ]]; then
    grep -o 'Similarity index (remote store): .* ms' "$DIR/server-$name.log" || true
    echo "Fuseki RSS: $(ps -o rss= -p "${PIDS[0]}") kB"
  fi
  kill $pid; wait $pid 2>/dev/null || true
}
EMB=(-Dkg.store.path="$DIR/data")
REMOTE=(-Dkg.store.kind=sparql -Dkg.store.query-endpoint="http://localhost:$FPORT/kg/query"
  -Dkg.store.update-endpoint="http://localhost:$FPORT/kg/update" -Dkg.store.socket-timeout=120s)
ROWS=${ROWS:-embedded-index embedded-sparql fuseki-index fuseki-sparql}
for row in $ROWS; do
  case $row in
    embedded-index) run embedded-index "${EMB[@]}" ;;
    embedded-sparql) run embedded-sparql "${EMB[@]}" -Dkg.store.similarity-index=false ;;
    fuseki-index) run fuseki-index "${REMOTE[@]}" ;;
    fuseki-sparql) run fuseki-sparql "${REMOTE[@]}" -Dkg.store.similarity-index=false ;;
  esac
done
python3 - "$DIR" <<'PY'
import json, sys
d = sys.argv[1]
names = ['embedded-index', 'embedded-sparql', 'fuseki-index', 'fuseki-sparql']
import os
names = [n for n in names if os.path.exists('%s/answers-%s.json' % (d, n))]
a = {n: json.load(open('%s/answers-%s.json' % (d, n))) for n in names}
for n in names[1:]:
    diff = [k for k in a[names[0]] if a[names[0]][k] != a[n].get(k)]
    print('%s vs %s: %d of %d similarProducts answers equal%s' % (n, names[0], len(a[n]) - len(diff), len(a[n]),
          '' if not diff else '; first difference: %s' % diff[0]))
sys.path.insert(0, 'bench')
from bsbm_calls import compare_kept
r = {n: json.load(open('%s/answers-%s.reason.json' % (d, n))) for n in names
     if os.path.exists('%s/answers-%s.reason.json' % (d, n)) and os.environ.get('BSBM_REASON')}
rn = [n for n in names if n in r]
for n in rn[1:]:
    both, diff = compare_kept(r[rn[0]], r[n])
    print('%s vs %s: %d of %d similarReason answers (every call) byte-equal%s' % (n, rn[0], len(both) - len(diff),
          len(both), '' if not diff else '; first difference: %s' % diff[0]))
PY
