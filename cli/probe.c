/* kcbench probe: concatenation gain, window sweep and scaling curves, with gnuplot figures. */
#include <errno.h>
#include <getopt.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cmd.h"
#include "data.h"
#include "kcb/err.h"
#include "kcb/fit.h"
#include "kcb/io.h"
#include "kcb/knn.h"
#include "kcb/matrix.h"
#include "kcb/probe.h"
#include "plot.h"

#define DEFAULT_CODECS "gzip:9,xz:6,zstd:19,bzip2:9"

/* A corpus: a file, a directory's files concatenated, or one class of a labelled dataset. */
struct corpus {
    char *name;
    unsigned char *data;
    size_t n;
};

struct probe_opts {
    const char *what, *output, *svg, *labelled;
    struct kcb_specs specs;
    enum kcb_format format;
    long threads, from, chunk, chunks, points, k, reps, test_sample;
};

/* ---- corpora ---- */

static int append(struct corpus *c, const void *p, size_t n, int newline)
{
    unsigned char *d = realloc(c->data, c->n + n + 2);
    if (!d)
        return kcb_fail("probe", "out of memory");
    c->data = d;
    if (newline && c->n)
        c->data[c->n++] = '\n';
    memcpy(c->data + c->n, p, n);
    c->n += n;
    return KCB_EXIT_OK;
}

static int load_dir(const char *dir, struct corpus *c)
{
    char **paths;
    size_t n;
    int rc = kcb_list_dir(dir, KCB_LIST_FILES, &paths, &n, NULL);
    if (rc == KCB_ENOMEM)
        return kcb_fail("probe", "out of memory");
    if (rc)
        return kcb_io_err("probe", "%s: %s", dir, strerror(errno));
    for (size_t i = 0; !rc && i < n; i++) {
        unsigned char *buf;
        size_t len;
        if (kcb_read_file(paths[i], &buf, &len))
            rc = kcb_io_err("probe", "%s: %s", paths[i], strerror(errno));
        else {
            rc = append(c, buf, len, 0);
            free(buf);
        }
    }
    kcb_list_free(paths, n);
    if (!rc && n == 0)
        rc = kcb_io_err("probe", "%s: no files in this directory", dir);
    return rc;
}

/* The last component of path, without trailing slashes, as a new string (NULL: no memory). */
static char *base_name(const char *path)
{
    size_t end = strlen(path);
    while (end > 1 && path[end - 1] == '/')
        end--;
    size_t start = end;
    while (start > 0 && path[start - 1] != '/')
        start--;
    return strndup(path + start, end - start);
}

static int load_class(const char *arg, const char *colon, struct corpus *c)
{
    char path[4096], dsname[128];
    snprintf(path, sizeof path, "%.*s", (int)(colon - arg), arg);
    struct kcb_dataset *d;
    int rc = kcb_cmd_load("probe", path, KCB_IN_AUTO, 0, NULL, &d);
    if (rc)
        return rc;
    int id = kcb_labels_find(d->labels, colon + 1, strlen(colon + 1));
    for (size_t i = 0; !rc && id >= 0 && i < d->n; i++)
        if (d->label[i] == id)
            rc = append(c, d->text[i].p, d->text[i].n, 1);
    kcb_dataset_free(d);
    if (!rc && id < 0)
        return kcb_io_err("probe", "%s: no texts labelled '%s'", path, colon + 1);
    const char *slash = strrchr(path, '/');
    snprintf(dsname, sizeof dsname, "%.127s", path);
    if (slash && slash > path) { /* the dataset's folder names it, as in eval */
        const char *s = slash - 1;
        while (s > path && s[-1] != '/')
            s--;
        snprintf(dsname, sizeof dsname, "%.*s", (int)(slash - s), s);
    }
    size_t len = strlen(dsname) + strlen(colon);
    c->name = malloc(len + 1);
    if (!c->name)
        return kcb_fail("probe", "out of memory");
    snprintf(c->name, len + 1, "%s%s", dsname, colon);
    return KCB_EXIT_OK;
}

static int load_corpus(const char *arg, struct corpus *c)
{
    struct stat st;
    *c = (struct corpus){0};
    const char *colon = strrchr(arg, ':');
    if (stat(arg, &st) != 0 && colon && colon[1])
        return load_class(arg, colon, c);
    if (!(c->name = base_name(arg)))
        return kcb_fail("probe", "out of memory");
    if (stat(arg, &st) == 0 && S_ISDIR(st.st_mode))
        return load_dir(arg, c);
    if (kcb_read_file(arg, &c->data, &c->n))
        return kcb_io_err("probe", "%s: %s", arg, strerror(errno));
    return KCB_EXIT_OK;
}

static void corpora_free(struct corpus *c, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        free(c[i].name);
        free(c[i].data);
    }
    free(c);
}

/* ---- output helpers ---- */

static void header(FILE *fp, enum kcb_format f, const char *csv, const char *table,
                   const char *md)
{
    if (f == KCB_FMT_CSV)
        fprintf(fp, "%s\n", csv);
    else if (f == KCB_FMT_JSON)
        fputc('[', fp);
    else if (f == KCB_FMT_MD)
        fprintf(fp, "%s\n", md);
    else
        fprintf(fp, "%s\n", table);
}

static void footer(FILE *fp, enum kcb_format f)
{
    if (f == KCB_FMT_JSON)
        fputs("]\n", fp);
}

/* ---- probe concat ---- */

static void concat_row(FILE *fp, enum kcb_format f, const char *spec, const struct corpus *x,
                       const struct corpus *y, const struct kcb_concat *r, int first)
{
    switch (f) {
    case KCB_FMT_CSV:
        fprintf(fp, "%s,", spec);
        kcb_csv_str(fp, x->name);
        fputc(',', fp);
        kcb_csv_str(fp, y->name);
        fprintf(fp, ",%zu,%zu,%zu,%zu,%zu,%zu,%.0f,%.6f,%.0f,%zu,%s\n", x->n, y->n, r->cx,
                r->cy, r->cxy, r->cyx, r->gain, r->gain_rel, r->c_needed, r->cempty,
                r->held ? "yes" : "no");
        break;
    case KCB_FMT_JSON:
        fprintf(fp, "%s{\"compressor\":\"%s\",\"x\":", first ? "" : ",\n", spec);
        kcb_json_str(fp, x->name);
        fputs(",\"y\":", fp);
        kcb_json_str(fp, y->name);
        fprintf(fp, ",\"bytes_x\":%zu,\"bytes_y\":%zu,\"cx\":%zu,\"cy\":%zu,\"cxy\":%zu,"
                    "\"cyx\":%zu,\"gain\":%.0f,\"gain_rel\":%.6f,\"c_needed\":%.0f,"
                    "\"c_empty\":%zu,\"held\":%s}",
                x->n, y->n, r->cx, r->cy, r->cxy, r->cyx, r->gain, r->gain_rel, r->c_needed,
                r->cempty, r->held ? "true" : "false");
        break;
    case KCB_FMT_MD:
        fprintf(fp, "| %s | %s | %s | %zu | %zu | %zu | %zu | %.0f | %.4f | %.0f | %s |\n", spec,
                x->name, y->name, r->cx, r->cy, r->cxy, r->cyx, r->gain, r->gain_rel,
                r->c_needed, r->held ? "yes" : "no");
        break;
    default:
        fprintf(fp, "%-10s %-18.18s %-18.18s %9zu %9zu %9zu %9zu %9.0f %8.4f %9.0f  %s\n", spec,
                x->name, y->name, r->cx, r->cy, r->cxy, r->cyx, r->gain, r->gain_rel,
                r->c_needed, r->held ? "yes" : "no");
    }
}

/* A heatmap of gain / min(C(X), C(Y)), one panel per compressor. */
static int concat_figure(const struct probe_opts *o, const struct corpus *c, size_t n,
                         struct kcb_concat *const *res)
{
    struct kcb_plot p;
    size_t ns = o->specs.n, cols = ns > 1 ? 2 : 1, rows = (ns + cols - 1) / cols;
    int rc = kcb_plot_open("probe", &p, o->svg, (int)(cols * (260 + 40 * n)),
                           (int)(rows * (240 + 40 * n)));
    if (rc)
        return rc;
    fprintf(p.fp, "set palette defined (0 'white', 0.5 '#9ecae1', 1 '#08306b')\n"
                  "set cblabel 'gain / min(C(X),C(Y)); the diagonal (X with itself) saturates'\n"
                  "set xtics rotate by 45 right\nset size ratio -1\n"
                  "set multiplot layout %zu,%zu title 'Concatenation gain "
                  "C(X)+C(Y)-C(XY), relative'\n", rows, cols);
    for (size_t s = 0; s < ns; s++) {
        char name[64];
        kcb_spec_str(&o->specs.v[s], name, sizeof name);
        double top = 0; /* colours span the pairs of different corpora */
        for (size_t i = 0; i < n; i++)
            for (size_t j = 0; j < n; j++)
                if (i != j && res[s][i * n + j].gain_rel > top)
                    top = res[s][i * n + j].gain_rel;
        fprintf(p.fp, "set cbrange [0:%.6f]\n", top > 0 ? top : 1.0);
        kcb_plot_data(&p, "M");
        for (size_t i = 0; i < n; i++)
            for (size_t j = 0; j < n; j++)
                fprintf(p.fp, "%zu %zu %.6f\n", j, i, res[s][i * n + j].gain_rel);
        kcb_plot_end_data(&p);
        fputs("set xtics (", p.fp);
        for (size_t i = 0; i < n; i++) {
            kcb_plot_str(p.fp, c[i].name);
            fprintf(p.fp, " %zu%s", i, i + 1 < n ? ", " : ")\n");
        }
        fputs("set ytics (", p.fp);
        for (size_t i = 0; i < n; i++) {
            kcb_plot_str(p.fp, c[i].name);
            fprintf(p.fp, " %zu%s", i, i + 1 < n ? ", " : ")\n");
        }
        fprintf(p.fp, "set xlabel 'Y'\nset ylabel 'X'\nset yrange [%zu.5:-0.5]\n"
                      "set xrange [-0.5:%zu.5]\nset title '%s'\n"
                      "plot $M using 1:2:3 with image notitle, "
                      "$M using 1:2:(sprintf('%%.2f',$3)) with labels font ',9' notitle\n",
                n - 1, n - 1, name);
    }
    fputs("unset multiplot\n", p.fp);
    return kcb_plot_run("probe", &p);
}

/* The X-by-Y matrix of gain / min(C(X), C(Y)) for one compressor, for table and md. */
static int concat_matrix(FILE *fp, const struct probe_opts *o, const struct corpus *c, size_t n,
                         size_t s, const struct kcb_concat *res)
{
    struct kcb_matrix *m;
    char name[64], title[160];
    if (kcb_matrix_new(n, &m))
        return kcb_fail("probe", "out of memory");
    int rc = KCB_EXIT_OK;
    for (size_t i = 0; i < n && !rc; i++) {
        if (kcb_matrix_set_label(m, i, c[i].name))
            rc = kcb_fail("probe", "out of memory");
        for (size_t j = 0; j < n; j++)
            m->d[i * n + j] = res[i * n + j].gain_rel;
    }
    snprintf(title, sizeof title, "%s: gain / min(C(X), C(Y)), X down, Y across",
             kcb_spec_str(&o->specs.v[s], name, sizeof name));
    fputc('\n', fp);
    if (!rc)
        kcb_matrix_write(fp, m, o->format, 3, title, 1);
    kcb_matrix_free(m);
    return rc;
}

static int probe_concat(const struct probe_opts *o, struct corpus *c, size_t n, FILE *fp)
{
    size_t ns = o->specs.n;
    struct kcb_concat **res = calloc(ns, sizeof *res);
    int rc = res ? KCB_EXIT_OK : kcb_fail("probe", "out of memory");
    struct kcb_blob *x = calloc(n, sizeof *x);
    for (size_t i = 0; x && i < n; i++)
        x[i] = (struct kcb_blob){c[i].data, c[i].n};
    for (size_t s = 0; !rc && s < ns; s++) {
        char name[64];
        res[s] = malloc(n * n * sizeof **res);
        int e = !x || !res[s] ? KCB_ENOMEM
                              : kcb_concat_matrix(&o->specs.v[s], x, n, (size_t)o->threads, res[s]);
        if (e)
            rc = kcb_fail("probe", "%s: %s", kcb_spec_str(&o->specs.v[s], name, sizeof name),
                          kcb_strerror(e));
    }
    if (!rc) {
        header(fp, o->format,
               "compressor,x,y,bytes_x,bytes_y,cx,cy,cxy,cyx,gain,gain_rel,c_needed,c_empty,held",
               "compressor X                  Y                       C(X)      C(Y)     C(XY)"
               "     C(YX)      gain gain/min         c  held",
               "| compressor | X | Y | C(X) | C(Y) | C(XY) | C(YX) | gain | gain/min | c | held |\n"
               "|---|---|---|---:|---:|---:|---:|---:|---:|---:|---|");
        for (size_t s = 0, k = 0; s < ns; s++) {
            char name[64];
            kcb_spec_str(&o->specs.v[s], name, sizeof name);
            for (size_t i = 0; i < n; i++)
                for (size_t j = 0; j < n; j++, k++)
                    concat_row(fp, o->format, name, &c[i], &c[j], &res[s][i * n + j], k == 0);
        }
        footer(fp, o->format);
        int matrices = o->format == KCB_FMT_TABLE || o->format == KCB_FMT_MD;
        for (size_t s = 0; !rc && matrices && s < ns; s++)
            rc = concat_matrix(fp, o, c, n, s, res[s]);
    }
    if (!rc && o->svg && n < 2)
        kcb_warn("probe", "--svg: a heatmap needs at least two corpora; no figure drawn");
    else if (!rc && o->svg)
        rc = concat_figure(o, c, n, res);
    for (size_t s = 0; res && s < ns; s++)
        free(res[s]);
    free(res);
    free(x);
    return rc;
}

/* ---- probe window ---- */

#define MAXPTS 64

static int window_figure(const struct probe_opts *o, const struct corpus *c,
                         struct kcb_window_point (*pts)[MAXPTS], const size_t *cnt)
{
    struct kcb_plot p;
    int rc = kcb_plot_open("probe", &p, o->svg, 900, 560);
    if (rc)
        return rc;
    fputs("set logscale x 2\nset format x '2^{%L}'\nset xlabel 'bytes of x'\n"
          "set ylabel 'NCD(x,x) = (C(xx) - C(x)) / C(x)'\nset key outside right\n"
          "set grid\nset yrange [0:*]\n", p.fp);
    fputs("set title ", p.fp);
    kcb_plot_str(p.fp, c->name);
    fputc('\n', p.fp);
    for (size_t s = 0; s < o->specs.n; s++) {
        char name[32];
        snprintf(name, sizeof name, "S%zu", s);
        kcb_plot_data(&p, name);
        for (size_t k = 0; k < cnt[s]; k++)
            fprintf(p.fp, "%zu %.6f\n", pts[s][k].size, pts[s][k].ncd_xx);
        kcb_plot_end_data(&p);
    }
    fputs("plot ", p.fp);
    for (size_t s = 0; s < o->specs.n; s++) {
        char name[64];
        kcb_spec_str(&o->specs.v[s], name, sizeof name);
        fprintf(p.fp, "%s$S%zu using 1:2 with linespoints lw 2 title ", s ? ", " : "", s);
        kcb_plot_str(p.fp, name);
    }
    fputc('\n', p.fp);
    return kcb_plot_run("probe", &p);
}

static void window_row(FILE *fp, enum kcb_format f, const char *spec, size_t window,
                       const struct kcb_window_point *w, int first)
{
    if (f == KCB_FMT_CSV)
        fprintf(fp, "%s,%zu,%zu,%zu,%zu,%.6f,%.6f\n", spec, window, w->size, w->cx, w->cxx,
                w->ncd_xx, w->gain_rel);
    else if (f == KCB_FMT_JSON)
        fprintf(fp, "%s{\"compressor\":\"%s\",\"window\":%zu,\"bytes\":%zu,\"cx\":%zu,"
                    "\"cxx\":%zu,\"ncd_xx\":%.6f,\"gain_rel\":%.6f}",
                first ? "" : ",\n", spec, window, w->size, w->cx, w->cxx, w->ncd_xx,
                w->gain_rel);
    else if (f == KCB_FMT_MD)
        fprintf(fp, "| %s | %zu | %zu | %zu | %zu | %.4f | %.4f |\n", spec, window, w->size,
                w->cx, w->cxx, w->ncd_xx, w->gain_rel);
    else
        fprintf(fp, "%-10s %10zu %10zu %10zu %10zu %9.4f %9.4f\n", spec, window, w->size, w->cx,
                w->cxx, w->ncd_xx, w->gain_rel);
}

static int probe_window(const struct probe_opts *o, struct corpus *c, FILE *fp)
{
    size_t ns = o->specs.n, *cnt = calloc(ns, sizeof *cnt);
    struct kcb_window_point (*pts)[MAXPTS] = calloc(ns, sizeof *pts);
    int rc = cnt && pts ? KCB_EXIT_OK : kcb_fail("probe", "out of memory");
    if (!rc && c->n < (size_t)o->from)
        rc = kcb_io_err("probe", "%s: %zu bytes, shorter than --from %ld", c->name, c->n,
                        o->from);
    for (size_t s = 0; !rc && s < ns; s++) {
        int e = kcb_window_sweep(&o->specs.v[s], c->data, c->n, (size_t)o->from,
                                 (size_t)o->threads, pts[s], MAXPTS, &cnt[s]);
        if (e)
            rc = kcb_fail("probe", "%s", kcb_strerror(e));
    }
    if (!rc) {
        header(fp, o->format, "compressor,window,bytes,cx,cxx,ncd_xx,gain_rel",
               "compressor     window      bytes       C(x)      C(xx)  NCD(x,x)  gain/C(x)",
               "| compressor | window | bytes | C(x) | C(xx) | NCD(x,x) | gain/C(x) |\n"
               "|---|---:|---:|---:|---:|---:|---:|");
        for (size_t s = 0, k = 0; s < ns; s++) {
            char name[64];
            const struct kcb_spec *sp = &o->specs.v[s];
            kcb_spec_str(sp, name, sizeof name);
            for (size_t i = 0; i < cnt[s]; i++, k++)
                window_row(fp, o->format, name, sp->codec->window(sp->level), &pts[s][i],
                           k == 0);
        }
        footer(fp, o->format);
    }
    if (!rc && o->svg)
        rc = window_figure(o, c, pts, cnt);
    free(cnt);
    free(pts);
    return rc;
}

/* ---- probe scaling ---- */

/* One measured curve y(x) with its two fits. */
struct curve {
    char name[64];
    size_t n;
    double x[MAXPTS], y[MAXPTS], sd[MAXPTS], resid[MAXPTS];
    struct kcb_fit_line line;
    struct kcb_fit_power pow;
};

static void fit_curve(struct curve *c)
{
    kcb_fit_loglog(c->x, c->y, c->n, &c->line);
    kcb_fit_power_const(c->x, c->y, c->n, &c->pow, c->resid);
}

static int bytes_curves(const struct probe_opts *o, const struct corpus *c, struct curve *cv)
{
    for (size_t s = 0; s < o->specs.n; s++) {
        struct kcb_scaling_point pt[MAXPTS];
        size_t cnt;
        kcb_spec_str(&o->specs.v[s], cv[s].name, sizeof cv[s].name);
        int e = kcb_scaling_bytes(&o->specs.v[s], c->data, c->n, (size_t)o->from,
                                  (size_t)o->chunk, (size_t)o->chunks, (size_t)o->points,
                                  (size_t)o->threads, pt, MAXPTS, &cnt);
        if (e == KCB_EINVAL)
            return kcb_io_err("probe", "%s: %zu bytes is too short for --from %ld and %ld "
                              "chunks of %ld bytes", c->name, c->n, o->from, o->chunks, o->chunk);
        if (e)
            return kcb_fail("probe", "%s: %s", cv[s].name, kcb_strerror(e));
        cv[s].n = cnt;
        for (size_t i = 0; i < cnt; i++) {
            cv[s].x[i] = (double)pt[i].seen;
            cv[s].y[i] = pt[i].bpb;
            cv[s].sd[i] = pt[i].bpb_sd;
        }
        fit_curve(&cv[s]);
    }
    return KCB_EXIT_OK;
}

static int knn_curves(const struct probe_opts *o, struct curve *cv)
{
    struct kcb_labels *labels = NULL;
    struct kcb_dataset *tr = NULL, *te = NULL;
    int rc = kcb_cmd_load_split("probe", "--labelled", o->labelled, (size_t)o->test_sample,
                                &labels, &tr, &te);
    size_t sizes[MAXPTS], m = 0, lo = labels && labels->n > 8 ? labels->n : 8;
    if (!rc && tr->n <= lo)
        rc = kcb_io_err("probe", "%s: too few training texts for a curve", o->labelled);
    for (size_t i = 0; !rc && i < (size_t)o->points && i < MAXPTS; i++) {
        double t = o->points > 1 ? (double)i / (double)(o->points - 1) : 1.0;
        size_t v = (size_t)llround(exp(log((double)lo) + t * (log((double)tr->n) - log((double)lo))));
        if (m == 0 || v > sizes[m - 1])
            sizes[m++] = v;
    }
    struct kcb_labelled a = {rc ? NULL : tr->text, rc ? NULL : tr->label, rc ? 0 : tr->n, NULL};
    struct kcb_labelled b = {rc ? NULL : te->text, rc ? NULL : te->label, rc ? 0 : te->n, NULL};
    for (size_t s = 0; !rc && s < o->specs.n; s++) {
        struct kcb_learning_point lp[MAXPTS];
        kcb_spec_str(&o->specs.v[s], cv[s].name, sizeof cv[s].name);
        int e = kcb_learning_curve(&o->specs.v[s], &a, &b, labels->n, " ", 1, (size_t)o->k,
                                   sizes, m, (size_t)o->reps, 1, (size_t)o->threads, lp);
        if (e)
            rc = kcb_fail("probe", "%s: %s", cv[s].name, kcb_strerror(e));
        cv[s].n = e ? 0 : m;
        for (size_t i = 0; !e && i < m; i++) {
            cv[s].x[i] = (double)lp[i].ntrain;
            cv[s].y[i] = lp[i].err_mean;
            cv[s].sd[i] = lp[i].err_sd;
        }
        if (!e)
            fit_curve(&cv[s]);
    }
    kcb_dataset_free(tr);
    kcb_dataset_free(te);
    kcb_labels_free(labels);
    return rc;
}

static double fitted(const struct kcb_fit_power *p, double x)
{
    return p->status == KCB_FIT_OK ? p->E + p->A * pow(x, -p->alpha) : (double)NAN;
}

static void curve_rows(FILE *fp, enum kcb_format f, const struct curve *c, size_t *k)
{
    for (size_t i = 0; i < c->n; i++, (*k)++) {
        double fit = fitted(&c->pow, c->x[i]), res = c->resid[i];
        if (f == KCB_FMT_CSV) {
            fprintf(fp, "%s,%.0f,%.6f,%.6f,", c->name, c->x[i], c->y[i], c->sd[i]);
            if (isfinite(fit))
                fprintf(fp, "%.6f,%.6f", fit, res);
            else
                fputc(',', fp);
            fputc('\n', fp);
        } else if (f == KCB_FMT_JSON) {
            fprintf(fp, "%s{\"compressor\":\"%s\",\"x\":%.0f,\"y\":%.6f,\"sd\":%.6f,\"fitted\":",
                    *k ? ",\n" : "", c->name, c->x[i], c->y[i], c->sd[i]);
            kcb_json_num(fp, fit, 6);
            fputs(",\"residual\":", fp);
            kcb_json_num(fp, res, 6);
            fputc('}', fp);
        } else {
            fprintf(fp, f == KCB_FMT_MD ? "| %s | %.0f | %.4f | %.4f | " : "%-10s %10.0f %9.4f %9.4f ",
                    c->name, c->x[i], c->y[i], c->sd[i]);
            if (isfinite(fit))
                fprintf(fp, f == KCB_FMT_MD ? "%.4f | %+.4f |\n" : "%9.4f %+9.4f\n", fit, res);
            else
                fputs(f == KCB_FMT_MD ? "- | - |\n" : "        -         -\n", fp);
        }
    }
}

static void fit_summary(FILE *fp, enum kcb_format f, const struct curve *cv, size_t n)
{
    int md = f == KCB_FMT_MD;
    fputs(md ? "\n| compressor | log-log slope | R² (log-log) | E (floor) | A | alpha | R² | note |\n"
               "|---|---:|---:|---:|---:|---:|---:|---|\n"
             : "\nfits: log10 y = slope log10 x + b, and y = E + A x^-alpha (± standard errors)\n",
          fp);
    for (size_t s = 0; s < n; s++) {
        const struct kcb_fit_line *l = &cv[s].line;
        const struct kcb_fit_power *p = &cv[s].pow;
        fprintf(fp, md ? "| %s | " : "%-10s ", cv[s].name);
        if (l->status == KCB_FIT_OK && isfinite(l->slope_se))
            fprintf(fp, md ? "%.4f ± %.4f | %.4f | " : "slope %.4f ± %.4f R² %.4f  ", l->slope,
                    l->slope_se, l->r2);
        else if (l->status == KCB_FIT_OK) /* two points: a line through them, no error */
            fprintf(fp, md ? "%.4f (2 points) | - | " : "slope %.4f (2 points, no error)  ",
                    l->slope);
        else
            fprintf(fp, md ? "- | - | " : "line: %s  ", kcb_fit_status_str(l->status));
        if (p->status == KCB_FIT_OK)
            fprintf(fp, md ? "%.4f ± %.4f | %.4g ± %.2g | %.4f ± %.4f | %.4f | |\n"
                           : "E %.4f ± %.4f  A %.4g ± %.2g  alpha %.4f ± %.4f  R² %.4f\n",
                    p->E, p->E_se, p->A, p->A_se, p->alpha, p->alpha_se, p->r2);
        else
            fprintf(fp, md ? "- | - | - | - | %s |\n" : "power law + constant: %s\n",
                    kcb_fit_status_str(p->status));
    }
}

static void json_fits(FILE *fp, const struct curve *cv, size_t n)
{
    fputs("],\"fits\":[", fp);
    for (size_t s = 0; s < n; s++) {
        const struct kcb_fit_line *l = &cv[s].line;
        const struct kcb_fit_power *p = &cv[s].pow;
        fprintf(fp, "%s{\"compressor\":\"%s\",\"line_status\":", s ? "," : "", cv[s].name);
        kcb_json_str(fp, kcb_fit_status_str(l->status));
        double v[] = {l->slope, l->slope_se, l->r2, p->E, p->E_se, p->A, p->A_se, p->alpha,
                      p->alpha_se, p->r2};
        const char *k[] = {"slope", "slope_se", "line_r2", "E", "E_se", "A", "A_se", "alpha",
                           "alpha_se", "power_r2"};
        for (size_t i = 0; i < sizeof v / sizeof v[0]; i++) {
            fprintf(fp, ",\"%s\":", k[i]);
            kcb_json_num(fp, v[i], 6);
        }
        fputs(",\"power_status\":", fp);
        kcb_json_str(fp, kcb_fit_status_str(p->status));
        fputc('}', fp);
    }
    fputs("]}\n", fp);
}

static void write_curves(FILE *fp, enum kcb_format f, const struct curve *cv, size_t n,
                         const char *xname, const char *yname)
{
    size_t k = 0;
    if (f == KCB_FMT_CSV)
        fprintf(fp, "compressor,%s,%s,sd,fitted,residual\n", xname, yname);
    else if (f == KCB_FMT_JSON)
        fprintf(fp, "{\"x\":\"%s\",\"y\":\"%s\",\"points\":[", xname, yname);
    else if (f == KCB_FMT_MD)
        fprintf(fp, "| compressor | %s | %s | sd | fitted | residual |\n"
                    "|---|---:|---:|---:|---:|---:|\n", xname, yname);
    else
        fprintf(fp, "%-10s %10s %9s %9s %9s %9s\n", "compressor", xname, yname, "sd", "fitted",
                "residual");
    for (size_t s = 0; s < n; s++)
        curve_rows(fp, f, &cv[s], &k);
    if (f == KCB_FMT_JSON)
        json_fits(fp, cv, n);
    else if (f != KCB_FMT_CSV)
        fit_summary(fp, f, cv, n);
}

static int curves_figure(const struct probe_opts *o, const struct curve *cv, size_t n,
                         const char *title, const char *xlabel, const char *ylabel)
{
    struct kcb_plot p;
    int rc = kcb_plot_open("probe", &p, o->svg, 900, 560);
    if (rc)
        return rc;
    fputs("set logscale xy\nset grid\nset key outside right\nset title ", p.fp);
    kcb_plot_str(p.fp, title);
    fputs("\nset xlabel ", p.fp);
    kcb_plot_str(p.fp, xlabel);
    fputs("\nset ylabel ", p.fp);
    kcb_plot_str(p.fp, ylabel);
    fputc('\n', p.fp);
    for (size_t s = 0; s < n; s++) {
        fprintf(p.fp, "$D%zu << EOD\n", s);
        for (size_t i = 0; i < cv[s].n; i++)
            fprintf(p.fp, "%.0f %.6f %.6f\n", cv[s].x[i], cv[s].y[i], cv[s].sd[i]);
        fputs("EOD\n", p.fp);
    }
    fputs("plot ", p.fp);
    for (size_t s = 0; s < n; s++) {
        const struct kcb_fit_power *f = &cv[s].pow;
        fprintf(p.fp, "%s$D%zu using 1:2:3 with yerrorlines lc %zu pt 7 title ", s ? ", " : "", s,
                s + 1);
        kcb_plot_str(p.fp, cv[s].name);
        if (f->status == KCB_FIT_OK)
            fprintf(p.fp, ", %.9g + %.9g * x**(-%.9g) with lines dt 2 lc %zu title "
                          "'fit: %.3g + %.3g n^{-%.3f}'",
                    f->E, f->A, f->alpha, s + 1, f->E, f->A, f->alpha);
    }
    fputc('\n', p.fp);
    return kcb_plot_run("probe", &p);
}

static int probe_scaling(const struct probe_opts *o, struct corpus *c, FILE *fp)
{
    struct curve *cv = calloc(o->specs.n, sizeof *cv);
    if (!cv)
        return kcb_fail("probe", "out of memory");
    int bytes = !o->labelled;
    int rc = bytes ? bytes_curves(o, c, cv) : knn_curves(o, cv);
    if (!rc)
        write_curves(fp, o->format, cv, o->specs.n, bytes ? "bytes_seen" : "n_train",
                     bytes ? "bits_per_byte" : "knn_error");
    if (!rc && o->svg) {
        char title[256];
        snprintf(title, sizeof title, bytes ? "cost of the next %ld bytes given n seen: %s"
                                            : "kNN error (k=%ld) against training-set size: %s",
                 bytes ? o->chunk : o->k, bytes ? c->name : o->labelled);
        rc = curves_figure(o, cv, o->specs.n, title,
                           bytes ? "n, bytes already seen" : "training texts",
                           bytes ? "bits per byte of new data" : "error (1 - accuracy)");
    }
    free(cv);
    return rc;
}

/* ---- the command ---- */

static int parse_opt(int c, struct probe_opts *o, const char **codecs)
{
    switch (c) {
    case 'c': *codecs = optarg; return 0;
    case 'o': o->output = optarg; return 0;
    case 'S': o->svg = optarg; return 0;
    case 'L': o->labelled = optarg; return 0;
    case 'f': return kcb_cmd_format("probe", optarg, &o->format);
    case 'j': return kcb_cmd_long("probe", "-j", optarg, 1, 1024, &o->threads);
    case 'F': return kcb_cmd_long("probe", "--from", optarg, 1, 1L << 40, &o->from);
    case 'b': return kcb_cmd_long("probe", "--chunk", optarg, 1, 1L << 30, &o->chunk);
    case 'n': return kcb_cmd_long("probe", "--chunks", optarg, 1, 1000, &o->chunks);
    case 'p': return kcb_cmd_long("probe", "--points", optarg, 1, MAXPTS, &o->points);
    case 'k': return kcb_cmd_long("probe", "-k", optarg, 1, 1024, &o->k);
    case 'r': return kcb_cmd_long("probe", "--reps", optarg, 1, 1000, &o->reps);
    case 'N': return kcb_cmd_long("probe", "--test-sample", optarg, 1, 1L << 40,
                                  &o->test_sample);
    }
    return -2;
}

static int parse(int argc, char **argv, struct probe_opts *o)
{
    static const struct option opts[] = {
        {"codec", required_argument, 0, 'c'},   {"format", required_argument, 0, 'f'},
        {"output", required_argument, 0, 'o'},  {"svg", required_argument, 0, 'S'},
        {"from", required_argument, 0, 'F'},    {"chunk", required_argument, 0, 'b'},
        {"chunks", required_argument, 0, 'n'},  {"points", required_argument, 0, 'p'},
        {"labelled", required_argument, 0, 'L'}, {"reps", required_argument, 0, 'r'},
        {"test-sample", required_argument, 0, 'N'}, {"help", no_argument, 0, 'h'},
        {0, 0, 0, 0}};
    const char *codecs = DEFAULT_CODECS;
    int c, rc = 0;
    optind = 1;
    while (!rc && (c = getopt_long(argc, argv, "c:f:o:j:k:h", opts, NULL)) != -1) {
        if (c == 'h') {
            kcb_cmd_help(kcb_cmd_find("probe"), stdout);
            return -1;
        }
        rc = parse_opt(c, o, &codecs);
        if (rc == -2)
            return kcb_bad_option("probe", argc, argv);
    }
    if (rc)
        return rc;
    if (optind >= argc)
        return kcb_usage_err("probe", "needs a probe: concat, window or scaling");
    o->what = argv[optind++];
    if (strcmp(o->what, "concat") && strcmp(o->what, "window") && strcmp(o->what, "scaling"))
        return kcb_usage_err("probe", "unknown probe '%s' (concat, window, scaling)", o->what);
    if (o->format == KCB_FMT_PLAIN || o->format == KCB_FMT_PHYLIP)
        return kcb_usage_err("probe", "--format: table, csv, json or md");
    return kcb_cmd_specs("probe", codecs, &o->specs);
}

static int check_count(const struct probe_opts *o, size_t n)
{
    if (!strcmp(o->what, "concat") && n < 1)
        return kcb_usage_err("probe", "concat needs at least one CORPUS");
    if (!strcmp(o->what, "window") && n != 1)
        return kcb_usage_err("probe", "window takes one FILE");
    if (!strcmp(o->what, "scaling") && !o->labelled && n != 1)
        return kcb_usage_err("probe", "scaling takes one CORPUS, or --labelled TRAIN,TEST");
    if (!strcmp(o->what, "scaling") && o->labelled && n)
        return kcb_usage_err("probe", "scaling --labelled takes no CORPUS");
    return KCB_EXIT_OK;
}

static int dispatch(const struct probe_opts *o, struct corpus *c, size_t n)
{
    kcb_afile *af;
    FILE *fp;
    if (kcb_afile_open(o->output, &af, &fp))
        return kcb_io_err("probe", "%s: %s", o->output, strerror(errno));
    int rc = !strcmp(o->what, "concat") ? probe_concat(o, c, n, fp)
             : !strcmp(o->what, "window") ? probe_window(o, c, fp)
                                          : probe_scaling(o, c, fp);
    if (rc) {
        kcb_afile_abort(af);
        return rc;
    }
    if (kcb_afile_commit(af))
        return kcb_io_err("probe", "%s: %s", o->output, strerror(errno));
    return KCB_EXIT_OK;
}

static int run(int argc, char **argv)
{
    struct probe_opts o = {.output = "-", .format = KCB_FMT_TABLE, .from = 1024, .chunk = 1024,
                           .chunks = 4, .points = 12, .k = 1, .reps = 3};
    int rc = parse(argc, argv, &o);
    size_t n = rc ? 0 : (size_t)(argc - optind);
    struct corpus *c = calloc(n ? n : 1, sizeof *c);
    if (!rc)
        rc = c ? check_count(&o, n) : kcb_fail("probe", "out of memory");
    for (size_t i = 0; !rc && i < n; i++)
        rc = load_corpus(argv[optind + i], &c[i]);
    if (!rc)
        rc = dispatch(&o, c, n);
    corpora_free(c, n);
    kcb_specs_free(&o.specs);
    return rc < 0 ? KCB_EXIT_OK : rc;
}

const struct kcb_cmd kcb_cmd_probe = {
    "probe", run, "compression-equals-learning probes: concat gain, window, scaling",
    "usage: kcbench probe concat  [-c CODECS] [options] CORPUS...\n"
    "       kcbench probe window  [-c CODECS] [--from BYTES] [options] FILE\n"
    "       kcbench probe scaling [-c CODECS] [--from B] [--chunk B] [--chunks N] CORPUS\n"
    "       kcbench probe scaling [-c CODECS] --labelled TRAIN,TEST [-k K] [--reps R]\n\n"
    "concat   for every pair of corpora X, Y: C(X), C(Y), C(XY), C(YX), the gain\n"
    "         C(X)+C(Y)-C(XY) in bytes and divided by min(C(X),C(Y)) (an estimate of shared\n"
    "         information), the smallest c with C(XY) <= C(X)+C(Y)+c, and whether\n"
    "         K(X,Y) <= K(X)+K(Y)+c held with c = C(empty), the codec's container size.\n"
    "window   NCD(x,x) and the gain of x with itself as x grows from --from bytes (default\n"
    "         1024) to the whole file on a log grid: where each compressor stops seeing the\n"
    "         first copy while it reads the second (gzip 32 KiB, bzip2 its blocks, xz and zstd\n"
    "         their windows), the NCD pitfall of Cebrian et al. (2005).\n"
    "scaling  the cost of new data given what was seen: for n on a log grid (--points,\n"
    "         default 12, from --from bytes), the bits per byte of each of the next --chunks\n"
    "         (default 4) chunks of --chunk bytes (default 1024), C(prefix.chunk) - C(prefix),\n"
    "         averaged. With --labelled TRAIN,TEST: kNN error (rule vote, -k, default 1)\n"
    "         against training-set size, on stratified samples (seeds 1..--reps, default 3),\n"
    "         mean and spread; --test-sample N scores a stratified sample of the test set.\n"
    "         Both are fitted as a straight line in log-log (slope, R²) and as a power law\n"
    "         plus a constant, y = E + A n^-alpha (least squares with standard errors; E reads\n"
    "         as the entropy floor), with residuals; fewer than 4 points are not fitted.\n\n"
    "A CORPUS is a file, a directory (its files concatenated in name order), or FILE:LABEL,\n"
    "the texts of one class of a labelled dataset joined by newlines.\n\n"
    "  -c, --codec LIST    compressors (default " DEFAULT_CODECS ")\n"
    "  -f, --format F      table (default), csv, json, md\n"
    "  -o, --output FILE   write there (atomically)\n"
    "      --svg FIG.svg   also draw the figure with gnuplot (FIG.gp is kept beside it):\n"
    "                      a heatmap for concat, curves on log axes for window and scaling\n"
    "  -j N                threads (default: all cores); results do not depend on it\n",
};
