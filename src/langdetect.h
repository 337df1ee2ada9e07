/*
 * langdetect.h - which language a text is in.
 */
#ifndef RC_LANGDETECT_H
#define RC_LANGDETECT_H

#include <stddef.h>

#include "lang.h"
#include "normalize.h"

/* Below this confidence the language-neutral mode is used instead. */
#define RC_LANG_MIN_CONFIDENCE 0.35

/*
 * The language of text[0..len) (its first RC_LANG_SAMPLE bytes), with a
 * confidence in [0, 1] in *confidence; &rc_lang_none when unsure.
 */
#define RC_LANG_SAMPLE 32768
recap_status rc_detect_language(const char *text, size_t len, rc_norm *norm,
                                const rc_lang **lang, double *confidence);

#endif
