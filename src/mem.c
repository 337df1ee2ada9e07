/*
 * mem.c - allocation through the caller's recap_allocator, overflow-checked
 * sizes, geometric array growth and a block arena.
 */
#include "mem.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static void *std_malloc(void *user, size_t size) {
  (void)user;
  return malloc(size);
}
static void *std_realloc(void *user, void *ptr, size_t size) {
  (void)user;
  return realloc(ptr, size);
}
static void std_free(void *user, void *ptr) {
  (void)user;
  free(ptr);
}

static const recap_allocator default_allocator = {std_malloc, std_realloc,
                                                  std_free, NULL};

const recap_allocator *rc_default_allocator(void) { return &default_allocator; }

bool rc_mul(size_t a, size_t b, size_t *out) {
  if (b != 0 && a > SIZE_MAX / b)
    return false;
  *out = a * b;
  return true;
}

bool rc_add(size_t a, size_t b, size_t *out) {
  if (a > SIZE_MAX - b)
    return false;
  *out = a + b;
  return true;
}

void *rc_malloc(const recap_allocator *a, size_t size) {
  /* A zero-byte request still gets a distinct pointer, as callers test for
     NULL to detect failure. */
  return a->malloc(a->user, size ? size : 1);
}

void *rc_calloc(const recap_allocator *a, size_t count, size_t size) {
  size_t total;
  if (!rc_mul(count, size, &total))
    return NULL;
  void *p = rc_malloc(a, total);
  if (p)
    memset(p, 0, total);
  return p;
}

void *rc_realloc(const recap_allocator *a, void *ptr, size_t size) {
  return a->realloc(a->user, ptr, size ? size : 1);
}

void rc_free(const recap_allocator *a, void *ptr) {
  if (ptr)
    a->free(a->user, ptr);
}

recap_status rc_reserve(const recap_allocator *a, void **data, size_t *cap,
                        size_t need, size_t elem) {
  if (need <= *cap)
    return RECAP_OK;
  size_t n = *cap < 8 ? 8 : *cap;
  while (n < need) {
    if (n > SIZE_MAX / 2)
      return RECAP_ERR_NOMEM;
    n *= 2;
  }
  size_t bytes;
  if (!rc_mul(n, elem, &bytes))
    return RECAP_ERR_NOMEM;
  void *p = rc_realloc(a, *data, bytes);
  if (!p)
    return RECAP_ERR_NOMEM;
  *data = p;
  *cap = n;
  return RECAP_OK;
}

void rc_shrink(const recap_allocator *a, void **data, size_t *cap, size_t len,
               size_t elem, size_t slack) {
  if (*cap <= len || (*cap - len) * elem <= slack || len == 0)
    return;
  void *p = rc_realloc(a, *data, len * elem);
  if (!p)
    return;
  *data = p;
  *cap = len;
}

/* ---- arena -------------------------------------------------------------- */

struct rc_arena_block {
  rc_arena_block *next;
  size_t size; /* bytes usable after the header */
  size_t used;
  /* payload follows, aligned to 16 */
};

#define ARENA_ALIGN 16
#define ARENA_HEADER                                                           \
  ((sizeof(rc_arena_block) + ARENA_ALIGN - 1) & ~(size_t)(ARENA_ALIGN - 1))
#define ARENA_MIN_BLOCK ((size_t)16 * 1024)

void rc_arena_init(rc_arena *arena, const recap_allocator *alloc) {
  arena->alloc = alloc;
  arena->head = NULL;
}

static unsigned char *block_payload(rc_arena_block *b) {
  return (unsigned char *)b + ARENA_HEADER;
}

void *rc_arena_alloc(rc_arena *arena, size_t size) {
  size_t rounded;
  if (!rc_add(size, ARENA_ALIGN - 1, &rounded))
    return NULL;
  rounded &= ~(size_t)(ARENA_ALIGN - 1);
  if (rounded == 0)
    rounded = ARENA_ALIGN;
  rc_arena_block *b = arena->head;
  if (!b || b->size - b->used < rounded) {
    /* Grow block sizes with the arena so a large document needs few
       blocks, but never less than the request. */
    size_t want = b ? b->size * 2 : ARENA_MIN_BLOCK;
    if (want < rounded)
      want = rounded;
    size_t total;
    if (!rc_add(want, ARENA_HEADER, &total))
      return NULL;
    rc_arena_block *nb = rc_malloc(arena->alloc, total);
    if (!nb)
      return NULL;
    nb->size = want;
    nb->used = 0;
    nb->next = b;
    arena->head = b = nb;
  }
  void *p = block_payload(b) + b->used;
  b->used += rounded;
  return p;
}

void *rc_arena_calloc(rc_arena *arena, size_t count, size_t size) {
  size_t total;
  if (!rc_mul(count, size, &total))
    return NULL;
  void *p = rc_arena_alloc(arena, total);
  if (p)
    memset(p, 0, total);
  return p;
}

char *rc_arena_strndup(rc_arena *arena, const char *s, size_t n) {
  size_t total;
  if (!rc_add(n, 1, &total))
    return NULL;
  char *p = rc_arena_alloc(arena, total);
  if (!p)
    return NULL;
  if (n)
    memcpy(p, s, n);
  p[n] = '\0';
  return p;
}

void rc_arena_reset(rc_arena *arena) {
  rc_arena_block *keep = NULL;
  for (rc_arena_block *b = arena->head, *next; b; b = next) {
    next = b->next;
    if (!keep || b->size > keep->size) {
      rc_free(arena->alloc, keep);
      keep = b;
    } else {
      rc_free(arena->alloc, b);
    }
  }
  if (keep) {
    keep->used = 0;
    keep->next = NULL;
  }
  arena->head = keep;
}

void rc_arena_free(rc_arena *arena) {
  for (rc_arena_block *b = arena->head, *next; b; b = next) {
    next = b->next;
    rc_free(arena->alloc, b);
  }
  arena->head = NULL;
}
