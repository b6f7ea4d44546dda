/* Unit tests for the cli's table writer across rows and tables: streaming, gaps, wide tables. */
#include "table_test.h"

/* ---- streaming, gaps, several tables ---- */

static const struct kcb_col stream_cols[] = {
    {"name", NULL, KCB_COL_TEXT, 0, 0, 0, 6},
    {"value", NULL, KCB_COL_NUM, 3, 0, 0, 8},
};

/* Adds row (name, value) to t, then flushes the capture and returns what it holds so far. */
static const char *row_and_peek(kcb_table *t, struct kcb_test_capture *cap, const char *name,
                                double value)
{
    const struct kcb_cell cells[] = {kcb_cell_text(name), kcb_cell_real(value)};
    assert_int_equal(kcb_table_row(t, cells), KCB_OK);
    assert_int_equal(fflush(cap->fp), 0);
    return cap->len ? cap->text : "";
}

/* Each row is out at once, at the declared widths (a longer cell is not cut). */
static void test_table_stream(void **state)
{
    (void)state;
    struct kcb_test_capture cap;
    struct kcb_out o;
    kcb_table *t;
    assert_int_equal(kcb_test_capture_begin(&cap), 0);
    kcb_out_init(&o, cap.fp, KCB_FMT_TABLE);
    assert_int_equal(kcb_table_begin(&o, stream_cols, 2, "live", KCB_TABLE_STREAM, &t), KCB_OK);
    assert_int_equal(fflush(cap.fp), 0);
    assert_string_equal(cap.text, "# live\nname       value\n");
    assert_string_equal(row_and_peek(t, &cap, "ab", 1.5),
                        "# live\nname       value\nab         1.500\n");
    kcb_table_gap(t);
    row_and_peek(t, &cap, "a-much-longer-name", 123456.789);
    assert_int_equal(kcb_table_end(t), KCB_OK);
    assert_int_equal(kcb_test_capture_end(&cap), 0);
    assert_string_equal(cap.text, "# live\n"
                                  "name       value\n"
                                  "ab         1.500\n"
                                  "\n"
                                  "a-much-longer-name  123456.789\n");
    assert_no_trailing_blanks(cap.text);
    free(cap.text);
}

/* Without KCB_TABLE_STREAM a table waits for its end, to size its columns to every row;
 * the declared width is the least width. */
static void test_table_buffered(void **state)
{
    (void)state;
    struct kcb_test_capture cap;
    struct kcb_out o;
    kcb_table *t;
    assert_int_equal(kcb_test_capture_begin(&cap), 0);
    kcb_out_init(&o, cap.fp, KCB_FMT_TABLE);
    assert_int_equal(kcb_table_begin(&o, stream_cols, 2, "later", 0, &t), KCB_OK);
    assert_string_equal(row_and_peek(t, &cap, "ab", 1.5), "");
    assert_string_equal(row_and_peek(t, &cap, "a-much-longer-name", 123456.789), "");
    assert_int_equal(kcb_table_end(t), KCB_OK);
    assert_int_equal(kcb_test_capture_end(&cap), 0);
    assert_string_equal(cap.text, "# later\n"
                                  "name                     value\n"
                                  "ab                       1.500\n"
                                  "a-much-longer-name  123456.789\n");
    free(cap.text);
}

/* The other formats stream anyway: KCB_TABLE_STREAM changes nothing there. */
static void test_stream_flag_elsewhere(void **state)
{
    (void)state;
    struct tab tb = sample();
    for (enum kcb_format f = 0; f < KCB_NFORMATS; f++) {
        if (f == KCB_FMT_TABLE || f == KCB_FMT_PHYLIP)
            continue;
        char *a = emit(f, &tb, "t", 0), *b = emit(f, &tb, "t", KCB_TABLE_STREAM);
        assert_string_equal(a, b);
        free(a);
        free(b);
    }
}

/* Writes rows r0..r3 of one text column with gaps after r0, after r2 (twice), after r3 (the
 * end) and before any row; returns the text. */
static char *with_gaps(enum kcb_format f, unsigned flags)
{
    static const struct kcb_col cols[] = {{"r", NULL, KCB_COL_TEXT, 0, 0, KCB_COL_PLAIN, 0}};
    static const char *const rows[] = {"r0", "r1", "r2", "r3"};
    struct kcb_test_capture cap;
    struct kcb_out o;
    kcb_table *t;
    assert_int_equal(kcb_test_capture_begin(&cap), 0);
    kcb_out_init(&o, cap.fp, f);
    assert_int_equal(kcb_table_begin(&o, cols, 1, NULL, flags, &t), KCB_OK);
    kcb_table_gap(t);
    for (size_t i = 0; i < 4; i++) {
        struct kcb_cell c = kcb_cell_text(rows[i]);
        assert_int_equal(kcb_table_row(t, &c), KCB_OK);
        if (i != 1)
            kcb_table_gap(t);
        if (i == 2)
            kcb_table_gap(t);
    }
    assert_int_equal(kcb_table_end(t), KCB_OK);
    assert_int_equal(kcb_test_capture_end(&cap), 0);
    return cap.text;
}

/* A gap is one blank line between groups in table format, and nothing in the others. */
static void test_gap(void **state)
{
    (void)state;
    char *got = with_gaps(KCB_FMT_TABLE, 0);
    assert_string_equal(got, "r\nr0\n\nr1\nr2\n\nr3\n");
    free(got);
    got = with_gaps(KCB_FMT_TABLE, KCB_TABLE_STREAM); /* printed as asked, at once */
    assert_string_equal(got, "r\nr0\n\nr1\nr2\n\n\nr3\n\n");
    free(got);
    static const char *const want[] = {
        [KCB_FMT_PLAIN] = "r0\nr1\nr2\nr3\n",
        [KCB_FMT_CSV] = "r\nr0\nr1\nr2\nr3\n",
        [KCB_FMT_TSV] = "r\nr0\nr1\nr2\nr3\n",
        [KCB_FMT_JSON] = "[{\"r\":\"r0\"},\n{\"r\":\"r1\"},\n{\"r\":\"r2\"},\n{\"r\":\"r3\"}]\n",
        [KCB_FMT_MD] = "| r |\n|---|\n| r0 |\n| r1 |\n| r2 |\n| r3 |\n",
    };
    for (enum kcb_format f = 0; f < KCB_NFORMATS; f++) {
        if (!want[f])
            continue;
        got = with_gaps(f, 0);
        assert_string_equal(got, want[f]);
        free(got);
    }
}

/* Returns two one-row tables written one after the other to one kcb_out in format f. */
static char *two_tables(enum kcb_format f)
{
    static const struct kcb_col cols[] = {{"h", NULL, KCB_COL_TEXT, 0, 0, KCB_COL_PLAIN, 0}};
    const struct kcb_cell one[] = {kcb_cell_text("first")}, two[] = {kcb_cell_text("second")};
    struct kcb_test_capture cap;
    struct kcb_out o;
    assert_int_equal(kcb_test_capture_begin(&cap), 0);
    kcb_out_init(&o, cap.fp, f);
    put_table(&o, &TAB(cols, one), "one", 0);
    assert_int_equal(o.tables, 1);
    put_table(&o, &TAB(cols, two), "two", 0);
    assert_int_equal(o.tables, 2);
    assert_int_equal(kcb_test_capture_end(&cap), 0);
    return cap.text;
}

/* Tables follow one another, a blank line apart in the formats for people (table, md and
 * plain, as ncd's matrices of several compressors were before); csv runs on. */
static void test_two_tables(void **state)
{
    (void)state;
    char *got = two_tables(KCB_FMT_TABLE);
    assert_string_equal(got, "# one\nh\nfirst\n\n# two\nh\nsecond\n");
    free(got);
    got = two_tables(KCB_FMT_MD);
    assert_string_equal(got, "**one**\n\n| h |\n|---|\n| first |\n\n"
                             "**two**\n\n| h |\n|---|\n| second |\n");
    free(got);
    got = two_tables(KCB_FMT_PLAIN);
    assert_string_equal(got, "first\n\nsecond\n");
    free(got);
    got = two_tables(KCB_FMT_CSV);
    assert_string_equal(got, "h\nfirst\nh\nsecond\n");
    free(got);
}

/* ---- wide tables ---- */

enum { WIDE_COLS = 70, WIDE_ROWS = 100 };

/* 70 numeric columns "c0".."c69" (every third shown to people only) and 100 rows of
 * 100*r + c: more columns and rows than any first allocation. */
static struct tab wide(void)
{
    static char names[WIDE_COLS][8];
    static struct kcb_col cols[WIDE_COLS];
    static struct kcb_cell cells[WIDE_ROWS * WIDE_COLS];
    for (size_t c = 0; c < WIDE_COLS; c++) {
        snprintf(names[c], sizeof names[c], "c%zu", c);
        cols[c] = (struct kcb_col){names[c], NULL, KCB_COL_NUM, 0, 0,
                                   c % 3 == 2 ? KCB_COL_HUMAN : 0, 0};
    }
    for (size_t r = 0; r < WIDE_ROWS; r++)
        for (size_t c = 0; c < WIDE_COLS; c++)
            cells[r * WIDE_COLS + c] = kcb_cell_int((long long)(100 * r + c));
    return (struct tab){cols, WIDE_COLS, cells, WIDE_ROWS};
}

/* In table format every column is 4 wide (the widest value is 9969), right-aligned. */
static void test_wide_table(void **state)
{
    (void)state;
    struct tab tb = wide();
    char *got = emit(KCB_FMT_TABLE, &tb, NULL, 0);
    assert_no_trailing_blanks(got);
    const char *line = got;
    for (size_t r = 0; r <= WIDE_ROWS; r++) {
        char want[WIDE_COLS * 6 + 2], *p = want;
        for (size_t c = 0; c < WIDE_COLS; c++) {
            char cell[8];
            if (r == 0)
                snprintf(cell, sizeof cell, "c%zu", c);
            else
                snprintf(cell, sizeof cell, "%zu", 100 * (r - 1) + c);
            p += sprintf(p, "%s%4s", c ? "  " : "", cell);
        }
        strcpy(p, "\n");
        assert_int_equal(strncmp(line, want, strlen(want)), 0);
        line += strlen(want);
    }
    assert_string_equal(line, "");
    free(got);
}

/* In json and csv the people-only columns are left out, and the rest keep their values. */
static void test_wide_json_and_csv(void **state)
{
    (void)state;
    struct tab tb = wide();
    char *text = emit(KCB_FMT_JSON, &tb, NULL, 0);
    json_t *root = parse_json(text);
    assert_int_equal(json_array_size(root), WIDE_ROWS);
    for (size_t r = 0; r < WIDE_ROWS; r++) {
        json_t *obj = json_array_get(root, r);
        assert_int_equal(json_object_size(obj), WIDE_COLS - WIDE_COLS / 3);
        for (size_t c = 0; c < WIDE_COLS; c++) {
            json_t *v = json_object_get(obj, tb.cols[c].name);
            if (c % 3 == 2)
                assert_null(v);
            else
                assert_int_equal(json_integer_value(v), 100 * r + c);
        }
    }
    json_decref(root);
    free(text);
    text = emit(KCB_FMT_CSV, &tb, NULL, 0);
    assert_int_equal(strncmp(text, "c0,c1,c3,c4,c6,c7,c9,", 21), 0);
    char *last = strrchr(text, ',');
    assert_string_equal(last, ",9969\n"); /* c69 is shown: 69 % 3 == 0 */
    size_t lines = 0;
    for (const char *p = text; (p = strchr(p, '\n')) != NULL; p++)
        lines++;
    assert_int_equal(lines, WIDE_ROWS + 1);
    free(text);
}

/* ---- errors ---- */

/* A stream that refuses writes makes kcb_table_end report KCB_EIO, in every format. */
static void test_stream_error(void **state)
{
    (void)state;
    struct tab tb = sample();
    for (enum kcb_format f = 0; f < KCB_NFORMATS; f++) {
        if (f == KCB_FMT_PHYLIP)
            continue;
        FILE *fp = fopen("/dev/null", "r");
        assert_non_null(fp);
        struct kcb_out o;
        kcb_table *t;
        kcb_out_init(&o, fp, f);
        assert_int_equal(kcb_table_begin(&o, tb.cols, tb.ncols, "t", 0, &t), KCB_OK);
        for (size_t r = 0; r < tb.nrows; r++)
            assert_int_equal(kcb_table_row(t, tb.cells + r * tb.ncols), KCB_OK);
        assert_int_equal(kcb_table_end(t), KCB_EIO);
        fclose(fp);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_table_stream),
        cmocka_unit_test(test_table_buffered),
        cmocka_unit_test(test_stream_flag_elsewhere),
        cmocka_unit_test(test_gap),
        cmocka_unit_test(test_two_tables),
        cmocka_unit_test(test_wide_table),
        cmocka_unit_test(test_wide_json_and_csv),
        cmocka_unit_test(test_stream_error),
    };
    return cmocka_run_group_tests_name("table_stream", tests, NULL, NULL);
}
