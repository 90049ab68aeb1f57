/* internal.h -- types shared by the stages of the pipeline. Not installed.
 *
 * Data flow (docs/architecture.md):
 *   bytes -ingest-> cc_text (clean UTF-8 + offset map + paragraphs)
 *         -segment-> per paragraph: sentences, tokens
 *         -recognize-> mentions (dates, numbers, quantities)
 *         -claims-> count mentions
 *         -output-> jsonl / tsv / table
 * Internal symbols carry the cc_ prefix (or are static).
 */
#ifndef CC_INTERNAL_H
#define CC_INTERNAL_H

#include "concur.h"
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

/* ------------------------------------------------------------------ arena */
/* One arena per document: everything allocated here dies with the doc. */
typedef struct cc_arena_block cc_arena_block;
typedef struct cc_arena {
    cc_arena_block *head;
    size_t used_total;
} cc_arena;

void cc_arena_init(cc_arena *a);
void cc_arena_free(cc_arena *a);
void *cc_arena_alloc(cc_arena *a, size_t n);            /* zeroed, 16-aligned; NULL on OOM */
void *cc_arena_alloc_raw(cc_arena *a, size_t n);        /* the same, not zeroed */
/* Room for n bytes in one block ahead of need (a big document's mentions:
 * one huge-page block rather than a run of small ones). Only a hint. */
void cc_arena_reserve(cc_arena *a, size_t n);
char *cc_arena_strndup(cc_arena *a, const char *s, size_t n);
char *cc_arena_strdup(cc_arena *a, const char *s);
char *cc_arena_printf(cc_arena *a, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* ------------------------------------------------------------ byte buffer */
typedef struct cc_buf {
    char *data;
    size_t len, cap;
    bool oom;        /* sticky: an allocation failed */
} cc_buf;

void cc_buf_init(cc_buf *b);
void cc_buf_free(cc_buf *b);
/* Slow path of cc_buf_reserve: grows the buffer (doubling). */
bool cc_buf_grow(cc_buf *b, size_t extra);
/* Room for `extra` more bytes and a NUL; false (and oom set) on failure.
 * The appenders are inline: output and normalisation call them per byte. */
static inline bool cc_buf_reserve(cc_buf *b, size_t extra)
{
    if (b->oom) return false;
    if (b->len + extra + 1 <= b->cap) return true;
    return cc_buf_grow(b, extra);
}
/* Appenders keep the data NUL-terminated. */
static inline void cc_buf_put(cc_buf *b, const char *s, size_t n)
{
    if (!n || !cc_buf_reserve(b, n)) return;
    memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = 0;
}
static inline void cc_buf_putc(cc_buf *b, char c)
{
    if (!cc_buf_reserve(b, 1)) return;
    b->data[b->len++] = c;
    b->data[b->len] = 0;
}
void cc_buf_puts(cc_buf *b, const char *s);
/* Appends a string literal (its length known at compile time). */
#define CC_BUF_LIT(b, lit) cc_buf_put((b), "" lit, sizeof(lit) - 1)
/* Decimal digits of an unsigned integer (same text as "%zu"). */
void cc_buf_uint(cc_buf *b, uint64_t v);
void cc_buf_printf(cc_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* JSON string body escaping (no quotes added); invalid UTF-8 -> U+FFFD. */
void cc_buf_json_str(cc_buf *b, const char *s, size_t n);
/* Shortest round-trip decimal for a double (integers without ".0"). */
void cc_buf_num(cc_buf *b, double v);

/* The same three as raw writers: they store at o without a check (the
 * caller has made room for the most they write) and return the new end.
 * The JSON writer reserves once per line and calls them per field; the
 * common cases are inline. */
#define CC_FMT_UINT_MAX 20        /* bytes cc_fmt_uint writes at most */
#define CC_FMT_NUM_MAX 32         /* cc_fmt_num ("%.17g": 24) */
char *cc_fmt_uint64(char *o, uint64_t v);
char *cc_fmt_num_full(char *o, double v);
extern const char cc_digit_pairs[200];   /* "00" "01" ... "99" */

/* Exactly eight digits of w < 10^8, leading zeros included. */
static inline void cc_fmt_8digits(char *o, uint32_t w)
{
    uint32_t hi = w / 10000, lo = w % 10000;
    memcpy(o, cc_digit_pairs + 2 * (hi / 100), 2);
    memcpy(o + 2, cc_digit_pairs + 2 * (hi % 100), 2);
    memcpy(o + 4, cc_digit_pairs + 2 * (lo / 100), 2);
    memcpy(o + 6, cc_digit_pairs + 2 * (lo % 100), 2);
}

/* Values below 10^8 (offsets, sentences, most figures) inline, without a
 * loop; cc_fmt_uint64 for larger ones. */
static inline char *cc_fmt_uint(char *o, uint64_t v)
{
    if (v >= 100000000) return cc_fmt_uint64(o, v);
    uint32_t w = (uint32_t)v;
    if (w < 10) {
        o[0] = (char)('0' + w);
        return o + 1;
    }
    if (w < 100) {
        memcpy(o, cc_digit_pairs + 2 * w, 2);
        return o + 2;
    }
    unsigned n = w < 10000 ? (w < 1000 ? 3 : 4) : w < 1000000 ? (w < 100000 ? 5 : 6) : (w < 10000000 ? 7 : 8);
    /* all eight digits, then the last n of them in one 8-byte copy (the
     * bytes after them are overwritten next) */
    char d[16] = {0};
    cc_fmt_8digits(d, w);
    memcpy(o, d + 8 - n, 8);
    return o + n;
}

/* Whole numbers 0 <= v < 2^32 (most figures) inline, the rest
 * cc_fmt_num_full. The range test is on the bits: the bits of an IEEE 754
 * double whose sign bit is clear grow with its value, so "below the bits
 * of 2^32" means 0 <= v < 2^32, and -0 (sign bit set: it prints as "-0")
 * and NaN fail it. */
static inline char *cc_fmt_num(char *o, double v)
{
    uint64_t bits;
    memcpy(&bits, &v, sizeof bits);
    if (bits < (uint64_t)0x41F0000000000000u) {   /* 2^32 */
        uint32_t w = (uint32_t)v;
        if ((double)w == v) return cc_fmt_uint(o, w);
    }
    return cc_fmt_num_full(o, v);
}

/* Nonzero when one of the 8 bytes of x needs care in a JSON string: a
 * control byte, '"', '\', DEL or a byte >= 0x80 (UTF-8 to check). A byte
 * b gets its high bit from b - 0x20 when b < 0x20, from (b ^ '"') - 1 or
 * (b ^ '\') - 1 when it is one of those, from b + 1 when b is DEL, from b
 * itself when b >= 0x80, and from none of them otherwise. A borrow or a
 * carry only starts at such a byte and can only mark the bytes above it:
 * the test is exact about whether there is one (not about which). */
static inline uint64_t cc_json_special8(uint64_t x)
{
    const uint64_t ones = 0x0101010101010101u;
    return ((x - ones * 0x20) | ((x ^ ones * '"') - ones) | ((x ^ ones * '\\') - ones) | (x + ones) | x) &
           (ones * 0x80);
}

/* JSON string body of s[0..n) (no quotes), at most 6n bytes; invalid
 * UTF-8 -> U+FFFD. */
char *cc_fmt_json_long(char *o, const char *s, size_t n);
static inline char *cc_fmt_json_str(char *o, const char *s, size_t n)
{
    /* 4 to 16 plain bytes (ids, units, most mention texts): tested and
     * copied as two overlapping pieces; some bytes twice, which neither
     * the test nor the copy minds */
    if (n >= 8 && n <= 16) {
        uint64_t a, b;
        memcpy(&a, s, 8);
        memcpy(&b, s + n - 8, 8);
        if (!(cc_json_special8(a) | cc_json_special8(b))) {
            memcpy(o, &a, 8);
            memcpy(o + n - 8, &b, 8);
            return o + n;
        }
    } else if (n >= 4 && n < 8) {
        uint32_t a, b;
        memcpy(&a, s, 4);
        memcpy(&b, s + n - 4, 4);
        if (!cc_json_special8(a | (uint64_t)b << 32)) {
            memcpy(o, &a, 4);
            memcpy(o + n - 4, &b, 4);
            return o + n;
        }
    }
    return cc_fmt_json_long(o, s, n);
}

/* Growable array of fixed-size items (malloc-backed). */
typedef struct cc_vec {
    void *data;
    size_t len, cap, size;
} cc_vec;
void cc_vec_init(cc_vec *v, size_t item_size);
void *cc_vec_push(cc_vec *v);   /* zeroed new slot, NULL on OOM */
void cc_vec_free(cc_vec *v);
#define CC_VEC_AT(v, T, i) (((T *)(v)->data)[i])

/* -------------------------------------------------------------- UTF-8 */
/* Decodes one code point at s[0..n). Never fails: an invalid or truncated
 * sequence yields U+FFFD with *len = 1. n must be > 0. */
uint32_t cc_utf8_decode(const unsigned char *s, size_t n, int *len);
/* Encodes cp into out (4 bytes room); returns the byte count. */
int cc_utf8_encode(uint32_t cp, char *out);
bool cc_utf8_valid(const char *s, size_t n);

/* ------------------------------------------------------------ clean text */
/* The clean text is built by appending pieces, each tied to the input bytes
 * it came from. A piece whose bytes equal the source is mapped byte for
 * byte; a replaced piece (entity, normalised character, joined line) maps
 * each of its bytes to the source span [src, src + src_len). */
typedef struct cc_map_seg {
    uint32_t clean;   /* first clean byte of the segment */
    uint32_t src;     /* input offset it maps to */
    uint32_t src_len; /* input bytes covered */
    uint8_t linear;   /* 1: byte for byte; 0: whole segment -> [src, src+src_len) */
} cc_map_seg;         /* 32-bit offsets: documents are under 2 GiB (concur_engine_new) */

typedef struct cc_text {
    cc_buf out;          /* clean UTF-8, NUL-terminated after cc_text_finish */
    cc_vec segs;         /* cc_map_seg */
    cc_vec paras;        /* size_t pairs: start, end (clean offsets) */
    cc_vec marks;        /* cc_text_mark: captions, headings, ... */
    size_t para_start;   /* start of the open paragraph */
    bool in_para;
    bool pending_space;  /* a collapsed space is owed before the next text */
    size_t space_src;    /* source offset of that space */
    bool had_invalid_utf8;
    size_t first_invalid;
} cc_text;

typedef enum cc_block_role {
    CC_ROLE_BODY = 0,
    CC_ROLE_TITLE,
    CC_ROLE_HEADING,
    CC_ROLE_CAPTION,
    CC_ROLE_QUOTE,
    CC_ROLE_LIST
} cc_block_role;

typedef struct cc_text_mark {
    size_t start, end;    /* clean offsets of a paragraph */
    cc_block_role role;
} cc_text_mark;

void cc_text_init(cc_text *t);
void cc_text_free(cc_text *t);
/* Appends input bytes src[0..n) located at input offset `off`, normalising
 * as it goes: invalid UTF-8 -> U+FFFD, typographic variants -> ASCII
 * (quotes, dashes, spaces), soft hyphens dropped, compatibility forms
 * (ligatures, full-width) decomposed; runs of white space collapse to one
 * space; a newline never ends a paragraph here (see cc_text_break). */
void cc_text_append_src(cc_text *t, const char *src, size_t n, size_t off);
/* Appends `s` (already clean UTF-8) that stands for input [off, off+len). */
void cc_text_append_repl(cc_text *t, const char *s, size_t n, size_t off, size_t len);
/* Ends the current paragraph (if any text since the last break). */
void cc_text_break(cc_text *t);
/* Marks the paragraph currently open (or the next one) with a role. */
void cc_text_role(cc_text *t, cc_block_role role);
/* Closes the text; returns false on OOM. */
bool cc_text_finish(cc_text *t);
/* Clean offset -> input offset (start of the byte's source). For an end
 * offset (exclusive) use cc_text_src_end. */
size_t cc_text_src(const cc_text *t, size_t clean);
size_t cc_text_src_end(const cc_text *t, size_t clean_end);
/* The same, for callers walking the text forward: *cur (start at 0) keeps
 * the map segment found last, so nearby lookups take a step, not a search. */
size_t cc_text_src_at(const cc_text *t, size_t clean, size_t *cur);
size_t cc_text_src_end_at(const cc_text *t, size_t clean_end, size_t *cur);

/* ----------------------------------------------------------------- tokens */
typedef enum cc_tok_type {
    CC_TOK_WORD = 1,   /* letters (any script), may contain ' and inner - */
    CC_TOK_NUM,        /* ASCII digits */
    CC_TOK_PUNCT,      /* one code point of punctuation or a symbol */
    CC_TOK_OTHER
} cc_tok_type;

enum {
    CC_TF_SPACE_BEFORE = 1,  /* white space precedes the token */
    CC_TF_UPPER = 2,         /* first letter upper case */
    CC_TF_ALLCAPS = 4,
    CC_TF_SENT_START = 8
};

typedef struct cc_token {
    uint32_t start, end;     /* clean offsets, relative to the document */
    uint8_t type;
    uint8_t flags;
    uint32_t sent;           /* sentence index within the paragraph */
    uint32_t wid;            /* word tokens: id in the engine's cc_words, 0 = in no list */
} cc_token;

typedef struct cc_sentence {
    uint32_t start, end;     /* clean offsets */
    uint32_t tok_start, tok_end;
} cc_sentence;

/* The recognisers that walk lists of start tokens (see "start lists"). */
enum { CC_START_DATE, CC_START_NUMBER, CC_START_COUNT, CC_START_KINDS };

/* One paragraph (or a slice of a very long one) ready for recognisers. */
typedef struct cc_para {
    const char *text;        /* the whole clean text */
    size_t start, end;       /* this paragraph's clean offsets */
    size_t index;            /* paragraph number */
    cc_block_role role;
    cc_token *tok;
    size_t ntok;
    cc_sentence *sent;
    size_t nsent;
    size_t sent_base;        /* document-level index of sent[0] */
    /* the tokens each recogniser may start at (cc_starts_list), in token
     * order: its scan walks them instead of every token */
    const uint32_t *start_at[CC_START_KINDS];
    size_t nstart_at[CC_START_KINDS];
} cc_para;

/* Splits text[start, end) into sentences and tokens. Vectors are reset and
 * reused between paragraphs. Returns false on OOM. */
bool cc_segment(const struct concur_engine *e, const char *text, size_t start, size_t end,
                cc_vec *toks, cc_vec *sents);

/* ----------------------------------------------------------- start lists */
/* Few tokens start anything (a number, a date word, a trigger). At engine
 * start each recogniser marks the words it may start at in one table by
 * word id (cc_starts_init, after every _init); per paragraph,
 * cc_starts_list lists for each recogniser the tokens it may start at (its
 * words, and every number for the dates and the numbers), and the scans
 * walk their list (cc_para.start_at). What a scan decides at a token is
 * unchanged. */
#define CC_STARTS_LOCAL 512        /* tokens of a paragraph listed without an allocation */
typedef struct cc_starts {
    uint32_t *at[CC_START_KINDS];   /* token indexes, in order */
    size_t n[CC_START_KINDS];
    uint32_t *all;                  /* the one block behind the lists: local or malloc'd */
    size_t cap;                     /* entries each list has room for */
    uint32_t local[4 * CC_STARTS_LOCAL];   /* most paragraphs' lists: an allocation
                                            * per document cost more than listing */
} cc_starts;
bool cc_starts_init(struct concur_engine *e);
/* The lists a document of these kinds needs (1 << CC_START_*): the scans
 * that run. The dates always do (the others read their mentions); the
 * numbers and the counts return at once unless they are wanted. */
static inline unsigned cc_starts_wanted(unsigned kinds)
{
    unsigned w = 1u << CC_START_DATE;
    if (kinds & (CONCUR_KIND_NUMBER | CONCUR_KIND_QUANTITY | CONCUR_KIND_COUNT)) w |= 1u << CC_START_NUMBER;
    if (kinds & CONCUR_KIND_COUNT) w |= 1u << CC_START_COUNT;
    return w;
}
/* Fills the lists `want` names for tokens tok[0..ntok) (the others are
 * left empty), reusing s's memory: s starts with all NULL and cap 0 (the
 * local block need not be zeroed), and cc_starts_clear frees it. False on
 * OOM. */
bool cc_starts_list(const struct concur_engine *e, const cc_token *tok, size_t ntok, unsigned want, cc_starts *s);
void cc_starts_clear(cc_starts *s);
/* Each recogniser's words: sets `bit` in bits[w] (w < n) for every word
 * id its scan may start at (read after all _init). */
void cc_dates_start_words(const struct concur_engine *e, uint8_t *bits, size_t n, uint8_t bit);
void cc_numbers_start_words(const struct concur_engine *e, uint8_t *bits, size_t n, uint8_t bit);
void cc_counts_start_words(const struct concur_engine *e, uint8_t *bits, size_t n, uint8_t bit);

/* ------------------------------------------------------------ word ids */
/* The words the recognisers test token by token (src/text/words.c), each
 * with an id; cc_segment stores every word token's id in cc_token.wid.
 * Built by the recognisers' _init (cc_words_add), read-only afterwards. */
#define CC_WORDS_MAXLEN 32
typedef struct cc_words cc_words;
cc_words *cc_words_new(void);
void cc_words_free(cc_words *w);
/* The id (>= 1) of s[0..n), added if new; compared ASCII case-insensitively.
 * 0 on OOM or when n is 0 or more than CC_WORDS_MAXLEN. */
uint32_t cc_words_add(cc_words *w, const char *s, size_t n);
/* The id of s[0..n), or 0 when it was never added. */
uint32_t cc_words_find(const cc_words *w, const char *s, size_t n);
/* One more than the largest id: the size of an array indexed by id. */
size_t cc_words_count(const cc_words *w);

/* --------------------------------------------------------------- lexicon */
/* A lexicon is a TSV file under data/lexicon/en/, compiled by
 * tools/gen_lexicon.c into a sorted array of rows; column 0 is the key
 * (lower case, words separated by one space). */
#define CC_LEX_MAXCOL 6
typedef struct cc_lex_row {
    const char *col[CC_LEX_MAXCOL];
} cc_lex_row;

/* The rows [lo, hi) whose keys start with the `len` bytes of a first
 * token; `exact`: rows[lo] is that token alone. */
typedef struct cc_lex_span {
    uint32_t lo, hi;
    uint8_t len, exact;
} cc_lex_span;

typedef struct cc_lexicon {
    const char *name;        /* file name without .tsv */
    const cc_lex_row *rows;
    size_t nrows;
    size_t max_words;        /* longest key, in words */
    const uint32_t *hslot;   /* hash of the distinct keys: row + 1 in the low 24 bits,
                              * the hash's top 8 bits above; 0 = empty */
    size_t hmask;            /* slots - 1 (a power of two minus one) */
    const uint32_t *first;   /* [257]: first row whose key's first byte >= c */
    const uint8_t *pair;     /* [1024]: bit cc_lex_pair(k0, k1) of each key's first two bytes */
    /* the keys' first tokens (as the tokenizer cuts them): hash slots of
     * span index + 1 in the low 24 bits, the hash's top 8 bits above */
    const uint32_t *tslot;
    size_t tmask;
    const struct cc_lex_span *tspan;
} cc_lexicon;

static inline unsigned cc_lex_pair(unsigned char a, unsigned char b) { return ((unsigned)a * 67u + b) & 8191u; }

/* The hash of the generated index (FNV-1a; tools/gen_lexicon.c has the
 * same function). */
static inline uint32_t cc_lex_hash(const char *s, size_t n)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++) h = (h ^ (unsigned char)s[i]) * 16777619u;
    return h;
}

/* Generated (build/gen/lexicon.c). */
extern const cc_lexicon cc_lexicons[];
extern const size_t cc_lexicon_count;

const cc_lexicon *cc_lexicon_get(const char *name);
/* First row whose key equals key[0..n) (exact, case-sensitive: keys are
 * lower case), or NULL. Hash lookup. */
const cc_lex_row *cc_lex_find(const cc_lexicon *lx, const char *key, size_t n);

/* Longest lexicon key matching the tokens starting at tok[i]: words are
 * compared case-insensitively, joined with one space (a "-" between tokens
 * also matches a space or a "-" in the key). Returns the row and sets
 * *ntok to the tokens used, or NULL. */
const cc_lex_row *cc_lex_match(const cc_lexicon *lx, const char *text, const cc_token *tok,
                               size_t i, size_t ntok, size_t *used);

/* The rows of lx whose keys start with a word, for callers that know a
 * token's word ahead (by its word id): what cc_lex_match finds after the
 * first token, computed once. */
#define CC_LEX_KEYMAX 256
typedef struct cc_lex_range {
    uint32_t lo, hi;         /* rows [lo, hi); empty: no key starts with the word */
    bool exact;              /* rows[lo] is the word alone */
} cc_lex_range;
void cc_lex_word_range(const cc_lexicon *lx, const char *w, size_t n, cc_lex_range *r);
/* cc_lex_match where tok[i] is the word of r (ASCII case-insensitively):
 * the same row and *used, without searching for the first word. */
const cc_lex_row *cc_lex_match_word(const cc_lexicon *lx, const cc_lex_range *r, const char *text,
                                    const cc_token *tok, size_t i, size_t ntok, size_t *used);

/* ASCII lower-casing copy of a token into buf (size cap); returns length. */
size_t cc_tok_lower(const char *text, const cc_token *t, char *buf, size_t cap);
/* Is token t the word lower_word (ASCII case-insensitive)? Inline: the
 * recognisers call it on most tokens they look at. */
static inline bool cc_tok_is(const char *text, const cc_token *t, const char *lower_word)
{
    const unsigned char *s = (const unsigned char *)text + t->start, *w = (const unsigned char *)lower_word;
    size_t n = t->end - t->start;
    for (size_t i = 0; i < n; i++) {
        unsigned c = s[i];
        if ((unsigned)(c - 'A') < 26u) c += 32;
        if (!w[i] || c != w[i]) return false;
    }
    return w[n] == 0;
}

/* --------------------------------------------------------------- mentions */
/* Fields ordered by size so that the struct has no holes: a document
 * holds one per mention, and on a large text their memory is most of what
 * the run touches. Offsets fit 32 bits (documents are limited to less than
 * 4 GiB, see concur_engine_new; tokens hold 32-bit offsets too). */
typedef struct concur_mention {
    const char *id;               /* assigned at finish: "m1" ... */
    const struct concur_doc *doc;

    /* number, quantity, numeric part of count */
    double value, min, max;
    double alt[3];
    const char *unit;             /* static or arena */

    /* date */
    const char *timex_type, *timex_value, *timex_mod;
    const char *begin, *end_value;
    const char *timex_alt;        /* other reading of an ambiguous numeric date, or NULL */

    /* count */
    const char *category, *group, *group_text;
    const struct concur_mention *parent;
    const char *attribution, *place, *date;
    const char *note;

    uint32_t cstart, cend;        /* clean offsets */
    uint32_t start, end;          /* input offsets */
    uint32_t sentence;            /* document-level sentence index */
    concur_kind kind;
    concur_qualifier qualifier;
    uint32_t flags;               /* recogniser-private bits */
    uint32_t order;               /* stable order tie-break */
    bool has_value, has_min, has_max;
    bool approx, ordinal;
    bool hedged;                  /* count */
    uint8_t nalt;                 /* alt[0 .. nalt) */
} concur_mention;

/* ------------------------------------------------------------- documents */
typedef struct cc_date_state cc_date_state;   /* owned by dates.c */
typedef struct cc_num_state cc_num_state;     /* owned by numbers.c */

typedef struct concur_doc {
    cc_arena arena;
    const struct concur_engine *engine;
    char *id;
    const char *src;              /* the input bytes: a copy, or the caller's (borrow) */
    size_t src_len;
    cc_text text;
    concur_mention **m;           /* mentions (arena) */
    size_t nm, capm;
    char **warnings;
    size_t nwarn, capwarn;
    concur_doc_options opt;
    char ref_date[11];            /* "YYYY-MM-DD" or "" */
    size_t nsent;                 /* sentences segmented */
    bool oom;

    /* per-document recogniser state */
    cc_date_state *dates;
    cc_num_state *numbers;        /* numbers.c: document evidence (arena) */
    void *counts_state;
} concur_doc;

/* New mention in the doc's arena, appended; NULL on OOM (doc->oom set). */
concur_mention *cc_doc_add(concur_doc *d, concur_kind kind, size_t cstart, size_t cend);
/* Removes mentions for which drop(m) is true (order kept). */
void cc_doc_remove_if(concur_doc *d, bool (*drop)(const concur_mention *, void *), void *ud);
void cc_doc_warn(concur_doc *d, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* True if clean span [s,e) overlaps a mention of one of `kinds`. */
const concur_mention *cc_doc_overlap(const concur_doc *d, unsigned kinds, size_t s, size_t e);

/* --------------------------------------------------------------- engine */
typedef struct concur_engine {
    concur_options opt;
    const cc_lexicon *abbrev;     /* sentence-splitting abbreviations */
    cc_words *words;              /* word ids (cc_token.wid), filled by the recognisers' _init */
    const cc_lex_row **abbrev_row;   /* [word id]: the abbrev row of a one-word abbreviation, or NULL */
    size_t nabbrev_row;
    uint8_t *start_bits;          /* [word id]: 1 << CC_START_* (cc_starts_init) */
    size_t nstart_bits;
    void *numbers;                /* recogniser tables, owned by each module */
    void *dates;
    void *counts;
} concur_engine;

/* ------------------------------------------------------ stage interfaces */
/* ingest: fill t from the input bytes. Return false only on OOM. */
bool cc_ingest_text(const char *bytes, size_t len, cc_text *t);
bool cc_ingest_html(const char *bytes, size_t len, cc_text *t, concur_doc *d);
/* Initialises libxml2 (idempotent): called by concur_engine_new, before
 * any thread parses a page. */
void cc_ingest_html_init(void);

/* WARC (warc.c): records of a .warc or .warc.gz file, one page each, for
 * the reader. cc_warc_next: 1 a page (rec valid until the next call), 0 the
 * end, -1 a record that could not be read (err says why; call again). */
typedef struct cc_warc cc_warc;
cc_warc *cc_warc_new(const char *bytes, size_t len);
int cc_warc_next(cc_warc *w, concur_record *rec, concur_error *err);
void cc_warc_free(cc_warc *w);
bool cc_warc_sniff_gz(const char *bytes, size_t len);
/* True if s[0..n) is a whole block of page residue (residue.tsv): error
 * banners, share / cookie / subscribe prompts. Used by both readers.
 * residue is cc_lexicon_get("residue"), looked up once by the caller:
 * the plain-text reader asks for every lone line. */
bool cc_residue_match(const cc_lexicon *residue, const char *s, size_t n);

/* recognisers: each has _init (engine tables; false on failure), _free,
 * and _scan over one paragraph, adding mentions to the doc. _finish runs
 * once after all paragraphs. */
bool cc_numbers_init(concur_engine *e);
void cc_numbers_free(concur_engine *e);
void cc_numbers_scan(const concur_engine *e, concur_doc *d, const cc_para *p);

bool cc_dates_init(concur_engine *e);
void cc_dates_free(concur_engine *e);
void cc_dates_scan(const concur_engine *e, concur_doc *d, const cc_para *p);
void cc_dates_doc_free(concur_doc *d);
/* What the date state established, for the next piece (concur_doc_carry). */
void cc_dates_carry(const concur_doc *d, char *buf, size_t cap);

bool cc_counts_init(concur_engine *e);
void cc_counts_free(concur_engine *e);
void cc_counts_scan(const concur_engine *e, concur_doc *d, const cc_para *p);
void cc_counts_finish(const concur_engine *e, concur_doc *d);
/* The ISO country code of a place name into cc and the name's level: 2 a
 * country, 1 a region (regions.tsv), 0 a city (places.tsv); -1 when the
 * name is in neither. */
int cc_place_country(const char *name, char cc[3]);

/* output */
int cc_write_jsonl(const concur_doc *d, unsigned kinds, concur_write_fn w, void *u);
/* One mention as its JSON Lines line (with the newline); head is
 * {"doc":"<escaped id>" (output.c). */
void cc_json_mention(cc_buf *b, const concur_doc *d, const cc_buf *head, const concur_mention *m);
/* Copies s[0..n) with tabs, newlines and control bytes as spaces; max_cp
 * > 0 cuts it to that many code points with "...". */
void cc_put_flat(cc_buf *b, const char *s, size_t n, size_t max_cp);
int cc_write_tsv(const concur_doc *d, unsigned kinds, bool header, concur_write_fn w, void *u);
int cc_write_table(const concur_doc *d, unsigned kinds, bool header, concur_write_fn w, void *u);
/* One GDELT GKG 2.1-style line for the document's count claims (gkg.c). */
int cc_write_gkg(const concur_doc *d, bool header, concur_write_fn w, void *u);

/* error helper */
void cc_error_set(concur_error *err, concur_status code, size_t offset, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

#endif /* CC_INTERNAL_H */
