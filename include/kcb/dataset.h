/* lib/data: labelled text datasets: the label table and the TSV, CSV, fastText and directory readers. */
#ifndef KCB_DATASET_H
#define KCB_DATASET_H

#include <stddef.h>

#include "kcb/blob.h"

/* The longest document a reader accepts, in bytes; longer ones are KCB_ERANGE. */
#define KCB_DOC_MAX ((size_t)64 << 20)

/* Label names shared by a training and a test set, so that ids agree. */
struct kcb_labels {
    size_t n;    /* labels; ids are 0..n-1 in order of first appearance */
    char **name; /* n owned, NUL-terminated names */
    size_t cap;  /* entries allocated in name */
    int *slot;   /* hash index of nslot entries: an id, or -1 when empty */
    size_t nslot; /* a power of two, more than twice n (0 before the first label) */
};

/* Creates an empty table. Returns 0 or KCB_ENOMEM; caller owns *out, free with
 * kcb_labels_free(). */
int kcb_labels_new(struct kcb_labels **out);

/* Frees l and its names; accepts NULL. */
void kcb_labels_free(struct kcb_labels *l);

/* Sets *id to the id of name[0..len), adding a copy of it if new. Returns 0, KCB_EINVAL (name
 * holds a NUL byte), KCB_ERANGE (more than INT_MAX labels) or KCB_ENOMEM. */
int kcb_labels_intern(struct kcb_labels *l, const char *name, size_t len, int *id);

/* Returns the id of name[0..len), or -1 if it is not in the table. */
int kcb_labels_find(const struct kcb_labels *l, const char *name, size_t len);

enum kcb_informat {
    KCB_IN_AUTO,     /* by extension, a directory, or by sniffing the first line */
    KCB_IN_TSV,      /* label<TAB>text */
    KCB_IN_CSV,      /* "class","title","description" (AG News), RFC 4180 quoting */
    KCB_IN_FASTTEXT, /* __label__X text */
    KCB_IN_DIR,      /* one subfolder per label, one file per document */
};

/* Sets *out from "auto", "tsv", "csv", "fasttext" or "dir": 0 or KCB_EINVAL. */
int kcb_informat_parse(const char *name, enum kcb_informat *out);

/* Returns the name of f as kcb_informat_parse() reads it (static storage). */
const char *kcb_informat_name(enum kcb_informat f);

struct kcb_dataset {
    size_t n;                  /* documents */
    struct kcb_blob *text;     /* n texts; the bytes live in arena */
    int *label;                /* n ids into labels */
    long *line;                /* 1-based line where each document starts; 0 for dir documents */
    struct kcb_labels *labels; /* never NULL; borrowed if passed to load, else owned */
    enum kcb_informat format;  /* the format read; KCB_IN_AUTO only for a model file's data */
    unsigned char *arena;      /* owned: every text, one after another in load order */
    int owns_labels;           /* 1 when kcb_dataset_free() frees labels */
};

/*
 * What went wrong, or what was skipped; filled by load, never printed by the library.
 * msg holds the reason without its place ("missing tab between label and text"); line is the
 * 1-based line of an error (0 when none applies). For KCB_EIO, msg names the file that failed
 * and errno says why.
 */
struct kcb_diag {
    char msg[512];
    long line;
    size_t skipped;           /* malformed rows skipped under skip_bad */
    long first_skipped_line;  /* line of the first of them; msg then describes it */
};

/*
 * Loads path ("-" is standard input) in format fmt. KCB_IN_AUTO picks a directory → dir, then
 * by extension (case-insensitive) .tsv → tsv, .csv → csv, .ft/.fasttext → fastText, otherwise
 * by the first line: "__label__" → fastText, a tab → tsv, a comma or quote → csv, else tsv.
 * A UTF-8 byte-order mark at the start of a file is dropped; other bytes, valid UTF-8 or not,
 * are kept exactly. labels: a shared table, or NULL for a new one owned by the dataset; on
 * failure a shared table is left as it was. skip_bad: skip malformed rows and count them in
 * diag->skipped instead of failing (a NUL byte or an over-long document still fails).
 * Returns 0, KCB_EIO (errno set), KCB_EFORMAT (diag->msg says what and diag->line where),
 * KCB_ERANGE (a document over KCB_DOC_MAX), KCB_EINVAL (bad fmt) or KCB_ENOMEM. diag may be
 * NULL. On success caller owns *out; free with kcb_dataset_free().
 */
int kcb_dataset_load(const char *path, enum kcb_informat fmt, int skip_bad,
                     struct kcb_labels *labels, struct kcb_dataset **out, struct kcb_diag *diag);

/* Frees d, its texts and its labels if it owns them; accepts NULL. */
void kcb_dataset_free(struct kcb_dataset *d);

/*
 * Marks test documents whose text occurs verbatim in train: sets dup[i] to 1 or 0 for every
 * i < test->n (the array is the caller's) and *count to the number of 1s. Uses a hash set of
 * train texts. Returns 0 or KCB_ENOMEM.
 */
int kcb_dataset_find_dups(const struct kcb_dataset *train, const struct kcb_dataset *test,
                          unsigned char *dup, size_t *count);

/* Removes the documents with keep[i] == 0, in place, preserving order. Labels are unchanged. */
void kcb_dataset_filter(struct kcb_dataset *d, const unsigned char *keep);

#endif
