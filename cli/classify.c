/* kcbench classify: label texts by their nearest training texts under NCD (from a set or a model). */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "data.h"
#include "kcb/err.h"
#include "kcb/io.h"
#include "kcb/knn.h"
#include "kcb/model.h"

struct classify_opts {
    const char *train, *model, *codecs, *sep;
    long k, threads;
    int explain, skip_bad;
    enum kcb_informat informat;
};

/* The training side: a model read from a file, or a view of a freshly loaded dataset. */
struct training {
    struct kcb_model *file;   /* owned, when -m */
    struct kcb_dataset *set;  /* owned, when -t */
    struct kcb_model view;    /* what the search reads; arrays borrowed */
    struct kcb_spec spec;
    const size_t *sizes;      /* C(text) under spec */
    size_t *own_sizes;
};

struct queries {
    struct kcb_blob *x;
    size_t n;
    unsigned char *buf; /* stdin, owned */
};

static int parse(int argc, char **argv, struct classify_opts *o)
{
    static const struct option opts[] = {
        {"train", required_argument, 0, 't'},        {"model", required_argument, 0, 'm'},
        {"codec", required_argument, 0, 'c'},        {"sep", required_argument, 0, 'S'},
        {"explain", no_argument, 0, 'e'},            {"skip-bad", no_argument, 0, 'b'},
        {"input-format", required_argument, 0, 'I'}, {"help", no_argument, 0, 'h'},
        {0, 0, 0, 0}};
    int c, rc = 0;
    optind = 1;
    while (!rc && (c = getopt_long(argc, argv, "t:m:c:k:j:h", opts, NULL)) != -1) {
        switch (c) {
        case 't': o->train = optarg; break;
        case 'm': o->model = optarg; break;
        case 'c': o->codecs = optarg; break;
        case 'S': o->sep = optarg; break;
        case 'e': o->explain = 1; break;
        case 'b': o->skip_bad = 1; break;
        case 'I': rc = kcb_cmd_informat("classify", optarg, &o->informat); break;
        case 'k': rc = kcb_cmd_long("classify", "-k", optarg, 1, 1024, &o->k); break;
        case 'j': rc = kcb_cmd_long("classify", "-j", optarg, 1, 1024, &o->threads); break;
        case 'h': kcb_cmd_help(kcb_cmd_find("classify"), stdout); return -1;
        default: return kcb_bad_option("classify", argc, argv);
        }
    }
    if (rc)
        return rc;
    if (!o->train == !o->model)
        return kcb_usage_err("classify", "needs exactly one of -t TRAIN or -m MODEL");
    return KCB_EXIT_OK;
}

static int one_spec(const char *text, struct kcb_spec *out)
{
    struct kcb_specs s;
    int rc = kcb_cmd_specs("classify", text, &s);
    if (rc)
        return rc;
    if (s.n != 1) {
        kcb_specs_free(&s);
        return kcb_usage_err("classify", "-c %s: classify takes one compressor", text);
    }
    *out = s.v[0];
    kcb_specs_free(&s);
    return KCB_EXIT_OK;
}

static int from_model(const struct classify_opts *o, struct training *t)
{
    char why[256] = "", name[64];
    int rc = kcb_model_read(o->model, &t->file, why, sizeof why);
    if (rc == KCB_EIO)
        return kcb_io_err("classify", "%s: %s", o->model, strerror(errno));
    if (rc)
        return kcb_io_err("classify", "%s: %s", o->model, why[0] ? why : kcb_strerror(rc));
    t->view = *t->file;
    t->spec = t->file->specs.v[0];
    if (o->codecs && (rc = one_spec(o->codecs, &t->spec)))
        return rc;
    int s = kcb_model_spec(t->file, &t->spec);
    if (s < 0)
        return kcb_usage_err("classify", "%s: the model has no sizes for %s (index it with -c)",
                             o->model, kcb_spec_str(&t->spec, name, sizeof name));
    t->sizes = t->file->sizes + (size_t)s * t->file->n;
    return KCB_EXIT_OK;
}

static int from_set(const struct classify_opts *o, struct training *t)
{
    int rc = one_spec(o->codecs ? o->codecs : "gzip:9", &t->spec);
    if (!rc)
        rc = kcb_cmd_load("classify", o->train, o->informat, o->skip_bad, NULL, &t->set);
    if (rc)
        return rc;
    t->view = (struct kcb_model){.nlabels = t->set->labels->n, .labels = t->set->labels->name,
                                 .n = t->set->n, .text = t->set->text, .label = t->set->label};
    t->own_sizes = malloc((t->set->n ? t->set->n : 1) * sizeof *t->own_sizes);
    if (!t->own_sizes)
        return kcb_fail("classify", "out of memory");
    rc = kcb_sizes(&t->spec, t->view.text, t->view.n, (size_t)o->threads, t->own_sizes);
    if (rc)
        return kcb_fail("classify", "%s", kcb_strerror(rc));
    t->sizes = t->own_sizes;
    return KCB_EXIT_OK;
}

/* Texts from the command line, or one per line from standard input. */
static int read_queries(char **args, size_t nargs, struct queries *q)
{
    if (nargs) {
        q->x = calloc(nargs, sizeof *q->x);
        if (!q->x)
            return kcb_fail("classify", "out of memory");
        for (size_t i = 0; i < nargs; i++)
            q->x[i] = (struct kcb_blob){(const unsigned char *)args[i], strlen(args[i])};
        q->n = nargs;
        return KCB_EXIT_OK;
    }
    size_t len;
    if (kcb_read_file("-", &q->buf, &len))
        return kcb_io_err("classify", "standard input: %s", strerror(errno));
    size_t lines = 0;
    for (size_t i = 0; i < len; i++)
        lines += q->buf[i] == '\n';
    q->x = calloc(lines + 1, sizeof *q->x);
    if (!q->x)
        return kcb_fail("classify", "out of memory");
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
               t->view.labels[t->view.label[nb[j].idx]], nb[j].idx + 1);
        preview(&t->view.text[nb[j].idx]);
    }
}

static int classify(const struct classify_opts *o, const struct training *t,
                    const struct queries *q)
{
    size_t k = (size_t)o->k, n = q->n;
    size_t *cq = malloc((n ? n : 1) * sizeof *cq);
    struct kcb_nb *nb = malloc((n ? n : 1) * k * sizeof *nb);
    int rc = !cq || !nb ? KCB_ENOMEM : KCB_OK;
    if (!rc)
        rc = kcb_sizes(&t->spec, q->x, n, (size_t)o->threads, cq);
    struct kcb_knn_job job = {&t->spec, KCB_DIST_NCD, t->view.text, t->sizes, t->view.n, q->x,
                              cq, n, o->sep, strlen(o->sep), k, (size_t)o->threads, NULL, NULL};
    if (!rc && n)
        rc = kcb_knn_search(&job, nb);
    size_t kk = k < t->view.n ? k : t->view.n;
    for (size_t i = 0; !rc && i < n; i++) {
        struct kcb_vote v;
        kcb_knn_decide(KCB_RULE_VOTE, nb + i * k, kk, t->view.label, -1, &v);
        printf("%s\n", t->view.labels[v.label]);
        if (o->explain)
            explain(t, nb + i * k, kk);
    }
    free(cq);
    free(nb);
    return rc ? kcb_fail("classify", "%s", kcb_strerror(rc)) : KCB_EXIT_OK;
}

static int run(int argc, char **argv)
{
    struct classify_opts o = {.sep = "", .k = 1};
    struct training t = {0};
    struct queries q = {0};
    int rc = parse(argc, argv, &o);
    if (!rc)
        rc = o.model ? from_model(&o, &t) : from_set(&o, &t);
    if (!rc && t.view.n == 0)
        rc = kcb_io_err("classify", "%s: no training texts", o.model ? o.model : o.train);
    if (!rc)
        rc = read_queries(argv + optind, (size_t)(argc - optind), &q);
    if (!rc)
        rc = classify(&o, &t, &q);
    kcb_model_free(t.file);
    kcb_dataset_free(t.set);
    free(t.own_sizes);
    free(q.x);
    free(q.buf);
    return rc < 0 ? KCB_EXIT_OK : rc;
}

const struct kcb_cmd kcb_cmd_classify = {
    "classify", run, "label texts by their nearest training texts under NCD",
    "usage: kcbench classify (-t TRAIN | -m MODEL) [-c CODEC] [-k K] [--sep STR] [--explain]\n"
    "                        [TEXT...]\n\n"
    "Prints the predicted label of each TEXT, one per line; with no TEXT, classifies each\n"
    "line of standard input. The label is the majority of the K nearest training texts under\n"
    "NCD (test text first), a tie between labels broken by shrinking K until one wins.\n\n"
    "  -t, --train FILE      labelled training set (tsv, csv, fasttext or a directory)\n"
    "  -m, --model MODEL     a model saved by 'kcbench index' (no recompression of training)\n"
    "  -c, --codec NAME[:L]  one compressor (default gzip:9; with -m, the model's first)\n"
    "  -k K                  neighbours (default 1)\n"
    "      --sep STR         inserted between the text and each training text (default none)\n"
    "      --explain         also print the nearest training texts, labels and distances\n"
    "      --input-format F  tsv, csv, fasttext or dir (default: from the extension)\n"
    "      --skip-bad        skip malformed training rows (counted in a warning)\n"
    "  -j N                  threads (default: all cores)\n",
};
