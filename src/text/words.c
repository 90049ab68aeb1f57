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
    w->mask = 1023;
    w->slot = calloc(w->mask + 1, sizeof *w->slot);
    if (!w->key || !w->k0 || !w->len || !w->slot) {
        cc_words_free(w);
        return NULL;
    }
    /* id 0 (an empty slot) reads as a word of length 0 */
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
    free(w->slot);
    free(w);
}

static bool rehash(cc_words *w)
{
    size_t mask = w->mask * 2 + 1;
    uint16_t *slot = calloc(mask + 1, sizeof *slot);
    if (!slot) return false;
    for (uint32_t id = 1; id < w->n; id++) {
        word_key k = w->key[id];
        uint64_t h = (uint64_t)w->len[id] * 0x9E3779B97F4A7C15ull;
        for (size_t q = 0; q * 8 < w->len[id]; q++) h = (h ^ k.k[q]) * 0xFF51AFD7ED558CCDull;
        h ^= h >> 32;
        size_t i = h & mask;
        while (slot[i]) i = (i + 1) & mask;
        slot[i] = (uint16_t)id;
    }
    free(w->slot);
    w->slot = slot;
    w->mask = mask;
    return true;
}

uint32_t cc_words_add(cc_words *w, const char *s, size_t n)
{
    if (!w || !n || n > CC_WORDS_MAXLEN) return 0;
    word_key k = {{0}};
    uint64_t h = make_key(s, n, n, &k);
    uint32_t id = find_key(w, &k, n, h);
    if (id) return id;
    if (w->n > UINT16_MAX) return 0;   /* ids are held in 16-bit slots */
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
    if ((w->n + 1) * 4 > w->mask + 1 && !rehash(w)) return 0;   /* a quarter full: most misses meet an empty slot at once */
    id = (uint32_t)w->n++;
    w->shape[shape_of(s, n)] |= 1u << (n & 31);
    w->key[id] = k;
    w->k0[id] = k.k[0];
    w->len[id] = (uint8_t)n;
    size_t i = h & w->mask;
    while (w->slot[i]) i = (i + 1) & w->mask;
    w->slot[i] = (uint16_t)id;
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

void cc_words_tag(const cc_words *w, const char *text, size_t end, cc_token *tk, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        cc_token *t = &tk[i];
        t->wid = 0;
        if (t->type == CC_TOK_WORD && w)
            t->wid = cc_words_id(w, (const unsigned char *)text + t->start, t->end - t->start, end - t->start);
    }
}
