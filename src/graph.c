/*
 * graph.c - the TextRank sentence graph (Mihalcea & Tarau 2004).
 *
 * All-pairs similarity is O(n^2) in sentences, which is how the peers run
 * out of time and memory on long inputs.  Here two sentences can only be
 * linked if they share a term, found through an inverted index (stem ->
 * sentences); per sentence and term only the RC_GRAPH_POSTINGS nearest
 * sentences with that term are visited, and each sentence keeps its
 * RC_GRAPH_NEIGHBOURS most similar partners.  Cost: O(sentences x terms
 * per sentence x RC_GRAPH_POSTINGS), linear in the input.  On documents
 * the size of the dev meetings few terms have more postings than that, so
 * the graph is nearly the full one.
 */
#include "graph.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* BM25 term saturation (Robertson & Zaragoza 2009), k1 = 1.2, b = 0.75,
   sentences as documents. */
static double bm25_tf(double tf, double len, double avglen) {
  const double k1 = 1.2, b = 0.75;
  return tf * (k1 + 1) / (tf + k1 * (1 - b + b * len / avglen));
}

/* A term's weight in one sentence, as the similarity sees it. */
static double term_weight(const recap_document *doc, recap_similarity sim,
                          uint32_t stem, double tf, const rc_sent *s,
                          double avglen) {
  double idf = doc->stem_info.data[stem].idf;
  switch (sim) {
  case RECAP_SIMILARITY_OVERLAP:
    return 1.0;
  case RECAP_SIMILARITY_BM25:
    return idf * bm25_tf(tf, s->content, avglen);
  case RECAP_SIMILARITY_COSINE:
  default:
    return (1.0 + log(tf)) * idf;
  }
}

/* What a shared term adds to the similarity of s and o, given its weight
   in each: acc += a * w_o + b, with (a, b) fixed per term of s, so the
   inner loop over postings is one multiply-add.
     cosine:  w_s * w_o               (a = w_s, b = 0)
     BM25:    (w_s + w_o) / 2         (symmetrised; a = 1/2, b = w_s / 2)
     overlap: 1                       (a = 0, b = 1) */
static void pair_coefficients(recap_similarity sim, double w_s, double *a,
                              double *b) {
  switch (sim) {
  case RECAP_SIMILARITY_OVERLAP:
    *a = 0;
    *b = 1;
    break;
  case RECAP_SIMILARITY_BM25:
    *a = 0.5;
    *b = 0.5 * w_s;
    break;
  case RECAP_SIMILARITY_COSINE:
  default:
    *a = w_s;
    *b = 0;
    break;
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

/* A sentence containing a term, and the term's weight there. */
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

static recap_status index_build(const recap_document *doc,
                                recap_similarity sim, double avglen,
                                index *ix) {
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
      p->w = (float)term_weight(doc, sim, t->stem, t->tf, se, avglen);
    }
  }
  rc_free(a, fill);
  return RECAP_OK;
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

/* The best RC_GRAPH_NEIGHBOURS candidates so far: a min-heap on
   (similarity, later position), so the root is the first to go. */
typedef struct cand {
  float sim;
  uint32_t sent;
} cand;

static int worse(const cand *a, const cand *b) {
  return a->sim < b->sim || (a->sim == b->sim && a->sent > b->sent);
}

static void keep_best(cand *h, size_t *n, cand c) {
  size_t i;
  if (*n < RC_GRAPH_NEIGHBOURS) {
    i = (*n)++;
    while (i > 0 && worse(&c, &h[(i - 1) / 2])) {
      h[i] = h[(i - 1) / 2];
      i = (i - 1) / 2;
    }
    h[i] = c;
    return;
  }
  if (!worse(&h[0], &c))
    return;
  i = 0;
  for (;;) { /* replace the root and sift down */
    size_t l = 2 * i + 1, r = l + 1, m = i;
    const cand *at = m == i ? &c : &h[m];
    if (l < *n && worse(&h[l], at))
      m = l, at = &h[l];
    if (r < *n && worse(&h[r], at))
      m = r;
    if (m == i)
      break;
    h[i] = h[m];
    i = m;
  }
  h[i] = c;
}

typedef struct graph_build {
  const recap_document *doc;
  recap_similarity sim;
  const index *ix;
  double *acc;       /* per sentence */
  uint32_t *touched; /* sentences with acc != 0 */
  double avglen;
} graph_build;

/* The similarities of sentence s to the sentences sharing its terms
   (within each term's posting window), best RC_GRAPH_NEIGHBOURS in h. */
static void neighbours_of(graph_build *gb, size_t s, cand *h, size_t *nh) {
  const recap_document *doc = gb->doc;
  const rc_sent *se = &doc->sents.data[s];
  size_t ntouched = 0;
  *nh = 0;

  for (uint32_t k = 0; k < se->nterms; k++) {
    const rc_tf *t = &doc->sent_terms.data[se->terms + k];
    double a, b;
    pair_coefficients(gb->sim,
                      term_weight(doc, gb->sim, t->stem, t->tf, se, gb->avglen),
                      &a, &b);
    size_t from, to;
    posting_window(gb->ix, t->stem, (uint32_t)s, &from, &to);
    const posting *p = gb->ix->p;
    for (size_t q = from; q < to; q++) {
      uint32_t o = p[q].sent;
      if (o == s)
        continue;

      if (gb->acc[o] == 0)
        gb->touched[ntouched++] = o;
      gb->acc[o] += a * p[q].w + b;
    }
  }
  for (size_t i = 0; i < ntouched; i++) {
    uint32_t o = gb->touched[i];
    double v = finish_similarity(gb->sim, se, &doc->sents.data[o], gb->acc[o]);
    gb->acc[o] = 0;
    if (v > 0) {
      cand c = {(float)v, o};
      keep_best(h, nh, c);
    }
  }
}

/* The graph: each sentence's out-edges go to its RC_GRAPH_NEIGHBOURS most
   similar sentences (a k-nearest-neighbour graph: each sentence
   recommends those most like it), written straight into CSR rows. */
recap_status rc_sentence_graph(const recap_document *doc,
                               recap_similarity sim, rc_graph *g) {
  const recap_allocator *a = doc->alloc;
  size_t n = doc->sents.len;
  memset(g, 0, sizeof *g);
  double total = 0;
  for (size_t s = 0; s < n; s++)
    total += doc->sents.data[s].content;
  double avglen = n && total > 0 ? total / (double)n : 1;
  index ix;
  memset(&ix, 0, sizeof ix);
  RC_TRY(index_build(doc, sim, avglen, &ix));
  size_t slots;
  if (!rc_mul(n, RC_GRAPH_NEIGHBOURS, &slots)) {
    index_free(a, &ix);
    return RECAP_ERR_TOO_LARGE;
  }
  graph_build gb = {doc, sim, &ix, NULL, NULL, avglen};
  gb.acc = rc_calloc(a, n ? n : 1, sizeof *gb.acc);
  gb.touched = rc_calloc(a, n ? n : 1, sizeof *gb.touched);
  g->n = n;
  g->row = rc_calloc(a, n + 1, sizeof *g->row);
  g->col = rc_calloc(a, slots ? slots : 1, sizeof *g->col);
  g->w = rc_calloc(a, slots ? slots : 1, sizeof *g->w);
  recap_status st = gb.acc && gb.touched && g->row && g->col && g->w
                        ? RECAP_OK
                        : RECAP_ERR_NOMEM;
  if (st == RECAP_OK) {
    size_t e = 0;
    cand h[RC_GRAPH_NEIGHBOURS];
    for (size_t s = 0; s < n; s++) {
      size_t nh;
      neighbours_of(&gb, s, h, &nh);
      g->row[s] = e;
      for (size_t i = 0; i < nh; i++, e++) {
        g->col[e] = h[i].sent;
        g->w[e] = h[i].sim;
      }
    }
    g->row[n] = e;
  }
  index_free(a, &ix);
  rc_free(a, gb.acc);
  rc_free(a, gb.touched);
  if (st != RECAP_OK)
    rc_graph_free(a, g);
  return st;
}
