/* lib/measure: measuring with a compressor: codec specs, reusable compressors, sizes, distances, timing. */
#ifndef KCB_MEASURE_H
#define KCB_MEASURE_H

#include "kcb/comp.h"
#include "kcb/dist.h"
#include "kcb/roundtrip.h"
#include "kcb/sizes.h"
#include "kcb/spec.h"
#include "kcb/timing.h"

#endif
