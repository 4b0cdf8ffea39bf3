#!/usr/bin/env bash
# One start of the packaged gateway on an existing (BSBM-loaded) embedded store, as bench/bsbm.sh serves it
# (-Xmx512m, cache and NER off), with the store's INFO lines (the index builds) and a GC log, and prints:
#   wall seconds from launch to "started in", the JVM's CPU seconds until then, Quarkus' own "started in", each index
#   build line,
#   peak heap during start (the largest heap before a collection in the GC log, and the heap in use at ready),
#   live heap after a full GC (jcmd GC.run, GC.heap_info), RSS (anonymous + file-backed) at ready, load average.
# The server is stopped at the end unless KEEP=1 (then its pid and port are printed, stop it with kill PID).
#   bench/start-time.sh APP_DIR STORE_DIR OUT_DIR [XMX=512m]
# JAVA_OPTS are added to the server's options. APP_DIR holds quarkus-run.jar (gateway/target/quarkus-app, or a copy of another build's); OUT_DIR gets server.log,
# gc.log and heap-*.txt. Run it under `nice -n 10` on a shared machine.
set -euo pipefail
APP=$1 DATA=$2 OUT=$3 XMX=${4:-512m}
mkdir -p "$OUT"
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
LOAD0=$(cut -d' ' -f1-3 /proc/loadavg)
T0=$(date +%s.%N)
java -Xmx"$XMX" ${JAVA_OPTS:-} -XX:G1PeriodicGCInterval=60000 -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=30 \
  -Xlog:gc:file="$OUT/gc.log":uptime,level -Dquarkus.log.category.\"dev.kggateway.store\".level=INFO -Dquarkus.log.category.\"io.quarkus\".level=INFO \
  -Dquarkus.http.port="$PORT" -Dkg.store.path="$DATA" -Dkg.sample.load-on-empty=false -Dkg.cache.enabled=false \
  -Dkg.ner.enabled=false -Dquarkus.log.level=WARN -jar "$APP/quarkus-run.jar" > "$OUT/server.log" 2>&1 &
PID=$!
[ "${KEEP:-0}" = 1 ] || trap 'kill $PID 2>/dev/null; wait $PID 2>/dev/null || true' EXIT
for _ in $(seq 3600); do
  grep -q 'started in' "$OUT/server.log" && break
  kill -0 $PID 2>/dev/null || { echo "server died, see $OUT/server.log" >&2; exit 1; }
  sleep 0.25
done
T1=$(date +%s.%N)
LOAD1=$(cut -d' ' -f1-3 /proc/loadavg)
RSS=$(grep -E 'RssAnon|RssFile' /proc/$PID/status | tr -s ' \t\n' ' ')
# CPU seconds of the whole JVM (all threads: JIT and GC included) until ready: less moved by other work than the wall.
CPU=$(awk -v hz="$(getconf CLK_TCK)" '{printf "%.1f", ($14 + $15) / hz}' /proc/$PID/stat)
jcmd $PID GC.heap_info > "$OUT/heap-at-ready.txt"
jcmd $PID GC.run > /dev/null
jcmd $PID GC.heap_info > "$OUT/heap-after-full-gc.txt"
python3 - "$OUT" "$T0" "$T1" <<'PY'
import re, sys
out, t0, t1 = sys.argv[1], float(sys.argv[2]), float(sys.argv[3])
log = open(out + '/server.log').read()
print('wall to "started in": %.1f s' % (t1 - t0))
for l in log.splitlines():
    if 'index' in l and ('indexed in' in l or 'read' in l) or 'started in' in l:
        print('  ' + re.sub(r'^\S+ (\S+) INFO +\[[^]]*\] \(\S+\) ', r'\1 ', l)[:400])
# the collections of the start, not the full one jcmd asked for at ready
gcs = [re.search(r'(\d+)M->(\d+)M\((\d+)M\)', l) for l in open(out + '/gc.log') if 'Diagnostic Command' not in l]
gcs = [[int(g) for g in m.groups()] for m in gcs if m]
full = [l for l in open(out + '/gc.log') if 'Pause Full' in l and 'Diagnostic Command' not in l]
used = lambda f: int(re.search(r'used (\d+)K', open(out + '/' + f).read()).group(1)) // 1024
col = lambda i: max([g[i] for g in gcs] or [0])
print('heap during start: at most %d MB before a collection, %d MB after one, %d MB committed, %d collections (%d full);'
      ' in use at ready %d MB; live after a full GC %d MB' % (col(0), col(1), col(2), len(gcs), len(full),
                                                            used('heap-at-ready.txt'), used('heap-after-full-gc.txt')))
PY
echo "CPU to ready: $CPU s (user + system, all threads)"
echo "RSS at ready:$RSS"
echo "load average at launch: $LOAD0; at ready: $LOAD1"
[ "${KEEP:-0}" = 1 ] && echo "kept: pid $PID port $PORT"
exit 0
