#!/usr/bin/env bash
# Doppel big-input fitting benchmark: `doppel fit` on a CSV of about 2 GB (bank_marketing.csv's rows repeated, header
# once) with a 1 GB heap, the default sample bound (1,000,000 rows) and the default model (copula). Prints the fit's
# own line, wall and CPU seconds and peak RSS from /usr/bin/time -v, and from the GC log the most heap in use (before
# a collection) and the largest live set (after one).
#
# Needs: bash, a JDK 17+ and Maven (the ./doppel launcher builds the jar on first use), GNU time as /usr/bin/time
# (Debian: apt-get install -y time), ../shared/data beside the project (or DOPPEL_SHARED_DATA=/path/to/data), and
# about 2 GB free in the temporary folder.
#
# Settings (environment): DATASET=bank_marketing.csv (any shared CSV), SIZE_MB=2048 (the file's size), HEAP=1g,
# SAMPLE_ROWS= (--sample-rows; default the CLI's), MODEL=copula (or tree, auto), THREADS= --threads (default all
# cores), GC_OPTS= more JVM options (e.g. -XX:+UseParallelGC), KEEP=1 keeps the work folder (with the big file).
#
# Usage: bench/bigfit.sh
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
data="${DOPPEL_SHARED_DATA:-$root/../shared/data}"
dataset="${DATASET:-bank_marketing.csv}"
size_mb="${SIZE_MB:-2048}"
heap="${HEAP:-1g}"
model="${MODEL:-copula}"
extra=()
if [ -n "${SAMPLE_ROWS:-}" ]; then extra+=(--sample-rows "$SAMPLE_ROWS"); fi
if [ -n "${THREADS:-}" ]; then extra+=(--threads "$THREADS"); fi
if [ ! -x /usr/bin/time ] || ! /usr/bin/time -v true >/dev/null 2>&1; then
  echo "bench: needs GNU time at /usr/bin/time (Debian: apt-get install -y time)" >&2
  exit 2
fi
src="$data/$dataset"
if [ ! -f "$src" ]; then
  echo "bench: $dataset not found in $data (set DOPPEL_SHARED_DATA)" >&2
  exit 2
fi
work="$(mktemp -d "${TMPDIR:-/tmp}/doppel-bigfit-bench.XXXXXX")"
if [ "${KEEP:-0}" = 1 ]; then echo "bench: work folder $work"; else trap 'rm -rf "$work"' EXIT; fi

# the big file: the header once, then the data rows again and again until it reaches SIZE_MB
input="$work/${dataset%.*}_big.csv"
head -n 1 "$src" > "$input"
tail -n +2 "$src" > "$work/body"
body_bytes=$(stat -c %s "$work/body")
copies=$(( (size_mb * 1024 * 1024 + body_bytes - 1) / body_bytes ))
for _ in $(seq "$copies"); do cat "$work/body"; done >> "$input"
rm -f "$work/body"
rows=$(( $(wc -l < "$input") - 1 ))
printf 'input: %s repeated %d times: %s rows, %s MB\n' "$dataset" "$copies" "$rows" \
  "$(( $(stat -c %s "$input") / 1024 / 1024 ))"

doppel="$root/doppel"
"$doppel" --version >/dev/null
# the launcher archives a command's classes on its first run (class-data sharing); do that run on a small file
head -n 1001 "$input" > "$work/warmup.csv"
"$doppel" fit "$work/warmup.csv" -q --force -o "$work/warmup.json" >/dev/null

echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
JAVA_OPTS="-Xmx$heap ${GC_OPTS:-} -Xlog:gc:file=$work/gc.log" /usr/bin/time -v -o "$work/time.txt" \
  "$doppel" fit "$input" --model "$model" ${extra[@]+"${extra[@]}"} --force -o "$work/model.json" > "$work/fit.txt"
echo "load after:  $(cut -d' ' -f1-3 /proc/loadavg)"
grep -v '^note: the correlation' "$work/fit.txt" || true
wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$work/time.txt")
user=$(awk -F': ' '/User time/ {print $2}' "$work/time.txt")
sys=$(awk -F': ' '/System time/ {print $2}' "$work/time.txt")
rss_kb=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$work/time.txt")
# G1 and Parallel log pauses as "...Pause Young (Normal) (G1 Evacuation Pause) 512M->96M(1024M) 12.345ms"
heap_stats=$(grep -oE '[0-9]+M->[0-9]+M\([0-9]+M\)' "$work/gc.log" \
  | awk -F'[M>(-]+' '{ if ($1 > before) before = $1; if ($2 > after) after = $2; n++ }
      END { printf "%d GCs, most heap in use %d MB (before a GC), largest live set %d MB (after one)", n, before, after }')
printf 'heap %s: wall %s, CPU %.1f s, peak RSS %d MB; %s\n' "$heap" "$wall" "$(echo "$user + $sys" | bc)" \
  $(( rss_kb / 1024 )) "$heap_stats"
