/*
 * render_youtube.c - a chapter list as YouTube reads it from a video
 * description: "0:00 Title" per line, the first at 0:00.  Without
 * timestamps, chapters are given by sentence number instead.
 */
#include "render.h"

void rc_render_youtube(const recap_document *doc, rc_buf *out) {
  for (size_t i = 0; i < doc->chapter_count; i++) {
    const recap_chapter *c = &doc->chapters[i];
    if (c->start >= 0)
      rc_put_short_clock(out, i == 0 ? 0 : c->start);
    else
      rc_buf_printf(out, "#%zu", c->first_sentence + 1);
    rc_buf_putc(out, ' ');
    rc_buf_puts(out, c->title);
    rc_buf_putc(out, '\n');
  }
}
