#!/bin/sh
# Golden CLI tests: tests/golden/NAME.cmd is a shell command line using
# $RECAP, run from the repository root; tests/golden/NAME.out holds what it
# must print: stdout, then "--- stderr" and stderr, then "--- exit N".
# Every case also runs twice to check the output is byte-identical, and
# cases whose command asks for JSON have every stdout line validated.
#
#   RECAP=build/recap JSONCHECK=build/tests/jsoncheck sh tests/golden.sh
#   UPDATE=1 ... rewrites the .out files (review the diff before committing)
set -u
RECAP=${RECAP:-build/recap}
JSONCHECK=${JSONCHECK:-build/tests/jsoncheck}
export RECAP
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
  count=$((count + 1))
  run_case "$cmd" "$tmp/actual"
  if [ "${UPDATE:-}" ]; then
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
[ "${UPDATE:-}" ] && { echo "updated $count golden files"; exit 0; }
echo "golden: $((count - failed))/$count passed"
[ "$failed" -eq 0 ]
