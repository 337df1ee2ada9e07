#!/bin/sh
# Pathological inputs: each must give a clear result or a clear error with
# a documented exit status, within a time limit, and recap's output must be
# valid UTF-8 (text) and valid JSON (JSON mode).  Inputs are generated here
# (awk with fixed seeds: the same bytes every run) or read from ../shared
# when it is beside the repository (skipped otherwise).
#
#   RECAP=build/recap JSONCHECK=build/tests/jsoncheck sh tests/pathological.sh
# SLOW=N multiplies the time limits (sanitizer builds).
set -u
RECAP=${RECAP:-build/recap}
JSONCHECK=${JSONCHECK:-build/tests/jsoncheck}
SLOW=${SLOW:-1}
LC_ALL=C
export LC_ALL
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failed=0
count=0

fail() { echo "FAIL $name: $*"; failed=$((failed + 1)); }

# check NAME LIMIT_SECONDS ALLOWED_STATUSES FILE [OPTIONS...]
# Runs text, JSON and HTML output; each must finish in time with an allowed
# status; output must be valid UTF-8, JSON output valid JSON, and the HTML
# page must hold no markup but its own (one <script>, one <style>).
check() {
  name=$1 limit=$(($2 * SLOW)) allowed=$3 file=$4
  shift 4
  count=$((count + 1))
  for fmt in text json html; do
    start=$(date +%s)
    timeout "$limit" "$RECAP" -f "$fmt" "$@" "$file" > "$tmp/out" 2> "$tmp/err"
    status=$?
    if [ $status -eq 124 ]; then fail "$fmt: took over $limit s"; return; fi
    case " $allowed " in
      *" $status "*) ;;
      *) fail "$fmt: exit $status, expected one of: $allowed"; sed -n 1,3p "$tmp/err"; return ;;
    esac
    if [ $status -ne 0 ] && ! grep -q '^recap: ' "$tmp/err"; then
      fail "$fmt: failed without a 'recap: ...' message"; return
    fi
    if ! "$JSONCHECK" -u "$tmp/out"; then fail "$fmt: output is not UTF-8"; return; fi
    if [ "$fmt" = json ] && [ $status -eq 0 ] && ! "$JSONCHECK" "$tmp/out"; then
      fail "json: invalid JSON"; return
    fi
    if [ "$fmt" = html ] && [ $status -eq 0 ] &&
       [ "$(grep -o '<script\|<style' "$tmp/out" | wc -l)" -ne 2 ]; then
      fail "html: markup from the input in the page"; return
    fi
    elapsed=$(( $(date +%s) - start ))
  done
  echo "ok   $name (${elapsed}s, exit $status)"
}

words() { # N SEED SEPARATOR: N words from a small vocabulary
  awk -v n="$1" -v seed="$2" -v sep="$3" 'BEGIN { srand(seed);
    split("the budget depot bus charging route team meeting plan cost electric fleet driver schedule winter battery federal grant city council", w, " ");
    for (i = 0; i < n; i++) printf "%s%s", w[int(rand() * 20) + 1], sep }'
}

: > "$tmp/empty.txt"
check empty 10 0 "$tmp/empty.txt"
printf '  \n\t\n\n   \r\n' > "$tmp/space.txt"
check whitespace 10 0 "$tmp/space.txt"
awk 'BEGIN { for (i = 0; i < 20000; i++) printf "!!! ... ??? ,,, ;;; --- ()[]{} \"\" " }' > "$tmp/punct.txt"
check punctuation-only 20 0 "$tmp/punct.txt"
awk 'BEGIN { for (i = 0; i < 20000; i++) printf "the and of to a in is it. " }' > "$tmp/stop.txt"
check stopwords-only 20 0 "$tmp/stop.txt"
words 800000 1 " " > "$tmp/sentence.txt" # about 5 MB, no punctuation
check one-5MB-sentence 60 0 "$tmp/sentence.txt"
awk 'BEGIN { for (i = 0; i < 1000000; i++) print "Word." }' > "$tmp/million.txt"
check million-one-word-sentences 60 0 "$tmp/million.txt" -n 3
awk 'BEGIN { for (i = 0; i < 450000; i++) printf "The council approved the budget for the charging depot on route %d. ", i % 97 }' > "$tmp/line.txt"
check 50MB-single-line 120 0 "$tmp/line.txt"
awk 'BEGIN { for (i = 0; i < 2000; i++) printf "The depot\000 budget was approved.\000\n" }' > "$tmp/nul.txt"
check nul-bytes 20 0 "$tmp/nul.txt"
awk 'BEGIN { srand(42); for (i = 0; i < 1048576; i++) printf "%c", int(rand() * 256) }' > "$tmp/random.bin"
check random-binary 20 1 "$tmp/random.bin"
awk 'BEGIN { for (i = 0; i < 5000; i++) printf "caf\300\251 \355\240\200 \340\200\257 \360\200\200\257 ok \377\376 end. " }' > "$tmp/overlong.txt"
check overlong-and-surrogates 20 0 "$tmp/overlong.txt"
check overlong-strict 20 1 "$tmp/overlong.txt" --strict
awk 'BEGIN { print "WEBVTT\n"; for (i = 0; i < 100000; i++) {
  s = i * 2; printf "%02d:%02d:%02d.000 --> %02d:%02d:%02d.500\n<v Speaker %d>cue number %d about the depot\n\n",
  s / 3600, s / 60 % 60, s % 60, s / 3600, s / 60 % 60, s % 60, i % 7, i } }' > "$tmp/cues.vtt"
check vtt-100000-cues 60 0 "$tmp/cues.vtt" --chapters --speakers
# Every line a decision or an action (the worst case for --decisions: all
# sentences are candidates, every reply agrees).
awk 'BEGIN { for (i = 0; i < 60000; i++) printf "Speaker %d: So we decided to go with route %d, and I will send the plan to Ann by Friday.\nSpeaker %d: Yes, sounds good, let us do that.\n", i % 5, i % 97, (i + 1) % 5 }' > "$tmp/decide.txt"
check decisions-everywhere 60 0 "$tmp/decide.txt" --decisions=200
check decisions-million-sentences 60 0 "$tmp/million.txt" -n 0 -k 0 --decisions
printf 'WEBVTT\n\n00:10:00.000 --> 00:00:01.000\nBackwards cue about the depot.\n\n-00:00:05.000 --> 00:00:06.000\nNegative time.\n\n99999999:00:00.000 --> 99999999:59:59.999\nEnormous time about the depot budget.\n\n00:00:02.000 --> 00:00:03.000\nOut of order again.\n' > "$tmp/times.vtt"
check vtt-bad-times 10 "0 1" "$tmp/times.vtt" --chapters --speakers
# Times past 1e13 s are no time, in every format alike (2e15 s showed as
# [277777777:46:40] in text and "start":0 in JSON).
name=huge-json-times; count=$((count + 1))
printf '{"segments": [{"start": 2e15, "end": 1e300, "text": "The depot budget was approved today."}, {"start": 5, "end": 6, "text": "The bus route was approved."}]}' > "$tmp/late.json"
"$RECAP" -n 5 "$tmp/late.json" > "$tmp/out" 2>&1; s1=$?
"$RECAP" -n 5 -f json "$tmp/late.json" > "$tmp/out.json" 2>&1; s2=$?
if [ $s1 -eq 0 ] && [ $s2 -eq 0 ] && grep -q '^The depot budget' "$tmp/out" &&
   grep -q '"text":"The depot budget was approved today.",[^}]*"start":null,"end":null' "$tmp/out.json"; then
  echo "ok   $name"
else fail "exit $s1/$s2: $(head -c 300 "$tmp/out") $(grep -o '"start":[^,]*' "$tmp/out.json" | head -2)"; fi
awk 'BEGIN { printf "{\"segments\": ["; for (i = 0; i < 100000; i++) printf "%s{\"start\": %d.5, \"end\": %d.9, \"text\": \" Segment %d about the charging depot.\"}", (i ? "," : ""), i, i, i; print "]}" }' > "$tmp/huge.json"
check huge-json 60 0 "$tmp/huge.json"
awk 'BEGIN { for (i = 0; i < 1000000; i++) printf "["; }' > "$tmp/deep.json"
check deeply-nested-json 20 1 "$tmp/deep.json" -i json
check deeply-nested-auto 20 "0 1" "$tmp/deep.json"
awk 'BEGIN { for (i = 0; i < 300000; i++) printf "word%d ", i }' > "$tmp/vocab.txt"
check 300000-distinct-words 60 0 "$tmp/vocab.txt"
awk 'BEGIN { for (i = 0; i < 2000000; i++) printf "x" }' > "$tmp/token.txt"
check one-2MB-token 20 0 "$tmp/token.txt"
check max-input-exceeded 10 1 "$tmp/line.txt" --max-input 1M
# Sentence rules that look around a period (segment.c): periods inside
# one long token before capitals, abbreviations that never end a sentence,
# initials before function words, list markers, bullets, spaced ellipses.
awk 'BEGIN { for (i = 0; i < 300000; i++) printf "e.g.Ab" }' > "$tmp/glued.txt"
check glued-periods 20 0 "$tmp/glued.txt"
awk 'BEGIN { printf "At"; for (i = 0; i < 300000; i++) printf " 1 a.m. I. The Mr. e. g." }' > "$tmp/abbrevs.txt"
check abbreviation-chain 30 0 "$tmp/abbrevs.txt"
bullet=$(printf '\342\200\242')
awk -v b="$bullet" 'BEGIN { for (i = 0; i < 300000; i++) printf "%d) item %c. thing %s ", i % 99 + 1, 97 + i % 26, b }' > "$tmp/list.txt"
check list-markers 30 0 "$tmp/list.txt"
awk 'BEGIN { for (i = 0; i < 1000000; i++) printf ". " }' > "$tmp/dots.txt"
check spaced-ellipsis 20 0 "$tmp/dots.txt"
# Words that fold to nothing (U+FFA0) in the stopword sample: clang's
# UBSan saw a zero offset to a null pointer in strtab.c (make
# sanitize-clang runs this).
printf '\357\276\240 \357\276\240 budget depot.' > "$tmp/ffa0.txt"
check empty-folded-words 10 0 "$tmp/ffa0.txt"
check empty-folded-words-none 10 0 "$tmp/ffa0.txt" -l none
if [ -f ../shared/utf8/UTF-8-test.txt ]; then
  check kuhn-utf8-test 20 0 ../shared/utf8/UTF-8-test.txt
  check kuhn-utf8-test-strict 20 1 ../shared/utf8/UTF-8-test.txt --strict
else
  echo "skip kuhn-utf8-test (../shared/utf8 absent)"
fi

# Combining marks: utf8proc orders a run of them with an exchange sort,
# so 'a' and alternating U+0301 U+0316 (classes 230, 220) was quadratic
# wherever a string reached it: a Whisper "speaker" of 50,000 pairs took
# 13-45 s, a --query or a JSON Lines "query" of 25,000 pairs 5-6 s, a
# --stopwords line of 50,000 pairs 25 s, ten records each with a 32 KB
# token in the language-detection sample 7 s.  normalize.c now cuts such
# runs (UAX #15 stream-safe text); each is given 5 s.
marks() { # N: 'a' and N pairs of U+0301 U+0316
  awk -v n="$1" 'BEGIN { printf "a"; for (i = 0; i < n; i++) printf "\314\201\314\226" }'
}
marks_json() { # N: a Whisper JSON transcript whose speaker is marks N
  printf '{"segments": [{"start": 0, "end": 2, "speaker": "%s", "text": "The depot budget was approved."}]}' "$(marks "$1")"
}
marks_json 50000 > "$tmp/speaker.json"
check marks-whisper-speaker 5 0 "$tmp/speaker.json" --speakers
{ printf 'The depot budget was approved. The '; marks 50000; printf ' depot opens.\n'; } > "$tmp/marks.txt"
check marks-in-text 5 0 "$tmp/marks.txt" --chapters --speakers --decisions
check marks-query 5 0 examples/webinar.txt --query "depot $(marks 25000)"
{ echo depot; marks 50000; echo; printf -- '-'; marks 50000; echo; } > "$tmp/marks-stop.txt"
check marks-stopwords-line 5 0 examples/webinar.txt --stopwords "$tmp/marks-stop.txt"
{ printf 'The '; marks 8000; printf ' budget depot.\n'; } > "$tmp/marks-token.txt"
check marks-language-sample 5 0 "$tmp/marks-token.txt" -l auto
name=marks-jsonl; count=$((count + 1))
{ printf '{"id": 1, "text": "The depot budget was approved.", "query": "%s"}\n' "$(marks 25000)"
  i=0; while [ $i -lt 10 ]; do
    printf '{"id": %d, "text": "The %s budget depot."}\n' $((i + 2)) "$(marks 8000)"; i=$((i + 1))
  done; } > "$tmp/marks.jsonl"
timeout $((5 * SLOW)) "$RECAP" --jsonl < "$tmp/marks.jsonl" > "$tmp/out" 2> "$tmp/err"; status=$?
if [ $status -eq 0 ] && [ "$(wc -l < "$tmp/out")" -eq 11 ] && "$JSONCHECK" -u "$tmp/out"; then
  echo "ok   $name"
else fail "exit $status (124: over $((5 * SLOW)) s), $(wc -l < "$tmp/out") lines"; fi

# Scale: selection is linear (after its sorts), whatever is asked.  Ten
# times the sentences may cost at most 12 times as much: counted in
# instructions (callgrind) where valgrind is there, since time on a shared
# machine, and even CPU time, grows faster than the work past the caches
# (the whole pipeline's CPU time, -k 0, grows 14x here); else in CPU time,
# within 20x.
phrases() { # N: N sentences, each with new phrases
  awk -v n="$1" 'BEGIN { srand(7); split("budget depot bus charging route team meeting plan cost electric fleet driver schedule winter battery federal grant city council", w, " ");
    for (i = 0; i < n; i++) printf "The %s w%d %s of x%d met the %s y%d. ", w[int(rand()*19)+1], int(rand()*n), w[int(rand()*19)+1], int(rand()*n/3), w[int(rand()*19)+1], i }'
}
distinct() { # N [OPENER [VOCABULARY]]: N sentences of 12 words from 1,000 made-up ones
  awk -v n="$1" -v opener="${2:-Z}" -v nv="${3:-1000}" 'BEGIN { srand(11); split("b d f g k l m n p r s t v z", c, " "); split("a e i o u", v, " ");
    for (k = 0; k < nv; k++) { w[k] = ""; for (j = 0; j < 3; j++) w[k] = w[k] c[int(rand()*14)+1] v[int(rand()*5)+1] }
    for (i = 0; i < n; i++) { printf "%s%s", opener, w[int(rand()*nv)]; for (j = 1; j < 12; j++) printf " %s", w[int(rand()*nv)]; printf ". " } }'
}
cost() { # FILE OPTIONS...: instructions, or CPU ms (least of three runs); "fail"
  f=$1; shift
  if [ "$unit" = instructions ]; then
    valgrind --tool=callgrind --callgrind-out-file=/dev/null "$RECAP" "$@" "$f" \
      2>&1 > "$tmp/out" | sed -n 's/.*Collected : \([0-9]*\).*/\1/p' |
      grep . || echo fail
    return
  fi
  best=
  for run in 1 2 3; do
    # `times` prints the shell's, then its children's, user and system time
    t=$( ( "$RECAP" "$@" "$f" > "$tmp/out" 2> "$tmp/err" || echo fail; times ) |
      awk '/fail/ { print "fail"; exit } NR == 2 {
        n = 0; for (i = 1; i <= 2; i++) { split($i, a, /[ms]/); n += a[1] * 60000 + a[2] * 1000 }
        print int(n); exit }')
    [ "$t" = fail ] && { echo fail; return; }
    if [ -z "$best" ] || [ "$t" -lt "$best" ]; then best=$t; fi
  done
  echo "$best"
}
unit=ms; limit=20
# A sanitizer build (gcc links libasan, clang its runtime into the
# program: both name __asan_init) runs under neither valgrind nor ulimit -v.
sanitized() { grep -q '__[at]san_init' "$RECAP"; }
if command -v valgrind > /dev/null 2>&1 && ! sanitized; then
  unit=instructions; limit=12
fi
# scale NAME GENERATOR WHAT MIN_LINES OPTIONS...: 3,000 then 30,000
# sentences; the larger run must show more than MIN_LINES lines.
scale() {
  name=$1 gen=$2 what=$3 min=$4; shift 4
  count=$((count + 1))
  $gen 3000 > "$tmp/s3k.txt"
  $gen 30000 > "$tmp/s30k.txt"
  small=$(cost "$tmp/s3k.txt" "$@"); big=$(cost "$tmp/s30k.txt" "$@")
  shown=$(wc -l < "$tmp/out")
  if [ "$small" = fail ] || [ "$big" = fail ]; then
    fail "recap failed"; return
  fi
  floor=$small; [ "$unit" = ms ] && [ "$floor" -lt 100 ] && floor=100
  ratio=$(awk -v a="$floor" -v b="$big" 'BEGIN { printf "%.1f", b / a }')
  if awk -v r="$ratio" -v l="$limit" 'BEGIN { exit !(r <= l) }' && [ "$shown" -gt "$min" ]; then
    echo "ok   $name (3,000 sentences $small $unit, 30,000 $big: ${ratio}x; $shown $what)"
  else
    fail "3,000 sentences $small $unit, 30,000 $big: ${ratio}x, over ${limit}x; $shown $what"
  fi
}
# Key phrases: it was pairwise (-n 0 -k N took 10 s at 30,000 sentences).
scale keyphrase-selection-scale phrases phrases 10000 -n 0 -k 1000000
# Summary sentences: each candidate was compared with every chosen one
# (-r 1 on 30,000 distinct sentences took 33 s).  From 300 words, so
# that each term's list of chosen sentences is at its cap
# (RC_CHOSEN_PER_TERM) in both runs: from 1,000 the small run is below it
# and the ratio (12.1x) measures the lists filling up, which -k 0 no
# longer hid once it stopped collecting key phrase candidates.
vocab300() { distinct "$1" Z 300; }
scale summary-selection-scale vocab300 lines 20000 -n 1000000 -r 1 -k 0 -l english
# Decisions: likewise (--decisions=N on 10,000 decisions took 7.4 s).
decided() { distinct "$1" "We decided to "; }
scale decisions-selection-scale decided lines 20000 -n 0 -k 0 --decisions=1000000 -l english

# Combining marks, ten times as many: linear (it was quadratic).
marks_scale() { marks_json $(($1 * 5)); }
scale combining-marks-scale marks_scale lines 0 --speakers

# Memory: peak RSS in proportion to the input, whatever it holds (README,
# "Memory").  Varied short sentences made every phrase candidate cost
# about 60 bytes per input byte (8.6 MB took 612 MB; -k 0 520 MB); a
# stream past --max-input doubled the buffer past it (/dev/zero with the
# 1 GiB default took 2.1 GB); --stopwords and --idf ignored --max-input.
# Peak RSS from GNU time; sanitizer builds inflate it and are skipped.
peak_kb() { # OPTIONS... FILE: the peak RSS of recap in KB, or "fail"
  /usr/bin/time -f '%M' -o "$tmp/rss" "$RECAP" "$@" > /dev/null 2> "$tmp/err"
  tail -n 1 "$tmp/rss"
}
name=memory-varied-sentences; count=$((count + 1))
if [ ! -x /usr/bin/time ] || sanitized; then
  echo "skip $name (no /usr/bin/time, or a sanitizer build)"
else
  distinct 100000 > "$tmp/varied.txt"
  size=$(wc -c < "$tmp/varied.txt")
  limit=$((size * 8 / 1024)) # 8 bytes per input byte, in KB
  all=$(peak_kb "$tmp/varied.txt"); none=$(peak_kb -k 0 "$tmp/varied.txt")
  if [ "$all" -le "$limit" ] && [ "$none" -le "$limit" ]; then
    echo "ok   $name ($((size / 1000)) KB: peak $all KB, -k 0 $none KB; at most $limit)"
  else
    fail "$((size / 1000)) KB of input: peak $all KB, -k 0 $none KB, over 8 bytes per input byte ($limit KB)"
  fi
fi
name=memory-stream-over-limit; count=$((count + 1))
if [ ! -x /usr/bin/time ] || sanitized || [ ! -r /dev/zero ]; then
  echo "skip $name (no /usr/bin/time, /dev/zero, or a sanitizer build)"
else
  kb=$(peak_kb --max-input 64M /dev/zero)
  if [ "$kb" -le $((64 * 1024 + 16384)) ] && grep -q 'max-input' "$tmp/err"; then
    echo "ok   $name (/dev/zero with --max-input 64M: peak $kb KB, refused)"
  else
    fail "/dev/zero with --max-input 64M: peak $kb KB (at most 64 MB + 16 MB), $(head -c 200 "$tmp/err")"
  fi
fi
name=max-input-lists; count=$((count + 1))
awk 'BEGIN { for (i = 0; i < 40000; i++) printf "stopword%d\n", i }' > "$tmp/stop.list"
ok=1
for opt in --stopwords --idf; do
  "$RECAP" --max-input 100K "$opt" "$tmp/stop.list" examples/webinar.txt > /dev/null 2> "$tmp/err"
  status=$?
  if [ $status -ne 1 ] || ! grep -q 'max-input' "$tmp/err"; then
    fail "$opt with a list over --max-input: exit $status, $(head -c 200 "$tmp/err")"; ok=0
  fi
done
[ $ok -eq 1 ] && echo "ok   $name (--stopwords, --idf over --max-input 100K: refused)"

# The CLI's own edge cases.
# Output to a full disk fails, whatever was printed (-V exited 0).
name=dev-full; count=$((count + 1))
if [ -w /dev/full ]; then
  bad=
  for args in "examples/webinar.txt" "-V" "--help" "examples/webinar.txt examples/webinar.vtt" \
              "sentences examples/webinar.txt" "idf examples/webinar.txt"; do
    # shellcheck disable=SC2086 # the words are the arguments
    "$RECAP" $args > /dev/full 2> "$tmp/err"; status=$?
    if [ $status -ne 1 ] || ! grep -q '^recap: error writing output' "$tmp/err"; then
      bad="$bad '$args': exit $status;"
    fi
  done
  if [ -z "$bad" ]; then echo "ok   $name"; else fail "$bad"; fi
else echo "skip $name"; fi
# Option values: a count or size with a space and a sign before it was
# taken by strtoull (" -5": 2^64 - 5, unlimited); a ratio of 400 digits
# became NaN (inf * 0) and failed later as "invalid argument".
name=option-values; count=$((count + 1))
nines=$(awk 'BEGIN { for (i = 0; i < 400; i++) printf "9" }')
zeros=$(awk 'BEGIN { for (i = 0; i < 400; i++) printf "0" }')
bad=
for args in "-n| -5" "-w| -5" "-k| -5" "--chapters= -5" "--max-input| -5" "-n| 5" "-j| -1" \
            "-r|1.${zeros}1" "-r| 0.5" "-r|0.5.1"; do
  # shellcheck disable=SC2086 # '|' splits an option from its value
  (IFS='|'; exec "$RECAP" $args examples/webinar.txt) > /dev/null 2> "$tmp/err"; status=$?
  [ $status -eq 2 ] && grep -q '^recap: ' "$tmp/err" || bad="$bad '$args': exit $status;"
done
for args in "-r|0.$nines" "-r|1.$zeros" "-r|00.25"; do
  (IFS='|'; exec "$RECAP" $args examples/webinar.txt) > "$tmp/out" 2> "$tmp/err"; status=$?
  [ $status -eq 0 ] && [ -s "$tmp/out" ] || bad="$bad '$(echo "$args" | cut -c1-12)...': exit $status;"
done
if [ -z "$bad" ]; then echo "ok   $name"; else fail "$bad"; fi
name=closed-stdout; count=$((count + 1))
"$RECAP" examples/webinar.txt >&- 2> "$tmp/err"; status=$?
if [ $status -eq 1 ]; then echo "ok   $name"; else fail "exit $status"; fi
name=fifo; count=$((count + 1))
mkfifo "$tmp/fifo" && { cat examples/webinar.txt > "$tmp/fifo" & }
timeout $((10 * SLOW)) "$RECAP" -n 1 -k 1 "$tmp/fifo" > "$tmp/out" 2> "$tmp/err"; status=$?
if [ $status -eq 0 ] && [ -s "$tmp/out" ]; then echo "ok   $name"; else fail "exit $status"; fi
# A file cut short while recap reads it (log rotation, an editor saving):
# an error or the bytes read, never a signal (it was mapped: SIGBUS, 135).
name=truncated-while-read; count=$((count + 1))
head -c 100000000 /dev/zero | tr '\0' ' ' > "$tmp/shrink.txt"
"$RECAP" "$tmp/shrink.txt" > /dev/null 2> "$tmp/err" & pid=$!
sleep 0.1; : > "$tmp/shrink.txt"
wait $pid; status=$?
if [ $status -eq 0 ] || { [ $status -eq 1 ] && grep -q '^recap: .*shrank' "$tmp/err"; }; then
  echo "ok   $name (exit $status)"
else fail "exit $status: $(head -c 200 "$tmp/err")"; fi
rm -f "$tmp/shrink.txt"
# Several files in text: a file name that is not UTF-8, or holds a line
# break, is shown with U+FFFD in its "==> NAME <==" header (it was raw).
name=file-name-not-utf8; count=$((count + 1))
odd=$(printf '%s/caf\351\nx.txt' "$tmp")
cp examples/webinar.txt "$odd"
"$RECAP" -n 1 -k 0 "$odd" examples/webinar.txt > "$tmp/out" 2> "$tmp/err"; status=$?
if [ $status -eq 0 ] && "$JSONCHECK" -u "$tmp/out" &&
   grep -q "^==> .*caf$(printf '\357\277\275\357\277\275')x.txt <==\$" "$tmp/out"; then
  echo "ok   $name"
else fail "exit $status: $(grep -a '==>' "$tmp/out" | od -c | head -2)"; fi
rm -f "$odd"
name=unreadable; count=$((count + 1))
printf 'text\n' > "$tmp/secret.txt"; chmod 000 "$tmp/secret.txt"
if [ "$(id -u)" -ne 0 ]; then
  "$RECAP" "$tmp/secret.txt" > /dev/null 2> "$tmp/err"; status=$?
  if [ $status -eq 1 ] && grep -q 'Permission denied' "$tmp/err"; then echo "ok   $name"; else fail "exit $status"; fi
else echo "skip $name (root can read anything)"; fi

# Under an address-space limit (ulimit -v) a large input fails cleanly:
# exit 3 and a message, no crash; a small one still works.  Sanitizer
# builds reserve terabytes of address space and cannot run under it.
name=ulimit-v; count=$((count + 1))
if sanitized; then
  echo "skip $name (sanitizer build)"
else
  i=0
  while [ $i -lt 20 ]; do cat examples/webinar.txt; i=$((i + 1)); done > "$tmp/block.txt"
  i=0; while [ $i -lt 100 ]; do cat "$tmp/block.txt"; i=$((i + 1)); done > "$tmp/big.txt"
  (ulimit -v 100000; exec "$RECAP" "$tmp/big.txt") > /dev/null 2> "$tmp/err"; status=$?
  (ulimit -v 100000; exec "$RECAP" -n 1 examples/webinar.txt) > "$tmp/out" 2> "$tmp/err2"; small=$?
  if [ $status -eq 3 ] && grep -q '^recap: .*out of memory' "$tmp/err" &&
     [ $small -eq 0 ] && [ -s "$tmp/out" ]; then
    echo "ok   $name (25 MB input under 100 MB of address space: exit 3)"
  else
    fail "large input exit $status ($(head -c 200 "$tmp/err")), small input exit $small"
  fi
fi

# JSON Lines: one output line per input line, whatever happens to a
# record, and a bounded line.  Address-space limits again, so skipped in
# sanitizer builds.
# jsonl_lines NAME WANT_STATUS WANT_LINES STATUS...: the last run's output
# has WANT_LINES lines and each line's "status" (ok when absent) is given.
jsonl_lines() {
  name=$1; shift; want_status=$1; shift; want=$*
  got=$(sed 's/.*"status":"\([a-z_]*\)"}$/\1/; t; s/.*/ok/' "$tmp/out" | tr '\n' ' ' | sed 's/ $//')
  if [ "$status" -eq "$want_status" ] && [ "$got" = "$want" ] && "$JSONCHECK" "$tmp/out"; then
    echo "ok   $name (exit $status: $got)"
  else
    fail "exit $status (want $want_status), lines: '$got' (want '$want'); $(head -c 200 "$tmp/err")"
  fi
}
if sanitized; then
  echo "skip jsonl-record-out-of-memory, jsonl-line-out-of-memory, jsonl-dev-zero (sanitizer build)"
else
  # A record that runs out of memory gave no line (3 in, 2 out).
  { echo '{"id":1,"text":"The depot budget was approved."}'
    printf '{"id":2,"text":"'; cat "$tmp/line.txt"; echo '"}'
    echo '{"id":3,"text":"The depot budget was approved."}'; } > "$tmp/oom.jsonl"
  for jobs in 1 2; do
    name="jsonl-record-out-of-memory -j $jobs"; count=$((count + 1))
    (ulimit -v 100000; exec "$RECAP" --jsonl -j $jobs < "$tmp/oom.jsonl") > "$tmp/out" 2> "$tmp/err"; status=$?
    jsonl_lines "$name" 3 ok out_of_memory ok
  done
  # A line larger than memory was taken for the end of the input (exit 0,
  # no output, no message): as a 2 GB line under 1 GB of address space.
  name=jsonl-line-out-of-memory; count=$((count + 1))
  { head -c 200000000 /dev/zero | tr '\000' a; echo; echo '{"id":2,"text":"Fine."}'; } |
    (ulimit -v 100000; exec "$RECAP" --jsonl) > "$tmp/out" 2> "$tmp/err"; status=$?
  jsonl_lines "$name" 3 out_of_memory ok
  # An endless line: one too_large line once twice --max-input is read,
  # then the rest is dropped in constant memory (it grew until killed).
  name=jsonl-dev-zero; count=$((count + 1))
  (ulimit -v 200000; exec timeout $((2 * SLOW)) "$RECAP" --jsonl --max-input 1M < /dev/zero) > "$tmp/out" 2> "$tmp/err"; status=$?
  jsonl_lines "$name" 124 too_large
fi
# -j N writes the same bytes as -j 1, in input order, with records of
# very different costs (so that they finish out of order), bad records and
# lines over the limit among them; more records than the reorder window.
name=jsonl-jobs-same-bytes; count=$((count + 1))
awk 'BEGIN { srand(5); for (i = 0; i < 600; i++) {
    if (i % 97 == 13) { print "not json " i; continue }
    n = i % 50 == 0 ? 600 : int(rand() * 12) + 1
    if (i % 151 == 7) n = 3000
    printf "{\"id\":%d,\"text\":\"", i
    for (k = 0; k < n; k++) printf "Speaker %d: the %s budget for route %d is due. ", k % 3, (rand() < 0.5 ? "depot" : "fleet"), (i * k) % 89
    print "\"}" } }' > "$tmp/many.jsonl"
"$RECAP" --jsonl --max-input 64K -n 1 -k 2 < "$tmp/many.jsonl" > "$tmp/j1.out" 2> "$tmp/j1.err"; s1=$?
same=1
for jobs in 2 3; do
  timeout $((60 * SLOW)) "$RECAP" --jsonl --max-input 64K -n 1 -k 2 -j $jobs < "$tmp/many.jsonl" > "$tmp/jn.out" 2> "$tmp/jn.err"; sn=$?
  if [ $sn -ne $s1 ] || ! cmp -s "$tmp/j1.out" "$tmp/jn.out" || ! cmp -s "$tmp/j1.err" "$tmp/jn.err"; then
    same=; fail "-j $jobs: exit $sn, -j 1: exit $s1; $(cmp "$tmp/j1.out" "$tmp/jn.out")"
  fi
done
if [ "$same" ] && [ "$(wc -l < "$tmp/j1.out")" -eq 600 ] && [ $s1 -eq 1 ] && grep -q too_large "$tmp/j1.out"; then
  echo "ok   $name (600 records, -j 1, 2, 3)"
elif [ "$same" ]; then
  fail "-j 1: exit $s1, $(wc -l < "$tmp/j1.out") lines"
fi
# A failing read is an error, not the end of the input.
for jobs in 1 2; do
  name="jsonl-read-error -j $jobs"; count=$((count + 1))
  "$RECAP" --jsonl -j $jobs < "$tmp" > "$tmp/out" 2> "$tmp/err"; status=$?
  if [ $status -eq 1 ] && grep -q '^recap: stdin: line 1: read error' "$tmp/err"; then
    echo "ok   $name"
  else
    fail "exit $status: $(head -c 200 "$tmp/err")"
  fi
done

echo "pathological: $((count - failed))/$count passed"
[ "$failed" -eq 0 ]
