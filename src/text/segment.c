/* segment.c -- sentences and tokens of one paragraph of clean text.
 *
 * Tokens: words (letters of any script), ASCII digit runs, single
 * punctuation code points. Sentences end at . ! ? (and "...") followed by
 * space and a capital, digit or opening quote, unless the word before the
 * dot is an abbreviation (data/lexicon/en/abbrev.tsv) or an initial. */
#include "words.h"

#include <utf8proc.h>

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

/* Room for `n` tokens in toks (a paragraph of n bytes has at most n). */
static bool reserve_toks(cc_vec *toks, size_t n)
{
    if (n <= toks->cap) return true;
    size_t cap = toks->cap ? toks->cap : 64;
    while (cap < n) cap *= 2;
    if (cap > SIZE_MAX / sizeof(cc_token)) return false;
    void *p = realloc(toks->data, cap * sizeof(cc_token));
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
            t->wid = w ? find_upto7(w, (x | case_bits) & mask, k) : 0;
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

/* Tokens of text[start, end), each word with its id in the recognisers'
 * word lists (cc_token.wid), looked up while its bytes are at hand. The
 * sentence index (cc_token.sent) is left to cc_segment. */
/* Room for the ".", "!" and "?" tokens of a paragraph that tokenize lists
 * for the sentence splitter; past it, cc_segment looks at every token. */
#define CC_SEG_ENDS 1024

static bool tokenize(const cc_words *w, const char *text, size_t start, size_t end, cc_vec *toks,
                     uint32_t *ends, size_t *nends)
{
    size_t ne = 0;
    const unsigned char *s = (const unsigned char *)text;
    size_t i = start;
    uint8_t pending = 0;
    toks->len = 0;
    /* one token per byte at most: no capacity test per token */
    if (!reserve_toks(toks, end - start)) return false;
    cc_token *t = toks->data;
    while (i < end) {
        unsigned char c = s[i];
        if (c <= ' ' && (c == ' ' || c == '\n' || c == '\t' || c == '\r')) {
            pending = CC_TF_SPACE_BEFORE;
            i++;
            continue;
        }
        t->start = (uint32_t)i;
        if (ascii_alpha(c)) {
            i = word_token(w, s, i, end, pending, t);
        } else if (c < 0x80) {
            size_t j = i + 1;
            t->type = CC_TOK_PUNCT;
            if (c >= '0' && c <= '9') {
                while (j < end && s[j] >= '0' && s[j] <= '9') j++;
                t->type = CC_TOK_NUM;
            }
            t->end = (uint32_t)j;
            t->flags = pending;
            t->wid = 0;
            i = j;
            /* a sentence-end candidate, written without a branch (the
             * write lands in the last slot once the list is full; the
             * count then says it overflowed) */
            ends[ne < CC_SEG_ENDS ? ne : CC_SEG_ENDS - 1] = (uint32_t)(t - (cc_token *)toks->data);
            ne += (size_t)(c == '.' || c == '!' || c == '?');
        } else {
            int l;
            uint32_t cp = cc_utf8_decode(s + i, end - i, &l);
            if (is_letter_cp(cp)) {
                i = word_token_any(w, s, i, (size_t)l, end, is_upper_cp(cp), pending, t);
            } else {
                t->type = (cp == 0xFFFD) ? CC_TOK_OTHER : CC_TOK_PUNCT;
                t->end = (uint32_t)(i + (size_t)l);
                t->flags = pending;
                t->wid = 0;
                i += (size_t)l;
            }
        }
        pending = 0;
        t++;
        /* most tokens are followed by one space: taken here, without a
         * turn of the loop */
        if (i < end && s[i] == ' ') {
            pending = CC_TF_SPACE_BEFORE;
            i++;
        }
    }
    toks->len = (size_t)(t - (cc_token *)toks->data);
    *nends = ne;
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
    for (size_t q = w->first; q < j; q++) tk[q].sent = w->idx;
    tk[w->first].flags |= CC_TF_SENT_START;
    cc_sentence *s = cc_vec_push(sents);
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
    uint32_t ends[CC_SEG_ENDS];
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
        for (size_t q = sent_first; q < n; q++) tk[q].sent = sidx;
        tk[sent_first].flags |= CC_TF_SENT_START;
        cc_sentence *s = cc_vec_push(sents);
        if (!s) return false;
        s->tok_start = (uint32_t)sent_first;
        s->tok_end = (uint32_t)n;
        s->start = tk[sent_first].start;
        s->end = tk[n - 1].end;
    }
    return true;
}
