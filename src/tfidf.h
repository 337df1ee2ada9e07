/*
 * tfidf.h - term weights, sentence vectors and the sentence graph.
 */
#ifndef RC_TFIDF_H
#define RC_TFIDF_H

#include "doc.h"
#include "rank.h"

/* The sentence graph's bounds, which keep it linear in the input: each
   sentence visits, per term, the RC_GRAPH_POSTINGS nearest sentences that
   share it (half before, half after) and keeps its RC_GRAPH_NEIGHBOURS
   most similar.  On the dev sets ROUGE was the same (within 0.002) for
   every setting from 96/16 down to 8/8 (README, "Speed"); 16/8 builds the
   graph of a 30 MB transcript in a third of the time 96/16 takes. */
#define RC_GRAPH_NEIGHBOURS 8
#define RC_GRAPH_POSTINGS 16

/* The background document frequency of a stem and the number of
   documents it is out of (*docs = 0 without a background): the caller's
   archive table for the language, else the language's general
   frequencies. */
double rc_tfidf_background(const recap_document *doc, const char *stem,
                           size_t len, double *docs);

/* IDF per stem (from the document's sentences, or the background table),
   TF-IDF vector norms and TF-IDF scores per sentence. */
recap_status rc_tfidf_weigh(recap_document *doc);
/* How much the document is about a word: sqrt(tf) x idf^2 over the whole
   document.  The square root damps repetition (a word said forty times is
   not forty times the topic), the squared IDF lets distinctive words lead.
   The concepts of summary coverage and the words of key phrases both
   weigh this: on the dev sets it beat tf x idf for summaries (average
   ROUGE-1/2 .342/.061 -> .344/.063) and word TextRank x idf^2 for key
   phrases (README, "Quality"). */
double rc_word_weight(const rc_steminfo *s);
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
