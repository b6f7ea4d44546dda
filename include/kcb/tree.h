/* lib/tree: neighbour-joining trees from distance matrices: building, Newick output and a drawing layout. */
#ifndef KCB_TREE_H
#define KCB_TREE_H

#include <stddef.h>
#include <stdio.h>

#include "kcb/matrix.h"

#define KCB_TREE_NONE ((size_t)-1) /* no such node: the parent of the top node */

/* One node of an unrooted tree, stored hanging from the node of the last join. */
struct kcb_tree_node {
    size_t parent;   /* index of the parent, KCB_TREE_NONE for the top node */
    double length;   /* branch length to the parent, >= 0; 0 for the top node */
    size_t nchild;   /* 0 for a leaf, 2 for a join, 3 for the top node when n >= 3 */
    size_t child[3]; /* in joining order: the lower matrix slot first */
};

/*
 * A tree over the n labelled leaves of a matrix. Nodes 0..n-1 are the leaves, in matrix
 * order; the joins follow in the order they were made, and the last node is the top one.
 */
struct kcb_tree {
    size_t nleaves;
    size_t nnodes;   /* n == 2: 3 (the top node halves the one edge); n >= 3: 2n - 2 */
    char **labels;   /* nleaves owned copies of the matrix labels */
    struct kcb_tree_node *node;
};

/*
 * Builds the neighbour-joining tree of m (Saitou & Nei 1987, with Studier & Keppler's
 * branch-length formulas), in O(n^3) time and O(n^2) memory.
 *
 * The matrix need not be symmetric nor have a zero diagonal, as NCD matrices are neither:
 * d(i,j) is taken as (m[i][j] + m[j][i]) / 2 and the diagonal is never used. Every entry,
 * diagonal included, must still be finite.
 *
 * Each step joins the pair with the least Q(i,j) = (r-2) d(i,j) - R_i - R_j; ties go to
 * the lowest slot i, then the lowest j, where the join of slots i < j takes slot i. A
 * negative branch length is set to 0 and the difference moved to its sibling, so that
 * the two still add up to d(i,j) (itself taken as 0 if negative); at the final three-way
 * join, negative lengths are set to 0. n = 2 gives one edge of length d, halved by the
 * top node; n = 3 gives the exact three-leaf star.
 *
 * Returns 0, KCB_EINVAL (n < 2, or a NaN or infinite entry) or KCB_ENOMEM. Caller owns
 * *out; free with kcb_tree_free().
 */
int kcb_nj(const struct kcb_matrix *m, struct kcb_tree **out);

/* Frees t; accepts NULL. */
void kcb_tree_free(struct kcb_tree *t);

/*
 * Writes t in Newick with a newline: the top node (the last join, so a trifurcation when
 * n >= 3) as the outermost parentheses, lengths as %.6f. A label is written in single quotes,
 * with each ' doubled, when it is empty or holds a blank or one of ()[]':;, characters.
 * Returns 0 or KCB_EIO if the stream reports an error.
 */
int kcb_tree_newick(const struct kcb_tree *t, FILE *fp);

/* Sum of branch lengths on the path between nodes a and b of t. */
double kcb_tree_path_length(const struct kcb_tree *t, size_t a, size_t b);

/* A line of the drawing, in tree units: x along the distance from the root, y leaf rows. */
struct kcb_tree_segment {
    double x1, y1, x2, y2;
};

/* Where a leaf's tip is drawn; leaf indexes the tree's labels. */
struct kcb_tree_tip {
    double x, y;
    size_t leaf;
};

/*
 * A rectangular phylogram of a tree, rooted at the midpoint of its longest leaf-to-leaf path
 * (the first such pair of leaves i < j on ties). x is the distance from that root; leaves
 * take rows y = 0..n-1 in depth-first order, and a join sits at the midpoint of its first
 * and last child's rows. Each non-root node has a horizontal segment from its parent's x to
 * its own; each join has a vertical segment spanning its children's rows.
 */
struct kcb_tree_layout {
    size_t nseg;
    struct kcb_tree_segment *seg;
    size_t ntips;                /* the tree's nleaves */
    struct kcb_tree_tip *tip;    /* in row order: tip[k].y == k */
    double width;                /* the largest x, 0 when every length is 0 */
};

/* Computes the layout of t. Returns 0 or KCB_ENOMEM; caller owns *out, free with
 * kcb_tree_layout_free(). */
int kcb_tree_layout(const struct kcb_tree *t, struct kcb_tree_layout **out);

/* Frees l; accepts NULL. */
void kcb_tree_layout_free(struct kcb_tree_layout *l);

#endif
