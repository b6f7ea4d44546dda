/* Labelled square matrices of doubles: writing as plain, table, csv, json or PHYLIP, and reading PHYLIP. */
#ifndef KCB_MATRIX_H
#define KCB_MATRIX_H

#include <stddef.h>
#include <stdio.h>

#include "kcb/text.h"

struct kcb_matrix {
    size_t n;
    char **labels;  /* n owned strings */
    double *d;      /* n*n values, row-major: d[i*n + j] */
};

/* Creates an n×n matrix of zeros with labels "1".."n". Returns 0 or KCB_ENOMEM;
 * caller owns *out, free with kcb_matrix_free(). */
int kcb_matrix_new(size_t n, struct kcb_matrix **out);

/* Replaces label i with a copy of s: 0 or KCB_ENOMEM. */
int kcb_matrix_set_label(struct kcb_matrix *m, size_t i, const char *s);

/* Frees m; accepts NULL. */
void kcb_matrix_free(struct kcb_matrix *m);

/*
 * Writes m to fp in format f with the given number of decimals. title names the matrix
 * ("gzip:9 ncd"): a heading line in table and md, the first column in csv, a "title" key in
 * json. PHYLIP writes relaxed PHYLIP with names made safe for Newick (blanks and ()[]:;,'
 * become '_') and padded to 10 characters, so strict readers work when names are short.
 * header = 0 leaves out csv's header row, so that several matrices make one csv table.
 * Returns KCB_EINVAL for a format that does not apply to matrices.
 */
int kcb_matrix_write(FILE *fp, const struct kcb_matrix *m, enum kcb_format f, int decimals,
                     const char *title, int header);

/*
 * Parses a PHYLIP distance matrix (strict or relaxed; square or lower-triangular) from text.
 * Returns 0, or KCB_EFORMAT with a reason naming the line in why. Caller owns *out.
 */
int kcb_matrix_read_phylip(const char *text, size_t len, struct kcb_matrix **out, char *why,
                           size_t whylen);

#endif
