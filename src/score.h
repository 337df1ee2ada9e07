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
/* A sentence's relevance to a query (rc_query_relevance): the IDF of the
   query terms it holds, RC_QUERY_SPEAKER times their mean IDF more if the
   query names its speaker, and RC_QUERY_NEAR of that of the RC_QUERY_REACH
   sentences before it, fading as e^(-d / RC_QUERY_FADE).  QMSum queries
   (ROUGE-1/2, 70 words, transcript input): own terms only .2556/.0509
   (txt input); + neighbours on both sides (reach 2, fade 3, 0.5)
   .2583/.0538; + the speaker named, 1x .2609/.0563 (0.5x .2601, 2x
   .2594).  Then (with the words a query asks with and the named
   speakers' names no longer query terms, README) the neighbours before
   weigh twice and those after nothing: reach 2 .2691/.0643 (before 2x,
   after 0.5x), reach 5 .2712/.0663, reach 8 fade 5 .2678/.0646; 3x
   .2683.  At most RC_QUERY_TERMS query words count. */
#define RC_QUERY_SPEAKER 1.0
#define RC_QUERY_NEAR 1.0
#define RC_QUERY_REACH 5
#define RC_QUERY_FADE 3.0
#define RC_QUERY_TERMS 64

/* Each sentence's score (TextRank, TF-IDF, fused, as doc->opt.scorer
   says) into sents[].rank/.score, the best into doc->score_top; with a
   query, the query's stems are marked first (steminfo.query). */
recap_status rc_score_sentences(recap_document *doc);
/* How much sentence i is about the query (see RC_QUERY_SPEAKER; 0
   without a query). */
double rc_query_relevance(const recap_document *doc, size_t i);

#endif
