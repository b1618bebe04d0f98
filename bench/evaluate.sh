#!/usr/bin/env bash
# Doppel evaluation benchmark, the issue's case: `doppel evaluate` of 1,000,000 synthetic rows against the 45,211 real
# rows of bank_marketing.csv, with a real hold-out and a target column, writing report.json and report.html. The
# synthetic rows come from `doppel run profiles/bank.yaml` fitted on a random 80% (the hold-out is the other 20%).
# Prints wall and CPU seconds and peak RSS (GNU time), and the report's headline numbers.
#
# Needs: bash, JDK 17+, Maven (./doppel builds on first use), GNU time as /usr/bin/time (Debian: apt-get install -y
# time), ../shared/data beside the project (or DOPPEL_SHARED_DATA=/path/to/data).
# Settings (environment): REPEAT=3 evaluations (median by wall time shown), ROWS=1000000 synthetic rows, KEEP=1 keeps
# the work folder.
#
# Usage: bench/evaluate.sh
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
data="${DOPPEL_SHARED_DATA:-$root/../shared/data}"
repeat="${REPEAT:-3}"
rows="${ROWS:-1000000}"
if [ ! -x /usr/bin/time ] || ! /usr/bin/time -v true >/dev/null 2>&1; then
  echo "bench: needs GNU time at /usr/bin/time (Debian: apt-get install -y time)" >&2
  exit 2
fi
src="$data/bank_marketing.csv"
if [ ! -f "$src" ]; then
  echo "bench: bank_marketing.csv not found in $data (set DOPPEL_SHARED_DATA)" >&2
  exit 2
fi
work="$(mktemp -d "${TMPDIR:-/tmp}/doppel-evaluate-bench.XXXXXX")"
if [ "${KEEP:-0}" = 1 ]; then echo "bench: work folder $work"; else trap 'rm -rf "$work"' EXIT; fi
cd "$root"

# split 80/20 at random (fixed seed), keeping the header on both parts
header="$(head -n 1 "$src")"
tail -n +2 "$src" | awk 'BEGIN { srand(2026) } { print (rand() < 0.8 ? "T" : "H") "\t" $0 }' > "$work/tagged"
{ echo "$header"; grep '^T' "$work/tagged" | cut -f2-; } > "$work/train.csv"
{ echo "$header"; grep '^H' "$work/tagged" | cut -f2-; } > "$work/holdout.csv"
cat > "$work/bank.yaml" <<YAML
input:
  path: "$work/train.csv"
output:
  path: "$work/synthetic.csv"
YAML
./doppel run "$work/bank.yaml" -n "$rows" --no-evaluation -q
echo "bench: $(($(wc -l < "$work/train.csv") - 1)) training, $(($(wc -l < "$work/holdout.csv") - 1)) hold-out, $rows synthetic rows; load $(cut -d' ' -f1-3 /proc/loadavg)"

results=()
for i in $(seq "$repeat"); do
  /usr/bin/time -v -o "$work/time.$i" ./doppel evaluate "$work/train.csv" "$work/synthetic.csv" \
    --holdout "$work/holdout.csv" --target y --json "$work/report.json" --html "$work/report.html" --force -q
  wall=$(grep "Elapsed (wall clock)" "$work/time.$i" | awk '{print $NF}')
  user=$(grep "User time" "$work/time.$i" | awk '{print $NF}')
  sys=$(grep "System time" "$work/time.$i" | awk '{print $NF}')
  rss=$(grep "Maximum resident" "$work/time.$i" | awk '{print $NF}')
  secs=$(echo "$wall" | awk -F: '{ if (NF == 3) print $1*3600 + $2*60 + $3; else print $1*60 + $2 }')
  results+=("$secs $(awk -v u="$user" -v s="$sys" 'BEGIN { print u + s }') $((rss / 1024))")
done
printf '%s\n' "${results[@]}" | sort -n | awk -v n="$repeat" 'NR == int((n + 1) / 2) {
  printf "evaluate: wall %.1f s (median of %d), CPU %.1f s, peak RSS %d MB\n", $1, n, $2, $3 }'
python3 - "$work/report.json" <<'PY' 2>/dev/null || grep -E '"(overall|dcr_share|exact_copy_rate)"' "$work/report.json"
import json, sys
r = json.load(open(sys.argv[1]))
q, p = r["quality"], r["privacy"]
print(f"quality {q['overall']:.3f} (shapes {q['column_shapes']:.3f}, pairs {q['column_pair_trends']:.3f}); "
      f"S_pMSE {q['propensity']['s_pmse']:.2f}; TSTR macro F1 {q['ml_efficacy']['synthetic']:.3f} "
      f"(real {q['ml_efficacy']['real']:.3f})")
print(f"exact copies {p['exact_copy_rate']:.4f} (hold-out {p['holdout_exact_copy_rate']:.4f}); "
      f"DCR share {p['dcr_share']:.3f}; singling out {p['singling_out']['risk']:+.3f}; "
      f"linkability {p['linkability']['risk']:+.3f}; worst inference {p['inference'][0]['risk']:+.3f}")
PY
