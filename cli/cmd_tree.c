/* kcbench tree: the neighbour-joining tree of a distance matrix, as Newick, a node table and a figure. */
#include <stdlib.h>
#include <string.h>

#include "args.h"
#include "figure.h"
#include "kcb/err.h"
#include "kcb/io.h"
#include "kcb/matrix.h"
#include "kcb/text.h"
#include "kcb/tree.h"
#include "output.h"
#include "columns.h"

#define CMD "tree"

enum input_format { IN_AUTO, IN_PHYLIP, IN_JSON };
static const char *const input_names[] = {"auto", "phylip", "json"};

static const struct kcb_opt opts[] = {
    {'i', "input-format", "F",
     "auto (default: JSON if the text starts with '[' or '{',\n"
     "else PHYLIP), phylip (square or lower-triangular, strict or\n"
     "relaxed), json (as 'kcbench ncd -f json' writes: one record\n"
     "per pair, or {\"labels\", \"matrix\"} objects)", "phylip"},
    {KCB_OPT_LONG + 1, "index", "I",
     "which matrix when the input holds several, as 'ncd -c\n"
     "gzip:9,xz:6' writes (default 0, the first)", "0"},
    {'f', "format", "F",
     "newick (default); table, md, csv, tsv or json list the nodes:\n"
     "node, parent, branch length, and the label of a leaf", "json"},
    {'o', "output", "FILE", "write there (atomically), not to standard output", "out.nwk"},
    {KCB_OPT_LONG + 2, "svg", "FIG.svg",
     "also draw the tree: writes the gnuplot script FIG.gp (kept,\n"
     "to restyle and re-run) and runs gnuplot on it; the drawing\n"
     "is rooted at the midpoint of the longest leaf-to-leaf path", "fig.svg"},
    {KCB_OPT_LONG + 3, "title", "TEXT", "the figure's title (default: 'neighbour joining: MATRIX')",
     "UDHR"},
    {0, NULL, NULL, NULL, NULL},
};

struct tree_opts {
    const char *input;   /* MATRIX; "-" is standard input */
    const char *name;    /* how messages name the input */
    const char *output;  /* "-" is standard output */
    const char *svg;     /* NULL: no figure */
    const char *title;   /* NULL: a title naming the input */
    enum input_format in;
    enum kcb_format format; /* KCB_FMT_PHYLIP stands for newick */
    long index;          /* which matrix of several, 0 = the first */
};

static int apply(const struct kcb_cmd *cmd, void *ctx, int key, const char *arg)
{
    struct tree_opts *o = ctx;
    int i;
    switch (key) {
    case 'i':
        if ((i = kcb_name_find(input_names, 3, arg)) < 0)
            return kcb_usage_err(CMD, "-i: unknown input format '%s' (auto, phylip, json)", arg);
        o->in = (enum input_format)i;
        return KCB_EXIT_OK;
    case 'f':
        if (strcmp(arg, "newick") == 0) {
            o->format = KCB_FMT_PHYLIP;
            return KCB_EXIT_OK;
        }
        return kcb_arg_format(cmd, key, arg, KCB_FMTS_TABLES, &o->format);
    case 'o': o->output = arg; return KCB_EXIT_OK;
    case KCB_OPT_LONG + 1: return kcb_arg_long(cmd, key, arg, 0, 100000, &o->index);
    case KCB_OPT_LONG + 2: o->svg = arg; return KCB_EXIT_OK;
    case KCB_OPT_LONG + 3: o->title = arg; return KCB_EXIT_OK;
    }
    return KCB_EXIT_USAGE;
}

/* ---- reading the matrix ---- */

static enum input_format detect(const char *text, size_t len)
{
    size_t k = 0;
    while (k < len && (text[k] == ' ' || text[k] == '\t' || text[k] == '\r' || text[k] == '\n'))
        k++;
    return k < len && (text[k] == '[' || text[k] == '{') ? IN_JSON : IN_PHYLIP;
}

static int read_matrix(const struct tree_opts *o, struct kcb_matrix **out)
{
    unsigned char *buf;
    size_t len;
    char why[512];
    int rc = kcb_read_file(o->input, &buf, &len);
    if (rc)
        return kcb_lib_err(CMD, rc, "%s", o->name);
    const char *text = (const char *)buf;
    enum input_format f = o->in == IN_AUTO ? detect(text, len) : o->in;
    rc = f == IN_JSON ? kcb_matrix_read_json(text, len, (size_t)o->index, out, why, sizeof why)
                      : kcb_matrix_read_phylip(text, len, (size_t)o->index, out, why, sizeof why);
    free(buf);
    if (rc == KCB_ENOMEM)
        return kcb_fail(CMD, "out of memory");
    if (rc == KCB_EFORMAT)
        return kcb_io_err(CMD, "%s: malformed %s matrix: %s", o->name,
                          f == IN_JSON ? "JSON" : "PHYLIP", why);
    if (rc)
        return kcb_io_err(CMD, "%s: %s", o->name, why);
    if (kcb_matrix_check(*out, why, sizeof why)) {
        kcb_matrix_free(*out);
        *out = NULL;
        return kcb_io_err(CMD, "%s: %s", o->name, why);
    }
    return KCB_EXIT_OK;
}

/* ---- the figure ---- */

enum { ROW_PX = 20, CHAR_PX = 7, LABEL_CHARS_MAX = 80 };

static size_t longest_label(const struct kcb_tree *t)
{
    size_t w = 1;
    for (size_t i = 0; i < t->nleaves; i++)
        if (strlen(t->labels[i]) > w)
            w = strlen(t->labels[i]);
    return w < LABEL_CHARS_MAX ? w : LABEL_CHARS_MAX;
}

/* Axes: x leaves room right of the tips for the labels, y has leaf 0 on top. */
static void figure_axes(FILE *fp, const struct tree_opts *o, const struct kcb_tree_layout *l,
                        int width, int label_px)
{
    double w = l->width > 0 ? l->width : 1.0;
    double room = (double)label_px / (double)(width - 120); /* < 1: see write_figure */
    fputs("set title ", fp);
    kcb_plot_text(fp, o->title);
    fputs(" noenhanced\nunset key\nunset ytics\nset border 1\nset xtics nomirror out\n"
          "set xlabel \"distance from the root (midpoint-rooted neighbour joining)\"\n", fp);
    fprintf(fp, "set xrange [%.9g:%.9g]\n", -0.02 * w, w / (1 - room));
    fprintf(fp, "set yrange [%.9g:-0.75]\n", (double)l->ntips - 0.25);
}

static void figure_labels(FILE *fp, const struct kcb_tree *t, const struct kcb_tree_layout *l)
{
    for (size_t k = 0; k < l->ntips; k++) {
        fprintf(fp, "set label %zu ", k + 1);
        kcb_plot_text(fp, t->labels[l->tip[k].leaf]);
        fprintf(fp, " at %.9g,%.9g left offset character 0.6,0 noenhanced\n", l->tip[k].x,
                l->tip[k].y);
    }
}

static void figure_data(struct kcb_plot *p, const struct kcb_tree_layout *l)
{
    kcb_plot_data(p, "BRANCHES");
    for (size_t k = 0; k < l->nseg; k++)
        fprintf(p->fp, "%.9g %.9g %.9g %.9g\n", l->seg[k].x1, l->seg[k].y1, l->seg[k].x2,
                l->seg[k].y2);
    kcb_plot_end_data(p);
    kcb_plot_data(p, "TIPS");
    for (size_t k = 0; k < l->ntips; k++)
        fprintf(p->fp, "%.9g %.9g\n", l->tip[k].x, l->tip[k].y);
    kcb_plot_end_data(p);
}

static int write_figure(const struct tree_opts *o, const struct kcb_tree *t,
                        const struct kcb_tree_layout *l)
{
    int label_px = CHAR_PX * (int)longest_label(t) + 20;
    int width = 720 + label_px, height = 120 + ROW_PX * (int)l->ntips;
    struct kcb_plot p;
    int rc = kcb_plot_open(CMD, &p, o->svg, width, height < 300 ? 300 : height);
    if (rc)
        return rc;
    figure_axes(p.fp, o, l, width, label_px);
    figure_labels(p.fp, t, l);
    figure_data(&p, l);
    fputs("plot $BRANCHES using 1:2:($3-$1):($4-$2) with vectors nohead lw 1.5 lc rgb "
          "'#1f4e79', \\\n     $TIPS using 1:2 with points pt 7 ps 0.5 lc rgb '#1f4e79'\n",
          p.fp);
    return kcb_plot_run(CMD, &p);
}

static int figure(const struct tree_opts *o, const struct kcb_tree *t)
{
    struct kcb_tree_layout *l;
    if (kcb_tree_layout(t, &l))
        return kcb_fail(CMD, "out of memory");
    int rc = write_figure(o, t, l);
    kcb_tree_layout_free(l);
    return rc;
}

/* ---- writing ---- */

static int node_row(void *arg, size_t v, struct kcb_cell *c)
{
    const struct kcb_tree *t = arg;
    const struct kcb_tree_node *nd = &t->node[v];
    c[NODE_NODE] = kcb_cell_uint(v);
    c[NODE_PARENT] = nd->parent == KCB_TREE_NONE ? kcb_cell_null() : kcb_cell_uint(nd->parent);
    c[NODE_LENGTH] = kcb_cell_real(nd->length);
    c[NODE_LABEL] = v < t->nleaves ? kcb_cell_text(t->labels[v]) : kcb_cell_null();
    return KCB_OK;
}

/* The nodes as a table: leaves first (in matrix order), then the joins, the top one last. */
static int write_nodes(FILE *fp, const struct tree_opts *o, struct kcb_tree *t)
{
    struct kcb_out out;
    kcb_out_init(&out, fp, o->format);
    return kcb_table_write(&out, kcb_node_cols, NODE_NCOLS, NULL, t->nnodes, node_row, t);
}

static int write_tree(const struct tree_opts *o, struct kcb_tree *t)
{
    kcb_afile *af;
    FILE *fp;
    int rc = kcb_output_open(CMD, o->output, &af, &fp);
    if (rc)
        return rc;
    rc = o->format == KCB_FMT_PHYLIP ? kcb_tree_newick(t, fp) : write_nodes(fp, o, t);
    if (rc)
        rc = kcb_lib_err(CMD, rc, "%s", kcb_output_name(o->output));
    return kcb_output_close(CMD, o->output, af, rc);
}

/* ---- the command ---- */

static int run(const struct kcb_cmd *cmd, int argc, char **argv)
{
    struct tree_opts o = {.output = "-", .in = IN_AUTO, .format = KCB_FMT_PHYLIP};
    int rc = kcb_opt_parse(cmd, argc, argv, apply, &o);
    if (rc)
        return rc;
    if (argc - optind != 1)
        return kcb_usage_err(CMD, "needs one MATRIX (a file, or '-' for standard input), got %d",
                             argc - optind);
    o.input = argv[optind];
    o.name = strcmp(o.input, "-") == 0 ? "standard input" : o.input;
    char title[512];
    if (!o.title) {
        snprintf(title, sizeof title, "neighbour joining: %s", o.name);
        o.title = title;
    }
    struct kcb_matrix *m = NULL;
    struct kcb_tree *t = NULL;
    rc = read_matrix(&o, &m);
    if (!rc && kcb_nj(m, &t))
        rc = kcb_fail(CMD, "out of memory"); /* read_matrix checked n and finiteness */
    if (!rc && o.svg)
        rc = figure(&o, t);
    if (!rc)
        rc = write_tree(&o, t);
    kcb_tree_free(t);
    kcb_matrix_free(m);
    return rc;
}

const struct kcb_cmd kcb_cmd_tree = {
    "tree", "neighbour-joining tree of a distance matrix, as Newick and a figure",
    "[-i auto|phylip|json] [--index I] [-f newick] [-o FILE]\n"
    "                    [--svg FIG.svg] [--title TEXT] MATRIX",
    "Builds the neighbour-joining tree (Saitou & Nei 1987) of a distance matrix and writes\n"
    "it in Newick, unrooted: the last join is the outer trifurcation. Lengths are printed\n"
    "with 6 decimals; negative ones are set to 0. NCD matrices are neither symmetric nor\n"
    "zero on the diagonal: d(i,j) is taken as (d_ij + d_ji) / 2 and the diagonal is not\n"
    "used. Ties between equally good joins go to the first pair in matrix order.\n",
    opts,
    "MATRIX is a file, or '-' for standard input. Exit status 3 for a missing or malformed\n"
    "matrix, fewer than 2 taxa, a distance that is not a finite number, or gnuplot missing\n"
    "or failing.\n\n"
    "example: kcbench ncd -f phylip s/* | kcbench tree --svg tree.svg -\n",
    run,
};
