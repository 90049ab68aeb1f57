/* segment.c -- sentences and tokens of one paragraph of clean text.
 *
 * Tokens: words (letters of any script), ASCII digit runs, single
 * punctuation code points. Sentences end at . ! ? (and "...") followed by
 * space and a capital, digit or opening quote, unless the word before the
 * dot is an abbreviation (data/lexicon/en/abbrev.tsv) or an initial. */
#include "words.h"

#include <utf8proc.h>

#if defined(__SSE2__)
#include <emmintrin.h>   /* SSE2 is part of every x86-64: the tokenizer classifies 16 bytes at a time */
#endif

/* ASCII classes without the locale-dependent ctype calls (the text is
 * always UTF-8; the "C" classes are meant). */
static inline bool ascii_alpha(unsigned c) { return (unsigned)((c | 32u) - 'a') < 26u; }
static inline bool ascii_upper(unsigned c) { return (unsigned)(c - 'A') < 26u; }

static bool is_letter_cp(uint32_t cp)
{
    if (cp < 0x80) return ascii_alpha(cp);
    utf8proc_category_t c = utf8proc_category((utf8proc_int32_t)cp);
    return (c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_ME);
}

static bool is_upper_cp(uint32_t cp)
{
    if (cp < 0x80) return ascii_upper(cp);
    utf8proc_category_t c = utf8proc_category((utf8proc_int32_t)cp);
    return c == UTF8PROC_CATEGORY_LU || c == UTF8PROC_CATEGORY_LT;
}

/* How many of the 8 bytes of x (memory order, as load8 gives them) lead
 * with ASCII letters, 0 to 8. Word at a time: with bit 7 cleared, byte |
 * 0x20 is a letter when in 'a'..'z'; a byte with bit 7 set is not an ASCII
 * letter. */
static inline size_t letters_lead(uint64_t x)
{
    const uint64_t ones = 0x0101010101010101ull, high = ones * 0x80, low7 = ones * 0x7F;
    uint64_t y = (x & low7) | (ones * 0x20);
    uint64_t letter = (y + ones * (0x80 - 'a')) & ~(y + ones * (0x80 - 'z' - 1)) & ~x & high;
    uint64_t other = ~letter & high;
    if (!other) return 8;
#if defined(__GNUC__)
    return (size_t)__builtin_ctzll(other) >> 3;
#else
    size_t k = 0;
    while (!(other & 0x80)) { other >>= 8; k++; }
    return k;
#endif
}

/* How many of p[0..8) lead with ASCII letters (8: all). */
static inline size_t ascii_letters8(const unsigned char *p) { return letters_lead(load8(p)); }

/* Room for `n` tokens in toks (a paragraph of n bytes has at most n).
 * Called with toks emptied: the old tokens are dead, so the larger block
 * is a fresh one rather than a realloc that would copy them (a document's
 * paragraphs grow the list a few times each; those copies were ~1.7 % of
 * the instructions on JSON Lines news). */
static bool reserve_toks(cc_vec *toks, size_t n)
{
    if (n <= toks->cap) return true;
    size_t cap = toks->cap ? toks->cap : 64;
    while (cap < n) cap *= 2;
    if (cap > SIZE_MAX / sizeof(cc_token)) return false;
    free(toks->data);
    toks->data = NULL;
    toks->cap = 0;
    void *p = malloc(cap * sizeof(cc_token));
    if (!p) return false;
    toks->data = p;
    toks->cap = cap;
    return true;
}

/* The rest of a word from a non-ASCII byte at s[j] (the rare path). */
static size_t word_rest(const unsigned char *s, size_t j, size_t end, bool *all)
{
    while (j < end) {
        unsigned char d = s[j];
        if (d < 0x80) {
            if (!ascii_alpha(d)) break;
            if (!ascii_upper(d)) *all = false;
            j++;
            continue;
        }
        int l2 = 1;
        uint32_t c2 = cc_utf8_decode(s + j, end - j, &l2);
        if (!is_letter_cp(c2)) break;
        if (!is_upper_cp(c2)) *all = false;
        j += (size_t)l2;
    }
    return j;
}

/* The end of the run of ASCII letters from s[j]. */
static inline size_t ascii_letters_end(const unsigned char *s, size_t j, size_t end)
{
    for (;;) {
        if (j + 8 > end) {
            while (j < end && ascii_alpha(s[j])) j++;
            return j;
        }
        size_t k = ascii_letters8(s + j);
        j += k;
        if (k < 8) return j;
    }
}

/* The end of the word whose first code point (a letter, l bytes) is at
 * s[i]; *all is cleared unless every letter is a capital. */
static inline size_t word_end(const unsigned char *s, size_t i, size_t l, size_t end, bool *all)
{
    size_t j = i + l;
    /* ASCII letters: the common case, no decoding; case only matters
     * while all letters so far are capitals */
    if (*all)
        while (j < end && ascii_upper(s[j])) j++;
    size_t j0 = j;
    j = ascii_letters_end(s, j, end);
    if (j > j0) *all = false;   /* a letter after the capitals */
    /* s[j] is not an ASCII letter now: more only past a non-ASCII one */
    if (j < end && s[j] >= 0x80) j = word_rest(s, j, end, all);
    return j;
}

/* Sets t's end, type, flags (UPPER and ALLCAPS on top of `flags`) and word
 * id for the word s[i, j). */
static inline void word_done(const cc_words *w, const unsigned char *s, size_t i, size_t j, size_t end,
                             bool up, bool all, uint8_t flags, cc_token *t)
{
    if (up) flags |= CC_TF_UPPER;
    if (all && j - i > 1) flags |= CC_TF_ALLCAPS;
    t->type = CC_TOK_WORD;
    t->flags = flags;
    t->end = (uint32_t)j;
    t->wid = w ? cc_words_id(w, s + i, j - i, end - i) : 0;
}

/* A word token whose first code point, a letter of l bytes, is at s[i]
 * (the general path: letters beyond ASCII); returns the word's end. */
static size_t word_token_any(const cc_words *w, const unsigned char *s, size_t i, size_t l, size_t end,
                             bool up, uint8_t flags, cc_token *t)
{
    bool all = up;
    size_t j = word_end(s, i, l, end, &all);
    word_done(w, s, i, j, end, up, all, flags, t);
    return j;
}

/* A word token from the ASCII letter at s[i]; returns the word's end. */
static inline size_t word_token(const cc_words *w, const unsigned char *s, size_t i, size_t end, uint8_t flags,
                                cc_token *t)
{
    const uint64_t case_bits = 0x2020202020202020ull;   /* set in a lower-case ASCII letter */
    if (i + 8 <= end) {
        uint64_t x = load8(s + i);
        size_t k = letters_lead(x);
        if (k < 8 && s[i + k] < 0x80) {
            /* up to 7 ASCII letters, all in x: the key, the case of the
             * first letter and of all of them are bit operations on it */
            uint64_t mask = (1ull << (8 * k)) - 1;
            uint64_t caps = ~x & case_bits & mask;   /* 0x20 where a capital */
            if (caps & 0x20) {
                flags |= CC_TF_UPPER;
                if (k > 1 && caps == (case_bits & mask)) flags |= CC_TF_ALLCAPS;
            }
            t->type = CC_TOK_WORD;
            t->flags = flags;
            t->end = (uint32_t)(i + k);
            t->wid = w ? find_upto7(w, (x | case_bits) & mask) : 0;
            return i + k;
        }
    }
    bool up = ascii_upper(s[i]);
    size_t j = ascii_letters_end(s, i + 1, end);
    /* letters beyond ASCII go on: the general path, from the start */
    if (j < end && s[j] >= 0x80) return word_token_any(w, s, i, 1, end, up, flags, t);
    /* all capitals? only asked of capitalised words */
    bool all = up;
    for (size_t q = i + 1; all && q < j; q++) all = ascii_upper(s[q]);
    word_done(w, s, i, j, end, up, all, flags, t);
    return j;
}

/* ------------------------------------------------------------ tokenizer */

/* Room for the ".", "!" and "?" tokens of a paragraph that tokenize lists
 * for the sentence splitter; past it, cc_segment looks at every token. */
#define CC_SEG_ENDS 1024

/* The tokenizer's state between two tokens. */
typedef struct tok_run {
    const cc_words *w;
    const unsigned char *s;
    size_t end;              /* the paragraph's end: no byte from s[end] on is read */
    cc_token *tok0, *t;      /* the paragraph's first token, the next one to fill */
    uint32_t *ends;          /* the sentence-end candidates (CC_SEG_ENDS + 64 slots, see tokens_block) */
    size_t ne;
    uint8_t pending;         /* CC_TF_SPACE_BEFORE when white space precedes the next token */
} tok_run;

/* Lists t, an ASCII token whose first byte is c, when it is a ".", "!" or
 * "?": written without a branch (the write lands in the last slot once
 * the list is full; the count then says it overflowed). */
static inline void note_end(tok_run *r, const cc_token *t, unsigned c)
{
    r->ends[r->ne < CC_SEG_ENDS ? r->ne : CC_SEG_ENDS - 1] = (uint32_t)(t - r->tok0);
    r->ne += (size_t)(c == '.' || c == '!' || c == '?');
}

/* Tokens from s[i] on, byte by byte (any text: this is the path for
 * letters beyond ASCII), until i reaches `stop` (the last token may end
 * past it); returns the new i. */
static size_t tokens_bytes(tok_run *r, size_t i, size_t stop)
{
    const unsigned char *s = r->s;
    size_t end = r->end;
    while (i < stop) {
        unsigned char c = s[i];
        if (c <= ' ' && (c == ' ' || c == '\n' || c == '\t' || c == '\r')) {
            r->pending = CC_TF_SPACE_BEFORE;
            i++;
            continue;
        }
        cc_token *t = r->t;
        t->start = (uint32_t)i;
        if (ascii_alpha(c)) {
            i = word_token(r->w, s, i, end, r->pending, t);
        } else if (c < 0x80) {
            size_t j = i + 1;
            t->type = CC_TOK_PUNCT;
            if (c >= '0' && c <= '9') {
                while (j < end && s[j] >= '0' && s[j] <= '9') j++;
                t->type = CC_TOK_NUM;
            }
            t->end = (uint32_t)j;
            t->flags = r->pending;
            t->wid = 0;
            i = j;
            note_end(r, t, c);
        } else {
            int l;
            uint32_t cp = cc_utf8_decode(s + i, end - i, &l);
            if (is_letter_cp(cp)) {
                i = word_token_any(r->w, s, i, (size_t)l, end, is_upper_cp(cp), r->pending, t);
            } else {
                t->type = (cp == 0xFFFD) ? CC_TOK_OTHER : CC_TOK_PUNCT;
                t->end = (uint32_t)(i + (size_t)l);
                t->flags = r->pending;
                t->wid = 0;
                i += (size_t)l;
            }
        }
        r->pending = 0;
        r->t = t + 1;
        /* most tokens are followed by one space: taken here, without a
         * turn of the loop */
        if (i < end && s[i] == ' ') {
            r->pending = CC_TF_SPACE_BEFORE;
            i++;
        }
    }
    return i;
}

static inline unsigned ctz64(uint64_t x)   /* x != 0 */
{
#if defined(__GNUC__)
    return (unsigned)__builtin_ctzll(x);
#else
    unsigned k = 0;
    while (!(x & 1)) { x >>= 1; k++; }
    return k;
#endif
}

static inline unsigned top_bit64(uint64_t x)   /* x != 0: the index of its highest set bit */
{
#if defined(__GNUC__)
    return 63u - (unsigned)__builtin_clzll(x);
#else
    unsigned k = 0;
    while (x >>= 1) k++;
    return k;
#endif
}

/* 64 bytes of text as the block tokenizer sees them: bit masks of their
 * classes, bit k for byte k. */
typedef struct tok_block {
    uint64_t letter, lower, digit, space, high;   /* ASCII letter, lower-case letter, digit; white space; >= 0x80 */
} tok_block;

#if defined(__SSE2__)
/* (x - lo) < n, unsigned, for each byte: SSE2 compares only signed bytes,
 * so both sides are moved down by 0x80 first. */
static inline __m128i in_range16(__m128i x, char lo, char n)
{
    return _mm_cmplt_epi8(_mm_sub_epi8(x, _mm_set1_epi8((char)(lo ^ 0x80))), _mm_set1_epi8((char)(n ^ 0x80)));
}

/* The classes of p[0, 64), 16 bytes at a time. */
static inline void classify64(const unsigned char *p, tok_block *kb)
{
    uint64_t m[5] = {0, 0, 0, 0, 0};
    __m128i ctl = _mm_setzero_si128();
    for (unsigned q = 0; q < 4; q++) {
        __m128i x = _mm_loadu_si128((const __m128i *)(const void *)(p + 16 * q));
        __m128i lower = in_range16(x, 'a', 26), upper = in_range16(x, 'A', 26);
        /* white space is ' ' unless control bytes are about (seldom) */
        ctl = _mm_or_si128(ctl, _mm_cmpeq_epi8(_mm_min_epu8(x, _mm_set1_epi8(0x1F)), x));
        unsigned sh = 16 * q;
        m[0] |= (uint64_t)(unsigned)_mm_movemask_epi8(_mm_or_si128(lower, upper)) << sh;
        m[1] |= (uint64_t)(unsigned)_mm_movemask_epi8(lower) << sh;
        m[2] |= (uint64_t)(unsigned)_mm_movemask_epi8(in_range16(x, '0', 10)) << sh;
        m[3] |= (uint64_t)(unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(x, _mm_set1_epi8(' '))) << sh;
        m[4] |= (uint64_t)(unsigned)_mm_movemask_epi8(x) << sh;
    }
    if (_mm_movemask_epi8(ctl))
        for (unsigned k = 0; k < 64; k++) m[3] |= (uint64_t)(p[k] == '\n' || p[k] == '\t' || p[k] == '\r') << k;
    kb->letter = m[0];
    kb->lower = m[1];
    kb->digit = m[2];
    kb->space = m[3];
    kb->high = m[4];
}
#else
/* The portable path, byte by byte. */
static inline void classify64(const unsigned char *p, tok_block *kb)
{
    uint64_t letter = 0, lower = 0, digit = 0, space = 0, high = 0;
    for (unsigned k = 0; k < 64; k++) {
        unsigned c = p[k];
        letter |= (uint64_t)ascii_alpha(c) << k;
        lower |= (uint64_t)(c - 'a' < 26u) << k;
        digit |= (uint64_t)(c - '0' < 10u) << k;
        space |= (uint64_t)(c == ' ' || c == '\n' || c == '\t' || c == '\r') << k;
        high |= (uint64_t)(c >= 0x80) << k;
    }
    kb->letter = letter;
    kb->lower = lower;
    kb->digit = digit;
    kb->space = space;
    kb->high = high;
}
#endif

/* What a token gets from its first byte (an ASCII byte that is not white
 * space), one load instead of tests: CC_TF_UPPER for a capital, TOKB_STOP
 * for a ".", "!" or "?", and its type as CC_TOK_PUNCT less the type in
 * the bits from TOKB_TYPE on (so that the zero default is punctuation). */
enum { TOKB_STOP = 8, TOKB_TYPE = 4 };
#define TOKB_W ((CC_TOK_PUNCT - CC_TOK_WORD) << TOKB_TYPE)
#define TOKB_N ((CC_TOK_PUNCT - CC_TOK_NUM) << TOKB_TYPE)
#define TOKB_LETTERS(c, v)                                                                                          \
    [c] = v, [c + 1] = v, [c + 2] = v, [c + 3] = v, [c + 4] = v, [c + 5] = v, [c + 6] = v, [c + 7] = v, [c + 8] = v, \
    [c + 9] = v, [c + 10] = v, [c + 11] = v, [c + 12] = v, [c + 13] = v, [c + 14] = v, [c + 15] = v, [c + 16] = v,  \
    [c + 17] = v, [c + 18] = v, [c + 19] = v, [c + 20] = v, [c + 21] = v, [c + 22] = v, [c + 23] = v, [c + 24] = v, \
    [c + 25] = v
static const uint8_t tok_byte[128] = {
    TOKB_LETTERS('a', TOKB_W), TOKB_LETTERS('A', TOKB_W | CC_TF_UPPER),
    ['0'] = TOKB_N, ['1'] = TOKB_N, ['2'] = TOKB_N, ['3'] = TOKB_N, ['4'] = TOKB_N,
    ['5'] = TOKB_N, ['6'] = TOKB_N, ['7'] = TOKB_N, ['8'] = TOKB_N, ['9'] = TOKB_N,
    ['.'] = TOKB_STOP, ['!'] = TOKB_STOP, ['?'] = TOKB_STOP,
};

/* Bytes every block reads from its start: 64 classified, and a word key of
 * 8 from the last token's first byte. */
#define TOK_BLOCK_READ 72

/* [length - 1]: the mask of a word's first 8 bytes that is its key, for
 * a word of 1 to 7 letters. */
static const uint64_t key_mask[7] = {
    0xFFull, 0xFFFFull, 0xFFFFFFull, 0xFFFFFFFFull, 0xFFFFFFFFFFull, 0xFFFFFFFFFFFFull, 0xFFFFFFFFFFFFFFull,
};

/* [length - 8]: the same for the second key word of a word of 8 to 16
 * letters. */
static const uint64_t key_mask2[9] = {
    0, 0xFFull, 0xFFFFull, 0xFFFFFFull, 0xFFFFFFFFull, 0xFFFFFFFFFFull, 0xFFFFFFFFFFFFull, 0xFFFFFFFFFFFFFFull, ~0ull,
};

/* The tokens of the 64 bytes at p, which are s[base, base + 64) or a copy
 * of them: every token that is known to be complete, i.e. ends before byte
 * 63 and before the first byte >= 0x80 (which may carry a word on).
 * Tokens are runs of letters, runs of digits and single other bytes, cut
 * by mask arithmetic: the k-th first byte and the k-th last byte bound
 * the k-th token, and no branch asks what a token is or how long (their
 * mix is text, not a pattern a predictor learns); the words are looked
 * up once the block is cut. The sentence-end list has room for 64 more
 * entries than CC_SEG_ENDS. Returns the position after the last token
 * (base when none is complete). */
static inline size_t tokens_block(tok_run *r, const unsigned char *p, size_t base, const tok_block *kb)
{
    const uint64_t case_bits = 0x2020202020202020ull;
    uint64_t let = kb->letter, dig = kb->digit;
    uint64_t other = ~(let | dig | kb->space | kb->high);
    uint64_t let_first = let & ~(let << 1), let_last = let & ~(let >> 1);
    uint64_t first = let_first | (dig & ~(dig << 1)) | other;
    uint64_t last = let_last | (dig & ~(dig >> 1)) | other;
    /* complete: the byte after the token is in the block and ASCII */
    unsigned lim = kb->high ? ctz64(kb->high) : 64;
    last &= lim ? (1ull << (lim - 1)) - 1 : 0;
    if (!last) return base;
    size_t next = base + top_bit64(last) + 1;
    uint64_t spaced = kb->space << 1 | r->pending;   /* bit k: white space before byte k */
    /* all capitals: adding a run's lower-case bits carries out of its top,
     * to the byte after it; the last letter of a run of two or more with
     * no such carry */
    uint64_t has_lower = (let + kb->lower) & ~let;
    uint64_t all_caps = let_last & ~let_first & ~(has_lower >> 1);
    cc_token *t = r->t;
    uint32_t ti = (uint32_t)(t - r->tok0);
    uint32_t *ends = r->ends;
    /* (a full list only has to stay full: its count over CC_SEG_ENDS says so) */
    size_t ne = r->ne < CC_SEG_ENDS ? r->ne : CC_SEG_ENDS;
    cc_token *tok_at[64];   /* [first byte]: the token */
    do {
        unsigned a = ctz64(first), b = ctz64(last);
        first &= first - 1;
        last &= last - 1;
        unsigned v = tok_byte[p[a]];
        t->start = (uint32_t)(base + a);
        t->end = (uint32_t)(base + b + 1);
        t->type = (uint8_t)(CC_TOK_PUNCT - (v >> TOKB_TYPE));
        t->flags = (uint8_t)(((spaced >> a) & 1) * CC_TF_SPACE_BEFORE | (v & CC_TF_UPPER));
        t->wid = 0;
        tok_at[a] = t;
        ends[ne] = ti++;
        ne += (v / TOKB_STOP) & 1;
        t++;
    } while (last);
    /* the words' ids, in a loop of lookups alone (each independent of the
     * others): words of up to 7 letters by their key, longer ones by the
     * general lookup */
    const cc_words *w = r->w;
    uint64_t words = let_first & (next - base < 64 ? (1ull << (next - base)) - 1 : ~0ull);
    uint64_t run2 = let & let >> 1, run4 = run2 & run2 >> 2;
    uint64_t long_first = words & run4 & run4 >> 4;
    for (uint64_t m = words & ~long_first; m; m &= m - 1) {
        unsigned a = ctz64(m), len = ctz64(~let >> a);
        tok_at[a]->wid = find_upto7(w, (load8(p + a) | case_bits) & key_mask[len - 1]);
    }
    /* words of capitals alone are few: marked here, from the last letter */
    for (uint64_t m = all_caps & ((2ull << (next - base - 1)) - 1); m; m &= m - 1) {
        unsigned b = ctz64(m);
        tok_at[top_bit64(let_first & ((2ull << b) - 1))]->flags |= CC_TF_ALLCAPS;
    }
    /* longer words: up to 16 letters (nearly all) by their two key words,
     * the rest by the general lookup */
    for (uint64_t m = long_first; m; m &= m - 1) {
        unsigned a = ctz64(m), len = ctz64(~let >> a);
        cc_token *lt = tok_at[a];
        if (len <= 16)
            lt->wid = find_upto16(w, load8(p + a) | case_bits, (load8(p + a + 8) | case_bits) & key_mask2[len - 8], len);
        else
            lt->wid = cc_words_id(w, r->s + lt->start, len, r->end - lt->start);
    }
    r->t = t;
    r->ne = ne;
    r->pending = 0;
    return next;
}

/* Tokens of text[start, end), each word with its id in the recognisers'
 * word lists (cc_token.wid), looked up while its bytes are at hand, and
 * the list of ".", "!" and "?" tokens (ends, *nends). The sentence index
 * (cc_token.sent) is left to cc_segment. ASCII text goes 64 bytes at a
 * time through tokens_block; bytes >= 0x80 and tokens of 63 bytes or
 * more through tokens_bytes. */
static bool tokenize(const cc_words *w, const char *text, size_t start, size_t end, cc_vec *toks,
                     uint32_t *ends, size_t *nends)
{
    toks->len = 0;
    /* one token per byte at most: no capacity test per token */
    if (!reserve_toks(toks, end - start)) return false;
    tok_run r = {w, (const unsigned char *)text, end, toks->data, toks->data, ends, 0, 0};
    size_t i = start;
    if (!w) i = tokens_bytes(&r, i, end);   /* (no word table: the block path looks words up) */
    /* the last bytes, fewer than a block reads, are copied padded with
     * spaces: no read past the paragraph */
    unsigned char tail[TOK_BLOCK_READ + 64 + 16];
    size_t tail_at = SIZE_MAX;
    size_t beyond = 0;   /* bytes past a block's last byte >= 0x80 left to tokens_bytes */
    while (i < end) {
        const unsigned char *p = r.s + i;
        if (end - i < TOK_BLOCK_READ) {
            if (tail_at == SIZE_MAX) {
                tail_at = i;
                memcpy(tail, p, end - i);
                memset(tail + (end - i), ' ', sizeof tail - (end - i));
            }
            p = tail + (i - tail_at);
        }
        tok_block kb;
        classify64(p, &kb);
        size_t next = tokens_block(&r, p, i, &kb);
        beyond = kb.high ? beyond : 0;
        if (kb.high) {
            /* letters beyond ASCII: byte by byte past the block's last
             * byte >= 0x80, and further while blocks keep having them
             * (text in a script beyond ASCII, or accented, would otherwise
             * classify every 64 bytes for a few tokens) */
            size_t stop = i + top_bit64(kb.high) + 1 + beyond;
            i = tokens_bytes(&r, next, stop < end ? stop : end);
            beyond = beyond < 1024 ? 2 * beyond + 64 : beyond;
        } else if (next > i) {
            i = next;
        } else if (kb.space & 1) {
            /* white space before a token that ends beyond the block (or
             * 64 bytes of it: the padding of the last bytes is spaces) */
            r.pending = CC_TF_SPACE_BEFORE;
            size_t run = ~kb.space ? ctz64(~kb.space) : 64;
            i = run < end - i ? i + run : end;
        } else {
            i = tokens_bytes(&r, i, i + 1);   /* a token of 63 bytes or more */
        }
    }
    toks->len = (size_t)(r.t - r.tok0);
    *nends = r.ne;
    return true;
}

static bool tok_char(const char *text, const cc_token *t, char ch)
{
    return t->end - t->start == 1 && text[t->start] == ch;
}

/* Is tokens[i] (a "." token) the end of a sentence? */
static bool dot_ends_sentence(const concur_engine *e, const char *text, const cc_token *tk,
                              size_t n, size_t i)
{
    if (i == 0) return false;
    const cc_token *prev = &tk[i - 1];
    /* part of "..." : only the last dot decides */
    if (i + 1 < n && tok_char(text, &tk[i + 1], '.') && !(tk[i + 1].flags & CC_TF_SPACE_BEFORE))
        return false;
    if (prev->type == CC_TOK_WORD && !(tk[i].flags & CC_TF_SPACE_BEFORE)) {
        size_t wl = prev->end - prev->start;
        /* an initial: "J." or the last letter of "U.S." */
        if (wl == 1 && (prev->flags & CC_TF_UPPER)) return false;
        if (wl == 1 && i >= 2 && tok_char(text, &tk[i - 2], '.')) return false;
        /* "e.g." / "u.s.": join "x.y" before the dot */
        size_t k = i - 1;
        const cc_lex_row *r;
        if (k >= 2 && tok_char(text, &tk[k - 1], '.') && tk[k - 2].type == CC_TOK_WORD &&
            tk[k - 2].end - tk[k - 2].start <= 3) {
            char buf[40];
            size_t bl = cc_tok_lower(text, &tk[k - 2], buf, 8);
            buf[bl++] = '.';
            bl += cc_tok_lower(text, prev, buf + bl, 8);
            r = cc_lex_find(e->abbrev, buf, bl);
        } else {
            r = prev->wid < e->nabbrev_row ? e->abbrev_row[prev->wid] : NULL;
        }
        if (r) {
            const char *how = r->col[1] ? r->col[1] : "always";
            if (!strcmp(how, "always")) return false;
            /* "No. 822", "Art. 2": not an end before a number */
            if (i + 1 < n && tk[i + 1].type == CC_TOK_NUM) return false;
            if (!strcmp(how, "name")) {
                if (i + 1 < n && tk[i + 1].type == CC_TOK_WORD && !(tk[i + 1].flags & CC_TF_UPPER))
                    return false;
                /* "Inc. said": usually continues when followed by a lower word */
            }
        }
    }
    return true;
}

/* The sentence state of cc_segment while it walks the tokens. */
typedef struct sent_walk {
    size_t first;    /* first token of the open sentence */
    uint32_t idx;    /* its index */
} sent_walk;

/* A slot for the next sentence: cc_vec_push's call (and the zeroing that
 * the callers, who set every field, do not need) only when the list is
 * full -- once per document, the list being kept between paragraphs. */
static inline cc_sentence *push_sent(cc_vec *sents)
{
    if (sents->len < sents->cap) return &((cc_sentence *)sents->data)[sents->len++];
    return cc_vec_push(sents);
}

/* Does the sentence end at tk[i] (a ".", "!" or "?")? If so, closes it
 * (the tokens' sentence index, a cc_sentence) and returns 1 with *next the
 * first token of the next one; 0: no end here; 2: the paragraph ends
 * within the closing marks; -1: out of memory. */
static int end_at(const concur_engine *e, const char *text, cc_token *tk, size_t n, size_t i, sent_walk *w,
                  cc_vec *sents, size_t *next)
{
    char c = text[tk[i].start];
    if (c == '.' && !dot_ends_sentence(e, text, tk, n, i)) return 0;
    /* closing quotes, brackets and footnote markers stay with the sentence */
    size_t j = i + 1;
    while (j < n && !(tk[j].flags & CC_TF_SPACE_BEFORE) && tk[j].type == CC_TOK_PUNCT) {
        char q = text[tk[j].start];
        if (q == '"' || q == '\'' || q == ')' || q == ']' || q == '!' || q == '?' || q == '.') { j++; continue; }
        break;
    }
    /* footnote marker: "[1]" right after the dot */
    if (j + 2 < n && tok_char(text, &tk[j], '[') && !(tk[j].flags & CC_TF_SPACE_BEFORE) &&
        tk[j + 1].type == CC_TOK_NUM && tok_char(text, &tk[j + 2], ']'))
        j += 3;
    if (j >= n) return 2;
    const cc_token *nx = &tk[j];
    if (!(nx->flags & CC_TF_SPACE_BEFORE)) return 0;
    bool starts = (nx->type == CC_TOK_WORD && (nx->flags & CC_TF_UPPER)) || nx->type == CC_TOK_NUM ||
                  (nx->type == CC_TOK_PUNCT && strchr("\"'([", text[nx->start])) ||
                  (nx->type == CC_TOK_WORD && c != '.');
    if (nx->type == CC_TOK_WORD && !(nx->flags & CC_TF_UPPER) &&
        (unsigned char)text[nx->start] >= 0x80)
        starts = true;   /* scripts without case */
    if (!starts) return 0;
    /* (unrolled: a store per 20-byte token, the loop's own test was half
     * the work) */
    const uint32_t idx = w->idx;
#pragma GCC unroll 4
    for (size_t q = w->first; q < j; q++) tk[q].sent = idx;
    tk[w->first].flags |= CC_TF_SENT_START;
    cc_sentence *s = push_sent(sents);
    if (!s) return -1;
    s->tok_start = (uint32_t)w->first;
    s->tok_end = (uint32_t)j;
    s->start = tk[w->first].start;
    s->end = tk[j - 1].end;
    w->first = j;
    w->idx++;
    *next = j;
    return 1;
}

bool cc_segment(const concur_engine *e, const char *text, size_t start, size_t end, cc_vec *toks,
                cc_vec *sents)
{
    /* the tokenizer lists the ".", "!" and "?" tokens: only they can end a
     * sentence, and a walk over all tokens for them would test a branch
     * per token that no predictor learns */
    uint32_t ends[CC_SEG_ENDS + 64];   /* (+ 64: see tokens_block) */
    size_t nends = 0;
    if (!tokenize(e->words, text, start, end, toks, ends, &nends)) return false;
    sents->len = 0;
    cc_token *tk = toks->data;
    size_t n = toks->len;
    sent_walk w = {0, 0};
    size_t next = 0;
    if (nends < CC_SEG_ENDS) {   /* (a full list may have had its last slot overwritten) */
        for (size_t q = 0; q < nends; q++) {
            size_t i = ends[q];
            if (i < next) continue;   /* a closing mark of the sentence before */
            int r = end_at(e, text, tk, n, i, &w, sents, &next);
            if (r < 0) return false;
            if (r == 2) break;
        }
    } else {
        /* more candidates than the list holds: every token is looked at */
        for (size_t i = 0; i < n; i++) {
            if (i < next || tk[i].type != CC_TOK_PUNCT || tk[i].end - tk[i].start != 1) continue;
            char c = text[tk[i].start];
            if (c != '.' && c != '!' && c != '?') continue;
            int r = end_at(e, text, tk, n, i, &w, sents, &next);
            if (r < 0) return false;
            if (r == 2) break;
        }
    }
    size_t sent_first = w.first;
    uint32_t sidx = w.idx;
    if (sent_first < n) {
#pragma GCC unroll 4
        for (size_t q = sent_first; q < n; q++) tk[q].sent = sidx;
        tk[sent_first].flags |= CC_TF_SENT_START;
        cc_sentence *s = push_sent(sents);
        if (!s) return false;
        s->tok_start = (uint32_t)sent_first;
        s->tok_end = (uint32_t)n;
        s->start = tk[sent_first].start;
        s->end = tk[n - 1].end;
    }
    return true;
}
