#!/usr/bin/env bash
# Load speed into databases: PostgreSQL through COPY and SQLite (the embedded default) through batched INSERTs, with
# telco_churn.csv's model (21 columns: an id, 16 labels and booleans, an integer, 2 decimals). See
# src/test/java/dev/doppel/db/DatabaseLoadBench.java. Needs ../shared/data (or DOPPEL_SHARED_DATA).
# PostgreSQL: the server at BENCH_PG_URL (a JDBC URL; password from PGPASSWORD or .pgpass), else a private throw-away
# server started like .ci/run does (.ci/private-postgres.sh: 127.0.0.1, temporary folder, fsync off, wal_level
# minimal), else SQLite only.
# Usage: bench/db.sh [rows] [repetitions]      (defaults 1000000 and 3)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
rows="${1:-1000000}"
reps="${2:-3}"
data="${DOPPEL_SHARED_DATA:-../shared/data}/telco_churn.csv"
pg="${BENCH_PG_URL:-}"
if [ -z "$pg" ]; then
  source .ci/private-postgres.sh
  pg="${DOPPEL_TEST_PG_URL:-}"
fi
mvn -B -q -o -DskipTests test-compile
mvn -B -q -o dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/test-classpath.txt
cp="$(cat target/test-classpath.txt)"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
java -Xmx3g -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "target/test-classes:target/classes:$cp" \
  dev.doppel.db.DatabaseLoadBench "$data" "$rows" "$reps" "$pg"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
