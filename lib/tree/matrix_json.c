/* Distance matrices from JSON: kcbench ncd's records, one per pair, or {"labels", "matrix"} objects. */
#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "kcb/err.h"
#include "kcb/matrix.h"

/* Fills m's labels from a JSON array of n strings: 0, or -1 if it is not one. */
static int object_labels(const json_t *labels, struct kcb_matrix *m)
{
    if (!json_is_array(labels) || json_array_size(labels) != m->n)
        return -1;
    for (size_t i = 0; i < m->n; i++) {
        const char *s = json_string_value(json_array_get(labels, i));
        if (!s || kcb_matrix_set_label(m, i, s))
            return -1;
    }
    return 0;
}

/* A number, or null for NaN: 0, or -1 for anything else. */
static int number(const json_t *v, double *out)
{
    if (!json_is_number(v) && !json_is_null(v))
        return -1;
    *out = json_is_null(v) ? (double)NAN : json_number_value(v);
    return 0;
}

/* Fills m's values from a JSON array of n arrays of n numbers (null is NaN): 0 or -1. */
static int object_values(const json_t *rows, struct kcb_matrix *m)
{
    if (!json_is_array(rows) || json_array_size(rows) != m->n)
        return -1;
    for (size_t i = 0; i < m->n; i++) {
        const json_t *row = json_array_get(rows, i);
        if (!json_is_array(row) || json_array_size(row) != m->n)
            return -1;
        for (size_t j = 0; j < m->n; j++)
            if (number(json_array_get(row, j), &m->d[i * m->n + j]))
                return -1;
    }
    return 0;
}

/* The matrix of one {"labels": [...], "matrix": [[...], ...]} object. */
static int from_object(const json_t *obj, struct kcb_matrix **out, char *why, size_t whylen)
{
    const json_t *labels = json_object_get(obj, "labels");
    if (kcb_matrix_new(json_array_size(labels), out))
        return KCB_ENOMEM;
    if (object_labels(labels, *out) || object_values(json_object_get(obj, "matrix"), *out)) {
        kcb_matrix_free(*out);
        *out = NULL;
        snprintf(why, whylen, "\"labels\" must be n strings and \"matrix\" n rows of n numbers");
        return KCB_EFORMAT;
    }
    return KCB_OK;
}

/* Which matrix a pair record belongs to: its compressor and distance. */
static int same_matrix(const json_t *a, const json_t *b)
{
    return json_equal(json_object_get(a, "compressor"), json_object_get(b, "compressor")) &&
           json_equal(json_object_get(a, "distance"), json_object_get(b, "distance"));
}

/* Finds the records of the index-th matrix: sets *first and *count. */
static int find_records(const json_t *root, size_t index, size_t *first, size_t *count)
{
    size_t n = json_array_size(root), start = 0, m = 0;
    while (start < n) {
        size_t end = start + 1;
        while (end < n && same_matrix(json_array_get(root, start), json_array_get(root, end)))
            end++;
        if (m++ == index) {
            *first = start;
            *count = end - start;
            return 0;
        }
        start = end;
    }
    return -1;
}

/* Reads record k = i*n + j of a matrix of n, whose labels are set: its x must be label i, its
 * y label j. */
static int record(const json_t *r, struct kcb_matrix *m, size_t i, size_t j)
{
    const char *x = json_string_value(json_object_get(r, "x"));
    const char *y = json_string_value(json_object_get(r, "y"));
    if (!x || !y || number(json_object_get(r, "value"), &m->d[i * m->n + j]))
        return -1;
    return strcmp(x, m->labels[i]) == 0 && strcmp(y, m->labels[j]) == 0 ? 0 : -1;
}

/* Labels the rows by the x of each row's first record: returns 0, or the index (in the
 * matrix's records) of a first record whose x is not a string, plus one. */
static size_t row_labels(const json_t *root, size_t first, struct kcb_matrix *m)
{
    for (size_t i = 0; i < m->n; i++) {
        const char *x = json_string_value(json_object_get(json_array_get(root, first + i * m->n),
                                                          "x"));
        if (!x || kcb_matrix_set_label(m, i, x))
            return i * m->n + 1;
    }
    return 0;
}

/* The matrix of n*n consecutive pair records in row order, as kcbench ncd -f json writes. */
static int from_records(const json_t *root, size_t first, size_t count, struct kcb_matrix **out,
                        char *why, size_t whylen)
{
    size_t n = (size_t)llround(sqrt((double)count));
    if (n * n != count || n < 2) {
        snprintf(why, whylen, "%zu records for one matrix: expected n*n (n >= 2), one per "
                 "ordered pair of a square matrix, as 'kcbench ncd -f json' writes for one", count);
        return KCB_EFORMAT;
    }
    if (kcb_matrix_new(n, out))
        return KCB_ENOMEM;
    size_t bad = row_labels(root, first, *out);
    for (size_t k = 0; !bad && k < count; k++)
        if (record(json_array_get(root, first + k), *out, k / n, k % n))
            bad = k + 1;
    if (bad) {
        kcb_matrix_free(*out);
        *out = NULL;
        snprintf(why, whylen, "record %zu: expected \"x\" and \"y\" strings and a numeric "
                 "\"value\", in row order", first + bad);
        return KCB_EFORMAT;
    }
    return KCB_OK;
}

static int from_root(const json_t *root, size_t index, struct kcb_matrix **out, char *why,
                     size_t whylen)
{
    const json_t *top = json_is_array(root) ? json_array_get(root, 0) : root;
    if (json_is_object(top) && json_object_get(top, "matrix")) { /* {"labels", "matrix"} */
        const json_t *obj = json_is_array(root) ? json_array_get(root, index)
                                                : index == 0 ? root : NULL;
        if (obj)
            return from_object(obj, out, why, whylen);
    } else if (json_is_array(root)) {
        size_t first, count;
        if (!find_records(root, index, &first, &count))
            return from_records(root, first, count, out, why, whylen);
    } else {
        snprintf(why, whylen, "expected an array of pair records (kcbench ncd -f json) or a "
                 "{\"labels\", \"matrix\"} object");
        return KCB_EFORMAT;
    }
    snprintf(why, whylen, "--index %zu: the input holds fewer matrices", index);
    return KCB_ENOTFOUND;
}

int kcb_matrix_read_json(const char *text, size_t len, size_t index, struct kcb_matrix **out,
                         char *why, size_t whylen)
{
    json_error_t e;
    json_t *root = json_loadb(text, len, 0, &e);
    if (!root) {
        snprintf(why, whylen, "malformed JSON: line %d: %s", e.line, e.text);
        return KCB_EFORMAT;
    }
    int rc = from_root(root, index, out, why, whylen);
    json_decref(root);
    return rc;
}
