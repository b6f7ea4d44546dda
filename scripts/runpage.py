"""The HTML page of the main job: sections made from kcbench's JSON rows, figures inlined.

Each section is an HTML string: a heading, a paragraph on what was measured, the command
above each table, the table, and the figures as inline SVG. page() puts them together with
a table of contents and links to every Markdown report.
"""
import html
import os
import re
import subprocess

from kcbreport import fmt

CSS = """body{font:15px/1.45 system-ui,sans-serif;max-width:1100px;margin:2em auto;padding:0 1em;
color:#222}h1{font-size:1.7em}h2{border-bottom:1px solid #ccc;padding-bottom:.2em;margin-top:2em}
pre.cmd{background:#f4f4f4;padding:.5em;overflow-x:auto;font-size:.85em}
table{border-collapse:collapse;margin:.5em 0 1em;font-size:.85em}
td,th{border:1px solid #ddd;padding:.2em .5em}td.n{text-align:right;font-variant-numeric:tabular-nums}
th{background:#f0f0f0}.holds{color:#1a7f37;font-weight:bold}.fails{color:#b42318;font-weight:bold}
.cond{color:#9a6700;font-weight:bold}figure{margin:1em 0}figure svg{max-width:100%;height:auto}
figcaption{font-size:.85em;color:#555}nav li{margin:.1em 0}details{margin:.5em 0}"""


def esc(s):
    return html.escape(str(s), quote=True)


def table(rows, cols, heads=None, digits=None):
    """An HTML table of kcbench rows (dicts): columns cols, titled by heads."""
    heads, digits = heads or {}, digits or {}
    out = ["<table><tr>" + "".join("<th>%s</th>" % esc(heads.get(c, c)) for c in cols) + "</tr>"]
    for r in rows:
        cells = []
        for c in cols:
            v = r.get(c)
            num = isinstance(v, (int, float)) and not isinstance(v, bool)
            cells.append("<td%s>%s</td>" % (' class="n"' if num else "",
                                             esc(fmt(v, digits.get(c, 4)))))
        out.append("<tr>" + "".join(cells) + "</tr>")
    return "\n".join(out) + "</table>"


def command(run):
    return '<pre class="cmd">%s</pre>' % esc(run.command)


def svg_inline(path, caption):
    """The SVG file at path inlined in a figure (its XML prologue dropped)."""
    text = open(path, encoding="utf-8").read()
    text = re.sub(r"^<\?xml[^>]*>\s*", "", text)
    text = re.sub(r"<!DOCTYPE[^>]*>\s*", "", text)
    return "<figure>%s<figcaption>%s</figcaption></figure>" % (text, esc(caption))


def section(anchor, title, body):
    return '<section id="%s"><h2>%s</h2>\n%s</section>' % (anchor, esc(title), body)


# ---- the sections ----

def codecs_section(run):
    cols = ["name", "library", "version", "level_min", "level_max", "level_default", "window",
            "empty_size", "format"]
    return section("codecs", "The compressors of this build",
                   "<p>Each is a real library, driven through one interface; C(x) is the size "
                   "of its whole output, container included.</p>" + command(run) +
                   table(run.rows, cols))


VERDICT_CLASS = {"holds": "holds", "fails": "fails"}


def examples_section(run):
    head = ("<p>Each claim of the summer-school slides (Part II, Compression) is measured, "
            "and a verdict is computed from the numbers by the rule stated beside it.</p>" +
            command(run) + "<table><tr><th>example</th><th>claim</th><th>verdict</th>"
                           "<th>rule</th></tr>")
    rows, details = [], []
    for e in run.rows:
        verdict = str(e.get("verdict", ""))
        cls = VERDICT_CLASS.get(verdict, "cond")
        cond = e.get("condition") or ""
        rows.append("<tr><td><a href=\"#ex-%s\">%s</a></td><td>%s</td><td class=\"%s\">%s%s"
                    "</td><td>%s</td></tr>" % (esc(e["name"]), esc(e["name"]),
                                               esc(e.get("claim", "")), cls, esc(verdict),
                                               (": " + esc(cond)) if cond else "",
                                               esc(e.get("rule", ""))))
        measured = e.get("rows") or []
        cols = list(measured[0]) if measured else []
        details.append('<details id="ex-%s"><summary>%s: what was measured (%d rows)</summary>'
                       "%s</details>" % (esc(e["name"]), esc(e["name"]), len(measured),
                                         table(measured, cols)))
    return section("examples", "The summer-school claims, with verdicts",
                   head + "\n".join(rows) + "</table>" + "\n".join(details))


def pareto(points):
    """The points (speed, ratio, name) that no other point beats on both."""
    front = []
    for p in sorted(points, key=lambda p: (-p[0], -p[1])):
        if not front or p[1] > front[-1][1]:
            front.append(p)
    return front


def pareto_figures(rows, figdir, title):
    """The ratio-versus-speed figure of a corpus (its totals), drawn by gnuplot; returns
    [(svg path, caption)]."""
    out = []
    for f in ("(total)",):
        pts = [(r["compress_mbs_best"], r["ratio"], r["compressor"]) for r in rows
               if r["file"] == f and r["verified"] and r["compressor"] != "memcpy"
               and r.get("compress_mbs_best") and r.get("ratio")]
        if len(pts) < 2:
            continue
        slug = re.sub(r"[^A-Za-z0-9]+", "-", title).strip("-").lower()
        svg = os.path.join(figdir, "pareto-%s.svg" % slug)
        draw_pareto(svg, pts, pareto(pts), "%s, all files together" % title)
        out.append((svg, "%s: compression ratio against compression speed (log scale), all "
                         "files together; the line joins the Pareto front, the compressors "
                         "that no other beats on both." % title))
    return out


def gp_str(s):
    return "'%s'" % str(s).replace("'", "''")


def draw_pareto(svg, pts, front, title):
    gp = svg[:-4] + ".gp"
    with open(gp, "w") as f:
        f.write("set terminal svg size 720,420 dynamic font 'sans,11' background 'white'\n")
        f.write("set output %s\nset title %s noenhanced\n" % (gp_str(svg), gp_str(title)))
        f.write("set logscale x\nset xlabel 'compression speed, MB/s (best of the timed calls)'\n"
                "set ylabel 'ratio (original / compressed)'\nset grid\nset key off\n"
                "set offsets graph 0.05, graph 0.15, graph 0.1, graph 0.05\n")
        f.write("$P << EOD\n" + "".join("%g %g %s\n" % (x, y, n) for x, y, n in pts) + "EOD\n")
        f.write("$F << EOD\n" + "".join("%g %g\n" % (x, y) for x, y, _ in front) + "EOD\n")
        f.write("plot $F using 1:2 with lines lw 2 lc rgb '#1f4e79', "
                "$P using 1:2 with points pt 7 ps 0.8 lc rgb '#1f4e79', "
                "$P using 1:2:3 with labels offset 0.6,0.6 left font ',9' noenhanced\n")
    subprocess.run(["gnuplot", gp], check=True)


BENCH_COLS = ["compressor", "file", "original", "compressed", "ratio", "compress_mbs_best",
              "decompress_mbs_best", "ncd_xx", "verified"]
BENCH_HEADS = {"compress_mbs_best": "comp. MB/s", "decompress_mbs_best": "dec. MB/s",
               "ncd_xx": "NCD(x,x)"}


def bench_section(title, run, figs):
    rows = [r for r in run.rows if r["file"] == "(total)"]
    body = ("<p>In memory, each compressor timed on each file (best of the timed calls) and "
            "every result round-trip verified; MB = 10<sup>6</sup> bytes. NCD(x,x) near 0 "
            "means the compressor still sees x when it reads it again.</p>" + command(run) +
            "<p>Totals over the files:</p>" +
            table(rows, BENCH_COLS, BENCH_HEADS, {"ratio": 3, "compress_mbs_best": 1,
                                                  "decompress_mbs_best": 1}) +
            "".join(svg_inline(svg, cap) for svg, cap in figs) +
            "<details><summary>every file</summary>%s</details>" % table(
                run.rows, BENCH_COLS, BENCH_HEADS, {"ratio": 3, "compress_mbs_best": 1,
                                                    "decompress_mbs_best": 1}))
    anchor = "bench-" + re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")
    return section(anchor, "Leaderboard: " + title, body)


def eval_section(title, run):
    rows = [r for r in run.rows if r["k"] in (1, 2)]
    n = run.rows[0]["n_test"] if run.rows else 0
    body = ("<p>kNN on NCD, test text first, one space between texts; n_test = %d. "
            "<code>optimistic</code> is Jiang et al.'s scoring (a k=2 tie counts as right if "
            "either label is), reported only under its name.</p>" % n + command(run) +
            table(rows, ["dataset", "compressor", "k", "rule", "n_test", "accuracy",
                         "macro_f1"]))
    anchor = "eval-" + re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")
    return section(anchor, "Classification: " + title, body)


def probes_section(concat, window, scaling, svgs):
    rows = [r for r in concat.rows if r["x"] != r["y"]]
    body = ("<p>The concatenation gain C(X)+C(Y)&minus;C(XY) of built-in texts (two texts of "
            "each of two synthetic sources, one of a third): texts of one source share more "
            "than texts of two.</p>" + command(concat) +
            table(rows, ["compressor", "x", "y", "cx", "cy", "cxy", "gain", "gain_rel",
                         "held"]) + svg_inline(svgs[0], "relative concatenation gain") +
            command(window) + svg_inline(svgs[1], "NCD(x,x) as x grows: each compressor's "
                                                  "window") +
            command(scaling) + svg_inline(svgs[2], "the cost of new data given n bytes seen"))
    return section("probes", "Compression equals learning: probes", body)


def tree_section(rows, run, svg):
    body = ("<p>NCD with xz -6 over the built-in samples, and the neighbour-joining tree "
            "(midpoint-rooted): texts of one synthetic source pair up.</p>" + command(run) +
            svg_inline(svg, "neighbour-joining tree of the built-in samples"))
    return section("tree", "An NCD tree of the built-in samples", body)


# ---- the page ----

def reports_links(out, root):
    rdir = os.path.join(root, "reports")
    names = sorted(n for n in os.listdir(rdir) if n.endswith(".md"))
    items = []
    for n in names:
        rel = os.path.relpath(os.path.join(rdir, n), out)
        items.append('<li><a href="%s">%s</a></li>' % (esc(rel), esc(n)))
    return section("reports", "The reports", "<p>Longer runs on real corpora and datasets, "
                   "each with the commands that made it (<code>make reports</code>):</p><ul>%s"
                   "</ul>" % "".join(items))


def page(sections, machine, out, root, seconds):
    toc = "".join('<li><a href="#%s">%s</a></li>' % (
        re.search(r'id="([^"]+)"', s).group(1), esc(re.search(r"<h2>(.*?)</h2>", s).group(1)))
        for s in sections)
    return ("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
            "<title>kcbench: what it measured</title><style>%s</style></head><body>\n"
            "<h1>kcbench: compressors as stand-ins for Kolmogorov complexity</h1>\n"
            "<p>What this run of <code>make run</code> measured, on data kcbench generates "
            "itself from fixed seeds (and on real corpora where this machine has them), "
            "in %.0f seconds on %s. Every number below comes from kcbench's JSON output; the "
            "command that made each table is shown above it.</p>\n<nav><ul>%s"
            "<li><a href=\"#reports\">The reports</a></li></ul></nav>\n%s\n%s\n</body></html>\n"
            % (CSS, seconds, esc(machine), toc, "\n".join(sections), reports_links(out, root)))
