/*
 * terms.c - the vocabulary pass (see terms.h).
 *
 * Immediate repeats ("the the", "I I think") are stutters: the repeated
 * token counts as a word but not as content, so disfluent speech does not
 * inflate term frequencies.  Fillers never count as content.
 */
#include "terms.h"

#include <stdlib.h>
#include <string.h>

#include "bilingual.h"
#include "candidates.h"

typedef struct pass {
  recap_document *doc;
  RC_VEC(uint32_t) mark; /* per stem: sentence index + 1 where last seen */
  RC_VEC(uint32_t) slot; /* per stem: its rc_tf in the current sentence */
  rc_kp_collector kp;
  int phrases; /* collect key phrase candidates (rc_doc_wants_phrases) */
  /* per term: its word of the listed phrases (listed.h), found once:
     LISTED_UNKNOWN, LISTED_NONE, LISTED_SPACED or the word's id +
     LISTED_FIRST */
  RC_VEC(uint32_t) listed_word;
} pass;

enum { LISTED_UNKNOWN, LISTED_NONE, LISTED_SPACED, LISTED_FIRST };

/* ---- term lookup --------------------------------------------------------- */

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

/* Is w a stopword, given whether the language's list has it (listed)? */
static int stopword_given(const recap_document *doc, const char *w, size_t n,
                          rc_tok_kind kind, int listed) {
  const recap_context *ctx = doc->ctx;
  size_t li = rc_lang_index(doc->lang);
  if (user_list_has(&ctx->stop_removed, li, w, n))
    return 0;
  if (listed || user_list_has(&ctx->stop_added, li, w, n))
    return 1;
  /* The English possessive of a stopword is one ("one's", "everyone's";
     keys have ASCII apostrophes). */
  if (n > 2 && w[n - 2] == '\'' && w[n - 1] == 's' &&
      strcmp(doc->lang->code, "en") == 0 &&
      rc_wordlist_find(&doc->lang->stopwords, w, n - 2) >= 0)
    return 1;
  /* Text without spaces often quotes words of other languages ("ROUGE
     指标 is the metric"); they are judged by every language's list. */
  if ((doc->lang->flags & RC_LANG_NOSPACE) && kind != RC_TOK_CJK)
    return rc_wordlist_find(&rc_stopword_any, w, n) >= 0;
  /* The language-neutral mode has the stopwords it learnt from the text. */
  return doc->learned_stops.count &&
         rc_strtab_find(&doc->learned_stops, w, n) != RC_NO_ID;
}

static int is_stopword(const recap_document *doc, const char *w, size_t n,
                       rc_tok_kind kind) {
  return stopword_given(doc, w, n, kind,
                        rc_wordlist_find(&doc->lang->stopwords, w, n) >= 0);
}

static int is_vowel(char c) { return c && strchr("aeiouy", c) != NULL; }

/* Speech transcripts keep words cut off mid-way ("the w the will", "h
   technology").  A lower-case ASCII token of one letter that is not a
   word of the language, or of two letters without a vowel, is shaped like
   one; it is one unless written with a capital ("Plan B", "F eight"),
   which the caller checks on the token. */
static int cutoff_shaped(const recap_document *doc, const char *w, size_t n,
                         rc_tok_kind kind) {
  /* Without a stopword list nothing tells "a" from a cut-off "w". */
  if (doc->lang->stopwords.count == 0 || kind != RC_TOK_WORD || n > 2)
    return 0;
  for (size_t i = 0; i < n; i++)
    if (w[i] < 'a' || w[i] > 'z')
      return 0;
  if (n == 2 && (is_vowel(w[0]) || is_vowel(w[1])))
    return 0;
  return !is_stopword(doc, w, n, kind);
}

/* What the lists say of a word, its stem (into *stem, valid until the
   next stemming) and the stem's background frequency. */
static recap_status word_facts(recap_document *doc, const char *w, size_t n,
                               rc_tok_kind kind, int ascii, uint32_t *flags,
                               const char **stem, size_t *stem_len,
                               float *bg_df) {
  const rc_lang *lang = doc->lang;
  uint32_t f = ascii && cutoff_shaped(doc, w, n, kind) ? RC_TERM_CUTOFF : 0;
  if (kind == RC_TOK_NUMBER || kind == RC_TOK_URL || kind == RC_TOK_EMAIL)
    f |= RC_TERM_NOPHRASE;
  if (kind == RC_TOK_CJK)
    f |= RC_TERM_CJK;
  /* Links and joiners are all on the stopword list, and nonfinal words on
     the modifiers (test_lang checks both): a word off the larger list is
     not looked up in the smaller.  (Not so fillers: Chinese has some that
     are no stopwords.) */
  int listed_stop = rc_wordlist_find(&lang->stopwords, w, n) >= 0;
  if (stopword_given(doc, w, n, kind, listed_stop))
    f |= RC_TERM_STOP;
  /* Titles (Mr, Dr, Prof) are never key phrases or content. */
  long ab = rc_wordlist_find(&lang->abbrevs, w, n);
  if (ab >= 0 && lang->abbrev_kinds[ab] == RC_ABBR_ALWAYS)
    f |= RC_TERM_NOPHRASE;
  if (rc_wordlist_find(&lang->fillers, w, n) >= 0)
    f |= RC_TERM_FILLER;
  if (rc_wordlist_find(&lang->backchannels, w, n) >= 0)
    f |= RC_TERM_BACKCH;
  if (rc_wordlist_find(&lang->phrase_stops, w, n) >= 0)
    f |= RC_TERM_PHRASESTOP;
  if (rc_wordlist_find(&lang->inside_only, w, n) >= 0)
    f |= RC_TERM_INSIDE;
  if (listed_stop && rc_wordlist_find(&lang->links, w, n) >= 0)
    f |= RC_TERM_LINK;
  if (rc_wordlist_find(&lang->phrase_ends, w, n) >= 0)
    f |= RC_TERM_PHRASE_END;
  if (listed_stop && rc_wordlist_find(&lang->joiners, w, n) >= 0)
    f |= RC_TERM_JOIN;
  if ((lang->verbs && rc_wordlist_find(lang->verbs, w, n) >= 0) ||
      rc_lang_verb_form(lang, w, n))
    f |= RC_TERM_VERBAL;
  if (lang->adverbs && rc_wordlist_find(lang->adverbs, w, n) >= 0)
    f |= RC_TERM_ADVERB;
  if (lang->modifiers && rc_wordlist_find(lang->modifiers, w, n) >= 0)
    f |= RC_TERM_MODIFIER;
  if ((f & RC_TERM_MODIFIER) && lang->nonfinal &&
      (lang->flags & RC_LANG_HEADFINAL) &&
      rc_wordlist_find(lang->nonfinal, w, n) >= 0)
    f |= RC_TERM_NONFINAL;
  *flags = f;
  *stem = w;
  *stem_len = n;
  if (kind == RC_TOK_WORD)
    RC_TRY(rc_stem(&doc->stemmer, w, n, stem, stem_len));
  double docs;
  *bg_df = (float)rc_idf_background(&doc->ctx->idf, doc->lang, *stem, *stem_len,
                                    &docs);
  return RECAP_OK;
}

static void forget_facts(recap_document *doc) {
  rc_strtab_clear(&doc->facts);
  rc_strtab_clear(&doc->fact_stems);
  doc->fact_info.len = 0;
}

/* The facts of a word, from the document's memory or found now.  The
   language-neutral mode's stopwords are learnt per text, so its words are
   not remembered. */
static recap_status remembered_facts(recap_document *doc, const char *w,
                                     size_t n, rc_tok_kind kind, int ascii,
                                     uint32_t *flags, const char **stem,
                                     size_t *stem_len, float *bg_df) {
  if (doc->lang == &rc_lang_none || n > 200)
    return word_facts(doc, w, n, kind, ascii, flags, stem, stem_len, bg_df);
  if (doc->facts_generation != doc->ctx->generation ||
      doc->facts.count >= RC_FACTS_MAX) {
    forget_facts(doc);
    doc->facts_generation = doc->ctx->generation;
  }
  char key[256];
  key[0] = (char)(unsigned char)rc_lang_index(doc->lang);
  key[1] = (char)(kind | (ascii ? 0x10 : 0));
  memcpy(key + 2, w, n);
  uint32_t id = rc_strtab_find(&doc->facts, key, n + 2);
  if (id != RC_NO_ID) {
    const rc_wordfact *f = &doc->fact_info.data[id];
    *flags = f->flags;
    *bg_df = f->bg_df;
    *stem = rc_strtab_str(&doc->fact_stems, f->stem, stem_len);
    return RECAP_OK;
  }
  RC_TRY(word_facts(doc, w, n, kind, ascii, flags, stem, stem_len, bg_df));
  recap_status st;
  RC_RESERVE(st, doc->alloc, doc->fact_info, doc->fact_info.len + 1);
  if (st != RECAP_OK)
    return st;
  uint32_t sid;
  RC_TRY(rc_strtab_intern(&doc->fact_stems, *stem, *stem_len, &sid, NULL));
  RC_TRY(rc_strtab_intern(&doc->facts, key, n + 2, &id, NULL));
  rc_wordfact fact = {*flags, sid, *bg_df};
  doc->fact_info.data[doc->fact_info.len++] = fact;
  /* The stemmer's buffer may be reused: hand out the interned copy. */
  *stem = rc_strtab_str(&doc->fact_stems, sid, stem_len);
  return RECAP_OK;
}

/* Facts about a new word form: lists it is on, and its stem (interned). */
static recap_status new_term(recap_document *doc, const char *w, size_t n,
                             const rc_tok *tok, rc_term *info) {
  const char *stem;
  size_t stem_len;
  uint32_t flags;
  float bg_df;
  RC_TRY(remembered_facts(doc, w, n, tok->kind,
                          (tok->flags & RC_TOK_ASCII) != 0, &flags, &stem,
                          &stem_len, &bg_df));
  if (tok->flags & (RC_TOK_CAP | RC_TOK_ALLCAPS))
    flags &= ~(uint32_t)RC_TERM_CUTOFF; /* "Plan B" */
  /* A token that folds to nothing (the Hangul filler U+FFA0, a letter
     that NFKC and case folding drop) is no word: it would be a term with an
     empty key, which no IDF table can hold (found by fuzz_tables). */
  if (n == 0)
    flags |= RC_TERM_STOP | RC_TERM_NOPHRASE;
  info->flags = flags;
  /* Room for the record first, so the table and records stay in step. */
  recap_status st;
  RC_RESERVE(st, doc->alloc, doc->stem_info, doc->stem_info.len + 1);
  if (st != RECAP_OK)
    return st;
  int added;
  RC_TRY(rc_strtab_intern(&doc->stems, stem, stem_len, &info->stem, &added));
  if (added) {
    rc_steminfo *si = &doc->stem_info.data[doc->stem_info.len++];
    memset(si, 0, sizeof *si);
    si->bg_df = bg_df;
  }
  return RECAP_OK;
}

/* The matching key of a token: ASCII folded into small[] (64 bytes), the
   rest through utf8proc into norm's buffer. */
/* An ASCII word with curly apostrophes ("I’m", "China’s", as most
   exported transcripts write them) folds without utf8proc: lower case,
   ’ ‘ ʼ as '.  Returns 0 if w has anything else non-ASCII. */
static int fold_ascii_apostrophes(const char *w, size_t n, char *out,
                                  size_t *outlen) {
  size_t k = 0;
  for (size_t i = 0; i < n;) {
    unsigned char c = (unsigned char)w[i];
    if (c < 0x80) {
      out[k++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
      i++;
    } else if (i + 2 < n && c == 0xE2 && (unsigned char)w[i + 1] == 0x80 &&
               ((unsigned char)w[i + 2] == 0x99 ||
                (unsigned char)w[i + 2] == 0x98)) {
      out[k++] = '\'';
      i += 3;
    } else if (i + 1 < n && c == 0xCA && (unsigned char)w[i + 1] == 0xBC) {
      out[k++] = '\'';
      i += 2;
    } else {
      return 0;
    }
  }
  *outlen = k;
  return 1;
}

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
  if (n <= 64 && fold_ascii_apostrophes(w, n, small, keylen)) {
    *key = small;
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
                          const char *text, const rc_tok *tok, uint32_t *term) {
  char small[64];
  const char *key;
  size_t keylen;
  RC_TRY(token_key(norm, text, tok, small, &key, &keylen));
  *term = rc_strtab_find(&doc->terms, key, keylen);
  return RECAP_OK;
}

/* ---- units --------------------------------------------------------------- */

void rc_units_init(rc_units *u, recap_document *doc, size_t b, size_t e) {
  u->doc = doc;
  rc_tokenizer_init(&u->tz, doc->src.text, b, e, doc->lang);
  u->prev_term = RC_NO_ID;
  u->have_cjk = 0;
  u->cjk_flags = 0;
  u->cjk_stop_pair = 0;
}

static int is_noncontent(const rc_term *info) {
  return (info->flags & (RC_TERM_STOP | RC_TERM_FILLER | RC_TERM_NOPHRASE |
                         RC_TERM_CUTOFF)) != 0;
}

/* A character of a run without spaces: with the one before it, a bigram. */
static recap_status cjk_unit(rc_units *u, const rc_tok *tok, uint32_t term,
                             rc_unit *out) {
  recap_document *doc = u->doc;
  const rc_term *info = &doc->term_info.data[term];
  int adjacent = u->have_cjk && u->cjk.off + u->cjk.len == tok->off;
  unsigned prev_flags = u->cjk_flags;
  rc_tok first = u->cjk;
  u->cjk = *tok;
  u->cjk_flags = info->flags;
  u->have_cjk = 1;
  u->prev_term = RC_NO_ID;
  out->repeat = 0;
  if (!adjacent) { /* a run starts: nothing to pair with yet */
    u->cjk_stop_pair = 0;
    out->tok = *tok;
    out->term = term;
    out->info = *info;
    out->content = 0;
    return RECAP_OK;
  }
  rc_tok bigram = first;
  bigram.len = tok->off + tok->len - first.off;
  RC_TRY(rc_term_of(doc, doc->src.text, &bigram, &out->term));
  out->tok = bigram;
  out->info = doc->term_info.data[out->term];
  /* A bigram with a stopword character in it ("的", "は") is no term.
     (u->cjk_flags, not info->flags: interning the bigram may have moved
     term_info, leaving info dangling; found by fuzz_text.) */
  /* Nor is one that starts inside a stopword written as a pair: after
     "这个" (this), "个例" straddles two words. */
  int straddles = u->cjk_stop_pair;
  u->cjk_stop_pair = (out->info.flags & RC_TERM_STOP) != 0;
  out->content = !(prev_flags & RC_TERM_STOP) &&
                 !(u->cjk_flags & RC_TERM_STOP) && !straddles &&
                 !is_noncontent(&out->info);
  return RECAP_OK;
}

recap_status rc_units_next(rc_units *u, rc_unit *out, int *more) {
  rc_tok tok;
  *more = rc_tokenizer_next(&u->tz, &tok);
  if (!*more)
    return RECAP_OK;
  uint32_t term;
  RC_TRY(rc_term_of(u->doc, u->doc->src.text, &tok, &term));
  if (tok.kind == RC_TOK_CJK)
    return cjk_unit(u, &tok, term, out);
  u->have_cjk = 0;
  out->tok = tok;
  out->term = term;
  out->info = u->doc->term_info.data[term];
  out->repeat = term == u->prev_term && !(tok.flags & RC_TOK_GAP);
  out->content = !out->repeat && !is_noncontent(&out->info);
  u->prev_term = term;
  return RECAP_OK;
}

recap_status rc_units_feed(rc_kp_collector *c, size_t b, size_t e) {
  rc_units units;
  rc_unit u;
  int more;
  rc_units_init(&units, c->doc, b, e);
  while (!(c->replay && c->replayed)) { /* re-reading stops when done */
    RC_TRY(rc_units_next(&units, &u, &more));
    if (!more)
      return RECAP_OK;
    if (!u.repeat)
      RC_TRY(rc_kp_token(c, &u.tok, u.term, &u.info, u.content));
  }
  return RECAP_OK;
}

/* ---- the pass ------------------------------------------------------------ */

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

/* Does the sentence end cut off (RC_SENT_DANGLING)?  In a comma, colon,
   semicolon or dash; or, without a final stop, in a word that links to
   what follows ("and", "the", "of") or one broken off ("th").  A turn
   the speaker left, or a caption cut, reads as a fragment in a
   summary. */
static int ends_dangling(const recap_document *doc, const rc_span *sp,
                         const rc_unit *last) {
  const char *t = doc->src.text + sp->off;
  size_t n = sp->len;
  while (n && (t[n - 1] == ' ' || t[n - 1] == '\n'))
    n--;
  if (n == 0)
    return 0;
  if (strchr(",;:-", t[n - 1]))
    return 1;
  size_t end = last->tok.off + last->tok.len;
  return end == sp->off + n &&
         (last->info.flags & (RC_TERM_LINK | RC_TERM_CUTOFF)) != 0;
}

/* The words of a sentence so far, the last RC_LISTED_WORDS of them, for
   the listed phrases (lang.h) that end at a word. */
typedef struct recent {
  uint32_t term[RC_LISTED_WORDS];
  size_t n; /* words seen, of which the last RC_LISTED_WORDS are kept */
} recent;

/* Does a phrase of `list` end with the words just seen?  Phrases are
   their words joined by one space.  By the strings: only for a window
   holding a term with a space or NUL in it (NFKC writes some ligatures
   as several words), which word ids cannot match. */
static int phrase_ends_here(const recap_document *doc, const recent *r,
                            const rc_wordlist *list) {
  char key[256];
  size_t len = 0;
  size_t most = r->n < RC_LISTED_WORDS ? r->n : RC_LISTED_WORDS;
  /* The key grows leftwards: the last word, then the two last, ... */
  for (size_t k = 1; k <= most; k++) {
    size_t wl;
    const char *w =
        rc_strtab_str(&doc->terms, r->term[(r->n - k) % RC_LISTED_WORDS], &wl);
    if (len + wl + 1 > sizeof key)
      return 0;
    memmove(key + wl + (len ? 1 : 0), key, len);
    memcpy(key, w, wl);
    if (len)
      key[wl] = ' ';
    len += wl + (len ? 1 : 0);
    if (rc_wordlist_find(list, key, len) >= 0)
      return 1;
  }
  return 0;
}

/* The listed-phrase word of a term (LISTED_*), looked up once per term. */
static recap_status listed_word(pass *p, uint32_t term, uint32_t *word) {
  recap_document *doc = p->doc;
  if (term >= p->listed_word.len) {
    recap_status st;
    RC_RESERVE(st, doc->alloc, p->listed_word, doc->term_info.len);
    if (st != RECAP_OK)
      return st;
    while (p->listed_word.len < doc->term_info.len)
      p->listed_word.data[p->listed_word.len++] = LISTED_UNKNOWN;
  }
  uint32_t *w = &p->listed_word.data[term];
  if (*w == LISTED_UNKNOWN) {
    size_t n;
    const char *s = rc_strtab_str(&doc->terms, term, &n);
    uint32_t id = rc_listed_word(&doc->listed, s, n);
    if (memchr(s, ' ', n) || memchr(s, '\0', n))
      *w = LISTED_SPACED;
    else
      *w = id == RC_NO_ID ? LISTED_NONE : id + LISTED_FIRST;
  }
  *word = *w;
  return RECAP_OK;
}

/* The lists (RC_LISTED_*) with a phrase that ends with the words just
   seen.  The key grows leftwards, the last word first; a word on no
   phrase ends the search, as no longer phrase can hold it. */
static recap_status listed_ending_here(pass *p, const recent *r,
                                       unsigned *kinds) {
  const recap_document *doc = p->doc;
  uint16_t ids[RC_LISTED_WORDS];
  size_t most = r->n < RC_LISTED_WORDS ? r->n : RC_LISTED_WORDS;
  *kinds = 0;
  for (size_t k = 1; k <= most; k++) {
    uint32_t w;
    RC_TRY(listed_word(p, r->term[(r->n - k) % RC_LISTED_WORDS], &w));
    if (w == LISTED_SPACED) {
      *kinds =
          (phrase_ends_here(doc, r, &doc->lang->housekeeping)
               ? RC_LISTED_HOUSEKEEPING
               : 0u) |
          (phrase_ends_here(doc, r, &doc->lang->gist) ? RC_LISTED_GIST : 0u);
      return RECAP_OK;
    }
    if (w == LISTED_NONE)
      break;
    ids[k - 1] = (uint16_t)(w - LISTED_FIRST);
    *kinds |= rc_listed_kinds(&doc->listed, ids, k);
  }
  return RECAP_OK;
}

/* In a bilingual caption (bilingual.c), is the sentence in the stream
   whose script is not the document language's?  Such sentences are set
   aside: the document is analysed in one language, and --lang picks the
   other. */
static int other_language(const recap_document *doc, const rc_span *sp) {
  return rc_source_other_language(&doc->src, sp->off, doc->lang);
}

static recap_status sentence(pass *p, uint32_t si, const rc_span *sp) {
  recap_document *doc = p->doc;
  rc_sent s;
  memset(&s, 0, sizeof s);
  /* Words, stems and cues are at most one a byte: the length bounds them
     all (the segmenter keeps it far below). */
  if (sp->len > RC_SENT_MAX_LEN || doc->sent_terms.len >= UINT32_MAX)
    return RECAP_ERR_TOO_LARGE;
  rc_sent_set_off(&s, sp->off);
  s.len = (uint16_t)sp->len;
  s.cue_first = sp->cue_first;
  s.cues = (uint16_t)(sp->cue_last - sp->cue_first);
  s.terms = (uint32_t)doc->sent_terms.len;
  rc_units units;
  rc_unit u;
  int more;
  rc_units_init(&units, doc, sp->off, sp->off + sp->len);
  size_t only_backchannel = 1, stop_or_filler = 1;
  if (p->phrases)
    RC_TRY(rc_kp_sentence_begin(&p->kp, si, sp->cue_first, sp->off,
                                sp->off + sp->len));
  rc_tok_kind prev_kind = RC_TOK_WORD;
  rc_unit last;
  memset(&last, 0, sizeof last);
  recent words = {{0}, 0};
  for (;;) {
    RC_TRY(rc_units_next(&units, &u, &more));
    if (!more)
      break;
    last = u;
    if (!(u.info.flags & RC_TERM_FILLER) && !(u.info.flags & RC_TERM_CJK)) {
      words.term[words.n++ % RC_LISTED_WORDS] = u.term;
      unsigned kinds = 0;
      if (u.info.flags & RC_TERM_PHRASE_END)
        RC_TRY(listed_ending_here(p, &words, &kinds));
      if (kinds & RC_LISTED_HOUSEKEEPING)
        s.flags |= RC_SENT_HOUSEKEEPING;
      if (kinds & RC_LISTED_GIST)
        s.flags |= RC_SENT_GIST;
    }
    s.words += rc_tok_new_word(&u.tok, prev_kind, s.words == 0);
    prev_kind = u.tok.kind;
    if (!(u.info.flags & (RC_TERM_FILLER | RC_TERM_BACKCH)))
      only_backchannel = 0;
    if (!(u.info.flags & (RC_TERM_FILLER | RC_TERM_BACKCH | RC_TERM_STOP)))
      stop_or_filler = 0;
    if (u.content) {
      s.content++;
      RC_TRY(count_stem(p, si, u.info.stem));
    }
    if (p->phrases && !u.repeat)
      RC_TRY(rc_kp_token(&p->kp, &u.tok, u.term, &u.info, u.content));
  }
  if (p->phrases)
    RC_TRY(rc_kp_sentence_end(&p->kp));
  if (s.words == 0)
    return RECAP_OK; /* punctuation only: not a sentence */
  doc->word_count += s.words;
  s.nterms = (uint16_t)(doc->sent_terms.len - s.terms);
  if (s.words && (only_backchannel || (stop_or_filler && s.words <= 6)))
    s.flags |= RC_SENT_BACKCHANNEL;
  if (s.content < 2)
    s.flags |= RC_SENT_FRAGMENT;
  if (ends_with_question(doc, sp))
    s.flags |= RC_SENT_QUESTION;
  if (ends_dangling(doc, sp, &last))
    s.flags |= RC_SENT_DANGLING;
  recap_status st;
  RC_PUSH(st, doc->alloc, doc->sents, s);
  return st;
}

typedef struct learned {
  uint32_t id;
  uint32_t count;
} learned;

static int by_count(const void *x, const void *y) {
  const learned *a = x, *b = y;
  if (a->count != b->count)
    return a->count > b->count ? -1 : 1;
  return (a->id > b->id) - (a->id < b->id);
}

/* Counts the folded words of the first RC_LEARNED_SAMPLE tokens into t. */
static recap_status sample_words(recap_document *doc, rc_strtab *t,
                                 uint32_t **counts, size_t *cap,
                                 size_t *total) {
  *total = 0;
  for (size_t i = 0; i < doc->spans.len && *total < RC_LEARNED_SAMPLE; i++) {
    const rc_span *sp = &doc->spans.data[i];
    rc_tokenizer tz;
    rc_tok tok;
    rc_tokenizer_init(&tz, doc->src.text, sp->off, sp->off + sp->len,
                      doc->lang);
    while (*total < RC_LEARNED_SAMPLE && rc_tokenizer_next(&tz, &tok)) {
      if (tok.kind != RC_TOK_WORD)
        continue;
      char small[64];
      const char *key;
      size_t len;
      uint32_t id;
      int added;
      RC_TRY(token_key(&doc->norm, doc->src.text, &tok, small, &key, &len));
      void *p = *counts;
      RC_TRY(rc_reserve(doc->alloc, &p, cap, t->count + 1, sizeof **counts));
      *counts = p;
      RC_TRY(rc_strtab_intern(t, key, len, &id, &added));
      if (added)
        (*counts)[id] = 0;
      (*counts)[id]++;
      (*total)++;
    }
  }
  return RECAP_OK;
}

static recap_status learn_stopwords(recap_document *doc) {
  rc_strtab t;
  rc_strtab_init(&t, doc->alloc);
  uint32_t *counts = NULL;
  size_t cap = 0, total;
  learned *order = NULL;
  recap_status st = sample_words(doc, &t, &counts, &cap, &total);
  size_t n = total >= RC_LEARNED_MIN ? t.count : 0;
  if (st == RECAP_OK && n) {
    order = rc_calloc(doc->alloc, n, sizeof *order);
    if (!order)
      st = RECAP_ERR_NOMEM;
  }
  if (st == RECAP_OK && n) {
    for (size_t i = 0; i < n; i++) {
      order[i].id = (uint32_t)i;
      order[i].count = counts[i];
    }
    qsort(order, n, sizeof *order, by_count);
    double least = (double)total * RC_LEARNED_SHARE;
    for (size_t i = 0; st == RECAP_OK && i < n && i < RC_LEARNED_MAX &&
                       order[i].count >= 2 && order[i].count >= least;
         i++) {
      size_t len;
      const char *w = rc_strtab_str(&t, order[i].id, &len);
      uint32_t id;
      st = rc_strtab_intern(&doc->learned_stops, w, len, &id, NULL);
    }
  }
  rc_free(doc->alloc, order);
  rc_free(doc->alloc, counts);
  rc_strtab_free(&t);
  return st;
}

/* Sentences with fewer than RC_MIN_SUMMARY_CONTENT content words ("I
   think it's a good idea.") become fragments, unless that would leave
   fewer than RC_MIN_SUMMARY_CHOICE sentences to choose from: then the bar
   is as high as leaves that many. */
static void mark_thin(recap_document *doc) {
  size_t at_least[RC_MIN_SUMMARY_CONTENT + 1] = {0};
  for (size_t i = 0; i < doc->sents.len; i++) {
    const rc_sent *s = &doc->sents.data[i];
    if (!rc_sent_eligible(s))
      continue;
    uint32_t c = s->content < RC_MIN_SUMMARY_CONTENT ? s->content
                                                     : RC_MIN_SUMMARY_CONTENT;
    for (uint32_t k = 0; k <= c; k++)
      at_least[k]++;
  }
  size_t want =
      at_least[0] < RC_MIN_SUMMARY_CHOICE ? at_least[0] : RC_MIN_SUMMARY_CHOICE;
  if (want == 0)
    return; /* nothing can stand alone anyway */
  uint32_t bar = RC_MIN_SUMMARY_CONTENT;
  while (bar > 0 && at_least[bar] < want)
    bar--;
  for (size_t i = 0; i < doc->sents.len; i++)
    if (doc->sents.data[i].content < bar)
      doc->sents.data[i].flags |= RC_SENT_FRAGMENT;
}

/* The folded words of the speakers' names, in doc->speaker_words: key
   phrases leave them out where they are written as names (keyphrase.c),
   as a name says who speaks, not what about ("Tom", "Dana Whitfield" in a
   webinar where they introduce each other). */
static recap_status collect_speaker_words(recap_document *doc) {
  for (uint32_t i = 0; i < doc->src.speakers.count; i++) {
    size_t n;
    const char *name = rc_strtab_str(&doc->src.speakers, i, &n);
    rc_tokenizer tz;
    rc_tok tok;
    rc_tokenizer_init(&tz, name, 0, n, doc->lang);
    while (rc_tokenizer_next(&tz, &tok)) {
      char small[64];
      const char *key;
      size_t len;
      uint32_t id;
      if (tok.kind != RC_TOK_WORD)
        continue;
      RC_TRY(token_key(&doc->norm, name, &tok, small, &key, &len));
      RC_TRY(rc_strtab_intern(&doc->speaker_words, key, len, &id, NULL));
    }
  }
  return RECAP_OK;
}

/* The sentence records made from the segmenter's spans, so that the spans
   can go before the token pass, whose key phrase candidates make the
   peak of the analysis.  Until the pass fills record i it holds span i:
   off, cue_first, cues, and the length (clamped) in `terms`. */
static void records_from_spans(recap_document *doc) {
  for (size_t i = 0; i < doc->spans.len; i++) {
    const rc_span *sp = &doc->spans.data[i];
    rc_sent *r = &doc->sents.data[i];
    memset(r, 0, sizeof *r);
    rc_sent_set_off(r, sp->off);
    r->terms = sp->len < UINT32_MAX ? (uint32_t)sp->len : UINT32_MAX;
    r->cue_first = sp->cue_first;
    r->cues = (uint16_t)(sp->cue_last - sp->cue_first);
  }
}

/* The span that record r holds before the pass fills it. */
static rc_span span_of_record(const rc_sent *r) {
  rc_span sp = {rc_sent_off(r), r->terms, r->cue_first, r->cue_first + r->cues};
  return sp;
}

recap_status rc_terms_begin(recap_document *doc) {
  /* Sentence records hold 40-bit content offsets (doc.h). */
  if (doc->spans.len >= UINT32_MAX || doc->src.len >= RC_SENT_OFF_LIMIT)
    return RECAP_ERR_TOO_LARGE;
  if (doc->lang == &rc_lang_none)
    RC_TRY(learn_stopwords(doc));
  recap_status st;
  RC_RESERVE(st, doc->alloc, doc->sents, doc->spans.len);
  if (st != RECAP_OK)
    return st;
  records_from_spans(doc);
  doc->sents.len = 0;
  doc->span_count = doc->spans.len;
  doc->spans.len = 0;
  return RECAP_OK;
}

recap_status rc_terms_build(recap_document *doc) {
  RC_TRY(collect_speaker_words(doc));
  pass p;
  memset(&p, 0, sizeof p);
  p.doc = doc;
  rc_kp_collector_init(&p.kp, doc);
  p.phrases = rc_doc_wants_phrases(doc);
  p.kp.feed = rc_units_feed;
  recap_status st = RECAP_OK;
  RC_TRY(rc_listed_build(&doc->listed, doc->lang));
  /* A span without words is dropped, so a sentence's index is the number
     of sentences kept before it: record sents.len, written by sentence(),
     is never past record i, read before. */
  size_t n = doc->span_count;
  for (size_t i = 0; st == RECAP_OK && i < n; i++) {
    if (i % 4096 == 0) /* the costliest stage: progress from inside */
      rc_doc_progress(doc, i, n);
    rc_span sp = span_of_record(&doc->sents.data[i]);
    if (!other_language(doc, &sp))
      st = sentence(&p, (uint32_t)doc->sents.len, &sp);
  }
  if (st == RECAP_OK)
    mark_thin(doc);
  RC_VEC_FREE(doc->alloc, p.mark);
  RC_VEC_FREE(doc->alloc, p.slot);
  RC_VEC_FREE(doc->alloc, p.listed_word);
  rc_kp_collector_free(&p.kp);
  return st;
}
