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

# the dossier over both examples, built once per run
built_dossier() {
    local out
    out=$(examples_dir)/dossier.pdf
    if [ ! -f "$out" ]; then
        mkdir -p "$(examples_dir)"
        "$LIVRABLES" dossier "$ROOT/examples/atelier-multisite/atelier.xml" \
            "$ROOT/examples/atelier-flash/atelier.xml" -o "$out" >dossier.log 2>&1 ||
            { cat dossier.log; fail "livrables dossier"; return 1; }
    fi
    echo "$out"
}

assert_pages_filled() {
    local pdf
    for pdf in $(every_pdf "$1"); do
        pagefill check "$pdf"
    done
}

test_typeset_page_fill_flash() { assert_pages_filled atelier-flash; }
test_typeset_page_fill_multisite() { assert_pages_filled atelier-multisite; }

test_typeset_page_fill_dossier() {
    local pdf src sites=()
    pdf=$(built_dossier)
    # the synthesis and each site's part start a new page by design
    for src in "$ROOT"/examples/atelier-{multisite,flash}/atelier.xml; do
        for s in $(check sites "$src"); do
            sites+=("$(check value "$src" site-name "$s")")
        done
    done
    pagefill check "$pdf" "Synthèse comparative" "${sites[@]}"
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

# "1er" is set with a raised suffix: the colophon's date (SOURCE_DATE_EPOCH is the 1st of a
# month) in the FO, while the PDF's text still reads "1er".
test_typeset_ordinal_superscript() {
    SOURCE_DATE_EPOCH=1767225600 "$LIVRABLES" build "$(example_source atelier-flash)" -o fo \
        --format fo --only feuille-de-route >out.txt 2>&1 || { cat out.txt; fail "build --format fo"; }
    assert_contains fo/vernay-sur-loue/feuille-de-route.fo \
        'produite le 1<fo:inline baseline-shift="super" font-size="70%">er</fo:inline> janvier 2026'
    pdf_text "$(built_example atelier-flash)/vernay-sur-loue/feuille-de-route.pdf" >text.txt
    assert_contains text.txt "1er janvier 2026"
}

test_typeset_dossier_speaks_of_what_it_holds() {
    typeset dossier "$(built_dossier)" "$ROOT/examples/atelier-multisite/atelier.xml" \
        "$ROOT/examples/atelier-flash/atelier.xml"
}
