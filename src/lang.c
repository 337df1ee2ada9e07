/*
 * lang.c - finding languages and words in the compiled-in tables.
 */
#include "lang.h"

#include <string.h>

#include "recap.h"

/* No stemmer and no lists: every other field is empty. */
const rc_lang rc_lang_none = {
    .name = "none", .code = "", .aliases = "", .title_and = ""};

static int lower(int c) { return c >= 'A' && c <= 'Z' ? c + 32 : c; }

static int equal_ci(const char *a, const char *b, size_t n) {
  for (size_t i = 0; i < n; i++)
    if (lower((unsigned char)a[i]) != lower((unsigned char)b[i]))
      return 0;
  return 1;
}

/* Is `name` one of the comma-separated codes? */
static int in_list(const char *list, const char *name) {
  size_t n = strlen(name);
  while (*list) {
    const char *comma = strchr(list, ',');
    size_t len = comma ? (size_t)(comma - list) : strlen(list);
    if (len == n && equal_ci(list, name, n))
      return 1;
    if (!comma)
      break;
    list = comma + 1;
  }
  return 0;
}

const rc_lang *rc_lang_find(const char *name) {
  if (!name)
    return NULL;
  size_t n = strlen(name);
  if (n == 4 && equal_ci(name, "none", 4))
    return &rc_lang_none;
  for (size_t i = 0; i < rc_language_count; i++) {
    const rc_lang *l = &rc_languages[i];
    if ((strlen(l->name) == n && equal_ci(l->name, name, n)) ||
        in_list(l->code, name) || in_list(l->aliases, name))
      return l;
  }
  return NULL;
}

const char *recap_language_name(size_t i) {
  return i < rc_language_count ? rc_languages[i].name : NULL;
}

const char *recap_language_lookup(const char *name) {
  const rc_lang *l = rc_lang_find(name);
  return l ? l->name : NULL;
}

unsigned recap_language_features(const char *name) {
  const rc_lang *l = rc_lang_find(name);
  if (!l || l == &rc_lang_none)
    return 0;
  return (l->stemmer ? RECAP_LANGUAGE_STEMMER : 0u) |
         (l->stopwords.count ? RECAP_LANGUAGE_LISTS : 0u) |
         ((l->verbs && l->verbs->count) || (l->verb_ends && l->verb_ends->count)
              ? RECAP_LANGUAGE_LEXICON
              : 0u) |
         (l->background && l->background->total ? RECAP_LANGUAGE_BACKGROUND
                                                : 0u) |
         (l->flags & RC_LANG_NOSPACE ? RECAP_LANGUAGE_NO_SPACES : 0u);
}

size_t rc_lang_index(const rc_lang *l) {
  return l == &rc_lang_none ? rc_language_count : (size_t)(l - rc_languages);
}

/* Binary search in strcmp's order that remembers how many leading bytes
   w shares with the entries bounding the range: every entry between them
   shares the shorter of the two prefixes, so a comparison starts after
   it.  Each new word meets about fifteen lists, the lexicon's with tens of
   thousands of entries.  As w holds no NUL, an entry's end stops the
   comparison without a test of its own. */
long rc_wordlist_find(const rc_wordlist *l, const char *w, size_t n) {
  size_t lo = 0, hi = l->count;
  size_t lo_common = 0, hi_common = 0;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    const char *m = rc_wordlist_at(l, mid);
    size_t i = lo_common < hi_common ? lo_common : hi_common;
    while (i < n && m[i] == w[i])
      i++;
    int below; /* entry mid sorts before w */
    if (i < n)
      below = (unsigned char)m[i] < (unsigned char)w[i];
    else if (m[n] == '\0')
      return (long)mid;
    else
      below = 0; /* the entry goes on past w */
    if (below) {
      lo = mid + 1;
      lo_common = i;
    } else {
      hi = mid;
      hi_common = i;
    }
  }
  return -1;
}

int rc_lang_writes(const rc_lang *l, unsigned c) {
  if (c < 0x80 || !l->alphabet)
    return 1;
  size_t lo = 0, hi = l->alphabet_count;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (l->alphabet[mid] == c)
      return 1;
    if (l->alphabet[mid] < c)
      lo = mid + 1;
    else
      hi = mid;
  }
  return 0;
}

int rc_lang_verb_form(const rc_lang *l, const char *w, size_t n) {
  if (!l->verb_ends || !l->other_ends)
    return 0;
  /* The longest listed ending decides: from the whole word to its last
     character, at each character's first byte. */
  for (size_t i = 0; i < n; i++) {
    if (((unsigned char)w[i] & 0xC0) == 0x80)
      continue;
    if (rc_wordlist_find(l->verb_ends, w + i, n - i) >= 0)
      return 1;
    if (rc_wordlist_find(l->other_ends, w + i, n - i) >= 0)
      return 0;
  }
  return 0;
}
