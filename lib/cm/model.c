/* The predictor of lib/cm: state maps, the two-set gated linear mixer, the two SSE stages, and the per-call reset. */
#include <string.h>

#include "cm_int.h"
#include "kcb/err.h"

#define MIX_LR 6    /* mixer learning rate: weights move by x * err * MIX_LR / 2^14 */
#define APM_RATE 7  /* SSE rows move 1/2^APM_RATE of the way to each bit */
#define PMIN 32     /* the final probability stays in PMIN..65536-PMIN */

/* A state map entry: 22-bit probability << 10 | count; moves 1/(count+1.5) to the bit. */
static inline void sm_update(uint32_t *e, int y, uint32_t limit)
{
    uint32_t v = *e, n = v & 1023;
    int32_t p = (int32_t)(v >> 10), target = y << 22;
    p += (int32_t)(((int64_t)(target - p) * cm_t.rec[n]) >> 16);
    if (p < 0)
        p = 0;
    if (p > (1 << 22) - 1)
        p = (1 << 22) - 1;
    *e = (uint32_t)p << 10 | (n < limit ? n + 1 : n);
}

/* Σ w x / 2^16, clamped to the stretch domain. */
static inline int dot(const int32_t *w, const int *x)
{
    int64_t s = 0;
    for (int i = 0; i < CM_NIN; i++)
        s += (int64_t)w[i] * x[i];
    s >>= 16;
    return s > 2047 ? 2047 : s < -2047 ? -2047 : (int)s;
}

static inline void train(int32_t *w, const int *x, int err)
{
    for (int i = 0; i < CM_NIN; i++) {
        int32_t v = w[i] + ((x[i] * err + (1 << 13)) >> 14);
        w[i] = v > (1 << 22) ? 1 << 22 : v < -(1 << 22) ? -(1 << 22) : v;
    }
}

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
    m->t1 = &s->t1[(s->c4 & 0xff) << 8 | m->c0];
    m->in[0] = cm_t.stretch[s->sm[0][*m->t1] >> 20];
    for (int i = 1; i < CM_NCTX; i++)
        m->in[i] = cm_t.stretch[s->sm[i][m->slot[i][m->cn]] >> 20];
    m->in[7] = cm_t.stretch[s->sm[CM_NCTX][s->t0[m->c0]] >> 20];
    cm_match_inputs(m);
    m->in[10] = 256;
    int d1 = dot(s->w1[m->c0], m->in), d2 = dot(s->w2[m->sel2], m->in);
    m->pm1 = cm_squash(d1);
    m->pm2 = cm_squash(d2);
    int st = (d1 + d2) >> 1;
    m->st = st;
    int pm = cm_squash(st);
    int a1 = apm_p(s->apm1[m->c0], st, &m->apmi1);
    m->apm2row = s->apm2[(m->sel2 >> 8) << 8 | m->c0];
    int a2 = apm_p(m->apm2row, st, &m->apmi2);
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
    train(s->w1[m->c0], m->in, (((y << 16) - m->pm1) >> 4) * MIX_LR);
    train(s->w2[m->sel2], m->in, (((y << 16) - m->pm2) >> 4) * MIX_LR);
    apm_update(s->apm1[m->c0], m->apmi1, y);
    apm_update(m->apm2row, m->apmi2, y);
    m->c0 = m->c0 << 1 | y;
    m->cn = m->cn << 1 | y;
    if (++m->bitpos == 4) {
        m->cn = 1;
        cm_nibble(m);
    } else if (m->bitpos == 3) {
        cm_nibble_prefetch(m);
    } else if (m->bitpos == 7) {
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
    for (int c = 0; c < 256; c++)
        for (int i = 0; i < CM_NIN; i++)
            s->w1[c][i] = i < 10 ? 19661 : 0;
    for (int c = 0; c < CM_SEL2; c++)
        for (int i = 0; i < CM_NIN; i++)
            s->w2[c][i] = i < 10 ? 19661 : 0;
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
