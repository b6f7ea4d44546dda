/* What the generators of lib/gen share: stream tags and weighted choices (internal). */
#ifndef KCB_GEN_INT_H
#define KCB_GEN_INT_H

#include <stddef.h>
#include <stdint.h>

#include "kcb/gen.h"

/* Purposes of the derived streams; changing a value changes every output of that kind. */
enum {
    TAG_RANDOM = 1,
    TAG_TEXT = 2,
    TAG_SOURCE = 3,
    TAG_MARKOV = 4,
    TAG_NAME = 5,
    TAG_SHUFFLE = 6,
    TAG_LENGTH = 7,
    TAG_SAMPLE = 8,
};

/* Returns an index i < n drawn with weight cum[i] - cum[i-1]; cum is cumulative, cum[n-1] > 0. */
size_t kcb_gen_pick(struct kcb_rng *r, const uint32_t *cum, size_t n);

/* Shuffles a[0..n) in place (Fisher-Yates). */
void kcb_gen_shuffle(struct kcb_rng *r, unsigned char *a, size_t n);

/* Turns weights into cumulative weights in place. */
void kcb_gen_cumulate(uint32_t *w, size_t n);

#endif
