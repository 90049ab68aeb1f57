/* fuzz_warc.c -- libFuzzer target for the WARC reader (src/ingest/warc.c):
 * record headers, HTTP responses, chunked bodies, gzip and deflate bodies,
 * gzip members of the file, resynchronisation after damage; every page read
 * goes through concur_extract.
 *
 * Byte 0 chooses: bit 0 gzip the rest (as bits 1-3 + 1 members cut at even
 * places, or with bit 4 a deliberately cut-short stream); bit 5 force
 * --input warc (else detection decides, as for a file named x.warc). The
 * rest is the WARC data. Invariants: every record's bytes are readable
 * (the sanitizers see them), mentions lie inside their record, the reader
 * ends. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#include "concur.h"

static concur_engine *engine;

#define CHECK(c)                                                                    \
    do {                                                                            \
        if (!(c)) {                                                                 \
            fprintf(stderr, "invariant failed: %s (%s:%d)\n", #c, __FILE__, __LINE__); \
            abort();                                                                \
        }                                                                           \
    } while (0)

/* gzip members of src[0..n) cut into k pieces, appended to out */
static size_t gzip_members(const uint8_t *src, size_t n, unsigned k, uint8_t *out, size_t cap)
{
    size_t used = 0;
    for (unsigned p = 0; p < k; p++) {
        size_t a = n * p / k, b = n * (p + 1) / k;
        z_stream z;
        memset(&z, 0, sizeof z);
        if (deflateInit2(&z, 1, Z_DEFLATED, 31, 8, Z_DEFAULT_STRATEGY) != Z_OK) return used;
        z.next_in = (unsigned char *)(uintptr_t)(src + a);
        z.avail_in = (uInt)(b - a);
        z.next_out = out + used;
        z.avail_out = (uInt)(cap - used);
        int rc = deflate(&z, Z_FINISH);
        used = cap - z.avail_out;
        deflateEnd(&z);
        if (rc != Z_STREAM_END) break;
    }
    return used;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!engine) {
        engine = concur_engine_new(NULL, NULL);
        if (!engine) abort();
    }
    if (size < 1) return 0;
    unsigned ctl = data[0];
    const uint8_t *body = data + 1;
    size_t n = size - 1;
    uint8_t *buf = NULL;
    const char *bytes = (const char *)body;
    size_t len = n;
    if (ctl & 1) {
        size_t cap = n + n / 8 + 64 * 8 + 256;
        buf = malloc(cap);
        if (!buf) return 0;
        len = gzip_members(body, n, ((ctl >> 1) & 7) + 1, buf, cap);
        if ((ctl & 16) && len > 10) len -= 1 + len % 7;   /* cut short */
        bytes = (const char *)buf;
    }
    concur_error err = {0};
    concur_reader *r = concur_reader_new(bytes, len, (ctl & 32) ? CONCUR_INPUT_WARC : CONCUR_INPUT_AUTO,
                                         "fuzz.warc", &err);
    if (r) {
        concur_record rec;
        int k, pages = 0;
        while ((k = concur_reader_next(r, &rec, &err)) != 0) {
            if (k < 0) {
                CHECK(err.message);
                continue;
            }
            unsigned h = 0;
            for (size_t i = 0; i < rec.len; i++) h += (unsigned char)rec.text[i];
            CHECK(rec.input == CONCUR_INPUT_TEXT || rec.input == CONCUR_INPUT_HTML || rec.input == CONCUR_INPUT_WARC);
            if (rec.id) CHECK(strlen(rec.id) < ((size_t)1 << 20) + (h & 1));
            if (++pages > 64) continue;   /* bound the time per input */
            concur_doc_options o;
            concur_doc_options_default(&o);
            o.input = rec.input;
            o.id = rec.id;
            concur_doc *d = concur_extract(engine, rec.text, rec.len, &o, &err);
            if (!d) continue;
            for (size_t i = 0, m = concur_doc_count(d); i < m; i++) {
                const concur_mention *mm = concur_doc_get(d, i);
                CHECK(concur_mention_start(mm) <= concur_mention_end(mm) && concur_mention_end(mm) <= rec.len);
            }
            concur_doc_free(d);
        }
        concur_reader_free(r);
    }
    free(buf);
    return 0;
}
