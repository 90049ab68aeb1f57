/* compare.h -- the comparison's internal shape, shared by the aligner
 * (compare.c) and the writers (report.c). Not installed. */
#ifndef CC_COMPARE_H
#define CC_COMPARE_H

#include "../internal.h"

#define CC_NO_FACT ((size_t)-1)

/* One source of a fact: a mention of one document. */
typedef struct cc_cmp_src {
    const concur_mention *m;
    size_t doc;              /* index into the comparison's documents */
    double lo, hi;           /* counts: the figure's interval (tolerance applied) */
    const char *timex;       /* date facts: the date value (NULL for counts) */
    bool has_days;           /* dlo, dhi known */
    long dlo, dhi;           /* date facts: the date; counts: the incident date, in days */
    int place_level;         /* of m->place, cc_place_country(): 2 country ... -1 unknown */
    char place_cc[3];        /* its ISO country code */
} cc_cmp_src;

typedef struct cc_cmp_fact {
    const char *category;    /* "killed" ... or "date" */
    const char *group;       /* most frequent group of the sources */
    const char *gclass;      /* class of groups that line up (compare_groups.tsv) */
    const char *place;       /* narrowest place given by a source */
    int place_level;         /* of place, as in cc_cmp_src */
    char place_cc[3];
    const char *date;        /* first incident date given by a source */
    bool has_days;           /* the incident date in days (from a source's claim */
    long dlo, dhi;           /* date or its document's context), when known */
    size_t parent;           /* fact index or CC_NO_FACT */
    concur_verdict verdict;
    size_t agreed;           /* agree: a source with the agreed figure, else CC_NO_FACT */
    cc_cmp_src *src;
    size_t nsrc, capsrc;
    size_t ndocs;            /* distinct documents among the sources */
    size_t *fig;             /* sources with distinct figures (indices into src) */
    size_t nfig, capfig;
    double hull_lo, hull_hi; /* union of the sources' intervals */
    size_t rank;             /* category rank for the report order */
    size_t id;               /* position in the report, 1-based ("f1") */
} cc_cmp_fact;

struct concur_comparison {
    const concur_doc **docs;
    size_t ndocs;
    concur_compare_options opt;
    cc_cmp_fact *f;          /* in creation order */
    size_t nf, capf;
    size_t *order;           /* report order: order[k] = index into f */
};

/* True when source j of f is a figure other than the one the documents
 * agree on (official 613 agreed, unofficial 1,300 the variant). */
bool cc_cmp_is_variant(const cc_cmp_fact *f, size_t j);

/* Name of document i as shown in tables: its id. */
const char *cc_cmp_doc_name(const concur_comparison *c, size_t i);

/* Figure of a count mention as words: "613", "more than 1,000", "about
 * 2,500", "10-20". */
void cc_cmp_figure(cc_buf *b, const concur_mention *m);

int cc_cmp_write_table(const concur_comparison *c, bool color, concur_write_fn w, void *u);
int cc_cmp_write_json(const concur_comparison *c, concur_write_fn w, void *u);
int cc_cmp_write_html(const concur_comparison *c, concur_write_fn w, void *u);

#endif
