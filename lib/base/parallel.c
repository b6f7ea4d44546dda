/* A parallel for-loop on pthreads: items taken from an atomic counter, errors kept by lowest item. */
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

#include "kcb/err.h"
#include "kcb/parallel.h"

struct run {
    const struct kcb_parallel *p;
    atomic_size_t next, done;
    atomic_int stop;
    pthread_mutex_t lock;
    int err;          /* guarded by lock */
    size_t err_item;  /* guarded by lock; SIZE_MAX-like sentinel for init errors */
    size_t running;   /* guarded by lock */
    pthread_cond_t finished;
};

struct worker {
    struct run *r;
    size_t w;
};

size_t kcb_threads(size_t threads)
{
    if (threads)
        return threads;
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n > 0 ? (size_t)n : 1;
}

static void record_error(struct run *r, int err, size_t item)
{
    pthread_mutex_lock(&r->lock);
    if (!r->err || item < r->err_item) {
        r->err = err;
        r->err_item = item;
    }
    pthread_mutex_unlock(&r->lock);
    atomic_store(&r->stop, 1);
}

static void *work(void *arg)
{
    struct worker *wk = arg;
    struct run *r = wk->r;
    const struct kcb_parallel *p = r->p;
    int rc = p->init ? p->init(p->arg, wk->w) : 0;
    if (rc)
        record_error(r, rc, 0);
    while (!rc && !atomic_load(&r->stop) && !(p->cancel && *p->cancel)) {
        size_t i = atomic_fetch_add(&r->next, 1);
        if (i >= p->n)
            break;
        rc = p->item(p->arg, wk->w, i);
        if (rc)
            record_error(r, rc, i);
        atomic_fetch_add(&r->done, 1);
    }
    if (p->fini)
        p->fini(p->arg, wk->w);
    pthread_mutex_lock(&r->lock);
    r->running--;
    pthread_cond_signal(&r->finished);
    pthread_mutex_unlock(&r->lock);
    return NULL;
}

/* Waits for the workers, reporting progress every 250 ms when asked to. */
static void wait_all(struct run *r)
{
    const struct kcb_parallel *p = r->p;
    pthread_mutex_lock(&r->lock);
    while (r->running > 0) {
        struct timespec ts;
        clock_gettime(CLOCK_REALTIME, &ts);
        ts.tv_nsec += 250000000L;
        if (ts.tv_nsec >= 1000000000L) {
            ts.tv_sec++;
            ts.tv_nsec -= 1000000000L;
        }
        pthread_cond_timedwait(&r->finished, &r->lock, &ts);
        if (p->progress && r->running > 0) {
            pthread_mutex_unlock(&r->lock);
            p->progress(p->arg, atomic_load(&r->done), p->n);
            pthread_mutex_lock(&r->lock);
        }
    }
    pthread_mutex_unlock(&r->lock);
}

int kcb_parallel_run(const struct kcb_parallel *p)
{
    size_t nt = kcb_threads(p->threads);
    if (nt > p->n && p->n > 0)
        nt = p->n;
    struct run r = {.p = p};
    atomic_init(&r.next, 0);
    atomic_init(&r.done, 0);
    atomic_init(&r.stop, 0);
    pthread_mutex_init(&r.lock, NULL);
    pthread_cond_init(&r.finished, NULL);
    struct worker *wk = calloc(nt, sizeof *wk);
    pthread_t *tid = calloc(nt, sizeof *tid);
    int rc = KCB_OK;
    if (!wk || !tid) {
        rc = KCB_ENOMEM;
        goto out;
    }
    size_t started = 0;
    for (; started < nt; started++) {
        wk[started] = (struct worker){&r, started};
        pthread_mutex_lock(&r.lock);
        r.running++;
        pthread_mutex_unlock(&r.lock);
        if (pthread_create(&tid[started], NULL, work, &wk[started])) {
            pthread_mutex_lock(&r.lock);
            r.running--;
            pthread_mutex_unlock(&r.lock);
            if (started == 0)
                rc = KCB_ENOMEM;
            break;
        }
    }
    wait_all(&r);
    for (size_t i = 0; i < started; i++)
        pthread_join(tid[i], NULL);
    if (p->progress)
        p->progress(p->arg, atomic_load(&r.done), p->n);
    if (!rc)
        rc = r.err;
    if (!rc && atomic_load(&r.done) < p->n)
        rc = KCB_ECANCELED; /* only a cancel leaves items undone without an error */
out:
    free(wk);
    free(tid);
    pthread_mutex_destroy(&r.lock);
    pthread_cond_destroy(&r.finished);
    return rc;
}
