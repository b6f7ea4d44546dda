/* What the examples of lib/school share: splits, 1-NN runs, learning sets (internal). */
#ifndef KCB_SCHOOL_INT_H
#define KCB_SCHOOL_INT_H

#include <stddef.h>
#include <stdint.h>

#include "kcb/dataset.h"
#include "kcb/gen.h"
#include "kcb/lesson.h"

/* Purposes of the school's seeded streams; inputs of different purposes never share one. */
enum {
    TAG_COIN = 0x5C01, /* the random bits beside X1 */
    TAG_INCOMP,        /* the random strings of incompressible */
    TAG_CONCAT,        /* the random corpora of concatenation */
    TAG_NFL,           /* no-free-lunch's random data and inputs */
    TAG_SHUFFLED,      /* the permuted labels of the random-label control */
    TAG_SPLIT,         /* the samples of real datasets */
    TAG_ORDER,         /* the order of the texts joined into one corpus */
    TAG_BOOT,          /* bootstrap resamples */
};

/* Resamples of every bootstrap interval, and the level of every interval. */
#define KCB_SCHOOL_REPS 2000
#define KCB_SCHOOL_LEVEL 0.95

/* A labelled train/test split whose two sets share one label table. */
struct kcb_split {
    char name[48];
    int real;                  /* read from the real datasets */
    struct kcb_labels *labels; /* owned */
    struct kcb_dataset *train, *test;
};

/* Frees the split's sets and labels and zeroes it; accepts a zeroed split. */
void kcb_split_free(struct kcb_split *d);

/* Makes the built-in split of p, named name: 0 or kcb_err. */
int kcb_split_builtin(const struct kcb_gen_labelled *p, const char *name, struct kcb_split *out);

/*
 * Reads DIR/NAME/train.tsv and DIR/NAME/test.tsv (or DIR/NAME/all.tsv, split in two) and keeps
 * stratified samples of ntrain training and ntest test texts (seeded). Returns 0, KCB_ENOTFOUND
 * when the files are not there, or the error of reading them.
 */
int kcb_split_real(const char *dir, const char *name, size_t ntrain, size_t ntest,
                   uint64_t seed, struct kcb_split *out);

/* The share of test texts whose label is the commonest training label: the accuracy of always
 * answering it. */
double kcb_split_majority(const struct kcb_split *d);

/* The 1-nearest-neighbour classifier of one compressor on a split (NCD, test text first, one
 * blank between; ties to the earlier training row). */
struct kcb_nn {
    size_t *ctrain, *ctest;  /* C(text) of every training and test text */
    uint32_t *nearest;       /* per test text: its nearest training row */
    unsigned char *correct;  /* per test text: 1 when that row's label is the truth */
    size_t right;            /* how many are correct */
};

/* Runs it: 0 or kcb_err (KCB_ECANCELED when the options' cancel flag stopped it). */
int kcb_nn_run(const kcb_school *s, const struct kcb_split *d, const struct kcb_spec *spec,
               struct kcb_nn *out);

/* Frees nn's arrays and zeroes it; accepts a zeroed one. */
void kcb_nn_free(struct kcb_nn *nn);

/* A learning set: a split with every compressor's 1-NN run and its training texts' size. */
struct kcb_learnset {
    struct kcb_split d;
    struct kcb_nn *nn;     /* one per compressor of the options */
    size_t *c_corpus;      /* per compressor: C(the training texts joined by newlines) */
    size_t corpus_bytes;   /* their bytes */
    size_t text_bytes;     /* the training texts' bytes, each alone */
};

/* The state of kcb_school_new: the options and the learning sets, made on first use. */
struct kcb_school {
    struct kcb_school_opts o;
    struct kcb_learnset *sets;
    size_t nsets;
    int sets_made;
};

/* The learning sets of s, made on first use: the built-in one, then R8 when the data is there.
 * Returns 0 or kcb_err. */
int kcb_school_learnsets(kcb_school *s, const struct kcb_learnset **sets, size_t *n);

/* Joins the texts rows[0..n) of d with newlines into a new buffer (caller frees): 0 or
 * KCB_ENOMEM. */
int kcb_join(const struct kcb_dataset *d, const size_t *rows, size_t n, unsigned char **buf,
             size_t *len);

/* Fills rows[0..d->n) with a seeded permutation of 0..n-1. */
void kcb_shuffled_rows(uint64_t seed, uint64_t which, size_t n, size_t *rows);

/* Sets *size to C(x) of n bytes with spec (one compressor made for it): 0 or kcb_err. */
int kcb_size_of(const struct kcb_spec *spec, const void *x, size_t n, size_t *size);

/* The directory of the real datasets when it holds path (relative to it), else NULL. */
const char *kcb_school_data(const kcb_school *s, const char *path);

#endif
