/* words.c -- one id per distinct word of the recognisers' word lists.
 *
 * The recognisers register the words they test token by token (the first
 * words of their keys, one-word keys) when the engine is built; the
 * tokenizer looks every word token up here once and stores the id in the
 * token (cc_token.wid). Each recogniser keeps its own per-word data in an
 * array indexed by that id, so testing a word is an array read, not one
 * more hash of its bytes per recogniser. Most words of a text are in no
 * list: their id is 0.
 *
 * Words are compared ASCII case-insensitively, like cc_tok_is. A word is
 * held as up to four 64-bit words of its lower-cased bytes, zero padded:
 * equality is a few integer compares. */
#include "words.h"

#include <stdlib.h>

cc_words *cc_words_new(void)
{
    cc_words *w = calloc(1, sizeof *w);
    if (!w) return NULL;
    w->cap = 256;
    w->n = 1;
    w->key = malloc(w->cap * sizeof *w->key);
    w->k0 = malloc(w->cap * sizeof *w->k0);
    w->len = malloc(w->cap);
    w->bmask = 255;
    w->bucket = calloc(w->bmask + 1, sizeof *w->bucket);
    w->smask = 255;
    w->sshift = 64 - 8;
    w->skey = calloc(w->smask + CC_WORDS_PROBE, sizeof *w->skey);
    w->sid = calloc(w->smask + CC_WORDS_PROBE, sizeof *w->sid);
    if (!w->key || !w->k0 || !w->len || !w->bucket || !w->skey || !w->sid) {
        cc_words_free(w);
        return NULL;
    }
    /* id 0 (an empty lane) reads as a word of length 0 */
    memset(&w->key[0], 0, sizeof w->key[0]);
    w->k0[0] = 0;
    w->len[0] = 0;
    return w;
}

void cc_words_free(cc_words *w)
{
    if (!w) return;
    free(w->key);
    free(w->k0);
    free(w->len);
    free(w->bucket);
    free(w->skey);
    free(w->sid);
    free(w);
}

/* The hash make_key gave word `id`. */
static uint64_t id_hash(const cc_words *w, uint32_t id)
{
    const word_key *k = &w->key[id];
    uint64_t h = (uint64_t)w->len[id] * 0x9E3779B97F4A7C15ull;
    for (size_t q = 0; q * 8 < w->len[id]; q++) h = (h ^ k->k[q]) * 0xFF51AFD7ED558CCDull;
    return h ^ (h >> 32);
}

/* Puts id in a free lane of bucket h; false when the bucket is full. */
static bool place(uint64_t *bucket, size_t bmask, uint64_t h, uint32_t id)
{
    uint64_t *b = &bucket[h & bmask];
    for (unsigned q = 0; q < 4; q++)
        if (!lane(*b, q)) {
            *b |= (uint64_t)id << (16 * q);
            return true;
        }
    return false;
}

/* Rebuilds the buckets for ids 1 .. n - 1 with at least `want` buckets,
 * doubling until none overflows. */
static bool rebuild(cc_words *w, size_t want)
{
    size_t nb = w->bmask + 1;
    while (nb < want) nb *= 2;
    for (;; nb *= 2) {
        if (nb > ((size_t)1 << 24)) return false;
        uint64_t *bucket = calloc(nb, sizeof *bucket);
        if (!bucket) return false;
        bool ok = true;
        for (uint32_t id = 1; ok && id < w->n; id++) ok = place(bucket, nb - 1, id_hash(w, id), id);
        if (ok) {
            free(w->bucket);
            w->bucket = bucket;
            w->bmask = nb - 1;
            return true;
        }
        free(bucket);
    }
}

/* Puts word `id` (of up to 7 bytes, key k) in a free slot of the short
 * table's window for k; false when the window is full. */
static bool short_place(uint64_t *skey, uint16_t *sid, unsigned sshift, uint64_t k, uint32_t id)
{
    size_t h = short_slot(k, sshift);
    for (unsigned q = 0; q < CC_WORDS_PROBE; q++)
        if (!skey[h + q]) {
            skey[h + q] = k;
            sid[h + q] = (uint16_t)id;
            return true;
        }
    return false;
}

/* Adds word `id` to the short table, doubling the table (every short word
 * placed again) until its window has room, and while the table is not
 * twice the short words in number (a full table has full windows). */
static bool short_add(cc_words *w, uint32_t id, size_t nshort)
{
    size_t n = w->smask + 1;
    unsigned shift = w->sshift;
    if (2 * nshort <= n && short_place(w->skey, w->sid, shift, w->k0[id], id)) return true;
    for (;;) {
        n *= 2;
        shift--;
        if (n > ((size_t)1 << 24)) return false;
        uint64_t *skey = calloc(n + CC_WORDS_PROBE, sizeof *skey);
        uint16_t *sid = calloc(n + CC_WORDS_PROBE, sizeof *sid);
        bool ok = skey && sid;
        for (uint32_t q = 1; ok && q <= id; q++)
            if (w->len[q] < 8) ok = short_place(skey, sid, shift, w->k0[q], q);
        if (ok) {
            free(w->skey);
            free(w->sid);
            w->skey = skey;
            w->sid = sid;
            w->smask = n - 1;
            w->sshift = shift;
            return true;
        }
        free(skey);
        free(sid);
        if (!skey || !sid) return false;
    }
}

uint32_t cc_words_add(cc_words *w, const char *s, size_t n)
{
    if (!w || !n || n > CC_WORDS_MAXLEN) return 0;
    word_key k = {{0}};
    uint64_t h = make_key(s, n, n, &k);
    uint32_t id = find_key(w, &k, n, h);
    if (id) return id;
    if (w->n > UINT16_MAX) return 0;   /* ids are held in 16-bit lanes */
    if (w->n == w->cap) {
        size_t cap = w->cap * 2;
        word_key *key = realloc(w->key, cap * sizeof *key);
        if (!key) return 0;
        w->key = key;
        uint64_t *k0 = realloc(w->k0, cap * sizeof *k0);
        if (!k0) return 0;
        w->k0 = k0;
        uint8_t *len = realloc(w->len, cap);
        if (!len) return 0;
        w->len = len;
        w->cap = cap;
    }
    id = (uint32_t)w->n++;
    w->shape[shape_of(s, n)] |= 1u << (n & 31);
    w->key[id] = k;
    w->k0[id] = k.k[0];
    w->len[id] = (uint8_t)n;
    /* at most one word per bucket on average: few buckets overflow */
    bool ok = w->n <= w->bmask + 1 ? place(w->bucket, w->bmask, h, id) || rebuild(w, w->bmask + 1)
                                   : rebuild(w, 2 * (w->bmask + 1));
    if (ok && n < 8) {
        ok = short_add(w, id, w->nshort + 1);
        w->nshort += ok;
    }
    if (!ok) {
        w->n--;
        return 0;
    }
    return id;
}

uint32_t cc_words_find(const cc_words *w, const char *s, size_t n)
{
    if (!w || !n || n > CC_WORDS_MAXLEN) return 0;
    word_key k;
    uint64_t h = make_key(s, n, n, &k);
    return find_key(w, &k, n, h);
}

size_t cc_words_count(const cc_words *w) { return w ? w->n : 1; }
