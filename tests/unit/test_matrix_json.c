/* Unit tests for reading distance matrices from JSON: ncd's pair records and matrix objects. */
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

/* Writes the n*n records of one matrix as 'kcbench ncd -f json' does, each preceded by a
 * comma unless *first; NaN is written as null. */
static void put_records(FILE *fp, const char *comp, const char *dist, const char *const *labels,
                        size_t n, const double *d, int *first)
{
    for (size_t k = 0; k < n * n; k++) {
        fprintf(fp, "%s{\"compressor\":\"%s\",\"codec\":\"x\",\"level\":1,\"distance\":\"%s\","
                "\"x\":\"%s\",\"y\":\"%s\",\"cx\":10,\"cy\":11,\"cxy\":12,\"value\":",
                *first ? "" : ",\n", comp, dist, labels[k / n], labels[k % n]);
        if (isnan(d[k]))
            fputs("null}", fp);
        else
            fprintf(fp, "%.17g}", d[k]);
        *first = 0;
    }
}

static struct kcb_matrix *json_at(const char *text, size_t index)
{
    struct kcb_matrix *m = NULL;
    char why[256] = "";
    int rc = kcb_matrix_read_json(text, strlen(text), index, &m, why, sizeof why);
    if (rc)
        print_error("%s\n", why);
    assert_int_equal(rc, KCB_OK);
    assert_non_null(m);
    return m;
}

/* Reads the index-th matrix of text as JSON, which must fail with rc and a reason holding want. */
static void json_fails(const char *text, size_t index, int rc, const char *want)
{
    struct kcb_matrix *m = NULL;
    char why[256] = "";
    assert_int_equal(kcb_matrix_read_json(text, strlen(text), index, &m, why, sizeof why), rc);
    assert_null(m);
    if (!strstr(why, want))
        print_error("reason '%s' does not hold '%s'\n", why, want);
    assert_non_null(strstr(why, want));
}

static const char *const abc[] = {"a", "b", "c"};
static const double abc_gzip[9] = {0, 0.25, 0.5, 0.125, 0, 1, 0.75, 1.5, 0};
static const double abc_xz[9] = {0.0625, 0.375, 0.625, 0.875, 0.0625, 0.5, 0.25, 0.75, 0.0625};

/* Three matrices: gzip:9 ncd, xz:6 ncd and gzip:9 cdm (the same compressor, another
 * distance, is another matrix). Caller frees. */
static char *three_record_matrices(void)
{
    static const char *const pq[] = {"p", "q"};
    static const double cdm[4] = {0.5, 0.75, 0.875, 0.5};
    struct kcb_test_capture cap;
    int first = 1;
    assert_int_equal(kcb_test_capture_begin(&cap), 0);
    fputs("[", cap.fp);
    put_records(cap.fp, "gzip:9", "ncd", abc, 3, abc_gzip, &first);
    put_records(cap.fp, "xz:6", "ncd", abc, 3, abc_xz, &first);
    put_records(cap.fp, "gzip:9", "cdm", pq, 2, cdm, &first);
    fputs("]\n", cap.fp);
    assert_int_equal(kcb_test_capture_end(&cap), 0);
    return cap.text;
}

static void test_json_records(void **state)
{
    (void)state;
    char *text = three_record_matrices();
    struct kcb_matrix *m = json_at(text, 0);
    assert_labels(m, abc, 3);
    assert_values(m, abc_gzip, 0.0);
    assert_int_equal(kcb_matrix_check(m, NULL, 0), KCB_OK);
    kcb_matrix_free(m);
    free(text);
}

static void test_json_records_index(void **state)
{
    (void)state;
    static const char *const pq[] = {"p", "q"};
    static const double cdm[4] = {0.5, 0.75, 0.875, 0.5};
    char *text = three_record_matrices();
    struct kcb_matrix *m = json_at(text, 1);
    assert_labels(m, abc, 3);
    assert_values(m, abc_xz, 0.0);
    kcb_matrix_free(m);
    m = json_at(text, 2);
    assert_labels(m, pq, 2);
    assert_values(m, cdm, 0.0);
    kcb_matrix_free(m);
    json_fails(text, 3, KCB_ENOTFOUND, "--index 3:");
    json_fails(text, 99, KCB_ENOTFOUND, "--index 99:");
    json_fails("[]", 0, KCB_ENOTFOUND, "--index 0:");
    free(text);
}

/* Labels come from "x" in the order rows first appear, not sorted. */
static void test_json_records_labels_first_seen(void **state)
{
    (void)state;
    static const char *const order[] = {"zeta", "alpha", "mu"};
    static const double d[9] = {0, 1, 2, 3, 0, 5, 6, 7, 0};
    struct kcb_test_capture cap;
    int first = 1;
    assert_int_equal(kcb_test_capture_begin(&cap), 0);
    fputs("[", cap.fp);
    put_records(cap.fp, "zstd:3", "ncd", order, 3, d, &first);
    fputs("]", cap.fp);
    assert_int_equal(kcb_test_capture_end(&cap), 0);
    struct kcb_matrix *m = json_at(cap.text, 0);
    assert_labels(m, order, 3);
    assert_values(m, d, 0.0);
    kcb_matrix_free(m);
    free(cap.text);
}

/* null is NaN, which kcb_matrix_check then refuses, naming the entry. */
static void test_json_records_null_is_nan(void **state)
{
    (void)state;
    const double d[4] = {0, NAN, 0.5, 0};
    struct kcb_test_capture cap;
    int first = 1;
    assert_int_equal(kcb_test_capture_begin(&cap), 0);
    fputs("[", cap.fp);
    put_records(cap.fp, "gzip:9", "ncd", abc, 2, d, &first);
    fputs("]", cap.fp);
    assert_int_equal(kcb_test_capture_end(&cap), 0);
    struct kcb_matrix *m = json_at(cap.text, 0);
    assert_true(m->d[0] == 0.0);
    assert_true(isnan(m->d[1]));
    assert_true(m->d[2] == 0.5);
    char why[128] = "";
    assert_int_equal(kcb_matrix_check(m, why, sizeof why), KCB_EINVAL);
    assert_string_equal(why, "distance (a, b) is not a finite number");
    kcb_matrix_free(m);
    free(cap.text);
}

/* A group whose size is not n*n with n >= 2 is refused, naming the count. */
static void test_json_records_wrong_count(void **state)
{
    (void)state;
    static const double d[9] = {0};
    const size_t counts[] = {1, 2, 3, 5, 8};
    for (size_t c = 0; c < sizeof counts / sizeof counts[0]; c++) {
        struct kcb_test_capture cap;
        int first = 1;
        char want[64];
        assert_int_equal(kcb_test_capture_begin(&cap), 0);
        fputs("[", cap.fp);
        put_records(cap.fp, "gzip:9", "ncd", abc, 3, d, &first); /* 9 good ones first */
        for (size_t k = 0; k < counts[c]; k++)
            fprintf(cap.fp, ",{\"compressor\":\"xz:6\",\"distance\":\"ncd\",\"x\":\"a\","
                    "\"y\":\"a\",\"value\":0}");
        fputs("]", cap.fp);
        assert_int_equal(kcb_test_capture_end(&cap), 0);
        snprintf(want, sizeof want, "%zu records for one matrix", counts[c]);
        json_fails(cap.text, 1, KCB_EFORMAT, want);
        struct kcb_matrix *m = json_at(cap.text, 0); /* the good one still reads */
        assert_int_equal(m->n, 3);
        kcb_matrix_free(m);
        free(cap.text);
    }
}

/* One pair record of compressor c with the JSON texts x, y and v. */
#define REC(x, y, v) "{\"compressor\":\"c\",\"distance\":\"ncd\",\"x\":" x ",\"y\":" y \
                     ",\"value\":" v "}"

/* Records out of row order, or without strings and a number, are refused, naming the record. */
static void test_json_records_malformed(void **state)
{
    (void)state;
    json_fails("[" REC("\"a\"", "\"a\"", "0") "," REC("\"b\"", "\"b\"", "1") ","
               REC("\"b\"", "\"a\"", "1") "," REC("\"b\"", "\"b\"", "0") "]",
               0, KCB_EFORMAT, "record 2:"); /* column-major order: x changes within a row */
    json_fails("[" REC("\"a\"", "\"a\"", "0") "," REC("\"a\"", "\"b\"", "\"1\"") ","
               REC("\"b\"", "\"a\"", "1") "," REC("\"b\"", "\"b\"", "0") "]",
               0, KCB_EFORMAT, "record 2:"); /* a string value */
    json_fails("[" REC("\"a\"", "\"a\"", "0") "," REC("\"a\"", "\"b\"", "1") ","
               REC("\"b\"", "\"a\"", "1") "," REC("\"b\"", "7", "0") "]",
               0, KCB_EFORMAT, "record 4:"); /* y not a string */
    json_fails("[" REC("\"a\"", "\"a\"", "0") "," REC("\"a\"", "\"b\"", "1") ","
               REC("1", "\"a\"", "1") "," REC("\"b\"", "\"b\"", "0") "]",
               0, KCB_EFORMAT, "record 3:"); /* x not a string */
}

/* Each row must list its columns in the order of the labels: a row whose "y" runs b, a
 * is not the matrix the values say. */
static void test_json_records_columns_in_row_order(void **state)
{
    (void)state;
    json_fails("[" REC("\"a\"", "\"b\"", "0.5") "," REC("\"a\"", "\"a\"", "0") ","
               REC("\"b\"", "\"a\"", "0.5") "," REC("\"b\"", "\"b\"", "0") "]",
               0, KCB_EFORMAT, "record ");
    json_fails("[" REC("\"a\"", "\"a\"", "0") "," REC("\"a\"", "\"q\"", "0.5") ","
               REC("\"b\"", "\"a\"", "0.5") "," REC("\"b\"", "\"b\"", "0") "]",
               0, KCB_EFORMAT, "record ");
}
#undef REC

static void test_json_object(void **state)
{
    (void)state;
    static const char *const pq[] = {"p", "q r"};
    static const double d[4] = {0, 0.5, 0.25, 0};
    const char *text = " {\"labels\": [\"p\", \"q r\"],\n  \"matrix\": [[0, 0.5], [0.25, 0]]}\n";
    struct kcb_matrix *m = json_at(text, 0);
    assert_labels(m, pq, 2);
    assert_values(m, d, 0.0);
    kcb_matrix_free(m);
    json_fails(text, 1, KCB_ENOTFOUND, "--index 1:");
}

static void test_json_objects_in_array(void **state)
{
    (void)state;
    static const char *const xy[] = {"x", "y"}, *const uvw[] = {"u", "v", "w"};
    static const double d0[4] = {0, 1, 1, 0}, d1[9] = {0, 2, 3, 2, 0, 4, 3, 4, 0};
    const char *text = "[{\"title\": \"gzip:9 ncd\", \"labels\": [\"x\", \"y\"],"
                       " \"matrix\": [[0, 1], [1, 0]]},\n"
                       " {\"labels\": [\"u\", \"v\", \"w\"],"
                       " \"matrix\": [[0, 2, 3], [2, 0, 4], [3, 4, 0]]}]";
    struct kcb_matrix *m = json_at(text, 0);
    assert_labels(m, xy, 2);
    assert_values(m, d0, 0.0);
    kcb_matrix_free(m);
    m = json_at(text, 1);
    assert_labels(m, uvw, 3);
    assert_values(m, d1, 0.0);
    kcb_matrix_free(m);
    json_fails(text, 2, KCB_ENOTFOUND, "--index 2:");
}

static void test_json_object_null_is_nan(void **state)
{
    (void)state;
    const char *text = "{\"labels\": [\"a\", \"b\"], \"matrix\": [[0, null], [0.5, 0]]}";
    struct kcb_matrix *m = json_at(text, 0);
    assert_true(m->d[0] == 0.0);
    assert_true(isnan(m->d[1]));
    assert_true(m->d[2] == 0.5);
    assert_true(m->d[3] == 0.0);
    kcb_matrix_free(m);
}

/* Labels and rows must agree: n strings, n rows of n numbers. */
static void test_json_object_not_square(void **state)
{
    (void)state;
    static const char *const bad[] = {
        "{\"labels\": [\"a\", \"b\"], \"matrix\": [[0, 1], [1]]}",
        "{\"labels\": [\"a\", \"b\"], \"matrix\": [[0, 1, 2], [1, 0, 2]]}",
        "{\"labels\": [\"a\", \"b\", \"c\"], \"matrix\": [[0, 1], [1, 0]]}",
        "{\"labels\": [\"a\", \"b\"], \"matrix\": [[0, 1], [1, 0], [1, 1]]}",
        "{\"labels\": [\"a\", 2], \"matrix\": [[0, 1], [1, 0]]}",
        "{\"labels\": [\"a\", \"b\"], \"matrix\": [[0, \"1\"], [1, 0]]}",
        "{\"labels\": [\"a\", \"b\"], \"matrix\": [0, 1]}",
        "{\"labels\": \"ab\", \"matrix\": [[0, 1], [1, 0]]}",
        "{\"matrix\": [[0, 1], [1, 0]]}",
        "[{\"labels\": [\"a\"], \"matrix\": [[0]]}, {\"labels\": [\"a\"], \"matrix\": [[0, 1]]}]",
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
        json_fails(bad[i], i + 1 == sizeof bad / sizeof bad[0], KCB_EFORMAT,
                   "\"matrix\" n rows of n numbers");
}

/* Malformed JSON is refused with the line the parser stopped at. */
static void test_json_malformed_names_line(void **state)
{
    (void)state;
    json_fails("[\n  {\"x\": \"a\",\n   \"y\": oops}\n]\n", 0, KCB_EFORMAT,
               "malformed JSON: line 3:");
    json_fails("", 0, KCB_EFORMAT, "malformed JSON: line ");
    json_fails("{\"labels\": [\"a\"]", 0, KCB_EFORMAT, "malformed JSON: line 1:");
    json_fails("\n\n\n[1, 2,]", 0, KCB_EFORMAT, "malformed JSON: line 4:");
}

/* JSON that is neither shape is refused (jansson takes only an array or object at the top). */
static void test_json_neither_shape(void **state)
{
    (void)state;
    json_fails("42", 0, KCB_EFORMAT, "line 1:");
    json_fails("\"matrix\"", 0, KCB_EFORMAT, "line 1:");
    json_fails("{\"labels\": [\"a\", \"b\"]}", 0, KCB_EFORMAT, "expected an array");
    json_fails("[1, 2, 3, 4]", 0, KCB_EFORMAT, "records for one matrix");
}

/* Only len bytes are read, and the reason is optional. */
static void test_json_reads_only_len_bytes(void **state)
{
    (void)state;
    const char text[] = "{\"labels\": [\"a\", \"b\"], \"matrix\": [[0, 1], [1, 0]]} trailing junk";
    struct kcb_matrix *m = NULL;
    size_t len = (size_t)(strchr(text, '}') - text) + 1;
    assert_int_equal(kcb_matrix_read_json(text, len, 0, &m, NULL, 0), KCB_OK);
    assert_int_equal(m->n, 2);
    assert_true(m->d[1] == 1.0);
    kcb_matrix_free(m);
    m = NULL;
    assert_int_equal(kcb_matrix_read_json(text, strlen(text), 0, &m, NULL, 0), KCB_EFORMAT);
    assert_null(m);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_json_records),
        cmocka_unit_test(test_json_records_index),
        cmocka_unit_test(test_json_records_labels_first_seen),
        cmocka_unit_test(test_json_records_null_is_nan),
        cmocka_unit_test(test_json_records_wrong_count),
        cmocka_unit_test(test_json_records_malformed),
        cmocka_unit_test(test_json_records_columns_in_row_order),
        cmocka_unit_test(test_json_object),
        cmocka_unit_test(test_json_objects_in_array),
        cmocka_unit_test(test_json_object_null_is_nan),
        cmocka_unit_test(test_json_object_not_square),
        cmocka_unit_test(test_json_malformed_names_line),
        cmocka_unit_test(test_json_neither_shape),
        cmocka_unit_test(test_json_reads_only_len_bytes),
    };
    return cmocka_run_group_tests_name("matrix_json", tests, NULL, NULL);
}
