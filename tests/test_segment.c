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

/* ---- lists ------------------------------------------------------------------
 * A list item's marker ("1.", "1)", "1.)", "a.", "A)") at the start of a
 * sentence does not end it; the next marker of the same list starts the
 * next item even without a period before it; bullets start items.  Texts
 * written for these tests. */

static void test_numbered_lists(void **state) {
  (void)state;
  static const char *const want[] = {"1.) Buy new chargers",
                                     "2.) Hire two mechanics",
                                     "3.) Ask the city for permits", NULL};
  expect("1.) Buy new chargers 2.) Hire two mechanics 3.) Ask the city for "
         "permits",
         "english", want);
  static const char *const want2[] = {"1.) Buy new chargers.",
                                      "2.) Hire two mechanics.", NULL};
  expect("1.) Buy new chargers. 2.) Hire two mechanics.", "english", want2);
  static const char *const want3[] = {"1) Check the budget", "2) Book the room",
                                      "3) Send the invitations", NULL};
  expect("1) Check the budget 2) Book the room 3) Send the invitations",
         "english", want3);
  static const char *const want4[] = {"1) Check the budget.",
                                      "2) Book the room.", NULL};
  expect("1) Check the budget. 2) Book the room.", "english", want4);
  static const char *const want5[] = {"1. Check the budget", "2. Book the room",
                                      "3. Send the invitations", NULL};
  expect("1. Check the budget 2. Book the room 3. Send the invitations",
         "english", want5);
  static const char *const want6[] = {"1. Check the budget.",
                                      "2. Book the room.", NULL};
  expect("1. Check the budget. 2. Book the room.", "english", want6);
  /* Two digits; a list after a colon. */
  static const char *const want7[] = {"9. Sell the old buses",
                                      "10. Train the drivers", NULL};
  expect("9. Sell the old buses 10. Train the drivers", "english", want7);
  static const char *const want8[] = {
      "Next steps, in order:", "1) check the budget", "2) book the room.",
      NULL};
  expect("Next steps, in order: 1) check the budget 2) book the room.",
         "english", want8);
}

static void test_lettered_lists_and_bullets(void **state) {
  (void)state;
  static const char *const want[] = {"a. Call the supplier",
                                     "b. Compare the offers",
                                     "c. Pick the cheaper one", NULL};
  expect("a. Call the supplier b. Compare the offers c. Pick the cheaper one",
         "english", want);
  /* A lower-case first item after a sentence. */
  static const char *const want2[] = {"We have two options.", "a) wait",
                                      "b) buy now", NULL};
  expect("We have two options. a) wait b) buy now", "english", want2);
  static const char *const want3[] = {"A) Wait", "B) Buy now", NULL};
  expect("A) Wait B) Buy now", "english", want3);
  /* Bullets (•, and hyphen-like ⁃ with or without a space) start items,
     with or without numbers. */
  static const char *const want4[] = {"\xE2\x80\xA2 4. Replace the old fleet",
                                      "\xE2\x80\xA2 5. Train the drivers",
                                      NULL};
  expect("\xE2\x80\xA2 4. Replace the old fleet \xE2\x80\xA2 5. Train the "
         "drivers",
         "english", want4);
  static const char *const want5[] = {"\xE2\x81\x83"
                                      "4. Replace the old fleet",
                                      "\xE2\x81\x83"
                                      "5. Train the drivers",
                                      NULL};
  expect("\xE2\x81\x83"
         "4. Replace the old fleet \xE2\x81\x83"
         "5. Train the "
         "drivers",
         "english", want5);
  static const char *const want6[] = {"Agenda:", "\xE2\x80\xA2 budget",
                                      "\xE2\x80\xA2 depot", NULL};
  expect("Agenda: \xE2\x80\xA2 budget \xE2\x80\xA2 depot", "english", want6);
  /* Items on lines of their own inside a paragraph: "1." or "-" at the
     start of a line; a dash inside a line is no bullet. */
  static const char *const want7[] = {
      "We agreed on three things:", "1. The depot moves north.",
      "2. Linda drafts the budget", "- and",
      "- so - we - meet in May.",   NULL};
  expect("We agreed on three things:\n1. The depot moves north.\n2. Linda "
         "drafts the budget\n- and\n- so - we - meet in May.",
         "english", want7);
}

static void test_not_lists(void **state) {
  (void)state;
  /* A number ending a sentence; letters in brackets; an item that is not
     the next one. */
  static const char *const want[] = {"He scored 2.", "Then he left.", NULL};
  expect("He scored 2. Then he left.", "english", want);
  static const char *const want2[] = {
      "The plan has two parts: (a) new buses and (b) a new depot.",
      "It costs a lot.", NULL};
  expect("The plan has two parts: (a) new buses and (b) a new depot. It "
         "costs a lot.",
         "english", want2);
  static const char *const want3[] = {"1) Check the budget 3) Book the room",
                                      NULL};
  expect("1) Check the budget 3) Book the room", "english", want3);
}

/* ---- ellipses
 * ---------------------------------------------------------------- Three
 * periods (also spaced ". . .") or U+2026 end a sentence only before a capital,
 * and not when they stand free between words (an omission or a pause: "about .
 * . . I forget"); four, or an ellipsis with a period, carry the sentence's own
 * period; "[...]" never ends one. */

static void test_ellipses(void **state) {
  (void)state;
  static const char *const want[] = {
      "We were going to ... well, we never finished.", NULL};
  expect("We were going to ... well, we never finished.", "english", want);
  static const char *const want2[] = {
      "She called it \xE2\x80\x9Cthe best plan we have. . . .\xE2\x80\x9D",
      "Nobody answered.", NULL};
  expect("She called it \xE2\x80\x9Cthe best plan we have. . . .\xE2\x80\x9D "
         "Nobody answered.",
         "english", want2);
  static const char *const want3[] = {
      "\"The board [...] approved the plan [...]\" (Minutes 12).", NULL};
  expect("\"The board [...] approved the plan [...]\" (Minutes 12).", "english",
         want3);
  static const char *const want4[] = {"The old depot closed in May. . . .",
                                      "The new one is not ready.", NULL};
  expect("The old depot closed in May. . . . The new one is not ready.",
         "english", want4);
  static const char *const want5[] = {"Add the sentence's period . . . .",
                                      "Next one.", NULL};
  expect("Add the sentence's period . . . . Next one.", "english", want5);
  static const char *const want6[] = {"I did not expect that....",
                                      "The bus was late.", NULL};
  expect("I did not expect that.... The bus was late.", "english", want6);
  static const char *const want7[] = {
      "We talked about . . . I forget what, and then...so . . . it ended.",
      NULL};
  expect("We talked about . . . I forget what, and then...so . . . it ended.",
         "english", want7);
  static const char *const want8[] = {
      "We went to the \xE2\x80\xA6 Riverside depot first.", NULL};
  expect("We went to the \xE2\x80\xA6 Riverside depot first.", "english",
         want8);
  static const char *const want9[] = {"The meeting ran late...",
                                      "Everyone left.", NULL};
  expect("The meeting ran late... Everyone left.", "english", want9);
  static const char *const want10[] = {"One habit was weakened . . . was "
                                       "that of joining words. . . .",
                                       NULL};
  expect("One habit was weakened . . . was that of joining words. . . .",
         "english", want10);
}

/* ---- abbreviations, initials, "I" -------------------------------------------
 * Before a capital, an abbreviation's period (plain kind) or an initial
 * ends the sentence only if the capitalised word is a function word of
 * the language or a title: a name goes on. */

static void test_abbreviation_before_capital(void **state) {
  (void)state;
  static const char *const want[] = {"The U.S. Army bought trucks.",
                                     "They moved to the U.S.", "We stayed.",
                                     NULL};
  expect("The U.S. Army bought trucks. They moved to the U.S. We stayed.",
         "english", want);
  /* "By 7 a.m." cannot stand alone (two words, no content word); "at 9
     p.m." ends before a title. */
  static const char *const want2[] = {"By 7 a.m. Dr. Lee had opened the depot.",
                                      "She closed it at 9 p.m.",
                                      "Dr. Lee then drove home.", NULL};
  expect("By 7 a.m. Dr. Lee had opened the depot. She closed it at 9 p.m. "
         "Dr. Lee then drove home.",
         "english", want2);
  static const char *const want3[] = {"The bus leaves at 6 P.M.",
                                      "We should be early.", NULL};
  expect("The bus leaves at 6 P.M. We should be early.", "english", want3);
  /* "etc." (kind end) ends before any capital. */
  static const char *const want4[] = {"We bought cables, plugs, etc.",
                                      "Linda ordered the rest.", NULL};
  expect("We bought cables, plugs, etc. Linda ordered the rest.", "english",
         want4);
  static const char *const want5[] = {"Our partner is Briggs & Co. in Leeds.",
                                      "They build chargers.", NULL};
  expect("Our partner is Briggs & Co. in Leeds. They build chargers.",
         "english", want5);
}

static void test_initials_and_i(void **state) {
  (void)state;
  static const char *const want[] = {"The drivers agreed, and so did I.",
                                     "Did anyone ask the mechanics?", NULL};
  expect("The drivers agreed, and so did I. Did anyone ask the mechanics?",
         "english", want);
  static const char *const want2[] = {"We met Henry I. Walsh at the depot.",
                                      NULL};
  expect("We met Henry I. Walsh at the depot.", "english", want2);
  static const char *const want3[] = {"It was Plan B.", "We had no choice.",
                                      NULL};
  expect("It was Plan B. We had no choice.", "english", want3);
  static const char *const want4[] = {"J. A. Smith spoke first.", NULL};
  expect("J. A. Smith spoke first.", "english", want4);
}

/* ---- numbers ----------------------------------------------------------------
 */

static void test_number_signs_and_dotted_numbers(void **state) {
  (void)state;
  static const char *const want[] = {"The site is at N\xC2\xB0. 4521.88.301.",
                                     "That is near the river.", NULL};
  expect("The site is at N\xC2\xB0. 4521.88.301. That is near the river.",
         "english", want);
  static const char *const want2[] = {"See No. 12 on the list.", "It is cheap.",
                                      NULL};
  expect("See No. 12 on the list. It is cheap.", "english", want2);
  static const char *const want3[] = {"The grant was $2.5 million.",
                                      "It covers 1.2.3 and 10.4.", NULL};
  expect("The grant was $2.5 million. It covers 1.2.3 and 10.4.", "english",
         want3);
}

/* ---- no space after the period ----------------------------------------------
 */

static void test_glued_sentences(void **state) {
  (void)state;
  static const char *const want[] = {
      "The buses are ready.", "The depot is not.",
      "Mr. Lee says it needs 2,000.", "That is too many.", NULL};
  expect("The buses are ready.The depot is not.Mr. Lee says it needs "
         "2,000.That is too many.",
         "english", want);
  static const char *const want2[] = {"Is it ready?", "Yes it is!", "Great.",
                                      NULL};
  expect("Is it ready?Yes it is!Great.", "english", want2);
  /* A number with a period for thousands ends one too. */
  static const char *const da[] = {"Hr. Hansen siger det kræver 2.000.",
                                   "Det er for mange.", NULL};
  expect("Hr. Hansen siger det kræver 2.000.Det er for mange.", "danish", da);
  /* Addresses, abbreviations, capitals before the period: no boundary. */
  static const char *const want3[] = {
      "Ask Jane.Doe@example.com or see www.Example.org/Plan.Html, "
      "www.Riverside.Example.Org, Mr.Lee, e.g.The list, ASP.NET and "
      "U.S.Army.",
      NULL};
  expect("Ask Jane.Doe@example.com or see www.Example.org/Plan.Html, "
         "www.Riverside.Example.Org, Mr.Lee, e.g.The list, ASP.NET and "
         "U.S.Army.",
         "english", want3);
}

/* ---- other languages
 * --------------------------------------------------------- */

static void test_other_languages(void **state) {
  (void)state;
  /* German: "z. B." written with a space; an ordinal before a month; a
     count after "Nr." ends the sentence. */
  static const char *const de[] = {
      "Es gibt z. B. neue Ladestationen.", "Die Sitzung ist am 24. Dezember.",
      "Das war Nr. 3.", "Danach kam nichts.", NULL};
  expect("Es gibt z. B. neue Ladestationen. Die Sitzung ist am 24. Dezember. "
         "Das war Nr. 3. Danach kam nichts.",
         "german", de);
  /* Danish: "co." before the stopword "De" ends; "osv." before any
     capital. */
  static const char *const da[] = {"Lad os spørge Jens og co.", "De ved det.",
                                   "Vi købte stik osv.", "Resten kommer.",
                                   NULL};
  expect("Lad os spørge Jens og co. De ved det. Vi købte stik osv. Resten "
         "kommer.",
         "danish", da);
  /* Russian: "г." is a city before a name and a year before a new
     sentence. */
  static const char *const ru[] = {
      "\xD0\xAD\xD1\x82\xD0\xBE \xD0\xB1\xD1\x8B\xD0\xBB\xD0\xBE \xD0\xB2 "
      "2019 \xD0\xB3.",
      "\xD0\x9F\xD0\xBE\xD1\x82\xD0\xBE\xD0\xBC \xD0\xB2 \xD0\xB3. "
      "\xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0.",
      NULL};
  expect("\xD0\xAD\xD1\x82\xD0\xBE \xD0\xB1\xD1\x8B\xD0\xBB\xD0\xBE \xD0\xB2 "
         "2019 \xD0\xB3. \xD0\x9F\xD0\xBE\xD1\x82\xD0\xBE\xD0\xBC \xD0\xB2 "
         "\xD0\xB3. \xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0.",
         "russian", ru);
  /* Armenian: ':' typed for the full stop ։; ՞ sits inside a question.
     "Ինչո՞ւ ես: Լավ եմ: Ժամը 10:30 է։" */
  static const char *const hy[] = {
      "\xD4\xBB\xD5\xB6\xD5\xB9\xD5\xB8\xD5\x9E\xD6\x82 \xD5\xA5\xD5\xBD:",
      "\xD4\xBC\xD5\xA1\xD5\xBE \xD5\xA5\xD5\xB4:",
      "\xD4\xB4\xD5\xA1\xD5\xB4\xD5\xA8 10:30 \xD5\xA7\xD6\x89", NULL};
  expect("\xD4\xBB\xD5\xB6\xD5\xB9\xD5\xB8\xD5\x9E\xD6\x82 \xD5\xA5\xD5\xBD: "
         "\xD4\xBC\xD5\xA1\xD5\xBE \xD5\xA5\xD5\xB4: \xD4\xB4\xD5\xA1\xD5\xB4"
         "\xD5\xA8 10:30 \xD5\xA7\xD6\x89",
         "armenian", hy);
  /* Greek: ';' is the question mark.  "Πού πας; Σπίτι." */
  static const char *const el[] = {
      "\xCE\xA0\xCE\xBF\xCF\x8D \xCF\x80\xCE\xB1\xCF\x82;",
      "\xCE\xA3\xCF\x80\xCE\xAF\xCF\x84\xCE\xB9.", NULL};
  expect("\xCE\xA0\xCE\xBF\xCF\x8D \xCF\x80\xCE\xB1\xCF\x82; \xCE\xA3\xCF\x80"
         "\xCE\xAF\xCF\x84\xCE\xB9.",
         "greek", el);
  /* Japanese: a full-width decimal point; a quotation ending in 。 inside
     a sentence.  "３．２９％を目指す。彼は「はい。」と言った。" */
  static const char *const ja[] = {
      "\xEF\xBC\x93\xEF\xBC\x8E\xEF\xBC\x92\xEF\xBC\x99\xEF\xBC\x85\xE3\x82"
      "\x92\xE7\x9B\xAE\xE6\x8C\x87\xE3\x81\x99\xE3\x80\x82",
      "\xE5\xBD\xBC\xE3\x81\xAF\xE3\x80\x8C\xE3\x81\xAF\xE3\x81\x84\xE3\x80"
      "\x82\xE3\x80\x8D\xE3\x81\xA8\xE8\xA8\x80\xE3\x81\xA3\xE3\x81\x9F\xE3"
      "\x80\x82",
      NULL};
  expect("\xEF\xBC\x93\xEF\xBC\x8E\xEF\xBC\x92\xEF\xBC\x99\xEF\xBC\x85\xE3\x82"
         "\x92\xE7\x9B\xAE\xE6\x8C\x87\xE3\x81\x99\xE3\x80\x82\xE5\xBD\xBC\xE3"
         "\x81\xAF\xE3\x80\x8C\xE3\x81\xAF\xE3\x81\x84\xE3\x80\x82\xE3\x80\x8D"
         "\xE3\x81\xA8\xE8\xA8\x80\xE3\x81\xA3\xE3\x81\x9F\xE3\x80\x82",
         "japanese", ja);
  /* Lists and ellipses in French: the same rules. */
  static const char *const fr[] = {"1) V\xC3\xA9rifier le budget",
                                   "2) R\xC3\xA9server la salle.",
                                   "Nous avons parl\xC3\xA9 de . . . "
                                   "Je ne sais plus.",
                                   NULL};
  expect("1) V\xC3\xA9rifier le budget 2) R\xC3\xA9server la salle. Nous "
         "avons parl\xC3\xA9 de . . . Je ne sais plus.",
         "french", fr);
}

/* Every language with lists: each of its abbreviations behaves as its
   kind says (stopwords/README), and lists and ellipses split the same
   way.  Texts are built around each entry as the list spells it. */
static size_t count_sentences(const char *text, const rc_lang *l) {
  run r;
  run_init(&r);
  rc_source_borrow(&r.src, text, strlen(text));
  assert_int_equal(rc_source_cue(&r.src, 0, strlen(text), 0), RECAP_OK);
  assert_int_equal(rc_segment(&r.src, l, &r.norm, &r.out), RECAP_OK);
  size_t n = r.out.len;
  run_free(&r);
  return n;
}

static void test_every_language(void **state) {
  (void)state;
  size_t checked = 0;
  for (size_t k = 0; k < rc_language_count; k++) {
    const rc_lang *l = &rc_languages[k];
    char text[256];
    for (size_t i = 0; i < l->abbrevs.count; i++) {
      const char *a = rc_wordlist_at(&l->abbrevs, i);
      int kind = l->abbrev_kinds[i];
      if (kind == RC_ABBR_NUMBER &&
          rc_wordlist_find(&l->stopwords, a, strlen(a)) >= 0)
        continue; /* such a word counts only capitalised: see above */
      snprintf(text, sizeof text, "Alpha beta gamma %s. %s delta.", a,
               kind == RC_ABBR_NUMBER ? "5" : "Xavier");
      size_t want = kind == RC_ABBR_END ? 2 : 1;
      size_t got = count_sentences(text, l);
      if (got != want)
        fail_msg("%s: '%s' gives %zu sentences, want %zu", l->name, text, got,
                 want);
      checked++;
    }
    if (l->flags & RC_LANG_NOSPACE)
      continue;
    assert_int_equal(count_sentences("1) Alpha beta 2) Gamma delta", l), 2);
    assert_int_equal(
        count_sentences("\xE2\x80\xA2 Alpha beta \xE2\x80\xA2 Gamma delta", l),
        2);
    assert_int_equal(count_sentences("Alpha . . . beta gamma. Delta.", l), 2);
    assert_int_equal(count_sentences("Alpha beta... Gamma delta.", l), 2);
    assert_int_equal(count_sentences("\"Alpha [...] beta\" (Gamma 5).", l), 1);
  }
  assert_true(checked > 1000);
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

/* In speech (a transcript's turns, captions, lines of utterances) a
   sentence over RC_MAX_SPOKEN_WORDS words is cut where a clause begins:
   before "and" rather than after "the", and in captions without
   punctuation before a capital (a new stretch of speech). */
static void test_spoken_run_on_cut(void **state) {
  (void)state;
  const char *turn =
      "so we looked at the four sites for the depot and we talked to the "
      "city about the power lines and the council wants the garage on "
      "the east side because the land is cheap and the buses can reach "
      "the ring road in minutes and the drivers like it too\n";
  run r;
  run_init(&r);
  rc_source_borrow(&r.src, turn, strlen(turn));
  assert_int_equal(rc_source_cue(&r.src, 0, strlen(turn), RC_CUE_BREAK),
                   RECAP_OK);
  r.src.spoken = 1; /* as read_text sets it for lines of utterances */
  segment(&r, "english");
  assert_true(r.out.len >= 2);
  for (size_t i = 0; i < r.out.len; i++) {
    const rc_span *s = &r.out.data[i];
    assert_true(words_in(&r, i) <= RC_MAX_SPOKEN_WORDS);
    /* No piece ends in a linking word ("the", "and", "of"). */
    const char *end = turn + s->off + s->len;
    assert_false(end - turn >= 4 && memcmp(end - 4, " the", 4) == 0);
    assert_false(end - turn >= 4 && memcmp(end - 4, " and", 4) == 0);
    if (i > 0) /* each later piece opens with "and" or "because" */
      assert_true(memcmp(turn + s->off, "and ", 4) == 0 ||
                  memcmp(turn + s->off, "because ", 8) == 0);
  }
  run_free(&r);
  /* The same words as prose (not speech) stay one sentence. */
  segment_text(&r, turn, "english");
  assert_int_equal(r.out.len, 1);
  run_free(&r);
}

/* Segments `lines` (each ending in a newline) as read_text gives lines of
   utterances: a cue per line, no times, spoken.  `text` holds them. */
static void segment_spoken_lines(run *r, const char *const lines[], char *text,
                                 size_t cap) {
  text[0] = '\0';
  for (size_t i = 0; lines[i]; i++) {
    assert_true(strlen(text) + strlen(lines[i]) < cap);
    strcat(text, lines[i]);
  }
  run_init(r);
  rc_source_borrow(&r->src, text, strlen(text));
  size_t off = 0;
  for (size_t i = 0; lines[i]; i++) {
    size_t len = strlen(lines[i]) - 1;
    assert_int_equal(rc_source_cue(&r->src, off, len, RC_CUE_BREAK), RECAP_OK);
    off += len + 1;
  }
  r->src.spoken = 1;
  segment(r, "english");
}

/* A recogniser's text without times or punctuation, a turn a line (as
   read_text gives it: a cue per line, spoken): a turn over
   RC_UNIT_MAX_WORDS is cut into units as long as those of captions, before
   the capital that opens a stretch of speech; the short turns stay whole.
   (Prose without punctuation keeps its 80 words: the test below.) */
static void test_unpunctuated_speech_lines(void **state) {
  (void)state;
  /* Capitals where each stretch of speech starts, as recognisers write. */
  static const char *const lines[] = {
      "Okay So welcome everyone this is the second meeting about the "
      "bike share stations\n",
      "Yeah\n",
      "I had a look at the three sites we talked about last week and the "
      "one by the library has room for twenty docks Then the one at the "
      "station is too narrow and the car park belongs to the council\n",
      "That is more than we have for this year\n",
      "Right so maybe we start with the library site and ten docks and we "
      "ask the council about the car park\n",
      "Okay I can write to the council this week and ask about the "
      "permit\n",
      NULL};
  char text[1024];
  run r;
  segment_spoken_lines(&r, lines, text, sizeof text);
  static const char *const want[] = {
      "Okay So welcome everyone this is the second meeting about the bike "
      "share stations",
      "Yeah",
      "I had a look at the three sites we talked about last week and the "
      "one by the library has room for twenty docks",
      "Then the one at the station is too narrow and the car park belongs "
      "to the council",
      "That is more than we have for this year",
      "Right so maybe we start with the library site and ten docks and we "
      "ask the council about the car park",
      "Okay I can write to the council this week and ask about the permit",
      NULL};
  assert_sentences(&r, want);
  for (size_t i = 0; i < r.out.len; i++)
    assert_true(words_in(&r, i) <= RC_UNIT_MAX_WORDS);
  run_free(&r);
}

/* Prose in lines whose sentences run long (an abstract: a title, then
   sentences of 30-40 words, fewer stops than one per 40 words) is not
   a recogniser's text: its sentences are not cut into caption units. */
static void test_long_sentences_in_lines_stay_whole(void **state) {
  (void)state;
  static const char *const lines[] = {
      "A review of shared bicycle stations in small towns\n",
      "With one eye on the cost of the docks and the other on the number of "
      "riders each site could serve, the council last spring asked three "
      "towns to report how their stations were used over a year.\n",
      "The towns also described how the stations were paid for, how the "
      "docks were kept working through the winter months and which sites "
      "the riders used most often on weekdays, weekends and public holidays\n",
      NULL};
  char text[1024];
  run r;
  segment_spoken_lines(&r, lines, text, sizeof text);
  assert_int_equal(r.out.len, 3);
  assert_true(words_in(&r, 1) > RC_UNIT_MAX_WORDS);
  assert_true(words_in(&r, 2) > RC_UNIT_MAX_WORDS);
  run_free(&r);
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
    /* It ends before the comma it was cut at (which no sentence then
       holds), so that it does not read as cut off. */
    if (i + 1 < r.out.len) /* the last piece ends the text, comma and all */
      assert_int_equal(t[s->off + s->len - 1], 'd');
    if (i + 1 < r.out.len)
      assert_int_equal(t[s->off + s->len], ',');
  }
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
      cmocka_unit_test(test_numbered_lists),
      cmocka_unit_test(test_lettered_lists_and_bullets),
      cmocka_unit_test(test_not_lists),
      cmocka_unit_test(test_ellipses),
      cmocka_unit_test(test_abbreviation_before_capital),
      cmocka_unit_test(test_initials_and_i),
      cmocka_unit_test(test_number_signs_and_dotted_numbers),
      cmocka_unit_test(test_glued_sentences),
      cmocka_unit_test(test_other_languages),
      cmocka_unit_test(test_every_language),
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
      cmocka_unit_test(test_spoken_run_on_cut),
      cmocka_unit_test(test_unpunctuated_speech_lines),
      cmocka_unit_test(test_long_sentences_in_lines_stay_whole),
      cmocka_unit_test(test_long_cjk_run),
  };
  return cmocka_run_group_tests_name("segment", tests, NULL, NULL);
}
