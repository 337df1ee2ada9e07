/*
 * render_text.c - plain text for people.  One item per line.  Every
 * section asked for (the summary unless it is turned off, key phrases
 * unless 0, chapters, speakers) is shown under its heading, and one with
 * nothing in it says why in a line, so that a short text's key phrase is
 * never taken for its summary.  When only one section is asked for it
 * goes without a heading, so `recap -k 0` prints just the summary, one
 * sentence per line, ready for a pipe (and nothing when it is empty).  A
 * document without sentences renders as nothing at all.
 */
#include "render.h"

#include "options.h"

void rc_text_sentence(rc_buf *out, const recap_sentence *s,
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

/* Why a section asked for is empty: one line in parentheses. */
static void why(rc_buf *out, const char *reason) {
  rc_buf_puts(out, "(none: ");
  rc_buf_puts(out, reason);
  rc_buf_puts(out, ")\n");
}

static void why_no_summary(const recap_document *doc, rc_buf *out) {
  int talk = 0; /* a sentence that is no backchannel */
  for (size_t i = 0; i < doc->sents.len && !talk; i++)
    talk = !(doc->sents.data[i].flags & RC_SENT_BACKCHANNEL);
  if (!talk)
    why(out, "every sentence is a backchannel, such as \"Yeah.\"");
  else if (doc->opt.summary_words != RECAP_UNLIMITED)
    rc_buf_printf(out, "(none: no sentence fits in %zu word%s)\n",
                  doc->opt.summary_words,
                  doc->opt.summary_words == 1 ? "" : "s");
  else
    why(out, "no sentence has a content word");
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
      rc_text_sentence(out, c->highlights[k], "  ");
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
      rc_buf_put(out, s->representative->text, s->representative->text_length);
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
  if (doc->sents.len == 0)
    return;
  const recap_options *o = &doc->opt;
  int want_summary = rc_options_sentences(o) > 0 && o->summary_words > 0 &&
                     o->summary_ratio > 0;
  int want_keyphrases = o->keyphrases > 0;
  int want_chapters = (o->flags & RECAP_OPT_CHAPTERS) != 0;
  int want_speakers = (o->flags & RECAP_OPT_SPEAKERS) != 0;
  int want_decisions = (o->flags & RECAP_OPT_DECISIONS) != 0;
  int headings = want_summary + want_keyphrases + want_chapters +
                     want_speakers + 2 * want_decisions >
                 1;
  if (want_summary && (headings || doc->summary_count)) {
    heading(out, headings, "Summary");
    for (size_t i = 0; i < doc->summary_count; i++)
      rc_text_sentence(out, &doc->summary[i], "");
    if (!doc->summary_count)
      why_no_summary(doc, out);
  }
  if (want_keyphrases && (headings || doc->keyphrase_count)) {
    heading(out, headings, "Key phrases");
    for (size_t i = 0; i < doc->keyphrase_count; i++) {
      rc_buf_put(out, doc->keyphrases[i].phrase,
                 doc->keyphrases[i].phrase_length);
      rc_buf_putc(out, '\n');
    }
    if (!doc->keyphrase_count)
      why(out, "no word or phrase stands out");
  }
  if (want_chapters && doc->chapter_count) { /* none only without sentences */
    heading(out, headings, "Chapters");
    chapters(doc, out);
  }
  if (want_speakers && (headings || doc->speaker_count)) {
    heading(out, headings, "Speakers");
    speakers(doc, out);
    if (!doc->speaker_count)
      why(out, "the input names no speakers");
  }
  if (want_decisions) {
    heading(out, headings, "Decisions");
    for (size_t i = 0; i < doc->decision_count; i++)
      item_line(out, &doc->decisions[i]);
    if (!doc->decision_count)
      why(out, "no sentence decides, agrees or states a requirement");
    heading(out, headings, "Action items");
    for (size_t i = 0; i < doc->action_count; i++)
      item_line(out, &doc->actions[i]);
    if (!doc->action_count)
      why(out, "no sentence commits or assigns anyone to do something");
  }
}
