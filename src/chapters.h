/*
 * chapters.h - topical sections of a transcript: where they start, how
 * many there are, what they are called (chapters.c).
 */
#ifndef RC_CHAPTERS_H
#define RC_CHAPTERS_H

#include "doc.h"

/* Figures below: QMSum's topics (`evaluate chapters qmsum`, 176 dev
   meetings), Pk with the automatic count / with the true count, the rest
   of recap as it is (README, "Chapters"), unless said otherwise; recap
   as it is scores .357 / .345.  Differences under .01 are noise there. */

/* Content words compared on each side of a gap and the reach of its
   depth: this fraction of the expected chapter, within [RC_TILE_MIN,
   RC_TILE_MAX].  tools/chapter-eval, Pk with the true count given
   (AMI/ICSI/QMSum), the first version: 0.3 .384/.347/.334, 0.45
   .331/.243/.267, 0.6 .258/.231/.211, 0.75 .276/.269/.221.  On QMSum's
   topics 0.4 to 1.0 were within noise in an earlier build. */
#define RC_TILE_FRACTION 0.6
#define RC_TILE_MIN 40
#define RC_TILE_MAX 600
/* Chapters start at least this fraction of the span apart (and from both
   ends).  Human chapters vary in length: a twentieth of QMSum's are under
   0.27 of the mean.  1.0: .358 / .373. */
#define RC_CH_CLOSEST 0.5
/* The weight of who speaks next to what is said (gap_similarities).
   0: .378 / .361; 0.25 and 1 were within .01 of 0.5 in an earlier build. */
#define RC_CH_SPEAKERS 0.5
/* In hearings, turns of this many words or more on average (QMSum's
   committees 44 to 104, AMI 5 to 21, ICSI 9 to 22), a speaker's words
   count by how rare the speaker is, to this power (speaker_weights).
   Committees .372 / .390 -> .345 / .361 (paired over the 30 meetings: t
   -2.4 / -2.6); for every meeting it would cost ICSI .336 -> .364 and
   leave AMI as it is (.321 / .322); power 1 .364 in committees. */
#define RC_CH_HEARING_TURN 32
#define RC_CH_RARE_SPEAKER 2.0
/* Chapters start only at turns when there is a turn per this many words.
   Anywhere: .360 / .347. */
#define RC_CH_TURN_WORDS 300
/* A turn that opens with a topic cue of the language in its first
   RC_CH_CUE_WORDS words (phrases of up to RC_CH_CUE_LEN words) scores
   RC_CH_CUE more.  Without cues (and announcements): .369 / .356; in an
   earlier build with the true count, cue 0 .364, 0.1 .358, 0.3 .339,
   0.4 .342, 0.5 .355. */
#define RC_CH_CUE 0.3
#define RC_CH_CUE_WORDS 30
#define RC_CH_CUE_LEN 5
/* An announced topic ("let's move on to") where the depth reaches this
   starts a chapter before any other gap, and counts (below).  Neutral on
   QMSum (not first: .356 / .339), where few are said; it is what finds
   the example webinar's Q&A and wrap-up, whose words go on from the
   section before. */
#define RC_CH_MOVE_DEPTH 0.1
/* The expected number of chapters: 1 + sqrt(words) / RC_CH_PRIOR_WORDS +
   RC_CH_PRIOR_SPEAKERS x ln(speakers saying RC_CH_SPEAKER_SHARE of the
   words or more).  QMSum's annotators marked about four topics in a
   meeting of any length up to 9,000 words, more in committees of many
   speakers (7.2 for 22 speakers).  The guess alone is off by 1.28
   chapters on average (the length alone, 1 + sqrt(words) / 25: 1.26);
   the speakers keep a committee from getting the count of a meeting of
   four of the same length. */
#define RC_CH_PRIOR_WORDS 50.0
#define RC_CH_PRIOR_SPEAKERS 1.5
#define RC_CH_SPEAKER_SHARE 0.01
/* Automatic count: boundaries scoring RC_CH_KEEP of the best or more, and
   announced topics up to RC_CH_MOVES_MOST times the expected count;
   between RC_CH_FEWEST and RC_CH_MOST times the expected count.  Pk /
   count error in an earlier build: keep 0.7 .353/1.31, 0.75 .358/1.22,
   0.8 .356/1.18 (and the seed webinar's three talks became two); recap
   as it is .357/1.23. */
#define RC_CH_KEEP 0.75
#define RC_CH_MOVES_MOST 1.5
#define RC_CH_FEWEST 0.8
#define RC_CH_MOST 2.0
#define RC_MAX_CHAPTERS 20
/* No automatic boundary where the words before and after are this alike
   (lexical cosine of the windows): one topic, however its similarity
   ripples.  A talk generated on one topic has 0.73 at its deepest gap,
   the seed webinar's talks 0.10.  Without: .358 / .345.  Once placed,
   neighbouring chapters this alike (TF-IDF cosine of the whole chapters)
   become one, down to RC_CH_FEWEST times the expected count (QMSum dev,
   automatic count, Pk / WindowDiff / count error: with add-one placing
   .3291 / .3427 / 1.20 -> .3280 / .3400 / 1.15, with RC_CH_DIRICHLET
   .3219 / .3363 / 1.20 -> .3189 / .3321 / 1.14; merging at 0.45 / 0.55
   .3283 / .3281 against .3267 at 0.5 (placed again after each merge);
   down to one chapter .3430 / .3509 / 2.14). */
#define RC_CH_SAME_TOPIC 0.5
/* Placing the chapters (chapters.c, place_boundaries): a gap's score
   (depth and cue) is worth this fraction of a chapter's content words in
   the chapters' cost.  Pk / WindowDiff, automatic count, in the prototype
   (announced topics not kept): cohesion alone .373 / .385, 0.1 .352 /
   .363, 0.2 .336 / .348, 0.25 .338 / .350, 0.3 .337 / .349, 0.5 .341 /
   .353; the gaps alone, picked greedily (before) .354 / .370. */
#define RC_CH_GAP_WEIGHT 0.25
/* In a discussion (not a hearing, RC_CH_HEARING_TURN) the chapters'
   likelihood is Dirichlet-multinomial with this concentration per stem
   instead of add-one (chapters.c, concentration).  QMSum dev, Pk with the
   automatic count and chapters of alike words merged (RC_CH_SAME_TOPIC):
   add-one .3267, 0.3 .3204, 0.4 .3234, 0.5 .3176, 0.7 .3221, 1.0 .3247
   (placed again after each merge; the gain is ICSI's most, .034, and
   not monotone in the prior: treat it as about .005-.01); without
   merging 0.5 gains on one half of the set only (.3241 -> .3098, .3342
   -> .3341).  In hearings as well at 0.5 committees lost .005. */
#define RC_CH_DIRICHLET 0.5
/* Positions placing weighs at most: the best-scored gaps, 0 and the end
   (none of QMSum's meetings changes without the limit). */
#define RC_CH_PLACES 1024
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
