/* numbers.c -- numbers and quantities (kinds "number" and "quantity").
 *
 * One pass over the tokens of a paragraph. A candidate starts only at a
 * digit run, at a "." before digits, or at a word whose id (cc_token.wid)
 * marks it as the first word of a number word or vague number; the scan
 * visits only those tokens (cc_starts_list lists them). The word lists
 * searched at a candidate are tested by word id first too (which words
 * are in a list, begin a key, end one: init_word_bits), and the prefix
 * searches walk trees built at engine start (ptrie). From the core number
 * the recogniser grows the span:
 * right (range "X-Y" / "X to Y", unit, "or more"), then left (currency,
 * sign, "between", qualifiers such as "more than"). Qualifier words are
 * inside the span, as in Recognizers-Text.
 *
 * Word lists are data (data/lexicon/en/number_*.tsv, units.tsv,
 * unit_prefix.tsv); docs/numbers.md states the rules. */
#include "../internal.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#if defined(__SSE2__)
#include <emmintrin.h>   /* SSE2 is part of every x86-64: gather_evidence's skip */
#endif

/* Inlining where it pays (NUM_INLINE: a quick test before a call that
 * most calls do not need; NUM_NOINLINE: see scan_at). */
#if defined(__GNUC__)
#define NUM_INLINE inline __attribute__((always_inline))
#define NUM_NOINLINE __attribute__((noinline))
#else
#define NUM_INLINE inline
#define NUM_NOINLINE
#endif

/* ------------------------------------------------------------ engine */

/* How a key of unit_prefix / number_qualifiers can end, for match_before,
 * whose match must end right before a token: the bytes that can be its
 * last byte (lex_prefix's folding: either case, '-' for ' '), and the
 * last words of the keys (wbits W_ENDS_*: a key's bytes after its last
 * space). tail_ok: no key ends with a space (else W_ENDS_* is not used). */
typedef struct key_ends {
    uint8_t last[256];
    bool tail_ok;
    unsigned tail_bit;
} key_ends;

/* The keys of a lexicon as a prefix tree, for lex_prefix: a node per key
 * prefix, its children (the bytes that extend it, ascending) at
 * node[first .. first + n). Built at engine start from the sorted rows. */
typedef struct pnode {
    uint32_t first;   /* first child */
    uint32_t row;     /* row + 1 of the first row whose key is this prefix, 0 = none */
    uint16_t n;       /* children */
    uint8_t byte;     /* the byte leading here */
} pnode;
typedef struct ptrie {
    pnode *node;      /* node[0]: the root */
    size_t n, cap;
    uint32_t root[256];   /* [first byte]: the root's child + 1, 0 = none */
} ptrie;

/* A list matched backwards from a number by match_before: currency
 * prefixes ("$", "aged"), qualifiers ("more than"). */
typedef struct back_list {
    const cc_lexicon *lx;
    ptrie tr;                 /* lex_prefix's tree of the keys */
    /* first bytes of the keys: FB_FIRST some key starts with the byte,
     * FB_WHOLE a one-byte key is the byte (either case for letters) */
    uint8_t first[256];
    unsigned lead;            /* the list's LEAD_* bit in cc_numbers.lead */
    key_ends ends;
} back_list;

typedef struct cc_numbers {
    const cc_lexicon *words, *suffix, *vague, *qual, *units, *prefix, *ident, *not_, *whole, *change;
    uint8_t *starts;   /* [word id]: 1 if the word may start a number (cc_token.wid) */
    size_t nstarts;
    const cc_lex_row **wrow;   /* [word id]: the number_words row of a one-word key */
    size_t nwrow;
    double *wval;              /* [number_words row]: its value (column 2), read once */
    uint8_t first_units[256];  /* FB_* of the units' first bytes */
    /* [word id]: LEAD_* bits, the word is the leading letters of a key of
     * unit_prefix / number_qualifiers (match_before's test for a word);
     * lead_ok: LEAD_* of the lists the test is exact for */
    uint8_t *lead;
    size_t nlead;
    unsigned lead_ok;
    /* [word id]: W_* bits, the lists a word is in, or may begin or end a
     * key of (init_word_bits): a lexicon search per word becomes a read */
    uint16_t *wbits;
    size_t nwbits;
    uint32_t *wsuf;            /* [word id]: number_suffixes row + 1 of the word, 0 = none */
    double *sufval;            /* [number_suffixes row]: its multiplier (column 1) */
    uint8_t *sufflag;          /* [number_suffixes row]: SF_* of its flags (column 2) */
    back_list pre_list, qual_list;   /* unit_prefix, number_qualifiers */
    uint8_t *qual_kind;        /* [number_qualifiers row]: its concur_qualifier (column 1) */
    /* [word id]: the rows of number_not / number_vague / number_qualifiers
     * whose keys begin with the word (W_BEGINS_*), for cc_lex_match_word */
    cc_lex_range *rng_not, *rng_vague, *rng_qual;
    ptrie tr_units;            /* lex_prefix's tree of the units */
} cc_numbers;

enum { FB_FIRST = 1, FB_WHOLE = 2 };
/* wbits: W_IS_* the word is a key of the list (cc_lex_find of the
 * lower-cased word); W_BEGINS_* the word begins a key of the list, i.e.
 * cc_lex_match may find one at the word */
enum {
    W_IS_WHOLE = 1, W_IS_IDENT = 2, W_IS_IDENT_DOT = 4, W_IS_CHANGE = 8,
    W_BEGINS_NOT = 16, W_BEGINS_VAGUE = 32, W_BEGINS_QUAL = 64,
    W_ENDS_PREFIX = 128, W_ENDS_QUAL = 256, W_BEGINS_UNIT = 512,
    /* the word begins the second word of a key (add_beginnings) */
    W_SECOND_NOT = 1024, W_SECOND_VAGUE = 2048, W_SECOND_QUAL = 4096
};

/* sufflag: the letters of number_suffixes column 2 */
enum { SF_ORD = 1, SF_SPACED = 2, SF_ANY = 4, SF_UPPER = 8, SF_CUR = 16, SF_WHOLE = 32 };
enum { LEAD_PREFIX = 1, LEAD_QUAL = 2 };

static inline bool ascii_letter(unsigned char c) { return (unsigned)((c | 32u) - 'a') < 26u; }
/* lex_prefix's folding: ASCII capitals only (tolower of the "C" locale,
 * the one the library runs in, without its call) */
static inline unsigned char ascii_fold(unsigned char c) { return (unsigned)(c - 'A') < 26u ? (unsigned char)(c + 32) : c; }

/* Registers the leading ASCII letters of each key of lx (ids[row], 0 for
 * none). A word token starting with a letter can begin a match only when
 * it is those letters whole: the next byte of the key is not a letter, so
 * a longer word differs there and a shorter one fails the key's word
 * boundary. That holds unless a key's letters run into a UTF-8 byte (a
 * non-ASCII letter could continue them): then *exact is cleared. */
static bool add_leads(concur_engine *e, const cc_lexicon *lx, uint32_t *ids, bool *exact)
{
    for (size_t i = 0; i < lx->nrows; i++) {
        const char *k = lx->rows[i].col[0];
        size_t n = 0;
        while (ascii_letter((unsigned char)k[n])) n++;
        ids[i] = 0;
        if (!n) continue;
        if ((unsigned char)k[n] >= 0x80 || n > CC_WORDS_MAXLEN) { *exact = false; continue; }
        if (!(ids[i] = cc_words_add(e->words, k, n))) return false;
    }
    return true;
}

/* Registers the first word of key (up to a space or '-') as a start. */
static bool add_start(concur_engine *e, uint32_t *ids, size_t *n, const char *key)
{
    size_t len = strcspn(key, " -");
    if (!len) return true;
    uint32_t id = cc_words_add(e->words, key, len);
    if (!id) return false;
    ids[(*n)++] = id;
    return true;
}

static void first_bytes(const cc_lexicon *lx, uint8_t *fb)
{
    for (size_t i = 0; i < lx->nrows; i++) {
        const char *k = lx->rows[i].col[0];
        unsigned char ch = (unsigned char)k[0];
        uint8_t bits = (uint8_t)(FB_FIRST | (k[0] && !k[1] ? FB_WHOLE : 0));
        fb[ch] |= bits;
        if (ch >= 'a' && ch <= 'z') fb[ch - 32] |= bits;
        if (ch == ' ') fb['-'] |= bits;   /* lex_prefix reads a '-' as a space */
    }
}

/* Can a lower-cased word token equal key[0..n)? Not when the key has an
 * ASCII capital, a space, or more bytes than a word id holds (a longer
 * token has no id: the callers search for it the old way). */
static bool word_key(const char *k, size_t n)
{
    if (!n || n > CC_WORDS_MAXLEN) return false;
    for (size_t q = 0; q < n; q++)
        if ((k[q] >= 'A' && k[q] <= 'Z') || k[q] == ' ') return false;
    return true;
}

/* Word ids and their W_* bits, collected while words are registered and
 * put in cc_numbers.wbits once the number of ids is known. */
typedef struct idbit {
    uint32_t id;
    uint16_t bit;
    cc_lex_range rng;   /* W_BEGINS_*: the rows whose keys begin with the word */
} idbit;
/* Registers k[0..n) and records its bit in ib (a cc_vec of idbit). */
static bool add_idbit(concur_engine *e, cc_vec *ib, const char *k, size_t n, uint16_t bit)
{
    uint32_t id = cc_words_add(e->words, k, n);
    if (!id) return false;
    idbit *x = cc_vec_push(ib);   /* zeroed: rng empty */
    if (!x) return false;
    x->id = id;
    x->bit = bit;
    return true;
}

/* The keys of lx a word can be (bit is a W_IS_*; with '.' the keys
 * "word." register "word", for is_identifier_before). */
static bool add_keys(concur_engine *e, cc_vec *ib, const cc_lexicon *lx, uint16_t bit, uint16_t dot_bit)
{
    for (size_t i = 0; i < lx->nrows; i++) {
        const char *k = lx->rows[i].col[0];
        size_t n = strlen(k);
        if (word_key(k, n) && !add_idbit(e, ib, k, n, bit)) return false;
        if (dot_bit && n > 1 && k[n - 1] == '.' && word_key(k, n - 1) && !add_idbit(e, ib, k, n - 1, dot_bit))
            return false;
    }
    return true;
}

static inline bool ascii_lower(unsigned char c) { return c >= 'a' && c <= 'z'; }

/* The words at which cc_lex_match(lx) can find a key (bit a W_BEGINS_*),
 * with the rows whose keys begin with them (cc_lex_word_range). It copies
 * the first token's lower-cased bytes and stops unless some key begins
 * with them; the key goes on with a space or the next token's bytes. A
 * word token is a whole run of letters, so the byte after it is never an
 * ASCII letter: the key's leading parts that can be a word are those
 * followed by a space, the end or a byte that is not an ASCII letter
 * ("approx" of "approx.", "one" of "one's", "more" of "more than"). A
 * word token of up to CC_WORDS_MAXLEN bytes without the bit begins no
 * key. */
static bool add_beginnings(concur_engine *e, cc_vec *ib, const cc_lexicon *lx, uint16_t bit, uint16_t second)
{
    for (size_t i = 0; i < lx->nrows; i++) {
        const char *k = lx->rows[i].col[0];
        size_t n = strcspn(k, " ");
        for (size_t q = 1; q <= n && q <= CC_WORDS_MAXLEN; q++) {
            unsigned char next = (unsigned char)k[q];
            if (ascii_letter(next) || !word_key(k, q)) continue;
            if (!add_idbit(e, ib, k, q, bit)) return false;
            cc_lex_word_range(lx, k, q, &CC_VEC_AT(ib, idbit, ib->len - 1).rng);
        }
        /* the same for the word after the first space: match_at's test
         * of the token after the first */
        if (!k[n]) continue;
        const char *k2 = k + n + 1;
        size_t n2 = strcspn(k2, " ");
        for (size_t q = 1; q <= n2 && q <= CC_WORDS_MAXLEN; q++)
            if (!ascii_letter((unsigned char)k2[q]) && word_key(k2, q) && !add_idbit(e, ib, k2, q, second))
                return false;
    }
    return true;
}

/* The words a unit key (lex_prefix of units) can begin with, for
 * units_at: its leading lower-case ASCII letters up to a byte that is not
 * an ASCII letter (the key's end, "km" of "km/h", "sq" of "sq. km",
 * "square" of "square metres"). */
static bool add_unit_beginnings(concur_engine *e, cc_vec *ib, const cc_lexicon *lx, uint16_t bit)
{
    for (size_t i = 0; i < lx->nrows; i++) {
        const char *k = lx->rows[i].col[0];
        size_t q = 0;
        while (q < CC_WORDS_MAXLEN && ascii_lower((unsigned char)k[q])) q++;
        if (q && !ascii_letter((unsigned char)k[q]) && !add_idbit(e, ib, k, q, bit)) return false;
    }
    return true;
}

/* The key_ends of lx; its keys' last words registered with bit. */
static bool add_ends(concur_engine *e, cc_vec *ib, const cc_lexicon *lx, key_ends *ke, uint16_t bit)
{
    ke->tail_ok = true;
    ke->tail_bit = bit;
    for (size_t i = 0; i < lx->nrows; i++) {
        const char *k = lx->rows[i].col[0];
        size_t n = strlen(k);
        if (!n) continue;
        unsigned char z = (unsigned char)k[n - 1];
        ke->last[z] = 1;
        if (z >= 'a' && z <= 'z') ke->last[z - 32] = 1;
        if (z == ' ') {
            ke->last['-'] = 1;
            ke->tail_ok = false;
        }
        const char *sp = strrchr(k, ' ');
        const char *tail = sp ? sp + 1 : k;
        size_t tn = n - (size_t)(tail - k);
        if (word_key(tail, tn) && !add_idbit(e, ib, tail, tn, bit)) return false;
    }
    return true;
}

/* Each number_suffixes row's multiplier and flags; *ids: the word id of
 * each row that is the first of its key (0 for the others), as
 * cc_lex_find finds the first row of a key. */
static bool init_suffixes(concur_engine *e, cc_numbers *nb, uint32_t *ids)
{
    const cc_lexicon *lx = nb->suffix;
    nb->sufval = calloc(lx->nrows + 1, sizeof *nb->sufval);
    nb->sufflag = calloc(lx->nrows + 1, 1);
    if (!nb->sufval || !nb->sufflag) return false;
    for (size_t i = 0; i < lx->nrows; i++) {
        const cc_lex_row *r = &lx->rows[i];
        const char *f = r->col[2] ? r->col[2] : "a";
        nb->sufval[i] = strtod(r->col[1], NULL);
        nb->sufflag[i] = (uint8_t)((strchr(f, 'o') ? SF_ORD : 0) | (strchr(f, 's') ? SF_SPACED : 0) |
                                   (strchr(f, 'a') ? SF_ANY : 0) | (strchr(f, 'U') ? SF_UPPER : 0) |
                                   (strchr(f, 'c') ? SF_CUR : 0) | (strchr(f, 'w') ? SF_WHOLE : 0));
        size_t n = strlen(r->col[0]);
        ids[i] = 0;
        if (word_key(r->col[0], n) && (i == 0 || strcmp(lx->rows[i - 1].col[0], r->col[0])) &&
            !(ids[i] = cc_words_add(e->words, r->col[0], n)))
            return false;
    }
    return true;
}

/* The concur_qualifier of each number_qualifiers row (column 1; "exact"
 * and unknown names: none). */
static bool init_qual_kinds(cc_numbers *nb)
{
    static const struct { const char *name; concur_qualifier q; } qn[] = {
        {"about", CONCUR_QUAL_ABOUT},         {"at_least", CONCUR_QUAL_AT_LEAST}, {"more_than", CONCUR_QUAL_MORE_THAN},
        {"at_most", CONCUR_QUAL_AT_MOST},     {"less_than", CONCUR_QUAL_LESS_THAN}, {"up_to", CONCUR_QUAL_UP_TO},
        {"range", CONCUR_QUAL_RANGE},         {"vague", CONCUR_QUAL_VAGUE}};
    nb->qual_kind = calloc(nb->qual->nrows + 1, 1);
    if (!nb->qual_kind) return false;
    for (size_t i = 0; i < nb->qual->nrows; i++)
        for (size_t k = 0; k < sizeof qn / sizeof *qn; k++)
            if (nb->qual->rows[i].col[1] && !strcmp(nb->qual->rows[i].col[1], qn[k].name))
                nb->qual_kind[i] = (uint8_t)qn[k].q;
    return true;
}

/* The per-word tables of the lists searched word by word (wbits, wsuf). */
static bool init_word_bits(concur_engine *e, cc_numbers *nb)
{
    cc_vec ib;
    cc_vec_init(&ib, sizeof(idbit));
    uint32_t *sid = calloc(nb->suffix->nrows + 1, sizeof *sid);
    bool ok = sid && init_suffixes(e, nb, sid) && add_keys(e, &ib, nb->whole, W_IS_WHOLE, 0) &&
              add_keys(e, &ib, nb->ident, W_IS_IDENT, W_IS_IDENT_DOT) && add_keys(e, &ib, nb->change, W_IS_CHANGE, 0) &&
              add_beginnings(e, &ib, nb->not_, W_BEGINS_NOT, W_SECOND_NOT) &&
              add_beginnings(e, &ib, nb->vague, W_BEGINS_VAGUE, W_SECOND_VAGUE) &&
              add_beginnings(e, &ib, nb->qual, W_BEGINS_QUAL, W_SECOND_QUAL) &&
              add_ends(e, &ib, nb->prefix, &nb->pre_list.ends, W_ENDS_PREFIX) &&
              add_ends(e, &ib, nb->qual, &nb->qual_list.ends, W_ENDS_QUAL) &&
              add_unit_beginnings(e, &ib, nb->units, W_BEGINS_UNIT);
    if (ok) {
        nb->nwbits = cc_words_count(e->words);
        nb->wbits = calloc(nb->nwbits, sizeof *nb->wbits);
        nb->wsuf = calloc(nb->nwbits, sizeof *nb->wsuf);
        nb->rng_not = calloc(nb->nwbits, sizeof *nb->rng_not);
        nb->rng_vague = calloc(nb->nwbits, sizeof *nb->rng_vague);
        nb->rng_qual = calloc(nb->nwbits, sizeof *nb->rng_qual);
        ok = nb->wbits && nb->wsuf && nb->rng_not && nb->rng_vague && nb->rng_qual;
    }
    if (ok) {
        for (size_t i = 0; i < ib.len; i++) {
            const idbit *x = &CC_VEC_AT(&ib, idbit, i);
            nb->wbits[x->id] |= x->bit;
            if (x->bit == W_BEGINS_NOT) nb->rng_not[x->id] = x->rng;
            if (x->bit == W_BEGINS_VAGUE) nb->rng_vague[x->id] = x->rng;
            if (x->bit == W_BEGINS_QUAL) nb->rng_qual[x->id] = x->rng;
        }
        for (size_t i = 0; i < nb->suffix->nrows; i++)
            if (sid[i]) nb->wsuf[sid[i]] = (uint32_t)i + 1;
        nb->wbits[0] = 0;
        nb->wsuf[0] = 0;
    }
    cc_vec_free(&ib);
    free(sid);
    return ok;
}

/* lex_prefix reads at most this many bytes */
enum { PREFIX_MAX = 48 };

/* Fills node `at` of tr for the rows [lo, hi) of lx, whose keys share
 * their first k bytes: the row of the key that ends there, then a child
 * per byte that follows (rows sorted by key: each byte's rows are a run). */
static bool ptrie_fill(ptrie *tr, const cc_lex_row *rows, size_t at, size_t lo, size_t hi, size_t k)
{
    if (lo < hi && rows[lo].col[0][k] == 0) {
        tr->node[at].row = (uint32_t)lo + 1;
        while (lo < hi && rows[lo].col[0][k] == 0) lo++;
    }
    if (k >= PREFIX_MAX || lo >= hi) return true;
    size_t nch = 0;
    for (size_t q = lo; q < hi; nch++) {
        unsigned char b = (unsigned char)rows[q].col[0][k];
        while (q < hi && (unsigned char)rows[q].col[0][k] == b) q++;
    }
    if (tr->n + nch > tr->cap) {
        size_t cap = (tr->n + nch) * 2;
        pnode *v = realloc(tr->node, cap * sizeof *v);
        if (!v) return false;
        tr->node = v;
        tr->cap = cap;
    }
    size_t first = tr->n;
    tr->n += nch;
    tr->node[at].first = (uint32_t)first;
    tr->node[at].n = (uint16_t)nch;
    for (size_t q = lo, ch = first; q < hi; ch++) {
        unsigned char b = (unsigned char)rows[q].col[0][k];
        size_t q2 = q;
        while (q2 < hi && (unsigned char)rows[q2].col[0][k] == b) q2++;
        tr->node[ch] = (pnode){0, 0, 0, b};
        if (!ptrie_fill(tr, rows, ch, q, q2, k + 1)) return false;
        q = q2;
    }
    return true;
}

static bool ptrie_build(ptrie *tr, const cc_lexicon *lx)
{
    /* the rows are sorted by key (tools/gen_lexicon.c), which the runs
     * above need: checked, so a table that is not fails the engine */
    for (size_t i = 1; i < lx->nrows; i++)
        if (strcmp(lx->rows[i - 1].col[0], lx->rows[i].col[0]) > 0) return false;
    tr->cap = 64;
    tr->n = 1;
    tr->node = calloc(tr->cap, sizeof *tr->node);
    if (!tr->node || !ptrie_fill(tr, lx->rows, 0, 0, lx->nrows, 0)) return false;
    for (uint32_t q = tr->node[0].first; q < tr->node[0].first + tr->node[0].n; q++) tr->root[tr->node[q].byte] = q + 1;
    return true;
}

bool cc_numbers_init(concur_engine *e)
{
    cc_numbers *nb = calloc(1, sizeof *nb);
    if (!nb) return false;
    nb->words = cc_lexicon_get("number_words");
    nb->suffix = cc_lexicon_get("number_suffixes");
    nb->vague = cc_lexicon_get("number_vague");
    nb->qual = cc_lexicon_get("number_qualifiers");
    nb->units = cc_lexicon_get("units");
    nb->prefix = cc_lexicon_get("unit_prefix");
    nb->ident = cc_lexicon_get("number_identifiers");
    nb->not_ = cc_lexicon_get("number_not");
    nb->whole = cc_lexicon_get("number_whole_nouns");
    nb->change = cc_lexicon_get("number_change_words");
    if (!nb->words || !nb->suffix || !nb->vague || !nb->qual || !nb->units || !nb->prefix ||
        !nb->ident || !nb->not_ || !nb->whole || !nb->change) {
        free(nb);
        return false;
    }
    /* the first words of number words and vague numbers, by word id */
    size_t nids = 0;
    uint32_t *ids = malloc((nb->words->nrows + nb->vague->nrows + 1) * sizeof *ids);
    bool ok = ids != NULL;
    for (size_t i = 0; ok && i < nb->words->nrows; i++) {
        const char *k = nb->words->rows[i].col[0];
        if (strcmp(k, "point") && strcmp(k, "nil")) ok = add_start(e, ids, &nids, k);
    }
    for (size_t i = 0; ok && i < nb->vague->nrows; i++) {
        const char *k = nb->vague->rows[i].col[0];
        if (!strncmp(k, "a ", 2)) k += 2;   /* "a few hundred": starts at "few" */
        ok = add_start(e, ids, &nids, k);
    }
    nb->nstarts = cc_words_count(e->words);
    nb->starts = ok ? calloc(nb->nstarts, 1) : NULL;
    if (!nb->starts) {
        free(ids);
        free(nb);
        return false;
    }
    for (size_t i = 0; i < nids; i++) nb->starts[ids[i]] = 1;
    free(ids);
    /* number_words rows by word id (word_row): the one-word keys a word
     * token can equal (lower case); of equal keys the first row */
    uint32_t *rid = calloc(nb->words->nrows + 1, sizeof *rid);
    for (size_t i = 0; rid && i < nb->words->nrows; i++) {
        const char *k = nb->words->rows[i].col[0];
        size_t kl = strlen(k);
        bool one = kl > 0 && kl < 40 && !strchr(k, ' ');
        for (size_t q = 0; one && q < kl; q++) one = !(k[q] >= 'A' && k[q] <= 'Z');
        if (one && !(rid[i] = cc_words_add(e->words, k, kl))) break;
    }
    nb->nwrow = cc_words_count(e->words);
    nb->wrow = rid ? calloc(nb->nwrow, sizeof *nb->wrow) : NULL;
    if (!nb->wrow) {
        free(rid);
        free(nb->starts);
        free(nb);
        return false;
    }
    for (size_t i = 0; i < nb->words->nrows; i++)
        if (rid[i] && !nb->wrow[rid[i]]) nb->wrow[rid[i]] = &nb->words->rows[i];
    free(rid);
    nb->wval = calloc(nb->words->nrows + 1, sizeof *nb->wval);
    if (!nb->wval) {
        free(nb->wrow);
        free(nb->starts);
        free(nb);
        return false;
    }
    for (size_t i = 0; i < nb->words->nrows; i++) {
        const char *v = nb->words->rows[i].col[2];
        nb->wval[i] = v ? strtod(v, NULL) : 0;
    }
    nb->pre_list.lx = nb->prefix;
    nb->pre_list.lead = LEAD_PREFIX;
    nb->qual_list.lx = nb->qual;
    nb->qual_list.lead = LEAD_QUAL;
    first_bytes(nb->prefix, nb->pre_list.first);
    first_bytes(nb->qual, nb->qual_list.first);
    first_bytes(nb->units, nb->first_units);
    size_t np = nb->prefix->nrows, nq = nb->qual->nrows;
    uint32_t *lid = malloc((np + nq + 1) * sizeof *lid);
    bool pre_exact = true, qual_exact = true;
    bool ok2 = lid && add_leads(e, nb->prefix, lid, &pre_exact) && add_leads(e, nb->qual, lid + np, &qual_exact);
    nb->nlead = cc_words_count(e->words);
    nb->lead = ok2 ? calloc(nb->nlead, 1) : NULL;
    if (!nb->lead) {
        free(lid);
        free(nb->wval);
        free(nb->wrow);
        free(nb->starts);
        free(nb);
        return false;
    }
    for (size_t i = 0; i < np; i++) nb->lead[lid[i]] |= LEAD_PREFIX;
    for (size_t i = 0; i < nq; i++) nb->lead[lid[np + i]] |= LEAD_QUAL;
    nb->lead[0] = 0;
    nb->lead_ok = (pre_exact ? LEAD_PREFIX : 0u) | (qual_exact ? LEAD_QUAL : 0u);
    free(lid);
    e->numbers = nb;
    if (!init_word_bits(e, nb) || !init_qual_kinds(nb) || !ptrie_build(&nb->tr_units, nb->units) ||
        !ptrie_build(&nb->pre_list.tr, nb->prefix) || !ptrie_build(&nb->qual_list.tr, nb->qual)) {
        cc_numbers_free(e);
        return false;
    }
    return true;
}

void cc_numbers_free(concur_engine *e)
{
    cc_numbers *nb = e->numbers;
    if (nb) {
        free(nb->starts);
        free(nb->wrow);
        free(nb->wval);
        free(nb->lead);
        free(nb->wbits);
        free(nb->wsuf);
        free(nb->sufval);
        free(nb->sufflag);
        free(nb->rng_not);
        free(nb->rng_vague);
        free(nb->rng_qual);
        free(nb->tr_units.node);
        free(nb->qual_kind);
        free(nb->pre_list.tr.node);
        free(nb->qual_list.tr.node);
    }
    free(e->numbers);
    e->numbers = NULL;
}

/* ----------------------------------------------- document evidence */
/* How the document itself writes numbers: counted once over the whole
 * clean text, on the first scan call. */
struct cc_num_state {
    uint32_t dot_dec;      /* "3.5", "0.275", "12.25", "1,234.5" */
    uint32_t dot_thou;     /* "1.234.567", "1.234,5" */
    uint32_t comma_thou;   /* "7,000", "1,234,567" */
    uint32_t comma_dec;    /* "3,5", "1.234,5" */
};

static inline bool is_digit(char c) { return c >= '0' && c <= '9'; }

#if !defined(__SSE2__)   /* first_digit64's fallback */
/* Is there an ASCII digit in p[0..8)? A byte is a digit when its xor
 * with '0' is below 10; "has a byte below n" is the borrow test of Bit
 * Twiddling Hacks (hasless), exact as a yes / no answer for n <= 128:
 * the lowest such byte borrows nothing from below and sets its top bit. */
static inline uint64_t digit_bits8(const char *p)
{
    const uint64_t ones = 0x0101010101010101ull;
    uint64_t x;
    memcpy(&x, p, 8);
    x ^= ones * '0';
    return (x - ones * 10) & ~x & (ones * 0x80);
}
#endif

#if defined(__SSE2__)
/* 0xFF in each byte of p[0..16) that is an ASCII digit: byte - '0' is a
 * digit's value when it is at most 9 (unsigned) */
static inline __m128i digit_mask16(const char *p)
{
    __m128i d = _mm_sub_epi8(_mm_loadu_si128((const __m128i *)(const void *)p), _mm_set1_epi8('0'));
    return _mm_cmpeq_epi8(_mm_min_epu8(d, _mm_set1_epi8(9)), d);
}
#endif

/* The offset of the first ASCII digit in p[0..64), 64 when none. */
static inline size_t first_digit64(const char *p)
{
#if defined(__SSE2__)
    __m128i m0 = digit_mask16(p), m1 = digit_mask16(p + 16), m2 = digit_mask16(p + 32), m3 = digit_mask16(p + 48);
    if (!_mm_movemask_epi8(_mm_or_si128(_mm_or_si128(m0, m1), _mm_or_si128(m2, m3)))) return 64;
    uint64_t bits = (uint64_t)_mm_movemask_epi8(m0) | (uint64_t)_mm_movemask_epi8(m1) << 16 |
                    (uint64_t)_mm_movemask_epi8(m2) << 32 | (uint64_t)_mm_movemask_epi8(m3) << 48;
    return (size_t)__builtin_ctzll(bits);
#else
    size_t q = 0;
    while (q < 64 && !digit_bits8(p + q)) q += 8;
    while (q < 64 && !is_digit(p[q])) q++;
    return q;
#endif
}

static void gather_evidence(cc_num_state *ev, const char *t, size_t n)
{
    size_t i = 0;
    while (i < n) {
        /* text between figures: 64 bytes at a time, then one */
        size_t skip = 64;
        while (i + 64 <= n && (skip = first_digit64(t + i)) == 64) i += 64;
        if (skip < 64) i += skip;
        while (i < n && !is_digit(t[i])) i++;
        if (i >= n) break;
        bool chained = i > 0 && (t[i - 1] == '.' || t[i - 1] == ',');
        size_t g0 = i;
        while (i < n && is_digit(t[i])) i++;
        size_t len0 = i - g0, nsep = 0, last_len = 0, mid_bad = 0;
        char first = 0, last = 0;
        int switches = 0;
        while (i + 1 < n && (t[i] == '.' || t[i] == ',') && is_digit(t[i + 1])) {
            char s = t[i];
            if (!first) first = s;
            else if (s != last) switches++;
            if (nsep && last_len != 3) mid_bad++;
            last = s;
            i++;
            size_t gs = i;
            while (i < n && is_digit(t[i])) i++;
            last_len = i - gs;
            nsep++;
        }
        if (!nsep || chained) continue;
        bool lead_ok = len0 >= 1 && len0 <= 3 && !(len0 == 1 && t[g0] == '0');
        if (switches == 0) {
            if (nsep >= 2) {
                if (lead_ok && !mid_bad && last_len == 3) {
                    if (first == '.') ev->dot_thou++;
                    else ev->comma_thou++;
                }
            } else if (first == '.') {
                if (last_len != 3 || !lead_ok) ev->dot_dec++;
            } else {
                if (last_len == 3 && lead_ok) ev->comma_thou++;
                else if (last_len <= 2) ev->comma_dec++;
            }
        } else if (switches == 1 && lead_ok && !mid_bad) {
            if (first == ',') { ev->comma_thou++; ev->dot_dec++; }
            else { ev->dot_thou++; ev->comma_dec++; }
        }
    }
}

/* ------------------------------------------------------- scan context */

typedef struct ctx {
    const cc_numbers *nb;
    concur_doc *d;
    const cc_para *p;
    const char *text;
    const cc_token *tk;
    size_t ntok;
    /* date mentions of this slice, for the overlap test */
    concur_mention **dates_copy;   /* sorted copy of this slice's mentions, or NULL: d->m */
    size_t date_lo, date_hi, date_ptr;
    /* cache of the current non-space run: is it a URL or an e-mail? */
    size_t run_s, run_e;
    bool run_url;
    size_t plain_until;   /* tokens before this one: digits without separators */
    /* the last mention emitted, and the token after it */
    concur_mention *last;
    size_t last_b;
} ctx;

static inline size_t tlen(const ctx *c, size_t i) { return c->tk[i].end - c->tk[i].start; }
static inline bool attached(const ctx *c, size_t i) { return !(c->tk[i].flags & CC_TF_SPACE_BEFORE); }
static inline bool is_p(const ctx *c, size_t i, char ch)
{
    return i < c->ntok && c->tk[i].type == CC_TOK_PUNCT && tlen(c, i) == 1 && c->text[c->tk[i].start] == ch;
}
static inline bool is_num(const ctx *c, size_t i) { return i < c->ntok && c->tk[i].type == CC_TOK_NUM; }
static inline bool is_word(const ctx *c, size_t i) { return i < c->ntok && c->tk[i].type == CC_TOK_WORD; }
static inline bool word_is(const ctx *c, size_t i, const char *w)
{
    return is_word(c, i) && cc_tok_is(c->text, &c->tk[i], w);
}
static inline bool same_sent(const ctx *c, size_t a, size_t b) { return c->tk[a].sent == c->tk[b].sent; }
/* wbits of word token k (W_*): a word of up to CC_WORDS_MAXLEN bytes is in
 * a list, or begins a key, only when its bit is set; a longer word has no
 * id (long_word) and the lexicon is searched as before */
static inline bool wbit(const ctx *c, size_t k, unsigned bit)
{
    uint32_t id = c->tk[k].wid;
    return id < c->nb->nwbits && (c->nb->wbits[id] & bit);
}
static inline bool long_word(const ctx *c, size_t k) { return tlen(c, k) > CC_WORDS_MAXLEN; }

/* cc_lex_match(lx) at token k, where lx's keys' beginnings have wbits
 * `bit` (and the beginnings of their second words `second`) and their
 * rows rng[word id]: a word none begins is passed at once, one that does
 * starts the search at its second token. When that token is a word after
 * a space (the key would go on with a space and it) that begins no
 * second word, the match is the first word alone or none. */
static NUM_INLINE const cc_lex_row *match_at(const ctx *c, const cc_lexicon *lx, const cc_lex_range *rng,
                                             unsigned bit, unsigned second, size_t k, size_t *used)
{
    if (k < c->ntok && c->tk[k].type == CC_TOK_WORD && !long_word(c, k)) {
        if (!wbit(c, k, bit)) return NULL;
        const cc_lex_range *r = &rng[c->tk[k].wid];
        size_t n = k + 1;
        if (n < c->ntok && c->tk[n].type == CC_TOK_WORD && (c->tk[n].flags & CC_TF_SPACE_BEFORE) && !long_word(c, n) &&
            !wbit(c, n, second)) {
            if (r->lo >= r->hi || !r->exact) return NULL;
            *used = 1;
            return &lx->rows[r->lo];
        }
        return cc_lex_match_word(lx, r, c->text, c->tk, k, c->ntok, used);
    }
    return cc_lex_match(lx, c->text, c->tk, k, c->ntok, used);
}

static NUM_INLINE const concur_mention *date_overlap(ctx *c, size_t s, size_t e)
{
    /* queries come in (nearly) increasing order: mentions ending before
     * the query are passed for good */
    concur_mention **m = c->dates_copy ? c->dates_copy : c->d->m;   /* d->m moves as mentions are added */
    while (c->date_ptr < c->date_hi && (!(m[c->date_ptr]->kind & CONCUR_KIND_DATE) || m[c->date_ptr]->cend <= s))
        c->date_ptr++;
    for (size_t k = c->date_ptr; k < c->date_hi && m[k]->cstart < e; k++)
        if ((m[k]->kind & CONCUR_KIND_DATE) && s < m[k]->cend) return m[k];
    return NULL;
}

/* Is the clean offset inside a URL, an e-mail address or a path? */
static bool in_url(ctx *c, size_t pos)
{
    /* RUN_END: the bytes that end a run; RUN_MARK: those that may begin
     * a mark of a URL or address (tested below only when the run has one) */
    enum { RUN_END = 1, RUN_MARK = 2 };
    static const uint8_t cls[256] = {[' '] = RUN_END, ['\n'] = RUN_END, [':'] = RUN_MARK, ['@'] = RUN_MARK,
                                     ['w'] = RUN_MARK, ['W'] = RUN_MARK, ['%'] = RUN_MARK};
    if (pos < c->run_s || pos >= c->run_e) {
        const unsigned char *u = (const unsigned char *)c->text;
        const char *t = c->text;
        size_t s = pos, e = pos;
        unsigned seen = 0;
        while (s > c->p->start && cls[u[s - 1]] != RUN_END) seen |= cls[u[--s]];
        while (e < c->p->end && cls[u[e]] != RUN_END) seen |= cls[u[e++]];
        c->run_s = s;
        c->run_e = e;
        c->run_url = false;
        for (size_t k = s; k < e && !c->run_url && seen; k++) {
            if (t[k] == ':' && k + 2 < e && t[k + 1] == '/' && t[k + 2] == '/') c->run_url = true;
            else if (t[k] == '@' && k > s && k + 1 < e && isalpha((unsigned char)t[k + 1])) c->run_url = true;
            else if ((t[k] == 'w' || t[k] == 'W') && k + 4 <= e && !strncmp(t + k, "www.", 4)) c->run_url = true;
            else if (t[k] == '%' && k + 2 < e && isxdigit((unsigned char)t[k + 1]) && isxdigit((unsigned char)t[k + 2]) &&
                     isalpha((unsigned char)t[k + 2]))
                c->run_url = true;
        }
    }
    return c->run_url;
}

/* Is token i digits alone between white space (or the slice's ends)? Its
 * run is then those digits, with no byte of a URL mark: in_url is false
 * without looking (most figures: "12 people"). */
static inline bool lone_digits(const ctx *c, size_t i)
{
    const char *t = c->text;
    size_t s = c->tk[i].start, e = c->tk[i].end;
    return c->tk[i].type == CC_TOK_NUM && (s == c->p->start || t[s - 1] == ' ' || t[s - 1] == '\n') &&
           (e == c->p->end || t[e] == ' ' || t[e] == '\n');
}

/* Longest key of lx (its tree tr) that is a prefix of text[s, lim),
 * compared ASCII case-insensitively, a '-' in the text matching a ' ' in
 * the key, at most PREFIX_MAX bytes. A key ending in a letter must end at
 * a word boundary (digits count as a boundary when digit_ok). Returns the
 * row and the bytes used. */
static const cc_lex_row *lex_prefix(const cc_lexicon *lx, const ptrie *tr, const char *text, size_t s, size_t lim,
                                    bool digit_ok, size_t *used)
{
    const cc_lex_row *best = NULL;
    const pnode *nd = NULL;
    for (size_t k = 0; s + k < lim && k < PREFIX_MAX; k++) {
        /* ASCII case and classes, as the lexicon keys: no locale calls
         * (the "C" locale's answers) */
        unsigned char ch = ascii_fold((unsigned char)text[s + k]);
        if (ch == '-') ch = ' ';
        if (ch == '\n') break;
        /* the child of the key so far for ch (children ascend by byte) */
        if (k == 0) {
            if (!tr->root[ch]) break;
            nd = &tr->node[tr->root[ch] - 1];
        } else {
            const pnode *q = &tr->node[nd->first], *qe = q + nd->n;
            while (q < qe && q->byte < ch) q++;
            if (q == qe || q->byte != ch) break;
            nd = q;
        }
        if (nd->row) {
            unsigned char last = ch, next = s + k + 1 < lim ? (unsigned char)text[s + k + 1] : ' ';
            bool need = ascii_letter(last) || is_digit((char)last);
            bool ok = !need || !(ascii_letter(next) || (!digit_ok && is_digit((char)next)) || next >= 0x80);
            if (ok) {
                best = &lx->rows[nd->row - 1];
                *used = k + 1;
            }
        }
    }
    return best;
}

/* Can a key of ke's list end right before clean offset `end`, token i-1
 * being the last token before it? Its last byte is text[end - 1], or
 * text[end - 2] before a space. When token i-1 is a word with a space (or
 * a line break, or nothing) before it, no hyphen in it and at most one
 * space after it, a key ending there ends with that word after a space or
 * is that word: the word must be a key's last word (W_ENDS_*). A word
 * token holds letters only (cc_segment: a '-' is a token of its own), so
 * it never has a hyphen to look for. */
static inline bool may_end_before(const ctx *c, const key_ends *ke, size_t i, size_t end)
{
    const char *t = c->text;
    if (!ke->last[(unsigned char)t[end - 1]] && !(t[end - 1] == ' ' && end >= 2 && ke->last[(unsigned char)t[end - 2]]))
        return false;
    const cc_token *w = &c->tk[i - 1];
    size_t gap = end - w->end;
    if (!ke->tail_ok || w->type != CC_TOK_WORD || long_word(c, i - 1) || gap > 1 || (gap == 1 && t[end - 1] != ' ') ||
        (i > 1 && t[w->start - 1] != ' ' && t[w->start - 1] != '\n'))
        return true;
    return wbit(c, i - 1, ke->tail_bit);
}

/* A key of bl ending exactly at clean offset `end` (one space allowed
 * before it), starting at one of the up to `maxk` tokens before token i.
 * Returns the row and sets *first to the first token of the match. */
static const cc_lex_row *match_before_at(const ctx *c, const back_list *bl, size_t i, size_t end, size_t maxk,
                                         size_t *first, bool pre_only)
{
    const cc_lexicon *lx = bl->lx;
    const uint8_t *firsts = bl->first;
    const cc_lex_row *best = NULL;
    unsigned lead = c->nb->lead_ok & bl->lead;
    for (size_t k = 1; k <= maxk && k <= i; k++) {
        size_t j = i - k;
        if (!same_sent(c, j, i)) break;
        size_t s = c->tk[j].start;
        unsigned char b0 = (unsigned char)c->text[s];
        if (!firsts[b0]) continue;
        if (lead && ascii_letter(b0) && c->tk[j].type == CC_TOK_WORD) {
            /* a word: only the leading letters of a key (add_leads) */
            uint32_t id = c->tk[j].wid;
            if (id >= c->nb->nlead || !(c->nb->lead[id] & lead)) continue;
        }
        if (!(firsts[b0] & FB_WHOLE) && s + 1 < end) {
            /* no key starts with these two bytes (lex_prefix's folding) */
            unsigned char b1 = ascii_fold((unsigned char)c->text[s + 1]);
            unsigned bit = cc_lex_pair(ascii_fold(b0), b1 == '-' ? ' ' : b1);
            if (!(lx->pair[bit >> 3] & (1u << (bit & 7)))) continue;
        }
        size_t used = 0;
        const cc_lex_row *r = lex_prefix(lx, &bl->tr, c->text, s, end, true, &used);
        if (!r) continue;
        if (pre_only && r->col[4] && strcmp(r->col[4], "pre")) continue;
        if (s + used == end || (s + used + 1 == end && c->text[end - 1] == ' ')) {
            best = r;
            *first = j;
        }
    }
    return best;
}

/* match_before_at where a key of bl can end (inline: most calls stop at
 * that test). */
static NUM_INLINE const cc_lex_row *match_before(const ctx *c, const back_list *bl, size_t i, size_t maxk,
                                                 size_t *first, bool pre_only)
{
    size_t end = i < c->ntok ? c->tk[i].start : c->p->end;
    if (i == 0 || !may_end_before(c, &bl->ends, i, end)) return NULL;
    return match_before_at(c, bl, i, end, maxk, first, pre_only);
}

/* lex_prefix of units at clean offset s, token k (if any) starting there.
 * At a word of ASCII letters a unit key can only begin (add_unit_beginnings):
 * a key ending inside the word would end at a letter followed by a letter,
 * not a word boundary, and one going past it goes on with a byte that is
 * not a letter. Elsewhere the keys' first bytes and first two bytes
 * (lex_prefix's folding) filter first. */
static NUM_INLINE const cc_lex_row *units_at(const ctx *c, size_t k, size_t s, size_t *used)
{
    const cc_numbers *nb = c->nb;
    const char *t = c->text;
    size_t lim = c->p->end;
    if (k < c->ntok && c->tk[k].start == s && c->tk[k].type == CC_TOK_WORD && !long_word(c, k)) {
        size_t q = s, e = c->tk[k].end;
        while (q < e && ascii_letter((unsigned char)t[q])) q++;
        if (q == e && !wbit(c, k, W_BEGINS_UNIT)) return NULL;
    } else {
        unsigned char b0 = (unsigned char)t[s];
        if (!nb->first_units[b0]) return NULL;
        if (!(nb->first_units[b0] & FB_WHOLE) && s + 1 < lim) {
            unsigned char b1 = ascii_fold((unsigned char)t[s + 1]);
            unsigned bit = cc_lex_pair(ascii_fold(b0), b1 == '-' ? ' ' : b1);
            if (!(nb->units->pair[bit >> 3] & (1u << (bit & 7)))) return NULL;
        }
    }
    return lex_prefix(nb->units, &nb->tr_units, t, s, lim, false, used);
}

/* --------------------------------------------------------- values */

typedef struct nres {
    size_t a, b;            /* tokens [a, b) */
    double v;
    bool ok, ordinal, vague, digits, words, mult, cur_mult;
    double vmin, vmax;
    bool has_vmax;
    double alt;
    bool has_alt;
    bool amb;               /* X.DDD / X,DDD: reading chosen from evidence */
    double amb_int, amb_dec;
    bool integer;           /* no decimal part written */
    bool skip;              /* not a quantity (identifier, time ...): drop the tokens */
} nres;

static double round_near(double r)
{
    double q = round(r);
    return fabs(r - q) <= 1e-9 * fabs(r) ? q : r;
}

/* Value of digits written as int_part[.frac_part] (only ASCII digits). */
/* digits_value's path for more than 15 digits (rare): out of line, so
 * that the common path does not set up its buffer. */
static NUM_NOINLINE double long_digits_value(const char *ip, size_t il, const char *fp, size_t fl)
{
    char buf[96];
    size_t n;
    memcpy(buf, ip, il);
    n = il;
    if (fl) {
        buf[n++] = '.';
        memcpy(buf + n, fp, fl);
        n += fl;
    }
    buf[n] = 0;
    return strtod(buf, NULL);
}

static double digits_value(const char *ip, size_t il, const char *fp, size_t fl, bool *ok)
{
    *ok = false;
    /* skip leading zeros of a long integer part */
    while (il > 1 && *ip == '0') { ip++; il--; }
    if (il > 30 || fl > 40) return 0;
    if (il + fl <= 15) {
        /* at most 15 digits: the integer of all digits is exact in a double
         * and so is 10^fl, so one division rounds correctly, as strtod */
        static const double p10[] = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7,
                                     1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15};
        uint64_t v = 0;
        for (size_t k = 0; k < il; k++) v = v * 10 + (uint64_t)(ip[k] - '0');
        for (size_t k = 0; k < fl; k++) v = v * 10 + (uint64_t)(fp[k] - '0');
        *ok = true;
        return fl ? (double)v / p10[fl] : (double)v;
    }
    *ok = true;
    return long_digits_value(ip, il, fp, fl);
}

/* Is a noun counted in whole units among the next words after token b? */
static bool whole_noun_follows(const ctx *c, size_t b)
{
    for (size_t k = b; k < c->ntok && k < b + 3; k++) {
        if (!is_word(c, k) || !same_sent(c, k, b)) return false;
        if (!long_word(c, k)) {
            if (wbit(c, k, W_IS_WHOLE)) return true;
            continue;
        }
        char w[40];
        size_t n = cc_tok_lower(c->text, &c->tk[k], w, sizeof w);
        if (cc_lex_find(c->nb->whole, w, n)) return true;
    }
    return false;
}

/* The number_words row of word token i (by its word id), or NULL. */
static NUM_INLINE const cc_lex_row *word_row(const ctx *c, size_t i)
{
    if (!is_word(c, i)) return NULL;
    uint32_t id = c->tk[i].wid;
    return id < c->nb->nwrow ? c->nb->wrow[id] : NULL;
}

static NUM_INLINE bool is_magnitude_word(const ctx *c, size_t i)
{
    const cc_lex_row *r = word_row(c, i);
    return r && (!strcmp(r->col[1], "m") || !strcmp(r->col[1], "h"));
}

/* Suffix multiplier for the word token i ("bn", "m"), or 0. *ord set for
 * "th". */
static NUM_INLINE double suffix_mult(const ctx *c, size_t i, bool spaced, bool have_cur, bool *ord)
{
    *ord = false;
    if (!is_word(c, i) || tlen(c, i) > 4) return 0;
    /* the number_suffixes row of the word (cc_lex_find of it lower-cased) */
    const cc_numbers *nb = c->nb;
    uint32_t id = c->tk[i].wid, row = id < nb->nwbits ? nb->wsuf[id] : 0;
    if (!row) return 0;
    unsigned f = nb->sufflag[row - 1];
    if (f & SF_ORD) {
        if (spaced) return 0;
        *ord = true;
        return 1;
    }
    if (spaced && !(f & SF_SPACED)) return 0;
    bool upper = isupper((unsigned char)c->text[c->tk[i].start]) != 0;
    bool ok = (f & SF_ANY) || ((f & SF_UPPER) && upper) || ((f & SF_CUR) && have_cur) ||
              ((f & SF_WHOLE) && whole_noun_follows(c, i + 1));
    if (!ok) return 0;
    /* "5m" with a unit reading (metre) and no currency: let the unit win */
    return nb->sufval[row - 1];
}

/* Digits at token i: group separators, decimal mark, exponent, suffix
 * multiplier. */
static void parse_digits(ctx *c, size_t i, bool have_cur, nres *r)
{
    const char *t = c->text;
    size_t j = i;
    size_t nsep = 0, last_len = 0, mid_bad = 0;
    char first = 0, last = 0;
    int switches = 0;
    size_t len0 = tlen(c, i);
    while (i >= c->plain_until && j + 2 < c->ntok && is_p(c, j + 1, '.') + is_p(c, j + 1, ',') && attached(c, j + 1) &&
           is_num(c, j + 2) && attached(c, j + 2)) {
        char s = t[c->tk[j + 1].start];
        if (!first) first = s;
        else if (s != last) switches++;
        if (nsep && last_len != 3) mid_bad++;
        last = s;
        last_len = tlen(c, j + 2);
        nsep++;
        j += 2;
    }
    r->a = i;
    r->digits = true;
    r->integer = true;
    bool lead_ok = len0 >= 1 && len0 <= 3 && !(len0 == 1 && t[c->tk[i].start] == '0');
    /* the integer digits and the fraction digits, copied */
    char ib[64], fb[48];
    size_t il = 0, fl = 0;
    bool ok = false;
    size_t end_tok = j;   /* last token of the number */
    char thou = 0, dec = 0;
    if (nsep == 0) {
        /* space-grouped thousands: "1 234 567" */
        size_t k = i;
        if (lead_ok) {
            while (is_num(c, k + 1) && !attached(c, k + 1) && tlen(c, k + 1) == 3 && same_sent(c, k, k + 1) &&
                   !(is_p(c, k + 2, ',') && attached(c, k + 2) && is_num(c, k + 3) && attached(c, k + 3)) &&
                   !(is_p(c, k + 2, '/') || is_p(c, k + 2, ':')))
                k++;
        }
        if (k > i) {
            thou = ' ';
            end_tok = k;
            if (is_p(c, k + 1, '.') && attached(c, k + 1) && is_num(c, k + 2) && attached(c, k + 2)) {
                dec = '.';
                end_tok = k + 2;
            }
        } else {
            end_tok = i;
        }
    } else if (switches == 0 && nsep >= 2) {
        if (lead_ok && !mid_bad && last_len == 3) thou = first;
        else if (first == ',') {
            /* a list "1,2,3": each number alone (and the chain is not read again) */
            end_tok = i;
            c->plain_until = j + 1;
        } else {
            /* "192.168.1.2", "2.0.1": an address, a version: each part alone */
            end_tok = i;
            c->plain_until = j + 1;
        }
    } else if (switches == 1 && lead_ok && !mid_bad) {
        thou = first;
        dec = last;
    } else if (switches == 0 && nsep == 1) {
        bool three = last_len == 3 && lead_ok;
        if (first == '.') {
            if (!three) dec = '.';
            else r->amb = true;
        } else {
            if (three) r->amb = true;
            else if (last_len <= 2 && !(is_p(c, j + 1, ',') && attached(c, j + 1))) dec = ',';
            else end_tok = i;
        }
    } else {
        end_tok = i;
    }
    /* collect digits (one run, the common case, is read in place) */
    for (size_t k = i; k <= end_tok && end_tok > i; k++) {
        if (c->tk[k].type != CC_TOK_NUM) continue;
        bool is_frac = dec && k == end_tok && k > i;
        size_t n = tlen(c, k);
        if (is_frac) {
            if (n >= sizeof fb) n = sizeof fb - 1;
            memcpy(fb, t + c->tk[k].start, n);
            fl = n;
        } else {
            if (il + n >= sizeof ib) { il = sizeof ib; break; }
            memcpy(ib + il, t + c->tk[k].start, n);
            il += n;
        }
    }
    if (end_tok == i) il = len0 < sizeof ib ? len0 : sizeof ib;
    if (il >= sizeof ib) {   /* absurdly long: not a quantity */
        r->skip = true;
        r->b = end_tok + 1;
        return;
    }
    if (r->amb) {
        /* "1.275" / "1,275": thousands or decimal */
        double vi = digits_value(ib, il, NULL, 0, &ok);
        double vd = digits_value(t + c->tk[i].start, len0, t + c->tk[end_tok].start, 3, &ok);
        r->amb_int = vi;
        r->amb_dec = vd;
        r->v = vi;
    } else if (fl) {
        r->v = digits_value(ib, il, fb, fl, &ok);
        r->integer = false;
    } else {
        r->v = digits_value(end_tok == i ? t + c->tk[i].start : ib, il, NULL, 0, &ok);
    }
    if (!ok) { r->skip = true; r->b = end_tok + 1; return; }
    size_t b = end_tok + 1;
    /* exponent: "1e10", "1.3e6", "-12e-1" */
    if (is_word(c, b) && attached(c, b) && tlen(c, b) == 1 && (t[c->tk[b].start] | 32) == 'e') {
        size_t k = b + 1;
        int sign = 1;
        if ((is_p(c, k, '-') || is_p(c, k, '+')) && attached(c, k)) {
            sign = t[c->tk[k].start] == '-' ? -1 : 1;
            k++;
        }
        if (is_num(c, k) && attached(c, k) && tlen(c, k) <= 3) {
            if (r->amb) { r->v = r->amb_dec; r->amb = false; }
            r->v *= pow(10, sign * atof(t + c->tk[k].start));
            r->integer = false;
            b = k + 1;
        }
    }
    /* "1.3x10^6", "6.23x10^-4", "2.5^-1" */
    {
        size_t k = b;
        bool times10 = is_word(c, k) && attached(c, k) && tlen(c, k) == 1 && (t[c->tk[k].start] | 32) == 'x' &&
                       is_num(c, k + 1) && attached(c, k + 1) && tlen(c, k + 1) == 2 &&
                       !memcmp(t + c->tk[k + 1].start, "10", 2) && is_p(c, k + 2, '^') && attached(c, k + 2);
        if (times10) k += 3;
        else if (is_p(c, k, '^') && attached(c, k)) k += 1;
        if (k > b) {
            int sign = 1;
            if ((is_p(c, k, '-') || is_p(c, k, '+')) && attached(c, k)) {
                sign = t[c->tk[k].start] == '-' ? -1 : 1;
                k++;
            }
            if (is_num(c, k) && attached(c, k) && tlen(c, k) <= 3) {
                if (r->amb) { r->v = r->amb_dec; r->amb = false; }
                double x = sign * atof(t + c->tk[k].start);
                r->v = times10 ? r->v * pow(10, x) : pow(r->v, x);
                r->integer = false;
                b = k + 1;
            }
        }
    }
    /* fraction "4/5", "1⁄2" (U+2044 from NFKC of "½") */
    if (!r->amb && fl == 0 && b + 1 < c->ntok + 1 && is_num(c, b + 1) && attached(c, b + 1) && attached(c, b) &&
        (is_p(c, b, '/') || (c->tk[b].type == CC_TOK_PUNCT && tlen(c, b) == 3 &&
                             !memcmp(t + c->tk[b].start, "\xE2\x81\x84", 3)))) {
        double den = atof(t + c->tk[b + 1].start);
        bool slash2044 = t[c->tk[b].start] != '/';
        if (den > 0 && r->v < den && den <= 100 && tlen(c, b + 1) <= 3 &&
            !(is_p(c, b + 2, '/') && attached(c, b + 2))) {
            r->v = r->v / den;
            r->integer = false;
            b += 2;
            (void)slash2044;
        }
    }
    /* mixed fraction "2 1/4" */
    if (nsep == 0 && r->integer && !r->amb && b == i + 1 && is_num(c, b) && !attached(c, b) && same_sent(c, i, b) &&
        tlen(c, b) <= 2 && is_num(c, b + 2) && attached(c, b + 1) && attached(c, b + 2) && tlen(c, b + 2) <= 2 &&
        (is_p(c, b + 1, '/') || (c->tk[b + 1].type == CC_TOK_PUNCT && tlen(c, b + 1) == 3 &&
                                 !memcmp(t + c->tk[b + 1].start, "\xE2\x81\x84", 3)))) {
        double nu = atof(t + c->tk[b].start), de = atof(t + c->tk[b + 2].start);
        if (de > 1 && nu < de && !(is_p(c, b + 3, '/') && attached(c, b + 3))) {
            r->v += nu / de;
            r->integer = false;
            b += 3;
        }
    }
    r->b = b;
    /* attached letters: multiplier, ordinal suffix, unit, or an identifier */
    if (is_word(c, b) && attached(c, b)) {
        bool ord;
        double m = suffix_mult(c, b, false, have_cur, &ord);
        if (ord) {
            bool thousands = nsep > 0 && first == ',' && switches == 0 && !dec && (thou == ',' || r->amb);
            if (r->integer && (nsep == 0 || thousands)) {
                if (r->amb) { r->v = r->amb_int; r->amb = false; }
                r->ordinal = true;
                r->b = b + 1;
            } else {
                r->skip = true;
                r->b = b + 1;
            }
            return;
        }
        if (m > 0) {
            /* "3bn", "£600m", "10M", "5k" -- unless a unit reading is the intended one */
            if (r->amb) { r->v = r->amb_dec; r->amb = false; }
            r->v = round_near(r->v * m);
            r->mult = r->cur_mult = true;
            r->b = b + 1;
            return;
        }
        size_t used;
        const cc_lex_row *u = units_at(c, b, c->tk[b].start, &used);
        if (!u) {
            /* "13F", "11a", "24703L202": an identifier */
            r->skip = true;
            size_t k = b;
            while (k < c->ntok && attached(c, k) && (is_word(c, k) || is_num(c, k))) k++;
            r->b = k;
            return;
        }
    } else if (is_word(c, b) && same_sent(c, b - 1, b)) {
        bool ord;
        double m = suffix_mult(c, b, true, have_cur, &ord);
        if (m > 0 && !ord) {
            if (r->amb) { r->v = r->amb_dec; r->amb = false; }
            r->v = round_near(r->v * m);
            r->mult = r->cur_mult = true;
            r->b = b + 1;
        }
    }
}

/* ------------------------------------------------------ number words */

enum { A_NONE, A_N, A_T, A_H, A_M, A_D, A_AND, A_FRAC, A_HALF };

/* "the one", "one another", "first-hand": a number word that is not a
 * number (data/lexicon/en/number_not.tsv), matched at the word before it
 * and at the word itself. */
static bool not_a_number(const ctx *c, size_t k)
{
    for (size_t back = 0; back <= 2 && back <= k; back++) {
        size_t s = k - back, used = 0;
        if (!same_sent(c, s, k)) break;
        const cc_lex_row *r = match_at(c, c->nb->not_, c->nb->rng_not, W_BEGINS_NOT, W_SECOND_NOT, s, &used);
        if (r && used > back && r->col[1] && (size_t)atoi(r->col[1]) == back) return true;
    }
    return false;
}

/* Number words (and digits followed by number words) from token i.
 * r may already hold a digit number at [r->a, r->b). */
static void parse_words(ctx *c, size_t i, bool from_digits, nres *r)
{
    const char *t = c->text;
    double total = 0, cur = 0, seg = 0, last_mag = 0;
    int last = A_NONE;
    bool and_after_mag = false;
    size_t k = i, good_end = i;
    double good_val = 0;
    bool good_ord = false, any_word = false, good_integer = true;
    bool integer = true;
    if (from_digits) {
        cur = seg = r->v;
        last = A_D;
        k = r->b;
        good_end = r->b;
        good_val = r->v;
        integer = r->integer;
        good_integer = integer;
        if (r->ordinal || r->mult) return;
    } else {
        r->a = i;
    }
    /* an "a"/"an" right before: "a hundred", "a dozen", "a half", "a third" */
    bool lead_a = !from_digits && i > 0 && (word_is(c, i - 1, "a") || word_is(c, i - 1, "an")) && same_sent(c, i - 1, i);
    while (k < c->ntok) {
        if (k > i && !same_sent(c, k - 1, k)) break;
        /* a hyphen joins words: "twenty-five", "one-eighth" */
        if (k > i && is_p(c, k, '-') && k + 1 < c->ntok && is_word(c, k + 1)) {
            bool tight = attached(c, k) && attached(c, k + 1);
            bool loose = !attached(c, k) && !attached(c, k + 1);
            if ((tight || loose) && (last == A_T || last == A_N)) { k++; continue; }
            break;
        }
        const cc_lex_row *w = NULL;
        if (is_word(c, k)) w = word_row(c, k);
        if (word_is(c, k, "and") && (last == A_H || last == A_M || last == A_N || last == A_T || last == A_D)) {
            /* "one hundred and three", "one and a half", "three million and a half" */
            size_t n1 = k + 1;
            const cc_lex_row *nx = word_row(c, n1);
            bool a_frac = (word_is(c, n1, "a") || word_is(c, n1, "an")) && word_row(c, n1 + 1) &&
                          (!strcmp(word_row(c, n1 + 1)->col[1], "half") || !strcmp(word_row(c, n1 + 1)->col[1], "q") ||
                           (!strcmp(word_row(c, n1 + 1)->col[1], "o") && word_row(c, n1 + 1)->col[3]));
            bool cont = a_frac;
            if (!cont && (last == A_H || last == A_M)) {
                if (nx && (!strcmp(nx->col[1], "n") || !strcmp(nx->col[1], "t"))) cont = true;
                if (last == A_H && cont && word_row(c, n1 + 1) && !strcmp(word_row(c, n1 + 1)->col[1], "h")) cont = false;
                if (is_num(c, n1) && (last == A_H || last == A_M)) cont = true;
            }
            if (!cont && (last == A_N || last == A_T) && nx && !strcmp(nx->col[1], "n")) {
                /* "one hundred and three quarters": "and N F" */
                const cc_lex_row *n2 = word_row(c, n1 + 1);
                if (n2 && !strcmp(n2->col[1], "f")) cont = true;
            }
            if (!cont) break;
            and_after_mag = last == A_M;
            last = A_AND;
            seg = 0;
            k++;
            if (a_frac) k++;   /* skip the "a" */
            continue;
        }
        if (is_num(c, k) && last == A_AND && !from_digits) break;
        if (is_num(c, k) && last == A_AND) {
            double v = atof(t + c->tk[k].start);
            if (tlen(c, k) > 3 || (cur > 0 && fmod(cur, 100) != 0) || v >= 100) break;
            if ((is_p(c, k + 1, '.') || is_p(c, k + 1, ',')) && attached(c, k + 1) && is_num(c, k + 2)) break;
            if (word_row(c, k + 1) && !strcmp(word_row(c, k + 1)->col[1], "h")) break;
            cur += v;
            seg = v;
            last = A_D;
            k++;
            good_end = k;
            good_val = total + cur;
            continue;
        }
        if (!w) break;
        const char *cls = w->col[1];
        double v = c->nb->wval[w - c->nb->words->rows];   /* strtod of column 2, at init */
        if (!strcmp(cls, "n")) {
            if (last == A_T) {
                if (v >= 10 || fmod(cur, 10) != 0) break;
            } else if (!(last == A_NONE || last == A_H || last == A_M || last == A_AND)) {
                break;
            }
            if (last == A_H && fmod(cur, 100) != 0) break;
            /* "one" as a pronoun */
            if (v == 1 && last == A_NONE && not_a_number(c, k)) break;
            cur += v;
            seg = last == A_T ? seg + v : v;
            last = A_N;
        } else if (!strcmp(cls, "t")) {
            if (!(last == A_NONE || last == A_H || last == A_M || last == A_AND)) break;
            if (fmod(cur, 100) != 0) break;
            cur += v;
            seg = v;
            last = A_T;
        } else if (!strcmp(cls, "h")) {
            if (!(last == A_NONE || last == A_N || last == A_T || last == A_D)) break;
            if (cur >= 100) break;
            if (last == A_NONE && !lead_a && !(k == i)) break;
            cur = (cur ? cur : 1) * 100;
            seg = cur;
            last = A_H;
        } else if (!strcmp(cls, "m")) {
            if (last_mag && v >= last_mag) break;
            if (!(last == A_NONE || last == A_N || last == A_T || last == A_H || last == A_D || last == A_FRAC ||
                  last == A_HALF))
                break;
            if (last == A_NONE && !lead_a && k != i) break;
            double base = cur ? cur : 1;
            total = round_near(total + base * v);
            cur = 0;
            seg = 0;
            last_mag = v;
            last = A_M;
            r->mult = true;
        } else if (!strcmp(cls, "half") || !strcmp(cls, "q") || !strcmp(cls, "f") ||
                   (!strcmp(cls, "o") && w->col[3] && (last == A_AND || (last == A_NONE && lead_a) || (last == A_N && seg == 1)))) {
            double den = v;
            double num;
            if (!strcmp(cls, "f")) {
                if (!(last == A_N || last == A_T || last == A_D)) break;
                num = seg;
            } else if (last == A_NONE) {
                num = 1;   /* "half", "a quarter", "a third" */
                /* "the third quarter" is a period: a bare "quarter" needs "of" or a magnitude */
                if (!strcmp(cls, "q") && !lead_a && !word_is(c, k + 1, "of") && !is_magnitude_word(c, k + 1)) break;
                if (!strcmp(cls, "o")) {
                    /* "a third" is a fraction only before "of", a magnitude or the end */
                    size_t n1 = k + 1;
                    bool fr = n1 >= c->ntok || !same_sent(c, k, n1) || word_is(c, n1, "of") ||
                              c->tk[n1].type == CC_TOK_PUNCT || is_magnitude_word(c, n1);
                    if (!fr) break;
                }
            } else if (last == A_AND) {
                num = 1;
            } else if (last == A_N && seg == 1) {
                num = 1;   /* "one third", "one-eighth" */
            } else {
                break;
            }
            double fr = num / den;
            if (last == A_AND && and_after_mag) {
                /* "one million and a half": a part of the last magnitude,
                 * unless a smaller magnitude follows ("and a half million") */
                const cc_lex_row *nx = word_row(c, k + 1);
                if (nx && !strcmp(nx->col[1], "m") && strtod(nx->col[2], NULL) < last_mag) {
                    cur = fr;
                } else {
                    total = round_near(total + fr * last_mag);
                }
            } else if (and_after_mag && (last == A_N || last == A_T) && cur == seg && !strcmp(cls, "f")) {
                total = round_near(total + fr * last_mag);
                cur = 0;
            } else {
                cur = cur - (last == A_N || last == A_T || last == A_D ? num : 0) + fr;
            }
            integer = false;
            seg = fr;
            last = !strcmp(cls, "half") ? A_HALF : A_FRAC;
            /* "half a million", "two thirds of a million", "half a dozen" */
            size_t n1 = k + 1;
            if (word_is(c, n1, "of") && (word_is(c, n1 + 1, "a") || word_is(c, n1 + 1, "an"))) n1 += 2;
            else if (word_is(c, n1, "a") || word_is(c, n1, "an")) n1 += 1;
            if (n1 != k + 1) {
                const cc_lex_row *nx = word_row(c, n1);
                if (nx && (!strcmp(nx->col[1], "m") || !strcmp(nx->col[1], "z"))) {
                    k = n1;
                    any_word = true;
                    good_end = k;
                    continue;
                }
            }
        } else if (!strcmp(cls, "o")) {
            /* ordinal: alone, or ending a compound ("twenty-first", "one hundred twenty-fifth") */
            if (last == A_NONE && not_a_number(c, k)) break;
            if (last == A_T) {
                if (v >= 10 && v < 100) break;
            } else if (!(last == A_NONE || last == A_H || last == A_M || last == A_AND ||
                         ((last == A_N || last == A_D) && v >= 100))) {
                break;
            }
            k++;
            good_end = k;
            if (v >= 100 && (total > 0 || cur > 0))   /* "two hundredth", "a hundred trillionth" */
                good_val = (last_mag == 0 || v < last_mag) ? total + (cur ? cur : 1) * v : (total + cur) * v;
            else
                good_val = total + cur + v;
            good_ord = true;
            any_word = true;
            break;
        } else if (!strcmp(cls, "z")) {
            if (!(last == A_NONE || last == A_N || last == A_T || last == A_D || last == A_HALF || last == A_FRAC))
                break;
            if (last == A_NONE && !lead_a) break;
            if (last == A_NONE) cur = seg = 1;
            cur = cur - seg + seg * 12;
            seg = seg * 12;
            last = A_N;
            integer = integer && fmod(cur, 1) == 0;
        } else if (!strcmp(cls, "zs")) {
            if (!(last == A_N || last == A_T || last == A_D || last == A_H)) break;
            cur = cur - seg + seg * 12;
            seg = seg * 12;
            last = A_N;
        } else if (!strcmp(cls, "p")) {
            /* "two hundred point zero three", "nine point nought four" */
            if (!(last == A_N || last == A_T || last == A_H || last == A_M)) break;
            char digs[32];
            size_t nd = 0, q = k + 1;
            while (q < c->ntok && nd < 20 && same_sent(c, k, q)) {
                const cc_lex_row *x = word_row(c, q);
                if (!x) break;
                double xv = strtod(x->col[2], NULL);
                if (!strcmp(x->col[1], "n")) {
                    nd += (size_t)snprintf(digs + nd, sizeof digs - nd, "%d", (int)xv);
                    q++;
                } else if (!strcmp(x->col[1], "t")) {
                    int tv = (int)xv;
                    q++;
                    if (is_p(c, q, '-') && attached(c, q) && word_row(c, q + 1) &&
                        !strcmp(word_row(c, q + 1)->col[1], "n") && strtod(word_row(c, q + 1)->col[2], NULL) < 10) {
                        tv += (int)strtod(word_row(c, q + 1)->col[2], NULL);
                        q += 2;
                    } else if (word_row(c, q) && !strcmp(word_row(c, q)->col[1], "n") &&
                               strtod(word_row(c, q)->col[2], NULL) < 10) {
                        tv += (int)strtod(word_row(c, q)->col[2], NULL);
                        q++;
                    }
                    nd += (size_t)snprintf(digs + nd, sizeof digs - nd, "%d", tv);
                } else {
                    break;
                }
                if (nd >= sizeof digs - 4) break;
            }
            if (!nd) break;
            digs[nd] = 0;
            char buf[48];
            snprintf(buf, sizeof buf, "0.%s", digs);
            cur += strtod(buf, NULL);
            integer = false;
            k = q;
            any_word = true;
            good_end = k;
            good_val = total + cur;
            good_integer = false;
            last = A_FRAC;
            continue;
        } else {
            break;
        }
        any_word = true;
        k++;
        good_end = k;
        good_val = total + cur;
        good_integer = integer;
    }
    if (!any_word) return;
    if (good_end <= r->a) return;
    r->ok = true;
    r->b = good_end;
    r->v = good_val;
    r->ordinal = good_ord;
    r->words = true;
    r->integer = good_integer;
    if (lead_a && !from_digits) {
        const cc_lex_row *w0 = word_row(c, i);
        if (w0 && strcmp(w0->col[1], "n") && strcmp(w0->col[1], "t") && !(good_ord && !strcmp(w0->col[1], "o")))
            r->a = i - 1;
    }
}

/* ------------------------------------------------------- candidates */

/* The number (digits or words) starting at token i; r->ok when found. */
static void parse_number(ctx *c, size_t i, bool have_cur, nres *r)
{
    memset(r, 0, sizeof *r);
    r->a = i;
    if (is_num(c, i)) {
        parse_digits(c, i, have_cur, r);
        if (r->skip) return;
        r->ok = true;
        if (r->amb && is_magnitude_word(c, r->b)) {
            /* "4.464 million": the mark is a decimal point */
            r->v = r->amb_dec;
            r->amb = false;
            r->integer = false;
        }
        /* "3 million", "2 and a half": parse_words goes on only at a
         * number word or "and" */
        if (!r->ordinal && !r->cur_mult && (word_row(c, r->b) || word_is(c, r->b, "and"))) {
            size_t b0 = r->b;
            parse_words(c, i, true, r);
            if (r->b != b0) r->words = true;
        }
        return;
    }
    if (is_p(c, i, '.') && is_num(c, i + 1) && attached(c, i + 1) &&
        (i == 0 || !attached(c, i) || is_p(c, i - 1, '(')) &&
        !(is_p(c, i + 2, '.') && is_num(c, i + 3))) {
        /* ".08" */
        bool ok;
        r->v = digits_value("0", 1, c->text + c->tk[i + 1].start, tlen(c, i + 1), &ok);
        if (!ok) return;
        r->a = i;
        r->b = i + 2;
        r->ok = true;
        r->digits = true;
        if (is_word(c, r->b) && attached(c, r->b)) r->ok = false;   /* "the .25ml" */
        return;
    }
    if (is_word(c, i)) {
        /* "multi-million", "co-first": a word part, not a number */
        if (i > 1 && attached(c, i) && is_p(c, i - 1, '-') && attached(c, i - 1) && is_word(c, i - 2) &&
            !word_row(c, i - 2))
            return;
        parse_words(c, i, false, r);
    }
}

/* "dozens", "tens of thousands", "a few hundred" at token i. */
static bool parse_vague(ctx *c, size_t i, nres *r)
{
    size_t used = 0, start = i;
    const cc_lex_row *row = NULL;
    if (i > 0 && (word_is(c, i - 1, "a") || word_is(c, i - 1, "an")) && same_sent(c, i - 1, i)) {
        row = match_at(c, c->nb->vague, c->nb->rng_vague, W_BEGINS_VAGUE, W_SECOND_VAGUE, i - 1, &used);
        if (row) start = i - 1;
    }
    if (!row) row = match_at(c, c->nb->vague, c->nb->rng_vague, W_BEGINS_VAGUE, W_SECOND_VAGUE, i, &used);
    if (!row) return false;
    /* "hundreds of thousands" is matched whole; "thousands of people" keeps "of" out */
    size_t b = start + used;
    if (word_is(c, b - 1, "of")) b--;
    /* "3 dozens", "two hundreds": a multiplier, handled by the number path */
    memset(r, 0, sizeof *r);
    r->ok = true;
    r->vague = true;
    r->a = start;
    r->b = b;
    r->vmin = strtod(row->col[1], NULL);
    if (row->col[2] && strcmp(row->col[2], "-")) {
        r->vmax = strtod(row->col[2], NULL);
        r->has_vmax = true;
    }
    return true;
}

/* "No. 822", "Resolution 822", "#3": a word of number_identifiers before
 * token a (with a "." after it for the keys ending in "."). */
static bool is_identifier_before(const ctx *c, size_t a)
{
    if (a == 0) return false;
    size_t j = a - 1;
    char w[40];
    size_t n;
    if ((is_p(c, j, '.') || is_p(c, j, '#')) && j > 0 && is_word(c, j - 1)) {
        bool dot = c->text[c->tk[j].start] == '.';
        if (!long_word(c, j - 1)) {
            if (wbit(c, j - 1, dot ? W_IS_IDENT_DOT : W_IS_IDENT)) return true;
        } else {
            n = cc_tok_lower(c->text, &c->tk[j - 1], w, sizeof w - 1);
            if (dot) w[n++] = '.';
            w[n] = 0;
            if (cc_lex_find(c->nb->ident, w, n)) return true;
        }
        return !dot;
    }
    if (is_p(c, j, '#')) return true;
    if (!is_word(c, j)) return false;
    if (!long_word(c, j)) return wbit(c, j, W_IS_IDENT);
    n = cc_tok_lower(c->text, &c->tk[j], w, sizeof w);
    return cc_lex_find(c->nb->ident, w, n) != NULL;
}

/* Emits the mention for the number phrase [a, b) of tokens. */
static void fill(ctx *c, concur_mention *m, const nres *n1, const nres *n2, const cc_lex_row *qual, int sign);

/* "more than 10 and less than 20": two bounds joined into one range. */
static bool merge_bounds(ctx *c, concur_mention *m, size_t a)
{
    concur_mention *p = c->last;
    if (!p || c->d->nm < 2 || c->d->m[c->d->nm - 2] != p || p->has_value == false) return false;
    size_t gap = c->last_b;
    if (gap >= a || a - gap > 2 || !same_sent(c, gap, a)) return false;
    for (size_t k = gap; k < a; k++)
        if (!(word_is(c, k, "and") || word_is(c, k, "but") || is_p(c, k, ','))) return false;
    bool lo_hi = p->has_min && !p->has_max && m->has_max && !m->has_min;
    bool hi_lo = p->has_max && !p->has_min && m->has_min && !m->has_max;
    if (!lo_hi && !hi_lo) return false;
    if ((p->unit == NULL) != (m->unit == NULL) || (p->unit && strcmp(p->unit, m->unit))) return false;
    double lo = lo_hi ? p->min : m->min, hi = lo_hi ? m->max : p->max;
    if (lo >= hi) return false;
    p->min = lo;
    p->max = hi;
    p->has_min = p->has_max = true;
    p->has_value = false;
    p->qualifier = CONCUR_QUAL_RANGE;
    p->nalt = 0;
    p->cend = m->cend;
    return true;
}

static void emit(ctx *c, size_t a, size_t b, size_t cend, const nres *n1, const nres *n2, const char *unit,
                 const char *dim, const cc_lex_row *qual, int sign)
{
    /* "1e999", "0^-1": no finite value, not a quantity */
    if (!n1->vague && (!isfinite(n1->v) || (n2 && !isfinite(n2->v)))) return;
    size_t cs = c->tk[a].start;
    size_t ce = cend ? cend : c->tk[b - 1].end;
    /* a percentage is a ratio, written as a number with unit "percent" */
    bool quantity = unit && !(dim && !strcmp(dim, "percent"));
    concur_mention *m = cc_doc_add(c->d, quantity ? CONCUR_KIND_QUANTITY : CONCUR_KIND_NUMBER, cs, ce);
    if (!m) return;
    fill(c, m, n1, n2, qual, sign);
    m->unit = unit;
    if (merge_bounds(c, m, a)) {
        c->d->nm--;   /* the arena keeps the unused slot */
        c->last_b = b;
        return;
    }
    c->last = m;
    c->last_b = b;
}

static void fill(ctx *c, concur_mention *m, const nres *n1, const nres *n2, const cc_lex_row *qual, int sign)
{
    size_t a = n1->a;
    m->sentence = c->p->sent_base + c->tk[a].sent;
    m->ordinal = n1->ordinal;
    if (n1->vague) {
        m->has_value = false;
        m->has_min = true;
        m->min = n1->vmin;
        m->has_max = n1->has_vmax;
        m->max = n1->vmax;
        m->approx = true;
        m->qualifier = CONCUR_QUAL_VAGUE;
        return;
    }
    double v = sign < 0 ? -n1->v : n1->v;
    if (n2) {
        m->has_min = m->has_max = true;
        m->min = v;
        m->max = n2->v;
        m->qualifier = CONCUR_QUAL_RANGE;
        if (qual && !strcmp(qual->col[2], "1")) m->approx = true;
        return;
    }
    m->has_value = true;
    m->value = v;
    if (n1->has_alt) {
        m->alt[0] = sign < 0 ? -n1->alt : n1->alt;
        m->nalt = 1;
    }
    if (!qual) {
        m->has_min = m->has_max = true;
        m->min = m->max = v;
        return;
    }
    concur_qualifier q = c->nb->qual_kind[qual - c->nb->qual->rows];
    if (q != CONCUR_QUAL_NONE) m->qualifier = q;
    m->approx = !strcmp(qual->col[2], "1");
    const char *bound = qual->col[3] ? qual->col[3] : "eq";
    if (!strcmp(bound, "min")) {
        m->has_min = true;
        m->min = v;
    } else if (!strcmp(bound, "max")) {
        m->has_max = true;
        m->max = v;
    } else {
        m->has_min = m->has_max = true;
        m->min = m->max = v;
    }
}

/* The document's evidence, counted the first time a number needs it (the
 * clean text is whole before the first paragraph is scanned, so the
 * counts do not depend on when). */
static const cc_num_state *evidence(const ctx *c)
{
    static const cc_num_state none;
    concur_doc *d = c->d;
    if (!d->numbers) {
        d->numbers = cc_arena_alloc(&d->arena, sizeof *d->numbers);
        if (!d->numbers) {
            d->oom = true;
            return &none;
        }
        gather_evidence(d->numbers, d->text.out.data ? d->text.out.data : "", d->text.out.len);
    }
    return d->numbers;
}

/* Resolves "1.275" / "1,275" from the document's evidence and the words
 * after it. */
static void resolve_ambiguous(const ctx *c, nres *r)
{
    if (!r->amb) return;
    const cc_num_state *ev = evidence(c);
    char sep = c->text[c->tk[r->a].end];
    bool whole = whole_noun_follows(c, r->b);
    bool thousands;
    bool alt = true;
    if (sep == '.') {
        uint32_t dot_thou = ev->dot_thou + ev->comma_dec, dot_dec = ev->dot_dec + ev->comma_thou;
        if (dot_thou > dot_dec) { thousands = true; alt = dot_dec > 0; }
        else if (dot_dec > 0) thousands = whole;
        else thousands = true;   /* the document never writes a decimal point */
    } else {
        bool euro = ev->comma_dec > 0 && ev->dot_thou > 0 && ev->comma_thou == 0;
        thousands = !euro || whole;
        alt = euro;
    }
    r->v = thousands ? r->amb_int : r->amb_dec;
    if (alt) {
        r->alt = thousands ? r->amb_dec : r->amb_int;
        r->has_alt = true;
    }
    r->integer = thousands;
}

/* Unit right after clean offset `pos` (one space or a hyphen allowed).
 * Returns the row and sets *uend; NULL when none. */
static const cc_lex_row *unit_after(ctx *c, size_t k, size_t *uend)
{
    const char *t = c->text;
    size_t pos = c->tk[k - 1].end, s = pos;
    bool spaced = false;
    if (s < c->p->end && (t[s] == ' ' || t[s] == '-')) {
        spaced = true;
        s++;
    }
    if (s >= c->p->end) return NULL;
    size_t used = 0;
    if (k < c->ntok && c->tk[k].start < s) k++;   /* past a '-' token */
    const cc_lex_row *u = units_at(c, k, s, &used);
    if (!u) return NULL;
    const char *f = u->col[3] ? u->col[3] : "";
    if (strchr(f, 'a') && spaced) return NULL;
    if (strchr(f, 'U') && !isupper((unsigned char)t[s])) return NULL;
    if (strchr(f, 'l') && isupper((unsigned char)t[s])) return NULL;
    *uend = s + used;
    return u;
}

static NUM_INLINE size_t tok_at_or_after(const ctx *c, size_t from, size_t off)
{
    size_t k = from;
    while (k < c->ntok && c->tk[k].start < off) k++;
    return k;
}

/* scan_at stays a call: inlined, its locals crowd the registers of the
 * token loop in cc_numbers_scan, which runs for every token */
static NUM_NOINLINE size_t scan_at(ctx *c, size_t i)
{
    const cc_numbers *nb = c->nb;
    const char *t = c->text;
    nres n1, n2;
    bool vague = false;
    if (is_word(c, i)) {
        uint32_t id = c->tk[i].wid;
        if (id >= nb->nstarts || !nb->starts[id]) return i + 1;
        vague = parse_vague(c, i, &n1);
    }
    /* a currency or "aged" right before */
    size_t pre_first = i;
    const cc_lex_row *pre = NULL;
    if (!vague && i > 0) pre = match_before(c, &nb->pre_list, i, 3, &pre_first, false);
    if (pre && !strcmp(pre->col[2], "age") && !is_num(c, i) && !word_row(c, i)) pre = NULL;
    bool have_cur = pre && !strcmp(pre->col[2], "currency");
    if (!vague) {
        parse_number(c, i, have_cur, &n1);
        if (n1.skip) return n1.b > i ? n1.b : i + 1;
        if (!n1.ok) return i + 1;
    }
    size_t a = n1.a, b = n1.b;
    const concur_mention *dm = date_overlap(c, c->tk[a].start, c->tk[b - 1].end);
    if (dm) {
        /* a bare "1900" read as a year, yet followed by "killed" or "people":
         * the number stays (the count recogniser reads it) */
        bool bare_year = n1.digits && b == a + 1 && dm->cstart == c->tk[a].start && dm->cend == c->tk[a].end &&
                         dm->timex_value && strlen(dm->timex_value) == 4 && whole_noun_follows(c, b);
        if (!bare_year) return b;
    }
    if (n1.digits && !lone_digits(c, i) && in_url(c, c->tk[i].start)) return b;
    if (n1.digits && a >= 2 && attached(c, a) && is_p(c, a - 1, '-') && attached(c, a - 1)) {
        /* "1995-01": the rest of a date */
        concur_mention **dms = c->dates_copy ? c->dates_copy : c->d->m;
        size_t from = c->date_ptr > c->date_lo + 2 ? c->date_ptr - 2 : c->date_lo;
        for (size_t k = from; k < c->date_hi; k++)
            if ((dms[k]->kind & CONCUR_KIND_DATE) && dms[k]->cstart <= c->tk[a - 2].start &&
                c->tk[a - 2].end <= dms[k]->cend)
                return b;
    }
    if (n1.digits && !pre) {
        /* identifiers: "G7", "MH17", "F-16", "No. 822", "Resolution 822", "[1]" */
        if (a > 0 && attached(c, a) && is_word(c, a - 1)) return b;
        if (a > 1 && attached(c, a) && is_p(c, a - 1, '-') && attached(c, a - 1) && is_word(c, a - 2) &&
            ((c->tk[a - 2].flags & CC_TF_UPPER) || tlen(c, a - 2) <= 3) && !word_row(c, a - 2))
            return b;
        if (is_identifier_before(c, a)) return b;
        if (a > 0 && is_p(c, a - 1, '[') && attached(c, a) && is_p(c, b, ']') && attached(c, b)) return b + 1;
        /* clock times "10:30", phone numbers "555-1234-567", "+44 20" */
        if (is_p(c, b, ':') && attached(c, b) && is_num(c, b + 1) && attached(c, b + 1)) return b + 2;
        {
            /* phone numbers and codes: "555-1234-567", "+1-222-2222/2222" */
            size_t k = b, groups = 0;
            while (k + 1 < c->ntok && (is_p(c, k, '-') || is_p(c, k, '/')) && attached(c, k) && is_num(c, k + 1) &&
                   attached(c, k + 1)) {
                k += 2;
                groups++;
            }
            bool plus = a > 0 && is_p(c, a - 1, '+') && attached(c, a) && (a < 2 || !is_num(c, a - 2));
            if (groups >= 2 || plus) return k;
        }
        if (is_p(c, b, '/') && attached(c, b) && is_num(c, b + 1) && attached(c, b + 1)) {
            /* "24/7", "2222/2222": not a fraction (those were taken), not a quantity */
            return b + 2;
        }
    }
    if (!n1.vague) resolve_ambiguous(c, &n1);

    /* "one over three", "1 in 5": a fraction */
    if (!n1.vague && !n1.ordinal && n1.integer && !n1.mult && b + 1 < c->ntok && same_sent(c, b, b + 1) &&
        (word_is(c, b, "over") || word_is(c, b, "in"))) {
        bool over = word_is(c, b, "over");
        parse_number(c, b + 1, false, &n2);
        if (n2.ok && !n2.skip && !n2.vague && !n2.ordinal && n2.integer && n2.v > 1 &&
            !date_overlap(c, c->tk[b + 1].start, c->tk[n2.b - 1].end)) {
            bool word_after = is_word(c, n2.b) && same_sent(c, b, n2.b);
            size_t ue;
            bool unit_next = unit_after(c, n2.b, &ue) != NULL;
            bool take = over ? (!word_after && !unit_next) : (n1.v < n2.v && (n1.v == 1 || !word_after) && !unit_next);
            if (take) {
                n1.v = n1.v / n2.v;
                n1.integer = false;
                n1.has_alt = false;
                b = n2.b;
            }
        }
    }

    /* ---- right: range */
    bool have_n2 = false;
    size_t range_word = 0;   /* token of "to"/"and" */
    if (!n1.vague && !n1.ordinal && b + 1 < c->ntok && same_sent(c, b - 1, b + 1)) {
        size_t k = b;
        bool dash = is_p(c, k, '-') && (attached(c, k) == attached(c, k + 1));
        bool to = word_is(c, k, "to") || word_is(c, k, "through") || word_is(c, k, "and");
        if (dash || to) {
            size_t lead = pre ? pre_first : a;
            bool between = lead > 0 && word_is(c, lead - 1, "between");
            if (word_is(c, k, "and") && !between) to = false;
            /* "rose from 20 to 35", "cut by 5 to 10": a change, two figures */
            if (to && !between && lead > 0 && word_is(c, lead - 1, "by")) to = false;
            if (to && !dash && !between && lead > 0) {
                /* a word of change shortly before: "rose $1.64 to $47.10",
                 * "rose from 20 to 35", "lost more than $2 to $43.25" */
                for (size_t q = lead; q-- > 0 && q + 7 >= lead;) {
                    if (!same_sent(c, q, lead)) break;
                    char w[24];
                    if (!is_word(c, q)) continue;
                    if (tlen(c, q) < sizeof w && !long_word(c, q)) {
                        if (wbit(c, q, W_IS_CHANGE)) { to = false; break; }
                        continue;
                    }
                    size_t wn = cc_tok_lower(t, &c->tk[q], w, sizeof w);
                    if (cc_lex_find(nb->change, w, wn)) { to = false; break; }
                }
            }
            /* "half to 10%", "two thirds - 65%": no range from a fraction word */
            if (n1.words && !n1.integer) to = dash = false;
            if (dash && !n1.digits) dash = false;
            if (dash || to) {
                size_t j = k + 1;
                /* "$5-$10", "£2m to £3m" */
                size_t pj = j;
                size_t used;
                if (have_cur && lex_prefix(nb->prefix, &nb->pre_list.tr, t, c->tk[j].start, c->p->end, true, &used)) {
                    pj = tok_at_or_after(c, j, c->tk[j].start + used);
                    if (pj < c->ntok && c->tk[pj].start == c->tk[j].start + used + 1) { /* "$ 5" */ }
                }
                parse_number(c, pj, have_cur, &n2);
                if (n2.ok && !n2.skip && !n2.ordinal && !n2.vague &&
                    !date_overlap(c, c->tk[pj].start, c->tk[n2.b - 1].end) &&
                    !(n2.digits && is_p(c, n2.b, '-') && attached(c, n2.b) && is_num(c, n2.b + 1))) {
                    resolve_ambiguous(c, &n2);
                    nres n1x = n1;
                    /* "2 to 3 million": the magnitude applies to both */
                    if (!n1.mult && n2.mult && n1.v < 1000) {
                        double m = n2.v / (n2.v ? n2.v : 1);
                        (void)m;
                        /* recover the multiplier: the power of ten between them */
                        double mul = 1;
                        while (mul < 1e15 && n1.v * mul * 10 <= n2.v) mul *= 1000;
                        if (mul > 1) n1x.v = round_near(n1.v * mul);
                    }
                    if (n1x.v < n2.v && (!dash || n2.digits)) {
                        n1 = n1x;
                        have_n2 = true;
                        range_word = k;
                        b = n2.b;
                    }
                }
            }
        }
    }
    (void)range_word;

    /* ---- right: unit */
    const char *unit = NULL, *dim = NULL;
    size_t cend = 0;
    if (!n1.ordinal) {
        size_t uend = 0;
        const cc_lex_row *u = unit_after(c, b, &uend);
        if (u && !strcmp(u->col[1], "-")) {
            /* a clock time: "6pm", "3 a.m." */
            return tok_at_or_after(c, b, uend);
        }
        if (u && have_cur && strcmp(u->col[2], "currency")) u = NULL;
        if (u && n1.vague && strcmp(u->col[2], "currency") && strcmp(u->col[2], "percent") &&
            strcmp(u->col[2], "age"))
            u = NULL;
        if (u) {
            if (date_overlap(c, c->tk[b - 1].end, uend)) u = NULL;
        }
        if (u) {
            unit = u->col[1];
            dim = u->col[2];
            cend = uend;
            b = tok_at_or_after(c, b, uend);
            if (!n1.mult && is_word(c, b) && same_sent(c, b - 1, b) && word_row(c, b) &&
                !strcmp(word_row(c, b)->col[1], "m") && strtod(word_row(c, b)->col[2], NULL) >= 1e6) {
                /* "75 USD million" */
                double mul = strtod(word_row(c, b)->col[2], NULL);
                n1.v = round_near(n1.v * mul);
                if (have_n2) n2.v = round_near(n2.v * mul);
                n1.mult = true;
                cend = c->tk[b].end;
                b++;
            }
            if (u->col[4] && u->col[4][0]) {
                /* "30 MUSD" */
                double mul = strtod(u->col[4], NULL);
                n1.v = round_near(n1.v * mul);
                if (have_n2) n2.v = round_near(n2.v * mul);
            }
        }
    }
    if (pre) {
        if (!unit || have_cur || !strcmp(pre->col[2], "age")) {
            unit = pre->col[1];
            dim = pre->col[2];
        }
    }
    /* "3 dollars 50 cents", "15 dollars and 50", "c $ 100 and fifty" */
    if (unit && dim && !strcmp(dim, "currency") && !have_n2 && !n1.vague && n1.integer && b < c->ntok) {
        size_t k = b;
        if (word_is(c, k, "and")) k++;
        nres n3;
        if (k < c->ntok && same_sent(c, b - 1, k) && (is_num(c, k) || word_row(c, k))) {
            parse_number(c, k, false, &n3);
            if (n3.ok && !n3.skip && !n3.vague && !n3.ordinal && n3.integer && n3.v < 100 && n3.v >= 0) {
                size_t uend = 0;
                const cc_lex_row *u3 = unit_after(c, n3.b, &uend);
                bool cents = u3 && (!strcmp(u3->col[1], "cent") || !strcmp(u3->col[1], "pence"));
                bool bare = !u3 && (n3.b >= c->ntok || !is_word(c, n3.b) || !same_sent(c, k, n3.b));
                if (cents || bare) {
                    n1.v += n3.v / 100;
                    n1.integer = false;
                    b = cents ? tok_at_or_after(c, n3.b, uend) : n3.b;
                    cend = cents ? uend : 0;
                }
            }
        }
    }

    /* ---- right: post qualifier ("or more", "or so", "+", "-odd") */
    const cc_lex_row *qual = NULL;
    if (!n1.vague && !n1.ordinal && !have_n2 && b < c->ntok) {
        size_t k = b, used = 0;
        if (is_p(c, k, '-') && attached(c, k) && is_word(c, k + 1)) k++;
        if (same_sent(c, b - 1, k)) {
            const cc_lex_row *q = NULL;
            if (is_p(c, k, '+') && attached(c, k)) {
                q = cc_lex_find(nb->qual, "+", 1);
                used = 1;
            } else if (is_word(c, k)) {
                q = match_at(c, nb->qual, nb->rng_qual, W_BEGINS_QUAL, W_SECOND_QUAL, k, &used);
            }
            /* "5000 or less than 6000": the words belong to the next number */
            if (q && (is_num(c, k + used) || (word_row(c, k + used) && same_sent(c, k, k + used)) ||
                      word_is(c, k + used, "than")))
                q = NULL;
            if (q && q->col[4] && !strcmp(q->col[4], "post")) {
                /* "odd" and "plus" only when hyphenated or right after */
                qual = q;
                b = k + used;
                cend = 0;
                if (!unit) {
                    size_t uend;
                    const cc_lex_row *u = unit_after(c, b, &uend);
                    if (u && strcmp(u->col[1], "-")) {
                        unit = u->col[1];
                        dim = u->col[2];
                        cend = uend;
                        b = tok_at_or_after(c, b, uend);
                    }
                }
            }
        }
    }

    /* ---- left: currency, sign, between/from, qualifier */
    if (pre) a = pre_first;
    int sign = 1;
    if (!n1.vague && a > 0 && a == n1.a && is_p(c, a - 1, '-') && attached(c, a) &&
        (a - 1 == 0 || !attached(c, a - 1) || is_p(c, a - 2, '(')) && !(a >= 2 && is_num(c, a - 2) && attached(c, a - 1))) {
        sign = -1;
        a--;
    } else if (!n1.vague && a > 0 && (word_is(c, a - 1, "minus") || word_is(c, a - 1, "negative"))) {
        sign = -1;
        a--;
    }
    if (have_n2 && a > 0 && (word_is(c, a - 1, "between") || word_is(c, a - 1, "from")) && same_sent(c, a - 1, a))
        a--;
    if (!n1.vague && !qual) {
        size_t qf = a;
        const cc_lex_row *q = match_before(c, &nb->qual_list, a, 5, &qf, true);
        if (q && q->col[4] && !strcmp(q->col[4], "pre")) {
            /* "<>30", "=>30": not a comparison we read */
            if ((q->col[0][0] == '<' || q->col[0][0] == '>') && qf > 0 && attached(c, qf) &&
                (is_p(c, qf - 1, '<') || is_p(c, qf - 1, '>') || is_p(c, qf - 1, '=')))
                return b;
            qual = q;
            a = qf;
        }
    }
    if (n1.vague && a > 0 && word_is(c, a - 1, "many") == false) {
        /* "some dozens", "several thousands": inside the span, still vague */
        size_t qf = a;
        const cc_lex_row *q = match_before(c, &nb->qual_list, a, 3, &qf, true);
        if (q && q->col[4] && !strcmp(q->col[4], "pre")) a = qf;
    }
    /* a pre-qualifier and a range: "between" already covers it */
    if (have_n2 && qual && strcmp(qual->col[1], "about")) qual = NULL;
    if (n1.ordinal && unit) unit = NULL;
    emit(c, a, b, cend, &n1, have_n2 ? &n2 : NULL, unit, dim, qual, sign);
    return b > i ? b : i + 1;
}

static int cmp_start(const void *a, const void *b)
{
    const concur_mention *x = *(const concur_mention *const *)a, *y = *(const concur_mention *const *)b;
    return x->cstart < y->cstart ? -1 : x->cstart > y->cstart;
}

void cc_numbers_scan(const concur_engine *e, concur_doc *d, const cc_para *p)
{
    if (!(cc_starts_wanted(d->opt.kinds) & (1u << CC_START_NUMBER))) return;   /* no number, quantity or count */
    const cc_numbers *nb = e->numbers;
    if (!nb || !p->ntok || d->oom) return;
    ctx c = {0};
    c.nb = nb;
    c.d = d;
    c.p = p;
    c.text = p->text;
    c.tk = p->tok;
    c.ntok = p->ntok;
    /* the date mentions of this slice are the last ones added; they are
     * read in order of start (a sorted copy when the date recogniser
     * added them otherwise) */
    size_t lo = d->nm;
    while (lo > 0 && d->m[lo - 1]->cstart >= p->start) lo--;
    bool sorted = true;
    for (size_t k = lo + 1; k < d->nm && sorted; k++)
        if (d->m[k]->cstart < d->m[k - 1]->cstart) sorted = false;
    concur_mention **copy = NULL;
    if (sorted) {
        c.dates_copy = NULL;
        c.date_lo = c.date_ptr = lo;
        c.date_hi = d->nm;
    } else {
        copy = malloc((d->nm - lo) * sizeof *copy);
        if (!copy) { d->oom = true; return; }
        memcpy(copy, d->m + lo, (d->nm - lo) * sizeof *copy);
        qsort(copy, d->nm - lo, sizeof *copy, cmp_start);
        c.dates_copy = copy;
        c.date_lo = c.date_ptr = 0;
        c.date_hi = d->nm - lo;
    }
    c.run_s = c.run_e = 0;
    /* most tokens start nothing: the scan visits only those that may
     * (cc_starts_list): a word of the starts table, a number, and a "."
     * right before a number (".5"), found at the number. `pos` is the token
     * to go on from (what scan_at returned): the next start is the first
     * listed token at or after it, or the "." before it */
    const cc_token *tok = p->tok;
    const uint32_t *at = p->start_at[CC_START_NUMBER];
    const size_t nat = p->nstart_at[CC_START_NUMBER];
    size_t ai = 0, pos = 0;
    while (ai < nat) {
        size_t i = at[ai];
        if (i > pos && tok[i].type == CC_TOK_NUM && tok[i - 1].type == CC_TOK_PUNCT && p->text[tok[i - 1].start] == '.')
            i--;
        size_t next = scan_at(&c, i);
        if (d->oom) break;
        if (next > pos) {
            while (ai < nat && at[ai] < next) ai++;
        } else {
            /* back before the token just read (scan_at does not go back
             * today): the listed tokens from there again */
            while (ai > 0 && at[ai - 1] >= next) ai--;
        }
        pos = next;
    }
    free(copy);
}

void cc_numbers_start_words(const concur_engine *e, uint8_t *bits, size_t n, uint8_t bit)
{
    const cc_numbers *nb = e->numbers;
    for (size_t w = 0; w < n && w < nb->nstarts; w++)
        if (nb->starts[w]) bits[w] |= bit;
}
