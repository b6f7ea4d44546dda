/* cli: what eval and merge share: eval's settled options, the fingerprint of a run, and its results. */
#ifndef KCB_CLI_EVAL_H
#define KCB_CLI_EVAL_H

#include <stdio.h>

#include "cli.h"
#include "dataopts.h"
#include "kcb/dist.h"
#include "kcb/primed.h"
#include "kcb/rules.h"
#include "kcb/shard.h"
#include "kcb/spec.h"
#include "table.h"

/* The most values of -k. */
#define KCB_EVAL_KS 32

/* eval's options, settled: what --paper and the defaults imply is filled in. */
struct kcb_eval_opts {
    const char *train_path, *test_path, *name_arg, *sep, *predictions, *output;
    char name[128]; /* the dataset's name in the output: --name, or the training file's folder */
    struct kcb_specs specs;
    size_t ks[KCB_EVAL_KS], nk;
    int rules[KCB_NRULES];
    struct kcb_dataopts data;
    enum kcb_format format;
    enum kcb_dist dist;
    int dedup, confusion, paper, sep_given, sharded;
    int bits;               /* --bits: sizes are ideal code lengths (kcb_arg_bits) */
    long threads, test_sample, seed, train_per_class;
    struct kcb_shard shard; /* --shard I/N; 1/1 without it */
    enum kcb_method method; /* --method; per-class settles k = 1 and rule vote */
    long parts;             /* --parts P of per-class (default 1) */
    int parts_given;
    long shortlist;         /* --shortlist N of per-class (0: none) */
    struct kcb_spec first;  /* and its first pass's compressor */
    const char *checkpoint; /* --checkpoint FILE (cli/eval_checkpoint.c), or NULL */
    int timings;            /* --timings: kcb_eval_note_timings after each compressor */
};

/*
 * Parses eval's command line (argv[0] is "eval") with eval's one option table into *o, checks
 * the options together and fills in the defaults, the dataset's name included. Returns an
 * exit status, having printed its error, or KCB_DONE after --help. Free *o with
 * kcb_eval_opts_free() whatever it returned.
 */
int kcb_eval_parse(int argc, char **argv, struct kcb_eval_opts *o);

/* Frees what o holds. */
void kcb_eval_opts_free(struct kcb_eval_opts *o);

/* Applies --method (which 0), --parts (1) or --shortlist (2) to o: an exit status, error
 * printed. */
int kcb_eval_method_opt(const struct kcb_cmd *cmd, int key, const char *arg,
                        struct kcb_eval_opts *o, int which);

/* Writes the method as the rows' method column shows it into buf: "per-class", or
 * "per-class, shortlist N by CODEC"; returns buf. */
const char *kcb_eval_method_str(const struct kcb_eval_opts *o, char *buf, size_t len);

/*
 * Checks --method and --parts against the other options before the defaults are filled in
 * (cli/eval_method.c): every compressor must prime; per-class refuses -k, --rules, --distance
 * and --paper, and settles k = 1 and rule vote (shown as rule "per-class"). Returns an exit
 * status, having printed its error.
 */
int kcb_eval_method_settle(const struct kcb_cmd *cmd, struct kcb_eval_opts *o);

/*
 * Finds the neighbours of job's test texts by o's method into nb (job->k per item, as
 * kcb_knn_search): exact kNN, conditional NCD, or per-class, whose "neighbours" are the
 * classes ranked by the primed size of the text (d in bytes), each named by its first
 * training row in label (the label ids of the training rows; nlabels of them). 0 or kcb_err.
 */
int kcb_eval_search(const struct kcb_eval_opts *o, const struct kcb_knn_job *job,
                    const int *label, size_t nlabels, struct kcb_nb *nb);

/*
 * Notes, as command cmd, the timings of compressor what (--timings) from the clock readings
 * t: before C(y) of the ntr training texts (0: none computed), before C(x) of the n test
 * texts, before and after their search; exact and conditional add pairs/s, MPI the rank.
 */
void kcb_eval_note_timings(const char *cmd, const struct kcb_eval_opts *o, const char *what,
                           const double t[4], size_t ntr, size_t n, int rank, int ranks);

/* Warns, as command cmd, what --paper means: the compressor, separator and rule 'optimistic'. */
void kcb_eval_warn_paper(const char *cmd, const struct kcb_eval_opts *o);

/*
 * Writes the fingerprint of a run to hex: the SHA-256 of a canonical JSON text of every
 * option that shapes its output (all but -j, -o, --shard, --predictions and -q; each
 * compressor with its library's version), the digests of the training and test sets as
 * read (kcb_dataset_digest) and kcbench's version. Returns 0 or KCB_ENOMEM.
 */
int kcb_eval_fingerprint(const struct kcb_eval_opts *o, const char *train_digest,
                         const char *test_digest, char hex[KCB_SHA256_HEX]);

/* The settled options that shape the output, as kcb_eval_fingerprint hashes them: a compact
 * JSON object, keys sorted, in a new string (caller frees), or NULL when out of memory. */
char *kcb_eval_options_text(const struct kcb_eval_opts *o);

/* One line of results, and the confusion matrix behind it. */
struct kcb_eval_row {
    size_t spec, k;
    enum kcb_rule rule;
    struct kcb_score score;
};

/* Results being scored from a part's neighbours and written. Set up with kcb_eval_res_init. */
struct kcb_eval_res {
    const char *cmd;                /* the command, for messages */
    const struct kcb_eval_opts *o;
    const struct kcb_part *p;       /* the neighbours, labels and lines (borrowed) */
    struct kcb_eval_row *rows;
    size_t nrows;
    FILE *pred;                     /* --predictions, or NULL */
    const struct kcb_eval_row *shown; /* the row whose confusion matrix is being written */
    char *json[2];                  /* the labels and confusion of the row being written */
    char spec_name[64], method_name[96];
};

/* Sets r up for the results of o on part p (borrowed), predictions to pred (NULL: none):
 * 0 or KCB_ENOMEM. Free with kcb_eval_res_free(). */
int kcb_eval_res_init(struct kcb_eval_res *r, const char *cmd, const struct kcb_eval_opts *o,
                      const struct kcb_part *p, FILE *pred);

/*
 * Scores compressor s over every test item of the part, for every k and rule, by lib/learn's
 * kcb_knn_score in item order, and writes the items' prediction lines to r->pred if set.
 * The part must hold every item. Returns 0, KCB_ENOMEM or KCB_EIO (the predictions).
 */
int kcb_eval_res_score(struct kcb_eval_res *r, size_t s);

/* Writes the rows scored so far in o's format to fp, with the confusion matrices when asked
 * for. Returns an exit status, having printed its error. */
int kcb_eval_res_write(struct kcb_eval_res *r, FILE *fp);

/* Frees what r holds. */
void kcb_eval_res_free(struct kcb_eval_res *r);

/*
 * Writes what eval writes for the whole part p (one that holds every item): opens o's output
 * and predictions files, scores every compressor, writes the results, and commits both files.
 * Returns an exit status, having printed its error.
 */
int kcb_eval_finish(const char *cmd, const struct kcb_eval_opts *o, const struct kcb_part *p);

#endif
