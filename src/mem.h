/*
 * mem.h - the one place that allocates.
 *
 * Every byte librecap uses comes from the caller's recap_allocator through
 * these functions, so a test can make allocation number N fail and check
 * that the failure is reported and nothing leaks.  Sizes are overflow-
 * checked here so callers never multiply counts by element sizes themselves.
 */
#ifndef RC_MEM_H
#define RC_MEM_H

#include <stdbool.h>
#include <stddef.h>

#include "recap.h"

/* The allocator a context was created with; malloc/realloc/free otherwise. */
const recap_allocator *rc_default_allocator(void);

void *rc_malloc(const recap_allocator *a, size_t size);
void *rc_calloc(const recap_allocator *a, size_t count, size_t size);
void *rc_realloc(const recap_allocator *a, void *ptr, size_t size);
void rc_free(const recap_allocator *a, void *ptr);

/* *out = a * b; false on overflow. */
bool rc_mul(size_t a, size_t b, size_t *out);
/* *out = a + b; false on overflow. */
bool rc_add(size_t a, size_t b, size_t *out);

/*
 * Makes *data (an array of `elem`-byte items with room for *cap) hold at
 * least `need` items, growing geometrically.  On failure *data and *cap are
 * unchanged.  Use RC_RESERVE with an RC_VEC.
 */
recap_status rc_reserve(const recap_allocator *a, void **data, size_t *cap,
                        size_t need, size_t elem);

/*
 * Gives back the room of *data past `len` items when it is more than
 * `slack` bytes (the geometric growth of rc_reserve leaves up to half a
 * vector unused); on failure *data and *cap stay as they were.  Use
 * RC_SHRINK with an RC_VEC.
 */
void rc_shrink(const recap_allocator *a, void **data, size_t *cap, size_t len,
               size_t elem, size_t slack);

/* A growable array of T: data[0..len) used, room for cap. */
#define RC_VEC(T)                                                              \
  struct {                                                                     \
    T *data;                                                                   \
    size_t len, cap;                                                           \
  }

#define RC_RESERVE(st, a, v, need)                                             \
  do {                                                                         \
    if ((need) <= (v).cap) {                                                   \
      (st) = RECAP_OK;                                                         \
    } else {                                                                   \
      void *rc_p_ = (v).data;                                                  \
      (st) = rc_reserve((a), &rc_p_, &(v).cap, (need), sizeof *(v).data);      \
      (v).data = rc_p_;                                                        \
    }                                                                          \
  } while (0)

/* Appends x to v; sets st to RECAP_ERR_NOMEM on failure. */
#define RC_PUSH(st, a, v, x)                                                   \
  do {                                                                         \
    RC_RESERVE(st, a, v, (v).len + 1);                                         \
    if ((st) == RECAP_OK)                                                      \
      (v).data[(v).len++] = (x);                                               \
  } while (0)

#define RC_SHRINK(a, v, slack)                                                 \
  do {                                                                         \
    void *rc_p_ = (v).data;                                                    \
    rc_shrink((a), &rc_p_, &(v).cap, (v).len, sizeof *(v).data, (slack));      \
    (v).data = rc_p_;                                                          \
  } while (0)

#define RC_VEC_FREE(a, v)                                                      \
  do {                                                                         \
    rc_free((a), (v).data);                                                    \
    (v).data = NULL;                                                           \
    (v).len = (v).cap = 0;                                                     \
  } while (0)

/* Propagates a failing status. */
#define RC_TRY(expr)                                                           \
  do {                                                                         \
    recap_status rc_st_ = (expr);                                              \
    if (rc_st_ != RECAP_OK)                                                    \
      return rc_st_;                                                           \
  } while (0)

/*
 * A bump allocator for memory that lives as long as one analysis: small
 * strings, per-result arrays.  Blocks are chained; rc_arena_reset() keeps
 * the largest block for the next document and frees the rest.
 *
 *   head -> [block: next | size | used | bytes ...] -> [older block] -> NULL
 */
typedef struct rc_arena_block rc_arena_block;
typedef struct rc_arena {
  const recap_allocator *alloc;
  rc_arena_block *head;
} rc_arena;

void rc_arena_init(rc_arena *arena, const recap_allocator *alloc);
/* 16-byte aligned memory for `size` bytes, or NULL. */
void *rc_arena_alloc(rc_arena *arena, size_t size);
/* Like rc_arena_alloc for count * size bytes, zeroed; NULL on overflow. */
void *rc_arena_calloc(rc_arena *arena, size_t count, size_t size);
/* A NUL-terminated copy of s[0..n), or NULL. */
char *rc_arena_strndup(rc_arena *arena, const char *s, size_t n);
void rc_arena_reset(rc_arena *arena);
void rc_arena_free(rc_arena *arena);

#endif
