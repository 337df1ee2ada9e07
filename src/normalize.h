/*
 * normalize.h - Unicode: character classes, matching keys, display form.
 *
 * The only interface to utf8proc (normalize.c is the only file that
 * includes utf8proc.h), so replacing it touches one file.
 *
 *  - rc_char_class(): what the tokenizer and segmenter need to know of a
 *    codepoint (letter, mark, digit, space, punctuation, case, scripts
 *    written without spaces).
 *  - rc_fold(): the matching key of a word: NFKC + case folding, with the
 *    apostrophe and hyphen variants (’ ʼ ‘ ‐ ‑) mapped to ' and -.
 *  - rc_nfc(): the display form of a span: NFC.
 */
#ifndef RC_NORMALIZE_H
#define RC_NORMALIZE_H

#include <stddef.h>
#include <stdint.h>

#include "mem.h"

enum {
  RC_CH_LETTER = 1u << 0,
  RC_CH_MARK = 1u << 1,
  RC_CH_DIGIT = 1u << 2,  /* decimal digits (Nd) */
  RC_CH_NUMBER = 1u << 3, /* other numbers (Nl, No) */
  RC_CH_SPACE = 1u << 4,  /* separators, \t \n */
  RC_CH_PUNCT = 1u << 5,
  RC_CH_SYMBOL = 1u << 6,
  RC_CH_UPPER = 1u << 7,   /* Lu, Lt */
  RC_CH_LOWER = 1u << 8,   /* Ll */
  RC_CH_NOSPACE = 1u << 9, /* Han, kana, Thai, Lao, Khmer, Myanmar */
  RC_CH_FORMAT = 1u << 10, /* Cf: joiners, soft hyphen */
  RC_CH_APOSTROPHE = 1u << 11,
  RC_CH_HYPHEN = 1u << 12,
  RC_CH_KANA = 1u << 13,
  RC_CH_HAN = 1u << 14
};

unsigned rc_char_class(unsigned cp);

/* Reusable scratch space for rc_fold() and rc_nfc(). */
typedef struct rc_norm {
  const recap_allocator *alloc;
  int32_t *u32;
  size_t cap; /* int32 units */
} rc_norm;

void rc_norm_init(rc_norm *n, const recap_allocator *alloc);
void rc_norm_free(rc_norm *n);

/* The matching key of s[0..len) in *out (valid until the next call on n).
   s must be valid UTF-8. */
recap_status rc_fold(rc_norm *n, const char *s, size_t len, const char **out,
                     size_t *outlen);
/* The NFC form of s[0..len), like rc_fold(). */
recap_status rc_nfc(rc_norm *n, const char *s, size_t len, const char **out,
                    size_t *outlen);

/* The NFC form of s[0..len) in lower case (for display, unlike rc_fold
   it keeps ß and the like), like rc_fold(). */
recap_status rc_lower(rc_norm *n, const char *s, size_t len, const char **out,
                      size_t *outlen);

/* The NFC form of s[0..len) with its first letter in title case ("Élan",
   "Научим"), like rc_fold(). */
recap_status rc_capitalize(rc_norm *n, const char *s, size_t len,
                           const char **out, size_t *outlen);

/* The Unicode version of the tables, for --version. */
const char *rc_unicode_version(void);

#endif
