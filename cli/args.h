/* cli: parsing the values of options that several commands share, each error printed in one line. */
#ifndef KCB_CLI_ARGS_H
#define KCB_CLI_ARGS_H

#include <stddef.h>

#include "cli.h"
#include "kcb/dataset.h"
#include "kcb/dist.h"
#include "kcb/spec.h"
#include "table.h"

/* Each returns an exit status, having printed "kcbench CMD: OPTION VALUE: reason" on error;
 * key is the option's key in cmd's table, which names it. */

/* A whole number in [lo, hi]. */
int kcb_arg_long(const struct kcb_cmd *cmd, int key, const char *arg, long lo, long hi,
                 long *out);

/* Seconds, a real number in [0, 3600]. */
int kcb_arg_seconds(const struct kcb_cmd *cmd, int key, const char *arg, double *out);

/* A size in bytes such as 65536, 64K or 1M (at least 1, at most 2^40). */
int kcb_arg_size(const struct kcb_cmd *cmd, int key, const char *arg, size_t *out);

/* A compressor list, NAME[:LEVEL],... (see kcb_specs_parse); *out is the caller's to free. */
int kcb_arg_specs(const struct kcb_cmd *cmd, int key, const char *arg, struct kcb_specs *out);

/* --bits: sets bits in every spec of s (sizes become ideal code lengths in bits, kcb/spec.h),
 * or prints a usage error naming the first codec without an ideal code length. */
int kcb_arg_bits(const struct kcb_cmd *cmd, struct kcb_specs *s);

/* --shortlist N[,CODEC]: sets *n (1..1024) and *first (default zstd:3, a codec that primes),
 * or prints a usage error. */
int kcb_arg_shortlist(const struct kcb_cmd *cmd, int key, const char *arg, long *n,
                      struct kcb_spec *first);

/* The help text of --shortlist, the same in every command that takes it. */
#define KCB_SHORTLIST_HELP \
    "per-class: score every class with CODEC first (default zstd:3, one\n" \
    "dictionary per class), then only the N best with -c; a text costs\n" \
    "one cheap compression per class and N x P costly ones"

/* The help text of --bits, the same in every command that takes it. */
#define KCB_BITS_HELP \
    "measure the ideal code length (-log2 P summed, in bits) instead of\n" \
    "the coded size, so that container bytes do not weigh on short texts;\n" \
    "sizes are then in bits; codecs with a model only (cm)"

/* One compressor, NAME[:LEVEL]. */
int kcb_arg_spec(const struct kcb_cmd *cmd, int key, const char *arg, struct kcb_spec *out);

/* An output format among those in allowed (a bit mask of 1 << enum kcb_format). */
int kcb_arg_format(const struct kcb_cmd *cmd, int key, const char *arg, unsigned allowed,
                   enum kcb_format *out);

/* An input format of labelled data: tsv, csv, fasttext or dir. */
int kcb_arg_informat(const struct kcb_cmd *cmd, int key, const char *arg,
                     enum kcb_informat *out);

/* A distance: ncd, cdm or clm. */
int kcb_arg_dist(const struct kcb_cmd *cmd, int key, const char *arg, enum kcb_dist *out);

/* A list of k such as "1,2,3,5": ascending unique values from 1 to 1024, at most max of them. */
int kcb_arg_klist(const struct kcb_cmd *cmd, int key, const char *arg, size_t *ks, size_t max,
                  size_t *nk);

/* The help of --parts, which eval and classify share. */
#define KCB_PARTS_HELP                                                 \
    "per-class: each class text in P parts of whole texts, each its\n" \
    "own dictionary; a class scores the mean of its parts' sizes\n"    \
    "(default 1)"

/* The options that most commands share: -c CODECS, -f FORMAT, -o FILE and -j N. */
struct kcb_common {
    struct kcb_specs specs; /* -c; the caller frees it with kcb_common_free */
    enum kcb_format format; /* -f */
    const char *output;     /* -o, NULL for standard output */
    long threads;           /* -j, 0 for all cores */
};

/* kcb_arg_common's answer for a key that is not one of -c, -f, -o and -j: no exit status. */
#define KCB_ARG_OTHER (-1)

/* Applies key if it is -c, -f (a format among allowed), -o or -j to c, returning an exit
 * status as the other kcb_arg functions do; returns KCB_ARG_OTHER for any other key. */
int kcb_arg_common(const struct kcb_cmd *cmd, int key, const char *arg, unsigned allowed,
                   struct kcb_common *c);

/* Sets -c to codecs unless it was given: an exit status. */
int kcb_common_default(const struct kcb_cmd *cmd, struct kcb_common *c, const char *codecs);

/* Frees what c holds. */
void kcb_common_free(struct kcb_common *c);

/* An error for an operand that the command does not take. */
int kcb_arg_extra(const struct kcb_cmd *cmd, const char *operand);

#endif
