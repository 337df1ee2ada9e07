/*
 * decode.c - encoding detection, transcoding and repair (see decode.h).
 *
 * One pass classifies the input (valid?  controls?  CRs?); clean input is
 * passed through untouched, which is the common case and costs one scan
 * with an eight-bytes-at-a-time ASCII fast path.  Anything else is
 * rewritten codepoint by codepoint through emit(), which applies the
 * control and line-break rules and records offset breakpoints.
 */
#include "decode.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>

#define REPLACEMENT 0xFFFDu

/* Length of the maximal subpart of an ill-formed sequence at s: the bytes
   that could still have begun a valid sequence, at least one. */
static size_t invalid_span(const unsigned char *s, size_t n) {
  unsigned c = s[0];
  size_t want = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 ? 2 : 1;
  if (c > 0xF4)
    return 1;
  size_t i = 1;
  for (; i < want && i < n; i++) {
    unsigned lo = 0x80, hi = 0xBF;
    if (i == 1) {
      if (c == 0xE0)
        lo = 0xA0;
      else if (c == 0xED)
        hi = 0x9F;
      else if (c == 0xF0)
        lo = 0x90;
      else if (c == 0xF4)
        hi = 0x8F;
    }
    if (s[i] < lo || s[i] > hi)
      break;
  }
  return i;
}

/* ---- classification ----------------------------------------------------- */

typedef struct scan_stats {
  size_t invalid; /* ill-formed subparts */
  size_t first_invalid;
  size_t multibyte; /* valid sequences of 2-4 bytes */
  size_t controls;  /* NUL, C0 other than \t \n \r \f \v, DEL, C1 */
  size_t crs;       /* \r \f \v, which need rewriting */
} scan_stats;

static int is_rewritten_ascii(unsigned c) {
  return c == '\r' || c == '\f' || c == '\v';
}
static int is_control_ascii(unsigned c) {
  return (c < 0x20 && c != '\t' && c != '\n' && !is_rewritten_ascii(c)) ||
         c == 0x7F;
}

static void scan(const unsigned char *s, size_t n, scan_stats *st) {
  memset(st, 0, sizeof *st);
  st->first_invalid = SIZE_MAX;
  size_t i = 0;
  while (i < n) {
    /* Eight ASCII bytes, none below 0x20 or DEL, pass in one step. */
    if (n - i >= 8) {
      uint64_t w;
      memcpy(&w, s + i, 8);
      uint64_t high = w & 0x8080808080808080ULL;
      uint64_t low = (w - 0x2020202020202020ULL) & ~w & 0x8080808080808080ULL;
      uint64_t del = ((w ^ 0x7F7F7F7F7F7F7F7FULL) - 0x0101010101010101ULL) &
                     ~(w ^ 0x7F7F7F7F7F7F7F7FULL) & 0x8080808080808080ULL;
      if ((high | low | del) == 0) {
        i += 8;
        continue;
      }
    }
    unsigned c = s[i];
    if (c < 0x80) {
      if (is_control_ascii(c))
        st->controls++;
      else if (is_rewritten_ascii(c))
        st->crs++;
      i++;
      continue;
    }
    size_t k = rc_utf8_seqlen(s + i, n - i);
    if (k == 0) {
      if (st->invalid++ == 0)
        st->first_invalid = i;
      i += invalid_span(s + i, n - i);
      continue;
    }
    if (k == 2 && c == 0xC2 && s[i + 1] < 0xA0) /* C1 control */
      st->controls++;
    st->multibyte++;
    i += k;
  }
}

/* ---- rewriting ----------------------------------------------------------- */

typedef struct emitter {
  const recap_allocator *a;
  char *out;
  size_t len, cap;
  rc_offmap *map;
  int pending_cr; /* a CR was seen; a following LF is dropped */
  recap_status st;
} emitter;

/* Appends n derived bytes that came from src_len input bytes at src. */
static void put(emitter *e, const char *s, size_t n, size_t src,
                size_t src_len) {
  if (e->st != RECAP_OK)
    return;
  if (e->len + n > e->cap) {
    void *p = e->out;
    e->st = rc_reserve(e->a, &p, &e->cap, e->len + n, 1);
    if (e->st != RECAP_OK)
      return;
    e->out = p;
  }
  e->st = rc_offmap_add(e->a, e->map, e->len, n, src, src_len);
  memcpy(e->out + e->len, s, n);
  e->len += n;
}

/* Emits codepoint cp, which came from src_len input bytes at src. */
static void emit(emitter *e, unsigned cp, size_t src, size_t src_len) {
  int was_cr = e->pending_cr;
  e->pending_cr = 0;
  if (cp == '\n' && was_cr)
    return; /* CRLF: the CR already gave the line break */
  if (cp == '\r') {
    e->pending_cr = 1;
    cp = '\n';
  } else if (cp == '\f' || cp == '\v') {
    cp = '\n';
  } else if ((cp < 0x20 && cp != '\t' && cp != '\n') ||
             (cp >= 0x7F && cp < 0xA0)) {
    cp = ' ';
  }
  char buf[4];
  size_t n = rc_utf8_encode(cp, buf);
  put(e, buf, n, src, src_len);
}

static void rewrite_utf8(emitter *e, const unsigned char *s, size_t n,
                         size_t base, size_t *repairs) {
  size_t i = 0;
  while (i < n && e->st == RECAP_OK) {
    if (s[i] < 0x80) {
      emit(e, s[i], base + i, 1);
      i++;
      continue;
    }
    size_t k = rc_utf8_seqlen(s + i, n - i);
    if (k == 0) {
      size_t bad = invalid_span(s + i, n - i);
      emit(e, REPLACEMENT, base + i, bad);
      (*repairs)++;
      i += bad;
      continue;
    }
    unsigned cp = rc_utf8_decode(s + i, k);
    if (cp >= 0x80 && cp < 0xA0)
      emit(e, ' ', base + i, k);
    else
      put(e, (const char *)s + i, k, base + i, k);
    e->pending_cr = 0;
    i += k;
  }
}

static const unsigned short cp1252_high[32] = {
    0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD,
    0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178};

static void rewrite_cp1252(emitter *e, const unsigned char *s, size_t n) {
  for (size_t i = 0; i < n && e->st == RECAP_OK; i++) {
    unsigned c = s[i];
    if (c >= 0x80 && c < 0xA0)
      c = cp1252_high[c - 0x80];
    emit(e, c, i, 1);
  }
}

static void rewrite_utf16(emitter *e, const unsigned char *s, size_t n,
                          size_t start, int big_endian, size_t *repairs) {
  size_t i = start;
  while (i + 1 < n && e->st == RECAP_OK) {
    unsigned u = big_endian ? (unsigned)(s[i] << 8 | s[i + 1])
                            : (unsigned)(s[i] | s[i + 1] << 8);
    if (u >= 0xD800 && u < 0xDC00 && i + 3 < n) {
      unsigned v = big_endian ? (unsigned)(s[i + 2] << 8 | s[i + 3])
                              : (unsigned)(s[i + 2] | s[i + 3] << 8);
      if (v >= 0xDC00 && v < 0xE000) {
        emit(e, 0x10000 + ((u - 0xD800) << 10) + (v - 0xDC00), i, 4);
        i += 4;
        continue;
      }
    }
    if (u >= 0xD800 && u < 0xE000) {
      u = REPLACEMENT;
      (*repairs)++;
    }
    emit(e, u, i, 2);
    i += 2;
  }
  if (i < n) { /* an odd trailing byte */
    emit(e, REPLACEMENT, i, 1);
    (*repairs)++;
  }
}

/* UTF-16 without a BOM: ASCII-heavy text has a zero in every other byte. */
static int sniff_utf16(const unsigned char *s, size_t n, int *big_endian) {
  size_t m = n < 4096 ? n : 4096;
  /* Four units at least: in fewer, one stray NUL already passes the 40%
     test, and "hi!\0" (a C string passed with its terminator) would be
     read as the UTF-16 "\u6968!". */
  if (m < 8)
    return 0;
  size_t zero_even = 0, zero_odd = 0, pairs = m / 2;
  for (size_t i = 0; i + 1 < m; i += 2) {
    zero_even += s[i] == 0;
    zero_odd += s[i + 1] == 0;
  }
  if (zero_odd * 10 >= pairs * 4 && zero_even * 20 <= pairs) {
    *big_endian = 0;
    return 1;
  }
  if (zero_even * 10 >= pairs * 4 && zero_odd * 20 <= pairs) {
    *big_endian = 1;
    return 1;
  }
  return 0;
}

static recap_status finish(emitter *e, rc_text *out, rc_encoding enc) {
  if (e->st != RECAP_OK) {
    rc_free(e->a, e->out);
    RC_VEC_FREE(e->a, e->map->pts);
    return e->st;
  }
  out->owned = e->out ? e->out : NULL;
  out->s = e->out ? e->out : "";
  out->len = e->len;
  out->encoding = enc;
  return RECAP_OK;
}

static recap_status decode_utf16(const recap_allocator *a,
                                 const unsigned char *s, size_t n, size_t start,
                                 int be, rc_text *out) {
  emitter e = {a, NULL, 0, 0, &out->map, 0, RECAP_OK};
  rewrite_utf16(&e, s, n, start, be, &out->repairs);
  return finish(&e, out, be ? RC_ENC_UTF16BE : RC_ENC_UTF16LE);
}

/* Clean but for \r \f \v: rewritten at the same length, which keeps the
   map the identity; in place when the buffer is ours (`mine`), else in a
   copy. */
static recap_status rewrite_line_breaks(const recap_allocator *a,
                                        const unsigned char *s, size_t n,
                                        char *mine, rc_text *out) {
  char *o = mine ? (char *)s : rc_malloc(a, n);
  if (!o)
    return RECAP_ERR_NOMEM;
  if (!mine)
    memcpy(o, s, n);
  for (size_t i = 0; i < n; i++) {
    if (o[i] == '\r')
      o[i] = (i + 1 < n && o[i + 1] == '\n') ? ' ' : '\n';
    else if (o[i] == '\f' || o[i] == '\v')
      o[i] = '\n';
  }
  out->s = o;
  out->owned = mine ? mine : o;
  out->len = n;
  return RECAP_OK;
}

/* rc_decode() and rc_decode_given(): `mine` is NULL, or `in` when the
   buffer is given to out; clean text then stays in it. */
static recap_status decode(const recap_allocator *a, const char *in, size_t len,
                           char *mine, int strict, rc_text *out, char *err,
                           size_t errlen) {
  const unsigned char *s = (const unsigned char *)in;
  memset(out, 0, sizeof *out);
  out->s = "";
  if (len == 0)
    return RECAP_OK;
  if (len >= 2 && s[0] == 0xFF && s[1] == 0xFE)
    return decode_utf16(a, s, len, 2, 0, out);
  if (len >= 2 && s[0] == 0xFE && s[1] == 0xFF)
    return decode_utf16(a, s, len, 2, 1, out);
  int be;
  if (sniff_utf16(s, len, &be))
    return decode_utf16(a, s, len, 0, be, out);

  size_t skip =
      (len >= 3 && s[0] == 0xEF && s[1] == 0xBB && s[2] == 0xBF) ? 3 : 0;
  s += skip;
  len -= skip;
  out->map.base = skip;

  scan_stats st;
  scan(s, len, &st);
  /* Text has few control bytes; executables, images and archives have
     many.  One in 64 tolerates stray NULs in real transcripts. */
  if (st.controls > 2 && st.controls > len / 64) {
    snprintf(err, errlen, "binary data, not text (%zu control bytes)",
             st.controls);
    return RECAP_ERR_BAD_ENCODING;
  }
  if (st.invalid && strict) {
    snprintf(err, errlen, "invalid UTF-8 at byte %zu", st.first_invalid + skip);
    return RECAP_ERR_BAD_ENCODING;
  }
  if (st.invalid == 0 && st.controls == 0) {
    out->encoding = RC_ENC_UTF8;
    if (st.crs)
      return rewrite_line_breaks(a, s, len, mine, out);
    out->s = (const char *)s;
    out->owned = mine;
    out->len = len;
    return RECAP_OK;
  }
  emitter e = {a, NULL, 0, 0, &out->map, 0, RECAP_OK};
  if (st.invalid && st.multibyte == 0) {
    rewrite_cp1252(&e, s, len);
    /* Breakpoints were recorded relative to the BOM-less text.  The
       offset is the field's low bits; it stays below RC_OFF_LIMIT, as
       the input does. */
    for (size_t i = 0; i < out->map.pts.len; i++)
      out->map.pts.data[i].src += skip;
    return finish(&e, out, RC_ENC_CP1252);
  }
  rewrite_utf8(&e, s, len, skip, &out->repairs);
  return finish(&e, out, st.invalid ? RC_ENC_UTF8_REPAIRED : RC_ENC_UTF8);
}

recap_status rc_decode(const recap_allocator *a, const char *in, size_t len,
                       int strict, rc_text *out, char *err, size_t errlen) {
  return decode(a, in, len, NULL, strict, out, err, errlen);
}

recap_status rc_decode_given(const recap_allocator *a, char *in, size_t len,
                             int strict, rc_text *out, char *err,
                             size_t errlen) {
  recap_status st = decode(a, in, len, in, strict, out, err, errlen);
  if (out->owned != in) /* rewritten into a new buffer, or failed */
    rc_free(a, in);
  return st;
}

void rc_text_free(const recap_allocator *a, rc_text *t) {
  rc_free(a, t->owned);
  RC_VEC_FREE(a, t->map.pts);
  t->owned = NULL;
  t->s = "";
  t->len = 0;
}
