# End-to-end tests of page-sequences laid out in one pass: forward page-number citations
# resolved as patches on the lines that hold them.

# pages_citing_doc OUT MODE: a page-sequence whose first paragraph (justified) cites pages 9
# and 10 many times, then eleven pages each starting with an id'd block, and a "page n / N"
# footer. MODE "cite" writes fo:page-number-citation; "literal" writes the numbers as text,
# the layout the citations must end up with.
pages_citing_doc() {
    local out=$1 mode=$2 i n9 n10
    if [ "$mode" = cite ]; then
        n9='<fo:page-number-citation ref-id="p9"/>'
        n10='<fo:page-number-citation ref-id="p10"/>'
    else
        n9=9 n10=10
    fi
    {
        fo_a4_start 'page <fo:page-number/> / <fo:page-number-citation-last ref-id="fin"/>'
        cat <<'EOF'
<fo:block text-align="justify">Renvois en avant :
EOF
        for ((i = 1; i <= 60; i++)); do
            echo "voir page $n9 puis page $n10 ;"
        done
        echo "fin des renvois.</fo:block>"
        for ((i = 2; i <= 12; i++)); do
            echo "<fo:block break-before=\"page\" id=\"p$i\">Page cible $i</fo:block>"
        done
        echo '<fo:block id="fin">Dernier bloc</fo:block>'
        echo '</fo:flow></fo:page-sequence></fo:root>'
    } > "$out"
}

test_pages_forward_citation_rebreaks_like_literal_numbers() {
    pages_citing_doc cite.fo cite
    pages_citing_doc literal.fo literal
    assert_exit 0 "$LIVRABLES" render cite.fo -o cite.pdf
    assert_exit 0 "$LIVRABLES" render literal.fo -o literal.pdf
    assert_eq 12 "$(pdf_pages cite.pdf)" pages
    # the placeholder ("00") is wider than "9": the paragraph holding the citations breaks
    # into the lines the final numbers give, exactly as with the numbers written out
    pdftotext -f 1 -l 1 -layout cite.pdf cite1.txt
    pdftotext -f 1 -l 1 -layout literal.pdf literal1.txt
    diff literal1.txt cite1.txt || fail "citations of pages 9 and 10 break unlike the numbers"
    [ "$(grep -o 'voir page 9 puis page 10' cite1.txt | wc -l)" -ge 20 ] ||
        fail "the citations don't show pages 9 and 10"
    assert_contains cite1.txt "page 1 / 12"
    pdftotext -f 9 -l 9 cite.pdf p9.txt
    assert_contains p9.txt "Page cible 9"
    if command -v fop >/dev/null 2>&1; then
        fop -q -fo cite.fo -pdf fop.pdf >fop.log 2>&1 || { cat fop.log; fail "FOP failed"; }
        assert_eq "$(pdf_pages fop.pdf)" "$(pdf_pages cite.pdf)" "pages of ours vs FOP"
        # the same words and numbers in the same order (line breaks may differ)
        pdftotext cite.pdf - | tr -s ' \n\f' '  ' > ours.txt
        pdftotext fop.pdf - | tr -s ' \n\f' '  ' > fop.txt
        diff fop.txt ours.txt || fail "text differs from FOP's"
    else
        echo "fop not installed: FOP comparison skipped"
    fi
}

test_pages_forward_citation_in_later_sequence_waits_for_its_number() {
    # the first sequence cites a page of the second; the second a page of the first
    cat > seqs.fo <<'EOF'
<?xml version="1.0" encoding="UTF-8"?>
<fo:root xmlns:fo="http://www.w3.org/1999/XSL/Format" font-family="DejaVu Serif" font-size="10pt">
<fo:layout-master-set>
<fo:simple-page-master master-name="A5" page-width="148mm" page-height="210mm" margin="15mm">
<fo:region-body margin-bottom="12mm"/><fo:region-after extent="8mm"/>
</fo:simple-page-master>
</fo:layout-master-set>
<fo:page-sequence master-reference="A5">
<fo:static-content flow-name="xsl-region-after"><fo:block text-align="end">p. <fo:page-number/> sur <fo:page-number-citation-last ref-id="fin"/></fo:block></fo:static-content>
<fo:flow flow-name="xsl-region-body">
<fo:block id="debut">Sommaire : annexe en page <fo:page-number-citation ref-id="annexe"/>.</fo:block>
<fo:block break-before="page">Deuxième page du premier cahier.</fo:block>
</fo:flow></fo:page-sequence>
<fo:page-sequence master-reference="A5" initial-page-number="auto-even">
<fo:static-content flow-name="xsl-region-after"><fo:block text-align="end">p. <fo:page-number/> sur <fo:page-number-citation-last ref-id="fin"/></fo:block></fo:static-content>
<fo:flow flow-name="xsl-region-body">
<fo:block id="annexe">Annexe, renvoi au début en page <fo:page-number-citation ref-id="debut"/>.</fo:block>
<fo:block break-before="page" id="fin">Fin.</fo:block>
</fo:flow></fo:page-sequence>
</fo:root>
EOF
    assert_exit 0 "$LIVRABLES" render seqs.fo -o seqs.pdf
    assert_eq 5 "$(pdf_pages seqs.pdf)" pages
    pdftotext seqs.pdf seqs.txt
    assert_order seqs.txt "annexe en page 4." "p. 1 sur 5" "p. 2 sur 5" \
        "renvoi au début en page 1." "p. 4 sur 5" "Fin." "p. 5 sur 5"
}

# A book of many page-sequences with "page n / N" footers and a table of contents at the
# front (bench/gen_fo): every page waits for a number until the last chapter is laid out.
# Waiting pages go to a spool, so layout memory does not follow the book's length (it
# used to hold every sequence, then lay the book out twice past 256 MiB).
test_pages_waiting_pages_spooled_memory_bounded_numbers_right() {
    cc -O2 -o gen_fo "$ROOT/bench/gen_fo.c" || fail "bench/gen_fo.c does not build"
    ./gen_fo 20 > small.fo
    ./gen_fo 200 > large.fo
    # layout's memory (the text dump: the PDF painter's own growth is another matter)
    /usr/bin/time -f %M -o small.mem "$LIVRABLES" render -f text small.fo -o small.txt ||
        fail "small book"
    /usr/bin/time -f %M -o large.mem "$LIVRABLES" render -f text large.fo -o large.txt ||
        fail "large book"
    local ms ml
    ms=$(tail -n1 small.mem) ml=$(tail -n1 large.mem)
    echo "peak memory: $ms KiB for 20 chapters, $ml KiB for 200"
    if ldd "$LIVRABLES" | grep -q libasan; then
        echo "AddressSanitizer build: its shadow memory and quarantine, not layout's, set the peak"
    else
        [ "$ml" -le $((ms * 3 / 2)) ] || fail "10 times the pages took $ml KiB, over 1.5 x $ms KiB"
    fi
    # the numbers: "page n / N" on every page, the contents' numbers where chapters start
    assert_exit 0 "$LIVRABLES" render small.fo -o small.pdf
    local n
    n=$(pdf_pages small.pdf)
    [ "$n" -gt 100 ] || fail "only $n pages"
    pdftotext -f 7 -l 7 small.pdf p7.txt
    assert_contains p7.txt "page 7 / $n"
    pdftotext -layout small.pdf all.txt
    python3 - all.txt "$n" <<'PY' || fail "numbers"
import re, sys
pages = open(sys.argv[1], encoding="utf-8").read().split("\f")
n = int(sys.argv[2])
toc, starts = {}, {}
for i, text in enumerate(pages[:n], 1):
    assert re.search(r"page %d / %d\s*$" % (i, n), text), "footer of page %d" % i
    for m in re.finditer(r"^\s*Chapitre (\d+) *\.{3,} *(\d+)\s*$", text, re.M):
        toc[int(m.group(1))] = int(m.group(2))
    m = re.search(r"^\s*Chapitre (\d+)\s*$", text, re.M)
    if m and int(m.group(1)) not in starts and int(m.group(1)) in toc:
        starts[int(m.group(1))] = i
assert sorted(toc) == list(range(1, 21)), sorted(toc)
assert toc == starts, (toc, starts)
PY
}

# A paragraph citing pages of a later page-sequence, whose placeholder is wider than the
# numbers: its pages are made at once with the placeholder and spooled; laid out again once
# the numbers are known, it breaks into other lines, so the document takes another pass,
# and must end up exactly as with the numbers written out.
test_pages_spooled_citations_that_rebreak_end_like_literal_numbers() {
    local mode n9
    for mode in cite literal; do
        if [ $mode = cite ]; then n9='<fo:page-number-citation ref-id="p9"/>'; else n9=9; fi
        {
            fo_a4_start 'page <fo:page-number/> / <fo:page-number-citation-last ref-id="fin"/>'
            cat <<'EOF2'
<fo:block>Renvois</fo:block>
<fo:block text-align="justify">Renvois vers le second cahier :
EOF2
            for ((i = 1; i <= 80; i++)); do echo "voir page $n9 ;"; done
            echo "fin.</fo:block><fo:block>Après les renvois.</fo:block></fo:flow></fo:page-sequence>"
            echo '<fo:page-sequence master-reference="A4"><fo:flow flow-name="xsl-region-body">'
            for ((i = 2; i <= 9; i++)); do
                echo "<fo:block break-before=\"page\" id=\"p$i\">Page cible $i</fo:block>"
            done
            echo '<fo:block id="fin">Dernier bloc</fo:block></fo:flow></fo:page-sequence></fo:root>'
        } > $mode.fo
        assert_exit 0 "$LIVRABLES" render $mode.fo -o $mode.pdf
        pdftotext -layout $mode.pdf $mode.txt
    done
    assert_eq 9 "$(pdf_pages cite.pdf)" pages
    diff literal.txt cite.txt || fail "spooled citations of page 9 break unlike the number"
    [ "$(grep -o 'voir page 9 ;' cite.txt | wc -l)" -ge 40 ] || fail "page 9 not shown"
    assert_contains cite.txt "page 1 / 9"
}

# Waiting pages need the spool: without a temporary directory, an error, no output.
test_pages_spool_without_temporary_directory_is_an_error() {
    cc -O2 -o gen_fo "$ROOT/bench/gen_fo.c" || fail "bench/gen_fo.c does not build"
    ./gen_fo 3 > book.fo
    TMPDIR=$PWD/absent assert_exit 1 "$LIVRABLES" render -f text book.fo -o book.txt
    assert_contains out.txt "book.fo: error: cannot make a temporary file for pages: No such file or directory"
    [ ! -e book.txt ] || fail "an output was left behind"
    TMPDIR=$PWD/absent LANG=fr_FR.UTF-8 "$LIVRABLES" render -f text book.fo -o book.txt 2> err.txt && fail "no error"
    assert_contains err.txt "impossible de créer un fichier temporaire pour les pages"
}

# Pages the page window made final go to the painter at once, not to the spool: a book in one
# page-sequence without forward citations needs no temporary file for pages (text output, so
# that the PDF painter's own temporary file is not in the way). Before, every page after the
# first batch waited in the spool behind it, painted only once the whole flow was laid out.
test_pages_final_pages_painted_at_once_without_spool() {
    cc -O2 -o gen_fo "$ROOT/bench/gen_fo.c" || fail "bench/gen_fo.c does not build"
    ./gen_fo --single --no-toc --no-last 4 > book.fo
    TMPDIR=$PWD/absent assert_exit 0 "$LIVRABLES" render -f text book.fo -o book.txt
    assert_not_contains out.txt "temporary file"
    local pages
    pages=$(grep -c '^page ' book.txt)
    [ "$pages" -ge 20 ] || fail "expected at least 20 pages, got $pages"
    "$LIVRABLES" render -f text book.fo -o ref.txt || fail "render with a temporary directory failed"
    cmp -s book.txt ref.txt || fail "the pages differ from those made with a temporary directory"
}
