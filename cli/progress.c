/* Progress on stderr: a bar with rate and ETA on a terminal, a status line now and then elsewhere. */
#include "progress.h"

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "kcb/clock.h"

kcb_cancel_flag kcb_interrupted;
static int quiet;

/* Only the atomic store: SA_RESETHAND makes a second signal end the program as usual. */
static void on_signal(int sig)
{
    (void)sig;
    atomic_store(&kcb_interrupted, 1);
}

void kcb_interrupt_catch(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal;
    sa.sa_flags = SA_RESETHAND;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGTERM, &sa, NULL);
}

void kcb_progress_quiet(void)
{
    quiet = 1;
}

void kcb_progress_start(struct kcb_progress *p, const char *cmd, const char *what,
                        const char *unit, double scale)
{
    const char *every = getenv("KCB_PROGRESS_EVERY");
    *p = (struct kcb_progress){cmd, what, unit, scale > 0 ? scale : 1, kcb_clock(), 0,
                               every && atof(every) > 0 ? atof(every) : 15.0, 0, 0, 0};
    p->last = p->t0;
    p->mode = quiet ? 0 : isatty(STDERR_FILENO) ? 1 : 2;
}

/* Writes n with a k or M suffix when large: "950", "12.3k", "4.56M". */
static void count(char *buf, size_t len, double n)
{
    if (n >= 1e6)
        snprintf(buf, len, "%.2fM", n / 1e6);
    else if (n >= 1e4)
        snprintf(buf, len, "%.1fk", n / 1e3);
    else
        snprintf(buf, len, "%.0f", n);
}

void kcb_progress_show(void *arg, size_t done, size_t total)
{
    struct kcb_progress *p = arg;
    double now = kcb_clock();
    p->done = done;
    p->total = total;
    if (!p->mode || total == 0 || now - p->last < (p->mode == 1 ? 0.25 : p->every))
        return;
    p->last = now;
    double d = (double)done * p->scale, t = (double)total * p->scale, el = now - p->t0;
    double rate = el > 0 ? d / el : 0, eta = rate > 0 ? (t - d) / rate : 0;
    char a[32], b[32], r[32];
    count(a, sizeof a, d);
    count(b, sizeof b, t);
    count(r, sizeof r, rate);
    if (p->mode == 2) {
        fprintf(stderr, "kcbench %s: %s: %s of %s %s (%.0f%%), %s %s/s, ETA %d:%02d\n", p->cmd,
                p->what, a, b, p->unit, 100.0 * d / t, r, p->unit, (int)eta / 60,
                (int)eta % 60);
        return;
    }
    int width = 24, fill = (int)((double)width * d / t);
    char bar[32];
    for (int i = 0; i < width; i++)
        bar[i] = i < fill ? '#' : '.';
    bar[width] = '\0';
    fprintf(stderr, "\r%s [%s] %s/%s %s, %s/s, ETA %d:%02d \033[K", p->what, bar, a, b, p->unit,
            r, (int)eta / 60, (int)eta % 60);
    fflush(stderr);
}

void kcb_progress_end(struct kcb_progress *p)
{
    if (p->mode == 1)
        fprintf(stderr, "\r\033[K");
}
