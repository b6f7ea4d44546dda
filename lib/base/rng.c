/* Portable random numbers: splitmix64 for seeding and sampling, xoshiro256** for generators. */
#include "kcb/rng.h"

uint64_t kcb_splitmix64(uint64_t *s)
{
    uint64_t z = (*s += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

uint64_t kcb_splitmix_below(uint64_t *s, uint64_t bound)
{
    uint64_t limit = UINT64_MAX - UINT64_MAX % bound, x;
    do
        x = kcb_splitmix64(s);
    while (x >= limit);
    return x % bound;
}

static uint64_t mix(uint64_t x)
{
    return kcb_splitmix64(&x);
}

uint64_t kcb_rng_stream_seed(uint64_t seed, uint64_t tag, uint64_t a, uint64_t b)
{
    return mix(mix(mix(mix(seed) ^ tag) ^ a) ^ b);
}

void kcb_rng_seed(struct kcb_rng *r, uint64_t seed)
{
    for (int i = 0; i < 4; i++)
        r->s[i] = kcb_splitmix64(&seed);
}

void kcb_rng_stream(struct kcb_rng *r, uint64_t seed, uint64_t tag, uint64_t a, uint64_t b)
{
    kcb_rng_seed(r, kcb_rng_stream_seed(seed, tag, a, b));
}

static uint64_t rotl(uint64_t x, int k)
{
    return (x << k) | (x >> (64 - k));
}

uint64_t kcb_rng_next(struct kcb_rng *r)
{
    uint64_t *s = r->s;
    uint64_t out = rotl(s[1] * 5, 7) * 9;
    uint64_t t = s[1] << 17;
    s[2] ^= s[0];
    s[3] ^= s[1];
    s[1] ^= s[2];
    s[0] ^= s[3];
    s[2] ^= t;
    s[3] = rotl(s[3], 45);
    return out;
}

uint64_t kcb_rng_below(struct kcb_rng *r, uint64_t n)
{
    if (n == 0)
        return 0;
    uint64_t lim = (0 - n) % n; /* 2^64 mod n: values below it would bias the result */
    uint64_t x;
    do
        x = kcb_rng_next(r);
    while (x < lim);
    return x % n;
}
