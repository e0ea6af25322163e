#!/usr/bin/env bash
# Golden layout tests: renders every CASE.fo of this folder to the text dump of its boxes
# (`livrables render --format text`) and compares it with CASE.expected, as Pango's layout
# tests do. Adding a case is dropping CASE.fo here and running the update below.
#
#   tests/layout/run.sh build/livrables [PATTERN]     compare (cases whose name has PATTERN)
#   GOLDEN_UPDATE=1 tests/layout/run.sh build/livrables [PATTERN]
#                                                     rewrite the .expected files instead
#
# The dump is normalised so that only real layout changes show: coordinates rounded to a
# tenth of a point, and the diagnostics (warnings) appended with the file's own name.
# Ends with "golden: N passed, N failed" and a non-zero status when a case differs.
set -u
LIVRABLES=$(realpath "$1")
PATTERN=${2:-}
DIR=$(cd "$(dirname "$0")" && pwd)
export SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-1767225600}
# diagnostics in English, whatever the user's language
export LC_ALL=C.UTF-8
unset LANGUAGE
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

# normalise CASE DUMP STDERR: the text to compare, on stdout
normalise() {
    LC_ALL=C awk '{
        out = ""; s = $0
        while (match(s, /-?[0-9]+\.[0-9]+/)) {
            v = sprintf("%.1f", substr(s, RSTART, RLENGTH) + 0)
            if (v == "-0.0") v = "0.0"
            out = out substr(s, 1, RSTART - 1) v
            s = substr(s, RSTART + RLENGTH)
        }
        print out s
    }' "$2"
    sed -e "s|^[^:]*/$1\\.fo:|$1.fo:|" -e 's/^/diag: /' "$3"
}

passed=0 failed=0 updated=0
for fo in "$DIR"/*.fo; do
    name=$(basename "$fo" .fo)
    if [ -n "$PATTERN" ] && [[ "$name" != *$PATTERN* ]]; then continue; fi
    dump=$scratch/$name.dump err=$scratch/$name.err got=$scratch/$name.got
    (cd "$DIR" && "$LIVRABLES" render "$fo" --format text -o "$dump") 2>"$err"
    rc=$?
    [ -f "$dump" ] || : >"$dump"
    { normalise "$name" "$dump" "$err"; echo "exit: $rc"; } >"$got"
    if [ -n "${GOLDEN_UPDATE:-}" ]; then
        if ! cmp -s "$got" "$DIR/$name.expected"; then
            cp "$got" "$DIR/$name.expected"
            updated=$((updated + 1))
            echo "updated $name"
        fi
        continue
    fi
    if [ -f "$DIR/$name.expected" ] && cmp -s "$got" "$DIR/$name.expected"; then
        passed=$((passed + 1))
        echo "ok   $name"
    else
        failed=$((failed + 1))
        echo "FAIL $name"
        if [ -f "$DIR/$name.expected" ]; then
            diff -u "$DIR/$name.expected" "$got" | head -n 40 | sed 's/^/     | /'
        else
            echo "     | no $name.expected: run GOLDEN_UPDATE=1 $0 $1 $name"
        fi
    fi
done
if [ -n "${GOLDEN_UPDATE:-}" ]; then
    echo "golden: $updated expected files rewritten"
    exit 0
fi
echo "golden: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
