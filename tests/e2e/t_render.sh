# End-to-end tests of `livrables render`: XSL-FO files under tests/fo/ to PDF/PNG,
# checked through poppler (pdftotext, pdfinfo, pdffonts, pdfimages) and qpdf.

FO=$ROOT/tests/fo/render
ERR=$ROOT/tests/fo/errors

test_render_hello_text_fonts_metadata() {
    assert_exit 0 "$LIVRABLES" render "$FO/hello.fo" -o hello.pdf
    assert_qpdf_clean hello.pdf
    assert_eq 1 "$(pdf_pages hello.pdf)" pages
    pdf_text hello.pdf > hello.txt
    assert_order hello.txt "Bonjour le monde" "Une première phrase" "affiche, efficace, fleur" \
        "1 250 000 €" "Texte en italique bleu France."
    # fonts embedded as subsets (ABCDEF+Name) and nothing else
    pdffonts hello.pdf > fonts.txt
    assert_contains fonts.txt "+DejaVuSerif "
    assert_contains fonts.txt "+DejaVuSans-Bold "
    assert_contains fonts.txt "+DejaVuSerif-Italic "
    [ "$(awk 'NR > 2 {print $(NF-4)}' fonts.txt | sort -u)" = "yes" ] || fail "a font is not embedded"
    pdfinfo hello.pdf > info.txt
    assert_contains info.txt "Title:           Note de cadrage"
    assert_contains info.txt "Author:          DDT de la Drôme"
    assert_contains info.txt "Subject:         Atelier des territoires"
    assert_contains info.txt "Keywords:        atelier, territoire"
}

test_render_metadata_options_override_declarations() {
    assert_exit 0 "$LIVRABLES" render "$FO/hello.fo" -o h.pdf --title "Autre titre" --author "DREAL"
    pdfinfo h.pdf > info.txt
    assert_contains info.txt "Title:           Autre titre"
    assert_contains info.txt "Author:          DREAL"
}

test_render_toc_forward_citations_and_page_total() {
    assert_exit 0 "$LIVRABLES" render "$FO/toc.fo" -o toc.pdf
    assert_qpdf_clean toc.pdf
    assert_eq 4 "$(pdf_pages toc.pdf)" pages
    pdftotext -f 1 -l 1 -layout toc.pdf p1.txt
    # the TOC entries point at the pages where the headings are
    grep -E '^ *Introduction *\.{5,} *2$' p1.txt || fail "TOC line for Introduction"
    grep -E '^ *Diagnostic *\.{5,} *3$' p1.txt || fail "TOC line for Diagnostic"
    grep -E '^ *Enjeux *\.{5,} *4$' p1.txt || fail "TOC line for Enjeux"
    pdftotext -f 3 -l 3 toc.pdf p3.txt
    assert_contains p3.txt "Diagnostic"
    assert_contains p3.txt "page 3 / 4"
    pdftotext -f 1 -l 1 toc.pdf p1plain.txt
    assert_contains p1plain.txt "page 1 / 4"
}

test_render_links_and_outline() {
    assert_exit 0 "$LIVRABLES" render "$FO/toc.fo" -o toc.pdf
    qpdf --json toc.pdf > toc.json
    # the outline, in order, with its nesting
    python3 - toc.json <<'PY'
import json, sys
j = json.load(open(sys.argv[1]))
outl = j["outlines"]
titles = [o["title"] for o in outl]
assert titles == ["Introduction", "Diagnostic", "Site web"], titles
assert [k["title"] for k in outl[1]["kids"]] == ["Enjeux"], outl[1]
assert outl[0]["destpageposfrom1"] == 2, outl[0]
assert outl[1]["kids"][0]["destpageposfrom1"] == 4
PY
    # an external link (URI) and internal links from the TOC
    qpdf --qdf --object-streams=disable toc.pdf toc-qdf.pdf
    grep -a -q "/URI (https://www.example.org/atelier)" toc-qdf.pdf || fail "no external link"
    [ "$(grep -a -c '/Subtype /Link' toc-qdf.pdf)" -ge 4 ] || fail "expected 4 link annotations"
    # with bookmarks, the reader opens with them shown (as FOP's PDFs); without, as it likes
    grep -a -q "/PageMode /UseOutlines" toc-qdf.pdf || fail "bookmarks not shown on opening"
    assert_exit 0 "$LIVRABLES" render "$FO/hello.fo" -o hello.pdf
    qpdf --qdf --object-streams=disable hello.pdf hello-qdf.pdf
    ! grep -a -q "/PageMode" hello-qdf.pdf || fail "a page mode without bookmarks"
}

test_render_long_table_repeats_header() {
    assert_exit 0 "$LIVRABLES" render "$FO/table-long.fo" -o t.pdf
    assert_qpdf_clean t.pdf
    n=$(pdf_pages t.pdf)
    [ "$n" -ge 3 ] || fail "expected the table to take 3 pages or more, got $n"
    for ((i = 1; i <= n; i++)); do
        pdftotext -f $i -l $i -layout t.pdf p.txt
        assert_contains p.txt "Intitulé de l'action"
    done
    # every row once, in order, none lost at page breaks
    pdf_text t.pdf > all.txt
    for i in 1 2 40 41 80 119 120; do
        [ "$(grep -c -E "^ *$i +Action numéro $i " all.txt)" = 1 ] || fail "row $i"
    done
    assert_order all.txt "Action numéro 1 " "Action numéro 60 " "Action numéro 120 " "Fin du plan."
    # the footer on every page but the last
    [ "$(grep -c 'Suite du tableau' all.txt)" -ge $((n - 1)) ] || fail "footer not repeated"
}

test_render_lists_and_roman_page_numbers() {
    assert_exit 0 "$LIVRABLES" render "$FO/lists.fo" -o l.pdf
    pdf_text l.pdf > l.txt
    grep -E '^ *1\. +Premier point d.accord' l.txt || fail "label and body on one line"
    grep -E '^ *2\. +Second point' l.txt || fail "second item"
    assert_contains l.txt "Page v"
}

test_render_images_jpeg_embedded_as_is() {
    assert_exit 0 "$LIVRABLES" render "$FO/images.fo" -o i.pdf
    assert_qpdf_clean i.pdf
    pdfimages -list i.pdf > imgs.txt
    grep -E ' jpeg ' imgs.txt || { cat imgs.txt; fail "the JPEG is not embedded as JPEG"; }
    grep -E ' image +67 +94 ' imgs.txt || { cat imgs.txt; fail "the PNG is not embedded"; }
    pdf_text i.pdf > i.txt
    assert_order i.txt "Photographie du site" "Logo" "Schéma" "Fin."
}

test_render_png_pages() {
    assert_exit 0 "$LIVRABLES" render "$FO/toc.fo" -o apercu.png --format png --dpi 36
    for i in 1 2 3 4; do
        [ -f "apercu-$i.png" ] || fail "apercu-$i.png missing"
    done
    [ ! -e apercu-5.png ] || fail "too many pages"
    # A4 at 36 dpi is 298 x 421 pixels
    w=$(od -An -tu1 -j16 -N4 apercu-1.png | awk '{print $1*16777216 + $2*65536 + $3*256 + $4}')
    h=$(od -An -tu1 -j20 -N4 apercu-1.png | awk '{print $1*16777216 + $2*65536 + $3*256 + $4}')
    assert_eq 298 "$w" width
    assert_eq 421 "$h" height
}

test_render_reproducible_with_source_date_epoch() {
    SOURCE_DATE_EPOCH=1700000000 "$LIVRABLES" render "$FO/toc.fo" -o a.pdf
    SOURCE_DATE_EPOCH=1700000000 "$LIVRABLES" render "$FO/toc.fo" -o b.pdf
    cmp a.pdf b.pdf || fail "two renders differ"
    pdfinfo a.pdf | grep -q "CreationDate: *Tue Nov 14 22:13:20 2023" || { pdfinfo a.pdf; fail "creation date"; }
}

test_render_french_locale_writes_same_pdf() {
    "$LIVRABLES" render "$FO/table-long.fo" -o c.pdf
    LC_ALL=fr_FR.UTF-8 LANG=fr_FR.UTF-8 "$LIVRABLES" render "$FO/table-long.fo" -o fr.pdf
    cmp c.pdf fr.pdf || fail "the locale changed the PDF"
}

test_render_malformed_xml() {
    assert_exit 1 "$LIVRABLES" render "$ERR/malformed.fo" -o m.pdf
    assert_contains out.txt "$ERR/malformed.fo:11: error: Opening and ending tag mismatch: block line 10 and flow"
    [ ! -e m.pdf ] || fail "a PDF was written"
}

test_render_unknown_element_is_an_error() {
    assert_exit 1 "$LIVRABLES" render "$ERR/unknown-element.fo" -o u.pdf
    assert_eq "$ERR/unknown-element.fo:10: error: unknown formatting object fo:blok" "$(cat out.txt)"
    [ ! -e u.pdf ] || fail "a PDF was written"
}

test_render_unknown_property_is_a_warning() {
    assert_exit 0 "$LIVRABLES" render "$ERR/unknown-property.fo" -o u.pdf
    assert_eq "$ERR/unknown-property.fo:10: warning: unknown property 'colour' on fo:block" "$(cat out.txt)"
    pdf_text u.pdf | grep -q "Propriété inconnue" || fail "text lost"
}

test_render_bad_value_is_an_error() {
    assert_exit 1 "$LIVRABLES" render "$ERR/bad-value.fo" -o b.pdf
    assert_eq "$ERR/bad-value.fo:10: error: invalid value 'douze points' for property 'font-size'" "$(cat out.txt)"
}

# A missing image is a warning, as in FOP: the document renders, the image's box stays empty.
test_render_missing_image_is_a_warning() {
    echo "previous version" > keep.pdf
    assert_exit 0 "$LIVRABLES" render "$ERR/missing-image.fo" -o keep.pdf
    assert_eq "$ERR/missing-image.fo:10: warning: image 'absente.png' not found" "$(cat out.txt)"
    assert_eq 1 "$(pdf_pages keep.pdf)" "pages"
    [ "$(pdfimages -list keep.pdf | tail -n +3 | wc -l)" = 0 ] || fail "an image was embedded"
    [ "$(ls)" = "$(printf 'keep.pdf\nout.txt')" ] || { ls -la; fail "temporary files left behind"; }
}

test_render_missing_font_warns_and_falls_back() {
    assert_exit 0 "$LIVRABLES" render "$ERR/missing-font.fo" -o f.pdf
    grep -E "^$ERR/missing-font.fo:10: warning: font family 'Marianne' not found, using '[^']+'$" out.txt ||
        fail "missing font warning"
    pdf_text f.pdf | grep -q "Police absente" || fail "text lost"
    # a family list with an installed fallback is quiet
    assert_exit 0 "$LIVRABLES" render "$ERR/font-fallback.fo" -o g.pdf
    assert_eq "" "$(cat out.txt)"
    pdffonts g.pdf | grep -q DejaVuSans || fail "fallback family not used"
}

test_render_usage_errors() {
    assert_exit 2 "$LIVRABLES" render "$FO/hello.fo"
    assert_contains out.txt "livrables render: error: no output file (-o OUT)"
    assert_exit 2 "$LIVRABLES" render -o x.pdf
    assert_contains out.txt "livrables render: error: no input file"
    assert_exit 2 "$LIVRABLES" render "$FO/hello.fo" -o x.pdf --format docx
    assert_contains out.txt "unknown format 'docx'"
    assert_exit 2 "$LIVRABLES" frobnicate
    assert_contains out.txt "unknown command 'frobnicate'"
    assert_exit 1 "$LIVRABLES" render does-not-exist.fo -o x.pdf
    [ ! -e x.pdf ] || fail "output written"
}

test_render_help_lists_every_option() {
    assert_exit 0 "$LIVRABLES" render --help
    for opt in --output --format --dpi --title --author --subject --keywords -M --help; do
        grep -qF -- "$opt" out.txt || fail "$opt not in help"
    done
    assert_exit 0 "$LIVRABLES" --help
    for cmd in build validate render dossier init; do grep -q "^  $cmd " out.txt || fail "$cmd not in help"; done
}

test_render_depfile_lists_fo_and_images() {
    assert_exit 0 "$LIVRABLES" render "$FO/images.fo" -o i.pdf -M i.d
    assert_eq "i.pdf: \\" "$(head -n 1 i.d)"
    assert_contains i.d "$FO/images.fo"
    assert_contains i.d "$FO/photo.jpg"
    assert_contains i.d "$FO/logo.png"
}
