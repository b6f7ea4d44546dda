/* The predictor of lib/cm: state maps, the two-set gated linear mixer, the two SSE stages, and the per-call reset. */
#include <string.h>

#include "cm_int.h"
#include "kcb/err.h"

#define MIX_LR 2    /* mixer learning rate: weights move by x * err * MIX_LR / 2^16 */
#define PF_NIBBLE 2 /* bits into a nibble when the next nibble's 4 candidates are prefetched */
#define PF_BYTE 6   /* bits into a byte when the next byte's 4 candidates are prefetched */
#define APM_RATE 7  /* SSE rows move 1/2^APM_RATE of the way to each bit */
#define PMIN 32     /* the final probability stays in PMIN..65536-PMIN */

/* A state map entry: 22-bit probability << 10 | count; moves 1/(count+1.5) to the bit. */
static inline void sm_update(uint32_t *e, int y, uint32_t limit)
{
    uint32_t v = *e, n = v & 1023;
    int32_t p = (int32_t)(v >> 10), target = y << 22;
    p += (int32_t)(((int64_t)(target - p) * cm_t.rec[n]) >> 16); /* rec < 2^16: stays in range */
    *e = (uint32_t)p << 10 | (n < limit ? n + 1 : n);
}

/*
 * The mixer works in 16-bit lanes, so that SSE2 does a weight set in two vectors (pmaddwd,
 * pmulhw, paddsw); the scalar code below computes the same integers where SSE2 is absent.
 * Inputs are stretched probabilities (-2047..2047), weights are 1.0 = 2^13 (-4..4).
 */
#if defined(__SSE2__) && !defined(CM_NO_SIMD)
#include <emmintrin.h>

/* Σ w x / 2^13 over the inputs held in two registers, clamped to the stretch domain. */
static inline int dot_v(const int16_t *w, __m128i x0, __m128i x1)
{
    __m128i s = _mm_add_epi32(_mm_madd_epi16(_mm_load_si128((const __m128i *)(const void *)w), x0),
                              _mm_madd_epi16(_mm_load_si128((const __m128i *)(const void *)(w + 8)), x1));
    s = _mm_add_epi32(s, _mm_shuffle_epi32(s, 0x4e));
    s = _mm_add_epi32(s, _mm_shuffle_epi32(s, 0xb1));
    int v = _mm_cvtsi128_si32(s) >> 13;
    return v > 2047 ? 2047 : v < -2047 ? -2047 : v;
}

/* w += round(x err / 2^16), saturated to 16 bits; err in -32767..32767. */
static inline void train(int16_t *w, const int16_t *x, int err)
{
    const __m128i e = _mm_set1_epi16((short)err), one = _mm_set1_epi16(1);
    for (int i = 0; i < CM_NIN; i += 8) {
        __m128i *wp = (__m128i *)(void *)(w + i);
        __m128i xv = _mm_load_si128((const __m128i *)(const void *)(x + i));
        __m128i d = _mm_srai_epi16(_mm_add_epi16(_mm_mulhi_epi16(_mm_add_epi16(xv, xv), e), one), 1);
        _mm_store_si128(wp, _mm_adds_epi16(_mm_load_si128(wp), d));
    }
}
#else
/* Σ w x / 2^13, clamped to the stretch domain. */
static inline int dot(const int16_t *w, const int16_t *x)
{
    int32_t s = 0;
    for (int i = 0; i < CM_NIN; i++)
        s += (int32_t)w[i] * x[i];
    s >>= 13;
    return s > 2047 ? 2047 : s < -2047 ? -2047 : (int)s;
}

static inline void train(int16_t *w, const int16_t *x, int err)
{
    for (int i = 0; i < CM_NIN; i++) {
        int32_t d = ((((int32_t)x[i] * 2 * err) >> 16) + 1) >> 1, v = w[i] + d;
        w[i] = (int16_t)(v > 32767 ? 32767 : v < -32768 ? -32768 : v);
    }
}
#endif

/* Interpolates an SSE row (32 knots, 128 apart, over -1984..1984) at st; *at keeps the
 * knot and weight for the update. */
static inline int apm_p(const uint16_t *row, int st, int *at)
{
    int v = st + 1984;
    v = v < 0 ? 0 : v > 3967 ? 3967 : v;
    int j = v >> 7, w = v & 127;
    *at = j << 8 | w;
    return (row[j] * (128 - w) + row[j + 1] * w) >> 7;
}

static inline void apm_update(uint16_t *row, int at, int y)
{
    int j = at >> 8, w = at & 127, t = y ? 65535 : 0;
    row[j] = (uint16_t)(row[j] + (((t - row[j]) * (128 - w)) >> (7 + APM_RATE)));
    row[j + 1] = (uint16_t)(row[j + 1] + (((t - row[j + 1]) * w) >> (7 + APM_RATE)));
}

void cm_predict(struct kcb_cm *m)
{
    struct cm_small *s = &m->s;
    const int16_t *st = cm_t.stretch;
    m->t1 = &s->t1[(s->c4 & 0xff) << 8 | m->c0];
    int mx[2];
    cm_match_inputs(m, mx);
    int mb = m->sel2 >> 8, x1, x2;
    m->wsel = mb << 8 | m->c0;
    m->wsel2 = m->sel2;
    const int16_t *w1 = s->w1[m->wsel], *w2 = s->w2[m->wsel2];
    const unsigned char *const *sl = (const unsigned char *const *)m->slot;
    int cn = m->cn;
#if defined(__SSE2__) && !defined(CM_NO_SIMD)
    /* the inputs go to the registers directly: storing them 16 bits at a time and loading
     * them as one vector would stall on store forwarding */
    __m128i v0 = _mm_set_epi16(st[s->sm[CM_NCTX][s->t0[m->c0]] >> 20],
                               st[s->sm[6][sl[6][cn]] >> 20], st[s->sm[5][sl[5][cn]] >> 20],
                               st[s->sm[4][sl[4][cn]] >> 20], st[s->sm[3][sl[3][cn]] >> 20],
                               st[s->sm[2][sl[2][cn]] >> 20], st[s->sm[1][sl[1][cn]] >> 20],
                               st[s->sm[0][*m->t1] >> 20]);
    __m128i v1 = _mm_set_epi16(0, 0, 0, 0, 0, 256, (short)mx[1], (short)mx[0]);
    _mm_store_si128((__m128i *)(void *)m->in, v0);
    _mm_store_si128((__m128i *)(void *)(m->in + 8), v1);
    x1 = dot_v(w1, v0, v1);
    x2 = dot_v(w2, v0, v1);
#else
    int16_t *in = m->in;
    in[0] = st[s->sm[0][*m->t1] >> 20];
    for (int i = 1; i < CM_NCTX; i++)
        in[i] = st[s->sm[i][sl[i][cn]] >> 20];
    in[7] = st[s->sm[CM_NCTX][s->t0[m->c0]] >> 20];
    in[8] = (int16_t)mx[0];
    in[9] = (int16_t)mx[1];
    in[10] = 256;
    x1 = dot(w1, in);
    x2 = dot(w2, in);
#endif
    m->pm1 = cm_squash(x1);
    m->pm2 = cm_squash(x2);
    int x = (x1 + x2) >> 1, pm = cm_squash(x);
    int a1 = apm_p(s->apm1[m->c0], x, &m->apmi1);
    m->apm2row = s->apm2[mb << 8 | m->c0];
    int a2 = apm_p(m->apm2row, x, &m->apmi2);
    int p = (2 * pm + a1 + a2 + 2) >> 2;
    m->pr = p < PMIN ? PMIN : p > 65536 - PMIN ? 65536 - PMIN : p;
}

void cm_update(struct kcb_cm *m, int y)
{
    struct cm_small *s = &m->s;
    sm_update(&s->sm[0][*m->t1], y, 1023);
    *m->t1 = cm_t.next[*m->t1][y];
    for (int i = 1; i < CM_NCTX; i++) {
        unsigned char *st = &m->slot[i][m->cn];
        sm_update(&s->sm[i][*st], y, 1023);
        *st = cm_t.next[*st][y];
    }
    uint8_t *t0 = &s->t0[m->c0];
    sm_update(&s->sm[CM_NCTX][*t0], y, 1023);
    *t0 = cm_t.next[*t0][y];
    if (m->mctx >= 0)
        sm_update(&s->msm[m->mctx], y, 1023);
    train(s->w1[m->wsel], m->in, (((y << 16) - m->pm1) >> 4) * MIX_LR);
    train(s->w2[m->wsel2], m->in, (((y << 16) - m->pm2) >> 4) * MIX_LR);
    apm_update(s->apm1[m->c0], m->apmi1, y);
    apm_update(m->apm2row, m->apmi2, y);
    m->c0 = m->c0 << 1 | y;
    m->cn = m->cn << 1 | y;
    if (++m->bitpos == 4) {
        m->cn = 1;
        cm_nibble(m);
    } else if (m->bitpos == PF_NIBBLE) {
        cm_nibble_prefetch(m);
    } else if (m->bitpos == PF_BYTE) {
        cm_byte_prefetch(m);
    }
}

/* The small state of a fresh model. */
static void small_init(struct cm_small *s)
{
    memset(s, 0, sizeof *s);
    for (int i = 0; i <= CM_NCTX; i++)
        for (int k = 0; k < CM_NSTATES; k++)
            s->sm[i][k] = cm_t.init[k];
    for (int k = 0; k < 64; k++) {
        s->msm[2 * k] = (uint32_t)((1u << 22) / 16) << 10;
        s->msm[2 * k + 1] = (uint32_t)((1u << 22) - (1u << 22) / 16) << 10;
    }
    for (int c = 0; c < CM_SEL2; c++)
        for (int i = 0; i < CM_NIN; i++)
            s->w1[c][i] = s->w2[c][i] = i < 10 ? 2458 : 0; /* 0.3 */
    for (int j = 0; j < 32; j++) {
        s->apm1[0][j] = (uint16_t)cm_squash(-1984 + 128 * j);
        for (int c = 0; c < 256; c++)
            s->apm1[c][j] = s->apm1[0][j];
        for (int c = 0; c < 1024; c++)
            s->apm2[c][j] = s->apm1[0][j];
    }
    for (int i = 0; i < CM_NCTX; i++)
        s->h[i] = (uint64_t)i * 0x9E3779B97F4A7C15u;
}

/* Where a byte starts: the partial byte and the first nibble's slots. */
static void byte_start(struct kcb_cm *m)
{
    m->c0 = 1;
    m->cn = 1;
    m->bitpos = 0;
    cm_nibble(m);
}

int cm_model_begin(struct kcb_cm *m, const struct kcb_cm_primed *p, const unsigned char *buf,
                   size_t n)
{
    m->buf = buf;
    m->shared = NULL;
    if (!p) {
        m->dict = NULL;
        m->dn = 0;
        cm_arena_clear(&m->ar);
        small_init(&m->s);
        byte_start(m);
        return KCB_OK;
    }
    if (p->level != m->level)
        return KCB_EINVAL;
    m->dict = p->dict;
    m->dn = p->dn;
    memcpy(&m->s, &p->s, sizeof m->s);
    m->shared = &p->ar;
    int fits, rc = cm_overlay_begin(m, n, &fits);
    if (rc)
        return rc;
    if (!fits) {
        m->shared = NULL;
        cm_arena_copy(&m->ar, &p->ar);
    }
    byte_start(m);
    return KCB_OK;
}

/* The byte c is done: history, contexts, and the next byte's first slots. */
void cm_byte_end(struct kcb_cm *m, int c)
{
    cm_byte_update(m, c);
    byte_start(m);
}
