#!/usr/bin/env bash
# Doppel fitting benchmark: `./doppel fit` of a 1,000,000-row table, as a user runs it (launcher defaults, JVM start
# included), on two inputs built in a temporary folder:
#   repeated  bank_marketing.csv's 45,211 rows repeated to 1,000,000 rows: every value repeats about 22 times, which
#             flatters anything that shares equal strings;
#   synthetic 1,000,000 rows sampled from a copula fitted on bank_marketing.csv: amounts and durations take tens of
#             thousands of values and rows do not repeat.
# Each input is fitted REPEAT times with the default model (auto, which keeps the copula above 100,000 rows); prints
# per run the wall and CPU seconds and peak RSS from /usr/bin/time -v, the median of each, the load average before and
# after, and the model's sha256 (the same on every run).
#
# Needs: bash, a JDK 17+ and Maven (the ./doppel launcher builds the jar on first use), GNU time as /usr/bin/time
# (Debian: apt-get install -y time), ../shared/data beside the project (or DOPPEL_SHARED_DATA=/path/to/data), and about
# 250 MB free in the temporary folder.
#
# Settings (environment): REPEAT=3 runs per input, MODEL=auto (or copula), THREADS= --threads (default all cores),
# JAVA_OPTS= extra JVM options for the timed runs (e.g. -Xmx1g), KEEP=1 keeps the work folder.
#
# Usage: bench/fit1m.sh
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
data="${DOPPEL_SHARED_DATA:-$root/../shared/data}"
repeat="${REPEAT:-3}"
model="${MODEL:-auto}"
extra=()
if [ -n "${THREADS:-}" ]; then extra+=(--threads "$THREADS"); fi
if [ ! -x /usr/bin/time ] || ! /usr/bin/time -v true >/dev/null 2>&1; then
  echo "bench: needs GNU time at /usr/bin/time (Debian: apt-get install -y time)" >&2
  exit 2
fi
src="$data/bank_marketing.csv"
if [ ! -f "$src" ]; then
  echo "bench: bank_marketing.csv not found in $data (set DOPPEL_SHARED_DATA)" >&2
  exit 2
fi
work="$(mktemp -d "${TMPDIR:-/tmp}/doppel-fit1m-bench.XXXXXX")"
if [ "${KEEP:-0}" = 1 ]; then echo "bench: work folder $work"; else trap 'rm -rf "$work"' EXIT; fi
doppel="$root/doppel"
timed_opts="${JAVA_OPTS:-}"
unset JAVA_OPTS # the inputs are built with the launcher's defaults

# (a) repeated: the header once, then the data rows again and again, cut at 1,000,000 rows
head -n 1 "$src" > "$work/repeated.csv"
tail -n +2 "$src" > "$work/body"
body_rows=$(wc -l < "$work/body")
for _ in $(seq $(( 1000000 / body_rows ))); do cat "$work/body"; done >> "$work/repeated.csv"
head -n $(( 1000000 % body_rows )) "$work/body" >> "$work/repeated.csv" # a pipe into head would fail with pipefail
rm -f "$work/body"
# (b) synthetic: a copula fitted on the real rows, sampled to 1,000,000 rows (seed 42)
"$doppel" fit "$src" --model copula -q --force -o "$work/bank.json" >/dev/null
"$doppel" sample "$work/bank.json" -n 1000000 -q -o "$work/synthetic.csv" >/dev/null 2>&1
# the launcher archives a command's classes on its first run (class-data sharing); do that run on a small file
head -n 1001 "$work/repeated.csv" > "$work/warmup.csv"
"$doppel" fit "$work/warmup.csv" -q --force -o "$work/warmup.json" >/dev/null

median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }
seconds() { awk -F: '{ s = 0; for (i = 1; i <= NF; i++) s = s * 60 + $i; print s }'; }

echo "machine: $(nproc) cores; JAVA_OPTS for the timed runs: ${timed_opts:-(none)}; model $model"
for input in repeated synthetic; do
  file="$work/$input.csv"
  printf '%s: %s rows, %d MB\n' "$input" "$(( $(wc -l < "$file") - 1 ))" $(( $(stat -c %s "$file") / 1024 / 1024 ))
  : > "$work/$input.runs"
  for run in $(seq "$repeat"); do
    load="$(cut -d' ' -f1 /proc/loadavg)"
    JAVA_OPTS="$timed_opts" /usr/bin/time -v -o "$work/time.txt" "$doppel" fit "$file" --model "$model" \
      ${extra[@]+"${extra[@]}"} -q --force -o "$work/$input.json" >/dev/null
    wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$work/time.txt" | seconds)
    cpu=$(awk -F': ' '/User time|System time/ {s += $2} END {print s}' "$work/time.txt")
    rss=$(awk -F': ' '/Maximum resident set size/ {print int($2 / 1024)}' "$work/time.txt")
    echo "$wall $cpu $rss" >> "$work/$input.runs"
    printf '  run %d: wall %.1f s, CPU %.1f s, peak RSS %d MB (load before %s) model sha256 %s\n' "$run" "$wall" \
      "$cpu" "$rss" "$load" "$(sha256sum "$work/$input.json" | cut -c1-16)"
  done
  printf '  median: wall %.1f s, CPU %.1f s, peak RSS %d MB\n' "$(cut -d' ' -f1 "$work/$input.runs" | median)" \
    "$(cut -d' ' -f2 "$work/$input.runs" | median)" "$(cut -d' ' -f3 "$work/$input.runs" | median)"
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
