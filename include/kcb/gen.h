/* lib/gen: deterministic built-in corpora from a seed: random, repetitive and Markov text, labelled sets. */
#ifndef KCB_GEN_H
#define KCB_GEN_H

#include <stddef.h>
#include <stdint.h>

#include "kcb/rng.h"

/*
 * Determinism: every generator here is a pure function of its arguments. The same seed and
 * parameters give byte-identical output on every run, compiler and machine: the PRNG is our
 * own (splitmix64 seeding xoshiro256**), bytes are taken from its words by shifts (not by
 * memory order), and everything that decides an output byte uses integer arithmetic only
 * (no rand(), no floating point). Independent outputs draw from independent streams derived
 * from (seed, purpose, indices), so adding one output never shifts another.
 */

/* Fills out[0..n) with uniformly random bytes; a shorter output is a prefix of a longer one. */
void kcb_gen_random(uint64_t seed, unsigned char *out, size_t n);

/* The 27 symbols of random text: a-z and space (log2 27 = 4.75 bits per character). */
#define KCB_GEN_TEXT_ALPHABET "abcdefghijklmnopqrstuvwxyz "

/* Fills out[0..n) with symbols drawn uniformly from KCB_GEN_TEXT_ALPHABET. */
void kcb_gen_random_text(uint64_t seed, unsigned char *out, size_t n);

/* Fills out[0..n) with pat (plen bytes) repeated, the last copy cut at n: 0, or KCB_EINVAL
 * when plen is 0 and n is not. "001" to 45 bytes is "001" x 15. */
int kcb_gen_repeat(const void *pat, size_t plen, unsigned char *out, size_t n);

/* Markov orders a source's character model can have. */
#define KCB_GEN_ORDER_MIN 1
#define KCB_GEN_ORDER_MAX 4

/*
 * A source: a synthetic language defined entirely by (seed, id). It has its own letter
 * weights and syllable shapes, a vocabulary of pseudo-words made from them with Zipf-like
 * frequencies, preferred word successors, sentence lengths and punctuation habits. From a
 * long training text written in that word model it counts k-gram -> next-character
 * transitions; its texts are sampled from those integer counts (an order-k Markov chain).
 * Texts of one source share its statistics, so they compress better together than texts of
 * two sources do. Read-only after creation: several threads may draw texts from one source.
 */
typedef struct kcb_source kcb_source;

/* Builds source id of seed with an order-k character model (k in [1, 4]): 0, KCB_EINVAL or
 * KCB_ENOMEM. Caller owns *out; free with kcb_source_free() (accepts NULL). */
int kcb_source_new(uint64_t seed, uint32_t id, int order, kcb_source **out);

void kcb_source_free(kcb_source *s);

/* Bytes a source name needs, with its NUL. */
#define KCB_GEN_NAME_SIZE 7

/* Writes the pronounceable name of source id of seed into out: six lower-case letters,
 * distinct for the ids of one seed below 343000. Cheap: builds no model. */
void kcb_gen_source_name(uint64_t seed, uint32_t id, char out[KCB_GEN_NAME_SIZE]);

/* Returns the source's name (as kcb_gen_source_name gives it); valid as long as s is. */
const char *kcb_source_name(const kcb_source *s);

/*
 * Fills out[0..n) with text number index of source s: words, spaces, commas, sentences
 * ending in . ? or !, and newlines between paragraphs, starting at a sentence start.
 * Different indices give different texts. Returns 0 (or KCB_ECORRUPT if the model were
 * inconsistent, which construction rules out).
 */
int kcb_source_text(const kcb_source *s, uint64_t index, unsigned char *out, size_t n);

/* One-shot kcb_source_new + kcb_source_text + kcb_source_free: 0 or kcb_err. */
int kcb_gen_markov(uint64_t seed, uint32_t id, int order, uint64_t index, unsigned char *out,
                   size_t n);

/* Parameters of a labelled dataset. */
struct kcb_gen_labelled {
    uint64_t seed;
    size_t sources; /* classes, >= 1; each a kcb_source with ids 0..sources-1 */
    size_t docs;    /* documents per class, >= 2; the last max(1, docs/5) go to test */
    size_t length;  /* mean document length, >= 1; each is within length ± length/4 */
    int order;      /* Markov order of every source, in [1, 4] */
};

/* A labelled dataset as two TSV texts of "label<TAB>text\n" lines. */
struct kcb_gen_tsv {
    char *train, *test; /* owned; not NUL-terminated, ntrain/ntest bytes */
    size_t ntrain, ntest;
};

/*
 * Writes a labelled dataset into out: one line per document, labels being the sources'
 * names, lines in a seeded shuffled order. Texts hold no tab or newline (paragraph breaks
 * become spaces) and never start or end with a space. Returns 0, KCB_EINVAL, KCB_ERANGE
 * (too large) or KCB_ENOMEM. Caller owns out's buffers; free with kcb_gen_tsv_free().
 */
int kcb_gen_labelled(const struct kcb_gen_labelled *p, struct kcb_gen_tsv *out);

/* Frees out's buffers and zeroes it; accepts a zeroed value. */
void kcb_gen_tsv_free(struct kcb_gen_tsv *out);

/* One generated file: a name (no directory) and its bytes. */
struct kcb_gen_file {
    char name[48];
    unsigned char *data; /* owned */
    size_t n;
};

/* A list of generated files. */
struct kcb_gen_files {
    struct kcb_gen_file *v;
    size_t n;
};

/*
 * Makes the sample set for an NCD matrix: x1_001x15.txt ("001" x 15, 45 bytes),
 * random_45.bin (45 random bytes), and with size bytes each: repeat_001.txt,
 * repeat_hello.txt, random.bin, random_text.txt and two texts of each of three order-k
 * sources (markov_NAME_1.txt, markov_NAME_2.txt). Returns 0, KCB_EINVAL or KCB_ENOMEM.
 * Caller owns out; free with kcb_gen_files_free().
 */
int kcb_gen_samples(uint64_t seed, size_t size, int order, struct kcb_gen_files *out);

/* Frees the files' data and the list, and zeroes it; accepts a zeroed value. */
void kcb_gen_files_free(struct kcb_gen_files *f);

#endif
