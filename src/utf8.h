/*
 * utf8.h - UTF-8 sequences (utf8.c).
 */
#ifndef RC_UTF8_H
#define RC_UTF8_H

#include <stddef.h>

/* Length of the valid UTF-8 sequence at s (1-4), or 0 if s[0..n) does not
   start with one. */
size_t rc_utf8_seqlen(const unsigned char *s, size_t n);
/* Is s[0..n) valid UTF-8? */
int rc_utf8_valid(const char *s, size_t n);
/* Decodes the sequence at s (which must be valid, of length len). */
unsigned rc_utf8_decode(const unsigned char *s, size_t len);
/* Writes cp as UTF-8 into out (4 bytes of room); returns the length. */
size_t rc_utf8_encode(unsigned cp, char *out);

#endif
