# Replays every input that ever crashed a fuzz target (tests/fuzz/regressions/) through the
# normal binary: `render` for FO inputs (to PDF and to the text dump), `build` for atelier
# sources. Whatever the input, livrables must end with 0 or 1, print only diagnostics on
# stderr, and leave either a valid output or nothing at all. Under `make sanitize` the same
# replay runs under ASan and UBSan, which is where these inputs once failed.

REGRESSIONS=$ROOT/tests/fuzz/regressions

# Every stderr line is a diagnostic: `file:line: severity: message`, `file: severity:
# message` or `livrables: severity: message` (no sanitizer report, no library noise).
assert_only_diagnostics() {
    local bad
    bad=$(grep -vE '^[^ ].*: (error|warning|note): ' "$1" | head -n 5 || true)
    [ -z "$bad" ] || { cat "$1"; fail "not a diagnostic in $1: $bad"; }
}

# replay_fo FILE FORMAT OUT: renders, then checks the exit code, stderr and the output.
replay_fo() {
    local rc=0
    # a hang is a failure too (one of these inputs once made pages for ever)
    timeout 300 "$LIVRABLES" render "$1" -f "$2" -o "$3" >stdout.txt 2>stderr.txt || rc=$?
    [ "$rc" != 124 ] || fail "$1 ($2): still running after 300 s"
    case $rc in
        0) [ -s "$3" ] || fail "$1: exit 0 without $3"
           [ "$2" != pdf ] || assert_qpdf_clean "$3" ;;
        1) [ ! -e "$3" ] || fail "$1: failed but left $3"
           [ -s stderr.txt ] || fail "$1: exit 1 without a diagnostic" ;;
        *) cat stderr.txt; fail "$1 ($2): exit code $rc" ;;
    esac
    assert_only_diagnostics stderr.txt
    [ -z "$(ls -A | grep -v -e '^std\(out\|err\)\.txt$' -e '^qpdf\.txt$' -e "^$3\$")" ] ||
        fail "$1 ($2): left $(ls -A)"
    rm -f "$3" stdout.txt stderr.txt qpdf.txt
}

test_fuzz_regressions_fo_render_cleanly() {
    local f n=0
    for f in "$REGRESSIONS"/fo/*; do
        [ -f "$f" ] || continue
        replay_fo "$f" pdf out.pdf
        replay_fo "$f" text out.txt
        n=$((n + 1))
    done
    echo "$n FO regressions replayed"
}

test_fuzz_regressions_source_build_cleanly() {
    local f rc n=0
    for f in "$REGRESSIONS"/source/*; do
        [ -f "$f" ] || continue
        rc=0
        "$LIVRABLES" build "$f" -o out >stdout.txt 2>stderr.txt || rc=$?
        case $rc in
            0) local pdf
               for pdf in $(find out -name '*.pdf'); do assert_qpdf_clean "$pdf"; done
               [ -n "$(find out -name '*.pdf')" ] || fail "$f: exit 0 without a PDF" ;;
            1) [ -z "$(find out -name '*.pdf.*' 2>/dev/null)" ] || fail "$f: temporary files left"
               [ -s stderr.txt ] || fail "$f: exit 1 without a diagnostic" ;;
            *) cat stderr.txt; fail "$f: exit code $rc" ;;
        esac
        assert_only_diagnostics stderr.txt
        rm -rf out stdout.txt stderr.txt qpdf.txt
        n=$((n + 1))
    done
    echo "$n source regressions replayed"
}

# Found by fuzz_fo: bytes that do not convert from the declared encoding ended the reading
# silently, and a blank PDF came out with exit code 0, libxml2's messages on stderr.
test_fuzz_found_undecodable_encoding_is_an_error() {
    cp "$REGRESSIONS/fo/undecodable-encoding.fo" in.fo
    assert_exit 1 "$LIVRABLES" render in.fo -o out.pdf
    assert_eq "in.fo: error: input conversion failed due to input error, bytes 0xA1 0x3C 0x66 0x6F
in.fo: error: encoder error" "$(cat out.txt)" stderr
    [ ! -e out.pdf ] || fail "out.pdf written"
}
