/* The columns of every command's output: names (json keys, csv headers), heads, types, digits. */
#include "columns.h"

#define TEXT KCB_COL_TEXT
#define NUM KCB_COL_NUM
#define MACHINE KCB_COL_MACHINE
#define HUMAN KCB_COL_HUMAN

const struct kcb_col kcb_codecs_cols[CODECS_NCOLS] = {
    [CODECS_NAME] = {"name", "codec", TEXT, 0, 0, 0, 0},
    [CODECS_LIBRARY] = {"library", NULL, TEXT, 0, 0, 0, 0},
    [CODECS_VERSION] = {"version", NULL, TEXT, 0, 0, 0, 0},
    [CODECS_LEVELS] = {"levels", NULL, TEXT, 0, 0, HUMAN, 0},
    [CODECS_LEVEL_MIN] = {"level_min", NULL, NUM, 0, 0, MACHINE, 0},
    [CODECS_LEVEL_MAX] = {"level_max", NULL, NUM, 0, 0, MACHINE, 0},
    [CODECS_DEFAULT] = {"level_default", "default", NUM, 0, 0, 0, 0},
    [CODECS_WINDOW_TEXT] = {"window", NULL, TEXT, 0, 0, HUMAN, 0},
    [CODECS_WINDOW] = {"window", NULL, NUM, 0, 0, MACHINE, 0},
    [CODECS_EMPTY] = {"empty_size", "empty", NUM, 0, 0, 0, 0},
    [CODECS_FORMAT] = {"format", "output", TEXT, 0, 0, 0, 0},
};

const struct kcb_col kcb_pair_cols[PAIR_NCOLS] = {
    [PAIR_COMPRESSOR] = {"compressor", NULL, TEXT, 0, 0, 0, 0},
    [PAIR_CODEC] = {"codec", NULL, TEXT, 0, 0, MACHINE, 0},
    [PAIR_LEVEL] = {"level", NULL, NUM, 0, 0, MACHINE, 0},
    [PAIR_DISTANCE] = {"distance", NULL, TEXT, 0, 0, MACHINE, 0},
    [PAIR_X] = {"x", NULL, TEXT, 0, 0, MACHINE, 0},
    [PAIR_Y] = {"y", NULL, TEXT, 0, 0, MACHINE, 0},
    [PAIR_CX] = {"cx", "C(x)", NUM, 0, 0, 0, 0},
    [PAIR_CY] = {"cy", "C(y)", NUM, 0, 0, 0, 0},
    [PAIR_CXY] = {"cxy", "C(xy)", NUM, 0, 0, 0, 0},
    [PAIR_VALUE] = {"value", NULL, NUM, 6, 0, KCB_COL_PLAIN, 0},
};

const struct kcb_col kcb_size_cols[SIZE_NCOLS] = {
    [SIZE_COMPRESSOR] = {"compressor", NULL, TEXT, 0, 0, 0, 0},
    [SIZE_CODEC] = {"codec", NULL, TEXT, 0, 0, MACHINE, 0},
    [SIZE_LEVEL] = {"level", NULL, NUM, 0, 0, MACHINE, 0},
    [SIZE_INPUT] = {"input", NULL, TEXT, 0, 0, 0, 0},
    [SIZE_BYTES] = {"bytes", NULL, NUM, 0, 0, 0, 0},
    [SIZE_CX] = {"cx", "C(x)", NUM, 0, 0, 0, 0},
    [SIZE_EMPTY] = {"c_empty", "C(ε)", NUM, 0, 0, 0, 0},
    [SIZE_BITS] = {"bits", NULL, NUM, 0, 0, KCB_COL_PLAIN, 0},
    [SIZE_ABOVE] = {"bits_above_container", "bits above C(ε)", NUM, 0, 0, 0, 0},
};

const struct kcb_col kcb_eval_cols[EVAL_NCOLS] = {
    [EVAL_DATASET] = {"dataset", NULL, TEXT, 0, 0, 0, 0},
    [EVAL_COMPRESSOR] = {"compressor", NULL, TEXT, 0, 0, 0, 0},
    [EVAL_CODEC] = {"codec", NULL, TEXT, 0, 0, MACHINE, 0},
    [EVAL_LEVEL] = {"level", NULL, NUM, 0, 0, MACHINE, 0},
    [EVAL_K] = {"k", NULL, NUM, 0, 0, 0, 0},
    [EVAL_RULE] = {"rule", NULL, TEXT, 0, 0, 0, 0},
    [EVAL_N] = {"n_test", NULL, NUM, 0, 0, 0, 0},
    [EVAL_ACCURACY] = {"accuracy", NULL, NUM, 4, 6, 0, 0},
    [EVAL_F1] = {"macro_f1", NULL, NUM, 4, 6, 0, 0},
    [EVAL_DISTANCE] = {"distance", NULL, TEXT, 0, 0, MACHINE, 0},
    [EVAL_LABELS] = {"labels", NULL, KCB_COL_JSON, 0, 0, 0, 0},
    [EVAL_CONFUSION] = {"confusion", NULL, KCB_COL_JSON, 0, 0, 0, 0},
};

const struct kcb_col kcb_classify_cols[CLASSIFY_NCOLS] = {
    [CLASSIFY_QUERY] = {"input", NULL, NUM, 0, 0, 0, 0},
    [CLASSIFY_RANK] = {"rank", NULL, NUM, 0, 0, 0, 0},
    [CLASSIFY_LABEL] = {"label", NULL, TEXT, 0, 0, KCB_COL_PLAIN, 0},
    [CLASSIFY_VOTES] = {"votes", NULL, NUM, 4, 6, 0, 0},
    [CLASSIFY_NEAREST] = {"nearest", NULL, NUM, 6, 0, 0, 0},
    [CLASSIFY_ROW] = {"nearest_row", "row", NUM, 0, 0, 0, 0},
};

const struct kcb_col kcb_bench_cols[BENCH_NCOLS] = {
    [BENCH_COMPRESSOR] = {"compressor", NULL, TEXT, 0, 0, 0, 10},
    [BENCH_CODEC] = {"codec", NULL, TEXT, 0, 0, MACHINE, 0},
    [BENCH_LEVEL] = {"level", NULL, NUM, 0, 0, MACHINE, 0},
    [BENCH_VERSION] = {"version", NULL, TEXT, 0, 0, 0, 7},
    [BENCH_FILE] = {"file", NULL, TEXT, 0, 0, 0, 8},
    [BENCH_ORIGINAL] = {"original", NULL, NUM, 0, 0, 0, 8},
    [BENCH_COMPRESSED] = {"compressed", NULL, NUM, 0, 0, 0, 10},
    [BENCH_RATIO] = {"ratio", NULL, NUM, 3, 6, 0, 7},
    [BENCH_BPB] = {"bits_per_byte", "bpb", NUM, 3, 6, 0, 6},
    [BENCH_CBEST] = {"compress_mbs_best", "c.best", NUM, 1, 3, 0, 8},
    [BENCH_CMEDIAN] = {"compress_mbs_median", "c.median", NUM, 1, 3, 0, 8},
    [BENCH_DBEST] = {"decompress_mbs_best", "d.best", NUM, 1, 3, 0, 8},
    [BENCH_DMEDIAN] = {"decompress_mbs_median", "d.median", NUM, 1, 3, 0, 8},
    [BENCH_NCD] = {"ncd_xx", "NCD(x,x)", NUM, 4, 6, 0, 8},
    [BENCH_ACCURACY] = {"knn_accuracy", "kNN acc", NUM, 4, 6, 0, 7},
    [BENCH_VERIFIED] = {"verified", NULL, KCB_COL_BOOL, 0, 0, 0, 8},
    [BENCH_CRUNS] = {"compress_runs", NULL, NUM, 0, 0, MACHINE, 0},
    [BENCH_DRUNS] = {"decompress_runs", NULL, NUM, 0, 0, MACHINE, 0},
    [BENCH_LIBRARY] = {"library", NULL, TEXT, 0, 0, MACHINE, 0},
    [BENCH_CPU] = {"cpu", NULL, TEXT, 0, 0, MACHINE, 0},
    [BENCH_CORES] = {"cores", NULL, NUM, 0, 0, MACHINE, 0},
    [BENCH_COMPILER] = {"compiler", NULL, TEXT, 0, 0, MACHINE, 0},
    [BENCH_KCBENCH] = {"kcbench_version", NULL, TEXT, 0, 0, MACHINE, 0},
};

const struct kcb_col kcb_concat_cols[CONCAT_NCOLS] = {
    [CONCAT_COMPRESSOR] = {"compressor", NULL, TEXT, 0, 0, 0, 0},
    [CONCAT_X] = {"x", "X", TEXT, 0, 0, 0, 0},
    [CONCAT_Y] = {"y", "Y", TEXT, 0, 0, 0, 0},
    [CONCAT_BYTES_X] = {"bytes_x", NULL, NUM, 0, 0, MACHINE, 0},
    [CONCAT_BYTES_Y] = {"bytes_y", NULL, NUM, 0, 0, MACHINE, 0},
    [CONCAT_CX] = {"cx", "C(X)", NUM, 0, 0, 0, 0},
    [CONCAT_CY] = {"cy", "C(Y)", NUM, 0, 0, 0, 0},
    [CONCAT_CXY] = {"cxy", "C(XY)", NUM, 0, 0, 0, 0},
    [CONCAT_CYX] = {"cyx", "C(YX)", NUM, 0, 0, 0, 0},
    [CONCAT_GAIN] = {"gain", NULL, NUM, 0, 0, 0, 0},
    [CONCAT_GAIN_REL] = {"gain_rel", "gain/min", NUM, 4, 6, 0, 0},
    [CONCAT_C_NEEDED] = {"c_needed", "c", NUM, 0, 0, 0, 0},
    [CONCAT_C_EMPTY] = {"c_empty", NULL, NUM, 0, 0, MACHINE, 0},
    [CONCAT_HELD] = {"held", NULL, KCB_COL_BOOL, 0, 0, 0, 0},
};

const struct kcb_col kcb_window_cols[WINDOW_NCOLS] = {
    [WINDOW_COMPRESSOR] = {"compressor", NULL, TEXT, 0, 0, 0, 0},
    [WINDOW_WINDOW] = {"window", NULL, NUM, 0, 0, 0, 0},
    [WINDOW_BYTES] = {"bytes", NULL, NUM, 0, 0, 0, 0},
    [WINDOW_CX] = {"cx", "C(x)", NUM, 0, 0, 0, 0},
    [WINDOW_CXX] = {"cxx", "C(xx)", NUM, 0, 0, 0, 0},
    [WINDOW_NCD] = {"ncd_xx", "NCD(x,x)", NUM, 4, 6, 0, 0},
    [WINDOW_GAIN_REL] = {"gain_rel", "gain/C(x)", NUM, 4, 6, 0, 0},
};

const struct kcb_col kcb_point_cols[POINT_NCOLS] = {
    [POINT_COMPRESSOR] = {"compressor", NULL, TEXT, 0, 0, 0, 0},
    [POINT_X] = {"x", NULL, NUM, 0, 0, 0, 0},
    [POINT_Y] = {"y", NULL, NUM, 4, 6, 0, 0},
    [POINT_SD] = {"sd", NULL, NUM, 4, 6, 0, 0},
    [POINT_FITTED] = {"fitted", NULL, NUM, 4, 6, 0, 0},
    [POINT_RESIDUAL] = {"residual", NULL, NUM, 4, 6, 0, 0},
    [POINT_LINE_STATUS] = {"line_status", NULL, TEXT, 0, 0, MACHINE, 0},
    [POINT_SLOPE] = {"slope", NULL, NUM, 0, 6, MACHINE, 0},
    [POINT_SLOPE_SE] = {"slope_se", NULL, NUM, 0, 6, MACHINE, 0},
    [POINT_LINE_R2] = {"line_r2", NULL, NUM, 0, 6, MACHINE, 0},
    [POINT_POWER_STATUS] = {"power_status", NULL, TEXT, 0, 0, MACHINE, 0},
    [POINT_E] = {"E", NULL, NUM, 0, 6, MACHINE, 0},
    [POINT_E_SE] = {"E_se", NULL, NUM, 0, 6, MACHINE, 0},
    [POINT_A] = {"A", NULL, NUM, 0, 6, MACHINE, 0},
    [POINT_A_SE] = {"A_se", NULL, NUM, 0, 6, MACHINE, 0},
    [POINT_ALPHA] = {"alpha", NULL, NUM, 0, 6, MACHINE, 0},
    [POINT_ALPHA_SE] = {"alpha_se", NULL, NUM, 0, 6, MACHINE, 0},
    [POINT_POWER_R2] = {"power_r2", NULL, NUM, 0, 6, MACHINE, 0},
};

const struct kcb_col kcb_fit_cols[FIT_NCOLS] = {
    [FIT_COMPRESSOR] = {"compressor", NULL, TEXT, 0, 0, 0, 0},
    [FIT_SLOPE] = {"slope", "log-log slope", TEXT, 0, 0, 0, 0},
    [FIT_LINE_R2] = {"line_r2", "R² (log-log)", NUM, 4, 0, 0, 0},
    [FIT_E] = {"E", "E (floor)", TEXT, 0, 0, 0, 0},
    [FIT_A] = {"A", NULL, TEXT, 0, 0, 0, 0},
    [FIT_ALPHA] = {"alpha", NULL, TEXT, 0, 0, 0, 0},
    [FIT_POWER_R2] = {"power_r2", "R²", NUM, 4, 0, 0, 0},
    [FIT_NOTE] = {"note", NULL, TEXT, 0, 0, 0, 0},
};

const struct kcb_col kcb_node_cols[NODE_NCOLS] = {
    [NODE_NODE] = {"node", NULL, NUM, 0, 0, 0, 0},
    [NODE_PARENT] = {"parent", NULL, NUM, 0, 0, 0, 0},
    [NODE_LENGTH] = {"length", NULL, NUM, 6, 0, 0, 0},
    [NODE_LABEL] = {"label", NULL, TEXT, 0, 0, 0, 0},
};
