/* Labelled datasets: loading in any input format, format names, duplicates and filtering. */
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "kcb/err.h"
#include "kcb/io.h"
#include "kcb/text.h"
#include "loader.h"

/* ---- input format names ---- */

static const char *const informat_names[] = {"auto", "tsv", "csv", "fasttext", "dir"};

int kcb_informat_parse(const char *name, enum kcb_informat *out)
{
    int i = kcb_name_find(informat_names, sizeof informat_names / sizeof informat_names[0], name);
    if (i < 0)
        return KCB_EINVAL;
    *out = (enum kcb_informat)i;
    return KCB_OK;
}

const char *kcb_informat_name(enum kcb_informat f)
{
    return (unsigned)f < sizeof informat_names / sizeof informat_names[0] ? informat_names[f]
                                                                           : "?";
}

/* ---- choosing the format and finishing ---- */

static size_t bom_len(const unsigned char *buf, size_t n)
{
    return n >= 3 && buf[0] == 0xEF && buf[1] == 0xBB && buf[2] == 0xBF ? 3 : 0;
}

static enum kcb_informat by_extension(const char *path)
{
    const char *slash = strrchr(path, '/'), *dot = strrchr(path, '.');
    if (!dot || (slash && dot < slash))
        return KCB_IN_AUTO;
    dot++;
    if (strcasecmp(dot, "tsv") == 0)
        return KCB_IN_TSV;
    if (strcasecmp(dot, "csv") == 0)
        return KCB_IN_CSV;
    if (strcasecmp(dot, "ft") == 0 || strcasecmp(dot, "fasttext") == 0)
        return KCB_IN_FASTTEXT;
    return KCB_IN_AUTO;
}

/* A NUL byte makes the file binary: KCB_EFORMAT naming its line (UTF-16, known by its
 * byte-order mark, named as such). */
static int check_nul(struct loader *ld, const unsigned char *buf, size_t n)
{
    const unsigned char *z = memchr(buf, '\0', n);
    if (!z)
        return KCB_OK;
    if (n >= 2 && ((buf[0] == 0xff && buf[1] == 0xfe) || (buf[0] == 0xfe && buf[1] == 0xff)))
        return kcb_ld_fail(ld, KCB_EFORMAT, 1, "UTF-16 text (byte-order mark %02X %02X): convert "
                           "it to UTF-8, e.g. with iconv -f UTF-16 -t UTF-8", buf[0], buf[1]);
    long line = 1;
    for (const unsigned char *p = buf; (p = memchr(p, '\n', (size_t)(z - p))) != NULL; p++)
        line++;
    return kcb_ld_fail(ld, KCB_EFORMAT, line, "binary data (NUL byte)");
}

/* The options that the format read cannot take: KCB_EINVAL with the reason, or 0. */
static int check_format(struct loader *ld, enum kcb_informat fmt)
{
    const struct kcb_load_opts *o = ld->opts;
    if (o->columns.ntext && fmt != KCB_IN_TSV && fmt != KCB_IN_CSV)
        return kcb_ld_fail(ld, KCB_EINVAL, 0, "columns can be chosen in tsv and csv files only, "
                           "not %s", kcb_informat_name(fmt));
    if (o->header == KCB_HEADER_YES && fmt == KCB_IN_DIR)
        return kcb_ld_fail(ld, KCB_EINVAL, 0, "a directory has no header row");
    return KCB_OK;
}

static int load_file(struct loader *ld, const char *path, enum kcb_informat fmt)
{
    unsigned char *buf;
    size_t n;
    int rc = kcb_read_file(path, &buf, &n);
    if (rc == KCB_EIO)
        return kcb_ld_fail(ld, rc, 0, "cannot read %s", path);
    if (rc)
        return rc;
    ld->d->arena = buf;
    ld->arena_cap = n + 1;
    size_t start = bom_len(buf, n);
    if (fmt == KCB_IN_AUTO)
        fmt = by_extension(path);
    if (fmt == KCB_IN_AUTO)
        fmt = kcb_sniff_format(buf + start, n - start);
    ld->d->format = fmt;
    rc = check_format(ld, fmt);
    if (!rc)
        rc = check_nul(ld, buf, n);
    if (rc)
        return rc;
    kcb_ld_columns(ld);
    if (fmt == KCB_IN_CSV)
        return kcb_read_csv(ld, buf, n, start);
    if (fmt == KCB_IN_TSV)
        return kcb_read_tsv(ld, buf, n, start);
    return kcb_read_fasttext(ld, buf, n, start);
}

/* Checks that there is a document, trims the arena and points every text into it. */
static int finish(struct loader *ld)
{
    struct kcb_dataset *d = ld->d;
    struct kcb_diag *diag = ld->diag;
    if (d->n == 0 && diag->skipped) {
        char first[sizeof diag->msg];
        memcpy(first, diag->msg, sizeof first);
        return kcb_ld_fail(ld, KCB_EFORMAT, 0, "no documents (%zu malformed rows skipped; the "
                           "first, line %ld: %.400s)", diag->skipped, diag->first_skipped_line,
                           first);
    }
    if (d->n == 0)
        return kcb_ld_fail(ld, KCB_EFORMAT, 0, "no documents");
    unsigned char *arena = realloc(d->arena, ld->used ? ld->used : 1);
    if (arena)
        d->arena = arena;
    size_t off = 0;
    for (size_t i = 0; i < d->n; i++) {
        d->text[i].p = d->arena + off;
        off += d->text[i].n;
    }
    return KCB_OK;
}

static int load_any(struct loader *ld, const char *path, enum kcb_informat fmt)
{
    if (fmt == KCB_IN_AUTO && kcb_is_dir(path))
        fmt = KCB_IN_DIR;
    if (fmt != KCB_IN_DIR)
        return load_file(ld, path, fmt);
    ld->d->format = KCB_IN_DIR;
    int rc = check_format(ld, fmt);
    return rc ? rc : kcb_read_dir(ld, path);
}

/* Options out of range, or column names without a header row: KCB_EINVAL with the reason. */
static int check_opts(const struct kcb_load_opts *o, struct kcb_diag *diag)
{
    const char *why = NULL;
    if ((unsigned)o->format > KCB_IN_DIR || (unsigned)o->header > KCB_HEADER_NO ||
        o->columns.ntext > KCB_TEXT_COLS_MAX)
        why = "invalid load options";
    else if (kcb_columns_named(&o->columns) && o->header == KCB_HEADER_NO)
        why = "columns are named by the header row, but the file is said to have none";
    if (why)
        snprintf(diag->msg, sizeof diag->msg, "%s", why);
    return why ? KCB_EINVAL : KCB_OK;
}

int kcb_dataset_load(const char *path, const struct kcb_load_opts *opts,
                     struct kcb_labels *labels, struct kcb_dataset **out, struct kcb_diag *diag)
{
    static const struct kcb_load_opts defaults;
    struct kcb_diag scratch;
    if (!diag)
        diag = &scratch;
    if (!opts)
        opts = &defaults;
    memset(diag, 0, sizeof *diag);
    if (check_opts(opts, diag))
        return KCB_EINVAL;
    struct kcb_dataset *d = calloc(1, sizeof *d);
    if (!d)
        return KCB_ENOMEM;
    d->labels = labels;
    d->owns_labels = !labels;
    int rc = labels ? KCB_OK : kcb_labels_new(&d->labels);
    size_t had = d->labels ? d->labels->n : 0;
    struct loader ld = {.d = d, .diag = diag, .opts = opts, .skip_bad = opts->skip_bad};
    if (rc == KCB_OK)
        rc = load_any(&ld, path, opts->format);
    if (rc == KCB_OK)
        rc = kcb_ld_checks(&ld, had);
    if (rc == KCB_OK)
        rc = finish(&ld);
    kcb_row_free(&ld.row);
    if (rc) {
        int e = errno;
        if (labels)
            kcb_labels_truncate(labels, had);
        kcb_dataset_free(d);
        errno = e;
        return rc;
    }
    *out = d;
    return KCB_OK;
}

void kcb_dataset_free(struct kcb_dataset *d)
{
    if (!d)
        return;
    if (d->owns_labels)
        kcb_labels_free(d->labels);
    free(d->text);
    free(d->label);
    free(d->line);
    free(d->arena);
    free(d);
}

/* ---- duplicates and filtering ---- */

struct dup_slot {
    uint64_t h;
    size_t idx; /* 1 + index of a train text; 0 when the slot is empty */
};

static int blob_eq(const struct kcb_blob *a, const struct kcb_blob *b)
{
    return a->n == b->n && (a->n == 0 || memcmp(a->p, b->p, a->n) == 0);
}

/* Returns the slot holding a text equal to t, or the empty slot where it would go. */
static size_t dup_probe(const struct dup_slot *s, size_t mask, const struct kcb_dataset *train,
                        uint64_t h, const struct kcb_blob *t)
{
    size_t i = (size_t)h & mask;
    while (s[i].idx && !(s[i].h == h && blob_eq(&train->text[s[i].idx - 1], t)))
        i = (i + 1) & mask;
    return i;
}

int kcb_dataset_find_dups(const struct kcb_dataset *train, const struct kcb_dataset *test,
                          unsigned char *dup, size_t *count)
{
    size_t nslot = 16;
    while (nslot / 2 < train->n) {
        if (nslot > SIZE_MAX / 2 / sizeof(struct dup_slot))
            return KCB_ENOMEM;
        nslot *= 2;
    }
    struct dup_slot *s = calloc(nslot, sizeof *s);
    if (!s)
        return KCB_ENOMEM;
    for (size_t i = 0; i < train->n; i++) {
        uint64_t h = kcb_fnv1a(train->text[i].p, train->text[i].n);
        size_t at = dup_probe(s, nslot - 1, train, h, &train->text[i]);
        if (!s[at].idx)
            s[at] = (struct dup_slot){h, i + 1};
    }
    size_t found = 0;
    for (size_t j = 0; j < test->n; j++) {
        uint64_t h = kcb_fnv1a(test->text[j].p, test->text[j].n);
        dup[j] = s[dup_probe(s, nslot - 1, train, h, &test->text[j])].idx != 0;
        found += dup[j];
    }
    free(s);
    *count = found;
    return KCB_OK;
}

void kcb_dataset_filter(struct kcb_dataset *d, const unsigned char *keep)
{
    size_t j = 0;
    for (size_t i = 0; i < d->n; i++) {
        if (!keep[i])
            continue;
        d->text[j] = d->text[i];
        d->label[j] = d->label[i];
        d->line[j] = d->line[i];
        j++;
    }
    d->n = j;
}
