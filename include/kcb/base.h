/* lib/base: what every layer stands on: errors, files, text escaping, random numbers, grids, threads, digests. */
#ifndef KCB_BASE_H
#define KCB_BASE_H

#include "kcb/blob.h"
#include "kcb/clock.h"
#include "kcb/err.h"
#include "kcb/grid.h"
#include "kcb/io.h"
#include "kcb/parallel.h"
#include "kcb/rng.h"
#include "kcb/sha256.h"
#include "kcb/stats.h"
#include "kcb/text.h"

#endif
