/* cli: the options of labelled input that eval, classify, index, bench and probe share. */
#ifndef KCB_CLI_DATAOPTS_H
#define KCB_CLI_DATAOPTS_H

#include "cli.h"
#include "kcb/dataset.h"

/* Keys of the shared options, far above any command's own KCB_OPT_LONG + n. */
enum {
    KCB_OPT_DATA = KCB_OPT_LONG + 200,
    KCB_OPT_INFORMAT = KCB_OPT_DATA,
    KCB_OPT_SKIP_BAD,
    KCB_OPT_HEADER,
    KCB_OPT_COLUMNS,
    KCB_OPT_ALLOW_UNIQUE,
    KCB_OPT_DATA_END, /* one past the last */
};

/* The option-table entries of labelled input, to put in a command's struct kcb_opt table. */
#define KCB_DATAOPTS_ENTRIES                                                                    \
    {KCB_OPT_INFORMAT, "input-format", "F",                                                     \
     "tsv (label<TAB>text), csv (AG News: \"class\",\"title\",\"text\"),\n"                    \
     "fasttext (__label__X text) or dir (a subfolder per label);\n"                            \
     "default: from the file extension", "tsv"},                                               \
    {KCB_OPT_SKIP_BAD, "skip-bad", NULL,                                                        \
     "skip malformed rows (counted in a warning) instead of failing", NULL},                   \
    {KCB_OPT_HEADER, "header", "H",                                                             \
     "auto (default): a first row that looks like a header (its label\n"                      \
     "names a column, or no other row has it while the file has few\n"                         \
     "labels) is skipped with a warning; yes: the first row is a header;\n"                    \
     "no: it is data", "no"},                                                                  \
    {KCB_OPT_COLUMNS, "columns", "SPEC",                                                        \
     "the label and text columns of a tsv or csv file, by number from 1\n"                     \
     "or by header name: label=1,text=3, label=class,text=title+body\n"                        \
     "(text columns are joined by one space)", "label=2,text=1"},                              \
    {KCB_OPT_ALLOW_UNIQUE, "allow-unique-labels", NULL,                                         \
     "accept a set in which most rows have a label of their own\n"                             \
     "(refused by default: a text column read as labels looks so)", NULL}

/* How a command reads labelled input; all zero is the default. */
struct kcb_dataopts {
    struct kcb_load_opts load;
};

/* Whether key is one of KCB_DATAOPTS_ENTRIES'. */
int kcb_dataopts_has(int key);

/* Applies the shared option key with arg to o: an exit status, having printed its error;
 * KCB_EXIT_USAGE, silently, for a key that is not one of them. */
int kcb_dataopts_apply(const struct kcb_cmd *cmd, struct kcb_dataopts *o, int key,
                       const char *arg);

#endif
