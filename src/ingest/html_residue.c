/* html_residue.c -- page residue: blocks that are not a document's content
 * (error banners, share / cookie / subscribe prompts), listed as data in
 * residue.tsv. Used by the HTML and the plain-text ingest. */
#include "../internal.h"

#include <ctype.h>

bool cc_residue_match(const char *s, size_t n)
{
    const cc_lexicon *lx = cc_lexicon_get("residue");
    /* a NUL would end the lexicon's key comparison early */
    if (!lx || n > 400 || memchr(s, 0, n)) return false;
    char buf[404] = {0};
    size_t k = 0;
    size_t i = 0;
    while (i < n && isspace((unsigned char)s[i])) i++;
    for (; i < n; i++) {
        char c = (char)tolower((unsigned char)s[i]);
        if (isspace((unsigned char)c)) c = ' ';
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
    /* prefix rows: any key that is a prefix of the text at a word boundary */
    for (size_t j = 0; j < lx->nrows; j++) {
        const cc_lex_row *row = &lx->rows[j];
        if (!row->col[1] || strcmp(row->col[1], "prefix")) continue;
        size_t kl = strlen(row->col[0]);
        if (kl <= k && !memcmp(buf, row->col[0], kl) && (kl == k || !isalnum((unsigned char)buf[kl])))
            return true;
    }
    return false;
}
