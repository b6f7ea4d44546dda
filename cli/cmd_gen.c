/* kcbench gen: deterministic built-in corpora from a seed, so that everything runs offline. */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "args.h"
#include "kcb/err.h"
#include "kcb/gen.h"
#include "kcb/io.h"
#include "output.h"

#define CMD "gen"
#define SIZE_LIMIT (1L << 30)

static const struct kcb_opt opts[] = {
    {KCB_OPT_LONG + 1, "seed", "N", "seed, 0 or more (default 1)", "7"},
    {'n', "size", "BYTES",
     "output size (default 4096); for labelled the mean document\n"
     "length, each drawn within +-25% (a dropped trailing blank can make it a\n"
     "little shorter; default 500); for samples the size of\n"
     "each file but the two 45-byte ones (default 2000)", "100"},
    {KCB_OPT_LONG + 2, "order", "K", "markov, labelled, samples: Markov order, 1 to 4 (default 3)",
     "2"},
    {KCB_OPT_LONG + 3, "source", "I", "markov: which source (language) of the seed (default 0)",
     "1"},
    {KCB_OPT_LONG + 4, "index", "J",
     "markov: which text of the source (default 0); text J of source I\n"
     "is what labelled uses for document J of class I", "2"},
    {KCB_OPT_LONG + 5, "sources", "S",
     "labelled: number of sources (classes), 1 to 1000 (default 4)", "3"},
    {KCB_OPT_LONG + 6, "docs", "N", "labelled: documents per class, 2 or more (default 50)", "10"},
    {KCB_OPT_LONG + 7, "pattern", "STR", "repeat: the pattern (default \"001\")", "ab"},
    {'o', "output", "PATH",
     "file, or '-' for standard output (the default) for single\n"
     "outputs; a directory, created if missing, for labelled and\n"
     "samples (required). Files are written atomically.", "out"},
    {0, NULL, NULL, NULL, NULL},
};

/* Options that only some kinds take; --seed and --output apply to all. */
enum {
    OPT_SIZE = 1 << 0,
    OPT_ORDER = 1 << 1,
    OPT_SOURCES = 1 << 2,
    OPT_DOCS = 1 << 3,
    OPT_PATTERN = 1 << 4,
    OPT_SOURCE = 1 << 5,
    OPT_INDEX = 1 << 6,
};

struct gen_opts {
    uint64_t seed;
    size_t size;
    int order;
    size_t sources, docs;
    const char *pattern;
    uint32_t source;
    uint64_t index;
    const char *output;
    unsigned given; /* OPT_* seen on the command line */
};

/* One kind: either fill (a single output of o->size bytes) or dir (a directory of files). */
struct gen_kind {
    const char *name;
    unsigned opts; /* OPT_* it accepts */
    int (*fill)(const struct gen_opts *o, unsigned char *out, size_t n);
    int (*dir)(const struct gen_opts *o);
};

static int fill_random(const struct gen_opts *o, unsigned char *out, size_t n)
{
    kcb_gen_random(o->seed, out, n);
    return KCB_OK;
}

static int fill_random_text(const struct gen_opts *o, unsigned char *out, size_t n)
{
    kcb_gen_random_text(o->seed, out, n);
    return KCB_OK;
}

static int fill_repeat(const struct gen_opts *o, unsigned char *out, size_t n)
{
    return kcb_gen_repeat(o->pattern, strlen(o->pattern), out, n);
}

static int fill_markov(const struct gen_opts *o, unsigned char *out, size_t n)
{
    return kcb_gen_markov(o->seed, o->source, o->order, o->index, out, n);
}

/* Creates directory path unless it already is one: exit code, printing the error. */
static int make_dir(const char *path)
{
    struct stat st;
    if (mkdir(path, 0777) == 0)
        return KCB_EXIT_OK;
    int e = errno;
    if (e == EEXIST && stat(path, &st) == 0 && S_ISDIR(st.st_mode))
        return KCB_EXIT_OK;
    return kcb_io_err(CMD, "%s: %s", path, e == EEXIST ? "exists and is not a directory"
                                                         : strerror(e));
}

/* Writes len bytes to DIR/name atomically: exit code, printing the error. */
static int write_in(const char *dir, const char *name, const void *data, size_t len)
{
    size_t n = strlen(dir) + strlen(name) + 2;
    char *path = malloc(n);
    if (!path)
        return kcb_fail(CMD, "out of memory");
    snprintf(path, n, "%s/%s", dir, name);
    int rc = KCB_EXIT_OK;
    if (kcb_write_file(path, data, len))
        rc = kcb_io_err(CMD, "%s: %s", path, strerror(errno));
    free(path);
    return rc;
}

/* Reports a library error: too large is a usage error, the rest failures. */
static int lib_err(int rc)
{
    if (rc == KCB_ERANGE || rc == KCB_EINVAL)
        return kcb_usage_err(CMD, "%s", kcb_strerror(rc));
    return kcb_fail(CMD, "%s", kcb_strerror(rc));
}

static int dir_labelled(const struct gen_opts *o)
{
    struct kcb_gen_labelled p = {o->seed, o->sources, o->docs, o->size, o->order};
    struct kcb_gen_tsv tsv;
    int rc = kcb_gen_labelled(&p, &tsv);
    if (rc)
        return lib_err(rc);
    rc = make_dir(o->output);
    if (!rc)
        rc = write_in(o->output, "train.tsv", tsv.train, tsv.ntrain);
    if (!rc)
        rc = write_in(o->output, "test.tsv", tsv.test, tsv.ntest);
    kcb_gen_tsv_free(&tsv);
    return rc;
}

static int dir_samples(const struct gen_opts *o)
{
    struct kcb_gen_files f;
    int rc = kcb_gen_samples(o->seed, o->size, o->order, &f);
    if (rc)
        return lib_err(rc);
    rc = make_dir(o->output);
    for (size_t i = 0; !rc && i < f.n; i++)
        rc = write_in(o->output, f.v[i].name, f.v[i].data, f.v[i].n);
    kcb_gen_files_free(&f);
    return rc;
}

static const struct gen_kind kinds[] = {
    {"random", OPT_SIZE, fill_random, NULL},
    {"random-text", OPT_SIZE, fill_random_text, NULL},
    {"repeat", OPT_SIZE | OPT_PATTERN, fill_repeat, NULL},
    {"markov", OPT_SIZE | OPT_ORDER | OPT_SOURCE | OPT_INDEX, fill_markov, NULL},
    {"labelled", OPT_SIZE | OPT_ORDER | OPT_SOURCES | OPT_DOCS, NULL, dir_labelled},
    {"samples", OPT_SIZE | OPT_ORDER, NULL, dir_samples},
};

#define NKINDS (sizeof kinds / sizeof kinds[0])

static const struct gen_kind *find_kind(const char *name)
{
    for (size_t i = 0; i < NKINDS; i++)
        if (strcmp(kinds[i].name, name) == 0)
            return &kinds[i];
    return NULL;
}

static int run_single(const struct gen_kind *k, const struct gen_opts *o)
{
    unsigned char *buf = malloc(o->size ? o->size : 1);
    if (!buf)
        return kcb_fail(CMD, "out of memory");
    kcb_afile *af;
    FILE *fp;
    int rc = k->fill(o, buf, o->size);
    if (rc)
        rc = lib_err(rc);
    else if (!(rc = kcb_output_open(CMD, o->output, &af, &fp)))
        rc = kcb_output_close(CMD, o->output, af,
                              fwrite(buf, 1, o->size, fp) == o->size ? KCB_EXIT_OK
                              : kcb_lib_err(CMD, KCB_EIO, "%s", kcb_output_name(o->output)));
    free(buf);
    return rc;
}

/* Parses a numeric option into *out within [lo, hi] and records it in o->given. */
static int numeric(const struct kcb_cmd *cmd, struct gen_opts *o, unsigned bit, int key,
                  const char *arg, long lo, long hi, long *out)
{
    o->given |= bit;
    return kcb_arg_long(cmd, key, arg, lo, hi, out);
}

static int apply(const struct kcb_cmd *cmd, void *ctx, int key, const char *arg)
{
    struct gen_opts *o = ctx;
    long v = 0;
    int rc = KCB_EXIT_OK;
    switch (key) {
    case KCB_OPT_LONG + 1:
        rc = kcb_arg_long(cmd, key, arg, 0, LONG_MAX, &v);
        o->seed = (uint64_t)v;
        break;
    case 'n':
        rc = numeric(cmd, o, OPT_SIZE, key, arg, 0, SIZE_LIMIT, &v);
        o->size = (size_t)v;
        break;
    case KCB_OPT_LONG + 2:
        rc = numeric(cmd, o, OPT_ORDER, key, arg, KCB_GEN_ORDER_MIN, KCB_GEN_ORDER_MAX, &v);
        o->order = (int)v;
        break;
    case KCB_OPT_LONG + 3:
        rc = numeric(cmd, o, OPT_SOURCE, key, arg, 0, 1000000, &v);
        o->source = (uint32_t)v;
        break;
    case KCB_OPT_LONG + 4:
        rc = numeric(cmd, o, OPT_INDEX, key, arg, 0, LONG_MAX, &v);
        o->index = (uint64_t)v;
        break;
    case KCB_OPT_LONG + 5:
        rc = numeric(cmd, o, OPT_SOURCES, key, arg, 1, 1000, &v);
        o->sources = (size_t)v;
        break;
    case KCB_OPT_LONG + 6:
        rc = numeric(cmd, o, OPT_DOCS, key, arg, 2, 1000000, &v);
        o->docs = (size_t)v;
        break;
    case KCB_OPT_LONG + 7:
        o->given |= OPT_PATTERN;
        o->pattern = arg;
        break;
    case 'o': o->output = arg; break;
    }
    return rc;
}
/* Checks the options against the kind and fills in the kind's defaults. */
static int settle(const struct gen_kind *k, struct gen_opts *o)
{
    static const char *const names[] = {"--size", "--order", "--sources", "--docs",
                                        "--pattern", "--source", "--index"};
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (o->given & ~k->opts & (1u << i))
            return kcb_usage_err(CMD, "%s does not apply to '%s' (see 'kcbench gen --help')",
                                 names[i], k->name);
    if (o->pattern && !*o->pattern)
        return kcb_usage_err(CMD, "--pattern: must not be empty");
    if (k->dir && (!o->output || strcmp(o->output, "-") == 0))
        return kcb_usage_err(CMD, "%s writes a directory: give it with -o DIR", k->name);
    if (!(o->given & OPT_SIZE))
        o->size = k->fill ? 4096 : k->dir == dir_labelled ? 500 : 2000;
    if (k->dir == dir_labelled && o->size == 0)
        return kcb_usage_err(CMD, "--size: labelled documents need at least 1 byte");
    if (!o->output)
        o->output = "-";
    return KCB_EXIT_OK;
}

static int run(const struct kcb_cmd *cmd, int argc, char **argv)
{
    struct gen_opts o = {.seed = 1, .order = 3, .sources = 4, .docs = 50, .pattern = "001"};
    int rc = kcb_opt_parse(cmd, argc, argv, apply, &o);
    if (rc)
        return rc;
    if (argc - optind != 1)
        return kcb_usage_err(CMD, "needs exactly one KIND (random, random-text, repeat, "
                             "markov, labelled, samples), got %d arguments", argc - optind);
    const struct gen_kind *k = find_kind(argv[optind]);
    if (!k)
        return kcb_usage_err(CMD, "unknown kind '%s' (random, random-text, repeat, markov, "
                             "labelled, samples)", argv[optind]);
    rc = settle(k, &o);
    if (rc)
        return rc;
    return k->fill ? run_single(k, &o) : k->dir(&o);
}

const struct kcb_cmd kcb_cmd_gen = {
    "gen", "deterministic built-in corpora from a seed (no download)",
    "KIND [--seed N] [-n BYTES] [KIND OPTIONS] [-o PATH]",
    "Writes a corpus that depends only on KIND, the seed and the options: the same command\n"
    "gives byte-identical output on every run and machine.\n\n"
    "kinds:\n"
    "  random        uniformly random bytes (incompressible)\n"
    "  random-text   uniformly random letters a-z and space (log2 27 = 4.75 bits/char)\n"
    "  repeat        --pattern repeated to the size, the last copy cut (-n 45 gives\n"
    "                \"001\" x 15)\n"
    "  markov        text of a synthetic language (a source: its own letters, words, word\n"
    "                order and punctuation, fixed by seed and --source), sampled from an\n"
    "                order-k character model of it; same-source texts compress together\n"
    "  labelled      DIR/train.tsv and DIR/test.tsv, 'label<TAB>text' lines, one per\n"
    "                document, --docs per source of which the last fifth (at least 1) is\n"
    "                test; labels are the sources' names; for 'kcbench classify'\n"
    "  samples       DIR with x1_001x15.txt, random_45.bin, random.bin, random_text.txt,\n"
    "                repeat_001.txt, repeat_hello.txt and two markov texts of each of\n"
    "                three sources: an NCD matrix over them shows the structure\n",
    opts, NULL, run,
};
