/* libFuzzer target: the TSV reader (label, tab, text) via kcb_dataset_load; byte 0 the options. */
#include "fuzz_data.h"

/* Input: byte 0 the load options (fuzz_load_opts), then the file's bytes. */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    struct kcb_load_opts o;
    fuzz_load_opts(data[0], KCB_IN_TSV, &o);
    fuzz_dataset_load(fuzz_file("input", data + 1, size - 1), &o);
    return 0;
}
