/*
 * json.c - a strict RFC 8259 JSON parser for transcripts and JSON Lines.
 *
 * Design, and why:
 *
 * - Strict.  Input comes from files of unknown origin; accepting comments,
 *   trailing commas or NaN would make recap silently disagree with every
 *   other tool about what a file says.  The only leniency is for a defect
 *   Whisper really produces: a lone surrogate escape becomes U+FFFD.
 *
 * - Iterative, with an explicit depth limit.  Hostile input like a million
 *   '[' must be an error, not a stack overflow, so the parser never
 *   recurses; it keeps one frame per open array or object:
 *
 *     frames:  [{base, offset, is_object}] ...    one per open container
 *     items:   [rc_json] ...          elements of every open array
 *     members: [rc_json_member] ...   members of every open object
 *
 *   A container's children pile up at the end of `items` or `members`
 *   (from frame.base on) and are copied into the arena once, when it
 *   closes.  Every byte is looked at a bounded number of times and every
 *   value copied once per level that holds it, so time is linear in the
 *   input.  The three stacks come from arena->alloc and are freed on every
 *   path; everything that outlives the call is in the arena.
 *
 * - Locale-independent numbers.  strtod reads "1.5" as 1 in a locale with a
 *   decimal comma, which a library must not depend on.  Numbers are parsed
 *   by hand: up to 19 significant digits in a uint64, the rest counted in
 *   the decimal exponent, then a scaling by exact powers of ten, in one
 *   step for ordinary timestamps like 12345.678 (Clinger's fast path) and
 *   in double-double arithmetic otherwise, so results are correctly
 *   rounded in practice.  Values too large for a double are an error
 *   rather than infinity, which no JSON writer can print back, unless
 *   the caller only passes them through (RC_JSON_HUGE_NUMBERS).
 *
 * - Strings are scanned once to find their end, which bounds the decoded
 *   size (no escape decodes longer than itself), then copied or decoded
 *   straight into the arena: no per-token allocation besides the result.
 */
#include "json.h"

#include <math.h>
#include <stdbool.h>
#include <stdint.h>
#include <string.h>

typedef struct json_frame {
  size_t base;   /* first child of this container in items or members */
  size_t offset; /* its '[' or '{' */
  bool is_object;
} json_frame;

typedef struct json_parser {
  rc_arena *arena;
  const recap_allocator *alloc;
  const unsigned char *text;
  size_t len;
  size_t pos;
  size_t max_depth;
  unsigned flags; /* RC_JSON_* */
  RC_VEC(json_frame) frames;
  RC_VEC(rc_json) items;
  RC_VEC(rc_json_member) members;
  size_t err_offset;
  const char *err_message;
} json_parser;

static recap_status fail(json_parser *p, size_t offset, const char *message) {
  p->err_offset = offset;
  p->err_message = message;
  return RECAP_ERR_BAD_FORMAT;
}

static recap_status fail_nomem(json_parser *p) {
  p->err_offset = p->pos;
  p->err_message = "out of memory";
  return RECAP_ERR_NOMEM;
}

/* Only the four RFC 8259 whitespace bytes: \f and \v are not whitespace. */
static void skip_whitespace(json_parser *p) {
  while (p->pos < p->len) {
    unsigned char c = p->text[p->pos];
    if (c != ' ' && c != '\n' && c != '\r' && c != '\t')
      break;
    p->pos++;
  }
}

/* The next byte, or -1 at the end, so callers need no separate check. */
static int peek(const json_parser *p) {
  return p->pos < p->len ? p->text[p->pos] : -1;
}

/* ---- strings ----------------------------------------------------------- */

static int hex_value(unsigned char c) {
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  return -1;
}

/* The code unit of the \uXXXX escape at s[0..6), or -1 if it is not one. */
static long read_u_escape(const unsigned char *s, const unsigned char *end) {
  if (end - s < 6 || s[0] != '\\' || s[1] != 'u')
    return -1;
  long v = 0;
  for (int i = 2; i < 6; i++) {
    int h = hex_value(s[i]);
    if (h < 0)
      return -1;
    v = v * 16 + h;
  }
  return v;
}

static size_t put_utf8(unsigned char *out, unsigned long cp) {
  if (cp < 0x80) {
    out[0] = (unsigned char)cp;
    return 1;
  }
  if (cp < 0x800) {
    out[0] = (unsigned char)(0xC0 | (cp >> 6));
    out[1] = (unsigned char)(0x80 | (cp & 0x3F));
    return 2;
  }
  if (cp < 0x10000) {
    out[0] = (unsigned char)(0xE0 | (cp >> 12));
    out[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
    out[2] = (unsigned char)(0x80 | (cp & 0x3F));
    return 3;
  }
  out[0] = (unsigned char)(0xF0 | (cp >> 18));
  out[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
  out[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
  out[3] = (unsigned char)(0x80 | (cp & 0x3F));
  return 4;
}

/*
 * Decodes the \u escape (or surrogate pair) at *s and advances *s past it.
 * Whisper sometimes splits a pair across segments, so an unpaired surrogate
 * becomes U+FFFD instead of failing the whole transcript; the escape after
 * an unpaired high surrogate is then decoded on its own.
 */
static bool decode_u_escape(const unsigned char **s, const unsigned char *end,
                            unsigned long *cp) {
  long unit = read_u_escape(*s, end);
  if (unit < 0)
    return false;
  *s += 6;
  if (unit >= 0xDC00 && unit <= 0xDFFF) {
    *cp = 0xFFFD;
  } else if (unit >= 0xD800 && unit <= 0xDBFF) {
    long low = read_u_escape(*s, end);
    if (low >= 0xDC00 && low <= 0xDFFF) {
      *cp = 0x10000 + (((unsigned long)unit - 0xD800) << 10) +
            ((unsigned long)low - 0xDC00);
      *s += 6;
    } else {
      *cp = 0xFFFD;
    }
  } else {
    *cp = (unsigned long)unit;
  }
  return true;
}

static int simple_escape(unsigned char c) {
  switch (c) {
  case '"':
    return '"';
  case '\\':
    return '\\';
  case '/':
    return '/';
  case 'b':
    return '\b';
  case 'f':
    return '\f';
  case 'n':
    return '\n';
  case 'r':
    return '\r';
  case 't':
    return '\t';
  default:
    return -1;
  }
}

/* Decodes the escaped string body text[start..stop) into out, which has
   room for stop - start bytes; returns the decoded length via *len. */
static recap_status decode_escapes(json_parser *p, size_t start, size_t stop,
                                   unsigned char *out, size_t *len) {
  const unsigned char *s = p->text + start;
  const unsigned char *end = p->text + stop;
  size_t n = 0;
  while (s < end) {
    if (*s != '\\') {
      out[n++] = *s++;
      continue;
    }
    /* The scan that found `stop` skipped the byte after every backslash,
       so s[1] is inside the body. */
    int c = simple_escape(s[1]);
    if (c >= 0) {
      out[n++] = (unsigned char)c;
      s += 2;
      continue;
    }
    size_t at = (size_t)(s - p->text);
    if (s[1] != 'u')
      return fail(p, at, "invalid escape");
    unsigned long cp;
    if (!decode_u_escape(&s, end, &cp))
      return fail(p, at, "invalid \\u escape");
    n += put_utf8(out + n, cp);
  }
  *len = n;
  return RECAP_OK;
}

/*
 * Finds the closing quote of the string whose opening quote is at p->pos:
 * *stop gets its offset, *escaped whether a backslash occurred.  Bare
 * control characters are rejected here so decoding need not check.
 */
static recap_status scan_string(json_parser *p, size_t *stop, bool *escaped) {
  size_t i = p->pos + 1;
  *escaped = false;
  for (;;) {
    if (i >= p->len)
      return fail(p, p->pos, "unterminated string");
    unsigned char c = p->text[i];
    if (c == '"')
      break;
    if (c == '\\') {
      *escaped = true;
      i += 2;
      continue;
    }
    if (c < 0x20)
      return fail(p, i, "unescaped control character in string");
    i++;
  }
  *stop = i;
  return RECAP_OK;
}

/* Reads the string at p->pos (its opening quote) into the arena. */
static recap_status parse_string(json_parser *p, const char **str,
                                 size_t *len) {
  size_t stop;
  bool escaped;
  RC_TRY(scan_string(p, &stop, &escaped));
  size_t start = p->pos + 1;
  size_t raw = stop - start;
  unsigned char *out = rc_arena_alloc(p->arena, raw + 1);
  if (!out)
    return fail_nomem(p);
  if (escaped) {
    RC_TRY(decode_escapes(p, start, stop, out, len));
  } else {
    memcpy(out, p->text + start, raw);
    *len = raw;
  }
  out[*len] = '\0';
  *str = (const char *)out;
  p->pos = stop + 1;
  return RECAP_OK;
}

/* ---- numbers ----------------------------------------------------------- */

/* Every power of ten up to 1e22 is exact in a double. */
static const double exact_powers[] = {
    1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,  1e8,  1e9,  1e10, 1e11,
    1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
#define MAX_EXACT_POWER 22

#define MAX_SIGNIFICANT_DIGITS 19 /* 10^19 - 1 < 2^64 */
/* Past this an exponent's digits cannot change the outcome (overflow or
   zero), and capping it keeps the arithmetic below from overflowing. */
#define EXPONENT_CAP 100000000
/* Decimal magnitudes (exponent of the leading digit) outside this range
   certainly overflow or underflow; inside it the scaling below decides. */
#define MAX_MAGNITUDE 309
#define MIN_MAGNITUDE (-330)

/*
 * A double-double: the unevaluated sum hi + lo, about 106 bits.  A long
 * scaling rounds once per step by 1e22; carrying the rounding error in lo
 * keeps those errors far below the final rounding to a double, which makes
 * the result correctly rounded in all but contrived cases (more than 19
 * digits, a hair from a halfway point) and keeps "%.17g" output of any
 * double, DBL_MAX included, round-tripping.  fma() gives each step's exact
 * error; it is correctly rounded by definition, so the result is the same
 * on every platform that evaluates doubles as doubles (FLT_EVAL_METHOD 0:
 * SSE2, ARM, ...; with x87 excess precision it may be a unit off).
 */
typedef struct wide {
  double hi, lo;
} wide;

static wide wide_from_u64(uint64_t m) {
  /* m < 10^19 < 2^64, so hi converts back exactly and m - hi is small. */
  double hi = (double)m;
  uint64_t h = (uint64_t)hi;
  double lo = m >= h ? (double)(m - h) : -(double)(h - m);
  return (wide){hi, lo};
}

/* hi + lo with |hi| >= |lo|, renormalised (Dekker's fast two-sum). */
static wide wide_sum(double hi, double lo) {
  double s = hi + lo;
  return (wide){s, lo - (s - hi)};
}

static wide wide_mul(wide x, double c) {
  double p = x.hi * c;
  return wide_sum(p, x.lo * c + fma(x.hi, c, -p));
}

static wide wide_div(wide x, double c) {
  double q = x.hi / c;
  double remainder = fma(-q, c, x.hi); /* exact */
  return wide_sum(q, (remainder + x.lo) / c);
}

/*
 * mantissa * 10^exp10.  Dividing by exact powers is more accurate than
 * multiplying by inexact negative ones.  With mantissa <= 2^53 and
 * |exp10| <= 22 a single operation is correctly rounded (Clinger's fast
 * path), which covers every ordinary timestamp.
 *
 * Otherwise the double-double works on the value times 2^-BIAS (large
 * results) or 2^+BIAS (small ones): exact power-of-two factors that keep
 * hi from overflowing before lo is added and lo from sinking into the
 * subnormals, where it would lose its bits.  Removing the bias at the end
 * is exact for every normal result, overflows to infinity exactly when the
 * result does, and may be one unit off for subnormal results.
 */
#define BIAS_UP 0x1p128
#define BIAS_DOWN 0x1p-128

static double scale_decimal(uint64_t mantissa, int64_t exp10) {
  if (mantissa <= (uint64_t)1 << 53 && exp10 >= -MAX_EXACT_POWER &&
      exp10 <= MAX_EXACT_POWER)
    return exp10 >= 0 ? (double)mantissa * exact_powers[exp10]
                      : (double)mantissa / exact_powers[-exp10];
  wide v = wide_from_u64(mantissa);
  if (exp10 >= 0) {
    v = (wide){v.hi * BIAS_DOWN, v.lo * BIAS_DOWN};
    while (exp10 > MAX_EXACT_POWER) {
      v = wide_mul(v, exact_powers[MAX_EXACT_POWER]);
      exp10 -= MAX_EXACT_POWER;
    }
    return wide_mul(v, exact_powers[exp10]).hi * BIAS_UP;
  }
  v = (wide){v.hi * BIAS_UP, v.lo * BIAS_UP};
  while (exp10 < -MAX_EXACT_POWER) {
    v = wide_div(v, exact_powers[MAX_EXACT_POWER]);
    exp10 += MAX_EXACT_POWER;
  }
  return wide_div(v, exact_powers[-exp10]).hi * BIAS_DOWN;
}

/* *out = mantissa * 10^exp10 (mantissa != 0, with `digits` digits); false
   if that overflows a double. */
static bool decimal_to_double(uint64_t mantissa, int digits, int64_t exp10,
                              double *out) {
  int64_t magnitude = exp10 + digits - 1;
  if (magnitude > MAX_MAGNITUDE)
    return false;
  *out = magnitude < MIN_MAGNITUDE ? 0.0 : scale_decimal(mantissa, exp10);
  return !isinf(*out);
}

static bool is_digit(int c) { return c >= '0' && c <= '9'; }

/* Accumulates the digits at p->pos into *mantissa; *digits counts the
   significant digits kept, *exp10 is adjusted for those dropped (integer
   part) or consumed (fraction). */
static void read_digits(json_parser *p, bool fraction, uint64_t *mantissa,
                        int *digits, int64_t *exp10) {
  while (is_digit(peek(p))) {
    unsigned d = (unsigned)(p->text[p->pos++] - '0');
    if (*digits < MAX_SIGNIFICANT_DIGITS) {
      if (*mantissa != 0 || d != 0) {
        *mantissa = *mantissa * 10 + d;
        (*digits)++;
      }
      if (fraction)
        (*exp10)--;
    } else if (!fraction) {
      (*exp10)++;
    }
  }
}

/* Reads "e[+-]digits" if present into *exp10. */
static recap_status read_exponent(json_parser *p, int64_t *exp10) {
  int c = peek(p);
  if (c != 'e' && c != 'E')
    return RECAP_OK;
  p->pos++;
  bool negative = false;
  c = peek(p);
  if (c == '+' || c == '-') {
    negative = c == '-';
    p->pos++;
  }
  if (!is_digit(peek(p)))
    return fail(p, p->pos, "invalid number");
  int64_t e = 0;
  while (is_digit(peek(p))) {
    if (e < EXPONENT_CAP)
      e = e * 10 + (p->text[p->pos] - '0');
    p->pos++;
  }
  *exp10 += negative ? -e : e;
  return RECAP_OK;
}

static recap_status parse_number(json_parser *p, rc_json *v) {
  size_t start = p->pos;
  bool negative = peek(p) == '-';
  if (negative)
    p->pos++;
  uint64_t mantissa = 0;
  int digits = 0;
  int64_t exp10 = 0;
  if (peek(p) == '0') {
    p->pos++;
    if (is_digit(peek(p)))
      return fail(p, p->pos - 1, "leading zero in number");
  } else if (is_digit(peek(p))) {
    read_digits(p, false, &mantissa, &digits, &exp10);
  } else {
    return fail(p, p->pos, "invalid number");
  }
  if (peek(p) == '.') {
    p->pos++;
    if (!is_digit(peek(p)))
      return fail(p, p->pos, "invalid number");
    read_digits(p, true, &mantissa, &digits, &exp10);
  }
  RC_TRY(read_exponent(p, &exp10));

  double value = 0.0;
  if (mantissa != 0 && !decimal_to_double(mantissa, digits, exp10, &value)) {
    if (!(p->flags & RC_JSON_HUGE_NUMBERS))
      return fail(p, start, "number out of range");
    value = HUGE_VAL;
  }
  v->type = RC_JSON_NUMBER;
  v->u.number = negative ? -value : value;
  return RECAP_OK;
}

/* ---- scalars ----------------------------------------------------------- */

static recap_status parse_literal(json_parser *p, rc_json *v) {
  static const struct {
    const char *word;
    size_t len;
    rc_json_type type;
  } literals[] = {{"null", 4, RC_JSON_NULL},
                  {"false", 5, RC_JSON_FALSE},
                  {"true", 4, RC_JSON_TRUE}};
  for (size_t i = 0; i < sizeof literals / sizeof *literals; i++) {
    if (p->len - p->pos >= literals[i].len &&
        memcmp(p->text + p->pos, literals[i].word, literals[i].len) == 0) {
      v->type = literals[i].type;
      p->pos += literals[i].len;
      return RECAP_OK;
    }
  }
  return fail(p, p->pos, "invalid literal");
}

/* ---- containers -------------------------------------------------------- */

static recap_status open_container(json_parser *p, bool is_object) {
  if (p->frames.len >= p->max_depth)
    return fail(p, p->pos, "nesting too deep");
  json_frame f = {is_object ? p->members.len : p->items.len, p->pos, is_object};
  recap_status st;
  RC_PUSH(st, p->alloc, p->frames, f);
  if (st != RECAP_OK)
    return fail_nomem(p);
  p->pos++;
  return RECAP_OK;
}

/*
 * A copy of elements [first, first + count) of the array `base` (of `size`
 * bytes each) in the arena; NULL for none.  The offset is applied only when
 * there are elements: a stack that never grew has base NULL, and NULL + 0
 * is undefined behaviour in C.
 */
static recap_status copy_to_arena(json_parser *p, const void *base,
                                  size_t first, size_t count, size_t size,
                                  void **out) {
  *out = NULL;
  if (count == 0)
    return RECAP_OK;
  size_t bytes;
  if (!rc_mul(count, size, &bytes))
    return fail_nomem(p);
  *out = rc_arena_alloc(p->arena, bytes);
  if (!*out)
    return fail_nomem(p);
  memcpy(*out, (const char *)base + first * size, bytes);
  return RECAP_OK;
}

/* Closes the innermost container at its closing bracket (p->pos): moves its
   children into the arena and makes it the completed value *v. */
static recap_status close_container(json_parser *p, rc_json *v) {
  json_frame f = p->frames.data[--p->frames.len];
  v->offset = f.offset;
  void *children;
  if (f.is_object) {
    size_t count = p->members.len - f.base;
    RC_TRY(copy_to_arena(p, p->members.data, f.base, count,
                         sizeof(rc_json_member), &children));
    p->members.len = f.base;
    v->type = RC_JSON_OBJECT;
    v->u.object.members = children;
    v->u.object.count = count;
  } else {
    size_t count = p->items.len - f.base;
    RC_TRY(copy_to_arena(p, p->items.data, f.base, count, sizeof(rc_json),
                         &children));
    p->items.len = f.base;
    v->type = RC_JSON_ARRAY;
    v->u.array.items = children;
    v->u.array.count = count;
  }
  p->pos++;
  v->end = p->pos;
  return RECAP_OK;
}

/* Reads `"key" :` and starts a member whose value is filled in later. */
static recap_status begin_member(json_parser *p) {
  if (peek(p) != '"')
    return fail(p, p->pos,
                peek(p) < 0 ? "unexpected end of input"
                            : "expected a string key");
  rc_json_member m;
  memset(&m, 0, sizeof m);
  RC_TRY(parse_string(p, &m.key, &m.key_len));
  skip_whitespace(p);
  if (peek(p) != ':')
    return fail(p, p->pos,
                peek(p) < 0 ? "unexpected end of input" : "expected ':'");
  p->pos++;
  recap_status st;
  RC_PUSH(st, p->alloc, p->members, m);
  if (st != RECAP_OK)
    return fail_nomem(p);
  return RECAP_OK;
}

/*
 * Starts the value at p->pos.  A scalar, or a container that closes at once
 * ([] or {}), is completed in *v (*complete = true).  Otherwise a container
 * is opened, an object's first key read, and its first value comes next.
 */
static recap_status begin_value(json_parser *p, rc_json *v, bool *complete) {
  skip_whitespace(p);
  memset(v, 0, sizeof *v);
  v->offset = p->pos;
  *complete = true;
  recap_status st;
  switch (peek(p)) {
  case -1:
    return fail(p, p->pos, "unexpected end of input");
  case '{':
  case '[': {
    bool is_object = peek(p) == '{';
    RC_TRY(open_container(p, is_object));
    skip_whitespace(p);
    if (peek(p) == (is_object ? '}' : ']'))
      return close_container(p, v);
    *complete = false;
    return is_object ? begin_member(p) : RECAP_OK;
  }
  case '"':
    v->type = RC_JSON_STRING;
    st = parse_string(p, &v->u.string.s, &v->u.string.len);
    break;
  case 't':
  case 'f':
  case 'n':
    st = parse_literal(p, v);
    break;
  default:
    if (peek(p) != '-' && !is_digit(peek(p)))
      return fail(p, p->pos, "expected a value");
    st = parse_number(p, v);
    break;
  }
  v->end = p->pos;
  return st;
}

/* Hands a completed value to the innermost open container. */
static recap_status add_child(json_parser *p, const rc_json *v) {
  if (p->frames.data[p->frames.len - 1].is_object) {
    /* Its pending member is the last one: nested objects have closed. */
    p->members.data[p->members.len - 1].value = *v;
    return RECAP_OK;
  }
  recap_status st;
  RC_PUSH(st, p->alloc, p->items, *v);
  if (st != RECAP_OK)
    return fail_nomem(p);
  return RECAP_OK;
}

/*
 * After a child of the innermost container: either a ',' (then the next
 * member's key for an object; *complete = false, a value comes next) or the
 * closing bracket (the container becomes the completed *v).
 */
static recap_status continue_container(json_parser *p, rc_json *v,
                                       bool *complete) {
  bool is_object = p->frames.data[p->frames.len - 1].is_object;
  char closer = is_object ? '}' : ']';
  skip_whitespace(p);
  int c = peek(p);
  if (c == closer) {
    *complete = true;
    return close_container(p, v);
  }
  if (c != ',') {
    if (c < 0)
      return fail(p, p->pos, "unexpected end of input");
    return fail(p, p->pos,
                is_object ? "expected ',' or '}'" : "expected ',' or ']'");
  }
  size_t comma = p->pos++;
  skip_whitespace(p);
  if (peek(p) == closer)
    return fail(p, comma, "trailing comma");
  *complete = false;
  return is_object ? begin_member(p) : RECAP_OK;
}

static recap_status parse_text(json_parser *p, rc_json *root) {
  rc_json v;
  for (;;) {
    bool complete;
    RC_TRY(begin_value(p, &v, &complete));
    while (complete) {
      if (p->frames.len == 0) {
        *root = v;
        skip_whitespace(p);
        if (p->pos < p->len)
          return fail(p, p->pos, "trailing characters");
        return RECAP_OK;
      }
      RC_TRY(add_child(p, &v));
      RC_TRY(continue_container(p, &v, &complete));
    }
  }
}

/* ---- entry points ------------------------------------------------------ */

static void fill_error(rc_json_error *err, const json_parser *p) {
  if (!err)
    return;
  size_t line = 1, line_start = 0;
  for (size_t i = 0; i < p->err_offset; i++) {
    if (p->text[i] == '\n') {
      line++;
      line_start = i + 1;
    }
  }
  err->offset = p->err_offset;
  err->line = line;
  err->column = p->err_offset - line_start + 1;
  err->message = p->err_message;
}

recap_status rc_json_parse(rc_arena *arena, const char *text, size_t len,
                           size_t max_depth, rc_json **out,
                           rc_json_error *err) {
  return rc_json_parse_with(arena, text, len, max_depth, 0, out, err);
}

recap_status rc_json_parse_with(rc_arena *arena, const char *text, size_t len,
                                size_t max_depth, unsigned flags, rc_json **out,
                                rc_json_error *err) {
  if (!arena || !out || (!text && len > 0))
    return RECAP_ERR_INVALID_ARGUMENT;
  json_parser p;
  memset(&p, 0, sizeof p);
  p.arena = arena;
  p.alloc = arena->alloc;
  p.text = (const unsigned char *)text;
  p.len = len;
  p.max_depth = max_depth;
  p.flags = flags;

  rc_json root;
  recap_status st = parse_text(&p, &root);
  if (st == RECAP_OK) {
    rc_json *copy = rc_arena_alloc(arena, sizeof *copy);
    if (copy) {
      *copy = root;
      *out = copy;
    } else {
      st = fail_nomem(&p);
    }
  }
  RC_VEC_FREE(p.alloc, p.frames);
  RC_VEC_FREE(p.alloc, p.items);
  RC_VEC_FREE(p.alloc, p.members);
  if (st != RECAP_OK)
    fill_error(err, &p);
  return st;
}

const rc_json *rc_json_get(const rc_json *obj, const char *key) {
  if (!obj || obj->type != RC_JSON_OBJECT || !key)
    return NULL;
  size_t key_len = strlen(key);
  for (size_t i = 0; i < obj->u.object.count; i++) {
    const rc_json_member *m = &obj->u.object.members[i];
    if (m->key_len == key_len && memcmp(m->key, key, key_len) == 0)
      return &m->value;
  }
  return NULL;
}

int rc_json_get_number(const rc_json *obj, const char *key, double *out) {
  const rc_json *v = rc_json_get(obj, key);
  if (!v || v->type != RC_JSON_NUMBER)
    return 0;
  *out = v->u.number;
  return 1;
}

const char *rc_json_get_string(const rc_json *obj, const char *key,
                               size_t *len) {
  const rc_json *v = rc_json_get(obj, key);
  if (!v || v->type != RC_JSON_STRING)
    return NULL;
  if (len)
    *len = v->u.string.len;
  return v->u.string.s;
}
