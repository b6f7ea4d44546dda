/* lib/base: a parallel for-loop over items with per-worker state, whose results cannot depend on thread count. */
#ifndef KCB_PARALLEL_H
#define KCB_PARALLEL_H

#include <stdatomic.h>
#include <stddef.h>

/*
 * A flag that stops long work once nonzero. It is set by a signal handler and read by every
 * worker thread, so it is a lock-free atomic (which C11 lets a handler store to), not a
 * volatile sig_atomic_t, which is safe only for the handler's own thread.
 */
typedef atomic_int kcb_cancel_flag;

/* Called on the calling thread now and then with the items done so far. */
typedef void (*kcb_progress_fn)(void *arg, size_t done, size_t total);

/*
 * Items 0..n-1 are handed out one at a time to workers; each item must write only its own
 * results, so the outcome is the same for any number of threads and any schedule.
 */
struct kcb_parallel {
    size_t n;        /* number of items */
    size_t threads;  /* workers; 0 = one per online core */
    void *arg;       /* passed to every callback */
    /* Optional: sets up worker w's state before its first item; 0 or kcb_err. */
    int (*init)(void *arg, size_t w);
    /* Processes item i on worker w; 0 or kcb_err (stops the run). */
    int (*item)(void *arg, size_t w, size_t i);
    /* Optional: tears down worker w's state; called for every worker whose init ran. */
    void (*fini)(void *arg, size_t w);
    /* Optional: called on the calling thread about every 250 ms and once at the end. */
    kcb_progress_fn progress;
    /* Optional: once *cancel is nonzero no new item starts; items under way finish. */
    const kcb_cancel_flag *cancel;
};

/* Returns the number of workers kcb_parallel_run will use for threads (0 = cores). */
size_t kcb_threads(size_t threads);

/*
 * Runs the loop and returns 0, or the error of the lowest-numbered failed item (or failed
 * init), or KCB_ECANCELED when *cancel stopped it before every item was done (the items done
 * are complete; the progress callback's last call says how many). Blocks until every worker
 * has finished.
 */
int kcb_parallel_run(const struct kcb_parallel *p);

#endif
