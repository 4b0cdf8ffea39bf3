#!/usr/bin/env bash
# Runs every test of the repository in one reactor build (root pom.xml): the shared NER model contract
# (ner-contract/), the gateway (gateway/: unit + @QuarkusTest on the embedded store and Fuseki, CrashSafetyIT)
# and the NER trainer (ner-trainer/). The README names this script as the test command.
# -T 2: two modules at a time, so the trainer (which needs only ner-contract) builds and tests beside the gateway
# instead of after the tools module; the gateway's own build is unchanged (BENCHMARKS.md, "Test suite time").
set -euo pipefail
cd "$(dirname "$0")"
./mvnw -B -ntp -T 2 verify
