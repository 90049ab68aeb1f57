/* words.h -- the word-id table's layout and its lookups, inline: the
 * tokenizer (segment.c) looks each word up while it scans it. Private to
 * src/text (words.c builds the table, segment.c reads it). */
#ifndef CONCUR_TEXT_WORDS_H
#define CONCUR_TEXT_WORDS_H

#include "../internal.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#define CC_WORDS_MAXW (CC_WORDS_MAXLEN / 8)

typedef struct word_key {
    uint64_t k[CC_WORDS_MAXW];
} word_key;

struct cc_words {
    word_key *key;       /* [id]: the lower-cased word */
    uint64_t *k0;        /* [id]: key[id].k[0], packed: all a short word needs */
    uint8_t *len;        /* [id] */
    size_t n, cap;       /* ids 1 .. n - 1 in use (0 = none) */
    /* Buckets of four 16-bit ids in one 64-bit word (0 = an empty lane): a
     * word is in the bucket its hash names or in none (the table grows
     * until no bucket overflows, and while it has fewer buckets than
     * words). Every word token of a text is looked up, and whether it is
     * in a list is data no branch predictor learns: one load of the
     * bucket, four compares and a mask decide it without a branch, and
     * the table with k0 stays small enough for the L1 cache. */
    uint64_t *bucket;
    size_t bmask;
    uint32_t shape[1024];   /* shape_of -> bit set of the lengths (mod 32) */
    /* The words of up to 7 bytes (70 % of the word tokens of English
     * text) once more, with their keys inline: a word's key is in one of
     * the CC_WORDS_PROBE slots from the one its hash names, so a lookup
     * loads those keys and compares them without a branch, with no id to
     * follow to a key first (the buckets above then serve the tokenizer's
     * longer words, cc_words_find and cc_words_add). An empty slot holds
     * key 0 and id 0 (no word's key is 0). Slots 0 .. smask +
     * CC_WORDS_PROBE - 1 exist (no wrap-around); the table is at least
     * twice the words in number (4,096 slots, 40 KB, for the 1,045 short
     * words of the English lists). */
    uint64_t *skey;
    uint16_t *sid;
    size_t smask, nshort;   /* nshort: the words in it */
    unsigned sshift;        /* 64 - log2(smask + 1): the hash's top bits name the slot */
};

#define CC_WORDS_PROBE 4   /* (find_upto7 is written out for 4) */

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

/* Lane q (0..3) of a bucket: an id or 0. */
static inline uint32_t lane(uint64_t b, unsigned q) { return (uint32_t)(b >> (16 * q)) & 0xFFFFu; }

static inline uint32_t find_key(const cc_words *w, const word_key *k, size_t n, uint64_t h)
{
    uint64_t b = w->bucket[h & w->bmask];
    for (unsigned q = 0; q < 4; q++) {
        uint32_t id = lane(b, q);
        if (id && w->len[id] == n && same_key(&w->key[id], k, n)) return id;
    }
    return 0;
}

/* The hash make_key gives a word of n <= 8 bytes whose key is k. */
static inline uint64_t short_hash(uint64_t k, size_t n)
{
    uint64_t h = ((uint64_t)n * 0x9E3779B97F4A7C15ull ^ k) * 0xFF51AFD7ED558CCDull;
    return h ^ (h >> 32);
}

/* id when lane q of b holds the word whose first key word is k (and, when
 * `len` is not 0, whose length is len), else 0: a mask, not a branch
 * (k0[0] is 0 and len[0] is 0, never a word's). */
static inline uint32_t lane_hit(const cc_words *w, uint64_t b, unsigned q, uint64_t k, size_t len)
{
    uint32_t id = lane(b, q);
    uint32_t hit = (uint32_t)(w->k0[id] == k);
    if (len) hit &= (uint32_t)(w->len[id] == len);
    return id & (0u - hit);
}

/* The id of a word of 1 to 8 bytes whose lower-cased key is k. */
static inline uint32_t find_short_key(const cc_words *w, uint64_t k, size_t n)
{
    uint64_t b = w->bucket[short_hash(k, n) & w->bmask];
    return lane_hit(w, b, 0, k, n) | lane_hit(w, b, 1, k, n) | lane_hit(w, b, 2, k, n) | lane_hit(w, b, 3, k, n);
}

/* The first slot of the short table's window for key k (the key's high
 * bits folded in first: a multiply alone spreads the keys of short words,
 * alike in their high bytes, unevenly). */
static inline size_t short_slot(uint64_t k, unsigned sshift)
{
    return (size_t)(((k ^ (k >> 29)) * 0x9E3779B97F4A7C15ull) >> sshift);
}

/* The id of a word of 1 to 7 bytes whose lower-cased key is k (0: in no
 * list; key 0, no word's, gives 0): the key alone tells the length (its
 * bytes are not 0, the padding is), so one compare per slot decides. */
static inline uint32_t find_upto7(const cc_words *w, uint64_t k)
{
    const uint64_t *key = w->skey + short_slot(k, w->sshift);
    const uint16_t *id = w->sid + (key - w->skey);
    /* masks, not branches: whether a word is in a list is data no branch
     * predictor learns */
#if defined(__SSE2__)
    /* the four keys compared at once (64-bit equality: both 32-bit halves
     * equal), narrowed to four 16-bit lane masks in id order, 0xFFFF at
     * the key's slot */
    __m128i kk = _mm_set1_epi64x((long long)k);
    __m128i e01 = _mm_cmpeq_epi32(_mm_loadu_si128((const __m128i *)(const void *)key), kk);
    __m128i e23 = _mm_cmpeq_epi32(_mm_loadu_si128((const __m128i *)(const void *)(key + 2)), kk);
    e01 = _mm_and_si128(e01, _mm_shuffle_epi32(e01, _MM_SHUFFLE(2, 3, 0, 1)));
    e23 = _mm_and_si128(e23, _mm_shuffle_epi32(e23, _MM_SHUFFLE(2, 3, 0, 1)));
    __m128i e = _mm_packs_epi32(_mm_shuffle_epi32(e01, _MM_SHUFFLE(3, 3, 2, 0)), _mm_shuffle_epi32(e23, _MM_SHUFFLE(3, 3, 2, 0)));
    e = _mm_shuffle_epi32(e, _MM_SHUFFLE(3, 3, 2, 0));   /* 16-bit lanes 0-3: slots 0-3 */
    uint64_t lanes, mask;
    memcpy(&lanes, id, 8);
    _mm_storel_epi64((__m128i *)(void *)&mask, e);
    /* one lane at most is not 0: the multiply sums the lanes into the top
     * one, without a carry */
    return (uint32_t)(((lanes & mask) * 0x0001000100010001ull) >> 48);
#else
    return (id[0] & (0u - (uint32_t)(key[0] == k))) | (id[1] & (0u - (uint32_t)(key[1] == k))) |
           (id[2] & (0u - (uint32_t)(key[2] == k))) | (id[3] & (0u - (uint32_t)(key[3] == k)));
#endif
}

/* The id of a word of 8 to 16 bytes whose key words are k0 and k1 (0 for
 * 8 bytes), with no branch: the hash make_key gives it, and per lane the
 * first key word, the length and the second key word compared (key[0] is
 * all 0 and len[0] is 0, never a word's). */
static inline uint32_t find_upto16(const cc_words *w, uint64_t k0, uint64_t k1, size_t n)
{
    uint64_t h = ((uint64_t)n * 0x9E3779B97F4A7C15ull ^ k0) * 0xFF51AFD7ED558CCDull;
    uint64_t two = 0 - (uint64_t)(n > 8);   /* all ones when the key has a second word */
    h = (((h ^ k1) * 0xFF51AFD7ED558CCDull) & two) | (h & ~two);
    uint64_t b = w->bucket[(h ^ (h >> 32)) & w->bmask];
    uint32_t r = 0;
    for (unsigned q = 0; q < 4; q++) {
        uint32_t id = lane(b, q);
        uint32_t hit = (uint32_t)(w->k0[id] == k0) & (uint32_t)(w->len[id] == n) & (uint32_t)(w->key[id].k[1] == k1);
        r |= id & (0u - hit);
    }
    return r;
}

static inline uint32_t find_short(const cc_words *w, const unsigned char *s, size_t n, size_t avail)
{
    return find_short_key(w, lower8(n == 8 ? load8(s) : load_part(s, n, avail)), n);
}

/* The id of the word s[0..n) (0: in no list); `avail` (>= n) bytes from s
 * may be read. */
static inline uint32_t cc_words_id(const cc_words *w, const unsigned char *s, size_t n, size_t avail)
{
    if (n <= 8) return find_short(w, s, n, avail);
    if (n > CC_WORDS_MAXLEN) return 0;
    /* longer words are rarely in a list: a quick no from the first two
     * letters and the length (a length of 32 shares the bit of 0) */
    if (!(w->shape[shape_of((const char *)s, n)] & (1u << (n & 31)))) return 0;
    word_key k;
    uint64_t h = make_key((const char *)s, n, avail, &k);
    return find_key(w, &k, n, h);
}

#endif
