/* A progress bar with rate and ETA on stderr, drawn only when stderr is a terminal. */
#include "progress.h"

#include "kcb/clock.h"

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

void kcb_progress_start(struct kcb_progress *p, const char *what)
{
    p->what = what;
    p->t0 = kcb_clock();
    p->on = isatty(STDERR_FILENO) && !getenv("NO_COLOR") && !getenv("KCB_NO_PROGRESS");
}

void kcb_progress_show(void *arg, size_t done, size_t total)
{
    struct kcb_progress *p = arg;
    if (!p->on || total == 0)
        return;
    double el = kcb_clock() - p->t0, rate = el > 0 ? (double)done / el : 0;
    double eta = rate > 0 ? (double)(total - done) / rate : 0;
    int width = 30, fill = (int)((double)width * (double)done / (double)total);
    char bar[64];
    for (int i = 0; i < width; i++)
        bar[i] = i < fill ? '#' : '.';
    bar[width] = '\0';
    fprintf(stderr, "\r%s [%s] %zu/%zu %.1f/s ETA %d:%02d ", p->what, bar, done, total, rate,
            (int)eta / 60, (int)eta % 60);
    fflush(stderr);
}

void kcb_progress_end(struct kcb_progress *p)
{
    if (p->on)
        fprintf(stderr, "\r\033[K");
}
