# End-to-end tests of the running header and of where the glossary starts: on every page
# of every example (and of the seminar dossier) the header holds on one line, however long a
# site's official name (a name too long to leave room for the chapter gives way to the site
# alone); a glossary opens with enough entries, on a page its header names.

# header_lines PDF: prints "PAGE LINES" for every page whose header (the text above the
# body, 60 pt from the top) is on more than one line
header_lines() {
    pdftotext -bbox "$1" - | awk -F'"' '
        /<page/ { p++; delete ys }
        /<word/ { if ($4 < 60) ys[int($4)] = 1 }
        /<\/page>/ { n = 0; for (k in ys) n++; if (n > 1) print p, n }'
}

test_headers_on_one_line_in_every_example() {
    local ex dir pdf n=0 dep=$ROOT/examples/depot-partage
    for ex in atelier-flash atelier-multisite; do
        dir=$(built_example "$ex")
        while IFS= read -r pdf; do
            n=$((n + 1))
            header_lines "$pdf" >wrapped.txt
            [ ! -s wrapped.txt ] || { cat wrapped.txt; fail "$pdf: a header on several lines (page, lines)"; }
        done < <(find "$dir" -name '*.pdf' | sort)
    done
    assert_exit 0 "$LIVRABLES" dossier "$dep/cerneux/atelier.xml" "$dep/vernay/atelier.xml" -o dossier.pdf
    header_lines dossier.pdf >wrapped.txt
    [ ! -s wrapped.txt ] || { cat wrapped.txt; fail "dossier: a header on several lines"; }
    [ "$n" -ge 10 ] || fail "only $n deliverables built"
}

# A site whose official name is longer still: its header names the site alone, on one
# line; a site whose name leaves room keeps « atelier — site ».
test_headers_long_site_name_gives_way() {
    cp -r "$ROOT/examples/atelier-multisite" at
    sed -i 's|<nom>Pôle d.équilibre territorial et rural du Pays des Garrigues hautes</nom>|<nom>Pôle d’équilibre territorial et rural du Pays des Garrigues hautes, des Causses du Larzac méridional et du Lodévois</nom>|' \
        at/sites/garrigues-hautes.xml
    grep -q 'Lodévois' at/sites/garrigues-hautes.xml || fail "the site's name was not lengthened"
    assert_exit 0 "$LIVRABLES" build at/atelier.xml -o out --only feuille-de-route
    header_lines out/garrigues-hautes/feuille-de-route.pdf >wrapped.txt
    [ ! -s wrapped.txt ] || { cat wrapped.txt; fail "the long name's header wraps"; }
    pdftotext -f 3 -l 3 -layout out/garrigues-hautes/feuille-de-route.pdf - | head -n 1 >h.txt
    assert_contains h.txt "Pôle d’équilibre territorial et rural du Pays des Garrigues hautes"
    assert_not_contains h.txt "Atelier des territoires Occitanie 2025"
    pdftotext -f 3 -l 3 -layout out/vallees-auzonne/feuille-de-route.pdf - | head -n 1 >h.txt
    assert_contains h.txt "Atelier des territoires Occitanie 2025 — Communauté de communes des Vallées de l’Auzonne"
}

# Where a glossary opens (r8, r9): it follows the last chapter, but continued on another page
# it opens with six entries at least, never a few at a page's foot. The page it opens on is
# headed by the chapter at its top, as every page (r10: « Glossaire » stood above a site's
# last section in both dossiers).
test_headers_glossary_opening() {
    local dir dep=$ROOT/examples/depot-partage
    dir=$(built_example atelier-multisite)
    assert_exit 0 "$LIVRABLES" dossier "$ROOT/examples/atelier-multisite/atelier.xml" -o dossier.pdf
    assert_exit 0 "$LIVRABLES" dossier "$dep/cerneux/atelier.xml" "$dep/vernay/atelier.xml" -o depot.pdf
    pdftotext "$dir/vallees-auzonne/feuille-de-route.pdf" - | grep -q 'Glossaire.(suite)' ||
        fail "Auzonne's glossary is no longer continued: the test lost its case"
    python3 "$ROOT/tests/e2e/lib/typeset.py" glossary-opening "$dir"/*/*.pdf "$dir"/*.pdf dossier.pdf depot.pdf
    python3 "$ROOT/tests/e2e/lib/check_truth.py" running-headers dossier.pdf depot.pdf ||
        fail "a dossier's page under another chapter's header"
}
