#!/usr/bin/env bash
# NER quality and speed as users get them: the real-text dev set through a running gateway's extractProperties
# over HTTP (one description per request), scored per type and micro with ner-contract's (type, value) matcher at
# the threshold the gateway applies, plus a threshold sweep; then single-description latency (from the same
# requests) and batch throughput (addProducts with enrichment, descriptions/s).
#
#   bench/ner-dev-eval.sh [DATA_CSV] [MODEL_DIR]
#     DATA_CSV   labelled CSV (default ner-trainer/devset/real-dev.csv: evaluation only, never training data)
#     MODEL_DIR  model folder for the gateway this script starts (default model/ner)
#   Env: GATEWAY_URL=http://host:port  use a running gateway instead of starting one (throughput needs
#        KG_API_KEY with the writer role; it writes products BENCH-NER-* there);
#        ROUNDS (default 3) addProducts rounds; extra JAVA_OPTS for the started gateway (e.g. -Dkg.ner.min-confidence=0.9).
set -euo pipefail
cd "$(dirname "$0")/.."
DATA=${1:-ner-trainer/devset/real-dev.csv}
MODEL=${2:-model/ner}
ROUNDS=${ROUNDS:-3}
JAR=gateway/target/quarkus-app/quarkus-run.jar
[ -f "$JAR" ] || ./mvnw -B -q -ntp package -DskipTests -pl gateway -am
WORK=$(mktemp -d /tmp/kg-ner-eval-XXXXXX)
PID=
cleanup() { [ -n "$PID" ] && kill "$PID" 2>/dev/null; wait 2>/dev/null; rm -rf "$WORK"; }
trap cleanup EXIT

if [ -z "${GATEWAY_URL:-}" ]; then
  PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  KG_API_KEY="ner-eval-$RANDOM$RANDOM"
  export KG_API_KEY
  java -Xmx1g ${JAVA_OPTS:-} -Dquarkus.http.port="$PORT" -Dkg.store.path="$WORK/store" -Dkg.sample.load-on-empty=false \
    -Dkg.ner.model-path="$MODEL" -Dkg.auth.api-keys="$KG_API_KEY" -Dquarkus.log.level=WARN -jar "$JAR" > "$WORK/gateway.log" 2>&1 &
  PID=$!
  GATEWAY_URL="http://127.0.0.1:$PORT"
  for _ in $(seq 1 120); do
    curl -sf "$GATEWAY_URL/q/health/ready" > /dev/null && break
    kill -0 "$PID" 2>/dev/null || { cat "$WORK/gateway.log"; exit 1; }
    sleep 1
  done
  echo "gateway: $GATEWAY_URL, model $MODEL ($(python3 -c "import json;m=json.load(open('$MODEL/manifest.json'));print(m.get('name'),m.get('version'))" 2>/dev/null || echo '?'))"
fi

echo "== quality: $DATA through extractProperties at $GATEWAY_URL/graphql"
java -Dquarkus.log.level=WARN -Dquarkus.banner.enabled=false -Dkg.store.path="$WORK/cmd-store" -Dkg.sample.load-on-empty=false -jar "$JAR" \
  evaluate-ner --data "$DATA" --url "$GATEWAY_URL/graphql"

if [ -n "${KG_API_KEY:-}" ]; then
  echo "== batch throughput: addProducts with enrichment, the dev-set descriptions, $ROUNDS rounds"
  python3 - "$DATA" "$GATEWAY_URL/graphql" "$KG_API_KEY" "$ROUNDS" <<'PY'
import csv, json, sys, time, urllib.request
data, url, key, rounds = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
texts, words = [], None
with open(data, newline='', encoding='utf-8') as f:
    for row in csv.DictReader(f):
        if row['Sentence #'].strip():
            if words: texts.append(' '.join(words))
            words = []
        words.append(row['Word'].strip())
if words: texts.append(' '.join(words))
q = 'mutation($in: [ProductInput!]!) { addProducts(inputs: $in) { added updated failed enriched durationMs } }'
def post(body):
    req = urllib.request.Request(url, json.dumps(body).encode(), {'Content-Type': 'application/json', 'X-API-Key': key})
    with urllib.request.urlopen(req, timeout=300) as r:
        return json.load(r)
rates = []
for r in range(rounds + 1):  # round 0 warms up
    inputs = [{'id': 'BENCH-NER-%d' % i, 'name': 'dev %d' % i, 'description': t, 'enrich': True} for i, t in enumerate(texts)]
    t0 = time.perf_counter()
    res = post({'query': q, 'variables': {'in': inputs}})
    wall = time.perf_counter() - t0
    if 'errors' in res: sys.exit('addProducts failed: %s' % res['errors'])
    rep = res['data']['addProducts']
    if r > 0:
        rates.append(len(texts) / wall)
        print('round %d: %d descriptions enriched and written in %.2f s (server %.0f ms): %.0f descriptions/s'
              % (r, rep['enriched'], wall, rep['durationMs'], len(texts) / wall))
rates.sort()
print('batch throughput (median of %d rounds, enrich + write, one addProducts call of %d): %.0f descriptions/s'
      % (rounds, len(texts), rates[len(rates) // 2]))
PY
else
  echo "no KG_API_KEY: batch throughput skipped"
fi
