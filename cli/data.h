/* Loading labelled datasets for the classification commands, with errors printed (commands only). */
#ifndef KCB_CMD_DATA_H
#define KCB_CMD_DATA_H

#include <stddef.h>
#include <stdint.h>

#include "kcb/dataset.h"

/*
 * Loads path as a labelled dataset, printing "kcbench CMD: FILE:LINE: reason" on failure and
 * a one-line warning for rows skipped under skip_bad. labels may be NULL or shared. Returns an
 * exit code; *out set on success.
 */
int kcb_cmd_load(const char *cmd, const char *path, enum kcb_informat f, int skip_bad,
                 struct kcb_labels *labels, struct kcb_dataset **out);

/* Parses a --input-format value, printing the error. Returns an exit code. */
int kcb_cmd_informat(const char *cmd, const char *text, enum kcb_informat *out);

/* Parses "1,2,3,5" into ascending unique ks (at most max of them, each 1..1024); prints errors. */
int kcb_cmd_klist(const char *cmd, const char *text, size_t *ks, size_t max, size_t *nk);

/* Keeps a stratified, seeded sample of want texts of d (all of them when want is 0 or at
 * least d->n). Prints its error; returns an exit code. */
int kcb_cmd_sample(const char *cmd, struct kcb_dataset *d, size_t want, uint64_t seed);

/*
 * Loads value, "TRAIN,TEST" as given to option opt, with one label table shared by both
 * (caller owns *labels, *train, *test); test_sample > 0 keeps a stratified sample of that many
 * test texts (seed 1). Prints errors; returns an exit code.
 */
int kcb_cmd_load_split(const char *cmd, const char *opt, const char *value, size_t test_sample,
                       struct kcb_labels **labels, struct kcb_dataset **train,
                       struct kcb_dataset **test);

#endif
