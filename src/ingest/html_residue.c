/* html_residue.c -- page residue: blocks that are not a document's content
 * (error banners, share / cookie / subscribe prompts), listed as data in
 * residue.tsv. Used by the HTML and the plain-text ingest. */
#include "../internal.h"

#include <ctype.h>

/* isspace of the "C" locale, without the call */
static inline bool is_space(unsigned char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

bool cc_residue_match(const cc_lexicon *lx, const char *s, size_t n)
{
    if (!lx || n > 400) return false;
    size_t i = 0;
    while (i < n && is_space((unsigned char)s[i])) i++;
    /* most blocks are text: no key starts with their first two bytes (the
     * lexicon's pair filter; every key has five bytes or more, so a match
     * always shares the block's first two) */
    if (i + 1 < n && !is_space((unsigned char)s[i + 1])) {
        unsigned char a = (unsigned char)s[i], b = (unsigned char)s[i + 1];
        unsigned bit = cc_lex_pair((unsigned)(a - 'A') < 26u ? a + 32 : a, (unsigned)(b - 'A') < 26u ? b + 32 : b);
        if (!(lx->pair[bit >> 3] & (1u << (bit & 7)))) return false;
    }
    /* the block's first eight bytes, normalised as below: a key that
     * matches (whole or as a prefix) starts with them, or with the part
     * of them it is long enough for. Most blocks are stopped here, before
     * the whole block is copied. */
    {
        char head[8];
        size_t hk = 0;
        for (size_t q = i; q < n && hk < sizeof head; q++) {
            unsigned char u = (unsigned char)s[q];
            char c = is_space(u) ? ' ' : (char)((unsigned)(u - 'A') < 26u ? u + 32 : u);
            if (c == ' ' && hk && head[hk - 1] == ' ') continue;
            head[hk++] = c;
        }
        if (!hk) return false;
        bool cand = false;
        unsigned char h0 = (unsigned char)head[0];
        for (size_t j = lx->first[h0]; j < lx->first[h0 + 1] && !cand; j++) {
            const char *key = lx->rows[j].col[0];
            size_t q = 0;
            while (q < hk && key[q] && key[q] == head[q]) q++;
            cand = q == hk || !key[q];
        }
        if (!cand) return false;
    }
    /* a NUL would end the lexicon's key comparison early */
    if (memchr(s, 0, n)) return false;
    char buf[404] = {0};
    size_t k = 0;
    for (; i < n; i++) {
        unsigned char u = (unsigned char)s[i];
        char c = is_space(u) ? ' ' : (char)((unsigned)(u - 'A') < 26u ? u + 32 : u);
        if (c == ' ' && k && buf[k - 1] == ' ') continue;
        buf[k++] = c;
    }
    /* trailing spaces and punctuation */
    while (k && (buf[k - 1] == ' ' || buf[k - 1] == '.' || buf[k - 1] == '!' || buf[k - 1] == ':' ||
                 buf[k - 1] == '|' || buf[k - 1] == '>' || buf[k - 1] == '-'))
        k--;
    if (!k) return false;
    const cc_lex_row *r = cc_lex_find(lx, buf, k);
    if (r) return true;
    /* prefix rows: any key that is a prefix of the text at a word boundary
     * (such a key starts with buf[0]: only those rows) */
    unsigned char c0 = (unsigned char)buf[0];
    for (size_t j = lx->first[c0]; j < lx->first[c0 + 1]; j++) {
        const cc_lex_row *row = &lx->rows[j];
        if (!row->col[1] || strcmp(row->col[1], "prefix")) continue;
        size_t kl = strlen(row->col[0]);
        if (kl <= k && !memcmp(buf, row->col[0], kl) && (kl == k || !isalnum((unsigned char)buf[kl])))
            return true;
    }
    return false;
}
