# kcbench index: a training set saved with its compressed sizes, and `classify -m` reading it.
# The model layout, version 2 (include/kcb/model.h): "KCBMODEL", u32 version, u32 flags, u64
# length L; L stored bytes (flag 1: a zstd frame of the payload, else the payload); u32 CRC-32
# of everything before it; all little-endian. kcbmodel.py writes the same layout on its own.
# Damaged, truncated, foreign or other-version files are refused with exit 3 and one line
# naming the file.

=== index writes a model and says what is in it
run:
| $KCBENCH gen labelled -o d --sources 4 --docs 20 -n 30 --order 1 --seed 3
| $KCBENCH index -t d/train.tsv -o m.kcb
| head -c 8 m.kcb; echo
stdout: KCBMODEL
stderr: kcbench index: m.kcb: 64 texts, 4 labels, 1 compressor

=== the header: version 2, flag 1 (zstd), the stored length, a CRC-32 of all before it
run:
| $KCBENCH gen labelled -o d --sources 4 --docs 20 -n 30 --order 1 --seed 3
| $KCBENCH index -t d/train.tsv -o m.kcb -c gzip:9,bzip2:1 2> /dev/null
| python3 - <<'EOF'
| import struct, zlib
| b = open("m.kcb", "rb").read()
| magic, version, flags, length = struct.unpack_from("<8sIIQ", b, 0)
| assert (magic, version, flags) == (b"KCBMODEL", 2, 1), (magic, version, flags)
| assert length == len(b) - 28, (length, len(b))
| assert struct.unpack_from("<I", b, len(b) - 4)[0] == zlib.crc32(b[:-4])
| assert b[24:28] == b"\x28\xb5\x2f\xfd"  # a zstd frame
| print("header as documented")
| EOF
stdout: header as documented

=== the zstd frame holds the documented payload: texts, labels and the oracle's sizes
needs: /usr/bin/zstd
run:
| $KCBENCH gen labelled -o d --sources 4 --docs 20 -n 30 --order 1 --seed 3
| $KCBENCH index -t d/train.tsv -o m.kcb -c gzip:9,bzip2:1 2> /dev/null
| python3 -c 'import sys; b = open("m.kcb", "rb").read(); sys.stdout.buffer.write(b[24:-4])' > frame.zst
| zstd -q -d -c frame.zst > got
| python3 "$TESTS/cli/kcbmodel.py" d/train.tsv want --codec gzip:9 --codec bzip2:1 --payload-only
| cmp got want && echo same payload
stdout: same payload

=== a model written by kcbmodel.py (stored, no zstd) classifies as the one index writes
run:
| $KCBENCH gen labelled -o d --sources 4 --docs 20 -n 30 --order 1 --seed 3
| cut -f2 d/test.tsv > q
| $KCBENCH index -t d/train.tsv -o m.kcb -c gzip:9,bzip2:1 2> /dev/null
| python3 "$TESTS/cli/kcbmodel.py" d/train.tsv raw.kcb --codec gzip:9 --codec bzip2:1
| for c in gzip:9 bzip2:1; do
|   $KCBENCH classify -m m.kcb -c $c -k 3 --top 4 -f tsv < q > want
|   $KCBENCH classify -m raw.kcb -c $c -k 3 --top 4 -f tsv < q | cmp - want && echo $c same
| done
| test $(wc -c < m.kcb) -lt $(wc -c < raw.kcb) && echo zstd is smaller
stdout:
| gzip:9 same
| bzip2:1 same
| zstd is smaller

=== the model is smaller than its training set
run:
| $KCBENCH gen labelled -o d --sources 4 --docs 200 -n 400 --seed 3
| $KCBENCH index -t d/train.tsv -o m.kcb -c gzip:9,zstd:3,xz:6 2> /dev/null
| python3 -c 'import os; print(os.path.getsize("m.kcb") < os.path.getsize("d/train.tsv") / 2)'
stdout: True

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

=== a model of another version, older or newer: exit 3, naming both versions
run:
| $KCBENCH gen labelled -o d --sources 2 --docs 5 -n 30 --order 1 --seed 3
| $KCBENCH index -t d/train.tsv -o m.kcb 2> /dev/null
| cp m.kcb old.kcb; printf '\001' | dd of=old.kcb bs=1 seek=8 conv=notrunc 2> /dev/null
| cp m.kcb new.kcb; printf '\003' | dd of=new.kcb bs=1 seek=8 conv=notrunc 2> /dev/null
| $KCBENCH classify -m old.kcb x; echo "exit $?"; $KCBENCH classify -m new.kcb x
exit: 3
stdout: exit 3
stderr:
| kcbench classify: old.kcb: model file version 1, this build reads 2: index the training set again
| kcbench classify: new.kcb: model file version 3, this build reads 2 (a newer kcbench wrote it)

=== a version 1 model as the previous kcbench wrote it is refused, asking for a new index
run:
| printf 'a\tone two\nb\tthree four\n' > t.tsv
| python3 - <<'EOF'
| import struct, zlib
| docs = [(0, b"one two"), (1, b"three four")]
| p = struct.pack("<IH", 1, 4) + b"gzip" + struct.pack("<i", 9) + struct.pack("<I", 2)
| p += struct.pack("<I", 1) + b"a" + struct.pack("<I", 1) + b"b" + struct.pack("<Q", 2)
| for lab, text in docs:
|     p += struct.pack("<IQ", lab, len(text)) + text
| p += struct.pack("<QQ", 27, 30)
| b = b"KCBMODEL" + struct.pack("<IIQ", 1, 0, len(p)) + p + struct.pack("<I", zlib.crc32(p))
| open("v1.kcb", "wb").write(b)
| EOF
| $KCBENCH classify -m v1.kcb 'one two'
exit: 3
stderr: kcbench classify: v1.kcb: model file version 1, this build reads 2: index the training set again

=== the flags are checked: an unknown bit is refused, a changed flag breaks the checksum
run:
| $KCBENCH gen labelled -o d --sources 2 --docs 5 -n 30 --order 1 --seed 3
| python3 "$TESTS/cli/kcbmodel.py" d/train.tsv f3.kcb --flags 3
| python3 "$TESTS/cli/kcbmodel.py" d/train.tsv f256.kcb --flags 256
| $KCBENCH index -t d/train.tsv -o m.kcb 2> /dev/null
| cp m.kcb z.kcb; printf '\000' | dd of=z.kcb bs=1 seek=12 conv=notrunc 2> /dev/null
| for f in f3 f256 z; do $KCBENCH classify -m $f.kcb x; echo "exit $?"; done
stdout:
| exit 3
| exit 3
| exit 3
stderr:
| kcbench classify: f3.kcb: model file flags 0x3 unknown to this build (a newer kcbench wrote it)
| kcbench classify: f256.kcb: model file flags 0x100 unknown to this build (a newer kcbench wrote it)
| kcbench classify: z.kcb: model file corrupt (checksum mismatch)

=== a model naming a compressor not in this build (valid checksum): exit 3, naming it
run:
| $KCBENCH gen labelled -o d --sources 2 --docs 5 -n 30 --order 1 --seed 3
| python3 "$TESTS/cli/kcbmodel.py" d/train.tsv m.kcb --codec gzip:9
| python3 - <<'EOF'
| import struct, zlib
| b = bytearray(open("m.kcb", "rb").read())
| assert b[30:34] == b"gzip"  # payload: u32 nspecs, u16 name length, the name
| b[30:34] = b"gzzz"
| b[-4:] = struct.pack("<I", zlib.crc32(bytes(b[:-4])))
| open("m.kcb", "wb").write(b)
| EOF
| $KCBENCH classify -m m.kcb x
exit: 3
stderr: kcbench classify: m.kcb: model uses compressor 'gzzz', not in this build

=== a zstd frame damaged behind a valid checksum: exit 3, the payload named
run:
| $KCBENCH gen labelled -o d --sources 2 --docs 5 -n 30 --order 1 --seed 3
| $KCBENCH index -t d/train.tsv -o m.kcb 2> /dev/null
| python3 - <<'EOF'
| import struct, zlib
| b = bytearray(open("m.kcb", "rb").read())
| b[len(b) // 2] ^= 0x55
| b[-4:] = struct.pack("<I", zlib.crc32(bytes(b[:-4])))
| open("m.kcb", "wb").write(b)
| EOF
| $KCBENCH classify -m m.kcb x
exit: 3
stderr re: kcbench classify: m\.kcb: model file damaged \(.*\)

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
