/* lib/measure: compression distances (NCD, CDM, CLM) and the compressed sizes they are computed from. */
#ifndef KCB_DIST_H
#define KCB_DIST_H

#include <stddef.h>

#include "kcb/blob.h"
#include "kcb/comp.h"

enum kcb_dist {
    KCB_DIST_NCD, /* (C(xy) - min(C(x),C(y))) / max(C(x),C(y)) */
    KCB_DIST_CDM, /* C(xy) / (C(x) + C(y)) */
    KCB_DIST_CLM, /* 1 - (C(x) + C(y) - C(xy)) / C(xy) */
};

/* Sets *out from "ncd", "cdm" or "clm": 0 or KCB_EINVAL. */
int kcb_dist_parse(const char *name, enum kcb_dist *out);

/* Returns the lower-case name of d (static storage). */
const char *kcb_dist_name(enum kcb_dist d);

/*
 * Returns the distance d from the sizes C(x), C(y), C(xy). Every real codec has C(x) > 0
 * (container bytes), so the denominators are positive; were one 0, the result is 0.
 * NCD of two empty inputs is therefore (C(ε) - C(ε)) / C(ε) = 0.
 */
double kcb_dist(enum kcb_dist d, size_t cx, size_t cy, size_t cxy);

/*
 * Fills single[i] = C(x_i) for i < n and pair[i*n + j] = C(x_i·sep·x_j) for all i, j
 * (diagonal included; nothing is symmetrised). Arrays are the caller's. Returns 0 or kcb_err.
 */
int kcb_sizes_matrix(kcb_comp *c, const struct kcb_blob *x, size_t n, const void *sep,
                     size_t nsep, size_t *single, size_t *pair);

/*
 * Numbers the distinct byte strings among x[0..n): id[i] is the number of x[i]'s first
 * occurrence among the distinct ones, counted in order of first appearance (so id[0] is 0
 * and id[i] <= i), and *nid is how many there are. Equal bytes get equal numbers, so the
 * size of each distinct string need be computed once. Returns 0 or KCB_ENOMEM.
 */
int kcb_blobs_distinct(const struct kcb_blob *x, size_t n, size_t *id, size_t *nid);

/*
 * The sizes of a rectangular matrix: single[k] = C(x_k) for k < n (each once), and
 * pair[i*nc + j] = C(x_rows[i]·sep·x_cols[j]) for i < nr, j < nc (nothing symmetrised;
 * rows and cols index x and may share or repeat entries). Arrays are the caller's; nothing
 * is allocated here beyond c's own buffers. Returns 0 or kcb_err.
 */
int kcb_sizes_rect(kcb_comp *c, const struct kcb_blob *x, size_t n, const size_t *rows,
                   size_t nr, const size_t *cols, size_t nc, const void *sep, size_t nsep,
                   size_t *single, size_t *pair);

#endif
