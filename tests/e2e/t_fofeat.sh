# Layout features real documents use (issue 9, part 3), on the FO files of tests/layout/:
# what a reader sees in the PDF. The golden dumps of the same files are in t_golden.sh.

LY=$ROOT/tests/layout

# fo_words FO: the words of the FO's flows, in order (elements stripped)
fo_words() {
    sed -n '/<fo:flow/,/<\/fo:flow>/p' "$1" | sed -e 's/<[^>]*>/ /g' | tr -s ' \t' '\n\n' |
        grep -v '^$'
}

test_fofeat_page_sequence_wrapper_sequences_in_order() {
    assert_exit 0 "$LIVRABLES" render "$LY/page-sequence-wrapper.fo" -o w.pdf
    assert_not_contains out.txt "warning"
    local n
    n=$(grep -c '<fo:page-sequence ' "$LY/page-sequence-wrapper.fo")
    assert_eq "$n" "$(pdf_pages w.pdf)" pages
    pdf_text w.pdf > w.txt
    assert_order w.txt "Avant l'enveloppe, page 1" "Dans l'enveloppe, page 2" \
        "Enveloppe imbriquée, page 3" "Après l'enveloppe, page 4"
}

test_fofeat_inline_container_content_kept() {
    assert_exit 0 "$LIVRABLES" render "$LY/inline-container.fo" -o ic.pdf
    assert_not_contains out.txt "warning"
    pdftotext ic.pdf - | tr -s ' \n' '\n\n' > words.txt
    for w in $(fo_words "$LY/inline-container.fo" | grep -v '^[0-9.]*$' | tr -d '.:'); do
        grep -qF -- "$w" words.txt || fail "word '$w' lost"
    done
    # the first line's baseline of the container sits on the line's
    pdftotext -bbox ic.pdf - > bbox.txt
    local y_avant y_deux
    y_avant=$(grep '>Avant<' bbox.txt | sed 's/.*yMax="\([0-9.]*\)".*/\1/')
    y_deux=$(grep '>Deux<' bbox.txt | sed 's/.*yMax="\([0-9.]*\)".*/\1/')
    assert_eq "$y_avant" "$y_deux" "baseline of 'Avant' and of the container's first line"
}

test_fofeat_bidi_override_rtl_mirrors_its_text() {
    assert_exit 0 "$LIVRABLES" render "$LY/bidi-override.fo" -o b.pdf
    assert_not_contains out.txt "warning"
    pdf_text b.pdf > b.txt
    # abc def, right to left: "fed cba", between the text around it
    assert_contains b.txt "Gauche fed cba droite."
    assert_contains b.txt "Sans effet : de gauche à droite."
}

test_fofeat_reference_orientation_turns_block_containers() {
    assert_exit 0 "$LIVRABLES" render "$LY/orientation.fo" -o o.pdf
    assert_not_contains out.txt "warning"
    assert_qpdf_clean o.pdf
    pdf_text o.pdf > all.txt
    for w in Quart tour gauche Demi-tour haut bas; do assert_contains all.txt "$w"; done
    # turned words are taller than wide in the page's frame; upright ones are not
    pdftotext -bbox o.pdf - > bbox.txt
    /usr/bin/python3 - bbox.txt <<'PY'
import re, sys
words = {}
for m in re.finditer(r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]+)<', open(sys.argv[1]).read()):
    x0, y0, x1, y1 = map(float, m.groups()[:4])
    words[m.group(5)] = (x1 - x0, y1 - y0)
for w in ["Quart", "gauche", "haut"]:
    wd, ht = words[w]
    assert ht > wd, f"{w} is not turned: {wd:.1f} x {ht:.1f}"
for w in ["Avant", "Après", "Demi-tour"]:
    wd, ht = words[w]
    assert wd > ht, f"{w} is turned: {wd:.1f} x {ht:.1f}"
PY
}

test_fofeat_footnotes_in_tables_lists_and_containers() {
    assert_exit 0 "$LIVRABLES" render "$LY/footnotes-nested.fo" -o f.pdf
    assert_eq 2 "$(pdf_pages f.pdf)" pages
    local n
    n=$(grep -c '<fo:footnote-body' "$LY/footnotes-nested.fo")
    for i in $(seq 1 "$n"); do
        local want=1
        [ "$i" = "$n" ] && want=2
        assert_eq "$want" "$(page_of_text f.pdf "$i. Note")" "page of footnote $i"
    done
    # each note below every line of text of its page's flow
    pdftotext -f 1 -l 1 -layout f.pdf - > p1.txt
    assert_order p1.txt "Conteneur libre" "1. Note de la cellule." "5. Note du conteneur libre."
}

# Each text "… page N" of the FO lands on page N; the header repeats on every page the
# table reaches.
test_fofeat_breaks_on_rows_cells_and_blocks_in_cells() {
    local fo=$LY/table-breaks.fo
    assert_exit 0 "$LIVRABLES" render "$fo" -o t.pdf
    assert_not_contains out.txt "warning"
    local last
    last=$(grep -o 'page [0-9]*' "$fo" | awk '{print $2}' | sort -n | tail -n 1)
    assert_eq "$last" "$(pdf_pages t.pdf)" pages
    grep -o '>[^<>]* page [0-9]*[^<>]*<' "$fo" | tr -d '<>' | while read -r text; do
        local want=${text##*page }
        want=${want%% *}
        assert_eq "$want" "$(page_of_text t.pdf "$text")" "page of '$text'" || exit 1
    done
    for p in $(seq 1 $((last - 1))); do
        pdftotext -f "$p" -l "$p" t.pdf - | grep -q Clef || fail "no header on page $p"
    done
}

# Markers whose parent holds nothing else: the running header and footer of each page
# show them as FOP 2.8 does (first and last starting within the page).
test_fofeat_markers_of_empty_parents_are_retrieved() {
    assert_exit 0 "$LIVRABLES" render "$LY/markers-empty.fo" -o m.pdf
    assert_not_contains out.txt "warning"
    local page=1 marker
    for marker in "bloc vide" "cellule vide" "corps vide" "conteneur" "fin du flux"; do
        grep -qF ">$marker</fo:marker>" "$LY/markers-empty.fo" || fail "no marker '$marker'"
        pdftotext -f $page -l $page -layout m.pdf p.txt
        assert_contains p.txt "Haut : $marker"
        assert_contains p.txt "Bas : $marker"
        page=$((page + 1))
    done
}

# Change bars: a rule beside exactly the lines between begin and end, in the margin, on
# every page they reach; none beside the lines outside.
test_fofeat_change_bars_beside_changed_lines() {
    local fo=$LY/change-bars.fo
    assert_exit 0 "$LIVRABLES" render "$fo" -o c.pdf
    assert_not_contains out.txt "warning"
    assert_exit 0 "$LIVRABLES" render "$fo" --format text -o c.txt
    pdftotext -bbox c.pdf bbox.html
    /usr/bin/python3 - c.txt bbox.html <<'PY'
import re, sys
dump, bbox = open(sys.argv[1]).read(), open(sys.argv[2]).read()
# bars: vertical rects or lines, per page (1-based), as (x, top, bottom)
bars, page = [], 0
for line in dump.splitlines():
    if line.startswith("page "):
        page += 1
    m = re.match(r"\s+rect ([\d.]+),([\d.]+) ([\d.]+)x([\d.]+)", line)
    if m and float(m[4]) > 3 * float(m[3]):
        bars.append((page, float(m[1]), float(m[2]), float(m[2]) + float(m[4])))
    m = re.match(r"\s+line ([\d.]+),([\d.]+) ([\d.]+),([\d.]+)", line)
    if m and m[1] == m[3]:
        bars.append((page, float(m[1]), float(m[2]), float(m[4])))
# words with their page and vertical middle
words, page = [], 0
for m in re.finditer(r'<page |yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]+)<', bbox):
    if m[0].startswith("<page"):
        page += 1
        continue
    words.append((page, (float(m[1]) + float(m[2])) / 2, m[3]))
def barred(p, y):
    return [b for b in bars if b[0] == p and b[2] <= y <= b[3]]
def check(word, want):
    hits = [w for w in words if w[2] == word]
    assert hits, f"no word {word}"
    for p, y, _ in hits:
        got = len(barred(p, y))
        assert got == want, f"{word} on page {p}: {got} bars, want {want}"
for w in ["Ligne", "Sans", "Fin,", "après,", "dernière"]:
    check(w, 0)
for w in ["Premier", "Second", "colonne.", "avant.", "phrase", "plusieurs", "passe", "1", "6"]:
    check(w, 1)
# the bars stand in the margins, outside the text
xs = [float(x) for x in re.findall(r'xMin="([\d.]+)"', bbox)]
xe = [float(x) for x in re.findall(r'xMax="([\d.]+)"', bbox)]
for b in bars:
    assert b[1] < min(xs) or b[1] > max(xe), f"bar at x={b[1]} inside the text"
assert {b[0] for b in bars} == {1, 2}, "the last bar does not reach page 2"
PY
}

# Index page citation lists: the pages of each key, as the FO places them (each page's
# block says "Page N"), merged into ranges, in the index on the last page.
test_fofeat_index_page_citation_lists() {
    local fo=$LY/index.fo
    assert_exit 0 "$LIVRABLES" render "$fo" -o i.pdf
    assert_not_contains out.txt "warning"
    local n
    n=$(pdf_pages i.pdf)
    pdftotext -f "$n" -l "$n" -layout i.pdf index.txt
    /usr/bin/python3 - "$fo" index.txt <<'PY'
import re, sys
fo, index = open(sys.argv[1]).read(), open(sys.argv[2]).read()
pages, ranges = {}, {}
for m in re.finditer(r'<fo:block[^>]*>(?:(?!</fo:block>).)*?Page (\d+) :(?:(?!</fo:block>).)*</fo:block>', fo, re.S):
    block, page = m.group(0), int(m.group(1))
    for k in re.findall(r'<fo:(?:block|inline) index-key="([^"]+)"', block):
        pages.setdefault(k, set()).add(page)
    for rid, k in re.findall(r'<fo:index-range-begin id="([^"]+)" index-key="([^"]+)"', block):
        ranges[rid] = [k, page, None]
    for rid in re.findall(r'<fo:index-range-end ref-id="([^"]+)"', block):
        ranges[rid][2] = page
for k, lo, hi in ranges.values():
    pages.setdefault(k, set()).update(range(lo, hi + 1))
def merged(ps, sep=", ", merge=True):
    ps, out, i = sorted(ps), [], 0
    while i < len(ps):
        j = i
        while merge and j + 1 < len(ps) and ps[j + 1] == ps[j] + 1:
            j += 1
        out.append(str(ps[i]) if i == j else f"{ps[i]}\u2013{ps[j]}")
        i = j + 1
    return sep.join(out)
want = {
    "eau : ": merged(pages["eau"]),
    "air : ": merged(pages["air"]),
    "sol, bois : ": merged(pages["sol"] | pages["bois"]),
    "séparés : ": merged(pages["eau"], "; ", merge=False),
}
for label, value in want.items():
    line = next((l.strip() for l in index.splitlines() if l.strip().startswith(label)), None)
    assert line == label + value, f"got {line!r}, want {label + value!r}"
lo, hi = ranges["air"][1:]
assert f"décorés : p. {lo} à {hi} (plage)" in index, index
PY
    # with page-number-treatment="link", the pages are links to where the range starts and ends
    /usr/bin/python3 - i.pdf <<'PY'
import sys, pikepdf
pdf = pikepdf.open(sys.argv[1])
last = pdf.pages[-1]
dests = [str(a.get("/Dest", "")) for a in last.get("/Annots", []) if a.get("/Subtype") == "/Link"]
assert any("air" in d for d in dests), f"no link to the range: {dests}"
PY
}

# A region-body with reference-orientation: its content turned (landscape pages), the
# static content upright, as FOP 2.8 sets orientation-body.fo.
test_fofeat_reference_orientation_on_region_body() {
    assert_exit 0 "$LIVRABLES" render "$LY/orientation-body.fo" -o b.pdf
    assert_not_contains out.txt "warning"
    assert_eq 3 "$(pdf_pages b.pdf)" pages
    pdftotext -bbox b.pdf bbox.html
    /usr/bin/python3 - bbox.html <<'PY'
import re, sys
html, page, words = open(sys.argv[1]).read(), 0, {}
for m in re.finditer(r'<page |xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]+)<', html):
    if m[0].startswith("<page"):
        page += 1
        continue
    x0, y0, x1, y1 = map(float, m.groups()[:4])
    words[(page, m[5])] = (x1 - x0, y1 - y0, x0, y0)
def turned(p, w):
    wd, ht, _, _ = words[(p, w)]
    return ht > wd
assert not turned(1, "En-tête"), "the header is turned"
for w in ["Plan", "Requalifier", "Porteur", "Coût"]:
    assert turned(1, w), f"{w} is upright on the landscape page"
# 90: read upwards, the title at the left; -90: read downwards, at the right
assert words[(1, "Plan")][2] < words[(1, "Coût")][2], "title not left of the last column"
assert turned(2, "Paysage") and words[(2, "Paysage")][2] > 150, "page 2 not turned to the right"
assert not turned(3, "Portrait,"), "the portrait page is turned"
PY
}

# fo:retrieve-table-marker in repeated headers and footers, by position and boundary within
# the table, as FOP 2.8 shows table-markers.fo: the header of a page shows the first marker
# starting in its fragment, the footer the last one in effect where it ends.
test_fofeat_retrieve_table_marker_positions_and_boundaries() {
    assert_exit 0 "$LIVRABLES" render "$LY/table-markers.fo" -o t.pdf
    assert_not_contains out.txt "warning"
    assert_eq 2 "$(pdf_pages t.pdf)" pages
    pdftotext -f 1 -l 1 -layout t.pdf p1.txt
    pdftotext -f 2 -l 2 -layout t.pdf p2.txt
    assert_order p1.txt "Haut : A | fragment : A" "A1" "B2" "Bas : B"
    assert_order p2.txt "Haut : C | fragment : C" "B3" "C2" "Bas : C"
}

# Before-floats (floats-before.fo): at the top of their anchor's page under the separator,
# in order; one too tall for what is left of page 1 opens page 2 while its anchor stays, and
# the one after it (alone in its block) follows it there.
test_fofeat_before_floats_top_of_page_in_order() {
    assert_exit 0 "$LIVRABLES" render "$LY/floats-before.fo" -o f.pdf
    assert_not_contains out.txt "warning"
    assert_eq 2 "$(pdf_pages f.pdf)" pages
    pdftotext -f 1 -l 1 -layout f.pdf p1.txt
    pdftotext -f 2 -l 2 -layout f.pdf p2.txt
    assert_order p1.txt "Flottant A" "Flottant B" "Premier paragraphe" "Ancre A" "Ancre C"
    assert_not_contains p1.txt "Flottant C"
    assert_eq "Flottant C trop haut" "$(grep -m1 . p2.txt | sed 's/^ *//; s/ *$//')" "page 2's top"
    assert_order p2.txt "Flottant C" "Flottant D"
    assert_contains p1.txt "C est page 2."
}

# Side floats (floats-side.fo): lines beside a float start after a start float and end
# before an end float, the next lines take the whole width again; clear="both" and a table
# go below the float.
test_fofeat_side_floats_text_flows_around() {
    assert_exit 0 "$LIVRABLES" render "$LY/floats-side.fo" -o f.pdf
    assert_not_contains out.txt "warning"
    pdftotext -bbox f.pdf bbox.txt
    /usr/bin/python3 - bbox.txt <<'PY' || fail "floats-side.fo geometry"
import re, sys
words = {}
for m in re.finditer(r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<',
                     open(sys.argv[1]).read()):
    words.setdefault(m[5], []).append(tuple(map(float, m.groups()[:4])))
left = words["Premier"][0][0]
start_float_right = 25 / 25.4 * 72 + left  # 25 mm wide
assert words["Le"][0][0] >= start_float_right - 1, "the line beside the start float starts on it"
assert abs(words["dépassé."][0][0] - left) < 0.5, "the line below the float is not full width"
end_float = words["Flottant"][1]  # the end float's first word, at the right
assert end_float[0] > words["paragraphe."][-1][2], "the end float is not at the end edge"
float_bottom = words["lignes"][1][3]  # its last line
assert words["Bloc"][0][1] >= float_bottom, "clear=both left the block beside the float"
assert words["Le"][-1][1] >= words["lignes"][2][3], "the table is beside the float"
PY
}

# The tagged PDF reads a float where its anchor is: its Div inside the anchor's paragraph,
# even when the float is painted on the next page.
test_fofeat_floats_in_reading_order_at_their_anchor() {
    assert_exit 0 "$LIVRABLES" render "$LY/floats-before.fo" -o f.pdf
    /usr/bin/python3 "$ROOT/tests/e2e/lib/a11y.py" check "$LY/floats-before.fo" f.pdf > a11y.txt ||
        { cat a11y.txt; fail "a11y check"; }
    /usr/bin/python3 "$ROOT/tests/e2e/lib/a11y.py" outline f.pdf | sed -n '/Sect/,$p' > tree.txt
    cat > want.txt <<'TREE'
  Sect
   P 1
   P 1
    Div
     P 1
   P 1
    Div
     P 1
   P 1
    Div
     Div
      P 2
   P 1
   Div
    Div
     P 2
TREE
    diff want.txt tree.txt || fail "structure tree of floats-before.fo"
}
