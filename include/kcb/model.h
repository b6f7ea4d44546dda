/* lib/data: the model file of `kcbench index`: a training set and its sizes, zstd, checksummed. */
#ifndef KCB_MODEL_H
#define KCB_MODEL_H

#include <stddef.h>

#include "kcb/dataset.h"
#include "kcb/spec.h"

/*
 * A training set saved once: texts, labels, and C(text) for each compressor, so that
 * classifying a text does not recompress the training set.
 *
 * File layout, version 2 (little-endian):
 *   header   "KCBMODEL" magic, u32 version (2), u32 flags, u64 length L of the stored payload
 *   stored   L bytes: with flag KCB_MODEL_ZSTD, one zstd frame (content size and checksum in
 *            the frame) holding the payload; without it, the payload itself
 *   trailer  u32 CRC-32 (zlib's) of the header and the stored bytes: bytes 0 .. 24 + L
 * A flag bit other than KCB_MODEL_ZSTD is refused (a newer writer). The writer always sets
 * KCB_MODEL_ZSTD; the reader takes either.
 * Payload: u32 nspecs, each u16 name length, name, i32 level; u32 nlabels, each u32 length,
 * name; u64 ndocs; ndocs u32 label ids; ndocs u64 text lengths; nspecs × ndocs u64 sizes
 * (those of spec s at s × ndocs); then the ndocs texts, one after another, to the end.
 * Version 1 (uncompressed, document by document, the CRC over the payload alone, flags not
 * checked) is refused with a reason that says to index the training set again.
 */
struct kcb_model {
    struct kcb_specs specs;     /* compressors the sizes were made with */
    struct kcb_dataset *data;   /* the texts and labels; its arena holds the payload */
    size_t *sizes;              /* specs.n × data->n: sizes[s * n + i] = C(text[i]) under spec s */
};

#define KCB_MODEL_VERSION 2
#define KCB_MODEL_HEADER 24      /* bytes before the stored payload */
#define KCB_MODEL_ZSTD 1u        /* flag: the stored payload is a zstd frame */

/* Writes a model of d with sizes (specs->n × d->n, as in struct kcb_model) to path
 * atomically; everything is only read. Returns 0 or kcb_err (KCB_EIO: errno set). */
int kcb_model_write(const char *path, const struct kcb_specs *specs, const struct kcb_dataset *d,
                    const size_t *sizes);

/*
 * Reads a model. Returns 0; KCB_EIO (errno set); KCB_ENOMEM; KCB_ECORRUPT for a foreign,
 * truncated, damaged or other-version file, KCB_ENOTFOUND for a compressor not in this build,
 * each with a reason in why.
 * Caller owns *out; free with kcb_model_free().
 */
int kcb_model_read(const char *path, struct kcb_model **out, char *why, size_t whylen);

/* Frees a model returned by kcb_model_read; accepts NULL. */
void kcb_model_free(struct kcb_model *m);

/* Returns the index of spec in m->specs, or -1. */
int kcb_model_spec(const struct kcb_model *m, const struct kcb_spec *spec);

#endif
