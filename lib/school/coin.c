/* coin-flips: X1 = "001" x 15 against the slide's X2, then against random bits on a log grid. */
#include <stdlib.h>
#include <string.h>

#include "kcb/comp.h"
#include "kcb/err.h"
#include "kcb/gen.h"
#include "kcb/rng.h"
#include "kcb/school.h"
#include "school_int.h"

/* n symbols, a multiple of 3 so that X1 is "001" repeated whole: 45 times powers of 3. */
static const size_t grid[] = {45, 135, 405, 1215, 3645, 10935, 32805};
#define NGRID (sizeof grid / sizeof grid[0])
#define NMAX 32805

#define X1_PROGRAM "print(\"001\" * 15)"
#define X2_PROGRAM "print(\"" KCB_COIN_X2 "\")"

/* Bits above the container: 8 (C(x) - C(ε)), signed. */
static long long above(size_t cx, size_t cempty)
{
    return 8 * ((long long)cx - (long long)cempty);
}

/* Writes symbol i of X1 (0 0 1 repeated) or of the random bits in rnd. */
static int symbol(int x1, const unsigned char *rnd, size_t i)
{
    return x1 ? i % 3 == 2 : (rnd[i / 8] >> (7 - i % 8)) & 1;
}

/* Writes the n symbols into out, one '0'/'1' byte each or packed eight to a byte (the last
 * byte padded with zeros); returns the bytes written. */
static size_t encode(int x1, const unsigned char *rnd, size_t n, int packed, unsigned char *out)
{
    if (!packed) {
        for (size_t i = 0; i < n; i++)
            out[i] = (unsigned char)('0' + symbol(x1, rnd, i));
        return n;
    }
    size_t bytes = (n + 7) / 8;
    memset(out, 0, bytes);
    for (size_t i = 0; i < n; i++)
        out[i / 8] |= (unsigned char)(symbol(x1, rnd, i) << (7 - i % 8));
    return bytes;
}

static int spec_rows(kcb_comp *c, const struct kcb_spec *spec, size_t cempty,
                     struct kcb_coin_row *out)
{
    static const char x1[] = "001001001001001001001001001001001001001001001";
    out[0] = (struct kcb_coin_row){spec, "X1", sizeof x1 - 1, 0, cempty, X1_PROGRAM};
    out[1] = (struct kcb_coin_row){spec, "X2", sizeof KCB_COIN_X2 - 1, 0, cempty, X2_PROGRAM};
    int rc = kcb_comp_size(c, x1, sizeof x1 - 1, &out[0].cx);
    return rc ? rc : kcb_comp_size(c, KCB_COIN_X2, sizeof KCB_COIN_X2 - 1, &out[1].cx);
}

/* The grid points of one compressor: both codings, every length. */
static int spec_grid(kcb_comp *c, const struct kcb_spec *spec, size_t cempty,
                     const unsigned char *rnd, unsigned char *buf, struct kcb_coin_point *out)
{
    int rc = KCB_OK;
    for (int packed = 0; !rc && packed < 2; packed++)
        for (size_t g = 0; !rc && g < NGRID; g++) {
            struct kcb_coin_point *p = &out[(size_t)packed * NGRID + g];
            *p = (struct kcb_coin_point){spec, packed, grid[g], 0, 0, 0, cempty, 0};
            p->bytes = encode(1, rnd, grid[g], packed, buf);
            rc = kcb_comp_size(c, buf, p->bytes, &p->c_x1);
            encode(0, rnd, grid[g], packed, buf);
            if (!rc)
                rc = kcb_comp_size(c, buf, p->bytes, &p->c_rand);
            p->apart = above(p->c_x1, cempty) < (long long)p->n && p->c_x1 < p->c_rand;
        }
    return rc;
}

int kcb_coin_run(kcb_school *s, struct kcb_coin *out)
{
    const struct kcb_school_opts *o = kcb_school_opts(s);
    memset(out, 0, sizeof *out);
    out->rows = calloc(2 * o->nspecs, sizeof *out->rows);
    out->grid = calloc(2 * NGRID * o->nspecs, sizeof *out->grid);
    unsigned char *rnd = malloc(NMAX / 8 + 1), *buf = malloc(NMAX);
    int rc = out->rows && out->grid && rnd && buf ? KCB_OK : KCB_ENOMEM;
    if (!rc)
        kcb_gen_random(kcb_rng_stream_seed(o->seed, TAG_COIN, 0, 0), rnd, NMAX / 8 + 1);
    for (size_t k = 0; !rc && k < o->nspecs; k++) {
        kcb_comp *c = NULL;
        size_t cempty = 0;
        rc = kcb_comp_new(&o->specs[k], &c);
        if (!rc)
            rc = kcb_comp_size(c, "", 0, &cempty);
        if (!rc)
            rc = spec_rows(c, &o->specs[k], cempty, &out->rows[2 * k]);
        if (!rc)
            rc = spec_grid(c, &o->specs[k], cempty, rnd, buf, &out->grid[2 * NGRID * k]);
        kcb_comp_free(c);
    }
    free(rnd);
    free(buf);
    if (rc) {
        kcb_coin_free(out);
        return rc;
    }
    out->nrows = 2 * o->nspecs;
    out->ngrid = 2 * NGRID * o->nspecs;
    kcb_finding_add(out->f.data,
                    "X1 = \"001\" x 15 (45 symbols) and X2 exactly as the slide prints it, %zu "
                    "symbols (the slide calls both 45 flips); the programs %s (%zu bytes) and "
                    "%s (%zu bytes) bound K from above, in Python's terms; grid: n = 45 to %d "
                    "symbols (x3), X1 = \"001\" x n/3 against n seeded random bits, as '0'/'1' "
                    "bytes and packed eight to a byte",
                    sizeof KCB_COIN_X2 - 1, X1_PROGRAM, sizeof X1_PROGRAM - 1, X2_PROGRAM,
                    sizeof X2_PROGRAM - 1, NMAX);
    kcb_coin_judge(out);
    return KCB_OK;
}

void kcb_coin_free(struct kcb_coin *r)
{
    free(r->rows);
    free(r->grid);
    r->rows = NULL;
    r->grid = NULL;
    r->nrows = r->ngrid = 0;
}

/* ---- the verdict ---- */

/* The smallest length from which the points p[0..n) (one compressor and coding, length
 * ascending) are all apart; 0 when the longest is not. */
static size_t apart_from(const struct kcb_coin_point *p, size_t n)
{
    size_t from = 0;
    for (size_t i = n; i-- > 0 && p[i].apart;)
        from = p[i].n;
    return from;
}

/* At the slide's length: how many compressors rank X1 below X2, and code X1 under 45 bits. */
static int slide_length(struct kcb_coin *r)
{
    size_t order = 0, short_x1 = 0, ns = r->nrows / 2;
    char name[48];
    for (size_t k = 0; k < ns; k++) {
        const struct kcb_coin_row *x1 = &r->rows[2 * k], *x2 = &r->rows[2 * k + 1];
        order += x1->cx < x2->cx;
        short_x1 += above(x1->cx, x1->cempty) < (long long)x1->symbols;
    }
    kcb_finding_add(r->f.evidence, "At the slide's length %zu of %zu compressors code X1 in "
                    "fewer bytes than X2 and %zu code it in fewer than 45 bits above their "
                    "container (", order, ns, short_x1);
    for (size_t k = 0; k < ns; k++)
        kcb_finding_add(r->f.evidence, "%s%s %lld", k ? ", " : "",
                        kcb_spec_str(r->rows[2 * k].spec, name, sizeof name),
                        above(r->rows[2 * k].cx, r->rows[2 * k].cempty));
    kcb_finding_add(r->f.evidence, " bits; the programs take %zu and %zu bits). ",
                    8 * (sizeof X1_PROGRAM - 1), 8 * (sizeof X2_PROGRAM - 1));
    return order == ns && short_x1 == ns;
}

void kcb_coin_judge(struct kcb_coin *r)
{
    r->f.evidence[0] = '\0';
    int at_slide = slide_length(r);
    size_t worst = 0, groups = 0, never = 0;
    char name[48];
    kcb_finding_add(r->f.evidence, "On the grid, the length from which each tells them apart:");
    for (size_t g = 0; g < r->ngrid;) {
        size_t h = g;
        while (h < r->ngrid && r->grid[h].spec == r->grid[g].spec &&
               r->grid[h].packed == r->grid[g].packed)
            h++;
        size_t from = apart_from(&r->grid[g], h - g);
        kcb_finding_add(r->f.evidence, "%s %s %s %s", groups++ ? "," : "",
                        kcb_spec_str(r->grid[g].spec, name, sizeof name),
                        r->grid[g].packed ? "packed" : "chars", from ? "" : "never");
        if (from)
            kcb_finding_add(r->f.evidence, "%zu", from);
        never += !from;
        worst = from > worst ? from : worst;
        g = h;
    }
    kcb_finding_add(r->f.evidence, ".");
    if (at_slide)
        kcb_finding_set(&r->f, KCB_VERDICT_HOLDS, NULL);
    else if (groups && !never)
        kcb_finding_set(&r->f, KCB_VERDICT_HOLDS_IF, "the strings are at least %zu symbols long",
                        worst);
    else
        kcb_finding_set(&r->f, KCB_VERDICT_FAILS, NULL);
}
