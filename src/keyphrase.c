/*
 * keyphrase.c - key phrases: candidates, word and phrase scores, selection
 * without redundancy.
 *
 * A word scores its damped frequency times its squared IDF against the
 * background (see score_phrases).  A phrase scores the sum of its words'
 * scores, which favours informative multi-word phrases, scaled by how
 * often the phrase itself occurs and by where it is first used.
 * Selection walks phrases best first and drops one whose words all lie
 * inside a phrase already chosen unless it also occurs on its own.
 */
#include "keyphrase.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "candidates.h"
#include "terms.h"
#include "tfidf.h"

/* ---- scoring ---------------------------------------------------------------- */

/* Mostly written with capitals where case tells: a name or an acronym
   ("Haskell", "XML", "5G"), which says as much alone as a phrase. */
static int written_as_name(const rc_phrase *p) {
  return p->cased > 0 && p->caps * 2 > p->cased;
}

/* score(p) = sum over its words of rc_word_weight(w) = sqrt(tf(w)) idf(w)^2
 *            x (1 + ln mentions(p)) x (1 / (1 + first sentence))^RC_KP_POSITION
 *            x RC_KP_SINGLE if p is one common word (the language has a
 *              lexicon, and p is not mostly written with capitals)
 * where mentions counts those inside longer runs RC_KP_INSIDE times.
 * The word's frequency says what the text is about (damped: a word used
 * forty times is not forty times the topic), IDF discounts words common in
 * general, the count rewards phrases used as names, and the position
 * prior rewards what a title or an opening introduces (PositionRank,
 * Florescu & Caragea 2017, found the same).  TextRank over a word
 * co-occurrence graph (SingleRank, Wan & Xiao 2008) in place of the
 * frequency scored lower on both dev sets (F1@10 Inspec .353 against
 * .356, SemEval .242 against .255) and cost a pair table per document. */
static void score_phrases(recap_document *doc) {
  for (size_t i = 0; i < doc->phrases.len; i++) {
    rc_phrase *p = &doc->phrases.data[i];
    size_t len;
    const uint32_t *stems =
        (const uint32_t *)(const void *)rc_strtab_str(&doc->phrase_keys,
                                                      (uint32_t)i, &len);
    double sum = 0;
    for (uint32_t k = 0; k < p->nwords; k++) {
      uint32_t s;
      memcpy(&s, stems + k, sizeof s);
      const rc_steminfo *w = &doc->stem_info.data[s];
      sum += rc_word_weight(w);
    }
    double position = pow(1.0 / (1.0 + p->first_sentence), RC_KP_POSITION);
    double mentions = p->alone + RC_KP_INSIDE * (p->count - p->alone);
    p->score = sum * (1.0 + log(mentions > 1 ? mentions : 1)) * position;
    if (p->nwords == 1 && doc->lang->verbs && !written_as_name(p))
      p->score *= RC_KP_SINGLE;
  }
}

static void best_surfaces(recap_document *doc) {
  for (size_t i = 0; i < doc->surfaces.len; i++) {
    const rc_surface *s = &doc->surfaces.data[i];
    rc_phrase *p = &doc->phrases.data[s->phrase];
    if (p->surface == RC_NO_ID ||
        s->count > doc->surfaces.data[p->surface].count)
      p->surface = (uint32_t)i;
  }
}

typedef struct ranked {
  uint32_t phrase;
  double score;
  size_t first; /* content offset of the first mention, for ties */
} ranked;

static int by_score(const void *x, const void *y) {
  const ranked *a = x, *b = y;
  if (a->score != b->score)
    return a->score > b->score ? -1 : 1;
  return (a->first > b->first) - (a->first < b->first);
}

static const uint32_t *phrase_stems(const recap_document *doc, uint32_t p,
                                    size_t *n) {
  size_t len;
  const char *k = rc_strtab_str(&doc->phrase_keys, p, &len);
  *n = len / sizeof(uint32_t);
  return (const uint32_t *)(const void *)k;
}

/* Are all of a's stems among b's? */
static int inside(const recap_document *doc, uint32_t a, uint32_t b) {
  size_t na, nb;
  const uint32_t *sa = phrase_stems(doc, a, &na);
  const uint32_t *sb = phrase_stems(doc, b, &nb);
  for (size_t i = 0; i < na; i++) {
    uint32_t x;
    memcpy(&x, sa + i, sizeof x);
    int found = 0;
    for (size_t j = 0; j < nb && !found; j++) {
      uint32_t y;
      memcpy(&y, sb + j, sizeof y);
      found = x == y;
    }
    if (!found)
      return 0;
  }
  return 1;
}

/* How many of a's stems are among b's. */
static size_t shared(const recap_document *doc, uint32_t a, uint32_t b) {
  size_t na, nb, k = 0;
  const uint32_t *sa = phrase_stems(doc, a, &na);
  const uint32_t *sb = phrase_stems(doc, b, &nb);
  for (size_t i = 0; i < na; i++) {
    uint32_t x;
    memcpy(&x, sa + i, sizeof x);
    for (size_t j = 0; j < nb; j++) {
      uint32_t y;
      memcpy(&y, sb + j, sizeof y);
      if (x == y) {
        k++;
        break;
      }
    }
  }
  return k;
}

/* A phrase says nothing new next to a chosen one unless it also stands on
   its own:
   - one whose words all lie inside the chosen phrase needs two mentions
     outside it (its count includes those inside, so count - count(chosen));
   - one that shares two or more words with it ("Mobile Global Partners
     Conference" after "China Mobile Global Partners") needs two mentions
     as a run of its own. */
static int redundant(const recap_document *doc, uint32_t p,
                     const uint32_t *chosen, size_t nchosen) {
  const rc_phrase *ph = &doc->phrases.data[p];
  for (size_t i = 0; i < nchosen; i++) {
    const rc_phrase *c = &doc->phrases.data[chosen[i]];
    if (inside(doc, p, chosen[i])) {
      if (ph->count < c->count + 2)
        return 1;
    } else if (shared(doc, p, chosen[i]) >= 2 && ph->alone < 2) {
      return 1;
    }
  }
  return 0;
}

/* A run inside longer runs only is a candidate once it recurs: one
   mention inside one long run is a window, not a phrase.  "Good", "two"
   or "different" alone name nothing. */
static int candidate(const rc_phrase *p) {
  return !p->headless && (p->alone >= 1 || p->count >= 2);
}

/* The length of an English possessive ending ('s, ’s) of a word, which a
   key phrase does not show at its end: in "Riverside Transit's plan" the
   phrase "Riverside Transit's" names "Riverside Transit" (the stemmer
   already merged both forms). */
static size_t possessive_len(const recap_document *doc, const char *w,
                             size_t n) {
  if (strcmp(doc->lang->code, "en") != 0)
    return 0;
  if (n > 2 && w[n - 1] == 's' && w[n - 2] == '\'')
    return 2;
  if (n > 4 && w[n - 1] == 's' && memcmp(w + n - 4, "\xE2\x80\x99", 3) == 0)
    return 4;
  return 0;
}

/* The display text: the surface's first occurrence, words joined by single
   spaces, in lower case unless the phrase is mostly written with capitals
   (names, acronyms). */
static recap_status display(recap_document *doc, const rc_phrase *p,
                            const char **out, size_t *outlen) {
  const rc_surface *s = &doc->surfaces.data[p->surface];
  rc_buf b;
  rc_buf_init(&b, doc->alloc);
  rc_tokenizer tz;
  rc_tok tok;
  rc_tokenizer_init(&tz, doc->src.text, s->off, s->off + s->len, doc->lang);
  uint32_t prev = RC_NO_ID;
  rc_tok_kind prev_kind = RC_TOK_WORD;
  while (rc_tokenizer_next(&tz, &tok)) {
    uint32_t term;
    recap_status st = rc_term_of(doc, doc->src.text, &tok, &term);
    if (st != RECAP_OK) {
      rc_buf_free(&b);
      return st;
    }
    if (term == prev && tok.kind != RC_TOK_CJK)
      continue; /* a stutter inside the phrase */
    prev = term;
    /* Words are joined by a space; characters of text without spaces are
       not. */
    if (b.len && !(tok.kind == RC_TOK_CJK && prev_kind == RC_TOK_CJK))
      rc_buf_putc(&b, ' ');
    prev_kind = tok.kind;
    size_t len = tok.len;
    if (tok.off + tok.len == s->off + s->len) /* "today's webinar" stays */
      len -= possessive_len(doc, doc->src.text + tok.off, tok.len);
    rc_buf_put(&b, doc->src.text + tok.off, len);
  }
  int keep_case = written_as_name(p);
  const char *text = rc_buf_data(&b);
  size_t len = b.len;
  recap_status st = b.failed ? RECAP_ERR_NOMEM : RECAP_OK;
  if (st == RECAP_OK)
    st = keep_case ? rc_nfc(&doc->norm, text, len, &text, &len)
                   : rc_lower(&doc->norm, text, len, &text, &len);
  if (st == RECAP_OK) {
    char *copy = rc_arena_strndup(&doc->arena, text, len);
    st = copy ? RECAP_OK : RECAP_ERR_NOMEM;
    *out = copy;
    *outlen = len;
  }
  rc_buf_free(&b);
  return st;
}

static recap_status fill(recap_document *doc, uint32_t pid, recap_keyphrase *k) {
  const rc_phrase *p = &doc->phrases.data[pid];
  RC_TRY(display(doc, p, &k->phrase, &k->phrase_length));
  k->score = p->score;
  k->count = p->count;
  k->sentence = p->first_sentence;
  k->offset = rc_doc_input_offset(doc, p->first_off);
  k->length = rc_doc_input_end(doc, p->first_off + p->first_len) - k->offset;
  k->start = rc_doc_time_at(doc, p->first_off);
  return RECAP_OK;
}

recap_status rc_keyphrases_score(recap_document *doc) {
  score_phrases(doc);
  best_surfaces(doc);
  return RECAP_OK;
}

recap_status rc_keyphrases_select(recap_document *doc) {
  size_t want = doc->opt.keyphrases;
  doc->keyphrase_count = 0;
  if (want == 0 || doc->phrases.len == 0)
    return RECAP_OK;
  const recap_allocator *a = doc->alloc;
  size_t n = doc->phrases.len;
  ranked *r = rc_calloc(a, n, sizeof *r);
  if (!r)
    return RECAP_ERR_NOMEM;
  for (size_t i = 0; i < n; i++) {
    r[i].phrase = (uint32_t)i;
    r[i].score = doc->phrases.data[i].score;
    r[i].first = doc->surfaces.data[doc->phrases.data[i].surface].off;
  }
  qsort(r, n, sizeof *r, by_score);
  if (want > n)
    want = n;
  uint32_t *chosen = rc_arena_calloc(&doc->arena, want, sizeof *chosen);
  doc->keyphrases = rc_arena_calloc(&doc->arena, want, sizeof *doc->keyphrases);
  recap_status st = chosen && doc->keyphrases ? RECAP_OK : RECAP_ERR_NOMEM;
  size_t m = 0;
  for (size_t i = 0; st == RECAP_OK && i < n && m < want; i++) {
    if (!candidate(&doc->phrases.data[r[i].phrase]) ||
        redundant(doc, r[i].phrase, chosen, m))
      continue;
    chosen[m] = r[i].phrase;
    st = fill(doc, r[i].phrase, &doc->keyphrases[m]);
    m++;
  }
  rc_free(a, r);
  doc->keyphrase_count = st == RECAP_OK ? m : 0;
  return st;
}

/* ---- phrases of a part ----------------------------------------------------- */

/* Re-reads the candidate runs of a sentence and records the mentions of
   known phrases, for its part. */
static recap_status mentions_in(recap_document *doc, size_t si, uint64_t part,
                                rc_kp_mentions *out) {
  const rc_sent *s = &doc->sents.data[si];
  rc_kp_collector c;
  rc_kp_collector_init(&c, doc);
  c.mentions = out;
  c.part = part;
  rc_kp_sentence_begin(&c, (uint32_t)si);
  rc_units units;
  rc_unit u;
  int more;
  rc_units_init(&units, doc, s->off, s->off + s->len);
  for (;;) {
    RC_TRY(rc_units_next(&units, &u, &more));
    if (!more)
      break;
    if (!u.repeat)
      RC_TRY(rc_kp_token(&c, &u.tok, u.term, &u.info, u.content));
  }
  return rc_kp_sentence_end(&c);
}

static int by_value(const void *x, const void *y) {
  uint64_t a = *(const uint64_t *)x, b = *(const uint64_t *)y;
  return (a > b) - (a < b);
}

/* Does p share a word with one of the chosen phrases?  A part has only a
   few phrases, each should say something new ("XML, Perl", not "XML, xml
   documents"). */
static int shares_word(const recap_document *doc, uint32_t p,
                       const uint32_t *chosen, size_t nchosen) {
  for (size_t i = 0; i < nchosen; i++)
    if (shared(doc, p, chosen[i]))
      return 1;
  return 0;
}

/* The best k phrases among one part's, ranked in r[0..m). */
static recap_status best_of_part(recap_document *doc, ranked *r, size_t m,
                                 size_t k, recap_keyphrase *out, size_t *got) {
  qsort(r, m, sizeof *r, by_score);
  uint32_t chosen[16];
  if (k > sizeof chosen / sizeof *chosen)
    k = sizeof chosen / sizeof *chosen;
  size_t n = 0;
  for (size_t i = 0; i < m && n < k; i++) {
    if (!candidate(&doc->phrases.data[r[i].phrase]) ||
        shares_word(doc, r[i].phrase, chosen, n))
      continue;
    chosen[n] = r[i].phrase;
    RC_TRY(fill(doc, r[i].phrase, &out[n]));
    out[n].score = r[i].score;
    n++;
  }
  *got = n;
  return RECAP_OK;
}

/* Scores the phrases of each part from the sorted mentions. */
static recap_status rank_parts(recap_document *doc, const rc_kp_mentions *ms,
                               size_t nparts, size_t k,
                               const rc_kp_weights *w, recap_keyphrase *out,
                               size_t *got) {
  const recap_allocator *a = doc->alloc;
  uint32_t *used_by = rc_calloc(a, doc->phrases.len + 1, sizeof *used_by);
  ranked *r = rc_calloc(a, ms->len + 1, sizeof *r);
  recap_status st = used_by && r ? RECAP_OK : RECAP_ERR_NOMEM;
  /* Parts using each phrase: sorted mentions put each (part, phrase) pair
     in one run. */
  for (size_t i = 0; st == RECAP_OK && i < ms->len; i++)
    if (i == 0 || ms->data[i] != ms->data[i - 1])
      used_by[(uint32_t)ms->data[i]]++;
  for (size_t i = 0; st == RECAP_OK && i < ms->len;) {
    size_t part = (size_t)(ms->data[i] >> 32), m = 0;
    for (; i < ms->len && (size_t)(ms->data[i] >> 32) == part;) {
      uint32_t id = (uint32_t)ms->data[i];
      size_t j = i;
      while (j < ms->len && ms->data[j] == ms->data[i])
        j++;
      const rc_phrase *p = &doc->phrases.data[id];
      double here = (double)(j - i);
      double idf = log(1.0 + (double)nparts / (double)used_by[id]);
      double g = w->global == 0.5 ? sqrt(p->score) : pow(p->score, w->global);
      double x = g * (1.0 + log(here)) * here / (double)p->count;
      x = w->idf == 2.0 ? x * idf * idf : x * pow(idf, w->idf);
      /* Phrases mentioned fewer times only when nothing else is left. */
      if (here < (double)w->min_mentions)
        x *= 1e-9;
      r[m].phrase = id;
      r[m].score = x;
      r[m].first = p->first_off;
      m++;
      i = j;
    }
    st = best_of_part(doc, r, m, k, out + part * k, &got[part]);
  }
  rc_free(a, used_by);
  rc_free(a, r);
  return st;
}

const rc_kp_weights rc_kp_weights_default = {2.0, 0.5, 1};

recap_status rc_kp_parts(recap_document *doc, const uint32_t *part,
                         size_t nparts, size_t k, recap_keyphrase *out,
                         size_t *got) {
  return rc_kp_parts_weighted(doc, part, nparts, k, &rc_kp_weights_default,
                              out, got);
}

recap_status rc_kp_parts_weighted(recap_document *doc, const uint32_t *part,
                                  size_t nparts, size_t k,
                                  const rc_kp_weights *w, recap_keyphrase *out,
                                  size_t *got) {
  for (size_t p = 0; p < nparts; p++)
    got[p] = 0;
  if (k == 0 || nparts == 0 || doc->phrases.len == 0)
    return RECAP_OK;
  rc_kp_mentions ms = {NULL, 0, 0};
  recap_status st = RECAP_OK;
  for (size_t s = 0; st == RECAP_OK && s < doc->sents.len; s++)
    if (part[s] != RC_NO_ID && part[s] < nparts)
      st = mentions_in(doc, s, part[s], &ms);
  if (st == RECAP_OK && ms.len) {
    qsort(ms.data, ms.len, sizeof *ms.data, by_value);
    st = rank_parts(doc, &ms, nparts, k, w, out, got);
  }
  RC_VEC_FREE(doc->alloc, ms);
  return st;
}
