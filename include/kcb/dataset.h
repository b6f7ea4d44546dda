/* lib/data: labelled text datasets: labels, the TSV, CSV, fastText and directory readers. */
#ifndef KCB_DATASET_H
#define KCB_DATASET_H

#include <stddef.h>

#include "kcb/blob.h"
#include "kcb/sha256.h"

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

/* Forgets label id (nothing when there is none), renumbering the labels after it one down. */
void kcb_labels_remove(struct kcb_labels *l, size_t id);

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

/* Whether the first row of a tsv, csv or fastText file is a header of column names. */
enum kcb_header {
    KCB_HEADER_AUTO, /* a row that looks like a header is skipped and reported (below) */
    KCB_HEADER_YES,  /* the first row is a header: skipped; --columns may use its names */
    KCB_HEADER_NO,   /* the first row is data */
};

/* Sets *out from "auto", "yes" or "no": 0 or KCB_EINVAL. */
int kcb_header_parse(const char *name, enum kcb_header *out);

/* Returns the name of h as kcb_header_parse() reads it (static storage). */
const char *kcb_header_name(enum kcb_header h);

#define KCB_TEXT_COLS_MAX 8 /* text columns joined into one text, at most */
#define KCB_COLNAME_MAX 64  /* bytes of a column name, with its NUL */

/* One column: by its number (from 1), or by its name in the header row. */
struct kcb_colref {
    size_t num;                 /* 1-based; 0 when name is used */
    char name[KCB_COLNAME_MAX]; /* "" when num is used */
};

/* Which columns of a tsv or csv file hold the label and the text. */
struct kcb_columns {
    size_t ntext;                              /* 0: the format's own layout (see load) */
    struct kcb_colref label;
    struct kcb_colref text[KCB_TEXT_COLS_MAX]; /* joined by one space, in this order */
};

/*
 * Parses "label=COL,text=COL[+COL...]" (the two in either order) into *out; COL is a column
 * number from 1 or a name from the header row (one without ',', '+' or '='; a name made of
 * digits only is a number). No column may be named twice. Returns 0, or KCB_EINVAL with a
 * one-line reason in why[0..wl).
 */
int kcb_columns_parse(const char *spec, struct kcb_columns *out, char *why, size_t wl);

/* Whether any column of c is given by name (then the file needs its header row). */
int kcb_columns_named(const struct kcb_columns *c);

/* A set is refused when more than half of its rows, and at least this many, have a label of
 * their own (see kcb_dataset_load). */
#define KCB_UNIQUE_MIN_ROWS 20

/* How to read a labelled file. All zero: the format from the file, malformed rows are errors,
 * a header detected, the formats' own columns, and mostly unique labels refused. */
struct kcb_load_opts {
    enum kcb_informat format;
    int skip_bad;               /* skip malformed rows, counted in kcb_diag */
    enum kcb_header header;
    struct kcb_columns columns; /* tsv and csv only */
    int allow_unique_labels;    /* accept a set whose labels are mostly unique */
};

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
    long header_line;         /* line of the header row skipped; 0 when none was */
    int header_detected;      /* 1 when KCB_HEADER_AUTO found it; header_why says why */
    char header_why[256];
    size_t unique;            /* refused for mostly unique labels: rows with a label of their own */
    size_t fields;            /* columns of the first row of a tsv or csv file (0: none read) */
};

/*
 * Loads path ("-" is standard input) as opts says (NULL: all defaults). Format KCB_IN_AUTO
 * picks a directory → dir, then by extension (case-insensitive) .tsv → tsv, .csv → csv,
 * .ft/.fasttext → fastText, otherwise by the first line: "__label__" → fastText, a tab → tsv,
 * a comma or quote → csv, else tsv. A UTF-8 byte-order mark at the start of a file is
 * dropped; other bytes, valid UTF-8 or not, are kept exactly.
 *
 * Columns: by default a tsv row is its label, a tab, and the text (further tabs are text); a
 * csv row (RFC 4180, parsed by libcsv in strict mode) is the label and fields 2.. joined by
 * one space (AG News: "class","title","description"); a CR at a csv field's edge is dropped
 * (CRLF line ends), one inside a field kept. opts->columns picks other columns: a tsv row is
 * then split at every tab. A row with too few columns or an empty label is malformed. An
 * error names the line where its row starts (and, in msg, the line of the bad byte if later).
 *
 * Header (tsv, csv, fastText): KCB_HEADER_YES skips the first non-empty row (a column given
 * by name implies it; with KCB_HEADER_NO that is KCB_EINVAL). KCB_HEADER_AUTO takes the first
 * row as data unless, after the whole file is read, its label occurs in no other row (nor in a
 * shared table before this load) and either (a) the label names a column: lower-cased and
 * without characters other than letters and digits it is one of label(s), labelid, labelname,
 * class(es), classindex, classlabel, classname, category, categories, target, tag(s),
 * topic(s), sentiment, polarity, intent, emotion, genre, language, lang, text(s), title,
 * description, sentence, document, doc, content, body, review, comment, tweet, message; or
 * (b) the file has few labels: the other rows, at least 5 of them, share labels at least 5
 * rows to a label on average, and the row's text is at most 64 bytes. Such a row is dropped
 * (with its label) and reported in diag->header_line, header_detected and header_why.
 *
 * Unique labels: unless opts->allow_unique_labels, a set of at least KCB_UNIQUE_MIN_ROWS rows
 * in which more than half of the rows have a label of their own (in no other row, nor in a
 * shared table before this load) is refused with KCB_EFORMAT, diag->unique set and
 * diag->line at the first such row: a text column read as the label looks like that.
 *
 * labels: a shared table, or NULL for a new one owned by the dataset; on failure a shared
 * table is left as it was. skip_bad: skip malformed rows and count them in diag->skipped
 * instead of failing (a NUL byte or an over-long document still fails). Returns 0, KCB_EIO
 * (errno set), KCB_EFORMAT (diag->msg says what and diag->line where), KCB_ENOTFOUND (a
 * column name not in the header row), KCB_ERANGE (a document over KCB_DOC_MAX), KCB_EINVAL
 * (bad opts, or columns or a header for a format without them; diag->msg says which) or
 * KCB_ENOMEM. diag may be NULL. On success caller owns *out; free with kcb_dataset_free().
 */
int kcb_dataset_load(const char *path, const struct kcb_load_opts *opts,
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

/*
 * Writes the SHA-256 of d as it was read, in lower-case hex, to hex: for each document in
 * order, its label's name and a NUL byte, then its line and its length (8 bytes each, little
 * endian), then its text. Two sets with the same digest give the same rows, labels and line
 * numbers, whatever files or formats they came from.
 */
void kcb_dataset_digest(const struct kcb_dataset *d, char hex[KCB_SHA256_HEX]);

/* Removes the documents with keep[i] == 0, in place, preserving order. Labels are unchanged. */
void kcb_dataset_filter(struct kcb_dataset *d, const unsigned char *keep);

#endif
