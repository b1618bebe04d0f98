#!/usr/bin/env bash
# Doppel masking benchmark: `doppel mask` on customers_pii_10000.csv repeated to 1,000,000 rows (171 MB), once per
# action: every direct identifier faked; every direct identifier pseudonymised (with a key); quasi-identifiers
# generalised (city rare values suppressed, subscription date to the month, countries kept) with the direct
# identifiers kept; and detection's defaults (no profile). Prints rows/s as the CLI reports it (both passes, start-up
# included), wall and CPU seconds and peak RSS.
#
# Needs: bash, a JDK 17+ and Maven (the ./doppel launcher builds the jar on first use), GNU time as /usr/bin/time
# (Debian: apt-get install -y time), and ../shared/data beside the project (or DOPPEL_SHARED_DATA=/path/to/data).
#
# Settings (environment): REPEAT=3 runs per case (the median by wall time is shown), COPIES=100 repeats of the
# 10,000 rows, THREADS= --threads (default all cores), KEEP=1 keeps the work folder, UNIQUE=1 makes the index,
# customer id, both phones and the e-mail unique in every row (each copy's values get the copy's number: index plus
# copies before it times the rows, a two-digit prefix on the others), as in a real table of a million customers;
# names, companies, cities and web sites still repeat every 10,000 rows.
#
# Usage: bench/mask.sh
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
data="${DOPPEL_SHARED_DATA:-$root/../shared/data}"
repeat="${REPEAT:-3}"
copies="${COPIES:-100}"
threads_opt=()
if [ -n "${THREADS:-}" ]; then threads_opt=(--threads "$THREADS"); fi
if [ ! -x /usr/bin/time ] || ! /usr/bin/time -v true >/dev/null 2>&1; then
  echo "bench: needs GNU time at /usr/bin/time (Debian: apt-get install -y time)" >&2
  exit 2
fi
src="$data/customers_pii_10000.csv"
if [ ! -f "$src" ]; then
  echo "bench: customers_pii_10000.csv not found in $data (set DOPPEL_SHARED_DATA)" >&2
  exit 2
fi
work="$(mktemp -d "${TMPDIR:-/tmp}/doppel-mask-bench.XXXXXX")"
if [ "${KEEP:-0}" = 1 ]; then echo "bench: work folder $work"; else trap 'rm -rf "$work"' EXIT; fi

input="$work/customers_1m.csv"
head -n 1 "$src" > "$input"
src_rows=$(( $(wc -l < "$src") - 1 ))
for copy in $(seq 0 $(( copies - 1 ))); do
  if [ "${UNIQUE:-0}" = 1 ]; then
    # fields counted from both ends: Company and Country in the middle may be quoted and hold commas
    tail -n +2 "$src" | awk -F, -v OFS=, -v c="$copy" -v n="$src_rows" '{
      p = sprintf("%02d", c); $1 = c * n + $1; $2 = p $2; $(NF-4) = p $(NF-4); $(NF-3) = p $(NF-3);
      $(NF-2) = p $(NF-2); print }' >> "$input"
  else
    tail -n +2 "$src" >> "$input"
  fi
done
rows=$(( $(wc -l < "$input") - 1 ))

direct=("Index" "Customer Id" "First Name" "Last Name" "Company" "Phone 1" "Phone 2" "Email" "Website")
profile() { # profile NAME ACTION-FOR-DIRECT-IDENTIFIERS QUASI-SECTION
  {
    echo "columns:"
    for c in "${direct[@]}"; do echo "  $c: {action: $2}"; done
    printf '%s\n' "$3"
    echo "privacy:"
    echo "  key_file: \"$work/key\""
  } > "$work/$1.yaml"
}
openssl rand -hex 32 > "$work/key" 2>/dev/null || head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n' > "$work/key"
keep_qi=$'  City: {action: keep}\n  Country: {action: keep}'
profile fake fake "$keep_qi"
profile pseudonymise pseudonymise "$keep_qi"
profile generalise keep $'  City: {action: generalise, level: rare}\n  Country: {action: keep}\n  Subscription Date: {action: generalise, level: month}'

doppel="$root/doppel"
"$doppel" --version >/dev/null
# a command's first run archives the classes it loads for class-data sharing (see ./doppel); runs after it, as a
# user's usually are, map them: make that first run here, on a small file, before timing
head -n 1001 "$input" > "$work/warmup.csv"
"$doppel" mask "$work/warmup.csv" -o "$work/warmup-out.csv" --force -q >/dev/null

printf '%-14s %10s %12s %8s %8s %10s\n' case rows "rows/s" wall_s cpu_s peak_rss
for case in fake pseudonymise generalise default; do
  results=()
  for i in $(seq "$repeat"); do
    args=(mask "$input" -o "$work/out.csv" --force -q "${threads_opt[@]+"${threads_opt[@]}"}")
    if [ "$case" != default ]; then args+=(-p "$work/$case.yaml"); fi
    /usr/bin/time -v -o "$work/time.txt" "$doppel" "${args[@]}"
    wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {split($2,a,":"); s=0; for(i=1;i<=length(a);i++) s=s*60+a[i]; print s}' "$work/time.txt")
    cpu=$(awk -F': ' '/User time/ {u=$2} /System time/ {s=$2} END {print u+s}' "$work/time.txt")
    rss=$(awk -F': ' '/Maximum resident set size/ {printf "%d MB", $2/1024}' "$work/time.txt")
    results+=("$wall $cpu $rss")
  done
  median="$(printf '%s\n' "${results[@]}" | sort -n | sed -n "$(( (repeat + 1) / 2 ))p")"
  read -r wall cpu rss unit <<< "$median"
  printf '%-14s %10d %12.0f %8.2f %8.2f %7s %s\n' "$case" "$rows" "$(echo "$rows / $wall" | bc -l)" "$wall" "$cpu" "$rss" "$unit"
done
