/* Unit tests for labelled matrices: the text of every output format and the PHYLIP reader. */
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

#define TITLE "gzip:9 ncd"

/*
 * The matrix every writer test uses: labels with a comma, a quote and a space, and a space and
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

/* Returns what kcb_matrix_write wrote (caller frees), checking it succeeded. */
static char *write_text(const struct kcb_matrix *m, enum kcb_format f, int dec, const char *title,
                        int header)
{
    struct kcb_test_capture cap;
    assert_int_equal(kcb_test_capture_begin(&cap), 0);
    assert_int_equal(kcb_matrix_write(cap.fp, m, f, dec, title, header), KCB_OK);
    assert_int_equal(kcb_test_capture_end(&cap), 0);
    return cap.text;
}

static void check_write(enum kcb_format f, const char *title, int header, const char *want)
{
    struct kcb_matrix *m = sample();
    char *got = write_text(m, f, 3, title, header);
    assert_string_equal(got, want);
    free(got);
    kcb_matrix_free(m);
}

/* Parses text as PHYLIP, which must succeed. */
static struct kcb_matrix *read_ok(const char *text)
{
    struct kcb_matrix *m = NULL;
    char why[128] = "";
    int rc = kcb_matrix_read_phylip(text, strlen(text), &m, why, sizeof why);
    if (rc)
        print_error("%s\n", why);
    assert_int_equal(rc, KCB_OK);
    assert_non_null(m);
    return m;
}

/* Parses text as PHYLIP, which must fail with KCB_EFORMAT and a reason starting "line N:". */
static void read_fails(const char *text, long line)
{
    struct kcb_matrix *m = NULL;
    char why[128] = "", want[32];
    assert_int_equal(kcb_matrix_read_phylip(text, strlen(text), &m, why, sizeof why), KCB_EFORMAT);
    assert_null(m);
    snprintf(want, sizeof want, "line %ld: ", line);
    if (strncmp(why, want, strlen(want)) != 0)
        print_error("reason '%s' does not start with '%s'\n", why, want);
    assert_int_equal(strncmp(why, want, strlen(want)), 0);
}

static void assert_values(const struct kcb_matrix *m, const double *want, double eps)
{
    for (size_t i = 0; i < m->n * m->n; i++) {
        if (!kcb_test_near(m->d[i], want[i], eps))
            print_error("d[%zu] = %.17g, want %.17g\n", i, m->d[i], want[i]);
        assert_true(kcb_test_near(m->d[i], want[i], eps));
    }
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

/* ---- writers: exact text, derived by hand from each format's rules ---- */

static void test_write_plain(void **state)
{
    (void)state;
    check_write(KCB_FMT_PLAIN, TITLE, 1,
                "0.000 0.250 0.500\n"
                "0.125 0.000 1.000\n"
                "0.750 1.500 0.000\n");
}

/* Labels are 3, 8 and 5 wide: the label column and every value column are 8 wide. */
static void test_write_table(void **state)
{
    (void)state;
    check_write(KCB_FMT_TABLE, TITLE, 1,
                "# gzip:9 ncd\n"
                "        " "       a,b" "  say \"hi\"" "     x (y)\n"
                "a,b     " "     0.000" "     0.250" "     0.500\n"
                "say \"hi\"" "     0.125" "     0.000" "     1.000\n"
                "x (y)   " "     0.750" "     1.500" "     0.000\n");
    check_write(KCB_FMT_TABLE, NULL, 1,
                "        " "       a,b" "  say \"hi\"" "     x (y)\n"
                "a,b     " "     0.000" "     0.250" "     0.500\n"
                "say \"hi\"" "     0.125" "     0.000" "     1.000\n"
                "x (y)   " "     0.750" "     1.500" "     0.000\n");
}

static void test_write_md(void **state)
{
    (void)state;
    check_write(KCB_FMT_MD, TITLE, 1,
                "**gzip:9 ncd**\n"
                "\n"
                "| | a,b | say \"hi\" | x (y) |\n"
                "|---|---:|---:|---:|\n"
                "| a,b | 0.000 | 0.250 | 0.500 |\n"
                "| say \"hi\" | 0.125 | 0.000 | 1.000 |\n"
                "| x (y) | 0.750 | 1.500 | 0.000 |\n");
}

static void test_write_md_escapes_pipes_and_newlines(void **state)
{
    (void)state;
    struct kcb_matrix *m;
    assert_int_equal(kcb_matrix_new(1, &m), KCB_OK);
    assert_int_equal(kcb_matrix_set_label(m, 0, "p|q\nr"), KCB_OK);
    m->d[0] = 0.5;
    char *got = write_text(m, KCB_FMT_MD, 1, NULL, 1);
    assert_string_equal(got, "| | p\\|q r |\n"
                             "|---|---:|\n"
                             "| p\\|q r | 0.5 |\n");
    free(got);
    kcb_matrix_free(m);
}

static void test_write_csv(void **state)
{
    (void)state;
    check_write(KCB_FMT_CSV, TITLE, 1,
                "matrix,label,\"a,b\",\"say \"\"hi\"\"\",x (y)\n"
                "gzip:9 ncd,\"a,b\",0.000,0.250,0.500\n"
                "gzip:9 ncd,\"say \"\"hi\"\"\",0.125,0.000,1.000\n"
                "gzip:9 ncd,x (y),0.750,1.500,0.000\n");
}

static void test_write_csv_without_header_or_title(void **state)
{
    (void)state;
    check_write(KCB_FMT_CSV, TITLE, 0,
                "gzip:9 ncd,\"a,b\",0.000,0.250,0.500\n"
                "gzip:9 ncd,\"say \"\"hi\"\"\",0.125,0.000,1.000\n"
                "gzip:9 ncd,x (y),0.750,1.500,0.000\n");
    check_write(KCB_FMT_CSV, NULL, 0,
                ",\"a,b\",0.000,0.250,0.500\n"
                ",\"say \"\"hi\"\"\",0.125,0.000,1.000\n"
                ",x (y),0.750,1.500,0.000\n");
}

static void test_write_json(void **state)
{
    (void)state;
    check_write(KCB_FMT_JSON, TITLE, 1,
                "{\"title\":\"gzip:9 ncd\",\"labels\":[\"a,b\",\"say \\\"hi\\\"\",\"x (y)\"],"
                "\"matrix\":[[0.000,0.250,0.500],[0.125,0.000,1.000],[0.750,1.500,0.000]]}");
    check_write(KCB_FMT_JSON, NULL, 1,
                "{\"title\":\"\",\"labels\":[\"a,b\",\"say \\\"hi\\\"\",\"x (y)\"],"
                "\"matrix\":[[0.000,0.250,0.500],[0.125,0.000,1.000],[0.750,1.500,0.000]]}");
}

static void test_write_json_non_finite_is_null(void **state)
{
    (void)state;
    struct kcb_matrix *m;
    assert_int_equal(kcb_matrix_new(2, &m), KCB_OK);
    m->d[0] = 1.0;
    m->d[1] = NAN;
    m->d[2] = INFINITY;
    m->d[3] = -INFINITY;
    char *got = write_text(m, KCB_FMT_JSON, 2, "t", 1);
    assert_string_equal(got, "{\"title\":\"t\",\"labels\":[\"1\",\"2\"],"
                             "\"matrix\":[[1.00,null],[null,null]]}");
    free(got);
    kcb_matrix_free(m);
}

/* Names: blanks and ()[]:;,' become '_', then padding to 10; a quote is allowed. */
static void test_write_phylip(void **state)
{
    (void)state;
    check_write(KCB_FMT_PHYLIP, TITLE, 1,
                "3\n"
                "a_b        0.000 0.250 0.500\n"
                "say_\"hi\"   0.125 0.000 1.000\n"
                "x__y_      0.750 1.500 0.000\n");
}

static void test_write_phylip_every_unsafe_character(void **state)
{
    (void)state;
    struct kcb_matrix *m;
    assert_int_equal(kcb_matrix_new(1, &m), KCB_OK);
    assert_int_equal(kcb_matrix_set_label(m, 0, "a(b)c[d]e:f;g,h'i j\tk"), KCB_OK);
    char *got = write_text(m, KCB_FMT_PHYLIP, 1, NULL, 1);
    assert_string_equal(got, "1\na_b_c_d_e_f_g_h_i_j_k 0.0\n");
    free(got);
    kcb_matrix_free(m);
}

static void test_write_unknown_format(void **state)
{
    (void)state;
    struct kcb_matrix *m = sample();
    struct kcb_test_capture cap;
    assert_int_equal(kcb_test_capture_begin(&cap), 0);
    assert_int_equal(kcb_matrix_write(cap.fp, m, (enum kcb_format)42, 3, NULL, 1), KCB_EINVAL);
    assert_int_equal(kcb_test_capture_end(&cap), 0);
    assert_int_equal(cap.len, 0);
    free(cap.text);
    kcb_matrix_free(m);
}

/* ---- PHYLIP reader ---- */

static void test_phylip_round_trip(void **state)
{
    (void)state;
    struct kcb_matrix *m = sample();
    char *text = write_text(m, KCB_FMT_PHYLIP, 6, NULL, 1);
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
    char *text = write_text(m, KCB_FMT_PHYLIP, 9, NULL, 1);
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
    char *text = write_text(m, KCB_FMT_PHYLIP, 3, NULL, 1);
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
    assert_int_equal(kcb_matrix_read_phylip(text, 6, &m, NULL, 0), KCB_OK);
    assert_int_equal(m->n, 1);
    assert_string_equal(m->labels[0], "A");
    kcb_matrix_free(m);
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

static void test_phylip_reason_optional_and_truncated(void **state)
{
    (void)state;
    struct kcb_matrix *m = NULL;
    const char *bad = "2\nA 0 x\nB 1 0\n";
    assert_int_equal(kcb_matrix_read_phylip(bad, strlen(bad), &m, NULL, 0), KCB_EFORMAT);
    char why[6];
    assert_int_equal(kcb_matrix_read_phylip(bad, strlen(bad), &m, why, sizeof why), KCB_EFORMAT);
    assert_string_equal(why, "line ");
    assert_null(m);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_new_has_numbered_labels_and_zeros),
        cmocka_unit_test(test_set_label_copies),
        cmocka_unit_test(test_write_plain),
        cmocka_unit_test(test_write_table),
        cmocka_unit_test(test_write_md),
        cmocka_unit_test(test_write_md_escapes_pipes_and_newlines),
        cmocka_unit_test(test_write_csv),
        cmocka_unit_test(test_write_csv_without_header_or_title),
        cmocka_unit_test(test_write_json),
        cmocka_unit_test(test_write_json_non_finite_is_null),
        cmocka_unit_test(test_write_phylip),
        cmocka_unit_test(test_write_phylip_every_unsafe_character),
        cmocka_unit_test(test_write_unknown_format),
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
        cmocka_unit_test(test_phylip_reason_optional_and_truncated),
    };
    return cmocka_run_group_tests_name("matrix", tests, NULL, NULL);
}
