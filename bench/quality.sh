#!/usr/bin/env bash
# Approximate SDMetrics quality scores, measured the way Doppel is judged: each shared dataset is split at random into
# halves A and B; the model is fitted on A, |A| rows are sampled and scored against A; B against A is the reference a
# fresh real sample gets. See src/test/java/dev/doppel/quality/QualityScoreBench.java for the metric definitions.
# Needs the shared datasets in ../shared/data (or DOPPEL_SHARED_DATA). Usage: bench/quality.sh
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
mvn -B -q -DskipTests test-compile
mvn -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/test-classpath.txt
cp="$(cat target/test-classpath.txt)"
exec java ${JAVA_OPTS:-} -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "target/test-classes:target/classes:$cp" \
  dev.doppel.quality.QualityScoreBench
