/* What the files of lib/cm share: fixed tables, the chunked arena, the model state and its inline parts (internal). */
#ifndef KCB_CM_INT_H
#define KCB_CM_INT_H

#include <stddef.h>
#include <stdint.h>

#include "kcb/cm.h"

/* ---- fixed tables (tables.c), built once per process with integer arithmetic only ---- */

#define CM_NSTATES 256
struct cm_tables {
    int16_t stretch[4096];  /* ln(p/(1-p)) * 256 for a 12-bit p, in -2047..2047 */
    uint16_t squash[4096];  /* 65536 / (1 + e^(-x/256)) for x = i - 2048, in 1..65535 */
    uint32_t nlog[65536];   /* -log2(i / 65536) in 1/65536 bit, nlog[0] unused */
    uint32_t rec[1024];     /* 65536 / (n + 1.5): the adaptation rate after n updates */
    uint8_t next[CM_NSTATES][2]; /* bit-history state after a 0 or a 1 */
    uint8_t count[CM_NSTATES];   /* n0 + n1 of a state: its priority when slots are replaced */
    uint32_t init[CM_NSTATES];   /* a state map's first guess for a state, 22-bit p << 10 */
    int nstates;
};
extern struct cm_tables cm_t;

/* Builds cm_t once (thread-safe). */
void cm_tables_init(void);

/* The squashed value of x (any int; clamped to -2047..2047), 16-bit probability. */
static inline int cm_squash(int x)
{
    if (x > 2047)
        x = 2047;
    if (x < -2047)
        x = -2047;
    return cm_t.squash[x + 2048];
}

/* ---- the arena: the large tables in 64-byte chunks, reset lazily by stamps ---- */

#define CM_CHUNK 64

struct cm_arena {
    unsigned char *mem;  /* nchunks * CM_CHUNK bytes */
    uint16_t *stamp;     /* per chunk: valid in this call when equal to cur */
    uint16_t cur;
    size_t nchunks, hash_chunks, match_chunks; /* context slots, then the match index */
    int hash_bits, match_bits;
};

/* Private copies of the chunks of a shared primed arena that one call touches. */
struct cm_overlay_slot {
    uint32_t key;   /* chunk index + 1 */
    uint32_t epoch; /* the call that wrote the slot */
    uint32_t at;    /* where its copy is in data: copies are handed out in order */
};
struct cm_overlay {
    struct cm_overlay_slot *slot; /* cap, an open-addressing table */
    unsigned char *data;          /* cap / 2 * CM_CHUNK: the copies, in the order of first use */
    size_t cap, used;
    uint32_t now;
};

/* ---- the small state: copied per call from a primed model ---- */

#define CM_NCTX 7   /* orders 1..6 and the word */
#define CM_NUSED 11 /* mixer inputs: the 7 contexts, order 0, match (2), bias */
#define CM_NIN 16   /* ... padded with zeros to two SIMD vectors of 8 */
#define CM_SEL2 1024 /* weight sets of each mixer: match length bucket (4) x a byte */

struct cm_small {
    uint32_t sm[CM_NCTX + 1][CM_NSTATES]; /* state maps of the contexts and order 0 */
    uint32_t msm[64 * 2];                 /* match model: length bucket x expected bit */
    /* mixer weights, 1.0 = 2^13: set 1 by match length bucket x partial byte, set 2 by
     * match length bucket x last byte */
    _Alignas(16) int16_t w1[CM_SEL2][CM_NIN], w2[CM_SEL2][CM_NIN];
    uint16_t apm1[256][32];
    uint16_t apm2[1024][32];              /* by match length bucket and partial byte */
    uint8_t t1[256 * 256];                /* order-1 direct states: last byte, partial byte */
    uint8_t t0[256];                      /* order-0 states by the partial byte */
    uint64_t h[CM_NCTX];                  /* context hashes of the current byte */
    uint32_t c4, c8, word, word1;
    uint64_t pos;                         /* bytes seen, dictionary included */
    uint64_t mptr;                        /* match: position of the predicted byte */
    uint32_t mlen;
};

/* One model: the arena (own, or a shared primed one seen through the overlay), the small
 * state, and the per-bit working values. */
struct kcb_cm {
    int level;
    struct cm_arena ar;
    const struct cm_arena *shared; /* a primed arena read through ov, or NULL */
    struct cm_overlay ov;
    struct cm_small s;
    const unsigned char *dict, *buf; /* history: dict[0..dn) then buf */
    size_t dn;
    /* per bit */
    int c0, bitpos, cn;
    unsigned char *slot[CM_NCTX]; /* [0] unused: order 1 is the direct table t1 */
    _Alignas(16) int16_t in[CM_NIN];
    int wsel, wsel2, sel2, mbit, mctx, st, pm1, pm2, apmi1, apmi2;
    uint16_t *apm2row;
    uint8_t *t1;
    int pr; /* final P(1), 16-bit */
};

struct kcb_cm_primed {
    int level;
    struct cm_arena ar;
    struct cm_small s;
    const unsigned char *dict;
    size_t dn;
};

/* arena.c */
int cm_arena_new(struct cm_arena *a, int level);
void cm_arena_free(struct cm_arena *a);
/* Starts a call: every chunk is invalid (reset on first use). */
void cm_arena_clear(struct cm_arena *a);
/* Copies a whole arena (sizes equal). */
void cm_arena_copy(struct cm_arena *dst, const struct cm_arena *src);
/* The chunk c of a fresh slow path: resets it when stale (own arena) or copies it into the
 * overlay (shared arena). */
unsigned char *cm_chunk_slow(struct kcb_cm *m, size_t c);
/* Prepares the overlay for a call of n bytes over m->shared; 0 or KCB_ENOMEM; sets
 * *fits to 0 when the overlay would be too large (then copy the arena instead). */
int cm_overlay_begin(struct kcb_cm *m, size_t n, int *fits);
void cm_overlay_free(struct cm_overlay *o);

/* The chunk c, valid for this call. */
static inline unsigned char *cm_chunk(struct kcb_cm *m, size_t c)
{
    if (!m->shared && m->ar.stamp[c] == m->ar.cur)
        return m->ar.mem + c * CM_CHUNK;
    return cm_chunk_slow(m, c);
}

/* model.c */
/* Resets the model for a call over buf (from scratch, or from primed p). */
int cm_model_begin(struct kcb_cm *m, const struct kcb_cm_primed *p, const unsigned char *buf,
                   size_t n);
/* Computes m->pr, P(next bit = 1) in 1..65535. */
void cm_predict(struct kcb_cm *m);
/* Learns bit y and moves to the next bit. */
void cm_update(struct kcb_cm *m, int y);
/* The byte c is done: history, contexts, and the next byte's first slots. */
void cm_byte_end(struct kcb_cm *m, int c);

/* context.c */
/* After a byte: history, context hashes, match model. */
void cm_byte_update(struct kcb_cm *m, int c);
/* Finds the slots of every context for the nibble that starts now. */
void cm_nibble(struct kcb_cm *m);
/* Starts loading the chunks of every possible next nibble (2^(4 - bitpos) of them). */
void cm_nibble_prefetch(struct kcb_cm *m);
/* Starts loading the chunks of every possible next byte (2^(8 - bitpos) of them). */
void cm_byte_prefetch(struct kcb_cm *m);
/* Sets x[0..1], the match model's two mixer inputs for this bit (0 without a match). */
void cm_match_inputs(struct kcb_cm *m, int *x);
/* The byte at absolute position i of the history. */
static inline int cm_hist(const struct kcb_cm *m, uint64_t i)
{
    return i < m->dn ? m->dict[i] : m->buf[i - m->dn];
}

/* coder.c */
struct cm_enc {
    uint32_t x1, x2;
    unsigned char *out;
    size_t n, cap;
    int full;
};
struct cm_dec {
    uint32_t x1, x2, x;
    const unsigned char *in;
    size_t n, at;
};
void cm_enc_init(struct cm_enc *e, void *dst, size_t cap);
void cm_enc_bit(struct cm_enc *e, int y, int p);
void cm_enc_flush(struct cm_enc *e);
void cm_dec_init(struct cm_dec *d, const void *src, size_t n);
int cm_dec_bit(struct cm_dec *d, int p);

#endif
