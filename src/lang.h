/*
 * lang.h - per-language resources compiled into the library.
 *
 * The word lists live in stopwords/<language>.{txt,abbrev,fillers} and
 * stopwords/languages.tsv; tools/gen_tables.c turns them into
 * lang_tables.c (committed; `make tables` regenerates it).  Words are
 * stored in their matching form (NFKC + case fold, as rc_fold() gives) and
 * sorted bytewise, so lookups are binary searches over static data and
 * nothing is parsed at start-up.
 */
#ifndef RC_LANG_H
#define RC_LANG_H

#include <stddef.h>
#include <stdint.h>

/* How an abbreviation's period behaves (stopwords/README). */
enum {
  RC_ABBR_UPPER_ENDS = 0, /* ends a sentence only before a capitalised
                             function word ("the U.S. Army", "the U.S. We") */
  RC_ABBR_ALWAYS = 1,     /* never ends a sentence (titles, e.g.) */
  RC_ABBR_NUMBER = 2,     /* does not end a sentence before a number */
  RC_ABBR_END = 3         /* ends a sentence before any capital (etc.) */
};

/* What a decision or action cue says (stopwords/<language>.cues); a cue
   may have several kinds, so each is a bit. */
enum {
  RC_CUE_DECIDE = 1u << 0,   /* states a decision ("decided", "go with") */
  RC_CUE_SELF = 1u << 1,     /* the speaker commits ("i'll") */
  RC_CUE_OTHER = 1u << 2,    /* someone else is asked ("you'll", "could you") */
  RC_CUE_GROUP = 1u << 3,    /* the group's intent ("we'll", "let's") */
  RC_CUE_PROPOSE = 1u << 4,  /* a proposal ("how about", "should we") */
  RC_CUE_AGREE = 1u << 5,    /* agreement opening a reply ("sounds good") */
  RC_CUE_TASK = 1u << 6,     /* what an action does ("send", "look into") */
  RC_CUE_DUE = 1u << 7,      /* a due time ("friday", "next week") */
  RC_CUE_MONTH = 1u << 8,    /* a month: due only after a BY word or before
                                a day ("may", "march" are verbs too) */
  RC_CUE_BY = 1u << 9,       /* opens a due phrase ("by", "before") */
  RC_CUE_FUTURE = 1u << 10,  /* an auxiliary after a name ("Mark will") */
  RC_CUE_HEDGE = 1u << 11,   /* tentative ("maybe", "i don't know") */
  RC_CUE_META = 1u << 12,    /* about the meeting itself ("next slide") */
  RC_CUE_LEAD = 1u << 13,    /* a discourse opener an item drops ("so") */
  RC_CUE_ASK = 1u << 14,     /* a request ("could you") */
  RC_CUE_CLAUSE = 1u << 15,  /* opens a clause after a comma ("and") */
  RC_CUE_OPEN = 1u << 16,    /* the question is open ("decide whether") */
  RC_CUE_REQUIRE = 1u << 17, /* what it must or will be ("has to be") */
  RC_CUE_COND = 1u << 18,    /* a condition, opening a sentence ("if") */
  RC_CUE_ASSENT = 1u << 19,  /* a weak yes opening a reply ("yeah") */
  RC_CUE_OPTION = 1u << 20,  /* one possibility of several ("we could") */
  RC_CUE_PARTY = 1u << 21,   /* people outside the decision ("people") */
  RC_CUE_SCHED = 1u << 22    /* when the meeting itself meets ("meeting in") */
};
#define RC_CUE_KINDS 23

/* Word i is the NUL-terminated text + offsets[i]; sorted bytewise.  No
   pointer per word: see tools/wordlist_out.h. */
typedef struct rc_wordlist {
  const char *text;
  const uint32_t *offsets;
  size_t count;
} rc_wordlist;

static inline const char *rc_wordlist_at(const rc_wordlist *l, size_t i) {
  return l->text + l->offsets[i];
}

enum {
  RC_LANG_NOSPACE = 1u << 0,        /* written without spaces between words */
  RC_LANG_ORDINAL = 1u << 1,        /* ordinals written "24." ("am 24. Mai") */
  RC_LANG_COLON_STOP = 1u << 2,     /* ':' also ends sentences (Armenian, for
                                       its full stop ։) */
  RC_LANG_SEMICOLON_STOP = 1u << 3, /* ';' ends questions (Greek) */
  RC_LANG_HEADFINAL = 1u << 4       /* modifiers come before their noun: a key
                                       phrase never ends in one */
};

/* How common stems are in general use: counts[i] occurrences of
   stems' word i in a corpus of `total` words. */
typedef struct rc_background {
  rc_wordlist stems;
  const uint32_t *counts;
  unsigned long total;
} rc_background;

typedef struct rc_lang {
  const char *name;    /* "english" */
  const char *code;    /* "en" */
  const char *aliases; /* other codes, comma-separated ("nb,nn") */
  const char *stemmer; /* libstemmer algorithm, or NULL */
  unsigned flags;
  rc_wordlist stopwords;
  rc_wordlist abbrevs; /* kinds in abbrev_kinds, same order */
  const unsigned char *abbrev_kinds;
  rc_wordlist fillers;      /* dropped from display, never scored */
  rc_wordlist backchannels; /* a turn of only these is a backchannel */
  rc_wordlist elisions;     /* l' d' qu' ... split off a word */
  /* Content words that never belong in a key phrase: adjectives that
     point or judge rather than name ("various", "new"). */
  rc_wordlist phrase_stops;
  /* Content words that are key phrases only inside a longer one: nouns
     too general to name a topic alone ("method", "results", "data"). */
  rc_wordlist inside_only;
  /* Stopwords that link to what follows (articles, prepositions,
     conjunctions: "the", "of", "and"): a sentence that ends with one
     without a final stop was cut off. */
  rc_wordlist links;
  /* Phrases (stopwords/<language>.phrases), words joined by one space:
     the last word of every phrase of any kind (the token pass looks up a
     phrase only where one can end), and the phrases of each kind.
     housekeeping: what says nothing about the topic (greetings, thanks,
     meeting logistics: "thank you for joining", "next slide"). */
  rc_wordlist phrase_ends;
  rc_wordlist housekeeping;
  /* gist: what says what a meeting came to (a recap, a decision, who does
     what next: "to sum up", "we decided", "you'll be working on"). */
  rc_wordlist gist;
  /* Stopwords that join the capitalised parts of a name ("Chamber of
     Commerce", "Banco de España"): listed in stopwords too. */
  rc_wordlist joiners;
  /* openers (.phrases): words that open a clause in speech ("and", "but",
     "so", "because"), where segment.c cuts a run-on turn. */
  rc_wordlist openers;
  /* Words that are mostly verbs, and mostly adverbs: not part of noun
     phrases.  From a lexicon generated at build time; NULL if the language
     has none. */
  const rc_wordlist *verbs;
  const rc_wordlist *adverbs;
  /* Words that are mostly adjectives or adverbs, or numbers ("good",
     "different", "two"): in a key phrase, but never one on their own. */
  const rc_wordlist *modifiers;
  /* Modifiers that are never nouns ("experienced", "available"): where
     modifiers come before their noun (RC_LANG_HEADFINAL), a key phrase
     never ends in one. */
  const rc_wordlist *nonfinal;
  /* Word endings that tell verb forms from other words, generated at
     build time from Hunspell dictionaries (tools/gen_wordclass.c): a word
     is a verb form if its longest ending listed in either is in
     verb_ends.  NULL if the language has none. */
  const rc_wordlist *verb_ends;
  const rc_wordlist *other_ends;
  /* General-language frequencies, the default background for IDF; NULL
     if the language has none. */
  const rc_background *background;
  /* Phrases that often open a topic at the start of a turn ("the next",
     "now we"), and phrases that announce one ("let's move on", "let's go
     to"), as folded words joined by single spaces; words a chapter title
     never uses ("thanks", "cetera"); words too general to be a title
     phrase on their own, though a longer phrase may hold them
     ("meeting", but "kick-off meeting"); the word that joins two title
     phrases ("and"), or "". */
  rc_wordlist topic_cues;
  rc_wordlist topic_moves;
  rc_wordlist title_stops;
  rc_wordlist title_generics;
  const char *title_and;
  /* Decision and action cues: phrases of one or more words separated by
     single spaces, in matching form, with a mask of RC_CUE_* kinds each
     (cue_kinds, same order). */
  rc_wordlist cues;
  const uint32_t *cue_kinds;
  /* The letters beyond ASCII the language writes (its lists' letters and
     those languages.tsv declares), folded, sorted; NULL for a language its
     script alone decides, which no letter rules out. */
  const uint32_t *alphabet;
  size_t alphabet_count;
  /* Words a query asks with rather than about ("discuss", "think",
     "summarize": the "ask" kind of <language>.phrases): not query terms. */
  rc_wordlist query_asks;
} rc_lang;

extern const rc_lang rc_languages[];
extern const size_t rc_language_count;
/* The language-neutral mode ("none"): no stemmer, no lists. */
extern const rc_lang rc_lang_none;

/* Every stopword of every language; rc_stopword_any_masks[i] has bit k
   set if rc_stopword_any's word i is a stopword of rc_languages[k]. */
extern const rc_wordlist rc_stopword_any;
extern const uint64_t rc_stopword_any_masks[];
/* Every word ending of every language (stopwords/<language>.endings),
   with a bit per language the same way: what speaks for a language in a
   short text whose function words leave it open. */
extern const rc_wordlist rc_ending_any;
extern const uint64_t rc_ending_any_masks[];

/* A language's index in rc_languages; rc_language_count for the
   language-neutral mode.  Tables keyed by language use it (one byte). */
size_t rc_lang_index(const rc_lang *l);
/* The key byte meaning "every language" in such tables. */
#define RC_LANG_ALL 0xFF

/* By name or ISO 639-1 code (also "nb"/"nn" for norwegian); NULL if
   unknown.  Case-insensitive. */
const rc_lang *rc_lang_find(const char *name);
/* Does the language write the folded letter c?  (ASCII letters: always;
   a language without an alphabet: every letter.) */
int rc_lang_writes(const rc_lang *l, unsigned c);
/* Index of w[0..n) in the list, or -1.  w holds no NUL. */
long rc_wordlist_find(const rc_wordlist *l, const char *w, size_t n);
/* Is the folded word w[0..n) a verb form by the language's endings
   (verb_ends, other_ends)?  0 without them. */
int rc_lang_verb_form(const rc_lang *l, const char *w, size_t n);

#endif
