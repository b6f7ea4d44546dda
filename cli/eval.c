/* kcbench eval: kNN classification accuracy on NCD, every scoring rule from one neighbour search. */
#include <errno.h>
#include <getopt.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "data.h"
#include "kcb/err.h"
#include "kcb/io.h"
#include "kcb/knn.h"
#include "progress.h"

#define MAXK_LIST 32

struct eval_opts {
    const char *train_path, *test_path, *name, *sep, *predictions, *output;
    struct kcb_specs specs;
    size_t ks[MAXK_LIST], nk;
    int rules[KCB_NRULES];
    enum kcb_informat informat;
    enum kcb_format format;
    enum kcb_dist dist;
    int skip_bad, dedup, confusion, paper;
    long threads, test_sample, seed;
};

/* One line of results, and the confusion matrix behind it. */
struct row {
    size_t spec, k;
    enum kcb_rule rule;
    struct kcb_score score;
};

struct eval {
    struct eval_opts o;
    char name[128];
    struct kcb_labels *labels;
    struct kcb_dataset *train, *test;
    struct row *rows;
    size_t nrows;
    FILE *pred;
};

static void dataset_name(const char *path, char *buf, size_t len)
{
    const char *slash = strrchr(path, '/');
    if (slash && slash > path) { /* parent directory: ../datasets/r8/train.tsv -> r8 */
        const char *start = slash - 1;
        while (start > path && start[-1] != '/')
            start--;
        snprintf(buf, len, "%.*s", (int)(slash - start), start);
        if (strcmp(buf, ".") && strcmp(buf, ".."))
            return;
    }
    const char *base = slash ? slash + 1 : path;
    const char *dot = strrchr(base, '.');
    snprintf(buf, len, "%.*s", (int)(dot && dot > base ? dot - base : (long)strlen(base)), base);
}

/* ---- options ---- */

static int parse_rules(const char *text, int *rules)
{
    char buf[128];
    snprintf(buf, sizeof buf, "%s", text);
    memset(rules, 0, KCB_NRULES * sizeof *rules);
    for (char *t = strtok(buf, ","); t; t = strtok(NULL, ",")) {
        enum kcb_rule r;
        if (kcb_rule_parse(t, &r))
            return kcb_usage_err("eval", "--rules: unknown rule '%s' (vote, random, optimistic)",
                                 t);
        rules[r] = 1;
    }
    return KCB_EXIT_OK;
}

static int parse_opt(int c, struct eval_opts *o, const char **codecs, const char **klist)
{
    switch (c) {
    case 't': o->train_path = optarg; return 0;
    case 'T': o->test_path = optarg; return 0;
    case 'c': *codecs = optarg; return 0;
    case 'k': *klist = optarg; return 0;
    case 'S': o->sep = optarg; return 0;
    case 'n': o->name = optarg; return 0;
    case 'p': o->predictions = optarg; return 0;
    case 'o': o->output = optarg; return 0;
    case 'b': o->skip_bad = 1; return 0;
    case 'u': o->dedup = 1; return 0;
    case 'C': o->confusion = 1; return 0;
    case 'P': o->paper = 1; return 0;
    case 'r': return parse_rules(optarg, o->rules);
    case 'I': return kcb_cmd_informat("eval", optarg, &o->informat);
    case 'f': return kcb_cmd_format("eval", optarg, &o->format);
    case 'j': return kcb_cmd_long("eval", "-j", optarg, 1, 1024, &o->threads);
    case 'N': return kcb_cmd_long("eval", "--test-sample", optarg, 1, 1L << 40, &o->test_sample);
    case 's': return kcb_cmd_long("eval", "--seed", optarg, 0, 1L << 62, &o->seed);
    case 'd':
        if (kcb_dist_parse(optarg, &o->dist))
            return kcb_usage_err("eval", "unknown distance '%s' (ncd, cdm, clm)", optarg);
        return 0;
    }
    return -2;
}

static int parse(int argc, char **argv, struct eval_opts *o)
{
    static const struct option opts[] = {
        {"train", required_argument, 0, 't'},      {"test", required_argument, 0, 'T'},
        {"codec", required_argument, 0, 'c'},      {"k", required_argument, 0, 'k'},
        {"sep", required_argument, 0, 'S'},        {"name", required_argument, 0, 'n'},
        {"predictions", required_argument, 0, 'p'}, {"output", required_argument, 0, 'o'},
        {"skip-bad", no_argument, 0, 'b'},         {"dedup", no_argument, 0, 'u'},
        {"confusion", no_argument, 0, 'C'},        {"paper", no_argument, 0, 'P'},
        {"rules", required_argument, 0, 'r'},      {"input-format", required_argument, 0, 'I'},
        {"format", required_argument, 0, 'f'},     {"distance", required_argument, 0, 'd'},
        {"test-sample", required_argument, 0, 'N'}, {"seed", required_argument, 0, 's'},
        {"help", no_argument, 0, 'h'},             {0, 0, 0, 0}};
    const char *codecs = NULL, *klist = "1,2,3,5";
    int c, rc = 0, sep_given = 0;
    optind = 1;
    while (!rc && (c = getopt_long(argc, argv, "t:T:c:k:f:o:j:h", opts, NULL)) != -1) {
        if (c == 'h') {
            kcb_cmd_help(kcb_cmd_find("eval"), stdout);
            return -1;
        }
        sep_given |= c == 'S';
        rc = parse_opt(c, o, &codecs, &klist);
        if (rc == -2)
            return kcb_bad_option("eval", argc, argv);
    }
    if (rc)
        return rc;
    if (optind < argc)
        return kcb_usage_err("eval", "unexpected argument '%s'", argv[optind]);
    if (!o->train_path || !o->test_path)
        return kcb_usage_err("eval", "needs -t TRAIN and -T TEST");
    if (o->paper) {
        codecs = codecs ? codecs : "gzip:9";
        o->sep = sep_given ? o->sep : " ";
    }
    if (o->format == KCB_FMT_PHYLIP || o->format == KCB_FMT_PLAIN)
        return kcb_usage_err("eval", "--format: table, csv, json or md");
    if (o->confusion && o->format == KCB_FMT_CSV)
        return kcb_usage_err("eval", "--confusion needs --format table, md or json");
    if ((rc = kcb_cmd_klist("eval", klist, o->ks, MAXK_LIST, &o->nk)))
        return rc;
    if (o->paper && o->ks[0] != 2 && o->nk < MAXK_LIST) { /* the paper's k = 2 */
        size_t k2[] = {2};
        int has = 0;
        for (size_t i = 0; i < o->nk; i++)
            has |= o->ks[i] == 2;
        if (!has) {
            size_t at = 0;
            while (at < o->nk && o->ks[at] < 2)
                at++;
            memmove(o->ks + at + 1, o->ks + at, (o->nk - at) * sizeof *o->ks);
            o->ks[at] = k2[0];
            o->nk++;
        }
    }
    return kcb_cmd_specs("eval", codecs ? codecs : "gzip:9", &o->specs);
}

/* ---- data ---- */

static int load_data(struct eval *e)
{
    int rc;
    if (kcb_labels_new(&e->labels))
        return kcb_fail("eval", "out of memory");
    if ((rc = kcb_cmd_load("eval", e->o.train_path, e->o.informat, e->o.skip_bad, e->labels,
                           &e->train)))
        return rc;
    if ((rc = kcb_cmd_load("eval", e->o.test_path, e->o.informat, e->o.skip_bad, e->labels,
                           &e->test)))
        return rc;
    if (e->train->n >= UINT32_MAX)
        return kcb_usage_err("eval", "%s: too many training rows", e->o.train_path);
    return KCB_EXIT_OK;
}

static int dedup_test(struct eval *e)
{
    size_t n = e->test->n, dups = 0;
    unsigned char *dup = calloc(n ? n : 1, 1);
    if (!dup || kcb_dataset_find_dups(e->train, e->test, dup, &dups)) {
        free(dup);
        return kcb_fail("eval", "out of memory");
    }
    if (dups && e->o.dedup) {
        for (size_t i = 0; i < n; i++)
            dup[i] = !dup[i];
        kcb_dataset_filter(e->test, dup);
        kcb_warn("eval", "%s: dropped %zu of %zu test texts that also occur verbatim in "
                 "training (--dedup)", e->name, dups, n);
    } else if (dups) {
        kcb_warn("eval", "%s: %zu of %zu test texts also occur verbatim in training; accuracy "
                 "is inflated by them (--dedup drops them)", e->name, dups, n);
    }
    free(dup);
    return KCB_EXIT_OK;
}

static int sample_test(struct eval *e)
{
    return kcb_cmd_sample("eval", e->test, (size_t)e->o.test_sample, (uint64_t)e->o.seed);
}

/* ---- scoring ---- */

static int add_rows(struct eval *e, size_t spec, const struct kcb_nb *nb, size_t maxk)
{
    const struct kcb_dataset *te = e->test;
    struct kcb_vote votes[1024];
    for (size_t ki = 0; ki < e->o.nk; ki++) {
        for (int r = 0; r < KCB_NRULES; r++) {
            if (!e->o.rules[r])
                continue;
            struct row *row = &e->rows[e->nrows];
            *row = (struct row){spec, e->o.ks[ki], (enum kcb_rule)r, {0}};
            if (kcb_score_init(&row->score, e->labels->n))
                return KCB_ENOMEM;
            e->nrows++;
            size_t k = row->k < e->train->n ? row->k : e->train->n;
            for (size_t i = 0; i < te->n; i++) {
                size_t nv = kcb_knn_decide(row->rule, nb + i * maxk, k, e->train->label,
                                           te->label[i], votes);
                kcb_score_add(&row->score, te->label[i], votes, nv);
            }
        }
    }
    return KCB_OK;
}

static void write_prediction(struct eval *e, size_t spec, size_t i, const struct kcb_nb *nb,
                             size_t maxk)
{
    FILE *fp = e->pred;
    const struct kcb_dataset *tr = e->train, *te = e->test;
    char name[64];
    fprintf(fp, "{\"dataset\":");
    kcb_json_str(fp, e->name);
    fprintf(fp, ",\"compressor\":\"%s\",\"test\":%zu,\"line\":%ld,\"truth\":",
            kcb_spec_str(&e->o.specs.v[spec], name, sizeof name), i, te->line[i]);
    kcb_json_str(fp, e->labels->name[te->label[i]]);
    fputs(",\"vote\":{", fp);
    for (size_t ki = 0; ki < e->o.nk; ki++) {
        struct kcb_vote v;
        size_t k = e->o.ks[ki] < tr->n ? e->o.ks[ki] : tr->n;
        kcb_knn_decide(KCB_RULE_VOTE, nb, k, tr->label, te->label[i], &v);
        fprintf(fp, "%s\"%zu\":", ki ? "," : "", e->o.ks[ki]);
        kcb_json_str(fp, e->labels->name[v.label]);
    }
    fputs("},\"neighbours\":[", fp);
    for (size_t j = 0; j < maxk && nb[j].idx != UINT32_MAX; j++) {
        fprintf(fp, "%s{\"train\":%u,\"line\":%ld,\"label\":", j ? "," : "", nb[j].idx,
                tr->line[nb[j].idx]);
        kcb_json_str(fp, e->labels->name[tr->label[nb[j].idx]]);
        fprintf(fp, ",\"d\":%.9f}", nb[j].d);
    }
    fputs("]}\n", fp);
}

/* Runs one compressor over the whole test set. */
static int run_spec(struct eval *e, size_t s)
{
    const struct kcb_spec *spec = &e->o.specs.v[s];
    size_t maxk = e->o.ks[e->o.nk - 1], ntr = e->train->n, nte = e->test->n;
    size_t *ctr = malloc(ntr * sizeof *ctr), *cte = malloc((nte ? nte : 1) * sizeof *cte);
    struct kcb_nb *nb = malloc((nte ? nte : 1) * maxk * sizeof *nb);
    char name[64], what[200];
    int rc = !ctr || !cte || !nb ? KCB_ENOMEM : KCB_OK;
    if (!rc)
        rc = kcb_sizes(spec, e->train->text, ntr, (size_t)e->o.threads, ctr);
    if (!rc)
        rc = kcb_sizes(spec, e->test->text, nte, (size_t)e->o.threads, cte);
    struct kcb_progress pg;
    snprintf(what, sizeof what, "%s %s", e->name, kcb_spec_str(spec, name, sizeof name));
    kcb_progress_start(&pg, what);
    struct kcb_knn_job job = {spec, e->o.dist, e->train->text, ctr, ntr, e->test->text, cte,
                              nte, e->o.sep, strlen(e->o.sep), maxk, (size_t)e->o.threads,
                              kcb_progress_show, &pg};
    if (!rc && nte)
        rc = kcb_knn_search(&job, nb);
    kcb_progress_end(&pg);
    if (!rc)
        rc = add_rows(e, s, nb, maxk);
    for (size_t i = 0; !rc && e->pred && i < nte; i++)
        write_prediction(e, s, i, nb + i * maxk, maxk);
    free(ctr);
    free(cte);
    free(nb);
    if (rc)
        return kcb_fail("eval", "%s: %s", what, kcb_strerror(rc));
    return KCB_EXIT_OK;
}

/* ---- output ---- */

static void write_confusion(FILE *fp, const struct eval *e, const struct row *r, int md)
{
    size_t L = e->labels->n;
    char name[64];
    kcb_spec_str(&e->o.specs.v[r->spec], name, sizeof name);
    fprintf(fp, "\n%s confusion, %s %s k=%zu %s (rows: truth, columns: predicted)\n\n",
            md ? "####" : "#", e->name, name, r->k, kcb_rule_name(r->rule));
    fputs(md ? "| truth \\ predicted |" : "truth\\pred", fp);
    for (size_t j = 0; j < L; j++)
        fprintf(fp, md ? " %s |" : " %8.8s", e->labels->name[j]);
    if (md) {
        fputs("\n|---|", fp);
        for (size_t j = 0; j < L; j++)
            fputs("---:|", fp);
    }
    fputc('\n', fp);
    for (size_t i = 0; i < L; i++) {
        fprintf(fp, md ? "| %s |" : "%-10.10s", e->labels->name[i]);
        for (size_t j = 0; j < L; j++)
            fprintf(fp, md ? " %g |" : " %8g", r->score.conf[i * L + j]);
        fputc('\n', fp);
    }
}

static void write_json_confusion(FILE *fp, const struct eval *e, const struct row *r)
{
    size_t L = e->labels->n;
    fputs(",\"labels\":[", fp);
    for (size_t j = 0; j < L; j++) {
        if (j)
            fputc(',', fp);
        kcb_json_str(fp, e->labels->name[j]);
    }
    fputs("],\"confusion\":[", fp);
    for (size_t i = 0; i < L; i++) {
        fputs(i ? ",[" : "[", fp);
        for (size_t j = 0; j < L; j++)
            fprintf(fp, "%s%g", j ? "," : "", r->score.conf[i * L + j]);
        fputc(']', fp);
    }
    fputc(']', fp);
}

static void write_row(FILE *fp, const struct eval *e, const struct row *r, size_t idx)
{
    const struct kcb_spec *s = &e->o.specs.v[r->spec];
    char name[64];
    kcb_spec_str(s, name, sizeof name);
    double acc = kcb_score_accuracy(&r->score), f1 = kcb_score_macro_f1(&r->score);
    size_t n = (size_t)r->score.n;
    switch (e->o.format) {
    case KCB_FMT_CSV:
        kcb_csv_str(fp, e->name);
        fprintf(fp, ",%s,%s,%d,%zu,%s,%zu,%.6f,%.6f\n", name, s->codec->name, s->level, r->k,
                kcb_rule_name(r->rule), n, acc, f1);
        break;
    case KCB_FMT_JSON:
        fputs(idx ? ",\n{\"dataset\":" : "{\"dataset\":", fp);
        kcb_json_str(fp, e->name);
        fprintf(fp, ",\"compressor\":\"%s\",\"codec\":\"%s\",\"level\":%d,\"k\":%zu,"
                    "\"rule\":\"%s\",\"n_test\":%zu,\"accuracy\":",
                name, s->codec->name, s->level, r->k, kcb_rule_name(r->rule), n);
        kcb_json_num(fp, acc, 6);
        fputs(",\"macro_f1\":", fp);
        kcb_json_num(fp, f1, 6);
        if (e->o.confusion)
            write_json_confusion(fp, e, r);
        fputc('}', fp);
        break;
    case KCB_FMT_MD:
        fprintf(fp, "| %s | %s | %zu | %s | %zu | %.4f | %.4f |\n", e->name, name, r->k,
                kcb_rule_name(r->rule), n, acc, f1);
        break;
    default:
        fprintf(fp, "%-12s %-10s %3zu  %-10s %7zu  %8.4f  %8.4f\n", e->name, name, r->k,
                kcb_rule_name(r->rule), n, acc, f1);
    }
}

static void write_results(FILE *fp, const struct eval *e)
{
    if (e->o.format == KCB_FMT_CSV)
        fputs("dataset,compressor,codec,level,k,rule,n_test,accuracy,macro_f1\n", fp);
    else if (e->o.format == KCB_FMT_JSON)
        fputc('[', fp);
    else if (e->o.format == KCB_FMT_MD)
        fputs("| dataset | compressor | k | rule | n_test | accuracy | macro-F1 |\n"
              "|---|---|---:|---|---:|---:|---:|\n", fp);
    else
        fprintf(fp, "%-12s %-10s %3s  %-10s %7s  %8s  %8s\n", "dataset", "compressor", "k",
                "rule", "n_test", "accuracy", "macro_f1");
    for (size_t i = 0; i < e->nrows; i++)
        write_row(fp, e, &e->rows[i], i);
    if (e->o.format == KCB_FMT_JSON)
        fputs("]\n", fp);
    /* the confusion of rule vote, or of the first rule asked for when vote was not */
    enum kcb_rule shown = KCB_RULE_VOTE;
    while (!e->o.rules[shown] && shown + 1 < KCB_NRULES)
        shown++;
    if (e->o.confusion && (e->o.format == KCB_FMT_TABLE || e->o.format == KCB_FMT_MD))
        for (size_t i = 0; i < e->nrows; i++)
            if (e->rows[i].rule == shown)
                write_confusion(fp, e, &e->rows[i], e->o.format == KCB_FMT_MD);
}

/* ---- the command ---- */

static int open_predictions(struct eval *e, kcb_afile **af)
{
    if (!e->o.predictions)
        return KCB_EXIT_OK;
    if (kcb_afile_open(e->o.predictions, af, &e->pred))
        return kcb_io_err("eval", "%s: %s", e->o.predictions, strerror(errno));
    return KCB_EXIT_OK;
}

static int finish_file(kcb_afile *af, const char *path, int rc)
{
    if (!af)
        return rc;
    if (rc) {
        kcb_afile_abort(af);
        return rc;
    }
    if (kcb_afile_commit(af))
        return kcb_io_err("eval", "%s: %s", path, strerror(errno));
    return rc;
}

static int evaluate(struct eval *e)
{
    int rc;
    kcb_afile *pf = NULL, *of = NULL;
    FILE *out;
    if ((rc = load_data(e)) || (rc = dedup_test(e)) || (rc = sample_test(e)))
        return rc;
    char paper_spec[64] = "several compressors";
    if (e->o.paper && e->o.specs.n == 1) /* the compressor actually used, -c or gzip:9 */
        kcb_spec_str(&e->o.specs.v[0], paper_spec, sizeof paper_spec);
    if (e->o.paper)
        kcb_warn("eval", "paper mode: %s, sep '%s', test text first; rule 'optimistic' is Jiang "
                 "et al.'s scoring (a k=2 tie counts as right if either label is)", paper_spec,
                 e->o.sep);
    e->rows = calloc(e->o.specs.n * e->o.nk * KCB_NRULES, sizeof *e->rows);
    if (!e->rows)
        return kcb_fail("eval", "out of memory");
    if ((rc = open_predictions(e, &pf)))
        return rc;
    for (size_t s = 0; !rc && s < e->o.specs.n; s++)
        rc = run_spec(e, s);
    if ((rc = finish_file(pf, e->o.predictions, rc)))
        return rc;
    if (kcb_afile_open(e->o.output, &of, &out))
        return kcb_io_err("eval", "%s: %s", e->o.output, strerror(errno));
    write_results(out, e);
    return finish_file(of, e->o.output, KCB_EXIT_OK);
}

static void eval_free(struct eval *e)
{
    for (size_t i = 0; i < e->nrows; i++)
        kcb_score_free(&e->rows[i].score);
    free(e->rows);
    kcb_dataset_free(e->train);
    kcb_dataset_free(e->test);
    kcb_labels_free(e->labels);
    kcb_specs_free(&e->o.specs);
}

static int run(int argc, char **argv)
{
    struct eval e = {.o = {.sep = "", .output = "-", .format = KCB_FMT_TABLE,
                           .dist = KCB_DIST_NCD, .rules = {1, 1, 1}, .seed = 1}};
    int rc = parse(argc, argv, &e.o);
    if (!rc) {
        if (e.o.name)
            snprintf(e.name, sizeof e.name, "%s", e.o.name);
        else
            dataset_name(e.o.train_path, e.name, sizeof e.name);
        rc = evaluate(&e);
    }
    eval_free(&e);
    return rc < 0 ? KCB_EXIT_OK : rc;
}

const struct kcb_cmd kcb_cmd_eval = {
    "eval", run, "kNN classification accuracy on NCD over a train/test split",
    "usage: kcbench eval -t TRAIN -T TEST [-c CODECS] [-k 1,2,3,5] [--sep STR] [options]\n\n"
    "Classifies every test text by its k nearest training texts under NCD (test text first:\n"
    "C(x.sep.y)), as Jiang et al. 2023 did, and reports accuracy, macro-F1 and n_test for\n"
    "each compressor, k and rule. Neighbours are computed once; every rule is scored from them.\n\n"
    "  -t, --train FILE      training set; -T, --test FILE  test set\n"
    "  -c, --codec LIST      compressors, NAME[:LEVEL],... (default gzip:9)\n"
    "  -k LIST               values of k (default 1,2,3,5)\n"
    "      --sep STR         inserted between test and training text (default: nothing)\n"
    "  -d, --distance D      ncd (default), cdm or clm\n"
    "      --rules LIST      vote, random, optimistic (default: all three)\n"
    "                        vote:       majority of the k nearest; a tie between labels is\n"
    "                                    broken by shrinking k until one label wins\n"
    "                        random:     expected accuracy when ties are broken uniformly at\n"
    "                                    random (macro-F1 from the expected confusion matrix)\n"
    "                        optimistic: right if the true label is among the tied top labels;\n"
    "                                    the scoring of Jiang et al.'s code, in effect top-2 at\n"
    "                                    k=2. Never report it without its name.\n"
    "      --paper           gzip:9, sep ' ', test first, and k=2 (with 'optimistic') included\n"
    "      --input-format F  tsv (label<TAB>text), csv (AG News: \"class\",\"title\",\"text\"),\n"
    "                        fasttext (__label__X text) or dir (a subfolder per label);\n"
    "                        default: from the file extension\n"
    "      --skip-bad        skip malformed rows (counted in a warning) instead of failing\n"
    "      --dedup           drop test texts that occur verbatim in training (always warned)\n"
    "      --test-sample N   evaluate a stratified sample of N test texts (seeded by --seed,\n"
    "                        default 1); n_test in the output says how many were used\n"
    "      --name NAME       dataset name in the output (default: the training file's folder)\n"
    "      --confusion       print the confusion matrix of each compressor and k (rule vote,\n"
    "                        or the first rule of --rules without it)\n"
    "      --predictions F   write each test item's predictions, neighbours and distances to F\n"
    "                        (JSON lines)\n"
    "  -f, --format F        table (default), csv, json, md\n"
    "  -o, --output FILE     write results there (atomically) instead of standard output\n"
    "  -j N                  threads (default: all cores); results are identical for every N\n\n"
    "Equal distances go to the earlier training row. A progress bar is shown when stderr is\n"
    "a terminal (not when NO_COLOR is set).\n",
};
