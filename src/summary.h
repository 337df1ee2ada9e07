/*
 * summary.h - choosing the summary sentences.
 */
#ifndef RC_SUMMARY_H
#define RC_SUMMARY_H

#include "doc.h"

/* Two sentences whose TF-IDF cosine reaches this are near-duplicates;
   the summary never holds both. */
#define RC_REDUNDANCY 0.5
/* Selection maximises coverage of the document's terms (each counted
   once, weighted by rc_word_weight()) plus RC_CENTRALITY_WEIGHT times
   the sentence score, greedily by gain over length^RC_COST_EXPONENT.  Both were
   chosen by ROUGE on the three dev sets: see README, "Quality". */
#define RC_CENTRALITY_WEIGHT 10.0
#define RC_COST_EXPONENT 0.5 /* summary.c computes it as a square root */
/* Coverage saturates rather than stops: a concept held by c chosen
   sentences is still worth RC_COVER_DECAY^c of its weight (a summary
   names its main topic more than once, as the references do).  Average
   ROUGE-1/2 over the eight meeting set/format pairs: 0 (counted once)
   .3453/.0591, 0.3 .3456/.0600, 0.6 .3460/.0611.  Counts stop at
   RC_COVER_MAX, where the share is nil. */
#define RC_COVER_DECAY 0.6
#define RC_COVER_MAX 16
/* What a sentence says, as the language's phrase lists tell it
   (stopwords/<language>.phrases), scales its gain: housekeeping
   (greetings, thanks, logistics) weighs RC_HOUSEKEEPING_WEIGHT, a
   question RC_QUESTION_WEIGHT (its answer says more), and a sentence
   that sums up, decides or assigns ("to sum up", "we decided", "you'll
   be working on") RC_GIST_WEIGHT.  Measured with the decay above
   (average ROUGE-1/2): gist 1.5 .3476/.0621 (2.5 .3453, 4 .3445);
   housekeeping 0.5 .3467/.0615 (0.3 .3466/.0614: QMSum's references
   open with what the meeting was, which its greetings name; the example
   webinar's summary loses its greeting either way); questions 0.7
   .3470/.0615 (0.4 lower). */
#define RC_HOUSEKEEPING_WEIGHT 0.5
#define RC_QUESTION_WEIGHT 0.7
#define RC_GIST_WEIGHT 1.5
/* With --query: query terms weigh this many times more in the coverage
   objective, a sentence gains RC_QUERY_RELEVANCE x its relevance
   (rc_query_relevance) x (an average sentence's coverage), and a
   question's gain is scaled by RC_QUERY_QUESTION_WEIGHT, not
   RC_QUESTION_WEIGHT.  Chosen on the QMSum queries dev set (README):
   relevance 8 -> 4 .2690/.0648 -> .2704/.0658 (16: .2659/.0613); questions
   0.7 -> 0.4 .2704 -> .2712/.0663. */
#define RC_QUERY_BOOST 4.0
#define RC_QUERY_RELEVANCE 4.0
#define RC_QUERY_QUESTION_WEIGHT 0.4

/* The sentences chosen so far, indexed by term, to tell whether a
   candidate is a near-duplicate of one of them (cosine >= RC_REDUNDANCY)
   without comparing it with each: choosing thousands of sentences
   (-n 100000 -r 1) stays linear.  The test is exact but for one bound:
   per term, only the RC_CHOSEN_PER_TERM sentences chosen last that hold
   it are looked at. */
#define RC_CHOSEN_PER_TERM 64
typedef struct rc_chosen_node rc_chosen_node;
typedef struct rc_chosen {
  const recap_document *doc;
  uint32_t *head;       /* per stem: the newest node, or UINT32_MAX */
  double *dot;          /* per sentence - first: dot product so far */
  uint32_t *touched;    /* sentences with a dot product */
  double *mark;         /* rc_sentence_cosine()'s scratch */
  size_t first;         /* the first sentence of the range */
  rc_chosen_node *node; /* every (chosen sentence, term) pair */
  size_t len, cap;
} rc_chosen;
/* For sentences in [first, last).  On failure nothing is held, and
   rc_chosen_free() may still be called. */
recap_status rc_chosen_init(rc_chosen *ix, const recap_document *doc,
                            size_t first, size_t last);
recap_status rc_chosen_add(rc_chosen *ix, size_t sent);
/* 1 if sentence `sent` is a near-duplicate of a chosen one. */
int rc_chosen_near(rc_chosen *ix, size_t sent);
void rc_chosen_free(rc_chosen *ix);

/* The summary within the budgets of doc->opt into doc->summary. */
recap_status rc_summary_select(recap_document *doc);
/* The selection itself, over sentences [first, last): at most cap
   sentences and `budget` words into out[0..*count), in the order chosen
   (chapters use it for their highlights). */
recap_status rc_select(recap_document *doc, size_t first, size_t last,
                       size_t cap, size_t budget, recap_sentence *out,
                       size_t *count);

#endif
