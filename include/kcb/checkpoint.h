/* lib/learn: eval's checkpoint file: the neighbours of each test item finished, one checksummed record each, appended durably. */
#ifndef KCB_CHECKPOINT_H
#define KCB_CHECKPOINT_H

#include <stddef.h>

#include "kcb/knn.h"
#include "kcb/shard.h"

/*
 * A checkpoint is a text file of lines, each ending in a tab, the CRC-32 of what precedes
 * the tab (8 lowercase hex digits) and a newline:
 *
 *   kcbench eval checkpoint 1 NTRAIN NTEST NSPECS K IDENTITY<TAB>CRC     the header
 *   S I IDX D IDX D ...<TAB>CRC                                          one per record
 *
 * IDENTITY names everything the records depend on (the caller's text: options and data);
 * a record holds the K neighbours of test item I (0-based, of the whole run's test set)
 * under compressor S: training row IDX (4294967295 for none) at distance D (17
 * significant digits, "inf" for none), as struct kcb_nb. The header is written and synced
 * before the file appears under its name; records are appended and synced in groups, so a
 * crash can leave at most the last line cut short, which reading detects and drops.
 */
#define KCB_CKPT_VERSION 1

typedef struct kcb_ckpt kcb_ckpt;

/* What opening a checkpoint found. */
struct kcb_ckpt_found {
    size_t records; /* records read back (and marked in done) */
    int created;    /* there was no checkpoint (no file, or an empty one): it was created */
    size_t torn;    /* lines dropped at its end: the first cut short or failing its
                       checksum, and any after it (a write that did not finish) */
    char *ident;    /* another run's checkpoint: its IDENTITY (caller frees); else NULL */
};

/*
 * Opens the checkpoint at path for the run named by ident (one line of text without tab or
 * newline) whose neighbours part p holds (its ntrain, ntest, nspecs and k), and locks it
 * against a second run. A missing or empty file is created with only the header. An
 * existing one must be a checkpoint of the same identity and sizes: each of its records is
 * copied into p->nb and marked in done (nspecs * ntest bytes, done[s * ntest + i] = 1, the
 * caller zeroes it); a torn end (found->torn) is dropped and cut off the file. Returns 0 with *out
 * set; KCB_EINVAL (path is not a regular file, or is in use by another run: why says);
 * KCB_EFORMAT (not a checkpoint, another version, damaged before its last line, or of
 * another run: found->ident is then set; why says which); KCB_EIO (errno set) or
 * KCB_ENOMEM.
 */
int kcb_ckpt_open(const char *path, const char *ident, struct kcb_part *p, unsigned char *done,
                  kcb_ckpt **out, struct kcb_ckpt_found *found, char *why, size_t len);

/* Adds the record of test item i under compressor s (nb: the part's k neighbours) to those
 * the next kcb_ckpt_sync writes: 0, KCB_EINVAL (s or i out of range) or KCB_ENOMEM. */
int kcb_ckpt_add(kcb_ckpt *c, size_t s, size_t i, const struct kcb_nb *nb);

/* Appends the records added since the last sync and syncs the file: once it returns 0 they
 * survive a crash. On KCB_EIO (errno set) the file is cut back to the records synced before,
 * and the records added are dropped. */
int kcb_ckpt_sync(kcb_ckpt *c);

/* Closes c (accepts NULL); records added but not synced are lost. When remove is set the
 * file is deleted: 0, or KCB_EIO (errno set) when that failed. */
int kcb_ckpt_close(kcb_ckpt *c, int remove);

#endif
