/* doc.c -- the engine, the document pipeline and the mention accessors. */
#include "../internal.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>

const char *concur_version(void) { return CONCUR_VERSION; }

/* ---------------------------------------------------------------- names */

static const char *const kind_names[] = {"number", "quantity", "date", "count"};

const char *concur_kind_name(concur_kind k)
{
    for (int i = 0; i < 4; i++)
        if (k == (1u << i)) return kind_names[i];
    return "?";
}

unsigned concur_kinds_parse(const char *list)
{
    unsigned set = 0;
    const char *p = list;
    while (p && *p) {
        const char *c = strchr(p, ',');
        size_t n = c ? (size_t)(c - p) : strlen(p);
        bool ok = false;
        if (n == 3 && !strncmp(p, "all", 3)) { set |= CONCUR_KIND_ALL; ok = true; }
        for (int i = 0; i < 4 && !ok; i++) {
            if (strlen(kind_names[i]) == n && !strncmp(p, kind_names[i], n)) {
                set |= 1u << i;
                ok = true;
            }
        }
        if (!ok && n) return 0;
        p = c ? c + 1 : NULL;
    }
    return set;
}

int concur_input_parse(const char *name)
{
    static const char *const names[] = {"auto", "text", "html", "jsonl", "warc"};
    for (int i = 0; i < 5; i++)
        if (!strcmp(name, names[i])) return i;
    return -1;
}

static bool ends_with(const char *s, const char *suf)
{
    size_t a = strlen(s), b = strlen(suf);
    if (a < b) return false;
    for (size_t i = 0; i < b; i++)
        if (tolower((unsigned char)s[a - b + i]) != suf[i]) return false;
    return true;
}

concur_input concur_input_detect(const char *name, const char *bytes, size_t len)
{
    if (name) {
        if (ends_with(name, ".jsonl") || ends_with(name, ".ndjson")) return CONCUR_INPUT_JSONL;
        if (ends_with(name, ".html") || ends_with(name, ".htm") || ends_with(name, ".xhtml"))
            return CONCUR_INPUT_HTML;
        if (ends_with(name, ".warc") || ends_with(name, ".warc.gz")) return CONCUR_INPUT_WARC;
    }
    if (len >= 5 && !memcmp(bytes, "WARC/", 5)) return CONCUR_INPUT_WARC;
    if (cc_warc_sniff_gz(bytes, len)) return CONCUR_INPUT_WARC;
    /* content that starts like HTML */
    size_t i = 0;
    if (len >= 3 && (unsigned char)bytes[0] == 0xEF && (unsigned char)bytes[1] == 0xBB &&
        (unsigned char)bytes[2] == 0xBF)
        i = 3;
    while (i < len && isspace((unsigned char)bytes[i])) i++;
    if (i < len && bytes[i] == '<') {
        static const char *const starts[] = {"<!doctype html", "<html", "<head", "<body", "<!--", "<meta", "<div", "<p>", "<?xml"};
        for (size_t k = 0; k < sizeof starts / sizeof *starts; k++) {
            size_t sl = strlen(starts[k]);
            if (len - i < sl) continue;
            size_t q = 0;
            while (q < sl && tolower((unsigned char)bytes[i + q]) == starts[k][q]) q++;
            if (q == sl) return CONCUR_INPUT_HTML;
        }
    }
    return CONCUR_INPUT_TEXT;
}

const char *concur_qualifier_name(concur_qualifier q)
{
    static const char *const n[] = {NULL, "about", "at_least", "more_than", "at_most",
                                    "less_than", "up_to", "range", "vague"};
    return (unsigned)q < sizeof n / sizeof *n ? n[q] : NULL;
}

/* ---------------------------------------------------------------- engine */

void concur_options_default(concur_options *opt) { memset(opt, 0, sizeof *opt); }

/* e->abbrev_row, once every recogniser has registered its words. */
static bool abbrev_by_id(concur_engine *e)
{
    e->nabbrev_row = cc_words_count(e->words);
    e->abbrev_row = calloc(e->nabbrev_row, sizeof *e->abbrev_row);
    if (!e->abbrev_row) return false;
    for (size_t i = 0; i < e->abbrev->nrows; i++) {
        const char *k = e->abbrev->rows[i].col[0];
        uint32_t id = strchr(k, '.') ? 0 : cc_words_find(e->words, k, strlen(k));
        if (id && !e->abbrev_row[id]) e->abbrev_row[id] = &e->abbrev->rows[i];
    }
    return true;
}

concur_engine *concur_engine_new(const concur_options *opt, concur_error *err)
{
    concur_engine *e = calloc(1, sizeof *e);
    if (!e) {
        cc_error_set(err, CONCUR_ERR_NOMEM, 0, "out of memory");
        return NULL;
    }
    if (opt) e->opt = *opt;
    cc_ingest_html_init();
    const size_t most = ((size_t)1 << 31) - 1;   /* offsets are 32-bit (cc_token, concur_mention) */
    if (!e->opt.max_document_bytes || e->opt.max_document_bytes > most) e->opt.max_document_bytes = most;
    e->abbrev = cc_lexicon_get("abbrev");
    e->words = cc_words_new();
    /* one-word abbreviations by word id: the sentence splitter tests the
     * word before each "." with an array read */
    for (size_t i = 0; e->abbrev && e->words && i < e->abbrev->nrows; i++) {
        const char *k = e->abbrev->rows[i].col[0];
        if (!strchr(k, '.') && !cc_words_add(e->words, k, strlen(k))) e->abbrev = NULL;
    }
    /* cc_starts_init last: its table covers every word registered */
    if (!e->abbrev || !e->words || !cc_numbers_init(e) || !cc_dates_init(e) || !cc_counts_init(e) ||
        !abbrev_by_id(e) || !cc_starts_init(e)) {
        cc_error_set(err, CONCUR_ERR_INTERNAL, 0, "cannot build the word tables");
        concur_engine_free(e);
        return NULL;
    }
    return e;
}

void concur_engine_free(concur_engine *e)
{
    if (!e) return;
    cc_numbers_free(e);
    cc_dates_free(e);
    cc_counts_free(e);
    cc_words_free(e->words);
    free(e->abbrev_row);
    free(e->start_bits);
    free(e);
}

/* ------------------------------------------------------------- documents */

void concur_doc_options_default(concur_doc_options *o) { memset(o, 0, sizeof *o); }

concur_mention *cc_doc_add(concur_doc *d, concur_kind kind, size_t cstart, size_t cend)
{
    if (d->nm == d->capm) {
        size_t cap = d->capm ? d->capm * 2 : 64;
        concur_mention **m = realloc(d->m, cap * sizeof *m);
        if (!m) { d->oom = true; return NULL; }
        d->m = m;
        d->capm = cap;
    }
    concur_mention *m = cc_arena_alloc(&d->arena, sizeof *m);
    if (!m) { d->oom = true; return NULL; }
    m->kind = kind;
    m->cstart = cstart;
    m->cend = cend;
    m->doc = d;
    m->order = (uint32_t)d->nm;
    d->m[d->nm++] = m;
    return m;
}

void cc_doc_remove_if(concur_doc *d, bool (*drop)(const concur_mention *, void *), void *ud)
{
    size_t w = 0;
    for (size_t i = 0; i < d->nm; i++)
        if (!drop(d->m[i], ud)) d->m[w++] = d->m[i];
    d->nm = w;
}

const concur_mention *cc_doc_overlap(const concur_doc *d, unsigned kinds, size_t s, size_t e)
{
    /* recent mentions are the likely ones: search backwards */
    for (size_t i = d->nm; i-- > 0;) {
        const concur_mention *m = d->m[i];
        if ((m->kind & kinds) && m->cstart < e && s < m->cend) return m;
    }
    return NULL;
}

void cc_doc_warn(concur_doc *d, const char *fmt, ...)
{
    if (d->nwarn == d->capwarn) {
        size_t cap = d->capwarn ? d->capwarn * 2 : 4;
        char **w = realloc(d->warnings, cap * sizeof *w);
        if (!w) return;
        d->warnings = w;
        d->capwarn = cap;
    }
    char tmp[256];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(tmp, sizeof tmp, fmt, ap);
    va_end(ap);
    char *s = cc_arena_strdup(&d->arena, tmp);
    if (s) d->warnings[d->nwarn++] = s;
}

static int cmp_mention(const void *a, const void *b)
{
    const concur_mention *x = *(const concur_mention *const *)a, *y = *(const concur_mention *const *)b;
    if (x->cstart != y->cstart) return x->cstart < y->cstart ? -1 : 1;
    if (x->cend != y->cend) return x->cend > y->cend ? -1 : 1;
    return x->order < y->order ? -1 : x->order > y->order;
}

/* First index in a[lo, hi) whose mention sorts after *x. */
static size_t upper_bound_m(concur_mention **a, size_t lo, size_t hi, concur_mention *const *x)
{
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (cmp_mention(&a[mid], x) < 0) lo = mid + 1;
        else hi = mid;
    }
    return lo;
}

/* Merges the sorted runs a[lo, mid) and a[mid, hi) in place; tmp has room
 * for mid - lo items. Only the overlapping parts of the two runs move:
 * runs from different paragraphs rarely overlap at all. */
static void merge_runs(concur_mention **a, size_t lo, size_t mid, size_t hi, concur_mention **tmp)
{
    if (lo == mid || mid == hi || cmp_mention(&a[mid - 1], &a[mid]) < 0) return;
    lo = upper_bound_m(a, lo, mid, &a[mid]);
    hi = upper_bound_m(a, mid, hi, &a[mid - 1]);
    size_t nl = mid - lo, i = 0, j = mid, k = lo;
    memcpy(tmp, a + lo, nl * sizeof *a);
    while (i < nl && j < hi) a[k++] = cmp_mention(&tmp[i], &a[j]) < 0 ? tmp[i++] : a[j++];
    while (i < nl) a[k++] = tmp[i++];
}

/* Mentions are 232 bytes each, and a large document's do not fit in the
 * cache: the passes below, which read them through the pointer array,
 * would wait for memory at every one. They ask for the mention
 * PF_AHEAD places on, which is known long before it is needed. */
#define PF_AHEAD 8
#if defined(__GNUC__)
#define PREFETCH(p, rw) __builtin_prefetch((p), (rw))
#else
#define PREFETCH(p, rw) ((void)(p))
#endif

/* Sorts the mentions by cmp_mention (a total order, so the result is the
 * one qsort gives). Recognisers add mentions in order per paragraph and
 * kind: a natural merge sort of those runs does little more than find
 * them (one pass, the run starts kept in a growing array). */
static void sort_mentions(concur_mention **a, size_t n)
{
    if (n < 2) return;
    size_t nruns = 0, cap = 256;
    size_t *run = malloc(cap * sizeof *run);
    if (!run) {
        qsort(a, n, sizeof *a, cmp_mention);
        return;
    }
    run[nruns++] = 0;
    for (size_t i = 1; i < n; i++) {
        if (i + PF_AHEAD < n) PREFETCH(&a[i + PF_AHEAD]->cstart, 0);
        if (cmp_mention(&a[i - 1], &a[i]) <= 0) continue;
        if (nruns + 1 == cap) {
            size_t *r = realloc(run, 2 * cap * sizeof *run);
            if (!r) {
                free(run);
                qsort(a, n, sizeof *a, cmp_mention);
                return;
            }
            run = r;
            cap *= 2;
        }
        run[nruns++] = i;
    }
    if (nruns <= 1) {
        free(run);
        return;
    }
    concur_mention **tmp = malloc(n * sizeof *tmp);
    if (!tmp) {
        free(run);
        qsort(a, n, sizeof *a, cmp_mention);
        return;
    }
    run[nruns] = n;
    while (nruns > 1) {
        size_t w = 0;
        for (size_t k = 0; k < nruns; k += 2) {
            if (k + 1 < nruns) merge_runs(a, run[k], run[k + 1], run[k + 2], tmp);
            run[w++] = run[k];
        }
        run[w] = n;
        nruns = w;
    }
    free(run);
    free(tmp);
}

/* Longest slice of one paragraph handed to the recognisers at once: keeps
 * token memory bounded on a 1 GB line. */
#define CC_SLICE (1u << 20)

static size_t slice_end(const char *text, size_t start, size_t end)
{
    if (end - start <= CC_SLICE) return end;
    size_t lim = start + CC_SLICE;
    /* prefer a sentence end, then a space, else a code point boundary */
    for (size_t i = lim; i > start + CC_SLICE / 2; i--)
        if ((text[i - 1] == '.' || text[i - 1] == '!' || text[i - 1] == '?') && text[i] == ' ') return i;
    for (size_t i = lim; i > start + CC_SLICE / 2; i--)
        if (text[i] == ' ') return i;
    size_t i = lim;
    while (i > start && ((unsigned char)text[i] & 0xC0) == 0x80) i--;
    return i > start ? i : lim;
}

/* The role of the paragraph starting at `start`: the first mark there.
 * Marks are appended in text order, so a cursor (*cur) moving forward with
 * the paragraphs finds it in linear time overall (a scan of every mark per
 * paragraph was quadratic: 80,000 caption lines took 8 s). Marks out of
 * order (*cur == SIZE_MAX) fall back to the scan. */
static cc_block_role role_at(const cc_text *t, size_t start, size_t *cur)
{
    const cc_text_mark *mk = t->marks.data;
    size_t n = t->marks.len;
    if (*cur == SIZE_MAX) {
        for (size_t i = 0; i < n; i++)
            if (mk[i].start == start) return mk[i].role;
        return CC_ROLE_BODY;
    }
    size_t i = *cur;
    while (i < n && mk[i].start < start) i++;
    *cur = i;
    return i < n && mk[i].start == start ? mk[i].role : CC_ROLE_BODY;
}

static void run_pipeline(const concur_engine *e, concur_doc *d)
{
    const char *text = d->text.out.data ? d->text.out.data : "";
    cc_vec toks, sents;
    cc_vec_init(&toks, sizeof(cc_token));
    cc_vec_init(&sents, sizeof(cc_sentence));
    cc_starts starts;   /* (not zeroed whole: its local block is written before it is read) */
    starts.all = NULL;
    starts.cap = 0;
    const unsigned want = cc_starts_wanted(d->opt.kinds);
    const size_t *pp = d->text.paras.data;
    size_t sent_base = 0;
    size_t mark_cur = 0;
    const cc_text_mark *mk = d->text.marks.data;
    for (size_t i = 1; i < d->text.marks.len; i++)
        if (mk[i].start < mk[i - 1].start) { mark_cur = SIZE_MAX; break; }
    for (size_t pi = 0; pi < d->text.paras.len && !d->oom; pi++) {
        size_t ps = pp[2 * pi], pe = pp[2 * pi + 1];
        cc_block_role role = role_at(&d->text, ps, &mark_cur);
        while (ps < pe && !d->oom) {
            size_t se = slice_end(text, ps, pe);
            if (!cc_segment(e, text, ps, se, &toks, &sents) || !cc_starts_list(e, toks.data, toks.len, want, &starts)) {
                d->oom = true;
                break;
            }
            cc_para p = {text, ps, se, pi, role, toks.data, toks.len, sents.data, sents.len, sent_base, {0}, {0}};
            for (int k = 0; k < CC_START_KINDS; k++) {
                p.start_at[k] = starts.at[k];
                p.nstart_at[k] = starts.n[k];
            }
            cc_dates_scan(e, d, &p);
            cc_numbers_scan(e, d, &p);
            cc_counts_scan(e, d, &p);
            sent_base += sents.len;
            d->nsent = sent_base;
            ps = se;
            while (ps < pe && text[ps] == ' ') ps++;
        }
    }
    cc_vec_free(&toks);
    cc_vec_free(&sents);
    cc_starts_clear(&starts);
    if (!d->oom) cc_counts_finish(e, d);
}

concur_doc *concur_extract(const concur_engine *e, const char *bytes, size_t len,
                           const concur_doc_options *o, concur_error *err)
{
    if (!e || (!bytes && len)) {
        cc_error_set(err, CONCUR_ERR_USAGE, 0, "no engine or no input");
        return NULL;
    }
    if (len > e->opt.max_document_bytes) {
        cc_error_set(err, CONCUR_ERR_TOO_LARGE, e->opt.max_document_bytes,
                     "document of %zu bytes is larger than the limit of %zu", len, e->opt.max_document_bytes);
        return NULL;
    }
    concur_doc *d = calloc(1, sizeof *d);
    if (!d) goto oom;
    cc_arena_init(&d->arena);
    cc_text_init(&d->text);
    d->engine = e;
    if (o) d->opt = *o;
    else concur_doc_options_default(&d->opt);
    if (!d->opt.kinds) d->opt.kinds = CONCUR_KIND_ALL;
    d->id = cc_arena_strdup(&d->arena, d->opt.id ? d->opt.id : "");
    d->opt.id = d->id;
    d->opt.name = NULL;
    d->opt.ref_date = NULL;
    if (o && o->ref_date && strlen(o->ref_date) >= 10) {
        memcpy(d->ref_date, o->ref_date, 10);
        d->ref_date[10] = 0;
    }
    if (!d->id) goto oom;
    if (d->opt.borrow) {
        d->src = bytes ? bytes : "";
    } else {
        char *copy = cc_arena_alloc_raw(&d->arena, len + 1);
        if (!copy) goto oom;
        if (len) memcpy(copy, bytes, len);
        copy[len] = 0;
        d->src = copy;
    }
    d->src_len = len;

    concur_input in = d->opt.input;
    if (in == CONCUR_INPUT_AUTO || in == CONCUR_INPUT_JSONL || in == CONCUR_INPUT_WARC)
        in = concur_input_detect(o ? o->name : NULL, bytes, len);
    if (in != CONCUR_INPUT_HTML) in = CONCUR_INPUT_TEXT;
    d->opt.input = in;
    /* plain text cleans to about its own length: one buffer from the start
     * rather than doubling copies of a large one */
    if (in == CONCUR_INPUT_TEXT && len > 4096 && !cc_buf_reserve(&d->text.out, len + len / 8)) goto oom;
    bool ok = in == CONCUR_INPUT_HTML ? cc_ingest_html(d->src, len, &d->text, d)
                                      : cc_ingest_text(d->src, len, &d->text);
    if (!ok || !cc_text_finish(&d->text)) goto oom;
    if (d->text.had_invalid_utf8)
        cc_doc_warn(d, "invalid UTF-8 at byte %zu replaced by U+FFFD", d->opt.offset_base + d->text.first_invalid);

    /* a big text's mentions take about half its size (news: 232-byte
     * mentions, one per 250 bytes, and their strings): one block in huge
     * pages from the start (at most the arena's largest, 16 MiB) rather
     * than a run of small ones faulted in 4 KiB pages; what is not used
     * is only address space */
    if (!d->opt.text_only && d->text.out.len >= ((size_t)4 << 20)) {
        size_t want = d->text.out.len / 2;
        cc_arena_reserve(&d->arena, want < ((size_t)16 << 20) ? want : (size_t)16 << 20);
    }
    if (!d->opt.text_only) run_pipeline(e, d);
    if (d->oom) goto oom;

    /* final order and ids; input offsets from the map */
    /* recognisers mostly add mentions in order: sort_mentions merges the
     * runs instead of a full n log n sort (cache-missing on millions) */
    sort_mentions(d->m, d->nm);
    /* Ids "m<id_base + i + 1>": one arena block holds them all, each in a
     * slot of whole 8-byte words as wide as the last (longest) id needs;
     * the id is counted up in decimal in place rather than formatted anew,
     * and copied a word at a time. */
    char id[32] = {'m'};   /* "m" digits NUL, zero-padded */
    size_t idn = (size_t)(cc_fmt_uint(id + 1, d->opt.id_base + 1) - id), slot = 0;
    char *ids = NULL;
    if (d->nm) {
        char last[32];
        slot = ((size_t)(cc_fmt_uint(last, d->opt.id_base + d->nm) - last) + 2 + 7) & ~(size_t)7;
        ids = cc_arena_alloc_raw(&d->arena, d->nm * slot);
        if (!ids) goto oom;
    }
    size_t cur_s = 0, cur_e = 0;   /* mentions are in text order: walk the map */
    for (size_t i = 0; i < d->nm; i++) {
        concur_mention *m = d->m[i];
        if (i + PF_AHEAD < d->nm) {
            /* the lines of id and of the offsets, both written below */
            PREFETCH(d->m[i + PF_AHEAD], 1);
            PREFETCH(&d->m[i + PF_AHEAD]->cstart, 1);
        }
        m->start = cc_text_src_at(&d->text, m->cstart, &cur_s);
        m->end = cc_text_src_end_at(&d->text, m->cend, &cur_e);
        if (m->end < m->start) m->end = m->start;
        char *p = ids + i * slot;
        for (size_t k = 0; k < slot; k += 8) memcpy(p + k, id + k, 8);
        m->id = p;
        /* the next id: 9s roll over to 0s; past "m99..9" comes "m100..0" */
        size_t k = idn - 1;
        while (id[k] == '9') id[k--] = '0';
        if (k) {
            id[k]++;
        } else {
            id[1] = '1';
            id[idn++] = '0';
        }
    }
    return d;
oom:
    cc_error_set(err, CONCUR_ERR_NOMEM, 0, "out of memory");
    concur_doc_free(d);
    return NULL;
}

void concur_doc_free(concur_doc *d)
{
    if (!d) return;
    cc_dates_doc_free(d);
    cc_text_free(&d->text);
    free(d->m);
    free(d->warnings);
    cc_arena_free(&d->arena);
    free(d);
}

const char *concur_doc_id(const concur_doc *d) { return d->id ? d->id : ""; }

const char *concur_doc_text(const concur_doc *d, size_t *len)
{
    if (len) *len = d->text.out.len;
    return d->text.out.data ? d->text.out.data : "";
}

size_t concur_doc_sentence_count(const concur_doc *d) { return d ? d->nsent : 0; }

char *concur_doc_carry(const concur_doc *d, char *buf, size_t cap)
{
    if (cap) buf[0] = 0;
    if (d && cap) cc_dates_carry(d, buf, cap);
    return buf;
}

const char *concur_doc_ref_date(const concur_doc *d) { return d ? d->ref_date : ""; }

size_t concur_doc_source_offset(const concur_doc *d, size_t clean) { return cc_text_src(&d->text, clean); }
size_t concur_doc_warning_count(const concur_doc *d) { return d->nwarn; }
const char *concur_doc_warning(const concur_doc *d, size_t i) { return i < d->nwarn ? d->warnings[i] : NULL; }
size_t concur_doc_count(const concur_doc *d) { return d->nm; }
const concur_mention *concur_doc_get(const concur_doc *d, size_t i) { return i < d->nm ? d->m[i] : NULL; }

/* -------------------------------------------------------------- mentions */

concur_kind concur_mention_kind(const concur_mention *m) { return m->kind; }
const char *concur_mention_id(const concur_mention *m) { return m->id; }
size_t concur_mention_start(const concur_mention *m) { return m->start; }
size_t concur_mention_end(const concur_mention *m) { return m->end; }
size_t concur_mention_sentence(const concur_mention *m) { return m->sentence; }

const char *concur_mention_text(const concur_mention *m, size_t *len)
{
    if (len) *len = m->end - m->start;
    return m->doc->src + m->start;
}

#define OPT_GET(name, flag, field)                                   \
    bool concur_mention_##name(const concur_mention *m, double *v)   \
    {                                                                \
        if (m->flag && v) *v = m->field;                             \
        return m->flag;                                              \
    }
OPT_GET(value, has_value, value)
OPT_GET(min, has_min, min)
OPT_GET(max, has_max, max)
#undef OPT_GET

bool concur_mention_approx(const concur_mention *m) { return m->approx; }
concur_qualifier concur_mention_qualifier(const concur_mention *m) { return m->qualifier; }
const char *concur_mention_unit(const concur_mention *m) { return m->unit; }
bool concur_mention_ordinal(const concur_mention *m) { return m->ordinal; }
size_t concur_mention_alternative_count(const concur_mention *m) { return m->nalt; }
double concur_mention_alternative(const concur_mention *m, size_t i) { return i < m->nalt ? m->alt[i] : 0; }
const char *concur_mention_timex_type(const concur_mention *m) { return m->timex_type; }
const char *concur_mention_timex_value(const concur_mention *m) { return m->timex_value; }
const char *concur_mention_timex_mod(const concur_mention *m) { return m->timex_mod; }
const char *concur_mention_begin(const concur_mention *m) { return m->begin; }
const char *concur_mention_end_value(const concur_mention *m) { return m->end_value; }
const char *concur_mention_category(const concur_mention *m) { return m->category; }
const char *concur_mention_group(const concur_mention *m) { return m->group; }
const char *concur_mention_group_text(const concur_mention *m) { return m->group_text; }
const concur_mention *concur_mention_parent(const concur_mention *m) { return m->parent; }
const char *concur_mention_attribution(const concur_mention *m) { return m->attribution; }
const char *concur_mention_place(const concur_mention *m) { return m->place; }
const char *concur_mention_date(const concur_mention *m) { return m->date; }
bool concur_mention_hedged(const concur_mention *m) { return m->hedged; }
