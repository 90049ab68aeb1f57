/* compare.c -- lines up the count claims of several documents about the
 * same event and gives each aligned fact a verdict (docs/compare.md).
 *
 * Alignment, in short:
 *   - claims are taken level by level (a part such as "106 women" after the
 *     whole "613 killed" it belongs to), document by document;
 *   - a claim may join a fact of the same category whose groups are of the
 *     same class (compare_groups.tsv), whose parent fact is the same, whose
 *     place and incident date do not contradict it, and in which its own
 *     document has no other figure of the same standing (a document's second,
 *     differently attributed figure joins as a variant; a second figure
 *     without a distinct attribution is another incident);
 *   - among the facts a claim may join it takes the best: same figure, then
 *     overlapping bounds, then a conflicting figure no more than
 *     max_conflict_ratio away; otherwise it starts a new fact.
 * Verdicts are computed per fact over its documents (compute_verdict). */
#include "compare.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <strings.h>

const char *concur_verdict_name(concur_verdict v)
{
    switch (v) {
    case CONCUR_VERDICT_AGREE: return "agree";
    case CONCUR_VERDICT_CONSISTENT: return "consistent";
    case CONCUR_VERDICT_CONFLICT: return "conflict";
    default: return "single";
    }
}

void concur_compare_options_default(concur_compare_options *o)
{
    memset(o, 0, sizeof *o);
}

/* ----------------------------------------------------------- dates */

static long days_from_civil(long y, unsigned m, unsigned d)
{
    /* proleptic Gregorian, day 0 = 1970-01-01 */
    y -= m <= 2;
    long era = (y >= 0 ? y : y - 399) / 400;
    unsigned yoe = (unsigned)(y - era * 400);
    unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + (long)doe - 719468;
}

static bool digits(const char *s, int n)
{
    for (int i = 0; i < n; i++)
        if (s[i] < '0' || s[i] > '9') return false;
    return true;
}

/* "1992", "1992-02", "1992-02-25" (anything after the day, e.g. "TNI", is
 * ignored) -> the interval of days it covers. */
static bool timex_days(const char *s, long *lo, long *hi)
{
    if (!s || strlen(s) < 4 || !digits(s, 4)) return false;
    long y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
    if (s[4] != '-' || !digits(s + 5, 2)) {
        if (s[4] && s[4] != 'T') return false;
        *lo = days_from_civil(y, 1, 1);
        *hi = days_from_civil(y, 12, 31);
        return true;
    }
    unsigned m = (unsigned)((s[5] - '0') * 10 + (s[6] - '0'));
    if (m < 1 || m > 12) return false;
    if (s[7] != '-' || !digits(s + 8, 2)) {
        if (s[7] && s[7] != 'T') return false;
        *lo = days_from_civil(y, m, 1);
        *hi = days_from_civil(m == 12 ? y + 1 : y, m == 12 ? 1 : m + 1, 1) - 1;
        return true;
    }
    unsigned d = (unsigned)((s[8] - '0') * 10 + (s[9] - '0'));
    if (d < 1 || d > 31) return false;
    *lo = *hi = days_from_civil(y, m, d);
    return true;
}

/* A date mention's interval: its explicit ends when it has them. */
static bool mention_days(const concur_mention *m, const char *value, long *lo, long *hi)
{
    if (m && m->kind == CONCUR_KIND_DATE && m->begin && m->end_value) {
        long a, b, c, d;
        if (timex_days(m->begin, &a, &b) && timex_days(m->end_value, &c, &d)) {
            *lo = a;
            *hi = d;
            return *lo <= *hi;
        }
    }
    return timex_days(value, lo, hi);
}

static bool has_year(const concur_doc *d, const concur_mention *m)
{
    const char *s = d->src + m->start;
    size_t n = m->end - m->start, run = 0;
    for (size_t i = 0; i < n; i++) {
        run = (s[i] >= '0' && s[i] <= '9') ? run + 1 : 0;
        if (run == 4) return true;
    }
    return false;
}

static bool day_value(const char *v)
{
    return v && strlen(v) >= 10 && digits(v, 4) && v[4] == '-' && digits(v + 5, 2) && v[7] == '-' && digits(v + 8, 2);
}

/* A date that can date an incident: a day ("3 March 2024", "the night of
 * February 25, 1992") whose year is written out. */
static bool incident_day(const concur_doc *d, const concur_mention *x)
{
    if (x->kind != CONCUR_KIND_DATE || !day_value(x->timex_value)) return false;
    if (x->timex_type && strcmp(x->timex_type, "DATE") && strcmp(x->timex_type, "TIME")) return false;
    return has_year(d, x);
}

/* A dateline: a day with a written year that opens its paragraph after at
 * most a few capitalised words ("DHAKA, 14 April 2025 -", "Chandpur, 16
 * April 2025", "Published 20 April 2025", "As of 15 March 2023": "of" and
 * "on" may be lower case) in the document's first
 * sentences. It dates the report, not the incident: the incident lies on
 * or before it (DATELINE_DAYS at most, for the purpose of lining up). */
#define DATELINE_DAYS 7

static bool is_dateline(const concur_doc *d, const concur_mention *x)
{
    if (!incident_day(d, x) || x->sentence > 2) return false;
    /* on the clean text: an HTML page's paragraph starts there, not at its
     * markup's line */
    const char *t = d->text.out.data;
    if (!t || x->cstart > d->text.out.len) return false;
    size_t b = x->cstart, words = 0;
    while (b > 0 && t[b - 1] != '\n') b--;
    for (size_t i = b; i < x->cstart; i++) {
        unsigned char c = (unsigned char)t[i];
        bool start = (i == b || t[i - 1] == ' ' || t[i - 1] == '\t');
        /* a lower-case word: prose; but "As of 15 March 2023", "Published
         * on 20 April 2025" (compare_dateline.tsv) */
        if (start && c >= 'a' && c <= 'z') {
            size_t e = i;
            while (e < x->cstart && t[e] != ' ' && t[e] != '\t') e++;
            const cc_lexicon *lx = cc_lexicon_get("compare_dateline");
            if (!lx || !cc_lex_find(lx, t + i, e - i)) return false;
        }
        if (start && c != ' ' && c != '\t') words++;
    }
    return words <= 4 && x->cstart - b <= 48;
}

/* Is date y said as the day of a report, right after a verb of saying
 * (count_attributions role "verb"), "on" allowed: "the government said on
 * Thursday"? That day is the report's, not the incident's. */
static bool said_day(const concur_doc *d, const concur_mention *y)
{
    const char *t = d->text.out.data;
    if (!t || y->cstart > d->text.out.len) return false;
    size_t e = y->cstart;
    while (e > 0 && t[e - 1] == ' ') e--;
    if (e >= 3 && !strncasecmp(t + e - 2, "on", 2) && t[e - 3] == ' ') {
        e -= 2;
        while (e > 0 && t[e - 1] == ' ') e--;
    }
    size_t b = e;
    while (b > 0 && e - b < 24 && isalpha((unsigned char)t[b - 1])) b--;
    if (b == e || e - b >= 24) return false;
    char low[24];
    for (size_t i = b; i < e; i++) low[i - b] = (char)tolower((unsigned char)t[i]);
    const cc_lexicon *lx = cc_lexicon_get("count_attributions");
    const cc_lex_row *r = lx ? cc_lex_find(lx, low, e - b) : NULL;
    return r && r->col[1] && !strcmp(r->col[1], "verb");
}

/* Under a dateline x: the date mention of claim m's sentence, other than
 * x, whose day lies in the week up to x ("... capsized on Sunday evening,
 * police said"), preferring the claim's own date; with `before`, first the
 * claim's own date said up to five sentences before it (for showing the
 * incident date: for lining up, a day said in another sentence may be the
 * report's, "officials said on Tuesday"). NULL if none. */
static const concur_mention *day_under_dateline(const concur_doc *d, const concur_mention *m, const concur_mention *x,
                                                bool before)
{
    long dlo, dhi;
    if (!mention_days(x, x->timex_value, &dlo, &dhi)) return NULL;
    const concur_mention *best = NULL;
    long lo, hi;
    if (before && m->date && day_value(m->date) && timex_days(m->date, &lo, &hi) && lo >= dlo - DATELINE_DAYS &&
        hi <= dhi) {
        /* the claim's own date, said a few sentences before it ("Since
         * fighting erupted on 2 March, ... At least 17 civilians have been
         * killed") */
        for (size_t i = 0; i < d->nm && d->m[i]->sentence <= m->sentence; i++) {
            const concur_mention *y = d->m[i];
            if (y != x && y->kind == CONCUR_KIND_DATE && y->timex_value && m->sentence - y->sentence <= 5 &&
                !strcmp(y->timex_value, m->date) && !said_day(d, y))
                best = y;
        }
        if (best) return best;
    }
    for (size_t i = 0; i < d->nm; i++) {
        const concur_mention *y = d->m[i];
        if (y->sentence > m->sentence) break;
        if (y == x || y->sentence != m->sentence || y->kind != CONCUR_KIND_DATE || !y->timex_value) continue;
        if (!day_value(y->timex_value) || !timex_days(y->timex_value, &lo, &hi)) continue;
        if (lo < dlo - DATELINE_DAYS || hi > dhi || said_day(d, y)) continue;
        if (m->date && !strcmp(y->timex_value, m->date)) return y;
        if (!best) best = y;
    }
    return best;
}

/* The date mention that dates the incident of claim m (index mi): the
 * claim's own date context when the words that say it write out a year
 * ("In 2011", "24 January 2020"; a relative "on Sunday" may be the report's
 * day, not the incident's), else a date with a year earlier in the claim's
 * sentence, else (when `scan`) the document's last full date before it.
 * NULL if none. */
static const concur_mention *context_date(const concur_doc *d, size_t mi, bool scan)
{
    const concur_mention *m = d->m[mi];
    if (m->date) {
        for (size_t i = mi, n = 0; i-- > 0 && n++ < 256;) {
            const concur_mention *x = d->m[i];
            if (x->kind == CONCUR_KIND_DATE && x->timex_value && !strcmp(x->timex_value, m->date) && has_year(d, x))
                return x;
        }
        /* or later in its sentence ("64 people lost their lives ... on 13
         * April 2025") */
        for (size_t i = mi + 1; i < d->nm && d->m[i]->sentence == m->sentence; i++) {
            const concur_mention *x = d->m[i];
            if (x->kind == CONCUR_KIND_DATE && x->timex_value && !strcmp(x->timex_value, m->date) && has_year(d, x))
                return x;
        }
    }
    for (size_t i = mi, n = 0; i-- > 0 && d->m[i]->sentence == m->sentence && n++ < 64;) {
        const concur_mention *x = d->m[i];
        if (x->kind == CONCUR_KIND_DATE && (!x->timex_type || !strcmp(x->timex_type, "DATE")) && has_year(d, x)) {
            long lo, hi;
            if (timex_days(x->timex_value, &lo, &hi)) return x;
        }
    }
    if (scan)
        for (size_t i = mi; i-- > 0;)
            if (incident_day(d, d->m[i])) return d->m[i];
    return NULL;
}

/* ----------------------------------------------------------- figures */

static bool is_claim(const concur_mention *m)
{
    return m->kind == CONCUR_KIND_COUNT && m->category && *m->category;
}

static void figure_interval(const concur_mention *m, double tol, double *lo, double *hi)
{
    /* bounds when the recogniser gives any (a missing one is open: "at
     * least 12" is [12, inf)), else the value, else nothing known */
    double a = 0, b = INFINITY;
    if (m->has_min || m->has_max) {
        if (m->has_min) a = m->min;
        if (m->has_max) b = m->max;
    } else if (m->has_value) {
        a = b = m->value;
    }
    if (m->approx || m->qualifier == CONCUR_QUAL_ABOUT) {
        a *= 1 - tol;
        if (isfinite(b)) b *= 1 + tol;
    }
    if (b < a) b = a;
    *lo = a;
    *hi = b;
}

/* Same figure as written: same value, bounds and qualifier ("1.275" and
 * "1275" are; "about 2,500" and "2,500" are not). */
static bool same_figure(const concur_mention *a, const concur_mention *b)
{
    if (a->has_value != b->has_value || a->has_min != b->has_min || a->has_max != b->has_max) return false;
    if (a->has_value && a->value != b->value) return false;
    if (a->has_min && a->min != b->min) return false;
    if (a->has_max && a->max != b->max) return false;
    if (!a->has_value && !a->has_min && !a->has_max) return false; /* nothing to agree on */
    return a->qualifier == b->qualifier && a->approx == b->approx;
}

static bool overlap(double alo, double ahi, double blo, double bhi)
{
    return alo <= bhi && blo <= ahi;
}

/* How far apart two disjoint intervals are, as a ratio >= 1. */
static double gap_ratio(double alo, double ahi, double blo, double bhi)
{
    double small = ahi < blo ? ahi : bhi, big = ahi < blo ? blo : alo;
    if (small <= 0) return INFINITY;
    return big / small;
}

static bool same_text(const char *a, const char *b)
{
    return a && b && !strcasecmp(a, b);
}

/* May two places name one incident's place, given their levels and
 * countries (cc_place_country)? When one is a country or a region
 * (regions.tsv) and the other is not ("western Afghanistan" and "Herat",
 * "off Bangladesh coast" and "Chandpur"): a name of a city cannot settle
 * its country (names repeat across countries, and the gazetteer keeps the
 * most populous), so the wider name never keeps them apart. Two countries
 * or regions only within one country ("Herat" province and "Afghanistan");
 * two cities never. */
static bool place_within(int la, const char *ca, int lb, const char *cb)
{
    if (la >= 1 && lb >= 1) return !strcmp(ca, cb);
    return la >= 1 || lb >= 1;
}

/* ----------------------------------------------------------- lexicons */

static const char *group_class(const char *group)
{
    if (!group || !*group) return "general";
    const cc_lexicon *lx = cc_lexicon_get("compare_groups");
    char low[64];
    size_t n = strlen(group);
    if (!lx || n >= sizeof low) return "general";
    for (size_t i = 0; i < n; i++) low[i] = (char)((group[i] >= 'A' && group[i] <= 'Z') ? group[i] + 32 : group[i]);
    const cc_lex_row *r = cc_lex_find(lx, low, n);
    return r && r->col[1] ? r->col[1] : "general";
}

static size_t category_rank(const char *cat)
{
    const cc_lexicon *lx = cc_lexicon_get("compare_categories");
    const cc_lex_row *r = lx ? cc_lex_find(lx, cat, strlen(cat)) : NULL;
    return r && r->col[1] ? (size_t)strtoul(r->col[1], NULL, 10) : 1000;
}

/* ----------------------------------------------------------- facts */

static cc_cmp_fact *fact_new(concur_comparison *c)
{
    if (c->nf == c->capf) {
        size_t cap = c->capf ? c->capf * 2 : 64;
        cc_cmp_fact *f = realloc(c->f, cap * sizeof *f);
        if (!f) return NULL;
        c->f = f;
        c->capf = cap;
    }
    cc_cmp_fact *f = &c->f[c->nf++];
    memset(f, 0, sizeof *f);
    f->parent = CC_NO_FACT;
    return f;
}

static bool fact_add(cc_cmp_fact *f, const cc_cmp_src *s)
{
    if (f->nsrc == f->capsrc) {
        size_t cap = f->capsrc ? f->capsrc * 2 : 4;
        cc_cmp_src *n = realloc(f->src, cap * sizeof *n);
        if (!n) return false;
        f->src = n;
        f->capsrc = cap;
    }
    f->src[f->nsrc++] = *s;
    if (s->m->kind == CONCUR_KIND_COUNT) {
        /* distinct figures: what fit() and the verdict compare with */
        bool known = false;
        for (size_t i = 0; i < f->nfig && !known; i++) known = same_figure(f->src[f->fig[i]].m, s->m);
        if (!known) {
            if (f->nfig == f->capfig) {
                size_t cap = f->capfig ? f->capfig * 2 : 4;
                size_t *n = realloc(f->fig, cap * sizeof *n);
                if (!n) return false;
                f->fig = n;
                f->capfig = cap;
            }
            f->fig[f->nfig++] = f->nsrc - 1;
        }
        if (f->nsrc == 1 || s->lo < f->hull_lo) f->hull_lo = s->lo;
        if (f->nsrc == 1 || s->hi > f->hull_hi) f->hull_hi = s->hi;
    }
    /* the first place, or a narrower one within it: "Herat" within
     * "Afghanistan" */
    if (s->m->place &&
        (!f->place || (s->place_level < f->place_level && !same_text(f->place, s->m->place) &&
                       place_within(f->place_level, f->place_cc, s->place_level, s->place_cc)))) {
        f->place = s->m->place;
        f->place_level = s->place_level;
        memcpy(f->place_cc, s->place_cc, sizeof f->place_cc);
    }
    if (!f->date && s->m->date) f->date = s->m->date;
    if (!f->has_days && s->has_days) {
        f->has_days = true;
        f->dlo = s->dlo;
        f->dhi = s->dhi;
    } else if (f->has_days && s->has_days && s->dlo <= f->dhi && f->dlo <= s->dhi) {
        /* a narrower source narrows the fact ("the week up to 16 April" and
         * "13 April": 13 April) */
        if (s->dlo > f->dlo) f->dlo = s->dlo;
        if (s->dhi < f->dhi) f->dhi = s->dhi;
    }
    return true;
}

static size_t mention_index(const concur_doc *d, const concur_mention *m)
{
    /* ids are "m<index+1>" (doc.c); verify, else search */
    if (m->id && m->id[0] == 'm') {
        size_t k = (size_t)strtoul(m->id + 1, NULL, 10);
        if (k >= 1 && k <= d->nm && d->m[k - 1] == m) return k - 1;
    }
    for (size_t i = 0; i < d->nm; i++)
        if (d->m[i] == m) return i;
    return CC_NO_FACT;
}

/* The claim's candidate: how well it fits a fact (0 = it may not join). */
typedef struct cand {
    size_t claim;            /* mention index */
    size_t fact;
    long score;
} cand;

static int cmp_cand(const void *a, const void *b)
{
    const cand *x = a, *y = b;
    if (x->score != y->score) return x->score > y->score ? -1 : 1;
    if (x->claim != y->claim) return x->claim < y->claim ? -1 : 1;
    return x->fact < y->fact ? -1 : x->fact > y->fact;
}

typedef struct claim_ctx {
    const concur_mention *m;
    size_t doc;
    size_t parent_fact;
    const char *gclass;
    double lo, hi;
    bool has_days;
    long dlo, dhi;
    int place_level;         /* of m->place, cc_place_country() */
    char place_cc[3];
} claim_ctx;

/* A document's own figures in each fact it joined (open addressing, keyed
 * by fact index): the same-document rule of fit() in constant time. Only the
 * first OWN_KEEP figures are kept (a document restating one figure a
 * thousand times stays cheap). */
#define OWN_KEEP 4
typedef struct own_entry {
    size_t fact;             /* CC_NO_FACT: empty slot */
    size_t n;
    const concur_mention *m[OWN_KEEP];
} own_entry;

typedef struct own_map {
    own_entry *e;
    size_t cap, n;           /* cap: a power of two */
} own_map;

static const own_entry *own_find(const own_map *om, size_t fact)
{
    if (!om->cap) return NULL;
    for (size_t i = (fact * 2654435761u) & (om->cap - 1);; i = (i + 1) & (om->cap - 1)) {
        if (om->e[i].fact == fact) return &om->e[i];
        if (om->e[i].fact == CC_NO_FACT) return NULL;
    }
}

static bool own_add(own_map *om, size_t fact, const concur_mention *m)
{
    if ((om->n + 1) * 2 > om->cap) {
        size_t cap = om->cap ? om->cap * 2 : 16;
        own_entry *ne = malloc(cap * sizeof *ne);
        if (!ne) return false;
        for (size_t i = 0; i < cap; i++) ne[i].fact = CC_NO_FACT;
        for (size_t i = 0; i < om->cap; i++) {
            if (om->e[i].fact == CC_NO_FACT) continue;
            size_t j = (om->e[i].fact * 2654435761u) & (cap - 1);
            while (ne[j].fact != CC_NO_FACT) j = (j + 1) & (cap - 1);
            ne[j] = om->e[i];
        }
        free(om->e);
        om->e = ne;
        om->cap = cap;
    }
    size_t i = (fact * 2654435761u) & (om->cap - 1);
    while (om->e[i].fact != CC_NO_FACT && om->e[i].fact != fact) i = (i + 1) & (om->cap - 1);
    own_entry *e = &om->e[i];
    if (e->fact == CC_NO_FACT) {
        e->fact = fact;
        e->n = 0;
        om->n++;
    }
    if (e->n < OWN_KEEP) e->m[e->n] = m;
    e->n++;
    return true;
}

/* Per-document working state: the fact each mention went to. */
typedef struct doc_work {
    size_t *fact_of;         /* per mention index, CC_NO_FACT if none */
    int *depth;              /* per mention: its pass (claim_pass), -1 if no claim */
    size_t *ctx_date;        /* per mention: the last incident_day before it, or CC_NO_FACT */
    own_map own;             /* the document's figures per fact */
} doc_work;

/* Claims of one document beyond this many are left out of the comparison:
 * keeps a pathological input (a table of a million counts) bounded. */
#define CLAIMS_MAX 5000
/* Facts a document started in the same pass that a later claim of it looks
 * at, most recent first. */
#define NEW_LOOKBACK 64
/* Facts of earlier documents kept per claim as candidates, best first. */
#define CAND_KEEP 8

/* How many distinct figures of a fact fit() looks at one by one; beyond
 * them it uses the fact's hull (keeps a fact of thousands of sources cheap). */
#define FIT_FIGURES 64

static long fit(const concur_comparison *c, const doc_work *w, const claim_ctx *k, size_t fi)
{
    const cc_cmp_fact *f = &c->f[fi];
    const concur_mention *m = k->m;
    if (strcmp(f->category, m->category) || strcmp(f->gclass, k->gclass)) return 0;
    /* part-of structure: both parts of something, of different things */
    if (k->parent_fact != CC_NO_FACT && f->parent != CC_NO_FACT && k->parent_fact != f->parent) return 0;
    /* a part never joins its own whole ("25 of the wounded" and the 80) */
    if (k->parent_fact == fi) return 0;
    /* the document's own figures already in the fact: a restatement (the
     * same value, its qualifier aside, once unattributed) or a differently
     * attributed variant may join, another figure may not */
    const own_entry *own = own_find(&w[k->doc].own, fi);
    for (size_t q = 0; own && q < own->n && q < OWN_KEEP; q++) {
        const concur_mention *o = own->m[q];
        if (same_figure(o, m)) continue;
        if (o->attribution && m->attribution && !same_text(o->attribution, m->attribution)) continue;
        /* one value told with and without a qualifier, once unattributed: a
         * headline's "kills at least 63" and the body's "63, the
         * government said" */
        if (o->has_value && m->has_value && o->value == m->value && (!o->attribution || !m->attribution) &&
            o->qualifier != CONCUR_QUAL_VAGUE && m->qualifier != CONCUR_QUAL_VAGUE)
            continue;
        return 0;
    }
    /* value relation with the figures of the other documents */
    int rel = 1;
    double best_gap = INFINITY;
    size_t nf = f->nfig < FIT_FIGURES ? f->nfig : FIT_FIGURES;
    double best_ratio = INFINITY;   /* nearest figure, lower ends compared */
    for (size_t i = 0; i < nf && rel < 3; i++) {
        const cc_cmp_src *s = &f->src[f->fig[i]];
        if (s->lo > 0 && k->lo > 0) {
            double r = s->lo > k->lo ? s->lo / k->lo : k->lo / s->lo;
            if (r < best_ratio) best_ratio = r;
        }
        if (same_figure(s->m, m)) rel = 3;
        else if (overlap(s->lo, s->hi, k->lo, k->hi)) rel = 2;
        else {
            double g = gap_ratio(s->lo, s->hi, k->lo, k->hi);
            if (g < best_gap) best_gap = g;
        }
    }
    if (f->nfig > nf && rel < 2) {
        if (overlap(f->hull_lo, f->hull_hi, k->lo, k->hi)) rel = 2;
        else {
            double g = gap_ratio(f->hull_lo, f->hull_hi, k->lo, k->hi);
            if (g < best_gap) best_gap = g;
        }
    }
    if (rel == 1 && !(best_gap <= c->opt.max_conflict_ratio)) return 0;
    /* incident context */
    long score = rel * 1000;
    /* nearer figures first: up to 40 points, none at 10 times apart */
    if (rel < 3 && isfinite(best_ratio)) {
        double lr = log10(best_ratio);
        if (lr < 1) score += (long)(40 * (1 - lr));
    }
    if (m->place && f->place) {
        if (same_text(m->place, f->place)) score += 50;
        else if (rel < 3 && !place_within(k->place_level, k->place_cc, f->place_level, f->place_cc)) return 0;
    }
    if (k->has_days && f->has_days) {
        long flo = f->dlo, fhi = f->dhi;
        long w = (long)c->opt.date_window_days;
        if (k->dlo > fhi + w || flo > k->dhi + w) return 0;
        if (overlap((double)k->dlo, (double)k->dhi, (double)flo, (double)fhi)) score += 50;
    }
    if (k->parent_fact != CC_NO_FACT && k->parent_fact == f->parent) score += 100;
    if (f->group && m->group && !strcmp(f->group, m->group)) score += 10;
    return score;
}

static bool claim_init(const concur_comparison *c, const doc_work *w, size_t doc, const concur_mention *m,
                       claim_ctx *k)
{
    const concur_doc *d = c->docs[doc];
    memset(k, 0, sizeof *k);
    k->m = m;
    k->doc = doc;
    k->gclass = group_class(m->group);
    k->place_level = m->place ? cc_place_country(m->place, k->place_cc) : -1;
    k->parent_fact = CC_NO_FACT;
    if (m->parent) {
        size_t pi = mention_index(d, m->parent);
        if (pi != CC_NO_FACT) k->parent_fact = w[doc].fact_of[pi];
    }
    figure_interval(m, c->opt.approx_tolerance, &k->lo, &k->hi);
    /* the incident date (context_date), the last full date from ctx_date */
    size_t mi = mention_index(d, m);
    if (mi == CC_NO_FACT) return true;
    const concur_mention *x = context_date(d, mi, false);
    if (!x && w[doc].ctx_date[mi] != CC_NO_FACT) x = d->m[w[doc].ctx_date[mi]];
    if (x) k->has_days = mention_days(x, x->timex_value, &k->dlo, &k->dhi);
    if (x && k->has_days && is_dateline(d, x)) {
        /* the report's day: a day of the claim's sentence in the week up
         * to it ("Sunday's accident"), else any day of that week */
        const concur_mention *y = day_under_dateline(d, m, x, false);
        long lo, hi;
        if (y && timex_days(y->timex_value, &lo, &hi)) {
            k->dlo = lo;
            k->dhi = hi;
        } else {
            k->dlo -= DATELINE_DAYS;
        }
    }
    return true;
}

static bool join(concur_comparison *c, size_t fi, const claim_ctx *k, doc_work *w, size_t mi)
{
    cc_cmp_src s = {k->m, k->doc, k->lo, k->hi, NULL, k->has_days, k->dlo, k->dhi, k->place_level, ""};
    memcpy(s.place_cc, k->place_cc, sizeof s.place_cc);
    cc_cmp_fact *f = &c->f[fi];
    bool present = own_find(&w[k->doc].own, fi) != NULL;
    if (!fact_add(f, &s) || !own_add(&w[k->doc].own, fi, k->m)) return false;
    if (!present) f->ndocs++;
    if (f->parent == CC_NO_FACT && k->parent_fact != CC_NO_FACT) {
        /* adopt the claim's parent unless that would make a cycle */
        size_t p = k->parent_fact;
        int steps = 0;
        while (p != CC_NO_FACT && p != fi && steps++ < 64) p = c->f[p].parent;
        if (p == CC_NO_FACT) f->parent = k->parent_fact;
    }
    w[k->doc].fact_of[mi] = fi;
    return true;
}

static bool start_fact(concur_comparison *c, const claim_ctx *k, doc_work *w, size_t mi)
{
    cc_cmp_fact *f = fact_new(c);
    if (!f) return false;
    f->category = k->m->category;
    f->gclass = k->gclass;
    f->group = k->m->group;
    f->parent = k->parent_fact;
    f->rank = category_rank(k->m->category);
    return join(c, c->nf - 1, k, w, mi);
}

/* Facts by (category, group class): the buckets a claim looks in. */
typedef struct bucket {
    const char *category, *gclass;
    size_t *facts;
    size_t n, cap;
} bucket;

typedef struct buckets {
    bucket *b;
    size_t n, cap;
} buckets;

static bucket *bucket_get(buckets *bs, const char *cat, const char *gclass)
{
    for (size_t i = 0; i < bs->n; i++)
        if (!strcmp(bs->b[i].category, cat) && !strcmp(bs->b[i].gclass, gclass)) return &bs->b[i];
    if (bs->n == bs->cap) {
        size_t cap = bs->cap ? bs->cap * 2 : 16;
        bucket *nb = realloc(bs->b, cap * sizeof *nb);
        if (!nb) return NULL;
        bs->b = nb;
        bs->cap = cap;
    }
    bucket *b = &bs->b[bs->n++];
    memset(b, 0, sizeof *b);
    b->category = cat;
    b->gclass = gclass;
    return b;
}

static bool bucket_push(bucket *b, size_t fi)
{
    if (b->n == b->cap) {
        size_t cap = b->cap ? b->cap * 2 : 8;
        size_t *n = realloc(b->facts, cap * sizeof *n);
        if (!n) return false;
        b->facts = n;
        b->cap = cap;
    }
    b->facts[b->n++] = fi;
    return true;
}

/* Aligns the claims of one document at one level of the part-of structure. */
static bool align_doc_level(concur_comparison *c, doc_work *w, buckets *bs, size_t doc, int level,
                            cc_vec *claims, cc_vec *cands)
{
    const concur_doc *d = c->docs[doc];
    claims->len = 0;
    cands->len = 0;
    for (size_t i = 0; i < d->nm; i++) {
        if (w[doc].depth[i] != level) continue;
        claim_ctx *k = cc_vec_push(claims);
        if (!k) return false;
        claim_init(c, w, doc, d->m[i], k);
    }
    if (!claims->len) return true;
    claim_ctx *ks = claims->data;
    /* 1. facts from earlier documents (and levels), best fit first */
    for (size_t j = 0; j < claims->len; j++) {
        bucket *b = bucket_get(bs, ks[j].m->category, ks[j].gclass);
        if (!b) return false;
        /* the claim's best CAND_KEEP facts (bounded memory) */
        cand top[CAND_KEEP];
        size_t ntop = 0;
        for (size_t q = 0; q < b->n; q++) {
            long s = fit(c, w, &ks[j], b->facts[q]);
            if (s <= 0 || (ntop == CAND_KEEP && s <= top[ntop - 1].score)) continue;
            size_t at = ntop < CAND_KEEP ? ntop++ : ntop - 1;
            while (at > 0 && top[at - 1].score < s) {
                top[at] = top[at - 1];
                at--;
            }
            top[at] = (cand){j, b->facts[q], s};
        }
        for (size_t t = 0; t < ntop; t++) {
            cand *cd = cc_vec_push(cands);
            if (!cd) return false;
            *cd = top[t];
        }
    }
    cand *cs = cands->data;
    if (cands->len > 1) qsort(cs, cands->len, sizeof *cs, cmp_cand);
    size_t first_new = c->nf;
    for (size_t q = 0; q < cands->len; q++) {
        claim_ctx *k = &ks[cs[q].claim];
        size_t mi = mention_index(d, k->m);
        if (w[doc].fact_of[mi] != CC_NO_FACT) continue;
        if (fit(c, w, k, cs[q].fact) <= 0) continue;   /* the doc's own figure took it */
        if (!join(c, cs[q].fact, k, w, mi)) return false;
    }
    /* 2. the rest, in text order: a variant or restatement of a fact this
     * document has just started, else a new fact */
    for (size_t j = 0; j < claims->len; j++) {
        claim_ctx *k = &ks[j];
        size_t mi = mention_index(d, k->m);
        if (w[doc].fact_of[mi] != CC_NO_FACT) continue;
        long best = 0;
        size_t bf = CC_NO_FACT;
        bucket *b = bucket_get(bs, k->m->category, k->gclass);
        if (!b) return false;
        /* the facts this document started in this pass, the last
         * NEW_LOOKBACK of them (variants and restatements are near) */
        for (size_t q = b->n, seen = 0; q-- > 0 && b->facts[q] >= first_new && seen < NEW_LOOKBACK; seen++) {
            long sc = fit(c, w, k, b->facts[q]);
            if (sc > best) { best = sc; bf = b->facts[q]; }
        }
        if (bf != CC_NO_FACT) {
            if (!join(c, bf, k, w, mi)) return false;
            continue;
        }
        if (!start_fact(c, k, w, mi) || !bucket_push(b, c->nf - 1)) return false;
    }
    return true;
}

/* ----------------------------------------------------------- verdicts */

/* agree: one figure every document gives; consistent: one value inside a
 * figure of every document; conflict otherwise. A document's other figures
 * (differently attributed) do not spoil the agreement of the rest. Cost:
 * distinct figures x sources. */
static bool same_source(const cc_cmp_fact *f, const cc_cmp_src *a, const cc_cmp_src *b)
{
    if (!strcmp(f->category, "date")) /* the same days: "24 January 2020" and "24 January 2020 at 20:55" */
        return a->dlo == b->dlo && a->dhi == b->dhi;
    return same_figure(a->m, b->m);
}

static bool contains(const cc_cmp_fact *f, const cc_cmp_src *s, double p)
{
    if (!strcmp(f->category, "date")) return (double)s->dlo <= p && p <= (double)s->dhi;
    return s->lo <= p && p <= s->hi;
}

bool cc_cmp_is_variant(const cc_cmp_fact *f, size_t j)
{
    return f->verdict == CONCUR_VERDICT_AGREE && f->agreed != CC_NO_FACT && f->agreed < f->nsrc &&
           !same_source(f, &f->src[f->agreed], &f->src[j]);
}

static concur_verdict compute_verdict(cc_cmp_fact *f, unsigned char *seen)
{
    f->agreed = CC_NO_FACT;
    if (f->ndocs < 2) return CONCUR_VERDICT_SINGLE;
    bool is_date = !strcmp(f->category, "date");
    if (is_date) {
        /* the date fact's distinct dates, as counts have their figures */
        f->nfig = 0;
        for (size_t i = 0; i < f->nsrc; i++) {
            bool known = false;
            for (size_t q = 0; q < f->nfig && !known; q++) known = same_source(f, &f->src[f->fig[q]], &f->src[i]);
            if (known) continue;
            if (f->nfig == f->capfig) {
                size_t cap = f->capfig ? f->capfig * 2 : 4;
                size_t *n = realloc(f->fig, cap * sizeof *n);
                if (!n) return CONCUR_VERDICT_CONFLICT;
                f->fig = n;
                f->capfig = cap;
            }
            f->fig[f->nfig++] = i;
        }
    }
    for (int pass = 0; pass < 2; pass++) {
        for (size_t q = 0; q < f->nfig; q++) {
            const cc_cmp_src *c = &f->src[f->fig[q]];
            double p = is_date ? (double)c->dlo : c->lo;
            size_t have = 0;
            for (size_t j = 0; j < f->nsrc; j++) {
                const cc_cmp_src *s = &f->src[j];
                bool hit = pass == 0 ? same_source(f, c, s) : contains(f, s, p);
                if (hit && !seen[s->doc]) {
                    seen[s->doc] = 1;
                    have++;
                }
            }
            for (size_t j = 0; j < f->nsrc; j++) seen[f->src[j].doc] = 0;
            if (have == f->ndocs) {
                if (pass == 0) f->agreed = f->fig[q];
                return pass == 0 ? CONCUR_VERDICT_AGREE : CONCUR_VERDICT_CONSISTENT;
            }
        }
    }
    return CONCUR_VERDICT_CONFLICT;
}

/* Most frequent group among the sources (first on ties). */
static const char *main_group(const cc_cmp_fact *f)
{
    const char *best = NULL;
    size_t bestn = 0;
    size_t lim = f->nsrc < 64 ? f->nsrc : 64;
    for (size_t i = 0; i < lim; i++) {
        const char *g = f->src[i].m->group;
        if (!g) continue;
        size_t n = 0;
        for (size_t j = 0; j < lim; j++)
            if (f->src[j].m->group && !strcmp(f->src[j].m->group, g)) n++;
        if (n > bestn) { best = g; bestn = n; }
    }
    return best;
}

/* ----------------------------------------------------------- incident date */

/* The date a document gives for the incident of claim m, shown through the
 * date mention that says it (context_date). */
static bool incident_date(const concur_doc *d, const concur_mention *m, cc_cmp_src *out)
{
    size_t mi = mention_index(d, m);
    if (mi == CC_NO_FACT) return false;
    const concur_mention *x = context_date(d, mi, true);
    if (!x) return false;
    bool dateline = false;
    if (is_dateline(d, x)) {
        /* the report's dateline: a day of the claim's sentence in the week
         * up to it is the incident's ("on Sunday") */
        const concur_mention *y = day_under_dateline(d, m, x, true);
        if (y) x = y;
        else dateline = true;
    }
    out->m = x;
    out->timex = x->timex_value;
    if (!mention_days(x, x->timex_value, &out->dlo, &out->dhi)) return false;
    /* the dateline alone: the incident lies in the week up to it, as for
     * lining up the claims */
    if (dateline) out->dlo -= DATELINE_DAYS;
    return true;
}

static bool add_date_fact(concur_comparison *c, size_t main)
{
    if (main == CC_NO_FACT) return true;
    size_t nsrc = c->f[main].nsrc;
    cc_cmp_src *ms = malloc((nsrc ? nsrc : 1) * sizeof *ms);
    if (!ms) return false;
    memcpy(ms, c->f[main].src, nsrc * sizeof *ms);
    cc_cmp_fact *f = fact_new(c);
    if (!f) { free(ms); return false; }
    f->category = "date";
    f->gclass = "";
    f->rank = 0;
    unsigned char *done = calloc(c->ndocs, 1);
    bool ok = done != NULL;
    for (size_t i = 0; i < nsrc && ok; i++) {
        if (done[ms[i].doc]) continue;
        done[ms[i].doc] = 1;
        cc_cmp_src s = {0};
        s.doc = ms[i].doc;
        s.place_level = -1; /* the date row's place is never matched on */
        bool dated = incident_date(c->docs[s.doc], ms[i].m, &s);
        /* undated, or dated by a report's dateline only: another claim of
         * the document in this fact may say the incident's day (a
         * headline's toll, then the body's; "KEY FIGURES Deaths: 53" under
         * "As of 15 March", then "on 11 March ... 53 people have died") */
        for (size_t j = i + 1; j < nsrc && (!dated || is_dateline(c->docs[s.doc], s.m)); j++) {
            if (ms[j].doc != s.doc) continue;
            cc_cmp_src t = s;
            if (!incident_date(c->docs[s.doc], ms[j].m, &t)) continue;
            if (!dated || !is_dateline(c->docs[s.doc], t.m)) s = t;
            dated = true;
        }
        /* a claim without one (a headline's "kills 34"): the document's
         * other top-level claims of the same category, in fact order */
        const char *cat = c->f[main].category;
        for (size_t k = 0; !dated && k < c->nf - 1; k++) {
            const cc_cmp_fact *o = &c->f[k];
            if (k == main || o->parent != CC_NO_FACT || strcmp(o->category, cat)) continue;
            for (size_t j = 0; !dated && j < o->nsrc; j++)
                if (o->src[j].doc == s.doc) dated = incident_date(c->docs[s.doc], o->src[j].m, &s);
        }
        if (dated) {
            s.has_days = true;
            ok = fact_add(f, &s);
            f->ndocs++;
        }
    }
    free(done);
    free(ms);
    if (!ok) return false;
    if (!f->nsrc) c->nf--;      /* no document dates it */
    return true;
}

/* ----------------------------------------------------------- report order */

typedef struct order_key {
    size_t rank;
    const char *category;
    bool top;
    size_t ndocs, doc, cstart, idx;
} order_key;

static int cmp_order(const void *a, const void *b)
{
    const order_key *f = a, *g = b;
    if (f->rank != g->rank) return f->rank < g->rank ? -1 : 1;
    int s = strcmp(f->category, g->category);
    if (s) return s;
    if (f->top && g->top && f->ndocs != g->ndocs) return f->ndocs > g->ndocs ? -1 : 1;
    if (f->doc != g->doc) return f->doc < g->doc ? -1 : 1;
    if (f->cstart != g->cstart) return f->cstart < g->cstart ? -1 : 1;
    return f->idx < g->idx ? -1 : f->idx > g->idx;
}

/* Report order: the date first, then facts by category rank, facts
 * several documents state before the others, and each fact followed by its
 * parts in text order. */
static bool make_order(concur_comparison *c)
{
    size_t n = c->nf;
    order_key *k = malloc((n ? n : 1) * sizeof *k);
    size_t *first = malloc((n ? n : 1) * sizeof *first), *last = malloc((n ? n : 1) * sizeof *last);
    size_t *next = malloc((n ? n : 1) * sizeof *next), *stack = malloc((n ? n : 1) * sizeof *stack);
    c->order = malloc((n ? n : 1) * sizeof *c->order);
    bool ok = k && first && last && next && stack && c->order;
    if (ok) {
        for (size_t i = 0; i < n; i++) {
            const cc_cmp_fact *f = &c->f[i];
            k[i] = (order_key){f->rank, f->category, f->parent == CC_NO_FACT, f->ndocs, f->src[0].doc,
                               f->src[0].m->cstart, i};
            first[i] = last[i] = next[i] = CC_NO_FACT;
        }
        qsort(k, n, sizeof *k, cmp_order);
        /* children lists in sorted order; roots kept in order in `stack` */
        size_t nroot = 0;
        for (size_t q = 0; q < n; q++) {
            size_t i = k[q].idx, p = c->f[i].parent;
            if (p == CC_NO_FACT) { stack[nroot++] = i; continue; }
            if (first[p] == CC_NO_FACT) first[p] = i;
            else next[last[p]] = i;
            last[p] = i;
        }
        /* depth-first: roots pushed in reverse so that they pop in order;
         * `last` is free again and holds the roots */
        for (size_t r = 0; r < nroot; r++) last[r] = stack[r];
        size_t top = 0, out = 0;
        for (size_t r = nroot; r-- > 0;) stack[top++] = last[r];
        while (top) {
            size_t i = stack[--top];
            c->order[out++] = i;
            c->f[i].id = out;
            size_t cnt = 0;
            for (size_t ch = first[i]; ch != CC_NO_FACT; ch = next[ch]) cnt++;
            top += cnt;
            size_t pos = top;
            for (size_t ch = first[i]; ch != CC_NO_FACT; ch = next[ch]) stack[--pos] = ch;
        }
    }
    free(k);
    free(first);
    free(last);
    free(next);
    free(stack);
    return ok;
}

/* ----------------------------------------------------------- entry point */

/* The pass in which a claim is aligned: parts after their wholes, and
 * vague figures ("dozens of children") after every exact one, so that they
 * join the facts exact figures have made rather than make their own. */
#define VAGUE_PASS 10
static int claim_pass(const concur_mention *m)
{
    int d = 0;
    for (const concur_mention *p = m->parent; p && d < 8; p = p->parent)
        if (is_claim(p)) d++;
    bool vague = !m->has_value || m->qualifier == CONCUR_QUAL_VAGUE;
    return vague ? VAGUE_PASS + d : d;
}

concur_comparison *concur_compare(const concur_doc *const *docs, size_t n, const concur_compare_options *o,
                                  concur_error *err)
{
    if (!docs || !n) {
        cc_error_set(err, CONCUR_ERR_USAGE, 0, "no documents to compare");
        return NULL;
    }
    for (size_t i = 0; i < n; i++)
        if (!docs[i]) {
            cc_error_set(err, CONCUR_ERR_USAGE, 0, "document %zu is NULL", i);
            return NULL;
        }
    concur_comparison *c = calloc(1, sizeof *c);
    doc_work *w = calloc(n, sizeof *w);
    unsigned char *seen = calloc(n, 1);
    buckets bs = {0};
    cc_vec claims, cands;
    cc_vec_init(&claims, sizeof(claim_ctx));
    cc_vec_init(&cands, sizeof(cand));
    bool ok = c && w && seen;
    if (ok) {
        c->docs = malloc(n * sizeof *c->docs);
        ok = c->docs != NULL;
    }
    if (ok) {
        memcpy(c->docs, docs, n * sizeof *c->docs);
        c->ndocs = n;
        if (o) c->opt = *o;
        if (!(c->opt.approx_tolerance > 0)) c->opt.approx_tolerance = 0.10;
        if (!(c->opt.max_conflict_ratio > 0)) c->opt.max_conflict_ratio = 10;
        if (!c->opt.date_window_days) c->opt.date_window_days = 1;
    }
    int maxdepth = -1;
    for (size_t i = 0; i < n && ok; i++) {
        const concur_doc *d = docs[i];
        w[i].fact_of = malloc((d->nm ? d->nm : 1) * sizeof *w[i].fact_of);
        w[i].depth = malloc((d->nm ? d->nm : 1) * sizeof *w[i].depth);
        w[i].ctx_date = malloc((d->nm ? d->nm : 1) * sizeof *w[i].ctx_date);
        if (!w[i].fact_of || !w[i].depth || !w[i].ctx_date) { ok = false; break; }
        size_t last_day = CC_NO_FACT, nclaims = 0;
        for (size_t j = 0; j < d->nm; j++) {
            w[i].ctx_date[j] = last_day;
            if (incident_day(d, d->m[j])) last_day = j;
            bool claim = is_claim(d->m[j]) && nclaims++ < CLAIMS_MAX;
            w[i].fact_of[j] = CC_NO_FACT;
            w[i].depth[j] = claim ? claim_pass(d->m[j]) : -1;
            if (w[i].depth[j] > maxdepth) maxdepth = w[i].depth[j];
        }
    }
    for (int level = 0; level <= maxdepth && ok; level++) {
        bool any = false;
        for (size_t i = 0; i < n && !any; i++)
            for (size_t j = 0; j < docs[i]->nm && !any; j++) any = w[i].depth[j] == level;
        for (size_t i = 0; i < n && ok && any; i++) ok = align_doc_level(c, w, &bs, i, level, &claims, &cands);
    }

    /* the incident date of the fact most documents state */
    if (ok) {
        size_t main = CC_NO_FACT;
        for (size_t i = 0; i < c->nf; i++) {
            const cc_cmp_fact *f = &c->f[i];
            if (f->parent != CC_NO_FACT) continue;
            if (main == CC_NO_FACT || f->ndocs > c->f[main].ndocs ||
                (f->ndocs == c->f[main].ndocs && f->rank < c->f[main].rank))
                main = i;
        }
        ok = add_date_fact(c, main);
    }
    if (ok) {
        for (size_t i = 0; i < c->nf; i++) {
            cc_cmp_fact *f = &c->f[i];
            if (strcmp(f->category, "date")) f->group = main_group(f);
            f->verdict = compute_verdict(f, seen);
        }
        ok = make_order(c);
    }

    for (size_t i = 0; w && i < n; i++) {
        free(w[i].fact_of);
        free(w[i].depth);
        free(w[i].ctx_date);
        free(w[i].own.e);
    }
    free(w);
    free(seen);
    for (size_t i = 0; i < bs.n; i++) free(bs.b[i].facts);
    free(bs.b);
    cc_vec_free(&claims);
    cc_vec_free(&cands);
    if (!ok) {
        concur_comparison_free(c);
        cc_error_set(err, CONCUR_ERR_NOMEM, 0, "out of memory");
        return NULL;
    }
    return c;
}

void concur_comparison_free(concur_comparison *c)
{
    if (!c) return;
    for (size_t i = 0; i < c->nf; i++) {
        free(c->f[i].src);
        free(c->f[i].fig);
    }
    free(c->f);
    free(c->order);
    free(c->docs);
    free(c);
}

/* ----------------------------------------------------------- accessors */

static const cc_cmp_fact *fact_at(const concur_comparison *c, size_t i)
{
    return c && i < c->nf ? &c->f[c->order[i]] : NULL;
}

size_t concur_comparison_fact_count(const concur_comparison *c) { return c ? c->nf : 0; }

const char *concur_fact_category(const concur_comparison *c, size_t i)
{
    const cc_cmp_fact *f = fact_at(c, i);
    return f ? f->category : NULL;
}

const char *concur_fact_group(const concur_comparison *c, size_t i)
{
    const cc_cmp_fact *f = fact_at(c, i);
    return f ? f->group : NULL;
}

const char *concur_fact_place(const concur_comparison *c, size_t i)
{
    const cc_cmp_fact *f = fact_at(c, i);
    return f ? f->place : NULL;
}

concur_verdict concur_fact_verdict(const concur_comparison *c, size_t i)
{
    const cc_cmp_fact *f = fact_at(c, i);
    return f ? f->verdict : CONCUR_VERDICT_SINGLE;
}

size_t concur_fact_parent(const concur_comparison *c, size_t i)
{
    const cc_cmp_fact *f = fact_at(c, i);
    if (!f || f->parent == CC_NO_FACT) return (size_t)-1;
    return c->f[f->parent].id - 1;
}

size_t concur_fact_source_count(const concur_comparison *c, size_t i)
{
    const cc_cmp_fact *f = fact_at(c, i);
    return f ? f->nsrc : 0;
}

const concur_mention *concur_fact_source(const concur_comparison *c, size_t i, size_t j, size_t *doc_index)
{
    const cc_cmp_fact *f = fact_at(c, i);
    if (!f || j >= f->nsrc) return NULL;
    if (doc_index) *doc_index = f->src[j].doc;
    return f->src[j].m;
}

const char *cc_cmp_doc_name(const concur_comparison *c, size_t i) { return concur_doc_id(c->docs[i]); }

int concur_comparison_write(const concur_comparison *c, concur_compare_format fmt, unsigned flags,
                            concur_write_fn write, void *user)
{
    if (!c || !write) return -1;
    switch (fmt) {
    case CONCUR_COMPARE_JSON: return cc_cmp_write_json(c, write, user);
    case CONCUR_COMPARE_HTML: return cc_cmp_write_html(c, write, user);
    default: return cc_cmp_write_table(c, (flags & CONCUR_COMPARE_COLOR) != 0, write, user);
    }
}
