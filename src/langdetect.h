/*
 * langdetect.h - which language a text is in.
 */
#ifndef RC_LANGDETECT_H
#define RC_LANGDETECT_H

#include <stddef.h>

#include "lang.h"
#include "normalize.h"
#include "strtab.h"

/* Below this confidence the language-neutral mode is used instead. */
#define RC_LANG_MIN_CONFIDENCE 0.35

/* Words already looked up, with their stopword-language masks: kept by a
   document across analyses (a pure function of the word), at most
   RC_MASKS_MAX words. */
typedef struct rc_maskcache {
  rc_strtab words;
  RC_VEC(uint32_t) masks;
} rc_maskcache;
#define RC_MASKS_MAX ((size_t)1 << 16)

void rc_maskcache_init(rc_maskcache *c, const recap_allocator *alloc);
void rc_maskcache_free(rc_maskcache *c);

/*
 * The language of text[0..len) (its first RC_LANG_SAMPLE bytes), with a
 * confidence in [0, 1] in *confidence; &rc_lang_none when unsure.
 * *guess (guess may be NULL) gets the likeliest language all the same:
 * *lang if sure; else the script's language, or the one with the most
 * stopwords (english among those tied, else the first), or without any
 * the script's most common one (english, russian, hindi); &rc_lang_none
 * for other scripts.
 * Sentence boundaries need a language's abbreviations and function words
 * even in a text too short to be sure of it ("Mr. Smith met Dr. Brown.").
 */
#define RC_LANG_SAMPLE 32768
recap_status rc_detect_language(const char *text, size_t len, rc_norm *norm,
                                rc_maskcache *cache, const rc_lang **lang,
                                double *confidence, const rc_lang **guess);

#endif
