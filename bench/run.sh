#!/usr/bin/env bash
# Doppel benchmark: fit telco_churn.csv, then time 1M rows to CSV, 1M rows to Parquet (snappy) and 10M rows to CSV,
# plus fitting bank_marketing.csv (45k rows). Prints a table of generation+write seconds (as the CLI reports them),
# rows/s, MB/s, wall seconds, CPU seconds and peak RSS.
#
# Needs: bash, a JDK 17+ and Maven (the ./doppel launcher builds the jar on first use), GNU time as /usr/bin/time
# (Debian: apt-get update && apt-get install -y time), and the shared datasets in ../shared/data beside the project
# (or DOPPEL_SHARED_DATA=/path/to/data).
#
# Settings (environment):
#   REPEAT=3          runs per case; the table shows the median run (by generation time) and the best time
#   ROWS_10M=10000000 rows of the large CSV case (memory must stay flat as rows grow)
#   THREADS=          --threads for sample (default: the CLI's default, all cores)
#   JAVA_OPTS=        extra JVM options, passed on by ./doppel
#   KEEP=1            keep the output folder (printed) instead of deleting it
#   STAGES=0          skip the per-stage breakdown (StageBench: CPU seconds of sampling, CSV encoding, Parquet
#                     writing and the summary on one thread; compiles the test classes with Maven)
#
# Usage: bench/run.sh            (from anywhere)
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
data="${DOPPEL_SHARED_DATA:-$root/../shared/data}"
repeat="${REPEAT:-3}"
rows_big="${ROWS_10M:-10000000}"
threads_opt=()
if [ -n "${THREADS:-}" ]; then threads_opt=(--threads "$THREADS"); fi

if [ ! -x /usr/bin/time ] || ! /usr/bin/time -v true >/dev/null 2>&1; then
  echo "bench: needs GNU time at /usr/bin/time (Debian: apt-get update && apt-get install -y time)" >&2
  exit 2
fi
for f in telco_churn.csv bank_marketing.csv; do
  if [ ! -f "$data/$f" ]; then
    echo "bench: $f not found in $data (set DOPPEL_SHARED_DATA to the datasets' folder)" >&2
    exit 2
  fi
done

work="$(mktemp -d "${TMPDIR:-/tmp}/doppel-bench.XXXXXX")"
if [ "${KEEP:-0}" = 1 ]; then
  echo "bench: outputs kept in $work"
else
  trap 'rm -rf "$work"' EXIT
fi

doppel="$root/doppel"
echo "== building (if needed) and checking the launcher"
"$doppel" --version

# JVM start: the launcher plus picocli, nothing else (median of 5)
starts=()
for _ in 1 2 3 4 5; do
  /usr/bin/time -f "%e" -o "$work/start.time" "$doppel" --version >/dev/null
  starts+=("$(cat "$work/start.time")")
done
jvm_start="$(printf '%s\n' "${starts[@]}" | sort -n | sed -n 3p)"

# run NAME -- command...: runs under /usr/bin/time -v; records wall, cpu, rss and the command's stdout
run() {
  local name="$1"; shift; shift
  /usr/bin/time -v -o "$work/$name.time" "$@" >"$work/$name.out" 2>"$work/$name.err" || {
    echo "bench: '$name' failed:" >&2; cat "$work/$name.err" >&2; exit 1; }
  local wall user sys rss
  wall="$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,a,":"); s=0; for(i=1;i<=n;i++) s=s*60+a[i]; print s}' "$work/$name.time")"
  user="$(awk -F': ' '/User time/ {print $2}' "$work/$name.time")"
  sys="$(awk -F': ' '/System time/ {print $2}' "$work/$name.time")"
  rss="$(awk -F': ' '/Maximum resident set size/ {printf "%.0f", $2/1024}' "$work/$name.time")"
  echo "$wall $(echo "$user $sys" | awk '{printf "%.2f", $1+$2}') $rss"
}

echo "== load average before: $(cut -d' ' -f1-3 /proc/loadavg)  (2 cores; other work on the machine skews the figures)"

echo "== fitting telco_churn.csv"
"$doppel" fit "$data/telco_churn.csv" -o "$work/telco.model.json" --force

results="$work/results.txt"
: >"$results"

# sample_case LABEL ROWS FILE [extra args]: REPEAT runs; one line per run into $results
sample_case() {
  local label="$1" rows="$2" file="$3"; shift 3
  for i in $(seq 1 "$repeat"); do
    rm -f "$work/$file"
    local m
    m="$(run "$label-$i" -- "$doppel" sample "$work/telco.model.json" -n "$rows" -o "$work/$file" --seed 7 --force \
      ${threads_opt[@]+"${threads_opt[@]}"} "$@")"
    # the CLI's own line: written: FILE (N rows, X MB, S s, R rows/s, seed 7)
    local gen mb
    gen="$(sed -n 's/^written: .* MB, \([0-9.]*\) s, .*/\1/p' "$work/$label-$i.out")"
    mb="$(awk -v b="$(stat -c %s "$work/$file")" 'BEGIN {printf "%.1f", b/1e6}')"
    echo "$label $rows $gen $mb $m" >>"$results"
    echo "   $label run $i: generation+write ${gen} s, wall/cpu/rss: $m"
  done
  rm -f "$work/$file"
}

echo "== sampling (REPEAT=$repeat)"
sample_case "1M-csv" 1000000 out.csv
sample_case "1M-parquet" 1000000 out.parquet --compression snappy
sample_case "10M-csv" "$rows_big" big.csv

echo "== fitting bank_marketing.csv (REPEAT=$repeat)"
for i in $(seq 1 "$repeat"); do
  m="$(run "fit-bank-$i" -- "$doppel" fit "$data/bank_marketing.csv" -o "$work/bank.model.json" --force)"
  fit="$(sed -n 's/^model written: .*, \([0-9.]*\) s)$/\1/p' "$work/fit-bank-$i.out")"
  echo "fit-bank 45211 $fit 0 $m" >>"$results"
  echo "   fit-bank run $i: fit ${fit} s, wall/cpu/rss: $m"
done

echo
echo "== results: median run by generation time (best in brackets); JVM start + CLI (--version): ${jvm_start} s"
printf '%-12s %11s %16s %12s %10s %9s %9s %8s\n' case rows "gen+write s" "rows/s" "MB/s" "wall s" "cpu s" "RSS MB"
for label in 1M-csv 1M-parquet 10M-csv fit-bank; do
  grep "^$label " "$results" | sort -k3 -n | awk -v n="$repeat" -v label="$label" '
    { r[NR]=$2; g[NR]=$3; mb[NR]=$4; w[NR]=$5; c[NR]=$6; m[NR]=$7; if ($7>maxrss) maxrss=$7 }
    END {
      k=int((NR+1)/2); best=g[1]
      rate = g[k] > 0 ? r[k]/g[k] : 0
      mbs = (mb[k] > 0 && g[k] > 0) ? sprintf("%.0f", mb[k]/g[k]) : "-"
      printf "%-12s %11d %8.2f [%5.2f] %12.0f %10s %9.2f %9.2f %8d\n", label, r[k], g[k], best, rate, mbs, w[k], c[k], maxrss
    }'
done
echo "(RSS: the largest of the runs. fit-bank: seconds are the CLI's fit time; rows/s = input rows per second.)"
echo "== load average after: $(cut -d' ' -f1-3 /proc/loadavg)"

if [ "${STAGES:-1}" = 1 ]; then
  echo
  echo "== where the time goes: CPU seconds per stage for 1M rows on one thread (StageBench; later repetitions are warm)"
  (cd "$root" && mvn -B -q test-compile >"$work/test-compile.log" 2>&1) || {
    echo "bench: compiling the test classes failed; see above" >&2; cat "$work/test-compile.log" >&2; exit 1; }
  java -Xmx1g -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
    -cp "$root/target/doppel-0.1.0-all.jar:$root/target/test-classes" \
    dev.doppel.generate.StageBench "$data/telco_churn.csv" 1000000 4
fi
