/* cli: loading what commands read: named inputs (files, directories, corpora, strings) and datasets. */
#ifndef KCB_CLI_LOAD_H
#define KCB_CLI_LOAD_H

#include <stddef.h>
#include <stdint.h>

#include "kcb/blob.h"
#include "dataopts.h"
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

/* Loads a labelled dataset as o says (NULL: the defaults; see kcb_dataset_load), printing
 * "FILE:LINE: reason" on failure (an input error, or a usage error for options the file
 * cannot take), and a warning for rows skipped under --skip-bad and for a header row that
 * --header auto detected and skipped. A set whose labels are mostly unique is refused with a
 * hint at --columns and --allow-unique-labels. */
int kcb_load_dataset(const char *cmd, const char *path, const struct kcb_dataopts *o,
                     struct kcb_labels *labels, struct kcb_dataset **out);

/* Loads "TRAIN,TEST" given to option opt, both as o says (NULL: the defaults), with one label
 * table for both (caller owns all three); test_sample > 0 keeps a stratified sample of that
 * many test texts (seed 1). */
int kcb_load_split(const char *cmd, const char *opt, const char *value,
                   const struct kcb_dataopts *o, size_t test_sample, struct kcb_labels **labels,
                   struct kcb_dataset **train, struct kcb_dataset **test);

/* Keeps a stratified, seeded sample of want texts of d (all when want is 0 or >= d->n), the
 * labels taken in the order they first appear in d: the sample depends on d alone. */
int kcb_sample_texts(const char *cmd, struct kcb_dataset *d, size_t want, uint64_t seed);

/* Writes the name of the dataset at path into buf: its folder (../datasets/r8/train.tsv is
 * r8), or the file name without its extension when the folder is . or .. or absent. */
void kcb_dataset_name(const char *path, char *buf, size_t len);

/* ---- inputs named on the command line (ncd) ---- */

/* Adds a file named by its path as given ("-": standard input, once), or every regular file
 * of a directory in name order, hidden files skipped, each named by its file name; a
 * directory without files is an input error. */
int kcb_inputs_arg(const char *cmd, struct kcb_inputs *in, const char *path);

/* Adds the inputs listed in the file at list ("-": standard input, once), one path per line
 * as for kcb_inputs_arg: a trailing CR is dropped, lines that are empty or only blanks and
 * lines starting with '#' are skipped, and relative paths are taken from the current
 * directory. A list without paths is an input error; a path that cannot be read is named
 * with the list's file and line. */
int kcb_inputs_list(const char *cmd, struct kcb_inputs *in, const char *list);

/* Longest string that labels itself (kcb_string_label), in bytes. */
#define KCB_STRING_LABEL_MAX 16

/* Writes the label of the n-th literal string s (n from 1) into buf (at least 24 bytes): s
 * itself when it is 1 to KCB_STRING_LABEL_MAX bytes of printable text (valid UTF-8 without
 * control characters) and not of the form "s" and digits, otherwise "sN". */
void kcb_string_label(const char *s, size_t n, char *buf, size_t len);

#endif
