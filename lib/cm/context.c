/* The contexts of lib/cm: order-1..6 and word hashes, their nibble slots in the hash table, and the match model. */
#include <string.h>

#include "cm_int.h"

#define K1 0x9E3779B97F4A7C15u
#define K2 0xD6E8FEB86659FD93u
#define MATCH_MIN 6  /* bytes hashed to find a match, and the least length verified */
#define MATCH_MAX 65535

static inline uint64_t mix(uint64_t a, uint64_t b)
{
    a = (a + b + 1) * K1;
    return a ^ (a >> 29);
}

#if defined(__GNUC__)
#define PREFETCH(p) __builtin_prefetch(p)
#else
#define PREFETCH(p) ((void)(p))
#endif

/* What the contexts are made of: the last 8 bytes and the current and previous word. */
struct hist {
    uint32_t c4, c8, word, word1;
};

/* The history after byte c; the word is case-folded ASCII letters, any other byte ends it. */
static void advance(struct hist *t, int c)
{
    t->c8 = (t->c8 << 8) | (t->c4 >> 24);
    t->c4 = (t->c4 << 8) | (uint32_t)c;
    if (c >= 'A' && c <= 'Z')
        c += 'a' - 'A';
    if (c >= 'a' && c <= 'z') {
        t->word = (t->word + (uint32_t)c + 1) * 0x2F0B3A4Du;
    } else if (t->word) {
        t->word1 = t->word;
        t->word = 0;
    }
}

/* The context hashes of orders 1..6 and the word after history t. */
static void hashes(const struct hist *t, uint64_t *h)
{
    uint64_t o4 = mix(4, t->c4);
    h[0] = mix(1, t->c4 & 0xff);
    h[1] = mix(2, t->c4 & 0xffff);
    h[2] = mix(3, t->c4 & 0xffffff);
    h[3] = o4;
    h[4] = mix(o4 + 5, t->c8 & 0xff);
    h[5] = mix(o4 + 6, t->c8 & 0xffff);
    h[6] = t->word ? mix(7, t->word) : mix(8, t->word1 ^ ((uint64_t)t->c4 & 0xff) << 32);
}

/* The entry of the match index for history t: the chunk and the place in it. */
static size_t match_index(const struct kcb_cm *m, const struct hist *t)
{
    uint64_t h = mix(t->c4, t->c8 & 0xffff) * K2;
    return (size_t)(h >> (64 - m->ar.match_bits - 4));
}

/* Follows the current match one byte, or looks up a new one by the last MATCH_MIN bytes;
 * then indexes the current position. */
static void match_update(struct kcb_cm *m, const struct hist *t, int c)
{
    struct cm_small *s = &m->s;
    if (s->mlen) {
        if (cm_hist(m, s->mptr) == c && s->mptr + 1 < s->pos) {
            s->mlen += s->mlen < MATCH_MAX;
            s->mptr++;
        } else {
            s->mlen = 0;
        }
    }
    if (s->pos < MATCH_MIN)
        return;
    size_t idx = match_index(m, t);
    uint32_t *e = (uint32_t *)(void *)cm_chunk(m, m->ar.hash_chunks + (idx >> 4)) + (idx & 15);
    if (!s->mlen && *e) {
        uint64_t cand = *e - 1;
        uint32_t len = 0;
        while (len < 32 && len < cand && cm_hist(m, cand - 1 - len) == cm_hist(m, s->pos - 1 - len))
            len++;
        if (len >= MATCH_MIN) {
            s->mlen = len;
            s->mptr = cand;
        }
    }
    *e = (uint32_t)s->pos + 1;
}

void cm_byte_update(struct kcb_cm *m, int c)
{
    struct cm_small *s = &m->s;
    struct hist t = {s->c4, s->c8, s->word, s->word1};
    advance(&t, c);
    s->c4 = t.c4;
    s->c8 = t.c8;
    s->word = t.word;
    s->word1 = t.word1;
    s->pos++;
    hashes(&t, s->h);
    match_update(m, &t, c);
}

/* The chunk and check byte of a context key; starts loading the chunk. */
static inline size_t locate(struct kcb_cm *m, uint64_t key, unsigned char *chk)
{
    uint64_t x = key * K1;
    size_t chunk = (size_t)(x >> (64 - m->ar.hash_bits));
    *chk = (unsigned char)(x >> 24);
    *chk += *chk == 0;
    const struct cm_arena *a = m->shared ? m->shared : &m->ar; /* primed: its chunk is read */
    PREFETCH(a->mem + chunk * CM_CHUNK);
    PREFETCH(a->stamp + chunk);
    return chunk;
}

/* The slot with check byte chk in chunk (4 slots of 16 bytes), else the least used one,
 * emptied and claimed. */
static unsigned char *find_slot(struct kcb_cm *m, size_t chunk, unsigned char chk)
{
    unsigned char *p = cm_chunk(m, chunk);
    if (p[0] == chk)
        return p;
    if (p[16] == chk)
        return p + 16;
    if (p[32] == chk)
        return p + 32;
    if (p[48] == chk)
        return p + 48;
    int victim = 0, least = 1 << 30;
    for (int j = 0; j < 4; j++) {
        const unsigned char *slot = p + 16 * j;
        int prio = slot[0] ? cm_t.count[slot[1]] + cm_t.count[slot[2]] + cm_t.count[slot[3]] : -1;
        if (prio < least) {
            least = prio;
            victim = j;
        }
    }
    p += 16 * victim;
    memset(p, 0, 16);
    p[0] = chk;
    return p;
}

/* The key of context i for the nibble after the partial byte c0 (1 at a byte's start). */
static inline uint64_t nibble_key(const struct kcb_cm *m, int i, int c0)
{
    return m->s.h[i] ^ (c0 > 1 ? (uint64_t)c0 * K2 : 0);
}

void cm_nibble(struct kcb_cm *m)
{
    size_t chunk[CM_NCTX];
    unsigned char chk[CM_NCTX];
    for (int i = 1; i < CM_NCTX; i++)
        chunk[i] = locate(m, nibble_key(m, i, m->c0), &chk[i]);
    for (int i = 1; i < CM_NCTX; i++)
        m->slot[i] = find_slot(m, chunk[i], chk[i]);
}

void cm_nibble_prefetch(struct kcb_cm *m)
{
    unsigned char chk;
    int k = 4 - m->bitpos;
    for (int i = 1; i < CM_NCTX; i++)
        for (int j = 0; j < 1 << k; j++)
            locate(m, nibble_key(m, i, m->c0 << k | j), &chk);
}

void cm_byte_prefetch(struct kcb_cm *m)
{
    const struct cm_small *s = &m->s;
    const struct cm_arena *a = m->shared ? m->shared : &m->ar;
    int k = 8 - m->bitpos;
    for (int b = 0; b < 1 << k; b++) {
        struct hist t = {s->c4, s->c8, s->word, s->word1};
        uint64_t h[CM_NCTX];
        unsigned char chk;
        advance(&t, (m->c0 << k | b) & 255);
        hashes(&t, h);
        for (int i = 1; i < CM_NCTX; i++)
            locate(m, h[i], &chk);
        PREFETCH(a->mem + (a->hash_chunks + (match_index(m, &t) >> 4)) * CM_CHUNK);
    }
}

void cm_match_inputs(struct kcb_cm *m, int *x)
{
    struct cm_small *s = &m->s;
    x[0] = x[1] = 0;
    m->mctx = -1;
    m->sel2 = (int)(s->c4 & 0xff);
    if (!s->mlen)
        return;
    int eb = cm_hist(m, s->mptr) | 256;
    if ((eb >> (8 - m->bitpos)) != m->c0) {
        s->mlen = 0;
        return;
    }
    int bit = (eb >> (7 - m->bitpos)) & 1;
    uint32_t len = s->mlen;
    int lb = len < 16 ? (int)len : 16 + (int)((len - 16) >> 2 < 15 ? (len - 16) >> 2 : 15);
    m->mctx = lb * 2 + bit;
    x[0] = cm_t.stretch[s->msm[m->mctx] >> 20];
    int strength = (lb + 1) * 48;
    x[1] = bit ? strength : -strength;
    m->sel2 |= (len < 16 ? 1 : len < 32 ? 2 : 3) << 8;
}
