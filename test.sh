#!/usr/bin/env bash
# Runs every test of the repository: the gateway (unit + @QuarkusTest, embedded store and Fuseki) and the
# NER trainer project. The README names this script as the test command.
set -euo pipefail
cd "$(dirname "$0")"
./mvnw -B -ntp verify
if [ -f ner-trainer/pom.xml ]; then
  ./mvnw -B -ntp -f ner-trainer/pom.xml verify
fi
