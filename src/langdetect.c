/*
 * langdetect.c - language identification from scripts and stopwords.
 *
 * Cheap signals, in order:
 *  1. The script of the letters.  Greek, Armenian, Hebrew (Yiddish),
 *     Arabic, Tamil, kana (Japanese) and Han without kana (Chinese) each
 *     settle the language at once.
 *  2. Within Latin, Cyrillic or Devanagari, the share of tokens that are
 *     stopwords of each candidate language (one lookup per token in a
 *     table of every stopword with a bit per language).  Function words
 *     are the most frequent words of any text and nearly disjoint between
 *     languages, so a few dozen tokens suffice; this is the classic
 *     stopword-profile method, which needs no model beyond the lists recap
 *     ships anyway.
 *  3. An alphabet veto: a language whose alphabet (lang.h) lacks letters
 *     that occur, together, twice or more and make up at least
 *     1/RC_LANG_FOREIGN_LETTER of the text's letters is no candidate (Czech ě ř
 * ů rule out Hungarian, Ukrainian і ї є ґ Russian), however many of its
 * stopwords the text holds; the next candidate wins, or none.
 *  4. Word endings (stopwords/<language>.endings), only where the
 *     stopwords leave the text unsure: a short sentence with few function
 *     words (Basque, Finnish, Nepali), or the same ones in two languages
 *     (Danish -ede, -erne against Norwegian -erte, -ene).  Each word with
 *     an ending of a language counts for it as a stopword would; the
 *     confidence is capped at RC_LANG_ENDING_CONFIDENCE.
 * Confidence combines how many tokens are stopwords of the winner (text
 * in a language has plenty) with its lead over the runner-up.
 */
#include "langdetect.h"

#include <string.h>

#include "decode.h"
#include "tokenize.h"

typedef enum script {
  S_LATIN,
  S_CYRILLIC,
  S_GREEK,
  S_ARMENIAN,
  S_HEBREW,
  S_ARABIC,
  S_DEVANAGARI,
  S_TAMIL,
  S_KANA,
  S_HAN,
  S_HANGUL,
  S_OTHER,
  S_COUNT
} script;
_Static_assert(S_COUNT <= RC_SCRIPTS_MAX, "rc_maskcache keeps RC_SCRIPTS_MAX");

static script script_of(unsigned c) {
  if (c < 0x80 || (c >= 0xC0 && c < 0x250) || (c >= 0x1E00 && c < 0x1F00))
    return S_LATIN;
  if ((c >= 0x370 && c < 0x400) || (c >= 0x1F00 && c < 0x2000))
    return S_GREEK;
  if (c >= 0x400 && c < 0x530)
    return S_CYRILLIC;
  if (c >= 0x530 && c < 0x590)
    return S_ARMENIAN;
  if (c >= 0x590 && c < 0x600)
    return S_HEBREW;
  if ((c >= 0x600 && c < 0x780) || (c >= 0xFB50 && c < 0xFE00) ||
      (c >= 0xFE70 && c < 0xFF00))
    return S_ARABIC;
  if (c >= 0x900 && c < 0x980)
    return S_DEVANAGARI;
  if (c >= 0xB80 && c < 0xC00)
    return S_TAMIL;
  if (c >= 0x3040 && c < 0x3100)
    return S_KANA;
  if ((c >= 0x4E00 && c < 0xA000) || (c >= 0x3400 && c < 0x4DC0))
    return S_HAN;
  if ((c >= 0xAC00 && c < 0xD800) || (c >= 0x1100 && c < 0x1200) ||
      (c >= 0x3130 && c < 0x3190) || (c >= 0xA960 && c < 0xA980))
    return S_HANGUL;
  return S_OTHER;
}

/* The language a script alone decides, or NULL. */
static const char *script_language(script s) {
  switch (s) {
  case S_GREEK:
    return "greek";
  case S_ARMENIAN:
    return "armenian";
  case S_HEBREW:
    return "yiddish";
  case S_ARABIC:
    return "arabic";
  case S_TAMIL:
    return "tamil";
  case S_KANA:
    return "japanese";
  case S_HAN:
    return "chinese";
  case S_HANGUL:
    return "korean";
  default:
    return NULL;
  }
}

static int lang_in_script(const rc_lang *l, script s) {
  const char *n = l->name;
  switch (s) {
  case S_CYRILLIC:
    return strcmp(n, "russian") == 0 || strcmp(n, "serbian") == 0 ||
           strcmp(n, "ukrainian") == 0;
  case S_DEVANAGARI:
    return strcmp(n, "hindi") == 0 || strcmp(n, "nepali") == 0;
  case S_LATIN: {
    static const char *const other[] = {
        "russian", "ukrainian", "greek",  "armenian", "yiddish",  "arabic",
        "tamil",   "hindi",     "nepali", "chinese",  "japanese", "korean"};
    for (size_t i = 0; i < sizeof other / sizeof *other; i++)
      if (strcmp(n, other[i]) == 0)
        return 0;
    return 1; /* serbian is written in both scripts */
  }
  default:
    return 0;
  }
}

/* The most common language of a script of several (Latin, Cyrillic,
   Devanagari). */
static const rc_lang *script_common(script s) {
  return rc_lang_find(s == S_LATIN      ? "english"
                      : s == S_CYRILLIC ? "russian"
                                        : "hindi");
}

/* What a detection in script s needs of the language table: the
   languages written in it (a mask over rc_languages) and its most common
   one.  Kept in the document's cache: finding them compares names, which
   cost as much as detecting a short sentence. */
typedef struct script_facts {
  uint64_t langs;
  const rc_lang *common;
} script_facts;

static script_facts facts_of_script(rc_maskcache *cache, script s) {
  script_facts f;
  if (cache && (cache->script_ready >> s & 1)) {
    f.langs = cache->script_langs[s];
    f.common = cache->script_default[s];
    return f;
  }
  f.langs = 0;
  for (size_t l = 0; l < rc_language_count; l++)
    if (lang_in_script(&rc_languages[l], s))
      f.langs |= (uint64_t)1 << l;
  f.common = script_common(s);
  if (cache) {
    cache->script_langs[s] = f.langs;
    cache->script_default[s] = f.common;
    cache->script_ready |= (uint32_t)1 << s;
  }
  return f;
}

/* Adds the letters of t[0..n) to count[] by script; returns them all.  A
   character of a script without spaces carries about a syllable, as much
   as three letters of an alphabet: it counts so, or a bilingual
   Chinese-English caption counts as English. */
static size_t tally_letters(const char *t, size_t n, size_t count[S_COUNT]) {
  size_t letters = 0;
  for (size_t i = 0; i < n;) {
    unsigned char b = (unsigned char)t[i];
    if (b < 0x80) {
      if ((b | 0x20) >= 'a' && (b | 0x20) <= 'z') {
        count[S_LATIN]++;
        letters++;
      }
      i++;
      continue;
    }
    size_t k = rc_utf8_seqlen((const unsigned char *)t + i, n - i);
    if (k == 0) {
      i++;
      continue;
    }
    unsigned c = rc_utf8_decode((const unsigned char *)t + i, k);
    unsigned cls = rc_char_class(c);
    if (cls & RC_CH_LETTER) {
      size_t w = (cls & RC_CH_NOSPACE) ? 3 : 1;
      count[script_of(c)] += w;
      letters += w;
    }
    i += k;
  }
  return letters;
}

size_t rc_letter_weight(const char *text, size_t len) {
  size_t count[S_COUNT] = {0};
  return tally_letters(text, len, count);
}

/* Letters per script in the sample; the dominant script. */
static script dominant_script(const char *t, size_t n, double *share) {
  size_t count[S_COUNT] = {0};
  size_t letters = tally_letters(t, n, count);
  script best = S_OTHER;
  /* Kana decides Japanese even when Han characters outnumber it. */
  if (count[S_KANA] * 10 >= count[S_KANA] + count[S_HAN] && count[S_KANA])
    count[S_KANA] += count[S_HAN];
  for (int s = 0; s < S_COUNT; s++)
    if (count[s] > count[best] || best == S_OTHER)
      if (count[s])
        best = (script)s;
  *share = letters ? (double)count[best] / (double)letters : 0;
  return letters ? best : S_OTHER;
}

void rc_maskcache_init(rc_maskcache *c, const recap_allocator *alloc) {
  rc_strtab_init(&c->words, alloc);
  c->masks.data = NULL;
  c->masks.len = c->masks.cap = 0;
  c->script_ready = 0;
}

void rc_maskcache_free(rc_maskcache *c) {
  RC_VEC_FREE(c->words.alloc, c->masks);
  rc_strtab_free(&c->words);
}

/* The languages one of whose endings (stopwords/<language>.endings) the
   folded word w[0..n) has, after a stem of at least RC_ENDING_STEM code
   points (a short word's ending is most of the word). */
#define RC_ENDING_STEM 3
/* No listed ending is longer than this many bytes (Nepali नुपर्ने has 18). */
#define RC_ENDING_MAX 24
static uint64_t ending_mask(const char *w, size_t n) {
  uint64_t mask = 0;
  size_t stem = 0; /* code points before w + i */
  for (size_t i = 0; i < n; i++) {
    if (((unsigned char)w[i] & 0xC0) == 0x80)
      continue;
    if (stem >= RC_ENDING_STEM && n - i <= RC_ENDING_MAX) {
      long k = rc_wordlist_find(&rc_ending_any, w + i, n - i);
      if (k >= 0)
        mask |= rc_ending_any_masks[k];
    }
    stem++;
  }
  return mask;
}

/* A word's masks of the languages it is a stopword of (mask[0]) and has
   an ending of (mask[1]); 0 for none. */
static recap_status word_masks(rc_maskcache *c, const char *w, size_t n,
                               uint64_t mask[2]) {
  uint32_t id = rc_strtab_find(&c->words, w, n);
  if (id != RC_NO_ID) {
    mask[0] = c->masks.data[2 * (size_t)id];
    mask[1] = c->masks.data[2 * (size_t)id + 1];
    return RECAP_OK;
  }
  long i = rc_wordlist_find(&rc_stopword_any, w, n);
  mask[0] = i >= 0 ? rc_stopword_any_masks[i] : 0;
  mask[1] = ending_mask(w, n);
  if (c->words.count >= RC_MASKS_MAX) {
    rc_strtab_clear(&c->words);
    c->masks.len = 0;
  }
  recap_status st;
  RC_RESERVE(st, c->words.alloc, c->masks, c->masks.len + 2);
  if (st != RECAP_OK)
    return st;
  RC_TRY(rc_strtab_intern(&c->words, w, n, &id, NULL));
  c->masks.data[c->masks.len++] = mask[0];
  c->masks.data[c->masks.len++] = mask[1];
  return RECAP_OK;
}

/* How often each letter beyond ASCII of the dominant script occurs in the
   folded sample, out of `total` letters of that script; letters past the
   first RC_LETTERS_MAX distinct ones are counted in total only. */
#define RC_LETTERS_MAX 128
typedef struct letter_counts {
  uint32_t c[RC_LETTERS_MAX];
  size_t count[RC_LETTERS_MAX];
  size_t n, total;
} letter_counts;

static void count_letters(letter_counts *lc, const char *w, size_t n,
                          script s) {
  const unsigned char *u = (const unsigned char *)w;
  for (size_t i = 0; i < n;) {
    if (u[i] < 0x80) {
      if ((u[i] | 0x20) >= 'a' && (u[i] | 0x20) <= 'z' && s == S_LATIN)
        lc->total++;
      i++;
      continue;
    }
    size_t k = rc_utf8_seqlen(u + i, n - i);
    if (k == 0) {
      i++;
      continue;
    }
    unsigned c = rc_utf8_decode(u + i, k);
    i += k;
    if (script_of(c) != s || !(rc_char_class(c) & RC_CH_LETTER))
      continue;
    lc->total++;
    size_t j = 0;
    while (j < lc->n && lc->c[j] != c)
      j++;
    if (j == lc->n) {
      if (lc->n == RC_LETTERS_MAX)
        continue;
      lc->c[lc->n] = c;
      lc->count[lc->n++] = 0;
    }
    lc->count[j]++;
  }
}

/* Does the text use often a letter the language does not write? */
static int alphabet_vetoes(const rc_lang *l, const letter_counts *lc) {
  size_t foreign = 0;
  for (size_t j = 0; j < lc->n; j++)
    if (!rc_lang_writes(l, lc->c[j]))
      foreign += lc->count[j];
  return foreign >= 2 && foreign * RC_LANG_FOREIGN_LETTER >= lc->total;
}

enum { RC_DETECT_WORD_MAX = 256 };

/* Per language, the words of t[0..n) that are its stopwords (hits) and
   those that have one of its endings (ends). */
static recap_status count_stopwords(const char *t, size_t n, rc_norm *norm,
                                    rc_maskcache *cache, script s, size_t *hits,
                                    size_t *ends, size_t *tokens,
                                    letter_counts *lc) {
  rc_tokenizer tz;
  rc_tok tok;
  rc_tokenizer_init(&tz, t, 0, n, &rc_lang_none);
  *tokens = 0;
  while (rc_tokenizer_next(&tz, &tok) && *tokens < 2000) {
    if (tok.kind != RC_TOK_WORD)
      continue;
    (*tokens)++;
    /* No compiled-in stopword is near this long (the longest has 33
       bytes): a long token is not folded to find that out. */
    if (tok.len > RC_DETECT_WORD_MAX)
      continue;
    char small[64];
    const char *key = small;
    size_t len = tok.len;
    if ((tok.flags & RC_TOK_ASCII) && len <= sizeof small) {
      for (size_t i = 0; i < len; i++) {
        char c = t[tok.off + i];
        small[i] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
      }
    } else {
      RC_TRY(rc_fold(norm, t + tok.off, tok.len, &key, &len));
    }
    count_letters(lc, key, len, s);
    uint64_t mask[2];
    RC_TRY(word_masks(cache, key, len, mask));
    for (size_t l = 0; (mask[0] | mask[1]) && l < rc_language_count; l++) {
      hits[l] += (mask[0] >> l) & 1;
      ends[l] += (mask[1] >> l) & 1;
    }
  }
  return RECAP_OK;
}

/* The language most texts in a script without a sure language are in. */

const char *rc_lang_why_name(rc_lang_why why) {
  switch (why) {
  case RC_LANG_WHY_FOUND:
    return "detected";
  case RC_LANG_WHY_UNSURE:
    return "unsure";
  case RC_LANG_WHY_ALPHABET:
    return "alphabet";
  case RC_LANG_WHY_SCRIPT:
    return "script";
  case RC_LANG_WHY_NO_LETTERS:
    return "no letters";
  case RC_LANG_WHY_GIVEN:
    return "given";
  case RC_LANG_WHY_TAG:
    return "file name";
  }
  return "unsure";
}

/* The language of script s with the most evidence[] among those the
   letters do not rule out, or SIZE_MAX; the runner-up's evidence in
   *second; how many with evidence were ruled out (*vetoed) and how many
   were left (*left), either may be NULL. */
static size_t best_candidate(const size_t *evidence, uint64_t in_script,
                             const letter_counts *lc, size_t *second,
                             size_t *vetoed, size_t *left) {
  size_t best = SIZE_MAX, nv = 0, nl = 0;
  *second = 0;
  for (size_t l = 0; l < rc_language_count; l++) {
    if (!(in_script >> l & 1))
      continue;
    if (alphabet_vetoes(&rc_languages[l], lc)) {
      nv += evidence[l] > 0;
      continue;
    }
    nl++;
    if (best == SIZE_MAX || evidence[l] > evidence[best]) {
      if (best != SIZE_MAX && evidence[best] > *second)
        *second = evidence[best];
      best = l;
    } else if (evidence[l] > *second) {
      *second = evidence[l];
    }
  }
  if (vetoed)
    *vetoed = nv;
  if (left)
    *left = nl;
  return best;
}

/* How sure `best` words of evidence out of `tokens` make the language,
   against the runner-up's `second`. */
static double evidence_confidence(size_t best, size_t second, size_t tokens) {
  /* Running text has about a third stopwords; a fifth is already
     convincing.  The lead over the runner-up tempers that. */
  double density = (double)best / (double)tokens / 0.2;
  if (density > 1)
    density = 1;
  double lead = (double)(best - second) / (double)best;
  double c = density * (0.6 + 0.4 * lead);
  /* A tie settles nothing (Danish and Norwegian share most function
     words): the first of the tied would be a coin toss. */
  if (second == best)
    c *= 0.5;
  if (best < 3)
    c *= (double)best / 3.0;
  return c;
}

recap_status rc_detect_language(const char *text, size_t len, rc_norm *norm,
                                rc_maskcache *cache, const rc_lang **lang,
                                double *confidence, const rc_lang **guess) {
  rc_lang_why why;
  return rc_detect_language_why(text, len, norm, cache, lang, confidence, guess,
                                &why);
}

recap_status rc_detect_language_why(const char *text, size_t len, rc_norm *norm,
                                    rc_maskcache *cache, const rc_lang **lang,
                                    double *confidence, const rc_lang **guess,
                                    rc_lang_why *why) {
  const rc_lang *unused;
  if (!guess)
    guess = &unused;
  *lang = &rc_lang_none;
  *guess = &rc_lang_none;
  *confidence = 0;
  *why = RC_LANG_WHY_NO_LETTERS;
  size_t n = len < RC_LANG_SAMPLE ? len : RC_LANG_SAMPLE;
  while (n > 0 && n < len && ((unsigned char)text[n] & 0xC0) == 0x80)
    n--; /* do not cut a character */
  double share;
  script s = dominant_script(text, n, &share);
  if (s == S_OTHER)
    return RECAP_OK;
  const char *by_script = script_language(s);
  if (by_script) {
    *lang = rc_lang_find(by_script);
    *confidence = share;
    if (!*lang)
      *lang = &rc_lang_none;
    *guess = *lang;
    *why = RC_LANG_WHY_FOUND;
    if (share < RC_LANG_MIN_CONFIDENCE) {
      *lang = &rc_lang_none;
      *why = RC_LANG_WHY_UNSURE;
    }
    return RECAP_OK;
  }
  *why = RC_LANG_WHY_SCRIPT;
  if (s != S_LATIN && s != S_CYRILLIC && s != S_DEVANAGARI)
    return RECAP_OK;
  script_facts sf = facts_of_script(cache, s);
  *guess = sf.common;
  size_t hits[64] = {0}, ends[64] = {0}, tokens;
  letter_counts lc;
  lc.n = lc.total = 0;
  RC_TRY(count_stopwords(text, n, norm, cache, s, hits, ends, &tokens, &lc));
  size_t second, vetoed, left;
  size_t best = best_candidate(hits, sf.langs, &lc, &second, &vetoed, &left);
  *why = vetoed ? RC_LANG_WHY_ALPHABET : RC_LANG_WHY_UNSURE;
  if (alphabet_vetoes(*guess, &lc))
    *guess = &rc_lang_none;
  /* Letters only one language of the script writes name it (Turkish ı,
     Lithuanian ė) where a short sentence holds too few stopwords. */
  int by_letters = left == 1 && lc.total >= RC_LANG_ALPHABET_LETTERS;
  if (by_letters && hits[best] == 0) {
    *lang = *guess = &rc_languages[best];
    *confidence = RC_LANG_ALPHABET_CONFIDENCE;
    *why = RC_LANG_WHY_FOUND;
    return RECAP_OK;
  }
  double c = 0;
  if (best != SIZE_MAX && tokens && hits[best]) {
    /* A tie goes to English if it is one of them (the likeliest language
       of a short unsure text here), else to the first in the table. */
    const rc_lang *en = sf.common;
    size_t eni = (size_t)(en - rc_languages);
    *guess = hits[best] > second || s != S_LATIN || hits[eni] < hits[best] ||
                     alphabet_vetoes(en, &lc)
                 ? &rc_languages[best]
                 : en;
    c = evidence_confidence(hits[best], second, tokens);
    if (by_letters && c < RC_LANG_ALPHABET_CONFIDENCE)
      c = RC_LANG_ALPHABET_CONFIDENCE;
  }
  *confidence = c;
  if (c >= RC_LANG_MIN_CONFIDENCE) {
    *lang = *guess = &rc_languages[best];
    *why = RC_LANG_WHY_FOUND;
    return RECAP_OK;
  }
  /* Too few function words, or the same ones (Danish and Norwegian): word
     endings count as well, as weaker evidence, so never above
     RC_LANG_ENDING_CONFIDENCE.  Only here, so that a text the stopwords
     settle is detected as before. */
  size_t score[64];
  for (size_t l = 0; l < rc_language_count; l++)
    score[l] = hits[l] + ends[l];
  size_t esecond;
  size_t ebest = best_candidate(score, sf.langs, &lc, &esecond, NULL, NULL);
  if (ebest == SIZE_MAX || ends[ebest] == 0 || tokens == 0)
    return RECAP_OK;
  double ec = evidence_confidence(score[ebest], esecond, tokens);
  if (ec > RC_LANG_ENDING_CONFIDENCE)
    ec = RC_LANG_ENDING_CONFIDENCE;
  if (ec >= RC_LANG_MIN_CONFIDENCE) {
    *lang = *guess = &rc_languages[ebest];
    *confidence = ec;
    *why = RC_LANG_WHY_FOUND;
  }
  return RECAP_OK;
}
