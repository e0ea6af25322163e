# The painting thread on error paths: layout fails while the thread still holds earlier
# page-sequences. Nothing may be left behind, and under `make sanitize` LeakSanitizer checks
# that every queued sequence and the thread itself were freed.

# threads_fo N BAD [CITE]: N page-sequences of a few pages each; the BADth names a master
# that does not exist (0: none does). The text of each sequence starts with "Séquence K".
# With CITE, each cites the last sequence's page: a forward reference, so the first pass
# only lays out and the second paints.
threads_fo() {
    local n=$1 bad=$2 cite=${3:-} k p master
    cat <<'HEAD'
<?xml version="1.0" encoding="UTF-8"?>
<fo:root xmlns:fo="http://www.w3.org/1999/XSL/Format">
  <fo:layout-master-set>
    <fo:simple-page-master master-name="A5" page-width="148mm" page-height="210mm">
      <fo:region-body margin="15mm"/>
    </fo:simple-page-master>
  </fo:layout-master-set>
HEAD
    for ((k = 1; k <= n; k++)); do
        master=A5
        [ "$k" != "$bad" ] || master=absent
        echo "  <fo:page-sequence master-reference=\"$master\"><fo:flow flow-name=\"xsl-region-body\">"
        if [ -n "$cite" ]; then
            echo "    <fo:block id=\"s$k\">Séquence $k, voir page <fo:page-number-citation ref-id=\"s$n\"/>.</fo:block>"
        else
            echo "    <fo:block id=\"s$k\">Séquence $k, page <fo:page-number/>.</fo:block>"
        fi
        for ((p = 1; p <= 60; p++)); do
            echo "    <fo:block space-before=\"6pt\">Paragraphe $p de la séquence $k : le diagnostic partagé du territoire, ses enjeux et ses pistes d'action.</fo:block>"
        done
        echo "  </fo:flow></fo:page-sequence>"
    done
    echo "</fo:root>"
}

test_threads_layout_error_after_painted_sequences_leaves_nothing() {
    threads_fo 5 5 > doc.fo
    local line
    line=$(grep -n 'master-reference="absent"' doc.fo | cut -d: -f1)
    assert_exit 1 "$LIVRABLES" render doc.fo -o doc.pdf
    assert_eq "doc.fo:$line: error: page-sequence: no master named 'absent'" "$(cat out.txt)" stderr
    [ ! -e doc.pdf ] || fail "a failed render left doc.pdf"
    assert_eq "doc.fo out.txt" "$(ls | tr '\n' ' ' | sed 's/ $//')" "files left"
}

test_threads_layout_error_with_forward_references_leaves_nothing() {
    threads_fo 4 4 cite > doc.fo
    assert_exit 1 "$LIVRABLES" render doc.fo -o doc.pdf
    assert_contains out.txt "error: page-sequence: no master named 'absent'"
    assert_eq "doc.fo out.txt" "$(ls | tr '\n' ' ' | sed 's/ $//')" "files left"
}

test_threads_forward_references_settle_across_sequences() {
    threads_fo 4 0 cite > doc.fo
    assert_exit 0 "$LIVRABLES" render doc.fo -o doc.pdf
    local last
    last=$(page_of_text doc.pdf "Séquence 4")
    pdftotext -f 1 -l 1 doc.pdf p1.txt
    assert_contains p1.txt "Séquence 1, voir page $last."
}

test_threads_layout_error_keeps_the_previous_output() {
    threads_fo 4 0 > good.fo
    assert_exit 0 "$LIVRABLES" render good.fo -o doc.pdf
    pdf_text doc.pdf > before.txt
    assert_order before.txt "Séquence 1" "Séquence 2" "Séquence 3" "Séquence 4"
    threads_fo 4 3 > bad.fo
    assert_exit 1 "$LIVRABLES" render bad.fo -o doc.pdf
    pdf_text doc.pdf > after.txt
    cmp -s before.txt after.txt || fail "the previous doc.pdf was changed"
    [ -z "$(ls | grep '^doc\.pdf.')" ] || fail "temporary files left: $(ls)"
}

test_threads_text_dump_of_many_sequences_is_complete() {
    threads_fo 6 0 > doc.fo
    assert_exit 0 "$LIVRABLES" render doc.fo -f text -o doc.txt
    local k
    for ((k = 1; k <= 6; k++)); do
        assert_contains doc.txt "Séquence $k"
    done
}
