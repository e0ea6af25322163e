# End-to-end tests of tagged PDF (PDF/UA-1 as far as a program can check it): structure
# from any FO (P and roles, L/LI/Lbl/LBody, Table/THead/TBody/TR/TH/TD, Figure with
# fox:alt-text, Link), artifacts, document-level entries, on test FOs and deliverables.
# Expectations are computed from the FO by tests/e2e/lib/a11y.py (pikepdf).

A11Y_FO=$ROOT/tests/fo/accessibility

a11y() { /usr/bin/python3 "$ROOT/tests/e2e/lib/a11y.py" "$@"; }

# fo_text FO XPATH: the text of the first node matching XPATH (FO namespace as "fo")
fo_text() {
    xmllint --xpath "normalize-space($2)" "$1" 2>/dev/null |
        sed 's/^ *//; s/ *$//'
}

test_accessibility_tagged_fo_structure() {
    assert_exit 0 "$LIVRABLES" render "$A11Y_FO/tagged.fo" -o t.pdf
    assert_qpdf_clean t.pdf
    a11y check "$A11Y_FO/tagged.fo" t.pdf > a11y.txt || { cat a11y.txt; fail "a11y check"; }
    # the long table is split over pages and stays one Table element (checked above)
    [ "$(pdf_pages t.pdf)" -ge 2 ] || fail "the table should span two pages"
}

test_accessibility_every_test_fo_is_tagged() {
    local f n=0
    for f in "$ROOT"/tests/fo/render/*.fo "$ROOT"/tests/fo/conformance/*.fo \
             "$ROOT"/tests/fo/layout/*.fo; do
        n=$((n + 1))
        "$LIVRABLES" render "$f" -o "t$n.pdf" >"t$n.log" 2>&1 || { cat "t$n.log"; fail "render $f"; }
        assert_qpdf_clean "t$n.pdf"
        a11y check "$f" "t$n.pdf" > a11y.txt || { cat a11y.txt; fail "a11y check $f"; }
    done
}

test_accessibility_title_from_fo_title() {
    assert_exit 0 "$LIVRABLES" render "$A11Y_FO/title.fo" -o t.pdf
    a11y check "$A11Y_FO/title.fo" t.pdf > a11y.txt || { cat a11y.txt; fail "a11y check"; }
    pdfinfo t.pdf > info.txt
    assert_contains info.txt "Title:           $(fo_text "$A11Y_FO/title.fo" "//*[local-name()='title']")"
}

test_accessibility_static_content_is_artifact() {
    assert_exit 0 "$LIVRABLES" render "$A11Y_FO/tagged.fo" -o t.pdf
    a11y split t.pdf tagged.pdf artifacts.pdf
    pdftotext tagged.pdf tagged.txt
    pdftotext artifacts.pdf artifacts.txt
    local head foot
    head=$(fo_text "$A11Y_FO/tagged.fo" "//*[local-name()='static-content'][1]")
    foot=$(fo_text "$A11Y_FO/tagged.fo" "//*[local-name()='static-content'][2]/*[local-name()='block']/text()[1]")
    [ -n "$head" ] && [ -n "$foot" ] || fail "no static content text in the FO"
    # running heads and footers: artifacts on every page, never reachable as content
    assert_contains artifacts.txt "$head"
    assert_contains artifacts.txt "$foot"
    assert_not_contains tagged.txt "$head"
    assert_not_contains tagged.txt "$foot"
    [ "$(grep -cF -- "$head" artifacts.txt)" = "$(pdf_pages t.pdf)" ] || fail "running head not on every page"
    # role="artifact" as FOP reads it
    local deco
    deco=$(fo_text "$A11Y_FO/tagged.fo" "//*[@role='artifact']")
    [ -n "$deco" ] || fail "no role=artifact text in the FO"
    assert_contains artifacts.txt "$deco"
    assert_not_contains tagged.txt "$deco"
    # the table header repeated on the next page is an artifact; its first instance is content
    local th
    th=$(fo_text "$A11Y_FO/tagged.fo" "//*[local-name()='table-header']//*[local-name()='block'][1]")
    [ "$(grep -cF -- "$th" tagged.txt)" = 1 ] || fail "table header tagged more than once"
    assert_contains artifacts.txt "$th"
}

test_accessibility_text_order_unchanged_by_tagging() {
    assert_exit 0 "$LIVRABLES" render "$A11Y_FO/tagged.fo" -o t.pdf
    pdftotext t.pdf t.txt
    # every flow block's text, in FO order
    local texts=()
    while IFS= read -r line; do texts+=("$line"); done < <(
        xmllint --xpath "//*[local-name()='flow']/*[local-name()='block']" "$A11Y_FO/tagged.fo" |
            sed -n 's/.*<fo:block[^>]*>\([^<]\{6,\}\)<.*/\1/p' | sed 's/^ *//' | cut -c1-20 | sed 's/ *$//')
    [ "${#texts[@]}" -ge 3 ] || fail "too few blocks read from the FO"
    assert_order t.txt "${texts[@]}"
}

test_accessibility_reproducible_with_source_date_epoch() {
    SOURCE_DATE_EPOCH=1700000000 "$LIVRABLES" render "$A11Y_FO/tagged.fo" -o a.pdf
    SOURCE_DATE_EPOCH=1700000000 "$LIVRABLES" render "$A11Y_FO/tagged.fo" -o b.pdf
    cmp a.pdf b.pdf || fail "two renders differ"
    pdfinfo a.pdf > info.txt
    assert_contains info.txt "2023"
}

# Every deliverable of every example: tagged, artifacts, document level, headings from H1
# on without a skipped level (a11y.py), the cover title first.
test_accessibility_deliverables_tagged() {
    local ex dir pdf n=0
    for ex in atelier-flash atelier-multisite; do
        dir=$(built_example "$ex")
        while IFS= read -r pdf; do
            n=$((n + 1))
            assert_qpdf_clean "$pdf"
            a11y check - "$pdf" > a11y.txt || { cat a11y.txt; fail "a11y check $pdf"; }
            a11y headings "$pdf" > headings.txt
            [ "$(head -n 1 headings.txt)" = H1 ] || fail "$pdf: the first heading is not H1"
            [ "$(grep -c . headings.txt)" -ge 2 ] || fail "$pdf: no section headings"
        done < <(find "$dir" -name '*.pdf' | sort)
    done
    [ "$n" -ge 2 ] || fail "no deliverable built"
}
