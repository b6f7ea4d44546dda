/* incompressible: how many seeded random strings each compressor shortens, against 2^-c. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "kcb/err.h"
#include "kcb/gen.h"
#include "kcb/rng.h"
#include "kcb/school.h"
#include "kcb/sizes.h"
#include "school_int.h"

const unsigned kcb_incomp_c[KCB_INCOMP_NC] = {1, 2, 4, 8};

/* Bits of information of each length, in both codings; strings of each. */
static const size_t lengths[] = {64, 512, 4096};
#define NLEN (sizeof lengths / sizeof lengths[0])
#define STRINGS 500

/* The strings of one coding and length, one after another in arena. */
struct strings {
    unsigned char *arena;
    struct kcb_blob *x;
    size_t bytes;
};

static int make_strings(uint64_t seed, int bits, size_t n, struct strings *s)
{
    size_t raw = n / 8; /* random bytes behind each string */
    s->bytes = bits ? n : raw;
    s->arena = malloc(STRINGS * s->bytes);
    s->x = malloc(STRINGS * sizeof *s->x);
    unsigned char *r = malloc(raw);
    int rc = s->arena && s->x && r ? KCB_OK : KCB_ENOMEM;
    for (size_t i = 0; !rc && i < STRINGS; i++) {
        unsigned char *out = s->arena + i * s->bytes;
        kcb_gen_random(kcb_rng_stream_seed(seed, TAG_INCOMP, (uint64_t)bits << 32 | n, i), r,
                       raw);
        if (bits)
            for (size_t j = 0; j < n; j++)
                out[j] = (unsigned char)('0' + ((r[j / 8] >> (7 - j % 8)) & 1));
        else
            memcpy(out, r, raw);
        s->x[i] = (struct kcb_blob){out, s->bytes};
    }
    free(r);
    return rc;
}

/* Counts what one compressor did to the strings into row. */
static void tally(const size_t *size, size_t cempty, struct kcb_incomp_row *row)
{
    double excess = 0;
    row->most_shortened = -(long)(8 * row->bytes + 64); /* below anything measured */
    for (size_t i = 0; i < row->strings; i++) {
        long shortened = (long)row->n - 8 * ((long)size[i] - (long)cempty);
        excess -= (double)shortened;
        if (shortened > row->most_shortened)
            row->most_shortened = shortened;
        for (size_t k = 0; k < KCB_INCOMP_NC; k++)
            row->count[k] += shortened >= (long)kcb_incomp_c[k];
    }
    row->mean_excess = excess / (double)row->strings;
    for (size_t k = 0; k < KCB_INCOMP_NC; k++)
        row->p[k] = kcb_binom_upper(row->count[k], row->strings, ldexp(1, -(int)kcb_incomp_c[k]));
}

/* Every compressor on the strings of one coding and length: rows at row[k * 2 * NLEN]. */
static int measure(const struct kcb_school_opts *o, const struct strings *s, int bits, size_t n,
                   const size_t *cempty, struct kcb_incomp_row *row, size_t *size)
{
    int rc = KCB_OK;
    for (size_t k = 0; !rc && k < o->nspecs; k++) {
        struct kcb_incomp_row *r = &row[k * 2 * NLEN];
        *r = (struct kcb_incomp_row){.spec = &o->specs[k], .bits = bits, .n = n,
                                     .bytes = s->bytes, .strings = STRINGS,
                                     .cempty = cempty[k]};
        rc = kcb_sizes(&o->specs[k], s->x, STRINGS, o->threads, size);
        if (!rc)
            tally(size, cempty[k], r);
    }
    return rc;
}

int kcb_incomp_run(kcb_school *s, struct kcb_incomp *out)
{
    const struct kcb_school_opts *o = kcb_school_opts(s);
    memset(out, 0, sizeof *out);
    out->rows = calloc(o->nspecs * 2 * NLEN, sizeof *out->rows);
    size_t *size = malloc(STRINGS * sizeof *size), *cempty = calloc(o->nspecs, sizeof *cempty);
    int rc = out->rows && size && cempty ? KCB_OK : KCB_ENOMEM;
    for (size_t k = 0; !rc && k < o->nspecs; k++)
        rc = kcb_empty_size(&o->specs[k], &cempty[k]);
    for (int bits = 0; !rc && bits < 2; bits++)
        for (size_t l = 0; !rc && l < NLEN; l++) {
            struct strings st = {0};
            rc = make_strings(o->seed, bits, lengths[l], &st);
            if (!rc)
                rc = measure(o, &st, bits, lengths[l], cempty,
                             &out->rows[(size_t)bits * NLEN + l], size);
            free(st.arena);
            free(st.x);
        }
    free(size);
    free(cempty);
    if (rc) {
        kcb_incomp_free(out);
        return rc;
    }
    out->nrows = o->nspecs * 2 * NLEN;
    kcb_finding_add(out->f.data, "%d seeded strings of each coding and length: uniformly random "
                    "bytes (8, 64 and 512 bytes: n = 64, 512, 4096 bits) and uniformly random "
                    "bits written as '0'/'1' bytes (n = 64, 512, 4096 symbols)", STRINGS);
    kcb_incomp_judge(out);
    return KCB_OK;
}

void kcb_incomp_free(struct kcb_incomp *r)
{
    free(r->rows);
    r->rows = NULL;
    r->nrows = 0;
}

void kcb_incomp_judge(struct kcb_incomp *r)
{
    size_t tests = r->nrows * KCB_INCOMP_NC, strings = 0, above = 0, failed = 0, worst = 0;
    double alpha = tests ? 0.05 / (double)tests : 0.05, lo = INFINITY, hi = -INFINITY;
    char name[48];
    r->f.evidence[0] = '\0';
    for (size_t i = 0; i < r->nrows; i++) {
        struct kcb_incomp_row *row = &r->rows[i];
        row->held = 1;
        for (size_t k = 0; k < KCB_INCOMP_NC; k++)
            row->held &= row->p[k] >= alpha;
        above += row->count[0];
        failed += !row->held;
        strings += row->strings;
        lo = fmin(lo, row->mean_excess);
        hi = fmax(hi, row->mean_excess);
        if (row->most_shortened > r->rows[worst].most_shortened)
            worst = i;
    }
    if (r->nrows) {
        const struct kcb_incomp_row *w = &r->rows[worst];
        kcb_finding_add(r->f.evidence, "Of %zu compressions, %zu shortened a string by at least "
                        "1 bit; the most any string was shortened is %ld bits (%s, %s, n = %zu); "
                        "on average the strings grew by %.1f to %.1f bits above the container; "
                        "%zu of %zu rows have a count significantly above the bound (p < %.2g).",
                        strings, above, w->most_shortened,
                        kcb_spec_str(w->spec, name, sizeof name), w->bits ? "bits" : "bytes",
                        w->n, lo, hi, failed, r->nrows, alpha);
    }
    kcb_finding_set(&r->f, r->nrows && !failed ? KCB_VERDICT_HOLDS : KCB_VERDICT_FAILS, NULL);
}
