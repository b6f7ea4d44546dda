/* A tiny allocation cache so that per-call library initialisation reuses memory. */
#include "cache.h"

#include <stdlib.h>

/* The smallest free block of at least size bytes, or -1. */
static int best_free(const struct kcb_cache *cache, size_t size)
{
    int best = -1;
    for (int i = 0; i < KCB_CACHE_SLOTS; i++)
        if (cache->slot[i].p && !cache->slot[i].used && cache->slot[i].size >= size &&
            (best < 0 || cache->slot[i].size < cache->slot[best].size))
            best = i;
    return best;
}

/* An empty slot, else the largest free one (to be replaced by a bigger block), or -1. */
static int spare_slot(const struct kcb_cache *cache)
{
    int spare = -1;
    for (int i = 0; i < KCB_CACHE_SLOTS; i++) {
        if (!cache->slot[i].p)
            return i;
        if (!cache->slot[i].used && (spare < 0 || cache->slot[i].size > cache->slot[spare].size))
            spare = i;
    }
    return spare;
}

void *kcb_cache_alloc(struct kcb_cache *cache, size_t size)
{
    int i = best_free(cache, size);
    if (i >= 0) {
        cache->slot[i].used = 1;
        return cache->slot[i].p;
    }
    void *p = malloc(size ? size : 1);
    i = spare_slot(cache);
    if (p && i >= 0) {
        free(cache->slot[i].p);
        cache->slot[i].p = p;
        cache->slot[i].size = size;
        cache->slot[i].used = 1;
    }
    return p;
}

void kcb_cache_free(struct kcb_cache *cache, void *p)
{
    if (!p)
        return;
    for (int i = 0; i < KCB_CACHE_SLOTS; i++) {
        if (cache->slot[i].p == p) {
            cache->slot[i].used = 0;
            return;
        }
    }
    free(p);
}

void kcb_cache_clear(struct kcb_cache *cache)
{
    for (int i = 0; i < KCB_CACHE_SLOTS; i++) {
        free(cache->slot[i].p);
        cache->slot[i].p = NULL;
        cache->slot[i].used = 0;
    }
}
