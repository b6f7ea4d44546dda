/* cli: the one table writer: rows of typed cells out as aligned table, md, csv, tsv, json or plain. */
#ifndef KCB_CLI_TABLE_H
#define KCB_CLI_TABLE_H

#include <stddef.h>
#include <stdio.h>

/*
 * Every command that prints results fills rows of typed cells and hands them here. The
 * formats:
 *   table  columns aligned for a terminal, two spaces apart, a "# title" line above
 *   md     a Markdown table, a bold title above
 *   csv    RFC 4180, a header row of column names
 *   tsv    a header row of column names, tab-separated (tabs and newlines in text become blanks)
 *   json   one array of objects whose keys are the column names, one object per row
 *   plain  the values alone, no header, separated as the table says (a tab by default)
 *   phylip not a table format: commands that write matrices handle it themselves
 * A command writes at most one table in csv, tsv and json; table, md and plain may hold
 * several, a blank line apart.
 */
enum kcb_format {
    KCB_FMT_PLAIN,
    KCB_FMT_TABLE,
    KCB_FMT_CSV,
    KCB_FMT_TSV,
    KCB_FMT_JSON,
    KCB_FMT_PHYLIP,
    KCB_FMT_MD,
    KCB_NFORMATS
};

/* Bit masks of formats, for kcb_arg_format's allowed. */
#define KCB_FMTS_TABLES ((1u << KCB_FMT_TABLE) | (1u << KCB_FMT_MD) | (1u << KCB_FMT_CSV) | \
                         (1u << KCB_FMT_TSV) | (1u << KCB_FMT_JSON))
#define KCB_FMTS_ALL ((1u << KCB_NFORMATS) - 1)

/* Sets *out from a format name ("markdown" is md): 0 or -1. */
int kcb_format_parse(const char *name, enum kcb_format *out);

/* Returns the canonical name of f (static storage). */
const char *kcb_format_name(enum kcb_format f);

/* Returns 1 for the formats meant for people (table, md, plain), 0 for csv, tsv and json. */
int kcb_format_human(enum kcb_format f);

/* What a column holds: text is left-aligned in a table, numbers and booleans right-aligned. */
enum kcb_col_type { KCB_COL_TEXT, KCB_COL_NUM, KCB_COL_BOOL, KCB_COL_JSON };

/* Where a column shows. */
enum {
    KCB_COL_HUMAN = 1 << 0,   /* only in table, md and plain */
    KCB_COL_MACHINE = 1 << 1, /* only in csv, tsv and json */
    KCB_COL_PLAIN = 1 << 2,   /* in plain (where only such columns show) */
    KCB_COL_HIDE = 1 << 3,    /* nowhere: an optional column turned off */
};

struct kcb_col {
    const char *name; /* the key in json and the header in csv and tsv */
    const char *head; /* the header in table and md; NULL: name */
    enum kcb_col_type type;
    int prec;         /* reals: digits after the point in table, md, plain; negative: %g */
    int mprec;        /* reals: digits in csv, tsv, json; 0: as prec */
    unsigned flags;   /* KCB_COL_* */
    int width;        /* table: least width; used as the width when rows stream */
};

enum kcb_cell_kind { KCB_CELL_NULL, KCB_CELL_TEXT, KCB_CELL_INT, KCB_CELL_UINT, KCB_CELL_REAL,
                     KCB_CELL_BOOL, KCB_CELL_JSON };

/* One value. NULL (and a non-finite real) shows as "-" in table and md, as nothing in csv
 * and tsv, and as null in json. A JSON cell is JSON text shown only in json. */
struct kcb_cell {
    enum kcb_cell_kind kind;
    union {
        const char *s;
        long long i;
        unsigned long long u;
        double r;
        int b;
    } v;
};

static inline struct kcb_cell kcb_cell_text(const char *s)
{
    return (struct kcb_cell){KCB_CELL_TEXT, {.s = s}};
}
static inline struct kcb_cell kcb_cell_int(long long i)
{
    return (struct kcb_cell){KCB_CELL_INT, {.i = i}};
}
static inline struct kcb_cell kcb_cell_uint(unsigned long long u)
{
    return (struct kcb_cell){KCB_CELL_UINT, {.u = u}};
}
static inline struct kcb_cell kcb_cell_real(double r)
{
    return (struct kcb_cell){KCB_CELL_REAL, {.r = r}};
}
static inline struct kcb_cell kcb_cell_bool(int b)
{
    return (struct kcb_cell){KCB_CELL_BOOL, {.b = b}};
}
static inline struct kcb_cell kcb_cell_null(void)
{
    return (struct kcb_cell){KCB_CELL_NULL, {.i = 0}};
}
static inline struct kcb_cell kcb_cell_json(const char *json)
{
    return (struct kcb_cell){KCB_CELL_JSON, {.s = json}};
}

/* An output: a stream and its format; tables written to it follow one another. */
struct kcb_out {
    FILE *fp;
    enum kcb_format f;
    size_t tables;         /* tables opened so far */
    const char *plain_sep; /* between values in plain format: "\t" unless set */
    int whole;             /* set by a command when every table is written: a later failure
                            * (a figure) then keeps the output (kcb_output_close_whole) */
};

/* Sets o up to write format f to fp. */
void kcb_out_init(struct kcb_out *o, FILE *fp, enum kcb_format f);

/* Table options. */
enum {
    KCB_TABLE_STREAM = 1 << 0, /* table format: print each row at once, at the columns' widths */
};

typedef struct kcb_table kcb_table;

/*
 * Starts a table of ncols columns (borrowed until kcb_table_end) on o, with a title shown in
 * table and md (NULL: none). Returns 0 or KCB_ENOMEM; *out is freed by kcb_table_end().
 */
int kcb_table_begin(struct kcb_out *o, const struct kcb_col *cols, size_t ncols,
                    const char *title, unsigned flags, kcb_table **out);

/* Sets the separator of plain output (default "\t"); sep is borrowed. */
void kcb_table_plain_sep(kcb_table *t, const char *sep);

/* Adds a row of ncols cells, in column order (cells of hidden columns are ignored).
 * Returns 0 or KCB_ENOMEM. */
int kcb_table_row(kcb_table *t, const struct kcb_cell *cells);

/* Ends a group of rows: a blank line follows it in table format (nothing elsewhere). */
void kcb_table_gap(kcb_table *t);

/* Writes what is buffered, closes the table and frees t. Returns 0, KCB_ENOMEM, or KCB_EIO
 * when the stream reports an error. */
int kcb_table_end(kcb_table *t);

/* Returned by a row function: the row ends a group (kcb_table_gap follows it). */
#define KCB_ROW_GAP 1

/* Fills cells (ncols of them, zeroed) for row i: 0, KCB_ROW_GAP, or a kcb_err that stops. */
typedef int (*kcb_row_fn)(void *arg, size_t i, struct kcb_cell *cells);

/* Writes a whole table of nrows rows, each filled by row(arg, i, cells): begin, rows, end.
 * Returns 0, the first error row returned, KCB_ENOMEM or KCB_EIO. */
int kcb_table_write(struct kcb_out *o, const struct kcb_col *cols, size_t ncols,
                    const char *title, size_t nrows, kcb_row_fn row, void *arg);

#endif
