/* util.c -- arena, byte buffer, vector, errors: the small pieces every
 * stage uses. */
#include "../internal.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>

/* Big blocks (a document's copy, its clean text, its mentions) are touched
 * page by page: with 4 KiB pages a 20 MB document costs some 20,000 page
 * faults, a sixth of the run. Transparent huge pages, where the kernel
 * offers them on request (madvise mode), make that a few dozen. Only a
 * hint: nothing changes where they are not available. */
static void cc_big_pages(void *p, size_t n)
{
#if defined(MADV_HUGEPAGE)
    const uintptr_t huge = (uintptr_t)2 << 20;
    if (n < huge) return;
    uintptr_t a = ((uintptr_t)p + huge - 1) & ~(huge - 1), e = ((uintptr_t)p + n) & ~(huge - 1);
    if (e > a) madvise((void *)a, e - a, MADV_HUGEPAGE);
#else
    (void)p;
    (void)n;
#endif
}

/* ---------------------------------------------------------------- arena */

struct cc_arena_block {
    cc_arena_block *next;
    size_t used, cap;
    _Alignas(16) unsigned char data[];
};

void cc_arena_init(cc_arena *a) { a->head = NULL; a->used_total = 0; }

void cc_arena_free(cc_arena *a)
{
    cc_arena_block *b = a->head;
    while (b) {
        cc_arena_block *n = b->next;
        free(b);
        b = n;
    }
    a->head = NULL;
    a->used_total = 0;
}

void *cc_arena_alloc(cc_arena *a, size_t n)
{
    void *p = cc_arena_alloc_raw(a, n);
    if (p) memset(p, 0, (n + 15u) & ~(size_t)15u);
    return p;
}

/* A new head block with room for at least n bytes. Blocks double with
 * the arena, so a big document does few mallocs; from 2 MiB on they are
 * whole, aligned huge pages (cc_big_pages), so that its mentions fault in
 * 512 times less often (a block's unaligned ends would fault page by
 * page). The unused tail of the last block is only address space. */
static cc_arena_block *arena_block(cc_arena *a, size_t n)
{
    const size_t huge = (size_t)2 << 20;
    cc_arena_block *b;
    size_t cap = 4096;
    if (a->used_total > cap) cap = a->used_total;
    if (cap > (size_t)1 << 24) cap = (size_t)1 << 24;
    if (cap < n) cap = n;
    if (cap > SIZE_MAX - sizeof *b - huge) return NULL;
    size_t size = sizeof *b + cap;
    if (size >= huge) {
        size = (size + huge - 1) & ~(huge - 1);
        b = aligned_alloc(huge, size);
    } else {
        b = malloc(size);
    }
    if (!b) return NULL;
    cc_big_pages(b, size);
    b->used = 0;
    b->cap = size - sizeof *b;
    b->next = a->head;
    a->head = b;
    return b;
}

void cc_arena_reserve(cc_arena *a, size_t n)
{
    if (!a->head || a->head->cap - a->head->used < n) arena_block(a, n);
}

void *cc_arena_alloc_raw(cc_arena *a, size_t n)
{
    n = (n + 15u) & ~(size_t)15u;
    if (n == 0) n = 16;
    cc_arena_block *b = a->head;
    if (!b || b->cap - b->used < n) {
        b = arena_block(a, n);
        if (!b) return NULL;
    }
    void *p = b->data + b->used;
    b->used += n;
    a->used_total += n;
    return p;
}

char *cc_arena_strndup(cc_arena *a, const char *s, size_t n)
{
    char *p = cc_arena_alloc_raw(a, n + 1);
    if (!p) return NULL;
    memcpy(p, s, n);
    p[n] = 0;
    return p;
}

char *cc_arena_strdup(cc_arena *a, const char *s) { return cc_arena_strndup(a, s, strlen(s)); }

char *cc_arena_printf(cc_arena *a, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char tmp[256];
    int n = vsnprintf(tmp, sizeof tmp, fmt, ap);
    va_end(ap);
    if (n < 0) return NULL;
    if ((size_t)n < sizeof tmp) return cc_arena_strndup(a, tmp, (size_t)n);
    char *p = cc_arena_alloc(a, (size_t)n + 1);
    if (!p) return NULL;
    va_start(ap, fmt);
    vsnprintf(p, (size_t)n + 1, fmt, ap);
    va_end(ap);
    return p;
}

/* ----------------------------------------------------------------- buffer */

void cc_buf_init(cc_buf *b) { b->data = NULL; b->len = b->cap = 0; b->oom = false; }
void cc_buf_free(cc_buf *b) { free(b->data); cc_buf_init(b); }

bool cc_buf_grow(cc_buf *b, size_t extra)
{
    if (b->oom) return false;
    if (b->len + extra + 1 <= b->cap) return true;
    size_t cap = b->cap ? b->cap : 256;
    /* a large first reservation (a document's clean text) is taken as
     * asked: doubling 256 up to it could nearly double it */
    if (!b->cap && extra >= 65536) cap = extra + 1;
    while (cap < b->len + extra + 1) {
        if (cap > SIZE_MAX / 2) { b->oom = true; return false; }
        cap *= 2;
    }
    /* ... and from 2 MiB on in whole aligned huge pages, as arena blocks */
    const size_t huge = (size_t)2 << 20;
    if (!b->cap && cap >= huge && cap <= SIZE_MAX - huge) {
        cap = (cap + huge - 1) & ~(huge - 1);
        char *q = aligned_alloc(huge, cap);
        if (!q) { b->oom = true; return false; }
        cc_big_pages(q, cap);
        b->data = q;
        b->cap = cap;
        return true;
    }
    char *p = realloc(b->data, cap);
    if (!p) { b->oom = true; return false; }
    cc_big_pages(p, cap);
    b->data = p;
    b->cap = cap;
    return true;
}

/* ------------------------------------------------------- raw formatters */

/* The cc_fmt_* writers store at `o` without any check and return the new
 * end (internal.h); the cc_buf_* forms reserve room and call them. */

const char cc_digit_pairs[200] = "00010203040506070809101112131415161718192021222324252627282930313233343536373839"
                                 "40414243444546474849505152535455565758596061626364656667686970717273747576777879"
                                 "8081828384858687888990919293949596979899";

/* cc_fmt_uint from 10^8 on: the digits above the last eight (up to
 * twelve, split the same way again from 10^16 on), then those eight. */
char *cc_fmt_uint64(char *o, uint64_t v)
{
    uint64_t hi = v / 100000000;
    o = cc_fmt_uint(o, hi);
    cc_fmt_8digits(o, (uint32_t)(v % 100000000));
    return o + 8;
}

void cc_buf_uint(cc_buf *b, uint64_t v)
{
    if (!cc_buf_reserve(b, CC_FMT_UINT_MAX)) return;
    b->len = (size_t)(cc_fmt_uint(b->data + b->len, v) - b->data);
    b->data[b->len] = 0;
}

void cc_buf_puts(cc_buf *b, const char *s) { cc_buf_put(b, s, strlen(s)); }

void cc_buf_printf(cc_buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char tmp[512];
    int n = vsnprintf(tmp, sizeof tmp, fmt, ap);
    va_end(ap);
    if (n < 0) return;
    if ((size_t)n < sizeof tmp) { cc_buf_put(b, tmp, (size_t)n); return; }
    if (!cc_buf_reserve(b, (size_t)n)) return;
    va_start(ap, fmt);
    vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
}

/* The bytes JSON strings copy unchanged: printable ASCII but '"' and '\'. */
static const unsigned char json_plain[256] = {
    [0x20] = 1, 1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,   /* 0x22 '"' */
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,           /* 0x30 */
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,           /* 0x40 */
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 1, 1,           /* 0x5c '\' */
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,           /* 0x60 */
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0,           /* 0x7f */
};

/* The long or special cases of cc_fmt_json_str. */
char *cc_fmt_json_long(char *o, const char *s, size_t n)
{
    static const char hex[] = "0123456789abcdef";
    size_t i = 0;
    for (;;) {
        /* plain ASCII eight bytes at a time, copied before the test (the
         * room for 6n bytes covers it); then byte by byte up to the byte
         * that needs care */
        while (n - i >= 8) {
            uint64_t x;
            memcpy(&x, s + i, 8);
            memcpy(o, &x, 8);
            if (cc_json_special8(x)) break;
            i += 8;
            o += 8;
        }
        while (i < n && json_plain[(unsigned char)s[i]]) *o++ = s[i++];
        if (i == n) return o;
        unsigned char c = (unsigned char)s[i];
        if (c >= 0x80) {
            int l;
            uint32_t cp = cc_utf8_decode((const unsigned char *)s + i, n - i, &l);
            if (cp == 0xFFFD && !(l == 3 && c == 0xEF)) {
                memcpy(o, "\xEF\xBF\xBD", 3);   /* invalid: U+FFFD */
                o += 3;
            } else if (cp == 0x2028 || cp == 0x2029) {
                memcpy(o, cp == 0x2028 ? "\\u2028" : "\\u2029", 6);
                o += 6;
            } else {
                for (int k = 0; k < l; k++) o[k] = s[i + k];
                o += l;
            }
            i += (size_t)l;
            continue;
        }
        o[0] = '\\';
        switch (c) {
        case '"': o[1] = '"'; o += 2; break;
        case '\\': o[1] = '\\'; o += 2; break;
        case '\n': o[1] = 'n'; o += 2; break;
        case '\r': o[1] = 'r'; o += 2; break;
        case '\t': o[1] = 't'; o += 2; break;
        default:   /* other control bytes and DEL */
            memcpy(o + 1, "u00", 3);
            o[4] = hex[c >> 4];
            o[5] = hex[c & 15];
            o += 6;
        }
        i++;
    }
}

void cc_buf_json_str(cc_buf *b, const char *s, size_t n)
{
    /* room for 6n bytes, in chunks so that a long string does not reserve
     * six times its size. A chunk ends where no UTF-8 sequence crosses:
     * before a byte that is not a continuation byte, else (four
     * continuation bytes in a row) where the three before cannot start
     * one. */
    const size_t chunk = 65536;
    while (n) {
        size_t k = n;
        if (k > chunk) {
            k = chunk;
            for (size_t e = chunk; e + 3 >= chunk; e--)
                if (((unsigned char)s[e] & 0xC0) != 0x80) { k = e; break; }
        }
        if (!cc_buf_reserve(b, 6 * k)) return;
        b->len = (size_t)(cc_fmt_json_str(b->data + b->len, s, k) - b->data);
        b->data[b->len] = 0;
        s += k;
        n -= k;
    }
}

char *cc_fmt_num_full(char *o, double v)
{
    if (!isfinite(v)) {
        memcpy(o, "null", 4);
        return o + 4;
    }
    double a = fabs(v);
    if (a < 1e15 && (double)(int64_t)a == a) {
        /* whole and exact in an int64: the digits "%.0f" would print */
        if (signbit(v)) *o++ = '-';
        return cc_fmt_uint(o, (uint64_t)a);
    }
    int prec0 = 1;
    if (a >= 1e-4 && a < 1e15) {
        /* Few decimals (2.5, 0.35): the shortest round-trip form is the
         * first k-decimal value r / 10^k that reads back as v. With at
         * most 15 significant digits that value is the nearest one on its
         * grid, i.e. exactly what "%.*g" prints at the smallest precision
         * the loop below would accept, so the text is the same. The loop
         * ends when a * 10^k reaches 10^15 (by k = 19 as a >= 1e-4): by
         * then every precision up to 15 has been tried. */
        double p10 = 1;
        for (unsigned k = 1; k <= 19; k++) {
            p10 *= 10;
            if (a * p10 >= 1e15) {
                prec0 = 16;   /* 1..15 cannot round-trip: start at 16 */
                break;
            }
            double r = nearbyint(a * p10);
            if (r / p10 != a) continue;
            uint64_t ri = (uint64_t)r, pw = 1;
            for (unsigned q = 0; q < k; q++) pw *= 10;
            uint64_t ip = ri / pw, frac = ri % pw;
            if (signbit(v)) *o++ = '-';
            o = cc_fmt_uint(o, ip);
            *o++ = '.';
            for (unsigned q = k; q-- > 0;) {
                o[q] = (char)('0' + frac % 10);
                frac /= 10;
            }
            return o + k;
        }
    }
    char tmp[40];
    int n = 0;
    for (int prec = prec0; prec <= 17; prec++) {
        n = snprintf(tmp, sizeof tmp, "%.*g", prec, v);
        if (strtod(tmp, NULL) == v) break;
    }
    /* "%.17g" of a finite double: sign, 17 digits, '.', "e-308" */
    if (n < 0 || n > CC_FMT_NUM_MAX) n = 0;
    memcpy(o, tmp, (size_t)n);
    return o + n;
}

void cc_buf_num(cc_buf *b, double v)
{
    if (!cc_buf_reserve(b, CC_FMT_NUM_MAX)) return;
    b->len = (size_t)(cc_fmt_num(b->data + b->len, v) - b->data);
    b->data[b->len] = 0;
}

/* ----------------------------------------------------------------- vector */

void cc_vec_init(cc_vec *v, size_t item_size) { v->data = NULL; v->len = v->cap = 0; v->size = item_size; }
void cc_vec_free(cc_vec *v) { free(v->data); v->data = NULL; v->len = v->cap = 0; }

void *cc_vec_push(cc_vec *v)
{
    if (v->len == v->cap) {
        size_t cap = v->cap ? v->cap * 2 : 64;
        if (cap > SIZE_MAX / v->size) return NULL;
        void *p = realloc(v->data, cap * v->size);
        if (!p) return NULL;
        v->data = p;
        v->cap = cap;
    }
    void *slot = (char *)v->data + v->len * v->size;
    memset(slot, 0, v->size);
    v->len++;
    return slot;
}

/* ----------------------------------------------------------------- errors */

void cc_error_set(concur_error *err, concur_status code, size_t offset, const char *fmt, ...)
{
    if (!err) return;
    err->code = code;
    err->offset = offset;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err->buf, sizeof err->buf, fmt, ap);
    va_end(ap);
    err->message = err->buf;
}
