/* lib/school: the seven examples: each measures its rows, and a judge turns them into a verdict. */
#ifndef KCB_EXAMPLES_H
#define KCB_EXAMPLES_H

#include <stddef.h>
#include <stdint.h>

#include "kcb/lesson.h"
#include "kcb/spec.h"
#include "kcb/stats.h"

/*
 * Every example has a run function, which measures (pure: the same options give the same
 * result, whatever the thread count) and then calls its judge; a judge reads only the rows,
 * so that tests can give it rows of their own. Run functions return 0 or kcb_err; on failure
 * the result holds nothing to free. Spec pointers in rows are borrowed from the options.
 */

/* ---- coin-flips ---- */

/* X2 exactly as the slide prints it: 46 symbols, although the slide calls it 45 flips. */
#define KCB_COIN_X2 "0100101010110100010110100101110001010110001111"

/* One compressor on X1 or X2, beside the programs that print them. */
struct kcb_coin_row {
    const struct kcb_spec *spec;
    const char *input;       /* "X1" or "X2" */
    size_t symbols;          /* 45 or 46: a fair coin's code length in bits */
    size_t cx, cempty;       /* C(x), C(ε) in bytes */
    const char *program;     /* print("001" * 15), or print("<X2>") */
};

/* One compressor, coding and length of the grid: X1 = "001" repeated against random bits. */
struct kcb_coin_point {
    const struct kcb_spec *spec;
    int packed;              /* 0: one byte '0' or '1' per symbol; 1: eight symbols a byte */
    size_t n;                /* symbols */
    size_t bytes;            /* bytes of each input */
    size_t c_x1, c_rand, cempty;
    int apart;               /* 8 (C(X1) - C(ε)) < n and C(X1) < C(random) */
};

struct kcb_coin {
    struct kcb_coin_row *rows;     /* per compressor: X1, X2 */
    size_t nrows;
    struct kcb_coin_point *grid;   /* per compressor, coding, then length ascending */
    size_t ngrid;
    struct kcb_finding f;
};

int kcb_coin_run(kcb_school *s, struct kcb_coin *out);
void kcb_coin_judge(struct kcb_coin *r);
void kcb_coin_free(struct kcb_coin *r);

/* ---- incompressible ---- */

#define KCB_INCOMP_NC 4 /* the values of c: 1, 2, 4, 8 bits */
extern const unsigned kcb_incomp_c[KCB_INCOMP_NC];

/* One compressor, coding and length: how many random strings it shortened. */
struct kcb_incomp_row {
    const struct kcb_spec *spec;
    int bits;                /* 0: random bytes; 1: random bits written as '0'/'1' bytes */
    size_t n;                /* bits of information: 8 per byte, or one per symbol */
    size_t bytes, strings, cempty;
    double mean_excess;      /* mean of 8 (C(x) - C(ε)) - n over the strings, bits */
    long most_shortened;     /* the largest n - 8 (C(x) - C(ε)); negative: all expanded */
    size_t count[KCB_INCOMP_NC]; /* strings shortened by at least kcb_incomp_c[k] bits */
    double p[KCB_INCOMP_NC];     /* P(Binomial(strings, 2^-c) >= count) */
    int held;                /* set by the judge: no count significantly above its bound */
};

struct kcb_incomp {
    struct kcb_incomp_row *rows;
    size_t nrows;
    struct kcb_finding f;
};

int kcb_incomp_run(kcb_school *s, struct kcb_incomp *out);
void kcb_incomp_judge(struct kcb_incomp *r);
void kcb_incomp_free(struct kcb_incomp *r);

/* ---- concatenation ---- */

/* One pair of corpora and one compressor. */
struct kcb_concat_row {
    char pair[64];           /* what the pair is: "same source", "text + random", ... */
    int related;             /* X and Y come from one source */
    char x[48], y[48];
    const struct kcb_spec *spec;
    size_t nx, ny, cx, cy, cxy, cempty;
    size_t window;           /* the compressor's window or block, 0: unbounded */
    int fits;                /* nx + ny <= window (or unbounded) */
    /* derived by kcb_concat_derive: */
    double gain, gain_rel;   /* C(X) + C(Y) - C(XY), and divided by min(C(X), C(Y)) */
    double c_needed;         /* C(XY) - C(X) - C(Y): the smallest c */
    int subadditive;         /* C(XY) <= C(X) + C(Y) + C(ε) */
    double bpb_x, bpb_y, bpb_xy; /* 8 (C - C(ε)) / bytes */
    int more_compressible;   /* bpb_xy below both bpb_x and bpb_y */
};

/* Fills the derived fields of r from its sizes. */
void kcb_concat_derive(struct kcb_concat_row *r);

struct kcb_concat_ex {
    struct kcb_concat_row *rows;
    size_t nrows;
    struct kcb_finding f;
};

int kcb_concat_run(kcb_school *s, struct kcb_concat_ex *out);
void kcb_concat_judge(struct kcb_concat_ex *r);
void kcb_concat_free(struct kcb_concat_ex *r);

/* ---- compression-is-learning ---- */

/* One learning set and one compressor: 1-NN accuracy, and against the reference. */
struct kcb_learn_row {
    const char *dataset;
    int real;
    const struct kcb_spec *spec;
    int is_ref;              /* the reference compressor (the first) */
    size_t ntrain, ntest, nlabels, correct;
    double acc, lo, hi;      /* accuracy and its 95 % Wilson interval */
    double baseline;         /* the majority-class accuracy */
    struct kcb_paired vs_ref; /* a = the reference, b = this compressor, same test texts */
};

struct kcb_learning {
    struct kcb_learn_row *rows;
    size_t nrows;
    struct kcb_finding f;
};

int kcb_learning_run(kcb_school *s, struct kcb_learning *out);
void kcb_learning_judge(struct kcb_learning *r);
void kcb_learning_free(struct kcb_learning *r);

/* ---- compressible-is-learnable ---- */

/* One dataset: how much the labels help to compress it, and how well 1-NN learns it. */
struct kcb_learnable_row {
    char dataset[64];
    int real;
    size_t nlabels, ntrain, ntest;
    size_t bytes;            /* the training texts joined */
    size_t c_all, c_classes; /* C(all), and the sum of C(class) */
    size_t cempty;           /* C(ε): each class beyond the first pays one more container */
    double gain;             /* (C(all) - sum C(class) + (labels - 1) C(ε)) / C(all) */
    double err, base_err;    /* 1-NN error, and the majority-class baseline's */
    double rel_err;          /* err / base_err (NaN when base_err is 0) */
};

/* Spearman's rho of gain and relative error over a group of datasets. */
struct kcb_learnable_corr {
    const char *group;       /* "built-in", "real", "all" */
    int judged;              /* part of the verdict ("all" is shown only) */
    size_t n;                /* datasets */
    double rho, lo, hi;
    size_t used;             /* bootstrap resamples with a rho */
};

struct kcb_learnable {
    const struct kcb_spec *spec; /* the reference compressor */
    struct kcb_learnable_row *rows;
    size_t nrows;
    struct kcb_learnable_corr corr[3];
    size_t ncorr;
    struct kcb_finding f;
};

int kcb_learnable_run(kcb_school *s, struct kcb_learnable *out);
/* Computes the correlations from the rows (seeded by seed), then the verdict: 0 or
 * KCB_ENOMEM. */
int kcb_learnable_judge(struct kcb_learnable *r, uint64_t seed);
void kcb_learnable_free(struct kcb_learnable *r);

/* ---- no-free-lunch ---- */

/* A compressor on uniformly random bytes. */
struct kcb_nfl_random {
    const struct kcb_spec *spec;
    size_t bytes, cx, cempty;
};

/* A compressor's 1-NN accuracy with its training labels permuted, many times over. */
struct kcb_nfl_label {
    const char *dataset;
    const struct kcb_spec *spec;
    size_t ntest, perms;     /* test texts; permutations (the same ones for every compressor) */
    double mean, sd;         /* of the accuracy over the permutations */
    double lo, hi;           /* its 2.5 and 97.5 percentiles */
    double chance;           /* sum over labels of p_train p_test: the expected accuracy */
    double acc_true;         /* with the true labels */
    double p_true;           /* (1 + permutations doing as well as the true labels) / (1 + perms) */
    int at_chance;           /* set by the judge: |mean - chance| within z sd / sqrt(perms) */
};

/* A compressor on a structured input. */
struct kcb_nfl_input {
    char input[48];
    int real;
    const struct kcb_spec *spec;
    size_t bytes, cx;
    int wins;                /* set by the judge: its C(x) is the smallest on this input */
};

struct kcb_nfl {
    struct kcb_nfl_random *rnd;
    size_t nrnd;
    struct kcb_nfl_label *lab;
    size_t nlab;
    struct kcb_nfl_input *in; /* inputs one after another, every compressor on each */
    size_t nin;
    struct kcb_finding f;
};

int kcb_nfl_run(kcb_school *s, struct kcb_nfl *out);
void kcb_nfl_judge(struct kcb_nfl *r);
void kcb_nfl_free(struct kcb_nfl *r);

/* ---- best-compressor ---- */

/* A compressor on a text corpus. */
struct kcb_best_row {
    char corpus[48];
    int real;
    const struct kcb_spec *spec;
    size_t bytes, cx;
    int best;                /* the smallest C(x) on this corpus */
};

/* A published figure, never measured here. */
struct kcb_published {
    const char *program, *data;
    unsigned long long bytes, compressed;
    const char *source;      /* where it is printed */
    const char *as_of;       /* the date the source gives */
};

/* A pair of compressors on a learning set, the better ratio first. */
struct kcb_best_pair {
    const char *dataset;
    const struct kcb_spec *better, *worse;
    double ratio_better, ratio_worse;           /* on the training texts joined */
    double text_ratio_better, text_ratio_worse; /* the same texts, each compressed alone */
    struct kcb_paired cmp;   /* a = worse, b = better: diff > 0 when the better is more accurate */
    int agrees;              /* set by the judge: 1 agrees, -1 contradicts, 0 no difference */
};

struct kcb_best {
    struct kcb_best_row *rows;
    size_t nrows;
    const struct kcb_published *pub; /* static */
    size_t npub;
    struct kcb_best_pair *pairs;
    size_t npairs;
    struct kcb_finding f;
};

int kcb_best_run(kcb_school *s, struct kcb_best *out);
void kcb_best_judge(struct kcb_best *r);
void kcb_best_free(struct kcb_best *r);

#endif
