# End-to-end tests of the running header and of where the glossary starts: on every page
# of every example (and of the seminar dossier) the header holds on one line, however long a
# site's official name (a name too long to leave room for the chapter gives way to the site
# alone); a glossary long enough to be split opens a page.

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

# glossary_starts_page PDF: a glossary continued on a second page ("Glossaire (suite)")
# opens its first page, rather than a few entries at the foot of the page before (r8)
glossary_starts_page() {
    local n p first
    n=$(pdf_pages "$1")
    for p in $(seq 1 "$n"); do
        pdftotext -f "$p" -l "$p" -layout "$1" - | grep -v '^[[:space:]]*$' | sed -n 2p >first.txt
        pdftotext -f "$p" -l "$p" -layout "$1" - | sed 1d | grep -qx '[[:space:]]*Glossaire[[:space:]]*' || continue
        grep -qx '[[:space:]]*Glossaire[[:space:]]*' first.txt ||
            fail "$1: the glossary opens on page $p below its top: $(cat first.txt)"
        return
    done
}

test_headers_long_glossary_starts_a_page() {
    local dir pdf n=0
    dir=$(built_example atelier-multisite)
    assert_exit 0 "$LIVRABLES" dossier "$ROOT/examples/atelier-multisite/atelier.xml" -o dossier.pdf
    # Auzonne's feuille de route: 15 entries or more, opened with four at the foot of p.19 (r8)
    glossary_starts_page "$dir/vallees-auzonne/feuille-de-route.pdf" || return 1
    for pdf in "$dir"/*/*.pdf "$dir"/*.pdf dossier.pdf; do
        pdftotext "$pdf" - | grep -q 'Glossaire.(suite)' || continue
        n=$((n + 1))
        glossary_starts_page "$pdf" || return 1
    done
    [ "$n" -ge 1 ] || fail "no deliverable with a glossary over two pages"
}
