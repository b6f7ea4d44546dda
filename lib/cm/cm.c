/* The public face of lib/cm: models, encoding, decoding, ideal code length and priming. */
#include <stdlib.h>
#include <string.h>

#include "cm_int.h"
#include "kcb/err.h"

size_t kcb_cm_memory(int level)
{
    if (level < KCB_CM_LEVEL_MIN || level > KCB_CM_LEVEL_MAX)
        return 0;
    size_t chunks = ((size_t)1 << (12 + level)) + ((size_t)1 << (10 + level));
    return chunks * (CM_CHUNK + sizeof(uint16_t)) + sizeof(struct cm_small);
}

size_t kcb_cm_weights(void)
{
    return 2 * CM_SEL2 * CM_NUSED;
}

int kcb_cm_new(int level, kcb_cm **out)
{
    if (level < KCB_CM_LEVEL_MIN || level > KCB_CM_LEVEL_MAX)
        return KCB_EINVAL;
    cm_tables_init();
    kcb_cm *m = calloc(1, sizeof *m);
    if (!m)
        return KCB_ENOMEM;
    m->level = level;
    int rc = cm_arena_new(&m->ar, level);
    if (rc) {
        free(m);
        return rc;
    }
    *out = m;
    return KCB_OK;
}

void kcb_cm_free(kcb_cm *m)
{
    if (!m)
        return;
    cm_arena_free(&m->ar);
    cm_overlay_free(&m->ov);
    free(m);
}

int kcb_cm_level(const kcb_cm *m)
{
    return m->level;
}

/* Models x[0..n) bit by bit; codes into e and sums -log2 P into *cost when not NULL. */
static int run(kcb_cm *m, const kcb_cm_primed *p, const unsigned char *x, size_t n,
               struct cm_enc *e, uint64_t *cost)
{
    if (n > 0xffffffffu - (p ? p->dn : 0))
        return KCB_ERANGE;
    int rc = cm_model_begin(m, p, x, n);
    if (rc)
        return rc;
    uint64_t bits = 0;
    for (size_t i = 0; i < n; i++) {
        int c = x[i];
        for (int b = 7; b >= 0; b--) {
            int y = (c >> b) & 1;
            cm_predict(m);
            if (e)
                cm_enc_bit(e, y, m->pr);
            if (cost)
                bits += cm_t.nlog[y ? m->pr : 65536 - m->pr];
            cm_update(m, y);
        }
        cm_byte_end(m, c);
        if (e && e->full)
            return KCB_ERANGE;
    }
    if (cost)
        *cost = bits;
    return KCB_OK;
}

int kcb_cm_encode(kcb_cm *m, const kcb_cm_primed *p, const void *src, size_t n, void *dst,
                  size_t cap, size_t *out_size)
{
    struct cm_enc e;
    cm_enc_init(&e, dst, cap);
    int rc = run(m, p, n ? src : "", n, &e, NULL);
    if (rc)
        return rc;
    cm_enc_flush(&e);
    if (e.full)
        return KCB_ERANGE;
    *out_size = e.n;
    return KCB_OK;
}

int kcb_cm_decode(kcb_cm *m, const kcb_cm_primed *p, const void *src, size_t len, void *dst,
                  size_t n)
{
    unsigned char *out = dst;
    if (p && n > 0xffffffffu - p->dn)
        return KCB_ERANGE;
    int rc = cm_model_begin(m, p, out, n);
    if (rc)
        return rc;
    struct cm_dec d;
    cm_dec_init(&d, src, len);
    for (size_t i = 0; i < n; i++) {
        int c = 0;
        for (int b = 0; b < 8; b++) {
            cm_predict(m);
            int y = cm_dec_bit(&d, m->pr);
            cm_update(m, y);
            c = c << 1 | y;
        }
        out[i] = (unsigned char)c;
        cm_byte_end(m, c);
        if (d.at > len)
            return KCB_ECORRUPT; /* read past the end: truncated or corrupt */
    }
    return d.at == len ? KCB_OK : KCB_ECORRUPT;
}

int kcb_cm_cost(kcb_cm *m, const kcb_cm_primed *p, const void *src, size_t n, double *bits)
{
    uint64_t cost;
    int rc = run(m, p, n ? src : "", n, NULL, &cost);
    if (rc)
        return rc;
    *bits = (double)cost / 65536.0;
    return KCB_OK;
}

int kcb_cm_prime(kcb_cm *m, const void *dict, size_t n, kcb_cm_primed **out)
{
    kcb_cm_primed *p = calloc(1, sizeof *p);
    if (!p)
        return KCB_ENOMEM;
    int rc = cm_arena_new(&p->ar, m->level);
    if (!rc)
        rc = run(m, NULL, n ? dict : "", n, NULL, NULL);
    if (rc) {
        kcb_cm_primed_free(p);
        return rc;
    }
    struct cm_arena fresh = p->ar; /* the model keeps a fresh arena, the state the trained one */
    p->ar = m->ar;
    m->ar = fresh;
    p->level = m->level;
    p->s = m->s;
    p->dict = n ? dict : NULL;
    p->dn = n;
    *out = p;
    return KCB_OK;
}

void kcb_cm_primed_free(kcb_cm_primed *p)
{
    if (!p)
        return;
    cm_arena_free(&p->ar);
    free(p);
}

int kcb_cm_primed_level(const kcb_cm_primed *p)
{
    return p->level;
}
