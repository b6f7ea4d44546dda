# kcbench index: a training set saved with its compressed sizes, and `classify -m` reading it.
# The model layout (include/kcb/model.h): "KCBMODEL", u32 version, u32 flags, u64 payload
# length, the payload, u32 CRC-32 of the payload; all little-endian. Damaged, truncated or
# foreign files must be refused with exit 3 and one line naming the file.

=== index writes a model and says what is in it
run:
| $KCBENCH gen labelled -o d --sources 4 --docs 20 -n 30 --order 1 --seed 3
| $KCBENCH index -t d/train.tsv -o m.kcb
| head -c 8 m.kcb; echo
stdout: KCBMODEL
stderr: kcbench index: m.kcb: 64 texts, 4 labels, 1 compressor

=== the model holds the training texts, labels and the oracle's sizes for each compressor
run:
| $KCBENCH gen labelled -o d --sources 4 --docs 20 -n 30 --order 1 --seed 3
| $KCBENCH index -t d/train.tsv -o m.kcb -c gzip:9,bzip2:1 2> /dev/null
| python3 - <<'EOF'
| import os, struct, sys, zlib
| sys.path.insert(0, os.environ["TESTS"])
| import oracle
| b = open("m.kcb", "rb").read()
| magic, version, flags, length = struct.unpack_from("<8sIIQ", b, 0)
| assert (magic, version, flags) == (b"KCBMODEL", 1, 0) and length == len(b) - 28, (magic, version, flags, length)
| assert struct.unpack_from("<I", b, len(b) - 4)[0] == zlib.crc32(b[24:-4])
| off = 24
| def take(fmt):
|     global off
|     v = struct.unpack_from(fmt, b, off); off += struct.calcsize(fmt); return v
| specs = []
| for _ in range(take("<I")[0]):
|     n, = take("<H"); name = b[off:off + n].decode(); off += n
|     specs.append((name, take("<i")[0]))
| labels = []
| for _ in range(take("<I")[0]):
|     n, = take("<I"); labels.append(b[off:off + n].decode()); off += n
| docs = []
| for _ in range(take("<Q")[0]):
|     lab, n = take("<IQ"); docs.append((labels[lab], b[off:off + n])); off += n
| sizes = [take("<Q")[0] for _ in range(len(specs) * len(docs))]
| assert off == len(b) - 4
| train = [tuple(l.split(b"\t", 1)) for l in open("d/train.tsv", "rb").read().splitlines()]
| assert [(l.encode(), t) for l, t in docs] == train
| for s, (codec, level) in enumerate(specs):
|     assert sizes[s * len(docs):(s + 1) * len(docs)] == [oracle.size(codec, level, t) for _, t in docs]
| print(specs, len(labels), "labels", len(docs), "texts, sizes as the oracle's")
| EOF
stdout: [('gzip', 9), ('bzip2', 1)] 4 labels 64 texts, sizes as the oracle's

=== index is deterministic: twice, and with -j 1 or -j 2, the same bytes
run:
| $KCBENCH gen labelled -o d --sources 4 --docs 20 -n 30 --order 1 --seed 3
| $KCBENCH index -t d/train.tsv -o a.kcb -c gzip:9,zstd:3 -j 1 2> /dev/null
| $KCBENCH index -t d/train.tsv -o b.kcb -c gzip:9,zstd:3 -j 2 2> /dev/null
| $KCBENCH index -t d/train.tsv -o c.kcb -c gzip:9,zstd:3 -j 2 2> /dev/null
| cmp a.kcb b.kcb && cmp a.kcb c.kcb && echo same
stdout: same

=== the same data in tsv, csv, fastText or a directory gives the same model
run:
| $KCBENCH gen labelled -o d --sources 4 --docs 20 -n 30 --order 1 --seed 3
| python3 "$TESTS/cli/convert_dataset.py" --quotes d/train.tsv train
| for f in train.tsv train.csv train.ft train.d; do $KCBENCH index -t $f -o $f.kcb 2> /dev/null; done
| cmp train.tsv.kcb train.csv.kcb && cmp train.tsv.kcb train.ft.kcb && cmp train.tsv.kcb train.d.kcb && echo same
stdout: same

=== classify -m gives the same labels as classify -t with the same compressor
run:
| $KCBENCH gen labelled -o d --sources 8 --docs 20 -n 30 --order 1 --seed 5
| cut -f2 d/test.tsv > q
| $KCBENCH index -t d/train.tsv -o m.kcb 2> /dev/null
| $KCBENCH classify -t d/train.tsv < q > want
| $KCBENCH classify -m m.kcb < q | cmp - want && echo k=1 same
| $KCBENCH classify -t d/train.tsv -k 3 --explain < q > want3
| $KCBENCH classify -m m.kcb -k 3 --explain < q | cmp - want3 && echo k=3 explained the same
stdout:
| k=1 same
| k=3 explained the same

=== a model of several compressors: -c picks one, the default is the first
run:
| $KCBENCH gen labelled -o d --sources 8 --docs 20 -n 30 --order 1 --seed 5
| cut -f2 d/test.tsv > q
| $KCBENCH index -t d/train.tsv -o m.kcb -c bzip2:9,gzip:9 2> /dev/null
| $KCBENCH classify -m m.kcb -k 3 < q > first
| $KCBENCH classify -t d/train.tsv -c bzip2:9 -k 3 < q | cmp - first && echo default bzip2:9
| $KCBENCH classify -m m.kcb -c gzip:9 -k 3 < q > gz
| $KCBENCH classify -t d/train.tsv -c gzip:9 -k 3 < q | cmp - gz && echo -c gzip:9 as -t
| cmp -s first gz || echo the two compressors differ
stdout:
| default bzip2:9
| -c gzip:9 as -t
| the two compressors differ

=== classify -m with a compressor the model lacks: exit 2, saying how to fix it
run:
| $KCBENCH gen labelled -o d --sources 2 --docs 5 -n 30 --order 1 --seed 3
| $KCBENCH index -t d/train.tsv -o m.kcb -c gzip:9 2> /dev/null
| $KCBENCH classify -m m.kcb -c zstd:3 'some text'
exit: 2
stderr: kcbench classify: m.kcb: the model has no sizes for zstd:3 (index it with -c)

=== classify -m with two compressors is a usage error
run:
| $KCBENCH gen labelled -o d --sources 2 --docs 5 -n 30 --order 1 --seed 3
| $KCBENCH index -t d/train.tsv -o m.kcb -c gzip:9,xz:6 2> /dev/null
| $KCBENCH classify -m m.kcb -c gzip:9,xz 'some text'
exit: 2
stderr: kcbench classify: -c gzip:9,xz: classify takes one compressor

# ---- damaged and foreign models ------------------------------------------------------------

=== a model with one byte changed: exit 3, one line naming the file (checksum)
run:
| $KCBENCH gen labelled -o d --sources 2 --docs 5 -n 30 --order 1 --seed 3
| $KCBENCH index -t d/train.tsv -o m.kcb 2> /dev/null
| python3 -c 'import sys; b = bytearray(open("m.kcb", "rb").read()); b[len(b) // 2] ^= 0x20; open("bad.kcb", "wb").write(b)'
| $KCBENCH classify -m bad.kcb 'some text'
exit: 3
stderr: kcbench classify: bad.kcb: model file corrupt (checksum mismatch)

=== a byte changed with dd in the first payload byte, or in the checksum itself: exit 3
run:
| $KCBENCH gen labelled -o d --sources 2 --docs 5 -n 30 --order 1 --seed 3
| $KCBENCH index -t d/train.tsv -o m.kcb 2> /dev/null
| cp m.kcb a.kcb; printf '\377' | dd of=a.kcb bs=1 seek=24 conv=notrunc 2> /dev/null
| cp m.kcb b.kcb; printf 'Z' | dd of=b.kcb bs=1 seek=$(($(wc -c < m.kcb) - 1)) conv=notrunc 2> /dev/null
| $KCBENCH classify -m a.kcb x; echo "exit $?"; $KCBENCH classify -m b.kcb x; echo "exit $?"
stdout:
| exit 3
| exit 3
stderr:
| kcbench classify: a.kcb: model file corrupt (checksum mismatch)
| kcbench classify: b.kcb: model file corrupt (checksum mismatch)

=== a truncated model: exit 3, saying how long it is and should be
run:
| $KCBENCH gen labelled -o d --sources 2 --docs 5 -n 30 --order 1 --seed 3
| $KCBENCH index -t d/train.tsv -o m.kcb 2> /dev/null
| head -c 100 m.kcb > cut.kcb
| $KCBENCH classify -m cut.kcb 'some text'
exit: 3
stderr re: kcbench classify: cut\.kcb: model file truncated or padded \(100 bytes, header says \d+\)

=== a model cut right after its magic (inside the header): exit 3
run:
| $KCBENCH gen labelled -o d --sources 2 --docs 5 -n 30 --order 1 --seed 3
| $KCBENCH index -t d/train.tsv -o m.kcb 2> /dev/null
| head -c 8 m.kcb > h.kcb
| $KCBENCH classify -m h.kcb 'some text'
exit: 3
stderr: kcbench classify: h.kcb: model file truncated (header)

=== a file that is not a model (the training set, a PNG, an empty file): exit 3, bad magic
run:
| $KCBENCH gen labelled -o d --sources 2 --docs 5 -n 30 --order 1 --seed 3
| printf '\211PNG\r\n\032\n\0\0\0\rIHDR' > image.png; : > empty.kcb
| for f in d/train.tsv image.png empty.kcb; do $KCBENCH classify -m $f x; echo "exit $?"; done
stdout:
| exit 3
| exit 3
| exit 3
stderr:
| kcbench classify: d/train.tsv: not a kcbench model file (bad magic)
| kcbench classify: image.png: not a kcbench model file (bad magic)
| kcbench classify: empty.kcb: not a kcbench model file (bad magic)

=== a model of another version: exit 3, naming both versions
run:
| $KCBENCH gen labelled -o d --sources 2 --docs 5 -n 30 --order 1 --seed 3
| $KCBENCH index -t d/train.tsv -o m.kcb 2> /dev/null
| printf '\002' | dd of=m.kcb bs=1 seek=8 conv=notrunc 2> /dev/null
| $KCBENCH classify -m m.kcb x
exit: 3
stderr: kcbench classify: m.kcb: model file version 2, this build reads 1

=== a model naming a compressor not in this build (valid checksum): exit 3, naming it
run:
| $KCBENCH gen labelled -o d --sources 2 --docs 5 -n 30 --order 1 --seed 3
| $KCBENCH index -t d/train.tsv -o m.kcb -c gzip:9 2> /dev/null
| python3 - <<'EOF'
| import struct, zlib
| b = bytearray(open("m.kcb", "rb").read())
| assert b[30:34] == b"gzip"  # payload: u32 nspecs, u16 name length, the name
| b[30:34] = b"gzzz"
| b[-4:] = struct.pack("<I", zlib.crc32(bytes(b[24:-4])))
| open("m.kcb", "wb").write(b)
| EOF
| $KCBENCH classify -m m.kcb x
exit: 3
stderr: kcbench classify: m.kcb: model uses compressor 'gzzz', not in this build

=== a missing model: exit 3
run: $KCBENCH classify -m missing.kcb x
exit: 3
stderr: kcbench classify: missing.kcb: No such file or directory

# ---- index errors --------------------------------------------------------------------------

=== a missing training set: exit 3 and no model file
run: $KCBENCH index -t missing.tsv -o m.kcb; echo "exit $?"; ls
stdout: exit 3
stderr: kcbench index: cannot read missing.tsv: No such file or directory

=== a malformed training set: exit 3 naming file:line; --skip-bad indexes the rest
run:
| printf 'a\tone two\nno tab\nb\tthree four\n' > t.tsv
| $KCBENCH index -t t.tsv -o m.kcb; echo "exit $?"; ls
| $KCBENCH index -t t.tsv -o m.kcb --skip-bad
| $KCBENCH classify -m m.kcb 'three four'
stdout:
| exit 3
| t.tsv
| b
stderr:
| kcbench index: t.tsv:2: missing tab between label and text
| kcbench index: warning: t.tsv: skipped 1 malformed row (first at line 2: missing tab between label and text)
| kcbench index: m.kcb: 2 texts, 2 labels, 1 compressor

=== -o into a missing directory: exit 3
run: printf 'a\tb\n' > t.tsv; $KCBENCH index -t t.tsv -o no/dir/m.kcb
exit: 3
stderr: kcbench index: no/dir/m.kcb: No such file or directory

=== -t and -o are both needed; an unknown compressor is a usage error
run: printf 'a\tb\n' > t.tsv; $KCBENCH index -t t.tsv; echo "exit $?"; $KCBENCH index -t t.tsv -o m.kcb -c gzop
exit: 2
stdout: exit 2
stderr re:
| kcbench index: needs -t TRAIN and -o MODEL
| kcbench index: -c gzop: unknown compressor 'gzop' \(this build has: .*\)
