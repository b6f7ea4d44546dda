/* lib/school: what the examples share: their names, claims and rules, verdicts, run options. */
#ifndef KCB_LESSON_H
#define KCB_LESSON_H

#include <stddef.h>
#include <stdint.h>

#include "kcb/parallel.h"
#include "kcb/spec.h"

/* The examples, in the order of the slides. */
enum kcb_example_id {
    KCB_EX_COIN,           /* coin-flips */
    KCB_EX_INCOMPRESSIBLE, /* incompressible */
    KCB_EX_CONCAT,         /* concatenation */
    KCB_EX_LEARNING,       /* compression-is-learning */
    KCB_EX_LEARNABLE,      /* compressible-is-learnable */
    KCB_EX_NFL,            /* no-free-lunch */
    KCB_EX_BEST,           /* best-compressor */
    KCB_NEXAMPLES
};

/* An example: its name on the command line, the slide's claim in one line, and the rule that
 * turns its measurements into a verdict (static storage). */
struct kcb_example {
    const char *name;
    const char *claim;
    const char *rule;
};

/* Returns example id (id < KCB_NEXAMPLES). */
const struct kcb_example *kcb_example(enum kcb_example_id id);

/* Returns the id of the example called name, or -1. */
int kcb_example_find(const char *name);

/* What a rule concludes. */
enum kcb_verdict {
    KCB_VERDICT_HOLDS,    /* the claim holds on every measurement the rule looks at */
    KCB_VERDICT_FAILS,    /* it does not */
    KCB_VERDICT_HOLDS_IF, /* it holds only under the condition the finding names */
};

/* Returns "holds", "fails" or "holds only if" (static storage). */
const char *kcb_verdict_name(enum kcb_verdict v);

#define KCB_FINDING_TEXT 1024

/* The verdict of one run of an example, with the words that explain it. */
struct kcb_finding {
    enum kcb_verdict verdict;
    char condition[KCB_FINDING_TEXT]; /* KCB_VERDICT_HOLDS_IF: the condition; "" otherwise */
    char evidence[KCB_FINDING_TEXT];  /* the numbers the verdict rests on, in one sentence */
    char data[KCB_FINDING_TEXT];      /* what was measured: inputs, sources and sizes */
};

/* Sets f's verdict and condition (printf-style; NULL: none). */
void kcb_finding_set(struct kcb_finding *f, enum kcb_verdict v, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* The verdict of a rule that must hold in each of `of` cases, `ok` of which it does: holds
 * when every one does (of > 0), holds only if the printf-style condition when some do,
 * fails when none does. */
void kcb_finding_by_count(struct kcb_finding *f, size_t ok, size_t of, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

/* Appends printf-style text to one of f's texts (a buffer of KCB_FINDING_TEXT bytes); text
 * that does not fit is cut. */
void kcb_finding_add(char *text, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* How the examples run. */
struct kcb_school_opts {
    const struct kcb_spec *specs; /* the compressors, at least one; the first is the reference
                                     (of Jiang et al.'s gzip kNN when it is gzip:9) */
    size_t nspecs;
    uint64_t seed;                /* every generated input and every sample comes from it */
    size_t threads;               /* 0: all cores; results never depend on it */
    const char *data;             /* the directory of the real datasets, or NULL: built-in only */
    /* Optional: a neighbour search starts (what: "r8 gzip:9"), each item costing scale pairs;
     * then progress reports its items done. */
    void (*stage)(void *arg, const char *what, double scale);
    kcb_progress_fn progress;
    void *arg;
    const kcb_cancel_flag *cancel; /* optional: stops the searches (KCB_ECANCELED) */
};

/*
 * The state the examples share: the options, and the learning sets of compression-is-learning
 * (built-in, and R8 when the data is there) with every compressor's neighbours, which
 * no-free-lunch and best-compressor read again rather than search twice.
 */
typedef struct kcb_school kcb_school;

/* Creates the state for o (borrowed, with what it points to, until kcb_school_free): 0,
 * KCB_EINVAL (no compressor) or KCB_ENOMEM. */
int kcb_school_new(const struct kcb_school_opts *o, kcb_school **out);

/* Frees s; accepts NULL. */
void kcb_school_free(kcb_school *s);

/* Returns the options s runs with. */
const struct kcb_school_opts *kcb_school_opts(const kcb_school *s);

#endif
