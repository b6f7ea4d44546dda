/* lib/data: labelled texts: label tables, readers (TSV, CSV, fastText, directories), sampling, model files. */
#ifndef KCB_DATA_H
#define KCB_DATA_H

#include "kcb/dataset.h"
#include "kcb/model.h"
#include "kcb/sample.h"

#endif
