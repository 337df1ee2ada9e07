/*
 * tokenize.c - word tokenizer (see tokenize.h for the rules).
 *
 * ASCII goes through a 128-entry class table; other characters through
 * rc_char_class() (Unicode general categories).  Tokens are spans of the
 * text; nothing is copied or allocated here.
 */
#include "tokenize.h"

#include <string.h>

#include "decode.h"
#include "normalize.h"

enum {
  A_SPACE = 1,
  A_LETTER = 2,
  A_DIGIT = 4,
  A_UPPER = 8,
  A_PUNCT = 16 /* anything else printable */
};

static const unsigned char ascii_class[128] = {
    ['\t'] = A_SPACE, ['\n'] = A_SPACE, [' '] = A_SPACE,  ['!'] = A_PUNCT,
    ['"'] = A_PUNCT,  ['#'] = A_PUNCT,  ['$'] = A_PUNCT,  ['%'] = A_PUNCT,
    ['&'] = A_PUNCT,  ['\''] = A_PUNCT, ['('] = A_PUNCT,  [')'] = A_PUNCT,
    ['*'] = A_PUNCT,  ['+'] = A_PUNCT,  [','] = A_PUNCT,  ['-'] = A_PUNCT,
    ['.'] = A_PUNCT,  ['/'] = A_PUNCT,  [':'] = A_PUNCT,  [';'] = A_PUNCT,
    ['<'] = A_PUNCT,  ['='] = A_PUNCT,  ['>'] = A_PUNCT,  ['?'] = A_PUNCT,
    ['@'] = A_PUNCT,  ['['] = A_PUNCT,  ['\\'] = A_PUNCT, [']'] = A_PUNCT,
    ['^'] = A_PUNCT,  ['`'] = A_PUNCT,  ['{'] = A_PUNCT,  ['|'] = A_PUNCT,
    ['}'] = A_PUNCT,  ['~'] = A_PUNCT,  ['_'] = A_LETTER, ['0'] = A_DIGIT,
    ['1'] = A_DIGIT,  ['2'] = A_DIGIT,  ['3'] = A_DIGIT,  ['4'] = A_DIGIT,
    ['5'] = A_DIGIT,  ['6'] = A_DIGIT,  ['7'] = A_DIGIT,  ['8'] = A_DIGIT,
    ['9'] = A_DIGIT,
#define U(c) [c] = A_LETTER | A_UPPER
#define L(c) [c] = A_LETTER
    U('A'),           U('B'),           U('C'),           U('D'),
    U('E'),           U('F'),           U('G'),           U('H'),
    U('I'),           U('J'),           U('K'),           U('L'),
    U('M'),           U('N'),           U('O'),           U('P'),
    U('Q'),           U('R'),           U('S'),           U('T'),
    U('U'),           U('V'),           U('W'),           U('X'),
    U('Y'),           U('Z'),           L('a'),           L('b'),
    L('c'),           L('d'),           L('e'),           L('f'),
    L('g'),           L('h'),           L('i'),           L('j'),
    L('k'),           L('l'),           L('m'),           L('n'),
    L('o'),           L('p'),           L('q'),           L('r'),
    L('s'),           L('t'),           L('u'),           L('v'),
    L('w'),           L('x'),           L('y'),           L('z'),
#undef U
#undef L
};

/* What the tokenizer needs to know of the character at i. */
typedef struct ch {
  unsigned cp;
  size_t len;
  int word; /* letter, mark, digit or joiner inside a word */
  int digit;
  int letter;
  int upper;
  int nospace;
  int space;
  int apostrophe;
  int hyphen;
  int mark;   /* combining mark */
  int format; /* Cf: joiners, soft hyphen, BOM; inside words only */
} ch;

static void char_at(const char *t, size_t end, size_t i, ch *c) {
  memset(c, 0, sizeof *c);
  unsigned char b = (unsigned char)t[i];
  if (b < 0x80) {
    unsigned k = ascii_class[b];
    c->cp = b;
    c->len = 1;
    c->letter = (k & A_LETTER) != 0;
    c->digit = (k & A_DIGIT) != 0;
    c->word = c->letter || c->digit;
    c->upper = (k & A_UPPER) != 0;
    c->space = (k & A_SPACE) != 0 || b == '\r' || b < 0x20;
    c->apostrophe = b == '\'';
    c->hyphen = b == '-';
    return;
  }
  size_t k = rc_utf8_seqlen((const unsigned char *)t + i, end - i);
  if (k == 0)
    k = 1;
  c->len = k;
  c->cp = rc_utf8_decode((const unsigned char *)t + i, k);
  unsigned cls = rc_char_class(c->cp);
  c->nospace = (cls & RC_CH_NOSPACE) != 0;
  c->letter = (cls & RC_CH_LETTER) != 0;
  c->digit = (cls & (RC_CH_DIGIT | RC_CH_NUMBER)) != 0;
  c->word = (cls & (RC_CH_LETTER | RC_CH_MARK | RC_CH_DIGIT | RC_CH_NUMBER |
                    RC_CH_FORMAT)) != 0;
  c->upper = (cls & RC_CH_UPPER) != 0;
  c->space = (cls & RC_CH_SPACE) != 0;
  c->apostrophe = (cls & RC_CH_APOSTROPHE) != 0;
  c->hyphen = (cls & RC_CH_HYPHEN) != 0;
  c->mark = (cls & RC_CH_MARK) != 0;
  c->format = (cls & RC_CH_FORMAT) != 0;
  if (c->cp == 0x200B) { /* ZERO WIDTH SPACE (Cf) marks a word boundary */
    c->space = 1;
    c->word = c->format = 0;
  }
}

void rc_tokenizer_init(rc_tokenizer *tz, const char *t, size_t b, size_t e,
                       const rc_lang *lang) {
  tz->t = t;
  tz->pos = b;
  tz->end = e;
  tz->lang = lang;
  tz->pending_elision = 0;
}

/* ---- URLs and e-mail addresses ------------------------------------------ */

static int url_char(unsigned char c) {
  return c > 0x20 && c != '<' && c != '>' && c != '"' && c != 0x7F;
}

/* Extends a URL from `from` to the next space, without trailing
   punctuation. */
static size_t url_end(const char *t, size_t from, size_t end) {
  size_t e = from;
  while (e < end && url_char((unsigned char)t[e]))
    e++;
  while (e > from && strchr(".,;:!?)]}'", t[e - 1]))
    e--;
  return e;
}

static int ascii_alnum(unsigned char c) {
  return c < 0x80 && (ascii_class[c] & (A_LETTER | A_DIGIT));
}

/* A domain: labels of [A-Za-z0-9-] joined by single dots, at least two;
   returns its end or 0. */
/* A domain name has at most 253 characters and an e-mail address's local
   part 64 (RFC 1035, RFC 5321): the probes below look no further, so that
   one long run of letters and periods ("e.g.Abe.g.Ab...") costs each of
   its tokens a bounded look, not a scan to its end. */
#define RC_MAX_DOMAIN 253
#define RC_MAX_LOCAL 64

static size_t domain_end(const char *t, size_t from, size_t end) {
  size_t i = from, labels = 0;
  if (end - from > RC_MAX_DOMAIN + 1)
    end = from + RC_MAX_DOMAIN + 1;
  for (;;) {
    size_t b = i;
    while (i < end && (ascii_alnum((unsigned char)t[i]) || t[i] == '-'))
      i++;
    if (i == b)
      return 0;
    labels++;
    if (i + 1 < end && t[i] == '.' && ascii_alnum((unsigned char)t[i + 1])) {
      i++;
      continue;
    }
    return labels >= 2 && i - from <= RC_MAX_DOMAIN ? i : 0;
  }
}

static int local_char(unsigned char c) {
  return ascii_alnum(c) || c == '.' || c == '_' || c == '%' || c == '+' ||
         c == '-';
}

/* An e-mail address starting at b (the token start), or 0. */
static size_t email_end(const char *t, size_t b, size_t end) {
  size_t i = b;
  while (i < end && i - b <= RC_MAX_LOCAL && local_char((unsigned char)t[i]))
    i++;
  if (i == b || i >= end || t[i] != '@' || t[i - 1] == '.')
    return 0;
  return domain_end(t, i + 1, end);
}

static const char *const tlds[] = {"ai",   "app", "biz", "cn", "co", "com",
                                   "de",   "dev", "edu", "eu", "fr", "gov",
                                   "info", "io",  "jp",  "lu", "me", "net",
                                   "org",  "ru",  "tv",  "uk", "us"};

/* "example.com" without a scheme: a word, a dot, a common top-level
   domain, and no letter after it. */
static size_t bare_domain_end(const char *t, size_t b, size_t i, size_t end) {
  if (i + 1 >= end || t[i] != '.')
    return 0;
  size_t e = domain_end(t, b, end);
  if (e == 0)
    return 0;
  size_t last = e;
  while (last > b && t[last - 1] != '.')
    last--;
  size_t n = e - last;
  char tld[8];
  if (n == 0 || n >= sizeof tld)
    return 0;
  for (size_t k = 0; k < n; k++)
    tld[k] = (char)(t[last + k] | 0x20);
  tld[n] = '\0';
  for (size_t k = 0; k < sizeof tlds / sizeof *tlds; k++)
    if (strcmp(tld, tlds[k]) == 0)
      return url_end(t, b, end) > e ? url_end(t, b, end) : e;
  return 0;
}

static int starts_with_ci(const char *t, size_t b, size_t e, const char *p) {
  size_t n = strlen(p);
  if (e - b < n)
    return 0;
  for (size_t i = 0; i < n; i++)
    if ((t[b + i] | 0x20) != p[i])
      return 0;
  return 1;
}

/* ---- words --------------------------------------------------------------- */

/* Does an apostrophe at i (after word characters from b) split off an
   elided article, like French l' or Italian dell'? */
static int is_elision(const rc_tokenizer *tz, size_t b, size_t i) {
  const rc_wordlist *el = &tz->lang->elisions;
  if (el->count == 0 || i - b > 8)
    return 0;
  char key[12];
  size_t n = 0;
  for (size_t k = b; k < i; k++) {
    unsigned char c = (unsigned char)tz->t[k];
    if (c >= 0x80)
      return 0;
    key[n++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
  }
  key[n++] = '\'';
  return rc_wordlist_find(el, key, n) >= 0;
}

static int letter_at(const char *t, size_t end, size_t i) {
  if (i >= end)
    return 0;
  ch c;
  char_at(t, end, i, &c);
  return c.letter;
}

/* Scans the word starting at b; returns its end. */
static size_t scan_word(rc_tokenizer *tz, size_t b, rc_tok *tok) {
  const char *t = tz->t;
  size_t end = tz->end, i = b;
  size_t segment = b; /* start of the current dot-separated segment */
  int letters = 0, uppers = 0, ascii = 1;
  /* What the last character of the word so far was. */
  int prev_word = 0, prev_letter = 0, prev_digit = 0;
  ch c, next;
  while (i < end) {
    unsigned char byte = (unsigned char)t[i];
    if (byte < 0x80) {
      /* ASCII letters and digits, the bulk of most text, in a tight loop. */
      unsigned k = ascii_class[byte];
      if (k & (A_LETTER | A_DIGIT)) {
        letters += (k & A_LETTER) != 0;
        uppers += (k & A_UPPER) != 0;
        prev_word = 1;
        prev_letter = (k & A_LETTER) != 0;
        prev_digit = (k & A_DIGIT) != 0;
        i++;
        continue;
      }
      /* Only an apostrophe, hyphen, period or comma can join words;
         anything else ASCII ends this one. */
      if (byte != '\'' && byte != '-' && byte != '.' && byte != ',')
        break;
    }
    char_at(t, end, i, &c);
    if (c.word && !c.nospace) {
      letters += c.letter;
      uppers += c.upper;
      ascii &= c.cp < 0x80;
      prev_word = 1;
      prev_letter = c.letter;
      prev_digit = c.digit;
      i += c.len;
      continue;
    }
    if (i + c.len >= end || !prev_word)
      break;
    char_at(t, end, i + c.len, &next);
    if (c.apostrophe && prev_letter && next.letter && !next.nospace) {
      if (is_elision(tz, b, i)) {
        /* The article keeps its apostrophe, which may be ’. */
        ascii &= c.cp < 0x80;
        tz->pending_elision = i + c.len;
        i += c.len;
        break;
      }
      ascii &= c.cp < 0x80;
      i += c.len;
      prev_word = prev_letter = prev_digit = 0;
      continue;
    }
    if (c.hyphen && next.word && !next.nospace) {
      ascii &= c.cp < 0x80;
      i += c.len;
      prev_word = prev_letter = prev_digit = 0;
      continue;
    }
    if (c.cp == '.' && next.digit) {
      i++;
      segment = i;
      prev_word = prev_letter = prev_digit = 0;
      continue;
    }
    if (c.cp == '.' && next.letter && i - segment == 1 && prev_letter &&
        !letter_at(t, end, i + 1 + next.len)) {
      i++; /* initialisms: U.S, e.g, a.m */
      segment = i;
      prev_word = prev_letter = prev_digit = 0;
      continue;
    }
    if (c.cp == ',' && prev_digit && next.digit) {
      size_t k = i + 1;
      while (k < end && k - i <= 4 && t[k] >= '0' && t[k] <= '9')
        k++;
      if (k - i == 4) { /* exactly three digits follow */
        i = k;
        prev_word = prev_digit = 1;
        prev_letter = 0;
        continue;
      }
    }
    break;
  }
  tok->flags |= ascii ? RC_TOK_ASCII : 0;
  if (uppers >= 2 && uppers == letters)
    tok->flags |= RC_TOK_ALLCAPS;
  tok->kind = letters ? RC_TOK_WORD : RC_TOK_NUMBER;
  return i;
}

/* After a word ending at i, is this really a URL or an e-mail address? */
static size_t special_end(rc_tokenizer *tz, size_t b, size_t i, rc_tok *tok) {
  const char *t = tz->t;
  size_t end = tz->end;
  if (i >= end)
    return 0;
  char c = t[i];
  if (c == ':' && i + 2 < end && t[i + 1] == '/' && t[i + 2] == '/' &&
      (starts_with_ci(t, b, i, "http") || starts_with_ci(t, b, i, "ftp"))) {
    tok->kind = RC_TOK_URL;
    return url_end(t, b, end);
  }
  if (c == '@' || c == '.' || c == '+' || c == '_' || c == '%') {
    size_t e = email_end(t, b, end);
    if (e) {
      tok->kind = RC_TOK_EMAIL;
      return e;
    }
  }
  if (c == '.' && i - b == 3 && starts_with_ci(t, b, i, "www")) {
    tok->kind = RC_TOK_URL;
    return url_end(t, b, end);
  }
  if (c == '.') {
    size_t e = bare_domain_end(t, b, i, end);
    if (e) {
      tok->kind = RC_TOK_URL;
      return e;
    }
  }
  return 0;
}

/* Scans the word starting at b (flags already set) and any URL or e-mail
   address it turns out to be. */
static int finish_word(rc_tokenizer *tz, size_t b, rc_tok *tok) {
  const char *t = tz->t;
  size_t e = scan_word(tz, b, tok);
  if (!tz->pending_elision) {
    size_t s = special_end(tz, b, e, tok);
    if (s > e) {
      /* A URL's path may hold any UTF-8: recheck the ASCII flag. */
      for (size_t k = e; k < s; k++)
        if ((unsigned char)t[k] >= 0x80)
          tok->flags &= ~(unsigned)RC_TOK_ASCII;
      e = s;
    }
  } else {
    e = tz->pending_elision; /* the article keeps its apostrophe */
  }
  tok->len = e - b;
  tz->pos = e;
  return 1;
}

/* One character of a script written without spaces, as the reader sees
   it: the letter with the combining marks after it (Thai vowel signs and
   tone marks, kana voicing). */
static int nospace_token(rc_tokenizer *tz, size_t b, size_t len, rc_tok *tok) {
  size_t e = b + len;
  while (e < tz->end) {
    ch m;
    char_at(tz->t, tz->end, e, &m);
    if (!m.mark)
      break;
    e += m.len;
  }
  tok->kind = RC_TOK_CJK;
  tok->len = e - b;
  tz->pos = e;
  return 1;
}

int rc_tokenizer_next(rc_tokenizer *tz, rc_tok *tok) {
  const char *t = tz->t;
  size_t end = tz->end;
  unsigned flags = 0;
  if (tz->pending_elision) {
    tz->pos = tz->pending_elision;
    tz->pending_elision = 0;
  }
  while (tz->pos < end) {
    size_t b = tz->pos;
    unsigned char byte = (unsigned char)t[b];
    if (byte < 0x80) {
      unsigned k = ascii_class[byte];
      if (k & (A_LETTER | A_DIGIT)) { /* an ASCII word starts */
        tok->off = b;
        tok->flags = flags | ((k & A_UPPER) ? RC_TOK_CAP : 0);
        return finish_word(tz, b, tok);
      }
      /* Spaces and punctuation between words. */
      flags |= (k & A_SPACE) || byte < 0x20 ? RC_TOK_SPACE : RC_TOK_GAP;
      tz->pos++;
      continue;
    }
    ch c;
    char_at(t, end, b, &c);
    if (c.space) {
      flags |= RC_TOK_SPACE;
      tz->pos += c.len;
      continue;
    }
    if (c.word && !c.format) {
      tok->off = b;
      tok->flags = flags | (c.upper ? RC_TOK_CAP : 0);
      if (c.nospace)
        return nospace_token(tz, b, c.len, tok);
      return finish_word(tz, b, tok);
    }
    /* A format character outside a word (a stray BOM, a joiner between
       spaces) is invisible: no token of its own, and not punctuation. */
    if (!c.format)
      flags |= RC_TOK_GAP;
    tz->pos += c.len;
  }
  return 0;
}

/* Walks the words of t[0..n) until `limit` of them have been seen;
 *end gets where the last one seen ends.  Returns how many were seen. */
static size_t walk_words(const char *t, size_t n, const rc_lang *lang,
                         size_t limit, size_t *end) {
  rc_tokenizer tz;
  rc_tok tok;
  rc_tok_kind prev = RC_TOK_WORD;
  size_t words = 0;
  *end = 0;
  rc_tokenizer_init(&tz, t, 0, n, lang);
  while (rc_tokenizer_next(&tz, &tok)) {
    if (rc_tok_new_word(&tok, prev, words == 0)) {
      if (words == limit)
        break;
      words++;
    }
    prev = tok.kind;
    *end = tok.off + tok.len;
  }
  return words;
}

size_t rc_count_words(const char *t, size_t n, const rc_lang *lang) {
  size_t end;
  return walk_words(t, n, lang, (size_t)-1, &end);
}

size_t rc_words_end(const char *t, size_t n, const rc_lang *lang,
                    size_t words) {
  size_t end;
  return walk_words(t, n, lang, words, &end) < words ? n : end;
}
