/* kcbench bench: an lzbench-style leaderboard (in memory, round-trip verified) plus learning columns. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "args.h"
#include "kcb/curve.h"
#include "kcb/err.h"
#include "kcb/roundtrip.h"
#include "kcb/text.h"
#include "load.h"
#include "output.h"
#include "progress.h"
#include "columns.h"

#define TOTAL ((size_t)-1)

static const char *const sort_names[] = {"name",     "ratio",      "bpb", "compressed",
                                         "compress", "decompress", "ncd", "accuracy"};
enum sort_by { BY_NAME, BY_RATIO, BY_BPB, BY_COMPRESSED, BY_COMPRESS, BY_DECOMPRESS, BY_NCD,
               BY_ACCURACY };

static const struct kcb_opt opts[] = {
    {'c', "codec", "LIST",
     "compressors (default 'all': every codec at its default level);\n"
     "'zstd:1,3,19' several levels, 'xz:all' every level of one codec", "gzip:9,zstd:3"},
    {KCB_OPT_LONG + 1, "min-time", "S", "seconds of timed calls per direction, at least (default 1)",
     "0.01"},
    {KCB_OPT_LONG + 2, "min-runs", "N", "timed calls per direction, at least (default 3)", "1"},
    {KCB_OPT_LONG + 3, "chunk", "SIZE",
     "compress independent chunks of SIZE bytes (64K, 1M), as lzbench -b", "64K"},
    {KCB_OPT_LONG + 4, "learn", NULL,
     "add NCD(x,x) = (C(xx) - C(x)) / C(x) of each file (near 0 for a\n"
     "compressor that sees all of x again; the total row gives the mean):\n"
     "it shows window limits, gzip's 32 KiB and bzip2's blocks", NULL},
    {KCB_OPT_LONG + 5, "classify", "TRAIN,TEST",
     "add the kNN accuracy each compressor reaches on that labelled split\n"
     "(NCD, sep ' ', rule vote, -k K, default 1), as kcbench eval computes\n"
     "it; --test-sample N scores a stratified sample (seed 1)", "train.tsv,test.tsv"},
    {'k', "k", "K", "neighbours for --classify (default 1)", "3"},
    {KCB_OPT_LONG + 6, "test-sample", "N", "score --classify on a stratified sample of N texts",
     "10"},
    {'f', "format", "F", "table (default), md, csv, tsv, json", "json"},
    {KCB_OPT_LONG + 7, "sort", "COLUMN",
     "order rows within each file: name (the -c order, default), ratio,\n"
     "bpb, compressed, compress, decompress (best MB/s), ncd, accuracy", "ratio"},
    {'o', "output", "FILE", "write there (atomically)", "out.md"},
    {0, NULL, NULL, NULL, NULL},
};

struct bench_opts {
    struct kcb_specs specs;
    struct kcb_bench_cfg cfg;
    size_t chunk;
    int learn;
    enum sort_by sort;
    const char *classify, *output;
    long k, test_sample, runs;
    enum kcb_format format;
};

static int apply(const struct kcb_cmd *cmd, void *ctx, int key, const char *arg)
{
    struct bench_opts *o = ctx;
    int i;
    switch (key) {
    case 'c': return kcb_arg_specs(cmd, key, arg, &o->specs);
    case 'k': return kcb_arg_long(cmd, key, arg, 1, 1024, &o->k);
    case 'f': return kcb_arg_format(cmd, key, arg, KCB_FMTS_TABLES, &o->format);
    case 'o': o->output = arg; return KCB_EXIT_OK;
    case KCB_OPT_LONG + 1: return kcb_arg_seconds(cmd, key, arg, &o->cfg.min_seconds);
    case KCB_OPT_LONG + 2: return kcb_arg_long(cmd, key, arg, 1, 1000000, &o->runs);
    case KCB_OPT_LONG + 3: return kcb_arg_size(cmd, key, arg, &o->chunk);
    case KCB_OPT_LONG + 4: o->learn = 1; return KCB_EXIT_OK;
    case KCB_OPT_LONG + 5: o->classify = arg; return KCB_EXIT_OK;
    case KCB_OPT_LONG + 6: return kcb_arg_long(cmd, key, arg, 1, 1L << 40, &o->test_sample);
    case KCB_OPT_LONG + 7:
        if ((i = kcb_name_find(sort_names, sizeof sort_names / sizeof *sort_names, arg)) < 0)
            return kcb_usage_err(cmd->name, "--sort %s: one of name, ratio, bpb, compressed, "
                                 "compress, decompress, ncd, accuracy", arg);
        o->sort = (enum sort_by)i;
        return KCB_EXIT_OK;
    }
    return KCB_EXIT_USAGE;
}

/* One result: a compressor on a file, or its total (file == TOTAL). */
struct result {
    size_t spec, file;
    struct kcb_roundtrip m;
    double ncd_xx, accuracy; /* NaN when not measured */
    int failed;
};

struct bench {
    const struct kcb_cmd *cmd;
    struct bench_opts o;
    struct kcb_inputs files;
    struct result *res;
    size_t nres;
    int failures;
    struct kcb_dataset *train, *test;
    struct kcb_labels *labels;
    char spec_name[64];
};

/* ---- measuring ---- */

static void fail_row(struct bench *b, const struct kcb_spec *s, const struct kcb_input *f, int rc)
{
    char name[64];
    kcb_spec_str(s, name, sizeof name);
    if (rc == KCB_ECORRUPT)
        kcb_fail(b->cmd->name, "%s: %s: round trip failed: the decompressed data differ from "
                 "the input (no numbers reported for it)", f->path, name);
    else
        kcb_fail(b->cmd->name, "%s: %s: %s", f->path, name, kcb_strerror(rc));
    b->failures++;
}

static int run_spec_file(struct bench *b, size_t s, size_t fi)
{
    const struct kcb_spec *spec = &b->o.specs.v[s];
    const struct kcb_input *f = &b->files.v[fi];
    struct result *r = &b->res[b->nres++];
    *r = (struct result){.spec = s, .file = fi, .ncd_xx = (double)NAN, .accuracy = (double)NAN};
    int rc = kcb_roundtrip(spec, &b->o.cfg, f->data, f->n, b->o.chunk, &r->m);
    if (!rc && b->o.learn)
        rc = kcb_ncd_self(spec, f->data, f->n, &r->ncd_xx);
    if (rc == KCB_ENOMEM)
        return kcb_fail(b->cmd->name, "out of memory");
    if (rc) {
        r->failed = 1;
        fail_row(b, spec, f, rc);
    }
    return KCB_EXIT_OK;
}

static void add_timing(struct kcb_timing *t, const struct kcb_timing *r)
{
    t->best += r->best;
    t->median += r->median;
    t->runs += r->runs;
}

static void add_total(struct bench *b, size_t s, size_t first)
{
    struct result *t = &b->res[b->nres++];
    *t = (struct result){.spec = s, .file = TOTAL, .ncd_xx = (double)NAN, .accuracy = (double)NAN};
    double ncd = 0;
    for (size_t i = first; i < first + b->files.n; i++) {
        const struct result *r = &b->res[i];
        t->failed |= r->failed;
        t->m.orig += r->m.orig;
        t->m.comp += r->m.comp;
        add_timing(&t->m.ct, &r->m.ct);
        add_timing(&t->m.dt, &r->m.dt);
        ncd += r->ncd_xx;
    }
    if (b->o.learn)
        t->ncd_xx = ncd / (double)b->files.n; /* the mean over files */
}

static int class_accuracy(struct bench *b, size_t s, double *acc)
{
    struct kcb_knn_setup setup = {&b->o.specs.v[s], KCB_DIST_NCD, " ", 1, (size_t)b->o.k,
                                  KCB_RULE_VOTE, 0};
    int rc = kcb_knn_accuracy(&setup, b->train, NULL, b->test, NULL, acc);
    return rc ? kcb_lib_err(b->cmd->name, rc, "--classify") : KCB_EXIT_OK;
}

static int bench_spec(struct bench *b, size_t s)
{
    char name[64];
    struct kcb_progress pg;
    int rc = KCB_EXIT_OK;
    kcb_progress_start(&pg, b->cmd->name, kcb_spec_str(&b->o.specs.v[s], name, sizeof name),
                       "files", 1);
    size_t first = b->nres;
    for (size_t f = 0; !rc && f < b->files.n; f++) {
        kcb_progress_show(&pg, f, b->files.n);
        rc = run_spec_file(b, s, f);
    }
    kcb_progress_end(&pg);
    if (!rc) {
        add_total(b, s, first);
        if (b->o.classify)
            rc = class_accuracy(b, s, &b->res[b->nres - 1].accuracy);
    }
    return rc;
}

/* ---- sorting within each file's group ---- */

/* What a row is sorted by, oriented so that smaller sorts first. */
static double sort_key(const struct result *r, enum sort_by by)
{
    double mb = (double)r->m.orig / 1e6;
    switch (by) {
    case BY_RATIO: return -(double)r->m.orig / (double)r->m.comp;
    case BY_BPB: return (double)r->m.comp / (double)r->m.orig;
    case BY_COMPRESSED: return (double)r->m.comp;
    case BY_COMPRESS: return -mb / r->m.ct.best;
    case BY_DECOMPRESS: return -mb / r->m.dt.best;
    case BY_NCD: return r->ncd_xx;
    case BY_ACCURACY: return -r->accuracy;
    case BY_NAME: break;
    }
    return (double)r->spec;
}

static enum sort_by sort_by_what;

/* Files in input order, totals last; within a file by the key, rows without one (failed,
 * NaN) last, ties in -c order. A total order, so qsort's result is defined. */
static int cmp_result(const void *pa, const void *pb)
{
    const struct result *a = pa, *b = pb;
    if (a->file != b->file)
        return a->file == TOTAL ? 1 : b->file == TOTAL ? -1 : (a->file > b->file) - (a->file < b->file);
    double x = sort_key(a, sort_by_what), y = sort_key(b, sort_by_what);
    int ax = !a->failed && !isnan(x), bx = !b->failed && !isnan(y);
    if (ax != bx)
        return bx - ax;
    int c = ax ? (x > y) - (x < y) : 0;
    return c ? c : (a->spec > b->spec) - (a->spec < b->spec);
}

/* ---- output ---- */

static double per(double num, double den)
{
    return den > 0 ? num / den : (double)NAN;
}

/* A number, or null for a row whose round trip failed. */
static struct kcb_cell num(const struct result *r, double v)
{
    return r->failed ? kcb_cell_null() : kcb_cell_real(v);
}

static int result_row(void *arg, size_t i, struct kcb_cell *c)
{
    struct bench *b = arg;
    const struct result *r = &b->res[i];
    const struct kcb_spec *s = &b->o.specs.v[r->spec];
    double mb = (double)r->m.orig / 1e6;
    c[BENCH_COMPRESSOR] = kcb_cell_text(kcb_spec_str(s, b->spec_name, sizeof b->spec_name));
    c[BENCH_CODEC] = kcb_cell_text(s->codec->name);
    c[BENCH_LEVEL] = kcb_cell_int(s->level);
    c[BENCH_VERSION] = kcb_cell_text(s->codec->version());
    c[BENCH_FILE] = kcb_cell_text(r->file == TOTAL ? "(total)" : b->files.v[r->file].name);
    c[BENCH_ORIGINAL] = kcb_cell_uint(r->m.orig);
    c[BENCH_COMPRESSED] = r->failed ? kcb_cell_null() : kcb_cell_uint(r->m.comp);
    c[BENCH_RATIO] = num(r, per((double)r->m.orig, (double)r->m.comp));
    c[BENCH_BPB] = num(r, per(8.0 * (double)r->m.comp, (double)r->m.orig));
    c[BENCH_CBEST] = num(r, per(mb, r->m.ct.best));
    c[BENCH_CMEDIAN] = num(r, per(mb, r->m.ct.median));
    c[BENCH_DBEST] = num(r, per(mb, r->m.dt.best));
    c[BENCH_DMEDIAN] = num(r, per(mb, r->m.dt.median));
    c[BENCH_NCD] = num(r, r->ncd_xx);
    c[BENCH_ACCURACY] = num(r, r->accuracy);
    c[BENCH_VERIFIED] = kcb_cell_bool(!r->failed);
    c[BENCH_CRUNS] = r->failed ? kcb_cell_null() : kcb_cell_uint(r->m.ct.runs);
    c[BENCH_DRUNS] = r->failed ? kcb_cell_null() : kcb_cell_uint(r->m.dt.runs);
    return i + 1 < b->nres && b->res[i + 1].file != r->file ? KCB_ROW_GAP : KCB_OK;
}

static int write_all(struct bench *b, FILE *fp)
{
    struct kcb_col cols[BENCH_NCOLS];
    struct kcb_out out;
    memcpy(cols, kcb_bench_cols, sizeof cols);
    /* machine formats always have every column; people see only what they asked for */
    cols[BENCH_NCD].flags |= b->o.learn ? 0 : KCB_COL_MACHINE;
    cols[BENCH_ACCURACY].flags |= b->o.classify ? 0 : KCB_COL_MACHINE;
    sort_by_what = b->o.sort;
    qsort(b->res, b->nres, sizeof *b->res, cmp_result);
    kcb_out_init(&out, fp, b->o.format);
    return kcb_table_write(&out, cols, BENCH_NCOLS, NULL, b->nres, result_row, b);
}

/* ---- the command ---- */

static int prepare(struct bench *b, char **args, size_t n)
{
    const char *c = b->cmd->name;
    int rc = n ? KCB_EXIT_OK : kcb_usage_err(c, "needs at least one FILE or DIR");
    if (!rc && !b->o.specs.n)
        rc = kcb_arg_specs(b->cmd, 'c', "all", &b->o.specs);
    b->o.cfg.min_runs = (unsigned)b->o.runs;
    for (size_t i = 0; !rc && i < n; i++)
        rc = kcb_inputs_path(c, &b->files, args[i]);
    if (!rc && b->files.n == 0)
        rc = kcb_io_err(c, "no files to benchmark");
    if (!rc && b->o.classify)
        rc = kcb_load_split(c, "--classify", b->o.classify, (size_t)b->o.test_sample,
                            &b->labels, &b->train, &b->test);
    b->res = rc ? NULL : calloc(b->o.specs.n * (b->files.n + 1), sizeof *b->res);
    if (!rc && !b->res)
        rc = kcb_fail(c, "out of memory");
    return rc;
}

static int run(const struct kcb_cmd *cmd, int argc, char **argv)
{
    struct bench b = {.cmd = cmd,
                      .o = {.cfg = {1.0, 3, 0}, .output = "-", .format = KCB_FMT_TABLE,
                            .sort = BY_NAME, .k = 1, .runs = 3}};
    kcb_afile *af = NULL;
    FILE *fp;
    int rc = kcb_opt_parse(cmd, argc, argv, apply, &b.o);
    if (!rc)
        rc = kcb_output_open(cmd->name, b.o.output, &af, &fp);
    if (!rc)
        rc = prepare(&b, argv + optind, (size_t)(argc - optind));
    for (size_t s = 0; !rc && s < b.o.specs.n; s++)
        rc = bench_spec(&b, s);
    if (!rc && (rc = write_all(&b, fp)))
        rc = kcb_lib_err(cmd->name, rc, "%s", b.o.output);
    rc = kcb_output_close(cmd->name, b.o.output, af, rc);
    if (!rc && b.failures)
        rc = kcb_fail(cmd->name, "%d round trip%s failed", b.failures, b.failures == 1 ? "" : "s");
    kcb_inputs_free(&b.files);
    free(b.res);
    kcb_dataset_free(b.train);
    kcb_dataset_free(b.test);
    kcb_labels_free(b.labels);
    kcb_specs_free(&b.o.specs);
    return rc;
}

const struct kcb_cmd kcb_cmd_bench = {
    "bench", "compressor leaderboard: ratio and speed, round-trip verified, and learning",
    "[-c CODECS] [--min-time S] [--min-runs N] [--chunk SIZE] [--learn]\n"
    "                     [--classify TRAIN,TEST] [--format F] [--sort COLUMN] FILE|DIR...",
    "Ranks compressors on files in the manner of lzbench: each file is held in memory and its\n"
    "buffers touched before timing; each compressor compresses and decompresses it repeatedly\n"
    "(after one untimed warm-up call) until both --min-time and --min-runs are reached, on a\n"
    "monotonic clock; the fastest and the median call are reported. Every result is round-trip\n"
    "verified: a mismatch is an error for that compressor (exit status 1), never a number.\n"
    "A DIR stands for its regular files in name order. There is a row per file and compressor\n"
    "and a total row per compressor (sizes and times summed over files).\n",
    opts,
    "Columns: ratio = original/compressed; bits/byte = 8 x compressed/original; speeds in\n"
    "MB/s with MB = 10^6 bytes, speed = original bytes / time, for compression and for\n"
    "decompression alike; verified says whether the round trip gave the input back.\n",
    run,
};
