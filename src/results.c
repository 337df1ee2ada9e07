/*
 * results.c - the public getters: what an analysis found, read from the
 * document without changing it (so several threads may read one document
 * at once, recap.h says).
 */
#include <math.h>

#include "chapters.h"
#include "display.h"

const char *recap_document_error(const recap_document *doc) {
  return doc ? doc->error : "invalid argument";
}

const char *recap_document_language(const recap_document *doc,
                                    double *confidence) {
  if (confidence)
    *confidence = doc ? doc->lang_confidence : 0;
  return doc ? doc->lang->name : "none";
}

const char *recap_document_language_reason(const recap_document *doc) {
  return doc ? rc_lang_why_name(doc->lang_why) : "unsure";
}

size_t recap_document_language_count(const recap_document *doc) {
  return doc ? doc->lang_share_count : 0;
}

const char *recap_document_language_at(const recap_document *doc, size_t i,
                                       double *share) {
  if (share)
    *share = 0;
  if (!doc || i >= doc->lang_share_count)
    return NULL;
  if (share)
    *share = doc->lang_shares[i].share;
  return doc->lang_shares[i].lang->name;
}

const char *recap_document_encoding(const recap_document *doc) {
  if (!doc)
    return "UTF-8";
  switch (doc->text.encoding) {
  case RC_ENC_UTF16LE:
    return "UTF-16LE";
  case RC_ENC_UTF16BE:
    return "UTF-16BE";
  case RC_ENC_CP1252:
    return "windows-1252";
  case RC_ENC_UTF8:
  case RC_ENC_UTF8_REPAIRED:
    break;
  }
  return "UTF-8";
}

recap_input_format recap_document_input_format(const recap_document *doc) {
  return doc ? doc->format : RECAP_INPUT_TEXT;
}

size_t recap_document_word_count(const recap_document *doc) {
  return doc ? doc->word_count : 0;
}

double recap_document_duration(const recap_document *doc) {
  if (!doc || !doc->src.timed)
    return -1;
  double lo = -1, hi = -1;
  for (size_t i = 0; i < doc->src.cues.len; i++) {
    const rc_cue *c = &doc->src.cues.data[i];
    if (c->start >= 0 && (lo < 0 || c->start < lo))
      lo = c->start;
    double e = c->end >= 0 ? c->end : c->start;
    if (e > hi)
      hi = e;
  }
  return lo >= 0 && hi >= lo ? hi - lo : -1;
}

size_t recap_summary_count(const recap_document *doc) {
  return doc ? doc->summary_count : 0;
}

const recap_sentence *recap_summary_at(const recap_document *doc, size_t i) {
  return doc && i < doc->summary_count ? &doc->summary[i] : NULL;
}

size_t recap_sentence_count(const recap_document *doc) {
  return doc ? doc->sents.len : 0;
}

recap_status recap_sentence_get(const recap_document *doc, size_t i,
                                recap_sentence *out) {
  if (!doc || !out || i >= doc->sents.len)
    return RECAP_ERR_INVALID_ARGUMENT;
  rc_doc_sentence_fill(doc, i, out);
  return RECAP_OK;
}

recap_status recap_sentence_text(const recap_document *doc, size_t i,
                                 char **out, size_t *length) {
  if (!doc || !out || i >= doc->sents.len)
    return RECAP_ERR_INVALID_ARGUMENT;
  /* Private scratch: other threads may be reading the same document. */
  rc_norm norm;
  rc_norm_init(&norm, doc->alloc);
  rc_buf b;
  rc_buf_init(&b, doc->alloc);
  recap_status st = rc_display_sentence(doc, &norm, i, &b);
  rc_norm_free(&norm);
  if (st != RECAP_OK) {
    rc_buf_free(&b);
    return st;
  }
  return rc_buf_finish(&b, out, length);
}

size_t recap_keyphrase_count(const recap_document *doc) {
  return doc ? doc->keyphrase_count : 0;
}

const recap_keyphrase *recap_keyphrase_at(const recap_document *doc, size_t i) {
  return doc && i < doc->keyphrase_count ? &doc->keyphrases[i] : NULL;
}

size_t recap_chapter_count(const recap_document *doc) {
  return doc ? doc->chapter_count : 0;
}

const recap_chapter *recap_chapter_at(const recap_document *doc, size_t i) {
  return doc && i < doc->chapter_count ? &doc->chapters[i] : NULL;
}

recap_youtube_check recap_chapters_youtube(const recap_document *doc) {
  size_t n = doc ? doc->chapter_count : 0;
  if (n == 0)
    return RECAP_YOUTUBE_NO_CHAPTERS;
  const recap_chapter *c = doc->chapters;
  if (c[0].start < 0)
    return RECAP_YOUTUBE_UNTIMED;
  double end = c[n - 1].end, shortest = RC_CH_SHORTEST_SECONDS;
  if (end < RC_YOUTUBE_CHAPTERS * shortest)
    return RECAP_YOUTUBE_TOO_SHORT;
  if (n < RC_YOUTUBE_CHAPTERS)
    return RECAP_YOUTUBE_TOO_FEW;
  /* As the list shows them: whole seconds, the first at 0:00. */
  for (size_t i = 0; i < n; i++) {
    double from = i ? floor(c[i].start) : 0;
    double to = i + 1 < n ? floor(c[i + 1].start) : end;
    if (to - from < shortest)
      return RECAP_YOUTUBE_TOO_FEW;
  }
  return RECAP_YOUTUBE_OK;
}

const char *recap_youtube_message(recap_youtube_check check) {
  switch (check) {
  case RECAP_YOUTUBE_OK:
    return "chapters YouTube accepts";
  case RECAP_YOUTUBE_NO_CHAPTERS:
    return "no chapters were computed";
  case RECAP_YOUTUBE_UNTIMED:
    return "the input has no times";
  case RECAP_YOUTUBE_TOO_SHORT:
    return "the recording is too short for three chapters of 10 seconds";
  case RECAP_YOUTUBE_TOO_FEW:
    return "fewer than three chapters of 10 seconds";
  }
  return "unknown check";
}

size_t recap_speaker_count(const recap_document *doc) {
  return doc ? doc->speaker_count : 0;
}

const recap_speaker *recap_speaker_at(const recap_document *doc, size_t i) {
  return doc && i < doc->speaker_count ? &doc->speakers[i] : NULL;
}

size_t recap_decision_count(const recap_document *doc) {
  return doc ? doc->decision_count : 0;
}

const recap_item *recap_decision_at(const recap_document *doc, size_t i) {
  return doc && i < doc->decision_count ? &doc->decisions[i] : NULL;
}

size_t recap_action_count(const recap_document *doc) {
  return doc ? doc->action_count : 0;
}

const recap_item *recap_action_at(const recap_document *doc, size_t i) {
  return doc && i < doc->action_count ? &doc->actions[i] : NULL;
}

size_t recap_segment_count(const recap_document *doc) {
  return doc ? doc->src.cues.len : 0;
}

recap_status recap_segment_get(const recap_document *doc, size_t i,
                               recap_segment *out) {
  if (!doc || !out || i >= doc->src.cues.len)
    return RECAP_ERR_INVALID_ARGUMENT;
  const rc_cue *c = &doc->src.cues.data[i];
  out->speaker = rc_doc_speaker_name(doc, c->speaker);
  out->start = c->start;
  out->end = c->end;
  out->offset = rc_doc_input_offset(doc, c->off);
  out->length = rc_doc_input_end(doc, c->off + c->len) - out->offset;
  return RECAP_OK;
}
