/* lib/learn: shards of a test set, and part files: the neighbours one shard found, merged back. */
#ifndef KCB_SHARD_H
#define KCB_SHARD_H

#include <stddef.h>

#include "kcb/knn.h"
#include "kcb/sha256.h"

/* The most shards a test set is split into. */
#define KCB_SHARD_MAX 100000

/* Shard i of n (1 <= i <= n): the test items whose 0-based index mod n is i - 1. 1/1 is
 * the whole test set. */
struct kcb_shard {
    size_t i, n;
};

/* Parses "I/N" (whole numbers, 1 <= I <= N <= KCB_SHARD_MAX) into *out: 0, or KCB_EINVAL
 * with a one-line reason in why[0..len). */
int kcb_shard_parse(const char *text, struct kcb_shard *out, char *why, size_t len);

/* Whether test item item (0-based) belongs to shard s. */
int kcb_shard_has(struct kcb_shard s, size_t item);

/* Returns how many of the items 0..nitems-1 belong to shard s. */
size_t kcb_shard_count(struct kcb_shard s, size_t nitems);

/*
 * What a run of eval found for its test set, or for one shard of it: every item's nearest
 * training rows for every compressor, and what scoring and reporting them needs without the
 * texts (labels, line numbers). Indices are those of the whole run's sets, after its
 * selection of texts, so that parts of different shards merge into the whole. Zero it, then
 * kcb_part_init(); free with kcb_part_free().
 */
struct kcb_part {
    struct kcb_shard shard;
    char fingerprint[KCB_SHA256_HEX];  /* of the run's options and data, not of the shard */
    char train_digest[KCB_SHA256_HEX]; /* kcb_dataset_digest of the sets as read */
    char test_digest[KCB_SHA256_HEX];
    size_t argc;
    char **argv;          /* the eval command, argv[0] "eval" (owned) */
    size_t nlabels;
    char **labels;        /* label names in id order (owned) */
    size_t ntrain, ntest; /* rows of the run's training and test sets */
    size_t nspecs, k;     /* compressors, and neighbours kept per item and compressor */
    int *train_label;     /* ntrain: the label id of each row; -1 where no neighbour needs it */
    long *train_line;     /* ntrain: the line of each row (0 where unknown) */
    int *test_label;      /* ntest: true label ids; -1 for items the part does not hold */
    long *test_line;      /* ntest */
    unsigned char *have;  /* ntest: 1 for the items the part holds */
    struct kcb_nb *nb;    /* nspecs × ntest × k: item i's neighbours under compressor s at
                             nb + (s * ntest + i) * k, sorted; unused entries have idx
                             UINT32_MAX */
};

/* Allocates p's arrays for the given sizes, every item absent and every label unknown:
 * 0, KCB_ERANGE (sizes too large, k = 0 or k > KCB_KNN_MAXK) or KCB_ENOMEM. */
int kcb_part_init(struct kcb_part *p, size_t ntrain, size_t ntest, size_t nspecs, size_t k);

/* Copies argc strings of argv into p->argv: 0 or KCB_ENOMEM. */
int kcb_part_set_argv(struct kcb_part *p, size_t argc, const char *const *argv);

/* Copies n label names into p->labels: 0 or KCB_ENOMEM. */
int kcb_part_set_labels(struct kcb_part *p, size_t n, const char *const *names);

/* Frees what p holds and zeroes it; accepts a zeroed part. */
void kcb_part_free(struct kcb_part *p);

/*
 * Writes p as a part file (JSON; format "kcbench eval part", version 1; see the README) into
 * a new NUL-terminated string *text (caller frees): the header on the first line, then the
 * training rows its neighbours name, then one line per item held. Distances are written
 * with 17 significant digits, so that reading gives the same doubles. Returns 0, KCB_EINVAL
 * (a text that is not UTF-8, or a distance that is not finite; why says which) or KCB_ENOMEM.
 */
int kcb_part_dumps(const struct kcb_part *p, char **text, char *why, size_t len);

/*
 * Reads a part file from text[0..n) into *out (zeroed by the caller): 0, KCB_EFORMAT (not a
 * part file, another version, or values out of range or inconsistent, such as an item that
 * is not of the part's shard or a shard that lacks some of its items; why says which) or
 * KCB_ENOMEM. On failure *out holds nothing.
 */
int kcb_part_loads(const char *text, size_t n, struct kcb_part *out, char *why, size_t len);

/* Why parts do not merge. */
enum kcb_merge_problem {
    KCB_MERGE_OK,
    KCB_MERGE_FOREIGN,   /* parts[part] has another fingerprint or shape than parts[other] */
    KCB_MERGE_NSHARDS,   /* parts[part] is of a split into another number of shards */
    KCB_MERGE_DUPLICATE, /* parts[part] is the same shard as parts[other] */
    KCB_MERGE_MISSING,   /* no part is shard number shard */
};

struct kcb_merge_diag {
    enum kcb_merge_problem problem;
    size_t part, other; /* indices into parts */
    size_t shard;       /* the missing shard's number (from 1) */
};

/*
 * Merges n parts (n >= 1) of one run into *out (zeroed by the caller), the whole test set
 * then held as shard 1/1. The parts must carry the same fingerprint and shape and be shards
 * 1..N of one split into N, each once; the first that is not is named in *diag, looking at
 * the parts in order: a foreign part or one of another split first, then a second copy of a
 * shard, then a missing shard. Returns 0, KCB_EFORMAT (diag says why) or KCB_ENOMEM.
 */
int kcb_parts_merge(const struct kcb_part *parts, size_t n, struct kcb_part *out,
                    struct kcb_merge_diag *diag);

#endif
