/*
 * test_chapters.c - chapters and per-speaker figures, through the public
 * API, on transcripts generated here: talks that change topic at known
 * sentences, so that where the chapters break, what they are called and
 * what each speaker is credited with can be checked.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "test_util.h"

#include "recap.h"

/* Three topics, each a vocabulary of its own.  Sentences mix a topic's
   words into one of a few frames, so that topics share only the frames'
   function words and a few common ones. */
static const char *const TOPICS[3][8] = {
    {"garden", "tomatoes", "compost", "seedlings", "soil", "greenhouse",
     "watering", "mulch"},
    {"engine", "gearbox", "brakes", "tyres", "fuel", "mileage", "clutch",
     "exhaust"},
    {"invoice", "budget", "payroll", "auditor", "ledger", "expenses",
     "accountant", "spreadsheet"}};

static const char *const FRAMES[] = {
    "I think the %s and the %s need attention before the %s this month.",
    "We talked about the %s, then the %s, and finally the %s again.",
    "Honestly the %s matters more than the %s or the %s for us.",
    "So the plan is to check the %s, fix the %s and review the %s."};

static unsigned next(unsigned *seed) {
  *seed = *seed * 1103515245u + 12345u;
  return (*seed >> 16) & 0x7fff;
}

typedef struct text {
  char *data;
  size_t len, cap;
} text;

static void append(text *t, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  char line[1024];
  int n = vsnprintf(line, sizeof line, fmt, ap);
  va_end(ap);
  assert_true(n > 0 && (size_t)n < sizeof line);
  if (t->len + (size_t)n + 1 > t->cap) {
    t->cap = (t->len + (size_t)n + 1) * 2;
    t->data = realloc(t->data, t->cap);
    assert_non_null(t->data);
  }
  memcpy(t->data + t->len, line, (size_t)n + 1);
  t->len += (size_t)n;
}

/* A frame and three of n words, drawn one by one: the order in which a
   call's arguments are evaluated is unspecified (gcc goes right to left,
   clang left to right, and the texts differed).  This is gcc's order,
   which the expectations were written against. */
typedef struct draw {
  unsigned frame, a, b, c;
} draw;

static draw draw_words(unsigned *seed, unsigned n) {
  draw d;
  d.c = next(seed) % n;
  d.b = next(seed) % n;
  d.a = next(seed) % n;
  d.frame = next(seed) % 4;
  return d;
}

static void sentence(text *t, int topic, unsigned *seed) {
  const char *const *w = TOPICS[topic];
  draw d = draw_words(seed, 8);
  append(t, FRAMES[d.frame], w[d.a], w[d.b], w[d.c]);
}

/* A WebVTT talk: `per` sentences on each of topics[0..ntopics), one cue
   per sentence, four seconds each, by speaker "Ann" or "Bob" as `who`
   says ('A', 'B', or 'x' for alternating). */
static char *talk(const int *topics, size_t ntopics, size_t per, char who) {
  text t = {NULL, 0, 0};
  unsigned seed = 7;
  append(&t, "WEBVTT\n\n");
  size_t cue = 0;
  for (size_t k = 0; k < ntopics; k++)
    for (size_t i = 0; i < per; i++, cue++) {
      const char *name = who == 'A'   ? "Ann"
                         : who == 'B' ? "Bob"
                         : cue % 2    ? "Bob"
                                      : "Ann";
      append(&t, "00:%02zu:%02zu.000 --> 00:%02zu:%02zu.000\n<v %s>",
             cue * 4 / 60, cue * 4 % 60, (cue * 4 + 4) / 60, (cue * 4 + 4) % 60,
             name);
      sentence(&t, topics[k], &seed);
      append(&t, "\n\n");
    }
  return t.data;
}

static void analyze(fixture *f, const char *input, size_t chapters,
                    unsigned flags) {
  recap_options o;
  recap_options_init(&o);
  o.language = "english";
  o.flags = flags | RECAP_OPT_CHAPTERS;
  o.chapters = chapters;
  recap_status st = recap_document_analyze(f->doc, input, strlen(input), &o);
  if (st != RECAP_OK)
    fail_msg("analyze: %s", recap_document_error(f->doc));
}

/* Chapters cover every sentence once, in order; times never go back. */
static void assert_well_formed(const recap_document *doc) {
  size_t n = recap_chapter_count(doc), next_sentence = 0;
  assert_true(n >= 1);
  for (size_t i = 0; i < n; i++) {
    const recap_chapter *c = recap_chapter_at(doc, i);
    assert_int_equal(c->first_sentence, next_sentence);
    assert_true(c->sentence_count > 0);
    next_sentence += c->sentence_count;
    assert_non_null(c->title);
    assert_true(strlen(c->title) > 0);
    assert_true(c->end >= c->start);
    if (i + 1 < n)
      assert_true(c->end <= recap_chapter_at(doc, i + 1)->start);
    assert_true(c->highlight_count >= 1 && c->highlight_count <= 3);
    for (size_t h = 0; h < c->highlight_count; h++) {
      size_t s = c->highlights[h]->index;
      assert_true(s >= c->first_sentence &&
                  s < c->first_sentence + c->sentence_count);
      if (h)
        assert_true(s > c->highlights[h - 1]->index);
    }
  }
  assert_int_equal(next_sentence, recap_sentence_count(doc));
}

/* Does the chapter's title use a word of the topic? */
static int titled_by(const recap_chapter *c, int topic) {
  for (size_t w = 0; w < 8; w++) {
    char word[32];
    snprintf(word, sizeof word, "%s", TOPICS[topic][w]);
    word[0] = (char)(word[0] - 'a' + 'A'); /* titles start with a capital */
    if (strstr(c->title, TOPICS[topic][w]) || strstr(c->title, word))
      return 1;
  }
  return 0;
}

/* The boundaries found are within `slack` sentences of the true ones. */
static void assert_breaks(const recap_document *doc, size_t per, size_t ntopics,
                          size_t slack) {
  assert_int_equal(recap_chapter_count(doc), ntopics);
  for (size_t i = 1; i < ntopics; i++) {
    size_t at = recap_chapter_at(doc, i)->first_sentence, want = i * per;
    if (at + slack < want || at > want + slack)
      fail_msg("chapter %zu starts at sentence %zu, the topic at %zu", i + 1,
               at, want);
  }
}

static void test_asked_count_finds_topics(void **state) {
  fixture *f = *state;
  const int topics[] = {0, 1, 2};
  char *in = talk(topics, 3, 60, 'x');
  analyze(f, in, 3, 0);
  assert_well_formed(f->doc);
  assert_breaks(f->doc, 60, 3, 3);
  /* Without a lexicon the frames' words ("need attention", "plan"), said
     in every chapter and next to every topic word, are key phrases that
     outrank the topics' in two chapters of three; titles still differ. */
  int lexicon =
      (recap_language_features("english") & RECAP_LANGUAGE_LEXICON) != 0;
  size_t by_topic = 0;
  for (size_t i = 0; i < 3; i++) {
    by_topic += titled_by(recap_chapter_at(f->doc, i), topics[i]);
    for (size_t j = 0; j < i; j++)
      assert_string_not_equal(recap_chapter_at(f->doc, i)->title,
                              recap_chapter_at(f->doc, j)->title);
  }
  assert_true(by_topic >= (lexicon ? 3u : 1u));
  free(in);
}

static void test_automatic_count_finds_topics(void **state) {
  fixture *f = *state;
  const int topics[] = {1, 0, 2, 1};
  char *in = talk(topics, 4, 70, 'x');
  analyze(f, in, 0, 0);
  assert_well_formed(f->doc);
  assert_breaks(f->doc, 70, 4, 3);
  free(in);
}

/* One topic throughout: no reason to split a short talk. */
static void test_one_topic_one_chapter(void **state) {
  fixture *f = *state;
  const int topics[] = {2};
  char *in = talk(topics, 1, 40, 'A');
  analyze(f, in, 0, 0);
  assert_well_formed(f->doc);
  assert_int_equal(recap_chapter_count(f->doc), 1);
  free(in);
}

/* Titles tell chapters apart: a word the whole talk uses does not title
   every chapter. */
static void test_titles_differ(void **state) {
  fixture *f = *state;
  const int topics[] = {0, 1};
  char *in = talk(topics, 2, 50, 'A');
  analyze(f, in, 2, 0);
  assert_well_formed(f->doc);
  const recap_chapter *a = recap_chapter_at(f->doc, 0),
                      *b = recap_chapter_at(f->doc, 1);
  assert_true(titled_by(a, 0) && !titled_by(a, 1));
  assert_true(titled_by(b, 1) && !titled_by(b, 0));
  free(in);
}

/* More chapters than the text can hold: fewer, never empty ones. */
static void test_too_many_asked(void **state) {
  fixture *f = *state;
  const int topics[] = {0};
  char *in = talk(topics, 1, 12, 'A');
  analyze(f, in, 200, 0);
  assert_well_formed(f->doc);
  assert_true(recap_chapter_count(f->doc) <= recap_sentence_count(f->doc));
  free(in);
}

/* Plain text has no times: -1 throughout, and chapters still work. */
static void test_untimed_text(void **state) {
  fixture *f = *state;
  text t = {NULL, 0, 0};
  unsigned seed = 3;
  for (int k = 0; k < 2; k++)
    for (int i = 0; i < 50; i++) {
      sentence(&t, k, &seed);
      append(&t, " ");
    }
  analyze(f, t.data, 2, 0);
  assert_well_formed(f->doc);
  assert_breaks(f->doc, 50, 2, 3);
  for (size_t i = 0; i < 2; i++) {
    assert_true(recap_chapter_at(f->doc, i)->start == -1);
    assert_true(recap_chapter_at(f->doc, i)->end == -1);
  }
  free(t.data);
}

/* Overlapping cues (one speaker starts before the other ends) do not make
   a chapter end after the next one starts. */
static void test_overlapping_cues(void **state) {
  fixture *f = *state;
  text t = {NULL, 0, 0};
  unsigned seed = 5;
  append(&t, "WEBVTT\n\n");
  for (int k = 0; k < 2; k++)
    for (int i = 0; i < 50; i++) {
      int cue = k * 50 + i;
      /* each cue lasts 9 s but the next starts 4 s later */
      append(&t, "00:%02d:%02d.000 --> 00:%02d:%02d.000\n<v %s>", cue * 4 / 60,
             cue * 4 % 60, (cue * 4 + 9) / 60, (cue * 4 + 9) % 60,
             i % 2 ? "Bob" : "Ann");
      sentence(&t, k, &seed);
      append(&t, "\n\n");
    }
  analyze(f, t.data, 2, 0);
  assert_well_formed(f->doc); /* checks end <= next start */
  assert_true(recap_chapter_at(f->doc, 0)->end ==
              recap_chapter_at(f->doc, 1)->start);
  free(t.data);
}

/* Each speaker is credited with their own subject, never the other's, and
   a speaker's key phrases do not repeat each other's words. */
static void test_speaker_keyphrases(void **state) {
  fixture *f = *state;
  text t = {NULL, 0, 0};
  unsigned seed = 11;
  for (int i = 0; i < 60; i++) {
    int ann = i % 2 == 0;
    append(&t, "%s: ", ann ? "Ann" : "Bob");
    sentence(&t, ann ? 0 : 1, &seed);
    append(&t, "\n");
  }
  recap_options o;
  recap_options_init(&o);
  o.language = "english";
  o.flags = RECAP_OPT_SPEAKERS;
  assert_int_equal(recap_document_analyze(f->doc, t.data, t.len, &o), RECAP_OK);
  assert_int_equal(recap_speaker_count(f->doc), 2);
  for (size_t i = 0; i < 2; i++) {
    const recap_speaker *s = recap_speaker_at(f->doc, i);
    int topic = strcmp(s->name, "Ann") == 0 ? 0 : 1;
    assert_true(s->keyphrase_count > 0);
    for (size_t k = 0; k < s->keyphrase_count; k++) {
      const char *p = s->keyphrases[k]->phrase;
      int own = 0, other = 0;
      for (size_t w = 0; w < 8; w++) {
        own |= strstr(p, TOPICS[topic][w]) != NULL;
        other |= strstr(p, TOPICS[1 - topic][w]) != NULL;
      }
      /* Words of the frames, which both use, may come last. */
      if (other || (k < 3 && !own))
        fail_msg("%s credited with '%s'", s->name, p);
      for (size_t j = 0; j < k; j++)
        for (size_t w = 0; w < 8; w++)
          assert_false(strstr(p, TOPICS[topic][w]) &&
                       strstr(s->keyphrases[j]->phrase, TOPICS[topic][w]));
    }
  }
  free(t.data);
}

/* ---- boundaries: turns and cues -------------------------------------------
 */

/* A speaker-labelled transcript: Ann and Bob take turns of three sentences;
   sentence i is on topic topic_of(i). */
static char *turns_of_three(int (*topic_of)(size_t), size_t n,
                            const char *cue_at_turn, size_t cue_turn) {
  text t = {NULL, 0, 0};
  unsigned seed = 13;
  for (size_t i = 0; i < n; i++) {
    size_t turn = i / 3;
    if (i % 3 == 0) {
      append(&t, "%s%s: ", i ? "\n" : "", turn % 2 ? "Bob" : "Ann");
      if (cue_at_turn && turn == cue_turn)
        append(&t, "%s ", cue_at_turn);
    }
    sentence(&t, topic_of(i), &seed);
    append(&t, " ");
  }
  append(&t, "\n");
  return t.data;
}

/* The topic changes in the middle of turn 20 (sentence 61). */
static int mid_turn_shift(size_t i) { return i < 61 ? 0 : 1; }

/* Chapters start where a turn starts, not where the topic happens to
   change inside one. */
static void test_chapters_start_at_turns(void **state) {
  fixture *f = *state;
  char *in = turns_of_three(mid_turn_shift, 120, NULL, 0);
  analyze(f, in, 2, 0);
  assert_well_formed(f->doc);
  assert_int_equal(recap_chapter_count(f->doc), 2);
  size_t at = recap_chapter_at(f->doc, 1)->first_sentence;
  assert_int_equal(at % 3, 0);
  assert_true(at >= 57 && at <= 66);
  free(in);
}

/* Garden, then engines, then engines and money by turns: the first shift
   is the deeper one. */
static int three_topics(size_t i) {
  return i < 45 ? 0 : i < 90 ? 1 : (int)(1 + i / 3 % 2);
}

/* Of two shifts, the one a speaker announces ("let's move on to") starts
   the chapter; without the announcement the words alone choose. */
static void test_announced_topic(void **state) {
  fixture *f = *state;
  /* Turn 30 starts sentence 90, the second shift. */
  char *plain = turns_of_three(three_topics, 135, NULL, 0);
  char *cued = turns_of_three(three_topics, 135,
                              "Okay, let's move on to the money.", 30);
  analyze(f, plain, 2, 0);
  size_t without = recap_chapter_at(f->doc, 1)->first_sentence;
  analyze(f, cued, 2, 0);
  assert_well_formed(f->doc);
  size_t with = recap_chapter_at(f->doc, 1)->first_sentence;
  assert_int_equal(with, 90);
  assert_int_not_equal(without, 90);
  free(plain);
  free(cued);
}

/* Garden, then a stretch where the turns alternate between garden and
   engines, then engines: the words alone leave the shift anywhere in the
   stretch. */
static int gradual_shift(size_t i) {
  return i < 78 ? 0 : i < 102 ? (int)(i / 3 % 2) : 1;
}

/* A turn that opens as chairs and hosts open the next part of a meeting
   ("we've got some questions now", "we're going to ...") weighs more
   than the words alone: where they leave the shift open, the chapter
   starts there. */
static void test_topic_opening_cues(void **state) {
  fixture *f = *state;
  const char *cues[] = {"Thank you. We've got some questions now.",
                        "Okay, we're going to take the engines."};
  char *plain = turns_of_three(gradual_shift, 180, NULL, 0);
  analyze(f, plain, 2, 0);
  assert_int_not_equal(recap_chapter_at(f->doc, 1)->first_sentence, 90);
  for (size_t i = 0; i < sizeof cues / sizeof *cues; i++) {
    char *cued = turns_of_three(gradual_shift, 180, cues[i], 30);
    analyze(f, cued, 2, 0);
    assert_well_formed(f->doc);
    assert_int_equal(recap_chapter_at(f->doc, 1)->first_sentence, 90);
    free(cued);
  }
  free(plain);
}

/* A hearing: a member asks in one sentence, a witness answers in five
   (turns of 39 words on average), 30 times; the member who asks turn
   pair k is asker(k); the talk mixes two topics throughout, so that the
   words alone put a boundary nowhere in particular. */
static char *hearing(const char *(*asker)(size_t)) {
  text t = {NULL, 0, 0};
  unsigned seed = 13;
  for (size_t i = 0; i < 180; i++) {
    if (i % 6 <= 1)
      append(&t, "%s%s: ", i ? "\n" : "", i % 6 ? "Witness" : asker(i / 6));
    sentence(&t, (int)(i / 3 % 2), &seed);
    append(&t, " ");
  }
  append(&t, "\n");
  return t.data;
}

static const char *one_asker(size_t pair) {
  (void)pair;
  return "Ann";
}

/* The member who asks changes at the 11th question (sentence 60). */
static const char *next_asker(size_t pair) { return pair < 10 ? "Ann" : "Bob"; }

/* In a hearing the witness speaks throughout, and the next member to ask
   opens the next topic: where the words leave the boundary open, the
   chapter starts at the new questioner, within the answer before (the
   witness's words weigh little among who speaks); weighing everyone's
   words alike, the witness's many hide the change. */
static void test_hearing_next_questioner(void **state) {
  fixture *f = *state;
  char *plain = hearing(one_asker);
  char *asked = hearing(next_asker);
  analyze(f, plain, 2, 0);
  size_t at = recap_chapter_at(f->doc, 1)->first_sentence;
  assert_true(at < 54 || at > 60);
  analyze(f, asked, 2, 0);
  assert_well_formed(f->doc);
  at = recap_chapter_at(f->doc, 1)->first_sentence;
  assert_true(at >= 54 && at <= 60);
  free(plain);
  free(asked);
}

/* A long topic, a short one, a long one again: the short one is narrower
   than the windows that compare the words around each gap. */
#define SHORT_END 69
static int short_middle_topic(size_t i) {
  return i < 60 ? 0 : i < SHORT_END ? 1 : 2;
}

/* The chapters are placed where the words of each hold together, so the
   short topic gets a chapter of its own, starting and ending within a
   turn of where it does (picking the deepest gaps one by one ended it two
   turns late). */
static void test_short_topic_placed(void **state) {
  fixture *f = *state;
  char *in = turns_of_three(short_middle_topic, 132, NULL, 0);
  analyze(f, in, 3, 0);
  assert_well_formed(f->doc);
  assert_int_equal(recap_chapter_count(f->doc), 3);
  size_t second = recap_chapter_at(f->doc, 1)->first_sentence;
  size_t third = recap_chapter_at(f->doc, 2)->first_sentence;
  assert_true(second >= 57 && second <= 63);
  assert_true(third >= SHORT_END - 3 && third <= SHORT_END + 3);
  free(in);
}

/* A discussion whose first topic keeps to four words and whose second
   spreads over two dozen (MANY[r % 30] with r % 5 != 0), the first
   topic's words still said now and then (one in five) after it ends. */
static const char *const MANY[30] = {
    "engine", "gearbox",  "brakes",   "tyres",    "fuel",     "mileage",
    "clutch", "exhaust",  "radiator", "battery",  "pistons",  "wipers",
    "bumper", "chassis",  "invoice",  "budget",   "payroll",  "auditor",
    "ledger", "expenses", "pension",  "salary",   "bonus",    "receipt",
    "refund", "deposit",  "loan",     "mortgage", "interest", "tax"};
#define FEW_END 30
static char *few_then_many(unsigned seed) {
  text t = {NULL, 0, 0};
  static const char *const who[] = {"Ann", "Bob", "Cat"};
  for (size_t i = 0; i < 80; i++) {
    const char *w[3];
    for (int k = 0; k < 3; k++) {
      unsigned r = next(&seed);
      w[k] = i < FEW_END || r % 5 == 0 ? TOPICS[0][r % 4] : MANY[r % 30];
    }
    append(&t, "%s: ", who[i % 3]);
    append(&t, FRAMES[next(&seed) % 4], w[0], w[1], w[2]);
    append(&t, "\n");
  }
  return t.data;
}

/* In a discussion the chapters' likelihood has a Dirichlet prior below
   add-one, which values a chapter whose words gather on few stems: the
   boundary is where the four-word topic ends.  Of forty such texts (seeds
   1 to 40) add-one and the prior place it alike on 38; on these two
   add-one put it three and four turns late, the many-word topic's first
   turns, which hold the first topic's words, going with it. */
static void test_few_words_then_many(void **state) {
  fixture *f = *state;
  static const unsigned seeds[] = {30, 38};
  for (size_t i = 0; i < 2; i++) {
    char *in = few_then_many(seeds[i]);
    analyze(f, in, 2, 0);
    assert_well_formed(f->doc);
    size_t at = recap_chapter_at(f->doc, 1)->first_sentence;
    if (at != FEW_END)
      fail_msg("seed %u: chapter 2 starts at %zu, the topic at %d", seeds[i],
               at, FEW_END);
    free(in);
  }
}

/* ---- titles
 * ------------------------------------------------------------------ */

/* Topics named by two-word phrases. */
static const char *const PHRASES[2][6] = {
    {"compost heap", "tomato seedlings", "greenhouse door", "rain barrel",
     "seed trays", "garden hose"},
    {"brake pads", "fuel pump", "clutch pedal", "exhaust pipe", "spark plugs",
     "oil filter"}};

static void phrase_sentence(text *t, int topic, unsigned *seed) {
  const char *const *w = PHRASES[topic];
  draw d = draw_words(seed, 6);
  append(t, FRAMES[d.frame], w[d.a], w[d.b], w[d.c]);
}

/* Fails if a chapter title holds any of the NULL-terminated `bad`. */
static void assert_no_title_holds(const recap_document *doc,
                                  const char *const *bad) {
  for (size_t i = 0; i < recap_chapter_count(doc); i++) {
    const char *title = recap_chapter_at(doc, i)->title;
    for (const char *const *b = bad; *b; b++)
      if (strstr(title, *b))
        fail_msg("title '%s' holds '%s'", title, *b);
  }
}

/* Two topics; the first chapter's speaker thanks Sunil all the time. */
static void test_titles_courtesies_and_names(void **state) {
  fixture *f = *state;
  text t = {NULL, 0, 0};
  unsigned seed = 17;
  for (int i = 0; i < 80; i++) {
    append(&t, "%s: ", i % 2 ? "Bob" : "Ann");
    if (i < 40 && i % 3 == 0)
      append(&t, "Thank you very much, Sunil. Thanks again, Sunil. ");
    phrase_sentence(&t, i < 40 ? 0 : 1, &seed);
    append(&t, "\n");
  }
  analyze(f, t.data, 2, 0);
  assert_well_formed(f->doc);
  /* No thanks, no name; two phrases read "A and B", never "A, B". */
  static const char *const thanks[] = {"hank", "Sunil", "much", ",", NULL};
  assert_no_title_holds(f->doc, thanks);
  assert_non_null(strstr(recap_chapter_at(f->doc, 0)->title, " and "));
  free(t.data);
}

/* Two topics; in the first the speakers keep counting ("twenty five
   Euro", "Tuesday"): no title names a quantity or a day. */
static void test_titles_no_quantities(void **state) {
  fixture *f = *state;
  text t = {NULL, 0, 0};
  unsigned seed = 23;
  for (int i = 0; i < 80; i++) {
    append(&t, "%s: ", i % 2 ? "Bob" : "Ann");
    if (i < 40 && i % 2 == 0)
      append(&t, "That is twenty five Euro by Tuesday. "
                 "So twenty five Euro on Tuesday. ");
    phrase_sentence(&t, i < 40 ? 0 : 1, &seed);
    append(&t, "\n");
  }
  analyze(f, t.data, 2, 0);
  assert_well_formed(f->doc);
  static const char *const counted[] = {"wenty", "uesday", NULL};
  assert_no_title_holds(f->doc, counted);
  free(t.data);
}

/* The first topic has one phrase, and the speakers call on their
   "Expert": a capitalised word that is no acronym does not follow the
   phrase in the title ("Compost heap and Expert"). */
static void test_titles_no_lone_capitalised_word(void **state) {
  fixture *f = *state;
  text t = {NULL, 0, 0};
  unsigned seed = 29;
  for (int i = 0; i < 80; i++) {
    append(&t, "%s: ", i % 2 ? "Bob" : "Ann");
    if (i < 40)
      append(&t, "%s",
             i % 2 ? "The compost heap is full. Over to our Expert. "
                   : "We turn the compost heap weekly. ");
    else
      phrase_sentence(&t, 1, &seed);
    append(&t, "\n");
  }
  analyze(f, t.data, 2, 0);
  assert_well_formed(f->doc);
  static const char *const expert[] = {"xpert", NULL};
  assert_no_title_holds(f->doc, expert);
  free(t.data);
}

/* Is `part` one of the phrases the title joins ("A and B")? */
static int title_part(const char *title, const char *part) {
  size_t n = strlen(part);
  for (const char *p = title; p; p = strstr(p, " and ")) {
    if (p != title)
      p += 5;
    if (strncmp(p, part, n) == 0 &&
        (p[n] == '\0' || strncmp(p + n, " and ", 5) == 0))
      return 1;
  }
  return 0;
}

/* The first topic is when the meeting is, the second the "kick-off
   meeting" and the car: "Meeting" alone says nothing about a chapter and
   is no title phrase (it titled the first chapter), but a phrase that
   holds it may be one. */
static void test_titles_no_generic_word(void **state) {
  fixture *f = *state;
  text t = {NULL, 0, 0};
  unsigned seed = 31;
  for (int i = 0; i < 80; i++) {
    append(&t, "%s: ", i % 2 ? "Bob" : "Ann");
    if (i < 40)
      append(&t, "%s",
             i % 2 ? "The meeting ran late again. "
                   : "We moved the meeting to noon. ");
    else if (i % 2 == 0)
      append(&t, "The kick-off meeting is set. Plan the kick-off meeting. ");
    else
      phrase_sentence(&t, 1, &seed);
    append(&t, "\n");
  }
  analyze(f, t.data, 2, 0);
  assert_well_formed(f->doc);
  int kickoff = 0;
  for (size_t i = 0; i < recap_chapter_count(f->doc); i++) {
    const char *title = recap_chapter_at(f->doc, i)->title;
    if (title_part(title, "Meeting") || title_part(title, "meeting"))
      fail_msg("title '%s'", title);
    kickoff |= strstr(title, "ick-off meeting") != NULL;
  }
  assert_true(kickoff);
  free(t.data);
}

/* French titles are joined by "et" and start with a capital. */
static void test_titles_in_the_language(void **state) {
  fixture *f = *state;
  static const char *const mots[2][6] = {
      {"terreau humide", "serre chauffée", "graines rares", "potager familial",
       "récolte tardive", "compost mûr"},
      {"moteur diesel", "pneus neufs", "freins arrière", "embrayage usé",
       "pot catalytique", "filtre encrassé"}};
  text t = {NULL, 0, 0};
  unsigned seed = 19;
  for (int i = 0; i < 80; i++) {
    const char *const *w = mots[i < 40 ? 0 : 1];
    unsigned c = next(&seed) % 6, b = next(&seed) % 6, a = next(&seed) % 6;
    append(&t, "Nous parlons de %s, de %s, puis encore de %s. ", w[a], w[b],
           w[c]);
  }
  recap_options o;
  recap_options_init(&o);
  o.language = "french";
  o.flags = RECAP_OPT_CHAPTERS;
  o.chapters = 2;
  assert_int_equal(recap_document_analyze(f->doc, t.data, t.len, &o), RECAP_OK);
  int joined = 0;
  for (size_t i = 0; i < recap_chapter_count(f->doc); i++) {
    const char *title = recap_chapter_at(f->doc, i)->title;
    assert_true(title[0] >= 'A' && title[0] <= 'Z');
    assert_null(strstr(title, " and "));
    joined |= strstr(title, " et ") != NULL;
  }
  assert_true(joined);
  free(t.data);
}

/* ---- YouTube ----------------------------------------------------------------
 */

/* A WebVTT talk by one speaker: `n` sentences of `secs` seconds each, the
   topic changing every `per` sentences. */
static char *timed_talk(size_t n, size_t per, unsigned secs) {
  text t = {NULL, 0, 0};
  unsigned seed = 23;
  append(&t, "WEBVTT\n\n");
  for (size_t i = 0; i < n; i++) {
    size_t a = i * secs, b = a + secs;
    append(&t, "00:%02zu:%02zu.000 --> 00:%02zu:%02zu.000\n", a / 60, a % 60,
           b / 60, b % 60);
    sentence(&t, (int)(i / per % 3), &seed);
    append(&t, "\n\n");
  }
  return t.data;
}

/* With RECAP_OPT_YOUTUBE a long enough recording gets three chapters or
   more, each at least 10 s as YouTube counts them. */
static void test_youtube_three_chapters(void **state) {
  fixture *f = *state;
  char *in = timed_talk(40, 20, 4); /* 160 s, one topic shift */
  analyze(f, in, 0, 0);
  assert_int_equal(recap_chapter_count(f->doc), 2);
  assert_int_equal(recap_chapters_youtube(f->doc), RECAP_YOUTUBE_TOO_FEW);
  analyze(f, in, 0, RECAP_OPT_YOUTUBE);
  assert_well_formed(f->doc);
  assert_true(recap_chapter_count(f->doc) >= 3);
  assert_int_equal(recap_chapters_youtube(f->doc), RECAP_YOUTUBE_OK);
  free(in);
}

/* Timed chapters are never shorter than 10 s, even when asked for many. */
static void test_youtube_ten_seconds(void **state) {
  fixture *f = *state;
  char *in = timed_talk(48, 4, 1); /* 48 s, a topic every 4 s */
  analyze(f, in, 12, 0);
  assert_well_formed(f->doc);
  size_t n = recap_chapter_count(f->doc);
  assert_true(n >= 2 && n <= 4);
  for (size_t i = 0; i < n; i++) {
    const recap_chapter *c = recap_chapter_at(f->doc, i);
    double from = i ? c->start : 0;
    double to = i + 1 < n ? recap_chapter_at(f->doc, i + 1)->start : c->end;
    assert_true(to - from >= 10);
  }
  free(in);
}

/* What recap_chapters_youtube says of lists YouTube would not take. */
static void test_youtube_checks(void **state) {
  fixture *f = *state;
  assert_int_equal(recap_chapters_youtube(NULL), RECAP_YOUTUBE_NO_CHAPTERS);
  char *in = timed_talk(5, 5, 4); /* 20 s */
  analyze(f, in, 0, RECAP_OPT_YOUTUBE);
  assert_int_equal(recap_chapters_youtube(f->doc), RECAP_YOUTUBE_TOO_SHORT);
  free(in);
  text t = {NULL, 0, 0};
  unsigned seed = 29;
  for (int i = 0; i < 60; i++) {
    sentence(&t, i / 20, &seed);
    append(&t, " ");
  }
  analyze(f, t.data, 0, RECAP_OPT_YOUTUBE);
  assert_int_equal(recap_chapters_youtube(f->doc), RECAP_YOUTUBE_UNTIMED);
  assert_non_null(
      strstr(recap_youtube_message(RECAP_YOUTUBE_UNTIMED), "times"));
  recap_options o;
  recap_options_init(&o);
  o.language = "english";
  assert_int_equal(recap_document_analyze(f->doc, t.data, t.len, &o), RECAP_OK);
  assert_int_equal(recap_chapters_youtube(f->doc), RECAP_YOUTUBE_NO_CHAPTERS);
  free(t.data);
}

/* ---- the seed webinar
 * -------------------------------------------------------- */

/* ../shared/seeds/webinar-digitalisation-2021.txt: an account of a webinar
   with three talks, one paragraph each (third-party text, read where it
   is, skipped without it).  Its three talks are its chapters. */
static void test_seed_webinar_three_talks(void **state) {
  fixture *f = *state;
  FILE *fp = fopen("../shared/seeds/webinar-digitalisation-2021.txt", "rb");
  if (!fp)
    skip();
  char buf[16384];
  size_t n = fread(buf, 1, sizeof buf - 1, fp);
  fclose(fp);
  buf[n] = '\0';
  analyze(f, buf, 0, 0);
  assert_well_formed(f->doc);
  assert_int_equal(recap_chapter_count(f->doc), 3);
  /* The second talk starts at sentence 8, the third at sentence 18. */
  assert_int_equal(recap_chapter_at(f->doc, 1)->first_sentence, 7);
  assert_int_equal(recap_chapter_at(f->doc, 2)->first_sentence, 17);
  assert_non_null(strstr(recap_chapter_at(f->doc, 2)->title, "China Mobile"));
}

int main(void) {
  const struct CMUnitTest tests[] = {
#define T(f) fixture_unit_test(f)
      T(test_asked_count_finds_topics),
      T(test_automatic_count_finds_topics),
      T(test_one_topic_one_chapter),
      T(test_titles_differ),
      T(test_too_many_asked),
      T(test_untimed_text),
      T(test_overlapping_cues),
      T(test_speaker_keyphrases),
      T(test_chapters_start_at_turns),
      T(test_announced_topic),
      T(test_topic_opening_cues),
      T(test_hearing_next_questioner),
      T(test_short_topic_placed),
      T(test_few_words_then_many),
      T(test_titles_courtesies_and_names),
      T(test_titles_no_quantities),
      T(test_titles_no_lone_capitalised_word),
      T(test_titles_no_generic_word),
      T(test_titles_in_the_language),
      T(test_youtube_three_chapters),
      T(test_youtube_ten_seconds),
      T(test_youtube_checks),
      T(test_seed_webinar_three_talks),
#undef T
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
