/* dates.c -- dates and times (placeholder). */
#include "../internal.h"

bool cc_dates_init(concur_engine *e) { (void)e; return true; }
void cc_dates_free(concur_engine *e) { (void)e; }
void cc_dates_scan(const concur_engine *e, concur_doc *d, const cc_para *p) { (void)e; (void)d; (void)p; }
void cc_dates_doc_free(concur_doc *d) { (void)d; }
