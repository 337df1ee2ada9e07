/*
 * langshare.h - the languages of a document's sentences, with their shares.
 */
#ifndef RC_LANGSHARE_H
#define RC_LANGSHARE_H

#include <stddef.h>

#include "langdetect.h"
#include "mem.h"
#include "segment.h"
#include "source.h"

/* One language found in a document and its share of the letters. */
typedef struct rc_lang_share {
  const rc_lang *lang;
  double share; /* in (0, 1]; the shares of a document add up to 1 */
} rc_lang_share;

/* At most this many sentences, evenly spaced, are detected. */
#define RC_SHARE_SAMPLE 256
/* A language other than its stream's main one is listed only with at
   least this share of the letters and this many sentences; below, its
   letters count for the main language (a quotation, a name, a short
   sentence taken for another language). */
#define RC_SHARE_MIN 0.05
#define RC_SHARE_MIN_SENTENCES 2

/*
 * The languages of the sentences spans (of src's content) and their
 * shares of the letters (langdetect.h, rc_letter_weight: a character of a
 * script without spaces counts three), from language detection on each
 * sampled sentence.  Sentences detection is unsure of count for the main
 * language of their stream: lang (the document's) if not none, or the
 * most common one found; in a bilingual caption (bilingual.h), the other
 * script's stream has its own main language.  Sorted by share, ties by
 * language order; *out (in arena) may be NULL with *count 0.
 */
recap_status rc_language_shares(const rc_source *src, const rc_span_vec *spans,
                                const rc_lang *lang, rc_norm *norm,
                                rc_maskcache *masks, rc_arena *arena,
                                const rc_lang_share **out, size_t *count);

#endif
