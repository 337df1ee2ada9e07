/*
 * tfidf.h - term weights, sentence vectors and the sentence graph.
 */
#ifndef RC_TFIDF_H
#define RC_TFIDF_H

#include "doc.h"
#include "rank.h"

/* Neighbours kept per sentence in the similarity graph. */
#define RC_GRAPH_NEIGHBOURS 16
/* Postings visited per term and sentence: the nearest this many
   sentences containing the term (half before, half after). */
#define RC_GRAPH_POSTINGS 96

/* IDF per stem (from the document's sentences, or the background table),
   TF-IDF vector norms and TF-IDF scores per sentence. */
recap_status rc_tfidf_weigh(recap_document *doc);
/* The weight of stem occurring tf times in a sentence. */
double rc_tfidf_weight(const recap_document *doc, uint32_t stem, uint32_t tf);
/* The sentence similarity graph (see tfidf.c for the bound). */
recap_status rc_sentence_graph(recap_document *doc, recap_similarity sim,
                               rc_graph *g);
/* Cosine similarity of two sentences' TF-IDF vectors.  mark is scratch of
   one double per stem, all zero on entry and on return. */
double rc_sentence_cosine(const recap_document *doc, size_t a, size_t b,
                          double *mark);

#endif
