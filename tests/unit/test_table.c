/* Unit tests for the cli's table writer: format names, each format's text, flags, digits. */
#include <limits.h>

#include "table_test.h"

/* ---- format names ---- */

static void test_format_names(void **state)
{
    (void)state;
    static const struct {
        const char *name;
        enum kcb_format f;
    } all[] = {
        {"plain", KCB_FMT_PLAIN}, {"table", KCB_FMT_TABLE},   {"csv", KCB_FMT_CSV},
        {"tsv", KCB_FMT_TSV},     {"json", KCB_FMT_JSON},     {"phylip", KCB_FMT_PHYLIP},
        {"md", KCB_FMT_MD},
    };
    assert_int_equal(sizeof all / sizeof all[0], KCB_NFORMATS);
    for (size_t i = 0; i < sizeof all / sizeof all[0]; i++) {
        enum kcb_format f = KCB_FMT_PLAIN;
        assert_int_equal(kcb_format_parse(all[i].name, &f), 0);
        assert_int_equal(f, all[i].f);
        assert_string_equal(kcb_format_name(all[i].f), all[i].name);
    }
    enum kcb_format f = KCB_FMT_PLAIN;
    assert_int_equal(kcb_format_parse("markdown", &f), 0);
    assert_int_equal(f, KCB_FMT_MD);
    assert_string_equal(kcb_format_name(KCB_FMT_MD), "md"); /* the canonical name */
    assert_string_equal(kcb_format_name((enum kcb_format)42), "?");
    assert_string_equal(kcb_format_name(KCB_NFORMATS), "?");
}

static void test_format_parse_rejects(void **state)
{
    (void)state;
    static const char *const bad[] = {"",     "JSON",      "Json", "csv ", " tsv", "mark",
                                      "markdowns", "Markdown", "newick", "txt", "table,"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        enum kcb_format f = KCB_FMT_PHYLIP;
        assert_int_equal(kcb_format_parse(bad[i], &f), -1);
        assert_int_equal(f, KCB_FMT_PHYLIP); /* untouched */
    }
}

static void test_format_human(void **state)
{
    (void)state;
    assert_int_equal(kcb_format_human(KCB_FMT_TABLE), 1);
    assert_int_equal(kcb_format_human(KCB_FMT_MD), 1);
    assert_int_equal(kcb_format_human(KCB_FMT_PLAIN), 1);
    assert_int_equal(kcb_format_human(KCB_FMT_CSV), 0);
    assert_int_equal(kcb_format_human(KCB_FMT_TSV), 0);
    assert_int_equal(kcb_format_human(KCB_FMT_JSON), 0);
    assert_int_equal(KCB_FMTS_TABLES, (1u << KCB_FMT_TABLE) | (1u << KCB_FMT_MD) |
                                          (1u << KCB_FMT_CSV) | (1u << KCB_FMT_TSV) |
                                          (1u << KCB_FMT_JSON));
    assert_int_equal(KCB_FMTS_ALL, 0x7f);
}

/* ---- every format, one sample table ---- */

/* Widths 9, 5, 4, 3 and 4: text left, numbers and booleans right, two blanks between, the
 * last column unpadded; "café" is 4 wide. */
static void test_table(void **state)
{
    (void)state;
    struct tab tb = sample();
    const char *body = "codec    " "  " "ratio" "  " "size" "  " " ok" "  " "note\n"
                       "gzip     " "  " " 3.14" "  " "1234" "  " "yes" "  " "fast\n"
                       "zstd-long" "  " "10.50" "  " "   7" "  " " no" "  " "x\n"
                       "caf\xc3\xa9     " "  " "    -" "  " "   -" "  " "yes" "  " "n/a\n";
    char want[512];
    snprintf(want, sizeof want, "# results\n%s", body);
    check(KCB_FMT_TABLE, &tb, "results", 0, want);
    check(KCB_FMT_TABLE, &tb, NULL, 0, body);
}

static void test_md(void **state)
{
    (void)state;
    struct tab tb = sample();
    const char *body = "| codec | ratio | size | ok | note |\n"
                       "|---|---:|---:|---:|---|\n"
                       "| gzip | 3.14 | 1234 | yes | fast |\n"
                       "| zstd-long | 10.50 | 7 | no | x |\n"
                       "| caf\xc3\xa9 | - | - | yes | n/a |\n";
    char want[512];
    snprintf(want, sizeof want, "**results**\n\n%s", body);
    check(KCB_FMT_MD, &tb, "results", 0, want);
    check(KCB_FMT_MD, &tb, NULL, 0, body);
}

/* Column names (not heads), machine digits, true/false, empty fields for NaN and NULL; the
 * title is not shown. */
static void test_csv(void **state)
{
    (void)state;
    struct tab tb = sample();
    check(KCB_FMT_CSV, &tb, "results", 0,
          "name,ratio,size,ok,note\n"
          "gzip,3.1416,1234,true,fast\n"
          "zstd-long,10.5000,7,false,x\n"
          "caf\xc3\xa9,,,true,n/a\n");
}

static void test_tsv(void **state)
{
    (void)state;
    struct tab tb = sample();
    check(KCB_FMT_TSV, &tb, "results", 0,
          "name\tratio\tsize\tok\tnote\n"
          "gzip\t3.1416\t1234\ttrue\tfast\n"
          "zstd-long\t10.5000\t7\tfalse\tx\n"
          "caf\xc3\xa9\t\t\ttrue\tn/a\n");
}

static void test_json(void **state)
{
    (void)state;
    struct tab tb = sample();
    check(KCB_FMT_JSON, &tb, "results", 0,
          "[{\"name\":\"gzip\",\"ratio\":3.1416,\"size\":1234,\"ok\":true,\"note\":\"fast\"},\n"
          "{\"name\":\"zstd-long\",\"ratio\":10.5000,\"size\":7,\"ok\":false,\"note\":\"x\"},\n"
          "{\"name\":\"caf\xc3\xa9\",\"ratio\":null,\"size\":null,\"ok\":true,"
          "\"note\":\"n/a\"}]\n");
}

/* What a JSON reader sees: one array of objects keyed by column name, with typed values. */
static void test_json_parses_to_typed_values(void **state)
{
    (void)state;
    struct tab tb = sample();
    char *text = emit(KCB_FMT_JSON, &tb, "results", 0);
    json_t *root = parse_json(text);
    assert_true(json_is_array(root));
    assert_int_equal(json_array_size(root), 3);
    json_t *r0 = json_array_get(root, 0), *r2 = json_array_get(root, 2);
    assert_int_equal(json_object_size(r0), 5);
    assert_string_equal(json_string_value(json_object_get(r0, "name")), "gzip");
    assert_true(json_real_value(json_object_get(r0, "ratio")) == 3.1416);
    assert_int_equal(json_integer_value(json_object_get(r0, "size")), 1234);
    assert_true(json_is_true(json_object_get(r0, "ok")));
    assert_true(json_is_false(json_object_get(json_array_get(root, 1), "ok")));
    assert_string_equal(json_string_value(json_object_get(r2, "name")), "caf\xc3\xa9");
    assert_true(json_is_null(json_object_get(r2, "ratio")));
    assert_true(json_is_null(json_object_get(r2, "size")));
    json_decref(root);
    free(text);
}

/* Only the KCB_COL_PLAIN columns, people's digits, the table's separator. */
static void test_plain(void **state)
{
    (void)state;
    struct tab tb = sample();
    check(KCB_FMT_PLAIN, &tb, "results", 0,
          "gzip\t3.14\n"
          "zstd-long\t10.50\n"
          "caf\xc3\xa9\t-\n");
    struct kcb_test_capture cap;
    struct kcb_out o;
    kcb_table *t;
    assert_int_equal(kcb_test_capture_begin(&cap), 0);
    kcb_out_init(&o, cap.fp, KCB_FMT_PLAIN);
    assert_int_equal(kcb_table_begin(&o, tb.cols, tb.ncols, "results", 0, &t), KCB_OK);
    kcb_table_plain_sep(t, " :: ");
    for (size_t r = 0; r < tb.nrows; r++)
        assert_int_equal(kcb_table_row(t, tb.cells + r * tb.ncols), KCB_OK);
    assert_int_equal(kcb_table_end(t), KCB_OK);
    assert_int_equal(kcb_test_capture_end(&cap), 0);
    assert_string_equal(cap.text, "gzip :: 3.14\nzstd-long :: 10.50\ncaf\xc3\xa9 :: -\n");
    free(cap.text);
}

/* The output's plain separator ("\t" unless set) is every table's default on it. */
static void test_plain_sep_of_out(void **state)
{
    (void)state;
    struct tab tb = sample();
    tb.nrows = 2;
    struct kcb_test_capture cap;
    struct kcb_out o;
    assert_int_equal(kcb_test_capture_begin(&cap), 0);
    kcb_out_init(&o, cap.fp, KCB_FMT_PLAIN);
    assert_string_equal(o.plain_sep, "\t");
    assert_int_equal(o.tables, 0);
    o.plain_sep = " ";
    put_table(&o, &tb, NULL, 0);
    put_table(&o, &tb, NULL, 0);
    assert_int_equal(kcb_test_capture_end(&cap), 0);
    assert_string_equal(cap.text, "gzip 3.14\nzstd-long 10.50\n\ngzip 3.14\nzstd-long 10.50\n");
    free(cap.text);
}

/* With no rows: the header alone, "[]" in json, nothing in plain. */
static void test_no_rows(void **state)
{
    (void)state;
    struct tab tb = sample();
    tb.nrows = 0;
    check(KCB_FMT_TABLE, &tb, "empty", 0, "# empty\ncodec  ratio  size  ok  note\n");
    check(KCB_FMT_MD, &tb, NULL, 0,
          "| codec | ratio | size | ok | note |\n|---|---:|---:|---:|---|\n");
    check(KCB_FMT_CSV, &tb, NULL, 0, "name,ratio,size,ok,note\n");
    check(KCB_FMT_TSV, &tb, NULL, 0, "name\tratio\tsize\tok\tnote\n");
    check(KCB_FMT_JSON, &tb, NULL, 0, "[]\n");
    check(KCB_FMT_PLAIN, &tb, NULL, 0, "");
}

/* ---- column flags ---- */

static const struct kcb_col flag_cols[] = {
    {"a", NULL, KCB_COL_TEXT, 0, 0, 0, 0},
    {"b", NULL, KCB_COL_TEXT, 0, 0, KCB_COL_HUMAN, 0},
    {"c", NULL, KCB_COL_TEXT, 0, 0, KCB_COL_MACHINE, 0},
    {"d", NULL, KCB_COL_TEXT, 0, 0, KCB_COL_PLAIN, 0},
    {"e", NULL, KCB_COL_TEXT, 0, 0, KCB_COL_HIDE, 0},
    {"f", NULL, KCB_COL_TEXT, 0, 0, KCB_COL_HUMAN | KCB_COL_PLAIN, 0},
    {"g", NULL, KCB_COL_TEXT, 0, 0, KCB_COL_HIDE | KCB_COL_PLAIN, 0},
    {"j", NULL, KCB_COL_JSON, 0, 0, 0, 0},
};

/* HUMAN: table, md, plain; MACHINE: csv, tsv, json; PLAIN: the only ones in plain; HIDE:
 * nowhere; a JSON column only in json, verbatim. */
static void test_column_flags(void **state)
{
    (void)state;
    const struct kcb_cell cells[] = {
        kcb_cell_text("A"), kcb_cell_text("B"), kcb_cell_text("C"), kcb_cell_text("D"),
        kcb_cell_text("E"), kcb_cell_text("F"), kcb_cell_text("G"),
        kcb_cell_json("{\"k\": [1, 2.5, null]}"),
    };
    struct tab tb = TAB(flag_cols, cells);
    check(KCB_FMT_TABLE, &tb, NULL, 0, "a  b  d  f\nA  B  D  F\n");
    check(KCB_FMT_MD, &tb, NULL, 0, "| a | b | d | f |\n|---|---|---|---|\n| A | B | D | F |\n");
    check(KCB_FMT_CSV, &tb, NULL, 0, "a,c,d\nA,C,D\n");
    check(KCB_FMT_TSV, &tb, NULL, 0, "a\tc\td\nA\tC\tD\n");
    check(KCB_FMT_JSON, &tb, NULL, 0,
          "[{\"a\":\"A\",\"c\":\"C\",\"d\":\"D\",\"j\":{\"k\": [1, 2.5, null]}}]\n");
    check(KCB_FMT_PLAIN, &tb, NULL, 0, "D\tF\n");
}

/* A NULL cell of a JSON column is null; the parsed object holds the JSON value itself. */
static void test_json_column_values(void **state)
{
    (void)state;
    static const struct kcb_col cols[] = {
        {"id", NULL, KCB_COL_NUM, 0, 0, 0, 0},
        {"extra", NULL, KCB_COL_JSON, 0, 0, 0, 0},
    };
    const struct kcb_cell cells[] = {
        kcb_cell_int(1), kcb_cell_json("[\"x\", {\"y\": true}]"),
        kcb_cell_int(2), kcb_cell_null(),
    };
    struct tab tb = TAB(cols, cells);
    char *text = emit(KCB_FMT_JSON, &tb, NULL, 0);
    assert_string_equal(text, "[{\"id\":1,\"extra\":[\"x\", {\"y\": true}]},\n"
                              "{\"id\":2,\"extra\":null}]\n");
    json_t *root = parse_json(text);
    json_t *extra = json_object_get(json_array_get(root, 0), "extra");
    assert_true(json_is_array(extra));
    assert_true(json_is_true(json_object_get(json_array_get(extra, 1), "y")));
    json_decref(root);
    free(text);
    check(KCB_FMT_CSV, &tb, NULL, 0, "id\n1\n2\n");
    check(KCB_FMT_TABLE, &tb, NULL, 0, "id\n 1\n 2\n");
}

/* ---- digits ---- */

static const struct kcb_col prec_cols[] = {
    {"p2", NULL, KCB_COL_NUM, 2, 0, KCB_COL_PLAIN, 0},   /* mprec 0: as prec */
    {"p2m5", NULL, KCB_COL_NUM, 2, 5, KCB_COL_PLAIN, 0},
    {"g", NULL, KCB_COL_NUM, -1, 0, KCB_COL_PLAIN, 0},   /* %g everywhere */
    {"gm3", NULL, KCB_COL_NUM, -1, 3, KCB_COL_PLAIN, 0}, /* %g for people, 3 for machines */
    {"p0", NULL, KCB_COL_NUM, 0, 0, KCB_COL_PLAIN, 0},
};

static struct tab prec_table(void)
{
    static struct kcb_cell cells[10];
    const double v[2] = {1.0 / 3.0, 12345678.0};
    for (size_t r = 0; r < 2; r++)
        for (size_t c = 0; c < 5; c++)
            cells[r * 5 + c] = kcb_cell_real(v[r]);
    return TAB(prec_cols, cells);
}

/* prec in table, md and plain; mprec (0: prec) in csv, tsv and json; negative: %g. */
static void test_prec_and_mprec(void **state)
{
    (void)state;
    struct tab tb = prec_table();
    check(KCB_FMT_PLAIN, &tb, NULL, 0,
          "0.33\t0.33\t0.333333\t0.333333\t0\n"
          "12345678.00\t12345678.00\t1.23457e+07\t1.23457e+07\t12345678\n");
    check(KCB_FMT_MD, &tb, NULL, 0,
          "| p2 | p2m5 | g | gm3 | p0 |\n|---:|---:|---:|---:|---:|\n"
          "| 0.33 | 0.33 | 0.333333 | 0.333333 | 0 |\n"
          "| 12345678.00 | 12345678.00 | 1.23457e+07 | 1.23457e+07 | 12345678 |\n");
    check(KCB_FMT_CSV, &tb, NULL, 0,
          "p2,p2m5,g,gm3,p0\n"
          "0.33,0.33333,0.333333,0.333,0\n"
          "12345678.00,12345678.00000,1.23457e+07,12345678.000,12345678\n");
    check(KCB_FMT_JSON, &tb, NULL, 0,
          "[{\"p2\":0.33,\"p2m5\":0.33333,\"g\":0.333333,\"gm3\":0.333,\"p0\":0},\n"
          "{\"p2\":12345678.00,\"p2m5\":12345678.00000,\"g\":1.23457e+07,"
          "\"gm3\":12345678.000,\"p0\":12345678}]\n");
}

/* Integers at their limits, negative reals, and every non-finite real. */
static void test_numbers_at_the_edges(void **state)
{
    (void)state;
    static const struct kcb_col cols[] = {
        {"i", NULL, KCB_COL_NUM, 0, 0, 0, 0},
        {"u", NULL, KCB_COL_NUM, 0, 0, 0, 0},
        {"r", NULL, KCB_COL_NUM, 1, 0, 0, 0},
    };
    const struct kcb_cell cells[] = {
        kcb_cell_int(LLONG_MIN), kcb_cell_uint(ULLONG_MAX), kcb_cell_real(-0.25),
        kcb_cell_int(-1), kcb_cell_uint(0), kcb_cell_real((double)INFINITY),
        kcb_cell_int(0), kcb_cell_uint(1), kcb_cell_real(-(double)INFINITY),
    };
    struct tab tb = TAB(cols, cells);
    check(KCB_FMT_CSV, &tb, NULL, 0,
          "i,u,r\n-9223372036854775808,18446744073709551615,-0.2\n-1,0,\n0,1,\n");
    check(KCB_FMT_TABLE, &tb, NULL, 0,
          "                   i                     u     r\n"
          "-9223372036854775808  18446744073709551615  -0.2\n"
          "                  -1                     0     -\n"
          "                   0                     1     -\n");
    char *text = emit(KCB_FMT_JSON, &tb, NULL, 0);
    assert_string_equal(text,
                        "[{\"i\":-9223372036854775808,\"u\":18446744073709551615,\"r\":-0.2},\n"
                        "{\"i\":-1,\"u\":0,\"r\":null},\n{\"i\":0,\"u\":1,\"r\":null}]\n");
    json_error_t e; /* jansson keeps integers in a long long: read them as reals */
    json_t *root = json_loads(text, JSON_DECODE_INT_AS_REAL, &e);
    assert_non_null(root);
    assert_true(json_real_value(json_object_get(json_array_get(root, 0), "u")) == 0x1p64);
    json_decref(root);
    free(text);
}

/* ---- escaping ---- */

/* Pipes are escaped and line breaks become blanks, in the header as in the cells. */
static void test_md_escapes(void **state)
{
    (void)state;
    static const struct kcb_col cols[] = {
        {"k", "a|b", KCB_COL_TEXT, 0, 0, 0, 0},
        {"v", NULL, KCB_COL_NUM, 0, 0, 0, 0},
    };
    const struct kcb_cell cells[] = {kcb_cell_text("x|y\nz\r|"), kcb_cell_int(3)};
    struct tab tb = TAB(cols, cells);
    check(KCB_FMT_MD, &tb, "t", 0, "**t**\n\n| a\\|b | v |\n|---|---:|\n| x\\|y z \\| | 3 |\n");
}

/* RFC 4180: a field with a comma, quote, CR or LF is quoted, quotes doubled; header too. */
static void test_csv_quotes(void **state)
{
    (void)state;
    static const struct kcb_col cols[] = {
        {"a,b", "ignored", KCB_COL_TEXT, 0, 0, 0, 0},
        {"plain", NULL, KCB_COL_TEXT, 0, 0, 0, 0},
    };
    const struct kcb_cell cells[] = {
        kcb_cell_text("1,2"),         kcb_cell_text("say \"hi\""),
        kcb_cell_text("two\nlines"),  kcb_cell_text("cr\r"),
        kcb_cell_text("x (y); z"),    kcb_cell_text(""),
    };
    struct tab tb = TAB(cols, cells);
    check(KCB_FMT_CSV, &tb, NULL, 0,
          "\"a,b\",plain\n"
          "\"1,2\",\"say \"\"hi\"\"\"\n"
          "\"two\nlines\",\"cr\r\"\n"
          "x (y); z,\n");
}

/* Tabs, newlines and CRs in text become blanks, so each row stays one line of fields. */
static void test_tsv_blanks(void **state)
{
    (void)state;
    static const struct kcb_col cols[] = {
        {"a\tb", NULL, KCB_COL_TEXT, 0, 0, 0, 0},
        {"c", NULL, KCB_COL_TEXT, 0, 0, 0, 0},
    };
    const struct kcb_cell cells[] = {kcb_cell_text("x\ty\nz\rw"), kcb_cell_text("a,\"b\"")};
    struct tab tb = TAB(cols, cells);
    check(KCB_FMT_TSV, &tb, NULL, 0, "a b\tc\nx y z w\ta,\"b\"\n");
}

/* Strings are escaped (quotes, backslashes, control characters, invalid UTF-8) and parse
 * back to the text, bar the invalid byte. */
static void test_json_escapes(void **state)
{
    (void)state;
    static const struct kcb_col cols[] = {{"s", NULL, KCB_COL_TEXT, 0, 0, 0, 0}};
    const struct kcb_cell cells[] = {
        kcb_cell_text("say \"hi\"\n\\ \t/"), kcb_cell_text("bad \xff byte"), kcb_cell_text(NULL),
    };
    struct tab tb = TAB(cols, cells);
    check(KCB_FMT_JSON, &tb, NULL, 0,
          "[{\"s\":\"say \\\"hi\\\"\\u000a\\\\ \\u0009/\"},\n"
          "{\"s\":\"bad \\ufffd byte\"},\n"
          "{\"s\":\"\"}]\n");
    char *text = emit(KCB_FMT_JSON, &tb, NULL, 0);
    json_t *root = parse_json(text);
    assert_string_equal(json_string_value(json_object_get(json_array_get(root, 0), "s")),
                        "say \"hi\"\n\\ \t/");
    assert_string_equal(json_string_value(json_object_get(json_array_get(root, 1), "s")),
                        "bad \xef\xbf\xbd byte");
    json_decref(root);
    free(text);
}

/* In an aligned table, tabs and newlines become blanks and widths count characters. */
static void test_table_text_cells(void **state)
{
    (void)state;
    static const struct kcb_col cols[] = {
        {"text", NULL, KCB_COL_TEXT, 0, 0, 0, 0},
        {"n", NULL, KCB_COL_NUM, 0, 0, 0, 0},
    };
    const struct kcb_cell cells[] = {
        kcb_cell_text("a\tb\nc"), kcb_cell_int(1),
        kcb_cell_text("\xe2\x82\xac\xe2\x82\xac"), kcb_cell_int(22), /* two 3-byte characters */
        kcb_cell_text(NULL), kcb_cell_int(333),
    };
    struct tab tb = TAB(cols, cells);
    check(KCB_FMT_TABLE, &tb, NULL, 0,
          "text     n\n"
          "a b c    1\n"
          "\xe2\x82\xac\xe2\x82\xac      22\n"
          "       333\n");
}

/* A text column last is never padded, so no line ends in a blank, even when its cell is
 * empty or shorter than the header. */
static void test_table_no_trailing_blanks(void **state)
{
    (void)state;
    static const struct kcb_col cols[] = {
        {"n", NULL, KCB_COL_NUM, 0, 0, 0, 0},
        {"label", NULL, KCB_COL_TEXT, 0, 0, 0, 0},
    };
    const struct kcb_cell cells[] = {kcb_cell_int(1), kcb_cell_text("ab"),
                                     kcb_cell_int(2), kcb_cell_text("")};
    struct tab tb = TAB(cols, cells);
    char *got = emit(KCB_FMT_TABLE, &tb, "t", 0);
    assert_no_trailing_blanks(got);
    assert_string_equal(got, "# t\nn  label\n1  ab\n2\n");
    free(got);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_format_names),
        cmocka_unit_test(test_format_parse_rejects),
        cmocka_unit_test(test_format_human),
        cmocka_unit_test(test_table),
        cmocka_unit_test(test_md),
        cmocka_unit_test(test_csv),
        cmocka_unit_test(test_tsv),
        cmocka_unit_test(test_json),
        cmocka_unit_test(test_json_parses_to_typed_values),
        cmocka_unit_test(test_plain),
        cmocka_unit_test(test_plain_sep_of_out),
        cmocka_unit_test(test_no_rows),
        cmocka_unit_test(test_column_flags),
        cmocka_unit_test(test_json_column_values),
        cmocka_unit_test(test_prec_and_mprec),
        cmocka_unit_test(test_numbers_at_the_edges),
        cmocka_unit_test(test_md_escapes),
        cmocka_unit_test(test_csv_quotes),
        cmocka_unit_test(test_tsv_blanks),
        cmocka_unit_test(test_json_escapes),
        cmocka_unit_test(test_table_text_cells),
        cmocka_unit_test(test_table_no_trailing_blanks),
    };
    return cmocka_run_group_tests_name("table", tests, NULL, NULL);
}
