/* kcbench gen: deterministic built-in corpora from a seed, so that everything runs offline. */
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cmd.h"
#include "kcb/err.h"
#include "kcb/gen.h"
#include "kcb/io.h"

#define SIZE_LIMIT (1L << 30)

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
    return kcb_io_err("gen", "%s: %s", path, e == EEXIST ? "exists and is not a directory"
                                                         : strerror(e));
}

/* Writes len bytes to DIR/name atomically: exit code, printing the error. */
static int write_in(const char *dir, const char *name, const void *data, size_t len)
{
    size_t n = strlen(dir) + strlen(name) + 2;
    char *path = malloc(n);
    if (!path)
        return kcb_fail("gen", "out of memory");
    snprintf(path, n, "%s/%s", dir, name);
    int rc = KCB_EXIT_OK;
    if (kcb_write_file(path, data, len))
        rc = kcb_io_err("gen", "%s: %s", path, strerror(errno));
    free(path);
    return rc;
}

/* Reports a library error: too large is a usage error, the rest failures. */
static int lib_err(int rc)
{
    if (rc == KCB_ERANGE || rc == KCB_EINVAL)
        return kcb_usage_err("gen", "%s", kcb_strerror(rc));
    return kcb_fail("gen", "%s", kcb_strerror(rc));
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
        return kcb_fail("gen", "out of memory");
    int rc = k->fill(o, buf, o->size);
    if (rc)
        rc = lib_err(rc);
    else if (kcb_write_file(o->output, buf, o->size))
        rc = kcb_io_err("gen", "%s: %s", o->output, strerror(errno));
    free(buf);
    return rc;
}

/* Parses one numeric option into *out within [lo, hi]; records it in o->given. */
static int number(struct gen_opts *o, unsigned bit, const char *opt, long lo, long hi,
                  long *out)
{
    o->given |= bit;
    return kcb_cmd_long("gen", opt, optarg, lo, hi, out);
}

/* Applies one option from getopt_long; returns an exit code, or -1 after --help. */
static int option(int c, struct gen_opts *o, int argc, char **argv)
{
    long v = 0;
    int rc = KCB_EXIT_OK;
    switch (c) {
    case 's':
        rc = kcb_cmd_long("gen", "--seed", optarg, 0, LONG_MAX, &v);
        o->seed = (uint64_t)v;
        break;
    case 'n':
        rc = number(o, OPT_SIZE, "--size", 0, SIZE_LIMIT, &v);
        o->size = (size_t)v;
        break;
    case 'k':
        rc = number(o, OPT_ORDER, "--order", KCB_GEN_ORDER_MIN, KCB_GEN_ORDER_MAX, &v);
        o->order = (int)v;
        break;
    case 'S':
        rc = number(o, OPT_SOURCES, "--sources", 1, 1000, &v);
        o->sources = (size_t)v;
        break;
    case 'N':
        rc = number(o, OPT_DOCS, "--docs", 2, 1000000, &v);
        o->docs = (size_t)v;
        break;
    case 'I':
        rc = number(o, OPT_SOURCE, "--source", 0, 1000000, &v);
        o->source = (uint32_t)v;
        break;
    case 'J':
        rc = number(o, OPT_INDEX, "--index", 0, LONG_MAX, &v);
        o->index = (uint64_t)v;
        break;
    case 'p': o->given |= OPT_PATTERN; o->pattern = optarg; break;
    case 'o': o->output = optarg; break;
    case 'h': kcb_cmd_help(kcb_cmd_find("gen"), stdout); return -1;
    default: return kcb_bad_option("gen", argc, argv);
    }
    return rc;
}

static int parse(int argc, char **argv, struct gen_opts *o)
{
    static const struct option opts[] = {
        {"seed", required_argument, 0, 's'},    {"size", required_argument, 0, 'n'},
        {"order", required_argument, 0, 'k'},   {"sources", required_argument, 0, 'S'},
        {"docs", required_argument, 0, 'N'},    {"pattern", required_argument, 0, 'p'},
        {"source", required_argument, 0, 'I'},  {"index", required_argument, 0, 'J'},
        {"output", required_argument, 0, 'o'},  {"help", no_argument, 0, 'h'},
        {0, 0, 0, 0}};
    int c, rc = KCB_EXIT_OK;
    optind = 1;
    opterr = 0; /* kcb_bad_option prints the one line */
    while (!rc && (c = getopt_long(argc, argv, "n:o:h", opts, NULL)) != -1)
        rc = option(c, o, argc, argv);
    return rc;
}

/* Checks the options against the kind and fills in the kind's defaults. */
static int settle(const struct gen_kind *k, struct gen_opts *o)
{
    static const char *const names[] = {"--size", "--order", "--sources", "--docs",
                                        "--pattern", "--source", "--index"};
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (o->given & ~k->opts & (1u << i))
            return kcb_usage_err("gen", "%s does not apply to '%s' (see 'kcbench gen --help')",
                                 names[i], k->name);
    if (o->pattern && !*o->pattern)
        return kcb_usage_err("gen", "--pattern: must not be empty");
    if (k->dir && (!o->output || strcmp(o->output, "-") == 0))
        return kcb_usage_err("gen", "%s writes a directory: give it with -o DIR", k->name);
    if (!(o->given & OPT_SIZE))
        o->size = k->fill ? 4096 : k->dir == dir_labelled ? 500 : 2000;
    if (k->dir == dir_labelled && o->size == 0)
        return kcb_usage_err("gen", "--size: labelled documents need at least 1 byte");
    if (!o->output)
        o->output = "-";
    return KCB_EXIT_OK;
}

static int run(int argc, char **argv)
{
    struct gen_opts o = {.seed = 1, .order = 3, .sources = 4, .docs = 50, .pattern = "001"};
    int rc = parse(argc, argv, &o);
    if (rc)
        return rc < 0 ? KCB_EXIT_OK : rc;
    if (argc - optind != 1)
        return kcb_usage_err("gen", "needs exactly one KIND (random, random-text, repeat, "
                             "markov, labelled, samples), got %d arguments", argc - optind);
    const struct gen_kind *k = find_kind(argv[optind]);
    if (!k)
        return kcb_usage_err("gen", "unknown kind '%s' (random, random-text, repeat, markov, "
                             "labelled, samples)", argv[optind]);
    rc = settle(k, &o);
    if (rc)
        return rc;
    return k->fill ? run_single(k, &o) : k->dir(&o);
}

const struct kcb_cmd kcb_cmd_gen = {
    "gen", run, "deterministic built-in corpora from a seed (no download)",
    "usage: kcbench gen KIND [--seed N] [-n BYTES] [KIND OPTIONS] [-o PATH]\n\n"
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
    "                three sources: an NCD matrix over them shows the structure\n\n"
    "options:\n"
    "      --seed N       seed, 0 or more (default 1)\n"
    "  -n, --size BYTES   output size (default 4096); for labelled the mean document\n"
    "                     length, each drawn within +-25% (a dropped trailing blank can make it a\n"
    "                     little shorter; default 500); for samples the size of\n"
    "                     each file but the two 45-byte ones (default 2000)\n"
    "      --order K      markov, labelled, samples: Markov order, 1 to 4 (default 3)\n"
    "      --source I     markov: which source (language) of the seed (default 0)\n"
    "      --index J      markov: which text of the source (default 0); text J of source I\n"
    "                     is what labelled uses for document J of class I\n"
    "      --sources S    labelled: number of sources (classes), 1 to 1000 (default 4)\n"
    "      --docs N       labelled: documents per class, 2 or more (default 50)\n"
    "      --pattern STR  repeat: the pattern (default \"001\")\n"
    "  -o, --output PATH  file, or '-' for standard output (the default) for single\n"
    "                     outputs; a directory, created if missing, for labelled and\n"
    "                     samples (required). Files are written atomically.\n",
};
