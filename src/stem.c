/*
 * stem.c - Snowball stemming through libstemmer_c.
 *
 * Callers stem each distinct word of a document once (the term table
 * caches the result), so the cost here is per vocabulary entry, not per
 * token.
 */
#include "stem.h"

#include <libstemmer.h>
#include <limits.h>
#include <string.h>

recap_status rc_stemmer_use(rc_stemmer *s, const char *algorithm) {
  if (s->algorithm && algorithm && strcmp(s->algorithm, algorithm) == 0 &&
      s->sb)
    return RECAP_OK;
  rc_stemmer_close(s);
  if (!algorithm)
    return RECAP_OK;
  s->sb = sb_stemmer_new(algorithm, NULL);
  if (!s->sb) /* the algorithm exists (checked by callers): out of memory */
    return RECAP_ERR_NOMEM;
  s->algorithm = algorithm;
  return RECAP_OK;
}

void rc_stemmer_close(rc_stemmer *s) {
  sb_stemmer_delete(s->sb);
  s->sb = NULL;
  s->algorithm = NULL;
}

recap_status rc_stem(rc_stemmer *s, const char *w, size_t n, const char **out,
                     size_t *outlen) {
  /* Snowball's algorithms are meant for words; very long tokens (base64,
     hashes) are kept as they are rather than stemmed. */
  if (!s->sb || n > 64 || n > INT_MAX) {
    *out = w;
    *outlen = n;
    return RECAP_OK;
  }
  const sb_symbol *r = sb_stemmer_stem(s->sb, (const sb_symbol *)w, (int)n);
  if (!r)
    return RECAP_ERR_NOMEM;
  *out = (const char *)r;
  *outlen = (size_t)sb_stemmer_length(s->sb);
  return RECAP_OK;
}

int rc_stemmer_exists(const char *algorithm) {
  for (const char **l = sb_stemmer_list(); *l; l++)
    if (strcmp(*l, algorithm) == 0)
      return 1;
  return 0;
}
