/*
 * chars.h - ASCII character classes for the readers' syntax.
 *
 * Input formats are defined in ASCII terms (timestamps, tags, entities,
 * speaker labels), so these tests are deliberately byte-wise and
 * locale-free, unlike <ctype.h>: a byte >= 0x80 is never a space, digit or
 * letter here (callers that accept non-ASCII letters say so themselves).
 * "Space" is a space or a tab, the only blanks inside a decoded line.
 */
#ifndef RC_CHARS_H
#define RC_CHARS_H

#include <stddef.h>

static inline int rc_is_space(char c) { return c == ' ' || c == '\t'; }
static inline int rc_is_digit(char c) { return c >= '0' && c <= '9'; }
static inline int rc_is_upper(char c) { return c >= 'A' && c <= 'Z'; }
static inline int rc_is_lower(char c) { return c >= 'a' && c <= 'z'; }
static inline int rc_is_alpha(char c) {
  return rc_is_upper(c) || rc_is_lower(c);
}
/* ASCII lower case; other bytes unchanged. */
static inline char rc_lower(char c) {
  return rc_is_upper(c) ? (char)(c + 32) : c;
}

/* The first index from i on in s[0..n) that is not a space or tab. */
static inline size_t rc_skip_spaces(const char *s, size_t n, size_t i) {
  while (i < n && rc_is_space(s[i]))
    i++;
  return i;
}

#endif
