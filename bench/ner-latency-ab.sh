#!/usr/bin/env bash
# A/B latency of one description through HTTP extractProperties on two gateways under the SAME load: both run at
# once and requests alternate A, B, A, B ... over the dev-set descriptions, so a busy shared machine slows both
# alike (a sequential before/after on this machine swings by a factor of 4 with the other jobs).
#
#   bench/ner-latency-ab.sh APP_A APP_B [MODEL_A] [MODEL_B] [DATA_CSV] [PASSES]
#     APP_A/B    quarkus-app folders (e.g. a copy of gateway/target/quarkus-app built from each commit)
#     MODEL_A/B  model folders (default model/ner for both)
#     DATA_CSV   labelled CSV whose sentences are sent (default ner-trainer/devset/real-dev.csv)
#     PASSES     passes over the descriptions (default 3; pass 1 is reported apart as warm-up)
#   Env: BATCH_ROUNDS (default 3; 0 skips) rounds of batch throughput afterwards: one addProducts call with
#        enrichment of all the descriptions per gateway per round, A and B alternating who goes first, after a
#        warm-up round each; the median descriptions/s of each and B/A.
#        OPTS_A / OPTS_B: extra JVM options of one side only (e.g. OPTS_B=-Dkg.ingest.enrich-part=128 to compare a
#        setting on the same build).
set -euo pipefail
cd "$(dirname "$0")/.."
APP_A=$1; APP_B=$2
MODEL_A=${3:-model/ner}; MODEL_B=${4:-model/ner}
DATA=${5:-ner-trainer/devset/real-dev.csv}
PASSES=${6:-3}
BATCH_ROUNDS=${BATCH_ROUNDS:-3}
KEY="ner-ab-$RANDOM$RANDOM"
WORK=$(mktemp -d /tmp/kg-ner-ab-XXXXXX)
# start() runs in a command substitution (a subshell), so the gateways' pids go to files, not to a variable
cleanup() { for f in "$WORK"/*.pid; do [ -f "$f" ] && kill "$(cat "$f")" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$WORK"; }
trap cleanup EXIT
start() { # app model name opts -> url on stdout
  local port
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  # shellcheck disable=SC2086 # opts are words
  java -Xmx1g $4 -Dquarkus.http.port="$port" -Dkg.store.path="$WORK/store-$3" -Dkg.sample.load-on-empty=false \
    -Dkg.ner.model-path="$2" -Dkg.auth.api-keys="$KEY" -Dquarkus.log.level=WARN -jar "$1/quarkus-run.jar" > "$WORK/$3.log" 2>&1 &
  echo $! > "$WORK/$3.pid"
  echo "http://127.0.0.1:$port"
}
URL_A=$(start "$APP_A" "$MODEL_A" a "${OPTS_A:-}")
URL_B=$(start "$APP_B" "$MODEL_B" b "${OPTS_B:-}")
for url in "$URL_A" "$URL_B"; do
  for _ in $(seq 1 180); do curl -sf "$url/q/health/ready" > /dev/null && break; sleep 1; done
  curl -sf "$url/q/health/ready" > /dev/null || { cat "$WORK"/*.log; exit 1; }
done
echo "A: $APP_A + $MODEL_A ${OPTS_A:-} at $URL_A"
echo "B: $APP_B + $MODEL_B ${OPTS_B:-} at $URL_B"
python3 - "$DATA" "$URL_A/graphql" "$URL_B/graphql" "$PASSES" "$BATCH_ROUNDS" "$KEY" <<'PY'
import csv, json, sys, time, urllib.request
data, url_a, url_b, passes, rounds, key = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), int(sys.argv[5]), sys.argv[6]
texts, words = [], None
with open(data, newline='', encoding='utf-8') as f:
    for row in csv.DictReader(f):
        if row['Sentence #'].strip():
            if words: texts.append(' '.join(words))
            words = []
        words.append(row['Word'].strip())
if words: texts.append(' '.join(words))
q = 'query($t: String!) { extractProperties(text: $t) { type value confidence } }'
def call(url, text):
    body = json.dumps({'query': q, 'variables': {'t': text}}).encode()
    req = urllib.request.Request(url, body, {'Content-Type': 'application/json'})
    t0 = time.perf_counter()
    with urllib.request.urlopen(req, timeout=60) as r:
        res = json.load(r)
    ms = (time.perf_counter() - t0) * 1000
    if 'errors' in res: sys.exit('extractProperties failed: %s' % res['errors'])
    return ms
def pct(xs, p):
    xs = sorted(xs); return xs[min(len(xs) - 1, int(p * len(xs)))]
for n in range(1, passes + 1):
    a, b = [], []
    for i, t in enumerate(texts):
        first, second = (url_a, url_b) if i % 2 == 0 else (url_b, url_a)  # alternate who goes first
        m1 = call(first, t); m2 = call(second, t)
        (a if first == url_a else b).append(m1); (b if first == url_a else a).append(m2)
    label = 'pass %d%s' % (n, ' (warm-up)' if n == 1 else '')
    print('%s, %d descriptions each: A p50 %.2f ms p95 %.2f ms | B p50 %.2f ms p95 %.2f ms | B/A p50 %.2f'
          % (label, len(texts), pct(a, .5), pct(a, .95), pct(b, .5), pct(b, .95), pct(b, .5) / pct(a, .5)))
m = 'mutation($in: [ProductInput!]!) { addProducts(inputs: $in) { enriched durationMs } }'
inputs = [{'id': 'BENCH-NER-%d' % i, 'name': 'dev %d' % i, 'description': t, 'enrich': True} for i, t in enumerate(texts)]
def batch(url):
    req = urllib.request.Request(url, json.dumps({'query': m, 'variables': {'in': inputs}}).encode(),
                                 {'Content-Type': 'application/json', 'X-API-Key': key})
    t0 = time.perf_counter()
    with urllib.request.urlopen(req, timeout=300) as r:
        res = json.load(r)
    wall = time.perf_counter() - t0
    if 'errors' in res: sys.exit('addProducts failed: %s' % res['errors'])
    return len(texts) / wall
rates = {url_a: [], url_b: []}
for n in range(rounds + 1):  # round 0 warms up
    for url in ((url_a, url_b) if n % 2 == 0 else (url_b, url_a)):
        rate = batch(url)
        if n > 0: rates[url].append(rate)
if rounds > 0:
    med = {u: sorted(r)[len(r) // 2] for u, r in rates.items()}
    print('batch, addProducts of %d descriptions with enrichment, %d rounds: A %s -> median %.0f/s | B %s -> median %.0f/s | B/A %.2f'
          % (len(texts), rounds, ' '.join('%.0f' % r for r in rates[url_a]), med[url_a],
             ' '.join('%.0f' % r for r in rates[url_b]), med[url_b], med[url_b] / med[url_a]))
PY
