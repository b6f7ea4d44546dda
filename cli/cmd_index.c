/* kcbench index: save a training set with its compressed sizes once, for fast `classify -m`. */
#include <stdlib.h>

#include "args.h"
#include "dataopts.h"
#include "kcb/err.h"
#include "kcb/model.h"
#include "kcb/sizes.h"
#include "load.h"
#include "output.h"

static const struct kcb_opt opts[] = {
    {'t', "train", "FILE", "labelled training set (tsv, csv, fasttext or a directory)",
     "train.tsv"},
    {'c', "codec", "LIST", "compressors to store sizes for (default gzip:9)", "gzip:9,zstd:3"},
    {'o', "output", "MODEL", "the model file (written atomically)", "m.kcb"},
    KCB_DATAOPTS_ENTRIES, /* how -t TRAIN is read */
    {'j', "threads", "N", "threads (default: all cores)", "2"},
    {0, NULL, NULL, NULL, NULL},
};

struct index_opts {
    const char *train, *output;
    struct kcb_specs specs;
    struct kcb_dataopts data; /* how -t TRAIN is read */
    long threads;
};

static int apply(const struct kcb_cmd *cmd, void *ctx, int key, const char *arg)
{
    struct index_opts *o = ctx;
    switch (key) {
    case 't': o->train = arg; return KCB_EXIT_OK;
    case 'c': return kcb_arg_specs(cmd, key, arg, &o->specs);
    case 'o': o->output = arg; return KCB_EXIT_OK;
    case 'j': return kcb_arg_long(cmd, key, arg, 1, 1024, &o->threads);
    }
    return kcb_dataopts_apply(cmd, &o->data, key, arg);
}

/* Computes C(text) of every training text under every compressor and writes the model. */
static int build(const struct kcb_cmd *cmd, const struct index_opts *o, struct kcb_dataset *d)
{
    size_t n = d->n, ns = o->specs.n;
    size_t *sizes = malloc((n ? n : 1) * ns * sizeof *sizes);
    int rc = sizes ? KCB_OK : KCB_ENOMEM;
    size_t s = 0;
    for (; !rc && s < ns; s++)
        rc = kcb_sizes(&o->specs.v[s], d->text, n, (size_t)o->threads, sizes + s * n);
    if (rc) {
        char name[64];
        rc = kcb_lib_err(cmd->name, rc, "%s",
                         s ? kcb_spec_str(&o->specs.v[s - 1], name, sizeof name) : "index");
    } else if ((rc = kcb_model_write(o->output, &o->specs, d, sizes))) {
        rc = kcb_lib_err(cmd->name, rc, "%s", kcb_output_name(o->output));
    } else {
        kcb_note(cmd->name, "%s: %zu texts, %zu labels, %zu compressor%s", o->output, n,
                 d->labels->n, ns, ns == 1 ? "" : "s");
    }
    free(sizes);
    return rc;
}

static int run(const struct kcb_cmd *cmd, int argc, char **argv)
{
    struct index_opts o = {0};
    struct kcb_dataset *d = NULL;
    int rc = kcb_opt_parse(cmd, argc, argv, apply, &o);
    if (!rc && optind < argc)
        rc = kcb_arg_extra(cmd, argv[optind]);
    if (!rc && (!o.train || !o.output))
        rc = kcb_usage_err(cmd->name, "needs -t TRAIN and -o MODEL");
    if (!rc && !o.specs.n)
        rc = kcb_arg_specs(cmd, 'c', "gzip:9", &o.specs);
    if (!rc)
        rc = kcb_load_dataset(cmd->name, o.train, &o.data, NULL, &d);
    if (!rc)
        rc = build(cmd, &o, d);
    kcb_dataset_free(d);
    kcb_specs_free(&o.specs);
    return rc;
}

const struct kcb_cmd kcb_cmd_index = {
    "index", "save a training set with its compressed sizes for classify -m",
    "-t TRAIN [-c CODECS] -o MODEL [--input-format F] [--columns SPEC] [--header H]\n"
    "                     [--skip-bad] [-j N]",
    "Reads a labelled training set once and saves its texts, labels and compressed sizes\n"
    "C(text) under each compressor to MODEL, so that 'kcbench classify -m MODEL' classifies\n"
    "texts without recompressing the training set. The payload is stored as one zstd frame\n"
    "(on R8 the model is a quarter of its TSV); the file has a magic number, a version (2),\n"
    "flags and a CRC-32 of all of it, and a corrupt, truncated, foreign or other-version file\n"
    "is refused with a clear error (a version 1 model, from an older kcbench: index again).\n",
    opts, NULL, run,
};
