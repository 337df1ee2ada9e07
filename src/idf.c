/*
 * idf.c - background document-frequency tables (format in idf.h).
 */
#include "idf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "decode.h"
#include "lang.h"
#include "lines.h"

/* Language index for keys: position in rc_languages, or rc_language_count
   for the language-neutral mode. */
static size_t lang_index(const char *name, size_t n) {
  for (size_t i = 0; i < rc_language_count; i++)
    if (strlen(rc_languages[i].name) == n &&
        memcmp(rc_languages[i].name, name, n) == 0)
      return i;
  if (n == 4 && memcmp(name, "none", 4) == 0)
    return rc_language_count;
  return SIZE_MAX;
}

static const char *lang_name(size_t i) {
  return i < rc_language_count ? rc_languages[i].name : "none";
}

void rc_idf_init(rc_idf *t, const recap_allocator *alloc) {
  memset(t, 0, sizeof *t);
  t->alloc = alloc;
  rc_strtab_init(&t->keys, alloc);
}

void rc_idf_free(rc_idf *t) {
  rc_strtab_free(&t->keys);
  RC_VEC_FREE(t->alloc, t->df);
  RC_VEC_FREE(t->alloc, t->docs);
}

int rc_idf_empty(const rc_idf *t) {
  for (size_t i = 0; i < t->docs.len; i++)
    if (t->docs.data[i])
      return 0;
  return 1;
}

static uint64_t sat_add(uint64_t a, uint64_t b) {
  return a > UINT64_MAX - b ? UINT64_MAX : a + b;
}

recap_status rc_idf_add_docs(rc_idf *t, size_t lang, uint64_t docs) {
  if (lang > rc_language_count)
    return RECAP_ERR_INVALID_ARGUMENT;
  recap_status st;
  RC_RESERVE(st, t->alloc, t->docs, rc_language_count + 1);
  if (st != RECAP_OK)
    return st;
  while (t->docs.len <= rc_language_count)
    t->docs.data[t->docs.len++] = 0;
  t->docs.data[lang] = sat_add(t->docs.data[lang], docs);
  return RECAP_OK;
}

/* Keys are one language byte and the stem. */
#define MAX_KEY 256

static size_t make_key(char *key, size_t lang, const char *stem, size_t n) {
  if (n > MAX_KEY - 1) {
    n = MAX_KEY - 1;
    /* Cut at a character boundary: the rendered table must stay valid
       UTF-8 (found by fuzz_tables). */
    while (n > 0 && ((unsigned char)stem[n] & 0xC0) == 0x80)
      n--;
  }
  key[0] = (char)(unsigned char)lang;
  memcpy(key + 1, stem, n);
  return n + 1;
}

recap_status rc_idf_add(rc_idf *t, size_t lang, const char *stem, size_t n,
                        uint64_t df) {
  char key[MAX_KEY];
  size_t kn = make_key(key, lang, stem, n);
  uint32_t id;
  int added;
  RC_TRY(rc_strtab_intern(&t->keys, key, kn, &id, &added));
  if (added) {
    recap_status st;
    RC_PUSH(st, t->alloc, t->df, 0);
    if (st != RECAP_OK)
      return st; /* the key stays, with no count: harmless, lookups see 0 */
  }
  if (id < t->df.len)
    t->df.data[id] = sat_add(t->df.data[id], df);
  return RECAP_OK;
}

uint64_t rc_idf_docs(const rc_idf *t, size_t lang) {
  return lang < t->docs.len ? t->docs.data[lang] : 0;
}

uint64_t rc_idf_df(const rc_idf *t, size_t lang, const char *stem, size_t n) {
  char key[MAX_KEY];
  size_t kn = make_key(key, lang, stem, n);
  uint32_t id = rc_strtab_find(&t->keys, key, kn);
  return id != RC_NO_ID && id < t->df.len ? t->df.data[id] : 0;
}

/* ---- text form ----------------------------------------------------------- */

static int parse_count(const char *s, size_t n, uint64_t *out) {
  if (n == 0 || n > 19)
    return 0;
  uint64_t v = 0;
  for (size_t i = 0; i < n; i++) {
    if (s[i] < '0' || s[i] > '9')
      return 0;
    v = v * 10 + (uint64_t)(s[i] - '0');
  }
  *out = v;
  return 1;
}

static recap_status bad(char *err, size_t errlen, size_t line,
                        const char *why) {
  snprintf(err, errlen, "line %zu: %s", line, why);
  return RECAP_ERR_BAD_TABLE;
}

/* "@language NAME DOCS" */
static recap_status parse_section(rc_idf *t, const rc_line *l, size_t *lang,
                                  char *err, size_t errlen) {
  const char *s = l->s + 10, *e = l->s + l->len;
  while (s < e && *s == ' ')
    s++;
  const char *name = s;
  while (s < e && *s != ' ')
    s++;
  size_t name_len = (size_t)(s - name);
  while (s < e && *s == ' ')
    s++;
  uint64_t docs;
  if (!parse_count(s, (size_t)(e - s), &docs))
    return bad(err, errlen, l->number, "expected '@language NAME DOCUMENTS'");
  *lang = lang_index(name, name_len);
  if (*lang == SIZE_MAX)
    return bad(err, errlen, l->number, "unknown language");
  return rc_idf_add_docs(t, *lang, docs);
}

recap_status rc_idf_merge(rc_idf *t, const rc_idf *from) {
  /* Room for everything first, so that the merge itself cannot fail and
     leave half a table behind. */
  recap_status st;
  RC_TRY(rc_strtab_reserve(&t->keys, from->keys.count, from->keys.pool_len));
  RC_RESERVE(st, t->alloc, t->df, t->keys.count + from->keys.count);
  if (st == RECAP_OK)
    RC_RESERVE(st, t->alloc, t->docs, rc_language_count + 1);
  if (st != RECAP_OK)
    return st;
  for (size_t lang = 0; lang < from->docs.len; lang++)
    if (from->docs.data[lang])
      RC_TRY(rc_idf_add_docs(t, lang, from->docs.data[lang]));
  for (uint32_t id = 0; id < from->keys.count && id < from->df.len; id++) {
    size_t n;
    const char *k = rc_strtab_str(&from->keys, id, &n);
    RC_TRY(rc_idf_add(t, (unsigned char)k[0], k + 1, n - 1, from->df.data[id]));
  }
  return RECAP_OK;
}

static recap_status parse_into(rc_idf *t, const char *text, size_t len,
                               char *err, size_t errlen);

recap_status rc_idf_parse(rc_idf *t, const char *text, size_t len, char *err,
                          size_t errlen) {
  rc_idf tmp;
  rc_idf_init(&tmp, t->alloc);
  recap_status st = parse_into(&tmp, text, len, err, errlen);
  if (st == RECAP_OK)
    st = rc_idf_merge(t, &tmp);
  rc_idf_free(&tmp);
  return st;
}

static recap_status parse_into(rc_idf *t, const char *text, size_t len,
                               char *err, size_t errlen) {
  rc_lines it;
  rc_line l;
  size_t lang = SIZE_MAX;
  size_t skip = len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
  rc_lines_init(&it, text + skip, len - skip);
  while (rc_lines_next(&it, &l)) {
    if (l.len && l.s[l.len - 1] == '\r')
      l.len--;
    if (l.len == 0 || l.s[0] == '#')
      continue;
    if (l.len >= 10 && memcmp(l.s, "@language ", 10) == 0) {
      RC_TRY(parse_section(t, &l, &lang, err, errlen));
      continue;
    }
    if (lang == SIZE_MAX)
      return bad(err, errlen, l.number, "entry before any '@language' line");
    const char *tab = memchr(l.s, '\t', l.len);
    uint64_t df;
    if (!tab || tab == l.s)
      return bad(err, errlen, l.number, "expected 'STEM<TAB>COUNT'");
    size_t stem_len = (size_t)(tab - l.s);
    if (!parse_count(tab + 1, l.len - stem_len - 1, &df))
      return bad(err, errlen, l.number, "expected a count after the tab");
    for (size_t i = 0; i < stem_len;) {
      size_t k = rc_utf8_seqlen((const unsigned char *)l.s + i, stem_len - i);
      if (k == 0)
        return bad(err, errlen, l.number, "invalid UTF-8");
      i += k;
    }
    RC_TRY(rc_idf_add(t, lang, l.s, stem_len, df));
  }
  return RECAP_OK;
}

typedef struct sort_item {
  const char *s;
  size_t n;
  uint64_t df;
} sort_item;

static int by_bytes(const void *a, const void *b) {
  const sort_item *x = a, *y = b;
  size_t n = x->n < y->n ? x->n : y->n;
  int c = memcmp(x->s, y->s, n);
  return c ? c : (x->n > y->n) - (x->n < y->n);
}

void rc_idf_render(const rc_idf *t, rc_buf *out) {
  rc_buf_puts(out, "# recap document frequencies, format 1: "
                   "'@language NAME DOCUMENTS', then 'STEM<TAB>DOCUMENTS'\n");
  size_t n = t->keys.count;
  sort_item *items = rc_calloc(t->alloc, n ? n : 1, sizeof *items);
  if (!items) {
    out->failed = 1;
    return;
  }
  for (size_t lang = 0; lang < t->docs.len; lang++) {
    if (t->docs.data[lang] == 0)
      continue;
    size_t m = 0;
    for (uint32_t id = 0; id < n; id++) {
      size_t kn;
      const char *k = rc_strtab_str(&t->keys, id, &kn);
      if ((unsigned char)k[0] != lang || id >= t->df.len)
        continue;
      items[m].s = k + 1;
      items[m].n = kn - 1;
      items[m].df = t->df.data[id];
      m++;
    }
    qsort(items, m, sizeof *items, by_bytes);
    rc_buf_printf(out, "@language %s %llu\n", lang_name(lang),
                  (unsigned long long)t->docs.data[lang]);
    for (size_t i = 0; i < m; i++) {
      rc_buf_put(out, items[i].s, items[i].n);
      rc_buf_printf(out, "\t%llu\n", (unsigned long long)items[i].df);
    }
  }
  rc_free(t->alloc, items);
}

double rc_idf_background(const rc_idf *bg, const rc_lang *lang, const char *s,
                         size_t len, double *docs) {
  size_t li = rc_lang_index(lang);
  uint64_t archive = rc_idf_docs(bg, li);
  if (archive) {
    *docs = (double)archive;
    return (double)rc_idf_df(bg, li, s, len);
  }
  const rc_background *gen = lang->background;
  if (gen && gen->total) {
    *docs = (double)gen->total;
    long k = rc_wordlist_find(&gen->stems, s, len);
    return k >= 0 ? gen->counts[k] : 0;
  }
  *docs = 0;
  return 0;
}
