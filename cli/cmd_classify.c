/* kcbench classify: label texts by their nearest training texts under NCD (a set or a model). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "args.h"
#include "dataopts.h"
#include "columns.h"
#include "kcb/err.h"
#include "kcb/io.h"
#include "kcb/model.h"
#include "kcb/primed.h"
#include "kcb/rules.h"
#include "kcb/sizes.h"
#include "kcb/text.h"
#include "kcb/toplabels.h"
#include "load.h"
#include "output.h"

static const struct kcb_opt opts[] = {
    {'t', "train", "FILE", "labelled training set (tsv, csv, fasttext or a directory)",
     "train.tsv"},
    {'m', "model", "MODEL", "a model saved by 'kcbench index' (no recompression of training)",
     "m.kcb"},
    {'c', "codec", "NAME[:L]", "one compressor (default gzip:9; with -m, the model's first)",
     "zstd:3"},
    {'k', "k", "K", "neighbours (default 1)", "3"},
    {KCB_OPT_LONG + 5, "top", "N",
     "the N best labels of each text, each with its scores (votes,\n"
     "nearest; see below); the decided label is first", "3"},
    {'f', "format", "F",
     "plain (default: the labels alone, one per line), table (the\n"
     "default with --top), md, csv, tsv, json", "json"},
    {'o', "output", "FILE", "write there (atomically) instead of standard output", "out.txt"},
    {KCB_OPT_LONG + 1, "sep", "STR",
     "inserted between the text and each training text (default none)", " "},
    {KCB_OPT_LONG + 2, "explain", NULL,
     "also print the nearest training texts, labels and distances\n(plain format only)", NULL},
    KCB_DATAOPTS_ENTRIES, /* how -t TRAIN is read */
    {'j', "threads", "N", "threads (default: all cores)", "2"},
    {KCB_OPT_LONG + 6, "method", "M",
     "exact (default); per-class: the class whose training texts,\n"
     "joined by --sep as a dictionary, compress the text best (prints\n"
     "labels only); or conditional: kNN on C(y) + C(x|y), each training\n"
     "text primed as a dictionary; as 'kcbench eval --method'", "per-class"},
    {KCB_OPT_LONG + 7, "parts", "P", KCB_PARTS_HELP, "3"},
    {KCB_OPT_LONG + 9, "shortlist", "N[,CODEC]", KCB_SHORTLIST_HELP, "3"},
    {KCB_OPT_LONG + 8, "bits", NULL,
     KCB_BITS_HELP "; with -m,\n--method per-class only (the model's sizes are coded bytes)",
     NULL},
    {0, NULL, NULL, NULL, NULL},
};

struct classify_opts {
    const char *train, *model, *codec, *sep, *output;
    long k, top, threads;
    int explain, format_set, k_given, sep_given, bits;
    enum kcb_format format;
    enum kcb_method method;
    long parts, shortlist;
    struct kcb_spec first;    /* --shortlist's first pass */
    struct kcb_dataopts data; /* how -t TRAIN is read */
};

static int apply(const struct kcb_cmd *cmd, void *ctx, int key, const char *arg)
{
    struct classify_opts *o = ctx;
    struct kcb_spec check;
    switch (key) {
    case 't': o->train = arg; return KCB_EXIT_OK;
    case 'm': o->model = arg; return KCB_EXIT_OK;
    case 'c': o->codec = arg; return kcb_arg_spec(cmd, key, arg, &check);
    case 'k': o->k_given = 1; return kcb_arg_long(cmd, key, arg, 1, KCB_KNN_MAXK, &o->k);
    case 'f':
        o->format_set = 1;
        return kcb_arg_format(cmd, key, arg, KCB_FMTS_TABLES | 1u << KCB_FMT_PLAIN, &o->format);
    case 'o': o->output = arg; return KCB_EXIT_OK;
    case 'j': return kcb_arg_long(cmd, key, arg, 1, 1024, &o->threads);
    case KCB_OPT_LONG + 1: o->sep = arg, o->sep_given = 1; return KCB_EXIT_OK;
    case KCB_OPT_LONG + 2: o->explain = 1; return KCB_EXIT_OK;
    case KCB_OPT_LONG + 5: return kcb_arg_long(cmd, key, arg, 1, 1L << 20, &o->top);
    case KCB_OPT_LONG + 6:
        if (kcb_method_parse(arg, &o->method))
            return kcb_usage_err(cmd->name, "%s %s: unknown method (exact, per-class, "
                                 "conditional)", kcb_opt_name(cmd, key), arg);
        return KCB_EXIT_OK;
    case KCB_OPT_LONG + 7: return kcb_arg_long(cmd, key, arg, 1, KCB_PARTS_MAX, &o->parts);
    case KCB_OPT_LONG + 8: o->bits = 1; return KCB_EXIT_OK;
    case KCB_OPT_LONG + 9: return kcb_arg_shortlist(cmd, key, arg, &o->shortlist, &o->first);
    }
    return kcb_dataopts_apply(cmd, &o->data, key, arg);
}

/* The training side: texts and labels, the compressor, and C(text) under it. */
struct training {
    struct kcb_model *model;  /* owned, when -m */
    struct kcb_dataset *set;  /* owned, when -t */
    const struct kcb_dataset *d;
    struct kcb_spec spec;
    const size_t *sizes;
    size_t *own_sizes;
};

/* The codec of a faster method must prime: with -m it is the model's first unless -c. */
static int check_primable(const struct kcb_cmd *cmd, const struct classify_opts *o,
                          const struct training *t)
{
    char list[160];
    if (o->method == KCB_METHOD_EXACT || kcb_codec_primable(t->spec.codec))
        return KCB_EXIT_OK;
    return kcb_usage_err(cmd->name, "--method %s: %s cannot compress with a dictionary (these "
                         "can: %s)", kcb_method_name(o->method), t->spec.codec->name,
                         kcb_codecs_primable(list, sizeof list));
}

/* --bits: the one compressor measures ideal code lengths (kcb/spec.h). */
static int set_bits(const struct kcb_cmd *cmd, const struct classify_opts *o, struct training *t)
{
    struct kcb_specs one = {&t->spec, 1};
    return o->bits ? kcb_arg_bits(cmd, &one) : KCB_EXIT_OK;
}

static int from_model(const struct kcb_cmd *cmd, const struct classify_opts *o,
                      struct training *t)
{
    char why[256] = "", name[64];
    int rc = kcb_model_read(o->model, &t->model, why, sizeof why);
    if (rc == KCB_EIO || rc == KCB_ENOMEM)
        return kcb_lib_err(cmd->name, rc, "%s", o->model);
    if (rc)
        return kcb_io_err(cmd->name, "%s: %s", o->model, why[0] ? why : kcb_strerror(rc));
    t->d = t->model->data;
    t->spec = t->model->specs.v[0];
    if (o->codec && (rc = kcb_arg_spec(cmd, 'c', o->codec, &t->spec)))
        return rc;
    if (o->bits && o->method != KCB_METHOD_PER_CLASS)
        return kcb_usage_err(cmd->name, "--bits with -m: the model's sizes are coded bytes "
                             "(use -t, or --method per-class)");
    if ((rc = set_bits(cmd, o, t)))
        return rc;
    int s = kcb_model_spec(t->model, &t->spec);
    if (s < 0 && o->method == KCB_METHOD_PER_CLASS) /* no C(y): the classes are dictionaries */
        return KCB_EXIT_OK;
    if (s < 0)
        return kcb_usage_err(cmd->name, "%s: the model has no sizes for %s (index it with -c)",
                             o->model, kcb_spec_str(&t->spec, name, sizeof name));
    t->sizes = t->model->sizes + (size_t)s * t->d->n;
    return KCB_EXIT_OK;
}

static int from_set(const struct kcb_cmd *cmd, const struct classify_opts *o, struct training *t)
{
    int rc = kcb_arg_spec(cmd, 'c', o->codec ? o->codec : "gzip:9", &t->spec);
    if (!rc)
        rc = set_bits(cmd, o, t);
    if (!rc)
        rc = check_primable(cmd, o, t);
    if (!rc)
        rc = kcb_load_dataset(cmd->name, o->train, &o->data, NULL, &t->set);
    if (rc)
        return rc;
    t->d = t->set;
    if (o->method == KCB_METHOD_PER_CLASS) /* no C(y): the classes are dictionaries */
        return KCB_EXIT_OK;
    t->own_sizes = malloc((t->d->n ? t->d->n : 1) * sizeof *t->own_sizes);
    rc = t->own_sizes ? kcb_sizes(&t->spec, t->d->text, t->d->n, (size_t)o->threads,
                                  t->own_sizes)
                      : KCB_ENOMEM;
    t->sizes = t->own_sizes;
    return rc ? kcb_lib_err(cmd->name, rc, NULL) : KCB_EXIT_OK;
}

/* Texts from the command line, or the lines of standard input that are not blank. */
struct queries {
    struct kcb_blob *x;
    long *id;           /* which input: argument position or line number, from 1 */
    size_t n;
    unsigned char *buf; /* standard input, owned */
};

/* A line of nothing but blanks (spaces, tabs, a carriage return) is no text to classify. */
static int blank(const unsigned char *p, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (p[i] != ' ' && p[i] != '\t' && p[i] != '\r')
            return 0;
    return 1;
}

static int read_stdin(const struct kcb_cmd *cmd, struct queries *q)
{
    size_t len, lines = 0, start = 0;
    int rc = kcb_read_file("-", &q->buf, &len);
    if (rc)
        return kcb_lib_err(cmd->name, rc, "standard input");
    for (size_t i = 0; i < len; i++)
        lines += q->buf[i] == '\n';
    q->x = calloc(lines + 1, sizeof *q->x);
    q->id = calloc(lines + 1, sizeof *q->id);
    if (!q->x || !q->id)
        return kcb_fail(cmd->name, "out of memory");
    if (len >= 3 && memcmp(q->buf, "\xEF\xBB\xBF", 3) == 0) /* a UTF-8 byte-order mark */
        start = 3;
    for (long line = 1; start < len; line++) {
        unsigned char *nl = memchr(q->buf + start, '\n', len - start);
        size_t end = nl ? (size_t)(nl - q->buf) : len, n = end - start;
        if (n && q->buf[start + n - 1] == '\r')
            n--;
        if (!blank(q->buf + start, n)) {
            q->x[q->n] = (struct kcb_blob){q->buf + start, n};
            q->id[q->n++] = line;
        }
        start = end + 1;
    }
    return KCB_EXIT_OK;
}

static int read_queries(const struct kcb_cmd *cmd, char **args, size_t nargs, struct queries *q)
{
    if (!nargs)
        return read_stdin(cmd, q);
    q->x = calloc(nargs, sizeof *q->x);
    q->id = calloc(nargs, sizeof *q->id);
    if (!q->x || !q->id)
        return kcb_fail(cmd->name, "out of memory");
    for (size_t i = 0; i < nargs; i++) {
        q->x[i] = (struct kcb_blob){(const unsigned char *)args[i], strlen(args[i])};
        q->id[i] = (long)i + 1;
    }
    q->n = nargs;
    return KCB_EXIT_OK;
}

/* Prints the first ~70 bytes of a text on one line: control characters become spaces and
 * the cut falls on a UTF-8 character boundary. */
static void preview(FILE *fp, const struct kcb_blob *y)
{
    size_t i = 0;
    while (i < y->n && i < 70) {
        size_t len = kcb_utf8_len(y->p + i, y->n - i);
        if (len == 0 || y->p[i] < 0x20 || y->p[i] == 0x7F) {
            fputc(len == 0 ? '?' : ' ', fp);
            i++;
        } else {
            fwrite(y->p + i, 1, len, fp);
            i += len;
        }
    }
    fputs(i < y->n ? "...\n" : "\n", fp);
}

static void explain(FILE *fp, const struct training *t, const struct kcb_nb *nb, size_t k)
{
    for (size_t j = 0; j < k && nb[j].idx != UINT32_MAX; j++) {
        fprintf(fp, "  %zu. %.6f  %-12s #%u  ", j + 1, nb[j].d,
                t->d->labels->name[t->d->label[nb[j].idx]], nb[j].idx + 1);
        preview(fp, &t->d->text[nb[j].idx]);
    }
}

/* What the search found for every text: its k nearest, and the nearest of every label. */
struct found {
    struct kcb_nb *nb, *near;
    struct kcb_label_rank *rank; /* one text's labels, ranked */
    size_t k, kk;                /* k asked, and k at most the training rows */
};

static int search(const struct classify_opts *o, const struct training *t,
                  const struct queries *q, struct found *f)
{
    size_t n = q->n, nl = t->d->labels->n;
    size_t *cq = malloc((n ? n : 1) * sizeof *cq);
    f->k = (size_t)o->k;
    f->kk = f->k < t->d->n ? f->k : t->d->n;
    f->nb = malloc((n ? n : 1) * f->k * sizeof *f->nb);
    f->near = malloc((n ? n : 1) * (nl ? nl : 1) * sizeof *f->near);
    f->rank = malloc((nl ? nl : 1) * sizeof *f->rank);
    int rc = !cq || !f->nb || !f->near || !f->rank ? KCB_ENOMEM : KCB_OK;
    if (!rc)
        rc = kcb_sizes(&t->spec, q->x, n, (size_t)o->threads, cq);
    struct kcb_knn_job job = {&t->spec, KCB_DIST_NCD, t->d->text, t->sizes, t->d->n, q->x, cq,
                              n, o->sep, strlen(o->sep), f->k, (size_t)o->threads, NULL, NULL,
                              NULL};
    if (!rc && n && o->method == KCB_METHOD_CONDITIONAL)
        rc = kcb_cond_search_labels(&job, t->d->label, nl, f->nb, f->near);
    else if (!rc && n)
        rc = kcb_knn_search_labels(&job, t->d->label, nl, f->nb, f->near);
    free(cq);
    return rc;
}

/* Writes the rows of text i: its label, or its --top best labels with their scores. */
static int text_rows(kcb_table *tab, const struct classify_opts *o, const struct training *t,
                     const struct queries *q, struct found *f, size_t i)
{
    const struct kcb_nb *nb = f->nb + i * f->k, *near = f->near + i * t->d->labels->n;
    struct kcb_vote v;
    kcb_knn_decide(KCB_RULE_VOTE, nb, f->kk, t->d->label, -1, &v);
    size_t nr = kcb_label_ranks(nb, f->kk, t->d->label, near, t->d->labels->n, v.label,
                                f->rank);
    size_t top = o->top ? (size_t)o->top : 1;
    int rc = KCB_OK;
    for (size_t r = 0; !rc && r < top && r < nr; r++) {
        const struct kcb_label_rank *lr = &f->rank[r];
        struct kcb_cell c[CLASSIFY_NCOLS] = {
            [CLASSIFY_QUERY] = kcb_cell_int(q->id[i]),
            [CLASSIFY_RANK] = kcb_cell_uint(r + 1),
            [CLASSIFY_LABEL] = kcb_cell_text(t->d->labels->name[lr->label]),
            [CLASSIFY_VOTES] = kcb_cell_real((double)lr->votes / (double)f->kk),
            [CLASSIFY_NEAREST] = kcb_cell_real(lr->nearest.d),
            [CLASSIFY_ROW] = kcb_cell_uint(lr->nearest.idx + 1ull),
        };
        rc = kcb_table_row(tab, c);
    }
    kcb_table_gap(tab);
    return rc;
}

static int write_rows(const struct classify_opts *o, const struct training *t,
                      const struct queries *q, struct found *f, FILE *fp)
{
    struct kcb_out out;
    kcb_table *tab;
    kcb_out_init(&out, fp, o->format);
    int rc = kcb_table_begin(&out, kcb_classify_cols, CLASSIFY_NCOLS, NULL, 0, &tab);
    if (rc)
        return rc;
    for (size_t i = 0; !rc && i < q->n; i++) {
        rc = text_rows(tab, o, t, q, f, i);
        if (o->explain)
            explain(fp, t, f->nb + i * f->k, f->kk);
    }
    int end = kcb_table_end(tab);
    return rc ? rc : end;
}

static int classify(const struct kcb_cmd *cmd, const struct classify_opts *o,
                    const struct training *t, const struct queries *q)
{
    struct found f = {0};
    kcb_afile *af = NULL;
    FILE *fp;
    int rc = kcb_output_open(cmd->name, o->output, &af, &fp);
    if (rc)
        return rc;
    rc = search(o, t, q, &f);
    if (!rc)
        rc = write_rows(o, t, q, &f, fp);
    if (rc == KCB_EIO)
        rc = kcb_lib_err(cmd->name, rc, "%s", strcmp(o->output, "-") ? o->output
                                                                       : "standard output");
    else if (rc)
        rc = kcb_lib_err(cmd->name, rc, NULL);
    free(f.nb);
    free(f.near);
    free(f.rank);
    return kcb_output_close(cmd->name, o->output, af, rc);
}

/* --method per-class: the label of the class that compresses each text best, one per line. */
static int classify_per_class(const struct kcb_cmd *cmd, const struct classify_opts *o,
                              const struct training *t, const struct queries *q)
{
    struct kcb_method_opts mo = {KCB_METHOD_PER_CLASS, o->parts ? (size_t)o->parts : 1,
                                 (size_t)o->shortlist, &o->first};
    struct kcb_knn_job job = {&t->spec, KCB_DIST_NCD, t->d->text, NULL, t->d->n, q->x, NULL,
                              q->n, o->sep, strlen(o->sep), 1, (size_t)o->threads, NULL, NULL,
                              NULL};
    kcb_afile *af = NULL;
    FILE *fp;
    struct kcb_nb *best = malloc((q->n ? q->n : 1) * sizeof *best);
    int rc = best ? KCB_OK : KCB_ENOMEM;
    if (!rc && q->n)
        rc = kcb_method_search(&mo, &job, t->d->label, t->d->labels->n, best);
    int out = kcb_output_open(cmd->name, o->output, &af, &fp);
    if (!out && rc)
        out = kcb_lib_err(cmd->name, rc, NULL);
    for (size_t i = 0; !out && i < q->n; i++) /* best[i].idx: the class's first training row */
        if (fprintf(fp, "%s\n", t->d->labels->name[t->d->label[best[i].idx]]) < 0)
            out = kcb_lib_err(cmd->name, KCB_EIO, "%s", kcb_output_name(o->output));
    free(best);
    return af || !out ? kcb_output_close(cmd->name, o->output, af, out) : out;
}

static int check_opts(const struct kcb_cmd *cmd, struct classify_opts *o)
{
    if (!o->train == !o->model)
        return kcb_usage_err(cmd->name, "needs exactly one of -t TRAIN or -m MODEL");
    if (o->parts && o->method != KCB_METHOD_PER_CLASS)
        return kcb_usage_err(cmd->name, "--parts goes with --method per-class");
    if (o->shortlist && o->method != KCB_METHOD_PER_CLASS)
        return kcb_usage_err(cmd->name, "--shortlist goes with --method per-class");
    if (o->method == KCB_METHOD_PER_CLASS && (o->k_given || o->top || o->explain || o->format_set))
        return kcb_usage_err(cmd->name, "--method per-class prints one label per text: it "
                             "takes no -k, --top, --explain or -f");
    if (o->method == KCB_METHOD_PER_CLASS)
        return KCB_EXIT_OK;
    if (o->method == KCB_METHOD_CONDITIONAL && o->sep_given)
        kcb_warn(cmd->name, "--method conditional: --sep plays no part (the training text is "
                 "the dictionary of the text)");
    if (!o->format_set)
        o->format = o->top ? KCB_FMT_TABLE : KCB_FMT_PLAIN;
    if (o->explain && o->format != KCB_FMT_PLAIN)
        return kcb_usage_err(cmd->name, "--explain prints text: it goes with plain output, "
                             "not -f %s", kcb_format_name(o->format));
    return KCB_EXIT_OK;
}

static int run(const struct kcb_cmd *cmd, int argc, char **argv)
{
    struct classify_opts o = {.sep = "", .k = 1, .output = "-"};
    struct training t = {0};
    struct queries q = {0};
    int rc = kcb_opt_parse(cmd, argc, argv, apply, &o);
    if (!rc)
        rc = check_opts(cmd, &o);
    if (!rc)
        rc = o.model ? from_model(cmd, &o, &t) : from_set(cmd, &o, &t);
    if (!rc && o.model)
        rc = check_primable(cmd, &o, &t);
    if (!rc && t.d->n == 0)
        rc = kcb_io_err(cmd->name, "%s: no training texts", o.model ? o.model : o.train);
    if (!rc)
        rc = read_queries(cmd, argv + optind, (size_t)(argc - optind), &q);
    if (!rc)
        rc = o.method == KCB_METHOD_PER_CLASS ? classify_per_class(cmd, &o, &t, &q)
                                              : classify(cmd, &o, &t, &q);
    kcb_model_free(t.model);
    kcb_dataset_free(t.set);
    free(t.own_sizes);
    free(q.x);
    free(q.id);
    free(q.buf);
    return rc;
}

const struct kcb_cmd kcb_cmd_classify = {
    "classify", "label texts by their nearest training texts under NCD",
    "(-t TRAIN | -m MODEL) [-c CODEC] [-k K] [--top N] [-f F] [-o FILE]\n"
    "                        [--sep STR] [--explain] [--method M [--parts P] [--shortlist N]]\n"
    "                        [--bits] [TEXT...]",
    "Prints the predicted label of each TEXT, one per line; with no TEXT, classifies each\n"
    "line of standard input (blank lines and a byte-order mark are skipped). The label is the\n"
    "majority of the K nearest training texts under NCD (test text first), a tie between\n"
    "labels broken by shrinking K until one wins: the same decision as 'kcbench eval' (rule\n"
    "vote).\n",
    opts,
    "With --top N or -f, each text gets rows of these columns (plain shows the label alone):\n"
    "  input        which text: its position among the TEXTs, or its line on standard input\n"
    "  rank         1 for the decided label, then the others, best first\n"
    "  label        the label\n"
    "  votes        the label's share of the K nearest training texts: how many of them have\n"
    "               it, divided by K (K at most the number of training texts); 0 for a label\n"
    "               none of the K nearest has\n"
    "  nearest      NCD from the text to the nearest training text of that label, searched\n"
    "               among all training texts of the label, not only the K nearest\n"
    "  nearest_row  that training text's row, from 1 (as --explain's #N)\n"
    "After the decided label, labels rank by votes (more first), then by nearest (smaller\n"
    "first, then the earlier row). A label is listed at most once; N above the number of\n"
    "labels lists them all. The search keeps the K nearest of each label, so it costs one\n"
    "compression per training text, as without --top, and a single text uses every thread.\n"
    "--method conditional measures NCD with C(y) + C(x|y) (nearest is that distance); with\n"
    "-m it needs the model's sizes for the codec. --method per-class primes its class\n"
    "dictionaries from the training texts, of -t or of the model, as it starts.\n",
    run,
};
