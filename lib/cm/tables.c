/* The fixed tables of lib/cm, computed once with integer arithmetic only: squash, stretch, -log2, rates, the bit-history state machine. */
#include <pthread.h>
#include <string.h>

#include "cm_int.h"

struct cm_tables cm_t;

/* e^(-1/256) in 32-bit fixed point, from its Taylor series in 62-bit fixed point. */
static uint64_t exp_step(void)
{
    uint64_t term = (uint64_t)1 << 62, sum = term;
    for (uint64_t k = 1; k <= 12; k++) {
        term /= 256 * k;
        sum = k & 1 ? sum - term : sum + term;
    }
    return (sum + ((uint64_t)1 << 29)) >> 30;
}

/* squash(x) = 65536 / (1 + e^(-x/256)) for x in -2048..2047, by e^(-k/256) = step^k. */
static void make_squash(void)
{
    uint64_t step = exp_step(), v = (uint64_t)1 << 32, one = (uint64_t)1 << 32;
    for (int k = 0; k <= 2048; k++) {
        uint64_t d = one + v, s = (((uint64_t)1 << 48) + d / 2) / d;
        if (s > 65535)
            s = 65535;
        if (k < 2048)
            cm_t.squash[2048 + k] = (uint16_t)s;
        cm_t.squash[2048 - k] = (uint16_t)(65536 - s);
        v = (v * step + ((uint64_t)1 << 31)) >> 32;
    }
    cm_t.squash[2048] = 32768;
}

/* stretch = the inverse of squash on 12-bit probabilities. */
static void make_stretch(void)
{
    int pi = 0;
    for (int x = -2047; x <= 2047; x++) {
        int v = cm_t.squash[x + 2048] >> 4;
        for (int j = pi; j <= v; j++)
            cm_t.stretch[j] = (int16_t)x;
        if (v + 1 > pi)
            pi = v + 1;
    }
    for (int j = pi; j < 4096; j++)
        cm_t.stretch[j] = 2047;
}

/* nlog[i] = 16 - log2(i), in 1/65536 bit, by repeated squaring of the mantissa. */
static void make_nlog(void)
{
    cm_t.nlog[0] = 16u << 16;
    for (uint32_t i = 1; i < 65536; i++) {
        int k = 0;
        while ((i >> (k + 1)) != 0)
            k++;
        uint64_t m = (uint64_t)i << (30 - k);
        uint32_t frac = 0;
        for (int b = 0; b < 16; b++) {
            m = (m * m) >> 30;
            if (m >= (uint64_t)1 << 31) {
                m >>= 1;
                frac |= 1u << (15 - b);
            }
        }
        cm_t.nlog[i] = (16u << 16) - (((uint32_t)k << 16) | frac);
    }
    for (uint32_t n = 0; n < 1024; n++)
        cm_t.rec[n] = (131072 + (2 * n + 3) / 2) / (2 * n + 3);
}

/*
 * The bit-history states: a state stands for a pair (n0, n1) of counts of zeros and ones
 * seen in a context, kept small and nonstationary. A pair is allowed when its smaller count
 * a is at most 4 and its larger count at most LIMIT[a] (161 states). After a bit y, n_y grows
 * by one and the other count, when above 2, is halved (plus one): old evidence against the
 * latest bit fades. A pair out of bounds first loses from the other count, then is capped.
 */
static const int LIMIT[5] = {40, 24, 12, 7, 5};

static int allowed(int n0, int n1)
{
    int a = n0 < n1 ? n0 : n1, b = n0 < n1 ? n1 : n0;
    return a <= 4 && b <= LIMIT[a];
}

static void make_states(void)
{
    static int16_t index[41][41];
    int n0s[CM_NSTATES], n1s[CM_NSTATES], k = 0;
    memset(index, 0xff, sizeof index);
    for (int t = 0; t <= 80; t++)
        for (int n0 = 0; n0 <= t; n0++)
            if (n0 <= 40 && t - n0 <= 40 && allowed(n0, t - n0)) {
                index[n0][t - n0] = (int16_t)k;
                n0s[k] = n0;
                n1s[k++] = t - n0;
            }
    cm_t.nstates = k;
    for (int s = 0; s < k; s++) {
        int c[2] = {n0s[s], n1s[s]};
        for (int y = 0; y < 2; y++) {
            int n[2] = {c[0], c[1]};
            n[y]++;
            if (n[!y] > 2)
                n[!y] = n[!y] / 2 + 1;
            while (!allowed(n[0], n[1]) && n[!y] > 0)
                n[!y]--;
            if (!allowed(n[0], n[1]))
                n[y]--;
            cm_t.next[s][y] = (uint8_t)index[n[0]][n[1]];
        }
        cm_t.count[s] = (uint8_t)(c[0] + c[1]);
        uint32_t p = (uint32_t)(((2u * (uint32_t)c[1] + 1) << 22) / (2u * (uint32_t)(c[0] + c[1]) + 2));
        cm_t.init[s] = (p > (1u << 22) - 1 ? (1u << 22) - 1 : p) << 10;
    }
}

static void build(void)
{
    make_squash();
    make_stretch();
    make_nlog();
    make_states();
}

void cm_tables_init(void)
{
    static pthread_once_t once = PTHREAD_ONCE_INIT;
    pthread_once(&once, build);
}
