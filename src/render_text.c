/*
 * render_text.c - plain text for people.  One item per line; section
 * headings only when more than one section is shown, so `recap -k 0`
 * prints just the summary, one sentence per line, ready for a pipe.
 */
#include "render.h"

static void sentence_line(rc_buf *out, const recap_sentence *s,
                          const char *indent) {
  rc_buf_puts(out, indent);
  if (s->start >= 0) {
    rc_buf_putc(out, '[');
    rc_put_clock(out, s->start);
    rc_buf_puts(out, "] ");
  }
  if (s->speaker) {
    rc_buf_puts(out, s->speaker);
    rc_buf_puts(out, ": ");
  }
  rc_buf_put(out, s->text, s->text_length);
  rc_buf_putc(out, '\n');
}

static void heading(rc_buf *out, int headings, const char *title) {
  if (!headings)
    return;
  if (out->len)
    rc_buf_putc(out, '\n');
  rc_buf_puts(out, title);
  rc_buf_puts(out, ":\n");
}

static void chapters(const recap_document *doc, rc_buf *out) {
  for (size_t i = 0; i < doc->chapter_count; i++) {
    const recap_chapter *c = &doc->chapters[i];
    if (c->start >= 0) {
      rc_put_clock(out, c->start);
      rc_buf_puts(out, " - ");
      rc_put_clock(out, c->end);
      rc_buf_putc(out, ' ');
    } else {
      rc_buf_printf(out, "sentences %zu-%zu ", c->first_sentence + 1,
                    c->first_sentence + c->sentence_count);
    }
    rc_buf_puts(out, c->title);
    rc_buf_putc(out, '\n');
    for (size_t k = 0; k < c->highlight_count; k++)
      sentence_line(out, c->highlights[k], "  ");
  }
}

static void speakers(const recap_document *doc, rc_buf *out) {
  for (size_t i = 0; i < doc->speaker_count; i++) {
    const recap_speaker *s = &doc->speakers[i];
    rc_buf_puts(out, s->name);
    rc_buf_puts(out, ": ");
    if (s->talk_time >= 0) {
      rc_put_clock(out, s->talk_time);
      rc_buf_puts(out, " talk time, ");
    }
    rc_buf_printf(out, "%zu word%s, %zu turn%s\n", s->words,
                  s->words == 1 ? "" : "s", s->turns, s->turns == 1 ? "" : "s");
    if (s->keyphrase_count) {
      rc_buf_puts(out, "  key phrases: ");
      for (size_t k = 0; k < s->keyphrase_count; k++) {
        if (k)
          rc_buf_puts(out, ", ");
        rc_buf_puts(out, s->keyphrases[k]->phrase);
      }
      rc_buf_putc(out, '\n');
    }
    if (s->representative) {
      rc_buf_puts(out, "  \"");
      rc_buf_put(out, s->representative->text,
                 s->representative->text_length);
      rc_buf_puts(out, "\"\n");
    }
  }
}

/* An item as a sentence line, with an action's owner and due time after
   it when known: "... (owner: Linda Chen; due: today)". */
static void item_line(rc_buf *out, const recap_item *it) {
  if (it->start >= 0) {
    rc_buf_putc(out, '[');
    rc_put_clock(out, it->start);
    rc_buf_puts(out, "] ");
  }
  if (it->speaker) {
    rc_buf_puts(out, it->speaker);
    rc_buf_puts(out, ": ");
  }
  rc_buf_put(out, it->text, it->text_length);
  if (it->owner || it->due) {
    rc_buf_puts(out, " (");
    if (it->owner) {
      rc_buf_puts(out, "owner: ");
      rc_buf_puts(out, it->owner);
    }
    if (it->due) {
      rc_buf_puts(out, it->owner ? "; due: " : "due: ");
      rc_buf_puts(out, it->due);
    }
    rc_buf_putc(out, ')');
  }
  rc_buf_putc(out, '\n');
}

void rc_render_text(const recap_document *doc, rc_buf *out) {
  int sections = (doc->summary_count > 0) + (doc->keyphrase_count > 0) +
                 (doc->chapter_count > 0) + (doc->speaker_count > 0) +
                 (doc->decision_count > 0) + (doc->action_count > 0);
  int headings = sections > 1;
  if (doc->summary_count) {
    heading(out, headings, "Summary");
    for (size_t i = 0; i < doc->summary_count; i++)
      sentence_line(out, &doc->summary[i], "");
  }
  if (doc->keyphrase_count) {
    heading(out, headings, "Key phrases");
    for (size_t i = 0; i < doc->keyphrase_count; i++) {
      rc_buf_put(out, doc->keyphrases[i].phrase,
                 doc->keyphrases[i].phrase_length);
      rc_buf_putc(out, '\n');
    }
  }
  if (doc->chapter_count) {
    heading(out, headings, "Chapters");
    chapters(doc, out);
  }
  if (doc->speaker_count) {
    heading(out, headings, "Speakers");
    speakers(doc, out);
  }
  if (doc->decision_count) {
    heading(out, headings, "Decisions");
    for (size_t i = 0; i < doc->decision_count; i++)
      item_line(out, &doc->decisions[i]);
  }
  if (doc->action_count) {
    heading(out, headings, "Action items");
    for (size_t i = 0; i < doc->action_count; i++)
      item_line(out, &doc->actions[i]);
  }
}
