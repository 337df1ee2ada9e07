/*
 * test_decisions.c - decisions and action items (RECAP_OPT_DECISIONS),
 * through the public API, on short meetings written here and on
 * tests/fixtures/decisions/garden.txt (a planning call written for recap
 * with four decisions and five action items): what counts as a decision
 * or an action and what does not, the text an item shows, its owner and
 * due time, the limits and the order.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "recap.h"

#define GARDEN "tests/fixtures/decisions/garden.txt"

typedef struct fixture {
  recap_context *ctx;
  recap_document *doc;
  recap_options opt;
} fixture;

static int setup(void **state) {
  fixture *f = calloc(1, sizeof *f);
  assert_non_null(f);
  assert_int_equal(recap_context_new(&f->ctx), RECAP_OK);
  assert_int_equal(recap_document_new(f->ctx, &f->doc), RECAP_OK);
  recap_options_init(&f->opt);
  f->opt.flags = RECAP_OPT_DECISIONS;
  f->opt.language = "english";
  f->opt.input_format = RECAP_INPUT_TRANSCRIPT; /* too short to detect */
  f->opt.keyphrases = 0;
  f->opt.summary_sentences = 0;
  *state = f;
  return 0;
}

static int teardown(void **state) {
  fixture *f = *state;
  recap_document_free(f->doc);
  recap_context_free(f->ctx);
  free(f);
  return 0;
}

static void analyze(fixture *f, const char *text) {
  assert_int_equal(recap_document_analyze(f->doc, text, strlen(text), &f->opt),
                   RECAP_OK);
}

static char *read_file(const char *path, size_t *len) {
  FILE *fp = fopen(path, "rb");
  assert_non_null(fp);
  fseek(fp, 0, SEEK_END);
  long n = ftell(fp);
  rewind(fp);
  char *s = malloc((size_t)n + 1);
  assert_non_null(s);
  assert_int_equal(fread(s, 1, (size_t)n, fp), (size_t)n);
  s[n] = '\0';
  fclose(fp);
  *len = (size_t)n;
  return s;
}

/* The item whose text contains `part`, or NULL. */
static const recap_item *find(const recap_document *doc, recap_item_kind kind,
                              const char *part) {
  size_t n = kind == RECAP_ITEM_DECISION ? recap_decision_count(doc)
                                         : recap_action_count(doc);
  for (size_t i = 0; i < n; i++) {
    const recap_item *it = kind == RECAP_ITEM_DECISION
                               ? recap_decision_at(doc, i)
                               : recap_action_at(doc, i);
    if (strstr(it->text, part))
      return it;
  }
  return NULL;
}

static int found_anywhere(const recap_document *doc, const char *part) {
  return find(doc, RECAP_ITEM_DECISION, part) ||
         find(doc, RECAP_ITEM_ACTION, part);
}

/* ---- what is found ----------------------------------------------------------
 */

static void test_off_by_default(void **state) {
  fixture *f = *state;
  f->opt.flags = 0;
  analyze(f,
          "[00:00:05] Ann: We decided to buy the red van.\n"
          "[00:00:08] Bob: Okay.\n"
          "[00:00:10] Ann: I'll send the contract to the dealer by Friday.\n");
  assert_int_equal(recap_decision_count(f->doc), 0);
  assert_int_equal(recap_action_count(f->doc), 0);
  assert_null(recap_decision_at(f->doc, 0));
  assert_null(recap_action_at(f->doc, 0));
}

static void test_garden(void **state) {
  fixture *f = *state;
  size_t n;
  char *text = read_file(GARDEN, &n);
  f->opt.decisions = 10;
  assert_int_equal(recap_document_analyze(f->doc, text, n, &f->opt), RECAP_OK);
  /* The four decisions, and nothing else. */
  assert_int_equal(recap_decision_count(f->doc), 4);
  assert_non_null(find(f->doc, RECAP_ITEM_DECISION, "tool shed by the north"));
  assert_non_null(find(f->doc, RECAP_ITEM_DECISION, "cedar boards, not the"));
  assert_non_null(find(f->doc, RECAP_ITEM_DECISION, "raised beds"));
  assert_non_null(find(f->doc, RECAP_ITEM_DECISION, "twenty dollars"));
  /* Five actions, with who and when. */
  assert_int_equal(recap_action_count(f->doc), 5);
  const recap_item *it = find(f->doc, RECAP_ITEM_ACTION, "plot map");
  assert_non_null(it);
  assert_int_equal(it->kind, RECAP_ITEM_ACTION);
  assert_string_equal(it->owner, "Rosa Díaz");
  assert_string_equal(it->due, "by Friday");
  assert_string_equal(it->speaker, "Rosa Díaz");
  assert_true(it->start >= 151 && it->start < 156); /* [00:02:27] + */
  it = find(f->doc, RECAP_ITEM_ACTION, "soil delivery");
  assert_non_null(it);
  assert_string_equal(it->owner, "Priya Nair");
  assert_string_equal(it->due, "for next week");
  /* Asked by name, answered with a time: one item, the request's words. */
  it = find(f->doc, RECAP_ITEM_ACTION, "water company");
  assert_non_null(it);
  assert_string_equal(it->text,
                      "Omar, could you call the water company about moving "
                      "the meter?");
  assert_string_equal(it->owner, "Omar Haddad");
  assert_string_equal(it->due, "tomorrow");
  assert_null(find(f->doc, RECAP_ITEM_ACTION, "call them"));
  it = find(f->doc, RECAP_ITEM_ACTION, "sign-up sheet");
  assert_non_null(it);
  assert_string_equal(it->owner, "Jen"); /* named, not a speaker */
  assert_null(it->due);
  it = find(f->doc, RECAP_ITEM_ACTION, "order the cedar boards");
  assert_non_null(it);
  assert_null(it->owner); /* "we" */
  assert_string_equal(it->due, "before March 20");
  /* Not decided: a hedge, an open question, a condition, housekeeping. */
  assert_false(found_anywhere(f->doc, "beehive"));
  assert_false(found_anywhere(f->doc, "Sundays"));
  assert_false(found_anywhere(f->doc, "greenhouse"));
  assert_false(found_anywhere(f->doc, "hear me"));
  /* Decisions have no owner or due time; scores are in (0, 1]. */
  for (size_t i = 0; i < recap_decision_count(f->doc); i++) {
    it = recap_decision_at(f->doc, i);
    assert_int_equal(it->kind, RECAP_ITEM_DECISION);
    assert_null(it->owner);
    assert_null(it->due);
    assert_true(it->score > 0 && it->score <= 1);
    assert_true(it->end >= it->start);
    assert_memory_equal(text + it->offset, text + it->offset, it->length);
    assert_true(it->offset + it->length <= n);
  }
  free(text);
}

/* "Okay, let's do that." decides what was proposed: the item shows the
   proposal, and runs to the agreement. */
static void test_agreement_shows_proposal(void **state) {
  fixture *f = *state;
  const char *text = "[00:00:15] Ann: The review room downstairs is too small "
                     "for twelve people.\n"
                     "[00:00:20] Bob: What about moving the design review to "
                     "the big conference "
                     "room upstairs?\n"
                     "[00:00:25] Ann: Yes, let's do that.\n"
                     "[00:00:30] Carl: Fine by me.\n";
  analyze(f, text);
  assert_int_equal(recap_decision_count(f->doc), 1);
  const recap_item *it = recap_decision_at(f->doc, 0);
  assert_string_equal(it->text, "What about moving the design review to the "
                                "big conference room upstairs?");
  assert_string_equal(it->speaker, "Bob");
  const char *agreed = strstr(text, "let's do that.");
  assert_true(it->start > 0 && it->end > it->start);
  assert_int_equal(it->offset, strstr(text, "What about") - text);
  assert_int_equal(it->offset + it->length,
                   agreed + strlen("let's do that.") - text);
}

/* The item shows the clause of its cue, without the discourse words it
   opened with. */
static void test_clause_and_lead(void **state) {
  fixture *f = *state;
  analyze(
      f,
      "[00:00:35] Ann: So, okay, we decided to buy the blue delivery van from "
      "the dealer in Leeds, and so the old truck goes to auction "
      "after the summer.\n"
      "[00:00:40] Bob: Good.\n");
  assert_int_equal(recap_decision_count(f->doc), 1);
  const recap_item *it = recap_decision_at(f->doc, 0);
  assert_string_equal(it->text, "We decided to buy the blue delivery van "
                                "from the dealer in Leeds.");
  assert_int_equal(it->words, 13);
  assert_int_equal(it->text_length, strlen(it->text));
}

/* A clause cut before ", and ..." keeps the quote or bracket it closes. */
static void test_clause_keeps_closing_quote(void **state) {
  fixture *f = *state;
  analyze(f, "[00:00:35] Ann: We decided to name the van \"The Green "
             "Courier\", and so the old truck goes to auction after the "
             "summer.\n"
             "[00:00:40] Bob: Good.\n");
  assert_int_equal(recap_decision_count(f->doc), 1);
  assert_string_equal(recap_decision_at(f->doc, 0)->text,
                      "We decided to name the van \"The Green Courier\".");
}

/* A lead of several words ("I think", "you know") goes too, after the
   one-word ones, and the filler between them. */
static void test_lead_of_several_words(void **state) {
  fixture *f = *state;
  analyze(f, "[00:00:35] Ann: So I think, um, you know, we decided to buy the "
             "blue delivery van from the dealer in Leeds.\n"
             "[00:00:40] Bob: Good.\n");
  assert_int_equal(recap_decision_count(f->doc), 1);
  assert_string_equal(recap_decision_at(f->doc, 0)->text,
                      "We decided to buy the blue delivery van from the "
                      "dealer in Leeds.");
}

/* What a clause opened by a contrast or condition says will be is no
   decision; the same words as a clause of their own are one. */
static void test_subordinate_will_be(void **state) {
  fixture *f = *state;
  analyze(f, "[00:00:35] Ann: The depot can be run more cheaply, while at the "
             "same time the drivers' skills will be learned on the job.\n"
             "[00:00:40] Bob: The depot will be open from five in the "
             "morning.\n");
  assert_int_equal(recap_decision_count(f->doc), 1);
  assert_string_equal(recap_decision_at(f->doc, 0)->text,
                      "The depot will be open from five in the morning.");
}

/* What people outside the decision will do or have is a prediction, not a
   decision: "the younger people will have" is none, "the bench will have"
   is one. */
static void test_said_of_others(void **state) {
  fixture *f = *state;
  analyze(f, "[00:00:05] Ann: The younger people will have newer "
             "televisions by then.\n"
             "[00:00:10] Bob: Everybody will be reading the digits at the "
             "end.\n"
             "[00:00:15] Ann: The new bench will have a cedar seat and iron "
             "legs.\n");
  assert_int_equal(recap_decision_count(f->doc), 1);
  assert_non_null(find(f->doc, RECAP_ITEM_DECISION, "cedar seat"));
  assert_false(found_anywhere(f->doc, "televisions"));
  assert_false(found_anywhere(f->doc, "digits"));
}

/* A word broken off and begun again at the start goes too; a name of two
   letters stays. */
static void test_false_start_dropped(void **state) {
  fixture *f = *state;
  analyze(f,
          "[00:00:35] Ann: Ma Mark will send the signed budget to the board by "
          "Friday.\n"
          "[00:00:40] Bob: Ed will print the new delivery schedule for the "
          "drivers.\n");
  assert_int_equal(recap_action_count(f->doc), 2);
  assert_string_equal(
      recap_action_at(f->doc, 0)->text,
      "Mark will send the signed budget to the board by Friday.");
  assert_string_equal(recap_action_at(f->doc, 1)->text,
                      "Ed will print the new delivery schedule for the "
                      "drivers.");
}

/* An item that starts mid-sentence starts with a capital; closing the
   meeting ("call this to a close") is no decision. */
static void test_capital_and_closing(void **state) {
  fixture *f = *state;
  analyze(f, "[00:00:35] Ann: the titanium case has to be square with rounded "
             "corners.\n"
             "[00:00:40] Bob: Yeah, agreed.\n"
             "[00:00:45] Ann: Okay, I'm gonna have to call this to a close "
             "'cause we're way over time.\n"
             "[00:00:50] Bob: Okay.\n");
  assert_int_equal(recap_decision_count(f->doc), 1);
  assert_string_equal(recap_decision_at(f->doc, 0)->text,
                      "The titanium case has to be square with rounded "
                      "corners.");
  assert_int_equal(recap_action_count(f->doc), 0);
}

/* Owners: the speaker for "I'll", a name before "will" whether or not
   they speak, the one addressed; due times as said. */
static void test_owners_and_due(void **state) {
  fixture *f = *state;
  analyze(f, "[00:00:45] Ann: Mark will send the signed budget to the board by "
             "the end "
             "of the month.\n"
             "[00:00:50] Bob: And I'll check the venue contract on March 14.\n"
             "[00:00:55] Ann: Carl, can you book the caterer for the launch?\n"
             "[00:00:59] Carl: Sure.\n");
  assert_int_equal(recap_action_count(f->doc), 3);
  const recap_item *it = find(f->doc, RECAP_ITEM_ACTION, "budget");
  assert_non_null(it);
  assert_string_equal(it->owner, "Mark");
  assert_string_equal(it->due, "by the end of the month");
  it = find(f->doc, RECAP_ITEM_ACTION, "venue");
  assert_non_null(it);
  assert_string_equal(it->text, "I'll check the venue contract on March 14.");
  assert_string_equal(it->owner, "Bob");
  assert_string_equal(it->due, "on March 14");
  it = find(f->doc, RECAP_ITEM_ACTION, "caterer");
  assert_non_null(it);
  assert_string_equal(it->owner, "Carl");
  assert_null(it->due);
}

/* "may" the verb and "march" the walk are no due times. */
static void test_month_words(void **state) {
  fixture *f = *state;
  analyze(f, "[00:00:05] Ann: I'll ask the council about the parade, since we "
             "may march the band through the "
             "square.\n"
             "[00:00:10] Bob: Okay.\n");
  assert_int_equal(recap_action_count(f->doc), 1);
  assert_null(recap_action_at(f->doc, 0)->due);
}

/* Talk without decisions gives none, and so does a language without a
   cue list. */
static void test_nothing_decided(void **state) {
  fixture *f = *state;
  analyze(
      f, "[00:00:15] Ann: The weather was lovely at the lake last weekend.\n"
         "[00:00:20] Bob: We saw herons near the old boathouse on Sunday.\n"
         "[00:00:25] Ann: Maybe we could go back in the autumn, I don't know.\n"
         "[00:00:30] Bob: If it stays dry, perhaps.\n");
  assert_int_equal(recap_decision_count(f->doc), 0);
  assert_int_equal(recap_action_count(f->doc), 0);
  f->opt.language = "french";
  analyze(f,
          "[00:00:35] Ann: Nous avons décidé d'acheter la camionnette rouge.\n"
          "[00:00:40] Bob: D'accord, j'envoie le contrat vendredi.\n");
  assert_int_equal(recap_decision_count(f->doc), 0);
  assert_int_equal(recap_action_count(f->doc), 0);
  f->opt.language = "english";
  analyze(f, "");
  assert_int_equal(recap_decision_count(f->doc), 0);
}

/* What the thing must or will be is a decision on its own words, no one
   needing to agree: that is what the minutes list ("The bench will have
   a cedar seat"). */
static void test_what_it_will_be(void **state) {
  fixture *f = *state;
  analyze(f, "[00:00:05] Ann: The new bench will have a cedar seat and iron "
             "legs.\n"
             "[00:00:10] Bob: The council sent the parade route this "
             "morning.\n");
  assert_int_equal(recap_decision_count(f->doc), 1);
  assert_non_null(find(f->doc, RECAP_ITEM_DECISION, "cedar seat"));
  assert_int_equal(recap_action_count(f->doc), 0);
}

/* Talk about the meeting itself decides nothing and hands out no work:
   presenting one's findings now, the time left; a presentation with a
   due time is work. */
static void test_meeting_talk(void **state) {
  fixture *f = *state;
  analyze(f,
          "[00:00:05] Ann: I'm gonna present the findings of our survey of "
          "the garden club members.\n"
          "[00:00:10] Bob: Okay.\n"
          "[00:00:15] Ann: So we have five minutes left for the seed orders.\n"
          "[00:00:20] Bob: Right.\n");
  assert_int_equal(recap_decision_count(f->doc), 0);
  assert_int_equal(recap_action_count(f->doc), 0);
  analyze(f, "[00:00:05] Ann: I'm going to present the survey findings to "
             "the garden club next week.\n"
             "[00:00:10] Bob: Okay.\n");
  assert_int_equal(recap_action_count(f->doc), 1);
  /* When the meeting itself meets is no item, though "next meeting" is a
     due time; work due by then still is. */
  analyze(f, "[00:00:05] Ann: We will have the next meeting in thirty "
             "minutes.\n"
             "[00:00:10] Bob: Okay.\n"
             "[00:00:15] Ann: Our next meeting will be in the garden shed.\n"
             "[00:00:20] Bob: Right.\n"
             "[00:00:25] Ann: I'll count the seed packets for the next "
             "meeting.\n");
  assert_int_equal(recap_decision_count(f->doc), 0);
  assert_int_equal(recap_action_count(f->doc), 1);
  assert_non_null(find(f->doc, RECAP_ITEM_ACTION, "seed packets"));
}

/* At most `decisions` of each kind; in document order, or best first. */
static void test_limit_and_order(void **state) {
  fixture *f = *state;
  size_t n;
  char *text = read_file(GARDEN, &n);
  f->opt.decisions = 2;
  assert_int_equal(recap_document_analyze(f->doc, text, n, &f->opt), RECAP_OK);
  assert_int_equal(recap_decision_count(f->doc), 2);
  assert_int_equal(recap_action_count(f->doc), 2);
  for (size_t i = 1; i < 2; i++) {
    assert_true(recap_decision_at(f->doc, i - 1)->sentence <
                recap_decision_at(f->doc, i)->sentence);
    assert_true(recap_action_at(f->doc, i - 1)->sentence <
                recap_action_at(f->doc, i)->sentence);
  }
  f->opt.decisions = 0;
  f->opt.flags |= RECAP_OPT_SCORE_ORDER;
  assert_int_equal(recap_document_analyze(f->doc, text, n, &f->opt), RECAP_OK);
  size_t nd = recap_decision_count(f->doc);
  assert_true(nd >= 2);
  assert_true(recap_decision_at(f->doc, 0)->score == 1.0 ||
              recap_action_at(f->doc, 0)->score == 1.0);
  for (size_t i = 1; i < nd; i++)
    assert_true(recap_decision_at(f->doc, i - 1)->score >=
                recap_decision_at(f->doc, i)->score);
  free(text);
}

/* The same input gives the same items, also when the document is reused
   after another text; JSON has the lists only when asked. */
static void test_deterministic_and_rendered(void **state) {
  fixture *f = *state;
  size_t n;
  char *text = read_file(GARDEN, &n);
  char *first = NULL, *again = NULL, *plain = NULL;
  assert_int_equal(recap_document_analyze(f->doc, text, n, &f->opt), RECAP_OK);
  assert_int_equal(recap_render(f->doc, RECAP_FORMAT_JSON, &first, NULL),
                   RECAP_OK);
  analyze(f, "[00:00:45] Ann: Something else entirely, about trains.\n");
  assert_int_equal(recap_document_analyze(f->doc, text, n, &f->opt), RECAP_OK);
  assert_int_equal(recap_render(f->doc, RECAP_FORMAT_JSON, &again, NULL),
                   RECAP_OK);
  assert_string_equal(first, again);
  assert_non_null(strstr(first, "\"decisions\":[{\"text\":"));
  assert_non_null(strstr(first, "\"owner\":\"Rosa D"));
  assert_non_null(strstr(first, "\"due\":\"by Friday\""));
  f->opt.flags = 0;
  assert_int_equal(recap_document_analyze(f->doc, text, n, &f->opt), RECAP_OK);
  assert_int_equal(recap_render(f->doc, RECAP_FORMAT_JSON, &plain, NULL),
                   RECAP_OK);
  assert_null(strstr(plain, "\"decisions\""));
  assert_null(strstr(plain, "\"actions\""));
  recap_free(first);
  recap_free(again);
  recap_free(plain);
  free(text);
}

/* Text and Markdown show the two sections; Markdown's actions are a task
   list. */
static void test_text_and_markdown(void **state) {
  fixture *f = *state;
  size_t n;
  char *text = read_file(GARDEN, &n);
  char *out = NULL;
  assert_int_equal(recap_document_analyze(f->doc, text, n, &f->opt), RECAP_OK);
  assert_int_equal(recap_render(f->doc, RECAP_FORMAT_TEXT, &out, NULL),
                   RECAP_OK);
  assert_non_null(strstr(out, "Decisions:\n[00:00:4"));
  assert_non_null(strstr(out, "\n\nAction items:\n"));
  assert_non_null(strstr(out, "(owner: Rosa Díaz; due: by Friday)\n"));
  recap_free(out);
  assert_int_equal(recap_render(f->doc, RECAP_FORMAT_MARKDOWN, &out, NULL),
                   RECAP_OK);
  assert_non_null(strstr(out, "## Decisions\n\n- [00:00:4"));
  assert_non_null(strstr(out, "## Action items\n\n- [ ] [00:02:"));
  assert_non_null(strstr(out, "*(owner: Rosa Díaz; due: by Friday)*"));
  recap_free(out);
  free(text);
}

/* JSON Lines: "decisions": true or a count. */
static void test_jsonl(void **state) {
  fixture *f = *state;
  const char *line = "{\"id\":1,\"text\":\"[00:00:50] Ann: We decided to buy "
                     "the red van from the "
                     "dealer.\\n[00:00:53] Bob: Good.\\n[00:00:56] Ann: I'll "
                     "send the contract by Friday.\","
                     "\"decisions\":1,\"keyphrases\":0,\"sentences\":0}";
  char *out = NULL;
  assert_int_equal(
      recap_jsonl_process(f->doc, line, strlen(line), NULL, &out, NULL),
      RECAP_OK);
  assert_non_null(strstr(out, "\"decisions\":[{\"text\":\"We decided"));
  assert_non_null(strstr(out, "\"due\":\"by Friday\""));
  recap_free(out);
  const char *bad = "{\"text\":\"x\",\"decisions\":\"yes\"}";
  assert_int_equal(
      recap_jsonl_process(f->doc, bad, strlen(bad), NULL, &out, NULL),
      RECAP_ERR_INVALID_ARGUMENT);
  assert_non_null(strstr(out, "\"decisions\\\" must be"));
  recap_free(out);
}

int main(void) {
  const struct CMUnitTest tests[] = {
#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)
      T(test_off_by_default),
      T(test_garden),
      T(test_agreement_shows_proposal),
      T(test_clause_and_lead),
      T(test_clause_keeps_closing_quote),
      T(test_lead_of_several_words),
      T(test_false_start_dropped),
      T(test_subordinate_will_be),
      T(test_said_of_others),
      T(test_capital_and_closing),
      T(test_owners_and_due),
      T(test_month_words),
      T(test_nothing_decided),
      T(test_meeting_talk),
      T(test_what_it_will_be),
      T(test_limit_and_order),
      T(test_deterministic_and_rendered),
      T(test_text_and_markdown),
      T(test_jsonl),
#undef T
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
