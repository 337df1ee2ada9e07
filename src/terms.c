/*
 * terms.c - the vocabulary pass (see terms.h).
 *
 * Immediate repeats ("the the", "I I think") are stutters: the repeated
 * token counts as a word but not as content, so disfluent speech does not
 * inflate term frequencies.  Fillers never count as content.
 */
#include "terms.h"

#include <string.h>

#include "keyphrase.h"

typedef struct pass {
  recap_document *doc;
  RC_VEC(uint32_t) mark; /* per stem: sentence index + 1 where last seen */
  RC_VEC(uint32_t) slot; /* per stem: its rc_tf in the current sentence */
  rc_kp_collector kp;
  char fold[64];         /* ASCII fold buffer */
} pass;

/* ---- term lookup ------------------------------------------------------------- */

static int user_list_has(const rc_strtab *t, size_t lang, const char *w,
                         size_t n) {
  char key[128];
  if (t->count == 0 || n + 1 > sizeof key)
    return 0;
  memcpy(key + 1, w, n);
  key[0] = (char)(unsigned char)lang;
  if (rc_strtab_find(t, key, n + 1) != RC_NO_ID)
    return 1;
  key[0] = (char)(unsigned char)RC_LANG_ALL;
  return rc_strtab_find(t, key, n + 1) != RC_NO_ID;
}

static int is_stopword(const recap_document *doc, const char *w, size_t n) {
  const recap_context *ctx = doc->ctx;
  size_t li = rc_lang_index(doc->lang);
  if (user_list_has(&ctx->stop_removed, li, w, n))
    return 0;
  return rc_wordlist_find(&doc->lang->stopwords, w, n) >= 0 ||
         user_list_has(&ctx->stop_added, li, w, n);
}

static int is_vowel(char c) { return c && strchr("aeiouy", c) != NULL; }

/* Speech transcripts keep words cut off mid-way ("the w the will", "h
   technology").  A lower-case ASCII token of one letter that is not a
   word of the language, or of two letters without a vowel, is one.
   Capitals are kept: "Plan B", "F eight". */
static int is_cutoff(const recap_document *doc, const char *w, size_t n,
                     const rc_tok *tok) {
  /* Without a stopword list nothing tells "a" from a cut-off "w". */
  if (doc->lang->stopwords.count == 0 || tok->kind != RC_TOK_WORD ||
      (tok->flags & (RC_TOK_CAP | RC_TOK_ALLCAPS)) ||
      !(tok->flags & RC_TOK_ASCII) || n > 2)
    return 0;
  for (size_t i = 0; i < n; i++)
    if (w[i] < 'a' || w[i] > 'z')
      return 0;
  if (n == 2 && (is_vowel(w[0]) || is_vowel(w[1])))
    return 0;
  return !is_stopword(doc, w, n);
}

/* Facts about a new word form: lists it is on, and its stem (interned). */
static recap_status new_term(recap_document *doc, const char *w, size_t n,
                             const rc_tok *tok, rc_term *info) {
  const rc_lang *lang = doc->lang;
  rc_tok_kind kind = tok->kind;
  info->flags = is_cutoff(doc, w, n, tok) ? RC_TERM_CUTOFF : 0;
  if (kind == RC_TOK_NUMBER || kind == RC_TOK_URL || kind == RC_TOK_EMAIL)
    info->flags |= RC_TERM_NOPHRASE;
  if (kind == RC_TOK_CJK)
    info->flags |= RC_TERM_CJK;
  if (is_stopword(doc, w, n))
    info->flags |= RC_TERM_STOP;
  /* Titles (Mr, Dr, Prof) are never key phrases or content. */
  long ab = rc_wordlist_find(&lang->abbrevs, w, n);
  if (ab >= 0 && lang->abbrev_kinds[ab] == RC_ABBR_ALWAYS)
    info->flags |= RC_TERM_NOPHRASE;
  if (rc_wordlist_find(&lang->fillers, w, n) >= 0)
    info->flags |= RC_TERM_FILLER;
  if (rc_wordlist_find(&lang->backchannels, w, n) >= 0)
    info->flags |= RC_TERM_BACKCH;
  if (lang->verbs && rc_wordlist_find(lang->verbs, w, n) >= 0)
    info->flags |= RC_TERM_VERBAL;
  if (lang->adverbs && rc_wordlist_find(lang->adverbs, w, n) >= 0)
    info->flags |= RC_TERM_ADVERB;
  const char *stem = w;
  size_t stem_len = n;
  if (kind == RC_TOK_WORD)
    RC_TRY(rc_stem(&doc->stemmer, w, n, &stem, &stem_len));
  /* Room for the record first, so the table and records stay in step. */
  recap_status st;
  RC_RESERVE(st, doc->alloc, doc->stem_info, doc->stem_info.len + 1);
  if (st != RECAP_OK)
    return st;
  int added;
  RC_TRY(rc_strtab_intern(&doc->stems, stem, stem_len, &info->stem, &added));
  if (added)
    memset(&doc->stem_info.data[doc->stem_info.len++], 0, sizeof(rc_steminfo));
  return RECAP_OK;
}

/* The matching key of a token: ASCII folded into small[] (64 bytes), the
   rest through utf8proc into norm's buffer. */
static recap_status token_key(rc_norm *norm, const char *text,
                              const rc_tok *tok, char *small, const char **key,
                              size_t *keylen) {
  const char *w = text + tok->off;
  size_t n = tok->len;
  if ((tok->flags & RC_TOK_ASCII) && n <= 64) {
    for (size_t i = 0; i < n; i++) {
      char c = w[i];
      small[i] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
    }
    *key = small;
    *keylen = n;
    return RECAP_OK;
  }
  return rc_fold(norm, w, n, key, keylen);
}

recap_status rc_term_of(recap_document *doc, const char *text,
                        const rc_tok *tok, uint32_t *term) {
  char small[64];
  const char *key;
  size_t keylen;
  RC_TRY(token_key(&doc->norm, text, tok, small, &key, &keylen));
  *term = rc_strtab_find(&doc->terms, key, keylen);
  if (*term != RC_NO_ID)
    return RECAP_OK;
  recap_status st;
  RC_RESERVE(st, doc->alloc, doc->term_info, doc->term_info.len + 1);
  if (st != RECAP_OK)
    return st;
  rc_term info;
  /* key may point into doc->norm: nothing below folds again. */
  RC_TRY(new_term(doc, key, keylen, tok, &info));
  RC_TRY(rc_strtab_intern(&doc->terms, key, keylen, term, NULL));
  doc->term_info.data[doc->term_info.len++] = info;
  return RECAP_OK;
}

recap_status rc_term_find(const recap_document *doc, rc_norm *norm,
                          const char *text, const rc_tok *tok,
                          uint32_t *term) {
  char small[64];
  const char *key;
  size_t keylen;
  RC_TRY(token_key(norm, text, tok, small, &key, &keylen));
  *term = rc_strtab_find(&doc->terms, key, keylen);
  return RECAP_OK;
}

/* ---- the pass ---------------------------------------------------------------- */

static recap_status grow_marks(pass *p) {
  size_t n = p->doc->stem_info.len;
  recap_status st;
  RC_RESERVE(st, p->doc->alloc, p->mark, n);
  if (st != RECAP_OK)
    return st;
  RC_RESERVE(st, p->doc->alloc, p->slot, n);
  if (st != RECAP_OK)
    return st;
  while (p->mark.len < n) {
    p->mark.data[p->mark.len++] = 0;
    p->slot.data[p->slot.len++] = 0;
  }
  return RECAP_OK;
}

/* Counts one content occurrence of stem in sentence si. */
static recap_status count_stem(pass *p, uint32_t si, uint32_t stem) {
  recap_document *doc = p->doc;
  RC_TRY(grow_marks(p));
  rc_steminfo *s = &doc->stem_info.data[stem];
  s->tf++;
  s->position += (float)(1.0 / (1.0 + (double)doc->content_tokens++));
  if (p->mark.data[stem] == si + 1) {
    doc->sent_terms.data[p->slot.data[stem]].tf++;
    return RECAP_OK;
  }
  p->mark.data[stem] = si + 1;
  if (s->df++ == 0)
    s->first = si;
  s->last = si;
  recap_status st;
  rc_tf tf = {stem, 1};
  p->slot.data[stem] = (uint32_t)doc->sent_terms.len;
  RC_PUSH(st, doc->alloc, doc->sent_terms, tf);
  return st;
}

static int ends_with_question(const recap_document *doc, const rc_span *sp) {
  const char *t = doc->src.text + sp->off;
  size_t n = sp->len;
  while (n && strchr("\"')]", t[n - 1]))
    n--;
  return n && (t[n - 1] == '?' ||
               (n >= 3 && memcmp(t + n - 3, "\xEF\xBC\x9F", 3) == 0));
}

static recap_status sentence(pass *p, uint32_t si, const rc_span *sp) {
  recap_document *doc = p->doc;
  rc_sent s;
  memset(&s, 0, sizeof s);
  s.off = sp->off;
  s.len = sp->len;
  s.cue_first = sp->cue_first;
  s.cue_last = sp->cue_last;
  s.terms = doc->sent_terms.len;
  rc_tokenizer tz;
  rc_tok tok;
  rc_tokenizer_init(&tz, doc->src.text, sp->off, sp->off + sp->len, doc->lang);
  uint32_t prev_term = RC_NO_ID;
  size_t only_backchannel = 1, stop_or_filler = 1;
  rc_kp_sentence_begin(&p->kp, si);
  while (rc_tokenizer_next(&tz, &tok)) {
    uint32_t term;
    RC_TRY(rc_term_of(doc, doc->src.text, &tok, &term));
    rc_term info = doc->term_info.data[term];
    s.words++;
    int repeat = term == prev_term && !(tok.flags & RC_TOK_GAP) &&
                 !(info.flags & RC_TERM_CJK);
    prev_term = term;
    if (!(info.flags & (RC_TERM_FILLER | RC_TERM_BACKCH)))
      only_backchannel = 0;
    if (!(info.flags & (RC_TERM_FILLER | RC_TERM_BACKCH | RC_TERM_STOP)))
      stop_or_filler = 0;
    int content = !repeat && !(info.flags & (RC_TERM_STOP | RC_TERM_FILLER |
                                             RC_TERM_NOPHRASE | RC_TERM_CUTOFF));
    if (content) {
      s.content++;
      RC_TRY(count_stem(p, si, info.stem));
    }
    if (!repeat)
      RC_TRY(rc_kp_token(&p->kp, &tok, term, &info, content));
  }
  RC_TRY(rc_kp_sentence_end(&p->kp));
  if (s.words == 0)
    return RECAP_OK; /* punctuation only: not a sentence */
  doc->word_count += s.words;
  s.nterms = (uint32_t)(doc->sent_terms.len - s.terms);
  if (s.words && (only_backchannel || (stop_or_filler && s.words <= 6)))
    s.flags |= RC_SENT_BACKCHANNEL;
  if (s.content < 2)
    s.flags |= RC_SENT_FRAGMENT;
  if (ends_with_question(doc, sp))
    s.flags |= RC_SENT_QUESTION;
  recap_status st;
  RC_PUSH(st, doc->alloc, doc->sents, s);
  return st;
}

recap_status rc_terms_build(recap_document *doc) {
  pass p;
  memset(&p, 0, sizeof p);
  p.doc = doc;
  rc_kp_collector_init(&p.kp, doc);
  recap_status st = RECAP_OK;
  if (doc->spans.len >= UINT32_MAX)
    return RECAP_ERR_TOO_LARGE;
  RC_RESERVE(st, doc->alloc, doc->sents, doc->spans.len);
  /* A span without words is dropped, so a sentence's index is the number
     of sentences kept before it. */
  for (size_t i = 0; st == RECAP_OK && i < doc->spans.len; i++)
    st = sentence(&p, (uint32_t)doc->sents.len, &doc->spans.data[i]);
  RC_VEC_FREE(doc->alloc, p.mark);
  RC_VEC_FREE(doc->alloc, p.slot);
  rc_kp_collector_free(&p.kp);
  return st;
}
