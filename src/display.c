/*
 * display.c - the display text of a sentence: the speaker's words as
 * shown in summaries, highlights and representative sentences.
 *
 * The display text is the speaker's words with only these changes, so a
 * summary quotes every fact as it was said (units, file names, versions,
 * amounts, single letters):
 *   - fillers (um, uh: the language's filler list) are dropped;
 *   - false starts are dropped: a word broken off and begun again ("th
 *     the", "lo locally", "mak- making"), which is letters only, not a
 *     word of the language, and begins the next word;
 *   - a word or up to four words said twice in a row keep one copy ("how
 *     much how much money", "I I think");
 *   - whitespace is collapsed, and a sentence that lost its first word
 *     gets a capital.
 * What a dropped word took with it is its own punctuation only ("so we,
 * uh, bought" reads "so we bought").  The result is NFC.  With
 * RECAP_OPT_VERBATIM only the whitespace changes.
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
  if (r < e && t[r] == '-') /* a word broken off: "mak- making" */
    r++;
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

/* A token of the range with what display needs to know of it. */
typedef struct dtok {
  rc_tok tok;
  uint32_t term;  /* RC_NO_ID if the document does not have it */
  unsigned flags; /* RC_TERM_* */
  int drop;
} dtok;

typedef RC_VEC(dtok) dtok_vec;

/* The tokens display looks at when it decides what to leave out: those
   not dropped so far, as indexes into the range's tokens. */
typedef struct view {
  const recap_document *doc;
  const char *t;
  dtok *d;
  size_t *at; /* at[0..n): indexes into d */
  size_t n;
} view;

static const dtok *tok_at(const view *v, size_t j) { return &v->d[v->at[j]]; }

/* Are kept tokens j and j + 1 the same word (same term, so case aside)? */
static int same(const view *v, size_t i, size_t j) {
  const dtok *a = tok_at(v, i), *b = tok_at(v, j);
  return a->term != RC_NO_ID && a->term == b->term && !(a->flags & RC_TERM_CJK);
}

/* Is kept token j + 1 said right after token j, with nothing but spaces,
   a hyphen ("mak- making") or dropped tokens between? */
static int adjacent(const view *v, size_t j) {
  size_t from = v->at[j], to = v->at[j + 1];
  for (size_t k = from; k < to; k++) {
    const dtok *a = &v->d[k], *b = &v->d[k + 1];
    for (size_t i = a->tok.off + a->tok.len; i < b->tok.off; i++)
      if (v->t[i] != '-' && !is_space(v->t[i]))
        return 0;
  }
  return 1;
}

/* Is the word known to the language, so that it was said in full rather
   than begun?  Stopwords are; so is a word whose stem the language's
   general frequencies list (English); without those, only what is not
   shaped like a cut-off ("th", "w"). */
static int known_word(const recap_document *doc, const dtok *d) {
  if (d->flags & RC_TERM_STOP)
    return 1;
  if (doc->lang->background && doc->lang->background->total) {
    const rc_term *info = &doc->term_info.data[d->term];
    return doc->stem_info.data[info->stem].bg_df > 0;
  }
  return !(d->flags & RC_TERM_CUTOFF);
}

/* Does the text of kept token j start that of token k, case aside, and
   go on? */
static int extends(const view *v, size_t j, size_t k) {
  const dtok *a = tok_at(v, j), *b = tok_at(v, k);
  if (b->tok.len <= a->tok.len)
    return 0;
  for (size_t i = 0; i < a->tok.len; i++) {
    char x = v->t[a->tok.off + i], y = v->t[b->tok.off + i];
    if (x >= 'A' && x <= 'Z')
      x = (char)(x + 32);
    if (y >= 'A' && y <= 'Z')
      y = (char)(y + 32);
    if (x != y)
      return 0;
  }
  return 1;
}

/* A false start: a word broken off and begun again ("th the", "lo
   locally", "mak- making", "the w the will").  Kept token j is one if it
   is letters only, in lower case (or a capital letter alone opening the
   sentence: "A And so"), not a word of the language, and the next word,
   or the one after a repeat of the word before it, begins with it. */
static int false_start(const view *v, size_t j) {
  const dtok *x = tok_at(v, j);
  if (x->term == RC_NO_ID || x->tok.kind != RC_TOK_WORD ||
      !(x->tok.flags & RC_TOK_ASCII) || j + 1 >= v->n)
    return 0;
  for (size_t k = 0; k < x->tok.len; k++) {
    char c = v->t[x->tok.off + k];
    int lower = c >= 'a' && c <= 'z', upper = c >= 'A' && c <= 'Z';
    if (!(lower || (upper && v->at[j] == 0 && x->tok.len == 1)))
      return 0;
  }
  if (!adjacent(v, j))
    return 0;
  /* "A And so", "I It's": a capital letter alone, begun again with a
     capital, is a restart even where the letter is a word. */
  if (v->at[j] == 0 && x->tok.len == 1 && (x->tok.flags & RC_TOK_CAP) &&
      (tok_at(v, j + 1)->tok.flags & RC_TOK_CAP) && extends(v, j, j + 1))
    return 1;
  if (known_word(v->doc, x))
    return 0;
  if (extends(v, j, j + 1))
    return 1;
  return j > 0 && j + 2 < v->n && same(v, j - 1, j + 1) && adjacent(v, j + 1) &&
         extends(v, j, j + 2);
}

/* Longest repeat looked for: "if you needed if you needed to". */
#define RC_REPEAT_MAX 4

/* Are kept tokens [j, j + k) said again right after, [j + k, j + 2k),
   with no punctuation inside or between ("how much how much", "I I
   think")? */
static int repeated(const view *v, size_t j, size_t k) {
  if (j + 2 * k > v->n)
    return 0;
  for (size_t i = j; i < j + 2 * k; i++) {
    if (i > j && !adjacent(v, i - 1))
      return 0;
    if (i < j + k && !same(v, i, i + k))
      return 0;
  }
  return 1;
}

/* Drops the tokens marked in d from the view. */
static void keep_undropped(view *v) {
  size_t m = 0;
  for (size_t j = 0; j < v->n; j++)
    if (!v->d[v->at[j]].drop)
      v->at[m++] = v->at[j];
  v->n = m;
}

/* Marks the tokens display leaves out: fillers, false starts, and the
   first copy of a word or of up to RC_REPEAT_MAX words said twice in a
   row.  Fillers between ("the, um, the") do not hide the others. */
static void mark_drops(view *v) {
  for (size_t j = 0; j < v->n; j++)
    v->d[v->at[j]].drop = (tok_at(v, j)->flags & RC_TERM_FILLER) != 0;
  keep_undropped(v);
  for (size_t j = 0; j < v->n; j++)
    if (false_start(v, j))
      v->d[v->at[j]].drop = 1;
  keep_undropped(v);
  for (size_t j = 0; j < v->n; j++)
    for (size_t k = RC_REPEAT_MAX; k >= 1; k--)
      if (repeated(v, j, k)) {
        for (size_t i = j; i < j + k; i++)
          v->d[v->at[i]].drop = 1;
        j += k - 1;
        break;
      }
}

/* The range's tokens, with their terms, into v. */
static recap_status read_tokens(const recap_document *doc, rc_norm *norm,
                                size_t b, size_t e, dtok_vec *v) {
  rc_tokenizer tz;
  dtok d;
  memset(&d, 0, sizeof d);
  rc_tokenizer_init(&tz, doc->src.text, b, e, doc->lang);
  while (rc_tokenizer_next(&tz, &d.tok)) {
    RC_TRY(rc_term_find(doc, norm, doc->src.text, &d.tok, &d.term));
    d.flags = d.term == RC_NO_ID ? 0 : doc->term_info.data[d.term].flags;
    recap_status st;
    RC_PUSH(st, doc->alloc, *v, d);
    RC_TRY(st);
  }
  return RECAP_OK;
}

/* Writes t[b, e) into out without the dropped tokens of d[0..n), which
   take their own punctuation with them. */
static void write_kept(rc_buf *out, const char *t, size_t b, size_t e,
                       const dtok *d, size_t n) {
  size_t start = out->len, pos = b;
  int dropped_first = 0, kept_any = 0;
  for (size_t i = 0; i < n; i++) {
    if (!d[i].drop) {
      kept_any = 1;
      continue;
    }
    if (!kept_any)
      dropped_first = dropped_first || starts_upper_ascii(t, d[i].tok.off);
    put_collapsed(out, t, pos, d[i].tok.off);
    pos = drop_word(out, start, t, d[i].tok.off + d[i].tok.len, e);
  }
  put_collapsed(out, t, pos, e);
  if (out->failed)
    return;
  /* Trim what dropping left at the ends: spaces, a stray comma. */
  char *s = (char *)rc_buf_data(out);
  size_t i = start;
  while (i < out->len && (s[i] == ' ' || s[i] == ',' || s[i] == ';'))
    i++;
  if (i > start) {
    memmove(s + start, s + i, out->len - i);
    out->len -= i - start;
  }
  while (out->len > start && s[out->len - 1] == ' ')
    out->len--;
  /* "Um, so we ..." reads "So we ...". */
  if (dropped_first && out->len > start && s[start] >= 'a' && s[start] <= 'z')
    s[start] = (char)(s[start] - 32);
}

recap_status rc_display_range(const recap_document *doc, rc_norm *norm,
                              size_t b, size_t e, int verbatim, rc_buf *out) {
  const char *t = doc->src.text;
  dtok_vec d = {NULL, 0, 0};
  size_t *at = NULL;
  recap_status st = verbatim ? RECAP_OK : read_tokens(doc, norm, b, e, &d);
  if (st == RECAP_OK && d.len) {
    at = rc_calloc(doc->alloc, d.len, sizeof *at);
    if (!at)
      st = RECAP_ERR_NOMEM;
  }
  if (st == RECAP_OK && d.len) {
    view v = {doc, t, d.data, at, d.len};
    for (size_t i = 0; i < d.len; i++)
      at[i] = i;
    mark_drops(&v);
  }
  if (st == RECAP_OK)
    write_kept(out, t, b, e, d.data, d.len);
  rc_free(doc->alloc, at);
  RC_VEC_FREE(doc->alloc, d);
  if (st == RECAP_OK && out->failed)
    st = RECAP_ERR_NOMEM;
  return st;
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
  recap_status st =
      rc_display_range(doc, norm, rc_sent_off(s), rc_sent_off(s) + s->len,
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
