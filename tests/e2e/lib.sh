# Assertions for the end-to-end tests. Each prints what went wrong and returns 1.

fail() { echo "assertion failed: $*" >&2; return 1; }

# assert_eq EXPECTED ACTUAL [WHAT]
assert_eq() {
    [ "$1" = "$2" ] || fail "${3:-value}: expected [$1], got [$2]"
}

# assert_contains FILE TEXT: the file contains TEXT (fixed string)
assert_contains() {
    grep -qF -- "$2" "$1" || { echo "--- $1:"; head -c 3000 "$1"; fail "'$2' not found in $1"; }
}

assert_not_contains() {
    ! grep -qF -- "$2" "$1" || fail "'$2' unexpectedly found in $1"
}

# assert_exit CODE CMD...: runs CMD, stdout+stderr to ./out.txt, checks the exit code
assert_exit() {
    local want=$1; shift
    local got=0
    "$@" >out.txt 2>&1 || got=$?
    [ "$got" = "$want" ] || { cat out.txt; fail "exit code of '$*': expected $want, got $got"; }
}

# pdf_text PDF: the text of the PDF, layout preserved, to stdout
pdf_text() { pdftotext -layout "$1" -; }

# pdf_pages PDF: number of pages
pdf_pages() { pdfinfo "$1" | awk '/^Pages:/ {print $2}'; }

# assert_order FILE TEXT...: the texts appear in FILE in this order
assert_order() {
    local file=$1; shift
    local last=0 line
    for t in "$@"; do
        line=$(grep -nF -- "$t" "$file" | head -n 1 | cut -d: -f1)
        [ -n "$line" ] || fail "'$t' not found in $file" || return 1
        [ "$line" -ge "$last" ] || fail "'$t' (line $line) comes before the previous text (line $last)" || return 1
        last=$line
    done
}

# assert_qpdf_clean PDF
assert_qpdf_clean() {
    qpdf --check "$1" >qpdf.txt 2>&1 || { cat qpdf.txt; fail "qpdf --check $1"; }
    grep -q "No syntax or stream encoding errors found" qpdf.txt || { cat qpdf.txt; fail "qpdf --check $1"; }
}

# page_of_text PDF TEXT: the first page number (1-based) whose text contains TEXT
page_of_text() {
    local n i
    n=$(pdf_pages "$1")
    for ((i = 1; i <= n; i++)); do
        if pdftotext -f "$i" -l "$i" -layout "$1" - | grep -qF -- "$2"; then echo "$i"; return 0; fi
    done
    echo 0
}

# fo_a4_start FOOTER: the start of a one-page-sequence A4 document (DejaVu Serif 10pt, 20mm
# margins) up to its open fo:flow, FOOTER (FO markup) centred in the region-after; the
# caller writes the flow's blocks and closes with </fo:flow></fo:page-sequence></fo:root>.
fo_a4_start() {
    cat <<'EOF_HEAD'
<?xml version="1.0" encoding="UTF-8"?>
<fo:root xmlns:fo="http://www.w3.org/1999/XSL/Format" font-family="DejaVu Serif" font-size="10pt">
<fo:layout-master-set>
<fo:simple-page-master master-name="A4" page-width="210mm" page-height="297mm" margin="20mm">
<fo:region-body margin-bottom="15mm"/><fo:region-after extent="10mm"/>
</fo:simple-page-master>
</fo:layout-master-set>
<fo:page-sequence master-reference="A4">
EOF_HEAD
    printf '<fo:static-content flow-name="xsl-region-after"><fo:block text-align="center">%s</fo:block></fo:static-content>\n' "$1"
    echo '<fo:flow flow-name="xsl-region-body">'
}
