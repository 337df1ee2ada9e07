/*
 * test_fuzz_regressions.c - inputs the libFuzzer harnesses (tests/fuzz/)
 * found to break a promise of recap.h, reduced to what triggers the bug.
 *
 * Some of the bugs were memory errors or undefined behaviour that a plain
 * build survives by luck; those tests fail for certain only under
 * `make sanitize`, which runs this file with ASan and UBSan.  The others
 * check a visible property (valid UTF-8, one line of JSON, times in order)
 * and fail in any build.  Each test was checked to fail with its fix
 * reverted.
 */
#include <stdio.h>
#include <string.h>

#include "test_util.h"

#include "decode.h"
#include "json.h"
#include "mem.h"
#include "recap.h"

/* One JSON value on one line. */
static void assert_json_line(const char *s, size_t n) {
  assert_true(rc_utf8_valid(s, n));
  assert_null(memchr(s, '\n', n));
  rc_arena arena;
  rc_arena_init(&arena, rc_default_allocator());
  rc_json *v;
  assert_int_equal(rc_json_parse(&arena, s, n, 100, &v, NULL), RECAP_OK);
  assert_int_equal(v->type, RC_JSON_OBJECT);
  rc_arena_free(&arena);
}

/* terms.c, cjk_unit(): interning a character bigram could move
   doc->term_info while a pointer into it was still read (heap use after
   free under ASan).  Many distinct CJK characters make the table grow
   while bigrams are interned. */
static void test_cjk_bigrams_grow_terms(void **state) {
  fixture *f = *state;
  char text[3 * 600 + 16];
  size_t n = 0;
  for (unsigned cp = 0x4E00; cp < 0x4E00 + 600; cp++) {
    char u[4];
    size_t k = rc_utf8_encode(cp, u);
    memcpy(text + n, u, k);
    n += k;
  }
  memcpy(text + n, "\xE3\x80\x82", 3); /* 。 */
  n += 3;
  recap_options opt;
  recap_options_init(&opt);
  opt.language = "chinese";
  assert_int_equal(recap_document_analyze(f->doc, text, n, &opt), RECAP_OK);
  assert_true(recap_sentence_count(f->doc) >= 1);
}

/* tfidf.c, rc_tfidf_sentences(): a document whose sentences have no content
   terms at all ("yeah" cues) did pointer arithmetic on the NULL term
   array (clang's UBSan: "applying zero offset to null pointer"; GCC's
   does not check this, so it fails only with `make sanitize CC=clang`). */
static void test_no_content_terms(void **state) {
  fixture *f = *state;
  const char *vtt = "WEBVTT\n\n"
                    "00:00:00.000 --> 00:00:00.500\nyeah\n\n"
                    "00:00:00.500 --> 00:00:01.000\nyeah\n\n"
                    "00:00:01.000 --> 00:00:01.030\nyeah\n";
  assert_int_equal(recap_document_analyze(f->doc, vtt, strlen(vtt), NULL),
                   RECAP_OK);
  assert_int_equal(recap_summary_count(f->doc), 0);
}

/* summary.c, gain(): the fallback for texts where no sentence can stand
   alone offers sentences without content terms, in a document that has
   none, and the term pointer was computed from the NULL array (clang's
   UBSan, as above; found by fuzz_jsonl). */
static void test_fallback_without_terms(void **state) {
  fixture *f = *state;
  const char *vtt = "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n"
                    "<v Ann>Hello there.\n\n00:00:02.000 --?";
  recap_document *doc; /* new: one that analysed text before has terms */
  assert_int_equal(recap_document_new(f->ctx, &doc), RECAP_OK);
  assert_int_equal(recap_document_analyze(doc, vtt, strlen(vtt), NULL),
                   RECAP_OK);
  assert_true(recap_sentence_count(doc) >= 1);
  recap_document_free(doc);
}

/* chapters.c, fill(): cues whose times go backwards gave a chapter that
   ends before it starts. */
static void test_chapter_times_in_order(void **state) {
  fixture *f = *state;
  const char *srt =
      "1\n00:00:10,000 --> 00:00:12,000\n"
      "The garden committee met to plan the new shed by the gate.\n\n"
      "2\n00:00:01,000 --> 00:00:03,000\n"
      "Everyone agreed the shed needs a sturdy roof before winter.\n";
  recap_options opt;
  recap_options_init(&opt);
  opt.flags |= RECAP_OPT_CHAPTERS;
  assert_int_equal(recap_document_analyze(f->doc, srt, strlen(srt), &opt),
                   RECAP_OK);
  assert_true(recap_chapter_count(f->doc) >= 1);
  for (size_t i = 0; i < recap_chapter_count(f->doc); i++) {
    const recap_chapter *c = recap_chapter_at(f->doc, i);
    assert_true(c->start >= 0);
    assert_true(c->end >= c->start);
  }
}

/* document.c: the message for an unknown language quoted the caller's
   bytes, invalid UTF-8 included, and a long name was cut in the middle of
   a character. */
static void test_error_message_utf8(void **state) {
  fixture *f = *state;
  recap_options opt;
  recap_options_init(&opt);
  opt.language = "eng\x94\x96\x8c\x94";
  assert_int_equal(recap_document_analyze(f->doc, "Hello.", 6, &opt),
                   RECAP_ERR_UNKNOWN_LANGUAGE);
  const char *e = recap_document_error(f->doc);
  assert_true(rc_utf8_valid(e, strlen(e)));
  assert_non_null(strstr(e, "eng????"));

  char name[2 * 300 + 1];
  for (size_t i = 0; i < 300; i++)
    memcpy(name + 2 * i, "\xC3\xA9", 2); /* é */
  name[600] = '\0';
  opt.language = name;
  assert_int_equal(recap_document_analyze(f->doc, "Hello.", 6, &opt),
                   RECAP_ERR_UNKNOWN_LANGUAGE);
  e = recap_document_error(f->doc);
  assert_true(rc_utf8_valid(e, strlen(e)));
}

/* jsonl.c: "id" was copied byte for byte, so an id holding invalid UTF-8
   (which the parser passes through inside strings) or a line break (valid
   JSON whitespace) gave a result that was not one line of valid UTF-8. */
static void test_jsonl_id_repaired(void **state) {
  fixture *f = *state;
  static const char *const lines[] = {
      "{\"id\":\"b\x8a\x9a\",\"text\":\"We met today. It went well.\"}",
      "{\"id\":\"b\x8a\x9a\"}",
      "{\"id\":[1,\n2,\r\n3],\"text\":\"We met today. It went well.\"}",
      "{\"id\":{\"k\":\n\"\xC3\"},\"lang\":\"xx\",\"text\":\"Hi.\"}"};
  for (size_t i = 0; i < sizeof lines / sizeof *lines; i++) {
    char *out = NULL;
    size_t n = 0;
    recap_status st =
        recap_jsonl_process(f->doc, lines[i], strlen(lines[i]), NULL, &out, &n);
    assert_true(st == RECAP_OK || st == RECAP_ERR_INVALID_ARGUMENT ||
                st == RECAP_ERR_UNKNOWN_LANGUAGE);
    assert_non_null(out);
    assert_json_line(out, n);
    recap_free(out);
  }
  char *out = NULL;
  size_t n = 0;
  assert_int_equal(
      recap_jsonl_process(f->doc, lines[2], strlen(lines[2]), NULL, &out, &n),
      RECAP_OK);
  assert_memory_equal(out, "{\"id\":[1, 2,  3],", 17);
  recap_free(out);
}

/* The rendering of idf, which must read back into a new table; returned
   for more checks (free with recap_free()). */
static char *render_reads_back(const recap_context *ctx, const recap_idf *idf,
                               size_t *len) {
  char *r = NULL;
  assert_int_equal(recap_idf_render(idf, &r, len), RECAP_OK);
  recap_idf *back = NULL;
  assert_int_equal(recap_idf_new(ctx, &back), RECAP_OK);
  assert_int_equal(recap_idf_add_table(back, r, *len), RECAP_OK);
  recap_idf_free(back);
  return r;
}

/* idf.c, make_key(): stems longer than a key were cut at a byte count, in
   the middle of a character, and the rendered table was not UTF-8. */
static void test_idf_long_stem(void **state) {
  fixture *f = *state;
  char table[64 + 2 * 200];
  size_t n = (size_t)snprintf(table, sizeof table, "@language english 3\n");
  for (size_t i = 0; i < 200; i++) {
    memcpy(table + n, "\xC3\xB5", 2); /* õ */
    n += 2;
  }
  memcpy(table + n, "\t1\n", 3);
  n += 3;
  recap_idf *idf = NULL;
  assert_int_equal(recap_idf_new(f->ctx, &idf), RECAP_OK);
  assert_int_equal(recap_idf_add_table(idf, table, n), RECAP_OK);
  size_t rl = 0;
  char *r = render_reads_back(f->ctx, idf, &rl);
  assert_true(rc_utf8_valid(r, rl));
  recap_free(r);
  recap_idf_free(idf);
}

/* terms.c, new_term(): a halfwidth Hangul filler (U+FFA0) is a letter
   that folds to nothing (NFKC gives U+3164, which case folding drops as
   default-ignorable); it became a content term with an empty stem; a table
   built from the document then rendered a line "\t1" that no table reads back
   (found by fuzz_tables, on a UTF-16 input). */
static void test_empty_fold_not_a_word(void **state) {
  fixture *f = *state;
  static const char text[] = "alpha \xEF\xBE\xA0 beta. alpha beta gamma. "
                             "\xEF\xBE\xA0 gamma alpha.";
  recap_options o;
  recap_options_init(&o);
  o.language = "none";
  assert_int_equal(recap_document_analyze(f->doc, text, sizeof text - 1, &o),
                   RECAP_OK);
  recap_idf *idf = NULL;
  assert_int_equal(recap_idf_new(f->ctx, &idf), RECAP_OK);
  assert_int_equal(recap_idf_add_document(idf, f->doc), RECAP_OK);
  size_t rl = 0;
  char *r = render_reads_back(f->ctx, idf, &rl);
  assert_null(strstr(r, "\n\t"));
  recap_free(r);
  recap_idf_free(idf);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_cjk_bigrams_grow_terms),
      cmocka_unit_test(test_no_content_terms),
      cmocka_unit_test(test_fallback_without_terms),
      cmocka_unit_test(test_chapter_times_in_order),
      cmocka_unit_test(test_error_message_utf8),
      cmocka_unit_test(test_jsonl_id_repaired),
      cmocka_unit_test(test_idf_long_stem),
      cmocka_unit_test(test_empty_fold_not_a_word),
  };
  return cmocka_run_group_tests(tests, fixture_setup, fixture_teardown);
}
