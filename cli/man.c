/* kcbench(1) written in roff from the command and option tables, and the --version report. */
#include <gsl/gsl_version.h>
#include <jansson.h>
#include <nettle/version.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "commands.h"
#include "kcb/codec.h"
#include "man.h"
#include "mpi.h"

#ifndef KCB_VERSION
#error "KCB_VERSION is not defined: the Makefile passes it from the file VERSION"
#endif

#if defined(__clang__)
#define KCB_COMPILER "clang " __clang_version__
#elif defined(__GNUC__)
#define KCB_COMPILER "gcc " __VERSION__
#else
#define KCB_COMPILER "an unknown C11 compiler"
#endif

/* ---- roff text ---- */

/* Decodes the UTF-8 character at s (n bytes left) into *cp; returns its length in bytes.
 * A byte that starts no valid character counts as one byte, U+FFFD. */
static size_t utf8_char(const unsigned char *s, size_t n, unsigned *cp)
{
    size_t len = s[0] >= 0xF0 && s[0] < 0xF5 ? 4 : s[0] >= 0xE0 ? 3 : s[0] >= 0xC2 ? 2 : 0;
    unsigned v = len == 4 ? s[0] & 0x07u : len == 3 ? s[0] & 0x0Fu : s[0] & 0x1Fu;
    *cp = 0xFFFD;
    if (len == 0 || len > n)
        return 1;
    for (size_t i = 1; i < len; i++) {
        if ((s[i] & 0xC0u) != 0x80u)
            return 1;
        v = v << 6 | (s[i] & 0x3Fu);
    }
    *cp = v;
    return len;
}

/* Writes s[0..n) escaped for roff: a backslash as \e, '-' as \- (options are typed with a
 * minus sign, and copy as one), and every non-ASCII character as \[uXXXX]. */
static void esc(FILE *fp, const char *s, size_t n)
{
    const unsigned char *u = (const unsigned char *)s;
    for (size_t i = 0; i < n;) {
        if (u[i] >= 0x80) {
            unsigned cp;
            i += utf8_char(u + i, n - i, &cp);
            fprintf(fp, "\\[u%04X]", cp);
            continue;
        }
        if (s[i] == '\\')
            fputs("\\e", fp);
        else if (s[i] == '-')
            fputs("\\-", fp);
        else
            fputc(s[i], fp);
        i++;
    }
}

static void esc_str(FILE *fp, const char *s)
{
    esc(fp, s, strlen(s));
}

/* Writes s[0..n) as one line of roff text, a leading '.' or '\'' guarded by \& so that it is
 * not read as a request. */
static void text_line(FILE *fp, const char *s, size_t n)
{
    if (n > 0 && (s[0] == '.' || s[0] == '\''))
        fputs("\\&", fp);
    esc(fp, s, n);
    fputc('\n', fp);
}

/* ---- blocks of text: filled, a definition list, or kept line for line ---- */

#define MAX_LINES 64

struct line {
    const char *s;
    size_t n;
};

/* Splits s[0..n) at '\n' into l; returns the number of lines, max + 1 if there are more. */
static size_t split_lines(const char *s, size_t n, struct line *l, size_t max)
{
    size_t k = 0;
    while (n > 0) {
        const char *nl = memchr(s, '\n', n);
        size_t len = nl ? (size_t)(nl - s) : n;
        if (k == max)
            return max + 1;
        l[k++] = (struct line){s, len};
        n -= nl ? len + 1 : len;
        s += nl ? len + 1 : len;
    }
    return k;
}

static size_t indent_of(struct line l)
{
    size_t i = 0;
    while (i < l.n && l.s[i] == ' ')
        i++;
    return i;
}

/* Where the first two blanks in a row of l are, from index from on; l.n if nowhere. */
static size_t gap_at(struct line l, size_t from)
{
    for (size_t i = from; i + 1 < l.n; i++)
        if (l.s[i] == ' ' && l.s[i + 1] == ' ')
            return i;
    return l.n;
}

/* Whether l is running text: it starts with no blank and has no two blanks in a row. */
static int prose_line(struct line l)
{
    return indent_of(l) == 0 && gap_at(l, 0) == l.n;
}

/* Whether l opens a definition list, "TERM  text" (two blanks or more between): sets *lead
 * and *col to the columns where TERM and text start. */
static int list_head(struct line l, size_t *lead, size_t *col)
{
    size_t c = gap_at(l, indent_of(l));
    if (c == l.n)
        return 0;
    *lead = indent_of(l);
    while (c < l.n && l.s[c] == ' ')
        c++;
    *col = c;
    return c < l.n;
}

/* Whether l is an item of the list whose terms start at lead and texts at col: its text at
 * col, after two blanks, or after one that follows a term of one word ("optimistic: the"). */
static int list_item(struct line l, size_t lead, size_t col)
{
    if (indent_of(l) != lead || l.n <= col || l.s[col - 1] != ' ' || l.s[col] == ' ')
        return 0;
    return l.s[col - 2] == ' ' || !memchr(l.s + lead, ' ', col - 1 - lead);
}

/* Whether l continues the text of an item of the list whose texts start at col. */
static int list_more(struct line l, size_t col)
{
    return indent_of(l) == col && l.n > col;
}

/* A run of lines of a block: prose (col 0), or a definition list with its columns. */
struct run {
    size_t at, n, lead, col;
};

/*
 * Splits the lines l[0..nl) into runs: prose lines (no leading blank, no two blanks in a row)
 * and definition lists, whose items "TERM  text" share one indent and one text column and
 * go on in lines indented to that column (as the kinds of 'kcbench gen'). Returns the number
 * of runs, or 0 when a line fits neither: the block is then kept as it is.
 */
static size_t runs_of(const struct line *l, size_t nl, struct run *r)
{
    size_t k = 0;
    for (size_t i = 0; i < nl; k++) {
        r[k] = (struct run){i, 0, 0, 0};
        if (prose_line(l[i])) {
            while (i < nl && prose_line(l[i]))
                i++;
        } else if (list_head(l[i], &r[k].lead, &r[k].col)) {
            for (i++; i < nl && (list_item(l[i], r[k].lead, r[k].col) ||
                                 list_more(l[i], r[k].col));)
                i++;
        } else {
            return 0;
        }
        r[k].n = i - r[k].at;
    }
    return k;
}

/* Writes the definition list l[0..nl) (see runs_of) as tagged paragraphs between .RS and
 * .RE: nested in an option's paragraph, or at the margin (.RS 0); without space between the
 * items when each is one line. */
static void def_list(FILE *fp, const struct line *l, size_t nl, size_t lead, size_t col,
                     int nested)
{
    int compact = 1;
    for (size_t i = 0; i < nl; i++)
        compact &= indent_of(l[i]) == lead;
    fputs(nested ? ".RS\n" : ".RS 0\n", fp);
    if (compact)
        fputs(".PD 0\n", fp);
    for (size_t i = 0; i < nl; i++) {
        if (indent_of(l[i]) == lead) {
            size_t end = gap_at(l[i], lead);
            fprintf(fp, ".TP %zun\n", col - lead);
            text_line(fp, l[i].s + lead, (end < col ? end : col - 1) - lead);
        }
        text_line(fp, l[i].s + col, l[i].n - col);
    }
    if (compact)
        fputs(".PD\n", fp);
    fputs(".RE\n", fp);
}

/* Writes s[0..n) line for line, between .nf and .fi. */
static void kept(FILE *fp, const char *s, size_t n)
{
    fputs(".nf\n", fp);
    while (n > 0) {
        const char *nl = memchr(s, '\n', n);
        size_t len = nl ? (size_t)(nl - s) : n;
        text_line(fp, s, len);
        n -= nl ? len + 1 : len;
        s += nl ? len + 1 : len;
    }
    fputs(".fi\n", fp);
}

/* Writes s[0..n): prose filled, definition lists as tagged paragraphs (see runs_of), a block
 * of any other shape line for line. nested: s is the text of an option, inside its tagged
 * paragraph. An empty line, or prose after a list, starts a new paragraph. */
static void block(FILE *fp, const char *s, size_t n, int nested)
{
    struct line l[MAX_LINES];
    struct run r[MAX_LINES];
    size_t nl = split_lines(s, n, l, MAX_LINES);
    size_t nr = nl <= MAX_LINES ? runs_of(l, nl, r) : 0;
    const char *para = nested ? ".IP\n" : ".PP\n";
    if (nr == 0 && n > 0)
        kept(fp, s, n);
    for (size_t i = 0; i < nr; i++) {
        if (r[i].col) {
            def_list(fp, l + r[i].at, r[i].n, r[i].lead, r[i].col, nested);
            continue;
        }
        fputs(i > 0 ? para : "", fp);
        for (size_t j = r[i].at; j < r[i].at + r[i].n; j++) {
            if (l[j].n)
                text_line(fp, l[j].s, l[j].n);
            else
                fputs(para, fp);
        }
    }
}

/* Writes text, a block at the margin. */
static void text(FILE *fp, const char *s)
{
    block(fp, s, strlen(s), 0);
}

/* Writes text as a paragraph of its own. */
static void para(FILE *fp, const char *s)
{
    fputs(".PP\n", fp);
    text(fp, s);
}

/* Writes text's paragraphs (separated by blank lines), each starting with .PP. */
static void paragraphs(FILE *fp, const char *text)
{
    const char *p = text;
    for (;;) {
        while (*p == '\n')
            p++;
        if (!*p)
            return;
        const char *end = strstr(p, "\n\n");
        size_t n = end ? (size_t)(end - p) : strlen(p);
        while (n > 0 && p[n - 1] == '\n')
            n--;
        fputs(".PP\n", fp);
        block(fp, p, n, 0);
        p += n;
    }
}

/* ---- one command ---- */

/* Writes s[0..n) (no leading blank) as one line of roff text, each run of blanks made one. */
static void words_line(FILE *fp, const char *s, size_t n)
{
    if (n > 0 && (s[0] == '.' || s[0] == '\''))
        fputs("\\&", fp);
    for (size_t i = 0, j; i < n; i = j) {
        for (j = i; j < n && s[j] != ' ';)
            j++;
        esc(fp, s + i, j - i);
        while (j < n && s[j] == ' ')
            j++;
        if (j < n)
            fputc(' ', fp);
    }
    fputc('\n', fp);
}

/* The usage lines, each a .SY/.YS synopsis: "kcbench NAME" and the synopsis's first line,
 * then one for each further line that starts with "kcbench NAME "; the other lines continue
 * the synopsis before them. */
static void synopsis(FILE *fp, const struct kcb_cmd *c)
{
    size_t self = strlen("kcbench ") + strlen(c->name);
    int first = 1;
    for (const char *p = c->synopsis, *line = p; *line; line = p, first = 0) {
        const char *nl = strchr(line, '\n');
        p = nl ? nl + 1 : line + strlen(line);
        line += strspn(line, " ");
        size_t len = (size_t)((nl ? nl : p) - line);
        int own = len > self && strncmp(line, "kcbench ", 8) == 0 && line[self] == ' ' &&
                  strncmp(line + 8, c->name, self - 8) == 0;
        if (own || first) {
            fputs(first ? "" : ".YS\n", fp);
            fputs(".SY \"kcbench ", fp);
            esc_str(fp, c->name);
            fputs("\"\n", fp);
            line += own ? self + 1 : 0;
            len -= own ? self + 1 : 0;
        }
        words_line(fp, line, len);
    }
    fputs(".YS\n", fp);
}

/* ".TP", then "-c, --codec LIST" in bold with the argument in italics. */
static void option_tag(FILE *fp, int key, const char *name, const char *arg)
{
    fputs(".TP\n", fp);
    if (key < KCB_OPT_LONG)
        fprintf(fp, "\\fB\\-%c\\fR, ", key);
    fputs("\\fB\\-\\-", fp);
    esc_str(fp, name);
    fputs("\\fR", fp);
    if (arg) {
        fputs(" \\fI", fp);
        esc_str(fp, arg);
        fputs("\\fR", fp);
    }
    fputc('\n', fp);
}

void kcb_man_command(FILE *fp, const struct kcb_cmd *c)
{
    fputs(".SS ", fp);
    esc_str(fp, c->name);
    fputc('\n', fp);
    synopsis(fp, c);
    paragraphs(fp, c->about);
    for (const struct kcb_opt *o = c->opts; o && o->name; o++) {
        option_tag(fp, o->key, o->name, o->arg);
        block(fp, o->help, strlen(o->help), 1);
    }
    if (c->notes)
        paragraphs(fp, c->notes);
}

/* ---- the page ---- */

/* Whether codec i is the first of the table with its library. */
static int first_of_library(const struct kcb_codec *const *all, size_t i)
{
    for (size_t j = 0; j < i; j++)
        if (strcmp(all[j]->library, all[i]->library) == 0)
            return 0;
    return 1;
}

/* "gzip, zlib, deflate (zlib), xz (liblzma), ...": the codecs of this build by library. */
static void codec_list(FILE *fp)
{
    size_t n;
    const struct kcb_codec *const *all = kcb_codecs(&n);
    const char *sep = "";
    for (size_t i = 0; i < n; i++) {
        if (!first_of_library(all, i))
            continue;
        fputs(sep, fp);
        sep = ",\n";
        for (size_t j = i, k = 0; j < n; j++) {
            if (strcmp(all[j]->library, all[i]->library) != 0)
                continue;
            fputs(k++ ? ", " : "", fp);
            esc_str(fp, all[j]->name);
        }
        fputs(" (", fp);
        esc_str(fp, all[i]->library);
        fputc(')', fp);
    }
    fputs(".\n", fp);
}

static void head(FILE *fp)
{
    fputs(".\\\" kcbench(1), written by 'kcbench help \\-\\-man' from kcbench's command and\n"
          ".\\\" option tables (cli/cli.h): edit those, not this page.\n"
          ".TH KCBENCH 1 \"\" \"kcbench ", fp);
    esc_str(fp, KCB_VERSION);
    /* ragged right, no hyphenation (HY: also after .YS): names and formulas stay whole */
    fputs("\" \"User Commands\"\n.ad l\n.nr HY 0\n.nh\n.SH NAME\nkcbench \\- ", fp);
    esc_str(fp, KCB_TAGLINE);
    fputs("\n.SH SYNOPSIS\n.nf\n\\fBkcbench\\fR \\fICOMMAND\\fR [\\fIOPTIONS\\fR] [\\fIARGS\\fR]\n"
          "\\fBkcbench help\\fR [\\fICOMMAND\\fR]\n\\fBkcbench \\-\\-version\\fR\n.fi\n", fp);
}

static void description(FILE *fp, size_t ncmd, const struct kcb_cmd *const *cmds)
{
    fputs(".SH DESCRIPTION\n", fp);
    text(fp, "The Kolmogorov complexity K(x) of an input x, the length of the shortest program\n"
              "that prints x, is not computable. A real compressor gives an upper bound: C(x),\n"
              "the size of its output. kcbench uses compression libraries as such computable\n"
              "stand-ins and measures what follows from them: the normalized compression\n"
              "distance NCD(x,y) = (C(xy) - min(C(x),C(y))) / max(C(x),C(y)) of two inputs or\n"
              "the matrix of many, kNN text classification under NCD, leaderboards that rank\n"
              "compressors as compressors and as learners, and probes of how compression\n"
              "tracks learning.");
    fputs(".PP\nThe compressors of this build, by the library behind them:\n", fp);
    codec_list(fp);
    text(fp, "'kcbench codecs' lists their levels, windows and linked versions.");
    para(fp, "The commands, each described with its options under COMMANDS:");
    for (size_t i = 0; i < ncmd; i++) {
        fputs(".TP\n.B ", fp);
        esc_str(fp, cmds[i]->name);
        fputc('\n', fp);
        text(fp, cmds[i]->summary);
    }
    para(fp, "'kcbench help COMMAND' and 'kcbench COMMAND --help' print the same description\n"
             "of one command, made from the same tables as this page. Every error is one line\n"
             "on standard error that names what is wrong (the file, and the line where there\n"
             "is one); nothing is written to standard output then.");
}

/* The options every command takes: they are not in the commands' tables. */
static void common_options(FILE *fp)
{
    fputs(".SH OPTIONS\n", fp);
    text(fp, "Every command takes these besides its own (listed under COMMANDS):");
    option_tag(fp, 'q', "quiet", NULL);
    text(fp, "no progress on standard error");
    option_tag(fp, 'h', "help", NULL);
    text(fp, "print the command's description and options, as 'kcbench help COMMAND' does");
    option_tag(fp, KCB_OPT_LONG, "version", NULL);
    text(fp, "only as 'kcbench --version': print the version of kcbench, the compiler that\n"
             "built it, and the version of each library it runs on (each codec's library,\n"
             "jansson, GSL and nettle), as linked at run time");
}

static void status(FILE *fp, int code, const char *what)
{
    fprintf(fp, ".TP\n.B %d\n", code);
    text(fp, what);
}

static void tail(FILE *fp)
{
    fputs(".SH \"EXIT STATUS\"\n", fp);
    status(fp, KCB_EXIT_OK, "success");
    status(fp, KCB_EXIT_FAIL, "the work ran and found a failure, such as a round trip that\n"
                              "did not give the input back (kcbench bench)");
    status(fp, KCB_EXIT_USAGE, "usage error: an unknown command, option, compressor, level\n"
                               "or format, or a missing argument");
    status(fp, KCB_EXIT_IO, "input/output error: a missing, unreadable or malformed input,\n"
                            "or output that could not be written");
    status(fp, KCB_EXIT_INTERRUPTED, "interrupted by SIGINT or SIGTERM (the parallel loops\n"
                                     "stop; eval writes the results it finished)");
    fputs(".SH ENVIRONMENT\n.TP\n.B KCB_PROGRESS_EVERY\n", fp);
    text(fp, "Seconds between progress lines when standard error is not a terminal (default\n"
             "15). On a terminal, progress is one line redrawn at most four times a second;\n"
             "-q turns progress off.");
    fputs(".TP\n.B NO_COLOR\n", fp);
    text(fp, "kcbench writes no colour, whether it is set or not.");
    fputs(".TP\n.B KCB_DATA\n", fp);
    text(fp, "Read by kcbench examples alone, for the real datasets it adds to its built-in\n"
             "data (--data overrides it, --builtin ignores it); every other command takes its\n"
             "inputs from its command line. The tests,\n"
             "scripts/fetch-corpora.sh and the README's examples find the real datasets\n"
             "there (Canterbury, Calgary, R8, ...; default ../shared/datasets beside the\n"
             "source tree); a test whose data is absent is skipped and named.");
    fputs(".SH \"SEE ALSO\"\n"
          ".BR gzip (1),\n.BR xz (1),\n.BR zstd (1),\n.BR bzip2 (1),\n.BR brotli (1),\n"
          ".BR lz4 (1),\n.BR gnuplot (1)\n", fp);
    para(fp, "README.md in kcbench's source tree: a tour of every command, with examples.");
    para(fp, "R. Cilibrasi and P. M. B. Vitanyi, Clustering by compression, IEEE Transactions\n"
             "on Information Theory 51(4), 2005.");
    para(fp, "Z. Jiang et al., \"Low-Resource\" Text Classification: A Parameter-Free\n"
             "Classification Method with Compressors, Findings of ACL 2023.");
}

void kcb_man_page(FILE *fp)
{
    size_t n;
    const struct kcb_cmd *const *cmds = kcb_commands(&n);
    head(fp);
    description(fp, n, cmds);
    fputs(".SH COMMANDS\n", fp);
    for (size_t i = 0; i < n; i++)
        kcb_man_command(fp, cmds[i]);
    common_options(fp);
    tail(fp);
}

/* ---- kcbench --version ---- */

/* One line of the report: NAME VERSION WHAT, in columns. */
static void version_line(FILE *fp, const char *name, const char *version, const char *what)
{
    fprintf(fp, "%-11s %-9s %s\n", name, version, what);
}

const char *kcb_version(void)
{
    return KCB_VERSION;
}

const char *kcb_compiler(void)
{
    return KCB_COMPILER;
}

void kcb_version_report(FILE *fp)
{
    size_t n;
    const struct kcb_codec *const *all = kcb_codecs(&n);
    fprintf(fp, "kcbench %s\ncompiler    %s\n", KCB_VERSION, KCB_COMPILER);
    for (size_t i = 0; i < n; i++) {
        if (!first_of_library(all, i))
            continue;
        char codecs[256] = "codecs: ";
        for (size_t j = i; j < n; j++)
            if (strcmp(all[j]->library, all[i]->library) == 0)
                snprintf(codecs + strlen(codecs), sizeof codecs - strlen(codecs), "%s%s",
                         j == i ? "" : ", ", all[j]->name);
        version_line(fp, all[i]->library, all[i]->version(), codecs);
    }
    version_line(fp, "jansson", jansson_version_str(),
                 "JSON (tree's matrices, eval --predictions)");
    version_line(fp, "gsl", gsl_version, "least-squares fits (probe scaling)");
    char nettle[32];
    snprintf(nettle, sizeof nettle, "%d.%d", nettle_version_major(), nettle_version_minor());
    version_line(fp, "nettle", nettle, "SHA-256 (eval's part fingerprints)");
    if (kcb_mpi_library()) /* an MPI build (make MPI=1) */
        fprintf(fp, "%-11s %s (eval across the ranks of mpirun)\n", "mpi", kcb_mpi_library());
}
