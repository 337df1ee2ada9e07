/*
 * filename.h - what an input's file name says (filename.c): its extension,
 * a hint for the format, and a subtitle language tag ("talk.fr.srt").
 * The only place that parses file names.
 */
#ifndef RC_FILENAME_H
#define RC_FILENAME_H

#include <stddef.h>

/* Does the name end with `ext` (".srt"), case-insensitively?  0 for NULL. */
int rc_filename_has_extension(const char *path, const char *ext);
/* Subtitle files carry their language in the name: "talk.fr.srt",
   "talk.zh-CN.vtt" (the convention of YouTube, Kodi and most players):
   the tag's two- or three-letter lower-case code into code[0..4) (NUL-
   terminated) and its length, or 0 if the name has no such tag. */
size_t rc_filename_language_tag(const char *path, char code[4]);

#endif
