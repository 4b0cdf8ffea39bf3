#!/usr/bin/env bash
# Measures how the gateway holds up under hostile documents and prints the figures docs/production.md quotes:
#   1. fragment bomb n=40 (each fragment spreads the previous one twice: 2^40 fields expanded): response time
#      and code, 20 requests one after the other;
#   2. two clients sending fragment bombs back to back for DURATION seconds while a third calls /q/health/live
#      every 50 ms: liveness p50/p99/max and the bombs answered.
#   bench/hostile-limits.sh [DURATION=20]
# Starts the packaged jar (builds it if missing) on a free port and a throw-away embedded store, model off.
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${1:-20}
[ -f gateway/target/quarkus-app/quarkus-run.jar ] || ./mvnw -B -q -ntp package -DskipTests
. bench/throwaway-gateway.sh
start_throwaway_gateway gateway/target/quarkus-app/quarkus-run.jar /q/health/live
python3 - "$PORT" "$DURATION" <<'PY'
import json, sys, threading, time, urllib.request, urllib.error

port, duration = int(sys.argv[1]), float(sys.argv[2])
base = f"http://127.0.0.1:{port}"

def bomb(n=40):
    q = [f"query Bomb {{ ...F{n} }}", "fragment F0 on Query { __typename }"]
    q += [f"fragment F{i} on Query {{ ...F{i-1} ...F{i-1} }}" for i in range(1, n + 1)]
    return json.dumps({"query": "\n".join(q)}).encode()

BOMB = bomb()

def post(body):
    req = urllib.request.Request(base + "/graphql", data=body, headers={"Content-Type": "application/json"})
    t = time.perf_counter()
    try:
        with urllib.request.urlopen(req, timeout=60) as r:
            status, text = r.status, r.read().decode()
    except urllib.error.HTTPError as e:
        status, text = e.code, e.read().decode()
    ms = (time.perf_counter() - t) * 1000
    code = (json.loads(text).get("errors") or [{}])[0].get("extensions", {}).get("code")
    return status, code, ms

def pct(values, p):
    v = sorted(values)
    return v[min(len(v) - 1, int(round(p / 100 * (len(v) - 1))))]

times, codes = [], set()
post(BOMB)  # warm-up
for _ in range(20):
    status, code, ms = post(BOMB)
    times.append(ms)
    codes.add(f"{status} {code}")
print(f"fragment bomb n=40, 20 sequential: median {pct(times, 50):.1f} ms, max {max(times):.1f} ms, answers {sorted(codes)}")

stop = time.time() + duration
answered = [0, 0]
def bomber(i):
    while time.time() < stop:
        post(BOMB)
        answered[i] += 1
threads = [threading.Thread(target=bomber, args=(i,)) for i in range(2)]
for t in threads:
    t.start()
live, failures = [], 0
while time.time() < stop:
    t = time.perf_counter()
    try:
        with urllib.request.urlopen(base + "/q/health/live", timeout=10) as r:
            r.read()
            ok = r.status == 200
    except Exception:
        ok = False
    live.append((time.perf_counter() - t) * 1000)
    failures += 0 if ok else 1
    time.sleep(0.05)
for t in threads:
    t.join()
print(f"liveness under 2 concurrent bomb clients for {duration:.0f} s: {len(live)} calls, {failures} failed, "
      f"p50 {pct(live, 50):.1f} ms, p99 {pct(live, 99):.1f} ms, max {max(live):.1f} ms; bombs answered {sum(answered)}")
PY
grep -c "has been blocked for" "$LOG" | sed 's/^/vert.x blocked-thread warnings: /' || true
