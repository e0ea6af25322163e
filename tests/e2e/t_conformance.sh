# End-to-end conformance tests of `livrables render` on the XSL-FO subset the stylesheets
# use, each checked against what Apache FOP does with the same input (tests/fo/conformance/,
# compared by hand page by page; the expectations below are FOP's results).

CF=$ROOT/tests/fo/conformance

# page_text PDF N: the text of page N, layout preserved
page_text() { pdftotext -f "$2" -l "$2" -layout "$1" -; }

test_conformance_sequence_ids_parity_and_blank_pages() {
    assert_exit 0 "$LIVRABLES" render "$CF/sequences.fo" -o s.pdf
    assert_not_contains out.txt "unknown id"
    assert_not_contains out.txt "did not settle"
    assert_qpdf_clean s.pdf
    # A: 3 pages + a blank one (B starts on an odd page), B: 2 + a blank one (C starts at 20)
    assert_eq 8 "$(pdf_pages s.pdf)" pages
    page_text s.pdf 1 > p1.txt
    assert_contains p1.txt "FIRSTHEAD p1 of A 1-4"
    assert_contains p1.txt "part B on page 5 to 7"
    assert_contains p1.txt "inline anchor on page 3, cell on 6, row on 6"
    assert_contains p1.txt "item on 6, label on 6, body-sec on 6, flow 5,"
    # an id in static content: first and last page showing it (FOP gives 1-1)
    assert_contains p1.txt "footer 1-3."
    page_text s.pdf 2 > p2.txt
    assert_contains p2.txt "EVENHEAD p2/4"
    page_text s.pdf 3 > p3.txt
    assert_contains p3.txt "ODDHEAD p3/4"
    # blank pages take the blank master, and only it
    page_text s.pdf 4 > p4.txt
    assert_contains p4.txt "BLANKHEAD p4"
    [ "$(grep -cv '^\s*$' p4.txt)" = 1 ] || fail "page 4 is not blank"
    page_text s.pdf 5 > p5.txt
    assert_contains p5.txt "FIRSTHEAD p5 of B"
    page_text s.pdf 7 > p7.txt
    assert_contains p7.txt "BLANKHEAD p7"
    page_text s.pdf 8 > p8.txt
    assert_contains p8.txt "FIRSTHEAD p20 of C"
}

test_conformance_marker_content_inherits_from_retrieve_marker() {
    assert_exit 0 "$LIVRABLES" render "$CF/markers.fo" --format text -o m.txt
    # the heading is 24pt navy bold; the header is 8pt grey and the section line 7pt black
    assert_contains m.txt '8.00 #808080 "HDR Chapitre"'
    assert_contains m.txt '8.00 #808080 "un"'
    assert_contains m.txt '7.00 #000000 "Section"'
    assert_contains m.txt '8.00 #808080 "HDR Chapitre deux"'
    assert_contains m.txt '24.00 #000080 "Chapitre un"'
    assert_exit 0 "$LIVRABLES" render "$CF/markers.fo" -o m.pdf
    pdffonts m.pdf > fonts.txt
    assert_contains fonts.txt "DejaVuSans-Oblique"
}

# max_word_bottom PDF: the lowest word bottom (points from the top) over all pages
max_word_bottom() {
    pdftotext -bbox "$1" - | sed -n 's/.*yMax="\([0-9.]*\)".*/\1/p' | sort -g | tail -n 1
}

test_conformance_content_taller_than_a_page_splits() {
    assert_exit 0 "$LIVRABLES" render "$CF/tall.fo" -o t.pdf
    assert_qpdf_clean t.pdf
    assert_eq 6 "$(pdf_pages t.pdf)" pages   # as FOP
    # the long row starts on page 1 right after the short one and goes on line by line
    assert_eq 1 "$(page_of_text t.pdf 'Ligne 01 de la cellule')" "first line of the long row"
    assert_eq 2 "$(page_of_text t.pdf 'Ligne 20 de la cellule')" "line 20"
    assert_eq 4 "$(page_of_text t.pdf 'Ligne 60 de la cellule')" "line 60"
    pdf_text t.pdf > t.txt
    for i in $(seq -w 1 60); do grep -q "Ligne $i de la cellule" t.txt || fail "line $i lost"; done
    assert_order t.txt "short A" "long B" "Ligne 01" "Ligne 59" "Ligne 60" "short C" \
        "Item line 01" "Item line 40" "Container line 01" "Container line 40" "The end."
    # the header is repeated on every page the table reaches
    for p in 1 2 3 4; do
        page_text t.pdf $p | grep -q "Clef" || fail "no header on page $p"
    done
    # nothing below the bottom margin (210mm - 15mm = 552.8pt)
    local bottom
    bottom=$(max_word_bottom t.pdf)
    awk -v b="$bottom" 'BEGIN { exit !(b <= 552.8) }' || fail "text at $bottom pt, below the body"
}

# word_boxes PDF: "page xMin xMax yMax word" per word
word_boxes() {
    pdftotext -bbox "$1" - | python3 -c '
import re, sys
page = 0
for line in sys.stdin:
    if "<page " in line:
        page += 1
    m = re.search(r"xMin=\"([\d.]+)\" yMin=\"([\d.]+)\" xMax=\"([\d.]+)\" yMax=\"([\d.]+)\">(.*)</word>", line)
    if m:
        print(page, m.group(1), m.group(3), m.group(4), m.group(5))
'
}

test_conformance_each_page_at_its_own_body_width() {
    assert_exit 0 "$LIVRABLES" render "$CF/widths.fo" -o w.pdf
    assert_eq 3 "$(pdf_pages w.pdf)" pages
    word_boxes w.pdf > words.txt
    # page 1: body from 60mm (170.1pt) to 133mm (377pt); pages 2-3: from 15mm (42.5pt)
    awk '$1 == 1 && $5 ~ /^Bloc$/ && ($2 < 169 || $3 > 378) { bad = 1 } END { exit bad }' words.txt \
        || fail "page 1 text outside its body"
    awk '$1 > 1 && $3 > 378 { bad = 1 } END { exit bad }' words.txt || fail "text past the right margin"
    # the justified lines of pages 2 and 3 fill their wider body (not the first page's width)
    awk '$1 == 2 && $2 < 44 { left = 1 } $1 == 2 && $3 > 370 { right = 1 } END { exit !(left && right) }' \
        words.txt || fail "page 2 lines not laid out at its width"
    pdf_text w.pdf > w.txt
    for i in $(seq -w 1 30); do grep -q "Bloc $i\." w.txt || fail "block $i lost"; done
    assert_order w.txt "Bloc 01." "Bloc 08." "Bloc 09." "Bloc 30."
}

test_conformance_auto_table_columns_follow_content() {
    assert_exit 0 "$LIVRABLES" render "$CF/autotable.fo" -o at.pdf
    word_boxes at.pdf > words.txt
    # table from 20mm (56.7pt): "N°" takes a narrow column, the long text the most room
    local action pilote fixed auto
    action=$(awk '$5 == "Action" { print int($2); exit }' words.txt)
    pilote=$(awk '$5 == "Pilote" { print int($2); exit }' words.txt)
    [ "$action" -lt 90 ] || fail "the N° column is not narrow (Action at $action)"
    [ "$pilote" -gt 380 ] || fail "the action column is not the widest (Pilote at $pilote)"
    # "Restituer." and "Communauté" share a line: rows stay as short as their content
    awk '$5 == "Restituer." { y = $4 } $5 == "Communauté" && y && ($4 - y < 1 && y - $4 < 1) { ok = 1 } END { exit !ok }' \
        words.txt || fail "row 2 cells not aligned"
    # a fixed column keeps its width: "auto" starts 30mm after the table start
    auto=$(awk '$5 == "auto" { print int($2); exit }' words.txt)
    [ "$auto" -ge 141 ] && [ "$auto" -le 146 ] || fail "fixed column is not 30mm (auto at $auto)"
}

test_conformance_bitmap_without_resolution_is_72_dpi() {
    assert_exit 0 "$LIVRABLES" render "$CF/image-resolution.fo" -o i.pdf
    word_boxes i.pdf > words.txt
    # the image (144 px) ends 144pt after the 20mm margin (56.7pt): X at 200.7 as in FOP
    awk '$5 == "X" { exit !($2 > 200.2 && $2 < 201.2) }' words.txt || { cat words.txt; fail "image width"; }
    # scaled into a full-width viewport with text-align="center": centred like FOP
    assert_exit 0 "$LIVRABLES" render "$CF/image-resolution.fo" --format text -o i.txt
    grep -E '^  image png 225\.6[0-9],[0-9.]+ 144\.00x72\.00' i.txt || { cat i.txt; fail "image not centred"; }
}

test_conformance_block_alignment_borders_and_white_space() {
    assert_exit 0 "$LIVRABLES" render "$CF/blocks.fo" -o b.pdf
    assert_qpdf_clean b.pdf
    assert_exit 0 "$LIVRABLES" render "$CF/blocks.fo" --format text -o b.txt
    word_boxes b.pdf > words.txt
    # body from 42mm (119.06pt) to 106mm (300.47pt)
    awk '$5 == "Centered" { x0 = $2 } $5 == "title" { x1 = $3 } END { c = (x0 + x1) / 2; exit !(c > 208.7 && c < 210.8) }' \
        words.txt || fail "title not centered"
    awk '$5 == "end." && $1 == 1 { exit !($3 > 299.5 && $3 < 300.6) }' words.txt || fail "text-align end"
    # text-indent 2em (20pt) on the first line only; text-align-last="justify" fills the last line
    awk '$5 == "Justified" { print $2; exit }' words.txt | awk '{ exit !($1 > 138.5 && $1 < 139.6) }' \
        || fail "text-indent"
    awk '$5 == "para." { exit !($3 > 299.5) }' words.txt || fail "text-align-last justify"
    # a code listing keeps its line breaks and every space
    assert_contains b.txt '"int main(void)"'
    assert_contains b.txt '"    return  0;   /* spaces kept */"'
    # collapsed white space elsewhere
    pdf_text b.pdf > b-layout.txt
    assert_contains b-layout.txt "Collapsed white space"
    # borders: red 1pt box, dashed blue top, green bottom, orange left; colours by name too
    assert_contains b.txt "#ff0000"
    assert_contains b.txt "dashed #0000ff"
    assert_contains b.txt "#008000"
    assert_contains b.txt "#ff8800"
    assert_contains b.txt "#b0c4de"   # lightsteelblue block-container background
}

test_conformance_inline_shifts_leaders_and_links() {
    assert_exit 0 "$LIVRABLES" render "$CF/inlines.fo" --format text -o i.txt
    # superscript raised by 4.5pt (0.45 of the parent's 10pt), subscript lowered 1.54pt,
    # explicit 4pt shift and -20% of the line-height: as FOP places them. The first line,
    # taller than its line-height, keeps the leading above and below its content, as FOP
    assert_contains i.txt 'text 42.52,55.98 "DejaVu Sans" 10.00 #000000 "E = mc"'
    assert_contains i.txt 'text 78.81,51.48 "DejaVu Sans" 7.00 #000000 "2"'
    assert_contains i.txt 'text 97.14,57.52 "DejaVu Sans" 7.00 #000000 "2"'
    assert_contains i.txt '51.98 "DejaVu Sans" 10.00 #000000 "4pt"'
    assert_contains i.txt '58.38 "DejaVu Sans" 10.00 #000000 "20%"'
    # a 3cm blue rule 2pt thick sitting on the baseline (130.38)
    grep -E '^  line [0-9.]+,129\.38 [0-9.]+,129\.38 2\.00 solid #0000ff' i.txt || fail "fixed rule"
    assert_exit 0 "$LIVRABLES" render "$CF/inlines.fo" -o i.pdf
    pdf_text i.pdf > i-layout.txt
    grep -E '^ *Dots \.{20,} *12$' i-layout.txt || fail "dots leader"
    grep -E '^ *Space +14$' i-layout.txt || fail "space leader"
    assert_order i-layout.txt "First item." "a)" "Nested a" "b)" "2." "Target block."
    qpdf --json i.pdf > i.json
    grep -q 'https://www.ecologie.gouv.fr/' i.json || fail "external link"
}

test_conformance_space_conditionality_keeps_widows() {
    assert_exit 0 "$LIVRABLES" render "$CF/spaces.fo" -o s.pdf
    word_boxes s.pdf > words.txt
    # at a page top space-before is discarded, unless .conditionality="retain" (as FOP: 20pt)
    local d r
    d=$(awk '$5 == "Discarded" { print $4 }' words.txt)
    r=$(awk '$5 == "Retained" { print $4 }' words.txt)
    awk -v d="$d" -v r="$r" 'BEGIN { exit !(d < 42 && r - d > 19.9 && r - d < 20.1) }' \
        || fail "space-before at page top: discarded at $d, retained at $r"
    # the heading stays with its paragraph, which leaves 2 lines (widows) for the next page
    local h p
    h=$(page_of_text s.pdf "Heading kept")
    p=$(page_of_text s.pdf "Para alpha")
    assert_eq "$p" "$h" "page of the kept heading"
    page_text s.pdf 4 | grep -cv '^\s*$' > n.txt
    assert_eq 2 "$(cat n.txt)" "lines on the last page (widows=2)"
}

test_conformance_table_spans_header_footer() {
    assert_exit 0 "$LIVRABLES" render "$CF/tables.fo" -o t.pdf
    assert_qpdf_clean t.pdf
    assert_eq 3 "$(pdf_pages t.pdf)" pages   # as FOP
    word_boxes t.pdf > words.txt
    # columns 1:1:2 of 128mm (29.6 / 120.3 / 211.0pt, as FOP); the row-spanning cell is
    # centred over its two rows (FOP: 50.9pt), the column-spanning one starts the first
    awk '$1 == 1 && $5 == "b" { exit !($2 > 119.8 && $2 < 120.8) }' words.txt || fail "column 2"
    awk '$1 == 1 && $5 == "H3" { exit !($2 > 210.5 && $2 < 211.5) }' words.txt || fail "column 3"
    awk '$1 == 1 && $5 == "rows" { exit !($4 > 58 && $4 < 62) }' words.txt || fail "row span centring"
    page_text t.pdf 1 > p1.txt
    assert_order p1.txt "H1" "spans two columns" "r12" "Footer"
}

# png_pixel PNG X Y: the colour of a pixel as rrggbb (8-bit RGB or RGBA, not interlaced)
png_pixel() {
    python3 - "$@" <<'PY'
import struct, sys, zlib
data = open(sys.argv[1], "rb").read()
x, y = int(sys.argv[2]), int(sys.argv[3])
pos, idat = 8, b""
while pos < len(data):
    n, kind = struct.unpack(">I4s", data[pos:pos + 8])
    body = data[pos + 8:pos + 8 + n]
    if kind == b"IHDR":
        w, h, depth, ctype = struct.unpack(">IIBB", body[:10])
    elif kind == b"IDAT":
        idat += body
    pos += 12 + n
bpp = {2: 3, 6: 4}[ctype]
raw, stride, prev = zlib.decompress(idat), w * bpp, bytearray(w * bpp)
for row in range(y + 1):
    f, line = raw[row * (stride + 1)], bytearray(raw[row * (stride + 1) + 1:(row + 1) * (stride + 1)])
    for i in range(stride):
        a, b = line[i - bpp] if i >= bpp else 0, prev[i]
        c = prev[i - bpp] if i >= bpp else 0
        if f == 1: line[i] = (line[i] + a) & 255
        elif f == 2: line[i] = (line[i] + b) & 255
        elif f == 3: line[i] = (line[i] + (a + b) // 2) & 255
        elif f == 4:
            p = a + b - c
            pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
            line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
    prev = line
print("%02x%02x%02x" % tuple(prev[x * bpp:x * bpp + 3]))
PY
}

test_conformance_collapsed_borders_over_next_row_background() {
    # 144 dpi: 2 px a point. Each 2pt border is centred on its grid line: its lower half
    # lies over the next row's background (or the footer's), and shows, as in FOP.
    assert_exit 0 "$LIVRABLES" render "$CF/collapse-background.fo" -f png --dpi 144 -o c.png
    assert_exit 0 "$LIVRABLES" render "$CF/collapse-background.fo" -f text -o c.txt
    # page 1: the red border of row 1 from 24.97pt to 26.97pt, row 2 (blue-grey) from 25.97
    assert_contains c.txt 'rect 14.17,24.97 198.43x2.00 #ff0000'
    assert_eq ff0000 "$(png_pixel c-1.png 200 51)" "upper half of the border"
    assert_eq ff0000 "$(png_pixel c-1.png 200 52)" "lower half of the border"
    assert_eq c0c0ff "$(png_pixel c-1.png 200 60)" "row 2 background"
    # page 2: the repeated header's blue border over the first body row
    assert_eq 0000ff "$(png_pixel c-2.png 200 52)" "header border over the body"
    # page 3: the last row's green border over the footer (from 80.97pt)
    assert_contains c.txt 'rect 14.17,79.97 198.43x2.00 #008000'
    assert_eq 008000 "$(png_pixel c-3.png 200 162)" "last row border over the footer"
    assert_eq c0c0c0 "$(png_pixel c-3.png 200 170)" "footer background"
}

test_conformance_collapsed_borders_resolved_with_neighbours_and_table() {
    # 144 dpi: 2 px a point. Every expected colour below is what FOP's PDF shows there.
    assert_exit 0 "$LIVRABLES" render "$CF/collapse-resolve.fo" -f png --dpi 144 -o r.png
    local x y want
    while read -r x y want what; do
        assert_eq "$want" "$(png_pixel r-1.png "$x" "$y")" "$what at ($x, $y)"
    done <<'EOT'
120 70 ffff00 the block before, up to the outer half of the table's top border
120 78 ff0000 the table's 4pt top border, centred on the table's top edge (40.35pt)
120 117 0000ff A's 2pt bottom border centred on the row line (58.35pt)
120 130 00ffff C's background
120 155 ff0000 the table's bottom border, inside the table's last 2pt
120 166 ffff00 the block after the table, from 78.35pt (the table is 38pt high)
400 112 000000 D's 8pt border wins over B's none, centred on the row line
400 122 000000 its lower half
400 140 00ff00 D's background inside its 4pt inner half border
56 100 ff0000 the table's start border, half outside the table
512 100 ff0000 the table's end border, half outside
282 100 0000ff A's 2pt end border wins over B's none
282 60 ffff00 nothing drawn above the table's top border
EOT
}

test_conformance_image_taller_than_the_line_keeps_the_leading() {
    assert_exit 0 "$LIVRABLES" render "$CF/image-line.fo" -f text -o il.txt
    # "y" of a text or image box by what it shows
    local img before after inline_y end_y small
    img=$(awk '$1 == "image" && $4 == "144.00x72.00" { split($3, p, ","); print p[2] }' il.txt)
    before=$(awk '/"Before"$/ { split($2, p, ","); print p[2] }' il.txt)
    after=$(awk '/"After"$/ { split($2, p, ","); print p[2] }' il.txt)
    inline_y=$(awk '/"Inline"$/ { split($2, p, ","); print p[2] }' il.txt)
    end_y=$(awk '/"End"$/ { split($2, p, ","); print p[2] }' il.txt)
    small=$(awk '$1 == "image" && $4 == "72.00x36.00" { split($3, p, ","); print p[2] + 36 }' il.txt)
    # the 100pt viewport, then a full line-height (20pt) to the next baseline, as FOP
    awk -v i="$img" -v a="$after" 'BEGIN { exit !(a - i > 119.99 && a - i < 120.01) }' \
        || fail "After at $after, image top at $img: expected 120pt between them"
    # the viewport starts half a leading below the previous line (28.35 + 20)
    awk -v i="$img" 'BEGIN { exit !(i > 48.35 && i < 58.35) }' || fail "image top at $img"
    # an inline image stands on the baseline; the next baseline is one line-height below
    awk -v s="$small" -v b="$inline_y" 'BEGIN { exit !(s - b < 0.01 && b - s < 0.01) }' \
        || fail "inline image bottom $small, baseline $inline_y"
    awk -v b="$inline_y" -v e="$end_y" 'BEGIN { exit !(e - b > 19.99 && e - b < 20.01) }' \
        || fail "End at $end_y, image line baseline at $inline_y"
    [ -n "$before" ] || fail "no Before"
}

test_conformance_list_item_bodies_drop_their_conditional_spaces() {
    "$LIVRABLES" render "$CF/list-spaces.fo" -o - -f text >dump.txt
    # baselines as FOP places them: the list's 1em before the first item, then one line
    # between items, the third item's own 6pt, the last body's space-after dropped, and a
    # two-line label beside a two-line body
    local gaps
    gaps=$(awk '/^  text / && $NF ~ /^"[A-Z]/ {split($2, p, ","); if (n++) printf "%.2f ", p[2] - y; y = p[2]}' dump.txt)
    assert_eq "22.00 12.00 18.00 12.00 12.00 12.00 " "$gaps" \
        "gaps between the baselines of Avant, the five body lines, Après"
    assert_eq 2 "$(grep -c -E '"(x|y)"$' dump.txt)" "label lines"
}
