#!/usr/bin/env bash
# Doppel auto benchmark: `./doppel fit DATA` with the default model (auto), as a user runs it (launcher defaults, JVM
# start included), on shared datasets; optionally against a second launcher (another checkout's build), the two
# alternating run by run so that drift of a shared machine hits both alike. Prints per run the wall and CPU seconds and
# peak RSS (/usr/bin/time), then per launcher and dataset the medians, the model auto chose and the model's sha256
# (the same on every run of one launcher).
#
# Needs: bash, a JDK 17+ and Maven (the ./doppel launcher builds the jar on first use), GNU time as /usr/bin/time
# (Debian: apt-get install -y time), ../shared/data beside the project (or DOPPEL_SHARED_DATA=/path/to/data).
#
# Settings (environment): REPEAT=5 runs per launcher and dataset, DATASETS="bank_marketing.csv telco_churn.csv
# adult.csv", BASE=/path/to/other/doppel (a launcher beside its built jar; none: this checkout only), MODEL=auto (or
# copula, tree), ARGS= extra arguments for fit (e.g. "--threads 1").
#
# Usage: bench/auto.sh
#        BASE=../old-checkout/doppel REPEAT=7 bench/auto.sh
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
data="${DOPPEL_SHARED_DATA:-$root/../shared/data}"
repeat="${REPEAT:-5}"
datasets="${DATASETS:-bank_marketing.csv telco_churn.csv adult.csv}"
model="${MODEL:-auto}"
read -r -a extra <<< "${ARGS:-}"
if [ ! -x /usr/bin/time ] || ! /usr/bin/time -v true >/dev/null 2>&1; then
  echo "bench: needs GNU time at /usr/bin/time (Debian: apt-get install -y time)" >&2
  exit 2
fi
launchers=("$root/doppel")
names=(this)
if [ -n "${BASE:-}" ]; then
  launchers+=("$BASE")
  names+=(base)
fi
work="$(mktemp -d "${TMPDIR:-/tmp}/doppel-auto-bench.XXXXXX")"
trap 'rm -rf "$work"' EXIT

median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }
seconds() { awk -F: '{ s = 0; for (i = 1; i <= NF; i++) s = s * 60 + $i; print s }'; }

echo "machine: $(nproc) cores; load before: $(cut -d' ' -f1-3 /proc/loadavg); model $model ${ARGS:-}"
for dataset in $datasets; do
  file="$data/$dataset"
  if [ ! -f "$file" ]; then
    echo "bench: $dataset not found in $data (set DOPPEL_SHARED_DATA)" >&2
    exit 2
  fi
  for i in "${!launchers[@]}"; do # a first run each builds the launcher's class-data archive; not timed
    "${launchers[$i]}" fit "$file" --model "$model" ${extra[@]+"${extra[@]}"} -q --force \
      -o "$work/warmup.json" >/dev/null 2>&1
    : > "$work/${names[$i]}.runs"
  done
  echo "$dataset:"
  for run in $(seq "$repeat"); do
    for i in "${!launchers[@]}"; do
      name="${names[$i]}"
      /usr/bin/time -v -o "$work/time.txt" "${launchers[$i]}" fit "$file" --model "$model" \
        ${extra[@]+"${extra[@]}"} -q --force -o "$work/$name.json" >/dev/null 2>&1
      wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$work/time.txt" | seconds)
      cpu=$(awk -F': ' '/User time|System time/ {s += $2} END {print s}' "$work/time.txt")
      rss=$(awk -F': ' '/Maximum resident set size/ {print int($2 / 1024)}' "$work/time.txt")
      echo "$wall $cpu $rss" >> "$work/$name.runs"
      printf '  run %d %-4s: wall %.2f s, CPU %.2f s, peak RSS %d MB (load %s)\n' "$run" "$name" "$wall" "$cpu" \
        "$rss" "$(cut -d' ' -f1 /proc/loadavg)"
      sha256sum "$work/$name.json" | cut -c1-16 >> "$work/$name.sha"
    done
  done
  for name in "${names[@]}"; do
    chosen="$(grep -o '"model auto: [a-z]*' "$work/$name.json" | sed 's/"model auto: //' || true)"
    printf '  median %-4s: wall %.2f s, CPU %.2f s, peak RSS %d MB; auto chose %s; model sha256 %s\n' "$name" \
      "$(cut -d' ' -f1 "$work/$name.runs" | median)" "$(cut -d' ' -f2 "$work/$name.runs" | median)" \
      "$(cut -d' ' -f3 "$work/$name.runs" | median)" "${chosen:-(not auto)}" \
      "$(sort -u "$work/$name.sha" | tr '\n' ' ')"
    rm -f "$work/$name.sha"
  done
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
