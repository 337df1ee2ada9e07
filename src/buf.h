/*
 * buf.h - a growable byte buffer for rendering.
 *
 * Errors are sticky: after a failed allocation every append is a no-op and
 * rc_buf_finish() reports RECAP_ERR_NOMEM, so renderers append without
 * checking each call.  Finished strings carry a copy of their allocator in
 * a header in front of the text, which is how recap_free() frees them:
 *
 *   [rc_strhead: allocator copy][text ...][NUL]
 *                               ^ pointer handed to the caller
 */
#ifndef RC_BUF_H
#define RC_BUF_H

#include <stdarg.h>
#include <stddef.h>

#include "recap.h"

typedef struct rc_buf {
  const recap_allocator *alloc;
  char *mem;  /* header + text */
  size_t len; /* text bytes */
  size_t cap; /* text bytes that fit */
  int failed;
} rc_buf;

void rc_buf_init(rc_buf *b, const recap_allocator *alloc);
void rc_buf_put(rc_buf *b, const char *s, size_t n);
void rc_buf_puts(rc_buf *b, const char *s);
void rc_buf_putc(rc_buf *b, char c);
/* Appends an unsigned integer in decimal (no printf: renderers write
   many). */
void rc_buf_put_uint(rc_buf *b, unsigned long long v);
void rc_buf_printf(rc_buf *b, const char *fmt, ...)
#ifdef __GNUC__
    __attribute__((format(printf, 2, 3)))
#endif
    ;
/* Appends s[0..n) as a JSON string literal, quotes included (RFC 8259):
   bytes that are not UTF-8 become U+FFFD, and U+2028 and U+2029 are
   escaped, so the literal is valid JSON on one line whatever s holds. */
void rc_buf_json_string(rc_buf *b, const char *s, size_t n);
/* Appends a number as JSON (finite; NaN and infinities as 0), to six
   significant digits. */
void rc_buf_json_number(rc_buf *b, double v);
/* Appends a number as JSON to `decimals` places (at most 9), trailing
   zeros dropped: times to the millisecond whatever their size. */
void rc_buf_json_fixed(rc_buf *b, double v, int decimals);
/* Text so far (not NUL-terminated; valid until the next append). */
const char *rc_buf_data(const rc_buf *b);
/* Hands the text to the caller as a string for recap_free(). */
recap_status rc_buf_finish(rc_buf *b, char **out, size_t *length);
/* Drops the buffer (after an error, or when its text is not wanted). */
void rc_buf_free(rc_buf *b);
/* Empties the buffer, keeping its memory. */
void rc_buf_clear(rc_buf *b);

#endif
