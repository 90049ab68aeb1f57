/* main.c -- the concur command: a thin layer over the library. */
#include "cli.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#if defined(__GLIBC__)
#include <malloc.h>
#endif

static const char usage[] =
    "usage: concur <command> [options] FILE...\n"
    "\n"
    "Commands:\n"
    "  extract   write the numbers, quantities, dates and counts of people in documents\n"
    "  text      print the clean text the recognisers read (paragraphs, blank-line separated)\n"
    "  compare   line up the counts several documents give for the same event\n"
    "  index     index DB FILE...: add the documents' mentions to an SQLite store\n"
    "  query     query DB [filters]: the stored mentions that match (concur query --help)\n"
    "\n"
    "Options (extract, text, compare, index):\n"
    "  --kinds LIST       number,quantity,date,count (default: all)\n"
    "  --format FMT       extract: jsonl (default), tsv, table, gkg; compare: table, json, html\n"
    "  --input TYPE       auto (default), text, html, jsonl, warc\n"
    "  --ref-date DATE    reference date YYYY-MM-DD for relative dates\n"
    "  --date-mode MODE   auto (default), news, narrative\n"
    "  --piece-mb N       read plain text over N MiB in pieces of about N MiB\n"
    "                     (default 16; 0: whole documents, memory ~5x the document)\n"
    "  -o FILE            compare: write the report to FILE\n"
    "  --no-header        tsv/table: no header line\n"
    "  -h, --help         this text\n"
    "  --version          the version\n"
    "\n"
    "FILE may be - for standard input. Exit status: 0 all inputs read, 1 some input\n"
    "could not be read (the others are still processed), 2 bad usage.\n"
    "See concur(1).\n";

/* The command processes pieces and documents one after another, each
 * allocating about as much as the one before: freed memory is worth
 * keeping for the next. glibc returns large blocks (mmap'ed from 128 KiB
 * up, more as it adapts) and the top of its heap to the kernel on free,
 * and the next piece pays to fault in fresh zeroed pages again (in a 100 MB
 * text read in 16 MiB pieces: 38,000 page faults and 0.14 s of system
 * time; kept: 15,500 and 0.07 s). Peak memory is unchanged in kind: what
 * one piece needs. */
static void keep_freed_memory(void)
{
#if defined(__GLIBC__) && defined(M_MMAP_THRESHOLD) && defined(M_TRIM_THRESHOLD)
    mallopt(M_MMAP_THRESHOLD, 32 << 20);   /* glibc's largest: blocks under it come from the heap */
    mallopt(M_TRIM_THRESHOLD, 256 << 20);
#endif
}

int main(int argc, char **argv)
{
    keep_freed_memory();
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
    if (!strcmp(cmd, "index")) return cmd_index(argc - 1, argv + 1);
    if (!strcmp(cmd, "query")) return cmd_query(argc - 1, argv + 1);
    fprintf(stderr, "concur: unknown command '%s'\n\n%s", cmd, usage);
    return 2;
}

/* Parses options; leaves the file arguments in argv[*first..argc). Returns
 * -1 on success, else an exit status (0 for --help, 2 for bad usage). */
static int parse_opts(int argc, char **argv, cli_opts *o, int *first, bool compare)
{
    memset(o, 0, sizeof *o);
    o->piece = (size_t)16 << 20;
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
        } else if (!strcmp(name, "--piece-mb")) {
            char *end;
            unsigned long mb = strtoul(val, &end, 10);
            if (*end || end == val || mb > 4096) {
                fprintf(stderr, "concur: --piece-mb: '%s' is not a number of MiB from 0 to 4096\n", val);
                return 2;
            }
            o->piece = (size_t)mb << 20;
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

/* Where a piece lies in its document, and what the pieces before it
 * established. */
typedef struct piece_at {
    size_t offset, sentence, id;        /* bases: concur_doc_options */
    bool warned_utf8;                   /* invalid UTF-8 reported already */
    char carry[CONCUR_CARRY_MAX];       /* concur_doc_carry of the last piece */
} piece_at;

/* One piece of a record (the whole record when `at` is NULL). */
static concur_doc *extract_piece(concur_engine *e, const cli_opts *o, const char *path, const concur_record *rec,
                                 const char *id, bool text_only, bool borrow, piece_at *at)
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
    dopt.borrow = borrow;         /* the record's bytes outlive the document: no copy */
    if (at) {
        dopt.input = CONCUR_INPUT_TEXT;
        dopt.carry = at->carry;
        dopt.offset_base = at->offset;
        dopt.sentence_base = at->sentence;
        dopt.id_base = at->id;
    }
    concur_error err = {0};
    concur_doc *d = concur_extract(e, rec->text, rec->len, &dopt, &err);
    if (!d) {
        fprintf(stderr, "concur: %s: %s\n", id, err.message ? err.message : "cannot process");
        return NULL;
    }
    for (size_t i = 0; i < concur_doc_warning_count(d); i++) {
        const char *w = concur_doc_warning(d, i);
        /* a document read in pieces warns once, as if read whole */
        bool utf8 = !strncmp(w, "invalid UTF-8", 13);
        if (at && utf8 && at->warned_utf8) continue;
        if (at && utf8) at->warned_utf8 = true;
        fprintf(stderr, "concur: %s: %s\n", id, w);
    }
    return d;
}

concur_doc *cli_extract_record(concur_engine *e, const cli_opts *o, const char *path,
                               const concur_record *rec, const char *id, bool text_only)
{
    return extract_piece(e, o, path, rec, id, text_only, false, NULL);
}

/* A plain-text document larger than o->piece (--piece-mb, 16 MiB by
 * default; 0 = never) is read in pieces of about that size, so that memory follows the piece, not the document (the
 * library holds a document's clean text, offset map and mentions: about 5
 * bytes per input byte). Pieces end at a paragraph break where there is one
 * in the last half of the piece, else at a line break, a sentence end, a
 * space, or a UTF-8 character boundary. Offsets, sentence indexes and
 * mention ids in the output run on across pieces as if read whole. */
static bool in_pieces(const cli_opts *o, const char *path, const concur_record *rec)
{
    if (!o->piece || rec->len <= o->piece) return false;
    concur_input in = o->input == CONCUR_INPUT_TEXT || o->input == CONCUR_INPUT_HTML ? o->input : rec->input;
    if (in == CONCUR_INPUT_AUTO) in = concur_input_detect(path, rec->text, rec->len);
    return in == CONCUR_INPUT_TEXT;
}

static size_t piece_end(const char *s, size_t len, size_t from, size_t piece)
{
    if (len - from <= piece) return len;
    size_t lim = from + piece, lo = from + piece / 2 + 3, i;
    for (i = lim; i > lo; i--)
        if (s[i - 1] == '\n' && (s[i - 2] == '\n' || (s[i - 2] == '\r' && s[i - 3] == '\n'))) return i;
    for (i = lim; i > lo; i--)
        if (s[i - 1] == '\n') return i;
    for (i = lim; i > lo; i--)
        if (s[i - 1] == ' ' && (s[i - 2] == '.' || s[i - 2] == '!' || s[i - 2] == '?')) return i;
    for (i = lim; i > lo; i--)
        if (s[i - 1] == ' ' || s[i - 1] == '\t') return i;
    for (i = lim; i > lo && ((unsigned char)s[i] & 0xC0) == 0x80; i--) {}
    return i;
}

int cli_each_piece(concur_engine *e, const cli_opts *o, const char *path, const concur_record *rec,
                   const char *id, bool text_only, cli_piece_fn fn, void *user)
{
    if (!in_pieces(o, path, rec)) {
        concur_doc *d = extract_piece(e, o, path, rec, id, text_only, true, NULL);
        if (!d) return 1;
        return fn(user, d, true);
    }
    piece_at at;
    memset(&at, 0, sizeof at);
    while (at.offset < rec->len) {
        size_t end = piece_end(rec->text, rec->len, at.offset, o->piece);
        concur_record piece = *rec;
        piece.text = rec->text + at.offset;
        piece.len = end - at.offset;
        concur_doc *d = extract_piece(e, o, path, &piece, id, text_only, true, &at);
        if (!d) return 1;
        at.sentence += concur_doc_sentence_count(d);
        at.id += concur_doc_count(d);
        concur_doc_carry(d, at.carry, sizeof at.carry);   /* the story so far, for the next piece */
        int r = fn(user, d, at.offset == 0);
        if (r) return r;
        cli_file_done_with(piece.text, piece.len);   /* its input pages can go */
        at.offset = end;
    }
    return 0;
}

/* ---------------------------------------------------------------- extract */

/* Per-run state of extract and text: the engine, the options, and how
 * many documents were written so far (for separators and headers). */
typedef struct doc_ctx {
    concur_engine *engine;
    cli_opts *o;
    size_t ndocs;
} doc_ctx;

typedef struct piece_ctx {
    doc_ctx *x;
    const char *id;
} piece_ctx;

/* How extract's output reaches stdout. The writers hand over chunks of
 * 64 KiB and more, which go straight to the file descriptor (after what
 * stdio holds: a table's header) rather than through a copy into stdio's
 * buffer. A JSON Lines input of short records gives a small chunk per
 * record: those gather in stdio's buffer, made 64 KiB by buffer_stdout
 * (the default, one page into a pipe or a file, meant a write(2) every
 * 4 KiB). */
#define OUT_CHUNK ((size_t)1 << 16)

static void buffer_stdout(void)
{
    static char buf[OUT_CHUNK];
    if (!isatty(fileno(stdout))) setvbuf(stdout, buf, _IOFBF, sizeof buf);   /* a terminal shows lines as they come */
}

static int write_out(void *user, const char *bytes, size_t len)
{
    (void)user;
    if (len < OUT_CHUNK) return fwrite(bytes, 1, len, stdout) == len ? 0 : -1;
    if (fflush(stdout) != 0) return -1;
    while (len) {
        ssize_t n = write(fileno(stdout), bytes, len);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return -1;
        bytes += n;
        len -= (size_t)n;
    }
    return 0;
}

static int write_piece(void *user, concur_doc *d, bool first)
{
    piece_ctx *p = user;
    doc_ctx *x = p->x;
    if (first && x->o->format == CONCUR_FORMAT_TABLE && !x->o->no_header)
        printf("%s== %s ==\n", x->ndocs ? "\n" : "", p->id);
    bool header = first && !x->o->no_header && (x->o->format == CONCUR_FORMAT_TABLE || x->ndocs == 0);
    int r = concur_doc_write(d, x->o->format, x->o->kinds, header, write_out, NULL);
    concur_doc_free(d);
    if (r) {
        fprintf(stderr, "concur: cannot write the output\n");
        exit(1);
    }
    return 0;
}

static int extract_one(void *user, const char *path, const concur_record *rec, const char *id)
{
    doc_ctx *x = user;
    piece_ctx p = {x, id};
    int s = cli_each_piece(x->engine, x->o, path, rec, id, false, write_piece, &p);
    x->ndocs++;
    return s;
}

int cmd_extract(int argc, char **argv)
{
    cli_opts o;
    int first;
    int s = parse_opts(argc, argv, &o, &first, false);
    if (s >= 0) return s;
    buffer_stdout();
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

static int print_text(void *user, concur_doc *d, bool first)
{
    doc_ctx *x = user;
    size_t len;
    const char *t = concur_doc_text(d, &len);
    if (x->ndocs && first) fputs("\n", stdout);
    if (!first) fputs("\n", stdout);   /* pieces end at paragraph breaks */
    fwrite(t, 1, len, stdout);
    if (len) fputc('\n', stdout);
    concur_doc_free(d);
    return 0;
}

static int text_one(void *user, const char *path, const concur_record *rec, const char *id)
{
    doc_ctx *x = user;
    int s = cli_each_piece(x->engine, x->o, path, rec, id, true, print_text, x);
    x->ndocs++;
    return s;
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
