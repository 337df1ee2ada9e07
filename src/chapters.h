/*
 * chapters.h - topical sections of a transcript.
 */
#ifndef RC_CHAPTERS_H
#define RC_CHAPTERS_H

#include "doc.h"

/* Content words compared on each side of a gap and the reach of its
   depth: this fraction of the expected chapter, within [RC_TILE_MIN,
   RC_TILE_MAX].  tools/chapter-eval, Pk with the true count given
   (AMI/ICSI/QMSum): 0.3 .384/.347/.334, 0.45 .331/.243/.267,
   0.6 .258/.231/.211, 0.75 .276/.269/.221.  On QMSum's topics 0.4 to 1.0
   were within noise (.343 to .380 with the true count). */
#define RC_TILE_FRACTION 0.6
#define RC_TILE_MIN 40
#define RC_TILE_MAX 600
/* Chapters start at least this fraction of the span apart (and from both
   ends).  Human chapters vary in length: a twentieth of QMSum's are under
   0.27 of the mean.  Pk with the true count: 1.0 .360, 0.6 .343, 0.5 .346,
   0.4 .349. */
#define RC_CH_CLOSEST 0.5
/* The weight of who speaks next to what is said (gap_similarities).
   QMSum Pk, automatic count / true count: 0 .387/.373, 0.25 .364/.337,
   0.5 .359/.339, 1 .363/.365 (each with the other signals). */
#define RC_CH_SPEAKERS 0.5
/* Chapters start only at turns when there is a turn per this many words. */
#define RC_CH_TURN_WORDS 300
/* A turn that opens with a topic cue of the language in its first
   RC_CH_CUE_WORDS words (phrases of up to RC_CH_CUE_LEN words) scores
   RC_CH_CUE more.  QMSum Pk with the true count, cue 0 .364, 0.1 .358,
   0.3 .339, 0.4 .342, 0.5 .355. */
#define RC_CH_CUE 0.3
#define RC_CH_CUE_WORDS 30
#define RC_CH_CUE_LEN 5
/* An announced topic ("let's move on to") where the depth reaches this
   starts a chapter before any other gap.  QMSum Pk, automatic count:
   not first .360, first at depth 0.05 .358, 0.1 .353, 0.2 .353. */
#define RC_CH_MOVE_DEPTH 0.1
/* The expected number of chapters: 1 + sqrt(words) / RC_CH_PRIOR_WORDS +
   RC_CH_PRIOR_SPEAKERS x ln(speakers saying RC_CH_SPEAKER_SHARE of the
   words or more).  Fitted on QMSum's counts (mean absolute error of the
   guess alone 1.05; with the length alone, 1.26). */
#define RC_CH_PRIOR_WORDS 50.0
#define RC_CH_PRIOR_SPEAKERS 1.5
#define RC_CH_SPEAKER_SHARE 0.01
/* Automatic count: boundaries scoring RC_CH_KEEP of the best or more, and
   announced topics up to RC_CH_MOVES_MOST times the expected count;
   between RC_CH_FEWEST and RC_CH_MOST times the expected count.  QMSum,
   Pk / count error: keep 0.7 .353/1.31, 0.75 .358/1.22, 0.8 .356/1.18
   (and the seed webinar's three talks became two). */
#define RC_CH_KEEP 0.75
/* No automatic boundary where the words before and after are this alike
   (lexical cosine of the windows): one topic, however its similarity
   ripples.  A talk generated on one topic has 0.73 at its deepest gap,
   the seed webinar's talks 0.10; no QMSum result changed from 0.5 to 2. */
#define RC_CH_SAME_TOPIC 0.5
#define RC_CH_MOVES_MOST 1.5
#define RC_CH_FEWEST 0.8
#define RC_CH_MOST 2.0
#define RC_MAX_CHAPTERS 20
/* Candidate boundaries weighed for the automatic count. */
#define RC_MAX_CANDIDATES 256
/* In timed text no chapter is shorter than this (YouTube's rule, counting
   the first from 0:00); with RECAP_OPT_YOUTUBE, a recording that can hold
   RC_YOUTUBE_CHAPTERS such chapters gets at least that many. */
#define RC_CH_SHORTEST_SECONDS 10.0
#define RC_YOUTUBE_CHAPTERS 3
/* A title is made of this many of the chapter's key phrases. */
#define RC_TITLE_PHRASES 2
/* ... chosen among this many of its best. */
#define RC_TITLE_CHOICES 8
/* One highlight per this many sentences, 1 to 3. */
#define RC_HIGHLIGHT_EVERY 15
/* Most chapters a caller may ask for (recap_options.chapters). */
#define RC_MAX_CHAPTERS_ASKED 200

recap_status rc_chapters_build(recap_document *doc);

#endif
