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
   the sentence score, greedily by gain over length^RC_COST_EXPONENT.  Both were chosen
   by ROUGE on the three dev sets: see README, "Quality". */
#define RC_CENTRALITY_WEIGHT 10.0
#define RC_COST_EXPONENT 0.5 /* summary.c computes it as a square root */
/* With --query: query terms weigh this many times more in the coverage
   objective, and a sentence gains RC_QUERY_RELEVANCE x (sum of the IDF of
   the query terms it holds) x (an average sentence's coverage).  Chosen on
   the QMSum queries dev set (README). */
#define RC_QUERY_BOOST 4.0
#define RC_QUERY_RELEVANCE 8.0

/* The summary within the budgets of doc->opt into doc->summary. */
recap_status rc_summary_select(recap_document *doc);
/* The selection itself, over sentences [first, last): at most cap
   sentences and `budget` words into out[0..*count), in the order chosen
   (chapters use it for their highlights). */
recap_status rc_select(recap_document *doc, size_t first, size_t last,
                       size_t cap, size_t budget, recap_sentence *out,
                       size_t *count);

#endif
