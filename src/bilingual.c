/*
 * bilingual.c - regrouping a bilingual caption's lines by script.
 *
 * A caption with a Chinese line and its English translation in every cue
 * interleaves two texts: read in cue order, an English sentence that spans
 * two cues is cut by the Chinese line between them, and a Chinese line
 * runs into the English one after it.  Each text line is classed by its
 * letters (two characters of a script without spaces, or a Han character
 * against up to NOSPACE_WEIGHT Latin letters, a word's worth, make it a
 * line of that script); lines without letters go with the line before.
 * The content is then rebuilt as the lines of one script followed by the
 * lines of the other, each keeping its cue's times and speaker, and the
 * offset map is carried over piece by piece.
 */
#include "bilingual.h"

#include <string.h>

#include "normalize.h"
#include "utf8.h"

/* A Han character stands for about a word: three Latin letters' worth. */
#define NOSPACE_WEIGHT 3

enum { LINE_NONE = -1, LINE_SPACED = 0, LINE_NOSPACE = 1 };

static int line_script(const char *s, size_t n) {
  size_t nospace = 0, spaced = 0;
  for (size_t i = 0; i < n;) {
    size_t k = rc_utf8_seqlen((const unsigned char *)s + i, n - i);
    if (k == 0)
      k = 1;
    unsigned cls =
        rc_char_class(rc_utf8_decode((const unsigned char *)s + i, k));
    if (cls & RC_CH_NOSPACE)
      nospace++;
    else if (cls & RC_CH_LETTER)
      spaced++;
    i += k;
  }
  if (nospace == 0 && spaced == 0)
    return LINE_NONE;
  /* Two Han characters make a Chinese line even with English terms in it:
     translations into English carry none. */
  return nospace >= 2 || nospace * NOSPACE_WEIGHT >= spaced ? LINE_NOSPACE
                                                            : LINE_SPACED;
}

static size_t line_end(const char *s, size_t i, size_t end) {
  const char *nl = memchr(s + i, '\n', end - i);
  return nl ? (size_t)(nl - s) : end;
}

/* The script of each line of cue c, calling back per line. */
typedef struct line_walk {
  const rc_source *src;
  const rc_cue *cue;
  size_t at;
  int script; /* of the last line with letters */
} line_walk;

static void walk_init(line_walk *w, const rc_source *src, const rc_cue *c) {
  w->src = src;
  w->cue = c;
  w->at = c->off;
  w->script = LINE_NONE;
}

/* The next line [*b, *e) and its script; 0 at the end of the cue. */
static int walk_next(line_walk *w, size_t *b, size_t *e, int *script) {
  size_t end = w->cue->off + w->cue->len;
  if (w->at > end || w->cue->len == 0)
    return 0;
  *b = w->at;
  *e = line_end(w->src->text, w->at, end);
  w->at = *e + 1;
  int s = line_script(w->src->text + *b, *e - *b);
  if (s != LINE_NONE)
    w->script = s;
  *script = w->script;
  return 1;
}

/* Cues holding lines of both kinds, and the script of the first line with
   letters in the document. */
static size_t count_pairs(const rc_source *src, int *first) {
  size_t pairs = 0;
  *first = LINE_NONE;
  for (size_t i = 0; i < src->cues.len; i++) {
    line_walk w;
    size_t b, e;
    int s, seen[2] = {0, 0};
    walk_init(&w, src, &src->cues.data[i]);
    while (walk_next(&w, &b, &e, &s))
      if (s != LINE_NONE) {
        seen[s] = 1;
        if (*first == LINE_NONE)
          *first = s;
      }
    pairs += seen[0] && seen[1];
  }
  return pairs;
}

typedef struct rebuild {
  const rc_source *old;
  char *buf;
  size_t len, cap;
  rc_offmap map;
  RC_VEC(rc_cue) cues;
} rebuild;

static recap_status put(rebuild *r, const char *s, size_t n) {
  size_t need;
  if (!rc_add(r->len, n, &need))
    return RECAP_ERR_TOO_LARGE;
  if (need > r->cap) {
    void *p = r->buf;
    RC_TRY(rc_reserve(r->old->alloc, &p, &r->cap, need, 1));
    r->buf = p;
  }
  memcpy(r->buf + r->len, s, n);
  r->len += n;
  return RECAP_OK;
}

/* Copies old content [a, b) with its map pieces. */
static recap_status copy_range(rebuild *r, size_t a, size_t b) {
  const rc_offmap *m = &r->old->map;
  const recap_allocator *al = r->old->alloc;
  if (m->pts.len == 0) {
    RC_TRY(rc_offmap_add(al, &r->map, r->len, b - a, m->base + a, b - a));
  } else {
    for (size_t i = 0; i < m->pts.len; i++) {
      const rc_offpiece *p = &m->pts.data[i];
      size_t pd = rc_offpiece_dst(p), pe = pd + rc_offpiece_dst_len(p);
      size_t ps = rc_offpiece_src(p);
      size_t x = pd > a ? pd : a;
      size_t y = pe < b ? pe : b;
      if (x >= y)
        continue;
      size_t d = r->len + (x - a);
      size_t unit = rc_offpiece_unit(p);
      if (unit)
        RC_TRY(rc_offmap_add(al, &r->map, d, y - x, ps + (x - pd) * unit,
                             (y - x) * unit));
      else
        RC_TRY(
            rc_offmap_add(al, &r->map, d, y - x, ps, rc_offpiece_src_len(p)));
    }
  }
  return put(r, r->old->text + a, b - a);
}

/* Appends cue c's lines in the given script as a cue of their own. */
static recap_status take_lines(rebuild *r, const rc_cue *c, int script,
                               uint32_t flags) {
  line_walk w;
  size_t b, e;
  int s;
  rc_cue out = *c;
  out.off = r->len;
  out.flags |= flags & RC_CUE_BREAK;
  walk_init(&w, r->old, c);
  while (walk_next(&w, &b, &e, &s)) {
    if (s != script || b == e)
      continue;
    if (r->len > out.off)
      RC_TRY(put(r, "\n", 1));
    RC_TRY(copy_range(r, b, e));
  }
  if (r->len == out.off)
    return RECAP_OK;
  out.len = (unsigned)(r->len - out.off); /* part of cue c: no longer */
  recap_status st;
  RC_PUSH(st, r->old->alloc, r->cues, out);
  RC_TRY(st);
  return put(r, "\n", 1);
}

static void rebuild_free(rebuild *r) {
  rc_free(r->old->alloc, r->buf);
  RC_VEC_FREE(r->old->alloc, r->map.pts);
  RC_VEC_FREE(r->old->alloc, r->cues);
}

static recap_status regroup(rebuild *r, int first, size_t *split_at) {
  const rc_source *src = r->old;
  for (int pass = 0; pass < 2; pass++) {
    int script = pass ? !first : first;
    uint32_t brk = RC_CUE_BREAK;
    if (pass)
      *split_at = r->len;
    for (size_t i = 0; i < src->cues.len; i++) {
      size_t before = r->cues.len;
      RC_TRY(take_lines(r, &src->cues.data[i], script, pass ? brk : 0));
      if (r->cues.len > before)
        brk = 0;
    }
  }
  return RECAP_OK;
}

recap_status rc_source_split_scripts(rc_source *src) {
  src->split_at = 0;
  int first;
  size_t pairs = count_pairs(src, &first);
  if (pairs < 3 || pairs * 2 < src->cues.len)
    return RECAP_OK;
  rebuild r;
  memset(&r, 0, sizeof r);
  r.old = src;
  size_t split_at = 0;
  recap_status st = regroup(&r, first, &split_at);
  if (st != RECAP_OK) {
    rebuild_free(&r);
    return st;
  }
  rc_free(src->alloc, src->content);
  RC_VEC_FREE(src->alloc, src->map.pts);
  RC_VEC_FREE(src->alloc, src->cues);
  src->content = r.buf;
  src->text = r.buf;
  src->len = r.len;
  src->cap = r.cap;
  src->map = r.map;
  src->map.base = 0;
  src->cues.data = r.cues.data;
  src->cues.len = r.cues.len;
  src->cues.cap = r.cues.cap;
  src->split_at = split_at;
  src->split_first_nospace = first == LINE_NOSPACE;
  return RECAP_OK;
}

int rc_source_nospace_at(const rc_source *src, size_t off) {
  if (src->split_at == 0)
    return -1;
  return (off < src->split_at) == (src->split_first_nospace != 0);
}

int rc_source_other_language(const rc_source *src, size_t off,
                             const rc_lang *lang) {
  int nospace = rc_source_nospace_at(src, off);
  return nospace >= 0 && nospace != !!(lang->flags & RC_LANG_NOSPACE);
}
