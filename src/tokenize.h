/*
 * tokenize.h - word tokens of one sentence.
 *
 * A token is a run of letters, marks and digits, joined across
 *   - an apostrophe between letters (don't, China's; see elisions below),
 *   - a hyphen between letters or digits (Heart-level, COVID-19, mm-hmm),
 *   - a period before a digit (2.5, H.264) or between single letters
 *     (U.S, e.g),
 *   - a comma between digits before three digits (1,000).
 * URLs and e-mail addresses are single tokens.  Each character of a script
 * written without spaces (Han, kana, Thai ...) is a token of its own.
 * Languages with elision (French l'homme, Italian dell'anno) split the
 * elided article off as a token of its own.
 */
#ifndef RC_TOKENIZE_H
#define RC_TOKENIZE_H

#include <stddef.h>

#include "lang.h"

typedef enum rc_tok_kind {
  RC_TOK_WORD = 0, /* has a letter */
  RC_TOK_NUMBER,   /* digits and separators only */
  RC_TOK_URL,
  RC_TOK_EMAIL,
  RC_TOK_CJK /* one character of a script without spaces */
} rc_tok_kind;

enum {
  RC_TOK_GAP = 1u << 0,     /* punctuation since the previous token */
  RC_TOK_CAP = 1u << 1,     /* starts with a capital */
  RC_TOK_ASCII = 1u << 2,   /* all ASCII */
  RC_TOK_ALLCAPS = 1u << 3, /* two or more letters, all capitals */
  RC_TOK_SPACE = 1u << 4    /* preceded by a space (not glued on) */
};

typedef struct rc_tok {
  size_t off, len;
  rc_tok_kind kind;
  unsigned flags;
} rc_tok;

typedef struct rc_tokenizer {
  const char *t;
  size_t pos, end;
  const rc_lang *lang;
  size_t pending_elision; /* resume point after an elided article */
} rc_tokenizer;

void rc_tokenizer_init(rc_tokenizer *tz, const char *t, size_t b, size_t e,
                       const rc_lang *lang);
/* The next token, or 0 at the end. */
int rc_tokenizer_next(rc_tokenizer *tz, rc_tok *tok);

/* What recap calls a word, in every count and budget (--words, a
   sentence's words, a speaker's words): what `wc -w` would count, but
   for text without spaces.  A word starts at a token (a run of letters
   and digits with the joins above, a number, a URL, an e-mail address)
   that follows a space, so "config.h", "and/or" and "l'homme" are one
   word each and a lone dash is none; in a script written without spaces
   each character is a word ("一个例子" is four).  Does tok start a word,
   after a token of kind prev (first: tok is the text's first)? */
static inline int rc_tok_new_word(const rc_tok *tok, rc_tok_kind prev,
                                  int first) {
  return first || (tok->flags & RC_TOK_SPACE) || tok->kind == RC_TOK_CJK ||
         prev == RC_TOK_CJK;
}
/* The words of t[0..n), as rc_tok_new_word() counts them. */
size_t rc_count_words(const char *t, size_t n, const rc_lang *lang);
/* Where the first `words` words of t[0..n) end (just after the last
   one's last byte); n if t has no more words than that. */
size_t rc_words_end(const char *t, size_t n, const rc_lang *lang, size_t words);

#endif
