/* Loading inputs and labelled datasets for the commands, each failure printed as one line. */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"
#include "kcb/err.h"
#include "kcb/io.h"
#include "kcb/sample.h"
#include "kcb/text.h"
#include "load.h"

void kcb_inputs_free(struct kcb_inputs *in)
{
    for (size_t i = 0; i < in->n; i++) {
        free(in->v[i].name);
        free(in->v[i].path);
        if (in->v[i].owned)
            free(in->v[i].data);
    }
    free(in->v);
    *in = (struct kcb_inputs){0};
}

/* Appends an empty input with copies of name and path: 0 or -1 (no memory). */
static int push_input(struct kcb_inputs *in, const char *name, const char *path)
{
    struct kcb_input *v = realloc(in->v, (in->n + 1) * sizeof *v);
    if (!v)
        return -1;
    in->v = v;
    v[in->n] = (struct kcb_input){strdup(name), strdup(path), NULL, 0, 1};
    in->n++;
    return v[in->n - 1].name && v[in->n - 1].path ? 0 : -1;
}

/* The last component of path without trailing slashes, as a new string (NULL: no memory). */
static char *base_name(const char *path)
{
    size_t end = strlen(path);
    while (end > 1 && path[end - 1] == '/')
        end--;
    size_t start = end;
    while (start > 0 && path[start - 1] != '/')
        start--;
    return strndup(path + start, end - start);
}

int kcb_inputs_file(const char *cmd, struct kcb_inputs *in, const char *path, const char *name)
{
    if (strcmp(path, "-") == 0 && in->stdin_used++)
        return kcb_usage_err(cmd, "standard input ('-') can be given only once");
    if (push_input(in, name ? name : path, path))
        return kcb_fail(cmd, "out of memory");
    struct kcb_input *x = &in->v[in->n - 1];
    int rc = kcb_read_file(path, &x->data, &x->n);
    return rc ? kcb_lib_err(cmd, rc, "%s", path) : KCB_EXIT_OK;
}

int kcb_inputs_dir(const char *cmd, struct kcb_inputs *in, const char *dir)
{
    char **paths, *bad;
    size_t n;
    int rc = kcb_list_dir(dir, KCB_LIST_FILES, &paths, &n, &bad);
    if (rc) {
        rc = kcb_lib_err(cmd, rc, "%s", bad ? bad : dir);
        free(bad);
        return rc;
    }
    for (size_t i = 0; !rc && i < n; i++)
        rc = kcb_inputs_file(cmd, in, paths[i], strrchr(paths[i], '/') + 1);
    kcb_list_free(paths, n);
    return rc;
}

int kcb_inputs_path(const char *cmd, struct kcb_inputs *in, const char *path)
{
    if (kcb_is_dir(path))
        return kcb_inputs_dir(cmd, in, path);
    char *name = base_name(path);
    int rc = name ? kcb_inputs_file(cmd, in, path, *name ? name : path)
                  : kcb_fail(cmd, "out of memory");
    free(name);
    return rc;
}

int kcb_inputs_string(const char *cmd, struct kcb_inputs *in, const char *s, const char *name)
{
    if (push_input(in, name, name))
        return kcb_fail(cmd, "out of memory");
    struct kcb_input *x = &in->v[in->n - 1];
    x->data = (unsigned char *)(uintptr_t)s;
    x->n = strlen(s);
    x->owned = 0;
    return KCB_EXIT_OK;
}

/* Appends p[0..n) to x's data, after a newline when newline is set and x is not empty. */
static int append(struct kcb_input *x, const void *p, size_t n, int newline)
{
    unsigned char *d = realloc(x->data, x->n + n + 2);
    if (!d)
        return -1;
    x->data = d;
    if (newline && x->n)
        x->data[x->n++] = '\n';
    memcpy(x->data + x->n, p, n);
    x->n += n;
    return 0;
}

/* A directory's files concatenated in name order, as one input named after the directory. */
static int dir_corpus(const char *cmd, struct kcb_inputs *in, const char *dir)
{
    struct kcb_inputs files = {0};
    char *name = base_name(dir);
    int rc = name ? kcb_inputs_dir(cmd, &files, dir) : kcb_fail(cmd, "out of memory");
    if (!rc && files.n == 0)
        rc = kcb_io_err(cmd, "%s: no files in this directory", dir);
    if (!rc && push_input(in, name, dir))
        rc = kcb_fail(cmd, "out of memory");
    for (size_t i = 0; !rc && i < files.n; i++)
        if (append(&in->v[in->n - 1], files.v[i].data, files.v[i].n, 0))
            rc = kcb_fail(cmd, "out of memory");
    free(name);
    kcb_inputs_free(&files);
    return rc;
}

/* The texts labelled label of the dataset at path, joined by newlines, named "DATASET:LABEL". */
static int class_corpus(const char *cmd, struct kcb_inputs *in, const char *path,
                        const char *label)
{
    struct kcb_dataset *d;
    char name[256];
    struct kcb_dataopts o = {.load = {.allow_unique_labels = 1}}; /* a class may be one text */
    int rc = kcb_load_dataset(cmd, path, &o, NULL, &d);
    if (rc)
        return rc;
    int id = kcb_labels_find(d->labels, label, strlen(label));
    kcb_dataset_name(path, name, sizeof name);
    snprintf(name + strlen(name), sizeof name - strlen(name), ":%s", label);
    if (id < 0)
        rc = kcb_io_err(cmd, "%s: no texts labelled '%s'", path, label);
    else if (push_input(in, name, path))
        rc = kcb_fail(cmd, "out of memory");
    for (size_t i = 0; !rc && i < d->n; i++)
        if (d->label[i] == id && append(&in->v[in->n - 1], d->text[i].p, d->text[i].n, 1))
            rc = kcb_fail(cmd, "out of memory");
    kcb_dataset_free(d);
    return rc;
}

int kcb_inputs_corpus(const char *cmd, struct kcb_inputs *in, const char *arg)
{
    struct stat st;
    const char *colon = strrchr(arg, ':');
    if (stat(arg, &st) != 0 && colon && colon[1]) {
        char *path = strndup(arg, (size_t)(colon - arg));
        int rc = path ? class_corpus(cmd, in, path, colon + 1) : kcb_fail(cmd, "out of memory");
        free(path);
        return rc;
    }
    return kcb_is_dir(arg) ? dir_corpus(cmd, in, arg) : kcb_inputs_path(cmd, in, arg);
}

struct kcb_blob *kcb_inputs_blobs(const struct kcb_inputs *in)
{
    struct kcb_blob *x = malloc((in->n ? in->n : 1) * sizeof *x);
    for (size_t i = 0; x && i < in->n; i++)
        x[i] = (struct kcb_blob){in->v[i].data, in->v[i].n};
    return x;
}

/* ---- labelled datasets ---- */

/* The one line for the failed load of path; returns the exit status. */
static int load_failed(const char *cmd, const char *path, int rc, const struct kcb_diag *diag)
{
    if (rc == KCB_EIO) /* for a directory, diag.msg names the file inside it that failed */
        return kcb_io_err(cmd, "%s: %s", diag->msg[0] ? diag->msg : path, strerror(errno));
    if (rc == KCB_ENOMEM)
        return kcb_fail(cmd, "%s: out of memory", path);
    if (rc == KCB_ECHANGED) /* for a directory, diag.msg names the file */
        return kcb_io_err(cmd, "%s: %s; read it again once it is complete",
                          diag->msg[0] ? diag->msg : path, kcb_strerror(rc));
    char at[32] = "";
    const char *msg = diag->msg[0] ? diag->msg : kcb_strerror(rc);
    if (diag->line > 0)
        snprintf(at, sizeof at, ":%ld", diag->line);
    if (rc == KCB_EINVAL)
        return kcb_usage_err(cmd, "%s%s: %s", path, at, msg);
    if (!diag->unique)
        return kcb_io_err(cmd, "%s%s: %s", path, at, msg);
    if (diag->fields >= 2)
        return kcb_io_err(cmd, "%s%s: %s; if the columns are the other way round, --columns %s "
                          "reads them; --allow-unique-labels accepts such labels", path, at, msg,
                          diag->fields == 2 ? "label=2,text=1" : "label=N,text=M");
    return kcb_io_err(cmd, "%s%s: %s; --allow-unique-labels accepts such labels", path, at, msg);
}

int kcb_load_dataset(const char *cmd, const char *path, const struct kcb_dataopts *o,
                     struct kcb_labels *labels, struct kcb_dataset **out)
{
    static const struct kcb_dataopts defaults;
    struct kcb_diag diag;
    if (!o)
        o = &defaults;
    if (kcb_columns_named(&o->load.columns) && o->load.header == KCB_HEADER_NO)
        return kcb_usage_err(cmd, "--columns names columns of the header row, and --header no "
                             "says there is none");
    int rc = kcb_dataset_load(path, &o->load, labels, out, &diag);
    if (rc)
        return load_failed(cmd, path, rc, &diag);
    if (diag.skipped && diag.first_skipped_line)
        kcb_warn(cmd, "%s: skipped %zu malformed row%s (first at line %ld: %s)", path,
                 diag.skipped, diag.skipped == 1 ? "" : "s", diag.first_skipped_line, diag.msg);
    else if (diag.skipped) /* a directory: the message names the document */
        kcb_warn(cmd, "%s: skipped %zu malformed document%s (first: %s)", path, diag.skipped,
                 diag.skipped == 1 ? "" : "s", diag.msg);
    if (diag.header_detected)
        kcb_warn(cmd, "%s:%ld: skipped a header row (%s); --header no reads it as data", path,
                 diag.header_line, diag.header_why);
    return KCB_EXIT_OK;
}

int kcb_sample_texts(const char *cmd, struct kcb_dataset *d, size_t want, uint64_t seed)
{
    if (!want || want >= d->n)
        return KCB_EXIT_OK;
    unsigned char *keep = malloc(d->n);
    if (!keep || kcb_sample_stratified_own(d->label, d->n, d->labels->n, want, seed, keep)) {
        free(keep);
        return kcb_fail(cmd, "out of memory");
    }
    kcb_dataset_filter(d, keep);
    free(keep);
    return KCB_EXIT_OK;
}

int kcb_load_split(const char *cmd, const char *opt, const char *value,
                   const struct kcb_dataopts *o, size_t test_sample, struct kcb_labels **labels,
                   struct kcb_dataset **train, struct kcb_dataset **test)
{
    const char *comma = strchr(value, ',');
    if (!comma || comma == value || !comma[1])
        return kcb_usage_err(cmd, "%s %s: expected TRAIN,TEST", opt, value);
    char *first = strndup(value, (size_t)(comma - value));
    int rc = first && !kcb_labels_new(labels) ? KCB_EXIT_OK : kcb_fail(cmd, "out of memory");
    if (!rc)
        rc = kcb_load_dataset(cmd, first, o, *labels, train);
    if (!rc)
        rc = kcb_load_dataset(cmd, comma + 1, o, *labels, test);
    if (!rc)
        rc = kcb_sample_texts(cmd, *test, test_sample, 1);
    free(first);
    return rc;
}

void kcb_dataset_name(const char *path, char *buf, size_t len)
{
    const char *slash = strrchr(path, '/');
    if (slash && slash > path) { /* parent directory: ../datasets/r8/train.tsv -> r8 */
        const char *start = slash - 1;
        while (start > path && start[-1] != '/')
            start--;
        snprintf(buf, len, "%.*s", (int)(slash - start), start);
        if (strcmp(buf, ".") && strcmp(buf, ".."))
            return;
    }
    const char *base = slash ? slash + 1 : path;
    const char *dot = strrchr(base, '.');
    snprintf(buf, len, "%.*s", (int)(dot && dot > base ? dot - base : (long)strlen(base)), base);
}

/* ---- inputs named on the command line (ncd) ---- */

int kcb_inputs_arg(const char *cmd, struct kcb_inputs *in, const char *path)
{
    if (strcmp(path, "-") == 0 || !kcb_is_dir(path))
        return kcb_inputs_file(cmd, in, path, NULL);
    size_t before = in->n;
    int rc = kcb_inputs_dir(cmd, in, path);
    if (!rc && in->n == before)
        rc = kcb_io_err(cmd, "%s: no files in this directory", path);
    return rc;
}

/* Whether line[0..n) holds nothing but blanks. */
static int blank(const char *line, size_t n)
{
    while (n && (line[n - 1] == ' ' || line[n - 1] == '\t'))
        n--;
    return n == 0;
}

/* Adds the path on line number no of list, checked first so that the error names the line. */
static int list_entry(const char *cmd, struct kcb_inputs *in, const char *list, long no,
                      char *path)
{
    struct stat st;
    if (strcmp(path, "-") != 0 && stat(path, &st) != 0)
        return kcb_io_err(cmd, "%s:%ld: %s: %s", list, no, path, strerror(errno));
    return kcb_inputs_arg(cmd, in, path);
}

int kcb_inputs_list(const char *cmd, struct kcb_inputs *in, const char *list)
{
    if (strcmp(list, "-") == 0 && in->stdin_used++)
        return kcb_usage_err(cmd, "standard input ('-') can be given only once");
    unsigned char *buf;
    size_t n, before = in->n;
    int rc = kcb_read_file(list, &buf, &n);
    if (rc)
        return kcb_lib_err(cmd, rc, "%s", list);
    char *p = (char *)buf, *end = p + n;
    for (long no = 1; !rc && p < end; no++) {
        char *nl = memchr(p, '\n', (size_t)(end - p)), *e = nl ? nl : end;
        if (e > p && e[-1] == '\r')
            e--;
        *e = '\0'; /* the newline, the CR, or the NUL kcb_read_file puts after the data */
        if (strlen(p) != (size_t)(e - p))
            rc = kcb_io_err(cmd, "%s:%ld: a NUL byte in a path", list, no);
        else if (!blank(p, (size_t)(e - p)) && p[0] != '#')
            rc = list_entry(cmd, in, list, no, p);
        p = nl ? nl + 1 : end;
    }
    if (!rc && in->n == before)
        rc = kcb_io_err(cmd, "%s: no paths in this list", list);
    free(buf);
    return rc;
}

/* Whether s[0..n) is valid UTF-8 without control characters (C0, DEL, C1). */
static int printable_text(const unsigned char *s, size_t n)
{
    for (size_t i = 0; i < n;) {
        size_t k = kcb_utf8_len(s + i, n - i);
        if (k == 0 || s[i] < 0x20 || s[i] == 0x7f || (s[i] == 0xc2 && s[i + 1] < 0xa0))
            return 0;
        i += k;
    }
    return 1;
}

void kcb_string_label(const char *s, size_t n, char *buf, size_t len)
{
    size_t m = strlen(s);
    int generated = s[0] == 's' && m > 1 && strspn(s + 1, "0123456789") == m - 1;
    if (m >= 1 && m <= KCB_STRING_LABEL_MAX && !generated &&
        printable_text((const unsigned char *)s, m))
        snprintf(buf, len, "%s", s);
    else
        snprintf(buf, len, "s%zu", n);
}
