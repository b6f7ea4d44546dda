/* kcbench bench: a leaderboard as lzbench makes it (verified, rows as they come), learning too. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "args.h"
#include "dataopts.h"
#include "columns.h"
#include "kcb/curve.h"
#include "kcb/err.h"
#include "kcb/host.h"
#include "kcb/roundtrip.h"
#include "kcb/text.h"
#include "load.h"
#include "man.h"
#include "output.h"
#include "progress.h"


#define TOTAL ((size_t)-1)
#define NO_FILE ((size_t)-2)
#define STOPPED KCB_EXIT_INTERRUPTED /* what was finished is printed, the rest not measured */

static const char *const sort_names[] = {"name",     "ratio",      "bpb", "compressed",
                                         "compress", "decompress", "ncd", "accuracy"};
enum sort_by { BY_NAME, BY_RATIO, BY_BPB, BY_COMPRESSED, BY_COMPRESS, BY_DECOMPRESS, BY_NCD,
               BY_ACCURACY };

static const struct kcb_opt opts[] = {
    {'c', "codec", "LIST",
     "compressors (default 'all': every codec at its default level);\n"
     "'zstd:1,3,19' several levels, 'xz:all' every level of one codec", "gzip:9,zstd:3"},
    {'e', "encoders", "LIST",
     "compressors in lzbench's -e syntax, instead of -c: codecs separated\n"
     "by '/', levels after commas ('zstd,1,3,19/xz,6'); a codec alone is\n"
     "every level of it, 'all' every level of every codec", "zstd,1,3/xz,6"},
    {KCB_OPT_LONG + 1, "min-time", "S",
     "seconds of timed calls per direction, at least (default 1)", "0.01"},
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
    {KCB_OPT_LONG + 8, "method", "M",
     "how --classify classifies: exact kNN (default), per-class or\n"
     "conditional, as 'kcbench eval --method' (a compressor that cannot\n"
     "prime gets no accuracy)", "per-class"},
    {KCB_OPT_LONG + 9, "parts", "P", KCB_PARTS_HELP, "3"},
    {KCB_OPT_LONG + 6, "test-sample", "N", "score --classify on a stratified sample of N texts",
     "10"},
    KCB_DATAOPTS_ENTRIES, /* how the --classify files are read */
    {'f', "format", "F", "table (default), md, csv, tsv, json", "json"},
    {KCB_OPT_LONG + 7, "sort", "COLUMN",
     "order rows within each file: name (the -c order, default), ratio,\n"
     "bpb, compressed, compress, decompress (best MB/s), ncd, accuracy;\n"
     "memcpy stays first. Other than name, rows wait for the whole run", "ratio"},
    {'o', "output", "FILE", "write there (atomically)", "out.md"},
    {0, NULL, NULL, NULL, NULL},
};

struct bench_opts {
    struct kcb_dataopts data; /* how the --classify files are read */
    struct kcb_specs specs;
    struct kcb_bench_cfg cfg;
    size_t chunk;
    int learn, have_c, have_e;
    enum sort_by sort;
    const char *classify, *output;
    long k, test_sample, runs, parts;
    int k_given;
    enum kcb_method method;
    enum kcb_format format;
};

static int apply(const struct kcb_cmd *cmd, void *ctx, int key, const char *arg)
{
    struct bench_opts *o = ctx;
    char why[512];
    int i;
    switch (key) {
    case 'c': o->have_c = 1; return kcb_arg_specs(cmd, key, arg, &o->specs);
    case 'e':
        o->have_e = 1;
        kcb_specs_free(&o->specs);
        if ((i = kcb_specs_parse_lzbench(arg, &o->specs, why, sizeof why)) == KCB_EINVAL)
            return kcb_usage_err(cmd->name, "-e %s: %s", arg, why);
        return i ? kcb_lib_err(cmd->name, i, NULL) : KCB_EXIT_OK;
    case 'k': o->k_given = 1; return kcb_arg_long(cmd, key, arg, 1, 1024, &o->k);
    case 'f': return kcb_arg_format(cmd, key, arg, KCB_FMTS_TABLES, &o->format);
    case 'o': o->output = arg; return KCB_EXIT_OK;
    case KCB_OPT_LONG + 1: return kcb_arg_seconds(cmd, key, arg, &o->cfg.min_seconds);
    case KCB_OPT_LONG + 2: return kcb_arg_long(cmd, key, arg, 1, 1000000, &o->runs);
    case KCB_OPT_LONG + 3: return kcb_arg_size(cmd, key, arg, &o->chunk);
    case KCB_OPT_LONG + 4: o->learn = 1; return KCB_EXIT_OK;
    case KCB_OPT_LONG + 5: o->classify = arg; return KCB_EXIT_OK;
    case KCB_OPT_LONG + 6: return kcb_arg_long(cmd, key, arg, 1, 1L << 40, &o->test_sample);
    case KCB_OPT_LONG + 8:
        if (kcb_method_parse(arg, &o->method))
            return kcb_usage_err(cmd->name, "%s %s: unknown method (exact, per-class, "
                                 "conditional)", kcb_opt_name(cmd, key), arg);
        return KCB_EXIT_OK;
    case KCB_OPT_LONG + 9: return kcb_arg_long(cmd, key, arg, 1, KCB_PARTS_MAX, &o->parts);
    case KCB_OPT_LONG + 7:
        if ((i = kcb_name_find(sort_names, sizeof sort_names / sizeof *sort_names, arg)) < 0)
            return kcb_usage_err(cmd->name, "--sort %s: one of name, ratio, bpb, compressed, "
                                 "compress, decompress, ncd, accuracy", arg);
        o->sort = (enum sort_by)i;
        return KCB_EXIT_OK;
    }
    return kcb_dataopts_apply(cmd, &o->data, key, arg);
}

/* One result: a compressor (spec 0: memcpy) on a file, or its total (file == TOTAL). */
struct result {
    size_t spec, file;
    struct kcb_roundtrip m;
    double ncd_xx, accuracy; /* NaN when not measured */
    int failed;
};

/* Where the benchmark runs: the header of its output. */
struct host {
    char cpu[128];
    long cores;
    char compiler[96];
    char title[768]; /* table and md */
};

struct bench {
    const struct kcb_cmd *cmd;
    struct bench_opts o;
    struct kcb_inputs files;
    struct kcb_spec *specs;  /* memcpy first, then the compressors asked for */
    size_t nspecs;
    struct result *res;      /* in the order measured, then the totals */
    size_t nres;
    size_t done, planned;    /* measurements finished, and files x specs */
    size_t bytes, bytes_all; /* bytes measured (file sizes, once per spec), and all of them */
    int failures, stopped;
    char stop_at[300];       /* where an interruption stopped it: "file F, compressor C" */
    struct kcb_dataset *train, *test;
    struct kcb_labels *labels;
    struct kcb_col cols[BENCH_NCOLS];
    struct kcb_out out;
    kcb_table *table;
    size_t last_file;        /* the file of the last row written: a gap when it changes */
    struct kcb_progress pg;
    char what[300];          /* progress: what is being measured */
    char name[64];
    struct host host;
};

static const char *spec_name(const struct kcb_spec *s, char *buf, size_t len)
{
    if (s->codec == &kcb_memcpy_codec)
        return "memcpy";
    return kcb_spec_str(s, buf, len);
}

/* ---- the header: CPU, cores, compiler, versions ---- */

static void host_init(struct bench *b)
{
    struct host *h = &b->host;
    size_t at;
    kcb_cpu_model(h->cpu, sizeof h->cpu);
    h->cores = kcb_cpu_cores();
    snprintf(h->compiler, sizeof h->compiler, "%s", kcb_compiler());
    for (at = strlen(h->compiler); at > 0 && h->compiler[at - 1] == ' '; at--)
        h->compiler[at - 1] = '\0';
    at = (size_t)snprintf(h->title, sizeof h->title, "kcbench %s, %s, %s (%ld cores);",
                          kcb_version(), h->compiler, h->cpu, h->cores);
    for (size_t s = 0; s < b->nspecs && at < sizeof h->title; s++) {
        const struct kcb_codec *c = b->specs[s].codec;
        size_t t = 0;
        while (t < s && b->specs[t].codec->library != c->library &&
               strcmp(b->specs[t].codec->library, c->library))
            t++;
        if (t == s) /* each library once */
            at += (size_t)snprintf(h->title + at, sizeof h->title - at, "%s %s %s",
                                   s ? "," : "", c->library, c->version());
    }
}

/* ---- rows ---- */

static double per(double num, double den)
{
    return den > 0 ? num / den : (double)NAN;
}

/* A number, or null for a row whose round trip failed. */
static struct kcb_cell num(const struct result *r, double v)
{
    return r->failed ? kcb_cell_null() : kcb_cell_real(v);
}

static void fill_row(struct bench *b, const struct result *r, struct kcb_cell *c)
{
    const struct kcb_spec *s = &b->specs[r->spec];
    double mb = (double)r->m.orig / 1e6;
    c[BENCH_COMPRESSOR] = kcb_cell_text(spec_name(s, b->name, sizeof b->name));
    c[BENCH_CODEC] = kcb_cell_text(s->codec->name);
    c[BENCH_LEVEL] = r->spec ? kcb_cell_int(s->level) : kcb_cell_null();
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
    c[BENCH_LIBRARY] = kcb_cell_text(s->codec->library);
    c[BENCH_CPU] = kcb_cell_text(b->host.cpu);
    c[BENCH_CORES] = kcb_cell_int(b->host.cores);
    c[BENCH_COMPILER] = kcb_cell_text(b->host.compiler);
    c[BENCH_KCBENCH] = kcb_cell_text(kcb_version());
}

/* Hands one row to the table (a blank line before a new file's rows in table format) and
 * pushes it out at once, so that a pipe or a file sees it as soon as a terminal does. */
static int write_row(struct bench *b, const struct result *r)
{
    struct kcb_cell c[BENCH_NCOLS];
    memset(c, 0, sizeof c);
    fill_row(b, r, c);
    kcb_progress_end(&b->pg); /* the progress line, on a terminal, goes before the row */
    if (b->last_file != r->file && b->last_file != NO_FILE)
        kcb_table_gap(b->table);
    b->last_file = r->file;
    int rc = kcb_table_row(b->table, c);
    fflush(b->out.fp);
    return rc ? kcb_lib_err(b->cmd->name, rc, NULL) : KCB_EXIT_OK;
}

static int streaming(const struct bench *b)
{
    return b->o.sort == BY_NAME;
}

static void widen(struct kcb_col *c, int w)
{
    if (w > c->width)
        c->width = w;
}

/* Starts the table: its title, and (rows streaming) column widths fixed up front, the text
 * columns as wide as the names they will hold and the sizes as the largest total. */
static int table_start(struct bench *b, FILE *fp)
{
    struct kcb_col *c = b->cols;
    size_t sum = 0;
    memcpy(c, kcb_bench_cols, sizeof b->cols);
    /* machine formats always have every column; people see only what they asked for */
    c[BENCH_NCD].flags |= b->o.learn ? 0 : KCB_COL_MACHINE;
    c[BENCH_ACCURACY].flags |= b->o.classify ? 0 : KCB_COL_MACHINE;
    if (b->o.method == KCB_METHOD_PER_CLASS) { /* another classifier, under its own name */
        c[BENCH_ACCURACY].name = "per_class_accuracy";
        c[BENCH_ACCURACY].head = "per-class acc";
    } else if (b->o.method == KCB_METHOD_CONDITIONAL) {
        c[BENCH_ACCURACY].name = "conditional_knn_accuracy";
        c[BENCH_ACCURACY].head = "cond. kNN acc";
    }
    widen(&c[BENCH_ACCURACY], (int)strlen(c[BENCH_ACCURACY].head));
    for (size_t s = 0; s < b->nspecs; s++) {
        widen(&c[BENCH_COMPRESSOR], (int)strlen(spec_name(&b->specs[s], b->name, sizeof b->name)));
        widen(&c[BENCH_VERSION], (int)strlen(b->specs[s].codec->version()));
    }
    for (size_t f = 0; f < b->files.n; f++) {
        widen(&c[BENCH_FILE], (int)strlen(b->files.v[f].name));
        sum += b->files.v[f].n;
    }
    widen(&c[BENCH_ORIGINAL], snprintf(NULL, 0, "%zu", sum));
    widen(&c[BENCH_COMPRESSED], snprintf(NULL, 0, "%zu", sum + sum / 16 + 1024)); /* it grows */
    kcb_out_init(&b->out, fp, b->o.format);
    b->last_file = NO_FILE;
    return kcb_table_begin(&b->out, c, BENCH_NCOLS, b->host.title,
                           streaming(b) ? KCB_TABLE_STREAM : 0, &b->table);
}

/* ---- measuring ---- */

static void fail_row(struct bench *b, const struct kcb_spec *s, const struct kcb_input *f, int rc)
{
    const char *name = spec_name(s, b->name, sizeof b->name);
    if (rc == KCB_ECORRUPT)
        kcb_fail(b->cmd->name, "%s: %s: round trip failed: the decompressed data differ from "
                 "the input (no numbers reported for it)", f->path, name);
    else
        kcb_fail(b->cmd->name, "%s: %s: %s", f->path, name, kcb_strerror(rc));
    b->failures++;
}

/* Measures spec s on file fi: an exit status, or STOPPED when interrupted before it ended. */
static int measure_one(struct bench *b, size_t fi, size_t s)
{
    const struct kcb_spec *spec = &b->specs[s];
    const struct kcb_input *f = &b->files.v[fi];
    struct result *r = &b->res[b->nres];
    *r = (struct result){.spec = s, .file = fi, .ncd_xx = (double)NAN, .accuracy = (double)NAN};
    snprintf(b->what, sizeof b->what, "%s %s", f->name, spec_name(spec, b->name, sizeof b->name));
    kcb_progress_show(&b->pg, b->bytes, b->bytes_all);
    int rc = kcb_roundtrip(spec, &b->o.cfg, f->data, f->n, b->o.chunk, &kcb_interrupted, &r->m);
    if (!rc && b->o.learn && s > 0) /* memcpy learns nothing */
        rc = kcb_ncd_self(spec, f->data, f->n, &r->ncd_xx);
    if (rc == KCB_ECANCELED)
        return STOPPED;
    if (rc == KCB_ENOMEM)
        return kcb_fail(b->cmd->name, "out of memory");
    if (rc) {
        r->failed = 1;
        fail_row(b, spec, f, rc);
    }
    b->nres++;
    b->done++;
    b->bytes += f->n;
    return streaming(b) ? write_row(b, r) : KCB_EXIT_OK;
}

static void add_timing(struct kcb_timing *t, const struct kcb_timing *r)
{
    t->best += r->best;
    t->median += r->median;
    t->runs += r->runs;
}

/* The total of spec s over every file (the rows measured so far are all of them). */
static void add_total(struct bench *b, size_t s, struct result *t)
{
    *t = (struct result){.spec = s, .file = TOTAL, .ncd_xx = (double)NAN, .accuracy = (double)NAN};
    double ncd = 0;
    for (size_t i = 0; i < b->nres; i++) {
        const struct result *r = &b->res[i];
        if (r->spec != s || r->file == TOTAL)
            continue;
        t->failed |= r->failed;
        t->m.orig += r->m.orig;
        t->m.comp += r->m.comp;
        add_timing(&t->m.ct, &r->m.ct);
        add_timing(&t->m.dt, &r->m.dt);
        ncd += r->ncd_xx;
    }
    if (b->o.learn && s > 0)
        t->ncd_xx = ncd / (double)b->files.n; /* the mean over files */
}

static int class_accuracy(struct bench *b, size_t s, double *acc)
{
    struct kcb_knn_setup setup = {&b->specs[s], KCB_DIST_NCD, " ", 1, (size_t)b->o.k,
                                  KCB_RULE_VOTE, 0, b->o.method, (size_t)b->o.parts};
    if (b->o.method != KCB_METHOD_EXACT && !kcb_codec_primable(b->specs[s].codec)) {
        kcb_warn(b->cmd->name, "--method %s: %s cannot compress with a dictionary: no accuracy",
                 kcb_method_name(b->o.method), b->specs[s].codec->name);
        return KCB_EXIT_OK; /* accuracy stays NaN, an empty cell */
    }
    int rc = kcb_knn_accuracy(&setup, b->train, NULL, b->test, NULL, acc);
    return rc ? kcb_lib_err(b->cmd->name, rc, "--classify") : KCB_EXIT_OK;
}

/* The totals, after the last file, each with its kNN accuracy under --classify: once
 * interrupted, the accuracies left are not computed (null) and the run counts as stopped. */
static int totals(struct bench *b)
{
    int rc = KCB_EXIT_OK, skipped = 0;
    size_t first = b->nres;
    for (size_t s = 0; !rc && s < b->nspecs; s++) {
        struct result *t = &b->res[first + s];
        add_total(b, s, t);
        if (b->o.classify && s > 0 && !kcb_interrupted)
            rc = class_accuracy(b, s, &t->accuracy);
        else if (b->o.classify && s > 0 && !skipped++)
            snprintf(b->stop_at, sizeof b->stop_at, "the kNN accuracy of compressor %s",
                     spec_name(&b->specs[s], b->name, sizeof b->name));
        if (!rc && streaming(b))
            rc = write_row(b, t);
    }
    b->nres = first + b->nspecs;
    return !rc && skipped ? STOPPED : rc;
}

/* Measures file by file, every compressor on each; rows go out as they are measured. */
static int measure_all(struct bench *b)
{
    int rc = KCB_EXIT_OK;
    kcb_progress_start(&b->pg, b->cmd->name, b->what, "bytes", 1);
    for (size_t f = 0; !rc && f < b->files.n; f++)
        for (size_t s = 0; !rc && s < b->nspecs; s++) {
            snprintf(b->stop_at, sizeof b->stop_at, "file %s, compressor %s", b->files.v[f].name,
                     spec_name(&b->specs[s], b->name, sizeof b->name));
            rc = kcb_interrupted ? STOPPED : measure_one(b, f, s);
        }
    if (!rc)
        rc = totals(b);
    kcb_progress_end(&b->pg);
    b->stopped = rc == STOPPED;
    return b->stopped ? KCB_EXIT_OK : rc;
}

/* ---- sorting within each file's group (--sort: the rows wait for the end) ---- */

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

/* Files in input order, totals last; within a file memcpy first, then by the key, rows
 * without one (failed, NaN) last, ties in -c order. A total order, so qsort's result is
 * defined. */
static int cmp_result(const void *pa, const void *pb)
{
    const struct result *a = pa, *b = pb;
    if (a->file != b->file)
        return a->file == TOTAL   ? 1
               : b->file == TOTAL ? -1
                                  : (a->file > b->file) - (a->file < b->file);
    if ((a->spec == 0) != (b->spec == 0))
        return a->spec == 0 ? -1 : 1;
    double x = sort_key(a, sort_by_what), y = sort_key(b, sort_by_what);
    int ax = !a->failed && !isnan(x), bx = !b->failed && !isnan(y);
    if (ax != bx)
        return bx - ax;
    int c = ax ? (x > y) - (x < y) : 0;
    return c ? c : (a->spec > b->spec) - (a->spec < b->spec);
}

/* Writes the rows held back for --sort, sorted; ends the table. An exit status. */
static int table_finish(struct bench *b)
{
    int rc = KCB_EXIT_OK;
    if (!streaming(b)) {
        sort_by_what = b->o.sort;
        qsort(b->res, b->nres, sizeof *b->res, cmp_result);
        for (size_t i = 0; !rc && i < b->nres; i++)
            rc = write_row(b, &b->res[i]);
    }
    int end = kcb_table_end(b->table);
    b->table = NULL;
    return !rc && end ? kcb_lib_err(b->cmd->name, end, "%s", kcb_output_name(b->o.output)) : rc;
}

/* ---- the command ---- */

static int prepare(struct bench *b, char **args, size_t n)
{
    const char *c = b->cmd->name;
    int rc = n ? KCB_EXIT_OK : kcb_usage_err(c, "needs at least one FILE or DIR");
    if (!rc && !b->o.have_c && !b->o.have_e)
        rc = kcb_arg_specs(b->cmd, 'c', "all", &b->o.specs);
    b->o.cfg.min_runs = (unsigned)b->o.runs;
    for (size_t i = 0; !rc && i < n; i++)
        rc = kcb_inputs_path(c, &b->files, args[i]);
    if (!rc && b->files.n == 0)
        rc = kcb_io_err(c, "no files to benchmark");
    if (!rc && !b->o.classify && (b->o.method || b->o.parts))
        rc = kcb_usage_err(c, "--method and --parts go with --classify");
    if (!rc && b->o.parts && b->o.method != KCB_METHOD_PER_CLASS)
        rc = kcb_usage_err(c, "--parts goes with --method per-class");
    if (!rc && b->o.k_given && b->o.method == KCB_METHOD_PER_CLASS)
        rc = kcb_usage_err(c, "-k does not go with --method per-class, which picks the class "
                           "that compresses the text best");
    if (!rc && b->o.classify)
        rc = kcb_load_split(c, "--classify", b->o.classify, &b->o.data,
                            (size_t)b->o.test_sample, &b->labels, &b->train, &b->test);
    if (rc)
        return rc;
    b->nspecs = b->o.specs.n + 1;
    b->specs = malloc(b->nspecs * sizeof *b->specs);
    b->res = calloc(b->nspecs * (b->files.n + 1), sizeof *b->res);
    if (!b->specs || !b->res)
        return kcb_fail(c, "out of memory");
    b->specs[0] = (struct kcb_spec){&kcb_memcpy_codec, 0, 0};
    if (b->o.specs.n) /* -e memcpy alone asks for none */
        memcpy(b->specs + 1, b->o.specs.v, b->o.specs.n * sizeof *b->specs);
    b->planned = b->nspecs * b->files.n;
    for (size_t f = 0; f < b->files.n; f++)
        b->bytes_all += b->nspecs * b->files.v[f].n;
    host_init(b);
    return KCB_EXIT_OK;
}

/* Runs the benchmark into fp: an exit status (errors printed); b->stopped when interrupted. */
static int bench(struct bench *b, FILE *fp)
{
    kcb_interrupt_catch(); /* before the header shows: a SIGINT after it is caught */
    int rc = table_start(b, fp);
    if (rc)
        return kcb_lib_err(b->cmd->name, rc, NULL);
    fflush(fp);
    rc = measure_all(b);
    int end = table_finish(b);
    return rc ? rc : end;
}

static int run(const struct kcb_cmd *cmd, int argc, char **argv)
{
    struct bench b = {.cmd = cmd,
                      .o = {.cfg = {1.0, 3, 0}, .output = "-", .format = KCB_FMT_TABLE,
                            .sort = BY_NAME, .k = 1, .runs = 3}};
    kcb_afile *af = NULL;
    FILE *fp = NULL;
    int rc = kcb_opt_parse(cmd, argc, argv, apply, &b.o);
    if (!rc && b.o.have_c && b.o.have_e)
        rc = kcb_usage_err(cmd->name, "-c and -e name the compressors twice: give one of them");
    if (!rc)
        rc = kcb_output_open(cmd->name, b.o.output, &af, &fp);
    if (!rc)
        rc = prepare(&b, argv + optind, (size_t)(argc - optind));
    if (!rc)
        rc = bench(&b, fp);
    if (fp)
        rc = kcb_output_close(cmd->name, b.o.output, af, rc);
    if (!rc && b.stopped) {
        kcb_note(cmd->name, "interrupted after %zu of %zu measurements (%s)", b.done, b.planned,
                 b.stop_at);
        rc = KCB_EXIT_INTERRUPTED;
    } else if (!rc && b.failures) {
        rc = kcb_fail(cmd->name, "%d round trip%s failed", b.failures, b.failures == 1 ? "" : "s");
    }
    kcb_inputs_free(&b.files);
    free(b.res);
    free(b.specs);
    kcb_dataset_free(b.train);
    kcb_dataset_free(b.test);
    kcb_labels_free(b.labels);
    kcb_specs_free(&b.o.specs);
    return rc;
}

const struct kcb_cmd kcb_cmd_bench = {
    "bench", "compressor leaderboard: ratio and speed, round-trip verified, and learning",
    "[-c CODECS | -e LIST] [--min-time S] [--min-runs N] [--chunk SIZE]\n"
    "                     [--learn] [--classify TRAIN,TEST] [--format F] [--sort COLUMN]\n"
    "                     FILE|DIR...",
    "Ranks compressors on files in the manner of lzbench: each file is held in memory and its\n"
    "buffers touched before timing; each compressor compresses and decompresses it repeatedly\n"
    "(after one untimed warm-up call) until both --min-time and --min-runs are reached, on a\n"
    "monotonic clock; the fastest and the median call are reported. Every result is round-trip\n"
    "verified: a mismatch is an error for that compressor (exit status 1), never a number.\n"
    "A DIR stands for its regular files in name order. Files are measured one at a time, every\n"
    "compressor on each, and each row is printed as soon as it is measured (in a table too:\n"
    "its column widths are fixed up front); a total row per compressor (sizes and times summed\n"
    "over files) follows the last file. The first row of each file is memcpy, timed the same\n"
    "way (compression and decompression are both a copy): the speed reference. Above the\n"
    "table and md, a title gives the kcbench version, compiler, CPU model and cores and the\n"
    "libraries' versions; csv, tsv and json carry them as columns of every row.\n",
    opts,
    "Columns: ratio = original/compressed; bits/byte = 8 x compressed/original; speeds in\n"
    "MB/s with MB = 10^6 bytes, speed = original bytes / time, for compression and for\n"
    "decompression alike; verified says whether the round trip gave the input back.\n"
    "Progress (stderr) counts the bytes measured, each file once per compressor, with rate\n"
    "and ETA. SIGINT or SIGTERM stops the run within one codec call: the rows finished stay\n"
    "(with --sort they are written then), there are no totals for a partial run, and one\n"
    "line says how far it got: 'interrupted after N of M measurements (file F, compressor C)',\n"
    "F and C naming the measurement it stopped at, not shown (or, once every measurement is\n"
    "done, the kNN accuracy it skipped: the totals are then complete but for those); exit\n"
    "status 130.\n",
    run,
};
