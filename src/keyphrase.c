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

/* ---- scoring ------------------------------------------------------------- */

/* Is word k of the phrase mostly written with a capital where case
   tells (not counting a capital at the start of a sentence or a line)? */
static int word_upper(const rc_phrase *p, uint32_t k) {
  return k < RC_MAX_PHRASE_WORDS && p->upper[k] > p->lower[k];
}

/* A one-word phrase mostly written with capitals where case tells: a name
   or an acronym ("Haskell", "XML", "5G"), which says as much alone as a
   phrase. */
static int written_as_name(const rc_phrase *p) {
  return p->nwords == 1 && word_upper(p, 0);
}

/* Where a phrase is first mentioned, for the position prior: the
   sentence, on a scale of at most RC_KP_POSITION_SPAN sentences (a long
   text's first sentences are all its opening). */
static double first_position(const recap_document *doc, const rc_phrase *p) {
  double s = p->first_sentence, n = (double)doc->sents.len;
  if (n > RC_KP_POSITION_SPAN)
    s = floor(s * RC_KP_POSITION_SPAN / n);
  return s;
}

/* score(p) = sum over its words of rc_word_weight(w) = sqrt(tf(w)) idf(w)^2
 *            x (1 + ln mentions(p)) x (1 / (1 + first position))^RC_KP_POSITION
 *            x spread(p)^RC_KP_SPREAD x turns(p)^RC_KP_TURNS
 *            x RC_KP_SINGLE if p is one common word (the language has a
 *              lexicon, and p is not mostly written with capitals)
 * where mentions counts those inside longer runs RC_KP_INSIDE times,
 * spread is how many of RC_KP_PARTS equal parts of a text of at least
 * RC_KP_SPREAD_MIN sentences mention it, and turns how many speakers'
 * turns do (1 without speakers).
 * The word's frequency says what the text is about (damped: a word used
 * forty times is not forty times the topic), IDF discounts words common in
 * general, the count rewards phrases used as names, and the position
 * prior rewards what a title or an opening introduces (PositionRank,
 * Florescu & Caragea 2017, found the same).  Spread and turns weigh how
 * much of a recording talks about it: a burst of small talk in the first
 * minute ("frustrating meetings") is one turn in one part, a topic comes
 * back in many.  TextRank over a word
 * co-occurrence graph (SingleRank, Wan & Xiao 2008) in place of the
 * frequency scored lower on both dev sets (F1@10 Inspec .353 against
 * .356, SemEval .242 against .255) and cost a pair table per document. */
static void score_phrases(recap_document *doc) {
  int long_text = doc->sents.len >= RC_KP_SPREAD_MIN;
  for (size_t i = 0; i < doc->phrases.len; i++) {
    rc_phrase *p = &doc->phrases.data[i];
    size_t len;
    const uint32_t *stems = (const uint32_t *)(const void *)rc_strtab_str(
        &doc->phrase_keys, (uint32_t)i, &len);
    double sum = 0;
    for (uint32_t k = 0; k < p->nwords; k++) {
      uint32_t s;
      memcpy(&s, stems + k, sizeof s);
      const rc_steminfo *w = &doc->stem_info.data[s];
      sum += rc_word_weight(w);
    }
    double position = pow(1.0 / (1.0 + first_position(doc, p)), RC_KP_POSITION);
    double mentions = p->alone + RC_KP_INSIDE * (p->count - p->alone);
    p->score = sum * (1.0 + log(mentions > 1 ? mentions : 1)) * position;
    if (long_text && p->spread > 1)
      p->score *= pow(p->spread, RC_KP_SPREAD);
    if (p->turns > 1)
      p->score *= pow(p->turns, RC_KP_TURNS);
    if (p->nwords == 1 && doc->lang->modifiers && !written_as_name(p))
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

/* ---- selection without redundancy ---------------------------------------- */

/* A phrase as a set: its distinct content stems, sorted (words that are
   never content, such as the "of" of a name, are left out).  At most
   RC_MAX_RUN. */
static size_t stem_set(const recap_document *doc, uint32_t p, uint32_t *out) {
  size_t n, k = 0;
  const uint32_t *st = phrase_stems(doc, p, &n);
  for (size_t i = 0; i < n && k < RC_MAX_RUN; i++) {
    uint32_t x;
    memcpy(&x, st + i, sizeof x);
    if (doc->stem_info.data[x].tf == 0)
      continue;
    size_t j = k;
    while (j > 0 && out[j - 1] > x)
      j--;
    if (j > 0 && out[j - 1] == x)
      continue;
    memmove(out + j + 1, out + j, (k - j) * sizeof *out);
    out[j] = x;
    k++;
  }
  return k;
}

/* What the chosen phrases cover, by stem set: for every subset of a
   chosen phrase's set, how many chosen phrases contain it and how many
   mentions they have; and which sets are chosen phrases exactly.  A
   phrase has at most RC_MAX_RUN distinct stems, so choosing one touches
   at most 2^RC_MAX_RUN - 1 subsets and checking one reads as many:
   selection is linear in the phrases after the sort, whatever -k asks
   (the pairwise check it replaces took 10 s for -k 30000). */
typedef struct cover {
  uint32_t chosen; /* chosen phrases whose set contains this one */
  uint32_t exact;  /* the chosen phrase whose set this is + 1, or 0 */
  uint32_t slot;   /* ... and its place among the key phrases */
  double mentions; /* their mentions, summed */
} cover;

typedef struct coverage {
  rc_strtab sets;
  RC_VEC(cover) info;
} coverage;

static const cover *cover_find(const coverage *cv, const uint32_t *set,
                               size_t k) {
  uint32_t id = rc_strtab_find(&cv->sets, (const char *)set, k * sizeof *set);
  return id == RC_NO_ID ? NULL : &cv->info.data[id];
}

/* The subset of set[0..k) picked by the bits of mask, into sub. */
static size_t subset(const uint32_t *set, size_t k, unsigned mask,
                     uint32_t *sub) {
  size_t m = 0;
  for (size_t i = 0; i < k; i++)
    if (mask & (1u << i))
      sub[m++] = set[i];
  return m;
}

/* Adds chosen phrase p (at place slot) to the coverage, or takes it out
   (sign -1). */
static recap_status cover_add(recap_document *doc, coverage *cv, uint32_t p,
                              uint32_t slot, int sign) {
  uint32_t set[RC_MAX_RUN], sub[RC_MAX_RUN];
  size_t k = stem_set(doc, p, set);
  for (unsigned mask = 1; mask < (1u << k); mask++) {
    size_t m = subset(set, k, mask, sub);
    uint32_t id;
    int added;
    recap_status st;
    RC_RESERVE(st, doc->alloc, cv->info, cv->info.len + 1);
    if (st != RECAP_OK)
      return st;
    RC_TRY(rc_strtab_intern(&cv->sets, (const char *)sub, m * sizeof *sub, &id,
                            &added));
    if (added) {
      cover z = {0, 0, 0, 0};
      cv->info.data[cv->info.len++] = z;
    }
    cover *c = &cv->info.data[id];
    c->chosen += (uint32_t)sign;
    c->mentions += sign * (double)doc->phrases.data[p].count;
    if (m == k) {
      c->exact = sign > 0 ? p + 1 : 0;
      c->slot = slot;
    }
  }
  return RECAP_OK;
}

/* A phrase says nothing new next to the chosen ones unless it has
   mentions of its own (one idea, one phrase):
   - one that contains a chosen phrase (or has the same words) only
     counts that phrase's mentions again ("eastgate charging depot" after
     "charging depot"); it takes the chosen one's place when it is the
     better form of the same idea: most of the chosen one's mentions are
     its own ("battery electric buses" for "electric buses");
   - one whose words all lie inside chosen phrases needs RC_KP_OWN
     mentions outside them ("buses" after "battery electric buses" and
     "diesel buses": its count includes those inside, so count - theirs);
   - one that shares two or more words with a chosen phrase, neither
     inside the other ("Mobile Global Partners Conference" after "China
     Mobile Global Partners"), needs RC_KP_OWN mentions as a run of its
     own.
   Returns KP_NEW, KP_REDUNDANT, or KP_BETTER with *in the cover entry
   of the chosen phrase p improves on. */
enum { KP_NEW, KP_REDUNDANT, KP_BETTER };

static int redundant(const recap_document *doc, const coverage *cv, uint32_t p,
                     const cover **in) {
  const rc_phrase *ph = &doc->phrases.data[p];
  uint32_t set[RC_MAX_RUN], sub[RC_MAX_RUN];
  size_t k = stem_set(doc, p, set);
  if (k == 0)
    return KP_REDUNDANT;
  const cover *better = NULL;
  for (unsigned mask = 1; mask < (1u << k); mask++) {
    size_t m = subset(set, k, mask, sub);
    const cover *c = cover_find(cv, sub, m);
    if (!c || !c->exact)
      continue;
    const rc_phrase *q = &doc->phrases.data[c->exact - 1];
    if (better || m == k || (double)ph->count < RC_KP_FORM * q->count)
      return KP_REDUNDANT;
    better = c;
  }
  const cover *whole = cover_find(cv, set, k);
  uint32_t around = whole ? whole->chosen : 0;
  if (around) {
    double own = ph->count - whole->mentions;
    if (own < RC_KP_OWN)
      return KP_REDUNDANT;
  }
  if (ph->alone < RC_KP_OWN)
    for (size_t i = 0; i < k; i++)
      for (size_t j = i + 1; j < k; j++) {
        uint32_t pair[2] = {set[i], set[j]};
        const cover *c = cover_find(cv, pair, 2);
        if (c && c->chosen > around + (better != NULL))
          return KP_REDUNDANT;
      }
  *in = better;
  return better ? KP_BETTER : KP_NEW;
}

/* A name joined through "of" ("Chamber of Commerce") is one only where
   the text always writes it so: the word after the joiner is used
   mostly inside it ("President of CHINALUX" is not, where CHINALUX is
   also named alone). */
static int whole_name(const recap_document *doc, uint32_t pid) {
  const rc_phrase *p = &doc->phrases.data[pid];
  size_t n;
  const uint32_t *st = phrase_stems(doc, pid, &n);
  for (size_t i = 1; i + 1 < n; i++) {
    uint32_t x, y;
    memcpy(&x, st + i, sizeof x);
    if (doc->stem_info.data[x].tf != 0)
      continue; /* a content word, not a joiner */
    memcpy(&y, st + i + 1, sizeof y);
    if (p->count < RC_KP_JOINED * doc->stem_info.data[y].tf)
      return 0;
  }
  return 1;
}

/* Does a content word come twice in the phrase?  Two phrases run together
   ("company colours company logo") or a recogniser's repeat ("sample
   sensor sample speaker") name no one thing. */
static int repeats_word(const recap_document *doc, uint32_t pid) {
  size_t n;
  const uint32_t *st = phrase_stems(doc, pid, &n);
  for (size_t i = 0; i < n; i++) {
    uint32_t x;
    memcpy(&x, st + i, sizeof x);
    if (doc->stem_info.data[x].tf == 0)
      continue; /* a joiner */
    for (size_t j = i + 1; j < n; j++)
      if (memcmp(&x, st + j, sizeof x) == 0)
        return 1;
  }
  return 0;
}

/* A run inside longer runs only is a candidate once it recurs in
   different runs: one mention inside one long run is a window, and a
   piece always cut from the same run ("eastgate charging" of "eastgate
   charging depot") a fragment.  "Good", "two" or "different" alone name
   nothing. */
static int candidate(const recap_document *doc, uint32_t pid) {
  const rc_phrase *p = &doc->phrases.data[pid];
  return !p->headless && (p->alone >= 1 || (p->count >= 2 && p->varied)) &&
         whole_name(doc, pid) && !repeats_word(doc, pid);
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

/* How a word of a key phrase is shown: as the text most often writes it
   where case tells ("Riverside Transit", "F1 score", "NLP task", "rouge
   metric" for a text that writes "ROUGE metric" once and "rouge metric"
   three times); a capital at the start of a sentence or a line casts no
   vote.  A word capitalised by the phrase's votes takes the term's most
   frequent capitalised form ("ROUGE" over "Rouge"); a word with no vote
   at all (always at the start of a sentence) is capitalised only if the
   text writes it so elsewhere. */
static recap_status put_word(recap_document *doc, rc_buf *b, const rc_phrase *p,
                             uint32_t k, const rc_tok *tok, uint32_t term,
                             size_t len) {
  const rc_termcase *tc =
      term < doc->term_case.len ? &doc->term_case.data[term] : NULL;
  int upper;
  if (k < RC_MAX_PHRASE_WORDS && (p->upper[k] || p->lower[k]))
    upper = word_upper(p, k);
  else
    upper = tc && (tc->votes[0] || tc->votes[1] || tc->votes[2]);
  const char *w = doc->src.text + tok->off;
  if (upper && tc) {
    int best = -1;
    for (int i = 0; i < 3; i++)
      if (tc->votes[i] && (best < 0 || tc->votes[i] > tc->votes[best]))
        best = i;
    /* The term's own form, unless the phrase's word is longer (a
       possessive or a stutter the term lacks) */
    if (best >= 0 && tc->len[best] <= len) {
      w = doc->src.text + tc->off[best];
      len = tc->len[best];
    }
  }
  const char *out;
  size_t outlen;
  RC_TRY(upper ? rc_nfc(&doc->norm, w, len, &out, &outlen)
               : rc_lower(&doc->norm, w, len, &out, &outlen));
  rc_buf_put(b, out, outlen);
  return RECAP_OK;
}

/* The display text: the most frequent surface form at its first
   occurrence, words joined by single spaces (characters of text without
   spaces are not), each word cased as the text writes it (put_word), an
   English possessive ending dropped from the last word, an
   abbreviation's final period kept ("Huawei Technologies Luxembourg
   S.A."). */
static recap_status display(recap_document *doc, const rc_phrase *p,
                            const char **out, size_t *outlen) {
  const rc_surface *s = &doc->surfaces.data[p->surface];
  rc_buf b;
  rc_buf_init(&b, doc->alloc);
  rc_tokenizer tz;
  rc_tok tok;
  rc_tokenizer_init(&tz, doc->src.text, s->off, s->off + s->len, doc->lang);
  uint32_t prev = RC_NO_ID, k = 0;
  rc_tok_kind prev_kind = RC_TOK_WORD;
  recap_status st = RECAP_OK;
  size_t last_end = s->off;
  while (st == RECAP_OK && rc_tokenizer_next(&tz, &tok)) {
    uint32_t term;
    st = rc_term_of(doc, doc->src.text, &tok, &term);
    if (st != RECAP_OK)
      break;
    if (term == prev && tok.kind != RC_TOK_CJK)
      continue; /* a stutter inside the phrase */
    prev = term;
    if (b.len && !(tok.kind == RC_TOK_CJK && prev_kind == RC_TOK_CJK))
      rc_buf_putc(&b, ' ');
    prev_kind = tok.kind;
    size_t len = tok.len;
    last_end = tok.off + tok.len;
    if (tok.off + tok.len == s->off + s->len) /* "today's webinar" stays */
      len -= possessive_len(doc, doc->src.text + tok.off, tok.len);
    st = put_word(doc, &b, p, k++, &tok, term, len);
  }
  if (st == RECAP_OK && last_end < s->off + s->len &&
      doc->src.text[s->off + s->len - 1] == '.')
    rc_buf_putc(&b, '.');
  if (st == RECAP_OK && b.failed)
    st = RECAP_ERR_NOMEM;
  if (st == RECAP_OK) {
    char *copy = rc_arena_strndup(&doc->arena, rc_buf_data(&b), b.len);
    st = copy ? RECAP_OK : RECAP_ERR_NOMEM;
    *out = copy;
    *outlen = b.len;
  }
  rc_buf_free(&b);
  return st;
}

static recap_status fill(recap_document *doc, uint32_t pid,
                         recap_keyphrase *k) {
  const rc_phrase *p = &doc->phrases.data[pid];
  RC_TRY(display(doc, p, &k->phrase, &k->phrase_length));
  k->score = p->score;
  k->count = p->count;
  k->sentence = p->first_sentence;
  const rc_surface *first = &doc->surfaces.data[p->first_surface];
  k->offset = rc_doc_input_offset(doc, first->off);
  k->length = rc_doc_input_end(doc, first->off + first->len) - k->offset;
  k->start = rc_doc_time_at(doc, first->off);
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
  coverage cv;
  rc_strtab_init(&cv.sets, a);
  cv.info.data = NULL;
  cv.info.len = cv.info.cap = 0;
  doc->keyphrases = rc_arena_calloc(&doc->arena, want, sizeof *doc->keyphrases);
  recap_status st = doc->keyphrases ? RECAP_OK : RECAP_ERR_NOMEM;
  size_t m = 0;
  for (size_t i = 0; st == RECAP_OK && i < n && m < want; i++) {
    uint32_t p = r[i].phrase;
    const cover *c = NULL;
    if (!candidate(doc, p))
      continue;
    switch (redundant(doc, &cv, p, &c)) {
    case KP_REDUNDANT:
      break;
    case KP_BETTER: {
      uint32_t slot = c->slot;
      st = cover_add(doc, &cv, c->exact - 1, slot, -1);
      if (st == RECAP_OK)
        st = cover_add(doc, &cv, p, slot, 1);
      if (st == RECAP_OK)
        st = fill(doc, p, &doc->keyphrases[slot]);
      break;
    }
    default:
      st = cover_add(doc, &cv, p, (uint32_t)m, 1);
      if (st == RECAP_OK)
        st = fill(doc, p, &doc->keyphrases[m]);
      m++;
    }
  }
  rc_strtab_free(&cv.sets);
  RC_VEC_FREE(a, cv.info);
  rc_free(a, r);
  doc->keyphrase_count = st == RECAP_OK ? m : 0;
  return st;
}

/* ---- phrases of a part --------------------------------------------------- */

/* Re-reads the candidate runs of a sentence and records the mentions of
   known phrases, for its part. */
static recap_status mentions_in(recap_document *doc, size_t si, uint64_t part,
                                rc_kp_mentions *out) {
  const rc_sent *s = &doc->sents.data[si];
  rc_kp_collector c;
  rc_kp_collector_init(&c, doc);
  c.mentions = out;
  c.part = part;
  RC_TRY(rc_kp_sentence_begin(&c, (uint32_t)si, s->cue_first, rc_sent_off(s),
                              rc_sent_off(s) + s->len));
  RC_TRY(rc_units_feed(&c, rc_sent_off(s), rc_sent_off(s) + s->len));
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
    if (!candidate(doc, r[i].phrase) ||
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
                               size_t nparts, size_t k, const rc_kp_weights *w,
                               recap_keyphrase *out, size_t *got) {
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
      r[m].first = doc->surfaces.data[p->first_surface].off;
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
  return rc_kp_parts_weighted(doc, part, nparts, k, &rc_kp_weights_default, out,
                              got);
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
