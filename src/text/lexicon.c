/* lexicon.c -- lookups in the generated word tables.
 *
 * Exact lookups use the generated hash index; prefix searches narrow the
 * range of sorted rows that share the key so far, starting from the
 * first-byte index, so each step compares only the bytes just added. */
#include "../internal.h"

const cc_lexicon *cc_lexicon_get(const char *name)
{
    /* the generated table is in name order (tools/gen_lexicon.c) */
    size_t lo = 0, hi = cc_lexicon_count;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = strcmp(cc_lexicons[mid].name, name);
        if (!c) return &cc_lexicons[mid];
        if (c < 0) lo = mid + 1;
        else hi = mid;
    }
    return NULL;
}

static inline unsigned char lower(unsigned char c) { return (unsigned)(c - 'A') < 26u ? (unsigned char)(c + 32) : c; }

/* strncmp without the call: bytes compared unsigned, a NUL in x ends it. */
static inline int ncmp(const char *x, const char *y, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        unsigned char a = (unsigned char)x[i], b = (unsigned char)y[i];
        if (a != b) return a < b ? -1 : 1;
        if (!a) return 0;
    }
    return 0;
}

const cc_lex_row *cc_lex_find(const cc_lexicon *lx, const char *key, size_t n)
{
    if (!lx || !lx->nrows) return NULL;
    /* a key holding a NUL byte equals no row (and is never read past) */
    if (n && memchr(key, 0, n)) return NULL;
    uint32_t hv = cc_lex_hash(key, n);
    size_t h = hv & lx->hmask;
    for (uint32_t sl; (sl = lx->hslot[h]) != 0; h = (h + 1) & lx->hmask) {
        if (sl >> 24 != hv >> 24) continue;   /* another key: the row is not read */
        /* all n bytes equal (none is NUL), then the row ends: exact */
        const cc_lex_row *r = &lx->rows[(sl & 0xFFFFFFu) - 1];
        if (!ncmp(r->col[0], key, n) && r->col[0][n] == 0) return r;
    }
    return NULL;
}

size_t cc_tok_lower(const char *text, const cc_token *t, char *buf, size_t cap)
{
    size_t n = t->end - t->start;
    if (n >= cap) n = cap - 1;
    for (size_t i = 0; i < n; i++) buf[i] = (char)lower((unsigned char)text[t->start + i]);
    buf[n] = 0;
    return n;
}


/* Rows [*lo, *hi) all start with key[0..a); narrows them to the rows that
 * start with key[0..b). */
static void narrow(const cc_lexicon *lx, size_t *lo, size_t *hi, const char *key, size_t a, size_t b)
{
    size_t l = *lo, h = *hi;
    while (l < h) {
        size_t mid = l + (h - l) / 2;
        if (ncmp(lx->rows[mid].col[0] + a, key + a, b - a) < 0) l = mid + 1;
        else h = mid;
    }
    *lo = l;
    /* the end of the rows starting with the key: first row > key. Ranges
     * are short once a few bytes are known: gallop from the start. */
    h = *hi;
    if (l >= h || ncmp(lx->rows[l].col[0] + a, key + a, b - a) != 0) {
        *hi = l;
        return;
    }
    size_t prev = l, step = 1, p = l + 1;
    while (p < h && ncmp(lx->rows[p].col[0] + a, key + a, b - a) <= 0) {
        prev = p;
        step *= 2;
        p = l + step;
    }
    if (p < h) h = p;
    l = prev + 1;   /* rows[prev] <= key; rows[h] > key or h is the end */
    while (l < h) {
        size_t mid = l + (h - l) / 2;
        if (ncmp(lx->rows[mid].col[0] + a, key + a, b - a) <= 0) l = mid + 1;
        else h = mid;
    }
    *hi = l;
}

/* The tokens from tok[k0] on extend key[0..kn), whose rows are [lo, hi)
 * (done: the key bytes those rows are known to share); best / *used as
 * found so far. The loop of cc_lex_match. */
static const cc_lex_row *match_rest(const cc_lexicon *lx, const char *text, const cc_token *tok, size_t i,
                                    size_t k0, size_t ntok, size_t *used, char *key, size_t kn, size_t lo,
                                    size_t hi, size_t done, const cc_lex_row *best)
{
    size_t limit = lx->max_words * 2 + 2;
    for (size_t k = k0; k < ntok && k - i < limit; k++) {
        const cc_token *t = &tok[k];
        size_t tl = t->end - t->start;
        if (k > i) {
            const char *s = text + t->start;
            if (t->type == CC_TOK_PUNCT && tl == 1 && *s == '-') {
                /* "twenty-five" matches the key "twenty five" */
                if (kn + 1 >= CC_LEX_KEYMAX) break;
                key[kn++] = ' ';
                continue;
            }
            if ((t->flags & CC_TF_SPACE_BEFORE) && !(kn && key[kn - 1] == ' ')) {
                if (kn + 1 >= CC_LEX_KEYMAX) break;
                key[kn++] = ' ';
            }
        }
        if (t->type == CC_TOK_PUNCT && !(tl == 1 && (text[t->start] == '.' || text[t->start] == '\'' ||
                                                    text[t->start] == '&' || text[t->start] == '$')))
            break;
        if (kn + tl + 1 >= CC_LEX_KEYMAX) break;
        for (size_t q = 0; q < tl; q++) key[kn++] = (char)lower((unsigned char)text[t->start + q]);
        if (done == 0 && kn > 0) {
            unsigned char c = (unsigned char)key[0];
            if (kn >= 2) {
                /* no key starts with these two bytes: nothing can match */
                unsigned b = cc_lex_pair(c, (unsigned char)key[1]);
                if (!(lx->pair[b >> 3] & (1u << (b & 7)))) break;
            }
            lo = lx->first[c];
            hi = lx->first[c + 1];
            done = 1;
        }
        narrow(lx, &lo, &hi, key, done, kn);
        done = kn;
        if (lo >= hi) break;
        if (lx->rows[lo].col[0][kn] == 0) {
            best = &lx->rows[lo];
            *used = k - i + 1;
        }
    }
    return best;
}

/* The span of rows whose keys start with the first token key[0..n), or
 * NULL when no key's first token is those bytes. */
static const cc_lex_span *first_token(const cc_lexicon *lx, const char *key, size_t n)
{
    uint32_t hv = cc_lex_hash(key, n);
    for (size_t h = hv & lx->tmask;; h = (h + 1) & lx->tmask) {
        uint32_t sl = lx->tslot[h];
        if (!sl) return NULL;
        if (sl >> 24 != hv >> 24) continue;
        const cc_lex_span *sp = &lx->tspan[(sl & 0xFFFFFFu) - 1];
        if (sp->len == n && !memcmp(lx->rows[sp->lo].col[0], key, n)) return sp;
    }
}

const cc_lex_row *cc_lex_match(const cc_lexicon *lx, const char *text, const cc_token *tok,
                               size_t i, size_t ntok, size_t *used)
{
    if (!lx || !lx->nrows || i >= ntok) return NULL;
    const cc_token *t = &tok[i];
    size_t tl = t->end - t->start;
    const unsigned char *s0 = (const unsigned char *)text + t->start;
    /* the two-byte filter first, before any copy */
    if (tl >= 2) {
        unsigned b = cc_lex_pair(lower(s0[0]), lower(s0[1]));
        if (!(lx->pair[b >> 3] & (1u << (b & 7)))) return NULL;
    }
    /* a key starts with a whole token: the span of the keys starting with
     * this one is one hash lookup away (a key whose first token merely
     * begins with these bytes, "newark" for "new", can never match: the
     * tokenizer would have cut the text's token longer) */
    if (t->type == CC_TOK_PUNCT && !(tl == 1 && (*s0 == '.' || *s0 == '\'' || *s0 == '&' || *s0 == '$')))
        return NULL;
    char key[CC_LEX_KEYMAX];
    if (tl + 1 >= CC_LEX_KEYMAX) return NULL;
    for (size_t q = 0; q < tl; q++) key[q] = (char)lower(s0[q]);
    const cc_lex_span *sp = first_token(lx, key, tl);
    if (!sp) return NULL;
    const cc_lex_row *best = NULL;
    if (sp->exact) {
        best = &lx->rows[sp->lo];
        *used = 1;
    }
    return match_rest(lx, text, tok, i, i + 1, ntok, used, key, tl, sp->lo, sp->hi, tl, best);
}

void cc_lex_word_range(const cc_lexicon *lx, const char *w, size_t n, cc_lex_range *r)
{
    r->lo = r->hi = 0;
    r->exact = false;
    char key[CC_LEX_KEYMAX];
    if (!lx || !lx->nrows || !n || n + 1 >= CC_LEX_KEYMAX) return;
    for (size_t q = 0; q < n; q++) key[q] = (char)lower((unsigned char)w[q]);
    if (n >= 2) {
        unsigned b = cc_lex_pair((unsigned char)key[0], (unsigned char)key[1]);
        if (!(lx->pair[b >> 3] & (1u << (b & 7)))) return;
    }
    size_t lo = lx->first[(unsigned char)key[0]], hi = lx->first[(unsigned char)key[0] + 1];
    narrow(lx, &lo, &hi, key, 1, n);
    if (lo >= hi) return;
    r->lo = (uint32_t)lo;
    r->hi = (uint32_t)hi;
    r->exact = lx->rows[lo].col[0][n] == 0;
}

const cc_lex_row *cc_lex_match_word(const cc_lexicon *lx, const cc_lex_range *r, const char *text,
                                    const cc_token *tok, size_t i, size_t ntok, size_t *used)
{
    if (r->lo >= r->hi || i >= ntok) return NULL;
    size_t tl = tok[i].end - tok[i].start;
    char key[CC_LEX_KEYMAX];
    if (tl + 1 >= CC_LEX_KEYMAX) return NULL;
    for (size_t q = 0; q < tl; q++) key[q] = (char)lower((unsigned char)text[tok[i].start + q]);
    const cc_lex_row *best = NULL;
    if (r->exact) {
        best = &lx->rows[r->lo];
        *used = 1;
    }
    return match_rest(lx, text, tok, i, i + 1, ntok, used, key, tl, r->lo, r->hi, tl, best);
}
