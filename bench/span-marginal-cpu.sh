#!/usr/bin/env bash
# CPU per text of the span-marginal confidence beside the mean (see SpanMarginalCpu), with ner-contract's built
# classes (./mvnw -B -ntp -o -q install -pl ner-contract -DskipTests) and Jackson from the local Maven repository.
#   bench/span-marginal-cpu.sh [WORDS=20] [TEXTS=20000]
set -euo pipefail
cd "$(dirname "$0")/.."
CP="ner-contract/target/classes:$(ls ~/.m2/repository/com/fasterxml/jackson/core/jackson-*/2*/*.jar | tr '\n' :)"
java -Xmx1g -cp "$CP" bench/SpanMarginalCpu.java "${1:-20}" "${2:-20000}"
