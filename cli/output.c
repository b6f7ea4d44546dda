/* Output files for the commands: atomic, opened before the work so a bad path costs nothing. */
#include "output.h"

#include <errno.h>
#include <string.h>

#include "cli.h"
#include "kcb/err.h"

static int is_stdout(const char *path)
{
    return path && strcmp(path, "-") == 0;
}

const char *kcb_output_name(const char *path)
{
    return !path || is_stdout(path) ? "standard output" : path;
}

int kcb_output_open(const char *cmd, const char *path, kcb_afile **af, FILE **fp)
{
    *af = NULL;
    if (is_stdout(path)) {
        *fp = stdout;
        return KCB_EXIT_OK;
    }
    int rc = kcb_afile_open(path, af, fp);
    return rc ? kcb_lib_err(cmd, rc, "%s", path) : KCB_EXIT_OK;
}

int kcb_output_close(const char *cmd, const char *path, kcb_afile *af, int rc)
{
    if (!af) { /* standard output: what failed to be written must not pass as written */
        if (!rc && is_stdout(path) && (fflush(stdout) || ferror(stdout)))
            return kcb_lib_err(cmd, KCB_EIO, "standard output");
        return rc;
    }
    if (rc) {
        kcb_afile_abort(af);
        return rc;
    }
    int e = kcb_afile_commit(af);
    return e ? kcb_lib_err(cmd, e, "%s", path) : KCB_EXIT_OK;
}

int kcb_output_close_whole(const char *cmd, const char *path, kcb_afile *af, int rc, int whole)
{
    if (!whole)
        return kcb_output_close(cmd, path, af, rc);
    int e = kcb_output_close(cmd, path, af, KCB_EXIT_OK);
    return e ? e : rc;
}
