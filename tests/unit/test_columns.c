/* Unit tests for chosen columns, header rows and the checks of a set: specs, names, detection. */
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

/* ---- the spec ---- */

static void test_columns_parse_good(void **state)
{
    (void)state;
    struct kcb_columns c;
    char why[256];
    assert_int_equal(kcb_columns_parse("label=1,text=3", &c, why, sizeof why), KCB_OK);
    assert_int_equal(c.label.num, 1);
    assert_int_equal(c.ntext, 1);
    assert_int_equal(c.text[0].num, 3);
    assert_false(kcb_columns_named(&c));
    assert_int_equal(kcb_columns_parse("text=title+Body Text,label=Class Index", &c, why,
                                       sizeof why),
                     KCB_OK);
    assert_int_equal(c.label.num, 0);
    assert_string_equal(c.label.name, "Class Index");
    assert_int_equal(c.ntext, 2);
    assert_string_equal(c.text[0].name, "title");
    assert_string_equal(c.text[1].name, "Body Text");
    assert_true(kcb_columns_named(&c));
    assert_int_equal(kcb_columns_parse("label=2,text=4+3+class", &c, why, sizeof why), KCB_OK);
    assert_int_equal(c.ntext, 3);
    assert_int_equal(c.text[0].num, 4);
    assert_int_equal(c.text[1].num, 3);
    assert_string_equal(c.text[2].name, "class");
    assert_true(kcb_columns_named(&c));
    memset(&c, 0, sizeof c);
    assert_false(kcb_columns_named(&c)); /* the format's own layout */
}

/* spec is refused, its reason holding want. */
static void refused(const char *spec, const char *want)
{
    struct kcb_columns c = {.ntext = 5};
    char why[256] = "";
    assert_int_equal(kcb_columns_parse(spec, &c, why, sizeof why), KCB_EINVAL);
    if (!strstr(why, want))
        fail_msg("%s: reason '%s' does not contain '%s'", spec, why, want);
    assert_int_equal(c.ntext, 5); /* *out untouched */
}

static void test_columns_parse_bad(void **state)
{
    (void)state;
    refused("", "expected label=COLUMN");
    refused("label=1", "expected both");
    refused("text=2", "expected both");
    refused("label=1,text=2,label=3", "label given twice");
    refused("label=1,text=2,text=3", "text given twice");
    refused("label=1+2,text=3", "the label is one column");
    refused("label=0,text=1", "numbered from 1");
    refused("label=1,text=", "an empty column");
    refused("label=1,text=2++3", "an empty column");
    refused("label=1,text=2,", "expected label=COLUMN");
    refused("name=1,text=2", "unknown key 'name'");
    refused("label=1,text=1", "column 1 is named twice");
    refused("label=a,text=b+a", "column 'a' is named twice");
    refused("label=1,text=2+3+4+5+6+7+8+9+10", "more than 8 text columns");
    char long_name[128] = "label=1,text=";
    memset(long_name + strlen(long_name), 'x', 70);
    refused(long_name, "longer than 63 bytes");
}

static void test_header_names(void **state)
{
    (void)state;
    static const char *const names[] = {"auto", "yes", "no"};
    enum kcb_header h;
    for (int i = 0; i < 3; i++) {
        assert_int_equal(kcb_header_parse(names[i], &h), KCB_OK);
        assert_int_equal(h, (enum kcb_header)i);
        assert_string_equal(kcb_header_name(h), names[i]);
    }
    assert_int_equal(kcb_header_parse("true", &h), KCB_EINVAL);
    assert_string_equal(kcb_header_name((enum kcb_header)7), "?");
}

/* ---- chosen columns ---- */

/* Options with columns spec, header h, format f. */
static struct kcb_load_opts with_columns(enum kcb_informat f, enum kcb_header h,
                                         const char *spec)
{
    struct kcb_load_opts o = {.format = f, .header = h};
    char why[256];
    if (spec && kcb_columns_parse(spec, &o.columns, why, sizeof why))
        fail_msg("%s: %s", spec, why);
    return o;
}

static void test_csv_columns_by_number(void **state)
{
    (void)state;
    struct kcb_load_opts o = with_columns(KCB_IN_CSV, KCB_HEADER_NO, "label=2,text=4+3");
    struct kcb_dataset *d;
    struct kcb_diag diag;
    assert_int_equal(load_opts("num.csv",
                               "1,sport,\"a, title\",\"the\nbody\",extra\n"
                               "\n"
                               "2,\"world\",t,b\n",
                               &o, NULL, &d, &diag),
                     KCB_OK);
    assert_int_equal(d->n, 2);
    DOC(d, 0, "sport", "the\nbody a, title", 1);
    DOC(d, 1, "world", "b t", 4);
    assert_int_equal(diag.fields, 5);
    assert_int_equal(diag.header_line, 0);
    kcb_dataset_free(d);
    assert_opts_fail("short.csv", "1,a,b,c\n2,a,b\n", &o, KCB_EFORMAT, 2,
                     "expected at least 4 fields, found 3");
    assert_opts_fail("nolabel.csv", "1,a,b,c\n2,,b,c\n", &o, KCB_EFORMAT, 2, "missing label");
}

static void test_csv_columns_by_name(void **state)
{
    (void)state;
    /* a named column implies the header row, whatever --header auto would think */
    struct kcb_load_opts o =
        with_columns(KCB_IN_CSV, KCB_HEADER_AUTO, "label=class,text=title+body");
    struct kcb_dataset *d;
    struct kcb_diag diag;
    assert_int_equal(load_opts("named.csv",
                               "\n\"id\",\"class\",\"body\",\"title\"\n"
                               "1,b,\"body one\",\"title one\"\n"
                               "2,a,\"body two\",title two\n",
                               &o, NULL, &d, &diag),
                     KCB_OK);
    assert_int_equal(d->n, 2);
    DOC(d, 0, "b", "title one body one", 3);
    DOC(d, 1, "a", "title two body two", 4);
    assert_int_equal(diag.header_line, 2);
    assert_int_equal(diag.header_detected, 0);
    assert_int_equal(diag.fields, 4);
    assert_int_equal(d->labels->n, 2);
    kcb_dataset_free(d);
    assert_opts_fail("missing.csv", "id,klass,title,body\n1,a,t,b\n", &o, KCB_ENOTFOUND, 1,
                     "no column 'class' in the header row (its columns: id, klass, title, body)");
    /* a name and a number that are the same column */
    o = with_columns(KCB_IN_CSV, KCB_HEADER_YES, "label=1,text=class");
    assert_opts_fail("same.csv", "class,text\na,b\n", &o, KCB_EINVAL, 1, "named twice");
    o = with_columns(KCB_IN_CSV, KCB_HEADER_NO, "label=class,text=title");
    assert_opts_fail("nohead.csv", "class,title\na,b\n", &o, KCB_EINVAL, 0,
                     "the file is said to have none");
}

static void test_tsv_columns(void **state)
{
    (void)state;
    struct kcb_load_opts o = with_columns(KCB_IN_TSV, KCB_HEADER_AUTO, "label=2,text=1");
    struct kcb_dataset *d;
    struct kcb_diag diag;
    /* every tab separates fields now; a CRLF line end goes */
    assert_int_equal(load_opts("swap.tsv", "some text\tx\r\nmore\tx\tignored\n \ty\n", &o, NULL,
                               &d, &diag),
                     KCB_OK);
    assert_int_equal(d->n, 3);
    DOC(d, 0, "x", "some text", 1);
    DOC(d, 1, "x", "more", 2);
    DOC(d, 2, "y", " ", 3);
    assert_opts_fail("empty.tsv", "t\ta\n\tb\n", &o, KCB_EFORMAT, 2, "empty text");
    assert_int_equal(diag.fields, 2);
    kcb_dataset_free(d);
    assert_opts_fail("onefield.tsv", "t\ta\nno tab\n", &o, KCB_EFORMAT, 2,
                     "expected at least 2 fields, found 1");
    assert_opts_fail("nolabel.tsv", "t\ta\nt\t\n", &o, KCB_EFORMAT, 2, "missing label");
    o = with_columns(KCB_IN_TSV, KCB_HEADER_AUTO, "label=label,text=title+text");
    assert_int_equal(load_opts("named.tsv", "text\tlabel\ttitle\nbody\tpos\thead\n", &o, NULL, &d,
                               &diag),
                     KCB_OK);
    assert_int_equal(d->n, 1);
    DOC(d, 0, "pos", "head body", 2);
    assert_int_equal(diag.header_line, 1);
    kcb_dataset_free(d);
}

static void test_columns_need_tsv_or_csv(void **state)
{
    (void)state;
    struct kcb_load_opts o = with_columns(KCB_IN_AUTO, KCB_HEADER_AUTO, "label=1,text=2");
    assert_opts_fail("cols.ft", "__label__a text\n", &o, KCB_EINVAL, 0,
                     "columns can be chosen in tsv and csv files only, not fasttext");
    struct kcb_load_opts yes = {.format = KCB_IN_DIR, .header = KCB_HEADER_YES};
    struct kcb_dataset *d = NULL;
    struct kcb_diag diag;
    char path[512];
    make_dir("headdir");
    make_dir("headdir/a");
    write_text("headdir/a/doc", "text");
    path_of(path, sizeof path, "headdir");
    assert_int_equal(kcb_dataset_load(path, &yes, NULL, &d, &diag), KCB_EINVAL);
    assert_string_equal(diag.msg, "a directory has no header row");
    assert_null(d);
    struct kcb_load_opts bad = {.header = (enum kcb_header)9};
    assert_int_equal(kcb_dataset_load(path, &bad, NULL, &d, &diag), KCB_EINVAL);
}

/* ---- header rows ---- */

static void test_header_yes(void **state)
{
    (void)state;
    struct kcb_load_opts o = {.header = KCB_HEADER_YES};
    struct kcb_dataset *d;
    struct kcb_diag diag;
    static const char *const files[][2] = {
        {"yes.tsv", "\n\nanything at all\na\tone\n"},
        {"yes.csv", "\n\"a header,\nover two lines\",x\na,one\n"},
        {"yes.ft", "  \nnot a fasttext row\n__label__a one\n"},
    };
    static const long header_at[] = {3, 2, 2};
    for (size_t i = 0; i < 3; i++) {
        assert_int_equal(load_opts(files[i][0], files[i][1], &o, NULL, &d, &diag), KCB_OK);
        assert_int_equal(d->n, 1);
        assert_string_equal(d->labels->name[d->label[0]], "a");
        assert_int_equal(d->text[0].n, 3);
        assert_int_equal(diag.header_line, header_at[i]);
        assert_int_equal(diag.header_detected, 0);
        kcb_dataset_free(d);
    }
}

/* Loads s with header h into a new table; returns the dataset (caller frees). */
static struct kcb_dataset *load_header(const char *name, const char *s, enum kcb_header h,
                                       struct kcb_diag *diag)
{
    struct kcb_load_opts o = {.header = h};
    struct kcb_dataset *d = NULL;
    int rc = load_opts(name, s, &o, NULL, &d, diag);
    if (rc)
        fail_msg("%s: %s (%s)", name, kcb_strerror(rc), diag->msg);
    return d;
}

static void test_header_auto_column_name(void **state)
{
    (void)state;
    static const char s[] = "\xef\xbb\xbf" "Label\ttext\nb\tx y\na\tz\nb\tw\n";
    struct kcb_diag diag;
    struct kcb_dataset *d = load_header("named.tsv", s, KCB_HEADER_AUTO, &diag);
    assert_int_equal(d->n, 3);
    assert_int_equal(diag.header_line, 1);
    assert_int_equal(diag.header_detected, 1);
    assert_string_equal(diag.header_why, "its label 'Label' names a column");
    assert_int_equal(d->labels->n, 2); /* "Label" is gone, the ids renumbered */
    assert_int_equal(kcb_labels_find(d->labels, "Label", 5), -1);
    DOC(d, 0, "b", "x y", 2);
    DOC(d, 1, "a", "z", 3);
    DOC(d, 2, "b", "w", 4);
    assert_int_equal(d->label[0], 0);
    assert_int_equal(d->label[1], 1);
    kcb_dataset_free(d);
    /* --header no keeps it */
    d = load_header("named.tsv", s, KCB_HEADER_NO, &diag);
    assert_int_equal(d->n, 4);
    DOC(d, 0, "Label", "text", 1);
    assert_int_equal(diag.header_line, 0);
    kcb_dataset_free(d);
    /* AG News' own header, in csv: "Class Index" is "classindex" */
    d = load_header("ag.csv", "Class Index,Title,Description\n1,t,d\n2,t,d\n", KCB_HEADER_AUTO,
                    &diag);
    assert_int_equal(d->n, 2);
    assert_string_equal(diag.header_why, "its label 'Class Index' names a column");
    kcb_dataset_free(d);
    /* a label that is a column word, but a class of other rows too, is data */
    d = load_header("class.tsv", "topic\tx\ntopic\ty\n", KCB_HEADER_AUTO, &diag);
    assert_int_equal(d->n, 2);
    assert_int_equal(diag.header_line, 0);
    kcb_dataset_free(d);
}

static void test_header_auto_few_labels(void **state)
{
    (void)state;
    static const char rows[] = "a\t1\nb\t2\na\t3\nb\t4\na\t5\nb\t6\na\t7\nb\t8\na\t9\nb\t10\n";
    char s[256];
    struct kcb_diag diag;
    snprintf(s, sizeof s, "stars\treview body\n%s", rows);
    struct kcb_dataset *d = load_header("few.tsv", s, KCB_HEADER_AUTO, &diag);
    assert_int_equal(d->n, 10);
    assert_int_equal(diag.header_line, 1);
    assert_string_equal(diag.header_why, "its label 'stars' is in no other row, while the other "
                                         "10 rows share 2 labels");
    DOC(d, 0, "a", "1", 2);
    kcb_dataset_free(d);
    /* a long first text is a document */
    snprintf(s, sizeof s, "stars\t%070d\n%s", 0, rows);
    d = load_header("long.tsv", s, KCB_HEADER_AUTO, &diag);
    assert_int_equal(d->n, 11);
    assert_int_equal(diag.header_line, 0);
    kcb_dataset_free(d);
    /* too few rows, or too many labels, to say */
    d = load_header("short.tsv", "stars\tx\na\t1\na\t2\na\t3\na\t4\n", KCB_HEADER_AUTO, &diag);
    assert_int_equal(d->n, 5);
    kcb_dataset_free(d);
    d = load_header("many.tsv", "stars\tx\na\t1\nb\t2\nc\t3\nd\t4\ne\t5\nf\t6\n", KCB_HEADER_AUTO,
                    &diag);
    assert_int_equal(d->n, 7);
    kcb_dataset_free(d);
    /* a first row skipped as malformed leaves the next row alone */
    struct kcb_load_opts o = {.skip_bad = 1};
    snprintf(s, sizeof s, "no tab\nstars\treview body\n%s", rows);
    assert_int_equal(load_opts("skip.tsv", s, &o, NULL, &d, &diag), KCB_OK);
    assert_int_equal(d->n, 11);
    assert_int_equal(diag.header_line, 0);
    kcb_dataset_free(d);
}

/* A test set whose first label the training set has is never taken for a header. */
static void test_header_auto_shared_labels(void **state)
{
    (void)state;
    struct kcb_labels *l;
    struct kcb_dataset *train, *test;
    struct kcb_diag diag;
    assert_int_equal(kcb_labels_new(&l), KCB_OK);
    assert_int_equal(load_text("tr.tsv", "label\tx\na\ty\nb\tz\n", KCB_IN_AUTO, 0, l, &train,
                               &diag),
                     KCB_OK);
    assert_int_equal(diag.header_line, 1);
    assert_int_equal(l->n, 2);
    static const char rows[] = "a\t1\nb\t2\na\t3\nb\t4\na\t5\nb\t6\na\t7\nb\t8\na\t9\nb\t10\n";
    char s[256];
    snprintf(s, sizeof s, "c\tshort\n%s", rows);
    assert_int_equal(load_text("te.tsv", s, KCB_IN_AUTO, 0, l, &test, &diag), KCB_OK);
    assert_int_equal(test->n, 10); /* c: in no other row, few labels, short: a header */
    kcb_dataset_free(test);
    assert_int_equal(l->n, 2);
    snprintf(s, sizeof s, "b\tshort\n%s", rows);
    assert_int_equal(load_text("te2.tsv", s, KCB_IN_AUTO, 0, l, &test, &diag), KCB_OK);
    assert_int_equal(test->n, 11); /* b is a training label: data */
    assert_int_equal(diag.header_line, 0);
    kcb_dataset_free(test);
    kcb_dataset_free(train);
    kcb_labels_free(l);
}

/* ---- mostly unique labels ---- */

/* n rows "text i<TAB>label", the columns the other way round, into buf. */
static void swapped(char *buf, size_t cap, int n)
{
    size_t at = 0;
    for (int i = 0; i < n; i++)
        at += (size_t)snprintf(buf + at, cap - at, "text number %d of the set\tlab%d\n", i, i % 3);
}

static void test_unique_labels_refused(void **state)
{
    (void)state;
    char s[4096];
    struct kcb_dataset *d = NULL;
    struct kcb_diag diag;
    swapped(s, sizeof s, 20);
    assert_int_equal(load_text("sw.tsv", s, KCB_IN_AUTO, 0, NULL, &d, &diag), KCB_EFORMAT);
    assert_null(d);
    assert_int_equal(diag.unique, 20);
    assert_int_equal(diag.line, 1);
    assert_int_equal(diag.fields, 2);
    assert_string_equal(diag.msg, "20 of 20 rows have a label that no other row has (this one: "
                                  "'text number 0 of the set')");
    struct kcb_load_opts allow = {.allow_unique_labels = 1};
    assert_int_equal(load_opts("sw.tsv", s, &allow, NULL, &d, &diag), KCB_OK);
    assert_int_equal(d->n, 20);
    kcb_dataset_free(d);
    struct kcb_load_opts cols = with_columns(KCB_IN_AUTO, KCB_HEADER_AUTO, "label=2,text=1");
    assert_int_equal(load_opts("sw.tsv", s, &cols, NULL, &d, &diag), KCB_OK);
    assert_int_equal(d->labels->n, 3);
    kcb_dataset_free(d);
    swapped(s, sizeof s, 19); /* under KCB_UNIQUE_MIN_ROWS */
    assert_int_equal(load_text("sw19.tsv", s, KCB_IN_AUTO, 0, NULL, &d, &diag), KCB_OK);
    kcb_dataset_free(d);
}

static void test_unique_labels_half(void **state)
{
    (void)state;
    char s[4096];
    size_t at = 0;
    struct kcb_dataset *d = NULL;
    struct kcb_diag diag;
    for (int i = 0; i < 10; i++) /* 10 of 20 rows with a label of their own: not more than half */
        at += (size_t)snprintf(s + at, sizeof s - at, "own%d\tx\ncommon\ty%d\n", i, i);
    assert_int_equal(load_text("half.tsv", s, KCB_IN_AUTO, 0, NULL, &d, &diag), KCB_OK);
    kcb_dataset_free(d);
    snprintf(s + at, sizeof s - at, "own10\tx\n");
    assert_int_equal(load_text("more.tsv", s, KCB_IN_AUTO, 0, NULL, &d, &diag), KCB_EFORMAT);
    assert_int_equal(diag.unique, 11);
    /* labels a shared table held before are not a row's own */
    struct kcb_labels *l;
    assert_int_equal(kcb_labels_new(&l), KCB_OK);
    for (int i = 0; i < 11; i++) {
        char name[16];
        int id, len = snprintf(name, sizeof name, "own%d", i);
        assert_int_equal(kcb_labels_intern(l, name, (size_t)len, &id), KCB_OK);
    }
    assert_int_equal(load_text("more.tsv", s, KCB_IN_AUTO, 0, l, &d, &diag), KCB_OK);
    assert_int_equal(d->n, 21);
    kcb_dataset_free(d);
    kcb_labels_free(l);
}

/* A swapped file with a header: the header goes, and the labels are still refused. */
static void test_unique_after_header(void **state)
{
    (void)state;
    char s[4096] = "text\tlabel\n";
    struct kcb_dataset *d = NULL;
    struct kcb_diag diag;
    swapped(s + strlen(s), sizeof s - strlen(s), 30);
    assert_int_equal(load_text("swh.tsv", s, KCB_IN_AUTO, 0, NULL, &d, &diag), KCB_EFORMAT);
    assert_int_equal(diag.header_line, 1);
    assert_int_equal(diag.unique, 30);
    assert_int_equal(diag.line, 2);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_columns_parse_good),
        cmocka_unit_test(test_columns_parse_bad),
        cmocka_unit_test(test_header_names),
        cmocka_unit_test(test_csv_columns_by_number),
        cmocka_unit_test(test_csv_columns_by_name),
        cmocka_unit_test(test_tsv_columns),
        cmocka_unit_test(test_columns_need_tsv_or_csv),
        cmocka_unit_test(test_header_yes),
        cmocka_unit_test(test_header_auto_column_name),
        cmocka_unit_test(test_header_auto_few_labels),
        cmocka_unit_test(test_header_auto_shared_labels),
        cmocka_unit_test(test_unique_labels_refused),
        cmocka_unit_test(test_unique_labels_half),
        cmocka_unit_test(test_unique_after_header),
    };
    return cmocka_run_group_tests_name("columns", tests, make_root, remove_root);
}
