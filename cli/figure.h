/* cli: figures: a gnuplot script written beside the SVG, then gnuplot run on it (commands only). */
#ifndef KCB_CLI_FIGURE_H
#define KCB_CLI_FIGURE_H

#include <stdio.h>

/* A figure being written: FIG.gp beside FIG.svg. */
struct kcb_plot {
    char svg[4096], gp[4096];
    FILE *fp; /* the script, open for writing */
};

/*
 * Opens svg_path's script (the .svg suffix replaced by .gp, or .gp appended) and writes the
 * terminal and output lines (width × height pixels). Prints its own error; returns an exit code.
 */
int kcb_plot_open(const char *cmd, struct kcb_plot *p, const char *svg_path, int width,
                  int height);

/* Starts an inline data block named $name (end it with kcb_plot_end_data). */
void kcb_plot_data(struct kcb_plot *p, const char *name);
void kcb_plot_end_data(struct kcb_plot *p);

/* Writes s as a gnuplot string literal in double quotes, escaping '"' and '\\': for file
 * names, never for text shown in a figure (kcb_plot_text, with noenhanced). */
void kcb_plot_str(FILE *fp, const char *s);

/*
 * Writes s as a single-quoted gnuplot string, for text set 'noenhanced': labels are file names,
 * printed as they are. (The svg terminal leaves a literal '&' of enhanced text unescaped, which
 * breaks the XML.) Control characters become blanks and invalid UTF-8 '?', which XML needs.
 */
void kcb_plot_text(FILE *fp, const char *s);

/* Closes the script and runs gnuplot on it; the .gp file is kept for restyling. Prints its
 * own one-line error (gnuplot missing or failing); returns an exit code. */
int kcb_plot_run(const char *cmd, struct kcb_plot *p);

#endif
