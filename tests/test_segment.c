/*
 * test_segment.c - unit tests for sentence boundaries (src/segment.c).
 *
 * Texts are built as rc_source cues the way the readers build them:
 * borrowed plain text with rc_source_cue(), or cues with speakers and times
 * with rc_source_begin/add/end.  Expected sentences are written out by
 * hand from the rules at the top of segment.c and the English abbreviation
 * list (stopwords/english.abbrev: mr ms dr prof "always", e.g i.e
 * "always", no nov "number", etc u.s plain).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "test_util.h"

#include "segment.h"

static const recap_allocator *A;

typedef struct run {
  rc_source src;
  rc_norm norm;
  rc_span_vec out;
} run;

static void run_init(run *r) {
  rc_source_init(&r->src, A);
  rc_norm_init(&r->norm, A);
  memset(&r->out, 0, sizeof r->out);
}

static void run_free(run *r) {
  rc_source_free(&r->src);
  rc_norm_free(&r->norm);
  RC_VEC_FREE(A, r->out);
}

static void segment(run *r, const char *lang) {
  const rc_lang *l = rc_lang_find(lang);
  assert_non_null(l);
  assert_int_equal(rc_segment(&r->src, l, &r->norm, &r->out), RECAP_OK);
}

/* Plain text as one cue, segmented with lang. */
static void segment_text(run *r, const char *text, const char *lang) {
  run_init(r);
  rc_source_borrow(&r->src, text, strlen(text));
  assert_int_equal(rc_source_cue(&r->src, 0, strlen(text), 0), RECAP_OK);
  segment(r, lang);
}

/* Compares the sentences of r with want (NULL-terminated). */
static void assert_sentences(const run *r, const char *const *want) {
  size_t n = 0;
  while (want[n])
    n++;
  for (size_t i = 0; i < r->out.len && i < n; i++) {
    const rc_span *s = &r->out.data[i];
    if (s->len != strlen(want[i]) ||
        memcmp(r->src.text + s->off, want[i], s->len) != 0)
      fail_msg("sentence %zu is '%.*s', want '%s'", i, (int)s->len,
               r->src.text + s->off, want[i]);
  }
  if (r->out.len != n) {
    for (size_t i = 0; i < r->out.len; i++)
      print_message("  [%zu] '%.*s'\n", i, (int)r->out.data[i].len,
                    r->src.text + r->out.data[i].off);
    fail_msg("%zu sentences, want %zu", r->out.len, n);
  }
}

static void expect(const char *text, const char *lang,
                   const char *const *want) {
  run r;
  segment_text(&r, text, lang);
  assert_sentences(&r, want);
  run_free(&r);
}

/* ---- periods that do not end a sentence
 * ---------------------------------------- */

static void test_titles(void **state) {
  (void)state;
  static const char *const want[] = {"Mr. Smith met Ms. Jones and Dr. Brown.",
                                     "Prof. White was late.", NULL};
  expect("Mr. Smith met Ms. Jones and Dr. Brown. Prof. White was late.",
         "english", want);
}

static void test_latin_and_etc(void **state) {
  (void)state;
  /* e.g. and i.e. never end a sentence; etc. not before lower case. */
  static const char *const want[] = {
      "Use a tool, e.g. a hammer.", "Or use i.e. the best one.",
      "We had cats, dogs, etc. and more.", "Then we left.", NULL};
  expect("Use a tool, e.g. a hammer. Or use i.e. the best one. We had cats, "
         "dogs, etc. and more. Then we left.",
         "english", want);
  /* etc. before a capital does. */
  static const char *const want2[] = {"We bought pens, paper, etc.",
                                      "Then we left.", NULL};
  expect("We bought pens, paper, etc. Then we left.", "english", want2);
}

static void test_us(void **state) {
  (void)state;
  /* The first period of U.S. is inside the token; the second is the
     abbreviation u.s, which ends a sentence only before a capital. */
  static const char *const want[] = {"The U.S. economy grew.", "It was fine.",
                                     NULL};
  expect("The U.S. economy grew. It was fine.", "english", want);
  static const char *const want2[] = {"He moved to the U.S.", "Then he left.",
                                      NULL};
  expect("He moved to the U.S. Then he left.", "english", want2);
}

static void test_numbers(void **state) {
  (void)state;
  /* nov and no are of kind number: not before a digit. */
  static const char *const want[] = {"It happened on Nov. 1st and No. 5 won.",
                                     "It was close.", NULL};
  expect("It happened on Nov. 1st and No. 5 won. It was close.", "english",
         want);
  /* Decimals are inside a token; a number before a period ends the
     sentence unless lower case follows. */
  static const char *const want2[] = {"The rate is 2.5 percent.",
                                      "Next year it is 3.0.", "Then 4.", NULL};
  expect("The rate is 2.5 percent. Next year it is 3.0. Then 4.", "english",
         want2);
  /* Version numbers and domains: no space after the period. */
  static const char *const want3[] = {"Version 1.2.3 is on example.com now.",
                                      NULL};
  expect("Version 1.2.3 is on example.com now.", "english", want3);
}

/* stopwords/README: 'Words that are also ordinary words ("no", "may",
   "mar", "sun") are always of kind number, so that "I said no. 3 people
   left" still splits, but "No. 3" does not.' */
static void test_number_words_readme(void **state) {
  (void)state;
  /* A "number" abbreviation that is also a stopword counts only when
     capitalised. */
  static const char *const want[] = {"I said no.", "3 people left.", NULL};
  expect("I said no. 3 people left.", "english", want);
}

static void test_initials(void **state) {
  (void)state;
  static const char *const want[] = {"J. R. R. Tolkien wrote books.",
                                     "He was English.", NULL};
  expect("J. R. R. Tolkien wrote books. He was English.", "english", want);
}

static void test_ellipsis(void **state) {
  (void)state;
  /* An ellipsis (three periods or U+2026) ends a sentence only before a
     capital. */
  static const char *const want[] = {"And we were... going home.",
                                     "Then it rained...", "Then it stopped.",
                                     NULL};
  expect("And we were... going home. Then it rained... Then it stopped.",
         "english", want);
  static const char *const want2[] = {"Wait\xE2\x80\xA6 what now?", NULL};
  expect("Wait\xE2\x80\xA6 what now?", "english", want2);
}

static void test_lower_case_unknown_abbreviation(void **state) {
  (void)state;
  /* In a cased text a period before a lower-case word is taken for an
     unknown abbreviation. */
  static const char *const want[] = {"The zyx. thing works.", "Next one.",
                                     NULL};
  expect("The zyx. thing works. Next one.", "english", want);
  /* A text without capitals (auto-captions) splits there all the same. */
  static const char *const want2[] = {
      "we met today.", "we talked about the budget.", "then we left", NULL};
  expect("we met today. we talked about the budget. then we left", "english",
         want2);
}

static void test_lower_case_other_scripts(void **state) {
  (void)state;
  /* Lower-case captions in Cyrillic and Greek split like English ones:
     "мы встретились сегодня. мы обсудили бюджет. потом мы ушли" */
  static const char *const want[] = {
      "\xD0\xBC\xD1\x8B \xD0\xB2\xD1\x81\xD1\x82\xD1\x80\xD0\xB5\xD1\x82"
      "\xD0\xB8\xD0\xBB\xD0\xB8\xD1\x81\xD1\x8C \xD1\x81\xD0\xB5\xD0\xB3"
      "\xD0\xBE\xD0\xB4\xD0\xBD\xD1\x8F.",
      "\xD0\xBC\xD1\x8B \xD0\xBE\xD0\xB1\xD1\x81\xD1\x83\xD0\xB4\xD0\xB8"
      "\xD0\xBB\xD0\xB8 \xD0\xB1\xD1\x8E\xD0\xB4\xD0\xB6\xD0\xB5\xD1\x82.",
      "\xD0\xBF\xD0\xBE\xD1\x82\xD0\xBE\xD0\xBC \xD0\xBC\xD1\x8B \xD1\x83"
      "\xD1\x88\xD0\xBB\xD0\xB8",
      NULL};
  expect("\xD0\xBC\xD1\x8B \xD0\xB2\xD1\x81\xD1\x82\xD1\x80\xD0\xB5\xD1"
         "\x82\xD0\xB8\xD0\xBB\xD0\xB8\xD1\x81\xD1\x8C \xD1\x81\xD0\xB5"
         "\xD0\xB3\xD0\xBE\xD0\xB4\xD0\xBD\xD1\x8F. \xD0\xBC\xD1\x8B \xD0"
         "\xBE\xD0\xB1\xD1\x81\xD1\x83\xD0\xB4\xD0\xB8\xD0\xBB\xD0\xB8 "
         "\xD0\xB1\xD1\x8E\xD0\xB4\xD0\xB6\xD0\xB5\xD1\x82. \xD0\xBF\xD0"
         "\xBE\xD1\x82\xD0\xBE\xD0\xBC \xD0\xBC\xD1\x8B \xD1\x83\xD1\x88"
         "\xD0\xBB\xD0\xB8",
         "russian", want);
  /* "εμείς ήρθαμε. μιλήσαμε." */
  static const char *const want2[] = {
      "\xCE\xB5\xCE\xBC\xCE\xB5\xCE\xAF\xCF\x82 \xCE\xAE\xCF\x81\xCE\xB8"
      "\xCE\xB1\xCE\xBC\xCE\xB5.",
      "\xCE\xBC\xCE\xB9\xCE\xBB\xCE\xAE\xCF\x83\xCE\xB1\xCE\xBC\xCE\xB5.",
      NULL};
  expect("\xCE\xB5\xCE\xBC\xCE\xB5\xCE\xAF\xCF\x82 \xCE\xAE\xCF\x81\xCE"
         "\xB8\xCE\xB1\xCE\xBC\xCE\xB5. \xCE\xBC\xCE\xB9\xCE\xBB\xCE\xAE"
         "\xCF\x83\xCE\xB1\xCE\xBC\xCE\xB5.",
         "greek", want2);
  /* A cased Russian text keeps a period before lower case: "Мы видели
     абв. новый дом. Всё." (абв. an unknown abbreviation). */
  static const char *const want3[] = {
      "\xD0\x9C\xD1\x8B \xD0\xB2\xD0\xB8\xD0\xB4\xD0\xB5\xD0\xBB\xD0\xB8 "
      "\xD0\xB0\xD0\xB1\xD0\xB2. \xD0\xBD\xD0\xBE\xD0\xB2\xD1\x8B\xD0\xB9 "
      "\xD0\xB4\xD0\xBE\xD0\xBC.",
      "\xD0\x92\xD1\x81\xD1\x91.", NULL};
  expect("\xD0\x9C\xD1\x8B \xD0\xB2\xD0\xB8\xD0\xB4\xD0\xB5\xD0\xBB\xD0"
         "\xB8 \xD0\xB0\xD0\xB1\xD0\xB2. \xD0\xBD\xD0\xBE\xD0\xB2\xD1\x8B"
         "\xD0\xB9 \xD0\xB4\xD0\xBE\xD0\xBC. \xD0\x92\xD1\x81\xD1\x91.",
         "russian", want3);
}

/* ---- boundaries
 * ------------------------------------------------------------------ */

static void test_terminators(void **state) {
  (void)state;
  static const char *const want[] = {"Stop!", "Why?", "Really?!", "Yes.", NULL};
  expect("Stop! Why? Really?! Yes.", "english", want);
}

static void test_closing_quotes(void **state) {
  (void)state;
  /* The closing quote or bracket belongs to the sentence it closes. */
  static const char *const want[] = {"He said \"stop.\"", "Then he left.",
                                     NULL};
  expect("He said \"stop.\" Then he left.", "english", want);
  static const char *const want2[] = {"(This is it.)", "Next one.", NULL};
  expect("(This is it.) Next one.", "english", want2);
  /* Curly quotes, and an opening quote before the next sentence. */
  static const char *const want3[] = {"She asked \xE2\x80\x9Cwhy?\xE2\x80\x9D",
                                      "\xE2\x80\x9CNobody knows.\xE2\x80\x9D",
                                      NULL};
  expect("She asked \xE2\x80\x9Cwhy?\xE2\x80\x9D \xE2\x80\x9CNobody "
         "knows.\xE2\x80\x9D",
         "english", want3);
}

static void test_blank_lines(void **state) {
  (void)state;
  /* A blank line ends a sentence (even one with spaces on it); a single
     line break does not. */
  static const char *const want[] = {
      "First line without stop", "Second line\ncontinues here", "Third", NULL};
  expect("First line without stop\n\nSecond line\ncontinues here\n  \t\nThird",
         "english", want);
}

static void test_cjk(void **state) {
  (void)state;
  /* 我们今天开会。我们讨论预算！你同意吗？好 */
  static const char *const want[] = {
      "\xE6\x88\x91\xE4\xBB\xAC\xE4\xBB\x8A\xE5\xA4\xA9\xE5\xBC\x80\xE4\xBC\x9A"
      "\xE3\x80\x82",
      "\xE6\x88\x91\xE4\xBB\xAC\xE8\xAE\xA8\xE8\xAE\xBA\xE9\xA2\x84\xE7\xAE\x97"
      "\xEF\xBC\x81",
      "\xE4\xBD\xA0\xE5\x90\x8C\xE6\x84\x8F\xE5\x90\x97\xEF\xBC\x9F",
      "\xE5\xA5\xBD", NULL};
  expect("\xE6\x88\x91\xE4\xBB\xAC\xE4\xBB\x8A\xE5\xA4\xA9\xE5\xBC\x80\xE4\xBC"
         "\x9A\xE3\x80\x82\xE6\x88\x91\xE4\xBB\xAC\xE8\xAE\xA8\xE8\xAE\xBA\xE9"
         "\xA2\x84\xE7\xAE\x97\xEF\xBC\x81\xE4\xBD\xA0\xE5\x90\x8C\xE6\x84\x8F"
         "\xE5\x90\x97\xEF\xBC\x9F\xE5\xA5\xBD",
         "chinese", want);
}

static void test_empty(void **state) {
  (void)state;
  static const char *const none[] = {NULL};
  expect("", "english", none);
  expect("   \n\n  ", "english", none);
}

/* ---- cues
 * ------------------------------------------------------------------------ */

static void cue(run *r, double start, double end, const char *speaker,
                const char *text, uint32_t flags) {
  assert_int_equal(rc_source_begin(&r->src, start, end, speaker,
                                   speaker ? strlen(speaker) : 0, flags),
                   RECAP_OK);
  /* `from` is where the text was in the decoded input; any offset will
     do here. */
  assert_int_equal(rc_source_add(&r->src, text, strlen(text), 0), RECAP_OK);
  assert_int_equal(rc_source_end(&r->src), RECAP_OK);
}

static void assert_span(const run *r, size_t i, const char *text,
                        uint32_t cue_first, uint32_t cue_last) {
  assert_true(i < r->out.len);
  const rc_span *s = &r->out.data[i];
  if (s->len != strlen(text) || memcmp(r->src.text + s->off, text, s->len))
    fail_msg("sentence %zu is '%.*s', want '%s'", i, (int)s->len,
             r->src.text + s->off, text);
  assert_int_equal(s->cue_first, cue_first);
  assert_int_equal(s->cue_last, cue_last);
}

static void test_across_cues(void **state) {
  (void)state;
  run r;
  run_init(&r);
  /* content: "we decided to\nbuy buses.\nGreat news.\n" */
  cue(&r, 0, 2, "Alice", "we decided to", 0);
  cue(&r, 2, 4, "Alice", "buy buses.", 0);
  cue(&r, 4, 6, "Bob", "Great news.", 0);
  segment(&r, "english");
  assert_int_equal(r.out.len, 2);
  assert_span(&r, 0, "we decided to\nbuy buses.", 0, 1);
  assert_int_equal(r.out.data[0].off, 0);
  assert_span(&r, 1, "Great news.", 2, 2);
  assert_int_equal(r.out.data[1].off, 25);
  run_free(&r);

  /* Cues without speakers join too. */
  run_init(&r);
  cue(&r, -1, -1, NULL, "and so", 0);
  cue(&r, -1, -1, NULL, "it ends.", 0);
  segment(&r, "english");
  assert_int_equal(r.out.len, 1);
  assert_span(&r, 0, "and so\nit ends.", 0, 1);
  run_free(&r);
}

static void test_no_join_across_speakers_or_breaks(void **state) {
  (void)state;
  run r;
  run_init(&r);
  cue(&r, 0, 1, "Alice", "so we", 0);
  cue(&r, 1, 2, "Bob", "need a plan.", 0);
  segment(&r, "english");
  assert_int_equal(r.out.len, 2);
  assert_span(&r, 0, "so we", 0, 0);
  assert_span(&r, 1, "need a plan.", 1, 1);
  run_free(&r);

  run_init(&r);
  cue(&r, 0, 1, "Alice", "so we", 0);
  cue(&r, 1, 2, "Alice", "need a plan.", RC_CUE_BREAK);
  segment(&r, "english");
  assert_int_equal(r.out.len, 2);
  assert_span(&r, 0, "so we", 0, 0);
  assert_span(&r, 1, "need a plan.", 1, 1);
  run_free(&r);

  /* Paragraphs of plain text as borrowed cues with breaks. */
  run_init(&r);
  const char *t = "first para no stop\n\nsecond para.";
  rc_source_borrow(&r.src, t, strlen(t));
  assert_int_equal(rc_source_cue(&r.src, 0, 18, RC_CUE_BREAK), RECAP_OK);
  assert_int_equal(rc_source_cue(&r.src, 20, 12, RC_CUE_BREAK), RECAP_OK);
  segment(&r, "english");
  assert_int_equal(r.out.len, 2);
  assert_span(&r, 0, "first para no stop", 0, 0);
  assert_span(&r, 1, "second para.", 1, 1);
  run_free(&r);
}

/* Twenty timed cues of six words each (120 words, no punctuation), cue k
   from 3k s, lasting `dur` seconds, with an extra `gap` seconds before
   cue `gap_before`. */
static void captions(run *r, double dur, size_t gap_before, double gap) {
  run_init(r);
  static const char *const words[] = {"so", "the", "plan", "is", "that", "we"};
  double shift = 0;
  for (size_t k = 0; k < 20; k++) {
    if (k == gap_before)
      shift = gap;
    char text[64] = "";
    for (size_t w = 0; w < 6; w++) {
      strcat(text, words[(k + w) % 6]);
      if (w < 5)
        strcat(text, " ");
    }
    cue(r, 3.0 * (double)k + shift, 3.0 * (double)k + shift + dur, "A", text,
        0);
  }
  segment(r, "english");
}

static size_t words_in(const run *r, size_t i) {
  const rc_span *s = &r->out.data[i];
  size_t n = 0;
  int in = 0;
  for (size_t k = s->off; k < s->off + s->len; k++) {
    char c = r->src.text[k];
    int sp = c == ' ' || c == '\n';
    n += !sp && !in;
    in = !sp;
  }
  return n;
}

static void test_unpunctuated_captions(void **state) {
  (void)state;
  run r;
  /* A 0.5 s pause before every cue: a unit is cut at the first cue
     boundary after RC_UNIT_MIN_WORDS (12) words, i.e. every two cues. */
  captions(&r, 2.5, 99, 0);
  assert_int_equal(r.out.len, 10);
  for (size_t i = 0; i < 10; i++) {
    assert_int_equal(r.out.data[i].cue_first, 2 * i);
    assert_int_equal(r.out.data[i].cue_last, 2 * i + 1);
    assert_int_equal(words_in(&r, i), 12);
  }
  run_free(&r);

  /* No pauses: cut at RC_UNIT_MAX_WORDS (30) words, every five cues. */
  captions(&r, 3.0, 99, 0);
  assert_int_equal(r.out.len, 4);
  for (size_t i = 0; i < 4; i++) {
    assert_int_equal(r.out.data[i].cue_first, 5 * i);
    assert_int_equal(r.out.data[i].cue_last, 5 * i + 4);
    assert_int_equal(words_in(&r, i), 30);
  }
  run_free(&r);

  /* No pauses but a 2 s silence before cue 7, which ends the turn (over
     1.5 s): cues 0-6 give units 0-4 (30 words) and 5-6 (12); cues 7-19
     give 7-11, 12-16 (30 each) and 17-19 (18). */
  captions(&r, 3.0, 7, 2.0);
  static const uint32_t first[] = {0, 5, 7, 12, 17};
  static const uint32_t last[] = {4, 6, 11, 16, 19};
  static const size_t nwords[] = {30, 12, 30, 30, 18};
  assert_int_equal(r.out.len, 5);
  for (size_t i = 0; i < 5; i++) {
    assert_int_equal(r.out.data[i].cue_first, first[i]);
    assert_int_equal(r.out.data[i].cue_last, last[i]);
    assert_int_equal(words_in(&r, i), nwords[i]);
  }
  run_free(&r);
}

/* Every byte that is not a space is in exactly one span, and spans come
   in order without overlapping. */
static void assert_covers(const run *r) {
  const char *t = r->src.text;
  size_t n = r->src.len;
  unsigned char *seen = calloc(n ? n : 1, 1);
  assert_non_null(seen);
  size_t prev_end = 0;
  for (size_t i = 0; i < r->out.len; i++) {
    const rc_span *s = &r->out.data[i];
    assert_true(s->len > 0);
    assert_true(s->off >= prev_end);
    assert_true(s->off + s->len <= n);
    prev_end = s->off + s->len;
    for (size_t k = s->off; k < s->off + s->len; k++)
      seen[k]++;
  }
  for (size_t k = 0; k < n; k++) {
    int space = t[k] == ' ' || t[k] == '\n' || t[k] == '\t';
    if (!space && seen[k] != 1)
      fail_msg("byte %zu ('%c') is in %d spans", k, t[k], seen[k]);
  }
  free(seen);
}

static void test_long_unpunctuated_paragraph(void **state) {
  (void)state;
  /* 10,000 words without punctuation, untimed: pieces of exactly
     RC_MAX_SENTENCE_WORDS (80) words, 10000 / 80 = 125 of them. */
  static const char *const words[] = {"alpha",   "beta", "gamma", "delta",
                                      "epsilon", "zeta", "eta"};
  size_t cap = 10000 * 9;
  char *t = malloc(cap);
  assert_non_null(t);
  size_t n = 0;
  for (size_t i = 0; i < 10000; i++) {
    if (i)
      t[n++] = ' ';
    size_t w = strlen(words[i % 7]);
    memcpy(t + n, words[i % 7], w);
    n += w;
  }
  run r;
  run_init(&r);
  rc_source_borrow(&r.src, t, n);
  assert_int_equal(rc_source_cue(&r.src, 0, n, 0), RECAP_OK);
  segment(&r, "english");
  assert_int_equal(r.out.len, 125);
  for (size_t i = 0; i < r.out.len; i++)
    assert_int_equal(words_in(&r, i), RC_MAX_SENTENCE_WORDS);
  assert_covers(&r);
  run_free(&r);
  free(t);
}

static void test_long_sentence_cut_at_comma(void **state) {
  (void)state;
  /* 1,000 four-letter words with a comma after every 50th: the 80-word
     limit is reached 30 words after a comma, which lies in the second
     half of the piece, so every cut is made there: 20 sentences of 50. */
  char *t = malloc(1000 * 6);
  assert_non_null(t);
  size_t n = 0;
  for (size_t i = 1; i <= 1000; i++) {
    memcpy(t + n, "word", 4);
    n += 4;
    if (i % 50 == 0)
      t[n++] = ',';
    if (i < 1000)
      t[n++] = ' ';
  }
  run r;
  run_init(&r);
  rc_source_borrow(&r.src, t, n);
  assert_int_equal(rc_source_cue(&r.src, 0, n, 0), RECAP_OK);
  segment(&r, "english");
  assert_int_equal(r.out.len, 20);
  for (size_t i = 0; i < r.out.len; i++) {
    assert_int_equal(words_in(&r, i), 50);
    const rc_span *s = &r.out.data[i];
    assert_int_equal(t[s->off + s->len - 1], ','); /* ends after the comma */
  }
  assert_covers(&r);
  run_free(&r);
  free(t);
}

static void test_long_cjk_run(void **state) {
  (void)state;
  /* 3,000 Han characters (9,000 bytes) without a terminator or a space:
     cut every 2,400 bytes (800 characters), never inside a character:
     2400 + 2400 + 2400 + 1800. */
  size_t n = 3000 * 3;
  char *t = malloc(n);
  assert_non_null(t);
  for (size_t i = 0; i < n; i += 3)
    memcpy(t + i, "\xE5\xA5\xBD", 3);
  run r;
  run_init(&r);
  rc_source_borrow(&r.src, t, n);
  assert_int_equal(rc_source_cue(&r.src, 0, n, 0), RECAP_OK);
  segment(&r, "chinese");
  assert_int_equal(r.out.len, 4);
  static const size_t len[] = {2400, 2400, 2400, 1800};
  for (size_t i = 0; i < 4; i++) {
    assert_int_equal(r.out.data[i].off, 2400 * i);
    assert_int_equal(r.out.data[i].len, len[i]);
  }
  assert_covers(&r);
  run_free(&r);
  free(t);
}

int main(void) {
  A = rc_default_allocator();
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_titles),
      cmocka_unit_test(test_latin_and_etc),
      cmocka_unit_test(test_us),
      cmocka_unit_test(test_numbers),
      cmocka_unit_test(test_number_words_readme),
      cmocka_unit_test(test_initials),
      cmocka_unit_test(test_ellipsis),
      cmocka_unit_test(test_lower_case_unknown_abbreviation),
      cmocka_unit_test(test_lower_case_other_scripts),
      cmocka_unit_test(test_terminators),
      cmocka_unit_test(test_closing_quotes),
      cmocka_unit_test(test_blank_lines),
      cmocka_unit_test(test_cjk),
      cmocka_unit_test(test_empty),
      cmocka_unit_test(test_across_cues),
      cmocka_unit_test(test_no_join_across_speakers_or_breaks),
      cmocka_unit_test(test_unpunctuated_captions),
      cmocka_unit_test(test_long_unpunctuated_paragraph),
      cmocka_unit_test(test_long_sentence_cut_at_comma),
      cmocka_unit_test(test_long_cjk_run),
  };
  return cmocka_run_group_tests_name("segment", tests, NULL, NULL);
}
