#!/usr/bin/env bash
# End-to-end tests: runs every test_* function of tests/e2e/t_*.sh against a built
# livrables binary. Each test runs in its own subshell and scratch directory; its output is
# shown only when it fails. Ends with the line "N passed, N failed".
#
#   tests/e2e/run.sh build/livrables [PATTERN]
set -u
LIVRABLES=$(realpath "$1")
PATTERN=${2:-}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
export LIVRABLES ROOT
export SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-1767225600}   # 2026-01-01, reproducible runs
# Messages in English unless a test asks for French (LANG=fr_FR.UTF-8 on its command).
export LANG=C.UTF-8
unset LC_ALL LC_MESSAGES LANGUAGE

. "$ROOT/tests/e2e/lib.sh"
for f in "$ROOT"/tests/e2e/t_*.sh; do
    . "$f"
done

passed=0 failed=0 failed_names=()
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
for t in $(declare -F | awk '{print $3}' | grep '^test_' | sort); do
    if [ -n "$PATTERN" ] && [[ "$t" != *$PATTERN* ]]; then continue; fi
    dir="$scratch/$t"
    mkdir -p "$dir"
    # not inside the if: a test run as an if condition would ignore its set -e
    (cd "$dir" && set -e && "$t") >"$dir.log" 2>&1
    rc=$?
    if [ "$rc" = 0 ]; then
        passed=$((passed + 1))
        echo "ok   $t"
    else
        failed=$((failed + 1))
        failed_names+=("$t")
        echo "FAIL $t"
        sed 's/^/     | /' "$dir.log" | tail -n 40
    fi
done
echo
echo "e2e: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
