/* cli: eval's ranks under mpirun: starting MPI, gathering the parts at rank 0, ending (no-ops without MPI). */
#ifndef KCB_CLI_MPI_H
#define KCB_CLI_MPI_H

#include <stddef.h>

/* This process's place in an MPI run; rank 0 of 1 without one. */
struct kcb_mpi {
    int rank, size;
    int started; /* MPI_Init was called: kcb_mpi_end finalizes */
};

/*
 * Starts MPI when this is an MPI build (KCB_MPI) launched by mpirun or srun (the environment
 * has OMPI_COMM_WORLD_SIZE, PMIX_RANK or PMI_SIZE); otherwise sets rank 0 of 1 and does
 * nothing. On a rank other than 0, standard output goes to /dev/null and messages and
 * progress are silenced (kcb_msg_silence), so that rank 0 alone prints. Returns an exit
 * status, having printed its error.
 */
int kcb_mpi_start(struct kcb_mpi *m);

/*
 * Gathers at rank 0 every rank's exit status rc and n bytes of text (a part file, or an error
 * message): at rank 0 sets (*rcs)[r] and (*texts)[r] (NUL-terminated) for each rank r, at the
 * others sets both to NULL. Every rank must call it once. Returns 0, or -1 when MPI or memory
 * failed. Free with kcb_mpi_free().
 */
int kcb_mpi_gather(const struct kcb_mpi *m, int rc, const char *text, size_t n, int **rcs,
                   char ***texts);

/* Frees what kcb_mpi_gather returned; accepts NULLs. */
void kcb_mpi_free(const struct kcb_mpi *m, int *rcs, char **texts);

/* Ends MPI if kcb_mpi_start started it. */
void kcb_mpi_end(struct kcb_mpi *m);

/* Returns the MPI library's version (such as "Open MPI v4.1.4, ..."), or NULL in a build
 * without MPI. Static storage. */
const char *kcb_mpi_library(void);

#endif
