/* kcbench index: save a training set with its compressed sizes once, for fast `classify -m`. */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "data.h"
#include "kcb/err.h"
#include "kcb/knn.h"
#include "kcb/model.h"

struct index_opts {
    const char *train, *output, *codecs;
    enum kcb_informat informat;
    int skip_bad;
    long threads;
};

static int parse(int argc, char **argv, struct index_opts *o)
{
    static const struct option opts[] = {
        {"train", required_argument, 0, 't'},        {"codec", required_argument, 0, 'c'},
        {"output", required_argument, 0, 'o'},       {"skip-bad", no_argument, 0, 'b'},
        {"input-format", required_argument, 0, 'I'}, {"help", no_argument, 0, 'h'},
        {0, 0, 0, 0}};
    int c, rc = 0;
    optind = 1;
    while (!rc && (c = getopt_long(argc, argv, "t:c:o:j:h", opts, NULL)) != -1) {
        switch (c) {
        case 't': o->train = optarg; break;
        case 'c': o->codecs = optarg; break;
        case 'o': o->output = optarg; break;
        case 'b': o->skip_bad = 1; break;
        case 'I': rc = kcb_cmd_informat("index", optarg, &o->informat); break;
        case 'j': rc = kcb_cmd_long("index", "-j", optarg, 1, 1024, &o->threads); break;
        case 'h': kcb_cmd_help(kcb_cmd_find("index"), stdout); return -1;
        default: return kcb_bad_option("index", argc, argv);
        }
    }
    if (rc)
        return rc;
    if (optind < argc)
        return kcb_usage_err("index", "unexpected argument '%s'", argv[optind]);
    if (!o->train || !o->output)
        return kcb_usage_err("index", "needs -t TRAIN and -o MODEL");
    return KCB_EXIT_OK;
}

/* Computes C(text) for every spec into m->sizes. */
static int fill_sizes(struct kcb_model *m, size_t threads)
{
    for (size_t s = 0; s < m->specs.n; s++) {
        int rc = kcb_sizes(&m->specs.v[s], m->text, m->n, threads, m->sizes + s * m->n);
        if (rc) {
            char name[64];
            return kcb_fail("index", "%s: %s", kcb_spec_str(&m->specs.v[s], name, sizeof name),
                            kcb_strerror(rc));
        }
    }
    return KCB_EXIT_OK;
}

static int build(const struct index_opts *o, struct kcb_dataset *d, struct kcb_specs *specs)
{
    struct kcb_model m = {.specs = *specs, .nlabels = d->labels->n, .labels = d->labels->name,
                          .n = d->n, .text = d->text, .label = d->label};
    m.sizes = malloc((d->n ? d->n : 1) * specs->n * sizeof *m.sizes);
    if (!m.sizes)
        return kcb_fail("index", "out of memory");
    int rc = fill_sizes(&m, (size_t)o->threads);
    if (!rc && kcb_model_write(o->output, &m))
        rc = kcb_io_err("index", "%s: %s", o->output, strerror(errno));
    if (!rc)
        fprintf(stderr, "kcbench index: %s: %zu texts, %zu labels, %zu compressor%s\n",
                o->output, d->n, d->labels->n, specs->n, specs->n == 1 ? "" : "s");
    free(m.sizes);
    return rc;
}

static int run(int argc, char **argv)
{
    struct index_opts o = {.codecs = "gzip:9"};
    struct kcb_specs specs = {0};
    struct kcb_dataset *d = NULL;
    int rc = parse(argc, argv, &o);
    if (!rc)
        rc = kcb_cmd_specs("index", o.codecs, &specs);
    if (!rc)
        rc = kcb_cmd_load("index", o.train, o.informat, o.skip_bad, NULL, &d);
    if (!rc)
        rc = build(&o, d, &specs);
    kcb_dataset_free(d);
    kcb_specs_free(&specs);
    return rc < 0 ? KCB_EXIT_OK : rc;
}

const struct kcb_cmd kcb_cmd_index = {
    "index", run, "save a training set with its compressed sizes for classify -m",
    "usage: kcbench index -t TRAIN [-c CODECS] -o MODEL [--input-format F] [--skip-bad] [-j N]\n\n"
    "Reads a labelled training set once and saves its texts, labels and compressed sizes\n"
    "C(text) under each compressor to MODEL, so that 'kcbench classify -m MODEL' classifies a\n"
    "line without recompressing the training set. The file has a magic number, a version and\n"
    "a CRC-32; a corrupt, truncated or foreign file is refused with a clear error.\n\n"
    "  -t, --train FILE      labelled training set (tsv, csv, fasttext or a directory)\n"
    "  -c, --codec LIST      compressors to store sizes for (default gzip:9)\n"
    "  -o, --output MODEL    the model file (written atomically)\n"
    "      --input-format F  tsv, csv, fasttext or dir (default: from the extension)\n"
    "      --skip-bad        skip malformed rows (counted in a warning)\n"
    "  -j N                  threads (default: all cores)\n",
};
