/*
 * speakers.h - per-speaker figures: talk time, words, turns, key phrases
 * and most representative sentence.
 */
#ifndef RC_SPEAKERS_H
#define RC_SPEAKERS_H

#include "doc.h"

/* Key phrases listed per speaker. */
#define RC_SPEAKER_KEYPHRASES 5

recap_status rc_speakers_build(recap_document *doc);

#endif
