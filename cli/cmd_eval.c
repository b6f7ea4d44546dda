/* kcbench eval: kNN classification accuracy on NCD, every scoring rule from one neighbour search. */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "args.h"
#include "dataopts.h"
#include "kcb/err.h"
#include "kcb/rules.h"
#include "kcb/sample.h"
#include "kcb/sizes.h"
#include "load.h"
#include "output.h"
#include "progress.h"
#include "columns.h"

#define MAXK_LIST 32

static const struct kcb_opt opts[] = {
    {'t', "train", "FILE", "training set", "train.tsv"},
    {'T', "test", "FILE", "test set", "test.tsv"},
    {'c', "codec", "LIST", "compressors, NAME[:LEVEL],... (default gzip:9)", "gzip:9,zstd:3"},
    {'k', "k", "LIST", "values of k (default 1,2,3,5)", "1,3"},
    {KCB_OPT_LONG + 1, "sep", "STR", "inserted between test and training text (default: nothing)",
     " "},
    {'d', "distance", "D", "ncd (default), cdm or clm", "cdm"},
    {KCB_OPT_LONG + 2, "rules", "LIST",
     "vote, random, optimistic (default: all three)\n"
     "vote:       majority of the k nearest; a tie between labels is\n"
     "            broken by shrinking k until one label wins\n"
     "random:     expected accuracy when ties are broken uniformly at\n"
     "            random (macro-F1 from the expected confusion matrix)\n"
     "optimistic: right if the true label is among the tied top labels;\n"
     "            the scoring of Jiang et al.'s code, in effect top-2 at\n"
     "            k=2. Never report it without its name.", "vote,random"},
    {KCB_OPT_LONG + 3, "paper", NULL,
     "gzip:9, sep ' ', test first, and k=2 (with 'optimistic') included", NULL},
    KCB_DATAOPTS_ENTRIES,
    {KCB_OPT_LONG + 6, "dedup", NULL,
     "drop test texts that occur verbatim in training (always warned)", NULL},
    {KCB_OPT_LONG + 7, "test-sample", "N",
     "evaluate a stratified sample of N test texts (seeded by --seed,\n"
     "default 1); n_test in the output says how many were used", "10"},
    {KCB_OPT_LONG + 12, "train-per-class", "N",
     "few-shot: keep N training texts of each class (all of a class\n"
     "that has fewer, with a warning), a seeded sample (--seed)", "5"},
    {KCB_OPT_LONG + 8, "seed", "N", "seed of --test-sample and --train-per-class (default 1)",
     "2"},
    {KCB_OPT_LONG + 9, "name", "NAME",
     "dataset name in the output (default: the training file's folder)", "r8"},
    {KCB_OPT_LONG + 10, "confusion", NULL,
     "print the confusion matrix of each compressor and k (rule vote,\n"
     "or the first rule of --rules without it); in json as the keys\n"
     "labels and confusion of each row", NULL},
    {KCB_OPT_LONG + 11, "predictions", "F",
     "write each test item's predictions, neighbours and distances to F\n(JSON lines)",
     "pred.jsonl"},
    {'f', "format", "F", "table (default), md, csv, tsv, json", "json"},
    {'o', "output", "FILE", "write results there (atomically) instead of standard output",
     "out.json"},
    {'j', "threads", "N", "threads (default: all cores); results are identical for every N", "2"},
    {0, NULL, NULL, NULL, NULL},
};

struct eval_opts {
    const char *train_path, *test_path, *name, *sep, *predictions, *output;
    struct kcb_specs specs;
    size_t ks[MAXK_LIST], nk;
    int rules[KCB_NRULES];
    struct kcb_dataopts data;
    enum kcb_format format;
    enum kcb_dist dist;
    int dedup, confusion, paper, sep_given;
    long threads, test_sample, seed, train_per_class;
};

static int parse_rules(const struct kcb_cmd *cmd, int key, const char *arg, int *rules)
{
    char buf[128];
    snprintf(buf, sizeof buf, "%s", arg);
    memset(rules, 0, KCB_NRULES * sizeof *rules);
    int any = 0;
    for (char *t = strtok(buf, ","); t; t = strtok(NULL, ",")) {
        enum kcb_rule r;
        if (kcb_rule_parse(t, &r))
            return kcb_usage_err(cmd->name, "%s: unknown rule '%s' (vote, random, optimistic)",
                                 kcb_opt_name(cmd, key), t);
        rules[r] = any = 1;
    }
    if (!any)
        return kcb_usage_err(cmd->name, "%s: expected one or more of vote, random, optimistic",
                             kcb_opt_name(cmd, key));
    return KCB_EXIT_OK;
}

static int apply(const struct kcb_cmd *cmd, void *ctx, int key, const char *arg)
{
    struct eval_opts *o = ctx;
    switch (key) {
    case 't': o->train_path = arg; return KCB_EXIT_OK;
    case 'T': o->test_path = arg; return KCB_EXIT_OK;
    case 'c': return kcb_arg_specs(cmd, key, arg, &o->specs);
    case 'k': return kcb_arg_klist(cmd, key, arg, o->ks, MAXK_LIST, &o->nk);
    case 'd': return kcb_arg_dist(cmd, key, arg, &o->dist);
    case 'f': return kcb_arg_format(cmd, key, arg, KCB_FMTS_TABLES, &o->format);
    case 'o': o->output = arg; return KCB_EXIT_OK;
    case 'j': return kcb_arg_long(cmd, key, arg, 1, 1024, &o->threads);
    case KCB_OPT_LONG + 1: o->sep = arg; o->sep_given = 1; return KCB_EXIT_OK;
    case KCB_OPT_LONG + 2: return parse_rules(cmd, key, arg, o->rules);
    case KCB_OPT_LONG + 3: o->paper = 1; return KCB_EXIT_OK;
    case KCB_OPT_LONG + 6: o->dedup = 1; return KCB_EXIT_OK;
    case KCB_OPT_LONG + 7: return kcb_arg_long(cmd, key, arg, 1, 1L << 40, &o->test_sample);
    case KCB_OPT_LONG + 8: return kcb_arg_long(cmd, key, arg, 0, 1L << 62, &o->seed);
    case KCB_OPT_LONG + 9: o->name = arg; return KCB_EXIT_OK;
    case KCB_OPT_LONG + 10: o->confusion = 1; return KCB_EXIT_OK;
    case KCB_OPT_LONG + 11: o->predictions = arg; return KCB_EXIT_OK;
    case KCB_OPT_LONG + 12: return kcb_arg_long(cmd, key, arg, 1, 1L << 40, &o->train_per_class);
    }
    return kcb_dataopts_apply(cmd, &o->data, key, arg);
}

/* Checks the options together and fills in what --paper and the defaults imply. */
static int settle(const struct kcb_cmd *cmd, struct eval_opts *o)
{
    if (!o->train_path || !o->test_path)
        return kcb_usage_err(cmd->name, "needs -t TRAIN and -T TEST");
    if (o->confusion && o->format != KCB_FMT_TABLE && o->format != KCB_FMT_MD &&
        o->format != KCB_FMT_JSON)
        return kcb_usage_err(cmd->name, "--confusion needs --format table, md or json");
    if (o->paper && !o->sep_given)
        o->sep = " ";
    int rc = o->nk ? KCB_EXIT_OK : kcb_arg_klist(cmd, 'k', "1,2,3,5", o->ks, MAXK_LIST, &o->nk);
    if (!rc && o->paper && o->ks[0] != 2) { /* the paper's k = 2 */
        size_t nk = o->nk;
        char list[16 * MAXK_LIST] = "2";
        for (size_t i = 0; i < nk; i++)
            snprintf(list + strlen(list), sizeof list - strlen(list), ",%zu", o->ks[i]);
        rc = kcb_arg_klist(cmd, 'k', list, o->ks, MAXK_LIST, &o->nk);
    }
    if (!rc && !o->specs.n)
        rc = kcb_arg_specs(cmd, 'c', "gzip:9", &o->specs);
    return rc;
}

/* One line of results, and the confusion matrix behind it. */
struct row {
    size_t spec, k;
    enum kcb_rule rule;
    struct kcb_score score;
};

struct eval {
    const struct kcb_cmd *cmd;
    struct eval_opts o;
    char name[128];
    struct kcb_labels *labels;
    struct kcb_dataset *train, *test;
    struct row *rows;
    size_t nrows;
    FILE *pred;
    int stopped; /* interrupted: the rows are those of the compressors finished */
    const struct row *shown; /* the row whose confusion matrix is being written */
    char *json[2];           /* the labels and confusion of the row being written */
    char spec_name[64];
};

/* ---- data ---- */

static int load_data(struct eval *e)
{
    const char *c = e->cmd->name;
    int rc = kcb_labels_new(&e->labels) ? kcb_fail(c, "out of memory") : KCB_EXIT_OK;
    if (!rc)
        rc = kcb_load_dataset(c, e->o.train_path, &e->o.data, e->labels, &e->train);
    if (!rc)
        rc = kcb_load_dataset(c, e->o.test_path, &e->o.data, e->labels, &e->test);
    if (!rc && e->train->n >= UINT32_MAX)
        rc = kcb_usage_err(c, "%s: too many training rows", e->o.train_path);
    return rc;
}

/* --train-per-class N: N training texts of each class, seeded; a class with fewer keeps all
 * of them and is named in a warning. */
static int sample_train(struct eval *e)
{
    size_t n = e->train->n, L = e->labels->n, per = (size_t)e->o.train_per_class, few = 0;
    unsigned char *keep = malloc(n ? n : 1);
    size_t *count = calloc(L ? L : 1, sizeof *count);
    if (!keep || !count ||
        kcb_sample_per_class(e->train->label, n, L, per, (uint64_t)e->o.seed, keep)) {
        free(keep);
        free(count);
        return kcb_fail(e->cmd->name, "out of memory");
    }
    for (size_t i = 0; i < n; i++)
        count[e->train->label[i]]++;
    char names[256] = "";
    for (size_t c = 0; c < L; c++) {
        if (!count[c] || count[c] >= per)
            continue;
        if (few++ < 4)
            snprintf(names + strlen(names), sizeof names - strlen(names), "%s%s (%zu)",
                     few > 1 ? ", " : "", e->labels->name[c], count[c]);
    }
    if (few)
        kcb_warn(e->cmd->name, "%s: --train-per-class %zu: %zu class%s fewer training texts, "
                 "kept whole: %s%s", e->name, per, few, few > 1 ? "es have" : " has", names,
                 few > 4 ? ", ..." : "");
    kcb_dataset_filter(e->train, keep);
    free(keep);
    free(count);
    return KCB_EXIT_OK;
}

static int dedup_test(struct eval *e)
{
    size_t n = e->test->n, dups = 0;
    unsigned char *dup = calloc(n ? n : 1, 1);
    if (!dup || kcb_dataset_find_dups(e->train, e->test, dup, &dups)) {
        free(dup);
        return kcb_fail(e->cmd->name, "out of memory");
    }
    if (dups && e->o.dedup) {
        for (size_t i = 0; i < n; i++)
            dup[i] = !dup[i];
        kcb_dataset_filter(e->test, dup);
        kcb_warn(e->cmd->name, "%s: dropped %zu of %zu test texts that also occur verbatim in "
                 "training (--dedup)", e->name, dups, n);
    } else if (dups) {
        kcb_warn(e->cmd->name, "%s: %zu of %zu test texts also occur verbatim in training; "
                 "accuracy is inflated by them (--dedup drops them)", e->name, dups, n);
    }
    free(dup);
    return KCB_EXIT_OK;
}

/* ---- scoring ---- */

static int add_rows(struct eval *e, size_t spec, const struct kcb_nb *nb, size_t maxk)
{
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
            kcb_knn_score(row->rule, nb, maxk, k, e->train->label, e->test->label, e->test->n,
                          &row->score);
        }
    }
    return KCB_OK;
}

/* One JSON line: the item, its truth, its vote at each k, and its neighbours. */
static int write_prediction(struct eval *e, size_t spec, size_t i, const struct kcb_nb *nb,
                            size_t maxk)
{
    const struct kcb_dataset *tr = e->train, *te = e->test;
    char name[64];
    json_t *vote = json_object(), *nbs = json_array();
    for (size_t ki = 0; ki < e->o.nk; ki++) {
        struct kcb_vote v;
        char key[16];
        size_t k = e->o.ks[ki] < tr->n ? e->o.ks[ki] : tr->n;
        kcb_knn_decide(KCB_RULE_VOTE, nb, k, tr->label, te->label[i], &v);
        snprintf(key, sizeof key, "%zu", e->o.ks[ki]);
        json_object_set_new(vote, key, json_string(e->labels->name[v.label]));
    }
    for (size_t j = 0; j < maxk && nb[j].idx != UINT32_MAX; j++)
        json_array_append_new(nbs, json_pack("{s:I,s:I,s:s,s:f}", "train", (json_int_t)nb[j].idx,
                                             "line", (json_int_t)tr->line[nb[j].idx], "label",
                                             e->labels->name[tr->label[nb[j].idx]], "d",
                                             nb[j].d));
    json_t *item = json_pack("{s:s,s:s,s:I,s:I,s:s,s:o,s:o}", "dataset", e->name, "compressor",
                             kcb_spec_str(&e->o.specs.v[spec], name, sizeof name), "test",
                             (json_int_t)i, "line", (json_int_t)te->line[i], "truth",
                             e->labels->name[te->label[i]], "vote", vote, "neighbours", nbs);
    int rc = !item || json_dumpf(item, e->pred, JSON_COMPACT | JSON_PRESERVE_ORDER |
                                                    JSON_REAL_PRECISION(9)) ||
                     fputc('\n', e->pred) == EOF
                 ? KCB_EIO
                 : KCB_OK;
    json_decref(item);
    return rc;
}

/* Says how far an interrupted run got; the compressors finished before s are written. */
static int interrupted(struct eval *e, size_t s, const char *what, const struct kcb_progress *pg)
{
    e->stopped = 1;
    kcb_note(e->cmd->name, "interrupted: %s stopped after %zu of %zu test texts; %s", what,
             pg->done, pg->total,
             s ? "the results of the compressors finished before it are written"
               : "no compressor finished, so there are no results");
    return KCB_EXIT_INTERRUPTED;
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
    kcb_progress_start(&pg, e->cmd->name, what, "pairs", (double)ntr);
    struct kcb_knn_job job = {spec, e->o.dist, e->train->text, ctr, ntr, e->test->text, cte,
                              nte, e->o.sep, strlen(e->o.sep), maxk, (size_t)e->o.threads,
                              kcb_progress_show, &pg, &kcb_interrupted};
    if (!rc && nte)
        rc = kcb_knn_search(&job, nb);
    kcb_progress_end(&pg);
    if (!rc)
        rc = add_rows(e, s, nb, maxk);
    for (size_t i = 0; !rc && e->pred && i < nte; i++)
        rc = write_prediction(e, s, i, nb + i * maxk, maxk);
    free(ctr);
    free(cte);
    free(nb);
    if (rc == KCB_ECANCELED)
        return interrupted(e, s, what, &pg);
    return rc ? kcb_lib_err(e->cmd->name, rc, "%s", rc == KCB_EIO ? e->o.predictions : what)
              : KCB_EXIT_OK;
}

/* ---- output ---- */

static void warn_paper(const struct eval *e)
{
    char spec[64] = "several compressors";
    if (e->o.specs.n == 1) /* the compressor actually used, -c or gzip:9 */
        kcb_spec_str(&e->o.specs.v[0], spec, sizeof spec);
    kcb_warn(e->cmd->name, "paper mode: %s, sep '%s', test text first; rule 'optimistic' is "
             "Jiang et al.'s scoring (a k=2 tie counts as right if either label is)", spec,
             e->o.sep);
}

/* The label names and a row's confusion matrix as JSON texts (caller frees both). */
static int confusion_json(const struct eval *e, const struct row *r, char **labels, char **conf)
{
    size_t L = e->labels->n;
    json_t *names = json_array(), *rows = json_array();
    for (size_t i = 0; i < L; i++) {
        json_t *row = json_array();
        json_array_append_new(names, json_string(e->labels->name[i]));
        for (size_t j = 0; j < L; j++)
            json_array_append_new(row, json_real(r->score.conf[i * L + j]));
        json_array_append_new(rows, row);
    }
    *labels = json_dumps(names, JSON_COMPACT);
    *conf = json_dumps(rows, JSON_COMPACT | JSON_REAL_PRECISION(6));
    json_decref(names);
    json_decref(rows);
    return *labels && *conf ? KCB_OK : KCB_ENOMEM;
}

static int result_row(void *arg, size_t i, struct kcb_cell *c)
{
    struct eval *e = arg;
    const struct row *r = &e->rows[i];
    const struct kcb_spec *s = &e->o.specs.v[r->spec];
    free(e->json[0]);
    free(e->json[1]);
    e->json[0] = e->json[1] = NULL;
    if (e->o.confusion && confusion_json(e, r, &e->json[0], &e->json[1]))
        return KCB_ENOMEM;
    c[EVAL_DATASET] = kcb_cell_text(e->name);
    c[EVAL_COMPRESSOR] = kcb_cell_text(kcb_spec_str(s, e->spec_name, sizeof e->spec_name));
    c[EVAL_CODEC] = kcb_cell_text(s->codec->name);
    c[EVAL_LEVEL] = kcb_cell_int(s->level);
    c[EVAL_K] = kcb_cell_uint(r->k);
    c[EVAL_RULE] = kcb_cell_text(kcb_rule_name(r->rule));
    c[EVAL_N] = kcb_cell_uint((size_t)r->score.n);
    c[EVAL_ACCURACY] = kcb_cell_real(kcb_score_accuracy(&r->score));
    c[EVAL_F1] = kcb_cell_real(kcb_score_macro_f1(&r->score));
    c[EVAL_DISTANCE] = kcb_cell_text(kcb_dist_name(e->o.dist));
    c[EVAL_LABELS] = kcb_cell_json(e->json[0]);
    c[EVAL_CONFUSION] = kcb_cell_json(e->json[1]);
    return KCB_OK;
}

/* Row i of the confusion matrix of e->shown: the truth, then the counts of each prediction. */
static int confusion_row(void *arg, size_t i, struct kcb_cell *c)
{
    const struct eval *e = arg;
    size_t L = e->labels->n;
    c[0] = kcb_cell_text(e->labels->name[i]);
    for (size_t j = 0; j < L; j++)
        c[j + 1] = kcb_cell_real(e->shown->score.conf[i * L + j]);
    return KCB_OK;
}

/* A confusion matrix as a table of its own: rows are truths, columns predictions. */
static int confusion_table(struct kcb_out *out, struct eval *e, const struct row *r)
{
    size_t L = e->labels->n;
    struct kcb_col *cols = calloc(L + 1, sizeof *cols);
    char title[256];
    if (!cols)
        return KCB_ENOMEM;
    snprintf(title, sizeof title, "confusion, %s %s k=%zu %s (rows: truth, columns: predicted)",
             e->name, kcb_spec_str(&e->o.specs.v[r->spec], e->spec_name, sizeof e->spec_name),
             r->k, kcb_rule_name(r->rule));
    cols[0] = (struct kcb_col){"truth", "truth\\predicted", KCB_COL_TEXT, 0, 0, 0, 0};
    for (size_t j = 0; j < L; j++)
        cols[j + 1] = (struct kcb_col){e->labels->name[j], NULL, KCB_COL_NUM, -1, 0, 0, 0};
    e->shown = r;
    int rc = kcb_table_write(out, cols, L + 1, title, L, confusion_row, e);
    free(cols);
    return rc;
}

static int write_results(struct eval *e, FILE *fp)
{
    struct kcb_col cols[EVAL_NCOLS];
    struct kcb_out out;
    memcpy(cols, kcb_eval_cols, sizeof cols);
    cols[EVAL_LABELS].flags |= e->o.confusion ? 0 : KCB_COL_HIDE;
    cols[EVAL_CONFUSION].flags |= e->o.confusion ? 0 : KCB_COL_HIDE;
    if (e->o.dist != KCB_DIST_NCD) /* a distance other than NCD is shown in every format */
        cols[EVAL_DISTANCE].flags &= ~(unsigned)KCB_COL_MACHINE;
    kcb_out_init(&out, fp, e->o.format);
    int rc = kcb_table_write(&out, cols, EVAL_NCOLS, NULL, e->nrows, result_row, e);
    /* the confusion of rule vote, or of the first rule asked for when vote was not */
    enum kcb_rule shown = KCB_RULE_VOTE;
    while (!e->o.rules[shown] && shown + 1 < KCB_NRULES)
        shown++;
    for (size_t i = 0; !rc && e->o.confusion && kcb_format_human(e->o.format) && i < e->nrows;
         i++)
        if (e->rows[i].rule == shown)
            rc = confusion_table(&out, e, &e->rows[i]);
    return rc ? kcb_lib_err(e->cmd->name, rc, "%s", e->o.output) : KCB_EXIT_OK;
}

/* ---- the command ---- */

static int evaluate(struct eval *e)
{
    kcb_afile *pf = NULL, *of = NULL;
    FILE *out;
    const char *c = e->cmd->name;
    int rc = kcb_output_open(c, e->o.output, &of, &out);
    if (!rc && e->o.predictions)
        rc = kcb_output_open(c, e->o.predictions, &pf, &e->pred);
    if (!rc)
        rc = load_data(e);
    if (!rc && e->o.train_per_class)
        rc = sample_train(e);
    if (!rc)
        rc = dedup_test(e);
    if (!rc)
        rc = kcb_sample_texts(c, e->test, (size_t)e->o.test_sample, (uint64_t)e->o.seed);
    if (!rc && e->o.paper)
        warn_paper(e);
    e->rows = rc ? NULL : calloc(e->o.specs.n * e->o.nk * KCB_NRULES, sizeof *e->rows);
    if (!rc && !e->rows)
        rc = kcb_fail(c, "out of memory");
    kcb_interrupt_catch();
    for (size_t s = 0; !rc && s < e->o.specs.n; s++)
        rc = run_spec(e, s);
    rc = kcb_output_close(c, e->o.predictions, pf, rc);
    if (e->stopped && e->nrows) { /* what was finished is written; the note said the rest */
        kcb_output_close(c, e->o.output, of, write_results(e, out));
        return rc;
    }
    if (!rc)
        rc = write_results(e, out);
    return kcb_output_close(c, e->o.output, of, rc);
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
    free(e->json[0]);
    free(e->json[1]);
}

static int run(const struct kcb_cmd *cmd, int argc, char **argv)
{
    struct eval e = {.cmd = cmd,
                     .o = {.sep = "", .output = "-", .format = KCB_FMT_TABLE,
                           .dist = KCB_DIST_NCD, .rules = {1, 1, 1}, .seed = 1}};
    int rc = kcb_opt_parse(cmd, argc, argv, apply, &e.o);
    if (!rc && optind < argc)
        rc = kcb_arg_extra(cmd, argv[optind]);
    if (!rc)
        rc = settle(cmd, &e.o);
    if (!rc) {
        if (e.o.name)
            snprintf(e.name, sizeof e.name, "%s", e.o.name);
        else
            kcb_dataset_name(e.o.train_path, e.name, sizeof e.name);
        rc = evaluate(&e);
    }
    eval_free(&e);
    return rc;
}

const struct kcb_cmd kcb_cmd_eval = {
    "eval", "kNN classification accuracy on NCD over a train/test split",
    "-t TRAIN -T TEST [-c CODECS] [-k 1,2,3,5] [--sep STR] [options]",
    "Classifies every test text by its k nearest training texts under NCD (test text first:\n"
    "C(x.sep.y)), as Jiang et al. 2023 did, and reports accuracy, macro-F1 and n_test for\n"
    "each compressor, k and rule. Neighbours are computed once; every rule is scored from them.\n",
    opts,
    "Equal distances go to the earlier training row. A progress bar is shown when stderr is\n"
    "a terminal, a status line every 15 seconds otherwise; -q turns both off.\n",
    run,
};
