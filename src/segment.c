/*
 * segment.c - rule-based sentence boundary detection.
 *
 * A candidate boundary is a terminator (. ! ? … and the full stops and
 * question marks of other scripts; ':' in Armenian, ';' in Greek), with
 * any closing quotes or brackets after it.  A '.' does not end a sentence
 *   - inside a token (2.5, U.S.A., example.com): no space follows, unless
 *     the sentences are glued ("ready.The depot", "1,000.That"): a
 *     lower-case letter or digit before, a capitalised word after, no
 *     address or abbreviation around;
 *   - after an abbreviation from the language's list, by its kind:
 *     titles never; "No." not before a number; "etc." only before a
 *     capital; the others, and initials (J. R. R. Tolkien, Henry I.
 *     Walsh), only before a capitalised function word of the language or
 *     a title ("the U.S. Army" goes on, "the U.S. We" and "you and I. Did"
 *     end), and not after a text too short to stand alone ("At 5 a.m. Mr.
 *     Smith went"); abbreviations written with spaces ("z. B.") too;
 *   - after an ordinal number in a language that writes them with a
 *     period before capitals ("am 24. Dezember");
 *   - before a lower-case word in a text that uses capitals (an unknown
 *     abbreviation is likelier than a sentence starting in lower case).
 * Ellipses (..., . . ., …) end a sentence before a capital when they close
 * a word ("late... Everyone"), not when they stand between words as an
 * omission or a pause ("about . . . I forget"), never in brackets
 * ("[...]"); with a fourth period they end it like a period does.
 * List items start sentences: a marker ("1.", "1)", "1.)", "a.", "A)") at
 * a sentence's start does not end it, and the list's next marker starts
 * the next item even without a period ("1) check 2) book"), as does a
 * first marker after a colon; bullets (• ⁃ ▪ ...) start items anywhere
 * after a space, and "- " "* " or a marker at the start of a line inside
 * a paragraph.  CJK terminators end a sentence, except a full-width
 * decimal point (３．２９) and a quotation inside one (「はい。」と).
 * Blank lines end one.
 *
 * Spoken text needs two more rules: a turn with no punctuation at all
 * (auto-captions) is cut into units at cue boundaries where the speaker
 * pauses, and any sentence over RC_MAX_SENTENCE_WORDS is cut, so one
 * unpunctuated million-word line becomes many units instead of one.
 * Unpunctuated speech without times (a recogniser's text, a turn a line)
 * has no cues to cut at: its turns are cut at RC_UNIT_MAX_WORDS.
 *
 * Every decision looks at a bounded stretch around the candidate (a word
 * of up to WORD_BYTES or two each side, the first CONTENT_WORDS words of
 * the sentence within CONTENT_BYTES, an address up to ADDRESS_SCAN bytes),
 * so the scan stays linear.
 */
#include "segment.h"

#include <string.h>

#include "decode.h"

/* The list item a sentence opened with ("1.", "b)"): the marker that
   would start the next item, which must come within LIST_ITEM_BYTES. */
#define LIST_ITEM_BYTES 1000
typedef struct rc_list {
  char kind;     /* 0: none; 'n' number, 'a' / 'A' letter */
  char style;    /* '.', ')', or ':' for ".)" */
  unsigned next; /* the next number, or letter */
  size_t end;    /* where the marker ends */
  size_t until;  /* the next marker must end before this byte */
} rc_list;

typedef struct seg {
  const rc_source *src;
  const char *t; /* content */
  const rc_lang *lang;
  rc_norm *norm;
  rc_span_vec *out;
  int cased;        /* the text uses capital letters */
  int unpunctuated; /* captions without sentence punctuation */
  uint32_t cue;     /* cursor: cue holding the last emitted byte */
  rc_list list;     /* the list item the current sentence opened */
  recap_status st;
} seg;

/* ---- characters ---------------------------------------------------------- */

static unsigned cp_at(const char *t, size_t end, size_t i, size_t *len) {
  size_t k = rc_utf8_seqlen((const unsigned char *)t + i, end - i);
  if (k == 0)
    k = 1;
  *len = k;
  return rc_utf8_decode((const unsigned char *)t + i, k);
}

static int is_space_cp(unsigned c) {
  return c == ' ' || c == '\t' || c == '\n' ||
         (c >= 0x80 && (rc_char_class(c) & RC_CH_SPACE));
}

static int is_terminator(unsigned c) {
  switch (c) {
  case '.':
  case '!':
  case '?':
  case 0x2026: /* … */
  case 0x3002: /* 。 */
  case 0xFF01: /* ！ */
  case 0xFF1F: /* ？ */
  case 0xFF0E: /* ． */
  case 0xFF61: /* ｡ */
  case 0x203C: /* ‼ */
  case 0x2047:
  case 0x2048:
  case 0x2049:
  case 0x0964: /* Devanagari danda */
  case 0x0965:
  case 0x061F: /* Arabic question mark */
  case 0x06D4: /* Arabic full stop */
  case 0x037E: /* Greek question mark */
  case 0x0589: /* Armenian full stop (its question and exclamation marks
                  sit on a word inside the sentence) */
  case 0x1362: /* Ethiopic full stop */
  case 0x1367: /* Ethiopic question mark */
  case 0x104B: /* Myanmar section mark (full stop) */
    return 1;
  default:
    return 0;
  }
}

/* Terminators of scripts written without spaces end a sentence outright. */
static int is_cjk_terminator(unsigned c) {
  return c == 0x3002 || c == 0xFF01 || c == 0xFF1F || c == 0xFF0E ||
         c == 0xFF61;
}

static int is_closer(unsigned c) {
  switch (c) {
  case ')':
  case ']':
  case '}':
  case '"':
  case '\'':
  case 0x201D: /* ” */
  case 0x2019: /* ’ */
  case 0x00BB: /* » */
  case 0x203A: /* › */
  case 0x300D: /* 」 */
  case 0x300F: /* 』 */
  case 0xFF09: /* ） */
  case 0x3011: /* 】 */
  case 0x3009: /* 〉 */
  case 0x300B: /* 》 */
    return 1;
  default:
    return 0;
  }
}

int rc_sentence_terminator(unsigned c) { return is_terminator(c); }

int rc_sentence_end_char(unsigned c) {
  return is_terminator(c) || is_closer(c);
}

int rc_closing_mark(unsigned c) { return is_closer(c); }

static int is_opener(unsigned c) {
  return c == '(' || c == '[' || c == '"' || c == '\'' || c == 0x201C ||
         c == 0x2018 || c == 0x00AB || c == 0x300C || c == 0x300E ||
         c == 0xFF08 || c == 0x00BF /* ¿ */ || c == 0x00A1 /* ¡ */;
}

/* Statistics of the whole text (does it use capitals?  punctuation?) are
   taken over at most SAMPLE_WINDOWS windows of SAMPLE_BYTES spread evenly
   through it: a writing style does not change every megabyte, and a 1 GB
   input should not be read twice for them. */
#define SAMPLE_WINDOWS 16
#define SAMPLE_BYTES ((size_t)64 * 1024)

typedef struct window {
  size_t b, e;
} window;

/* The k-th sample window of a text of n bytes, starting on a character. */
static window sample_window(const char *t, size_t n, size_t k) {
  window w = {0, n};
  if (n <= SAMPLE_WINDOWS * SAMPLE_BYTES)
    return k == 0 ? w : (window){0, 0};
  w.b = (n - SAMPLE_BYTES) / (SAMPLE_WINDOWS - 1) * k;
  while (w.b < n && ((unsigned char)t[w.b] & 0xC0) == 0x80)
    w.b++;
  w.e = w.b + SAMPLE_BYTES < n ? w.b + SAMPLE_BYTES : n;
  return w;
}

/* ASCII letters: 2 for a letter, 3 for a capital; 4 for any byte that
   is not ASCII. */
#define A26(x, v)                                                              \
  [x] = v, [x + 1] = v, [x + 2] = v, [x + 3] = v, [x + 4] = v, [x + 5] = v,    \
  [x + 6] = v, [x + 7] = v, [x + 8] = v, [x + 9] = v, [x + 10] = v,            \
  [x + 11] = v, [x + 12] = v, [x + 13] = v, [x + 14] = v, [x + 15] = v,        \
  [x + 16] = v, [x + 17] = v, [x + 18] = v, [x + 19] = v, [x + 20] = v,        \
  [x + 21] = v, [x + 22] = v, [x + 23] = v, [x + 24] = v, [x + 25] = v
#define H16(x)                                                                 \
  [x] = 4, [x + 1] = 4, [x + 2] = 4, [x + 3] = 4, [x + 4] = 4, [x + 5] = 4,    \
  [x + 6] = 4, [x + 7] = 4, [x + 8] = 4, [x + 9] = 4, [x + 10] = 4,            \
  [x + 11] = 4, [x + 12] = 4, [x + 13] = 4, [x + 14] = 4, [x + 15] = 4
static const unsigned char ascii_case[256] = {
    A26('A', 3), A26('a', 2), H16(0x80), H16(0x90), H16(0xA0),
    H16(0xB0),   H16(0xC0),   H16(0xD0), H16(0xE0), H16(0xF0)};
#undef A26
#undef H16

/* The text uses capitals if at least 2% of its letters that have case
   are capitals.  Letters of every script count: a lower-case Russian or
   Greek caption is as uncased as an English one.  A text with no cased
   letters (Arabic, Han, Devanagari) counts as cased; there the next word
   is never NEXT_LOWER anyway. */
static int text_is_cased(const char *t, size_t n) {
  size_t upper = 0, letters = 0;
  for (size_t k = 0; k < SAMPLE_WINDOWS; k++) {
    window w = sample_window(t, n, k);
    for (size_t i = w.b; i < w.e;) {
      unsigned v = ascii_case[(unsigned char)t[i]];
      if (v < 4) {
        upper += v & 1;
        letters += v >> 1;
        i++;
        continue;
      }
      size_t len;
      unsigned cls = rc_char_class(cp_at(t, w.e, i, &len));
      upper += (cls & RC_CH_UPPER) != 0;
      letters += (cls & (RC_CH_UPPER | RC_CH_LOWER)) != 0;
      i += len;
    }
  }
  return letters == 0 || upper * 50 >= letters;
}

/* Untimed lines of speech count as unpunctuated below one terminator per
   this many words (rc_segment). */
#define UNTIMED_WORDS_PER_STOP 400

/* Text without sentence punctuation: fewer than one terminator per
   `per_stop` words. */
static int text_is_unpunctuated(const char *t, size_t n, size_t per_stop) {
  size_t words = 0, stops = 0;
  for (size_t k = 0; k < SAMPLE_WINDOWS; k++) {
    window w = sample_window(t, n, k);
    int in_word = 0;
    for (size_t i = w.b; i < w.e; i++) {
      char c = t[i];
      int sp = c == ' ' || c == '\n' || c == '\t';
      words += !sp && !in_word;
      in_word = !sp;
      stops += c == '.' || c == '!' || c == '?';
    }
  }
  return words >= 80 && stops * per_stop < words;
}

/* ---- output -------------------------------------------------------------- */

static uint32_t cue_of(seg *g, size_t pos) {
  const rc_cue *c = g->src->cues.data;
  size_t n = g->src->cues.len;
  while (g->cue + 1 < n && c[g->cue + 1].off <= pos)
    g->cue++;
  return g->cue;
}

static void push(seg *g, size_t b, size_t e) {
  while (b < e && (g->t[b] == ' ' || g->t[b] == '\n' || g->t[b] == '\t'))
    b++;
  while (e > b &&
         (g->t[e - 1] == ' ' || g->t[e - 1] == '\n' || g->t[e - 1] == '\t'))
    e--;
  if (b == e || g->st != RECAP_OK)
    return;
  rc_span s;
  s.off = b;
  s.len = e - b;
  s.cue_first = cue_of(g, b);
  s.cue_last = cue_of(g, e - 1);
  RC_PUSH(g->st, g->src->alloc, (*g->out), s);
}

/* Where a word starts at or after i within [i, e), and the number of
   words (runs of non-spaces) in [b, e). */
static size_t count_words(const char *t, size_t b, size_t e) {
  size_t words = 0;
  int in_word = 0;
  for (size_t i = b; i < e; i++) {
    char c = t[i];
    int sp = c == ' ' || c == '\n' || c == '\t';
    words += !sp && !in_word;
    in_word = !sp;
  }
  return words;
}

/* Byte where the (limit+1)-th word starts in [b, e), or e. */
static size_t word_start(const char *t, size_t b, size_t e, size_t limit) {
  size_t words = 0;
  int in_word = 0;
  for (size_t i = b; i < e; i++) {
    char c = t[i];
    int sp = c == ' ' || c == '\n' || c == '\t';
    if (!sp && !in_word && words++ == limit)
      return i;
    in_word = !sp;
  }
  return e;
}

/* Text written without spaces has no words to count: every this many
   bytes (about 200 CJK characters) counts as a full sentence. */
#define MAX_SENTENCE_BYTES 600

/* Cuts [b, e) into pieces of at most RC_MAX_SENTENCE_WORDS words,
   preferring to cut after a comma, semicolon, colon or dash in the second
   half of each piece. */
static int is_space_byte(char c);
static int is_word_cp(unsigned c);
static long find_word(seg *g, const rc_wordlist *list, const char *w, size_t n);

/* The most words a sentence may have: fewer in speech, where a turn runs
   on ("and ... so ... and then ...") and a shown sentence should stay
   readable. */
static size_t max_words(const seg *g) {
  /* Untimed unpunctuated speech: the unit captions get (push_units). */
  if (g->unpunctuated && !g->src->timed)
    return RC_UNIT_MAX_WORDS;
  return g->src->spoken ? RC_MAX_SPOKEN_WORDS : RC_MAX_SENTENCE_WORDS;
}

/* The word [*wb, *we) that ends at or before p (skipping spaces back),
   without the punctuation around it. */
static void word_ending(const char *t, size_t b, size_t p, size_t *wb,
                        size_t *we) {
  size_t e = p;
  while (e > b && is_space_byte(t[e - 1]))
    e--;
  size_t a = e;
  while (a > b && !is_space_byte(t[a - 1]))
    a--;
  while (e > a && (unsigned char)t[e - 1] < 0x80 &&
         !is_word_cp((unsigned char)t[e - 1]))
    e--;
  while (a < e && (unsigned char)t[a] < 0x80 &&
         !is_word_cp((unsigned char)t[a]))
    a++;
  *wb = a;
  *we = e;
}

/* The word at i (a word start), without trailing punctuation. */
static size_t word_here(const char *t, size_t i, size_t e) {
  size_t z = i;
  while (z < e && !is_space_byte(t[z]))
    z++;
  while (z > i && (unsigned char)t[z - 1] < 0x80 &&
         !is_word_cp((unsigned char)t[z - 1]))
    z--;
  return z;
}

/* Where to cut an over-long sentence [b, ...) at or before `limit` (a
   word start), in its second half: at the word start that best opens a
   clause -- after a comma, semicolon, colon or dash; in captions without
   punctuation but with capitals, before a capital (each recognised
   stretch of speech begins with one); before a word that opens a clause
   ("and", "but", "because": the language's openers); before one that
   links to what follows ("the", "of") -- and never after a linking word,
   which would leave the first piece cut off.  Ties go to the later
   place. */
static size_t clause_cut(seg *g, size_t b, size_t limit) {
  const char *t = g->t;
  size_t half = b + (limit - b) / 2, best = limit;
  int best_score = -2;
  for (size_t i = limit; i > half; i--) {
    if (!is_space_byte(t[i - 1]) || is_space_byte(t[i]))
      continue;
    size_t pb, pe,
        ne = word_here(t, i,
                       limit + 64 < g->src->len ? limit + 64 : g->src->len);
    word_ending(t, b, i, &pb, &pe);
    size_t q = i;
    while (q > b && is_space_byte(t[q - 1]))
      q--;
    char before = q > b ? t[q - 1] : ' ';
    int score = 0;
    if (before == ',' || before == ';' || before == ':' || before == '-')
      score = 4;
    else if (pe > pb && find_word(g, &g->lang->links, t + pb, pe - pb) >= 0)
      score = -1;
    else if (g->unpunctuated && g->cased && t[i] >= 'A' && t[i] <= 'Z' &&
             !(t[i] == 'I' && (ne == i + 1 || t[i + 1] == '\'')))
      score = 3;
    else if (ne > i && find_word(g, &g->lang->openers, t + i, ne - i) >= 0)
      score = 2;
    else if (ne > i && find_word(g, &g->lang->links, t + i, ne - i) >= 0)
      score = 1;
    if (score > best_score) {
      best_score = score;
      best = i;
    }
  }
  return best;
}

static void push_limited(seg *g, size_t b, size_t e) {
  /* A sentence of fewer than 2 x RC_MAX_SENTENCE_WORDS bytes cannot have
     too many words (each takes a byte and a space): no need to count. */
  if (e - b < 2 * max_words(g)) {
    push(g, b, e);
    return;
  }
  while (b < e) {
    /* No piece is longer than MAX_SENTENCE_BYTES x 4 bytes, so the words
       are counted no further: a run without spaces would otherwise be
       scanned to its end for every piece cut from it. */
    size_t look =
        e - b > MAX_SENTENCE_BYTES * 4 ? b + MAX_SENTENCE_BYTES * 4 + 1 : e;
    size_t cut = word_start(g->t, b, look, max_words(g));
    if (cut - b > MAX_SENTENCE_BYTES * 4 ||
        (cut == look && look - b > MAX_SENTENCE_BYTES * 4)) {
      /* One huge unspaced run: cut at a character boundary. */
      cut = b + MAX_SENTENCE_BYTES * 4;
      while (cut < e && ((unsigned char)g->t[cut] & 0xC0) == 0x80)
        cut++;
    }
    if (cut >= e) {
      push(g, b, e);
      return;
    }
    cut = clause_cut(g, b, cut);
    /* The piece ends before the comma it was cut at: "We looked at four
       sites" and "and we decided ...", not a sentence that ends in a comma
       (which would read as cut off). */
    size_t end = cut;
    while (end > b && is_space_byte(g->t[end - 1]))
      end--;
    if (end > b && strchr(",;:-", g->t[end - 1]))
      end--;
    push(g, b, end);
    b = cut;
  }
}

static double pause_before(const seg *g, uint32_t k) {
  const rc_cue *c = g->src->cues.data;
  if (k == 0 || c[k].start < 0 || c[k - 1].end < 0)
    return 0;
  return c[k].start - c[k - 1].end;
}

/* An unpunctuated sentence spanning several cues is cut at cue
   boundaries into units of speech. */
static void push_units(seg *g, size_t b, size_t e) {
  if (!g->unpunctuated) {
    push_limited(g, b, e);
    return;
  }
  uint32_t k = cue_of(g, b);
  const rc_cue *c = g->src->cues.data;
  size_t n = g->src->cues.len;
  size_t start = b;
  for (k = k + 1; k < n && c[k].off < e; k++) {
    size_t words = count_words(g->t, start, c[k].off);
    if (words >= RC_UNIT_MAX_WORDS ||
        (words >= RC_UNIT_MIN_WORDS && pause_before(g, k) >= RC_UNIT_PAUSE)) {
      push_limited(g, start, c[k].off);
      start = c[k].off;
    }
  }
  push_limited(g, start, e);
}

/* ---- words --------------------------------------------------------------- */

static int is_space_byte(char c) { return c == ' ' || c == '\n' || c == '\t'; }

/* Letters, digits and marks make words; so do U+00B0 (N°, the number
   sign of many languages) and U+00BA (Nº). */
static int is_word_cp(unsigned c) {
  if (c < 0x80)
    return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
  return c == 0xB0 ||
         (rc_char_class(c) & (RC_CH_LETTER | RC_CH_DIGIT | RC_CH_MARK));
}

/* The character before position q (not before from), and where it
   starts. */
static unsigned cp_before(const char *t, size_t from, size_t q, size_t *at) {
  size_t k = q - 1, len;
  while (k > from && ((unsigned char)t[k] & 0xC0) == 0x80)
    k--;
  *at = k;
  return cp_at(t, q, k, &len);
}

/* The start of the word ending just before p: letters, digits, inner
   periods and hyphens ("e.g", "U.S", "т.е", "c.-à-d", "Mr", "J", "N°"),
   not before `from`; p (no word) for one longer than WORD_BYTES, which can
   be no abbreviation and should not be read again at every period inside
   it. */
#define WORD_BYTES 64
static size_t word_before(const char *t, size_t from, size_t p) {
  size_t w = p;
  while (w > from) {
    if (p - w > WORD_BYTES)
      return p;
    size_t q;
    unsigned c = cp_before(t, from, w, &q);
    if (c == '.' || c == '-') {
      size_t r;
      unsigned d = q == from ? 0 : cp_before(t, from, q, &r);
      if (w == p || !(is_word_cp(d) || (c == '-' && d == '.')))
        break;
    } else if (!is_word_cp(c)) {
      break;
    }
    w = q;
  }
  return w;
}

/* The end of the word of letters (and marks) starting at i. */
static size_t letters_end(const char *t, size_t i, size_t e) {
  while (i < e) {
    size_t len;
    unsigned c = cp_at(t, e, i, &len);
    if (c < 0x80 ? !((c | 0x20) >= 'a' && (c | 0x20) <= 'z')
                 : !(rc_char_class(c) & (RC_CH_LETTER | RC_CH_MARK)))
      break;
    i += len;
  }
  return i;
}

/* Index of w[0, n) in list, matched as the lists store words (NFKC and
   case folded), or -1. */
static long find_word(seg *g, const rc_wordlist *list, const char *w,
                      size_t n) {
  char small[64];
  const char *key = w;
  size_t keylen = n;
  int ascii = 1;
  if (list->count == 0 || n == 0)
    return -1;
  for (size_t i = 0; i < n; i++)
    ascii &= (unsigned char)w[i] < 0x80;
  if (ascii && n <= sizeof small) {
    for (size_t i = 0; i < n; i++)
      small[i] = (char)((w[i] >= 'A' && w[i] <= 'Z') ? w[i] + 32 : w[i]);
    key = small;
  } else if (rc_fold(g->norm, w, n, &key, &keylen) != RECAP_OK) {
    return -1;
  }
  return rc_wordlist_find(list, key, keylen);
}

/* Looks w[0, n) up in the abbreviations: its kind, or -1 if not listed;
   whether it is also a stopword goes to *stopword. */
static int abbrev_kind(seg *g, const char *w, size_t n, int *stopword) {
  long i = find_word(g, &g->lang->abbrevs, w, n);
  *stopword = 0;
  if (i < 0)
    return -1;
  int kind = g->lang->abbrev_kinds[i];
  *stopword =
      kind == RC_ABBR_NUMBER && find_word(g, &g->lang->stopwords, w, n) >= 0;
  return kind;
}

/* Abbreviations written with spaces ("z. B.", "d. h.", "e. g."): the
   single letters with periods before the one ending at p (w its start)
   and after it, joined as the list spells them ("z.b").  Returns the kind,
   or -1; *first says whether p is not the last period of it. */
static int spaced_abbrev(seg *g, size_t from, size_t w, size_t p, size_t e,
                         int *first) {
  const char *t = g->t;
  size_t b = w, last = p; /* first letter, last period */
  /* Back: "x. " before w, while each part is one ASCII letter. */
  while (b >= from + 3 && t[b - 1] == ' ' && t[b - 2] == '.' &&
         ((t[b - 3] | 0x20) >= 'a' && (t[b - 3] | 0x20) <= 'z') &&
         (b - 3 == from || !is_word_cp((unsigned char)t[b - 4])) && p - b < 12)
    b -= 3;
  /* Forward: " x." after p. */
  while (last + 3 < e && t[last + 1] == ' ' &&
         ((t[last + 2] | 0x20) >= 'a' && (t[last + 2] | 0x20) <= 'z') &&
         t[last + 3] == '.' && last - b < 12)
    last += 3;
  *first = last != p;
  if (b == w && last == p)
    return -1;
  char key[16];
  size_t n = 0;
  for (size_t i = b; i < last && n < sizeof key; i++)
    if (t[i] != ' ')
      key[n++] = t[i];
  int stopword;
  return abbrev_kind(g, key, n, &stopword);
}

typedef enum next_kind {
  NEXT_END,
  NEXT_UPPER,
  NEXT_LOWER,
  NEXT_DIGIT,
  NEXT_OTHER
} next_kind;

/* Where the next word starts after i (skipping spaces and opening quotes
   or brackets), or e. */
static size_t next_word_at(const char *t, size_t i, size_t e) {
  while (i < e) {
    size_t len;
    unsigned c = cp_at(t, e, i, &len);
    if (!is_space_cp(c) && !is_opener(c))
      return i;
    i += len;
  }
  return e;
}

static next_kind next_word(const char *t, size_t i, size_t e) {
  i = next_word_at(t, i, e);
  if (i >= e)
    return NEXT_END;
  size_t len;
  unsigned cls = rc_char_class(cp_at(t, e, i, &len));
  if (cls & RC_CH_UPPER)
    return NEXT_UPPER;
  if (cls & RC_CH_LOWER)
    return NEXT_LOWER;
  if (cls & RC_CH_DIGIT)
    return NEXT_DIGIT;
  return NEXT_OTHER;
}

static int single_capital(const char *t, size_t w, size_t p) {
  if (p - w == 1)
    return t[w] >= 'A' && t[w] <= 'Z';
  size_t len;
  unsigned c = cp_at(t, p, w, &len);
  return w + len == p && (rc_char_class(c) & RC_CH_UPPER);
}

static int all_digits(const char *t, size_t w, size_t p) {
  if (w == p)
    return 0;
  for (size_t i = w; i < p; i++)
    if (t[i] < '0' || t[i] > '9')
      return 0;
  return 1;
}

/* Can [from, to), which an abbreviation follows, be a sentence of its
   own?  Not if it has fewer than three words and none of them is a
   content word (not a stopword, an abbreviation or a number): "At 5"
   a.m. Mr. Smith went.  Only the first CONTENT_WORDS words are looked
   at. */
#define CONTENT_WORDS 3
#define CONTENT_BYTES 256
static int has_content(seg *g, size_t from, size_t to) {
  const char *t = g->t;
  size_t i = from, words = 0;
  if (to - from > CONTENT_BYTES)
    return 1;
  while (i < to) {
    while (i < to && is_space_byte(t[i]))
      i++;
    size_t a = i;
    while (i < to && !is_space_byte(t[i]))
      i++;
    if (a == i)
      break;
    if (++words >= CONTENT_WORDS)
      return 1;
    /* The word inside its punctuation: "(At", "a.m.," */
    size_t b = a, z = i;
    while (b < z && (unsigned char)t[b] < 0x80 &&
           !is_word_cp((unsigned char)t[b]))
      b++;
    while (z > b && (unsigned char)t[z - 1] < 0x80 &&
           !is_word_cp((unsigned char)t[z - 1]))
      z--;
    int letter = 0;
    for (size_t k = b; k < z && !letter; k++)
      letter = (unsigned char)t[k] >= 0x80 ||
               ((t[k] | 0x20) >= 'a' && (t[k] | 0x20) <= 'z');
    if (!letter)
      continue; /* a number or a symbol */
    if (find_word(g, &g->lang->stopwords, t + b, z - b) >= 0 ||
        find_word(g, &g->lang->abbrevs, t + b, z - b) >= 0)
      continue;
    return 1;
  }
  return 0;
}

/* After an abbreviation or an initial that ends at p, does the capitalised
   word after j start a new sentence?  It does when it is a function word
   of the language ("The", "We", "Did") or a title ("Mr."): "in the U.S.
   We stayed", "you and I. Did you", "at 6 P.M. Mr. Smith left"; a name
   continues the sentence ("the U.S. Army", "Henry I. Walsh"), and so does
   anything after a text without a content word ("At 5 a.m. Mr. Smith").
   Without stopwords (the language-neutral mode) an abbreviation ends a
   sentence before any capital and an initial never does. */
static int starts_sentence(seg *g, size_t from, size_t w, size_t j, size_t e,
                           int initial) {
  const char *t = g->t;
  if (g->lang->stopwords.count == 0)
    return !initial;
  size_t a = next_word_at(t, j, e);
  size_t b = letters_end(t, a, e);
  if (b == a)
    return 1;
  int starter;
  size_t len;
  cp_at(t, e, a, &len);
  if (b == a + len && b < e && t[b] == '.')
    starter = 0; /* another initial: "J. R. R. Tolkien" */
  else
    starter = find_word(g, &g->lang->stopwords, t + a, b - a) >= 0;
  if (!starter && b < e && t[b] == '.') {
    int stopword;
    starter = abbrev_kind(g, t + a, b - a, &stopword) == RC_ABBR_ALWAYS;
  }
  return starter && has_content(g, from, w);
}

/* Ordinal numbers are written with a period before capitalised words in
   some languages ("am 24. Dezember"): up to three digits, and not a count
   after a number abbreviation ("Nr. 3. Danach"). */
static int ordinal(seg *g, size_t from, size_t w, size_t p) {
  if (!(g->lang->flags & RC_LANG_ORDINAL) || p - w > 3)
    return 0;
  size_t q = w;
  while (q > from && is_space_byte(g->t[q - 1]))
    q--;
  if (q == w || q == from || g->t[q - 1] != '.')
    return 1;
  size_t a = word_before(g->t, from, q - 1);
  int stopword;
  return abbrev_kind(g, g->t + a, q - 1 - a, &stopword) != RC_ABBR_NUMBER;
}

static int parse_marker(const char *t, size_t i, size_t e, rc_list *m);

/* Does the single '.' at p (followed by a space; j after it and any
   closers) end the sentence that began at from? */
static int period_ends(seg *g, size_t from, size_t p, size_t j, size_t e,
                       next_kind next) {
  const char *t = g->t;
  rc_list m;
  if (next == NEXT_END)
    return 1;
  if (next == NEXT_LOWER && parse_marker(t, next_word_at(t, j, e), e, &m) &&
      m.kind == 'a' && m.next == 'b')
    return 1; /* "... the room. a. Call the supplier b. ..." */
  size_t w = word_before(t, from, p);
  if (w == p)
    return next != NEXT_LOWER || !g->cased;
  int stopword, first;
  int kind = abbrev_kind(g, t + w, p - w, &stopword);
  if (kind < 0) { /* "Dipl.-Ing.": the part after the last hyphen */
    size_t h = p;
    while (h > w && t[h - 1] != '-')
      h--;
    if (h > w && h < p && abbrev_kind(g, t + h, p - h, &stopword) >= 0) {
      w = h;
      kind = abbrev_kind(g, t + w, p - w, &stopword);
    }
  }
  /* "No. 3" is an abbreviation; "I said no. 3 people left" is a word
     that ends a sentence: a number abbreviation that is also an ordinary
     word counts only when capitalised. */
  if (kind == RC_ABBR_NUMBER && stopword && !(t[w] >= 'A' && t[w] <= 'Z'))
    kind = -1;
  if (kind < 0 && p - w == 1) {
    kind = spaced_abbrev(g, from, w, p, e, &first);
    if (kind >= 0 && first)
      return 0; /* the "z." of "z. B." */
  }
  switch (kind) {
  case RC_ABBR_ALWAYS:
    return 0;
  case RC_ABBR_NUMBER:
    return next != NEXT_DIGIT && next != NEXT_LOWER;
  case RC_ABBR_UPPER_ENDS:
    return next == NEXT_UPPER && starts_sentence(g, from, w, j, e, 0);
  case RC_ABBR_END:
    return next == NEXT_UPPER;
  default:
    break;
  }
  if (single_capital(t, w, p) && next == NEXT_UPPER)
    return starts_sentence(g, from, w, j, e, 1); /* an initial, or "I." */
  if (all_digits(t, w, p) && next == NEXT_UPPER && ordinal(g, from, w, p))
    return starts_sentence(g, from, w, j, e, 0);
  return next != NEXT_LOWER || !g->cased;
}

/* A '.', '!' or '?' with no space after it ends a sentence when a
   capitalised word follows at once and a lower-case letter or a digit
   precedes it: "Hello world.Today is", "bought 1,000.That is", "ready?Yes".
   Not in addresses (Jane.Doe@example.com, a/b.Html, www.Example.Org: a
   '@', '/' or another period in the token, but for one inside a number:
   "kræver 2.000.Det"), not after an abbreviation (Mr.Smith), not in an
   uncased text. */
#define ADDRESS_SCAN 128
static int glued_ends(seg *g, size_t b, size_t p, size_t j, size_t e) {
  const char *t = g->t;
  if (!g->cased || p == b || j >= e)
    return 0;
  size_t len;
  unsigned before = (unsigned char)t[p - 1];
  if (before >= 0x80) {
    size_t q = p - 1;
    while (q > b && ((unsigned char)t[q] & 0xC0) == 0x80)
      q--;
    before = cp_at(t, p, q, &len);
  }
  unsigned bc = rc_char_class(before);
  if (!(bc & (RC_CH_LOWER | RC_CH_DIGIT)))
    return 0;
  unsigned c1 = cp_at(t, e, j, &len);
  if (!(rc_char_class(c1) & RC_CH_UPPER) || j + len >= e)
    return 0;
  size_t l2;
  if (!(rc_char_class(cp_at(t, e, j + len, &l2)) & RC_CH_LOWER))
    return 0;
  for (size_t k = p; k > b && p - k < ADDRESS_SCAN && !is_space_byte(t[k - 1]);
       k--)
    if (t[k - 1] == '@' || t[k - 1] == '/' ||
        (t[k - 1] == '.' && !(t[k] >= '0' && t[k] <= '9')))
      return 0; /* but 2.000.Det: a number */
  for (size_t k = j; k < e && k - j < ADDRESS_SCAN && !is_space_byte(t[k]); k++)
    if (t[k] == '@' || t[k] == '/' ||
        (t[k] == '.' && k + 1 < e && is_word_cp((unsigned char)t[k + 1])))
      return 0; /* more of an address or a name: www.Example.org */
  if (t[p] == '.') {
    size_t w = word_before(t, b, p);
    int stopword;
    if (w < p && abbrev_kind(g, t + w, p - w, &stopword) >= 0)
      return 0;
  }
  return 1;
}

/* ---- lists --------------------------------------------------------------- */

/* Marks that start a list item wherever they stand after a space. */
static int is_bullet(unsigned c) {
  switch (c) {
  case 0x2022: /* • */
  case 0x2023: /* ‣ */
  case 0x2043: /* ⁃ */
  case 0x2219: /* ∙ */
  case 0x25AA: /* ▪ */
  case 0x25AB: /* ▫ */
  case 0x25A0: /* ■ */
  case 0x25A1: /* □ */
  case 0x25B8: /* ▸ */
  case 0x25BA: /* ► */
  case 0x25CB: /* ○ */
  case 0x25CF: /* ● */
  case 0x25E6: /* ◦ */
  case 0x2610: /* ☐ */
  case 0x2611: /* ☑ */
  case 0x2612: /* ☒ */
  case 0x2713: /* ✓ */
  case 0x2714: /* ✔ */
  case 0x2794: /* ➔ */
  case 0x27A2: /* ➢ */
    return 1;
  default:
    return 0;
  }
}

/* Marks that start a list item only at the start of a line, followed by a
   space: - * + – —.  Inside a line they are dashes ("so - um - we"). */
static size_t line_bullet(const char *t, size_t i, size_t e) {
  size_t len;
  if (i >= e)
    return 0;
  unsigned c = cp_at(t, e, i, &len);
  if (is_bullet(c))
    return len;
  if ((c == '-' || c == '*' || c == '+' || c == 0x2013 || c == 0x2014) &&
      i + len < e && (t[i + len] == ' ' || t[i + len] == '\t'))
    return len;
  return 0;
}

/* A list item's marker: "1." "1)" "1.)" "a." "a)" "A)", up to two digits,
   followed by a space and more text.  ("A." is an initial.) */
static int parse_marker(const char *t, size_t i, size_t e, rc_list *m) {
  /* Most sentences and lines start otherwise: a quick no first. */
  if (i + 2 >= e || (t[i + 1] != '.' && t[i + 1] != ')' && t[i + 2] != '.' &&
                     t[i + 2] != ')'))
    return 0;
  size_t k = i;
  unsigned v = 0;
  char kind;
  if (k < e && t[k] >= '0' && t[k] <= '9') {
    while (k < e && t[k] >= '0' && t[k] <= '9' && k - i < 3)
      v = v * 10 + (unsigned)(t[k++] - '0');
    if (k - i > 2)
      return 0;
    kind = 'n';
  } else if (k < e && t[k] >= 'a' && t[k] <= 'z') {
    v = (unsigned)t[k++];
    kind = 'a';
  } else if (k < e && t[k] >= 'A' && t[k] <= 'Z') {
    v = (unsigned)t[k++];
    kind = 'A';
  } else {
    return 0;
  }
  char style;
  if (k + 1 < e && t[k] == '.' && t[k + 1] == ')') {
    style = ':';
    k += 2;
  } else if (k < e && (t[k] == '.' || t[k] == ')')) {
    style = t[k++];
  } else {
    return 0;
  }
  if (kind == 'A' && style == '.')
    return 0;
  if (k + 1 >= e || (t[k] != ' ' && t[k] != '\t') || is_space_byte(t[k + 1]))
    return 0;
  m->next = v + 1;
  m->kind = kind;
  m->style = style;
  m->end = k;
  return 1;
}

/* A sentence starts at i: skips a bullet and notes a list marker, whose
   period must not end the sentence.  Returns where to scan on from. */
static size_t open_sentence(seg *g, size_t i, size_t e) {
  const char *t = g->t;
  g->list.kind = 0;
  while (i < e && is_space_byte(t[i]))
    i++;
  size_t k = i, len;
  if (k < e && (unsigned char)t[k] >= 0xE2 && is_bullet(cp_at(t, e, k, &len))) {
    k += len;
    while (k < e && (t[k] == ' ' || t[k] == '\t'))
      k++;
  }
  rc_list m;
  if (parse_marker(t, k, e, &m)) {
    m.until = m.end + LIST_ITEM_BYTES;
    g->list = m;
    return m.end;
  }
  return i;
}

/* Where a list marker that ends just before p would start: up to two
   ASCII letters or digits back, not before b. */
static size_t marker_start(const char *t, size_t b, size_t p) {
  size_t w = p;
  while (w > b && p - w < 2 &&
         ((t[w - 1] >= '0' && t[w - 1] <= '9') ||
          ((t[w - 1] | 0x20) >= 'a' && (t[w - 1] | 0x20) <= 'z')))
    w--;
  return w;
}

/* Does a list item start at w, after a space, in the sentence that began
   at b: the next item of the open list, or a first one ("1)", "a.") after
   a colon ("in order: 1) check the budget 2) book the room")? */
static int next_marker(const seg *g, size_t b, size_t w, size_t e) {
  const rc_list *l = &g->list;
  const char *t = g->t;
  rc_list m;
  if (w <= b || !is_space_byte(t[w - 1]) || !parse_marker(t, w, e, &m))
    return 0;
  if (l->kind)
    return w < l->until && m.kind == l->kind && m.style == l->style &&
           m.next == l->next + 1;
  size_t q = w;
  while (q > b && is_space_byte(t[q - 1]))
    q--;
  return q > b && t[q - 1] == ':' &&
         m.next == (m.kind == 'n' ? 2u : (unsigned)(m.kind == 'a' ? 'b' : 'B'));
}

/* Bytes where a sentence may end: ASCII terminators, line breaks, the
   ')' of list markers, ':' and ';' (full stops in Armenian, question
   marks in Greek), and every byte of a non-ASCII character (its
   terminators and bullets are looked up). */
static const unsigned char may_end[256] = {
    ['.'] = 1, ['!'] = 1, ['?'] = 1, ['\n'] = 1, [')'] = 1,
    [':'] = 1, [';'] = 1,
#define R16(x)                                                                 \
  [x] = 1, [x + 1] = 1, [x + 2] = 1, [x + 3] = 1, [x + 4] = 1, [x + 5] = 1,    \
  [x + 6] = 1, [x + 7] = 1, [x + 8] = 1, [x + 9] = 1, [x + 10] = 1,            \
  [x + 11] = 1, [x + 12] = 1, [x + 13] = 1, [x + 14] = 1, [x + 15] = 1
    R16(0x80), R16(0x90), R16(0xA0), R16(0xB0),  R16(0xC0),
    R16(0xD0), R16(0xE0), R16(0xF0)
#undef R16
};

static int is_digit_cp(unsigned c) {
  return (c >= '0' && c <= '9') || (c >= 0xFF10 && c <= 0xFF19);
}

static int is_kana_hiragana(unsigned c) { return c >= 0x3041 && c <= 0x309F; }

/* Ends the sentence [*start, cut) and opens the next at `next`; returns
   where to scan on. */
static size_t cut(seg *g, size_t *start, size_t at, size_t next, size_t e) {
  push_units(g, *start, at);
  *start = next;
  return open_sentence(g, next, e);
}

/* Scans one turn [b, e) for sentence boundaries. */
static void split_turn(seg *g, size_t b, size_t e) {
  const char *t = g->t;
  size_t start = b;
  size_t i = open_sentence(g, b, e);
  int colon = (g->lang->flags & RC_LANG_COLON_STOP) != 0;
  int semicolon = (g->lang->flags & RC_LANG_SEMICOLON_STOP) != 0;
  while (i < e && g->st == RECAP_OK) {
    while (i < e && !may_end[(unsigned char)t[i]])
      i++;
    if (i >= e)
      break;
    size_t len;
    unsigned c = cp_at(t, e, i, &len);
    if (c == '\n') {
      /* A blank line ends a sentence; so does a line that starts with a
         bullet or a list marker; a single line break is a space. */
      size_t j = i + 1;
      while (j < e && (t[j] == ' ' || t[j] == '\t'))
        j++;
      rc_list m;
      if (j < e && t[j] == '\n') {
        i = cut(g, &start, i, j, e);
      } else if (j < e && j > start &&
                 (line_bullet(t, j, e) || parse_marker(t, j, e, &m))) {
        i = cut(g, &start, i, j, e);
      } else {
        i = j;
      }
      continue;
    }
    if (c == ')' || c == '.') {
      /* "1) Check the budget 2) Book the room": the next item begins. */
      size_t w = marker_start(t, start, i);
      if (next_marker(g, start, w, e)) {
        i = cut(g, &start, w, w, e);
        continue;
      }
      if (c == ')') {
        i++;
        continue;
      }
    }
    if ((c == ':' && !colon) || (c == ';' && !semicolon)) {
      i++;
      continue;
    }
    if (c >= 0x80 && is_bullet(c)) {
      /* A bullet after a space starts an item: "Agenda: • budget • depot" */
      if (i > start && is_space_byte(t[i - 1]))
        i = cut(g, &start, i, i, e);
      else
        i += len;
      continue;
    }
    if (c != ':' && c != ';' && !is_terminator(c)) {
      i += len;
      continue;
    }
    /* The whole run of terminators ("?!", "...", ". . .", "。") and
       closers. */
    size_t p = i, j = i + len;
    int dots = c == '.', other = c != '.', ells = c == 0x2026;
    int ellipsis = ells, cjk = is_cjk_terminator(c);
    unsigned last = c;
    while (j < e) {
      unsigned d = cp_at(t, e, j, &len);
      if (d == ' ' && last == '.' && j + 1 < e && t[j + 1] == '.' &&
          (dots >= 2 || (j + 3 < e && t[j + 2] == ' ' && t[j + 3] == '.'))) {
        j++; /* ". . ." */
        continue;
      }
      if (!is_terminator(d))
        break;
      dots += d == '.';
      other += d != '.';
      ells += d == 0x2026;
      ellipsis |= d == 0x2026;
      cjk |= is_cjk_terminator(d);
      last = d;
      j += len;
    }
    size_t run_end = j;
    unsigned closer = 0;
    while (j < e) {
      unsigned d = cp_at(t, e, j, &len);
      if (!is_closer(d))
        break;
      closer = d;
      j += len;
    }
    /* An ellipsis: periods only (". . ." too), or with U+2026; "full"
       when it carries the sentence's own period as well ("that....",
       ". . . .", "end…."). */
    int dotted = dots >= 2 && other == 0;
    int full = dotted ? dots >= 4 : ellipsis && (dots >= 1 || other > ells);
    ellipsis |= dotted;
    int ends;
    if (cjk) {
      ends = 1;
      /* A full-width decimal point: ３．２９ */
      if (c == 0xFF0E && run_end == p + 3 && j == run_end && p > b && j < e) {
        size_t q = p - 1, l2;
        while (q > b && ((unsigned char)t[q] & 0xC0) == 0x80)
          q--;
        if (is_digit_cp(cp_at(t, p, q, &l2)) &&
            is_digit_cp(cp_at(t, e, j, &l2)))
          ends = 0;
      }
      /* A quotation inside a sentence: 「はい。」と言った */
      if ((closer == 0x300D || closer == 0x300F) && j < e &&
          is_kana_hiragana(cp_at(t, e, j, &len)))
        ends = 0;
    } else if (ellipsis && p > b && (t[p - 1] == '[' || t[p - 1] == '(') &&
               run_end < e && (t[run_end] == ']' || t[run_end] == ')')) {
      ends = 0; /* an omission: "[...]" */
    } else if (j < e && !is_space_cp(cp_at(t, e, j, &len))) {
      /* inside a token (2.5, U.S.A., example.com) unless glued sentences */
      ends = !ellipsis && dots <= 1 && c != ':' && c != ';' &&
             glued_ends(g, start, p, j, e);
    } else {
      next_kind next = next_word(t, j, e);
      if (ellipsis && full)
        ends = next != NEXT_LOWER || !g->cased; /* "that.... She left" */
      else if (ellipsis && p > b && is_space_byte(t[p - 1]))
        ends = next == NEXT_END; /* "we talked about . . . I forget" */
      else if (ellipsis)
        ends = next == NEXT_END || next == NEXT_UPPER;
      else if (dots == 1 && other == 0)
        ends = period_ends(g, start, p, j, e, next);
      else
        ends = next != NEXT_LOWER || !g->cased;
    }
    if (ends)
      i = cut(g, &start, j, j, e);
    else
      i = j;
  }
  push_units(g, start, e);
}

static int joins_previous(const seg *g, uint32_t k) {
  const rc_cue *c = g->src->cues.data;
  if (k == 0 || (c[k].flags & RC_CUE_BREAK) || c[k].speaker != c[k - 1].speaker)
    return 0;
  /* In unpunctuated captions a long silence is the best boundary there is. */
  return !(g->unpunctuated && pause_before(g, k) >= 1.5);
}

recap_status rc_segment(const rc_source *src, const rc_lang *lang,
                        rc_norm *norm, rc_span_vec *out) {
  seg g;
  memset(&g, 0, sizeof g);
  g.src = src;
  g.t = src->text;
  g.lang = lang;
  g.norm = norm;
  g.out = out;
  g.cased = text_is_cased(src->text, src->len);
  /* Speech, not prose: captions, transcripts, lines of utterances.
     Captions are unpunctuated below a stop per 40 words; untimed lines
     need far fewer, since prose in lines (an abstract, a title then a
     paragraph) can run 40 words a sentence, and a recogniser's text has
     about none (dev ASR meetings: at most one in a meeting). */
  g.unpunctuated =
      src->timed ? text_is_unpunctuated(src->text, src->len, 40)
                 : src->spoken && text_is_unpunctuated(src->text, src->len,
                                                       UNTIMED_WORDS_PER_STOP);
  g.st = RECAP_OK;
  const rc_cue *c = src->cues.data;
  size_t n = src->cues.len;
  for (size_t k = 0; k < n && g.st == RECAP_OK;) {
    size_t last = k;
    while (last + 1 < n && joins_previous(&g, (uint32_t)(last + 1)))
      last++;
    split_turn(&g, c[k].off, c[last].off + c[last].len);
    k = last + 1;
  }
  return g.st;
}
