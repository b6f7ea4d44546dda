/* Unit tests for the dataset readers, one format at a time: TSV, CSV, fastText and directories. */
#define _XOPEN_SOURCE 700 /* nftw */
#include <errno.h>
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "kcb_test.h"
#include "kcb/dataset.h"
#include "kcb/err.h"
#include "dataset_test.h"

/* ---- TSV ---- */

static void test_tsv_good(void **state)
{
    (void)state;
    struct kcb_dataset *d;
    struct kcb_diag diag;
    assert_int_equal(load_text("good.tsv",
                               "earn\tprofit up\n"
                               "acq\tbuys firm\twith a tab\n"
                               "\n"
                               "earn\t \n"
                               "grain\twheat",
                               KCB_IN_TSV, 0, NULL, &d, &diag),
                     KCB_OK);
    assert_int_equal(d->n, 4);
    assert_int_equal(d->format, KCB_IN_TSV);
    assert_int_equal(d->labels->n, 3);
    assert_string_equal(d->labels->name[0], "earn");
    assert_string_equal(d->labels->name[1], "acq");
    assert_string_equal(d->labels->name[2], "grain");
    DOC(d, 0, "earn", "profit up", 1);
    DOC(d, 1, "acq", "buys firm\twith a tab", 2);
    DOC(d, 2, "earn", " ", 4); /* a blank is a text; nothing is not (below) */
    DOC(d, 3, "grain", "wheat", 5);
    assert_int_equal(d->label[3], 2);
    assert_int_equal(diag.skipped, 0);
    kcb_dataset_free(d);
    kcb_dataset_free(NULL);
}

static void test_tsv_crlf_and_blank_lines(void **state)
{
    (void)state;
    struct kcb_dataset *d;
    assert_int_equal(load_text("crlf.tsv", "\r\na\tone\r\n\r\n\nb\tx\ry\r\n", KCB_IN_TSV, 0,
                               NULL, &d, NULL),
                     KCB_OK);
    assert_int_equal(d->n, 2);
    DOC(d, 0, "a", "one", 2);
    DOC(d, 1, "b", "x\ry", 5); /* only the line's final CR goes */
    kcb_dataset_free(d);
}

static void test_tsv_malformed(void **state)
{
    (void)state;
    assert_load_fails("notab.tsv", "a\tok\nno tab here\nb\tok\n", KCB_IN_TSV, 0, KCB_EFORMAT, 2,
                      "missing tab between label and text");
    assert_load_fails("nolabel.tsv", "a\tok\n\n\tno label\n", KCB_IN_TSV, 0, KCB_EFORMAT, 3,
                      "missing label");
}

static void test_tsv_skip_bad(void **state)
{
    (void)state;
    struct kcb_dataset *d;
    struct kcb_diag diag;
    assert_int_equal(load_text("skip.tsv", "a\tok\nbad line\nb\tfine\n\tno label\nzzz\n",
                               KCB_IN_TSV, 1, NULL, &d, &diag),
                     KCB_OK);
    assert_int_equal(d->n, 2);
    DOC(d, 0, "a", "ok", 1);
    DOC(d, 1, "b", "fine", 3);
    assert_int_equal(d->labels->n, 2); /* nothing from the bad rows */
    assert_int_equal(diag.skipped, 3);
    assert_int_equal(diag.first_skipped_line, 2);
    assert_string_equal(diag.msg, "missing tab between label and text");
    kcb_dataset_free(d);
}

/* ---- CSV ---- */

static void test_csv_ag_news_layout(void **state)
{
    (void)state;
    struct kcb_dataset *d;
    assert_int_equal(load_text("ag.csv",
                               "\"3\",\"Wall St. Bears\",\"Short-sellers are back.\"\n"
                               "\"1\",\"Title only\",\"\"\n"
                               "2,unquoted title,unquoted desc\r\n"
                               "\n"
                               "\"4\",\"two fields\"\n"
                               "\"2\",\"a\",\"b\",\"c\"",
                               KCB_IN_CSV, 0, NULL, &d, NULL),
                     KCB_OK);
    assert_int_equal(d->format, KCB_IN_CSV);
    assert_int_equal(d->n, 5);
    DOC(d, 0, "3", "Wall St. Bears Short-sellers are back.", 1);
    DOC(d, 1, "1", "Title only ", 2);
    DOC(d, 2, "2", "unquoted title unquoted desc", 3);
    DOC(d, 3, "4", "two fields", 5);
    DOC(d, 4, "2", "a b c", 6);
    assert_int_equal(d->labels->n, 4);
    assert_int_equal(d->label[4], d->label[2]);
    kcb_dataset_free(d);
}

static void test_csv_embedded_comma_quote_newline(void **state)
{
    (void)state;
    struct kcb_dataset *d;
    assert_int_equal(load_text("quoting.csv",
                               "\"1\",\"Hello, world\",\"He said \"\"hi\"\", then left\"\n"
                               "\"2\",\"multi\nline title\",\"desc\r\nwith crlf\"\n"
                               "\"3\",\"after\",\"x\"\n"
                               "\"4\",\"\"\"quoted\"\"\",\",\"\n",
                               KCB_IN_CSV, 0, NULL, &d, NULL),
                     KCB_OK);
    assert_int_equal(d->n, 4);
    DOC(d, 0, "1", "Hello, world He said \"hi\", then left", 1);
    DOC(d, 1, "2", "multi\nline title desc\r\nwith crlf", 2);
    DOC(d, 2, "3", "after x", 5);
    DOC(d, 3, "4", "\"quoted\" ,", 6);
    kcb_dataset_free(d);
}

/* libcsv's only "space" is CR: one at a field's edge goes (a CRLF line end), others stay. */
static void test_csv_carriage_returns(void **state)
{
    (void)state;
    struct kcb_dataset *d;
    assert_int_equal(load_text("cr.csv",
                               "\"a\",\"x\ry\"\r\n" /* 1: inside a quoted field */
                               "b,x\ry\r\n"            /* 2: inside an unquoted one */
                               "c,\"q\"\r\n"          /* 3: CRLF after a closing quote */
                               "\r\n"                  /* 4: an empty line */
                               "d,two\r\nlines\r",     /* 5-6: a CR alone at the end */
                               KCB_IN_CSV, 1, NULL, &d, NULL),
                     KCB_OK);
    assert_int_equal(d->n, 4);
    DOC(d, 0, "a", "x\ry", 1);
    DOC(d, 1, "b", "x\ry", 2);
    DOC(d, 2, "c", "q", 3);
    DOC(d, 3, "d", "two", 5);
    kcb_dataset_free(d);
}

static void test_csv_malformed(void **state)
{
    (void)state;
    assert_load_fails("unterminated.csv", "\"1\",\"a\",\"b\"\n\"2\",\"open\nmore text\n",
                      KCB_IN_CSV, 0, KCB_EFORMAT, 2, "unterminated quoted field");
    assert_load_fails("stray.csv", "\"1\",\"a\",\"b\"\n2,ab\"c,d\n", KCB_IN_CSV, 0, KCB_EFORMAT,
                      2, "quote inside an unquoted field");
    /* every error names the line where its row starts, and the line of the byte if another */
    assert_load_fails("after.csv", "\"1\",\"a\nb\"x,\"c\"\n", KCB_IN_CSV, 0, KCB_EFORMAT, 1,
                      "unexpected character after a closing quote (on line 2)");
    assert_load_fails("nolabel.csv", "\"1\",\"a\",\"b\"\n\"\",\"t\",\"d\"\n", KCB_IN_CSV, 0,
                      KCB_EFORMAT, 2, "missing label");
    assert_load_fails("onefield.csv", "\"1\",\"a\",\"b\"\n\"2\"\n", KCB_IN_CSV, 0, KCB_EFORMAT,
                      2, "expected at least 2 fields");
    /* lines are counted across the newlines inside quotes */
    assert_load_fails("lines.csv", "\"1\",\"a\nb\nc\",\"d\"\n\"2\"\n", KCB_IN_CSV, 0,
                      KCB_EFORMAT, 4, "expected at least 2 fields");
}

static void test_csv_skip_bad(void **state)
{
    (void)state;
    struct kcb_dataset *d;
    struct kcb_diag diag;
    assert_int_equal(load_text("skip.csv",
                               "\"1\",\"good\",\"one\"\n"        /* 1 */
                               "2,ab\"c,d\n"                     /* 2: stray quote */
                               "\"\",\"t\",\"d\"\n"              /* 3: no label */
                               "\"3\",\"x\ny\",\"z\"\n"          /* 4-5 */
                               "\"4\"\n"                         /* 6: one field */
                               "\"1\",\"a\"x,\"b\" tail\n"       /* 7: after quote */
                               "\"2\",\"last\",\"row\"\n"        /* 8 */
                               "\"3\",\"open\n"                  /* 9: unterminated */
                               "\"4\",\"eaten\",\"too\"\n",      /* 10 */
                               KCB_IN_CSV, 1, NULL, &d, &diag),
                     KCB_OK);
    assert_int_equal(d->n, 3);
    DOC(d, 0, "1", "good one", 1);
    DOC(d, 1, "3", "x\ny z", 4);
    DOC(d, 2, "2", "last row", 8);
    assert_int_equal(diag.skipped, 5);
    assert_int_equal(diag.first_skipped_line, 2);
    assert_string_equal(diag.msg, "quote inside an unquoted field");
    assert_int_equal(d->labels->n, 3);
    assert_int_equal(kcb_labels_find(d->labels, "4", 1), -1);
    kcb_dataset_free(d);
}

/* ---- fastText ---- */

static void test_fasttext_good(void **state)
{
    (void)state;
    struct kcb_dataset *d;
    assert_int_equal(load_text("good.ft",
                               "__label__pos great movie\n"
                               "\n"
                               "  __label__neg\tbad  film \r\n"
                               "__label__pos -\n"
                               "   \n"
                               "__label__neu text with __label__x inside\n",
                               KCB_IN_FASTTEXT, 0, NULL, &d, NULL),
                     KCB_OK);
    assert_int_equal(d->format, KCB_IN_FASTTEXT);
    assert_int_equal(d->n, 4);
    DOC(d, 0, "pos", "great movie", 1);
    DOC(d, 1, "neg", "bad  film ", 3);
    DOC(d, 2, "pos", "-", 4);
    DOC(d, 3, "neu", "text with __label__x inside", 6);
    assert_int_equal(d->labels->n, 3);
    kcb_dataset_free(d);
}

/* An empty text is refused in every line format: it would be near every short query. */
static void test_empty_text_refused(void **state)
{
    (void)state;
    assert_load_fails("empty.tsv", "a\tx\nb\t\n", KCB_IN_TSV, 0, KCB_EFORMAT, 2, "empty text");
    assert_load_fails("empty.ft", "__label__a x\n__label__b\n", KCB_IN_FASTTEXT, 0,
                      KCB_EFORMAT, 2, "empty text");
    assert_load_fails("empty.csv", "a,x\nb,\"\"\n", KCB_IN_CSV, 0, KCB_EFORMAT, 2,
                      "empty text");
}

static void test_fasttext_malformed(void **state)
{
    (void)state;
    static const char bad[] = "__label__a ok\npos great\n__label__ y\n__label__a __label__b t\n";
    assert_load_fails("noprefix.ft", "__label__a ok\npos great\n", KCB_IN_FASTTEXT, 0,
                      KCB_EFORMAT, 2, "missing __label__ prefix");
    assert_load_fails("nolabel.ft", "__label__a x\n__label__ y\n", KCB_IN_FASTTEXT, 0,
                      KCB_EFORMAT, 2, "missing label");
    assert_load_fails("multi.ft", "__label__a __label__b text\n", KCB_IN_FASTTEXT, 0,
                      KCB_EFORMAT, 1, "multiple labels not supported");
    struct kcb_dataset *d;
    struct kcb_diag diag;
    assert_int_equal(load_text("skip.ft", bad, KCB_IN_FASTTEXT, 1, NULL, &d, &diag), KCB_OK);
    assert_int_equal(d->n, 1);
    DOC(d, 0, "a", "ok", 1);
    assert_int_equal(diag.skipped, 3);
    assert_int_equal(diag.first_skipped_line, 2);
    assert_string_equal(diag.msg, "missing __label__ prefix");
    kcb_dataset_free(d);
}

/* ---- directories ---- */

static void test_dir_layout(void **state)
{
    (void)state;
    make_dir("corpus");
    make_dir("corpus/sports");
    make_dir("corpus/sports/sub");
    make_dir("corpus/arts");
    make_dir("corpus/empty");
    make_dir("corpus/.git");
    write_text("corpus/sports/b.txt", "ball");
    write_text("corpus/sports/a.txt", "goal");
    write_text("corpus/sports/.hidden", "x");
    write_text("corpus/sports/sub/deep", "not a document");
    write_text("corpus/.git/HEAD", "ref");
    write_text("corpus/README", "not a label");
    write_bytes("corpus/arts/z", "paint\xff\0!", 8);
    write_text("corpus/arts/Empty", "");
    char path[512];
    path_of(path, sizeof path, "corpus");
    for (int f = KCB_IN_AUTO; f <= KCB_IN_DIR; f += KCB_IN_DIR) {
        struct kcb_dataset *d;
        struct kcb_diag diag;
        /* an empty document is a malformed row, named; --skip-bad skips it */
        assert_int_equal(kcb_dataset_load(path, OPTS((enum kcb_informat)f, 0), NULL, &d, &diag),
                         KCB_EFORMAT);
        assert_non_null(strstr(diag.msg, "corpus/arts/Empty: empty text"));
        assert_int_equal(kcb_dataset_load(path, OPTS((enum kcb_informat)f, 1), NULL, &d, &diag), 0);
        assert_int_equal(diag.skipped, 1);
        assert_int_equal(d->format, KCB_IN_DIR);
        assert_int_equal(d->n, 3);
        assert_int_equal(d->labels->n, 2); /* "empty" has no documents, so no label */
        assert_doc(d, 0, "arts", "paint\xff\0!", 8, 0);
        DOC(d, 1, "sports", "goal", 0);
        DOC(d, 2, "sports", "ball", 0);
        kcb_dataset_free(d);
    }
}

static void test_dir_errors(void **state)
{
    (void)state;
    char path[512];
    struct kcb_dataset *d = NULL;
    struct kcb_diag diag;
    make_dir("nodocs");
    make_dir("nodocs/a");
    path_of(path, sizeof path, "nodocs");
    assert_int_equal(kcb_dataset_load(path, OPTS(KCB_IN_DIR, 0), NULL, &d, &diag), KCB_EFORMAT);
    assert_string_equal(diag.msg, "no documents");
    path_of(path, sizeof path, "missing-dir");
    errno = 0;
    assert_int_equal(kcb_dataset_load(path, OPTS(KCB_IN_DIR, 0), NULL, &d, &diag), KCB_EIO);
    assert_int_equal(errno, ENOENT);
    assert_non_null(strstr(diag.msg, "missing-dir"));
    assert_null(d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_tsv_good),
        cmocka_unit_test(test_tsv_crlf_and_blank_lines),
        cmocka_unit_test(test_tsv_malformed),
        cmocka_unit_test(test_tsv_skip_bad),
        cmocka_unit_test(test_csv_ag_news_layout),
        cmocka_unit_test(test_csv_embedded_comma_quote_newline),
        cmocka_unit_test(test_csv_carriage_returns),
        cmocka_unit_test(test_csv_malformed),
        cmocka_unit_test(test_csv_skip_bad),
        cmocka_unit_test(test_fasttext_good),
        cmocka_unit_test(test_empty_text_refused),
        cmocka_unit_test(test_fasttext_malformed),
        cmocka_unit_test(test_dir_layout),
        cmocka_unit_test(test_dir_errors),
    };
    return cmocka_run_group_tests_name("readers", tests, make_root, remove_root);
}
