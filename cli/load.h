/* cli: loading what commands read: named inputs (files, directories, corpora, strings) and datasets. */
#ifndef KCB_CLI_LOAD_H
#define KCB_CLI_LOAD_H

#include <stddef.h>
#include <stdint.h>

#include "kcb/blob.h"
#include "kcb/dataset.h"

/* One named input held in memory. */
struct kcb_input {
    char *name;          /* how outputs label it (owned) */
    char *path;          /* where it came from, for messages (owned) */
    unsigned char *data; /* owned, or borrowed for a string */
    size_t n;
    int owned;
};

/* A list of inputs, in the order they were added. Zero-initialise; free with kcb_inputs_free(). */
struct kcb_inputs {
    struct kcb_input *v;
    size_t n;
    int stdin_used; /* '-' may be read once */
};

void kcb_inputs_free(struct kcb_inputs *in);

/* Each of the following prints its own one-line error and returns an exit status. */

/* Adds the file at path ("-": standard input, once), named name (NULL: the path itself). */
int kcb_inputs_file(const char *cmd, struct kcb_inputs *in, const char *path, const char *name);

/* Adds every regular file of dir, in name order, each named by its file name. */
int kcb_inputs_dir(const char *cmd, struct kcb_inputs *in, const char *dir);

/* Adds a file, or every file of a directory (kcb_inputs_dir), named by file name. */
int kcb_inputs_path(const char *cmd, struct kcb_inputs *in, const char *path);

/* Adds s (borrowed) as an input named name. */
int kcb_inputs_string(const char *cmd, struct kcb_inputs *in, const char *s, const char *name);

/* Adds one corpus: a file; a directory, its files concatenated in name order; or FILE:LABEL,
 * the texts of one class of a labelled dataset joined by newlines. */
int kcb_inputs_corpus(const char *cmd, struct kcb_inputs *in, const char *arg);

/* Returns the inputs as borrowed byte strings (caller frees the array), or NULL. */
struct kcb_blob *kcb_inputs_blobs(const struct kcb_inputs *in);

/* Loads a labelled dataset (see kcb_dataset_load), printing "FILE:LINE: reason" on failure and
 * a warning for rows skipped under skip_bad. */
int kcb_load_dataset(const char *cmd, const char *path, enum kcb_informat f, int skip_bad,
                     struct kcb_labels *labels, struct kcb_dataset **out);

/* Loads "TRAIN,TEST" given to option opt, with one label table for both (caller owns all
 * three); test_sample > 0 keeps a stratified sample of that many test texts (seed 1). */
int kcb_load_split(const char *cmd, const char *opt, const char *value, size_t test_sample,
                   struct kcb_labels **labels, struct kcb_dataset **train,
                   struct kcb_dataset **test);

/* Keeps a stratified, seeded sample of want texts of d (all when want is 0 or >= d->n). */
int kcb_sample_texts(const char *cmd, struct kcb_dataset *d, size_t want, uint64_t seed);

/* Writes the name of the dataset at path into buf: its folder (../datasets/r8/train.tsv is
 * r8), or the file name without its extension when the folder is . or .. or absent. */
void kcb_dataset_name(const char *path, char *buf, size_t len);

#endif
