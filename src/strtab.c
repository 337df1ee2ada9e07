/*
 * strtab.c - string interning with open addressing.
 *
 * The hash mixes eight bytes at a time with a multiply and xor-shift (in
 * the spirit of wyhash / Murmur's finaliser); words are short, so the tail
 * handling matters more than throughput on long keys.
 */
#include "strtab.h"

#include <string.h>

#include "mem.h"

static inline uint64_t mix(uint64_t x) {
  x ^= x >> 32;
  x *= 0xd6e8feb86659fd93ULL;
  x ^= x >> 32;
  x *= 0xd6e8feb86659fd93ULL;
  x ^= x >> 32;
  return x;
}

uint32_t rc_hash(const void *data, size_t len) {
  const unsigned char *p = data;
  uint64_t h = 0x9e3779b97f4a7c15ULL ^ (uint64_t)len;
  while (len >= 8) {
    uint64_t w;
    memcpy(&w, p, 8);
    h = mix(h ^ w) + 0x9e3779b97f4a7c15ULL;
    p += 8;
    len -= 8;
  }
  uint64_t w = 0;
  for (size_t i = 0; i < len; i++)
    w |= (uint64_t)p[i] << (8 * i);
  h = mix(h ^ w ^ ((uint64_t)len << 59));
  return (uint32_t)h;
}

void rc_strtab_init(rc_strtab *t, const recap_allocator *alloc) {
  memset(t, 0, sizeof *t);
  t->alloc = alloc;
}

void rc_strtab_free(rc_strtab *t) {
  rc_free(t->alloc, t->pool);
  rc_free(t->alloc, t->ents);
  rc_free(t->alloc, t->slots);
  rc_strtab_init(t, t->alloc);
}

void rc_strtab_clear(rc_strtab *t) {
  t->pool_len = 0;
  t->count = 0;
  if (t->slots)
    memset(t->slots, 0, t->nslots * sizeof *t->slots);
}

static int same_bytes(const char *a, const char *b, size_t n) {
  if (n <= 16) { /* words: a loop beats a call to memcmp */
    for (size_t i = 0; i < n; i++)
      if (a[i] != b[i])
        return 0;
    return 1;
  }
  return memcmp(a, b, n) == 0;
}

static uint32_t lookup(const rc_strtab *t, const char *s, size_t n,
                       uint32_t h, size_t *slot) {
  size_t mask = t->nslots - 1;
  for (size_t i = h & mask;; i = (i + 1) & mask) {
    uint64_t v = t->slots[i];
    uint32_t id1 = (uint32_t)v;
    if (id1 == 0) {
      *slot = i;
      return RC_NO_ID;
    }
    if ((uint32_t)(v >> 32) != h)
      continue;
    const rc_strent *e = &t->ents[id1 - 1];
    if (e->len == n && same_bytes(t->pool + e->off, s, n)) {
      *slot = i;
      return id1 - 1;
    }
  }
}

static uint64_t slot_value(uint32_t hash, size_t id) {
  return (uint64_t)hash << 32 | (uint64_t)(id + 1);
}

static recap_status rehash(rc_strtab *t, size_t nslots) {
  uint64_t *slots = rc_calloc(t->alloc, nslots, sizeof *slots);
  if (!slots)
    return RECAP_ERR_NOMEM;
  size_t mask = nslots - 1;
  for (size_t id = 0; id < t->count; id++) {
    size_t i = t->ents[id].hash & mask;
    while (slots[i])
      i = (i + 1) & mask;
    slots[i] = slot_value(t->ents[id].hash, id);
  }
  rc_free(t->alloc, t->slots);
  t->slots = slots;
  t->nslots = nslots;
  return RECAP_OK;
}

uint32_t rc_strtab_find(const rc_strtab *t, const char *s, size_t n) {
  if (t->count == 0)
    return RC_NO_ID;
  size_t slot;
  return lookup(t, s, n, rc_hash(s, n), &slot);
}

recap_status rc_strtab_reserve(rc_strtab *t, size_t keys, size_t bytes) {
  size_t need;
  if (!rc_add(t->count, keys, &need) || need >= UINT32_MAX - 1)
    return RECAP_ERR_TOO_LARGE;
  size_t nslots = t->nslots ? t->nslots : 64;
  while (need * 2 > nslots)
    nslots *= 2;
  if (nslots != t->nslots)
    RC_TRY(rehash(t, nslots));
  void *p = t->ents;
  RC_TRY(rc_reserve(t->alloc, &p, &t->ents_cap, need, sizeof *t->ents));
  t->ents = p;
  if (!rc_add(t->pool_len, bytes, &need))
    return RECAP_ERR_TOO_LARGE;
  p = t->pool;
  RC_TRY(rc_reserve(t->alloc, &p, &t->pool_cap, need, 1));
  t->pool = p;
  return RECAP_OK;
}

recap_status rc_strtab_intern(rc_strtab *t, const char *s, size_t n,
                              uint32_t *id, int *added) {
  uint32_t h = rc_hash(s, n);
  size_t slot = 0;
  if (added)
    *added = 0;
  if (t->nslots) {
    uint32_t found = lookup(t, s, n, h, &slot);
    if (found != RC_NO_ID) {
      *id = found;
      return RECAP_OK;
    }
  }
  /* Ids and pool offsets are 32-bit; a document never gets near that. */
  if (t->count >= UINT32_MAX - 1 || t->pool_len + n >= UINT32_MAX)
    return RECAP_ERR_TOO_LARGE;
  if ((t->count + 1) * 2 > t->nslots) {
    RC_TRY(rehash(t, t->nslots ? t->nslots * 2 : 64));
    lookup(t, s, n, h, &slot);
  }
  void *p = t->ents;
  RC_TRY(rc_reserve(t->alloc, &p, &t->ents_cap, t->count + 1, sizeof *t->ents));
  t->ents = p;
  p = t->pool;
  RC_TRY(rc_reserve(t->alloc, &p, &t->pool_cap, t->pool_len + n, 1));
  t->pool = p;
  if (n)
    memcpy(t->pool + t->pool_len, s, n);
  rc_strent *e = &t->ents[t->count];
  e->off = (uint32_t)t->pool_len;
  e->len = (uint32_t)n;
  e->hash = h;
  t->pool_len += n;
  t->slots[slot] = slot_value(h, t->count);
  *id = (uint32_t)t->count++;
  if (added)
    *added = 1;
  return RECAP_OK;
}
