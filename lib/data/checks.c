/* Checks of a set just read: a header row taken for data, and labels that are mostly unique. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kcb/err.h"
#include "loader.h"

/* Names of label and text columns, lower-cased, without characters other than a-z and 0-9. */
static const char *const column_words[] = {
    "label", "labels", "labelid", "labelname", "class", "classes", "classindex", "classlabel",
    "classname", "category", "categories", "target", "tag", "tags", "topic", "topics",
    "sentiment", "polarity", "intent", "emotion", "genre", "language", "lang", "text", "texts",
    "title", "description", "sentence", "document", "doc", "content", "body", "review",
    "comment", "tweet", "message",
};

/* Whether s names a column: "Class Index" and "class_index" are "classindex". */
static int names_a_column(const char *s)
{
    char key[32];
    size_t k = 0;
    for (; *s; s++) {
        if (!isalnum((unsigned char)*s))
            continue;
        if (k + 1 == sizeof key)
            return 0;
        key[k++] = (char)tolower((unsigned char)*s);
    }
    key[k] = '\0';
    for (size_t i = 0; i < sizeof column_words / sizeof column_words[0]; i++)
        if (strcmp(key, column_words[i]) == 0)
            return 1;
    return 0;
}

/* How many documents have each label (an array of labels->n counts), or NULL. */
static size_t *count_labels(const struct kcb_dataset *d)
{
    size_t *count = calloc(d->labels->n ? d->labels->n : 1, sizeof *count);
    for (size_t i = 0; count && i < d->n; i++)
        count[d->label[i]]++;
    return count;
}

/* s, at most 40 bytes of it, with control bytes as spaces, into buf (at least 48 bytes). */
static void excerpt(const char *s, char *buf, size_t cap)
{
    size_t n = strlen(s), k = n > 40 ? 40 : n;
    for (size_t i = 0; i < k; i++)
        buf[i] = (unsigned char)s[i] < 0x20 || s[i] == 0x7f ? ' ' : s[i];
    snprintf(buf + k, cap - k, "%s", n > k ? "..." : "");
}

/* Drops document 0, the first of the arena, and its label, new to the table and its own. */
static void drop_first(struct loader *ld, size_t id)
{
    struct kcb_dataset *d = ld->d;
    size_t len = d->text[0].n;
    memmove(d->arena, d->arena + len, ld->used - len);
    ld->used -= len;
    d->n--;
    memmove(d->text, d->text + 1, d->n * sizeof *d->text);
    memmove(d->label, d->label + 1, d->n * sizeof *d->label);
    memmove(d->line, d->line + 1, d->n * sizeof *d->line);
    kcb_labels_remove(d->labels, id);
    for (size_t i = 0; i < d->n; i++)
        d->label[i] -= d->label[i] > (int)id;
}

/* Why document 0 is a header row (into why), or 0 when it is not one. */
static int header_reason(const struct loader *ld, const size_t *count, size_t had, char *why,
                         size_t wl)
{
    const struct kcb_dataset *d = ld->d;
    size_t id = (size_t)d->label[0], others = 0, rest = d->n - 1;
    if (id < had || count[id] != 1)
        return 0;
    char name[64];
    excerpt(d->labels->name[id], name, sizeof name);
    if (names_a_column(d->labels->name[id])) {
        snprintf(why, wl, "its label '%s' names a column", name);
        return 1;
    }
    for (size_t i = 0; i < d->labels->n; i++)
        others += i != id && count[i] > 0;
    if (rest < 5 || others == 0 || rest < 5 * others || d->text[0].n > 64)
        return 0;
    snprintf(why, wl, "its label '%s' is in no other row, while the other %zu rows share %zu "
             "label%s", name, rest, others, others == 1 ? "" : "s");
    return 1;
}

/* KCB_HEADER_AUTO: drops the first row when it looks like a header row (see kcb_dataset_load). */
static int check_header(struct loader *ld, size_t had)
{
    struct kcb_dataset *d = ld->d;
    struct kcb_diag *diag = ld->diag;
    if (ld->opts->header != KCB_HEADER_AUTO || diag->header_line || d->format == KCB_IN_DIR ||
        d->n == 0 || d->line[0] != ld->first_line)
        return KCB_OK;
    size_t *count = count_labels(d);
    if (!count)
        return KCB_ENOMEM;
    if (header_reason(ld, count, had, diag->header_why, sizeof diag->header_why)) {
        diag->header_line = d->line[0];
        diag->header_detected = 1;
        drop_first(ld, (size_t)d->label[0]);
    }
    free(count);
    return KCB_OK;
}

/* Refuses a set in which most rows have a label of their own (see kcb_dataset_load). */
static int check_unique(struct loader *ld, size_t had)
{
    struct kcb_dataset *d = ld->d;
    if (ld->opts->allow_unique_labels || d->n < KCB_UNIQUE_MIN_ROWS)
        return KCB_OK;
    size_t *count = count_labels(d);
    if (!count)
        return KCB_ENOMEM;
    size_t own = 0, first = 0;
    for (size_t i = d->n; i-- > 0;) {
        if ((size_t)d->label[i] >= had && count[d->label[i]] == 1) {
            own++;
            first = i;
        }
    }
    free(count);
    if (own * 2 <= d->n)
        return KCB_OK;
    char name[64];
    excerpt(d->labels->name[d->label[first]], name, sizeof name);
    ld->diag->unique = own;
    return kcb_ld_fail(ld, KCB_EFORMAT, d->line[first], "%zu of %zu rows have a label that no "
                       "other row has (this one: '%s')", own, d->n, name);
}

int kcb_ld_checks(struct loader *ld, size_t had)
{
    int rc = check_header(ld, had);
    return rc ? rc : check_unique(ld, had);
}
