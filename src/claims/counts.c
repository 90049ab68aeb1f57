/* counts.c -- count claims: "613 civilians were killed", "killing 40 people".
 *
 * A count claim joins a number phrase (number + optional group noun) to a
 * trigger (what happened to the people counted) by the structure of the
 * sentence, not by adjacency:
 *   post: NP [aux words] TRIGGER      "1.275 people were taken hostage"
 *   pre:  TRIGGER [link words] NP     "took the lives of 613 of its people"
 *   parts: NP [TRIGGER] including NP, NP and NP   (parent = the first NP)
 *   coordination: ... NP and NP        (the second inherits the category)
 * Word lists are data (data/lexicon/en/count_*.tsv, places.tsv); see
 * docs/counts.md. Sentences without a trigger word are passed over: the
 * scan visits only the first words of triggers and place patterns, listed
 * by word id (cc_token.wid) for each paragraph (cc_starts_list).
 *
 * Per-document state (places seen, counts emitted) lives in the doc arena:
 * nothing to free. Place names are resolved once per document in
 * cc_counts_finish, when every place pattern of the document is known.
 */
#include "../internal.h"

#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <strings.h>

/* --------------------------------------------------------------- tables */

enum { FIRST_TRIG = 1, FIRST_PLACE = 2, FIRST_DET = 4,
       FIRST_TRIG_ALONE = 8 /* some trigger is this word alone, or goes on with no word */ };

typedef struct counts_tables {
    const cc_lexicon *trig, *links, *groups, *numw, *attr, *placepat, *places, *pstop, *regions, *block, *totals;
    uint8_t *first;     /* [word id]: FIRST_* bits, the word starts a trigger / place
                         * pattern, or is a determiner (count_links role "det") */
    size_t nfirst;
    cc_lex_range *trig_range;   /* [word id]: the trigger rows starting with the word */
    uint8_t *pairs;     /* bits by pair_hash(first word id, second word id): set
                         * for the first two words of each trigger of two or
                         * more words (a clear bit: no trigger starts so) */
    /* [word id]: the count_links / count_numwords rows starting with the
     * word (link_at and numw_at test most words of a sentence with a
     * count: most are in neither list, and their id says so at once).
     * NULL when some key's first word could not be registered: then the
     * lexicon is searched. */
    cc_lex_range *link_range, *numw_range;
} counts_tables;

/* Registers the first word of each key of lx (cc_words): its id in ids[row]. */
static bool add_first_words(concur_engine *e, const cc_lexicon *lx, uint32_t *ids)
{
    for (size_t i = 0; i < lx->nrows; i++) {
        const char *k = lx->rows[i].col[0];
        size_t n = strcspn(k, " ");
        ids[i] = n ? cc_words_add(e->words, k, n) : 0;
        if (n && !ids[i]) return false;
    }
    return true;
}

/* Registers the first token of every key of lx as a word (a run of ASCII
 * letters, as the tokenizer cuts it; keys starting otherwise never match
 * at a word token); false when one cannot be: a first token with bytes
 * >= 0x80 (the tokenizer's word could go on where the key's does not) or
 * too long to register. */
static bool add_first_tokens(concur_engine *e, const cc_lexicon *lx)
{
    for (size_t i = 0; i < lx->nrows; i++) {
        const unsigned char *k = (const unsigned char *)lx->rows[i].col[0];
        if (k[0] >= 0x80) return false;
        if (!isalpha(k[0])) continue;
        size_t n = 0;
        while (isalpha(k[n])) n++;
        if (k[n] >= 0x80 || !cc_words_add(e->words, (const char *)k, n)) return false;
    }
    return true;
}

/* The rows of lx starting with each registered word, by word id (the
 * engine's words are all registered by now: counts is the last
 * recogniser to add some). NULL on failure. */
static cc_lex_range *ranges_by_id(const concur_engine *e, const cc_lexicon *lx, size_t nwords)
{
    cc_lex_range *r = calloc(nwords, sizeof *r);
    if (!r) return NULL;
    for (size_t i = 0; i < lx->nrows; i++) {
        const char *k = lx->rows[i].col[0];
        size_t n = 0;
        while (isalpha((unsigned char)k[n])) n++;
        uint32_t id = n ? cc_words_find(e->words, k, n) : 0;
        if (id && id < nwords && r[id].lo == r[id].hi) cc_lex_word_range(lx, k, n, &r[id]);
    }
    return r;
}

/* 16 bits from a pair of word ids: a bit of counts_tables.pairs */
static inline uint32_t pair_hash(uint32_t a, uint32_t b)
{
    return ((a * 0x9E3779B1u) ^ (b * 0x85EBCA77u) ^ ((a ^ b) >> 7)) >> 16;
}

bool cc_counts_init(concur_engine *e)
{
    counts_tables *t = calloc(1, sizeof *t);
    if (!t) return false;
    t->trig = cc_lexicon_get("count_triggers");
    t->links = cc_lexicon_get("count_links");
    t->groups = cc_lexicon_get("count_groups");
    t->numw = cc_lexicon_get("count_numwords");
    t->attr = cc_lexicon_get("count_attributions");
    t->placepat = cc_lexicon_get("count_places");
    t->places = cc_lexicon_get("places");
    t->pstop = cc_lexicon_get("places_stop");
    t->regions = cc_lexicon_get("regions");
    t->block = cc_lexicon_get("count_blockers");
    t->totals = cc_lexicon_get("count_totals");
    if (!t->trig || !t->links || !t->groups || !t->numw || !t->attr || !t->placepat || !t->block || !t->totals) {
        free(t);
        return false;
    }
    /* sentences without a trigger word are skipped: the first words of the
     * triggers and place patterns, by word id (cc_token.wid) */
    size_t nt = t->trig->nrows, np = t->placepat->nrows, nl = t->links->nrows;
    uint32_t *ids = malloc((nt + np + nl + nt + 1) * sizeof *ids);
    bool ok = ids && add_first_words(e, t->trig, ids) && add_first_words(e, t->placepat, ids + nt) &&
              add_first_words(e, t->links, ids + nt + np);
    bool links_by_id = ok && add_first_tokens(e, t->links), numw_by_id = ok && add_first_tokens(e, t->numw);
    /* the second word of each trigger, cut as the tokenizer cuts a word (a
     * run of letters after the space); 0 for a trigger of one word, one
     * going on with something else, or a word too long to register */
    uint32_t *second = ids ? ids + nt + np + nl : NULL;
    for (size_t i = 0; ok && i < nt; i++) {
        const char *k = t->trig->rows[i].col[0], *rest = k + strcspn(k, " ");
        size_t n2 = 0;
        if (*rest) {
            rest++;
            while (rest[n2] && (isalpha((unsigned char)rest[n2]) || (unsigned char)rest[n2] >= 0x80)) n2++;
        }
        second[i] = n2 ? cc_words_add(e->words, rest, n2) : 0;
    }
    t->nfirst = cc_words_count(e->words);
    t->first = ok ? calloc(t->nfirst, 1) : NULL;
    t->pairs = ok ? calloc(1u << 13, 1) : NULL;
    t->trig_range = ok ? calloc(t->nfirst, sizeof *t->trig_range) : NULL;
    if (links_by_id) t->link_range = ranges_by_id(e, t->links, t->nfirst);
    if (numw_by_id) t->numw_range = ranges_by_id(e, t->numw, t->nfirst);
    if (!t->first || !t->pairs || !t->trig_range || (links_by_id && !t->link_range) ||
        (numw_by_id && !t->numw_range)) {
        free(ids);
        e->counts = t;
        cc_counts_free(e);
        return false;
    }
    for (size_t i = 0; i < nt; i++) {
        const char *k = t->trig->rows[i].col[0];
        if (ids[i] && !(t->first[ids[i]] & FIRST_TRIG))
            cc_lex_word_range(t->trig, k, strcspn(k, " "), &t->trig_range[ids[i]]);
        t->first[ids[i]] |= FIRST_TRIG;
        if (second[i]) {
            uint32_t h = pair_hash(ids[i], second[i]);
            t->pairs[h >> 3] |= (uint8_t)(1u << (h & 7));
        } else {
            t->first[ids[i]] |= FIRST_TRIG_ALONE;
        }
    }
    for (size_t i = 0; i < np; i++) t->first[ids[nt + i]] |= FIRST_PLACE;
    /* determiners: one-word links of role "det" ("his wife", step 9) */
    for (size_t i = 0; i < nl; i++) {
        const cc_lex_row *r = &t->links->rows[i];
        if (r->col[1] && (strstr(r->col[1], "det") || strstr(r->col[1], "person")) && !strchr(r->col[0], ' '))
            t->first[ids[nt + np + i]] |= FIRST_DET;
    }
    t->first[0] = 0;
    free(ids);
    e->counts = t;
    return true;
}

void cc_counts_free(concur_engine *e)
{
    counts_tables *t = e->counts;
    if (t) {
        free(t->first);
        free(t->pairs);
        free(t->trig_range);
        free(t->link_range);
        free(t->numw_range);
    }
    free(e->counts);
    e->counts = NULL;
}

/* ------------------------------------------------------- document state */

typedef struct place_cand {
    size_t cstart, cend;
    size_t para;
    size_t sent;          /* document-level sentence */
    const char *name;     /* arena, as written */
    uint8_t strength;     /* 3 = from a place pattern, 0 = capitalised words */
    bool sent_start;
    bool possessive;      /* "Scotland's sympathy": followed by 's */
    bool after_from;      /* "three people from Scotland": after "from" */
} place_cand;

typedef struct count_rec {
    concur_mention *m;
    const char *event_date;   /* the document's incident date when it was emitted */
    size_t para;
    size_t pl_begin, pl_end;  /* place candidates of its paragraph */
    unsigned ordinal;         /* "2nd shot": its rank (step 8), else 0 */
} count_rec;

typedef struct count_state {
    place_cand *pl;
    size_t npl, cappl;
    count_rec *cr;
    size_t ncr, capcr;
    const concur_mention **pm;   /* this paragraph's mentions, by start */
    size_t npm, cappm;
    const char *event_date;      /* date of the latest sentence with a trigger and a date */
} count_state;

/* Grows an arena array (the old block stays in the arena until the doc
 * dies: at most twice the final size). */
static bool arena_grow(cc_arena *a, void **p, size_t *cap, size_t need, size_t size)
{
    if (need <= *cap) return true;
    size_t nc = *cap ? *cap * 2 : 16;
    while (nc < need) nc *= 2;
    void *q = cc_arena_alloc(a, nc * size);
    if (!q) return false;
    if (*p && *cap) memcpy(q, *p, *cap * size);
    *p = q;
    *cap = nc;
    return true;
}

static count_state *state_of(concur_doc *d)
{
    if (!d->counts_state) {
        d->counts_state = cc_arena_alloc(&d->arena, sizeof(count_state));
        if (!d->counts_state) d->oom = true;
    }
    return d->counts_state;
}

/* ------------------------------------------------------- scan context */

#define MAX_TRIG 64
#define CNT_SHOT 1u   /* mention flag: category from "shot" (see cc_counts_finish) */
#define CNT_TOLL 2u   /* mention flag: a toll, a total already: never a clause of a sum */
#define CNT_RANK 4u   /* mention flag: "wounded a fourth": one more of its own clause */
#define CNT_MORE 8u   /* mention flag: "three more bodies": "more" inside the phrase */
#define MAX_NP 64

typedef struct trig_match {
    size_t t0, t1;
    const cc_lex_row *row;
} trig_match;

typedef struct np {
    size_t t0, t1;        /* tokens of the whole phrase (number .. group) */
    size_t c1;            /* end of the numeric core */
    size_t after;         /* where a later trigger may start: after "of Khojaly" */
    bool has_value, has_min, has_max, approx;
    double value, min, max;
    concur_qualifier qual;
    const char *group;    /* normalised, or NULL */
    size_t g0, g1;        /* group words */
    bool bare;            /* no group noun */
    bool article;         /* "a man": value 1 from the article */
    bool rank;            /* "wounded a fourth": one told by its rank */
    bool more;            /* "three more bodies": "more" before the group noun */
    bool det;             /* "his wife", "the ferry's owner": one (or two:
                           * "his parents") counted only in a list with a
                           * count (step 9) */
    bool pending;         /* a det phrase linked to a trigger, not emitted */
    bool pron;            /* a det phrase that is a pronoun: "She and eight
                           * others" (joins only a count of others) */
    bool of_prev;         /* "56 of them": part of an earlier count */
    bool among;           /* "12 children were among the 46 dead": a part of
                           * the next count, emitted after it */
    bool trig_noun;       /* "thousands of casualties": the noun is the trigger */
    const cc_lex_row *noun_trig;
    /* result */
    const char *category;
    const char *note;
    const char *rule;     /* trigger column 5: a rule applied at finish */
    bool hedged, done, dropped;
    bool via_post;        /* the trigger came after the count */
    int coord_with;       /* index of the count it shares a trigger with, -1 */
    int parent;           /* index of the parent NP in this sentence, -1 */
    concur_mention *m;
} np;

typedef struct ctx {
    const counts_tables *t;
    concur_doc *d;
    const cc_para *p;
    const char *text;
    const cc_token *tok;
    size_t s0, s1;        /* sentence tokens */
    trig_match trig[MAX_TRIG];
    size_t ntrig;
    np nps[MAX_NP];
    size_t nnp;
    count_state *st;
    const char *attribution;
    bool attr_done;       /* attribution looked up for this sentence */
    size_t attr_cue;      /* the token of the sentence's first attribution cue */
    size_t deny_at;       /* its first word of count_links role deny, else s1 */
    bool lead_before;     /* the sentence opens "Prior to the rampage," */
} ctx;

static bool tok_is(const ctx *c, size_t i, const char *w)
{
    return i < c->s1 && cc_tok_is(c->text, &c->tok[i], w);
}

static bool tok_punct(const ctx *c, size_t i, char ch)
{
    return i < c->s1 && c->tok[i].type == CC_TOK_PUNCT && c->tok[i].end - c->tok[i].start == 1 &&
           c->text[c->tok[i].start] == ch;
}

static bool is_quote(const ctx *c, size_t i)
{
    return tok_punct(c, i, '"') || tok_punct(c, i, '\'');
}

/* cc_lex_match(lx) at word token i, by the word's id where by_id (the
 * rows of lx starting with each word) is known: the same row and *used. */
static const cc_lex_row *match_at_word(const ctx *c, const cc_lexicon *lx, const cc_lex_range *by_id, size_t i,
                                       size_t *used)
{
    uint32_t w = c->tok[i].wid;
    if (!by_id || w >= c->t->nfirst) return cc_lex_match(lx, c->text, c->tok, i, c->s1, used);
    return cc_lex_match_word(lx, &by_id[w], c->text, c->tok, i, c->s1, used);
}

/* The count_links row at token i (the longest match), its tokens in
 * *used; NULL when none. */
static const cc_lex_row *link_row_at(const ctx *c, size_t i, size_t *used)
{
    if (i >= c->s1 || c->tok[i].type != CC_TOK_WORD) return NULL;
    return match_at_word(c, c->t->links, c->t->link_range, i, used);
}

/* Has link row r one of the roles (comma-separated)? The first of them it
 * has, as written in the row, in *role_out. */
static bool link_role(const cc_lex_row *r, const char *roles, const char **role_out)
{
    if (!r || !r->col[1]) return false;
    /* roles: a comma-separated list in the row */
    for (const char *want = roles; *want;) {
        const char *comma = strchr(want, ',');
        size_t wl = comma ? (size_t)(comma - want) : strlen(want);
        const char *have = r->col[1];
        while (*have) {
            const char *hc = strchr(have, ',');
            size_t hl = hc ? (size_t)(hc - have) : strlen(have);
            if (hl == wl && !strncmp(have, want, wl)) {
                if (role_out) *role_out = have;
                return true;
            }
            have = hc ? hc + 1 : have + hl;
        }
        want = comma ? comma + 1 : want + wl;
    }
    return false;
}

/* Link word(s) at token i with one of the roles; returns tokens used. */
static size_t link_at(const ctx *c, size_t i, const char *roles, const char **role_out)
{
    size_t used = 0;
    return link_role(link_row_at(c, i, &used), roles, role_out) ? used : 0;
}

static bool role_is(const char *role, const char *name)
{
    size_t n = strlen(name);
    return role && !strncmp(role, name, n) && (role[n] == 0 || role[n] == ',');
}

static const trig_match *trig_starting(const ctx *c, size_t i)
{
    for (size_t k = 0; k < c->ntrig; k++)
        if (c->trig[k].t0 == i) return &c->trig[k];
    return NULL;
}

static const trig_match *trig_ending(const ctx *c, size_t i_end)
{
    for (size_t k = 0; k < c->ntrig; k++)
        if (c->trig[k].t1 == i_end) return &c->trig[k];
    return NULL;
}

static const trig_match *trig_covering(const ctx *c, size_t i)
{
    for (size_t k = 0; k < c->ntrig; k++)
        if (c->trig[k].t0 <= i && i < c->trig[k].t1) return &c->trig[k];
    return NULL;
}

static bool dir_allows(const cc_lex_row *r, const char *dir)
{
    if (!strcmp(r->col[1], "none")) return false;
    const char *d = r->col[2] ? r->col[2] : "both";
    return !strcmp(d, "both") || !strcmp(d, dir);
}

/* Index of the paragraph's first mention starting at or after clean offset
 * s (binary search over the mentions, ordered by start). */
static size_t pm_from(const count_state *st, size_t s)
{
    size_t lo = 0, hi = st->npm;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (st->pm[mid]->cstart < s) lo = mid + 1;
        else hi = mid;
    }
    return lo;
}

/* Mention of the paragraph (number/quantity/date) covering clean [s, e). */
static const concur_mention *mention_covering(const ctx *c, unsigned kinds, size_t s, size_t e)
{
    const count_state *st = c->st;
    /* the mentions starting at or before s, nearest first */
    for (size_t k = pm_from(st, s + 1); k-- > 0;) {
        const concur_mention *m = st->pm[k];
        if (s - m->cstart > 4096) break;
        if ((m->kind & kinds) && m->cstart <= s && m->cend >= e) return m;
    }
    return NULL;
}

static bool mention_overlapping(const ctx *c, unsigned kinds, size_t s, size_t e)
{
    const count_state *st = c->st;
    for (size_t k = pm_from(st, e); k-- > 0;) {
        const concur_mention *m = st->pm[k];
        if (s > m->cstart && s - m->cstart > 4096) break;
        if ((m->kind & kinds) && m->cstart < e && s < m->cend) return true;
    }
    return false;
}

/* ------------------------------------------------------- number phrases */

static bool numw_type(const cc_lex_row *r, const char *type)
{
    return r && r->col[1] && !strcmp(r->col[1], type);
}

/* Rows of count_numwords that are not amounts: ranks and "both", read
 * only at a clause start before a trigger (ref_at). */
static bool numw_ref(const cc_lex_row *r)
{
    return numw_type(r, "ordinal") || numw_type(r, "ordinal_suffix") || numw_type(r, "pair");
}

/* A number word (amount, qualifier, vague amount) at token i, or NULL. */
static const cc_lex_row *numw_at(const ctx *c, size_t i, size_t *used)
{
    if (i >= c->s1 || c->tok[i].type != CC_TOK_WORD) return NULL;
    const cc_lex_row *r = match_at_word(c, c->t->numw, c->t->numw_range, i, used);
    return numw_ref(r) ? NULL : r;
}

/* A referring word at token i: "both" (pair, 2) or an ordinal rank
 * ("second", "2nd"); its value in *v, its tokens in *used; NULL when none. */
static const cc_lex_row *ref_at(const ctx *c, size_t i, size_t *used, double *v)
{
    if (i >= c->s1) return NULL;
    size_t u = 0;
    if (c->tok[i].type == CC_TOK_NUM) {
        /* "2nd": digits with an ordinal suffix glued on */
        if (i + 1 >= c->s1 || (c->tok[i + 1].flags & CC_TF_SPACE_BEFORE) || c->tok[i + 1].type != CC_TOK_WORD ||
            c->tok[i].end - c->tok[i].start > 2)
            return NULL;
        const cc_lex_row *r = cc_lex_match(c->t->numw, c->text, c->tok, i + 1, c->s1, &u);
        if (!numw_type(r, "ordinal_suffix") || u != 1) return NULL;
        *v = strtod(c->text + c->tok[i].start, NULL);
        *used = 2;
        return r;
    }
    if (c->tok[i].type != CC_TOK_WORD) return NULL;
    const cc_lex_row *r = cc_lex_match(c->t->numw, c->text, c->tok, i, c->s1, &u);
    if (!numw_type(r, "ordinal") && !numw_type(r, "pair")) return NULL;
    *v = strtod(r->col[2], NULL);
    *used = u;
    return r;
}

static double col_num(const cc_lex_row *r, int k, bool *has)
{
    const char *s = r->col[k];
    if (!s || !*s || !strcmp(s, "-")) { *has = false; return 0; }
    *has = true;
    return strtod(s, NULL);
}

static concur_qualifier qual_of(const char *name)
{
    static const char *const n[] = {"", "about", "at_least", "more_than", "at_most", "less_than", "up_to", "range", "vague"};
    for (int i = 1; i < 9; i++)
        if (!strcmp(name, n[i])) return (concur_qualifier)i;
    return CONCUR_QUAL_NONE;
}

/* Digits "1.275" / "1,000" / "2.5 million": returns tokens used or 0. */
static size_t parse_digits(const ctx *c, size_t i, double *v)
{
    const cc_token *tk = c->tok;
    double val = 0;
    for (size_t q = tk[i].start; q < tk[i].end; q++) val = val * 10 + (c->text[q] - '0');
    size_t j = i + 1;
    bool grouped = false;
    while (j + 1 < c->s1 && (tok_punct(c, j, ',') || tok_punct(c, j, '.')) &&
           !(tk[j].flags & CC_TF_SPACE_BEFORE) && tk[j + 1].type == CC_TOK_NUM &&
           !(tk[j + 1].flags & CC_TF_SPACE_BEFORE) && tk[j + 1].end - tk[j + 1].start == 3 &&
           tk[i].end - tk[i].start <= 3) {
        /* "1.275" is a thousands group unless more digits follow a dot */
        if (j + 2 < c->s1 && tk[j + 2].type == CC_TOK_PUNCT && !(tk[j + 2].flags & CC_TF_SPACE_BEFORE) &&
            j + 3 < c->s1 && tk[j + 3].type == CC_TOK_NUM && !(tk[j + 3].flags & CC_TF_SPACE_BEFORE) &&
            c->text[tk[j + 2].start] != c->text[tk[j].start])
            break;
        for (size_t q = tk[j + 1].start; q < tk[j + 1].end; q++) val = val * 10 + (c->text[q] - '0');
        j += 2;
        grouped = true;
    }
    if (!grouped && j + 1 < c->s1 && tok_punct(c, j, '.') && !(tk[j].flags & CC_TF_SPACE_BEFORE) &&
        tk[j + 1].type == CC_TOK_NUM && !(tk[j + 1].flags & CC_TF_SPACE_BEFORE)) {
        double f = 0.1;
        for (size_t q = tk[j + 1].start; q < tk[j + 1].end; q++, f /= 10) val += (c->text[q] - '0') * f;
        j += 2;
    }
    *v = val;
    return j - i;
}

static bool is_group_word(const ctx *c, size_t i, size_t *used, const cc_lex_row **row)
{
    if (i >= c->s1 || c->tok[i].type != CC_TOK_WORD) return false;
    const cc_lex_row *r = cc_lex_match(c->t->groups, c->text, c->tok, i, c->s1, used);
    if (row) *row = r;
    return r != NULL;
}

/* May a bare number (no group noun) end right before token i? */
static bool bare_end_ok(const ctx *c, size_t i)
{
    if (i >= c->s1) return true;
    const cc_token *t = &c->tok[i];
    if (t->type == CC_TOK_PUNCT) return !tok_punct(c, i, '-') && !tok_punct(c, i, '/') && !tok_punct(c, i, '%');
    if (t->type != CC_TOK_WORD) return false;
    if (trig_starting(c, i)) return true;
    return link_at(c, i, "aux,both,hedge,drop,part,end", NULL) > 0;
}

/* Tokens of an age at i: "17-year-old", "6-month-old", and as incident
 * notes write it, "17yo", "3 y/o"; 0 when none. */
static size_t age_len(const ctx *c, size_t i)
{
    if (i >= c->s1 || c->tok[i].type != CC_TOK_NUM) return 0;
    size_t k = i + 1;
    if (tok_is(c, k, "yo")) return 2;
    if (tok_is(c, k, "y") && tok_punct(c, k + 1, '/') && tok_is(c, k + 2, "o") &&
        !(c->tok[k + 1].flags & CC_TF_SPACE_BEFORE) && !(c->tok[k + 2].flags & CC_TF_SPACE_BEFORE))
        return 4;
    while (k < c->s1 && !(c->tok[k].flags & CC_TF_SPACE_BEFORE) &&
           (tok_punct(c, k, '-') || tok_is(c, k, "year") || tok_is(c, k, "years") || tok_is(c, k, "month") ||
            tok_is(c, k, "months") || tok_is(c, k, "week") || tok_is(c, k, "day")))
        k++;
    return tok_is(c, k, "old") && !(c->tok[k].flags & CC_TF_SPACE_BEFORE) && k > i + 2 ? k + 1 - i : 0;
}

/* A possessive ending right before token i: "relative's", "victims'". */
static bool possessive_at(const ctx *c, size_t i)
{
    if (i == c->s0 || !tok_punct(c, i, '\'') || (c->tok[i].flags & CC_TF_SPACE_BEFORE)) return false;
    if (tok_is(c, i + 1, "s") && !(c->tok[i + 1].flags & CC_TF_SPACE_BEFORE)) return true;
    const cc_token *w = &c->tok[i - 1];
    return w->type == CC_TOK_WORD && (c->text[w->end - 1] == 's' || c->text[w->end - 1] == 'S') && i + 1 < c->s1 &&
           c->tok[i + 1].type == CC_TOK_WORD && (c->tok[i + 1].flags & CC_TF_SPACE_BEFORE);
}

/* Reads a number phrase starting at token i. */
static bool parse_np_inner(const ctx *c, size_t i, np *out);
static bool has_rule(const cc_lex_row *r, const char *rule);
static const char *rule_arg(const char *rules, const char *name);
static bool attr_role_at(const ctx *c, size_t k, const char *role);

/* "487 inhabitants of Khojaly were wounded": the place after the group is
 * skipped when looking for the trigger. */
static bool parse_np(const ctx *c, size_t i, np *out)
{
    if (!parse_np_inner(c, i, out)) return false;
    /* "killed at a relative's home": a possessive names an owner, not a count */
    if (out->g1 > out->g0 && out->g1 == out->t1 && possessive_at(c, out->t1)) return false;
    out->after = out->t1;
    size_t j = out->t1;
    if (!out->bare && (tok_is(c, j, "of") || tok_is(c, j, "from") || tok_is(c, j, "in"))) {
        size_t k = j + 1;
        if (tok_is(c, k, "the")) k++;
        size_t b = k;
        while (b < c->s1 && b - k < 3 && c->tok[b].type == CC_TOK_WORD && (c->tok[b].flags & CC_TF_UPPER)) b++;
        if (b > k) {
            out->after = b;
        } else {
            /* "Eleven members of one family died", "four residents of the
             * same village were killed": a short noun phrase of whom they
             * are, then a link word or a trigger */
            k = j + 1;
            if (tok_is(c, k, "the") || tok_is(c, k, "a") || tok_is(c, k, "an") || tok_is(c, k, "one") ||
                tok_is(c, k, "his") || tok_is(c, k, "her") || tok_is(c, k, "their") || tok_is(c, k, "its") ||
                tok_is(c, k, "this") || tok_is(c, k, "that"))
                k++;
            size_t u = 0;
            b = k;
            while (b < c->s1 && b - k < 2 && c->tok[b].type == CC_TOK_WORD && !trig_starting(c, b) &&
                   !link_row_at(c, b, &u) && !numw_at(c, b, &u))
                b++;
            if (b > k && b < c->s1 && (trig_starting(c, b) || link_at(c, b, "aux,hedge", NULL))) out->after = b;
        }
    }
    return true;
}

/* Tokens of a possessive at i ("'s", or "'" after a plural), else 0. */
static size_t possessive_len(const ctx *c, size_t i)
{
    if (!possessive_at(c, i)) return 0;
    return tok_is(c, i + 1, "s") && !(c->tok[i + 1].flags & CC_TF_SPACE_BEFORE) ? 2 : 1;
}

/* A determiner phrase naming one person, or two (count_groups "pair":
 * "his parents"): a determiner (count_links role "det") or a possessive
 * ("the ferry's", "Smith's"), up to two modifiers, then a group noun
 * marked "one" or "pair" (step 9). It counts only in a list with a
 * number ("his wife and two children"); alone ("killed his wife") it is
 * no claim. */
static bool parse_det_np(const ctx *c, size_t i, np *out)
{
    const cc_token *tk = c->tok;
    size_t j = i, u = 0, pl = 0;
    /* the link word at i, looked up once for both roles below */
    size_t lu = 0;
    const cc_lex_row *lr = link_row_at(c, j, &lu);
    /* "She and eight others were killed": a pronoun before "and" */
    if (lu == 1 && link_role(lr, "person", NULL) && tok_is(c, j + 1, "and")) {
        memset(out, 0, sizeof *out);
        out->parent = out->coord_with = -1;
        out->t0 = i;
        out->t1 = out->c1 = out->after = i + 1;
        out->has_value = out->has_min = out->has_max = true;
        out->value = out->min = out->max = 1;
        out->group = "people";
        out->det = out->pron = true;
        return true;
    }
    if (lu == 1 && link_role(lr, "det", NULL)) {
        j++;
        /* "the ferry's owner", "the victim's mother" */
        if (j < c->s1 && tk[j].type == CC_TOK_WORD && (pl = possessive_len(c, j + 1)) > 0) j += 1 + pl;
    } else if (tk[j].type == CC_TOK_WORD && (tk[j].flags & CC_TF_UPPER) && (pl = possessive_len(c, j + 1)) > 0) {
        j += 1 + pl; /* "Smith's wife" */
    } else {
        return false;
    }
    size_t mods = 0;
    while (j < c->s1 && mods < 3 && !is_group_word(c, j, &u, NULL)) {
        if (tok_punct(c, j, '-') && !(tk[j].flags & CC_TF_SPACE_BEFORE) && j > i) { j++; continue; }
        size_t age = age_len(c, j); /* "his 16-year-old brother" */
        if (age) { j += age; mods++; continue; }
        if (tk[j].type != CC_TOK_WORD || trig_starting(c, j) || numw_at(c, j, &u) ||
            link_at(c, j, "aux,both,hedge,drop,part,end,pre,det", NULL))
            return false;
        j++;
        mods++;
    }
    const cc_lex_row *gr = NULL;
    if (!is_group_word(c, j, &u, &gr)) return false;
    size_t g0 = j, u2 = 0;
    const cc_lex_row *g2 = NULL;
    while (j + u < c->s1 && is_group_word(c, j + u, &u2, &g2)) {
        j += u;
        u = u2;
        gr = g2;
    }
    if (!gr->col[2] || (strcmp(gr->col[2], "one") && strcmp(gr->col[2], "pair"))) return false;
    if (possessive_at(c, j + u)) return false; /* "his wife's car" */
    memset(out, 0, sizeof *out);
    out->parent = out->coord_with = -1;
    out->t0 = i;
    out->t1 = out->c1 = out->after = j + u;
    out->has_value = out->has_min = out->has_max = true;
    out->value = out->min = out->max = strcmp(gr->col[2], "pair") ? 1 : 2;
    out->group = gr->col[1];
    out->g0 = g0;
    out->g1 = j + u;
    out->det = true;
    return true;
}

/* Bounds from a qualifier read by this module ("at least 12"). */
static void apply_qual(np *q)
{
    if (!q->has_value) return;
    switch (q->qual) {
    case CONCUR_QUAL_ABOUT: q->approx = true; break;
    case CONCUR_QUAL_AT_LEAST:
    case CONCUR_QUAL_MORE_THAN: q->has_max = false; break;
    case CONCUR_QUAL_AT_MOST:
    case CONCUR_QUAL_LESS_THAN:
    case CONCUR_QUAL_UP_TO: q->has_min = false; break;
    default: break;
    }
}

static bool parse_np_inner(const ctx *c, size_t i, np *out)
{
    const cc_token *tk = c->tok;
    memset(out, 0, sizeof *out);
    out->parent = -1;
    out->coord_with = -1;
    out->t0 = i;
    size_t j = i, used = 0;
    bool zero = false;    /* "no one", "none" */
    /* qualifier words */
    const cc_lex_row *r = numw_at(c, j, &used);
    if (numw_type(r, "qual")) {
        out->qual = qual_of(r->col[2]);
        out->approx = out->qual == CONCUR_QUAL_ABOUT;
        j += used;
        r = NULL;
    }
    if (j >= c->s1) return false;
    /* "a population of 7,000", "Resolution 853", "fired 3 shots" */
    for (size_t back = 1; back <= 3 && back <= i - c->s0; back++) {
        size_t u = 0;
        const cc_lex_row *b = cc_lex_match(c->t->block, c->text, tk, i - back, c->s1, &u);
        if (b && u == back && b->col[1] && !strcmp(b->col[1], "before")) return false;
    }
    size_t core0 = j;
    bool vague = false;
    if (tk[j].type == CC_TOK_NUM) {
        /* not a count: "$5", "#3", "No.", times, ordinals, ages, ranges */
        if (j > c->s0 && !(tk[j].flags & CC_TF_SPACE_BEFORE) &&
            (tk[j - 1].type == CC_TOK_WORD || tk[j - 1].type == CC_TOK_NUM ||
             (tk[j - 1].type == CC_TOK_PUNCT && strchr("$#.:/-+*&@", c->text[tk[j - 1].start])) ||
             /* the digits after a group comma ("000" of "100,000"): the
              * number was read from its first digits, blockers included */
             (tok_punct(c, j - 1, ',') && j - 1 > c->s0 && tk[j - 2].type == CC_TOK_NUM &&
              !(tk[j - 1].flags & CC_TF_SPACE_BEFORE))))
            return false;
        if (j > c->s0 && tok_punct(c, j - 1, '$')) return false;
        double v;
        size_t n = parse_digits(c, j, &v);
        j += n;
        if (j < c->s1 && !(tk[j].flags & CC_TF_SPACE_BEFORE) && !trig_starting(c, j) &&
            (tk[j].type == CC_TOK_WORD || tok_punct(c, j, '-') || tok_punct(c, j, '%') ||
             tok_punct(c, j, ':') || tok_punct(c, j, '/') || tok_punct(c, j, '.') || tok_punct(c, j, ',')) &&
            !(j + 1 >= c->s1) && !(tok_punct(c, j, '.') || tok_punct(c, j, ',')))
            return false;
        size_t u2;
        const cc_lex_row *sc = numw_at(c, j, &u2);
        if (numw_type(sc, "scale")) {
            v *= strtod(sc->col[2], NULL);
            j += u2;
        }
        out->has_value = out->has_min = out->has_max = true;
        out->value = out->min = out->max = v;
    } else if (tk[j].type == CC_TOK_WORD) {
        bool any = false;
        double total = 0, cur = 0;
        bool article = false;
        if (!r || j != core0 || out->qual) r = numw_at(c, j, &used);
        if (!r && (tok_is(c, j, "a") || tok_is(c, j, "an") || tok_is(c, j, "another"))) {
            article = true;
        }
        bool other_one = numw_type(r, "other_one"); /* "the other victim" */
        if (other_one) {
            if (out->qual) return false;
            article = true;
            j += used - 1;
            r = NULL;
        }
        while (r && j < c->s1) {
            const char *ty = r->col[1];
            if (!strcmp(ty, "vague")) {
                if (any) break;
                bool h;
                out->min = col_num(r, 3, &h);
                out->has_min = h;
                out->max = col_num(r, 4, &h);
                out->has_max = h;
                out->qual = CONCUR_QUAL_VAGUE;
                out->approx = true;
                vague = true;
                j += used;
                break;
            }
            if (!strcmp(ty, "zero")) {
                if (any) break;
                any = true;
                zero = true;
                j += used;
                break;
            }
            if (!strcmp(ty, "unit") || !strcmp(ty, "tens")) cur += strtod(r->col[2], NULL);
            else if (!strcmp(ty, "scale")) {
                double s = strtod(r->col[2], NULL);
                cur = (cur ? cur : (any ? 0 : 0)) * s;
                if (!any) break;
                if (s >= 1000) { total += cur; cur = 0; }
            } else break;
            any = true;
            j += used;
            /* "twenty-five", "one hundred and six" */
            size_t k = j;
            if (tok_punct(c, k, '-') && !(tk[k].flags & CC_TF_SPACE_BEFORE)) k++;
            else if (tok_is(c, k, "and") && k > core0 && tok_is(c, k - 1, "hundred")) k++;
            const cc_lex_row *nx = numw_at(c, k, &used);
            if (!nx || (strcmp(nx->col[1], "unit") && strcmp(nx->col[1], "tens") && strcmp(nx->col[1], "scale")))
                break;
            j = k;
            r = nx;
        }
        if (article) {
            /* "a man was killed": one, only with a group noun, or an age
             * standing for one ("a 17-year-old was shot dead") */
            size_t k = j + 1, gu;
            size_t mods = 0, age = age_len(c, k);
            k += age;
            if (age && (trig_starting(c, k) || link_at(c, k, "aux,hedge", NULL))) {
                out->article = true;
                out->has_value = out->has_min = out->has_max = true;
                out->value = out->min = out->max = 1;
                out->c1 = j + 1;
                out->group = "people";
                out->g0 = j + 1;
                out->g1 = out->t1 = k;
                return true;
            }
            /* "two were killed and a third was wounded": a rank after "a"
             * standing for one before its trigger */
            size_t rank = 0, ru = 0; /* tokens of a rank after "a" */
            if (!other_one && tok_is(c, j, "a") && j + 1 < c->s1) {
                double rv = 0;
                const cc_lex_row *rr = ref_at(c, j + 1, &ru, &rv);
                if (numw_type(rr, "ordinal") && rv >= 2) rank = ru;
            }
            if (rank) {
                size_t k2 = j + 1 + rank;
                if (trig_starting(c, k2) || link_at(c, k2, "aux", NULL)) {
                    out->article = true;
                    out->rank = true;
                    out->has_value = out->has_min = out->has_max = true;
                    out->value = out->min = out->max = 1;
                    out->c1 = out->g0 = out->g1 = out->t1 = k2;
                    out->group = "people";
                    return true;
                }
            }
            /* "killing two and wounding another": "another" alone as the
             * object of a trigger verb, ending its clause, is one more */
            /* "killed three people and wounded a fourth": a rank after "a",
             * alone as such an object, is one more too */
            /* "left one man dead and another wounded", "another was
             * injured": "another" alone before a trigger is one more */
            if (!other_one && tok_is(c, j, "another")) {
                size_t k2 = j + 1, au = 0, n2 = 0;
                while (n2++ < 3 && (au = link_at(c, k2, "aux", NULL)) > 0) k2 += au;
                const trig_match *nt = trig_starting(c, k2);
                if (nt && dir_allows(nt->row, "post") && !is_group_word(c, nt->t1, &gu, NULL) &&
                    !is_group_word(c, j + 1, &gu, NULL)) {
                    out->article = true;
                    out->has_value = out->has_min = out->has_max = true;
                    out->value = out->min = out->max = 1;
                    out->c1 = out->g0 = out->g1 = out->t1 = j + 1;
                    out->group = "people";
                    return true;
                }
            }
            if (!other_one && (tok_is(c, j, "another") || rank) && j > c->s0) {
                const trig_match *pt = trig_ending(c, j);
                size_t e = j + 1 + rank;
                if (pt && dir_allows(pt->row, "pre") && bare_end_ok(c, e) && !is_group_word(c, e, &gu, NULL)) {
                    out->article = true;
                    out->bare = true;
                    out->has_value = out->has_min = out->has_max = true;
                    out->value = out->min = out->max = 1;
                    out->c1 = out->t1 = e;
                    out->group = "people";
                    out->rank = rank > 0;
                    return true;
                }
            }
            while (k < c->s1 && mods < 2 && !is_group_word(c, k, &gu, NULL) && tk[k].type == CC_TOK_WORD &&
                   !trig_starting(c, k) && !link_at(c, k, "aux,both,hedge,drop,part,end,pre", NULL)) {
                k++;
                mods++;
            }
            /* "an injured man", "the other injured victim": the adjective is
             * the trigger (read with the group below) */
            const trig_match *at = trig_starting(c, k);
            if (at && at->t1 == k + 1 && dir_allows(at->row, "post") && is_group_word(c, k + 1, &gu, NULL)) {
                /* not a noun compound: "a missing person alert" */
                size_t e = k + 1 + gu;
                if (e < c->s1 && tk[e].type == CC_TOK_WORD && !trig_starting(c, e) &&
                    !link_at(c, e, "aux,both,hedge,drop,part,end,pre", NULL))
                    return false;
                k++;
            }
            const cc_lex_row *ag = NULL;
            if (!is_group_word(c, k, &gu, &ag)) {
                /* "killed a dishwasher and eight students": after a pre
                 * trigger, "a/an" + one or two lower-case words that no
                 * list names, then "and" + a number, is one person */
                size_t w = j + 1, e = w, nu = 0;
                while (e < c->s1 && e - w < 2 && tk[e].type == CC_TOK_WORD && !(tk[e].flags & CC_TF_UPPER) &&
                       !tok_is(c, e, "and") && !trig_starting(c, e) && !numw_at(c, e, &nu) &&
                       !link_at(c, e, "aux,both,hedge,drop,part,end,pre,det,nonperson", NULL))
                    e++;
                if (e > w && e < c->s1 && !tok_is(c, e, "and")) e = w; /* stopped on a word of those lists */
                const trig_match *pt = j > c->s0 ? trig_ending(c, j) : NULL;
                if (other_one || tok_is(c, j, "another") || e == w || !tok_is(c, e, "and") || e + 1 >= c->s1 ||
                    !(tk[e + 1].type == CC_TOK_NUM || numw_at(c, e + 1, &nu)) || !pt || !dir_allows(pt->row, "pre"))
                    return false;
                out->article = true;
                out->has_value = out->has_min = out->has_max = true;
                out->value = out->min = out->max = 1;
                out->c1 = w;
                out->group = "people";
                out->g0 = w;
                out->g1 = out->t1 = e;
                return true;
            }
            /* "the other victims": not one */
            if (other_one && (!ag->col[2] || strcmp(ag->col[2], "one"))) return false;
            /* "killing a security guard and then others": not one */
            {
                size_t m = k + gu;
                if (tok_is(c, m, "and")) {
                    m++;
                    if (tok_is(c, m, "then")) m++;
                    if (tok_is(c, m, "others") || tok_is(c, m, "many") || tok_is(c, m, "several")) return false;
                }
            }
            out->article = true;
            total = 1;
            any = true;
            j = j + 1;
        }
        if (!any && !vague) return false;
        if (!vague) {
            out->has_value = out->has_min = out->has_max = true;
            out->value = out->min = out->max = total + cur;
        }
    } else {
        return false;
    }
    out->c1 = j;
    if (core0 == j) return false;
    {
        size_t u = 0;
        const cc_lex_row *b = j < c->s1 && tk[j].type == CC_TOK_WORD
                                  ? cc_lex_match(c->t->block, c->text, tk, j, c->s1, &u) : NULL;
        if (b && b->col[1] && !strcmp(b->col[1], "after")) return false;
    }
    /* the number recogniser's reading wins where it covers the core */
    size_t cs = tk[core0].start, ce = tk[j - 1].end;
    const concur_mention *nm = mention_covering(c, CONCUR_KIND_NUMBER | CONCUR_KIND_QUANTITY, cs, ce);
    /* "1k,": the letter is the trigger, not a scale (1000) */
    const trig_match *gl = trig_starting(c, j);
    if (gl && gl->row->col[4] && has_rule(gl->row, "abbrev")) nm = NULL;
    if (!nm || nm->cstart > tk[out->t0].start) apply_qual(out);
    if (nm && !out->article) {
        if (nm->ordinal) return false;
        if (nm->unit && strcmp(nm->unit, "person") && strcmp(nm->unit, "people")) return false;
        if (nm->cstart > tk[out->t0].start && out->qual && !nm->qualifier) {
            /* our qualifier words, the recogniser's number */
            np keep = *out;
            keep.value = nm->value;
            keep.has_value = nm->has_value;
            keep.min = keep.max = nm->value;
            keep.has_min = keep.has_max = nm->has_value;
            apply_qual(&keep);
            nm = NULL;
            *out = keep;
            while (j < c->s1 && tk[j].end <= cs) j++;
        }
    }
    if (nm && !out->article) {
        out->has_value = nm->has_value;
        out->has_min = nm->has_min;
        out->has_max = nm->has_max;
        out->value = nm->value;
        out->min = nm->min;
        out->max = nm->max;
        out->approx = nm->approx;
        out->qual = nm->qualifier;
        while (out->t0 > c->s0 && tk[out->t0].start > nm->cstart) out->t0--;
        while (j < c->s1 && tk[j].end <= nm->cend) j++;
        out->c1 = j;
    }
    if (mention_overlapping(c, CONCUR_KIND_DATE, cs, ce)) return false;
    /* years standing alone are dates, not counts */
    if (tk[core0].type == CC_TOK_NUM && out->has_value && out->value >= 1900 && out->value <= 2100 &&
        tk[core0].end - tk[core0].start == 4 && !out->qual)
        out->bare = true; /* decided below: a year needs a group noun */
    bool year_like = out->bare;
    out->bare = false;

    /* group: "613 civilians", "three 9-year-old children", "613 of its people",
     * "thousands of casualties", "150 Azerbaijan Turks" */
    size_t k = j, gu = 0;
    const cc_lex_row *gr = NULL;
    if (tok_is(c, k, "of")) {
        size_t q = k + 1;
        bool det = false;
        bool poss = tok_is(c, q, "its") || tok_is(c, q, "their") || tok_is(c, q, "his") || tok_is(c, q, "her") ||
                    tok_is(c, q, "our") || tok_is(c, q, "my") || tok_is(c, q, "your");
        if (poss || tok_is(c, q, "the") || tok_is(c, q, "those") || tok_is(c, q, "these")) {
            det = !poss;
            q++;
        }
        /* "three of his fellow employees" */
        if (poss && !is_group_word(c, q, &gu, NULL) && q + 1 < c->s1 && c->tok[q].type == CC_TOK_WORD &&
            !trig_starting(c, q) && is_group_word(c, q + 1, &gu, NULL))
            q++;
        if (tok_is(c, k + 1, "them") || tok_is(c, k + 1, "whom") ||
            (tok_is(c, k + 1, "those") && !is_group_word(c, k + 2, &gu, NULL))) {
            out->of_prev = true;
            out->bare = true;
            out->t1 = k + 2;
            return true;
        }
        /* "None of the 40 passengers was injured": zero of them */
        if (zero && (det || poss)) {
            size_t g = q;
            if (g < c->s1 && tk[g].type == CC_TOK_NUM) g++;
            else if (numw_at(c, g, &gu)) g += gu;
            while (g < c->s1 && g - q < 4 && !is_group_word(c, g, &gu, &gr) && tk[g].type == CC_TOK_WORD &&
                   !trig_starting(c, g) && !link_at(c, g, "aux,both,hedge,drop,part,end,pre", NULL))
                g++;
            if (is_group_word(c, g, &gu, &gr)) {
                out->group = gr->col[1];
                out->g0 = g;
                out->g1 = out->t1 = g + gu;
                return true;
            }
        }
        if (det && !vague) return false; /* "one of the victims": a part of something else */
        if (is_group_word(c, q, &gu, &gr)) {
            out->group = gr->col[1];
            out->g0 = q;
            out->g1 = q + gu;
            out->t1 = q + gu;
            return true;
        }
        const trig_match *tm = trig_starting(c, q);
        if (tm && vague && dir_allows(tm->row, "post")) {
            /* "many of the affected countries": the trigger is an
             * adjective of a plural noun that names no people */
            size_t e = tm->t1;
            if (e < c->s1 && tk[e].type == CC_TOK_WORD && !(tk[e].flags & CC_TF_UPPER) &&
                tk[e].end - tk[e].start > 3 && c->text[tk[e].end - 1] == 's' && c->text[tk[e].end - 2] != 's' &&
                !is_group_word(c, e, &gu, NULL) && !trig_starting(c, e) && !link_row_at(c, e, &gu))
                return false;
            out->trig_noun = true;
            out->noun_trig = tm->row;
            out->group = "people";
            out->t1 = tm->t1;
            return true;
        }
        if (vague) return false;
    }
    /* "Two more soldiers were killed", "three more bodies": "more"
     * before a group noun (one more than told before: more_totals) */
    if (!vague && k == j && tok_is(c, k, "more") && is_group_word(c, k + 1, &gu, NULL)) {
        k++;
        out->more = true;
    }
    size_t mods = 0, maxmods = vague ? 1 : 3, pieces = 0;
    const trig_match *adj = NULL;
    while (k < c->s1 && mods <= maxmods && pieces < 8) {
        if (is_group_word(c, k, &gu, &gr)) {
            /* "four child-support workers": a noun joined by a hyphen is
             * a modifier */
            if (!tok_punct(c, k + gu, '-') || (tk[k + gu].flags & CC_TF_SPACE_BEFORE)) break;
            k += gu;
            pieces++;
            continue;
        }
        const cc_token *t = &tk[k];
        /* "four dead bodies", "10 injured people": the adjective is the trigger */
        const trig_match *tm = trig_starting(c, k);
        if (tm && !adj && tm->t1 == k + 1 && dir_allows(tm->row, "post") && is_group_word(c, k + 1, &gu, &gr)) {
            adj = tm;
            k++;
            break;
        }
        if (t->type == CC_TOK_WORD && !tm && !link_at(c, k, "aux,both,hedge,drop,part,end,pre,prep", NULL) &&
            !numw_at(c, k, &gu)) {
            k++;
            pieces++;
            if (!tok_punct(c, k, '-') || (tk[k].flags & CC_TF_SPACE_BEFORE)) mods++;
            continue;
        }
        /* "9-year-old" */
        if ((t->type == CC_TOK_NUM || tok_punct(c, k, '-')) && k + 1 < c->s1 &&
            (tok_punct(c, k + 1, '-') || tok_punct(c, k, '-')) && !(tk[k + 1].flags & CC_TF_SPACE_BEFORE)) {
            k++;
            pieces++;
            continue;
        }
        break;
    }
    if (mods > maxmods) k = c->s1;
    /* "holding 30 foreigners hostage": a group noun that is a trigger of
     * an object rule ends the phrase after the words before it */
    if (k > j && k < c->s1 && !adj && is_group_word(c, k, &gu, &gr)) {
        const trig_match *ot = trig_starting(c, k);
        if (ot && rule_arg(ot->row->col[4], "object:") && tk[k - 1].type == CC_TOK_WORD) {
            out->group = "people";
            out->g0 = j;
            out->g1 = out->t1 = k;
            return true;
        }
    }
    if (k < c->s1 && is_group_word(c, k, &gu, &gr)) {
        if (adj) {
            out->trig_noun = true;
            out->noun_trig = adj->row;
        }
        /* "a teen girl", "two security guards": the last noun is the head */
        size_t g0 = k, gu2;
        const cc_lex_row *gr2;
        while (k + gu < c->s1 && is_group_word(c, k + gu, &gu2, &gr2)) {
            /* not "12 people hostage" */
            const trig_match *ot = trig_starting(c, k + gu);
            if (ot && rule_arg(ot->row->col[4], "object:")) break;
            k += gu;
            gu = gu2;
            gr = gr2;
        }
        out->group = gr->col[1];
        out->g0 = g0;
        out->g1 = k + gu;
        out->t1 = k + gu;
        /* "30 women and children", "12 men, women and children": group
         * nouns joined by "," and a last "and"/"or" share the number; of
         * different groups, they are people */
        {
            size_t m = k + gu, n, gu3;
            const cc_lex_row *gr3;
            bool mixed = false, closed = false;
            for (int added = 0; added < 4 && !closed; added++) {
                n = m;
                if (tok_punct(c, n, ',')) n++;
                if (tok_is(c, n, "and") || tok_is(c, n, "or")) {
                    n++;
                    closed = true;
                }
                if (n == m || !is_group_word(c, n, &gu3, &gr3) || (gr3->col[2] && *gr3->col[2])) break;
                if (strcmp(gr3->col[1], out->group)) mixed = true;
                m = n + gu3;
            }
            /* not "5 children and police said ..." */
            if (closed && m > out->g1 && !attr_role_at(c, m, "verb")) {
                out->g1 = out->t1 = m;
                if (mixed) out->group = "people";
            }
        }
        return true;
    }
    /* capitalised words right after the number, then a verb: "1.300 Azeri Turks were" */
    k = j;
    mods = 0;
    while (k < c->s1 && mods < 3 && tk[k].type == CC_TOK_WORD && (tk[k].flags & CC_TF_UPPER) &&
           !trig_starting(c, k) && !link_at(c, k, "aux,both,hedge,drop,part,end,pre", NULL)) {
        k++;
        mods++;
    }
    if (mods && (trig_starting(c, k) || link_at(c, k, "aux,hedge", NULL))) {
        out->group = "people";
        out->g0 = j;
        out->g1 = k;
        out->t1 = k;
        return true;
    }
    /* "Dozens were injured", "Many have died" (not "several wounds"); a
     * trigger right after a vague amount opening the sentence or after
     * "and" / ",": "left 12 dead and dozens wounded" */
    const trig_match *vt = vague ? trig_starting(c, j) : NULL;
    if (vague && !out->article &&
        ((link_at(c, j, "aux,hedge", NULL) && !tok_is(c, j, "of") && !tok_is(c, j, "who") && !tok_is(c, j, "that") &&
          !tok_is(c, j, "which")) ||
         (vt && dir_allows(vt->row, "post") &&
          (i == c->s0 || tok_is(c, i - 1, "and") || tok_punct(c, i - 1, ','))))) {
        out->bare = true;
        out->t1 = j;
        return true;
    }
    /* "killing 58 people and injuring hundreds": a vague amount as the
     * object of a trigger verb, ending its clause; "it left dozens
     * injured": after a verb of result, before a trigger */
    if (vague && !out->article && i > c->s0) {
        const trig_match *pt = trig_ending(c, i);
        if ((pt && dir_allows(pt->row, "pre") && bare_end_ok(c, j) && !(vt && dir_allows(vt->row, "post"))) ||
            (vt && dir_allows(vt->row, "post") && link_at(c, i - 1, "result", NULL) == 1)) {
            out->bare = true;
            out->t1 = j;
            return true;
        }
    }
    if (out->article || vague || year_like) return false;
    /* "wounded one other": the word of others (count_links role "other")
     * closing the phrase stands for people */
    if (link_at(c, j, "other", NULL) == 1 && !is_group_word(c, j, &gu, NULL) && j + 1 < c->s1 &&
        !trig_starting(c, j + 1) && bare_end_ok(c, j + 1)) {
        out->group = "people";
        out->g0 = j;
        out->g1 = out->t1 = j + 1;
        return true;
    }
    /* bare number: "killed four", "40 died", "1275 were taken hostage" */
    if (!bare_end_ok(c, j)) return false;
    /* a name and its number: "Doom 3", "Apollo 11" */
    if (i > c->s0 && tk[i - 1].type == CC_TOK_WORD && (tk[i - 1].flags & CC_TF_UPPER) &&
        !(tk[i - 1].flags & CC_TF_SENT_START) && tk[i].type == CC_TOK_NUM)
        return false;
    out->bare = true;
    out->t1 = j;
    return true;
}

/* ---------------------------------------------------------------- links */

/* A list of key figures, the trigger of the count at token i whatever its
 * direction: "Deaths: 1,234", "People displaced: 20,000" (a colon, the
 * trigger opening the sentence after up to two group words or following
 * the figure before it: "Deaths: 12; injured: 40"), or an infobox's line
 * with no colon, the trigger opening the sentence and the count followed by
 * punctuation, a group noun or nothing ("Deaths 50 (including the
 * perpetrator)", "Injured 58"). NULL if none. */
static const trig_match *key_figure_trigger(const ctx *c, size_t i)
{
    if (i == c->s0) return NULL;
    size_t gu = 0;
    bool colon = tok_punct(c, i - 1, ':');
    const trig_match *lt = trig_ending(c, colon ? i - 1 : i);
    if (!lt) return NULL;
    if (!colon)
        return lt->t0 == c->s0 &&
                       (i + 1 >= c->s1 || c->tok[i + 1].type != CC_TOK_WORD || is_group_word(c, i + 1, &gu, NULL))
                   ? lt
                   : NULL;
    size_t b = lt->t0, n = 0;
    while (n < 2 && b > c->s0 && is_group_word(c, b - 1, &gu, NULL) && gu == 1) b--, n++;
    return b == c->s0 || c->tok[b - 1].type == CC_TOK_NUM || tok_punct(c, b - 1, ')') || tok_punct(c, b - 1, ';') ||
                   tok_punct(c, b - 1, ',')
               ? lt
               : NULL;
}

/* After token j: skips aux/hedge words; returns the trigger found or NULL. */
static const trig_match *look_post(const ctx *c, size_t j, bool *hedged, bool *dropped, bool *aux)
{
    size_t skipped = 0;
    *aux = false;
    while (j < c->s1 && skipped < 6) {
        const trig_match *tm = trig_starting(c, j);
        if (tm && dir_allows(tm->row, "post")) return rule_arg(tm->row->col[4], "group_trigger:") ? NULL : tm;
        const char *role = NULL;
        size_t u = link_at(c, j, "aux,both,hedge,drop", &role);
        if (!u) return NULL;
        if (role_is(role, "hedge")) *hedged = true;
        if (role_is(role, "drop")) *dropped = true;
        if (role_is(role, "aux") || role_is(role, "both") || role_is(role, "hedge")) *aux = true;
        j += u;
        skipped++;
    }
    return NULL;
}

/* The argument of rule `name` ("object:" -> "to_death") in a trigger's
 * comma-separated rules ("subjectless_one,intransitive"), "" for a rule
 * without one, NULL when absent. */
static const char *rule_arg(const char *rules, const char *name)
{
    size_t n = strlen(name);
    for (const char *p = rules; p && *p;) {
        if (!strncmp(p, name, n) && (p[n] == 0 || p[n] == ',' || name[n - 1] == ':')) return p + n;
        p = strchr(p, ',');
        if (p) p++;
    }
    return NULL;
}

static bool rules_have(const char *rules, const char *name)
{
    return rule_arg(rules, name) != NULL;
}

static bool has_rule(const cc_lex_row *r, const char *rule)
{
    return rules_have(r->col[4], rule);
}

/* "The death toll from the attack that killed 12 people has risen to 14":
 * before a verb of change ending at j, a toll subject (trigger rule "toll")
 * with its modifier phrase: at most 20 tokens, no ";" or ":" in between. */
static const trig_match *toll_before(const ctx *c, size_t j)
{
    for (size_t k = j, n = 0; k > c->s0 && n < 20; k--, n++) {
        if (tok_punct(c, k - 1, ';') || tok_punct(c, k - 1, ':')) return NULL;
        const trig_match *tm = trig_covering(c, k - 1);
        if (tm && has_rule(tm->row, "toll")) return tm;
    }
    return NULL;
}

/* Before token i (exclusive): skips link words; returns the trigger ending there. */
static const trig_match *look_pre(const ctx *c, size_t i, bool *hedged)
{
    size_t j = i, skipped = 0;
    bool rise = false;
    /* "Deaths: 1,234", "People displaced: 20,000", in a list of key
     * figures: a trigger of either direction and a colon right before the
     * count, the trigger opening the sentence (after up to two group
     * words) or following the figure of the line before it */
    const trig_match *kf = key_figure_trigger(c, i);
    if (kf) return kf;
    /* "killed his two sons", "killed the 12 passengers": a determiner
     * right before the count */
    if (j > c->s0 && link_at(c, j - 1, "det", NULL) == 1) j--;
    while (j > c->s0 && skipped < 5) {
        const trig_match *tm = trig_ending(c, j);
        if (tm && dir_allows(tm->row, "pre")) return tm;
        if (is_quote(c, j - 1)) { j--; skipped++; continue; }
        /* link words of one or two tokens ending at j */
        size_t u = 0;
        const char *role = NULL;
        bool found = false;
        for (size_t back = 3; back >= 1 && !found; back--) {
            if (back > j - c->s0) continue;
            u = link_at(c, j - back, "pre,both,hedge,aux", &role);
            if (u == back) found = true;
        }
        if (!found) break;
        if (role_is(role, "hedge")) *hedged = true;
        if (link_at(c, j - u, "rise", NULL) == u) rise = true;
        j -= u;
        skipped++;
    }
    return rise ? toll_before(c, j) : NULL;
}

/* Hedge or drop cue right before a trigger ("threatened to kill"). */
static void cues_before(const ctx *c, size_t t0, bool *hedged, bool *dropped)
{
    for (size_t back = 1; back <= 3 && back <= t0 - c->s0; back++) {
        const char *role = NULL;
        size_t u = link_at(c, t0 - back, "hedge,drop", &role);
        if (u && t0 - back + u == t0) {
            if (role_is(role, "drop")) *dropped = true;
            else *hedged = true;
        }
    }
}

static bool is_object_word(const ctx *c, size_t i)
{
    static const char *const w[] = {"him", "her", "them", "his", "their", "its", "a", "an", "the", "me", "us",
                                    "you", "my", "our", "your"};
    for (size_t k = 0; k < sizeof w / sizeof *w; k++)
        if (tok_is(c, i, w[k])) return true;
    return false;
}

/* Is the trigger at tm used actively ("a man killed his wife", "two
 * brothers shot a man")? */
static bool active_use(const ctx *c, const trig_match *tm)
{
    size_t k = tm->t1;
    if (k >= c->s1) return false;
    const cc_token *t = &c->tok[k];
    /* "officer shot at suspect", "shot at them": fired at someone, who is
     * not said to be hit (not "shot at a party", "at the victim's home") */
    if (link_at(c, k, "target", NULL)) {
        size_t m = k + 1, gu = 0;
        bool det = tok_is(c, m, "a") || tok_is(c, m, "an") || link_at(c, m, "det", NULL);
        if (det) m++;
        if (is_group_word(c, m, &gu, NULL)) {
            if (!possessive_at(c, m + gu)) return true;
        } else if (!det && is_object_word(c, m)) {
            return true; /* "shot at him" */
        }
    }
    if (!dir_allows(tm->row, "pre")) {
        /* "10,000 people fled the fighting / their homes": one flees
         * something and is displaced all the same */
        if (!strcmp(tm->row->col[1], "displaced")) return false;
        size_t gu;
        return is_object_word(c, k) || is_group_word(c, k, &gu, NULL);
    }
    if (t->type == CC_TOK_NUM) {
        /* "1 killed 2 injured": the number opens a clause of its own */
        size_t gu;
        const trig_match *nt = trig_starting(c, k + 1);
        return !(nt && dir_allows(nt->row, "post") && !is_group_word(c, nt->t1, &gu, NULL));
    }
    if (t->type != CC_TOK_WORD) return false;
    /* "Man wounded foot": the body part hit, not an object */
    if (link_at(c, k, "end,aux,hedge,wound", NULL)) return false;
    if (trig_starting(c, k)) return false;
    return true;
}

/* An aside after a count, ", though not shot," or ", both in their 20s,"
 * or ", or about 85 per cent of the population,": a comma at j and another
 * within 10 tokens, with no ";" ":" or count phrase in between; returns the
 * token after the second comma, or 0. */
static size_t aside_end(const ctx *c, size_t j)
{
    if (!tok_punct(c, j, ',')) return 0;
    for (size_t k = j + 2; k < c->s1 && k <= j + 10; k++) {
        if (tok_punct(c, k, ';') || tok_punct(c, k, ':')) return 0;
        if (tok_punct(c, k, ',')) {
            for (size_t q = 0; q < c->nnp; q++)
                if (!c->nps[q].det && c->nps[q].t0 > j && c->nps[q].t0 < k) return 0;
            return k + 1;
        }
    }
    return 0;
}

/* Parts list after token j: "including 106 women, 63 children and 70 elderly". */
static size_t parts_after(ctx *c, size_t j, int head)
{
    /* "treated 98 wounded people since Saturday, including 24 children":
     * a short adjunct of time or place (a preposition and up to three
     * words) may stand before the comma */
    if (tok_is(c, j, "since") || tok_is(c, j, "in") || tok_is(c, j, "on") || tok_is(c, j, "at") ||
        tok_is(c, j, "during")) {
        size_t k = j + 1;
        while (k < c->s1 && k <= j + 3 && c->tok[k].type == CC_TOK_WORD && !trig_starting(c, k) &&
               !link_at(c, k, "part", NULL))
            k++;
        if (k > j + 1 && tok_punct(c, k, ',') && link_at(c, k + 1, "part", NULL)) j = k;
    }
    if (tok_punct(c, j, ',')) j++;
    size_t u = link_at(c, j, "part", NULL);
    if (!u) return 0;
    j += u;
    if (tok_punct(c, j, ':')) j++;
    /* "incl. 2 teens": the dot of an abbreviated part word */
    else if (tok_punct(c, j, '.') && !(c->tok[j].flags & CC_TF_SPACE_BEFORE)) j++;
    size_t start = j;
    int last = -1;
    for (size_t k = 0; k < c->nnp; k++) {
        np *q = &c->nps[k];
        if ((int)k == head || q->t0 < j) continue;
        /* "including the 19 hijackers" */
        if (q->t0 == j + 1 && tok_is(c, j, "the") && !q->det) j++;
        if (q->t0 != j) break;
        if (q->bare && !q->of_prev) break;
        q->parent = head;
        q->done = true;
        last = (int)k;
        j = q->t1;
        if (tok_punct(c, j, ',')) j++;
        if (tok_is(c, j, "and") || tok_is(c, j, "or")) j++;
    }
    if (last < 0) return 0;
    (void)start;
    return c->nps[last].t1;
}

/* The parts taken for count k go free again: k found no trigger. */
static void release_parts(ctx *c, size_t k)
{
    for (size_t r = 0; r < c->nnp; r++)
        if (c->nps[r].parent == (int)k) {
            c->nps[r].parent = -1;
            c->nps[r].done = false;
        }
}

/* ---------------------------------------------------------- attribution */

static bool is_pronoun(const ctx *c, size_t i)
{
    static const char *const pr[] = {"he", "she", "they", "it", "we", "i", "you", "who", "which", "that", "this"};
    for (size_t k = 0; k < sizeof pr / sizeof *pr; k++)
        if (tok_is(c, i, pr[k])) return true;
    return false;
}

static const char *span_str(ctx *c, size_t a, size_t b)
{
    if (a >= b) return NULL;
    return cc_arena_strndup(&c->d->arena, c->text + c->tok[a].start, c->tok[b - 1].end - c->tok[a].start);
}

/* Do words [a, b) name a source: a capitalised word (not only the
 * sentence's first) or a source noun ("police", "ministry")? */
static bool attr_role_at(const ctx *c, size_t k, const char *role)
{
    size_t u = 0;
    const cc_lex_row *r = cc_lex_match(c->t->attr, c->text, c->tok, k, k + 1, &u);
    return r && r->col[1] && !strcmp(r->col[1], role);
}

static bool names_source_noun(const ctx *c, size_t k)
{
    return attr_role_at(c, k, "source");
}

/* Tokens of a joining word at j ("of", "for", "by", "of the") that a
 * capitalised part of the same name follows and a word precedes ("a
 * tally by The Associated Press"); 0 when not so. */
static size_t join_len(const ctx *c, size_t j)
{
    if (j == c->s0 || c->tok[j - 1].type != CC_TOK_WORD) return 0;
    size_t k = j + 1;
    if (tok_is(c, k, "the")) k++;
    if (k >= c->s1 || c->tok[k].type != CC_TOK_WORD || !(c->tok[k].flags & CC_TF_UPPER)) return 0;
    return k - j;
}

static bool names_source(const ctx *c, size_t a, size_t b)
{
    for (size_t k = a; k < b; k++) {
        const cc_token *t = &c->tok[k];
        if ((t->flags & CC_TF_UPPER) && !(t->flags & CC_TF_SENT_START)) return true;
        if (names_source_noun(c, k)) return true;
    }
    return false;
}

static size_t skip_articles(const ctx *c, size_t a)
{
    while (tok_is(c, a, "the") || tok_is(c, a, "a") || tok_is(c, a, "an")) a++;
    return a;
}

/* The first attribution of the sentence from token `from`: its source's
 * words, the cue's token in *cue; NULL when none. */
static const char *attribution_from(ctx *c, size_t from, size_t limit, size_t *cue)
{
    for (size_t i = from; i < limit; i++) {
        *cue = i;
        if (c->tok[i].type != CC_TOK_WORD) continue;
        size_t u = 0;
        const cc_lex_row *r = cc_lex_match(c->t->attr, c->text, c->tok, i, c->s1, &u);
        if (!r) continue;
        const char *role = r->col[1] ? r->col[1] : "";
        if (!strcmp(role, "source") || !strcmp(role, "between") || !strcmp(role, "join")) continue;
        if (!strcmp(role, "lead")) {
            size_t a = i + u;
            a = skip_articles(c, a);
            size_t b = a;
            while (b < c->s1 && b - a < 10 && c->tok[b].type == CC_TOK_WORD) {
                if (b > a && link_at(c, b, "aux,both,end,part,pre", NULL)) {
                    /* "the Office of the High Commissioner for Human
                     * Rights", "a tally by The Associated Press": a
                     * joining word before a capitalised part */
                    size_t n = attr_role_at(c, b, "join") ? join_len(c, b) : 0;
                    if (!n) break;
                    b += n;
                    continue;
                }
                b++;
            }
            if (b > a && !is_pronoun(c, a)) return span_str(c, a, b);
        } else {
            /* ", said the health ministry"; after a quotation: "...,"
             * said Ahmed Ali" */
            if (i > c->s0 && (tok_punct(c, i - 1, ',') ||
                              (i > c->s0 + 1 && is_quote(c, i - 1) &&
                               (tok_punct(c, i - 2, ',') || tok_punct(c, i - 2, '?') || tok_punct(c, i - 2, '!'))))) {
                size_t a = i + u;
                a = skip_articles(c, a);
                size_t b = a;
                while (b < c->s1 && b - a < 8 &&
                       ((c->tok[b].type == CC_TOK_WORD && !link_at(c, b, "end", NULL)) ||
                        (tok_punct(c, b, '-') && b > a && !(c->tok[b].flags & CC_TF_SPACE_BEFORE))))
                    b++;
                if (b > a && !is_pronoun(c, a) && names_source(c, a, b)) return span_str(c, a, b);
            }
            /* "police said", "the health ministry said", "the health
             * ministry in Gaza said": up to three phrases joined by words
             * of role "join" ("the Office of the High Commissioner for
             * Human Rights said") */
            /* "the Red Crescent had put", "police have also said": words of
             * role "between" may stand between the source and its verb */
            size_t vs = i;
            for (int n = 0; n < 3 && vs > c->s0 + 1 && attr_role_at(c, vs - 1, "between"); n++) vs--;
            /* "Police on Sunday said", "Officials on March 12 said": a
             * date after "on" between the source and its verb */
            if (vs > c->s0 + 2) {
                const concur_mention *dm = mention_covering(c, CONCUR_KIND_DATE, c->tok[vs - 1].start, c->tok[vs - 1].end);
                size_t k = vs - 1;
                while (dm && k > c->s0 && c->tok[k - 1].start >= dm->cstart) k--;
                if (dm && k > c->s0 + 1 && tok_is(c, k - 1, "on") && dm->cstart == c->tok[k].start) vs = k - 1;
            }
            /* "The UN refugee agency, UNHCR, said": a name between commas
             * after the source */
            if (vs > c->s0 + 3 && tok_punct(c, vs - 1, ',')) {
                size_t k = vs - 2;
                while (k > c->s0 && vs - 1 - k <= 5 && c->tok[k].type == CC_TOK_WORD) k--;
                if (tok_punct(c, k, ',') && k + 1 < vs - 1 && names_source(c, k + 1, vs - 1)) vs = k;
            }
            size_t b = vs, a = vs, end = vs;
            for (int part = 0; part < 3; part++) {
                /* the head word before the verb: a name or a source noun */
                bool head_name = end > c->s0 && (c->tok[end - 1].flags & CC_TF_UPPER) &&
                                 !names_source_noun(c, end - 1);
                a = end;
                while (a > c->s0 && end - a < 5 && c->tok[a - 1].type == CC_TOK_WORD && !is_pronoun(c, a - 1) &&
                       (!head_name || (c->tok[a - 1].flags & CC_TF_UPPER)) &&
                       !link_at(c, a - 1, "aux,both,end,part,pre,hedge,drop,deny", NULL) && !trig_covering(c, a - 1) &&
                       !tok_is(c, a - 1, "did") && !tok_is(c, a - 1, "not") && !tok_is(c, a - 1, "does") &&
                       !link_at(c, a - 1, "conj", NULL) &&
                       !tok_is(c, a - 1, "a") && !tok_is(c, a - 1, "an") && !tok_is(c, a - 1, "the"))
                    a--;
                /* a joining word, a "the" after it allowed: "the
                 * Syrian Observatory for Human Rights said" */
                size_t jw = a > c->s0 + 2 && tok_is(c, a - 1, "the") ? a - 2 : a - 1;
                if (part < 2 && jw > c->s0 && a < end && attr_role_at(c, jw, "join") &&
                    (jw == a - 1 || (c->tok[a].flags & CC_TF_UPPER) || names_source(c, a, end)) &&
                    c->tok[jw - 1].type == CC_TOK_WORD &&
                    (names_source_noun(c, jw - 1) ||
                     ((c->tok[jw - 1].flags & CC_TF_UPPER) && !(c->tok[jw - 1].flags & CC_TF_SENT_START)))) {
                    end = jw;
                    continue;
                }
                break;
            }
            /* "police and witnesses said": two sources joined by "and" */
            if (a < b && a > c->s0 + 1 && tok_is(c, a - 1, "and") && c->tok[a - 2].type == CC_TOK_WORD &&
                (names_source_noun(c, a - 2) || (c->tok[a - 2].flags & CC_TF_UPPER))) {
                size_t a2 = a - 2;
                while (a2 > c->s0 && a - 1 - a2 < 3 && c->tok[a2 - 1].type == CC_TOK_WORD && !is_pronoun(c, a2 - 1) &&
                       !link_at(c, a2 - 1, "aux,both,end,part,pre,hedge,drop", NULL) && !trig_covering(c, a2 - 1) &&
                       !tok_is(c, a2 - 1, "a") && !tok_is(c, a2 - 1, "an") && !tok_is(c, a2 - 1, "the"))
                    a2--;
                if (a2 == c->s0 || c->tok[a2 - 1].type == CC_TOK_PUNCT || tok_is(c, a2 - 1, "the")) a = a2;
            }
            if (a < b && (a == c->s0 || c->tok[a - 1].type == CC_TOK_PUNCT || tok_is(c, a - 1, "the") ||
                          tok_is(c, a - 1, "a") || tok_is(c, a - 1, "an") || tok_is(c, a - 1, "and") ||
                          link_at(c, a - 1, "conj", NULL)) &&
                names_source(c, a, b))
                return span_str(c, a, b);
        }
    }
    return NULL;
}

/* The attribution of a count at token `at`: of the sentence's attribution
 * cues, the last one before it ("Local media reported that seven died, but
 * officials confirmed only three deaths"), else the first after it ("At
 * least 12 people were killed, the health ministry said"). */
static const char *find_attribution(ctx *c, size_t at)
{
    size_t cue = c->attr_cue;
    const char *best = c->attribution;
    for (int n = 0; best && cue < at && n < 8; n++) {
        size_t cue2 = 0;
        const char *next = attribution_from(c, cue + 1, at, &cue2);
        if (!next) break;
        best = next;
        cue = cue2;
    }
    return best;
}

/* ------------------------------------------------------------- emitting */

/* What the trigger row says of count q: category, note, rule. */
static void set_trigger(np *q, const cc_lex_row *r)
{
    q->category = r->col[1];
    q->note = r->col[3];
    q->rule = r->col[4];
}

/* A part or a coordinated count takes what happened from its whole. */
static void inherit(np *q, const np *from)
{
    q->category = from->category;
    q->rule = from->rule;
    q->hedged = from->hedged;
}

/* A count phrase read from words other than a number ("Man shot", "died"
 * opening a clause): value v over tokens [t0, t1), linked already. */
static np *np_made(ctx *c, size_t t0, size_t t1, double v)
{
    np *q = &c->nps[c->nnp++];
    memset(q, 0, sizeof *q);
    q->t0 = t0;
    q->t1 = q->c1 = q->after = t1;
    q->has_value = q->has_min = q->has_max = true;
    q->value = q->min = q->max = v;
    q->parent = q->coord_with = -1;
    q->done = true;
    return q;
}

/* Emits count q as a mention; the sentence's attribution is looked up at
 * its first count. */
static void emit(ctx *c, np *q)
{
    concur_doc *d = c->d;
    /* the sentence's attribution cues are looked up once; with more than
     * one, each count takes the one nearest before it */
    if (!c->attr_done) {
        c->attr_cue = 0;
        c->attribution = attribution_from(c, c->s0, c->s1, &c->attr_cue);
        c->deny_at = c->s1;
        for (size_t k = c->s0; k < c->s1 && c->deny_at == c->s1; k++)
            if (link_at(c, k, "deny", NULL)) c->deny_at = k;
        c->attr_done = true;
    }
    /* a later cue before this count (looked up only then) */
    const char *attribution = c->attribution && c->attr_cue + 1 < q->t0 ? find_attribution(c, q->t0) : c->attribution;
    /* "Officials denied reports that 50 people had been killed" */
    bool denied = c->deny_at < q->t0;
    const cc_token *tk = c->tok;
    concur_mention *m = cc_doc_add(d, CONCUR_KIND_COUNT, tk[q->t0].start, tk[q->t1 - 1].end);
    if (!m) return;
    m->sentence = c->p->sent_base + tk[q->t0].sent;
    m->has_value = q->has_value;
    m->has_min = q->has_min;
    m->has_max = q->has_max;
    m->value = q->value;
    m->min = q->min;
    m->max = q->max;
    m->approx = q->approx;
    m->qualifier = q->qual;
    m->category = q->category;
    m->group = q->group ? q->group : "people";
    if (q->g1 > q->g0) m->group_text = span_str(c, q->g0, q->g1);
    m->attribution = attribution;
    m->hedged = q->hedged || denied;
    m->note = q->note && *q->note ? q->note : NULL;
    if (rules_have(q->rule, "injured_unless_killed")) m->flags |= CNT_SHOT;
    if (rules_have(q->rule, "toll")) m->flags |= CNT_TOLL;
    /* "17 of whom were taken to hospital": some of the injured, a lower
     * bound of their number */
    if (rules_have(q->rule, "lower_bound") && m->has_min) m->has_max = false;
    if (q->rank) m->flags |= CNT_RANK;
    if (q->more) m->flags |= CNT_MORE;
    if (q->parent >= 0) m->parent = c->nps[q->parent].m;
    q->m = m;
    count_state *st = c->st;
    if (!arena_grow(&d->arena, (void **)&st->cr, &st->capcr, st->ncr + 1, sizeof *st->cr)) {
        d->oom = true;
        return;
    }
    count_rec *cr = &st->cr[st->ncr++];
    cr->m = m;
    cr->event_date = st->event_date;
    cr->para = c->p->index;
    cr->ordinal = 0;
}

/* A count made from `from` (a total, the wounded of "shot less killed"): a
 * copy of it from its start to cend, with its own order, recorded with the
 * paragraph and dates of record `rec`; NULL when out of memory. */
static concur_mention *derive_count(concur_doc *d, count_state *st, size_t rec, const concur_mention *from,
                                    size_t cend)
{
    concur_mention *w = cc_doc_add(d, CONCUR_KIND_COUNT, from->cstart, cend);
    if (!w) return NULL;
    uint32_t order = w->order;
    *w = *from;
    w->order = order;
    w->cend = cend;
    if (!arena_grow(&d->arena, (void **)&st->cr, &st->capcr, st->ncr + 1, sizeof *st->cr)) {
        d->oom = true;
        return NULL;
    }
    st->cr[st->ncr] = st->cr[rec];
    st->cr[st->ncr].m = w;
    st->cr[st->ncr].ordinal = 0;
    st->ncr++;
    return w;
}

/* A later count that adds to an earlier one ("another", a rank, "a man
 * ... where he died"): their total (note "sum of clauses", in m's
 * sentence), parent of both. NULL on OOM. */
static concur_mention *sum_of_two(concur_doc *d, count_state *st, size_t rec, concur_mention *prev,
                                  concur_mention *m)
{
    concur_mention *w = derive_count(d, st, rec, prev, m->cend);
    if (!w) return NULL;
    w->sentence = m->sentence;
    w->value = w->min = w->max = prev->value + m->value;
    if (strcmp(prev->group, m->group)) w->group = "people";
    w->group_text = NULL;
    w->note = "sum of clauses";
    prev->parent = w;
    m->parent = w;
    return w;
}

/* The latest top-level count of this category, other than self, before
 * byte `pos` whose value is at least v: in the text, or only in the current
 * paragraph when `in_para` (the reach of a pronoun, "four of them"). self
 * may be NULL: a count not emitted yet. */
static concur_mention *earlier_whole_at(const ctx *c, const concur_mention *self, size_t pos, const char *cat,
                                        double v, bool in_para)
{
    const count_state *st = c->st;
    for (size_t k = st->ncr; k-- > 0 && (!in_para || st->cr[k].para == c->p->index);) {
        concur_mention *m = st->cr[k].m;
        if (m == self || m->parent || !m->has_value || strcmp(m->category, cat) || m->cstart >= pos) continue;
        if (m->value >= v) return m;
    }
    return NULL;
}

/* earlier_whole_at before self */
static concur_mention *earlier_whole(const ctx *c, const concur_mention *self, const char *cat, double v, bool in_para)
{
    return earlier_whole_at(c, self, self->cstart, cat, v, in_para);
}

/* Does count q tell of others ("eight others", "two other people")? A
 * pronoun joins only such a count (count_links role "other"). */
static bool np_has_other(const ctx *c, const np *q)
{
    for (size_t i = q->t0; i < q->t1; i++)
        if (link_at(c, i, "other", NULL)) return true;
    return false;
}

/* Are counts ending at token a and starting at b joined as a list ("and",
 * ",", ", and"; "and" required when need_and)? A short adjunct of place or
 * time (count_links role "adjunct" and up to three words) may follow the
 * first: "his parents at home and two students at school". */
static bool joined_to(const ctx *c, size_t a, size_t b, bool need_and)
{
    if (b <= a) return false;
    size_t j = a, u = link_at(c, j, "adjunct", NULL);
    if (u && b > a + u + 1) {
        size_t k = j + u, w = 0;
        while (k < b && w < 3 && c->tok[k].type == CC_TOK_WORD && !tok_is(c, k, "and") && !trig_starting(c, k)) {
            k++;
            w++;
        }
        if (w) j = k;
    }
    /* "the man and his two sons": a determiner before the second */
    if (b > j + 1 && link_at(c, b - 1, "det", NULL) == 1) b--;
    if (tok_punct(c, j, ',')) {
        j++;
        if (j == b) return !need_and;
    }
    return tok_is(c, j, "and") && j + 1 == b;
}

static bool linked_pair(const ctx *c, size_t r)
{
    return c->nps[r + 1].coord_with == (int)r || c->nps[r].coord_with == (int)r + 1;
}

/* Emits the det phrases still pending in the list of count r (step 9), in
 * text order; false when out of memory. */
static bool emit_pending(ctx *c, size_t r)
{
    size_t a = r, b = r;
    while (a > 0 && linked_pair(c, a - 1)) a--;
    while (b + 1 < c->nnp && linked_pair(c, b)) b++;
    for (size_t k = a; k <= b; k++) {
        np *q = &c->nps[k];
        if (!q->pending || q->m) continue;
        q->pending = false;
        emit(c, q);
        if (!q->m) return false;
    }
    return true;
}

/* "Three gang members and two other individuals shot", "The ferry's owner
 * and two crew members have been arrested": a count joined by "and" to a
 * later count whose trigger follows shares its category. */
static void coordinate_back(ctx *c)
{
    for (size_t k = c->nnp - 1; k-- > 0;) {
        np *q = &c->nps[k], *n = &c->nps[k + 1];
        bool n_linked = n->m || n->pending;
        if (q->m || q->pending || q->done || q->bare || !n_linked || !n->via_post || n->bare || n->parent >= 0)
            continue;
        if (!joined_to(c, q->t1, n->t0, true) || n->pron || (q->pron && !np_has_other(c, n))) continue;
        bool exact = q->has_value && !q->qual;
        if (!n->m && !q->det && !exact) continue; /* "several others and his wife" */
        inherit(q, n);
        q->via_post = true;
        q->coord_with = (int)k + 1;
        if (q->det && !n->m) {
            q->pending = true;
            continue;
        }
        emit(c, q);
        if (!q->m) return;
        if (n->pending && !emit_pending(c, k + 1)) return;
    }
}

/* "killed three adults and three 9-year-old children": the counts that
 * share one trigger add up to a total (note "sum of parts"), their parent. */
static void coordinated_totals(ctx *c)
{
    for (size_t a = 0; a < c->nnp;) {
        size_t b = a;
        while (b + 1 < c->nnp && (c->nps[b + 1].coord_with == (int)b || c->nps[b].coord_with == (int)b + 1)) b++;
        bool ok = b > a;
        double sum = 0;
        const char *group = NULL;
        for (size_t r = a; r <= b && ok; r++) {
            const np *q = &c->nps[r];
            if (!q->m || q->m->parent || !q->has_value || q->qual || strcmp(q->category, c->nps[a].category)) ok = false;
            else {
                sum += q->value;
                if (!group) group = q->m->group;
                else if (strcmp(group, q->m->group)) group = "people";
            }
        }
        /* "Among the dead were 11 children and 9 women": parts of a whole
         * told before, not a total of their own */
        /* ... and "The mayor's wife and two of her children were among the
         * dead" (trigger rule "part") */
        bool among = rules_have(c->nps[a].rule, "part");
        for (size_t t = c->nps[a].t0; ok && t > c->s0 && c->nps[a].t0 - t < 6; t--)
            if (tok_is(c, t - 1, "among")) among = true;
        if (ok && among) {
            for (size_t r = a; r <= b; r++) {
                concur_mention *whole = earlier_whole(c, c->nps[r].m, c->nps[r].category, c->nps[r].value, false);
                if (whole) c->nps[r].m->parent = whole;
            }
            ok = false;
        }
        if (ok) {
            np total = c->nps[a];
            total.t1 = c->nps[b].t1;
            total.has_value = total.has_min = total.has_max = true;
            total.value = total.min = total.max = sum;
            total.group = group;
            total.g0 = total.g1 = 0;
            total.parent = -1;
            total.note = "sum of parts";
            emit(c, &total);
            if (!total.m) return;
            for (size_t r = a; r <= b; r++) c->nps[r].m->parent = total.m;
        }
        a = b + 1;
    }
}

/* "Of the 14 wounded, three are in critical condition": after a sentence
 * opening "Of the N ...", the sentence's later top-level counts of the
 * same category, no larger, are parts of the N, never clauses of a sum. */
/* Does the sentence open "Of the ..." (a breakdown of a whole)? */
static bool opens_of_the(const ctx *c)
{
    return c->s0 + 2 < c->s1 && tok_is(c, c->s0, "of") && tok_is(c, c->s0 + 1, "the");
}

static void of_lead_parts(ctx *c, size_t cr0)
{
    count_state *st = c->st;
    if (!opens_of_the(c)) return;
    size_t at = c->tok[c->s0 + 2].start;
    concur_mention *whole = NULL;
    for (size_t a = cr0; a < st->ncr && !whole; a++) {
        concur_mention *m = st->cr[a].m;
        if (m->cstart == at && !m->parent && m->has_value && !m->hedged) whole = m;
    }
    if (!whole) return;
    for (size_t b = cr0; b < st->ncr; b++) {
        concur_mention *o = st->cr[b].m;
        if (o == whole || o->parent || o->cstart < whole->cend || strcmp(o->category, whole->category) ||
            !o->has_value || o->value > whole->value)
            continue;
        o->parent = whole;
    }
}

/* "gunned down four coworkers ... before killing a woman": top-level exact
 * counts of one category told by different triggers of one sentence add up
 * to a total (note "sum of clauses"), their parent. */
static void sentence_totals(ctx *c, size_t cr0)
{
    count_state *st = c->st;
    size_t n1 = st->ncr;
    for (size_t a = cr0; a < n1; a++) {
        concur_mention *first = st->cr[a].m;
        if (first->parent || !first->has_value || first->qualifier || first->hedged || first->note ||
            (first->flags & CNT_TOLL) || first->value == 0 ||
            !strcmp(first->group, "perpetrators"))
            continue;
        const char *cat = first->category;
        size_t n = 0;
        bool ok = true, seen_before = false;
        double sum = 0;
        const char *group = NULL;
        size_t lead = a, cend = first->cend;
        for (size_t b = cr0; b < n1; b++) {
            concur_mention *o = st->cr[b].m;
            /* "No injuries from shots fired, but victim pistol-whipped":
             * a zero is no clause of a sum */
            /* a toll or a result ("leaving five dead") is a total already:
             * no clause, the other clauses still add up */
            if (o->parent || strcmp(o->category, cat) || !strcmp(o->group, "perpetrators") ||
                (o->has_value && o->value == 0) || (o->flags & CNT_TOLL))
                continue;
            if (b < a) { seen_before = true; break; }
            if (!o->has_value || o->qualifier || o->hedged || o->note ||
                (o->flags & CNT_SHOT) != (first->flags & CNT_SHOT)) {
                ok = false;
                break;
            }
            n++;
            sum += o->value;
            if (!group) group = o->group;
            else if (strcmp(group, o->group)) group = "people";
            if (o->cstart < st->cr[lead].m->cstart) lead = b;
            if (o->cend > cend) cend = o->cend;
        }
        if (seen_before || !ok || n < 2) continue;
        /* the total spans its clauses in text order */
        concur_mention *w = derive_count(c->d, st, lead, st->cr[lead].m, cend);
        if (!w) return;
        w->value = w->min = w->max = sum;
        w->group = group;
        w->group_text = NULL;
        w->note = "sum of clauses";
        for (size_t b = a; b < n1; b++) {
            concur_mention *o = st->cr[b].m;
            if (!o->parent && !strcmp(o->category, cat) && strcmp(o->group, "perpetrators") &&
                !(o->flags & CNT_TOLL) && !(o->has_value && o->value == 0))
                o->parent = w;
        }
    }
}

static bool word_at(const char *s, size_t n, const char *w)
{
    size_t k = strlen(w);
    if (n < k || strncasecmp(s, w, k)) return false;
    return n == k || !isalpha((unsigned char)s[k]);
}

static bool sentence_has(const ctx *c, const char *w)
{
    for (size_t i = c->s0; i < c->s1; i++)
        if (tok_is(c, i, w)) return true;
    return false;
}

/* Does the sentence name the police as the agent ("shot dead by police",
 * "by a responding officer")? Those they kill are not new victims. */
static bool by_police(const ctx *c)
{
    for (size_t i = c->s0; i < c->s1; i++) {
        if (!tok_is(c, i, "by")) continue;
        for (size_t k = i + 1; k < c->s1 && k <= i + 3; k++) {
            size_t gu;
            const cc_lex_row *gr = NULL;
            if (tok_is(c, k, "police") || (is_group_word(c, k, &gu, &gr) && !strcmp(gr->col[1], "police")))
                return true;
        }
    }
    return false;
}

/* "... killed three more": a count told as more than an earlier one ("N
 * more", "another N"), of new referents or of an earlier part of the
 * incident (below) adds to the latest earlier top-level count of its
 * category in the paragraph: a total (note "sum of clauses"), their parent. */
static void more_totals(ctx *c, size_t cr0)
{
    count_state *st = c->st;
    const char *text = c->text;
    size_t tlen = c->d->text.out.len;
    size_t n1 = st->ncr;
    for (size_t a = cr0; a < n1; a++) {
        concur_mention *m = st->cr[a].m;
        if (m->parent || !m->has_value || m->qualifier || m->hedged || m->note || (m->flags & CNT_TOLL)) continue;
        size_t e = m->cend;
        while (e < tlen && text[e] == ' ') e++;
        bool more = (m->flags & CNT_MORE) || word_at(text + e, tlen - e, "more");
        size_t b = m->cstart;
        while (b > 0 && text[b - 1] == ' ') b--;
        if (b >= 7 && !strncasecmp(text + b - 7, "another", 7) && (b == 7 || !isalpha((unsigned char)text[b - 8])))
            more = true;
        /* a new referent told in a later sentence: "another victim", "two
         * others"; a victim told with "a/an" right after the sentence of
         * the count it adds to: "killed a teen girl and three women ... A
         * man was critically wounded ..., where he died" (not "a man was
         * among the dead", not an arrest told again: "an individual was
         * arrested", not one the police killed: "a man was shot dead by
         * police") */
        bool one_more = false;
        if (!more && c->lead_before) more = true;
        bool others = false;
        if (!more && !sentence_has(c, "among") && !by_police(c)) {
            const char *s = text + m->cstart;
            size_t n = m->cend - m->cstart;
            others = m->group_text && (word_at(m->group_text, strlen(m->group_text), "others") ||
                                       word_at(m->group_text, strlen(m->group_text), "other"));
            more = (m->value == 1 && word_at(s, n, "another")) || others;
            one_more = !more && m->value == 1 && !(m->flags & CNT_RANK) && (word_at(s, n, "a") || word_at(s, n, "an")) &&
                       (!strcmp(m->category, "killed") || !strcmp(m->category, "injured"));
            more = more || one_more;
        }
        if (!more) continue;
        concur_mention *prev = NULL;
        bool contrast = false;
        for (size_t k = a; k-- > 0 && k + 256 >= a && st->cr[k].para == st->cr[a].para;) {
            concur_mention *o = st->cr[k].m;
            /* "others" are other than the victims told last: "14 were
             * wounded. ... The attack killed 10 people; 3 others were
             * injured" adds nothing to the 14 */
            if (others && !prev && !o->parent && o->has_value && o->cstart < m->cstart &&
                strcmp(o->category, m->category) &&
                (!strcmp(o->category, "killed") || !strcmp(o->category, "injured")) &&
                (!strcmp(m->category, "killed") || !strcmp(m->category, "injured")))
                contrast = true;
            if (k >= cr0) continue;
            if (o->parent || strcmp(o->category, m->category) || !o->has_value || o->qualifier || o->hedged ||
                !strcmp(o->group, "perpetrators"))
                continue;
            prev = o;
            break;
        }
        if (contrast) continue;
        if (!prev || (one_more && prev->sentence + 1 != m->sentence)) continue;
        if (!sum_of_two(c->d, st, a, prev, m)) return;
    }
}

/* The victims told in the paragraph before byte `pos`: the top-level
 * killed and injured counts, or the casualties when they are more. */
static double victims_before(const ctx *c, size_t pos)
{
    const count_state *st = c->st;
    double ki = 0, cas = 0;
    for (size_t k = st->ncr; k-- > 0 && st->cr[k].para == c->p->index && k + 256 >= st->ncr;) {
        const concur_mention *m = st->cr[k].m;
        if (m->parent || !m->has_value || m->cstart >= pos) continue;
        if (!strcmp(m->category, "killed") || !strcmp(m->category, "injured")) ki += m->value;
        else if (!strcmp(m->category, "casualties")) cas += m->value;
    }
    return cas > ki ? cas : ki;
}

/* May this top-level count be a clause of a sum? An exact figure, neither
 * hedged nor a toll, no note (not a sum already), not of the perpetrators. */
static bool sum_clause_ok(const concur_mention *m)
{
    return m->has_value && !m->qualifier && !m->hedged && !(m->flags & CNT_TOLL) && !m->note &&
           strcmp(m->group, "perpetrators");
}

/* The record index of mention m (searched from the end), or st->ncr. */
static size_t rec_of(const count_state *st, const concur_mention *m)
{
    for (size_t k = st->ncr; k-- > 0;)
        if (st->cr[k].m == m) return k;
    return st->ncr;
}

/* "Seven people were wounded. Two of the wounded later died": killed m
 * (N) died among the wounded of an injured count (`whole`: the count
 * before the comma of "two of whom", else the latest earlier top-level
 * injured count of at least N: of the paragraph when `near`, the reach of
 * a pronoun or of "fatally", else of the document). The wounded become
 * casualties (killed or injured), the injured the wounded less the dead
 * (note "wounded less died"), and the N dead, top-level, add to an
 * earlier killed count of the paragraph (note "sum of clauses"). False
 * when there is no such whole. */
static bool died_among_wounded(ctx *c, concur_mention *m, concur_mention *whole, bool near)
{
    count_state *st = c->st;
    if (whole) {
        /* "two of whom": only the count before the comma */
        while (whole->parent) whole = (concur_mention *)whole->parent;
        if (strcmp(whole->category, "injured")) return false;
    } else {
        whole = earlier_whole(c, m, "injured", m->value, near);
    }
    if (!whole || !whole->has_value || whole->qualifier == CONCUR_QUAL_VAGUE || whole->value <= m->value) return false;
    size_t rec = rec_of(st, whole);
    if (rec == st->ncr) return false;
    m->parent = NULL;
    whole->category = "casualties";
    concur_mention *w = derive_count(c->d, st, rec, whole, whole->cend);
    if (!w) return true;
    w->category = "injured";
    w->value = w->min = w->max = whole->value - m->value;
    w->note = "wounded less died";
    /* the dead of an earlier clause of the paragraph and these */
    size_t self = rec_of(st, m);
    if (self == st->ncr) return true;
    for (size_t k = self; k-- > 0 && st->cr[k].para == c->p->index;) {
        concur_mention *o = st->cr[k].m;
        if (o == m || o->parent || strcmp(o->category, "killed") || !sum_clause_ok(o)) continue;
        sum_of_two(c->d, st, self, o, m);
        break;
    }
    return true;
}

/* "867 people were injured in all", "In all, 867 ...", "a total of 867
 * people": is count k told as a total (never a clause of a sum)? "in
 * all" / "in total" / "altogether" / "overall" opening its sentence or
 * clause, or after it before the clause ends. */
static const char *total_at(const ctx *c, size_t i, size_t *used)
{
    if (i >= c->s1 || c->tok[i].type != CC_TOK_WORD) return NULL;
    const cc_lex_row *r = cc_lex_match(c->t->totals, c->text, c->tok, i, c->s1, used);
    return r && r->col[1] ? r->col[1] : NULL;
}

static bool told_as_total(const ctx *c, size_t k)
{
    const np *q = &c->nps[k];
    size_t a = q->t0, u = 0;
    const char *w;
    for (size_t b = a >= c->s0 + 3 ? a - 3 : c->s0; b < a; b++)
        if ((w = total_at(c, b, &u)) && !strcmp(w, "before") && b + u == a) return true;
    /* back to the clause start */
    size_t b = a;
    while (b > c->s0 && !tok_punct(c, b - 1, ';') && !tok_punct(c, b - 1, ':')) b--;
    if ((w = total_at(c, b, &u)) && (!strcmp(w, "clause") || !strcmp(w, "opening"))) return true;
    for (size_t i = q->t1; i < c->s1 && i < q->t1 + 8 && !tok_punct(c, i, ';') && !tok_punct(c, i, ','); i++)
        if ((w = total_at(c, i, &u)) && !strcmp(w, "clause")) return true;
    return false;
}

/* "..., leaving 13 dead and 24 injured": is count k told as the result of
 * the event (after a count_links role "result" verb, or joined to such a
 * count by its trigger and "and")? Such a count is a total already. Not
 * "leaving three more dead". */
static bool told_as_result(const ctx *c, size_t k)
{
    const np *q = &c->nps[k];
    if (tok_is(c, q->t1, "more") || q->more) return false;
    if (q->t0 > c->s0 && link_at(c, q->t0 - 1, "result", NULL) == 1) return true;
    if (k == 0 || !c->nps[k - 1].m || !(c->nps[k - 1].m->flags & CNT_TOLL)) return false;
    size_t j = q->t0;
    if (j > c->s0 && tok_is(c, j - 1, "and")) j--;
    if (j > c->s0 && tok_punct(c, j - 1, ',')) j--;
    const trig_match *tm = trig_ending(c, j);
    if (tm) j = tm->t0;
    return j == c->nps[k - 1].t1 && j < q->t0;
}

static void process_sentence(ctx *c)
{
    const cc_token *tk = c->tok;
    size_t cr0 = c->st->ncr;
    /* "(The day prior, Pough killed a pimp ...)": a sentence opening with a
     * lead of an earlier incident (count_links role "past") tells of
     * another incident; its counts are not claims of this one */
    /* "Prior to the rampage, Rodger stabbed three people to death": a lead
     * of an earlier part of the same incident (role "before") tells of
     * other victims, who add to the paragraph's count (more_totals) */
    {
        size_t i = c->s0;
        while (i < c->s1 && (tok_punct(c, i, '(') || tok_punct(c, i, '[') || is_quote(c, i))) i++;
        if (link_at(c, i, "past", NULL)) return;
        c->lead_before = link_at(c, i, "before", NULL) > 0;
    }
    /* number phrases, outside trigger words */
    c->nnp = 0;
    for (size_t i = c->s0; i < c->s1 && c->nnp < MAX_NP; i++) {
        const trig_match *tm = trig_covering(c, i);
        if (tm) { i = tm->t1 - 1; continue; }
        const cc_token *t = &tk[i];
        if (t->type != CC_TOK_NUM && t->type != CC_TOK_WORD) continue;
        np *q = &c->nps[c->nnp];
        if (t->type == CC_TOK_WORD) {
            size_t u;
            if (!numw_at(c, i, &u) && !cc_tok_is(c->text, t, "a") && !cc_tok_is(c->text, t, "an") &&
                !cc_tok_is(c->text, t, "another")) {
                /* "his wife", "the ferry's owner" (step 9): at a determiner
                 * or a word before a possessive */
                bool det = (t->wid < c->t->nfirst && (c->t->first[t->wid] & FIRST_DET)) ||
                           (i + 1 < c->s1 && tok_punct(c, i + 1, '\''));
                if (det && parse_det_np(c, i, q)) {
                    c->nnp++;
                    i = q->t1 - 1;
                }
                continue;
            }
        }
        if (parse_np(c, i, q)) {
            c->nnp++;
            /* not "one family" of "Eleven members of one family died" */
            i = (q->after > q->t1 && !(c->tok[q->t1 + 1].flags & CC_TF_UPPER) ? q->after : q->t1) - 1;
        }
    }
    c->attribution = NULL;
    c->attr_done = false;
    bool of_sentence = tok_is(c, c->s0, "of") || (tok_is(c, c->s0 + 1, "of") && tok_is(c, c->s0, "and"));

    for (size_t k = 0; k < c->nnp; k++) {
        np *q = &c->nps[k];
        if (q->done) continue;
        bool hedged = false, dropped = false, aux = false;
        const trig_match *tm = NULL;
        size_t after = q->after;
        if (q->trig_noun) {
            set_trigger(q, q->noun_trig);
            /* "treated 98 wounded people, including 24 children" */
            parts_after(c, after, (int)k);
        } else {
            /* post: the count, maybe its parts, then the trigger */
            size_t pend = q->det ? 0 : parts_after(c, after, (int)k);
            /* "Nine people, including four children, died" */
            if (pend && tok_punct(c, pend, ',')) pend++;
            tm = look_post(c, pend ? pend : after, &hedged, &dropped, &aux);
            /* "A fifth victim, though not shot, suffered minor injuries" */
            if (!tm && !pend && !q->bare) { /* not "Polito, 67, a professor, died" */
                size_t e = aside_end(c, after);
                if (e) {
                    hedged = dropped = false;
                    tm = look_post(c, e, &hedged, &dropped, &aux);
                }
            }
            if (tm && !aux && active_use(c, tm)) tm = NULL;
            /* rule "object:ROLE": the count is the object of a verb of link
             * role ROLE ("shot three people to death", not "sentenced three
             * men to death"; "claimed 14 lives", not "saved 14 lives") */
            const char *verb_role = tm ? rule_arg(tm->row->col[4], "object:") : NULL;
            if (verb_role && (aux || q->t0 == c->s0 || !link_at(c, q->t0 - 1, verb_role, NULL)))
                tm = NULL;
            /* "a man killed ...", "a man shot ..." need an auxiliary; a
             * trigger of rule "intransitive" does not ("a man died", "a
             * victim suffered minor injuries"; not "a minor injury") */
            /* ("another wounded" ending its clause is read as passive:
             * "left one man dead and another wounded") */
            if (tm && (q->article || q->det) && !aux && !has_rule(tm->row, "intransitive") &&
                !(tok_is(c, q->t0, "another") && q->t1 == q->t0 + 1 && bare_end_ok(c, tm->t1)))
                tm = NULL;
            /* "who shot a man was arrested": "a man" is the object of "shot" */
            if (tm && (q->article || q->det) && q->t0 > c->s0 && trig_covering(c, q->t0 - 1)) tm = NULL;
            /* "suspect fled on foot": a perpetrator fleeing is not displaced */
            if (tm && q->group && !strcmp(q->group, "perpetrators") && !strcmp(tm->row->col[1], "displaced")) tm = NULL;
            if (tm) {
                /* "who were taken hostage are still missing": the main verb wins */
                bool h2 = false, d2 = false, a2 = false;
                const trig_match *t2 = look_post(c, tm->t1, &h2, &d2, &a2);
                if (t2 && a2) tm = t2;
                cues_before(c, tm->t0, &hedged, &dropped);
                /* parts after the trigger: "were massacred including 106 women" */
                if (!pend && !q->det) parts_after(c, tm->t1, (int)k);
            } else {
                release_parts(c, k);
                hedged = dropped = false;
                tm = look_pre(c, q->t0, &hedged);
                if (tm) {
                    cues_before(c, tm->t0, &hedged, &dropped);
                    /* "the death toll climbed past 2,000", "has topped
                     * 2,000": a toll past its figure (link role "over") */
                    for (size_t back = 1; back <= 2 && !q->qual && q->has_value && back <= q->t0 - c->s0; back++)
                        if (link_at(c, q->t0 - back, "over", NULL) == back) {
                            q->qual = CONCUR_QUAL_MORE_THAN;
                            apply_qual(q);
                        }
                    if (!q->det) parts_after(c, after, (int)k);
                }
            }
            /* "43 bodies have been recovered", "police found 15 bodies",
             * "took 11 hostages": the group noun is a trigger of rule
             * group_trigger:ROLE, read when a verb of count_links role ROLE
             * goes with the count (after it, or right before it) */
            if (!tm && q->g1 > q->g0 && q->has_value && !q->det) {
                const trig_match *gt = trig_starting(c, q->g0);
                const char *ga = gt && gt->t1 == q->g1 ? rule_arg(gt->row->col[4], "group_trigger:") : NULL;
                char role[16] = "";
                if (ga) {
                    size_t n = strcspn(ga, ",");
                    if (n > 0 && n < sizeof role) memcpy(role, ga, n), role[n] = 0;
                }
                if (role[0]) {
                    size_t j = q->after, u = 0, n = 0;
                    while (n++ < 6 && (u = link_at(c, j, "aux,both", NULL)) > 0 && !link_at(c, j, role, NULL)) j += u;
                    /* rule before_only: the verb only before the count
                     * ("claimed 57 victims", not "57 victims claimed") */
                    bool after_ok = !rules_have(gt->row->col[4], "before_only");
                    if ((after_ok && link_at(c, j, role, NULL)) || (q->t0 > c->s0 && link_at(c, q->t0 - 1, role, NULL))) {
                        tm = gt;
                        hedged = dropped = false;
                        cues_before(c, q->t0, &hedged, &dropped);
                    }
                }
            }
            if (!tm && k + 1 < c->nnp && !q->det && !q->bare) {
                /* "12 children were among the 46 dead": a part of the
                 * count after "among (the)", once that one is read */
                size_t j = after, u = 0, n = 0;
                while (n++ < 4 && (u = link_at(c, j, "aux", NULL)) > 0) j += u;
                if (tok_is(c, j, "among")) {
                    j++;
                    if (tok_is(c, j, "the")) j++;
                    if (c->nps[k + 1].t0 == j) {
                        q->among = true;
                        q->parent = (int)k + 1;
                        q->done = true;
                        continue;
                    }
                }
            }
            if (!tm) {
                /* "wounded 14 people, three of them seriously": a part */
                if (q->of_prev && k > 0 && c->nps[k - 1].m && c->nps[k - 1].t1 + 1 == q->t0 &&
                    tok_punct(c, q->t0 - 1, ',')) {
                    inherit(q, &c->nps[k - 1]);
                    q->parent = (int)k - 1;
                    q->of_prev = false;
                    emit(c, q);
                    if (!q->m) return;
                    continue;
                }
                /* coordination: "three adults and three 9-year-old children",
                 * "his parents at home and two students at school" */
                np *pv = k > 0 ? &c->nps[k - 1] : NULL;
                bool joined = pv && joined_to(c, pv->t1, q->t0, false);
                /* a det phrase counts only in a list with an exact count
                 * (step 9): "his wife and several others" is none */
                bool exact = q->has_value && !q->qual;
                if (joined && pv->category && !q->bare && !q->pron && (!pv->pron || np_has_other(c, q)) &&
                    (pv->m || (pv->pending && (q->det || exact)))) {
                    inherit(q, pv);
                    q->parent = pv->parent;
                    q->coord_with = (int)k - 1;
                    if (q->det && !pv->m) {
                        q->pending = true; /* a list of det phrases so far */
                        continue;
                    }
                    if (pv->pending && !emit_pending(c, k - 1)) return;
                } else {
                    release_parts(c, k);
                    continue;
                }
            } else {
                set_trigger(q, tm->row);
                q->via_post = tm->t0 >= q->t1;
            }
        }
        if (dropped) {
            release_parts(c, k);
            q->category = NULL;
            continue;
        }
        q->hedged = q->hedged || hedged;
        if (q->det && q->coord_with < 0) {
            /* "killed his wife": no claim unless a count joins it */
            q->pending = true;
            continue;
        }
        emit(c, q);
        if (!q->m) return;
        if (told_as_result(c, k) || told_as_total(c, k)) q->m->flags |= CNT_TOLL;
        /* "Six people were shot, two of them fatally": "them" are the
         * count before the comma; a part only of a count of its category */
        /* "He shot 12 people, six of them fatally": "them" are the
         * people shot (read below as casualties), not an earlier count */
        bool shot_whole = false;
        if (q->of_prev && k > 0 && !c->nps[k - 1].m && !c->nps[k - 1].pending && c->nps[k - 1].has_value &&
            !c->nps[k - 1].qual && c->nps[k - 1].t0 > c->s0 && q->t0 > c->nps[k - 1].t1) {
            /* ", six of them fatally", ", killing six of them" */
            const trig_match *vt = trig_ending(c, q->t0);
            size_t comma = vt && vt->t0 > c->s0 ? vt->t0 - 1 : q->t0 - 1;
            const trig_match *st0 = trig_ending(c, c->nps[k - 1].t0);
            shot_whole = comma == c->nps[k - 1].t1 && tok_punct(c, comma, ',') && st0 &&
                         has_rule(st0->row, "injured_unless_killed") && c->nps[k - 1].value > q->value;
        }
        if (shot_whole) {
            /* left top-level: the shot-less-killed rule relates them */
        } else if ((q->of_prev || (rules_have(q->rule, "of_previous") && k > 0 && c->nps[k - 1].m &&
                            q->t0 > c->nps[k - 1].t1 && tok_punct(c, q->t0 - 1, ',') &&
                            (c->nps[k - 1].t1 + 1 == q->t0 || trig_ending(c, q->t0 - 1)))) &&
            !strcmp(q->category, "killed") &&
            died_among_wounded(c, q->m, k > 0 && tok_punct(c, q->t0 - 1, ',') ? c->nps[k - 1].m : NULL, true)) {
            /* "Seven people were wounded, two of whom later died", "Five
             * people were wounded, one fatally" */
        } else if (q->of_prev && k > 0 && c->nps[k - 1].m && q->t0 > c->s0 && tok_punct(c, q->t0 - 1, ',')) {
            const concur_mention *a = c->nps[k - 1].m;
            while (a->parent) a = a->parent;
            if (!strcmp(a->category, q->category) && a->has_value && q->has_value && a->value >= q->value &&
                a != q->m)
                q->m->parent = (concur_mention *)a;
        } else if (q->of_prev || (of_sentence && k == 0 && q->parent < 0 &&
                                  !(q->t0 == c->s0 + 2 && tok_is(c, c->s0 + 1, "the")))) {
            /* a pronoun ("four of them") points back within its paragraph */
            concur_mention *w = earlier_whole(c, q->m, q->category, q->has_value ? q->value : q->min, q->of_prev);
            if (w && w != q->m) q->m->parent = w;
        }
        /* its parts */
        for (size_t r = k + 1; r < c->nnp; r++) {
            np *pq = &c->nps[r];
            if (pq->parent != (int)k || !pq->done) continue;
            inherit(pq, q);
            emit(c, pq);
            if (!pq->m) return;
        }
        if (k > 0 && c->nps[k - 1].among && c->nps[k - 1].parent == (int)k && !c->nps[k - 1].m) {
            np *pq = &c->nps[k - 1];
            inherit(pq, q);
            emit(c, pq);
            if (!pq->m) return;
        }
    }
    /* "14 of the dead were children", "Of the dead, 15 were children and
     * 21 were women": parts, with the group named after "were", of the
     * latest earlier count of the category of the trigger noun */
    for (size_t i = c->s0; i + 3 < c->s1 && c->nnp + 4 < MAX_NP; i++) {
        if (!tok_is(c, i, "of") || !tok_is(c, i + 1, "the")) continue;
        /* "Of the 47 dead, 12 were women": the parts are of that count */
        concur_mention *of_whole = NULL;
        size_t tn = i + 2;
        for (size_t k = 0; i == c->s0 && k < c->nnp && !of_whole; k++)
            if (c->nps[k].m && c->nps[k].t0 == i + 2) {
                of_whole = c->nps[k].m;
                tn = c->nps[k].bare ? c->nps[k].c1 : c->nps[k].t1; /* "47 dead": the trigger after the number */
            }
        const trig_match *tm = trig_starting(c, tn);
        if (!tm || tm->t0 != tn || !dir_allows(tm->row, "post")) continue;
        size_t j = tm->t1;
        if (of_whole && !tok_punct(c, j, ',')) continue;
        bool lead = i == c->s0 && tok_punct(c, j, ',');
        size_t at = lead ? j + 1 : (i > c->s0 ? i - 1 : i);
        if (!lead && (i == c->s0 || at + 1 != i)) continue;
        for (int n = 0; n < 4; n++) {
            double v = 0;
            size_t nu = 0, gu = 0;
            if (c->tok[at].type == CC_TOK_NUM) {
                nu = parse_digits(c, at, &v);
            } else {
                const cc_lex_row *r = numw_at(c, at, &nu);
                if (!numw_type(r, "unit") && !numw_type(r, "tens")) nu = 0;
                else v = strtod(r->col[2], NULL);
            }
            if (!nu) break;
            size_t w = lead ? at + nu : j; /* "were" */
            const cc_lex_row *gr = NULL;
            bool plain = false;
            if (!lead && at + nu == i && (at == c->s0 || c->tok[at - 1].type != CC_TOK_NUM)) {
                /* "25 of the wounded were in critical condition": a part
                 * of the people of that trigger, told with no other trigger */
                bool h3 = false, d3 = false, a3 = false;
                /* (or told again: "... were in critical condition") */
                const trig_match *t3 = look_post(c, j, &h3, &d3, &a3);
                plain = (!t3 || !strcmp(t3->row->col[1], tm->row->col[1])) && !is_group_word(c, w + 1, &gu, &gr) &&
                        (tok_is(c, w, "were") || tok_is(c, w, "are") || tok_is(c, w, "remain") ||
                         tok_is(c, w, "remained") || tok_is(c, w, "remains"));
                /* only as a part: "Two of the wounded remain in hospital"
                 * alone tells no count of its own; the whole may be told
                 * in an earlier paragraph ("30 wounded, police said. ¶
                 * ... Nine of the wounded were in critical condition") */
                if (plain) plain = earlier_whole_at(c, NULL, c->tok[at].start, tm->row->col[1], v, false) != NULL;
            }
            if (!plain && !tok_is(c, w, "were") && !tok_is(c, w, "are")) break;
            if (!plain && !is_group_word(c, w + 1, &gu, &gr)) break;
            bool covered = false;
            for (size_t k = 0; k < c->nnp; k++)
                if (c->nps[k].m && c->nps[k].t0 < at + nu && at < c->nps[k].t1) covered = true;
            if (covered) break;
            np *q = np_made(c, at, plain ? j : at + nu, v);
            q->category = tm->row->col[1];
            q->group = plain ? "people" : gr->col[1];
            q->g0 = plain ? 0 : w + 1;
            q->g1 = plain ? 0 : w + 1 + gu;
            q->via_post = true;
            emit(c, q);
            if (!q->m) return;
            concur_mention *whole = of_whole ? of_whole : earlier_whole(c, q->m, q->category, v, false);
            if (whole && whole != q->m && whole->value >= v) q->m->parent = whole;
            if (!lead) break;
            /* "15 were children and 21 were women" */
            at = w + 1 + gu;
            if (tok_punct(c, at, ',')) at++;
            if (!tok_is(c, at, "and")) break;
            at++;
        }
    }
    /* "Two of the wounded later died": N, "of the", an injured trigger
     * noun, then a killed trigger (step 9, died_among_wounded) */
    for (size_t kt = 0; kt < c->ntrig && c->nnp < MAX_NP; kt++) {
        const trig_match *tw = &c->trig[kt];
        if (tw->t0 < c->s0 + 3 || strcmp(tw->row->col[1], "injured") || !dir_allows(tw->row, "post") ||
            !tok_is(c, tw->t0 - 1, "the") || !tok_is(c, tw->t0 - 2, "of"))
            continue;
        /* the number ending before "of": digits or number words */
        double v = 0;
        size_t i = 0, nu = 0, j = tw->t0 - 2;
        for (size_t back = j - c->s0 < 5 ? j - c->s0 : 5; back >= 1 && !nu; back--) {
            size_t s = j - back, u = 0;
            if (c->tok[s].type == CC_TOK_NUM) {
                if (s > c->s0 && !(c->tok[s].flags & CC_TF_SPACE_BEFORE)) continue;
                u = parse_digits(c, s, &v);
            } else {
                const cc_lex_row *r = numw_at(c, s, &u);
                if (!numw_type(r, "unit") && !numw_type(r, "tens")) continue;
                v = strtod(r->col[2], NULL);
                /* "twenty-five", "twenty five" */
                size_t h = s + u + (tok_punct(c, s + u, '-') ? 1 : 0), u2 = 0;
                const cc_lex_row *r2 = numw_type(r, "tens") && h < j ? numw_at(c, h, &u2) : NULL;
                if (numw_type(r2, "unit") && h + u2 == j) {
                    v += strtod(r2->col[2], NULL);
                    u = j - s;
                }
            }
            if (s + u == j) {
                i = s;
                nu = u;
            }
        }
        if (!nu) continue;
        bool hedged = false, dropped = false, aux = false;
        const trig_match *tk2 = look_post(c, tw->t1, &hedged, &dropped, &aux);
        if (!tk2 || dropped || strcmp(tk2->row->col[1], "killed") || (!aux && !has_rule(tk2->row, "intransitive")))
            continue;
        bool covered = false;
        for (size_t k = 0; k < c->nnp; k++)
            if (c->nps[k].m && c->nps[k].t0 < tw->t1 && i < c->nps[k].t1) covered = true;
        if (covered) continue;
        cues_before(c, tk2->t0, &hedged, &dropped);
        if (dropped) continue;
        np *q = np_made(c, i, tw->t1, v);
        q->category = "killed";
        q->group = "people";
        q->hedged = hedged;
        q->via_post = true;
        emit(c, q);
        if (!q->m) return;
        if (!died_among_wounded(c, q->m, NULL, false) && !q->m->parent) {
            /* "The death toll rose to 19 after five of the wounded died":
             * with no count of the wounded, the dead are some of the toll
             * of their sentence */
            const count_state *st = c->st;
            for (size_t k = st->ncr; k-- > 0;) {
                concur_mention *o = st->cr[k].m;
                if (o->sentence != q->m->sentence) break;
                if (o != q->m && !o->parent && (o->flags & CNT_TOLL) && !strcmp(o->category, "killed") &&
                    o->has_value && o->value > v) {
                    q->m->parent = o;
                    break;
                }
            }
        }
    }
    /* "Man shot in leg", "resident killed": a singular group noun without a
     * number (count_groups column 3 "one") opening the sentence or a clause
     * and followed by a trigger is one */
    for (size_t i = c->s0; i < c->s1 && c->nnp < MAX_NP; i++) {
        if (i > c->s0 && !tok_punct(c, i - 1, ',') && !tok_punct(c, i - 1, ';') && !tok_punct(c, i - 1, ':') &&
            !(i > c->s0 + 1 && tok_is(c, i - 1, "but") && tok_punct(c, i - 2, ',')))
            continue;
        /* "both died at hospital", "2nd shot, back": a referring word
         * (both: 2; a rank: one more victim), maybe with its noun */
        double refv = 0;
        size_t ru = 0;
        const cc_lex_row *ref = ref_at(c, i, &ru, &refv);
        bool pair = ref && numw_type(ref, "pair");
        /* an age before the noun or for it: "3 y/o boy injured", "17yo
         * shot dead" */
        size_t age = ref ? ru : age_len(c, i);
        size_t u = 0, j = i + age;
        const cc_lex_row *gr = NULL, *g2 = NULL;
        if (ref && refv < 1) continue;
        if (ref && is_group_word(c, j, &u, &gr)) {
            size_t u2 = 0;
            while (j + u < c->s1 && is_group_word(c, j + u, &u2, &g2)) {
                j += u;
                u = u2;
                gr = g2;
            }
            /* a rank names one ("2nd vic"), not "First responders" */
            if (!pair && (!gr->col[2] || strcmp(gr->col[2], "one"))) continue;
        } else if (ref) {
            u = 0;
        } else if (is_group_word(c, j, &u, &gr)) {
            /* "teen girl": the last of consecutive group nouns is the head */
            size_t u2 = 0;
            while (j + u < c->s1 && is_group_word(c, j + u, &u2, &g2)) {
                j += u;
                u = u2;
                gr = g2;
            }
            if (!gr->col[2] || strcmp(gr->col[2], "one")) continue;
        } else if (!age) {
            continue;
        }
        bool covered = false;
        for (size_t k = 0; k < c->nnp; k++)
            if (c->nps[k].t0 < j + u && i < c->nps[k].t1) covered = true;
        if (covered || trig_covering(c, i)) continue;
        bool hedged = false, dropped = false, aux = false;
        const trig_match *tm = look_post(c, j + u, &hedged, &dropped, &aux);
        if (!tm || dropped || (!aux && active_use(c, tm))) continue;
        /* without an auxiliary the verb must end its clause or go on with a
         * preposition or adverb ("Man shot in leg"; count_links roles
         * "manner": multiple, twice ...; "wound": the body part hit, as
         * notes write it, "Man wounded foot"), not an object ("suspect
         * shot mirror") */
        if (!aux && tm->t1 < c->s1 && c->tok[tm->t1].type != CC_TOK_PUNCT && c->tok[tm->t1].type != CC_TOK_NUM &&
            !link_at(c, tm->t1, "aux,both,end,pre,manner,wound", NULL) && !trig_starting(c, tm->t1))
            continue;
        cues_before(c, tm->t0, &hedged, &dropped);
        if (dropped) continue;
        /* a rank tells of one more victim when the victims told before it
         * in the paragraph number one less: "1 teen killed, 2nd shot",
         * "1 shot, head, 2nd wounded" (not "3 vics shot; 5th vic shot") */
        if (ref && !pair && (double)victims_before(c, c->tok[i].start) != refv - 1) continue;
        np *q = np_made(c, i, j + u, ref ? (pair ? refv : 1) : 1);
        q->group = gr ? gr->col[1] : "people";
        q->g0 = ref ? j : i;
        q->g1 = j + u;
        set_trigger(q, tm->row);
        q->hedged = hedged;
        q->via_post = true;
        if (pair) q->note = "both";
        emit(c, q);
        if (!q->m) return;
        if (ref) {
            /* the rank or pair shot died only when a later clause says so:
             * "1 teen killed, 2nd shot" is one wounded */
            if (!pair) c->st->cr[c->st->ncr - 1].ordinal = (unsigned)refv;
            if (q->m->flags & CNT_SHOT) {
                bool died = false;
                for (size_t k = 0; k < c->ntrig; k++)
                    if (c->trig[k].t0 >= tm->t1 && !strcmp(c->trig[k].row->col[1], "killed")) died = true;
                if (died || !pair) {
                    q->m->category = died ? "killed" : "injured";
                    q->m->flags &= ~CNT_SHOT;
                }
            }
            i = j + u - 1;
            continue;
        }
        /* "Man shot, face, died on scene": the one shot died */
        if (q->m->flags & CNT_SHOT)
            for (size_t k = 0; k < c->ntrig; k++)
                if (!strcmp(c->trig[k].row->col[1], "killed")) {
                    q->m->category = "killed";
                    q->m->flags &= ~CNT_SHOT;
                    break;
                }
        i = j + u - 1;
    }
    /* "shot five students ..., killing all but one": killed = the people
     * shot less N (the shot-less-killed rule then gives injured N) */
    for (size_t k = 0; k < c->ntrig && c->nnp < MAX_NP; k++) {
        const trig_match *tm = &c->trig[k];
        if (strcmp(tm->row->col[1], "killed") || !dir_allows(tm->row, "pre")) continue;
        size_t a = tm->t1, u = 0;
        if (!tok_is(c, a, "all") || !tok_is(c, a + 1, "but")) continue;
        const cc_lex_row *nw = numw_at(c, a + 2, &u);
        if (!nw || strcmp(nw->col[1], "unit")) continue;
        double n = strtod(nw->col[2], NULL);
        int obj = -1;
        for (size_t j = 0; j < c->nnp; j++) {
            const np *q = &c->nps[j];
            if (q->m || q->done || q->article || q->det || !q->has_value || q->qual || q->t0 <= c->s0 || q->t0 >= a ||
                q->value <= n)
                continue;
            const trig_match *st = trig_ending(c, q->t0);
            if (st && has_rule(st->row, "injured_unless_killed")) obj = (int)j;
        }
        if (obj < 0) continue;
        np *q = &c->nps[c->nnp++];
        *q = c->nps[obj];
        q->t0 = a;
        q->t1 = q->c1 = q->after = a + 2 + u;
        q->value = q->min = q->max = c->nps[obj].value - n;
        q->g0 = q->g1 = 0;
        q->category = "killed";
        q->note = "all but";
        q->rule = NULL;
        q->parent = q->coord_with = -1;
        q->done = true;
        q->m = NULL;
        emit(c, q);
        if (!q->m) return;
        break;
    }
    /* "shot 10 young girls ..., killing 5": the object of an active "shot"
     * is a count of people shot when the sentence reports deaths */
    bool deaths = false;
    for (size_t r = cr0; r < c->st->ncr; r++)
        if (!strcmp(c->st->cr[r].m->category, "killed") && !c->st->cr[r].m->parent) deaths = true;
    for (size_t k = 0; deaths && k < c->nnp; k++) {
        np *q = &c->nps[k];
        if (q->m || q->done || q->article || q->det || q->bare || q->t0 <= c->s0) continue;
        const trig_match *tm = trig_ending(c, q->t0);
        if (!tm || !has_rule(tm->row, "injured_unless_killed")) continue;
        set_trigger(q, tm->row);
        emit(c, q);
        if (!q->m) return;
    }
    if (c->nnp) {
        coordinate_back(c);
        coordinated_totals(c);
        /* "Two police officers were among those killed": a part of the
         * latest earlier count of its category (trigger rule "part") */
        for (size_t k = 0; k < c->nnp; k++) {
            np *q = &c->nps[k];
            if (!q->m || q->m->parent || !rules_have(q->rule, "part")) continue;
            concur_mention *w = earlier_whole(c, q->m, q->m->category, q->has_value ? q->value : q->min, false);
            if (w) q->m->parent = w;
        }
    }
    /* "walk-up by 1; died in hospital", "Chest; died on scene": a clause
     * without a subject opening with a trigger of rule "subjectless_one"
     * (died, dead, deceased) at the sentence start or after ";" tells of one
     * death, when the sentence has no other count */
    if (c->st->ncr == cr0 && c->nnp < MAX_NP)
        for (size_t k = 0; k < c->ntrig; k++) {
            const trig_match *tm = &c->trig[k];
            bool owner = has_rule(tm->row, "owner_one");
            if (!owner && !has_rule(tm->row, "subjectless_one")) continue;
            bool shot_before = false; /* "shot multiple times, died at hosp" */
            for (size_t k2 = 0; k2 < k; k2++)
                if (has_rule(c->trig[k2].row, "injured_unless_killed"))
                    shot_before = true;
            /* "Woman's body found", "A man's body was found", "A body was
             * found" (rule "owner_one"): a possessor or an article first */
            size_t at = tm->t0, gu = 0, g0 = 0, g1 = 0;
            const cc_lex_row *gr = NULL;
            if (owner && at > c->s0) {
                size_t ap = tok_is(c, at - 1, "s") && at - 1 > c->s0 ? at - 2 : at - 1;
                if (ap > c->s0 && possessive_at(c, ap) && c->tok[ap - 1].type == CC_TOK_WORD) {
                    at = ap - 1;
                    if (is_group_word(c, at, &gu, &gr) && at + gu == ap) {
                        g0 = at;
                        g1 = ap;
                    } else if (!(c->tok[at].flags & CC_TF_UPPER)) {
                        continue;
                    }
                }
                if (at > c->s0 && (tok_is(c, at - 1, "a") || tok_is(c, at - 1, "an") || link_at(c, at - 1, "det", NULL)))
                    at--;
            }
            if (at != c->s0 && !tok_punct(c, at - 1, ';') && !(shot_before && tok_punct(c, at - 1, ',')))
                continue;
            if (tok_punct(c, tm->t1, ':') || tok_is(c, tm->t1, "or") || tok_is(c, tm->t1, "and") ||
                is_group_word(c, tm->t1, &gu, NULL))
                continue; /* "Died:", "Dead bodies", "dead or alive" */
            bool hedged = false, dropped = false;
            cues_before(c, tm->t0, &hedged, &dropped);
            if (dropped) continue;
            np *q = np_made(c, at, tm->t1, 1);
            q->group = gr ? gr->col[1] : "people";
            q->g0 = g0;
            q->g1 = g1;
            q->category = tm->row->col[1];
            q->note = owner ? "body found" : "subjectless clause";
            q->hedged = hedged;
            q->via_post = true;
            emit(c, q);
            if (!q->m) return;
            break;
        }
    /* "A man was critically wounded ... and taken to X, where he died": one
     * wounded who died later in the sentence is one killed */
    for (size_t k = 0; k < c->ntrig; k++) {
        size_t t = c->trig[k].t0;
        if (strcmp(c->trig[k].row->col[1], "killed") || !has_rule(c->trig[k].row, "intransitive") || t == c->s0)
            continue;
        if (!tok_is(c, t - 1, "he") && !tok_is(c, t - 1, "she") && !tok_is(c, t - 1, "later")) continue;
        concur_mention *one = NULL;
        size_t n = 0;
        for (size_t r = cr0; r < c->st->ncr; r++) {
            concur_mention *m = c->st->cr[r].m;
            if (m->parent || m->cend > c->tok[t].start) continue;
            n++;
            if (!strcmp(m->category, "injured") && m->has_value && m->value == 1 && !m->hedged) one = m;
        }
        if (one && n == 1) {
            one->category = "killed";
            one->flags &= ~CNT_SHOT;
        }
        break;
    }
    /* "Victim shot in chest. He died at the hospital.": a sentence with no
     * count of its own telling that he, she or the victim died makes the
     * one wounded or shot of the sentence before it one killed */
    if (c->st->ncr == cr0) {
        size_t i = c->s0, u = 0;
        const cc_lex_row *gr = NULL;
        if (tok_is(c, i, "he") || tok_is(c, i, "she")) i++;
        else if (tok_is(c, i, "the") && is_group_word(c, i + 1, &u, &gr) && gr->col[2] && !strcmp(gr->col[2], "one"))
            i += 1 + u;
        bool hedged = false, dropped = false, aux = false;
        const trig_match *tm = i > c->s0 ? look_post(c, i, &hedged, &dropped, &aux) : NULL;
        if (tm && !hedged && !dropped && !strcmp(tm->row->col[1], "killed") && !by_police(c) &&
            (aux || has_rule(tm->row, "intransitive"))) {
            size_t sent = c->p->sent_base + c->tok[c->s0].sent;
            concur_mention *one = NULL;
            size_t n = 0;
            for (size_t r = cr0; r-- > 0 && c->st->cr[r].para == c->p->index;) {
                concur_mention *m = c->st->cr[r].m;
                if (m->sentence + 1 < sent) break;
                if (m->parent || m->sentence + 1 != sent) continue;
                n++;
                if (m->has_value && m->value == 1 && !m->hedged &&
                    (!strcmp(m->category, "injured") || (m->flags & CNT_SHOT)))
                    one = m;
            }
            if (one && n == 1) {
                one->category = "killed";
                one->flags &= ~CNT_SHOT;
            }
        }
    }
    of_lead_parts(c, cr0);
    /* "Of the eight victims, three were stabbed, two were strangled, two
     * were beaten to death and one was asphyxiated": a sentence opening
     * "Of the ..." breaks a whole down; its counts add up to no total */
    if (!opens_of_the(c)) sentence_totals(c, cr0);
    more_totals(c, cr0);
}

/* ---------------------------------------------------------------- places */

static void add_place(ctx *c, size_t a, size_t b, uint8_t strength)
{
    concur_doc *d = c->d;
    count_state *st = c->st;
    if (a >= b) return;
    if (!arena_grow(&d->arena, (void **)&st->pl, &st->cappl, st->npl + 1, sizeof *st->pl)) {
        d->oom = true;
        return;
    }
    place_cand *pc = &st->pl[st->npl++];
    pc->cstart = c->tok[a].start;
    pc->cend = c->tok[b - 1].end;
    pc->para = c->p->index;
    pc->sent = c->p->sent_base + c->tok[a].sent;
    pc->name = span_str(c, a, b);
    pc->strength = strength;
    pc->sent_start = (c->tok[a].flags & CC_TF_SENT_START) != 0;
    pc->after_from = a > c->s0 && tok_is(c, a - 1, "from");
    pc->possessive = b < c->s1 && possessive_at(c, b);
}

/* Capitalised run [a, b) of at most 3 words starting at a. */
static size_t cap_run(const ctx *c, size_t a, size_t lim)
{
    size_t b = a;
    while (b < lim && b - a < 3 && c->tok[b].type == CC_TOK_WORD && (c->tok[b].flags & CC_TF_UPPER)) b++;
    return b;
}

static void place_pattern(ctx *c, size_t i)
{
    size_t u = 0;
    const cc_lex_row *r = cc_lex_match(c->t->placepat, c->text, c->tok, i, c->s1, &u);
    if (!r || !r->col[1]) return;
    const char *role = r->col[1];
    if (!strcmp(role, "before")) {
        size_t b = cap_run(c, i + u, c->s1);
        if (b > i + u) add_place(c, i + u, b, 3);
    } else if (!strcmp(role, "after")) {
        size_t a = i;
        while (a > c->s0 && i - a < 3 && c->tok[a - 1].type == CC_TOK_WORD && (c->tok[a - 1].flags & CC_TF_UPPER)) a--;
        if (a < i && a > c->s0 && tok_is(c, a - 1, "the")) {
            size_t gu;
            if (!is_group_word(c, a, &gu, NULL)) add_place(c, a, i, 3);
        }
    } else if (!strcmp(role, "appos")) {
        /* "Khojaly, a town in" */
        if (i >= c->s0 + 3 && (tok_is(c, i - 1, "a") || tok_is(c, i - 1, "the")) && tok_punct(c, i - 2, ',')) {
            size_t e = i - 2, a = e;
            while (a > c->s0 && e - a < 3 && c->tok[a - 1].type == CC_TOK_WORD && (c->tok[a - 1].flags & CC_TF_UPPER)) a--;
            if (a < e) add_place(c, a, e, 3);
        }
    }
}

static bool is_event_date(const concur_mention *x)
{
    return x->kind == CONCUR_KIND_DATE && x->timex_value && *x->timex_value &&
           (!x->timex_type || !strcmp(x->timex_type, "DATE") || !strcmp(x->timex_type, "TIME"));
}

/* The date of sentence [s, e) (its last), or NULL. */
static const char *sentence_date(const count_state *st, size_t s, size_t e)
{
    size_t lo = pm_from(st, s);
    const char *v = NULL;
    for (size_t k = lo; k < st->npm && k < lo + 64 && st->pm[k]->cstart < e; k++)
        if (is_event_date(st->pm[k])) v = st->pm[k]->timex_value;
    return v;
}

/* The date in force for a count: a date of its sentence, else the latest
 * date before it in the paragraph (bounded walk over the paragraph's
 * mentions, ordered by start). */
static const char *date_in_force(const count_state *st, const concur_mention *m)
{
    size_t lo = pm_from(st, m->cstart);
    /* after it, in the same sentence */
    const concur_mention *after = NULL;
    for (size_t k = lo; k < st->npm && k < lo + 64; k++) {
        const concur_mention *x = st->pm[k];
        if (x->sentence != m->sentence) break;
        if (is_event_date(x)) { after = x; break; }
    }
    for (size_t k = lo, n = 0; k-- > 0 && n < 512; n++) {
        const concur_mention *x = st->pm[k];
        if (!is_event_date(x)) continue;
        if (after && x->sentence != m->sentence) break;
        return x->timex_value;
    }
    return after ? after->timex_value : NULL;
}

/* Capitalised words around a count: its sentence (to 64 tokens after it)
 * and up to 24 runs before it in the paragraph. */
static void place_cands_near(ctx *c, const concur_mention *m)
{
    const cc_para *p = c->p;
    size_t lo = 0, hi = p->ntok;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (p->tok[mid].start < m->cstart) lo = mid + 1;
        else hi = mid;
    }
    size_t ti = lo < p->ntok ? lo : p->ntok - 1;
    size_t sent = p->tok[ti].sent;
    const cc_sentence *se = &p->sent[sent];
    /* before, nearest first is not needed: order by position */
    size_t first = ti, runs = 0;
    while (first > 0 && runs < 24 && ti - first < 2000) {
        first--;
        if (p->tok[first].type == CC_TOK_WORD && (p->tok[first].flags & CC_TF_UPPER) &&
            (first == 0 || !(p->tok[first - 1].type == CC_TOK_WORD && (p->tok[first - 1].flags & CC_TF_UPPER))))
            runs++;
    }
    size_t last = se->tok_end < ti + 64 ? se->tok_end : ti + 64;
    c->s0 = 0;
    c->s1 = p->ntok;
    for (size_t i = first; i < last; i++) {
        size_t b = cap_run(c, i, last);
        if (b == i) continue;
        /* "The Mumbai blasts", "In Kabul, ...": a sentence's first word,
         * an article or a preposition (count_links role det or adjunct),
         * is not part of the name */
        if (b > i + 1 && (p->tok[i].flags & CC_TF_SENT_START) && link_at(c, i, "det,adjunct", NULL) == 1) i++;
        add_place(c, i, b, 0);
        i = b - 1;
    }
}

static int cmp_start(const void *a, const void *b)
{
    const concur_mention *x = *(const concur_mention *const *)a, *y = *(const concur_mention *const *)b;
    if (x->cstart != y->cstart) return x->cstart < y->cstart ? -1 : 1;
    return x->order < y->order ? -1 : x->order > y->order;
}

/* ------------------------------------------------------------------ scan */

/* A trigger of rule "abbrev" at tokens [i, i+u) of sentence [s0, s1): glued
 * to a number that opens a clause, followed by punctuation or the end. */
static bool abbrev_ok(const char *text, const cc_token *tk, size_t s0, size_t s1, size_t i, size_t u)
{
    if (i == s0 || (tk[i].flags & CC_TF_SPACE_BEFORE) || tk[i - 1].type != CC_TOK_NUM) return false;
    size_t n = i - 1;
    if (n > s0) {
        const cc_token *b = &tk[n - 1];
        if (b->type != CC_TOK_PUNCT || b->end - b->start != 1 || !strchr(",;:", text[b->start])) return false;
    }
    return i + u >= s1 || tk[i + u].type == CC_TOK_PUNCT;
}

void cc_counts_scan(const concur_engine *e, concur_doc *d, const cc_para *p)
{
    if (!(cc_starts_wanted(d->opt.kinds) & (1u << CC_START_COUNT))) return;   /* counts not asked for */
    const counts_tables *t = e->counts;
    count_state *st = state_of(d);
    if (!st) return;
    ctx c;
    c.t = t;
    c.d = d;
    c.p = p;
    c.text = p->text;
    c.tok = p->tok;
    c.st = st;
    c.ntrig = 0;
    c.nnp = 0;
    c.attribution = NULL;
    c.attr_done = false;
    c.lead_before = false;
    size_t para_cr0 = st->ncr;
    bool mentions_ready = false;

    const cc_token *tok = p->tok;
    const uint8_t *firsts = t->first, *pairs = t->pairs;
    const size_t nfirst = t->nfirst;
    /* the words that start a trigger or a place pattern (cc_starts_list),
     * sentence by sentence: a sentence with none of them is passed over
     * (nothing is done there); `next` is the first token after the last
     * trigger found */
    const uint32_t *at = p->start_at[CC_START_COUNT];
    const size_t nat = p->nstart_at[CC_START_COUNT];
    size_t ai = 0, next = 0;
    while (ai < nat && !d->oom) {
        size_t si = tok[at[ai]].sent;
        c.s0 = p->sent[si].tok_start;
        c.s1 = p->sent[si].tok_end;
        c.ntrig = 0;
        for (; ai < nat && at[ai] < c.s1; ai++) {
            size_t i = at[ai];
            if (i < next) continue;
            const cc_token *tk = &tok[i];
            uint32_t w = tk->wid;
            unsigned first = firsts[w < nfirst ? w : 0];
            if (first & FIRST_PLACE) place_pattern(&c, i);
            if (!(first & FIRST_TRIG) || c.ntrig >= MAX_TRIG) continue;
            /* every trigger starting with this word goes on with a word:
             * the two words must be the first two of some trigger ("to" of
             * "to death" before "the", "from" before "the" are not worth a
             * search) */
            if (!(first & FIRST_TRIG_ALONE) && i + 1 < c.s1 && tok[i + 1].type == CC_TOK_WORD) {
                uint32_t h = pair_hash(w, tok[i + 1].wid);
                if (!(pairs[h >> 3] & (1u << (h & 7)))) continue;
            }
            size_t u = 0;
            const cc_lex_row *r = cc_lex_match_word(t->trig, &t->trig_range[tk->wid], p->text, p->tok, i, c.s1, &u);
            if (!r) continue;
            /* "3 serious;", "2 critical, 1 stable": a condition word is a
               trigger only where no word follows it ("5 serious crimes") */
            if (r->col[1] && r->col[2] && r->col[3] && has_rule(r, "condition") &&
                i + u < c.s1 && p->tok[i + u].type == CC_TOK_WORD && !cc_tok_is(p->text, &p->tok[i + u], "condition"))
                continue;
            /* "1k,1inj": a letter glued to a number opening a clause, before
               punctuation or the end (rule "abbrev") */
            if (r->col[4] && has_rule(r, "abbrev") &&
                !abbrev_ok(p->text, p->tok, c.s0, c.s1, i, u))
                continue;
            c.trig[c.ntrig].t0 = i;
            c.trig[c.ntrig].t1 = i + u;
            c.trig[c.ntrig].row = r;
            c.ntrig++;
            next = i + u;
        }
        if (!c.ntrig) continue;
        if (!mentions_ready) {
            /* this paragraph's mentions, ordered by start */
            size_t k = d->nm;
            while (k > 0 && d->m[k - 1]->cstart >= p->start) k--;
            size_t n = d->nm - k;
            if (!arena_grow(&d->arena, (void **)&st->pm, &st->cappm, n + 1, sizeof *st->pm)) {
                d->oom = true;
                return;
            }
            st->npm = 0;
            for (size_t q = k; q < d->nm; q++)
                if (d->m[q]->kind != CONCUR_KIND_COUNT) st->pm[st->npm++] = d->m[q];
            /* runs of each recogniser, each in order: sort by start */
            bool sorted = true;
            for (size_t a = 1; a < st->npm && sorted; a++) sorted = st->pm[a - 1]->cstart <= st->pm[a]->cstart;
            if (!sorted) qsort(st->pm, st->npm, sizeof *st->pm, cmp_start);
            mentions_ready = true;
        }
        process_sentence(&c);
        /* a sentence telling of an incident, with a date: the incident date
         * for later counts whose paragraph gives none */
        const char *ev = sentence_date(st, p->sent[si].start, p->sent[si].end);
        if (ev && strlen(ev) >= 10 && ev[4] == '-' && ev[7] == '-') st->event_date = ev; /* a day */
    }
    if (d->oom) return;

    /* dates in force and place candidates of each new count */
    for (size_t k = para_cr0; k < st->ncr; k++) {
        count_rec *cr = &st->cr[k];
        concur_mention *m = cr->m;
        m->date = date_in_force(st, m);
        if (!m->date) m->date = cr->event_date;
        cr->pl_begin = st->npl;
        place_cands_near(&c, m);
        cr->pl_end = st->npl;
    }
    /* the title's (first paragraph's) places: the document's fallback */
    if (p->index == 0 && p->start == 0) {
        size_t n = 0;
        for (size_t si = 0; si < p->nsent && n < 32; si++) {
            c.s0 = p->sent[si].tok_start;
            c.s1 = p->sent[si].tok_end;
            for (size_t i = c.s0; i < c.s1 && n < 32; i++) {
                size_t b = cap_run(&c, i, c.s1);
                if (b == i) continue;
                add_place(&c, i, b, 1);
                n++;
                i = b - 1;
            }
        }
    }
}

void cc_counts_start_words(const concur_engine *e, uint8_t *bits, size_t n, uint8_t bit)
{
    const counts_tables *t = e->counts;
    /* a determiner alone (FIRST_DET) starts nothing in the scan */
    for (size_t w = 0; w < n && w < t->nfirst; w++)
        if (t->first[w] & (FIRST_TRIG | FIRST_PLACE)) bits[w] |= bit;
}

/* ---------------------------------------------------------------- finish */

static void lower_copy(const char *s, char *buf, size_t cap, size_t *n)
{
    size_t k = 0;
    for (; s[k] && k + 1 < cap; k++) {
        char ch = s[k];
        if (ch >= 'A' && ch <= 'Z') ch = (char)(ch + 32);
        if (ch == '-') ch = ' ';
        buf[k] = ch;
    }
    buf[k] = 0;
    *n = k;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static bool learned_has(const char **learned, size_t n, const char *name)
{
    return n && bsearch(&name, learned, n, sizeof *learned, cmp_str) != NULL;
}

/* Rank of a candidate as a place: 4 pattern, 3 learned name, 2 city of
 * the gazetteer, 1 country or region (regions.tsv), 0 none. */
static int place_rank(const counts_tables *t, const char **learned, size_t nlearned, const place_cand *pc)
{
    if (pc->strength == 3) return 4;
    if (learned_has(learned, nlearned, pc->name)) return 3;
    if (pc->sent_start) return 0;
    char buf[128];
    size_t n;
    lower_copy(pc->name, buf, sizeof buf, &n);
    if (!(t->pstop && cc_lex_find(t->pstop, buf, n)) && t->places && cc_lex_find(t->places, buf, n)) return 2;
    /* "Scotland's sympathy", "Russia's defence ministry": a country or
     * region in the possessive is an actor, not where it happened */
    /* ... and "three people from Scotland" tells where they come from */
    if (!pc->possessive && !pc->after_from && t->regions && cc_lex_find(t->regions, buf, n)) return 1;
    return 0;
}

int cc_place_country(const char *name, char cc[3])
{
    const cc_lexicon *places = cc_lexicon_get("places"), *regions = cc_lexicon_get("regions"),
                     *pstop = cc_lexicon_get("places_stop");
    char buf[128];
    size_t n;
    if (!name) return -1;
    lower_copy(name, buf, sizeof buf, &n);
    /* a region first: "Colorado" is the US state before the Brazilian town */
    const cc_lex_row *r = regions ? cc_lex_find(regions, buf, n) : NULL;
    int level = r ? (r->col[3] && !strcmp(r->col[3], "country") ? 2 : 1) : 0;
    if (!r && places && !(pstop && cc_lex_find(pstop, buf, n))) r = cc_lex_find(places, buf, n);
    if (!r || !r->col[2] || strlen(r->col[2]) != 2) return -1;
    memcpy(cc, r->col[2], 3);
    return level;
}

void cc_counts_finish(const concur_engine *e, concur_doc *d)
{
    const counts_tables *t = e->counts;
    count_state *st = d->counts_state;
    if (!st || !st->ncr) return;
    /* "two men shot": people shot are wounded unless the paragraph reports
     * deaths, when the figure is the total of killed and wounded */
    for (size_t i = 0, para_first = 0; i < st->ncr; i++) {
        if (i == 0 || st->cr[i].para != st->cr[i - 1].para) para_first = i;
        concur_mention *m = st->cr[i].m;
        if (!(m->flags & CNT_SHOT)) continue;
        bool deaths = false;
        for (size_t k = para_first; k < st->ncr && st->cr[k].para == st->cr[i].para && k < para_first + 256; k++)
            if (!strcmp(st->cr[k].m->category, "killed") && !st->cr[k].ordinal) deaths = true; /* not "3rd killed" */
        if (!deaths) m->category = "injured";
    }
    /* "1 vic pistol-whipped, 2 shot": in a paragraph without deaths the
     * people shot are wounded, and add to the wounded of the other clauses
     * of their sentence (a total, note "sum of clauses"), unless a count
     * is smaller than one of the other kind told before it, of whom it is
     * a part ("2 men found inj., 1 shot other stabbed", "2 bystanders shot,
     * 1 inj") */
    {
        size_t n0 = st->ncr;
        for (size_t i = 0; i < n0; i++) {
            concur_mention *first = st->cr[i].m;
            if (strcmp(first->category, "injured") || first->parent) continue;
            bool seen_before = false;
            for (size_t k = i; k-- > 0 && st->cr[k].para == st->cr[i].para && k + 64 >= i;) {
                const concur_mention *o = st->cr[k].m;
                if (o->sentence == first->sentence && !o->parent && !strcmp(o->category, "injured")) seen_before = true;
            }
            if (seen_before) continue;
            concur_mention *set[16];
            size_t n = 0;
            bool ok = true, shot = false, other = false;
            for (size_t k = i; k < n0 && k < i + 64 && st->cr[k].para == st->cr[i].para; k++) {
                concur_mention *o = st->cr[k].m;
                if (o->sentence != first->sentence || o->parent || strcmp(o->category, "injured")) continue;
                if (!sum_clause_ok(o) || n == 16) { ok = false; break; }
                if (o->flags & CNT_SHOT) shot = true;
                else other = true;
                set[n++] = o;
            }
            if (!ok || !shot || !other) continue;
            /* text order */
            for (size_t a = 1; a < n; a++)
                for (size_t b = a; b > 0 && set[b - 1]->cstart > set[b]->cstart; b--) {
                    concur_mention *tmp = set[b];
                    set[b] = set[b - 1];
                    set[b - 1] = tmp;
                }
            double sum = 0;
            size_t cend = 0;
            for (size_t a = 0; a < n && ok; a++) {
                for (size_t b = 0; b < a; b++)
                    if ((set[b]->flags & CNT_SHOT) != (set[a]->flags & CNT_SHOT) && set[b]->value > set[a]->value)
                        ok = false;
                sum += set[a]->value;
                if (set[a]->cend > cend) cend = set[a]->cend;
            }
            if (!ok) continue;
            size_t rec = i;
            for (size_t k = i; k < n0; k++)
                if (st->cr[k].m == set[0]) { rec = k; break; }
            concur_mention *w = derive_count(d, st, rec, set[0], cend);
            if (!w) return;
            w->flags &= ~CNT_SHOT;
            w->value = w->min = w->max = sum;
            for (size_t a = 1; a < n; a++)
                if (strcmp(set[a]->group, set[0]->group)) w->group = "people";
            w->group_text = NULL;
            w->note = "sum of clauses";
            for (size_t a = 0; a < n; a++) set[a]->parent = w;
        }
    }
    /* "Five people were shot, two fatally": the wounded are the people shot
     * less the dead (the largest top-level killed figure of the paragraph
     * below the shot figure), unless the paragraph states an injured figure */
    {
        size_t n0 = st->ncr;
        for (size_t i = 0, para_first = 0; i < n0; i++) {
            if (i == 0 || st->cr[i].para != st->cr[i - 1].para) para_first = i;
            concur_mention *m = st->cr[i].m;
            if (!(m->flags & CNT_SHOT) || strcmp(m->category, "casualties") || m->parent || !m->has_value ||
                m->qualifier == CONCUR_QUAL_VAGUE)
                continue;
            /* the dead of the shot figure's own sentence first: "13
             * killed. ... 20 were shot, six of them fatally" */
            double killed = -1, killed_here = -1;
            bool injured = false;
            for (size_t k = para_first; k < n0 && st->cr[k].para == st->cr[i].para && k < para_first + 256; k++) {
                const concur_mention *o = st->cr[k].m;
                if (o->parent || !o->has_value) continue;
                if (!strcmp(o->category, "injured") && !st->cr[k].ordinal) injured = true;
                if (!strcmp(o->category, "killed") && o->value < m->value && o->value > killed) killed = o->value;
                if (!strcmp(o->category, "killed") && o->value < m->value && o->value > killed_here &&
                    o->sentence == m->sentence)
                    killed_here = o->value;
            }
            if (killed_here >= 1) killed = killed_here;
            if (injured || killed < 1) continue;
            concur_mention *w = derive_count(d, st, i, m, m->cend);
            if (!w) return;
            w->flags &= ~CNT_SHOT;
            w->category = "injured";
            w->value = w->min = w->max = m->value - killed;
            w->note = "shot less killed";
        }
    }
    /* "1 shot, head, 2nd wounded": a victim told by rank adds to the
     * latest earlier top-level count of its category in the paragraph (the
     * rank was checked against the victims before it when it was read) */
    {
        size_t n0 = st->ncr;
        for (size_t i = 0; i < n0; i++) {
            concur_mention *m = st->cr[i].m;
            if (st->cr[i].ordinal < 2 || m->parent || !m->has_value) continue;
            concur_mention *prev = NULL;
            for (size_t k = i; k-- > 0 && st->cr[k].para == st->cr[i].para && k + 256 >= i;) {
                concur_mention *o = st->cr[k].m;
                if (o->parent || strcmp(o->category, m->category) || !o->has_value || o->qualifier || o->hedged ||
                    (o->flags & CNT_TOLL))
                    continue;
                prev = o;
                break;
            }
            if (!prev) continue;
            concur_mention *w = sum_of_two(d, st, i, prev, m);
            if (!w) return;
            w->flags &= ~CNT_SHOT;
        }
    }
    /* names learned from place patterns, sorted */
    size_t nl = 0;
    for (size_t k = 0; k < st->npl; k++) nl += st->pl[k].strength == 3;
    const char **learned = cc_arena_alloc(&d->arena, (nl + 1) * sizeof *learned);
    if (!learned) { d->oom = true; return; }
    nl = 0;
    for (size_t k = 0; k < st->npl; k++)
        if (st->pl[k].strength == 3) learned[nl++] = st->pl[k].name;
    qsort(learned, nl, sizeof *learned, cmp_str);
    /* the document's place: the most often named learned place, else a title place */
    const char *doc_place = NULL;
    size_t best_n = 0;
    {
        /* every candidate naming a learned place counts once */
        size_t nn = 0;
        const char **names = cc_arena_alloc(&d->arena, (st->npl + 1) * sizeof *names);
        if (!names) { d->oom = true; return; }
        for (size_t k = 0; k < st->npl; k++)
            if (st->pl[k].strength == 3 || learned_has(learned, nl, st->pl[k].name)) names[nn++] = st->pl[k].name;
        qsort(names, nn, sizeof *names, cmp_str);
        for (size_t k = 0; k < nn;) {
            size_t r = k;
            while (r < nn && !strcmp(names[r], names[k])) r++;
            if (r - k > best_n) { best_n = r - k; doc_place = names[k]; }
            k = r;
        }
    }
    /* else the title's first city, else its first country or region */
    for (int want = 2; want >= 1 && !doc_place; want--)
        for (size_t k = 0; k < st->npl; k++)
            if (st->pl[k].para == 0 && st->pl[k].strength == 1 && place_rank(t, learned, nl, &st->pl[k]) >= want) {
                doc_place = st->pl[k].name;
                break;
            }

    for (size_t i = 0; i < st->ncr; i++) {
        count_rec *cr = &st->cr[i];
        concur_mention *m = cr->m;
        const char *place = NULL;
        int best = 0;
        /* the sentence: the best ranked, then the nearest */
        for (size_t k = cr->pl_begin; k < cr->pl_end; k++) {
            const place_cand *pc = &st->pl[k];
            if (pc->sent != m->sentence) continue;
            int r = place_rank(t, learned, nl, pc);
            if (r > best) { best = r; place = pc->name; }
        }
        /* a country or region of the sentence gives way to a city named
         * before it in the paragraph ("the Mumbai blasts ... across India") */
        const char *wide = best == 1 ? place : NULL;
        if (wide) place = NULL;
        /* the paragraph before it: the nearest learned place, else city
         * (a country or region named in an earlier sentence is context
         * more often than the place: "his holiday in Egypt. ... the
         * estimated 150,000 dead") */
        for (int want = 3; want >= 2 && !place; want--) {
            for (size_t k = cr->pl_end; k-- > cr->pl_begin;) {
                const place_cand *pc = &st->pl[k];
                if (pc->cstart >= m->cstart || place_rank(t, learned, nl, pc) < want) continue;
                place = pc->name;
                break;
            }
        }
        if (!place) place = wide;
        if (!place) place = doc_place;
        m->place = place;
    }
}
