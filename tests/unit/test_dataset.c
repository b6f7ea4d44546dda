/* Unit tests for labelled datasets: the label table, loading, format choice, and duplicates. */
#define _XOPEN_SOURCE 700 /* nftw */
#include <errno.h>
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "kcb_test.h"
#include "kcb/dataset.h"
#include "kcb/err.h"
#include "dataset_test.h"

/* ---- the label table ---- */

static void test_labels_intern_and_find(void **state)
{
    (void)state;
    struct kcb_labels *l;
    int id;
    assert_int_equal(kcb_labels_new(&l), KCB_OK);
    assert_int_equal(kcb_labels_find(l, "earn", 4), -1);
    assert_int_equal(kcb_labels_intern(l, "earn", 4, &id), KCB_OK);
    assert_int_equal(id, 0);
    assert_int_equal(kcb_labels_intern(l, "acq", 3, &id), KCB_OK);
    assert_int_equal(id, 1);
    assert_int_equal(kcb_labels_intern(l, "earnings", 4, &id), KCB_OK); /* only "earn" */
    assert_int_equal(id, 0);
    assert_int_equal(kcb_labels_find(l, "acq", 3), 1);
    assert_int_equal(kcb_labels_find(l, "ac", 2), -1);
    assert_int_equal(kcb_labels_intern(l, "a\0b", 3, &id), KCB_EINVAL);
    assert_int_equal(kcb_labels_find(l, "a\0b", 3), -1);
    assert_int_equal(l->n, 2);
    assert_string_equal(l->name[1], "acq");
    for (int i = 0; i < 1000; i++) {
        char name[16];
        int len = snprintf(name, sizeof name, "L%d", i);
        assert_int_equal(kcb_labels_intern(l, name, (size_t)len, &id), KCB_OK);
        assert_int_equal(id, i + 2);
    }
    for (int i = 0; i < 1000; i++) {
        char name[16];
        int len = snprintf(name, sizeof name, "L%d", i);
        assert_int_equal(kcb_labels_find(l, name, (size_t)len), i + 2);
    }
    assert_int_equal(kcb_labels_find(l, "earn", 4), 0);
    assert_int_equal(l->n, 1002);
    kcb_labels_free(l);
    kcb_labels_free(NULL);
}

static void test_labels_remove(void **state)
{
    (void)state;
    struct kcb_labels *l;
    int id;
    assert_int_equal(kcb_labels_new(&l), KCB_OK);
    assert_int_equal(kcb_labels_intern(l, "a", 1, &id), KCB_OK);
    assert_int_equal(kcb_labels_intern(l, "b", 1, &id), KCB_OK);
    assert_int_equal(kcb_labels_intern(l, "c", 1, &id), KCB_OK);
    kcb_labels_remove(l, 1);
    assert_int_equal(l->n, 2);
    assert_int_equal(kcb_labels_find(l, "b", 1), -1);
    assert_int_equal(kcb_labels_find(l, "c", 1), 1); /* renumbered, and found by the index */
    assert_int_equal(kcb_labels_intern(l, "d", 1, &id), KCB_OK);
    assert_int_equal(id, 2);
    kcb_labels_remove(l, 9); /* out of range: nothing */
    assert_int_equal(l->n, 3);
    kcb_labels_free(l);
}

static void test_informat_parse(void **state)
{
    (void)state;
    static const char *const names[] = {"auto", "tsv", "csv", "fasttext", "dir"};
    enum kcb_informat f;
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        assert_int_equal(kcb_informat_parse(names[i], &f), KCB_OK);
        assert_int_equal(f, (enum kcb_informat)i);
        assert_string_equal(kcb_informat_name(f), names[i]);
    }
    assert_int_equal(kcb_informat_parse("TSV", &f), KCB_EINVAL);
    assert_int_equal(kcb_informat_parse("json", &f), KCB_EINVAL);
    assert_int_equal(kcb_informat_parse("", &f), KCB_EINVAL);
}

/* ---- loading, whatever the format ---- */

static void test_shared_labels_keep_ids(void **state)
{
    (void)state;
    struct kcb_labels *l;
    struct kcb_dataset *train, *test, *bad = NULL;
    assert_int_equal(kcb_labels_new(&l), KCB_OK);
    assert_int_equal(load_text("train.tsv", "b\tx\na\ty\n", KCB_IN_TSV, 0, l, &train, NULL), 0);
    assert_int_equal(load_text("test.tsv", "a\tz\nc\tw\nb\tv\n", KCB_IN_TSV, 0, l, &test, NULL),
                     0);
    assert_ptr_equal(train->labels, l);
    assert_ptr_equal(test->labels, l);
    assert_int_equal(train->label[0], 0);
    assert_int_equal(train->label[1], 1);
    assert_int_equal(test->label[0], 1);
    assert_int_equal(test->label[1], 2);
    assert_int_equal(test->label[2], 0);
    assert_int_equal(l->n, 3);
    /* a failed load leaves the shared table as it was */
    assert_int_equal(load_text("bad.tsv", "d\tok\nbroken\n", KCB_IN_TSV, 0, l, &bad, NULL),
                     KCB_EFORMAT);
    assert_null(bad);
    assert_int_equal(l->n, 3);
    assert_int_equal(kcb_labels_find(l, "d", 1), -1);
    assert_int_equal(kcb_labels_find(l, "c", 1), 2);
    kcb_dataset_free(train);
    kcb_dataset_free(test);
    assert_string_equal(l->name[2], "c"); /* borrowed tables outlive their datasets */
    kcb_labels_free(l);
}

static void test_invalid_utf8_kept(void **state)
{
    (void)state;
    static const char text[] = "\xff\xfe \xc3( \xed\xa0\x80 caf\xc3\xa9";
    struct kcb_dataset *d;
    assert_int_equal(load_text("bytes.tsv", "\xe9t\xe9\t\xff\xfe \xc3( \xed\xa0\x80 caf\xc3\xa9\n",
                               KCB_IN_TSV, 0, NULL, &d, NULL),
                     KCB_OK);
    assert_int_equal(d->n, 1);
    assert_doc(d, 0, "\xe9t\xe9", text, sizeof text - 1, 1);
    kcb_dataset_free(d);
}

static void test_bom_dropped(void **state)
{
    (void)state;
    struct kcb_dataset *d;
    assert_int_equal(load_text("bom.tsv", "\xef\xbb\xbf" "a\tx\n", KCB_IN_AUTO, 0, NULL, &d, NULL),
                     KCB_OK);
    DOC(d, 0, "a", "x", 1);
    kcb_dataset_free(d);
    assert_int_equal(load_text("bom.csv", "\xef\xbb\xbf\"1\",\"t\",\"d\"\n", KCB_IN_AUTO, 0, NULL,
                               &d, NULL),
                     KCB_OK);
    DOC(d, 0, "1", "t d", 1);
    kcb_dataset_free(d);
}

static void test_nul_byte_is_an_error(void **state)
{
    (void)state;
    static const char tsv[] = "a\tok\nb\tx\0y\n";
    static const char csv[] = "\"1\",\"a\nb\0\",\"c\"\n";
    static const char ft[] = "__label__a x\n\n__label__b \0\n";
    static const struct {
        const char *name, *data;
        size_t len;
        long line;
    } cases[] = {
        {"nul.tsv", tsv, sizeof tsv - 1, 2},
        {"nul.csv", csv, sizeof csv - 1, 2},
        {"nul.ft", ft, sizeof ft - 1, 3},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        for (int skip = 0; skip <= 1; skip++) {
            char path[512];
            struct kcb_dataset *d = NULL;
            struct kcb_diag diag;
            write_bytes(cases[i].name, cases[i].data, cases[i].len);
            path_of(path, sizeof path, cases[i].name);
            assert_int_equal(kcb_dataset_load(path, OPTS(KCB_IN_AUTO, skip), NULL, &d, &diag),
                             KCB_EFORMAT);
            assert_null(d);
            assert_int_equal(diag.line, cases[i].line);
            assert_string_equal(diag.msg, "binary data (NUL byte)");
        }
    }
}

static void test_no_documents(void **state)
{
    (void)state;
    struct kcb_dataset *d = NULL;
    struct kcb_diag diag;
    assert_load_fails("empty.tsv", "", KCB_IN_TSV, 0, KCB_EFORMAT, 0, "no documents");
    assert_load_fails("blank.tsv", "\n\r\n\n", KCB_IN_TSV, 0, KCB_EFORMAT, 0, "no documents");
    assert_load_fails("empty.csv", "", KCB_IN_CSV, 0, KCB_EFORMAT, 0, "no documents");
    assert_load_fails("empty.ft", "  \n", KCB_IN_FASTTEXT, 0, KCB_EFORMAT, 0, "no documents");
    assert_int_equal(load_text("allbad.tsv", "x\ny\n", KCB_IN_TSV, 1, NULL, &d, &diag),
                     KCB_EFORMAT);
    assert_null(d);
    assert_int_equal(diag.skipped, 2);
    assert_int_equal(diag.first_skipped_line, 1);
    assert_non_null(strstr(diag.msg, "no documents"));
    assert_non_null(strstr(diag.msg, "missing tab"));
}

/* ---- choosing the format ---- */

static void check_auto(const char *name, const char *s, enum kcb_informat want)
{
    struct kcb_dataset *d;
    struct kcb_diag diag;
    int rc = load_text(name, s, KCB_IN_AUTO, 0, NULL, &d, &diag);
    if (rc)
        fail_msg("%s: %s (%s)", name, kcb_strerror(rc), diag.msg);
    if (d->format != want)
        fail_msg("%s: read as %s, expected %s", name, kcb_informat_name(d->format),
                 kcb_informat_name(want));
    assert_int_equal(d->n, 1);
    kcb_dataset_free(d);
}

static void test_auto_detection(void **state)
{
    (void)state;
    check_auto("by-ext.tsv", "a\tb,c\n", KCB_IN_TSV);
    check_auto("by-ext.csv", "1,title,desc\n", KCB_IN_CSV);
    check_auto("by-ext.ft", "__label__a b\n", KCB_IN_FASTTEXT);
    check_auto("by-ext.fasttext", "__label__a b\n", KCB_IN_FASTTEXT);
    check_auto("upper.TSV", "a\tb\n", KCB_IN_TSV);
    check_auto("sniff-tsv.txt", "a\tb, c\n", KCB_IN_TSV);
    check_auto("sniff-ft.txt", "__label__a b\tc\n", KCB_IN_FASTTEXT);
    check_auto("sniff-quoted.txt", "\"1\",\"t\tx\",\"d\"\n", KCB_IN_CSV);
    check_auto("sniff-csv", "\n1,title,desc\n", KCB_IN_CSV);
    check_auto("dotted.dir/plain", "a\tb\n", KCB_IN_TSV);
    /* the extension wins over the content */
    assert_load_fails("wrong.tsv", "__label__a b\n", KCB_IN_AUTO, 0, KCB_EFORMAT, 1,
                      "missing tab");
}

static int setup_dotted_dir(void **state)
{
    (void)state;
    char path[512];
    path_of(path, sizeof path, "dotted.dir");
    return mkdir(path, 0755);
}

/* ---- sizes and input/output errors ---- */

static void test_document_too_long(void **state)
{
    (void)state;
    size_t len = KCB_DOC_MAX + 1;
    char *big = malloc(len + 16);
    if (!big) {
        fail_msg("out of memory");
        return;
    }
    memcpy(big, "a\tok\nb\t", 7);
    memset(big + 7, 'x', len);
    big[7 + len] = '\n';
    write_bytes("big.tsv", big, len + 8);
    free(big);
    char path[512];
    path_of(path, sizeof path, "big.tsv");
    struct kcb_dataset *d = NULL;
    struct kcb_diag diag;
    assert_int_equal(kcb_dataset_load(path, OPTS(KCB_IN_TSV, 1), NULL, &d, &diag), KCB_ERANGE);
    assert_int_equal(diag.line, 2);
    assert_null(d);
    unlink(path);

    /* a directory document: exactly KCB_DOC_MAX is fine, one byte more is not */
    make_dir("bigdir");
    make_dir("bigdir/l");
    path_of(path, sizeof path, "bigdir/l/doc");
    write_text("bigdir/l/doc", "");
    assert_int_equal(truncate(path, (off_t)KCB_DOC_MAX), 0);
    path_of(path, sizeof path, "bigdir");
    assert_int_equal(kcb_dataset_load(path, OPTS(KCB_IN_DIR, 0), NULL, &d, &diag), KCB_OK);
    assert_int_equal(d->text[0].n, KCB_DOC_MAX);
    kcb_dataset_free(d);
    d = NULL;
    path_of(path, sizeof path, "bigdir/l/doc");
    assert_int_equal(truncate(path, (off_t)KCB_DOC_MAX + 1), 0);
    path_of(path, sizeof path, "bigdir");
    assert_int_equal(kcb_dataset_load(path, OPTS(KCB_IN_DIR, 0), NULL, &d, &diag), KCB_ERANGE);
    assert_null(d);
    assert_non_null(strstr(diag.msg, "bigdir/l/doc"));
    path_of(path, sizeof path, "bigdir/l/doc");
    unlink(path);
}

static void test_io_errors(void **state)
{
    (void)state;
    char path[512];
    struct kcb_dataset *d = NULL;
    struct kcb_diag diag;
    path_of(path, sizeof path, "no-such-file.tsv");
    errno = 0;
    assert_int_equal(kcb_dataset_load(path, OPTS(KCB_IN_AUTO, 0), NULL, &d, &diag), KCB_EIO);
    assert_int_equal(errno, ENOENT);
    assert_non_null(strstr(diag.msg, "no-such-file.tsv"));
    errno = 0;
    assert_int_equal(kcb_dataset_load(root, OPTS(KCB_IN_TSV, 0), NULL, &d, NULL), KCB_EIO);
    assert_int_equal(errno, EISDIR);
    assert_int_equal(kcb_dataset_load(path, OPTS((enum kcb_informat)99, 0), NULL, &d, &diag),
                     KCB_EINVAL);
    assert_null(d);
}

/* ---- duplicates and filtering ---- */

static void test_find_dups_and_filter(void **state)
{
    (void)state;
    struct kcb_labels *l;
    struct kcb_dataset *train, *test;
    unsigned char dup[5], keep[5];
    size_t count = 99;
    assert_int_equal(kcb_labels_new(&l), KCB_OK);
    assert_int_equal(load_text("dtrain.tsv", "a\tone\nb\ttwo\na\tthree\nb\tone\nc\t \n",
                               KCB_IN_TSV, 0, l, &train, NULL), 0);
    assert_int_equal(load_text("dtest.tsv", "a\ttwo\nb\tfour\na\tone\nb\t \na\tONE\n",
                               KCB_IN_TSV, 0, l, &test, NULL), 0);
    memset(dup, 7, sizeof dup);
    assert_int_equal(kcb_dataset_find_dups(train, test, dup, &count), KCB_OK);
    assert_int_equal(count, 3);
    static const unsigned char want[5] = {1, 0, 1, 1, 0};
    assert_memory_equal(dup, want, sizeof want);
    for (size_t i = 0; i < 5; i++)
        keep[i] = !dup[i];
    kcb_dataset_filter(test, keep);
    assert_int_equal(test->n, 2);
    DOC(test, 0, "b", "four", 2);
    DOC(test, 1, "a", "ONE", 5);
    memset(keep, 0, sizeof keep);
    kcb_dataset_filter(test, keep);
    assert_int_equal(test->n, 0);
    kcb_dataset_free(train);
    kcb_dataset_free(test);
    kcb_labels_free(l);
}

static void test_find_dups_many(void **state)
{
    (void)state;
    enum { N = 3000 };
    char *tr = malloc(N * 32), *te = malloc(N * 32);
    size_t a = 0, b = 0, want = 0;
    assert_non_null(tr);
    assert_non_null(te);
    for (int i = 0; i < N; i++) {
        a += (size_t)sprintf(tr + a, "l%d\tdocument %d\n", i % 7, i);
        int j = i * 2; /* every other test text is in train */
        b += (size_t)sprintf(te + b, "l%d\tdocument %d\n", j % 5, j);
        want += j < N;
    }
    struct kcb_dataset *train, *test;
    assert_int_equal(load_text("mtrain.tsv", tr, KCB_IN_TSV, 0, NULL, &train, NULL), 0);
    assert_int_equal(load_text("mtest.tsv", te, KCB_IN_TSV, 0, NULL, &test, NULL), 0);
    free(tr);
    free(te);
    unsigned char *dup = malloc(N);
    size_t count;
    assert_non_null(dup);
    assert_int_equal(kcb_dataset_find_dups(train, test, dup, &count), KCB_OK);
    assert_int_equal(count, want);
    for (int i = 0; i < N; i++)
        assert_int_equal(dup[i], i * 2 < N);
    free(dup);
    kcb_dataset_free(train);
    kcb_dataset_free(test);
}

/* ---- a real dataset, when the shared datasets are present ---- */

static void test_real_r8(void **state)
{
    (void)state;
    const char *data = getenv("KCB_DATA");
    char train_path[1024], test_path[1024];
    snprintf(train_path, sizeof train_path, "%s/r8/train.tsv", data ? data : "../shared/datasets");
    snprintf(test_path, sizeof test_path, "%s/r8/test.tsv", data ? data : "../shared/datasets");
    if (access(train_path, R_OK) != 0) {
        print_message("skipping: %s not found (set KCB_DATA)\n", train_path);
        skip();
    }
    struct kcb_labels *l;
    struct kcb_dataset *train, *test;
    struct kcb_diag diag;
    assert_int_equal(kcb_labels_new(&l), KCB_OK);
    assert_int_equal(kcb_dataset_load(train_path, OPTS(KCB_IN_AUTO, 0), l, &train, &diag), KCB_OK);
    assert_int_equal(train->format, KCB_IN_TSV);
    assert_int_equal(train->n, 5485);
    assert_int_equal(l->n, 8);
    assert_int_equal(diag.skipped, 0);
    if (access(test_path, R_OK) == 0) {
        assert_int_equal(kcb_dataset_load(test_path, OPTS(KCB_IN_AUTO, 0), l, &test, &diag), 0);
        assert_int_equal(test->n, 2189);
        assert_int_equal(l->n, 8);
        unsigned char *dup = malloc(test->n);
        size_t count;
        assert_non_null(dup);
        assert_int_equal(kcb_dataset_find_dups(train, test, dup, &count), KCB_OK);
        assert_int_equal(count, 4); /* r8/SOURCE.md: 4 test texts occur verbatim in train */
        free(dup);
        kcb_dataset_free(test);
    }
    kcb_dataset_free(train);
    kcb_labels_free(l);
}

/* ---- the digest ---- */

/* Loads s as format f and returns its digest in hex (a static buffer). */
static const char *digest_of(const char *name, const char *s, enum kcb_informat f)
{
    static char hex[KCB_SHA256_HEX];
    struct kcb_dataset *d;
    assert_int_equal(load_text(name, s, f, 0, NULL, &d, NULL), 0);
    kcb_dataset_digest(d, hex);
    kcb_dataset_free(d);
    return hex;
}

/* The same rows from tsv and csv give one digest; a text, label or line changed, another. */
static void test_digest(void **state)
{
    (void)state;
    char tsv[KCB_SHA256_HEX];
    snprintf(tsv, sizeof tsv, "%s", digest_of("g.tsv", "a\tone two\nb\tthree\n", KCB_IN_TSV));
    assert_string_equal(digest_of("g.csv", "a,one two\nb,three\n", KCB_IN_CSV), tsv);
    assert_string_not_equal(digest_of("g.tsv", "a\tone two\nb\tthree!\n", KCB_IN_TSV), tsv);
    assert_string_not_equal(digest_of("g.tsv", "a\tone two\nc\tthree\n", KCB_IN_TSV), tsv);
    assert_string_not_equal(digest_of("g.tsv", "a\tone two\n\nb\tthree\n", KCB_IN_TSV), tsv);
    assert_string_not_equal(digest_of("g.tsv", "a\tone\nb\ttwo three\n", KCB_IN_TSV), tsv);
    assert_int_equal(strlen(tsv), 64);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_labels_intern_and_find),
        cmocka_unit_test(test_labels_remove),
        cmocka_unit_test(test_informat_parse),
        cmocka_unit_test(test_shared_labels_keep_ids),
        cmocka_unit_test(test_invalid_utf8_kept),
        cmocka_unit_test(test_bom_dropped),
        cmocka_unit_test(test_nul_byte_is_an_error),
        cmocka_unit_test(test_no_documents),
        cmocka_unit_test_setup(test_auto_detection, setup_dotted_dir),
        cmocka_unit_test(test_document_too_long),
        cmocka_unit_test(test_io_errors),
        cmocka_unit_test(test_find_dups_and_filter),
        cmocka_unit_test(test_find_dups_many),
        cmocka_unit_test(test_real_r8),
        cmocka_unit_test(test_digest),
    };
    return cmocka_run_group_tests_name("dataset", tests, make_root, remove_root);
}
