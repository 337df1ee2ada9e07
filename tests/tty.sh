#!/bin/sh
# The progress line on a terminal (src/cli_run.c): recap is run on a
# pseudo-terminal (script(1), util-linux) and what it wrote is replayed
# through a tiny terminal (awk: '\r' returns to the start of the line,
# ESC [ K erases to its end, '\n' starts the next).  The screen at the end
# must hold exactly what recap prints to a pipe: every progress line was
# erased before results or messages were written under it and at the end.
# Without a terminal, progress is silent unless asked for (--progress: whole
# lines, the analysis of one input in per cent).
#
#   RECAP=build/recap sh tests/tty.sh
set -u
RECAP=${RECAP:-build/recap}
LC_ALL=C
export LC_ALL
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failed=0
count=0

fail() { echo "FAIL $name: $*"; failed=$((failed + 1)); }
ok() { echo "ok   $name"; }

# The screen a terminal shows after the bytes of file $1.
screen() {
  awk 'BEGIN { esc = sprintf("%c[K", 27) }
  {
    line = ""; col = 0; s = $0
    while (s != "") {
      if (substr(s, 1, 3) == esc) { line = substr(line, 1, col); s = substr(s, 4); continue }
      c = substr(s, 1, 1); s = substr(s, 2)
      if (c == "\r") col = 0
      else { line = substr(line, 1, col) c substr(line, col + 2); col++ }
    }
    print line
  }' "$1"
}

# 200 small inputs (and one that is missing among them).
mkdir "$tmp/in"
i=100
while [ $i -lt 300 ]; do
  cp tests/golden/lines.txt "$tmp/in/t$i.txt"
  i=$((i + 1))
done
set -- "$tmp"/in/*.txt
many="$*"

# run_tty CMD: recap on a terminal; its screen in $tmp/screen, its bytes in
# $tmp/raw.
run_tty() {
  script -qec "$1" /dev/null > "$tmp/raw" 2>&1 < /dev/null
  screen "$tmp/raw" | sed '$ { /^$/ d; }' > "$tmp/screen"
}

# script(1) needs a pseudo-terminal (/dev/pts): a bare chroot has none.
if script -qec true /dev/null > /dev/null 2>&1 < /dev/null; then
  for jobs in 1 2; do
    name="tty-files-j$jobs"
    count=$((count + 1))
    opts="-j $jobs -n 1 -k 2"
    "$RECAP" $opts $many > "$tmp/plain" 2> /dev/null
    run_tty "$RECAP --progress $opts $many"
    if ! grep -q 'recap: [0-9]*/200 files' "$tmp/raw"; then
      fail "no progress line was drawn"
    elif ! cmp -s "$tmp/plain" "$tmp/screen"; then
      fail "the screen differs from the output ($(grep -c 'recap:' "$tmp/screen") progress lines left)"
      diff "$tmp/plain" "$tmp/screen" | head -n 6
    else
      ok
    fi
  done

  # A message on stderr is a whole line, not written over the progress.
  name=tty-message
  count=$((count + 1))
  run_tty "$RECAP --progress -n 1 -k 1 $many $tmp/in/missing.txt $many"
  if [ "$(grep -c '^recap: ' "$tmp/screen")" -ne 1 ] ||
     ! grep -q "^recap: $tmp/in/missing.txt: No such file or directory\$" "$tmp/screen"; then
    fail "the screen has other recap: lines than the message"
    grep '^recap: ' "$tmp/screen" | head -n 4
  else
    ok
  fi

  # One input: its analysis in per cent, erased before the results.
  name=tty-one-input
  count=$((count + 1))
  "$RECAP" -n 1 -k 2 examples/webinar.txt > "$tmp/plain"
  run_tty "$RECAP --progress -n 1 -k 2 examples/webinar.txt"
  if ! grep -q 'recap: examples/webinar.txt [0-9]*%' "$tmp/raw"; then
    fail "no per-cent progress was drawn"
  elif ! cmp -s "$tmp/plain" "$tmp/screen"; then
    fail "the screen differs from the output"
    diff "$tmp/plain" "$tmp/screen" | head -n 6
  else
    ok
  fi

  name=tty-no-progress
  count=$((count + 1))
  run_tty "$RECAP --progress --no-progress -n 1 -k 1 $many"
  if grep -q 'recap:' "$tmp/raw"; then fail "a progress line was drawn"; else ok; fi
else
  echo "skip tty-*: script(1) cannot make a terminal here (none, or no /dev/pts)"
fi

# Not a terminal: silent by default; --progress writes whole lines.
name=notty-silent
count=$((count + 1))
"$RECAP" -n 1 -k 1 $many > /dev/null 2> "$tmp/err"
if [ -s "$tmp/err" ]; then fail "wrote to stderr: $(head -n 1 "$tmp/err")"; else ok; fi

name=notty-forced
count=$((count + 1))
"$RECAP" --progress -n 1 examples/webinar.txt > /dev/null 2> "$tmp/err"
if ! head -n 1 "$tmp/err" | grep -q '^recap: examples/webinar.txt [0-9]*%$' ||
   [ "$(tail -n 1 "$tmp/err")" != "recap: examples/webinar.txt 100%" ] ||
   grep -q "$(printf '\r')" "$tmp/err"; then
  fail "expected whole lines up to 100%, got: $(tr '\r\n' '|/' < "$tmp/err")"
else
  ok
fi

echo "tty: $((count - failed))/$count passed"
[ "$failed" -eq 0 ]
