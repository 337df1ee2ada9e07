/*
 * score.c - sentence scores: TextRank, TF-IDF, and their fusion.
 *
 * TextRank (centrality in the sentence similarity graph) finds what the
 * conversation keeps coming back to; TF-IDF finds sentences dense in the
 * document's distinctive words.  Each is divided by its maximum so both
 * lie in [0, 1], and the fused score is their weighted sum,
 *
 *   score = RC_FUSION * textrank / max + (1 - RC_FUSION) * tfidf / max,
 *
 * because they fail differently: TextRank favours long, generic sentences
 * that touch everything; TF-IDF favours short lists of rare words.
 *
 * A query (--query) biases the scores towards it: the PageRank restarts
 * at sentences sharing its terms (Otterbacher et al. 2005), and the
 * opening's prior is not applied.
 */
#include "score.h"

#include <math.h>
#include <string.h>

#include "graph.h"
#include "rank.h"
#include "terms.h"
#include "tokenize.h"

/* Weight of TextRank in the fused score. */
#define RC_FUSION 0.5
/* Position prior (lead, below).  Average on the meeting dev sets:
   none .3398/.0576; boost 4 over 3% .3416/.0611; 6 over 2% .3418/.0606;
   8 over 3% .3448/.0617; 12 over 3% .3452/.0624 (QMSum's 120-word
   summaries gain most: R-2 .043 -> .056).  Boosts above 6 fill the
   example webinar's summary with its housekeeping ("Please type your
   questions into the chat"), so the gain they measure on meetings that
   open with their agenda is not taken.  Query-focused (QMSum queries): no
   change either way. */
#define RC_LEAD_BOOST 4.0
#define RC_LEAD_SPAN 0.03

/* ---- query focus ------------------------------------------------------------ */

/* Marks the query's content stems in doc->query_stem (one flag per stem). */
static recap_status query_stems(recap_document *doc) {
  const char *q = doc->opt.query;
  size_t n = strlen(q);
  rc_tokenizer tz;
  rc_tok tok;
  rc_tokenizer_init(&tz, q, 0, n, doc->lang);
  while (rc_tokenizer_next(&tz, &tok)) {
    uint32_t term;
    RC_TRY(rc_term_of(doc, q, &tok, &term));
    const rc_term *info = &doc->term_info.data[term];
    if (info->flags & (RC_TERM_STOP | RC_TERM_FILLER | RC_TERM_NOPHRASE |
                       RC_TERM_CUTOFF))
      continue;
    if (info->stem < doc->stem_info.len && doc->stem_info.data[info->stem].df)
      doc->stem_info.data[info->stem].query = 1;
  }
  return RECAP_OK;
}

double rc_query_relevance(const recap_document *doc, size_t i) {
  const rc_sent *s = &doc->sents.data[i];
  double r = 0;
  for (uint32_t k = 0; k < s->nterms; k++) {
    const rc_steminfo *t = &doc->stem_info.data[doc->sent_terms.data[s->terms + k].stem];
    if (t->query)
      r += t->idf;
  }
  return r;
}

static recap_status textrank(recap_document *doc) {
  const recap_allocator *a = doc->alloc;
  size_t n = doc->sents.len;
  rc_graph g;
  RC_TRY(rc_sentence_graph(doc, doc->opt.similarity, &g));
  float *r = rc_calloc(a, n, sizeof *r);
  double *bias = NULL;
  recap_status st = r ? RECAP_OK : RECAP_ERR_NOMEM;
  if (st == RECAP_OK && doc->opt.query) {
    /* Biased (personalised) PageRank, Otterbacher et al. 2005: the random
       surfer restarts at sentences about the query. */
    bias = rc_calloc(a, n, sizeof *bias);
    if (!bias)
      st = RECAP_ERR_NOMEM;
    for (size_t i = 0; st == RECAP_OK && i < n; i++)
      bias[i] = rc_query_relevance(doc, i);
  }
  if (st == RECAP_OK)
    st = rc_pagerank(a, &g, bias, RC_DAMPING, RC_RANK_TOLERANCE, r, NULL);
  rc_free(a, bias);
  for (size_t i = 0; st == RECAP_OK && i < n; i++)
    doc->sents.data[i].rank = (float)(r[i] * (double)n);
  rc_free(a, r);
  rc_graph_free(a, &g);
  return st;
}

/* Meetings and talks say what they are about at the start ("today we
   need to decide on the remote's design"), so the opening sentences weigh
   up to 1 + RC_LEAD_BOOST times more, fading over RC_LEAD_SPAN of the
   text.  Not with a query, which asks about one part. */
static double lead(size_t i, size_t n) {
  return 1.0 + RC_LEAD_BOOST * exp(-(double)i / (RC_LEAD_SPAN * (double)n));
}

recap_status rc_score_sentences(recap_document *doc) {
  size_t n = doc->sents.len;
  if (n == 0)
    return RECAP_OK;
  recap_scorer scorer = doc->opt.scorer;
  if (doc->opt.query)
    RC_TRY(query_stems(doc));
  if (scorer != RECAP_SCORER_TFIDF)
    RC_TRY(textrank(doc));
  double max_tr = 0, max_tf = 0;
  doc->score_top = 0;
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
    if (doc->opt.query && scorer == RECAP_SCORER_TFIDF)
      tf *= rc_query_relevance(doc, i) > 0 ? 1 : RC_OFF_QUERY;
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
    if (!doc->opt.query)
      s->score *= (float)lead(i, n);
    if (s->score > doc->score_top)
      doc->score_top = s->score;
  }
  return RECAP_OK;
}
