/*
 * strtab.h - string interning: byte strings -> dense ids 0, 1, 2, ...
 *
 * Terms, stems, speakers and phrases are interned once so the rest of the
 * pipeline compares and counts 32-bit ids.  Per-id data lives in the
 * caller's parallel arrays, indexed by id.
 *
 *   keys:    [k0 bytes][k1 bytes]...          one growing byte pool
 *   entries: {off, len, hash} per id           into the pool
 *   slots:   open addressing, linear probing, 16 bytes each (four to a
 *            cache line): {tag, id + 1 (0 = empty), head}, the tag being
 *            the hash with its low 4 bits replaced by the key's length
 *            (15: 15 or more) and the head the key's first 8 bytes
 *            (zero-padded); a probe decides a key of up to 8 bytes from
 *            the slot alone and touches entries and pool only for the
 *            rest of a longer key whose tag and head agree;
 *            load factor <= 1/2, capacity a power of two
 *
 * The hash is seeded with a constant: iteration order never depends on the
 * hash (ids are given in first-seen order), so output is deterministic.
 */
#ifndef RC_STRTAB_H
#define RC_STRTAB_H

#include <stddef.h>
#include <stdint.h>

#include "recap.h"

typedef struct rc_strent {
  uint32_t off;
  uint32_t len;
  uint32_t hash;
} rc_strent;

typedef struct rc_strslot {
  uint32_t tag;
  uint32_t id1; /* id + 1; 0: empty */
  uint64_t head;
} rc_strslot;

typedef struct rc_strtab {
  const recap_allocator *alloc;
  char *pool;
  size_t pool_len, pool_cap;
  rc_strent *ents;
  size_t count, ents_cap;
  rc_strslot *slots;
  size_t nslots; /* power of two, or 0 */
} rc_strtab;

#define RC_NO_ID UINT32_MAX

uint32_t rc_hash(const void *data, size_t len);

/* A key hashed once, for looking it up in several tables or finding then
   interning it: s[0..n) (borrowed), its rc_hash and its head. */
typedef struct rc_strkey {
  const char *s;
  size_t n;
  uint32_t hash;
  uint64_t head;
} rc_strkey;

void rc_strkey_init(rc_strkey *k, const char *s, size_t n);
/* rc_strtab_find and rc_strtab_intern for a hashed key. */
uint32_t rc_strtab_find_key(const rc_strtab *t, const rc_strkey *k);
recap_status rc_strtab_intern_key(rc_strtab *t, const rc_strkey *k,
                                  uint32_t *id, int *added);

void rc_strtab_init(rc_strtab *t, const recap_allocator *alloc);
void rc_strtab_free(rc_strtab *t);
/* Forgets every string, keeping the memory. */
void rc_strtab_clear(rc_strtab *t);
/* The id of s[0..n), adding it if new (*added set when non-NULL).
   RECAP_ERR_NOMEM, or RECAP_ERR_TOO_LARGE past 4 GiB of keys. */
recap_status rc_strtab_intern(rc_strtab *t, const char *s, size_t n,
                              uint32_t *id, int *added);
/* Makes room for `keys` more strings of `bytes` bytes in all, so that
   interning them afterwards cannot fail. */
recap_status rc_strtab_reserve(rc_strtab *t, size_t keys, size_t bytes);
/* The id of s[0..n), or RC_NO_ID. */
uint32_t rc_strtab_find(const rc_strtab *t, const char *s, size_t n);
/* The bytes of id (not NUL-terminated; valid until the next intern). */
static inline const char *rc_strtab_str(const rc_strtab *t, uint32_t id,
                                        size_t *len) {
  *len = t->ents[id].len;
  /* Only empty keys interned: no pool yet (no arithmetic on NULL). */
  return t->pool ? t->pool + t->ents[id].off : "";
}

#endif
