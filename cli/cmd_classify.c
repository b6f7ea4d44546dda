/* kcbench classify: label texts by their nearest training texts under NCD (from a set or a model). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "args.h"
#include "kcb/err.h"
#include "kcb/io.h"
#include "kcb/model.h"
#include "kcb/rules.h"
#include "kcb/sizes.h"
#include "kcb/text.h"
#include "load.h"

static const struct kcb_opt opts[] = {
    {'t', "train", "FILE", "labelled training set (tsv, csv, fasttext or a directory)",
     "train.tsv"},
    {'m', "model", "MODEL", "a model saved by 'kcbench index' (no recompression of training)",
     "m.kcb"},
    {'c', "codec", "NAME[:L]", "one compressor (default gzip:9; with -m, the model's first)",
     "zstd:3"},
    {'k', "k", "K", "neighbours (default 1)", "3"},
    {KCB_OPT_LONG + 1, "sep", "STR",
     "inserted between the text and each training text (default none)", " "},
    {KCB_OPT_LONG + 2, "explain", NULL,
     "also print the nearest training texts, labels and distances", NULL},
    {KCB_OPT_LONG + 3, "input-format", "F", "tsv, csv, fasttext or dir (default: from the "
     "extension)", "tsv"},
    {KCB_OPT_LONG + 4, "skip-bad", NULL, "skip malformed training rows (counted in a warning)",
     NULL},
    {'j', "threads", "N", "threads (default: all cores)", "2"},
    {0, NULL, NULL, NULL, NULL},
};

struct classify_opts {
    const char *train, *model, *codec, *sep;
    long k, threads;
    int explain, skip_bad;
    enum kcb_informat informat;
};

static int apply(const struct kcb_cmd *cmd, void *ctx, int key, const char *arg)
{
    struct classify_opts *o = ctx;
    struct kcb_spec check;
    switch (key) {
    case 't': o->train = arg; return KCB_EXIT_OK;
    case 'm': o->model = arg; return KCB_EXIT_OK;
    case 'c': o->codec = arg; return kcb_arg_spec(cmd, key, arg, &check);
    case 'k': return kcb_arg_long(cmd, key, arg, 1, 1024, &o->k);
    case 'j': return kcb_arg_long(cmd, key, arg, 1, 1024, &o->threads);
    case KCB_OPT_LONG + 1: o->sep = arg; return KCB_EXIT_OK;
    case KCB_OPT_LONG + 2: o->explain = 1; return KCB_EXIT_OK;
    case KCB_OPT_LONG + 3: return kcb_arg_informat(cmd, key, arg, &o->informat);
    case KCB_OPT_LONG + 4: o->skip_bad = 1; return KCB_EXIT_OK;
    }
    return KCB_EXIT_USAGE;
}

/* The training side: texts and labels, the compressor, and C(text) under it. */
struct training {
    struct kcb_model *model;  /* owned, when -m */
    struct kcb_dataset *set;  /* owned, when -t */
    const struct kcb_dataset *d;
    struct kcb_spec spec;
    const size_t *sizes;
    size_t *own_sizes;
};

static int from_model(const struct kcb_cmd *cmd, const struct classify_opts *o,
                      struct training *t)
{
    char why[256] = "", name[64];
    int rc = kcb_model_read(o->model, &t->model, why, sizeof why);
    if (rc == KCB_EIO || rc == KCB_ENOMEM)
        return kcb_lib_err(cmd->name, rc, "%s", o->model);
    if (rc)
        return kcb_io_err(cmd->name, "%s: %s", o->model, why[0] ? why : kcb_strerror(rc));
    t->d = t->model->data;
    t->spec = t->model->specs.v[0];
    if (o->codec && (rc = kcb_arg_spec(cmd, 'c', o->codec, &t->spec)))
        return rc;
    int s = kcb_model_spec(t->model, &t->spec);
    if (s < 0)
        return kcb_usage_err(cmd->name, "%s: the model has no sizes for %s (index it with -c)",
                             o->model, kcb_spec_str(&t->spec, name, sizeof name));
    t->sizes = t->model->sizes + (size_t)s * t->d->n;
    return KCB_EXIT_OK;
}

static int from_set(const struct kcb_cmd *cmd, const struct classify_opts *o, struct training *t)
{
    int rc = kcb_arg_spec(cmd, 'c', o->codec ? o->codec : "gzip:9", &t->spec);
    if (!rc)
        rc = kcb_load_dataset(cmd->name, o->train, o->informat, o->skip_bad, NULL, &t->set);
    if (rc)
        return rc;
    t->d = t->set;
    t->own_sizes = malloc((t->d->n ? t->d->n : 1) * sizeof *t->own_sizes);
    rc = t->own_sizes ? kcb_sizes(&t->spec, t->d->text, t->d->n, (size_t)o->threads,
                                  t->own_sizes)
                      : KCB_ENOMEM;
    t->sizes = t->own_sizes;
    return rc ? kcb_lib_err(cmd->name, rc, NULL) : KCB_EXIT_OK;
}

/* Texts from the command line, or one per line from standard input. */
struct queries {
    struct kcb_blob *x;
    size_t n;
    unsigned char *buf; /* standard input, owned */
};

static int read_queries(const struct kcb_cmd *cmd, char **args, size_t nargs, struct queries *q)
{
    if (nargs) {
        q->x = calloc(nargs, sizeof *q->x);
        if (!q->x)
            return kcb_fail(cmd->name, "out of memory");
        for (size_t i = 0; i < nargs; i++)
            q->x[i] = (struct kcb_blob){(const unsigned char *)args[i], strlen(args[i])};
        q->n = nargs;
        return KCB_EXIT_OK;
    }
    size_t len, lines = 0;
    int rc = kcb_read_file("-", &q->buf, &len);
    if (rc)
        return kcb_lib_err(cmd->name, rc, "standard input");
    for (size_t i = 0; i < len; i++)
        lines += q->buf[i] == '\n';
    if (!(q->x = calloc(lines + 1, sizeof *q->x)))
        return kcb_fail(cmd->name, "out of memory");
    for (size_t start = 0; start < len;) {
        unsigned char *nl = memchr(q->buf + start, '\n', len - start);
        size_t end = nl ? (size_t)(nl - q->buf) : len, n = end - start;
        if (n && q->buf[start + n - 1] == '\r')
            n--;
        q->x[q->n++] = (struct kcb_blob){q->buf + start, n};
        start = end + 1;
    }
    return KCB_EXIT_OK;
}

/* Prints the first ~70 bytes of a text on one line: control characters become spaces and
 * the cut falls on a UTF-8 character boundary. */
static void preview(const struct kcb_blob *y)
{
    size_t i = 0;
    while (i < y->n && i < 70) {
        size_t len = kcb_utf8_len(y->p + i, y->n - i);
        if (len == 0 || y->p[i] < 0x20 || y->p[i] == 0x7F) {
            putchar(len == 0 ? '?' : ' ');
            i++;
        } else {
            fwrite(y->p + i, 1, len, stdout);
            i += len;
        }
    }
    fputs(i < y->n ? "...\n" : "\n", stdout);
}

static void explain(const struct training *t, const struct kcb_nb *nb, size_t k)
{
    for (size_t j = 0; j < k && nb[j].idx != UINT32_MAX; j++) {
        printf("  %zu. %.6f  %-12s #%u  ", j + 1, nb[j].d,
               t->d->labels->name[t->d->label[nb[j].idx]], nb[j].idx + 1);
        preview(&t->d->text[nb[j].idx]);
    }
}

static int classify(const struct kcb_cmd *cmd, const struct classify_opts *o,
                    const struct training *t, const struct queries *q)
{
    size_t k = (size_t)o->k, n = q->n, kk = k < t->d->n ? k : t->d->n;
    size_t *cq = malloc((n ? n : 1) * sizeof *cq);
    struct kcb_nb *nb = malloc((n ? n : 1) * k * sizeof *nb);
    int rc = !cq || !nb ? KCB_ENOMEM : KCB_OK;
    if (!rc)
        rc = kcb_sizes(&t->spec, q->x, n, (size_t)o->threads, cq);
    struct kcb_knn_job job = {&t->spec, KCB_DIST_NCD, t->d->text, t->sizes, t->d->n, q->x, cq,
                              n, o->sep, strlen(o->sep), k, (size_t)o->threads, NULL, NULL,
                              NULL};
    if (!rc && n)
        rc = kcb_knn_search(&job, nb);
    for (size_t i = 0; !rc && i < n; i++) {
        struct kcb_vote v;
        kcb_knn_decide(KCB_RULE_VOTE, nb + i * k, kk, t->d->label, -1, &v);
        printf("%s\n", t->d->labels->name[v.label]);
        if (o->explain)
            explain(t, nb + i * k, kk);
    }
    free(cq);
    free(nb);
    return rc ? kcb_lib_err(cmd->name, rc, NULL) : KCB_EXIT_OK;
}

static int run(const struct kcb_cmd *cmd, int argc, char **argv)
{
    struct classify_opts o = {.sep = "", .k = 1};
    struct training t = {0};
    struct queries q = {0};
    int rc = kcb_opt_parse(cmd, argc, argv, apply, &o);
    if (!rc && !o.train == !o.model)
        rc = kcb_usage_err(cmd->name, "needs exactly one of -t TRAIN or -m MODEL");
    if (!rc)
        rc = o.model ? from_model(cmd, &o, &t) : from_set(cmd, &o, &t);
    if (!rc && t.d->n == 0)
        rc = kcb_io_err(cmd->name, "%s: no training texts", o.model ? o.model : o.train);
    if (!rc)
        rc = read_queries(cmd, argv + optind, (size_t)(argc - optind), &q);
    if (!rc)
        rc = classify(cmd, &o, &t, &q);
    kcb_model_free(t.model);
    kcb_dataset_free(t.set);
    free(t.own_sizes);
    free(q.x);
    free(q.buf);
    return rc;
}

const struct kcb_cmd kcb_cmd_classify = {
    "classify", "label texts by their nearest training texts under NCD",
    "(-t TRAIN | -m MODEL) [-c CODEC] [-k K] [--sep STR] [--explain]\n"
    "                        [TEXT...]",
    "Prints the predicted label of each TEXT, one per line; with no TEXT, classifies each\n"
    "line of standard input. The label is the majority of the K nearest training texts under\n"
    "NCD (test text first), a tie between labels broken by shrinking K until one wins.\n",
    opts, NULL, run,
};
