/* kcbench merge: joins the part files of eval --shard into exactly what one eval run writes. */
#include <stdlib.h>
#include <string.h>

#include "args.h"
#include "eval.h"
#include "kcb/err.h"
#include "kcb/io.h"

static const struct kcb_opt opts[] = {
    {'f', "format", "F",
     "table, md, csv, tsv, json (default: the format given to the shards)", "json"},
    {KCB_OPT_LONG + 1, "confusion", NULL,
     "print the confusion matrices too, as eval --confusion does", NULL},
    {KCB_OPT_LONG + 2, "predictions", "F",
     "write each test item's predictions, neighbours and distances to F\n"
     "(JSON lines), the file eval --predictions writes", "pred.jsonl"},
    {'o', "output", "FILE", "write results there (atomically) instead of standard output",
     "out.json"},
    {0, NULL, NULL, NULL, NULL},
};

struct merge_opts {
    const char *output, *predictions;
    enum kcb_format format;
    int format_given, confusion;
};

static int apply(const struct kcb_cmd *cmd, void *ctx, int key, const char *arg)
{
    struct merge_opts *m = ctx;
    switch (key) {
    case 'f': m->format_given = 1; return kcb_arg_format(cmd, key, arg, KCB_FMTS_TABLES, &m->format);
    case 'o': m->output = arg; return KCB_EXIT_OK;
    case KCB_OPT_LONG + 1: m->confusion = 1; return KCB_EXIT_OK;
    case KCB_OPT_LONG + 2: m->predictions = arg; return KCB_EXIT_OK;
    }
    return KCB_EXIT_USAGE;
}

/* Reads every part file named in paths[0..n). */
static int read_parts(const char *c, char **paths, size_t n, struct kcb_part *parts)
{
    for (size_t i = 0; i < n; i++) {
        unsigned char *text;
        size_t len;
        char why[512];
        int rc = kcb_read_file(paths[i], &text, &len);
        if (rc)
            return kcb_lib_err(c, rc, "%s", paths[i]);
        rc = kcb_part_loads((const char *)text, len, &parts[i], why, sizeof why);
        free(text);
        if (rc == KCB_EFORMAT)
            return kcb_io_err(c, "%s: %s", paths[i], why);
        if (rc)
            return kcb_lib_err(c, rc, "%s", paths[i]);
    }
    return KCB_EXIT_OK;
}

/* The one-line error for parts that do not merge, naming the file at fault. */
static int refuse(const char *c, char **paths, size_t n, const struct kcb_part *parts,
                  const struct kcb_merge_diag *d)
{
    const struct kcb_part *p = &parts[d->part], *o = &parts[d->other];
    switch (d->problem) {
    case KCB_MERGE_FOREIGN:
        return kcb_io_err(c, "%s: not a part of the same run as %s (another fingerprint: "
                          "other data, options or build)", paths[d->part], paths[d->other]);
    case KCB_MERGE_NSHARDS:
        return kcb_io_err(c, "%s: shard %zu/%zu, but %s is shard %zu/%zu", paths[d->part],
                          p->shard.i, p->shard.n, paths[d->other], o->shard.i, o->shard.n);
    case KCB_MERGE_DUPLICATE:
        return kcb_io_err(c, "%s: shard %zu/%zu again (%s is that shard too)", paths[d->part],
                          p->shard.i, p->shard.n, paths[d->other]);
    case KCB_MERGE_MISSING:
        return kcb_io_err(c, "shard %zu/%zu is missing: none of the %zu part%s given is that "
                          "shard", d->shard, parts[0].shard.n, n, n == 1 ? "" : "s");
    default:
        return kcb_fail(c, "the parts do not merge");
    }
}

/* eval's options from the parts' command, checked against their fingerprint, with merge's
 * own options on top. */
static int eval_options(const char *c, const char *path, const struct kcb_part *whole,
                        const struct merge_opts *m, struct kcb_eval_opts *o)
{
    char fp[KCB_SHA256_HEX];
    if (kcb_eval_parse((int)whole->argc, whole->argv, o))
        return kcb_io_err(c, "%s: its eval command is refused here (above)", path);
    if (kcb_eval_fingerprint(o, whole->train_digest, whole->test_digest, fp))
        return kcb_fail(c, "out of memory");
    if (strcmp(fp, whole->fingerprint) || o->specs.n != whole->nspecs ||
        o->ks[o->nk - 1] != whole->k)
        return kcb_io_err(c, "%s: its fingerprint does not match its command here (another "
                          "kcbench version, or other codec libraries?)", path);
    o->output = m->output;
    o->predictions = m->predictions;
    o->format = m->format_given ? m->format : o->format;
    o->confusion |= m->confusion;
    if (o->confusion && o->format != KCB_FMT_TABLE && o->format != KCB_FMT_MD &&
        o->format != KCB_FMT_JSON)
        return kcb_usage_err(c, "--confusion needs --format table, md or json");
    return KCB_EXIT_OK;
}

static int run(const struct kcb_cmd *cmd, int argc, char **argv)
{
    struct merge_opts m = {.output = "-"};
    struct kcb_eval_opts o = {0};
    struct kcb_part *parts = NULL, whole = {0};
    struct kcb_merge_diag diag;
    const char *c = cmd->name;
    int rc = kcb_opt_parse(cmd, argc, argv, apply, &m);
    char **paths = argv + optind;
    size_t n = rc || optind >= argc ? 0 : (size_t)(argc - optind);
    if (!rc && !n)
        rc = kcb_usage_err(c, "needs the part files (kcbench eval --shard I/N -o PART)");
    if (!rc && !(parts = calloc(n, sizeof *parts)))
        rc = kcb_fail(c, "out of memory");
    if (!rc)
        rc = read_parts(c, paths, n, parts);
    int lib = rc ? KCB_OK : kcb_parts_merge(parts, n, &whole, &diag);
    if (lib == KCB_EFORMAT)
        rc = refuse(c, paths, n, parts, &diag);
    else if (lib)
        rc = kcb_lib_err(c, lib, NULL);
    if (!rc)
        rc = eval_options(c, paths[0], &whole, &m, &o);
    if (!rc && o.paper)
        kcb_eval_warn_paper(c, &o);
    if (!rc)
        rc = kcb_eval_finish(c, &o, &whole);
    for (size_t i = 0; parts && i < n; i++)
        kcb_part_free(&parts[i]);
    free(parts);
    kcb_part_free(&whole);
    kcb_eval_opts_free(&o);
    return rc;
}

const struct kcb_cmd kcb_cmd_merge = {
    "merge", "join the part files of eval --shard into eval's output",
    "PART... [-f FORMAT] [--confusion] [--predictions F] [-o FILE]",
    "Reads the part files that kcbench eval --shard I/N -o PART wrote, one per shard, checks\n"
    "that they are shards 1..N of one run (the same fingerprint of options and data), each\n"
    "once, and writes what eval with the same options and without --shard writes: the same\n"
    "bytes, scored by the same code from the neighbours the parts hold.\n",
    opts,
    "A missing, repeated or foreign part is refused with one line naming it (exit 3). The\n"
    "training and test files are not read again: the parts hold what the output needs.\n",
    run,
};
