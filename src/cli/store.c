/* store.c -- `concur index DB FILE...` and `concur query DB [filters]`: the
 * corpus store (src/store/store.c) from the command line. */
#include "cli.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

/* ----------------------------------------------------------------- index */

typedef struct index_ctx {
    concur_engine *engine;
    cli_opts *o;
    concur_store *store;
    const concur_record *rec;
    size_t docs, mentions;
    bool failed;
} index_ctx;

static int store_piece(void *user, concur_doc *d, bool first)
{
    (void)first;
    index_ctx *x = user;
    concur_error err = {0};
    int r = concur_store_add(x->store, d, x->rec->source, &err);
    x->mentions += concur_doc_count(d);
    concur_doc_free(d);
    if (r) {
        fprintf(stderr, "concur: index: %s\n", err.message ? err.message : "cannot write the store");
        x->failed = true;
        return 1;
    }
    return 0;
}

static int index_one(void *user, const char *path, const concur_record *rec, const char *id)
{
    index_ctx *x = user;
    if (x->failed) return 1;
    x->rec = rec;
    int s = cli_each_piece(x->engine, x->o, path, rec, id, false, store_piece, x);
    x->docs++;
    return s;
}

int cmd_index(int argc, char **argv)
{
    cli_opts o;
    int first;
    int s = cli_parse(argc, argv, &o, &first, false);
    if (s >= 0) return s;
    if (argc - first < 2) {
        fprintf(stderr, "concur: index: usage: concur index [options] DB FILE...\n");
        return 2;
    }
    const char *db = argv[first];
    concur_error err = {0};
    concur_store *st = concur_store_open(db, true, &err);
    if (!st) {
        fprintf(stderr, "concur: %s: %s\n", db, err.message ? err.message : "cannot open the store");
        return 1;
    }
    concur_engine *e = cli_engine();
    if (!e) {
        concur_store_close(st, NULL);
        return 1;
    }
    index_ctx x = {e, &o, st, NULL, 0, 0, false};
    int status = cli_each_record(argv + first + 1, argc - first - 1, o.input, index_one, &x);
    concur_engine_free(e);
    if (concur_store_close(st, &err)) {
        fprintf(stderr, "concur: %s: %s\n", db, err.message ? err.message : "cannot write the store");
        return 1;
    }
    if (x.failed) status = 1;
    fprintf(stderr, "concur: %s: %zu document%s, %zu mentions added\n", db, x.docs, x.docs == 1 ? "" : "s",
            x.mentions);
    return status;
}

/* ----------------------------------------------------------------- query */

static const char query_usage[] =
    "usage: concur query DB [filters] [--format jsonl|tsv|table] [--count]\n"
    "\n"
    "Writes the stored mentions that match every filter given, in the order\n"
    "the documents were indexed (JSON Lines: the lines `concur extract` wrote).\n"
    "  --kinds LIST         number,quantity,date,count\n"
    "  --category C         count category: killed, injured, hostage, missing, ...\n"
    "  --group G            count group: people, civilians, children, ...\n"
    "  --place P            count place (any case)\n"
    "  --attribution TEXT   the attribution contains TEXT (any case)\n"
    "  --doc GLOB           document ids matching GLOB (\"*.txt\", \"https://*\")\n"
    "  --from DATE          on or after DATE (YYYY, YYYY-MM or YYYY-MM-DD): a count's\n"
    "  --to DATE            incident date, a date's value; on or before DATE\n"
    "  --min N              value (or lower bound) at least N\n"
    "  --limit N            at most N mentions\n"
    "  --count              print how many match, nothing else\n"
    "  --stats              print the documents and mentions stored\n"
    "  --no-header          tsv/table: no header line\n";

int cmd_query(int argc, char **argv)
{
    concur_store_query q;
    memset(&q, 0, sizeof q);
    concur_format fmt = CONCUR_FORMAT_JSONL;
    bool count = false, stats = false, header = true;
    const char *db = NULL;
    for (int i = 1; i < argc; i++) {   /* argv[0] is "query" */
        const char *a = argv[i];
        if (a[0] != '-') {
            if (db) {
                fprintf(stderr, "concur: query: one store only ('%s' after '%s')\n", a, db);
                return 2;
            }
            db = a;
            continue;
        }
        if (!strcmp(a, "-h") || !strcmp(a, "--help")) { fputs(query_usage, stdout); return 0; }
        if (!strcmp(a, "--count")) { count = true; continue; }
        if (!strcmp(a, "--stats")) { stats = true; continue; }
        if (!strcmp(a, "--no-header")) { header = false; continue; }
        const char *eq = strchr(a, '=');
        char name[32];
        size_t nl = eq ? (size_t)(eq - a) : strlen(a);
        if (nl >= sizeof name) nl = sizeof name - 1;
        memcpy(name, a, nl);
        name[nl] = 0;
        const char *v = eq ? eq + 1 : i + 1 < argc ? argv[++i] : NULL;
        if (!v) {
            fprintf(stderr, "concur: query: option %s needs a value\n", name);
            return 2;
        }
        char *end;
        if (!strcmp(name, "--kinds")) {
            q.kinds = concur_kinds_parse(v);
            if (!q.kinds) {
                fprintf(stderr, "concur: query: --kinds: unknown kind in '%s'\n", v);
                return 2;
            }
        } else if (!strcmp(name, "--category")) q.category = v;
        else if (!strcmp(name, "--group")) q.group = v;
        else if (!strcmp(name, "--place")) q.place = v;
        else if (!strcmp(name, "--attribution")) q.attribution = v;
        else if (!strcmp(name, "--doc")) q.doc = v;
        else if (!strcmp(name, "--from")) q.from = v;
        else if (!strcmp(name, "--to")) q.to = v;
        else if (!strcmp(name, "--min")) {
            q.min = strtod(v, &end);
            if (*end || end == v) {
                fprintf(stderr, "concur: query: --min: '%s' is not a number\n", v);
                return 2;
            }
            q.has_min = true;
        } else if (!strcmp(name, "--limit")) {
            unsigned long long n = strtoull(v, &end, 10);
            if (*end || end == v || v[0] == '-') {
                fprintf(stderr, "concur: query: --limit: '%s' is not a count\n", v);
                return 2;
            }
            q.limit = (size_t)n;
        } else if (!strcmp(name, "--format")) {
            if (!strcmp(v, "jsonl") || !strcmp(v, "json")) fmt = CONCUR_FORMAT_JSONL;
            else if (!strcmp(v, "tsv")) fmt = CONCUR_FORMAT_TSV;
            else if (!strcmp(v, "table")) fmt = CONCUR_FORMAT_TABLE;
            else {
                fprintf(stderr, "concur: query: --format: '%s' is not jsonl, tsv or table\n", v);
                return 2;
            }
        } else {
            fprintf(stderr, "concur: query: unknown option '%s' (concur query --help)\n", name);
            return 2;
        }
    }
    if (!db) {
        fprintf(stderr, "concur: query: no store (concur query DB [filters])\n");
        return 2;
    }
    concur_error err = {0};
    concur_store *st = concur_store_open(db, false, &err);
    if (!st) {
        fprintf(stderr, "concur: %s: %s\n", db, err.message ? err.message : "cannot open the store");
        return 1;
    }
    int r = 0;
    if (stats) {
        size_t nd = 0, nm = 0;
        r = concur_store_stats(st, &nd, &nm, &err);
        if (!r) printf("%zu documents, %zu mentions\n", nd, nm);
    } else {
        size_t rows = 0;
        r = concur_store_query_write(st, &q, fmt, header, count ? NULL : cli_write_stdout, NULL, &rows, &err);
        if (!r && count) printf("%zu\n", rows);
    }
    if (r) fprintf(stderr, "concur: %s: %s\n", db, err.message ? err.message : "cannot write the output");
    concur_store_close(st, NULL);
    if (fflush(stdout) != 0 || ferror(stdout)) {
        fprintf(stderr, "concur: cannot write the output: %s\n", strerror(errno));
        r = 1;
    }
    if (r && err.code == CONCUR_ERR_USAGE) return 2;
    return r ? 1 : 0;
}
