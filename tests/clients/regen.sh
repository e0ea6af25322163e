#!/bin/sh
# Regenerates the client fixtures: XSL-FO that DocBook XSL writes for real documents, and
# what Apache FOP makes of it. For each client NAME it writes
#   NAME.fo.gz         the FO (DocBook XSL 1.79, its default parameters: US letter, an index
#                      on two columns)
#   NAME.fop-pages     FOP's page count
#   NAME.fop-words.gz  FOP's words, from pdftotext (tests/e2e/lib/clients.py record)
# and records the versions of the packages used in VERSIONS. tests/e2e/t_clients.sh renders
# each FO with Livrables and compares; neither it nor CI needs pandoc, DocBook XSL or FOP.
#
#   tests/clients/regen.sh [NAME...]    (all clients when none is named)
#
# With KEEP=DIR, FOP's PDFs are kept in DIR (NAME.pdf), to look at beside ours.
#
# Needs (Debian): docbook-xsl docbook-xml xsltproc pandoc nodejs-doc fop poppler-utils.
# FOP takes a few minutes for all clients and much CPU: it runs under nice.
set -eu

HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
DOCBOOK=/usr/share/xml/docbook/stylesheet/docbook-xsl/fo/docbook.xsl
NODE_API=/usr/share/doc/nodejs/api
ALL="manpage url http fs book"

for tool in xsltproc pandoc fop pdftotext python3; do
    command -v "$tool" >/dev/null || { echo "regen: error: $tool is not installed" >&2; exit 1; }
done
for f in "$DOCBOOK" "$NODE_API/url.md.gz"; do
    [ -f "$f" ] || { echo "regen: error: $f is missing (docbook-xsl, nodejs-doc)" >&2; exit 1; }
done

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# pandoc_docbook OUT TITLE [PANDOC-OPTION...] -- MD...: Node.js API pages as valid DocBook 4
pandoc_docbook() {
    out=$1 title=$2
    shift 2
    opts=""
    while [ "$1" != "--" ]; do opts="$opts $1"; shift; done
    shift
    for md in "$@"; do gunzip -c "$NODE_API/$md.md.gz"; echo; done >"$work/in.md"
    # shellcheck disable=SC2086
    pandoc -s -f gfm -t docbook4 $opts --metadata title="$title" "$work/in.md" -o "$work/pandoc.xml"
    book=0
    case "$opts" in *--top-level-division=chapter*) book=1 ;; esac
    xsltproc --nonet --param book "$book" -o "$out" "$HERE/pandoc-docbook.xsl" "$work/pandoc.xml"
}

# docbook_source NAME: the DocBook document of a client
docbook_source() {
    case "$1" in
        manpage) cp /usr/share/doc/docbook-xsl/examples/foo.1.example_manpage.xml "$work/$1.xml" ;;
        url | http | fs) pandoc_docbook "$work/$1.xml" "Node.js API: $1" -- "$1" ;;
        book) pandoc_docbook "$work/$1.xml" "Node.js: path, querystring, timers, os" \
            --top-level-division=chapter -- path querystring timers os ;;
        *) echo "regen: error: unknown client '$1' (one of: $ALL)" >&2; exit 1 ;;
    esac
}

names=${*:-$ALL}
for name in $names; do
    echo "regen: $name"
    docbook_source "$name"
    xsltproc --nonet -o "$work/$name.fo" "$DOCBOOK" "$work/$name.xml" 2>"$work/xslt.log" ||
        { cat "$work/xslt.log" >&2; exit 1; }
    if grep -v '^Making portrait pages' "$work/xslt.log" >&2; then
        echo "regen: error: DocBook XSL complained about $name" >&2
        exit 1
    fi
    nice fop -q -fo "$work/$name.fo" -pdf "$work/$name.pdf" >"$work/fop.log" 2>&1 ||
        { cat "$work/fop.log" >&2; exit 1; }
    if [ -n "${KEEP:-}" ]; then mkdir -p "$KEEP" && cp "$work/$name.pdf" "$KEEP/"; fi
    gzip -n -9 -c "$work/$name.fo" >"$HERE/$name.fo.gz"
    python3 "$ROOT/tests/e2e/lib/clients.py" record "$work/$name.pdf" "$HERE/$name"
    echo "regen: $name: $(cat "$HERE/$name.fop-pages") pages with FOP"
done

dpkg-query -W -f='${Package} ${Version}\n' docbook-xsl docbook-xml xsltproc libxslt1.1 \
    pandoc nodejs-doc fop poppler-utils >"$HERE/VERSIONS"
