/*
 * score.h - sentence scores (score.c).
 */
#ifndef RC_SCORE_H
#define RC_SCORE_H

#include "doc.h"

/* With --query and the TF-IDF scorer alone, sentences without any query
   term keep this share of their score.  Chosen on the QMSum queries dev
   set (README). */
#define RC_OFF_QUERY 0.2

/* Each sentence's score (TextRank, TF-IDF, fused, as doc->opt.scorer
   says) into sents[].rank/.score, the best into doc->score_top; with a
   query, the query's stems are marked first (steminfo.query). */
recap_status rc_score_sentences(recap_document *doc);
/* How much sentence i is about the query: the IDF of the query terms it
   has, as BM25 would count them with tf saturated at one (0 without a
   query). */
double rc_query_relevance(const recap_document *doc, size_t i);

#endif
