/* dates.c -- dates, times, durations and sets (TIMEX3).
 *
 * Runs first on each paragraph. A candidate starts only at a NUM token or
 * at a word of the date lexicon (data/lexicon/en/dates.tsv); everything
 * else is rejected with one binary search. From a trigger, a small
 * recursive-descent matcher reads the longest expression it knows:
 *
 *   expr  := [mod | approx | every | earlier/later] core [ago|later] [partday]
 *   core  := numeric date | day month [year] | month [day] [, year]
 *          | weekday [date] | year-in-context | decade | century | season
 *          | shift unit/month/weekday | rel word | ref word | quarter
 *          | number unit (duration) | time of day [tz] [date]
 *
 * Values follow ISO-TimeML. Partial dates take their year from the
 * reference date (news mode) or from the document's own timeline
 * (narrative mode); see docs/dates.md. Per-document state (timeline,
 * numeric day/month order) lives in the doc's arena. */
#include "../internal.h"

#include <ctype.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#define LEX_UNKNOWN 0xFFFFu   /* rows must number fewer: wrow holds row + 1 in 16 bits */

/* ------------------------------------------------------------- tables */
enum {
    K_NONE = 0, K_MONTH, K_WDAY, K_SEASON, K_PARTDAY, K_UNIT, K_NUMW, K_ORD, K_REL, K_REF,
    K_SHIFT, K_MOD, K_APPROX, K_EVERY, K_SETW, K_HOLIDAY, K_YPREP, K_YNOUN, K_TIMEW, K_TZ,
    K_AMPM, K_AGO, K_FISCAL, K_FUT, K_AGEWORD, K_PAST, K_QABBR,
    /* context classes: they never start a date and may share a word with
     * one of the classes above (lex_has) */
    K_YID, K_YCOUNT, K_POSS, K_TCONN, K_TLINK, K_SUPERL, K_REPORT, K_NOTPAST, K_TENSE
};

static const char *const k_names[] = {
    "", "month", "wday", "season", "partday", "unit", "numw", "ord", "rel", "ref",
    "shift", "mod", "approx", "every", "setw", "holiday", "yprep", "ynoun", "timew", "tz",
    "ampm", "ago", "fiscal", "fut", "ageword", "past", "qabbr",
    "yid", "ycount", "poss", "tconn", "tlink", "superl", "report", "notpast", "tense"
};

/* `tense` rows: column 2 lists what the word does for the tense cues of
 * future_sentence and past_verb_near */
enum {
    TF_FUT_AFTER_APOS = 1,  /* a future cue after an apostrophe: we'll */
    TF_FUT_AFTER_BE = 2,    /* a future cue after a TF_BE word: "is to resume" */
    TF_BE = 4,              /* is, are */
    TF_PASSIVE = 8,         /* a verb in -ed after it is no past cue: "is expected" */
    TF_PRESENT = 16,        /* not past: is, would (against a verb in -ed) */
    TF_REPORTED = 32,       /* a past cue of reported speech: said */
    TF_ADJ_BEFORE = 64,     /* a word in -ed after it is an adjective: "the proposed" */
};
static const char *const tf_names[] = {"fut_after_apos", "fut_after_be", "be", "passive", "present", "reported",
                                       "adj_before"};

/* The words the rules below test one token at a time ("the", "of", "past"
 * ...). They are registered in the engine's word table at init, so that
 * testing a token is a compare of its word id (cc_token.wid) with the
 * word's: word_is(c, i, W_PAST). */
#define DATE_WORDS(X) \
    X(A, "a") X(AFTER, "after") X(AGE, "age") X(AGED, "aged") X(AGES, "ages") X(AGO, "ago") \
    X(ALL, "all") X(AN, "an") X(AND, "and") X(AS, "as") X(BEFORE, "before") X(BETWEEN, "between") \
    X(BY, "by") X(CENTURY, "century") X(CLOCK, "clock") X(COMING, "coming") X(COUPLE, "couple") \
    X(CURRENT, "current") X(DATE, "date") X(DOZEN, "dozen") X(EARLIER, "earlier") X(EARLY, "early") \
    X(END, "end") X(ENDED, "ended") X(ENDING, "ending") X(FALL, "fall") X(FEW, "few") \
    X(FISCAL, "fiscal") X(FOLLOWING, "following") X(FOR, "for") X(FROM, "from") X(FULL, "full") \
    X(FUTURE, "future") X(HALF, "half") X(HENCE, "hence") X(HIGH, "high") X(IN, "in") X(ISH, "ish") \
    X(LAST, "last") X(LATE, "late") X(LATER, "later") X(LATEST, "latest") X(M, "m") X(MANY, "many") \
    X(MID, "mid") X(MIN, "min") X(MINS, "mins") X(MINUTES, "minutes") X(MONTH, "month") X(ND, "nd") \
    X(NEAR, "near") X(NEXT, "next") X(NOW, "now") X(O, "o") X(OF, "of") X(OLD, "old") \
    X(OLDER, "older") X(ON, "on") X(ONCE, "once") X(OR, "or") X(OTHER, "other") X(OVER, "over") \
    X(P, "p") X(PAST, "past") X(PERIOD, "period") X(PRECEDING, "preceding") X(PREVIOUS, "previous") \
    X(QUARTER, "quarter") X(RD, "rd") X(RECENT, "recent") X(S, "s") X(SINCE, "since") X(SO, "so") \
    X(SOME, "some") X(SOON, "soon") X(ST, "st") X(STARTING, "starting") X(TH, "th") X(THAN, "than") \
    X(THAT, "that") X(THE, "the") X(THIS, "this") X(THOUSAND, "thousand") X(THROUGH, "through") \
    X(THRU, "thru") X(TILL, "till") X(TIMES, "times") X(TO, "to") X(TWICE, "twice") X(TWO, "two") \
    X(UNDER, "under") X(UNTIL, "until") X(UP, "up") X(WEEK, "week") X(WITHIN, "within") \
    X(YEAR, "year") X(YOUNGER, "younger")
#define W_ENUM(id, text) W_##id,
enum { W_NONE_ = 0, DATE_WORDS(W_ENUM) W_COUNT };
#undef W_ENUM
#define W_TEXT(id, text) text,
static const char *const w_text[W_COUNT] = {"", DATE_WORDS(W_TEXT)};
#undef W_TEXT

typedef struct dt_entry {
    uint8_t kind;
    int ival;
    const char *sval;   /* column 2 */
    const char *extra;  /* column 3 */
    uint32_t extra_wid; /* word id of extra when it is one word (approx: "than") */
    uint16_t lo, hi;    /* the rows of the same key: [lo, hi) */
    uint64_t kinds;     /* bit k: some row of the same key has class k */
    char follow[8];     /* a holiday's first word ("new"): the bytes that
                           follow it in its longer keys, a space skipped */
} dt_entry;

/* dt_tables.wflag bits, by word id */
enum {
    WF_START = 1,       /* a date word that may start a date (cc_dates_scan) */
    WF_AFTER_NUM = 2,   /* after a number it may make a date (num_may_start) */
    WF_AFTER_NUMW = 4,  /* the same after a number word (numw_may_start) */
    WF_AFTER_SHIFT = 8, /* the same after "this", "last" ... (word_may_start) */
    WF_SHIFT_QTY = 16,  /* a shift word that may count: "the past two weeks" */
    WF_AFTER_ORD = 32,  /* after an ordinal: "the fourth of July" */
    WF_NEXT_SLOW = 64,  /* "of", "and", "fiscal", "than", "least": after a
                           start word, word_may_start decides (wneed) */
    WF_DATE_WORD = 128, /* a date word (lex_at) not of K_PAST: what may
                           follow "about" (word_may_start) */
};

typedef struct dt_tables {
    const cc_lexicon *lex;
    dt_entry *ent;      /* parallel to lex->rows */
    uint16_t *wrow;     /* [word id]: row + 1 of the one-word key, 0 = none */
    uint8_t *wflag;     /* [word id]: WF_ bits */
    uint8_t *wtense;    /* [word id]: TF_ bits of its tense rows */
    uint8_t *wneed;     /* [word id] of a WF_START word: the wflag bits one
                           of which a next word token must have for
                           word_may_start to hold (0: no such test) */
    size_t nwrow;
    uint32_t wid[W_COUNT]; /* the ids of DATE_WORDS */
} dt_tables;

bool cc_dates_init(concur_engine *e)
{
    const cc_lexicon *lx = cc_lexicon_get("dates");
    if (!lx || lx->nrows >= LEX_UNKNOWN) return false;   /* rows fit wrow */
    dt_tables *t = calloc(1, sizeof *t);
    if (!t) return false;
    uint32_t *ids = NULL;
    t->lex = lx;
    t->ent = calloc(lx->nrows ? lx->nrows : 1, sizeof *t->ent);
    if (!t->ent) goto fail;
    for (int w = 1; w < W_COUNT; w++)
        if (!(t->wid[w] = cc_words_add(e->words, w_text[w], strlen(w_text[w])))) goto fail;
    for (size_t i = 0; i < lx->nrows; i++) {
        const cc_lex_row *r = &lx->rows[i];
        dt_entry *en = &t->ent[i];
        for (size_t k = 1; k < sizeof k_names / sizeof *k_names; k++)
            if (r->col[1] && !strcmp(r->col[1], k_names[k])) { en->kind = (uint8_t)k; break; }
        en->sval = r->col[2] ? r->col[2] : "";
        en->extra = r->col[3] ? r->col[3] : "";
        en->ival = r->col[2] ? atoi(r->col[2]) : 0;
        if ((en->kind == K_APPROX || en->kind == K_MOD) && en->extra[0] && !strchr(en->extra, ' ') &&
            strlen(en->extra) <= CC_WORDS_MAXLEN && !(en->extra_wid = cc_words_add(e->words, en->extra, strlen(en->extra))))
            goto fail;
    }
    /* rows of one key are adjacent (the lexicon is sorted): each row
     * knows their range and the classes among them (lex_find, lex_has) */
    for (size_t i = 0, j; i < lx->nrows; i = j) {
        uint64_t kinds = 0;
        for (j = i; j < lx->nrows && !strcmp(lx->rows[j].col[0], lx->rows[i].col[0]); j++)
            kinds |= 1ull << t->ent[j].kind;
        for (size_t k = i; k < j; k++) {
            t->ent[k].lo = (uint16_t)i;
            t->ent[k].hi = (uint16_t)j;
            t->ent[k].kinds = kinds;
        }
    }
    /* the one-word keys by word id (cc_token.wid): the per-word test. A
     * key that no word token can equal (upper case, non-ASCII first byte,
     * longer than 16 bytes) is left out; of equal keys the first row wins. */
    ids = calloc(lx->nrows ? lx->nrows : 1, sizeof *ids);
    if (!ids) goto fail;
    for (size_t i = 0; i < lx->nrows; i++) {
        const char *k = lx->rows[i].col[0];
        size_t kl = strlen(k);
        bool ok = kl && kl <= 16 && (unsigned char)k[0] < 0x80 && !strchr(k, ' ');
        for (size_t q = 0; ok && q < kl; q++) ok = !(k[q] >= 'A' && k[q] <= 'Z');
        if (!ok) continue;
        ids[i] = cc_words_add(e->words, k, kl);
        if (!ids[i]) goto fail;
    }
    t->nwrow = cc_words_count(e->words);
    t->wrow = calloc(t->nwrow, sizeof *t->wrow);
    if (!t->wrow) goto fail;
    /* a word's entry is its first row of a date class; context rows
     * (K_YID and after) are found through it (lex_has) */
    for (size_t i = 0; i < lx->nrows; i++)
        if (ids[i] && (!t->wrow[ids[i]] || (t->ent[t->wrow[ids[i]] - 1].kind >= K_YID && t->ent[i].kind < K_YID)))
            t->wrow[ids[i]] = (uint16_t)(i + 1);
    t->wflag = calloc(t->nwrow, 1);
    t->wtense = calloc(t->nwrow, 1);
    t->wneed = calloc(t->nwrow, 1);
    if (!t->wflag || !t->wtense || !t->wneed) goto fail;
    /* the tense rows: flags by name, a name not known is an error */
    for (size_t i = 0; i < lx->nrows; i++) {
        if (t->ent[i].kind != K_TENSE || !ids[i]) continue;
        for (const char *f = t->ent[i].sval; *f;) {
            size_t fl = strcspn(f, ",");
            size_t k = 0;
            while (k < sizeof tf_names / sizeof *tf_names && !(strlen(tf_names[k]) == fl && !strncmp(f, tf_names[k], fl))) k++;
            if (k == sizeof tf_names / sizeof *tf_names) goto fail;
            t->wtense[ids[i]] |= (uint8_t)(1u << k);
            f += fl;
            if (*f == ',') f++;
        }
    }
    free(ids);
    ids = NULL;
    for (size_t w = 1; w < t->nwrow; w++) {
        const dt_entry *en = t->wrow[w] ? &t->ent[t->wrow[w] - 1] : NULL;
        /* the classes that never start a date; a word of more than 13
         * bytes never does either */
        if (en && en->kind < K_YID && en->kind != K_YPREP && en->kind != K_YNOUN && en->kind != K_TZ &&
            en->kind != K_AMPM && en->kind != K_FUT && en->kind != K_AGEWORD && en->kind != K_PAST &&
            strlen(lx->rows[t->wrow[w] - 1].col[0]) <= 13)
            t->wflag[w] |= WF_START;
        int k = en && en->kind < K_YID ? en->kind : K_NONE;
        if (k == K_AMPM || k == K_TZ || k == K_MONTH || k == K_UNIT || (en && (en->kinds >> K_TLINK & 1)))
            t->wflag[w] |= WF_AFTER_NUM;
        if (k == K_NUMW || k == K_UNIT) t->wflag[w] |= WF_AFTER_NUMW;
        if (k == K_UNIT || k == K_MONTH || k == K_WDAY || k == K_SEASON || k == K_PARTDAY) t->wflag[w] |= WF_AFTER_SHIFT;
        if (k == K_MONTH || k == K_NUMW) t->wflag[w] |= WF_AFTER_ORD;
    }
    /* the words the may-start tests name (see there) */
    static const uint8_t after_num[] = {W_AND, W_A, W_P, W_PAST, W_MIN, W_MINS, W_MINUTES, W_IN,
                                        W_TH, W_ST, W_ND, W_RD, W_S, W_ISH};
    static const uint8_t after_numw[] = {W_PAST, W_MIN, W_MINS, W_MINUTES};
    static const uint8_t shift_qty[] = {W_PAST, W_LAST, W_NEXT, W_COMING, W_FOLLOWING, W_PREVIOUS, W_PRECEDING};
    static const uint8_t after_ord[] = {W_OF, W_QUARTER, W_HALF, W_WEEK, W_MONTH, W_CENTURY};
    for (size_t k = 0; k < sizeof after_num; k++) t->wflag[t->wid[after_num[k]]] |= WF_AFTER_NUM;
    for (size_t k = 0; k < sizeof after_numw; k++) t->wflag[t->wid[after_numw[k]]] |= WF_AFTER_NUMW;
    for (size_t k = 0; k < sizeof shift_qty; k++) t->wflag[t->wid[shift_qty[k]]] |= WF_SHIFT_QTY;
    for (size_t k = 0; k < sizeof after_ord; k++) t->wflag[t->wid[after_ord[k]]] |= WF_AFTER_ORD;
    /* The common start words ("a", "this", "that", "at", "about") mostly
     * fail word_may_start on the word after them. For a next token that
     * is a word, wneed lets the scan turn them down from the two words'
     * flags alone, without the lexicon row; each set of bits is what
     * word_may_start needs of such a word for its class, and the words it
     * names there get WF_NEXT_SLOW, so that they are left to it. */
    static const uint8_t next_slow[] = {W_OF, W_AND, W_FISCAL};
    for (size_t k = 0; k < sizeof next_slow; k++) t->wflag[t->wid[next_slow[k]]] |= WF_NEXT_SLOW;
    for (size_t w = 1; w < t->nwrow; w++) {
        const dt_entry *en = t->wrow[w] ? &t->ent[t->wrow[w] - 1] : NULL;
        if (en && en->kind < K_YID && en->kind != K_PAST) t->wflag[w] |= WF_DATE_WORD;
        if (en && en->kind == K_APPROX && en->extra_wid) t->wflag[en->extra_wid] |= WF_NEXT_SLOW;
    }
    for (size_t w = 1; w < t->nwrow; w++) {
        if (!(t->wflag[w] & WF_START)) continue;
        const dt_entry *en = &t->ent[t->wrow[w] - 1];
        uint8_t need = 0;
        if (en->kinds >> K_QABBR & 1) need = 0;
        else if (en->kind == K_NUMW) need = WF_AFTER_NUMW | WF_NEXT_SLOW;
        else if (en->kind == K_SHIFT && w != t->wid[W_PAST])
            need = WF_AFTER_SHIFT | WF_NEXT_SLOW | (t->wflag[w] & WF_SHIFT_QTY ? WF_AFTER_NUMW : 0);
        else if (en->kind == K_APPROX) need = en->extra[0] ? WF_NEXT_SLOW : WF_DATE_WORD;
        else if (en->kind == K_ORD) need = WF_AFTER_ORD;
        t->wneed[w] = need;
    }
    /* a holiday's first word: what may follow it (word_may_start) */
    for (size_t i = 0; i < lx->nrows; i++) {
        dt_entry *en = &t->ent[i];
        if (en->kind != K_HOLIDAY || en->sval[0] != '-') continue;
        const char *key = lx->rows[i].col[0];
        size_t kl = strlen(key), nf = 0;
        /* the keys it begins follow its own rows (the rows are sorted) */
        for (size_t r = en->lo; r < lx->nrows && !strncmp(lx->rows[r].col[0], key, kl); r++) {
            const char *k2 = lx->rows[r].col[0];
            if (!k2[kl]) continue;
            unsigned char b = (unsigned char)k2[kl] == ' ' ? (unsigned char)k2[kl + 1] : (unsigned char)k2[kl];
            if (!b || strchr(en->follow, b)) continue;
            if (nf + 1 >= sizeof en->follow) { memset(en->follow, 0, sizeof en->follow); break; } /* too many: always try */
            en->follow[nf++] = (char)b;
        }
    }
    e->dates = t;
    /* id 0 (not a word of any list, and every token that is not a word)
     * has no flag: the scan loop reads wflag[0] for those without a test */
    t->wflag[0] = 0;
    return true;
fail:
    free(ids);
    e->dates = t;
    cc_dates_free(e);
    return false;
}

void cc_dates_free(concur_engine *e)
{
    dt_tables *t = e->dates;
    if (!t) return;
    free(t->ent);
    free(t->wrow);
    free(t->wflag);
    free(t->wtense);
    free(t->wneed);
    free(t);
    e->dates = NULL;
}

/* ------------------------------------------------- values as text */
/* snprintf and sscanf for the few conversions the values here use. The C
 * library's cost several hundred instructions a call, and values are
 * written on most tokens that start a date. fmt has snprintf's output,
 * truncation and return value for %s %c %d %u (l: long), a 0 flag and a
 * width, and precisions %.Ns %.*s; scan has sscanf's result for %Nd
 * (white space skipped, then a sign and digits, N characters at most),
 * %c and literal characters. */
#if defined(__GNUC__)
#define CC_PRINTF(f, a) __attribute__((format(printf, f, a)))
#define CC_SCANF(f, a) __attribute__((format(scanf, f, a)))
#else
#define CC_PRINTF(f, a)
#define CC_SCANF(f, a)
#endif

typedef struct fbuf {
    char b[128];
    size_t n;               /* the length written so far (may exceed b) */
} fbuf;

static inline void fb_put(fbuf *o, char ch)
{
    if (o->n < sizeof o->b) o->b[o->n] = ch;
    o->n++;
}

static void fb_pad(fbuf *o, char ch, size_t k)
{
    while (k--) fb_put(o, ch);
}

/* an integer as printf writes it: width counts the sign */
static void fb_int(fbuf *o, bool neg, unsigned long u, int width, bool zero)
{
    char d[CC_FMT_UINT_MAX];
    int nd = (int)(cc_fmt_uint(d, u) - d);   /* the digits, as the writers print them */
    int len = nd + (neg ? 1 : 0);
    if (!zero && width > len) fb_pad(o, ' ', (size_t)(width - len));
    if (neg) fb_put(o, '-');
    if (zero && width > len) fb_pad(o, '0', (size_t)(width - len));
    for (int k = 0; k < nd; k++) fb_put(o, d[k]);
}

/* o's text into out (cap bytes), truncated as snprintf truncates */
static int fb_out(const fbuf *o, char *out, size_t cap)
{
    if (cap) {
        size_t k = o->n < cap - 1 ? o->n : cap - 1;
        if (k > sizeof o->b) k = sizeof o->b;
        memcpy(out, o->b, k);
        out[k] = 0;
    }
    return (int)o->n;
}

/* snprintf(out, cap, "%s", str) */
static void put_str(char *out, size_t cap, const char *str)
{
    size_t l = strlen(str);
    if (!cap) return;
    if (l > cap - 1) l = cap - 1;
    memcpy(out, str, l);
    out[l] = 0;
}

static int fmt(char *out, size_t cap, const char *f, ...) CC_PRINTF(3, 4);
static int fmt(char *out, size_t cap, const char *f, ...)
{
    fbuf o;
    o.n = 0;
    va_list ap;
    va_start(ap, f);
    for (; *f; f++) {
        if (*f != '%') { fb_put(&o, *f); continue; }
        f++;
        bool zero = false, lng = false;
        int width = 0, prec = -1;
        if (*f == '0') { zero = true; f++; }
        while (*f >= '0' && *f <= '9') width = width * 10 + (*f++ - '0');
        if (*f == '.') {
            f++;
            if (*f == '*') { prec = va_arg(ap, int); f++; }
            else for (prec = 0; *f >= '0' && *f <= '9'; f++) prec = prec * 10 + (*f - '0');
        }
        if (*f == 'l') { lng = true; f++; }
        switch (*f) {
        case 's': {
            const char *str = va_arg(ap, const char *);
            size_t l = 0;
            while ((prec < 0 || l < (size_t)prec) && str[l]) l++;
            if (width > 0 && (size_t)width > l) fb_pad(&o, ' ', (size_t)width - l);
            for (size_t k = 0; k < l; k++) fb_put(&o, str[k]);
            break;
        }
        case 'c':
            fb_put(&o, (char)va_arg(ap, int));
            break;
        case 'd': {
            long v = lng ? va_arg(ap, long) : va_arg(ap, int);
            fb_int(&o, v < 0, v < 0 ? 0UL - (unsigned long)v : (unsigned long)v, width, zero);
            break;
        }
        case 'u': {
            unsigned long v = lng ? va_arg(ap, unsigned long) : va_arg(ap, unsigned);
            fb_int(&o, false, v, width, zero);
            break;
        }
        case '%':
            fb_put(&o, '%');
            break;
        default: /* no other conversion is used here */
            break;
        }
        if (!*f) break;
    }
    va_end(ap);
    return fb_out(&o, out, cap);
}

static int scan(const char *s, const char *f, ...) CC_SCANF(2, 3);
static int scan(const char *s, const char *f, ...)
{
    va_list ap;
    va_start(ap, f);
    int got = 0;
    for (; *f; f++) {
        if (*f != '%') {
            if (*s != *f) break;
            s++;
            continue;
        }
        f++;
        int width = 0;
        while (*f >= '0' && *f <= '9') width = width * 10 + (*f++ - '0');
        if (*f == 'c') {
            if (!*s) break;
            *va_arg(ap, char *) = *s++;
            got++;
            continue;
        }
        /* %d */
        while (*s == ' ' || (*s >= '\t' && *s <= '\r')) s++;
        int left = width ? width : INT_MAX;
        bool neg = false;
        if ((*s == '-' || *s == '+') && left > 1) { neg = *s == '-'; s++; left--; }
        else if (*s == '-' || *s == '+') break;
        if (!(*s >= '0' && *s <= '9')) break;
        long v = 0;
        for (; left > 0 && *s >= '0' && *s <= '9'; s++, left--)
            if (v < INT_MAX / 10) v = v * 10 + (*s - '0'); /* more digits than an int holds: no overflow */
        *va_arg(ap, int *) = (int)(neg ? -v : v);
        got++;
    }
    va_end(ap);
    return got;
}

/* ------------------------------------------------------ calendar maths */
static long days_from_civil(int y, int m, int d)
{
    y -= m <= 2;
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;
    long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

static void civil_from_days(long z, int *y, int *m, int *d)
{
    z += 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long yy = yoe + era * 400;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    *d = (int)(doy - (153 * mp + 2) / 5 + 1);
    *m = (int)(mp < 10 ? mp + 3 : mp - 9);
    *y = (int)(yy + (*m <= 2));
}

static int weekday_of(long days) /* 1 = Monday .. 7 = Sunday */
{
    long w = (days + 3) % 7; /* 1970-01-01 was a Thursday */
    if (w < 0) w += 7;
    return (int)w + 1;
}

static int days_in_month(int y, int m)
{
    static const int dm[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m == 2) return (y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)) ? 29 : 28;
    return dm[m - 1];
}

static void iso_week(long days, int *wy, int *wk)
{
    int wd = weekday_of(days);
    long thu = days - wd + 4; /* the Thursday of this week decides the year */
    int y, m, d;
    civil_from_days(thu, &y, &m, &d);
    long jan1 = days_from_civil(y, 1, 1);
    *wy = y;
    *wk = (int)((thu - jan1) / 7 + 1);
}

/* ------------------------------------------------------ document state */
struct cc_date_state {
    int mode;               /* CONCUR_DATES_NEWS or _NARRATIVE */
    int ry, rm, rd;         /* anchor for news: reference or dateline date (0 = none) */
    int cy, cm, cd;         /* narrative timeline: last stated year/month/day */
    size_t csent;           /* document sentence of the last stated year */
    int order;              /* numeric dates: 0 undecided, 1 month first, 2 day first */
    int textual_dmy, textual_mdy;
    char last_val[24];      /* value of the last calendar date mentioned */
    size_t last_sent;       /* its document sentence */
    char last_q[8];         /* the last calendar quarter mentioned (1989-Q3) */
    size_t last_q_sent;     /* its document sentence */
};

static cc_date_state *state(concur_doc *d)
{
    if (d->dates) return d->dates;
    cc_date_state *s = cc_arena_alloc(&d->arena, sizeof *s);
    if (!s) { d->oom = true; return NULL; }
    if (d->ref_date[0] && scan(d->ref_date, "%4d-%2d-%2d", &s->ry, &s->rm, &s->rd) == 3 &&
        s->rm >= 1 && s->rm <= 12 && s->rd >= 1 && s->rd <= 31) {
        /* ok */
    } else {
        s->ry = s->rm = s->rd = 0;
    }
    if (d->opt.date_mode == CONCUR_DATES_NEWS || d->opt.date_mode == CONCUR_DATES_NARRATIVE)
        s->mode = d->opt.date_mode;
    else
        s->mode = s->ry ? CONCUR_DATES_NEWS : CONCUR_DATES_NARRATIVE;
    /* an earlier piece's timeline and numeric order (cc_dates_carry) */
    int y = 0, m = 0, dd = 0, order = 0;
    if (d->opt.carry && scan(d->opt.carry, "d%d-%d-%d/%d", &y, &m, &dd, &order) == 4 && y >= 1 && y <= 9999 &&
        m >= 0 && m <= 12 && dd >= 0 && dd <= 31 && order >= 0 && order <= 2) {
        s->cy = y;
        s->cm = m;
        s->cd = dd;
        s->order = order;
    }
    s->csent = (size_t)-1;
    d->dates = s;
    return s;
}

void cc_dates_doc_free(concur_doc *d) { (void)d; /* state lives in the doc arena */ }

/* "d<year>-<month>-<day>/<order>" of the timeline at the document's end
 * (0 for unknown parts), or "" when there is none. */
void cc_dates_carry(const concur_doc *d, char *buf, size_t cap)
{
    const cc_date_state *s = d->dates;
    if (!cap) return;
    buf[0] = 0;
    if (s && (s->cy || s->order))
        fmt(buf, cap, "d%d-%d-%d/%d", s->cy ? s->cy : 0, s->cm, s->cd, s->order);
}

/* ------------------------------------------------------------ matcher */
enum { T_DATE = 0, T_TIME, T_DURATION, T_SET };
static const char *const t_names[] = {"DATE", "TIME", "DURATION", "SET"};

typedef struct dres {
    size_t s, e;            /* tokens [s, e) */
    int type;
    char val[48];
    const char *mod;
    char beg[32], endv[32];
    char alt[48];
    int y, m, dd;           /* stated (or resolved) parts, for the timeline */
    bool year_stated;       /* the text states the year */
    bool the_ok;            /* a "the" before belongs to the expression */
    bool yearish;           /* a bare-year reading */
    bool anaphoric;         /* counted from the date just told: not a new anchor */
    char tpart[16];         /* a clock time: its "T17:30" part ("" none) */
    char tend[16];          /* a clock range: the end's "T18" part */
    bool dated;             /* the clock time took a date written beside it */
    bool tap;               /* the clock time states am/pm */
} dres;

/* A cleared result. GCC clears a dres (248 bytes) with `rep stos`, whose
 * start-up costs more than the few vector stores of this copy, and the
 * parsers clear one at every try (parse_core, often several times). */
static const dres dres_zero;
static inline void dres_clear(dres *r) { *r = dres_zero; }

typedef struct dctx {
    const dt_tables *t;
    concur_doc *d;
    cc_date_state *st;
    const cc_para *p;
    const char *text;
    const cc_token *tk;
    size_t n;
    size_t floor;           /* first token not yet consumed */
    bool span_end;          /* parsing the second end of an interval */
} dctx;

/* The lexicon row of word token i, or NULL: the one-word key of the
 * token's word id, looked up once by the tokenizer (cc_token.wid; 0 for
 * every other token). */
static inline const dt_entry *lex_row(const dctx *c, size_t i)
{
    if (i >= c->n) return NULL;
    uint32_t id = c->tk[i].wid;
    unsigned r = id < c->t->nwrow ? c->t->wrow[id] : 0;
    return r ? &c->t->ent[r - 1] : NULL;
}

/* The date entry of word token i: a word that is only in context classes
 * is no date word. */
static inline const dt_entry *lex_at(const dctx *c, size_t i)
{
    const dt_entry *e = lex_row(c, i);
    return e && e->kind < K_YID ? e : NULL;
}

static int kind_at(const dctx *c, size_t i)
{
    const dt_entry *e = lex_at(c, i);
    return e ? e->kind : K_NONE;
}

/* Does word token i have a row of class kind (its entry or another row of
 * the same word)? Rows of one word are adjacent: the lexicon is sorted. */
static const dt_entry *lex_find(const dctx *c, size_t i, int kind)
{
    const dt_entry *e = lex_row(c, i);
    if (!e || !(e->kinds >> kind & 1)) return NULL;
    if (e->kind == kind) return e;
    for (size_t k = e->lo; k < e->hi; k++)
        if (c->t->ent[k].kind == kind) return &c->t->ent[k];
    return NULL;
}

static bool lex_has(const dctx *c, size_t i, int kind)
{
    const dt_entry *e = lex_row(c, i);
    return e && (e->kinds >> kind & 1);
}

static bool is_p(const dctx *c, size_t i, char ch)
{
    return i < c->n && c->tk[i].type == CC_TOK_PUNCT && c->tk[i].end - c->tk[i].start == 1 &&
           c->text[c->tk[i].start] == ch;
}

/* Is token i the word w (W_THE ...)? Word ids are given to word tokens
 * only, so this is cc_tok_is without reading the bytes. */
static inline bool word_is(const dctx *c, size_t i, int w)
{
    return i < c->n && c->tk[i].wid == c->t->wid[w];
}

/* Is token i the word of id (a row's extra_wid; 0 never matches)? */
static inline bool wid_is(const dctx *c, size_t i, uint32_t id)
{
    return id && i < c->n && c->tk[i].wid == id;
}

static bool glued(const dctx *c, size_t i) /* no space before token i */
{
    return i < c->n && !(c->tk[i].flags & CC_TF_SPACE_BEFORE);
}

static bool is_num(const dctx *c, size_t i) { return i < c->n && c->tk[i].type == CC_TOK_NUM; }

static int num_len(const dctx *c, size_t i) { return (int)(c->tk[i].end - c->tk[i].start); }

static long num_val(const dctx *c, size_t i)
{
    long v = 0;
    size_t len = c->tk[i].end - c->tk[i].start;
    if (len > 9) return -1;
    for (size_t k = c->tk[i].start; k < c->tk[i].end; k++) v = v * 10 + (c->text[k] - '0');
    return v;
}

static bool same_sent(const dctx *c, size_t i, size_t j)
{
    return i < c->n && j < c->n && c->tk[i].sent == c->tk[j].sent;
}

/* "st" "nd" "rd" "th" glued to a number */
static bool ord_suffix(const dctx *c, size_t i)
{
    return glued(c, i) && (word_is(c, i, W_TH) || word_is(c, i, W_ST) || word_is(c, i, W_ND) ||
                           word_is(c, i, W_RD));
}

/* ---------------------------------------------------- anchor dates */
/* News: the reference (or dateline) date. Narrative: the story's own
 * timeline, then the reference. Returns the precision: 3 day, 2 month,
 * 1 year, 0 none. */
static int anchor(const dctx *c, int *y, int *m, int *d)
{
    const cc_date_state *s = c->st;
    if (s->mode == CONCUR_DATES_NARRATIVE && s->cy) {
        *y = s->cy; *m = s->cm; *d = s->cd;
        return s->cd ? 3 : s->cm ? 2 : 1;
    }
    if (s->ry) { *y = s->ry; *m = s->rm; *d = s->rd; return 3; }
    if (s->cy) { *y = s->cy; *m = s->cm; *d = s->cd; return s->cd ? 3 : s->cm ? 2 : 1; }
    return 0;
}

static bool future_sentence(const dctx *c, size_t i);
static bool past_sentence(const dctx *c, size_t i);
static void day_text(char *out, size_t cap, long days);
static void compose_time(dctx *c, dres *r);
static void period_day(const char *v, bool end, char *out, size_t cap);
static bool past_verb_near(const dctx *c, size_t i);

/* "by February", "until 9 a.m. Tuesday", "as soon as Tuesday": a deadline
 * lies ahead */
static bool deadline_before(const dctx *c, size_t tok)
{
    size_t pv = tok;
    while (pv > 0 && (word_is(c, pv - 1, W_EARLY) || word_is(c, pv - 1, W_LATE) || word_is(c, pv - 1, W_MID) ||
                      is_num(c, pv - 1) || kind_at(c, pv - 1) == K_AMPM || kind_at(c, pv - 1) == K_TZ ||
                      is_p(c, pv - 1, '.') || is_p(c, pv - 1, ':') ||
                      /* the letters of "a.m.", "p.m." */
                      (c->tk[pv - 1].type == CC_TOK_WORD && c->tk[pv - 1].end - c->tk[pv - 1].start == 1 &&
                       is_p(c, pv, '.') && glued(c, pv))))
        pv--;
    if (pv == 0) return false;
    const dt_entry *pe = lex_at(c, pv - 1);
    if (pe && pe->kind == K_YPREP && pe->sval && !strcmp(pe->sval, "ON_OR_BEFORE")) return true;
    return pv > 2 && word_is(c, pv - 1, W_AS) && word_is(c, pv - 2, W_SOON) && word_is(c, pv - 3, W_AS);
}

/* Year for a month (and day) stated without one. */
static int pick_year(const dctx *c, size_t tok, int m, int dd, bool *resolved)
{
    const cc_date_state *s = c->st;
    size_t sent = c->p->sent_base + c->tk[tok].sent;
    *resolved = true;
    bool recent_ctx = s->cy && s->csent != (size_t)-1 && sent == s->csent;
    if (s->mode == CONCUR_DATES_NARRATIVE || recent_ctx || !s->ry) {
        if (s->cy) return s->cy;
    }
    if (s->ry) {
        /* the reference year, unless the tense says otherwise: a past
         * sentence about a later month means last year's */
        /* the reading nearest to the reference date */
        long ref = days_from_civil(s->ry, s->rm, s->rd);
        int best = s->ry;
        long bestd = -1;
        for (int y = s->ry - 1; y <= s->ry + 1; y++) {
            int day = dd ? dd : 15;
            if (day > days_in_month(y, m)) day = days_in_month(y, m);
            long dist = labs(days_from_civil(y, m, day) - ref);
            if (bestd < 0 || dist < bestd) { bestd = dist; best = y; }
        }
        /* a past-tense sentence about a month well after the reference
         * date speaks of last year's */
        int day = dd ? dd : 1;
        if (day > days_in_month(best, m)) day = days_in_month(best, m);
        long ahead = days_from_civil(best, m, day) - ref;
        bool fut = deadline_before(c, tok) || future_sentence(c, tok);
        /* "since March", "since late July" (the yprep whose mod is
         * ON_OR_AFTER): a start that has been, never one ahead */
        size_t pv = tok > 0 && kind_at(c, tok - 1) == K_MOD ? tok - 1 : tok;
        const dt_entry *pe = pv > 0 ? lex_at(c, pv - 1) : NULL;
        bool since = pe && pe->kind == K_YPREP && !strcmp(pe->sval, "ON_OR_AFTER");
        if (since) {
            if (ahead > 0) best--;
        } else if (ahead > 31 && !fut && (ahead > 92 || past_sentence(c, tok) || past_verb_near(c, tok))) best--;
        /* a future sentence about a month well before the reference date
         * speaks of next year's */
        else if (ahead < -92 && fut && best < s->ry + 1) best++;
        return best;
    }
    *resolved = false;
    return 0;
}

static void set_date(dres *r, int y, int m, int d, bool yres)
{
    if (!yres) {
        if (d) fmt(r->val, sizeof r->val, "XXXX-%02d-%02d", m, d);
        else if (m) fmt(r->val, sizeof r->val, "XXXX-%02d", m);
        else fmt(r->val, sizeof r->val, "XXXX");
        r->m = m; r->dd = d;
        return;
    }
    if (y >= 0 && y <= 9999 && m >= 0 && m <= 99 && d >= 0 && d <= 99) {
        /* the common case without printf: the same text as below */
        char *o = r->val;
        o[0] = (char)('0' + y / 1000);
        o[1] = (char)('0' + y / 100 % 10);
        o[2] = (char)('0' + y / 10 % 10);
        o[3] = (char)('0' + y % 10);
        size_t n = 4;
        if (d || m) {
            o[n++] = '-';
            o[n++] = (char)('0' + m / 10);
            o[n++] = (char)('0' + m % 10);
        }
        if (d) {
            o[n++] = '-';
            o[n++] = (char)('0' + d / 10);
            o[n++] = (char)('0' + d % 10);
        }
        o[n] = 0;
    } else if (d) fmt(r->val, sizeof r->val, "%04d-%02d-%02d", y, m, d);
    else if (m) fmt(r->val, sizeof r->val, "%04d-%02d", y, m);
    else fmt(r->val, sizeof r->val, "%04d", y);
    r->y = y; r->m = m; r->dd = d;
}

static bool valid_ymd(int y, int m, int d)
{
    return y >= 1 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 && d <= days_in_month(y, m);
}

/* ------------------------------------------------------ sub-parsers */
static bool parse_core(dctx *c, size_t i, dres *r, bool year_ok);
static bool parse_expr(dctx *c, size_t i, dres *r);
typedef struct dclock dclock;
static void clock_in_partday(dclock *t, const char *pd);

/* a 4-digit year at i (optionally "1992-93"); year_ok: context says so */
static bool year_at(const dctx *c, size_t i, bool year_ok)
{
    if (!is_num(c, i) || num_len(c, i) != 4) return false;
    long v = num_val(c, i);
    if (v < 1000 || v > 2100) return false;
    /* "1992.5", "1992,000", "1992%" */
    if (i + 2 < c->n && glued(c, i + 1) && (is_p(c, i + 1, '.') || is_p(c, i + 1, ',')) &&
        is_num(c, i + 2) && glued(c, i + 2))
        return false;
    if (glued(c, i + 1) && is_p(c, i + 1, '%')) return false;
    (void)year_ok;
    return true;
}

/* a spoken year at k: "nineteen ninety-six", "nineteen eighty", "two
 * thousand [and] one"; sets *y and *end (one past its last token) */
static bool spoken_year(const dctx *c, size_t k, int *y, size_t *end)
{
    const dt_entry *a = lex_at(c, k), *b = lex_at(c, k + 1);
    if (!a || a->kind != K_NUMW) return false;
    if (b && b->kind == K_NUMW && a->ival >= 11 && a->ival <= 19 && b->ival >= 20 && b->ival <= 90 && b->ival % 10 == 0) {
        int v = a->ival * 100 + b->ival;
        size_t j = k + 2;
        size_t j2 = is_p(c, j, '-') ? j + 1 : j;
        const dt_entry *u = lex_at(c, j2);
        if (u && u->kind == K_NUMW && u->ival >= 1 && u->ival <= 9 && !word_is(c, j2, W_A) && !word_is(c, j2, W_AN)) {
            v += u->ival;
            j = j2 + 1;
        }
        *y = v;
        *end = j;
        return true;
    }
    if (word_is(c, k, W_TWO) && word_is(c, k + 1, W_THOUSAND)) {
        int v = 2000;
        size_t j = k + 2;
        size_t j2 = word_is(c, j, W_AND) ? j + 1 : j;
        const dt_entry *u = lex_at(c, j2);
        if (u && u->kind == K_NUMW && u->ival >= 1 && u->ival <= 19 && !word_is(c, j2, W_A) && !word_is(c, j2, W_AN)) {
            v += u->ival;
            j = j2 + 1;
        } else if (u && u->kind == K_NUMW && u->ival >= 20 && u->ival <= 90 && u->ival % 10 == 0) {
            /* "two thousand and thirty two", "two thousand forty-one" */
            v += u->ival;
            j = j2 + 1;
            size_t j3 = is_p(c, j, '-') && glued(c, j) ? j + 1 : j;
            const dt_entry *u2 = lex_at(c, j3);
            if (u2 && u2->kind == K_NUMW && u2->ival >= 1 && u2->ival <= 9 && !word_is(c, j3, W_A) && !word_is(c, j3, W_AN)) {
                v += u2->ival;
                j = j3 + 1;
            }
        }
        *y = v;
        *end = j;
        return true;
    }
    return false;
}

/* A day of the month written as an ordinal at k: "9th", "ninth",
 * "twenty-first", "thirty first"; sets *day and *end. */
static bool day_word_at(const dctx *c, size_t k, int *day, size_t *end)
{
    if (is_num(c, k) && num_len(c, k) <= 2 && ord_suffix(c, k + 1)) {
        long v = num_val(c, k);
        if (v < 1 || v > 31) return false;
        *day = (int)v; *end = k + 2;
        return true;
    }
    const dt_entry *e = lex_at(c, k);
    if (!e) return false;
    if (e->kind == K_ORD && e->ival >= 1 && e->ival <= 31) { *day = e->ival; *end = k + 1; return true; }
    if (e->kind == K_NUMW && (e->ival == 20 || e->ival == 30)) {
        size_t j = is_p(c, k + 1, '-') && glued(c, k + 1) ? k + 2 : k + 1;
        const dt_entry *u = lex_at(c, j);
        if (u && u->kind == K_ORD && u->ival >= 1 && u->ival <= 9 && e->ival + u->ival <= 31) {
            *day = e->ival + u->ival; *end = j + 1;
            return true;
        }
    }
    return false;
}

/* "may", "march": month names that are common words */
static bool month_word_ambiguous(const dctx *c, size_t i, int month)
{
    return month == 5 || month == 3 || (c->tk[i].end - c->tk[i].start) <= 3;
}

/* month [.] [day[th]] [,] [year] -- i is the month token */
static bool parse_month(dctx *c, size_t i, dres *r, int month)
{
    size_t j = i + 1;
    bool upper = (c->tk[i].flags & CC_TF_UPPER) != 0;
    if (is_p(c, j, '.') && glued(c, j)) j++;
    if (is_p(c, j, ',') && is_num(c, j + 1) && num_len(c, j + 1) <= 2 && ord_suffix(c, j + 2)) j++; /* "October, 1st" */
    if (is_p(c, j, '/') && glued(c, j) && is_num(c, j + 1) && glued(c, j + 1) && num_len(c, j + 1) <= 2 &&
        !(is_p(c, j + 2, '/') && glued(c, j + 2)))
        j++; /* "Oct/2" */
    /* a lower-case month name only with a day or year after it */
    if (!upper && !(is_num(c, j) && (num_len(c, j) <= 2 || num_len(c, j) == 4) && month != 5) &&
        !((word_is(c, j, W_OF) || ((is_p(c, j, '-') || is_p(c, j, '/')) && glued(c, j))) && year_at(c, j + 1, true)) &&
        !(!month_word_ambiguous(c, i, month) && (kind_at(c, j) == K_ORD || kind_at(c, j) == K_NUMW || word_is(c, j, W_THE))) &&
        !(month == 5 && (kind_at(c, j) == K_ORD || (kind_at(c, j) == K_NUMW && (lex_at(c, j)->ival == 20 || lex_at(c, j)->ival == 30)))) &&
        !(j + 1 < c->n && kind_at(c, j + 1) == K_MONTH) && !(i > 1 && kind_at(c, i - 2) == K_MONTH && c->span_end))
        return false;
    /* day */
    if (is_num(c, j) && num_len(c, j) <= 2 && num_val(c, j) >= 1 && num_val(c, j) <= 31 &&
        !(is_p(c, j + 1, ':') && glued(c, j + 1) && is_num(c, j + 2) && glued(c, j + 2))) {
        int day = (int)num_val(c, j);
        size_t k = j + 1;
        if (ord_suffix(c, k)) k++;
        int day2 = 0;
        size_t k2 = k;
        if (is_p(c, k2, '-') && is_num(c, k2 + 1) && num_len(c, k2 + 1) <= 2 && num_val(c, k2 + 1) > day &&
            num_val(c, k2 + 1) <= 31) {
            day2 = (int)num_val(c, k2 + 1);
            k = k2 + 2;
        }
        size_t yk = k;
        if (is_p(c, yk, ',')) yk++;
        if (year_at(c, yk, true)) {
            int y = (int)num_val(c, yk);
            if (!valid_ymd(y, month, day)) return false;
            set_date(r, y, month, day, true);
            r->year_stated = true;
            if (day2 && valid_ymd(y, month, day2)) {
                fmt(r->beg, sizeof r->beg, "%04d-%02d-%02d", y, month, day);
                fmt(r->endv, sizeof r->endv, "%04d-%02d-%02d", y, month, day2);
            }
            r->s = i; r->e = yk + 1;
            return true;
        }
        /* "May 2" but not "May 2 people" */
        bool res;
        int y = pick_year(c, i, month, day, &res);
        if (res && !valid_ymd(y, month, day)) return false;
        if (!res && day > days_in_month(2000, month)) return false;
        set_date(r, y, month, day, res);
        if (day2 && res) {
            fmt(r->beg, sizeof r->beg, "%04d-%02d-%02d", y, month, day);
            fmt(r->endv, sizeof r->endv, "%04d-%02d-%02d", y, month, day2);
        }
        r->s = i; r->e = k;
        return true;
    }
    /* "January first 2000", "april the ninth", "february twenty second" */
    {
        size_t k0 = j;
        if (word_is(c, k0, W_THE)) k0++;
        int day;
        size_t de;
        if ((upper || !month_word_ambiguous(c, i, month) || k0 > j) && day_word_at(c, k0, &day, &de) &&
            !is_num(c, j) && same_sent(c, i, de - 1) && day <= days_in_month(2000, month)) {
            size_t yk = de;
            if (is_p(c, yk, ',') || word_is(c, yk, W_OF)) yk++;
            int sy;
            size_t se;
            if (year_at(c, yk, true) && same_sent(c, i, yk)) {
                int y = (int)num_val(c, yk);
                if (!valid_ymd(y, month, day)) return false;
                set_date(r, y, month, day, true);
                r->year_stated = true;
                r->s = i; r->e = yk + 1;
                return true;
            }
            if (spoken_year(c, yk, &sy, &se) && valid_ymd(sy, month, day)) {
                set_date(r, sy, month, day, true);
                r->year_stated = true;
                r->s = i; r->e = se;
                return true;
            }
            bool res;
            int y = pick_year(c, i, month, day, &res);
            if (res && !valid_ymd(y, month, day)) return false;
            set_date(r, y, month, day, res);
            r->s = i; r->e = de;
            return true;
        }
    }
    /* month [,|of|-|/] year: "Dec-2018", "dec/2018" */
    size_t yk = i + 1;
    if (is_p(c, yk, ',') || word_is(c, yk, W_OF) ||
        ((is_p(c, yk, '-') || is_p(c, yk, '/')) && glued(c, yk) && glued(c, yk + 1)))
        yk++;
    if (year_at(c, yk, true)) {
        set_date(r, (int)num_val(c, yk), month, 0, true);
        r->year_stated = true;
        r->s = i; r->e = yk + 1;
        return true;
    }
    int sy;
    size_t se;
    if (upper && spoken_year(c, yk, &sy, &se)) {
        set_date(r, sy, month, 0, true);
        r->year_stated = true;
        r->s = i; r->e = se;
        return true;
    }
    /* the month alone: only where the context makes it a month */
    bool ambiguous = month_word_ambiguous(c, i, month);
    /* a span of two months: "from March to May", "between august and
     * october", "jan-feb 2017" */
    bool span = (i + 2 < c->n && (is_p(c, i + 1, '-') || lex_has(c, i + 1, K_TLINK) || word_is(c, i + 1, W_AND) ||
                                  word_is(c, i + 1, W_THROUGH)) &&
                 kind_at(c, i + 2) == K_MONTH && same_sent(c, i, i + 2) &&
                 (is_p(c, i + 1, '-') || (i > 0 && (word_is(c, i - 1, W_FROM) || word_is(c, i - 1, W_BETWEEN))))) ||
                (i > 1 && (is_p(c, i - 1, '-') || lex_has(c, i - 1, K_TLINK) || word_is(c, i - 1, W_AND) ||
                           word_is(c, i - 1, W_THROUGH)) && kind_at(c, i - 2) == K_MONTH && c->span_end);
    if (!upper && !span) return false;
    if (i > 0 && !(c->tk[i].flags & CC_TF_SENT_START) && (c->tk[i - 1].flags & CC_TF_UPPER) &&
        c->tk[i - 1].type == CC_TOK_WORD && !lex_at(c, i - 1) && !(span && is_p(c, i + 1, '-')))
        return false; /* "Theresa May", "Queen August"; not "Korea Jan-Feb 2017" */
    if (i + 1 < c->n && c->tk[i + 1].type == CC_TOK_WORD && (c->tk[i + 1].flags & CC_TF_UPPER) &&
        !lex_at(c, i + 1) && same_sent(c, i, i + 1))
        return false; /* "August Wilson" */
    if (ambiguous && !span) {
        int pk = i > 0 ? kind_at(c, i - 1) : K_NONE;
        if (!(pk == K_YPREP || pk == K_SHIFT || pk == K_MOD || pk == K_EVERY)) return false;
        if (i > 0 && word_is(c, i - 1, W_BY)) return false;
    }
    bool res;
    int y = pick_year(c, i, month, 0, &res);
    set_date(r, y, month, 0, res);
    r->s = i; r->e = i + 1;
    return true;
}

/* day [th] [of] month [year]; also "25-26 February 1992" */
static bool parse_day_month(dctx *c, size_t i, dres *r)
{
    long day = num_val(c, i);
    if (num_len(c, i) > 2 || day < 1 || day > 31) return false;
    size_t j = i + 1;
    long day2 = 0;
    if (is_p(c, j, '-') && is_num(c, j + 1) && num_len(c, j + 1) <= 2 && num_val(c, j + 1) > day &&
        num_val(c, j + 1) <= 31) {
        day2 = num_val(c, j + 1);
        j += 2;
    }
    bool ord = false;
    if (ord_suffix(c, j)) { j++; ord = true; }
    if (word_is(c, j, W_OF)) {
        if (!ord) return false;
        j++;
        r->the_ok = true; /* "the 25th of February" */
    }
    const dt_entry *me = lex_at(c, j);
    if (!me || me->kind != K_MONTH) return false;
    /* "14 nov 2023": a lower-case month with a year after it */
    if (!(c->tk[j].flags & CC_TF_UPPER) && month_word_ambiguous(c, j, me->ival) &&
        !(year_at(c, j + 1, true) || (is_p(c, j + 1, ',') && year_at(c, j + 2, true))))
        return false;
    int month = me->ival;
    size_t k = j + 1;
    if (is_p(c, k, '.') && glued(c, k) && c->tk[j].end - c->tk[j].start <= 4) k++;
    size_t yk = k;
    if (is_p(c, yk, ',')) yk++;
    int y;
    bool res = true;
    if (year_at(c, yk, true)) {
        y = (int)num_val(c, yk);
        r->year_stated = true;
        k = yk + 1;
    } else {
        y = pick_year(c, i, month, (int)day, &res);
        if (k > j + 1 && !same_sent(c, j, k)) k = j + 1;
    }
    if (res && !valid_ymd(y, month, (int)day)) return false;
    if (!res && day > days_in_month(2000, month)) return false;
    set_date(r, y, month, (int)day, res);
    if (day2 && res && valid_ymd(y, month, (int)day2)) {
        fmt(r->beg, sizeof r->beg, "%04d-%02d-%02d", y, month, (int)day);
        fmt(r->endv, sizeof r->endv, "%04d-%02d-%02d", y, month, (int)day2);
    }
    r->s = i; r->e = k;
    return true;
}

/* "on the 18th", "on 29th": a day of the month alone after "on"; the
 * month nearest the anchor that has that day */
static bool parse_day_alone(dctx *c, size_t i, dres *r)
{
    int day;
    size_t de;
    if (!day_word_at(c, i, &day, &de)) return false;
    size_t p = i > 0 && word_is(c, i - 1, W_THE) ? i - 1 : i;
    if (!(p > 0 && p - 1 >= c->floor && word_is(c, p - 1, W_ON))) return false;
    if (word_is(c, de, W_OF) || kind_at(c, de) == K_MONTH || kind_at(c, de) == K_UNIT ||
        (de < c->n && same_sent(c, i, de) && c->tk[de].type == CC_TOK_WORD && !lex_at(c, de) &&
         !lex_has(c, de, K_TCONN) && !word_is(c, de, W_AND) && !word_is(c, de, W_OR)))
        return false; /* "on the 18th floor", "on the 3rd day" */
    int y, m, d;
    if (anchor(c, &y, &m, &d) < 2) return false;
    long base = days_from_civil(y, m, d ? d : 1), best = 0, bestd = -1;
    for (int k = -1; k <= 1; k++) {
        long t = (long)y * 12 + (m - 1) + k;
        int yy = (int)(t / 12), mm = (int)(t % 12 + 1);
        if (day > days_in_month(yy, mm)) continue;
        long dd = days_from_civil(yy, mm, day);
        if (bestd < 0 || labs(dd - base) < bestd) { bestd = labs(dd - base); best = dd; }
    }
    if (bestd < 0) return false;
    day_text(r->val, sizeof r->val, best);
    r->s = i; r->e = de; r->type = T_DATE; r->the_ok = true;
    return true;
}

/* Bit k set where p[k] (k < 16) is an ASCII digit. SSE2 (part of every
 * x86-64) where the compiler has it, else word at a time as in
 * segment.c. */
static inline unsigned digit_bits16(const char *p)
{
#if defined(__SSE2__)
    __m128i x = _mm_loadu_si128((const __m128i *)(const void *)p);
    __m128i d = _mm_sub_epi8(x, _mm_set1_epi8('0'));   /* a digit: 0..9 */
    return (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(_mm_min_epu8(d, _mm_set1_epi8(9)), d));
#else
    unsigned bits = 0;
    for (int w = 0; w < 2; w++) {
        const uint64_t ones = 0x0101010101010101ull, high = ones * 0x80, low7 = ones * 0x7F;
        unsigned char b[8];
        uint64_t x;
        memcpy(&x, p + 8 * w, 8);
        uint64_t y = x & low7;
        uint64_t m = (y + ones * (0x80 - '0')) & ~(y + ones * (0x80 - '9' - 1)) & ~x & high;
        if (!m) continue;
        memcpy(b, &m, 8); /* memory order, whatever the byte order */
        for (int k = 0; k < 8; k++)
            if (b[k]) bits |= 1u << (8 * w + k);
    }
    return bits;
#endif
}

/* The lowest set bit of m (not 0). */
static inline size_t low_bit(uint32_t m)
{
#if defined(__GNUC__) && UINT_MAX >= 0xFFFFFFFFu
    return (size_t)__builtin_ctz(m);
#else
    size_t k = 0;
    while (!(m & 1u)) m >>= 1, k++;
    return k;
#endif
}

static inline bool is_digit(char ch) { return (unsigned)(ch - '0') < 10u; }

/* A numeric date at t[i] (a digit): "25/06/1992" counts for day first
 * (*dmy), "06/25/1992" for month first (*mdy), as numeric_order reads. */
static void order_evidence(const char *t, size_t n, size_t i, int *dmy, int *mdy)
{
    if (i && (is_digit(t[i - 1]) || t[i - 1] == '/' || t[i - 1] == '.' || t[i - 1] == '-')) return;
    size_t k = i;
    int a = 0, b = 0, la = 0, lb = 0;
    while (k < n && is_digit(t[k]) && la < 3) a = a * 10 + (t[k++] - '0'), la++;
    if (la > 2 || k >= n || (t[k] != '/' && t[k] != '.' && t[k] != '-')) return;
    char sp = t[k++];
    while (k < n && is_digit(t[k]) && lb < 3) b = b * 10 + (t[k++] - '0'), lb++;
    if (lb < 1 || lb > 2 || k >= n || t[k] != sp || k + 1 >= n || !is_digit(t[k + 1])) return;
    if (a > 12 && a <= 31 && b >= 1 && b <= 12) (*dmy)++;
    else if (b > 12 && b <= 31 && a >= 1 && a <= 12) (*mdy)++;
}

/* The day/month order of this document's numeric dates: first from an
 * unambiguous numeric date anywhere in it, then from the textual dates
 * seen so far, then from the separator. Decided once per document. */
static int numeric_order(dctx *c, char sep)
{
    cc_date_state *s = c->st;
    if (s->order) return s->order;
    const char *t = c->d->text.out.data;
    size_t n = c->d->text.out.len;
    int dmy = 0, mdy = 0;
    /* every digit t[i] with i + 5 < n; most of a text has none: 32
     * bytes are tested at a time, and their digits visited by bit */
    size_t lim = n > 5 ? n - 5 : 0, i = 0;
    for (; i + 32 <= n && i < lim; i += 32)
        for (uint32_t m = digit_bits16(t + i) | (uint32_t)digit_bits16(t + i + 16) << 16; m; m &= m - 1) {
            size_t k = i + low_bit(m);
            if (k < lim) order_evidence(t, n, k, &dmy, &mdy);
        }
    for (; i < lim; i++)
        if (is_digit(t[i])) order_evidence(t, n, i, &dmy, &mdy);
    if (dmy > mdy) s->order = 2;
    else if (mdy > dmy) s->order = 1;
    else if (s->textual_dmy != s->textual_mdy) s->order = s->textual_dmy > s->textual_mdy ? 2 : 1;
    else s->order = sep == '/' ? 1 : 2;
    return s->order;
}

/* A numeric day and month without a year ("on 22/04", "from 10/1 to
 * 11/7", "next 5/12"): only with "/" and after a word that makes it a
 * date (on, from, to, until, by, between, next, this, last, a weekday) or
 * as the start of a dash span ("10/1-11/2/2017"); the order as for full
 * numeric dates, the year as for a month and day without one. */
static int numeric_order(dctx *c, char sep);
static bool parse_numeric_md(dctx *c, size_t i, dres *r)
{
    if (!(is_p(c, i + 1, '/') && glued(c, i + 1) && is_num(c, i + 2) && glued(c, i + 2))) return false;
    if (num_len(c, i) > 2 || num_len(c, i + 2) > 2) return false;
    if (glued(c, i + 3) && (is_p(c, i + 3, '/') || is_p(c, i + 3, '.') || is_num(c, i + 3))) return false;
    if (i > 0 && glued(c, i) && (is_p(c, i - 1, '/') || is_num(c, i - 1) || is_p(c, i - 1, '.'))) return false;
    bool ctx = i > 0 && (word_is(c, i - 1, W_ON) || word_is(c, i - 1, W_FROM) || lex_has(c, i - 1, K_TLINK) ||
                         word_is(c, i - 1, W_BY) || word_is(c, i - 1, W_BETWEEN) || word_is(c, i - 1, W_NEXT) ||
                         word_is(c, i - 1, W_THIS) || word_is(c, i - 1, W_LAST) || kind_at(c, i - 1) == K_WDAY ||
                         c->span_end);
    bool span = is_p(c, i + 3, '-') && glued(c, i + 3) && is_num(c, i + 4) && glued(c, i + 4);
    if (!ctx && !span) return false;
    long a = num_val(c, i), b = num_val(c, i + 2);
    bool can_md = a >= 1 && a <= 12 && b >= 1 && b <= days_in_month(2000, (int)a);
    bool can_dm = b >= 1 && b <= 12 && a >= 1 && a <= days_in_month(2000, (int)b);
    if (!can_md && !can_dm) return false;
    int m, d;
    if (can_md && can_dm && a != b) {
        if (numeric_order(c, '/') == 1) { m = (int)a; d = (int)b; } else { m = (int)b; d = (int)a; }
    } else if (can_md) { m = (int)a; d = (int)b; }
    else { m = (int)b; d = (int)a; }
    bool res;
    int y = pick_year(c, i, m, d, &res);
    if (res && !valid_ymd(y, m, d)) return false;
    set_date(r, y, m, d, res);
    r->s = i; r->e = i + 3; r->type = T_DATE;
    return true;
}

/* 1992-02-25, 25.02.1992, 2/25/1992, 25/02/92 */
static bool parse_numeric(dctx *c, size_t i, dres *r)
{
    if (i + 4 >= c->n + 0 && i + 4 > c->n) return false;
    if (i + 4 >= c->n + 1) return false;
    if (!(glued(c, i + 1) && glued(c, i + 2) && glued(c, i + 3) && glued(c, i + 4))) return false;
    if (c->tk[i + 1].type != CC_TOK_PUNCT) return false;
    char sep = c->text[c->tk[i + 1].start];
    if (sep != '-' && sep != '/' && sep != '.') return false;
    if (!is_num(c, i + 2) || !is_p(c, i + 3, sep) || !is_num(c, i + 4)) return false;
    /* part of a longer dotted/slashed run: a version, an IP, a phone */
    if (i > 0 && glued(c, i) && (is_p(c, i - 1, sep) || is_num(c, i - 1))) return false;
    if (i + 6 < c->n + 1 && glued(c, i + 5) && is_p(c, i + 5, sep) && is_num(c, i + 6) && glued(c, i + 6))
        return false;
    int la = num_len(c, i), lb = num_len(c, i + 2), lc = num_len(c, i + 4);
    long a = num_val(c, i), b = num_val(c, i + 2), cc = num_val(c, i + 4);
    int y, m, d;
    if (la == 4 && lb <= 2 && lc <= 2) { /* ISO order */
        y = (int)a; m = (int)b; d = (int)cc;
        if (!valid_ymd(y, m, d)) return false;
        set_date(r, y, m, d, true);
    } else if (la <= 2 && lb <= 2 && (lc == 4 || lc == 2)) {
        y = (int)cc;
        if (lc == 2) y += y < 30 ? 2000 : 1900;
        bool can_mdy = valid_ymd(y, (int)a, (int)b), can_dmy = valid_ymd(y, (int)b, (int)a);
        if (!can_mdy && !can_dmy) return false;
        int ord = numeric_order(c, sep);
        if (can_mdy && can_dmy && a != b) {
            if (ord == 1) { m = (int)a; d = (int)b; } else { m = (int)b; d = (int)a; }
            fmt(r->alt, sizeof r->alt, "%04d-%02d-%02d", y, d, m);
        } else if (can_mdy) { m = (int)a; d = (int)b; }
        else { m = (int)b; d = (int)a; }
        set_date(r, y, m, d, true);
    } else {
        return false;
    }
    r->year_stated = true;
    r->s = i; r->e = i + 5;
    return true;
}

static int ampm_at(const dctx *c, size_t i, size_t *end)
{
    /* "pm", "PM", "p.m.", "p.m", "a.m." */
    const dt_entry *e = lex_at(c, i);
    if (e && e->kind == K_AMPM) {
        *end = i + 1;
        if (is_p(c, i + 1, '.') && glued(c, i + 1) && same_sent(c, i + 1, i + 2)) *end = i + 2;
        return e->sval[0];
    }
    if ((word_is(c, i, W_A) || word_is(c, i, W_P)) && is_p(c, i + 1, '.') && glued(c, i + 1) &&
        word_is(c, i + 2, W_M) && glued(c, i + 2)) {
        int ap = tolower((unsigned char)c->text[c->tk[i].start]);
        *end = i + 3;
        if (is_p(c, i + 3, '.') && glued(c, i + 3) && same_sent(c, i + 3, i + 4)) *end = i + 4;
        return ap;
    }
    return 0;
}

#ifndef SPAN_TO
#define SPAN_TO 1
#endif
#ifndef TIME_DAY_BACK
#define TIME_DAY_BACK 0
#endif
static const char *recent_date(const dctx *c, size_t tok, size_t max_back);

/* a date word that may follow a time: "5 p.m. EST Nov. 9", "noon Saturday" */
static void time_with_date(dctx *c, dres *r, int hh, int mm, bool has_min)
{
    dres dr;
    dres_clear(&dr);
    char date[24] = "XXXX-XX-XX";
    size_t k = r->e;
    int kk = kind_at(c, k);
    if ((kk == K_MONTH || kk == K_WDAY || kk == K_REL) && same_sent(c, r->s, k) && parse_core(c, k, &dr, false) &&
        dr.type == T_DATE && strlen(dr.val) == 10) {
        memcpy(date, dr.val, 11);
        r->e = dr.e;
        r->dated = true;
    } else {
        /* a time takes the day its sentence names: a date before it in
         * the sentence (TIME_DAY_BACK more sentences back) or one after
         * it; with none stated it stays a time of day without a date
         * ("T18") */
        const char *base = recent_date(c, r->s, TIME_DAY_BACK);
        if (base && strlen(base) == 10) memcpy(date, base, 11);
        else date[0] = 0;
        /* or the day named later in the sentence: "at about 10:35 a.m.
         * (0735 GMT) Friday", "at midday, according to a statement today" */
        for (size_t q = r->e; !date[0] && q < c->n && q < r->e + 12 && same_sent(c, r->s, q); q++) {
            int qk = kind_at(c, q);
            if (!(qk == K_WDAY || qk == K_REL || (qk == K_MONTH && (c->tk[q].flags & CC_TF_UPPER)))) continue;
            dres dq;
            if (parse_core(c, q, &dq, false) && dq.type == T_DATE && strlen(dq.val) == 10 &&
                isdigit((unsigned char)dq.val[0]))
                memcpy(date, dq.val, 11);
            break;
        }
    }
    if (has_min) fmt(r->val, sizeof r->val, "%sT%02d:%02d", date, hh, mm);
    else fmt(r->val, sizeof r->val, "%sT%02d", date, hh);
    r->type = T_TIME;
}

/* A clock time at token i: "8:30", "8:30:15", "8pm", "8.30 pm", "8 p.m.
 * EST"; with bare, a lone hour ("at 5") too. Hours without am/pm stay as
 * written. */
struct dclock {
    int hh, mm, ss;         /* ss < 0: no seconds stated */
    bool has_min;
    int ap;                 /* 'a', 'p' or 0 */
    size_t e;               /* one past its last token */
};

static bool clock_at(const dctx *c, size_t i, bool bare, dclock *t)
{
    if (!is_num(c, i)) return false;
    long h = num_val(c, i);
    if (num_len(c, i) > 2 || h > 24) return false;
    size_t j = i + 1;
    long mi = 0, se = -1;
    bool colon = false;
    if (is_p(c, j, ':') && glued(c, j) && is_num(c, j + 1) && glued(c, j + 1) && num_len(c, j + 1) == 2 &&
        num_val(c, j + 1) < 60) {
        mi = num_val(c, j + 1);
        j += 2;
        colon = true;
        if (is_p(c, j, ':') && glued(c, j) && is_num(c, j + 1) && num_len(c, j + 1) == 2 && num_val(c, j + 1) < 60) {
            se = num_val(c, j + 1);
            j += 2;
        }
        if (is_p(c, j, ':') && glued(c, j)) return false;
    } else if (is_p(c, j, '.') && glued(c, j) && is_num(c, j + 1) && glued(c, j + 1) && num_len(c, j + 1) == 2 &&
               num_val(c, j + 1) < 60) {
        /* "10.30 pm": only with am/pm */
        size_t e2;
        if (!ampm_at(c, j + 2, &e2)) return false;
        mi = num_val(c, j + 1);
        j += 2;
        colon = true;
    }
    size_t e;
    int ap = ampm_at(c, j, &e);
    if (!colon && word_is(c, j, W_ISH) && glued(c, j)) bare = true; /* "11ish" */
    if (ap) {
        if (h < 1 || h > 12) return false;
        if (ap == 'p' && h < 12) h += 12;
        if (ap == 'a' && h == 12) h = 0;
        j = e;
    } else if (!colon && !bare) {
        return false;
    } else if (i > 0 && (is_p(c, i - 1, '(') || lex_has(c, i - 1, K_YID))) {
        return false;
    }
    if (!ap && !colon) {
        /* a bare hour is no clock before a unit, a word glued to it or a
         * glued sign other than a dash: "at 5 years", "at 5%", "5th" */
        if (kind_at(c, j) == K_UNIT || kind_at(c, j) == K_MONTH) return false;
        if (word_is(c, j, W_ISH) && glued(c, j)) {
            j++; /* "11ish" */
        } else if (j < c->n && glued(c, j) && !is_p(c, j, '-') &&
                   !((is_p(c, j, '.') || is_p(c, j, ',') || is_p(c, j, '?') || is_p(c, j, '!')) &&
                     !(j + 1 < c->n && glued(c, j + 1)))) {
            return false; /* "5th", "5%", "5.5"; a full stop after it is fine */
        }
    }
    const dt_entry *tz = lex_at(c, j);
    if (tz && tz->kind == K_TZ) j++;
    t->hh = (int)h; t->mm = (int)mi; t->ss = (int)se; t->has_min = colon; t->ap = ap; t->e = j;
    return true;
}

static void clock_text(char *out, size_t cap, const dclock *t)
{
    unsigned char h = (unsigned char)t->hh, m = (unsigned char)t->mm, sec = (unsigned char)t->ss;
    if (t->ss >= 0) fmt(out, cap, "T%02u:%02u:%02u", h, m, sec);
    else if (t->has_min) fmt(out, cap, "T%02u:%02u", h, m);
    else fmt(out, cap, "T%02u", h);
}

static bool parse_time(dctx *c, size_t i, dres *r)
{
    dclock t;
    if (!clock_at(c, i, false, &t)) return false;
    r->s = i; r->e = t.e;
    if (t.ss >= 0 && !t.ap && i > 0 && (word_is(c, i - 1, W_IN) || word_is(c, i - 1, W_OF))) {
        /* "finished in 3:07:35": a time taken, not a time of day */
        r->type = T_DURATION;
        fmt(r->val, sizeof r->val, "PT%dH%dM%dS", t.hh, t.mm, t.ss);
        return true;
    }
    time_with_date(c, r, t.hh, t.mm, t.has_min);
    clock_text(r->tpart, sizeof r->tpart, &t);
    r->tap = t.ap != 0;
    if (t.ss >= 0) {
        /* seconds as written: "7:56:30 pm" */
        char *tp = strchr(r->val, 'T');
        if (tp) put_str(tp, sizeof r->val - (size_t)(tp - r->val), r->tpart);
    }
    return true;
}

/* "5-6 pm", "10am-12pm", "2:00 to 2:30 pm", "between 3 and 8am": two
 * clock times, at least one with am/pm or both with minutes; the end's
 * am/pm carries to the start ("1-3 pm" is 13 to 15). */
static bool clock_range_at(const dctx *c, size_t i, bool between, bool loose, dclock *a, dclock *b)
{
    if (!clock_at(c, i, true, a)) return false;
    size_t k = a->e;
    if (!(is_p(c, k, '-') || lex_has(c, k, K_TLINK) || (between && word_is(c, k, W_AND)))) return false;
    if (!same_sent(c, i, k + 1) || !clock_at(c, k + 1, true, b)) return false;
    /* loose: a day and "from"/"between" or a part of day before make two
     * bare hours a range ("Tuesday from 7 to 7:30", "morning 6-8") */
    if (!a->ap && !b->ap && !(a->has_min && b->has_min) && !loose) return false;
    if (!a->ap && b->ap && a->hh < 12) {
        int h = a->hh + (b->ap == 'p' ? 12 : 0);
        if (b->ap == 'p' && h > b->hh && b->hh >= 12) h -= 12; /* "10-2pm": 10 to 14 */
        a->hh = h;
    }
    return true;
}

static bool parse_clock_range(dctx *c, size_t i, dres *r)
{
    dclock a, b;
    bool between = i > 0 && i - 1 >= c->floor && word_is(c, i - 1, W_BETWEEN);
    bool from = i > 0 && i - 1 >= c->floor && word_is(c, i - 1, W_FROM);
    if (!clock_range_at(c, i, between, false, &a, &b)) {
        /* "between 3 and 8 yesterday", "between 7 and 9 last night": two
         * bare hours before the day they belong to */
        if (!(between || from) || !clock_range_at(c, i, between, true, &a, &b)) return false;
        int kk = kind_at(c, b.e);
        if (!(kk == K_REL || kk == K_SHIFT || kk == K_WDAY) || !same_sent(c, i, b.e)) return false;
    }
    r->tap = a.ap || b.ap;
    r->s = i; r->e = b.e;
    time_with_date(c, r, a.hh, a.mm, a.has_min);
    clock_text(r->tpart, sizeof r->tpart, &a);
    clock_text(r->tend, sizeof r->tend, &b);
    const char *tp = strchr(r->val, 'T');
    size_t dl = tp ? (size_t)(tp - r->val) : 0;
    put_str(r->val + dl, sizeof r->val - dl, r->tpart);
    fmt(r->beg, sizeof r->beg, "%.*s%s", (int)dl, r->val, r->tpart);
    fmt(r->endv, sizeof r->endv, "%.*s%s", (int)dl, r->val, r->tend);
    return true;
}

/* "10 past 9", "20 min past eight in the evening", "half past seven
 * o'clock": minutes past an hour written out */
static bool small_number_at(const dctx *c, size_t k, int max, int *v, size_t *end);
static bool parse_past_hour(dctx *c, size_t i, dres *r)
{
    int mins, hh;
    size_t j;
    if (word_is(c, i, W_HALF)) { mins = 30; j = i + 1; }
    else if (!small_number_at(c, i, 59, &mins, &j)) return false;
    if (word_is(c, j, W_MIN) || word_is(c, j, W_MINS) || word_is(c, j, W_MINUTES)) j++;
    if (!word_is(c, j, W_PAST) || !same_sent(c, i, j + 1)) return false;
    size_t e;
    if (!small_number_at(c, j + 1, 12, &hh, &e) || hh < 1) return false;
    if (word_is(c, e, W_O) && is_p(c, e + 1, '\'') && word_is(c, e + 2, W_CLOCK)) e += 3;
    dclock t = {hh, mins, -1, true, 0, e};
    const dt_entry *pe = lex_at(c, e + 2);
    if (word_is(c, e, W_IN) && word_is(c, e + 1, W_THE) && pe && pe->kind == K_PARTDAY && !pe->sval[2]) {
        clock_in_partday(&t, pe->sval);
        e += 3;
    }
    r->s = i; r->e = e; r->type = T_TIME;
    clock_text(r->tpart, sizeof r->tpart, &t);
    put_str(r->val, sizeof r->val, r->tpart);
    return true;
}

/* number-like at i: digits or number words; returns value (-1 = X), sets *end */
static bool quantity_at(const dctx *c, size_t i, long *val, size_t *end)
{
    if (is_num(c, i)) {
        if (num_len(c, i) > 4) return false;
        /* "1,000 years": leave big figures with commas to the number recogniser */
        if (i > 0 && glued(c, i) && (is_p(c, i - 1, ',') || is_p(c, i - 1, '.'))) return false;
        if (glued(c, i + 1) && (is_p(c, i + 1, ',') || is_p(c, i + 1, '.')) && is_num(c, i + 2) && glued(c, i + 2))
            return false;
        *val = num_val(c, i);
        *end = i + 1;
        return true;
    }
    const dt_entry *e = lex_at(c, i);
    if (!e || e->kind != K_NUMW) return false;
    long v = e->ival;
    size_t j = i + 1;
    if (word_is(c, i, W_A) || word_is(c, i, W_AN)) {
        /* "a few", "a couple of", "a dozen" */
        const dt_entry *e2 = lex_at(c, j);
        if (e2 && e2->kind == K_NUMW && (word_is(c, j, W_FEW) || word_is(c, j, W_COUPLE) || word_is(c, j, W_DOZEN))) {
            v = e2->ival;
            j++;
            if (word_is(c, j, W_OF)) j++;
        }
    } else if (v >= 20 && v < 100 && v % 10 == 0) {
        size_t k = j;
        if (is_p(c, k, '-')) k++;
        const dt_entry *e2 = lex_at(c, k);
        if (e2 && e2->kind == K_NUMW && e2->ival >= 1 && e2->ival <= 9 && !word_is(c, k, W_A) && !word_is(c, k, W_AN)) {
            v += e2->ival;
            j = k + 1;
        }
    } else if (word_is(c, i, W_COUPLE)) {
        if (word_is(c, j, W_OF)) j++;
    }
    *val = v;
    *end = j;
    return true;
}

/* a whole number 0..max in digits or words ("seven", "twenty five") */
static bool small_number_at(const dctx *c, size_t k, int max, int *v, size_t *end)
{
    long n;
    if (is_num(c, k)) {
        if (num_len(c, k) > 2) return false;
        n = num_val(c, k);
        *end = k + 1;
    } else if (!quantity_at(c, k, &n, end) || word_is(c, k, W_A) || word_is(c, k, W_AN)) {
        return false;
    }
    if (n < 0 || n > max) return false;
    *v = (int)n;
    return true;
}

static void duration_value(char *out, size_t cap, long n, const char *u)
{
    /* P<n><unit>, X for an unspecified n; decades, centuries and
     * fortnights in years and weeks, clock units after T */
    fbuf o;
    o.n = 0;
    fb_put(&o, 'P');
    long mul = !strcmp(u, "DE") ? 10 : !strcmp(u, "CE") ? 100 : !strcmp(u, "FN") ? 2 : 0;
    bool clock = !strcmp(u, "H") || !strcmp(u, "MIN") || !strcmp(u, "S");
    if (clock) fb_put(&o, 'T');
    if (n < 0) fb_put(&o, 'X');
    else fb_int(&o, false, (unsigned long)(mul ? n * mul : n), 0, false);
    if (mul && n >= 0) u = mul == 2 ? "W" : "Y";
    else if (!strcmp(u, "FN")) u = "W";   /* PXW */
    else if (clock && u[0] == 'M') u = "M";
    for (; *u; u++) fb_put(&o, *u);
    fb_out(&o, out, cap);
}

/* relative date: anchor shifted by n units (negative = past) */
static bool shift_date(const dctx *c, dres *r, const char *u, long n)
{
    int y, m, d;
    int prec = anchor(c, &y, &m, &d);
    if (!strcmp(u, "Y") || !strcmp(u, "DE") || !strcmp(u, "CE")) {
        long k = !strcmp(u, "DE") ? 10 : !strcmp(u, "CE") ? 100 : 1;
        if (prec < 1) { fmt(r->val, sizeof r->val, n < 0 ? "PAST_REF" : n > 0 ? "FUTURE_REF" : "PRESENT_REF"); return true; }
        fmt(r->val, sizeof r->val, "%04ld", (long)y + n * k);
        return true;
    }
    if (!strcmp(u, "M")) {
        if (prec < 2) { fmt(r->val, sizeof r->val, n < 0 ? "PAST_REF" : n > 0 ? "FUTURE_REF" : "PRESENT_REF"); return true; }
        long t = (long)y * 12 + (m - 1) + n;
        fmt(r->val, sizeof r->val, "%04ld-%02ld", t / 12, t % 12 + 1);
        return true;
    }
    if (!strcmp(u, "Q")) {
        if (prec < 2) { put_str(r->val, sizeof r->val, prec ? "XXXX-QX" : "PRESENT_REF"); return true; }
        long t = (long)y * 4 + (m - 1) / 3 + n;
        fmt(r->val, sizeof r->val, "%04ld-Q%ld", t / 4, t % 4 + 1);
        return true;
    }
    if (prec < 3) { fmt(r->val, sizeof r->val, n < 0 ? "PAST_REF" : n > 0 ? "FUTURE_REF" : "PRESENT_REF"); return true; }
    long base = days_from_civil(y, m, d);
    if (!strcmp(u, "W") || !strcmp(u, "WE")) {
        int wy, wk;
        iso_week(base + 7 * n, &wy, &wk);
        fmt(r->val, sizeof r->val, "%04d-W%02d%s", wy, wk, u[1] == 'E' ? "-WE" : "");
        return true;
    }
    if (!strcmp(u, "D")) {
        int yy, mm, dd;
        civil_from_days(base + n, &yy, &mm, &dd);
        fmt(r->val, sizeof r->val, "%04d-%02d-%02d", yy, mm, dd);
        return true;
    }
    if (!strcmp(u, "H") || !strcmp(u, "MIN")) {
        fmt(r->val, sizeof r->val, "%04d-%02d-%02dTXX:XX", y, m, d);
        return true;
    }
    return false;
}

/* Shifts a stated calendar value ("1989-Q3", "1989-10", "1989-10-27",
 * "1989") by n units; false when the value has no such granularity. */
static bool shift_value(const char *v, const char *u, long n, char *out, size_t cap)
{
    int y, m, d, q;
    size_t len = strlen(v);
    if (len < 4 || !isdigit((unsigned char)v[0]) || !isdigit((unsigned char)v[3])) return false;
    y = atoi(v);
    if (!strcmp(u, "Y")) {
        if (len > 4 && v[4] != '-') return false;
        fmt(out, cap, "%04ld%s", (long)y + n, v + 4);
        return true;
    }
    if (!strcmp(u, "Q") && scan(v, "%4d-Q%1d", &y, &q) == 2) {
        long t = (long)y * 4 + (q - 1) + n;
        fmt(out, cap, "%04ld-Q%ld", t / 4, t % 4 + 1);
        return true;
    }
    if (!strcmp(u, "M") && len == 7 && scan(v, "%4d-%2d", &y, &m) == 2) {
        long t = (long)y * 12 + (m - 1) + n;
        fmt(out, cap, "%04ld-%02ld", t / 12, t % 12 + 1);
        return true;
    }
    if ((!strcmp(u, "D") || !strcmp(u, "W") || !strcmp(u, "M")) && len == 10 &&
        scan(v, "%4d-%2d-%2d", &y, &m, &d) == 3 && valid_ymd(y, m, d)) {
        long base = days_from_civil(y, m, d);
        if (u[0] == 'M') {
            long t = (long)y * 12 + (m - 1) + n;
            int yy = (int)(t / 12), mm = (int)(t % 12 + 1);
            fmt(out, cap, "%04d-%02d", yy, mm);
            return true;
        }
        int yy, mm, dd;
        civil_from_days(base + (u[0] == 'W' ? 7 * n : n), &yy, &mm, &dd);
        fmt(out, cap, "%04d-%02d-%02d", yy, mm, dd);
        return true;
    }
    return false;
}

/* the last calendar date of the text, if recent enough to be the anchor
 * of "a year earlier", "the following month" */
static const char *recent_date(const dctx *c, size_t tok, size_t max_back)
{
    const cc_date_state *s = c->st;
    size_t sent = c->p->sent_base + c->tk[tok].sent;
    if (!s->last_val[0] || s->last_sent > sent || sent - s->last_sent > max_back) return NULL;
    return s->last_val;
}

/* The quarter a report is about: the last quarter mentioned within a few
 * sentences ("third-quarter net ... Revenue fell from $9 million a year
 * earlier" -> that quarter a year before). */
static const char *recent_quarter(const dctx *c, size_t tok, size_t max_back)
{
    const cc_date_state *s = c->st;
    size_t sent = c->p->sent_base + c->tk[tok].sent;
    if (!s->last_q[0] || s->last_q_sent > sent || sent - s->last_q_sent > max_back) return NULL;
    return s->last_q;
}

/* Compound durations: "1 hour and 30 minutes" (PT1H30M), "two and a
 * half years", "a minute and a half" (P2Y6M, PT1M30S: the half in the
 * next smaller unit, as the TimeML guidelines write it). Units by rank. */
static const char *const dur_units[] = {"Y", "M", "W", "D", "H", "MIN", "S"};
enum { DUR_NU = 7 };

static int dur_rank(const char *u)
{
    for (int k = 0; k < DUR_NU; k++)
        if (!strcmp(u, dur_units[k])) return k;
    return -1;
}

/* half of one unit of rank k, in smaller units; false where that is not
 * whole (a month) */
static bool dur_add_half(long q[DUR_NU], int k)
{
    switch (k) {
    case 0: q[1] += 6; return true;           /* half a year: 6 months */
    case 2: q[3] += 3; q[4] += 12; return true;
    case 3: q[4] += 12; return true;
    case 4: q[5] += 30; return true;
    case 5: q[6] += 30; return true;
    default: return false;
    }
}

static void dur_text(char *out, size_t cap, const long q[DUR_NU])
{
    static const char date_l[] = "YMWD", time_l[] = "HMS";
    size_t n = 0;
    n += (size_t)fmt(out + n, cap - n, "P");
    for (int k = 0; k < 4 && n < cap; k++)
        if (q[k]) n += (size_t)fmt(out + n, cap - n, "%ld%c", q[k], date_l[k]);
    if ((q[4] || q[5] || q[6]) && n < cap) {
        n += (size_t)fmt(out + n, cap - n, "T");
        for (int k = 4; k < DUR_NU && n < cap; k++)
            if (q[k]) n += (size_t)fmt(out + n, cap - n, "%ld%c", q[k], time_l[k - 4]);
    }
}

/* "and a half" / "and half" at k: the tokens it takes, or 0 */
static size_t and_half_at(const dctx *c, size_t k)
{
    if (!word_is(c, k, W_AND)) return 0;
    if (word_is(c, k + 1, W_A) && word_is(c, k + 2, W_HALF)) return 3;
    if (word_is(c, k + 1, W_HALF)) return 2;
    return 0;
}

/* After the duration n u ending at token e (half: "n and a half u"):
 * more parts joined by "and" ("and 30 minutes", "and a half"). Rewrites
 * r->val and r->e when there is more to it than n u; false when the
 * whole is an age ("2 years and 6 months old"). */
static bool duration_more(const dctx *c, dres *r, long n, const char *u, bool half, size_t e)
{
    int k0 = dur_rank(u);
    if (k0 < 0 || n < 0) return true;
    long q[DUR_NU] = {0};
    q[k0] = n;
    bool more = false;
    if (half && !dur_add_half(q, k0)) {
        /* "two and a half months": P2.5M */
        fmt(r->val, sizeof r->val, "P%s%ld.5%s", k0 >= 4 ? "T" : "", n, k0 == 5 ? "M" : dur_units[k0]);
        r->e = e;
        return true;
    }
    more = half;
    size_t h = and_half_at(c, e);
    if (!half && h && same_sent(c, r->s, e + h - 1) && dur_add_half(q, k0)) {
        e += h;
        more = true;
    }
    /* "and 30 minutes", "and 2 weeks and 2 days": smaller units only */
    int last = k0;
    for (int rounds = 0; rounds < 3 && !h; rounds++) {
        long v;
        size_t qe;
        if (!word_is(c, e, W_AND) || word_is(c, e + 1, W_A) || word_is(c, e + 1, W_AN) || !quantity_at(c, e + 1, &v, &qe) ||
            v < 0 || !same_sent(c, e, qe))
            break;
        const dt_entry *u2 = lex_at(c, qe);
        int k2 = u2 && u2->kind == K_UNIT ? dur_rank(u2->sval) : -1;
        if (k2 <= last) break;
        if (word_is(c, qe + 1, W_OLD) || kind_at(c, qe + 1) == K_AGEWORD) return false;
        q[k2] += v;
        last = k2;
        e = qe + 1;
        more = true;
    }
    if (!more) return true;
    dur_text(r->val, sizeof r->val, q);
    r->e = e;
    return true;
}

/* "3.5 years", "1.5hours": a decimal count of a unit (P3.5Y, PT1.5H) */
static bool decimal_duration(const dctx *c, size_t i, dres *r)
{
    if (!is_num(c, i) || num_len(c, i) > 3 || !is_p(c, i + 1, '.') || !glued(c, i + 1) || !is_num(c, i + 2) ||
        !glued(c, i + 2) || num_len(c, i + 2) > 2)
        return false;
    if (i > 0 && glued(c, i) && (is_p(c, i - 1, '.') || is_p(c, i - 1, ',') || is_num(c, i - 1))) return false;
    const dt_entry *u = lex_at(c, i + 3);
    if (!u || u->kind != K_UNIT || !same_sent(c, i, i + 3)) return false;
    int k = dur_rank(u->sval);
    if (k < 0) return false;
    if (kind_at(c, i + 4) == K_AGEWORD || (is_p(c, i + 4, '-') && word_is(c, i + 5, W_OLD))) return false;
    const char *d = c->text + c->tk[i + 2].start;
    int dl = num_len(c, i + 2);
    fmt(r->val, sizeof r->val, "P%s%ld.%.*s%s", k >= 4 ? "T" : "", num_val(c, i), dl, d,
             k == 5 ? "M" : dur_units[k]);
    r->s = i; r->e = i + 4; r->type = T_DURATION;
    return true;
}

/* number unit [ago|later|earlier]: durations and relative dates */
static bool parse_duration(dctx *c, size_t i, dres *r)
{
    long n;
    size_t j;
    if (decimal_duration(c, i, r)) return true;
    if (!quantity_at(c, i, &n, &j)) return false;
    /* "two and a half years" */
    size_t hj = and_half_at(c, j);
    bool half = hj && !word_is(c, i, W_A) && !word_is(c, i, W_AN) && lex_at(c, j + hj) && lex_at(c, j + hj)->kind == K_UNIT;
    if (half) j += hj;
    bool adj = false;
    if (is_p(c, j, '-') && glued(c, j) && glued(c, j + 1)) { j++; adj = true; }
    const dt_entry *u = lex_at(c, j);
    if (!u || u->kind != K_UNIT) return false;
    if (adj && u->extra[0]) return false; /* "two-years" */
    if (half && dur_rank(u->sval) < 0) return false;
    if (!strcmp(u->sval, "Q") && !(i > 0 && (kind_at(c, i - 1) == K_SHIFT || word_is(c, i - 1, W_THE))))
        return false; /* "three quarters of" is a fraction */
    if (!strcmp(u->sval, "WE")) return false;
    /* singular unit needs one ("a year", "one day") or an adjective ("two-year") */
    if (!u->extra[0] && !adj && n != 1 && n >= 0 && !is_num(c, i) && !word_is(c, i, W_A)) {
        /* "six year" is tolerated */
    }
    if (!u->extra[0] && !adj && n > 1 && is_num(c, i)) {
        /* "5 year" mostly "5 year bonds": allowed as duration */
    }
    size_t e = j + 1;
    /* "a week or so ago" */
    if (word_is(c, e, W_OR) && word_is(c, e + 1, W_SO) && word_is(c, e + 2, W_AGO)) e += 2;
    /* "24 hours a day", "four flights a week": a rate, not a duration */
    if ((word_is(c, i, W_A) || word_is(c, i, W_AN)) && i > 0 && same_sent(c, i - 1, i) &&
        (is_num(c, i - 1) || (c->tk[i - 1].type == CC_TOK_WORD && !(c->tk[i - 1].flags & CC_TF_UPPER) &&
                              c->tk[i - 1].end - c->tk[i - 1].start > 3 && c->text[c->tk[i - 1].end - 1] == 's' &&
                              (!lex_at(c, i - 1) || kind_at(c, i - 1) == K_UNIT)) ||
         word_is(c, i - 1, W_ONCE) || word_is(c, i - 1, W_TWICE) || word_is(c, i - 1, W_TIMES)))
        return false;
    /* ages: "15 years old", "15-year-old", "aged 2 years" */
    if (is_p(c, e, '-') && glued(c, e) && word_is(c, e + 1, W_OLD)) return false;
    if (kind_at(c, e) == K_AGEWORD && !word_is(c, e, W_AGES)) return false;
    if (word_is(c, e, W_OF) && word_is(c, e + 1, W_AGE)) return false;
    if (i > 0 && kind_at(c, i - 1) == K_AGEWORD) return false;
    if (word_is(c, e, W_AND) && (word_is(c, e + 1, W_OLDER) || word_is(c, e + 1, W_YOUNGER) || word_is(c, e + 1, W_OVER) ||
                                 word_is(c, e + 1, W_UNDER) || word_is(c, e + 1, W_UP)))
        return false;
    if (i > 1 && word_is(c, i - 1, W_AND) && (word_is(c, i - 2, W_AGED) || is_num(c, i - 2)) && kind_at(c, e) == K_AGEWORD)
        return false;
    /* "a day" alone is too weak unless a duration verb or prep is near; keep "a" + unit */
    const dt_entry *ag = lex_at(c, e);
    if (ag && ag->kind == K_AGO && same_sent(c, j, e) && (word_is(c, e, W_AGO) || word_is(c, e, W_HENCE))) {
        r->s = i; r->e = e + 1;
        r->type = T_DATE;
        /* "a year ago" beside a quarter speaks of that quarter a year before */
        const char *base = recent_date(c, i, 1);
        if (n > 0 && base && strlen(base) == 7 && base[5] == 'Q' &&
            shift_value(base, u->sval, ag->ival * n, r->val, sizeof r->val)) {
            r->anaphoric = true;
            return true;
        }
        shift_date(c, r, u->sval, n < 0 ? 0 : ag->ival * n);
        if (n < 0) fmt(r->val, sizeof r->val, ag->ival < 0 ? "PAST_REF" : "FUTURE_REF");
        return true;
    }
    if (ag && ag->kind == K_AGO && same_sent(c, j, e) && n > 0 && !word_is(c, e + 1, W_THAN)) {
        /* "a year earlier", "two days later": from the date just spoken of */
        const char *base = recent_date(c, i, 1);
        if (!base && n == 1 && ag->ival < 0 && !strcmp(u->sval, "Y")) base = recent_quarter(c, i, 6);
        if (base && shift_value(base, u->sval, ag->ival * n, r->val, sizeof r->val)) {
            r->s = i; r->e = e + 1; r->type = T_DATE; r->anaphoric = true;
            return true;
        }
        if (!strcmp(u->sval, "Y") && shift_date(c, r, "Y", ag->ival * n) && r->val[0] != 'P' && r->val[0] != 'F') {
            r->s = i; r->e = e + 1; r->type = T_DATE;
            return true;
        }
        memset(r->val, 0, sizeof r->val);
    }
    r->s = i; r->e = j + 1;
    r->type = T_DURATION;
    duration_value(r->val, sizeof r->val, n, u->sval);
    return duration_more(c, r, n, u->sval, half, j + 1);
}

/* the quarter/half words: "third quarter", "third-quarter", "first half" */
static bool parse_ordinal(dctx *c, size_t i, dres *r, int ord)
{
    size_t j = i + 1;
    if (is_p(c, j, '-') && glued(c, j)) j++;
    bool quarter = word_is(c, j, W_QUARTER), half = word_is(c, j, W_HALF);
    if ((quarter && ord <= 4) || (half && ord <= 2)) {
        int y, m, d;
        int prec = anchor(c, &y, &m, &d);
        size_t e = j + 1;
        int yy = 0;
        if ((word_is(c, e, W_OF) || is_p(c, e, ',')) && year_at(c, e + 1, true)) { yy = (int)num_val(c, e + 1); e += 2; r->year_stated = true; }
        else if (year_at(c, e, true)) { yy = (int)num_val(c, e); e++; r->year_stated = true; }
        else if (i > 0 && year_at(c, i - 1, true) && i - 1 >= c->floor) { yy = (int)num_val(c, i - 1); r->s = i - 1; }
        if (!yy && prec >= 1) {
            yy = y;
            /* a quarter that has not begun yet is last year's */
            if (prec >= 2 && quarter && (ord - 1) * 3 + 1 > m) yy--;
            if (prec >= 2 && half && (ord - 1) * 6 + 1 > m) yy--;
        }
        if (yy) fmt(r->val, sizeof r->val, "%04d-%c%d", yy, quarter ? 'Q' : 'H', ord);
        else fmt(r->val, sizeof r->val, "XXXX-%c%d", quarter ? 'Q' : 'H', ord);
        if (!r->s) r->s = i;
        if (r->s > i) r->s = i;
        r->e = e;
        r->type = T_DATE;
        r->the_ok = true;
        return true;
    }
    /* "the first nine months": a duration */
    if (ord == 1 || ord == 2) {
        dres q;
        dres_clear(&q);
        if (parse_duration(c, i + 1, &q) && q.type == T_DURATION) {
            *r = q;
            r->s = i;
            r->the_ok = true;
            return true;
        }
    }
    /* "the first week of 2015" (ISO week), "the third month of 2021" */
    if ((word_is(c, j, W_WEEK) || word_is(c, j, W_MONTH)) && word_is(c, j + 1, W_OF) && year_at(c, j + 2, true) &&
        ord >= 1 && ord <= (word_is(c, j, W_WEEK) ? 53 : 12)) {
        long y = num_val(c, j + 2);
        if (word_is(c, j, W_WEEK)) fmt(r->val, sizeof r->val, "%04ld-W%02d", y, ord);
        else fmt(r->val, sizeof r->val, "%04ld-%02d", y, ord);
        r->y = (int)y; r->year_stated = true;
        r->s = i; r->e = j + 3; r->type = T_DATE; r->the_ok = true;
        return true;
    }
    /* "the 20th century", "twentieth century" */
    if (word_is(c, j, W_CENTURY)) {
        fmt(r->val, sizeof r->val, "%02d", ord - 1);
        r->s = i; r->e = j + 1; r->type = T_DATE; r->the_ok = true;
        return true;
    }
    return false;
}

/* A lower-case word in -ed of five letters or more: a past verb, unless
 * the lexicon says it is not one ("succeed", "hundred": `notpast` rows). */
static bool ed_word(const dctx *c, size_t k)
{
    return c->tk[k].end - c->tk[k].start > 4 && !(c->tk[k].flags & CC_TF_UPPER) &&
           c->text[c->tk[k].end - 2] == 'e' && c->text[c->tk[k].end - 1] == 'd' && !lex_has(c, k, K_NOTPAST);
}

/* The tokens where a tense cue for token i is looked for: 8 before it and
 * 12 after it, within its sentence. */
static void clause_window(const dctx *c, size_t i, size_t *lo, size_t *hi)
{
    const cc_sentence *s = &c->p->sent[c->tk[i].sent];
    *lo = i > s->tok_start + 8 ? i - 8 : s->tok_start;
    *hi = i + 12 < s->tok_end ? i + 12 : s->tok_end;
}

/* The TF_ bits of token i (`tense` rows of dates.tsv; 0 past the ends). */
static inline unsigned tense_at(const dctx *c, size_t i)
{
    uint32_t id = i < c->n ? c->tk[i].wid : 0;
    return id < c->t->nwrow ? c->t->wtense[id] : 0;
}

/* Is the clause around token i about the future? The nearest tense cue
 * decides: a future marker (will, 'll, scheduled, "is to" ...) against a
 * past one (was, had, ended, said ... or a verb in -ed not after "is",
 * "been"): the `fut`, `past` and `tense` rows of dates.tsv. */
static bool future_sentence(const dctx *c, size_t i)
{
    size_t lo, hi;
    clause_window(c, i, &lo, &hi);
    size_t best_fut = (size_t)-1, best_past = (size_t)-1;
    for (size_t k = lo; k < hi; k++) {
        if (c->tk[k].type != CC_TOK_WORD) continue;
        size_t dist = k > i ? k - i : i - k;
        int kd = kind_at(c, k);
        unsigned tf = tense_at(c, k);
        if (kd == K_FUT || ((tf & TF_FUT_AFTER_APOS) && k > 0 && is_p(c, k - 1, '\'')) ||
            /* "is to resume trading Tuesday" */
            ((tf & TF_FUT_AFTER_BE) && k > 0 && (tense_at(c, k - 1) & TF_BE))) {
            if (dist < best_fut) best_fut = dist;
        } else if (kd == K_PAST && kind_at(c, k + 1) == K_FUT) {
            /* "were planning", "was scheduled": the plan's time is ahead */
        } else if (kd == K_PAST || (tf & TF_REPORTED) || (ed_word(c, k) && !(tense_at(c, k - 1) & TF_PASSIVE))) {
            if (dist < best_past) best_past = dist;
        }
    }
    return best_fut != (size_t)-1 && best_fut <= best_past;
}

/* A verb in -ed is the nearest tense cue ("In January, Acme acquired ...");
 * "said" does not count: reported speech may be about what comes. Against
 * it: a future marker, "is", "would" (TF_PRESENT); no verb: an -ed word
 * after "is", "been" (TF_PASSIVE) or "the", "a" (TF_ADJ_BEFORE). */
static bool past_verb_near(const dctx *c, size_t i)
{
    size_t lo, hi;
    clause_window(c, i, &lo, &hi);
    size_t best_fut = (size_t)-1, best_past = (size_t)-1;
    for (size_t k = lo; k < hi; k++) {
        if (c->tk[k].type != CC_TOK_WORD) continue;
        size_t dist = k > i ? k - i : i - k;
        int kd = kind_at(c, k);
        unsigned tf = tense_at(c, k);
        if (kd == K_FUT || ((tf & TF_FUT_AFTER_APOS) && k > 0 && is_p(c, k - 1, '\'')) || (tf & TF_PRESENT)) {
            if (dist < best_fut) best_fut = dist;
        } else if (ed_word(c, k) && !(tense_at(c, k - 1) & (TF_PASSIVE | TF_ADJ_BEFORE))) {
            if (dist < best_past) best_past = dist;
        }
    }
    return best_past != (size_t)-1 && best_past < best_fut;
}

static bool past_sentence(const dctx *c, size_t i)
{
    const cc_sentence *s = &c->p->sent[c->tk[i].sent];
    size_t lo = i > s->tok_start + 8 ? i - 8 : s->tok_start;
    size_t hi = i + 8 < s->tok_end ? i + 8 : s->tok_end;
    for (size_t k = lo; k < hi; k++)
        if (c->tk[k].type == CC_TOK_WORD && kind_at(c, k) == K_PAST) return true;
    return false;
}

static bool parse_weekday(dctx *c, size_t i, dres *r, int wd, int shift)
{
    size_t j = i + 1;
    if (is_p(c, j, ',')) j++;
    /* weekday + explicit date */
    dres dr;
    dres_clear(&dr);
    int kj = kind_at(c, j);
    if (!shift && ((kj == K_MONTH && parse_month(c, j, &dr, lex_at(c, j)->ival) && strlen(dr.val) == 10) ||
                   (is_num(c, j) && parse_day_month(c, j, &dr)))) {
        *r = dr;
        r->s = i;
        return true;
    }
    int y, m, d;
    bool resolved = false;
    /* "Friday the 26th", "Mon 13th", "tuesday the eleventh": the month,
     * near the anchor, whose day falls on that weekday */
    if (!shift) {
        size_t k0 = word_is(c, j, W_THE) ? j + 1 : j;
        int day = 0;
        size_t de = 0;
        if (!day_word_at(c, k0, &day, &de) && k0 == j && j == i + 1 && is_num(c, j) && num_len(c, j) <= 2 && same_sent(c, i, j) &&
            (j + 1 >= c->n || !same_sent(c, j, j + 1) || is_p(c, j + 1, ',') || is_p(c, j + 1, '.') ||
             is_p(c, j + 1, '?') || is_p(c, j + 1, '!') || lex_has(c, j + 1, K_TCONN))) {
            day = (int)num_val(c, j);
            de = j + 1;
        }
        if (day >= 1 && day <= 31 && same_sent(c, i, de - 1)) {
            r->s = i; r->e = de; r->type = T_DATE;
            fmt(r->val, sizeof r->val, "XXXX-WXX-%d", wd);
            if (anchor(c, &y, &m, &d) == 3) {
                long base = days_from_civil(y, m, d), best = 0, bestd = -1;
                for (int k = -6; k <= 6; k++) {
                    long t = (long)y * 12 + (m - 1) + k;
                    int yy = (int)(t / 12), mm = (int)(t % 12 + 1);
                    if (day > days_in_month(yy, mm)) continue;
                    long dd = days_from_civil(yy, mm, day);
                    if (weekday_of(dd) != wd) continue;
                    if (bestd < 0 || labs(dd - base) < bestd) { bestd = labs(dd - base); best = dd; }
                }
                if (bestd >= 0) day_text(r->val, sizeof r->val, best);
            }
            return true;
        }
    }
    if (c->st->ry || (c->st->mode == CONCUR_DATES_NARRATIVE && anchor(c, &y, &m, &d) == 3)) {
        if (c->st->ry) { y = c->st->ry; m = c->st->rm; d = c->st->rd; }
        else anchor(c, &y, &m, &d);
        long base = days_from_civil(y, m, d);
        int bw = weekday_of(base);
        long day;
        if (shift < 0) day = base - ((bw - wd + 7) % 7 ? (bw - wd + 7) % 7 : 7);
        else if (shift > 0) day = base + ((wd - bw + 7) % 7 ? (wd - bw + 7) % 7 : 7);
        else if ((deadline_before(c, i) && !past_sentence(c, i)) || future_sentence(c, i)) day = base + (wd - bw + 7) % 7;
        else day = base - (bw - wd + 7) % 7;
        int yy, mm, dd;
        civil_from_days(day, &yy, &mm, &dd);
        fmt(r->val, sizeof r->val, "%04d-%02d-%02d", yy, mm, dd);
        resolved = true;
    }
    if (!resolved) fmt(r->val, sizeof r->val, "XXXX-WXX-%d", wd);
    r->s = i; r->e = i + 1;
    r->type = T_DATE;
    /* "Friday morning", "Saturday night" */
    const dt_entry *pd = lex_at(c, i + 1);
    if (pd && pd->kind == K_PARTDAY && same_sent(c, i, i + 1) && !pd->sval[2]) {
        size_t l = strlen(r->val);
        fmt(r->val + l, sizeof r->val - l, "T%s", pd->sval);
        r->type = T_TIME;
        r->e = i + 2;
    }
    return true;
}

static bool parse_season(dctx *c, size_t i, dres *r, const char *code, int shift, bool shifted)
{
    size_t j = i + 1;
    if (word_is(c, j, W_OF)) j++;
    if (year_at(c, j, true)) {
        fmt(r->val, sizeof r->val, "%04ld-%s", num_val(c, j), code);
        r->y = (int)num_val(c, j);
        r->year_stated = true;
        r->s = i; r->e = j + 1; r->type = T_DATE; r->the_ok = true;
        return true;
    }
    int sy;
    size_t se;
    if (spoken_year(c, j, &sy, &se)) {
        fmt(r->val, sizeof r->val, "%04d-%s", sy, code);
        r->y = sy;
        r->year_stated = true;
        r->s = i; r->e = se; r->type = T_DATE; r->the_ok = true;
        return true;
    }
    if (!shifted && word_is(c, i, W_FALL)) return false; /* the verb */
    if (!shifted && !(i > 0 && (word_is(c, i - 1, W_THE) || word_is(c, i - 1, W_IN) || word_is(c, i - 1, W_THIS) ||
                                kind_at(c, i - 1) == K_MOD)))
        return false;
    int y, m, d;
    int prec = anchor(c, &y, &m, &d);
    if (!prec) return false;
    int start = !strcmp(code, "SP") ? 3 : !strcmp(code, "SU") ? 6 : !strcmp(code, "FA") ? 9 : 12;
    if (shift < 0 && prec >= 2 && start >= m) y--;
    if (shift > 0 && (prec < 2 || start <= m)) y++;
    fmt(r->val, sizeof r->val, "%04d-%s", y, code);
    r->s = i; r->e = i + 1; r->type = T_DATE; r->the_ok = true;
    return true;
}

/* decade "1990s", "the '90s"; at the NUM token */
/* A quarter or half written short (`qabbr` rows: q, h): "Q3 2019",
 * "q1-2019", "Q1 of 2017", "2019 Q3", "2019-H2"; with no year, "Q4" (a
 * capital) takes the anchor's. The letter and its digit are glued; i is
 * the letter. */
static bool qabbr_at(const dctx *c, size_t i, char *unit, int *n)
{
    const dt_entry *q = lex_find(c, i, K_QABBR);
    if (!q || !is_num(c, i + 1) || !glued(c, i + 1) || num_len(c, i + 1) != 1) return false;
    if (i > 0 && glued(c, i) && (is_num(c, i - 1) || c->tk[i - 1].type == CC_TOK_WORD)) return false;
    /* "q3x", "H2O": more letters or digits glued after */
    if (i + 2 < c->n && glued(c, i + 2) && (is_num(c, i + 2) || c->tk[i + 2].type == CC_TOK_WORD)) return false;
    int v = (int)num_val(c, i + 1);
    int max = q->sval[0] == 'Q' ? 4 : 2;
    if (v < 1 || v > max) return false;
    *unit = q->sval[0];
    *n = v;
    return true;
}

static bool parse_qabbr(dctx *c, size_t i, dres *r)
{
    char u;
    int n, y, m, d;
    size_t k = i + 2;
    if (year_at(c, i, true)) {
        /* "2019 Q3", "2019-H2" */
        size_t j = i + 1;
        if (is_p(c, j, '-') && glued(c, j) && glued(c, j + 1)) j++;
        else if (glued(c, j)) return false;
        if (!same_sent(c, i, j) || !qabbr_at(c, j, &u, &n)) return false;
        y = (int)num_val(c, i);
        r->year_stated = true;
        k = j + 2;
    } else {
        if (!qabbr_at(c, i, &u, &n)) return false;
        if (is_p(c, k, '-') && glued(c, k) && glued(c, k + 1) && year_at(c, k + 1, true)) {
            y = (int)num_val(c, k + 1);
            k += 2;
            r->year_stated = true;
        } else if (word_is(c, k, W_OF) && year_at(c, k + 1, true) && same_sent(c, i, k + 1)) {
            y = (int)num_val(c, k + 1);
            k += 2;
            r->year_stated = true;
        } else if (year_at(c, k, true) && !glued(c, k) && same_sent(c, i, k)) {
            y = (int)num_val(c, k);
            k++;
            r->year_stated = true;
        } else {
            if (!(c->tk[i].flags & CC_TF_UPPER) || !anchor(c, &y, &m, &d)) return false;
        }
    }
    fmt(r->val, sizeof r->val, "%04d-%c%d", y, u, n);
    if (r->year_stated) r->y = y;
    r->s = i; r->e = k; r->type = T_DATE;
    return true;
}

static bool parse_decade(dctx *c, size_t i, dres *r)
{
    size_t j = i + 1;
    if (is_p(c, j, '\'') && glued(c, j)) j++;
    if (!(word_is(c, j, W_S) && glued(c, j))) return false;
    long v = num_val(c, i);
    int l = num_len(c, i);
    if (l == 4 && v % 10 == 0 && v >= 1000 && v <= 2100) {
        if (v % 100 == 0 && i > 0 && (word_is(c, i - 1, W_EARLY) || word_is(c, i - 1, W_LATE) || word_is(c, i - 1, W_MID))) {
            /* "the early 1900s" still a decade in practice */
        }
        fmt(r->val, sizeof r->val, "%03ldX", v / 10);
    } else if (l == 2 && v % 10 == 0) {
        fmt(r->val, sizeof r->val, "%s%ldX", v >= 30 ? "19" : "20", v / 10);
    } else {
        return false;
    }
    size_t s = i;
    if (l == 2 && i > 0 && is_p(c, i - 1, '\'') && glued(c, i)) s = i - 1;
    if (l == 2 && s > 0) {
        /* "in his 30s", "her early 20s": ages */
        size_t k = s - 1;
        if (kind_at(c, k) == K_MOD && k > 0) k--;
        if (lex_has(c, k, K_POSS)) return false;
    }
    r->s = s; r->e = j + 1; r->type = T_DATE; r->the_ok = true;
    return true;
}

static bool good_year_context(dctx *c, size_t i, const char **mod)
{
    if (i > 0 && i - 1 >= c->floor) {
        const dt_entry *e = lex_at(c, i - 1);
        if (e && e->kind == K_YPREP) {
            /* "of 1992" only after a date-ish word: "the summer of 1992", "the end of 1993" */
            if (word_is(c, i - 1, W_OF))
                return (i > 1 && (kind_at(c, i - 2) == K_UNIT || kind_at(c, i - 2) == K_MOD ||
                                  kind_at(c, i - 2) == K_SEASON || kind_at(c, i - 2) == K_MONTH)) ||
                       i + 1 >= c->n || !same_sent(c, i, i + 1) ||
                       (c->tk[i + 1].type == CC_TOK_PUNCT && !is_p(c, i + 1, '%'));
            *mod = e->sval[0] ? e->sval : NULL;
            return true;
        }
        if (e && (e->kind == K_FISCAL || (e->kind == K_UNIT && !strcmp(e->sval, "Y") && !e->extra[0]))) return true;
    }
    /* "1991 and 1993", "1991-1993", "from 1991 to 1993": a year right after another */
    if (i >= 2 && (word_is(c, i - 1, W_AND) || word_is(c, i - 1, W_TO) || word_is(c, i - 1, W_OR) ||
                   is_p(c, i - 1, '-') || is_p(c, i - 1, '/')) &&
        year_at(c, i - 2, true) && c->d->nm) {
        const concur_mention *last = c->d->m[c->d->nm - 1];
        if (last->kind == CONCUR_KIND_DATE && last->cend == c->tk[i - 2].end) return true;
    }
    /* the second end of "between" + a year + "and" ("Between 1991 and
     * 1993 prices rose"): a plural noun after it does not make it a count
     * (a unit still does; "from 1990 to 2000 employees" stays a count) */
    bool span_year = c->span_end && i >= 2 && word_is(c, i - 1, W_AND) && year_at(c, i - 2, true);
    /* 1900-2099 standing alone is a year unless it counts something */
    long v = num_val(c, i);
    if (v >= 1900 && v <= 2099) {
        if (i > 0 && i - 1 >= c->floor && c->tk[i - 1].type == CC_TOK_PUNCT && glued(c, i) &&
            strchr("$#\xc2\xa3", c->text[c->tk[i - 1].start]))
            return false;
        if (i > 0 && c->tk[i - 1].type == CC_TOK_PUNCT && (c->text[c->tk[i - 1].start] & 0x80)) return false; /* currency */
        if (i > 0 && lex_has(c, i - 1, K_YID)) return false; /* "No. 1992", "page 1992", "flight 2010" */
        const dt_entry *pe = i > 0 ? lex_at(c, i - 1) : NULL;
        if (pe && (pe->kind == K_APPROX || pe->kind == K_NUMW) && !word_is(c, i - 1, W_A) && !word_is(c, i - 1, W_AN))
            return false;
        if (i + 1 < c->n && same_sent(c, i, i + 1)) {
            const cc_token *nt = &c->tk[i + 1];
            if (nt->type == CC_TOK_NUM) return false;
            if (nt->type == CC_TOK_WORD && !(nt->flags & CC_TF_UPPER)) {
                const dt_entry *ne = lex_at(c, i + 1);
                if (ne && ne->kind == K_YNOUN) return true;
                if (ne && (ne->kind == K_UNIT || ne->kind == K_NUMW)) return false;
                /* "2000 people", "1990 troops", "1950 metres": a plural noun counts */
                size_t wl = nt->end - nt->start;
                if (wl > 2 && c->text[nt->end - 1] == 's' && c->text[nt->end - 2] != 's' && !span_year) return false;
                /* "1900 killed", "2000 died": a bare figure before a past
                 * participle or past tense counts those who underwent it */
                if (wl > 3 && c->text[nt->end - 2] == 'e' && c->text[nt->end - 1] == 'd') return false;
                if (lex_has(c, i + 1, K_YCOUNT)) return false; /* "2000 people", "1990 were", "1950 km" */
            }
            if (nt->type == CC_TOK_WORD && (nt->flags & CC_TF_UPPER) && nt->end - nt->start > 4) {
                /* "1948 Palestinians", "2000 Americans", "1500 Azerbaijanis": people counted */
                const char *w = c->text + nt->end;
                if ((w[-3] == 'a' && w[-2] == 'n' && w[-1] == 's') || (w[-3] == 'n' && w[-2] == 'i' && w[-1] == 's') ||
                    (w[-3] == 'e' && w[-2] == 'r' && w[-1] == 's'))
                    return false;
            }
            if (nt->type == CC_TOK_PUNCT && glued(c, i + 1) && (is_p(c, i + 1, '%') || is_p(c, i + 1, '+')))
                return false;
        }
        return true;
    }
    /* "a 2010 commando raid" */
    if (i > 0 && (word_is(c, i - 1, W_A) || word_is(c, i - 1, W_AN)) && num_val(c, i) >= 1900 && i + 1 < c->n &&
        c->tk[i + 1].type == CC_TOK_WORD && !(c->tk[i + 1].flags & CC_TF_UPPER) && lex_at(c, i + 1) == NULL)
        return true;
    /* "the 1915 events", "1992 elections" */
    const dt_entry *nx = lex_at(c, i + 1);
    if (nx && nx->kind == K_YNOUN) return true;
    if (is_p(c, i + 1, '\'') && word_is(c, i + 2, W_S) && glued(c, i + 1)) return true; /* "1992's" */
    return false;
}

/* Month and day of a holiday in year y: "12-25" (fixed), "11-4-4" (the
 * fourth Thursday of November), "05-L-1" (the last Monday of May),
 * "EASTER" (Western Easter Sunday). */
static bool holiday_day(const char *rule, int y, int *m, int *d)
{
    if (!strcmp(rule, "EASTER")) {
        /* the anonymous Gregorian computus */
        int a = y % 19, b = y / 100, cc = y % 100, dd = b / 4, e = b % 4, f = (b + 8) / 25;
        int g = (b - f + 1) / 3, h = (19 * a + b - dd - g + 15) % 30, i = cc / 4, k = cc % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7, mm = (a + 11 * h + 22 * l) / 451;
        *m = (h + l - 7 * mm + 114) / 31;
        *d = (h + l - 7 * mm + 114) % 31 + 1;
        return true;
    }
    int mo = atoi(rule);
    if (mo < 1 || mo > 12 || strlen(rule) < 5) return false;
    if (isdigit((unsigned char)rule[3]) && (rule[4] == 0 || isdigit((unsigned char)rule[4]))) {
        *m = mo;
        *d = atoi(rule + 3);
        return *d >= 1 && *d <= 31;
    }
    /* nth weekday */
    if (strlen(rule) != 6 || rule[4] != '-') return false;
    int wd = rule[5] - '0';
    if (wd < 1 || wd > 7) return false;
    if (rule[3] == 'L') {
        long last = days_from_civil(y, mo, days_in_month(y, mo));
        long day = last - ((weekday_of(last) - wd + 7) % 7);
        int yy;
        civil_from_days(day, &yy, m, d);
        return true;
    }
    int n = rule[3] - '0';
    if (n < 1 || n > 5) return false;
    long first = days_from_civil(y, mo, 1);
    long day = first + (wd - weekday_of(first) + 7) % 7 + 7L * (n - 1);
    int yy;
    civil_from_days(day, &yy, m, d);
    return *m == mo;
}

/* ------------------------------------------------------------ core */
static bool parse_core(dctx *c, size_t i, dres *r, bool year_ok)
{
    dres_clear(r);
    if (i >= c->n) return false;
    const cc_token *t = &c->tk[i];
    if (t->type == CC_TOK_NUM) {
        if (parse_numeric(c, i, r)) return true;
        if (parse_numeric_md(c, i, r)) return true;
        if (num_len(c, i) == 4 && is_p(c, i + 1, '-') && glued(c, i + 1) && is_num(c, i + 2) && glued(c, i + 2) &&
            num_len(c, i + 2) == 2 && year_at(c, i, true) && !(glued(c, i + 3) && i + 3 < c->n && c->tk[i + 3].type != CC_TOK_WORD && !is_p(c, i + 3, '.') && !is_p(c, i + 3, ',')) &&
            num_val(c, i + 2) >= 1 && num_val(c, i + 2) <= 12 && num_val(c, i + 2) <= num_val(c, i) % 100 &&
            !(i > 0 && glued(c, i) && (is_p(c, i - 1, '-') || is_num(c, i - 1)))) {
            /* "2015-12": a month (a later two-digit number, "2009-10", is the year span) */
            set_date(r, (int)num_val(c, i), (int)num_val(c, i + 2), 0, true);
            r->year_stated = true;
            r->s = i; r->e = i + 3; r->type = T_DATE;
            return true;
        }
        if (parse_clock_range(c, i, r)) return true;
        if (parse_time(c, i, r)) return true;
        if (parse_past_hour(c, i, r)) return true;
        {
            /* "4 in the morning", "7 in the evening" */
            dclock t;
            const dt_entry *pe = lex_at(c, i + 3);
            if (word_is(c, i + 1, W_IN) && word_is(c, i + 2, W_THE) && pe && pe->kind == K_PARTDAY && !pe->sval[2] &&
                clock_at(c, i, true, &t) && t.e == i + 1 && t.hh <= 12) {
                clock_in_partday(&t, pe->sval);
                r->s = i; r->e = i + 4; r->type = T_TIME;
                clock_text(r->tpart, sizeof r->tpart, &t);
                put_str(r->val, sizeof r->val, r->tpart);
                return true;
            }
        }
        if (parse_day_month(c, i, r)) { r->type = T_DATE; return true; }
        if (parse_day_alone(c, i, r)) return true;
        if (parse_decade(c, i, r)) return true;
        if (ord_suffix(c, i + 1) && num_len(c, i) <= 2 &&
            (word_is(c, i + 2, W_WEEK) || word_is(c, i + 2, W_MONTH) || word_is(c, i + 2, W_QUARTER)) &&
            parse_ordinal(c, i + 1, r, (int)num_val(c, i)) && r->val[4] != 0 && r->year_stated) {
            r->s = i;
            return true;
        }
        dres_clear(r);
        if (parse_qabbr(c, i, r)) return true;
        dres_clear(r);
        if (ord_suffix(c, i + 1) && word_is(c, i + 2, W_CENTURY)) {
            fmt(r->val, sizeof r->val, "%02ld", num_val(c, i) - 1);
            r->s = i; r->e = i + 3; r->the_ok = true;
            return true;
        }
        if (year_at(c, i, true) && kind_at(c, i + 1) == K_ORD && parse_ordinal(c, i + 1, r, lex_at(c, i + 1)->ival) &&
            r->s == i && r->val[0] != 'X' && strstr(r->val, "-Q"))
            return true;
        dres_clear(r);
        const char *pmod = NULL;
        if (year_at(c, i, year_ok) && (year_ok || good_year_context(c, i, &pmod))) {
            long y = num_val(c, i);
            /* "1992-93", "1991-1993": a span of years */
            set_date(r, (int)y, 0, 0, true); /* "1992": year_at keeps it in 1000..2100 */
            r->y = (int)y; r->year_stated = true; r->yearish = true;
            r->s = i; r->e = i + 1;
            r->mod = pmod;
            /* "the 1988 period" in a quarterly report: that year's quarter */
            const char *q = i > 0 && word_is(c, i - 1, W_THE) && (word_is(c, i + 1, W_PERIOD) || word_is(c, i + 1, W_QUARTER))
                                ? recent_quarter(c, i, 6) : NULL;
            if (q) {
                fmt(r->val, sizeof r->val, "%04ld-%s", y, q + 5);
                r->e = i + 2; r->the_ok = true; r->mod = NULL; r->year_stated = false;
            }
            return true;
        }
        if (parse_duration(c, i, r)) return true;
        return false;
    }
    const dt_entry *e = lex_at(c, i);
    if (!e) return false;
    if (lex_has(c, i, K_QABBR) && parse_qabbr(c, i, r)) return true;
    switch (e->kind) {
    case K_MONTH:
        if (!parse_month(c, i, r, e->ival)) return false;
        if (strlen(r->val) == 10) c->st->textual_mdy++;
        return true;
    case K_WDAY:
        if (!strcmp(e->extra, "pl")) {
            /* "Tuesdays": every Tuesday */
            fmt(r->val, sizeof r->val, "XXXX-WXX-%d", e->ival);
            r->s = i; r->e = i + 1; r->type = T_SET;
            return true;
        }
        if (!strcmp(e->extra, "abbr")) {
            /* "Mon 13th", "Fri, Oct 12": an abbreviation only before a day of the month */
            size_t j = is_p(c, i + 1, ',') ? i + 2 : i + 1;
            if (is_p(c, i + 1, '.') && glued(c, i + 1)) j = i + 2;
            int day;
            size_t de;
            if (!(c->tk[i].flags & CC_TF_UPPER) || !same_sent(c, i, j) ||
                !(day_word_at(c, j, &day, &de) || kind_at(c, j) == K_MONTH || (i > 0 && word_is(c, i - 1, W_ON))))
                return false;
            if (!parse_weekday(c, i, r, e->ival, 0)) return false;
            return true;
        }
        return parse_weekday(c, i, r, e->ival, 0);
    case K_SEASON:
        return parse_season(c, i, r, e->sval, 0, false);
    case K_NUMW:
        if (parse_past_hour(c, i, r)) return true;
        dres_clear(r);
        if (e->ival >= 11 && e->ival <= 19) {
            /* a spoken year: "nineteen ninety-six", "nineteen eighty" */
            const dt_entry *t2 = lex_at(c, i + 1);
            if (t2 && t2->kind == K_NUMW && t2->ival >= 20 && t2->ival <= 90 && t2->ival % 10 == 0) {
                int y = e->ival * 100 + t2->ival;
                size_t k = i + 2;
                size_t k2 = is_p(c, k, '-') ? k + 1 : k;
                const dt_entry *t3 = lex_at(c, k2);
                if (t3 && t3->kind == K_NUMW && t3->ival >= 1 && t3->ival <= 9 && !word_is(c, k2, W_A) &&
                    !word_is(c, k2, W_AN)) {
                    y += t3->ival;
                    k = k2 + 1;
                }
                if (!(lex_at(c, k) && lex_at(c, k)->kind == K_UNIT)) {
                    fmt(r->val, sizeof r->val, "%04d", y);
                    r->y = y; r->year_stated = true; r->yearish = true;
                    r->s = i; r->e = k; r->type = T_DATE;
                    return true;
                }
            }
        }
        if (word_is(c, i, W_SOME) || word_is(c, i, W_MANY)) {
            /* "some years ago" / "many years" */
            const dt_entry *u = lex_at(c, i + 1);
            if (!u || u->kind != K_UNIT || !u->extra[0]) return false;
        }
        return parse_duration(c, i, r);
    case K_ORD: {
        /* "the fourth of July", "the ninth of april 2019", "first March" */
        int day;
        size_t de;
        if (day_word_at(c, i, &day, &de)) {
            size_t j = de;
            bool of = word_is(c, j, W_OF);
            if (of) j++;
            const dt_entry *me = lex_at(c, j);
            if (me && me->kind == K_MONTH && (of || (c->tk[j].flags & CC_TF_UPPER)) && same_sent(c, i, j) &&
                day <= days_in_month(2000, me->ival)) {
                int month = me->ival, y;
                size_t k = j + 1, yk = k;
                bool res = true;
                if (is_p(c, yk, ',') || word_is(c, yk, W_OF)) yk++;
                if (year_at(c, yk, true) && same_sent(c, i, yk)) {
                    y = (int)num_val(c, yk);
                    r->year_stated = true;
                    k = yk + 1;
                } else {
                    y = pick_year(c, i, month, day, &res);
                }
                if (res && !valid_ymd(y, month, day)) return false;
                set_date(r, y, month, day, res);
                r->s = i; r->e = k; r->type = T_DATE; r->the_ok = true;
                return true;
            }
        }
        if (!parse_ordinal(c, i, r, e->ival)) return false;
        return true;
    }
    case K_REL: {
        int y, m, d;
        if (anchor(c, &y, &m, &d) == 3 && (c->st->ry || c->st->mode == CONCUR_DATES_NARRATIVE)) {
            int yy, mm, dd;
            civil_from_days(days_from_civil(y, m, d) + e->ival, &yy, &mm, &dd);
            fmt(r->val, sizeof r->val, "%04d-%02d-%02d", yy, mm, dd);
        } else if (e->extra[0]) {
            fmt(r->val, sizeof r->val, "XXXX-XX-XX");
        } else {
            put_str(r->val, sizeof r->val, e->ival < 0 ? "PAST_REF" : e->ival > 0 ? "FUTURE_REF" : "PRESENT_REF");
        }
        r->s = i; r->e = i + 1;
        const char *pd = e->extra[0] ? e->extra : NULL;
        size_t k = i + 1;
        const dt_entry *pe = lex_at(c, k);
        if (!pd && pe && pe->kind == K_PARTDAY && same_sent(c, i, k) && !pe->sval[2]) { pd = pe->sval; r->e = k + 1; }
        /* "today pm", "tomorrow am" */
        if (!pd && pe && pe->kind == K_AMPM && same_sent(c, i, k) && !is_num(c, k + 1)) {
            pd = pe->sval[0] == 'p' ? "AF" : "MO";
            r->e = k + 1;
        }
        if (pd && r->val[0] != 'P' && r->val[0] != 'F') {
            size_t l = strlen(r->val);
            fmt(r->val + l, sizeof r->val - l, "T%s", pd);
            r->type = T_TIME;
        }
        return true;
    }
    case K_REF: {
        if (word_is(c, i, W_RECENT)) {
            /* "recent weeks" (a duration), "recent years" */
            const dt_entry *u = lex_at(c, i + 1);
            if (!u || u->kind != K_UNIT || !u->extra[0]) return false;
            r->s = i; r->e = i + 2; r->type = T_DURATION;
            duration_value(r->val, sizeof r->val, -1, u->sval);
            return true;
        }
        /* "the future", "the near future", "in future"; not "future losses" */
        if (word_is(c, i, W_FUTURE) &&
            !(i > 0 && (word_is(c, i - 1, W_THE) || word_is(c, i - 1, W_NEAR) || word_is(c, i - 1, W_IN))))
            return false;
        put_str(r->val, sizeof r->val, e->sval);
        r->s = i; r->e = i + 1;
        r->the_ok = word_is(c, i, W_FUTURE) || word_is(c, i, W_PAST);
        return true;
    }
    case K_SHIFT: {
        int sh = e->ival;
        size_t j = i + 1;
        if (word_is(c, i, W_PAST) || word_is(c, i, W_LAST) || word_is(c, i, W_NEXT) || word_is(c, i, W_COMING) ||
            word_is(c, i, W_FOLLOWING) || word_is(c, i, W_PREVIOUS) || word_is(c, i, W_PRECEDING)) {
            /* "the past two weeks", "the next few years" */
            dres q;
            dres_clear(&q);
            long n;
            size_t qe;
            if (quantity_at(c, j, &n, &qe) && !word_is(c, j, W_A) && parse_duration(c, j, &q) && q.type == T_DURATION) {
                *r = q;
                r->s = i; r->the_ok = true;
                return true;
            }
        }
        bool fiscal = false;
        if (word_is(c, j, W_FISCAL)) { j++; fiscal = true; }
        const dt_entry *u = lex_at(c, j);
        if (!u || !(u->kind == K_UNIT || u->kind == K_MONTH || u->kind == K_WDAY || u->kind == K_SEASON ||
                    u->kind == K_PARTDAY)) {
            if (word_is(c, i, W_PAST) && i > 0 && word_is(c, i - 1, W_THE)) {
                fmt(r->val, sizeof r->val, "PAST_REF");
                r->s = i; r->e = i + 1; r->the_ok = true;
                return true;
            }
            return false;
        }
        bool is_that = word_is(c, i, W_THAT);
        r->s = i; r->e = j + 1; r->type = T_DATE; r->the_ok = true;
        if (u->kind == K_UNIT && u->extra[0]) {
            /* "the coming years", "past months": an unspecified stretch */
            if (is_that || sh == 0 || !strcmp(u->sval, "WE")) return false;
            r->type = T_DURATION;
            duration_value(r->val, sizeof r->val, -1, u->sval);
            return true;
        }
        if (is_that) {
            /* "that year", "that day": the story's own time */
            const cc_date_state *s = c->st;
            if (u->kind != K_UNIT) return false;
            const char *lv = s->last_val;
            if (lv[0]) {
                size_t l = strlen(lv);
                if (!strcmp(u->sval, "Y")) { fmt(r->val, sizeof r->val, "%.4s", lv); return true; }
                if (!strcmp(u->sval, "Q") && l == 7 && lv[5] == 'Q') { put_str(r->val, sizeof r->val, lv); return true; }
                if (!strcmp(u->sval, "M") && l >= 7 && isdigit((unsigned char)lv[5])) {
                    fmt(r->val, sizeof r->val, "%.7s", lv);
                    return true;
                }
                if (!strcmp(u->sval, "D") && l == 10) { put_str(r->val, sizeof r->val, lv); return true; }
            }
            if (!s->cy) return false;
            if (!strcmp(u->sval, "Y")) { fmt(r->val, sizeof r->val, "%04d", s->cy); return true; }
            if (!strcmp(u->sval, "M") && s->cm) { fmt(r->val, sizeof r->val, "%04d-%02d", s->cy, s->cm); return true; }
            if (!strcmp(u->sval, "D") && s->cd) {
                fmt(r->val, sizeof r->val, "%04d-%02d-%02d", s->cy, s->cm, s->cd);
                return true;
            }
            return false;
        }
        if (u->kind == K_UNIT && !strcmp(u->sval, "Q") && word_is(c, i, W_LATEST)) sh = -1;
        if (u->kind == K_UNIT && !strcmp(u->sval, "Q") && sh == 0 && !fiscal) {
            /* "this quarter's loss" in a quarterly report: the quarter it reports */
            const char *q = recent_quarter(c, i, 6);
            if (q) { put_str(r->val, sizeof r->val, q); return true; }
        }
        if (u->kind == K_UNIT && !u->extra[0] && sh != 0 &&
            (word_is(c, i, W_FOLLOWING) || word_is(c, i, W_PREVIOUS) || word_is(c, i, W_PRECEDING) ||
             (word_is(c, i, W_NEXT) && i > 0 && word_is(c, i - 1, W_THE) && !strcmp(u->sval, "D")))) {
            /* anaphoric: "the following month" counts from the date just told */
            const char *base = recent_date(c, i, 3);
            if (base && shift_value(base, u->sval, sh, r->val, sizeof r->val)) return true;
        }
        r->s = i; r->e = j + 1; r->type = T_DATE; r->the_ok = true;
        switch (u->kind) {
        case K_UNIT:
            if (u->extra[0]) return false; /* plural */
            if (!strcmp(u->sval, "DE") || !strcmp(u->sval, "CE")) {
                if (sh == 0 && u->sval[0] == 'D') {
                    int y, m, d;
                    if (!anchor(c, &y, &m, &d)) return false;
                    if (u->sval[0] == 'D') fmt(r->val, sizeof r->val, "%03dX", y / 10);
                    else fmt(r->val, sizeof r->val, "%02d", y / 100);
                } else {
                    r->type = T_DURATION;
                    duration_value(r->val, sizeof r->val, 1, u->sval);
                }
                return true;
            }
            if (!strcmp(u->sval, "H") || !strcmp(u->sval, "MIN") || !strcmp(u->sval, "S") || !strcmp(u->sval, "FN")) {
                r->type = T_DURATION;
                duration_value(r->val, sizeof r->val, 1, u->sval);
                return true;
            }
            if (!strcmp(u->sval, "D") && sh == 0 && !is_that) {
                fmt(r->val, sizeof r->val, "PRESENT_REF");
                return false;
            }
            (void)fiscal;
            return shift_date(c, r, u->sval, sh);
        case K_MONTH: {
            if (!(c->tk[j].flags & CC_TF_UPPER)) return false;
            int y, m, d;
            if (!anchor(c, &y, &m, &d)) {
                fmt(r->val, sizeof r->val, "XXXX-%02d", u->ival);
                return true;
            }
            if (sh < 0 && m && u->ival >= m) y--;
            if (sh > 0 && (!m || u->ival <= m)) y++;
            /* "last Oct. 23": the day comes along */
            size_t k = j + 1;
            if (is_p(c, k, '.') && glued(c, k)) k++;
            int day = 0;
            if (is_num(c, k) && num_len(c, k) <= 2 && valid_ymd(y, u->ival, (int)num_val(c, k))) {
                day = (int)num_val(c, k);
                r->e = k + 1;
            }
            set_date(r, y, u->ival, day, true);
            return true;
        }
        case K_WDAY:
            return parse_weekday(c, j, r, u->ival, sh) && (r->s = i, true);
        case K_SEASON:
            if (!parse_season(c, j, r, u->sval, sh, true)) return false;
            r->s = i;
            return true;
        case K_PARTDAY: {
            int y, m, d;
            const char *base = recent_date(c, i, 3);
            if (sh != 0 && i > 0 && word_is(c, i - 1, W_THE) && base && strlen(base) == 10) {
                /* "the next morning": the morning after the day just told */
                char v[24];
                if (shift_value(base, "D", sh, v, sizeof v)) {
                    fmt(r->val, sizeof r->val, "%sT%s", v, u->sval);
                    r->type = T_TIME;
                    return true;
                }
            }
            if (anchor(c, &y, &m, &d) < 3 || !c->st->ry) {
                fmt(r->val, sizeof r->val, "XXXX-XX-XXT%s", u->sval);
            } else {
                long day = days_from_civil(y, m, d);
                if (sh < 0 && !strcmp(u->sval, "NI") && word_is(c, i, W_LAST)) sh = 0, day -= 1;
                int yy, mm, dd;
                civil_from_days(day + sh, &yy, &mm, &dd);
                fmt(r->val, sizeof r->val, "%04d-%02d-%02dT%s", yy, mm, dd, u->sval);
            }
            r->type = T_TIME;
            return true;
        }
        default:
            return false;
        }
    }
    case K_SETW:
        /* "the Communist Party daily Granma": a newspaper */
        if (i + 1 < c->n && c->tk[i + 1].type == CC_TOK_WORD && (c->tk[i + 1].flags & CC_TF_UPPER) &&
            same_sent(c, i, i + 1))
            return false;
        put_str(r->val, sizeof r->val, e->sval);
        r->s = i; r->e = i + 1; r->type = T_SET;
        return true;
    case K_HOLIDAY: {
        size_t used = 0;
        const cc_lex_row *row = cc_lex_match(c->t->lex, c->text, c->tk, i, c->n, &used);
        /* a holiday in lower case only with its year ("easter 2018") */
        if (!row || !used || (!(c->tk[i].flags & CC_TF_UPPER) && !year_at(c, i + used, true) && used < 2)) return false;
        const dt_entry *he = &c->t->ent[row - c->t->lex->rows];
        if (he->kind != K_HOLIDAY || he->sval[0] == '-') return false; /* a first word only */
        size_t k = i + used;
        int y = 0;
        bool res = true;
        if (year_at(c, k, true)) {
            y = (int)num_val(c, k);
            r->year_stated = true;
            k++;
        }
        int m, d;
        if (!holiday_day(he->sval, y ? y : 2000, &m, &d)) return false;
        if (!y) {
            y = pick_year(c, i, m, d, &res);
            if (res && !holiday_day(he->sval, y, &m, &d)) return false;
        }
        set_date(r, y, m, d, res);
        r->s = i; r->e = k;
        return true;
    }
    case K_TIMEW: {
        int hh = atoi(e->sval), mm = atoi(e->sval + 3);
        if (i > 0 && (word_is(c, i - 1, W_HIGH) || (c->tk[i].flags & CC_TF_UPPER && !(c->tk[i].flags & CC_TF_SENT_START))))
            return false;
        r->s = i; r->e = i + 1;
        time_with_date(c, r, hh, mm, true);
        fmt(r->tpart, sizeof r->tpart, "T%02d:%02d", hh, mm);
        return true;
    }
    case K_FISCAL: {
        size_t j = i + 1;
        if (word_is(c, j, W_YEAR)) {
            j++;
            if (i > 0 && word_is(c, i - 1, W_THE) && !year_at(c, j, true)) {
                fmt(r->val, sizeof r->val, "P1Y");
                r->s = i; r->e = j; r->type = T_DURATION; r->the_ok = true;
                return true;
            }
        }
        if (year_at(c, j, true)) {
            fmt(r->val, sizeof r->val, "%04ld", num_val(c, j));
            r->y = (int)num_val(c, j); r->year_stated = true;
            r->s = i; r->e = j + 1;
            return true;
        }
        return false;
    }
    case K_UNIT:
        if (!e->extra[0] && i > 0 && i - 1 >= c->floor && word_is(c, i - 1, W_ALL) && same_sent(c, i - 1, i) &&
            dur_rank(e->sval) >= 0 && strcmp(e->sval, "S") && strcmp(e->sval, "MIN")) {
            /* "all week", "all day": the whole unit, a duration */
            r->s = i - 1; r->e = i + 1; r->type = T_DURATION;
            duration_value(r->val, sizeof r->val, 1, e->sval);
            return true;
        }
        if (!strcmp(e->sval, "D") && !e->extra[0] && i > 0 && word_is(c, i - 1, W_THE) &&
            (word_is(c, i + 1, W_BEFORE) || word_is(c, i + 1, W_AFTER)) &&
            (i + 2 >= c->n || !same_sent(c, i, i + 2) || c->tk[i + 2].type == CC_TOK_PUNCT)) {
            /* "the day before." (nothing after it): the day before the
             * date just told, else before the reference date */
            const char *base = recent_date(c, i, 1);
            char b[16];
            int y, m, d;
            if ((!base || strlen(base) != 10) && c->st->ry && anchor(c, &y, &m, &d) == 3) {
                fmt(b, sizeof b, "%04d-%02d-%02d", c->st->ry, c->st->rm, c->st->rd);
                base = b;
            }
            if (base && strlen(base) == 10 &&
                shift_value(base, "D", word_is(c, i + 1, W_BEFORE) ? -1 : 1, r->val, sizeof r->val)) {
                r->s = i; r->e = i + 2; r->type = T_DATE; r->the_ok = true; r->anaphoric = true;
                return true;
            }
        }
        if (!strcmp(e->sval, "Y") && !e->extra[0] && is_p(c, i + 1, '-') && glued(c, i + 1) &&
            (word_is(c, i + 2, W_AGO) || word_is(c, i + 2, W_EARLIER))) {
            /* "the year-ago quarter", "year-earlier results": the same period a year before */
            size_t j = i + 3;
            int ord = 0;
            const dt_entry *oe = lex_at(c, j);
            if (oe && oe->kind == K_ORD && oe->ival <= 4 && word_is(c, j + 1, W_QUARTER)) { ord = oe->ival; j++; }
            bool quarter = word_is(c, j, W_QUARTER), period = word_is(c, j, W_PERIOD);
            const char *base = recent_date(c, i, 2);
            r->s = i; r->e = (quarter || period) ? j + 1 : i + 3; r->type = T_DATE; r->the_ok = true;
            r->anaphoric = true;
            int y, m, d;
            int prec = anchor(c, &y, &m, &d);
            if (ord && prec >= 1) {
                fmt(r->val, sizeof r->val, "%04d-Q%d", y - 1, ord);
                return true;
            }
            if (base && quarter && strlen(base) >= 7 && isdigit((unsigned char)base[5])) {
                /* a month or a day of that quarter, a year before */
                fmt(r->val, sizeof r->val, "%04d-Q%d", atoi(base) - 1, (atoi(base + 5) - 1) / 3 + 1);
                return true;
            }
            if (base && shift_value(base, "Y", -1, r->val, sizeof r->val)) return true;
            if ((base = recent_quarter(c, i, 6)) && shift_value(base, "Y", -1, r->val, sizeof r->val)) return true;
            if (quarter && prec >= 2) {
                long t = (long)y * 4 + (m - 1) / 3 - 5;
                fmt(r->val, sizeof r->val, "%04ld-Q%ld", t / 4, t % 4 + 1);
                return true;
            }
            if (prec >= 1) {
                fmt(r->val, sizeof r->val, "%04d", y - 1);
                return true;
            }
            return false;
        }
        if (!strcmp(e->sval, "WE") && !e->extra[0] && i > 0 && word_is(c, i - 1, W_THE)) {
            /* in a past-tense report from a weekday, the weekend just gone */
            long wn = 0;
            if (c->st->ry && !future_sentence(c, i) &&
                weekday_of(days_from_civil(c->st->ry, c->st->rm, c->st->rd)) < 6)
                wn = -1;
            if (!shift_date(c, r, "WE", wn)) return false;
            if (r->val[0] == 'P') return false;
            r->s = i; r->e = i + 1; r->the_ok = true;
            return true;
        }
        if (!strcmp(e->sval, "Q") && !e->extra[0] && i > 0 && word_is(c, i - 1, W_THE) && c->st->ry &&
            !(is_p(c, i + 1, '-') && glued(c, i + 1)) &&
            !word_is(c, i + 1, W_OF) && !word_is(c, i + 1, W_CENTURY)) {
            /* "the quarter" in a news report: the quarter the report is
             * about, else the last one ended */
            const char *q = recent_quarter(c, i, 6);
            if (q) put_str(r->val, sizeof r->val, q);
            else shift_date(c, r, "Q", -1);
            r->s = i; r->e = i + 1; r->the_ok = true;
            return true;
        }
        if (!strcmp(e->sval, "W") && !e->extra[0] && is_num(c, i + 1) && num_len(c, i + 1) <= 2 &&
            num_val(c, i + 1) >= 1 && num_val(c, i + 1) <= 53 && same_sent(c, i, i + 1) &&
            !(glued(c, i + 2) && i + 2 < c->n && !is_p(c, i + 2, '.') && !is_p(c, i + 2, ','))) {
            /* "week 31": that week of the year (the year after it, or the anchor's) */
            int y, m, d, wn = (int)num_val(c, i + 1);
            size_t e2 = i + 2;
            if (word_is(c, e2, W_OF) && year_at(c, e2 + 1, true)) { y = (int)num_val(c, e2 + 1); e2 += 2; }
            else if (!anchor(c, &y, &m, &d)) return false;
            fmt(r->val, sizeof r->val, "%04d-W%02d", y, wn);
            r->s = i; r->e = e2; r->type = T_DATE; r->the_ok = true;
            return true;
        }
        if (!strcmp(e->sval, "Y") && !e->extra[0] && i > 0 && word_is(c, i - 1, W_THE) &&
            (word_is(c, i + 1, W_ENDED) || word_is(c, i + 1, W_ENDING))) {
            /* "the year ended March 31": a twelve-month stretch */
            fmt(r->val, sizeof r->val, "P1Y");
            r->s = i; r->e = i + 1; r->type = T_DURATION; r->the_ok = true;
            return true;
        }
        if (!strcmp(e->sval, "Y") && !e->extra[0] &&
            ((is_p(c, i + 1, '-') && glued(c, i + 1) && word_is(c, i + 2, W_END)) ||
             (is_p(c, i + 1, '\'') && word_is(c, i + 2, W_S) && word_is(c, i + 3, W_END)))) {
            /* "by year-end", "by year's end": the end of the current year */
            int y, m, d;
            if (!anchor(c, &y, &m, &d)) return false;
            fmt(r->val, sizeof r->val, "%04d", y);
            r->s = i; r->e = is_p(c, i + 1, '-') ? i + 3 : i + 4; r->mod = "END"; r->the_ok = true;
            r->anaphoric = true;
            return true;
        }
        if (!strcmp(e->sval, "Y") && !e->extra[0] && i > 1 && word_is(c, i - 1, W_FULL) && word_is(c, i - 2, W_THE)) {
            /* "the full year" */
            int y, m, d;
            if (!anchor(c, &y, &m, &d)) return false;
            fmt(r->val, sizeof r->val, "%04d", y);
            r->s = i - 1; r->e = i + 1; r->the_ok = true; r->anaphoric = true;
            return true;
        }
        if (!strcmp(e->sval, "Y") && !e->extra[0]) {
            /* "the year two thousand" */
            int sy;
            size_t se;
            if (spoken_year(c, i + 1, &sy, &se)) {
                fmt(r->val, sizeof r->val, "%04d", sy);
                r->y = sy; r->year_stated = true;
                r->s = i; r->e = se; r->the_ok = true;
                return true;
            }
        }
        if (!strcmp(e->sval, "Y") && !e->extra[0] && year_at(c, i + 1, true)) {
            /* "the year 1992" */
            fmt(r->val, sizeof r->val, "%04ld", num_val(c, i + 1));
            r->y = (int)num_val(c, i + 1); r->year_stated = true;
            r->s = i; r->e = i + 2; r->the_ok = true;
            return true;
        }
        if (e->extra[0] && (!strcmp(e->sval, "Y") || !strcmp(e->sval, "M") || !strcmp(e->sval, "W") ||
                            !strcmp(e->sval, "DE") || !strcmp(e->sval, "D") || !strcmp(e->sval, "H") ||
                            !strcmp(e->sval, "MIN"))) {
            /* bare "years", "for months": an unspecified duration */
            if (i > 0 && (kind_at(c, i - 1) == K_NUMW || is_num(c, i - 1) || kind_at(c, i - 1) == K_ORD)) return false;
            if (!(i > 0 && (word_is(c, i - 1, W_FOR) || word_is(c, i - 1, W_IN) || word_is(c, i - 1, W_OVER) ||
                            word_is(c, i - 1, W_WITHIN) || word_is(c, i - 1, W_AFTER))) &&
                !(word_is(c, i + 1, W_BEFORE) || word_is(c, i + 1, W_AFTER) || word_is(c, i + 1, W_LATER) ||
                  word_is(c, i + 1, W_EARLIER)))
                return false;
            if (word_is(c, i + 1, W_OF) || word_is(c, i + 1, W_OLD)) return false;
            r->s = i; r->e = i + 1; r->type = T_DURATION;
            duration_value(r->val, sizeof r->val, -1, e->sval);
            return true;
        }
        return false;
    default:
        return false;
    }
}

/* "peaked by the end of year" (a past clause): the end of the current
 * year or month has not come yet, so it is the last one's */
static bool end_gone(const dctx *c, size_t i, const char *mod)
{
    return !strcmp(mod, "END") && !future_sentence(c, i) && (past_sentence(c, i) || past_verb_near(c, i));
}

/* prefixes: mod words, approximators, every/each, earlier/later */
static bool parse_expr(dctx *c, size_t i, dres *r)
{
    const dt_entry *e = lex_at(c, i);
    if (e && e->kind == K_MOD) {
        size_t j = i + 1;
        if (e->extra[0]) { /* "the end of" */
            if (!word_is(c, j, W_OF)) goto core;
            j++;
            if (word_is(c, j, W_THE) && !year_at(c, j + 1, true)) {
                const dt_entry *u = lex_at(c, j + 1);
                if (u && u->kind == K_UNIT && !u->extra[0] &&
                    (!strcmp(u->sval, "Y") || !strcmp(u->sval, "M") || !strcmp(u->sval, "W") || !strcmp(u->sval, "Q") ||
                     !strcmp(u->sval, "D"))) {
                    /* "the end of the month" */
                    dres_clear(r);
                    if (!shift_date(c, r, u->sval, end_gone(c, i, e->sval) ? -1 : 0) || r->val[0] == 'P') goto core;
                    r->s = i; r->e = j + 2; r->type = T_DATE; r->mod = e->sval; r->the_ok = true;
                    return true;
                }
                j++;
            } else if (!word_is(c, j, W_THE)) {
                /* "the end of year", "end of month": the unit without its article */
                const dt_entry *u = lex_at(c, j);
                if (u && u->kind == K_UNIT && !u->extra[0] && (!strcmp(u->sval, "Y") || !strcmp(u->sval, "M")) &&
                    !is_p(c, j + 1, '-') && !word_is(c, j + 1, W_OF)) {
                    dres_clear(r);
                    if (!shift_date(c, r, u->sval, end_gone(c, i, e->sval) ? -1 : 0) || r->val[0] == 'P' || r->val[0] == 'F')
                        goto core;
                    r->s = i; r->e = j + 1; r->type = T_DATE; r->mod = e->sval; r->the_ok = true;
                    return true;
                }
            }
        } else if (is_p(c, j, '-') && glued(c, j)) {
            j++;
        }
        dres q;
        if (parse_core(c, j, &q, true) && q.type == T_DATE && q.val[0] != 'P' && q.val[0] != 'F' && !q.mod) {
            *r = q;
            r->s = i; r->mod = e->sval; r->the_ok = true;
            return true;
        }
        goto core;
    }
    if (e && e->kind == K_APPROX) {
        size_t j = i + 1;
        if (e->extra[0]) {
            if (!wid_is(c, j, e->extra_wid)) goto core;
            j++;
        }
        dres q;
        if (parse_core(c, j, &q, false) && !q.mod &&
            (q.type == T_DURATION || q.type == T_TIME || (q.type == T_DATE && kind_at(c, q.e - 1) == K_AGO))) {
            *r = q;
            r->s = i; r->mod = e->sval;
            return true;
        }
        goto core;
    }
    if (e && e->kind == K_PARTDAY && !word_is(c, i + 1, W_OF) && e->sval[2] == 0 &&
        ((i > 1 && word_is(c, i - 1, W_THE) && word_is(c, i - 2, W_IN)) || (i > 0 && word_is(c, i - 1, W_IN)) ||
         (i > 0 && (word_is(c, i - 1, W_EARLY) || word_is(c, i - 1, W_LATE))))) {
        /* "in the morning", "early morning": a part of a day the sentence
         * does not name; it joins a clock time ("in the afternoon at 7") */
        dres_clear(r);
        fmt(r->val, sizeof r->val, "T%s", e->sval);
        r->s = i; r->e = i + 1; r->type = T_TIME;
        return true;
    }
    if (e && e->kind == K_PARTDAY && word_is(c, i + 1, W_OF)) {
        /* "the night of February 25, 1992", "the night of 25-26 February 1992" */
        dres q;
        if (parse_core(c, i + 2, &q, false) && q.type == T_DATE && strlen(q.val) == 10 && e->sval[2] == 0) {
            *r = q;
            size_t l = strlen(r->val);
            fmt(r->val + l, sizeof r->val - l, "T%s", e->sval);
            r->s = i; r->type = T_TIME; r->the_ok = true;
            return true;
        }
        return false;
    }
    if (e && e->kind == K_EVERY) {
        size_t j = i + 1;
        long n = 1;
        if (word_is(c, j, W_OTHER)) { n = 2; j++; }
        size_t qe;
        long qn;
        if (quantity_at(c, j, &qn, &qe) && !word_is(c, j, W_A)) {
            const dt_entry *u = lex_at(c, qe);
            if (u && u->kind == K_UNIT) { n = qn; j = qe; }
        }
        const dt_entry *u = lex_at(c, j);
        if (!u) return false;
        /* the only path that writes r without clearing it first (the
         * others clear it or copy a whole result): cc_dates_scan leaves r
         * unset */
        dres_clear(r);
        r->s = i; r->e = j + 1; r->type = T_SET;
        switch (u->kind) {
        case K_UNIT: duration_value(r->val, sizeof r->val, n, u->sval); return true;
        case K_WDAY: fmt(r->val, sizeof r->val, "XXXX-WXX-%d", u->ival); return true;
        case K_PARTDAY: fmt(r->val, sizeof r->val, "XXXX-XX-XXT%s", u->sval); return true;
        case K_MONTH: fmt(r->val, sizeof r->val, "XXXX-%02d", u->ival); return true;
        case K_SEASON: fmt(r->val, sizeof r->val, "XXXX-%s", u->sval); return true;
        default: return false;
        }
    }
    if (e && e->kind == K_AGO && (word_is(c, i, W_EARLIER) || word_is(c, i, W_LATER))) {
        /* "earlier this year", "later this month" */
        if (kind_at(c, i + 1) == K_SHIFT) {
            dres q;
            if (parse_core(c, i + 1, &q, false) && q.type == T_DATE) {
                *r = q;
                r->s = i;
                r->the_ok = false;
                return true;
            }
        }
        return false;
    }
core:
    return parse_core(c, i, r, false);
}

/* ------------------------------------------------------------ intervals */
/* First (end = false) or last (end = true) day of a calendar value:
 * "1991" -> 1991-01-01 / 1991-12-31, "1989-Q3" -> 1989-07-01 / 1989-09-30,
 * "2013-W11" -> its Monday / Sunday. Other values are copied. */
static void period_day(const char *v, bool end, char *out, size_t cap)
{
    int y, m, d, q;
    char c1;
    size_t len = strlen(v);
    if (len == 10 && scan(v, "%4d-%2d-%2d", &y, &m, &d) == 3) { put_str(out, cap, v); return; }
    if (len == 7 && scan(v, "%4d-%2d", &y, &m) == 2 && m >= 1 && m <= 12) {
        fmt(out, cap, "%04d-%02d-%02d", y, m, end ? days_in_month(y, m) : 1);
        return;
    }
    if (len == 7 && scan(v, "%4d-%c%1d", &y, &c1, &q) == 3 && (c1 == 'Q' || c1 == 'H')) {
        int span = c1 == 'Q' ? 3 : 6;
        int m0 = (q - 1) * span + 1, m1 = m0 + span - 1;
        if (m1 > 12) { put_str(out, cap, v); return; }
        if (end) fmt(out, cap, "%04d-%02d-%02d", y, m1, days_in_month(y, m1));
        else fmt(out, cap, "%04d-%02d-01", y, m0);
        return;
    }
    if (len == 8 && scan(v, "%4d-W%2d", &y, &q) == 2) {
        long jan4 = days_from_civil(y, 1, 4);
        long mon = jan4 - (weekday_of(jan4) - 1) + 7L * (q - 1) + (end ? 6 : 0);
        int yy, mm, dd;
        civil_from_days(mon, &yy, &mm, &dd);
        fmt(out, cap, "%04d-%02d-%02d", yy, mm, dd);
        return;
    }
    if (len == 4 && isdigit((unsigned char)v[0]) && isdigit((unsigned char)v[3])) {
        fmt(out, cap, "%s-%s", v, end ? "12-31" : "01-01");
        return;
    }
    if (len == 2 && isdigit((unsigned char)v[0]) && isdigit((unsigned char)v[1])) {
        /* a century: "20" is 2000 to 2099 */
        fmt(out, cap, "%s%s", v, end ? "99-12-31" : "00-01-01");
        return;
    }
    put_str(out, cap, v);
}

/* A quarter, a half or a century names a stretch of days: it gets its
 * first and last day as begin / end_value ("2019-Q3" -> 2019-07-01 /
 * 2019-09-30), as an interval the text states does. */
static void period_ends(dres *r)
{
    const char *v = r->val;
    size_t len = strlen(v);
    if (r->type != T_DATE || r->beg[0] || r->mod || !isdigit((unsigned char)v[0])) return;
    bool qh = len == 7 && (v[5] == 'Q' || v[5] == 'H') && isdigit((unsigned char)v[6]);
    bool century = len == 2 && isdigit((unsigned char)v[1]);
    if (!qh && !century) return;
    period_day(v, false, r->beg, sizeof r->beg);
    period_day(v, true, r->endv, sizeof r->endv);
}

static void year_after(dctx *c, dres *r);

static bool calendar_value(const dres *r)
{
    return r->type == T_DATE && (isdigit((unsigned char)r->val[0]) || r->val[0] == 'X') && !r->beg[0];
}

/* "from X to Y", "between X and Y", "X - Y", "X through Y": one mention
 * whose value is X and whose begin/end_value are the first day of X and
 * the last day of Y. A year-less X takes Y's year. */
static void join_interval(dctx *c, dres *r)
{
    if (!calendar_value(r)) return;
    size_t k = r->e;
    bool between = r->s > 0 && r->s - 1 >= c->floor && word_is(c, r->s - 1, W_BETWEEN);
    bool from = r->s > 0 && r->s - 1 >= c->floor && word_is(c, r->s - 1, W_FROM);
    /* "2009-2010": two years, as TimeML marks them; "between 2014-2018" is one span */
    if (r->yearish && is_p(c, k, '-') && glued(c, k) && !between && !from) return;
    /* without "from"/"between", "to" and "and" link too many things
     * ("rose from 1991 to 1997 levels"): only a dash or "through" does */
    if (!between && !from && !is_p(c, k, '-') && !is_p(c, k, '~') && !word_is(c, k, W_THROUGH) &&
        !word_is(c, k, W_THRU) && !(SPAN_TO && r->dd && word_is(c, k, W_TO)))
        return;
    if (!(word_is(c, k, W_TO) || word_is(c, k, W_UNTIL) || word_is(c, k, W_TILL) || word_is(c, k, W_THROUGH) ||
          word_is(c, k, W_THRU) || is_p(c, k, '-') || is_p(c, k, '~') || (between && word_is(c, k, W_AND))))
        return;
    if (!same_sent(c, r->s, k + 1)) return;
    dres q;
    dres_clear(&q);
    size_t saved = c->floor;
    c->floor = k + 1;
    c->span_end = true;
    size_t qs = word_is(c, k + 1, W_THE) ? k + 2 : k + 1; /* "until the end of June" */
    bool ok = parse_expr(c, qs, &q) && q.s == qs && calendar_value(&q);
    if (ok) year_after(c, &q);
    c->span_end = false;
    c->floor = saved;
    if (!ok && (from || between) && r->val[0] != 'X' && c->st->ry &&
        (word_is(c, k + 1, W_NOW) || (word_is(c, k + 1, W_DATE) && !word_is(c, k, W_AND)) ||
         (word_is(c, k + 1, W_CURRENT) && word_is(c, k + 2, W_DATE)))) {
        /* "from March to date", "between Aug 2019 and now": up to the reference day */
        period_day(r->val, false, r->beg, sizeof r->beg);
        fmt(r->endv, sizeof r->endv, "%04d-%02d-%02d", c->st->ry, c->st->rm, c->st->rd);
        r->e = word_is(c, k + 1, W_CURRENT) ? k + 3 : k + 2;
        return;
    }
    if (!ok && strlen(r->val) == 10 && r->m && r->dd && !is_p(c, k, '-')) {
        /* "April 9th through 17th", "from april the ninth till the seventeenth":
         * a day of the same month */
        size_t k2 = word_is(c, k + 1, W_THE) ? k + 2 : k + 1;
        int day2;
        size_t de;
        if (day_word_at(c, k2, &day2, &de) && kind_at(c, de) != K_MONTH && !word_is(c, de, W_OF) &&
            same_sent(c, r->s, de - 1) && (from || between || day2 > r->dd)) {
            int y = r->val[0] == 'X' ? 2000 : atoi(r->val);
            if (day2 > r->dd && day2 <= days_in_month(y, r->m)) {
                period_day(r->val, false, r->beg, sizeof r->beg);
                fmt(r->endv, sizeof r->endv, "%.8s%02d", r->val, day2);
                r->e = de;
            } else if (day2 <= r->dd && r->val[0] != 'X') {
                /* "from April 27th to the third": the next month's */
                int m2 = r->m % 12 + 1, y2 = r->m == 12 ? y + 1 : y;
                if (day2 <= days_in_month(y2, m2)) {
                    period_day(r->val, false, r->beg, sizeof r->beg);
                    fmt(r->endv, sizeof r->endv, "%04d-%02d-%02d", y2, m2, day2);
                    r->e = de;
                }
            }
        }
        return;
    }
    if (!ok) return;
    /* "1991 - 1275 hostages" is not a span: a bare year needs a year after it
     * (or a month of a stated year: "2014 through May 2018") */
    if (r->yearish != q.yearish && !(r->yearish && q.year_stated && q.m && !is_p(c, k, '-'))) return;
    if (!r->year_stated && q.year_stated && r->m) {
        int y = q.y;
        if (r->m > q.m && q.m) y--;
        if (!r->dd || valid_ymd(y, r->m, r->dd)) {
            char alt[48];
            memcpy(alt, r->alt, sizeof alt);
            set_date(r, y, r->m, r->dd, true);
            memcpy(r->alt, alt, sizeof alt);
            r->year_stated = true;
        }
    }
    period_day(r->val, false, r->beg, sizeof r->beg);
    period_day(q.val, true, r->endv, sizeof r->endv);
    r->e = q.e;
    /* the timeline moves on to the end */
    if (q.year_stated && q.y) { r->y = q.y; r->m = q.m; r->dd = q.dd; r->year_stated = true; }
}

/* "26 June to 28 June in 2020", "april in 2016": a year given after a
 * date without one is its year */
static void year_after(dctx *c, dres *r)
{
    if (r->year_stated || r->type != T_DATE || !r->m || strlen(r->val) < 7 || r->val[4] != '-') return;
    size_t k = r->e;
    if (!(word_is(c, k, W_IN) || word_is(c, k, W_OF) || (r->beg[0] && is_p(c, k, ','))) || !year_at(c, k + 1, true) ||
        !same_sent(c, r->s, k + 1))
        return;
    if (kind_at(c, k + 2) == K_MONTH || word_is(c, k + 2, W_TO)) return;
    int y = (int)num_val(c, k + 1);
    char yy[8];
    fmt(yy, sizeof yy, "%04u", (unsigned)y % 10000u);
    if (r->dd && !valid_ymd(y, r->m, r->dd)) return;
    memcpy(r->val, yy, 4);
    if (r->beg[0] && strlen(r->beg) >= 4) memcpy(r->beg, yy, 4);
    if (r->endv[0] && strlen(r->endv) >= 4) memcpy(r->endv, yy, 4);
    r->y = y; r->year_stated = true;
    r->e = k + 2;
}

/* "since August", "starting on January 7th", "after Feb": the text
 * states where an open interval begins -- the first day of the date, or
 * the day after it ends */
static void open_start(dctx *c, dres *r)
{
    if (!calendar_value(r) || r->val[0] == 'X' || r->s == 0 || r->s - 1 < c->floor) return;
    size_t p = r->s - 1;
    if (word_is(c, p, W_THE) && p > 0) p--;
    if (word_is(c, p, W_ON) && p > 0 && word_is(c, p - 1, W_STARTING)) p--;
    bool since = word_is(c, p, W_SINCE) || word_is(c, p, W_STARTING);
    bool after = word_is(c, p, W_AFTER);
    if (!since && !after) return;
    if (r->mod && strcmp(r->mod, "ON_OR_AFTER") && strcmp(r->mod, "AFTER")) return; /* "since late July" */
    char d[32];
    period_day(r->val, after, d, sizeof d);
    int y, m, dd;
    if (strlen(d) != 10 || scan(d, "%4d-%2d-%2d", &y, &m, &dd) != 3 || !valid_ymd(y, m, dd)) return;
    day_text(r->beg, sizeof r->beg, days_from_civil(y, m, dd) + (after ? 1 : 0));
}

/* ------------------------------------------------------------ emit */
static void emit(dctx *c, dres *r)
{
    concur_doc *d = c->d;
    size_t s = r->s;
    if (r->the_ok && s > c->floor && s > 0 && word_is(c, s - 1, W_THE) && same_sent(c, s - 1, s)) s--;
    concur_mention *m = cc_doc_add(d, CONCUR_KIND_DATE, c->tk[s].start, c->tk[r->e - 1].end);
    if (!m) return;
    m->sentence = c->p->sent_base + c->tk[r->s].sent;
    m->timex_type = t_names[r->type];
    m->timex_value = cc_arena_strdup(&d->arena, r->val);
    if (!r->mod && r->type == T_DATE && s > 0 && s - 1 >= c->floor) {
        const dt_entry *pe = lex_at(c, s - 1);
        if (pe && pe->kind == K_YPREP && pe->sval[0]) r->mod = pe->sval;
    }
    m->timex_mod = r->mod;
    period_ends(r);
    if (r->beg[0]) m->begin = cc_arena_strdup(&d->arena, r->beg);
    if (r->endv[0]) m->end_value = cc_arena_strdup(&d->arena, r->endv);
    if (r->alt[0]) m->timex_alt = cc_arena_strdup(&d->arena, r->alt);
    if (!m->timex_value) d->oom = true;

    /* the story's timeline */
    cc_date_state *st = c->st;
    if ((r->type == T_DATE || r->type == T_TIME) && !r->anaphoric && isdigit((unsigned char)r->val[0]) && strlen(r->val) >= 4 &&
        r->val[4] != 'X' && strlen(r->val) < sizeof st->last_val) {
        size_t l = strlen(r->val);
        if (l > 10) l = 10;
        memcpy(st->last_val, r->val, l);
        st->last_val[l] = 0;
        st->last_sent = m->sentence;
    }
    if (r->type == T_DATE && !r->anaphoric && strlen(r->val) == 7 && r->val[5] == 'Q' && isdigit((unsigned char)r->val[6])) {
        /* the quarter a report is about is the first calendar one it names
         * (a fiscal quarter is not a calendar one) */
        bool fiscal = false;
        for (size_t k = r->s > 2 ? r->s - 2 : 0; k < r->e; k++)
            if (kind_at(c, k) == K_FISCAL) fiscal = true;
        if (!fiscal) {
            if (!st->last_q[0]) memcpy(st->last_q, r->val, 8);
            st->last_q_sent = m->sentence;
        }
    }
    /* "for the nine months": the report has moved on from the quarter */
    if (r->type == T_DURATION && r->val[0] == 'P' && r->val[1] != 'T' && r->val[strlen(r->val) - 1] == 'M')
        st->last_q[0] = 0;
    if (r->type == T_DATE || r->type == T_TIME) {
        if (r->year_stated && r->y) {
            st->cy = r->y; st->cm = r->m; st->cd = r->dd;
            st->csent = m->sentence;
            if (r->beg[0]) { st->cd = r->dd; }
        } else if (r->y && r->m && st->cy == r->y) {
            st->cm = r->m; st->cd = r->dd;
        }
        /* a dateline: the first full date near the top anchors relative words */
        /* (the first paragraph, or a dateline opening the second, after a
         * title: "KANO, Nigeria, March 3, 2015 - ...") */
        if (!st->ry && strlen(r->val) == 10 && r->year_stated &&
            (c->p->index == 0 || (c->p->index == 1 && m->cstart < c->p->start + 60))) {
            st->ry = r->y; st->rm = r->m; st->rd = r->dd;
            /* a dated dateline makes the document news: "last month"
             * later counts from it, not from the story's latest year */
            if (c->d->opt.date_mode == CONCUR_DATES_AUTO) st->mode = CONCUR_DATES_NEWS;
        }
    }
}

/* ------------------------------------------------ durations placed */
/* day + n units (D, W, M, Y; n may be negative); a month or year step
 * keeps the day, clamped to the month's length */
static long add_units(int y, int m, int d, char u, long n)
{
    if (u == 'D') return days_from_civil(y, m, d) + n;
    if (u == 'W') return days_from_civil(y, m, d) + 7 * n;
    long t = (long)y * 12 + (m - 1) + (u == 'Y' ? 12 * n : u == 'Q' ? 3 * n : n);
    /* floor division: a month before year 0 ("preceding 2036 yrs") is
     * still 1..12 (days_in_month indexes by it) */
    long ty = t >= 0 ? t / 12 : -((-t + 11) / 12);
    int yy = (int)ty, mm = (int)(t - ty * 12 + 1);
    int dd = d > days_in_month(yy, mm) ? days_in_month(yy, mm) : d;
    return days_from_civil(yy, mm, dd);
}

static void day_text(char *out, size_t cap, long days)
{
    int y, m, d;
    civil_from_days(days, &y, &m, &d);
    fmt(out, cap, "%04d-%02d-%02d", y, m, d);
}

/* "P3D" -> 3, 'D'; only whole calendar units (Q: quarters) */
static bool duration_parts(const char *v, long *n, char *u)
{
    if (v[0] != 'P' || !isdigit((unsigned char)v[1])) return false;
    char *end;
    long k = strtol(v + 1, &end, 10);
    if (!(end[0] == 'D' || end[0] == 'W' || end[0] == 'M' || end[0] == 'Y' || end[0] == 'Q') || end[1] || k <= 0 ||
        k > 10000)
        return false;
    *n = k; *u = end[0];
    return true;
}

/* Is the clause around i about what is to come, or without any tense
 * (a fragment: "in 2 weeks")? */
static bool not_past(const dctx *c, size_t i)
{
    if (future_sentence(c, i)) return true;
    if (past_sentence(c, i) || past_verb_near(c, i)) return false;
    /* reported speech and superlatives: "the highest level in two weeks, traders said" */
    const cc_sentence *st = &c->p->sent[c->tk[i].sent];
    for (size_t k = st->tok_start; k < st->tok_end; k++) {
        if (c->tk[k].type != CC_TOK_WORD) continue;
        size_t l = c->tk[k].end - c->tk[k].start;
        const char *w = c->text + c->tk[k].start;
        if (lex_has(c, k, K_REPORT)) return false;
        if (k < i && k > st->tok_start && word_is(c, k - 1, W_THE) &&
            ((l > 4 && w[l - 3] == 'e' && w[l - 2] == 's' && w[l - 1] == 't') || lex_has(c, k, K_SUPERL)))
            return false;
    }
    return true;
}

/* A duration placed on the calendar by the words around it:
 *   "in 2 weeks" (a clause about the future) -> the day 2 weeks after the
 *       reference date; in a past clause ("the first rise in two weeks")
 *       it stays a duration;
 *   "3 days from today", "two days after tomorrow", "2 weeks before
 *       Christmas" -> that day counted from the date named ("from now"
 *       stays two mentions, as TimeML marks it);
 *   "the next 3 days" / "the last 3 months" -> still the duration, with
 *       begin / end_value: the day after the reference to n days on, or n
 *       months before it to the day before it. */
static void place_duration(dctx *c, dres *r)
{
    long n;
    char u;
    if (r->type != T_DURATION || r->mod || !duration_parts(r->val, &n, &u)) return;
    int y, m, d;
    size_t k = r->e;
    /* "for 3 days from today", "3 days starting from next Monday": the
     * duration with the day it starts as begin */
    {
        size_t k2 = is_p(c, k, ',') ? k + 1 : k;
        bool starting = word_is(c, k2, W_STARTING);
        bool for_from = r->s > 0 && word_is(c, r->s - 1, W_FOR) && word_is(c, k2, W_FROM);
        if (starting || for_from) {
            size_t q0 = k2 + 1;
            if (starting && (word_is(c, q0, W_FROM) || word_is(c, q0, W_ON))) q0++;
            dres q;
            size_t saved = c->floor;
            c->floor = q0;
            int qy, qm, qd;
            bool ok = parse_expr(c, q0, &q) && q.s == q0 && (q.type == T_DATE || q.type == T_TIME) &&
                      strlen(q.val) >= 10 && isdigit((unsigned char)q.val[0]) &&
                      scan(q.val, "%4d-%2d-%2d", &qy, &qm, &qd) == 3 && valid_ymd(qy, qm, qd);
            if (ok) compose_time(c, &q);
            c->floor = saved;
            if (ok) {
                day_text(r->beg, sizeof r->beg, days_from_civil(qy, qm, qd));
                day_text(r->endv, sizeof r->endv, add_units(qy, qm, qd, u, n) - 1);
                r->e = q.e;
                return;
            }
        }
    }
    /* "N units from / after / before DATE" */
    bool from = word_is(c, k, W_FROM), after = word_is(c, k, W_AFTER), before = word_is(c, k, W_BEFORE);
    if ((from || after || before) && same_sent(c, r->s, k + 1)) {
        dres q;
        size_t saved = c->floor;
        c->floor = k + 1;
        bool ok = false;
        int qy = 0, qm = 0, qd = 0;
        if (parse_expr(c, k + 1, &q) && q.s == k + 1 && q.type == T_DATE && strlen(q.val) == 10 &&
                   isdigit((unsigned char)q.val[0]) && scan(q.val, "%4d-%2d-%2d", &qy, &qm, &qd) == 3) {
            ok = valid_ymd(qy, qm, qd);
        }
        c->floor = saved;
        if (ok) {
            day_text(r->val, sizeof r->val, add_units(qy, qm, qd, u, before ? -n : n));
            r->type = T_DATE;
            r->e = q.e;
            return;
        }
    }
    if (anchor(c, &y, &m, &d) < 3 || !c->st->ry) return;
    y = c->st->ry; m = c->st->rm; d = c->st->rd;
    size_t s = r->s;
    /* a number written out: "in a decade" is mostly a comparison ("the worst in a decade") */
    if (s > 0 && s - 1 >= c->floor && word_is(c, s - 1, W_IN) && (is_num(c, s) || kind_at(c, s) == K_NUMW) &&
        !word_is(c, s, W_A) && !word_is(c, s, W_AN) && not_past(c, s)) {
        day_text(r->val, sizeof r->val, add_units(y, m, d, u, n));
        r->type = T_DATE;
        return;
    }
    int sk = kind_at(c, s);
    if (sk != K_SHIFT) return;
    const dt_entry *se = lex_at(c, s);
    if (u == 'Q' && se->ival != 0) {
        /* "the last 2 quarters": whole calendar quarters before the
         * current one; "the next 7 quarters": from the next one on */
        long q0 = (long)y * 4 + (m - 1) / 3 + (se->ival > 0 ? 1 : -n);
        int qy = (int)(q0 / 4), qm = (int)(q0 % 4) * 3 + 1;
        day_text(r->beg, sizeof r->beg, days_from_civil(qy, qm, 1));
        day_text(r->endv, sizeof r->endv, add_units(qy, qm, 1, 'Q', n) - 1);
        return;
    }
    if (se->ival > 0) {
        day_text(r->beg, sizeof r->beg, days_from_civil(y, m, d) + 1);
        day_text(r->endv, sizeof r->endv, add_units(y, m, d, u, n));
    } else if (se->ival < 0) {
        day_text(r->beg, sizeof r->beg, add_units(y, m, d, u, -n));
        day_text(r->endv, sizeof r->endv, days_from_civil(y, m, d) - 1);
    }
}

/* ------------------------------------------------------ date + time */
/* The day a value names and the part of day it carries: "2016-11-08",
 * "XXXX-05-12", "XXXX-WXX-1", "2018-10-29TMO" (pd "MO"). */
static bool day_prefix(const dres *r, char day[11], char pd[3])
{
    const char *v = r->val;
    size_t l = strlen(v);
    pd[0] = 0;
    if (r->beg[0] || r->tpart[0] || r->mod) return false;
    if (l == 3 && v[0] == 'T' && isalpha((unsigned char)v[1])) { /* "in the afternoon" */
        pd[0] = v[1]; pd[1] = v[2]; pd[2] = 0;
        day[0] = 0;
        return true;
    }
    if (l < 10) return false;
    bool ymd = (isdigit((unsigned char)v[0]) || v[0] == 'X') && v[4] == '-' && v[7] == '-' &&
               isdigit((unsigned char)v[8]) && isdigit((unsigned char)v[9]);
    bool wk = !strncmp(v, "XXXX-WXX-", 9) && isdigit((unsigned char)v[9]);
    if (!ymd && !wk) return false;
    if (l == 13 && v[10] == 'T' && isalpha((unsigned char)v[11])) { pd[0] = v[11]; pd[1] = v[12]; pd[2] = 0; }
    else if (l != 10) return false;
    memcpy(day, v, 10);
    day[10] = 0;
    return true;
}

/* a clock hour in the afternoon, evening or night is after noon:
 * "tonight around 7", "last night at 8" */
static void clock_in_partday(dclock *t, const char *pd)
{
    if (t->ap || t->hh < 1 || t->hh >= 12) return;
    if (!strcmp(pd, "AF") || !strcmp(pd, "EV") || !strcmp(pd, "NI")) t->hh += 12;
}

/* One mention for a day and a clock time written together: "tomorrow
 * 8:00am", "next Monday 1-3 pm", "each Monday at 4pm" (a SET),
 * "tonight around 7", "4:30pm on Friday". The time takes the day; a range
 * keeps both ends in begin / end_value. */
static void compose_time(dctx *c, dres *r)
{
    char day[11], pd[3];
    int wy, wk;
    /* "next week on Tuesday", "next week Wednesday": that day of that week */
    if (r->type == T_DATE && strlen(r->val) == 8 && scan(r->val, "%4d-W%2d", &wy, &wk) == 2 && !r->beg[0]) {
        size_t k = r->e;
        if (is_p(c, k, ',') || is_p(c, k, '-') || word_is(c, k, W_ON)) k++;
        if (kind_at(c, k) == K_WDAY && same_sent(c, r->s, k)) {
            char mon[24];
            period_day(r->val, false, mon, sizeof mon);
            int y, m, d;
            if (scan(mon, "%4d-%2d-%2d", &y, &m, &d) == 3) {
                day_text(r->val, sizeof r->val, days_from_civil(y, m, d) + lex_at(c, k)->ival - 1);
                r->e = k + 1;
            }
        }
        return;
    }
    /* "Tuesday of next week", "tuesday of last week" */
    if (r->type == T_DATE && strlen(r->val) == 10 && r->e == r->s + 1 && kind_at(c, r->s) == K_WDAY &&
        word_is(c, r->e, W_OF) && kind_at(c, r->e + 1) == K_SHIFT) {
        const dt_entry *u = lex_at(c, r->e + 2);
        dres q;
        if (u && u->kind == K_UNIT && !strcmp(u->sval, "W") && !u->extra[0] && parse_core(c, r->e + 1, &q, false) &&
            strlen(q.val) == 8 && scan(q.val, "%4d-W%2d", &wy, &wk) == 2) {
            char mon[24];
            int y, m, d;
            period_day(q.val, false, mon, sizeof mon);
            if (scan(mon, "%4d-%2d-%2d", &y, &m, &d) == 3) {
                day_text(r->val, sizeof r->val, days_from_civil(y, m, d) + lex_at(c, r->s)->ival - 1);
                r->e = q.e;
            }
        }
    }
    if (day_prefix(r, day, pd) && (r->type == T_DATE || r->type == T_TIME || r->type == T_SET)) {
        size_t k = r->e;
        if (is_p(c, k, ',') && day[0]) k++; /* "Tuesday, 9am"; "in the morning, at 4 in ..." stays apart */
        bool conn = lex_has(c, k, K_TCONN) || is_p(c, k, '@');
        bool between = word_is(c, k, W_BETWEEN);
        if (conn) k++;
        if (!same_sent(c, r->s, k)) return;
        dclock a, b;
        bool range = clock_range_at(c, k, between, (conn && (between || word_is(c, k - 1, W_FROM))) || pd[0], &a, &b);
        if (!range && !clock_at(c, k, conn || pd[0], &a)) return;
        clock_in_partday(&a, pd);
        char ta[16], tb[16];
        clock_text(ta, sizeof ta, &a);
        fmt(r->val, sizeof r->val, "%s%s", day, ta);
        if (range) {
            clock_in_partday(&b, pd);
            clock_text(tb, sizeof tb, &b);
            fmt(r->beg, sizeof r->beg, "%s%s", day, ta);
            fmt(r->endv, sizeof r->endv, "%s%s", day, tb);
        }
        if (r->type != T_SET) r->type = T_TIME;
        r->e = range ? b.e : a.e;
        memcpy(r->tpart, ta, sizeof ta);
        r->dated = true;
        return;
    }
    if (r->tpart[0] && !r->dated && r->type == T_TIME) {
        size_t k = r->e;
        if (is_p(c, k, ',')) k++;
        if (word_is(c, k, W_ON)) k++;
        if (k >= c->n || !same_sent(c, r->s, k)) return;
        int kk = kind_at(c, k);
        if (!(is_num(c, k) || kk == K_MONTH || kk == K_WDAY || kk == K_REL || kk == K_SHIFT)) return;
        dres q;
        size_t saved = c->floor;
        c->floor = k;
        bool ok = parse_expr(c, k, &q) && q.s == k && day_prefix(&q, day, pd);
        c->floor = saved;
        if (!ok) return;
        const char *tp = strchr(r->val, 'T');
        if (!tp) return;
        char t1[16];
        put_str(t1, sizeof t1, tp);
        if (pd[0] && !r->tap) {
            /* "between 7 and 9 last night": the hours of the evening */
            char *parts[3] = {t1, r->tpart, r->tend};
            for (int q2 = 0; q2 < 3; q2++) {
                char *x = parts[q2];
                if (x[0] != 'T' || !isdigit((unsigned char)x[1]) || !isdigit((unsigned char)x[2])) continue;
                dclock t = {0, 0, -1, false, 0, 0};
                t.hh = (x[1] - '0') * 10 + (x[2] - '0');
                clock_in_partday(&t, pd);
                x[1] = (char)('0' + t.hh / 10);
                x[2] = (char)('0' + t.hh % 10);
            }
        }
        fmt(r->val, sizeof r->val, "%s%s", day, t1);
        if (r->beg[0]) {
            fmt(r->beg, sizeof r->beg, "%s%s", day, r->tpart);
            fmt(r->endv, sizeof r->endv, "%s%s", day, r->tend);
        }
        r->e = q.e;
        r->dated = true;
    }
}

/* Can a date start at number token i? A cheap test that holds wherever
 * parse_expr can succeed there (and then has no side effect to miss), so
 * that most numbers skip the parsers. What each path of parse_core needs
 * from a number:
 *   4 digits: a year (year_at);
 *   a sign glued after it: numeric dates, "2015-12", "10:30" (one of
 *     - / : '), or a decimal "3.5 years", "10.30 pm", 25.02.1992 (a dot
 *     before more digits, then a dot, a unit or am/pm: decimal_may_start);
 *   the next word, glued or not, one of WF_AFTER_NUM: a month ("5 March",
 *     "5March"), a unit ("5 years", "5yrs"), am/pm, a time zone, a word
 *     linking a clock range ("to", "until"), "and" ("between 3 and 8",
 *     "two and a half"), "a"/"p" of "a.m.", "past"/"min"/"mins"/"minutes"
 *     ("10 past 9"), "in" ("4 in the morning"), the ordinal suffixes
 *     ("5th"), "s" ("90s"), "ish" ("11ish"); "$639m", "1.13bn" fail;
 *   a dash ("5 - 6 pm", "5 - 7 March"). */
static bool num_may_start(const dctx *c, size_t i);

static inline bool wflag_is(const dctx *c, size_t i, unsigned f)
{
    uint32_t id = i < c->n ? c->tk[i].wid : 0;
    return id < c->t->nwrow && (c->t->wflag[id] & f);
}

static inline unsigned char lower_byte(char ch)
{
    unsigned char u = (unsigned char)ch;
    return (unsigned)(u - 'A') < 26u ? (unsigned char)(u + 32) : u;
}

/* "N.M" at i: parse_numeric needs another dot (25.02.1992), clock_at
 * am/pm ("10.30 pm", "10.30 a.m."), decimal_duration a unit ("3.5
 * years"); no other parser takes a number with a decimal part. */
static bool decimal_may_start(const dctx *c, size_t i)
{
    size_t k = i + 3;
    return is_p(c, k, '.') || wflag_is(c, k, WF_AFTER_NUM);
}

static bool num_may_start(const dctx *c, size_t i)
{
    if (num_len(c, i) == 4) return true;
    size_t j = i + 1;
    if (j >= c->n) return false;
    const cc_token *t = &c->tk[j];
    if (t->type == CC_TOK_WORD) return wflag_is(c, j, WF_AFTER_NUM);
    if (!glued(c, j)) return is_p(c, j, '-');
    if (t->type != CC_TOK_PUNCT) return true;
    /* of glued signs only these: "5," "5%" and a full stop start nothing */
    if (is_p(c, j, '.')) return is_num(c, j + 1) && glued(c, j + 1) && decimal_may_start(c, i);
    return is_p(c, j, '-') || is_p(c, j, '/') || is_p(c, j, ':') || is_p(c, j, '\'');
}

/* The same for a number word (K_NUMW: "a", "one", "twenty", "some"):
 * parse_core tries minutes past an hour ("twenty past 9", "ten minutes
 * past", "a couple of minutes past"), a spoken year ("nineteen ninety")
 * and a duration ("a year", "two-year", "a few days", "twenty-five
 * years", "a couple of weeks", "two and a half years"); each needs the
 * next token to be a number word or a unit (WF_AFTER_NUMW), "past",
 * "min(s)"/"minutes" (also WF_AFTER_NUMW), a dash, "of" after "couple"
 * or "and a half". Most "a" and "one" fail here ("a new", "one of"). */
static bool numw_may_start(const dctx *c, size_t i)
{
    size_t j = i + 1;
    if (j >= c->n) return false;
    return wflag_is(c, j, WF_AFTER_NUMW) || is_p(c, j, '-') || (word_is(c, j, W_OF) && word_is(c, i, W_COUPLE)) ||
           and_half_at(c, j);
}

/* The same for a date word en at i, by its class; the classes not named
 * here are always tried, and so is a word with a `qabbr` row ("q", "h").
 *   K_NUMW: numw_may_start.
 *   K_SHIFT ("this", "that", "last"): a month, weekday, season, part of
 *     day or unit after it, or after "fiscal" (WF_AFTER_SHIFT: "this
 *     year", "last May"); for a shift word that counts (WF_SHIFT_QTY:
 *     "past", "last", "next" ...) a number or number word too ("the past
 *     two weeks", "last 12 months"); "the past" alone.
 *   K_APPROX ("about", "more", "at"): its second word if it has one
 *     ("more than", "at least"), then a duration, time or date there:
 *     what parse_core needs of that token.
 *   K_ORD ("first", "third"): a day of a month ("the fourth of July",
 *     "first March"), "quarter"/"half" ("third-quarter"), "week"/"month"
 *     ("the first week of 2015"), "century", or for "first"/"second" a
 *     duration ("the first nine months"): a number, a number word, a
 *     month, "of" or one of those words after it (WF_AFTER_ORD), or a
 *     dash.
 *   K_HOLIDAY of a first word only ("new" of "new year's day"): the
 *     next token must begin with a byte that follows the word in one of
 *     its keys (en->follow; none known: always tried), or be a dash. */
static bool word_may_start(const dctx *c, size_t i, const dt_entry *en)
{
    size_t j = i + 1;
    if (en->kinds >> K_QABBR & 1) return true;
    switch (en->kind) {
    case K_NUMW:
        return numw_may_start(c, i);
    case K_SHIFT:
        if (word_is(c, i, W_PAST)) return true;
        if (word_is(c, j, W_FISCAL)) j++;
        return wflag_is(c, j, WF_AFTER_SHIFT) ||
               (wflag_is(c, i, WF_SHIFT_QTY) && (is_num(c, j) || kind_at(c, j) == K_NUMW));
    case K_APPROX: {
        if (en->extra[0]) {
            if (!wid_is(c, j, en->extra_wid)) return false;
            j++;
        }
        if (is_num(c, j)) return num_may_start(c, j);
        const dt_entry *q = lex_at(c, j);
        if (!q || q->kind == K_PAST) return false;
        return q->kind != K_NUMW || numw_may_start(c, j);
    }
    case K_ORD:
        return j < c->n && (is_num(c, j) || is_p(c, j, '-') || wflag_is(c, j, WF_AFTER_ORD));
    case K_HOLIDAY:
        if (en->sval[0] != '-') return true;
        if (j >= c->n || is_p(c, j, '-')) return j < c->n;
        return !en->follow[0] || strchr(en->follow, lower_byte(c->text[c->tk[j].start]));
    default:
        return true;
    }
}

void cc_dates_scan(const concur_engine *e, concur_doc *d, const cc_para *p)
{
    const dt_tables *t = e->dates;
    if (!t || !p->ntok) return;
    cc_date_state *st = state(d);
    if (!st) return;
    dctx c = {t, d, st, p, p->text, p->tok, p->ntok, 0, false};
    const cc_token *tok = p->tok;
    const size_t nw = t->nwrow;
    const uint8_t *wf = t->wflag;
    /* the tokens that may start a date (cc_starts_list): the WF_START
     * words and the numbers; `next` is the first token not yet read by a
     * date found */
    const uint32_t *at = p->start_at[CC_START_DATE];
    const size_t nat = p->nstart_at[CC_START_DATE];
    size_t next = 0;
    for (size_t ai = 0; ai < nat; ai++) {
        size_t i = at[ai];
        if (i < next) continue;
        const cc_token *tk = &tok[i];
        uint32_t w = tk->wid;
        /* WF_START, a date word of a class that may start a date; else a
         * number */
        if (wf[w < nw ? w : 0] & WF_START) {
            /* a next word without any flag word_may_start needs (wneed):
             * the same answer, without reading the lexicon row */
            if (i + 1 < c.n && tok[i + 1].type == CC_TOK_WORD) {
                uint32_t w2 = tok[i + 1].wid;
                unsigned need = t->wneed[w];
                if (need && !(wf[w2 < nw ? w2 : 0] & need)) continue;
            }
            const dt_entry *en = &t->ent[t->wrow[w] - 1];
            if (en->kind == K_PARTDAY && !word_is(&c, i + 1, W_OF) &&
                !(i > 0 && (word_is(&c, i - 1, W_THE) || word_is(&c, i - 1, W_EARLY) || word_is(&c, i - 1, W_IN) ||
                            word_is(&c, i - 1, W_LATE))))
                continue;
            if (!word_may_start(&c, i, en)) continue;
        } else if (tk->type == CC_TOK_NUM) {
            /* most numbers are not dates */
            if (!num_may_start(&c, i)) continue;
        } else {
            /* "'90s" is handled at the number; no other sign starts a date */
            continue;
        }
        if (d->oom) break;
        /* not cleared here: every path of parse_expr that returns true
         * has cleared it or copied a whole result into it */
        dres r;
        if (!parse_expr(&c, i, &r)) continue;
        if (r.e <= i || r.s < c.floor) continue;
        if (r.s > i) r.s = i;
        place_duration(&c, &r);
        compose_time(&c, &r);
        year_after(&c, &r);
        join_interval(&c, &r);
        year_after(&c, &r);
        open_start(&c, &r);
        /* textual style counts for ambiguous numeric dates */
        if (tk->type == CC_TOK_NUM && strlen(r.val) == 10 && kind_at(&c, r.e - 1) != K_MONTH && !r.alt[0] &&
            r.e > i + 1 && !is_num(&c, i + 2))
            st->textual_dmy++;
        emit(&c, &r);
        c.floor = r.e;
        next = r.e;
        /* "2009-2010", "1957-58": the second year of a span */
        size_t k = next;
        if (r.yearish && k + 1 < p->ntok && is_p(&c, k, '-') && glued(&c, k) && glued(&c, k + 1) && is_num(&c, k + 1) &&
            (num_len(&c, k + 1) == 2 || num_len(&c, k + 1) == 4)) {
            long y2 = num_val(&c, k + 1);
            if (num_len(&c, k + 1) == 2) y2 += r.y / 100 * 100;
            if (y2 > r.y && y2 - r.y < 100) {
                dres q;
                dres_clear(&q);
                q.s = k + 1; q.e = k + 2; q.type = T_DATE; q.yearish = true;
                set_date(&q, (int)y2, 0, 0, true);
                q.year_stated = true;
                emit(&c, &q);
                c.floor = q.e;
                next = q.e;
            }
        }
    }
}

void cc_dates_start_words(const concur_engine *e, uint8_t *bits, size_t n, uint8_t bit)
{
    const dt_tables *t = e->dates;
    for (size_t w = 0; w < n && w < t->nwrow; w++)
        if (t->wflag[w] & WF_START) bits[w] |= bit;
}
