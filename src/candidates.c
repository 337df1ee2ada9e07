/*
 * candidates.c - key phrase candidates, collected during the token pass.
 *
 * terms.c hands every unit of a sentence to rc_kp_token(); a candidate is
 * a maximal run of content words with no punctuation inside, at most
 * RC_MAX_PHRASE_WORDS long, and each run of two or more of its words
 * counts as a mention too (RC_MIN_SUBPHRASE).  A phrase is keyed by its
 * stems, so inflections merge ("computing force networks" and "computing
 * force network"); each surface form (a sequence of terms) is counted so
 * that the most frequent one can be shown.  The same collector, in count
 * mode, re-reads a sentence later to find the mentions of known phrases
 * (keyphrase.c, phrases of chapters and speakers).
 */
#include "candidates.h"

#include <string.h>

/* A word that is mostly an adverb ends a candidate, and so does a
   content word listed as never part of a phrase ("various", "new"); so does
   one that is mostly a verb, unless it is written with a capital inside a
   sentence: then it is part of a name ("Computing Force Network"). */
static int ends_phrase(const rc_term *info, const rc_tok *tok, int first) {
  if (info->flags & (RC_TERM_ADVERB | RC_TERM_PHRASESTOP))
    return 1;
  return (info->flags & RC_TERM_VERBAL) &&
         (first || !(tok->flags & (RC_TOK_CAP | RC_TOK_ALLCAPS)));
}

/* A word that cannot head a key phrase: mostly an adjective or a number,
   unless capitalised inside a sentence ("Digital Equipment"), or a
   single letter ("n", "s": spelled-out or cut-off speech). */
static int modifier_here(const rc_term *info, const rc_tok *tok, int first) {
  if (tok->len == 1 && tok->kind == RC_TOK_WORD)
    return 1;
  return (info->flags & RC_TERM_MODIFIER) &&
         (first || !(tok->flags & (RC_TOK_CAP | RC_TOK_ALLCAPS)));
}

/* A word of a speaker's name, written with a capital: a person named
   ("Tom", "Dana Whitfield"), who speaks rather than what about.  Labels
   that are roles ("User Interface:" in AMI) are also common nouns, and
   written in lower case there they stay in phrases ("the user interface
   design"). */
static int speaker_name_here(const recap_document *doc, const rc_tok *tok,
                             uint32_t term) {
  if (doc->speaker_words.count == 0 ||
      !(tok->flags & (RC_TOK_CAP | RC_TOK_ALLCAPS)))
    return 0;
  size_t n;
  const char *w = rc_strtab_str(&doc->terms, term, &n);
  return rc_strtab_find(&doc->speaker_words, w, n) != RC_NO_ID;
}

void rc_kp_collector_init(rc_kp_collector *c, recap_document *doc) {
  memset(c, 0, sizeof *c);
  c->doc = doc;
}

void rc_kp_sentence_begin(rc_kp_collector *c, uint32_t sentence) {
  c->sentence = sentence;
  c->run = 0;
  c->first_token = 1;
}

/* Records one mention of the phrase made of words [i, j) of the open run;
   `alone` if that is the whole run. */
static recap_status emit(rc_kp_collector *c, size_t i, size_t j, int alone) {
  recap_document *doc = c->doc;
  size_t n = j - i;
  if (c->mentions) { /* count mode: the phrases are known already */
    uint32_t id = rc_strtab_find(&doc->phrase_keys, (const char *)(c->stems + i),
                                 n * sizeof *c->stems);
    recap_status st = RECAP_OK;
    if (id != RC_NO_ID)
      RC_PUSH(st, doc->alloc, *c->mentions, c->part << 32 | id);
    return st;
  }
  recap_status st;
  RC_RESERVE(st, doc->alloc, doc->phrases, doc->phrases.len + 1);
  if (st == RECAP_OK)
    RC_RESERVE(st, doc->alloc, doc->surfaces, doc->surfaces.len + 1);
  if (st != RECAP_OK)
    return st;
  uint32_t pid, sid;
  int added;
  size_t off = c->offs[i], len = c->ends[j - 1] - c->offs[i];
  RC_TRY(rc_strtab_intern(&doc->phrase_keys, (const char *)(c->stems + i),
                          n * sizeof *c->stems, &pid, &added));
  if (added) {
    rc_phrase *p = &doc->phrases.data[doc->phrases.len++];
    memset(p, 0, sizeof *p);
    p->nwords = (uint32_t)n;
    p->first_sentence = c->sentence;
    p->surface = RC_NO_ID;
    p->first_off = off;
    p->first_len = len;
    /* Only modifiers, or one general noun ("results"), name nothing. */
    p->headless = 1;
    for (size_t k = i; k < j; k++)
      p->headless &= (c->modifier[k] & RC_KP_MODIFIER) != 0;
    if (n == 1 && (c->modifier[i] & RC_KP_INSIDE_ONLY))
      p->headless = 1;
  }
  rc_phrase *p = &doc->phrases.data[pid];
  p->count++;
  p->alone += alone;
  p->last_sentence = c->sentence;
  if (!c->run_first || i > 0) {
    p->cased++;
    p->caps += c->run_caps;
  }
  RC_TRY(rc_strtab_intern(&doc->surface_keys, (const char *)(c->terms + i),
                          n * sizeof *c->terms, &sid, &added));
  if (added) {
    rc_surface *s = &doc->surfaces.data[doc->surfaces.len++];
    s->phrase = pid;
    s->count = 0;
    s->off = off;
    s->len = len;
  }
  doc->surfaces.data[sid].count++;
  return RECAP_OK;
}

/* The open run is complete: it is a candidate if short enough, and so is
   every shorter run of two or more of its words, so that a phrase's count
   includes its mentions inside longer runs ("детской площадки" in
   "проект детской площадки"). */
static recap_status flush(rc_kp_collector *c) {
  size_t n = c->run < RC_MAX_RUN ? c->run : RC_MAX_RUN;
  int whole = c->run <= RC_MAX_PHRASE_WORDS;
  c->run = 0;
  if (n == 0)
    return RECAP_OK;
  if (whole)
    RC_TRY(emit(c, 0, n, 1));
  size_t longest = n - 1 < RC_MAX_PHRASE_WORDS ? n - 1 : RC_MAX_PHRASE_WORDS;
  for (size_t len = longest; len >= RC_MIN_SUBPHRASE; len--)
    for (size_t i = 0; i + len <= n; i++)
      RC_TRY(emit(c, i, i + len, 0));
  return RECAP_OK;
}

recap_status rc_kp_token(rc_kp_collector *c, const rc_tok *tok, uint32_t term,
                         const rc_term *info, int content) {
  int first = c->first_token;
  c->first_token = 0;
  int word = content && !speaker_name_here(c->doc, tok, term) &&
             (tok->kind == RC_TOK_WORD || tok->kind == RC_TOK_CJK) &&
             !ends_phrase(info, tok, first);
  if (c->run && ((tok->flags & RC_TOK_GAP) || !word))
    RC_TRY(flush(c));
  if (word) {
    if (c->run == 0) {
      c->run_off = tok->off;
      c->run_caps = 1;
      c->run_first = first;
    }
    if (c->run < RC_MAX_RUN) {
      c->stems[c->run] = info->stem;
      c->terms[c->run] = term;
      c->offs[c->run] = tok->off;
      c->ends[c->run] = tok->off + tok->len;
      c->modifier[c->run] =
          (unsigned char)((modifier_here(info, tok, first) ? RC_KP_MODIFIER : 0) |
                          (info->flags & RC_TERM_INSIDE ? RC_KP_INSIDE_ONLY : 0));
    }
    ++c->run;
    c->run_end = tok->off + tok->len;
    const char *t = c->doc->src.text + tok->off;
    if (!first && !(tok->flags & RC_TOK_CAP) && !(t[0] >= '0' && t[0] <= '9'))
      c->run_caps = 0;
  }
  return RECAP_OK;
}

recap_status rc_kp_sentence_end(rc_kp_collector *c) {
  return c->run ? flush(c) : RECAP_OK;
}
