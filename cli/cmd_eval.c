/* kcbench eval: kNN classification accuracy on NCD, every rule from one neighbour search, whole or in shards. */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "args.h"
#include "commands.h"
#include "eval.h"
#include "eval_checkpoint.h"
#include "kcb/clock.h"
#include "kcb/err.h"
#include "kcb/sample.h"
#include "kcb/sizes.h"
#include "load.h"
#include "mpi.h"
#include "output.h"
#include "progress.h"

static const struct kcb_opt opts[] = {
    {'t', "train", "FILE", "training set", "train.tsv"},
    {'T', "test", "FILE", "test set", "test.tsv"},
    {'c', "codec", "LIST", "compressors, NAME[:LEVEL],... (default gzip:9)", "gzip:9,zstd:3"},
    {'k', "k", "LIST", "values of k (default 1,2,3,5)", "1,3"},
    {KCB_OPT_LONG + 17, "bits", NULL, KCB_BITS_HELP, NULL},
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
     "labels and confusion of each row; up to 1024 labels", NULL},
    {KCB_OPT_LONG + 11, "predictions", "F",
     "write each test item's predictions, neighbours and distances to F\n(JSON lines)",
     "pred.jsonl"},
    {'f', "format", "F", "table (default), md, csv, tsv, json", "json"},
    {'o', "output", "FILE", "write results there (atomically) instead of standard output",
     "out.json"},
    {'j', "threads", "N", "threads (default: all cores); results are identical for every N", "2"},
    {KCB_OPT_LONG + 13, "shard", "I/N",
     "compute shard I of N only: the test items whose index (after\n"
     "--dedup and --test-sample) mod N is I-1; write them as a part file\n"
     "(JSON) to -o, and join the N parts with kcbench merge", "2/4"},
    {KCB_OPT_LONG + 14, "method", "M",
     "exact (default), per-class or conditional; the last two prime a\n"
     "compressor with a dictionary (gzip, zlib, deflate, xz, zstd, lz4,\n"
     "cm)\n"
     "exact:       kNN on C(x.sep.y), one compression per pair\n"
     "per-class:   the class whose training texts, joined by --sep as a\n"
     "             dictionary, compress the test text best (k=1)\n"
     "conditional: kNN on NCD with C(y) + C(x|y) in place of C(xy)", "per-class"},
    {KCB_OPT_LONG + 15, "parts", "P", KCB_PARTS_HELP, "3"},
    {KCB_OPT_LONG + 18, "shortlist", "N[,CODEC]", KCB_SHORTLIST_HELP, "3"},
    {KCB_OPT_LONG + 16, "checkpoint", "F",
     "keep the neighbours of the test texts finished in file F, synced\n"
     "every few seconds; run the same command again to resume a run\n"
     "that was stopped (Ctrl-C, kill, a crash); F is refused if it is\n"
     "of other options or data, and removed once all is written", "run.ckpt"},
    {KCB_OPT_LONG + 19, "timings", NULL,
     "print on standard error, per compressor, the seconds of C(y), of\n"
     "C(x) and of the search, with its ms per test text and pairs/s", NULL},
    {0, NULL, NULL, NULL, NULL},
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

static int parse_shard(const struct kcb_cmd *cmd, int key, const char *arg,
                       struct kcb_eval_opts *o)
{
    char why[128];
    if (kcb_shard_parse(arg, &o->shard, why, sizeof why))
        return kcb_usage_err(cmd->name, "%s %s: %s", kcb_opt_name(cmd, key), arg, why);
    o->sharded = 1;
    return KCB_EXIT_OK;
}

static int apply(const struct kcb_cmd *cmd, void *ctx, int key, const char *arg)
{
    struct kcb_eval_opts *o = ctx;
    switch (key) {
    case 't': o->train_path = arg; return KCB_EXIT_OK;
    case 'T': o->test_path = arg; return KCB_EXIT_OK;
    case 'c': return kcb_arg_specs(cmd, key, arg, &o->specs);
    case 'k': return kcb_arg_klist(cmd, key, arg, o->ks, KCB_EVAL_KS, &o->nk);
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
    case KCB_OPT_LONG + 9: o->name_arg = arg; return KCB_EXIT_OK;
    case KCB_OPT_LONG + 10: o->confusion = 1; return KCB_EXIT_OK;
    case KCB_OPT_LONG + 11: o->predictions = arg; return KCB_EXIT_OK;
    case KCB_OPT_LONG + 12: return kcb_arg_long(cmd, key, arg, 1, 1L << 40, &o->train_per_class);
    case KCB_OPT_LONG + 13: return parse_shard(cmd, key, arg, o);
    case KCB_OPT_LONG + 14: return kcb_eval_method_opt(cmd, key, arg, o, 0);
    case KCB_OPT_LONG + 15: return kcb_eval_method_opt(cmd, key, arg, o, 1);
    case KCB_OPT_LONG + 18: return kcb_eval_method_opt(cmd, key, arg, o, 2);
    case KCB_OPT_LONG + 16: o->checkpoint = arg; return KCB_EXIT_OK;
    case KCB_OPT_LONG + 17: o->bits = 1; return KCB_EXIT_OK;
    case KCB_OPT_LONG + 19: o->timings = 1; return KCB_EXIT_OK;
    }
    return kcb_dataopts_apply(cmd, &o->data, key, arg);
}

/* Checks the options together and fills in what --paper and the defaults imply. */
static int settle(const struct kcb_cmd *cmd, struct kcb_eval_opts *o)
{
    if (!o->train_path || !o->test_path)
        return kcb_usage_err(cmd->name, "needs -t TRAIN and -T TEST");
    if (o->confusion && o->format != KCB_FMT_TABLE && o->format != KCB_FMT_MD &&
        o->format != KCB_FMT_JSON)
        return kcb_usage_err(cmd->name, "--confusion needs --format table, md or json");
    if (o->sharded && o->predictions)
        return kcb_usage_err(cmd->name, "--predictions with --shard: give it to kcbench merge, "
                             "which writes the predictions of every shard");
    if (o->paper && !o->sep_given)
        o->sep = " ";
    int rc = kcb_eval_method_settle(cmd, o); /* before the defaults, to see what was given */
    if (!rc && !o->nk)
        rc = kcb_arg_klist(cmd, 'k', "1,2,3,5", o->ks, KCB_EVAL_KS, &o->nk);
    if (!rc && o->paper && o->ks[0] != 2) { /* the paper's k = 2 */
        size_t nk = o->nk;
        char list[16 * KCB_EVAL_KS] = "2";
        for (size_t i = 0; i < nk; i++)
            snprintf(list + strlen(list), sizeof list - strlen(list), ",%zu", o->ks[i]);
        rc = kcb_arg_klist(cmd, 'k', list, o->ks, KCB_EVAL_KS, &o->nk);
    }
    if (!rc && !o->specs.n)
        rc = kcb_arg_specs(cmd, 'c', "gzip:9", &o->specs);
    if (!rc && o->bits)
        rc = kcb_arg_bits(cmd, &o->specs);
    if (o->name_arg)
        snprintf(o->name, sizeof o->name, "%s", o->name_arg);
    else
        kcb_dataset_name(o->train_path, o->name, sizeof o->name);
    return rc;
}

int kcb_eval_parse(int argc, char **argv, struct kcb_eval_opts *o)
{
    *o = (struct kcb_eval_opts){.sep = "", .output = "-", .format = KCB_FMT_TABLE,
                                .dist = KCB_DIST_NCD, .rules = {1, 1, 1}, .seed = 1,
                                .shard = {1, 1}};
    const struct kcb_cmd *cmd = &kcb_cmd_eval;
    int rc = kcb_opt_parse(cmd, argc, argv, apply, o);
    if (!rc && optind < argc)
        rc = kcb_arg_extra(cmd, argv[optind]);
    return rc ? rc : settle(cmd, o);
}

void kcb_eval_opts_free(struct kcb_eval_opts *o)
{
    kcb_specs_free(&o->specs);
}

struct eval {
    const struct kcb_cmd *cmd;
    struct kcb_eval_opts o;
    int argc;
    char **argv;
    struct kcb_labels *labels;
    struct kcb_dataset *train, *test;
    char digest[2][KCB_SHA256_HEX]; /* of the training and test sets as read */
    struct kcb_part part;           /* the neighbours found, of the items of o.shard */
    struct kcb_eval_res res;        /* a whole run: the results, scored compressor by compressor */
    struct kcb_mpi mpi;
    struct kcb_eval_ckpt ck;        /* --checkpoint */
    int stopped; /* interrupted: the rows are those of the compressors finished */
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
    if (!rc && e->o.confusion && e->labels->n > KCB_SCORE_DENSE_MAX)
        rc = kcb_usage_err(c, "--confusion: %zu labels, more than the %d a confusion matrix is "
                           "shown for", e->labels->n, KCB_SCORE_DENSE_MAX);
    if (!rc) {
        kcb_dataset_digest(e->train, e->digest[0]);
        kcb_dataset_digest(e->test, e->digest[1]);
    }
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
                 "kept whole: %s%s", e->o.name, per, few, few > 1 ? "es have" : " has", names,
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
                 "training (--dedup)", e->o.name, dups, n);
        if (e->test->n == 0) {
            free(dup);
            return kcb_io_err(e->cmd->name, "%s: --dedup left no test text to score", e->o.name);
        }
    } else if (dups) {
        kcb_warn(e->cmd->name, "%s: %zu of %zu test texts also occur verbatim in training; "
                 "accuracy is inflated by them (--dedup drops them)", e->o.name, dups, n);
    }
    free(dup);
    return KCB_EXIT_OK;
}

/* ---- the run's part ---- */

/* Loads and selects the texts, then sets up the part of shard sh: labels, lines, fingerprint. */
static int prepare(struct eval *e, struct kcb_shard sh)
{
    const char *c = e->cmd->name;
    struct kcb_part *p = &e->part;
    int rc = load_data(e);
    if (!rc && e->o.train_per_class)
        rc = sample_train(e);
    if (!rc)
        rc = dedup_test(e);
    if (!rc)
        rc = kcb_sample_texts(c, e->test, (size_t)e->o.test_sample, (uint64_t)e->o.seed);
    if (rc)
        return rc;
    if (e->o.paper)
        kcb_eval_warn_paper(c, &e->o);
    size_t ntr = e->train->n, nte = e->test->n;
    int lib = kcb_part_init(p, ntr, nte, e->o.specs.n, e->o.ks[e->o.nk - 1]);
    if (!lib)
        lib = kcb_part_set_argv(p, (size_t)e->argc, (const char *const *)e->argv);
    if (!lib)
        lib = kcb_part_set_labels(p, e->labels->n, (const char *const *)e->labels->name);
    if (!lib)
        lib = kcb_eval_fingerprint(&e->o, e->digest[0], e->digest[1], p->fingerprint);
    if (lib)
        return kcb_lib_err(c, lib, "%s", e->o.name);
    p->shard = sh;
    memcpy(p->train_digest, e->digest[0], sizeof p->train_digest);
    memcpy(p->test_digest, e->digest[1], sizeof p->test_digest);
    memcpy(p->train_label, e->train->label, ntr * sizeof *p->train_label);
    memcpy(p->train_line, e->train->line, ntr * sizeof *p->train_line);
    for (size_t i = 0; i < nte; i++) {
        p->have[i] = (unsigned char)kcb_shard_has(sh, i);
        p->test_label[i] = p->have[i] ? e->test->label[i] : -1;
        p->test_line[i] = e->test->line[i];
    }
    return e->o.checkpoint ? kcb_eval_ckpt_open(c, &e->o, e->digest[0], e->digest[1], p, &e->ck)
                           : KCB_EXIT_OK;
}

/* ---- the search ---- */

/* Says how far an interrupted run got; the compressors finished before s are written. */
static int interrupted(struct eval *e, size_t s, const char *what, const struct kcb_progress *pg)
{
    char ck[512];
    e->stopped = 1;
    kcb_note(e->cmd->name, "interrupted: %s stopped after %zu of %zu test texts; %s%s", what,
             pg->done, pg->total,
             e->o.sharded || e->mpi.size > 1 ? "no part is written"
             : s ? "the results of the compressors finished before it are written"
                 : "no compressor finished, so there are no results",
             kcb_eval_ckpt_status(&e->ck, ck, sizeof ck));
    return KCB_EXIT_INTERRUPTED;
}

/* The texts of the items the part holds that compressor s has yet to see (the checkpoint may
 * hold some), and where each goes in the whole test set. */
static size_t held_items(const struct eval *e, size_t s, struct kcb_blob *text, size_t *at)
{
    size_t n = 0;
    for (size_t i = 0; i < e->test->n; i++) {
        if (e->part.have[i] && !kcb_eval_ckpt_has(&e->ck, s, i)) {
            text[n] = e->test->text[i];
            at[n++] = i;
        }
    }
    return n;
}

/* Finds the neighbours of the part's items under compressor s, into the part. */
static int run_spec(struct eval *e, size_t s)
{
    const struct kcb_spec *spec = &e->o.specs.v[s];
    struct kcb_part *p = &e->part;
    size_t maxk = p->k, ntr = e->train->n, nte = e->test->n, one = nte ? nte : 1;
    size_t *ctr = malloc(ntr * sizeof *ctr), *cte = malloc(one * sizeof *cte);
    size_t *at = malloc(one * sizeof *at);
    struct kcb_blob *text = malloc(one * sizeof *text);
    struct kcb_nb *nb = malloc(one * maxk * sizeof *nb);
    char name[64], what[200];
    int rc = !ctr || !cte || !nb || !at || !text ? KCB_ENOMEM : KCB_OK;
    size_t n = rc ? 0 : held_items(e, s, text, at);
    int cy = n && e->o.method != KCB_METHOD_PER_CLASS; /* per-class needs no C(y) */
    double t[4] = {kcb_clock()};
    if (!rc && cy)
        rc = kcb_sizes(spec, e->train->text, ntr, (size_t)e->o.threads, ctr);
    t[1] = kcb_clock();
    if (!rc)
        rc = kcb_sizes(spec, text, n, (size_t)e->o.threads, cte);
    t[2] = kcb_clock();
    struct kcb_progress pg;
    snprintf(what, sizeof what, "%s %s", e->o.name, kcb_spec_str(spec, name, sizeof name));
    kcb_progress_start(&pg, e->cmd->name, what, "pairs", (double)ntr);
    struct kcb_knn_job job = {spec, e->o.dist, e->train->text, ctr, ntr, text, cte, n,
                              e->o.sep, strlen(e->o.sep), maxk, (size_t)e->o.threads,
                              kcb_progress_show, &pg, &kcb_interrupted};
    if (!rc && n)
        rc = kcb_eval_ckpt_search(&e->ck, &e->o, &job, e->train->label, e->labels->n, s, at, nb);
    kcb_progress_end(&pg);
    t[3] = kcb_clock();
    if (!rc && e->o.timings)
        kcb_eval_note_timings(e->cmd->name, &e->o, what, t, cy ? ntr : 0, n, e->mpi.rank,
                              e->mpi.size);
    for (size_t j = 0; !rc && j < n; j++)
        memcpy(p->nb + (s * nte + at[j]) * maxk, nb + j * maxk, maxk * sizeof *nb);
    free(ctr);
    free(cte);
    free(at);
    free(text);
    free(nb);
    if (rc == KCB_ECANCELED)
        return interrupted(e, s, what, &pg);
    return rc ? kcb_eval_ckpt_err(&e->ck, rc, what) : KCB_EXIT_OK;
}

/* ---- the command: whole, one shard, or MPI ranks ---- */

/* The whole test set in this process: each compressor scored as soon as it is done. */
static int eval_whole(struct eval *e)
{
    kcb_afile *pf = NULL, *of = NULL;
    FILE *out, *pred = NULL;
    const char *c = e->cmd->name;
    int rc = kcb_output_open(c, e->o.output, &of, &out);
    if (!rc && e->o.predictions)
        rc = kcb_output_open(c, e->o.predictions, &pf, &pred);
    if (!rc)
        rc = prepare(e, (struct kcb_shard){1, 1});
    if (!rc && kcb_eval_res_init(&e->res, c, &e->o, &e->part, pred))
        rc = kcb_fail(c, "out of memory");
    kcb_interrupt_catch();
    for (size_t s = 0; !rc && s < e->o.specs.n; s++) {
        rc = run_spec(e, s);
        int lib = rc ? KCB_OK : kcb_eval_res_score(&e->res, s);
        if (lib)
            rc = kcb_lib_err(c, lib, "%s", lib == KCB_EIO ? e->o.predictions : "scoring");
    }
    rc = kcb_output_close(c, e->o.predictions, pf, rc);
    if (e->stopped && e->res.nrows) { /* what was finished is written; the note said the rest */
        kcb_output_close(c, e->o.output, of, kcb_eval_res_write(&e->res, out));
        return rc;
    }
    if (!rc)
        rc = kcb_eval_res_write(&e->res, out);
    return kcb_eval_ckpt_end(&e->ck, kcb_output_close(c, e->o.output, of, rc));
}

/* Finds the neighbours of the items of shard sh, every compressor, and writes the part as
 * JSON into *text (caller frees). */
static int eval_part(struct eval *e, struct kcb_shard sh, char **text)
{
    char why[256];
    int rc = prepare(e, sh);
    kcb_interrupt_catch();
    for (size_t s = 0; !rc && s < e->o.specs.n; s++)
        rc = run_spec(e, s);
    int lib = rc ? KCB_OK : kcb_part_dumps(&e->part, text, why, sizeof why);
    if (lib == KCB_EINVAL)
        return kcb_usage_err(e->cmd->name, "%s: the part file cannot hold it: %s",
                             e->o.name, why);
    return lib ? kcb_lib_err(e->cmd->name, lib, "%s", e->o.name) : rc;
}

/* --shard I/N: the part file of one shard to -o. */
static int eval_shard(struct eval *e)
{
    kcb_afile *of = NULL;
    FILE *out;
    char *text = NULL;
    int rc = kcb_output_open(e->cmd->name, e->o.output, &of, &out);
    if (!rc)
        rc = eval_part(e, e->o.shard, &text);
    if (!rc && fputs(text, out) == EOF)
        rc = kcb_lib_err(e->cmd->name, KCB_EIO, "%s", kcb_output_name(e->o.output));
    free(text);
    return kcb_eval_ckpt_end(&e->ck, kcb_output_close(e->cmd->name, e->o.output, of, rc));
}

/* Rank 0 of an MPI run: reads every rank's part, merges them, writes what eval writes. */
static int eval_gathered(struct eval *e, char **texts, const int *rcs)
{
    const char *c = e->cmd->name;
    size_t n = (size_t)e->mpi.size;
    struct kcb_part *parts = calloc(n, sizeof *parts), whole = {0};
    struct kcb_merge_diag diag;
    char why[256];
    int rc = parts ? KCB_EXIT_OK : kcb_fail(c, "out of memory");
    for (size_t r = 1; !rc && r < n; r++) {
        if (!rcs[r])
            continue;
        if (*texts[r])
            kcb_note(c, "MPI rank %zu: %s", r, texts[r]);
        else
            kcb_note(c, "MPI rank %zu stopped with exit status %d", r, rcs[r]);
        rc = rcs[r];
    }
    for (size_t r = 0; !rc && r < n; r++)
        if (kcb_part_loads(texts[r], strlen(texts[r]), &parts[r], why, sizeof why))
            rc = kcb_fail(c, "MPI rank %zu: its part does not read back: %s", r, why);
    if (!rc && kcb_parts_merge(parts, n, &whole, &diag))
        rc = kcb_fail(c, "the parts of the MPI ranks do not merge (problem %d, rank %zu)",
                      (int)diag.problem, diag.part);
    if (!rc)
        rc = kcb_eval_finish(c, &e->o, &whole);
    for (size_t r = 0; parts && r < n; r++)
        kcb_part_free(&parts[r]);
    free(parts);
    kcb_part_free(&whole);
    return rc;
}

/* mpirun -np N: rank R computes shard R+1 of N; rank 0 gathers the parts and writes. Every
 * rank takes part in the gathering, whatever happened before, so that none waits forever. */
static int eval_mpi(struct eval *e, int rc)
{
    char *text = NULL, **texts = NULL;
    int *rcs = NULL;
    struct kcb_shard sh = {(size_t)e->mpi.rank + 1, (size_t)e->mpi.size};
    if (!rc && e->o.sharded)
        rc = kcb_usage_err(e->cmd->name, "--shard under mpirun: the ranks are the shards");
    if (!rc && e->o.checkpoint)
        rc = kcb_usage_err(e->cmd->name, "--checkpoint under mpirun: not supported (the ranks "
                           "would share one file); run --shard I/N --checkpoint FILE.I instead");
    if (!rc && (!strcmp(e->o.train_path, "-") || !strcmp(e->o.test_path, "-")))
        rc = kcb_usage_err(e->cmd->name, "under mpirun the sets must be files: only rank 0 "
                           "has standard input");
    if (!rc)
        rc = eval_part(e, sh, &text);
    const char *send = rc ? kcb_msg_first() : text;
    int grc = kcb_mpi_gather(&e->mpi, rc, send, strlen(send), &rcs, &texts);
    free(text);
    if (!rc && grc)
        rc = kcb_fail(e->cmd->name, "MPI: gathering the parts failed");
    if (!rc && e->mpi.rank == 0)
        rc = eval_gathered(e, texts, rcs);
    kcb_mpi_free(&e->mpi, rcs, texts);
    return rc;
}

static void eval_free(struct eval *e)
{
    kcb_eval_ckpt_end(&e->ck, KCB_EXIT_FAIL); /* closes it, kept, if still open */
    kcb_eval_res_free(&e->res);
    kcb_part_free(&e->part);
    kcb_dataset_free(e->train);
    kcb_dataset_free(e->test);
    kcb_labels_free(e->labels);
    kcb_eval_opts_free(&e->o);
    kcb_mpi_end(&e->mpi);
}

static int run(const struct kcb_cmd *cmd, int argc, char **argv)
{
    struct eval e = {.cmd = cmd, .argc = argc, .argv = argv};
    int rc = kcb_mpi_start(&e.mpi);
    if (rc)
        return rc;
    rc = kcb_eval_parse(argc, argv, &e.o);
    if (e.mpi.size > 1)
        rc = eval_mpi(&e, rc);
    else if (!rc)
        rc = e.o.sharded ? eval_shard(&e) : eval_whole(&e);
    eval_free(&e);
    return rc;
}

const struct kcb_cmd kcb_cmd_eval = {
    "eval", "kNN classification accuracy on NCD over a train/test split",
    "-t TRAIN -T TEST [-c CODECS] [-k 1,2,3,5] [--sep STR] [options]\n"
    "       kcbench eval -t TRAIN -T TEST [options] --shard I/N -o PART",
    "Classifies every test text by its k nearest training texts under NCD (test text first:\n"
    "C(x.sep.y)), as Jiang et al. 2023 did, and reports accuracy, macro-F1 and n_test for\n"
    "each compressor, k and rule. Neighbours are computed once; every rule is scored from them.\n",
    opts,
    "Equal distances go to the earlier training row. A progress bar is shown when stderr is\n"
    "a terminal, a status line every 15 seconds otherwise; -q turns both off.\n"
    "With --shard I/N, eval computes one shard of the test set and writes a part file;\n"
    "kcbench merge PART... joins the N parts into what eval without --shard prints. An MPI\n"
    "build (make MPI=1) run as mpirun -np N kcbench eval ... splits the test set the same\n"
    "way across the ranks; rank 0 gathers the parts and alone writes. Results are the same\n"
    "bytes for every N.\n"
    "With --checkpoint FILE the test texts finished are appended to FILE, a batch of about\n"
    "2 seconds of work at a time, each synced; after Ctrl-C, kill or a crash the same command\n"
    "resumes from it and writes the bytes of a run never stopped. -j, -q, -o, -f, --confusion\n"
    "and --predictions may change between the runs; a FILE of other options or data is\n"
    "refused, naming what differs. FILE is removed once every output is written in full,\n"
    "kept otherwise. It goes with --shard (a file per shard), not with mpirun.\n",
    run,
};
