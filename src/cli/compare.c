/* compare.c -- concur compare: reads every document, extracts its claims,
 * lines them up (concur_compare) and writes a table, JSON Lines or an HTML
 * report. */
#define _POSIX_C_SOURCE 200809L
#include "cli.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

typedef struct compare_ctx {
    concur_engine *engine;
    cli_opts *o;
    concur_doc **docs;
    size_t n, cap;
} compare_ctx;

static int compare_one(void *user, const char *path, const concur_record *rec, const char *id)
{
    compare_ctx *x = user;
    concur_doc *d = cli_extract_record(x->engine, x->o, path, rec, id, false);
    if (!d) return 1;
    if (x->n == x->cap) {
        size_t cap = x->cap ? x->cap * 2 : 16;
        concur_doc **nd = realloc(x->docs, cap * sizeof *nd);
        if (!nd) {
            concur_doc_free(d);
            fprintf(stderr, "concur: out of memory\n");
            return 1;
        }
        x->docs = nd;
        x->cap = cap;
    }
    x->docs[x->n++] = d;
    return 0;
}

static int write_file(void *user, const char *bytes, size_t len)
{
    return fwrite(bytes, 1, len, (FILE *)user) == len ? 0 : -1;
}

int cmd_compare(int argc, char **argv)
{
    cli_opts o;
    int first;
    int s = cli_parse(argc, argv, &o, &first, true);
    if (s >= 0) return s;
    concur_engine *e = cli_engine();
    if (!e) return 1;
    compare_ctx x = {e, &o, NULL, 0, 0};
    int status = cli_each_record(argv + first, argc - first, o.input, compare_one, &x);
    if (x.n == 0) {
        fprintf(stderr, "concur: compare: no document could be read\n");
        concur_engine_free(e);
        return 1;
    }
    concur_error err = {0};
    concur_comparison *c = concur_compare((const concur_doc *const *)x.docs, x.n, NULL, &err);
    if (!c) {
        fprintf(stderr, "concur: compare: %s\n", err.message);
        status = 1;
    } else {
        FILE *out = stdout;
        if (o.out && strcmp(o.out, "-")) {
            out = fopen(o.out, "wb");
            if (!out) {
                fprintf(stderr, "concur: %s: %s\n", o.out, strerror(errno));
                status = 1;
            }
        }
        if (out) {
            concur_compare_format fmt = o.compare_format == 1   ? CONCUR_COMPARE_JSON
                                        : o.compare_format == 2 ? CONCUR_COMPARE_HTML
                                                                : CONCUR_COMPARE_TABLE;
            unsigned flags = 0;
            const char *nc = getenv("NO_COLOR");
            if (fmt == CONCUR_COMPARE_TABLE && out == stdout && isatty(1) && !(nc && *nc))
                flags |= CONCUR_COMPARE_COLOR;
            int r = concur_comparison_write(c, fmt, flags, write_file, out);
            if (out != stdout) {
                if (fclose(out) != 0) r = -1;
            } else if (fflush(stdout) != 0) {
                r = -1;
            }
            if (r) {
                fprintf(stderr, "concur: compare: cannot write the report\n");
                status = 1;
            }
        }
        concur_comparison_free(c);
    }
    for (size_t i = 0; i < x.n; i++) concur_doc_free(x.docs[i]);
    free(x.docs);
    concur_engine_free(e);
    return status;
}
