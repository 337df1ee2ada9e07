/*
 * render.c - recap_render() and the clock formats shared by renderers.
 */
#include "render.h"

#include <math.h>

static unsigned long long whole_seconds(double s) {
  if (!(s >= 0)) /* also NaN */
    return 0;
  if (s > 1e12)
    s = 1e12;
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

recap_status recap_render(const recap_document *doc, recap_format format,
                          char **out, size_t *length) {
  if (!doc || !out)
    return RECAP_ERR_INVALID_ARGUMENT;
  *out = NULL;
  rc_buf b;
  rc_buf_init(&b, doc->alloc);
  switch (format) {
  case RECAP_FORMAT_TEXT:
    rc_render_text(doc, &b);
    break;
  case RECAP_FORMAT_JSON:
    rc_render_json(doc, &b);
    break;
  case RECAP_FORMAT_MARKDOWN:
    rc_render_markdown(doc, &b);
    break;
  case RECAP_FORMAT_YOUTUBE:
    rc_render_youtube(doc, &b);
    break;
  default:
    return RECAP_ERR_INVALID_ARGUMENT;
  }
  return rc_buf_finish(&b, out, length);
}
