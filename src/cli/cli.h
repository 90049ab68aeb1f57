/* cli.h -- pieces shared by the concur sub-commands. */
#ifndef CC_CLI_H
#define CC_CLI_H

#include "concur.h"
#include <stdbool.h>
#include <stdio.h>

/* A whole input file in memory (mmap where possible). */
typedef struct cli_file {
    const char *path;
    char *data;
    size_t len;
    bool mapped;
} cli_file;

/* Reads path ("-" = stdin). On failure prints "concur: PATH: reason" and
 * returns false. */
bool cli_file_read(cli_file *f, const char *path);
void cli_file_close(cli_file *f);
/* Tells the kernel the pages of [p, p + n) will not be read again, when
 * they belong to the file mapped now (a piece read: --piece-mb); else does
 * nothing. */
void cli_file_done_with(const char *p, size_t n);
/* True (and a message naming the file) when the bytes look binary. */
bool cli_looks_binary(const cli_file *f);

int cli_write_stdout(void *user, const char *bytes, size_t len);
void cli_progress(size_t done, size_t total);

/* Option parsing shared by extract, text and compare. */
typedef struct cli_opts {
    unsigned kinds;
    concur_format format;
    concur_input input;
    const char *ref_date;
    concur_date_mode date_mode;
    const char *out;
    int compare_format;   /* 0 table, 1 json, 2 html */
    bool no_header;
    size_t piece;         /* --piece-mb in bytes; 0 = whole documents */
} cli_opts;

/* Parses options (main.c); leaves the files in argv[*first..argc). Returns
 * -1 on success, else an exit status. */
int cli_parse(int argc, char **argv, cli_opts *o, int *first, bool compare);

int cmd_extract(int argc, char **argv);
int cmd_text(int argc, char **argv);
int cmd_compare(int argc, char **argv);
int cmd_index(int argc, char **argv);   /* store.c */
int cmd_query(int argc, char **argv);

/* Each document of each file, in input order: calls fn for every record;
 * returns the exit status (0, or 1 when some input could not be read). */
typedef int (*cli_doc_fn)(void *user, const char *path, const concur_record *rec, const char *id);
int cli_each_record(char **files, int nfiles, concur_input input, cli_doc_fn fn, void *user);

/* The engine, or NULL after printing why it could not be built. */
concur_engine *cli_engine(void);

/* Reads one record as a document with the command's options (input type,
 * reference date, date mode, kinds; text_only for `concur text`), printing
 * its warnings. Returns NULL after printing why it could not be read. */
concur_doc *cli_extract_record(concur_engine *e, const cli_opts *o, const char *path,
                               const concur_record *rec, const char *id, bool text_only);

/* Calls fn for each piece of the record: once for the whole record, or for
 * each piece of a plain-text document over o->piece bytes (--piece-mb; the
 * pieces' offsets, sentences and ids run on). fn owns the doc and must
 * free it before it returns: the doc reads the record's bytes in place.
 * Stops at the first non-zero return; 1 when a piece could not be read. */
typedef int (*cli_piece_fn)(void *user, concur_doc *d, bool first);
int cli_each_piece(concur_engine *e, const cli_opts *o, const char *path, const concur_record *rec,
                   const char *id, bool text_only, cli_piece_fn fn, void *user);

#endif
