#!/bin/sh
# Fills the seed corpora of the fuzz targets from the test files, so that nothing is kept
# twice in the tree:
#   DEST/fo      tests/fo/**/*.fo, the FO of the atelier-flash example's deliverables
#                (when a livrables binary is given) and tests/fuzz/regressions/fo/*
#   DEST/source  tests/sources/**/*.xml and the examples' ateliers, each with its XIncludes
#                expanded (the target gets one file), and tests/fuzz/regressions/source/*
# Usage: tests/fuzz/make-seeds.sh DEST [LIVRABLES]
set -eu
dest=$1
livrables=${2:-}
rm -rf "$dest"
mkdir -p "$dest/fo" "$dest/source"

# A seed is named after its path, so that two files with the same name don't collide.
seed_name() {
    echo "$1" | sed 's|^\./||; s|/|_|g'
}

for f in $(find tests/fo -name '*.fo' | sort) $(find tests/fuzz/regressions/fo -type f 2>/dev/null | sort); do
    cp "$f" "$dest/fo/$(seed_name "$f")"
done
if [ -n "$livrables" ]; then
    tmp=$(mktemp -d)
    if "$livrables" build --format fo examples/atelier-flash/atelier.xml -o "$tmp" >/dev/null 2>&1; then
        for f in $(cd "$tmp" && find . -name '*.fo' | sort); do
            cp "$tmp/$f" "$dest/fo/example_$(seed_name "$f")"
        done
    fi
    rm -rf "$tmp"
fi

for f in $(find tests/sources examples -name '*.xml' | sort); do
    # A file that does not expand (a broken test input) is kept as it is.
    xmllint --xinclude --nonet --nowarning "$f" >"$dest/source/$(seed_name "$f")" 2>/dev/null ||
        cp "$f" "$dest/source/$(seed_name "$f")"
done
for f in $(find tests/fuzz/regressions/source -type f 2>/dev/null | sort); do
    cp "$f" "$dest/source/$(seed_name "$f")"
done
