/*
 * strtab.c - string interning with open addressing.
 *
 * The hash mixes eight bytes at a time with a multiply and xor-shift (in
 * the spirit of wyhash / Murmur's finaliser); words are short, so the tail
 * handling matters more than throughput on long keys: a tail of four to
 * seven bytes is two overlapping loads, of one to three bytes three single
 * ones, never a loop.
 *
 * A probe reads one 16-byte slot and nothing else for keys of up to eight
 * bytes (most words), which the slot holds inline; longer keys hold their
 * first eight bytes there and are compared in the pool only when those and
 * the tag agree.  Before, every probe that met the key's hash read the
 * slot, then the entry, then the key's bytes: three dependent cache misses
 * for a word in a table larger than the cache.
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

/* Four bytes as a little-endian number, whatever the machine's order. */
static inline uint64_t load_le32(const unsigned char *p) {
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
  uint32_t v;
  memcpy(&v, p, 4);
  return v;
#else
  return (uint64_t)p[0] | (uint64_t)p[1] << 8 | (uint64_t)p[2] << 16 |
         (uint64_t)p[3] << 24;
#endif
}

/* The first eight bytes of a key as one number: a key of fewer bytes
   read little-endian and padded with zeros (the hash's tail word), a
   longer one as the machine reads it. */
static inline uint64_t head_word(const unsigned char *p, size_t n) {
  if (n >= 8) {
    uint64_t w;
    memcpy(&w, p, 8);
    return w;
  }
  if (n >= 4) /* two loads that overlap in the middle */
    return load_le32(p) | load_le32(p + n - 4) << (8 * (n - 4));
  if (n > 0)
    return (uint64_t)p[0] | (uint64_t)p[n / 2] << (8 * (n / 2)) |
           (uint64_t)p[n - 1] << (8 * (n - 1));
  return 0;
}

static inline uint32_t hash_bytes(const unsigned char *p, size_t len,
                                  uint64_t *head) {
  uint64_t h = 0x9e3779b97f4a7c15ULL ^ (uint64_t)len;
  *head = head_word(p, len);
  if (len < 8)
    return (uint32_t)mix(h ^ *head ^ ((uint64_t)len << 59));
  while (len >= 8) {
    uint64_t w;
    memcpy(&w, p, 8);
    h = mix(h ^ w) + 0x9e3779b97f4a7c15ULL;
    p += 8;
    len -= 8;
  }
  return (uint32_t)mix(h ^ head_word(p, len) ^ ((uint64_t)len << 59));
}

uint32_t rc_hash(const void *data, size_t len) {
  uint64_t head;
  return hash_bytes(data, len, &head);
}

void rc_strkey_init(rc_strkey *k, const char *s, size_t n) {
  k->s = s;
  k->n = n;
  k->hash = hash_bytes((const unsigned char *)s, n, &k->head);
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

/* A slot's tag: the hash with its low four bits replaced by the length
   (15 for 15 bytes or more), so that tag and head together are the whole
   key when it has up to eight bytes.  The slot index is the hash rotated
   by four bits: the bits the tag gives up still choose the slot. */
static inline uint32_t tag_of(uint32_t hash, size_t n) {
  return (hash & ~(uint32_t)15) | (uint32_t)(n < 15 ? n : 15);
}

static inline size_t home_of(uint32_t hash, size_t mask) {
  return (size_t)(hash >> 4 | hash << 28) & mask;
}

/* Whether bytes 8..n of two keys of n > 8 bytes agree: eight at a time,
   the last eight overlapping (no call: the probe loop keeps its
   registers). */
static inline int same_rest(const char *a, const char *b, size_t n) {
  uint64_t x, y;
  for (size_t i = 8; i + 8 < n; i += 8) {
    memcpy(&x, a + i, 8);
    memcpy(&y, b + i, 8);
    if (x != y)
      return 0;
  }
  memcpy(&x, a + n - 8, 8);
  memcpy(&y, b + n - 8, 8);
  return x == y;
}

static inline uint32_t lookup(const rc_strtab *t, const rc_strkey *k,
                              size_t *slot) {
  size_t mask = t->nslots - 1, n = k->n;
  uint32_t tag = tag_of(k->hash, n);
  for (size_t i = home_of(k->hash, mask);; i = (i + 1) & mask) {
    const rc_strslot *sl = &t->slots[i];
    if (sl->id1 == 0) {
      *slot = i;
      return RC_NO_ID;
    }
    if (sl->tag != tag || sl->head != k->head)
      continue;
    if (n > 8) { /* the rest of a long key, in the pool */
      const rc_strent *e = &t->ents[sl->id1 - 1];
      if (e->len != n || !same_rest(t->pool + e->off, k->s, n))
        continue;
    }
    *slot = i;
    return sl->id1 - 1;
  }
}

static recap_status rehash(rc_strtab *t, size_t nslots) {
  rc_strslot *slots = rc_calloc(t->alloc, nslots, sizeof *slots);
  if (!slots)
    return RECAP_ERR_NOMEM;
  size_t mask = nslots - 1;
  for (size_t id = 0; id < t->count; id++) {
    const rc_strent *e = &t->ents[id];
    size_t i = home_of(e->hash, mask);
    while (slots[i].id1)
      i = (i + 1) & mask;
    slots[i].tag = tag_of(e->hash, e->len);
    slots[i].id1 = (uint32_t)(id + 1);
    /* (An empty key has no pool behind it: no arithmetic on NULL.) */
    slots[i].head =
        e->len ? head_word((const unsigned char *)t->pool + e->off, e->len) : 0;
  }
  rc_free(t->alloc, t->slots);
  t->slots = slots;
  t->nslots = nslots;
  return RECAP_OK;
}

uint32_t rc_strtab_find_key(const rc_strtab *t, const rc_strkey *k) {
  if (t->count == 0)
    return RC_NO_ID;
  size_t slot;
  return lookup(t, k, &slot);
}

uint32_t rc_strtab_find(const rc_strtab *t, const char *s, size_t n) {
  if (t->count == 0)
    return RC_NO_ID;
  rc_strkey k = {s, n, 0, 0};
  k.hash = hash_bytes((const unsigned char *)s, n, &k.head);
  size_t slot;
  return lookup(t, &k, &slot);
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

recap_status rc_strtab_intern_key(rc_strtab *t, const rc_strkey *k,
                                  uint32_t *id, int *added) {
  size_t slot = 0, n = k->n;
  if (added)
    *added = 0;
  if (t->nslots) {
    uint32_t found = lookup(t, k, &slot);
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
    lookup(t, k, &slot);
  }
  void *p = t->ents;
  RC_TRY(rc_reserve(t->alloc, &p, &t->ents_cap, t->count + 1, sizeof *t->ents));
  t->ents = p;
  p = t->pool;
  RC_TRY(rc_reserve(t->alloc, &p, &t->pool_cap, t->pool_len + n, 1));
  t->pool = p;
  if (n)
    memcpy(t->pool + t->pool_len, k->s, n);
  rc_strent *e = &t->ents[t->count];
  e->off = (uint32_t)t->pool_len;
  e->len = (uint32_t)n;
  e->hash = k->hash;
  t->pool_len += n;
  rc_strslot *sl = &t->slots[slot];
  sl->tag = tag_of(k->hash, n);
  sl->id1 = (uint32_t)(t->count + 1);
  sl->head = k->head;
  *id = (uint32_t)t->count++;
  if (added)
    *added = 1;
  return RECAP_OK;
}

recap_status rc_strtab_intern(rc_strtab *t, const char *s, size_t n,
                              uint32_t *id, int *added) {
  rc_strkey k = {s, n, 0, 0};
  k.hash = hash_bytes((const unsigned char *)s, n, &k.head);
  return rc_strtab_intern_key(t, &k, id, added);
}
