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
    [CODECS_MEMORY_TEXT] = {"memory", NULL, TEXT, 0, 0, HUMAN, 0},
    [CODECS_MEMORY] = {"memory", NULL, NUM, 0, 0, MACHINE, 0},
    [CODECS_WEIGHTS] = {"weights", NULL, NUM, 0, 0, 0, 0},
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
    [EVAL_METHOD] = {"method", NULL, TEXT, 0, 0, MACHINE, 0},
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
    [CONCAT_BPB_X] = {"bpb_x", "bpb X", NUM, 3, 6, 0, 0},
    [CONCAT_BPB_Y] = {"bpb_y", "bpb Y", NUM, 3, 6, 0, 0},
    [CONCAT_BPB_XY] = {"bpb_xy", "bpb XY", NUM, 3, 6, 0, 0},
    [CONCAT_LITERAL] = {"literal", NULL, KCB_COL_BOOL, 0, 0, 0, 0},
    [CONCAT_WINDOW] = {"window", NULL, NUM, 0, 0, MACHINE, 0},
    [CONCAT_ARTEFACT] = {"artefact", NULL, TEXT, 0, 0, 0, 0},
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
    [POINT_IN_FIT] = {"in_fit", "fit", KCB_COL_BOOL, 0, 0, 0, 0},
    [POINT_DESIGN] = {"design", NULL, TEXT, 0, 0, MACHINE, 0},
    [POINT_WINDOW] = {"window", NULL, NUM, 0, 0, MACHINE, 0},
    [POINT_LINE_IDENTIFIED] = {"line_identified", NULL, KCB_COL_BOOL, 0, 0, MACHINE, 0},
    [POINT_POWER_IDENTIFIED] = {"power_identified", NULL, KCB_COL_BOOL, 0, 0, MACHINE, 0},
    [POINT_POWER_IDENT] = {"power_ident", NULL, TEXT, 0, 0, MACHINE, 0},
};

const struct kcb_col kcb_fit_cols[FIT_NCOLS] = {
    [FIT_COMPRESSOR] = {"compressor", NULL, TEXT, 0, 0, 0, 0},
    [FIT_SLOPE] = {"slope", "log-log slope", TEXT, 0, 0, 0, 0},
    [FIT_LINE_R2] = {"line_r2", "R² (log-log)", NUM, 4, 0, 0, 0},
    [FIT_E] = {"E", "E (floor)", TEXT, 0, 0, 0, 0},
    [FIT_A] = {"A", NULL, TEXT, 0, 0, 0, 0},
    [FIT_ALPHA] = {"alpha", NULL, TEXT, 0, 0, 0, 0},
    [FIT_POWER_R2] = {"power_r2", "R²", NUM, 4, 0, 0, 0},
    [FIT_POINTS] = {"points", "fitted on", TEXT, 0, 0, 0, 0},
    [FIT_NOTE] = {"note", NULL, TEXT, 0, 0, 0, 0},
};

const struct kcb_col kcb_nd_cols[ND_NCOLS] = {
    [ND_COMPRESSOR] = {"compressor", NULL, TEXT, 0, 0, 0, 0},
    [ND_LEVEL] = {"level", NULL, NUM, 0, 0, MACHINE, 0},
    [ND_MODEL] = {"model_bytes", "N (model bytes)", NUM, 0, 0, 0, 0},
    [ND_TRAIN] = {"train_bytes", "D (train bytes)", NUM, 0, 0, 0, 0},
    [ND_HELDOUT] = {"heldout_bytes", NULL, NUM, 0, 0, MACHINE, 0},
    [ND_CODED] = {"coded", "C(block|D)", NUM, 0, 0, 0, 0},
    [ND_BPB] = {"bits_per_byte", "bpb", NUM, 4, 6, 0, 0},
    [ND_FITTED] = {"fitted", NULL, NUM, 4, 6, 0, 0},
    [ND_RESIDUAL] = {"residual", NULL, NUM, 4, 6, 0, 0},
    [ND_STATUS] = {"fit_status", NULL, TEXT, 0, 0, MACHINE, 0},
    [ND_E] = {"E", NULL, NUM, 0, 6, MACHINE, 0},
    [ND_E_SE] = {"E_se", NULL, NUM, 0, 6, MACHINE, 0},
    [ND_A] = {"A", NULL, NUM, 0, 6, MACHINE, 0},
    [ND_A_SE] = {"A_se", NULL, NUM, 0, 6, MACHINE, 0},
    [ND_ALPHA] = {"alpha", NULL, NUM, 0, 6, MACHINE, 0},
    [ND_ALPHA_SE] = {"alpha_se", NULL, NUM, 0, 6, MACHINE, 0},
    [ND_B] = {"B", NULL, NUM, 0, 6, MACHINE, 0},
    [ND_B_SE] = {"B_se", NULL, NUM, 0, 6, MACHINE, 0},
    [ND_BETA] = {"beta", NULL, NUM, 0, 6, MACHINE, 0},
    [ND_BETA_SE] = {"beta_se", NULL, NUM, 0, 6, MACHINE, 0},
    [ND_R_TERMS] = {"r_terms", NULL, NUM, 0, 6, MACHINE, 0},
    [ND_R2] = {"r2", NULL, NUM, 0, 6, MACHINE, 0},
    [ND_N_PINNED] = {"n_term_pinned", NULL, KCB_COL_BOOL, 0, 0, MACHINE, 0},
    [ND_D_PINNED] = {"d_term_pinned", NULL, KCB_COL_BOOL, 0, 0, MACHINE, 0},
    [ND_IDENTIFIED] = {"identified", NULL, KCB_COL_BOOL, 0, 0, MACHINE, 0},
    [ND_IDENT] = {"ident", NULL, TEXT, 0, 0, MACHINE, 0},
};

const struct kcb_col kcb_nd_param_cols[NDP_NCOLS] = {
    [NDP_PARAM] = {"parameter", NULL, TEXT, 0, 0, 0, 0},
    [NDP_TERM] = {"term", NULL, TEXT, 0, 0, 0, 0},
    [NDP_EST] = {"estimate", NULL, NUM, -1, 0, 0, 0},
    [NDP_SE] = {"se", "standard error", NUM, -1, 0, 0, 0},
    [NDP_PINNED] = {"pinned", "se < |estimate|", KCB_COL_BOOL, 0, 0, 0, 0},
};

const struct kcb_col kcb_node_cols[NODE_NCOLS] = {
    [NODE_NODE] = {"node", NULL, NUM, 0, 0, 0, 0},
    [NODE_PARENT] = {"parent", NULL, NUM, 0, 0, 0, 0},
    [NODE_LENGTH] = {"length", NULL, NUM, 6, 0, 0, 0},
    [NODE_LABEL] = {"label", NULL, TEXT, 0, 0, 0, 0},
};

#define BOOL KCB_COL_BOOL
#define JSON KCB_COL_JSON

const struct kcb_col kcb_example_cols[EX_NCOLS] = {
    [EX_NAME] = {"name", "example", TEXT, 0, 0, 0, 0},
    [EX_CLAIM] = {"claim", NULL, TEXT, 0, 0, 0, 0},
    [EX_DATA] = {"data", NULL, TEXT, 0, 0, 0, 0},
    [EX_RULE] = {"rule", NULL, TEXT, 0, 0, 0, 0},
    [EX_VERDICT] = {"verdict", NULL, TEXT, 0, 0, 0, 0},
    [EX_CONDITION] = {"condition", NULL, TEXT, 0, 0, 0, 0},
    [EX_EVIDENCE] = {"evidence", NULL, TEXT, 0, 0, 0, 0},
    [EX_ROWS] = {"rows", NULL, JSON, 0, 0, 0, 0},
    [EX_TABLES] = {"tables", NULL, JSON, 0, 0, 0, 0},
};

const struct kcb_col kcb_coin_cols[COIN_NCOLS] = {
    [COIN_COMPRESSOR] = {"compressor", NULL, TEXT, 0, 0, 0, 0},
    [COIN_INPUT] = {"input", NULL, TEXT, 0, 0, 0, 0},
    [COIN_SYMBOLS] = {"symbols", NULL, NUM, 0, 0, 0, 0},
    [COIN_CX] = {"cx", "C(x)", NUM, 0, 0, 0, 0},
    [COIN_EMPTY] = {"c_empty", "C(ε)", NUM, 0, 0, 0, 0},
    [COIN_BITS] = {"bits", NULL, NUM, 0, 0, 0, 0},
    [COIN_ABOVE] = {"bits_above_container", "bits above C(ε)", NUM, 0, 0, 0, 0},
    [COIN_COIN_BITS] = {"fair_coin_bits", "fair coin", NUM, 0, 0, 0, 0},
    [COIN_PROGRAM] = {"program", NULL, TEXT, 0, 0, 0, 0},
    [COIN_PROGRAM_BITS] = {"program_bits", "program bits", NUM, 0, 0, 0, 0},
};

const struct kcb_col kcb_grid_cols[GRID_NCOLS] = {
    [GRID_COMPRESSOR] = {"compressor", NULL, TEXT, 0, 0, 0, 0},
    [GRID_CODING] = {"coding", NULL, TEXT, 0, 0, 0, 0},
    [GRID_N] = {"symbols", "n", NUM, 0, 0, 0, 0},
    [GRID_BYTES] = {"bytes", NULL, NUM, 0, 0, 0, 0},
    [GRID_CX1] = {"c_x1", "C(X1)", NUM, 0, 0, 0, 0},
    [GRID_CRAND] = {"c_random", "C(random)", NUM, 0, 0, 0, 0},
    [GRID_EMPTY] = {"c_empty", "C(ε)", NUM, 0, 0, MACHINE, 0},
    [GRID_BITS_X1] = {"bits_x1", "X1 bits above C(ε)", NUM, 0, 0, 0, 0},
    [GRID_BITS_RAND] = {"bits_random", "random bits above C(ε)", NUM, 0, 0, 0, 0},
    [GRID_APART] = {"apart", NULL, BOOL, 0, 0, 0, 0},
};

const struct kcb_col kcb_incomp_cols[INC_NCOLS] = {
    [INC_COMPRESSOR] = {"compressor", NULL, TEXT, 0, 0, 0, 0},
    [INC_CODING] = {"coding", NULL, TEXT, 0, 0, 0, 0},
    [INC_N] = {"n_bits", "n", NUM, 0, 0, 0, 0},
    [INC_BYTES] = {"bytes", NULL, NUM, 0, 0, 0, 0},
    [INC_STRINGS] = {"strings", NULL, NUM, 0, 0, 0, 0},
    [INC_EMPTY] = {"c_empty", NULL, NUM, 0, 0, MACHINE, 0},
    [INC_EXCESS] = {"mean_excess_bits", "mean excess bits", NUM, 1, 6, 0, 0},
    [INC_MOST] = {"most_shortened_bits", "most shortened", NUM, 0, 0, 0, 0},
    [INC_S1] = {"shortened_1", "≥1 bit", NUM, 0, 0, 0, 0},
    [INC_S2] = {"shortened_2", "≥2", NUM, 0, 0, 0, 0},
    [INC_S4] = {"shortened_4", "≥4", NUM, 0, 0, 0, 0},
    [INC_S8] = {"shortened_8", "≥8", NUM, 0, 0, 0, 0},
    [INC_P1] = {"p_1", NULL, NUM, 0, 6, MACHINE, 0},
    [INC_P2] = {"p_2", NULL, NUM, 0, 6, MACHINE, 0},
    [INC_P4] = {"p_4", NULL, NUM, 0, 6, MACHINE, 0},
    [INC_P8] = {"p_8", NULL, NUM, 0, 6, MACHINE, 0},
    [INC_HELD] = {"bound_held", "bound held", BOOL, 0, 0, 0, 0},
};

const struct kcb_col kcb_catex_cols[CAT_NCOLS] = {
    [CAT_PAIR] = {"pair", NULL, TEXT, 0, 0, 0, 0},
    [CAT_COMPRESSOR] = {"compressor", NULL, TEXT, 0, 0, 0, 0},
    [CAT_X] = {"x", "X", TEXT, 0, 0, 0, 0},
    [CAT_Y] = {"y", "Y", TEXT, 0, 0, 0, 0},
    [CAT_NX] = {"bytes_x", "|X|", NUM, 0, 0, 0, 0},
    [CAT_NY] = {"bytes_y", "|Y|", NUM, 0, 0, 0, 0},
    [CAT_CX] = {"cx", "C(X)", NUM, 0, 0, 0, 0},
    [CAT_CY] = {"cy", "C(Y)", NUM, 0, 0, 0, 0},
    [CAT_CXY] = {"cxy", "C(XY)", NUM, 0, 0, 0, 0},
    [CAT_EMPTY] = {"c_empty", NULL, NUM, 0, 0, MACHINE, 0},
    [CAT_GAIN] = {"gain", NULL, NUM, 0, 0, MACHINE, 0},
    [CAT_GAIN_REL] = {"gain_rel", "gain/min", NUM, 4, 6, 0, 0},
    [CAT_C] = {"c_needed", "c", NUM, 0, 0, 0, 0},
    [CAT_SUB] = {"subadditive", "sub", BOOL, 0, 0, 0, 0},
    [CAT_BPB_X] = {"bpb_x", "bpb X", NUM, 3, 6, 0, 0},
    [CAT_BPB_Y] = {"bpb_y", "bpb Y", NUM, 3, 6, 0, 0},
    [CAT_BPB_XY] = {"bpb_xy", "bpb XY", NUM, 3, 6, 0, 0},
    [CAT_MORE] = {"more_compressible", "XY below both", BOOL, 0, 0, 0, 0},
    [CAT_RELATED] = {"related", NULL, BOOL, 0, 0, MACHINE, 0},
    [CAT_WINDOW] = {"window", NULL, NUM, 0, 0, MACHINE, 0},
    [CAT_FITS] = {"fits_window", "fits", BOOL, 0, 0, 0, 0},
};

const struct kcb_col kcb_learn_cols[LRN_NCOLS] = {
    [LRN_DATASET] = {"dataset", NULL, TEXT, 0, 0, 0, 0},
    [LRN_COMPRESSOR] = {"compressor", NULL, TEXT, 0, 0, 0, 0},
    [LRN_TRAIN] = {"n_train", "train", NUM, 0, 0, 0, 0},
    [LRN_TEST] = {"n_test", "test", NUM, 0, 0, 0, 0},
    [LRN_LABELS] = {"labels", NULL, NUM, 0, 0, MACHINE, 0},
    [LRN_CORRECT] = {"correct", NULL, NUM, 0, 0, MACHINE, 0},
    [LRN_ACC] = {"accuracy", NULL, NUM, 3, 6, 0, 0},
    [LRN_LO] = {"accuracy_lo", "95% low", NUM, 3, 6, 0, 0},
    [LRN_HI] = {"accuracy_hi", "95% high", NUM, 3, 6, 0, 0},
    [LRN_BASE] = {"majority", NULL, NUM, 3, 6, 0, 0},
    [LRN_DIFF] = {"diff_vs_ref", "Δ vs ref", NUM, 3, 6, 0, 0},
    [LRN_DIFF_LO] = {"diff_lo", "Δ low", NUM, 3, 6, 0, 0},
    [LRN_DIFF_HI] = {"diff_hi", "Δ high", NUM, 3, 6, 0, 0},
    [LRN_ONLY_REF] = {"only_ref_right", NULL, NUM, 0, 0, MACHINE, 0},
    [LRN_ONLY_THIS] = {"only_this_right", NULL, NUM, 0, 0, MACHINE, 0},
    [LRN_P] = {"mcnemar_p", "McNemar p", NUM, -1, 6, 0, 0},
};

const struct kcb_col kcb_learnable_cols[LBL_NCOLS] = {
    [LBL_DATASET] = {"dataset", NULL, TEXT, 0, 0, 0, 0},
    [LBL_GROUP] = {"group", NULL, TEXT, 0, 0, 0, 0},
    [LBL_LABELS] = {"labels", NULL, NUM, 0, 0, 0, 0},
    [LBL_TRAIN] = {"n_train", "train", NUM, 0, 0, 0, 0},
    [LBL_TEST] = {"n_test", "test", NUM, 0, 0, 0, 0},
    [LBL_BYTES] = {"bytes", NULL, NUM, 0, 0, 0, 0},
    [LBL_C_ALL] = {"c_all", "C(all)", NUM, 0, 0, 0, 0},
    [LBL_C_CLASSES] = {"c_classes", "Σ C(class)", NUM, 0, 0, 0, 0},
    [LBL_EMPTY] = {"c_empty", "C(ε)", NUM, 0, 0, 0, 0},
    [LBL_GAIN] = {"label_gain", "label gain", NUM, 4, 6, 0, 0},
    [LBL_ERR] = {"error", NULL, NUM, 3, 6, 0, 0},
    [LBL_BASE_ERR] = {"majority_error", "majority error", NUM, 3, 6, 0, 0},
    [LBL_REL_ERR] = {"relative_error", "relative error", NUM, 3, 6, 0, 0},
};

const struct kcb_col kcb_corr_cols[CORR_NCOLS] = {
    [CORR_GROUP] = {"group", NULL, TEXT, 0, 0, 0, 0},
    [CORR_N] = {"datasets", NULL, NUM, 0, 0, 0, 0},
    [CORR_RHO] = {"rho", "Spearman rho", NUM, 3, 6, 0, 0},
    [CORR_LO] = {"rho_lo", "95% low", NUM, 3, 6, 0, 0},
    [CORR_HI] = {"rho_hi", "95% high", NUM, 3, 6, 0, 0},
    [CORR_USED] = {"resamples", NULL, NUM, 0, 0, MACHINE, 0},
    [CORR_JUDGED] = {"judged", NULL, BOOL, 0, 0, 0, 0},
};

const struct kcb_col kcb_nflrand_cols[NFR_NCOLS] = {
    [NFR_COMPRESSOR] = {"compressor", NULL, TEXT, 0, 0, 0, 0},
    [NFR_BYTES] = {"bytes", "n", NUM, 0, 0, 0, 0},
    [NFR_CX] = {"cx", "C(x)", NUM, 0, 0, 0, 0},
    [NFR_EMPTY] = {"c_empty", "C(ε)", NUM, 0, 0, 0, 0},
    [NFR_EXTRA] = {"extra", "C(x) - n", NUM, 0, 0, 0, 0},
    [NFR_EXTRA_ABOVE] = {"extra_above_container", "C(x) - C(ε) - n", NUM, 0, 0, 0, 0},
};

const struct kcb_col kcb_nfllab_cols[NFL_NCOLS] = {
    [NFL_DATASET] = {"dataset", NULL, TEXT, 0, 0, 0, 0},
    [NFL_COMPRESSOR] = {"compressor", NULL, TEXT, 0, 0, 0, 0},
    [NFL_TEST] = {"n_test", "test", NUM, 0, 0, 0, 0},
    [NFL_PERMS] = {"permutations", NULL, NUM, 0, 0, MACHINE, 0},
    [NFL_MEAN] = {"mean_permuted", "permuted: mean", NUM, 3, 6, 0, 0},
    [NFL_SD] = {"sd_permuted", NULL, NUM, 0, 6, MACHINE, 0},
    [NFL_LO] = {"permuted_lo", "2.5%", NUM, 3, 6, 0, 0},
    [NFL_HI] = {"permuted_hi", "97.5%", NUM, 3, 6, 0, 0},
    [NFL_CHANCE] = {"chance", NULL, NUM, 3, 6, 0, 0},
    [NFL_AT_CHANCE] = {"at_chance", "at chance", BOOL, 0, 0, 0, 0},
    [NFL_ACC_TRUE] = {"accuracy_true", "true labels", NUM, 3, 6, 0, 0},
    [NFL_P_TRUE] = {"p_true", "p", NUM, -1, 6, 0, 0},
};

const struct kcb_col kcb_nflin_cols[NFI_NCOLS] = {
    [NFI_INPUT] = {"input", NULL, TEXT, 0, 0, 0, 0},
    [NFI_COMPRESSOR] = {"compressor", NULL, TEXT, 0, 0, 0, 0},
    [NFI_BYTES] = {"bytes", NULL, NUM, 0, 0, 0, 0},
    [NFI_CX] = {"cx", "C(x)", NUM, 0, 0, 0, 0},
    [NFI_RATIO] = {"ratio", NULL, NUM, 3, 6, 0, 0},
    [NFI_WINS] = {"wins", NULL, BOOL, 0, 0, 0, 0},
};

const struct kcb_col kcb_bestrow_cols[BST_NCOLS] = {
    [BST_CORPUS] = {"corpus", NULL, TEXT, 0, 0, 0, 0},
    [BST_COMPRESSOR] = {"compressor", NULL, TEXT, 0, 0, 0, 0},
    [BST_BYTES] = {"bytes", NULL, NUM, 0, 0, 0, 0},
    [BST_CX] = {"cx", "C(x)", NUM, 0, 0, 0, 0},
    [BST_RATIO] = {"ratio", NULL, NUM, 3, 6, 0, 0},
    [BST_BPB] = {"bits_per_byte", "bpb", NUM, 3, 6, 0, 0},
    [BST_BEST] = {"best", NULL, BOOL, 0, 0, 0, 0},
};

const struct kcb_col kcb_pub_cols[PUB_NCOLS] = {
    [PUB_PROGRAM] = {"program", NULL, TEXT, 0, 0, 0, 0},
    [PUB_DATA] = {"data", NULL, TEXT, 0, 0, 0, 0},
    [PUB_BYTES] = {"bytes", NULL, NUM, 0, 0, 0, 0},
    [PUB_COMPRESSED] = {"compressed", NULL, NUM, 0, 0, 0, 0},
    [PUB_BPB] = {"bits_per_byte", "bpb", NUM, 3, 6, 0, 0},
    [PUB_SOURCE] = {"source", NULL, TEXT, 0, 0, 0, 0},
    [PUB_AS_OF] = {"as_of", "as of", TEXT, 0, 0, 0, 0},
};

const struct kcb_col kcb_bestpair_cols[BP_NCOLS] = {
    [BP_DATASET] = {"dataset", NULL, TEXT, 0, 0, 0, 0},
    [BP_BETTER] = {"better", NULL, TEXT, 0, 0, 0, 0},
    [BP_WORSE] = {"worse", NULL, TEXT, 0, 0, 0, 0},
    [BP_RATIO_B] = {"ratio_better", "ratio", NUM, 3, 6, 0, 0},
    [BP_RATIO_W] = {"ratio_worse", "ratio worse", NUM, 3, 6, 0, 0},
    [BP_TRATIO_B] = {"text_ratio_better", "per text", NUM, 3, 6, 0, 0},
    [BP_TRATIO_W] = {"text_ratio_worse", "per text worse", NUM, 3, 6, 0, 0},
    [BP_ACC_B] = {"accuracy_better", "accuracy", NUM, 3, 6, 0, 0},
    [BP_ACC_W] = {"accuracy_worse", "accuracy worse", NUM, 3, 6, 0, 0},
    [BP_DIFF] = {"diff", "Δ", NUM, 3, 6, 0, 0},
    [BP_LO] = {"diff_lo", "Δ low", NUM, 3, 6, 0, 0},
    [BP_HI] = {"diff_hi", "Δ high", NUM, 3, 6, 0, 0},
    [BP_P] = {"mcnemar_p", "McNemar p", NUM, -1, 6, 0, 0},
    [BP_AGREES] = {"agrees", NULL, TEXT, 0, 0, 0, 0},
};
