# End-to-end tests of hostile and broken inputs: numbers past their limits, outputs that are
# not regular files, kills in the middle of a build, routes by which a source or a charter
# could reach a file outside its folder. Each checks the exit code, the exact message, that
# no temporary file is left behind and that an existing output is untouched.

HOSTILE=$ROOT/tests/fo/hostile
OK_FO=$ROOT/tests/fo/render/hello.fo

# assert_no_temporaries DIR: no "*.tmp-PID-XXXXXX" file left in DIR (recursively)
assert_no_temporaries() {
    local left
    left=$(find "$1" -name '*.tmp-*' 2>/dev/null)
    [ -z "$left" ] || fail "temporary files left behind: $left"
}

# render_refused FO MESSAGE: exit 1, exactly MESSAGE, an existing output untouched
render_refused() {
    echo "previous version" >keep.pdf
    assert_exit 1 "$LIVRABLES" render "$HOSTILE/$1" -o keep.pdf
    assert_eq "$HOSTILE/$2" "$(cat out.txt)"
    assert_eq "previous version" "$(cat keep.pdf)" "existing output"
    assert_no_temporaries .
}

test_hostile_column_span_past_the_limit() {
    render_refused huge-span.fo \
        "huge-span.fo:10: error: value '2147483647' for property 'number-columns-spanned' is out of range (1 to 1000)"
    render_refused huge-column.fo \
        "huge-column.fo:10: error: value '2147483647' for property 'column-number' is out of range (0 to 1000)"
    render_refused huge-repeat.fo \
        "huge-repeat.fo:10: error: value '1000000000' for property 'number-columns-repeated' is out of range (1 to 1000)"
}

test_hostile_font_sizes() {
    render_refused infinite-font.fo \
        "infinite-font.fo:10: error: invalid value '1e400pt' for property 'font-size': the value is not a finite number"
    assert_exit 0 "$LIVRABLES" render "$HOSTILE/large-font.fo" -o large.pdf
    assert_eq "$HOSTILE/large-font.fo:10: warning: font-size '5000pt' is larger than 1000pt; using 1000pt" "$(cat out.txt)"
    pdffonts large.pdf | grep -q Type || fail "no font in the PDF"
}

test_hostile_page_sizes_must_be_positive() {
    render_refused zero-page.fo \
        "zero-page.fo:4: error: value '0' for property 'page-width' is out of range (more than 0pt, at most 14400pt)"
    render_refused negative-page.fo \
        "negative-page.fo:4: error: value '-210mm' for property 'page-width' is out of range (more than 0pt, at most 14400pt)"
}

test_hostile_damaged_images_are_left_out() {
    assert_exit 0 "$LIVRABLES" render "$HOSTILE/truncated-jpeg.fo" -o j.pdf
    assert_eq "$HOSTILE/truncated.jpg: warning: cannot read image: truncated or damaged JPEG data" "$(cat out.txt)"
    [ "$(pdfimages -list j.pdf | tail -n +3 | wc -l)" = 0 ] || fail "the damaged JPEG was embedded"
    qpdf --check j.pdf >check.txt 2>&1 || { cat check.txt; fail "qpdf --check"; }
    pdf_text j.pdf | grep -q "Avant.*après" || fail "the text around the image is lost"
    assert_exit 0 "$LIVRABLES" render "$HOSTILE/truncated-png.fo" -o p.pdf
    assert_contains out.txt "$HOSTILE/truncated.png: warning: cannot read image:"
    [ "$(pdfimages -list p.pdf | tail -n +3 | wc -l)" = 0 ] || fail "the damaged PNG was embedded"
    # a header claiming 30000 x 30000 pixels: refused before anything is allocated
    assert_exit 0 "$LIVRABLES" render "$HOSTILE/bomb-png.fo" -o b.pdf
    assert_eq "$HOSTILE/bomb-png.fo:10: warning: image 'bomb.png': unknown or damaged format, or more than 50 megapixels" \
        "$(cat out.txt)"
    [ "$(pdfimages -list b.pdf | tail -n +3 | wc -l)" = 0 ] || fail "the oversized PNG was embedded"
}

test_hostile_empty_and_binary_input() {
    : >empty.fo
    assert_exit 1 "$LIVRABLES" render empty.fo -o e.pdf
    assert_eq "empty.fo: error: cannot open: the file is empty" "$(cat out.txt)"
    head -c 512 "$LIVRABLES" >binary.fo
    assert_exit 1 "$LIVRABLES" render binary.fo -o e.pdf
    grep -q "^binary.fo:1: error: " out.txt || fail "no located error for a binary file"
    [ ! -e e.pdf ] || fail "an output was written"
    assert_no_temporaries .
}

test_hostile_max_pages() {
    {
        sed -n '1,9p' "$HOSTILE/large-font.fo"
        for i in $(seq 1 400); do echo "<fo:block break-before=\"page\">Page $i</fo:block>"; done
        sed -n '11,$p' "$HOSTILE/large-font.fo"
    } >many.fo
    assert_exit 1 "$LIVRABLES" render many.fo -o m.pdf --max-pages 100
    assert_eq "many.fo:8: error: the document needs more than 100 pages (the limit set by --max-pages)" "$(cat out.txt)"
    assert_exit 0 "$LIVRABLES" render many.fo -o m.pdf --max-pages 400
    assert_eq 400 "$(pdf_pages m.pdf)" "pages"
    assert_exit 2 "$LIVRABLES" render many.fo -o m.pdf --max-pages 0
}

test_hostile_output_to_standard_output() {
    "$LIVRABLES" render "$OK_FO" -o - >stdout.pdf 2>err.txt || fail "render -o - failed"
    [ ! -s err.txt ] || { cat err.txt; fail "messages on stderr"; }
    [ ! -e ./- ] || fail "a file named '-' was written"
    pdf_text stdout.pdf | grep -q "Bonjour le monde" || fail "the PDF on stdout is not readable"
    "$LIVRABLES" render "$OK_FO" -o - -f text | grep -q '"Bonjour le monde"' || fail "text dump on stdout"
}

test_hostile_devices_and_fifos_are_written_in_place() {
    assert_exit 1 "$LIVRABLES" render "$OK_FO" -o /dev/full
    assert_eq "/dev/full: error: cannot write: No space left on device" "$(cat out.txt)"
    [ -c /dev/full ] || fail "/dev/full is no longer a device"
    assert_exit 0 "$LIVRABLES" render "$OK_FO" -o /dev/null
    [ -c /dev/null ] || fail "/dev/null is no longer a device"
    mkfifo pipe
    cat pipe >from-pipe.pdf &
    assert_exit 0 "$LIVRABLES" render "$OK_FO" -o pipe
    wait
    [ -p pipe ] || fail "the FIFO was replaced"
    pdf_text from-pipe.pdf | grep -q "Bonjour le monde" || fail "nothing came through the FIFO"
    ln -s /dev/null null-link
    assert_exit 0 "$LIVRABLES" render "$OK_FO" -o null-link
    [ -L null-link ] || fail "the symbolic link to a device was replaced"
}

test_hostile_output_equal_to_input_is_refused() {
    cp "$OK_FO" me.fo
    assert_exit 2 "$LIVRABLES" render me.fo -o me.fo
    assert_eq "livrables render: error: the output 'me.fo' is the input file
Try 'livrables render --help'." "$(cat out.txt)"
    cmp -s me.fo "$OK_FO" || fail "the input was changed"
    ln -s me.fo alias.fo
    assert_exit 2 "$LIVRABLES" render me.fo -o alias.fo
    cmp -s me.fo "$OK_FO" || fail "the input was changed through a link"
}

test_hostile_output_in_missing_folder_or_on_a_folder() {
    assert_exit 1 "$LIVRABLES" render "$OK_FO" -o missing/x.pdf
    assert_eq "missing/x.pdf: error: cannot write: No such file or directory" "$(cat out.txt)"
    mkdir folder
    assert_exit 1 "$LIVRABLES" render "$OK_FO" -o folder
    assert_eq "folder: error: cannot write: Is a directory" "$(cat out.txt)"
    [ -d folder ] && [ -z "$(ls folder)" ] || fail "the folder was changed"
}

test_hostile_stale_temporaries_are_removed() {
    # a temporary that a killed process (a pid that does not exist) left behind
    local dead=4194303
    while kill -0 "$dead" 2>/dev/null; do dead=$((dead - 1)); done
    echo partial >"out.pdf.tmp-$dead-AbC123"
    echo other >"unrelated.pdf.tmp-$dead-AbC123"
    assert_exit 0 "$LIVRABLES" render "$OK_FO" -o out.pdf
    [ ! -e "out.pdf.tmp-$dead-AbC123" ] || fail "the stale temporary is still there"
    [ -e "unrelated.pdf.tmp-$dead-AbC123" ] || fail "another output's temporary was removed"
}

# big_fo N: a one-sequence document of N justified paragraphs
big_fo() {
    sed -n '1,9p' "$HOSTILE/large-font.fo"
    for i in $(seq 1 "$1"); do
        echo "<fo:block text-align=\"justify\">Paragraphe $i : le bourg perd des habitants, la vacance augmente et les commerces ferment un à un dans la rue principale du centre ancien.</fo:block>"
    done
    sed -n '11,$p' "$HOSTILE/large-font.fo"
}

test_hostile_sigterm_leaves_no_temporary() {
    big_fo 30000 >big.fo
    echo "previous version" >big.pdf
    "$LIVRABLES" render big.fo -o big.pdf 2>err.txt &
    local pid=$! i=0
    # wait until the output is being written, then stop the process
    while [ -z "$(find . -name 'big.pdf.tmp-*')" ] && [ $i -lt 200 ]; do sleep 0.05; i=$((i + 1)); done
    [ -n "$(find . -name 'big.pdf.tmp-*')" ] || fail "the render never started writing"
    kill -TERM "$pid"
    local rc=0
    wait "$pid" || rc=$?
    assert_eq 143 "$rc" "exit status after SIGTERM"
    assert_no_temporaries .
    assert_eq "previous version" "$(cat big.pdf)" "existing output"
}

test_hostile_sigterm_stops_build_jobs() {
    mkdir src
    for a in atelier-multisite atelier-flash; do cp -r "$ROOT/examples/$a" "src/$a"; done
    "$LIVRABLES" build src/atelier-multisite/atelier.xml src/atelier-flash/atelier.xml -j 2 -o out \
        >log.txt 2>&1 &
    local pid=$! i=0
    while [ -z "$(find out -name '*.pdf' 2>/dev/null)" ] && [ $i -lt 400 ]; do sleep 0.05; i=$((i + 1)); done
    kill -TERM "$pid"
    wait "$pid" || true
    local before after
    before=$(find out -type f | sort)
    sleep 2
    after=$(find out -type f | sort)
    assert_eq "$before" "$after" "files written after the build was stopped"
    assert_no_temporaries out
    ! pgrep -f "build src/atelier-multisite" >/dev/null || fail "build processes still running"
}

# a copy of the flash example whose source names an image at PATH
flash_with_image() {
    cp -r "$ROOT/examples/atelier-flash" at
    sed -i "s|src=\"images/vernay-friche.svg\"|src=\"$1\"|" at/atelier.xml
    grep -q "src=\"$1\"" at/atelier.xml || fail "the example changed: no photo to replace"
}

test_hostile_source_images_stay_in_the_source_folder() {
    flash_with_image /etc/passwd
    local line
    line=$(grep -n 'src="/etc/passwd"' at/atelier.xml | cut -d: -f1)
    assert_exit 1 "$LIVRABLES" validate at/atelier.xml
    assert_eq "at/atelier.xml:$line: error: image '/etc/passwd' is outside the atelier's folder (--allow-path DIR allows another folder)" \
        "$(cat out.txt)"
    assert_exit 1 "$LIVRABLES" build at/atelier.xml -o out
    assert_contains out.txt "at/atelier.xml:$line: error: image '/etc/passwd' is outside the atelier's folder"
    [ -z "$(find out -name '*.pdf' 2>/dev/null)" ] || fail "a PDF was written"
    sed -i 's|src="/etc/passwd"|src="../outside.svg"|' at/atelier.xml
    cp "$ROOT/examples/atelier-flash/images/vernay-friche.svg" outside.svg
    assert_exit 1 "$LIVRABLES" validate at/atelier.xml
    assert_eq "at/atelier.xml:$line: error: image '../outside.svg' is outside the atelier's folder (--allow-path DIR allows another folder)" \
        "$(cat out.txt)"
    # widened on purpose
    assert_exit 0 "$LIVRABLES" validate --allow-path . at/atelier.xml
    assert_exit 0 "$LIVRABLES" build --allow-path . at/atelier.xml -o out --only rapport-final
}

# one_block_charter BLOCK: a charter (on stdout) that imports etat.xsl and writes a one-page
# FO holding BLOCK, whatever the source
one_block_charter() {
    cat <<XSL
<?xml version="1.0"?>
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:fo="http://www.w3.org/1999/XSL/Format">
  <xsl:import href="$ROOT/styles/etat.xsl"/>
  <xsl:template match="/">
    <fo:root><fo:layout-master-set><fo:simple-page-master master-name="p">
      <fo:region-body/></fo:simple-page-master></fo:layout-master-set>
      <fo:page-sequence master-reference="p"><fo:flow flow-name="xsl-region-body">
        $1
      </fo:flow></fo:page-sequence></fo:root>
  </xsl:template>
</xsl:stylesheet>
XSL
}

test_hostile_charter_cannot_read_outside_files() {
    mkdir charte
    cat >charte/leak.xml <<'XML'
<?xml version="1.0"?>
<!DOCTYPE x [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<x>[&secret;]</x>
XML
    # document() of a file whose DOCTYPE pulls /etc/passwd in: the entity stays unexpanded
    one_block_charter "<fo:block>FUITE<xsl:value-of select=\"document('leak.xml')\"/>FIN</fo:block>" \
        >charte/entity.xsl
    assert_exit 0 "$LIVRABLES" build "$ROOT/examples/atelier-flash/atelier.xml" --style charte/entity.xsl \
        -o out --only rapport-final
    pdf_text out/vernay-sur-loue/rapport-final.pdf >text.txt
    assert_contains text.txt "FUITE[]FIN"
    assert_not_contains text.txt "root:"
    # document() of a file outside the data, charter and source folders is refused
    sed "s|document('leak.xml')|document('/etc/passwd')|" charte/entity.xsl >charte/direct.xsl
    assert_exit 1 "$LIVRABLES" build "$ROOT/examples/atelier-flash/atelier.xml" --style charte/direct.xsl \
        -o out2 --only rapport-final
    assert_contains out.txt "charte/direct.xsl:9: error: Local file read for /etc/passwd refused"
    [ -z "$(find out2 -name '*.pdf' 2>/dev/null)" ] || fail "a PDF was written"
    # and so is xsl:include of such a file
    sed "s|<xsl:import href=\"$ROOT/styles/etat.xsl\"/>|&<xsl:include href=\"/etc/passwd\"/>|" \
        charte/entity.xsl >charte/include.xsl
    assert_exit 1 "$LIVRABLES" build "$ROOT/examples/atelier-flash/atelier.xml" --style charte/include.xsl \
        -o out3 --only rapport-final
    assert_not_contains out.txt "root:"
    [ -z "$(find out3 -name '*.pdf' 2>/dev/null)" ] || fail "a PDF was written"
}

test_hostile_error_in_generated_fo_names_a_kept_file() {
    mkdir charte
    one_block_charter '<fo:block font-size="douze">x</fo:block>' >charte/bad.xsl
    assert_exit 1 "$LIVRABLES" build "$ROOT/examples/atelier-flash/atelier.xml" --style charte/bad.xsl \
        -o out --only rapport-final
    local fo=out/vernay-sur-loue/rapport-final.fo line
    [ -f "$fo" ] || fail "the failing FO was not kept"
    line=$(grep -n 'font-size="douze"' "$fo" | cut -d: -f1)
    [ -n "$line" ] || fail "the kept FO does not hold the bad value"
    assert_eq "$fo:$line: error: invalid value 'douze' for property 'font-size'
$fo: note: the XSL-FO with these errors is kept here for inspection" "$(grep -v 'font family' out.txt)"
    [ ! -e out/vernay-sur-loue/rapport-final.pdf ] || fail "a PDF was written"
    assert_no_temporaries out
}

# fo_with_flow CONTENT: a one-page FO whose flow holds CONTENT (on stdout)
fo_with_flow() {
    printf '%s' '<?xml version="1.0"?><fo:root xmlns:fo="http://www.w3.org/1999/XSL/Format"><fo:layout-master-set><fo:simple-page-master master-name="p"><fo:region-body/></fo:simple-page-master></fo:layout-master-set><fo:page-sequence master-reference="p"><fo:flow flow-name="xsl-region-body">'
    printf '%s' "$1"
    printf '%s\n' '</fo:flow></fo:page-sequence></fo:root>'
}

test_hostile_deep_nesting_and_huge_text() {
    fo_with_flow "$(printf '<fo:block>%.0s' $(seq 300))x$(printf '</fo:block>%.0s' $(seq 300))" >deep.fo
    assert_exit 1 "$LIVRABLES" render deep.fo -o d.pdf
    assert_eq "deep.fo:1: error: Excessive depth in document: 256 use XML_PARSE_HUGE option" "$(cat out.txt)"
    fo_with_flow "<fo:block>$(head -c 12000000 /dev/zero | tr '\0' 'a')</fo:block>" >huge.fo
    assert_exit 1 "$LIVRABLES" render huge.fo -o h.pdf
    assert_eq "huge.fo:1: error: xmlSAX2Characters: huge text node" "$(cat out.txt)"
    [ ! -e d.pdf ] && [ ! -e h.pdf ] || fail "an output was written"
    assert_no_temporaries .
}

test_hostile_entities_are_never_expanded() {
    # in an FO file
    {
        echo '<?xml version="1.0"?>'
        echo '<!DOCTYPE fo:root [<!ENTITY secret SYSTEM "file:///etc/passwd">]>'
        fo_with_flow '<fo:block>DEBUT[&secret;]FIN</fo:block>' | sed 1s/'<?xml version="1.0"?>'//
    } >entity.fo
    assert_exit 0 "$LIVRABLES" render entity.fo -o e.pdf
    pdf_text e.pdf >text.txt
    assert_contains text.txt "DEBUT[]FIN"
    assert_not_contains text.txt "root:"
    # in an atelier source
    cp -r "$ROOT/examples/atelier-flash" at
    sed -i '1a <!DOCTYPE atelier [<!ENTITY secret SYSTEM "file:///etc/passwd">]>' at/atelier.xml
    sed -i 's|<titre>Atelier flash de Vernay-sur-Loue</titre>|<titre>Atelier flash de Vernay-sur-Loue &secret;</titre>|' at/atelier.xml
    "$LIVRABLES" build at/atelier.xml -o out --only rapport-final >build.txt 2>&1 || true
    for f in $(find out -name '*.pdf'); do
        pdf_text "$f" | grep -q "root:" && fail "/etc/passwd reached $f"
    done
    ! grep -q "root:" build.txt || fail "/etc/passwd reached the messages"
}

test_hostile_output_in_a_read_only_folder() {
    # /sys accepts no new file, even from root
    assert_exit 1 "$LIVRABLES" render "$OK_FO" -o /sys/livrables-test.pdf
    assert_eq "/sys/livrables-test.pdf: error: cannot write: Permission denied" "$(cat out.txt)"
}

test_hostile_dossier_output_equal_to_a_source_is_refused() {
    cp -r "$ROOT/examples/atelier-flash" at
    cp at/atelier.xml before.xml
    assert_exit 2 "$LIVRABLES" dossier at/atelier.xml -o at/atelier.xml
    assert_eq "livrables dossier: error: the output 'at/atelier.xml' is the input file
Try 'livrables dossier --help'." "$(cat out.txt)"
    cmp -s before.xml at/atelier.xml || fail "the source was changed"
}
