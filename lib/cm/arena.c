/* The chunked arena of lib/cm's large tables: lazy reset by per-chunk stamps, and the copy-on-access overlay over a shared primed arena. */
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "cm_int.h"
#include "kcb/err.h"

/* The table memory: 2 MiB aligned and marked for huge pages where the system has them (a
 * miss in the page table costs as much as one in the cache); plain malloc elsewhere. */
static unsigned char *arena_alloc(size_t bytes)
{
#if defined(MADV_HUGEPAGE)
    void *p = NULL;
    if (bytes >= ((size_t)2 << 20) && posix_memalign(&p, (size_t)2 << 20, bytes) == 0) {
        madvise(p, bytes, MADV_HUGEPAGE);
        return p;
    }
#endif
    return malloc(bytes);
}

int cm_arena_new(struct cm_arena *a, int level)
{
    memset(a, 0, sizeof *a);
    a->hash_bits = 12 + level;
    a->match_bits = 10 + level;
    a->hash_chunks = (size_t)1 << a->hash_bits;
    a->match_chunks = (size_t)1 << a->match_bits;
    a->nchunks = a->hash_chunks + a->match_chunks;
    a->mem = arena_alloc(a->nchunks * CM_CHUNK);
    a->stamp = calloc(a->nchunks, sizeof *a->stamp);
    if (!a->mem || !a->stamp) {
        cm_arena_free(a);
        return KCB_ENOMEM;
    }
    return KCB_OK;
}

void cm_arena_free(struct cm_arena *a)
{
    free(a->mem);
    free(a->stamp);
    a->mem = NULL;
    a->stamp = NULL;
}

void cm_arena_clear(struct cm_arena *a)
{
    if (a->cur == 0xffff) {
        memset(a->stamp, 0, a->nchunks * sizeof *a->stamp);
        a->cur = 0;
    }
    a->cur++;
}

void cm_arena_copy(struct cm_arena *dst, const struct cm_arena *src)
{
    memcpy(dst->mem, src->mem, src->nchunks * CM_CHUNK);
    memcpy(dst->stamp, src->stamp, src->nchunks * sizeof *src->stamp);
    dst->cur = src->cur;
}

/* The content of an unused chunk: zeros. */
static void chunk_init(const struct cm_arena *a, size_t c, unsigned char *p)
{
    (void)a;
    (void)c;
    memset(p, 0, CM_CHUNK);
}

static unsigned char *overlay_get(struct kcb_cm *m, size_t c)
{
    struct cm_overlay *o = &m->ov;
    const struct cm_arena *sh = m->shared;
    size_t mask = o->cap - 1, i = (size_t)(((uint64_t)c * 0x9E3779B97F4A7C15u) >> 32) & mask;
    while (o->slot[i].epoch == o->now) {
        if (o->slot[i].key == (uint32_t)c + 1)
            return o->data + (size_t)o->slot[i].at * CM_CHUNK;
        i = (i + 1) & mask;
    }
    o->slot[i] = (struct cm_overlay_slot){(uint32_t)c + 1, o->now, (uint32_t)o->used};
    unsigned char *p = o->data + o->used++ * CM_CHUNK; /* the table is at most half full */
    if (sh->stamp[c] == sh->cur)
        memcpy(p, sh->mem + c * CM_CHUNK, CM_CHUNK);
    else
        chunk_init(sh, c, p);
    return p;
}

unsigned char *cm_chunk_slow(struct kcb_cm *m, size_t c)
{
    if (m->shared)
        return overlay_get(m, c);
    unsigned char *p = m->ar.mem + c * CM_CHUNK;
    chunk_init(&m->ar, c, p);
    m->ar.stamp[c] = m->ar.cur;
    return p;
}

/* At most 13 chunks are touched per byte: 2 nibbles x 6 hashed contexts, 1 match index
 * chunk; the overlay is kept at most half full. */
int cm_overlay_begin(struct kcb_cm *m, size_t n, int *fits)
{
    struct cm_overlay *o = &m->ov;
    size_t need = 2 * (13 * (n + 1) + 64), cap = 1024;
    *fits = 0;
    if (n > m->shared->nchunks / 26)
        return KCB_OK; /* as large as the arena: copying it is no slower */
    while (cap < need)
        cap *= 2;
    if (cap > o->cap) {
        cm_overlay_free(o);
        o->slot = calloc(cap, sizeof *o->slot);
        o->data = malloc(cap / 2 * CM_CHUNK);
        if (!o->slot || !o->data) {
            cm_overlay_free(o);
            return KCB_ENOMEM;
        }
        o->cap = cap;
        o->now = 0;
    }
    if (++o->now == 0) {
        for (size_t i = 0; i < o->cap; i++)
            o->slot[i].epoch = 0;
        o->now = 1;
    }
    o->used = 0;
    *fits = 1;
    return KCB_OK;
}

void cm_overlay_free(struct cm_overlay *o)
{
    free(o->slot);
    free(o->data);
    memset(o, 0, sizeof *o);
}
