/*
 * decode.h - bytes in, clean UTF-8 out.
 *
 * The first stage: every later stage may assume its text is valid UTF-8,
 * has no BOM, uses '\n' alone for line breaks and has no control
 * characters other than '\t' and '\n'.
 *
 *  - UTF-8 BOM dropped; UTF-16 (with a BOM, or recognised by its zero
 *    bytes) transcoded.
 *  - Invalid UTF-8: an error when strict; otherwise, if the input has no
 *    valid multi-byte sequence at all it is read as Windows-1252 (the
 *    usual legacy caption encoding), else each maximal invalid subpart
 *    becomes U+FFFD (Unicode's recommended practice).
 *  - CRLF and lone CR become '\n'; form feed and vertical tab '\n'; NUL and
 *    the other C0/C1 controls a space.
 *  - Input that is mostly control bytes is binary: RECAP_ERR_BAD_ENCODING.
 *
 * Clean input is not copied: text then points into the caller's buffer,
 * or, given with rc_decode_given(), into that buffer, now text's own
 * (line breaks rewritten in place).
 */
#ifndef RC_DECODE_H
#define RC_DECODE_H

#include <stddef.h>

#include "offmap.h"
#include "utf8.h"

typedef enum rc_encoding {
  RC_ENC_UTF8 = 0,
  RC_ENC_UTF8_REPAIRED,
  RC_ENC_UTF16LE,
  RC_ENC_UTF16BE,
  RC_ENC_CP1252
} rc_encoding;

typedef struct rc_text {
  const char *s;
  size_t len;
  char *owned;   /* the allocation s is in, when the text's own (a copy,
                    or a buffer given to rc_decode_given()), else NULL */
  rc_offmap map; /* positions in s -> positions in the input */
  rc_encoding encoding;
  size_t repairs; /* sequences replaced by U+FFFD */
} rc_text;

/* Decodes in[0..len).  On RECAP_ERR_BAD_ENCODING, err (of errlen bytes)
   says why and where. */
recap_status rc_decode(const recap_allocator *a, const char *in, size_t len,
                       int strict, rc_text *out, char *err, size_t errlen);
/* rc_decode() of a buffer allocated with a, which is given away: it
   becomes out->owned (clean text in it, out->s possibly past a BOM) or is
   freed, whatever the result. */
recap_status rc_decode_given(const recap_allocator *a, char *in, size_t len,
                             int strict, rc_text *out, char *err,
                             size_t errlen);
void rc_text_free(const recap_allocator *a, rc_text *t);

#endif
