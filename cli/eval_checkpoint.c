/* eval --checkpoint: the run's identity, a foreign checkpoint refused by name, batches of items saved as they finish. */
#include <errno.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "eval_checkpoint.h"
#include "kcb/clock.h"
#include "kcb/err.h"
#include "man.h"

/* Seconds of work between two syncs of the file, unless $KCB_CHECKPOINT_EVERY says. */
#define CKPT_EVERY 2.0

/* ---- the identity of a run ---- */

/*
 * What the results in a checkpoint depend on, as one line of JSON (keys sorted; caller frees):
 * kcbench's version, the options that shape eval's results (those of the fingerprint but -f
 * and --confusion, which only shape how they are written), the digests of the sets as read,
 * and the shard. NULL when out of memory.
 */
static char *identity(const struct kcb_eval_opts *o, const char *train_digest,
                      const char *test_digest, struct kcb_shard sh)
{
    char *text = kcb_eval_options_text(o), shard[48];
    json_t *opts = text ? json_loads(text, 0, NULL) : NULL;
    free(text);
    if (!opts)
        return NULL;
    json_object_del(opts, "format");
    json_object_del(opts, "confusion");
    snprintf(shard, sizeof shard, "%zu/%zu", sh.i, sh.n);
    json_t *all = json_pack("{s:s,s:o,s:s,s:s,s:s}", "kcbench", kcb_version(), "options", opts,
                            "train_sha256", train_digest, "test_sha256", test_digest, "shard",
                            shard);
    text = all ? json_dumps(all, JSON_COMPACT | JSON_SORT_KEYS) : NULL;
    json_decref(all);
    return text;
}

/* How the user names the option behind key of the identity's options. */
static const char *option_name(const char *key)
{
    static const char *const names[][2] = {
        {"name", "--name"}, {"codecs", "-c"}, {"k", "-k"}, {"rules", "--rules"},
        {"sep", "--sep"}, {"distance", "-d"}, {"paper", "--paper"}, {"dedup", "--dedup"},
        {"test_sample", "--test-sample"}, {"seed", "--seed"},
        {"train_per_class", "--train-per-class"}, {"input_format", "--input-format"},
        {"skip_bad", "--skip-bad"}, {"header", "--header"}, {"label_column", "--columns"},
        {"text_columns", "--columns"}, {"allow_unique_labels", "--allow-unique-labels"},
        {"method", "--method or --parts"},
    };
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (!strcmp(key, names[i][0]))
            return names[i][1];
    return key;
}

/* A value of the identity as the user would write it, cut to fit buf: the compressors as
 * NAME:LEVEL (library version), the rest as compact JSON; "(none)" when absent. */
static const char *shown(const char *key, const json_t *v, char *buf, size_t len)
{
    buf[0] = '\0';
    if (!v)
        return !strcmp(key, "method") ? "exact" : "(none)";
    if (!strcmp(key, "sep") && json_is_string(v)) { /* hex: show the bytes, escaped */
        const char *h = json_string_value(v);
        snprintf(buf, len, "'");
        for (size_t i = 0; h[i] && h[i + 1] && strlen(buf) + 6 < len; i += 2) {
            unsigned b = (unsigned)strtoul((char[3]){h[i], h[i + 1], 0}, NULL, 16);
            snprintf(buf + strlen(buf), len - strlen(buf), b >= 32 && b < 127 && b != '\\' &&
                     b != '\'' ? "%c" : "\\x%02x", b);
        }
        snprintf(buf + strlen(buf), len - strlen(buf), "'");
        return buf;
    }
    if (!strcmp(key, "codecs") && json_is_array(v)) {
        size_t i;
        json_t *c;
        json_array_foreach(v, i, c)
            snprintf(buf + strlen(buf), len - strlen(buf), "%s%s (%s %s)", i ? "," : "",
                     json_string_value(json_array_get(c, 0)),
                     json_string_value(json_array_get(c, 1)),
                     json_string_value(json_array_get(c, 2)));
        return buf;
    }
    char *t = json_dumps(v, JSON_COMPACT | JSON_ENCODE_ANY);
    snprintf(buf, len, "%s", t ? t : "?");
    if (t && strlen(t) >= len && len > 4)
        memcpy(buf + len - 4, "...", 4);
    free(t);
    return buf;
}

/* The first key whose value differs between objects a and b, or NULL; the keys of first
 * (NULL-terminated) are looked at first, in its order, and key last last. */
static const char *first_difference(json_t *a, json_t *b, const char *const *first,
                                    const char *last)
{
    const char *key;
    json_t *v;
    for (size_t i = 0; first[i]; i++)
        if (!json_equal(json_object_get(a, first[i]), json_object_get(b, first[i])) &&
            (json_object_get(a, first[i]) || json_object_get(b, first[i])))
            return first[i];
    json_object_foreach(a, key, v)
        if (strcmp(key, last) && !json_equal(v, json_object_get(b, key)))
            return key;
    json_object_foreach(b, key, v)
        if (strcmp(key, last) && !json_object_get(a, key))
            return key;
    v = json_object_get(a, last);
    return (v || json_object_get(b, last)) && (!v || !json_equal(v, json_object_get(b, last)))
               ? last : NULL;
}

/* Writes what differs between the checkpoint's identity (theirs) and the run's (ours). */
static void difference(const char *theirs, const char *ours, char *buf, size_t len)
{
    json_t *a = json_loads(theirs, 0, NULL), *b = json_loads(ours, 0, NULL);
    static const char *const data[] = {"kcbench", "train_sha256", "test_sha256", "shard", NULL};
    static const char *const none[] = {NULL};
    const char *key = a && b ? first_difference(a, b, data, "options") : NULL;
    char x[96], y[96];
    if (!a || !b || !key) {
        snprintf(buf, len, "its options and data are not this run's");
    } else if (!strcmp(key, "options")) {
        json_t *oa = json_object_get(a, key), *ob = json_object_get(b, key);
        /* the name last: by default the training file's folder, which moves with the data */
        const char *k = json_is_object(oa) && json_is_object(ob)
                            ? first_difference(oa, ob, none, "name") : NULL;
        if (!k)
            snprintf(buf, len, "its options are not this run's");
        else
            snprintf(buf, len, "%s differs (checkpoint: %s; this run: %s)", option_name(k),
                     shown(k, json_object_get(oa, k), x, sizeof x),
                     shown(k, json_object_get(ob, k), y, sizeof y));
    } else if (!strcmp(key, "train_sha256") || !strcmp(key, "test_sha256")) {
        snprintf(buf, len, "the %s is not the one it was made from (another SHA-256)",
                 key[1] == 'r' ? "training set (-t)" : "test set (-T)");
    } else {
        snprintf(buf, len, "%s differs (checkpoint: %s; this run: %s)",
                 !strcmp(key, "shard") ? "--shard" : !strcmp(key, "kcbench") ? "kcbench's version"
                                                                             : key,
                 shown(key, json_object_get(a, key), x, sizeof x),
                 shown(key, json_object_get(b, key), y, sizeof y));
    }
    json_decref(a);
    json_decref(b);
}

/* ---- opening ---- */

/* Prints why lib's kcb_ckpt_open failed: an exit status. */
static int open_failed(const char *cmd, const char *path, int lib, const struct kcb_ckpt_found *f,
                       const char *ours, const char *why)
{
    char what[512];
    if (lib == KCB_EFORMAT && f->ident) {
        difference(f->ident, ours, what, sizeof what);
        return kcb_io_err(cmd, "--checkpoint %s is of another run: %s; give another file, or "
                          "remove it to start afresh", path, what);
    }
    if (lib == KCB_EFORMAT)
        return kcb_io_err(cmd, "--checkpoint %s: %s; give another file, or remove it to start "
                          "afresh", path, why);
    if (lib == KCB_EINVAL)
        return kcb_io_err(cmd, "--checkpoint %s: %s", path, why);
    return kcb_lib_err(cmd, lib, "--checkpoint %s", path);
}

/* Counts the results the run needs and those restored; notes what was restored. */
static void count(struct kcb_eval_ckpt *ck, const struct kcb_part *p,
                  const struct kcb_ckpt_found *f)
{
    for (size_t i = 0; i < p->ntest; i++)
        ck->items += p->have[i];
    ck->need = ck->items * p->nspecs;
    for (size_t j = 0; j < p->nspecs * p->ntest; j++)
        ck->saved += ck->done[j];
    if (f->torn)
        kcb_note(ck->cmd, "--checkpoint %s: dropped %zu line%s cut short or damaged at its end "
                 "(a write the run did not finish); those results are computed again", ck->path,
                 f->torn, f->torn > 1 ? "s" : "");
    if (!f->created)
        kcb_note(ck->cmd, "resuming from %s: %zu of %zu results (one per test text and "
                 "compressor) are there; computing the other %zu", ck->path, ck->saved, ck->need,
                 ck->need - ck->saved);
}

int kcb_eval_ckpt_open(const char *cmd, const struct kcb_eval_opts *o, const char *train_digest,
                       const char *test_digest, struct kcb_part *p, struct kcb_eval_ckpt *ck)
{
    const char *path = o->checkpoint, *every = getenv("KCB_CHECKPOINT_EVERY");
    if (!strcmp(path, "-") || !strcmp(path, o->output) ||
        (o->predictions && !strcmp(path, o->predictions)))
        return kcb_usage_err(cmd, "--checkpoint %s: give it a file of its own (not -, nor the "
                             "file of -o or --predictions)", path);
    char *ours = identity(o, train_digest, test_digest, p->shard), why[256] = "";
    *ck = (struct kcb_eval_ckpt){cmd, path, NULL, calloc(p->nspecs * p->ntest + 1, 1), p->ntest,
                                 0, 0, 0, every && atof(every) > 0 ? atof(every) : CKPT_EVERY,
                                 0, 0};
    if (!ours || !ck->done) {
        free(ours);
        return kcb_fail(cmd, "out of memory");
    }
    struct kcb_ckpt_found f;
    int lib = kcb_ckpt_open(path, ours, p, ck->done, &ck->file, &f, why, sizeof why);
    int rc = lib ? open_failed(cmd, path, lib, &f, ours, why) : KCB_EXIT_OK;
    if (!rc)
        count(ck, p, &f);
    free(f.ident);
    free(ours);
    return rc;
}

int kcb_eval_ckpt_has(const struct kcb_eval_ckpt *ck, size_t s, size_t i)
{
    return ck->file && ck->done[s * ck->ntest + i];
}

/* ---- batches ---- */

/* Progress of one batch, told as that of the compressor's items: base done before it. */
struct batch_progress {
    kcb_progress_fn show;
    void *arg;
    size_t base, total;
};

static void batch_show(void *arg, size_t done, size_t total)
{
    struct batch_progress *b = arg;
    (void)total;
    if (b->show)
        b->show(b->arg, b->base + done, b->total);
}

/* The size of the next batch: about every seconds at the pace of the last one (size items
 * in took seconds), at most 4 times as many, a multiple of threads. */
static size_t next_size(size_t size, double took, double every, size_t threads)
{
    double want = took > 0 ? (double)size * every / took : 4.0 * (double)size;
    if (want > 4.0 * (double)size)
        want = 4.0 * (double)size;
    size_t n = (size_t)want / threads * threads;
    return n > threads ? n : threads;
}

/* Saves the results of items at[0..n) of compressor s, nb[j * k] each, and syncs. */
static int save(struct kcb_eval_ckpt *ck, size_t s, const size_t *at, size_t n,
                const struct kcb_nb *nb, size_t k)
{
    int rc = KCB_OK;
    for (size_t j = 0; !rc && j < n; j++)
        rc = kcb_ckpt_add(ck->file, s, at[j], nb + j * k);
    if (!rc && (rc = kcb_ckpt_sync(ck->file)) == KCB_EIO) {
        ck->failed = 1;
        ck->err = errno;
    }
    if (!rc)
        ck->saved += n;
    return rc;
}

int kcb_eval_ckpt_search(struct kcb_eval_ckpt *ck, const struct kcb_eval_opts *o,
                         const struct kcb_knn_job *job, const int *label, size_t nlabels,
                         size_t s, const size_t *at, struct kcb_nb *nb)
{
    if (!ck->file)
        return kcb_eval_search(o, job, label, nlabels, nb);
    size_t threads = kcb_threads(job->threads), size = threads, k = job->k;
    struct kcb_knn_job b = *job;
    struct batch_progress bp = {job->progress, job->progress_arg, 0, ck->items};
    b.progress = batch_show;
    b.progress_arg = &bp;
    int rc = KCB_OK;
    for (size_t off = 0; !rc && off < job->ntest; off += b.ntest) {
        if (job->cancel && *job->cancel)
            return KCB_ECANCELED;
        b.ntest = size < job->ntest - off ? size : job->ntest - off;
        b.test = job->test + off;
        b.ctest = job->ctest + off;
        bp.base = ck->items - job->ntest + off;
        double t0 = kcb_clock();
        rc = kcb_eval_search(o, &b, label, nlabels, nb + off * k);
        if (!rc)
            rc = save(ck, s, at + off, b.ntest, nb + off * k, k);
        size = next_size(b.ntest, kcb_clock() - t0, ck->every, threads);
    }
    return rc;
}

/* ---- messages and the end ---- */

int kcb_eval_ckpt_err(const struct kcb_eval_ckpt *ck, int rc, const char *what)
{
    if (!ck->failed)
        return kcb_lib_err(ck->cmd, rc, "%s", what);
    errno = ck->err;
    return kcb_lib_err(ck->cmd, KCB_EIO, "--checkpoint %s (it keeps the %zu results saved "
                       "before)", ck->path, ck->saved);
}

const char *kcb_eval_ckpt_status(const struct kcb_eval_ckpt *ck, char *buf, size_t len)
{
    if (!ck->file)
        return "";
    snprintf(buf, len, "; %s holds %zu of %zu results (one per test text and compressor): "
             "the same command resumes from them", ck->path, ck->saved, ck->need);
    return buf;
}

int kcb_eval_ckpt_end(struct kcb_eval_ckpt *ck, int rc)
{
    int removed = ck->file && !rc;
    if (kcb_ckpt_close(ck->file, removed) && removed)
        kcb_warn(ck->cmd, "--checkpoint %s: the run is complete, but removing it failed: %s",
                 ck->path, strerror(errno));
    free(ck->done);
    *ck = (struct kcb_eval_ckpt){0};
    return rc;
}
