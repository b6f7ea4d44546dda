/* concatenation: C(XY) against C(X) + C(Y), and bits per byte of XY against X's and Y's. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kcb/comp.h"
#include "kcb/err.h"
#include "kcb/gen.h"
#include "kcb/io.h"
#include "kcb/rng.h"
#include "kcb/school.h"
#include "kcb/sizes.h"
#include "school_int.h"

#define PART 12288             /* bytes of each built-in corpus: XY fits gzip's window */
#define WINDOW_MAX (1u << 20)  /* windows up to this are crossed, with corpora of 2 windows */

/* One pair of corpora, held while every compressor measures it. */
struct pair {
    char what[64], x[48], y[48];
    int related;
    unsigned char *px, *py;
    size_t nx, ny;
};

static void pair_free(struct pair *p)
{
    free(p->px);
    free(p->py);
    p->px = p->py = NULL;
}

void kcb_concat_derive(struct kcb_concat_row *r)
{
    double cx = (double)r->cx, cy = (double)r->cy, cxy = (double)r->cxy, ce = (double)r->cempty;
    r->gain = cx + cy - cxy;
    r->gain_rel = r->gain / fmin(cx, cy);
    r->c_needed = cxy - cx - cy;
    r->subadditive = cxy <= cx + cy + ce;
    r->bpb_x = r->nx ? 8 * (cx - ce) / (double)r->nx : (double)NAN;
    r->bpb_y = r->ny ? 8 * (cy - ce) / (double)r->ny : (double)NAN;
    r->bpb_xy = r->nx + r->ny ? 8 * (cxy - ce) / (double)(r->nx + r->ny) : (double)NAN;
    r->more_compressible = r->bpb_xy < r->bpb_x && r->bpb_xy < r->bpb_y;
}

/* Measures p with spec into row. */
static int measure(const struct kcb_spec *spec, const struct pair *p, struct kcb_concat_row *row)
{
    kcb_comp *c = NULL;
    *row = (struct kcb_concat_row){.related = p->related, .spec = spec, .nx = p->nx,
                                   .ny = p->ny, .window = spec->codec->window(spec->level)};
    snprintf(row->pair, sizeof row->pair, "%s", p->what);
    snprintf(row->x, sizeof row->x, "%s", p->x);
    snprintf(row->y, sizeof row->y, "%s", p->y);
    row->fits = !row->window || p->nx + p->ny <= row->window;
    int rc = kcb_comp_new(spec, &c);
    if (!rc)
        rc = kcb_comp_size(c, "", 0, &row->cempty);
    if (!rc)
        rc = kcb_comp_size(c, p->px, p->nx, &row->cx);
    if (!rc)
        rc = kcb_comp_size(c, p->py, p->ny, &row->cy);
    if (!rc)
        rc = kcb_comp_size_cat(c, p->px, p->nx, "", 0, p->py, p->ny, &row->cxy);
    kcb_comp_free(c);
    if (!rc)
        kcb_concat_derive(row);
    return rc;
}

/* ---- the corpora ---- */

/* A text of source src (order 3), or random bytes when src < 0, of n bytes into *out. */
static int corpus(uint64_t seed, int src, uint64_t index, size_t n, unsigned char **out)
{
    *out = malloc(n ? n : 1);
    if (!*out)
        return KCB_ENOMEM;
    if (src >= 0)
        return kcb_gen_markov(seed, (uint32_t)src, 3, index, *out, n);
    kcb_gen_random(kcb_rng_stream_seed(seed, TAG_CONCAT, index, n), *out, n);
    return KCB_OK;
}

/* Makes built-in pair k of 4 (same source, two sources, text + random, random + random), or
 * with k = 4 two new texts of one source of size bytes each. */
static int builtin_pair(uint64_t seed, int k, size_t size, struct pair *p)
{
    static const char *const what[] = {"same source", "two sources", "text + random",
                                       "random + random", "same source, 2 windows each"};
    static const int xs[] = {0, 0, 0, -1, 0}, ys[] = {0, 1, -1, -1, 0};
    static const uint64_t xi[] = {0, 0, 0, 1, 2}, yi[] = {1, 0, 2, 3, 3};
    char a[KCB_GEN_NAME_SIZE], b[KCB_GEN_NAME_SIZE];
    memset(p, 0, sizeof *p);
    snprintf(p->what, sizeof p->what, "%s", what[k]);
    p->related = k == 0 || k == 4;
    p->nx = p->ny = size;
    kcb_gen_source_name(seed, 0, a);
    kcb_gen_source_name(seed, (uint32_t)(ys[k] < 0 ? 0 : ys[k]), b);
    if (xs[k] >= 0)
        snprintf(p->x, sizeof p->x, "%s text %u", a, (unsigned)xi[k] + 1);
    else
        snprintf(p->x, sizeof p->x, "random #%u", (unsigned)xi[k]);
    if (ys[k] >= 0)
        snprintf(p->y, sizeof p->y, "%s text %u", b, (unsigned)yi[k] + 1);
    else
        snprintf(p->y, sizeof p->y, "random #%u", (unsigned)yi[k]);
    int rc = corpus(seed, xs[k], xi[k], size, &p->px);
    return rc ? rc : corpus(seed, ys[k], yi[k], size, &p->py);
}

/* Real pairs, each read when both files are there. */
static const struct {
    const char *what, *x, *y;
    int related;
} real_pairs[] = {
    {"English texts", "canterbury/alice29.txt", "canterbury/asyoulik.txt", 1},
    {"English books", "calgary/book1", "calgary/book2", 1},
    {"text + spreadsheet", "canterbury/alice29.txt", "canterbury/kennedy.xls", 0},
};
#define NREAL (sizeof real_pairs / sizeof real_pairs[0])

static int real_pair(const char *dir, size_t k, struct pair *p)
{
    char path[4096];
    memset(p, 0, sizeof *p);
    snprintf(p->what, sizeof p->what, "%s", real_pairs[k].what);
    snprintf(p->x, sizeof p->x, "%s", strchr(real_pairs[k].x, '/') + 1);
    snprintf(p->y, sizeof p->y, "%s", strchr(real_pairs[k].y, '/') + 1);
    p->related = real_pairs[k].related;
    snprintf(path, sizeof path, "%s/%s", dir, real_pairs[k].x);
    int rc = kcb_read_file(path, &p->px, &p->nx);
    snprintf(path, sizeof path, "%s/%s", dir, real_pairs[k].y);
    return rc ? rc : kcb_read_file(path, &p->py, &p->ny);
}

/* ---- the run ---- */

static int add_rows(const struct kcb_school_opts *o, const struct pair *p, const size_t *only,
                    struct kcb_concat_ex *out)
{
    int rc = KCB_OK;
    for (size_t k = 0; !rc && k < o->nspecs; k++)
        if (!only || *only == k)
            rc = measure(&o->specs[k], p, &out->rows[out->nrows++]);
    return rc;
}

static int run_pairs(kcb_school *s, struct kcb_concat_ex *out)
{
    const struct kcb_school_opts *o = kcb_school_opts(s);
    struct pair p = {0};
    int rc = KCB_OK;
    for (int k = 0; !rc && k < 4; k++) {
        rc = builtin_pair(o->seed, k, PART, &p);
        if (!rc)
            rc = add_rows(o, &p, NULL, out);
        pair_free(&p);
    }
    for (size_t k = 0; !rc && k < o->nspecs; k++) { /* beyond each small window */
        size_t w = o->specs[k].codec->window(o->specs[k].level);
        if (!w || w > WINDOW_MAX)
            continue;
        rc = builtin_pair(o->seed, 4, 2 * w, &p);
        if (!rc)
            rc = add_rows(o, &p, &k, out);
        pair_free(&p);
    }
    for (size_t k = 0; !rc && k < NREAL; k++) {
        const char *dir = kcb_school_data(s, real_pairs[k].y);
        if (!dir || !kcb_school_data(s, real_pairs[k].x))
            continue;
        rc = real_pair(dir, k, &p);
        if (!rc)
            rc = add_rows(o, &p, NULL, out);
        if (!rc)
            kcb_finding_add(out->f.data, "; %s and %s (%zu and %zu bytes)", p.x, p.y, p.nx,
                            p.ny);
        pair_free(&p);
    }
    return rc;
}

int kcb_concat_run(kcb_school *s, struct kcb_concat_ex *out)
{
    const struct kcb_school_opts *o = kcb_school_opts(s);
    memset(out, 0, sizeof *out);
    out->rows = calloc((4 + 1 + NREAL) * o->nspecs, sizeof *out->rows);
    kcb_finding_add(out->f.data, "built-in: %d bytes each of texts of seeded synthetic sources "
                    "(order 3) and of random bytes; for each compressor whose window or block "
                    "is at most 1 MiB, two texts of one source of twice that each", PART);
    int rc = out->rows ? run_pairs(s, out) : KCB_ENOMEM;
    if (rc) {
        kcb_concat_free(out);
        return rc;
    }
    kcb_concat_judge(out);
    return KCB_OK;
}

void kcb_concat_free(struct kcb_concat_ex *r)
{
    free(r->rows);
    r->rows = NULL;
    r->nrows = 0;
}

/* ---- the verdict ---- */

/* For each compressor with a built-in row beyond its window: its gain/min on same-source texts
 * that fit against beyond it. */
static void window_evidence(struct kcb_concat_ex *r)
{
    char name[48];
    for (size_t i = 0; i < r->nrows; i++) {
        const struct kcb_concat_row *b = &r->rows[i], *a = NULL;
        if (b->fits || strncmp(b->pair, "same source", 11) != 0)
            continue;
        for (size_t j = 0; j < r->nrows && !a; j++)
            if (r->rows[j].spec == b->spec && r->rows[j].fits &&
                strcmp(r->rows[j].pair, "same source") == 0)
                a = &r->rows[j];
        if (!a)
            continue;
        kcb_finding_add(r->f.evidence, " %s: gain/min %.4f with %zu + %zu bytes of one source "
                        "(within its %zu-byte window or block), %.4f with %zu + %zu (beyond "
                        "it).", kcb_spec_str(b->spec, name, sizeof name), a->gain_rel, a->nx,
                        a->ny, b->window, b->gain_rel, b->nx, b->ny);
    }
}

/* Names the first few rows of related inputs that fit where a reading failed. */
static void failures(struct kcb_concat_ex *r)
{
    size_t shown = 0, more = 0;
    char name[48];
    for (size_t i = 0; i < r->nrows; i++) {
        const struct kcb_concat_row *w = &r->rows[i];
        if (!w->related || !w->fits || (w->subadditive && w->more_compressible))
            continue;
        if (shown == 4) {
            more++;
            continue;
        }
        kcb_finding_add(r->f.evidence, "%s %s on %s (%s)", shown++ ? "," : " Failed there:",
                        kcb_spec_str(w->spec, name, sizeof name), w->pair,
                        !w->subadditive ? "subadditivity" : "the sentence");
    }
    if (more)
        kcb_finding_add(r->f.evidence, " and %zu more", more);
    if (shown)
        kcb_finding_add(r->f.evidence, ".");
}

void kcb_concat_judge(struct kcb_concat_ex *r)
{
    size_t in = 0, n[2][2] = {{0, 0}, {0, 0}}; /* [inside][reading]: rows where it held */
    double cmin = INFINITY, cmax = -INFINITY;
    for (size_t i = 0; i < r->nrows; i++) {
        const struct kcb_concat_row *w = &r->rows[i];
        int inside = w->related && w->fits;
        in += inside;
        n[inside][0] += w->subadditive;
        n[inside][1] += w->more_compressible;
        cmin = fmin(cmin, w->c_needed);
        cmax = fmax(cmax, w->c_needed);
    }
    size_t out = r->nrows - in;
    r->f.evidence[0] = '\0';
    kcb_finding_add(r->f.evidence, "On the %zu rows of related inputs that fit the window, "
                    "subadditivity held on %zu and the sentence on %zu; on the %zu other rows, "
                    "on %zu and %zu. The smallest c ranges from %.0f to %.0f bytes.", in,
                    n[1][0], n[1][1], out, n[0][0], n[0][1], cmin, cmax);
    failures(r);
    window_evidence(r);
    int inside_ok = in && n[1][0] == in && n[1][1] == in;
    if (inside_ok && n[0][0] == out && n[0][1] == out)
        kcb_finding_set(&r->f, KCB_VERDICT_HOLDS, NULL);
    else if (inside_ok)
        kcb_finding_set(&r->f, KCB_VERDICT_HOLDS_IF, "X and Y are related and XY fits the "
                        "compressor's window or block");
    else
        kcb_finding_set(&r->f, KCB_VERDICT_FAILS, NULL);
}
