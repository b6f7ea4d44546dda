/* Loading labelled datasets and parsing k lists for the classification commands. */
#include "data.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "kcb/err.h"
#include "kcb/sample.h"

int kcb_cmd_load(const char *cmd, const char *path, enum kcb_informat f, int skip_bad,
                 struct kcb_labels *labels, struct kcb_dataset **out)
{
    struct kcb_diag diag;
    memset(&diag, 0, sizeof diag);
    int rc = kcb_dataset_load(path, f, skip_bad, labels, out, &diag);
    if (rc == KCB_EIO) /* for a directory, diag.msg names the file inside it that failed */
        return kcb_io_err(cmd, "%s: %s", diag.msg[0] ? diag.msg : path, strerror(errno));
    if (rc == KCB_ENOMEM)
        return kcb_fail(cmd, "%s: out of memory", path);
    if (rc) {
        if (diag.line > 0 && !strstr(diag.msg, "line "))
            return kcb_io_err(cmd, "%s:%ld: %s", path, diag.line, diag.msg);
        return kcb_io_err(cmd, "%s: %s", path, diag.msg[0] ? diag.msg : kcb_strerror(rc));
    }
    if (diag.skipped)
        kcb_warn(cmd, "%s: skipped %zu malformed row%s (first at line %ld: %s)", path,
                 diag.skipped, diag.skipped == 1 ? "" : "s", diag.first_skipped_line, diag.msg);
    return KCB_EXIT_OK;
}

int kcb_cmd_informat(const char *cmd, const char *text, enum kcb_informat *out)
{
    if (kcb_informat_parse(text, out))
        return kcb_usage_err(cmd, "unknown input format '%s' (tsv, csv, fasttext, dir)", text);
    return KCB_EXIT_OK;
}

int kcb_cmd_klist(const char *cmd, const char *text, size_t *ks, size_t max, size_t *nk)
{
    const char *p = text;
    *nk = 0;
    for (;;) {
        char *e;
        errno = 0;
        long k = strtol(p, &e, 10);
        if (e == p || errno || k < 1 || k > 1024 || (*e && *e != ','))
            return kcb_usage_err(cmd, "-k %s: expected a list of whole numbers from 1 to 1024",
                                 text);
        size_t at = 0;
        while (at < *nk && ks[at] < (size_t)k)
            at++;
        if (at == *nk || ks[at] != (size_t)k) {
            if (*nk == max)
                return kcb_usage_err(cmd, "-k %s: at most %zu values", text, max);
            memmove(ks + at + 1, ks + at, (*nk - at) * sizeof *ks);
            ks[at] = (size_t)k;
            (*nk)++;
        }
        if (!*e)
            return KCB_EXIT_OK;
        p = e + 1;
    }
}

int kcb_cmd_sample(const char *cmd, struct kcb_dataset *d, size_t want, uint64_t seed)
{
    if (!want || want >= d->n)
        return KCB_EXIT_OK;
    unsigned char *keep = malloc(d->n);
    if (!keep || kcb_sample_stratified(d->label, d->n, d->labels->n, want, seed, keep)) {
        free(keep);
        return kcb_fail(cmd, "out of memory");
    }
    kcb_dataset_filter(d, keep);
    free(keep);
    return KCB_EXIT_OK;
}

int kcb_cmd_load_split(const char *cmd, const char *opt, const char *value, size_t test_sample,
                       struct kcb_labels **labels, struct kcb_dataset **train,
                       struct kcb_dataset **test)
{
    const char *comma = strchr(value, ',');
    if (!comma || comma == value || !comma[1])
        return kcb_usage_err(cmd, "%s %s: expected TRAIN,TEST", opt, value);
    char *first = strndup(value, (size_t)(comma - value));
    int rc = first && !kcb_labels_new(labels) ? KCB_EXIT_OK : kcb_fail(cmd, "out of memory");
    if (!rc)
        rc = kcb_cmd_load(cmd, first, KCB_IN_AUTO, 0, *labels, train);
    if (!rc)
        rc = kcb_cmd_load(cmd, comma + 1, KCB_IN_AUTO, 0, *labels, test);
    if (!rc)
        rc = kcb_cmd_sample(cmd, *test, test_sample, 1);
    free(first);
    return rc;
}
