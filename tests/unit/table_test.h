/* Helpers shared by the table writer's unit tests: writing a table to memory, checking it. */
#ifndef KCB_TABLE_TEST_H
#define KCB_TABLE_TEST_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <jansson.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "kcb/err.h"
#include "kcb_test.h"
#include "table.h"

/* A table to write: ncols columns and nrows rows of cells, row-major. */
struct tab {
    const struct kcb_col *cols;
    size_t ncols;
    const struct kcb_cell *cells;
    size_t nrows;
};

#define TAB(cols, cells) \
    ((struct tab){cols, sizeof cols / sizeof cols[0], cells, \
                  sizeof cells / sizeof cells[0] / (sizeof cols / sizeof cols[0])})

/* Writes tb's rows to o as one table. */
static inline void put_table(struct kcb_out *o, const struct tab *tb, const char *title,
                             unsigned flags)
{
    kcb_table *t = NULL;
    assert_int_equal(kcb_table_begin(o, tb->cols, tb->ncols, title, flags, &t), KCB_OK);
    assert_non_null(t);
    for (size_t r = 0; r < tb->nrows; r++)
        assert_int_equal(kcb_table_row(t, tb->cells + r * tb->ncols), KCB_OK);
    assert_int_equal(kcb_table_end(t), KCB_OK);
}

/* Returns the text of tb written alone in format f (caller frees). */
static inline char *emit(enum kcb_format f, const struct tab *tb, const char *title,
                         unsigned flags)
{
    struct kcb_test_capture cap;
    struct kcb_out o;
    assert_int_equal(kcb_test_capture_begin(&cap), 0);
    kcb_out_init(&o, cap.fp, f);
    put_table(&o, tb, title, flags);
    assert_int_equal(kcb_test_capture_end(&cap), 0);
    return cap.text;
}

/* Parses text as JSON, which must succeed; caller decrefs. */
static inline json_t *parse_json(const char *text)
{
    json_error_t e;
    json_t *root = json_loads(text, 0, &e);
    if (!root)
        print_error("invalid JSON at line %d: %s\n%s\n", e.line, e.text, text);
    assert_non_null(root);
    return root;
}

/* No line of text ends in a blank. */
static inline void assert_no_trailing_blanks(const char *text)
{
    for (const char *p = text; (p = strchr(p, '\n')) != NULL; p++)
        if (p > text && p[-1] == ' ')
            fail_msg("a line ends in a blank:\n%s", text);
}

/* Writes tb in format f and compares with want; JSON must parse, tables have no trailing
 * blanks. */
static inline void check(enum kcb_format f, const struct tab *tb, const char *title,
                         unsigned flags, const char *want)
{
    char *got = emit(f, tb, title, flags);
    assert_string_equal(got, want);
    if (f == KCB_FMT_JSON)
        json_decref(parse_json(got));
    if (f == KCB_FMT_TABLE)
        assert_no_trailing_blanks(got);
    free(got);
}

/* Text, a real with 2 digits for people and 4 for machines, an integer, a boolean, and a
 * text column last; name and ratio show in plain. The third row has a two-byte character,
 * a NaN and a NULL. */
static inline struct tab sample(void)
{
    static const struct kcb_col cols[] = {
        {"name", "codec", KCB_COL_TEXT, 0, 0, KCB_COL_PLAIN, 0},
        {"ratio", NULL, KCB_COL_NUM, 2, 4, KCB_COL_PLAIN, 0},
        {"size", NULL, KCB_COL_NUM, 0, 0, 0, 0},
        {"ok", NULL, KCB_COL_BOOL, 0, 0, 0, 0},
        {"note", NULL, KCB_COL_TEXT, 0, 0, 0, 0},
    };
    static struct kcb_cell cells[15];
    const struct kcb_cell rows[15] = {
        kcb_cell_text("gzip"), kcb_cell_real(3.14159), kcb_cell_int(1234), kcb_cell_bool(1),
        kcb_cell_text("fast"),
        kcb_cell_text("zstd-long"), kcb_cell_real(10.5), kcb_cell_uint(7), kcb_cell_bool(0),
        kcb_cell_text("x"),
        kcb_cell_text("caf\xc3\xa9"), kcb_cell_real((double)NAN), kcb_cell_null(),
        kcb_cell_bool(1), kcb_cell_text("n/a"),
    };
    memcpy(cells, rows, sizeof rows);
    return TAB(cols, cells);
}

#endif
