/*
 * lines.h - reading text a line at a time (lines.c): the readers, the
 * table parsers and the word-list loaders all do.
 */
#ifndef RC_LINES_H
#define RC_LINES_H

#include <stddef.h>

/* One line, without its '\n'. */
typedef struct rc_line {
  const char *s;
  size_t len;
  size_t off;    /* offset of the line in the decoded text */
  size_t number; /* 1-based */
} rc_line;

typedef struct rc_lines {
  const char *s;
  size_t n, pos, number;
} rc_lines;

/* An iterator over the lines of s[0..n). */
void rc_lines_init(rc_lines *it, const char *s, size_t n);
/* The next line into *line, advancing; 0 at the end. */
int rc_lines_next(rc_lines *it, rc_line *line);
/* The next line into *line without advancing; 0 at the end. */
int rc_lines_peek(const rc_lines *it, rc_line *line);
/* Line with leading/trailing spaces and tabs removed (offset adjusted). */
rc_line rc_line_trim(rc_line l);
int rc_line_blank(const rc_line *l);

#endif
