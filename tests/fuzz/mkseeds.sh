#!/bin/sh
# Rebuilds the per-harness seed directories tests/fuzz/seeds/fuzz_*/ from
#   tests/fuzz/seeds/raw/      inputs written for the fuzzers
#   tests/fixtures/readers/    the reader tests' fixtures
#   examples/webinar.*         the example transcript
# adding the selector bytes each harness reads first (see fuzz_common.h and
# the harnesses' comments).  Run from anywhere; needs a C compiler for the
# recap_options seeds (their layout is the build machine's ABI).
set -eu
cd "$(dirname "$0")/../.."
S=tests/fuzz/seeds
R=$S/raw
F=tests/fixtures/readers
rm -rf "$S"/fuzz_*

# put DIR NAME PREFIX FILE...: PREFIX (printf escapes) then the files.
put() {
  mkdir -p "$S/$1"
  d=$1 n=$2 p=$3
  shift 3
  { printf "$p"; cat "$@"; } > "$S/$d/$n"
}

# Option selector variants (fuzz_common.h, fz_options):
#   v0  defaults (language auto)
#   v1  english, chapters and decisions, speakers, query; 12-word budget
#   v2  none, chapters and decisions, speakers, verbatim; TextRank, cosine,
#       small limits
#   v3  french, chapters and decisions, cut last; 1-word budget, strict UTF-8
V0='\000\000' V1='\215\001' V2='\036\224' V3='\107\102'

# fmt HARNESS FILES...: the harness's own-format files with all variants,
# every fixture with the defaults.
fmt() {
  h=$1
  shift
  for f in "$@"; do
    b=$(basename "$f")
    put "$h" "v0-$b" "$V0" "$f"
    put "$h" "v1-$b" "$V1" "$f"
    put "$h" "v2-$b" "$V2" "$f"
    put "$h" "v3-$b" "$V3" "$f"
  done
  for f in $F/*; do
    put "$h" "x-$(basename "$f")" "$V0" "$f"
  done
}
fmt fuzz_text $R/prose-*.txt $R/mixed.txt $F/prose.txt
put fuzz_text webinar.txt "$V1" examples/webinar.txt
fmt fuzz_transcript $R/talk.transcript.txt $F/*.transcript.txt
put fuzz_transcript webinar.txt "$V1" examples/webinar.txt
fmt fuzz_vtt $R/*.vtt $F/*.vtt
put fuzz_vtt webinar.vtt "$V1" examples/webinar.vtt
fmt fuzz_srt $R/cues.srt $R/sub.sbv $F/*.srt
fmt fuzz_json $R/*.json $F/*.json

# Detection: every input with no hint, and with the hint its name gives.
for f in $R/*.txt $R/*.vtt $R/*.srt $R/*.sbv $R/*.json $F/* examples/webinar.*; do
  b=$(basename "$f")
  case $b in
  *.vtt) hint='\001' ;; *.srt) hint='\002' ;; *.json) hint='\003' ;;
  *.sbv) hint='\007' ;; *) hint='\004' ;;
  esac
  case $b in webinar.*) ;; *) put fuzz_auto "a-$b" "$V0\\000" "$f" ;; esac
  put fuzz_auto "h-$b" "$V1$hint" "$f"
done

# JSON Lines: the whole file, and each line alone.
put fuzz_jsonl records.jsonl '' $R/records.jsonl
i=0
while IFS= read -r line; do
  i=$((i + 1))
  printf '%s' "$line" > $S/fuzz_jsonl/line$i.json
done < $R/records.jsonl

# Tables: selector (stopword language in bits 0-2, analysis language in
# bits 3-4), stopwords, NUL, IDF table, NUL, text (built-in without it).
put fuzz_tables all-builtin '\001' $R/stop.txt
printf '\000' >> $S/fuzz_tables/all-builtin
cat $R/table.idf >> $S/fuzz_tables/all-builtin
put fuzz_tables english-prose '\012' $R/stop.txt
printf '\000' >> $S/fuzz_tables/english-prose
cat $R/table.idf >> $S/fuzz_tables/english-prose
printf '\000' >> $S/fuzz_tables/english-prose
cat $R/prose-en.txt >> $S/fuzz_tables/english-prose
printf '\023the\nshed\000budget\t3\n\000' > $S/fuzz_tables/none-bad-table
printf '\034# nothing\n\000@language french 3\nbudget\t2\n\000' \
  > $S/fuzz_tables/french
cat $R/prose-fr.txt >> $S/fuzz_tables/french
printf '\006mot\000\000' > $S/fuzz_tables/unknown-language

# Allocation failures: selector, allocation number (little-endian, bit 15
# = every allocation from there on), text.
for f in $F/basic.vtt $F/whisper.json $F/meeting.transcript.txt \
  $R/prose-en.txt $R/cues.srt; do
  b=$(basename "$f")
  put fuzz_nomem "n1-$b" "$V1\\001\\000" "$f"
  put fuzz_nomem "n40-$b" "$V0\\050\\000" "$f"
  put fuzz_nomem "n300-$b" "$V2\\054\\001" "$f"
  put fuzz_nomem "s90-$b" "$V1\\132\\200" "$f"
done

# Render options (fuzz_render): TITLE NUL MEDIA NUL TEXT.
put fuzz_render audio 'Board meeting\000talk.mp3\000' $F/zoom.vtt
put fuzz_render youtube '</title><script>x</script>\000https://www.youtube.com/watch?v=abc&t=3\000' \
  tests/fixtures/html/hostile.json
put fuzz_render refused '\000javascript:alert(1)\000' $F/meeting.transcript.txt
put fuzz_render video 'x\000HTTP://Example.org:8080/a b.mp4?x=1#y\000' $F/prose.txt
put fuzz_render lecture '\000\000' tests/fixtures/html/lecture.srt

# recap_options structs, written by a program that knows their layout.
tmp=$(mktemp -d)
cat > "$tmp/gen.c" << 'EOF'
#include <stdio.h>
#include <string.h>
#include "recap.h"
/* Pointer fields: value % 3 == 0 NULL, 1 a fixed valid string, 2 the next
   NUL-terminated string after the struct (fuzz_options.c). */
static void put(const char *dir, const char *name, recap_options o,
                const void *tail, size_t n, const char *file) {
  char path[512];
  snprintf(path, sizeof path, "%s/%s", dir, name);
  FILE *f = fopen(path, "wb");
  fwrite(&o, sizeof o, 1, f);
  fwrite(tail, 1, n, f);
  if (file) {
    FILE *in = fopen(file, "rb");
    int c;
    while ((c = getc(in)) != EOF)
      putc(c, f);
    fclose(in);
  }
  fclose(f);
}
#define P(v) ((const char *)(v))
int main(int argc, char **argv) {
  const char *d = argv[1], *fx = argv[2];
  char path[512];
  recap_options o;
  (void)argc;
  recap_options_init(&o);
  o.language = P(4), o.filename = P(3), o.query = P(2); /* english */
  put(d, "query", o, "what about the shed?", 20, NULL);
  recap_options_init(&o);
  o.language = P(2), o.filename = P(2), o.query = P(0);
  o.flags = RECAP_OPT_CHAPTERS | RECAP_OPT_SPEAKERS;
  o.chapters = 2, o.summary_words = 30;
  snprintf(path, sizeof path, "%s/basic.srt", fx);
  put(d, "srt-fr", o, "fr\0x.srt\0", 9, path);
  recap_options_init(&o);
  o.language = P(1), o.filename = P(0), o.query = P(0);
  o.input_format = RECAP_INPUT_VTT;
  o.scorer = RECAP_SCORER_TFIDF, o.similarity = RECAP_SIMILARITY_OVERLAP;
  snprintf(path, sizeof path, "%s/basic.vtt", fx);
  put(d, "vtt", o, "", 0, path);
  recap_options_init(&o);
  o.language = P(7), o.filename = P(0), o.query = P(0); /* "none" */
  o.summary_ratio = 0.25, o.summary_sentences = (size_t)-1;
  o.keyphrases = 100, o.chapters = 250;
  o.flags = RECAP_OPT_CHAPTERS | RECAP_OPT_SCORE_ORDER | RECAP_OPT_CUT_LAST;
  put(d, "limits", o, "", 0, NULL);
  recap_options_init(&o);
  o.language = P(0), o.filename = P(0), o.query = P(0);
  o.summary_ratio = 2.0;
  put(d, "bad-ratio", o, "", 0, NULL);
  recap_options_init(&o);
  o.language = P(0), o.filename = P(0), o.query = P(0);
  o.max_input_bytes = 10;
  put(d, "too-large", o, "", 0, NULL);
  recap_options_init(&o);
  o.language = P(2), o.filename = P(0), o.query = P(0);
  o.flags = RECAP_OPT_STRICT_UTF8;
  put(d, "strict", o, "klingon\0caf\xe9 cr\xe8me", 19, NULL);
  recap_options_init(&o);
  o.language = P(1), o.filename = P(4), o.query = P(0); /* en, a.vtt */
  o.input_format = RECAP_INPUT_AUTO;
  put(d, "hint", o, "", 0, NULL);
  /* Only the first bytes: the rest keeps its defaults. */
  FILE *f;
  snprintf(path, sizeof path, "%s/prefix", d);
  f = fopen(path, "wb");
  fwrite("\x01\0\0\0\0\0\0\0\x01\0\0\0", 12, 1, f);
  fclose(f);
  return 0;
}
EOF
# (build/librecap.a: run `make` first)
${CC:-cc} -Iinclude -o "$tmp/gen" "$tmp/gen.c" build/librecap.a -lstemmer \
  -lutf8proc -lm
mkdir -p $S/fuzz_options
"$tmp/gen" $S/fuzz_options $F
rm -rf "$tmp"
