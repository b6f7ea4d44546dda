/* kcbench probe scaling-nd: bits per byte of a held-out block against model size N and training bytes D, fitted as L(N, D). */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "args.h"
#include "kcb/err.h"
#include "columns.h"
#include "figure.h"
#include "output.h"
#include "cmd_probe.h"

/* The grid, its fit, and the texts of the rows being written. */
struct nd {
    const struct probe_opts *o;
    struct kcb_nd_point *pt;
    size_t n;
    double *N, *D, *y, *resid;
    struct kcb_fit_nd fit;
    char name[64], est[64], se[64];
};

static double law(const struct kcb_fit_nd *f, double N, double D)
{
    return f->status == KCB_FIT_OK ? f->E + f->A * pow(N, -f->alpha) + f->B * pow(D, -f->beta)
                                   : (double)NAN;
}

/* The note of a fit: why it was not fitted or is not identified; "" when identified. */
static const char *nd_note(const struct kcb_fit_nd *f)
{
    return f->status != KCB_FIT_OK ? kcb_fit_status_str(f->status)
           : f->ident != KCB_FIT_IDENTIFIED ? kcb_fit_ident_str(f->ident) : "";
}

static int point_row(void *arg, size_t r, struct kcb_cell *c)
{
    struct nd *g = arg;
    const struct kcb_nd_point *p = &g->pt[r];
    const struct kcb_spec *sp = &g->o->com.specs.v[p->spec];
    const struct kcb_fit_nd *f = &g->fit;
    c[ND_COMPRESSOR] = kcb_cell_text(kcb_spec_str(sp, g->name, sizeof g->name));
    c[ND_LEVEL] = kcb_cell_int(sp->level);
    c[ND_MODEL] = kcb_cell_uint(p->model);
    c[ND_TRAIN] = kcb_cell_uint(p->train);
    c[ND_HELDOUT] = kcb_cell_uint((unsigned long long)g->o->heldout);
    c[ND_CODED] = kcb_cell_uint(p->coded);
    c[ND_BPB] = kcb_cell_real(p->bpb);
    c[ND_FITTED] = kcb_cell_real(law(f, g->N[r], g->D[r]));
    c[ND_RESIDUAL] = kcb_cell_real(g->resid[r]);
    c[ND_STATUS] = kcb_cell_text(kcb_fit_status_str(f->status));
    const double v[] = {f->E, f->E_se, f->A, f->A_se, f->alpha, f->alpha_se, f->B, f->B_se,
                        f->beta, f->beta_se, f->r_terms, f->r2};
    for (size_t k = 0; k < sizeof v / sizeof v[0]; k++)
        c[ND_E + k] = kcb_cell_real(v[k]);
    c[ND_N_PINNED] = kcb_cell_bool(f->n_pinned);
    c[ND_D_PINNED] = kcb_cell_bool(f->d_pinned);
    c[ND_IDENTIFIED] = kcb_cell_bool(f->ident == KCB_FIT_IDENTIFIED);
    c[ND_IDENT] = kcb_cell_text(kcb_fit_ident_str(f->ident));
    return KCB_OK;
}

/* Row k of the fit table: one parameter, its estimate and standard error. */
static int param_row(void *arg, size_t k, struct kcb_cell *c)
{
    struct nd *g = arg;
    const struct kcb_fit_nd *f = &g->fit;
    static const char *const names[] = {"E", "A", "alpha", "B", "beta"};
    static const char *const terms[] = {"floor", "N-term", "N-term", "D-term", "D-term"};
    const double est[] = {f->E, f->A, f->alpha, f->B, f->beta};
    const double se[] = {f->E_se, f->A_se, f->alpha_se, f->B_se, f->beta_se};
    int ok = f->status == KCB_FIT_OK;
    c[NDP_PARAM] = kcb_cell_text(names[k]);
    c[NDP_TERM] = kcb_cell_text(terms[k]);
    c[NDP_EST] = ok ? kcb_cell_real(est[k]) : kcb_cell_null();
    c[NDP_SE] = ok ? kcb_cell_real(se[k]) : kcb_cell_null();
    c[NDP_PINNED] = ok ? kcb_cell_bool(isfinite(se[k]) && se[k] < fabs(est[k]))
                       : kcb_cell_null();
    return KCB_OK;
}

static int nd_write(struct nd *g, struct kcb_out *out)
{
    char title[512];
    snprintf(title, sizeof title, "bits per byte of a held-out block (the last %ld bytes) "
             "after the first D bytes; N = bytes of the model's tables", g->o->heldout);
    int rc = kcb_table_write(out, kcb_nd_cols, ND_NCOLS, title, g->n, point_row, g);
    if (rc || !kcb_format_human(out->f))
        return rc;
    const struct kcb_fit_nd *f = &g->fit;
    const char *note = nd_note(f);
    snprintf(title, sizeof title, "fit: L(N, D) = E + A N^-alpha + B D^-beta on %zu points: "
             "%s; R² %.5f; largest |r| between the terms' parameters %.3f; pinned: N-term %s, "
             "D-term %s", f->n_used, *note ? note : "identified", f->r2, f->r_terms,
             f->n_pinned ? "yes" : "no", f->d_pinned ? "yes" : "no");
    return kcb_table_write(out, kcb_nd_param_cols, NDP_NCOLS, title, 5, param_row, g);
}

/* Measures the grid into g and fits it: an exit status (errors printed). */
static int nd_measure(const struct probe_opts *o, const struct kcb_input *c, struct nd *g)
{
    const char *cmd = o->cmd->name;
    size_t cap = o->com.specs.n * PROBE_MAXPTS;
    struct kcb_nd_setup s = {(size_t)o->heldout, (size_t)o->from, (size_t)o->to,
                             (size_t)o->points, (size_t)o->com.threads};
    g->pt = malloc(cap * sizeof *g->pt);
    g->N = malloc(4 * cap * sizeof *g->N);
    if (!g->pt || !g->N)
        return kcb_fail(cmd, "out of memory");
    g->D = g->N + cap, g->y = g->D + cap, g->resid = g->y + cap;
    for (size_t k = 0; k < o->com.specs.n; k++) {
        const struct kcb_spec *sp = &o->com.specs.v[k];
        size_t m;
        if (sp->codec != o->com.specs.v[0].codec || kcb_nd_model_size(sp, &m) ||
            !kcb_codec_primable(sp->codec))
            return kcb_usage_err(cmd, "scaling-nd: -c takes levels of one codec that can prime "
                                 "and has a model size or a bounded window (cm, or zstd, xz)");
    }
    int e = kcb_scaling_nd(o->com.specs.v, o->com.specs.n, c->data, c->n, &s, g->pt, cap,
                           &g->n);
    if (e == KCB_EINVAL)
        return kcb_io_err(cmd, "%s: %zu bytes is too short for --heldout %ld and --from %ld",
                          c->name, c->n, o->heldout, o->from);
    if (e)
        return kcb_lib_err(cmd, e, "%s", c->name);
    for (size_t i = 0; i < g->n; i++) {
        g->N[i] = (double)g->pt[i].model;
        g->D[i] = (double)g->pt[i].train;
        g->y[i] = g->pt[i].bpb;
    }
    e = kcb_fit_nd(g->N, g->D, g->y, g->n, &g->fit, g->resid);
    if (e)
        return kcb_lib_err(cmd, e, "the fit");
    kcb_fit_nd_identify(&g->fit, 0.0); /* bits per byte cannot be negative */
    return KCB_EXIT_OK;
}

/* The fitted curve of spec s (model size N) over D from a to b, in colour s + 1. */
static void fig_fit(FILE *fp, const struct kcb_fit_nd *f, double N, double a, double b,
                    size_t s)
{
    fprintf(fp, ", (x >= %.9g && x <= %.9g ? %.9g + %.9g * %.9g**(-%.9g) + %.9g * x**(-%.9g) "
                ": 1/0) with lines dt 2 lw 1.2 lc %zu ", a, b, f->E, f->A, N, f->alpha, f->B,
            f->beta, s + 1);
    if (s) {
        fputs("notitle", fp);
        return;
    }
    char t[256];
    const char *note = nd_note(f);
    snprintf(t, sizeof t, "fit: L = %.3f + %.3g N^-%.3f + %.3g D^-%.3f, R² %.4f%s%s", f->E,
             f->A, f->alpha, f->B, f->beta, f->r2, *note ? "; " : "", note);
    fputs("title ", fp);
    kcb_plot_text(fp, t);
    fputs(" noenhanced", fp);
}

/* The y tics of a log axis of bits per byte: every tenth from 0.5 to 3, then coarser. */
static void fig_ytics(FILE *fp)
{
    fputs("set ytics (", fp);
    for (int k = 5; k <= 30; k++)
        fprintf(fp, "%s%.1f", k > 5 ? ", " : "", k / 10.0);
    fputs(", 3.5, 4, 5, 6, 8)\n", fp);
}

static int nd_figure(const struct probe_opts *o, const struct kcb_input *c, struct nd *g)
{
    struct kcb_plot p;
    const struct kcb_fit_nd *f = &g->fit;
    size_t ns = o->com.specs.n, k = g->n / ns;
    int rc = kcb_plot_open(o->cmd->name, &p, o->svg, 1000, 640);
    if (rc)
        return rc;
    char title[512];
    snprintf(title, sizeof title, "%s: bits per byte of the last %ld bytes after the first D "
             "bytes; dashed: the fitted L(N, D) at each level's N%s", c->name, o->heldout,
             f->status == KCB_FIT_OK ? "" : " (not fitted)");
    fputs("set logscale xy\nset grid\nset key outside below font ',9' maxrows 4\n"
          "set format x '10^{%L}'\nset autoscale xfix\nset autoscale yfix\n"
          "set offsets graph 0.02, graph 0.02, graph 0.04, graph 0.04\n"
          "set xlabel 'D, training bytes (the first D bytes of the corpus)'\n"
          "set ylabel 'bits per byte of the held-out block'\nset samples 200\n", p.fp);
    fig_ytics(p.fp);
    fputs("set title ", p.fp);
    kcb_plot_text(p.fp, title);
    fputs(" noenhanced font ',10'\n", p.fp);
    for (size_t s = 0; s < ns; s++) {
        fprintf(p.fp, "$L%zu << EOD\n", s);
        for (size_t i = 0; i < k; i++)
            fprintf(p.fp, "%zu %.6f\n", g->pt[s * k + i].train, g->pt[s * k + i].bpb);
        fputs("EOD\n", p.fp);
    }
    fputs("plot ", p.fp);
    for (size_t s = 0; s < ns; s++) {
        char name[96];
        kcb_spec_str(&o->com.specs.v[s], g->name, sizeof g->name);
        snprintf(name, sizeof name, "%s, N = %.3g MB", g->name,
                 (double)g->pt[s * k].model / 1e6);
        /* gnuplot has 8 line colours: past them, squares tell the curves apart */
        fprintf(p.fp, "%s$L%zu using 1:2 with linespoints pt %d ps 0.6 lc %zu title ",
                s ? ", " : "", s, s < 8 ? 7 : 5, s + 1);
        kcb_plot_text(p.fp, name);
        fputs(" noenhanced", p.fp);
        if (f->status == KCB_FIT_OK)
            fig_fit(p.fp, f, (double)g->pt[s * k].model, (double)g->pt[s * k].train,
                    (double)g->pt[s * k + k - 1].train, s);
    }
    fputc('\n', p.fp);
    return kcb_plot_run(o->cmd->name, &p);
}

int kcb_probe_scaling_nd(const struct probe_opts *o, const struct kcb_input *c,
                         struct kcb_out *out)
{
    struct nd g = {.o = o};
    int rc = nd_measure(o, c, &g);
    int e = rc ? KCB_OK : nd_write(&g, out);
    if (e)
        rc = kcb_lib_err(o->cmd->name, e, "%s", kcb_output_name(o->com.output));
    out->whole = !rc;
    if (!rc && o->svg)
        rc = nd_figure(o, c, &g);
    free(g.pt);
    free(g.N);
    return rc;
}
