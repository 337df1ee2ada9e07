/*
 * buf.c - growable byte buffer with sticky errors; JSON string escaping.
 */
#include "buf.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "mem.h"
#include "utf8.h"

typedef struct rc_strhead {
  recap_allocator alloc;
} rc_strhead;

/* Keep the text aligned like malloc's memory. */
#define HEAD_SIZE ((sizeof(rc_strhead) + 15) & ~(size_t)15)

void rc_buf_init(rc_buf *b, const recap_allocator *alloc) {
  b->alloc = alloc;
  b->mem = NULL;
  b->len = b->cap = 0;
  b->failed = 0;
}

static int grow(rc_buf *b, size_t extra);

/* Room for `extra` more bytes (and the final NUL): the common case is a
   comparison, growing is out of line. */
static inline int reserve(rc_buf *b, size_t extra) {
  if (!b->failed && b->mem && b->len + extra < b->cap)
    return 1;
  return grow(b, extra);
}

static int grow(rc_buf *b, size_t extra) {
  if (b->failed)
    return 0;
  size_t need;
  if (!rc_add(b->len, extra, &need) || !rc_add(need, 1, &need)) {
    b->failed = 1;
    return 0;
  }
  if (need <= b->cap)
    return 1;
  size_t n = b->cap < 256 ? 256 : b->cap;
  while (n < need) {
    if (n > ((size_t)-1) / 4) {
      b->failed = 1;
      return 0;
    }
    n *= 2;
  }
  size_t total;
  if (!rc_add(n, HEAD_SIZE, &total)) {
    b->failed = 1;
    return 0;
  }
  char *m = rc_realloc(b->alloc, b->mem, total);
  if (!m) {
    b->failed = 1;
    return 0;
  }
  b->mem = m;
  b->cap = n;
  return 1;
}

static char *text(const rc_buf *b) { return b->mem + HEAD_SIZE; }

void rc_buf_put(rc_buf *b, const char *s, size_t n) {
  if (n == 0 || !reserve(b, n))
    return;
  memcpy(text(b) + b->len, s, n);
  b->len += n;
}

void rc_buf_puts(rc_buf *b, const char *s) { rc_buf_put(b, s, strlen(s)); }

void rc_buf_putc(rc_buf *b, char c) {
  if (!reserve(b, 1))
    return;
  text(b)[b->len++] = c;
}

void rc_buf_put_uint(rc_buf *b, unsigned long long v) {
  char digits[24];
  size_t n = sizeof digits;
  do {
    digits[--n] = (char)('0' + v % 10);
    v /= 10;
  } while (v);
  rc_buf_put(b, digits + n, sizeof digits - n);
}

void rc_buf_printf(rc_buf *b, const char *fmt, ...) {
  char small[128];
  va_list ap;
  va_start(ap, fmt);
  int n = vsnprintf(small, sizeof small, fmt, ap);
  va_end(ap);
  if (n < 0) {
    b->failed = 1;
    return;
  }
  if ((size_t)n < sizeof small) {
    rc_buf_put(b, small, (size_t)n);
    return;
  }
  if (!reserve(b, (size_t)n))
    return;
  va_start(ap, fmt);
  vsnprintf(text(b) + b->len, (size_t)n + 1, fmt, ap);
  va_end(ap);
  b->len += (size_t)n;
}

void rc_buf_json_string(rc_buf *b, const char *s, size_t n) {
  static const char hex[] = "0123456789abcdef";
  rc_buf_putc(b, '"');
  size_t run = 0; /* start of the pending run of bytes needing no escape */
  for (size_t i = 0; i < n;) {
    unsigned char c = (unsigned char)s[i];
    const char *esc = NULL;
    char u[7] = "\\u00";
    size_t k = 1;
    if (c >= 0x80) {
      k = rc_utf8_seqlen((const unsigned char *)s + i, n - i);
      if (k == 0) { /* not UTF-8: U+FFFD, so the line stays valid JSON */
        esc = "\xEF\xBF\xBD";
        k = 1;
      } else if (k == 3 && c == 0xE2 && (unsigned char)s[i + 1] == 0x80 &&
                 ((unsigned char)s[i + 2] & 0xFE) == 0xA8) {
        /* U+2028 and U+2029 are valid in JSON, but JavaScript and many
           line splitters (Python's str.splitlines) take them for line
           breaks: escaped, a record stays on one line everywhere. */
        esc = (unsigned char)s[i + 2] == 0xA8 ? "\\u2028" : "\\u2029";
      } else if (k == 2 && c == 0xC2 && (unsigned char)s[i + 1] == 0x85) {
        esc = "\\u0085"; /* NEL: a line break to str.splitlines too */
      }
    } else if (c == '"') {
      esc = "\\\"";
    } else if (c == '\\') {
      esc = "\\\\";
    } else if (c == '\n') {
      esc = "\\n";
    } else if (c == '\t') {
      esc = "\\t";
    } else if (c == '\r') {
      esc = "\\r";
    } else if (c < 0x20 || c == 0x7f) {
      u[4] = hex[c >> 4], u[5] = hex[c & 15], u[6] = '\0';
      esc = u;
    }
    if (esc) {
      rc_buf_put(b, s + run, i - run);
      rc_buf_puts(b, esc);
      run = i + k;
    }
    i += k;
  }
  rc_buf_put(b, s + run, n - run);
  rc_buf_putc(b, '"');
}

/* Appends |v| rounded to `decimals` places, trailing zeros dropped. */
static void put_fixed(rc_buf *b, double v, int decimals) {
  double scale = 1;
  for (int i = 0; i < decimals; i++)
    scale *= 10;
  double r = floor(v * scale + 0.5);
  unsigned long long ip = (unsigned long long)(r / scale);
  unsigned long long fp = (unsigned long long)(r - (double)ip * scale);
  rc_buf_put_uint(b, ip);
  if (fp == 0 || decimals == 0)
    return;
  char digits[24];
  int n = decimals;
  for (int i = n - 1; i >= 0; i--) {
    digits[i] = (char)('0' + fp % 10);
    fp /= 10;
  }
  while (n > 0 && digits[n - 1] == '0')
    n--;
  rc_buf_putc(b, '.');
  rc_buf_put(b, digits, (size_t)n);
}

/* printf's %g follows the caller's locale (a decimal comma breaks JSON), so
   numbers are formatted by hand: six significant digits, plain notation
   from 1e-6 up, 0 below. */
void rc_buf_json_number(rc_buf *b, double v) {
  if (!isfinite(v) || fabs(v) < 1e-6)
    v = 0;
  if (v < 0) {
    rc_buf_putc(b, '-');
    v = -v;
  }
  if (v >= 1e15) {
    rc_buf_printf(b, "%.0f", v);
    return;
  }
  int e = v > 0 ? (int)floor(log10(v)) : 0;
  int decimals = 5 - e;
  if (decimals < 0)
    decimals = 0;
  if (decimals > 12)
    decimals = 12;
  put_fixed(b, v, decimals);
}

void rc_buf_json_fixed(rc_buf *b, double v, int decimals) {
  if (!isfinite(v) || fabs(v) >= 1e15)
    v = 0;
  if (decimals > 9)
    decimals = 9;
  if (v < 0) {
    rc_buf_putc(b, '-');
    v = -v;
  }
  put_fixed(b, v, decimals);
}

const char *rc_buf_data(const rc_buf *b) { return b->mem ? text(b) : ""; }

recap_status rc_buf_finish(rc_buf *b, char **out, size_t *length) {
  if (!reserve(b, 0)) {
    rc_buf_free(b);
    return RECAP_ERR_NOMEM;
  }
  rc_strhead *h = (rc_strhead *)(void *)b->mem;
  h->alloc = *b->alloc;
  text(b)[b->len] = '\0';
  *out = text(b);
  if (length)
    *length = b->len;
  b->mem = NULL;
  b->len = b->cap = 0;
  return RECAP_OK;
}

void rc_buf_free(rc_buf *b) {
  rc_free(b->alloc, b->mem);
  b->mem = NULL;
  b->len = b->cap = 0;
}

void rc_buf_clear(rc_buf *b) {
  b->len = 0;
  b->failed = 0;
}

void recap_free(char *string) {
  if (!string)
    return;
  char *mem = string - HEAD_SIZE;
  rc_strhead h;
  memcpy(&h, mem, sizeof h);
  h.alloc.free(h.alloc.user, mem);
}
