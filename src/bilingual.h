/*
 * bilingual.h - captions that carry two scripts, a subtitle line and its
 * translation in each cue (bilingual.c).
 */
#ifndef RC_BILINGUAL_H
#define RC_BILINGUAL_H

#include "lang.h"
#include "source.h"

/* When at least half the cues (and three or more) hold lines of both a
   script without spaces (Han, kana, Thai ...) and another script, the
   cues' lines are regrouped into two streams, each in time order: the
   cues' lines in the script of the first such line, then (from content
   offset src->split_at, the first cue flagged RC_CUE_BREAK) the others.
   Sentences then run across cues within one language, never across the
   two.  Otherwise src is left as it was (split_at 0). */
recap_status rc_source_split_scripts(rc_source *src);

/* Is the content byte at off in the stream of the script without spaces
   (1) or of the other (0)?  -1 if the source was not regrouped. */
int rc_source_nospace_at(const rc_source *src, size_t off);

/* Is the content byte at off in the stream whose script is not that of
   lang (the document's language)?  0 if the source was not regrouped. */
int rc_source_other_language(const rc_source *src, size_t off,
                             const rc_lang *lang);

#endif
