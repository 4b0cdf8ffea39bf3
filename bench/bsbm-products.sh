#!/usr/bin/env bash
# BSBM products as the gateway's JSON lines without writing the generator's N-Triples to disk (issue 15 item 5):
# the BSBM data generator writes into a named pipe, the stream is cut at the first vendor triple, and the tools app's
# `convert-bsbm -` reads the rest from standard input.
#   bench/bsbm-products.sh PRODUCTS OUT.jsonl GENDIR [WORKDIR=/tmp/kg-bsbm-gen] [CONVERTER_HEAP=8g]
# GENDIR holds the generator as built in bench/bsbm.sh's header: classes/, ssj-2.5.jar, givennames.txt, titlewords.txt.
# Why the cut is safe: the generator writes, in this order, product types, features, producers with their products,
# then vendors with their offers (twenty per product) and rating sites with their reviews (ten per product), ~85 % of
# the triples. The converter reads only products, features, producers and their labels and drops offers and reviews,
# so the products end identical to converting the whole file (checked byte for byte at 10k and 100k, BENCHMARKS.md
# "BSBM at 1M"), and generation stops at the products instead of writing 8.5 GB per 100k products.
set -euo pipefail
cd "$(dirname "$0")/.."
N=$1
OUT=$(realpath -m "$2")
GEN=$(realpath "$3")
WORK=${4:-/tmp/kg-bsbm-gen}
HEAP=${5:-8g}
TOOLS=$PWD/tools/target/quarkus-app/quarkus-run.jar
mkdir -p "$WORK"
cd "$WORK"
cp "$GEN/givennames.txt" "$GEN/titlewords.txt" .
rm -f bsbm.nt
mkfifo bsbm.nt
java -cp "$GEN/classes:$GEN/ssj-2.5.jar" benchmark.generator.Generator -pc "$N" -s nt -fn bsbm > generator.log 2>&1 &
GENERATOR=$!
trap 'kill $GENERATOR 2>/dev/null || true; rm -f bsbm.nt' EXIT
# The generator reports "Broken pipe" in generator.log when the cut closes the stream: expected.
awk 'index($0, "<http://www4.wiwiss.fu-berlin.de/bizer/bsbm/v01/instances/dataFromVendor") == 1 { exit } { print }' bsbm.nt \
  | java -Xmx"$HEAP" -jar "$TOOLS" convert-bsbm - "$OUT"
