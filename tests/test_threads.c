/*
 * test_threads.c - the thread-safety contract of recap.h: a context, once
 * set up (user stopwords added, an IDF table loaded), is shared read-only
 * by many threads, each analysing its own documents; and one finished
 * document's results may be read by several threads at once.
 *
 * Every thread compares what it renders with the single-threaded result
 * computed beforehand; the results must be byte-identical.  Worker threads
 * never call cmocka (it is not thread-safe): they count mismatches, and
 * the main thread asserts.  Build it with ThreadSanitizer to check for
 * data races as well (the `make tsan` target).
 *
 * Run from the repository root (examples/ is read).
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "test_util.h"

#include "recap.h"

#define THREADS 8
#define ITERATIONS 20

/* ---- inputs -------------------------------------------------------------- */

typedef struct input {
  char *text;
  size_t len;
  recap_options opt;
  char *expected; /* all four renderings, single-threaded */
  char *expected_jsonl;
  char *jsonl_line;
} input;

#define MAX_INPUTS 16
static input inputs[MAX_INPUTS];
static size_t ninputs;
static recap_context *shared;

/* A deterministic generator (xorshift32 with a fixed seed). */
static uint32_t next_random(uint32_t *s) {
  uint32_t x = *s;
  x ^= x << 13;
  x ^= x >> 17;
  x ^= x << 5;
  return *s = x;
}

/* A transcript of `sentences` sentences about a few topics, with speakers,
   fillers and some non-ASCII words (NFC/NFKC paths). */
static char *generate(uint32_t seed, size_t sentences, int speakers,
                      size_t *len) {
  static const char *subjects[] = {
      "The city council", "Our transit agency", "The café owner",
      "The finance team", "Every bus driver",   "The school board",
      "The naïve plan",   "A new depot",        "The river bridge"};
  static const char *verbs[] = {"approved",   "discussed", "rejected",
                                "postponed",  "funded",    "reviewed",
                                "questioned", "praised"};
  static const char *objects[] = {
      "the electric bus contract", "the library renovation budget",
      "the charging depot design", "the bridge repair schedule",
      "the school lunch program",  "the downtown parking garage",
      "the solar panel rebate",    "the crème brûlée festival"};
  static const char *tails[] = {
      "after a long debate",   "on Monday evening",
      "without any objection", "despite strong protests",
      "for the second time",   "with a narrow majority",
      ", um, rather quickly",  "before the summer break"};
  static const char *names[] = {"Ana", "Ben", "Chloé"};
  size_t cap = sentences * 160 + 64, n = 0;
  char *buf = malloc(cap);
  assert_non_null(buf);
  uint32_t s = seed ? seed : 1;
  for (size_t i = 0; i < sentences; i++) {
    const char *sub = subjects[next_random(&s) % 9];
    const char *verb = verbs[next_random(&s) % 8];
    const char *obj = objects[next_random(&s) % 8];
    const char *tail = tails[next_random(&s) % 8];
    if (speakers)
      n += (size_t)snprintf(buf + n, cap - n,
                            "%s: ", names[next_random(&s) % 3]);
    n += (size_t)snprintf(buf + n, cap - n, "%s %s %s%s%s.%s", sub, verb, obj,
                          tail[0] == ',' ? "" : " ", tail,
                          speakers ? "\n" : (i % 5 == 4 ? "\n\n" : " "));
    if (next_random(&s) % 7 == 0)
      n += (size_t)snprintf(buf + n, cap - n, "%sYeah.%s",
                            speakers ? "Ben: " : "", speakers ? "\n" : " ");
  }
  *len = n;
  return buf;
}

/* Renders every format, concatenated. */
static char *render_all(const recap_document *doc, recap_status *st) {
  size_t total = 0;
  char *parts[RECAP_FORMAT_HTML + 1] = {NULL};
  size_t lens[RECAP_FORMAT_HTML + 1] = {0};
  *st = RECAP_OK;
  for (int f = 0; f <= RECAP_FORMAT_HTML && *st == RECAP_OK; f++) {
    *st = recap_render(doc, (recap_format)f, &parts[f], &lens[f]);
    total += lens[f] + 1;
  }
  char *all = NULL;
  if (*st == RECAP_OK && (all = malloc(total + 1)) != NULL) {
    size_t n = 0;
    for (int f = 0; f <= RECAP_FORMAT_HTML; f++) {
      memcpy(all + n, parts[f], lens[f]);
      n += lens[f];
      all[n++] = '\x1e';
    }
    all[n] = '\0';
  }
  for (int f = 0; f <= RECAP_FORMAT_HTML; f++)
    recap_free(parts[f]);
  return all;
}

/* {"id":N,"text":"..."} for a text without characters needing escapes
   except newlines and quotes. */
static char *jsonl_line(size_t id, const char *text, size_t len) {
  char *line = malloc(len * 2 + 64);
  assert_non_null(line);
  size_t n =
      (size_t)sprintf(line, "{\"id\":%zu,\"chapters\":true,\"text\":\"", id);
  for (size_t i = 0; i < len; i++) {
    char c = text[i];
    if (c == '\n') {
      line[n++] = '\\';
      line[n++] = 'n';
    } else if (c == '"' || c == '\\') {
      line[n++] = '\\';
      line[n++] = c;
    } else if ((unsigned char)c < 0x20) {
      n += (size_t)sprintf(line + n, "\\u%04x", (unsigned char)c);
    } else {
      line[n++] = c;
    }
  }
  strcpy(line + n, "\"}");
  return line;
}

static void add_input(char *text, size_t len, const recap_options *o) {
  assert_true(ninputs < MAX_INPUTS);
  input *in = &inputs[ninputs];
  in->text = text;
  in->len = len;
  in->opt = *o;
  in->jsonl_line = jsonl_line(ninputs, text, len);
  ninputs++;
}

static const char SRT[] =
    "1\n00:00:01,000 --> 00:00:04,000\nThe charging depot opens in June.\n\n"
    "2\n00:00:04,500 --> 00:00:09,000\nForty buses will charge there every "
    "night.\n\n"
    "3\n00:00:09,500 --> 00:00:14,000\nThe depot was funded by a state grant "
    "last year.\n";

static const char WHISPER[] =
    "{\"text\": \"x\", \"segments\": ["
    "{\"start\": 0.0, \"end\": 3.5, \"text\": \" The café on Main Street "
    "reopened today.\"},"
    "{\"start\": 3.5, \"end\": 7.0, \"text\": \" Its owner renovated the "
    "kitchen and the dining room.\"},"
    "{\"start\": 7.0, \"end\": 11.0, \"text\": \" The renovation of the café "
    "took six months.\"}], \"language\": \"en\"}";

static int group_setup(void **state) {
  (void)state;
  if (recap_context_new(&shared) != RECAP_OK)
    return -1;
  /* Set up the shared context: user stopwords and an IDF table. */
  const char *stop = "# test list\nsilver\n-couple\n";
  if (recap_context_add_stopwords(shared, "english", stop, strlen(stop)) ||
      recap_context_add_stopwords(shared, NULL, "agenda\n", 7))
    return -1;

  recap_options o;
  recap_options_init(&o);
  o.flags = RECAP_OPT_CHAPTERS | RECAP_OPT_SPEAKERS | RECAP_OPT_DECISIONS;
  size_t len;
  char *t = slurp("examples/webinar.txt", &len);
  add_input(t, len, &o);
  t = slurp("examples/webinar.vtt", &len);
  add_input(t, len, &o);
  recap_options q = o;
  q.query = "what will the new buses cost and who pays?";
  q.summary_words = 60;
  q.flags |= RECAP_OPT_CUT_LAST;
  t = slurp("examples/webinar.vtt", &len);
  add_input(t, len, &q);
  for (uint32_t seed = 1; seed <= 5; seed++) {
    recap_options g = o;
    g.language = seed % 2 ? "english" : "auto";
    g.scorer = (recap_scorer)(seed % 3);
    g.similarity = (recap_similarity)((seed / 2) % 3);
    g.summary_sentences = 3 + seed;
    t = generate(seed * 2654435761u, 40 + 15 * seed, seed % 2 == 0, &len);
    add_input(t, len, &g);
  }
  recap_options s = o;
  t = malloc(sizeof SRT);
  memcpy(t, SRT, sizeof SRT);
  add_input(t, strlen(SRT), &s);
  t = malloc(sizeof WHISPER);
  memcpy(t, WHISPER, sizeof WHISPER);
  add_input(t, strlen(WHISPER), &s);

  /* An IDF table from all the inputs, loaded into the shared context. */
  recap_idf *idf;
  recap_document *doc;
  if (recap_idf_new(shared, &idf) || recap_document_new(shared, &doc))
    return -1;
  for (size_t i = 0; i < ninputs; i++)
    if (recap_document_analyze(doc, inputs[i].text, inputs[i].len,
                               &inputs[i].opt) ||
        recap_idf_add_document(idf, doc))
      return -1;
  char *table;
  size_t table_len;
  if (recap_idf_render(idf, &table, &table_len) ||
      recap_context_load_idf(shared, table, table_len))
    return -1;
  recap_free(table);
  recap_idf_free(idf);

  /* The expected results, single-threaded, after the context is final. */
  for (size_t i = 0; i < ninputs; i++) {
    recap_status st = recap_document_analyze(doc, inputs[i].text, inputs[i].len,
                                             &inputs[i].opt);
    if (st != RECAP_OK)
      return -1;
    inputs[i].expected = render_all(doc, &st);
    if (st != RECAP_OK || !inputs[i].expected)
      return -1;
    char *out;
    st = recap_jsonl_process(doc, inputs[i].jsonl_line,
                             strlen(inputs[i].jsonl_line), &inputs[i].opt, &out,
                             NULL);
    if (st != RECAP_OK)
      return -1;
    inputs[i].expected_jsonl = strdup(out);
    recap_free(out);
  }
  recap_document_free(doc);
  return 0;
}

static int group_teardown(void **state) {
  (void)state;
  for (size_t i = 0; i < ninputs; i++) {
    free(inputs[i].text);
    free(inputs[i].expected);
    free(inputs[i].expected_jsonl);
    free(inputs[i].jsonl_line);
  }
  recap_context_free(shared);
  return 0;
}

/* ---- many documents, one context ----------------------------------------- */

typedef struct worker {
  pthread_t thread;
  size_t id;
  size_t runs, mismatches, failures;
  char message[200];
} worker;

static void note(worker *w, const char *what, size_t input_index) {
  if (!w->message[0])
    snprintf(w->message, sizeof w->message, "thread %zu: %s on input %zu",
             w->id, what, input_index);
}

static void *analyse_loop(void *arg) {
  worker *w = arg;
  recap_document *doc;
  if (recap_document_new(shared, &doc) != RECAP_OK) {
    w->failures++;
    return NULL;
  }
  for (size_t it = 0; it < ITERATIONS; it++) {
    size_t i = (w->id * 3 + it) % ninputs;
    const input *in = &inputs[i];
    recap_status st = recap_document_analyze(doc, in->text, in->len, &in->opt);
    if (st != RECAP_OK) {
      w->failures++;
      note(w, "analysis failed", i);
      continue;
    }
    char *got = render_all(doc, &st);
    if (st != RECAP_OK || !got) {
      w->failures++;
      note(w, "rendering failed", i);
    } else if (strcmp(got, in->expected) != 0) {
      w->mismatches++;
      note(w, "rendering differs", i);
    }
    free(got);
    /* Every third round: the same through JSON Lines. */
    if (it % 3 == 0) {
      char *out = NULL;
      st = recap_jsonl_process(doc, in->jsonl_line, strlen(in->jsonl_line),
                               &in->opt, &out, NULL);
      if (st != RECAP_OK)
        w->failures++;
      else if (strcmp(out, in->expected_jsonl) != 0) {
        w->mismatches++;
        note(w, "JSON Lines output differs", i);
      }
      recap_free(out);
    }
    w->runs++;
  }
  recap_document_free(doc);
  return NULL;
}

static void check_workers(worker *w, size_t n, size_t runs_each) {
  for (size_t t = 0; t < n; t++) {
    if (w[t].message[0])
      print_error("%s\n", w[t].message);
    assert_int_equal(w[t].failures, 0);
    assert_int_equal(w[t].mismatches, 0);
    assert_int_equal(w[t].runs, runs_each);
  }
}

static void test_shared_context(void **state) {
  (void)state;
  assert_true(ninputs >= 8);
  worker w[THREADS];
  memset(w, 0, sizeof w);
  for (size_t t = 0; t < THREADS; t++) {
    w[t].id = t;
    assert_int_equal(pthread_create(&w[t].thread, NULL, analyse_loop, &w[t]),
                     0);
  }
  for (size_t t = 0; t < THREADS; t++)
    assert_int_equal(pthread_join(w[t].thread, NULL), 0);
  check_workers(w, THREADS, ITERATIONS);
}

/* The one-call convenience makes its own context: threads need nothing
   shared at all. */
static void *summarize_loop(void *arg) {
  worker *w = arg;
  for (size_t it = 0; it < ITERATIONS / 4; it++) {
    size_t i = (w->id + it) % ninputs;
    const input *in = &inputs[i];
    char *a = NULL, *b = NULL;
    recap_status st = recap_summarize(in->text, in->len, &in->opt,
                                      RECAP_FORMAT_JSON, &a, NULL);
    recap_status st2 = recap_summarize(in->text, in->len, &in->opt,
                                       RECAP_FORMAT_JSON, &b, NULL);
    if (st != RECAP_OK || st2 != RECAP_OK)
      w->failures++;
    else if (strcmp(a, b) != 0)
      w->mismatches++;
    recap_free(a);
    recap_free(b);
    w->runs++;
  }
  return NULL;
}

static void test_summarize_threads(void **state) {
  (void)state;
  worker w[THREADS];
  memset(w, 0, sizeof w);
  for (size_t t = 0; t < THREADS; t++) {
    w[t].id = t;
    assert_int_equal(pthread_create(&w[t].thread, NULL, summarize_loop, &w[t]),
                     0);
  }
  for (size_t t = 0; t < THREADS; t++)
    assert_int_equal(pthread_join(w[t].thread, NULL), 0);
  check_workers(w, THREADS, ITERATIONS / 4);
}

/* ---- one document, many readers ------------------------------------------ */

typedef struct snapshot {
  char *rendered;
  char **texts; /* recap_sentence_text of every sentence */
  recap_sentence *sentences;
  recap_segment *segments;
  size_t nsent, nseg;
} snapshot;

static const recap_document *reading;
static int read_accessors; /* also recap_sentence_get/_text, segment_get */
static snapshot want;

static int same_sentence(const recap_sentence *a, const recap_sentence *b) {
  int names = (!a->speaker && !b->speaker) ||
              (a->speaker && b->speaker && strcmp(a->speaker, b->speaker) == 0);
  return a->index == b->index && a->offset == b->offset &&
         a->length == b->length && a->score == b->score && names &&
         a->start == b->start && a->end == b->end && a->words == b->words;
}

static void *read_loop(void *arg) {
  worker *w = arg;
  const recap_document *doc = reading;
  for (size_t it = 0; it < ITERATIONS; it++) {
    recap_status st;
    char *got = render_all(doc, &st);
    if (!got || strcmp(got, want.rendered) != 0) {
      w->mismatches++;
      note(w, "rendering differs", 0);
    }
    free(got);
    /* Walk the results in a different order in each thread. */
    size_t n = recap_sentence_count(doc);
    if (n != want.nsent)
      w->mismatches++;
    for (size_t k = 0; read_accessors && k < n; k++) {
      size_t i = (k + w->id * 7) % n;
      recap_sentence s;
      if (recap_sentence_get(doc, i, &s) != RECAP_OK ||
          !same_sentence(&s, &want.sentences[i])) {
        w->mismatches++;
        note(w, "recap_sentence_get differs", i);
      }
      char *t = NULL;
      if (recap_sentence_text(doc, i, &t, NULL) != RECAP_OK ||
          strcmp(t, want.texts[i]) != 0) {
        w->mismatches++;
        note(w, "recap_sentence_text differs", i);
      }
      recap_free(t);
    }
    for (size_t i = 0; read_accessors && i < recap_segment_count(doc); i++) {
      recap_segment g;
      if (recap_segment_get(doc, i, &g) != RECAP_OK ||
          g.offset != want.segments[i].offset ||
          g.length != want.segments[i].length ||
          g.start != want.segments[i].start ||
          (g.speaker == NULL) != (want.segments[i].speaker == NULL) ||
          (g.speaker && strcmp(g.speaker, want.segments[i].speaker) != 0)) {
        w->mismatches++;
        note(w, "recap_segment_get differs", i);
      }
    }
    size_t words = 0;
    for (size_t i = 0; i < recap_summary_count(doc); i++)
      words += recap_summary_at(doc, i)->words;
    for (size_t i = 0; i < recap_speaker_count(doc); i++)
      words += recap_speaker_at(doc, i)->words;
    for (size_t i = 0; i < recap_keyphrase_count(doc); i++)
      words += recap_keyphrase_at(doc, i)->count;
    for (size_t i = 0; i < recap_chapter_count(doc); i++)
      words += recap_chapter_at(doc, i)->sentence_count;
    double conf;
    (void)recap_document_language(doc, &conf);
    (void)recap_document_duration(doc);
    (void)recap_document_word_count(doc);
    if (words == 0)
      w->mismatches++;
    w->runs++;
  }
  return NULL;
}

static void concurrent_readers(const input *in, int accessors) {
  recap_document *doc;
  assert_int_equal(recap_document_new(shared, &doc), RECAP_OK);
  assert_int_equal(recap_document_analyze(doc, in->text, in->len, &in->opt),
                   RECAP_OK);
  /* What one thread reads.  (Read on a second document, so that nothing
     the readers' calls might cache in `doc` is filled in beforehand.) */
  recap_document *ref;
  assert_int_equal(recap_document_new(shared, &ref), RECAP_OK);
  assert_int_equal(recap_document_analyze(ref, in->text, in->len, &in->opt),
                   RECAP_OK);
  recap_status st;
  want.rendered = render_all(ref, &st);
  assert_int_equal(st, RECAP_OK);
  assert_string_equal(want.rendered, in->expected);
  want.nsent = recap_sentence_count(ref);
  want.nseg = recap_segment_count(ref);
  want.texts = calloc(want.nsent, sizeof *want.texts);
  want.sentences = calloc(want.nsent, sizeof *want.sentences);
  want.segments = calloc(want.nseg, sizeof *want.segments);
  assert_true(want.texts && want.sentences && want.segments);
  for (size_t i = 0; i < want.nsent; i++) {
    assert_int_equal(recap_sentence_get(ref, i, &want.sentences[i]), RECAP_OK);
    char *t;
    assert_int_equal(recap_sentence_text(ref, i, &t, NULL), RECAP_OK);
    want.texts[i] = strdup(t);
    recap_free(t);
  }
  for (size_t i = 0; i < want.nseg; i++)
    assert_int_equal(recap_segment_get(ref, i, &want.segments[i]), RECAP_OK);

  reading = doc;
  read_accessors = accessors;
  worker w[THREADS];
  memset(w, 0, sizeof w);
  for (size_t t = 0; t < THREADS; t++) {
    w[t].id = t;
    assert_int_equal(pthread_create(&w[t].thread, NULL, read_loop, &w[t]), 0);
  }
  for (size_t t = 0; t < THREADS; t++)
    assert_int_equal(pthread_join(w[t].thread, NULL), 0);
  check_workers(w, THREADS, ITERATIONS);

  for (size_t i = 0; i < want.nsent; i++)
    free(want.texts[i]);
  free(want.texts);
  free(want.sentences);
  free(want.segments);
  free(want.rendered);
  recap_document_free(ref);
  recap_document_free(doc);
}

/* Rendering and the borrowed results (recap_summary_at() and friends). */
static void test_concurrent_readers(void **state) {
  (void)state;
  concurrent_readers(&inputs[1], 0); /* webinar.vtt: speakers, times */
  concurrent_readers(&inputs[4], 0); /* non-ASCII words, speakers */
}

/* Also the calls that build a result for the caller from a const
   document: recap_sentence_get(), recap_sentence_text() (display text,
   NFC) and recap_segment_get().  They must not write to the document
   (scratch buffers, lazily made speaker names).  Before document.c made
   speaker names during the analysis and gave display its own scratch,
   recap_sentence_text() crashed here in utf8proc_normalize_utf32 on
   webinar.vtt (U+2019 in "I'm Tom Reyes"). */
static void test_concurrent_accessors(void **state) {
  (void)state;
  concurrent_readers(&inputs[1], 1);
  concurrent_readers(&inputs[4], 1);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_shared_context),
      cmocka_unit_test(test_summarize_threads),
      cmocka_unit_test(test_concurrent_readers),
      cmocka_unit_test(test_concurrent_accessors),
  };
  return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
