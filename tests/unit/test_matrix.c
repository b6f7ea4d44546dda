/* Unit tests for labelled matrices: construction, the check for neighbour joining, PHYLIP. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "kcb/err.h"
#include "kcb/matrix.h"
#include "kcb_test.h"
#include "matrix_test.h"

/*
 * The matrix the writer tests use: labels with a comma, a quote and a space, and a space and
 * parentheses; values exact in binary so that three decimals print them exactly. Not symmetric,
 * so that a transposed writer would show.
 */
static struct kcb_matrix *sample(void)
{
    static const char *const labels[] = {"a,b", "say \"hi\"", "x (y)"};
    static const double d[9] = {0, 0.25, 0.5, 0.125, 0, 1, 0.75, 1.5, 0};
    struct kcb_matrix *m;
    assert_int_equal(kcb_matrix_new(3, &m), KCB_OK);
    for (size_t i = 0; i < 3; i++)
        assert_int_equal(kcb_matrix_set_label(m, i, labels[i]), KCB_OK);
    memcpy(m->d, d, sizeof d);
    return m;
}

/* Returns what kcb_matrix_write_phylip wrote (caller frees), checking it succeeded. */
static char *write_phylip(const struct kcb_matrix *m, int dec)
{
    struct kcb_test_capture cap;
    assert_int_equal(kcb_test_capture_begin(&cap), 0);
    assert_int_equal(kcb_matrix_write_phylip(cap.fp, m, dec), KCB_OK);
    assert_int_equal(kcb_test_capture_end(&cap), 0);
    return cap.text;
}

/* Parses the index-th PHYLIP matrix of text, which must succeed. */
static struct kcb_matrix *read_at(const char *text, size_t index)
{
    struct kcb_matrix *m = NULL;
    char why[128] = "";
    int rc = kcb_matrix_read_phylip(text, strlen(text), index, &m, why, sizeof why);
    if (rc)
        print_error("%s\n", why);
    assert_int_equal(rc, KCB_OK);
    assert_non_null(m);
    return m;
}

static struct kcb_matrix *read_ok(const char *text)
{
    return read_at(text, 0);
}

/* Parses the index-th matrix of text as PHYLIP, which must fail with KCB_EFORMAT and a reason
 * starting "line N:". */
static void read_fails_at(const char *text, size_t index, long line)
{
    struct kcb_matrix *m = NULL;
    char why[128] = "", want[32];
    assert_int_equal(kcb_matrix_read_phylip(text, strlen(text), index, &m, why, sizeof why),
                     KCB_EFORMAT);
    assert_null(m);
    snprintf(want, sizeof want, "line %ld: ", line);
    if (strncmp(why, want, strlen(want)) != 0)
        print_error("reason '%s' does not start with '%s'\n", why, want);
    assert_int_equal(strncmp(why, want, strlen(want)), 0);
}

static void read_fails(const char *text, long line)
{
    read_fails_at(text, 0, line);
}

/* Asks for the index-th PHYLIP matrix of text, which holds fewer: KCB_ENOTFOUND naming it. */
static void read_not_found(const char *text, size_t index)
{
    struct kcb_matrix *m = NULL;
    char why[128] = "", want[32];
    assert_int_equal(kcb_matrix_read_phylip(text, strlen(text), index, &m, why, sizeof why),
                     KCB_ENOTFOUND);
    assert_null(m);
    snprintf(want, sizeof want, "--index %zu:", index);
    assert_non_null(strstr(why, want));
}

/* ---- construction ---- */

static void test_new_has_numbered_labels_and_zeros(void **state)
{
    (void)state;
    struct kcb_matrix *m;
    assert_int_equal(kcb_matrix_new(12, &m), KCB_OK);
    assert_int_equal(m->n, 12);
    assert_string_equal(m->labels[0], "1");
    assert_string_equal(m->labels[11], "12");
    for (size_t i = 0; i < 144; i++)
        assert_true(m->d[i] == 0.0);
    kcb_matrix_free(m);
    assert_int_equal(kcb_matrix_new(0, &m), KCB_OK);
    assert_int_equal(m->n, 0);
    kcb_matrix_free(m);
    kcb_matrix_free(NULL);
}

static void test_set_label_copies(void **state)
{
    (void)state;
    struct kcb_matrix *m;
    char label[] = "first";
    assert_int_equal(kcb_matrix_new(2, &m), KCB_OK);
    assert_int_equal(kcb_matrix_set_label(m, 1, label), KCB_OK);
    label[0] = 'F';
    assert_string_equal(m->labels[1], "first");
    assert_int_equal(kcb_matrix_set_label(m, 1, "second"), KCB_OK);
    assert_string_equal(m->labels[1], "second");
    kcb_matrix_free(m);
}

/* ---- kcb_matrix_check ---- */

static void test_check_accepts_finite(void **state)
{
    (void)state;
    struct kcb_matrix *m = sample();
    char why[128] = "untouched";
    assert_int_equal(kcb_matrix_check(m, why, sizeof why), KCB_OK);
    m->d[4] = -3.5; /* negative and asymmetric entries are finite, so fine */
    assert_int_equal(kcb_matrix_check(m, why, sizeof why), KCB_OK);
    kcb_matrix_free(m);
    assert_int_equal(kcb_matrix_new(2, &m), KCB_OK); /* all zeros, the smallest tree */
    assert_int_equal(kcb_matrix_check(m, why, sizeof why), KCB_OK);
    kcb_matrix_free(m);
}

static void test_check_needs_two_taxa(void **state)
{
    (void)state;
    for (size_t n = 0; n < 2; n++) {
        struct kcb_matrix *m;
        char why[128] = "", want[64];
        assert_int_equal(kcb_matrix_new(n, &m), KCB_OK);
        assert_int_equal(kcb_matrix_check(m, why, sizeof why), KCB_EINVAL);
        snprintf(want, sizeof want, "the matrix has %zu", n);
        assert_non_null(strstr(why, "at least 2 taxa"));
        assert_non_null(strstr(why, want));
        kcb_matrix_free(m);
    }
}

/* Each non-finite value is refused, the reason naming its row and column labels. */
static void test_check_non_finite(void **state)
{
    (void)state;
    const double bad[] = {NAN, INFINITY, -INFINITY};
    for (size_t b = 0; b < 3; b++) {
        struct kcb_matrix *m = sample();
        char why[128] = "";
        m->d[1 * 3 + 2] = bad[b];
        assert_int_equal(kcb_matrix_check(m, why, sizeof why), KCB_EINVAL);
        assert_string_equal(why, "distance (say \"hi\", x (y)) is not a finite number");
        kcb_matrix_free(m);
    }
    struct kcb_matrix *m = sample();
    char why[16] = "";
    m->d[0] = NAN; /* the first bad entry is named; a short buffer truncates the reason */
    m->d[8] = NAN;
    assert_int_equal(kcb_matrix_check(m, why, sizeof why), KCB_EINVAL);
    assert_string_equal(why, "distance (a,b, ");
    kcb_matrix_free(m);
}

/* ---- PHYLIP writer ---- */

/* Names: blanks and ()[]:;,' become '_', then padding to 10; a quote is allowed. */
static void test_write_phylip(void **state)
{
    (void)state;
    struct kcb_matrix *m = sample();
    char *got = write_phylip(m, 3);
    assert_string_equal(got, "3\n"
                             "a_b        0.000 0.250 0.500\n"
                             "say_\"hi\"   0.125 0.000 1.000\n"
                             "x__y_      0.750 1.500 0.000\n");
    free(got);
    got = write_phylip(m, 0);
    assert_string_equal(got, "3\n"
                             "a_b        0 0 0\n"
                             "say_\"hi\"   0 0 1\n"
                             "x__y_      1 2 0\n");
    free(got);
    kcb_matrix_free(m);
}

static void test_write_phylip_every_unsafe_character(void **state)
{
    (void)state;
    struct kcb_matrix *m;
    assert_int_equal(kcb_matrix_new(1, &m), KCB_OK);
    assert_int_equal(kcb_matrix_set_label(m, 0, "a(b)c[d]e:f;g,h'i j\tk"), KCB_OK);
    char *got = write_phylip(m, 1);
    assert_string_equal(got, "1\na_b_c_d_e_f_g_h_i_j_k 0.0\n");
    free(got);
    kcb_matrix_free(m);
}

/* A stream that refuses writes is reported as KCB_EIO. */
static void test_write_phylip_stream_error(void **state)
{
    (void)state;
    struct kcb_matrix *m = sample();
    FILE *fp = fopen("/dev/null", "r");
    assert_non_null(fp);
    assert_int_equal(kcb_matrix_write_phylip(fp, m, 3), KCB_EIO);
    fclose(fp);
    kcb_matrix_free(m);
}

/* ---- PHYLIP reader ---- */

static void test_phylip_round_trip(void **state)
{
    (void)state;
    struct kcb_matrix *m = sample();
    char *text = write_phylip(m, 6);
    struct kcb_matrix *back = read_ok(text);
    assert_int_equal(back->n, 3);
    assert_string_equal(back->labels[0], "a_b");
    assert_string_equal(back->labels[1], "say_\"hi\"");
    assert_string_equal(back->labels[2], "x__y_");
    assert_values(back, m->d, 0.0);
    kcb_matrix_free(back);
    free(text);
    kcb_matrix_free(m);
}

/* Names longer than 10 characters and values that need every decimal survive too. */
static void test_phylip_round_trip_long_names(void **state)
{
    (void)state;
    enum { N = 5 };
    struct kcb_matrix *m;
    assert_int_equal(kcb_matrix_new(N, &m), KCB_OK);
    uint64_t seed = 31;
    for (size_t i = 0; i < N; i++) {
        char label[48];
        snprintf(label, sizeof label, "document_number_%zu.txt", i);
        assert_int_equal(kcb_matrix_set_label(m, i, label), KCB_OK);
        for (size_t j = 0; j < N; j++)
            m->d[i * N + j] = (double)(kcb_test_rand(&seed) >> 11) / 9007199254740992.0;
    }
    char *text = write_phylip(m, 9);
    struct kcb_matrix *back = read_ok(text);
    assert_int_equal(back->n, N);
    for (size_t i = 0; i < N; i++)
        assert_string_equal(back->labels[i], m->labels[i]);
    assert_values(back, m->d, 1e-9);
    kcb_matrix_free(back);
    free(text);
    kcb_matrix_free(m);
}

/* Labels are file paths and may be long; what the writer writes, the reader reads back whole,
 * even where the tail of the name looks like a number. */
static void test_phylip_round_trip_names_longer_than_255(void **state)
{
    (void)state;
    char label[400];
    memset(label, 'd', sizeof label);
    memcpy(label + 250, "/2024", 5); /* a number straddling byte 255 */
    label[300] = '\0';
    struct kcb_matrix *m;
    assert_int_equal(kcb_matrix_new(2, &m), KCB_OK);
    assert_int_equal(kcb_matrix_set_label(m, 0, label), KCB_OK);
    m->d[1] = m->d[2] = 0.5;
    char *text = write_phylip(m, 3);
    struct kcb_matrix *back = read_ok(text);
    assert_int_equal(back->n, 2);
    assert_string_equal(back->labels[0], label);
    assert_string_equal(back->labels[1], "2");
    assert_values(back, m->d, 0.0);
    kcb_matrix_free(back);
    free(text);
    kcb_matrix_free(m);
}

/* A number with more digits than the reader takes is an error, not split silently in two
 * (which made this lower triangle read as a square row with a bogus diagonal). */
static void test_phylip_overlong_number(void **state)
{
    (void)state;
    read_fails("2\n"
               "A\n"
               "B 0.1000000000000000000000000000000000000000000000000000000000000000000001\n",
               3);
}

static void test_phylip_lower_triangle(void **state)
{
    (void)state;
    struct kcb_matrix *m = read_ok("4\n"
                                   "A\n"
                                   "B 0.1\n"
                                   "C 0.2 0.3\n"
                                   "D 0.4 0.5 0.6\n");
    static const double want[16] = {0,   0.1, 0.2, 0.4, 0.1, 0,   0.3, 0.5,
                                    0.2, 0.3, 0,   0.6, 0.4, 0.5, 0.6, 0};
    assert_int_equal(m->n, 4);
    assert_string_equal(m->labels[0], "A");
    assert_string_equal(m->labels[3], "D");
    assert_values(m, want, 0.0);
    kcb_matrix_free(m);
}

/* Blank lines, CRLF line ends, tabs and a missing final newline are all fine. */
static void test_phylip_whitespace(void **state)
{
    (void)state;
    struct kcb_matrix *m = read_ok("\n  2\r\n\r\n\tA\t0 1e-1\r\n   \nB  0.1   0");
    static const double want[4] = {0, 0.1, 0.1, 0};
    assert_int_equal(m->n, 2);
    assert_string_equal(m->labels[0], "A");
    assert_string_equal(m->labels[1], "B");
    assert_values(m, want, 0.0);
    kcb_matrix_free(m);
}

/* Only len bytes are read: the text need not be NUL-terminated. */
static void test_phylip_reads_only_len_bytes(void **state)
{
    (void)state;
    const char text[] = "1\nA 0\nthis is not part of it";
    struct kcb_matrix *m = NULL;
    assert_int_equal(kcb_matrix_read_phylip(text, 6, 0, &m, NULL, 0), KCB_OK);
    assert_int_equal(m->n, 1);
    assert_string_equal(m->labels[0], "A");
    kcb_matrix_free(m);
    /* the count line last: its number ends at len too (the fuzzer's first find: strtol read on) */
    char why[128];
    assert_int_equal(kcb_matrix_read_phylip("12\nA 0\n", 1, 0, &m, why, sizeof why), KCB_EFORMAT);
    assert_non_null(strstr(why, "expected 1 rows, found 0"));
}

static void test_phylip_bad_count(void **state)
{
    (void)state;
    read_fails("", 1);
    read_fails("\n\n", 1);
    read_fails("x\nA 0\n", 1);
    read_fails("0\n", 1);
    read_fails("-2\nA 0 1\nB 1 0\n", 1);
    read_fails("\n\nthree\n", 3);
}

static void test_phylip_too_few_rows(void **state)
{
    (void)state;
    read_fails("3\nA 0 1 2\nB 1 0 3\n", 4);
    read_fails("3\nA 0 1 2\n\n\nB 1 0 3\n\n", 7);
    read_fails("2\n", 2);
    /* a count with no room for its rows is refused before n * n doubles are allocated (the
     * fuzzer found this one asking for 80 GB, KCB_ENOMEM, from 6 bytes) */
    read_fails("99999\n", 2);
    read_fails("99999\nA\nB 1\nC 1 2\n", 5);
}

static void test_phylip_not_a_number(void **state)
{
    (void)state;
    read_fails("2\nA 0 x\nB 1 0\n", 2);
    read_fails("2\nA 0 1\n\nB 1 zz\n", 4);
    read_fails("2\nA 0 1\nB 1 0.5.5\n", 3);
    read_fails("2\nA 0 1\nB 1 1e999\n", 3); /* out of range for a double */
}

static void test_phylip_wrong_number_of_values(void **state)
{
    (void)state;
    read_fails("2\nA 0\nB 1 0\n", 2);     /* neither 2 (square) nor 0 (triangle) */
    read_fails("2\nA 0 1\nB 1 0 5\n", 3); /* one too many */
    read_fails("3\nA\nB 0.1\nC 0.2\n", 4);
}

/* Strict PHYLIP: a name of exactly 10 columns may touch the first value. */
static void test_phylip_strict_names_touching_values(void **state)
{
    (void)state;
    struct kcb_matrix *m = read_ok("3\n"
                                   "abcdefghij0 0.25 0.5\n"
                                   "short     0.25 0 0.75\n"
                                   "0123456789.5 0.75 0\n");
    static const double want[9] = {0, 0.25, 0.5, 0.25, 0, 0.75, 0.5, 0.75, 0};
    assert_string_equal(m->labels[0], "abcdefghij");
    assert_string_equal(m->labels[1], "short");
    assert_string_equal(m->labels[2], "0123456789");
    assert_values(m, want, 0.0);
    kcb_matrix_free(m);
    m = read_ok("3\nfirst_name\nsecondname0.5\nthird_name0.25 0.75\n"); /* triangle */
    assert_string_equal(m->labels[1], "secondname");
    assert_true(m->d[2 * 3 + 1] == 0.75 && m->d[1 * 3 + 2] == 0.75);
    kcb_matrix_free(m);
}

/* nan and inf are numbers to strtod, but no distances. */
static void test_phylip_non_finite_refused(void **state)
{
    (void)state;
    read_fails("2\nA 0 nan\nB nan 0\n", 2);
    read_fails("2\nA 0 1\nB inf 0\n", 3);
    read_fails("2\nA 0 1\nB -INFINITY 0\n", 3);
    read_fails("3\nA\nB NaN\nC 0.2 0.3\n", 3);
}

/* The first row decides square or lower triangle; a row of the other shape is refused. */
static void test_phylip_shapes_not_mixed(void **state)
{
    (void)state;
    read_fails("3\nA 0 1 2\nB 1\nC 2 3 0\n", 3);      /* square, then a triangle row */
    read_fails("3\nA\nB 1 0 3\nC 2 3\n", 3);          /* triangle, then a square row */
    read_fails("3\nA\nB 0.1\nC 0.2 0.3 0\n", 4);
}

static void test_phylip_reason_optional_and_truncated(void **state)
{
    (void)state;
    struct kcb_matrix *m = NULL;
    const char *bad = "2\nA 0 x\nB 1 0\n";
    assert_int_equal(kcb_matrix_read_phylip(bad, strlen(bad), 0, &m, NULL, 0), KCB_EFORMAT);
    char why[6];
    assert_int_equal(kcb_matrix_read_phylip(bad, strlen(bad), 0, &m, why, sizeof why), KCB_EFORMAT);
    assert_string_equal(why, "line ");
    assert_null(m);
}

/* ---- PHYLIP reader: several matrices ---- */

/* A square matrix, a lower triangle after blank lines, and a 1×1 matrix, one after another. */
static const char three_matrices[] = "2\n"
                                     "A 0 0.5\n"
                                     "B 0.5 0\n"
                                     "\n"
                                     "3\n"
                                     "P\n"
                                     "Q 0.1\n"
                                     "\n"
                                     "R 0.2 0.3\n"
                                     "  1\n"
                                     "Z 0\n"
                                     "\n";

static void test_phylip_index_selects_matrix(void **state)
{
    (void)state;
    static const char *const first[] = {"A", "B"}, *const second[] = {"P", "Q", "R"};
    static const double d0[4] = {0, 0.5, 0.5, 0};
    static const double d1[9] = {0, 0.1, 0.2, 0.1, 0, 0.3, 0.2, 0.3, 0};
    struct kcb_matrix *m = read_at(three_matrices, 0);
    assert_labels(m, first, 2);
    assert_values(m, d0, 0.0);
    kcb_matrix_free(m);
    m = read_at(three_matrices, 1);
    assert_labels(m, second, 3);
    assert_values(m, d1, 0.0);
    kcb_matrix_free(m);
    m = read_at(three_matrices, 2);
    assert_int_equal(m->n, 1);
    assert_string_equal(m->labels[0], "Z");
    assert_true(m->d[0] == 0.0);
    kcb_matrix_free(m);
}

/* Matrices written one after another to one stream, as 'ncd -f phylip' does for several
 * compressors, are read back one by one. */
static void test_phylip_index_round_trip(void **state)
{
    (void)state;
    struct kcb_matrix *a = sample(), *b;
    assert_int_equal(kcb_matrix_new(2, &b), KCB_OK);
    assert_int_equal(kcb_matrix_set_label(b, 0, "left"), KCB_OK);
    assert_int_equal(kcb_matrix_set_label(b, 1, "right"), KCB_OK);
    b->d[1] = 0.875;
    b->d[2] = 0.625;
    struct kcb_test_capture cap;
    assert_int_equal(kcb_test_capture_begin(&cap), 0);
    assert_int_equal(kcb_matrix_write_phylip(cap.fp, a, 4), KCB_OK);
    assert_int_equal(kcb_matrix_write_phylip(cap.fp, b, 4), KCB_OK);
    assert_int_equal(kcb_matrix_write_phylip(cap.fp, a, 4), KCB_OK);
    assert_int_equal(kcb_test_capture_end(&cap), 0);
    static const char *const safe[] = {"a_b", "say_\"hi\"", "x__y_"}, *const lr[] = {"left",
                                                                                       "right"};
    for (size_t i = 0; i < 3; i += 2) {
        struct kcb_matrix *m = read_at(cap.text, i);
        assert_labels(m, safe, 3);
        assert_values(m, a->d, 0.0);
        kcb_matrix_free(m);
    }
    struct kcb_matrix *m = read_at(cap.text, 1);
    assert_labels(m, lr, 2);
    assert_values(m, b->d, 0.0);
    kcb_matrix_free(m);
    read_not_found(cap.text, 3);
    free(cap.text);
    kcb_matrix_free(a);
    kcb_matrix_free(b);
}

static void test_phylip_index_past_the_end(void **state)
{
    (void)state;
    read_not_found(three_matrices, 3);
    read_not_found(three_matrices, 1000);
    read_not_found("1\nA 0\n", 1);
    read_not_found("1\nA 0\n\n\n  \n", 1); /* trailing blank lines hold no matrix */
    read_not_found("", 1);
    read_not_found("3\nA\nB 0.1\n", 1);    /* the first matrix ends early: no second one */
    read_not_found("x\nA 0\n", 1);         /* no size: nothing to skip */
    /* the reason is optional */
    struct kcb_matrix *m = NULL;
    assert_int_equal(kcb_matrix_read_phylip("1\nA 0\n", 6, 1, &m, NULL, 0), KCB_ENOTFOUND);
    assert_null(m);
}

/* Errors in a later matrix name the line of the whole text. */
static void test_phylip_index_error_lines(void **state)
{
    (void)state;
    const char *text = "2\nA 0 1\nB 1 0\n\n2\nA 0 x\nB 1 0\n";
    read_fails_at(text, 1, 6);
    read_fails_at("1\nA 0\n\nthree\nA\n", 1, 4);
    read_fails_at("1\nA 0\n2\nA 0 1\n", 1, 5); /* the second matrix lacks a row */
    struct kcb_matrix *m = read_ok(text);     /* the first one is fine */
    assert_int_equal(m->n, 2);
    kcb_matrix_free(m);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_new_has_numbered_labels_and_zeros),
        cmocka_unit_test(test_set_label_copies),
        cmocka_unit_test(test_check_accepts_finite),
        cmocka_unit_test(test_check_needs_two_taxa),
        cmocka_unit_test(test_check_non_finite),
        cmocka_unit_test(test_write_phylip),
        cmocka_unit_test(test_write_phylip_every_unsafe_character),
        cmocka_unit_test(test_write_phylip_stream_error),
        cmocka_unit_test(test_phylip_round_trip),
        cmocka_unit_test(test_phylip_round_trip_long_names),
        cmocka_unit_test(test_phylip_round_trip_names_longer_than_255),
        cmocka_unit_test(test_phylip_overlong_number),
        cmocka_unit_test(test_phylip_lower_triangle),
        cmocka_unit_test(test_phylip_whitespace),
        cmocka_unit_test(test_phylip_reads_only_len_bytes),
        cmocka_unit_test(test_phylip_bad_count),
        cmocka_unit_test(test_phylip_too_few_rows),
        cmocka_unit_test(test_phylip_not_a_number),
        cmocka_unit_test(test_phylip_wrong_number_of_values),
        cmocka_unit_test(test_phylip_strict_names_touching_values),
        cmocka_unit_test(test_phylip_non_finite_refused),
        cmocka_unit_test(test_phylip_shapes_not_mixed),
        cmocka_unit_test(test_phylip_reason_optional_and_truncated),
        cmocka_unit_test(test_phylip_index_selects_matrix),
        cmocka_unit_test(test_phylip_index_round_trip),
        cmocka_unit_test(test_phylip_index_past_the_end),
        cmocka_unit_test(test_phylip_index_error_lines),
    };
    return cmocka_run_group_tests_name("matrix", tests, NULL, NULL);
}
