#!/usr/bin/env bash
# Where a loaded gateway's memory goes (BENCHMARKS "RSS at BSBM 100k: where the memory goes"): evicts the store's
# files from the page cache (so RssFile shows what this server pages in), starts the server on DIR (loaded by
# bench/bsbm.sh) with bench/bsbm.sh's flags plus JAVA_OPTS and -XX:NativeMemoryTracking=summary (NMT= to leave it
# out), runs bench/bsbm-requests.py, and writes to OUT: RssAnon/RssFile at ready, after the requests, after IDLE
# seconds idle (G1's periodic collection), and after a full GC; NMT summary, heap, class histogram of the live heap, /proc status, smaps, thread names.
#   bench/bsbm-memory.sh DIR OUT [CALLS=300] [PORT=free]   e.g. JAVA_OPTS=-Xmx640m IDLE=75 bench/bsbm-memory.sh ...
# ANSWERS=FILE also writes the similarProducts answers of the first 200 ids (bsbm-requests.py), to check two builds equal.
# Also prints the server's CPU per call over the requests (from /proc/PID/stat), steadier than latency on a busy machine,
# and the collections during the requests (jstat: count and seconds of young, full and concurrent GC).
# BASE_OPTS replaces bench/bsbm.sh's heap and GC flags (default: the same as bench/bsbm.sh's server step; perf19's "A"
# runs gave BASE_OPTS="-Xmx1g -XX:+UseStringDeduplication -XX:G1PeriodicGCInterval=60000 -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=30"), so a run can
# leave one of them out; the launch environment (e.g. MALLOC_ARENA_MAX) is passed on to the server as it is.
set -uo pipefail
cd "$(dirname "$0")/.."
DIR=$1
OUT=$2
CALLS=${3:-300}
PORT=${4:-$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')}
JAR=${JAR:-gateway/target/quarkus-app/quarkus-run.jar}
mkdir -p "$OUT"
python3 - "$DIR/data" <<'PY'
import glob, os, sys
for f in glob.glob(sys.argv[1] + '/lmdb/*/data.mdb'):
    fd = os.open(f, os.O_RDONLY); os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED); os.close(fd)
PY
rss() { grep -E 'RssAnon|RssFile|VmRSS' /proc/$S/status | tr -s ' \t\n' ' '; }
T0=$(date +%s.%N)
java ${BASE_OPTS--Xmx512m -XX:G1PeriodicGCInterval=60000 -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=30} \
  ${NMT--XX:NativeMemoryTracking=summary} ${JAVA_OPTS:-} -Dquarkus.http.port="$PORT" -Dkg.store.path="$DIR/data" \
  -Dkg.sample.load-on-empty=false -Dkg.cache.enabled=false -Dkg.ner.enabled=false -Dquarkus.log.level=INFO \
  -jar "$JAR" > "$OUT/server.log" 2>&1 &
S=$!
trap 'kill $S 2>/dev/null || true' EXIT
for _ in $(seq 900); do curl -sf "localhost:$PORT/q/health/ready" > /dev/null && break; sleep 1; done
echo "ready after $(python3 -c "print('%.1f' % ($(date +%s.%N)-$T0))") s; load $(cut -d' ' -f1-3 /proc/loadavg)" | tee "$OUT/summary.txt"
echo "at ready: $(rss)" | tee -a "$OUT/summary.txt"
cpu() { awk '{print $14 + $15}' /proc/$S/stat; }  # server CPU (user + system) in clock ticks, GC threads included
C0=$(cpu)
# G1: young, full and concurrent (mark/remark/cleanup) collections; seconds. Parallel/Serial have no CGC columns.
gcs() { jstat -gc $S | awk 'NR==1{for(i=1;i<=NF;i++)h[$i]=i} NR==2{printf "%d %.3f %d %.3f %d %.3f", $h["YGC"], $h["YGCT"], $h["FGC"], $h["FGCT"], (h["CGC"]?$h["CGC"]:0), (h["CGCT"]?$h["CGCT"]:0)}'; }
G0=$(gcs)
majflt() { awk '{print $12}' /proc/$S/stat; }  # page faults that read from disk (the store's pages not yet in memory)
M0=$(majflt)
python3 bench/bsbm-requests.py "$CALLS" "$DIR/ids.txt" "$PORT" 300 ${ANSWERS:-} | tee -a "$OUT/summary.txt"
C1=$(cpu)
G1=$(gcs)
echo "major page faults during the requests: $(( $(majflt) - M0 ))" | tee -a "$OUT/summary.txt"
echo "GC during the requests: $(python3 -c "
a=list(map(float,'$G0'.split())); b=list(map(float,'$G1'.split())); d=[y-x for x,y in zip(a,b)]
print('young %d (%.3f s), full %d (%.3f s), concurrent %d (%.3f s)' % tuple(d))")" | tee -a "$OUT/summary.txt"
echo "server CPU during the requests (300 warm-up rounds included, 3 calls a round): $(python3 -c "t=($C1-$C0)/$(getconf CLK_TCK); print('%.1f s, %.2f ms per call' % (t, 1000*t/(3*(300+$CALLS))))")" | tee -a "$OUT/summary.txt"
echo "after requests: $(rss); load $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$OUT/summary.txt"
cat /proc/$S/status > "$OUT/status"
cp /proc/$S/smaps "$OUT/smaps"
cp /proc/$S/smaps_rollup "$OUT/smaps_rollup"
# largest mappings first (glibc malloc arenas show as many ~64 MB anonymous regions)
pmap -x $S | sort -k3 -n -r > "$OUT/pmap-by-rss" 2>&1
jcmd $S VM.native_memory summary > "$OUT/nmt.txt" 2>&1
jcmd $S GC.heap_info > "$OUT/heap.txt" 2>&1
for t in /proc/$S/task/*; do cat "$t/comm"; done | sed 's/[0-9]*$//' | sort | uniq -c | sort -rn > "$OUT/thread-names"
if [ -n "${IDLE:-}" ]; then sleep "$IDLE"; echo "after $IDLE s idle: $(rss)" | tee -a "$OUT/summary.txt"; fi
jcmd $S GC.run > /dev/null 2>&1; sleep 2
jcmd $S GC.heap_info > "$OUT/heap-after-gc.txt" 2>&1
# live objects by class (the histogram runs a full GC itself): who owns the live heap
jcmd $S GC.class_histogram > "$OUT/histogram.txt" 2>&1
echo "after a full GC: $(rss); heap $(sed -n 2p "$OUT/heap-after-gc.txt" | tr -s ' ')" | tee -a "$OUT/summary.txt"
# file-backed RSS by file (the store's two data.mdb files are the LMDB part)
awk '/^[0-9a-f]+-[0-9a-f]+ /{f=($6==""?"[anon]":$6)} /^Rss:/{r[f]+=$2} END{for(k in r) if (r[k]>2000) print r[k] " kB " k}' \
  "$OUT/smaps" | sort -rn | head -6 | tee -a "$OUT/summary.txt"
