/* lib/cm: kcbench's own bitwise context-mixing model (orders 1-6, word, match; mixer; SSE) and its binary arithmetic coder. */
#ifndef KCB_CM_H
#define KCB_CM_H

#include <stddef.h>

/*
 * The model predicts each bit of its input, most significant first, from hashed order-1..6
 * and word contexts (bit-history states mapped to probabilities by adaptive state maps), an
 * order-0 table and a match model; two gated linear mixers (16-bit weights, SSE2 where the
 * CPU has it, the same integers in plain C elsewhere) combine their stretched predictions
 * and two adaptive probability maps refine the result. Every step is integer arithmetic,
 * so the output is the same on every platform and at every optimisation level.
 * Levels 1..9 set the size of the model's tables (kcb_cm_memory).
 */
enum { KCB_CM_LEVEL_MIN = 1, KCB_CM_LEVEL_MAX = 9, KCB_CM_LEVEL_DEFAULT = 5 };

/* One model with its tables, for one thread at a time. */
typedef struct kcb_cm kcb_cm;
/* A model trained on a dictionary: read-only once built, shared by any number of threads. */
typedef struct kcb_cm_primed kcb_cm_primed;

/* Bytes of the tables of a model at level (the model-size axis): 2^(18+level) of context
 * slots, 2^(16+level) of match index, a 2-byte stamp per 64-byte chunk of both, and the
 * small state (about 217 KiB: state maps, mixer weights, SSE, order-0/1 tables). 0 for a
 * level outside 1..9. */
size_t kcb_cm_memory(int level);

/* Number of mixer weights of a model (the same at every level). */
size_t kcb_cm_weights(void);

/* Creates a model at level (1..9): 0 or kcb_err (KCB_EINVAL, KCB_ENOMEM), *m on success. */
int kcb_cm_new(int level, kcb_cm **m);

/* Frees a model; accepts NULL. */
void kcb_cm_free(kcb_cm *m);

/* The level m was made at. */
int kcb_cm_level(const kcb_cm *m);

/* Codes src[0..n) with a fresh model (or one starting from p, made at m's level, when p is
 * not NULL) into dst (cap bytes): the arithmetic-coded bits alone, no header. 0 or kcb_err
 * (KCB_ERANGE when they do not fit in cap: the caller stores src instead), *out_size. The
 * output depends only on (src, level, p's dictionary). */
int kcb_cm_encode(kcb_cm *m, const kcb_cm_primed *p, const void *src, size_t n, void *dst,
                  size_t cap, size_t *out_size);

/* Decodes exactly n bytes into dst from src[0..len), which kcb_cm_encode wrote with the same
 * level and dictionary: 0 or KCB_ECORRUPT when the stream is shorter or longer than the
 * coded bits need. Never reads outside src nor writes outside dst[0..n). */
int kcb_cm_decode(kcb_cm *m, const kcb_cm_primed *p, const void *src, size_t len, void *dst,
                  size_t n);

/* Sets *bits to the ideal code length of src[0..n) under the model (fresh, or from p):
 * the sum of -log2 P(bit) over its 8n bits, in bits, with no coder or container overhead
 * (exact in fixed point to 2^-16 bit per coded bit). 0 or kcb_err. */
int kcb_cm_cost(kcb_cm *m, const kcb_cm_primed *p, const void *src, size_t n, double *bits);

/* Trains a model of m's level on dict[0..n) and returns it in *p (free with
 * kcb_cm_primed_free): 0 or kcb_err. *p points into dict, which must stay alive and
 * unchanged until it is freed. m is used as scratch. */
int kcb_cm_prime(kcb_cm *m, const void *dict, size_t n, kcb_cm_primed **p);

/* Frees a primed model; accepts NULL. */
void kcb_cm_primed_free(kcb_cm_primed *p);

/* The level p was made at. */
int kcb_cm_primed_level(const kcb_cm_primed *p);

#endif
