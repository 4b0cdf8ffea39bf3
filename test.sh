#!/usr/bin/env bash
# Runs every test of the repository in one reactor build (root pom.xml): the shared NER model contract
# (ner-contract/), the gateway (gateway/: unit + @QuarkusTest on the embedded store and Fuseki, CrashSafetyIT)
# and the NER trainer (ner-trainer/). The README names this script as the test command.
set -euo pipefail
cd "$(dirname "$0")"
./mvnw -B -ntp verify
