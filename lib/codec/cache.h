/* A tiny allocation cache for libraries that cannot reset a context but take an allocator (internal). */
#ifndef KCB_CODEC_CACHE_H
#define KCB_CODEC_CACHE_H

#include <stddef.h>

#define KCB_CACHE_SLOTS 64

/*
 * Blocks handed out by kcb_cache_alloc and returned by kcb_cache_free are kept, not freed, and
 * given again to the next request they are large enough for (the smallest such block). A
 * library that is initialised again for every input therefore stops allocating once the
 * cache holds blocks as large as it asks for.
 */
struct kcb_cache {
    struct {
        void *p;
        size_t size; /* capacity of p */
        int used;
    } slot[KCB_CACHE_SLOTS];
};

/* Returns a block of at least size bytes (uninitialised), or NULL. */
void *kcb_cache_alloc(struct kcb_cache *cache, size_t size);
/* Returns p to the cache; accepts NULL. A block the cache does not own is freed. */
void kcb_cache_free(struct kcb_cache *cache, void *p);
/* Frees every block. */
void kcb_cache_clear(struct kcb_cache *cache);

#endif
