/* The one place that calls MPI (builds with MPI=1 define KCB_MPI): start, gather eval's parts, end. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "mpi.h"
#include "progress.h"

#ifdef KCB_MPI
#include <limits.h>
#include <mpi.h>

/* Whether a launcher (mpirun, srun) started this process as one rank of several. */
static int launched(void)
{
    return getenv("OMPI_COMM_WORLD_SIZE") || getenv("PMIX_RANK") || getenv("PMI_SIZE");
}

int kcb_mpi_start(struct kcb_mpi *m)
{
    int provided;
    *m = (struct kcb_mpi){0, 1, 0};
    if (!launched())
        return KCB_EXIT_OK;
    /* threads run the search, but only the main thread calls MPI */
    if (MPI_Init_thread(NULL, NULL, MPI_THREAD_FUNNELED, &provided) != MPI_SUCCESS ||
        MPI_Comm_rank(MPI_COMM_WORLD, &m->rank) != MPI_SUCCESS ||
        MPI_Comm_size(MPI_COMM_WORLD, &m->size) != MPI_SUCCESS)
        return kcb_fail("eval", "MPI: could not start");
    m->started = 1;
    if (m->rank > 0) {
        kcb_msg_silence();
        kcb_progress_quiet();
        fflush(stdout);
        if (!freopen("/dev/null", "w", stdout))
            return kcb_fail("eval", "MPI rank %d: /dev/null: cannot open", m->rank);
    }
    return KCB_EXIT_OK;
}

/* The lengths at rank 0, then the bytes: both gathers are made by every rank. */
int kcb_mpi_gather(const struct kcb_mpi *m, int rc, const char *text, size_t n, int **rcs,
                   char ***texts)
{
    int mine[2] = {rc, n > INT_MAX ? -1 : (int)n}, *all = NULL, *counts = NULL, *at = NULL;
    char *buf = NULL;
    int bad = mine[1] < 0, root = m->rank == 0;
    *rcs = NULL;
    *texts = NULL;
    if (root && !(all = malloc(2 * (size_t)m->size * sizeof *all)))
        bad = 1;
    if (bad)
        mine[1] = 0; /* still take part, with nothing */
    if (MPI_Gather(mine, 2, MPI_INT, all, 2, MPI_INT, 0, MPI_COMM_WORLD) != MPI_SUCCESS)
        bad = 1;
    size_t total = 0;
    if (root && all) {
        counts = malloc((size_t)m->size * sizeof *counts);
        at = malloc((size_t)m->size * sizeof *at);
        for (int r = 0; counts && at && r < m->size; r++) {
            counts[r] = all[2 * r + 1];
            at[r] = total > INT_MAX ? 0 : (int)total;
            total += (size_t)counts[r];
        }
        buf = counts && at && total <= INT_MAX ? malloc(total + 1) : NULL;
        bad |= !buf;
    }
    if (MPI_Gatherv(text, mine[1], MPI_CHAR, buf, counts, at, MPI_CHAR, 0, MPI_COMM_WORLD) !=
        MPI_SUCCESS)
        bad = 1;
    if (root && !bad) {
        *rcs = malloc((size_t)m->size * sizeof **rcs);
        *texts = calloc((size_t)m->size, sizeof **texts);
        for (int r = 0; *rcs && *texts && r < m->size; r++) {
            (*rcs)[r] = all[2 * r];
            if (((*texts)[r] = malloc((size_t)counts[r] + 1)) == NULL) {
                bad = 1;
                continue;
            }
            memcpy((*texts)[r], buf + at[r], (size_t)counts[r]);
            (*texts)[r][counts[r]] = '\0';
        }
        bad |= !*rcs || !*texts;
    }
    free(all);
    free(counts);
    free(at);
    free(buf);
    if (bad && root) {
        kcb_mpi_free(m, *rcs, *texts);
        *rcs = NULL;
        *texts = NULL;
    }
    return bad ? -1 : 0;
}

void kcb_mpi_end(struct kcb_mpi *m)
{
    if (m->started)
        MPI_Finalize();
    m->started = 0;
}

const char *kcb_mpi_library(void)
{
    static char version[MPI_MAX_LIBRARY_VERSION_STRING];
    int len = 0;
    if (MPI_Get_library_version(version, &len) != MPI_SUCCESS)
        return "unknown";
    version[strcspn(version, ",\n")] = '\0'; /* "Open MPI v4.1.4" */
    return version;
}

#else /* no MPI: one process, rank 0 of 1 */

int kcb_mpi_start(struct kcb_mpi *m)
{
    *m = (struct kcb_mpi){0, 1, 0};
    return KCB_EXIT_OK;
}

int kcb_mpi_gather(const struct kcb_mpi *m, int rc, const char *text, size_t n, int **rcs,
                   char ***texts)
{
    (void)m;
    *rcs = malloc(sizeof **rcs);
    *texts = calloc(1, sizeof **texts);
    if (!*rcs || !*texts || !((*texts)[0] = malloc(n + 1))) {
        free(*rcs);
        free(*texts);
        *rcs = NULL;
        *texts = NULL;
        return -1;
    }
    (*rcs)[0] = rc;
    memcpy((*texts)[0], text, n);
    (*texts)[0][n] = '\0';
    return 0;
}

void kcb_mpi_end(struct kcb_mpi *m)
{
    m->started = 0;
}

const char *kcb_mpi_library(void)
{
    return NULL;
}

#endif

void kcb_mpi_free(const struct kcb_mpi *m, int *rcs, char **texts)
{
    for (int r = 0; texts && r < m->size; r++)
        free(texts[r]);
    free(texts);
    free(rcs);
}
