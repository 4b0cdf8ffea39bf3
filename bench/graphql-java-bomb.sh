#!/usr/bin/env bash
# Times graphql-java's MaxQueryDepth/MaxQueryComplexity instrumentations on fragment bombs (see GraphQlJavaBomb),
# with the graphql-java the gateway resolves (jars from the local Maven repository after a build).
set -euo pipefail
cd "$(dirname "$0")/.."
M2=${M2_REPO:-$HOME/.m2/repository}
CP=$(ls "$M2"/com/graphql-java/graphql-java/24.3/graphql-java-24.3.jar \
        "$M2"/com/graphql-java/java-dataloader/*/java-dataloader-*.jar \
        "$M2"/org/reactivestreams/reactive-streams/1.0.4/reactive-streams-1.0.4.jar \
        "$M2"/org/jspecify/jspecify/*/jspecify-*.jar 2>/dev/null | grep -v sources | tr '\n' ':')
java -cp "$CP" bench/GraphQlJavaBomb.java
