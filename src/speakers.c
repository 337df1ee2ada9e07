/*
 * speakers.c - who said how much, and what about.
 *
 * Talk time is the sum of a speaker's cue durations (overlapping speech
 * counts for each speaker).  A turn is a run of consecutive cues by one
 * speaker.  A speaker's key phrases are those that set them apart from the
 * other speakers (rc_kp_parts: TF-IDF with speakers as documents); their
 * representative sentence is their best-scoring sentence that is not a
 * backchannel.  Speakers are listed by words spoken, then first
 * appearance.
 */
#include "speakers.h"

#include <stdlib.h>
#include <string.h>

#include "display.h"
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
    if (t[sp].best == SIZE_MAX ||
        doc->sent_scores.data[s] > doc->sent_scores.data[t[sp].best])
      t[sp].best = s;
  }
}

/* kp[0..nkp): the speaker's key phrases, from rc_kp_parts. */
static recap_status fill(recap_document *doc, const tally *t,
                         const recap_keyphrase *kp, size_t nkp,
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
    RC_TRY(rc_display_fill(doc, t->best, r));
    out->representative = r;
  }
  const recap_keyphrase **ptrs =
      rc_arena_calloc(&doc->arena, nkp ? nkp : 1, sizeof *ptrs);
  if (!ptrs)
    return RECAP_ERR_NOMEM;
  for (size_t i = 0; i < nkp; i++)
    ptrs[i] = &kp[i];
  out->keyphrases = ptrs;
  out->keyphrase_count = nkp;
  return RECAP_OK;
}

recap_status rc_speakers_build(recap_document *doc) {
  size_t n = doc->src.speakers.count, ns = doc->sents.len;
  doc->speaker_count = 0;
  if (n == 0)
    return RECAP_OK;
  const recap_allocator *a = doc->alloc;
  const size_t k = RC_SPEAKER_KEYPHRASES;
  tally *t = rc_calloc(a, n, sizeof *t);
  uint32_t *part = rc_calloc(a, ns + 1, sizeof *part);
  size_t *got = rc_calloc(a, n, sizeof *got);
  /* In the arena: the speakers point into it. */
  recap_keyphrase *kp = rc_arena_calloc(&doc->arena, n * k, sizeof *kp);
  doc->speakers = rc_arena_calloc(&doc->arena, n, sizeof *doc->speakers);
  recap_status st =
      t && part && got && kp && doc->speakers ? RECAP_OK : RECAP_ERR_NOMEM;
  if (st == RECAP_OK) {
    count(doc, t, n);
    for (size_t s = 0; s < ns; s++)
      part[s] = speaker_of(doc, s);
    st = rc_kp_parts(doc, part, n, k, kp, got);
    qsort(t, n, sizeof *t, by_words);
  }
  for (size_t i = 0; st == RECAP_OK && i < n; i++) {
    uint32_t id = t[i].id;
    st = fill(doc, &t[i], kp + (size_t)id * k, got[id], &doc->speakers[i]);
    if (st == RECAP_OK)
      doc->speaker_count = i + 1;
  }
  rc_free(a, t);
  rc_free(a, part);
  rc_free(a, got);
  return st;
}
