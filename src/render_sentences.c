/*
 * render_sentences.c - every sentence of the document, one per line, as
 * the segmenter found them (what `recap sentences` prints): text (the
 * summary's line style), JSON Lines (one object per sentence) or Markdown
 * list items.  Nothing is scored or chosen here; the boundaries are the
 * ones the summary, key phrases and chapters are built on.
 */
#include <string.h>

#include "display.h"
#include "render.h"

static void json_line(rc_buf *out, const char *lead, size_t lead_len,
                      const recap_sentence *s) {
  rc_buf_putc(out, '{');
  if (lead) {
    rc_buf_put(out, lead, lead_len);
    rc_buf_putc(out, ',');
  }
  rc_buf_puts(out, "\"index\":");
  rc_buf_put_uint(out, s->index);
  rc_buf_puts(out, ",\"text\":");
  rc_buf_json_string(out, s->text, s->text_length);
  rc_buf_puts(out, ",\"offset\":");
  rc_buf_put_uint(out, s->offset);
  rc_buf_puts(out, ",\"length\":");
  rc_buf_put_uint(out, s->length);
  rc_buf_puts(out, ",\"speaker\":");
  if (s->speaker)
    rc_buf_json_string(out, s->speaker, strlen(s->speaker));
  else
    rc_buf_puts(out, "null");
  rc_buf_puts(out, ",\"start\":");
  if (s->start >= 0)
    rc_buf_json_fixed(out, s->start, 3);
  else
    rc_buf_puts(out, "null");
  rc_buf_puts(out, ",\"end\":");
  if (s->end >= 0)
    rc_buf_json_fixed(out, s->end, 3);
  else
    rc_buf_puts(out, "null");
  rc_buf_puts(out, "}\n");
}

recap_status rc_render_sentences(const recap_document *doc, recap_format format,
                                 const char *lead, size_t lead_len,
                                 rc_buf *out) {
  if (format != RECAP_FORMAT_TEXT && format != RECAP_FORMAT_JSON &&
      format != RECAP_FORMAT_MARKDOWN)
    return RECAP_ERR_INVALID_ARGUMENT;
  /* Private scratch: other threads may be reading the same document. */
  rc_norm norm;
  rc_norm_init(&norm, doc->alloc);
  rc_buf text;
  rc_buf_init(&text, doc->alloc);
  recap_status st = RECAP_OK;
  for (size_t i = 0; i < doc->sents.len && st == RECAP_OK; i++) {
    recap_sentence s;
    rc_doc_sentence_fill(doc, i, &s);
    st = rc_display_sentence(doc, &norm, i, &text);
    if (st != RECAP_OK)
      break;
    s.text = rc_buf_data(&text);
    s.text_length = text.len;
    if (format == RECAP_FORMAT_JSON)
      json_line(out, lead, lead_len, &s);
    else if (format == RECAP_FORMAT_MARKDOWN)
      rc_markdown_sentence(out, &s, "");
    else
      rc_text_sentence(out, &s, "");
  }
  rc_buf_free(&text);
  rc_norm_free(&norm);
  return st;
}
