/*
 * display.c - the display text of a sentence: the speaker's words as
 * shown in summaries, highlights and representative sentences.
 *
 * Fillers (um, uh) and cut-off words are dropped with the punctuation
 * that was theirs, a stutter ("the the") keeps one word, whitespace is
 * collapsed, a sentence that lost its first word to a filler gets a
 * capital, and the result is NFC.  With RECAP_OPT_VERBATIM only the
 * whitespace changes.
 */
#include "display.h"

#include <string.h>

#include "terms.h"
#include "tokenize.h"

static int is_space(char c) { return c == ' ' || c == '\n' || c == '\t'; }

/* Appends t[b, e) with runs of whitespace as one space. */
static void put_collapsed(rc_buf *out, const char *t, size_t b, size_t e) {
  for (size_t i = b; i < e; i++) {
    if (is_space(t[i])) {
      if (out->len && rc_buf_data(out)[out->len - 1] != ' ')
        rc_buf_putc(out, ' ');
      continue;
    }
    rc_buf_putc(out, t[i]);
  }
}

/* Drops the spaces and one comma or semicolon at the end of out (after
   `start`); returns whether there was such a mark. */
static int drop_trailing_comma(rc_buf *out, size_t start) {
  char *s = (char *)rc_buf_data(out);
  size_t n = out->len;
  while (n > start && s[n - 1] == ' ')
    n--;
  if (n > start && (s[n - 1] == ',' || s[n - 1] == ';')) {
    out->len = n - 1;
    return 1;
  }
  return 0;
}

/* Where the text resumes after a dropped word at [p, q), and what to
   write in its place, so that its punctuation goes with it:
     "so we, uh, bought" -> "so we bought"   (both commas were its own)
     "the buses, uh."    -> "the buses."
     "to the th."        -> "to the."                                     */
static size_t drop_word(rc_buf *out, size_t start, const char *t, size_t q,
                        size_t e) {
  size_t r = q;
  if (r < e && (t[r] == ',' || t[r] == ';')) {
    drop_trailing_comma(out, start);
    r++;
  } else if (r < e && strchr(".!?", t[r])) {
    drop_trailing_comma(out, start);
    while (out->len > start && rc_buf_data(out)[out->len - 1] == ' ')
      out->len--;
    return r;
  }
  while (r < e && is_space(t[r]))
    r++;
  if (out->len > start && rc_buf_data(out)[out->len - 1] != ' ')
    rc_buf_putc(out, ' ');
  return r;
}

static int starts_upper_ascii(const char *t, size_t p) {
  return t[p] >= 'A' && t[p] <= 'Z';
}

recap_status rc_display_range(const recap_document *doc, rc_norm *norm,
                            size_t b, size_t e, int verbatim, rc_buf *out) {
  const char *t = doc->src.text;
  size_t start = out->len;
  size_t pos = b;
  int dropped_first = 0, kept_any = 0;
  if (!verbatim) {
    rc_tokenizer tz;
    rc_tok tok;
    rc_tokenizer_init(&tz, t, b, e, doc->lang);
    uint32_t prev = RC_NO_ID;
    while (rc_tokenizer_next(&tz, &tok)) {
      uint32_t term;
      RC_TRY(rc_term_find(doc, norm, t, &tok, &term));
      unsigned flags = term == RC_NO_ID ? 0 : doc->term_info.data[term].flags;
      int stutter = term != RC_NO_ID && term == prev &&
                    !(tok.flags & RC_TOK_GAP) && !(flags & RC_TERM_CJK);
      if (!(flags & (RC_TERM_FILLER | RC_TERM_CUTOFF)) && !stutter) {
        kept_any = 1;
        prev = term; /* dropped words do not hide a stutter: "the w the" */
        continue;
      }
      if (!kept_any && (flags & RC_TERM_FILLER))
        dropped_first = dropped_first || starts_upper_ascii(t, tok.off);
      put_collapsed(out, t, pos, tok.off);
      pos = drop_word(out, start, t, tok.off + tok.len, e);
    }
  }
  put_collapsed(out, t, pos, e);
  if (out->failed)
    return RECAP_ERR_NOMEM;
  /* Trim what dropping left at the ends: spaces, a stray comma. */
  char *s = out->mem ? (char *)rc_buf_data(out) : NULL;
  size_t i = start;
  while (s && i < out->len && (s[i] == ' ' || s[i] == ',' || s[i] == ';'))
    i++;
  if (s && i > start) {
    memmove(s + start, s + i, out->len - i);
    out->len -= i - start;
  }
  while (s && out->len > start && s[out->len - 1] == ' ')
    out->len--;
  /* "Um, so we ..." reads "So we ...". */
  if (s && dropped_first && out->len > start && s[start] >= 'a' &&
      s[start] <= 'z')
    s[start] = (char)(s[start] - 32);
  return RECAP_OK;
}

static int is_ascii(const char *t, size_t n) {
  for (size_t i = 0; i < n; i++)
    if ((unsigned char)t[i] >= 0x80)
      return 0;
  return 1;
}

recap_status rc_display_sentence(const recap_document *doc, rc_norm *norm,
                                 size_t i, rc_buf *out) {
  const rc_sent *s = &doc->sents.data[i];
  rc_buf raw;
  rc_buf_init(&raw, doc->alloc);
  recap_status st = rc_display_range(doc, norm, s->off, s->off + s->len,
                                   doc->opt.flags & RECAP_OPT_VERBATIM, &raw);
  const char *t = rc_buf_data(&raw);
  size_t n = raw.len;
  if (st == RECAP_OK && !is_ascii(t, n))
    st = rc_nfc(norm, t, n, &t, &n);
  if (st == RECAP_OK) {
    rc_buf_clear(out);
    rc_buf_put(out, t, n);
    if (out->failed)
      st = RECAP_ERR_NOMEM;
  }
  rc_buf_free(&raw);
  return st;
}

/* Display text of sentence i into the arena (during the analysis). */
static recap_status sentence_text(recap_document *doc, size_t i,
                                  const char **text, size_t *len) {
  rc_buf b;
  rc_buf_init(&b, doc->alloc);
  recap_status st = rc_display_sentence(doc, &doc->norm, i, &b);
  if (st == RECAP_OK) {
    char *copy = rc_arena_strndup(&doc->arena, rc_buf_data(&b), b.len);
    if (!copy)
      st = RECAP_ERR_NOMEM;
    *text = copy;
    *len = b.len;
  }
  rc_buf_free(&b);
  return st;
}

recap_status rc_display_fill(recap_document *doc, size_t i,
                             recap_sentence *out) {
  rc_doc_sentence_fill(doc, i, out);
  RC_TRY(sentence_text(doc, i, &out->text, &out->text_length));
  out->words = rc_count_words(out->text, out->text_length, doc->lang);
  return RECAP_OK;
}
