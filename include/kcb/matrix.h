/* lib/tree: labelled square matrices of doubles, read from and written to PHYLIP, read from JSON. */
#ifndef KCB_MATRIX_H
#define KCB_MATRIX_H

#include <stddef.h>
#include <stdio.h>


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

/* Returns 0 when neighbour joining can use m (at least 2 taxa, every entry finite), or
 * KCB_EINVAL with the reason, naming the entry, in why. */
int kcb_matrix_check(const struct kcb_matrix *m, char *why, size_t whylen);

/*
 * Writes m to fp as relaxed PHYLIP with dec decimals: names made safe for Newick (blanks and
 * ()[]:;,' become '_') and padded to 10 characters, so strict readers work when names are
 * short. Returns 0 or KCB_EIO if the stream reports an error.
 */
int kcb_matrix_write_phylip(FILE *fp, const struct kcb_matrix *m, int dec);

/*
 * Parses the index-th (from 0) PHYLIP distance matrix of text (strict or relaxed; square or
 * lower-triangular). Returns 0; KCB_EFORMAT with a reason naming the line in why; KCB_ENOTFOUND
 * when the text holds fewer matrices; or KCB_ENOMEM. Caller owns *out.
 */
int kcb_matrix_read_phylip(const char *text, size_t len, size_t index, struct kcb_matrix **out,
                           char *why, size_t whylen);

/*
 * Parses the index-th (from 0) matrix of a JSON text: either the records of 'kcbench ncd -f
 * json' (one object per ordered pair with "x", "y" and "value", n*n of them in row order for
 * each compressor and distance), or {"labels": [...], "matrix": [[...], ...]} objects, alone or
 * in an array (null is NaN). Returns 0, KCB_EFORMAT or KCB_ENOTFOUND with a reason in why, or
 * KCB_ENOMEM. Caller owns *out.
 */
int kcb_matrix_read_json(const char *text, size_t len, size_t index, struct kcb_matrix **out,
                         char *why, size_t whylen);

#endif
