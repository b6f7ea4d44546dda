/* cli: the columns of every command's output: the one place each json key and csv header is defined. */
#ifndef KCB_CLI_COLUMNS_H
#define KCB_CLI_COLUMNS_H

#include "table.h"

/* kcbench codecs */
enum { CODECS_NAME, CODECS_LIBRARY, CODECS_VERSION, CODECS_LEVELS, CODECS_LEVEL_MIN,
       CODECS_LEVEL_MAX, CODECS_DEFAULT, CODECS_WINDOW_TEXT, CODECS_WINDOW, CODECS_EMPTY,
       CODECS_FORMAT, CODECS_NCOLS };
extern const struct kcb_col kcb_codecs_cols[CODECS_NCOLS];

/* kcbench ncd: one record per pair (the square matrix of table and md is built per input) */
enum { PAIR_COMPRESSOR, PAIR_CODEC, PAIR_LEVEL, PAIR_DISTANCE, PAIR_X, PAIR_Y, PAIR_CX, PAIR_CY,
       PAIR_CXY, PAIR_VALUE, PAIR_NCOLS };
extern const struct kcb_col kcb_pair_cols[PAIR_NCOLS];

/* kcbench ncd with one input: its size, one record per compressor */
enum { SIZE_COMPRESSOR, SIZE_CODEC, SIZE_LEVEL, SIZE_INPUT, SIZE_BYTES, SIZE_CX, SIZE_EMPTY,
       SIZE_BITS, SIZE_ABOVE, SIZE_NCOLS };
extern const struct kcb_col kcb_size_cols[SIZE_NCOLS];

/* kcbench eval */
enum { EVAL_DATASET, EVAL_COMPRESSOR, EVAL_CODEC, EVAL_LEVEL, EVAL_K, EVAL_RULE, EVAL_N,
       EVAL_ACCURACY, EVAL_F1, EVAL_DISTANCE, EVAL_LABELS, EVAL_CONFUSION, EVAL_NCOLS };
extern const struct kcb_col kcb_eval_cols[EVAL_NCOLS];

/* kcbench classify -f / --top: one row per text and label (plain shows the label alone) */
enum { CLASSIFY_QUERY, CLASSIFY_RANK, CLASSIFY_LABEL, CLASSIFY_VOTES, CLASSIFY_NEAREST,
       CLASSIFY_ROW, CLASSIFY_NCOLS };
extern const struct kcb_col kcb_classify_cols[CLASSIFY_NCOLS];

/* kcbench bench: rows stream in table format, so the widths are declared (bench widens the
 * text columns to the names it knows up front); the machine, compiler and kcbench version
 * are a title in table and md and the last columns of every row in csv, tsv and json */
enum { BENCH_COMPRESSOR, BENCH_CODEC, BENCH_LEVEL, BENCH_VERSION, BENCH_FILE, BENCH_ORIGINAL,
       BENCH_COMPRESSED, BENCH_RATIO, BENCH_BPB, BENCH_CBEST, BENCH_CMEDIAN, BENCH_DBEST,
       BENCH_DMEDIAN, BENCH_NCD, BENCH_ACCURACY, BENCH_VERIFIED, BENCH_CRUNS, BENCH_DRUNS,
       BENCH_LIBRARY, BENCH_CPU, BENCH_CORES, BENCH_COMPILER, BENCH_KCBENCH, BENCH_NCOLS };
extern const struct kcb_col kcb_bench_cols[BENCH_NCOLS];

/* kcbench probe concat */
enum { CONCAT_COMPRESSOR, CONCAT_X, CONCAT_Y, CONCAT_BYTES_X, CONCAT_BYTES_Y, CONCAT_CX,
       CONCAT_CY, CONCAT_CXY, CONCAT_CYX, CONCAT_GAIN, CONCAT_GAIN_REL, CONCAT_C_NEEDED,
       CONCAT_C_EMPTY, CONCAT_HELD, CONCAT_NCOLS };
extern const struct kcb_col kcb_concat_cols[CONCAT_NCOLS];

/* kcbench probe window */
enum { WINDOW_COMPRESSOR, WINDOW_WINDOW, WINDOW_BYTES, WINDOW_CX, WINDOW_CXX, WINDOW_NCD,
       WINDOW_GAIN_REL, WINDOW_NCOLS };
extern const struct kcb_col kcb_window_cols[WINDOW_NCOLS];

/* kcbench probe scaling: every point carries the fits of its curve */
enum { POINT_COMPRESSOR, POINT_X, POINT_Y, POINT_SD, POINT_FITTED, POINT_RESIDUAL,
       POINT_LINE_STATUS, POINT_SLOPE, POINT_SLOPE_SE, POINT_LINE_R2, POINT_POWER_STATUS,
       POINT_E, POINT_E_SE, POINT_A, POINT_A_SE, POINT_ALPHA, POINT_ALPHA_SE, POINT_POWER_R2,
       POINT_NCOLS };
extern const struct kcb_col kcb_point_cols[POINT_NCOLS];

/* kcbench probe scaling, for people: the fits in a table of their own */
enum { FIT_COMPRESSOR, FIT_SLOPE, FIT_LINE_R2, FIT_E, FIT_A, FIT_ALPHA, FIT_POWER_R2, FIT_NOTE,
       FIT_NCOLS };
extern const struct kcb_col kcb_fit_cols[FIT_NCOLS];

/* kcbench tree -f table|csv|json: the nodes */
enum { NODE_NODE, NODE_PARENT, NODE_LENGTH, NODE_LABEL, NODE_NCOLS };
extern const struct kcb_col kcb_node_cols[NODE_NCOLS];

#endif
