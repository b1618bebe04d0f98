#!/usr/bin/env bash
# Nearest-neighbour index speed for the privacy evaluation: 10,000 query rows against bank_marketing's 45,211 rows and
# against 100,000 rows made from them, vantage-point tree versus brute-force scan. See
# src/test/java/dev/doppel/evaluate/risk/NearestNeighbourBench.java. Needs ../shared/data (or DOPPEL_SHARED_DATA).
# Usage: bench/privacy.sh
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
mvn -B -q -o -DskipTests test-compile
mvn -B -q -o dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/test-classpath.txt
cp="$(cat target/test-classpath.txt)"
exec java -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "target/test-classes:target/classes:$cp" \
  dev.doppel.evaluate.risk.NearestNeighbourBench
