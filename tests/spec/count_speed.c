/* count_speed.c -- time of the count scan on a corpus: runs concur_extract
 * with kinds number+date and with all kinds, N times each, and prints the
 * throughput of both and the share of the count scan.
 * build: cc -O2 -Iinclude tests/spec/count_speed.c build/libconcur.a -lxml2 -lutf8proc -lm
 * usage: count_speed FILE [N] */
#include "concur.h"
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static double run(const concur_engine *e, const char *buf, size_t n, unsigned kinds, int reps)
{
    double best = 1e9;
    for (int r = 0; r < reps; r++) {
        concur_doc_options o;
        concur_doc_options_default(&o);
        o.input = CONCUR_INPUT_TEXT;
        o.kinds = kinds;
        double t0 = now();
        concur_doc *d = concur_extract(e, buf, n, &o, NULL);
        double t = now() - t0;
        concur_doc_free(d);
        if (t < best) best = t;
    }
    return best;
}

int main(int argc, char **argv)
{
    if (argc < 2) return 2;
    FILE *f = fopen(argv[1], "rb");
    if (!f) return 1;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *buf = malloc((size_t)n);
    if (!buf || fread(buf, 1, (size_t)n, f) != (size_t)n) return 1;
    fclose(f);
    int reps = argc > 2 ? atoi(argv[2]) : 5;
    concur_engine *e = concur_engine_new(NULL, NULL);
    double base = run(e, buf, (size_t)n, CONCUR_KIND_NUMBER | CONCUR_KIND_DATE, reps);
    double all = run(e, buf, (size_t)n, CONCUR_KIND_ALL, reps);
    double mb = n / 1e6;
    printf("bytes %ld  number+date %.1f MB/s  all kinds %.1f MB/s  count scan alone %.1f MB/s (best of %d)\n", n,
           mb / base, mb / all, all > base ? mb / (all - base) : 0.0, reps);
    concur_engine_free(e);
    free(buf);
    return 0;
}
