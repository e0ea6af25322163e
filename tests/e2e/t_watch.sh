# End-to-end tests of build --watch: a change to an input rebuilds the outputs made from it,
# a broken save is reported and waited out, Ctrl-C stops cleanly. Every wait is bounded.

# wait_for FILE PATTERN [SECONDS]: until FILE has a line matching PATTERN (grep -E)
wait_for() {
    local i=0 limit=$((${3:-30} * 10))
    while ! grep -qE "$2" "$1" 2>/dev/null; do
        [ $i -lt $limit ] || { cat "$1"; fail "waited ${3:-30} s for '$2'"; return 1; }
        sleep 0.1
        i=$((i + 1))
    done
}

test_watch_rebuilds_what_a_change_touches() {
    cp -r "$ROOT/examples/atelier-flash" at
    "$LIVRABLES" build at/atelier.xml -o out --watch >log.txt 2>err.txt &
    local pid=$!
    wait_for log.txt "^[0-9:]{8} built 5 outputs \([0-9.]+ s\); watching [0-9]+ files, Ctrl-C to stop$" 60
    # an image: the outputs that show it, not the others
    sleep 1.1
    touch at/images/vernay-carte.svg
    wait_for log.txt "rebuilt .*note-de-cadrage.pdf"
    local line
    line=$(grep "rebuilt" log.txt | tail -1)
    [[ "$line" =~ ^[0-9:]{8}\ rebuilt\ .*\ \([0-9.]+\ s\)$ ]] || fail "rebuild line: $line"
    assert_not_contains log.txt "feuille-de-route.pdf,"
    # a broken save: reported with its line, previous PDFs kept, the loop goes on
    cp at/atelier.xml good.xml
    sed -i 's|<titre>Recycler la friche plutôt que consommer des prairies</titre>|<titre>Recycler la friche</titr>|' at/atelier.xml
    wait_for log.txt "failed: errors above, waiting for the next change"
    local broken
    broken=$(grep -n '</titr>' at/atelier.xml | cut -d: -f1)
    assert_contains err.txt "at/atelier.xml:$broken: error: </titr> does not close <titre> (opened on line $broken)"
    kill -0 "$pid" || fail "the watch stopped on a broken save"
    pdf_text out/vernay-sur-loue/rapport-final.pdf | grep -q "Recycler la friche" || fail "the previous PDF was lost"
    # the fixed save rebuilds everything made from the source, with the new text
    sed 's|Recycler la friche plutôt|Réemployer la friche plutôt|' good.xml >at/atelier.xml
    wait_for log.txt "rebuilt .*livret-de-capitalisation.pdf" 60
    pdf_text out/vernay-sur-loue/rapport-final.pdf | grep -q "Réemployer la friche" || fail "the new text is not in the PDF"
    # Ctrl-C: a clean stop
    kill -INT "$pid"
    local rc=0
    wait "$pid" || rc=$?
    assert_eq 0 "$rc" "exit status after Ctrl-C"
    wait_for log.txt "stopped watching$" 5
    [ -z "$(find out -name '*.tmp-*')" ] || fail "temporary files left behind"
}

test_watch_refuses_dry_run_and_depfile() {
    assert_exit 2 "$LIVRABLES" build "$ROOT/examples/atelier-flash/atelier.xml" -o out --watch -n
    assert_contains out.txt "livrables build: error: --watch cannot be combined with --dry-run"
    assert_exit 2 "$LIVRABLES" build "$ROOT/examples/atelier-flash/atelier.xml" -o out --watch -M d.d
    assert_contains out.txt "livrables build: error: --watch cannot be combined with -M"
}
