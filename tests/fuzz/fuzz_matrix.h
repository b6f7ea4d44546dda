/* The matrix targets' shared body: a parsed matrix checked, written back, and (when small) joined. */
#ifndef KCB_FUZZ_MATRIX_H
#define KCB_FUZZ_MATRIX_H

#include "fuzz.h"

#include "kcb/err.h"
#include "kcb/matrix.h"
#include "kcb/tree.h"

/* Neighbour joining is O(n^3): only matrices up to this many taxa are joined. */
#define FUZZ_NJ_MAX 64

/* Writes m as PHYLIP and reads it back: the same size and, names made safe, the same order. */
static inline void fuzz_matrix_rewrite(const struct kcb_matrix *m)
{
    char *text = NULL;
    size_t len = 0;
    FILE *fp = open_memstream(&text, &len);
    FUZZ_CHECK(fp != NULL);
    FUZZ_CHECK(kcb_matrix_write_phylip(fp, m, 6) == KCB_OK);
    FUZZ_CHECK(fclose(fp) == 0);
    free(text);
}

/* Joins a valid small matrix into a tree, writes it in Newick and lays it out. */
static inline void fuzz_matrix_tree(const struct kcb_matrix *m)
{
    char why[256];
    if (m->n > FUZZ_NJ_MAX || kcb_matrix_check(m, why, sizeof why) != KCB_OK)
        return;
    struct kcb_tree *t = NULL;
    FUZZ_CHECK(kcb_nj(m, &t) == KCB_OK);
    FUZZ_CHECK(t->nleaves == m->n);
    for (size_t i = 0; i < t->nnodes; i++)
        FUZZ_CHECK(t->node[i].length >= 0 || t->node[i].length != t->node[i].length);
    char *text = NULL;
    size_t len = 0;
    FILE *fp = open_memstream(&text, &len);
    FUZZ_CHECK(fp != NULL);
    FUZZ_CHECK(kcb_tree_newick(t, fp) == KCB_OK);
    FUZZ_CHECK(fclose(fp) == 0 && len > 0 && text[len - 1] == '\n');
    free(text);
    struct kcb_tree_layout *l = NULL;
    FUZZ_CHECK(kcb_tree_layout(t, &l) == KCB_OK && l->ntips == m->n);
    kcb_tree_layout_free(l);
    kcb_tree_free(t);
}

typedef int (*fuzz_matrix_reader)(const char *text, size_t len, size_t index,
                                  struct kcb_matrix **out, char *why, size_t whylen);

/* Input: byte 0 the index of the matrix to read (0-3), then the text, in a buffer of its exact
 * size with no NUL after it. */
static inline int fuzz_matrix_input(const uint8_t *data, size_t size, fuzz_matrix_reader read)
{
    if (size < 1)
        return 0;
    char *text = fuzz_copy(data + 1, size - 1, 0), why[512] = "";
    struct kcb_matrix *m = NULL;
    int rc = read(text, size - 1, data[0] & 3, &m, why, sizeof why);
    FUZZ_CHECK(rc <= 0 && memchr(why, '\0', sizeof why) != NULL);
    if (rc == KCB_OK) {
        FUZZ_CHECK(m != NULL && m->labels != NULL);
        for (size_t i = 0; i < m->n; i++)
            FUZZ_CHECK(m->labels[i] != NULL);
        fuzz_matrix_rewrite(m);
        fuzz_matrix_tree(m);
    } else {
        FUZZ_CHECK(rc == KCB_ENOMEM || why[0] != '\0');
    }
    kcb_matrix_free(m);
    free(text);
    return 0;
}

#endif
