/*
 * fuzz_common.h - what the libFuzzer harnesses share: the invariants every
 * analysis must satisfy, and the option selector.
 *
 * A harness calls fz_pipeline() (or the pieces below) and aborts, through
 * FZ_CHECK, on anything the header recap.h promises that does not hold:
 *
 *   - the status is RECAP_OK or one the function documents;
 *   - after an error the document holds no results and its message is
 *     valid UTF-8; after success every string is valid UTF-8 (checked here
 *     with a validator of our own, not the library's), NUL-terminated,
 *     of the length the library says;
 *   - offsets and lengths of sentences, key phrases, chapters and segments
 *     lie within the input as given; indices are in range; times are -1 or
 *     finite and >= 0; scores are finite;
 *   - every output format renders, as valid UTF-8; the JSON output is one
 *     value on one line that the library's strict parser accepts;
 *   - small inputs analysed again into the same (reused) document give
 *     byte-identical JSON (determinism, and no state carried over).
 *
 * libFuzzer runs with ASan and UBSan, so memory errors, undefined
 * behaviour and leaks abort on their own.
 */
#ifndef FUZZ_COMMON_H
#define FUZZ_COMMON_H

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "json.h"
#include "mem.h"
#include "recap.h"

#define FZ_CHECK(cond)                                                         \
  do {                                                                         \
    if (!(cond)) {                                                             \
      fprintf(stderr, "fuzz invariant failed: %s (%s:%d)\n", #cond, __FILE__,  \
              __LINE__);                                                       \
      abort();                                                                 \
    }                                                                          \
  } while (0)

/* Inputs up to this size are analysed twice (determinism check). */
#define FZ_TWICE_MAX 2048

/* Strict UTF-8 (RFC 3629): no overlong forms, no surrogates, nothing past
   U+10FFFF.  Written independently of src/decode.c on purpose. */
static size_t fz_utf8_prefix(const char *p, size_t n) {
  const unsigned char *s = (const unsigned char *)p;
  size_t i = 0;
  while (i < n) {
    unsigned c = s[i];
    if (c < 0x80) {
      i++;
      continue;
    }
    size_t k;
    unsigned lo = 0x80, hi = 0xBF;
    if (c >= 0xC2 && c <= 0xDF)
      k = 2;
    else if (c >= 0xE0 && c <= 0xEF) {
      k = 3;
      if (c == 0xE0)
        lo = 0xA0;
      else if (c == 0xED)
        hi = 0x9F;
    } else if (c >= 0xF0 && c <= 0xF4) {
      k = 4;
      if (c == 0xF0)
        lo = 0x90;
      else if (c == 0xF4)
        hi = 0x8F;
    } else
      return i;
    if (n - i < k)
      return i;
    if (s[i + 1] < lo || s[i + 1] > hi)
      return i;
    for (size_t j = 2; j < k; j++)
      if (s[i + j] < 0x80 || s[i + j] > 0xBF)
        return i;
    i += k;
  }
  return n;
}

static int fz_utf8(const char *s, size_t n) {
  return fz_utf8_prefix(s, n) == n;
}

/* fz_utf8(), printing where it fails. */
static int fz_utf8_dump(const char *s, size_t n) {
  if (fz_utf8(s, n))
    return 1;
  size_t bad = fz_utf8_prefix(s, n);
  size_t from = bad > 80 ? bad - 80 : 0;
  fprintf(stderr, "invalid UTF-8 near byte %zu of %zu: ", bad, n);
  for (size_t i = from; i < n && i < bad + 40; i++) {
    unsigned char c = (unsigned char)s[i];
    if (c >= 0x20 && c < 0x7f)
      fputc(c, stderr);
    else
      fprintf(stderr, "\\x%02x", c);
  }
  fputc('\n', stderr);
  return 0;
}

/* A C string the library returned: valid UTF-8, and when len is known,
   exactly len bytes before the NUL. */
static void fz_string(const char *s, size_t len) {
  FZ_CHECK(s != NULL);
  FZ_CHECK(s[len] == '\0');
  FZ_CHECK(strlen(s) == len);
  FZ_CHECK(fz_utf8_dump(s, len));
}

static void fz_cstring(const char *s) {
  if (s)
    fz_string(s, strlen(s));
}

static void fz_time(double t) { FZ_CHECK(t == -1 || (isfinite(t) && t >= 0)); }

static void fz_range(size_t off, size_t len, size_t n) {
  FZ_CHECK(off <= n);
  FZ_CHECK(len <= n - off);
}

/* One JSON value on one line, valid UTF-8, accepted by the strict parser;
   returns its type. */
static rc_json_type fz_json(const char *s, size_t n) {
  FZ_CHECK(fz_utf8_dump(s, n));
  FZ_CHECK(memchr(s, '\n', n) == NULL);
  rc_arena arena;
  rc_arena_init(&arena, rc_default_allocator());
  rc_json *v = NULL;
  rc_json_error err;
  /* Valid JSON (RFC 8259) has numbers of any size: a record's id 1e400
     is copied as written. */
  recap_status st =
      rc_json_parse_with(&arena, s, n, 1000, RC_JSON_HUGE_NUMBERS, &v, &err);
  if (st != RECAP_OK)
    fprintf(stderr, "bad JSON at column %zu: %s\n%.*s\n", err.column,
            err.message, (int)(n < 2000 ? n : 2000), s);
  FZ_CHECK(st == RECAP_OK);
  rc_json_type t = v->type;
  rc_arena_free(&arena);
  return t;
}

static void fz_sentence(const recap_document *doc, const recap_sentence *s,
                        size_t n, int with_text) {
  FZ_CHECK(s != NULL);
  FZ_CHECK(s->index < recap_sentence_count(doc));
  fz_range(s->offset, s->length, n);
  fz_time(s->start);
  fz_time(s->end);
  if (s->start >= 0 && s->end >= 0)
    FZ_CHECK(s->end >= s->start);
  FZ_CHECK(isfinite(s->score));
  fz_cstring(s->speaker);
  if (with_text)
    fz_string(s->text, s->text_length);
  else
    FZ_CHECK(s->text == NULL && s->text_length == 0);
}

static void fz_keyphrase(const recap_document *doc, const recap_keyphrase *k,
                         size_t n) {
  FZ_CHECK(k != NULL);
  fz_string(k->phrase, k->phrase_length);
  FZ_CHECK(k->phrase_length > 0);
  FZ_CHECK(isfinite(k->score));
  FZ_CHECK(k->count >= 1);
  FZ_CHECK(k->sentence < recap_sentence_count(doc));
  fz_range(k->offset, k->length, n);
  fz_time(k->start);
}

/* A decision or action item. */
static void fz_item(const recap_document *doc, const recap_item *it,
                    recap_item_kind kind, size_t n) {
  FZ_CHECK(it != NULL);
  FZ_CHECK(it->kind == kind);
  fz_string(it->text, it->text_length);
  FZ_CHECK(it->text_length > 0);
  FZ_CHECK(it->sentence < recap_sentence_count(doc));
  fz_range(it->offset, it->length, n);
  fz_time(it->start);
  fz_time(it->end);
  if (it->start >= 0 && it->end >= 0)
    FZ_CHECK(it->end >= it->start);
  FZ_CHECK(isfinite(it->score) && it->score >= 0 && it->score <= 1);
  fz_cstring(it->speaker);
  fz_cstring(it->owner);
  fz_cstring(it->due);
  if (kind == RECAP_ITEM_DECISION)
    FZ_CHECK(it->owner == NULL && it->due == NULL);
}

/* Items listed in document order, or best first with score order. */
static void fz_item_order(const recap_item *prev, const recap_item *it,
                          int score_order) {
  if (score_order)
    FZ_CHECK(prev->score > it->score ||
             (prev->score == it->score && prev->sentence <= it->sentence));
  else
    FZ_CHECK(prev->sentence <= it->sentence);
}

/* A document after a failed analysis: no results, a message. */
static void fz_failed(const recap_document *doc) {
  const char *e = recap_document_error(doc);
  FZ_CHECK(e != NULL && e[0] != '\0');
  fz_cstring(e);
  FZ_CHECK(recap_summary_count(doc) == 0);
  FZ_CHECK(recap_keyphrase_count(doc) == 0);
  FZ_CHECK(recap_chapter_count(doc) == 0);
  FZ_CHECK(recap_speaker_count(doc) == 0);
  FZ_CHECK(recap_decision_count(doc) == 0);
  FZ_CHECK(recap_action_count(doc) == 0);
  FZ_CHECK(recap_sentence_count(doc) == 0);
  FZ_CHECK(recap_segment_count(doc) == 0);
  FZ_CHECK(recap_summary_at(doc, 0) == NULL);
}

/* Every result of a successful analysis of n input bytes. */
static void fz_results(const recap_document *doc, size_t n) {
  FZ_CHECK(recap_document_error(doc)[0] == '\0');
  double conf = -1;
  const char *lang = recap_document_language(doc, &conf);
  FZ_CHECK(lang != NULL);
  fz_cstring(lang);
  FZ_CHECK(conf >= 0 && conf <= 1);
  FZ_CHECK(recap_document_input_format(doc) != RECAP_INPUT_AUTO);
  fz_time(recap_document_duration(doc));

  size_t ns = recap_sentence_count(doc);
  for (size_t i = 0; i < ns; i++) {
    recap_sentence s;
    FZ_CHECK(recap_sentence_get(doc, i, &s) == RECAP_OK);
    FZ_CHECK(s.index == i);
    fz_sentence(doc, &s, n, 0);
  }
  recap_sentence dummy;
  FZ_CHECK(recap_sentence_get(doc, ns, &dummy) == RECAP_ERR_INVALID_ARGUMENT);
  /* Display text of the first, middle and last sentences. */
  size_t pick[3] = {0, ns / 2, ns ? ns - 1 : 0};
  for (size_t j = 0; j < 3 && ns; j++) {
    char *t = NULL;
    size_t tl = 0;
    FZ_CHECK(recap_sentence_text(doc, pick[j], &t, &tl) == RECAP_OK);
    fz_string(t, tl);
    recap_free(t);
  }
  char *none = NULL;
  FZ_CHECK(recap_sentence_text(doc, ns, &none, NULL) != RECAP_OK);
  recap_free(none);

  size_t nsum = recap_summary_count(doc);
  FZ_CHECK(nsum <= ns);
  for (size_t i = 0; i < nsum; i++)
    fz_sentence(doc, recap_summary_at(doc, i), n, 1);
  FZ_CHECK(recap_summary_at(doc, nsum) == NULL);

  size_t nk = recap_keyphrase_count(doc);
  for (size_t i = 0; i < nk; i++)
    fz_keyphrase(doc, recap_keyphrase_at(doc, i), n);
  FZ_CHECK(recap_keyphrase_at(doc, nk) == NULL);

  size_t nc = recap_chapter_count(doc);
  size_t next = 0;
  for (size_t i = 0; i < nc; i++) {
    const recap_chapter *c = recap_chapter_at(doc, i);
    FZ_CHECK(c != NULL);
    fz_cstring(c->title);
    FZ_CHECK(c->first_sentence == next); /* chapters tile the sentences */
    FZ_CHECK(c->sentence_count >= 1 && c->sentence_count <= ns - next);
    next += c->sentence_count;
    fz_time(c->start);
    fz_time(c->end);
    if (c->start >= 0 && c->end >= 0)
      FZ_CHECK(c->end >= c->start);
    fz_range(c->offset, c->length, n);
    FZ_CHECK(c->highlight_count <= 3);
    for (size_t h = 0; h < c->highlight_count; h++)
      fz_sentence(doc, c->highlights[h], n, 1);
  }
  FZ_CHECK(nc == 0 || next == ns);
  FZ_CHECK(recap_chapter_at(doc, nc) == NULL);

  size_t nsp = recap_speaker_count(doc);
  for (size_t i = 0; i < nsp; i++) {
    const recap_speaker *s = recap_speaker_at(doc, i);
    FZ_CHECK(s != NULL);
    fz_cstring(s->name);
    fz_time(s->talk_time);
    for (size_t k = 0; k < s->keyphrase_count; k++)
      fz_keyphrase(doc, s->keyphrases[k], n);
    if (s->representative)
      fz_sentence(doc, s->representative, n, 1);
  }
  FZ_CHECK(recap_speaker_at(doc, nsp) == NULL);

  size_t nd = recap_decision_count(doc), na = recap_action_count(doc);
  for (size_t i = 0; i < nd; i++)
    fz_item(doc, recap_decision_at(doc, i), RECAP_ITEM_DECISION, n);
  for (size_t i = 0; i < na; i++)
    fz_item(doc, recap_action_at(doc, i), RECAP_ITEM_ACTION, n);
  FZ_CHECK(recap_decision_at(doc, nd) == NULL);
  FZ_CHECK(recap_action_at(doc, na) == NULL);

  size_t nseg = recap_segment_count(doc);
  for (size_t i = 0; i < nseg; i++) {
    recap_segment g;
    FZ_CHECK(recap_segment_get(doc, i, &g) == RECAP_OK);
    fz_cstring(g.speaker);
    fz_time(g.start);
    fz_time(g.end);
    fz_range(g.offset, g.length, n);
  }
  recap_segment g;
  FZ_CHECK(recap_segment_get(doc, nseg, &g) == RECAP_ERR_INVALID_ARGUMENT);
}

/* The limits the options set (recap.h, recap_options). */
static void fz_limits(const recap_document *doc, const recap_options *o) {
  size_t ns = recap_sentence_count(doc), nsum = recap_summary_count(doc);
  FZ_CHECK(nsum <= o->summary_sentences);
  if (o->summary_ratio < 1) {
    double r = ceil(o->summary_ratio * (double)ns);
    FZ_CHECK((double)nsum <= r);
  }
  size_t words = 0;
  for (size_t i = 0; i < nsum; i++) {
    const recap_sentence *s = recap_summary_at(doc, i);
    words += s->words;
    if (i == 0)
      continue;
    const recap_sentence *p = recap_summary_at(doc, i - 1);
    if (o->flags & RECAP_OPT_SCORE_ORDER)
      FZ_CHECK(p->score > s->score ||
               (p->score == s->score && p->index < s->index));
    else
      FZ_CHECK(p->index < s->index);
  }
  if (o->summary_words != RECAP_UNLIMITED)
    FZ_CHECK(words <= o->summary_words);
  FZ_CHECK(recap_keyphrase_count(doc) <= o->keyphrases);
  size_t nc = recap_chapter_count(doc);
  if (!(o->flags & RECAP_OPT_CHAPTERS))
    FZ_CHECK(nc == 0);
  FZ_CHECK(nc <= 200);
  if (o->chapters)
    FZ_CHECK(nc <= o->chapters);
  if (!(o->flags & RECAP_OPT_SPEAKERS))
    FZ_CHECK(recap_speaker_count(doc) == 0);
  size_t nd = recap_decision_count(doc), na = recap_action_count(doc);
  if (!(o->flags & RECAP_OPT_DECISIONS))
    FZ_CHECK(nd == 0 && na == 0);
  if (o->decisions)
    FZ_CHECK(nd <= o->decisions && na <= o->decisions);
  int by_score = (o->flags & RECAP_OPT_SCORE_ORDER) != 0;
  for (size_t i = 1; i < nd; i++)
    fz_item_order(recap_decision_at(doc, i - 1), recap_decision_at(doc, i),
                  by_score);
  for (size_t i = 1; i < na; i++)
    fz_item_order(recap_action_at(doc, i - 1), recap_action_at(doc, i),
                  by_score);
}

/* Occurrences of needle in s[0..n). */
static size_t fz_count(const char *s, size_t n, const char *needle) {
  size_t k = strlen(needle), c = 0;
  for (size_t i = 0; i + k <= n; i++)
    c += memcmp(s + i, needle, k) == 0;
  return c;
}

/* Renders every format; returns the JSON rendering (free with
   recap_free()). */
static char *fz_render_all(const recap_document *doc, size_t *json_len) {
  char *json = NULL;
  for (int f = RECAP_FORMAT_TEXT; f <= RECAP_FORMAT_HTML; f++) {
    char *out = NULL;
    size_t len = 0;
    FZ_CHECK(recap_render(doc, (recap_format)f, &out, &len) == RECAP_OK);
    FZ_CHECK(out != NULL && out[len] == '\0');
    FZ_CHECK(fz_utf8_dump(out, len));
    if (f == RECAP_FORMAT_HTML) { /* input text never becomes markup */
      FZ_CHECK(fz_count(out, len, "<script") == 1);
      FZ_CHECK(fz_count(out, len, "</style") == 1);
      FZ_CHECK(fz_count(out, len, "<!") == 1); /* <!DOCTYPE html> */
    }
    if (f == RECAP_FORMAT_JSON) {
      FZ_CHECK(fz_json(out, len) == RC_JSON_OBJECT);
      json = out;
      *json_len = len;
    } else {
      recap_free(out);
    }
  }
  return json;
}

/* A short transcript of our own, for harnesses whose input is not the
   text. */
static const char fz_builtin_text[] =
    "[00:00:02] Alice: Welcome back to the planning call. Today we decide "
    "the budget for the garden project and who builds the new shed.\n"
    "[00:00:15] Bob: The shed needs about four hundred euros of timber. I "
    "can build it over two weekends if the weather holds.\n"
    "[00:00:31] Alice: Four hundred is fine. The garden budget was eight "
    "hundred, so half of it goes to the shed.\n"
    "[00:00:44] Carol: Then we should buy the seeds before March, when "
    "prices go up again. I will order them this week.\n"
    "[00:01:02] Bob: Agreed. Let us meet again after the shed is built.\n";

/* ---- options from input bytes ---------------------------------------------- */

/* Two selector bytes, taken from the front of the input:
     byte 0: bits 0-1 language (auto, english, none, french), bit 2
             chapters and decisions, bit 3 speakers, bit 4 verbatim, bit 5 score order,
             bit 6 cut last, bit 7 a query (the first line of the text)
     byte 1: bits 0-1 word budget (unlimited, 12, 1, 0), bits 2-3 scorer,
             bits 4-5 similarity, bit 6 strict UTF-8, bit 7 small limits
             (1 sentence, 3 key phrases, 3 chapters, 1 decision and
             action item, ratio 0.3)
   The seeds under tests/fuzz/seeds/ carry these bytes in front. */
#define FZ_SELECTOR_BYTES 2

typedef struct fz_opts {
  recap_options opt;
  char query[101];
} fz_opts;

static void fz_options(fz_opts *o, unsigned char b0, unsigned char b1,
                       const char *text, size_t n) {
  static const char *const langs[4] = {"auto", "english", "none", "french"};
  static const size_t words[4] = {RECAP_UNLIMITED, 12, 1, 0};
  recap_options_init(&o->opt);
  o->opt.language = langs[b0 & 3];
  if (b0 & 4)
    o->opt.flags |= RECAP_OPT_CHAPTERS | RECAP_OPT_DECISIONS;
  if (b0 & 8)
    o->opt.flags |= RECAP_OPT_SPEAKERS;
  if (b0 & 16)
    o->opt.flags |= RECAP_OPT_VERBATIM;
  if (b0 & 32)
    o->opt.flags |= RECAP_OPT_SCORE_ORDER;
  if (b0 & 64)
    o->opt.flags |= RECAP_OPT_CUT_LAST;
  if (b0 & 128) {
    size_t q = 0;
    while (q < n && q < sizeof o->query - 1 && text[q] != '\n' && text[q])
      q++;
    memcpy(o->query, text, q);
    o->query[q] = '\0';
    o->opt.query = o->query;
  }
  o->opt.summary_words = words[b1 & 3];
  if ((b1 & 3) != 0)
    o->opt.summary_sentences = RECAP_UNLIMITED;
  o->opt.scorer = (recap_scorer)(((b1 >> 2) & 3) % 3);
  o->opt.similarity = (recap_similarity)(((b1 >> 4) & 3) % 3);
  if (b1 & 64)
    o->opt.flags |= RECAP_OPT_STRICT_UTF8;
  if (b1 & 128) {
    o->opt.summary_sentences = 1;
    o->opt.keyphrases = 3;
    o->opt.chapters = 3;
    o->opt.decisions = 1;
    o->opt.summary_ratio = 0.3;
  }
}

/* Is st one recap_document_analyze() documents? */
static int fz_analyze_status(recap_status st) {
  return st == RECAP_OK || st == RECAP_ERR_INVALID_ARGUMENT ||
         st == RECAP_ERR_UNKNOWN_LANGUAGE || st == RECAP_ERR_BAD_FORMAT ||
         st == RECAP_ERR_BAD_ENCODING || st == RECAP_ERR_TOO_LARGE;
}

/* Analyses text[0..n) into doc with opt and checks everything; returns the
   status. */
/* Analyses a heap copy of text[0..n), freed before the results are read:
   the library promises not to retain the text. */
static recap_status fz_analyze_copy(recap_document *doc, const char *text,
                                    size_t n, const recap_options *opt) {
  char *copy = malloc(n ? n : 1);
  FZ_CHECK(copy != NULL);
  if (n)
    memcpy(copy, text, n);
  recap_status st = recap_document_analyze(doc, copy, n, opt);
  free(copy);
  return st;
}

static recap_status fz_analyze_check(recap_document *doc, const char *text,
                                     size_t n, const recap_options *opt) {
  recap_status st = fz_analyze_copy(doc, text, n, opt);
  FZ_CHECK(fz_analyze_status(st));
  if (st != RECAP_OK) {
    fz_failed(doc);
    return st;
  }
  fz_results(doc, n);
  if (opt)
    fz_limits(doc, opt);
  size_t jl = 0;
  char *json = fz_render_all(doc, &jl);
  if (n <= FZ_TWICE_MAX) {
    /* Again into the same document: the same bytes. */
    FZ_CHECK(fz_analyze_copy(doc, text, n, opt) == RECAP_OK);
    char *again = NULL;
    size_t al = 0;
    FZ_CHECK(recap_render(doc, RECAP_FORMAT_JSON, &again, &al) == RECAP_OK);
    FZ_CHECK(al == jl && memcmp(again, json, jl) == 0);
    recap_free(again);
  }
  recap_free(json);
  return st;
}

/* recap_document_analyze_given() of a malloc'ed copy (doc's context
   allocates with malloc) gives what the analysis just done gave: its
   status `was`, the same JSON. */
static void fz_given_same(recap_document *doc, const char *text, size_t n,
                          const recap_options *opt, recap_status was) {
  char *json = NULL, *again = NULL;
  size_t jl = 0, al = 0;
  if (was == RECAP_OK)
    FZ_CHECK(recap_render(doc, RECAP_FORMAT_JSON, &json, &jl) == RECAP_OK);
  char *given = malloc(n ? n : 1);
  FZ_CHECK(given != NULL);
  if (n)
    memcpy(given, text, n);
  FZ_CHECK(recap_document_analyze_given(doc, given, n, opt) == was);
  if (was == RECAP_OK) {
    FZ_CHECK(recap_render(doc, RECAP_FORMAT_JSON, &again, &al) == RECAP_OK);
    FZ_CHECK(al == jl && memcmp(again, json, jl) == 0);
  }
  recap_free(json);
  recap_free(again);
}

/* The whole public pipeline on one fuzz input: selector bytes, then the
   text, analysed as `format` (AUTO: with a filename hint from a third
   selector byte). */
static void fz_pipeline(const uint8_t *data, size_t size,
                        recap_input_format format) {
  static const char *const hints[8] = {NULL,       "talk.vtt", "talk.srt",
                                       "talk.json", "talk.txt", "TALK.VTT",
                                       "",          "x.sbv"};
  size_t skip = FZ_SELECTOR_BYTES + (format == RECAP_INPUT_AUTO);
  if (size < skip)
    return;
  const char *text = (const char *)data + skip;
  size_t n = size - skip;
  fz_opts o;
  fz_options(&o, data[0], data[1], text, n);
  o.opt.input_format = format;
  if (format == RECAP_INPUT_AUTO)
    o.opt.filename = hints[data[2] & 7];
  recap_context *ctx = NULL;
  recap_document *doc = NULL;
  FZ_CHECK(recap_context_new(&ctx) == RECAP_OK);
  FZ_CHECK(recap_document_new(ctx, &doc) == RECAP_OK);
  recap_status st = fz_analyze_check(doc, text, n, &o.opt);
  if (st == RECAP_OK && format != RECAP_INPUT_AUTO)
    FZ_CHECK(recap_document_input_format(doc) == format);
  if (n <= FZ_TWICE_MAX)
    fz_given_same(doc, text, n, &o.opt, st);
  recap_document_free(doc);
  recap_context_free(ctx);
}

#endif
