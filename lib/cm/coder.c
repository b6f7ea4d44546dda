/* The binary arithmetic coder of lib/cm: 32-bit, carry-less, 16-bit probabilities, bounds-checked input and output. */
#include "cm_int.h"

/*
 * The interval [x1, x2] shrinks to the part of the coded bit: P(1) = p / 65536 of it for a 1
 * (the low part), the rest for a 0. While x1 and x2 share their top byte it is final and
 * leaves the coder. The interval never empties: after the shifts x1 < x2 in the top byte.
 */
void cm_enc_init(struct cm_enc *e, void *dst, size_t cap)
{
    e->x1 = 0;
    e->x2 = 0xffffffffu;
    e->out = dst;
    e->n = 0;
    e->cap = cap;
    e->full = 0;
}

static void put(struct cm_enc *e, uint32_t b)
{
    if (e->n < e->cap)
        e->out[e->n] = (unsigned char)b;
    else
        e->full = 1;
    e->n++;
}

void cm_enc_bit(struct cm_enc *e, int y, int p)
{
    uint32_t mid = e->x1 + (uint32_t)(((uint64_t)(e->x2 - e->x1) * (uint32_t)p) >> 16);
    if (y)
        e->x2 = mid;
    else
        e->x1 = mid + 1;
    while (((e->x1 ^ e->x2) & 0xff000000u) == 0) {
        put(e, e->x2 >> 24);
        e->x1 <<= 8;
        e->x2 = (e->x2 << 8) | 255;
    }
}

/* Four bytes of x1: the decoder reads exactly the bytes the encoder wrote. */
void cm_enc_flush(struct cm_enc *e)
{
    for (int i = 0; i < 4; i++) {
        put(e, e->x1 >> 24);
        e->x1 <<= 8;
    }
}

/* The next input byte, 0 past the end (the caller rejects a stream read past its end). */
static uint32_t get(struct cm_dec *d)
{
    uint32_t b = d->at < d->n ? d->in[d->at] : 0;
    d->at++;
    return b;
}

void cm_dec_init(struct cm_dec *d, const void *src, size_t n)
{
    d->x1 = 0;
    d->x2 = 0xffffffffu;
    d->x = 0;
    d->in = src;
    d->n = n;
    d->at = 0;
    for (int i = 0; i < 4; i++)
        d->x = (d->x << 8) | get(d);
}

int cm_dec_bit(struct cm_dec *d, int p)
{
    uint32_t mid = d->x1 + (uint32_t)(((uint64_t)(d->x2 - d->x1) * (uint32_t)p) >> 16);
    int y = d->x <= mid;
    if (y)
        d->x2 = mid;
    else
        d->x1 = mid + 1;
    while (((d->x1 ^ d->x2) & 0xff000000u) == 0) {
        d->x1 <<= 8;
        d->x2 = (d->x2 << 8) | 255;
        d->x = (d->x << 8) | get(d);
    }
    return y;
}
