/*
 * summary.c - sentence scoring and summary selection.
 *
 * Scores.  TextRank (centrality in the sentence similarity graph) finds
 * what the conversation keeps coming back to; TF-IDF finds sentences dense
 * in the document's distinctive words.  Each is divided by its maximum so
 * both lie in [0, 1], and the fused score is their weighted sum,
 *
 *   score = RC_FUSION * textrank / max + (1 - RC_FUSION) * tfidf / max,
 *
 * because they fail differently: TextRank favours long, generic sentences
 * that touch everything; TF-IDF favours short lists of rare words.
 *
 * Selection.  Greedy by score (ties by position): a sentence is taken if it
 * is not a backchannel or fragment, is not a near-duplicate of one already
 * taken (cosine >= RC_REDUNDANCY) and fits the remaining word budget.
 * Sentences that do not fit are skipped, so a shorter good sentence can
 * still use the space; with RECAP_OPT_CUT_LAST the first that does not fit
 * is cut to the budget instead.
 */
#include "summary.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "rank.h"
#include "tfidf.h"

/* Weight of TextRank in the fused score. */
#define RC_FUSION 0.5

static recap_status textrank(recap_document *doc) {
  const recap_allocator *a = doc->alloc;
  size_t n = doc->sents.len;
  rc_graph g;
  RC_TRY(rc_sentence_graph(doc, doc->opt.similarity, &g));
  double *r = rc_calloc(a, n, sizeof *r);
  recap_status st = r ? RECAP_OK : RECAP_ERR_NOMEM;
  if (st == RECAP_OK)
    st = rc_pagerank(a, &g, NULL, RC_DAMPING, r, NULL);
  for (size_t i = 0; st == RECAP_OK && i < n; i++)
    doc->sents.data[i].rank = (float)(r[i] * (double)n);
  rc_free(a, r);
  rc_graph_free(a, &g);
  return st;
}

recap_status rc_score_sentences(recap_document *doc) {
  size_t n = doc->sents.len;
  if (n == 0)
    return RECAP_OK;
  recap_scorer scorer = doc->opt.scorer;
  if (scorer != RECAP_SCORER_TFIDF)
    RC_TRY(textrank(doc));
  double max_tr = 0, max_tf = 0;
  for (size_t i = 0; i < n; i++) {
    const rc_sent *s = &doc->sents.data[i];
    if (s->rank > max_tr)
      max_tr = s->rank;
    if (s->tfidf > max_tf)
      max_tf = s->tfidf;
  }
  for (size_t i = 0; i < n; i++) {
    rc_sent *s = &doc->sents.data[i];
    double tr = max_tr > 0 ? s->rank / max_tr : 0;
    double tf = max_tf > 0 ? s->tfidf / max_tf : 0;
    switch (scorer) {
    case RECAP_SCORER_TEXTRANK:
      s->score = (float)tr;
      break;
    case RECAP_SCORER_TFIDF:
      s->score = (float)tf;
      break;
    case RECAP_SCORER_FUSED:
    default:
      s->score = (float)(RC_FUSION * tr + (1 - RC_FUSION) * tf);
      break;
    }
  }
  return RECAP_OK;
}

/* ---- selection ------------------------------------------------------------- */

static int by_position(const void *x, const void *y) {
  const recap_sentence *a = x, *b = y;
  return (a->index > b->index) - (a->index < b->index);
}

static size_t sentence_limit(const recap_document *doc) {
  size_t n = doc->sents.len, limit = doc->opt.summary_sentences;
  double ratio = doc->opt.summary_ratio;
  if (ratio < 1.0) {
    size_t r = ratio <= 0 ? 0 : (size_t)ceil(ratio * (double)n);
    if (r < limit)
      limit = r;
  }
  return limit;
}

static int eligible(const rc_sent *s) {
  return !(s->flags & (RC_SENT_BACKCHANNEL | RC_SENT_FRAGMENT)) &&
         s->words >= RC_MIN_SUMMARY_WORDS;
}

/* Cuts a display text to its first `words` words and adds "...". */
static void cut_to_words(recap_document *doc, recap_sentence *r,
                         size_t words) {
  const char *t = r->text;
  size_t i = 0, seen = 0;
  int in_word = 0;
  for (; i < r->text_length; i++) {
    int sp = t[i] == ' ';
    if (!sp && !in_word && seen++ == words)
      break;
    in_word = !sp;
  }
  while (i > 0 && t[i - 1] == ' ')
    i--;
  char *c = rc_arena_alloc(&doc->arena, i + 4);
  if (!c)
    return; /* keep the sentence whole rather than fail the summary */
  memcpy(c, t, i);
  memcpy(c + i, "...", 4);
  r->text = c;
  r->text_length = i + 3;
  r->words = words;
}

/* A max-heap of candidates by (gain, earlier position). */
typedef struct cand {
  double gain;
  uint32_t sent;
} cand;

static int above(const cand *a, const cand *b) {
  return a->gain > b->gain || (a->gain == b->gain && a->sent < b->sent);
}

static void sift_down(cand *h, size_t n, size_t i) {
  for (;;) {
    size_t l = 2 * i + 1, r = l + 1, m = i;
    if (l < n && above(&h[l], &h[m]))
      m = l;
    if (r < n && above(&h[r], &h[m]))
      m = r;
    if (m == i)
      return;
    cand t = h[i];
    h[i] = h[m];
    h[m] = t;
    i = m;
  }
}

typedef struct selector {
  recap_document *doc;
  double *w;              /* concept weight per stem */
  unsigned char *covered; /* per stem */
  double centrality;      /* weight of the sentence score */
} selector;

/* What adding sentence i would add to the objective, per unit of cost. */
static double gain(const selector *sel, uint32_t i) {
  const rc_sent *s = &sel->doc->sents.data[i];
  const rc_tf *t = sel->doc->sent_terms.data + s->terms;
  double g = sel->centrality * s->score;
  for (uint32_t k = 0; k < s->nterms; k++)
    if (!sel->covered[t[k].stem])
      g += sel->w[t[k].stem];
  return g / pow((double)s->words, RC_COST_EXPONENT);
}

static void cover(selector *sel, uint32_t i) {
  const rc_sent *s = &sel->doc->sents.data[i];
  for (uint32_t k = 0; k < s->nterms; k++)
    sel->covered[sel->doc->sent_terms.data[s->terms + k].stem] = 1;
}

/* Pops the candidate with the best current gain (lazy evaluation: gains
   only fall as coverage grows, so a stale top that is still best after
   being recomputed is the true best). */
static int pop_best(selector *sel, cand *h, size_t *n, uint32_t *out) {
  while (*n) {
    cand top = h[0];
    top.gain = gain(sel, top.sent);
    int best = !(*n > 1 && above(&h[1], &top)) && !(*n > 2 && above(&h[2], &top));
    if (best) {
      h[0] = h[--*n];
      sift_down(h, *n, 0);
      if (top.gain <= 0 && sel->centrality <= 0)
        return 0;
      *out = top.sent;
      return 1;
    }
    h[0] = top;
    sift_down(h, *n, 0);
  }
  return 0;
}

static recap_status select_sentences(selector *sel, cand *h, size_t nh,
                                     recap_sentence *out, size_t cap,
                                     size_t budget, double *mark,
                                     size_t *count) {
  recap_document *doc = sel->doc;
  size_t k = 0, used = 0;
  uint32_t i;
  while (k < cap && used < budget && pop_best(sel, h, &nh, &i)) {
    int dup = 0;
    for (size_t j = 0; j < k && !dup; j++)
      dup = rc_sentence_cosine(doc, out[j].index, i, mark) >= RC_REDUNDANCY;
    if (dup)
      continue;
    RC_TRY(rc_doc_sentence(doc, i, 1, &out[k]));
    if (out[k].words == 0)
      continue;
    if (budget != RECAP_UNLIMITED && used + out[k].words > budget) {
      if (!(doc->opt.flags & RECAP_OPT_CUT_LAST))
        continue;
      cut_to_words(doc, &out[k], budget - used);
    }
    cover(sel, i);
    used += out[k].words;
    k++;
  }
  *count = k;
  return RECAP_OK;
}

recap_status rc_summary_select(recap_document *doc) {
  doc->summary_count = 0;
  size_t limit = sentence_limit(doc);
  size_t budget = doc->opt.summary_words;
  size_t n = doc->sents.len;
  if (limit == 0 || budget == 0 || n == 0)
    return RECAP_OK;
  const recap_allocator *a = doc->alloc;
  size_t nst = doc->stem_info.len ? doc->stem_info.len : 1;
  selector sel;
  sel.doc = doc;
  sel.w = rc_calloc(a, nst, sizeof *sel.w);
  sel.covered = rc_calloc(a, nst, 1);
  double *mark = rc_calloc(a, nst, sizeof *mark);
  cand *h = rc_calloc(a, n, sizeof *h);
  size_t cap = limit < n ? limit : n;
  recap_sentence *out = rc_arena_calloc(&doc->arena, cap, sizeof *out);
  recap_status st = sel.w && sel.covered && mark && h && out ? RECAP_OK
                                                             : RECAP_ERR_NOMEM;
  size_t k = 0;
  if (st == RECAP_OK) {
    /* Concept weights: how much of the document is about the term. */
    double total = 0;
    for (size_t t = 0; t < doc->stem_info.len; t++) {
      const rc_steminfo *si = &doc->stem_info.data[t];
      sel.w[t] = si->tf * si->idf;
      total += sel.w[t];
    }
    /* A sentence of top score is worth RC_CENTRALITY_WEIGHT times the
       coverage an average sentence brings. */
    sel.centrality = RC_CENTRALITY_WEIGHT * total / (double)n;
    size_t nh = 0;
    for (size_t i = 0; i < n; i++)
      if (eligible(&doc->sents.data[i])) {
        h[nh].sent = (uint32_t)i;
        h[nh].gain = gain(&sel, (uint32_t)i);
        nh++;
      }
    for (size_t i = nh / 2; i-- > 0;)
      sift_down(h, nh, i);
    st = select_sentences(&sel, h, nh, out, cap, budget, mark, &k);
  }
  rc_free(a, sel.w);
  rc_free(a, sel.covered);
  rc_free(a, mark);
  rc_free(a, h);
  if (st != RECAP_OK)
    return st;
  if (!(doc->opt.flags & RECAP_OPT_SCORE_ORDER))
    qsort(out, k, sizeof *out, by_position);
  doc->summary = out;
  doc->summary_count = k;
  return RECAP_OK;
}
