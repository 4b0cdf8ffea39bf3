#!/usr/bin/env bash
# Adapts the shipped NER model to your own catalogue without hand labelling (distant supervision):
#   1. export-training-data: every product's VENDOR values located in its description (whole words), other words
#      tagged '?' (unknown), in the seed's CSV format;
#   2. ner-trainer train --init-from model/ner: fine-tunes the shipped model on that export (partial labels);
#   3. evaluate-ner: base and adapted model through the gateway's extractor on a labelled CSV (default: the
#      real-text dev set, evaluation only), micro and per-type P/R/F1.
#
#   bench/adapt-model.sh [STORE] [OUT_MODEL] [EVAL_CSV]
#     STORE      embedded store folder (kg.store.path) of your catalogue, not in use by a running gateway;
#                "demo" builds one from 2,000 generated products (vendor values only, no enrichment)
#     OUT_MODEL  folder for the adapted model (default target/adapted-model); point kg.ner.model-path at it
#     EVAL_CSV   labelled CSV to compare base and adapted on (default ner-trainer/devset/real-dev.csv)
#   Env: EPOCHS (trainer default: 3 when fine-tuning), LIMIT (most products exported), TRAIN_ARGS (more ner-trainer train options),
#        STORE_ARGS (e.g. "-Dkg.store.kind=sparql -Dkg.store.query-endpoint=..." for a remote store).
set -euo pipefail
cd "$(dirname "$0")/.."
STORE=${1:-data}
OUT=${2:-target/adapted-model}
EVAL=${3:-ner-trainer/devset/real-dev.csv}
WORK=target/adapt
GATEWAY=gateway/target/quarkus-app/quarkus-run.jar
TOOLS=tools/target/quarkus-app/quarkus-run.jar   # generate (the gateway plus benchmark/generate)
TRAINER=ner-trainer/target/ner-trainer.jar
[ -f "$GATEWAY" ] && [ -f "$TOOLS" ] && [ -f "$TRAINER" ] || ./mvnw -B -q -ntp package -DskipTests
mkdir -p "$WORK"
QUIET="-Dquarkus.log.level=WARN -Dquarkus.banner.enabled=false -Dkg.sample.load-on-empty=false"

if [ "$STORE" = demo ]; then
  STORE="$WORK/demo-store"
  rm -rf "$STORE"
  java $QUIET -Dkg.store.path="$WORK/gen-store" -jar "$TOOLS" generate 2000 "$WORK/demo.jsonl" 7
  java $QUIET -Dkg.store.path="$STORE" -Dquarkus.http.host-enabled=false -Dkg.ner.enabled=false \
    -jar "$GATEWAY" bulk-load "$WORK/demo.jsonl" --no-enrich
fi

echo "== 1. export from $STORE"
t0=$(date +%s)
java $QUIET -Dkg.store.path="$STORE" ${STORE_ARGS:-} -jar "$GATEWAY" export-training-data \
  --out "$WORK/train.csv" ${LIMIT:+--limit "$LIMIT"}
echo "export: $(( $(date +%s) - t0 )) s"

echo "== 2. fine-tune model/ner on it (epochs: ${EPOCHS:-trainer default})"
t0=$(date +%s)
java -jar "$TRAINER" train --init-from model/ner --train "$WORK/train.csv" --out "$OUT" ${EPOCHS:+--epochs "$EPOCHS"} ${TRAIN_ARGS:-}
echo "fine-tune: $(( $(date +%s) - t0 )) s"

if [ -f "$EVAL" ]; then
  for m in model/ner "$OUT"; do
    echo "== 3. $m on $EVAL (gateway extractor, effective threshold and sweep)"
    java $QUIET -Dkg.ner.model-path="$m" -Dkg.store.path="$WORK/eval-store" -jar "$GATEWAY" evaluate-ner --data "$EVAL"
  done
else
  echo "no $EVAL: skipped the comparison"
fi
echo "adapted model: $OUT (start the gateway with -Dkg.ner.model-path=$OUT, then reenrichProducts)"
