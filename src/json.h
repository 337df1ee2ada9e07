/*
 * json.h - a strict, locale-independent, depth-limited JSON parser.
 *
 * Reads Whisper/WhisperX transcripts and JSON Lines records into a tree that
 * lives in a caller-owned arena:
 *
 *   rc_json {type, offset, end, u}
 *     ARRAY:  u.array.items   -> [rc_json][rc_json]...          (arena)
 *     OBJECT: u.object.members -> [key, key_len, rc_json]...    (arena)
 *     STRING: u.string.s       -> decoded UTF-8 bytes + NUL      (arena)
 *
 * The whole tree, strings included, is valid until the arena is freed or
 * reset.  The parser keeps no global state, so different arenas may be used
 * from different threads at once; a tree may be read by several threads.
 */
#ifndef RC_JSON_H
#define RC_JSON_H

#include <stddef.h>

#include "mem.h"

typedef enum rc_json_type {
  RC_JSON_NULL,
  RC_JSON_FALSE,
  RC_JSON_TRUE,
  RC_JSON_NUMBER,
  RC_JSON_STRING,
  RC_JSON_ARRAY,
  RC_JSON_OBJECT
} rc_json_type;

typedef struct rc_json rc_json;
typedef struct rc_json_member rc_json_member;

/** One JSON value. */
struct rc_json {
  rc_json_type type;
  size_t offset; /**< byte offset of the value's first byte in the input */
  size_t end;    /**< byte offset just past the value */
  union {
    /** A finite double: out-of-range numbers are rejected (or infinite
        with RC_JSON_HUGE_NUMBERS), tiny ones underflow to (signed)
        zero. */
    double number;
    /** Decoded UTF-8, NUL-terminated; may contain NUL bytes (\u0000), so
        use len.  A lone surrogate escape decodes to U+FFFD. */
    struct {
      const char *s;
      size_t len;
    } string;
    /** items is NULL when count is 0. */
    struct {
      rc_json *items;
      size_t count;
    } array;
    /** Members in input order, duplicate keys kept; NULL when count is 0. */
    struct {
      rc_json_member *members;
      size_t count;
    } object;
  } u;
};

/** An object member: the decoded key (NUL-terminated, may hold NUL bytes)
    and its value. */
struct rc_json_member {
  const char *key;
  size_t key_len;
  rc_json value;
};

/** Where and why parsing failed. */
typedef struct rc_json_error {
  size_t offset;       /**< byte offset of the offending byte */
  size_t line;         /**< 1-based; lines end at '\n' */
  size_t column;       /**< 1-based, in bytes from the start of the line */
  const char *message; /**< static string, e.g. "expected ',' or ']'" */
} rc_json_error;

/**
 * Parses exactly one JSON value (RFC 8259), surrounded by optional
 * whitespace, from text[0..len).  text need not be NUL-terminated and may be
 * NULL when len is 0.
 *
 * Strict: no comments, trailing commas, single quotes, NaN/Infinity,
 * leading zeros, '+' signs, unescaped control characters or unknown
 * escapes; a byte-order mark is not skipped.  Two leniencies, for Whisper
 * output: a lone or unpaired surrogate escape decodes to U+FFFD, and bytes
 * >= 0x80 are copied through unchecked (the library repairs encoding before
 * parsing).  Numbers are converted without the locale and without strtod:
 * correctly rounded for up to 19 significant digits in the normal range
 * (digits after the 19th are dropped, and subnormals may be one unit in the
 * last place off).  A number too large for a double is an error; one too
 * small becomes (signed) zero.
 *
 * The parser is iterative: max_depth bounds the nesting of arrays and
 * objects (0 allows only scalars; 512 is a sensible limit) and deeper input
 * is an error.  Time and temporary memory are linear in len.
 *
 * The tree and its strings are allocated from `arena`, which the caller
 * frees (also after an error, which may leave partial allocations in it);
 * temporary arrays come from arena->alloc and are freed before returning.
 *
 * Returns RECAP_OK with *out set (left alone on any error);
 * RECAP_ERR_BAD_FORMAT with *err filled;
 * RECAP_ERR_NOMEM (err->message "out of memory"); or
 * RECAP_ERR_INVALID_ARGUMENT if arena or out is NULL, or text is NULL with
 * len > 0.  err may be NULL; it is left untouched on success.
 */
recap_status rc_json_parse(rc_arena *arena, const char *text, size_t len,
                           size_t max_depth, rc_json **out, rc_json_error *err);

/** Flags for rc_json_parse_with(). */
enum {
  /** A number too large for a double is +-infinity instead of an error:
      for input whose numbers are mostly copied as written (a JSON Lines
      record's "id"), not computed with. */
  RC_JSON_HUGE_NUMBERS = 1
};

/** rc_json_parse() with RC_JSON_* flags (0: the same). */
recap_status rc_json_parse_with(rc_arena *arena, const char *text, size_t len,
                                size_t max_depth, unsigned flags, rc_json **out,
                                rc_json_error *err);

/** The value of the first member of `obj` whose key is `key` (compared as
    bytes, so a key holding NUL never matches), or NULL if there is none or
    obj is NULL or not an object.  Linear in the number of members. */
const rc_json *rc_json_get(const rc_json *obj, const char *key);

/** If member `key` of obj is a number, stores it in *out and returns 1;
    otherwise returns 0 and leaves *out alone. */
int rc_json_get_number(const rc_json *obj, const char *key, double *out);

/** If member `key` of obj is a string, returns its bytes (borrowed from the
    arena) and stores their count in *len (len may be NULL); else NULL. */
const char *rc_json_get_string(const rc_json *obj, const char *key,
                               size_t *len);

#endif
