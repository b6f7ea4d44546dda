#!/usr/bin/env python3
"""The acceptance check: `kcbench ncd` prints exactly what Python's own compressors give.

usage: check_oracle.py GROUP      (run from tests/cli/oracle.t with $KCBENCH set)

    strings SPEC   for many pairs of strings x, y (ASCII, multi-byte UTF-8, invalid UTF-8,
                   random printable, repetitive, empty, ~120 KB), the output of
                   `kcbench ncd -c SPEC --sep ' ' -s -- x y` is exactly the oracle's '%.6f'
                   of (C(x·' '·y) - min(C(x),C(y))) / max(C(x),C(y)), and nothing else
    json           for every codec the oracle knows, -f json gives cx, cy, cxy equal to the
                   oracle's sizes, and the value from them
    files          inputs of 100-150 KB given as files (and one on standard input), with and
                   without --sep, for every codec the oracle knows

Prints one summary line on success. On any mismatch, prints each (up to 20) on stderr with
the command that produced it and exits 1.
"""
import json
import os
import random
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import oracle  # noqa: E402  (tests/oracle.py)

KCBENCH = os.environ.get("KCBENCH") or sys.exit("check_oracle.py: set KCBENCH")
SPECS = ["gzip:9", "zlib:9", "deflate:6", "deflate:9", "xz:6", "xz:9", "bzip2:9"]
MAX_ARG = 131072 - 1  # Linux MAX_ARG_STRLEN, less the terminating NUL


def words(rng, n, vocab):
    """About n bytes of word salad from vocab, deterministic for rng."""
    out, size = [], 0
    while size < n:
        w = rng.choice(vocab)
        out.append(w)
        size += len(w) + 1
    return " ".join(out).encode()[:n]


def printable(rng, n):
    # string.printable without \x0b\x0c: still control characters, still valid argv bytes
    alphabet = [chr(c) for c in range(32, 127)] + ["\t", "\n", "\r"]
    return "".join(rng.choice(alphabet) for _ in range(n)).encode()


def corpus():
    """Named test strings; deterministic. The big ones stay under MAX_ARG."""
    rng = random.Random(20240601)
    vocab = ["".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(rng.randint(2, 9)))
             for _ in range(300)]
    s = {
        "empty": b"",
        "space": b" ",
        "hello": b"hello world",
        "hello2": b"hello there, world",
        "fox": b"The quick brown fox jumps over the lazy dog",
        "fox2": b"The quick brown dog jumps over the lazy fox.",
        "utf8": "Grüße, 世界 🙂".encode(),
        "utf8b": "Grüße, Welt! 世界の皆さん、こんにちは 🙂🙃 Ελληνικά".encode(),
        "invalid": b"\xff\xfe\x80 not UTF-8 \xc3\x28 \xed\xa0\x80 \xf8\x88\x80\x80\x80",
        "dash": b"-x starts with a dash",
        "rand300": printable(rng, 300),
        "rand2k": printable(rng, 2000),
        "rep_a": b"a" * 1000,
        "rep_abc": b"abcabcabd" * 300,
        "text5k": words(rng, 5000, vocab),
        "big_text": words(rng, 120000, vocab),
        "big_rand": printable(rng, 110000),
        "big_rep": b"0123456789" * 12000,
    }
    for name, v in s.items():
        assert len(v) <= MAX_ARG and b"\0" not in v, name
    return s


def pair_list(s, cheap):
    """Ordered pairs (x, y): all of the small strings both ways, and the big ones with each
    other and with a few small ones. For slow codecs (not cheap) a thinner selection."""
    small = [k for k in s if not k.startswith("big")]
    big = [k for k in s if k.startswith("big")]
    if cheap:
        out = [(a, b) for a in small for b in small]
    else:
        out = [(a, b) for i, a in enumerate(small) for b in small[i:i + 3]]
        out += [(b, a) for a, b in out[1::3] if a != b]
    for a in big:
        for b in big + ["empty", "utf8", "rand2k"]:
            out.append((a, b))
            if b not in big:
                out.append((b, a))
    if not cheap:
        out = [p for p in out if not (p[0].startswith("big") and p[1].startswith("big"))
               or p[0] == p[1]]
    return out


def kcbench(args):
    r = subprocess.run([KCBENCH, "ncd"] + args, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    return r.returncode, r.stdout, r.stderr


def show(args):
    """The command line for a message, long strings cut short."""
    out = []
    for a in args:
        if isinstance(a, bytes):
            a = repr(a[:40]) + ("...(%d bytes)" % len(a) if len(a) > 40 else "")
        out.append(a)
    return "kcbench ncd " + " ".join(out)


class Checker:
    def __init__(self):
        self.bad, self.count = [], 0

    def expect(self, args, want_stdout, rc, out, err):
        self.count += 1
        if rc == 0 and out == want_stdout and err == b"":
            return
        self.bad.append("%s\n  exit %d, stderr %r\n  want %r\n  got  %r" % (
            show(args), rc, err[:200], want_stdout[:300], out[:300]))

    def finish(self, summary):
        for b in self.bad[:20]:
            print(b, file=sys.stderr)
        if self.bad:
            print("%d of %d checks failed" % (len(self.bad), self.count), file=sys.stderr)
            return 1
        if self.count == 0:
            print("no checks ran", file=sys.stderr)
            return 1
        print(summary % self.count)
        return 0


def spec_parts(spec):
    codec, level = spec.split(":")
    return codec, int(level)


def group_strings(spec):
    codec, level = spec_parts(spec)
    s = corpus()
    ck = Checker()
    pairs = pair_list(s, cheap=codec in ("gzip", "zlib", "deflate"))
    if spec == "xz:9":  # ~45 ms a run, for its 64 MiB dictionary: every other pair
        pairs = pairs[::2]
    for a, b in pairs:
        x, y = s[a], s[b]
        want = oracle.fmt(oracle.ncd(codec, level, b" ", x, y)) + "\n"
        args = ["-c", spec, "--sep", " ", "-s", "--", x, y]
        ck.expect(args, want.encode(), *kcbench(args))
    return ck.finish("%%d pairs of strings: kcbench ncd -c %s --sep ' ' -s equals the oracle"
                     % spec)


def parsed(text):
    """JSON with numbers kept as their text, so that 0.5 and 0.500000 differ; None if invalid."""
    try:
        return json.loads(text, parse_float=str)
    except ValueError:
        return None


def group_json():
    s = corpus()
    ck = Checker()
    names = ["empty", "hello", "fox", "utf8", "invalid", "rand2k", "rep_abc", "big_text"]
    pairs = [(a, b) for a in names for b in names if a != b][::3] + [("utf8", "utf8")]
    for spec in SPECS:
        codec, level = spec_parts(spec)
        for a, b in pairs if spec != "xz:9" else pairs[::2]:
            x, y = s[a], s[b]
            cx, cy, cxy = oracle.ncd_sizes(codec, level, b" ", x, y)
            value = oracle.fmt(oracle.dist("ncd", cx, cy, cxy))
            want = ('[{"compressor":"%s","codec":"%s","level":%d,"distance":"ncd",'
                    '"x":%s,"y":%s,"cx":%d,"cy":%d,"cxy":%d,"value":%s}]\n'
                    % (spec, codec, level, json.dumps(oracle.string_label(x, 1)),
                       json.dumps(oracle.string_label(y, 2)), cx, cy, cxy, value))
            args = ["-c", spec, "--sep", " ", "-f", "json", "-s", "--", x, y]
            rc, out, err = kcbench(args)
            if rc == 0 and parsed(out) == parsed(want):
                out = want.encode()  # same JSON; key order and spacing do not matter
            ck.expect(args, want.encode(), rc, out, err)
    return ck.finish("%d pairs x codecs: -f json's cx, cy, cxy and value equal the oracle's")


def group_files():
    rng = random.Random(7)
    vocab = ["".join(rng.choice("etaoinshrdlu") for _ in range(rng.randint(1, 8)))
             for _ in range(500)]
    text = words(rng, 150000, vocab)
    edited = bytearray(text)
    for _ in range(200):
        edited[rng.randrange(len(edited))] = rng.randrange(32, 127)
    files = {
        "text.txt": text,
        "edited.txt": bytes(edited),
        "random.bin": rng.randbytes(120000),  # NULs included
        "repeat.bin": b"\0\1\2\3 kcbench \xff" * 8000,
    }
    for name, data in files.items():
        with open(name, "wb") as f:
            f.write(data)
    pairs = [("text.txt", "edited.txt"), ("edited.txt", "text.txt"), ("text.txt", "random.bin"),
             ("repeat.bin", "text.txt"), ("random.bin", "random.bin")]
    ck = Checker()
    for spec in ["gzip:9", "zlib:9", "deflate:6", "xz:6", "bzip2:9"]:
        codec, level = spec_parts(spec)
        for sep in ["", " "]:
            # xz is slow on these, and the separator needs no more than two pairs
            for a, b in pairs[1:4] if codec == "xz" else pairs if sep == "" else pairs[:2]:
                want = oracle.fmt(oracle.ncd(codec, level, sep.encode(), files[a], files[b]))
                args = ["-c", spec, "--sep", sep, a, b]
                ck.expect(args, (want + "\n").encode(), *kcbench(args))
        # the first input on standard input instead
        a, b = pairs[0]
        want = oracle.fmt(oracle.ncd(codec, level, b"", files[a], files[b]))
        with open(a, "rb") as f:
            r = subprocess.run([KCBENCH, "ncd", "-c", spec, "-", b], stdin=f,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        ck.expect(["-c", spec, "-", b, "<", a], (want + "\n").encode(), r.returncode,
                  r.stdout, r.stderr)
    return ck.finish("%d runs on files of 100-150 KB equal the oracle")


def main(argv):
    if len(argv) == 2 and argv[0] == "strings":
        return group_strings(argv[1])
    if argv == ["json"]:
        return group_json()
    if argv == ["files"]:
        return group_files()
    print(__doc__.split("\n\n")[1], file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
