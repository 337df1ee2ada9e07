/*
 * recap.h - summaries, key phrases and chapters for spoken-word transcripts.
 *
 * librecap reads a transcript (plain text, `Name: text` lines, WebVTT, SRT or
 * Whisper-style JSON), splits it into sentences, scores them with TF-IDF and
 * TextRank and returns a summary, key phrases, chapters and per-speaker
 * figures.  It is offline and deterministic: the same input and options give
 * byte-identical results on every run of the same build.  (English results
 * depend on whether WordNet was installed when the library was built; see
 * the README.)
 *
 * Using it takes three objects:
 *
 *   recap_context   language resources shared by many documents: the
 *                   compiled-in stopword, abbreviation and filler lists,
 *                   user stopword lists, background IDF tables.
 *   recap_document  the analysis of one text.  It may be reused for the next
 *                   text, which is cheaper than creating a new one.
 *   recap_options   what to compute, filled with defaults by
 *                   recap_options_init().
 *
 *     recap_context *ctx;  recap_document *doc;  recap_options opt;
 *     recap_context_new(&ctx);
 *     recap_document_new(ctx, &doc);
 *     recap_options_init(&opt);
 *     if (recap_document_analyze(doc, text, len, &opt) == RECAP_OK)
 *       for (size_t i = 0; i < recap_summary_count(doc); i++)
 *         puts(recap_summary_at(doc, i)->text);
 *     recap_document_free(doc);
 *     recap_context_free(ctx);
 *
 * or, in one call, recap_summarize().
 *
 * Errors: every function that can fail returns a recap_status; results come
 * back through out-parameters.  The library never prints, never calls exit()
 * or abort(), and reports running out of memory as RECAP_ERR_NOMEM, leaving
 * the objects involved valid (a document that failed holds no results).
 *
 * Threads: the library has no mutable global state.  A context is read-only
 * once set up (after its last recap_context_add_stopwords() or
 * recap_context_load_idf() call) and may then be shared by any number of
 * threads.  A document (and the stemmer inside it) belongs to one thread at
 * a time; different documents may be analysed at once in different threads.
 * A document's results may be read from several threads at once as long as
 * no thread analyses into it.
 *
 * Text: input is UTF-8 (a BOM is dropped; UTF-16 with a BOM, or recognisably
 * UTF-16 without one, is transcoded; input that is not UTF-8 but reads as
 * Windows-1252 is transcoded, see RECAP_OPT_STRICT_UTF8).  Every string the
 * library returns is valid UTF-8 in Unicode NFC and NUL-terminated.  Offsets
 * and lengths are in bytes of the input exactly as given.
 */
#ifndef RECAP_H
#define RECAP_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(_WIN32) && defined(RECAP_BUILDING_DLL)
#define RECAP_API __declspec(dllexport)
#elif defined(__GNUC__)
#define RECAP_API __attribute__((visibility("default")))
#else
#define RECAP_API
#endif

/* ------------------------------------------------------------------------ */
/* Versions                                                                 */
/* ------------------------------------------------------------------------ */

#define RECAP_VERSION_MAJOR 0
#define RECAP_VERSION_MINOR 1
#define RECAP_VERSION_PATCH 0
#define RECAP_VERSION_STRING "0.1.0"
/** The version as one comparable number: 0xMMmmpp. */
#define RECAP_VERSION_NUMBER                                                   \
  ((RECAP_VERSION_MAJOR << 16) | (RECAP_VERSION_MINOR << 8) |                  \
   RECAP_VERSION_PATCH)

/**
 * The version of the library linked at run time, as "MAJOR.MINOR.PATCH".
 * Compare with RECAP_VERSION_STRING to detect a header/library mismatch.
 * Returns a static string; never fails.
 */
RECAP_API const char *recap_version(void);

/** The run-time version as RECAP_VERSION_NUMBER would give it. */
RECAP_API int recap_version_number(void);

/* ------------------------------------------------------------------------ */
/* Status codes                                                             */
/* ------------------------------------------------------------------------ */

/** What a call did.  RECAP_OK is 0; every other value is an error. */
typedef enum recap_status {
  RECAP_OK = 0,
  /** An allocation failed.  Nothing leaked; the objects stay usable. */
  RECAP_ERR_NOMEM = 1,
  /** A NULL pointer, an out-of-range option or an option combination
      that makes no sense. */
  RECAP_ERR_INVALID_ARGUMENT = 2,
  /** The language named in the options is not one recap knows. */
  RECAP_ERR_UNKNOWN_LANGUAGE = 3,
  /** The input is not in the format it claims or was forced to be (a
      WebVTT file without its header, malformed JSON, ...).  The document's
      error message says where. */
  RECAP_ERR_BAD_FORMAT = 4,
  /** The input is not text: invalid UTF-8 with RECAP_OPT_STRICT_UTF8, or a
      binary file. */
  RECAP_ERR_BAD_ENCODING = 5,
  /** The input is larger than recap_options.max_input_bytes, or than recap
      can index: one line, paragraph or cue over 2 GiB, an input over 1 TiB,
      a sentence graph of 2^32 edges (about 45 GB of meeting transcripts). */
  RECAP_ERR_TOO_LARGE = 6,
  /** A stopword list or IDF table given to the context is malformed. */
  RECAP_ERR_BAD_TABLE = 7
} recap_status;

/**
 * A short English description of a status ("out of memory", ...).  Returns a
 * static string, also for values that are not a recap_status.
 */
RECAP_API const char *recap_strerror(recap_status status);

/* ------------------------------------------------------------------------ */
/* Memory                                                                   */
/* ------------------------------------------------------------------------ */

/**
 * Where the library gets memory.  Every allocation of a context, and of the
 * documents and strings made from it, goes through these three functions.
 * `realloc` must behave like C's realloc (NULL ptr = allocate); `free` must
 * accept NULL.  Returning NULL makes the call that needed the memory fail
 * with RECAP_ERR_NOMEM.  The functions are called from whichever thread uses
 * the context or document, so they must be thread-safe if those are used
 * from several threads.
 */
typedef struct recap_allocator {
  void *(*malloc)(void *user, size_t size);
  void *(*realloc)(void *user, void *ptr, size_t size);
  void (*free)(void *user, void *ptr);
  void *user;
} recap_allocator;

/**
 * Frees a string the library rendered for the caller (recap_render(),
 * recap_render_with(), recap_render_json_labelled(),
 * recap_render_sentences(), recap_summarize(), recap_sentence_text(),
 * recap_idf_render(), recap_jsonl_process()).
 * Accepts NULL.  Uses the allocator the string was made with.
 */
RECAP_API void recap_free(char *string);

/* ------------------------------------------------------------------------ */
/* Context: language resources                                              */
/* ------------------------------------------------------------------------ */

typedef struct recap_context recap_context;

/**
 * Creates a context using malloc/realloc/free.  The compiled-in lists for
 * every language are available at once; nothing is read from disk.
 * On success *out owns a context to be freed with recap_context_free().
 * Returns RECAP_ERR_INVALID_ARGUMENT if out is NULL, RECAP_ERR_NOMEM.
 */
RECAP_API recap_status recap_context_new(recap_context **out);

/** Like recap_context_new(), with the caller's allocator (copied). */
RECAP_API recap_status recap_context_new_with_allocator(
    const recap_allocator *allocator, recap_context **out);

/** Frees a context.  Accepts NULL.  Free its documents first. */
RECAP_API void recap_context_free(recap_context *ctx);

/**
 * Adds stopwords to those of a language (or of every language if `language`
 * is NULL or "all"): UTF-8 text, one word per line, blank lines and lines
 * starting with '#' ignored, matched case-insensitively after Unicode NFKC.
 * A line starting with '-' removes the word that follows from the list
 * instead.  A word of more than 120 bytes, as written or folded, is passed
 * over.  `language` may also be "none" (the language-neutral mode).
 * All or nothing: on failure the context is unchanged.  The text is copied.
 * Returns RECAP_ERR_UNKNOWN_LANGUAGE, RECAP_ERR_BAD_TABLE (invalid UTF-8,
 * with the line in recap_context_error()), RECAP_ERR_NOMEM.  Not
 * thread-safe: call before sharing the context.
 */
RECAP_API recap_status recap_context_add_stopwords(recap_context *ctx,
                                                   const char *language,
                                                   const char *text,
                                                   size_t length);

/**
 * Loads a background document-frequency table (the format written by
 * recap_idf_render(), documented in recap(1)) so that TF-IDF weighs terms by
 * how rare they are in the caller's archive rather than in general use or
 * the document alone.  Loading several tables adds their counts.  All or
 * nothing: a malformed table leaves the context unchanged.  The text is
 * copied.  Returns RECAP_ERR_BAD_TABLE with the line in
 * recap_context_error(), RECAP_ERR_NOMEM.  Not thread-safe: call before
 * sharing the context.
 */
RECAP_API recap_status recap_context_load_idf(recap_context *ctx,
                                              const char *text, size_t length);

/**
 * The message of the last failed recap_context_add_stopwords() or
 * recap_context_load_idf() call ("line 3: expected a count"), or "".
 * Borrowed; valid until the next call on ctx.
 */
RECAP_API const char *recap_context_error(const recap_context *ctx);

/* ------------------------------------------------------------------------ */
/* Options                                                                  */
/* ------------------------------------------------------------------------ */

/** Input formats.  AUTO looks at the content, then the file name. */
typedef enum recap_input_format {
  RECAP_INPUT_AUTO = 0,
  RECAP_INPUT_TEXT,       /**< prose; blank lines separate paragraphs */
  RECAP_INPUT_TRANSCRIPT, /**< `Name: text`, `[00:01:02] Name: text`, ... */
  RECAP_INPUT_VTT,        /**< WebVTT captions */
  RECAP_INPUT_SRT,        /**< SubRip captions */
  RECAP_INPUT_JSON        /**< Whisper-style {"segments": [...]} or a list */
} recap_input_format;

/** How sentences are scored.  See recap(3) for the formulas. */
typedef enum recap_scorer {
  RECAP_SCORER_FUSED = 0, /**< TextRank and TF-IDF combined (default) */
  RECAP_SCORER_TEXTRANK,  /**< TextRank centrality alone */
  RECAP_SCORER_TFIDF      /**< mean TF-IDF weight of the sentence's terms */
} recap_scorer;

/** How TextRank measures the similarity of two sentences. */
typedef enum recap_similarity {
  RECAP_SIMILARITY_BM25 = 0, /**< Barrios et al. 2016: BM25 weights
                                  (default) */
  RECAP_SIMILARITY_COSINE,   /**< cosine of TF-IDF vectors */
  RECAP_SIMILARITY_OVERLAP   /**< Mihalcea & Tarau 2004: shared terms over
                                  log lengths */
} recap_similarity;

/** Option flags, or-ed into recap_options.flags. */
enum {
  /** Invalid UTF-8 is an error (RECAP_ERR_BAD_ENCODING) instead of being
      repaired to U+FFFD or read as Windows-1252. */
  RECAP_OPT_STRICT_UTF8 = 1u << 0,
  /** List summary sentences best first instead of in document order. */
  RECAP_OPT_SCORE_ORDER = 1u << 1,
  /** Show sentences exactly as said: keep fillers (um, uh, ...), false
      starts and repeated words, which display text otherwise drops
      (recap_sentence.text). */
  RECAP_OPT_VERBATIM = 1u << 2,
  /** Compute chapters (recap_chapter_count() ...). */
  RECAP_OPT_CHAPTERS = 1u << 3,
  /** Compute per-speaker figures (recap_speaker_count() ...). */
  RECAP_OPT_SPEAKERS = 1u << 4,
  /** With a word budget, cut the last sentence to fill it exactly instead
      of leaving it out.  A cut sentence ends with "...". */
  RECAP_OPT_CUT_LAST = 1u << 5,
  /** With RECAP_OPT_CHAPTERS and an automatic count: chapters YouTube
      shows, at least three when the recording lasts 30 seconds or more
      (timed chapters are never shorter than 10 seconds, with or without
      this flag).  recap_chapters_youtube() tells whether they qualify. */
  RECAP_OPT_YOUTUBE = 1u << 6,
  /** Find the meeting's decisions and action items (recap_decision_count(),
      recap_action_count() ...). */
  RECAP_OPT_DECISIONS = 1u << 7
};

/** "No limit" for the size_t limits in recap_options. */
#define RECAP_UNLIMITED ((size_t)-1)
/** recap_options.summary_sentences: RECAP_DEFAULT_SENTENCES sentences,
    or, when summary_words or summary_ratio limits the summary, as many as
    those limits allow. */
#define RECAP_SENTENCES_AUTO ((size_t)-2)
#define RECAP_DEFAULT_SENTENCES 5

/**
 * What recap_document_analyze() computes.  Always fill with
 * recap_options_init() first, then change what you need: new fields are
 * only ever added at the end, with a new soname.
 *
 * The summary is the best set of sentences that fits every limit at once
 * (sentences, words, ratio); a limit of 0 turns the summary off.
 */
/**
 * A progress callback (recap_options.progress): `done` is the share of the
 * analysis done so far, from 0 to 1.  `user` is recap_options.progress_user.
 */
typedef void (*recap_progress_fn)(void *user, double done);

typedef struct recap_options {
  /** A language name ("english"), an ISO 639-1 code ("en"), "auto" to
      detect it, or "none" for no stemming and stopwords learnt from the
      text.  "auto" takes the language a subtitle file's name declares
      ("talk.fr.srt", "talk.zh-CN.vtt"; see `filename`), else detects it
      from the text.  Default "auto".  Borrowed during the call. */
  const char *language;
  /** Default RECAP_INPUT_AUTO. */
  recap_input_format input_format;
  /** The input's file name: a hint for the format (".vtt", ".srt",
      ".json") and, with language "auto", a language tag ("talk.fr.srt").
      May be NULL (default). */
  const char *filename;
  /** Most sentences in the summary; 0 = no summary.  Default
      RECAP_SENTENCES_AUTO: 5, unless a word budget or ratio is set, which
      then alone limits the summary. */
  size_t summary_sentences;
  /** Most words in the summary.  Default RECAP_UNLIMITED. */
  size_t summary_words;
  /** Most sentences as a fraction of the document's, in [0, 1]; at least
      one sentence if > 0.  Default 1.0 (no limit). */
  double summary_ratio;
  /** How many key phrases.  Default 10.  0 = none. */
  size_t keyphrases;
  /** With RECAP_OPT_CHAPTERS: at most this many chapters (fewer if the
      text has too few topic shifts; 200 at most); 0 (default) chooses:
      about as many as people mark, no more than distinct topics, 20 at
      most. */
  size_t chapters;
  /** Focus the summary on sentences related to this text ("what was
      decided about the budget?").  NULL (default), or a query that only
      asks for the whole ("Summarize the whole meeting."), for a general
      summary.  Borrowed during the call. */
  const char *query;
  /** Inputs larger than this fail with RECAP_ERR_TOO_LARGE.  Default
      1 GiB (RECAP_DEFAULT_MAX_INPUT). */
  size_t max_input_bytes;
  /** Default RECAP_SCORER_FUSED. */
  recap_scorer scorer;
  /** Default RECAP_SIMILARITY_BM25. */
  recap_similarity similarity;
  /** RECAP_OPT_* flags.  Default 0. */
  unsigned int flags;
  /** Called during an analysis (recap_document_analyze(), and so
      recap_jsonl_process() and recap_summarize()) with the share of the
      work done, from 0 to 1: never less than at the call before, at most
      about a thousand times, the last time with 1 when the analysis
      succeeds.  The share is estimated from the stages' typical costs and,
      within the costliest, from the sentences done: it is meant for a
      progress display on large inputs (a 20 MB transcript takes seconds).
      Called on the thread that analyses; it must return, and must not use
      the document being analysed.  Default NULL: never called. */
  recap_progress_fn progress;
  /** Passed to progress as it is.  Default NULL. */
  void *progress_user;
  /** With RECAP_OPT_DECISIONS: at most this many decisions and at most
      this many action items (fewer if the meeting has fewer); 0 (default)
      chooses by the meeting's length. */
  size_t decisions;
} recap_options;

#define RECAP_DEFAULT_MAX_INPUT ((size_t)1 << 30)

/** Fills *opts with the defaults documented above.  Accepts NULL. */
RECAP_API void recap_options_init(recap_options *opts);

/* ------------------------------------------------------------------------ */
/* Names: languages and formats                                             */
/* ------------------------------------------------------------------------ */

/**
 * The languages recap has word lists for: recap_language_name(0),
 * recap_language_name(1), ... give their names ("arabic", ..., "yiddish"),
 * in that order, then NULL.  "none" (the language-neutral mode) is not
 * listed.  Static strings.
 */
RECAP_API const char *recap_language_name(size_t i);

/**
 * The language a name or ISO 639-1 code stands for, case-insensitively:
 * "en", "English" and "english" give "english"; "none" gives "none".
 * NULL if recap does not know it (also for NULL and for "auto", which is
 * not a language but the option to detect one).  Static string.
 */
RECAP_API const char *recap_language_lookup(const char *name);

/** What recap has for a language (recap_language_features()). */
enum {
  /** Snowball stems its words. */
  RECAP_LANGUAGE_STEMMER = 1u << 0,
  /** Compiled-in stopword, abbreviation and filler lists. */
  RECAP_LANGUAGE_LISTS = 1u << 1,
  /** A word-class lexicon keeps verbs and adverbs out of key phrases
      (English, when WordNet was installed at build time; French,
      Spanish, German, Italian, Portuguese, Russian and Dutch, when their
      Hunspell dictionaries were). */
  RECAP_LANGUAGE_LEXICON = 1u << 2,
  /** General-language word frequencies as the default background for
      IDF (English, with WordNet at build time). */
  RECAP_LANGUAGE_BACKGROUND = 1u << 3,
  /** Written without spaces between words: words are counted per
      character (Chinese, Japanese). */
  RECAP_LANGUAGE_NO_SPACES = 1u << 4
};

/** The RECAP_LANGUAGE_* flags of a language named as
    recap_language_lookup() accepts it; 0 if unknown or "none". */
RECAP_API unsigned recap_language_features(const char *name);

/** An input format's name: "auto", "text", "transcript", "vtt", "srt",
    "json"; NULL for a value that is not a recap_input_format. */
RECAP_API const char *recap_input_format_name(recap_input_format format);

/** The input format of a name as recap_input_format_name() gives it into
    *out.  Returns RECAP_ERR_INVALID_ARGUMENT (and leaves *out alone) if
    name is NULL or not such a name. */
RECAP_API recap_status recap_input_format_lookup(const char *name,
                                                 recap_input_format *out);

/* ------------------------------------------------------------------------ */
/* Documents                                                                */
/* ------------------------------------------------------------------------ */

typedef struct recap_document recap_document;

/**
 * Creates an empty document that will use ctx's resources.  ctx must
 * outlive the document.  Returns RECAP_ERR_INVALID_ARGUMENT, RECAP_ERR_NOMEM.
 */
RECAP_API recap_status recap_document_new(const recap_context *ctx,
                                          recap_document **out);

/** Frees a document and every result borrowed from it.  Accepts NULL. */
RECAP_API void recap_document_free(recap_document *doc);

/**
 * Analyses `length` bytes of `text` (need not be NUL-terminated; may be
 * NULL if length is 0) with `opts` (NULL for the defaults), replacing the
 * document's previous results.  The text is not retained.
 *
 * An empty text, or one without any words, is not an error: it gives a
 * document with no sentences and no results.
 *
 * Returns RECAP_OK, or RECAP_ERR_INVALID_ARGUMENT, RECAP_ERR_UNKNOWN_LANGUAGE,
 * RECAP_ERR_BAD_FORMAT, RECAP_ERR_BAD_ENCODING, RECAP_ERR_TOO_LARGE,
 * RECAP_ERR_NOMEM; on error the document holds no results and
 * recap_document_error() says what went wrong.
 */
RECAP_API recap_status recap_document_analyze(recap_document *doc,
                                              const char *text, size_t length,
                                              const recap_options *opts);

/**
 * Like recap_document_analyze(), but the document takes `text` and so
 * never holds two copies of a large input: it may rewrite the text in
 * place, keep it as the document's own (plain text), or free it once read
 * (transcripts, captions, JSON), which lowers the peak memory by about the
 * input's size.  `text` must come from the malloc (or realloc) of the
 * allocator of doc's context (C's malloc for recap_context_new()); it may
 * be larger than `length`.  From the call on it is the document's, whatever
 * the result, and the caller must neither use nor free it; only when doc is
 * NULL (RECAP_ERR_INVALID_ARGUMENT) does it stay the caller's.  Results and
 * errors are those of recap_document_analyze() for the same bytes.
 */
RECAP_API recap_status recap_document_analyze_given(recap_document *doc,
                                                    char *text, size_t length,
                                                    const recap_options *opts);

/**
 * A message for the last failed recap_document_analyze() ("line 12: bad
 * timestamp '00:01'"), or "" after a success.  Borrowed; valid until the
 * next analysis or until the document is freed.
 */
RECAP_API const char *recap_document_error(const recap_document *doc);

/**
 * The language used: its libstemmer name ("english"), "none" for the
 * language-neutral mode.  After "auto", the detected language, with the
 * detector's confidence in [0, 1] in *confidence (1 when the language was
 * given).  confidence may be NULL.  Static string.
 */
RECAP_API const char *recap_document_language(const recap_document *doc,
                                              double *confidence);

/**
 * How the language was chosen, or why it is "none", as a static string:
 * "given" (named in the options, "none" included), "file name" (a subtitle
 * file's language tag), "detected"; or, for the language-neutral mode
 * after "auto": "unsure" (too little evidence, or two languages tie),
 * "alphabet" (the languages whose words the text has do not write letters
 * it uses often), "script" (a script none of recap's languages is written
 * in), "no letters".
 */
RECAP_API const char *recap_document_language_reason(const recap_document *doc);

/**
 * Number of languages found in the document's sentences (0 if none was
 * found): the document's own language and any other that holds a real
 * share of it (code-switching speakers, quotations, the other text of a
 * bilingual caption).  Languages are detected sentence by sentence, on at
 * most 256 sentences evenly spaced; a sentence detection is unsure of
 * counts for the document's language (in a bilingual caption, for its
 * stream's), and so does a language with less than 5% of the letters or
 * fewer than 2 sentences.
 */
RECAP_API size_t recap_document_language_count(const recap_document *doc);

/**
 * Language i of those found in the document, largest share first (ties
 * in the order of recap_language_name()): its libstemmer name as a static
 * string, and in *share (may be NULL) its share of the letters of the
 * sentences looked at, in (0, 1], the shares adding up to 1.  A character
 * of a script without spaces (Han, kana) counts as three letters, about a
 * syllable.  NULL (and *share 0) if i is out of range.
 */
RECAP_API const char *recap_document_language_at(const recap_document *doc,
                                                 size_t i, double *share);

/**
 * The encoding the input was read in, as a static string: "UTF-8",
 * "UTF-16LE", "UTF-16BE" or "windows-1252" (input without a valid UTF-8
 * sequence beyond ASCII, read as the usual legacy caption encoding).
 */
RECAP_API const char *recap_document_encoding(const recap_document *doc);

/** The input format used (after detection). */
RECAP_API recap_input_format
recap_document_input_format(const recap_document *doc);

/** Number of words (tokens that are not punctuation) in the document. */
RECAP_API size_t recap_document_word_count(const recap_document *doc);

/** Seconds from the first to the last timestamp, or -1 without times. */
RECAP_API double recap_document_duration(const recap_document *doc);

/* ------------------------------------------------------------------------ */
/* Results                                                                  */
/* ------------------------------------------------------------------------ */
/*
 * Every pointer below is borrowed from the document: valid until the next
 * recap_document_analyze() on it or recap_document_free().  Read these
 * structs through the pointers the library returns (fields may be added at
 * the end, with a new soname).  The exceptions, recap_sentence_get() and
 * recap_segment_get(), fill a struct of the caller's.  Times are seconds
 * from the start of the recording; a time of -1 means the input had no
 * timestamps.
 */

/** One sentence of the document. */
typedef struct recap_sentence {
  size_t index;        /**< position among the document's sentences */
  const char *text;    /**< display text: the speaker's words, every
                            fact as said, with only fillers, false
                            starts ("th the") and the first copy of
                            words said twice in a row dropped (unless
                            RECAP_OPT_VERBATIM), whitespace collapsed, a
                            capital first, NFC */
  size_t text_length;  /**< bytes in text, without the NUL */
  size_t offset;       /**< where the sentence starts in the input */
  size_t length;       /**< its bytes in the input */
  double score;        /**< the scorer's value; higher is better */
  const char *speaker; /**< who said it, or NULL */
  double start;        /**< when it starts, or -1 */
  double end;          /**< when it ends, or -1 */
  size_t words;        /**< words in text (recap_sentence_get(), which has
                            no text: tokens in the input) */
} recap_sentence;

/** Number of summary sentences. */
RECAP_API size_t recap_summary_count(const recap_document *doc);
/** Summary sentence i (0-based), in document order unless
    RECAP_OPT_SCORE_ORDER; NULL if i is out of range. */
RECAP_API const recap_sentence *recap_summary_at(const recap_document *doc,
                                                 size_t i);

/** Number of sentences in the document. */
RECAP_API size_t recap_sentence_count(const recap_document *doc);
/**
 * Fills *out with sentence i of the document, text excepted (text is NULL
 * and text_length 0: call recap_sentence_text()).  Returns
 * RECAP_ERR_INVALID_ARGUMENT if i is out of range.
 */
RECAP_API recap_status recap_sentence_get(const recap_document *doc, size_t i,
                                          recap_sentence *out);
/**
 * The display text of sentence i as a new string, to be freed with
 * recap_free().  *length (may be NULL) gets its length.
 */
RECAP_API recap_status recap_sentence_text(const recap_document *doc, size_t i,
                                           char **out, size_t *length);

/** One key phrase. */
typedef struct recap_keyphrase {
  const char *phrase;   /**< most frequent surface form: lower case, except
                             words the text mostly capitalises (names,
                             acronyms) */
  size_t phrase_length; /**< bytes, without the NUL */
  double score;         /**< higher is better */
  size_t count;         /**< occurrences, all inflections together */
  size_t sentence;      /**< sentence of the first mention */
  size_t offset;        /**< first mention in the input */
  size_t length;        /**< its bytes in the input */
  double start;         /**< time of the first mention, or -1 */
} recap_keyphrase;

RECAP_API size_t recap_keyphrase_count(const recap_document *doc);
RECAP_API const recap_keyphrase *recap_keyphrase_at(const recap_document *doc,
                                                    size_t i);

/** One chapter (a run of sentences on one topic). */
typedef struct recap_chapter {
  const char *title;      /**< one or two of its key phrases, joined by
                               the language's "and" ("Budget and
                               funding"), or "Part N" */
  size_t first_sentence;  /**< index of its first sentence */
  size_t sentence_count;  /**< how many sentences */
  double start;           /**< time of its first sentence, or -1 */
  double end;             /**< end of its last sentence, or -1 */
  size_t offset;          /**< where it starts in the input */
  size_t length;          /**< its bytes in the input */
  size_t highlight_count; /**< 0 to 3 (0 only when the
                               chapter has no sentence
                               that can stand alone) */
  const recap_sentence *const *highlights; /**< its best sentences */
} recap_chapter;

RECAP_API size_t recap_chapter_count(const recap_document *doc);
RECAP_API const recap_chapter *recap_chapter_at(const recap_document *doc,
                                                size_t i);

/** Whether a document's chapters make a list YouTube accepts in a video
    description: the first at 0:00, three or more, each lasting 10
    seconds or more (the last until the end of the recording). */
typedef enum recap_youtube_check {
  RECAP_YOUTUBE_OK = 0,
  RECAP_YOUTUBE_NO_CHAPTERS, /**< chapters were not computed */
  RECAP_YOUTUBE_UNTIMED,     /**< the input has no times */
  RECAP_YOUTUBE_TOO_SHORT,   /**< the recording lasts under 30 seconds */
  RECAP_YOUTUBE_TOO_FEW      /**< fewer than three chapters of 10 seconds
                                  (too few sentences, or a count asked for) */
} recap_youtube_check;

/** Checks the document's chapters against YouTube's rules.  Accepts NULL
    (RECAP_YOUTUBE_NO_CHAPTERS). */
RECAP_API recap_youtube_check recap_chapters_youtube(const recap_document *doc);
/** A static English sentence saying why (for RECAP_YOUTUBE_OK, that the
    list qualifies). */
RECAP_API const char *recap_youtube_message(recap_youtube_check check);

/** One speaker's share of the conversation. */
typedef struct recap_speaker {
  const char *name;       /**< as labelled in the input */
  double talk_time;       /**< seconds of their cues, or -1 without times */
  size_t words;           /**< words spoken */
  size_t turns;           /**< turns taken */
  size_t keyphrase_count; /**< their key phrases, best first */
  const recap_keyphrase *const *keyphrases;
  const recap_sentence *representative; /**< their most central sentence,
                                             or NULL */
} recap_speaker;

RECAP_API size_t recap_speaker_count(const recap_document *doc);
RECAP_API const recap_speaker *recap_speaker_at(const recap_document *doc,
                                                size_t i);

/** What a recap_item is. */
typedef enum recap_item_kind {
  RECAP_ITEM_DECISION = 0, /**< something the meeting decided */
  RECAP_ITEM_ACTION        /**< something someone will do */
} recap_item_kind;

/**
 * A decision or an action item (RECAP_OPT_DECISIONS): the sentence that
 * states it, or, when that sentence only agrees ("Okay, let's do that."),
 * the proposal it agrees to.  Times and the input range run from that
 * sentence to the end of the one that settled it.
 */
typedef struct recap_item {
  recap_item_kind kind;
  const char *text;    /**< display text, as recap_sentence's: the
                            clause that decides or commits, without the
                            discourse words it opened with ("So, okay,
                            ..."; kept with RECAP_OPT_VERBATIM) */
  size_t text_length;  /**< bytes in text, without the NUL */
  size_t words;        /**< words in text */
  size_t sentence;     /**< index of the sentence text comes from */
  size_t offset;       /**< where the item starts in the input */
  size_t length;       /**< its bytes in the input */
  double score;        /**< how surely and specifically it is a decision
                            or action; higher is better */
  const char *speaker; /**< who said text, or NULL */
  double start;        /**< when it starts, or -1 */
  double end;          /**< when it was settled, or -1 */
  const char *owner;   /**< actions: who will do it, when the text says
                            ("I'll ..." is the speaker; "Mark will ..."
                            Mark), else NULL; NULL for decisions */
  const char *due;     /**< actions: when, as said ("by Friday", "next
                            week"), else NULL; NULL for decisions */
} recap_item;

/** Number of decisions found (0 without RECAP_OPT_DECISIONS). */
RECAP_API size_t recap_decision_count(const recap_document *doc);
/** Decision i (0-based), in document order unless RECAP_OPT_SCORE_ORDER;
    NULL if i is out of range. */
RECAP_API const recap_item *recap_decision_at(const recap_document *doc,
                                              size_t i);
/** Number of action items found (0 without RECAP_OPT_DECISIONS). */
RECAP_API size_t recap_action_count(const recap_document *doc);
/** Action item i (0-based), ordered as decisions are; NULL if i is out of
    range. */
RECAP_API const recap_item *recap_action_at(const recap_document *doc,
                                            size_t i);

/** One segment (cue, turn or paragraph) as read from the input. */
typedef struct recap_segment {
  const char *speaker; /**< or NULL */
  double start;        /**< or -1 */
  double end;          /**< or -1 */
  size_t offset;       /**< where its text starts in the input */
  size_t length;       /**< its bytes in the input */
} recap_segment;

RECAP_API size_t recap_segment_count(const recap_document *doc);
RECAP_API recap_status recap_segment_get(const recap_document *doc, size_t i,
                                         recap_segment *out);

/* ------------------------------------------------------------------------ */
/* Rendering                                                                */
/* ------------------------------------------------------------------------ */

typedef enum recap_format {
  RECAP_FORMAT_TEXT = 0, /**< for people; one item per line */
  RECAP_FORMAT_JSON,     /**< one JSON object on one line */
  RECAP_FORMAT_MARKDOWN, /**< `- [00:12:34] **Speaker**: sentence` */
  RECAP_FORMAT_YOUTUBE,  /**< chapter list: `0:00 Title` per line */
  RECAP_FORMAT_HTML      /**< one self-contained HTML5 page (see
                              recap_render_with()) */
} recap_format;

/** An output format's name: "text", "json", "markdown", "youtube",
    "html"; NULL for a value that is not a recap_format. */
RECAP_API const char *recap_format_name(recap_format format);

/** The output format of a name as recap_format_name() gives it into *out.
    Returns RECAP_ERR_INVALID_ARGUMENT (and leaves *out alone) if name is
    NULL or not such a name. */
RECAP_API recap_status recap_format_lookup(const char *name, recap_format *out);

/** The version of the JSON results' schema (recap(1), OUTPUT): the
    "version" member of every JSON object that recap_render(),
    recap_render_json_labelled() and recap_jsonl_process() write (result
    or error).  It changes only when a member is removed or changes
    meaning; members may be added without a change, so readers should
    ignore members they do not know.  (recap_render_sentences() writes
    sentences, not results, and has none.) */
#define RECAP_JSON_VERSION 2

/**
 * Renders the document's results in a format, with the default render
 * options (recap_render_with()); the JSON schema is in recap(1).  *out gets a
 * new NUL-terminated string to be freed with recap_free(); *length (may be
 * NULL) its length.
 */
RECAP_API recap_status recap_render(const recap_document *doc,
                                    recap_format format, char **out,
                                    size_t *length);

/**
 * What a rendering needs that is not part of the analysis.  Always fill
 * with recap_render_options_init() first, then set what you need: new
 * fields are only ever added at the end.  The strings are borrowed for the
 * duration of the call and copied (escaped) into the output.  Only
 * RECAP_FORMAT_HTML reads these; the other formats ignore them.
 */
typedef struct recap_render_options {
  /** The page's title and heading (any bytes: those that are not UTF-8
      become U+FFFD).  NULL (default): "Transcript". */
  const char *title;
  /** The recording, as a URL: http:// or https:// with a host, or a
      relative URL ("talk.mp3", "media/talk.mp4"; not "//host/...").
      Audio or video is embedded (audio when the path ends in .mp3, .m4a,
      .aac, .wav, .oga, .ogg, .opus, .flac or .weba) and every timestamp
      seeks it; for a YouTube URL (youtube.com, youtu.be) nothing is
      embedded and every timestamp links to the video at that time
      (&t=).  Anything else (javascript:, data:, file:, control
      characters, backslashes) is refused: recap_render_with() fails with
      RECAP_ERR_INVALID_ARGUMENT.  NULL (default): no recording. */
  const char *media;
} recap_render_options;

/** Fills *ropts with the defaults documented above.  Accepts NULL. */
RECAP_API void recap_render_options_init(recap_render_options *ropts);

/**
 * Checks render options without a document, as recap_render_with() would:
 * RECAP_OK, or RECAP_ERR_INVALID_ARGUMENT if ropts is NULL or its media
 * URL is refused (see recap_render_options.media).  For callers that
 * want to report a bad URL before analysing anything.
 */
RECAP_API recap_status
recap_render_options_check(const recap_render_options *ropts);

/**
 * Renders the document's results in a format, as recap_render() does,
 * with render options (NULL for the defaults).
 *
 * RECAP_FORMAT_HTML gives one self-contained HTML5 page, UTF-8, that
 * loads nothing from the network: inline CSS and a little inline script,
 * both allowed by hash in a Content-Security-Policy that allows nothing
 * else (but the media URL, when given).  It shows a header (title,
 * language, duration, words), the speakers' talk time as bars, the
 * chapters on a timeline with their best sentences, the summary with
 * speaker and time, the key phrases (each linking to its mentions,
 * marked in the transcript), and the full transcript, one collapsible
 * part per chapter, every sentence with an anchor (#s12: sentence 12;
 * the page also opens at #t=SECONDS).  Sections the analysis did not
 * compute are left out: analyse with RECAP_OPT_CHAPTERS and
 * RECAP_OPT_SPEAKERS for the whole page.  The transcript is the
 * document's content as read (markup, timings and speaker labels
 * removed; fillers kept), not the caller's input, which the document
 * does not keep.  Every piece of text from the input, the title and the
 * URL is escaped.
 *
 * *out gets a new NUL-terminated string to be freed with recap_free();
 * *length (may be NULL) its length.  Returns RECAP_ERR_INVALID_ARGUMENT
 * (and *out NULL) if doc or out is NULL, format is unknown or the render
 * options are refused, RECAP_ERR_NOMEM.  Reads the document only, like
 * the getters: several threads may render one document at once.
 */
RECAP_API recap_status recap_render_with(const recap_document *doc,
                                         recap_format format,
                                         const recap_render_options *ropts,
                                         char **out, size_t *length);

/**
 * Renders the document as JSON, as recap_render() does, with one more
 * member first: "key": "value".  For labelling results: the `recap`
 * command gives each file's name as "file".  value is written as a JSON
 * string whatever its bytes (those that are not UTF-8 become U+FFFD), so
 * any file name will do.  *out gets a new string to be freed with
 * recap_free(); *length (may be NULL) its length.  Returns
 * RECAP_ERR_INVALID_ARGUMENT if doc, key, value or out is NULL or key is
 * empty, RECAP_ERR_NOMEM.
 */
RECAP_API recap_status recap_render_json_labelled(const recap_document *doc,
                                                  const char *key,
                                                  const char *value, char **out,
                                                  size_t *length);

/**
 * Renders every sentence of the document, in order, with the boundaries
 * the summary, key phrases and chapters are built on (what `recap
 * sentences` prints).  Each sentence is its display text (as
 * recap_sentence_text() gives it: RECAP_OPT_VERBATIM keeps fillers) on one
 * line, in `format`:
 *   RECAP_FORMAT_TEXT      "[00:01:02] Speaker: text" as summaries are
 *                          shown (time and speaker when the input has them)
 *   RECAP_FORMAT_JSON      JSON Lines: one object per sentence,
 *                          {"index", "text", "offset", "length", "speaker",
 *                          "start", "end"} (offset and length in bytes of
 *                          the input; null for what the input lacks)
 *   RECAP_FORMAT_MARKDOWN  "- [00:01:02] **Speaker**: text" list items
 * If key is not NULL, every JSON object starts with "key": "value" (as in
 * recap_render_json_labelled()); text and Markdown ignore it.  *out gets a
 * new NUL-terminated string ("" for a document without sentences) to be
 * freed with recap_free(); *length (may be NULL) its length.  Reads the
 * document only.  Returns RECAP_ERR_INVALID_ARGUMENT if doc or out is NULL,
 * key is empty, value is NULL with a key, or format is
 * RECAP_FORMAT_YOUTUBE; RECAP_ERR_NOMEM.
 */
RECAP_API recap_status recap_render_sentences(const recap_document *doc,
                                              recap_format format,
                                              const char *key,
                                              const char *value, char **out,
                                              size_t *length);

/**
 * The one-call convenience: analyses text with opts (NULL for defaults) and
 * a private context, and renders the result in `format`.  On success *out
 * is a string to free with recap_free().  For many documents, keep a
 * context and a document instead: this creates and frees both every call.
 */
RECAP_API recap_status recap_summarize(const char *text, size_t length,
                                       const recap_options *opts,
                                       recap_format format, char **out,
                                       size_t *out_length);

/* ------------------------------------------------------------------------ */
/* JSON Lines records                                                       */
/* ------------------------------------------------------------------------ */

/**
 * Processes one JSON Lines record, for batch pipelines (Spark's pipe(),
 * Hadoop Streaming, GNU parallel): `line` holds one JSON object
 *
 *   {"id": ..., "text": "...", "format": "vtt", "lang": "en",
 *    "sentences": 5, "words": 100, "ratio": 0.2, "keyphrases": 10,
 *    "query": "...", "chapters": true | N, "speakers": true,
 *    "decisions": true | N, "verbatim": true, "filename": "talk.vtt"}
 *
 * of which only "text" is required; the other keys override `defaults`
 * (NULL for the library defaults) for this record only.  "id" may be any
 * JSON value and is copied to the result unchanged (a number too large
 * for a double included; an escaped half of a surrogate pair without its
 * other half becomes \ufffd).  *out gets one line of JSON (no newline) to
 * free with recap_free(): the document's JSON output with "id" first, or,
 * if the record or its text is bad or memory ran out,
 * {"id": ..., "error": "message", "status": "..."}.
 *
 * Returns RECAP_OK, or the status of the failure described in the error
 * object; *out is set in both cases.  After RECAP_ERR_NOMEM, *out is NULL
 * only if not even the error object could be allocated (then
 * recap_jsonl_error() writes one without allocating); after
 * RECAP_ERR_INVALID_ARGUMENT with doc or out NULL it is NULL.
 * The document is analysed into (reused), as with recap_document_analyze.
 */
RECAP_API recap_status recap_jsonl_process(recap_document *doc,
                                           const char *line, size_t length,
                                           const recap_options *defaults,
                                           char **out, size_t *out_length);

/**
 * Writes the error object of a line that gave no record at all into
 * buf[0..size), NUL-terminated, without allocating:
 * {"id":null,"version":1,"error":"<recap_strerror(status)>","status":"..."}
 * (status "out_of_memory", "too_large", ...).  For a caller that must
 * answer every line: one too long to read, or one recap_jsonl_process()
 * could not answer for lack of memory.  Returns the object's length, as
 * snprintf() does: if that is >= size the object was cut short (96 bytes
 * always suffice).  buf may be NULL when size is 0.  Thread-safe.
 */
RECAP_API size_t recap_jsonl_error(recap_status status, char *buf, size_t size);

/* ------------------------------------------------------------------------ */
/* Background IDF tables                                                    */
/* ------------------------------------------------------------------------ */

/** Document-frequency counts gathered over a set of documents. */
typedef struct recap_idf recap_idf;

/** A new, empty table using ctx's allocator. */
RECAP_API recap_status recap_idf_new(const recap_context *ctx, recap_idf **out);
/** Frees a table.  Accepts NULL. */
RECAP_API void recap_idf_free(recap_idf *idf);
/** Counts each distinct stem of an analysed document once, and the
    document.  RECAP_ERR_INVALID_ARGUMENT if idf or doc is NULL or doc's
    last analysis failed or never ran (then nothing is counted); an
    analysed empty text counts as a document.  RECAP_ERR_NOMEM. */
RECAP_API recap_status recap_idf_add_document(recap_idf *idf,
                                              const recap_document *doc);
/** Adds the counts of a table in text form (from recap_idf_render()), all
    or nothing: RECAP_ERR_BAD_TABLE if it is malformed (recap_idf_error()
    says where), and then idf is unchanged. */
RECAP_API recap_status recap_idf_add_table(recap_idf *idf, const char *text,
                                           size_t length);
/** Why the last recap_idf_add_table() failed ("line 3: ..."), or "".
    Borrowed; valid until the next call on idf. */
RECAP_API const char *recap_idf_error(const recap_idf *idf);
/** Writes the table as text, sorted, to be freed with recap_free(). */
RECAP_API recap_status recap_idf_render(const recap_idf *idf, char **out,
                                        size_t *length);

#ifdef __cplusplus
}
#endif

#endif /* RECAP_H */
