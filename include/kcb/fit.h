/* lib/probe: scaling-law fits: a line in log-log, y = E + A x^-alpha, and L(N, D) = E + A N^-alpha + B D^-beta. */
#ifndef KCB_FIT_H
#define KCB_FIT_H

#include <stddef.h>

/*
 * Whether a fit was made. When it was not, every fitted number in the result is NaN; only
 * n_used (and the status) tell what happened. After an error return (negative kcb_err) the
 * result, if any, is marked not fitted: status TOO_FEW, n_used 0, numbers NaN.
 */
enum kcb_fit_status {
    KCB_FIT_OK,
    KCB_FIT_TOO_FEW,        /* fewer usable points than the model needs (line 2, power law 4) */
    KCB_FIT_DEGENERATE,     /* constant y, all x equal, or (power law) fewer than 3 distinct x */
    KCB_FIT_NOT_DECREASING, /* power law: y does not fall with x, so no A > 0, alpha > 0 fits */
    KCB_FIT_NO_CONVERGENCE, /* power law: no start led to a minimum; often the least squares
                               lie at alpha -> 0 (y = c - d ln x) or alpha -> inf (a step) */
};

/* Returns a static sentence describing s, e.g. "too few usable points: not fitted". */
const char *kcb_fit_status_str(enum kcb_fit_status s);

/* A straight line in log-log: log10 y = slope * log10 x + intercept. */
struct kcb_fit_line {
    double slope, intercept;
    double slope_se, intercept_se; /* standard errors, scaled by the residual variance;
                                      NaN if n_used = 2 */
    double r2;                     /* R² of the line in log-log space */
    size_t n_used;                 /* points with finite x > 0 and finite y > 0; the rest
                                      are skipped */
    enum kcb_fit_status status;
};

/*
 * Fits log10 y = slope log10 x + intercept by least squares (gsl_fit_linear) to the points with
 * finite x > 0 and finite y > 0; the others are skipped (n - n_used of them). Status TOO_FEW
 * below 2 usable points, DEGENERATE when their x or their y are all equal. x and y are only
 * read. Returns 0 (out->status says whether it fitted) or KCB_ENOMEM, or KCB_EINVAL for a NULL
 * pointer or n = 0.
 */
int kcb_fit_loglog(const double *x, const double *y, size_t n, struct kcb_fit_line *out);

/*
 * Whether the data pin down a fitted power law's parameters. A least-squares fit always
 * returns numbers; they say something only when they are identified:
 *   - the floor E is a value y can take (not below the least value y can have: 0 for a code
 *     length or an error rate), and
 *   - every parameter has a finite standard error smaller than its own magnitude (otherwise
 *     its one-standard-error interval reaches zero or the other sign, and the data fit as
 *     well with a very different floor or exponent: E = -45 ± 436 says nothing).
 * The first reason that applies is the one reported.
 */
enum kcb_fit_ident {
    KCB_FIT_IDENTIFIED,
    KCB_FIT_UNFITTED,         /* status is not KCB_FIT_OK: there is nothing to identify */
    KCB_FIT_FLOOR_IMPOSSIBLE, /* E below the least value y can take */
    KCB_FIT_SE_UNKNOWN,       /* the covariance is singular: no standard errors */
    KCB_FIT_SE_LARGE,         /* a standard error is at least its parameter's magnitude */
    KCB_FIT_CONFOUNDED,       /* two terms of a two-dimensional law cannot be told apart: a
                                 parameter of one is correlated with one of the other at
                                 |r| >= KCB_FIT_CONFOUNDED_R (kcb_fit_nd only) */
};

/* Returns a static sentence describing i, e.g. "identified". */
const char *kcb_fit_ident_str(enum kcb_fit_ident i);

/* A power law above a floor: y = E + A * x^(-alpha), with A > 0 and alpha > 0. */
struct kcb_fit_power {
    double E, A, alpha;          /* floor (not constrained in sign), amplitude, exponent */
    double E_se, A_se, alpha_se; /* standard errors: covariance scaled by chi²/dof, carried to
                                    E, A, alpha by the delta method; NaN if it is singular */
    double rss, r2;              /* residual sum of squares (in y's units), R² = 1 - rss/tss */
    size_t n_used;               /* points with finite x > 0 and finite y */
    size_t iterations;           /* solver iterations of the run that was kept */
    enum kcb_fit_status status;
    enum kcb_fit_ident ident;    /* whether E, A and alpha are identified (no bound on E
                                    unless kcb_fit_power_identify set one) */
};

/*
 * Least-squares fit of y = E + A x^-alpha to the points with finite x > 0 and finite y
 * (gsl_multifit_nlinear, Levenberg–Marquardt), from several starting points derived from the
 * data; the run with the least residual sum of squares among those that converged is kept.
 * Needs 4 usable points with at least 3 distinct x. If resid is not NULL it is the caller's
 * array of n: resid[i] = y[i] - fit(x[i]) for used points, NaN for skipped points (all NaN
 * when not fitted). Returns 0 (out->status says whether it fitted) or KCB_ENOMEM, or KCB_EINVAL
 * for a NULL x, y or out, or n = 0.
 *
 * out->ident is set with no lower bound on E (kcb_fit_power_identify can add one).
 *
 * Library code must not print or abort, so the first call switches GSL's error handler off
 * for the whole process (errors then come back as return codes, which this module checks).
 */
int kcb_fit_power_const(const double *x, const double *y, size_t n, struct kcb_fit_power *out,
                        double *resid);

/*
 * Sets and returns f->ident for a fit whose y cannot be below `least` (0 for bits per byte or
 * an error rate; -INFINITY for no bound), by the rules above kcb_fit_ident.
 */
enum kcb_fit_ident kcb_fit_power_identify(struct kcb_fit_power *f, double least);

/*
 * Whether a fitted log-log line's slope is identified: a finite standard error smaller than
 * the slope's magnitude. A line through two points (no standard error) is not.
 */
int kcb_fit_line_identified(const struct kcb_fit_line *f);

/*
 * The two-dimensional law of model size N and data D (the form of the scaling-law papers):
 * L(N, D) = E + A N^-alpha + B D^-beta, with A, B, alpha, beta > 0.
 */
struct kcb_fit_nd {
    double E, A, alpha, B, beta;             /* floor (any sign), the N-term, the D-term */
    double E_se, A_se, alpha_se, B_se, beta_se; /* standard errors (covariance scaled by
                                                   chi²/dof, delta method); NaN if singular */
    double r_terms;   /* the largest |correlation| between a parameter of the N-term (A,
                         alpha) and one of the D-term (B, beta); NaN if singular */
    double rss, r2;   /* residual sum of squares (y's units), R² = 1 - rss/tss */
    size_t n_used;    /* points with finite N > 0, D > 0 and finite y */
    size_t iterations;
    enum kcb_fit_status status;
    enum kcb_fit_ident ident; /* the whole law, by the rules of kcb_fit_ident, and not
                                 KCB_FIT_CONFOUNDED */
    int n_pinned, d_pinned;   /* the N-term's (A, alpha) and the D-term's (B, beta) standard
                                 errors are each finite and below their estimates */
};

/* The correlation at or above which two terms count as confounded. */
#define KCB_FIT_CONFOUNDED_R 0.99

/*
 * Least-squares fit of y = E + A N^-alpha + B D^-beta to the points with finite N > 0,
 * D > 0 and finite y (gsl_multifit_nlinear, Levenberg–Marquardt) from several starts: for
 * each (alpha, beta) of a grid the law is linear in (E, A, B), solved exactly; the best
 * grid point, and the best in each quarter of the grid, start the solver; the run with the
 * least residual sum of squares among those that converged is kept. Needs 6 usable points
 * with at least 3 distinct N and 3 distinct D (else DEGENERATE); NOT_DECREASING when no
 * grid point has A > 0 and B > 0. resid, if not NULL, is the caller's array of n as for
 * kcb_fit_power_const. Sets out->ident with no lower bound on E (kcb_fit_nd_identify adds
 * one). Returns 0 (out->status says whether it fitted), KCB_ENOMEM, or KCB_EINVAL for a
 * NULL N, D, y or out, or n = 0.
 */
int kcb_fit_nd(const double *N, const double *D, const double *y, size_t n,
               struct kcb_fit_nd *out, double *resid);

/*
 * Sets and returns f->ident for y bounded below by `least`: UNFITTED, FLOOR_IMPOSSIBLE,
 * SE_UNKNOWN, CONFOUNDED (r_terms >= KCB_FIT_CONFOUNDED_R), SE_LARGE, else IDENTIFIED, the
 * first that applies; also sets n_pinned and d_pinned.
 */
enum kcb_fit_ident kcb_fit_nd_identify(struct kcb_fit_nd *f, double least);

#endif
