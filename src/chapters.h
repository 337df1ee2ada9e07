/*
 * chapters.h - topical sections of a transcript.
 */
#ifndef RC_CHAPTERS_H
#define RC_CHAPTERS_H

#include "doc.h"

/* Content words compared on each side of a gap, the reach of its depth
   and the shortest chapter: this fraction of the expected chapter, within
   [RC_TILE_MIN, RC_TILE_MAX].  tools/chapter-eval, Pk with the true count
   given (AMI/ICSI/QMSum): 0.3 .384/.347/.334, 0.45 .331/.243/.267,
   0.6 .258/.231/.211, 0.75 .276/.269/.221. */
#define RC_TILE_FRACTION 0.6
#define RC_TILE_MIN 40
#define RC_TILE_MAX 600
/* Automatic count: the first guess is one chapter per this many words;
   never more than RC_MAX_CHAPTERS. */
#define RC_WORDS_PER_CHAPTER 900
#define RC_MAX_CHAPTERS 20
/* Candidate boundaries weighed for the automatic count. */
#define RC_MAX_CANDIDATES 256
/* A title is made of this many of the chapter's key phrases. */
#define RC_TITLE_PHRASES 2
/* One highlight per this many sentences, 1 to 3. */
#define RC_HIGHLIGHT_EVERY 15
/* Most chapters a caller may ask for (recap_options.chapters). */
#define RC_MAX_CHAPTERS_ASKED 200

recap_status rc_chapters_build(recap_document *doc);

#endif
