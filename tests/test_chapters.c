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

static void sentence(text *t, int topic, unsigned *seed) {
  const char *const *w = TOPICS[topic];
  append(t, FRAMES[next(seed) % 4], w[next(seed) % 8], w[next(seed) % 8],
         w[next(seed) % 8]);
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
      const char *name = who == 'A' ? "Ann" : who == 'B' ? "Bob"
                         : cue % 2  ? "Bob"
                                    : "Ann";
      append(&t, "00:%02zu:%02zu.000 --> 00:%02zu:%02zu.000\n<v %s>",
             cue * 4 / 60, cue * 4 % 60, (cue * 4 + 4) / 60,
             (cue * 4 + 4) % 60, name);
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
static void assert_breaks(const recap_document *doc, size_t per,
                          size_t ntopics, size_t slack) {
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
  for (size_t i = 0; i < 3; i++)
    assert_true(titled_by(recap_chapter_at(f->doc, i), topics[i]));
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
      append(&t, "00:%02d:%02d.000 --> 00:%02d:%02d.000\n<v %s>",
             cue * 4 / 60, cue * 4 % 60, (cue * 4 + 9) / 60,
             (cue * 4 + 9) % 60, i % 2 ? "Bob" : "Ann");
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
  assert_int_equal(recap_document_analyze(f->doc, t.data, t.len, &o),
                   RECAP_OK);
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
#undef T
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
