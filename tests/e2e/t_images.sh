# End-to-end tests of images: bitmaps cairo does not read (GIF, TIFF, BMP) through gdk-pixbuf,
# data: URIs (RFC 2397), and images that cannot be had (missing, remote): a warning, and a
# box that keeps the size it was given. Fixtures: tests/fo/images (make-images.py).

IMAGES=$ROOT/tests/fo/images

test_images_formats_and_data_uris() {
    local fo=$IMAGES/formats.fo
    assert_exit 0 "$LIVRABLES" render "$fo" -o f.pdf
    assert_eq "$fo:15: warning: image 'absente.png' not found
$fo:16: warning: image 'https://example.org/logo.png': network images are not fetched" "$(cat out.txt)"
    pdfimages -list f.pdf | tail -n +3 >images.txt
    # GIF, TIFF and BMP: the same 24 x 16 pixels; the PNG of the data: URI at its own size
    assert_eq 3 "$(awk '$4 == 24 && $5 == 16' images.txt | wc -l)" "24x16 bitmaps (GIF, TIFF, BMP)"
    assert_eq 1 "$(awk '$4 == 67 && $5 == 94' images.txt | wc -l)" "the PNG of the data: URI"
    "$LIVRABLES" render "$fo" -o - -f text 2>/dev/null >dump.txt
    assert_contains dump.txt 'image raster'
    assert_contains dump.txt 'frame.gif"'
    assert_contains dump.txt 'frame.tiff"'
    assert_contains dump.txt 'image svg'
    grep -q 'image svg [0-9.,]* 40.00x20.00 <data: [0-9]* bytes>' dump.txt || fail "the SVG data: URI at 40x20"
    qpdf --check f.pdf >check.txt 2>&1 || { cat check.txt; fail "qpdf --check"; }
}

test_images_missing_keeps_its_box() {
    "$LIVRABLES" render "$IMAGES/formats.fo" -o - -f text 2>/dev/null >dump.txt
    # "Absente avant" then a 3cm box (85.04pt) then "après": the same x as with a real image
    local x1 w1 x2
    x1=$(awk '/"Absente avant"$/ {split($2, p, ","); print p[1]}' dump.txt)
    x2=$(awk '/"après"$/ {split($2, p, ","); print p[1]}' dump.txt)
    w1=$(awk -v x="$x1" -v y="$x2" 'BEGIN { print y - x }')
    awk -v w="$w1" 'BEGIN { exit !(w > 85.04 + 60 && w < 85.04 + 100) }' ||
        fail "'après' is $w1 pt after 'Absente avant': the missing image lost its 3cm box"
}

# An SVG is drawn within its viewport, as FOP and browsers clip the outermost svg element:
# a stroke drawn past its viewBox stops at the image's edge instead of running over the page.
test_images_svg_clipped_to_its_viewport() {
    cat >wide.svg <<'EOF_SVG'
<svg xmlns="http://www.w3.org/2000/svg" width="100" height="50" viewBox="0 0 100 50">
  <rect width="100" height="50" fill="#ccc"/>
  <path d="M0,25 L300,25" stroke="#000" stroke-width="20"/>
</svg>
EOF_SVG
    cat >wide.fo <<'EOF_FO'
<?xml version="1.0" encoding="UTF-8"?>
<fo:root xmlns:fo="http://www.w3.org/1999/XSL/Format">
<fo:layout-master-set><fo:simple-page-master master-name="p" page-width="200pt"
 page-height="100pt" margin="0pt"><fo:region-body/></fo:simple-page-master></fo:layout-master-set>
<fo:page-sequence master-reference="p"><fo:flow flow-name="xsl-region-body">
<fo:block line-height="0"><fo:external-graphic src="wide.svg" content-width="100pt"
 content-height="50pt"/></fo:block>
</fo:flow></fo:page-sequence></fo:root>
EOF_FO
    assert_exit 0 "$LIVRABLES" render wide.fo -o wide.pdf
    pdftoppm -r 72 -gray wide.pdf wide
    # grey levels at (50,25) within the image, (150,25) on the stroke's line past it
    /usr/bin/python3 - wide-1.pgm >levels.txt <<'EOF_PY'
import sys
data = open(sys.argv[1], 'rb').read()
fields, pos = [], 0
while len(fields) < 4:  # P5, width, height, maxval
    while data[pos:pos + 1].isspace():
        pos += 1
    end = pos
    while not data[end:end + 1].isspace():
        end += 1
    fields.append(data[pos:end])
    pos = end
width = int(fields[1])
pixels = data[pos + 1:]
print(pixels[25 * width + 50], pixels[25 * width + 150])
EOF_PY
    assert_eq "0 255" "$(cat levels.txt)" "grey levels: the stroke within the image, white past it"
}
