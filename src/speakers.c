/*
 * speakers.c - who said how much, and what about.
 *
 * Talk time is the sum of a speaker's cue durations (overlapping speech
 * counts for each speaker).  A turn is a run of consecutive cues by one
 * speaker.  A speaker's key phrases are the phrases they use most, by
 * their global score weighted by the share of uses that are theirs; their
 * representative sentence is their best-scoring sentence that is not a
 * backchannel.  Speakers are listed by words spoken, then first
 * appearance.
 */
#include "speakers.h"

#include <stdlib.h>
#include <string.h>

#include "keyphrase.h"

typedef struct tally {
  uint32_t id;
  size_t words, turns, first;
  double talk;
  size_t best; /* sentence, or SIZE_MAX */
} tally;

static int by_words(const void *x, const void *y) {
  const tally *a = x, *b = y;
  if (a->words != b->words)
    return a->words > b->words ? -1 : 1;
  return (a->first > b->first) - (a->first < b->first);
}

static uint32_t speaker_of(const recap_document *doc, size_t s) {
  return doc->src.cues.data[doc->sents.data[s].cue_first].speaker;
}

static int said_by(const recap_document *doc, size_t s, void *user) {
  return speaker_of(doc, s) == *(const uint32_t *)user;
}

static void count(const recap_document *doc, tally *t, size_t n) {
  const rc_cue *c = doc->src.cues.data;
  for (size_t i = 0; i < n; i++) {
    t[i].id = (uint32_t)i;
    t[i].first = SIZE_MAX;
    t[i].best = SIZE_MAX;
    t[i].talk = doc->src.timed ? 0 : -1;
  }
  for (size_t k = 0; k < doc->src.cues.len; k++) {
    uint32_t sp = c[k].speaker;
    if (sp == RC_NO_ID)
      continue;
    if (k == 0 || c[k - 1].speaker != sp)
      t[sp].turns++;
    if (t[sp].first == SIZE_MAX)
      t[sp].first = k;
    if (doc->src.timed && c[k].start >= 0 && c[k].end > c[k].start)
      t[sp].talk += c[k].end - c[k].start;
  }
  for (size_t s = 0; s < doc->sents.len; s++) {
    uint32_t sp = speaker_of(doc, s);
    if (sp == RC_NO_ID)
      continue;
    const rc_sent *se = &doc->sents.data[s];
    t[sp].words += se->words;
    if (!rc_sent_eligible(se))
      continue;
    if (t[sp].best == SIZE_MAX || se->score > doc->sents.data[t[sp].best].score)
      t[sp].best = s;
  }
}

static recap_status fill(recap_document *doc, const tally *t, uint32_t *counts,
                         recap_speaker *out) {
  out->name = rc_doc_speaker_name(doc, t->id);
  if (!out->name)
    return RECAP_ERR_NOMEM;
  out->talk_time = t->talk;
  out->words = t->words;
  out->turns = t->turns;
  if (t->best != SIZE_MAX) {
    recap_sentence *r = rc_arena_calloc(&doc->arena, 1, sizeof *r);
    if (!r)
      return RECAP_ERR_NOMEM;
    RC_TRY(rc_doc_sentence(doc, t->best, 1, r));
    out->representative = r;
  }
  if (doc->phrases.len == 0)
    return RECAP_OK;
  memset(counts, 0, doc->phrases.len * sizeof *counts);
  uint32_t id = t->id;
  RC_TRY(rc_kp_count(doc, 0, doc->sents.len, said_by, &id, counts));
  recap_keyphrase *kp =
      rc_arena_calloc(&doc->arena, RC_SPEAKER_KEYPHRASES, sizeof *kp);
  const recap_keyphrase **ptrs =
      rc_arena_calloc(&doc->arena, RC_SPEAKER_KEYPHRASES, sizeof *ptrs);
  if (!kp || !ptrs)
    return RECAP_ERR_NOMEM;
  size_t n;
  RC_TRY(rc_kp_local(doc, counts, RC_SPEAKER_KEYPHRASES, kp, &n));
  for (size_t i = 0; i < n; i++)
    ptrs[i] = &kp[i];
  out->keyphrases = ptrs;
  out->keyphrase_count = n;
  return RECAP_OK;
}

recap_status rc_speakers_build(recap_document *doc) {
  size_t n = doc->src.speakers.count;
  doc->speaker_count = 0;
  if (n == 0)
    return RECAP_OK;
  const recap_allocator *a = doc->alloc;
  tally *t = rc_calloc(a, n, sizeof *t);
  uint32_t *counts = rc_calloc(a, doc->phrases.len + 1, sizeof *counts);
  doc->speakers = rc_arena_calloc(&doc->arena, n, sizeof *doc->speakers);
  recap_status st = t && counts && doc->speakers ? RECAP_OK : RECAP_ERR_NOMEM;
  if (st == RECAP_OK) {
    count(doc, t, n);
    qsort(t, n, sizeof *t, by_words);
  }
  for (size_t i = 0; st == RECAP_OK && i < n; i++) {
    st = fill(doc, &t[i], counts, &doc->speakers[i]);
    if (st == RECAP_OK)
      doc->speaker_count = i + 1;
  }
  rc_free(a, t);
  rc_free(a, counts);
  return st;
}
