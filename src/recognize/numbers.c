/* numbers.c -- numbers and quantities (placeholder). */
#include "../internal.h"

#include <stdlib.h>

bool cc_numbers_init(concur_engine *e) { (void)e; return true; }
void cc_numbers_free(concur_engine *e) { (void)e; }
void cc_numbers_scan(const concur_engine *e, concur_doc *d, const cc_para *p)
{
    (void)e;
    for (size_t i = 0; i < p->ntok; i++) {
        const cc_token *t = &p->tok[i];
        if (t->type != CC_TOK_NUM) continue;
        concur_mention *m = cc_doc_add(d, CONCUR_KIND_NUMBER, t->start, t->end);
        if (!m) return;
        m->sentence = p->sent_base + t->sent;
        m->has_value = m->has_min = m->has_max = true;
        m->value = m->min = m->max = strtod(p->text + t->start, NULL);
    }
}
