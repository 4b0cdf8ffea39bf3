#!/usr/bin/env bash
# The similarity index alone: pruned top-k vs walking every posting, same JVM, interleaved (SimilarityIndexBench).
#   bench/similarity-index.sh [PRODUCTS=100000] [QUERIES=2000]
set -euo pipefail
cd "$(dirname "$0")/.."
PRODUCTS=${1:-100000}
QUERIES=${2:-2000}
./mvnw -B -q -ntp test-compile -pl gateway -am >/dev/null
CP=$(./mvnw -B -q -ntp -pl gateway dependency:build-classpath -Dmdep.outputFile=/dev/stdout -Dmdep.includeScope=test)
java -Xmx3g -cp "gateway/target/test-classes:gateway/target/classes:$CP" dev.kggateway.similarity.SimilarityIndexBench \
  "$PRODUCTS" "$QUERIES"
