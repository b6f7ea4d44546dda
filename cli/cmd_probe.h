/* cli: what the files of kcbench probe share: its options, measured curves, and their figures. */
#ifndef KCB_CLI_CMD_PROBE_H
#define KCB_CLI_CMD_PROBE_H

#include <stdio.h>

#include "args.h"
#include "cli.h"
#include "dataopts.h"
#include "kcb/fit.h"
#include "kcb/probe.h"
#include "kcb/spec.h"
#include "load.h"
#include "table.h"

#define PROBE_MAXPTS 64

struct probe_opts {
    const struct kcb_cmd *cmd;
    const char *what, *svg, *labelled;
    struct kcb_common com; /* -c, -f, -o, -j */
    long from, chunk, chunks, points, k, reps, test_sample;
    long heldout, to; /* scaling-nd: the held-out block's bytes, the largest D (0: all) */
    int bits;         /* --bits: sizes are ideal code lengths (kcb/spec.h) */
    enum kcb_scaling_design design; /* scaling of bytes: held-out block (default) or next */
    struct kcb_dataopts data; /* how --labelled files are read */
};

/*
 * One measured curve y(x) of a compressor, with its two fits. The fits use the points with
 * used[i] set (bytes: the prefixes within the codec's window; they come first, as x grows);
 * the others are shown, not fitted.
 */
struct curve {
    char name[64];
    size_t n, n_fit;  /* points, and how many of them (the first ones) the fits use */
    size_t window;    /* bytes: the codec's window at this level (0: unbounded); kNN: 0 */
    double x[PROBE_MAXPTS], y[PROBE_MAXPTS], sd[PROBE_MAXPTS], resid[PROBE_MAXPTS];
    struct kcb_fit_line line;
    struct kcb_fit_power pow; /* pow.ident: with E >= 0, as loss and error cannot be below */
};

/* probe scaling: measures, fits and writes the curves of every compressor. */
int kcb_probe_scaling(const struct probe_opts *o, const struct kcb_input *c, struct kcb_out *out);

/* probe scaling-nd: measures the grid of model sizes and training bytes, fits L(N, D),
 * writes the points, the fit and (with --svg) the figure. */
int kcb_probe_scaling_nd(const struct probe_opts *o, const struct kcb_input *c,
                         struct kcb_out *out);

/* The figures, drawn by gnuplot into o->svg; each returns an exit status (errors printed). */
int kcb_fig_concat(const struct probe_opts *o, const struct kcb_inputs *c,
                   struct kcb_concat *const *res);
int kcb_fig_window(const struct probe_opts *o, const struct kcb_input *c,
                   struct kcb_window_point (*pts)[PROBE_MAXPTS], const size_t *cnt);
int kcb_fig_curves(const struct probe_opts *o, const struct curve *cv, const char *title,
                   const char *xlabel, const char *ylabel);

#endif
