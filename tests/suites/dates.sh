#!/usr/bin/env bash
# dates.sh -- the date recogniser: seed goldens, the case file, spec floors.
# sanitize: yes
. "$(dirname "$0")/../lib.sh"

# 1. every date of both seeds (goldens read line by line)
for g in "$ROOT"/tests/golden/dates/*.tsv; do
  base=$(basename "$g" .tsv)
  src="$SHARED/seeds/$base.txt"
  [ -f "$src" ] || { not_ok "seed $base missing"; continue; }
  "$CONCUR" extract --kinds date --format jsonl "$src" | python3 "$ROOT/tests/golden/dates/project.py" >"$TMP/$base.tsv"
  if diff -u "$g" "$TMP/$base.tsv" >"$TMP/diff"; then ok "seed dates $base"; else not_ok "seed dates $base"; head -20 "$TMP/diff" | sed 's/^/    /'; fi
done

# 2. the case file (absolute, partial, relative, fuzzy, intervals, durations, not-dates)
python3 "$ROOT/tests/spec/dates_cases.py" "$CONCUR" "$ROOT/tests/spec/dates_cases.txt"

# 3. the date mode option changes the year of a partial date
printf 'In 1992 the siege tightened. On 1 March, journalists arrived.\n' >"$TMP/m.txt"
v=$("$CONCUR" extract --kinds date --format tsv --no-header --ref-date 2010-06-01 --date-mode news "$TMP/m.txt" | grep -c '2010-03-01')
check "news mode takes the reference year" test "$v" = 1
v=$("$CONCUR" extract --kinds date --format tsv --no-header --ref-date 2010-06-01 --date-mode narrative "$TMP/m.txt" | grep -c '1992-03-01')
check "narrative mode takes the story's year" test "$v" = 1

# 4. the alternative reading of an ambiguous numeric date is reported
printf 'Paid 05/06/1992.\n' | "$CONCUR" extract --kinds date --format jsonl - >"$TMP/alt.jsonl"
check "ambiguous date keeps the other reading" grep -q '"value":"1992-05-06".*"alternatives":\[{"value":"1992-06-05"}\]' "$TMP/alt.jsonl"

# 5. spec runs with floors set from measured figures (docs/dates.md)
if [ -d "$SHARED/data/tempeval3-platinum" ]; then
  check "TempEval-3 platinum value F1 >= 0.87, relaxed >= 0.93" \
    python3 "$ROOT/tests/spec/timeml_dates.py" "$CONCUR" "$SHARED/data/tempeval3-platinum" --floor-value 0.87 --floor-relaxed 0.93
fi
if [ -d "$SHARED/data/tbaq-cleaned" ]; then
  check "TimeBank+AQUAINT value F1 >= 0.805, relaxed >= 0.94" \
    python3 "$ROOT/tests/spec/timeml_dates.py" "$CONCUR" "$SHARED/data/tbaq-cleaned/AQUAINT" "$SHARED/data/tbaq-cleaned/TimeBank" --floor-value 0.805 --floor-relaxed 0.94
fi
if [ -d "$SHARED/data/recognizers-text-specs" ]; then
  check "Recognizers-Text DateTimeModel value F1 >= 0.61" \
    python3 "$ROOT/tests/spec/rt_dates.py" "$CONCUR" "$SHARED/data/recognizers-text-specs" --floor-value 0.61
fi

# 6. pathological: a long run of numbers and date words stays linear
python3 -c "print(' '.join(['May 5, 1992 - 05/06/1992 in 1990 the 1990s three years ago'] * 20000))" >"$TMP/long.txt"
check "100k date words in one paragraph" timeout 20 "$CONCUR" extract --kinds date --format tsv "$TMP/long.txt"
