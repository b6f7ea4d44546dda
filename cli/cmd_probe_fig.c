/* The figures of kcbench probe: a gain heatmap, window curves and scaling curves, drawn by gnuplot. */
#include <stdio.h>

#include "figure.h"
#include "cmd_probe.h"

/* A heatmap of gain / min(C(X), C(Y)), one panel per compressor. */
int kcb_fig_concat(const struct probe_opts *o, const struct kcb_inputs *c,
                   struct kcb_concat *const *res)
{
    size_t n = c->n;
    struct kcb_plot p;
    size_t ns = o->specs.n, cols = ns > 1 ? 2 : 1, rows = (ns + cols - 1) / cols;
    int rc = kcb_plot_open(o->cmd->name, &p, o->svg, (int)(cols * (260 + 40 * n)),
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
            kcb_plot_str(p.fp, c->v[i].name);
            fprintf(p.fp, " %zu%s", i, i + 1 < n ? ", " : ")\n");
        }
        fputs("set ytics (", p.fp);
        for (size_t i = 0; i < n; i++) {
            kcb_plot_str(p.fp, c->v[i].name);
            fprintf(p.fp, " %zu%s", i, i + 1 < n ? ", " : ")\n");
        }
        fprintf(p.fp, "set xlabel 'Y'\nset ylabel 'X'\nset yrange [%zu.5:-0.5]\n"
                      "set xrange [-0.5:%zu.5]\nset title '%s'\n"
                      "plot $M using 1:2:3 with image notitle, "
                      "$M using 1:2:(sprintf('%%.2f',$3)) with labels font ',9' notitle\n",
                n - 1, n - 1, name);
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
    return kcb_plot_run(o->cmd->name, &p);
}

int kcb_fig_curves(const struct probe_opts *o, const struct curve *cv, const char *title,
                   const char *xlabel, const char *ylabel)
{
    size_t n = o->specs.n;
    struct kcb_plot p;
    int rc = kcb_plot_open(o->cmd->name, &p, o->svg, 900, 560);
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
    return kcb_plot_run(o->cmd->name, &p);
}

