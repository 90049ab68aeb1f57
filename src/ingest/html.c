/* html.c -- HTML ingest (placeholder: tags stripped; replaced by the
 * libxml2-based extractor). */
#include "../internal.h"

bool cc_ingest_html(const char *bytes, size_t len, cc_text *t, concur_doc *d)
{
    (void)d;
    size_t i = 0;
    while (i < len) {
        if (bytes[i] == '<') {
            const char *gt = memchr(bytes + i, '>', len - i);
            if (!gt) break;
            cc_text_append_src(t, " ", 1, i);
            i = (size_t)(gt - bytes) + 1;
            continue;
        }
        size_t j = i;
        while (j < len && bytes[j] != '<') j++;
        cc_text_append_src(t, bytes + i, j - i, i);
        i = j;
    }
    return !t->out.oom;
}
