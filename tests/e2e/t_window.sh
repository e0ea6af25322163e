# End-to-end tests of the page window: a page-sequence's pages are made and painted as its
# flow is laid out, and their layout memory reused (doc/page-window.md).

# window_doc OUT SECTIONS: one page-sequence of SECTIONS sections, each with a marker and an
# id, paragraphs in a bordered block that crosses pages, a table whose header and footer
# repeat at breaks, a list, footnotes, a citation of the previous section (backward), a
# change bar, and every fifth section on an odd page; headers retrieve the markers, the
# masters alternate in body height. No forward citation: every page can be made as soon
# as the page breaker is done with it.
window_doc() {
    local out=$1 n=$2 i j
    {
        cat <<'EOF'
<?xml version="1.0" encoding="UTF-8"?>
<fo:root xmlns:fo="http://www.w3.org/1999/XSL/Format" font-family="DejaVu Serif" font-size="10pt">
<fo:layout-master-set>
<fo:simple-page-master master-name="odd" page-width="148mm" page-height="210mm" margin="12mm">
<fo:region-body margin-top="14mm" margin-bottom="12mm"/><fo:region-before extent="10mm"/><fo:region-after extent="8mm"/>
</fo:simple-page-master>
<fo:simple-page-master master-name="even" page-width="148mm" page-height="210mm" margin="12mm">
<fo:region-body margin-top="20mm" margin-bottom="12mm"/><fo:region-before extent="10mm"/><fo:region-after extent="8mm"/>
</fo:simple-page-master>
<fo:page-sequence-master master-name="book">
<fo:repeatable-page-master-alternatives>
<fo:conditional-page-master-reference master-reference="odd" odd-or-even="odd"/>
<fo:conditional-page-master-reference master-reference="even" odd-or-even="even"/>
</fo:repeatable-page-master-alternatives>
</fo:page-sequence-master>
</fo:layout-master-set>
<fo:page-sequence master-reference="book">
<fo:static-content flow-name="xsl-region-before"><fo:block font-size="8pt">
<fo:retrieve-marker retrieve-class-name="sec" retrieve-position="first-including-carryover"/> …
<fo:retrieve-marker retrieve-class-name="sec" retrieve-position="last-ending-within-page"/> /
<fo:retrieve-marker retrieve-class-name="sub" retrieve-position="first-starting-within-page"/>
</fo:block></fo:static-content>
<fo:static-content flow-name="xsl-region-after"><fo:block text-align="center" font-size="8pt">page <fo:page-number/></fo:block></fo:static-content>
<fo:static-content flow-name="xsl-footnote-separator"><fo:block><fo:leader leader-pattern="rule" leader-length="30mm"/></fo:block></fo:static-content>
<fo:flow flow-name="xsl-region-body">
EOF
        for ((i = 1; i <= n; i++)); do
            local brk=""
            [ $((i % 5)) = 0 ] && brk=' break-before="odd-page"'
            echo "<fo:block id=\"s$i\" font-weight=\"bold\" keep-with-next=\"always\"$brk><fo:marker marker-class-name=\"sec\">Section $i</fo:marker>Section $i</fo:block>"
            [ "$i" -gt 1 ] && echo "<fo:block>Voir la section $((i - 1)) en page <fo:page-number-citation ref-id=\"s$((i - 1))\"/>.</fo:block>"
            echo "<fo:change-bar-begin change-bar-class=\"c$i\" change-bar-style=\"solid\" change-bar-color=\"red\"/>"
            echo "<fo:block border=\"1pt solid blue\" background-color=\"#eeeeff\" padding=\"3pt\" widows=\"3\" orphans=\"3\">"
            for ((j = 1; j <= 4; j++)); do
                echo "<fo:block text-align=\"justify\" space-after=\"4pt\"><fo:marker marker-class-name=\"sub\">Sous-partie $i.$j</fo:marker>Paragraphe $i.$j : le territoire, ses communes et leurs habitants construisent ensemble une stratégie de transition écologique, de mobilité et d'habitat, avec les acteurs locaux<fo:footnote><fo:inline font-size=\"7pt\" baseline-shift=\"super\">$j</fo:inline><fo:footnote-body><fo:block font-size=\"7pt\">Note $i.$j.</fo:block></fo:footnote-body></fo:footnote> et les élus, sur plusieurs années et plusieurs lignes de texte justifié.</fo:block>"
            done
            echo "</fo:block>"
            echo "<fo:change-bar-end change-bar-class=\"c$i\"/>"
            echo '<fo:table table-layout="fixed" width="100%"><fo:table-column column-width="20%"/><fo:table-column column-width="80%"/>'
            echo '<fo:table-header><fo:table-row><fo:table-cell border="0.5pt solid black"><fo:block font-weight="bold">N°</fo:block></fo:table-cell><fo:table-cell border="0.5pt solid black"><fo:block font-weight="bold">Action</fo:block></fo:table-cell></fo:table-row></fo:table-header>'
            echo '<fo:table-footer><fo:table-row><fo:table-cell number-columns-spanned="2"><fo:block font-style="italic">suite du tableau</fo:block></fo:table-cell></fo:table-row></fo:table-footer><fo:table-body>'
            for ((j = 1; j <= 9; j++)); do
                echo "<fo:table-row><fo:table-cell border=\"0.5pt solid black\"><fo:block>$i.$j</fo:block></fo:table-cell><fo:table-cell border=\"0.5pt solid black\"><fo:block>Action $i.$j du plan, portée par la commune</fo:block></fo:table-cell></fo:table-row>"
            done
            echo '</fo:table-body></fo:table>'
            echo '<fo:list-block provisional-distance-between-starts="8mm">'
            for ((j = 1; j <= 3; j++)); do
                echo "<fo:list-item><fo:list-item-label end-indent=\"label-end()\"><fo:block>–</fo:block></fo:list-item-label><fo:list-item-body start-indent=\"body-start()\"><fo:block>Point $i.$j de la liste</fo:block></fo:list-item-body></fo:list-item>"
            done
            echo '</fo:list-block>'
        done
        echo '</fo:flow></fo:page-sequence></fo:root>'
    } > "$out"
}

test_window_pages_are_those_of_the_whole_sequence() {
    window_doc w.fo 24
    assert_exit 0 "$LIVRABLES" render -f text w.fo -o window.txt
    LIVRABLES_PAGE_WINDOW=0 assert_exit 0 "$LIVRABLES" render -f text w.fo -o whole.txt
    # every box of every page where laying the sequence out whole puts it
    diff whole.txt window.txt > diff.txt || { head -40 diff.txt; fail "the window made other pages"; }
    assert_exit 0 "$LIVRABLES" render w.fo -o w.pdf
    local pages
    pages=$(pdf_pages w.pdf)
    [ "$pages" -gt 24 ] || fail "only $pages pages"
    pdftotext -layout w.pdf w.txt
    assert_contains w.txt "page $pages"
    assert_contains w.txt "suite du tableau"
    # the citation of section 23 shows the page its heading is on
    local p23
    p23=$(page_of_text w.pdf "Section 23")
    assert_contains w.txt "Voir la section 23 en page $p23."
}

# long_doc OUT PAGES: about PAGES pages of long justified paragraphs in one page-sequence,
# a "page n" footer, no citation. Few FO elements for much text: the layout data the window
# frees counts here, the FO side in test_window_memory_bounded_with_many_fo_elements.
long_doc() {
    local out=$1 pages=$2 i j s
    s="Le territoire et ses communes construisent une stratégie de transition écologique ; les acteurs locaux, les élus et les habitants partagent un diagnostic des enjeux de mobilité, d'habitat, de paysage et de revitalisation des centres-bourgs, avec des actions portées par l'intercommunalité."
    {
        fo_a4_start 'page <fo:page-number/>'
        # a paragraph of 12 sentences: about one page
        for ((i = 1; i <= pages; i++)); do
            printf '<fo:block text-align="justify" hyphenate="true" language="fr" space-after="6pt">%d.' "$i"
            for ((j = 0; j < 12; j++)); do printf ' %s' "$s"; done
            printf '</fo:block>\n'
        done
        echo '</fo:flow></fo:page-sequence></fo:root>'
    } > "$out"
}

# peak_kb CMD...: the peak resident memory of CMD, in kB
peak_kb() {
    /usr/bin/time -f %M -o peak.txt "$@" >/dev/null 2>cmd.err || { cat cmd.err; return 1; }
    cat peak.txt
}

# peaks_not_measured: true (and says why) under AddressSanitizer, whose shadow memory and
# quarantine make peak memory meaningless
peaks_not_measured() {
    [ -n "${ASAN_OPTIONS:-}" ] || return 1
    echo "AddressSanitizer's shadow memory and quarantine: peak memory not measured"
}

# text_peaks: renders small.fo and large.fo to the text dumps small.txt and large.txt and
# sets the caller's `small` and `large` to their peak memory in kB
text_peaks() {
    small=$(peak_kb "$LIVRABLES" render -f text small.fo -o small.txt) || return 1
    large=$(peak_kb "$LIVRABLES" render -f text large.fo -o large.txt) || return 1
}

test_window_memory_bounded_in_one_long_sequence() {
    if peaks_not_measured; then return 0; fi
    long_doc small.fo 60
    long_doc large.fo 600
    local small large
    text_peaks
    local nsmall nlarge
    nsmall=$(grep -c '^page ' small.txt)
    nlarge=$(grep -c '^page ' large.txt)
    [ "$nlarge" -ge $((nsmall * 10 - 10)) ] || fail "$nlarge pages is not 10 times $nsmall"
    echo "peak: $small kB at $nsmall pages, $large kB at $nlarge pages"
    # laid out whole (LIVRABLES_PAGE_WINDOW=0), the sequence took 2.7 times the memory at 10
    # times the pages (83 MB against 30 MB); with the window, 1.27 times (33 MB against 26)
    [ "$large" -le $((small * 3 / 2)) ] ||
        fail "peak memory at $nlarge pages ($large kB) is more than 1.5 times the peak at $nsmall ($small kB)"
}

# The FO side counts too: the window pulls the flow's children one at a time into the arenas
# of their pages' layout data, so the FO subtree of a long page-sequence is never held whole.
test_window_memory_bounded_with_many_fo_elements() {
    if peaks_not_measured; then return 0; fi
    cc -O2 -o gen_fo "$ROOT/bench/gen_fo.c" || fail "bench/gen_fo.c does not build"
    # the book in one page-sequence, no forward citation: about 60 and 600 pages
    ./gen_fo --single --no-last --no-toc 10 > small.fo
    ./gen_fo --single --no-last --no-toc 100 > large.fo
    local small large
    text_peaks
    echo "peak: $small kB for $(wc -c < small.fo) bytes of FO, $large kB for $(wc -c < large.fo)"
    # with the flow's children read whole into the sequence's arena: 46 MB against 29 MB
    # (1.58 times); pulled one at a time: 29.4 MB against 28 MB
    [ "$large" -le $((small * 3 / 2)) ] ||
        fail "peak memory for 10 times the FO ($large kB) is more than 1.5 times the peak for the small book ($small kB)"
}

# chapters_doc OUT: three chapters of 150 paragraphs each (about 20 pages), one page-sequence,
# the header retrieving the chapter's marker (first-including-carryover).
chapters_doc() {
    local out=$1 ch i s
    s="Le territoire et ses communes construisent une stratégie de transition écologique ; les acteurs locaux, les élus et les habitants partagent un diagnostic des enjeux de mobilité."
    {
        cat <<'EOF'
<?xml version="1.0" encoding="UTF-8"?>
<fo:root xmlns:fo="http://www.w3.org/1999/XSL/Format" font-family="DejaVu Serif" font-size="10pt">
<fo:layout-master-set><fo:simple-page-master master-name="A4" page-width="210mm" page-height="297mm" margin="20mm">
<fo:region-body margin-top="15mm"/><fo:region-before extent="10mm"/></fo:simple-page-master></fo:layout-master-set>
<fo:page-sequence master-reference="A4">
<fo:static-content flow-name="xsl-region-before"><fo:block>En-tête : <fo:retrieve-marker retrieve-class-name="ch" retrieve-position="first-including-carryover"/></fo:block></fo:static-content>
<fo:flow flow-name="xsl-region-body">
EOF
        for ((ch = 1; ch <= 3; ch++)); do
            echo "<fo:block font-weight=\"bold\"><fo:marker marker-class-name=\"ch\">Chapitre $ch</fo:marker>Chapitre $ch</fo:block>"
            for ((i = 1; i <= 150; i++)); do
                echo "<fo:block space-after=\"4pt\">$ch.$i $s $s $s</fo:block>"
            done
        done
        echo '</fo:flow></fo:page-sequence></fo:root>'
    } > "$out"
}

# The window frees its chunk arenas, and the flow's children pulled into them, as pages are
# made: the headers of a chapter's later pages still show the marker of its first block,
# whose child is gone (the marker is copied out; AddressSanitizer sees a read of a freed
# chunk otherwise).
test_window_markers_outlive_the_children_they_came_from() {
    chapters_doc c.fo
    assert_exit 0 "$LIVRABLES" render -f text c.fo -o window.txt
    LIVRABLES_PAGE_WINDOW=0 assert_exit 0 "$LIVRABLES" render -f text c.fo -o whole.txt
    diff whole.txt window.txt > diff.txt || { head -40 diff.txt; fail "the window made other pages"; }
    [ "$(grep -c 'En-tête : Chapitre 1' window.txt)" -gt 15 ] ||
        fail "chapter 1's marker not carried over its pages"
    assert_contains window.txt "En-tête : Chapitre 3"
}

# One chapter a page, each chapter's marker the page's header, a "page n / N" footer: every
# page is made with a recipe, its header's marker copied into it. The copies were looked up
# by the marker's address, which a later chapter takes once the chunk holding an earlier one
# is freed with its pages: pages 77 on of 3,000 (a third of them) showed an earlier
# chapter's header. The chapters' titles are of one length, so their markers fall where the
# freed ones were.
test_window_headers_of_pages_made_again_name_their_chapter() {
    local i s="Le territoire et ses communes construisent une stratégie de transition écologique ; les acteurs locaux partagent un diagnostic."
    {
        cat <<'EOF'
<?xml version="1.0" encoding="UTF-8"?>
<fo:root xmlns:fo="http://www.w3.org/1999/XSL/Format" font-family="DejaVu Serif" font-size="10pt">
<fo:layout-master-set><fo:simple-page-master master-name="A4" page-width="210mm" page-height="297mm" margin="20mm">
<fo:region-body margin-top="15mm" margin-bottom="15mm"/><fo:region-before extent="10mm"/><fo:region-after extent="10mm"/>
</fo:simple-page-master></fo:layout-master-set>
<fo:page-sequence master-reference="A4">
<fo:static-content flow-name="xsl-region-before"><fo:block>En-tête : <fo:retrieve-marker retrieve-class-name="ch" retrieve-position="first-including-carryover"/></fo:block></fo:static-content>
<fo:static-content flow-name="xsl-region-after"><fo:block text-align="center">page <fo:page-number/> / <fo:page-number-citation-last ref-id="fin"/></fo:block></fo:static-content>
<fo:flow flow-name="xsl-region-body">
EOF
        for ((i = 1; i <= 200; i++)); do
            printf '<fo:block break-before="page"><fo:marker marker-class-name="ch">Chapitre %05d</fo:marker>Chapitre %05d</fo:block>\n' "$i" "$i"
            printf '<fo:block>%s</fo:block>\n' "$s" "$s" "$s"
        done
        echo '<fo:block id="fin">Fin.</fo:block></fo:flow></fo:page-sequence></fo:root>'
    } > c.fo
    assert_exit 0 "$LIVRABLES" render -f text c.fo -o c.txt
    python3 - c.txt <<'PY' || fail "pages under another chapter's header"
import re, sys
page, pages, wrong = 0, 0, []
for line in open(sys.argv[1], encoding="utf-8"):
    m = re.match(r"page (\d+) ", line)
    if m:
        page, pages = int(m.group(1)), pages + 1
    m = re.search(r'"En-tête : Chapitre (\d+)"', line)
    if m and int(m.group(1)) != page:
        wrong.append(f"page {page} under chapter {int(m.group(1))}")
print(f"{pages} pages, {len(wrong)} under another chapter's header")
print("\n".join(wrong[:5]))
sys.exit(1 if wrong or pages != 200 else 0)
PY
}

# "page n / N" footers: the window makes those pages with recipes, spooled until the last
# page is known, and goes on: memory stays flat, every footer shows the page count.
test_window_goes_on_past_page_n_of_n() {
    cc -O2 -o gen_fo "$ROOT/bench/gen_fo.c" || fail "bench/gen_fo.c does not build"
    ./gen_fo --single --no-toc 10 > small.fo
    assert_exit 0 "$LIVRABLES" render -f text small.fo -o window.txt
    LIVRABLES_PAGE_WINDOW=0 assert_exit 0 "$LIVRABLES" render -f text small.fo -o whole.txt
    diff whole.txt window.txt > diff.txt || { head -40 diff.txt; fail "the window made other pages"; }
    assert_exit 0 "$LIVRABLES" render small.fo -o small.pdf
    local pages footers
    pages=$(pdf_pages small.pdf)
    footers=$(pdftotext small.pdf - | grep -cE "^page [0-9]+ / $pages\$")
    [ "$footers" -ge $((pages - 2)) ] || fail "$footers footers of $pages pages show 'page n / $pages'"
    if peaks_not_measured; then return 0; fi
    ./gen_fo --single --no-toc 100 > large.fo
    local small large
    text_peaks
    echo "peak: $small kB for $(wc -c < small.fo) bytes of FO, $large kB for $(wc -c < large.fo)"
    # with the window stopping at the first page that waits: 165 MB against 42 MB
    [ "$large" -le $((small * 3 / 2)) ] ||
        fail "peak memory for 10 times the pages ($large kB) is more than 1.5 times the peak for the small book ($small kB)"
}

# toc_check DUMP: every entry of the contents (a text dump of gen_fo's book) shows the page
# its chapter's heading is on; prints the entries' numbers.
toc_check() {
    python3 - "$1" <<'PY'
import re, sys
page, toc, starts, pending = 0, {}, {}, None
for line in open(sys.argv[1], encoding="utf-8"):
    m = re.match(r'page (\d+) ', line)
    if m:
        page = int(m.group(1))
        continue
    m = re.match(r'  text \S+ "Liberation (Serif|Sans)" (\S+) \S+ "(.*)"$', line)
    if not m:
        continue
    font, size, text = m.groups()
    c = re.fullmatch(r'Chapitre (\d+)', text)
    if c and font == "Sans" and size == "16.00":
        starts[int(c.group(1))] = page
    elif c:
        pending = int(c.group(1))
    elif pending and re.fullmatch(r'\d+', text):
        toc[pending], pending = int(text), None
assert toc and toc == starts, (toc, starts)
print(" ".join(str(toc[k]) for k in sorted(toc)))
PY
}

# A book with its table of contents at the front (DocBook's way, gen_fo's): the window
# makes the contents' pages with recipes and goes on; they wait in the spool, and every page
# after them, until the chapters they cite are placed; then the entries are laid out again
# and patched in (the leaders take up the numbers' width: no second pass). The numbers grow
# from one digit to three across the book.
test_window_goes_on_past_a_front_table_of_contents() {
    cc -O2 -o gen_fo "$ROOT/bench/gen_fo.c" || fail "bench/gen_fo.c does not build"
    ./gen_fo --single 20 > toc.fo
    LIVRABLES_TRACE_PASSES=1 assert_exit 0 "$LIVRABLES" render -f text toc.fo -o window.txt
    assert_contains out.txt "layout passes: 1"
    LIVRABLES_PAGE_WINDOW=0 assert_exit 0 "$LIVRABLES" render -f text toc.fo -o whole.txt
    diff whole.txt window.txt > diff.txt || { head -40 diff.txt; fail "the window made other pages"; }
    local numbers
    numbers=$(toc_check window.txt) || fail "the contents show other pages than the chapters'"
    echo "contents: $numbers"
    [[ " $numbers " =~ \ [0-9]\  ]] && [[ " $numbers " =~ \ [0-9][0-9][0-9]\  ]] ||
        fail "the numbers do not run from one digit to three"
    if peaks_not_measured; then return 0; fi
    # about 30 and 300 pages, with their contents at the front and "page n / N" footers
    ./gen_fo --single 5 > small.fo
    ./gen_fo --single 50 > large.fo
    local small large
    text_peaks
    toc_check large.txt > /dev/null || fail "the large book's contents"
    echo "peak: $small kB at $(grep -c '^page ' small.txt) pages, $large kB at $(grep -c '^page ' large.txt)"
    # with the window stopping at the contents: 97 MB against 33 MB; going on: 30 MB against 29
    [ "$large" -le $((small * 3 / 2)) ] ||
        fail "peak memory for 10 times the pages ($large kB) is more than 1.5 times the peak for the small book ($small kB)"
}

# section_pages FROM TO [TEXT]: sections FROM to TO, each heading (id "sN") starting a
# page, followed by a line of text unless TEXT is "no-text".
section_pages() {
    local i
    for ((i = $1; i <= $2; i++)); do
        echo "<fo:block break-before=\"page\" id=\"s$i\" font-weight=\"bold\">Section $i</fo:block>"
        [ "${3:-}" = no-text ] || echo "<fo:block>Texte de la section $i.</fo:block>"
    done
}

# references_to_9 REF REPS: a justified paragraph of REPS "voir page REF ;".
references_to_9() {
    local i
    echo "<fo:block text-align=\"justify\">Renvois vers la section 9 :"
    for ((i = 1; i <= $2; i++)); do echo "voir page $1 ;"; done
    echo "fin.</fo:block>"
}

# cites_doc OUT REF: a page-sequence whose contents cite, by REF (a page-number-citation or
# a number written out), section 1 just after them (on the same page: an id placed in the
# same window as its citation) and sections 2 to 4, each on a page of its own, then a
# justified paragraph of 80 "voir page N ;" citing section 9 (page 9) the same way.
cites_doc() {
    local out=$1 mode=$2 i
    ref() { if [ "$mode" = cite ]; then echo "<fo:page-number-citation ref-id=\"s$1\"/>"; else echo "$1"; fi; }
    {
        fo_a4_start 'page <fo:page-number/>'
        cat <<'EOF2'
<fo:block font-weight="bold">Sommaire</fo:block>
EOF2
        for ((i = 1; i <= 4; i++)); do
            echo "<fo:block text-align-last=\"justify\">Section $i<fo:leader leader-pattern=\"dots\"/>$(ref $i)</fo:block>"
        done
        echo '<fo:block id="s1" font-weight="bold" space-before="12pt">Section 1</fo:block>'
        references_to_9 "$(ref 9)" 80
        section_pages 2 9
        echo '</fo:flow></fo:page-sequence></fo:root>'
    } > "$out"
}

# Citations in the window: the contents' entry citing section 1, placed on the same page,
# and the paragraph whose placeholder ("00", wider than "9") breaks it into other lines.
# Its pages are made and spooled all the same; laid out again once section 9 is placed, the
# paragraph breaks otherwise, so the document takes a second pass (the pages after it were
# made with its old lines), and ends up exactly as with the numbers written out.
test_window_citations_in_the_window_end_like_literal_numbers() {
    cites_doc cite.fo cite
    cites_doc literal.fo literal
    LIVRABLES_TRACE_PASSES=1 assert_exit 0 "$LIVRABLES" render -f text cite.fo -o window.txt
    assert_contains out.txt "layout passes: 2"
    LIVRABLES_PAGE_WINDOW=0 assert_exit 0 "$LIVRABLES" render -f text cite.fo -o whole.txt
    diff whole.txt window.txt > diff.txt || { head -40 diff.txt; fail "the window made other pages"; }
    assert_exit 0 "$LIVRABLES" render cite.fo -o cite.pdf
    assert_exit 0 "$LIVRABLES" render literal.fo -o literal.pdf
    pdftotext -layout cite.pdf cite.txt
    pdftotext -layout literal.pdf literal.txt
    diff literal.txt cite.txt || fail "the citations end otherwise than the numbers written out"
    assert_eq 9 "$(pdf_pages cite.pdf)" pages
    [ "$(grep -o 'voir page 9 ;' cite.txt | wc -l)" -ge 40 ] || fail "page 9 not shown"
    grep -qE '^Section 1 *\.{3,} *1$' cite.txt || fail "the entry of section 1, on its page"
    grep -qE '^Section 4 *\.{3,} *4$' cite.txt || fail "the entry of section 4"
}

# On a region-body turned by its reference-orientation, where an item's boxes go on the page
# is not told: a block citing a page to come could not be patched in, so the window stops
# there and the sequence is settled whole, in one pass (without the stop, its pages went
# out with the placeholders and the document took a second pass).
test_window_citations_on_a_turned_body_settled_whole() {
    cites_doc cite.fo cite
    sed -i 's|<fo:region-body margin-bottom="15mm"/>|<fo:region-body margin-bottom="15mm" reference-orientation="90"/>|' cite.fo
    grep -q 'reference-orientation="90"' cite.fo || fail "the body is not turned"
    LIVRABLES_TRACE_PASSES=1 assert_exit 0 "$LIVRABLES" render -f text cite.fo -o window.txt
    assert_contains out.txt "layout passes: 1"
    assert_not_contains out.txt "did not settle"
    LIVRABLES_PAGE_WINDOW=0 assert_exit 0 "$LIVRABLES" render -f text cite.fo -o whole.txt
    diff whole.txt window.txt > diff.txt || { head -40 diff.txt; fail "the window made other pages"; }
}

# A table of contents set as a table whose header repeats: its rows can't be patched in (a
# repeated header is made apart from them), so the first pass's placeholders take the
# document through a second pass, whose rows show the first pass's numbers, the right ones:
# they stand as laid out (before, each pass laid them out again, broke them again, and the
# fourth pass warned that the numbers did not settle).
test_window_contents_in_a_table_settle_in_two_passes() {
    cc -O2 -o gen_fo "$ROOT/bench/gen_fo.c" || fail "bench/gen_fo.c does not build"
    ./gen_fo --single --no-last --no-toc 8 > book.fo
    python3 - book.fo <<'PY'
import sys
path = sys.argv[1]
fo = open(path, encoding="utf-8").read()
rows = "".join(
    '<fo:table-row><fo:table-cell><fo:block>Chapitre %d</fo:block></fo:table-cell>'
    '<fo:table-cell><fo:block text-align="end"><fo:page-number-citation ref-id="ch%d"/>'
    '</fo:block></fo:table-cell></fo:table-row>' % (c, c) for c in range(1, 9))
toc = ('<fo:table table-layout="fixed" width="100%"><fo:table-column column-width="80%"/>'
       '<fo:table-column column-width="20%"/><fo:table-header><fo:table-row><fo:table-cell>'
       '<fo:block font-weight="bold">Chapitre</fo:block></fo:table-cell><fo:table-cell>'
       '<fo:block font-weight="bold" text-align="end">Page</fo:block></fo:table-cell>'
       '</fo:table-row></fo:table-header><fo:table-body>' + rows + '</fo:table-body></fo:table>')
at = fo.index('<fo:flow flow-name="xsl-region-body">') + len('<fo:flow flow-name="xsl-region-body">')
open(path, "w", encoding="utf-8").write(fo[:at] + "\n" + toc + fo[at:])
PY
    grep -q 'page-number-citation ref-id="ch8"' book.fo || fail "no contents in the book"
    LIVRABLES_TRACE_PASSES=1 assert_exit 0 "$LIVRABLES" render -f text book.fo -o window.txt
    assert_not_contains out.txt "did not settle"
    assert_contains out.txt "layout passes: 2"
    LIVRABLES_PAGE_WINDOW=0 assert_exit 0 "$LIVRABLES" render -f text book.fo -o whole.txt
    diff whole.txt window.txt > diff.txt || { head -40 diff.txt; fail "the window made other pages"; }
}

# moved_word_doc OUT REF: a paragraph of two lines whose citation of section 9 (REF: cite
# for a page-number-citation, else the number written out) ends the first line: the placeholder
# "00" pushes the word after it to the second line, "9" leaves it on the first.
moved_word_doc() {
    local out=$1 mode=$2 ref
    case $mode in
    cite) ref='<fo:page-number-citation ref-id="s9"/>' ;;
    *) ref=$mode ;;
    esac
    {
        fo_a4_start 'page <fo:page-number/>'
        echo '<fo:block>Début.</fo:block>'
        echo "<fo:block>territoire territoire territoire territoire territoire territoire territoire territoire voir page $ref puis la suite du texte.</fo:block>"
        section_pages 2 9 no-text
        echo '</fo:flow></fo:page-sequence></fo:root>'
    } > "$out"
}

# The number's width moves a word across the line break without changing the line count:
# the paragraph's items break into pages alike, only their boxes differ, so its new lines
# replace the old ones wholesale on their page (before, the document took a second pass).
# Both the window and the whole sequence (LIVRABLES_PAGE_WINDOW=0) patch it in one pass.
test_window_citation_moving_a_word_patched_in_one_pass() {
    moved_word_doc cite.fo cite
    moved_word_doc literal.fo 9
    moved_word_doc placeholder.fo 00
    LIVRABLES_TRACE_PASSES=1 assert_exit 0 "$LIVRABLES" render -f text cite.fo -o window.txt
    assert_contains out.txt "layout passes: 1"
    LIVRABLES_PAGE_WINDOW=0 LIVRABLES_TRACE_PASSES=1 assert_exit 0 "$LIVRABLES" render -f text cite.fo -o whole.txt
    assert_contains out.txt "layout passes: 1"
    diff whole.txt window.txt > diff.txt || { head -40 diff.txt; fail "the window made other pages"; }
    assert_exit 0 "$LIVRABLES" render cite.fo -o cite.pdf
    assert_exit 0 "$LIVRABLES" render literal.fo -o literal.pdf
    qpdf --check cite.pdf > qpdf.txt || { cat qpdf.txt; fail "qpdf --check"; }
    pdftotext -layout cite.pdf cite.txt
    pdftotext -layout literal.pdf literal.txt
    diff literal.txt cite.txt || fail "the citation ends otherwise than the number written out"
    grep -q 'voir page 9 puis$' cite.txt || fail "the word did not come back to the first line"
    # what the citation showed first: the placeholder, which sends "puis" to the next line
    assert_exit 0 "$LIVRABLES" render placeholder.fo -o placeholder.pdf
    pdftotext -layout placeholder.pdf placeholder.txt
    grep -q 'voir page 00$' placeholder.txt || fail "the placeholder does not move the word: no rebreak tested"
}

# late_cites_doc OUT MODE: three pages, then a justified paragraph of 80 "voir page N ;"
# citing the last section (page 9), then sections each on a page of its own.
late_cites_doc() {
    local out=$1 mode=$2 ref
    if [ "$mode" = cite ]; then ref='<fo:page-number-citation ref-id="s9"/>'; else ref=9; fi
    {
        fo_a4_start 'page <fo:page-number/>'
        section_pages 1 3
        section_pages 4 4 no-text
        references_to_9 "$ref" 80
        section_pages 5 9
        echo '</fo:flow></fo:page-sequence></fo:root>'
    } > "$out"
}

# The paragraph that breaks otherwise is on page 4: pages 1 to 3 were painted final before
# it was laid out again, and the painter stays open for the second pass, which checks they
# come out the same (a digest of each page's boxes) and hands over only the pages from 4 on.
# The PDF is as with the numbers written out, with its structure tree whole.
test_window_second_pass_keeps_the_pages_painted_before_the_rebreak() {
    late_cites_doc cite.fo cite
    late_cites_doc literal.fo 9
    LIVRABLES_TRACE_PASSES=1 assert_exit 0 "$LIVRABLES" render -f text cite.fo -o window.txt
    assert_contains out.txt "layout passes: 2"
    assert_contains out.txt "pages painted by an earlier pass and kept: 3"
    LIVRABLES_PAGE_WINDOW=0 assert_exit 0 "$LIVRABLES" render -f text cite.fo -o whole.txt
    diff whole.txt window.txt > diff.txt || { head -40 diff.txt; fail "the window made other pages"; }
    assert_eq 9 "$(grep -c '^page ' window.txt)" "pages in the dump"
    LIVRABLES_TRACE_PASSES=1 assert_exit 0 "$LIVRABLES" render cite.fo -o cite.pdf
    assert_contains out.txt "pages painted by an earlier pass and kept: 3"
    assert_exit 0 "$LIVRABLES" render literal.fo -o literal.pdf
    qpdf --check cite.pdf > qpdf.txt || { cat qpdf.txt; fail "qpdf --check"; }
    assert_eq 9 "$(pdf_pages cite.pdf)" pages
    pdftotext -layout cite.pdf cite.txt
    pdftotext -layout literal.pdf literal.txt
    diff literal.txt cite.txt || fail "the citations end otherwise than the numbers written out"
    grep -q 'Section 1' cite.txt && grep -q 'Texte de la section 3.' cite.txt || fail "the kept pages"
    [ "$(grep -o 'voir page 9 ;' cite.txt | wc -l)" -ge 40 ] || fail "page 9 not shown"
    # one structure element per block, as with the numbers written out
    /usr/bin/python3 - cite.pdf literal.pdf <<'PY' || fail "the structure trees differ"
import sys, pikepdf
def types(path):
    out = []
    def walk(k):
        if isinstance(k, pikepdf.Array):
            for x in k:
                walk(x)
        elif isinstance(k, pikepdf.Dictionary) and "/S" in k:
            out.append(str(k.S))
            if "/K" in k:
                walk(k.K)
    walk(pikepdf.open(path).Root.StructTreeRoot.K)
    return out
a, b = types(sys.argv[1]), types(sys.argv[2])
assert a == b and a.count("/P") >= 10, (a, b)
PY
}

# toc_late_doc OUT REPS: an entry citing section 9 on page 1, "page n / N" footers, three
# pages, then a justified paragraph of REPS "voir page N ;" citing section 9, just after it.
toc_late_doc() {
    local out=$1 reps=$2
    {
        fo_a4_start 'page <fo:page-number/> / <fo:page-number-citation-last ref-id="end"/>'
        echo '<fo:block text-align-last="justify">Section 9<fo:leader leader-pattern="dots"/><fo:page-number-citation ref-id="s9"/></fo:block>'
        section_pages 1 4 no-text
        references_to_9 '<fo:page-number-citation ref-id="s9"/>' "$reps"
        section_pages 9 9 no-text
        echo '<fo:block id="end"/></fo:flow></fo:page-sequence></fo:root>'
    } > "$out"
}

# When a page the painter kept differs in the second pass (380 citations: the paragraph
# laid out again moves section 9 and the last page, so the first pages' entry and footers
# change), the painter holds a wrong page: the second pass paints nothing more and a third
# starts with a fresh painter. The pages end as with the whole sequence, "page n / 6".
test_window_kept_page_that_differs_takes_a_fresh_pass() {
    toc_late_doc cite.fo 380
    LIVRABLES_TRACE_PASSES=1 assert_exit 0 "$LIVRABLES" render -f text cite.fo -o window.txt
    assert_contains out.txt "layout passes: 3"
    assert_contains out.txt "pages painted by an earlier pass and kept: 0"
    LIVRABLES_PAGE_WINDOW=0 assert_exit 0 "$LIVRABLES" render -f text cite.fo -o whole.txt
    diff whole.txt window.txt > diff.txt || { head -40 diff.txt; fail "the window made other pages"; }
    assert_exit 0 "$LIVRABLES" render cite.fo -o cite.pdf
    qpdf --check cite.pdf > qpdf.txt || { cat qpdf.txt; fail "qpdf --check"; }
    assert_eq 6 "$(pdf_pages cite.pdf)" pages
    pdftotext -layout cite.pdf cite.txt
    [ "$(grep -c 'page [1-6] / 6' cite.txt)" = 6 ] || fail "the footers do not say 6 pages"
    grep -qE '^Section 9 *\.{3,} *6$' cite.txt || fail "the entry of section 9"
}
