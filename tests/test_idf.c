/*
 * test_idf.c - unit tests for background document-frequency tables
 * (src/idf.c) and the public recap_idf_* functions.
 *
 * Tables are written by hand in the text format of idf.h; expected counts,
 * error lines and rendered texts follow from that format: sections by
 * language (in rc_languages order), stems sorted bytewise, and counts
 * added when tables are read twice.
 */
#include <stdlib.h>
#include <string.h>

#include "test_util.h"

#include "idf.h"
#include "lang.h"

static const recap_allocator *A;
static char err[160];

#define HEADER                                                                 \
  "# recap document frequencies, format 1: '@language NAME DOCUMENTS', "       \
  "then 'STEM<TAB>DOCUMENTS'\n"

static size_t lang(const char *name) {
  const rc_lang *l = rc_lang_find(name);
  assert_non_null(l);
  return (size_t)(l - rc_languages);
}
enum { EN = 9, FR = 11 }; /* rc_languages index of english, french */

static void parse_ok(rc_idf *t, const char *text) {
  err[0] = '\0';
  recap_status st = rc_idf_parse(t, text, strlen(text), err, sizeof err);
  if (st != RECAP_OK)
    fail_msg("parse failed: %s", err);
}

static void parse_fails(const char *text, const char *want_err) {
  rc_idf t;
  rc_idf_init(&t, A);
  err[0] = '\0';
  assert_int_equal(rc_idf_parse(&t, text, strlen(text), err, sizeof err),
                   RECAP_ERR_BAD_TABLE);
  assert_string_equal(err, want_err);
  rc_idf_free(&t);
}

/* Renders t into a new string (free with free()). */
static char *render(const rc_idf *t) {
  rc_buf b;
  rc_buf_init(&b, A);
  rc_idf_render(t, &b);
  char *s;
  size_t n;
  assert_int_equal(rc_buf_finish(&b, &s, &n), RECAP_OK);
  return take_rendered(s, n);
}

/* ---- parsing
 * ------------------------------------------------------------------- */

static void test_parse(void **state) {
  (void)state;
  /* english is rc_languages[9], french [11] (alphabetical order). */
  assert_int_equal(lang("english"), EN);
  assert_int_equal(lang("french"), FR);
  rc_idf t;
  rc_idf_init(&t, A);
  assert_true(rc_idf_empty(&t));
  parse_ok(&t, "# a comment\n"
               "\n"
               "@language english 10\n"
               "bus\t3\n"
               "comput\t5\n"
               "# another comment\n"
               "@language french 4\n"
               "bus\t1\n"
               "\xC3\xA9\x63ole\t2\n"); /* école */
  assert_false(rc_idf_empty(&t));
  assert_int_equal(rc_idf_docs(&t, EN), 10);
  assert_int_equal(rc_idf_docs(&t, FR), 4);
  assert_int_equal(rc_idf_docs(&t, 0), 0);
  assert_int_equal(rc_idf_df(&t, EN, "bus", 3), 3);
  assert_int_equal(rc_idf_df(&t, EN, "comput", 6), 5);
  assert_int_equal(rc_idf_df(&t, FR, "bus", 3), 1);
  assert_int_equal(rc_idf_df(&t, FR, "\xC3\xA9\x63ole", 6), 2);
  /* Per language: french has no "comput", english no "école". */
  assert_int_equal(rc_idf_df(&t, FR, "comput", 6), 0);
  assert_int_equal(rc_idf_df(&t, EN, "\xC3\xA9\x63ole", 6), 0);
  assert_int_equal(rc_idf_df(&t, EN, "bu", 2), 0);
  rc_idf_free(&t);
}

static void test_parse_details(void **state) {
  (void)state;
  rc_idf t;
  rc_idf_init(&t, A);
  /* A BOM, CRLF lines, several spaces in the section line, the language
     "none", no final newline, a stem with a space, a count of 0. */
  parse_ok(&t, "\xEF\xBB\xBF@language  english   2\r\n"
               "bus\t1\r\n"
               "new york\t2\r\n"
               "zero\t0\r\n"
               "@language none 7\n"
               "x\t3");
  assert_int_equal(rc_idf_docs(&t, EN), 2);
  assert_int_equal(rc_idf_df(&t, EN, "bus", 3), 1);
  assert_int_equal(rc_idf_df(&t, EN, "new york", 8), 2);
  assert_int_equal(rc_idf_df(&t, EN, "zero", 4), 0);
  /* "none" is the index after the last language. */
  assert_int_equal(rc_idf_docs(&t, rc_language_count), 7);
  assert_int_equal(rc_idf_df(&t, rc_language_count, "x", 1), 3);
  /* The largest count that fits in 19 digits. */
  parse_ok(&t, "@language english 0\nbig\t9999999999999999999\n");
  assert_true(rc_idf_df(&t, EN, "big", 3) == 9999999999999999999ull);
  /* Adding more saturates instead of wrapping. */
  parse_ok(&t, "@language english 0\nbig\t9999999999999999999\n");
  assert_true(rc_idf_df(&t, EN, "big", 3) == UINT64_MAX);
  rc_idf_free(&t);
}

static void test_parse_errors(void **state) {
  (void)state;
  parse_fails("bus\t3\n", "line 1: entry before any '@language' line");
  parse_fails("# comment\n\nbus\t3\n",
              "line 3: entry before any '@language' line");
  parse_fails("# c\n@language klingon 3\n", "line 2: unknown language");
  /* Sections name languages as rc_languages does, in lower case. */
  parse_fails("@language English 3\n", "line 1: unknown language");
  parse_fails("@language english\n",
              "line 1: expected '@language NAME DOCUMENTS'");
  parse_fails("@language english -3\n",
              "line 1: expected '@language NAME DOCUMENTS'");
  parse_fails("@language english 3\nbus\tx\n",
              "line 2: expected a count after the tab");
  parse_fails("@language english 3\nbus\t\n",
              "line 2: expected a count after the tab");
  parse_fails("@language english 3\nbus\t3 \n",
              "line 2: expected a count after the tab");
  /* 20 digits do not fit. */
  parse_fails("@language english 3\nbus\t12345678901234567890\n",
              "line 2: expected a count after the tab");
  parse_fails("@language english 3\nbus 3\n",
              "line 2: expected 'STEM<TAB>COUNT'");
  parse_fails("@language english 3\n\t3\n",
              "line 2: expected 'STEM<TAB>COUNT'");
  parse_fails("@language english 3\nok\t1\nb\xFFs\t2\n",
              "line 3: invalid UTF-8");
  /* A truncated sequence at the end of the stem. */
  parse_fails("@language english 3\nb\xC3\t2\n", "line 2: invalid UTF-8");
  /* The line number counts CRLF lines too. */
  parse_fails("@language english 3\r\nok\t1\r\nbad\r\n",
              "line 3: expected 'STEM<TAB>COUNT'");
}

static void test_parse_twice_adds(void **state) {
  (void)state;
  const char *table = "@language english 10\nbus\t3\nline\t2\n";
  rc_idf t;
  rc_idf_init(&t, A);
  parse_ok(&t, table);
  parse_ok(&t, table);
  parse_ok(&t, "@language english 1\nbus\t1\nnew\t1\n");
  assert_int_equal(rc_idf_docs(&t, EN), 21);
  assert_int_equal(rc_idf_df(&t, EN, "bus", 3), 7);
  assert_int_equal(rc_idf_df(&t, EN, "line", 4), 4);
  assert_int_equal(rc_idf_df(&t, EN, "new", 3), 1);
  /* A section repeated within one table adds too. */
  parse_ok(&t, "@language english 1\nbus\t1\n@language english 1\nbus\t1\n");
  assert_int_equal(rc_idf_docs(&t, EN), 23);
  assert_int_equal(rc_idf_df(&t, EN, "bus", 3), 9);
  rc_idf_free(&t);
}

/* ---- rendering
 * ------------------------------------------------------------------- */

static void test_render_sorted(void **state) {
  (void)state;
  rc_idf t;
  rc_idf_init(&t, A);
  /* Out of order on purpose: french before english, stems unsorted. */
  parse_ok(&t, "@language french 4\n"
               "\xC3\xA9\x63ole\t2\n"
               "ecole\t1\n"
               "@language english 10\n"
               "zeta\t1\n"
               "buses\t4\n"
               "bus\t3\n"
               "Beta\t2\n"
               "alpha\t5\n");
  char *s = render(&t);
  /* Sections in rc_languages order (english 7, french 9); stems by bytes:
     'B' (42) < 'a' (61); "bus" before "buses"; "ecole" (65) before
     "école" (C3 A9). */
  assert_string_equal(s, HEADER "@language english 10\n"
                                "Beta\t2\n"
                                "alpha\t5\n"
                                "bus\t3\n"
                                "buses\t4\n"
                                "zeta\t1\n"
                                "@language french 4\n"
                                "ecole\t1\n"
                                "\xC3\xA9\x63ole\t2\n");

  /* Re-parsed, it renders to the same text: the same table. */
  rc_idf u;
  rc_idf_init(&u, A);
  parse_ok(&u, s);
  char *s2 = render(&u);
  assert_string_equal(s, s2);
  assert_int_equal(rc_idf_df(&u, EN, "alpha", 5), 5);
  assert_int_equal(rc_idf_docs(&u, FR), 4);
  free(s);
  free(s2);
  rc_idf_free(&u);
  rc_idf_free(&t);
}

static void test_render_empty_and_none(void **state) {
  (void)state;
  rc_idf t;
  rc_idf_init(&t, A);
  char *s = render(&t);
  assert_string_equal(s, HEADER);
  free(s);
  /* A language with stems but no documents is left out; "none" comes
     after every language. */
  parse_ok(&t, "@language none 2\nx\t1\n@language german 0\nhaus\t1\n"
               "@language arabic 1\n\xD9\x83\t1\n");
  s = render(&t);
  assert_string_equal(s, HEADER "@language arabic 1\n"
                                "\xD9\x83\t1\n"
                                "@language none 2\n"
                                "x\t1\n");
  free(s);
  rc_idf_free(&t);
}

static void test_add_api(void **state) {
  (void)state;
  rc_idf t;
  rc_idf_init(&t, A);
  assert_int_equal(rc_idf_add_docs(&t, EN, 3), RECAP_OK);
  assert_int_equal(rc_idf_add(&t, EN, "bus", 3, 2), RECAP_OK);
  assert_int_equal(rc_idf_add(&t, EN, "bus", 3, 1), RECAP_OK);
  assert_int_equal(rc_idf_df(&t, EN, "bus", 3), 3);
  /* Past "none" is not a language. */
  assert_int_equal(rc_idf_add_docs(&t, rc_language_count + 1, 1),
                   RECAP_ERR_INVALID_ARGUMENT);
  char *s = render(&t);
  assert_string_equal(s, HEADER "@language english 3\nbus\t3\n");
  free(s);
  rc_idf_free(&t);
}

/* ---- the public API
 * ------------------------------------------------------------- */

static void test_public_round_trip(void **state) {
  (void)state;
  recap_context *ctx;
  assert_int_equal(recap_context_new(&ctx), RECAP_OK);
  recap_idf *idf;
  assert_int_equal(recap_idf_new(NULL, &idf), RECAP_ERR_INVALID_ARGUMENT);
  assert_int_equal(recap_idf_new(ctx, NULL), RECAP_ERR_INVALID_ARGUMENT);
  assert_int_equal(recap_idf_new(ctx, &idf), RECAP_OK);

  const char *table = "@language english 10\nbus\t3\nalpha\t1\n";
  assert_int_equal(recap_idf_add_table(idf, table, strlen(table)), RECAP_OK);
  assert_int_equal(recap_idf_add_table(idf, table, strlen(table)), RECAP_OK);
  assert_int_equal(recap_idf_add_table(idf, NULL, 0), RECAP_OK);
  assert_int_equal(recap_idf_add_table(idf, NULL, 3),
                   RECAP_ERR_INVALID_ARGUMENT);
  assert_int_equal(recap_idf_add_table(idf, "bus\t1\n", 6),
                   RECAP_ERR_BAD_TABLE);

  char *out = NULL;
  size_t n = 0;
  assert_int_equal(recap_idf_render(idf, &out, &n), RECAP_OK);
  const char *want = HEADER "@language english 20\nalpha\t2\nbus\t6\n";
  assert_string_equal(out, want);
  assert_int_equal(n, strlen(want));

  /* What it rendered reads back into a new table as the same table. */
  recap_idf *copy;
  assert_int_equal(recap_idf_new(ctx, &copy), RECAP_OK);
  assert_int_equal(recap_idf_add_table(copy, out, n), RECAP_OK);
  char *out2 = NULL;
  assert_int_equal(recap_idf_render(copy, &out2, NULL), RECAP_OK);
  assert_string_equal(out, out2);

  /* And it loads into a context. */
  assert_int_equal(recap_context_load_idf(ctx, out, n), RECAP_OK);

  recap_free(out);
  recap_free(out2);
  recap_idf_free(copy);
  recap_idf_free(idf);
  recap_idf_free(NULL);
  assert_int_equal(recap_idf_render(NULL, &out, NULL),
                   RECAP_ERR_INVALID_ARGUMENT);
  recap_context_free(ctx);
}

int main(void) {
  A = rc_default_allocator();
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_parse),
      cmocka_unit_test(test_parse_details),
      cmocka_unit_test(test_parse_errors),
      cmocka_unit_test(test_parse_twice_adds),
      cmocka_unit_test(test_render_sorted),
      cmocka_unit_test(test_render_empty_and_none),
      cmocka_unit_test(test_add_api),
      cmocka_unit_test(test_public_round_trip),
  };
  return cmocka_run_group_tests_name("idf", tests, NULL, NULL);
}
