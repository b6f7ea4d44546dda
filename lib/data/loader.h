/* The loader the dataset readers of lib/data share: documents appended to one arena (internal). */
#ifndef KCB_DATA_LOADER_H
#define KCB_DATA_LOADER_H

#include <stddef.h>

#include "kcb/dataset.h"

#define KCB_PRINTF(f, a) __attribute__((format(printf, f, a)))

/* The fields of one row, copied out of the input: field i is buf[i ? end[i - 1] : 0, end[i]). */
struct kcb_row {
    unsigned char *buf;
    size_t len, cap; /* bytes used and allocated in buf */
    size_t *end;
    size_t n, ncap;  /* fields, and entries allocated in end */
};

/* Documents are appended to d->arena in load order; text pointers are set when loading ends. */
struct loader {
    struct kcb_dataset *d;
    struct kcb_diag *diag;
    const struct kcb_load_opts *opts;
    int skip_bad;
    size_t cap;       /* documents allocated in d->text, d->label and d->line */
    size_t used;      /* bytes of d->arena holding texts; text i follows text i-1 */
    size_t arena_cap; /* bytes allocated in d->arena */
    struct kcb_row row;    /* the row being read (csv, tsv with columns) */
    int header_pending;    /* the next row is the header row (KCB_HEADER_YES or named columns) */
    long first_line;       /* line of the first row read, document or malformed; 0 before */
    size_t label_col;      /* the label's field, from 0 */
    size_t text_col[KCB_TEXT_COLS_MAX];
    size_t ntext;          /* text fields, joined by spaces; 0 with text_rest */
    int text_rest;         /* the text is every field after the label's (the csv layout) */
};

/* Records an error at line (0: none) in the diagnostics and returns code; errno is kept. */
int kcb_ld_fail(struct loader *ld, int code, long line, const char *fmt, ...) KCB_PRINTF(4, 5);

/* A malformed row: KCB_EFORMAT, or under skip_bad 0 after counting it (the first described). */
int kcb_ld_bad_row(struct loader *ld, long line, const char *fmt, ...) KCB_PRINTF(3, 4);

/* Appends a document whose len bytes already sit at d->arena + ld->used: 0 or KCB_ENOMEM. */
int kcb_ld_push(struct loader *ld, int id, size_t len, long line);

/* Interns a label, giving an error its line: 0 or kcb_err. */
int kcb_ld_intern(struct loader *ld, const void *label, size_t llen, long line, int *id);

/* Adds a document read from the file buffer that is the arena: its text moves down to the end
 * of the texts. 0 or kcb_err. */
int kcb_ld_add(struct loader *ld, const unsigned char *label, size_t llen,
               const unsigned char *text, size_t tlen, long line);

/* Makes room for extra more bytes after the texts: 0 or KCB_ENOMEM. */
int kcb_ld_reserve(struct loader *ld, size_t extra);

/* ---- rows of fields (columns.c) ---- */

/* Chooses the fields of label and text from ld->opts (numbers now, names at the header row). */
void kcb_ld_columns(struct loader *ld);

/* Whether ld reads rows through kcb_ld_row (columns chosen) rather than the tsv layout. */
int kcb_ld_by_columns(const struct loader *ld);

/* Appends a field of n bytes to r: 0 or KCB_ENOMEM. */
int kcb_row_field(struct kcb_row *r, const void *p, size_t n);

/* Empties r, keeping its memory. */
void kcb_row_clear(struct kcb_row *r);

/* Frees r's memory. */
void kcb_row_free(struct kcb_row *r);

/* Takes row r that starts at line: the header row when one is pending, otherwise a document
 * (label and text from the chosen fields) or a malformed row. The text is written at the end
 * of the arena's texts, which must not pass the input still unread. 0 or kcb_err. */
int kcb_ld_row(struct loader *ld, const struct kcb_row *r, long line);

/* A line reader's header row: when one is pending, records line as its line and returns 1. */
int kcb_ld_header_line(struct loader *ld, long line);

/* ---- after reading (checks.c) ---- */

/* Drops a header row that KCB_HEADER_AUTO detects, then refuses mostly unique labels (see
 * kcb_dataset_load); had is the number of labels the table held before this load. */
int kcb_ld_checks(struct loader *ld, size_t had);

/* The readers: each adds the documents of buf[start..n) (the arena itself) or of a directory. */
int kcb_read_tsv(struct loader *ld, const unsigned char *buf, size_t n, size_t start);
int kcb_read_fasttext(struct loader *ld, const unsigned char *buf, size_t n, size_t start);
int kcb_read_csv(struct loader *ld, const unsigned char *buf, size_t n, size_t start);
int kcb_read_dir(struct loader *ld, const char *path);

/* Guesses the format of a file from its first non-empty line. */
enum kcb_informat kcb_sniff_format(const unsigned char *buf, size_t n);

/* Forgets the labels from id n on (undoing a failed load on a shared table). */
void kcb_labels_truncate(struct kcb_labels *l, size_t n);

#endif
