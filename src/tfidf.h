/*
 * tfidf.h - term weights and sentence vectors (TF-IDF).
 */
#ifndef RC_TFIDF_H
#define RC_TFIDF_H

#include "doc.h"

/* IDF per stem (from the document's sentences, or the background table). */
recap_status rc_tfidf_idf(recap_document *doc);
/* TF-IDF vector norms per sentence (doc->sent_weights), from the IDF. */
recap_status rc_tfidf_sentences(recap_document *doc);
/* TF-IDF scores per sentence (doc->sent_tfidf), from the IDF: made after
   the sentence graph (score.c), whose peak they then do not add to. */
recap_status rc_tfidf_scores(recap_document *doc);
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
/* Cosine similarity of two sentences' TF-IDF vectors.  mark is scratch of
   one double per stem, all zero on entry and on return. */
double rc_sentence_cosine(const recap_document *doc, size_t a, size_t b,
                          double *mark);

#endif
