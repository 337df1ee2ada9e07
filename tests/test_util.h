/*
 * test_util.h - what the cmocka unit tests (tests/test_*.c) share: the
 * headers cmocka needs, in the order it needs them, and the helpers more
 * than one test file uses.  Everything here is static inline, so a test
 * binary is still one .c file linked with the library's objects.
 *
 * A helper moves here when a second test file needs it; one that only
 * makes sense for one file's subject stays in that file.  The helpers
 * check with cmocka's assertions and fail the running test.
 */
#ifndef RECAP_TESTS_TEST_UTIL_H
#define RECAP_TESTS_TEST_UTIL_H

/* cmocka.h wants these first. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "recap.h"

/* The counting, failing allocator: counting, counting_allocator(). */
#include "counting.h"

#endif
