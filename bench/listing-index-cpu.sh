#!/usr/bin/env bash
# CPU time of the listing index's page/count/facets/priceStats (see ListingIndexCpu) over a generated catalogue,
# with the gateway classes of a built tools app (tools/target/quarkus-app: ./mvnw package -DskipTests -pl tools -am).
#   bench/listing-index-cpu.sh PRODUCTS_JSONL [CALLS=300] [APP=tools/target/quarkus-app]
# PRODUCTS_JSONL: e.g. the products.jsonl that bench/listing-page.sh generates (DIR/products.jsonl).
set -euo pipefail
cd "$(dirname "$0")/.."
APP=${3:-tools/target/quarkus-app}
java -Xmx1g -cp "$APP/lib/main/*" bench/ListingIndexCpu.java "$1" "${2:-300}"
