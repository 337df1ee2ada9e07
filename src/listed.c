/*
 * listed.c - the listed phrases as word id sequences (see listed.h).
 */
#include "listed.h"

#include <string.h>

void rc_listed_init(rc_listed *l, const recap_allocator *alloc) {
  memset(l, 0, sizeof *l);
  rc_strtab_init(&l->words, alloc);
  rc_strtab_init(&l->seqs, alloc);
}

void rc_listed_free(rc_listed *l) {
  const recap_allocator *a = l->words.alloc;
  rc_strtab_free(&l->words);
  rc_strtab_free(&l->seqs);
  RC_VEC_FREE(a, l->kinds);
  l->lang = NULL;
}

/* Adds phrase p (words joined by single spaces) as a sequence of kind. */
static recap_status add_phrase(rc_listed *l, const char *p, unsigned kind) {
  uint16_t ids[RC_LISTED_WORDS];
  size_t k = 0;
  size_t n = strlen(p);
  /* Words from the last one leftwards, each ending at a space or n. */
  size_t end = n;
  for (;;) {
    size_t start = end;
    while (start > 0 && p[start - 1] != ' ')
      start--;
    if (k == RC_LISTED_WORDS)
      return RECAP_OK; /* longer than any window the pass keeps */
    uint32_t id;
    RC_TRY(rc_strtab_intern(&l->words, p + start, end - start, &id, NULL));
    if (id >= UINT16_MAX)
      return RECAP_ERR_TOO_LARGE;
    ids[k++] = (uint16_t)id;
    if (start == 0)
      break;
    end = start - 1;
  }
  uint32_t seq;
  int added;
  RC_TRY(rc_strtab_intern(&l->seqs, (const char *)ids, k * sizeof *ids, &seq,
                          &added));
  if (added) {
    recap_status st;
    RC_PUSH(st, l->words.alloc, l->kinds, 0);
    if (st != RECAP_OK)
      return st;
  }
  l->kinds.data[seq] |= (uint8_t)kind;
  return RECAP_OK;
}

static recap_status add_list(rc_listed *l, const rc_wordlist *list,
                             unsigned kind) {
  for (size_t i = 0; i < list->count; i++)
    RC_TRY(add_phrase(l, rc_wordlist_at(list, i), kind));
  return RECAP_OK;
}

recap_status rc_listed_build(rc_listed *l, const rc_lang *lang) {
  if (l->lang == lang)
    return RECAP_OK;
  l->lang = NULL;
  rc_strtab_clear(&l->words);
  rc_strtab_clear(&l->seqs);
  l->kinds.len = 0;
  RC_TRY(add_list(l, &lang->housekeeping, RC_LISTED_HOUSEKEEPING));
  RC_TRY(add_list(l, &lang->gist, RC_LISTED_GIST));
  l->lang = lang;
  return RECAP_OK;
}
