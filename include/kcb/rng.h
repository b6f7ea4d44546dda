/* lib/base: portable random numbers (splitmix64 and xoshiro256**), the same on every machine. */
#ifndef KCB_RNG_H
#define KCB_RNG_H

#include <stdint.h>

/* Returns the next value of the splitmix64 sequence whose state is *s. */
uint64_t kcb_splitmix64(uint64_t *s);

/* Returns a uniform integer in [0, bound) drawn from the splitmix64 sequence *s without
 * modulo bias (rejection); bound must be at least 1. */
uint64_t kcb_splitmix_below(uint64_t *s, uint64_t bound);

/* xoshiro256** state; never all zero when set by kcb_rng_seed() or kcb_rng_stream(). */
struct kcb_rng {
    uint64_t s[4];
};

/* Seeds r from seed by splitmix64. */
void kcb_rng_seed(struct kcb_rng *r, uint64_t seed);

/* Returns the seed of the stream for (seed, tag, a, b), as kcb_rng_stream() uses it. */
uint64_t kcb_rng_stream_seed(uint64_t seed, uint64_t tag, uint64_t a, uint64_t b);

/* Seeds r with the stream for (seed, tag, a, b): distinct tuples give unrelated streams. */
void kcb_rng_stream(struct kcb_rng *r, uint64_t seed, uint64_t tag, uint64_t a, uint64_t b);

/* Returns the next 64 random bits. */
uint64_t kcb_rng_next(struct kcb_rng *r);

/* Returns a uniform integer in [0, n) without modulo bias (rejection); 0 when n is 0. */
uint64_t kcb_rng_below(struct kcb_rng *r, uint64_t n);

#endif
