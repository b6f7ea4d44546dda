/* kcbench tree: the neighbour-joining tree of a distance matrix, as Newick and a gnuplot figure. */
#include <errno.h>
#include <getopt.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "plot.h"
#include "kcb/err.h"
#include "kcb/io.h"
#include "kcb/matrix.h"
#include "kcb/text.h"
#include "kcb/tree.h"

#ifdef KCB_HAVE_JANSSON
#include <jansson.h>
#endif

enum input_format { IN_AUTO, IN_PHYLIP, IN_JSON };

struct tree_opts {
    const char *input;   /* MATRIX; "-" is standard input */
    const char *name;    /* how messages name the input */
    const char *output;  /* Newick goes there; "-" is standard output */
    const char *svg;     /* NULL: no figure */
    const char *title;   /* NULL: a title naming the input */
    enum input_format in;
    long index;          /* which matrix of several, 0 = the first */
};

/* ---- reading the matrix ---- */

static int is_blank(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

static enum input_format detect(const char *text, size_t len)
{
    size_t k = 0;
    while (k < len && is_blank(text[k]))
        k++;
    return k < len && (text[k] == '[' || text[k] == '{') ? IN_JSON : IN_PHYLIP;
}

/* Blanks out (keeping the newlines, so that line numbers stay) the index matrices before
 * the wanted one: each is a line with its size n and then n non-blank rows. Returns 0, or
 * -1 if the text ends before the wanted matrix or a size is not a number. */
static int phylip_skip(char *text, size_t len, long index)
{
    size_t k = 0;
    for (long m = 0; m < index; m++) {
        long rows = -1;
        while (rows != 0) {
            while (k < len && is_blank(text[k]))
                k++;
            if (k >= len)
                return -1;
            if (rows < 0) {
                char *e;
                rows = strtol(text + k, &e, 10);
                if (e == text + k || rows <= 0)
                    return -1;
            } else {
                rows--;
            }
            for (; k < len && text[k] != '\n'; k++)
                text[k] = ' ';
        }
    }
    while (k < len && is_blank(text[k]))
        k++;
    return k < len || index == 0 ? 0 : -1;
}

static int read_phylip(const struct tree_opts *o, char *text, size_t len,
                       struct kcb_matrix **out)
{
    char why[256];
    if (phylip_skip(text, len, o->index))
        return kcb_io_err("tree", "%s: --index %ld: the input holds fewer PHYLIP matrices",
                          o->name, o->index);
    int rc = kcb_matrix_read_phylip(text, len, out, why, sizeof why);
    if (rc == KCB_ENOMEM)
        return kcb_fail("tree", "out of memory");
    if (rc)
        return kcb_io_err("tree", "%s: malformed PHYLIP matrix: %s", o->name, why);
    return KCB_EXIT_OK;
}

#ifdef KCB_HAVE_JANSSON
/* Fills m's labels from a JSON array of n strings: 0, or -1 if it is not one. */
static int json_labels(const json_t *labels, struct kcb_matrix *m)
{
    if (!json_is_array(labels) || json_array_size(labels) != m->n)
        return -1;
    for (size_t i = 0; i < m->n; i++) {
        const char *s = json_string_value(json_array_get(labels, i));
        if (!s || kcb_matrix_set_label(m, i, s))
            return -1;
    }
    return 0;
}

/* Fills m's values from a JSON array of n arrays of n numbers (null is NaN): 0 or -1. */
static int json_values(const json_t *rows, struct kcb_matrix *m)
{
    if (!json_is_array(rows) || json_array_size(rows) != m->n)
        return -1;
    for (size_t i = 0; i < m->n; i++) {
        const json_t *row = json_array_get(rows, i);
        if (!json_is_array(row) || json_array_size(row) != m->n)
            return -1;
        for (size_t j = 0; j < m->n; j++) {
            const json_t *v = json_array_get(row, j);
            if (!json_is_number(v) && !json_is_null(v))
                return -1;
            m->d[i * m->n + j] = json_is_null(v) ? (double)NAN : json_number_value(v);
        }
    }
    return 0;
}

/* The matrix of one {"labels": [...], "matrix": [[...], ...]} object. */
static int json_matrix(const struct tree_opts *o, const json_t *obj, struct kcb_matrix **out)
{
    const json_t *labels = json_object_get(obj, "labels");
    if (!json_is_array(labels) || !json_object_get(obj, "matrix"))
        return kcb_io_err("tree", "%s: expected a matrix object with \"labels\" and \"matrix\" "
                          "(as 'kcbench ncd -f json' writes for 3 or more inputs)", o->name);
    if (kcb_matrix_new(json_array_size(labels), out))
        return kcb_fail("tree", "out of memory");
    if (json_labels(labels, *out) || json_values(json_object_get(obj, "matrix"), *out)) {
        kcb_matrix_free(*out);
        *out = NULL;
        return kcb_io_err("tree", "%s: \"labels\" must be n strings and \"matrix\" n rows of n "
                          "numbers", o->name);
    }
    return KCB_EXIT_OK;
}

static int read_json(const struct tree_opts *o, const char *text, size_t len,
                     struct kcb_matrix **out)
{
    json_error_t e;
    json_t *root = json_loadb(text, len, 0, &e);
    if (!root)
        return kcb_io_err("tree", "%s: malformed JSON: line %d: %s", o->name, e.line, e.text);
    const json_t *obj = root;
    if (json_is_array(root))
        obj = json_array_get(root, (size_t)o->index);
    else if (o->index != 0)
        obj = NULL;
    int rc = obj ? json_matrix(o, obj, out)
                 : kcb_io_err("tree", "%s: --index %ld: the input holds fewer matrices",
                              o->name, o->index);
    json_decref(root);
    return rc;
}
#else
static int read_json(const struct tree_opts *o, const char *text, size_t len,
                     struct kcb_matrix **out)
{
    (void)text;
    (void)len;
    (void)out;
    return kcb_io_err("tree", "%s: JSON input needs kcbench built with libjansson; give a "
                      "PHYLIP matrix ('kcbench ncd -f phylip')", o->name);
}
#endif

/* Checks what neighbour joining needs, naming what is wrong. */
static int check_matrix(const struct tree_opts *o, const struct kcb_matrix *m)
{
    if (m->n < 2)
        return kcb_io_err("tree", "%s: a tree needs at least 2 taxa, the matrix has %zu",
                          o->name, m->n);
    for (size_t i = 0; i < m->n; i++)
        for (size_t j = 0; j < m->n; j++)
            if (!isfinite(m->d[i * m->n + j]))
                return kcb_io_err("tree", "%s: distance (%s, %s) is not a finite number",
                                  o->name, m->labels[i], m->labels[j]);
    return KCB_EXIT_OK;
}

static int read_matrix(const struct tree_opts *o, struct kcb_matrix **out)
{
    unsigned char *buf;
    size_t len;
    int rc = kcb_read_file(o->input, &buf, &len);
    if (rc == KCB_ENOMEM)
        return kcb_fail("tree", "%s: out of memory", o->name);
    if (rc)
        return kcb_io_err("tree", "%s: %s", o->name, strerror(errno));
    char *text = (char *)buf;
    enum input_format f = o->in == IN_AUTO ? detect(text, len) : o->in;
    rc = f == IN_JSON ? read_json(o, text, len, out) : read_phylip(o, text, len, out);
    free(buf);
    if (!rc && (rc = check_matrix(o, *out)) != 0) {
        kcb_matrix_free(*out);
        *out = NULL;
    }
    return rc;
}

/* ---- the figure ---- */

enum { ROW_PX = 20, CHAR_PX = 7, LABEL_CHARS_MAX = 80 };

/*
 * Writes s as a single-quoted gnuplot string, for text set 'noenhanced': labels are file names,
 * printed as they are. (The svg terminal leaves a literal '&' of enhanced text unescaped, which
 * breaks the XML.) Control characters become blanks and invalid UTF-8 '?', which XML needs.
 */
static void gp_text(FILE *fp, const char *s)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t n = strlen(s);
    fputc('\'', fp);
    while (n) {
        size_t k = kcb_utf8_len(p, n);
        if (k == 0 || *p < 0x20) {
            fputc(k == 0 ? '?' : ' ', fp);
            k = 1;
        } else {
            if (*p == '\'')
                fputc('\'', fp);
            fwrite(p, 1, k, fp);
        }
        p += k;
        n -= k;
    }
    fputc('\'', fp);
}

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
    gp_text(fp, o->title);
    fputs(" noenhanced\nunset key\nunset ytics\nset border 1\nset xtics nomirror out\n"
          "set xlabel \"distance from the root (midpoint-rooted neighbour joining)\"\n", fp);
    fprintf(fp, "set xrange [%.9g:%.9g]\n", -0.02 * w, w / (1 - room));
    fprintf(fp, "set yrange [%.9g:-0.75]\n", (double)l->ntips - 0.25);
}

static void figure_labels(FILE *fp, const struct kcb_tree *t, const struct kcb_tree_layout *l)
{
    for (size_t k = 0; k < l->ntips; k++) {
        fprintf(fp, "set label %zu ", k + 1);
        gp_text(fp, t->labels[l->tip[k].leaf]);
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
    int rc = kcb_plot_open("tree", &p, o->svg, width, height < 300 ? 300 : height);
    if (rc)
        return rc;
    figure_axes(p.fp, o, l, width, label_px);
    figure_labels(p.fp, t, l);
    figure_data(&p, l);
    fputs("plot $BRANCHES using 1:2:($3-$1):($4-$2) with vectors nohead lw 1.5 lc rgb "
          "'#1f4e79', \\\n     $TIPS using 1:2 with points pt 7 ps 0.5 lc rgb '#1f4e79'\n",
          p.fp);
    return kcb_plot_run("tree", &p);
}

static int figure(const struct tree_opts *o, const struct kcb_tree *t)
{
    struct kcb_tree_layout *l;
    if (kcb_tree_layout(t, &l))
        return kcb_fail("tree", "out of memory");
    int rc = write_figure(o, t, l);
    kcb_tree_layout_free(l);
    return rc;
}

/* ---- the command ---- */

static int write_newick(const struct tree_opts *o, const struct kcb_tree *t)
{
    kcb_afile *af;
    FILE *fp;
    if (kcb_afile_open(o->output, &af, &fp))
        return kcb_io_err("tree", "%s: %s", o->output, strerror(errno));
    if (kcb_tree_newick(t, fp)) {
        kcb_afile_abort(af);
        return kcb_io_err("tree", "%s: write error", o->output);
    }
    if (kcb_afile_commit(af))
        return kcb_io_err("tree", "%s: %s", o->output, strerror(errno));
    return KCB_EXIT_OK;
}

static int parse_input_format(const char *text, enum input_format *out)
{
    static const char *const names[] = {"auto", "phylip", "json"};
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (strcmp(text, names[i]) == 0) {
            *out = (enum input_format)i;
            return KCB_EXIT_OK;
        }
    return kcb_usage_err("tree", "unknown input format '%s' (auto, phylip, json)", text);
}

static int parse(int argc, char **argv, struct tree_opts *o)
{
    static const struct option opts[] = {
        {"format", required_argument, 0, 'f'}, {"input-format", required_argument, 0, 'i'},
        {"output", required_argument, 0, 'o'}, {"svg", required_argument, 0, 'S'},
        {"title", required_argument, 0, 'T'},  {"index", required_argument, 0, 'I'},
        {"help", no_argument, 0, 'h'},         {0, 0, 0, 0}};
    int c, rc = 0;
    optind = 1;
    while (!rc && (c = getopt_long(argc, argv, "f:i:o:h", opts, NULL)) != -1) {
        switch (c) {
        case 'f':
            if (strcmp(optarg, "newick") != 0)
                rc = kcb_usage_err("tree", "unknown format '%s' (tree writes newick; -i sets "
                                   "the input format)", optarg);
            break;
        case 'i': rc = parse_input_format(optarg, &o->in); break;
        case 'o': o->output = optarg; break;
        case 'S': o->svg = optarg; break;
        case 'T': o->title = optarg; break;
        case 'I': rc = kcb_cmd_long("tree", "--index", optarg, 0, 100000, &o->index); break;
        case 'h': kcb_cmd_help(kcb_cmd_find("tree"), stdout); return -1;
        default: return kcb_bad_option("tree", argc, argv);
        }
    }
    if (!rc && argc - optind != 1)
        rc = kcb_usage_err("tree", "needs one MATRIX (a file, or '-' for standard input), "
                           "got %d", argc - optind);
    return rc;
}

static int run(int argc, char **argv)
{
    struct tree_opts o = {.output = "-", .in = IN_AUTO};
    int rc = parse(argc, argv, &o);
    if (rc)
        return rc < 0 ? KCB_EXIT_OK : rc;
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
        rc = kcb_fail("tree", "out of memory"); /* read_matrix checked n and finiteness */
    if (!rc && o.svg)
        rc = figure(&o, t);
    if (!rc)
        rc = write_newick(&o, t);
    kcb_tree_free(t);
    kcb_matrix_free(m);
    return rc;
}

const struct kcb_cmd kcb_cmd_tree = {
    "tree", run, "neighbour-joining tree of a distance matrix, as Newick and a figure",
    "usage: kcbench tree [-i auto|phylip|json] [--index I] [-f newick] [-o FILE]\n"
    "                    [--svg FIG.svg] [--title TEXT] MATRIX\n\n"
    "Builds the neighbour-joining tree (Saitou & Nei 1987) of a distance matrix and writes\n"
    "it in Newick, unrooted: the last join is the outer trifurcation. Lengths are printed\n"
    "with 6 decimals; negative ones are set to 0. NCD matrices are neither symmetric nor\n"
    "zero on the diagonal: d(i,j) is taken as (d_ij + d_ji) / 2 and the diagonal is not\n"
    "used. Ties between equally good joins go to the first pair in matrix order.\n\n"
    "  -i, --input-format F  auto (default: JSON if the text starts with '[' or '{',\n"
    "                        else PHYLIP), phylip (square or lower-triangular, strict or\n"
    "                        relaxed), json (as 'kcbench ncd -f json' writes; needs a\n"
    "                        build with libjansson)\n"
    "      --index I         which matrix when the input holds several, as 'ncd -c\n"
    "                        gzip:9,xz:6' writes (default 0, the first)\n"
    "  -f, --format newick   the output format (the only one)\n"
    "  -o, --output FILE     write the Newick there (atomically), not to standard output\n"
    "      --svg FIG.svg     also draw the tree: writes the gnuplot script FIG.gp (kept,\n"
    "                        to restyle and re-run) and runs gnuplot on it; the drawing\n"
    "                        is rooted at the midpoint of the longest leaf-to-leaf path\n"
    "      --title TEXT      the figure's title (default: 'neighbour joining: MATRIX')\n\n"
    "MATRIX is a file, or '-' for standard input. Exit status 3 for a missing or malformed\n"
    "matrix, fewer than 2 taxa, a distance that is not a finite number, or gnuplot missing\n"
    "or failing.\n\n"
    "example: kcbench ncd -f phylip s/* | kcbench tree --svg tree.svg -\n",
};
