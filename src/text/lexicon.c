/* lexicon.c -- lookups in the generated word tables. */
#include "../internal.h"

#include <ctype.h>

const cc_lexicon *cc_lexicon_get(const char *name)
{
    for (size_t i = 0; i < cc_lexicon_count; i++)
        if (!strcmp(cc_lexicons[i].name, name)) return &cc_lexicons[i];
    return NULL;
}

/* First row with key >= key[0..n) (keys compared as byte strings). */
static size_t lower_bound(const cc_lexicon *lx, const char *key, size_t n)
{
    size_t lo = 0, hi = lx->nrows;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        const char *k = lx->rows[mid].col[0];
        if (strncmp(k, key, n) < 0) lo = mid + 1;
        else hi = mid;   /* k >= key, or k starts with key */
    }
    return lo;
}

const cc_lex_row *cc_lex_find(const cc_lexicon *lx, const char *key, size_t n)
{
    if (!lx || !lx->nrows) return NULL;
    size_t i = lower_bound(lx, key, n);
    /* exact match of all n bytes: strnlen first, so that a key holding a
     * NUL byte ("ab\0x" against the row "ab") never reads past the row */
    if (i < lx->nrows) {
        const char *k = lx->rows[i].col[0];
        if (strnlen(k, n + 1) == n && !memcmp(k, key, n)) return &lx->rows[i];
    }
    return NULL;
}

size_t cc_tok_lower(const char *text, const cc_token *t, char *buf, size_t cap)
{
    size_t n = t->end - t->start;
    if (n >= cap) n = cap - 1;
    for (size_t i = 0; i < n; i++) buf[i] = (char)tolower((unsigned char)text[t->start + i]);
    buf[n] = 0;
    return n;
}

bool cc_tok_is(const char *text, const cc_token *t, const char *w)
{
    size_t n = t->end - t->start;
    for (size_t i = 0; i < n; i++) {
        if (!w[i] || tolower((unsigned char)text[t->start + i]) != (unsigned char)w[i]) return false;
    }
    return w[n] == 0;
}

const cc_lex_row *cc_lex_match(const cc_lexicon *lx, const char *text, const cc_token *tok,
                               size_t i, size_t ntok, size_t *used)
{
    if (!lx || !lx->nrows || i >= ntok) return NULL;
    char key[256];
    size_t kn = 0;
    const cc_lex_row *best = NULL;
    size_t limit = lx->max_words * 2 + 2;
    for (size_t k = i; k < ntok && k - i < limit; k++) {
        const cc_token *t = &tok[k];
        size_t tl = t->end - t->start;
        if (k > i) {
            const char *s = text + t->start;
            if (t->type == CC_TOK_PUNCT && tl == 1 && *s == '-') {
                /* "twenty-five" matches the key "twenty five" */
                if (kn + 1 >= sizeof key) break;
                key[kn++] = ' ';
                continue;
            }
            if ((t->flags & CC_TF_SPACE_BEFORE) && !(kn && key[kn - 1] == ' ')) {
                if (kn + 1 >= sizeof key) break;
                key[kn++] = ' ';
            }
        }
        if (t->type == CC_TOK_PUNCT && !(tl == 1 && (text[t->start] == '.' || text[t->start] == '\'' ||
                                                    text[t->start] == '&' || text[t->start] == '$')))
            break;
        if (kn + tl + 1 >= sizeof key) break;
        for (size_t q = 0; q < tl; q++) key[kn++] = (char)tolower((unsigned char)text[t->start + q]);
        size_t lb = lower_bound(lx, key, kn);
        if (lb >= lx->nrows || strncmp(lx->rows[lb].col[0], key, kn) != 0) break;
        if (lx->rows[lb].col[0][kn] == 0) {
            best = &lx->rows[lb];
            *used = k - i + 1;
        }
    }
    return best;
}
