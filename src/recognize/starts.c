/* starts.c -- the tokens each recogniser may start at.
 *
 * The recognisers' scans once tested every token of a paragraph with a
 * table read by word id and a branch, although only a few per cent of
 * tokens start anything. Here one pass per paragraph lists the tokens
 * that some scan would not pass over at once, and a second pass over that
 * short list splits it into one list per recogniser; the scans walk their
 * list. Both passes are written without a branch on the data (every index
 * is stored, the count grows by the token's bit): the outcomes follow the
 * text, which no predictor learns. The words come from the recognisers'
 * own tables (cc_*_start_words), gathered at engine start into one byte
 * per word id.
 */
#include "../internal.h"

#include <stdlib.h>

enum {
    B_DATE = 1u << CC_START_DATE,
    B_NUMBER = 1u << CC_START_NUMBER,
    B_COUNT = 1u << CC_START_COUNT,
    B_SHIFT = 3   /* an entry of the first list: index << B_SHIFT | bits */
};

bool cc_starts_init(concur_engine *e)
{
    /* every word id the tokenizer can give is below the count now: the
     * recognisers have registered their words, and the engine is read-only
     * from here on (so the table is read without a bound test) */
    size_t n = cc_words_count(e->words);
    e->start_bits = calloc(n ? n : 1, 1);
    if (!e->start_bits) return false;
    e->nstart_bits = n;
    cc_dates_start_words(e, e->start_bits, n, B_DATE);
    cc_numbers_start_words(e, e->start_bits, n, B_NUMBER);
    cc_counts_start_words(e, e->start_bits, n, B_COUNT);
    e->start_bits[0] = 0;   /* no id: every token that is not a listed word */
    return true;
}

void cc_starts_clear(cc_starts *s)
{
    if (s->all != s->local) free(s->all);
    s->all = NULL;
    s->cap = 0;
}

/* Room for n entries in each of the four lists (one block). The lists are
 * rewritten for each paragraph: a larger block replaces the old one
 * without a copy. */
static bool starts_reserve(cc_starts *s, size_t n)
{
    if (n <= s->cap) return true;
    if (n <= CC_STARTS_LOCAL) {
        s->all = s->local;
        s->cap = CC_STARTS_LOCAL;
        return true;
    }
    size_t cap = 2 * CC_STARTS_LOCAL;
    while (cap < n) cap *= 2;
    if (cap > SIZE_MAX / (4 * sizeof(uint32_t))) return false;
    uint32_t *p = malloc(4 * cap * sizeof *p);
    if (!p) return false;
    cc_starts_clear(s);
    s->all = p;
    s->cap = cap;
    return true;
}

bool cc_starts_list(const concur_engine *e, const cc_token *tok, size_t ntok, unsigned want, cc_starts *s)
{
    for (int k = 0; k < CC_START_KINDS; k++) {
        s->at[k] = NULL;
        s->n[k] = 0;
    }
    if (!ntok) return true;
    /* entries pack the index with the bits (the pipeline's slices of at
     * most 1 MiB have far fewer tokens) */
    if (ntok > (UINT32_MAX >> B_SHIFT) || !starts_reserve(s, ntok)) return false;
    uint32_t *any = s->all;
    uint32_t *ld = s->all + s->cap, *ln = ld + s->cap, *lc = ln + s->cap;
    s->at[CC_START_DATE] = ld;
    s->at[CC_START_NUMBER] = ln;
    s->at[CC_START_COUNT] = lc;
    /* a number may start a date or a number; a "." before digits (".5")
     * is found by the number scan at the digits */
    static const uint8_t type_bits[256] = {[CC_TOK_NUM] = B_DATE | B_NUMBER};
    const uint8_t *bits = e->start_bits;   /* wid < nstart_bits: see cc_starts_init */
    if (want == B_DATE) {
        /* the dates alone (--kinds date): their list in one pass */
        size_t nd = 0;
#pragma GCC unroll 4
        for (size_t i = 0; i < ntok; i++) {
            ld[nd] = (uint32_t)i;
            nd += ((bits[tok[i].wid] | type_bits[tok[i].type]) >> CC_START_DATE) & 1u;
        }
        s->n[CC_START_DATE] = nd;
        return true;
    }
    size_t na = 0;
#pragma GCC unroll 4
    for (size_t i = 0; i < ntok; i++) {
        unsigned b = (bits[tok[i].wid] | type_bits[tok[i].type]) & want;
        any[na] = (uint32_t)(i << B_SHIFT) | b;
        na += b != 0;
    }
    size_t nd = 0, nn = 0, nc = 0;
    for (size_t q = 0; q < na; q++) {
        uint32_t a = any[q], i = a >> B_SHIFT;
        ld[nd] = i;
        nd += (a >> CC_START_DATE) & 1u;
        ln[nn] = i;
        nn += (a >> CC_START_NUMBER) & 1u;
        lc[nc] = i;
        nc += (a >> CC_START_COUNT) & 1u;
    }
    s->n[CC_START_DATE] = nd;
    s->n[CC_START_NUMBER] = nn;
    s->n[CC_START_COUNT] = nc;
    return true;
}
