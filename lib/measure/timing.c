/* lzbench-style timing of a function: a warm-up call, then repeated timed calls, best and median. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "kcb/timing.h"
#include "kcb/err.h"

void kcb_touch(const void *p, size_t n, void *w, size_t wn)
{
    long ps = sysconf(_SC_PAGESIZE);
    size_t step = ps > 0 ? (size_t)ps : 4096;
    volatile unsigned char sink = 0;
    const volatile unsigned char *r = p;
    for (size_t i = 0; r && i < n; i += step)
        sink ^= r[i];
    if (w && wn)
        memset(w, 0, wn);
    (void)sink;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

int kcb_bench_run(const struct kcb_bench_cfg *cfg, kcb_bench_fn fn, void *payload,
                  const void *src, size_t n, void *dst, size_t cap, size_t *out,
                  struct kcb_timing *t)
{
    unsigned max = cfg->max_runs ? cfg->max_runs : 1000000;
    unsigned min_runs = cfg->min_runs ? cfg->min_runs : 1;
    size_t cap_times = 64, runs = 0;
    double *times = malloc(cap_times * sizeof *times), total = 0;
    if (!times)
        return KCB_ENOMEM;
    int rc = fn(payload, src, n, dst, cap, out); /* warm-up: caches, lazy allocations */
    while (!rc && runs < max && (runs < min_runs || total < cfg->min_seconds)) {
        if (runs == cap_times) {
            double *nt = realloc(times, 2 * cap_times * sizeof *times);
            if (!nt) {
                rc = KCB_ENOMEM;
                break;
            }
            times = nt;
            cap_times *= 2;
        }
        double t0 = kcb_clock();
        rc = fn(payload, src, n, dst, cap, out);
        double dt = kcb_clock() - t0;
        times[runs++] = dt;
        total += dt;
    }
    if (!rc) {
        qsort(times, runs, sizeof *times, cmp_double);
        t->best = times[0];
        t->median = runs % 2 ? times[runs / 2] : (times[runs / 2 - 1] + times[runs / 2]) / 2;
        t->total = total;
        t->runs = (unsigned)runs;
    }
    free(times);
    return rc;
}
