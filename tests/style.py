#!/usr/bin/env python3
"""Checks the house rules that a compiler does not: the shape of the code.

usage: style.py [ROOT]      (ROOT defaults to the repository holding this file)

  - every C file under lib/, cli/, include/ and tests/unit/ opens with a one-line comment
    saying what it is for;
  - no such file is over 600 lines, and no function in one is over 80 lines; no script
    (scripts/, tests/: Python and shell) is over 600 lines either;
  - the layers point down only: a file of lib/LAYER includes public headers of its own layer
    or of layers below it (the order is LAYERS; a header's layer is the "lib/LAYER:" its
    first line names), headers likewise, and no library file includes a cli header;
  - the library never prints or exits: no printf, puts, perror, exit, abort, stdout or
    stderr in lib/ (writing to a FILE the caller passes is allowed);
  - the main header of each layer (include/kcb/LAYER.h) names its folder on its first line.
Prints one line per problem and exits 1 if there is any; otherwise prints a summary.
"""
import os
import re
import sys

LAYERS = ["base", "cm", "codec", "measure", "data", "gen", "learn", "probe", "tree", "school"]
MAX_FILE, MAX_FUNC = 600, 80
ROOT = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else
                       os.path.join(os.path.dirname(__file__), ".."))


def c_files():
    for top in ("lib", "cli", "include", "tests/unit", "tests/bench"):
        for d, _, names in os.walk(os.path.join(ROOT, top)):
            for n in sorted(names):
                if n.endswith((".c", ".h")):
                    yield os.path.relpath(os.path.join(d, n), ROOT)


def scripts():
    for top in ("scripts", "tests"):
        for d, _, names in os.walk(os.path.join(ROOT, top)):
            for n in sorted(names):
                if n.endswith((".py", ".sh")):
                    yield os.path.relpath(os.path.join(d, n), ROOT)


def header_layers():
    out = {}
    for n in os.listdir(os.path.join(ROOT, "include/kcb")):
        first = open(os.path.join(ROOT, "include/kcb", n)).readline()
        m = re.match(r"/\* lib/(\w+):", first)
        out[n] = m.group(1) if m else None
    return out


def functions(lines):
    """Yields (name, first line, length) of each function defined at the top level."""
    start = None
    for i, line in enumerate(lines):
        if start is None and line.startswith("{") and i > 0:
            start = i
            j = i - 1
            while j > 0 and "(" not in lines[j]:
                j -= 1
            m = re.search(r"(\w+)\s*\(", lines[j])
            name = m.group(1) if m else "?"
        elif start is not None and line.startswith("}"):
            yield name, start + 1, i - start + 1
            start = None


def check_file(path, layers, problems):
    text = open(os.path.join(ROOT, path), encoding="utf-8").read()
    lines = text.split("\n")
    if not lines[0].startswith("/* ") or "*/" not in "".join(lines[:3]):
        problems.append("%s:1: no one-line comment saying what the file is for" % path)
    if len(lines) - 1 > MAX_FILE:
        problems.append("%s: %d lines, over %d" % (path, len(lines) - 1, MAX_FILE))
    for name, at, n in functions(lines):
        if n > MAX_FUNC:
            problems.append("%s:%d: function %s is %d lines, over %d" % (path, at, name, n,
                                                                        MAX_FUNC))
    own = None
    m = re.match(r"lib/(\w+)/", path)
    if m:
        own = m.group(1)
    elif path.startswith("include/kcb/"):
        own = layers.get(os.path.basename(path))
        if own is None:
            problems.append("%s:1: the first line does not name its layer (lib/LAYER:)" % path)
    if own is None:
        return
    for k, line in enumerate(lines, 1):
        inc = re.match(r'#include "kcb/([\w.]+)"', line)
        if inc and layers.get(inc.group(1)) in LAYERS and \
                LAYERS.index(layers[inc.group(1)]) > LAYERS.index(own):
            problems.append("%s:%d: %s (lib/%s) includes kcb/%s of the higher layer lib/%s" % (
                path, k, os.path.basename(path), own, inc.group(1), layers[inc.group(1)]))
        if path.startswith("lib/") and re.search(r'#include "(cli|\.\./)', line):
            problems.append("%s:%d: the library includes a cli header" % (path, k))
        code = re.sub(r'"(\\.|[^"\\])*"|/\*.*?\*/', "", line)
        if path.startswith("lib/") and re.search(
                r"\b(printf|puts|perror|exit|abort)\s*\(|\bstd(out|err)\b", code):
            problems.append("%s:%d: the library prints or exits: %s" % (path, k, line.strip()))


def main():
    layers, problems = header_layers(), []
    files = list(c_files())
    for f in files:
        check_file(f, layers, problems)
    for f in scripts():
        n = len(open(os.path.join(ROOT, f), encoding="utf-8").read().split("\n")) - 1
        if n > MAX_FILE:
            problems.append("%s: %d lines, over %d" % (f, n, MAX_FILE))
    for layer in LAYERS:
        main_h = os.path.join(ROOT, "include/kcb", layer + ".h")
        if not os.path.exists(main_h):
            problems.append("include/kcb/%s.h: the layer's main header is missing" % layer)
        elif not open(main_h).readline().startswith("/* lib/%s: " % layer):
            problems.append("include/kcb/%s.h:1: does not name lib/%s first" % (layer, layer))
    for p in problems:
        print(p)
    if problems:
        return 1
    print("style: %d files: opening comments, sizes, functions and layers as the rules say"
          % len(files))
    return 0


if __name__ == "__main__":
    sys.exit(main())
