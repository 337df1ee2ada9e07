/*
 * summary.h - choosing the summary sentences.
 */
#ifndef RC_SUMMARY_H
#define RC_SUMMARY_H

#include "doc.h"

/* Two sentences whose TF-IDF cosine reaches this are near-duplicates;
   the summary never holds both. */
#define RC_REDUNDANCY 0.5

/* Sentence scores (TextRank, TF-IDF, fused) for doc->opt.scorer. */
recap_status rc_score_sentences(recap_document *doc);
/* The summary within the budgets of doc->opt into doc->summary. */
recap_status rc_summary_select(recap_document *doc);

#endif
