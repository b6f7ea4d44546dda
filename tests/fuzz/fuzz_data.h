/* The dataset targets' shared body: load options from the first byte, then checks of what loaded. */
#ifndef KCB_FUZZ_DATA_H
#define KCB_FUZZ_DATA_H

#include "fuzz.h"

#include "kcb/dataset.h"
#include "kcb/err.h"

/* The columns an options byte can choose (bits 4-6): the formats' own layout, by number, by
 * name from a header row. */
static const char *const fuzz_columns[8] = {
    NULL, "label=1,text=2", "label=2,text=1", "label=1,text=2+3", "text=3+2,label=1",
    "label=label,text=text", "label=class,text=title+description", NULL,
};

/*
 * Load options from byte b: bit 0 skip_bad; bits 1-2 the header mode (auto, yes, no, auto);
 * bit 3 allow_unique_labels; bits 4-6 the columns (fuzz_columns); bit 7 the format left to
 * kcb_dataset_load to sniff (the file has no extension) instead of fmt.
 */
static inline void fuzz_load_opts(uint8_t b, enum kcb_informat fmt, struct kcb_load_opts *o)
{
    static const enum kcb_header headers[4] = {KCB_HEADER_AUTO, KCB_HEADER_YES, KCB_HEADER_NO,
                                               KCB_HEADER_AUTO};
    memset(o, 0, sizeof *o);
    o->skip_bad = b & 1;
    o->header = headers[(b >> 1) & 3];
    o->allow_unique_labels = (b >> 3) & 1;
    o->format = (b & 0x80) ? KCB_IN_AUTO : fmt;
    const char *cols = fuzz_columns[(b >> 4) & 7];
    char why[256];
    if (cols)
        FUZZ_CHECK(kcb_columns_parse(cols, &o->columns, why, sizeof why) == KCB_OK);
}

/* What must hold of a loaded set: texts inside the arena one after another, valid labels,
 * line numbers that never go down (files) or are 0 (directories), no NUL in a label. */
static inline void fuzz_dataset_check(const struct kcb_dataset *d)
{
    FUZZ_CHECK(d->n > 0 && d->labels && d->labels->n > 0);
    size_t off = 0;
    for (size_t i = 0; i < d->n; i++) {
        FUZZ_CHECK(d->label[i] >= 0 && (size_t)d->label[i] < d->labels->n);
        FUZZ_CHECK(d->text[i].n <= KCB_DOC_MAX);
        FUZZ_CHECK(d->text[i].n == 0 || d->text[i].p == d->arena + off);
        off += d->text[i].n;
        if (d->format == KCB_IN_DIR)
            FUZZ_CHECK(d->line[i] == 0);
        else
            FUZZ_CHECK(d->line[i] >= 1 && (i == 0 || d->line[i] > d->line[i - 1]));
    }
    for (size_t l = 0; l < d->labels->n; l++) {
        FUZZ_CHECK(d->labels->name[l] != NULL && d->labels->name[l][0] != '\0');
        FUZZ_CHECK(kcb_labels_find(d->labels, d->labels->name[l],
                                   strlen(d->labels->name[l])) == (int)l);
    }
    char hex[KCB_SHA256_HEX];
    kcb_dataset_digest(d, hex);
    FUZZ_CHECK(strlen(hex) == KCB_SHA256_HEX - 1);
    unsigned char *dup = malloc(d->n);
    size_t count = 0;
    FUZZ_CHECK(dup && kcb_dataset_find_dups(d, d, dup, &count) == KCB_OK && count == d->n);
    free(dup);
}

/* Loads path as o says, checks the set, then loads it again into a shared label table that
 * already holds a label, which must come out as it was when the load fails. */
static inline void fuzz_dataset_load(const char *path, const struct kcb_load_opts *o)
{
    struct kcb_dataset *d = NULL;
    struct kcb_diag diag;
    int rc = kcb_dataset_load(path, o, NULL, &d, &diag);
    FUZZ_CHECK(rc <= 0);
    FUZZ_CHECK(memchr(diag.msg, '\0', sizeof diag.msg) != NULL);
    if (rc == KCB_OK)
        fuzz_dataset_check(d);
    else
        FUZZ_CHECK(d == NULL && diag.msg[0] != '\0');
    kcb_dataset_free(d);
    d = NULL;
    struct kcb_labels *shared = NULL;
    int id = -1;
    FUZZ_CHECK(kcb_labels_new(&shared) == KCB_OK);
    FUZZ_CHECK(kcb_labels_intern(shared, "spam", 4, &id) == KCB_OK && id == 0);
    rc = kcb_dataset_load(path, o, shared, &d, &diag);
    if (rc == KCB_OK) {
        fuzz_dataset_check(d);
        FUZZ_CHECK(d->labels == shared);
    } else {
        FUZZ_CHECK(shared->n == 1 && strcmp(shared->name[0], "spam") == 0);
        FUZZ_CHECK(kcb_labels_find(shared, "spam", 4) == 0);
    }
    kcb_dataset_free(d);
    kcb_labels_free(shared);
}

#endif
