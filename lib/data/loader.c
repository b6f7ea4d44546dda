/* The loader the dataset readers share: diagnostics, and documents appended to one arena. */
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kcb/err.h"
#include "loader.h"

/* Sets diag->msg from fmt. */
KCB_PRINTF(2, 0) static void set_msg(struct kcb_diag *diag, const char *fmt, va_list ap)
{
    vsnprintf(diag->msg, sizeof diag->msg, fmt, ap);
}

/* Records an error at line (0: none) and returns code; errno is preserved. */
int kcb_ld_fail(struct loader *ld, int code, long line, const char *fmt, ...)
{
    int e = errno;
    va_list ap;
    va_start(ap, fmt);
    set_msg(ld->diag, fmt, ap);
    va_end(ap);
    ld->diag->line = line;
    errno = e;
    return code;
}

/* A malformed row: KCB_EFORMAT, or under skip_bad 0 after counting it (the first one described). */
int kcb_ld_bad_row(struct loader *ld, long line, const char *fmt, ...)
{
    struct kcb_diag *diag = ld->diag;
    if (!ld->first_line)
        ld->first_line = line;
    if (ld->skip_bad && diag->skipped++ > 0)
        return KCB_OK;
    va_list ap;
    va_start(ap, fmt);
    set_msg(diag, fmt, ap);
    va_end(ap);
    if (ld->skip_bad) {
        diag->first_skipped_line = line;
        return KCB_OK;
    }
    diag->line = line;
    return KCB_EFORMAT;
}

/* Makes room for one more document: 0 or KCB_ENOMEM. */
static int grow_docs(struct loader *ld)
{
    struct kcb_dataset *d = ld->d;
    size_t cap = ld->cap ? ld->cap * 2 : 256;
    if (cap > SIZE_MAX / sizeof *d->text)
        return KCB_ENOMEM;
    struct kcb_blob *text = realloc(d->text, cap * sizeof *text);
    if (!text)
        return KCB_ENOMEM;
    d->text = text;
    int *label = realloc(d->label, cap * sizeof *label);
    if (!label)
        return KCB_ENOMEM;
    d->label = label;
    long *line = realloc(d->line, cap * sizeof *line);
    if (!line)
        return KCB_ENOMEM;
    d->line = line;
    ld->cap = cap;
    return KCB_OK;
}

/* Appends a document whose len bytes already sit at d->arena + ld->used. */
int kcb_ld_push(struct loader *ld, int id, size_t len, long line)
{
    struct kcb_dataset *d = ld->d;
    if (d->n == ld->cap) {
        int rc = grow_docs(ld);
        if (rc)
            return rc;
    }
    if (!ld->first_line)
        ld->first_line = line;
    d->text[d->n] = (struct kcb_blob){NULL, len};
    d->label[d->n] = id;
    d->line[d->n] = line;
    d->n++;
    ld->used += len;
    return KCB_OK;
}

/* Interns label[0..llen), giving the error its place; 0 or a kcb_err. */
int kcb_ld_intern(struct loader *ld, const void *label, size_t llen, long line, int *id)
{
    int rc = kcb_labels_intern(ld->d->labels, label, llen, id);
    if (rc == KCB_ERANGE)
        return kcb_ld_fail(ld, rc, line, "more than %d labels", INT_MAX);
    return rc;
}

/* Adds a document read from a file buffer: text moves down to the end of the arena's texts. */
int kcb_ld_add(struct loader *ld, const unsigned char *label, size_t llen,
                   const unsigned char *text, size_t tlen, long line)
{
    if (tlen > KCB_DOC_MAX)
        return kcb_ld_fail(ld, KCB_ERANGE, line, "document longer than %zu MiB", KCB_DOC_MAX >> 20);
    if (tlen == 0) /* an empty training text is near every short query */
        return kcb_ld_bad_row(ld, line, "empty text");
    int id, rc = kcb_ld_intern(ld, label, llen, line, &id);
    if (rc)
        return rc;
    memmove(ld->d->arena + ld->used, text, tlen);
    return kcb_ld_push(ld, id, tlen, line);
}

/* Makes room for extra more bytes after the texts: 0 or KCB_ENOMEM. */
int kcb_ld_reserve(struct loader *ld, size_t extra)
{
    if (ld->arena_cap - ld->used >= extra)
        return KCB_OK;
    size_t cap = ld->arena_cap ? ld->arena_cap : 1 << 16;
    while (cap - ld->used < extra) {
        if (cap > SIZE_MAX / 2)
            return KCB_ENOMEM;
        cap *= 2;
    }
    unsigned char *p = realloc(ld->d->arena, cap);
    if (!p)
        return KCB_ENOMEM;
    ld->d->arena = p;
    ld->arena_cap = cap;
    return KCB_OK;
}

