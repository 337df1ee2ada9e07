/*
 * test_readers.c - the input-format readers (read_vtt.c, read_srt.c,
 * read_transcript.c, read_json.c, read_text.c) and format detection
 * (detect.c).
 *
 * Every input is copied into a heap buffer of exactly its size, so
 * AddressSanitizer catches any read past the end (inputs are not
 * NUL-terminated).  Expected values are worked out by hand from the
 * fixtures in tests/fixtures/readers/.  The real-file tests read
 * ../shared/captions and ../shared/eval/meetings when present (skipped
 * otherwise) and check, with a word count computed independently from the
 * raw files, that no spoken word is lost or duplicated.
 *
 * Run from the project root (fixture paths are relative to it).
 */
#define _POSIX_C_SOURCE 200809L

#include "test_util.h"

#include <dirent.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "bilingual.h"
#include "decode.h"
#include "labels.h"
#include "readers.h"
#include "timecode.h"

#ifndef FIXTURES
#define FIXTURES "tests/fixtures/readers/"
#endif
#ifndef SHARED
#define SHARED "../shared/"
#endif

/* ---- helpers ------------------------------------------------------------ */

typedef struct reader {
  rc_source src;
  rc_arena arena;
  char *input; /* exactly-sized copy of the text read */
  size_t n;
} reader;

static int setup(void **state) {
  reader *r = calloc(1, sizeof *r);
  if (!r)
    return -1;
  rc_source_init(&r->src, rc_default_allocator());
  rc_arena_init(&r->arena, rc_default_allocator());
  *state = r;
  return 0;
}

static int teardown(void **state) {
  reader *r = *state;
  rc_source_free(&r->src);
  rc_arena_free(&r->arena);
  free(r->input);
  free(r);
  return 0;
}

static recap_status run_reader(rc_source *src, rc_arena *arena,
                               recap_input_format f, const char *s, size_t n) {
  switch (f) {
  case RECAP_INPUT_VTT:
    return rc_read_vtt(src, s, n);
  case RECAP_INPUT_SRT:
    return rc_read_srt(src, s, n);
  case RECAP_INPUT_TRANSCRIPT:
    return rc_read_transcript(src, s, n);
  case RECAP_INPUT_JSON:
    return rc_read_json(src, arena, s, n);
  case RECAP_INPUT_TEXT:
    return rc_read_text(src, s, n);
  default:
    return RECAP_ERR_INVALID_ARGUMENT;
  }
}

/* Reads s[0..n) as format f into r (replacing what r held). */
static recap_status read_n(reader *r, recap_input_format f, const char *s,
                           size_t n) {
  free(r->input);
  r->input = malloc(n ? n : 1);
  assert_non_null(r->input);
  if (n)
    memcpy(r->input, s, n);
  r->n = n;
  rc_source_clear(&r->src);
  rc_arena_reset(&r->arena);
  return run_reader(&r->src, &r->arena, f, r->input, n);
}

static recap_status read_str(reader *r, recap_input_format f, const char *s) {
  return read_n(r, f, s, strlen(s));
}

static recap_status read_fixture(reader *r, recap_input_format f,
                                 const char *name) {
  char path[512];
  size_t n;
  snprintf(path, sizeof path, "%s%s", FIXTURES, name);
  char *s = slurp(path, &n);
  assert_non_null(s);
  recap_status st = read_n(r, f, s, n);
  free(s);
  return st;
}

static const char *cue_text(const reader *r, size_t i, size_t *len) {
  const rc_cue *c = &r->src.cues.data[i];
  *len = c->len;
  return r->src.text + c->off;
}

static void check_cue(const reader *r, size_t i, const char *text, double start,
                      double end, const char *speaker) {
  assert_true(i < r->src.cues.len);
  const rc_cue *c = &r->src.cues.data[i];
  size_t len;
  const char *s = cue_text(r, i, &len);
  if (len != strlen(text) || memcmp(s, text, len) != 0)
    fail_msg("cue %zu: got \"%.*s\", want \"%s\"", i, (int)len, s, text);
  assert_true(fabs(c->start - start) < 1e-9);
  assert_true(fabs(c->end - end) < 1e-9);
  if (speaker) {
    assert_int_not_equal(c->speaker, RC_NO_ID);
    size_t sl;
    const char *sp = rc_strtab_str(&r->src.speakers, c->speaker, &sl);
    if (sl != strlen(speaker) || memcmp(sp, speaker, sl) != 0)
      fail_msg("cue %zu: speaker \"%.*s\", want \"%s\"", i, (int)sl, sp,
               speaker);
  } else {
    assert_int_equal(c->speaker, RC_NO_ID);
  }
}

/* The input offset that byte k of cue i maps to. */
static size_t input_pos(const reader *r, size_t i, size_t k) {
  return rc_offmap_lookup(&r->src.map, r->src.cues.data[i].off + k);
}

/* The offset of the first occurrence of needle in r's input. */
static size_t find_in_input(const reader *r, const char *needle) {
  size_t m = strlen(needle);
  for (size_t i = 0; i + m <= r->n; i++)
    if (memcmp(r->input + i, needle, m) == 0)
      return i;
  fail_msg("\"%s\" not in the input", needle);
  return 0;
}

/* Checks that cue i's bytes [k, k+len) map to the input bytes spelling
   the same text (for verbatim text). */
static void check_maps_to(const reader *r, size_t i, const char *needle) {
  size_t len;
  const char *s = cue_text(r, i, &len);
  size_t m = strlen(needle), k = 0;
  while (k + m <= len && memcmp(s + k, needle, m) != 0)
    k++;
  assert_true(k + m <= len);
  size_t at = find_in_input(r, needle);
  assert_int_equal(input_pos(r, i, k), at);
  assert_int_equal(input_pos(r, i, k + m - 1), at + m - 1);
}

/* ---- timestamps and timing lines ---------------------------------------- */

static void ts_ok(const char *s, double want, size_t consumed) {
  double t = -7;
  size_t k = rc_parse_timestamp(s, strlen(s), &t);
  if (k != consumed || fabs(t - want) > 1e-9)
    fail_msg("\"%s\": consumed %zu (want %zu), %f (want %f)", s, k, consumed, t,
             want);
}

static void ts_bad(const char *s) {
  double t = -7;
  if (rc_parse_timestamp(s, strlen(s), &t) != 0)
    fail_msg("\"%s\" should not parse", s);
  assert_true(t == -7);
}

static void test_timestamp_forms(void **state) {
  (void)state;
  ts_ok("01:02:03.456", 3723.456, 12);
  ts_ok("02:03.456", 123.456, 9);
  ts_ok("1:02:03,5", 3723.5, 9);
  ts_ok("00:00:07", 7, 8);
  ts_ok("0:03", 3, 4);
  ts_ok("00:00:01.000 --> x", 1, 12);
  ts_ok("75:30", 4530, 5);
  ts_ok("123456789:00:00.000", 123456789.0 * 3600, 19);
  ts_ok("00:00:01.1234567890123", 1.123456789, 22);
  ts_ok("00:01:02.", 62, 8); /* a full stop after a time in prose */
  ts_bad("");
  ts_bad("12");
  ts_bad("1:2:3");
  ts_bad("00:60:00");
  ts_bad("00:00:60.000");
  ts_bad("99999999999:00:00.000");
  ts_bad("1234567890:00");
  ts_bad("00:01:02:03");
  ts_bad("00:01:023");
  ts_ok("00:01:02.000x1", 62, 12); /* what follows is the caller's call */
  ts_bad(":01:02");
  /* Never reads past n. */
  double t;
  assert_int_equal(rc_parse_timestamp("00:01:02", 7, &t), 0);
  assert_int_equal(rc_parse_timestamp("00:01:02.5", 9, &t), 8);
}

static int timing(const char *s, double *a, double *b) {
  return rc_parse_timing(s, strlen(s), a, b);
}

static void test_timing_lines(void **state) {
  (void)state;
  double a, b;
  assert_true(
      timing("00:00:01.000 --> 00:00:04.500 align:start position:0%", &a, &b));
  assert_true(a == 1 && b == 4.5);
  assert_true(timing("00:01.000-->00:04.000", &a, &b));
  assert_true(a == 1 && b == 4);
  assert_true(
      timing("00:00:01,000 --> 00:00:04,000 X1:100 X2:200 Y1:1 Y2:2", &a, &b));
  assert_true(timing("  0:00:05.440,0:00:09.360", &a, &b));
  assert_true(a == 5.44 && b == 9.36);
  assert_true(timing("00:00:09 --> 00:00:01", &a, &b)); /* kept as given */
  assert_true(a == 9 && b == 1);
  assert_false(timing("00:00:01.000 -> 00:00:04.000", &a, &b));
  assert_false(timing("00:00:01.000 --> 00:00:04.000x", &a, &b));
  assert_false(timing("00:00:01.000 -->", &a, &b));
  assert_false(timing("99999999999:00:00.000 --> 00:00:01.000", &a, &b));
  assert_false(timing("hello --> world", &a, &b));
}

/* ---- speaker labels ----------------------------------------------------- */

static void label_ok(const char *s, const char *name, double time,
                     const char *text) {
  size_t no, nl, to;
  double t;
  size_t n = strlen(s);
  if (!rc_speaker_label(s, n, &no, &nl, &t, &to))
    fail_msg("\"%s\" should be a label", s);
  if (nl != strlen(name) || memcmp(s + no, name, nl) != 0)
    fail_msg("\"%s\": name \"%.*s\", want \"%s\"", s, (int)nl, s + no, name);
  assert_true(fabs(t - time) < 1e-9);
  if (strcmp(s + to, text) != 0)
    fail_msg("\"%s\": text \"%s\", want \"%s\"", s, s + to, text);
}

static void label_bad(const char *s) {
  size_t no, nl, to;
  double t;
  if (rc_speaker_label(s, strlen(s), &no, &nl, &t, &to))
    fail_msg("\"%s\" should not be a label", s);
}

static void test_speaker_label_forms(void **state) {
  (void)state;
  label_ok("Alice: Hello there.", "Alice", -1, "Hello there.");
  label_ok("Project Manager: Okay.", "Project Manager", -1, "Okay.");
  label_ok("PhD F: Yes", "PhD F", -1, "Yes");
  label_ok("SPEAKER_00: hi", "SPEAKER_00", -1, "hi");
  label_ok("Speaker 1: hi", "Speaker 1", -1, "hi");
  label_ok("Kirsty Williams AM: Thank you.", "Kirsty Williams AM", -1,
           "Thank you.");
  label_ok("[00:01:02] Bob: text", "Bob", 62, "text");
  label_ok("(00:01:02) Bob: text", "Bob", 62, "text");
  label_ok("00:01:02 Bob: text", "Bob", 62, "text");
  label_ok("Bob (00:01:02): text", "Bob", 62, "text");
  label_ok("Bob (00:01:02)", "Bob", 62, "");
  label_ok("Speaker 1  0:03", "Speaker 1", 3, "");
  label_ok("Dana Lee\t01:02:03", "Dana Lee", 3723, "");
  label_ok("00:03:00 Host", "Host", 180, "");
  label_ok("[00:03:00] Host", "Host", 180, "");
  label_ok("Interviewer:", "Interviewer", -1, "");
  label_ok("Hon. Bill Morneau (Minister of Finance): Mr. Speaker,",
           "Hon. Bill Morneau", -1, "Mr. Speaker,");
  label_ok("The Chair (Hon. Anthony Rota (Nipissing, Lib.)): Order.",
           "The Chair", -1, "Order.");
  label_ok("Mr. Chris d'Entremont (West Nova, CPC): Thanks.",
           "Mr. Chris d'Entremont", -1, "Thanks.");
  label_ok("Ursula von der Leyen: Good day.", "Ursula von der Leyen", -1,
           "Good day.");
  label_ok("Zoë: salut", "Zoë", -1, "salut");
  label_ok("\xE4\xB8\xBB\xE6\x8C\x81\xE4\xBA\xBA\xEF\xBC\x9A\xE4\xBD\xA0",
           "\xE4\xB8\xBB\xE6\x8C\x81\xE4\xBA\xBA", -1, "\xE4\xBD\xA0");
  label_ok("  Alice :  indented", "Alice", -1, "indented");

  label_bad("");
  label_bad("Alice");
  label_bad("Note that: the budget");
  label_bad("The main point is this: x");
  label_bad("http://example.com");
  label_bad("Time:10:30");
  label_bad("10:30 meeting");
  label_bad("[Music] hello: x");
  label_bad("Bob 00:01:02");      /* one space: could be prose */
  label_bad("Bob (00:01:02) hi"); /* text without a colon */
  label_bad("one two: x");
  label_bad("\xE2\x80\x9CQuote: x"); /* opening quotation mark */
  label_bad("A B C D E F: six words");
  label_bad("Averyveryveryveryveryveryveryverylongname1: x");
  label_bad("Bob (unclosed: x");
  label_bad("1. Step: x");
  label_bad("(00:01:02 Bob: x");
}

static void test_label_rule(void **state) {
  (void)state;
  rc_labels l;
  rc_labels_init(&l, rc_default_allocator());
  assert_int_equal(rc_labels_count(&l, "Note", 4, 0), RECAP_OK);
  assert_int_equal(rc_labels_count(&l, "Carol", 5, 0), RECAP_OK);
  assert_int_equal(rc_labels_count(&l, "Alice", 5, 0), RECAP_OK);
  assert_false(rc_labels_accept(&l, "Note", 4, 0, 1));
  assert_false(rc_labels_accept(&l, "Carol", 5, 0, 1));
  assert_false(rc_labels_accept(&l, "Nobody", 6, 0, 1));
  assert_int_equal(rc_labels_count(&l, "Alice", 5, 0), RECAP_OK);
  assert_true(rc_labels_accept(&l, "Alice", 5, 0, 0));
  assert_false(rc_labels_accept(&l, "Carol", 5, 0, 1)); /* one recurring */
  assert_int_equal(rc_labels_count(&l, "Bob", 3, 0), RECAP_OK);
  assert_int_equal(rc_labels_count(&l, "Bob", 3, 0), RECAP_OK);
  assert_true(rc_labels_accept(&l, "Carol", 5, 0, 1)); /* a transcript now */
  assert_false(rc_labels_accept(&l, "Carol", 5, 0, 0));
  assert_false(rc_labels_accept(&l, "Note", 4, 0, 1)); /* prose word */
  assert_int_equal(rc_labels_count(&l, "Note", 4, 0), RECAP_OK);
  assert_true(rc_labels_accept(&l, "Note", 4, 0, 0)); /* recurs: a name */
  /* Timed labels: accepted once two labels in the document are timed. */
  assert_int_equal(rc_labels_count(&l, "Dan", 3, 1), RECAP_OK);
  assert_false(rc_labels_accept(&l, "Dan", 3, 1, 0));
  assert_int_equal(rc_labels_count(&l, "Eve", 3, 1), RECAP_OK);
  assert_true(rc_labels_accept(&l, "Dan", 3, 1, 0));
  assert_false(rc_labels_accept(&l, "Dan", 3, 0, 0)); /* that line untimed */
  assert_true(rc_prose_label("SUMMARY", 7));
  assert_false(rc_prose_label("Summarys", 8));
  rc_labels_free(&l);
}

/* ---- WebVTT ------------------------------------------------------------- */

static void test_vtt_basic(void **state) {
  reader *r = *state;
  assert_int_equal(read_fixture(r, RECAP_INPUT_VTT, "basic.vtt"), RECAP_OK);
  assert_int_equal(r->src.cues.len, 3);
  check_cue(r, 0, "Welcome to the course.\nToday we talk about caching.", 1,
            4.5, NULL);
  check_cue(r, 1, "Caches keep copies close.", 5.25, 7, NULL);
  check_cue(r, 2, "An hour later, still talking.", 3600, 3602, NULL);
  assert_true(r->src.timed);
  assert_int_equal(r->src.cues.data[0].flags, 0);
  check_maps_to(r, 0, "Welcome");
  check_maps_to(r, 0, "Today we");
  /* The kept line break is the input's '\n'. */
  assert_int_equal(input_pos(r, 0, strlen("Welcome to the course.")),
                   find_in_input(r, "\nToday"));
  check_maps_to(r, 2, "still");
  check_maps_to(r, 2, " talking.");
}

static void test_vtt_voices(void **state) {
  reader *r = *state;
  assert_int_equal(read_fixture(r, RECAP_INPUT_VTT, "voice.vtt"), RECAP_OK);
  assert_int_equal(r->src.cues.len, 4);
  check_cue(r, 0, "Good morning, everyone.", 0, 2, "Alice Smith");
  check_cue(r, 1, "Morning!", 2, 4, "Bob");
  check_cue(r, 2, "Let's start.", 2, 4, "Alice Smith");
  check_cue(r, 3, "First item:\nthe budget.", 4, 6, "Bob");
  assert_int_equal(r->src.speakers.count, 2);
  check_maps_to(r, 2, "Let's start.");
}

static void test_vtt_zoom_prefixes(void **state) {
  reader *r = *state;
  assert_int_equal(read_fixture(r, RECAP_INPUT_VTT, "zoom.vtt"), RECAP_OK);
  assert_int_equal(r->src.cues.len, 5);
  check_cue(r, 0, "Can everyone hear me?", 1, 3, "Dana Lee");
  check_cue(r, 1, "Yes, loud and clear.", 3.5, 5, "Sam");
  check_cue(r, 2, "Great, let's begin.", 5, 7, "Dana Lee");
  check_cue(r, 3, "Sounds good.", 7, 9, "Sam");
  /* Said once: not a speaker, and nothing is lost. */
  check_cue(r, 4, "Reminder: slides are shared.", 9, 11, NULL);
  check_maps_to(r, 0, "Can everyone");
}

static void test_vtt_inline_tags(void **state) {
  reader *r = *state;
  assert_int_equal(read_fixture(r, RECAP_INPUT_VTT, "tags.vtt"), RECAP_OK);
  assert_int_equal(r->src.cues.len, 3);
  check_cue(r, 0, "The bold plan colour", 0, 3, NULL);
  check_cue(r, 1, "Say \xE6\x9D\xB1\xE4\xBA\xAC twice now", 3, 6, NULL);
  check_cue(r, 2,
            "Is 3 < 5 and 7 > 2? Yes & no <tag> \xC2\xA0xy &foo; 'a' &#0; "
            "\"q\"'",
            6, 8, NULL);
  check_maps_to(r, 0, "bold");
  check_maps_to(r, 0, "colour");
  check_maps_to(r, 1, "twice");
  check_maps_to(r, 1, "now");
  /* Entities map to their reference; the text after them to itself. */
  size_t len;
  const char *s = cue_text(r, 2, &len);
  size_t amp = (size_t)(strchr(s, '&') - s);
  assert_int_equal(input_pos(r, 2, amp), find_in_input(r, "&amp;"));
  check_maps_to(r, 2, " no ");
  check_maps_to(r, 2, "&foo;");
  check_maps_to(r, 2, "&#0;");
}

static void test_vtt_entities_edge(void **state) {
  reader *r = *state;
  const char *in = "WEBVTT\n\n00:01.000 --> 00:02.000\n"
                   "&#x1F600; &#128512; &#xD800; &#1114112; &#x7F; &#; &; "
                   "&amp &AMP; &#x;\n";
  assert_int_equal(read_str(r, RECAP_INPUT_VTT, in), RECAP_OK);
  assert_int_equal(r->src.cues.len, 1);
  check_cue(r, 0,
            "\xF0\x9F\x98\x80 \xF0\x9F\x98\x80 &#xD800; &#1114112; &#x7F; "
            "&#; &; &amp &AMP; &#x;",
            1, 2, NULL);
}

static void test_vtt_sound_annotations(void **state) {
  reader *r = *state;
  assert_int_equal(read_fixture(r, RECAP_INPUT_VTT, "sound.vtt"), RECAP_OK);
  assert_int_equal(r->src.cues.len, 2);
  check_cue(r, 0, "Thank you all.", 2, 4, NULL);
  check_cue(r, 1, "and then silence", 5, 6, NULL);
  check_maps_to(r, 0, "Thank you all.");
  /* Inside a line too, full-width ones included; a long parenthesis is
     speech. */
  assert_int_equal(
      read_str(r, RECAP_INPUT_SRT,
               "1\n00:00:01,000 --> 00:00:03,000\n"
               "We start (applause) now \xEF\xBC\x88\xE7\xAC\x91\xEF\xBC\x89 "
               "[MUSIC PLAYING] (and this part in brackets is what he said "
               "out loud, not a sound at all) ok\n"),
      RECAP_OK);
  check_cue(r, 0,
            "We start now (and this part in brackets is what he said out "
            "loud, not a sound at all) ok",
            1, 3, NULL);
}

static void test_vtt_rolling_captions(void **state) {
  reader *r = *state;
  assert_int_equal(read_fixture(r, RECAP_INPUT_VTT, "rolling.vtt"), RECAP_OK);
  assert_int_equal(r->src.cues.len, 3);
  check_cue(r, 0, "so today we", 0, 2, NULL);
  check_cue(r, 1, "look at trees", 2.01, 4, NULL);
  check_cue(r, 2, "and forests", 4.01, 6, NULL);
  /* The new line of the third cue, not the repeats before it. */
  size_t at = find_in_input(r, "and<00:00:04.500>");
  assert_int_equal(input_pos(r, 2, 0), at);
  assert_int_equal(input_pos(r, 2, 4), find_in_input(r, "forests</c>\n0"));
}

static void test_vtt_real_repeats_kept(void **state) {
  reader *r = *state;
  assert_int_equal(read_fixture(r, RECAP_INPUT_VTT, "repeat.vtt"), RECAP_OK);
  /* Two half-second "yeah"s are speech; the 30 ms repeat is not. */
  assert_int_equal(r->src.cues.len, 2);
  check_cue(r, 0, "yeah", 0, 0.5, NULL);
  check_cue(r, 1, "yeah", 0.5, 1, NULL);
  /* Different speakers saying the same thing are not repeats. */
  assert_int_equal(read_str(r, RECAP_INPUT_VTT,
                            "WEBVTT\n\n00:00.000 --> 00:00.020\n<v A>ok\n\n"
                            "00:00.020 --> 00:00.040\n<v B>ok\n"),
                   RECAP_OK);
  assert_int_equal(r->src.cues.len, 2);
  /* A repeated first line followed by a new one is a rolling repeat even
     in a long cue. */
  assert_int_equal(read_str(r, RECAP_INPUT_VTT,
                            "WEBVTT\n\n00:00.000 --> 00:02.000\nline one\n\n"
                            "00:02.000 --> 00:04.000\nline one\nline two\n"),
                   RECAP_OK);
  assert_int_equal(r->src.cues.len, 2);
  check_cue(r, 1, "line two", 2, 4, NULL);
}

static void test_vtt_long_cues(void **state) {
  reader *r = *state;
  /* A cue longer than the lines held back for the repeat check: its first
     line repeats, the rest streams out in order, and its last line is what
     the next cue is compared with. */
  assert_int_equal(
      read_str(r, RECAP_INPUT_VTT,
               "WEBVTT\n\n00:00.000 --> 00:01.000\nzero\n\n"
               "00:01.000 --> 00:02.000\nzero\n1\n2\n3\n[Music]\n4\n5\n6\n7\n"
               "8\n9\n10\n\n00:02.000 --> 00:03.000\n10\neleven\n\n"
               "00:03.000 --> 00:03.005\neleven\n"),
      RECAP_OK);
  assert_int_equal(r->src.cues.len, 3);
  check_cue(r, 0, "zero", 0, 1, NULL);
  check_cue(r, 1, "1\n2\n3\n4\n5\n6\n7\n8\n9\n10", 1, 2, NULL);
  check_cue(r, 2, "eleven", 2, 3, NULL);
  /* The line break kept after a dropped [Music] line is the one before
     the next text line. */
  assert_int_equal(input_pos(r, 1, 5), find_in_input(r, "\n4\n"));
  /* A voice on a line with no text holds for the lines after it. */
  assert_int_equal(read_str(r, RECAP_INPUT_VTT,
                            "WEBVTT\n\n00:00.000 --> 00:01.000\n<v Bob>\n"
                            "hello\n<v Ann>[laughs]\nhi\n"),
                   RECAP_OK);
  assert_int_equal(r->src.cues.len, 2);
  check_cue(r, 0, "hello", 0, 1, "Bob");
  check_cue(r, 1, "hi", 0, 1, "Ann");
}

static void test_vtt_missing_header(void **state) {
  reader *r = *state;
  assert_int_equal(read_str(r, RECAP_INPUT_VTT, "Hello\nthere\n"),
                   RECAP_ERR_BAD_FORMAT);
  assert_int_equal(r->src.error_line, 1);
  assert_string_equal(r->src.error, "missing WEBVTT header");
  assert_int_equal(read_str(r, RECAP_INPUT_VTT, "\n\nHello\n\n"),
                   RECAP_ERR_BAD_FORMAT);
  assert_int_equal(r->src.error_line, 3);
  /* A NOTE block, then text that is no cue. */
  assert_int_equal(
      read_str(r, RECAP_INPUT_VTT, "NOTE from Teams\n\nHello there\n"),
      RECAP_ERR_BAD_FORMAT);
  assert_string_equal(r->src.error, "expected a cue timing line");
  assert_int_equal(read_str(r, RECAP_INPUT_VTT, "WEBVTTX\n"),
                   RECAP_ERR_BAD_FORMAT);
  assert_int_equal(read_str(r, RECAP_INPUT_VTT, ""), RECAP_ERR_BAD_FORMAT);
  assert_int_equal(r->src.error_line, 1);
  /* Blank lines before the signature are tolerated. */
  assert_int_equal(read_str(r, RECAP_INPUT_VTT, "\n\nWEBVTT\n"), RECAP_OK);
  assert_int_equal(r->src.cues.len, 0);
  assert_int_equal(read_str(r, RECAP_INPUT_VTT, "WEBVTT"), RECAP_OK);
}

/* Files without the signature that start as cues do (Teams exports, a
   cut first line) are read as WebVTT. */
static void test_vtt_headless(void **state) {
  reader *r = *state;
  assert_int_equal(
      read_str(r, RECAP_INPUT_VTT, "00:00.000 --> 00:01.000\nHello\n"),
      RECAP_OK);
  assert_int_equal(r->src.cues.len, 1);
  check_cue(r, 0, "Hello", 0, 1, NULL);
  assert_int_equal(
      read_str(r, RECAP_INPUT_VTT,
               "\n6f1a3c0e-2b7d/12-0\n00:00:03.120 --> 00:00:07.450\n"
               "<v Dana Whitfield>Marcus Okafor, welcome.</v>\n\n"
               "6f1a3c0e-2b7d/13-0\n00:00:07.500 --> 00:00:09.000\n"
               "<v Marcus Okafor>Thanks, Dana.</v>\n"),
      RECAP_OK);
  assert_int_equal(r->src.cues.len, 2);
  check_cue(r, 0, "Marcus Okafor, welcome.", 3.12, 7.45, "Dana Whitfield");
  check_cue(r, 1, "Thanks, Dana.", 7.5, 9, "Marcus Okafor");
  assert_int_equal(read_str(r, RECAP_INPUT_VTT,
                            "NOTE exported\nby a tool\n\n"
                            "00:01.000 --> 00:02.000\nHi\n"),
                   RECAP_OK);
  assert_int_equal(r->src.cues.len, 1);
  check_cue(r, 0, "Hi", 1, 2, NULL);
}

static void test_vtt_text_before_cues(void **state) {
  reader *r = *state;
  assert_int_equal(read_str(r, RECAP_INPUT_VTT,
                            "WEBVTT\n\nNOTE fine\n\nHello there\nmore\n"),
                   RECAP_ERR_BAD_FORMAT);
  assert_int_equal(r->src.error_line, 5);
  assert_string_equal(r->src.error, "expected a cue timing line");
}

static void test_vtt_lenient_structure(void **state) {
  reader *r = *state;
  /* Text after a stray blank line keeps the previous cue's times. */
  assert_int_equal(read_str(r, RECAP_INPUT_VTT,
                            "WEBVTT\n\n00:01.000 --> 00:02.000\nHello\n\n"
                            "world\n\n00:03.000 --> 00:04.000\nNext\n"),
                   RECAP_OK);
  assert_int_equal(r->src.cues.len, 3);
  check_cue(r, 1, "world", 1, 2, NULL);
  check_cue(r, 2, "Next", 3, 4, NULL);
  /* No blank line before a timing line or a numbered cue; a header
     without a blank line after it; a " " line (a CRLF blank line) ends a
     cue; text after it is kept, unless a timing line follows it, making it
     the next cue's identifier, as the spec says. */
  assert_int_equal(read_str(r, RECAP_INPUT_VTT,
                            "WEBVTT\n00:01.000 --> 00:02.000\nA\n \nB\n \n"
                            "id\n00:02.000 --> 00:03.000\nC\n7\n"
                            "00:03.000 --> 00:04.000\nD\n"),
                   RECAP_OK);
  assert_int_equal(r->src.cues.len, 4);
  check_cue(r, 0, "A", 1, 2, NULL);
  check_cue(r, 1, "B", 1, 2, NULL);
  check_cue(r, 2, "C", 2, 3, NULL);
  check_cue(r, 3, "D", 3, 4, NULL);
  /* A CRLF file as the decoder gives it: every line ends in " ". */
  assert_int_equal(read_str(r, RECAP_INPUT_VTT,
                            "WEBVTT \n \nNOTE x \n \n1 \n"
                            "00:01.000 --> 00:02.000 \nOne \ntwo \n \n2 \n"
                            "00:02.000 --> 00:03.000 \nThree \n \n"),
                   RECAP_OK);
  assert_int_equal(r->src.cues.len, 2);
  check_cue(r, 0, "One \ntwo", 1, 2, NULL);
  check_cue(r, 1, "Three", 2, 3, NULL);
  /* A "-->" line whose times do not parse still starts a cue, untimed. */
  assert_int_equal(read_str(r, RECAP_INPUT_VTT,
                            "WEBVTT\n\n99999999999:00:00.000 --> 00:00:01.000"
                            "\nAbsurd\n\nid\n00:0x --> ??\nBroken\n"),
                   RECAP_OK);
  assert_int_equal(r->src.cues.len, 2);
  check_cue(r, 0, "Absurd", -1, -1, NULL);
  check_cue(r, 1, "Broken", -1, -1, NULL);
  /* NOTE/STYLE blocks after cues; NOTE text inside a cue is text. */
  assert_int_equal(read_str(r, RECAP_INPUT_VTT,
                            "WEBVTT\n\n00:01.000 --> 00:02.000\nA\nNOTE x\n\n"
                            "NOTE\nhidden\n\nSTYLE\n::cue {}\n\n"
                            "00:02.000 --> 00:03.000\nB"),
                   RECAP_OK);
  assert_int_equal(r->src.cues.len, 2);
  check_cue(r, 0, "A\nNOTE x", 1, 2, NULL);
  check_cue(r, 1, "B", 2, 3, NULL);
}

static void test_vtt_odd_times(void **state) {
  reader *r = *state;
  /* Out of order, zero-length, enormous: kept as given. */
  assert_int_equal(read_str(r, RECAP_INPUT_VTT,
                            "WEBVTT\n\n00:10.000 --> 00:05.000\nback\n\n"
                            "00:01.000 --> 00:01.000\nzero\n\n"
                            "999999999:00:00.000 --> 999999999:59:59.999\nbig"
                            "\n"),
                   RECAP_OK);
  assert_int_equal(r->src.cues.len, 3);
  check_cue(r, 0, "back", 10, 5, NULL);
  check_cue(r, 1, "zero", 1, 1, NULL);
  assert_true(r->src.cues.data[2].start == 999999999.0 * 3600);
}

/* ---- SRT ---------------------------------------------------------------- */

static void test_srt_basic(void **state) {
  reader *r = *state;
  assert_int_equal(read_fixture(r, RECAP_INPUT_SRT, "basic.srt"), RECAP_OK);
  assert_int_equal(r->src.cues.len, 5);
  check_cue(r, 0, "Hello and welcome\nto the show.", 1, 4, NULL);
  check_cue(r, 1, "Tonight we cover three topics.", 5.5, 7.25, NULL);
  check_cue(r, 2, "Top of the screen & more.", 8, 10, NULL);
  check_cue(r, 3, "No blank line before this one.", 10.5, 12, NULL);
  check_cue(r, 4, "No index here.", 13, 14, NULL);
  check_maps_to(r, 0, "to the show.");
  check_maps_to(r, 1, "Tonight");
  check_maps_to(r, 1, " topics.");
  check_maps_to(r, 2, "Top of");
  check_maps_to(r, 2, " more.");
  check_maps_to(r, 4, "No index here.");
}

static void test_srt_tags_and_speakers(void **state) {
  reader *r = *state;
  assert_int_equal(
      read_str(r, RECAP_INPUT_SRT,
               "1\n00:00:01,000 --> 00:00:02,000\nJOHN: <I>Hi</I> x < y\n\n"
               "2\n00:00:02,000 --> 00:00:03,000\nMARY: Hello <unknown> "
               "{\\an8}{\\pos(1,2)}there\nJOHN: Bye\n\n"
               "3\n00:00:03,000 --> 00:00:04,000\nMARY: <font face=\"x\">"
               "Ok</font>\n"),
      RECAP_OK);
  assert_int_equal(r->src.cues.len, 4);
  check_cue(r, 0, "Hi x < y", 1, 2, "JOHN");
  check_cue(r, 1, "Hello <unknown> there", 2, 3, "MARY");
  check_cue(r, 2, "Bye", 2, 3, "JOHN");
  check_cue(r, 3, "Ok", 3, 4, "MARY");
  check_maps_to(r, 1, "there");
}

/* Subtitle dialogue dashes: the dash is not text and each starts a turn;
   a dash without a space after it, or inside a line, is text. */
static void test_srt_dialogue_dashes(void **state) {
  reader *r = *state;
  assert_int_equal(
      read_str(r, RECAP_INPUT_SRT,
               "1\n00:00:01,000 --> 00:00:02,000\n- Hi, I'm Sam.\n"
               "<i>- Hello.</i>\n\n"
               "2\n00:00:02,000 --> 00:00:03,000\n\xE2\x80\x93 It is -5 "
               "degrees - cold\n-10 now\n"),
      RECAP_OK);
  assert_int_equal(r->src.cues.len, 3);
  check_cue(r, 0, "Hi, I'm Sam.", 1, 2, NULL);
  check_cue(r, 1, "Hello.", 1, 2, NULL);
  check_cue(r, 2, "It is -5 degrees - cold\n-10 now", 2, 3, NULL);
  for (size_t i = 0; i < 3; i++)
    assert_true(r->src.cues.data[i].flags & RC_CUE_BREAK);
  check_maps_to(r, 1, "Hello.");
}

static void test_srt_structure_errors(void **state) {
  reader *r = *state;
  assert_int_equal(read_str(r, RECAP_INPUT_SRT,
                            "\n\nHello\n00:00:01,000 --> 00:00:02,000\n"),
                   RECAP_ERR_BAD_FORMAT);
  assert_int_equal(r->src.error_line, 3);
  assert_string_equal(r->src.error,
                      "expected a subtitle number or timing line");
  assert_int_equal(read_str(r, RECAP_INPUT_SRT, "1\n2\n"),
                   RECAP_ERR_BAD_FORMAT);
  assert_int_equal(r->src.error_line, 1);
  assert_int_equal(read_str(r, RECAP_INPUT_SRT, " \n\n"), RECAP_OK);
  assert_int_equal(r->src.cues.len, 0);
  assert_int_equal(read_str(r, RECAP_INPUT_SRT, ""), RECAP_OK);
}

static void test_srt_lenient(void **state) {
  reader *r = *state;
  /* Text after a stray blank line; blank lines of spaces; a number that is
     text; SubViewer times; a repeated line kept (SRT does not roll). */
  assert_int_equal(read_str(r, RECAP_INPUT_SRT,
                            "1\n00:00:01,000 --> 00:00:02,000\nOne\n  \n"
                            "more\n\n2\n00:00:02,000 --> 00:00:03,000\n"
                            "Count:\n42\n\n"
                            "0:00:03.000,0:00:04.000\nyes\n\n"
                            "0:00:04.000,0:00:04.010\nyes\n"),
                   RECAP_OK);
  assert_int_equal(r->src.cues.len, 5);
  check_cue(r, 0, "One", 1, 2, NULL);
  check_cue(r, 1, "more", 1, 2, NULL);
  check_cue(r, 2, "Count:\n42", 2, 3, NULL);
  check_cue(r, 3, "yes", 3, 4, NULL);
  check_cue(r, 4, "yes", 4, 4.01, NULL);
}

/* ---- transcripts -------------------------------------------------------- */

static void test_transcript_turns(void **state) {
  reader *r = *state;
  assert_int_equal(
      read_fixture(r, RECAP_INPUT_TRANSCRIPT, "meeting.transcript.txt"),
      RECAP_OK);
  assert_int_equal(r->src.cues.len, 7);
  check_cue(r, 0, "Weekly sync, notes taken by hand.", -1, -1, NULL);
  check_cue(r, 1, "Good morning. Let's go through the agenda.", -1, -1,
            "Alice");
  check_cue(r, 2, "Morning. I have one update\nabout the release date.", -1, -1,
            "Bob");
  check_cue(r, 3, "Go ahead.", -1, -1, "Alice");
  check_cue(r, 4, "The release moves to May.", -1, -1, "Bob");
  check_cue(r, 5, "It depends on testing.", -1, -1, "Bob");
  /* Carol speaks once, in a document where two labels recur. */
  check_cue(r, 6, "Understood.", -1, -1, "Carol");
  for (size_t i = 1; i < 7; i++)
    assert_true(r->src.cues.data[i].flags & RC_CUE_BREAK);
  check_maps_to(r, 2, "Morning. I have");
  check_maps_to(r, 2, "about the release");
  assert_int_equal(input_pos(r, 2, strlen("Morning. I have one update")),
                   find_in_input(r, "\nabout"));
  check_maps_to(r, 5, "It depends");
}

static void test_transcript_timestamps(void **state) {
  reader *r = *state;
  assert_int_equal(
      read_fixture(r, RECAP_INPUT_TRANSCRIPT, "timestamps.transcript.txt"),
      RECAP_OK);
  assert_int_equal(r->src.cues.len, 8);
  check_cue(r, 0, "Welcome back to the show.", 5, 12, "Host");
  check_cue(r, 1, "Thanks for having me.", 12, 60, "Guest");
  check_cue(r, 2, "Let's talk about soil.", 60, 90, "Host");
  check_cue(r, 3, "Soil is alive.", 90, 120, "Guest");
  check_cue(r, 4, "Tell me more.\nAnd more.", 120, 150, "Host");
  check_cue(r, 5, "It has fungi.", 150, 180, "Guest");
  check_cue(r, 6, "Lots of them.", -1, -1, "Guest");
  check_cue(r, 7, "Fascinating.", 180, -1, "Host");
  check_maps_to(r, 0, "Welcome back");
  check_maps_to(r, 4, "And more.");
}

static void test_transcript_prose(void **state) {
  reader *r = *state;
  assert_int_equal(read_fixture(r, RECAP_INPUT_TRANSCRIPT, "prose.txt"),
                   RECAP_OK);
  assert_int_equal(r->src.cues.len, 1);
  check_cue(r, 0,
            "The committee met on Tuesday to review the budget.\nNote: the "
            "figures below are provisional.\nSpending rose by four percent "
            "compared with last year.",
            -1, -1, NULL);
  assert_int_equal(r->src.speakers.count, 0);
  /* A prose word is no speaker even in a transcript... */
  assert_int_equal(read_str(r, RECAP_INPUT_TRANSCRIPT,
                            "A: one\nB: two\nA: three\nB: four\n"
                            "Note: recorded\nZed: bye\n"),
                   RECAP_OK);
  assert_int_equal(r->src.cues.len, 5);
  check_cue(r, 3, "four\nNote: recorded", -1, -1, "B");
  check_cue(r, 4, "bye", -1, -1, "Zed");
  /* ...unless it recurs. */
  assert_int_equal(
      read_str(r, RECAP_INPUT_TRANSCRIPT, "Note: one\nNote: two\n"), RECAP_OK);
  assert_int_equal(r->src.cues.len, 2);
  check_cue(r, 1, "two", -1, -1, "Note");
}

/* A short exchange: when labels open (nearly) every line, every label is
   a speaker, also one said once, and the file is detected as a
   transcript (a 2-line file was read as plain text; in a 5-line one a
   speaker who talks once was merged into the turn before). */
static void test_transcript_short(void **state) {
  reader *r = *state;
  const char *two = "Alice: The architects sent the plans.\n"
                    "Bob: The architects want a bigger roof.\n";
  assert_int_equal(rc_detect_format(two, strlen(two), NULL),
                   RECAP_INPUT_TRANSCRIPT);
  assert_int_equal(read_str(r, RECAP_INPUT_TRANSCRIPT, two), RECAP_OK);
  assert_int_equal(r->src.cues.len, 2);
  check_cue(r, 0, "The architects sent the plans.", -1, -1, "Alice");
  check_cue(r, 1, "The architects want a bigger roof.", -1, -1, "Bob");
  const char *five = "Alice: We start with the budget.\n"
                     "Bob: The architects sent the plans.\n"
                     "Alice: Good, what about the roof?\n"
                     "Carol: The roof needs more steel.\n"
                     "Alice: Then we order more steel.\n";
  assert_int_equal(read_str(r, RECAP_INPUT_TRANSCRIPT, five), RECAP_OK);
  assert_int_equal(r->src.cues.len, 5);
  check_cue(r, 1, "The architects sent the plans.", -1, -1, "Bob");
  check_cue(r, 3, "The roof needs more steel.", -1, -1, "Carol");
  assert_int_equal(r->src.speakers.count, 3);
  /* Prose with one label stays prose. */
  const char *prose = "Note: the figures are provisional.\n"
                      "Spending rose by four percent this year.\n";
  assert_int_equal(rc_detect_format(prose, strlen(prose), NULL),
                   RECAP_INPUT_TEXT);
}

static void test_transcript_affiliations(void **state) {
  reader *r = *state;
  assert_int_equal(
      read_str(r, RECAP_INPUT_TRANSCRIPT,
               "The Chair: Order.\n"
               "Hon. Bill Morneau (Minister of Finance): Mr. Chair, yes.\n"
               "The Chair: Thank you.\n"
               "Hon. Bill Morneau: Again.\n"),
      RECAP_OK);
  assert_int_equal(r->src.cues.len, 4);
  check_cue(r, 1, "Mr. Chair, yes.", -1, -1, "Hon. Bill Morneau");
  check_cue(r, 3, "Again.", -1, -1, "Hon. Bill Morneau");
  assert_int_equal(r->src.speakers.count, 2);
}

static void test_transcript_blank_after_label(void **state) {
  reader *r = *state;
  /* Rev-style: a label alone, a blank line, then the turn's text. */
  assert_int_equal(read_str(r, RECAP_INPUT_TRANSCRIPT,
                            "Speaker 1 (00:00:03):\n\nHello.\n\n"
                            "Speaker 2 (00:00:09):\n\nHi.\n\nStill me.\n"),
                   RECAP_OK);
  assert_int_equal(r->src.cues.len, 3);
  check_cue(r, 0, "Hello.", 3, 9, "Speaker 1");
  check_cue(r, 1, "Hi.", 9, -1, "Speaker 2");
  check_cue(r, 2, "Still me.", -1, -1, "Speaker 2");
  assert_int_equal(read_str(r, RECAP_INPUT_TRANSCRIPT, ""), RECAP_OK);
  assert_int_equal(r->src.cues.len, 0);
  assert_int_equal(read_str(r, RECAP_INPUT_TRANSCRIPT, "\n \n\t\n"), RECAP_OK);
  assert_int_equal(r->src.cues.len, 0);
}

/* ---- JSON --------------------------------------------------------------- */

static void test_json_whisper(void **state) {
  reader *r = *state;
  assert_int_equal(read_fixture(r, RECAP_INPUT_JSON, "whisper.json"), RECAP_OK);
  assert_int_equal(r->src.cues.len, 2);
  check_cue(r, 0, "Hello there.", 0, 1.5, NULL);
  check_cue(r, 1, "General \"Kenobi\".\nCaf\xC3\xA9 \xF0\x9F\x98\x80 done.",
            1.5, 3.25, NULL);
  /* The segment's text, not the same words in the top-level "text". */
  size_t seg0 = find_in_input(r, "Hello there.\", \"tokens");
  assert_int_equal(input_pos(r, 0, 0), seg0);
  assert_int_equal(input_pos(r, 0, 11), seg0 + 11);
  /* Escapes map to themselves in the input; text after them too. */
  size_t seg1 = find_in_input(r, "General \\\"Kenobi\\\".\\n");
  assert_int_equal(input_pos(r, 1, 0), seg1);
  assert_int_equal(input_pos(r, 1, 8), seg1 + 8);   /* \" */
  assert_int_equal(input_pos(r, 1, 9), seg1 + 10);  /* Kenobi */
  assert_int_equal(input_pos(r, 1, 17), seg1 + 19); /* \n */
  assert_int_equal(input_pos(r, 1, 21), find_in_input(r, "\\u00e9"));
  assert_int_equal(input_pos(r, 1, 24), find_in_input(r, "\\ud83d"));
  assert_int_equal(input_pos(r, 1, 28), find_in_input(r, " done.\""));
}

static void test_json_list(void **state) {
  reader *r = *state;
  assert_int_equal(read_fixture(r, RECAP_INPUT_JSON, "list.json"), RECAP_OK);
  assert_int_equal(r->src.cues.len, 3);
  check_cue(r, 0, "First segment.", 0.5, 2, NULL);
  check_cue(r, 1, "No end time.", 2, -1, NULL);
  check_cue(r, 2, "Bad times.", -1, -1, NULL);
  check_maps_to(r, 2, "Bad times.");
}

static void test_json_whisperx(void **state) {
  reader *r = *state;
  assert_int_equal(read_fixture(r, RECAP_INPUT_JSON, "whisperx.json"),
                   RECAP_OK);
  assert_int_equal(r->src.cues.len, 3);
  check_cue(r, 0, "We should ship on Friday.", 0.031, 2.4, "SPEAKER_00");
  check_cue(r, 1, "Agreed.", 2.6, 4, "SPEAKER_01");
  check_cue(r, 2, "Unassigned words.", 4.2, 5, NULL);
}

static void test_json_escapes_and_controls(void **state) {
  reader *r = *state;
  assert_int_equal(
      read_str(r, RECAP_INPUT_JSON,
               "[{\"text\": \"a\\bb\\u0000c\\u0085d\\te\\/f\\ud800g\","
               " \"speaker\": \"X\\nY\"}]"),
      RECAP_OK);
  assert_int_equal(r->src.cues.len, 1);
  check_cue(r, 0, "a b c d\te/f\xEF\xBF\xBDg", -1, -1, "X Y");
  assert_int_equal(input_pos(r, 0, 1), find_in_input(r, "\\bb"));
  assert_int_equal(input_pos(r, 0, 2), find_in_input(r, "b\\u0000"));
  assert_int_equal(input_pos(r, 0, 11), find_in_input(r, "\\ud800"));
  assert_int_equal(input_pos(r, 0, 14), find_in_input(r, "g\""));
}

static void test_json_text_only(void **state) {
  reader *r = *state;
  assert_int_equal(
      read_str(r, RECAP_INPUT_JSON,
               "{\"text\": \" Just text.\", \"language\": \"en\"}"),
      RECAP_OK);
  assert_int_equal(r->src.cues.len, 1);
  check_cue(r, 0, "Just text.", -1, -1, NULL);
  assert_int_equal(
      read_str(r, RECAP_INPUT_JSON, "{\"text\": \"\", \"segments\": []}"),
      RECAP_OK);
  assert_int_equal(r->src.cues.len, 0);
  assert_int_equal(read_str(r, RECAP_INPUT_JSON, " [ ] "), RECAP_OK);
  assert_int_equal(r->src.cues.len, 0);
}

static void test_json_errors(void **state) {
  reader *r = *state;
  assert_int_equal(read_str(r, RECAP_INPUT_JSON,
                            "{\n  \"segments\": [\n    {\"text\": \"a\"},\n"
                            "  ]\n}"),
                   RECAP_ERR_BAD_FORMAT);
  assert_int_equal(r->src.error_line, 3);
  assert_non_null(strstr(r->src.error, "at column 18"));
  assert_int_equal(read_str(r, RECAP_INPUT_JSON, "Hello: world"),
                   RECAP_ERR_BAD_FORMAT);
  assert_int_equal(r->src.error_line, 1);
  assert_non_null(strstr(r->src.error, "at column 1"));
  assert_int_equal(read_str(r, RECAP_INPUT_JSON, ""), RECAP_ERR_BAD_FORMAT);
  assert_int_equal(read_str(r, RECAP_INPUT_JSON, "{\"a\": 1}"),
                   RECAP_ERR_BAD_FORMAT);
  assert_string_equal(r->src.error, "no \"segments\" or \"text\"");
  assert_int_equal(read_str(r, RECAP_INPUT_JSON, "\n[1, 2]"),
                   RECAP_ERR_BAD_FORMAT);
  assert_int_equal(r->src.error_line, 2);
  assert_int_equal(read_str(r, RECAP_INPUT_JSON, "[{\"start\": 1}]"),
                   RECAP_ERR_BAD_FORMAT);
  assert_int_equal(read_str(r, RECAP_INPUT_JSON, "{\"segments\": 3}"),
                   RECAP_ERR_BAD_FORMAT);
  assert_int_equal(read_str(r, RECAP_INPUT_JSON, "\"text\""),
                   RECAP_ERR_BAD_FORMAT);
  /* Deep nesting is an error, not a stack overflow. */
  char deep[4001];
  memset(deep, '[', 4000);
  deep[4000] = '\0';
  assert_int_equal(read_str(r, RECAP_INPUT_JSON, deep), RECAP_ERR_BAD_FORMAT);
}

/* ---- detection ---------------------------------------------------------- */

static recap_input_format detect(const char *s, const char *name) {
  size_t n = strlen(s);
  char *copy = malloc(n ? n : 1);
  assert_non_null(copy);
  memcpy(copy, s, n);
  recap_input_format f = rc_detect_format(copy, n, name);
  free(copy);
  return f;
}

static void test_detect_formats(void **state) {
  (void)state;
  assert_int_equal(detect("", NULL), RECAP_INPUT_TEXT);
  assert_int_equal(detect("", "a.srt"), RECAP_INPUT_TEXT);
  assert_int_equal(detect(" \n\n", "a.json"), RECAP_INPUT_TEXT);
  assert_int_equal(detect("WEBVTT\n\n00:01.000 --> 00:02.000\nHi\n", NULL),
                   RECAP_INPUT_VTT);
  assert_int_equal(detect("\nWEBVTT - title\n", "x.txt"), RECAP_INPUT_VTT);
  /* Without the signature: SRT when it starts as SRT does, unless a
     WebVTT voice or the file name says VTT; VTT when the first cue has an
     identifier that is not a number (Teams) or a NOTE block comes
     first. */
  assert_int_equal(detect("00:01.000 --> 00:02.000\nHi\n", NULL),
                   RECAP_INPUT_SRT);
  assert_int_equal(detect("00:01.000 --> 00:02.000\nHi\n", "a.vtt"),
                   RECAP_INPUT_VTT);
  assert_int_equal(detect("1\n00:01.000 --> 00:02.000\n<v Ann>Hi\n", NULL),
                   RECAP_INPUT_VTT);
  assert_int_equal(detect("00:01.000 --> 00:02.000\nHi\n\n"
                          "00:02.000 --> 00:03.000\n<v.loud Ann>Hi\n",
                          NULL),
                   RECAP_INPUT_VTT);
  assert_int_equal(detect("6f1a3c0e-2b7d/12-0\n00:00:03.120 --> "
                          "00:00:07.450\n<v Dana Whitfield>Hi.</v>\n",
                          NULL),
                   RECAP_INPUT_VTT);
  assert_int_equal(detect("intro\n00:01.000 --> 00:02.000\nHi\n", NULL),
                   RECAP_INPUT_VTT);
  assert_int_equal(
      detect("NOTE\nexported\n\n00:01.000 --> 00:02.000\nHi\n", NULL),
      RECAP_INPUT_VTT);
  /* A NOTE in prose, no cue anywhere near: text. */
  assert_int_equal(detect("NOTE\nThe meeting moved to Friday.\n", NULL),
                   RECAP_INPUT_TEXT);
  /* "<v" in SRT text that is no voice tag. */
  assert_int_equal(detect("1\n00:00:01,000 --> 00:00:02,000\nI <vow>\n", NULL),
                   RECAP_INPUT_SRT);
  assert_int_equal(detect("1\n00:00:01,000 --> 00:00:02,000\nHi\n", NULL),
                   RECAP_INPUT_SRT);
  assert_int_equal(detect("\n\n00:00:01,000 --> 00:00:02,000\nHi\n", NULL),
                   RECAP_INPUT_SRT);
  assert_int_equal(detect("0:00:05.440,0:00:09.360\nHi\n", NULL),
                   RECAP_INPUT_SRT);
  assert_int_equal(detect("{\"segments\": []}", NULL), RECAP_INPUT_JSON);
  assert_int_equal(detect("  [\n {\"text\": \"a\"}]", NULL), RECAP_INPUT_JSON);
  assert_int_equal(detect("[]", NULL), RECAP_INPUT_JSON);
  assert_int_equal(detect("[1, 2]", NULL), RECAP_INPUT_TEXT);
  assert_int_equal(detect("[1, 2]", "a.JSON"), RECAP_INPUT_JSON);
  assert_int_equal(detect("[00:00:01] Ann: Hi.\n[00:00:04] Ben: Hello.\n"
                          "[00:00:07] Ann: Ready?\n",
                          NULL),
                   RECAP_INPUT_TRANSCRIPT);
  assert_int_equal(detect("[Music]\nSome words here.\n", NULL),
                   RECAP_INPUT_TEXT);
  assert_int_equal(detect("Ann: Hi.\nBen: Hello.\nAnn: Ready?\n", NULL),
                   RECAP_INPUT_TRANSCRIPT);
  assert_int_equal(detect("Speaker 1  0:03\nHello there, all.\n\n"
                          "Speaker 2  0:09\nHi.\n",
                          NULL),
                   RECAP_INPUT_TRANSCRIPT);
  /* Labels, but a minority of the lines. */
  assert_int_equal(detect("Ann: Hi.\none\ntwo\nthree\nAnn: Bye.\n", NULL),
                   RECAP_INPUT_TEXT);
  assert_int_equal(detect("Ann: only once.\n", NULL), RECAP_INPUT_TEXT);
  /* The name decides only when the content does not. */
  assert_int_equal(
      detect("junk\n1\n00:00:01,000 --> 00:00:02,000\nHi\n", "a.SRT"),
      RECAP_INPUT_SRT);
  assert_int_equal(detect("junk\n1\n00:00:01,000 --> 00:00:02,000\nHi\n", NULL),
                   RECAP_INPUT_TEXT);
  assert_int_equal(detect("Ann: Hi.\nBen: Hello.\nAnn: Ready?\n", "a.srt"),
                   RECAP_INPUT_TRANSCRIPT);
}

static void test_detect_fixtures(void **state) {
  (void)state;
  static const struct {
    const char *name;
    recap_input_format f;
  } cases[] = {{"basic.vtt", RECAP_INPUT_VTT},
               {"rolling.vtt", RECAP_INPUT_VTT},
               {"teams-noheader.vtt", RECAP_INPUT_VTT},
               {"basic.srt", RECAP_INPUT_SRT},
               {"meeting.transcript.txt", RECAP_INPUT_TRANSCRIPT},
               {"timestamps.transcript.txt", RECAP_INPUT_TRANSCRIPT},
               {"prose.txt", RECAP_INPUT_TEXT},
               {"whisper.json", RECAP_INPUT_JSON},
               {"list.json", RECAP_INPUT_JSON},
               {"whisperx.json", RECAP_INPUT_JSON}};
  for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
    char path[512];
    size_t n;
    snprintf(path, sizeof path, "%s%s", FIXTURES, cases[i].name);
    char *s = slurp(path, &n);
    assert_non_null(s);
    if (rc_detect_format(s, n, NULL) != cases[i].f)
      fail_msg("%s detected as %d", cases[i].name,
               (int)rc_detect_format(s, n, NULL));
    free(s);
  }
}

/* ---- out of memory ------------------------------------------------------ */

static void test_out_of_memory(void **state) {
  (void)state;
  static const struct {
    const char *name;
    recap_input_format f;
  } cases[] = {{"basic.vtt", RECAP_INPUT_VTT},
               {"voice.vtt", RECAP_INPUT_VTT},
               {"zoom.vtt", RECAP_INPUT_VTT},
               {"rolling.vtt", RECAP_INPUT_VTT},
               {"teams-noheader.vtt", RECAP_INPUT_VTT},
               {"tags.vtt", RECAP_INPUT_VTT},
               {"basic.srt", RECAP_INPUT_SRT},
               {"timestamps.transcript.txt", RECAP_INPUT_TRANSCRIPT},
               {"meeting.transcript.txt", RECAP_INPUT_TRANSCRIPT},
               {"whisper.json", RECAP_INPUT_JSON},
               {"whisperx.json", RECAP_INPUT_JSON}};
  for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
    char path[512];
    size_t n;
    snprintf(path, sizeof path, "%s%s", FIXTURES, cases[i].name);
    char *s = slurp(path, &n);
    assert_non_null(s);
    size_t expected_cues = 0;
    for (size_t fail_at = 0;; fail_at++) {
      counting fl; /* fails call fail_at + 1: the loop counts from 0 */
      recap_allocator a = counting_allocator(&fl, fail_at + 1, FAIL_ONLY);
      rc_source src;
      rc_arena arena;
      rc_source_init(&src, &a);
      rc_arena_init(&arena, &a);
      recap_status st = run_reader(&src, &arena, cases[i].f, s, n);
      size_t cues = src.cues.len;
      rc_source_free(&src);
      rc_arena_free(&arena);
      if (fl.calls <= fail_at) { /* no allocation failed: done */
        assert_int_equal(st, RECAP_OK);
        assert_true(cues > 0);
        expected_cues = cues;
        break;
      }
      if (st != RECAP_ERR_NOMEM)
        fail_msg("%s: allocation %zu failed but status %d", cases[i].name,
                 fail_at, (int)st);
    }
    assert_true(expected_cues > 0);
    free(s);
  }
}

/* ---- large and pathological inputs -------------------------------------- */

typedef struct text_buf {
  char *s;
  size_t len, cap;
} text_buf;

static void tb_add(text_buf *b, const char *fmt, ...) {
  char tmp[256];
  va_list ap;
  va_start(ap, fmt);
  int k = vsnprintf(tmp, sizeof tmp, fmt, ap);
  va_end(ap);
  assert_true(k >= 0 && (size_t)k < sizeof tmp);
  if (b->len + (size_t)k > b->cap) {
    b->cap = (b->cap + (size_t)k) * 2;
    b->s = realloc(b->s, b->cap);
    assert_non_null(b->s);
  }
  memcpy(b->s + b->len, tmp, (size_t)k);
  b->len += (size_t)k;
}

static void tb_repeat(text_buf *b, const char *unit, size_t times) {
  for (size_t i = 0; i < times; i++)
    tb_add(b, "%s", unit);
}

/* Reads b as format f and checks it took under `limit` CPU seconds (a
   generous bound: a quadratic reader takes minutes on these). */
static size_t read_big(reader *r, recap_input_format f, const text_buf *b,
                       double limit) {
  clock_t t0 = clock();
  assert_int_equal(read_n(r, f, b->s, b->len), RECAP_OK);
  double t = seconds_since(t0);
  if (t > limit)
    fail_msg("format %d: %zu bytes took %.2f s", (int)f, b->len, t);
  return r->src.cues.len;
}

static void test_large_inputs(void **state) {
  reader *r = *state;
  enum { CUES = 100000 };
  text_buf b = {NULL, 0, 0};

  tb_add(&b, "WEBVTT\n\n");
  for (int i = 0; i < CUES; i++)
    tb_add(&b,
           "%d\n%02d:%02d:%02d.000 --> %02d:%02d:%02d.500\n"
           "<v Speaker %d>word%d &amp; more\n\n",
           i, i / 3600 % 100, i / 60 % 60, i % 60, i / 3600 % 100, i / 60 % 60,
           i % 60, i % 7, i);
  assert_int_equal(read_big(r, RECAP_INPUT_VTT, &b, 10), CUES);
  check_cue(r, CUES - 1, "word99999 & more", 99999, 99999.5, "Speaker 4");

  b.len = 0;
  for (int i = 0; i < CUES; i++)
    tb_add(&b, "%d\n00:00:%02d,000 --> 00:00:%02d,500\nline %d\n\n", i + 1,
           i % 60, i % 60, i);
  assert_int_equal(read_big(r, RECAP_INPUT_SRT, &b, 10), CUES);

  b.len = 0;
  for (int i = 0; i < CUES; i++)
    tb_add(&b, "[%02d:%02d:%02d] Person %d: said %d\n", i / 3600 % 100,
           i / 60 % 60, i % 60, i % 5, i);
  assert_int_equal(read_big(r, RECAP_INPUT_TRANSCRIPT, &b, 10), CUES);

  b.len = 0;
  tb_add(&b, "{\"segments\": [");
  for (int i = 0; i < CUES; i++)
    tb_add(&b,
           "%s{\"start\": %d, \"end\": %d.5, \"text\": \" seg \\u00e9 %d\"}",
           i ? "," : "", i, i, i);
  tb_add(&b, "]}");
  assert_int_equal(read_big(r, RECAP_INPUT_JSON, &b, 10), CUES);

  /* A YouTube-style file of 100,000 rolling cues: no text duplicated. */
  b.len = 0;
  tb_add(&b, "WEBVTT\n\n");
  for (int i = 0; i < CUES; i++)
    tb_add(&b,
           "%02d:%02d:%02d.000 --> %02d:%02d:%02d.990\nline %d\nline %d\n\n"
           "%02d:%02d:%02d.990 --> %02d:%02d:%02d.999\nline %d\n\n",
           i / 3600 % 100, i / 60 % 60, i % 60, i / 3600 % 100, i / 60 % 60,
           i % 60, i - 1, i, i / 3600 % 100, i / 60 % 60, i % 60,
           i / 3600 % 100, i / 60 % 60, i % 60, i);
  assert_int_equal(read_big(r, RECAP_INPUT_VTT, &b, 10), CUES);
  check_cue(r, 0, "line -1\nline 0", 0, 0.99, NULL);
  check_cue(r, 1, "line 1", 1, 1.99, NULL);

  /* One cue of 100,000 lines, and a cue whose lines all repeat. */
  b.len = 0;
  tb_add(&b, "WEBVTT\n\n00:00.000 --> 00:01.000\n");
  tb_repeat(&b, "same\n", CUES);
  tb_add(&b, "\n00:01.000 --> 00:01.001\n");
  tb_repeat(&b, "same\n", CUES);
  assert_int_equal(read_big(r, RECAP_INPUT_VTT, &b, 10), 2);

  free(b.s);
}

static void test_pathological_lines(void **state) {
  reader *r = *state;
  enum { BIG = 1 << 18 };
  static const char *const units[] = {
      "<",      "<a",       "<v ",   "&",   "&#",  "&#x1", "{\\", "[",
      "(",      "<00:00:",  "-->",   "::",  "A: ", "<rt>", "\\u", "0:",
      "Ab Cd ", "<i>x</i>", "&amp;", "\t ", "A (", "[0"};
  text_buf b = {NULL, 0, 0};
  for (size_t u = 0; u < sizeof units / sizeof *units; u++) {
    size_t times = BIG / strlen(units[u]);
    for (int f = RECAP_INPUT_TRANSCRIPT; f <= RECAP_INPUT_JSON; f++) {
      b.len = 0;
      if (f == RECAP_INPUT_VTT)
        tb_add(&b, "WEBVTT\n\n00:00.000 --> 00:01.000\n");
      else if (f == RECAP_INPUT_SRT)
        tb_add(&b, "1\n00:00:00,000 --> 00:00:01,000\n");
      else if (f == RECAP_INPUT_JSON)
        tb_add(&b, "[{\"text\": \"");
      tb_repeat(&b, units[u], times);
      clock_t t0 = clock();
      (void)read_n(r, (recap_input_format)f, b.s, b.len);
      (void)rc_detect_format(b.s, b.len, NULL);
      double t = seconds_since(t0);
      if (t > 5)
        fail_msg("unit \"%s\" format %d took %.2f s", units[u], f, t);
    }
  }
  free(b.s);
}

/* ---- real files --------------------------------------------------------- */

/* A multiset of words: lower-cased runs of ASCII letters and digits and
   non-ASCII bytes. */
typedef struct words {
  char **w;
  size_t n, cap;
} words;

static void add_words(words *ws, const char *s, size_t n) {
  size_t i = 0;
  while (i < n) {
    while (i < n &&
           !((unsigned char)s[i] >= 0x80 || (s[i] >= '0' && s[i] <= '9') ||
             (s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z')))
      i++;
    size_t b = i;
    while (i < n &&
           ((unsigned char)s[i] >= 0x80 || (s[i] >= '0' && s[i] <= '9') ||
            (s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z')))
      i++;
    if (i == b)
      continue;
    /* U+00A0 (no-break space) separates words. */
    char *w = malloc(i - b + 1);
    assert_non_null(w);
    size_t k = 0;
    for (size_t j = b; j < i; j++) {
      if (j + 1 < i && (unsigned char)s[j] == 0xC2 &&
          (unsigned char)s[j + 1] == 0xA0) {
        j++;
        w[k++] = ' ';
        continue;
      }
      char c = s[j];
      w[k++] = (c >= 'A' && c <= 'Z') ? (char)(c + 32) : c;
    }
    w[k] = '\0';
    if (ws->n == ws->cap) {
      ws->cap = ws->cap ? ws->cap * 2 : 256;
      ws->w = realloc(ws->w, ws->cap * sizeof *ws->w);
      assert_non_null(ws->w);
    }
    ws->w[ws->n++] = w;
  }
}

static int cmp_str(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

static void free_words(words *ws) {
  for (size_t i = 0; i < ws->n; i++)
    free(ws->w[i]);
  free(ws->w);
  memset(ws, 0, sizeof *ws);
}

/* Compares two word multisets; prints the first differences. */
static int same_words(const char *what, words *a, words *b) {
  qsort(a->w, a->n, sizeof *a->w, cmp_str);
  qsort(b->w, b->n, sizeof *b->w, cmp_str);
  size_t i = 0, j = 0, shown = 0;
  while ((i < a->n || j < b->n) && shown < 10) {
    int c = i == a->n ? 1 : j == b->n ? -1 : strcmp(a->w[i], b->w[j]);
    if (c == 0) {
      i++, j++;
      continue;
    }
    if (c < 0)
      print_message("%s: \"%s\" in the file, not in the cues\n", what,
                    a->w[i++]);
    else
      print_message("%s: \"%s\" in the cues, not in the file\n", what,
                    b->w[j++]);
    shown++;
  }
  return shown == 0;
}

/* The first occurrence of needle in s[0..n), or NULL. */
static char *find_sub(char *s, size_t n, const char *needle) {
  size_t m = strlen(needle);
  for (size_t i = 0; i + m <= n; i++)
    if (memcmp(s + i, needle, m) == 0)
      return s + i;
  return NULL;
}

static int is_timing_text(char *s, size_t n) {
  double a, b;
  return rc_parse_timing(s, n, &a, &b) || find_sub(s, n, "-->") != NULL;
}

/* Removes <...> tags and {\...} overrides in place; returns the length. */
static size_t strip_markup(char *s, size_t n) {
  size_t k = 0;
  for (size_t i = 0; i < n; i++) {
    char *close;
    if (s[i] == '<' && (close = memchr(s + i, '>', n - i))) {
      i = (size_t)(close - s);
      s[k++] = ' ';
    } else if (s[i] == '{' && i + 1 < n && s[i + 1] == '\\' &&
               (close = memchr(s + i, '}', n - i))) {
      i = (size_t)(close - s);
    } else {
      s[k++] = s[i];
    }
  }
  return k;
}

/* Removes sound annotations ("[Music]", "(laughs)", "（...）"): a bracket
   closed within 64 bytes by its partner, no other bracket between, and
   something inside.  Returns the new length. */
static size_t strip_annotations(char *s, size_t n) {
  size_t k = 0;
  for (size_t i = 0; i < n;) {
    int wide = (unsigned char)s[i] == 0xEF && i + 2 < n &&
               !memcmp(s + i, "\xEF\xBC\x88", 3);
    if (s[i] == '[' || s[i] == '(' || wide) {
      size_t open = wide ? 3 : 1, j = i + open, inside = 0;
      const char *close = s[i] == '['   ? "]"
                          : s[i] == '(' ? ")"
                                        : "\xEF\xBC\x89";
      while (j < n && j - i < 64 && !strchr("[]()", s[j]) &&
             !(j + 2 < n && (!memcmp(s + j, "\xEF\xBC\x88", 3) ||
                             !memcmp(s + j, "\xEF\xBC\x89", 3)))) {
        inside += s[j] != ' ';
        j++;
      }
      size_t cl = strlen(close);
      if (inside && j < n && j - i < 64 && j + cl <= n &&
          !memcmp(s + j, close, cl)) {
        i = j + cl;
        s[k++] = ' ';
        continue;
      }
    }
    s[k++] = s[i++];
  }
  return k;
}

/* The spoken words of a caption or transcript file, computed from its raw
   lines in the simplest way: every line that is not structure (signature,
   header, NOTE/STYLE blocks, cue numbers, timing lines), without markup and
   "[Music]"-style annotations; in rolling (YouTube) files a line equal to the
   text line before it is a repeat; in transcripts the "Name: " before the text
   is the label. */
static void raw_words(const char *s, size_t n, recap_input_format f,
                      int rolling, words *ws) {
  char *copy = malloc(n + 1);
  assert_non_null(copy);
  memcpy(copy, s, n);
  copy[n] = '\0';
  char *prev = NULL;
  int in_header = f == RECAP_INPUT_VTT, in_block = 0;
  char *line = copy, *end = copy + n;
  while (line < end) {
    char *nl = memchr(line, '\n', (size_t)(end - line));
    size_t len = nl ? (size_t)(nl - line) : (size_t)(end - line);
    char *next_line = nl ? nl + 1 : end;
    size_t next_len = 0;
    if (next_line < end) {
      char *nn = memchr(next_line, '\n', (size_t)(end - next_line));
      next_len = nn ? (size_t)(nn - next_line) : (size_t)(end - next_line);
    }
    /* CRLF decodes to " \n": trailing spaces are not text. */
    while (len && (line[len - 1] == ' ' || line[len - 1] == '\t'))
      len--;
    int blank = len == 0;
    if (f == RECAP_INPUT_TRANSCRIPT) {
      char *colon = find_sub(line, len, ": ");
      char *text = colon ? colon + 2 : line;
      add_words(ws, text, len - (size_t)(text - line));
    } else if (in_header || in_block) {
      if (blank)
        in_header = in_block = 0;
    } else if (f == RECAP_INPUT_VTT &&
               (!strncmp(line, "NOTE", 4) || !strncmp(line, "STYLE", 5))) {
      in_block = 1;
    } else if (!blank && !is_timing_text(line, len) &&
               !(strspn(line, "0123456789") == len &&
                 is_timing_text(next_line, next_len))) {
      len = strip_markup(line, len);
      len = strip_annotations(line, len);
      line[len] = '\0';
      {
        /* Normalise spaces for the rolling comparison. */
        size_t k = 0;
        for (size_t i = 0; i < len; i++)
          if (line[i] != ' ' || (k && line[k - 1] != ' '))
            line[k++] = line[i];
        while (k && line[k - 1] == ' ')
          k--;
        line[k] = '\0';
        if (k && !(rolling && prev && strcmp(prev, line) == 0))
          add_words(ws, line, k);
        if (k)
          prev = line;
      }
    }
    line = next_line;
  }
  free(copy);
}

static void cue_words(const rc_source *src, words *ws) {
  for (size_t i = 0; i < src->cues.len; i++)
    add_words(ws, src->text + src->cues.data[i].off, src->cues.data[i].len);
}

/* Decodes, detects and reads one real file; checks the words. */
static void check_real_file(const char *path, recap_input_format want) {
  size_t n;
  char *raw = slurp(path, &n);
  assert_non_null(raw);
  const recap_allocator *a = rc_default_allocator();
  rc_text t;
  char err[128];
  assert_int_equal(rc_decode(a, raw, n, 0, &t, err, sizeof err), RECAP_OK);
  recap_input_format f = rc_detect_format(t.s, t.len, NULL);
  if (f != want)
    fail_msg("%s: detected %d, want %d", path, (int)f, (int)want);
  rc_source src;
  rc_arena arena;
  rc_source_init(&src, a);
  rc_arena_init(&arena, a);
  recap_status st = run_reader(&src, &arena, f, t.s, t.len);
  if (st != RECAP_OK)
    fail_msg("%s: status %d, line %zu: %s", path, (int)st, src.error_line,
             src.error ? src.error : "");
  assert_true(src.cues.len > 0);
  /* Starts should not go backwards (overlapping speech aside). */
  size_t backwards = 0;
  double worst = 0;
  for (size_t i = 1; i < src.cues.len; i++) {
    double d = src.cues.data[i - 1].start - src.cues.data[i].start;
    if (src.cues.data[i].start >= 0 && d > 0.5) {
      backwards++;
      worst = d > worst ? d : worst;
    }
  }
  if (backwards)
    print_message("%s: %zu cues start more than 0.5 s before the previous "
                  "one (worst %.2f s)\n",
                  path, backwards, worst);
  if (f != RECAP_INPUT_TRANSCRIPT)
    assert_int_equal(backwards, 0);
  words want_w = {NULL, 0, 0}, got_w = {NULL, 0, 0};
  raw_words(t.s, t.len, f, strstr(path, "youtube") != NULL, &want_w);
  cue_words(&src, &got_w);
  int same = same_words(path, &want_w, &got_w);
  free_words(&want_w);
  free_words(&got_w);
  rc_source_free(&src);
  rc_arena_free(&arena);
  rc_text_free(a, &t);
  free(raw);
  if (!same)
    fail_msg("%s: words lost or duplicated", path);
}

/* Checks the files of dir whose names end with one of the suffixes (at
   most `limit` per suffix, in name order); returns how many. */
static size_t check_dir(const char *dir, const char *suffix,
                        recap_input_format want, size_t limit) {
  DIR *d = opendir(dir);
  if (!d)
    return 0;
  char **names = NULL;
  size_t count = 0;
  struct dirent *e;
  while ((e = readdir(d)) != NULL) {
    if (!ends_with(e->d_name, suffix))
      continue;
    names = realloc(names, (count + 1) * sizeof *names);
    assert_non_null(names);
    names[count] = strdup(e->d_name);
    assert_non_null(names[count]);
    count++;
  }
  closedir(d);
  if (count)
    qsort(names, count, sizeof *names, cmp_str);
  size_t done = 0;
  for (size_t i = 0; i < count; i++) {
    if (done < limit) {
      char path[1024];
      snprintf(path, sizeof path, "%s/%s", dir, names[i]);
      check_real_file(path, want);
      done++;
    }
    free(names[i]);
  }
  free(names);
  return done;
}

/* ---- plain text: a cue per paragraph or per line ---------------------- */

/* Reads s as plain text: 1 if it was taken for prose with hard line
   breaks (a cue per paragraph), 0 for a line per unit; checks that the
   cues are in order, each with RC_CUE_BREAK, and that `cues` were made. */
static int text_wrapped(reader *r, const char *s, size_t cues) {
  assert_int_equal(read_str(r, RECAP_INPUT_TEXT, s), RECAP_OK);
  assert_int_equal(r->src.cues.len, cues);
  int wrapped = 0;
  for (size_t i = 0; i < r->src.cues.len; i++) {
    const rc_cue *c = &r->src.cues.data[i];
    assert_true(c->flags & RC_CUE_BREAK);
    wrapped |= memchr(r->src.text + c->off, '\n', c->len) != NULL;
  }
  return wrapped;
}

/* The rule at the top of read_text.c, on texts written for it. */
static void test_text_line_mode(void **state) {
  reader *r = *state;
  /* A sentence carried on to the next line in lower case (text from a
     PDF, an e-mail), even in two lines: one cue. */
  assert_true(text_wrapped(r,
                           "The depot will open in the spring if\n"
                           "the permits arrive on time.\n",
                           1));
  assert_true(text_wrapped(r,
                           "Thanks for coming. I wanted to write down what\n"
                           "we agreed, because several of you asked for a\n"
                           "summary.\n\nFirst, the depot. We keep the north\n"
                           "yard for the diesel buses.\n",
                           2));
  /* One utterance per line: the lines that do not end a sentence are
     followed by capitals (0 of 3 in lower case). */
  assert_false(text_wrapped(r,
                            "Morning everyone\nIs the budget sheet up to "
                            "date\nI think Linda changed it\nYes, the new "
                            "numbers are in tab two.\n",
                            4));
  /* One in lower case out of four: still utterances (at most 0.39 in the
     dev meetings). */
  assert_false(text_wrapped(r,
                            "And I'm Andrew and I'm our marketing\nSo that's "
                            "it\nI'm Craig\nexpert.\nGreat\nOkay.\n",
                            6));
  /* No sentence punctuation at all: its lines are all there is (a list,
     auto-captions pasted as text). */
  assert_false(text_wrapped(r,
                            "features\ncontact manager\nevents, "
                            "activities\n",
                            3));
  /* Lower case after 2 of 5 breaks (0.4: German capitalises nouns) with
     lines filled to a common width: prose.  The same with ragged lines:
     utterances. */
  assert_true(text_wrapped(r,
                           "Der Ausschuss hat am Dienstag über die neue\n"
                           "Buslinie durch die nördlichen Stadtteile und\n"
                           "die Kosten beraten. Mehrere Anwohner sagten,\n"
                           "die Linie würde ihre Viertel endlich mit dem\n"
                           "Krankenhaus und dem Bahnhof verbinden, aber\n"
                           "Zwei Mitglieder verlangten einen Haushalt.\n",
                           1));
  assert_false(text_wrapped(r,
                            "Der Ausschuss hat am Dienstag über die neue\n"
                            "Buslinie\n"
                            "die Kosten beraten. Mehrere Anwohner sagten es "
                            "und noch viel mehr als das, lange und laut und\n"
                            "die Linie\n"
                            "Krankenhaus und dem Bahnhof verbinden, aber\n"
                            "Zwei Mitglieder verlangten einen Haushalt.\n",
                            6));
  /* A script without case: the width decides.  (Arabic "word" repeated,
     lines of 5 words, a full stop at the end.) */
  assert_true(text_wrapped(r,
                           "كلمة كلمة كلمة كلمة كلمة\n"
                           "كلمة كلمة كلمة كلمة كلمة\n"
                           "كلمة كلمة كلمة كلمة كلمة\n"
                           "كلمة كلمة كلمة كلمة.\n",
                           1));
  assert_false(text_wrapped(r,
                            "كلمة\n"
                            "كلمة كلمة كلمة كلمة كلمة كلمة كلمة كلمة\n"
                            "كلمة كلمة\n"
                            "كلمة.\n",
                            4));
}

/* Longer texts written for these tests (tests/fixtures/readers/text-*):
   prose wrapped by fmt(1) at 50 to 95 columns (an e-mail, a report, a
   story in Project Gutenberg's style, PDF-like text with and without
   blank lines between paragraphs, German at two widths), and files with
   one unit per line (chat logs with and without punctuation, notes,
   verse).  Each is also detected as plain text. */
static void test_text_fixtures(void **state) {
  reader *r = *state;
  static const struct {
    const char *name;
    int wrapped;
  } cases[] = {{"text-email72.txt", 1},       {"text-report66.txt", 1},
               {"text-gutenberg70.txt", 1},   {"text-pdf95.txt", 1},
               {"text-pdf80-noblank.txt", 1}, {"text-de50.txt", 1},
               {"text-de72.txt", 1},          {"text-chat.txt", 0},
               {"text-chat2.txt", 0},         {"text-notes.txt", 0},
               {"text-lyrics.txt", 0}};
  for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
    char path[512];
    size_t n;
    snprintf(path, sizeof path, "%s%s", FIXTURES, cases[i].name);
    char *s = slurp(path, &n);
    assert_non_null(s);
    assert_int_equal(rc_detect_format(s, n, NULL), RECAP_INPUT_TEXT);
    assert_int_equal(read_n(r, RECAP_INPUT_TEXT, s, n), RECAP_OK);
    int wrapped = 0;
    for (size_t k = 0; k < r->src.cues.len; k++)
      wrapped |= memchr(r->src.text + r->src.cues.data[k].off, '\n',
                        r->src.cues.data[k].len) != NULL;
    if (wrapped != cases[i].wrapped)
      fail_msg("%s read as %s", cases[i].name,
               wrapped ? "wrapped prose" : "a unit per line");
    free(s);
  }
}

/* The line-mode rule on the dev meetings read as plain text: one
   utterance per line, so a cue per non-blank line in every file (the
   README gives the rule's accuracy on these and on pasted captions). */
static void test_text_real_meetings(void **state) {
  reader *r = *state;
  const char *dirs[] = {SHARED "eval/meetings/ami", SHARED "eval/meetings/icsi",
                        SHARED "eval/meetings/qmsum",
                        SHARED "eval/meetings/ami_asr",
                        SHARED "eval/meetings/icsi_asr"};
  size_t files = 0;
  for (size_t i = 0; i < sizeof dirs / sizeof *dirs; i++) {
    DIR *d = opendir(dirs[i]);
    if (!d)
      continue;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
      size_t len = strlen(e->d_name);
      if (len < 5 || strcmp(e->d_name + len - 4, ".txt") != 0 ||
          (len > 15 && strcmp(e->d_name + len - 15, ".transcript.txt") == 0))
        continue;
      char path[1024];
      snprintf(path, sizeof path, "%s/%s", dirs[i], e->d_name);
      size_t n;
      char *s = slurp(path, &n);
      assert_non_null(s);
      size_t lines = 0;
      for (size_t k = 0, start = 0; k <= n; k++)
        if (k == n || s[k] == '\n') {
          int blank = 1;
          for (size_t q = start; q < k && blank; q++)
            blank = s[q] == ' ' || s[q] == '\t' || s[q] == '\r';
          lines += !blank;
          start = k + 1;
        }
      assert_int_equal(read_n(r, RECAP_INPUT_TEXT, s, n), RECAP_OK);
      if (r->src.cues.len != lines)
        fail_msg("%s: %zu cues for %zu lines", path, r->src.cues.len, lines);
      free(s);
      files++;
    }
    closedir(d);
  }
  if (files == 0)
    skip();
}

static void test_real_captions(void **state) {
  (void)state;
  DIR *d = opendir(SHARED "captions");
  if (!d)
    skip();
  closedir(d);
  size_t n = check_dir(SHARED "captions", ".vtt", RECAP_INPUT_VTT, SIZE_MAX);
  n += check_dir(SHARED "captions", ".srt", RECAP_INPUT_SRT, SIZE_MAX);
  assert_true(n > 0);
}

static void test_real_meetings(void **state) {
  (void)state;
  const char *dirs[] = {SHARED "eval/meetings/ami", SHARED "eval/meetings/icsi",
                        SHARED "eval/meetings/qmsum"};
  size_t n = 0;
  for (size_t i = 0; i < sizeof dirs / sizeof *dirs; i++) {
    n += check_dir(dirs[i], ".vtt", RECAP_INPUT_VTT, 5);
    n += check_dir(dirs[i], ".transcript.txt", RECAP_INPUT_TRANSCRIPT, 5);
  }
  if (n == 0)
    skip();
}

/* ---- bilingual captions (bilingual.c) -------------------------------------
 */

static const char bilingual_srt[] =
    "1\n00:00:01,000 --> 00:00:03,000\n今天我们谈谈\nToday we talk about\n\n"
    "2\n00:00:03,000 --> 00:00:05,000\n阳台上的番茄。\ntomatoes on a "
    "balcony.\n\n"
    "3\n00:00:05,000 --> 00:00:07,000\n番茄需要阳光，\nTomatoes need &amp; "
    "love\n\n"
    "4\n00:00:07,000 --> 00:00:09,000\n也需要水。\nsunlight and water.\n";

static void test_srt_bilingual_regrouped(void **state) {
  reader *r = *state;
  assert_int_equal(read_str(r, RECAP_INPUT_SRT, bilingual_srt), RECAP_OK);
  assert_int_equal(rc_source_split_scripts(&r->src), RECAP_OK);
  assert_int_equal(r->src.cues.len, 8);
  check_cue(r, 0, "今天我们谈谈", 1, 3, NULL);
  check_cue(r, 3, "也需要水。", 7, 9, NULL);
  check_cue(r, 4, "Today we talk about", 1, 3, NULL);
  check_cue(r, 6, "Tomatoes need & love", 5, 7, NULL);
  check_cue(r, 7, "sunlight and water.", 7, 9, NULL);
  assert_true(r->src.cues.data[4].flags & RC_CUE_BREAK);
  assert_false(r->src.cues.data[5].flags & RC_CUE_BREAK);
  assert_int_equal(r->src.split_at, r->src.cues.data[4].off);
  assert_int_equal(rc_source_nospace_at(&r->src, 0), 1);
  assert_int_equal(rc_source_nospace_at(&r->src, r->src.split_at), 0);
  /* The regrouped content still points into the input. */
  for (size_t i = 0; i < r->src.cues.len; i++) {
    const rc_cue *c = &r->src.cues.data[i];
    size_t at = rc_offmap_lookup(&r->src.map, c->off);
    size_t end = rc_offmap_lookup_end(&r->src.map, c->off + c->len);
    assert_true(at < end && end <= sizeof bilingual_srt - 1);
    if (i != 6)
      assert_memory_equal(bilingual_srt + at, r->src.text + c->off, c->len);
  }
  size_t amp = rc_offmap_lookup(&r->src.map, r->src.cues.data[6].off + 14);
  assert_memory_equal(bilingual_srt + amp, "&amp;", 5);
}

static void test_srt_one_language_untouched(void **state) {
  reader *r = *state;
  assert_int_equal(read_fixture(r, RECAP_INPUT_SRT, "basic.srt"), RECAP_OK);
  size_t cues = r->src.cues.len, len = r->src.len;
  assert_int_equal(rc_source_split_scripts(&r->src), RECAP_OK);
  assert_int_equal(r->src.split_at, 0);
  assert_int_equal(r->src.cues.len, cues);
  assert_int_equal(r->src.len, len);
  assert_int_equal(rc_source_nospace_at(&r->src, 0), -1);
}

/* The Chinese + English caption of ../shared: every cue is one language. */
static void test_srt_bilingual_shared(void **state) {
  reader *r = *state;
  size_t n;
  char *s = slurp(SHARED "captions/hf-course_62_rouge-metric.zh-CN.srt", &n);
  if (!s)
    skip();
  const recap_allocator *a = rc_default_allocator();
  rc_text t;
  char err[128];
  assert_int_equal(rc_decode(a, s, n, 0, &t, err, sizeof err), RECAP_OK);
  free(s);
  assert_int_equal(read_n(r, RECAP_INPUT_SRT, t.s, t.len), RECAP_OK);
  rc_text_free(a, &t);
  size_t cues = r->src.cues.len;
  assert_int_equal(rc_source_split_scripts(&r->src), RECAP_OK);
  assert_true(r->src.split_at > 0);
  assert_true(r->src.cues.len > cues);
  for (size_t i = 0; i < r->src.cues.len; i++) {
    const rc_cue *c = &r->src.cues.data[i];
    int han = 0;
    for (size_t k = 0; k + 2 < c->len; k++) { /* U+3000-U+9FFF lead bytes */
      unsigned char b = (unsigned char)r->src.text[c->off + k];
      han += b >= 0xe3 && b <= 0xe9;
    }
    if (c->off < r->src.split_at)
      assert_true(han > 0);
    else if (han > 0)
      fail_msg("cue %zu after the split has Han: %.*s", i, (int)c->len,
               r->src.text + c->off);
  }
}

/* An optional argument runs only the tests whose names match it (a
   cmocka pattern, e.g. "test_vtt_*"). */
int main(int argc, char **argv) {
  if (argc > 1)
    cmocka_set_test_filter(argv[1]);
#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)
  const struct CMUnitTest tests[] = {
      T(test_timestamp_forms),
      T(test_timing_lines),
      T(test_speaker_label_forms),
      T(test_label_rule),
      T(test_vtt_basic),
      T(test_vtt_voices),
      T(test_vtt_zoom_prefixes),
      T(test_vtt_inline_tags),
      T(test_vtt_entities_edge),
      T(test_vtt_sound_annotations),
      T(test_vtt_rolling_captions),
      T(test_vtt_real_repeats_kept),
      T(test_vtt_long_cues),
      T(test_vtt_missing_header),
      T(test_vtt_headless),
      T(test_vtt_text_before_cues),
      T(test_vtt_lenient_structure),
      T(test_vtt_odd_times),
      T(test_srt_basic),
      T(test_srt_tags_and_speakers),
      T(test_srt_dialogue_dashes),
      T(test_srt_structure_errors),
      T(test_srt_lenient),
      T(test_srt_bilingual_regrouped),
      T(test_srt_one_language_untouched),
      T(test_srt_bilingual_shared),
      T(test_transcript_turns),
      T(test_transcript_timestamps),
      T(test_transcript_prose),
      T(test_transcript_short),
      T(test_text_line_mode),
      T(test_text_fixtures),
      T(test_text_real_meetings),
      T(test_transcript_affiliations),
      T(test_transcript_blank_after_label),
      T(test_json_whisper),
      T(test_json_list),
      T(test_json_whisperx),
      T(test_json_escapes_and_controls),
      T(test_json_text_only),
      T(test_json_errors),
      T(test_detect_formats),
      T(test_detect_fixtures),
      T(test_out_of_memory),
      T(test_large_inputs),
      T(test_pathological_lines),
      T(test_real_captions),
      T(test_real_meetings),
  };
#undef T
  return cmocka_run_group_tests(tests, NULL, NULL);
}
