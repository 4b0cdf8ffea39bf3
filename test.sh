#!/usr/bin/env bash
# Runs every test of the repository in one reactor build (root pom.xml): the shared NER model contract
# (ner-contract/), the gateway (gateway/: unit tier; gateway-tests/: @QuarkusTest on the embedded store and Fuseki;
# gateway-it/: the packaged app, CrashSafetyIT and the other ITs), the tools app and the NER trainer (ner-trainer/).
# The README names this script as the test command.
# -T 2: two modules at a time, so the trainer (which needs only ner-contract) builds and tests beside the gateway,
# and once the gateway is packaged its Quarkus tests (gateway-tests) run beside its ITs (gateway-it) and the tools
# module instead of one after the other (BENCHMARKS.md, "Test suite time").
set -euo pipefail
cd "$(dirname "$0")"
./mvnw -B -ntp -T 2 verify
