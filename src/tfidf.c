/*
 * tfidf.c - TF-IDF weighting (Salton & Buckley 1988) and the TextRank
 * sentence graph (Mihalcea & Tarau 2004).
 *
 * IDF: idf(t) = ln((1 + N) / (1 + df(t))) + 1 (smoothed, always positive)
 * over a background: the caller's archive table (--idf) if it has the
 * language, else the language's general frequencies compiled in (English:
 * SemCor counts from WordNet), else the document's own sentences as its
 * "documents".  A background makes words that are common in general
 * ("think", "particular") weigh little even where a text uses them once;
 * on the dev sets it raised both ROUGE and key phrase F1.
 *
 * The graph: all-pairs similarity is O(n^2) in sentences, which is how
 * the peers run out of time and memory on long inputs.  Here two
 * sentences can only be linked if they share a term, found through an
 * inverted index (stem -> sentences); per sentence and term only the
 * RC_GRAPH_POSTINGS nearest sentences with that term are visited, and
 * each sentence keeps its RC_GRAPH_NEIGHBOURS most similar partners.
 * Cost: O(sentences x terms per sentence x RC_GRAPH_POSTINGS), linear in
 * the input.  On documents the size of the dev meetings few terms have
 * more postings than that, so the graph is nearly the full one.
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

/* Background document frequency of a stem: the caller's archive table for
   the language if there is one, else the language's built-in general
   frequencies.  Returns 0 without a background (*docs = 0). */
static double background_df(const recap_document *doc, uint32_t stem,
                            double *docs) {
  const rc_idf *bg = &doc->ctx->idf;
  size_t li = rc_lang_index(doc->lang);
  size_t len;
  const char *s = rc_strtab_str(&doc->stems, stem, &len);
  uint64_t archive = rc_idf_docs(bg, li);
  if (archive) {
    *docs = (double)archive;
    return (double)rc_idf_df(bg, li, s, len);
  }
  const rc_background *gen = doc->lang->background;
  if (gen && gen->total) {
    *docs = (double)gen->total;
    long k = rc_wordlist_find(&gen->stems, s, len);
    return k >= 0 ? gen->counts[k] : 0;
  }
  *docs = 0;
  return 0;
}

recap_status rc_tfidf_weigh(recap_document *doc) {
  size_t n = doc->sents.len;
  for (size_t i = 0; i < doc->stem_info.len; i++) {
    rc_steminfo *s = &doc->stem_info.data[i];
    double docs, df = background_df(doc, (uint32_t)i, &docs);
    if (docs == 0) { /* the document's sentences are its own background */
      docs = (double)n;
      df = s->df;
    }
    s->idf = (float)(log((1.0 + docs) / (1.0 + df)) + 1.0);
  }
  for (size_t i = 0; i < n; i++) {
    rc_sent *s = &doc->sents.data[i];
    const rc_tf *t = doc->sent_terms.data + s->terms;
    double sq = 0, sum = 0;
    for (uint32_t k = 0; k < s->nterms; k++) {
      double w = rc_tfidf_weight(doc, t[k].stem, t[k].tf);
      sq += w * w;
      /* A sentence is as good as the document-wide weight of its terms:
         frequent in the document, rare across its sentences. */
      sum += doc->stem_info.data[t[k].stem].tf *
             doc->stem_info.data[t[k].stem].idf;
    }
    s->norm = (float)sqrt(sq);
    s->tfidf = s->words ? (float)(sum / sqrt((double)s->words + 1.0)) : 0;
  }
  return RECAP_OK;
}

/* ---- the graph ---------------------------------------------------------------- */

typedef struct posting {
  uint32_t sent;
  float w;
} posting;

typedef struct index {
  size_t *row; /* per stem: first posting */
  posting *p;
} index;

static void index_free(const recap_allocator *a, index *ix) {
  rc_free(a, ix->row);
  rc_free(a, ix->p);
}

static recap_status index_build(const recap_document *doc, index *ix) {
  const recap_allocator *a = doc->alloc;
  size_t nstems = doc->stem_info.len;
  ix->row = rc_calloc(a, nstems + 1, sizeof *ix->row);
  ix->p = rc_calloc(a, doc->sent_terms.len ? doc->sent_terms.len : 1,
                    sizeof *ix->p);
  if (!ix->row || !ix->p) {
    index_free(a, ix);
    return RECAP_ERR_NOMEM;
  }
  for (size_t i = 0; i < doc->sent_terms.len; i++)
    ix->row[doc->sent_terms.data[i].stem + 1]++;
  for (size_t i = 0; i < nstems; i++)
    ix->row[i + 1] += ix->row[i];
  size_t *fill = rc_calloc(a, nstems ? nstems : 1, sizeof *fill);
  if (!fill) {
    index_free(a, ix);
    return RECAP_ERR_NOMEM;
  }
  memcpy(fill, ix->row, nstems * sizeof *fill);
  /* Sentences in order, so each posting list is sorted by sentence. */
  for (size_t s = 0; s < doc->sents.len; s++) {
    const rc_sent *se = &doc->sents.data[s];
    for (uint32_t k = 0; k < se->nterms; k++) {
      const rc_tf *t = &doc->sent_terms.data[se->terms + k];
      posting *p = &ix->p[fill[t->stem]++];
      p->sent = (uint32_t)s;
      p->w = (float)t->tf;
    }
  }
  rc_free(a, fill);
  return RECAP_OK;
}

typedef struct accum {
  double *v;        /* per sentence */
  uint32_t *touched;
  size_t ntouched;
} accum;

/* BM25 term saturation (Robertson & Zaragoza 2009), k1 = 1.2, b = 0.75,
   sentences as documents. */
static double bm25_tf(double tf, double len, double avglen) {
  const double k1 = 1.2, b = 0.75;
  return tf * (k1 + 1) / (tf + k1 * (1 - b + b * len / avglen));
}

static double pair_weight(const recap_document *doc, recap_similarity sim,
                          uint32_t stem, const rc_sent *s, double tf_s,
                          const rc_sent *o, double tf_o, double avglen) {
  double idf = doc->stem_info.data[stem].idf;
  switch (sim) {
  case RECAP_SIMILARITY_OVERLAP:
    return 1.0;
  case RECAP_SIMILARITY_BM25:
    return 0.5 * idf *
           (bm25_tf(tf_o, o->content, avglen) + bm25_tf(tf_s, s->content, avglen));
  case RECAP_SIMILARITY_COSINE:
  default:
    return (1.0 + log(tf_s)) * idf * (1.0 + log(tf_o)) * idf;
  }
}

static double finish_similarity(recap_similarity sim, const rc_sent *s,
                                const rc_sent *o, double acc) {
  switch (sim) {
  case RECAP_SIMILARITY_OVERLAP: {
    /* Mihalcea & Tarau: shared words over the log lengths. */
    double d = log((double)s->content + 1) + log((double)o->content + 1);
    return d > 0 ? acc / d : 0;
  }
  case RECAP_SIMILARITY_BM25:
    return acc;
  case RECAP_SIMILARITY_COSINE:
  default:
    return s->norm > 0 && o->norm > 0 ? acc / (s->norm * o->norm) : 0;
  }
}

/* The nearest RC_GRAPH_POSTINGS postings of a term around sentence s. */
static void posting_window(const index *ix, uint32_t stem, uint32_t s,
                           size_t *b, size_t *e) {
  size_t lo = ix->row[stem], hi = ix->row[stem + 1];
  if (hi - lo <= RC_GRAPH_POSTINGS) {
    *b = lo;
    *e = hi;
    return;
  }
  size_t l = lo, h = hi; /* first posting with sent >= s */
  while (l < h) {
    size_t m = l + (h - l) / 2;
    if (ix->p[m].sent < s)
      l = m + 1;
    else
      h = m;
  }
  size_t half = RC_GRAPH_POSTINGS / 2;
  *b = l - lo > half ? l - half : lo;
  *e = *b + RC_GRAPH_POSTINGS <= hi ? *b + RC_GRAPH_POSTINGS : hi;
  if (*e - *b < RC_GRAPH_POSTINGS)
    *b = *e - RC_GRAPH_POSTINGS;
}

typedef struct cand {
  uint32_t sent;
  float sim;
} cand;

static int by_similarity(const void *x, const void *y) {
  const cand *a = x, *b = y;
  if (a->sim != b->sim)
    return a->sim > b->sim ? -1 : 1;
  return (a->sent > b->sent) - (a->sent < b->sent); /* ties by position */
}

static int by_sentence(const void *x, const void *y) {
  uint32_t a = *(const uint32_t *)x, b = *(const uint32_t *)y;
  return (a > b) - (a < b);
}

/* Each sentence's top neighbours: K slots per sentence, UINT32_MAX for
   unused, sorted by sentence for lookups. */
static recap_status neighbours(recap_document *doc, recap_similarity sim,
                               const index *ix, uint32_t *top, float *topw) {
  const recap_allocator *a = doc->alloc;
  size_t n = doc->sents.len;
  accum acc;
  acc.v = rc_calloc(a, n, sizeof *acc.v);
  acc.touched = rc_calloc(a, n, sizeof *acc.touched);
  cand *c = rc_calloc(a, n, sizeof *c);
  if (!acc.v || !acc.touched || !c) {
    rc_free(a, acc.v);
    rc_free(a, acc.touched);
    rc_free(a, c);
    return RECAP_ERR_NOMEM;
  }
  double avglen = 0;
  for (size_t s = 0; s < n; s++)
    avglen += doc->sents.data[s].content;
  avglen = n ? avglen / (double)n : 1;
  if (avglen <= 0)
    avglen = 1;
  for (size_t s = 0; s < n; s++) {
    const rc_sent *se = &doc->sents.data[s];
    acc.ntouched = 0;
    for (uint32_t k = 0; k < se->nterms; k++) {
      const rc_tf *t = &doc->sent_terms.data[se->terms + k];
      size_t b, e;
      posting_window(ix, t->stem, (uint32_t)s, &b, &e);
      for (size_t q = b; q < e; q++) {
        uint32_t o = ix->p[q].sent;
        if (o == s)
          continue;
        if (acc.v[o] == 0)
          acc.touched[acc.ntouched++] = o;
        acc.v[o] += pair_weight(doc, sim, t->stem, se, t->tf,
                                &doc->sents.data[o], ix->p[q].w, avglen);
      }
    }
    size_t m = 0;
    for (size_t i = 0; i < acc.ntouched; i++) {
      uint32_t o = acc.touched[i];
      double v = finish_similarity(sim, se, &doc->sents.data[o], acc.v[o]);
      acc.v[o] = 0;
      if (v > 0) {
        c[m].sent = o;
        c[m].sim = (float)v;
        m++;
      }
    }
    if (m > RC_GRAPH_NEIGHBOURS) {
      qsort(c, m, sizeof *c, by_similarity);
      m = RC_GRAPH_NEIGHBOURS;
    }
    uint32_t *row = top + s * RC_GRAPH_NEIGHBOURS;
    float *roww = topw + s * RC_GRAPH_NEIGHBOURS;
    for (size_t i = 0; i < RC_GRAPH_NEIGHBOURS; i++)
      row[i] = i < m ? c[i].sent : UINT32_MAX;
    qsort(row, m, sizeof *row, by_sentence);
    /* weights follow the sorted order */
    for (size_t i = 0; i < m; i++)
      for (size_t j = 0; j < m; j++)
        if (c[j].sent == row[i])
          roww[i] = c[j].sim;
  }
  rc_free(a, acc.v);
  rc_free(a, acc.touched);
  rc_free(a, c);
  return RECAP_OK;
}

static int has_neighbour(const uint32_t *row, uint32_t x) {
  size_t lo = 0, hi = RC_GRAPH_NEIGHBOURS;
  while (lo < hi) {
    size_t m = lo + (hi - lo) / 2;
    if (row[m] == x)
      return 1;
    if (row[m] < x)
      lo = m + 1;
    else
      hi = m;
  }
  return 0;
}

recap_status rc_sentence_graph(recap_document *doc, recap_similarity sim,
                               rc_graph *g) {
  const recap_allocator *a = doc->alloc;
  size_t n = doc->sents.len;
  memset(g, 0, sizeof *g);
  index ix;
  memset(&ix, 0, sizeof ix);
  RC_TRY(index_build(doc, &ix));
  size_t slots;
  if (!rc_mul(n, RC_GRAPH_NEIGHBOURS, &slots)) {
    index_free(a, &ix);
    return RECAP_ERR_TOO_LARGE;
  }
  uint32_t *top = rc_calloc(a, slots ? slots : 1, sizeof *top);
  float *topw = rc_calloc(a, slots ? slots : 1, sizeof *topw);
  rc_edge *edges = rc_calloc(a, slots ? slots : 1, sizeof *edges);
  recap_status st = RECAP_ERR_NOMEM;
  if (top && topw && edges)
    st = neighbours(doc, sim, &ix, top, topw);
  index_free(a, &ix);
  size_t ne = 0;
  if (st == RECAP_OK) {
    /* An edge once: from the lower sentence, or from the higher one when
       the lower did not keep it. */
    for (size_t s = 0; s < n; s++) {
      const uint32_t *row = top + s * RC_GRAPH_NEIGHBOURS;
      for (size_t i = 0; i < RC_GRAPH_NEIGHBOURS && row[i] != UINT32_MAX; i++) {
        uint32_t o = row[i];
        if (o < s && has_neighbour(top + (size_t)o * RC_GRAPH_NEIGHBOURS,
                                   (uint32_t)s))
          continue;
        edges[ne].a = (uint32_t)s;
        edges[ne].b = o;
        edges[ne].w = topw[s * RC_GRAPH_NEIGHBOURS + i];
        ne++;
      }
    }
    st = rc_graph_build(a, n, edges, ne, g);
  }
  rc_free(a, top);
  rc_free(a, topw);
  rc_free(a, edges);
  return st;
}

double rc_sentence_cosine(const recap_document *doc, size_t a, size_t b,
                          double *mark) {
  const rc_sent *x = &doc->sents.data[a], *y = &doc->sents.data[b];
  if (x->norm <= 0 || y->norm <= 0)
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
  return dot / (x->norm * y->norm);
}
