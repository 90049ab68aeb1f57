/* io.c -- reading input files and writing output for the command. */
#define _POSIX_C_SOURCE 200809L
#include "cli.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

static bool read_fd(int fd, cli_file *f)
{
    size_t cap = 1 << 16, len = 0;
    char *buf = malloc(cap);
    if (!buf) return false;
    for (;;) {
        if (len == cap) {
            char *nb = realloc(buf, cap * 2);
            if (!nb) { free(buf); errno = ENOMEM; return false; }
            buf = nb;
            cap *= 2;
        }
        ssize_t r = read(fd, buf + len, cap - len);
        if (r < 0) {
            if (errno == EINTR) continue;
            free(buf);
            return false;
        }
        if (r == 0) break;
        len += (size_t)r;
    }
    f->data = buf;
    f->len = len;
    f->mapped = false;
    return true;
}

/* The file mapped now (one at a time), for cli_file_done_with. */
static const char *map_base;
static size_t map_len;

bool cli_file_read(cli_file *f, const char *path)
{
    memset(f, 0, sizeof *f);
    f->path = path;
    if (!strcmp(path, "-")) {
        if (!read_fd(0, f)) {
            fprintf(stderr, "concur: -: cannot read standard input: %s\n", strerror(errno));
            return false;
        }
        return true;
    }
    int fd = open(path, O_RDONLY);
    if (fd < 0) {
        fprintf(stderr, "concur: %s: %s\n", path, strerror(errno));
        return false;
    }
    struct stat st;
    if (fstat(fd, &st) != 0) {
        fprintf(stderr, "concur: %s: %s\n", path, strerror(errno));
        close(fd);
        return false;
    }
    if (S_ISDIR(st.st_mode)) {
        fprintf(stderr, "concur: %s: is a directory\n", path);
        close(fd);
        return false;
    }
    bool ok;
    if (S_ISREG(st.st_mode) && st.st_size > 0) {
        /* the whole file is read at once: map its pages in one call rather
         * than one page fault per 4 KiB -- up to 64 MiB: a larger file is
         * read in pieces (--piece-mb), its pages faulted in as they come,
         * so that the resident set stays bounded */
        int flags = MAP_PRIVATE;
#ifdef MAP_POPULATE
        if ((uint64_t)st.st_size <= ((uint64_t)64 << 20)) flags |= MAP_POPULATE;
#endif
        void *p = mmap(NULL, (size_t)st.st_size, PROT_READ, flags, fd, 0);
        if (p != MAP_FAILED) {
            f->data = p;
            f->len = (size_t)st.st_size;
            f->mapped = true;
            map_base = p;
            map_len = f->len;
            ok = true;
        } else {
            ok = read_fd(fd, f);
        }
    } else {
        ok = read_fd(fd, f);
    }
    if (!ok) fprintf(stderr, "concur: %s: %s\n", path, strerror(errno));
    close(fd);
    return ok;
}

void cli_file_done_with(const char *p, size_t n)
{
    if (!map_base || p < map_base || n > map_len || (size_t)(p - map_base) > map_len - n) return;
    long pg = sysconf(_SC_PAGESIZE);
    if (pg <= 0) return;
    /* whole pages inside [p, p + n) only: the bytes around stay mapped */
    uintptr_t a = ((uintptr_t)p + (uintptr_t)pg - 1) & ~((uintptr_t)pg - 1);
    uintptr_t b = ((uintptr_t)p + n) & ~((uintptr_t)pg - 1);
    if (b > a) madvise((void *)a, b - a, MADV_DONTNEED);   /* clean file pages: read again if touched */
}

void cli_file_close(cli_file *f)
{
    if (f->mapped && f->data == map_base) { map_base = NULL; map_len = 0; }
    if (f->mapped) munmap(f->data, f->len);
    else free(f->data);
    f->data = NULL;
}

bool cli_looks_binary(const cli_file *f)
{
    /* NUL bytes in the first 8 KiB: no text format we read has them
     * (UTF-16 files are not supported and are reported the same way) */
    size_t n = f->len < 8192 ? f->len : 8192;
    return n && memchr(f->data, 0, n) != NULL;
}

int cli_write_stdout(void *user, const char *bytes, size_t len)
{
    (void)user;
    return fwrite(bytes, 1, len, stdout) == len ? 0 : -1;
}

void cli_progress(size_t done, size_t total)
{
    static int tty = -1;
    if (tty < 0) tty = isatty(2);
    if (!tty || total < 20) return;
    if (done == total) fprintf(stderr, "\r%zu/%zu files   \n", done, total);
    else if (done % 10 == 0) fprintf(stderr, "\r%zu/%zu files", done, total);
}

int cli_each_record(char **files, int nfiles, concur_input input, cli_doc_fn fn, void *user)
{
    int status = 0;
    for (int i = 0; i < nfiles; i++) {
        cli_file f;
        const char *path = files[i];
        cli_progress((size_t)i, (size_t)nfiles);
        if (!cli_file_read(&f, path)) { status = 1; continue; }
        if (f.len == 0) {
            fprintf(stderr, "concur: %s: empty file, nothing to read\n", path);
            cli_file_close(&f);
            continue;
        }
        concur_input in = input == CONCUR_INPUT_AUTO
                              ? concur_input_detect(strcmp(path, "-") ? path : NULL, f.data, f.len)
                              : input;
        if (in != CONCUR_INPUT_WARC && cli_looks_binary(&f)) {   /* .warc.gz is binary */
            const unsigned char *b = (const unsigned char *)f.data;
            if (f.len >= 2 && ((b[0] == 0xFF && b[1] == 0xFE) || (b[0] == 0xFE && b[1] == 0xFF)))
                fprintf(stderr, "concur: %s: UTF-16 text (byte-order mark) is not read; convert it to UTF-8 "
                                "first (iconv -f UTF-16 -t UTF-8), skipped\n", path);
            else
                fprintf(stderr, "concur: %s: binary file (NUL bytes), skipped\n", path);
            cli_file_close(&f);
            status = 1;
            continue;
        }
        concur_error err = {0};
        concur_reader *r = concur_reader_new(f.data, f.len, input, strcmp(path, "-") ? path : NULL, &err);
        if (!r) {
            fprintf(stderr, "concur: %s: %s\n", path, err.message ? err.message : "cannot read");
            cli_file_close(&f);
            status = 1;
            continue;
        }
        concur_record rec;
        int k;
        char idbuf[4200];
        while ((k = concur_reader_next(r, &rec, &err)) != 0) {
            if (k < 0) {
                /* "line N: why" from the reader -> "PATH:N: why" */
                size_t ln = 0;
                int used = 0;
                const char *msg = err.message ? err.message : "cannot read the record";
                if (sscanf(msg, "line %zu: %n", &ln, &used) == 1 && used > 0)
                    fprintf(stderr, "concur: %s:%zu: %s\n", path, ln, msg + used);
                else
                    fprintf(stderr, "concur: %s: %s\n", path, msg);
                status = 1;
                continue;
            }
            const char *id = rec.id;
            if (!id) {
                if (rec.line) {
                    snprintf(idbuf, sizeof idbuf, "%.4000s:%zu", path, rec.line);
                    id = idbuf;
                } else {
                    id = path;
                }
            }
            int s = fn(user, path, &rec, id);
            if (s > status) status = s;
        }
        concur_reader_free(r);
        cli_file_close(&f);
    }
    cli_progress((size_t)nfiles, (size_t)nfiles);
    return status;
}
