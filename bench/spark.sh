#!/usr/bin/env bash
# Spark benchmark: rows/s of the Spark generator in local[2] beside the plain CLI's `doppel sample`, on the same model,
# row count and seed, both writing snappy Parquet. Prints, per run, the generation+write seconds each reports (Spark:
# from planning the job to the last file committed, session start excluded; CLI: the same, JVM start excluded), wall
# and CPU seconds and peak RSS, then the median rows/s of each.
#
# The Spark side runs SparkGenerate as spark-submit would: Spark 4.2.0's own jars (and nothing of the default build)
# first on the class path, then target/spark/doppel-VERSION-spark.jar; Spark's module openings as JVM flags; local[2]
# as the master. So it also checks that the -spark jar holds everything a plain Spark installation lacks.
#
# Needs: a JDK 17+ and Maven, the Spark jars in the local Maven repository (one online `mvn -B -Pspark verify`),
# GNU time at /usr/bin/time (Debian: apt-get install -y time), and the shared datasets in ../shared/data (or
# DOPPEL_SHARED_DATA).
#
# Settings (environment):
#   DATASET=bank_marketing.csv  the table the model is fitted on
#   ROWS=5000000                rows generated per run
#   PARTITIONS=8                Spark partitions (each a whole number of 8,192-row blocks)
#   REPEAT=2                    runs per side
#   SPARK_XMX=2g                the local Spark JVM's heap
#   KEEP=1                      keep the work folder
#
# Usage: bench/spark.sh
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
data="${DOPPEL_SHARED_DATA:-$root/../shared/data}"
dataset="${DATASET:-bank_marketing.csv}"
rows="${ROWS:-5000000}"
partitions="${PARTITIONS:-8}"
repeat="${REPEAT:-2}"
xmx="${SPARK_XMX:-2g}"

if [ ! -x /usr/bin/time ] || ! /usr/bin/time -v true >/dev/null 2>&1; then
  echo "bench: needs GNU time at /usr/bin/time (Debian: apt-get update && apt-get install -y time)" >&2
  exit 2
fi
if [ ! -f "$data/$dataset" ]; then
  echo "bench: $dataset not found in $data (set DOPPEL_SHARED_DATA to the datasets' folder)" >&2
  exit 2
fi

work="$(mktemp -d "${TMPDIR:-/tmp}/doppel-spark-bench.XXXXXX")"
if [ "${KEEP:-0}" = 1 ]; then
  echo "bench: work folder kept: $work"
else
  trap 'rm -rf "$work"' EXIT
fi

echo "== building the CLI jar (if needed) and the Spark jar (mvn -o -Pspark package)"
"$root/doppel" --version >/dev/null
(cd "$root" && mvn -o -B -q -Pspark package -DskipTests) || { echo "bench: the Spark build failed" >&2; exit 1; }
jar="$(ls "$root"/target/spark/doppel-*-spark.jar | head -1)"
# Spark's own jars, as a Spark 4.2.0 installation has them (its own Jackson, Parquet, Hadoop client): a throw-away
# project that depends on spark-sql alone. Not offline: the first run fetches the few versions the project pins
# differently (e.g. Parquet 1.17.0, Jackson 2.21); later runs use the local repository.
mkdir -p "$work/spark-cp"
cat >"$work/spark-cp/pom.xml" <<'POM'
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>bench</groupId><artifactId>spark-classpath</artifactId><version>1</version><packaging>pom</packaging>
  <dependencies>
    <dependency><groupId>org.apache.spark</groupId><artifactId>spark-sql_2.13</artifactId><version>4.2.0</version></dependency>
  </dependencies>
</project>
POM
(cd "$work/spark-cp" && mvn -B -q org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath \
  -Dmdep.outputFile="$work/spark.cp" >/dev/null) || { echo "bench: cannot resolve Spark's class path" >&2; exit 1; }
spark_cp="$(cat "$work/spark.cp")"
opens=(-XX:+IgnoreUnrecognizedVMOptions
  --add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.lang.invoke=ALL-UNNAMED
  --add-opens=java.base/java.lang.reflect=ALL-UNNAMED --add-opens=java.base/java.io=ALL-UNNAMED
  --add-opens=java.base/java.net=ALL-UNNAMED --add-opens=java.base/java.nio=ALL-UNNAMED
  --add-opens=java.base/java.util=ALL-UNNAMED --add-opens=java.base/java.util.concurrent=ALL-UNNAMED
  --add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED --add-opens=java.base/jdk.internal.ref=ALL-UNNAMED
  --add-opens=java.base/sun.nio.ch=ALL-UNNAMED --add-opens=java.base/sun.nio.cs=ALL-UNNAMED
  --add-opens=java.base/sun.security.action=ALL-UNNAMED --add-opens=java.base/sun.util.calendar=ALL-UNNAMED)

echo "== load average before: $(cut -d' ' -f1-3 /proc/loadavg)  ($(nproc) cores; other work on the machine skews the figures)"
echo "== fitting $dataset"
"$root/doppel" fit "$data/$dataset" -o "$work/model.json" --force -q

# timed NAME command...: runs under /usr/bin/time -v; prints "wall cpu rssMB"
timed() {
  local name="$1"; shift
  /usr/bin/time -v -o "$work/$name.time" "$@" >"$work/$name.out" 2>"$work/$name.err" || {
    echo "bench: '$name' failed:" >&2; tail -20 "$work/$name.err" >&2; exit 1; }
  awk -F': ' '
    /Elapsed \(wall clock\)/ {n=split($2,a,":"); s=0; for(i=1;i<=n;i++) s=s*60+a[i]; wall=s}
    /User time/ {cpu+=$2} /System time/ {cpu+=$2}
    /Maximum resident set size/ {rss=$2/1024}
    END {printf "%.1f %.1f %.0f", wall, cpu, rss}' "$work/$name.time"
}

results="$work/results.txt"
: >"$results"
for i in $(seq 1 "$repeat"); do
  rm -f "$work/cli.parquet"
  m="$(timed "cli-$i" "$root/doppel" sample "$work/model.json" -n "$rows" -o "$work/cli.parquet" --seed 7 --force)"
  gen="$(sed -n 's/^written: .* MB, \([0-9.]*\) s, .*/\1/p' "$work/cli-$i.out")"
  echo "cli $gen $m" >>"$results"
  echo "   CLI run $i: generation+write ${gen} s; wall/cpu/RSS: $m"

  m="$(timed "spark-$i" java -Xmx"$xmx" "${opens[@]}" -Dspark.master='local[2]' -Dspark.ui.enabled=false \
    -Dspark.driver.host=127.0.0.1 -Dspark.driver.bindAddress=127.0.0.1 -cp "$spark_cp:$jar" \
    dev.doppel.spark.SparkGenerate --model "$work/model.json" --rows "$rows" --partitions "$partitions" \
    --output "$work/spark-out" --seed 7 --force)"
  gen="$(sed -n 's/^written: .* partitions, \([0-9.]*\) s, .*/\1/p' "$work/spark-$i.out")"
  echo "spark $gen $m" >>"$results"
  echo "   Spark local[2] run $i: generation+write ${gen} s; wall/cpu/RSS: $m"
done
cli_mb="$(du -sm "$work/cli.parquet" | cut -f1)"
spark_mb="$(du -sm "$work/spark-out" | cut -f1)"
spark_files="$(ls "$work/spark-out" | grep -c '\.parquet$')"

echo "== load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "== $rows rows of $dataset, seed 7, snappy Parquet (median of $repeat; CLI $cli_mb MB in 1 file, Spark $spark_mb MB in $spark_files files)"
printf '%-16s %12s %12s %9s %9s %8s\n' side "gen+write s" "rows/s" "wall s" "cpu s" "RSS MB"
for side in cli spark; do
  grep "^$side " "$results" | sort -k2 -n | awk -v rows="$rows" -v side="$side" '
    { g[NR]=$2; w[NR]=$3; c[NR]=$4; r[NR]=$5 }
    END { k=int((NR+1)/2); label = side == "cli" ? "doppel sample" : "Spark local[2]"
          printf "%-16s %12.2f %12.0f %9.1f %9.1f %8.0f\n", label, g[k], rows/g[k], w[k], c[k], r[k] }'
done
