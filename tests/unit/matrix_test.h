/* Assertions that the matrix tests share: a matrix's labels and values against expected ones. */
#ifndef KCB_MATRIX_TEST_H
#define KCB_MATRIX_TEST_H

#include "kcb/matrix.h"
#include "kcb_test.h"

/* Asserts every entry of m is within eps of want (m->n * m->n values, row-major). */
static inline void assert_values(const struct kcb_matrix *m, const double *want, double eps)
{
    for (size_t i = 0; i < m->n * m->n; i++) {
        if (!kcb_test_near(m->d[i], want[i], eps))
            print_error("d[%zu] = %.17g, want %.17g\n", i, m->d[i], want[i]);
        assert_true(kcb_test_near(m->d[i], want[i], eps));
    }
}

/* Asserts m has n labels equal to want. */
static inline void assert_labels(const struct kcb_matrix *m, const char *const *want, size_t n)
{
    assert_int_equal(m->n, n);
    for (size_t i = 0; i < n; i++)
        assert_string_equal(m->labels[i], want[i]);
}

#endif
