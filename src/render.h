/*
 * render.h - output formats.  Each renderer appends the document's results
 * to a buffer; recap_render() picks one and hands the text to the caller.
 */
#ifndef RC_RENDER_H
#define RC_RENDER_H

#include "buf.h"
#include "doc.h"

void rc_render_text(const recap_document *doc, rc_buf *out);
/* `lead`, if not NULL, is lead_len bytes of JSON members ("id":7) that
   go first in the object. */
void rc_render_json(const recap_document *doc, const char *lead,
                    size_t lead_len, rc_buf *out);
void rc_render_markdown(const recap_document *doc, rc_buf *out);
void rc_render_youtube(const recap_document *doc, rc_buf *out);
/* A self-contained HTML5 page (render_html.c); ro may be NULL.  A media
   URL that rc_html_media_ok() refuses fails the buffer. */
void rc_render_html(const recap_document *doc, const recap_render_options *ro,
                    rc_buf *out);
/* Is url acceptable as recap_render_options.media (NULL is: no media)? */
int rc_html_media_ok(const char *url);

/* Every sentence of the document, one per line (render_sentences.c): text,
   JSON Lines (each object led by `lead` if not NULL) or Markdown; other
   formats are RECAP_ERR_INVALID_ARGUMENT. */
recap_status rc_render_sentences(const recap_document *doc, recap_format format,
                                 const char *lead, size_t lead_len,
                                 rc_buf *out);

/* One sentence as a line of text ("[00:01:02] Speaker: text") and as a
   Markdown list item, after `indent`. */
void rc_text_sentence(rc_buf *out, const recap_sentence *s, const char *indent);
void rc_markdown_sentence(rc_buf *out, const recap_sentence *s,
                          const char *indent);

/* "01:02:03" (always with hours), or "" for an unknown (negative) time. */
void rc_put_clock(rc_buf *out, double seconds);
/* YouTube's chapter style: "2:03", "1:02:03". */
void rc_put_short_clock(rc_buf *out, double seconds);

#endif
