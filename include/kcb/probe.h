/* lib/probe: compression-equals-learning probes: concatenation gain, the window sweep, the cost of new data, L(N, D). */
#ifndef KCB_PROBE_H
#define KCB_PROBE_H

#include <stddef.h>

#include "kcb/blob.h"
#include "kcb/fit.h"
#include "kcb/spec.h"

/*
 * Why a gain may say more about the compressor than about X and Y:
 *   WINDOW  X is longer than the codec's window: while it codes Y, C(XY) reaches back only
 *           over the last `window` bytes of X, so most of X cannot help (gzip: 32 KiB);
 *   BLOCK   the codec codes blocks of `window` bytes on their own (bzip2) and XY is longer
 *           than one: XY is cut into blocks that are neither X nor Y, so C(XY) - C(X) - C(Y)
 *           measures where the cuts fall as much as what X and Y share.
 */
enum kcb_concat_artefact { KCB_CONCAT_CLEAN, KCB_CONCAT_WINDOW, KCB_CONCAT_BLOCK };

/* Returns "none", "window" or "block" (static storage). */
const char *kcb_concat_artefact_str(enum kcb_concat_artefact a);

/* What C says about two corpora X and Y. */
struct kcb_concat {
    size_t nx, ny;     /* bytes of X and Y */
    size_t cx, cy, cxy, cyx;
    size_t cempty;     /* C(empty): the codec's container overhead */
    size_t window;     /* the codec's window (or bzip2's block) at this level; 0 = unbounded */
    double gain;       /* C(X) + C(Y) - C(XY), bytes: an estimate of shared information */
    double gain_rel;   /* gain / min(C(X), C(Y)) */
    double c_needed;   /* the smallest c with C(XY) <= C(X) + C(Y) + c, i.e. C(XY) - C(X) - C(Y) */
    int held;          /* C(XY) <= C(X) + C(Y) + C(empty) */
    double bpb_x, bpb_y, bpb_xy; /* 8 C / bytes of X, Y and XY; NaN for an empty input */
    int literal;       /* bpb_xy < bpb_x and bpb_xy < bpb_y: "the concatenation is more
                          compressible than each", read literally (false if any is NaN) */
    enum kcb_concat_artefact artefact;
};

/*
 * Computes the concatenation probe for every ordered pair of the n corpora with compressor
 * spec: out[i*n + j] describes X = x[i], Y = x[j] (the diagonal is X with itself). Pairs run
 * on threads workers (0 = all cores); results do not depend on the thread count.
 * Returns 0 or kcb_err; out is the caller's array of n*n.
 */
int kcb_concat_matrix(const struct kcb_spec *spec, const struct kcb_blob *x, size_t n,
                      size_t threads, struct kcb_concat *out);

/* One size of the window sweep: x is the first `size` bytes of the file. */
struct kcb_window_point {
    size_t size;
    size_t cx, cxx;    /* C(x), C(x·x) */
    double ncd_xx;     /* (C(xx) - C(x)) / C(x): near 0 while the second copy is seen whole */
    double gain_rel;   /* (2 C(x) - C(xx)) / C(x): near 1 when the copy costs nothing */
};

/*
 * Fills out[k] for the sizes of a log grid from `from` bytes to n (powers of two, then n itself;
 * at most cap points) and sets *count. Returns 0 or kcb_err.
 */
int kcb_window_sweep(const struct kcb_spec *spec, const unsigned char *x, size_t n, size_t from,
                     size_t threads, struct kcb_window_point *out, size_t cap, size_t *count);

/*
 * How the cost of new data is measured. Both score chunks of `chunk` bytes, each on its own
 * after a prefix of n bytes, as 8 (C(prefix·chunk) - C(prefix)) / chunk bits per byte:
 *   HELDOUT  the chunks are a fixed held-out block, the last chunks·chunk bytes of the data,
 *            and the prefix is the n bytes just before it: only the amount of text seen
 *            changes with n, the scored text never does;
 *   NEXT     the chunks are the ones that follow the first n bytes: the scored text moves
 *            through the data as n grows, so the amount of data and the position in the
 *            text change together (a text that gets easier further in looks like learning).
 */
enum kcb_scaling_design { KCB_SCALING_HELDOUT, KCB_SCALING_NEXT };

/* Returns "heldout" or "next" (static storage). */
const char *kcb_scaling_design_str(enum kcb_scaling_design d);

/* What kcb_scaling_bytes measures. */
struct kcb_scaling_setup {
    enum kcb_scaling_design design;
    size_t from;       /* the smallest prefix, bytes (> 0) */
    size_t chunk;      /* bytes of each scored chunk (> 0) */
    size_t chunks;     /* chunks averaged per point (> 0) */
    size_t points;     /* at most this many prefix sizes (> 0) */
    size_t threads;    /* 0 = all cores; results do not depend on it */
};

/* One point of the cost-of-new-data curve. */
struct kcb_scaling_point {
    size_t seen;       /* n: bytes of the prefix */
    size_t offset;     /* where the prefix starts in the data (0 for NEXT) */
    double bpb;        /* mean over chunks of 8 (C(prefix·chunk) - C(prefix)) / |chunk| */
    double bpb_sd;     /* standard deviation over those chunks */
    size_t chunks;     /* how many chunks were averaged */
    int in_window;     /* n <= the codec's window (0 = unbounded): a chunk's first byte can
                          reach the whole prefix; past it more text cannot be used */
};

/*
 * For each prefix length n on a log grid from s->from up to the data's size less
 * chunks·chunk, measures the bits per byte of each of the chunks given the prefix, by the
 * design s->design. Sets *count points in out (at most cap, also at most s->points sizes
 * spread evenly in log n, as kcb_log_grid makes them: one point is the largest prefix).
 * Returns 0 or kcb_err (KCB_EINVAL when the data is too short for one point).
 */
int kcb_scaling_bytes(const struct kcb_spec *spec, const unsigned char *x, size_t n,
                      const struct kcb_scaling_setup *s, struct kcb_scaling_point *out,
                      size_t cap, size_t *count);

/*
 * L(N, D): the cost of a fixed held-out block, the last `heldout` bytes of the data, coded
 * after the first D bytes (a model primed with them), for each model size N (a list of specs
 * of one codec, e.g. its levels) and each D of a log grid. The block never changes; it never
 * overlaps the training bytes.
 */
struct kcb_nd_setup {
    size_t heldout;    /* bytes of the held-out block (> 0) */
    size_t from;       /* the smallest D (> 0) */
    size_t to;         /* the largest D; 0 = all the data before the block */
    size_t points;     /* at most this many D, spread evenly in log D (kcb_log_grid) (> 0) */
    size_t threads;    /* 0 = all cores; results do not depend on it */
};

/* One point of the grid. */
struct kcb_nd_point {
    size_t spec;       /* which spec: an index into the list measured */
    size_t model;      /* N, bytes (kcb_nd_model_size) */
    size_t train;      /* D: the first D bytes of the data were the dictionary */
    size_t coded;      /* C(block | first D bytes): compress_primed's size of the block in
                          bytes, or (a spec with bits set) its ideal code length in bits */
    double bpb;        /* bits per byte of the block: 8 coded / heldout, or coded / heldout */
};

/*
 * Sets *n to the model size N of spec: the bytes of its model's tables when the codec
 * reports them (model_size: cm), else its window at that level (bytes of history a match
 * can reach). Returns 0, or KCB_EINVAL when the codec has neither (an unbounded window).
 */
int kcb_nd_model_size(const struct kcb_spec *spec, size_t *n);

/*
 * Measures the grid: for each spec s of specs[0..nspecs) and each D, the held-out block
 * compressed with the codec's priming (prime, then compress_primed) on the first D bytes.
 * Points in out are spec by spec in the order given, D ascending within each (*count in
 * all, at most cap). Items run on s->threads workers, the largest D first, each with its own
 * compressor; results do not depend on the thread count. Returns 0, KCB_EINVAL (a spec
 * whose codec cannot prime or has no model size, specs of different codecs, or data too
 * short for the block and one D >= from), or kcb_err.
 */
int kcb_scaling_nd(const struct kcb_spec *specs, size_t nspecs, const unsigned char *x,
                   size_t n, const struct kcb_nd_setup *s, struct kcb_nd_point *out,
                   size_t cap, size_t *count);

#endif
