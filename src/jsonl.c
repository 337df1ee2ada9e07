/*
 * jsonl.c - one JSON Lines record in, one result line out
 * (recap_jsonl_process).
 *
 * The contract batch engines rely on: stateless (nothing carries over
 * from one record to the next but reusable memory), one line in gives
 * exactly one line out, deterministic, and a bad record gives an error
 * object rather than stopping the stream.
 */
#include <stdio.h>
#include <string.h>

#include "doc.h"
#include "json.h"
#include "render.h"

/* Records nest at most this deep; more is not a record but an attack. */
#define RC_JSONL_MAX_DEPTH 64

static const char *status_name(recap_status st) {
  switch (st) {
  case RECAP_ERR_NOMEM:
    return "out_of_memory";
  case RECAP_ERR_INVALID_ARGUMENT:
    return "invalid_argument";
  case RECAP_ERR_UNKNOWN_LANGUAGE:
    return "unknown_language";
  case RECAP_ERR_BAD_FORMAT:
    return "bad_format";
  case RECAP_ERR_BAD_ENCODING:
    return "bad_encoding";
  case RECAP_ERR_TOO_LARGE:
    return "too_large";
  case RECAP_ERR_BAD_TABLE:
    return "bad_table";
  default:
    return "ok";
  }
}

typedef struct record {
  const char *id; /* raw JSON of "id", or "null" */
  size_t id_len;
  const char *text;
  size_t text_len;
  recap_options opt;
} record;

/* The line separators other than '\n' that line splitters such as
   Python's str.splitlines break at (U+2028, U+2029, NEL): the length of
   the one at s[0..n), 0 if none. */
static size_t unicode_break(const char *s, size_t n) {
  const unsigned char *u = (const unsigned char *)s;
  if (n >= 3 && u[0] == 0xE2 && u[1] == 0x80 && (u[2] & 0xFE) == 0xA8)
    return 3;
  return n >= 2 && u[0] == 0xC2 && u[1] == 0x85 ? 2 : 0;
}

/* The value of the \uXXXX escape at s[0..6), or -1 if s holds none. */
static long u_escape(const char *s, size_t n) {
  if (n < 6 || s[0] != '\\' || s[1] != 'u')
    return -1;
  long v = 0;
  for (int i = 2; i < 6; i++) {
    int c = (unsigned char)s[i];
    int d = c >= '0' && c <= '9'   ? c - '0'
            : c >= 'a' && c <= 'f' ? c - 'a' + 10
            : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                   : -1;
    if (d < 0)
      return -1;
    v = v * 16 + d;
  }
  return v;
}

/* The length of the escape starting with the backslash at s[0]. */
static size_t escape_len(const char *s, size_t n) {
  if (u_escape(s, n) >= 0)
    return 6;
  return n >= 2 ? 2 : n;
}

static int is_high(long v) { return v >= 0xD800 && v <= 0xDBFF; }
static int is_low(long v) { return v >= 0xDC00 && v <= 0xDFFF; }

/* Is the \u escape at s[0..n) half of a surrogate pair without its other
   half?  after_high: a high-half escape ends right before it. */
static int lone_surrogate(const char *s, size_t n, int after_high) {
  long v = u_escape(s, n);
  if (is_high(v))
    return !is_low(u_escape(s + 6, n - 6));
  return is_low(v) && !after_high;
}

/* The record's "id", as it was written, except that the result must be
   one line of valid UTF-8 even when the record is not: line breaks (which
   valid JSON has only as whitespace) become spaces, bytes that are not
   UTF-8 (which it has only inside strings, the parser copying them
   through) become U+FFFD (found by fuzz_jsonl), so do escapes of half a
   surrogate pair without the other half (no character: the parser reads
   them as U+FFFD too, and jq and serde reject them), and U+2028, U+2029 and
   NEL (valid JSON only inside strings) are written as the \u escapes
   they equal, so that no line splitter cuts the result in two. */
static void put_id(rc_buf *b, const char *id, size_t n) {
  size_t run = 0, high_end = 0;
  for (size_t i = 0; i < n;) {
    if (id[i] == '\\') { /* only inside strings: an escape */
      size_t k = escape_len(id + i, n - i);
      if (k == 6 && lone_surrogate(id + i, n - i, i > 0 && high_end == i)) {
        rc_buf_put(b, id + run, i - run);
        rc_buf_puts(b, "\\ufffd");
        run = i + k;
      }
      if (k == 6 && is_high(u_escape(id + i, n - i)))
        high_end = i + k;
      i += k;
      continue;
    }
    size_t k = rc_utf8_seqlen((const unsigned char *)id + i, n - i);
    if (k == 1 && id[i] != '\n' && id[i] != '\r') {
      i++;
      continue;
    }
    if (k > 1 && !unicode_break(id + i, n - i)) {
      i += k;
      continue;
    }
    rc_buf_put(b, id + run, i - run);
    if (k > 1) {
      const unsigned char c = (unsigned char)id[i + k - 1];
      rc_buf_puts(b, k == 2 ? "\\u0085" : c == 0xA8 ? "\\u2028" : "\\u2029");
      run = i += k;
      continue;
    }
    rc_buf_puts(b, k ? " " : "\xEF\xBF\xBD");
    run = ++i;
  }
  rc_buf_put(b, id + run, n - run);
}

static recap_status error_line(recap_status st, const record *r,
                               const char *message, const recap_allocator *a,
                               char **out, size_t *out_length) {
  rc_buf b;
  rc_buf_init(&b, a);
  rc_buf_puts(&b, "{\"id\":");
  put_id(&b, r->id, r->id_len);
  rc_buf_printf(&b, ",\"version\":%d,\"error\":", RECAP_JSON_VERSION);
  rc_buf_json_string(&b, message, strlen(message));
  rc_buf_puts(&b, ",\"status\":\"");
  rc_buf_puts(&b, status_name(st));
  rc_buf_puts(&b, "\"}");
  recap_status fst = rc_buf_finish(&b, out, out_length);
  return fst == RECAP_OK ? st : fst;
}

/* A string option: 1 and *out (the parsed string, NUL-terminated in the
   arena) if present, 1 and *out untouched if absent, 0 if present but not
   a string or holding a NUL. */
static int get_cstring(const rc_json *obj, const char *key, const char **out) {
  const rc_json *v = rc_json_get(obj, key);
  if (!v)
    return 1;
  if (v->type != RC_JSON_STRING || memchr(v->u.string.s, '\0', v->u.string.len))
    return 0;
  *out = v->u.string.s;
  return 1;
}

static int get_count(const rc_json *obj, const char *key, size_t *out) {
  double v;
  if (!rc_json_get_number(obj, key, &v))
    return rc_json_get(obj, key) == NULL; /* absent: keep the default */
  if (!(v >= 0) || v > 1e15 || v != (double)(size_t)v)
    return 0;
  *out = (size_t)v;
  return 1;
}

static int get_flag(const rc_json *obj, const char *key, unsigned bit,
                    unsigned *flags) {
  const rc_json *v = rc_json_get(obj, key);
  if (!v)
    return 1;
  if (v->type == RC_JSON_TRUE)
    *flags |= bit;
  else if (v->type == RC_JSON_FALSE)
    *flags &= ~bit;
  else
    return 0;
  return 1;
}

/* Reads the record's fields over the defaults; returns an error message or
   NULL. */
static const char *read_record(const rc_json *obj, record *r) {
  if (obj->type != RC_JSON_OBJECT)
    return "a record must be a JSON object";
  size_t n;
  r->text = rc_json_get_string(obj, "text", &n);
  if (!r->text)
    return "a record needs a \"text\" string";
  r->text_len = n;
  const char *format = NULL;
  if (!get_cstring(obj, "language", &r->opt.language) ||
      !get_cstring(obj, "lang", &r->opt.language) ||
      !get_cstring(obj, "query", &r->opt.query) ||
      !get_cstring(obj, "filename", &r->opt.filename) ||
      !get_cstring(obj, "format", &format))
    return "\"lang\", \"query\", \"filename\" and \"format\" must be "
           "strings";
  if (format &&
      recap_input_format_lookup(format, &r->opt.input_format) != RECAP_OK)
    return "unknown \"format\" (auto, text, transcript, vtt, srt, json)";
  if (!get_count(obj, "sentences", &r->opt.summary_sentences) ||
      !get_count(obj, "words", &r->opt.summary_words) ||
      !get_count(obj, "keyphrases", &r->opt.keyphrases))
    return "\"sentences\", \"words\" and \"keyphrases\" must be counts";
  const rc_json *ratio = rc_json_get(obj, "ratio");
  if (ratio) {
    if (ratio->type != RC_JSON_NUMBER ||
        !(ratio->u.number >= 0 && ratio->u.number <= 1))
      return "\"ratio\" must be a number between 0 and 1";
    r->opt.summary_ratio = ratio->u.number;
  }
  const rc_json *ch = rc_json_get(obj, "chapters");
  if (ch && ch->type == RC_JSON_NUMBER) {
    if (!get_count(obj, "chapters", &r->opt.chapters))
      return "\"chapters\" must be true, false or a count";
    r->opt.flags |= RECAP_OPT_CHAPTERS;
  } else if (!get_flag(obj, "chapters", RECAP_OPT_CHAPTERS, &r->opt.flags)) {
    return "\"chapters\" must be true, false or a count";
  }
  const rc_json *dec = rc_json_get(obj, "decisions");
  if (dec && dec->type == RC_JSON_NUMBER) {
    if (!get_count(obj, "decisions", &r->opt.decisions))
      return "\"decisions\" must be true, false or a count";
    r->opt.flags |= RECAP_OPT_DECISIONS;
  } else if (!get_flag(obj, "decisions", RECAP_OPT_DECISIONS, &r->opt.flags)) {
    return "\"decisions\" must be true, false or a count";
  }
  if (!get_flag(obj, "speakers", RECAP_OPT_SPEAKERS, &r->opt.flags) ||
      !get_flag(obj, "verbatim", RECAP_OPT_VERBATIM, &r->opt.flags))
    return "\"speakers\" and \"verbatim\" must be true or false";
  return NULL;
}

/* A record that ran out of memory still gives its line: what the document
   and the record's arena held is released first, which leaves room for
   the error object in all but a failing allocator (then *out is NULL and
   the caller has recap_jsonl_error()).  The id is in the caller's line,
   not in the arena. */
static recap_status out_of_memory(recap_document *doc, rc_arena *arena,
                                  const record *r, char **out,
                                  size_t *out_length) {
  rc_doc_reset(doc);
  rc_arena_free(arena);
  error_line(RECAP_ERR_NOMEM, r, recap_strerror(RECAP_ERR_NOMEM), doc->alloc,
             out, out_length);
  return RECAP_ERR_NOMEM;
}

recap_status recap_jsonl_process(recap_document *doc, const char *line,
                                 size_t length, const recap_options *defaults,
                                 char **out, size_t *out_length) {
  if (out)
    *out = NULL;
  if (!doc || !out || (!line && length))
    return RECAP_ERR_INVALID_ARGUMENT;
  /* Nothing of the previous record survives, whatever happens to this one. */
  rc_doc_reset(doc);
  const recap_allocator *a = doc->alloc;
  rc_arena arena;
  rc_arena_init(&arena, a);
  record r;
  memset(&r, 0, sizeof r);
  r.id = "null";
  r.id_len = 4;
  if (defaults)
    r.opt = *defaults;
  else
    recap_options_init(&r.opt);
  rc_json *root = NULL;
  rc_json_error jerr;
  /* Numbers too large for a double: the id is copied as written, and
     the keys that are counts reject infinity. */
  recap_status st =
      rc_json_parse_with(&arena, line ? line : "", length, RC_JSONL_MAX_DEPTH,
                         RC_JSON_HUGE_NUMBERS, &root, &jerr);
  char message[160];
  if (st == RECAP_ERR_BAD_FORMAT) {
    snprintf(message, sizeof message, "not a JSON record: column %zu: %s",
             jerr.column, jerr.message);
    st = error_line(st, &r, message, a, out, out_length);
    rc_arena_free(&arena);
    return st;
  }
  if (st != RECAP_OK)
    return out_of_memory(doc, &arena, &r, out, out_length);
  const rc_json *id = rc_json_get(root, "id");
  if (id) {
    r.id = line + id->offset;
    r.id_len = id->end - id->offset;
  }
  const char *why = read_record(root, &r);
  if (why) {
    st = error_line(RECAP_ERR_INVALID_ARGUMENT, &r, why, a, out, out_length);
    rc_arena_free(&arena);
    return st;
  }
  st = recap_document_analyze(doc, r.text, r.text_len, &r.opt);
  if (st == RECAP_ERR_NOMEM)
    return out_of_memory(doc, &arena, &r, out, out_length);
  if (st != RECAP_OK) {
    st = error_line(st, &r, recap_document_error(doc), a, out, out_length);
    rc_arena_free(&arena);
    return st;
  }
  rc_buf lead, b;
  rc_buf_init(&lead, a);
  rc_buf_puts(&lead, "\"id\":");
  put_id(&lead, r.id, r.id_len);
  rc_buf_init(&b, a);
  rc_render_json(doc, rc_buf_data(&lead), lead.len, &b);
  if (lead.failed)
    b.failed = 1;
  rc_buf_free(&lead);
  st = rc_buf_finish(&b, out, out_length);
  if (st == RECAP_ERR_NOMEM)
    return out_of_memory(doc, &arena, &r, out, out_length);
  rc_arena_free(&arena);
  return st;
}

size_t recap_jsonl_error(recap_status status, char *buf, size_t size) {
  /* recap_strerror()'s messages need no escaping. */
  int n =
      snprintf(buf, size,
               "{\"id\":null,\"version\":%d,\"error\":\"%s\",\"status\":"
               "\"%s\"}",
               RECAP_JSON_VERSION, recap_strerror(status), status_name(status));
  return n < 0 ? 0 : (size_t)n;
}
