/*
 * chapters.h - topical sections of a transcript.
 */
#ifndef RC_CHAPTERS_H
#define RC_CHAPTERS_H

#include "doc.h"

/* Sentences compared on each side of a candidate boundary. */
#define RC_TILE_WINDOW 20
/* No chapter shorter than this many sentences (fewer if the document is
   short). */
#define RC_MIN_CHAPTER 12
/* Automatic count: about one chapter per this many words, at most
   RC_MAX_CHAPTERS. */
#define RC_WORDS_PER_CHAPTER 900
#define RC_MAX_CHAPTERS 20
/* Most chapters a caller may ask for (recap_options.chapters). */
#define RC_MAX_CHAPTERS_ASKED 200

recap_status rc_chapters_build(recap_document *doc);

#endif
