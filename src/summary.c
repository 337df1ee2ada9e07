/*
 * summary.c - choosing the summary sentences.
 *
 * Selection maximises a submodular objective within the budget (Lin &
 * Bilmes 2011): coverage of the document's terms, each counted once and
 * weighted by rc_word_weight() (the concepts of Gillick & Favre 2009), plus
 * RC_CENTRALITY_WEIGHT times each chosen sentence's score (score.c).  Lazy
 * greedy (Minoux 1978) takes the sentence with the best gain per
 * length^RC_COST_EXPONENT, skipping backchannels, fragments and
 * near-duplicates (cosine >= RC_REDUNDANCY) and sentences that no longer
 * fit the word budget, so a shorter good sentence can still use the space;
 * with RECAP_OPT_CUT_LAST the first that does not fit is cut instead.
 *
 * With a query (--query) its terms weigh RC_QUERY_BOOST times more in the
 * coverage, each sentence gains RC_QUERY_RELEVANCE times its relevance
 * (score.c: the query terms it and the sentences before it hold), and a
 * question weighs RC_QUERY_QUESTION_WEIGHT: the turn that asks what the
 * query asks repeats its words, the turns after it answer.
 */
#include "summary.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "display.h"
#include "greedy.h"
#include "options.h"
#include "score.h"
#include "tfidf.h"
#include "tokenize.h"

static int by_position(const void *x, const void *y) {
  const recap_sentence *a = x, *b = y;
  return (a->index > b->index) - (a->index < b->index);
}

static int by_score(const void *x, const void *y) {
  const recap_sentence *a = x, *b = y;
  if (a->score != b->score)
    return a->score > b->score ? -1 : 1;
  return (a->index > b->index) - (a->index < b->index);
}

static size_t sentence_limit(const recap_document *doc) {
  size_t n = doc->sents.len, limit = rc_options_sentences(&doc->opt);
  double ratio = doc->opt.summary_ratio;
  if (ratio < 1.0) {
    size_t r = ratio <= 0 ? 0 : (size_t)ceil(ratio * (double)n);
    if (r < limit)
      limit = r;
  }
  return limit;
}

/* Cuts a display text to its first `words` words and adds "...". */
static recap_status cut_to_words(recap_document *doc, recap_sentence *r,
                                 size_t words) {
  const char *t = r->text;
  size_t i = rc_words_end(t, r->text_length, doc->lang, words);
  char *c = rc_arena_alloc(&doc->arena, i + 4);
  if (!c)
    return RECAP_ERR_NOMEM;
  memcpy(c, t, i);
  memcpy(c + i, "...", 4);
  r->text = c;
  r->text_length = i + 3;
  r->words = words;
  return RECAP_OK;
}

typedef struct selector {
  recap_document *doc;
  double *w;              /* concept weight per stem */
  unsigned char *covered; /* per stem: chosen sentences holding it, at
                             most RC_COVER_MAX */
  double centrality;      /* weight of the sentence score */
  double average;         /* coverage an average sentence brings */
  /* decay[c]: the share of a concept's weight a sentence still gains
     when c chosen sentences hold it already, RC_COVER_DECAY^c. */
  double decay[RC_COVER_MAX + 1];
} selector;

/* What adding sentence i would add to the objective, per unit of cost. */
static double gain(const void *ctx, uint32_t i) {
  const selector *sel = ctx;
  const rc_sent *s = &sel->doc->sents.data[i];
  /* No arithmetic on a NULL pointer: the fallback (rc_select) may offer
     sentences without content terms in a document that has none. */
  const rc_tf *t = s->nterms ? sel->doc->sent_terms.data + s->terms : NULL;
  double g = sel->centrality * sel->doc->sent_scores.data[i];
  if (sel->doc->opt.query)
    g += RC_QUERY_RELEVANCE * rc_query_relevance(sel->doc, i) * sel->average;
  for (uint32_t k = 0; k < s->nterms; k++)
    g += sel->w[t[k].stem] * sel->decay[sel->covered[t[k].stem]];
  if (s->flags & RC_SENT_HOUSEKEEPING)
    g *= RC_HOUSEKEEPING_WEIGHT;
  if (s->flags & RC_SENT_QUESTION)
    g *= sel->doc->opt.query ? RC_QUERY_QUESTION_WEIGHT : RC_QUESTION_WEIGHT;
  if (s->flags & RC_SENT_GIST)
    g *= RC_GIST_WEIGHT;
  /* Cost: length^RC_COST_EXPONENT, with the exponent 1/2 a square root. */
  return g / sqrt((double)s->words);
}

static void cover(selector *sel, uint32_t i) {
  const rc_sent *s = &sel->doc->sents.data[i];
  for (uint32_t k = 0; k < s->nterms; k++)
    if (sel->covered[sel->doc->sent_terms.data[s->terms + k].stem] <
        RC_COVER_MAX)
      sel->covered[sel->doc->sent_terms.data[s->terms + k].stem]++;
}

/* ---- redundancy: the chosen sentences indexed by term ------------------
 *
 * A candidate is compared only with chosen sentences that share one of
 * its heaviest terms, found through an index of the chosen ones by stem.
 * The heaviest terms are the fewest, by TF-IDF weight, that leave the
 * rest of the vector a norm below RC_REDUNDANCY of the whole: by
 * Cauchy-Schwarz a sentence sharing none of them has a cosine below
 * RC_REDUNDANCY with the candidate (prefix filtering, as in all-pairs
 * similarity search).  The cosines with the sentences found are summed
 * from the index (the exact one is computed only near the threshold).
 */
struct rc_chosen_node {
  uint32_t sent, next; /* next: the node chosen before, or RC_NO_NODE */
  float w;             /* the term's weight in the sentence / its norm */
};

#define RC_NO_NODE UINT32_MAX
#define RC_PREFIX_TERMS 256 /* a longer sentence compares on all its terms */
#define RC_TOUCHED (RC_PREFIX_TERMS * RC_CHOSEN_PER_TERM)

recap_status rc_chosen_init(rc_chosen *ix, const recap_document *doc,
                            size_t first, size_t last) {
  const recap_allocator *a = doc->alloc;
  size_t nst = doc->stem_info.len ? doc->stem_info.len : 1;
  *ix = (rc_chosen){.doc = doc, .first = first};
  ix->head = rc_malloc(a, nst * sizeof *ix->head);
  ix->dot = rc_calloc(a, last > first ? last - first : 1, sizeof *ix->dot);
  ix->touched = rc_malloc(a, RC_TOUCHED * sizeof *ix->touched);
  ix->mark = rc_calloc(a, nst, sizeof *ix->mark);
  if (!ix->head || !ix->dot || !ix->touched || !ix->mark) {
    rc_chosen_free(ix);
    return RECAP_ERR_NOMEM;
  }
  for (size_t t = 0; t < nst; t++)
    ix->head[t] = RC_NO_NODE;
  return RECAP_OK;
}

void rc_chosen_free(rc_chosen *ix) {
  const recap_allocator *a = ix->doc->alloc;
  rc_free(a, ix->head);
  rc_free(a, ix->dot);
  rc_free(a, ix->touched);
  rc_free(a, ix->mark);
  rc_free(a, ix->node);
  *ix = (rc_chosen){.doc = ix->doc};
}

recap_status rc_chosen_add(rc_chosen *ix, size_t sent) {
  const recap_document *doc = ix->doc;
  const rc_sent *s = &doc->sents.data[sent];
  if (ix->len + s->nterms > ix->cap) {
    size_t cap = ix->cap ? ix->cap : 256;
    while (cap < ix->len + s->nterms)
      cap *= 2;
    rc_chosen_node *n = rc_realloc(doc->alloc, ix->node, cap * sizeof *n);
    if (!n)
      return RECAP_ERR_NOMEM;
    ix->node = n;
    ix->cap = cap;
  }
  float norm = doc->sent_weights.data[sent].norm;
  for (uint32_t k = 0; k < s->nterms; k++) {
    const rc_tf *t = &doc->sent_terms.data[s->terms + k];
    float w =
        norm > 0 ? (float)(rc_tfidf_weight(doc, t->stem, t->tf) / norm) : 0;
    ix->node[ix->len] = (rc_chosen_node){(uint32_t)sent, ix->head[t->stem], w};
    ix->head[t->stem] = (uint32_t)ix->len++;
  }
  return RECAP_OK;
}

typedef struct weighted {
  double w;
  uint32_t stem;
} weighted;

static int by_weight(const void *x, const void *y) {
  const weighted *a = x, *b = y;
  if (a->w != b->w)
    return a->w < b->w ? 1 : -1;
  return (a->stem > b->stem) - (a->stem < b->stem);
}

int rc_chosen_near(rc_chosen *ix, size_t i) {
  const recap_document *doc = ix->doc;
  const rc_sent *s = &doc->sents.data[i];
  float norm = doc->sent_weights.data[i].norm;
  if (norm <= 0 || ix->len == 0)
    return 0;
  weighted w[RC_PREFIX_TERMS];
  uint32_t n = s->nterms <= RC_PREFIX_TERMS ? s->nterms : 0;
  uint32_t prefix = s->nterms;
  const rc_tf *t = doc->sent_terms.data + s->terms;
  if (n) {
    for (uint32_t k = 0; k < n; k++)
      w[k] = (weighted){rc_tfidf_weight(doc, t[k].stem, t[k].tf) / norm,
                        t[k].stem};
    qsort(w, n, sizeof *w, by_weight);
    /* rest: the squared norm of the terms after the prefix, as a share */
    double rest = 1, limit = RC_REDUNDANCY * RC_REDUNDANCY;
    for (prefix = 0; prefix < n && rest >= limit; prefix++)
      rest -= w[prefix].w * w[prefix].w;
  }
  /* The sentences sharing a prefix term, then their dot products over
     the candidate's other terms: the cosines, within float rounding. */
  size_t ntouched = 0;
  int dup = 0;
  for (uint32_t k = 0; k < s->nterms && !dup; k++) {
    uint32_t stem = k < n ? w[k].stem : t[k].stem, visits = 0;
    double wk = k < n ? w[k].w : rc_tfidf_weight(doc, stem, t[k].tf) / norm;
    for (uint32_t e = ix->head[stem];
         e != RC_NO_NODE && visits < RC_CHOSEN_PER_TERM;
         e = ix->node[e].next, visits++) {
      size_t j = ix->node[e].sent - ix->first;
      if (ix->dot[j] == 0) {
        if (k >= prefix)
          continue; /* shares no heavy term: cannot be a duplicate */
        if (ntouched == RC_TOUCHED) { /* no room: compare it now */
          dup = rc_sentence_cosine(doc, ix->node[e].sent, i, ix->mark) >=
                RC_REDUNDANCY;
          if (dup)
            break;
          continue;
        }
        ix->touched[ntouched++] = (uint32_t)j;
        ix->dot[j] = 1e-300; /* touched */
      }
      ix->dot[j] += wk * ix->node[e].w;
    }
  }
  for (size_t k = 0; k < ntouched; k++) {
    size_t j = ix->touched[k];
    if (!dup && ix->dot[j] >= RC_REDUNDANCY - 1e-4)
      dup =
          rc_sentence_cosine(doc, j + ix->first, i, ix->mark) >= RC_REDUNDANCY;
    ix->dot[j] = 0;
  }
  return dup;
}

static recap_status select_sentences(selector *sel, rc_chosen *ix, rc_greedy *h,
                                     size_t nh, recap_sentence *out, size_t cap,
                                     size_t budget, size_t *count) {
  recap_document *doc = sel->doc;
  size_t k = 0, used = 0;
  rc_greedy best;
  /* A gain of 0 adds nothing once the scores do not count either. */
  while (k < cap && used < budget && rc_greedy_pop(h, &nh, gain, sel, &best) &&
         !(best.gain <= 0 && sel->centrality <= 0)) {
    uint32_t i = best.id;
    if (rc_chosen_near(ix, i))
      continue;
    RC_TRY(rc_display_fill(doc, i, &out[k]));
    if (out[k].words == 0)
      continue;
    if (budget != RECAP_UNLIMITED && used + out[k].words > budget) {
      if (!(doc->opt.flags & RECAP_OPT_CUT_LAST))
        continue;
      RC_TRY(cut_to_words(doc, &out[k], budget - used));
    }
    RC_TRY(rc_chosen_add(ix, i));
    cover(sel, i);
    used += out[k].words;
    k++;
  }
  *count = k;
  return RECAP_OK;
}

recap_status rc_select(recap_document *doc, size_t first, size_t last,
                       size_t cap, size_t budget, recap_sentence *out,
                       size_t *count) {
  *count = 0;
  size_t n = doc->sents.len;
  if (last > n)
    last = n;
  if (cap == 0 || budget == 0 || first >= last)
    return RECAP_OK;
  const recap_allocator *a = doc->alloc;
  size_t nst = doc->stem_info.len ? doc->stem_info.len : 1;
  selector sel;
  sel.doc = doc;
  sel.w = rc_calloc(a, nst, sizeof *sel.w);
  sel.covered = rc_calloc(a, nst, 1);
  rc_greedy *h = rc_calloc(a, last - first, sizeof *h);
  rc_chosen ix;
  recap_status st = rc_chosen_init(&ix, doc, first, last);
  if (st == RECAP_OK && (!sel.w || !sel.covered || !h))
    st = RECAP_ERR_NOMEM;
  if (st == RECAP_OK) {
    /* Concept weights: how much of the document is about the term. */
    double total = 0;
    for (size_t t = 0; t < doc->stem_info.len; t++) {
      const rc_steminfo *si = &doc->stem_info.data[t];
      sel.w[t] = rc_word_weight(si);
      total += sel.w[t];
    }
    /* With a query, its terms are the concepts that matter most. */
    for (size_t t = 0; doc->opt.query && t < doc->stem_info.len; t++)
      if (doc->stem_info.data[t].query)
        sel.w[t] *= RC_QUERY_BOOST;
    /* A sentence of top score is worth RC_CENTRALITY_WEIGHT times the
       coverage an average sentence brings. */
    sel.average = total / (double)n;
    sel.centrality = RC_CENTRALITY_WEIGHT * sel.average;
    sel.decay[0] = 1;
    for (size_t c = 1; c <= RC_COVER_MAX; c++)
      sel.decay[c] = sel.decay[c - 1] * RC_COVER_DECAY;
    size_t nh = 0;
    for (size_t i = first; i < last; i++)
      if (rc_sent_eligible(&doc->sents.data[i]))
        h[nh++].id = (uint32_t)i;
    /* Nothing can stand alone (every sentence is short, a fragment or cut
       off: "Hello world. This is fine."): rather than no summary, the best
       of what there is, every sentence but backchannels ("Yeah."), which
       never are. */
    if (nh == 0)
      for (size_t i = first; i < last; i++)
        if (!(doc->sents.data[i].flags & RC_SENT_BACKCHANNEL))
          h[nh++].id = (uint32_t)i;
    rc_greedy_init(h, nh, gain, &sel);
    st = select_sentences(&sel, &ix, h, nh, out, cap, budget, count);
  }
  rc_free(a, sel.w);
  rc_free(a, sel.covered);
  rc_free(a, h);
  rc_chosen_free(&ix);
  return st;
}

recap_status rc_summary_select(recap_document *doc) {
  doc->summary_count = 0;
  size_t limit = sentence_limit(doc), n = doc->sents.len;
  size_t cap = limit < n ? limit : n;
  if (cap == 0 || doc->opt.summary_words == 0)
    return RECAP_OK;
  recap_sentence *out = rc_arena_calloc(&doc->arena, cap, sizeof *out);
  if (!out)
    return RECAP_ERR_NOMEM;
  size_t k;
  RC_TRY(rc_select(doc, 0, n, cap, doc->opt.summary_words, out, &k));
  qsort(out, k, sizeof *out,
        (doc->opt.flags & RECAP_OPT_SCORE_ORDER) ? by_score : by_position);
  doc->summary = out;
  doc->summary_count = k;
  return RECAP_OK;
}
