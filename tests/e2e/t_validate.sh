# End-to-end tests of `livrables validate` (and of `build` refusing invalid sources): the
# examples are valid and quiet; every source of tests/sources/invalid/ is rejected at the
# line given in tests/sources/expected-errors.txt, as FILE:LINE: error: MESSAGE.

SOURCES=$ROOT/tests/sources

# expected_errors: "name<TAB>line<TAB>fragment" lines of expected-errors.txt (comments dropped)
expected_errors() { grep -v '^#' "$SOURCES/expected-errors.txt" | grep -v '^[[:space:]]*$'; }

# assert_diagnostics FILE LINE FRAGMENT: out.txt holds only diagnostics (FILE:LINE: error:
# or warning:, nothing without a location), the first error is at FILE:LINE and one error
# there carries FRAGMENT (case-insensitive: the product words the message).
assert_diagnostics() {
    local f=$1 line=$2 fragment=$3 first
    [ -s out.txt ] || { fail "$f: nothing printed"; return 1; }
    if grep -v -E '^[^:]+:[0-9]+: (error|warning): ' out.txt; then
        fail "$f: the lines above are not FILE:LINE: error: MESSAGE diagnostics"; return 1
    fi
    first=$(grep -m 1 -E ': error: ' out.txt)
    case "$first" in
        "$f:$line: error: "*) ;;
        *) cat out.txt; fail "$f: first error expected at $f:$line, got [$first]"; return 1 ;;
    esac
    grep -F -- "$f:$line: error: " out.txt | grep -qiF -- "$fragment" ||
        { cat out.txt; fail "$f:$line: no error containing '$fragment'"; return 1; }
}

test_validate_examples_are_valid_and_quiet() {
    for ex in atelier-flash atelier-multisite; do
        assert_exit 0 "$LIVRABLES" validate "$ROOT/examples/$ex/atelier.xml"
        assert_eq "" "$(cat out.txt)" "output of validate $ex"
    done
    # several sources at once, and the relative paths a user types
    (cd "$ROOT" && "$LIVRABLES" validate examples/atelier-flash/atelier.xml \
        examples/atelier-multisite/atelier.xml) >out.txt 2>&1 || fail "validate of both examples"
    assert_eq "" "$(cat out.txt)" "output of validate on both examples"
    assert_exit 0 "$LIVRABLES" validate "$SOURCES/valid/minimal.xml"
    assert_eq "" "$(cat out.txt)" "output of validate minimal.xml"
}

test_validate_every_invalid_source_is_listed() {
    # the table of expected errors covers every invalid source, and only existing ones
    local listed
    listed=$(expected_errors | cut -f 1 | sort)
    assert_eq "$(cd "$SOURCES/invalid" && ls -- *.xml | sort)" "$listed" "invalid sources vs expected-errors.txt"
}

test_validate_invalid_sources_report_file_and_line() {
    local name line fragment f n=0 failed=""
    while IFS=$'\t' read -r name line fragment; do
        f=$SOURCES/invalid/$name
        assert_exit 1 "$LIVRABLES" validate "$f"
        assert_diagnostics "$f" "$line" "$fragment" || failed="$failed $name"
        n=$((n + 1))
    done < <(expected_errors)
    [ "$n" -ge 9 ] || fail "only $n invalid sources checked"
    [ -z "$failed" ] || fail "wrong diagnostics for:$failed"
}

test_validate_relative_path_is_kept_in_messages() {
    local name line fragment
    IFS=$'\t' read -r name line fragment < <(expected_errors | head -n 1)
    cp "$SOURCES/invalid/$name" .
    assert_exit 1 "$LIVRABLES" validate "$name"
    assert_diagnostics "$name" "$line" "$fragment"
}

test_validate_valid_and_invalid_together() {
    # one invalid source fails the run, the valid one stays quiet
    local name line fragment
    IFS=$'\t' read -r name line fragment < <(expected_errors | tail -n 1)
    assert_exit 1 "$LIVRABLES" validate "$ROOT/examples/atelier-flash/atelier.xml" "$SOURCES/invalid/$name"
    assert_diagnostics "$SOURCES/invalid/$name" "$line" "$fragment"
    assert_not_contains out.txt "atelier-flash"
}

test_validate_malformed_xml() {
    # line 5 closes <titre> with </title>
    printf '%s\n' '<?xml version="1.0" encoding="UTF-8"?>' \
        '<atelier xmlns="urn:livrables:atelier:1" id="x" format="local" annee="2025">' \
        '  <titre>Atelier' \
        '    mal formé' \
        '  </title>' \
        '</atelier>' > malformed.xml
    assert_exit 1 "$LIVRABLES" validate malformed.xml
    grep -E '^malformed\.xml:5: error: .*titre' out.txt ||
        { cat out.txt; fail "no malformed.xml:5: error: naming the unclosed titre"; }
    # and a file that does not exist
    assert_exit 1 "$LIVRABLES" validate absent.xml
    assert_contains out.txt "absent.xml"
    assert_contains out.txt "error:"
}

test_validate_usage() {
    assert_exit 2 "$LIVRABLES" validate
    assert_exit 0 "$LIVRABLES" validate --help
    assert_contains out.txt "Usage: livrables validate"
}

test_validate_build_refuses_invalid_sources_writes_nothing() {
    local name line fragment f failed=""
    while IFS=$'\t' read -r name line fragment; do
        f=$SOURCES/invalid/$name
        "$LIVRABLES" validate "$f" >validate.txt 2>&1 || true
        assert_exit 1 "$LIVRABLES" build "$f" -o "out-$name"
        assert_diagnostics "$f" "$line" "$fragment" || failed="$failed $name"
        # the same diagnostics as validate (a progress line aside)
        grep -E '^[^:]+:[0-9]+: (error|warning): ' out.txt > build-diags.txt || true
        grep -E '^[^:]+:[0-9]+: (error|warning): ' validate.txt > validate-diags.txt || true
        cmp -s validate-diags.txt build-diags.txt ||
            { diff validate-diags.txt build-diags.txt; fail "$name: build and validate differ"; }
        if [ -e "out-$name" ] && [ -n "$(find "out-$name" -type f)" ]; then
            find "out-$name" -type f; fail "$name: build wrote files"
        fi
    done < <(expected_errors)
    [ -z "$failed" ] || fail "wrong diagnostics for:$failed"
    # malformed XML too
    printf '<atelier xmlns="urn:livrables:atelier:1">\n<titre>x</atelier>\n' > bad.xml
    assert_exit 1 "$LIVRABLES" build bad.xml -o out-bad
    grep -qE '^bad\.xml:2: error: ' out.txt || { cat out.txt; fail "bad.xml:2: error: expected"; }
    [ ! -e out-bad ] || [ -z "$(find out-bad -type f)" ] || fail "build wrote files for malformed XML"
}

# The compact schema Emacs reads (schema/atelier.rnc, made by trang from atelier.rng) is kept
# in the tree: it must say what atelier.rng says.
test_validate_compact_schema_is_up_to_date() {
    trang "$ROOT/schema/atelier.rng" fresh.rnc
    cmp -s fresh.rnc "$ROOT/schema/atelier.rnc" ||
        { diff fresh.rnc "$ROOT/schema/atelier.rnc" | head -20; fail "schema/atelier.rnc is stale: run make schema"; }
    assert_contains "$ROOT/schema/schemas.xml" '<namespace ns="urn:livrables:atelier:1" uri="atelier.rnc"/>'
}
