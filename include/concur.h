/* concur.h -- the one public header of the concur library.
 *
 * concur reads documents and writes down the facts they state: numbers,
 * quantities, dates and counts of people (killed, injured, displaced ...),
 * each tied to the exact bytes of the input it came from.
 *
 * Ownership, stated once:
 *   - every concur_X_new / concur_extract result is freed by its concur_X_free;
 *   - everything reachable from a concur_doc (mentions, strings, the clean
 *     text) belongs to the document and dies with concur_doc_free;
 *   - the bytes given to concur_extract are copied where needed: the caller
 *     may free them as soon as the call returns.
 * Threads: a concur_engine is read-only after concur_engine_new and may be
 * shared by any number of threads; a concur_doc belongs to one thread.
 * Errors: functions that can fail take a concur_error * (may be NULL) and
 * return NULL or a negative value; the library never prints and never exits.
 */
#ifndef CONCUR_H
#define CONCUR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define CONCUR_VERSION "0.1.0"
#define CONCUR_VERSION_MAJOR 0
#define CONCUR_VERSION_MINOR 1
#define CONCUR_VERSION_PATCH 0

/* Version of the library actually linked (may differ from the header's). */
const char *concur_version(void);

/* ---------------------------------------------------------------- errors */

typedef enum concur_status {
    CONCUR_OK = 0,
    CONCUR_ERR_NOMEM,     /* out of memory */
    CONCUR_ERR_INPUT,     /* input could not be read as the format asked for */
    CONCUR_ERR_USAGE,     /* bad argument or option */
    CONCUR_ERR_TOO_LARGE, /* input larger than the configured limit */
    CONCUR_ERR_INTERNAL,
    CONCUR_ERR_STORE      /* the corpus store could not be opened, read or written */
} concur_status;

/* An error value. `message` points to static storage or into the error's
 * own `buf`; `offset` is the byte position in the input where it applies
 * (0 when not applicable). */
typedef struct concur_error {
    concur_status code;
    const char *message;
    size_t offset;
    char buf[160];
} concur_error;

/* ---------------------------------------------------------- enumerations */

/* Kinds of mention, usable as a bit set. */
typedef enum concur_kind {
    CONCUR_KIND_NUMBER = 1u << 0,
    CONCUR_KIND_QUANTITY = 1u << 1,
    CONCUR_KIND_DATE = 1u << 2,
    CONCUR_KIND_COUNT = 1u << 3
} concur_kind;
#define CONCUR_KIND_ALL 0xFu

/* Parses "number,quantity,date,count" (or "all") into a bit set.
 * Returns 0 on an unknown name. */
unsigned concur_kinds_parse(const char *list);
/* "number", "quantity", "date" or "count". */
const char *concur_kind_name(concur_kind k);

typedef enum concur_input {
    CONCUR_INPUT_AUTO = 0, /* decide from the file name and the first bytes */
    CONCUR_INPUT_TEXT,
    CONCUR_INPUT_HTML,
    CONCUR_INPUT_JSONL,
    CONCUR_INPUT_WARC
} concur_input;

/* Parses "auto", "text", "html", "jsonl", "warc"; -1 if unknown. */
int concur_input_parse(const char *name);
/* For CONCUR_INPUT_AUTO: the input a file of this name and these first
 * bytes is read as. `name` may be NULL. */
concur_input concur_input_detect(const char *name, const char *bytes, size_t len);

typedef enum concur_qualifier {
    CONCUR_QUAL_NONE = 0,
    CONCUR_QUAL_ABOUT,
    CONCUR_QUAL_AT_LEAST,
    CONCUR_QUAL_MORE_THAN,
    CONCUR_QUAL_AT_MOST,
    CONCUR_QUAL_LESS_THAN,
    CONCUR_QUAL_UP_TO,
    CONCUR_QUAL_RANGE,
    CONCUR_QUAL_VAGUE
} concur_qualifier;
/* "about", "at_least" ... ; NULL for CONCUR_QUAL_NONE. */
const char *concur_qualifier_name(concur_qualifier q);

typedef enum concur_date_mode {
    CONCUR_DATES_AUTO = 0, /* chosen per document */
    CONCUR_DATES_NEWS,     /* relative dates resolve against the reference date */
    CONCUR_DATES_NARRATIVE /* dates without a year take it from the story */
} concur_date_mode;

typedef enum concur_format {
    CONCUR_FORMAT_JSONL = 0,
    CONCUR_FORMAT_TSV,
    CONCUR_FORMAT_TABLE,
    CONCUR_FORMAT_GKG     /* GDELT GKG 2.1-style record per document (counts) */
} concur_format;

/* --------------------------------------------------------------- engine */

typedef struct concur_engine concur_engine;

typedef struct concur_options {
    /* Largest document accepted, in bytes; 0 = the default and largest
     * allowed, 2 GiB - 1 (offsets are held in 32 bits). */
    size_t max_document_bytes;
} concur_options;

void concur_options_default(concur_options *opt);

/* Builds the word tables once. `opt` may be NULL for defaults.
 * Returns NULL and fills `err` on failure. Free with concur_engine_free. */
concur_engine *concur_engine_new(const concur_options *opt, concur_error *err);
void concur_engine_free(concur_engine *e);

/* ------------------------------------------------------------- documents */

typedef struct concur_doc concur_doc;
typedef struct concur_mention concur_mention;

typedef struct concur_doc_options {
    concur_input input;     /* TEXT or HTML (AUTO: detect from bytes / name) */
    const char *id;         /* document id written in the output; copied */
    const char *name;       /* file name used by AUTO detection; may be NULL */
    const char *ref_date;   /* "YYYY-MM-DD" reference (publication) date, or NULL */
    concur_date_mode date_mode;
    unsigned kinds;         /* kinds to recognise; 0 = all */
    bool text_only;         /* only build the clean text (concur_doc_text):
                               no recognisers run, no mentions */
    /* Where `bytes` lie in a larger input read piece by piece (the command
     * reads a plain-text document over 16 MiB so, to keep memory bounded):
     * the writers (concur_doc_write) add offset_base to every offset and
     * sentence_base to every sentence index, and mention ids count on from
     * id_base ("m<id_base + 1>", ...); warnings count bytes from
     * offset_base too. The accessors stay relative to `bytes`. All 0 for a
     * whole document. */
    size_t offset_base, sentence_base, id_base;
    /* What the previous piece established (concur_doc_carry of it), or
     * NULL: the story's timeline date and the day/month order of numeric
     * dates, so that a date without a year at the start of a piece takes
     * the year of the story so far. Read during concur_extract only. */
    const char *carry;
    /* The caller keeps `bytes` valid and unchanged until concur_doc_free:
     * the document may read them in place instead of keeping a copy (the
     * mention texts and the writers read them). false: copied. */
    bool borrow;
} concur_doc_options;

void concur_doc_options_default(concur_doc_options *o);

/* Reads one document and recognises its mentions. `bytes` need not be
 * NUL-terminated and may hold any bytes (invalid UTF-8 is replaced in the
 * working text, offsets still refer to `bytes`). Returns NULL and fills
 * `err` only when the document cannot be processed at all (no memory,
 * larger than the limit). Free with concur_doc_free. */
concur_doc *concur_extract(const concur_engine *e, const char *bytes, size_t len,
                           const concur_doc_options *o, concur_error *err);
void concur_doc_free(concur_doc *d);

/* The document's id (as given in the options, or ""). Owned by the doc. */
const char *concur_doc_id(const concur_doc *d);

/* Number of sentences the document was split into (the next piece's
 * sentence_base adds it). */
size_t concur_doc_sentence_count(const concur_doc *d);

/* Writes into buf (cap >= CONCUR_CARRY_MAX) a short opaque string of what
 * the document established by its end, for the next piece's `carry`
 * option; "" when nothing. Returns buf. */
#define CONCUR_CARRY_MAX 32
char *concur_doc_carry(const concur_doc *d, char *buf, size_t cap);

/* The reference date relative dates resolved against: the one given in the
 * options, else the publication date an HTML page states in its metadata
 * (data/lexicon/en/html_pubdate.tsv), as "YYYY-MM-DD"; "" if neither. (A
 * dateline found in the text is used by the date recogniser but not
 * reported here.) Owned by the doc. */
const char *concur_doc_ref_date(const concur_doc *d);

/* The clean text the recognisers read: paragraphs separated by one blank
 * line. Owned by the doc; `len` may be NULL. NUL-terminated. */
const char *concur_doc_text(const concur_doc *d, size_t *len);

/* Maps a byte offset in the clean text to a byte offset in the input. */
size_t concur_doc_source_offset(const concur_doc *d, size_t clean_offset);

/* Number of warnings (e.g. "invalid UTF-8 replaced") and each message. */
size_t concur_doc_warning_count(const concur_doc *d);
const char *concur_doc_warning(const concur_doc *d, size_t i);

/* Mentions, in order of start offset. */
size_t concur_doc_count(const concur_doc *d);
const concur_mention *concur_doc_get(const concur_doc *d, size_t i);

/* ------------------------------------------------------------- mentions */
/* All strings returned belong to the document. Absent values: accessors
 * returning bool report presence and write through the out-pointer. */

concur_kind concur_mention_kind(const concur_mention *m);
const char *concur_mention_id(const concur_mention *m);     /* "m12" */
size_t concur_mention_start(const concur_mention *m);       /* input bytes */
size_t concur_mention_end(const concur_mention *m);         /* exclusive */
size_t concur_mention_sentence(const concur_mention *m);
/* The exact input bytes of the span (not NUL-free for binary input). */
const char *concur_mention_text(const concur_mention *m, size_t *len);

bool concur_mention_value(const concur_mention *m, double *v);
bool concur_mention_min(const concur_mention *m, double *v);
bool concur_mention_max(const concur_mention *m, double *v);
bool concur_mention_approx(const concur_mention *m);
concur_qualifier concur_mention_qualifier(const concur_mention *m);
const char *concur_mention_unit(const concur_mention *m);   /* NULL = bare */
bool concur_mention_ordinal(const concur_mention *m);
size_t concur_mention_alternative_count(const concur_mention *m);
double concur_mention_alternative(const concur_mention *m, size_t i);

/* date: TIMEX3 type ("DATE", "TIME", "DURATION", "SET"), value, mod (or
 * NULL), and the interval ends (or NULL). */
const char *concur_mention_timex_type(const concur_mention *m);
const char *concur_mention_timex_value(const concur_mention *m);
const char *concur_mention_timex_mod(const concur_mention *m);
const char *concur_mention_begin(const concur_mention *m);
const char *concur_mention_end_value(const concur_mention *m);

/* count: category ("killed" ...), normalised group, the group's words,
 * the parent count (or NULL), attribution, place and date value. */
const char *concur_mention_category(const concur_mention *m);
const char *concur_mention_group(const concur_mention *m);
const char *concur_mention_group_text(const concur_mention *m);
const concur_mention *concur_mention_parent(const concur_mention *m);
const char *concur_mention_attribution(const concur_mention *m);
const char *concur_mention_place(const concur_mention *m);
const char *concur_mention_date(const concur_mention *m);
bool concur_mention_hedged(const concur_mention *m);

/* --------------------------------------------------------------- output */

/* Receives output bytes; returns 0, or non-zero to stop writing. */
typedef int (*concur_write_fn)(void *user, const char *bytes, size_t len);

/* Writes the document's mentions of the kinds in `kinds` (0 = all) in
 * `fmt`. JSON Lines follows the output contract of docs/output.md. For
 * CONCUR_FORMAT_TSV and _TABLE, `header` says whether to write the header
 * line first. Returns 0, or the writer's non-zero result. */
int concur_doc_write(const concur_doc *d, concur_format fmt, unsigned kinds,
                     bool header, concur_write_fn write, void *user);

/* ------------------------------------------------------------- compare */
/* Lines up the count claims of several documents about the same event
 * (docs/compare.md): each aligned fact has a key (category, group, place),
 * a verdict and its sources, each a mention of one of the documents. */

typedef struct concur_comparison concur_comparison;

typedef enum concur_verdict {
    CONCUR_VERDICT_SINGLE = 0,  /* one document states it */
    CONCUR_VERDICT_AGREE,       /* every document gives the same value */
    CONCUR_VERDICT_CONSISTENT,  /* bounds overlap ("more than 1,000" / 1,275) */
    CONCUR_VERDICT_CONFLICT     /* disjoint figures */
} concur_verdict;
/* "single", "agree", "consistent", "conflict". */
const char *concur_verdict_name(concur_verdict v);

typedef struct concur_compare_options {
    /* Relative half-width given to approximate figures ("around 2,500"):
     * 0 = default 0.10 (2,250..2,750). */
    double approx_tolerance;
    /* Two figures further apart than this ratio are not taken for the same
     * fact unless their context says so: 0 = default 10. */
    double max_conflict_ratio;
    /* Incident dates more than this many days apart keep claims apart:
     * 0 = default 1 (a night across midnight, a time zone). */
    unsigned date_window_days;
} concur_compare_options;

void concur_compare_options_default(concur_compare_options *o);

/* Aligns the count claims of docs[0..n) (n >= 1). The documents are not
 * copied: they must outlive the comparison. `o` may be NULL. Returns NULL
 * and fills `err` on failure (no memory, bad arguments). Free with
 * concur_comparison_free. Cost: linear in the number of claims times the
 * number of facts a claim may join (docs/compare.md). */
concur_comparison *concur_compare(const concur_doc *const *docs, size_t n,
                                  const concur_compare_options *o, concur_error *err);
void concur_comparison_free(concur_comparison *c);

/* Facts, in report order: a part ("106 women") follows the fact it is part
 * of ("613 killed"). The incident-date fact has category "date". */
size_t concur_comparison_fact_count(const concur_comparison *c);
const char *concur_fact_category(const concur_comparison *c, size_t i);
const char *concur_fact_group(const concur_comparison *c, size_t i);   /* may be NULL */
const char *concur_fact_place(const concur_comparison *c, size_t i);   /* may be NULL */
concur_verdict concur_fact_verdict(const concur_comparison *c, size_t i);
/* Index of the fact this one is part of, or (size_t)-1. */
size_t concur_fact_parent(const concur_comparison *c, size_t i);
size_t concur_fact_source_count(const concur_comparison *c, size_t i);
/* The j-th source: its mention (owned by its document) and the index of
 * that document in the docs given to concur_compare. */
const concur_mention *concur_fact_source(const concur_comparison *c, size_t i, size_t j,
                                         size_t *doc_index);

typedef enum concur_compare_format {
    CONCUR_COMPARE_TABLE = 0,  /* aligned columns for a terminal */
    CONCUR_COMPARE_JSON,       /* JSON Lines, one fact per line (compare contract) */
    CONCUR_COMPARE_HTML        /* one self-contained page */
} concur_compare_format;

#define CONCUR_COMPARE_COLOR 1u /* table: ANSI colours */

/* Writes the comparison in `fmt`. Returns 0, or the writer's non-zero
 * result (-1 on out of memory). */
int concur_comparison_write(const concur_comparison *c, concur_compare_format fmt, unsigned flags,
                            concur_write_fn write, void *user);

/* ----------------------------------------------------------------- store */

/* A corpus store: the mentions of many documents in one SQLite file, to
 * query later (`concur index`, `concur query`). */
typedef struct concur_store concur_store;

/* Opens the store at `path`, creating it (and its tables) when `create` and
 * it does not exist. NULL and `err` filled on failure (not a concur store,
 * cannot open, a newer schema). */
concur_store *concur_store_open(const char *path, bool create, concur_error *err);
/* Adds the document's mentions (all kinds recognised), replacing those of
 * a document stored before under the same id; `source` (may be NULL) is
 * stored with it. Writes are batched in transactions: they are durable
 * after concur_store_close. Returns 0, or -1 with `err` filled. */
int concur_store_add(concur_store *s, const concur_doc *d, const char *source, concur_error *err);
/* Commits and closes. Returns 0, or -1 with `err` filled (the store is
 * freed either way). NULL is fine. */
int concur_store_close(concur_store *s, concur_error *err);

typedef struct concur_store_query {
    unsigned kinds;             /* 0 = all */
    const char *category;       /* count category ("killed"), or NULL */
    const char *group;          /* count group ("children"), or NULL */
    const char *place;          /* count place, any case, or NULL */
    const char *attribution;    /* a substring of the attribution, any case, or NULL */
    const char *doc;            /* document ids matching this glob ("*.txt"), or NULL */
    const char *from, *to;      /* date bounds (YYYY, YYYY-MM or YYYY-MM-DD), inclusive:
                                   a count's incident date, a date's TIMEX3 value */
    bool has_min;
    double min;                 /* value (or lower bound) at least this */
    size_t limit;               /* 0 = no limit */
} concur_store_query;

/* Writes the mentions matching q in `fmt` (JSONL: exactly the lines
 * `concur extract` wrote for them; TSV and TABLE: the extract columns; GKG
 * is not offered), in the order the documents were added, then by offset.
 * *rows (may be NULL) gets the number written; with `write` NULL nothing is
 * written and *rows counts the matches. Returns 0, -1 with `err`
 * filled, or the writer's non-zero result. */
int concur_store_query_write(concur_store *s, const concur_store_query *q, concur_format fmt, bool header,
                             concur_write_fn write, void *user, size_t *rows, concur_error *err);
/* Documents and mentions in the store (either pointer may be NULL). */
int concur_store_stats(concur_store *s, size_t *docs, size_t *mentions, concur_error *err);

/* --------------------------------------------------------------- readers */

/* A reader splits one input file into documents: a text or HTML file is one
 * document, a JSON Lines file one per line. */
typedef struct concur_reader concur_reader;

typedef struct concur_record {
    const char *id;       /* record id (JSON Lines "id"), or NULL */
    const char *text;     /* document bytes */
    size_t len;
    const char *date;     /* "YYYY-MM-DD" or NULL */
    const char *source;   /* JSON Lines "source", or NULL */
    concur_input input;   /* TEXT or HTML */
    size_t line;          /* 1-based line in the file (JSON Lines), else 0 */
} concur_record;

/* `bytes` must stay alive and unchanged while the reader is used.
 * `input` AUTO detects from `name` and the bytes. */
concur_reader *concur_reader_new(const char *bytes, size_t len, concur_input input,
                                 const char *name, concur_error *err);
/* Returns 1 and fills `rec` (valid until the next call), 0 at the end, or
 * -1 for a record that could not be read (err says why; call again for the
 * next one). */
int concur_reader_next(concur_reader *r, concur_record *rec, concur_error *err);
void concur_reader_free(concur_reader *r);

#ifdef __cplusplus
}
#endif
#endif /* CONCUR_H */
