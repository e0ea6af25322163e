#!/bin/sh
# Validates the examples, tests/ateliers and tests/sources against schema/atelier.rng with
# livrables (LIVRABLES, build/livrables by default): valid sources must pass; each invalid
# source must fail at its expected line with its message in English
# (tests/sources/expected-errors.txt). Run from the repository root.
set -u
status=0
validate() { LANG=C.UTF-8 LC_ALL= LANGUAGE= "${LIVRABLES:-build/livrables}" validate "$1" 2>&1; }

for f in examples/*/atelier.xml tests/ateliers/*/atelier.xml tests/sources/valid/*.xml; do
    if validate "$f" >/dev/null; then
        echo "ok      $f"
    else
        echo "FAILED  $f (expected valid)"; validate "$f" | head -5; status=1
    fi
done

grep -v '^#' tests/sources/expected-errors.txt | while IFS='	' read -r name line fragment; do
    f=tests/sources/invalid/$name
    out=$(validate "$f")
    if [ $? -eq 0 ]; then
        echo "FAILED  $f (expected invalid)"; exit 1
    elif ! printf '%s\n' "$out" | grep -F "$f:$line:" | grep -qF "$fragment"; then
        echo "FAILED  $f (expected line $line: $fragment)"; printf '%s\n' "$out" | head -3; exit 1
    else
        echo "ok      $f (rejected)"
    fi
done || status=1
exit $status
