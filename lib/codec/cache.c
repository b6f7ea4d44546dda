/* A tiny allocation cache so that per-call library initialisation reuses memory. */
#include "cache.h"

#include <stdlib.h>

/* The smallest free block of at least size bytes, or -1. */
static int best_free(const struct kcb_pool *pool, size_t size)
{
    int best = -1;
    for (int i = 0; i < KCB_POOL_SLOTS; i++)
        if (pool->slot[i].p && !pool->slot[i].used && pool->slot[i].size >= size &&
            (best < 0 || pool->slot[i].size < pool->slot[best].size))
            best = i;
    return best;
}

/* An empty slot, else the largest free one (to be replaced by a bigger block), or -1. */
static int spare_slot(const struct kcb_pool *pool)
{
    int spare = -1;
    for (int i = 0; i < KCB_POOL_SLOTS; i++) {
        if (!pool->slot[i].p)
            return i;
        if (!pool->slot[i].used && (spare < 0 || pool->slot[i].size > pool->slot[spare].size))
            spare = i;
    }
    return spare;
}

void *kcb_pool_alloc(struct kcb_pool *pool, size_t size)
{
    int i = best_free(pool, size);
    if (i >= 0) {
        pool->slot[i].used = 1;
        return pool->slot[i].p;
    }
    void *p = malloc(size ? size : 1);
    i = spare_slot(pool);
    if (p && i >= 0) {
        free(pool->slot[i].p);
        pool->slot[i].p = p;
        pool->slot[i].size = size;
        pool->slot[i].used = 1;
    }
    return p;
}

void kcb_pool_free(struct kcb_pool *pool, void *p)
{
    if (!p)
        return;
    for (int i = 0; i < KCB_POOL_SLOTS; i++) {
        if (pool->slot[i].p == p) {
            pool->slot[i].used = 0;
            return;
        }
    }
    free(p);
}

void kcb_pool_clear(struct kcb_pool *pool)
{
    for (int i = 0; i < KCB_POOL_SLOTS; i++) {
        free(pool->slot[i].p);
        pool->slot[i].p = NULL;
        pool->slot[i].used = 0;
    }
}
