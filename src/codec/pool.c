/* A tiny allocation cache so that per-call library initialisation reuses memory. */
#include "pool.h"

#include <stdlib.h>

void *kcb_pool_alloc(struct kcb_pool *pool, size_t size)
{
    int empty = -1;
    for (int i = 0; i < KCB_POOL_SLOTS; i++) {
        if (pool->slot[i].p && !pool->slot[i].used && pool->slot[i].size == size) {
            pool->slot[i].used = 1;
            return pool->slot[i].p;
        }
        if (!pool->slot[i].p && empty < 0)
            empty = i;
    }
    void *p = malloc(size ? size : 1);
    if (p && empty >= 0) {
        pool->slot[empty].p = p;
        pool->slot[empty].size = size;
        pool->slot[empty].used = 1;
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
