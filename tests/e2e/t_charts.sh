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
# a bar from January of its start year over its duration, its years written beside it; the
# start year light (its month is not known) and the legend saying so; in the legend, only
# the priorities the actions have (Cerneux has no priority 3).
test_charts_phasing_agrees_with_fiches() {
    local ex src s
    for ex in $CHART_EXAMPLES depot-partage/cerneux; do
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

# Cerneux's atelier starts on 4 March: its launch marker sat on the rule that starts the
# axis (r9); a month's start before it left an empty February (r10). The axis's days start
# a little after its rule; its months are the steps' own.
test_charts_calendar_first_step_clear_of_the_axis() {
    local src=$ROOT/examples/depot-partage/cerneux/atelier.xml s
    fo_of depot-partage/cerneux cerneux --only note-de-cadrage,livret-de-capitalisation
    for s in $(python3 "$ROOT/tests/e2e/lib/check.py" sites "$src"); do
        charts months "$src" "$s" "cerneux/$s/note-de-cadrage.fo"
    done
    charts calendar-axis-clear $(find cerneux -name '*.fo' | sort)
}

# A calendar legend too long for one line is a grid: labels in columns, rows balanced (r8:
# « Étape à venir » alone under three entries). Vernay's note de cadrage has four entries.
test_charts_calendar_legend_in_a_grid() {
    local dep=$ROOT/examples/depot-partage
    assert_exit 0 "$LIVRABLES" build "$dep/vernay/atelier.xml" -o vernay --format fo --only note-de-cadrage,carnet-de-suivi
    charts legend-grid vernay/*/*.fo >grid.txt || { cat grid.txt; fail "a legend out of its grid"; }
    grep -q '^[1-9][0-9]* legends on several lines' grid.txt || fail "no legend on several lines: $(cat grid.txt)"
}

# The calendar as its deliverable saw it on its date: what starts later is drawn to come
# (hollow), a period of work over by then is drawn done, and the legend explains every kind
# of mark drawn (meetings held, to come, not held; periods done, to come) and nothing else.
test_charts_calendar_as_of_the_deliverable_with_its_legend() {
    local ex src s k
    for ex in $CHART_EXAMPLES; do
        src=$ROOT/examples/$ex/atelier.xml
        fo_of "$ex" "$ex" --only note-de-cadrage,carnet-de-suivi,livret-de-capitalisation
        for s in $(python3 "$ROOT/tests/e2e/lib/check.py" sites "$src"); do
            for k in note-de-cadrage carnet-de-suivi; do
                charts calendar "$src" "$s" "$ex/$s/$k.fo" "$k"
            done
        done
        charts calendar "$src" - "$ex/livret-de-capitalisation.fo" livret-de-capitalisation
    done
}

# Sessions are named one way everywhere ("Séance 2 — …", never "Séance 2 :"), with their
# title only once held by the deliverable's date: a note de cadrage, written before, names
# them by type and does not show the site's <gouvernance> (the feuille de route's, decided
# later). The carnet's progress table gives both days of a two-day session. Bookmarks are
# numbered like the headings ("2 Séance 1 — …", no "2. ").
test_charts_session_labels_as_of_the_deliverable() {
    local ex src dir
    for ex in $CHART_EXAMPLES; do
        src=$ROOT/examples/$ex/atelier.xml
        dir=$(built_example "$ex")
        PYTHONPATH=$ROOT/tests/e2e/lib /usr/bin/python3 - "$src" "$dir" <<'PY' || return 1
import glob, json, re, subprocess, sys
import atelier as at, truth as tr
from atelier import A
src, out = sys.argv[1:]
root = at.load(src)
def text(pdf):
    return at.norm(subprocess.run(["pdftotext", pdf, "-"], check=True, capture_output=True, text=True).stdout)
def fail(msg):
    sys.exit("FAIL: " + msg)
for pdf in sorted(glob.glob(out + "/**/*.pdf", recursive=True)):
    t = text(pdf)
    m = re.search(r"Séance \d+ ?:", t)
    if m:
        fail("%s: a session named with a colon: %r" % (pdf, t[m.start():m.start() + 60]))
    outl = json.loads(subprocess.run(["qpdf", "--json", pdf], check=True, capture_output=True).stdout)
    def walk(items):
        for o in items:
            yield o["title"]
            yield from walk(o.get("kids", []))
    dotted = [b for b in walk(outl.get("outlines", [])) if re.match(r"\d+\. ", b)]
    if dotted:
        fail("%s: bookmarks numbered '1. …' unlike the headings: %s" % (pdf, dotted[:3]))
n = 0
for s in at.sites(root):
    sid = s.get("id")
    note = text("%s/%s/note-de-cadrage.pdf" % (out, sid))
    as_of = tr.deliverable_date(root, s, "note-de-cadrage")
    for se in s.findall("%sseances/%sseance" % (A, A)):
        title = se.find(A + "titre")
        generic = {"diagnostic": "Diagnostic", "strategie": "Stratégie", "feuille-de-route": "Feuille de route"}
        if title is not None and se.get("date") > as_of and at.norm(at.text(title)) != generic.get(se.get("type")) and \
                re.search(r"Séance %s — %s" % (se.get("numero"), re.escape(at.norm(at.text(title)))), note):
            fail("%s note de cadrage (%s) names session %s by its later title" % (sid, as_of, se.get("numero")))
    for inst in s.findall("%sgouvernance/%sinstance" % (A, A)):
        if at.norm(inst.get("nom")) in note:
            fail("%s note de cadrage shows the feuille de route's body %r" % (sid, inst.get("nom")))
    carnet = text("%s/%s/carnet-de-suivi.pdf" % (out, sid))
    table = carnet[carnet.find("État au"):]
    for se in s.findall("%sseances/%sseance" % (A, A)):
        d, f = se.get("date"), se.get("fin")
        if f and f != d:
            if not re.search(r"\b%s %s" % (se.get("numero"), at.date_range_pattern(d, f)), table):
                fail("%s carnet: session %s not dated %s in its progress table" % (sid, se.get("numero"), at.date_range_pattern(d, f)))
            n += 1
# a one-site atelier's livret: its calendar names the site's sessions as its carnet does
if len(at.sites(root)) == 1:
    s = at.sites(root)[0]
    livret = text("%s/livret-de-capitalisation.pdf" % out)
    for se in s.findall("%sseances/%sseance" % (A, A)):
        title = se.find(A + "titre")
        if title is not None and not re.search(r"Séance %s — %s" % (se.get("numero"), re.escape(at.norm(at.text(title)))), livret):
            fail("the livret's calendar does not name session %s « %s »" % (se.get("numero"), at.text(title)))
print("session labels, governance, bookmarks checked; %d two-day sessions dated" % n)
PY
    done
}

# The chart of costs by horizon (livret of the multisite atelier, shared dossier of two
# ateliers): each segment's amount printed, equal to the sources' sums by horizon; series
# colours 3:1 apart and from white, under every charter; an amount too wide for its segment
# after the bar's total. It can fail: a charter with the former second blue, 1.96:1 from the
# first.
test_charts_stacked_amounts_and_contrast() {
    local ms=$ROOT/examples/atelier-multisite/atelier.xml dep=$ROOT/examples/depot-partage style
    for style in etat base neutre; do
        fo_of atelier-multisite "$style" --style "$ROOT/styles/$style.xsl" --only livret-de-capitalisation
        assert_exit 0 "$LIVRABLES" build "$ms" -o "$style" --style "$ROOT/styles/$style.xsl" --only livret-de-capitalisation
        charts stacked "$style/livret-de-capitalisation.fo" "$style/livret-de-capitalisation.pdf" "$ms" ||
            fail "livret's chart under $style"
    done
    assert_exit 0 "$LIVRABLES" dossier "$dep/cerneux/atelier.xml" "$dep/vernay/atelier.xml" -o dossier.fo --format fo
    assert_exit 0 "$LIVRABLES" dossier "$dep/cerneux/atelier.xml" "$dep/vernay/atelier.xml" -o dossier.pdf
    charts stacked dossier.fo dossier.pdf "$dep/cerneux/atelier.xml" "$dep/vernay/atelier.xml" ||
        fail "shared dossier's chart"
    # a segment too narrow for its amount (Cerneux's 45 000 € abri vélos at moyen terme): the
    # amount follows the bar's total, named by its horizon
    cp -r "$dep" dp
    sed -i '/numero="1.1.2"/s/horizon="court"/horizon="moyen"/' dp/cerneux/sites/cerneux-les-forges.xml
    assert_exit 0 "$LIVRABLES" dossier dp/cerneux/atelier.xml dp/vernay/atelier.xml -o dp.fo --format fo
    assert_exit 0 "$LIVRABLES" dossier dp/cerneux/atelier.xml dp/vernay/atelier.xml -o dp.pdf
    charts stacked dp.fo dp.pdf dp/cerneux/atelier.xml dp/vernay/atelier.xml || fail "a narrow segment's amount"
    charts fit dp.fo >/dev/null || fail "the chart with a narrow segment does not fit"
    pdftotext dp.pdf dp.txt
    grep -q "765 000 € (moyen terme : 45 000 €)" dp.txt || fail "the narrow segment's amount not after the total"
    cat >old.xsl <<XSL
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="$ROOT/styles/etat.xsl"/>
  <xsl:param name="color-chart-2" select="'#3A3AD6'"/>
</xsl:stylesheet>
XSL
    fo_of atelier-multisite old --style "$PWD/old.xsl" --only livret-de-capitalisation
    ! charts stacked old/livret-de-capitalisation.fo etat/livret-de-capitalisation.pdf "$ms" 2>bad.txt ||
        fail "the former blues passed"
    assert_contains bad.txt "under 3:1"
}
