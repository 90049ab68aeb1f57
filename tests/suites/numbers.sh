#!/usr/bin/env bash
# numbers.sh -- the number and quantity recogniser: seed goldens, the case
# file, Recognizers-Text spec floors, linear time on number-dense input.
# sanitize: yes
. "$(dirname "$0")/../lib.sh"

# 1. every number and quantity of both seeds (goldens read line by line)
for g in "$ROOT"/tests/golden/numbers/*.txt; do
  base=$(basename "$g" .txt)
  src="$SHARED/seeds/$base.txt"
  [ -f "$src" ] || { not_ok "seed $base missing"; continue; }
  "$CONCUR" extract --kinds number,quantity --format jsonl "$src" | python3 "$ROOT/tests/spec/compact.py" >"$TMP/$base.txt"
  if diff -u "$g" "$TMP/$base.txt" >"$TMP/diff"; then ok "seed numbers $base"; else not_ok "seed numbers $base"; head -20 "$TMP/diff" | sed 's/^/    /'; fi
done

# 2. the case file (separators, decimal evidence, words, vague, qualifiers, ranges, units, not-quantities)
python3 "$ROOT/tests/spec/numbers_cases.py" "$CONCUR" "$ROOT/tests/spec/numbers_cases.txt"

# 3. Recognizers-Text specs, floors just under the measured F1 (docs/numbers.md)
if [ -d "$SHARED/data/recognizers-text-specs" ]; then
  check "Recognizers-Text number and unit specs above their floors" \
    python3 "$ROOT/tests/spec/rt_spec.py" "$CONCUR" "$SHARED/data/recognizers-text-specs" \
      --floor NumberModel=0.82 --floor PercentModel=0.65 --floor NumberRangeModel=0.93 --floor OrdinalModel=0.76 \
      --floor DimensionModel=0.90 --floor CurrencyModel=0.97 --floor TemperatureModel=0.87 --floor AgeModel=0.89
fi

# 4. linear time: 10x the number-dense input takes about 10x the time
python3 - "$TMP" <<'PY'
import sys
d = sys.argv[1]
unit = "Some 1.275 people, more than 1,000 injured, $11.1bn, 14 per cent, 366th, between 2 and 15, dozens; "
open(d + "/n1.txt", "w").write(unit * (1_000_000 // len(unit)))
open(d + "/n10.txt", "w").write(unit * (10_000_000 // len(unit)))
open(d + "/digits.txt", "w").write("1" * 1_000_000 + " people\n")
open(d + "/chain.txt", "w").write("1,000," * 300_000 + "1\n")
PY
t() { local s e; s=$(date +%s.%N); "$CONCUR" extract --kinds number,quantity "$1" >/dev/null 2>&1; e=$(date +%s.%N); echo "$e - $s" | bc; }
t1=$(t "$TMP/n1.txt"); t10=$(t "$TMP/n10.txt")
echo "# 1 MB of numbers: ${t1}s, 10 MB: ${t10}s"
check "10 MB of numbers within 20x the time of 1 MB" python3 -c "import sys; sys.exit(0 if float('$t10') < 20 * max(float('$t1'), 0.05) else 1)"
td=$(t "$TMP/digits.txt"); tc=$(t "$TMP/chain.txt")
echo "# a million digits: ${td}s; 300,000 groups '1,000,': ${tc}s"
check "a million digits in under 5 s" python3 -c "import sys; sys.exit(0 if float('$td') < 5 else 1)"
check "a 1.8 MB chain of digit groups in under 10 s" python3 -c "import sys; sys.exit(0 if float('$tc') < 10 else 1)"
"$CONCUR" extract --kinds number "$TMP/digits.txt" >"$TMP/d.jsonl"
check "a million digits is not a quantity (nothing emitted)" test ! -s "$TMP/d.jsonl"
