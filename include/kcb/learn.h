/* lib/learn: kNN on compression distance: neighbour search, decision rules, scoring, learning curves, shards. */
#ifndef KCB_LEARN_H
#define KCB_LEARN_H

#include "kcb/curve.h"
#include "kcb/knn.h"
#include "kcb/primed.h"
#include "kcb/rules.h"
#include "kcb/shard.h"

#endif
