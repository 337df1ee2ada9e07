/*
 * stem.h - the libstemmer wrapper (stem.c is the only file that includes
 * libstemmer.h).
 *
 * A Snowball stemmer is not thread-safe, so each document owns one.  The
 * stemmer's own memory comes from malloc inside libstemmer; an allocation
 * failure there is still reported as RECAP_ERR_NOMEM.
 */
#ifndef RC_STEM_H
#define RC_STEM_H

#include <stddef.h>

#include "recap.h"

typedef struct rc_stemmer {
  struct sb_stemmer *sb;
  const char *algorithm; /* NULL: no stemming */
} rc_stemmer;

/* Prepares a stemmer for `algorithm` (a libstemmer name, or NULL for the
   identity).  Reuses the current one if it is already that algorithm. */
recap_status rc_stemmer_use(rc_stemmer *s, const char *algorithm);
void rc_stemmer_close(rc_stemmer *s);
/* Stems w[0..n) (a folded word); *out is valid until the next call. */
recap_status rc_stem(rc_stemmer *s, const char *w, size_t n, const char **out,
                     size_t *outlen);
/* Is `algorithm` available in the linked libstemmer? */
int rc_stemmer_exists(const char *algorithm);

#endif
