/* Compression distances and the matrix of compressed sizes they come from. */
#include <string.h>

#include "kcb/err.h"
#include "kcb/dist.h"
#include "kcb/text.h"

static const char *const dist_names[] = {"ncd", "cdm", "clm"};

int kcb_dist_parse(const char *name, enum kcb_dist *out)
{
    int i = kcb_name_find(dist_names, sizeof dist_names / sizeof dist_names[0], name);
    if (i < 0)
        return KCB_EINVAL;
    *out = (enum kcb_dist)i;
    return KCB_OK;
}

const char *kcb_dist_name(enum kcb_dist d)
{
    return (unsigned)d < sizeof dist_names / sizeof dist_names[0] ? dist_names[d] : "?";
}

double kcb_dist(enum kcb_dist d, size_t cx, size_t cy, size_t cxy)
{
    double x = (double)cx, y = (double)cy, xy = (double)cxy;
    double lo = x < y ? x : y, hi = x < y ? y : x;
    switch (d) {
    case KCB_DIST_NCD:
        return hi > 0 ? (xy - lo) / hi : 0.0;
    case KCB_DIST_CDM:
        return x + y > 0 ? xy / (x + y) : 0.0;
    case KCB_DIST_CLM:
        return xy > 0 ? 1.0 - (x + y - xy) / xy : 0.0;
    }
    return 0.0;
}

int kcb_sizes_matrix(kcb_comp *c, const struct kcb_blob *x, size_t n, const void *sep,
                     size_t nsep, size_t *single, size_t *pair)
{
    for (size_t i = 0; i < n; i++) {
        int rc = kcb_comp_size(c, x[i].p, x[i].n, &single[i]);
        if (rc)
            return rc;
    }
    for (size_t i = 0; i < n; i++) {
        for (size_t j = 0; j < n; j++) {
            int rc = kcb_comp_size_cat(c, x[i].p, x[i].n, sep, nsep, x[j].p, x[j].n,
                                       &pair[i * n + j]);
            if (rc)
                return rc;
        }
    }
    return KCB_OK;
}
