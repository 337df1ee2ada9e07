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
/* Letters a language does not write rule it out when, together, they occur
   twice or more and make up at least 1 in this many of a text's letters
   (of its main script): in a short sentence several single foreign letters
   count (Turkish ı, ğ, ş once each), in a long text a name does not. */
#define RC_LANG_FOREIGN_LETTER 100
/* When the letters leave one language of the script, from at least this
   many letters, it is the language, with this confidence. */
#define RC_LANG_ALPHABET_LETTERS 20
#define RC_LANG_ALPHABET_CONFIDENCE 0.6
/* Word endings (stopwords/<language>.endings) are weaker evidence than
   function words: a language they decide has at most this confidence. */
#define RC_LANG_ENDING_CONFIDENCE 0.5

/* Why detection found what it found. */
typedef enum rc_lang_why {
  RC_LANG_WHY_FOUND,      /* a language, with enough confidence */
  RC_LANG_WHY_UNSURE,     /* too little evidence for any language */
  RC_LANG_WHY_ALPHABET,   /* the languages with evidence do not write letters
                             the text uses often */
  RC_LANG_WHY_SCRIPT,     /* a script none of the languages is written in */
  RC_LANG_WHY_NO_LETTERS, /* no letters at all */
  RC_LANG_WHY_GIVEN,      /* named by the caller (also "none") */
  RC_LANG_WHY_TAG         /* a subtitle file name's language tag */
} rc_lang_why;
/* "detected", "unsure", "alphabet", "script", "no letters", "given",
   "file name": static strings. */
const char *rc_lang_why_name(rc_lang_why why);

/* Scripts detection tells apart (at least langdetect.c's count). */
#define RC_SCRIPTS_MAX 16

/* Words already looked up, with their masks of the languages they are a
   stopword of and have an ending of (two per word): kept by a
   document across analyses (a pure function of the word), at most
   RC_MASKS_MAX words. */
typedef struct rc_maskcache {
  rc_strtab words;
  RC_VEC(uint64_t) masks;
  /* Per script (langdetect.c's numbering), the languages written in it
     as a mask over rc_languages, and its most common one; bit s of
     script_ready says they are set. */
  uint64_t script_langs[RC_SCRIPTS_MAX];
  const rc_lang *script_default[RC_SCRIPTS_MAX];
  uint32_t script_ready;
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
/* The same, saying in *why why *lang is what it is. */
recap_status rc_detect_language_why(const char *text, size_t len, rc_norm *norm,
                                    rc_maskcache *cache, const rc_lang **lang,
                                    double *confidence, const rc_lang **guess,
                                    rc_lang_why *why);

/* The letters of text[0..len), a character of a script without spaces
   (Han, kana, Thai ...) counting three, as detection weighs scripts. */
size_t rc_letter_weight(const char *text, size_t len);

#endif
