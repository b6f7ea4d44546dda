/* lib/school: the summer-school examples: each claim measured, a verdict by a stated rule. */
#ifndef KCB_SCHOOL_H
#define KCB_SCHOOL_H

#include "kcb/examples.h"
#include "kcb/lesson.h"

#endif
