/*
 * doc.h - the context and document: the model every stage reads and
 * extends.
 *
 * Data flows forward through the stages, each adding its part; the
 * driver (analyze.c) runs them in this order and no stage calls it:
 *
 *   decode     -> text        (rc_text: clean UTF-8, map to the input)
 *   read_*     -> src         (cues: speaker, times, content ranges)
 *   langdetect -> lang (and boundary_lang, its guess when unsure)
 *   segment    -> spans       (sentences as content ranges)
 *   terms      -> terms, stems, sents, sent_terms, and through
 *                 candidates.c phrases and surfaces (one token pass)
 *   tfidf      -> stems[].idf, sentence vectors' norms and TF-IDF scores
 *   score      -> sents[].rank (TextRank over graph.c's sentence graph,
 *                 rank.c's PageRank) and sents[].score
 *   summary    -> summary     (public recap_sentence results, with their
 *                 display text from display.c)
 *   keyphrase  -> phrases[].score, then keyphrases
 *   chapters   -> chapters
 *   speakers   -> speakers
 *   decisions  -> decisions, actions (cue phrases of the language, the
 *                 sentences' scores and display text)
 *
 * The model's own helpers (document.c) answer where a content byte lies
 * in the input, when it was said and by whom; results.c reads the
 * results for the public getters.
 */
#ifndef RC_DOC_H
#define RC_DOC_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "decode.h"
#include "idf.h"
#include "lang.h"
#include "langdetect.h"
#include "langshare.h"
#include "listed.h"
#include "mem.h"
#include "normalize.h"
#include "segment.h"
#include "source.h"
#include "stem.h"
#include "strtab.h"

struct recap_context {
  recap_allocator alloc;
  /* User stopwords, keyed by language index byte + folded word; index
     rc_language_count stands for every language. */
  rc_strtab stop_added;
  rc_strtab stop_removed;
  rc_idf idf;               /* background document frequencies, may be empty */
  unsigned long generation; /* bumped when stopwords or IDF tables change */
  char error[160];
};

/* ---- vocabulary ---------------------------------------------------------- */

enum {
  RC_TERM_STOP = 1u << 0,        /* a stopword of the language or the user */
  RC_TERM_FILLER = 1u << 1,      /* um, uh: dropped from display */
  RC_TERM_BACKCH = 1u << 2,      /* yeah, okay: a turn of only these */
  RC_TERM_NOPHRASE = 1u << 3,    /* number, URL, e-mail: never a key phrase */
  RC_TERM_CJK = 1u << 4,         /* one character of a script without spaces */
  RC_TERM_CUTOFF = 1u << 5,      /* a word cut off in speech ("th", "w") */
  RC_TERM_VERBAL = 1u << 6,      /* mostly a verb: content, but inside a key
                                    phrase only as part of a name */
  RC_TERM_ADVERB = 1u << 7,      /* mostly an adverb: never in a key phrase */
  RC_TERM_MODIFIER = 1u << 8,    /* mostly an adjective or a number: not a
                                    key phrase on its own */
  RC_TERM_PHRASESTOP = 1u << 9,  /* content, but never in a key phrase */
  RC_TERM_INSIDE = 1u << 10,     /* a key phrase only inside a longer one */
  RC_TERM_LINK = 1u << 11,       /* links to what follows ("the", "of",
                                    "and"): no sentence ends with it */
  RC_TERM_PHRASE_END = 1u << 12, /* the last word of a listed phrase
                                   (lang.h, phrase_ends) */
  RC_TERM_JOIN = 1u << 13,       /* a stopword that joins the capitalised
                                    parts of a name ("of", "de", "van") */
  RC_TERM_NONFINAL = 1u << 14    /* a modifier never used as a noun: no key
                                    phrase ends in it where modifiers come
                                    first ("experienced", "available") */
};

/* A distinct word form (folded), interned in doc->terms. */
typedef struct rc_term {
  uint32_t stem;  /* id in doc->stems */
  uint32_t flags; /* RC_TERM_* */
} rc_term;

/* What the lists and the stemmer say of a word, kept by a document across
   analyses (see rc_terms in terms.c): a pure function of the language,
   the token's kind and the folded word, so no result depends on what the
   document analysed before. */
typedef struct rc_wordfact {
  uint32_t flags; /* RC_TERM_*; CUTOFF means "shaped like a cut-off" */
  uint32_t stem;  /* id in recap_document.fact_stems */
  float bg_df;    /* the stem's background document frequency */
} rc_wordfact;

/* A distinct stem: what TF-IDF and TextRank count. */
typedef struct rc_steminfo {
  uint32_t df;    /* sentences that contain it */
  uint32_t tf;    /* occurrences as a content word */
  uint32_t first; /* first sentence */
  uint32_t last;  /* last sentence */
  float idf;
  float position; /* sum of 1 / (1 + position) over its occurrences */
  float bg_df;    /* background document frequency (see tfidf.c) */
  int query;      /* a content word of the query */
} rc_steminfo;

/* ---- sentences ----------------------------------------------------------- */

enum {
  RC_SENT_BACKCHANNEL = 1u << 0,  /* "Yeah.", "Mm-hmm." */
  RC_SENT_QUESTION = 1u << 1,     /* ends with a question mark */
  RC_SENT_FRAGMENT = 1u << 2,     /* too few content words to stand alone */
  RC_SENT_DANGLING = 1u << 3,     /* ends cut off: in a comma, or in a
                                     linking word or a broken-off one
                                     without a final stop */
  RC_SENT_HOUSEKEEPING = 1u << 4, /* says nothing about the topic: holds
                                     a housekeeping phrase ("thank you
                                     for joining", "next slide") */
  RC_SENT_GIST = 1u << 5          /* says what the meeting came to: holds a
                                     gist phrase ("to sum up", "we
                                     decided") */
};

/* One content stem of a sentence and how often it occurs there. */
typedef struct rc_tf {
  uint32_t stem;
  uint32_t tf;
} rc_tf;

/* Shorter sentences are fragments ("Function F eight.", "Big priorities.")
   and never summary sentences.  ROUGE on the dev sets is flat from 0 to
   8; six reads best. */
#define RC_MIN_SUMMARY_WORDS 6
/* ... and content words, as long as RC_MIN_SUMMARY_CHOICE sentences have
   that many (terms.c, mark_thin).  Average ROUGE-1/2 over the meeting dev
   sets by this minimum: 0 .3370/.0565, 3 .3371/.0568, 4 .3371/.0566,
   5 .3397/.0577, 6 .3363/.0573, 8 .3328/.0541. */
#define RC_MIN_SUMMARY_CONTENT 5
#define RC_MIN_SUMMARY_CHOICE 20

/* A sentence, 24 bytes: a third of a meeting's records is sentences and
   they are alive at the peak (the sentence graph), so what only scoring
   reads (rc_sent_weight) and its final score (doc->sent_scores) are kept
   apart, and the content offset is 40 bits (as the offset map's: inputs
   past 1 TiB are refused) split around the flags and the length.  The
   segmenter cuts every sentence below RC_SENT_MAX_LEN bytes (segment.c),
   and its words, content words, stems and cues are each at most one a
   byte, so 16 bits hold them all.  Read and set the offset with
   rc_sent_off() and rc_sent_set_off(). */
typedef struct rc_sent {
  uint32_t off_lo;     /* content offset, low 32 bits */
  uint32_t cue_first;  /* cue of the first byte */
  uint32_t terms;      /* first rc_tf in doc->sent_terms */
  unsigned off_hi : 8; /* content offset, bits 32-39 */
  unsigned flags : 8;  /* RC_SENT_* */
  unsigned len : 16;
  uint16_t cues;    /* cues after the first one (rc_sent_cue_last) */
  uint16_t words;   /* word tokens */
  uint16_t content; /* content tokens (not stop, filler, repeat) */
  uint16_t nterms;  /* distinct content stems */
} rc_sent;

#define RC_SENT_MAX_LEN UINT16_MAX
/* Content offsets a sentence record holds: below 2^40. */
#define RC_SENT_OFF_LIMIT ((uint64_t)1 << 40)
_Static_assert(sizeof(rc_sent) == 24, "a sentence record: 24 bytes");

/* The sentence's content offset. */
static inline size_t rc_sent_off(const rc_sent *s) {
  return (size_t)((uint64_t)s->off_hi << 32 | s->off_lo);
}

/* Sets it; off < RC_SENT_OFF_LIMIT (the reader's offset map refuses
   more). */
static inline void rc_sent_set_off(rc_sent *s, size_t off) {
  s->off_lo = (uint32_t)off;
  s->off_hi = (unsigned)((uint64_t)off >> 32) & 0xffu;
}

/* The cue holding the sentence's last byte. */
static inline uint32_t rc_sent_cue_last(const rc_sent *s) {
  return s->cue_first + s->cues;
}

/* What scoring computes of sentence i before the sentence graph:
   doc->sent_weights.data[i], filled by tfidf.c.  Its TextRank and TF-IDF
   scores are in doc->sent_ranks and doc->sent_tfidf, made once the
   graph's index is freed. */
typedef struct rc_sent_weight {
  float norm; /* length of the TF-IDF vector */
} rc_sent_weight;
_Static_assert(sizeof(rc_sent_weight) == 4, "alive at the graph's peak");

/* Can the sentence stand alone in a summary?  Backchannels ("Yeah."),
   fragments and very short sentences cannot. */
static inline int rc_sent_eligible(const rc_sent *s) {
  return !(s->flags &
           (RC_SENT_BACKCHANNEL | RC_SENT_FRAGMENT | RC_SENT_DANGLING)) &&
         s->words >= RC_MIN_SUMMARY_WORDS;
}

/* ---- key phrase candidates ----------------------------------------------- */

/* Longest key phrase candidate, in words.  F1@10 is flat from 3 to 6
   (4: .3377/.2351, 5: .3385/.2338 on Inspec/SemEval); 5 keeps names
   such as "China Mobile Global Partners Conference" whole. */
#define RC_MAX_PHRASE_WORDS 5

/* A candidate phrase: a sequence of stems (all inflections together). */
typedef struct rc_phrase {
  uint32_t count; /* mentions, inside longer runs too */
  uint32_t alone; /* mentions as a whole run of its own */
  uint32_t first_sentence;
  uint32_t surface;       /* most frequent surface form (id in surfaces) */
  uint32_t first_surface; /* the surface of its first mention, whose
                             off and len are that mention's */
  uint32_t context;       /* the words around its first mention inside a
                             longer run (a hash), for `varied` */
  uint32_t turns;         /* speakers' turns it is mentioned in */
  uint32_t last_turn;     /* the turn of its last mention, + 1 */
  uint16_t spread;        /* parts of the text it is mentioned in (of
                             RC_KP_PARTS equal runs of sentences) */
  uint16_t last_part;     /* the part of its last mention, + 1 */
  /* How each word is written where case tells: votes for a capital (not
     counted at the start of a sentence or a line) and for lower case. */
  uint16_t upper[RC_MAX_PHRASE_WORDS];
  uint16_t lower[RC_MAX_PHRASE_WORDS];
  uint8_t nwords;
  uint8_t varied;   /* a run of its own, or inside different runs:
                       not a piece always cut from the same name */
  uint8_t headless; /* no word that can name a thing: only modifiers
                       ("good", "two"), one letter, or one general
                       noun ("method") */
  double score;
} rc_phrase;

/* How a word is written with capitals, over the document: where case
   tells, how often as a capitalised word ("Transit"), in capitals
   ("ROUGE") or mixed ("iPod", "TensorFlow"), and where it was first
   written each way. */
typedef struct rc_termcase {
  uint32_t votes[3];
  uint32_t len[3];
  size_t off[3];
} rc_termcase;

/* One surface form of a phrase: a sequence of folded terms. */
typedef struct rc_surface {
  uint32_t phrase;
  uint32_t count;
  size_t off, len; /* first occurrence, content range */
} rc_surface;

/* Pipeline stages, for the benchmark's per-stage timing. */
enum {
  RC_STAGE_DECODE,
  RC_STAGE_READ,
  RC_STAGE_LANGUAGE,
  RC_STAGE_SEGMENT,
  RC_STAGE_TERMS,
  RC_STAGE_TFIDF,
  RC_STAGE_KEYPHRASES, /* before the graph: the candidates go first */
  RC_STAGE_SCORE,      /* sentence graph, TextRank, fusion */
  RC_STAGE_SUMMARY,
  RC_STAGE_CHAPTERS,
  RC_STAGE_SPEAKERS,
  RC_STAGE_DECISIONS,
  RC_STAGE_COUNT
};
extern const char *const rc_stage_names[RC_STAGE_COUNT];

struct recap_document {
  const recap_context *ctx;
  const recap_allocator *alloc;
  rc_arena arena; /* results; reset per analysis */
  recap_options opt;
  const rc_lang *lang;
  double lang_confidence;
  rc_lang_why lang_why; /* how lang was chosen, or why it is none */
  /* The language whose abbreviations and function words find sentence
     boundaries: lang, or when detection was unsure its likeliest guess
     (langdetect.h); everything else uses lang. */
  const rc_lang *boundary_lang;
  recap_input_format format;
  char error[256];
  int analysed; /* the last analysis succeeded: there are results */

  rc_text text;      /* decoded input */
  rc_source src;     /* cues */
  rc_span_vec spans; /* scratch: sentence ranges from the segmenter */
  size_t span_count; /* how many it held (terms.c empties it before the
                        token pass; candidates.c divides the text by it) */
  rc_norm norm;      /* utf8proc scratch */
  rc_stemmer stemmer;

  rc_strtab learned_stops; /* "none" mode: stopwords learnt from the text */
  /* Word facts kept across analyses (cleared past RC_FACTS_MAX words or
     when the context's lists change). */
  rc_strtab facts; /* language byte + kind byte + folded word */
  RC_VEC(rc_wordfact) fact_info;
  rc_strtab fact_stems;
  unsigned long facts_generation;
  rc_listed listed;   /* the language's listed phrases by word ids */
  rc_maskcache masks; /* language detection's stopword lookups */
  rc_strtab terms;    /* folded word forms */
  RC_VEC(rc_term) term_info;
  rc_strtab speaker_words; /* folded words of the speakers' names */
  rc_strtab stems;
  RC_VEC(rc_steminfo) stem_info;
  RC_VEC(rc_sent) sents;
  RC_VEC(rc_tf) sent_terms;
  RC_VEC(rc_sent_weight) sent_weights; /* per sentence (tfidf.c, score.c) */
  /* Per sentence, its final score (score.c): made after the sentence
     graph is freed, so not held at its peak. */
  RC_VEC(float) sent_scores;
  /* Per sentence, its TextRank score (score.c; 0 with the TF-IDF
     scorer): made after the graph's index is freed. */
  RC_VEC(float) sent_ranks;
  /* Per sentence, its TF-IDF score (tfidf.c, called by score.c after the
     graph). */
  RC_VEC(float) sent_tfidf;
  RC_VEC(float) relevance; /* with a query: each sentence's (score.c) */
  rc_strtab phrase_keys;   /* stem sequences */
  RC_VEC(rc_phrase) phrases;
  rc_strtab surface_keys; /* term sequences */
  RC_VEC(rc_surface) surfaces;
  RC_VEC(rc_termcase) term_case; /* per term, from candidates.c */
  size_t word_count;
  size_t content_tokens; /* content tokens so far (positions) */
  float score_top;       /* the highest sentence score; reported scores are
                            divided by it */

  /* Results (arena). */
  const rc_lang_share *lang_shares; /* langshare.c */
  size_t lang_share_count;
  recap_sentence *summary;
  size_t summary_count;
  recap_keyphrase *keyphrases;
  size_t keyphrase_count;
  recap_chapter *chapters;
  size_t chapter_count;
  recap_speaker *speakers;
  size_t speaker_count;
  recap_item *decisions;
  size_t decision_count;
  recap_item *actions;
  size_t action_count;
  const char **speaker_names; /* NFC copies, made after reading */

  /* Set by tools/bench.c: seconds spent per stage, summed over analyses,
     by the clock and by the thread's CPU time (which a busy machine does
     not inflate). */
  int timing;
  double stage_seconds[RC_STAGE_COUNT];
  double stage_cpu[RC_STAGE_COUNT];

  /* Progress (opt.progress): where the running stage starts and how much
     of the analysis it is, as shares of the whole (set by the driver), and
     the share last reported. */
  double progress_base, progress_span, progress_last;
};

/* Forgets the previous analysis (no results), keeping memory. */
void rc_doc_reset(recap_document *doc);
/* Will anything read the key phrase candidates (doc->phrases): key phrases,
   chapter titles or speakers' phrases asked for?  Without, the token pass
   collects none. */
int rc_doc_wants_phrases(const recap_document *doc);
/* Reports that the running stage has done `done` of `total` (work items,
   bytes) to opt.progress, if there is one, when that moves the share done
   by at least 0.1%.  Cheap enough for a loop to call every few thousand
   items. */
void rc_doc_progress(recap_document *doc, size_t done, size_t total);
/* The offset in the caller's input where content byte p begins, and where
   content ending just before p ends. */
size_t rc_doc_input_offset(const recap_document *doc, size_t p);
size_t rc_doc_input_end(const recap_document *doc, size_t p);
/* Start and end time of sentence i (interpolated within its cues), or -1. */
void rc_doc_sentence_times(const recap_document *doc, size_t i, double *start,
                           double *end);
/* Time at content position p, or -1. */
double rc_doc_time_at(const recap_document *doc, size_t p);
/* A speaker's name (NFC, made once per analysis), or NULL. */
const char *rc_doc_speaker_name(const recap_document *doc, uint32_t speaker);
/* Fills a public sentence but for its text (text NULL, words the tokens
   of the sentence); reads the document only. */
void rc_doc_sentence_fill(const recap_document *doc, size_t i,
                          recap_sentence *out);

#endif
