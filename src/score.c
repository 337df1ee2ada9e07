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
#include "tfidf.h"
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

/* ---- query focus --------------------------------------------------------- */

/* A speaker the query names ("What did the Project Manager think ...",
   "What did C say ...", where the speaker is "Grad C"): every word of the
   name that is not a stopword is in the query, or a letter of it is. */
static recap_status speaker_named(recap_document *doc, uint32_t speaker,
                                  const uint32_t *qterm, size_t nq,
                                  int *named) {
  size_t len;
  const char *name = rc_strtab_str(&doc->src.speakers, speaker, &len);
  rc_tokenizer tz;
  rc_tok tok;
  int all = 1, any = 0, letter = 0;
  rc_tokenizer_init(&tz, name, 0, len, doc->lang);
  while (rc_tokenizer_next(&tz, &tok)) {
    uint32_t term;
    RC_TRY(rc_term_of(doc, name, &tok, &term));
    if (doc->term_info.data[term].flags & RC_TERM_STOP)
      continue;
    int found = 0;
    for (size_t k = 0; k < nq && !found; k++)
      found = qterm[k] == term;
    all &= found;
    any |= found;
    letter |= found && tok.len == 1;
  }
  *named = (any && all) || letter;
  return RECAP_OK;
}

/* A word the query asks with ("discuss", "think": lang->query_asks). */
static int asks_with(const recap_document *doc, uint32_t term) {
  size_t len;
  const char *w = rc_strtab_str(&doc->terms, term, &len);
  return rc_wordlist_find(&doc->lang->query_asks, w, len) >= 0;
}

/* The words of a speaker's name stop being query terms once the query
   names the speaker: "What did the Project Manager think about the
   budget?" asks what they said, not for every "project" of the meeting
   (the speaker counts through RC_QUERY_SPEAKER instead). */
static recap_status unmark_name(recap_document *doc, uint32_t speaker) {
  size_t len;
  const char *name = rc_strtab_str(&doc->src.speakers, speaker, &len);
  rc_tokenizer tz;
  rc_tok tok;
  rc_tokenizer_init(&tz, name, 0, len, doc->lang);
  while (rc_tokenizer_next(&tz, &tok)) {
    uint32_t term;
    RC_TRY(rc_term_of(doc, name, &tok, &term));
    uint32_t stem = doc->term_info.data[term].stem;
    if (stem < doc->stem_info.len)
      doc->stem_info.data[stem].query = 0;
  }
  return RECAP_OK;
}

/* Marks the query's content stems (steminfo.query), but for the words it
   asks with and the names of the speakers it names (named[speaker], of
   src.speakers.count); *focus: whether it has a content word that it
   does not ask with, in the text or not. */
static recap_status read_query(recap_document *doc, unsigned char *named,
                               int *focus) {
  const char *q = doc->opt.query;
  uint32_t qterm[RC_QUERY_TERMS];
  size_t nq = 0;
  *focus = 0;
  rc_tokenizer tz;
  rc_tok tok;
  rc_tokenizer_init(&tz, q, 0, strlen(q), doc->lang);
  while (rc_tokenizer_next(&tz, &tok)) {
    uint32_t term;
    RC_TRY(rc_term_of(doc, q, &tok, &term));
    const rc_term *info = &doc->term_info.data[term];
    if (info->flags &
        (RC_TERM_STOP | RC_TERM_FILLER | RC_TERM_NOPHRASE | RC_TERM_CUTOFF))
      continue;
    if (nq < RC_QUERY_TERMS)
      qterm[nq++] = term;
    if (asks_with(doc, term))
      continue;
    *focus = 1;
    if (info->stem < doc->stem_info.len && doc->stem_info.data[info->stem].df)
      doc->stem_info.data[info->stem].query = 1;
  }
  for (uint32_t sp = 0; sp < doc->src.speakers.count; sp++) {
    int yes;
    RC_TRY(speaker_named(doc, sp, qterm, nq, &yes));
    named[sp] = (unsigned char)yes;
    if (yes)
      RC_TRY(unmark_name(doc, sp));
  }
  return RECAP_OK;
}

/* The IDF of the query terms a sentence has, as BM25 would count them
   with tf saturated at one, plus RC_QUERY_SPEAKER times their average IDF
   if the query names its speaker. */
static double own_relevance(const recap_document *doc, size_t i,
                            const unsigned char *named, double mean_idf) {
  const rc_sent *s = &doc->sents.data[i];
  double r = 0;
  for (uint32_t k = 0; k < s->nterms; k++) {
    const rc_steminfo *t =
        &doc->stem_info.data[doc->sent_terms.data[s->terms + k].stem];
    if (t->query)
      r += t->idf;
  }
  uint32_t sp = doc->src.cues.data[s->cue_first].speaker;
  if (sp != RC_NO_ID && named[sp])
    r += RC_QUERY_SPEAKER * mean_idf;
  return r;
}

/* Each sentence's relevance to the query into doc->relevance: its own,
   plus RC_QUERY_NEAR of that of the RC_QUERY_REACH sentences before it,
   fading as e^(-distance / RC_QUERY_FADE): an answer need not repeat the
   question's words, but it follows them.  *focus: whether the query asks
   about something (read_query). */
static recap_status query_relevance(recap_document *doc, int *focus) {
  size_t n = doc->sents.len, ns = doc->src.speakers.count;
  recap_status st;
  RC_RESERVE(st, doc->alloc, doc->relevance, n);
  RC_TRY(st);
  double *own = rc_calloc(doc->alloc, n ? n : 1, sizeof *own);
  unsigned char *named = rc_calloc(doc->alloc, ns ? ns : 1, 1);
  st = own && named ? read_query(doc, named, focus) : RECAP_ERR_NOMEM;
  if (st == RECAP_OK) {
    double mean_idf = 0, nq = 0;
    for (size_t t = 0; t < doc->stem_info.len; t++)
      if (doc->stem_info.data[t].query) {
        mean_idf += doc->stem_info.data[t].idf;
        nq++;
      }
    mean_idf = nq > 0 ? mean_idf / nq : 1;
    for (size_t i = 0; i < n; i++)
      own[i] = own_relevance(doc, i, named, mean_idf);
    for (size_t i = 0; i < n; i++) {
      double near = 0;
      for (size_t d = 1; d <= RC_QUERY_REACH && d <= i; d++)
        near += exp(-(double)d / RC_QUERY_FADE) * own[i - d];
      doc->relevance.data[i] = (float)(own[i] + RC_QUERY_NEAR * near);
    }
    doc->relevance.len = n;
  }
  rc_free(doc->alloc, own);
  rc_free(doc->alloc, named);
  return st;
}

double rc_query_relevance(const recap_document *doc, size_t i) {
  return i < doc->relevance.len ? doc->relevance.data[i] : 0;
}

/* doc->sent_ranks: a 0 for each sentence. */
static recap_status ranks_zeroed(recap_document *doc) {
  size_t n = doc->sents.len;
  recap_status st;
  RC_RESERVE(st, doc->alloc, doc->sent_ranks, n);
  if (st != RECAP_OK)
    return st;
  memset(doc->sent_ranks.data, 0, n * sizeof *doc->sent_ranks.data);
  doc->sent_ranks.len = n;
  return RECAP_OK;
}

static recap_status textrank(recap_document *doc) {
  const recap_allocator *a = doc->alloc;
  size_t n = doc->sents.len;
  rc_graph g;
  RC_TRY(rc_sentence_graph(doc, doc->opt.similarity, &g));
  /* Made now, not before the graph: its index was the peak. */
  recap_status st = ranks_zeroed(doc);
  float *r = doc->sent_ranks.data;
  double *bias = NULL;
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
    r[i] = (float)(r[i] * (double)n);
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
  int focus = 0;
  if (doc->opt.query)
    RC_TRY(query_relevance(doc, &focus));
  /* A query made only of words it asks with asks for the whole
     ("Summarize the whole meeting.", QMSum's general query; "What was
     discussed?"): the summary is the one without a query, not one biased
     to the words it happens to hold ("whole" before it was an ask word),
     without the opening's prior.  QMSum's meetings (120 words) with that
     query: .2742 / .0400, without a query .2947 / .0542.  A query whose
     words the text lacks still asks about one part: treated as none, 14
     of QMSum's specific queries scored .0002 lower. */
  if (doc->opt.query && !focus) {
    doc->opt.query = NULL;
    doc->relevance.len = 0;
  }
  RC_TRY(scorer != RECAP_SCORER_TFIDF ? textrank(doc) : ranks_zeroed(doc));
  RC_TRY(rc_tfidf_scores(doc));
  double max_tr = 0, max_tf = 0;
  doc->score_top = 0;
  for (size_t i = 0; i < n; i++) {
    if (doc->sent_ranks.data[i] > max_tr)
      max_tr = doc->sent_ranks.data[i];
    if (doc->sent_tfidf.data[i] > max_tf)
      max_tf = doc->sent_tfidf.data[i];
  }
  recap_status st;
  RC_RESERVE(st, doc->alloc, doc->sent_scores, n);
  if (st != RECAP_OK)
    return st;
  doc->sent_scores.len = n;
  for (size_t i = 0; i < n; i++) {
    float *score = &doc->sent_scores.data[i];
    double tr = max_tr > 0 ? doc->sent_ranks.data[i] / max_tr : 0;
    double tf = max_tf > 0 ? doc->sent_tfidf.data[i] / max_tf : 0;
    if (doc->opt.query && scorer == RECAP_SCORER_TFIDF)
      tf *= rc_query_relevance(doc, i) > 0 ? 1 : RC_OFF_QUERY;
    switch (scorer) {
    case RECAP_SCORER_TEXTRANK:
      *score = (float)tr;
      break;
    case RECAP_SCORER_TFIDF:
      *score = (float)tf;
      break;
    case RECAP_SCORER_FUSED:
    default:
      *score = (float)(RC_FUSION * tr + (1 - RC_FUSION) * tf);
      break;
    }
    if (!doc->opt.query)
      *score *= (float)lead(i, n);
    if (*score > doc->score_top)
      doc->score_top = *score;
  }
  return RECAP_OK;
}
