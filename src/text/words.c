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
#include "../internal.h"

#include <stdlib.h>

#define CC_WORDS_MAXW (CC_WORDS_MAXLEN / 8)

typedef struct word_key {
    uint64_t k[CC_WORDS_MAXW];
} word_key;

struct cc_words {
    word_key *key;       /* [id]: the lower-cased word */
    uint8_t *len;        /* [id] */
    size_t n, cap;       /* ids 1 .. n - 1 in use (0 = none) */
    uint32_t *slot;      /* open addressing: id, 0 = empty */
    size_t mask;
    uint32_t shape[1024];   /* shape_of -> bit set of the lengths (mod 32) */
};

/* A filter index from a word's first two bytes: the low five bits of each
 * with the case bit set, so both cases of a letter agree. */
static inline unsigned shape_of(const char *s, size_t n)
{
    unsigned a = (unsigned char)s[0], b = n > 1 ? (unsigned char)s[1] : 0;
    return ((a | 32u) & 31u) << 5 | ((b | 32u) & 31u);
}

/* ASCII lower case of eight bytes at once: 0x20 added to each byte in
 * 'A'..'Z' (other bytes, UTF-8 ones included, unchanged). */
static inline uint64_t lower8(uint64_t x)
{
    const uint64_t ones = 0x0101010101010101ull, high = ones * 0x80, low7 = ones * 0x7F;
    uint64_t y = x & low7;
    uint64_t up = (y + ones * (0x80 - 'A')) & ~(y + ones * (0x80 - 'Z' - 1)) & ~x & high;
    return x | (up >> 2);
}

static inline uint64_t load8(const unsigned char *s)
{
    uint64_t x;
    memcpy(&x, s, 8);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
    x = __builtin_bswap64(x);
#endif
    return x;
}

/* Bytes s[0..n) (0 < n < 8) as a little-endian word, zero padded; `avail`
 * bytes from s may be read (a whole word at once when there are 8). */
static inline uint64_t load_part(const unsigned char *s, size_t n, size_t avail)
{
    if (avail >= 8) {
        uint64_t x = load8(s);
        return x & ((1ull << (8 * n)) - 1);
    }
    uint64_t x = 0;
    for (size_t i = n; i-- > 0;) x = x << 8 | s[i];
    return x;
}

/* The key of s[0..n) (0 < n <= CC_WORDS_MAXLEN) and its hash; `avail`
 * (>= n) bytes from s may be read. Only the words holding the n bytes
 * are set (cc_words_add zeroes the rest). */
static inline uint64_t make_key(const char *s, size_t n, size_t avail, word_key *k)
{
    const unsigned char *p = (const unsigned char *)s;
    uint64_t h = (uint64_t)n * 0x9E3779B97F4A7C15ull;
    size_t i = 0, w = 0;
    for (; i + 8 <= n; i += 8, w++) {
        k->k[w] = lower8(load8(p + i));
        h = (h ^ k->k[w]) * 0xFF51AFD7ED558CCDull;
    }
    if (i < n) {
        k->k[w] = lower8(load_part(p + i, n - i, avail - i));
        h = (h ^ k->k[w]) * 0xFF51AFD7ED558CCDull;
    }
    return h ^ (h >> 32);
}

static inline bool same_key(const word_key *a, const word_key *b, size_t n)
{
    for (size_t w = 0; w * 8 < n; w++)
        if (a->k[w] != b->k[w]) return false;
    return true;
}

cc_words *cc_words_new(void)
{
    cc_words *w = calloc(1, sizeof *w);
    if (!w) return NULL;
    w->cap = 256;
    w->n = 1;
    w->key = malloc(w->cap * sizeof *w->key);
    w->len = malloc(w->cap);
    w->mask = 1023;
    w->slot = calloc(w->mask + 1, sizeof *w->slot);
    if (!w->key || !w->len || !w->slot) {
        cc_words_free(w);
        return NULL;
    }
    /* id 0 (an empty slot) reads as a word of length 0 */
    memset(&w->key[0], 0, sizeof w->key[0]);
    w->len[0] = 0;
    return w;
}

void cc_words_free(cc_words *w)
{
    if (!w) return;
    free(w->key);
    free(w->len);
    free(w->slot);
    free(w);
}

static inline uint32_t find_key(const cc_words *w, const word_key *k, size_t n, uint64_t h)
{
    for (size_t i = h & w->mask;; i = (i + 1) & w->mask) {
        uint32_t id = w->slot[i];
        if (!id) return 0;
        if (w->len[id] == n && same_key(&w->key[id], k, n)) return id;
    }
}

static bool rehash(cc_words *w)
{
    size_t mask = w->mask * 2 + 1;
    uint32_t *slot = calloc(mask + 1, sizeof *slot);
    if (!slot) return false;
    for (uint32_t id = 1; id < w->n; id++) {
        word_key k = w->key[id];
        uint64_t h = (uint64_t)w->len[id] * 0x9E3779B97F4A7C15ull;
        for (size_t q = 0; q * 8 < w->len[id]; q++) h = (h ^ k.k[q]) * 0xFF51AFD7ED558CCDull;
        h ^= h >> 32;
        size_t i = h & mask;
        while (slot[i]) i = (i + 1) & mask;
        slot[i] = id;
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
    if (w->n == w->cap) {
        size_t cap = w->cap * 2;
        word_key *key = realloc(w->key, cap * sizeof *key);
        if (!key) return 0;
        w->key = key;
        uint8_t *len = realloc(w->len, cap);
        if (!len) return 0;
        w->len = len;
        w->cap = cap;
    }
    if ((w->n + 1) * 4 > w->mask + 1 && !rehash(w)) return 0;   /* a quarter full: most misses meet an empty slot at once */
    id = (uint32_t)w->n++;
    w->shape[shape_of(s, n)] |= 1u << (n & 31);
    w->key[id] = k;
    w->len[id] = (uint8_t)n;
    size_t i = h & w->mask;
    while (w->slot[i]) i = (i + 1) & w->mask;
    w->slot[i] = id;
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

/* The id of a word of 1 to 8 bytes: one 64-bit key, hashed as make_key
 * does. */
static inline uint32_t find_short(const cc_words *w, const unsigned char *s, size_t n, size_t avail)
{
    uint64_t k = lower8(n == 8 ? load8(s) : load_part(s, n, avail));
    uint64_t h = ((uint64_t)n * 0x9E3779B97F4A7C15ull ^ k) * 0xFF51AFD7ED558CCDull;
    h ^= h >> 32;
    for (size_t i = h & w->mask;; i = (i + 1) & w->mask) {
        /* whether the word is in a list is data no branch predictor
         * learns: decide it without a branch (id 0 has length 0, never a
         * word's); only a collision, rare, takes the loop again */
        uint32_t id = w->slot[i];
        uint32_t hit = (uint32_t)(w->len[id] == n) & (uint32_t)(w->key[id].k[0] == k);
        if (hit | (id == 0)) return id & (0u - hit);
    }
}

void cc_words_tag(const cc_words *w, const char *text, size_t end, cc_token *tk, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        cc_token *t = &tk[i];
        size_t len = t->end - t->start;
        t->wid = 0;
        if (t->type != CC_TOK_WORD || len > CC_WORDS_MAXLEN || !w) continue;
        const unsigned char *s = (const unsigned char *)text + t->start;
        if (len <= 8) {
            /* most words: no filter first (about half of them pass it, a
             * branch no predictor learns); the table is a quarter full,
             * so a word in no list mostly meets an empty slot at once */
            t->wid = find_short(w, s, len, end - t->start);
            continue;
        }
        /* longer words are rarely in a list: a quick no from the first
         * two letters and the length (a length of 32 shares the bit of 0) */
        if (!(w->shape[shape_of(text + t->start, len)] & (1u << (len & 31)))) continue;
        word_key k;
        uint64_t h = make_key(text + t->start, len, end - t->start, &k);
        t->wid = find_key(w, &k, len, h);
    }
}
