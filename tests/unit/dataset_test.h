/* Helpers shared by the dataset unit tests: files in a temporary directory, loading, checks. */
#ifndef KCB_DATASET_TEST_H
#define KCB_DATASET_TEST_H

#if !defined(_XOPEN_SOURCE) || _XOPEN_SOURCE < 500
#error "define _XOPEN_SOURCE 700 before any include: kcb_test.h's temporary directories need nftw"
#endif

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <cmocka.h>

#include "kcb_test.h"
#include "kcb/dataset.h"

/* The temporary directory that each test file's group makes and removes (make_root and
 * remove_root); every file a test writes goes in it. */
static char root[64];

static inline void path_of(char *out, size_t cap, const char *name)
{
    snprintf(out, cap, "%s/%s", root, name);
}

static inline void write_bytes(const char *name, const void *data, size_t len)
{
    char path[512];
    path_of(path, sizeof path, name);
    FILE *fp = fopen(path, "wb");
    assert_non_null(fp);
    assert_int_equal(fwrite(data, 1, len, fp), len);
    assert_int_equal(fclose(fp), 0);
}

static inline void write_text(const char *name, const char *s)
{
    write_bytes(name, s, strlen(s));
}

static inline void make_dir(const char *name)
{
    char path[512];
    path_of(path, sizeof path, name);
    assert_int_equal(mkdir(path, 0755), 0);
}

/* Load options with format f and skip_bad, the others at their defaults (a compound literal). */
#define OPTS(f, skip) (&(struct kcb_load_opts){.format = (f), .skip_bad = (skip)})

/* Writes s to name and loads it as opts says. */
static inline int load_opts(const char *name, const char *s, const struct kcb_load_opts *opts,
                            struct kcb_labels *labels, struct kcb_dataset **d,
                            struct kcb_diag *diag)
{
    char path[512];
    write_text(name, s);
    path_of(path, sizeof path, name);
    return kcb_dataset_load(path, opts, labels, d, diag);
}

/* Writes s to name and loads it. */
static inline int load_text(const char *name, const char *s, enum kcb_informat f, int skip_bad,
                            struct kcb_labels *labels, struct kcb_dataset **d,
                            struct kcb_diag *diag)
{
    return load_opts(name, s, OPTS(f, skip_bad), labels, d, diag);
}

static inline void assert_doc(const struct kcb_dataset *d, size_t i, const char *label,
                              const void *text, size_t len, long line)
{
    assert_true(i < d->n);
    assert_string_equal(d->labels->name[d->label[i]], label);
    assert_int_equal(d->text[i].n, len);
    if (len)
        assert_memory_equal(d->text[i].p, text, len);
    assert_int_equal(d->line[i], line);
}

#define DOC(d, i, label, text, line) assert_doc(d, i, label, text, strlen(text), line)

/* Loads s as opts says, expecting failure with code at line and msg among the reason. */
static inline void assert_opts_fail(const char *name, const char *s,
                                    const struct kcb_load_opts *opts, int code, long line,
                                    const char *msg)
{
    struct kcb_dataset *d = NULL;
    struct kcb_diag diag;
    assert_int_equal(load_opts(name, s, opts, NULL, &d, &diag), code);
    assert_null(d);
    assert_int_equal(diag.line, line);
    if (!strstr(diag.msg, msg))
        fail_msg("message '%s' does not contain '%s'", diag.msg, msg);
}

/* Loads s, expecting failure with code at line and msg among the reason. */
static inline void assert_load_fails(const char *name, const char *s, enum kcb_informat f,
                                     int skip_bad, int code, long line, const char *msg)
{
    assert_opts_fail(name, s, OPTS(f, skip_bad), code, line, msg);
}

/* ---- the temporary directory ---- */

static inline int make_root(void **state)
{
    (void)state;
    return kcb_test_tmpdir(root, sizeof root, "kcb-dataset");
}

static inline int remove_root(void **state)
{
    (void)state;
    return kcb_test_rmtree(root);
}

#endif
