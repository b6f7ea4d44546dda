/* lib/data: the model file of `kcbench index`: a training set with its compressed sizes, checksummed. */
#ifndef KCB_MODEL_H
#define KCB_MODEL_H

#include <stddef.h>

#include "kcb/dataset.h"
#include "kcb/spec.h"

/*
 * A training set saved once: texts, labels, and C(text) for each compressor, so that
 * classifying one line does not recompress the training set.
 *
 * File layout (little-endian): "KCBMODEL" magic, u32 version, u32 flags (0), u64 payload
 * length; the payload; u32 CRC-32 (zlib) of the payload. Payload: u32 nspecs, each u16
 * name length, name, i32 level; u32 nlabels, each u32 length, name; u64 ndocs, each u32
 * label, u64 length, text; then nspecs × ndocs u64 sizes.
 */
struct kcb_model {
    struct kcb_specs specs;     /* compressors the sizes were made with */
    struct kcb_dataset *data;   /* the texts and labels; its arena holds the file's bytes */
    size_t *sizes;              /* specs.n × data->n: sizes[s * n + i] = C(text[i]) under spec s */
};

#define KCB_MODEL_VERSION 1

/* Writes a model of d with sizes (specs->n × d->n, as in struct kcb_model) to path
 * atomically; everything is only read. Returns 0 or kcb_err (KCB_EIO: errno set). */
int kcb_model_write(const char *path, const struct kcb_specs *specs, const struct kcb_dataset *d,
                    const size_t *sizes);

/*
 * Reads a model. Returns 0; KCB_EIO (errno set); KCB_ECORRUPT for a foreign, truncated or
 * damaged file, KCB_ENOTFOUND for a compressor not in this build, each with a reason in why.
 * Caller owns *out; free with kcb_model_free().
 */
int kcb_model_read(const char *path, struct kcb_model **out, char *why, size_t whylen);

/* Frees a model returned by kcb_model_read; accepts NULL. */
void kcb_model_free(struct kcb_model *m);

/* Returns the index of spec in m->specs, or -1. */
int kcb_model_spec(const struct kcb_model *m, const struct kcb_spec *spec);

#endif
