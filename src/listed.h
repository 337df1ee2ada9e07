/*
 * listed.h - the listed phrases of a language (lang.h: housekeeping,
 * gist) as sequences of small word ids, for the token pass to match the
 * words it has just seen without building strings.
 *
 *   words:  the distinct words of the phrases -> ids 0, 1, 2, ...
 *   seqs:   each phrase of at most RC_LISTED_WORDS words as its word ids,
 *           last word first, two bytes each ("thank you" -> [you][thank]),
 *           so the key for the last k words seen is a prefix of one array
 *   kinds:  per seq, the lists it is on (RC_LISTED_*)
 *
 * A phrase's words are what lies between its single spaces, so a word
 * sequence w1 .. wk of words without spaces matches a phrase exactly when
 * their ids do.  Built once per document and language (about 200 phrases),
 * kept across analyses like the word facts.
 */
#ifndef RC_LISTED_H
#define RC_LISTED_H

#include <stdint.h>

#include "lang.h"
#include "mem.h"
#include "strtab.h"

/* The longest phrase matched, in words. */
#define RC_LISTED_WORDS 6

enum { RC_LISTED_HOUSEKEEPING = 1u << 0, RC_LISTED_GIST = 1u << 1 };

typedef struct rc_listed {
  const rc_lang *lang; /* built for; NULL: not yet */
  rc_strtab words;
  rc_strtab seqs;
  RC_VEC(uint8_t) kinds;
} rc_listed;

void rc_listed_init(rc_listed *l, const recap_allocator *alloc);
void rc_listed_free(rc_listed *l);
/* Builds l for lang unless it is built for it already. */
recap_status rc_listed_build(rc_listed *l, const rc_lang *lang);
/* The id of a word of the phrases, or RC_NO_ID. */
static inline uint32_t rc_listed_word(const rc_listed *l, const char *w,
                                      size_t n) {
  return rc_strtab_find(&l->words, w, n);
}
/* The lists (RC_LISTED_*) holding the phrase whose word ids, last word
   first, are ids[0..k); 0 for none. */
static inline unsigned rc_listed_kinds(const rc_listed *l, const uint16_t *ids,
                                       size_t k) {
  uint32_t id = rc_strtab_find(&l->seqs, (const char *)ids, k * sizeof *ids);
  return id == RC_NO_ID ? 0u : l->kinds.data[id];
}

#endif
