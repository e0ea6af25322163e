# End-to-end tests of action plans kept in spreadsheets (<plan-actions href="plan.ods"/>):
# the same plan as ODS, XLSX and CSV (written by tests/sheets/make_plans.py, each typed the
# way its program types it) gives the feuille de route the plan stands for, checked against
# values computed from the CSV by Python (tests/e2e/lib/sheet_expect.py, then check.py);
# bad cells are reported at the cell with their exact message; export-plan round-trips; the
# spreadsheet is a dependency of its site's outputs only.

SHEET_SITE=vernay-sur-loue

sheets_check() { python3 "$ROOT/tests/e2e/lib/check.py" "$@"; }
# the financing plan by state (acquis, sollicité, à rechercher) is checked by check_truth.py
sheets_financing() { python3 "$ROOT/tests/e2e/lib/check_truth.py" financing "$@"; }

# sheet_site: ./site, the atelier-flash example whose action plan is replaced by a
# <plan-actions/> element (href plan.ods), with the fixture spreadsheets next to it.
sheet_site() {
    cp -R "$ROOT/examples/atelier-flash" site
    python3 "$ROOT/tests/sheets/make_plans.py" site
    python3 - site/atelier.xml <<'PY'
import re, sys
p = sys.argv[1]
s = open(p, encoding="utf-8").read()
s = re.sub(r"(</vision>).*?(</strategie>)", r'\1\n      <plan-actions href="plan.ods"/>\n    \2', s, flags=re.S)
open(p, "w", encoding="utf-8").write(s)
PY
}

# plan_source HREF [FINANCEMENTS]: site/plan-HREF.xml, the site reading that spreadsheet
plan_source() {
    local fin=""
    [ -n "${2:-}" ] && fin=" financements=\"$2\""
    sed "s|<plan-actions href=\"plan.ods\"/>|<plan-actions href=\"$1\"$fin/>|" site/atelier.xml >"site/plan-$1.xml"
    echo "site/plan-$1.xml"
}

# build_plan SRC OUT: the feuille de route of SRC into OUT, checked against the CSV plan
build_plan() {
    "$LIVRABLES" build "$1" -o "$2" --only feuille-de-route >build.log 2>&1 || { cat build.log; fail "build of $1"; }
    python3 "$ROOT/tests/e2e/lib/sheet_expect.py" site/atelier.xml site/plan.csv site/plan-financements.csv expected.xml
    sheets_check actions expected.xml "$SHEET_SITE" "$2/$SHEET_SITE/feuille-de-route.pdf"
    sheets_financing expected.xml "$SHEET_SITE" "$2/$SHEET_SITE/feuille-de-route.pdf"
}

test_sheets_ods_plan_in_feuille_de_route() {
    sheet_site
    build_plan site/atelier.xml out
    # a typed date (2026-03-01) gives the year, a text amount its value
    pdf_text out/$SHEET_SITE/feuille-de-route.pdf >fdr.txt
    assert_contains fdr.txt "1 400 000 €"
    assert_contains fdr.txt "12 500,50 €"
}

test_sheets_xlsx_plan_in_feuille_de_route() {
    sheet_site
    build_plan "$(plan_source plan.xlsx)" out
}

test_sheets_csv_plan_in_feuille_de_route() {
    sheet_site
    build_plan "$(plan_source plan.csv plan-financements.csv)" out
}

test_sheets_three_formats_give_the_same_pdf_text() {
    sheet_site
    "$LIVRABLES" build site/atelier.xml -o ods --only feuille-de-route 2>/dev/null
    "$LIVRABLES" build "$(plan_source plan.xlsx)" -o xlsx --only feuille-de-route 2>/dev/null
    "$LIVRABLES" build "$(plan_source plan.csv plan-financements.csv)" -o csv --only feuille-de-route 2>/dev/null
    for f in ods xlsx csv; do pdf_text $f/$SHEET_SITE/feuille-de-route.pdf >$f.txt; done
    cmp ods.txt xlsx.txt || { diff ods.txt xlsx.txt | head -20; fail "ODS and XLSX plans differ"; }
    cmp ods.txt csv.txt || { diff ods.txt csv.txt | head -20; fail "ODS and CSV plans differ"; }
}

# The errors planted by make_plans.py, at their cells, and nothing written.
test_sheets_bad_cells_are_named() {
    sheet_site
    local f src
    for f in bad.ods bad.xlsx bad.csv; do
        case $f in
            *.csv) src=$(plan_source $f plan-financements.csv) ;;
            *) src=$(plan_source $f) ;;
        esac
        assert_exit 1 "$LIVRABLES" build "$src" -o out --only feuille-de-route
        grep -v Marianne out.txt >got.txt || true
        local sheet="" e4=E6 n5=N7 f5=F7
        case $f in
            bad.ods) sheet=Actions: ;;
            bad.xlsx) sheet=ACTIONS: e4=E4 n5=N5 f5=F5 ;;
            bad.csv) e4=E4 n5=N5 f5=F5 ;;
        esac
        # ODS: two empty rows after the second action move the later ones down
        cat >want.txt <<WANT
site/$f:${sheet}M2: error: priorite 'haute': allowed values are 1, 2, 3
site/$f:${sheet}O3: error: cout '50.000' is ambiguous: write 50000 or 50 000 for fifty thousand
site/$f:${sheet}$e4: error: numero '3.1.1' is not under objectif '2.1'
site/$f:${sheet}$n5: error: statut 'terminée': allowed values are a-lancer, en-cours, realisee, abandonnee
site/$f:${sheet}$f5: error: titre is empty, but it is required
WANT
        diff want.txt got.txt || fail "messages for $f"
        [ ! -e out/$SHEET_SITE/feuille-de-route.pdf ] || fail "a PDF was written from $f"
    done
}

test_sheets_missing_column_and_sheet() {
    sheet_site
    printf 'numero;titre\n1.1.1;Une action\n' >site/short.csv
    assert_exit 1 "$LIVRABLES" validate "$(plan_source short.csv)"
    assert_contains out.txt "site/short.csv: error: missing columns: axe-titre, objectif-titre, description, porteur, horizon, priorite, statut (the first row holds the headers; known columns: axe, axe-titre,"
    printf 'axe;axe-titre;objectif;objectif-titre;numero;titre;description;porteur;horizon;priorite;statut\n' >site/empty.csv
    assert_exit 1 "$LIVRABLES" validate "$(plan_source empty.csv)"
    assert_eq "site/empty.csv: error: no action under the headers, and no axe written in the source" "$(cat out.txt)"
    python3 - site/plan.ods site/renamed.ods <<'PY'
import sys, zipfile
with zipfile.ZipFile(sys.argv[1]) as i, zipfile.ZipFile(sys.argv[2], "w") as o:
    for m in i.infolist():
        data = i.read(m)
        o.writestr(m, data.replace(b'table:name="Actions"', b'table:name="Feuille1"') if m.filename == "content.xml" else data)
PY
    assert_exit 1 "$LIVRABLES" validate "$(plan_source renamed.ods)"
    assert_eq "site/renamed.ods: error: no sheet named 'actions' (sheets: Feuille1, financements)" "$(cat out.txt)"
    assert_exit 1 "$LIVRABLES" validate "$(plan_source missing.ods)"
    assert_contains out.txt "site/plan-missing.ods.xml:"
    assert_contains out.txt "cannot open the spreadsheet: No such file or directory"
}

test_sheets_plan_outside_the_folder_is_refused() {
    sheet_site
    cp site/plan.ods plan.ods
    sed 's|href="plan.ods"|href="../plan.ods"|' site/atelier.xml >site/outside.xml
    assert_exit 1 "$LIVRABLES" validate site/outside.xml
    assert_contains out.txt "site/outside.xml:"
    assert_contains out.txt "error: action plan '../plan.ods' is outside the atelier's folder"
}

# import -> export -> import: the second export equals the first (it writes every element of
# the plan), and the PDFs read the same.
test_sheets_export_round_trip() {
    sheet_site
    local fmt
    for fmt in ods xlsx csv; do
        "$LIVRABLES" export-plan site/atelier.xml -o site/a.$fmt 2>err.txt || { cat err.txt; fail "export to $fmt"; }
        [ ! -s err.txt ] || { cat err.txt; fail "export of a spreadsheet plan warned"; }
        local src
        if [ $fmt = csv ]; then src=$(plan_source a.csv a-financements.csv); else src=$(plan_source a.$fmt); fi
        "$LIVRABLES" export-plan "$src" -o site/b.$fmt
        cmp site/a.$fmt site/b.$fmt || fail "export of the re-imported $fmt plan differs"
        [ $fmt != csv ] || cmp site/a-financements.csv site/b-financements.csv || fail "financements CSV differs"
        build_plan "$src" out-$fmt
    done
}

# A hand-written plan exported and read back gives a feuille de route with the same actions
# and financing as the source (check.py reads them from the inline plan).
test_sheets_export_of_an_inline_plan() {
    cp -R "$ROOT/examples/atelier-flash" site
    "$LIVRABLES" export-plan site/atelier.xml -o site/plan.ods 2>warn.txt
    assert_contains warn.txt "warning: outil of action 1.1.1 holds markup (sigle)"
    python3 - site/atelier.xml <<'PY'
import re, sys
p = sys.argv[1]
s = open(p, encoding="utf-8").read()
s = re.sub(r"(</vision>).*?(</strategie>)", r'\1<plan-actions href="plan.ods"/>\2', s, flags=re.S)
open(p + ".sheet.xml", "w", encoding="utf-8").write(s)
PY
    "$LIVRABLES" build site/atelier.xml.sheet.xml -o out --only feuille-de-route 2>/dev/null
    sheets_check actions site/atelier.xml "$SHEET_SITE" out/$SHEET_SITE/feuille-de-route.pdf
    sheets_financing site/atelier.xml "$SHEET_SITE" out/$SHEET_SITE/feuille-de-route.pdf
}

test_sheets_export_usage() {
    assert_exit 2 "$LIVRABLES" export-plan
    assert_exit 2 "$LIVRABLES" export-plan "$ROOT/examples/atelier-flash/atelier.xml" -o plan.txt
    assert_contains out.txt "the output must end in .ods, .xlsx or .csv"
    assert_exit 1 "$LIVRABLES" export-plan "$ROOT/examples/atelier-multisite/atelier.xml" -o plan.ods
    assert_contains out.txt "error: 3 sites have an action plan: choose one with --site"
    [ ! -e plan.ods ] || fail "plan.ods written after an error"
    "$LIVRABLES" export-plan --help >help.txt
    assert_contains help.txt "PLAN-financements.csv"
}

# The spreadsheet is an input of its site's outputs, not of the other sites'.
test_sheets_depfile_lists_the_spreadsheet_for_its_site_only() {
    cp -R "$ROOT/examples/atelier-multisite" ms
    "$LIVRABLES" export-plan --site garrigues-hautes ms/atelier.xml -o ms/sites/gar-plan.ods 2>/dev/null
    python3 - ms/sites/garrigues-hautes.xml <<'PY'
import re, sys
p = sys.argv[1]
s = open(p, encoding="utf-8").read()
s = re.sub(r"(</vision>).*?(</strategie>)", r'\1<plan-actions href="gar-plan.ods"/>\2', s, flags=re.S)
open(p, "w", encoding="utf-8").write(s)
PY
    "$LIVRABLES" build ms/atelier.xml -o out --only feuille-de-route -M deps.d 2>/dev/null || fail "build"
    python3 - deps.d <<'PY' || fail "depfile"
import re, sys
rules = {}
for target, deps in re.findall(r"^(\S+):((?:.*\\\n)*.*)$", open(sys.argv[1]).read(), re.M):
    rules[target] = deps
gar = [t for t in rules if "garrigues-hautes/" in t]
other = [t for t in rules if "/feuille-de-route.pdf" in t and "garrigues-hautes/" not in t]
assert gar and other, rules.keys()
for t in gar:
    assert "ms/sites/gar-plan.ods" in rules[t], (t, rules[t])
for t in other:
    assert "gar-plan.ods" not in rules[t], (t, rules[t])
PY
}

# What only the schema catches in a generated element is reported at its cell too; a CSV plan
# without financements= has no financing lines (its one sheet is the actions).
test_sheets_schema_errors_name_the_cell() {
    sheet_site
    printf 'axe;axe-titre;objectif;objectif-titre;numero;id;titre;description;porteur;horizon;priorite;statut\n1;A;1.1;O;1.1.1;Bad_Id;T;D;P;court;1;a lancer\n' >site/ids.csv
    assert_exit 1 "$LIVRABLES" validate "$(plan_source ids.csv)"
    assert_eq "site/ids.csv:E2: error: action 1.1.1: id 'Bad_Id' is not valid (expected: lower-case letters, digits and hyphens, such as val-de-drome)" "$(cat out.txt)"
    sed -i 's/Bad_Id/bonne-id/' site/ids.csv
    assert_exit 0 "$LIVRABLES" validate "site/plan-ids.csv.xml"
    assert_eq "" "$(cat out.txt)" "output of validate"
}
