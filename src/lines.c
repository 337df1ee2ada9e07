/*
 * lines.c - reading text a line at a time (see lines.h).
 */
#include "lines.h"

#include <string.h>

void rc_lines_init(rc_lines *it, const char *s, size_t n) {
  it->s = s;
  it->n = n;
  it->pos = 0;
  it->number = 0;
}

int rc_lines_next(rc_lines *it, rc_line *line) {
  if (it->pos >= it->n)
    return 0;
  const char *b = it->s + it->pos;
  const char *nl = memchr(b, '\n', it->n - it->pos);
  size_t len = nl ? (size_t)(nl - b) : it->n - it->pos;
  line->s = b;
  line->len = len;
  line->off = it->pos;
  line->number = ++it->number;
  it->pos += len + (nl != NULL);
  return 1;
}

int rc_lines_peek(const rc_lines *it, rc_line *line) {
  rc_lines copy = *it;
  return rc_lines_next(&copy, line);
}

rc_line rc_line_trim(rc_line l) {
  while (l.len && (l.s[0] == ' ' || l.s[0] == '\t')) {
    l.s++;
    l.off++;
    l.len--;
  }
  while (l.len && (l.s[l.len - 1] == ' ' || l.s[l.len - 1] == '\t'))
    l.len--;
  return l;
}

int rc_line_blank(const rc_line *l) {
  for (size_t i = 0; i < l->len; i++)
    if (l->s[i] != ' ' && l->s[i] != '\t')
      return 0;
  return 1;
}
