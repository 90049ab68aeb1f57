/* main.c -- the concur command: a thin layer over the library. */
#include "cli.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

static const char usage[] =
    "usage: concur <command> [options] FILE...\n"
    "\n"
    "Commands:\n"
    "  extract   write the numbers, quantities, dates and counts of people in documents\n"
    "  text      print the clean text the recognisers read (paragraphs, blank-line separated)\n"
    "  compare   line up the counts several documents give for the same event\n"
    "\n"
    "Options (extract, text, compare):\n"
    "  --kinds LIST       number,quantity,date,count (default: all)\n"
    "  --format FMT       extract: jsonl (default), tsv, table, gkg; compare: table, json, html\n"
    "  --input TYPE       auto (default), text, html, jsonl\n"
    "  --ref-date DATE    reference date YYYY-MM-DD for relative dates\n"
    "  --date-mode MODE   auto (default), news, narrative\n"
    "  -o FILE            compare: write the report to FILE\n"
    "  --no-header        tsv/table: no header line\n"
    "  -h, --help         this text\n"
    "  --version          the version\n"
    "\n"
    "FILE may be - for standard input. Exit status: 0 all inputs read, 1 some input\n"
    "could not be read (the others are still processed), 2 bad usage.\n"
    "See concur(1).\n";

int main(int argc, char **argv)
{
    if (argc < 2) {
        fputs(usage, stderr);
        return 2;
    }
    const char *cmd = argv[1];
    if (!strcmp(cmd, "-h") || !strcmp(cmd, "--help") || !strcmp(cmd, "help")) {
        fputs(usage, stdout);
        return 0;
    }
    if (!strcmp(cmd, "--version") || !strcmp(cmd, "version")) {
        printf("concur %s\n", concur_version());
        return 0;
    }
    if (!strcmp(cmd, "extract")) return cmd_extract(argc - 1, argv + 1);
    if (!strcmp(cmd, "text")) return cmd_text(argc - 1, argv + 1);
    if (!strcmp(cmd, "compare")) return cmd_compare(argc - 1, argv + 1);
    fprintf(stderr, "concur: unknown command '%s'\n\n%s", cmd, usage);
    return 2;
}

/* Parses options; leaves the file arguments in argv[*first..argc). Returns
 * -1 on success, else an exit status (0 for --help, 2 for bad usage). */
static int parse_opts(int argc, char **argv, cli_opts *o, int *first, bool compare)
{
    memset(o, 0, sizeof *o);
    o->kinds = CONCUR_KIND_ALL;
    int i = 1;
    for (; i < argc; i++) {
        const char *a = argv[i];
        if (a[0] != '-' || !strcmp(a, "-")) break;
        if (!strcmp(a, "--")) { i++; break; }
        if (!strcmp(a, "-h") || !strcmp(a, "--help")) { fputs(usage, stdout); return 0; }
        if (!strcmp(a, "--no-header")) { o->no_header = true; continue; }
        const char *val = NULL;
        const char *eq = strchr(a, '=');
        char name[32];
        size_t nl = eq ? (size_t)(eq - a) : strlen(a);
        if (nl >= sizeof name) nl = sizeof name - 1;
        memcpy(name, a, nl);
        name[nl] = 0;
        if (eq) val = eq + 1;
        else if (i + 1 < argc) val = argv[++i];
        if (!val) {
            fprintf(stderr, "concur: option %s needs a value\n", name);
            return 2;
        }
        if (!strcmp(name, "--kinds")) {
            o->kinds = concur_kinds_parse(val);
            if (!o->kinds) {
                fprintf(stderr, "concur: --kinds: unknown kind in '%s' (number, quantity, date, count)\n", val);
                return 2;
            }
        } else if (!strcmp(name, "--format")) {
            if (compare) {
                if (!strcmp(val, "table")) o->compare_format = 0;
                else if (!strcmp(val, "json")) o->compare_format = 1;
                else if (!strcmp(val, "html")) o->compare_format = 2;
                else { fprintf(stderr, "concur: --format: '%s' is not table, json or html\n", val); return 2; }
            } else if (!strcmp(val, "jsonl") || !strcmp(val, "json")) o->format = CONCUR_FORMAT_JSONL;
            else if (!strcmp(val, "tsv")) o->format = CONCUR_FORMAT_TSV;
            else if (!strcmp(val, "table")) o->format = CONCUR_FORMAT_TABLE;
            else if (!strcmp(val, "gkg")) o->format = CONCUR_FORMAT_GKG;
            else { fprintf(stderr, "concur: --format: '%s' is not jsonl, tsv, table or gkg\n", val); return 2; }
        } else if (!strcmp(name, "--input")) {
            int in = concur_input_parse(val);
            if (in < 0) {
                fprintf(stderr, "concur: --input: '%s' is not auto, text, html, jsonl or warc\n", val);
                return 2;
            }
            o->input = (concur_input)in;
        } else if (!strcmp(name, "--ref-date")) {
            int y, m, d;
            char tail;
            if (sscanf(val, "%4d-%2d-%2d%c", &y, &m, &d, &tail) != 3 || m < 1 || m > 12 || d < 1 || d > 31) {
                fprintf(stderr, "concur: --ref-date: '%s' is not a date YYYY-MM-DD\n", val);
                return 2;
            }
            o->ref_date = val;
        } else if (!strcmp(name, "--date-mode")) {
            if (!strcmp(val, "auto")) o->date_mode = CONCUR_DATES_AUTO;
            else if (!strcmp(val, "news")) o->date_mode = CONCUR_DATES_NEWS;
            else if (!strcmp(val, "narrative")) o->date_mode = CONCUR_DATES_NARRATIVE;
            else { fprintf(stderr, "concur: --date-mode: '%s' is not auto, news or narrative\n", val); return 2; }
        } else if (!strcmp(name, "-o") || !strcmp(name, "--output")) {
            o->out = val;
        } else {
            fprintf(stderr, "concur: unknown option '%s'\n", name);
            return 2;
        }
    }
    if (i >= argc) {
        fprintf(stderr, "concur: no input files (use - for standard input)\n");
        return 2;
    }
    *first = i;
    return -1;
}

int cli_parse(int argc, char **argv, cli_opts *o, int *first, bool compare)
{
    return parse_opts(argc, argv, o, first, compare);
}

concur_engine *cli_engine(void)
{
    concur_error err = {0};
    concur_engine *e = concur_engine_new(NULL, &err);
    if (!e) fprintf(stderr, "concur: %s\n", err.message ? err.message : "cannot build the word tables");
    return e;
}

concur_doc *cli_extract_record(concur_engine *e, const cli_opts *o, const char *path,
                               const concur_record *rec, const char *id, bool text_only)
{
    concur_doc_options dopt;
    concur_doc_options_default(&dopt);
    dopt.input = rec->input;
    if (o->input == CONCUR_INPUT_TEXT || o->input == CONCUR_INPUT_HTML) dopt.input = o->input;
    dopt.id = id;
    dopt.name = path;
    dopt.ref_date = o->ref_date ? o->ref_date : rec->date;
    dopt.date_mode = o->date_mode;
    dopt.kinds = o->kinds;
    dopt.text_only = text_only;   /* `concur text`: the clean text only, no recognisers */
    concur_error err = {0};
    concur_doc *d = concur_extract(e, rec->text, rec->len, &dopt, &err);
    if (!d) {
        fprintf(stderr, "concur: %s: %s\n", id, err.message ? err.message : "cannot process");
        return NULL;
    }
    for (size_t i = 0; i < concur_doc_warning_count(d); i++)
        fprintf(stderr, "concur: %s: %s\n", id, concur_doc_warning(d, i));
    return d;
}

/* ---------------------------------------------------------------- extract */

/* Per-run state of extract and text: the engine, the options, and how
 * many documents were written so far (for separators and headers). */
typedef struct doc_ctx {
    concur_engine *engine;
    cli_opts *o;
    size_t ndocs;
} doc_ctx;

static int extract_one(void *user, const char *path, const concur_record *rec, const char *id)
{
    doc_ctx *x = user;
    concur_doc *d = cli_extract_record(x->engine, x->o, path, rec, id, false);
    if (!d) return 1;
    if (x->o->format == CONCUR_FORMAT_TABLE && !x->o->no_header)
        printf("%s== %s ==\n", x->ndocs ? "\n" : "", id);
    bool header = !x->o->no_header && (x->o->format == CONCUR_FORMAT_TABLE || x->ndocs == 0);
    int r = concur_doc_write(d, x->o->format, x->o->kinds, header, cli_write_stdout, NULL);
    concur_doc_free(d);
    x->ndocs++;
    if (r) {
        fprintf(stderr, "concur: cannot write the output\n");
        exit(1);
    }
    return 0;
}

int cmd_extract(int argc, char **argv)
{
    cli_opts o;
    int first;
    int s = parse_opts(argc, argv, &o, &first, false);
    if (s >= 0) return s;
    concur_engine *e = cli_engine();
    if (!e) return 1;
    doc_ctx x = {e, &o, 0};
    int status = cli_each_record(argv + first, argc - first, o.input, extract_one, &x);
    concur_engine_free(e);
    if (fflush(stdout) != 0 || ferror(stdout)) {
        fprintf(stderr, "concur: cannot write the output: %s\n", strerror(errno));
        status = 1;
    }
    return status;
}

/* ------------------------------------------------------------------- text */

static int text_one(void *user, const char *path, const concur_record *rec, const char *id)
{
    doc_ctx *x = user;
    concur_doc *d = cli_extract_record(x->engine, x->o, path, rec, id, true);
    if (!d) return 1;
    size_t len;
    const char *t = concur_doc_text(d, &len);
    if (x->ndocs) fputs("\n", stdout);
    fwrite(t, 1, len, stdout);
    if (len) fputc('\n', stdout);
    concur_doc_free(d);
    x->ndocs++;
    return 0;
}

int cmd_text(int argc, char **argv)
{
    cli_opts o;
    int first;
    int s = parse_opts(argc, argv, &o, &first, false);
    if (s >= 0) return s;
    concur_engine *e = cli_engine();
    if (!e) return 1;
    doc_ctx x = {e, &o, 0};
    int status = cli_each_record(argv + first, argc - first, o.input, text_one, &x);
    concur_engine_free(e);
    if (fflush(stdout) != 0 || ferror(stdout)) {
        fprintf(stderr, "concur: cannot write the output: %s\n", strerror(errno));
        status = 1;
    }
    return status;
}
