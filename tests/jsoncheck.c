/*
 * jsoncheck.c - exits 0 if every line of stdin (or of FILE) is one valid
 * JSON value and valid UTF-8, else prints the first bad line's number and
 * why; with -u, only that the whole input is valid UTF-8.  Used by the
 * golden and pathological tests to check that recap's output is always
 * valid UTF-8 and, in JSON modes, valid JSON.  Built on the library's
 * strict parser.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "decode.h"
#include "json.h"

int main(int argc, char **argv) {
  int utf8_only = argc > 1 && strcmp(argv[1], "-u") == 0;
  if (utf8_only) {
    argv++;
    argc--;
  }
  FILE *f = argc > 1 ? fopen(argv[1], "rb") : stdin;
  if (!f) {
    perror(argv[1]);
    return 2;
  }
  char *line = NULL;
  size_t cap = 0, number = 0;
  ssize_t len;
  int bad = 0;
  while (!bad && (len = getline(&line, &cap, f)) >= 0) {
    number++;
    if (len && line[len - 1] == '\n')
      len--;
    rc_arena arena;
    rc_arena_init(&arena, rc_default_allocator());
    rc_json *v;
    rc_json_error err;
    if (!rc_utf8_valid(line, (size_t)len)) {
      fprintf(stderr, "jsoncheck: line %zu: invalid UTF-8\n", number);
      bad = 1;
    } else if (utf8_only) {
      /* nothing more to check */
    } else if (rc_json_parse_with(&arena, line, (size_t)len, 1000,
                                  RC_JSON_HUGE_NUMBERS, /* valid (RFC 8259) */
                                  &v, &err) != RECAP_OK) {
      fprintf(stderr, "jsoncheck: line %zu, column %zu: %s\n", number,
              err.column, err.message);
      bad = 1;
    }
    rc_arena_free(&arena);
  }
  free(line);
  if (!bad && number == 0 && !utf8_only) {
    fprintf(stderr, "jsoncheck: no JSON at all\n");
    bad = 1;
  }
  return bad;
}
