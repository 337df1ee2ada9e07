/*
 * test_api.c - the public contract of librecap, through recap.h only.
 *
 * What is checked here is what include/recap.h promises: version macros
 * and functions agree, every status has a message, the documented option
 * defaults, NULL arguments, option validation, size and encoding limits,
 * that a failed analysis leaves an empty, reusable document, byte-identical
 * output for the same input, the summary budgets (sentences, words, ratio),
 * offsets and times of every result, rendering, the one-call
 * recap_summarize(), JSON Lines records, background IDF tables and user
 * stopwords.  Expected values come from the header's documentation and
 * from the test texts, never from calling the code under test for them.
 *
 * Run from the repository root (examples/ is read).
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "test_util.h"

#include "recap.h"

/* ---- test texts ---------------------------------------------------------- */

/* Plain ASCII prose, 18 sentences, 247 words, single spaces. */
static const char PLAIN[] =
    "The city council met on Tuesday to discuss the new public library. "
    "The library building on Main Street is more than sixty years old and "
    "the roof leaks every winter. Council members agreed that the reading "
    "rooms need new lighting and better heating. The architect presented "
    "three designs for the renovation of the library. The first design "
    "keeps the old facade and adds a glass reading room on the roof. The "
    "second design replaces the whole building with a larger library and "
    "an underground parking garage. The third design moves the library "
    "into the empty department store near the train station. Residents "
    "who spoke at the meeting mostly preferred the first design. They said "
    "the old facade is part of the history of the town. The finance "
    "director explained that the renovation budget is twelve million "
    "dollars. A state grant could cover four million dollars of the "
    "renovation cost. The rest of the budget would come from a bond that "
    "voters must approve in November. Several council members worried that "
    "the parking garage in the second design would cost too much. The "
    "architect said the glass reading room would use solar panels to heat "
    "the building. Children's programs will move to a temporary space in "
    "the community center during construction. The council will vote on "
    "the final design at the next meeting in March. Construction could "
    "start next summer if the voters approve the bond. The library "
    "director thanked the residents for their comments and their "
    "patience.\n";

#define PLAIN_SENTENCES 18
#define PLAIN_WORDS 247

/* ---- helpers ------------------------------------------------------------- */

static recap_options english(void) {
  recap_options o;
  recap_options_init(&o);
  o.language = "english";
  return o;
}

static void analyze_ok(recap_document *doc, const char *text, size_t len,
                       const recap_options *o) {
  recap_status st = recap_document_analyze(doc, text, len, o);
  if (st != RECAP_OK)
    fail_msg("analyze: %s: %s", recap_strerror(st), recap_document_error(doc));
  assert_string_equal(recap_document_error(doc), "");
}

/* A rendering as a malloc'ed copy. */
static char *render(const recap_document *doc, recap_format fmt) {
  char *s = NULL;
  size_t n = 0;
  assert_int_equal(recap_render(doc, fmt, &s, &n), RECAP_OK);
  assert_non_null(s);
  assert_int_equal(strlen(s), n);
  return take_rendered(s, n);
}

/* Every format, concatenated with separators. */
static char *render_all(const recap_document *doc) {
  size_t total = 0;
  char *parts[RECAP_FORMAT_HTML + 1];
  for (int f = 0; f <= RECAP_FORMAT_HTML; f++) {
    parts[f] = render(doc, (recap_format)f);
    total += strlen(parts[f]) + 8;
  }
  char *all = malloc(total + 1);
  assert_non_null(all);
  all[0] = '\0';
  for (int f = 0; f <= RECAP_FORMAT_HTML; f++) {
    strcat(all, parts[f]);
    strcat(all, "\n-----\n");
    free(parts[f]);
  }
  return all;
}

static size_t count_words(const char *t, size_t n) {
  size_t words = 0;
  int in_word = 0;
  for (size_t i = 0; i < n; i++) {
    int sp = t[i] == ' ';
    words += !sp && !in_word;
    in_word = !sp;
  }
  return words;
}

static size_t summary_words(const recap_document *doc) {
  size_t sum = 0;
  for (size_t i = 0; i < recap_summary_count(doc); i++)
    sum += recap_summary_at(doc, i)->words;
  return sum;
}

static void assert_empty(const recap_document *doc) {
  assert_int_equal(recap_sentence_count(doc), 0);
  assert_int_equal(recap_summary_count(doc), 0);
  assert_null(recap_summary_at(doc, 0));
  assert_int_equal(recap_keyphrase_count(doc), 0);
  assert_null(recap_keyphrase_at(doc, 0));
  assert_int_equal(recap_chapter_count(doc), 0);
  assert_null(recap_chapter_at(doc, 0));
  assert_int_equal(recap_speaker_count(doc), 0);
  assert_null(recap_speaker_at(doc, 0));
  assert_int_equal(recap_segment_count(doc), 0);
  assert_int_equal(recap_document_word_count(doc), 0);
  assert_true(recap_document_duration(doc) == -1);
  recap_sentence s;
  assert_int_equal(recap_sentence_get(doc, 0, &s), RECAP_ERR_INVALID_ARGUMENT);
}

/* Case-insensitive search for needle[0..k) in hay[from..to). */
static size_t find_ci(const char *hay, size_t from, size_t to,
                      const char *needle, size_t k) {
  for (size_t i = from; i + k <= to; i++) {
    size_t m = 0;
    while (m < k) {
      char a = hay[i + m], b = needle[m];
      if (a >= 'A' && a <= 'Z')
        a = (char)(a + 32);
      if (b >= 'A' && b <= 'Z')
        b = (char)(b + 32);
      if (a != b)
        break;
      m++;
    }
    if (m == k)
      return i;
  }
  return SIZE_MAX;
}

/* The words of `text` (space-separated) occur, in order, in
   input[off, off + len). */
static void assert_words_in(const char *input, size_t off, size_t len,
                            const char *text, size_t text_len) {
  size_t pos = off, i = 0;
  while (i < text_len) {
    while (i < text_len && text[i] == ' ')
      i++;
    size_t b = i;
    while (i < text_len && text[i] != ' ')
      i++;
    if (i == b)
      break;
    size_t at = find_ci(input, pos, off + len, text + b, i - b);
    if (at == SIZE_MAX)
      fail_msg("word '%.*s' of '%.*s' not in input [%zu, +%zu): '%.*s'",
               (int)(i - b), text + b, (int)text_len, text, off, len, (int)len,
               input + off);
    pos = at + (i - b);
  }
}

/* ---- versions and status strings ----------------------------------------- */

static void test_version(void **state) {
  (void)state;
  char want[32];
  snprintf(want, sizeof want, "%d.%d.%d", RECAP_VERSION_MAJOR,
           RECAP_VERSION_MINOR, RECAP_VERSION_PATCH);
  assert_string_equal(recap_version(), want);
  assert_string_equal(recap_version(), RECAP_VERSION_STRING);
  assert_int_equal(recap_version_number(), RECAP_VERSION_NUMBER);
  assert_int_equal(recap_version_number(), (RECAP_VERSION_MAJOR << 16) |
                                               (RECAP_VERSION_MINOR << 8) |
                                               RECAP_VERSION_PATCH);
  /* 0.1.0 is 0x000100. */
  assert_int_equal(RECAP_VERSION_NUMBER, 0x000100);
}

/* ---- names of languages and formats -------------------------------------- */

static void test_language_names(void **state) {
  (void)state;
  size_t n = 0;
  while (recap_language_name(n))
    n++;
  assert_int_equal(n, 38); /* the 28 Snowball languages, Chinese, Japanese and
                             eight without a stemmer */
  for (size_t i = 0; i < n; i++) {
    const char *name = recap_language_name(i);
    assert_string_equal(recap_language_lookup(name), name);
    assert_true(recap_language_features(name) & RECAP_LANGUAGE_LISTS);
    if (i)
      assert_true(strcmp(recap_language_name(i - 1), name) < 0);
  }
  assert_string_equal(recap_language_lookup("en"), "english");
  assert_string_equal(recap_language_lookup("English"), "english");
  assert_string_equal(recap_language_lookup("nb"), "norwegian");
  assert_string_equal(recap_language_lookup("NONE"), "none");
  assert_null(recap_language_lookup("auto"));
  assert_null(recap_language_lookup("klingon"));
  assert_null(recap_language_lookup(""));
  assert_null(recap_language_lookup(NULL));
  assert_true(recap_language_features("en") & RECAP_LANGUAGE_STEMMER);
  assert_false(recap_language_features("zh") & RECAP_LANGUAGE_STEMMER);
  assert_true(recap_language_features("zh") & RECAP_LANGUAGE_NO_SPACES);
  assert_false(recap_language_features("ja") & RECAP_LANGUAGE_LEXICON);
  assert_int_equal(recap_language_features("none"), 0);
  assert_int_equal(recap_language_features("klingon"), 0);
}

static void test_format_names(void **state) {
  (void)state;
  for (int f = RECAP_INPUT_AUTO; f <= RECAP_INPUT_JSON; f++) {
    recap_input_format got = RECAP_INPUT_AUTO;
    const char *name = recap_input_format_name((recap_input_format)f);
    assert_non_null(name);
    assert_int_equal(recap_input_format_lookup(name, &got), RECAP_OK);
    assert_int_equal(got, f);
  }
  for (int f = RECAP_FORMAT_TEXT; f <= RECAP_FORMAT_HTML; f++) {
    recap_format got = RECAP_FORMAT_TEXT;
    const char *name = recap_format_name((recap_format)f);
    assert_non_null(name);
    assert_int_equal(recap_format_lookup(name, &got), RECAP_OK);
    assert_int_equal(got, f);
  }
  assert_string_equal(recap_input_format_name(RECAP_INPUT_VTT), "vtt");
  assert_string_equal(recap_format_name(RECAP_FORMAT_MARKDOWN), "markdown");
  assert_null(recap_input_format_name((recap_input_format)6));
  assert_null(recap_input_format_name((recap_input_format)-1));
  assert_null(recap_format_name((recap_format)5));
  recap_input_format in = RECAP_INPUT_SRT;
  assert_int_equal(recap_input_format_lookup("VTT", &in),
                   RECAP_ERR_INVALID_ARGUMENT);
  assert_int_equal(recap_input_format_lookup(NULL, &in),
                   RECAP_ERR_INVALID_ARGUMENT);
  assert_int_equal(in, RECAP_INPUT_SRT);
  recap_format out = RECAP_FORMAT_JSON;
  assert_int_equal(recap_format_lookup("html5", &out),
                   RECAP_ERR_INVALID_ARGUMENT);
  assert_int_equal(out, RECAP_FORMAT_JSON);
}

static void test_strerror(void **state) {
  (void)state;
  const char *seen[8];
  for (int st = RECAP_OK; st <= RECAP_ERR_BAD_TABLE; st++) {
    const char *m = recap_strerror((recap_status)st);
    assert_non_null(m);
    assert_true(strlen(m) > 0);
    for (int k = 0; k < st; k++)
      assert_string_not_equal(m, seen[k]);
    seen[st] = m;
  }
  /* The one message the header quotes. */
  assert_string_equal(recap_strerror(RECAP_ERR_NOMEM), "out of memory");
  const int bad[] = {8, 99, -1, 1 << 20};
  for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
    const char *m = recap_strerror((recap_status)bad[i]);
    assert_non_null(m);
    assert_true(strlen(m) > 0);
    assert_string_not_equal(m, recap_strerror(RECAP_OK));
  }
}

static void test_options_defaults(void **state) {
  (void)state;
  recap_options o;
  memset(&o, 0xA5, sizeof o);
  recap_options_init(&o);
  assert_string_equal(o.language, "auto");
  assert_int_equal(o.input_format, RECAP_INPUT_AUTO);
  assert_null(o.filename);
  assert_true(o.summary_sentences == RECAP_SENTENCES_AUTO);
  assert_true(o.summary_words == RECAP_UNLIMITED);
  assert_true(o.summary_ratio == 1.0);
  assert_int_equal(o.keyphrases, 10);
  assert_int_equal(o.chapters, 0);
  assert_null(o.query);
  assert_true(o.max_input_bytes == RECAP_DEFAULT_MAX_INPUT);
  assert_true(RECAP_DEFAULT_MAX_INPUT == (size_t)1024 * 1024 * 1024);
  assert_int_equal(o.scorer, RECAP_SCORER_FUSED);
  assert_int_equal(o.similarity, RECAP_SIMILARITY_BM25);
  assert_null((void *)(size_t)o.progress);
  assert_null(o.progress_user);
  assert_int_equal(o.flags, 0);
  recap_options_init(NULL); /* accepted */
}

/* ---- NULL arguments ------------------------------------------------------ */

static void test_null_arguments(void **state) {
  fixture *f = *state;
  const recap_status INV = RECAP_ERR_INVALID_ARGUMENT;
  recap_context *ctx = (recap_context *)1;
  recap_document *doc = NULL;
  recap_idf *idf = NULL;
  char *out = (char *)1;
  size_t len = 0;
  recap_sentence s;
  recap_segment seg;

  assert_int_equal(recap_context_new(NULL), INV);
  assert_int_equal(recap_context_new_with_allocator(NULL, &ctx), INV);
  counting c;
  recap_allocator a = counting_allocator(&c, 0, FAIL_ONLY);
  assert_int_equal(recap_context_new_with_allocator(&a, NULL), INV);
  recap_allocator broken = a;
  broken.malloc = NULL;
  assert_int_equal(recap_context_new_with_allocator(&broken, &ctx), INV);
  broken = a;
  broken.realloc = NULL;
  assert_int_equal(recap_context_new_with_allocator(&broken, &ctx), INV);
  broken = a;
  broken.free = NULL;
  assert_int_equal(recap_context_new_with_allocator(&broken, &ctx), INV);

  assert_int_equal(recap_context_add_stopwords(NULL, "english", "x\n", 2), INV);
  assert_int_equal(recap_context_add_stopwords(f->ctx, "english", NULL, 2),
                   INV);
  assert_int_equal(recap_context_add_stopwords(f->ctx, "english", NULL, 0),
                   RECAP_OK);
  assert_int_equal(recap_context_load_idf(NULL, "", 0), INV);
  assert_int_equal(recap_context_load_idf(f->ctx, NULL, 3), INV);
  assert_int_equal(recap_context_load_idf(f->ctx, NULL, 0), RECAP_OK);
  assert_non_null(recap_context_error(NULL));

  assert_int_equal(recap_document_new(NULL, &doc), INV);
  assert_int_equal(recap_document_new(f->ctx, NULL), INV);
  assert_int_equal(recap_document_analyze(NULL, "x", 1, NULL), INV);
  assert_int_equal(recap_document_analyze(f->doc, NULL, 5, NULL), INV);
  assert_empty(f->doc);
  assert_non_null(recap_document_error(NULL));
  double conf = 5;
  assert_non_null(recap_document_language(NULL, &conf));
  assert_non_null(recap_document_language(NULL, NULL));
  (void)recap_document_input_format(NULL);
  assert_int_equal(recap_document_word_count(NULL), 0);
  assert_true(recap_document_duration(NULL) == -1);

  assert_int_equal(recap_summary_count(NULL), 0);
  assert_null(recap_summary_at(NULL, 0));
  assert_int_equal(recap_sentence_count(NULL), 0);
  assert_int_equal(recap_sentence_get(NULL, 0, &s), INV);
  assert_int_equal(recap_sentence_text(NULL, 0, &out, &len), INV);
  assert_int_equal(recap_keyphrase_count(NULL), 0);
  assert_null(recap_keyphrase_at(NULL, 0));
  assert_int_equal(recap_chapter_count(NULL), 0);
  assert_null(recap_chapter_at(NULL, 0));
  assert_int_equal(recap_speaker_count(NULL), 0);
  assert_null(recap_speaker_at(NULL, 0));
  assert_int_equal(recap_segment_count(NULL), 0);
  assert_int_equal(recap_segment_get(NULL, 0, &seg), INV);

  analyze_ok(f->doc, PLAIN, strlen(PLAIN), NULL);
  assert_int_equal(recap_sentence_get(f->doc, 0, NULL), INV);
  assert_int_equal(recap_sentence_text(f->doc, 0, NULL, &len), INV);
  assert_int_equal(recap_segment_get(f->doc, 0, NULL), INV);

  assert_int_equal(recap_render(NULL, RECAP_FORMAT_JSON, &out, &len), INV);
  assert_int_equal(recap_render(f->doc, RECAP_FORMAT_JSON, NULL, &len), INV);
  assert_int_equal(recap_summarize(PLAIN, strlen(PLAIN), NULL,
                                   RECAP_FORMAT_TEXT, NULL, &len),
                   INV);
  out = (char *)1;
  assert_int_equal(
      recap_summarize(NULL, 4, NULL, RECAP_FORMAT_TEXT, &out, &len), INV);
  assert_null(out);

  assert_int_equal(recap_jsonl_process(NULL, "{}", 2, NULL, &out, &len), INV);
  assert_int_equal(recap_jsonl_process(f->doc, "{}", 2, NULL, NULL, &len), INV);
  assert_int_equal(recap_jsonl_process(f->doc, NULL, 2, NULL, &out, &len), INV);

  assert_int_equal(recap_idf_new(NULL, &idf), INV);
  assert_int_equal(recap_idf_new(f->ctx, NULL), INV);
  assert_int_equal(recap_idf_new(f->ctx, &idf), RECAP_OK);
  assert_int_equal(recap_idf_add_document(NULL, f->doc), INV);
  assert_int_equal(recap_idf_add_document(idf, NULL), INV);
  assert_int_equal(recap_idf_add_table(NULL, "", 0), INV);
  assert_int_equal(recap_idf_add_table(idf, NULL, 4), INV);
  assert_int_equal(recap_idf_add_table(idf, NULL, 0), RECAP_OK);
  assert_int_equal(recap_idf_render(NULL, &out, &len), INV);
  assert_non_null(recap_idf_error(NULL));
  assert_int_equal(recap_idf_render(idf, NULL, &len), INV);
  recap_idf_free(idf);

  /* Free functions accept NULL. */
  recap_free(NULL);
  recap_idf_free(NULL);
  recap_document_free(NULL);
  recap_context_free(NULL);
}

/* ---- analysis: empty, invalid, limits ------------------------------------ */

static void test_empty_text(void **state) {
  fixture *f = *state;
  analyze_ok(f->doc, NULL, 0, NULL);
  assert_empty(f->doc);
  /* Text without any words is not an error either. */
  const char *blank[] = {"", "   \n\n\t  \n", "\xEF\xBB\xBF", "\n\r\n"};
  for (size_t i = 0; i < sizeof blank / sizeof *blank; i++) {
    recap_options o = english();
    o.flags = RECAP_OPT_CHAPTERS | RECAP_OPT_SPEAKERS;
    analyze_ok(f->doc, blank[i], strlen(blank[i]), &o);
    assert_int_equal(recap_sentence_count(f->doc), 0);
    assert_int_equal(recap_summary_count(f->doc), 0);
    assert_int_equal(recap_keyphrase_count(f->doc), 0);
    assert_int_equal(recap_chapter_count(f->doc), 0);
    assert_int_equal(recap_document_word_count(f->doc), 0);
    for (int fmt = 0; fmt <= RECAP_FORMAT_HTML; fmt++) {
      char *r = render(f->doc, (recap_format)fmt);
      if (fmt == RECAP_FORMAT_JSON)
        assert_true(json_valid(r, strlen(r)));
      free(r);
    }
  }
}

static void expect_invalid(recap_document *doc, recap_options *o,
                           recap_status want) {
  assert_int_equal(recap_document_analyze(doc, PLAIN, strlen(PLAIN), o), want);
  assert_true(strlen(recap_document_error(doc)) > 0);
  assert_empty(doc);
}

/* recap_options.progress: shares that never go back, end at 1, come at
   most about a thousand times, and the document forgets the callback. */
typedef struct progress_log {
  double last;
  size_t calls;
  int backwards;
} progress_log;

static void log_progress(void *user, double done) {
  progress_log *l = user;
  if (done < l->last || done < 0 || done > 1)
    l->backwards = 1;
  l->last = done;
  l->calls++;
}

static void test_progress(void **state) {
  fixture *f = *state;
  size_t len;
  char *text = slurp("examples/webinar.vtt", &len);
  /* Long enough for the term pass to report from inside. */
  size_t n = 40 * len;
  char *big = malloc(n + 1);
  assert_non_null(big);
  memcpy(big, text, len);
  for (size_t k = len; k < n; k += len - 6) /* drop the later WEBVTT lines */
    memcpy(big + k, text + 6, k + len - 6 <= n ? len - 6 : n - k);
  for (int flags = 0; flags < 2; flags++) {
    progress_log l = {0, 0, 0};
    recap_options o;
    recap_options_init(&o);
    o.progress = log_progress;
    o.progress_user = &l;
    if (flags)
      o.flags = RECAP_OPT_CHAPTERS | RECAP_OPT_SPEAKERS;
    analyze_ok(f->doc, big, n, &o);
    assert_false(l.backwards);
    assert_true(l.last == 1.0);
    assert_true(l.calls >= 5 && l.calls <= 1001);
    /* Rendering and a failed analysis call nothing. */
    size_t calls = l.calls;
    char *out;
    assert_int_equal(recap_render(f->doc, RECAP_FORMAT_JSON, &out, NULL),
                     RECAP_OK);
    recap_free(out);
    o.language = "klingon";
    assert_int_not_equal(recap_document_analyze(f->doc, big, n, &o), RECAP_OK);
    assert_true(l.calls - calls <= 3 && l.last < 1.0 + 1e-9);
  }
  free(big);
  free(text);
}

static void test_invalid_options(void **state) {
  fixture *f = *state;
  recap_options o;
  const double ratios[] = {1.5, -0.1, 1.0000001, NAN, INFINITY, -INFINITY};
  for (size_t i = 0; i < sizeof ratios / sizeof *ratios; i++) {
    o = english();
    o.summary_ratio = ratios[i];
    expect_invalid(f->doc, &o, RECAP_ERR_INVALID_ARGUMENT);
  }
  o = english();
  o.scorer = (recap_scorer)3;
  expect_invalid(f->doc, &o, RECAP_ERR_INVALID_ARGUMENT);
  o = english();
  o.scorer = (recap_scorer)-1;
  expect_invalid(f->doc, &o, RECAP_ERR_INVALID_ARGUMENT);
  o = english();
  o.similarity = (recap_similarity)3;
  expect_invalid(f->doc, &o, RECAP_ERR_INVALID_ARGUMENT);
  o = english();
  o.input_format = (recap_input_format)6;
  expect_invalid(f->doc, &o, RECAP_ERR_INVALID_ARGUMENT);

  o = english();
  o.language = "klingon";
  expect_invalid(f->doc, &o, RECAP_ERR_UNKNOWN_LANGUAGE);
  assert_non_null(strstr(recap_document_error(f->doc), "klingon"));

  /* The boundaries themselves are valid. */
  const double fine[] = {0.0, 1.0, 0.5};
  for (size_t i = 0; i < sizeof fine / sizeof *fine; i++) {
    o = english();
    o.summary_ratio = fine[i];
    analyze_ok(f->doc, PLAIN, strlen(PLAIN), &o);
  }
  /* Language by code, any case. */
  o = english();
  o.language = "EN";
  analyze_ok(f->doc, PLAIN, strlen(PLAIN), &o);
  assert_string_equal(recap_document_language(f->doc, NULL), "english");
  double conf = -5;
  assert_string_equal(recap_document_language(f->doc, &conf), "english");
  assert_true(conf == 1.0); /* given, not detected */
  o = english();
  o.language = "auto";
  analyze_ok(f->doc, PLAIN, strlen(PLAIN), &o);
  assert_string_equal(recap_document_language(f->doc, &conf), "english");
  assert_true(conf > 0 && conf <= 1);
  o.language = "none";
  analyze_ok(f->doc, PLAIN, strlen(PLAIN), &o);
  assert_string_equal(recap_document_language(f->doc, &conf), "none");
}

/* How the language was chosen, or why it is none; and the encoding read. */
static void test_language_reason_and_encoding(void **state) {
  fixture *f = *state;
  recap_options o = english();
  analyze_ok(f->doc, PLAIN, strlen(PLAIN), &o);
  assert_string_equal(recap_document_language_reason(f->doc), "given");
  assert_string_equal(recap_document_encoding(f->doc), "UTF-8");
  o.language = "none";
  analyze_ok(f->doc, PLAIN, strlen(PLAIN), &o);
  assert_string_equal(recap_document_language_reason(f->doc), "given");
  o.language = "auto";
  analyze_ok(f->doc, PLAIN, strlen(PLAIN), &o);
  assert_string_equal(recap_document_language_reason(f->doc), "detected");
  o.filename = "talk.fr.srt";
  analyze_ok(f->doc, "1\n00:00:01,000 --> 00:00:02,000\nBonjour.\n", 41, &o);
  assert_string_equal(recap_document_language_reason(f->doc), "file name");
  o.filename = NULL;
  /* Latvian (written for this test): no language recap knows writes
     both ā and ē, so the ones with a stopword here are ruled out. */
  const char *lv = "\xC5\xA0odien m\xC4\x93s apspried\xC4\x81m n\xC4\x81kam\xC4"
                   "\x81 gada bud\xC5\xBE"
                   "etu un jaun\xC4\x81s \xC4\x93kas.";
  analyze_ok(f->doc, lv, strlen(lv), &o);
  assert_string_equal(recap_document_language(f->doc, NULL), "none");
  assert_string_equal(recap_document_language_reason(f->doc), "alphabet");
  analyze_ok(f->doc, "12 34 !!", 8, &o);
  assert_string_equal(recap_document_language_reason(f->doc), "no letters");
  /* "Caf\xe9 caf\xe9": no valid UTF-8 sequence beyond ASCII. */
  const char *cp = "The caf\xe9 is open and the caf\xe9 is busy.";
  analyze_ok(f->doc, cp, strlen(cp), &o);
  assert_string_equal(recap_document_encoding(f->doc), "windows-1252");
  const char u16[] = "\xFF\xFEH\0i\0.\0";
  analyze_ok(f->doc, u16, sizeof u16 - 1, &o);
  assert_string_equal(recap_document_encoding(f->doc), "UTF-16LE");
  assert_string_equal(recap_document_language_reason(NULL), "unsure");
  assert_string_equal(recap_document_encoding(NULL), "UTF-8");
}

/* The languages of the sentences and their shares of the letters: one
   language alone; an English meeting where a speaker answers in Spanish
   (written for this test); a bilingual Chinese/English caption; nothing
   detected. */
static void test_language_shares(void **state) {
  fixture *f = *state;
  recap_options o = english();
  o.language = "auto";
  analyze_ok(f->doc, PLAIN, strlen(PLAIN), &o);
  assert_int_equal(recap_document_language_count(f->doc), 1);
  double share = -1;
  assert_string_equal(recap_document_language_at(f->doc, 0, &share), "english");
  assert_true(share == 1.0);
  assert_null(recap_document_language_at(f->doc, 1, &share));
  assert_true(share == 0);
  assert_string_equal(recap_document_language_at(f->doc, 0, NULL), "english");

  const char *mixed =
      "We need to decide today who orders the new chairs for the hall.\n"
      "The supplier wants an answer before the end of the week.\n"
      "Yo puedo llamar al proveedor ma\xC3\xB1"
      "ana por la ma\xC3\xB1"
      "ana.\n"
      "Y tambi\xC3\xA9n puedo preguntar por el precio de las mesas.\n"
      "Thank you, then the chairs are settled and we move on to the budget.\n";
  analyze_ok(f->doc, mixed, strlen(mixed), &o);
  assert_string_equal(recap_document_language(f->doc, NULL), "english");
  assert_int_equal(recap_document_language_count(f->doc), 2);
  double en, es;
  assert_string_equal(recap_document_language_at(f->doc, 0, &en), "english");
  assert_string_equal(recap_document_language_at(f->doc, 1, &es), "spanish");
  assert_true(en > es && es > 0.05);
  assert_true(fabs(en + es - 1) < 1e-9);
  /* Asked for in Spanish, the shares are what the text holds. */
  o.language = "es";
  analyze_ok(f->doc, mixed, strlen(mixed), &o);
  assert_string_equal(recap_document_language_at(f->doc, 0, NULL), "english");

  /* One Spanish sentence is too few to list (a quotation, or a sentence
     taken for another language): its letters count for English. */
  o.language = "auto";
  const char *one = "We need to decide today who orders the new chairs.\n"
                    "The supplier wants an answer before the end of the week.\n"
                    "Yo puedo llamar al proveedor por la tarde.\n"
                    "Thank you, then the chairs are settled.\n";
  analyze_ok(f->doc, one, strlen(one), &o);
  assert_int_equal(recap_document_language_count(f->doc), 1);
  assert_string_equal(recap_document_language_at(f->doc, 0, &share), "english");
  assert_true(share == 1.0);

  /* A bilingual caption: both texts, each with its share. */
  const char *srt = "1\n00:00:01,000 --> 00:00:03,000\n"
                    "\xE6\x88\x91\xE4\xBB\xAC\xE4\xBB\x8A\xE5\xA4\xA9"
                    "\xE7\xA7\x8D\xE6\xA0\x91\xE3\x80\x82\n"
                    "Today we are planting trees.\n\n"
                    "2\n00:00:03,000 --> 00:00:05,000\n"
                    "\xE6\xA0\x91\xE8\x8B\x97\xE5\xBE\x88\xE5\xB0\x8F"
                    "\xE3\x80\x82\n"
                    "The young trees are very small.\n\n"
                    "3\n00:00:05,000 --> 00:00:07,000\n"
                    "\xE6\x88\x91\xE4\xBB\xAC\xE9\x9C\x80\xE8\xA6\x81"
                    "\xE6\xB0\xB4\xE3\x80\x82\n"
                    "We need water for all of them.\n";
  o.filename = "trees.zh-CN.srt";
  analyze_ok(f->doc, srt, strlen(srt), &o);
  o.filename = NULL;
  assert_string_equal(recap_document_language(f->doc, NULL), "chinese");
  assert_int_equal(recap_document_language_count(f->doc), 2);
  double first, second;
  const char *a = recap_document_language_at(f->doc, 0, &first);
  const char *b = recap_document_language_at(f->doc, 1, &second);
  assert_true((strcmp(a, "chinese") == 0 && strcmp(b, "english") == 0) ||
              (strcmp(a, "english") == 0 && strcmp(b, "chinese") == 0));
  assert_true(first >= second && second > 0);
  assert_true(fabs(first + second - 1) < 1e-9);

  /* Nothing detected: no language. */
  analyze_ok(f->doc, "12 34 !!", 8, &o);
  assert_int_equal(recap_document_language_count(f->doc), 0);
  assert_null(recap_document_language_at(f->doc, 0, NULL));
  assert_int_equal(recap_document_language_count(NULL), 0);
  assert_null(recap_document_language_at(NULL, 0, &share));
  assert_true(share == 0);
}

/* With "auto", a subtitle file's name declares its language ("talk.fr.srt",
   "talk.zh-CN.vtt"): it wins over detection, with confidence 1; a given
   language wins over it; a name without a known tag leaves detection. */
static void test_filename_language(void **state) {
  fixture *f = *state;
  static const struct {
    const char *filename, *language, *want;
  } cases[] = {
      {"talk.fr.srt", "auto", "french"},
      {"dir.x/talk.zh-CN.vtt", NULL, "chinese"},
      {"talk.de_AT.txt", "auto", "german"},
      {"talk.fr.srt", "english", "english"},
      {"talk.srt", "auto", "english"},
      {"talk.xx.srt", "auto", "english"},
      {"talk.v2.txt", "auto", "english"},
      {"fr.srt", "auto", "english"},
  };
  for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
    recap_options o = english();
    o.language = cases[i].language;
    o.filename = cases[i].filename;
    analyze_ok(f->doc, PLAIN, strlen(PLAIN), &o);
    double conf = -1;
    const char *got = recap_document_language(f->doc, &conf);
    if (strcmp(got, cases[i].want) != 0)
      fail_msg("%s with language %s: %s, not %s", cases[i].filename,
               cases[i].language ? cases[i].language : "NULL", got,
               cases[i].want);
    if (strcmp(cases[i].want, "english") != 0)
      assert_true(conf == 1.0);
  }
}

static void test_too_large(void **state) {
  fixture *f = *state;
  recap_options o = english();
  size_t n = strlen(PLAIN);
  o.max_input_bytes = n - 1;
  expect_invalid(f->doc, &o, RECAP_ERR_TOO_LARGE);
  o.max_input_bytes = 0;
  expect_invalid(f->doc, &o, RECAP_ERR_TOO_LARGE);
  analyze_ok(f->doc, NULL, 0, &o); /* 0 bytes fit a limit of 0 */
  o.max_input_bytes = n;           /* exactly the limit fits */
  analyze_ok(f->doc, PLAIN, n, &o);
  assert_int_equal(recap_sentence_count(f->doc), PLAIN_SENTENCES);
}

static void test_strict_utf8(void **state) {
  fixture *f = *state;
  static const char *bad[] = {
      "The caf\xE9 opened early. The bakery next door opened late.\n",
      "Overlong \xC0\xAF slash here. And another sentence follows.\n",
      "A surrogate \xED\xA0\x80 here. And another sentence follows.\n",
      "Truncated at the end \xE2\x82",
      "Too big \xF4\x90\x80\x80 code point. More words follow here.\n",
  };
  for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
    recap_options o = english();
    o.flags = RECAP_OPT_STRICT_UTF8;
    assert_int_equal(recap_document_analyze(f->doc, bad[i], strlen(bad[i]), &o),
                     RECAP_ERR_BAD_ENCODING);
    assert_true(strlen(recap_document_error(f->doc)) > 0);
    assert_empty(f->doc);
    /* Without the flag the text is repaired, and every string is valid. */
    o.flags = 0;
    o.summary_sentences = 10;
    analyze_ok(f->doc, bad[i], strlen(bad[i]), &o);
    assert_true(recap_sentence_count(f->doc) >= 1);
    for (size_t k = 0; k < recap_sentence_count(f->doc); k++) {
      char *t;
      size_t n;
      assert_int_equal(recap_sentence_text(f->doc, k, &t, &n), RECAP_OK);
      assert_true(utf8_valid(t, n));
      recap_free(t);
    }
    for (int fmt = 0; fmt <= RECAP_FORMAT_HTML; fmt++) {
      char *r = render(f->doc, (recap_format)fmt);
      assert_true(utf8_valid(r, strlen(r)));
      free(r);
    }
  }
  /* Valid UTF-8 passes the strict check. */
  const char *good = "The caf\xC3\xA9 opened early. The bakery next door "
                     "opened late.\n";
  recap_options o = english();
  o.flags = RECAP_OPT_STRICT_UTF8;
  analyze_ok(f->doc, good, strlen(good), &o);
  assert_int_equal(recap_sentence_count(f->doc), 2);
}

static void test_failed_analysis_is_reusable(void **state) {
  fixture *f = *state;
  recap_options o = english();
  o.flags = RECAP_OPT_CHAPTERS;
  analyze_ok(f->doc, PLAIN, strlen(PLAIN), &o);
  char *first = render_all(f->doc);
  assert_int_equal(recap_sentence_count(f->doc), PLAIN_SENTENCES);

  recap_options bad = o;
  bad.language = "klingon";
  assert_int_equal(recap_document_analyze(f->doc, PLAIN, strlen(PLAIN), &bad),
                   RECAP_ERR_UNKNOWN_LANGUAGE);
  assert_empty(f->doc);
  bad = o;
  bad.input_format = RECAP_INPUT_VTT; /* no WEBVTT header */
  assert_int_equal(recap_document_analyze(f->doc, PLAIN, strlen(PLAIN), &bad),
                   RECAP_ERR_BAD_FORMAT);
  assert_true(strlen(recap_document_error(f->doc)) > 0);
  assert_empty(f->doc);
  bad = o;
  bad.input_format = RECAP_INPUT_JSON;
  assert_int_equal(recap_document_analyze(f->doc, PLAIN, strlen(PLAIN), &bad),
                   RECAP_ERR_BAD_FORMAT);
  assert_empty(f->doc);

  analyze_ok(f->doc, PLAIN, strlen(PLAIN), &o);
  char *again = render_all(f->doc);
  assert_string_equal(first, again);
  free(first);
  free(again);
}

/* ---- determinism --------------------------------------------------------- */

static void test_deterministic(void **state) {
  fixture *f = *state;
  const char *files[] = {"examples/webinar.txt", "examples/webinar.vtt"};
  for (size_t i = 0; i < 3; i++) {
    size_t len;
    char *text = i < 2 ? slurp(files[i], &len) : NULL;
    if (!text) {
      text = malloc(sizeof PLAIN);
      assert_non_null(text);
      memcpy(text, PLAIN, sizeof PLAIN);
      len = strlen(PLAIN);
    }
    recap_options o;
    recap_options_init(&o);
    o.flags = RECAP_OPT_CHAPTERS | RECAP_OPT_SPEAKERS;
    analyze_ok(f->doc, text, len, &o);
    char *a = render_all(f->doc);
    analyze_ok(f->doc, text, len, &o);
    char *b = render_all(f->doc);
    assert_string_equal(a, b);

    /* A fresh context and document, and a text at another address. */
    recap_context *ctx;
    recap_document *doc;
    assert_int_equal(recap_context_new(&ctx), RECAP_OK);
    assert_int_equal(recap_document_new(ctx, &doc), RECAP_OK);
    char *copy = malloc(len + 1);
    assert_non_null(copy);
    memcpy(copy, text, len + 1);
    analyze_ok(doc, copy, len, &o);
    free(copy); /* the text is not retained */
    char *c = render_all(doc);
    assert_string_equal(a, c);
    recap_document_free(doc);
    recap_context_free(ctx);

    /* Another text in between does not change the result. */
    analyze_ok(f->doc, "Something else entirely. Short.", 31, &o);
    analyze_ok(f->doc, text, len, &o);
    char *d = render_all(f->doc);
    assert_string_equal(a, d);
    free(a);
    free(b);
    free(c);
    free(d);
    free(text);
  }
}

/* recap_document_analyze_given(): the same results and errors as
   recap_document_analyze() for every way decoding treats a text (clean,
   rewritten in place, past a BOM, transcoded into a new buffer, refused),
   for plain text (whose content keeps the buffer) and transcripts (which
   free it once read); the document reused in any order.  ASan and
   make valgrind check that each buffer is freed once. */
static void test_analyze_given(void **state) {
  fixture *f = *state;
  static const char utf16[] = "\xFF\xFEO\0n\0e\0 \0w\0o\0r\0d\0.\0";
  static const char binary[] = "a\0\0\0\0\0\0\0\0\0\0\x01\x02\x03\x04z";
  const struct {
    const char *s;
    size_t n;
    recap_input_format format;
  } texts[] = {
      {PLAIN, sizeof PLAIN - 1, RECAP_INPUT_AUTO},
      {"The depot opens in June.\r\nIt charges forty buses.\r\n"
       "The depot was funded by a grant.\r\n",
       0, RECAP_INPUT_AUTO},
      {"\xEF\xBB\xBFThe caf\xC3\xA9 reopened today. Its owner renovated "
       "the kitchen.",
       0, RECAP_INPUT_AUTO},
      {"\xEF\xBB\xBF"
       "Alice: The depot budget is two million.\n"
       "Bob: The board approves the depot budget.\nAlice: Good.\n",
       0, RECAP_INPUT_TRANSCRIPT},
      {"Alice: The depot budget is two million.\r\n"
       "Bob: The caf\xE9 board approves the depot budget.\r\n",
       0, RECAP_INPUT_TRANSCRIPT},
      {"The caf\xE9 reopened today. Its owner renovated the kitchen.", 0,
       RECAP_INPUT_AUTO},
      {utf16, sizeof utf16 - 1, RECAP_INPUT_AUTO},
      {binary, sizeof binary - 1, RECAP_INPUT_AUTO},
      {"WEBVTT\n\n00:00:01.000 --> 00:00:04.000\nThe depot opens in June.\n", 0,
       RECAP_INPUT_AUTO},
      {"", 0, RECAP_INPUT_AUTO},
  };
  recap_document *other;
  assert_int_equal(recap_document_new(f->ctx, &other), RECAP_OK);
  for (size_t i = 0; i < sizeof texts / sizeof *texts; i++) {
    size_t n = texts[i].n ? texts[i].n : strlen(texts[i].s);
    recap_options o;
    recap_options_init(&o);
    o.input_format = texts[i].format;
    o.flags = RECAP_OPT_CHAPTERS | RECAP_OPT_SPEAKERS;
    recap_status want = recap_document_analyze(other, texts[i].s, n, &o);
    char *a = want == RECAP_OK ? render_all(other) : NULL;
    /* Twice into one document: the second reuses what the first kept. */
    for (int round = 0; round < 2; round++) {
      char *given = malloc(n + 7); /* larger than the text may be */
      assert_non_null(given);
      memcpy(given, texts[i].s, n);
      memset(given + n, 'x', 7);
      recap_status st = recap_document_analyze_given(f->doc, given, n, &o);
      assert_int_equal(st, want);
      if (st == RECAP_OK) {
        char *b = render_all(f->doc);
        assert_string_equal(a, b);
        free(b);
        assert_string_equal(recap_document_encoding(f->doc),
                            recap_document_encoding(other));
      } else {
        assert_string_equal(recap_document_error(f->doc),
                            recap_document_error(other));
      }
    }
    free(a);
  }
  /* A NULL document: the text stays the caller's. */
  char *mine = malloc(4);
  assert_non_null(mine);
  assert_int_equal(recap_document_analyze_given(NULL, mine, 4, NULL),
                   RECAP_ERR_INVALID_ARGUMENT);
  free(mine);
  recap_document_free(other);
}

/* ---- budgets ------------------------------------------------------------- */

static void check_summary_sentences(const recap_document *doc) {
  for (size_t i = 0; i < recap_summary_count(doc); i++) {
    const recap_sentence *s = recap_summary_at(doc, i);
    assert_non_null(s);
    assert_non_null(s->text);
    assert_int_equal(strlen(s->text), s->text_length);
    assert_int_equal(count_words(s->text, s->text_length), s->words);
  }
}

static void test_word_budget(void **state) {
  fixture *f = *state;
  size_t len;
  char *text = slurp("examples/webinar.txt", &len);
  const size_t budgets[] = {1,  2,  3,  4,  5,  7,   10,  13,  17,  20,  25, 30,
                            40, 50, 64, 75, 99, 100, 128, 150, 175, 199, 200};
  for (size_t b = 0; b < sizeof budgets / sizeof *budgets; b++) {
    size_t n = budgets[b];
    recap_options o = english();
    o.summary_words = n;
    o.summary_sentences = 5; /* both limits hold */
    analyze_ok(f->doc, text, len, &o);
    check_summary_sentences(f->doc);
    assert_true(summary_words(f->doc) <= n);
    assert_true(recap_summary_count(f->doc) <= 5);
    for (size_t i = 0; i < recap_summary_count(f->doc); i++) {
      const char *t = recap_summary_at(f->doc, i)->text;
      size_t tl = strlen(t);
      assert_false(tl >= 3 && strcmp(t + tl - 3, "...") == 0);
    }
    /* The same on the short plain text. */
    analyze_ok(f->doc, PLAIN, strlen(PLAIN), &o);
    check_summary_sentences(f->doc);
    assert_true(summary_words(f->doc) <= n);

    /* Cut: exactly n words, with no sentence limit in the way; only the
       last sentence chosen may be cut. */
    o.summary_sentences = RECAP_UNLIMITED;
    o.flags = RECAP_OPT_CUT_LAST | RECAP_OPT_SCORE_ORDER;
    analyze_ok(f->doc, text, len, &o);
    check_summary_sentences(f->doc);
    if (summary_words(f->doc) != n)
      fail_msg("budget %zu: %zu words with RECAP_OPT_CUT_LAST", n,
               summary_words(f->doc));
    size_t k = recap_summary_count(f->doc), cut = 0;
    assert_true(k >= 1);
    for (size_t i = 0; i < k; i++) {
      const char *t = recap_summary_at(f->doc, i)->text;
      size_t tl = strlen(t);
      cut += tl >= 3 && strcmp(t + tl - 3, "...") == 0;
    }
    assert_true(cut <= 1); /* score order: the cut one need not be last */
    /* Document order gives the same set. */
    o.flags = RECAP_OPT_CUT_LAST;
    analyze_ok(f->doc, text, len, &o);
    assert_int_equal(summary_words(f->doc), n);
    assert_int_equal(recap_summary_count(f->doc), k);
  }
  free(text);
}

static void test_sentence_limit(void **state) {
  fixture *f = *state;
  for (size_t k = 0; k <= 8; k++) {
    recap_options o = english();
    o.summary_sentences = k;
    analyze_ok(f->doc, PLAIN, strlen(PLAIN), &o);
    /* PLAIN has more than 8 eligible, distinct sentences. */
    assert_int_equal(recap_summary_count(f->doc), k);
    assert_null(recap_summary_at(f->doc, k));
    /* Document order: indexes increase. */
    for (size_t i = 1; i < k; i++)
      assert_true(recap_summary_at(f->doc, i - 1)->index <
                  recap_summary_at(f->doc, i)->index);
    size_t in_order[8];
    for (size_t i = 0; i < k; i++)
      in_order[i] = recap_summary_at(f->doc, i)->index;
    /* Score order: the same sentences, best first.  (The order is the
       order of selection, which is not always by decreasing `score`.) */
    o.flags = RECAP_OPT_SCORE_ORDER;
    analyze_ok(f->doc, PLAIN, strlen(PLAIN), &o);
    assert_int_equal(recap_summary_count(f->doc), k);
    for (size_t i = 0; i < k; i++) {
      size_t idx = recap_summary_at(f->doc, i)->index, found = 0;
      for (size_t j = 0; j < k; j++)
        found += in_order[j] == idx;
      assert_int_equal(found, 1);
    }
  }
  /* Never more than there are sentences. */
  recap_options o = english();
  o.summary_sentences = RECAP_UNLIMITED;
  analyze_ok(f->doc, PLAIN, strlen(PLAIN), &o);
  assert_true(recap_summary_count(f->doc) <= PLAIN_SENTENCES);
  assert_true(recap_summary_count(f->doc) >= 9);
  for (size_t i = 1; i < recap_summary_count(f->doc); i++)
    assert_true(recap_summary_at(f->doc, i - 1)->index <
                recap_summary_at(f->doc, i)->index);
}

/* The default sentence count: 5, unless a word budget or a ratio is set,
   which then alone limit the summary (the CLI's -w and the JSON Lines
   "words" key rely on it). */
static void test_sentences_auto(void **state) {
  fixture *f = *state;
  recap_options o = english();
  assert_true(o.summary_sentences == RECAP_SENTENCES_AUTO);
  analyze_ok(f->doc, PLAIN, strlen(PLAIN), &o);
  assert_int_equal(recap_summary_count(f->doc), RECAP_DEFAULT_SENTENCES);
  o.summary_words = 1000;
  analyze_ok(f->doc, PLAIN, strlen(PLAIN), &o);
  assert_true(recap_summary_count(f->doc) > RECAP_DEFAULT_SENTENCES);
  o = english();
  o.summary_ratio = 0.5; /* 9 of 18 */
  analyze_ok(f->doc, PLAIN, strlen(PLAIN), &o);
  assert_int_equal(recap_summary_count(f->doc), 9);
  /* A count given still caps a budget. */
  o.summary_sentences = 2;
  o.summary_words = 1000;
  analyze_ok(f->doc, PLAIN, strlen(PLAIN), &o);
  assert_int_equal(recap_summary_count(f->doc), 2);
}

static void test_ratio(void **state) {
  fixture *f = *state;
  /* 18 sentences: ratio r allows ceil(18 r), at least one if r > 0. */
  struct {
    double ratio;
    size_t want;
  } cases[] = {{0.01, 1}, {0.05, 1}, {0.06, 2}, {0.1, 2},
               {0.12, 3}, {0.2, 4},  {0.25, 5}, {0.3, 6}};
  for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
    recap_options o = english();
    o.summary_ratio = cases[i].ratio;
    o.summary_sentences = 100;
    analyze_ok(f->doc, PLAIN, strlen(PLAIN), &o);
    if (recap_summary_count(f->doc) != cases[i].want)
      fail_msg("ratio %g: %zu sentences, want %zu", cases[i].ratio,
               recap_summary_count(f->doc), cases[i].want);
    /* The tightest limit wins. */
    o.summary_sentences = 1;
    analyze_ok(f->doc, PLAIN, strlen(PLAIN), &o);
    assert_int_equal(recap_summary_count(f->doc), 1);
  }
  recap_options o = english();
  o.summary_ratio = 0;
  analyze_ok(f->doc, PLAIN, strlen(PLAIN), &o);
  assert_int_equal(recap_summary_count(f->doc), 0);
  assert_true(recap_keyphrase_count(f->doc) > 0);
}

static void test_summary_and_keyphrases_off(void **state) {
  fixture *f = *state;
  recap_options o = english();
  o.summary_sentences = 0;
  analyze_ok(f->doc, PLAIN, strlen(PLAIN), &o);
  assert_int_equal(recap_summary_count(f->doc), 0);
  assert_int_equal(recap_keyphrase_count(f->doc), 10);
  assert_int_equal(recap_sentence_count(f->doc), PLAIN_SENTENCES);

  o = english();
  o.summary_words = 0;
  analyze_ok(f->doc, PLAIN, strlen(PLAIN), &o);
  assert_int_equal(recap_summary_count(f->doc), 0);
  assert_int_equal(recap_keyphrase_count(f->doc), 10);

  o = english();
  o.keyphrases = 0;
  analyze_ok(f->doc, PLAIN, strlen(PLAIN), &o);
  assert_int_equal(recap_keyphrase_count(f->doc), 0);
  assert_null(recap_keyphrase_at(f->doc, 0));
  assert_int_equal(recap_summary_count(f->doc), 5);

  for (size_t k = 1; k <= 12; k++) {
    o = english();
    o.keyphrases = k;
    analyze_ok(f->doc, PLAIN, strlen(PLAIN), &o);
    assert_int_equal(recap_keyphrase_count(f->doc), k);
    /* Best first. */
    for (size_t i = 1; i < k; i++)
      assert_true(recap_keyphrase_at(f->doc, i - 1)->score >=
                  recap_keyphrase_at(f->doc, i)->score);
  }
}

/* ---- offsets and times --------------------------------------------------- */

static void check_ranges(const recap_document *doc, const char *input,
                         size_t len, int ascii_plain) {
  size_t n = recap_sentence_count(doc);
  for (size_t i = 0; i < n; i++) {
    recap_sentence s;
    assert_int_equal(recap_sentence_get(doc, i, &s), RECAP_OK);
    assert_int_equal(s.index, i);
    assert_null(s.text);
    assert_int_equal(s.text_length, 0);
    assert_true(s.offset <= len && s.length <= len - s.offset);
    assert_true(s.length > 0);
    char *t;
    size_t tl = 99;
    assert_int_equal(recap_sentence_text(doc, i, &t, &tl), RECAP_OK);
    assert_int_equal(strlen(t), tl);
    /* (Only without fillers: see test_sentence_get_words.) */
    if (ascii_plain) {
      assert_int_equal(count_words(t, tl), s.words);
      assert_words_in(input, s.offset, s.length, t, tl);
    }
    recap_free(t);
    /* Sentences do not overlap and come in input order. */
    if (i + 1 < n) {
      recap_sentence next;
      assert_int_equal(recap_sentence_get(doc, i + 1, &next), RECAP_OK);
      assert_true(s.offset + s.length <= next.offset);
    }
  }
  for (size_t i = 0; i < recap_summary_count(doc); i++) {
    const recap_sentence *s = recap_summary_at(doc, i);
    assert_true(s->offset <= len && s->length <= len - s->offset);
    assert_true(s->index < n);
    recap_sentence same;
    assert_int_equal(recap_sentence_get(doc, s->index, &same), RECAP_OK);
    assert_int_equal(same.offset, s->offset);
    assert_int_equal(same.length, s->length);
    if (ascii_plain)
      assert_words_in(input, s->offset, s->length, s->text, s->text_length);
  }
  for (size_t i = 0; i < recap_keyphrase_count(doc); i++) {
    const recap_keyphrase *k = recap_keyphrase_at(doc, i);
    assert_int_equal(strlen(k->phrase), k->phrase_length);
    assert_true(k->offset <= len && k->length <= len - k->offset);
    assert_true(k->sentence < n);
    assert_true(k->count >= 1);
    recap_sentence s;
    assert_int_equal(recap_sentence_get(doc, k->sentence, &s), RECAP_OK);
    assert_true(k->offset >= s.offset &&
                k->offset + k->length <= s.offset + s.length);
    if (ascii_plain) {
      /* The first mention is the phrase itself. */
      assert_int_equal(k->length, k->phrase_length);
      assert_int_equal(find_ci(input, k->offset, k->offset + k->length,
                               k->phrase, k->phrase_length),
                       k->offset);
    }
  }
  size_t next_first = 0;
  for (size_t i = 0; i < recap_chapter_count(doc); i++) {
    const recap_chapter *c = recap_chapter_at(doc, i);
    assert_true(c->offset <= len && c->length <= len - c->offset);
    assert_int_equal(c->first_sentence, next_first);
    assert_true(c->sentence_count >= 1);
    next_first = c->first_sentence + c->sentence_count;
    recap_sentence first;
    assert_int_equal(recap_sentence_get(doc, c->first_sentence, &first),
                     RECAP_OK);
    assert_int_equal(c->offset, first.offset);
    assert_true(c->highlight_count <= 3); /* 0 to 3 */
    for (size_t h = 0; h < c->highlight_count; h++) {
      const recap_sentence *s = c->highlights[h];
      assert_true(s->index >= c->first_sentence && s->index < next_first);
      assert_true(s->offset >= c->offset &&
                  s->offset + s->length <= c->offset + c->length);
    }
    assert_non_null(c->title);
    assert_true(strlen(c->title) > 0);
  }
  if (recap_chapter_count(doc))
    assert_int_equal(next_first, n);
  for (size_t i = 0; i < recap_segment_count(doc); i++) {
    recap_segment g;
    assert_int_equal(recap_segment_get(doc, i, &g), RECAP_OK);
    assert_true(g.offset <= len && g.length <= len - g.offset);
  }
}

static void test_offsets(void **state) {
  fixture *f = *state;
  recap_options o = english();
  o.flags = RECAP_OPT_CHAPTERS | RECAP_OPT_SPEAKERS;
  o.summary_sentences = 8;
  analyze_ok(f->doc, PLAIN, strlen(PLAIN), &o);
  assert_int_equal(recap_sentence_count(f->doc), PLAIN_SENTENCES);
  assert_int_equal(recap_document_word_count(f->doc), PLAIN_WORDS);
  check_ranges(f->doc, PLAIN, strlen(PLAIN), 1);
  /* The plain text is one paragraph: one segment, the whole text. */
  assert_int_equal(recap_segment_count(f->doc), 1);
  recap_segment g;
  assert_int_equal(recap_segment_get(f->doc, 0, &g), RECAP_OK);
  assert_int_equal(g.offset, 0);
  assert_int_equal(g.length, strlen(PLAIN) - 1); /* without the newline */
  assert_null(g.speaker);
  /* The first sentence, by hand. */
  recap_sentence s;
  assert_int_equal(recap_sentence_get(f->doc, 0, &s), RECAP_OK);
  assert_int_equal(s.offset, 0);
  assert_int_equal(s.length, 66);
  assert_int_equal(s.words, 12);
  /* Another paragraph starts with sentence text at a known offset. */
  const char *two = "First paragraph has words.\n\n  Second one here too.\n";
  analyze_ok(f->doc, two, strlen(two), &o);
  assert_int_equal(recap_sentence_count(f->doc), 2);
  assert_int_equal(recap_segment_count(f->doc), 2);
  assert_int_equal(recap_sentence_get(f->doc, 1, &s), RECAP_OK);
  assert_int_equal(s.offset, 30);
  assert_int_equal(s.length, 20);
  check_ranges(f->doc, two, strlen(two), 1);

  const char *files[] = {"examples/webinar.txt", "examples/webinar.vtt"};
  for (size_t i = 0; i < 2; i++) {
    size_t len;
    char *text = slurp(files[i], &len);
    analyze_ok(f->doc, text, len, &o);
    check_ranges(f->doc, text, len, 0);
    free(text);
  }
}

static void test_times(void **state) {
  fixture *f = *state;
  recap_options o = english();
  o.flags = RECAP_OPT_CHAPTERS;
  analyze_ok(f->doc, PLAIN, strlen(PLAIN), &o);
  assert_true(recap_document_duration(f->doc) == -1);
  for (size_t i = 0; i < recap_sentence_count(f->doc); i++) {
    recap_sentence s;
    assert_int_equal(recap_sentence_get(f->doc, i, &s), RECAP_OK);
    assert_true(s.start == -1 && s.end == -1);
    assert_null(s.speaker);
  }
  for (size_t i = 0; i < recap_summary_count(f->doc); i++)
    assert_true(recap_summary_at(f->doc, i)->start == -1);
  for (size_t i = 0; i < recap_keyphrase_count(f->doc); i++)
    assert_true(recap_keyphrase_at(f->doc, i)->start == -1);
  for (size_t i = 0; i < recap_chapter_count(f->doc); i++)
    assert_true(recap_chapter_at(f->doc, i)->start == -1 &&
                recap_chapter_at(f->doc, i)->end == -1);
  recap_segment g;
  assert_int_equal(recap_segment_get(f->doc, 0, &g), RECAP_OK);
  assert_true(g.start == -1 && g.end == -1);

  size_t len;
  char *vtt = slurp("examples/webinar.vtt", &len);
  o.summary_sentences = 12;
  analyze_ok(f->doc, vtt, len, &o);
  assert_int_equal(recap_document_input_format(f->doc), RECAP_INPUT_VTT);
  /* First cue 00:00:04.243; the duration is from the first to the last
     time, so under the length of the recording. */
  double d = recap_document_duration(f->doc);
  assert_true(d > 800 && d < 900);
  double prev = -1;
  assert_int_equal(recap_summary_count(f->doc), 12);
  for (size_t i = 0; i < recap_summary_count(f->doc); i++) {
    const recap_sentence *s = recap_summary_at(f->doc, i);
    assert_true(s->start >= 4.243 - 1e-9);
    assert_true(s->end >= s->start);
    assert_true(s->start >= prev);
    assert_non_null(s->speaker);
    prev = s->start;
  }
  prev = -1;
  for (size_t i = 0; i < recap_sentence_count(f->doc); i++) {
    recap_sentence s;
    assert_int_equal(recap_sentence_get(f->doc, i, &s), RECAP_OK);
    assert_true(s.start >= prev);
    assert_true(s.end >= s.start);
    prev = s.start;
  }
  for (size_t i = 0; i < recap_keyphrase_count(f->doc); i++)
    assert_true(recap_keyphrase_at(f->doc, i)->start >= 4.243 - 1e-9);
  for (size_t i = 0; i < recap_chapter_count(f->doc); i++) {
    const recap_chapter *c = recap_chapter_at(f->doc, i);
    assert_true(c->start >= 0 && c->end >= c->start);
  }
  assert_int_equal(recap_segment_get(f->doc, 0, &g), RECAP_OK);
  assert_true(fabs(g.start - 4.243) < 1e-9);
  assert_true(fabs(g.end - 8.643) < 1e-9);
  assert_string_equal(g.speaker, "Dana Whitfield");
  free(vtt);
}

static void test_sentence_access_bounds(void **state) {
  fixture *f = *state;
  recap_options o = english();
  analyze_ok(f->doc, PLAIN, strlen(PLAIN), &o);
  size_t n = recap_sentence_count(f->doc);
  recap_sentence s;
  memset(&s, 0xA5, sizeof s);
  assert_int_equal(recap_sentence_get(f->doc, n, &s),
                   RECAP_ERR_INVALID_ARGUMENT);
  assert_int_equal(recap_sentence_get(f->doc, SIZE_MAX, &s),
                   RECAP_ERR_INVALID_ARGUMENT);
  assert_int_equal(recap_sentence_get(f->doc, n - 1, &s), RECAP_OK);
  assert_int_equal(s.index, n - 1);
  assert_null(s.text);
  char *t = (char *)1;
  size_t tl;
  assert_int_equal(recap_sentence_text(f->doc, n, &t, &tl),
                   RECAP_ERR_INVALID_ARGUMENT);
  assert_int_equal(recap_sentence_text(f->doc, n - 1, &t, NULL), RECAP_OK);
  assert_string_equal(t, "The library director thanked the residents for "
                         "their comments and their patience.");
  recap_free(t);
  /* A summary sentence's text is the same as recap_sentence_text's. */
  for (size_t i = 0; i < recap_summary_count(f->doc); i++) {
    const recap_sentence *ss = recap_summary_at(f->doc, i);
    assert_int_equal(recap_sentence_text(f->doc, ss->index, &t, &tl), RECAP_OK);
    assert_string_equal(t, ss->text);
    assert_int_equal(tl, ss->text_length);
    recap_free(t);
  }
  recap_segment g;
  size_t ns = recap_segment_count(f->doc);
  assert_int_equal(recap_segment_get(f->doc, ns, &g),
                   RECAP_ERR_INVALID_ARGUMENT);
  assert_int_equal(recap_segment_get(f->doc, ns - 1, &g), RECAP_OK);
  assert_null(recap_keyphrase_at(f->doc, recap_keyphrase_count(f->doc)));
  assert_null(recap_summary_at(f->doc, SIZE_MAX));
}

/* recap_sentence_get(), which has no text, counts the sentence's tokens in
   the input; a summary sentence counts the words of its display text,
   without the fillers (recap.h, recap_sentence.words). */
static void test_sentence_get_words(void **state) {
  fixture *f = *state;
  const char *t = "Um, good afternoon everyone, and welcome to the annual "
                  "meeting of the garden club.";
  recap_options o = english();
  analyze_ok(f->doc, t, strlen(t), &o);
  assert_int_equal(recap_summary_count(f->doc), 1);
  recap_sentence s;
  assert_int_equal(recap_sentence_get(f->doc, 0, &s), RECAP_OK);
  /* "Good afternoon everyone, and welcome to the annual meeting of the
     garden club." */
  assert_int_equal(recap_summary_at(f->doc, 0)->words, 13);
  assert_int_equal(s.words, 14); /* "Um" too */
  char *d;
  size_t n;
  assert_int_equal(recap_sentence_text(f->doc, 0, &d, &n), RECAP_OK);
  assert_int_equal(count_words(d, n), 13);
  recap_free(d);
}

/* ---- rendering ----------------------------------------------------------- */

/* Every JSON result carries the schema's version first, and text holding
   U+2028 and U+2029 stays on one line for any line splitter. */
static void test_render_json_version(void **state) {
  fixture *f = *state;
  const char *text = "The transit board approved the budget\xE2\x80\xA8"
                     "for the new depot today. The forty electric buses "
                     "ship\xE2\x80\xA9"
                     "on Friday, said the board chair.";
  analyze_ok(f->doc, text, strlen(text), NULL);
  char *s = NULL, want[64];
  size_t n = 0;
  assert_int_equal(recap_render(f->doc, RECAP_FORMAT_JSON, &s, &n), RECAP_OK);
  snprintf(want, sizeof want,
           "{\"version\":%d,\"language\":", RECAP_JSON_VERSION);
  assert_true(starts_with(s, want));
  assert_int_equal(RECAP_JSON_VERSION, 2);
  assert_null(strstr(s, "\xE2\x80\xA8"));
  assert_null(strstr(s, "\xE2\x80\xA9"));
  assert_non_null(strstr(s, "\\u2028"));
  assert_non_null(strstr(s, "\\u2029"));
  assert_null(memchr(s, '\n', n));
  recap_free(s);
}

/* The JSON with a leading member, as the CLI labels files: first in the
   object, escaped, any bytes made valid; the rest as recap_render(). */
static void test_render_json_labelled(void **state) {
  fixture *f = *state;
  analyze_ok(f->doc, PLAIN, strlen(PLAIN), NULL);
  char *plain = NULL, *s = NULL;
  size_t n = 0;
  assert_int_equal(recap_render(f->doc, RECAP_FORMAT_JSON, &plain, NULL),
                   RECAP_OK);
  assert_int_equal(recap_render_json_labelled(
                       f->doc, "file", "dir/\"a\"\xFF\xE2\x80\xA8.vtt", &s, &n),
                   RECAP_OK);
  assert_int_equal(strlen(s), n);
  assert_true(json_valid(s, n));
  const char *want = "{\"file\":\"dir/\\\"a\\\"\xEF\xBF\xBD\\u2028.vtt\",";
  assert_memory_equal(s, want, strlen(want));
  assert_string_equal(s + strlen(want), plain + 1);
  recap_free(s);
  recap_free(plain);
  s = (char *)"unchanged";
  assert_int_equal(recap_render_json_labelled(f->doc, "", "x", &s, NULL),
                   RECAP_ERR_INVALID_ARGUMENT);
  assert_null(s);
  assert_int_equal(recap_render_json_labelled(NULL, "k", "x", &s, NULL),
                   RECAP_ERR_INVALID_ARGUMENT);
  assert_int_equal(recap_render_json_labelled(f->doc, "k", NULL, &s, NULL),
                   RECAP_ERR_INVALID_ARGUMENT);
}

/* Every sentence, one per line, with the boundaries and offsets of
   recap_sentence_get(); text as recap_sentence_text() gives it. */
static void test_render_sentences(void **state) {
  fixture *f = *state;
  static const char vtt[] =
      "WEBVTT\n\n00:00:01.000 --> 00:00:03.000\n<v Ann>Um, we start now. "
      "The depot\n\n00:00:03.000 --> 00:00:05.000\n<v Ann>opens in May.\n\n"
      "00:00:05.000 --> 00:00:06.000\n<v Bob>Good \"news\".\n";
  analyze_ok(f->doc, vtt, strlen(vtt), NULL);
  size_t n = recap_sentence_count(f->doc);
  assert_int_equal(n, 3);
  char *s = NULL;
  size_t len = 0;
  assert_int_equal(
      recap_render_sentences(f->doc, RECAP_FORMAT_TEXT, NULL, NULL, &s, &len),
      RECAP_OK);
  assert_int_equal(strlen(s), len);
  /* Display text: the filler "Um," is dropped (RECAP_OPT_VERBATIM keeps
     it). */
  assert_string_equal(s, "[00:00:01] Ann: We start now.\n"
                         "[00:00:02] Ann: The depot opens in May.\n"
                         "[00:00:05] Bob: Good \"news\".\n");
  recap_free(s);
  assert_int_equal(
      recap_render_sentences(f->doc, RECAP_FORMAT_MARKDOWN, "k", "v", &s, NULL),
      RECAP_OK);
  assert_string_equal(s, "- [00:00:01] **Ann**: We start now.\n"
                         "- [00:00:02] **Ann**: The depot opens in May.\n"
                         "- [00:00:05] **Bob**: Good \"news\".\n");
  recap_free(s);
  /* JSON Lines: one valid object per sentence, its offsets those of
     recap_sentence_get(). */
  assert_int_equal(recap_render_sentences(f->doc, RECAP_FORMAT_JSON, "file",
                                          "a.vtt", &s, &len),
                   RECAP_OK);
  const char *line = s;
  for (size_t i = 0; i < n; i++) {
    const char *nl = strchr(line, '\n');
    assert_non_null(nl);
    assert_true(json_valid(line, (size_t)(nl - line)));
    recap_sentence g;
    assert_int_equal(recap_sentence_get(f->doc, i, &g), RECAP_OK);
    char want[160];
    snprintf(want, sizeof want, "{\"file\":\"a.vtt\",\"index\":%zu,", i);
    assert_memory_equal(line, want, strlen(want));
    snprintf(want, sizeof want, "\"offset\":%zu,\"length\":%zu,", g.offset,
             g.length);
    assert_non_null(strstr(line, want));
    assert_true(strstr(line, want) < nl);
    line = nl + 1;
  }
  assert_string_equal(line, "");
  assert_non_null(strstr(s, "\"text\":\"Good \\\"news\\\".\",\"offset\""));
  assert_non_null(strstr(s, "\"speaker\":\"Bob\",\"start\":5,\"end\":6}"));
  recap_free(s);
  /* Without times or speakers: nulls. */
  analyze_ok(f->doc, "One. Two.", 9, NULL);
  assert_int_equal(
      recap_render_sentences(f->doc, RECAP_FORMAT_JSON, NULL, NULL, &s, NULL),
      RECAP_OK);
  assert_string_equal(
      s, "{\"index\":0,\"text\":\"One.\",\"offset\":0,\"length\":4,"
         "\"speaker\":null,\"start\":null,\"end\":null}\n"
         "{\"index\":1,\"text\":\"Two.\",\"offset\":5,\"length\":4,"
         "\"speaker\":null,\"start\":null,\"end\":null}\n");
  recap_free(s);
  /* No sentences: "". */
  analyze_ok(f->doc, "", 0, NULL);
  assert_int_equal(
      recap_render_sentences(f->doc, RECAP_FORMAT_TEXT, NULL, NULL, &s, &len),
      RECAP_OK);
  assert_string_equal(s, "");
  assert_int_equal(len, 0);
  recap_free(s);
  /* Bad arguments. */
  s = (char *)"unchanged";
  assert_int_equal(recap_render_sentences(f->doc, RECAP_FORMAT_YOUTUBE, NULL,
                                          NULL, &s, NULL),
                   RECAP_ERR_INVALID_ARGUMENT);
  assert_null(s);
  assert_int_equal(
      recap_render_sentences(NULL, RECAP_FORMAT_TEXT, NULL, NULL, &s, NULL),
      RECAP_ERR_INVALID_ARGUMENT);
  assert_int_equal(
      recap_render_sentences(f->doc, RECAP_FORMAT_JSON, "", "x", &s, NULL),
      RECAP_ERR_INVALID_ARGUMENT);
  assert_int_equal(
      recap_render_sentences(f->doc, RECAP_FORMAT_JSON, "k", NULL, &s, NULL),
      RECAP_ERR_INVALID_ARGUMENT);
  assert_int_equal(
      recap_render_sentences(f->doc, RECAP_FORMAT_TEXT, NULL, NULL, NULL, NULL),
      RECAP_ERR_INVALID_ARGUMENT);
}

static void test_render(void **state) {
  fixture *f = *state;
  size_t len;
  char *vtt = slurp("examples/webinar.vtt", &len);
  recap_options o;
  recap_options_init(&o);
  o.flags = RECAP_OPT_CHAPTERS | RECAP_OPT_SPEAKERS;
  const char *texts[] = {PLAIN, vtt};
  size_t lens[] = {strlen(PLAIN), len};
  for (size_t i = 0; i < 2; i++) {
    analyze_ok(f->doc, texts[i], lens[i], &o);
    for (int fmt = 0; fmt <= RECAP_FORMAT_HTML; fmt++) {
      char *s = NULL;
      size_t n = 0;
      assert_int_equal(recap_render(f->doc, (recap_format)fmt, &s, &n),
                       RECAP_OK);
      assert_non_null(s);
      assert_int_equal(strlen(s), n);
      assert_true(utf8_valid(s, n));
      char *s2 = NULL;
      assert_int_equal(recap_render(f->doc, (recap_format)fmt, &s2, NULL),
                       RECAP_OK);
      assert_string_equal(s, s2);
      if (fmt == RECAP_FORMAT_JSON) {
        assert_true(json_valid(s, n));
        assert_null(memchr(s, '\n', n)); /* one line */
        assert_non_null(strstr(s, "\"summary\":["));
        assert_non_null(strstr(s, "\"chapters\":["));
        assert_non_null(strstr(s, "\"speakers\":["));
      }
      if (fmt == RECAP_FORMAT_TEXT) {
        /* Every summary sentence is in the text output. */
        for (size_t k = 0; k < recap_summary_count(f->doc); k++)
          assert_non_null(strstr(s, recap_summary_at(f->doc, k)->text));
      }
      recap_free(s);
      recap_free(s2);
    }
    char *s = (char *)1;
    assert_int_equal(recap_render(f->doc, (recap_format)5, &s, NULL),
                     RECAP_ERR_INVALID_ARGUMENT);
    assert_null(s);
    s = (char *)1;
    assert_int_equal(recap_render(f->doc, (recap_format)-1, &s, NULL),
                     RECAP_ERR_INVALID_ARGUMENT);
    assert_null(s);
  }
  free(vtt);
}

static void test_summarize_one_call(void **state) {
  fixture *f = *state;
  recap_options o = english();
  o.summary_sentences = 3;
  for (int fmt = 0; fmt <= RECAP_FORMAT_HTML; fmt++) {
    char *s = NULL;
    size_t n = 0;
    assert_int_equal(
        recap_summarize(PLAIN, strlen(PLAIN), &o, (recap_format)fmt, &s, &n),
        RECAP_OK);
    assert_int_equal(strlen(s), n);
    analyze_ok(f->doc, PLAIN, strlen(PLAIN), &o);
    char *want = render(f->doc, (recap_format)fmt);
    assert_string_equal(s, want);
    free(want);
    recap_free(s);
  }
  char *s = NULL;
  assert_int_equal(
      recap_summarize(PLAIN, strlen(PLAIN), NULL, RECAP_FORMAT_TEXT, &s, NULL),
      RECAP_OK);
  assert_non_null(s);
  recap_free(s);
  o.language = "klingon";
  s = (char *)1;
  assert_int_equal(
      recap_summarize(PLAIN, strlen(PLAIN), &o, RECAP_FORMAT_JSON, &s, NULL),
      RECAP_ERR_UNKNOWN_LANGUAGE);
  assert_null(s);
  o = english();
  s = (char *)1;
  assert_int_equal(
      recap_summarize(PLAIN, strlen(PLAIN), &o, (recap_format)9, &s, NULL),
      RECAP_ERR_INVALID_ARGUMENT);
  assert_null(s);
  assert_int_equal(recap_summarize(NULL, 0, &o, RECAP_FORMAT_JSON, &s, NULL),
                   RECAP_OK);
  assert_true(json_valid(s, strlen(s)));
  recap_free(s);
}

/* ---- JSON Lines ---------------------------------------------------------- */

static char *jsonl(recap_document *doc, const char *line,
                   const recap_options *defaults, recap_status want) {
  char *out = (char *)1;
  size_t n = 0;
  recap_status st =
      recap_jsonl_process(doc, line, strlen(line), defaults, &out, &n);
  if (st != want)
    fail_msg("jsonl '%s': %s, want %s", line, recap_strerror(st),
             recap_strerror(want));
  assert_non_null(out);
  assert_int_equal(strlen(out), n);
  assert_null(memchr(out, '\n', n));
  assert_true(json_valid(out, n));
  return take_rendered(out, n);
}

/* {"id":7,"text":PLAIN} with PLAIN's newline escaped. */
static char *record(const char *id, const char *extra) {
  size_t n = strlen(PLAIN) + strlen(id) + strlen(extra) + 64;
  char *r = malloc(n);
  assert_non_null(r);
  snprintf(r, n, "{\"id\":%s,\"text\":\"%.*s\\n\"%s}", id,
           (int)strlen(PLAIN) - 1, PLAIN, extra);
  return r;
}

static void test_jsonl_good(void **state) {
  fixture *f = *state;
  recap_options def = english();
  char *line = record("7", "");
  char *out = jsonl(f->doc, line, &def, RECAP_OK);
  /* The document's JSON with "id" first. */
  analyze_ok(f->doc, PLAIN, strlen(PLAIN), &def);
  char *doc_json = render(f->doc, RECAP_FORMAT_JSON);
  assert_int_equal(strncmp(out, "{\"id\":7,", 8), 0);
  assert_string_equal(out + 8, doc_json + 1);
  free(doc_json);
  free(out);
  free(line);

  /* NULL defaults: the library's. */
  line = record("\"x\"", ",\"lang\":\"en\"");
  out = jsonl(f->doc, line, NULL, RECAP_OK);
  recap_options o = english();
  analyze_ok(f->doc, PLAIN, strlen(PLAIN), &o);
  doc_json = render(f->doc, RECAP_FORMAT_JSON);
  assert_int_equal(strncmp(out, "{\"id\":\"x\",", 10), 0);
  assert_string_equal(out + 10, doc_json + 1);
  free(doc_json);
  free(out);
  free(line);

  /* No id: null. */
  out = jsonl(f->doc, "{\"text\":\"Hello there, general.\"}", NULL, RECAP_OK);
  assert_true(starts_with(out, "{\"id\":null,\"version\":2,\"language\":"));
  free(out);
}

/* Ids are copied as written, with two exceptions that keep the line
   valid for strict readers: an escaped half of a surrogate pair without
   its other half (jq and serde reject the line) becomes \ufffd, as in the
   text; a number too large for a double is still a JSON number. */
static void test_jsonl_ids(void **state) {
  fixture *f = *state;
  static const struct {
    const char *id, *want;
  } cases[] = {
      {"\"\\ud800\"", "\"\\ufffd\""},
      {"\"a\\udc00b\"", "\"a\\ufffdb\""},
      {"\"\\ud800\\ud800\\udc00\"", "\"\\ufffd\\ud800\\udc00\""},
      {"[\"\\uD83D\\uDE00\",\"\\\\ud800\",\"\\\\\\udbff\"]",
       "[\"\\uD83D\\uDE00\",\"\\\\ud800\",\"\\\\\\ufffd\"]"},
      {"{\"k\\udfff\":\"\\n\\u00e9\"}", "{\"k\\ufffd\":\"\\n\\u00e9\"}"},
      {"1e400", "1e400"},
      {"-12345678901234567890e99999", "-12345678901234567890e99999"},
  };
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    char line[160], want[160];
    snprintf(line, sizeof line, "{\"id\":%s,\"text\":\"Hello there.\"}",
             cases[i].id);
    snprintf(want, sizeof want, "{\"id\":%s,\"version\":%d,", cases[i].want,
             RECAP_JSON_VERSION);
    char *out = jsonl(f->doc, line, NULL, RECAP_OK);
    if (!starts_with(out, want))
      fail_msg("id %s: got %.80s, want %s", cases[i].id, out, want);
    free(out);
  }
  /* A count too large for a double is no count. */
  char *out = jsonl(f->doc, "{\"id\":1,\"text\":\"Hi.\",\"sentences\":1e400}",
                    NULL, RECAP_ERR_INVALID_ARGUMENT);
  assert_non_null(strstr(out, "\"status\":\"invalid_argument\""));
  free(out);
}

static void test_jsonl_error_object(void **state) {
  (void)state;
  char buf[128];
  size_t n = recap_jsonl_error(RECAP_ERR_TOO_LARGE, buf, sizeof buf);
  char want[128];
  snprintf(want, sizeof want,
           "{\"id\":null,\"version\":%d,\"error\":\"input too "
           "large\",\"status\":\"too_large\"}",
           RECAP_JSON_VERSION);
  assert_string_equal(buf, want);
  assert_int_equal(n, strlen(buf));
  for (int st = RECAP_OK; st <= RECAP_ERR_BAD_TABLE; st++) {
    n = recap_jsonl_error((recap_status)st, buf, sizeof buf);
    assert_true(n < 96);
    assert_true(json_valid(buf, n));
  }
  /* Cut short, as snprintf: the length it needs. */
  assert_int_equal(recap_jsonl_error(RECAP_ERR_NOMEM, buf, 5),
                   recap_jsonl_error(RECAP_ERR_NOMEM, NULL, 0));
  assert_int_equal(strlen(buf), 4);
}

static void test_jsonl_errors(void **state) {
  fixture *f = *state;
  char *out = jsonl(f->doc, "{\"id\":\"r1\",\"lang\":\"en\"}", NULL,
                    RECAP_ERR_INVALID_ARGUMENT);
  assert_true(starts_with(out, "{\"id\":\"r1\",\"version\":2,\"error\":\""));
  assert_true(ends_with(out, ",\"status\":\"invalid_argument\"}"));
  free(out);

  out =
      jsonl(f->doc, "{\"id\":3,\"text\":42}", NULL, RECAP_ERR_INVALID_ARGUMENT);
  assert_true(starts_with(out, "{\"id\":3,\"version\":2,\"error\":"));
  assert_true(ends_with(out, "\"status\":\"invalid_argument\"}"));
  free(out);

  out = jsonl(f->doc, "this is not json", NULL, RECAP_ERR_BAD_FORMAT);
  assert_true(starts_with(out, "{\"id\":null,\"version\":2,\"error\":\""));
  assert_true(ends_with(out, ",\"status\":\"bad_format\"}"));
  free(out);

  out = jsonl(f->doc, "{\"id\":1,\"text\":\"unterminated", NULL,
              RECAP_ERR_BAD_FORMAT);
  assert_true(ends_with(out, "\"status\":\"bad_format\"}"));
  free(out);

  out = jsonl(f->doc, "[1,2,3]", NULL, RECAP_ERR_INVALID_ARGUMENT);
  assert_true(ends_with(out, "\"status\":\"invalid_argument\"}"));
  free(out);

  out = jsonl(f->doc, "", NULL, RECAP_ERR_BAD_FORMAT);
  free(out);

  out =
      jsonl(f->doc, "{\"id\":5,\"text\":\"Hello there.\",\"lang\":\"klingon\"}",
            NULL, RECAP_ERR_UNKNOWN_LANGUAGE);
  assert_true(starts_with(out, "{\"id\":5,\"version\":2,\"error\":\""));
  assert_non_null(strstr(out, "klingon"));
  assert_true(ends_with(out, ",\"status\":\"unknown_language\"}"));
  free(out);

  const char *bad_opts[] = {
      "{\"id\":1,\"text\":\"Hi.\",\"ratio\":1.5}",
      "{\"id\":1,\"text\":\"Hi.\",\"sentences\":-1}",
      "{\"id\":1,\"text\":\"Hi.\",\"sentences\":2.5}",
      "{\"id\":1,\"text\":\"Hi.\",\"words\":\"ten\"}",
      "{\"id\":1,\"text\":\"Hi.\",\"format\":\"docx\"}",
      "{\"id\":1,\"text\":\"Hi.\",\"chapters\":\"yes\"}",
      "{\"id\":1,\"text\":\"Hi.\",\"verbatim\":1}",
  };
  for (size_t i = 0; i < sizeof bad_opts / sizeof *bad_opts; i++) {
    out = jsonl(f->doc, bad_opts[i], NULL, RECAP_ERR_INVALID_ARGUMENT);
    assert_true(starts_with(out, "{\"id\":1,\"version\":2,\"error\":"));
    assert_true(ends_with(out, "\"status\":\"invalid_argument\"}"));
    free(out);
  }

  /* VTT forced on a text without the header. */
  out = jsonl(f->doc, "{\"id\":2,\"text\":\"Hello.\",\"format\":\"vtt\"}", NULL,
              RECAP_ERR_BAD_FORMAT);
  assert_true(ends_with(out, "\"status\":\"bad_format\"}"));
  free(out);

  /* The stream goes on after errors. */
  out = jsonl(f->doc, "{\"id\":9,\"text\":\"All is well again here.\"}", NULL,
              RECAP_OK);
  assert_true(starts_with(out, "{\"id\":9,\"version\":2,\"language\":"));
  free(out);
}

static void test_jsonl_options(void **state) {
  fixture *f = *state;
  recap_options def = english();
  def.summary_sentences = 1;
  def.keyphrases = 2;
  char *line = record("1", ",\"sentences\":3");
  char *out = jsonl(f->doc, line, &def, RECAP_OK);
  assert_int_equal(recap_summary_count(f->doc), 3);
  assert_int_equal(recap_keyphrase_count(f->doc), 2);
  free(out);
  free(line);
  /* The override was for that record only. */
  line = record("2", "");
  out = jsonl(f->doc, line, &def, RECAP_OK);
  assert_int_equal(recap_summary_count(f->doc), 1);
  assert_int_equal(recap_keyphrase_count(f->doc), 2);
  assert_null(strstr(out, "\"chapters\""));
  free(out);
  free(line);
  line = record("3", ",\"keyphrases\":0,\"sentences\":0,\"chapters\":true");
  out = jsonl(f->doc, line, &def, RECAP_OK);
  assert_int_equal(recap_summary_count(f->doc), 0);
  assert_int_equal(recap_keyphrase_count(f->doc), 0);
  assert_non_null(strstr(out, "\"chapters\":["));
  assert_true(recap_chapter_count(f->doc) >= 1);
  free(out);
  free(line);
  line = record("4", ",\"words\":20,\"sentences\":10");
  out = jsonl(f->doc, line, &def, RECAP_OK);
  assert_true(summary_words(f->doc) <= 20);
  assert_true(recap_summary_count(f->doc) >= 1);
  free(out);
  free(line);
  line = record("5", ",\"chapters\":2");
  out = jsonl(f->doc, line, &def, RECAP_OK);
  assert_true(recap_chapter_count(f->doc) >= 1); /* at most 2 */
  assert_true(recap_chapter_count(f->doc) <= 2);
  free(out);
  free(line);
  /* Defaults with chapters on: "chapters": false turns them off. */
  def.flags = RECAP_OPT_CHAPTERS;
  line = record("6", ",\"chapters\":false");
  out = jsonl(f->doc, line, &def, RECAP_OK);
  assert_null(strstr(out, "\"chapters\""));
  free(out);
  free(line);
  /* Verbatim keeps fillers. */
  const char *um = "{\"id\":7,\"text\":\"Um, so we, uh, bought twelve new "
                   "electric buses last year.\",\"lang\":\"en\",%s}";
  char buf[256];
  snprintf(buf, sizeof buf, um, "\"verbatim\":true");
  out = jsonl(f->doc, buf, NULL, RECAP_OK);
  assert_non_null(strstr(out, "\"Um, so we, uh, bought"));
  free(out);
  snprintf(buf, sizeof buf, um, "\"verbatim\":false");
  out = jsonl(f->doc, buf, NULL, RECAP_OK);
  /* (The exact text is test_scoring's business.) */
  assert_non_null(strstr(out, "\"text\":\"So we"));
  assert_null(strstr(out, "uh"));
  free(out);
}

static void test_jsonl_id_verbatim(void **state) {
  fixture *f = *state;
  const char *ids[] = {
      "\"a\\u00e9\\\"b\"",      "-1.50e+2", "0",    "[1, \"x\", {\"y\": null}]",
      "{\"k\" : [true,false]}", "null",     "true", "\"caf\xC3\xA9\""};
  for (size_t i = 0; i < sizeof ids / sizeof *ids; i++) {
    char line[256], want[256];
    snprintf(line, sizeof line, "{\"id\": %s , \"text\": \"Hello world.\"}",
             ids[i]);
    snprintf(want, sizeof want, "{\"id\":%s,", ids[i]);
    char *out = jsonl(f->doc, line, NULL, RECAP_OK);
    if (strncmp(out, want, strlen(want)) != 0)
      fail_msg("id %s: got %s", ids[i], out);
    free(out);
    /* Also in error objects. */
    snprintf(line, sizeof line, "{\"id\":%s}", ids[i]);
    snprintf(want, sizeof want, "{\"id\":%s,\"version\":2,\"error\":", ids[i]);
    out = jsonl(f->doc, line, NULL, RECAP_ERR_INVALID_ARGUMENT);
    if (strncmp(out, want, strlen(want)) != 0)
      fail_msg("id %s: got %s", ids[i], out);
    free(out);
  }
}

/* An id's U+2028, U+2029 and NEL come back as the escapes they equal: a
   result is one line for any line splitter. */
static void test_jsonl_id_line_separators(void **state) {
  fixture *f = *state;
  const char *line = "{\"id\": \"a\xE2\x80\xA8"
                     "b\xC2\x85"
                     "c\xE2\x80\xA9\","
                     " \"text\": \"Hello world.\"}";
  char *out = jsonl(f->doc, line, NULL, RECAP_OK);
  assert_true(starts_with(out, "{\"id\":\"a\\u2028b\\u0085c\\u2029\","));
  free(out);
  out = jsonl(f->doc, "{\"id\":[\"\xE2\x80\xA8\"]}", NULL,
              RECAP_ERR_INVALID_ARGUMENT);
  assert_true(starts_with(out, "{\"id\":[\"\\u2028\"],"));
  free(out);
}

/* ---- IDF tables ---------------------------------------------------------- */

#define IDF_HEADER                                                             \
  "# recap document frequencies, format 1: '@language NAME DOCUMENTS', "       \
  "then 'STEM<TAB>DOCUMENTS'\n"

static char *idf_render(const recap_idf *idf) {
  char *s;
  size_t n;
  assert_int_equal(recap_idf_render(idf, &s, &n), RECAP_OK);
  assert_int_equal(strlen(s), n);
  return take_rendered(s, n);
}

static void test_idf_round_trip(void **state) {
  fixture *f = *state;
  recap_options o = english();
  recap_idf *idf;
  assert_int_equal(recap_idf_new(f->ctx, &idf), RECAP_OK);
  char *empty = idf_render(idf);
  assert_string_equal(empty, IDF_HEADER);
  free(empty);
  /* Content words: green appl grow quick warm orchard / red appl fall
     slowli tall tree (Snowball English stems; "in", "from" are stopwords). */
  const char *d1 = "Green apples grow quickly in warm orchards.";
  const char *d2 = "Red apples fall slowly from tall trees.";
  analyze_ok(f->doc, d1, strlen(d1), &o);
  assert_int_equal(recap_idf_add_document(idf, f->doc), RECAP_OK);
  analyze_ok(f->doc, d2, strlen(d2), &o);
  assert_int_equal(recap_idf_add_document(idf, f->doc), RECAP_OK);
  const char *want = IDF_HEADER "@language english 2\n"
                                "appl\t2\n"
                                "fall\t1\n"
                                "green\t1\n"
                                "grow\t1\n"
                                "orchard\t1\n"
                                "quick\t1\n"
                                "red\t1\n"
                                "slowli\t1\n"
                                "tall\t1\n"
                                "tree\t1\n"
                                "warm\t1\n";
  /* A document whose analysis failed is not counted, nor is a new one
     never analysed (both were counted as documents without stems). */
  recap_options json = o;
  json.input_format = RECAP_INPUT_JSON;
  assert_int_equal(
      recap_document_analyze(f->doc, "{\"segments\": [", 15, &json),
      RECAP_ERR_BAD_FORMAT);
  assert_int_equal(recap_idf_add_document(idf, f->doc),
                   RECAP_ERR_INVALID_ARGUMENT);
  recap_document *fresh;
  assert_int_equal(recap_document_new(f->ctx, &fresh), RECAP_OK);
  assert_int_equal(recap_idf_add_document(idf, fresh),
                   RECAP_ERR_INVALID_ARGUMENT);
  recap_document_free(fresh);
  char *text = idf_render(idf);
  assert_string_equal(text, want);

  /* Reading the rendering back adds the counts. */
  assert_int_equal(recap_idf_add_table(idf, text, strlen(text)), RECAP_OK);
  char *twice = idf_render(idf);
  assert_string_equal(twice, IDF_HEADER "@language english 4\n"
                                        "appl\t4\n"
                                        "fall\t2\n"
                                        "green\t2\n"
                                        "grow\t2\n"
                                        "orchard\t2\n"
                                        "quick\t2\n"
                                        "red\t2\n"
                                        "slowli\t2\n"
                                        "tall\t2\n"
                                        "tree\t2\n"
                                        "warm\t2\n");
  /* Into a fresh table: the same text. */
  recap_idf *copy;
  assert_int_equal(recap_idf_new(f->ctx, &copy), RECAP_OK);
  assert_int_equal(recap_idf_add_table(copy, text, strlen(text)), RECAP_OK);
  char *again = idf_render(copy);
  assert_string_equal(again, text);
  free(again);
  /* A "none" document goes in its own section, after the languages. */
  o.language = "none";
  analyze_ok(f->doc, "Zebras zebras run.", 18, &o);
  assert_int_equal(recap_idf_add_document(copy, f->doc), RECAP_OK);
  again = idf_render(copy);
  assert_non_null(strstr(again, "\n@language none 1\nrun\t1\nzebras\t1\n"));
  free(again);
  recap_idf_free(copy);

  assert_string_equal(recap_idf_error(idf), "");
  /* A malformed table: all or nothing, and the error says where. */
  assert_int_equal(recap_idf_add_table(idf, "appl\t3\n", 7),
                   RECAP_ERR_BAD_TABLE);
  assert_int_equal(strncmp(recap_idf_error(idf), "line 1", 6), 0);
  assert_int_equal(recap_idf_add_table(idf, "@language english x\n", 20),
                   RECAP_ERR_BAD_TABLE);
  const char *half_bad = "@language english 5\nappl\t1\nred\t1\nfall\n";
  assert_int_equal(recap_idf_add_table(idf, half_bad, strlen(half_bad)),
                   RECAP_ERR_BAD_TABLE);
  assert_int_equal(strncmp(recap_idf_error(idf), "line 4", 6), 0);
  char *unchanged = idf_render(idf);
  assert_string_equal(unchanged, twice);
  free(unchanged);
  assert_int_equal(recap_idf_add_table(idf, "", 0), RECAP_OK);
  assert_string_equal(recap_idf_error(idf), "");
  /* The context loads the rendered table; bad ones say which line. */
  assert_int_equal(recap_context_load_idf(f->ctx, text, strlen(text)),
                   RECAP_OK);
  assert_string_equal(recap_context_error(f->ctx), "");
  const char *bad = "@language english 3\nappl\t1\nfall\n";
  assert_int_equal(recap_context_load_idf(f->ctx, bad, strlen(bad)),
                   RECAP_ERR_BAD_TABLE);
  assert_int_equal(strncmp(recap_context_error(f->ctx), "line 3", 6), 0);
  const char *klingon = "@language klingon 3\n";
  assert_int_equal(recap_context_load_idf(f->ctx, klingon, strlen(klingon)),
                   RECAP_ERR_BAD_TABLE);
  assert_int_equal(strncmp(recap_context_error(f->ctx), "line 1", 6), 0);
  free(text);
  free(twice);
  recap_idf_free(idf);
}

/* "copper mines" and "silver mines" occur symmetrically; a background
   table where one metal is in every document makes the other rank first. */
static const char METALS[] =
    "The report is on copper mines and silver mines.\n"
    "The report is on silver mines and copper mines.\n";

static const char *first_phrase(recap_context *ctx, char *json_out,
                                size_t cap) {
  recap_document *doc;
  assert_int_equal(recap_document_new(ctx, &doc), RECAP_OK);
  recap_options o = english();
  analyze_ok(doc, METALS, strlen(METALS), &o);
  assert_true(recap_keyphrase_count(doc) >= 2);
  static char phrase[64];
  snprintf(phrase, sizeof phrase, "%s", recap_keyphrase_at(doc, 0)->phrase);
  if (json_out) {
    char *j = render(doc, RECAP_FORMAT_JSON);
    snprintf(json_out, cap, "%s", j);
    free(j);
  }
  recap_document_free(doc);
  return phrase;
}

static void test_context_idf(void **state) {
  (void)state;
  const char *copper_common =
      "@language english 1000\ncopper\t1000\nmine\t10\n";
  const char *silver_common =
      "@language english 1000\nsilver\t1000\nmine\t10\n";
  recap_context *a, *b;
  assert_int_equal(recap_context_new(&a), RECAP_OK);
  assert_int_equal(recap_context_new(&b), RECAP_OK);
  assert_int_equal(
      recap_context_load_idf(a, copper_common, strlen(copper_common)),
      RECAP_OK);
  assert_int_equal(
      recap_context_load_idf(b, silver_common, strlen(silver_common)),
      RECAP_OK);
  assert_string_equal(first_phrase(a, NULL, 0), "silver mines");
  assert_string_equal(first_phrase(b, NULL, 0), "copper mines");
  recap_context_free(a);
  recap_context_free(b);

  /* Loading a table twice is loading its doubled counts once. */
  const char *half = "@language english 500\ncopper\t400\nsilver\t3\n"
                     "mine\t10\nreport\t7\n";
  const char *doubled = "@language english 1000\ncopper\t800\nsilver\t6\n"
                        "mine\t20\nreport\t14\n";
  static char ja[8192], jb[8192], jc[8192];
  assert_int_equal(recap_context_new(&a), RECAP_OK);
  assert_int_equal(recap_context_new(&b), RECAP_OK);
  assert_int_equal(recap_context_load_idf(a, half, strlen(half)), RECAP_OK);
  assert_int_equal(recap_context_load_idf(a, half, strlen(half)), RECAP_OK);
  assert_int_equal(recap_context_load_idf(b, doubled, strlen(doubled)),
                   RECAP_OK);
  first_phrase(a, ja, sizeof ja);
  first_phrase(b, jb, sizeof jb);
  assert_string_equal(ja, jb);
  /* ... and not the same as loading it once. */
  recap_context *c;
  assert_int_equal(recap_context_new(&c), RECAP_OK);
  assert_int_equal(recap_context_load_idf(c, half, strlen(half)), RECAP_OK);
  first_phrase(c, jc, sizeof jc);
  assert_string_not_equal(ja, jc);
  recap_context_free(a);
  recap_context_free(b);

  /* All or nothing: a table that fails on its last line leaves the
     context as it was. */
  static char jd[8192];
  recap_context *d;
  assert_int_equal(recap_context_new(&d), RECAP_OK);
  const char *bad = "@language english 1000\ncopper\t1000\nmine\t10\n"
                    "@language french 3\nbroken line\n";
  assert_int_equal(recap_context_load_idf(d, half, strlen(half)), RECAP_OK);
  assert_int_equal(recap_context_load_idf(d, bad, strlen(bad)),
                   RECAP_ERR_BAD_TABLE);
  assert_int_equal(strncmp(recap_context_error(d), "line 5", 6), 0);
  first_phrase(d, jd, sizeof jd);
  assert_string_equal(jd, jc); /* as with `half` alone */
  recap_context_free(c);
  recap_context_free(d);
}

/* ---- user stopwords ------------------------------------------------------ */

/* Does any key phrase of METALS-like text contain `word` as a word? */
static int phrase_has_word_in(recap_context *ctx, const char *lang,
                              const char *text, const char *word) {
  recap_document *doc;
  assert_int_equal(recap_document_new(ctx, &doc), RECAP_OK);
  recap_options o = english();
  o.language = lang;
  o.keyphrases = 20;
  analyze_ok(doc, text, strlen(text), &o);
  assert_true(recap_keyphrase_count(doc) >= 1);
  int found = 0;
  size_t w = strlen(word);
  for (size_t i = 0; i < recap_keyphrase_count(doc) && !found; i++) {
    const char *p = recap_keyphrase_at(doc, i)->phrase;
    for (const char *q = strstr(p, word); q && !found; q = strstr(q + 1, word))
      found = (q == p || q[-1] == ' ') && (q[w] == '\0' || q[w] == ' ');
  }
  recap_document_free(doc);
  return found;
}

static int phrase_has_word(recap_context *ctx, const char *text,
                           const char *word) {
  return phrase_has_word_in(ctx, "english", text, word);
}

static void test_stopwords(void **state) {
  (void)state;
  recap_context *ctx;
  /* Adding a word. */
  assert_int_equal(recap_context_new(&ctx), RECAP_OK);
  assert_true(phrase_has_word(ctx, METALS, "silver"));
  assert_int_equal(recap_context_add_stopwords(ctx, "english",
                                               "# comment\n\nSILVER\n",
                                               strlen("# comment\n\nSILVER\n")),
                   RECAP_OK);
  assert_false(phrase_has_word(ctx, METALS, "silver"));
  assert_true(phrase_has_word(ctx, METALS, "copper"));
  recap_context_free(ctx);

  /* For another language only: no effect on English. */
  assert_int_equal(recap_context_new(&ctx), RECAP_OK);
  assert_int_equal(recap_context_add_stopwords(ctx, "french", "silver\n", 7),
                   RECAP_OK);
  assert_true(phrase_has_word(ctx, METALS, "silver"));
  recap_context_free(ctx);

  /* For every language: NULL and "all". */
  const char *every[] = {NULL, "all"};
  for (size_t i = 0; i < 2; i++) {
    assert_int_equal(recap_context_new(&ctx), RECAP_OK);
    assert_int_equal(
        recap_context_add_stopwords(ctx, every[i], "silver\r\n", 8), RECAP_OK);
    assert_false(phrase_has_word(ctx, METALS, "silver"));
    recap_context_free(ctx);
  }

  /* "-word" removes a built-in stopword ("couple" is one in English). */
  const char *couple = "The young couple bought the old copper mines.\n"
                       "The young couple sold the old copper mines.\n";
  assert_int_equal(recap_context_new(&ctx), RECAP_OK);
  assert_false(phrase_has_word(ctx, couple, "couple"));
  assert_int_equal(recap_context_add_stopwords(ctx, "english", "-couple\n", 8),
                   RECAP_OK);
  assert_true(phrase_has_word(ctx, couple, "couple"));
  recap_context_free(ctx);
  assert_int_equal(recap_context_new(&ctx), RECAP_OK);
  assert_int_equal(recap_context_add_stopwords(ctx, "german", "-couple\n", 8),
                   RECAP_OK);
  assert_false(phrase_has_word(ctx, couple, "couple"));
  recap_context_free(ctx);

  /* The language-neutral mode has a list of its own (every word is a
     content word there, so the phrases are whole short sentences). */
  const char *prices = "Silver prices rose.\nCopper prices fell.\n";
  assert_int_equal(recap_context_new(&ctx), RECAP_OK);
  assert_true(phrase_has_word_in(ctx, "none", prices, "silver"));
  assert_int_equal(recap_context_add_stopwords(ctx, "english", "silver\n", 7),
                   RECAP_OK);
  assert_true(phrase_has_word_in(ctx, "none", prices, "silver"));
  assert_int_equal(recap_context_add_stopwords(ctx, "none", "silver\n", 7),
                   RECAP_OK);
  assert_false(phrase_has_word_in(ctx, "none", prices, "silver"));
  assert_true(phrase_has_word_in(ctx, "none", prices, "copper"));
  recap_context_free(ctx);
  assert_int_equal(recap_context_new(&ctx), RECAP_OK);
  assert_int_equal(recap_context_add_stopwords(ctx, "all", "copper\n", 7),
                   RECAP_OK);
  assert_false(phrase_has_word_in(ctx, "none", prices, "copper"));
  recap_context_free(ctx);

  /* All or nothing: a list with a bad line adds none of its words. */
  assert_int_equal(recap_context_new(&ctx), RECAP_OK);
  const char *half_bad = "copper\n-couple\nbad\xFF\n";
  assert_int_equal(
      recap_context_add_stopwords(ctx, "english", half_bad, strlen(half_bad)),
      RECAP_ERR_BAD_TABLE);
  assert_int_equal(strncmp(recap_context_error(ctx), "line 3", 6), 0);
  assert_true(phrase_has_word(ctx, METALS, "copper"));
  assert_false(phrase_has_word(ctx, couple, "couple"));
  recap_context_free(ctx);

  /* Errors. */
  assert_int_equal(recap_context_new(&ctx), RECAP_OK);
  assert_int_equal(recap_context_add_stopwords(ctx, "klingon", "x\n", 2),
                   RECAP_ERR_UNKNOWN_LANGUAGE);
  assert_int_equal(recap_context_add_stopwords(ctx, "en", "ok\nbad\xFF\n", 8),
                   RECAP_ERR_BAD_TABLE);
  assert_int_equal(strncmp(recap_context_error(ctx), "line 2", 6), 0);
  assert_int_equal(recap_context_add_stopwords(ctx, "en", "fine\n", 5),
                   RECAP_OK);
  assert_string_equal(recap_context_error(ctx), "");
  recap_context_free(ctx);
}

/* ---- known bugs (skipped) ------------------------------------------------ */

/* Regression (was a bug): jsonl.c, read_record(): an option of the wrong JSON
   type is silently ignored for "ratio", "lang"/"language", "format", "query"
   and "filename" (rc_json_get_number / get_cstring return "absent"), so
   {"text":"Hi.","ratio":"0.5"} runs with the default ratio and
   {"text":"Hi.","lang":5} with "auto".  The counts ("sentences", "words",
   "keyphrases", "chapters": N) are rejected since get_count() tells a
   missing key from a wrong one; the others should be too. */
static void test_jsonl_wrong_types(void **state) {
  fixture *f = *state;
  const char *bad[] = {
      "{\"id\":1,\"text\":\"Hi.\",\"ratio\":\"0.5\"}",
      "{\"id\":1,\"text\":\"Hi.\",\"lang\":5}",
      "{\"id\":1,\"text\":\"Hi.\",\"format\":3}",
      "{\"id\":1,\"text\":\"Hi.\",\"query\":[\"x\"]}",
      "{\"id\":1,\"text\":\"Hi.\",\"filename\":false}",
  };
  for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
    char *out = jsonl(f->doc, bad[i], NULL, RECAP_ERR_INVALID_ARGUMENT);
    assert_true(ends_with(out, "\"status\":\"invalid_argument\"}"));
    free(out);
  }
}

/* Regression (was a bug): jsonl.c, recap_jsonl_process(): a record rejected
   before the analysis (not JSON, no "text", a bad option) leaves the document
   holding the previous record's results, while recap.h says the document is
   "analysed into (reused), as with recap_document_analyze", which leaves
   no results on error (and jsonl.c promises nothing carries over from one
   record to the next). */
static void test_jsonl_error_clears_document(void **state) {
  fixture *f = *state;
  char *line = record("1", "");
  char *out = jsonl(f->doc, line, NULL, RECAP_OK);
  free(out);
  free(line);
  assert_true(recap_sentence_count(f->doc) > 0);
  out = jsonl(f->doc, "{\"id\":2}", NULL, RECAP_ERR_INVALID_ARGUMENT);
  free(out);
  assert_int_equal(recap_sentence_count(f->doc), 0);
  assert_int_equal(recap_summary_count(f->doc), 0);
}

/* Regression (was a bug): a text of punctuation only gives sentences without
   words
   ("... !!! ???" -> 2 sentences, 0 words), but recap.h says "An empty text,
   or one without any words, ... gives a document with no sentences".  The
   spans come from rc_segment(); rc_terms_build() keeps them even with
   s.words == 0. */
static void test_no_words_no_sentences(void **state) {
  fixture *f = *state;
  const char *texts[] = {"... !!! ???", "- - -\n\n* * *\n", "?!"};
  for (size_t i = 0; i < sizeof texts / sizeof *texts; i++) {
    recap_options o = english();
    analyze_ok(f->doc, texts[i], strlen(texts[i]), &o);
    assert_int_equal(recap_document_word_count(f->doc), 0);
    assert_int_equal(recap_sentence_count(f->doc), 0);
  }
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_version),
      cmocka_unit_test(test_strerror),
      cmocka_unit_test(test_language_names),
      cmocka_unit_test(test_format_names),
      cmocka_unit_test(test_options_defaults),
      fixture_unit_test(test_null_arguments),
      fixture_unit_test(test_empty_text),
      fixture_unit_test(test_progress),
      fixture_unit_test(test_invalid_options),
      fixture_unit_test(test_filename_language),
      fixture_unit_test(test_language_reason_and_encoding),
      fixture_unit_test(test_language_shares),
      fixture_unit_test(test_too_large),
      fixture_unit_test(test_strict_utf8),
      fixture_unit_test(test_failed_analysis_is_reusable),
      fixture_unit_test(test_deterministic),
      fixture_unit_test(test_analyze_given),
      fixture_unit_test(test_word_budget),
      fixture_unit_test(test_sentence_limit),
      fixture_unit_test(test_ratio),
      fixture_unit_test(test_sentences_auto),
      fixture_unit_test(test_summary_and_keyphrases_off),
      fixture_unit_test(test_offsets),
      fixture_unit_test(test_times),
      fixture_unit_test(test_sentence_access_bounds),
      fixture_unit_test(test_sentence_get_words),
      fixture_unit_test(test_render),
      fixture_unit_test(test_render_sentences),
      fixture_unit_test(test_render_json_version),
      fixture_unit_test(test_render_json_labelled),
      fixture_unit_test(test_summarize_one_call),
      fixture_unit_test(test_jsonl_good),
      fixture_unit_test(test_jsonl_errors),
      fixture_unit_test(test_jsonl_ids),
      fixture_unit_test(test_jsonl_error_object),
      fixture_unit_test(test_jsonl_options),
      fixture_unit_test(test_jsonl_id_verbatim),
      fixture_unit_test(test_jsonl_id_line_separators),
      fixture_unit_test(test_idf_round_trip),
      cmocka_unit_test(test_context_idf),
      cmocka_unit_test(test_stopwords),
      fixture_unit_test(test_jsonl_wrong_types),
      fixture_unit_test(test_jsonl_error_clears_document),
      fixture_unit_test(test_no_words_no_sentences),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
