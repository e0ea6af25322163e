# End-to-end tests of the examples' maps: scale bars that give the areas the sources state,
# maps that follow the site's table in the note de cadrage, rivers named, and maps
# drawn in the document's font. Scales are measured on the SVG (tests/e2e/lib/maps.py);
# the rest is read from the PDFs.

maps_check() { python3 "$ROOT/tests/e2e/lib/maps.py" "$@"; }

test_maps_scales_give_the_sites_areas() {
    local sources
    sources=$(grep -rl "<carte" "$ROOT/examples" --include='*.xml')
    maps_check scales $sources >scales.txt || { cat scales.txt; fail "a map's scale"; }
    assert_eq 6 "$(grep -c '^ok ' scales.txt)" "maps checked"
    # the check can fail: Auzonne's map with its former bar (10 km drawn 100 px long)
    sed 's/width="142.8"/width="100"/' "$ROOT/examples/atelier-multisite/images/auzonne-carte.svg" >carte.svg
    cat >site.xml <<'XML'
<site xmlns="urn:livrables:atelier:1" id="s"><superficie unite="km2">612</superficie>
  <carte src="carte.svg" legende="l"/></site>
XML
    ! maps_check scales site.xml >bad.txt || fail "a 10 km bar 100 px long passed for 612 km²"
    assert_contains bad.txt "1248.0 km² at the scale of its bar, 612.0 km² in the source"
}

# maps_page_is_table_page PDF CAPTION: the map's caption is on the page of the site's table,
# or the map opens the next page when the table ends its page, nothing between them (a short
# note shares its Sommaire's page with the first chapter, which leaves no room for the map)
maps_page_is_table_page() {
    local table map
    table=$(page_of_text "$1" "Superficie")
    map=$(page_of_text "$1" "$2")
    [ "$map" != 0 ] || fail "caption '$2' not found in $1" || return 1
    [ "$map" = "$table" ] && return 0
    assert_eq "$((table + 1))" "$map" "page of the map '$2' (the site's table is on page $table)" || return 1
    # no heading after the table on its page: the map comes next
    pdftotext -f "$table" -l "$table" "$1" - | sed -n '/^Superficie$/,$p' >after.txt
    ! grep -qE '^[0-9]+(\.[0-9]+)* [^0-9]' after.txt ||
        fail "a heading between the site's table (page $table) and its map: $(grep -E '^[0-9]+(\.[0-9]+)* [^0-9]' after.txt)"
}

test_maps_under_the_site_table_in_the_notes() {
    local multi flash
    multi=$(truth_built examples/atelier-multisite)
    flash=$(truth_built examples/atelier-flash)
    maps_page_is_table_page "$multi/vallees-auzonne/note-de-cadrage.pdf" "bourgs, rivière et plateaux"
    maps_page_is_table_page "$multi/garrigues-hautes/note-de-cadrage.pdf" "entre Hérault et Gard"
    maps_page_is_table_page "$multi/castelvert-sur-arrats/note-de-cadrage.pdf" "bastide, halle et bords"
    maps_page_is_table_page "$flash/vernay-sur-loue/note-de-cadrage.pdf" "et la friche Bourgeois"
}

# maps_names PDF NAME: NAME is a line of the PDF's text (a label of a map), read in
# pdftotext's layout order or in its raw order (rotated labels come whole in one or the other)
maps_names() {
    { pdftotext "$1" -; pdftotext -raw "$1" -; } | grep -qx -- "$2"
}

test_maps_name_rivers_in_the_document_font() {
    local multi flash pdf river
    multi=$(truth_built examples/atelier-multisite)
    flash=$(truth_built examples/atelier-flash)
    for pair in "vallees-auzonne:l’Auzonne" "garrigues-hautes:le Vidourle" \
                "garrigues-hautes:la Lergue" "castelvert-sur-arrats:l’Arrats"; do
        pdf=$multi/${pair%%:*}/note-de-cadrage.pdf river=${pair#*:}
        maps_names "$pdf" "$river" || fail "'$river' not on the map of $pdf"
    done
    maps_names "$flash/vernay-sur-loue/note-de-cadrage.pdf" "la Loue" || fail "'la Loue' not on Vernay's map"
    for pdf in "$multi"/*/note-de-cadrage.pdf "$flash"/*/note-de-cadrage.pdf; do
        pdffonts "$pdf" >fonts.txt
        assert_not_contains fonts.txt DejaVu
    done
    # the Garrigues map is vector: no raster image in its note de cadrage (the bloc-marque is SVG)
    pdfimages -list "$multi/garrigues-hautes/note-de-cadrage.pdf" | tail -n +3 >images.txt
    assert_eq 0 "$(wc -l <images.txt)" "raster images in the Garrigues note de cadrage"
}

# The dossier of two ateliers kept in two folders: each site's chapter shows its map, read
# from its own atelier's folder.
test_maps_in_the_dossier_from_each_atelier_folder() {
    local dep=$ROOT/examples/depot-partage
    assert_exit 0 "$LIVRABLES" dossier "$dep/cerneux/atelier.xml" "$dep/vernay/atelier.xml" -o dossier.pdf
    assert_not_contains out.txt "image"
    pdftotext dossier.pdf dossier.txt
    assert_contains dossier.txt "Le bourg, la voie ferrée et la gare"
    assert_contains dossier.txt "Vernay-sur-Loue et la friche Bourgeois"
    pdfimages -list dossier.pdf | tail -n +3 >images.txt
    assert_eq 0 "$(wc -l <images.txt)" "raster images in the dossier (maps and bloc-marque are SVG)"
    # both maps drawn: their scale bars' labels, once each
    assert_eq 2 "$(grep -cxE '(0,5 )?1 km' dossier.txt)" "scale bars '1 km' (Cerneux, Vernay)"
}

# A bitmap printed below 300 ppi in a deliverable is warned about, naming it and its
# resolution; vector maps are not; rendering an FO (as FOP) never warns about it.
test_maps_low_resolution_photo_warned() {
    cp -r "$ROOT/examples/atelier-flash" at
    # a 60 x 40 PNG, grey
    python3 -c 'import struct, zlib, sys
def chunk(t, d): return struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d))
rows = b"".join(b"\0" + b"\x80" * 180 for _ in range(40))
sys.stdout.buffer.write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 60, 40, 8, 2, 0, 0, 0))
                        + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))' >at/images/photo.png
    sed -i 's|<photo src="[^"]*"|<photo src="images/photo.png"|' at/atelier.xml
    assert_exit 0 "$LIVRABLES" build at/atelier.xml -o out --only rapport-final
    grep -q "warning: image '.*/at/images/photo.png' is printed at [0-9]* ppi (60 pixels over [0-9]* mm), below the 300 ppi print needs" out.txt ||
        { cat out.txt; fail "no warning about the 60-pixel photo"; }
    assert_eq 1 "$(grep -c 'ppi' out.txt)" "warnings about resolution (the SVG map has none)"
    LANG=fr_FR.UTF-8 "$LIVRABLES" build at/atelier.xml -o out-fr --only rapport-final >fr.txt 2>&1
    assert_contains fr.txt "ppp"
    "$LIVRABLES" build at/atelier.xml -o fo --only rapport-final --format fo >/dev/null 2>&1
    assert_exit 0 "$LIVRABLES" render fo/vernay-sur-loue/rapport-final.fo -o r.pdf
    assert_not_contains out.txt "ppi"
}

# Every map of every example, at the size the deliverables print it (its height in the
# FO): no label under the body's smallest size (7.5 pt), every kind of feature drawn in its
# legend. It can fail: Cerneux's station left out of the legend, its « zone d'activités »
# at its former size.
test_maps_legends_complete_and_labels_readable() {
    local maps height
    maps=$(find "$ROOT/examples" -name '*-carte.svg' -o -name '*-plan.svg' | sort)
    assert_eq 6 "$(echo "$maps" | wc -l)" "maps in the examples"
    assert_exit 0 "$LIVRABLES" build "$ROOT/examples/atelier-flash/atelier.xml" -o fo --format fo --only note-de-cadrage
    height=$(grep -o '<fo:external-graphic[^>]*carte[^>]*>' fo/*/note-de-cadrage.fo | grep -o 'height="[0-9.]*mm"' | grep -o '[0-9.]*')
    [ -n "$height" ] || fail "the map's printed height not found in the FO"
    python3 "$ROOT/tests/e2e/lib/maps.py" legends "$height" $maps >legends.txt || { cat legends.txt; fail "a map's legend or labels"; }
    assert_eq 6 "$(grep -c '^ok ' legends.txt)" "maps checked"
    sed -e '/y="131" width="24" height="14" fill="#c98b6b"/d' \
        -e 's/font-size="15" font-style="italic" fill="#444">zone/font-size="9" font-style="italic" fill="#444">zone/' \
        "$ROOT/examples/depot-partage/cerneux/images/cerneux-carte.svg" >carte.svg
    ! python3 "$ROOT/tests/e2e/lib/maps.py" legends "$height" carte.svg >bad.txt || fail "the faulty map passed"
    assert_contains bad.txt "rect ('fill', '#c98b6b') drawn but not in the legend"
    assert_contains bad.txt "label 'zone d’activités' printed at 4.6 pt"
}

# The engine clips an SVG to its viewport: every bloc-marque of the examples draws within
# its viewBox (librsvg's ink extent), else its services' line would be cut on every cover.
# It can fail: the bloc-marques were 260 units wide, their third line running to 364.
test_maps_bloc_marques_within_their_viewbox() {
    local marks
    marks=$(find "$ROOT/examples" -name 'bloc-marque*.svg' | sort)
    assert_eq 5 "$(echo "$marks" | wc -l)" "bloc-marques in the examples"
    cat >ink.py <<'EOF_PY'
import sys
import gi
gi.require_version("Rsvg", "2.0")
from gi.repository import Rsvg  # noqa: E402
bad = 0
for path in sys.argv[1:]:
    h = Rsvg.Handle.new_from_file(path)
    _, w, ht = h.get_intrinsic_size_in_pixels()
    vp = Rsvg.Rectangle()
    vp.x, vp.y, vp.width, vp.height = 0, 0, w, ht
    _, ink, _ = h.get_geometry_for_layer(None, vp)
    if ink.x < 0 or ink.y < 0 or ink.x + ink.width > w or ink.y + ink.height > ht:
        print("%s: drawn to %.0f,%.0f, past its %gx%g" % (path, ink.x + ink.width, ink.y + ink.height, w, ht))
        bad += 1
sys.exit(1 if bad else 0)
EOF_PY
    # Debian's python, which has python3-gi and Rsvg
    # shellcheck disable=SC2086
    /usr/bin/python3 ink.py $marks >ink.txt 2>&1 || { cat ink.txt; fail "a bloc-marque drawn past its viewBox"; }
    sed 's/width="[0-9]*" height="80" viewBox="0 0 [0-9]* 80"/width="260" height="80" viewBox="0 0 260 80"/' \
        "$ROOT/examples/atelier-multisite/images/bloc-marque.svg" >narrow.svg
    ! /usr/bin/python3 ink.py narrow.svg >bad.txt 2>&1 || fail "a bloc-marque past its viewBox passed"
    assert_contains bad.txt "past its 260x80"
}
