/* Figures through gnuplot: our code writes data and a script; gnuplot draws the SVG. */
#include "figure.h"

#include <errno.h>
#include <spawn.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

#include "cli.h"
#include "kcb/text.h"

extern char **environ;

int kcb_plot_open(const char *cmd, struct kcb_plot *p, const char *svg_path, int width,
                  int height)
{
    size_t n = strlen(svg_path);
    if (n + 4 >= sizeof p->svg)
        return kcb_usage_err(cmd, "%s: path too long", svg_path);
    snprintf(p->svg, sizeof p->svg, "%s", svg_path);
    if (n > 4 && strcmp(svg_path + n - 4, ".svg") == 0)
        snprintf(p->gp, sizeof p->gp, "%.*s.gp", (int)(n - 4), svg_path);
    else
        snprintf(p->gp, sizeof p->gp, "%s.gp", svg_path);
    p->fp = fopen(p->gp, "w");
    if (!p->fp)
        return kcb_io_err(cmd, "%s: %s", p->gp, strerror(errno));
    fprintf(p->fp, "# Written by kcbench; run 'gnuplot %s' to redraw.\n", p->gp);
    fprintf(p->fp, "set terminal svg size %d,%d dynamic enhanced font 'sans,12' background "
                   "'white'\nset output ", width, height);
    kcb_plot_str(p->fp, p->svg);
    fputc('\n', p->fp);
    return KCB_EXIT_OK;
}

void kcb_plot_data(struct kcb_plot *p, const char *name)
{
    fprintf(p->fp, "$%s << EOD\n", name);
}

void kcb_plot_end_data(struct kcb_plot *p)
{
    fputs("EOD\n", p->fp);
}

void kcb_plot_str(FILE *fp, const char *s)
{
    fputc('"', fp);
    for (; *s; s++) {
        if (*s == '"' || *s == '\\')
            fputc('\\', fp);
        fputc(*s == '\n' ? ' ' : *s, fp);
    }
    fputc('"', fp);
}

int kcb_plot_run(const char *cmd, struct kcb_plot *p)
{
    int bad = ferror(p->fp);
    if (fclose(p->fp) || bad)
        return kcb_io_err(cmd, "%s: write error", p->gp);
    char prog[] = "gnuplot";
    char *argv[] = {prog, p->gp, NULL};
    pid_t pid;
    int st;
    if (posix_spawnp(&pid, "gnuplot", NULL, NULL, argv, environ))
        return kcb_io_err(cmd, "cannot run gnuplot (is it installed? scripts/install-deps.sh "
                          "adds it): the script is in %s", p->gp);
    if (waitpid(pid, &st, 0) < 0 || !WIFEXITED(st) || WEXITSTATUS(st) != 0)
        return kcb_io_err(cmd, "gnuplot failed on %s", p->gp);
    return KCB_EXIT_OK;
}

void kcb_plot_text(FILE *fp, const char *s)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t n = strlen(s);
    fputc('\'', fp);
    while (n) {
        size_t k = kcb_utf8_len(p, n);
        if (k == 0 || *p < 0x20) {
            fputc(k == 0 ? '?' : ' ', fp);
            k = 1;
        } else {
            if (*p == '\'')
                fputc('\'', fp);
            fwrite(p, 1, k, fp);
        }
        p += k;
        n -= k;
    }
    fputc('\'', fp);
}
