/*
 * document.c - recap_document: the pipeline driver and result accessors.
 *
 * recap_document_analyze() runs the stages in order (see doc.h); every
 * stage returns a status and the first failure ends the analysis with the
 * document emptied.  A document's buffers are kept between analyses, so
 * analysing many texts with one document allocates little after the first.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "chapters.h"
#include "doc.h"
#include "keyphrase.h"
#include "langdetect.h"
#include "options.h"
#include "readers.h"
#include "speakers.h"
#include "summary.h"
#include "terms.h"
#include "tfidf.h"
#include "tokenize.h"

const char *const rc_stage_names[RC_STAGE_COUNT] = {
    "decode",  "read",    "language",   "segment",  "terms",   "tfidf",
    "score",   "summary", "keyphrases", "chapters", "speakers"};

static double seconds_now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* Runs one stage, timing it when the benchmark asks. */
#define STAGE(doc, which, expr)                                                \
  do {                                                                         \
    double t0_ = (doc)->timing ? seconds_now() : 0;                            \
    RC_TRY(expr);                                                              \
    if ((doc)->timing)                                                         \
      (doc)->stage_seconds[which] += seconds_now() - t0_;                      \
  } while (0)

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
  rc_source_init(&doc->src, a);
  rc_norm_init(&doc->norm, a);
  rc_strtab_init(&doc->learned_stops, a);
  rc_strtab_init(&doc->facts, a);
  rc_maskcache_init(&doc->masks, a);
  rc_strtab_init(&doc->fact_stems, a);
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
  doc->spans.len = 0;
  rc_strtab_clear(&doc->learned_stops);
  rc_strtab_clear(&doc->terms);
  doc->term_info.len = 0;
  rc_strtab_clear(&doc->speaker_words);
  rc_strtab_clear(&doc->stems);
  doc->stem_info.len = 0;
  doc->sents.len = 0;
  doc->sent_terms.len = 0;
  rc_strtab_clear(&doc->phrase_keys);
  doc->phrases.len = 0;
  rc_strtab_clear(&doc->surface_keys);
  doc->surfaces.len = 0;
  doc->word_count = 0;
  doc->content_tokens = 0;
  doc->kp_scored = 0;
  doc->score_top = 0;
  doc->summary = NULL;
  doc->summary_count = 0;
  doc->keyphrases = NULL;
  doc->keyphrase_count = 0;
  doc->chapters = NULL;
  doc->chapter_count = 0;
  doc->speakers = NULL;
  doc->speaker_count = 0;
  doc->speaker_names = NULL;
  doc->error[0] = '\0';
  doc->format = RECAP_INPUT_TEXT;
  doc->lang = &rc_lang_none;
  doc->lang_confidence = 0;
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
  RC_VEC_FREE(a, doc->fact_info);
  rc_strtab_free(&doc->terms);
  RC_VEC_FREE(a, doc->term_info);
  rc_strtab_free(&doc->speaker_words);
  rc_strtab_free(&doc->stems);
  RC_VEC_FREE(a, doc->stem_info);
  RC_VEC_FREE(a, doc->sents);
  RC_VEC_FREE(a, doc->sent_terms);
  rc_strtab_free(&doc->phrase_keys);
  RC_VEC_FREE(a, doc->phrases);
  rc_strtab_free(&doc->surface_keys);
  RC_VEC_FREE(a, doc->surfaces);
  rc_free(a, doc);
}

/* ---- options ---------------------------------------------------------------- */

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

/* ---- stages ------------------------------------------------------------------- */

static recap_status fail(recap_document *doc, recap_status st,
                         const char *fmt, const char *detail) {
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
  doc->speaker_names = rc_arena_calloc(&doc->arena, n, sizeof *doc->speaker_names);
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
    break;
  case RECAP_INPUT_SRT:
    st = rc_read_srt(&doc->src, s, n);
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

/* Subtitle files carry their language in the name: "talk.fr.srt",
   "talk.zh-CN.vtt" (the convention of YouTube, Kodi and most players).
   The language of such a tag, or NULL. */
static const rc_lang *language_in_filename(const char *path) {
  if (!path)
    return NULL;
  const char *base = strrchr(path, '/');
  base = base ? base + 1 : path;
  const char *ext = strrchr(base, '.');
  if (!ext || ext == base)
    return NULL;
  const char *tag = ext;
  while (tag > base && tag[-1] != '.')
    tag--;
  if (tag == base)
    return NULL; /* "talk.srt": no tag */
  size_t n = 0;
  while (tag + n < ext && tag[n] >= 'a' && tag[n] <= 'z')
    n++;
  /* two or three letters, then the end of the tag or a region ("-CN") */
  if (n < 2 || n > 3 || (tag + n != ext && tag[n] != '-' && tag[n] != '_'))
    return NULL;
  char code[4];
  memcpy(code, tag, n);
  code[n] = '\0';
  const rc_lang *l = rc_lang_find(code);
  return l == &rc_lang_none ? NULL : l;
}

static recap_status choose_language(recap_document *doc, const char *name) {
  const rc_lang *tagged = NULL;
  if ((!name || strcmp(name, "auto") == 0) &&
      (tagged = language_in_filename(doc->opt.filename))) {
    doc->lang = tagged;
    doc->lang_confidence = 1;
  } else if (!name || strcmp(name, "auto") == 0) {
    const rc_lang *l;
    double c;
    RC_TRY(rc_detect_language(doc->src.text, doc->src.len, &doc->norm,
                              &doc->masks, &l, &c));
    doc->lang = l;
    doc->lang_confidence = c;
  } else {
    doc->lang = rc_lang_find(name);
    if (!doc->lang)
      return fail(doc, RECAP_ERR_UNKNOWN_LANGUAGE, "unknown language '%s'",
                  name);
    doc->lang_confidence = 1;
  }
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

/* Plain text borrows the caller's bytes as its content; results outlive
   the call, so the document keeps its own copy. */
static recap_status keep_content(recap_document *doc) {
  rc_source *src = &doc->src;
  if (src->text == src->content || src->len == 0)
    return RECAP_OK;
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

static recap_status run(recap_document *doc, const char *text, size_t len,
                        const recap_options *opts) {
  RC_TRY(take_options(doc, opts));
  if (len > doc->opt.max_input_bytes)
    return fail(doc, RECAP_ERR_TOO_LARGE, "input larger than the %s limit",
                "configured");
  STAGE(doc, RC_STAGE_DECODE,
        rc_decode(doc->alloc, text, len, doc->opt.flags & RECAP_OPT_STRICT_UTF8,
                  &doc->text, doc->error, sizeof doc->error));
  STAGE(doc, RC_STAGE_READ, read_input(doc));
  STAGE(doc, RC_STAGE_READ, name_speakers(doc));
  STAGE(doc, RC_STAGE_LANGUAGE,
        choose_language(doc, opts ? opts->language : NULL));
  STAGE(doc, RC_STAGE_SEGMENT,
        rc_segment(&doc->src, doc->lang, &doc->norm, &doc->spans));
  STAGE(doc, RC_STAGE_TERMS, rc_terms_build(doc));
  release(doc->alloc, (void **)&doc->spans.data, &doc->spans.len,
          &doc->spans.cap, sizeof *doc->spans.data);
  STAGE(doc, RC_STAGE_TFIDF, rc_tfidf_weigh(doc));
  STAGE(doc, RC_STAGE_SCORE, rc_score_sentences(doc));
  STAGE(doc, RC_STAGE_SUMMARY, rc_summary_select(doc));
  STAGE(doc, RC_STAGE_KEYPHRASES, rc_keyphrases_select(doc));
  if (doc->opt.flags & RECAP_OPT_CHAPTERS)
    STAGE(doc, RC_STAGE_CHAPTERS, rc_chapters_build(doc));
  if (doc->opt.flags & RECAP_OPT_SPEAKERS)
    STAGE(doc, RC_STAGE_SPEAKERS, rc_speakers_build(doc));
  /* Only now is the caller's text copied (if the content borrowed it): the
     copy then does not add to the peak of the scoring stages. */
  RC_TRY(keep_content(doc));
  /* The decoded text is no longer needed, only its offset map. */
  if (doc->text.owned) {
    rc_free(doc->alloc, doc->text.owned);
    doc->text.owned = NULL;
  }
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

recap_status recap_document_analyze(recap_document *doc, const char *text,
                                    size_t length, const recap_options *opts) {
  if (!doc)
    return RECAP_ERR_INVALID_ARGUMENT;
  rc_doc_reset(doc);
  if (!text && length)
    return fail(doc, RECAP_ERR_INVALID_ARGUMENT, "%stext is NULL", "");
  recap_status st = run(doc, text ? text : "", length, opts);
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

const char *recap_document_error(const recap_document *doc) {
  return doc ? doc->error : "invalid argument";
}

const char *recap_document_language(const recap_document *doc,
                                    double *confidence) {
  if (confidence)
    *confidence = doc ? doc->lang_confidence : 0;
  return doc ? doc->lang->name : "none";
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

/* ---- positions, times, speakers ------------------------------------------------ */

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
  *start = time_in_cue(doc, s->cue_first, s->off);
  *end = time_in_cue(doc, s->cue_last, s->off + s->len);
  if (*end < *start)
    *end = *start;
}

const char *rc_doc_speaker_name(const recap_document *doc, uint32_t speaker) {
  if (speaker == RC_NO_ID || !doc->speaker_names ||
      speaker >= doc->src.speakers.count)
    return NULL;
  return doc->speaker_names[speaker];
}

/* ---- display text --------------------------------------------------------------- */

static int is_space(char c) { return c == ' ' || c == '\n' || c == '\t'; }

/* Appends t[b, e) with runs of whitespace as one space. */
static void put_collapsed(rc_buf *out, const char *t, size_t b, size_t e) {
  for (size_t i = b; i < e; i++) {
    if (is_space(t[i])) {
      if (out->len && rc_buf_data(out)[out->len - 1] != ' ')
        rc_buf_putc(out, ' ');
      continue;
    }
    rc_buf_putc(out, t[i]);
  }
}

/* Drops the spaces and one comma or semicolon at the end of out (after
   `start`); returns whether there was such a mark. */
static int drop_trailing_comma(rc_buf *out, size_t start) {
  char *s = (char *)rc_buf_data(out);
  size_t n = out->len;
  while (n > start && s[n - 1] == ' ')
    n--;
  if (n > start && (s[n - 1] == ',' || s[n - 1] == ';')) {
    out->len = n - 1;
    return 1;
  }
  return 0;
}

/* Where the text resumes after a dropped word at [p, q), and what to
   write in its place, so that its punctuation goes with it:
     "so we, uh, bought" -> "so we bought"   (both commas were its own)
     "the buses, uh."    -> "the buses."
     "to the th."        -> "to the."                                     */
static size_t drop_word(rc_buf *out, size_t start, const char *t, size_t q,
                        size_t e) {
  size_t r = q;
  if (r < e && (t[r] == ',' || t[r] == ';')) {
    drop_trailing_comma(out, start);
    r++;
  } else if (r < e && strchr(".!?", t[r])) {
    drop_trailing_comma(out, start);
    while (out->len > start && rc_buf_data(out)[out->len - 1] == ' ')
      out->len--;
    return r;
  }
  while (r < e && is_space(t[r]))
    r++;
  if (out->len > start && rc_buf_data(out)[out->len - 1] != ' ')
    rc_buf_putc(out, ' ');
  return r;
}

static int starts_upper_ascii(const char *t, size_t p) {
  return t[p] >= 'A' && t[p] <= 'Z';
}

recap_status rc_doc_display(const recap_document *doc, rc_norm *norm,
                            size_t b, size_t e, int verbatim, rc_buf *out) {
  const char *t = doc->src.text;
  size_t start = out->len;
  size_t pos = b;
  int dropped_first = 0, kept_any = 0;
  if (!verbatim) {
    rc_tokenizer tz;
    rc_tok tok;
    rc_tokenizer_init(&tz, t, b, e, doc->lang);
    uint32_t prev = RC_NO_ID;
    while (rc_tokenizer_next(&tz, &tok)) {
      uint32_t term;
      RC_TRY(rc_term_find(doc, norm, t, &tok, &term));
      unsigned flags = term == RC_NO_ID ? 0 : doc->term_info.data[term].flags;
      int stutter = term != RC_NO_ID && term == prev &&
                    !(tok.flags & RC_TOK_GAP) && !(flags & RC_TERM_CJK);
      if (!(flags & (RC_TERM_FILLER | RC_TERM_CUTOFF)) && !stutter) {
        kept_any = 1;
        prev = term; /* dropped words do not hide a stutter: "the w the" */
        continue;
      }
      if (!kept_any && (flags & RC_TERM_FILLER))
        dropped_first = dropped_first || starts_upper_ascii(t, tok.off);
      put_collapsed(out, t, pos, tok.off);
      pos = drop_word(out, start, t, tok.off + tok.len, e);
    }
  }
  put_collapsed(out, t, pos, e);
  if (out->failed)
    return RECAP_ERR_NOMEM;
  /* Trim what dropping left at the ends: spaces, a stray comma. */
  char *s = out->mem ? (char *)rc_buf_data(out) : NULL;
  size_t i = start;
  while (s && i < out->len && (s[i] == ' ' || s[i] == ',' || s[i] == ';'))
    i++;
  if (s && i > start) {
    memmove(s + start, s + i, out->len - i);
    out->len -= i - start;
  }
  while (s && out->len > start && s[out->len - 1] == ' ')
    out->len--;
  /* "Um, so we ..." reads "So we ...". */
  if (s && dropped_first && out->len > start && s[start] >= 'a' &&
      s[start] <= 'z')
    s[start] = (char)(s[start] - 32);
  return RECAP_OK;
}

static size_t count_words(const char *t, size_t n) {
  size_t words = 0;
  int in_word = 0;
  for (size_t i = 0; i < n; i++) {
    int sp = t[i] == ' ';
    words += !sp && !in_word;
    in_word = !sp;
  }
  return words;
}

static int is_ascii(const char *t, size_t n) {
  for (size_t i = 0; i < n; i++)
    if ((unsigned char)t[i] >= 0x80)
      return 0;
  return 1;
}

/* The display text of sentence i, NFC, into out (replacing its contents).
   Reads the document only; `norm` is the caller's scratch. */
static recap_status display_text(const recap_document *doc, rc_norm *norm,
                                 size_t i, rc_buf *out) {
  const rc_sent *s = &doc->sents.data[i];
  rc_buf raw;
  rc_buf_init(&raw, doc->alloc);
  recap_status st = rc_doc_display(doc, norm, s->off, s->off + s->len,
                                   doc->opt.flags & RECAP_OPT_VERBATIM, &raw);
  const char *t = rc_buf_data(&raw);
  size_t n = raw.len;
  if (st == RECAP_OK && !is_ascii(t, n))
    st = rc_nfc(norm, t, n, &t, &n);
  if (st == RECAP_OK) {
    rc_buf_clear(out);
    rc_buf_put(out, t, n);
    if (out->failed)
      st = RECAP_ERR_NOMEM;
  }
  rc_buf_free(&raw);
  return st;
}

/* Display text of sentence i into the arena (during the analysis). */
static recap_status sentence_text(recap_document *doc, size_t i,
                                  const char **text, size_t *len) {
  rc_buf b;
  rc_buf_init(&b, doc->alloc);
  recap_status st = display_text(doc, &doc->norm, i, &b);
  if (st == RECAP_OK) {
    char *copy = rc_arena_strndup(&doc->arena, rc_buf_data(&b), b.len);
    if (!copy)
      st = RECAP_ERR_NOMEM;
    *text = copy;
    *len = b.len;
  }
  rc_buf_free(&b);
  return st;
}

recap_status rc_doc_sentence(recap_document *doc, size_t i, int with_text,
                             recap_sentence *out) {
  const rc_sent *s = &doc->sents.data[i];
  memset(out, 0, sizeof *out);
  out->index = i;
  out->offset = rc_doc_input_offset(doc, s->off);
  out->length = rc_doc_input_end(doc, s->off + s->len) - out->offset;
  out->score = doc->score_top > 0 ? s->score / doc->score_top : 0;
  out->speaker = rc_doc_speaker_name(doc, doc->src.cues.data[s->cue_first].speaker);
  rc_doc_sentence_times(doc, i, &out->start, &out->end);
  out->words = s->words;
  if (with_text) {
    RC_TRY(sentence_text(doc, i, &out->text, &out->text_length));
    out->words = count_words(out->text, out->text_length);
  }
  return RECAP_OK;
}

/* ---- public accessors ------------------------------------------------------------ */

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
  /* Without text, filling a sentence only reads the document. */
  return rc_doc_sentence((recap_document *)doc, i, 0, out);
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
  recap_status st = display_text(doc, &norm, i, &b);
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

size_t recap_speaker_count(const recap_document *doc) {
  return doc ? doc->speaker_count : 0;
}

const recap_speaker *recap_speaker_at(const recap_document *doc, size_t i) {
  return doc && i < doc->speaker_count ? &doc->speakers[i] : NULL;
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
