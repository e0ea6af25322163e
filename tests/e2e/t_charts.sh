# End-to-end tests of the SVG charts the stylesheets draw: labels measured with the real
# fonts (checked with librsvg's own text extents, under the charters and a charter in
# DejaVu Sans, wider than Liberation Sans), the calendar's months and a site's own session
# dates, and a phasing chart that agrees with the fiches. Expected values come from the
# sources (tests/e2e/lib/charts.py, tests/e2e/lib/atelier.py).

# charts CMD ARGS...: tests/e2e/lib/charts.py under Debian's python (python3-gi, Rsvg)
charts() { PYTHONPATH=$ROOT/tests/e2e/lib /usr/bin/python3 "$ROOT/tests/e2e/lib/charts.py" "$@"; }

CHART_EXAMPLES="atelier-flash atelier-multisite"

# fo_of EXAMPLE DIR [BUILD OPTION...]: builds the FO of every deliverable of an example
fo_of() {
    local ex=$1 dir=$2
    shift 2
    assert_exit 0 "$LIVRABLES" build "$ROOT/examples/$ex/atelier.xml" -o "$dir" --format fo "$@"
}

# assert_charts_fit DIR: every chart of every FO under DIR fits (at least a few charts: four
# for the one-site atelier flash, whose livret says its budget in a sentence, not a one-bar chart)
assert_charts_fit() {
    local n
    charts fit $(find "$1" -name '*.fo' | sort) >fit.txt || { cat fit.txt; return 1; }
    cat fit.txt
    n=$(cut -d' ' -f1 fit.txt)
    [ "$n" -ge 4 ] || fail "only $n charts found under $1"
}

test_charts_fit_with_each_charter() {
    local ex style
    for style in etat neutre; do
        for ex in $CHART_EXAMPLES; do
            fo_of "$ex" "$style-$ex" --style "$style"
            assert_charts_fit "$style-$ex"
        done
    done
}

# A charter of the user's with a wider font: the labels are measured in it, so they still
# neither overflow their column nor run out of the chart.
test_charts_fit_with_a_dejavu_charter() {
    local ex
    fc-list ':family=DejaVu Sans' family | grep -q . || fail "DejaVu Sans is not installed"
    cat >dejavu.xsl <<XSL
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="$ROOT/styles/etat.xsl"/>
  <xsl:param name="font-body" select="'DejaVu Sans'"/>
  <xsl:param name="font-heading" select="'DejaVu Sans'"/>
  <xsl:param name="font-chart" select="'DejaVu Sans'"/>
</xsl:stylesheet>
XSL
    for ex in $CHART_EXAMPLES; do
        fo_of "$ex" "dejavu-$ex" --style "$PWD/dejavu.xsl"
        grep -q "font-family=\"DejaVu Sans\"" "dejavu-$ex/livret-de-capitalisation.fo" ||
            fail "the charter's chart font is not in the SVG"
        assert_charts_fit "dejavu-$ex"
    done
}

# The phasing chart of each site: its open actions only, in order, each with its title and
# a bar from January of its start year over its duration, its years written beside it.
test_charts_phasing_agrees_with_fiches() {
    local ex src s
    for ex in $CHART_EXAMPLES; do
        src=$ROOT/examples/$ex/atelier.xml
        fo_of "$ex" "$ex" --only feuille-de-route
        for s in $(python3 "$ROOT/tests/e2e/lib/check.py" sites "$src"); do
            charts phasing "$src" "$s" "$ex/$s/feuille-de-route.fo"
        done
    done
}

# The calendar of a site's deliverables: every month from the first step to the last is
# named, with a row for each of the site's sessions; the calendar table gives the site's
# session dates, not the atelier's.
test_charts_calendar_months_and_site_sessions() {
    local ex src s dir
    for ex in $CHART_EXAMPLES; do
        src=$ROOT/examples/$ex/atelier.xml
        fo_of "$ex" "$ex" --only note-de-cadrage,carnet-de-suivi
        dir=$(built_example "$ex")
        for s in $(python3 "$ROOT/tests/e2e/lib/check.py" sites "$src"); do
            charts months "$src" "$s" "$ex/$s/carnet-de-suivi.fo"
            charts months "$src" "$s" "$ex/$s/note-de-cadrage.fo"
            pdftotext "$dir/$s/note-de-cadrage.pdf" ndc.txt
            PYTHONPATH=$ROOT/tests/e2e/lib python3 - "$src" "$s" ndc.txt <<'PY'
import re, sys
import atelier
src, site_id, txt = sys.argv[1:]
text = atelier.norm(open(txt).read())
for x in atelier.site(atelier.load(src), site_id).iter(atelier.A + "seance"):
    d, f = x.get("date"), x.get("fin")
    pat = atelier.date_range_pattern(d, f) if f and f != d else re.escape(atelier.date(d))
    if not re.search(pat, text):
        sys.exit("session %s of %s (%s): its date is not in the calendar table" % (x.get("numero"), site_id, pat))
print(site_id, "sessions dated as the site's")
PY
        done
    done
}
