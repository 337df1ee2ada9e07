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
 *
 * The graph's nodes are the sentences that share a term with another one;
 * the others ("Yeah.", "Okay.", a third of a meeting's sentences) have no
 * edges, and PageRank scores them exactly without iterating over them
 * (rank.h).  The index is built for those nodes only:
 *
 *   row:  per stem, its first posting (a stem in one sentence has none)
 *   p:    postings {node, weight}, per stem in sentence order
 *
 * A posting's weight is what the similarity needs of it, computed once:
 * BM25 (w_s + w_o) / 2 stores w / 2, cosine w_s w_o / (|s| |o|) stores
 * w / |s|, so that a shared term adds one product or one sum.  Sentences
 * are visited in order, so each stem's cursor is the visiting sentence's
 * own posting: its weight and the middle of its window, without a search.
 * Each node's row holds as many edges as it has neighbours.
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

/* A term's weight in one sentence as its posting stores it: what the
   similarity multiplies or adds for a shared term.
     cosine:  (1 + ln tf) idf / |s|    sim = sum w_s w_o
     BM25:    idf bm25_tf / 2          sim = sum (w_s + w_o), symmetrised
     overlap: 1                        sim = shared / (ln|s| + ln|o|) */
static float posting_weight(const recap_document *doc, recap_similarity sim,
                            const rc_tf *t, const rc_sent *s, float norm,
                            double avglen) {
  double idf = doc->stem_info.data[t->stem].idf;
  switch (sim) {
  case RECAP_SIMILARITY_OVERLAP:
    return 1.0f;
  case RECAP_SIMILARITY_BM25:
    return (float)(0.5 * idf * bm25_tf(t->tf, s->content, avglen));
  case RECAP_SIMILARITY_COSINE:
  default:
    /* norm > 0: the sentence has this term, of positive weight. */
    return (float)((1.0 + log((double)t->tf)) * idf / norm);
  }
}

/* A sentence containing a term, as a node of the graph, and the term's
   weight there. */
typedef struct posting {
  uint32_t node;
  float w;
} posting;

typedef struct index {
  size_t *row; /* per stem: first posting; nstems + 1 */
  posting *p;
} index;

static void index_free(const recap_allocator *a, index *ix) {
  rc_free(a, ix->row);
  rc_free(a, ix->p);
}

/* The index over the stems of more than one sentence, and the graph's
   nodes: g->n, and g->item unless every sentence is one. */
static recap_status index_build(const recap_document *doc, recap_similarity sim,
                                double avglen, index *ix, rc_graph *g) {
  const recap_allocator *a = doc->alloc;
  size_t nstems = doc->stem_info.len, nsents = doc->sents.len;
  ix->row = rc_calloc(a, nstems + 1, sizeof *ix->row);
  if (!ix->row)
    return RECAP_ERR_NOMEM;
  for (size_t i = 0; i < doc->sent_terms.len; i++)
    ix->row[doc->sent_terms.data[i].stem + 1]++;
  /* Only stems with two postings or more link sentences; a sentence with
     none of them is no node. */
  size_t kept = 0, nodes = 0;
  for (size_t i = 0; i < nstems; i++) {
    size_t c = ix->row[i + 1];
    ix->row[i + 1] = ix->row[i] + (c >= 2 ? c : 0);
    kept += c >= 2 ? c : 0;
  }
  for (size_t s = 0; s < nsents; s++) {
    const rc_sent *se = &doc->sents.data[s];
    for (uint32_t k = 0; k < se->nterms; k++) {
      uint32_t t = doc->sent_terms.data[se->terms + k].stem;
      if (ix->row[t + 1] > ix->row[t]) {
        nodes++;
        break;
      }
    }
  }
  g->n = nodes;
  g->items = nsents;
  ix->p = rc_calloc(a, kept ? kept : 1, sizeof *ix->p);
  size_t *fill = rc_calloc(a, nstems ? nstems : 1, sizeof *fill);
  if (nodes < nsents)
    g->item = rc_calloc(a, nodes ? nodes : 1, sizeof *g->item);
  if (!ix->p || !fill || (nodes < nsents && !g->item)) {
    rc_free(a, fill);
    return RECAP_ERR_NOMEM;
  }
  memcpy(fill, ix->row, nstems * sizeof *fill);
  /* Sentences in order, so each posting list is sorted by node. */
  uint32_t node = 0;
  for (size_t s = 0; s < nsents; s++) {
    const rc_sent *se = &doc->sents.data[s];
    int linked = 0;
    for (uint32_t k = 0; k < se->nterms; k++) {
      const rc_tf *t = &doc->sent_terms.data[se->terms + k];
      if (ix->row[t->stem + 1] == ix->row[t->stem])
        continue;
      posting *p = &ix->p[fill[t->stem]++];
      p->node = node;
      p->w = posting_weight(doc, sim, t, se, doc->sent_weights.data[s].norm,
                            avglen);
      linked = 1;
    }
    if (linked) {
      if (g->item)
        g->item[node] = (uint32_t)s;
      node++;
    }
  }
  rc_free(a, fill);
  return RECAP_OK;
}

/* The best RC_GRAPH_NEIGHBOURS candidates so far: a min-heap on a key
   that orders by similarity, then earlier node (a positive float's bits
   order as its value), so the root is the first to go. */
static inline uint64_t cand_key(float sim, uint32_t node) {
  uint32_t bits;
  memcpy(&bits, &sim, sizeof bits);
  return (uint64_t)bits << 32 | (uint32_t)~node;
}

static inline void keep_best(uint64_t *h, size_t *n, uint64_t c) {
  size_t i;
  if (*n < RC_GRAPH_NEIGHBOURS) {
    i = (*n)++;
    while (i > 0 && c < h[(i - 1) / 2]) {
      h[i] = h[(i - 1) / 2];
      i = (i - 1) / 2;
    }
    h[i] = c;
    return;
  }
  if (c <= h[0])
    return;
  i = 0;
  for (;;) { /* replace the root and sift down */
    size_t l = 2 * i + 1, r = l + 1, m = i;
    uint64_t at = c;
    if (l < RC_GRAPH_NEIGHBOURS && h[l] < at)
      m = l, at = h[l];
    if (r < RC_GRAPH_NEIGHBOURS && h[r] < at)
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
  const index *ix;
  size_t *cursor;    /* per stem: the visiting node's own posting */
  float *acc;        /* per node */
  uint32_t *touched; /* nodes with acc != 0 */
  float *loglen;     /* overlap only: per node, ln(content + 1) */
} graph_build;

/* The similarities of node s to the nodes sharing its terms (within each
   term's posting window), best RC_GRAPH_NEIGHBOURS in h. */
static void neighbours_of(graph_build *gb, recap_similarity sim,
                          const rc_sent *se, uint32_t s, uint64_t *h,
                          size_t *nh) {
  const rc_tf *terms = gb->doc->sent_terms.data + se->terms;
  const posting *p = gb->ix->p;
  float *acc = gb->acc;
  uint32_t *touched = gb->touched;
  size_t ntouched = 0;
  *nh = 0;
  for (uint32_t k = 0; k < se->nterms; k++) {
    uint32_t stem = terms[k].stem;
    size_t lo = gb->ix->row[stem], hi = gb->ix->row[stem + 1];
    if (lo == hi)
      continue;
    /* The nearest RC_GRAPH_POSTINGS postings around our own. */
    size_t me = gb->cursor[stem]++, from = lo, to = hi;
    if (hi - lo > RC_GRAPH_POSTINGS) {
      size_t half = RC_GRAPH_POSTINGS / 2;
      from = me - lo > half ? me - half : lo;
      to = from + RC_GRAPH_POSTINGS <= hi ? from + RC_GRAPH_POSTINGS : hi;
      from = to - RC_GRAPH_POSTINGS;
    }
    /* A shared term adds a w_o + b: BM25 w_s + w_o (a = 1, b = w_s),
       cosine w_s w_o (a = w_s, b = 0), overlap 1 (a = 0, b = 1); both
       exact in float, so no switch in the loop. */
    float ws = p[me].w, a, b;
    switch (sim) {
    case RECAP_SIMILARITY_OVERLAP:
      a = 0, b = 1;
      break;
    case RECAP_SIMILARITY_BM25:
      a = 1, b = ws;
      break;
    case RECAP_SIMILARITY_COSINE:
    default:
      a = ws, b = 0;
      break;
    }
    /* The window before our own posting, then after it. */
    for (int side = 0; side < 2; side++) {
      size_t q = side ? me + 1 : from, end = side ? to : me;
      for (; q < end; q++) {
        uint32_t o = p[q].node;
        /* Listed the first time (branch-free: which node is new is a
           coin toss for the branch predictor). */
        touched[ntouched] = o;
        ntouched += acc[o] == 0;
        acc[o] += a * p[q].w + b;
      }
    }
  }
  for (size_t i = 0; i < ntouched; i++) {
    uint32_t o = touched[i];
    float v = acc[o];
    acc[o] = 0;
    if (sim == RECAP_SIMILARITY_OVERLAP) {
      /* Mihalcea & Tarau: shared words over the log lengths. */
      float d = gb->loglen[s] + gb->loglen[o];
      v = d > 0 ? v / d : 0;
    }
    if (v > 0)
      keep_best(h, nh, cand_key(v, o));
  }
}

/* Appends node s's edges, in the heap's order.  The rows grow
   geometrically: as long as the degrees, without a first pass to count
   them (what is reserved but not written is not touched). */
static recap_status add_row(const recap_allocator *a, rc_graph *g,
                            size_t *cap_col, size_t *cap_w, const uint64_t *h,
                            size_t nh) {
  size_t e = g->row[g->n];
  if (nh > UINT32_MAX - e) /* past 2^32 edges (about 45 GB of meetings) */
    return RECAP_ERR_TOO_LARGE;
  void *p = g->col;
  RC_TRY(rc_reserve(a, &p, cap_col, e + nh, sizeof *g->col));
  g->col = p;
  p = g->w;
  RC_TRY(rc_reserve(a, &p, cap_w, e + nh, sizeof *g->w));
  g->w = p;
  for (size_t k = 0; k < nh; k++) {
    uint32_t bits = (uint32_t)(h[k] >> 32);
    memcpy(&g->w[e + k], &bits, sizeof bits);
    g->col[e + k] = ~(uint32_t)h[k];
  }
  g->row[g->n + 1] = (uint32_t)(e + nh);
  g->n++;
  return RECAP_OK;
}

static recap_status build(graph_build *gb, recap_similarity sim, rc_graph *g,
                          size_t nodes) {
  const recap_allocator *a = gb->doc->alloc;
  size_t cap_col = 0, cap_w = 0;
  uint64_t h[RC_GRAPH_NEIGHBOURS];
  g->n = 0; /* counts the rows written */
  g->row[0] = 0;
  for (uint32_t s = 0; s < nodes; s++) {
    const rc_sent *se = &gb->doc->sents.data[g->item ? g->item[s] : (size_t)s];
    size_t nh;
    neighbours_of(gb, sim, se, s, h, &nh);
    RC_TRY(add_row(a, g, &cap_col, &cap_w, h, nh));
  }
  return RECAP_OK;
}

recap_status rc_sentence_graph(const recap_document *doc, recap_similarity sim,
                               rc_graph *g) {
  const recap_allocator *a = doc->alloc;
  size_t n = doc->sents.len;
  memset(g, 0, sizeof *g);
  double total = 0;
  uint32_t most = 0; /* terms in one sentence, at most */
  for (size_t s = 0; s < n; s++) {
    total += doc->sents.data[s].content;
    if (doc->sents.data[s].nterms > most)
      most = doc->sents.data[s].nterms;
  }
  double avglen = n && total > 0 ? total / (double)n : 1;
  index ix;
  memset(&ix, 0, sizeof ix);
  recap_status st = index_build(doc, sim, avglen, &ix, g);
  size_t nodes = g->n, nstems = doc->stem_info.len;
  /* A node touches at most RC_GRAPH_POSTINGS others per term. */
  size_t touch = (size_t)most * RC_GRAPH_POSTINGS;
  if (touch > nodes)
    touch = nodes;
  graph_build gb = {doc, &ix, NULL, NULL, NULL, NULL};
  if (st == RECAP_OK) {
    gb.cursor = rc_calloc(a, nstems ? nstems : 1, sizeof *gb.cursor);
    gb.acc = rc_calloc(a, nodes ? nodes : 1, sizeof *gb.acc);
    /* One more: the loop writes a node before it knows whether it is new. */
    gb.touched = rc_calloc(a, touch + 1, sizeof *gb.touched);
    g->row = rc_calloc(a, nodes + 1, sizeof *g->row);
    if (sim == RECAP_SIMILARITY_OVERLAP)
      gb.loglen = rc_calloc(a, nodes ? nodes : 1, sizeof *gb.loglen);
    if (!gb.cursor || !gb.acc || !gb.touched || !g->row ||
        (sim == RECAP_SIMILARITY_OVERLAP && !gb.loglen))
      st = RECAP_ERR_NOMEM;
  }
  if (st == RECAP_OK) {
    memcpy(gb.cursor, ix.row, nstems * sizeof *gb.cursor);
    for (size_t i = 0; gb.loglen && i < nodes; i++)
      gb.loglen[i] = (float)log(
          (double)doc->sents.data[g->item ? g->item[i] : i].content + 1);
    st = build(&gb, sim, g, nodes);
  }
  index_free(a, &ix);
  rc_free(a, gb.cursor);
  rc_free(a, gb.acc);
  rc_free(a, gb.touched);
  rc_free(a, gb.loglen);
  if (st != RECAP_OK)
    rc_graph_free(a, g);
  return st;
}
