/*
 * test_display.c - display text: the speaker's facts verbatim, fillers,
 * false starts and repeats out, and the fidelity property (display_check.h)
 * on written and generated disfluent speech and, when ../shared is
 * there, on every sentence of the dev meetings.
 */
#include "test_util.h"

#include "display_check.h"

static void analyze(recap_document *doc, const char *text, size_t n) {
  recap_options o;
  recap_options_init(&o);
  o.language = "english";
  o.input_format = RECAP_INPUT_TEXT;
  o.keyphrases = 0;
  recap_status st = recap_document_analyze(doc, text, n, &o);
  if (st != RECAP_OK)
    fail_msg("analyze: %s", recap_document_error(doc));
}

/* The display text of the one sentence of `text`. */
static void displays(recap_document *doc, const char *text, const char *want) {
  analyze(doc, text, strlen(text));
  assert_int_equal(recap_sentence_count(doc), 1);
  char *got;
  assert_int_equal(recap_sentence_text(doc, 0, &got, NULL), RECAP_OK);
  if (strcmp(got, want) != 0)
    fail_msg("'%s'\n  displays '%s'\n  want     '%s'", text, got, want);
  recap_free(got);
}

/* Units, file names, identifiers, versions, amounts and single letters
   are facts: shown as said (each of these lost a word before). */
static void test_facts_verbatim(void **state) {
  fixture *f = *state;
  const char *same[] = {
      ("The dose is 50 mg twice a day, the latency fell to 10 ms, and the "
       "pipe is 30 cm wide."),
      "The charger delivers 150 kW.",
      "Open config.h and index.js, then edit main.c and app.py.",
      "We moved from Node.js to Go and use np.ndarray everywhere.",
      "When x = 2 the loop stops.",
      "We carry 500 kg for 20 km at 60 mph and stop at 5 pm.",
      "We went with plan B and added vitamin D to the list.",
      "Version 2.4.1 of the app ships on 3 March at 9 a.m. sharp.",
  };
  for (size_t i = 0; i < sizeof same / sizeof *same; i++)
    displays(f->doc, same[i], same[i]);
}

/* What display does leave out, and how the rest reads. */
static void test_disfluencies(void **state) {
  fixture *f = *state;
  displays(f->doc, "Um, so we, uh, bought the buses.",
           "So we bought the buses.");
  displays(f->doc, "How much how much money do we have?",
           "How much money do we have?");
  displays(f->doc, "It is part of the of the remote control.",
           "It is part of the remote control.");
  displays(f->doc, "If you needed if you needed to add voice control, fine.",
           "If you needed to add voice control, fine.");
  displays(f->doc, "I I think an extra an extra button helps.",
           "I think an extra button helps.");
  /* Whether "lo" and "mak" are words, the English word frequencies
     say; a build without them (no WordNet) leaves such starts alone. */
  if (recap_language_features("english") & RECAP_LANGUAGE_BACKGROUND) {
    displays(f->doc, "How much is that lo locally in pounds?",
             "How much is that locally in pounds?");
    displays(f->doc, "We should mak- making it cheaper.",
             "We should making it cheaper.");
  }
  displays(f->doc, "And th the users want it.", "And the users want it.");
  displays(f->doc, "So the w the will is clear now.",
           "So the will is clear now.");
  displays(f->doc, "A And then we stopped for lunch.",
           "And then we stopped for lunch.");
  /* Not false starts: whole words that another one begins with. */
  displays(f->doc, "We were at the big data database meeting.",
           "We were at the big data database meeting.");
  displays(f->doc, "We use Java JavaScript and Python.",
           "We use Java JavaScript and Python.");
  /* A word cut off at the end stays: nothing says what it was. */
  displays(f->doc, "Then we went to the th.", "Then we went to the th.");
}

/* A sentence that ends cut off is never a summary sentence. */
static void test_dangling_not_chosen(void **state) {
  fixture *f = *state;
  const char *text =
      "Ana: The new depot opens in June with forty chargers for the buses.\n"
      "Ben: The board approved the contract for the electric buses and\n"
      "Ana: Riders can follow the depot progress on the agency website.\n"
      "Ben: The drivers start training on the new electric buses in May,\n"
      "Ana: The charging schedule keeps the electric buses ready all day.\n";
  recap_options o;
  recap_options_init(&o);
  o.language = "english";
  o.summary_sentences = 10;
  o.keyphrases = 0;
  assert_int_equal(recap_document_analyze(f->doc, text, strlen(text), &o),
                   RECAP_OK);
  assert_int_equal(recap_sentence_count(f->doc), 5);
  assert_int_equal(recap_summary_count(f->doc), 3);
  for (size_t i = 0; i < recap_summary_count(f->doc); i++) {
    size_t k = recap_summary_at(f->doc, i)->index;
    assert_true(k != 1 && k != 3);
  }
}

/* The one sentence a one-sentence summary of `text` chooses. */
static void chooses(recap_document *doc, const char *text, const char *want) {
  recap_options o;
  recap_options_init(&o);
  o.language = "english";
  o.input_format = RECAP_INPUT_TRANSCRIPT;
  o.summary_sentences = 1;
  o.keyphrases = 0;
  /* An opening first: the first sentences of a talk weigh more
     (score.c), which is not what these pairs test. */
  char buf[1024];
  snprintf(buf, sizeof buf, "Ana: Right.\nBen: Okay.\nAna: Sure.\n%s", text);
  assert_int_equal(recap_document_analyze(doc, buf, strlen(buf), &o), RECAP_OK);
  assert_int_equal(recap_summary_count(doc), 1);
  const char *got = recap_summary_at(doc, 0)->text;
  if (strcmp(got, want) != 0)
    fail_msg("chose '%s'\n  want '%s'", got, want);
}

/* Sentences that say nothing about the topic rank low, questions below
   their answers, and a sentence that sums up high.  In each pair the
   sentence the rule speaks of comes first, which wins a tie, and the
   words that carry the topic are the same on both sides. */
static void test_what_a_sentence_says(void **state) {
  fixture *f = *state;
  /* "Welcome back" (housekeeping) even brings a word more. */
  chooses(f->doc,
          "Ana: Welcome back, the depot budget covers the buses.\n"
          "Ben: Right then, the depot budget covers the buses.\n",
          "Right then, the depot budget covers the buses.");
  chooses(f->doc,
          "Ana: Should the depot budget cover the buses?\n"
          "Ben: The depot budget should cover the buses.\n",
          "The depot budget should cover the buses.");
  /* "So basically" sums up; "so yeah" does not. */
  chooses(f->doc,
          "Ana: So yeah, the depot budget covers the buses.\n"
          "Ben: So basically, the depot budget covers the buses.\n",
          "So basically, the depot budget covers the buses.");
}

/* The property on every sentence of a document. */
static void check_document(recap_document *doc, const char *text,
                           const char *name) {
  for (size_t i = 0; i < recap_sentence_count(doc); i++) {
    recap_sentence s;
    char *d, why[256];
    size_t m;
    assert_int_equal(recap_sentence_get(doc, i, &s), RECAP_OK);
    assert_int_equal(recap_sentence_text(doc, i, &d, &m), RECAP_OK);
    if (!dc_check(text + s.offset, s.length, d, m, why, sizeof why))
      fail_msg("%s, sentence %zu: %s\n  source:  %.*s\n  display: %s", name, i,
               why, (int)s.length, text + s.offset, d);
    recap_free(d);
  }
}

/* Speech made up from a seeded generator: words, fillers, repeats, false
   starts and punctuation in every order. */
static size_t make_speech(char *out, size_t cap, unsigned *seed) {
  static const char *const words[] = {
      "the",     "remote", "control", "we",      "should",   "make",  "it",
      "cheaper", "and",    "battery", "buttons", "I",        "think", "that",
      "that's",  "mg",     "x",       "B",       "config.h", "th",    "mak",
      "making",  "lo",     "locally", "a",       "an",       "um",    "uh",
      "so",      "yeah",   "10",      "kW",      "Plan",     "of",    "to",
      "w",       "will"};
  const size_t nw = sizeof words / sizeof *words;
  size_t n = 0;
  for (int k = 0; k < 60 && n + 40 < cap; k++) {
    *seed = *seed * 1103515245u + 12345u;
    unsigned r = (*seed >> 8) % 100;
    const char *w = words[(*seed >> 16) % nw];
    if (r < 10 && k > 0) /* a repeat of the last word */
      n += (size_t)snprintf(out + n, cap - n, " %s", w);
    n += (size_t)snprintf(out + n, cap - n, "%s%s", k ? " " : "", w);
    if (r >= 90)
      n += (size_t)snprintf(out + n, cap - n, "%c", ",.?-"[r % 4]);
  }
  n += (size_t)snprintf(out + n, cap - n, ".\n");
  return n;
}

static void test_property_generated(void **state) {
  fixture *f = *state;
  unsigned seed = 7;
  char text[4096];
  for (int doc = 0; doc < 300; doc++) {
    size_t n = make_speech(text, sizeof text, &seed);
    analyze(f->doc, text, n);
    check_document(f->doc, text, "generated");
  }
}

/* Every sentence of the dev meetings' plain transcripts, manual and
   recognised (skipped without ../shared). */
static void test_property_meetings(void **state) {
  fixture *f = *state;
  const char *sets[] = {"ami", "icsi", "ami_asr", "icsi_asr"};
  int seen = 0;
  for (size_t k = 0; k < sizeof sets / sizeof *sets; k++) {
    char path[512];
    snprintf(path, sizeof path, "../shared/eval/meetings/%s/refs.jsonl",
             sets[k]);
    FILE *refs = fopen(path, "r");
    if (!refs)
      continue;
    char line[1 << 16];
    while (fgets(line, sizeof line, refs)) {
      char *id = strstr(line, "\"id\": \"");
      if (!id)
        continue;
      id += 7;
      char *q = strchr(id, '"');
      if (!q)
        continue;
      *q = '\0';
      snprintf(path, sizeof path, "../shared/eval/meetings/%s/%s.txt", sets[k],
               id);
      size_t n;
      char *text = slurp(path, &n);
      analyze(f->doc, text, n);
      check_document(f->doc, text, path);
      free(text);
      seen++;
    }
    fclose(refs);
  }
  if (!seen)
    skip();
}

int main(void) {
  const struct CMUnitTest tests[] = {
      fixture_unit_test(test_facts_verbatim),
      fixture_unit_test(test_disfluencies),
      fixture_unit_test(test_dangling_not_chosen),
      fixture_unit_test(test_what_a_sentence_says),
      fixture_unit_test(test_property_generated),
      fixture_unit_test(test_property_meetings),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
