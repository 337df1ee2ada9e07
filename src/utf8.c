/*
 * utf8.c - UTF-8 sequences: validating, decoding, encoding.  The base
 * every layer uses; allocates nothing.
 */
#include "utf8.h"

size_t rc_utf8_seqlen(const unsigned char *s, size_t n) {
  unsigned c = s[0];
  if (c < 0x80)
    return 1;
  if (c < 0xC2)
    return 0;
  if (c < 0xE0) {
    return n >= 2 && (s[1] & 0xC0) == 0x80 ? 2 : 0;
  }
  if (c < 0xF0) {
    if (n < 3 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80)
      return 0;
    if (c == 0xE0 && s[1] < 0xA0) /* overlong */
      return 0;
    if (c == 0xED && s[1] >= 0xA0) /* surrogate */
      return 0;
    return 3;
  }
  if (c < 0xF5) {
    if (n < 4 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80 ||
        (s[3] & 0xC0) != 0x80)
      return 0;
    if (c == 0xF0 && s[1] < 0x90) /* overlong */
      return 0;
    if (c == 0xF4 && s[1] >= 0x90) /* above U+10FFFF */
      return 0;
    return 4;
  }
  return 0;
}

int rc_utf8_valid(const char *s, size_t n) {
  for (size_t i = 0; i < n;) {
    size_t k = rc_utf8_seqlen((const unsigned char *)s + i, n - i);
    if (k == 0)
      return 0;
    i += k;
  }
  return 1;
}

unsigned rc_utf8_decode(const unsigned char *s, size_t len) {
  switch (len) {
  case 1:
    return s[0];
  case 2:
    return ((s[0] & 0x1Fu) << 6) | (s[1] & 0x3Fu);
  case 3:
    return ((s[0] & 0x0Fu) << 12) | ((s[1] & 0x3Fu) << 6) | (s[2] & 0x3Fu);
  default:
    return ((s[0] & 0x07u) << 18) | ((s[1] & 0x3Fu) << 12) |
           ((s[2] & 0x3Fu) << 6) | (s[3] & 0x3Fu);
  }
}

size_t rc_utf8_encode(unsigned cp, char *out) {
  if (cp < 0x80) {
    out[0] = (char)cp;
    return 1;
  }
  if (cp < 0x800) {
    out[0] = (char)(0xC0 | (cp >> 6));
    out[1] = (char)(0x80 | (cp & 0x3F));
    return 2;
  }
  if (cp < 0x10000) {
    out[0] = (char)(0xE0 | (cp >> 12));
    out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
    out[2] = (char)(0x80 | (cp & 0x3F));
    return 3;
  }
  out[0] = (char)(0xF0 | (cp >> 18));
  out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
  out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
  out[3] = (char)(0x80 | (cp & 0x3F));
  return 4;
}
