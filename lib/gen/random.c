/* Random bytes, random text and repeats from a seed, and the weighted choices every generator uses. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kcb/err.h"
#include "gen_int.h"

/* Returns an index i < n drawn with weight cum[i] - cum[i-1]; cum is cumulative, cum[n-1] > 0. */
size_t kcb_gen_pick(struct kcb_rng *r, const uint32_t *cum, size_t n)
{
    uint64_t x = kcb_rng_below(r, cum[n - 1]);
    size_t lo = 0, hi = n - 1;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (cum[mid] > x)
            hi = mid;
        else
            lo = mid + 1;
    }
    return lo;
}

void kcb_gen_shuffle(struct kcb_rng *r, unsigned char *a, size_t n)
{
    for (size_t i = n; i > 1; i--) {
        size_t j = (size_t)kcb_rng_below(r, i);
        unsigned char t = a[i - 1];
        a[i - 1] = a[j];
        a[j] = t;
    }
}

/* Turns weights into cumulative weights in place. */
void kcb_gen_cumulate(uint32_t *w, size_t n)
{
    for (size_t i = 1; i < n; i++)
        w[i] += w[i - 1];
}

/* ---- simple generators ---- */

void kcb_gen_random(uint64_t seed, unsigned char *out, size_t n)
{
    struct kcb_rng r;
    kcb_rng_stream(&r, seed, TAG_RANDOM, 0, 0);
    uint64_t w = 0;
    for (size_t i = 0; i < n; i++) {
        if (i % 8 == 0)
            w = kcb_rng_next(&r);
        out[i] = (unsigned char)(w & 0xff);
        w >>= 8;
    }
}

void kcb_gen_random_text(uint64_t seed, unsigned char *out, size_t n)
{
    static const char alphabet[] = KCB_GEN_TEXT_ALPHABET;
    struct kcb_rng r;
    kcb_rng_stream(&r, seed, TAG_TEXT, 0, 0);
    for (size_t i = 0; i < n; i++)
        out[i] = (unsigned char)alphabet[kcb_rng_below(&r, sizeof alphabet - 1)];
}

int kcb_gen_repeat(const void *pat, size_t plen, unsigned char *out, size_t n)
{
    if (n && !plen)
        return KCB_EINVAL;
    const unsigned char *p = pat;
    for (size_t i = 0; i < n; i++)
        out[i] = p[i % plen];
    return KCB_OK;
}

