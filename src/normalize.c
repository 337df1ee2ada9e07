/*
 * normalize.c - the utf8proc wrapper (see normalize.h).
 *
 * utf8proc_map() allocates with malloc; to keep every allocation in the
 * caller's allocator (and failure-injectable) its two steps are called
 * separately on our own buffer: decompose (with the custom mapping) into
 * UTF-32, then compose and re-encode in place.
 *
 * utf8proc puts each run of non-starters (combining marks) in canonical
 * order with an exchange sort: quadratic in the run's length, so a word of
 * 'a' and 50,000 alternating U+0301 U+0316 took a minute.  Text is made
 * stream-safe first, as UAX #15 ("Stream-Safe Text Format") does: a run
 * longer than RC_MAX_NONSTARTERS is cut, and each piece is decomposed and
 * ordered on its own, as if a U+034F COMBINING GRAPHEME JOINER stood at
 * the cut (without adding one).  Real text never has such runs, and for
 * it the result is unchanged; each call to utf8proc then costs at most
 * RC_MAX_NONSTARTERS^2 per non-starter.
 */
#include "normalize.h"

#include <stdint.h>
#include <string.h>
#include <utf8proc.h>

static int in(unsigned cp, unsigned lo, unsigned hi) {
  return cp >= lo && cp <= hi;
}

static unsigned script_flags(unsigned cp) {
  if (in(cp, 0x3040, 0x30FF) || in(cp, 0x31F0, 0x31FF) ||
      in(cp, 0xFF66, 0xFF9F))
    return RC_CH_NOSPACE | RC_CH_KANA;
  if (in(cp, 0x4E00, 0x9FFF) || in(cp, 0x3400, 0x4DBF) ||
      in(cp, 0x20000, 0x2FA1F) || in(cp, 0xF900, 0xFAFF) || cp == 0x3005)
    return RC_CH_NOSPACE | RC_CH_HAN;
  if (in(cp, 0x0E00, 0x0EFF) /* Thai, Lao */ ||
      in(cp, 0x1780, 0x17FF) /* Khmer */ || in(cp, 0x1000, 0x109F))
    return RC_CH_NOSPACE;
  return 0;
}

unsigned rc_char_class(unsigned cp) {
  switch (cp) {
  case '\'':
  case 0x2019: /* right single quotation mark, the usual apostrophe */
  case 0x02BC: /* modifier letter apostrophe */
  case 0xFF07:
    return RC_CH_PUNCT | RC_CH_APOSTROPHE;
  case '-':
  case 0x2010: /* hyphen */
  case 0x2011: /* non-breaking hyphen */
    return RC_CH_PUNCT | RC_CH_HYPHEN;
  case '\t':
  case '\n':
    return RC_CH_SPACE;
  default:
    break;
  }
  if (cp > 0x10FFFF)
    return 0;
  unsigned f = 0;
  switch (utf8proc_category((utf8proc_int32_t)cp)) {
  case UTF8PROC_CATEGORY_LU:
  case UTF8PROC_CATEGORY_LT:
    f = RC_CH_LETTER | RC_CH_UPPER;
    break;
  case UTF8PROC_CATEGORY_LL:
    f = RC_CH_LETTER | RC_CH_LOWER;
    break;
  case UTF8PROC_CATEGORY_LM:
  case UTF8PROC_CATEGORY_LO:
    f = RC_CH_LETTER;
    break;
  case UTF8PROC_CATEGORY_MN:
  case UTF8PROC_CATEGORY_MC:
  case UTF8PROC_CATEGORY_ME:
    f = RC_CH_MARK;
    break;
  case UTF8PROC_CATEGORY_ND:
    f = RC_CH_DIGIT;
    break;
  case UTF8PROC_CATEGORY_NL:
  case UTF8PROC_CATEGORY_NO:
    f = RC_CH_NUMBER;
    break;
  case UTF8PROC_CATEGORY_ZS:
  case UTF8PROC_CATEGORY_ZL:
  case UTF8PROC_CATEGORY_ZP:
    f = RC_CH_SPACE;
    break;
  case UTF8PROC_CATEGORY_PC:
  case UTF8PROC_CATEGORY_PD:
  case UTF8PROC_CATEGORY_PS:
  case UTF8PROC_CATEGORY_PE:
  case UTF8PROC_CATEGORY_PI:
  case UTF8PROC_CATEGORY_PF:
  case UTF8PROC_CATEGORY_PO:
    f = RC_CH_PUNCT;
    break;
  case UTF8PROC_CATEGORY_SM:
  case UTF8PROC_CATEGORY_SC:
  case UTF8PROC_CATEGORY_SK:
  case UTF8PROC_CATEGORY_SO:
    f = RC_CH_SYMBOL;
    break;
  case UTF8PROC_CATEGORY_CF:
    f = RC_CH_FORMAT;
    break;
  default:
    f = 0;
    break;
  }
  return f | script_flags(cp);
}

void rc_norm_init(rc_norm *n, const recap_allocator *alloc) {
  n->alloc = alloc;
  n->u32 = NULL;
  n->cap = 0;
}

void rc_norm_free(rc_norm *n) {
  rc_free(n->alloc, n->u32);
  n->u32 = NULL;
  n->cap = 0;
}

static utf8proc_int32_t map_variants(utf8proc_int32_t cp, void *data) {
  (void)data;
  switch (cp) {
  case 0x2019:
  case 0x2018:
  case 0x02BC:
    return '\'';
  case 0x2010:
  case 0x2011:
    return '-';
  default:
    return cp;
  }
}

/* UAX #15's bound on a run of non-starters in stream-safe text. */
enum { RC_MAX_NONSTARTERS = 30 };

/* Whether cp decomposed with opts holds a starter; the non-starters
   before its first starter in *lead (all of them if none), those after its
   last in *trail.  The custom mappings here never make a mark. */
static int has_starter(utf8proc_int32_t cp, utf8proc_option_t opts,
                       size_t *lead, size_t *trail) {
  *lead = *trail = 0;
  const utf8proc_property_t *p = utf8proc_get_property(cp);
  if (p->combining_class == 0 && p->decomp_seqindex == UINT16_MAX &&
      p->casefold_seqindex == UINT16_MAX)
    return !(p->ignorable && (opts & UTF8PROC_IGNORE)); /* else dropped */
  utf8proc_int32_t d[32];
  int bound = 0;
  utf8proc_ssize_t k = utf8proc_decompose_char(
      cp, d, (utf8proc_ssize_t)(sizeof d / sizeof d[0]), opts, &bound);
  if (k < 0 || k > (utf8proc_ssize_t)(sizeof d / sizeof d[0]))
    return 1; /* utf8proc reports it when it meets it */
  int starter = 0;
  for (utf8proc_ssize_t i = 0; i < k; i++) {
    if (utf8proc_get_property(d[i])->combining_class == 0) {
      starter = 1;
      *trail = 0;
    } else if (starter) {
      (*trail)++;
    } else {
      (*lead)++;
    }
  }
  return starter;
}

/* The end of the piece of s[0..len) that starts at from: len, or the
   start of the code point that would make a run of non-starters longer
   than RC_MAX_NONSTARTERS.  A piece holds at least one code point.  A
   short text (most calls: one word) is not looked at: ordering it costs
   little whatever it holds. */
static size_t piece_end(const char *s, size_t len, size_t from,
                        utf8proc_option_t opts) {
  if (len <= 2 * RC_MAX_NONSTARTERS)
    return len;
  size_t run = 0;
  size_t i = from;
  while (i < len) {
    if ((unsigned char)s[i] < 0x80) { /* ASCII: a starter */
      run = 0;
      i++;
      continue;
    }
    utf8proc_int32_t cp;
    utf8proc_ssize_t n = utf8proc_iterate((const utf8proc_uint8_t *)s + i,
                                          (utf8proc_ssize_t)(len - i), &cp);
    if (n <= 0)
      return len; /* bad UTF-8: utf8proc reports it */
    size_t lead, trail;
    int starter = has_starter(cp, opts, &lead, &trail);
    if (i > from && run + lead > RC_MAX_NONSTARTERS)
      return i;
    run = starter ? trail : run + lead;
    i += (size_t)n;
  }
  return len;
}

/* Decomposes s[0..len) piece by piece (see the top) into n->u32, then
   composes and encodes the whole. */
static recap_status run_with(rc_norm *n, const char *s, size_t len,
                             utf8proc_option_t opts,
                             utf8proc_custom_func custom, int *data,
                             const char **out, size_t *outlen) {
  if (len > (size_t)PTRDIFF_MAX / 8)
    return RECAP_ERR_TOO_LARGE;
  if (data) /* the mapping's state starts with the text */
    *data = 0;
  size_t used = 0; /* UTF-32 units decomposed so far */
  for (size_t from = 0; from < len;) {
    size_t to = piece_end(s, len, from, opts);
    int saved = data ? *data : 0;
    for (;;) {
      utf8proc_ssize_t got = utf8proc_decompose_custom(
          (const utf8proc_uint8_t *)s + from, (utf8proc_ssize_t)(to - from),
          n->u32 ? n->u32 + used : NULL, (utf8proc_ssize_t)(n->cap - used),
          opts, custom, data);
      if (got < 0)
        return got == UTF8PROC_ERROR_NOMEM ? RECAP_ERR_NOMEM
                                           : RECAP_ERR_BAD_ENCODING;
      /* reencode writes a NUL after the text: keep one unit spare. */
      if ((size_t)got < n->cap - used) {
        used += (size_t)got;
        break;
      }
      if (data) /* the piece is decomposed again: so is its mapping */
        *data = saved;
      void *p = n->u32;
      RC_TRY(rc_reserve(n->alloc, &p, &n->cap, used + (size_t)got + 1,
                        sizeof(int32_t)));
      n->u32 = p;
    }
    from = to;
  }
  if (!n->u32) { /* empty text */
    void *p = NULL;
    RC_TRY(rc_reserve(n->alloc, &p, &n->cap, 1, sizeof(int32_t)));
    n->u32 = p;
  }
  /* reencode composes (normalize_utf32) before encoding: one linear pass. */
  utf8proc_ssize_t got =
      utf8proc_reencode(n->u32, (utf8proc_ssize_t)used, opts);
  if (got < 0)
    return RECAP_ERR_BAD_ENCODING;
  *out = (const char *)n->u32;
  *outlen = (size_t)got;
  return RECAP_OK;
}

static recap_status run(rc_norm *n, const char *s, size_t len,
                        utf8proc_option_t opts, utf8proc_custom_func custom,
                        const char **out, size_t *outlen) {
  return run_with(n, s, len, opts, custom, NULL, out, outlen);
}

recap_status rc_fold(rc_norm *n, const char *s, size_t len, const char **out,
                     size_t *outlen) {
  return run(n, s, len,
             UTF8PROC_STABLE | UTF8PROC_COMPAT | UTF8PROC_COMPOSE |
                 UTF8PROC_CASEFOLD | UTF8PROC_IGNORE,
             map_variants, out, outlen);
}

recap_status rc_nfc(rc_norm *n, const char *s, size_t len, const char **out,
                    size_t *outlen) {
  return run(n, s, len, UTF8PROC_STABLE | UTF8PROC_COMPOSE, NULL, out, outlen);
}

static utf8proc_int32_t map_lower(utf8proc_int32_t cp, void *data) {
  (void)data;
  return utf8proc_tolower(cp);
}

recap_status rc_lower(rc_norm *n, const char *s, size_t len, const char **out,
                      size_t *outlen) {
  return run(n, s, len, UTF8PROC_STABLE | UTF8PROC_COMPOSE, map_lower, out,
             outlen);
}

/* The first letter in title case; *data says whether it was seen (reset
   by run_with at every pass). */
static utf8proc_int32_t map_first_upper(utf8proc_int32_t cp, void *data) {
  int *seen = data;
  if (*seen)
    return cp;
  if (rc_char_class((unsigned)cp) & RC_CH_LETTER) {
    *seen = 1;
    return utf8proc_totitle(cp);
  }
  return cp;
}

recap_status rc_capitalize(rc_norm *n, const char *s, size_t len,
                           const char **out, size_t *outlen) {
  int seen;
  return run_with(n, s, len, UTF8PROC_STABLE | UTF8PROC_COMPOSE,
                  map_first_upper, &seen, out, outlen);
}

const char *rc_unicode_version(void) { return utf8proc_unicode_version(); }
