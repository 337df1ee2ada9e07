/*
 * render.c - what the renderers share: the clock formats.  Below every
 * render_*.c; recap_render(), which picks a renderer, is in api.c.
 */
#include "render.h"

#include <math.h>

static unsigned long long whole_seconds(double s) {
  if (!(s >= 0)) /* also NaN */
    return 0;
  if (s > RC_TIME_MAX) /* no cue has a later time (source.h) */
    s = RC_TIME_MAX;
  return (unsigned long long)floor(s);
}

void rc_put_clock(rc_buf *out, double seconds) {
  if (seconds < 0)
    return;
  unsigned long long t = whole_seconds(seconds);
  rc_buf_printf(out, "%02llu:%02llu:%02llu", t / 3600, t / 60 % 60, t % 60);
}

void rc_put_short_clock(rc_buf *out, double seconds) {
  unsigned long long t = whole_seconds(seconds);
  if (t >= 3600)
    rc_buf_printf(out, "%llu:%02llu:%02llu", t / 3600, t / 60 % 60, t % 60);
  else
    rc_buf_printf(out, "%llu:%02llu", t / 60, t % 60);
}
