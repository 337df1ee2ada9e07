/*
 * analyze.c - recap_document_analyze(): the pipeline driver.
 *
 * Runs the stages in order (doc.h draws the data flow); every stage
 * returns a status and the first failure ends the analysis with the
 * document emptied.  The driver stands above the stages: it calls them,
 * none calls it.  A document's buffers are kept between analyses, so
 * analysing many texts with one document allocates little after the
 * first.
 */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "bilingual.h"
#include "chapters.h"
#include "decisions.h"
#include "doc.h"
#include "filename.h"
#include "keyphrase.h"
#include "langdetect.h"
#include "options.h"
#include "readers.h"
#include "score.h"
#include "speakers.h"
#include "summary.h"
#include "terms.h"
#include "tfidf.h"

const char *const rc_stage_names[RC_STAGE_COUNT] = {
    "decode",     "read",  "language", "segment",  "terms",    "tfidf",
    "keyphrases", "score", "summary",  "chapters", "speakers", "decisions"};

static double seconds_now(clockid_t clock) {
  struct timespec ts;
  clock_gettime(clock, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* Progress (recap_options.progress): each stage's typical share of an
   analysis, in per cent of the stages that always run, from the per-stage
   timers on 20 MB of transcripts, captions and prose (tools/bench.c
   measures the same): the term pass dominates, then the sentence graph;
   chapters, speakers and decisions add their own when asked for.  Only
   the term pass reports from inside (rc_doc_progress per sentence); the
   other stages move the share when they end. */
static const double stage_weight[RC_STAGE_COUNT] = {
    [RC_STAGE_DECODE] = 1,     [RC_STAGE_READ] = 8,
    [RC_STAGE_LANGUAGE] = 1,   [RC_STAGE_SEGMENT] = 5,
    [RC_STAGE_TERMS] = 55,     [RC_STAGE_TFIDF] = 1,
    [RC_STAGE_SCORE] = 20,     [RC_STAGE_SUMMARY] = 2,
    [RC_STAGE_KEYPHRASES] = 2, [RC_STAGE_CHAPTERS] = 30,
    [RC_STAGE_SPEAKERS] = 18,  [RC_STAGE_DECISIONS] = 25};

/* Will the stage run with the document's options? */
static int stage_runs(const recap_document *doc, int stage) {
  const recap_options *o = &doc->opt;
  switch (stage) {
  case RC_STAGE_KEYPHRASES:
    return rc_doc_wants_phrases(doc);
  case RC_STAGE_CHAPTERS:
    return (o->flags & RECAP_OPT_CHAPTERS) != 0;
  case RC_STAGE_SPEAKERS:
    return (o->flags & RECAP_OPT_SPEAKERS) != 0;
  case RC_STAGE_DECISIONS:
    return (o->flags & RECAP_OPT_DECISIONS) != 0;
  default:
    return 1;
  }
}

/* The share of the analysis before the stage starts, and its own. */
static void progress_stage(recap_document *doc, int which) {
  if (!doc->opt.progress)
    return;
  double before = 0, total = 0;
  for (int i = 0; i < RC_STAGE_COUNT; i++)
    if (stage_runs(doc, i)) {
      total += stage_weight[i];
      before += i < which ? stage_weight[i] : 0;
    }
  doc->progress_base = before / total;
  doc->progress_span = stage_weight[which] / total;
}

/* Runs one stage, with progress, timing it (clock and CPU) when the
   benchmark asks. */
#define STAGE(doc, which, expr)                                                \
  do {                                                                         \
    double t0_ = 0, c0_ = 0;                                                   \
    if ((doc)->timing) {                                                       \
      t0_ = seconds_now(CLOCK_MONOTONIC);                                      \
      c0_ = seconds_now(CLOCK_THREAD_CPUTIME_ID);                              \
    }                                                                          \
    progress_stage(doc, which);                                                \
    RC_TRY(expr);                                                              \
    rc_doc_progress(doc, 1, 1);                                                \
    if ((doc)->timing) {                                                       \
      (doc)->stage_seconds[which] += seconds_now(CLOCK_MONOTONIC) - t0_;       \
      (doc)->stage_cpu[which] += seconds_now(CLOCK_THREAD_CPUTIME_ID) - c0_;   \
    }                                                                          \
  } while (0)

/* ---- options ------------------------------------------------------------- */

/* Copies the options, with the borrowed strings copied into the arena. */
static recap_status take_options(recap_document *doc, const recap_options *o) {
  recap_options def;
  if (!o) {
    recap_options_init(&def);
    o = &def;
  }
  if (!rc_options_valid(o))
    return RECAP_ERR_INVALID_ARGUMENT;
  doc->opt = *o;
  doc->opt.language = NULL;
  doc->opt.filename = NULL;
  doc->opt.query = NULL;
  if (o->query) {
    doc->opt.query = rc_arena_strndup(&doc->arena, o->query, strlen(o->query));
    if (!doc->opt.query)
      return RECAP_ERR_NOMEM;
  }
  if (o->filename) {
    doc->opt.filename =
        rc_arena_strndup(&doc->arena, o->filename, strlen(o->filename));
    if (!doc->opt.filename)
      return RECAP_ERR_NOMEM;
  }
  return RECAP_OK;
}

/* ---- stages -------------------------------------------------------------- */

static recap_status fail(recap_document *doc, recap_status st, const char *fmt,
                         const char *detail) {
  if (!doc->error[0])
    snprintf(doc->error, sizeof doc->error, fmt, detail ? detail : "");
  return st;
}

/* NFC copies of every speaker's name, made once per analysis so that
   reading results never writes to the document. */
static recap_status name_speakers(recap_document *doc) {
  size_t n = doc->src.speakers.count;
  if (n == 0)
    return RECAP_OK;
  doc->speaker_names =
      rc_arena_calloc(&doc->arena, n, sizeof *doc->speaker_names);
  if (!doc->speaker_names)
    return RECAP_ERR_NOMEM;
  for (uint32_t i = 0; i < n; i++) {
    size_t len, m;
    const char *s = rc_strtab_str(&doc->src.speakers, i, &len), *nfc;
    RC_TRY(rc_nfc(&doc->norm, s, len, &nfc, &m));
    doc->speaker_names[i] = rc_arena_strndup(&doc->arena, nfc, m);
    if (!doc->speaker_names[i])
      return RECAP_ERR_NOMEM;
  }
  return RECAP_OK;
}

static recap_status read_input(recap_document *doc) {
  const char *s = doc->text.s;
  size_t n = doc->text.len;
  recap_input_format f = doc->opt.input_format;
  if (f == RECAP_INPUT_AUTO)
    f = rc_detect_format(s, n, doc->opt.filename);
  doc->format = f;
  recap_status st;
  switch (f) {
  case RECAP_INPUT_VTT:
    st = rc_read_vtt(&doc->src, s, n);
    if (st == RECAP_OK)
      st = rc_source_split_scripts(&doc->src);
    break;
  case RECAP_INPUT_SRT:
    st = rc_read_srt(&doc->src, s, n);
    if (st == RECAP_OK)
      st = rc_source_split_scripts(&doc->src);
    break;
  case RECAP_INPUT_TRANSCRIPT:
    st = rc_read_transcript(&doc->src, s, n);
    break;
  case RECAP_INPUT_JSON:
    st = rc_read_json(&doc->src, &doc->arena, s, n);
    break;
  case RECAP_INPUT_TEXT:
  default:
    st = rc_read_text(&doc->src, s, n);
    break;
  }
  if (st == RECAP_ERR_BAD_FORMAT && doc->src.error) {
    if (doc->src.error_line)
      snprintf(doc->error, sizeof doc->error, "line %zu: %s",
               doc->src.error_line, doc->src.error);
    else
      snprintf(doc->error, sizeof doc->error, "%s", doc->src.error);
  }
  return st;
}

/* The language: as named, else from a subtitle file's name tag, else
   detected from the text. */
static recap_status choose_language(recap_document *doc, const char *name) {
  char code[4];
  const rc_lang *tagged;
  if (name && strcmp(name, "auto") != 0) {
    doc->lang = rc_lang_find(name);
    if (!doc->lang)
      return fail(doc, RECAP_ERR_UNKNOWN_LANGUAGE, "unknown language '%s'",
                  name);
    doc->lang_confidence = 1;
    doc->lang_why = RC_LANG_WHY_GIVEN;
  } else if (rc_filename_language_tag(doc->opt.filename, code) &&
             (tagged = rc_lang_find(code)) && tagged != &rc_lang_none) {
    doc->lang = tagged;
    doc->lang_confidence = 1;
    doc->lang_why = RC_LANG_WHY_TAG;
  } else {
    RC_TRY(rc_detect_language_why(
        doc->src.text, doc->src.len, &doc->norm, &doc->masks, &doc->lang,
        &doc->lang_confidence, &doc->boundary_lang, &doc->lang_why));
    return rc_stemmer_use(&doc->stemmer, doc->lang->stemmer);
  }
  doc->boundary_lang = doc->lang; /* "none" asked for is none */
  return rc_stemmer_use(&doc->stemmer, doc->lang->stemmer);
}

/* Scratch arrays are kept for the next analysis (a document analysing many
   short texts then allocates little), unless they are big: those go, so a
   large document's results do not hold its scratch memory. */
#define RC_KEEP_BYTES ((size_t)1 << 20)

static void release(const recap_allocator *a, void **data, size_t *len,
                    size_t *cap, size_t elem) {
  *len = 0;
  if (*cap * elem > RC_KEEP_BYTES) {
    rc_free(a, *data);
    *data = NULL;
    *cap = 0;
  }
}

/* The vectors of the term pass are kept to the end of the analysis: their
   unused room is given back, for the peak of the later stages (the
   sentence graph), where it can be much (up to half of each). */
static void trim_terms(recap_document *doc) {
  RC_SHRINK(doc->alloc, doc->sent_terms, RC_KEEP_BYTES);
  RC_SHRINK(doc->alloc, doc->phrases, RC_KEEP_BYTES);
  RC_SHRINK(doc->alloc, doc->surfaces, RC_KEEP_BYTES);
}

/* The key phrases are chosen before the sentence graph is built, the
   stage with the largest peak, so that their candidates (on varied text
   up to a few bytes per input byte) are not held through it: only
   chapters and speakers read them later. */
static void drop_phrases(recap_document *doc) {
  if (doc->opt.flags & (RECAP_OPT_CHAPTERS | RECAP_OPT_SPEAKERS))
    return;
  rc_strtab_free(&doc->phrase_keys);
  rc_strtab_free(&doc->surface_keys);
  RC_VEC_FREE(doc->alloc, doc->phrases);
  RC_VEC_FREE(doc->alloc, doc->surfaces);
}

/* Does the content borrow the decoded text (plain text does)? */
static int content_is_text(const recap_document *doc) {
  return doc->src.text == doc->text.s && doc->src.len;
}

/* Once read, the decoded text is needed no more (only its offset map)
   unless the content borrows it: freed before the later stages' peak. */
static void drop_text(recap_document *doc) {
  if (content_is_text(doc))
    return;
  rc_free(doc->alloc, doc->text.owned);
  doc->text.owned = NULL;
  doc->text.s = "";
  doc->text.len = 0;
}

/* Plain text borrows the decoded text as its content; results outlive
   the call, so the document keeps it: the decoded text's own buffer (a
   copy made by decoding, or the one given to
   recap_document_analyze_given()) is taken over, the caller's bytes are
   copied. */
static recap_status keep_content(recap_document *doc) {
  rc_source *src = &doc->src;
  if (src->text == src->content || src->len == 0)
    return RECAP_OK;
  if (content_is_text(doc) && doc->text.owned) {
    rc_free(doc->alloc, src->content);
    src->content = doc->text.owned;
    /* What the text is known to hold: its allocation may be larger. */
    src->cap = (size_t)(doc->text.s - doc->text.owned) + doc->text.len;
    doc->text.owned = NULL;
    return RECAP_OK;
  }
  char *copy = rc_malloc(doc->alloc, src->len);
  if (!copy)
    return RECAP_ERR_NOMEM;
  memcpy(copy, src->text, src->len);
  rc_free(doc->alloc, src->content);
  src->content = copy;
  src->cap = src->len;
  src->text = copy;
  return RECAP_OK;
}

/* The input decoded into doc->text; `given` (NULL, or text itself) is
   the document's, whatever the result. */
static recap_status decode_input(recap_document *doc, const char *text,
                                 size_t len, char *given) {
  int strict = (doc->opt.flags & RECAP_OPT_STRICT_UTF8) != 0;
  if (given)
    return rc_decode_given(doc->alloc, given, len, strict, &doc->text,
                           doc->error, sizeof doc->error);
  return rc_decode(doc->alloc, text, len, strict, &doc->text, doc->error,
                   sizeof doc->error);
}

static recap_status run(recap_document *doc, const char *text, size_t len,
                        char *given, const recap_options *opts) {
  recap_status st = take_options(doc, opts);
  if (st == RECAP_OK && len > doc->opt.max_input_bytes)
    st = fail(doc, RECAP_ERR_TOO_LARGE, "input larger than the %s limit",
              "configured");
  if (st != RECAP_OK) {
    rc_free(doc->alloc, given);
    return st;
  }
  STAGE(doc, RC_STAGE_DECODE, decode_input(doc, text, len, given));
  STAGE(doc, RC_STAGE_READ, read_input(doc));
  drop_text(doc);
  STAGE(doc, RC_STAGE_READ, name_speakers(doc));
  STAGE(doc, RC_STAGE_LANGUAGE,
        choose_language(doc, opts ? opts->language : NULL));
  STAGE(doc, RC_STAGE_SEGMENT,
        rc_segment(&doc->src, doc->boundary_lang, &doc->norm, &doc->spans));
  STAGE(doc, RC_STAGE_LANGUAGE,
        rc_language_shares(&doc->src, &doc->spans, doc->lang, &doc->norm,
                           &doc->masks, &doc->arena, &doc->lang_shares,
                           &doc->lang_share_count));
  STAGE(doc, RC_STAGE_TERMS, rc_terms_begin(doc));
  /* The spans are in the sentence records now: gone before the token
     pass, whose candidates make the peak. */
  release(doc->alloc, (void **)&doc->spans.data, &doc->spans.len,
          &doc->spans.cap, sizeof *doc->spans.data);
  STAGE(doc, RC_STAGE_TERMS, rc_terms_build(doc));
  trim_terms(doc);
  STAGE(doc, RC_STAGE_TFIDF, rc_tfidf_idf(doc));
  if (rc_doc_wants_phrases(doc)) {
    STAGE(doc, RC_STAGE_KEYPHRASES, rc_keyphrases_score(doc));
    STAGE(doc, RC_STAGE_KEYPHRASES, rc_keyphrases_select(doc));
  }
  drop_phrases(doc);
  /* Key phrases need only the IDF: the sentence weights are made once
     their candidates are gone, not on top of them. */
  STAGE(doc, RC_STAGE_TFIDF, rc_tfidf_sentences(doc));
  STAGE(doc, RC_STAGE_SCORE, rc_score_sentences(doc));
  STAGE(doc, RC_STAGE_SUMMARY, rc_summary_select(doc));
  if (doc->opt.flags & RECAP_OPT_CHAPTERS)
    STAGE(doc, RC_STAGE_CHAPTERS, rc_chapters_build(doc));
  if (doc->opt.flags & RECAP_OPT_SPEAKERS)
    STAGE(doc, RC_STAGE_SPEAKERS, rc_speakers_build(doc));
  if (doc->opt.flags & RECAP_OPT_DECISIONS)
    STAGE(doc, RC_STAGE_DECISIONS, rc_decisions_build(doc));
  /* Only now is the caller's text copied (if the content borrowed it): the
     copy then does not add to the peak of the scoring stages. */
  RC_TRY(keep_content(doc));
  /* The decoded text is no longer needed, only its offset map. */
  rc_free(doc->alloc, doc->text.owned);
  doc->text.owned = NULL;
  doc->text.s = "";
  doc->text.len = 0;
  return RECAP_OK;
}

/* Messages quote the caller's bytes (an unknown language name, a file's
   line) and snprintf may cut a character in half: every byte that is not
   part of valid UTF-8 becomes '?', so the message is valid UTF-8 as
   recap.h promises (found by fuzz_options and fuzz_jsonl). */
static void clean_message(char *s) {
  size_t n = strlen(s);
  for (size_t i = 0; i < n;) {
    size_t k = rc_utf8_seqlen((const unsigned char *)s + i, n - i);
    if (k == 0) {
      s[i] = '?';
      k = 1;
    }
    i += k;
  }
}

/* recap_document_analyze() and recap_document_analyze_given(). */
static recap_status analyze(recap_document *doc, const char *text,
                            size_t length, char *given,
                            const recap_options *opts) {
  rc_doc_reset(doc);
  if (!text && length)
    return fail(doc, RECAP_ERR_INVALID_ARGUMENT, "%stext is NULL", "");
  recap_status st = run(doc, text ? text : "", length, given, opts);
  if (st == RECAP_OK) {
    doc->progress_base = 1; /* done: 1, also after skipped stages */
    doc->progress_span = 0;
    rc_doc_progress(doc, 1, 1);
    doc->analysed = 1;
  }
  /* The callback and its data are the caller's for this call only. */
  doc->opt.progress = NULL;
  doc->opt.progress_user = NULL;
  if (st != RECAP_OK) {
    char error[sizeof doc->error];
    memcpy(error, doc->error, sizeof error);
    rc_doc_reset(doc);
    if (!error[0])
      snprintf(error, sizeof error, "%s", recap_strerror(st));
    clean_message(error);
    memcpy(doc->error, error, sizeof error);
  }
  return st;
}

recap_status recap_document_analyze(recap_document *doc, const char *text,
                                    size_t length, const recap_options *opts) {
  if (!doc)
    return RECAP_ERR_INVALID_ARGUMENT;
  return analyze(doc, text, length, NULL, opts);
}

recap_status recap_document_analyze_given(recap_document *doc, char *text,
                                          size_t length,
                                          const recap_options *opts) {
  if (!doc)
    return RECAP_ERR_INVALID_ARGUMENT;
  return analyze(doc, text, length, text, opts);
}
