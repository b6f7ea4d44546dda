/* The figures of kcbench probe: a gain heatmap, window curves and scaling curves, drawn by gnuplot. */
#include <math.h>
#include <stdio.h>

#include "figure.h"
#include "cmd_probe.h"

/* The mark of a gain that is a window or block artefact, after its value in a cell. */
static const char *artefact_mark(enum kcb_concat_artefact a)
{
    return a == KCB_CONCAT_WINDOW ? " w" : a == KCB_CONCAT_BLOCK ? " b" : "";
}

/* The ticks of one axis: the corpus names at 0, 1, ... */
static void concat_tics(FILE *fp, const char *axis, const struct kcb_inputs *c)
{
    fprintf(fp, "set %stics (", axis);
    for (size_t i = 0; i < c->n; i++) {
        kcb_plot_text(fp, c->v[i].name);
        fprintf(fp, " %zu%s", i, i + 1 < c->n ? ", " : ") noenhanced\n");
    }
}

/* One panel: gain / min on a colour scale centred on 0, symmetric about it. */
static void concat_panel(struct kcb_plot *p, const struct kcb_inputs *c,
                         const struct kcb_concat *res, const char *name)
{
    size_t n = c->n;
    double top = 0; /* colours span the pairs of different corpora; the diagonal saturates */
    for (size_t i = 0; i < n; i++)
        for (size_t j = 0; j < n; j++)
            if (i != j && fabs(res[i * n + j].gain_rel) > top)
                top = fabs(res[i * n + j].gain_rel);
    fprintf(p->fp, "set cbrange [%.6f:%.6f]\n", top > 0 ? -top : -1.0, top > 0 ? top : 1.0);
    kcb_plot_data(p, "M");
    for (size_t i = 0; i < n; i++)
        for (size_t j = 0; j < n; j++)
            fprintf(p->fp, "%zu %zu %.6f \"%.2f%s\"\n", j, i, res[i * n + j].gain_rel,
                    res[i * n + j].gain_rel, artefact_mark(res[i * n + j].artefact));
    kcb_plot_end_data(p);
    concat_tics(p->fp, "x", c);
    concat_tics(p->fp, "y", c);
    fprintf(p->fp, "set xlabel 'Y'\nset ylabel 'X'\nset yrange [%zu.5:-0.5]\n"
                   "set xrange [-0.5:%zu.5]\nset title ", n - 1, n - 1);
    kcb_plot_text(p->fp, name);
    fputs(" noenhanced\nplot $M using 1:2:(0.5):(0.5):3 with boxxyerror fc palette notitle, "
          "$M using 1:2:4 with labels font ',9' notitle\n", p->fp);
}

/*
 * A heatmap of gain / min(C(X), C(Y)), one panel per compressor, on a diverging scale:
 * red below 0 (C(XY) > C(X) + C(Y)), white at 0, blue above; "w" and "b" mark window and
 * block artefacts.
 */
int kcb_fig_concat(const struct probe_opts *o, const struct kcb_inputs *c,
                   struct kcb_concat *const *res)
{
    size_t n = c->n;
    struct kcb_plot p;
    size_t ns = o->com.specs.n, cols = ns > 1 ? 2 : 1, rows = (ns + cols - 1) / cols;
    int rc = kcb_plot_open(o->cmd->name, &p, o->svg, (int)(cols * (300 + 48 * n)),
                           (int)(rows * (260 + 44 * n) + 40));
    if (rc)
        return rc;
    fprintf(p.fp, "set palette defined (-1 '#b2182b', -0.5 '#f4a582', 0 'white', "
                  "0.5 '#92c5de', 1 '#2166ac')\n"
                  "set cblabel 'gain / min(C(X),C(Y)); 0 is white, the diagonal saturates'\n"
                  "set xtics rotate by 45 right\nset size ratio -1\n"
                  "set style fill solid 1.0 noborder\n"
                  "set multiplot layout %zu,%zu title \"Concatenation gain C(X)+C(Y)-C(XY), "
                  "relative: blue a gain, red a loss (C(XY) > C(X)+C(Y))\\n"
                  "w: X longer than the window, C(XY) reaches only the end of X;  "
                  "b: XY cut into bzip2 blocks\"\n", rows, cols);
    for (size_t s = 0; s < ns; s++) {
        char name[64];
        kcb_spec_str(&o->com.specs.v[s], name, sizeof name);
        concat_panel(&p, c, res[s], name);
    }
    fputs("unset multiplot\n", p.fp);
    return kcb_plot_run(o->cmd->name, &p);
}

int kcb_fig_window(const struct probe_opts *o, const struct kcb_input *c,
                   struct kcb_window_point (*pts)[PROBE_MAXPTS], const size_t *cnt)
{
    struct kcb_plot p;
    int rc = kcb_plot_open(o->cmd->name, &p, o->svg, 900, 560);
    if (rc)
        return rc;
    fputs("set logscale x 2\nset format x '2^{%L}'\nset xlabel 'bytes of x'\n"
          "set ylabel 'NCD(x,x) = (C(xx) - C(x)) / C(x)'\nset key outside right\n"
          "set grid\nset yrange [-0.05:*]\n", p.fp);
    /* no window longer than the input can show: the curve of such a codec never rises */
    fprintf(p.fp, "set arrow from %zu, graph 0 to %zu, graph 1 nohead dt 2 lc rgb 'gray40'\n",
            c->n, c->n);
    char title[512];
    snprintf(title, sizeof title, "%s: %zu bytes (dashed: the whole input; "
             "a window longer than that cannot show, the curve never rises)", c->name, c->n);
    fputs("set title ", p.fp);
    kcb_plot_text(p.fp, title);
    fputs(" noenhanced\n", p.fp);
    for (size_t s = 0; s < o->com.specs.n; s++) {
        char name[32];
        snprintf(name, sizeof name, "S%zu", s);
        kcb_plot_data(&p, name);
        for (size_t k = 0; k < cnt[s]; k++)
            fprintf(p.fp, "%zu %.6f\n", pts[s][k].size, pts[s][k].ncd_xx);
        kcb_plot_end_data(&p);
    }
    fputs("plot ", p.fp);
    for (size_t s = 0; s < o->com.specs.n; s++) {
        char name[64];
        kcb_spec_str(&o->com.specs.v[s], name, sizeof name);
        fprintf(p.fp, "%s$S%zu using 1:2 with linespoints lw 2 title ", s ? ", " : "", s);
        kcb_plot_text(p.fp, name);
        fputs(" noenhanced", p.fp);
    }
    fputc('\n', p.fp);
    return kcb_plot_run(o->cmd->name, &p);
}

/* The fitted curve of cv over the points it was fitted on, if one is identified. */
static void curve_fit(FILE *fp, const struct curve *cv, size_t s)
{
    const struct kcb_fit_power *f = &cv->pow;
    const struct kcb_fit_line *l = &cv->line;
    if (cv->n_fit == 0)
        return;
    double a = cv->x[0], b = cv->x[cv->n_fit - 1];
    if (f->ident == KCB_FIT_IDENTIFIED)
        fprintf(fp, ", (x >= %.9g && x <= %.9g ? %.9g + %.9g * x**(-%.9g) : 1/0) with lines "
                    "dt 2 lw 1.5 lc %zu title 'fit: %.3g + %.3g n^{-%.3f}'",
                a, b, f->E, f->A, f->alpha, s + 1, f->E, f->A, f->alpha);
    else if (kcb_fit_line_identified(l))
        fprintf(fp, ", (x >= %.9g && x <= %.9g ? 10**(%.9g) * x**(%.9g) : 1/0) with lines "
                    "dt 3 lw 1.5 lc %zu title 'log-log slope %.3f (power law not "
                    "identified)'", a, b, l->intercept, l->slope, s + 1, l->slope);
}

/*
 * Curves on log axes, each with its identified fit over the points it was fitted on: the
 * power law plus a constant, else the log-log line, else none. Points past the codec's
 * window are open circles: shown, not fitted.
 */
int kcb_fig_curves(const struct probe_opts *o, const struct curve *cv, const char *title,
                   const char *xlabel, const char *ylabel)
{
    size_t n = o->com.specs.n;
    struct kcb_plot p;
    int rc = kcb_plot_open(o->cmd->name, &p, o->svg, 900, 600);
    if (rc)
        return rc;
    int ylog = 1; /* a log y axis cannot show 0 (an error-free point): then y is linear */
    double ymax = 0;
    for (size_t s = 0; s < n; s++)
        for (size_t i = 0; i < cv[s].n; i++) {
            ylog &= cv[s].y[i] > 0;
            ymax = cv[s].y[i] > ymax ? cv[s].y[i] : ymax;
        }
    if (ylog)
        fputs("set logscale xy\n", p.fp);
    else /* all zero: a range of its own, which gnuplot cannot find */
        fprintf(p.fp, "set logscale x\nset yrange [0:%s]\n", ymax > 0 ? "*" : "0.1");
    fputs("set grid\nset key inside bottom left opaque box samplen 2 font ',9'\n"
          "set samples 400\nset autoscale xfix\n"
          "set offsets graph 0.03, graph 0.03, graph 0.05, graph 0.45\n"
          "set format x '10^{%L}'\n", p.fp);
    if (ylog)
        fputs("set autoscale yfix\nset ytics (0.01, 0.02, 0.03, 0.05, 0.07, 0.1, 0.15, 0.2, "
              "0.3, 0.4, 0.5, 0.7, 1, 1.25, 1.5, 1.75, 2, 2.5, 3, 3.5, 4, 5, 6, 7, 8, 10)\n"
              "set mytics 1\n", p.fp);
    fputs("set title ", p.fp);
    kcb_plot_text(p.fp, title);
    fputs(" noenhanced\nset xlabel ", p.fp);
    kcb_plot_text(p.fp, xlabel);
    fputs(" noenhanced\nset ylabel ", p.fp);
    kcb_plot_text(p.fp, ylabel);
    fputs(" noenhanced\n", p.fp);
    for (size_t s = 0; s < n; s++) {
        fprintf(p.fp, "$D%zu << EOD\n", s);
        for (size_t i = 0; i < cv[s].n; i++)
            fprintf(p.fp, "%.0f %.6f %.6f %d\n", cv[s].x[i], cv[s].y[i], cv[s].sd[i],
                    i < cv[s].n_fit);
        fputs("EOD\n", p.fp);
    }
    fputs("plot ", p.fp);
    for (size_t s = 0; s < n; s++) {
        fprintf(p.fp, "%s$D%zu using 1:2 with lines lc %zu notitle, "
                      "$D%zu using 1:($4 > 0 ? $2 : 1/0):3 with yerrorbars lc %zu pt 7 title ",
                s ? ", " : "", s, s + 1, s, s + 1);
        kcb_plot_text(p.fp, cv[s].name);
        fputs(" noenhanced", p.fp);
        if (cv[s].n_fit < cv[s].n)
            fprintf(p.fp, ", $D%zu using 1:($4 > 0 ? 1/0 : $2):3 with yerrorbars lc %zu pt 6 "
                          "title 'past its window (%zu B): not fitted'", s, s + 1, cv[s].window);
        curve_fit(p.fp, &cv[s], s);
    }
    fputc('\n', p.fp);
    return kcb_plot_run(o->cmd->name, &p);
}
