/* cli: eval --checkpoint: the test items finished kept in a file, so that an interrupted run resumes. */
#ifndef KCB_CLI_EVAL_CHECKPOINT_H
#define KCB_CLI_EVAL_CHECKPOINT_H

#include "eval.h"
#include "kcb/checkpoint.h"

/* A run's checkpoint (lib/learn's file, and what it holds); all zero without --checkpoint. */
struct kcb_eval_ckpt {
    const char *cmd, *path;
    kcb_ckpt *file;
    unsigned char *done; /* nspecs * ntest: 1 where the file holds the neighbours */
    size_t ntest;
    size_t items;        /* test items the run computes (its shard's) */
    size_t need, saved;  /* results the run needs (items x compressors), and those saved */
    double every;        /* seconds of work between two syncs */
    int failed, err;     /* writing the file failed, with this errno */
};

/*
 * Opens o->checkpoint for the run of part p (its sizes and items set) on the sets of digests
 * train_digest and test_digest: a new file, or one of this very run, whose results are then
 * copied into p->nb (noted on stderr). A checkpoint of other options or data is refused with
 * one line naming what differs. Returns an exit status, having printed its error.
 */
int kcb_eval_ckpt_open(const char *cmd, const struct kcb_eval_opts *o, const char *train_digest,
                       const char *test_digest, struct kcb_part *p, struct kcb_eval_ckpt *ck);

/* Whether the neighbours of test item i under compressor s were restored (0 without one). */
int kcb_eval_ckpt_has(const struct kcb_eval_ckpt *ck, size_t s, size_t i);

/*
 * kcb_eval_search for compressor s, whose job item j is test item at[j] of the run. With a
 * checkpoint the items go in batches of about ck->every seconds, each batch's results
 * appended and synced once it is done; progress counts the items restored as done. Returns
 * 0 or kcb_err; KCB_EIO with ck->failed set when writing the checkpoint failed.
 */
int kcb_eval_ckpt_search(struct kcb_eval_ckpt *ck, const struct kcb_eval_opts *o,
                         const struct kcb_knn_job *job, const int *label, size_t nlabels,
                         size_t s, const size_t *at, struct kcb_nb *nb);

/* Prints the error rc of searching what: about the checkpoint when writing it failed.
 * Returns the exit status. */
int kcb_eval_ckpt_err(const struct kcb_eval_ckpt *ck, int rc, const char *what);

/* What an interrupted run adds to its note: "" without a checkpoint, else how many results
 * it holds and that the same command resumes (in buf). */
const char *kcb_eval_ckpt_status(const struct kcb_eval_ckpt *ck, char *buf, size_t len);

/* Ends the run's use of the checkpoint: when rc is 0 (every output written in full) the file
 * is removed; otherwise it is kept for the next run. Returns rc. Accepts a zeroed ck. */
int kcb_eval_ckpt_end(struct kcb_eval_ckpt *ck, int rc);

#endif
