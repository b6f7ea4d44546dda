/* cli: the columns of every command's output: the one place each json key and csv header is defined. */
#ifndef KCB_CLI_COLUMNS_H
#define KCB_CLI_COLUMNS_H

#include "table.h"

/* kcbench codecs */
enum { CODECS_NAME, CODECS_LIBRARY, CODECS_VERSION, CODECS_LEVELS, CODECS_LEVEL_MIN,
       CODECS_LEVEL_MAX, CODECS_DEFAULT, CODECS_WINDOW_TEXT, CODECS_WINDOW, CODECS_EMPTY,
       CODECS_MEMORY_TEXT, CODECS_MEMORY, CODECS_WEIGHTS, CODECS_FORMAT, CODECS_NCOLS };
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
       EVAL_ACCURACY, EVAL_F1, EVAL_DISTANCE, EVAL_METHOD, EVAL_LABELS, EVAL_CONFUSION,
       EVAL_NCOLS };
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
       CONCAT_C_EMPTY, CONCAT_HELD, CONCAT_BPB_X, CONCAT_BPB_Y, CONCAT_BPB_XY, CONCAT_LITERAL,
       CONCAT_WINDOW, CONCAT_ARTEFACT, CONCAT_NCOLS };
extern const struct kcb_col kcb_concat_cols[CONCAT_NCOLS];

/* kcbench probe window */
enum { WINDOW_COMPRESSOR, WINDOW_WINDOW, WINDOW_BYTES, WINDOW_CX, WINDOW_CXX, WINDOW_NCD,
       WINDOW_GAIN_REL, WINDOW_NCOLS };
extern const struct kcb_col kcb_window_cols[WINDOW_NCOLS];

/* kcbench probe scaling: every point carries the fits of its curve */
enum { POINT_COMPRESSOR, POINT_X, POINT_Y, POINT_SD, POINT_FITTED, POINT_RESIDUAL,
       POINT_LINE_STATUS, POINT_SLOPE, POINT_SLOPE_SE, POINT_LINE_R2, POINT_POWER_STATUS,
       POINT_E, POINT_E_SE, POINT_A, POINT_A_SE, POINT_ALPHA, POINT_ALPHA_SE, POINT_POWER_R2,
       POINT_IN_FIT, POINT_DESIGN, POINT_WINDOW, POINT_LINE_IDENTIFIED, POINT_POWER_IDENTIFIED,
       POINT_POWER_IDENT, POINT_NCOLS };
extern const struct kcb_col kcb_point_cols[POINT_NCOLS];

/* kcbench probe scaling, for people: the fits in a table of their own */
enum { FIT_COMPRESSOR, FIT_SLOPE, FIT_LINE_R2, FIT_E, FIT_A, FIT_ALPHA, FIT_POWER_R2, FIT_POINTS,
       FIT_NOTE, FIT_NCOLS };
extern const struct kcb_col kcb_fit_cols[FIT_NCOLS];

/* kcbench probe scaling-nd: every grid point carries the fit of L(N, D) */
enum { ND_COMPRESSOR, ND_LEVEL, ND_MODEL, ND_TRAIN, ND_HELDOUT, ND_CODED, ND_BPB, ND_FITTED,
       ND_RESIDUAL, ND_STATUS, ND_E, ND_E_SE, ND_A, ND_A_SE, ND_ALPHA, ND_ALPHA_SE, ND_B,
       ND_B_SE, ND_BETA, ND_BETA_SE, ND_R_TERMS, ND_R2, ND_N_PINNED, ND_D_PINNED,
       ND_IDENTIFIED, ND_IDENT, ND_NCOLS };
extern const struct kcb_col kcb_nd_cols[ND_NCOLS];

/* kcbench probe scaling-nd, for people: the fitted parameters */
enum { NDP_PARAM, NDP_TERM, NDP_EST, NDP_SE, NDP_PINNED, NDP_NCOLS };
extern const struct kcb_col kcb_nd_param_cols[NDP_NCOLS];

/* kcbench tree -f table|csv|json: the nodes */
enum { NODE_NODE, NODE_PARENT, NODE_LENGTH, NODE_LABEL, NODE_NCOLS };
extern const struct kcb_col kcb_node_cols[NODE_NCOLS];

/* kcbench examples: one record per example (its tables as json in rows and tables) */
enum { EX_NAME, EX_CLAIM, EX_DATA, EX_RULE, EX_VERDICT, EX_CONDITION, EX_EVIDENCE, EX_ROWS,
       EX_TABLES, EX_NCOLS };
extern const struct kcb_col kcb_example_cols[EX_NCOLS];

/* examples coin-flips: X1 and X2, then the grid */
enum { COIN_COMPRESSOR, COIN_INPUT, COIN_SYMBOLS, COIN_CX, COIN_EMPTY, COIN_BITS, COIN_ABOVE,
       COIN_COIN_BITS, COIN_PROGRAM, COIN_PROGRAM_BITS, COIN_NCOLS };
extern const struct kcb_col kcb_coin_cols[COIN_NCOLS];
enum { GRID_COMPRESSOR, GRID_CODING, GRID_N, GRID_BYTES, GRID_CX1, GRID_CRAND, GRID_EMPTY,
       GRID_BITS_X1, GRID_BITS_RAND, GRID_APART, GRID_NCOLS };
extern const struct kcb_col kcb_grid_cols[GRID_NCOLS];

/* examples incompressible */
enum { INC_COMPRESSOR, INC_CODING, INC_N, INC_BYTES, INC_STRINGS, INC_EMPTY, INC_EXCESS,
       INC_MOST, INC_S1, INC_S2, INC_S4, INC_S8, INC_P1, INC_P2, INC_P4, INC_P8, INC_HELD,
       INC_NCOLS };
extern const struct kcb_col kcb_incomp_cols[INC_NCOLS];

/* examples concatenation */
enum { CAT_PAIR, CAT_COMPRESSOR, CAT_X, CAT_Y, CAT_NX, CAT_NY, CAT_CX, CAT_CY, CAT_CXY,
       CAT_EMPTY, CAT_GAIN, CAT_GAIN_REL, CAT_C, CAT_SUB, CAT_BPB_X, CAT_BPB_Y, CAT_BPB_XY,
       CAT_MORE, CAT_RELATED, CAT_WINDOW, CAT_FITS, CAT_NCOLS };
extern const struct kcb_col kcb_catex_cols[CAT_NCOLS];

/* examples compression-is-learning */
enum { LRN_DATASET, LRN_COMPRESSOR, LRN_TRAIN, LRN_TEST, LRN_LABELS, LRN_CORRECT, LRN_ACC,
       LRN_LO, LRN_HI, LRN_BASE, LRN_DIFF, LRN_DIFF_LO, LRN_DIFF_HI, LRN_ONLY_REF,
       LRN_ONLY_THIS, LRN_P, LRN_NCOLS };
extern const struct kcb_col kcb_learn_cols[LRN_NCOLS];

/* examples compressible-is-learnable: the datasets, then the correlations */
enum { LBL_DATASET, LBL_GROUP, LBL_LABELS, LBL_TRAIN, LBL_TEST, LBL_BYTES, LBL_C_ALL,
       LBL_C_CLASSES, LBL_EMPTY, LBL_GAIN, LBL_ERR, LBL_BASE_ERR, LBL_REL_ERR, LBL_NCOLS };
extern const struct kcb_col kcb_learnable_cols[LBL_NCOLS];
enum { CORR_GROUP, CORR_N, CORR_RHO, CORR_LO, CORR_HI, CORR_USED, CORR_JUDGED, CORR_NCOLS };
extern const struct kcb_col kcb_corr_cols[CORR_NCOLS];

/* examples no-free-lunch: random bytes, random labels, structured inputs */
enum { NFR_COMPRESSOR, NFR_BYTES, NFR_CX, NFR_EMPTY, NFR_EXTRA, NFR_EXTRA_ABOVE, NFR_NCOLS };
extern const struct kcb_col kcb_nflrand_cols[NFR_NCOLS];
enum { NFL_DATASET, NFL_COMPRESSOR, NFL_TEST, NFL_PERMS, NFL_MEAN, NFL_SD, NFL_LO, NFL_HI,
       NFL_CHANCE, NFL_AT_CHANCE, NFL_ACC_TRUE, NFL_P_TRUE, NFL_NCOLS };
extern const struct kcb_col kcb_nfllab_cols[NFL_NCOLS];
enum { NFI_INPUT, NFI_COMPRESSOR, NFI_BYTES, NFI_CX, NFI_RATIO, NFI_WINS, NFI_NCOLS };
extern const struct kcb_col kcb_nflin_cols[NFI_NCOLS];

/* examples best-compressor: corpora, published figures, pairs on the learning sets */
enum { BST_CORPUS, BST_COMPRESSOR, BST_BYTES, BST_CX, BST_RATIO, BST_BPB, BST_BEST,
       BST_NCOLS };
extern const struct kcb_col kcb_bestrow_cols[BST_NCOLS];
enum { PUB_PROGRAM, PUB_DATA, PUB_BYTES, PUB_COMPRESSED, PUB_BPB, PUB_SOURCE, PUB_AS_OF,
       PUB_NCOLS };
extern const struct kcb_col kcb_pub_cols[PUB_NCOLS];
enum { BP_DATASET, BP_BETTER, BP_WORSE, BP_RATIO_B, BP_RATIO_W, BP_TRATIO_B, BP_TRATIO_W,
       BP_ACC_B, BP_ACC_W, BP_DIFF, BP_LO, BP_HI, BP_P, BP_AGREES, BP_NCOLS };
extern const struct kcb_col kcb_bestpair_cols[BP_NCOLS];

#endif
