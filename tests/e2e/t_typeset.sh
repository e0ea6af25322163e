# End-to-end tests of the page economy and of words and typography (issue 7): every page of
# every deliverable of both examples and of the seminar dossier is measured on its rendered
# image (tests/e2e/lib/pagefill.py); plurals, articles, superscripts and labels are read back
# through pdftotext and the FO (tests/e2e/lib/typeset.py). Expected values come from the
# sources.

typeset() { python3 "$ROOT/tests/e2e/lib/typeset.py" "$@"; }
pagefill() { python3 "$ROOT/tests/e2e/lib/pagefill.py" "$@"; }

# every_pdf NAME: the PDFs of examples/NAME, built once per run
every_pdf() {
    local dir
    dir=$(built_example "$1") || return 1
    find "$dir" -name '*.pdf' | sort
}

# the dossier of the Occitanie seminar, built once per run
built_dossier() {
    local out
    out=$(examples_dir)/dossier.pdf
    if [ ! -f "$out" ]; then
        mkdir -p "$(examples_dir)"
        "$LIVRABLES" dossier "$ROOT/examples/atelier-multisite/atelier.xml" \
            -o "$out" >dossier.log 2>&1 ||
            { cat dossier.log; fail "livrables dossier"; return 1; }
    fi
    echo "$out"
}

# No page before the last is less than a third full: neither the contents of a short
# document (they share their page with the first chapter) nor the tail of a table before the
# glossary (which follows the last chapter; a table folded into two column pairs is kept
# whole) leaves a page nearly empty (templates/common/toc.xsl, glossary.xsl, tables.xsl).
assert_pages_filled() {
    local pdf
    for pdf in $(every_pdf "$1"); do
        pagefill check "$pdf"
    done
}

test_typeset_page_fill_flash() { assert_pages_filled atelier-flash; }
test_typeset_page_fill_multisite() { assert_pages_filled atelier-multisite; }
# the shared repository's ateliers: five-page livrets, carnets and notes
test_typeset_page_fill_depot_partage() {
    assert_pages_filled depot-partage/cerneux && assert_pages_filled depot-partage/vernay
}

test_typeset_page_fill_dossier() {
    local pdf src sites=()
    pdf=$(built_dossier)
    # each site's part starts a new page by design
    for src in "$ROOT"/examples/atelier-{multisite,flash}/atelier.xml; do
        for s in $(check sites "$src"); do
            sites+=("$(check value "$src" site-name "$s")")
        done
    done
    pagefill check "$pdf" "${sites[@]}"
}

test_typeset_plurals_by_count() {
    local src pdfs
    for ex in atelier-flash atelier-multisite; do
        pdfs=$(every_pdf $ex)
        typeset no-optional-plural $pdfs
        typeset livret-sites "$(example_source $ex)" "$(built_example $ex)/livret-de-capitalisation.pdf"
    done
    typeset no-optional-plural "$(built_dossier)"
}

test_typeset_no_repeated_label() {
    typeset no-repeated-label $(every_pdf atelier-multisite) $(every_pdf atelier-flash)
}

test_typeset_steering_service_with_article() {
    local ex dir s
    for ex in atelier-flash atelier-multisite; do
        dir=$(built_example $ex)
        for s in $(check sites "$(example_source $ex)"); do
            typeset steering-service "$(example_source $ex)" "$dir/$s/note-de-cadrage.pdf"
        done
    done
}

# "1er" is set with a raised suffix: Castelvert's carnet de suivi is dated by its last
# session, on the 1st of a month (its colophon's version date), in the FO, while the PDF's
# text still reads "1er".
test_typeset_ordinal_superscript() {
    local src day
    src=$(example_source atelier-multisite)
    day=$(python3 -c 'import sys, xml.etree.ElementTree as E
r = E.parse(sys.argv[1]).getroot()
print(max(s.get("date") for s in r.iter("{urn:livrables:atelier:1}seance") if s.get("tenue") == "oui"))' \
        "$(dirname "$src")/sites/castelvert-sur-arrats.xml")
    [ "${day#*-*-}" = 01 ] || fail "Castelvert's last session ($day) is no longer on the 1st: pick another example"
    "$LIVRABLES" build "$src" -o fo --format fo --only carnet-de-suivi >out.txt 2>&1 ||
        { cat out.txt; fail "build --format fo"; }
    assert_contains fo/castelvert-sur-arrats/carnet-de-suivi.fo \
        'du 1<fo:inline baseline-shift="0.4em" font-size="60%">er</fo:inline> octobre 2025'
    pdf_text "$(built_example atelier-multisite)/castelvert-sur-arrats/carnet-de-suivi.pdf" >text.txt
    assert_contains text.txt "1er octobre 2025"
}

# A superscript in table text leaves the line's height as it is: three lines of a table's
# font, the middle one with "1er", are evenly spaced.
test_typeset_superscript_keeps_the_line_height() {
    mkdir charte
    cat >charte/sup.xsl <<XSL
<?xml version="1.0"?>
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:fo="http://www.w3.org/1999/XSL/Format">
  <xsl:import href="$ROOT/styles/etat.xsl"/>
  <xsl:template match="/">
    <fo:root><fo:layout-master-set><fo:simple-page-master master-name="p">
      <fo:region-body margin="20mm"/></fo:simple-page-master></fo:layout-master-set>
      <fo:page-sequence master-reference="p"><fo:flow flow-name="xsl-region-body">
        <fo:block xsl:use-attribute-sets="table">
          <fo:block>Ligne alpha</fo:block>
          <fo:block>Ligne 1<fo:inline xsl:use-attribute-sets="superscript">er</fo:inline> beta</fo:block>
          <fo:block>Ligne gamma</fo:block>
          <fo:block>Ligne delta</fo:block>
        </fo:block>
      </fo:flow></fo:page-sequence></fo:root>
  </xsl:template>
</xsl:stylesheet>
XSL
    assert_exit 0 "$LIVRABLES" build "$ROOT/examples/atelier-flash/atelier.xml" --style charte/sup.xsl \
        -o out --only rapport-final
    pdftotext -bbox out/vernay-sur-loue/rapport-final.pdf - |
        sed -n 's/.*yMin="\([0-9.]*\)".*>Ligne<.*/\1/p' >y.txt
    [ "$(wc -l <y.txt)" = 4 ] || { cat y.txt; fail "four lines expected"; }
    python3 - y.txt <<'PY' || fail "a superscript changed the line's height"
import sys
y = [float(l) for l in open(sys.argv[1])]
pitch = [b - a for a, b in zip(y, y[1:])]
sys.exit(0 if max(pitch) - min(pitch) < 0.05 else print(pitch) or 1)
PY
}

test_typeset_dossier_speaks_of_what_it_holds() {
    typeset dossier "$(built_dossier)" "$ROOT/examples/atelier-multisite/atelier.xml"
    # two ateliers at one seminar
    "$LIVRABLES" dossier "$ROOT/examples/depot-partage/vernay/atelier.xml" \
        "$ROOT/examples/depot-partage/cerneux/atelier.xml" -o two.pdf >out.txt 2>&1 ||
        { cat out.txt; fail "livrables dossier"; }
    typeset dossier two.pdf "$ROOT/examples/depot-partage/vernay/atelier.xml" \
        "$ROOT/examples/depot-partage/cerneux/atelier.xml"
}

# A table that runs over pages repeats its header, and fo:retrieve-table-marker in it shows
# the marker of the row each page starts with: nothing where the table starts, "(suite)"
# after (a fiche action's band, a table's name).
test_typeset_retrieve_table_marker_suite() {
    {
        echo '<fo:root xmlns:fo="http://www.w3.org/1999/XSL/Format">'
        echo '<fo:layout-master-set><fo:simple-page-master master-name="A" page-width="120mm" page-height="80mm" margin="10mm">'
        echo '<fo:region-body/></fo:simple-page-master></fo:layout-master-set>'
        echo '<fo:page-sequence master-reference="A"><fo:flow flow-name="xsl-region-body"><fo:table>'
        echo '<fo:table-header><fo:table-row><fo:table-cell><fo:block>Liste<fo:retrieve-table-marker'
        echo ' retrieve-class-name="c"/></fo:block></fo:table-cell></fo:table-row></fo:table-header><fo:table-body>'
        for i in $(seq 1 30); do
            if [ "$i" = 1 ]; then m='<fo:marker marker-class-name="c"/>'; else m='<fo:marker marker-class-name="c"> (suite)</fo:marker>'; fi
            echo "<fo:table-row><fo:table-cell>$m<fo:block>ligne $i</fo:block></fo:table-cell></fo:table-row>"
        done
        echo '</fo:table-body></fo:table></fo:flow></fo:page-sequence></fo:root>'
    } >t.fo
    "$LIVRABLES" render t.fo -o t.pdf >out.txt 2>&1 || { cat out.txt; fail "render"; }
    assert_eq "" "$(cat out.txt)" "warnings"
    local n i
    n=$(pdf_pages t.pdf)
    [ "$n" -ge 3 ] || fail "expected the table on 3 pages or more, got $n"
    pdftotext -f 1 -l 1 t.pdf p1.txt
    assert_contains p1.txt "Liste"
    assert_not_contains p1.txt "suite"
    for ((i = 2; i <= n; i++)); do
        pdftotext -f $i -l $i t.pdf p.txt
        assert_contains p.txt "Liste (suite)"
    done
}

test_typeset_fiches_stay_on_one_page() {
    local ex dir s
    for ex in atelier-flash atelier-multisite; do
        dir=$(built_example $ex)
        for s in $(check sites "$(example_source $ex)"); do
            typeset fiches "$(example_source $ex)" "$s" "$dir/$s/feuille-de-route.pdf"
        done
    done
}

# A fiche longer than a page: the flash example with one action's description made very
# long. It starts a page and its band comes back with "(suite)".
test_typeset_long_fiche_continues() {
    cp -r "$ROOT/examples/atelier-flash" long
    local num
    num=$(python3 - long/atelier.xml <<'PY'
import sys
import xml.etree.ElementTree as ET
NS = "urn:livrables:atelier:1"
ET.register_namespace("", NS)
ET.register_namespace("xi", "http://www.w3.org/2001/XInclude")
tree = ET.parse(sys.argv[1])
act = tree.getroot().find(".//{%s}action" % NS)
desc = act.find("{%s}description" % NS)
for _ in range(40):
    p = ET.SubElement(desc, "{%s}p" % NS)
    p.text = "Une description détaillée de l'action, longue à dessein, pour que sa fiche " \
             "dépasse la hauteur d'une page et se poursuive sur la suivante."
tree.write(sys.argv[1], encoding="UTF-8", xml_declaration=True)
print(act.get("numero"))
PY
)
    "$LIVRABLES" build long/atelier.xml -o out --only feuille-de-route >out.txt 2>&1 ||
        { cat out.txt; fail "build of the long fiche"; }
    local site
    site=$(check sites long/atelier.xml | head -n 1)
    typeset fiches long/atelier.xml "$site" "out/$site/feuille-de-route.pdf" "$num"
}

test_typeset_names_whole_in_plan_tables() {
    local ex dir s
    for ex in atelier-flash atelier-multisite; do
        dir=$(built_example $ex)
        for s in $(check sites "$(example_source $ex)"); do
            typeset whole-names "$(example_source $ex)" "$s" "$dir/$s/feuille-de-route.pdf"
        done
    done
}

# A compound place name of the source is never hyphenated, in text or tables (templates/
# common/inline.xsl): « Sau- / zet-les-Garrigues » in a fiche's description.
test_typeset_place_names_not_hyphenated() {
    local ex failed=0
    for ex in atelier-flash atelier-multisite; do
        typeset names-unhyphenated "$(example_source $ex)" $(every_pdf $ex) || failed=1
    done
    typeset names-unhyphenated "$(example_source atelier-multisite)" "$(built_dossier)" || failed=1
    [ "$failed" = 0 ] || fail "place names hyphenated"
}

# A table folded into two pairs of columns, read down the left pair then the right, is kept
# on one page (templates/common/tables.xsl): cut, the reading order went back and forth.
test_typeset_folded_table_whole() {
    local ex failed=0
    for ex in atelier-flash atelier-multisite; do
        typeset folded-whole $(every_pdf $ex) || failed=1
    done
    typeset folded-whole "$(built_dossier)" || failed=1
    [ "$failed" = 0 ] || fail "folded table split"
}

test_typeset_axes_table_continues_with_a_site() {
    typeset axes-continued-by-site $(every_pdf atelier-multisite) "$(built_dossier)"
}

test_typeset_short_glossary_whole() {
    local ex
    for ex in atelier-flash atelier-multisite; do
        typeset glossary-whole "$(example_source $ex)" $(every_pdf $ex)
    done
}

test_typeset_carnet_draft_until_every_session_held() {
    local ex dir s
    for ex in atelier-flash atelier-multisite; do
        dir=$(built_example $ex)
        for s in $(check sites "$(example_source $ex)"); do
            typeset carnet-draft "$(example_source $ex)" "$s" "$dir/$s/carnet-de-suivi.pdf"
        done
    done
}

# One atelier of one site: the same sentences in the singular.
test_typeset_dossier_of_one_site() {
    "$LIVRABLES" dossier "$(example_source atelier-flash)" -o one.pdf >out.txt 2>&1 ||
        { cat out.txt; fail "livrables dossier"; }
    typeset dossier one.pdf "$(example_source atelier-flash)"
    typeset no-optional-plural one.pdf
}
