/* counts.c -- count claims (placeholder). */
#include "../internal.h"

bool cc_counts_init(concur_engine *e) { (void)e; return true; }
void cc_counts_free(concur_engine *e) { (void)e; }
void cc_counts_scan(const concur_engine *e, concur_doc *d, const cc_para *p) { (void)e; (void)d; (void)p; }
void cc_counts_finish(const concur_engine *e, concur_doc *d) { (void)e; (void)d; }
