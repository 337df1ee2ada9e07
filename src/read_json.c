/*
 * read_json.c - Whisper and WhisperX JSON transcripts.
 *
 * Two shapes, as written by openai-whisper (`--output_format json`),
 * faster-whisper wrappers and WhisperX (which adds "speaker" after
 * diarisation):
 *
 *   {"text": " Hello there.", "language": "en",
 *    "segments": [{"id": 0, "start": 0.0, "end": 2.5,
 *                  "text": " Hello there.", "speaker": "SPEAKER_00",
 *                  "words": [...]}, ...]}
 *
 *   [{"start": 0.0, "end": 2.5, "text": "Hello there."}, ...]
 *
 * Each segment with a "text" string becomes one cue (its leading space,
 * which Whisper always writes, trimmed); "start"/"end" that are missing,
 * not numbers or negative are -1; "speaker" gives the speaker.  Without
 * segments, a top-level "text" is one untimed cue.  Other members ("words",
 * "tokens", "avg_logprob", ...) are ignored.
 *
 * Errors (RECAP_ERR_BAD_FORMAT): input that is not JSON, with the parser's
 * line and column; JSON of another shape (no segment with a "text" string,
 * no top-level "text"), with the line of the offending value.  An empty
 * transcript ({"text": "", "segments": []}, or []) is not an error.
 *
 * Offsets: a segment's text is decoded from a JSON string, so it is not a
 * slice of the input.  It is mapped piece by piece: unescaped runs map byte
 * for byte, each escape maps to its "\n" or "\u00e9" in the input.  If the
 * walk ever disagrees with the parser's decoding (it should not), the whole
 * text maps to the string's span instead.  Control characters that escapes
 * can produce (\b, \f, \r, \u0001 ...) become spaces, keeping the content
 * as clean as decoded text; "\n" and "\t" stay.
 */
#include "readers.h"

#include <stdio.h>
#include <string.h>

#include "decode.h"
#include "json.h"

enum { MAX_DEPTH = 64 };

/* "message at column C" in the scratch arena (or the bare message). */
static recap_status fail_at(rc_source *src, rc_arena *scratch, size_t line,
                            size_t column, const char *message) {
  const char *why = message;
  if (column) {
    char buf[160];
    snprintf(buf, sizeof buf, "%s at column %zu", message, column);
    char *copy = rc_arena_strndup(scratch, buf, strlen(buf));
    if (copy)
      why = copy;
  }
  return rc_source_fail(src, line, why);
}

static size_t line_of(const char *s, size_t off) {
  size_t line = 1;
  for (const char *p = s, *e = s + off; (p = memchr(p, '\n', (size_t)(e - p)));
       p++)
    line++;
  return line;
}

static double time_of(const rc_json *seg, const char *key) {
  double t;
  if (!rc_json_get_number(seg, key, &t) || !(t >= 0))
    return -1;
  return t;
}

static int hex_value(const char *s, unsigned *out) {
  unsigned v = 0;
  for (int i = 0; i < 4; i++) {
    char c = s[i];
    unsigned d;
    if (c >= '0' && c <= '9')
      d = (unsigned)(c - '0');
    else if (c >= 'a' && c <= 'f')
      d = (unsigned)(c - 'a' + 10);
    else if (c >= 'A' && c <= 'F')
      d = (unsigned)(c - 'A' + 10);
    else
      return 0;
    v = v * 16 + d;
  }
  *out = v;
  return 1;
}

/* The escape at raw[0] == '\\' (of raw_len bytes left): its length in the
   input and the length of what it decodes to, as json.c decodes it (a pair
   of surrogate escapes is one 4-byte character, a lone one U+FFFD). */
static int escape_size(const char *raw, size_t raw_len, size_t *rlen,
                       size_t *dlen) {
  unsigned cp, lo;
  char tmp[4];
  if (raw_len < 2)
    return 0;
  if (raw[1] != 'u') {
    *rlen = 2;
    *dlen = 1;
    return 1;
  }
  if (raw_len < 6 || !hex_value(raw + 2, &cp))
    return 0;
  *rlen = 6;
  if (cp >= 0xD800 && cp < 0xDC00 && raw_len >= 12 && raw[6] == '\\' &&
      raw[7] == 'u' && hex_value(raw + 8, &lo) && lo >= 0xDC00 && lo < 0xE000) {
    *rlen = 12;
    *dlen = 4;
  } else if (cp >= 0xD800 && cp < 0xE000) {
    *dlen = 3; /* U+FFFD */
  } else {
    *dlen = rc_utf8_encode(cp, tmp);
  }
  return 1;
}

/* Does walking the raw string agree with the decoded one? */
static int walk_agrees(const char *raw, size_t raw_len, const char *dec,
                       size_t dec_len) {
  size_t i = 0, j = 0;
  while (i < raw_len) {
    if (raw[i] != '\\') {
      if (j >= dec_len || raw[i] != dec[j])
        return 0;
      i++;
      j++;
      continue;
    }
    size_t rlen, dlen;
    if (!escape_size(raw + i, raw_len - i, &rlen, &dlen))
      return 0;
    i += rlen;
    j += dlen;
  }
  return i == raw_len && j == dec_len;
}

/* Decoded bytes of one escape, control characters made spaces. */
static recap_status add_escape(rc_source *src, const char *d, size_t dlen,
                               size_t from, size_t rlen) {
  unsigned char c = (unsigned char)d[0];
  if (dlen == 1 && c != '\n' && c != '\t' && (c < 0x20 || c == 0x7F))
    return rc_source_add_replacement(src, " ", 1, from, rlen);
  if (dlen == 2 && c == 0xC2 && (unsigned char)d[1] < 0xA0)
    return rc_source_add_replacement(src, " ", 1, from, rlen); /* C1 */
  return rc_source_add_replacement(src, d, dlen, from, rlen);
}

/* Appends the JSON string v (decoded text, input span v->offset..v->end). */
static recap_status add_string(rc_source *src, rc_arena *scratch, const char *s,
                               const rc_json *v) {
  const char *raw = s + v->offset + 1;
  size_t raw_len = v->end - v->offset - 2;
  const char *dec = v->u.string.s;
  size_t dec_len = v->u.string.len;
  if (walk_agrees(raw, raw_len, dec, dec_len)) {
    size_t i = 0, j = 0, run = 0;
    while (i < raw_len) {
      if (raw[i] != '\\') {
        i++;
        j++;
        continue;
      }
      RC_TRY(rc_source_add(src, raw + run, i - run, v->offset + 1 + run));
      size_t rlen, dlen;
      escape_size(raw + i, raw_len - i, &rlen, &dlen);
      RC_TRY(add_escape(src, dec + j, dlen, v->offset + 1 + i, rlen));
      i += rlen;
      j += dlen;
      run = i;
    }
    return rc_source_add(src, raw + run, raw_len - run, v->offset + 1 + run);
  }
  /* Fallback: the whole text stands for the whole string. */
  char *copy = rc_arena_strndup(scratch, dec, dec_len);
  if (!copy)
    return RECAP_ERR_NOMEM;
  for (size_t k = 0; k < dec_len; k++) {
    unsigned char c = (unsigned char)copy[k];
    if (c != '\n' && c != '\t' && (c < 0x20 || c == 0x7F))
      copy[k] = ' ';
  }
  return rc_source_add_replacement(src, copy, dec_len, v->offset,
                                   v->end - v->offset);
}

/* A speaker name safe to display: no control characters. */
static const char *clean_name(rc_arena *scratch, const char *s, size_t n) {
  char *copy = rc_arena_strndup(scratch, s, n);
  if (!copy)
    return NULL;
  for (size_t k = 0; k < n; k++)
    if ((unsigned char)copy[k] < 0x20 || copy[k] == 0x7F)
      copy[k] = ' ';
  return copy;
}

static recap_status add_cue(rc_source *src, rc_arena *scratch, const char *s,
                            const rc_json *text, double start, double end,
                            const rc_json *speaker) {
  const char *name = NULL;
  size_t name_len = 0;
  if (speaker && speaker->type == RC_JSON_STRING && speaker->u.string.len) {
    name_len = speaker->u.string.len;
    name = clean_name(scratch, speaker->u.string.s, name_len);
    if (!name)
      return RECAP_ERR_NOMEM;
  }
  RC_TRY(rc_source_begin(src, start, end, name, name_len, 0));
  RC_TRY(add_string(src, scratch, s, text));
  return rc_source_end(src);
}

static recap_status read_segments(rc_source *src, rc_arena *scratch,
                                  const char *s, const rc_json *segs) {
  size_t usable = 0;
  for (size_t i = 0; i < segs->u.array.count; i++) {
    const rc_json *seg = &segs->u.array.items[i];
    if (seg->type != RC_JSON_OBJECT)
      return fail_at(src, scratch, line_of(s, seg->offset), 0,
                     "expected a segment object");
    const rc_json *text = rc_json_get(seg, "text");
    if (!text || text->type != RC_JSON_STRING)
      continue;
    usable++;
    RC_TRY(add_cue(src, scratch, s, text, time_of(seg, "start"),
                   time_of(seg, "end"), rc_json_get(seg, "speaker")));
  }
  if (segs->u.array.count && !usable)
    return fail_at(src, scratch, line_of(s, segs->offset), 0,
                   "no segment has a \"text\" string");
  return RECAP_OK;
}

recap_status rc_read_json(rc_source *src, rc_arena *scratch, const char *s,
                          size_t n) {
  rc_json *root = NULL;
  rc_json_error err = {0, 0, 0, NULL};
  recap_status st = rc_json_parse(scratch, s, n, MAX_DEPTH, &root, &err);
  if (st == RECAP_ERR_BAD_FORMAT)
    return fail_at(src, scratch, err.line, err.column,
                   err.message ? err.message : "invalid JSON");
  if (st != RECAP_OK)
    return st;
  if (root->type == RC_JSON_ARRAY)
    return read_segments(src, scratch, s, root);
  if (root->type != RC_JSON_OBJECT)
    return fail_at(src, scratch, line_of(s, root->offset), 0,
                   "expected a transcript object or a list of segments");
  const rc_json *segs = rc_json_get(root, "segments");
  const rc_json *text = rc_json_get(root, "text");
  if (segs && segs->type != RC_JSON_ARRAY)
    return fail_at(src, scratch, line_of(s, segs->offset), 0,
                   "\"segments\" is not a list");
  if (segs && segs->u.array.count)
    return read_segments(src, scratch, s, segs);
  if (text && text->type == RC_JSON_STRING)
    return add_cue(src, scratch, s, text, -1, -1, NULL);
  if (segs)
    return RECAP_OK; /* "segments": [] - nothing was said */
  return fail_at(src, scratch, line_of(s, root->offset), 0,
                 "no \"segments\" or \"text\"");
}
