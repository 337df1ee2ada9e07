/*
 * test_decode.c - unit tests for the first stage: bytes in, clean UTF-8 out
 * (src/decode.c), and the offset map it builds.
 *
 * Expected outputs were written from the rules in decode.h and from
 * Unicode: UTF-8 and UTF-16 encodings from the code charts, the
 * Windows-1252 table (0x93/0x94 are U+201C/U+201D, 0x80 is U+20AC), and the
 * "U+FFFD substitution of maximal subparts" practice of Unicode 3.9.6
 * (Table 3-8).  Every offset is counted in the literal inputs: the layout
 * comments show which input bytes each output character came from.
 */
#include <stdlib.h>
#include <string.h>

#include "test_util.h"

#include "decode.h"

/* A string literal with embedded NULs and its length. */
#define S(lit) lit, (sizeof(lit) - 1)
#define FFFD "\xEF\xBF\xBD"

static const recap_allocator *A;
static char err[160];

static rc_text decode(const char *in, size_t len, int strict) {
  rc_text t;
  err[0] = '\0';
  recap_status st = rc_decode(A, in, len, strict, &t, err, sizeof err);
  if (st != RECAP_OK)
    fail_msg("rc_decode failed (%d): %s", (int)st, err);
  return t;
}

static void assert_text(const rc_text *t, const char *want, size_t want_len) {
  assert_int_equal(t->len, want_len);
  assert_memory_equal(t->s, want, want_len);
}

static void done(rc_text *t) { rc_text_free(A, t); }

/* ---- UTF-8 primitives ------------------------------------------------------
 */

static void test_utf8_primitives(void **state) {
  (void)state;
  const unsigned char *u;
#define SEQ(lit, n) (u = (const unsigned char *)(lit), rc_utf8_seqlen(u, n))
  assert_int_equal(SEQ("a", 1), 1);
  assert_int_equal(SEQ("\xC2\x80", 2), 2);     /* U+0080, the smallest */
  assert_int_equal(SEQ("\xDF\xBF", 2), 2);     /* U+07FF */
  assert_int_equal(SEQ("\xE0\xA0\x80", 3), 3); /* U+0800 */
  assert_int_equal(SEQ("\xED\x9F\xBF", 3), 3); /* U+D7FF, below surrogates */
  assert_int_equal(SEQ("\xEE\x80\x80", 3), 3); /* U+E000, above them */
  assert_int_equal(SEQ("\xF0\x90\x80\x80", 4), 4);
  assert_int_equal(SEQ("\xF4\x8F\xBF\xBF", 4), 4); /* U+10FFFF */
  /* Overlongs: C0 AF is '/' in two bytes, E0 80 AF in three, F0 80 80 AF
     in four; C1 BF is U+007F. */
  assert_int_equal(SEQ("\xC0\xAF", 2), 0);
  assert_int_equal(SEQ("\xC1\xBF", 2), 0);
  assert_int_equal(SEQ("\xE0\x80\xAF", 3), 0);
  assert_int_equal(SEQ("\xE0\x9F\xBF", 3), 0);
  assert_int_equal(SEQ("\xF0\x80\x80\xAF", 4), 0);
  assert_int_equal(SEQ("\xF0\x8F\xBF\xBF", 4), 0);
  /* Surrogates encoded in UTF-8 (CESU-style): U+D800 and U+DFFF. */
  assert_int_equal(SEQ("\xED\xA0\x80", 3), 0);
  assert_int_equal(SEQ("\xED\xBF\xBF", 3), 0);
  /* Above U+10FFFF, and bytes never used. */
  assert_int_equal(SEQ("\xF4\x90\x80\x80", 4), 0);
  assert_int_equal(SEQ("\xF5\x80\x80\x80", 4), 0);
  assert_int_equal(SEQ("\xFF", 1), 0);
  /* A lone continuation byte, and sequences cut short by n. */
  assert_int_equal(SEQ("\x80", 1), 0);
  assert_int_equal(SEQ("\xC3\xA9", 1), 0);
  assert_int_equal(SEQ("\xE2\x82\xAC", 2), 0);
  assert_int_equal(SEQ("\xF0\x9F\x98\x80", 3), 0);
  /* A lead byte followed by a non-continuation. */
  assert_int_equal(SEQ("\xC3(", 2), 0);
#undef SEQ

  /* Decoding and encoding at every length boundary. */
  static const struct {
    unsigned cp;
    const char *utf8;
  } cases[] = {
      {0x41, "A"},
      {0x7F, "\x7F"},
      {0x80, "\xC2\x80"},
      {0xE9, "\xC3\xA9"},
      {0x7FF, "\xDF\xBF"},
      {0x800, "\xE0\xA0\x80"},
      {0x20AC, "\xE2\x82\xAC"},
      {0xFFFD, "\xEF\xBF\xBD"},
      {0xFFFF, "\xEF\xBF\xBF"},
      {0x10000, "\xF0\x90\x80\x80"},
      {0x1F600, "\xF0\x9F\x98\x80"},
      {0x10FFFF, "\xF4\x8F\xBF\xBF"},
  };
  for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
    size_t n = strlen(cases[i].utf8);
    char out[4];
    assert_int_equal(rc_utf8_encode(cases[i].cp, out), n);
    assert_memory_equal(out, cases[i].utf8, n);
    assert_int_equal(rc_utf8_decode((const unsigned char *)cases[i].utf8, n),
                     cases[i].cp);
  }
}

/* ---- clean input
 * ------------------------------------------------------------- */

static void test_clean_not_copied(void **state) {
  (void)state;
  const char in[] = "hello\nworld caf\xC3\xA9\t!";
  rc_text t = decode(in, sizeof in - 1, 0);
  assert_ptr_equal(t.s, in); /* points into the input */
  assert_null(t.owned);
  assert_int_equal(t.len, sizeof in - 1);
  assert_int_equal(t.encoding, RC_ENC_UTF8);
  assert_int_equal(t.repairs, 0);
  assert_int_equal(t.map.pts.len, 0);
  assert_int_equal(rc_offmap_lookup(&t.map, 6), 6);
  done(&t);

  /* Also in strict mode. */
  t = decode(in, sizeof in - 1, 1);
  assert_ptr_equal(t.s, in);
  done(&t);

  /* Empty input. */
  t = decode(NULL, 0, 1);
  assert_int_equal(t.len, 0);
  assert_non_null(t.s);
  done(&t);
}

static void test_bom_dropped(void **state) {
  (void)state;
  /* EF BB BF h i _ C3 A9: the text is the 5 bytes after the BOM, borrowed;
     decoded offset p is input offset p + 3. */
  const char in[] = "\xEF\xBB\xBFhi \xC3\xA9";
  rc_text t = decode(in, sizeof in - 1, 1);
  assert_ptr_equal(t.s, in + 3);
  assert_null(t.owned);
  assert_text(&t, "hi \xC3\xA9", 5);
  assert_int_equal(t.map.base, 3);
  assert_int_equal(rc_offmap_lookup(&t.map, 0), 3);
  assert_int_equal(rc_offmap_lookup(&t.map, 3), 6);     /* the é */
  assert_int_equal(rc_offmap_lookup_end(&t.map, 5), 8); /* after the é */
  done(&t);

  /* Only a BOM: empty text. */
  t = decode(S("\xEF\xBB\xBF"), 0);
  assert_int_equal(t.len, 0);
  done(&t);
}

static void test_line_breaks_same_length(void **state) {
  (void)state;
  /* a CR LF b CR c FF d VT e: clean but for the breaks, so the copy keeps
     every byte's position: CR before LF becomes a space, a lone CR, FF and
     VT become LF. */
  rc_text t = decode(S("a\r\nb\rc\fd\ve"), 0);
  assert_text(&t, S("a \nb\nc\nd\ne"));
  assert_non_null(t.owned);
  assert_int_equal(t.encoding, RC_ENC_UTF8);
  assert_int_equal(t.map.pts.len, 0);
  assert_int_equal(rc_offmap_lookup(&t.map, 4), 4);
  assert_int_equal(rc_offmap_lookup_end(&t.map, 10), 10);
  done(&t);

  /* A CR as the last byte; CR CR LF. */
  t = decode(S("x\r\r\ny\r"), 0);
  assert_text(&t, S("x\n \ny\n"));
  done(&t);

  /* After a BOM, shifted by 3. */
  t = decode(S("\xEF\xBB\xBFx\r\ny"), 0);
  assert_text(&t, S("x \ny"));
  assert_int_equal(rc_offmap_lookup(&t.map, 3), 6);
  done(&t);
}

static void test_controls_to_space(void **state) {
  (void)state;
  /* NUL and SOH become spaces (two controls: not binary).  The rewrite
     keeps one byte per byte, so the map is the identity. */
  rc_text t = decode(S("a\0b\x01"
                       "c"),
                     0);
  assert_text(&t, S("a b c"));
  assert_int_equal(t.encoding, RC_ENC_UTF8);
  assert_int_equal(t.repairs, 0);
  assert_int_equal(rc_offmap_lookup(&t.map, 4), 4);
  assert_int_equal(rc_offmap_lookup_end(&t.map, 5), 5);
  done(&t);

  /* With a control present the text is rewritten, and CR LF becomes one
     LF there:  input  a CR LF b SOH     (0 1 2 3 4)
                output a LF b _          (0 1 2 3)   */
  t = decode(S("a\r\nb\x01"), 0);
  assert_text(&t, S("a\nb "));
  assert_int_equal(rc_offmap_lookup(&t.map, 1), 1);
  assert_int_equal(rc_offmap_lookup(&t.map, 2), 3);
  assert_int_equal(rc_offmap_lookup(&t.map, 3), 4);
  assert_int_equal(rc_offmap_lookup_end(&t.map, 4), 5);
  done(&t);

  /* A C1 control (U+0085 as C2 85) and DEL become one space each:
       input  x C2 85 y DEL z     (0 1-2 3 4 5)
       output x _ y _ z           (0 1 2 3 4)   */
  t = decode(S("x\xC2\x85y\x7Fz"), 0);
  assert_text(&t, S("x y z"));
  assert_int_equal(rc_offmap_lookup(&t.map, 1), 1);
  assert_int_equal(rc_offmap_lookup_end(&t.map, 2), 3);
  assert_int_equal(rc_offmap_lookup(&t.map, 2), 3);
  assert_int_equal(rc_offmap_lookup(&t.map, 4), 5);
  done(&t);

  /* Tabs stay. */
  t = decode(S("a\tb\0"), 0);
  assert_text(&t, S("a\tb "));
  done(&t);

  /* A short C string passed with its terminating NUL is UTF-8, not
     UTF-16 (its one zero byte sits in an odd position). */
  t = decode(S("hi!\0"), 0);
  assert_int_equal(t.encoding, RC_ENC_UTF8);
  assert_text(&t, S("hi! "));
  done(&t);
}

/* ---- UTF-16
 * ---------------------------------------------------------------------- */

static void test_utf16le_bom(void **state) {
  (void)state;
  /* FF FE | h 00 | i 00 | 20 00 | E9 00      -> h i _ C3 A9
     input    2      4      6       8 (to 10)     0 1 2 3-4   */
  rc_text t = decode(S("\xFF\xFEh\0i\0 \0\xE9\0"), 0);
  assert_int_equal(t.encoding, RC_ENC_UTF16LE);
  assert_text(&t, "hi \xC3\xA9", 5);
  assert_non_null(t.owned);
  assert_int_equal(t.repairs, 0);
  assert_int_equal(rc_offmap_lookup(&t.map, 0), 2);
  assert_int_equal(rc_offmap_lookup(&t.map, 1), 4);
  assert_int_equal(rc_offmap_lookup(&t.map, 2), 6);
  assert_int_equal(rc_offmap_lookup(&t.map, 3), 8);
  assert_int_equal(rc_offmap_lookup_end(&t.map, 3), 8);
  assert_int_equal(rc_offmap_lookup_end(&t.map, 5), 10); /* end of the é */
  done(&t);

  /* A character that grows: U+20AC (AC 20) is three bytes of UTF-8.
       FF FE | a 00 | AC 20 | b 00    -> a E2 82 AC b
                2      4       6          0 1-3      4   */
  t = decode(S("\xFF\xFE"
               "a\0\xAC\x20"
               "b\0"),
             0);
  assert_text(&t,
              "a\xE2\x82\xAC"
              "b",
              5);
  assert_int_equal(rc_offmap_lookup(&t.map, 1), 4);
  assert_int_equal(rc_offmap_lookup(&t.map, 2), 4); /* inside: as a whole */
  assert_int_equal(rc_offmap_lookup_end(&t.map, 4), 6);
  assert_int_equal(rc_offmap_lookup(&t.map, 4), 6);
  assert_int_equal(rc_offmap_lookup_end(&t.map, 5), 8);
  done(&t);

  /* CR LF in UTF-16 becomes one LF:
       FF FE | a 00 | 0D 00 | 0A 00 | b 00   -> a LF b
                2      4       6       8        0 1  2  */
  t = decode(S("\xFF\xFE"
               "a\0\r\0\n\0"
               "b\0"),
             0);
  assert_text(&t, S("a\nb"));
  assert_int_equal(rc_offmap_lookup(&t.map, 1), 4);
  assert_int_equal(rc_offmap_lookup(&t.map, 2), 8);
  assert_int_equal(rc_offmap_lookup_end(&t.map, 3), 10);
  done(&t);

  /* Only a BOM. */
  t = decode(S("\xFF\xFE"), 0);
  assert_int_equal(t.len, 0);
  done(&t);
}

static void test_utf16be_bom(void **state) {
  (void)state;
  /* FE FF | 00 h | 00 i | 20 AC  -> h i E2 82 AC */
  rc_text t = decode(S("\xFE\xFF\0h\0i\x20\xAC"), 0);
  assert_int_equal(t.encoding, RC_ENC_UTF16BE);
  assert_text(&t, "hi\xE2\x82\xAC", 5);
  assert_int_equal(rc_offmap_lookup(&t.map, 1), 4);
  assert_int_equal(rc_offmap_lookup(&t.map, 2), 6);
  assert_int_equal(rc_offmap_lookup_end(&t.map, 5), 8);
  done(&t);
}

static void test_utf16_sniffed(void **state) {
  (void)state;
  /* No BOM, but a zero in every odd byte: little-endian. */
  rc_text t = decode(S("h\0e\0l\0l\0o\0"), 0);
  assert_int_equal(t.encoding, RC_ENC_UTF16LE);
  assert_text(&t, S("hello"));
  assert_int_equal(rc_offmap_lookup(&t.map, 0), 0);
  assert_int_equal(rc_offmap_lookup(&t.map, 4), 8);
  assert_int_equal(rc_offmap_lookup_end(&t.map, 5), 10);
  done(&t);

  /* A zero in every even byte: big-endian. */
  t = decode(S("\0h\0e\0y\0!"), 0);
  assert_int_equal(t.encoding, RC_ENC_UTF16BE);
  assert_text(&t, S("hey!"));
  done(&t);

  /* Mostly ASCII with some non-Latin-1 characters still counts:
     "caf\u00e9 \u20ac5" little-endian, 7 units. */
  t = decode(S("c\0a\0f\0\xE9\0 \0\xAC\x20"
               "5\0"),
             0);
  assert_int_equal(t.encoding, RC_ENC_UTF16LE);
  assert_text(&t,
              "caf\xC3\xA9 \xE2\x82\xAC"
              "5",
              10);
  done(&t);
}

static void test_utf16_surrogates(void **state) {
  (void)state;
  /* U+1F600 is D83D DE00.
       FF FE | a 00 | 3D D8 00 DE | b 00  -> a F0 9F 98 80 b
                2      4             8       0 1-4         5   */
  rc_text t = decode(S("\xFF\xFE"
                       "a\0\x3D\xD8\x00\xDE"
                       "b\0"),
                     0);
  assert_text(&t,
              "a\xF0\x9F\x98\x80"
              "b",
              6);
  assert_int_equal(t.repairs, 0);
  assert_int_equal(rc_offmap_lookup(&t.map, 1), 4);
  assert_int_equal(rc_offmap_lookup_end(&t.map, 5), 8);
  assert_int_equal(rc_offmap_lookup(&t.map, 5), 8);
  assert_int_equal(rc_offmap_lookup_end(&t.map, 6), 10);
  done(&t);

  /* Big-endian pair. */
  t = decode(S("\xFE\xFF\xD8\x3D\xDE\x00"), 0);
  assert_text(&t, "\xF0\x9F\x98\x80", 4);
  done(&t);

  /* An unpaired high surrogate before a letter:
       FF FE | a 00 | 3D D8 | b 00  -> a EF BF BD b
                2      4       6       0 1-3      4   */
  t = decode(S("\xFF\xFE"
               "a\0\x3D\xD8"
               "b\0"),
             0);
  assert_text(&t, "a" FFFD "b", 5);
  assert_int_equal(t.repairs, 1);
  assert_int_equal(rc_offmap_lookup(&t.map, 1), 4);
  assert_int_equal(rc_offmap_lookup_end(&t.map, 4), 6);
  assert_int_equal(rc_offmap_lookup(&t.map, 4), 6);
  done(&t);

  /* A lone low surrogate; a high surrogate at the very end; a high
     surrogate followed by a proper pair (only the first is bad). */
  t = decode(S("\xFF\xFE\x00\xDE"
               "c\0"),
             0);
  assert_text(&t, FFFD "c", 4);
  assert_int_equal(t.repairs, 1);
  done(&t);
  t = decode(S("\xFF\xFE"
               "a\0\x3D\xD8"),
             0);
  assert_text(&t, "a" FFFD, 4);
  done(&t);
  t = decode(S("\xFF\xFE\x3D\xD8\x3D\xD8\x00\xDE"), 0);
  assert_text(&t, FFFD "\xF0\x9F\x98\x80", 7);
  assert_int_equal(t.repairs, 1);
  done(&t);
}

static void test_utf16_odd_byte(void **state) {
  (void)state;
  /* FF FE | a 00 | b   -> a EF BF BD: the odd byte at 4 is replaced. */
  rc_text t = decode(S("\xFF\xFE"
                       "a\0"
                       "b"),
                     0);
  assert_text(&t, "a" FFFD, 4);
  assert_int_equal(t.repairs, 1);
  assert_int_equal(rc_offmap_lookup(&t.map, 1), 4);
  assert_int_equal(rc_offmap_lookup_end(&t.map, 4), 5);
  done(&t);
}

/* ---- Windows-1252
 * ------------------------------------------------------------------ */

static void test_cp1252(void **state) {
  (void)state;
  /* No valid multi-byte sequence anywhere: read as Windows-1252.
       c a f E9 _ 93 q u o t e d 94
       0 1 2 3  4 5  6 ...      12
     -> c a f C3 A9 _ E2 80 9C q u o t e d E2 80 9D
        0 1 2 3-4   5 6-8      9 ...     14 15-17   */
  const char in[] = "caf\xe9 \x93quoted\x94";
  rc_text t = decode(in, sizeof in - 1, 0);
  assert_int_equal(t.encoding, RC_ENC_CP1252);
  assert_text(&t, S("caf\xC3\xA9 \xE2\x80\x9Cquoted\xE2\x80\x9D"));
  assert_int_equal(rc_offmap_lookup(&t.map, 2), 2);
  assert_int_equal(rc_offmap_lookup(&t.map, 3), 3);     /* é */
  assert_int_equal(rc_offmap_lookup(&t.map, 4), 3);     /* inside é */
  assert_int_equal(rc_offmap_lookup_end(&t.map, 5), 4); /* end of "café" */
  assert_int_equal(rc_offmap_lookup(&t.map, 5), 4);
  assert_int_equal(rc_offmap_lookup(&t.map, 6), 5); /* the quote */
  assert_int_equal(rc_offmap_lookup(&t.map, 7), 5);
  assert_int_equal(rc_offmap_lookup_end(&t.map, 9), 6);
  assert_int_equal(rc_offmap_lookup(&t.map, 9), 6); /* q */
  assert_int_equal(rc_offmap_lookup_end(&t.map, 15), 12);
  assert_int_equal(rc_offmap_lookup(&t.map, 15), 12);
  assert_int_equal(rc_offmap_lookup_end(&t.map, 18), 13);
  done(&t);

  /* 0x80 is the euro sign; 0x81 is undefined in Windows-1252: U+FFFD. */
  t = decode(S("\x80"
               "5 \x81"),
             0);
  assert_text(&t, S("\xE2\x82\xAC"
                    "5 " FFFD));
  done(&t);

  /* After a UTF-8 BOM the offsets are shifted by it. */
  t = decode(S("\xEF\xBB\xBF"
               "caf\xe9"),
             0);
  assert_int_equal(t.encoding, RC_ENC_CP1252);
  assert_text(&t, S("caf\xC3\xA9"));
  assert_int_equal(rc_offmap_lookup(&t.map, 0), 3);
  assert_int_equal(rc_offmap_lookup(&t.map, 3), 6);
  assert_int_equal(rc_offmap_lookup_end(&t.map, 5), 7);
  done(&t);

  /* One valid multi-byte sequence makes it UTF-8 with repairs instead. */
  t = decode(S("caf\xC3\xA9 \x93"), 0);
  assert_int_equal(t.encoding, RC_ENC_UTF8_REPAIRED);
  assert_text(&t, S("caf\xC3\xA9 " FFFD));
  assert_int_equal(t.repairs, 1);
  done(&t);
}

/* ---- invalid UTF-8
 * ------------------------------------------------------------------ */

/* "é" + bad: the é (a valid sequence) keeps the input from being read as
   Windows-1252, so bad bytes are repaired.  want follows the é. */
static void repairs_to(const char *bad, size_t n, const char *want,
                       size_t want_len, size_t repairs) {
  char in[64];
  memcpy(in, "\xC3\xA9", 2);
  memcpy(in + 2, bad, n);
  rc_text t = decode(in, n + 2, 0);
  assert_int_equal(t.encoding, RC_ENC_UTF8_REPAIRED);
  assert_int_equal(t.len, want_len + 2);
  assert_memory_equal(t.s, "\xC3\xA9", 2);
  assert_memory_equal(t.s + 2, want, want_len);
  assert_int_equal(t.repairs, repairs);
  done(&t);
}

static void test_maximal_subparts(void **state) {
  (void)state;
  /* F0 80 80: F0 needs 90..BF next, so F0 alone is a maximal subpart, and
     each 80 is one too: three U+FFFD. */
  repairs_to(S("\xF0\x80\x80"), S(FFFD FFFD FFFD), 3);
  /* Overlongs: C0 is never a lead byte; E0 needs A0..BF next. */
  repairs_to(S("\xC0\xAF"), S(FFFD FFFD), 2);
  repairs_to(S("\xE0\x80\xAF"), S(FFFD FFFD FFFD), 3);
  /* A surrogate in UTF-8: ED needs 80..9F next. */
  repairs_to(S("\xED\xA0\x80"), S(FFFD FFFD FFFD), 3);
  /* Above U+10FFFF: F4 needs 80..8F next. */
  repairs_to(S("\xF4\x90\x80\x80"), S(FFFD FFFD FFFD FFFD), 4);
  /* F5 and FF can begin nothing. */
  repairs_to(S("\xF5\x80"), S(FFFD FFFD), 2);
  repairs_to(S("\xFF"), S(FFFD), 1);
  /* Lone continuation bytes: one each. */
  repairs_to(S("\x80\xBF"), S(FFFD FFFD), 2);
  /* Truncated sequences are one maximal subpart: E1 80 at the end, E1 80
     before 'A', F1 80 80 at the end, E0 A0 and F4 8F BF at the end. */
  repairs_to(S("\xE1\x80"), S(FFFD), 1);
  repairs_to(S("\xE1\x80"
               "A"),
             S(FFFD "A"), 1);
  repairs_to(S("\xF1\x80\x80"), S(FFFD), 1);
  repairs_to(S("\xE0\xA0"), S(FFFD), 1);
  repairs_to(S("\xF4\x8F\xBF"), S(FFFD), 1);
  /* A lead byte before another lead byte: C2 then a valid é. */
  repairs_to(S("\xC2\xC3\xA9"), S(FFFD "\xC3\xA9"), 1);
  /* Unicode's Table 3-8:
       61 F1 80 80 E1 80 C2 62 80 63 80 BF 64
    -> 0061 FFFD 0062... exactly: a FFFD FFFD FFFD b FFFD c FFFD FFFD d */
  repairs_to(S("a\xF1\x80\x80\xE1\x80\xC2"
               "b\x80"
               "c\x80\xBF"
               "d"),
             S("a" FFFD FFFD FFFD "b" FFFD "c" FFFD FFFD "d"), 6);
}

static void test_repair_offsets(void **state) {
  (void)state;
  /* input:  C3 A9 | a | F1 80 80 | E1 80 | C2 | b
             0-1     2   3-5        6-7     8    9
     output: C3 A9 | a | FFFD     | FFFD  | FFFD | b
             0-1     2   3-5        6-8     9-11   12  */
  rc_text t = decode(S("\xC3\xA9"
                       "a\xF1\x80\x80\xE1\x80\xC2"
                       "b"),
                     0);
  assert_text(&t, S("\xC3\xA9"
                    "a" FFFD FFFD FFFD "b"));
  assert_int_equal(rc_offmap_lookup(&t.map, 2), 2);
  assert_int_equal(rc_offmap_lookup(&t.map, 3), 3);
  assert_int_equal(rc_offmap_lookup_end(&t.map, 6), 6);
  assert_int_equal(rc_offmap_lookup(&t.map, 6), 6);
  assert_int_equal(rc_offmap_lookup(&t.map, 7), 6);
  assert_int_equal(rc_offmap_lookup_end(&t.map, 9), 8);
  assert_int_equal(rc_offmap_lookup(&t.map, 9), 8);
  assert_int_equal(rc_offmap_lookup_end(&t.map, 12), 9);
  assert_int_equal(rc_offmap_lookup(&t.map, 12), 9);
  assert_int_equal(rc_offmap_lookup_end(&t.map, 13), 10);
  /* The é before the bad bytes. */
  assert_int_equal(rc_offmap_lookup(&t.map, 0), 0);
  assert_int_equal(rc_offmap_lookup_end(&t.map, 2), 2);
  done(&t);

  /* After a BOM:
     input:  EF BB BF | C3 A9 | FF | x
             0-2        3-4     5    6
     output: C3 A9 | FFFD | x
             0-1     2-4    5   */
  t = decode(S("\xEF\xBB\xBF\xC3\xA9\xFFx"), 0);
  assert_text(&t, S("\xC3\xA9" FFFD "x"));
  assert_int_equal(rc_offmap_lookup(&t.map, 0), 3);
  assert_int_equal(rc_offmap_lookup_end(&t.map, 2), 5);
  assert_int_equal(rc_offmap_lookup(&t.map, 2), 5);
  assert_int_equal(rc_offmap_lookup_end(&t.map, 5), 6);
  assert_int_equal(rc_offmap_lookup(&t.map, 5), 6);
  assert_int_equal(rc_offmap_lookup_end(&t.map, 6), 7);
  done(&t);
}

/* ---- strict mode
 * ------------------------------------------------------------------------ */

static void test_strict(void **state) {
  (void)state;
  rc_text t;
  /* a b C3 A9 FF c d: the bad byte is at 4. */
  assert_int_equal(rc_decode(A,
                             S("ab\xC3\xA9\xFF"
                               "cd"),
                             1, &t, err, sizeof err),
                   RECAP_ERR_BAD_ENCODING);
  assert_string_equal(err, "invalid UTF-8 at byte 4");
  /* Offsets count the BOM: EF BB BF a b FF -> byte 5. */
  assert_int_equal(rc_decode(A,
                             S("\xEF\xBB\xBF"
                               "ab\xFF"),
                             1, &t, err, sizeof err),
                   RECAP_ERR_BAD_ENCODING);
  assert_string_equal(err, "invalid UTF-8 at byte 5");
  /* Windows-1252 is not guessed in strict mode. */
  assert_int_equal(rc_decode(A, S("caf\xe9"), 1, &t, err, sizeof err),
                   RECAP_ERR_BAD_ENCODING);
  assert_string_equal(err, "invalid UTF-8 at byte 3");
  /* The first of several. */
  assert_int_equal(rc_decode(A, S("\xC0\xAF\xFF"), 1, &t, err, sizeof err),
                   RECAP_ERR_BAD_ENCODING);
  assert_string_equal(err, "invalid UTF-8 at byte 0");

  /* Valid text with a control or CRs is fine in strict mode. */
  t = decode(S("ok\r\nfine\0"), 1);
  assert_text(&t, S("ok\nfine "));
  done(&t);
}

/* ---- binary
 * ---------------------------------------------------------------------------------
 */

static void test_binary(void **state) {
  (void)state;
  rc_text t;
  /* 200 bytes of "\x01\x02\x03ab": 120 controls. */
  char buf[200];
  for (size_t i = 0; i < 200; i++)
    buf[i] = "\x01\x02\x03"
             "ab"[i % 5];
  assert_int_equal(rc_decode(A, buf, sizeof buf, 0, &t, err, sizeof err),
                   RECAP_ERR_BAD_ENCODING);
  assert_string_equal(err, "binary data, not text (120 control bytes)");

  /* 200 pseudo-random bytes (a fixed LCG, so the test is repeatable):
     about one byte in nine is a C0 control. */
  uint32_t x = 12345;
  for (size_t i = 0; i < 200; i++) {
    x = x * 1103515245u + 12345u;
    buf[i] = (char)(x >> 16);
  }
  /* Not a UTF-16 BOM by chance. */
  assert_false((unsigned char)buf[0] == 0xFF && (unsigned char)buf[1] == 0xFE);
  assert_false((unsigned char)buf[0] == 0xFE && (unsigned char)buf[1] == 0xFF);
  assert_int_equal(rc_decode(A, buf, sizeof buf, 0, &t, err, sizeof err),
                   RECAP_ERR_BAD_ENCODING);
  assert_memory_equal(err, "binary data", 11);

  /* The threshold is more than 2 controls and more than one in 64 bytes:
     3 NULs in 192 bytes (192 / 64 = 3) are text, in 191 bytes binary. */
  memset(buf, 'a', sizeof buf);
  buf[10] = buf[100] = buf[150] = '\0';
  t = decode(buf, 192, 0);
  assert_int_equal(t.len, 192);
  assert_int_equal(t.s[100], ' ');
  done(&t);
  assert_int_equal(rc_decode(A, buf, 191, 0, &t, err, sizeof err),
                   RECAP_ERR_BAD_ENCODING);
  assert_string_equal(err, "binary data, not text (3 control bytes)");
  /* Two stray NULs in a short text are tolerated. */
  t = decode(S("a\0b\0"), 0);
  assert_text(&t, S("a b "));
  done(&t);
}

/* The scan passes eight ASCII bytes at a time; a byte that needs
   attention must be seen at every position of such a word. */
static void test_scan_every_position(void **state) {
  (void)state;
  char buf[66];
  for (size_t k = 0; k < 64; k++) {
    /* 64 letters and an é (so bad bytes are repaired, not Windows-1252). */
    memset(buf, 'a', 64);
    memcpy(buf + 64, "\xC3\xA9", 2);
    static const unsigned char special[] = {0xFF, 0x80, 0x01, 0x1F,
                                            0x7F, 0x00, '\r'};
    for (size_t j = 0; j < sizeof special; j++) {
      buf[k] = (char)special[j];
      rc_text t = decode(buf, sizeof buf, 0);
      if (special[j] >= 0x80) { /* one U+FFFD in place of the byte */
        assert_int_equal(t.repairs, 1);
        assert_int_equal(t.len, 66 + 2);
        assert_memory_equal(t.s + k, FFFD, 3);
      } else { /* a space, or LF for the CR */
        assert_int_equal(t.len, 66);
        assert_int_equal(t.s[k], special[j] == '\r' ? '\n' : ' ');
      }
      done(&t);
    }
    /* The printable extremes, space and '~', need nothing. */
    buf[k] = ' ';
    buf[(k + 1) % 64] = '~';
    rc_text t = decode(buf, sizeof buf, 0);
    assert_ptr_equal(t.s, buf);
    done(&t);
  }
}

/* ---- allocation failure
 * -------------------------------------------------------------------- */

static void test_nomem(void **state) {
  (void)state;
  static const struct {
    const char *s;
    size_t n;
  } inputs[] = {
      {S("a\r\nb")},                 /* same-length copy */
      {S("a\0b \xC3\xA9\xFF")},      /* UTF-8 repair */
      {S("caf\xe9 \x93quoted\x94")}, /* Windows-1252 */
      {S("\xFF\xFE"
         "a\0b\0\x3D\xD8\x00\xDE")}, /* UTF-16 */
  };
  for (size_t i = 0; i < sizeof inputs / sizeof *inputs; i++) {
    /* Fail allocation k = 1, 2, ... until decoding succeeds. */
    for (size_t k = 1;; k++) {
      counting c;
      recap_allocator a = counting_allocator(&c, k, FAIL_FROM);
      rc_text t;
      recap_status st =
          rc_decode(&a, inputs[i].s, inputs[i].n, 0, &t, err, sizeof err);
      if (st == RECAP_OK) {
        rc_text_free(&a, &t);
        assert_int_equal(c.live, 0);
        break;
      }
      assert_int_equal(st, RECAP_ERR_NOMEM);
      assert_int_equal(c.live, 0);
      assert_true(k < 50);
    }
  }
}

int main(void) {
  A = rc_default_allocator();
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_utf8_primitives),
      cmocka_unit_test(test_clean_not_copied),
      cmocka_unit_test(test_bom_dropped),
      cmocka_unit_test(test_line_breaks_same_length),
      cmocka_unit_test(test_controls_to_space),
      cmocka_unit_test(test_utf16le_bom),
      cmocka_unit_test(test_utf16be_bom),
      cmocka_unit_test(test_utf16_sniffed),
      cmocka_unit_test(test_utf16_surrogates),
      cmocka_unit_test(test_utf16_odd_byte),
      cmocka_unit_test(test_cp1252),
      cmocka_unit_test(test_maximal_subparts),
      cmocka_unit_test(test_repair_offsets),
      cmocka_unit_test(test_strict),
      cmocka_unit_test(test_binary),
      cmocka_unit_test(test_scan_every_position),
      cmocka_unit_test(test_nomem),
  };
  return cmocka_run_group_tests_name("decode", tests, NULL, NULL);
}
