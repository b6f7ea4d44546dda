/* kcbench bench: an lzbench-style leaderboard (in memory, round-trip verified) plus learning columns. */
#include <errno.h>
#include <getopt.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cmd.h"
#include "data.h"
#include "kcb/timing.h"
#include "kcb/err.h"
#include "kcb/io.h"
#include "kcb/knn.h"
#include "progress.h"

#define TOTAL ((size_t)-1)

struct bench_opts {
    struct kcb_specs specs;
    struct kcb_bench_cfg cfg;
    size_t chunk;
    int learn;
    const char *classify, *output, *sort;
    long k, test_sample;
    enum kcb_format format;
};

struct file {
    char *path, *name;
    unsigned char *data;
    size_t n;
};

/* One result: a compressor on a file, or its total (file == TOTAL). */
struct result {
    size_t spec, file;
    size_t orig, comp;
    struct kcb_timing ct, dt;
    double ncd_xx, accuracy; /* NaN when not measured */
    int failed;
};

/* What the timed functions see: a codec context and the chunk layout. */
struct job {
    const struct kcb_codec *codec;
    void *ctx;
    size_t chunk, nchunks;
    size_t *csize;        /* compressed size of each chunk */
    const unsigned char *comp;
};

struct bench {
    struct bench_opts o;
    struct file *files;
    size_t nfiles;
    struct result *res;
    size_t nres;
    int failures;
    struct kcb_dataset *train, *test;
    struct kcb_labels *labels;
};

/* ---- the timed functions ---- */

static size_t chunk_len(const struct job *j, size_t i, size_t n)
{
    return i + 1 < j->nchunks ? j->chunk : n - i * j->chunk;
}

static int compress_chunks(void *payload, const void *src, size_t n, void *dst, size_t cap,
                           size_t *out)
{
    struct job *j = payload;
    size_t off = 0;
    for (size_t i = 0; i < j->nchunks; i++) {
        int rc = j->codec->compress(j->ctx, (const unsigned char *)src + i * j->chunk,
                                    chunk_len(j, i, n), (unsigned char *)dst + off, cap - off,
                                    &j->csize[i]);
        if (rc)
            return rc;
        off += j->csize[i];
    }
    *out = off;
    return KCB_OK;
}

static int decompress_chunks(void *payload, const void *src, size_t n, void *dst, size_t cap,
                             size_t *out)
{
    struct job *j = payload;
    size_t off = 0;
    (void)n;
    (void)src;
    for (size_t i = 0; i < j->nchunks; i++) {
        size_t len = chunk_len(j, i, cap), got;
        int rc = j->codec->decompress(j->ctx, j->comp + off, j->csize[i],
                                      (unsigned char *)dst + i * j->chunk, len, &got);
        if (rc)
            return rc;
        off += j->csize[i];
    }
    *out = cap;
    return KCB_OK;
}

/* ---- measuring one compressor on one file ---- */

static int bench_buffers(const struct job *j, const struct file *f, unsigned char **comp,
                         size_t *ccap, unsigned char **back)
{
    *ccap = 0;
    for (size_t i = 0; i < j->nchunks; i++)
        *ccap += j->codec->bound(chunk_len(j, i, f->n), 0) + 64;
    *comp = malloc(*ccap);
    *back = malloc(f->n ? f->n : 1);
    if (!*comp || !*back)
        return KCB_ENOMEM;
    kcb_touch(f->data, f->n, *comp, *ccap);
    kcb_touch(NULL, 0, *back, f->n);
    return KCB_OK;
}

/* Times compression and decompression and verifies the round trip. Returns 0, kcb_err, or
 * KCB_ECORRUPT when the data did not come back. */
static int measure(struct bench *b, struct job *j, const struct file *f, struct result *r)
{
    unsigned char *comp = NULL, *back = NULL;
    size_t ccap, clen = 0, dlen = 0;
    j->nchunks = f->n && j->chunk ? (f->n + j->chunk - 1) / j->chunk : 1;
    if (!j->chunk || !f->n)
        j->chunk = f->n ? f->n : 1;
    j->csize = calloc(j->nchunks, sizeof *j->csize);
    int rc = j->csize ? bench_buffers(j, f, &comp, &ccap, &back) : KCB_ENOMEM;
    if (!rc)
        rc = kcb_bench_run(&b->o.cfg, compress_chunks, j, f->data, f->n, comp, ccap, &clen,
                           &r->ct);
    j->comp = comp;
    if (!rc)
        rc = kcb_bench_run(&b->o.cfg, decompress_chunks, j, comp, clen, back, f->n, &dlen,
                           &r->dt);
    if (rc == KCB_ECORRUPT || (!rc && (dlen != f->n || (f->n && memcmp(back, f->data, f->n)))))
        rc = KCB_ECORRUPT;
    r->orig = f->n;
    r->comp = clen;
    free(comp);
    free(back);
    free(j->csize);
    j->csize = NULL;
    return rc;
}

/* NCD(x,x) = (C(xx) - C(x)) / C(x) on the whole file. */
static int ncd_self(const struct kcb_spec *s, const struct file *f, double *out)
{
    kcb_comp *c;
    size_t cx, cxx;
    int rc = kcb_comp_new(s, &c);
    if (!rc)
        rc = kcb_comp_size(c, f->data, f->n, &cx);
    if (!rc)
        rc = kcb_comp_size_cat(c, f->data, f->n, "", 0, f->data, f->n, &cxx);
    kcb_comp_free(c);
    if (!rc)
        *out = kcb_dist(KCB_DIST_NCD, cx, cx, cxx);
    return rc;
}

static void fail_row(struct bench *b, const struct kcb_spec *s, const struct file *f, int rc)
{
    char name[64];
    kcb_spec_str(s, name, sizeof name);
    if (rc == KCB_ECORRUPT)
        kcb_fail("bench", "%s: %s: round trip failed: the decompressed data differ from the "
                 "input (no numbers reported for it)", f->path, name);
    else
        kcb_fail("bench", "%s: %s: %s", f->path, name, kcb_strerror(rc));
    b->failures++;
}

static int run_spec_file(struct bench *b, size_t s, size_t fi)
{
    const struct kcb_spec *spec = &b->o.specs.v[s];
    struct result *r = &b->res[b->nres++];
    *r = (struct result){.spec = s, .file = fi, .ncd_xx = (double)NAN, .accuracy = (double)NAN};
    struct job j = {spec->codec, NULL, b->o.chunk, 0, NULL, NULL};
    int rc = spec->codec->ctx_new(spec->level, &j.ctx);
    if (!rc)
        rc = measure(b, &j, &b->files[fi], r);
    spec->codec->ctx_free(j.ctx);
    if (!rc && b->o.learn)
        rc = ncd_self(spec, &b->files[fi], &r->ncd_xx);
    if (rc == KCB_ENOMEM)
        return kcb_fail("bench", "out of memory");
    if (rc) {
        r->failed = 1;
        fail_row(b, spec, &b->files[fi], rc);
    }
    return KCB_EXIT_OK;
}

static void add_total(struct bench *b, size_t s, size_t first)
{
    struct result *t = &b->res[b->nres++];
    *t = (struct result){.spec = s, .file = TOTAL, .ncd_xx = (double)NAN, .accuracy = (double)NAN};
    double ncd = 0;
    for (size_t i = first; i < first + b->nfiles; i++) {
        const struct result *r = &b->res[i];
        t->failed |= r->failed;
        t->orig += r->orig;
        t->comp += r->comp;
        t->ct.best += r->ct.best;
        t->ct.median += r->ct.median;
        t->dt.best += r->dt.best;
        t->dt.median += r->dt.median;
        t->ct.runs += r->ct.runs;
        t->dt.runs += r->dt.runs;
        ncd += r->ncd_xx;
    }
    if (b->o.learn)
        t->ncd_xx = ncd / (double)b->nfiles; /* the mean over files */
}

/* ---- the learning column: kNN accuracy on a labelled split ---- */

static int load_split(struct bench *b)
{
    return kcb_cmd_load_split("bench", "--classify", b->o.classify, (size_t)b->o.test_sample,
                              &b->labels, &b->train, &b->test);
}

static int accuracy(struct bench *b, size_t s, double *acc)
{
    struct kcb_labelled tr = {b->train->text, b->train->label, b->train->n, NULL};
    struct kcb_labelled te = {b->test->text, b->test->label, b->test->n, NULL};
    int rc = kcb_knn_accuracy(&b->o.specs.v[s], &tr, &te, b->labels->n, " ", 1, (size_t)b->o.k,
                              KCB_RULE_VOTE, 0, acc);
    if (rc)
        return kcb_fail("bench", "--classify: %s", kcb_strerror(rc));
    return KCB_EXIT_OK;
}

/* ---- inputs: files, and directories read in name order ---- */

static int add_file(struct bench *b, const char *path, const char *name)
{
    struct file *f = realloc(b->files, (b->nfiles + 1) * sizeof *f);
    if (!f)
        return kcb_fail("bench", "out of memory");
    b->files = f;
    f = &b->files[b->nfiles];
    *f = (struct file){strdup(path), strdup(name), NULL, 0};
    if (!f->path || !f->name)
        return kcb_fail("bench", "out of memory");
    b->nfiles++;
    if (kcb_read_file(path, &f->data, &f->n))
        return kcb_io_err("bench", "%s: %s", path, strerror(errno));
    return KCB_EXIT_OK;
}

static int add_dir(struct bench *b, const char *dir)
{
    char **paths;
    size_t n;
    int rc = kcb_list_dir(dir, KCB_LIST_FILES, &paths, &n, NULL);
    if (rc == KCB_ENOMEM)
        return kcb_fail("bench", "out of memory");
    if (rc)
        return kcb_io_err("bench", "%s: %s", dir, strerror(errno));
    for (size_t i = 0; !rc && i < n; i++)
        rc = add_file(b, paths[i], strrchr(paths[i], '/') + 1);
    kcb_list_free(paths, n);
    return rc;
}

static int load_inputs(struct bench *b, char **args, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        struct stat st;
        int rc;
        const char *slash = strrchr(args[i], '/');
        if (stat(args[i], &st) == 0 && S_ISDIR(st.st_mode))
            rc = add_dir(b, args[i]);
        else
            rc = add_file(b, args[i], slash && slash[1] ? slash + 1 : args[i]);
        if (rc)
            return rc;
    }
    if (b->nfiles == 0)
        return kcb_io_err("bench", "no files to benchmark");
    return KCB_EXIT_OK;
}

/* ---- output ---- */

struct cols {
    double ratio, bpb, cbest, cmed, dbest, dmed;
};

static double ratio_or_nan(double num, double den)
{
    return den > 0 ? num / den : (double)NAN;
}

static struct cols derive(const struct result *r)
{
    double mb = (double)r->orig / 1e6;
    struct cols c = {ratio_or_nan((double)r->orig, (double)r->comp),
                     ratio_or_nan(8.0 * (double)r->comp, (double)r->orig),
                     ratio_or_nan(mb, r->ct.best), ratio_or_nan(mb, r->ct.median),
                     ratio_or_nan(mb, r->dt.best), ratio_or_nan(mb, r->dt.median)};
    return c;
}

static const char *file_name(const struct bench *b, const struct result *r)
{
    return r->file == TOTAL ? "(total)" : b->files[r->file].name;
}

/* Writes v with dec decimals right-aligned in width (0: no padding), or "-" if not finite. */
static void num(FILE *fp, int dec, double v, int width)
{
    if (isfinite(v))
        fprintf(fp, "%*.*f", width, dec, v);
    else
        fprintf(fp, "%*s", width, "-");
}

static void row_table(FILE *fp, const struct bench *b, const struct result *r, int md)
{
    const struct kcb_spec *s = &b->o.specs.v[r->spec];
    char name[64];
    struct cols c = derive(r);
    const char *sep = md ? " | " : "  ";
    fprintf(fp, md ? "| %s | %s | %s | %zu | " : "%-13s %-7s %-16s %10zu  ", kcb_spec_str(s, name, sizeof name),
            s->codec->version(), file_name(b, r), r->orig);
    if (r->failed) {
        fprintf(fp, md ? "round trip FAILED |\n" : "round trip FAILED: no numbers\n");
        return;
    }
    fprintf(fp, md ? "%zu | " : "%10zu  ", r->comp);
    num(fp, 3, c.ratio, md ? 0 : 6);
    fputs(sep, fp);
    num(fp, 3, c.bpb, md ? 0 : 5);
    fputs(sep, fp);
    num(fp, 1, c.cbest, md ? 0 : 8);
    fputs(sep, fp);
    num(fp, 1, c.cmed, md ? 0 : 8);
    fputs(sep, fp);
    num(fp, 1, c.dbest, md ? 0 : 8);
    fputs(sep, fp);
    num(fp, 1, c.dmed, md ? 0 : 8);
    if (b->o.learn) {
        fputs(sep, fp);
        num(fp, 4, r->ncd_xx, md ? 0 : 8);
    }
    if (b->o.classify) {
        fputs(sep, fp);
        num(fp, 4, r->accuracy, md ? 0 : 7);
    }
    fputs(md ? " |\n" : "\n", fp);
}

static void header_table(FILE *fp, const struct bench *b, int md)
{
    if (md) {
        fputs("| compressor | version | file | original | compressed | ratio | bits/byte | "
              "comp MB/s best | comp MB/s median | dec MB/s best | dec MB/s median |", fp);
        if (b->o.learn)
            fputs(" NCD(x,x) |", fp);
        if (b->o.classify)
            fputs(" kNN acc |", fp);
        fputs("\n|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|", fp);
        if (b->o.learn)
            fputs("---:|", fp);
        if (b->o.classify)
            fputs("---:|", fp);
        fputc('\n', fp);
        return;
    }
    fprintf(fp, "%-13s %-7s %-16s %10s  %10s  %6s  %5s  %8s  %8s  %8s  %8s", "compressor",
            "version", "file", "original", "compressed", "ratio", "bpb", "c.best", "c.median",
            "d.best", "d.median");
    if (b->o.learn)
        fprintf(fp, "  %8s", "NCD(x,x)");
    if (b->o.classify)
        fprintf(fp, "  %7s", "kNN acc");
    fputs("\n", fp);
}

static void json_num(FILE *fp, const char *key, double v, int dec)
{
    fprintf(fp, ",\"%s\":", key);
    kcb_json_num(fp, v, dec);
}

static void row_json(FILE *fp, const struct bench *b, const struct result *r, int first)
{
    const struct kcb_spec *s = &b->o.specs.v[r->spec];
    char name[64];
    struct cols c = derive(r);
    fprintf(fp, "%s{\"compressor\":\"%s\",\"codec\":\"%s\",\"level\":%d,\"version\":",
            first ? "" : ",\n", kcb_spec_str(s, name, sizeof name), s->codec->name, s->level);
    kcb_json_str(fp, s->codec->version());
    fputs(",\"file\":", fp);
    kcb_json_str(fp, file_name(b, r));
    fprintf(fp, ",\"original\":%zu,\"verified\":%s", r->orig, r->failed ? "false" : "true");
    if (!r->failed) {
        fprintf(fp, ",\"compressed\":%zu,\"compress_runs\":%u,\"decompress_runs\":%u", r->comp,
                r->ct.runs, r->dt.runs);
        json_num(fp, "ratio", c.ratio, 6);
        json_num(fp, "bits_per_byte", c.bpb, 6);
        json_num(fp, "compress_mbs_best", c.cbest, 3);
        json_num(fp, "compress_mbs_median", c.cmed, 3);
        json_num(fp, "decompress_mbs_best", c.dbest, 3);
        json_num(fp, "decompress_mbs_median", c.dmed, 3);
        if (b->o.learn)
            json_num(fp, "ncd_xx", r->ncd_xx, 6);
        if (b->o.classify)
            json_num(fp, "knn_accuracy", r->accuracy, 6);
    }
    fputc('}', fp);
}

static void row_csv(FILE *fp, const struct bench *b, const struct result *r)
{
    const struct kcb_spec *s = &b->o.specs.v[r->spec];
    char name[64];
    struct cols c = derive(r);
    fprintf(fp, "%s,%s,%d,%s,", kcb_spec_str(s, name, sizeof name), s->codec->name, s->level,
            s->codec->version());
    kcb_csv_str(fp, file_name(b, r));
    if (r->failed) {
        fprintf(fp, ",%zu,,,,,,,,,,false\n", r->orig);
        return;
    }
    double v[] = {c.ratio, c.bpb, c.cbest, c.cmed, c.dbest, c.dmed, r->ncd_xx, r->accuracy};
    fprintf(fp, ",%zu,%zu", r->orig, r->comp);
    for (size_t i = 0; i < sizeof v / sizeof v[0]; i++) {
        fputc(',', fp);
        if (isfinite(v[i]))
            fprintf(fp, "%.6f", v[i]);
    }
    fputs(",true\n", fp);
}

/* ---- sorting within each file's group ---- */

static const struct bench *sort_bench;

static double sort_key(const struct result *r, int *descending)
{
    const char *col = sort_bench->o.sort;
    struct cols c = derive(r);
    *descending = 1;
    if (r->failed)
        return -INFINITY;
    if (!strcmp(col, "ratio")) return c.ratio;
    if (!strcmp(col, "compress")) return c.cbest;
    if (!strcmp(col, "decompress")) return c.dbest;
    if (!strcmp(col, "accuracy")) return r->accuracy;
    *descending = 0;
    if (!strcmp(col, "bpb")) return c.bpb;
    if (!strcmp(col, "compressed")) return (double)r->comp;
    if (!strcmp(col, "ncd")) return r->ncd_xx;
    return (double)r->spec; /* "name": the order given with -c */
}

static int by_key(const void *pa, const void *pb)
{
    const struct result *a = pa, *b = pb;
    int desc;
    double x = sort_key(a, &desc), y = sort_key(b, &desc);
    int c = (x > y) - (x < y);
    if (desc)
        c = -c;
    return c ? c : (a->spec > b->spec) - (a->spec < b->spec);
}

static int cmp_group(const void *pa, const void *pb)
{
    const struct result *a = pa, *b = pb;
    if (a->file != b->file) /* files in input order, the totals last */
        return a->file == TOTAL ? 1 : b->file == TOTAL ? -1 : (a->file > b->file) - (a->file < b->file);
    return by_key(a, b);
}

static void write_all(FILE *fp, struct bench *b)
{
    sort_bench = b;
    qsort(b->res, b->nres, sizeof *b->res, cmp_group);
    enum kcb_format f = b->o.format;
    if (f == KCB_FMT_CSV)
        fputs("compressor,codec,level,version,file,original,compressed,ratio,bits_per_byte,"
              "compress_mbs_best,compress_mbs_median,decompress_mbs_best,decompress_mbs_median,"
              "ncd_xx,knn_accuracy,verified\n", fp);
    else if (f == KCB_FMT_JSON)
        fputc('[', fp);
    else
        header_table(fp, b, f == KCB_FMT_MD);
    for (size_t i = 0; i < b->nres; i++) {
        if (f == KCB_FMT_CSV)
            row_csv(fp, b, &b->res[i]);
        else if (f == KCB_FMT_JSON)
            row_json(fp, b, &b->res[i], i == 0);
        else {
            if (f == KCB_FMT_TABLE && i && b->res[i].file != b->res[i - 1].file)
                fputc('\n', fp);
            row_table(fp, b, &b->res[i], f == KCB_FMT_MD);
        }
    }
    if (f == KCB_FMT_JSON)
        fputs("]\n", fp);
}

/* ---- options and the command ---- */

static int parse_size(const char *text, size_t *out)
{
    char *e;
    errno = 0;
    unsigned long long v = strtoull(text, &e, 10);
    unsigned long long mul = 1;
    if (*e == 'K' || *e == 'k')
        mul = 1024, e++;
    else if (*e == 'M' || *e == 'm')
        mul = 1024 * 1024, e++;
    if (e == text || *e || errno || v == 0 || v > (1ull << 40) / mul || text[0] == '-')
        return kcb_usage_err("bench", "--chunk %s: expected a size such as 65536, 64K or 1M",
                             text);
    *out = (size_t)(v * mul);
    return KCB_EXIT_OK;
}

static int parse_seconds(const char *text, double *out)
{
    char *e;
    errno = 0;
    double v = strtod(text, &e);
    if (e == text || *e || errno || !(v >= 0) || v > 3600)
        return kcb_usage_err("bench", "--min-time %s: expected seconds from 0 to 3600", text);
    *out = v;
    return KCB_EXIT_OK;
}

static int check_sort(const char *col)
{
    static const char *const cols[] = {"name", "ratio", "bpb", "compressed", "compress",
                                       "decompress", "ncd", "accuracy"};
    for (size_t i = 0; i < sizeof cols / sizeof cols[0]; i++)
        if (!strcmp(col, cols[i]))
            return KCB_EXIT_OK;
    return kcb_usage_err("bench", "--sort %s: one of name, ratio, bpb, compressed, compress, "
                         "decompress, ncd, accuracy", col);
}

static int parse(int argc, char **argv, struct bench_opts *o)
{
    static const struct option opts[] = {
        {"codec", required_argument, 0, 'c'},     {"min-time", required_argument, 0, 'T'},
        {"min-runs", required_argument, 0, 'R'},  {"chunk", required_argument, 0, 'b'},
        {"learn", no_argument, 0, 'L'},           {"classify", required_argument, 0, 'C'},
        {"test-sample", required_argument, 0, 'N'}, {"format", required_argument, 0, 'f'},
        {"sort", required_argument, 0, 's'},      {"output", required_argument, 0, 'o'},
        {"help", no_argument, 0, 'h'},            {0, 0, 0, 0}};
    const char *codecs = "all";
    long runs = 3;
    int c, rc = 0;
    optind = 1;
    while (!rc && (c = getopt_long(argc, argv, "c:k:f:o:h", opts, NULL)) != -1) {
        switch (c) {
        case 'c': codecs = optarg; break;
        case 'L': o->learn = 1; break;
        case 'C': o->classify = optarg; break;
        case 'o': o->output = optarg; break;
        case 's': o->sort = optarg; rc = check_sort(optarg); break;
        case 'T': rc = parse_seconds(optarg, &o->cfg.min_seconds); break;
        case 'R': rc = kcb_cmd_long("bench", "--min-runs", optarg, 1, 1000000, &runs); break;
        case 'b': rc = parse_size(optarg, &o->chunk); break;
        case 'k': rc = kcb_cmd_long("bench", "-k", optarg, 1, 1024, &o->k); break;
        case 'N': rc = kcb_cmd_long("bench", "--test-sample", optarg, 1, 1L << 40,
                                    &o->test_sample); break;
        case 'f': rc = kcb_cmd_format("bench", optarg, &o->format); break;
        case 'h': kcb_cmd_help(kcb_cmd_find("bench"), stdout); return -1;
        default: return kcb_bad_option("bench", argc, argv);
        }
    }
    o->cfg.min_runs = (unsigned)runs;
    if (!rc && (o->format == KCB_FMT_PLAIN || o->format == KCB_FMT_PHYLIP))
        rc = kcb_usage_err("bench", "--format: table, md, csv or json");
    if (!rc && optind >= argc)
        rc = kcb_usage_err("bench", "needs at least one FILE or DIR");
    return rc ? rc : kcb_cmd_specs("bench", codecs, &o->specs);
}

static int bench_all(struct bench *b)
{
    int rc = b->o.classify ? load_split(b) : KCB_EXIT_OK;
    size_t ns = b->o.specs.n;
    b->res = calloc(ns * (b->nfiles + 1), sizeof *b->res);
    if (!rc && !b->res)
        rc = kcb_fail("bench", "out of memory");
    for (size_t s = 0; !rc && s < ns; s++) {
        char name[64];
        struct kcb_progress pg;
        kcb_progress_start(&pg, kcb_spec_str(&b->o.specs.v[s], name, sizeof name));
        size_t first = b->nres;
        for (size_t f = 0; !rc && f < b->nfiles; f++) {
            kcb_progress_show(&pg, f, b->nfiles);
            rc = run_spec_file(b, s, f);
        }
        kcb_progress_end(&pg);
        if (!rc) {
            add_total(b, s, first);
            if (b->o.classify)
                rc = accuracy(b, s, &b->res[b->nres - 1].accuracy);
        }
    }
    return rc;
}

static int run(int argc, char **argv)
{
    struct bench b = {.o = {.cfg = {1.0, 3, 0}, .output = "-", .format = KCB_FMT_TABLE,
                            .sort = "name", .k = 1}};
    int rc = parse(argc, argv, &b.o);
    if (!rc)
        rc = load_inputs(&b, argv + optind, (size_t)(argc - optind));
    if (!rc)
        rc = bench_all(&b);
    kcb_afile *af = NULL;
    FILE *fp;
    if (!rc && kcb_afile_open(b.o.output, &af, &fp))
        rc = kcb_io_err("bench", "%s: %s", b.o.output, strerror(errno));
    if (!rc) {
        write_all(fp, &b);
        if (kcb_afile_commit(af))
            rc = kcb_io_err("bench", "%s: %s", b.o.output, strerror(errno));
    }
    if (!rc && b.failures)
        rc = kcb_fail("bench", "%d round trip%s failed", b.failures, b.failures == 1 ? "" : "s");
    for (size_t i = 0; i < b.nfiles; i++) {
        free(b.files[i].path);
        free(b.files[i].name);
        free(b.files[i].data);
    }
    free(b.files);
    free(b.res);
    kcb_dataset_free(b.train);
    kcb_dataset_free(b.test);
    kcb_labels_free(b.labels);
    kcb_specs_free(&b.o.specs);
    return rc < 0 ? KCB_EXIT_OK : rc;
}

const struct kcb_cmd kcb_cmd_bench = {
    "bench", run, "compressor leaderboard: ratio and speed, round-trip verified, and learning",
    "usage: kcbench bench [-c CODECS] [--min-time S] [--min-runs N] [--chunk SIZE] [--learn]\n"
    "                     [--classify TRAIN,TEST] [--format F] [--sort COLUMN] FILE|DIR...\n\n"
    "Ranks compressors on files in the manner of lzbench: each file is held in memory and its\n"
    "buffers touched before timing; each compressor compresses and decompresses it repeatedly\n"
    "(after one untimed warm-up call) until both --min-time and --min-runs are reached, on a\n"
    "monotonic clock; the fastest and the median call are reported. Every result is round-trip\n"
    "verified: a mismatch is an error for that compressor (exit status 1), never a number.\n"
    "A DIR stands for its regular files in name order. There is a row per file and compressor\n"
    "and a total row per compressor (sizes and times summed over files).\n\n"
    "  -c, --codec LIST    compressors (default 'all': every codec at its default level);\n"
    "                      'zstd:1,3,19' several levels, 'xz:all' every level of one codec\n"
    "      --min-time S    seconds of timed calls per direction, at least (default 1)\n"
    "      --min-runs N    timed calls per direction, at least (default 3)\n"
    "      --chunk SIZE    compress independent chunks of SIZE bytes (64K, 1M), as lzbench -b\n"
    "      --learn         add NCD(x,x) = (C(xx) - C(x)) / C(x) of each file (near 0 for a\n"
    "                      compressor that sees all of x again; the total row gives the mean):\n"
    "                      it shows window limits, gzip's 32 KiB and bzip2's blocks\n"
    "      --classify TRAIN,TEST\n"
    "                      add the kNN accuracy each compressor reaches on that labelled split\n"
    "                      (NCD, sep ' ', rule vote, -k K, default 1), as kcbench eval computes\n"
    "                      it; --test-sample N scores a stratified sample (seed 1)\n"
    "  -f, --format F      table (default), md, csv, json\n"
    "      --sort COLUMN   order rows within each file: name (the -c order, default), ratio,\n"
    "                      bpb, compressed, compress, decompress (best MB/s), ncd, accuracy\n"
    "  -o, --output FILE   write there (atomically)\n\n"
    "Columns: ratio = original/compressed; bits/byte = 8 x compressed/original; speeds in\n"
    "MB/s with MB = 10^6 bytes, speed = original bytes / time, for compression and for\n"
    "decompression alike.\n",
};
