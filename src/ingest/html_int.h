/* html_int.h -- private interface between the HTML ingest files
 * (charset.c, html.c). Not used outside src/ingest/. */
#ifndef CC_HTML_INT_H
#define CC_HTML_INT_H

#include "../internal.h"

/* A page converted to valid UTF-8 (no NUL bytes), with a map back to the
 * original bytes. seg: runs of converted bytes; a linear run maps byte for
 * byte, a non-linear run (one converted character or one replacement
 * character) maps as a whole to [orig, orig + orig_len). */
typedef struct cc_conv_seg {
    size_t conv, orig, conv_len, orig_len;
    bool linear;
} cc_conv_seg;

typedef struct cc_conv {
    const char *buf;     /* the converted bytes: the input itself when identity */
    size_t len;
    char *owned;         /* malloc'ed buffer when a conversion happened */
    cc_vec segs;         /* cc_conv_seg; empty when identity */
    bool identity;
    bool had_invalid;    /* some bytes were not valid in the charset */
    size_t first_invalid;
    char charset[32];    /* the charset used, lower case ("utf-8", "windows-1252", ...) */
} cc_conv;

/* Decides the page's charset (BOM, then <meta charset> / http-equiv / XML
 * declaration in the first bytes, else UTF-8) and converts to UTF-8:
 * invalid bytes and NUL become U+FFFD. Returns false on OOM. */
bool cc_conv_page(const char *bytes, size_t len, cc_conv *c);
void cc_conv_free(cc_conv *c);
/* Original offset of converted byte `pos`; for an exclusive end use _end. */
size_t cc_conv_orig(const cc_conv *c, size_t pos);
size_t cc_conv_orig_end(const cc_conv *c, size_t end);
/* Index of the segment holding converted byte pos (identity: 0). */
size_t cc_conv_seg_at(const cc_conv *c, size_t pos);

#endif
