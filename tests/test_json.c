/*
 * test_json.c - unit tests for the JSON parser (src/json.c).
 *
 * Expectations are written by hand: offsets and line/column positions were
 * counted in the literal inputs, decoded bytes taken from the Unicode
 * tables.  strtod appears only as a reference in the accuracy test (the
 * test never changes the "C" locale).
 */
#include <float.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "test_util.h"

#include "json.h"

/* ---- helpers ----------------------------------------------------------- */

typedef struct parsed {
  rc_arena arena;
  rc_json *root;
  rc_json_error err;
  recap_status status;
} parsed;

static void parse_n(parsed *p, const char *text, size_t len, size_t depth) {
  rc_arena_init(&p->arena, rc_default_allocator());
  p->root = NULL;
  memset(&p->err, 0, sizeof p->err);
  p->status = rc_json_parse(&p->arena, text, len, depth, &p->root, &p->err);
}

static void parse(parsed *p, const char *text) {
  parse_n(p, text, strlen(text), 512);
}

static void done(parsed *p) { rc_arena_free(&p->arena); }

/* Parses text, which must succeed, and returns its single number. */
static double number_of(const char *text) {
  parsed p;
  parse(&p, text);
  if (p.status != RECAP_OK)
    fail_msg("'%s' failed: %s", text, p.err.message);
  assert_int_equal(p.root->type, RC_JSON_NUMBER);
  double v = p.root->u.number;
  done(&p);
  return v;
}

static void assert_relative(double got, double want, double tolerance) {
  double err = fabs(got - want) / fabs(want);
  if (!(err < tolerance))
    fail_msg("got %.17g, want %.17g (relative error %g)", got, want, err);
}

static void assert_string_value(const rc_json *v, const char *bytes,
                                size_t len) {
  assert_int_equal(v->type, RC_JSON_STRING);
  assert_int_equal(v->u.string.len, len);
  assert_memory_equal(v->u.string.s, bytes, len);
  assert_int_equal(v->u.string.s[len], '\0');
}

/* Parses text and checks it fails at line:column with message. */
static void assert_rejected_depth(const char *text, size_t len, size_t depth,
                                  size_t line, size_t column,
                                  const char *message) {
  parsed p;
  parse_n(&p, text, len, depth);
  if (p.status != RECAP_ERR_BAD_FORMAT)
    fail_msg("'%s' gave status %d, want BAD_FORMAT", text, (int)p.status);
  if (p.err.line != line || p.err.column != column ||
      strcmp(p.err.message, message) != 0)
    fail_msg("'%s': got %zu:%zu '%s', want %zu:%zu '%s'", text, p.err.line,
             p.err.column, p.err.message, line, column, message);
  assert_null(p.root);
  done(&p);
}

static void assert_rejected(const char *text, size_t line, size_t column,
                            const char *message) {
  assert_rejected_depth(text, strlen(text), 512, line, column, message);
}

/* ---- value types ------------------------------------------------------- */

static void test_literals(void **state) {
  (void)state;
  static const struct {
    const char *text;
    rc_json_type type;
  } cases[] = {{"null", RC_JSON_NULL},
               {"false", RC_JSON_FALSE},
               {"true", RC_JSON_TRUE},
               {" \t\r\n true \n", RC_JSON_TRUE}};
  for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
    parsed p;
    parse(&p, cases[i].text);
    assert_int_equal(p.status, RECAP_OK);
    assert_int_equal(p.root->type, cases[i].type);
    done(&p);
  }
}

static void test_scalar_offsets(void **state) {
  (void)state;
  parsed p;
  parse(&p, "  \"hi\"\n");
  assert_int_equal(p.status, RECAP_OK);
  assert_string_value(p.root, "hi", 2);
  assert_int_equal(p.root->offset, 2);
  assert_int_equal(p.root->end, 6);
  done(&p);

  parse(&p, "\t-12.5e1 ");
  assert_int_equal(p.status, RECAP_OK);
  assert_true(p.root->u.number == -125.0);
  assert_int_equal(p.root->offset, 1);
  assert_int_equal(p.root->end, 8);
  done(&p);

  parse(&p, "\n\nnull");
  assert_int_equal(p.root->offset, 2);
  assert_int_equal(p.root->end, 6);
  done(&p);
}

static void test_empty_containers(void **state) {
  (void)state;
  parsed p;
  parse(&p, "[ ]");
  assert_int_equal(p.status, RECAP_OK);
  assert_int_equal(p.root->type, RC_JSON_ARRAY);
  assert_int_equal(p.root->u.array.count, 0);
  assert_null(p.root->u.array.items);
  assert_int_equal(p.root->end, 3);
  done(&p);

  parse(&p, "{\n}");
  assert_int_equal(p.status, RECAP_OK);
  assert_int_equal(p.root->type, RC_JSON_OBJECT);
  assert_int_equal(p.root->u.object.count, 0);
  assert_null(p.root->u.object.members);
  done(&p);

  parse(&p, "[[],{}]");
  assert_int_equal(p.status, RECAP_OK);
  assert_int_equal(p.root->u.array.count, 2);
  assert_int_equal(p.root->u.array.items[0].type, RC_JSON_ARRAY);
  assert_int_equal(p.root->u.array.items[0].offset, 1);
  assert_int_equal(p.root->u.array.items[0].end, 3);
  assert_int_equal(p.root->u.array.items[1].type, RC_JSON_OBJECT);
  assert_int_equal(p.root->u.array.items[1].offset, 4);
  assert_int_equal(p.root->u.array.items[1].end, 6);
  done(&p);
}

static void test_nested(void **state) {
  (void)state;
  const char *text = "{\"a\": [1, {\"b\": null}], \"c\": {}, \"d\": \"x\"}";
  parsed p;
  parse(&p, text);
  assert_int_equal(p.status, RECAP_OK);
  const rc_json *root = p.root;
  assert_int_equal(root->type, RC_JSON_OBJECT);
  assert_int_equal(root->offset, 0);
  assert_int_equal(root->end, strlen(text));
  assert_int_equal(root->u.object.count, 3);

  const rc_json_member *m = root->u.object.members;
  assert_string_equal(m[0].key, "a");
  assert_int_equal(m[0].key_len, 1);
  assert_string_equal(m[1].key, "c");
  assert_string_equal(m[2].key, "d");

  const rc_json *a = &m[0].value;
  assert_int_equal(a->type, RC_JSON_ARRAY);
  assert_int_equal(a->offset, 6);
  assert_int_equal(a->end, 22);
  assert_int_equal(a->u.array.count, 2);
  assert_int_equal(a->u.array.items[0].type, RC_JSON_NUMBER);
  assert_int_equal(a->u.array.items[0].offset, 7);
  assert_int_equal(a->u.array.items[0].end, 8);
  const rc_json *inner = &a->u.array.items[1];
  assert_int_equal(inner->type, RC_JSON_OBJECT);
  assert_int_equal(inner->offset, 10);
  assert_int_equal(inner->end, 21);
  assert_int_equal(inner->u.object.count, 1);
  assert_string_equal(inner->u.object.members[0].key, "b");
  assert_int_equal(inner->u.object.members[0].value.type, RC_JSON_NULL);
  assert_int_equal(inner->u.object.members[0].value.offset, 16);
  assert_int_equal(inner->u.object.members[0].value.end, 20);

  assert_int_equal(m[1].value.type, RC_JSON_OBJECT);
  assert_int_equal(m[1].value.offset, 29);
  assert_int_equal(m[1].value.end, 31);
  assert_string_value(&m[2].value, "x", 1);
  assert_int_equal(m[2].value.offset, 38);
  assert_int_equal(m[2].value.end, 41);
  done(&p);
}

static void test_whisper_transcript(void **state) {
  (void)state;
  const char *text =
      "{\"text\": \" Hello. How are you?\",\n"
      " \"segments\": [\n"
      "  {\"id\": 0, \"start\": 0.0, \"end\": 2.5, \"text\": \" Hello.\",\n"
      "   \"speaker\": \"SPEAKER_00\",\n"
      "   \"words\": [{\"word\": \"Hello.\", \"start\": 0.1, \"end\": 0.6,"
      " \"score\": 0.93}]},\n"
      "  {\"id\": 1, \"start\": 2.5, \"end\": 4.75, \"text\": \" How are "
      "you?\",\n"
      "   \"speaker\": \"SPEAKER_01\", \"avg_logprob\": -0.2513,"
      " \"no_speech_prob\": 1.2e-05, \"tokens\": [50364, 2425, 13]}\n"
      " ],\n"
      " \"language\": \"en\"}\n";
  parsed p;
  parse(&p, text);
  assert_int_equal(p.status, RECAP_OK);
  const rc_json *segs = rc_json_get(p.root, "segments");
  assert_non_null(segs);
  assert_int_equal(segs->type, RC_JSON_ARRAY);
  assert_int_equal(segs->u.array.count, 2);

  const rc_json *s0 = &segs->u.array.items[0];
  double start = -1, end = -1;
  assert_true(rc_json_get_number(s0, "start", &start));
  assert_true(rc_json_get_number(s0, "end", &end));
  assert_true(start == 0.0 && end == 2.5);
  size_t len;
  const char *t = rc_json_get_string(s0, "text", &len);
  assert_int_equal(len, 7);
  assert_string_equal(t, " Hello.");
  assert_string_equal(rc_json_get_string(s0, "speaker", NULL), "SPEAKER_00");
  /* The text's offset points at its quote in the input. */
  const rc_json *tv = rc_json_get(s0, "text");
  assert_memory_equal(text + tv->offset, "\" Hello.\"", 9);
  assert_int_equal(tv->end - tv->offset, 9);

  const rc_json *s1 = &segs->u.array.items[1];
  assert_true(rc_json_get_number(s1, "end", &end));
  assert_true(end == 4.75);
  double nsp;
  assert_true(rc_json_get_number(s1, "no_speech_prob", &nsp));
  assert_true(nsp == 1.2e-05);
  const rc_json *tokens = rc_json_get(s1, "tokens");
  assert_int_equal(tokens->u.array.count, 3);
  assert_true(tokens->u.array.items[0].u.number == 50364.0);
  assert_string_equal(rc_json_get_string(p.root, "language", NULL), "en");
  done(&p);
}

static void test_jsonl_records(void **state) {
  (void)state;
  const char *lines[] = {
      "{\"id\":\"a1\",\"text\":\"WEBVTT\\n\\n00:00.000 --> 00:01.000\\nHi\","
      "\"format\":\"vtt\",\"lang\":\"en\"}",
      "{\"id\":\"a2\",\"text\":\"Bonjour \\u00e0 tous\",\"format\":\"text\","
      "\"lang\":\"fr\"}\r"};
  parsed p;
  parse(&p, lines[0]);
  assert_int_equal(p.status, RECAP_OK);
  size_t len;
  const char *t = rc_json_get_string(p.root, "text", &len);
  assert_int_equal(len, 34);
  assert_string_equal(t, "WEBVTT\n\n00:00.000 --> 00:01.000\nHi");
  assert_string_equal(rc_json_get_string(p.root, "format", NULL), "vtt");
  done(&p);

  /* A CR left over from CRLF line splitting is whitespace. */
  parse(&p, lines[1]);
  assert_int_equal(p.status, RECAP_OK);
  assert_string_equal(rc_json_get_string(p.root, "text", NULL),
                      "Bonjour \xC3\xA0 tous");
  assert_string_equal(rc_json_get_string(p.root, "lang", NULL), "fr");
  done(&p);
}

/* ---- strings ----------------------------------------------------------- */

static void test_simple_escapes(void **state) {
  (void)state;
  parsed p;
  parse(&p, "\"\\\" \\\\ \\/ \\b \\f \\n \\r \\t\"");
  assert_int_equal(p.status, RECAP_OK);
  assert_string_value(p.root, "\" \\ / \b \f \n \r \t", 15);
  done(&p);
}

#define FFFD "\xEF\xBF\xBD" /* U+FFFD REPLACEMENT CHARACTER in UTF-8 */

static void test_unicode_escapes(void **state) {
  (void)state;
  static const struct {
    const char *text;
    const char *bytes;
    size_t len;
  } cases[] = {
      {"\"\\u00e9\"", "\xC3\xA9", 2},
      {"\"\\u00E9t\\u00e9\"", "\xC3\xA9t\xC3\xA9", 5},
      {"\"\\u0041\"", "A", 1},
      {"\"\\u07ff\"", "\xDF\xBF", 2},
      {"\"\\u20AC\"", "\xE2\x82\xAC", 3},
      {"\"\\uffff\"", "\xEF\xBF\xBF", 3},
      {"\"\\ud83d\\ude00\"", "\xF0\x9F\x98\x80", 4},
      {"\"\\uD83D\\uDE00!\"", "\xF0\x9F\x98\x80!", 5},
      {"\"\\udbff\\udfff\"", "\xF4\x8F\xBF\xBF", 4},
      /* Lone and unpaired surrogates become U+FFFD. */
      {"\"\\ud83d\"", FFFD, 3},
      {"\"\\ude00\"", FFFD, 3},
      {"\"a\\ud83db\"", "a" FFFD "b", 5},
      {"\"\\ud83d\\n\"", FFFD "\n", 4},
      {"\"\\ud83d\\u0041\"", FFFD "A", 4},
      {"\"\\ude00\\ud83d\"", FFFD FFFD, 6},
      {"\"\\ud83d\\ud83d\\ude00\"", FFFD "\xF0\x9F\x98\x80", 7},
      /* \u0000 is kept: the length counts it. */
      {"\"a\\u0000b\"", "a\0b", 3},
      {"\"\\u0000\"", "\0", 1},
      /* Raw UTF-8, DEL and even invalid bytes pass through unchanged. */
      {"\"caf\xC3\xA9 \xF0\x9F\x98\x80\"", "caf\xC3\xA9 \xF0\x9F\x98\x80", 10},
      {"\"\x7F\"", "\x7F", 1},
      {"\"\xFF\xC0\x80\"", "\xFF\xC0\x80", 3},
      {"\"\"", "", 0},
  };
  for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
    parsed p;
    parse(&p, cases[i].text);
    if (p.status != RECAP_OK)
      fail_msg("case %zu: %s", i, p.err.message);
    assert_string_value(p.root, cases[i].bytes, cases[i].len);
    done(&p);
  }
}

static void test_escaped_keys(void **state) {
  (void)state;
  parsed p;
  parse(&p, "{\"caf\\u00e9\": 1, \"a\\u0000b\": 2, \"\": 3}");
  assert_int_equal(p.status, RECAP_OK);
  const rc_json_member *m = p.root->u.object.members;
  assert_int_equal(m[0].key_len, 5);
  assert_string_equal(m[0].key, "caf\xC3\xA9");
  assert_int_equal(m[1].key_len, 3);
  assert_memory_equal(m[1].key, "a\0b", 4);
  assert_int_equal(m[2].key_len, 0);
  double v;
  assert_true(rc_json_get_number(p.root, "caf\xC3\xA9", &v) && v == 1.0);
  /* A key holding NUL never matches a C string. */
  assert_false(rc_json_get_number(p.root, "a", &v));
  assert_true(rc_json_get_number(p.root, "", &v) && v == 3.0);
  done(&p);
}

static void test_long_string(void **state) {
  (void)state;
  size_t n = (size_t)4 << 20;
  char *text = malloc(n + 3);
  assert_non_null(text);
  text[0] = '"';
  for (size_t i = 0; i < n; i++)
    text[i + 1] = (char)('a' + i % 26);
  text[n + 1] = '"';
  text[n + 2] = '\0';
  parsed p;
  parse_n(&p, text, n + 2, 512);
  assert_int_equal(p.status, RECAP_OK);
  assert_int_equal(p.root->u.string.len, n);
  assert_memory_equal(p.root->u.string.s, text + 1, n);
  done(&p);
  free(text);
}

/* ---- numbers ----------------------------------------------------------- */

static void test_numbers(void **state) {
  (void)state;
  assert_true(number_of("0") == 0.0 && !signbit(number_of("0")));
  assert_true(number_of("-0") == 0.0 && signbit(number_of("-0")));
  assert_true(signbit(number_of("-0.0e5")));
  assert_true(number_of("1.5") == 1.5);
  assert_true(number_of("1e3") == 1000.0);
  assert_true(number_of("1E+3") == 1000.0);
  assert_true(number_of("1E-2") == 0.01);
  assert_true(number_of("-7") == -7.0);
  assert_true(number_of("0.1") == 0.1);
  assert_true(number_of("2.5e-3") == 0.0025);
  assert_true(number_of("-1.5e-3") == -0.0015);
  assert_true(number_of("100e-2") == 1.0);
  assert_true(number_of("0.000001") == 1e-6);
  assert_true(number_of("4.75") == 4.75);
  assert_relative(number_of("12345.678"), 12345.678, 1e-12);
  assert_true(number_of("12345.678") == 12345.678);
  assert_relative(number_of("123456789012345678901234567890"),
                  1.2345678901234568e29, 1e-15);
  assert_relative(number_of("0.123456789012345678901234567890"),
                  0.12345678901234568, 1e-15);
  assert_true(number_of("9007199254740993") == 9007199254740992.0);
  assert_true(number_of("18446744073709551615") == 18446744073709551615.0);
  assert_relative(number_of("6.02214076e23"), 6.02214076e23, 1e-15);
  assert_relative(number_of("1.602176634e-19"), 1.602176634e-19, 1e-15);
  /* Many zeros before or after the significant digits. */
  assert_true(number_of("0.00000000000000000000000000000000000001e38") == 1.0);
  assert_true(number_of("1000000000000000000000000000000e-29") == 10.0);
}

static void test_number_extremes(void **state) {
  (void)state;
  /* DBL_MAX as "%.17g" prints it round-trips instead of overflowing. */
  assert_true(number_of("1.7976931348623157e308") == DBL_MAX);
  assert_true(number_of("-1.7976931348623157e308") == -DBL_MAX);
  assert_true(number_of("1.7976931348623158e308") == DBL_MAX);
  assert_true(number_of("179769313486231570000000000000000000000000000000000"
                        "000000000000000000000000000000000000000000000000000"
                        "000000000000000000000000000000000000000000000000000"
                        "000000000000000000000000000000000000000000000000000"
                        "000000000000000000000000000000000000000000000000000"
                        "000000000000000000000000000000000000000000000000000"
                        "000") == DBL_MAX);
  /* 1e23 lies a hair from halfway between two doubles. */
  assert_true(number_of("1e23") == 9.9999999999999992e22);
  assert_true(number_of("8.98846567431158e307") == 8.98846567431158e307);
  assert_true(number_of("2.2250738585072014e-308") == DBL_MIN);
  /* Subnormals may be a unit off: the biased scaling rounds twice. */
  assert_relative(number_of("2.2250738585072011e-308"), 2.2250738585072009e-308,
                  1e-15);
  assert_true(number_of("5e-324") == 4.9406564584124654e-324);
  /* Underflow gives (signed) zero. */
  assert_true(number_of("1e-400") == 0.0);
  assert_true(signbit(number_of("-1e-400")));
  assert_true(number_of("1e-99999999999999999999999999") == 0.0);
  assert_true(number_of("0e99999999999999999999999999") == 0.0);
  assert_true(number_of("0.0e400") == 0.0);

  assert_rejected("1e400", 1, 1, "number out of range");
  assert_rejected("[0, -1e400]", 1, 5, "number out of range");
  assert_rejected("1.8e308", 1, 1, "number out of range");
  assert_rejected("1.797693134862316e308", 1, 1, "number out of range");
  assert_rejected("1e99999999999999999999999999", 1, 1, "number out of range");
  assert_rejected("123456789012345678901234567890e300", 1, 1,
                  "number out of range");
}

/* Timestamps as Whisper writes them are correctly rounded, so they match
   the double division of the same integers exactly. */
static void test_timestamp_accuracy(void **state) {
  (void)state;
  char buf[64];
  for (unsigned ms = 0; ms < 20000000; ms += 997) {
    snprintf(buf, sizeof buf, "%u.%03u", ms / 1000, ms % 1000);
    double got = number_of(buf);
    if (got != ms / 1000.0)
      fail_msg("%s gave %.17g", buf, got);
    snprintf(buf, sizeof buf, "%u.%02u", ms / 100, ms % 100);
    if (number_of(buf) != ms / 100.0)
      fail_msg("%s is not exact", buf);
  }
}

/* Random decimals over the normal range against the C library's strtod,
   which glibc rounds correctly.  Up to 19 significant digits the parser
   must agree exactly; beyond that it drops digits and may be one unit in
   the last place off. */
static void test_random_number_accuracy(void **state) {
  (void)state;
  uint64_t x = 88172645463325252u;
  for (int i = 0; i < 100000; i++) {
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    char buf[64];
    int digits = 1 + (int)(x % 22);
    int exp10 = (int)((x >> 8) % 600) - 300;
    int n = 0;
    uint64_t y = x >> 16;
    buf[n++] = (char)('1' + y % 9);
    if (digits > 1)
      buf[n++] = '.';
    for (int d = 1; d < digits; d++) {
      y = y * 6364136223846793005u + 1442695040888963407u;
      buf[n++] = (char)('0' + (y >> 60) % 10);
    }
    snprintf(buf + n, sizeof buf - (size_t)n, "e%d", exp10);
    double want = strtod(buf, NULL);
    double got = number_of(buf);
    if (digits <= 19 ? got != want : fabs(got - want) / want > DBL_EPSILON)
      fail_msg("%s gave %.17g, want %.17g", buf, got, want);
  }
}

/* ---- strictness -------------------------------------------------------- */

static void test_rejects(void **state) {
  (void)state;
  static const struct {
    const char *text;
    size_t line, column;
    const char *message;
  } cases[] = {
      {"", 1, 1, "unexpected end of input"},
      {"   ", 1, 4, "unexpected end of input"},
      /* comments */
      {"// c\n1", 1, 1, "expected a value"},
      {"/* c */ 1", 1, 1, "expected a value"},
      {"[1] // c", 1, 5, "trailing characters"},
      {"[1, /* c */ 2]", 1, 5, "expected a value"},
      /* trailing and missing commas */
      {"[1,2,]", 1, 5, "trailing comma"},
      {"[1,]", 1, 3, "trailing comma"},
      {"{\"a\":1,}", 1, 7, "trailing comma"},
      {"{\"a\":1 , }", 1, 8, "trailing comma"},
      {"[,1]", 1, 2, "expected a value"},
      {"[1,,2]", 1, 4, "expected a value"},
      {"{\"a\":1,,}", 1, 8, "expected a string key"},
      {"[1 2]", 1, 4, "expected ',' or ']'"},
      {"[1}", 1, 3, "expected ',' or ']'"},
      {"{\"a\":1 \"b\":2}", 1, 8, "expected ',' or '}'"},
      {"{\"a\":1]", 1, 7, "expected ',' or '}'"},
      /* quotes and keys */
      {"'a'", 1, 1, "expected a value"},
      {"['a']", 1, 2, "expected a value"},
      {"{'a':1}", 1, 2, "expected a string key"},
      {"{a:1}", 1, 2, "expected a string key"},
      {"{1:1}", 1, 2, "expected a string key"},
      {"{\"a\" 1}", 1, 6, "expected ':'"},
      {"{\"a\"}", 1, 5, "expected ':'"},
      {"{\"a\"=1}", 1, 5, "expected ':'"},
      /* literals */
      {"NaN", 1, 1, "expected a value"},
      {"[Infinity]", 1, 2, "expected a value"},
      {"-Infinity", 1, 2, "invalid number"},
      {"nan", 1, 1, "invalid literal"},
      {"tru", 1, 1, "invalid literal"},
      {"[nul]", 1, 2, "invalid literal"},
      {"True", 1, 1, "expected a value"},
      {"nulll", 1, 5, "trailing characters"},
      {"undefined", 1, 1, "expected a value"},
      /* numbers */
      {"01", 1, 1, "leading zero in number"},
      {"[-012]", 1, 3, "leading zero in number"},
      {"00", 1, 1, "leading zero in number"},
      {"+1", 1, 1, "expected a value"},
      {".5", 1, 1, "expected a value"},
      {"1.", 1, 3, "invalid number"},
      {"1.e5", 1, 3, "invalid number"},
      {"1e", 1, 3, "invalid number"},
      {"1e+", 1, 4, "invalid number"},
      {"1.5e", 1, 5, "invalid number"},
      {"-", 1, 2, "invalid number"},
      {"- 1", 1, 2, "invalid number"},
      {"0.-1", 1, 3, "invalid number"},
      {"0x1F", 1, 2, "trailing characters"},
      {"1e5.3", 1, 4, "trailing characters"},
      {"1,5", 1, 2, "trailing characters"},
      /* strings */
      {"\"a\tb\"", 1, 3, "unescaped control character in string"},
      {"\"a\nb\"", 1, 3, "unescaped control character in string"},
      {"[\"\x1F\"]", 1, 3, "unescaped control character in string"},
      {"\"\\x\"", 1, 2, "invalid escape"},
      {"\"ab\\'\"", 1, 4, "invalid escape"},
      {"\"\\U00e9\"", 1, 2, "invalid escape"},
      {"\"\\\t\"", 1, 2, "invalid escape"},
      {"\"\\u12\"", 1, 2, "invalid \\u escape"},
      {"\"\\u00e\"", 1, 2, "invalid \\u escape"},
      {"\"\\uZZZZ\"", 1, 2, "invalid \\u escape"},
      {"\"\\u 123\"", 1, 2, "invalid \\u escape"},
      {"[\"\\ud800\\u\"]", 1, 9, "invalid \\u escape"},
      {"\"abc", 1, 1, "unterminated string"},
      {"\"abc\\\"", 1, 1, "unterminated string"},
      {"\"\\", 1, 1, "unterminated string"},
      {"[\"a\", \"b]", 1, 7, "unterminated string"},
      /* truncated input */
      {"[1,2", 1, 5, "unexpected end of input"},
      {"[", 1, 2, "unexpected end of input"},
      {"{", 1, 2, "unexpected end of input"},
      {"{\"a\":", 1, 6, "unexpected end of input"},
      {"{\"a\":1,", 1, 8, "unexpected end of input"},
      {"{\"a\"", 1, 5, "unexpected end of input"},
      /* trailing characters and other bytes */
      {"1 2", 1, 3, "trailing characters"},
      {"[1]]", 1, 4, "trailing characters"},
      {"{\"a\":1}}", 1, 8, "trailing characters"},
      {"{}\n{}", 2, 1, "trailing characters"},
      {"\xEF\xBB\xBF{}", 1, 1, "expected a value"},
      {"\f1", 1, 1, "expected a value"},
      {"\v[]", 1, 1, "expected a value"},
      {"\x80", 1, 1, "expected a value"},
      {"[\xC2\xA0 1]", 1, 2, "expected a value"},
      /* line and column: lines end at '\n', columns count bytes */
      {"{\n  \"a\": 1,\n  \"b\": [1, 2,]\n}", 3, 13, "trailing comma"},
      {"[1]\r\n\r\n x", 3, 2, "trailing characters"},
      {"[\n\"caf\xC3\xA9\" x]", 2, 9, "expected ',' or ']'"},
      {"\n\n\n", 4, 1, "unexpected end of input"},
  };
  for (size_t i = 0; i < sizeof cases / sizeof *cases; i++)
    assert_rejected(cases[i].text, cases[i].line, cases[i].column,
                    cases[i].message);
}

static void test_reject_nul_bytes(void **state) {
  (void)state;
  /* The length, not a NUL, ends the input. */
  assert_rejected_depth("{\"a\":1}\0", 8, 512, 1, 8, "trailing characters");
  assert_rejected_depth("\"a\0b\"", 5, 512, 1, 3,
                        "unescaped control character in string");
  assert_rejected_depth("\0", 1, 512, 1, 1, "expected a value");
  parsed p;
  parse_n(&p, "[1]x", 3, 512); /* the x is outside len */
  assert_int_equal(p.status, RECAP_OK);
  done(&p);
}

static void test_error_offset(void **state) {
  (void)state;
  parsed p;
  parse(&p, "{\"a\": [1,\n 2 3]}");
  assert_int_equal(p.status, RECAP_ERR_BAD_FORMAT);
  assert_int_equal(p.err.offset, 13);
  assert_int_equal(p.err.line, 2);
  assert_int_equal(p.err.column, 4);
  assert_string_equal(p.err.message, "expected ',' or ']'");
  done(&p);
}

static void test_arguments(void **state) {
  (void)state;
  rc_arena arena;
  rc_arena_init(&arena, rc_default_allocator());
  rc_json *out = NULL;
  rc_json_error err;
  assert_int_equal(rc_json_parse(NULL, "1", 1, 8, &out, &err),
                   RECAP_ERR_INVALID_ARGUMENT);
  assert_int_equal(rc_json_parse(&arena, "1", 1, 8, NULL, &err),
                   RECAP_ERR_INVALID_ARGUMENT);
  assert_int_equal(rc_json_parse(&arena, NULL, 1, 8, &out, &err),
                   RECAP_ERR_INVALID_ARGUMENT);
  /* No text at all is empty input, a format error. */
  assert_int_equal(rc_json_parse(&arena, NULL, 0, 8, &out, &err),
                   RECAP_ERR_BAD_FORMAT);
  assert_string_equal(err.message, "unexpected end of input");
  /* err may be NULL. */
  assert_int_equal(rc_json_parse(&arena, "[1,]", 4, 8, &out, NULL),
                   RECAP_ERR_BAD_FORMAT);
  assert_null(out);
  assert_int_equal(rc_json_parse(&arena, "[1]", 3, 8, &out, NULL), RECAP_OK);
  assert_non_null(out);
  rc_arena_free(&arena);
}

/* ---- depth ------------------------------------------------------------- */

/* n '[' then n ']' (balanced) or nothing (open); caller frees. */
static char *brackets(size_t n, int balanced, size_t *len) {
  *len = balanced ? 2 * n : n;
  char *s = malloc(*len + 1);
  assert_non_null(s);
  memset(s, '[', n);
  if (balanced)
    memset(s + n, ']', n);
  s[*len] = '\0';
  return s;
}

static void test_depth_limit(void **state) {
  (void)state;
  size_t len;
  char *s = brackets(512, 1, &len);
  parsed p;
  parse_n(&p, s, len, 512);
  assert_int_equal(p.status, RECAP_OK);
  done(&p);
  free(s);

  s = brackets(513, 1, &len);
  assert_rejected_depth(s, len, 512, 1, 513, "nesting too deep");
  free(s);

  /* Objects count too: depth 3 here. */
  const char *mixed = "{\"a\":[{\"b\":1}]}";
  parse_n(&p, mixed, strlen(mixed), 3);
  assert_int_equal(p.status, RECAP_OK);
  done(&p);
  assert_rejected_depth(mixed, strlen(mixed), 2, 1, 7, "nesting too deep");

  /* 0 allows only scalars. */
  parse_n(&p, "\"x\"", 3, 0);
  assert_int_equal(p.status, RECAP_OK);
  done(&p);
  assert_rejected_depth("[]", 2, 0, 1, 1, "nesting too deep");
}

static void test_million_deep(void **state) {
  (void)state;
  size_t len;
  char *s = brackets(1000000, 0, &len);
  clock_t start = clock();
  assert_rejected_depth(s, len, 512, 1, 513, "nesting too deep");
  assert_true(seconds_since(start) < 1.0);
  free(s);

  /* The parser does not recurse, so even an unlimited depth is safe. */
  s = brackets(1000000, 1, &len);
  parsed p;
  start = clock();
  parse_n(&p, s, len, SIZE_MAX);
  assert_int_equal(p.status, RECAP_OK);
  size_t depth = 0;
  for (const rc_json *v = p.root; v->u.array.count; v = v->u.array.items)
    depth++;
  assert_int_equal(depth, 999999);
  assert_true(seconds_since(start) < 10.0);
  done(&p);
  free(s);
}

/* ---- large and duplicate objects --------------------------------------- */

static void test_large_object(void **state) {
  (void)state;
  size_t n = 100000;
  size_t cap = n * 24 + 2;
  char *text = malloc(cap);
  assert_non_null(text);
  size_t len = 0;
  text[len++] = '{';
  for (size_t i = 0; i < n; i++)
    len += (size_t)snprintf(text + len, cap - len, "%s\"k%zu\":%zu",
                            i ? "," : "", i, i);
  text[len++] = '}';
  parsed p;
  clock_t start = clock();
  parse_n(&p, text, len, 512);
  assert_true(seconds_since(start) < 5.0);
  assert_int_equal(p.status, RECAP_OK);
  assert_int_equal(p.root->u.object.count, n);
  const rc_json_member *last = &p.root->u.object.members[n - 1];
  assert_string_equal(last->key, "k99999");
  assert_true(last->value.u.number == 99999.0);
  double v;
  assert_true(rc_json_get_number(p.root, "k50000", &v) && v == 50000.0);
  assert_false(rc_json_get_number(p.root, "k100000", &v));
  done(&p);
  free(text);
}

static void test_duplicate_keys(void **state) {
  (void)state;
  parsed p;
  parse(&p, "{\"a\": 1, \"b\": 2, \"a\": 3}");
  assert_int_equal(p.status, RECAP_OK);
  assert_int_equal(p.root->u.object.count, 3);
  assert_string_equal(p.root->u.object.members[2].key, "a");
  assert_true(p.root->u.object.members[2].value.u.number == 3.0);
  double v;
  assert_true(rc_json_get_number(p.root, "a", &v) && v == 1.0);
  done(&p);
}

static void test_getters(void **state) {
  (void)state;
  parsed p;
  parse(&p, "{\"n\": 2.5, \"s\": \"str\", \"z\": null, \"o\": {\"n\": 1}}");
  assert_int_equal(p.status, RECAP_OK);
  const rc_json *root = p.root;

  assert_non_null(rc_json_get(root, "z"));
  assert_int_equal(rc_json_get(root, "z")->type, RC_JSON_NULL);
  assert_null(rc_json_get(root, "missing"));
  assert_null(rc_json_get(root, "N"));
  assert_null(rc_json_get(NULL, "n"));
  assert_null(rc_json_get(root, NULL));

  double v = -1;
  assert_true(rc_json_get_number(root, "n", &v) && v == 2.5);
  v = -1;
  assert_false(rc_json_get_number(root, "s", &v));
  assert_false(rc_json_get_number(root, "z", &v));
  assert_false(rc_json_get_number(root, "missing", &v));
  assert_true(v == -1);
  assert_true(rc_json_get_number(rc_json_get(root, "o"), "n", &v) && v == 1);

  size_t len = 99;
  assert_string_equal(rc_json_get_string(root, "s", &len), "str");
  assert_int_equal(len, 3);
  len = 99;
  assert_null(rc_json_get_string(root, "n", &len));
  assert_int_equal(len, 99);
  assert_null(rc_json_get_string(root, "missing", NULL));

  /* Not an object: nothing to look up. */
  const rc_json *n = rc_json_get(root, "n");
  assert_null(rc_json_get(n, "n"));
  assert_false(rc_json_get_number(n, "n", &v));
  assert_null(rc_json_get_string(n, "n", NULL));
  done(&p);

  parse(&p, "[{\"a\": 1}]");
  assert_null(rc_json_get(p.root, "a"));
  done(&p);
}

/* ---- allocation failures ----------------------------------------------- */

/* Nested arrays and objects, escapes, enough members to grow the temporary
   stacks several times and a string larger than an arena block. */
static char *failure_document(size_t *len) {
  size_t cap = 128 * 1024;
  char *text = malloc(cap);
  assert_non_null(text);
  size_t n = 0;
  n += (size_t)snprintf(text + n, cap - n, "{\"segments\": [");
  for (int i = 0; i < 200; i++)
    n += (size_t)snprintf(
        text + n, cap - n,
        "%s{\"start\": %d.25, \"end\": %d.5, \"text\": \" caf\\u00e9 %d\","
        " \"words\": [[%d, {\"w\": \"\\ud83d\\ude00\"}], []], \"m\": {}}",
        i ? ", " : "", i, i, i, i);
  n += (size_t)snprintf(text + n, cap - n, "], \"big\": \"");
  memset(text + n, 'x', 20000);
  n += 20000;
  n += (size_t)snprintf(text + n, cap - n, "\", \"language\": \"en\"}");
  *len = n;
  return text;
}

static void test_allocation_failures(void **state) {
  (void)state;
  size_t len;
  char *text = failure_document(&len);
  size_t n;
  for (n = 1; n < 10000; n++) {
    counting c;
    recap_allocator a = counting_allocator(&c, n, FAIL_ONLY);
    rc_arena arena;
    rc_arena_init(&arena, &a);
    rc_json *root = NULL;
    rc_json_error err = {0, 0, 0, NULL};
    recap_status st = rc_json_parse(&arena, text, len, 16, &root, &err);
    if (st == RECAP_OK) {
      assert_true(c.calls < n); /* allocation n was never reached */
      assert_int_equal(rc_json_get(root, "segments")->u.array.count, 200);
      assert_int_equal(rc_json_get(root, "big")->u.string.len, 20000);
    } else {
      assert_int_equal(st, RECAP_ERR_NOMEM);
      assert_string_equal(err.message, "out of memory");
      assert_null(root);
    }
    rc_arena_free(&arena);
    assert_int_equal(c.live, 0);
    if (st == RECAP_OK)
      break;
  }
  /* Enough allocations were needed for the test to mean something. */
  assert_true(n > 10);
  assert_true(n < 10000);
  free(text);
}

/* ---- regressions ------------------------------------------------------- */

/* Found by libFuzzer with clang's -fsanitize=undefined (GCC's does not
   check this): closing an empty container before any child had been
   stacked computed NULL + 0 from the never-allocated stack. */
static void test_regression_empty_first_container(void **state) {
  (void)state;
  static const char *const texts[] = {"{}", "[]", "[{}]", "{\"a\":[]}"};
  for (size_t i = 0; i < sizeof texts / sizeof *texts; i++) {
    parsed p;
    parse(&p, texts[i]);
    assert_int_equal(p.status, RECAP_OK);
    done(&p);
  }
}

/* ---- main -------------------------------------------------------------- */

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_literals),
      cmocka_unit_test(test_scalar_offsets),
      cmocka_unit_test(test_empty_containers),
      cmocka_unit_test(test_nested),
      cmocka_unit_test(test_whisper_transcript),
      cmocka_unit_test(test_jsonl_records),
      cmocka_unit_test(test_simple_escapes),
      cmocka_unit_test(test_unicode_escapes),
      cmocka_unit_test(test_escaped_keys),
      cmocka_unit_test(test_long_string),
      cmocka_unit_test(test_numbers),
      cmocka_unit_test(test_number_extremes),
      cmocka_unit_test(test_timestamp_accuracy),
      cmocka_unit_test(test_random_number_accuracy),
      cmocka_unit_test(test_rejects),
      cmocka_unit_test(test_reject_nul_bytes),
      cmocka_unit_test(test_error_offset),
      cmocka_unit_test(test_arguments),
      cmocka_unit_test(test_depth_limit),
      cmocka_unit_test(test_million_deep),
      cmocka_unit_test(test_large_object),
      cmocka_unit_test(test_duplicate_keys),
      cmocka_unit_test(test_getters),
      cmocka_unit_test(test_allocation_failures),
      cmocka_unit_test(test_regression_empty_first_container),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
