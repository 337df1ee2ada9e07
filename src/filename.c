/*
 * filename.c - what an input's file name says (see filename.h).
 */
#include "filename.h"

#include <string.h>

static char lower(char c) { return c >= 'A' && c <= 'Z' ? (char)(c + 32) : c; }

int rc_filename_has_extension(const char *path, const char *ext) {
  if (!path)
    return 0;
  size_t n = strlen(path), e = strlen(ext);
  if (n < e)
    return 0;
  for (size_t i = 0; i < e; i++)
    if (lower(path[n - e + i]) != ext[i])
      return 0;
  return 1;
}

size_t rc_filename_language_tag(const char *path, char code[4]) {
  if (!path)
    return 0;
  const char *base = strrchr(path, '/');
  base = base ? base + 1 : path;
  const char *ext = strrchr(base, '.');
  if (!ext || ext == base)
    return 0;
  const char *tag = ext;
  while (tag > base && tag[-1] != '.')
    tag--;
  if (tag == base)
    return 0; /* "talk.srt": no tag */
  size_t n = 0;
  while (tag + n < ext && tag[n] >= 'a' && tag[n] <= 'z')
    n++;
  /* two or three letters, then the end of the tag or a region ("-CN") */
  if (n < 2 || n > 3 || (tag + n != ext && tag[n] != '-' && tag[n] != '_'))
    return 0;
  memcpy(code, tag, n);
  code[n] = '\0';
  return n;
}
