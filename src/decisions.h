/*
 * decisions.h - a meeting's decisions and action items (decisions.c).
 */
#ifndef RC_DECISIONS_H
#define RC_DECISIONS_H

#include "doc.h"

/* Automatic count (recap_options.decisions = 0): one decision and one
   action item allowed per this many sentences, within [RC_ITEMS_MIN,
   RC_ITEMS_MAX] each: 4 each for a 30-minute AMI meeting, 8 for an hour
   of ICSI.  ROUGE-1 on ami_decisions / icsi_decisions (plain text): 100
   .226 / .216, 150 .227 / .217, 250 .226 / .215.  A count asked for is
   at most the sentences. */
#define RC_SENTENCES_PER_ITEM 150
#define RC_ITEMS_MIN 4
#define RC_ITEMS_MAX 8

/* The decisions and action items into doc->decisions and doc->actions. */
recap_status rc_decisions_build(recap_document *doc);

#endif
