/* The label table: names in order of first appearance, indexed by an open-addressed hash. */
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "kcb/err.h"
#include "kcb/text.h"
#include "loader.h"

int kcb_labels_new(struct kcb_labels **out)
{
    struct kcb_labels *l = calloc(1, sizeof *l);
    if (!l)
        return KCB_ENOMEM;
    *out = l;
    return KCB_OK;
}

void kcb_labels_free(struct kcb_labels *l)
{
    if (!l)
        return;
    for (size_t i = 0; i < l->n; i++)
        free(l->name[i]);
    free(l->name);
    free(l->slot);
    free(l);
}

/* Returns the slot holding name[0..len), or the empty slot where it would go (nslot > 0). */
static size_t label_slot(const struct kcb_labels *l, const char *name, size_t len)
{
    size_t mask = l->nslot - 1, i = (size_t)kcb_fnv1a(name, len) & mask;
    while (l->slot[i] >= 0) {
        const char *s = l->name[l->slot[i]];
        if (strlen(s) == len && memcmp(s, name, len) == 0)
            break;
        i = (i + 1) & mask;
    }
    return i;
}

/* Rebuilds the index from the names, in the slot array as allocated. */
static void labels_index(struct kcb_labels *l)
{
    for (size_t i = 0; i < l->nslot; i++)
        l->slot[i] = -1;
    for (size_t id = 0; id < l->n; id++)
        l->slot[label_slot(l, l->name[id], strlen(l->name[id]))] = (int)id;
}

/* Makes room for one more label: 0 or KCB_ENOMEM. */
static int labels_reserve(struct kcb_labels *l)
{
    if (l->n == l->cap) {
        size_t cap = l->cap ? l->cap * 2 : 16;
        char **name = realloc(l->name, cap * sizeof *name);
        if (!name)
            return KCB_ENOMEM;
        l->name = name;
        l->cap = cap;
    }
    if (2 * (l->n + 1) < l->nslot)
        return KCB_OK;
    size_t nslot = l->nslot ? l->nslot * 2 : 32;
    int *slot = malloc(nslot * sizeof *slot);
    if (!slot)
        return KCB_ENOMEM;
    free(l->slot);
    l->slot = slot;
    l->nslot = nslot;
    labels_index(l);
    return KCB_OK;
}

int kcb_labels_find(const struct kcb_labels *l, const char *name, size_t len)
{
    if (l->nslot == 0 || memchr(name, '\0', len))
        return -1;
    return l->slot[label_slot(l, name, len)];
}

int kcb_labels_intern(struct kcb_labels *l, const char *name, size_t len, int *id)
{
    if (memchr(name, '\0', len))
        return KCB_EINVAL;
    int found = kcb_labels_find(l, name, len);
    if (found >= 0) {
        *id = found;
        return KCB_OK;
    }
    if (l->n >= INT_MAX)
        return KCB_ERANGE;
    char *copy = malloc(len + 1);
    if (!copy || labels_reserve(l)) {
        free(copy);
        return KCB_ENOMEM;
    }
    memcpy(copy, name, len);
    copy[len] = '\0';
    l->slot[label_slot(l, name, len)] = (int)l->n;
    l->name[l->n] = copy;
    *id = (int)l->n++;
    return KCB_OK;
}

/* Forgets the labels from id n on (undoing a failed load on a shared table). */
void kcb_labels_truncate(struct kcb_labels *l, size_t n)
{
    if (l->n <= n)
        return;
    while (l->n > n)
        free(l->name[--l->n]);
    labels_index(l);
}


/* Forgets label id, renumbering the labels after it one down. */
void kcb_labels_remove(struct kcb_labels *l, size_t id)
{
    if (id >= l->n)
        return;
    free(l->name[id]);
    memmove(l->name + id, l->name + id + 1, (l->n - id - 1) * sizeof *l->name);
    l->n--;
    labels_index(l);
}
