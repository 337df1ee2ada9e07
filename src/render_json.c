/*
 * render_json.c - one JSON object on one line (so several documents make
 * JSON Lines).  The schema is stable and versioned ("version":
 * RECAP_JSON_VERSION, first after the caller's lead): every key is always
 * present, with null for what the input does not have (speakers, times);
 * "chapters", "speakers", "decisions" and "actions" appear when asked
 * for.  Strings are valid
 * UTF-8 (the pipeline guarantees it) and escaped per RFC 8259, U+2028 and
 * U+2029 too, so that no line splitter cuts a record in two.
 */
#include <string.h>

#include "render.h"

static void key(rc_buf *out, const char *k) {
  rc_buf_json_string(out, k, strlen(k));
  rc_buf_putc(out, ':');
}

/* ,"name":123 -- integers without printf: a document has many. */
static void uint_field(rc_buf *out, const char *comma_name_colon, size_t v) {
  rc_buf_puts(out, comma_name_colon);
  rc_buf_put_uint(out, v);
}

static void str_or_null(rc_buf *out, const char *s) {
  if (s)
    rc_buf_json_string(out, s, strlen(s));
  else
    rc_buf_puts(out, "null");
}

/* Times to the millisecond, as captions give them. */
static void time_or_null(rc_buf *out, double t) {
  if (t >= 0)
    rc_buf_json_fixed(out, t, 3);
  else
    rc_buf_puts(out, "null");
}

static void sentence(rc_buf *out, const recap_sentence *s) {
  rc_buf_putc(out, '{');
  key(out, "text");
  rc_buf_json_string(out, s->text, s->text_length);
  uint_field(out, ",\"index\":", s->index);
  rc_buf_puts(out, ",\"score\":");
  rc_buf_json_number(out, s->score);
  uint_field(out, ",\"offset\":", s->offset);
  uint_field(out, ",\"length\":", s->length);
  uint_field(out, ",\"words\":", s->words);
  rc_buf_putc(out, ',');
  key(out, "speaker");
  str_or_null(out, s->speaker);
  rc_buf_puts(out, ",\"start\":");
  time_or_null(out, s->start);
  rc_buf_puts(out, ",\"end\":");
  time_or_null(out, s->end);
  rc_buf_putc(out, '}');
}

static void keyphrase(rc_buf *out, const recap_keyphrase *k) {
  rc_buf_putc(out, '{');
  key(out, "phrase");
  rc_buf_json_string(out, k->phrase, k->phrase_length);
  rc_buf_puts(out, ",\"score\":");
  rc_buf_json_number(out, k->score);
  uint_field(out, ",\"count\":", k->count);
  uint_field(out, ",\"sentence\":", k->sentence);
  uint_field(out, ",\"offset\":", k->offset);
  uint_field(out, ",\"length\":", k->length);
  rc_buf_puts(out, ",\"start\":");
  time_or_null(out, k->start);
  rc_buf_putc(out, '}');
}

static void chapter(rc_buf *out, const recap_chapter *c) {
  rc_buf_putc(out, '{');
  key(out, "title");
  str_or_null(out, c->title);
  rc_buf_puts(out, ",\"start\":");
  time_or_null(out, c->start);
  rc_buf_puts(out, ",\"end\":");
  time_or_null(out, c->end);
  rc_buf_printf(out,
                ",\"first_sentence\":%zu,\"sentences\":%zu,\"offset\":%zu,"
                "\"length\":%zu,\"highlights\":[",
                c->first_sentence, c->sentence_count, c->offset, c->length);
  for (size_t i = 0; i < c->highlight_count; i++) {
    if (i)
      rc_buf_putc(out, ',');
    sentence(out, c->highlights[i]);
  }
  rc_buf_puts(out, "]}");
}

static void speaker(rc_buf *out, const recap_speaker *s) {
  rc_buf_putc(out, '{');
  key(out, "name");
  str_or_null(out, s->name);
  rc_buf_puts(out, ",\"talk_time\":");
  time_or_null(out, s->talk_time);
  rc_buf_printf(out, ",\"words\":%zu,\"turns\":%zu,\"keyphrases\":[", s->words,
                s->turns);
  for (size_t i = 0; i < s->keyphrase_count; i++) {
    if (i)
      rc_buf_putc(out, ',');
    keyphrase(out, s->keyphrases[i]);
  }
  rc_buf_puts(out, "],\"representative\":");
  if (s->representative)
    sentence(out, s->representative);
  else
    rc_buf_puts(out, "null");
  rc_buf_putc(out, '}');
}

/* A decision or action item: a sentence's members, then for actions its
   owner and due time. */
static void item(rc_buf *out, const recap_item *it) {
  rc_buf_putc(out, '{');
  key(out, "text");
  rc_buf_json_string(out, it->text, it->text_length);
  uint_field(out, ",\"index\":", it->sentence);
  rc_buf_puts(out, ",\"score\":");
  rc_buf_json_number(out, it->score);
  uint_field(out, ",\"offset\":", it->offset);
  uint_field(out, ",\"length\":", it->length);
  uint_field(out, ",\"words\":", it->words);
  rc_buf_putc(out, ',');
  key(out, "speaker");
  str_or_null(out, it->speaker);
  rc_buf_puts(out, ",\"start\":");
  time_or_null(out, it->start);
  rc_buf_puts(out, ",\"end\":");
  time_or_null(out, it->end);
  if (it->kind == RECAP_ITEM_ACTION) {
    rc_buf_putc(out, ',');
    key(out, "owner");
    str_or_null(out, it->owner);
    rc_buf_putc(out, ',');
    key(out, "due");
    str_or_null(out, it->due);
  }
  rc_buf_putc(out, '}');
}

static void items(rc_buf *out, const char *name, const recap_item *its,
                  size_t n) {
  rc_buf_puts(out, name);
  for (size_t i = 0; i < n; i++) {
    if (i)
      rc_buf_putc(out, ',');
    item(out, &its[i]);
  }
  rc_buf_putc(out, ']');
}

void rc_render_json(const recap_document *doc, const char *lead,
                    size_t lead_len, rc_buf *out) {
  double conf;
  const char *lang = recap_document_language(doc, &conf);
  rc_buf_putc(out, '{');
  if (lead) {
    rc_buf_put(out, lead, lead_len);
    rc_buf_putc(out, ',');
  }
  uint_field(out, "\"version\":", RECAP_JSON_VERSION);
  rc_buf_putc(out, ',');
  key(out, "language");
  str_or_null(out, strcmp(lang, "none") == 0 ? NULL : lang);
  rc_buf_puts(out, ",\"language_confidence\":");
  rc_buf_json_number(out, conf);
  rc_buf_puts(out, ",\"language_reason\":");
  str_or_null(out, recap_document_language_reason(doc));
  rc_buf_puts(out, ",\"languages\":[");
  for (size_t i = 0; i < recap_document_language_count(doc); i++) {
    double share;
    const char *name = recap_document_language_at(doc, i, &share);
    rc_buf_puts(out, i ? ",{" : "{");
    key(out, "language");
    str_or_null(out, name);
    rc_buf_puts(out, ",\"share\":");
    rc_buf_json_number(out, share);
    rc_buf_putc(out, '}');
  }
  rc_buf_puts(out, "],\"encoding\":");
  str_or_null(out, recap_document_encoding(doc));
  rc_buf_puts(out, ",\"input_format\":");
  str_or_null(out, recap_input_format_name(doc->format));
  rc_buf_printf(out, ",\"words\":%zu,\"sentences\":%zu,\"duration\":",
                doc->word_count, doc->sents.len);
  time_or_null(out, recap_document_duration(doc));
  rc_buf_puts(out, ",\"summary\":[");
  for (size_t i = 0; i < doc->summary_count; i++) {
    if (i)
      rc_buf_putc(out, ',');
    sentence(out, &doc->summary[i]);
  }
  rc_buf_puts(out, "],\"keyphrases\":[");
  for (size_t i = 0; i < doc->keyphrase_count; i++) {
    if (i)
      rc_buf_putc(out, ',');
    keyphrase(out, &doc->keyphrases[i]);
  }
  rc_buf_putc(out, ']');
  if (doc->opt.flags & RECAP_OPT_CHAPTERS) {
    rc_buf_puts(out, ",\"chapters\":[");
    for (size_t i = 0; i < doc->chapter_count; i++) {
      if (i)
        rc_buf_putc(out, ',');
      chapter(out, &doc->chapters[i]);
    }
    rc_buf_putc(out, ']');
  }
  if (doc->opt.flags & RECAP_OPT_SPEAKERS) {
    rc_buf_puts(out, ",\"speakers\":[");
    for (size_t i = 0; i < doc->speaker_count; i++) {
      if (i)
        rc_buf_putc(out, ',');
      speaker(out, &doc->speakers[i]);
    }
    rc_buf_putc(out, ']');
  }
  if (doc->opt.flags & RECAP_OPT_DECISIONS) {
    items(out, ",\"decisions\":[", doc->decisions, doc->decision_count);
    items(out, ",\"actions\":[", doc->actions, doc->action_count);
  }
  rc_buf_putc(out, '}');
}
