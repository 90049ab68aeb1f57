/* html_check.c -- checks the offset map of the HTML ingest (built and run
 * by tests/suites/html.sh against build/libconcur.a).
 *
 * usage: html_check [--words] FILE...
 * Each FILE is read as HTML. Every ASCII word (a run of letters and digits)
 * of the clean text is mapped back to the input: the input bytes from the
 * word's first to its last character, with tags removed and character
 * references decoded, must spell the word. Words whose source holds other
 * non-ASCII bytes (NFKC-normalised forms) are counted as skipped.
 * --words prints "word<TAB>start<TAB>end" for each word instead;
 * --ref-date prints "FILE<TAB>DATE": the publication date the page states
 * (concur_doc_ref_date; "-" if none).
 * Prints "words N ok N skipped N bad N" per file; exit 1 if any is bad. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "concur.h"

static char *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    size_t cap = 1 << 16, n = 0;
    char *b = malloc(cap);
    size_t r;
    while (b && (r = fread(b + n, 1, cap - n, f)) > 0) {
        n += r;
        if (n == cap) {
            char *nb = realloc(b, cap *= 2);
            if (!nb) { free(b); b = NULL; }
            else b = nb;
        }
    }
    fclose(f);
    *len = n;
    return b;
}

/* End of the input character at src[i] ('&...;' counts as one). */
static size_t char_end(const char *s, size_t n, size_t i)
{
    if (i >= n) return n;
    if (s[i] == '&') {
        size_t j = i + 1;
        while (j < n && j < i + 12 && (isalnum((unsigned char)s[j]) || s[j] == '#')) j++;
        if (j < n && s[j] == ';') return j + 1;
        if (j > i + 2 && s[i + 1] == '#') return j;
        return i + 1;
    }
    unsigned char c = (unsigned char)s[i];
    size_t l = c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
    return i + l <= n ? i + l : n;
}

/* Input bytes [a, b) without tags, ASCII references decoded; -1 if a byte
 * outside ASCII remains (skip). */
static int spell(const char *s, size_t a, size_t b, char *out, size_t cap)
{
    size_t k = 0;
    for (size_t i = a; i < b && k + 1 < cap;) {
        if (s[i] == '<') {
            while (i < b && s[i] != '>') i++;
            i++;
            continue;
        }
        if (s[i] == '&' && i + 2 < b && s[i + 1] == '#') {
            size_t j = i + 2;
            long v = 0;
            bool hex = s[j] == 'x' || s[j] == 'X';
            if (hex) j++;
            v = strtol(s + j, NULL, hex ? 16 : 10);
            while (j < b && isalnum((unsigned char)s[j])) j++;
            if (j < b && s[j] == ';') j++;
            if (v <= 0 || v >= 0x80) return -1;
            out[k++] = (char)v;
            i = j;
            continue;
        }
        if (s[i] == '&' && i + 5 <= b && !memcmp(s + i, "&shy;", 5)) { i += 5; continue; }  /* dropped */
        if ((unsigned char)s[i] >= 0x80) return -1;
        out[k++] = s[i++];
    }
    out[k] = 0;
    return (int)k;
}

int main(int argc, char **argv)
{
    bool words = false, refdate = false;
    int first = 1, status = 0;
    if (argc > 1 && !strcmp(argv[1], "--words")) { words = true; first = 2; }
    if (argc > 1 && !strcmp(argv[1], "--ref-date")) { refdate = true; first = 2; }
    concur_error err;
    concur_engine *e = concur_engine_new(NULL, &err);
    if (!e) { fprintf(stderr, "html_check: no engine\n"); return 2; }
    for (int fi = first; fi < argc; fi++) {
        size_t len;
        char *src = read_file(argv[fi], &len);
        if (!src) { fprintf(stderr, "html_check: cannot read %s\n", argv[fi]); status = 1; continue; }
        concur_doc_options o;
        concur_doc_options_default(&o);
        o.input = CONCUR_INPUT_HTML;
        o.kinds = CONCUR_KIND_NUMBER;
        concur_doc *d = concur_extract(e, src, len, &o, &err);
        if (!d) { fprintf(stderr, "html_check: %s: extract failed\n", argv[fi]); free(src); status = 1; continue; }
        if (refdate) {
            const char *rd = concur_doc_ref_date(d);
            printf("%s\t%s\n", argv[fi], rd[0] ? rd : "-");
            concur_doc_free(d);
            free(src);
            continue;
        }
        size_t tl;
        const char *t = concur_doc_text(d, &tl);
        size_t nw = 0, nok = 0, nskip = 0, nbad = 0;
        for (size_t i = 0; i < tl;) {
            if (!isalnum((unsigned char)t[i])) { i++; continue; }
            size_t j = i;
            while (j < tl && isalnum((unsigned char)t[j])) j++;
            bool ascii_word = (i == 0 || (unsigned char)t[i - 1] < 0x80) && (j == tl || (unsigned char)t[j] < 0x80);
            size_t a = concur_doc_source_offset(d, i), bl = concur_doc_source_offset(d, j - 1);
            size_t b = char_end(src, len, bl);
            if (words) {
                printf("%.*s\t%zu\t%zu\n", (int)(j - i), t + i, a, b);
            } else if (ascii_word) {
                nw++;
                char buf[512];
                int k = (b > a && b - a < 4096) ? spell(src, a, b, buf, sizeof buf) : -2;
                if (k == -1) nskip++;
                else if (k == (int)(j - i) && !memcmp(buf, t + i, j - i)) nok++;
                else {
                    if (nbad < 5)
                        fprintf(stderr, "%s: word '%.*s' maps to [%zu,%zu) '%.*s'\n", argv[fi], (int)(j - i), t + i,
                                a, b, (int)(b > a && b - a < 60 ? b - a : 0), src + a);
                    nbad++;
                }
            }
            i = j;
        }
        if (!words) printf("%s: words %zu ok %zu skipped %zu bad %zu\n", argv[fi], nw, nok, nskip, nbad);
        if (nbad) status = 1;
        concur_doc_free(d);
        free(src);
    }
    concur_engine_free(e);
    return status;
}
