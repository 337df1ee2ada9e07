/*
 * render_markdown.c - Markdown: sections as headings, sentences as
 * `- [00:12:34] **Speaker**: sentence` list items.
 */
#include <string.h>

#include "render.h"

/* Markdown would read *, _, `, [ and friends in speech as formatting. */
static void put_escaped(rc_buf *out, const char *s, size_t n) {
  for (size_t i = 0; i < n; i++) {
    char c = s[i];
    if (c == '\\' || c == '`' || c == '*' || c == '_' || c == '[' || c == ']' ||
        c == '<' || c == '>' || c == '#' || c == '|')
      rc_buf_putc(out, '\\');
    rc_buf_putc(out, c);
  }
}

void rc_markdown_sentence(rc_buf *out, const recap_sentence *s,
                          const char *indent) {
  rc_buf_puts(out, indent);
  rc_buf_puts(out, "- ");
  if (s->start >= 0) {
    rc_buf_putc(out, '[');
    rc_put_clock(out, s->start);
    rc_buf_puts(out, "] ");
  }
  if (s->speaker) {
    rc_buf_puts(out, "**");
    put_escaped(out, s->speaker, strlen(s->speaker));
    rc_buf_puts(out, "**: ");
  }
  put_escaped(out, s->text, s->text_length);
  rc_buf_putc(out, '\n');
}

static void speakers(const recap_document *doc, rc_buf *out) {
  rc_buf_puts(out, "\n## Speakers\n\n| Speaker | Talk time | Words | Turns | "
                   "Key phrases |\n| --- | --- | ---: | ---: | --- |\n");
  for (size_t i = 0; i < doc->speaker_count; i++) {
    const recap_speaker *s = &doc->speakers[i];
    rc_buf_puts(out, "| ");
    put_escaped(out, s->name, strlen(s->name));
    rc_buf_puts(out, " | ");
    rc_put_clock(out, s->talk_time);
    rc_buf_printf(out, " | %zu | %zu | ", s->words, s->turns);
    for (size_t k = 0; k < s->keyphrase_count; k++) {
      if (k)
        rc_buf_puts(out, ", ");
      put_escaped(out, s->keyphrases[k]->phrase,
                  s->keyphrases[k]->phrase_length);
    }
    rc_buf_puts(out, " |\n");
  }
}

/* `- [00:12:34] **Speaker**: text`, an action as a task list item
   (`- [ ] ...`) with its owner and due time after it when known. */
static void item(rc_buf *out, const recap_item *it) {
  rc_buf_puts(out, it->kind == RECAP_ITEM_ACTION ? "- [ ] " : "- ");
  if (it->start >= 0) {
    rc_buf_putc(out, '[');
    rc_put_clock(out, it->start);
    rc_buf_puts(out, "] ");
  }
  if (it->speaker) {
    rc_buf_puts(out, "**");
    put_escaped(out, it->speaker, strlen(it->speaker));
    rc_buf_puts(out, "**: ");
  }
  put_escaped(out, it->text, it->text_length);
  if (it->owner || it->due) {
    rc_buf_puts(out, " *(");
    if (it->owner) {
      rc_buf_puts(out, "owner: ");
      put_escaped(out, it->owner, strlen(it->owner));
    }
    if (it->due) {
      rc_buf_puts(out, it->owner ? "; due: " : "due: ");
      put_escaped(out, it->due, strlen(it->due));
    }
    rc_buf_puts(out, ")*");
  }
  rc_buf_putc(out, '\n');
}

static void items(rc_buf *out, const char *title, const recap_item *its,
                  size_t n) {
  if (n == 0)
    return;
  rc_buf_puts(out, out->len ? "\n## " : "## ");
  rc_buf_puts(out, title);
  rc_buf_puts(out, "\n\n");
  for (size_t i = 0; i < n; i++)
    item(out, &its[i]);
}

void rc_render_markdown(const recap_document *doc, rc_buf *out) {
  if (doc->summary_count) {
    rc_buf_puts(out, "## Summary\n\n");
    for (size_t i = 0; i < doc->summary_count; i++)
      rc_markdown_sentence(out, &doc->summary[i], "");
  }
  if (doc->keyphrase_count) {
    rc_buf_puts(out, out->len ? "\n## Key phrases\n\n" : "## Key phrases\n\n");
    for (size_t i = 0; i < doc->keyphrase_count; i++) {
      const recap_keyphrase *k = &doc->keyphrases[i];
      rc_buf_puts(out, "- ");
      put_escaped(out, k->phrase, k->phrase_length);
      rc_buf_printf(out, " (%zu)\n", k->count);
    }
  }
  if (doc->chapter_count) {
    rc_buf_puts(out, out->len ? "\n## Chapters\n" : "## Chapters\n");
    for (size_t i = 0; i < doc->chapter_count; i++) {
      const recap_chapter *c = &doc->chapters[i];
      rc_buf_puts(out, "\n### ");
      if (c->start >= 0) {
        rc_put_clock(out, c->start);
        rc_buf_putc(out, ' ');
      }
      put_escaped(out, c->title, strlen(c->title));
      rc_buf_puts(out, "\n\n");
      for (size_t k = 0; k < c->highlight_count; k++)
        rc_markdown_sentence(out, c->highlights[k], "");
    }
  }
  if (doc->speaker_count)
    speakers(doc, out);
  items(out, "Decisions", doc->decisions, doc->decision_count);
  items(out, "Action items", doc->actions, doc->action_count);
}
