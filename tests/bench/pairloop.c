/* make bench: exact NCD-kNN's compress calls C(x.sep.y) in a tight loop, via the codec vtable and the libraries directly; pairs/s as JSON. */
#include <bzlib.h>
#include <errno.h>
#include <limits.h>
#include <lzma.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <zlib.h>
#include <zstd.h>

#include "kcb/clock.h"
#include "kcb/codec.h"
#include "kcb/dataset.h"
#include "kcb/err.h"
#include "kcb/sample.h"
#include "kcb/spec.h"

static const char USAGE[] =
    "usage: pairloop -t TRAIN -T TEST -c CODEC:LEVEL [--sep STR] [--test-sample N]\n"
    "                [--train-per-class N] [--seed N] [--paths LIST] [--dump DIR]\n"
    "\n"
    "Selects the texts as kcbench eval does with the same options, then compresses\n"
    "test[i].sep.train[j] for every pair (test first, the concatenation built in one\n"
    "reused buffer) along each path of LIST (default vtable,direct), timing each path:\n"
    "  vtable   the codec's compress() from kcbench's library, context made with\n"
    "           KCB_CODEC_SIZE_ONLY as eval makes it\n"
    "  direct   the library itself with one reused context: zlib deflateReset+deflate\n"
    "           (gzip, zlib, deflate), ZSTD_compressCCtx, BZ2_bzBuffToBuffCompress (libbz2\n"
    "           has no reusable context), liblzma with one lzma_stream (xz: the preset's\n"
    "           LZMA2 options with the dictionary fitted to the input, as kcbench does)\n"
    "  canonical  the codec's compress() with a context made without KCB_CODEC_SIZE_ONLY\n"
    "           (the stream kcbench bench writes; xz: the preset's own dictionary)\n"
    "  preset   xz only: lzma_easy_encoder, the preset's own dictionary (one lzma_stream)\n"
    "A path written PATH:M runs the first M test texts only; 'none' runs none (the counts\n"
    "only). Each path's sizes are compared with those of the first path (differ: pairs\n"
    "whose sizes are not equal). --dump DIR writes the selected texts to DIR/train.tsv and\n"
    "DIR/test.tsv. Prints one JSON object.\n";

struct opts {
    const char *train, *test, *codec, *sep, *paths, *dump;
    size_t test_sample, per_class;
    uint64_t seed;
};

/* What one path needs: the codec, its level, and the direct library state. */
struct loop {
    const struct kcb_spec *spec;
    const struct kcb_dataset *train, *test;
    const unsigned char *sep;
    size_t nsep;
    unsigned char *in, *out;
    size_t cap;
    uint32_t *ref;   /* sizes of the first path, pair i*ntrain+j */
    size_t nref;     /* pairs in ref */
    void *vctx;      /* vtable context */
    void *cctx;      /* vtable context without KCB_CODEC_SIZE_ONLY */
    z_stream zs;
    int zs_ok;
    ZSTD_CCtx *zc;
    lzma_stream xs;
    lzma_options_lzma xopt;
    int xfit;
};

static int fail(const char *msg, int rc)
{
    fprintf(stderr, "pairloop: %s%s%s\n", msg, rc ? ": " : "", rc ? kcb_strerror(rc) : "");
    return 2;
}

/* ---- the direct calls ---- */

static int zlib_wbits(const char *name)
{
    return !strcmp(name, "gzip") ? 31 : !strcmp(name, "zlib") ? 15 : -15;
}

static int is_zlib(const char *name)
{
    return !strcmp(name, "gzip") || !strcmp(name, "zlib") || !strcmp(name, "deflate");
}

static int direct_zlib(struct loop *l, size_t n, size_t *size)
{
    if (deflateReset(&l->zs) != Z_OK)
        return KCB_ECODEC;
    l->zs.next_in = l->in;
    l->zs.avail_in = (uInt)n;
    l->zs.next_out = l->out;
    l->zs.avail_out = (uInt)l->cap;
    if (deflate(&l->zs, Z_FINISH) != Z_STREAM_END)
        return KCB_ECODEC;
    *size = l->cap - l->zs.avail_out;
    return KCB_OK;
}

static int direct_zstd(struct loop *l, size_t n, size_t *size)
{
    size_t r = ZSTD_compressCCtx(l->zc, l->out, l->cap, l->in, n, l->spec->level);
    if (ZSTD_isError(r))
        return KCB_ECODEC;
    *size = r;
    return KCB_OK;
}

static int direct_bzip2(struct loop *l, size_t n, size_t *size)
{
    unsigned int got = (unsigned int)l->cap;
    if (BZ2_bzBuffToBuffCompress((char *)l->out, &got, (char *)l->in, (unsigned int)n,
                                 l->spec->level, 0, 0) != BZ_OK)
        return KCB_ECODEC;
    *size = got;
    return KCB_OK;
}

/* xz: fit set, the preset's LZMA2 options with dict_size the next power of two >= n (at
 * least 4 KiB, at most the preset's), as lib/codec/xz.c; else the easy preset. */
static int direct_xz(struct loop *l, size_t n, size_t *size, int fit)
{
    lzma_ret r;
    if (fit && l->xfit) {
        lzma_options_lzma opt = l->xopt;
        uint32_t dict = LZMA_DICT_SIZE_MIN;
        while (dict < n && dict < l->xopt.dict_size)
            dict <<= 1;
        opt.dict_size = dict < l->xopt.dict_size ? dict : l->xopt.dict_size;
        const lzma_filter f[] = {{LZMA_FILTER_LZMA2, &opt}, {LZMA_VLI_UNKNOWN, NULL}};
        r = lzma_stream_encoder(&l->xs, f, LZMA_CHECK_CRC64);
    } else {
        r = lzma_easy_encoder(&l->xs, (uint32_t)l->spec->level, LZMA_CHECK_CRC64);
    }
    if (r != LZMA_OK)
        return KCB_ECODEC;
    l->xs.next_in = l->in;
    l->xs.avail_in = n;
    l->xs.next_out = l->out;
    l->xs.avail_out = l->cap;
    if (lzma_code(&l->xs, LZMA_FINISH) != LZMA_STREAM_END)
        return KCB_ECODEC;
    *size = l->cap - l->xs.avail_out;
    return KCB_OK;
}

enum path { P_VTABLE, P_DIRECT, P_PRESET, P_CANONICAL, P_N };

static const char *const PATH_NAME[] = {"vtable", "direct", "preset", "canonical"};

/* Compresses in[0..n) along path p: 0 or kcb_err. */
static int compress_one(struct loop *l, enum path p, size_t n, size_t *size)
{
    const char *name = l->spec->codec->name;
    if (p == P_VTABLE)
        return l->spec->codec->compress(l->vctx, l->in, n, l->out, l->cap, size);
    if (p == P_CANONICAL)
        return l->spec->codec->compress(l->cctx, l->in, n, l->out, l->cap, size);
    if (p == P_PRESET)
        return direct_xz(l, n, size, 0);
    if (is_zlib(name))
        return direct_zlib(l, n, size);
    if (!strcmp(name, "zstd"))
        return direct_zstd(l, n, size);
    if (!strcmp(name, "bzip2"))
        return direct_bzip2(l, n, size);
    return direct_xz(l, n, size, 1);
}

/* Whether path p exists for this codec. */
static int path_ok(const struct loop *l, enum path p)
{
    const char *name = l->spec->codec->name;
    if (p == P_VTABLE || p == P_CANONICAL)
        return 1;
    if (p == P_PRESET)
        return !strcmp(name, "xz");
    return is_zlib(name) || !strcmp(name, "zstd") || !strcmp(name, "bzip2") ||
           !strcmp(name, "xz");
}

static int setup(struct loop *l)
{
    const struct kcb_codec *c = l->spec->codec;
    int rc = c->ctx_new(l->spec->level, KCB_CODEC_SIZE_ONLY, &l->vctx);
    if (!rc)
        rc = c->ctx_new(l->spec->level, 0, &l->cctx);
    if (rc)
        return rc;
    if (is_zlib(c->name)) {
        if (deflateInit2(&l->zs, l->spec->level, Z_DEFLATED, zlib_wbits(c->name), 8,
                         Z_DEFAULT_STRATEGY) != Z_OK)
            return KCB_ECODEC;
        l->zs_ok = 1;
    }
    if (!strcmp(c->name, "zstd") && !(l->zc = ZSTD_createCCtx()))
        return KCB_ENOMEM;
    l->xs = (lzma_stream)LZMA_STREAM_INIT;
    if (!strcmp(c->name, "xz") && !lzma_lzma_preset(&l->xopt, (uint32_t)l->spec->level))
        l->xfit = l->xopt.mf == LZMA_MF_BT2 || l->xopt.mf == LZMA_MF_BT3 ||
                  l->xopt.mf == LZMA_MF_BT4;
    return KCB_OK;
}

static void teardown(struct loop *l)
{
    if (l->vctx)
        l->spec->codec->ctx_free(l->vctx);
    if (l->cctx)
        l->spec->codec->ctx_free(l->cctx);
    if (l->zs_ok)
        deflateEnd(&l->zs);
    ZSTD_freeCCtx(l->zc);
    lzma_end(&l->xs);
    free(l->in);
    free(l->out);
    free(l->ref);
}

/* Builds test[i].sep.train[j] in the reused buffer; returns its length. */
static size_t concat(struct loop *l, size_t i, size_t j)
{
    const struct kcb_blob *x = &l->test->text[i], *y = &l->train->text[j];
    if (x->n)
        memcpy(l->in, x->p, x->n);
    if (l->nsep)
        memcpy(l->in + x->n, l->sep, l->nsep);
    if (y->n)
        memcpy(l->in + x->n + l->nsep, y->p, y->n);
    return x->n + l->nsep + y->n;
}

/* Runs path p over the first ntest test texts and prints its JSON object. */
static int run_path(struct loop *l, enum path p, size_t ntest, int first)
{
    size_t ntr = l->train->n, pairs = ntest * ntr, differ = 0, size;
    unsigned long long bytes = 0, total = 0;
    int rc = KCB_OK;
    for (size_t w = 0; w < 8 && w < ntr && !rc; w++) /* untimed warm-up */
        rc = compress_one(l, p, concat(l, 0, w), &size);
    double t0 = kcb_clock();
    for (size_t i = 0; i < ntest && !rc; i++) {
        for (size_t j = 0; j < ntr && !rc; j++) {
            size_t n = concat(l, i, j);
            rc = compress_one(l, p, n, &size);
            bytes += n;
            total += size;
            size_t k = i * ntr + j;
            if (first)
                l->ref[k] = (uint32_t)size;
            else if (k < l->nref && l->ref[k] != size)
                differ++;
        }
    }
    double s = kcb_clock() - t0;
    if (rc)
        return rc;
    if (first)
        l->nref = pairs;
    size_t compared = first ? pairs : pairs < l->nref ? pairs : l->nref;
    printf("%s\n  {\"path\":\"%s\",\"test\":%zu,\"pairs\":%zu,\"bytes\":%llu,"
           "\"compressed\":%llu,\"seconds\":%.6f,\"pairs_per_s\":%.1f,\"mb_per_s\":%.3f,"
           "\"compared\":%zu,\"differ\":%zu}",
           first ? "" : ",", PATH_NAME[p], ntest, pairs, bytes, total, s,
           s > 0 ? (double)pairs / s : 0.0, s > 0 ? (double)bytes / s / 1e6 : 0.0, compared,
           differ);
    fflush(stdout);
    return KCB_OK;
}

/* ---- selecting the texts as eval does ---- */

static int keep_sample(struct kcb_dataset *d, size_t want, uint64_t seed, int per_class)
{
    if (!want || (!per_class && want >= d->n))
        return KCB_OK;
    unsigned char *keep = malloc(d->n ? d->n : 1);
    if (!keep)
        return KCB_ENOMEM;
    int rc = per_class ? kcb_sample_per_class(d->label, d->n, d->labels->n, want, seed, keep)
                       : kcb_sample_stratified_own(d->label, d->n, d->labels->n, want, seed,
                                                   keep);
    if (!rc)
        kcb_dataset_filter(d, keep);
    free(keep);
    return rc;
}

static int load(const struct opts *o, struct kcb_labels **labels, struct kcb_dataset **train,
                struct kcb_dataset **test)
{
    struct kcb_diag diag = {0};
    int rc = kcb_labels_new(labels);
    if (!rc && (rc = kcb_dataset_load(o->train, NULL, *labels, train, &diag)))
        fprintf(stderr, "pairloop: %s:%ld: %s\n", o->train, diag.line, diag.msg);
    if (!rc && (rc = kcb_dataset_load(o->test, NULL, *labels, test, &diag)))
        fprintf(stderr, "pairloop: %s:%ld: %s\n", o->test, diag.line, diag.msg);
    if (!rc && o->per_class)
        rc = keep_sample(*train, o->per_class, o->seed, 1);
    if (!rc)
        rc = keep_sample(*test, o->test_sample, o->seed, 0);
    return rc;
}

static int dump_one(const char *dir, const char *name, const struct kcb_dataset *d)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "w");
    if (!f)
        return KCB_EIO;
    for (size_t i = 0; i < d->n; i++) {
        fputs(d->labels->name[d->label[i]], f);
        fputc('\t', f);
        fwrite(d->text[i].p, 1, d->text[i].n, f);
        fputc('\n', f);
    }
    return fclose(f) ? KCB_EIO : KCB_OK;
}

static int dump(const char *dir, const struct kcb_dataset *train, const struct kcb_dataset *test)
{
    if (mkdir(dir, 0777) && errno != EEXIST)
        return KCB_EIO;
    int rc = dump_one(dir, "train.tsv", train);
    return rc ? rc : dump_one(dir, "test.tsv", test);
}

/* ---- main ---- */

static int parse(int argc, char **argv, struct opts *o)
{
    *o = (struct opts){.sep = "", .paths = "vtable,direct", .seed = 1};
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;
        if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
            fputs(USAGE, stdout);
            exit(0);
        }
        if (!v) {
            fprintf(stderr, "pairloop: %s: missing value\n%s", a, USAGE);
            return 2;
        }
        i++;
        if (!strcmp(a, "-t"))
            o->train = v;
        else if (!strcmp(a, "-T"))
            o->test = v;
        else if (!strcmp(a, "-c"))
            o->codec = v;
        else if (!strcmp(a, "--sep"))
            o->sep = v;
        else if (!strcmp(a, "--paths"))
            o->paths = v;
        else if (!strcmp(a, "--dump"))
            o->dump = v;
        else if (!strcmp(a, "--test-sample"))
            o->test_sample = strtoul(v, NULL, 10);
        else if (!strcmp(a, "--train-per-class"))
            o->per_class = strtoul(v, NULL, 10);
        else if (!strcmp(a, "--seed"))
            o->seed = strtoull(v, NULL, 10);
        else {
            fprintf(stderr, "pairloop: unknown option %s\n%s", a, USAGE);
            return 2;
        }
    }
    if (!o->train || !o->test || !o->codec) {
        fprintf(stderr, "pairloop: -t, -T and -c are required\n%s", USAGE);
        return 2;
    }
    return 0;
}

/* Sizes the buffers for the longest concatenation. */
static int buffers(struct loop *l)
{
    size_t mx = 0, my = 0;
    for (size_t i = 0; i < l->test->n; i++)
        mx = l->test->text[i].n > mx ? l->test->text[i].n : mx;
    for (size_t j = 0; j < l->train->n; j++)
        my = l->train->text[j].n > my ? l->train->text[j].n : my;
    size_t n = mx + l->nsep + my;
    size_t b = l->spec->codec->bound(n, l->spec->level), z = compressBound((uLong)n);
    size_t zs = ZSTD_compressBound(n), x = lzma_stream_buffer_bound(n);
    l->cap = b > z ? b : z;
    l->cap = zs > l->cap ? zs : l->cap;
    l->cap = (x > l->cap ? x : l->cap) + n / 100 + 1024; /* bzip2: 1% + 600 bytes */
    if (n > UINT_MAX / 2 || l->test->n > SIZE_MAX / 4 / (l->train->n + 1))
        return KCB_ERANGE;
    l->in = malloc(n + 1);
    l->out = malloc(l->cap);
    l->ref = malloc((l->test->n * l->train->n + 1) * sizeof *l->ref);
    return l->in && l->out && l->ref ? KCB_OK : KCB_ENOMEM;
}

static unsigned long long text_bytes(const struct kcb_dataset *d)
{
    unsigned long long n = 0;
    for (size_t i = 0; i < d->n; i++)
        n += d->text[i].n;
    return n;
}

/* Runs each path of the list ("vtable,direct,preset:1"). */
static int run_paths(struct loop *l, const char *list)
{
    char buf[256];
    snprintf(buf, sizeof buf, "%s", list);
    int first = 1;
    for (char *save = NULL, *tok = strtok_r(buf, ",", &save); tok && strcmp(tok, "none");
         tok = strtok_r(NULL, ",", &save)) {
        size_t ntest = l->test->n;
        char *colon = strchr(tok, ':');
        if (colon) {
            *colon = '\0';
            size_t m = strtoul(colon + 1, NULL, 10);
            ntest = m && m < ntest ? m : ntest;
        }
        int p = -1;
        for (int k = 0; k < P_N; k++)
            if (!strcmp(tok, PATH_NAME[k]))
                p = k;
        if (p < 0 || !path_ok(l, (enum path)p)) {
            fprintf(stderr, "pairloop: path %s: not available for %s\n", tok,
                    l->spec->codec->name);
            return KCB_EINVAL;
        }
        int rc = run_path(l, (enum path)p, ntest, first);
        if (rc)
            return rc;
        first = 0;
    }
    return KCB_OK;
}

int main(int argc, char **argv)
{
    struct opts o;
    if (parse(argc, argv, &o))
        return 2;
    struct kcb_specs specs = {0};
    char why[256];
    if (kcb_specs_parse(o.codec, &specs, why, sizeof why) || specs.n != 1) {
        fprintf(stderr, "pairloop: -c %s: %s\n", o.codec, specs.n > 1 ? "one codec" : why);
        return 2;
    }
    struct kcb_labels *labels = NULL;
    struct kcb_dataset *train = NULL, *test = NULL;
    int rc = load(&o, &labels, &train, &test);
    if (rc)
        return fail("cannot load the texts", rc);
    if (!train->n || !test->n)
        return fail("no training or no test texts", KCB_EINVAL);
    if (o.dump && (rc = dump(o.dump, train, test)))
        return fail("cannot write --dump", rc);
    struct loop l = {.spec = &specs.v[0], .train = train, .test = test,
                     .sep = (const unsigned char *)o.sep, .nsep = strlen(o.sep)};
    rc = buffers(&l);
    if (!rc)
        rc = setup(&l);
    char name[64];
    if (!rc) {
        printf("{\"codec\":\"%s\",\"library\":\"%s %s\",\"train\":%zu,\"test\":%zu,"
               "\"train_bytes\":%llu,\"test_bytes\":%llu,\"sep\":%zu,\"paths\":[",
               kcb_spec_str(l.spec, name, sizeof name), l.spec->codec->library,
               l.spec->codec->version(), train->n, test->n, text_bytes(train), text_bytes(test),
               l.nsep);
        rc = run_paths(&l, o.paths);
        printf("]}\n");
    }
    teardown(&l);
    kcb_dataset_free(train);
    kcb_dataset_free(test);
    kcb_labels_free(labels);
    kcb_specs_free(&specs);
    return rc ? fail("failed", rc) : 0;
}
