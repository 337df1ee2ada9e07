/*
 * test_scoring.c - term statistics, TF-IDF, the sentence graph, key phrase
 * merging and selection, sentence flags and display text, checked on tiny
 * documents with values worked out by hand (doc.h internals).
 *
 * The numeric tests use the language-neutral mode ("none"): no stemmer, no
 * stopwords and no background, so every word is a content word, a stem is
 * the folded word, and IDF is sentence-level,
 *
 *   idf(t) = ln((1 + N) / (1 + df(t))) + 1,   w(t, s) = (1 + ln tf) idf(t).
 *
 * The document (N = 3 sentences):
 *
 *   s0  "Red apples grow fast."        red apples grow fast
 *   s1  "Green apples grow slowly."    green apples grow slowly
 *   s2  "Fast red cars drive fast."    fast x2, red, cars, drive
 *
 *   stem    df  tf  idf
 *   red      2   2  ln(4/3) + 1 = 1.2876821
 *   apples   2   2  1.2876821
 *   grow     2   2  1.2876821
 *   fast     2   3  1.2876821
 *   green    1   1  ln(4/2) + 1 = 1.6931472
 *   slowly   1   1  1.6931472
 *   cars     1   1  1.6931472
 *   drive    1   1  1.6931472
 *
 * Norms: |s0| = sqrt(4 x 1.2876821^2) = 2.5753641;
 *        |s1| = sqrt(2 x 1.2876821^2 + 2 x 1.6931472^2) = 3.0082794;
 *        |s2| = sqrt(((1 + ln 2) 1.2876821)^2 + 1.2876821^2
 *                    + 2 x 1.6931472^2) = 3.4849743.
 * Cosines: s0.s1 = 2 x 1.2876821^2 / (2.5753641 x 3.0082794) = 0.4280460;
 *          s0.s2 = (1.2876821^2 [red] + 1.2876821 x (1 + ln 2) 1.2876821
 *                  [fast]) / (2.5753641 x 3.4849743)
 *                = (1.6581252 + 2.8074500) / 8.9750777 = 0.4975528;
 *          s1.s2 share nothing: 0.
 * TF-IDF sentence scores: sum of tf(t) idf(t) over the sentence's stems
 * over sqrt(words + 1): s0 = 9 x 1.2876821 / sqrt 5 = 5.1828204.
 * BM25 (k1 = 1.2, b = 0.75, lengths in content words 4, 4, 5, average
 * 13/3): sat(tf, len) = tf (k1 + 1) / (tf + k1 (1 - b + b len / avg));
 *   edge(s0, s1) = sum over apples, grow of 0.5 idf (sat(1,4) + sat(1,4))
 *               = 2.6590402;
 *   edge(s0, s2) = 0.5 idf (sat(1,5) + sat(1,4))        [red]
 *               + 0.5 idf (sat(2,5) + sat(1,4))        [fast]
 *               = 2.7838037.
 * Overlap (Mihalcea & Tarau): shared / (ln(c0 + 1) + ln(c1 + 1)):
 *   edge(s0, s1) = 2 / (ln 5 + ln 5) = 0.6213349;
 *   edge(s0, s2) = 2 / (ln 5 + ln 6) = 0.5880282.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "test_util.h"

#include "doc.h"
#include "graph.h"
#include "keyphrase.h"
#include "lang.h"
#include "rank.h"
#include "score.h"
#include "summary.h"
#include "tfidf.h"

static const char TINY[] = "Red apples grow fast. Green apples grow slowly. "
                           "Fast red cars drive fast.";

#define IDF2 1.2876820724517808 /* ln(4/3) + 1 */
#define IDF1 1.6931471805599454 /* ln 2 + 1 */

static void analyze(recap_document *doc, const char *lang, const char *text,
                    unsigned flags) {
  recap_options o;
  recap_options_init(&o);
  o.language = lang;
  /* The candidates (doc->phrases), which these tests read, outlive the
     analysis only where speakers or chapters use them (drop_phrases in
     analyze.c). */
  o.flags = flags | RECAP_OPT_SPEAKERS;
  o.summary_sentences = RECAP_UNLIMITED;
  o.keyphrases = 30;
  recap_status st = recap_document_analyze(doc, text, strlen(text), &o);
  if (st != RECAP_OK)
    fail_msg("analyze: %s", recap_document_error(doc));
}

static uint32_t stem_id(const recap_document *doc, const char *stem) {
  uint32_t id = rc_strtab_find(&doc->stems, stem, strlen(stem));
  if (id == RC_NO_ID)
    fail_msg("no stem '%s'", stem);
  return id;
}

static const rc_steminfo *stem(const recap_document *doc, const char *s) {
  return &doc->stem_info.data[stem_id(doc, s)];
}

static void assert_near(double got, double want) {
  double tol = 1e-5 * (fabs(want) > 1 ? fabs(want) : 1);
  if (!(fabs(got - want) <= tol))
    fail_msg("got %.9g, want %.9g", got, want);
}

/* Weight of the edge a-b in the graph, or -1 if there is none. */
static double edge(const rc_graph *g, size_t a, size_t b) {
  double w = -1;
  int seen = 0;
  for (size_t k = g->row[a]; k < g->row[a + 1]; k++)
    if (g->col[k] == b) {
      w = g->w[k];
      seen++;
    }
  assert_true(seen <= 1);
  /* Symmetric. */
  double back = -1;
  for (size_t k = g->row[b]; k < g->row[b + 1]; k++)
    if (g->col[k] == a)
      back = g->w[k];
  assert_true(back == w);
  return w;
}

/* ---- term statistics and TF-IDF ------------------------------------------ */

static void test_stem_counts(void **state) {
  fixture *f = *state;
  analyze(f->doc, "none", TINY, 0);
  recap_document *d = f->doc;
  assert_int_equal(d->sents.len, 3);
  assert_int_equal(d->stem_info.len, 8);
  struct {
    const char *s;
    uint32_t df, tf, first, last;
  } want[] = {{"red", 2, 2, 0, 2},   {"apples", 2, 2, 0, 1},
              {"grow", 2, 2, 0, 1},  {"fast", 2, 3, 0, 2},
              {"green", 1, 1, 1, 1}, {"slowly", 1, 1, 1, 1},
              {"cars", 1, 1, 2, 2},  {"drive", 1, 1, 2, 2}};
  for (size_t i = 0; i < sizeof want / sizeof *want; i++) {
    const rc_steminfo *s = stem(d, want[i].s);
    assert_int_equal(s->df, want[i].df);
    assert_int_equal(s->tf, want[i].tf);
    assert_int_equal(s->first, want[i].first);
    assert_int_equal(s->last, want[i].last);
  }
  /* Per sentence: words, content words, distinct stems, and the tf of
     "fast" in s2. */
  const uint32_t words[] = {4, 4, 5}, nterms[] = {4, 4, 4};
  for (size_t i = 0; i < 3; i++) {
    assert_int_equal(d->sents.data[i].words, words[i]);
    assert_int_equal(d->sents.data[i].content, words[i]);
    assert_int_equal(d->sents.data[i].nterms, nterms[i]);
    assert_int_equal(d->sents.data[i].flags, 0);
  }
  const rc_sent *s2 = &d->sents.data[2];
  uint32_t fast = stem_id(d, "fast");
  int found = 0;
  for (uint32_t k = 0; k < s2->nterms; k++) {
    const rc_tf *t = &d->sent_terms.data[s2->terms + k];
    if (t->stem == fast) {
      assert_int_equal(t->tf, 2);
      found = 1;
    } else {
      assert_int_equal(t->tf, 1);
    }
  }
  assert_true(found);
  assert_int_equal(d->word_count, 13);
}

static void test_idf_and_norms(void **state) {
  fixture *f = *state;
  analyze(f->doc, "none", TINY, 0);
  recap_document *d = f->doc;
  const char *common[] = {"red", "apples", "grow", "fast"};
  const char *rare[] = {"green", "slowly", "cars", "drive"};
  for (size_t i = 0; i < 4; i++) {
    assert_near(stem(d, common[i])->idf, IDF2);
    assert_near(stem(d, rare[i])->idf, IDF1);
  }
  assert_near(rc_tfidf_weight(d, stem_id(d, "fast"), 2), (1 + log(2.0)) * IDF2);
  assert_near(rc_tfidf_weight(d, stem_id(d, "cars"), 1), IDF1);
  assert_near(d->sent_weights.data[0].norm, 2.5753641449035616);
  assert_near(d->sent_weights.data[1].norm, 3.0082794068210506);
  assert_near(d->sent_weights.data[2].norm, 3.484974275975923);
  assert_near(d->sent_tfidf.data[0], 5.182820365337983);
  assert_near(d->sent_tfidf.data[1], 3.817872594585652);
  assert_near(d->sent_tfidf.data[2], 4.010918907631634);
}

static void test_cosine(void **state) {
  fixture *f = *state;
  analyze(f->doc, "none", TINY, 0);
  recap_document *d = f->doc;
  double *mark = calloc(d->stem_info.len, sizeof *mark);
  assert_non_null(mark);
  assert_near(rc_sentence_cosine(d, 0, 1, mark), 0.42804603506311856);
  assert_near(rc_sentence_cosine(d, 1, 0, mark), 0.42804603506311856);
  assert_near(rc_sentence_cosine(d, 0, 2, mark), 0.4975527892397362);
  assert_near(rc_sentence_cosine(d, 1, 2, mark), 0.0);
  assert_near(rc_sentence_cosine(d, 2, 2, mark), 1.0);
  /* The scratch is all zero again. */
  for (size_t i = 0; i < d->stem_info.len; i++)
    assert_true(mark[i] == 0);
  free(mark);
}

static void test_graph_edges(void **state) {
  fixture *f = *state;
  analyze(f->doc, "none", TINY, 0);
  recap_document *d = f->doc;
  struct {
    recap_similarity sim;
    double e01, e02;
  } cases[] = {
      {RECAP_SIMILARITY_BM25, 2.659040236254219, 2.783803671423784},
      {RECAP_SIMILARITY_COSINE, 0.42804603506311856, 0.4975527892397362},
      {RECAP_SIMILARITY_OVERLAP, 0.6213349345596119, 0.5880282075904122},
  };
  for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
    rc_graph g;
    assert_int_equal(rc_sentence_graph(d, cases[i].sim, &g), RECAP_OK);
    assert_int_equal(g.n, 3);
    assert_near(edge(&g, 0, 1), cases[i].e01);
    assert_near(edge(&g, 0, 2), cases[i].e02);
    assert_true(edge(&g, 1, 2) == -1); /* nothing shared, no edge */
    assert_int_equal(g.row[3], 4);     /* two edges, both directions */
    assert_null(g.item);               /* every sentence is a node */
    rc_graph_free(d->alloc, &g);
  }
}

/* A sentence that shares no term with another is no node of the graph
   (PageRank scores it from its restart level, rank.h); the nodes keep
   their sentences' order. */
static void test_graph_unlinked(void **state) {
  fixture *f = *state;
  analyze(f->doc, "none",
          "Blue whales sing. Red apples grow fast. Tall ships sail. "
          "Green apples grow slowly.",
          0);
  recap_document *d = f->doc;
  assert_int_equal(d->sents.len, 4);
  rc_graph g;
  assert_int_equal(rc_sentence_graph(d, RECAP_SIMILARITY_BM25, &g), RECAP_OK);
  assert_int_equal(g.n, 2);
  assert_int_equal(g.items, 4);
  assert_non_null(g.item);
  assert_int_equal(g.item[0], 1);
  assert_int_equal(g.item[1], 3);
  assert_true(edge(&g, 0, 1) > 0);
  assert_int_equal(g.row[2], 2);
  rc_graph_free(d->alloc, &g);
}

/* English: IDF over the built-in background (SemCor counts), or over the
   caller's archive table when it has the language. */
static void test_background_idf(void **state) {
  fixture *f = *state;
  if (!(recap_language_features("english") & RECAP_LANGUAGE_BACKGROUND))
    skip(); /* built without WordNet: no background */
  const char *text = "Green apples grow quickly in warm orchards. "
                     "Zyxwvq apples fall.";
  analyze(f->doc, "english", text, 0);
  recap_document *d = f->doc;
  const rc_background *bg = d->lang->background;
  assert_non_null(bg);
  assert_true(bg->total > 0);
  long k = rc_wordlist_find(&bg->stems, "appl", 4);
  assert_true(k >= 0);
  double total = (double)bg->total;
  assert_near(stem(d, "appl")->idf,
              log((1 + total) / (1 + (double)bg->counts[k])) + 1);
  /* A stem the background has never seen. */
  assert_true(rc_wordlist_find(&bg->stems, "zyxwvq", 6) < 0);
  assert_near(stem(d, "zyxwvq")->idf, log(1 + total) + 1);

  /* An archive table replaces the background: 10 documents, "appl" in 4,
     "orchard" in none. */
  recap_context *ctx;
  recap_document *doc;
  assert_int_equal(recap_context_new(&ctx), RECAP_OK);
  const char *table = "@language english 10\nappl\t4\ngrow\t10\n";
  assert_int_equal(recap_context_load_idf(ctx, table, strlen(table)), RECAP_OK);
  assert_int_equal(recap_document_new(ctx, &doc), RECAP_OK);
  analyze(doc, "english", text, 0);
  assert_near(stem(doc, "appl")->idf, log(11.0 / 5.0) + 1);  /* 1.7884574 */
  assert_near(stem(doc, "grow")->idf, log(11.0 / 11.0) + 1); /* 1 */
  assert_near(stem(doc, "orchard")->idf, log(11.0) + 1);     /* 3.3978953 */
  recap_document_free(doc);
  /* A table for another language leaves English on its background. */
  recap_context_free(ctx);
  assert_int_equal(recap_context_new(&ctx), RECAP_OK);
  table = "@language french 10\nappl\t4\n";
  assert_int_equal(recap_context_load_idf(ctx, table, strlen(table)), RECAP_OK);
  assert_int_equal(recap_document_new(ctx, &doc), RECAP_OK);
  analyze(doc, "english", text, 0);
  assert_near(stem(doc, "appl")->idf,
              log((1 + total) / (1 + (double)bg->counts[k])) + 1);
  recap_document_free(doc);
  recap_context_free(ctx);
}

/* ---- key phrases --------------------------------------------------------- */

static const recap_keyphrase *find_phrase(const recap_document *doc,
                                          const char *phrase) {
  for (size_t i = 0; i < recap_keyphrase_count(doc); i++)
    if (strcmp(recap_keyphrase_at(doc, i)->phrase, phrase) == 0)
      return recap_keyphrase_at(doc, i);
  return NULL;
}

/* The candidate whose stems are `stems` (space-separated), or NULL. */
static const rc_phrase *candidate(const recap_document *doc,
                                  const char *stems) {
  uint32_t key[8];
  size_t n = 0;
  char buf[128];
  snprintf(buf, sizeof buf, "%s", stems);
  for (char *w = strtok(buf, " "); w && n < 8; w = strtok(NULL, " "))
    key[n++] = stem_id(doc, w);
  uint32_t id =
      rc_strtab_find(&doc->phrase_keys, (const char *)key, n * sizeof *key);
  return id == RC_NO_ID ? NULL : &doc->phrases.data[id];
}

static void test_phrase_merging(void **state) {
  fixture *f = *state;
  /* One of each form: "charging depot" (folded) is the most frequent
     surface, twice against "charging depots" once. */
  const char *one_each = "We toured the charging depots with the mayor. She "
                         "said the Charging Depot on Elm was the first. Then "
                         "we saw the charging depot and it was bigger.";
  analyze(f->doc, "english", one_each, 0);
  const rc_phrase *p = candidate(f->doc, "charg depot");
  assert_non_null(p);
  assert_int_equal(p->count, 3);
  assert_int_equal(p->nwords, 2);
  const recap_keyphrase *k = find_phrase(f->doc, "charging depot");
  assert_non_null(k);
  assert_int_equal(k->count, 3);
  assert_null(find_phrase(f->doc, "charging depots"));
  assert_null(find_phrase(f->doc, "Charging Depot"));
  assert_string_equal(recap_keyphrase_at(f->doc, 0)->phrase, "charging depot");

  /* The plural three times: it is shown. */
  const char *plural = "We toured the charging depots with the mayor. She "
                       "said the Charging Depot on Elm was the first. The "
                       "charging depots were full. Then we saw the charging "
                       "depot and the charging depots were bigger.";
  analyze(f->doc, "english", plural, 0);
  p = candidate(f->doc, "charg depot");
  assert_non_null(p);
  assert_int_equal(p->count, 5);
  k = find_phrase(f->doc, "charging depots");
  assert_non_null(k);
  assert_int_equal(k->count, 5);
  assert_null(find_phrase(f->doc, "charging depot"));
  /* Displayed in lower case: written with capitals once in five. */
  assert_int_equal(p->upper[0], 1);
  assert_int_equal(p->lower[0], 4);
  assert_int_equal(p->upper[1], 1);
  assert_int_equal(p->lower[1], 4);
}

/* Regression (was a bug): a key phrase's `sentence`, `offset` and `start` are
   those of the first occurrence of its most frequent surface form, not of the
   first mention as recap.h documents ("sentence of the first mention", "first
   mention in the input").  In the text below the first mention is
   "charging depots" in sentence 0 (offset 14); recap reports sentence 1,
   offset 59 ("Charging Depot"). */
static void test_phrase_first_mention(void **state) {
  fixture *f = *state;
  const char *one_each = "We toured the charging depots with the mayor. She "
                         "said the Charging Depot on Elm was the first. Then "
                         "we saw the charging depot and it was bigger.";
  analyze(f->doc, "english", one_each, 0);
  const recap_keyphrase *k = find_phrase(f->doc, "charging depot");
  assert_non_null(k);
  assert_int_equal(k->sentence, 0);
  assert_int_equal(k->offset, 14);
  assert_int_equal(k->length, 15);
}

/* "electric bus fleet" (sentence 0) outranks "bus fleet" (from sentence
   4 on); the smaller phrase lies inside the bigger one. */
#define FLEET                                                                  \
  "The electric bus fleet is here in May. The electric bus fleet is quiet. "   \
  "Electric power is cheap here. Nobody misses diesel. Riders asked about "    \
  "the bus fleet at the meeting."

static void check_fleet_ranks(const recap_document *doc, uint32_t bus_count) {
  const rc_phrase *big = candidate(doc, "electr bus fleet");
  const rc_phrase *small = candidate(doc, "bus fleet");
  assert_non_null(big);
  assert_non_null(small);
  assert_int_equal(big->count, 2);
  /* Its runs of its own, and all its mentions (two inside "electric bus
     fleet"). */
  assert_int_equal(small->alone, bus_count);
  assert_int_equal(small->count, bus_count + 2);
  /* With one mention of its own, the smaller one ranks below: the bigger
     is chosen first, and the rule for phrases inside it applies. */
  if (bus_count == 1)
    assert_true(big->score > small->score);
  /* The bigger one is shown while it ranks first; once "bus fleet" does
     (three runs of its own), "electric bus fleet" only counts its
     mentions again and is not. */
  if (bus_count < 3)
    assert_non_null(find_phrase(doc, "electric bus fleet"));
  else
    assert_null(find_phrase(doc, "electric bus fleet"));
}

/* The key phrase rules these tests pin end runs at English verbs and
   trailing modifiers, which the WordNet lexicon tells; a build without it
   (make WORDNET=/nonexistent) skips them. */
static int english_lexicon(void) {
  return (recap_language_features("english") & RECAP_LANGUAGE_LEXICON) != 0;
}

static void test_phrase_inside_dropped(void **state) {
  fixture *f = *state;
  if (!english_lexicon())
    skip();
  /* Once on its own: dropped. */
  analyze(f->doc, "english", FLEET, 0);
  check_fleet_ranks(f->doc, 1);
  assert_null(find_phrase(f->doc, "bus fleet"));
  /* Three times on its own: kept. */
  analyze(f->doc, "english",
          FLEET " Drivers like the bus fleet too. Mechanics repair the bus "
                "fleet at night.",
          0);
  check_fleet_ranks(f->doc, 3);
  const recap_keyphrase *k = find_phrase(f->doc, "bus fleet");
  assert_non_null(k);
  assert_int_equal(k->count, 5); /* every mention, also inside the other */
}

/* A phrase inside a chosen one stands on its own with two mentions outside
   it: "bus fleet" twice by itself, twice inside "electric bus fleet". */
static void test_phrase_inside_twice_kept(void **state) {
  fixture *f = *state;
  analyze(f->doc, "english", FLEET " Drivers like the bus fleet too.", 0);
  check_fleet_ranks(f->doc, 2);
  const recap_keyphrase *k = find_phrase(f->doc, "bus fleet");
  assert_non_null(k);
  assert_int_equal(k->count, 4);
}

/* Two phrases run together, or a recogniser's repeat, is no key phrase:
   no content word twice in one. */
static void test_phrase_repeating_a_word_dropped(void **state) {
  fixture *f = *state;
  analyze(f->doc, "english",
          "We should use the company colours company logo on the remote. "
          "The company colours company logo would look good on the case. "
          "I like the company colours company logo idea for the buttons. "
          "The case needs rubber buttons and a curved shape.",
          0);
  assert_true(recap_keyphrase_count(f->doc) > 0);
  assert_null(find_phrase(f->doc, "company colours company logo"));
  for (size_t i = 0; i < recap_keyphrase_count(f->doc); i++) {
    const char *p = recap_keyphrase_at(f->doc, i)->phrase;
    const char *c = strstr(p, "company");
    assert_true(c == NULL || strstr(c + 1, "company") == NULL);
  }
}

/* ---- sentence flags and the summary -------------------------------------- */

static int in_summary(const recap_document *doc, size_t index) {
  for (size_t i = 0; i < recap_summary_count(doc); i++)
    if (recap_summary_at(doc, i)->index == index)
      return 1;
  return 0;
}

/* The opening weighs more (meetings state their purpose first), but not
   for a query. */
static void test_lead_prior(void **state) {
  fixture *f = *state;
  char text[16384] = "";
  size_t len = 0;
  for (int i = 0; i < 60; i++)
    len += (size_t)snprintf(text + len, sizeof text - len,
                            i == 0 || i == 59
                                ? "The harbour ferry timetable changes in "
                                  "spring for commuters. "
                                : "Item %d on the list covers routine matters "
                                  "number %d. ",
                            i, i * 7);
  analyze(f->doc, "english", text, 0);
  const float *s = f->doc->sent_scores.data;
  assert_int_equal(f->doc->sents.len, 60);
  assert_int_equal(f->doc->sent_scores.len, 60);
  assert_true(s[0] > 2 * s[59]);

  recap_options o;
  recap_options_init(&o);
  o.language = "english";
  o.query = "ferry timetable";
  assert_int_equal(recap_document_analyze(f->doc, text, len, &o), RECAP_OK);
  s = f->doc->sent_scores.data;
  assert_true(fabs(s[0] - s[59]) < 1e-6);
}

/* A sentence record is 24 bytes, its content offset split in two: every
   offset below RC_SENT_OFF_LIMIT comes back whole, and setting it leaves
   the fields packed beside it alone. */
static void test_sentence_record(void **state) {
  (void)state;
  assert_int_equal(sizeof(rc_sent), 24);
  const uint64_t offs[] = {0,
                           1,
                           UINT32_MAX,
                           (uint64_t)UINT32_MAX + 1,
                           ((uint64_t)1 << 36) + 12345,
                           RC_SENT_OFF_LIMIT - 1};
  for (size_t i = 0; i < sizeof offs / sizeof *offs; i++) {
    rc_sent r;
    memset(&r, 0, sizeof r);
    r.flags = RC_SENT_GIST | RC_SENT_QUESTION;
    r.len = RC_SENT_MAX_LEN;
    rc_sent_set_off(&r, (size_t)offs[i]);
    assert_true(rc_sent_off(&r) == offs[i]);
    assert_int_equal(r.flags, RC_SENT_GIST | RC_SENT_QUESTION);
    assert_int_equal(r.len, RC_SENT_MAX_LEN);
    r.flags = 0;
    r.len = 7;
    assert_true(rc_sent_off(&r) == offs[i]);
  }
}

/* Each sentence's TextRank score, kept apart from its weights: 0 with the
   TF-IDF scorer, which builds no graph, and the sentence the others
   repeat ranks above a lone one with TextRank. */
static void test_sentence_ranks(void **state) {
  fixture *f = *state;
  const char *text = "The harbour ferry timetable changes in spring. "
                     "Ferry timetable changes worry the harbour commuters. "
                     "Bicycles are welcome on the morning boats. "
                     "The spring harbour ferry timetable is out now.";
  recap_options o;
  recap_options_init(&o);
  o.language = "english";
  o.scorer = RECAP_SCORER_TFIDF;
  assert_int_equal(recap_document_analyze(f->doc, text, strlen(text), &o),
                   RECAP_OK);
  assert_int_equal(f->doc->sent_ranks.len, f->doc->sents.len);
  for (size_t i = 0; i < f->doc->sent_ranks.len; i++)
    assert_true(f->doc->sent_ranks.data[i] == 0);
  o.scorer = RECAP_SCORER_TEXTRANK;
  assert_int_equal(recap_document_analyze(f->doc, text, strlen(text), &o),
                   RECAP_OK);
  assert_int_equal(f->doc->sents.len, 4);
  assert_int_equal(f->doc->sent_ranks.len, 4);
  assert_true(f->doc->sent_ranks.data[0] > f->doc->sent_ranks.data[2]);
}

/* A query's relevance reaches the speaker it names and the sentences
   near its words. */
static void test_query_relevance(void **state) {
  fixture *f = *state;
  const char *text =
      "PhD F: The annotation tool reads every flat file format we have.\n"
      "Grad C: We should store the transcripts in a flat file format.\n"
      "Grad C: Nobody here wants to learn another database system.\n"
      "PhD F: The lunch order goes to the cafe on the corner today.\n";
  recap_options o;
  recap_options_init(&o);
  o.language = "english";
  o.input_format = RECAP_INPUT_TRANSCRIPT;
  o.query = "What did C think about the flat file format?";
  assert_int_equal(recap_document_analyze(f->doc, text, strlen(text), &o),
                   RECAP_OK);
  assert_int_equal(f->doc->sents.len, 4);
  double r[4];
  for (size_t i = 0; i < 4; i++)
    r[i] = rc_query_relevance(f->doc, i);
  /* Both first sentences hold "flat file format"; C's also has C. */
  assert_true(r[1] > r[0]);
  /* C's third sentence has no query word, but C said it, near them. */
  assert_true(r[2] > 0);
  assert_true(r[2] > r[3]);
  /* Without a query, no relevance. */
  o.query = NULL;
  assert_int_equal(recap_document_analyze(f->doc, text, strlen(text), &o),
                   RECAP_OK);
  assert_true(rc_query_relevance(f->doc, 0) == 0);
}

static void analyze_query(recap_document *doc, const char *text,
                          const char *query) {
  recap_options o;
  recap_options_init(&o);
  o.language = "english";
  o.input_format = RECAP_INPUT_TRANSCRIPT;
  o.query = query;
  assert_int_equal(recap_document_analyze(doc, text, strlen(text), &o),
                   RECAP_OK);
}

/* The answer follows the question: relevance reaches the turns after a
   turn that holds the query's words, not the turns before it. */
static void test_query_answer_follows(void **state) {
  fixture *f = *state;
  const char *text =
      "Marketing: The cafe on the corner changes its lunch menu on Fridays.\n"
      "Project Manager: So where should the battery charger for the remote "
      "go?\n"
      "Industrial Designer: It clicks into a small dock that sits beside "
      "the television set.\n"
      "Marketing: The cafe on the corner changes its lunch menu on "
      "Mondays.\n";
  analyze_query(f->doc, text, "Where should the battery charger go?");
  assert_int_equal(f->doc->sents.len, 4);
  assert_true(rc_query_relevance(f->doc, 2) > 0);
  assert_true(rc_query_relevance(f->doc, 0) == 0);
  assert_true(rc_query_relevance(f->doc, 2) > rc_query_relevance(f->doc, 3));
}

/* The words a query asks with ("discuss", "group", "think") and the name
   of the speaker it names ("Project Manager") are not what it is about:
   a sentence holding only those is not relevant. */
static void test_query_ask_words(void **state) {
  fixture *f = *state;
  const char *text =
      "Marketing: The group should discuss the project schedule at the "
      "next meeting.\n"
      "Marketing: The cafe on the corner changes its lunch menu on Fridays.\n"
      "Marketing: The cafe on the corner changes its lunch menu on Mondays.\n"
      "Marketing: The cafe on the corner changes its lunch menu on Tuesdays.\n"
      "Marketing: The cafe on the corner changes its lunch menu daily.\n"
      "Marketing: The cafe on the corner changes its lunch menu weekly.\n"
      "Project Manager: The battery charger clicks into a small dock.\n";
  analyze_query(f->doc, text,
                "What did the group discuss about the battery charger?");
  assert_true(rc_query_relevance(f->doc, 0) == 0);
  assert_true(rc_query_relevance(f->doc, 6) > 0);
  analyze_query(f->doc, text,
                "What did Project Manager think about the battery charger?");
  assert_true(rc_query_relevance(f->doc, 0) == 0);
  /* The named speaker's sentence counts twice: its words and its
     speaker. */
  analyze_query(f->doc, text, "What about the battery charger?");
  double unnamed = rc_query_relevance(f->doc, 6);
  analyze_query(f->doc, text,
                "What did Project Manager think about the battery charger?");
  assert_true(rc_query_relevance(f->doc, 6) > unnamed);
}

/* A query made only of the words a query asks with asks for the whole
   ("Summarize the whole meeting.", QMSum's general query): the summary is
   the one without a query, not one drawn to the sentence that says
   "whole"; a query about something still focuses. */
static void test_query_general(void **state) {
  fixture *f = *state;
  const char *text =
      "Project Manager: Today we decide the battery charger and the dock "
      "for the remote.\n"
      "Industrial Designer: The battery charger clicks into a small dock "
      "beside the television.\n"
      "Marketing: The dock and the battery charger should match the "
      "remote's colour.\n"
      "User Interface: The whole cafe changes its lunch menu on Fridays.\n"
      "Project Manager: So the charger and the dock stay in the remote's "
      "colour.\n";
  recap_options o;
  recap_options_init(&o);
  o.language = "english";
  o.input_format = RECAP_INPUT_TRANSCRIPT;
  o.summary_sentences = 1;
  assert_int_equal(recap_document_analyze(f->doc, text, strlen(text), &o),
                   RECAP_OK);
  assert_int_equal(f->doc->summary_count, 1);
  size_t plain = f->doc->summary[0].index;
  static const char *const general[] = {"Summarize the whole meeting.",
                                        "What was discussed?",
                                        "Summarise the entire discussion"};
  for (size_t q = 0; q < sizeof general / sizeof *general; q++) {
    o.query = general[q];
    assert_int_equal(recap_document_analyze(f->doc, text, strlen(text), &o),
                     RECAP_OK);
    assert_int_equal(f->doc->summary_count, 1);
    assert_int_equal(f->doc->summary[0].index, plain);
    assert_true(rc_query_relevance(f->doc, 3) == 0);
  }
  o.query = "What about the lunch menu?";
  assert_int_equal(recap_document_analyze(f->doc, text, strlen(text), &o),
                   RECAP_OK);
  assert_int_equal(f->doc->summary[0].index, 3);
}

/* A sentence with few content words ("I think it's a good idea.") is a
   fragment where there are enough fuller ones to choose from, and not
   where there are not. */
static void test_thin_sentences(void **state) {
  fixture *f = *state;
  static const char *const subjects[] = {"transit board", "city council",
                                         "fleet director", "finance office",
                                         "union steward"};
  static const char *const objects[] = {
      "electric bus contract", "charging depot lease", "overnight schedule",
      "driver training plan", "battery warranty terms"};
  char text[8192] = "I think it's a good idea. ";
  size_t len = strlen(text);
  for (size_t i = 0; i < 25; i++)
    len += (size_t)snprintf(text + len, sizeof text - len,
                            "The %s reviewed the %s during the March session. ",
                            subjects[i % 5], objects[(i / 5) % 5]);
  analyze(f->doc, "english", text, 0);
  assert_int_equal(f->doc->sents.len, 26);
  assert_true(f->doc->sents.data[0].flags & RC_SENT_FRAGMENT);
  assert_false(f->doc->sents.data[1].flags & RC_SENT_FRAGMENT);

  analyze(f->doc, "english",
          "I think it's a good idea. The transit board reviewed the electric "
          "bus contract in March. The fleet director presented the charging "
          "depot lease terms.",
          0);
  assert_int_equal(f->doc->sents.len, 3);
  for (size_t i = 0; i < 3; i++)
    assert_false(f->doc->sents.data[i].flags & RC_SENT_FRAGMENT);
}

/* With the WordNet lexicon: an adjective, a number or a letter is not a
   key phrase on its own, but may be part of one; "said" is a verb. */
static void test_lone_modifiers(void **state) {
  fixture *f = *state;
  const rc_lang *en = rc_lang_find("english");
  if (!en || !en->modifiers || en->modifiers->count == 0)
    skip(); /* built without WordNet */
  analyze(
      f->doc, "english",
      "Strong coffee tastes better. Strong coffee wins. She said the coffee "
      "was strong. He said two coffees were strong. Two coffees, strong and "
      "different. The barista said it: X marks the coffee. X again, "
      "different again.",
      0);
  for (size_t i = 0; i < recap_keyphrase_count(f->doc); i++) {
    const char *p = recap_keyphrase_at(f->doc, i)->phrase;
    if (!strcmp(p, "strong") || !strcmp(p, "two") || !strcmp(p, "different") ||
        !strcmp(p, "x") || !strcmp(p, "X") || strstr(p, "said"))
      fail_msg("key phrase '%s'", p);
  }
  int found = 0;
  for (size_t i = 0; i < recap_keyphrase_count(f->doc); i++)
    found |= !strcmp(recap_keyphrase_at(f->doc, i)->phrase, "strong coffee");
  assert_true(found);
}

/* The words of speakers' names are never key phrases in a transcript:
   they say who speaks, not what about. */
static void test_speaker_names_not_phrases(void **state) {
  fixture *f = *state;
  analyze(f->doc, "english",
          "Dana Whitfield: Welcome, Tom. Tom Reyes runs the harbor bakery.\n"
          "Tom Reyes: Thanks, Dana. The harbor bakery needs deliveries "
          "before noon. Tom Reyes bakes for the harbor market.\n"
          "Dana Whitfield: Tom, the harbor bakery deliveries will move. "
          "Dana Whitfield will ask the council.\n"
          "Tom Reyes: Good. Dana, thank you.\n",
          0);
  assert_int_equal(f->doc->format, RECAP_INPUT_TRANSCRIPT);
  int bakery = 0;
  for (size_t i = 0; i < recap_keyphrase_count(f->doc); i++) {
    const char *p = recap_keyphrase_at(f->doc, i)->phrase;
    if (strstr(p, "Tom") || strstr(p, "tom") || strstr(p, "Dana") ||
        strstr(p, "dana") || strstr(p, "Reyes") || strstr(p, "reyes") ||
        strstr(p, "Whitfield") || strstr(p, "whitfield"))
      fail_msg("key phrase '%s'", p);
    bakery |= !strcmp(p, "harbor bakery");
  }
  assert_true(bakery);

  /* A label that is a role is a common noun too: in lower case it stays
     in phrases. */
  analyze(f->doc, "english",
          "User Interface: The user interface needs large buttons.\n"
          "Marketing: Large buttons cost more. The user interface budget "
          "is small.\n"
          "User Interface: Then the user interface gets fewer buttons.\n"
          "Marketing: Fine, fewer buttons on the user interface.\n",
          0);
  assert_int_equal(f->doc->format, RECAP_INPUT_TRANSCRIPT);
  int ui = 0;
  for (size_t i = 0; i < recap_keyphrase_count(f->doc); i++)
    ui |= !strcmp(recap_keyphrase_at(f->doc, i)->phrase, "user interface");
  assert_true(ui);
}

/* Words marked "inside" in stopwords/english.txt are key phrases only
   inside a longer one: "results" alone names no topic, "test results"
   does. */
static void test_inside_only(void **state) {
  fixture *f = *state;
  analyze(f->doc, "english",
          "The results surprised everyone. The results came late. Battery "
          "test results improved. Results matter. The battery test results "
          "were public.",
          0);
  int longer = 0;
  for (size_t i = 0; i < recap_keyphrase_count(f->doc); i++) {
    const char *p = recap_keyphrase_at(f->doc, i)->phrase;
    if (!strcmp(p, "results"))
      fail_msg("key phrase '%s'", p);
    longer |= strstr(p, "test results") != NULL;
  }
  assert_true(longer);
}

/* The English possessive of a stopword is a stopword: "one's" and
   "everyone’s" carry no topic; "depot's" does. */
static void test_possessive_stopwords(void **state) {
  fixture *f = *state;
  analyze(f->doc, "english",
          "Everyone’s plan starts at the depot. One's prog was late. The "
          "depot's roof leaks.",
          0);
  static const char *const stop[] = {"everyone's", "one's"};
  for (size_t k = 0; k < 2; k++) {
    uint32_t t = rc_strtab_find(&f->doc->terms, stop[k], strlen(stop[k]));
    assert_int_not_equal(t, RC_NO_ID);
    assert_true(f->doc->term_info.data[t].flags & RC_TERM_STOP);
  }
  uint32_t t = rc_strtab_find(&f->doc->terms, "depot's", 7);
  assert_int_not_equal(t, RC_NO_ID);
  assert_false(f->doc->term_info.data[t].flags & RC_TERM_STOP);
}

/* In text without spaces, a character pair that starts inside a stopword
   pair ("这个" this, then "个例") straddles two words and is no term, so
   no key phrase begins with the "个" of "这个例子". */
static void test_cjk_pair_after_stop_pair(void **state) {
  fixture *f = *state;
  analyze(f->doc, "chinese",
          "在这个例子中，文本摘要很重要。这个例子说明文本摘要的指标。"
          "我们可以使用文本摘要的指标。这个例子中的分数很高。",
          0);
  int summary = 0;
  for (size_t i = 0; i < recap_keyphrase_count(f->doc); i++) {
    const char *p = recap_keyphrase_at(f->doc, i)->phrase;
    if (!strncmp(p, "个", strlen("个")) || !strncmp(p, "以使", strlen("以使")))
      fail_msg("key phrase '%s'", p);
    summary |= !strcmp(p, "文本摘要");
  }
  assert_true(summary);
}

/* An English possessive ending is not shown at the end of a key phrase,
   and stays inside one ("today's webinar"). */
static void test_possessive_not_shown(void **state) {
  fixture *f = *state;
  analyze(f->doc, "english",
          "Crews serve the harbor depot’s. Buses leave from the harbor "
          "depot's. The city's crews praise the harbor depot's.",
          0);
  int found = 0;
  for (size_t i = 0; i < recap_keyphrase_count(f->doc); i++) {
    const char *p = recap_keyphrase_at(f->doc, i)->phrase;
    if (!strcmp(p, "harbor depot's") || !strcmp(p, "harbor depot’s"))
      fail_msg("key phrase '%s'", p);
    found |= !strcmp(p, "harbor depot");
  }
  assert_true(found);
}

/* Words marked "phrase" in stopwords/english.txt count as content for
   sentences but are left out of key phrases: "new" and "various" never
   open one, yet a sentence made of them is not empty of content. */
static void test_phrase_stops(void **state) {
  fixture *f = *state;
  analyze(f->doc, "english",
          "Various methods for rust removal exist. A new method for rust "
          "removal is citric acid. The new method for rust removal is "
          "cheap. Various citric acid blends are here.",
          0);
  int acid = 0;
  for (size_t i = 0; i < recap_keyphrase_count(f->doc); i++) {
    const char *p = recap_keyphrase_at(f->doc, i)->phrase;
    if (!strncmp(p, "new", 3) || !strncmp(p, "various", 7))
      fail_msg("key phrase '%s'", p);
    acid |= !strcmp(p, "citric acid");
  }
  assert_true(acid);
  uint32_t t;
  const rc_term *info = NULL;
  for (t = 0; t < f->doc->term_info.len; t++) {
    size_t n;
    const char *w = rc_strtab_str(&f->doc->terms, t, &n);
    if (n == 3 && !memcmp(w, "new", 3))
      info = &f->doc->term_info.data[t];
  }
  assert_non_null(info);
  assert_true(info->flags & RC_TERM_PHRASESTOP);
  assert_false(info->flags & RC_TERM_STOP);
}

static void test_backchannels_and_fragments(void **state) {
  fixture *f = *state;
  const char *text =
      "The transit board approved the new electric bus contract on Monday. "
      "Yeah. "
      "Mm-hmm. "
      "Okay, right. "
      "The budget. "
      "Uh, yeah, okay. "
      "And then we. "
      "Forty electric buses will arrive at the Eastgate depot next spring. "
      "Exactly. "
      "Drivers will train on the electric buses during the winter months.";
  analyze(f->doc, "english", text, 0);
  recap_document *d = f->doc;
  assert_int_equal(d->sents.len, 10);
  const uint32_t back = RC_SENT_BACKCHANNEL, frag = RC_SENT_FRAGMENT;
  const struct {
    size_t i;
    uint32_t flags;
  } want[] = {{0, 0},           {1, back | frag},
              {2, back | frag}, {3, back | frag},
              {4, frag},        {5, back | frag},
              {6, back | frag}, {7, 0},
              {8, back | frag}, {9, 0}};
  for (size_t k = 0; k < sizeof want / sizeof *want; k++) {
    uint32_t got = d->sents.data[want[k].i].flags & (back | frag);
    if (got != want[k].flags)
      fail_msg("sentence %zu: flags %u, want %u", want[k].i, got,
               want[k].flags);
  }
  /* With no limit, the summary takes the three real sentences only. */
  assert_int_equal(recap_summary_count(d), 3);
  assert_true(in_summary(d, 0) && in_summary(d, 7) && in_summary(d, 9));
  /* Nor are they chosen under any scorer or similarity. */
  for (int sc = 0; sc < 3; sc++)
    for (int sim = 0; sim < 3; sim++) {
      recap_options o;
      recap_options_init(&o);
      o.language = "english";
      o.summary_sentences = RECAP_UNLIMITED;
      o.scorer = (recap_scorer)sc;
      o.similarity = (recap_similarity)sim;
      assert_int_equal(recap_document_analyze(d, text, strlen(text), &o),
                       RECAP_OK);
      for (size_t i = 0; i < recap_summary_count(d); i++) {
        size_t idx = recap_summary_at(d, i)->index;
        assert_true(idx == 0 || idx == 7 || idx == 9);
      }
    }
}

/* A text whose sentences are all too short to stand alone still gets a
   summary: its best sentences, never a backchannel. */
static void test_short_sentences_fallback(void **state) {
  fixture *f = *state;
  recap_document *d = f->doc;
  analyze(d, "english", "Hello world. This is fine.", 0);
  assert_int_equal(d->sents.len, 2);
  assert_false(rc_sent_eligible(&d->sents.data[0]));
  assert_int_equal(recap_summary_count(d), 1);
  assert_true(in_summary(d, 0)); /* "This is fine." is a backchannel */
  analyze(d, "english",
          "Budget approved. Yeah. Ship it Friday. Mm-hmm. Tom owns QA.", 0);
  assert_int_equal(recap_summary_count(d), 3);
  assert_true(in_summary(d, 0) && in_summary(d, 2) && in_summary(d, 4));
  /* Backchannels alone make no summary. */
  analyze(d, "english", "Yeah. Okay. Mm-hmm.", 0);
  assert_int_equal(recap_summary_count(d), 0);
  /* One sentence that can stand alone is the whole choice: the fallback
     is for when there is none. */
  analyze(d, "english",
          "Budget approved. The transit board approved the new electric bus "
          "contract on Monday. Tom owns QA.",
          0);
  assert_int_equal(recap_summary_count(d), 1);
  assert_true(in_summary(d, 1));
}

static char *display(recap_document *doc, size_t i) {
  char *t;
  size_t n;
  assert_int_equal(recap_sentence_text(doc, i, &t, &n), RECAP_OK);
  static char copy[512];
  snprintf(copy, sizeof copy, "%s", t);
  recap_free(t);
  return copy;
}

static void test_fillers_dropped(void **state) {
  fixture *f = *state;
  const char *text = "Um, so we, uh, bought buses. We bought the the new "
                     "buses. So the w the will be ready soon. Uh, the "
                     "drivers, um, like them.";
  analyze(f->doc, "english", text, 0);
  assert_int_equal(f->doc->sents.len, 4);
  /* (The exact first sentence: test_filler_punctuation.) */
  const char *s0 = display(f->doc, 0);
  assert_int_equal(strncmp(s0, "So we", 5), 0);
  assert_null(strstr(s0, "Um"));
  assert_null(strstr(s0, "uh"));
  assert_non_null(strstr(s0, "bought buses."));
  assert_string_equal(display(f->doc, 1), "We bought the new buses.");
  assert_string_equal(display(f->doc, 2), "So the will be ready soon.");
  const char *s3 = display(f->doc, 3);
  assert_int_equal(strncmp(s3, "The drivers", 11), 0);
  assert_null(strstr(s3, "um"));
  assert_null(strstr(s3, "Uh"));
  /* The summary shows the same texts. */
  for (size_t i = 0; i < recap_summary_count(f->doc); i++) {
    const recap_sentence *s = recap_summary_at(f->doc, i);
    assert_string_equal(s->text, display(f->doc, s->index));
  }

  /* Verbatim keeps everything as written. */
  analyze(f->doc, "english", text, RECAP_OPT_VERBATIM);
  assert_string_equal(display(f->doc, 0), "Um, so we, uh, bought buses.");
  assert_string_equal(display(f->doc, 1), "We bought the the new buses.");
  assert_string_equal(display(f->doc, 2), "So the w the will be ready soon.");
  assert_string_equal(display(f->doc, 3), "Uh, the drivers, um, like them.");
}

/* Regression (was a bug): display.c, rc_display_range(): punctuation around a
   dropped filler or cut-off word stays behind: "Um, so we, uh, bought buses."
   -> "So we, bought buses." (want "So we bought buses.") "Uh, the drivers, um,
   like them." -> "The drivers, like them." "We bought the buses, uh."      ->
   "We bought the buses, ." "Then we went to the th."       -> "Then we went to
   the ." */
static void test_filler_punctuation(void **state) {
  fixture *f = *state;
  analyze(f->doc, "english",
          "Um, so we, uh, bought buses. Uh, the drivers, um, like them. We "
          "bought the buses, uh. Then we went to the th",
          0);
  assert_string_equal(display(f->doc, 0), "So we bought buses.");
  assert_string_equal(display(f->doc, 1), "The drivers like them.");
  assert_string_equal(display(f->doc, 2), "We bought the buses.");
  /* A word cut off at the end stays (nothing says what it was), and the
     sentence, which ends cut off (no final stop), is no summary
     sentence. */
  assert_string_equal(display(f->doc, 3), "Then we went to the th");
  assert_true(f->doc->sents.data[3].flags & RC_SENT_DANGLING);
}

/* Regression (was a bug): terms.c, is_cutoff(): a one-letter lower-case word
   that is not a stopword is a cut-off, and the language-neutral mode has no
   stopwords, so with "none" every "a" is dropped from displayed sentences:
   "We bought a new bus and a depot." displays as "We bought new bus and
   depot.".  (recap.h also promises "stopwords learnt from the text" for
   "none"; there are none.) */
static void test_none_keeps_short_words(void **state) {
  fixture *f = *state;
  analyze(f->doc, "none", "We bought a new bus and a depot.", 0);
  assert_string_equal(display(f->doc, 0), "We bought a new bus and a depot.");
}

static void test_near_duplicates(void **state) {
  fixture *f = *state;
  const char *dup = "The new depot will open in June with forty chargers.";
  char text[1024];
  snprintf(text, sizeof text,
           "%s The board approved the electric bus contract on Monday. "
           "Drivers will train on the new buses during the winter. %s "
           "Riders can follow the progress on the agency website. "
           "The depot chargers draw power from the grid at night.",
           dup, dup);
  for (unsigned flags = 0; flags <= RECAP_OPT_SCORE_ORDER;
       flags += RECAP_OPT_SCORE_ORDER) {
    analyze(f->doc, "english", text, flags);
    assert_int_equal(f->doc->sents.len, 6);
    size_t seen = 0;
    for (size_t i = 0; i < recap_summary_count(f->doc); i++)
      seen += strcmp(recap_summary_at(f->doc, i)->text, dup) == 0;
    assert_int_equal(seen, 1); /* chosen, once */
    /* The other four are distinct enough to be kept. */
    assert_int_equal(recap_summary_count(f->doc), 5);
  }
  /* The repeat is a near-duplicate by the cosine rule. */
  double *mark = calloc(f->doc->stem_info.len, sizeof *mark);
  assert_non_null(mark);
  assert_true(rc_sentence_cosine(f->doc, 0, 3, mark) >= RC_REDUNDANCY);
  free(mark);
}

/* ---- key phrases a reader can use (issue 17) ----------------------------- */

/* The position of `phrase` among the key phrases, or -1. */
static int rank_of(const recap_document *doc, const char *phrase) {
  for (size_t i = 0; i < recap_keyphrase_count(doc); i++)
    if (strcmp(recap_keyphrase_at(doc, i)->phrase, phrase) == 0)
      return (int)i;
  return -1;
}

/* One idea, one phrase: "northgate charging depot" only repeats the
   mentions of the "charging depot" chosen before it. */
static void test_containing_phrase_dropped(void **state) {
  fixture *f = *state;
  analyze(f->doc, "english",
          "The charging depot opens in May. A charging depot needs power. "
          "Every charging depot has chargers. The Northgate charging depot "
          "is the first. Crews built the charging depot fast.",
          0);
  assert_true(rank_of(f->doc, "charging depot") >= 0);
  assert_int_equal(rank_of(f->doc, "Northgate charging depot"), -1);
  assert_int_equal(rank_of(f->doc, "northgate charging depot"), -1);
}

/* ... but a longer phrase holding most of the chosen one's mentions is
   the better form, and takes its place. */
static void test_better_form_replaces(void **state) {
  fixture *f = *state;
  analyze(f->doc, "english",
          "Hidden markov models explain speech. We trained hidden markov "
          "models on news. Markov models are old. The hidden markov models "
          "won.",
          0);
  int longer = rank_of(f->doc, "hidden markov models");
  assert_true(longer >= 0);
  assert_int_equal(rank_of(f->doc, "markov models"), -1);
}

/* A piece always cut from the same run is no phrase: "eastgate charging"
   only ever comes before "depot". */
static void test_piece_of_one_run(void **state) {
  fixture *f = *state;
  analyze(f->doc, "english",
          "The Eastgate charging depot opens. We toured the Eastgate charging "
          "depot. Buses left the Eastgate charging depot early.",
          0);
  const rc_phrase *piece = candidate(f->doc, "eastgat charg");
  assert_non_null(piece);
  assert_int_equal(piece->alone, 0);
  assert_int_equal(piece->varied, 0);
  assert_int_equal(rank_of(f->doc, "Eastgate charging"), -1);
  assert_true(rank_of(f->doc, "Eastgate charging depot") >= 0);
}

/* A name goes on through "of" where the text always writes it so; a title
   before a name that also stands alone does not ("President of ACME"). */
static void test_names_through_of(void **state) {
  fixture *f = *state;
  if (!english_lexicon())
    skip();
  analyze(f->doc, "english",
          "The Harbour Chamber of Commerce met today. Members of the Harbour "
          "Chamber of Commerce voted. Jo Lee, President of ACME, spoke. Then "
          "the President of ACME left. ACME grew fast. ACME hired staff.",
          0);
  assert_true(rank_of(f->doc, "Harbour Chamber of Commerce") >= 0);
  assert_int_equal(rank_of(f->doc, "Harbour Chamber"), -1);
  assert_int_equal(rank_of(f->doc, "President of ACME"), -1);
  assert_true(rank_of(f->doc, "ACME") >= 0);
  /* In lower case "of" ends the run as before. */
  assert_null(candidate(f->doc, "member of harbour"));
}

/* An abbreviation at the end keeps its period. */
static void test_abbreviation_period(void **state) {
  fixture *f = *state;
  analyze(f->doc, "english",
          "He joined Brightwater Systems S.A. in May. Brightwater Systems "
          "S.A. makes pumps. The pumps of Brightwater Systems S.A. sell.",
          0);
  assert_true(rank_of(f->doc, "Brightwater Systems S.A.") >= 0);
  assert_int_equal(rank_of(f->doc, "Brightwater Systems S.A"), -1);
}

/* No phrase ends in a modifier that is never a noun: "experienced"
   modifies what follows.  Needs the WordNet lexicon. */
static void test_no_trailing_modifier(void **state) {
  fixture *f = *state;
  if (!(recap_language_features("en") & RECAP_LANGUAGE_LEXICON))
    skip();
  analyze(f->doc, "english",
          "The digitalisation experienced by firms was fast. Digitalisation "
          "helps firms. The digitalisation experienced in towns was slower.",
          0);
  assert_int_equal(rank_of(f->doc, "digitalisation experienced"), -1);
  assert_null(candidate(f->doc, "digitalis experienc"));
  assert_true(rank_of(f->doc, "digitalisation") >= 0);
}

/* Each word as the text most often writes it where case tells: a capital
   at the start of a sentence or a line casts no vote. */
static void test_casing_as_written(void **state) {
  fixture *f = *state;
  if (!english_lexicon())
    skip();
  analyze(f->doc, "english",
          "Riverside Transit runs buses. We ride Riverside Transit daily. "
          "The F1 score rose. Our F1 score fell. Charging depots\ncost money. "
          "A charging depot is big. Each charging depot has chargers.",
          0);
  assert_true(rank_of(f->doc, "Riverside Transit") >= 0);
  assert_true(rank_of(f->doc, "F1 score") >= 0);
  assert_true(rank_of(f->doc, "charging depot") >= 0);
  const rc_phrase *p = candidate(f->doc, "charg depot");
  assert_non_null(p);
  assert_int_equal(p->upper[0], 0); /* "Charging" starts a line */
  assert_int_equal(p->lower[0], 2);
}

/* Selection by the stem-set index keeps the pairwise rules: asking for
   every phrase gives each idea once, in score order. */
static void test_selection_asks_all(void **state) {
  fixture *f = *state;
  recap_options o;
  recap_options_init(&o);
  o.language = "english";
  o.summary_sentences = 0;
  o.keyphrases = 100000;
  const char *text = FLEET " Drivers like the bus fleet too.";
  assert_int_equal(recap_document_analyze(f->doc, text, strlen(text), &o),
                   RECAP_OK);
  size_t n = recap_keyphrase_count(f->doc);
  assert_true(n > 3);
  for (size_t i = 1; i < n; i++) {
    const recap_keyphrase *a = recap_keyphrase_at(f->doc, i - 1);
    const recap_keyphrase *b = recap_keyphrase_at(f->doc, i);
    assert_true(a->score >= b->score);
    assert_string_not_equal(a->phrase, b->phrase);
  }
}

/* A phrase mentioned across speakers' turns outranks a burst of small
   talk in one turn at the opening. */
static void test_turns_spread(void **state) {
  fixture *f = *state;
  if (!english_lexicon())
    skip();
  char text[8192];
  size_t len = (size_t)snprintf(
      text, sizeof text,
      "Ann: Frustrating meetings again! Frustrating meetings, frustrating "
      "meetings everywhere.\n");
  for (int i = 0; i < 12; i++)
    len += (size_t)snprintf(text + len, sizeof text - len,
                            "%s: The speech recognition model needs data "
                            "number %d.\n",
                            i % 2 ? "Ann" : "Bob", i);
  recap_options o;
  recap_options_init(&o);
  o.language = "english";
  o.input_format = RECAP_INPUT_TRANSCRIPT;
  assert_int_equal(recap_document_analyze(f->doc, text, len, &o), RECAP_OK);
  int speech = rank_of(f->doc, "speech recognition model");
  int small_talk = rank_of(f->doc, "frustrating meetings");
  assert_true(speech >= 0);
  assert_true(small_talk < 0 || speech < small_talk);
}

/* Outside English, verbs from the Hunspell dictionaries end a run:
   "présenté lundi" is no French phrase.  Needs the dictionaries. */
static void test_verbs_in_other_languages(void **state) {
  fixture *f = *state;
  if (!(recap_language_features("fr") & RECAP_LANGUAGE_LEXICON))
    skip();
  analyze(f->doc, "french",
          "Le maire veut utiliser le nouveau dépôt. Nous allons enseigner "
          "la conduite des bus électriques. Les bus électriques roulent.",
          0);
  for (size_t i = 0; i < recap_keyphrase_count(f->doc); i++) {
    const char *p = recap_keyphrase_at(f->doc, i)->phrase;
    assert_null(strstr(p, "utiliser"));
    assert_null(strstr(p, "enseigner"));
  }
  assert_true(rank_of(f->doc, "bus électriques") >= 0);
  assert_true(rc_lang_verb_form(rc_lang_find("russian"), "выполняет",
                                strlen("выполняет")));
  assert_false(rc_lang_verb_form(rc_lang_find("russian"), "конвейер",
                                 strlen("конвейер")));
}

int main(void) {
#define T(name) fixture_unit_test(name)
  const struct CMUnitTest tests[] = {
      T(test_stem_counts),
      T(test_idf_and_norms),
      T(test_cosine),
      T(test_graph_edges),
      T(test_graph_unlinked),
      T(test_background_idf),
      T(test_phrase_merging),
      T(test_phrase_first_mention),
      T(test_phrase_inside_dropped),
      T(test_phrase_inside_twice_kept),
      T(test_backchannels_and_fragments),
      T(test_phrase_repeating_a_word_dropped),
      T(test_short_sentences_fallback),
      T(test_thin_sentences),
      T(test_lead_prior),
      T(test_sentence_record),
      T(test_sentence_ranks),
      T(test_query_relevance),
      T(test_query_answer_follows),
      T(test_query_ask_words),
      T(test_query_general),
      T(test_lone_modifiers),
      T(test_phrase_stops),
      T(test_possessive_not_shown),
      T(test_possessive_stopwords),
      T(test_inside_only),
      T(test_cjk_pair_after_stop_pair),
      T(test_speaker_names_not_phrases),
      T(test_fillers_dropped),
      T(test_filler_punctuation),
      T(test_none_keeps_short_words),
      T(test_near_duplicates),
      T(test_containing_phrase_dropped),
      T(test_better_form_replaces),
      T(test_piece_of_one_run),
      T(test_names_through_of),
      T(test_abbreviation_period),
      T(test_no_trailing_modifier),
      T(test_casing_as_written),
      T(test_selection_asks_all),
      T(test_turns_spread),
      T(test_verbs_in_other_languages),
  };
#undef T
  return cmocka_run_group_tests(tests, NULL, NULL);
}
