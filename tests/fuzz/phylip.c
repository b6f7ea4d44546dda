/* libFuzzer target: the PHYLIP distance-matrix reader (kcb_matrix_read_phylip), then NJ trees. */
#include "fuzz_matrix.h"

/* Input: byte 0 the index of the matrix (0-3), then the PHYLIP text. */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    return fuzz_matrix_input(data, size, kcb_matrix_read_phylip);
}
