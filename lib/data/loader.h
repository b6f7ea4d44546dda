/* The loader that the dataset readers of lib/data share: documents appended to one arena (internal). */
#ifndef KCB_DATA_LOADER_H
#define KCB_DATA_LOADER_H

#include <stddef.h>

#include "kcb/dataset.h"

#define KCB_PRINTF(f, a) __attribute__((format(printf, f, a)))

/* Documents are appended to d->arena in load order; text pointers are set when loading ends. */
struct loader {
    struct kcb_dataset *d;
    struct kcb_diag *diag;
    int skip_bad;
    size_t cap;       /* documents allocated in d->text, d->label and d->line */
    size_t used;      /* bytes of d->arena holding texts; text i follows text i-1 */
    size_t arena_cap; /* bytes allocated in d->arena */
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
