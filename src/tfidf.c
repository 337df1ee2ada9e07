/*
 * tfidf.c - TF-IDF weighting (Salton & Buckley 1988): IDF per stem,
 * sentence vectors' norms, sentence TF-IDF scores, and the cosine of two
 * sentences.
 *
 * IDF: idf(t) = ln((1 + N) / (1 + df(t))) + 1 (smoothed, always positive)
 * over a background (rc_idf_background): the caller's archive table
 * (--idf) if it has the language, else the language's general
 * frequencies compiled in (English: SemCor counts from WordNet), else the
 * document's own sentences as its "documents".  A background makes words
 * that are common in general ("think", "particular") weigh little even
 * where a text uses them once; on the dev sets it raised both ROUGE and
 * key phrase F1.
 */
#include "tfidf.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

double rc_tfidf_weight(const recap_document *doc, uint32_t stem, uint32_t tf) {
  /* Sublinear tf: a word said five times in one sentence is a stutter or
     a list, not five times the topic. */
  return (1.0 + log((double)tf)) * doc->stem_info.data[stem].idf;
}

double rc_word_weight(const rc_steminfo *s) {
  return sqrt((double)s->tf) * s->idf * s->idf;
}

recap_status rc_tfidf_idf(recap_document *doc) {
  size_t n = doc->sents.len;
  /* Each stem's background count was looked up when the stem was first
     met (terms.c); here only the total matters. */
  double bg_docs;
  rc_idf_background(&doc->ctx->idf, doc->lang, "", 0, &bg_docs);
  for (size_t i = 0; i < doc->stem_info.len; i++) {
    rc_steminfo *s = &doc->stem_info.data[i];
    double docs = bg_docs, df = s->bg_df;
    if (docs == 0) { /* the document's sentences are its own background */
      docs = (double)n;
      df = s->df;
    }
    s->idf = (float)(log((1.0 + docs) / (1.0 + df)) + 1.0);
  }
  return RECAP_OK;
}

/* Sentence s's content terms.  No arithmetic on a NULL data pointer when
   no sentence has content terms (undefined behaviour even with offset 0;
   found by fuzzing). */
static const rc_tf *terms_of(const recap_document *doc, const rc_sent *s) {
  return s->nterms ? doc->sent_terms.data + s->terms : NULL;
}

recap_status rc_tfidf_sentences(recap_document *doc) {
  size_t n = doc->sents.len;
  recap_status st;
  RC_RESERVE(st, doc->alloc, doc->sent_weights, n);
  RC_TRY(st);
  doc->sent_weights.len = n;
  for (size_t i = 0; i < n; i++) {
    const rc_sent *s = &doc->sents.data[i];
    rc_sent_weight *sw = &doc->sent_weights.data[i];
    const rc_tf *t = terms_of(doc, s);
    double sq = 0;
    for (uint32_t k = 0; k < s->nterms; k++) {
      double w = rc_tfidf_weight(doc, t[k].stem, t[k].tf);
      sq += w * w;
    }
    sw->norm = (float)sqrt(sq);
  }
  return RECAP_OK;
}

recap_status rc_tfidf_scores(recap_document *doc) {
  size_t n = doc->sents.len;
  recap_status st;
  RC_RESERVE(st, doc->alloc, doc->sent_tfidf, n);
  RC_TRY(st);
  doc->sent_tfidf.len = n;
  for (size_t i = 0; i < n; i++) {
    const rc_sent *s = &doc->sents.data[i];
    const rc_tf *t = terms_of(doc, s);
    double sum = 0;
    /* A sentence is as good as the document-wide weight of its terms:
       frequent in the document, rare across its sentences. */
    for (uint32_t k = 0; k < s->nterms; k++)
      sum += doc->stem_info.data[t[k].stem].tf *
             doc->stem_info.data[t[k].stem].idf;
    doc->sent_tfidf.data[i] =
        s->words ? (float)(sum / sqrt((double)s->words + 1.0)) : 0;
  }
  return RECAP_OK;
}

double rc_sentence_cosine(const recap_document *doc, size_t a, size_t b,
                          double *mark) {
  const rc_sent *x = &doc->sents.data[a], *y = &doc->sents.data[b];
  float xn = doc->sent_weights.data[a].norm,
        yn = doc->sent_weights.data[b].norm;
  if (xn <= 0 || yn <= 0)
    return 0;
  const rc_tf *tx = doc->sent_terms.data + x->terms;
  const rc_tf *ty = doc->sent_terms.data + y->terms;
  for (uint32_t k = 0; k < x->nterms; k++)
    mark[tx[k].stem] = rc_tfidf_weight(doc, tx[k].stem, tx[k].tf);
  double dot = 0;
  for (uint32_t k = 0; k < y->nterms; k++)
    dot += mark[ty[k].stem] * rc_tfidf_weight(doc, ty[k].stem, ty[k].tf);
  for (uint32_t k = 0; k < x->nterms; k++)
    mark[tx[k].stem] = 0;
  return dot / (xn * yn);
}
