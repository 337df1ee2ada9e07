/*
 * langshare.c - the languages of a document's sentences, with their shares.
 *
 * Language detection (langdetect.c) runs on each of at most
 * RC_SHARE_SAMPLE sentences, evenly spaced, so the cost stays that of a
 * few hundred short detections whatever the length of the document; each
 * sentence adds its letters to its language.  A document is analysed in
 * one language, so what this reports is what the text holds beside it:
 * code-switching speakers, quotations, the translation lines of a
 * bilingual caption.  Single sentences are where detection errs (a short
 * English sentence of names), hence the floor: a language other than the
 * main one of its stream needs RC_SHARE_MIN of the letters and
 * RC_SHARE_MIN_SENTENCES sentences, or its letters go to the main one.
 */
#include "langshare.h"

#include <string.h>

#include "bilingual.h"

/* Languages by index, and one more slot for "unsure". */
#define SLOTS 65

typedef struct tally {
  size_t letters[2][SLOTS]; /* per stream: 0 the document language's
                               script, 1 the other script of a bilingual
                               caption */
  size_t sentences[2][SLOTS];
  size_t total;
} tally;

static recap_status count_sentences(const rc_source *src,
                                    const rc_span_vec *spans,
                                    const rc_lang *lang, rc_norm *norm,
                                    rc_maskcache *masks, tally *t) {
  size_t step = (spans->len + RC_SHARE_SAMPLE - 1) / RC_SHARE_SAMPLE;
  if (step == 0)
    step = 1;
  for (size_t i = 0; i < spans->len; i += step) {
    const rc_span *sp = &spans->data[i];
    const char *text = src->text + sp->off;
    size_t letters = rc_letter_weight(text, sp->len);
    if (letters == 0)
      continue;
    const rc_lang *got;
    double confidence;
    RC_TRY(rc_detect_language(text, sp->len, norm, masks, &got, &confidence,
                              NULL));
    size_t slot = got == &rc_lang_none ? rc_language_count : rc_lang_index(got);
    int s = rc_source_other_language(src, sp->off, lang);
    t->letters[s][slot] += letters;
    t->sentences[s][slot]++;
    t->total += letters;
  }
  return RECAP_OK;
}

/* The language with the most letters in stream s, ties to the first;
   rc_language_count if none. */
static size_t most_letters(const tally *t, int s) {
  size_t best = rc_language_count;
  for (size_t l = 0; l < rc_language_count; l++)
    if (t->letters[s][l] &&
        (best == rc_language_count || t->letters[s][l] > t->letters[s][best]))
      best = l;
  return best;
}

/* Moves the letters of unsure sentences, and of languages too rare to
   list, to the stream's main language (or drops them without one). */
static void fold_into_main(tally *t, int s, size_t main,
                           size_t letters[SLOTS]) {
  for (size_t l = 0; l <= rc_language_count; l++) {
    size_t n = t->letters[s][l];
    int rare = l == rc_language_count ||
               t->sentences[s][l] < RC_SHARE_MIN_SENTENCES ||
               (double)n < RC_SHARE_MIN * (double)t->total;
    size_t to = l != main && rare ? main : l;
    if (to < rc_language_count)
      letters[to] += n;
  }
}

recap_status rc_language_shares(const rc_source *src, const rc_span_vec *spans,
                                const rc_lang *lang, rc_norm *norm,
                                rc_maskcache *masks, rc_arena *arena,
                                const rc_lang_share **out, size_t *count) {
  *out = NULL;
  *count = 0;
  if (rc_language_count >= SLOTS)
    return RECAP_ERR_INVALID_ARGUMENT;
  tally t;
  memset(&t, 0, sizeof t);
  RC_TRY(count_sentences(src, spans, lang, norm, masks, &t));
  if (t.total == 0)
    return RECAP_OK;
  size_t letters[SLOTS] = {0};
  for (int s = 0; s < 2; s++) {
    size_t main = s == 0 && lang != &rc_lang_none ? rc_lang_index(lang)
                                                  : most_letters(&t, s);
    fold_into_main(&t, s, main, letters);
  }
  size_t kept = 0, sum = 0;
  for (size_t l = 0; l < rc_language_count; l++) {
    kept += letters[l] > 0;
    sum += letters[l];
  }
  if (kept == 0)
    return RECAP_OK;
  rc_lang_share *shares = rc_arena_calloc(arena, kept, sizeof *shares);
  if (!shares)
    return RECAP_ERR_NOMEM;
  /* Largest share first; equal ones in language order (insertion sort
     of at most a few dozen). */
  size_t n = 0;
  for (size_t l = 0; l < rc_language_count; l++) {
    if (!letters[l])
      continue;
    size_t j = n++;
    while (j > 0 && letters[rc_lang_index(shares[j - 1].lang)] < letters[l]) {
      shares[j] = shares[j - 1];
      j--;
    }
    shares[j].lang = &rc_languages[l];
    shares[j].share = (double)letters[l] / (double)sum;
  }
  *out = shares;
  *count = n;
  return RECAP_OK;
}
