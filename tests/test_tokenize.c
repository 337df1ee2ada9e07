/*
 * test_tokenize.c - unit tests for the word tokenizer (src/tokenize.c).
 *
 * Each case lists the tokens by hand: their text, byte offset, kind and
 * flags, following the rules in tokenize.h.  Offsets are counted in the
 * UTF-8 bytes of the literal (’ — and the like are three bytes, Arabic
 * letters and marks two, Thai and Han characters three).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "test_util.h"

#include "lang.h"
#include "tokenize.h"

enum {
  GAP = RC_TOK_GAP,
  CAP = RC_TOK_CAP,
  ASC = RC_TOK_ASCII,
  ALL = RC_TOK_ALLCAPS,
  SP = RC_TOK_SPACE
};

typedef struct want {
  const char *text;
  size_t off;
  rc_tok_kind kind;
  unsigned flags;
} want;

#define END                                                                    \
  { NULL, 0, RC_TOK_WORD, 0 }

static const char *kind_name(rc_tok_kind k) {
  static const char *const names[] = {"WORD", "NUMBER", "URL", "EMAIL", "CJK"};
  return (unsigned)k < 5 ? names[k] : "?";
}

/* Tokenizes text with lang and compares with the list. */
static void check_lang(const char *text, const rc_lang *lang, const want *w) {
  rc_tokenizer tz;
  rc_tok tok;
  size_t n = strlen(text);
  rc_tokenizer_init(&tz, text, 0, n, lang);
  size_t i = 0;
  while (rc_tokenizer_next(&tz, &tok)) {
    if (!w[i].text)
      fail_msg("'%s': extra token '%.*s' at %zu", text, (int)tok.len,
               text + tok.off, tok.off);
    if (tok.len != strlen(w[i].text) ||
        memcmp(text + tok.off, w[i].text, tok.len) != 0 || tok.off != w[i].off)
      fail_msg("'%s': token %zu is '%.*s' at %zu, want '%s' at %zu", text, i,
               (int)tok.len, text + tok.off, tok.off, w[i].text, w[i].off);
    if (tok.kind != w[i].kind)
      fail_msg("'%s': token '%s' is %s, want %s", text, w[i].text,
               kind_name(tok.kind), kind_name(w[i].kind));
    if (tok.flags != w[i].flags)
      fail_msg("'%s': token '%s' has flags 0x%x, want 0x%x", text, w[i].text,
               tok.flags, w[i].flags);
    assert_true(tok.off + tok.len <= n);
    i++;
  }
  if (w[i].text)
    fail_msg("'%s': missing token '%s'", text, w[i].text);
}

static const rc_lang *english(void) {
  const rc_lang *l = rc_lang_find("english");
  assert_non_null(l);
  return l;
}

static void check(const char *text, const want *w) {
  check_lang(text, english(), w);
}

/* ---- words
 * ------------------------------------------------------------------- */

static void test_apostrophe_and_digits(void **state) {
  (void)state;
  /* The curly apostrophe joins China’s (not ASCII then); 5G is a word
     (it has a letter) but one capital is not "all caps". */
  const want w[] = {{"China\xE2\x80\x99s", 0, RC_TOK_WORD, CAP},
                    {"5G", 10, RC_TOK_WORD, SP | ASC},
                    {"network", 13, RC_TOK_WORD, SP | ASC},
                    END};
  check("China\xE2\x80\x99s 5G network", w);
}

static void test_hyphen_and_periods(void **state) {
  (void)state;
  /* COVID-19: hyphen before a digit; five capitals.  H.264: a period
     before a digit; 2.5 a number. */
  const want w[] = {{"COVID-19", 0, RC_TOK_WORD, CAP | ASC | ALL},
                    {"and", 9, RC_TOK_WORD, SP | ASC},
                    {"H.264", 13, RC_TOK_WORD, SP | CAP | ASC},
                    {"in", 19, RC_TOK_WORD, SP | ASC},
                    {"2.5", 22, RC_TOK_NUMBER, SP | ASC},
                    {"seconds", 26, RC_TOK_WORD, SP | ASC},
                    END};
  check("COVID-19 and H.264 in 2.5 seconds", w);
}

static void test_initialisms(void **state) {
  (void)state;
  /* The final period is punctuation: it is the next token's gap. */
  const want w[] = {{"U.S", 0, RC_TOK_WORD, CAP | ASC | ALL},
                    {"e.g", 5, RC_TOK_WORD, GAP | SP | ASC},
                    {"a.m", 10, RC_TOK_WORD, GAP | SP | ASC},
                    END};
  check("U.S. e.g. a.m.", w);
  /* Longer segments are not joined: "end.Next" is two words. */
  const want w2[] = {{"end", 0, RC_TOK_WORD, ASC},
                     {"Next", 4, RC_TOK_WORD, GAP | CAP | ASC},
                     END};
  check("end.Next", w2);
  /* Nor is a single letter before a longer word: "a.bc". */
  const want w3[] = {
      {"a", 0, RC_TOK_WORD, ASC}, {"bc", 2, RC_TOK_WORD, GAP | ASC}, END};
  check("a.bc", w3);
}

static void test_hyphens_and_dashes(void **state) {
  (void)state;
  /* An em dash (U+2014, three bytes at 20) is punctuation, not a hyphen. */
  const want w[] = {{"Heart-level", 0, RC_TOK_WORD, CAP | ASC},
                    {"Service", 12, RC_TOK_WORD, SP | CAP | ASC},
                    {"mm-hmm", 24, RC_TOK_WORD, SP | GAP | ASC},
                    END};
  check("Heart-level Service \xE2\x80\x94 mm-hmm", w);
  /* A trailing or doubled hyphen does not join. */
  const want w2[] = {{"well", 0, RC_TOK_WORD, ASC},
                     {"known", 6, RC_TOK_WORD, GAP | ASC},
                     {"x", 12, RC_TOK_WORD, SP | ASC},
                     END};
  check("well--known x-", w2);
  /* U+2010 HYPHEN joins like '-'. */
  const want w3[] = {{"e\xE2\x80\x90mail", 0, RC_TOK_WORD, 0}, END};
  check("e\xE2\x80\x90mail", w3);
}

static void test_apostrophes(void **state) {
  (void)state;
  /* Two spaces are one SPACE flag; inner apostrophes join. */
  const want w[] = {{"don't", 0, RC_TOK_WORD, ASC},
                    {"rock'n'roll", 7, RC_TOK_WORD, SP | ASC},
                    END};
  check("don't  rock'n'roll", w);
  /* Quotes around a word are not part of it. */
  const want w2[] = {{"quoted", 1, RC_TOK_WORD, GAP | ASC},
                     {"students", 9, RC_TOK_WORD, GAP | SP | ASC},
                     END};
  check("'quoted' students'", w2);
}

static void test_numbers(void **state) {
  (void)state;
  /* A comma joins digits only before exactly three digits. */
  const want w[] = {{"1,000", 0, RC_TOK_NUMBER, ASC},
                    {"vs", 6, RC_TOK_WORD, SP | ASC},
                    {"1", 9, RC_TOK_NUMBER, SP | ASC},
                    {"0000", 11, RC_TOK_NUMBER, GAP | ASC},
                    {"and", 16, RC_TOK_WORD, SP | ASC},
                    {"3", 20, RC_TOK_NUMBER, SP | ASC},
                    {"4", 22, RC_TOK_NUMBER, GAP | ASC},
                    END};
  check("1,000 vs 1,0000 and 3,4", w);
  const want w2[] = {{"1,234,567.89", 0, RC_TOK_NUMBER, ASC},
                     {"42", 14, RC_TOK_NUMBER, GAP | SP | ASC},
                     END};
  check("1,234,567.89, 42.", w2);
}

static void test_urls_and_email(void **state) {
  (void)state;
  /* Trailing punctuation stays out of the URL; www. starts one; the
     e-mail address takes its local part from the word's start. */
  const want w[] = {
      {"see", 0, RC_TOK_WORD, ASC},
      {"https://example.org/a?b=1", 4, RC_TOK_URL, SP | ASC},
      {"Or", 31, RC_TOK_WORD, GAP | SP | CAP | ASC},
      {"www.example.com", 34, RC_TOK_URL, SP | ASC},
      {"or", 51, RC_TOK_WORD, GAP | SP | ASC},
      {"mail", 54, RC_TOK_WORD, SP | ASC},
      {"john.smith+x@mail.example.co.uk", 59, RC_TOK_EMAIL, SP | ASC},
      END};
  check("see https://example.org/a?b=1. Or www.example.com, or mail "
        "john.smith+x@mail.example.co.uk!",
        w);
  /* A bare domain with a known top-level domain, without the final
     period. */
  const want w2[] = {{"example.com", 0, RC_TOK_URL, ASC}, END};
  check("example.com.", w2);
  /* An unknown "top-level domain" is two words. */
  const want w3[] = {
      {"end", 0, RC_TOK_WORD, ASC}, {"then", 4, RC_TOK_WORD, GAP | ASC}, END};
  check("end.then", w3);
  /* A URL with a non-ASCII path is not flagged ASCII. */
  const want w4[] = {{"http://example.org/caf\xC3\xA9", 0, RC_TOK_URL, 0}, END};
  check("http://example.org/caf\xC3\xA9", w4);
}

static void test_french_elisions(void **state) {
  (void)state;
  const rc_lang *fr = rc_lang_find("french");
  assert_non_null(fr);
  assert_string_equal(fr->name, "french");
  /* The elided article keeps its apostrophe (’ is three bytes: "l’" is 4
     bytes, not ASCII); the word after it is glued on (no SPACE). */
  const want w[] = {{"l\xE2\x80\x99", 0, RC_TOK_WORD, 0},
                    {"homme", 4, RC_TOK_WORD, ASC},
                    {"d'", 10, RC_TOK_WORD, SP | ASC},
                    {"affaires", 12, RC_TOK_WORD, ASC},
                    END};
  check_lang("l\xE2\x80\x99homme d'affaires", fr, w);
  /* Capitals and longer articles: "Qu'il" -> "Qu'" "il"; "jusqu'ici". */
  const want w2[] = {{"Qu'", 0, RC_TOK_WORD, CAP | ASC},
                     {"il", 3, RC_TOK_WORD, ASC},
                     {"jusqu'", 6, RC_TOK_WORD, SP | ASC},
                     {"ici", 12, RC_TOK_WORD, ASC},
                     END};
  check_lang("Qu'il jusqu'ici", fr, w2);
  /* Not an elision: "aujourd'hui" stays one word. */
  const want w3[] = {{"aujourd'hui", 0, RC_TOK_WORD, ASC}, END};
  check_lang("aujourd'hui", fr, w3);
  /* English has no elisions: "l'homme" is one token there. */
  const want w4[] = {{"l'homme", 0, RC_TOK_WORD, ASC}, END};
  check("l'homme", w4);
}

/* ---- scripts
 * ---------------------------------------------------------------------- */

static void test_cjk(void **state) {
  (void)state;
  /* 我们可以使用: six Han characters of three bytes each. */
  const want w[] = {{"\xE6\x88\x91", 0, RC_TOK_CJK, 0},
                    {"\xE4\xBB\xAC", 3, RC_TOK_CJK, 0},
                    {"\xE5\x8F\xAF", 6, RC_TOK_CJK, 0},
                    {"\xE4\xBB\xA5", 9, RC_TOK_CJK, 0},
                    {"\xE4\xBD\xBF", 12, RC_TOK_CJK, 0},
                    {"\xE7\x94\xA8", 15, RC_TOK_CJK, 0},
                    END};
  check("\xE6\x88\x91\xE4\xBB\xAC\xE5\x8F\xAF\xE4\xBB\xA5\xE4\xBD\xBF\xE7\x94"
        "\xA8",
        w);
  /* Latin glued to Han: the word ends where the Han starts; the 。 (U+3002)
     is punctuation. */
  const want w2[] = {{"AI", 0, RC_TOK_WORD, CAP | ASC | ALL},
                     {"\xE5\xBE\x88", 2, RC_TOK_CJK, 0},
                     {"\xE5\xA5\xBD", 5, RC_TOK_CJK, 0},
                     {"ok", 11, RC_TOK_WORD, GAP | ASC},
                     END};
  check("AI\xE5\xBE\x88\xE5\xA5\xBD\xE3\x80\x82ok", w2);
  /* Kana: ひらがな, four tokens. */
  const want w3[] = {{"\xE3\x81\xB2", 0, RC_TOK_CJK, 0},
                     {"\xE3\x82\x89", 3, RC_TOK_CJK, 0},
                     {"\xE3\x81\x8C", 6, RC_TOK_CJK, 0},
                     {"\xE3\x81\xAA", 9, RC_TOK_CJK, 0},
                     END};
  check("\xE3\x81\xB2\xE3\x82\x89\xE3\x81\x8C\xE3\x81\xAA", w3);
}

static void test_thai(void **state) {
  (void)state;
  /* ภาษาไทย: seven letters (all Lo), seven tokens. */
  const want w[] = {
      {"\xE0\xB8\xA0", 0, RC_TOK_CJK, 0},  {"\xE0\xB8\xB2", 3, RC_TOK_CJK, 0},
      {"\xE0\xB8\xA9", 6, RC_TOK_CJK, 0},  {"\xE0\xB8\xB2", 9, RC_TOK_CJK, 0},
      {"\xE0\xB9\x84", 12, RC_TOK_CJK, 0}, {"\xE0\xB8\x97", 15, RC_TOK_CJK, 0},
      {"\xE0\xB8\xA2", 18, RC_TOK_CJK, 0}, END};
  check("\xE0\xB8\xA0\xE0\xB8\xB2\xE0\xB8\xA9\xE0\xB8\xB2\xE0\xB9\x84\xE0\xB8"
        "\x97\xE0\xB8\xA2",
        w);
  /* ที่นี่: a consonant with a vowel sign and a tone mark (both Mn) is one
     character as the reader sees it, so one token: ท+ี+่, น+ี+่. */
  const want w2[] = {{"\xE0\xB8\x97\xE0\xB8\xB5\xE0\xB9\x88", 0, RC_TOK_CJK, 0},
                     {"\xE0\xB8\x99\xE0\xB8\xB5\xE0\xB9\x88", 9, RC_TOK_CJK, 0},
                     END};
  check("\xE0\xB8\x97\xE0\xB8\xB5\xE0\xB9\x88\xE0\xB8\x99\xE0\xB8\xB5\xE0\xB9"
        "\x88",
        w2);
  /* Japanese with a combining voiced sound mark: か + U+3099 is one. */
  const want w3[] = {{"\xE3\x81\x8B\xE3\x82\x99", 0, RC_TOK_CJK, 0},
                     {"\xE3\x81\xAA", 6, RC_TOK_CJK, 0},
                     END};
  check("\xE3\x81\x8B\xE3\x82\x99\xE3\x81\xAA", w3);
}

static void test_arabic_marks(void **state) {
  (void)state;
  /* كَتَبَ الوَلَدُ: letters with harakat (Mn) are single words:
     6 + 6 two-byte characters. */
  const want w[] = {
      {"\xD9\x83\xD9\x8E\xD8\xAA\xD9\x8E\xD8\xA8\xD9\x8E", 0, RC_TOK_WORD, 0},
      {"\xD8\xA7\xD9\x84\xD9\x88\xD9\x8E\xD9\x84\xD9\x8E\xD8\xAF\xD9\x8F", 13,
       RC_TOK_WORD, SP},
      END};
  check("\xD9\x83\xD9\x8E\xD8\xAA\xD9\x8E\xD8\xA8\xD9\x8E \xD8\xA7\xD9\x84\xD9"
        "\x88\xD9\x8E\xD9\x84\xD9\x8E\xD8\xAF\xD9\x8F",
        w);
  /* The Arabic question mark U+061F is punctuation. */
  const want w2[] = {
      {"\xD9\x84\xD9\x85\xD8\xA7\xD8\xB0\xD8\xA7", 0, RC_TOK_WORD, 0}, END};
  check("\xD9\x84\xD9\x85\xD8\xA7\xD8\xB0\xD8\xA7\xD8\x9F", w2);
}

static void test_combining_and_joiners(void **state) {
  (void)state;
  /* e + U+0301 stays in the word. */
  const want w[] = {{"cafe\xCC\x81", 0, RC_TOK_WORD, 0},
                    {"noir", 7, RC_TOK_WORD, SP | ASC},
                    END};
  check("cafe\xCC\x81 noir", w);
  /* A zero-width joiner inside a word is part of it. */
  const want w2[] = {{"ab\xE2\x80\x8D"
                      "cd",
                      0, RC_TOK_WORD, 0},
                     {"ef", 8, RC_TOK_WORD, SP | ASC},
                     END};
  check("ab\xE2\x80\x8D"
        "cd ef",
        w2);
  /* A zero-width space (U+200B) separates words, like a space; a format
     character standing alone (a stray BOM U+FEFF, a joiner) is no token
     (it would otherwise be a "number" without digits). */
  const want w3[] = {{"one", 0, RC_TOK_WORD, ASC},
                     {"two", 6, RC_TOK_WORD, SP | ASC},
                     {"three", 14, RC_TOK_WORD, SP | ASC},
                     {"four", 24, RC_TOK_WORD, SP | ASC},
                     END};
  check("one\xE2\x80\x8Btwo \xEF\xBB\xBF three \xE2\x80\x8D four", w3);
  /* Capitals outside ASCII: "ÉCOLE" is all caps, "Éa" capitalised. */
  const want w4[] = {{"\xC3\x89"
                      "COLE",
                      0, RC_TOK_WORD, CAP | ALL},
                     {"\xC3\x89"
                      "a",
                      7, RC_TOK_WORD, SP | CAP},
                     END};
  check("\xC3\x89"
        "COLE \xC3\x89"
        "a",
        w4);
}

static void test_flags(void **state) {
  (void)state;
  /* GAP: punctuation since the previous token; SPACE: a space before it;
     neither when glued ("x/y" has a GAP but no SPACE). */
  const want w[] = {{"Hello", 0, RC_TOK_WORD, CAP | ASC},
                    {"NASA", 7, RC_TOK_WORD, GAP | SP | CAP | ASC | ALL},
                    {"x", 14, RC_TOK_WORD, GAP | SP | ASC},
                    {"y", 16, RC_TOK_WORD, GAP | ASC},
                    {"A", 18, RC_TOK_WORD, SP | CAP | ASC},
                    {"iPhone", 20, RC_TOK_WORD, SP | ASC},
                    END};
  check("Hello, NASA! (x/y A iPhone", w);
  /* A leading space counts; tabs and newlines are spaces. */
  const want w2[] = {
      {"a", 1, RC_TOK_WORD, SP | ASC}, {"b", 3, RC_TOK_WORD, SP | ASC}, END};
  check("\ta\nb", w2);
  /* Nothing but punctuation and spaces: no token. */
  const want none[] = {END};
  check(" ... -- !? ", none);
  check("", none);
}

/* ---- limits
 * ----------------------------------------------------------------------- */

static void test_long_token(void **state) {
  (void)state;
  /* 100 KB of letters: one token, in linear time. */
  size_t n = 100 * 1024;
  char *t = malloc(n);
  assert_non_null(t);
  for (size_t i = 0; i < n; i++)
    t[i] = (char)('a' + i % 26);
  rc_tokenizer tz;
  rc_tok tok;
  rc_tokenizer_init(&tz, t, 0, n, english());
  assert_true(rc_tokenizer_next(&tz, &tok));
  assert_int_equal(tok.off, 0);
  assert_int_equal(tok.len, n);
  assert_int_equal(tok.kind, RC_TOK_WORD);
  assert_int_equal(tok.flags, ASC);
  assert_false(rc_tokenizer_next(&tz, &tok));
  free(t);
}

static void test_range(void **state) {
  (void)state;
  /* Tokenizing [b, e) of a longer text: offsets are absolute. */
  const char *t = "skip this part only";
  rc_tokenizer tz;
  rc_tok tok;
  rc_tokenizer_init(&tz, t, 5, 14, english());
  assert_true(rc_tokenizer_next(&tz, &tok));
  assert_int_equal(tok.off, 5);
  assert_int_equal(tok.len, 4);
  assert_true(rc_tokenizer_next(&tz, &tok));
  assert_int_equal(tok.off, 10);
  assert_int_equal(tok.len, 4);
  assert_false(rc_tokenizer_next(&tz, &tok));
}

/* Tokens never reach past the end given to rc_tokenizer_init, wherever it
   is: each prefix is copied into a buffer of exactly its size, so a read
   past the end is caught by the address sanitizer, and every token must
   lie inside the prefix. */
/* One meaning of "word" for every count and budget: a run of text
   between spaces that holds a token, except that each character of a
   script without spaces is a word. */
static void test_count_words(void **state) {
  (void)state;
  const rc_lang *en = english(), *fr = rc_lang_find("french");
  const rc_lang *zh = rc_lang_find("chinese");
  struct {
    const rc_lang *lang;
    const char *text;
    size_t words;
  } cases[] = {
      {en, "", 0},
      {en, " - , ... ", 0},
      {en, "The dose is 50 mg, twice a day.", 8},
      {en, "Open config.h - then edit main.c!", 5},
      {en, "and/or e-mail U.S. 5G ...x", 5},
      {fr, "l'homme qu'il aime", 3},
      {fr, "L' homme", 2},
      {zh, "一个例子", 4},
      {zh, "ROUGE指标 is good", 5},
      {zh, "周二的会议上，社区居委会讨论了新的公交线路。", 20},
  };
  for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
    size_t n = strlen(cases[i].text);
    size_t got = rc_count_words(cases[i].text, n, cases[i].lang);
    if (got != cases[i].words)
      fail_msg("'%s': %zu words, want %zu", cases[i].text, got, cases[i].words);
  }
  /* Where the first k words end. */
  const char *t = "The dose is 50 mg, twice a day.";
  size_t n = strlen(t);
  assert_int_equal(rc_words_end(t, n, en, 0), 0);
  assert_int_equal(rc_words_end(t, n, en, 1), 3);
  assert_int_equal(rc_words_end(t, n, en, 5), 17); /* after "mg" */
  assert_int_equal(rc_words_end(t, n, en, 8), 30); /* after "day" */
  assert_int_equal(rc_words_end(t, n, en, 9), n);
  const char *f = "qu'il aime";
  assert_int_equal(rc_words_end(f, strlen(f), fr, 1), 5); /* qu'il whole */
  const char *z = "一个例子";
  assert_int_equal(rc_words_end(z, strlen(z), zh, 2), 6);
}

static void test_never_past_end(void **state) {
  (void)state;
  static const char *const texts[] = {
      "see https://example.org/a?b=1. Or www.example.com, or mail "
      "john.smith+x@mail.example.co.uk!",
      "China\xE2\x80\x99s 5G U.S. e.g. 1,000,000 H.264 example.com.",
      "l\xE2\x80\x99homme d'affaires qu'il",
      "\xE6\x88\x91\xE4\xBB\xAC ab\xE2\x80\x8D"
      "cd cafe\xCC\x81 rock'n'roll",
      "x@y.co a-b- c, 3,4 ftp://a.b www.c",
  };
  const rc_lang *langs[] = {english(), rc_lang_find("french")};
  for (size_t k = 0; k < sizeof texts / sizeof *texts; k++) {
    size_t n = strlen(texts[k]);
    for (size_t e = 0; e <= n; e++) {
      char *buf = malloc(e ? e : 1);
      assert_non_null(buf);
      memcpy(buf, texts[k], e);
      for (size_t l = 0; l < 2; l++) {
        rc_tokenizer tz;
        rc_tok tok;
        rc_tokenizer_init(&tz, buf, 0, e, langs[l]);
        size_t last = 0, count = 0;
        while (rc_tokenizer_next(&tz, &tok)) {
          assert_true(tok.len > 0);
          assert_true(tok.off >= last);
          assert_true(tok.off + tok.len <= e);
          last = tok.off + tok.len;
          assert_true(++count <= e);
        }
      }
      free(buf);
    }
  }
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_apostrophe_and_digits),
      cmocka_unit_test(test_hyphen_and_periods),
      cmocka_unit_test(test_initialisms),
      cmocka_unit_test(test_hyphens_and_dashes),
      cmocka_unit_test(test_apostrophes),
      cmocka_unit_test(test_numbers),
      cmocka_unit_test(test_urls_and_email),
      cmocka_unit_test(test_french_elisions),
      cmocka_unit_test(test_cjk),
      cmocka_unit_test(test_thai),
      cmocka_unit_test(test_arabic_marks),
      cmocka_unit_test(test_combining_and_joiners),
      cmocka_unit_test(test_flags),
      cmocka_unit_test(test_long_token),
      cmocka_unit_test(test_range),
      cmocka_unit_test(test_never_past_end),
      cmocka_unit_test(test_count_words),
  };
  return cmocka_run_group_tests_name("tokenize", tests, NULL, NULL);
}
