# End-to-end tests of values that XSL 1.1 defines but Livrables does not implement, and of
# values FOP accepts outside the recommendation: each is a warning with the file, line,
# property and value, rendering goes on with the closest behaviour, and --strict makes every
# such warning an error.

LENIENT=$ROOT/tests/fo/lenient

test_lenient_xsl_values_warn_and_render() {
    local fo=$LENIENT/xsl-values.fo
    assert_exit 0 "$LIVRABLES" render "$fo" -o v.pdf
    assert_eq "$fo:5: warning: value 'rl-tb' for property 'writing-mode' is not supported; laid out as 'lr-tb'
$fo:8: warning: value 'doubly-even' for property 'force-page-count' is not XSL 1.1; read as 'even'
$fo:10: warning: value 'reference-area' for property 'leader-alignment' is not supported; using 'none'
$fo:11: warning: value '3pt' for property 'vertical-align' is not supported; using 'baseline'
$fo:11: warning: value '-20%' for property 'vertical-align' is not supported; using 'baseline'
$fo:13: warning: value '12' for property 'space-before' has no unit (not XSL 1.1); read as pixels, as FOP does
$fo:13: warning: value '100mpt' for property 'width' uses FOP's unit mpt (not XSL 1.1); read as 1/1000 pt
$fo:14: warning: value 'proportional-column-width(25%)' for property 'column-width' gives proportional-column-width() a percentage (not XSL 1.1); read as a number, as FOP does
$fo:14: warning: value 'proportional-column-width(75%)' for property 'column-width' gives proportional-column-width() a percentage (not XSL 1.1); read as a number, as FOP does" \
        "$(cat out.txt)"
    pdf_text v.pdf >text.txt
    for w in Sommaire Décalé haut bas "Souligné et barré" "Sans unité"; do
        assert_contains text.txt "$w"
    done
    # force-page-count="doubly-even" read as "even": one page of content, one blank
    assert_eq 2 "$(pdf_pages v.pdf)" "pages"
}

test_lenient_combined_decorations_are_all_drawn() {
    "$LIVRABLES" render "$LENIENT/xsl-values.fo" -o - -f text 2>/dev/null >dump.txt
    # "underline line-through": two rules under the same words, at two heights
    local rules
    rules=$(awk '/"Souligné et barré"/ {found = 1; next} found && /^  line / {print $2} found && /^  text / {exit}' dump.txt |
        cut -d, -f2 | sort -u | wc -l)
    assert_eq 2 "$rules" "distinct rules (underline and line-through)"
}

test_lenient_proportional_percentages_split_the_width() {
    "$LIVRABLES" render "$LENIENT/xsl-values.fo" -o - -f text 2>/dev/null >dump.txt
    local xa xb
    xa=$(awk '/ "A"$/ {split($2, p, ","); print p[1]}' dump.txt)
    xb=$(awk '/ "B"$/ {split($2, p, ","); print p[1]}' dump.txt)
    # columns 25 : 75 of the 481.89pt body: B starts a quarter of the way across
    awk -v a="$xa" -v b="$xb" 'BEGIN { d = b - a; exit !(d > 115 && d < 126) }' ||
        fail "column B starts at $xb, column A at $xa: not a 25:75 split"
}

test_lenient_strict_turns_warnings_into_errors() {
    echo "previous version" >keep.pdf
    assert_exit 1 "$LIVRABLES" render "$LENIENT/xsl-values.fo" -o keep.pdf --strict
    assert_contains out.txt "$LENIENT/xsl-values.fo:5: error: value 'rl-tb' for property 'writing-mode' is not supported; laid out as 'lr-tb'"
    assert_not_contains out.txt "warning:"
    assert_eq "previous version" "$(cat keep.pdf)" "existing output"
    [ -z "$(find . -name '*.tmp-*')" ] || fail "temporary files left behind"
    # an unknown property is a warning too, so an error under --strict
    assert_exit 1 "$LIVRABLES" render "$ROOT/tests/fo/errors/unknown-property.fo" -o u.pdf --strict
    assert_eq "$ROOT/tests/fo/errors/unknown-property.fo:10: error: unknown property 'colour' on fo:block" "$(cat out.txt)"
}

test_lenient_invalid_values_stay_errors() {
    # not XSL at all: still an error, with or without --strict
    assert_exit 1 "$LIVRABLES" render "$ROOT/tests/fo/errors/bad-value.fo" -o b.pdf
    assert_eq "$ROOT/tests/fo/errors/bad-value.fo:10: error: invalid value 'douze points' for property 'font-size'" "$(cat out.txt)"
}
