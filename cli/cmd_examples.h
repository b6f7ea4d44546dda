/* cli: what kcbench examples' two files share: one example's result as tables for the writer. */
#ifndef KCB_CLI_CMD_EXAMPLES_H
#define KCB_CLI_CMD_EXAMPLES_H

#include <stddef.h>

#include "kcb/school.h"
#include "table.h"

/* One table of an example: its title, columns and rows. */
struct ex_table {
    const char *title;
    const struct kcb_col *cols;
    size_t ncols, nrows;
    kcb_row_fn row;          /* called with the struct ex_result as its argument */
};

#define EX_MAXTABLES 3

/* One example, measured: the library's result and the tables that show it. */
struct ex_result {
    enum kcb_example_id id;
    const struct kcb_finding *f;
    struct ex_table t[EX_MAXTABLES]; /* the first is the example's own table */
    size_t nt;
    union {
        struct kcb_coin coin;
        struct kcb_incomp inc;
        struct kcb_concat_ex cat;
        struct kcb_learning lrn;
        struct kcb_learnable lbl;
        struct kcb_nfl nfl;
        struct kcb_best best;
    } u;
    char name[48], name2[48]; /* compressor names of the row being written */
};

/* Runs example id on s and fills r: 0 or kcb_err (r then holds nothing to free). */
int kcb_ex_measure(kcb_school *s, enum kcb_example_id id, struct ex_result *r);

/* Frees what kcb_ex_measure filled r with. */
void kcb_ex_free(struct ex_result *r);

#endif
