/* A tiny allocation cache for libraries that cannot reset a context but take an allocator (internal). */
#ifndef KCB_CODEC_POOL_H
#define KCB_CODEC_POOL_H

#include <stddef.h>

#define KCB_POOL_SLOTS 64

/*
 * Blocks handed out by kcb_pool_alloc and returned by kcb_pool_free are kept, not freed, and
 * given again to the next request they are large enough for (the smallest such block). A
 * library that is initialised again for every input therefore stops allocating once the
 * pool holds blocks as large as it asks for.
 */
struct kcb_pool {
    struct {
        void *p;
        size_t size; /* capacity of p */
        int used;
    } slot[KCB_POOL_SLOTS];
};

/* Returns a block of at least size bytes (uninitialised), or NULL. */
void *kcb_pool_alloc(struct kcb_pool *pool, size_t size);
/* Returns p to the pool; accepts NULL. A block the pool does not own is freed. */
void kcb_pool_free(struct kcb_pool *pool, void *p);
/* Frees every block. */
void kcb_pool_clear(struct kcb_pool *pool);

#endif
