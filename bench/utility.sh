#!/usr/bin/env bash
# Times the utility measures of `doppel evaluate` (propensity pMSE and train-synthetic-test-real) on bank_marketing.csv
# against a synthetic-like table of [rows] rows (default 1,000,000), with 2 threads and with 1. See
# src/test/java/dev/doppel/evaluate/utility/UtilityBench.java. Needs ../shared/data (or DOPPEL_SHARED_DATA).
# Usage: bench/utility.sh [rows]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
mvn -B -q -o -DskipTests test-compile
mvn -B -q -o dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/test-classpath.txt
cp="$(cat target/test-classpath.txt)"
exec java -Xmx3g -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "target/test-classes:target/classes:$cp" \
  dev.doppel.evaluate.utility.UtilityBench "$@"
