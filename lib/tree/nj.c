/* Neighbour joining (Saitou-Nei), Newick output, and a midpoint-rooted phylogram layout. */
#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "kcb/err.h"
#include "kcb/tree.h"

/* ---- the tree ---- */

void kcb_tree_free(struct kcb_tree *t)
{
    if (!t)
        return;
    for (size_t i = 0; t->labels && i < t->nleaves; i++)
        free(t->labels[i]);
    free(t->labels);
    free(t->node);
    free(t);
}

/* A tree with n labelled leaves and no edges yet. */
static int tree_new(const struct kcb_matrix *m, struct kcb_tree **out)
{
    struct kcb_tree *t = calloc(1, sizeof *t);
    if (!t)
        return KCB_ENOMEM;
    t->nleaves = m->n;
    t->nnodes = m->n == 2 ? 3 : 2 * m->n - 2;
    t->labels = calloc(m->n, sizeof *t->labels);
    t->node = calloc(t->nnodes, sizeof *t->node);
    if (!t->labels || !t->node) {
        kcb_tree_free(t);
        return KCB_ENOMEM;
    }
    for (size_t i = 0; i < m->n; i++)
        if (!(t->labels[i] = strdup(m->labels[i]))) {
            kcb_tree_free(t);
            return KCB_ENOMEM;
        }
    for (size_t v = 0; v < t->nnodes; v++)
        t->node[v].parent = KCB_TREE_NONE;
    *out = t;
    return KCB_OK;
}

static double nonneg(double x)
{
    return x > 0 ? x : 0.0; /* also turns -0.0 and NaN into 0 */
}

static void attach(struct kcb_tree *t, size_t child, size_t parent, double length)
{
    struct kcb_tree_node *p = &t->node[parent];
    t->node[child].parent = parent;
    t->node[child].length = nonneg(length);
    p->child[p->nchild++] = child;
}

/* ---- neighbour joining ---- */

/* The working state: a slot per matrix row; a join takes the lower slot of its pair. */
struct nj {
    size_t n;           /* matrix size */
    double *d;          /* n*n symmetrised distances between the nodes in the slots */
    double *rsum;       /* per slot: the sum of its distances to the other live slots */
    size_t *id;         /* per slot: the tree node it holds */
    unsigned char *live;
    size_t nlive;
    size_t next;        /* the next free tree node */
};

static void nj_free(struct nj *s)
{
    free(s->d);
    free(s->rsum);
    free(s->id);
    free(s->live);
}

static int all_finite(const struct kcb_matrix *m)
{
    for (size_t k = 0; k < m->n * m->n; k++)
        if (!isfinite(m->d[k]))
            return 0;
    return 1;
}

static int nj_init(struct nj *s, const struct kcb_matrix *m)
{
    size_t n = m->n;
    *s = (struct nj){.n = n, .nlive = n, .next = n};
    s->d = malloc(n * n * sizeof *s->d);
    s->rsum = malloc(n * sizeof *s->rsum);
    s->id = malloc(n * sizeof *s->id);
    s->live = malloc(n);
    if (!s->d || !s->rsum || !s->id || !s->live)
        return KCB_ENOMEM;
    for (size_t i = 0; i < n; i++) {
        s->id[i] = i;
        s->live[i] = 1;
        for (size_t j = 0; j < n; j++)
            s->d[i * n + j] = i == j ? 0.0 : (m->d[i * n + j] + m->d[j * n + i]) / 2;
    }
    return KCB_OK;
}

static double D(const struct nj *s, size_t i, size_t j)
{
    return s->d[i * s->n + j];
}

static void row_sums(struct nj *s)
{
    for (size_t i = 0; i < s->n; i++) {
        double r = 0;
        for (size_t j = 0; s->live[i] && j < s->n; j++)
            if (s->live[j])
                r += D(s, i, j);
        s->rsum[i] = r;
    }
}

/* The live pair i < j with the least Q; the first one met on ties. */
static void least_q(const struct nj *s, size_t *fi, size_t *fj)
{
    double best = INFINITY, k = (double)(s->nlive - 2);
    *fi = *fj = KCB_TREE_NONE;
    for (size_t i = 0; i < s->n; i++) {
        for (size_t j = i + 1; s->live[i] && j < s->n; j++) {
            if (!s->live[j])
                continue;
            double q = k * D(s, i, j) - s->rsum[i] - s->rsum[j];
            if (q < best || *fi == KCB_TREE_NONE) {
                best = q;
                *fi = i;
                *fj = j;
            }
        }
    }
}

/* Joins slots f < g under a new node, which takes slot f. */
static void join(struct nj *s, struct kcb_tree *t, size_t f, size_t g)
{
    double dfg = D(s, f, g);
    double lf = dfg / 2 + (s->rsum[f] - s->rsum[g]) / (2 * (double)(s->nlive - 2));
    double lg = dfg - lf;
    if (lf < 0) {
        lf = 0;
        lg = dfg;
    } else if (lg < 0) {
        lg = 0;
        lf = dfg;
    }
    size_t u = s->next++;
    attach(t, s->id[f], u, lf);
    attach(t, s->id[g], u, lg);
    for (size_t k = 0; k < s->n; k++) {
        if (!s->live[k] || k == f || k == g)
            continue;
        double duk = (D(s, f, k) + D(s, g, k) - dfg) / 2;
        s->d[f * s->n + k] = s->d[k * s->n + f] = duk;
    }
    s->live[g] = 0;
    s->nlive--;
    s->id[f] = u;
}

/* Joins the last two or three live slots under the top node. */
static void join_last(struct nj *s, struct kcb_tree *t)
{
    size_t a[3], k = 0;
    for (size_t i = 0; i < s->n && k < 3; i++)
        if (s->live[i])
            a[k++] = i;
    size_t top = s->next++;
    if (k == 2) {
        double half = D(s, a[0], a[1]) / 2;
        attach(t, s->id[a[0]], top, half);
        attach(t, s->id[a[1]], top, half);
        return;
    }
    double ab = D(s, a[0], a[1]), ac = D(s, a[0], a[2]), bc = D(s, a[1], a[2]);
    attach(t, s->id[a[0]], top, (ab + ac - bc) / 2);
    attach(t, s->id[a[1]], top, (ab + bc - ac) / 2);
    attach(t, s->id[a[2]], top, (ac + bc - ab) / 2);
}

int kcb_nj(const struct kcb_matrix *m, struct kcb_tree **out)
{
    if (m->n < 2 || !all_finite(m))
        return KCB_EINVAL;
    struct kcb_tree *t;
    struct nj s;
    int rc = tree_new(m, &t);
    if (rc)
        return rc;
    if ((rc = nj_init(&s, m))) {
        nj_free(&s);
        kcb_tree_free(t);
        return rc;
    }
    while (s.nlive > 3) {
        size_t f, g;
        row_sums(&s);
        least_q(&s, &f, &g);
        join(&s, t, f, g);
    }
    join_last(&s, t);
    nj_free(&s);
    *out = t;
    return KCB_OK;
}

double kcb_tree_path_length(const struct kcb_tree *t, size_t a, size_t b)
{
    size_t da = 0, db = 0;
    for (size_t v = a; t->node[v].parent != KCB_TREE_NONE; v = t->node[v].parent)
        da++;
    for (size_t v = b; t->node[v].parent != KCB_TREE_NONE; v = t->node[v].parent)
        db++;
    double sum = 0;
    for (; da > db; da--, a = t->node[a].parent)
        sum += t->node[a].length;
    for (; db > da; db--, b = t->node[b].parent)
        sum += t->node[b].length;
    for (; a != b; a = t->node[a].parent, b = t->node[b].parent)
        sum += t->node[a].length + t->node[b].length;
    return sum;
}

/* ---- Newick ---- */

static int needs_quotes(const char *s)
{
    if (!*s)
        return 1;
    for (; *s; s++)
        if (isspace((unsigned char)*s) || strchr("()[]':;,_", *s)) /* Newick reads _ as a blank */
            return 1;
    return 0;
}

static void newick_label(FILE *fp, const char *s)
{
    if (!needs_quotes(s)) {
        fputs(s, fp);
        return;
    }
    fputc('\'', fp);
    for (; *s; s++) {
        if (*s == '\'')
            fputc('\'', fp);
        fputc(*s, fp);
    }
    fputc('\'', fp);
}

static void newick_node(const struct kcb_tree *t, size_t v, FILE *fp)
{
    const struct kcb_tree_node *nd = &t->node[v];
    if (nd->nchild == 0) {
        newick_label(fp, t->labels[v]);
    } else {
        fputc('(', fp);
        for (size_t k = 0; k < nd->nchild; k++) {
            if (k)
                fputc(',', fp);
            newick_node(t, nd->child[k], fp);
        }
        fputc(')', fp);
    }
    if (nd->parent != KCB_TREE_NONE)
        fprintf(fp, ":%.6f", nd->length);
}

int kcb_tree_newick(const struct kcb_tree *t, FILE *fp)
{
    newick_node(t, t->nnodes - 1, fp);
    fputs(";\n", fp);
    return ferror(fp) ? KCB_EIO : KCB_OK;
}

/* ---- layout ---- */

/* The tree as an undirected graph, with room for one more node: the root of the drawing. */
struct graph {
    size_t n;           /* nodes, the added root included */
    size_t (*adj)[4];   /* neighbours: a join has 3, the root 2 */
    double (*w)[4];     /* the length of each of those edges */
    size_t *deg;
    double *dist;       /* scratch for distances from one node */
    size_t *pred;       /* scratch: the previous node on the path from that node */
    size_t *stack;
};

static void graph_free(struct graph *g)
{
    free(g->adj);
    free(g->w);
    free(g->deg);
    free(g->dist);
    free(g->pred);
    free(g->stack);
}

static void add_edge(struct graph *g, size_t a, size_t b, double w)
{
    g->adj[a][g->deg[a]] = b;
    g->w[a][g->deg[a]++] = w;
    g->adj[b][g->deg[b]] = a;
    g->w[b][g->deg[b]++] = w;
}

static void drop_half_edge(struct graph *g, size_t a, size_t b)
{
    for (size_t k = 0; k < g->deg[a]; k++)
        if (g->adj[a][k] == b) {
            memmove(&g->adj[a][k], &g->adj[a][k + 1], (g->deg[a] - k - 1) * sizeof(size_t));
            memmove(&g->w[a][k], &g->w[a][k + 1], (g->deg[a] - k - 1) * sizeof(double));
            g->deg[a]--;
            return;
        }
}

/* The graph of t: for each node its children in order, then its parent. */
static int graph_of(const struct kcb_tree *t, struct graph *g)
{
    size_t n = t->nnodes + 1;
    *g = (struct graph){.n = n};
    g->adj = calloc(n, sizeof *g->adj);
    g->w = calloc(n, sizeof *g->w);
    g->deg = calloc(n, sizeof *g->deg);
    g->dist = calloc(n, sizeof *g->dist);
    g->pred = calloc(n, sizeof *g->pred);
    g->stack = calloc(n, sizeof *g->stack);
    if (!g->adj || !g->w || !g->deg || !g->dist || !g->pred || !g->stack)
        return KCB_ENOMEM;
    for (size_t v = 0; v < t->nnodes; v++)
        for (size_t k = 0; k < t->node[v].nchild; k++)
            add_edge(g, v, t->node[v].child[k], t->node[t->node[v].child[k]].length);
    return KCB_OK;
}

/* Fills g->dist and g->pred from src over the nodes it reaches. */
static void distances_from(struct graph *g, size_t src)
{
    size_t top = 0;
    g->dist[src] = 0;
    g->pred[src] = KCB_TREE_NONE;
    g->stack[top++] = src;
    while (top) {
        size_t v = g->stack[--top];
        for (size_t k = 0; k < g->deg[v]; k++) {
            size_t u = g->adj[v][k];
            if (u == g->pred[v])
                continue;
            g->dist[u] = g->dist[v] + g->w[v][k];
            g->pred[u] = v;
            g->stack[top++] = u;
        }
    }
}

/* The leaves i < j farthest apart, the first such pair on ties. */
static void farthest_leaves(struct graph *g, size_t nleaves, size_t *a, size_t *b)
{
    double best = -1;
    *a = 0;
    *b = 1;
    for (size_t i = 0; i < nleaves; i++) {
        distances_from(g, i);
        for (size_t j = i + 1; j < nleaves; j++)
            if (g->dist[j] > best) {
                best = g->dist[j];
                *a = i;
                *b = j;
            }
    }
}

/* Adds the root (node g->n - 1) halfway along the longest path between two leaves. */
static size_t add_midpoint_root(struct graph *g, size_t nleaves)
{
    size_t a, b, root = g->n - 1;
    farthest_leaves(g, nleaves, &a, &b);
    distances_from(g, a);
    double half = g->dist[b] / 2;
    size_t v = b;
    while (g->dist[g->pred[v]] > half)
        v = g->pred[v];
    size_t p = g->pred[v];
    double len = g->dist[v] - g->dist[p], t = half - g->dist[p];
    drop_half_edge(g, p, v);
    drop_half_edge(g, v, p);
    add_edge(g, root, p, nonneg(t));
    add_edge(g, root, v, nonneg(len - t));
    return root;
}

/* Drawing positions of every graph node, and the layout being filled. */
struct placing {
    const struct graph *g;
    double *x;           /* distance from the root */
    size_t rows;
    struct kcb_tree_layout *l;
};

static void add_segment(struct kcb_tree_layout *l, double x1, double y1, double x2, double y2)
{
    l->seg[l->nseg++] = (struct kcb_tree_segment){x1, y1, x2, y2};
}

/* Places v (reached from parent at x) and its subtree; returns v's row. */
static double place(struct placing *pl, size_t v, size_t parent, double x)
{
    const struct graph *g = pl->g;
    double first = NAN, last = NAN;
    pl->x[v] = x;
    if (x > pl->l->width)
        pl->l->width = x;
    for (size_t k = 0; k < g->deg[v]; k++) {
        size_t u = g->adj[v][k];
        if (u == parent)
            continue;
        double y = place(pl, u, v, x + g->w[v][k]);
        add_segment(pl->l, x, y, pl->x[u], y);
        if (isnan(first))
            first = y;
        last = y;
    }
    if (isnan(first)) {
        pl->l->tip[pl->rows] = (struct kcb_tree_tip){x, (double)pl->rows, v};
        return (double)pl->rows++;
    }
    add_segment(pl->l, x, first, x, last);
    return (first + last) / 2;
}

void kcb_tree_layout_free(struct kcb_tree_layout *l)
{
    if (!l)
        return;
    free(l->seg);
    free(l->tip);
    free(l);
}

static int layout_place(struct graph *g, size_t nleaves, struct kcb_tree_layout *l)
{
    struct placing pl = {.g = g, .l = l};
    pl.x = calloc(g->n, sizeof *pl.x);
    l->seg = calloc(2 * g->n, sizeof *l->seg);
    l->tip = calloc(nleaves, sizeof *l->tip);
    int rc = pl.x && l->seg && l->tip ? KCB_OK : KCB_ENOMEM;
    if (!rc) {
        place(&pl, add_midpoint_root(g, nleaves), KCB_TREE_NONE, 0.0);
        l->ntips = pl.rows;
    }
    free(pl.x);
    return rc;
}

int kcb_tree_layout(const struct kcb_tree *t, struct kcb_tree_layout **out)
{
    struct kcb_tree_layout *l = calloc(1, sizeof *l);
    struct graph g;
    int rc = l ? graph_of(t, &g) : KCB_ENOMEM;
    if (!rc)
        rc = layout_place(&g, t->nleaves, l);
    if (l)
        graph_free(&g);
    if (rc) {
        kcb_tree_layout_free(l);
        return rc;
    }
    *out = l;
    return KCB_OK;
}
