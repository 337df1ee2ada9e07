#!/bin/sh
# Golden CLI tests: tests/golden/NAME.cmd is a shell command line using
# $RECAP, run from the repository root; tests/golden/NAME.out holds what it
# must print: stdout, then "--- stderr" and stderr, then "--- exit N".
# Every case also runs twice to check the output is byte-identical, and
# cases whose command asks for JSON have every stdout line validated.
#
# A recap built without WordNet (`recap --version`: "English lexicon: not
# built in") finds other English key phrases: where its output differs,
# the case's expected output is NAME.nolex.out instead.
#
#   RECAP=build/recap JSONCHECK=build/tests/jsoncheck sh tests/golden.sh
#   UPDATE=1 ... rewrites the .out files (review the diff before committing):
#   with the lexicon NAME.out, without it NAME.nolex.out where that differs
#   from NAME.out (`make golden-update` runs both builds)
set -u
RECAP=${RECAP:-build/recap}
JSONCHECK=${JSONCHECK:-build/tests/jsoncheck}
export RECAP
nolex=
if "$RECAP" --version | grep -q '^English lexicon: not built in'; then
  nolex=1
  echo "golden: $RECAP has no English lexicon: NAME.nolex.out where there is one"
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failed=0
count=0
run_case() { # cmdfile outfile
  sh -c "$(cat "$1")" > "$tmp/stdout" 2> "$tmp/stderr"
  status=$?
  { cat "$tmp/stdout"; echo "--- stderr"; cat "$tmp/stderr"; echo "--- exit $status"; } > "$2"
}
for cmd in tests/golden/*.cmd; do
  name=$(basename "$cmd" .cmd)
  expected=tests/golden/$name.out
  [ "$nolex" ] && [ -f "tests/golden/$name.nolex.out" ] && expected=tests/golden/$name.nolex.out
  count=$((count + 1))
  run_case "$cmd" "$tmp/actual"
  if [ "${UPDATE:-}" ] && [ "$nolex" ]; then
    if cmp -s "$tmp/actual" "tests/golden/$name.out"; then
      rm -f "tests/golden/$name.nolex.out"
    else
      cp "$tmp/actual" "tests/golden/$name.nolex.out"
    fi
    continue
  elif [ "${UPDATE:-}" ]; then
    cp "$tmp/actual" "$expected"
    continue
  fi
  if ! diff -u "$expected" "$tmp/actual" > "$tmp/diff" 2>&1; then
    echo "FAIL $name: output differs"; head -n 40 "$tmp/diff"; failed=$((failed + 1)); continue
  fi
  run_case "$cmd" "$tmp/again"
  if ! cmp -s "$tmp/actual" "$tmp/again"; then
    echo "FAIL $name: a second run gave different bytes"; failed=$((failed + 1)); continue
  fi
  if grep -q -- '-f json\|--jsonl' "$cmd" && [ -s "$tmp/stdout" ]; then
    if ! "$JSONCHECK" "$tmp/stdout"; then
      echo "FAIL $name: invalid JSON"; failed=$((failed + 1)); continue
    fi
  fi
  echo "ok   $name"
done
[ "${UPDATE:-}" ] && [ "$nolex" ] && { echo "updated the .nolex.out files of $count cases"; exit 0; }
[ "${UPDATE:-}" ] && { echo "updated $count golden files"; exit 0; }
echo "golden: $((count - failed))/$count passed"
[ "$failed" -eq 0 ]
