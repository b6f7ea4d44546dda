/* Labelled square matrices of doubles, and the check that neighbour joining can use one. */
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kcb/err.h"
#include "kcb/matrix.h"

int kcb_matrix_new(size_t n, struct kcb_matrix **out)
{
    struct kcb_matrix *m = calloc(1, sizeof *m);
    if (!m)
        return KCB_ENOMEM;
    m->n = n;
    m->labels = calloc(n ? n : 1, sizeof *m->labels);
    if (n && n > SIZE_MAX / sizeof(double) / n) {
        kcb_matrix_free(m);
        return KCB_ERANGE;
    }
    m->d = calloc(n ? n * n : 1, sizeof(double));
    if (!m->labels || !m->d) {
        kcb_matrix_free(m);
        return KCB_ENOMEM;
    }
    for (size_t i = 0; i < n; i++) {
        char buf[32];
        snprintf(buf, sizeof buf, "%zu", i + 1);
        if (kcb_matrix_set_label(m, i, buf)) {
            kcb_matrix_free(m);
            return KCB_ENOMEM;
        }
    }
    *out = m;
    return KCB_OK;
}

int kcb_matrix_set_label(struct kcb_matrix *m, size_t i, const char *s)
{
    char *copy = strdup(s);
    if (!copy)
        return KCB_ENOMEM;
    free(m->labels[i]);
    m->labels[i] = copy;
    return KCB_OK;
}

void kcb_matrix_free(struct kcb_matrix *m)
{
    if (!m)
        return;
    for (size_t i = 0; m->labels && i < m->n; i++)
        free(m->labels[i]);
    free(m->labels);
    free(m->d);
    free(m);
}

int kcb_matrix_check(const struct kcb_matrix *m, char *why, size_t whylen)
{
    if (m->n < 2) {
        snprintf(why, whylen, "a tree needs at least 2 taxa, the matrix has %zu", m->n);
        return KCB_EINVAL;
    }
    for (size_t i = 0; i < m->n; i++)
        for (size_t j = 0; j < m->n; j++)
            if (!isfinite(m->d[i * m->n + j])) {
                snprintf(why, whylen, "distance (%s, %s) is not a finite number", m->labels[i],
                         m->labels[j]);
                return KCB_EINVAL;
            }
    return KCB_OK;
}
