/*
 * document.c - the document model: creating, resetting and freeing a
 * recap_document, and the questions every stage asks of it (where a
 * content byte lies in the caller's input, what time it was said, who
 * said it).  Below every stage; calls nothing above the readers.
 */
#include <string.h>

#include "doc.h"

recap_status recap_document_new(const recap_context *ctx,
                                recap_document **out) {
  if (!ctx || !out)
    return RECAP_ERR_INVALID_ARGUMENT;
  *out = NULL;
  const recap_allocator *a = &ctx->alloc;
  recap_document *doc = rc_calloc(a, 1, sizeof *doc);
  if (!doc)
    return RECAP_ERR_NOMEM;
  doc->ctx = ctx;
  doc->alloc = a;
  rc_arena_init(&doc->arena, a);
  recap_options_init(&doc->opt);
  doc->lang = &rc_lang_none;
  doc->boundary_lang = &rc_lang_none;
  rc_source_init(&doc->src, a);
  rc_norm_init(&doc->norm, a);
  rc_strtab_init(&doc->learned_stops, a);
  rc_strtab_init(&doc->facts, a);
  rc_maskcache_init(&doc->masks, a);
  rc_strtab_init(&doc->fact_stems, a);
  rc_listed_init(&doc->listed, a);
  rc_strtab_init(&doc->terms, a);
  rc_strtab_init(&doc->speaker_words, a);
  rc_strtab_init(&doc->stems, a);
  rc_strtab_init(&doc->phrase_keys, a);
  rc_strtab_init(&doc->surface_keys, a);
  doc->text.s = "";
  *out = doc;
  return RECAP_OK;
}

/* Forgets the previous analysis, keeping memory for the next one. */
void rc_doc_reset(recap_document *doc) {
  rc_arena_reset(&doc->arena);
  rc_text_free(doc->alloc, &doc->text);
  rc_source_clear(&doc->src);
  doc->analysed = 0;
  doc->spans.len = 0;
  doc->span_count = 0;
  rc_strtab_clear(&doc->learned_stops);
  rc_strtab_clear(&doc->terms);
  doc->term_info.len = 0;
  rc_strtab_clear(&doc->speaker_words);
  rc_strtab_clear(&doc->stems);
  doc->stem_info.len = 0;
  doc->sents.len = 0;
  doc->sent_terms.len = 0;
  doc->sent_weights.len = 0;
  doc->sent_scores.len = 0;
  doc->sent_ranks.len = 0;
  doc->sent_tfidf.len = 0;
  doc->relevance.len = 0;
  rc_strtab_clear(&doc->phrase_keys);
  doc->phrases.len = 0;
  rc_strtab_clear(&doc->surface_keys);
  doc->surfaces.len = 0;
  doc->term_case.len = 0;
  doc->word_count = 0;
  doc->content_tokens = 0;
  doc->score_top = 0;
  doc->lang_shares = NULL;
  doc->lang_share_count = 0;
  doc->summary = NULL;
  doc->summary_count = 0;
  doc->keyphrases = NULL;
  doc->keyphrase_count = 0;
  doc->chapters = NULL;
  doc->chapter_count = 0;
  doc->speakers = NULL;
  doc->speaker_count = 0;
  doc->decisions = NULL;
  doc->decision_count = 0;
  doc->actions = NULL;
  doc->action_count = 0;
  doc->speaker_names = NULL;
  doc->error[0] = '\0';
  doc->format = RECAP_INPUT_TEXT;
  doc->lang = &rc_lang_none;
  doc->boundary_lang = &rc_lang_none;
  doc->lang_confidence = 0;
  doc->lang_why = RC_LANG_WHY_NO_LETTERS;
  doc->progress_base = doc->progress_span = doc->progress_last = 0;
}

int rc_doc_wants_phrases(const recap_document *doc) {
  return doc->opt.keyphrases != 0 ||
         (doc->opt.flags & (RECAP_OPT_CHAPTERS | RECAP_OPT_SPEAKERS)) != 0;
}

void rc_doc_progress(recap_document *doc, size_t done, size_t total) {
  if (!doc->opt.progress)
    return;
  double share = doc->progress_base;
  if (total)
    share += doc->progress_span * (double)(done < total ? done : total) /
             (double)total;
  if (share > 1)
    share = 1;
  /* At most about a thousand calls; 1 always gets through. */
  if (share < doc->progress_last + 0.001 &&
      !(share >= 1 && doc->progress_last < 1))
    return;
  doc->progress_last = share;
  doc->opt.progress(doc->opt.progress_user, share);
}

void recap_document_free(recap_document *doc) {
  if (!doc)
    return;
  const recap_allocator *a = doc->alloc;
  rc_doc_reset(doc);
  rc_arena_free(&doc->arena);
  rc_source_free(&doc->src);
  RC_VEC_FREE(a, doc->spans);
  rc_norm_free(&doc->norm);
  rc_stemmer_close(&doc->stemmer);
  rc_strtab_free(&doc->learned_stops);
  rc_strtab_free(&doc->facts);
  rc_maskcache_free(&doc->masks);
  rc_strtab_free(&doc->fact_stems);
  rc_listed_free(&doc->listed);
  RC_VEC_FREE(a, doc->fact_info);
  rc_strtab_free(&doc->terms);
  RC_VEC_FREE(a, doc->term_info);
  rc_strtab_free(&doc->speaker_words);
  rc_strtab_free(&doc->stems);
  RC_VEC_FREE(a, doc->stem_info);
  RC_VEC_FREE(a, doc->sents);
  RC_VEC_FREE(a, doc->sent_terms);
  RC_VEC_FREE(a, doc->sent_weights);
  RC_VEC_FREE(a, doc->sent_scores);
  RC_VEC_FREE(a, doc->sent_ranks);
  RC_VEC_FREE(a, doc->sent_tfidf);
  RC_VEC_FREE(a, doc->relevance);
  rc_strtab_free(&doc->phrase_keys);
  RC_VEC_FREE(a, doc->phrases);
  rc_strtab_free(&doc->surface_keys);
  RC_VEC_FREE(a, doc->surfaces);
  RC_VEC_FREE(a, doc->term_case);
  rc_free(a, doc);
}

/* ---- positions, times, speakers ------------------------------------------ */

size_t rc_doc_input_offset(const recap_document *doc, size_t p) {
  return rc_offmap_lookup(&doc->text.map, rc_offmap_lookup(&doc->src.map, p));
}

size_t rc_doc_input_end(const recap_document *doc, size_t p) {
  return rc_offmap_lookup_end(&doc->text.map,
                              rc_offmap_lookup_end(&doc->src.map, p));
}

/* Time at content position p inside cue k, by linear interpolation over
   the cue's bytes (speech rate is roughly constant within a cue). */
static double time_in_cue(const recap_document *doc, uint32_t k, size_t p) {
  if (k >= doc->src.cues.len)
    return -1;
  const rc_cue *c = &doc->src.cues.data[k];
  if (c->start < 0)
    return -1;
  if (c->end < c->start || c->len == 0)
    return c->start;
  double f = p <= c->off ? 0 : (double)(p - c->off) / (double)c->len;
  if (f > 1)
    f = 1;
  return c->start + f * (c->end - c->start);
}

static uint32_t cue_at(const recap_document *doc, size_t p) {
  const rc_cue *c = doc->src.cues.data;
  size_t lo = 0, hi = doc->src.cues.len;
  if (hi == 0)
    return UINT32_MAX;
  while (hi - lo > 1) {
    size_t m = lo + (hi - lo) / 2;
    if (c[m].off <= p)
      lo = m;
    else
      hi = m;
  }
  return (uint32_t)lo;
}

double rc_doc_time_at(const recap_document *doc, size_t p) {
  if (!doc->src.timed)
    return -1;
  return time_in_cue(doc, cue_at(doc, p), p);
}

void rc_doc_sentence_times(const recap_document *doc, size_t i, double *start,
                           double *end) {
  const rc_sent *s = &doc->sents.data[i];
  *start = *end = -1;
  if (!doc->src.timed)
    return;
  *start = time_in_cue(doc, s->cue_first, rc_sent_off(s));
  *end = time_in_cue(doc, rc_sent_cue_last(s), rc_sent_off(s) + s->len);
  if (*end < *start)
    *end = *start;
}

const char *rc_doc_speaker_name(const recap_document *doc, uint32_t speaker) {
  if (speaker == RC_NO_ID || !doc->speaker_names ||
      speaker >= doc->src.speakers.count)
    return NULL;
  return doc->speaker_names[speaker];
}

void rc_doc_sentence_fill(const recap_document *doc, size_t i,
                          recap_sentence *out) {
  const rc_sent *s = &doc->sents.data[i];
  memset(out, 0, sizeof *out);
  out->index = i;
  out->offset = rc_doc_input_offset(doc, rc_sent_off(s));
  out->length = rc_doc_input_end(doc, rc_sent_off(s) + s->len) - out->offset;
  out->score =
      doc->score_top > 0 ? doc->sent_scores.data[i] / doc->score_top : 0;
  out->speaker =
      rc_doc_speaker_name(doc, doc->src.cues.data[s->cue_first].speaker);
  rc_doc_sentence_times(doc, i, &out->start, &out->end);
  out->words = s->words;
}
