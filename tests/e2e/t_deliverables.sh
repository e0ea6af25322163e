# End-to-end tests of `livrables build` on the examples: every deliverable of every site is
# written and sound (qpdf, embedded fonts, a cover), and its text matches the source: the
# actions of the feuille de route (its financing: t_truth.sh), the held sessions of the carnet de
# suivi, the sites of the livret, table-of-contents page numbers. Expected values are
# computed from the source XML by tests/e2e/lib/check.py, never written here.

DELIVERABLES="note-de-cadrage carnet-de-suivi rapport-final feuille-de-route"
MIN_PAGES=3                             # a cover, a table of contents, a body

check() { python3 "$ROOT/tests/e2e/lib/check.py" "$@"; }

# example_source NAME: the atelier.xml of examples/NAME
example_source() { echo "$ROOT/examples/$1/atelier.xml"; }

# examples_dir: where the examples are built, once per run: under the harness's scratch
# directory (each test runs in a subshell of run.sh, which owns $scratch and removes it at
# exit), so that concurrent runs never share it; E2E_EXAMPLES overrides it to keep them.
examples_dir() { echo "${E2E_EXAMPLES:-${scratch:?run by tests/e2e/run.sh}/examples}"; }

# built_example NAME: prints the directory where examples/NAME is built with the default
# options; builds it at the first call of the run (later tests reuse it). A failed build is
# remembered (NAME.failed) and fails every caller.
built_example() {
    local dir rc=0
    dir=$(examples_dir)/$1
    if [ ! -d "$dir" ] && [ ! -e "$dir.failed" ]; then
        mkdir -p "$(examples_dir)"
        "$LIVRABLES" build "$(example_source "$1")" -o "$dir.tmp" >"$dir.log" 2>&1 || rc=$?
        if [ "$rc" = 0 ]; then
            mv "$dir.tmp" "$dir"
        else
            echo "exit $rc" >>"$dir.log"
            mv "$dir.log" "$dir.failed"
        fi
    fi
    if [ -e "$dir.failed" ]; then
        cat "$dir.failed" >&2
        fail "build of examples/$1 failed" || return 1
    fi
    echo "$dir"
}

# deliverable_title NAME: the French name printed on the cover
deliverable_title() {
    case $1 in
        note-de-cadrage) echo "Note de cadrage" ;;
        carnet-de-suivi) echo "Carnet de suivi" ;;
        rapport-final) echo "Rapport final" ;;
        feuille-de-route) echo "Feuille de route" ;;
        livret-de-capitalisation) echo "Livret de capitalisation" ;;
    esac
}

# assert_sound_pdf PDF SOURCE SITE DELIVERABLE: qpdf-clean, fonts embedded, a cover page,
# more than MIN_PAGES pages.
assert_sound_pdf() {
    local pdf=$1 n
    [ -f "$pdf" ] || fail "$pdf missing" || return 1
    assert_qpdf_clean "$pdf"
    pdffonts "$pdf" >fonts.txt
    [ "$(awk 'NR > 2' fonts.txt | wc -l)" -gt 0 ] || fail "$pdf: no font"
    [ "$(awk 'NR > 2 {print $(NF-4)}' fonts.txt | sort -u)" = "yes" ] ||
        { cat fonts.txt; fail "$pdf: a font is not embedded"; }
    n=$(pdf_pages "$pdf")
    [ "$n" -gt "$MIN_PAGES" ] || fail "$pdf: $n pages, expected more than $MIN_PAGES"
    check cover "$2" "$3" "$pdf" "$(deliverable_title "$4")" || fail "$pdf: cover"
}

# assert_example_complete NAME: every deliverable of every site of examples/NAME
assert_example_complete() {
    local src dir s d
    src=$(example_source "$1")
    dir=$(built_example "$1")
    # exactly one directory per site of the source
    assert_eq "$(check sites "$src" | sort)" "$(cd "$dir" && find . -mindepth 1 -maxdepth 1 -type d | sed 's|^\./||' | sort)" \
        "site directories of $1"
    for s in $(check sites "$src"); do
        for d in $DELIVERABLES; do
            assert_sound_pdf "$dir/$s/$d.pdf" "$src" "$s" "$d"
            assert_contains "$(examples_dir)/$1.log" "wrote $dir.tmp/$s/$d.pdf"
        done
    done
    assert_sound_pdf "$dir/livret-de-capitalisation.pdf" "$src" "" livret-de-capitalisation
    assert_contains "$(examples_dir)/$1.log" "wrote $dir.tmp/livret-de-capitalisation.pdf"
}

# check_every_site KIND DELIVERABLE MESSAGE: `check KIND SOURCE SITE PDF` for every site
# of both examples, PDF being the site's DELIVERABLE; fails with MESSAGE if any site fails.
check_every_site() {
    local kind=$1 deliverable=$2 message=$3 ex src dir s failed=0
    for ex in atelier-flash atelier-multisite; do
        src=$(example_source "$ex")
        dir=$(built_example "$ex")
        for s in $(check sites "$src"); do
            check "$kind" "$src" "$s" "$dir/$s/$deliverable.pdf" || { echo "  in $ex/$s"; failed=1; }
        done
    done
    [ "$failed" = 0 ] || fail "$message"
}

test_deliverables_flash_all_built() { assert_example_complete atelier-flash; }

test_deliverables_multisite_all_built() { assert_example_complete atelier-multisite; }

test_deliverables_build_is_quiet_but_for_progress() {
    # no error; warnings only the expected one about a missing Marianne font (etat charter)
    for ex in atelier-flash atelier-multisite; do
        built_example "$ex" >/dev/null
        grep -v -E '^wrote |warning: .*Marianne' "$(examples_dir)/$ex.log" >rest.txt || true
        [ ! -s rest.txt ] || { cat rest.txt; fail "unexpected output building $ex"; }
    done
}

test_deliverables_toc_points_at_headings() {
    local ex src dir s d failed=0
    for ex in atelier-flash atelier-multisite; do
        src=$(example_source "$ex")
        dir=$(built_example "$ex")
        for s in $(check sites "$src"); do
            for d in $DELIVERABLES; do
                check toc "$dir/$s/$d.pdf" || { echo "  in $ex/$s/$d.pdf"; failed=1; }
            done
        done
        check toc "$dir/livret-de-capitalisation.pdf" || { echo "  in $ex/livret"; failed=1; }
    done
    [ "$failed" = 0 ] || fail "table of contents"
}

test_deliverables_chapters_in_expected_order() {
    # the chapters the templates produce for this source, in the TOC and the body alike
    local ex src dir s d failed=0
    for ex in atelier-flash atelier-multisite; do
        src=$(example_source "$ex")
        dir=$(built_example "$ex")
        for s in $(check sites "$src"); do
            for d in feuille-de-route carnet-de-suivi; do
                mapfile -t chapters < <(check chapters "$src" "$s" "$d")
                [ "${#chapters[@]}" -gt 0 ] || fail "no expected chapter for $d"
                check toc "$dir/$s/$d.pdf" "${chapters[@]}" || { echo "  in $ex/$s/$d.pdf"; failed=1; }
            done
        done
    done
    [ "$failed" = 0 ] || fail "chapters"
}

test_deliverables_feuille_de_route_actions() {
    check_every_site actions feuille-de-route "actions of the feuille de route"
}

# The note de cadrage's chapter 1 opens on the site: its name, départements, population.
test_deliverables_cadrage_box_says_the_site() {
    check_every_site cadrage-box note-de-cadrage "opening box of the note de cadrage"
}

test_deliverables_carnet_held_sessions() {
    check_every_site sessions carnet-de-suivi "sessions of the carnet de suivi"
}

test_deliverables_livret_compares_sites() {
    local ex dir failed=0
    for ex in atelier-flash atelier-multisite; do
        dir=$(built_example "$ex")
        check populations "$(example_source "$ex")" "$dir/livret-de-capitalisation.pdf" ||
            { echo "  in $ex"; failed=1; }
    done
    [ "$failed" = 0 ] || fail "livret comparison table"
}

# A session not held whose date has passed is "non tenue" everywhere, with the reason the
# source gives (<annulation>): the carnet, the rapport final and the livret agree. A livret of
# one site has no total row repeating its only row, and no one-bar chart.
test_deliverables_missed_session_and_single_site_livret() {
    local dir
    dir=$(built_example atelier-flash) || return 1
    pdftotext "$dir/vernay-sur-loue/carnet-de-suivi.pdf" carnet.txt
    pdftotext "$dir/vernay-sur-loue/rapport-final.pdf" rapport.txt
    pdftotext "$dir/livret-de-capitalisation.pdf" livret.txt
    PYTHONPATH=$ROOT/tests/e2e/lib python3 - "$(example_source atelier-flash)" carnet.txt rapport.txt livret.txt <<'PY' || fail "missed session or single-site livret"
import re, sys
import atelier as at
from atelier import A
src, carnet, rapport, livret = sys.argv[1], *(at.norm(open(f).read()) for f in sys.argv[2:])
bad = []
missed = [se for s in at.sites(at.load(src)) for se in s.iter(A + "seance")
          if se.get("tenue") == "non" and se.find(A + "annulation") is not None]
if not missed:
    bad.append("the example has no session not held with an annulation")
for se in missed:
    why = at.norm(at.text(se.find(A + "annulation")))[:60]
    for name, text in (("carnet", carnet), ("rapport final", rapport), ("livret", livret)):
        if why not in text:
            bad.append("%s: no reason for séance %s (%r…)" % (name, se.get("numero"), why))
    if "Non tenue" not in carnet:
        bad.append("carnet: séance %s is not 'Non tenue'" % se.get("numero"))
if "Ensemble 7" in livret:
    bad.append("livret: an 'Ensemble' row repeats the only site")
if "Coût estimé des plans d'actions par site" in livret:
    bad.append("livret: a one-bar chart for one site")
print("\n".join(bad))
sys.exit(1 if bad else 0)
PY
}

test_deliverables_only() {
    local src s
    src=$(example_source atelier-flash)
    assert_exit 0 "$LIVRABLES" build "$src" -o out --only feuille-de-route,livret-de-capitalisation
    for s in $(check sites "$src"); do
        [ -f "out/$s/feuille-de-route.pdf" ] || fail "out/$s/feuille-de-route.pdf missing"
    done
    [ -f out/livret-de-capitalisation.pdf ] || fail "livret missing"
    [ "$(find out -type f | wc -l)" = "$(($(check sites "$src" | wc -l) + 1))" ] ||
        { find out -type f; fail "more than the deliverables asked for"; }
    # a per-site deliverable alone: no livret
    assert_exit 0 "$LIVRABLES" build "$src" -o out2 --only carnet-de-suivi
    [ ! -e out2/livret-de-capitalisation.pdf ] || fail "livret written without being asked for"
    [ -z "$(find out2 -type f ! -name carnet-de-suivi.pdf)" ] || { find out2 -type f; fail "other files"; }
    # an unknown name is a usage error naming it, and nothing is written
    assert_exit 2 "$LIVRABLES" build "$src" -o out3 --only feuille-de-route,plan-de-gestion
    assert_contains out.txt "plan-de-gestion"
    [ ! -e out3 ] || [ -z "$(find out3 -type f)" ] || fail "files written for a bad --only"
}

# first_installed_family "A, B, serif": the first family of the list fontconfig has
first_installed_family() {
    local fam
    IFS=',' read -ra fams <<<"$1"
    for fam in "${fams[@]}"; do
        fam=$(echo "$fam" | sed "s/^ *//; s/ *$//; s/^'//; s/'$//")
        if fc-list ":family=$fam" family | grep -q .; then echo "$fam"; return 0; fi
    done
    return 1
}

# charter_param CHARTER NAME: the value of xsl:param NAME in styles/CHARTER.xsl
charter_param() {
    sed -n "s/.*<xsl:param name=\"$2\" select=\"'\\([^']*\\)'\".*/\\1/p" "$ROOT/styles/$1.xsl" | head -n 1
}

test_deliverables_style_neutre_fonts() {
    local src s body ps
    src=$(example_source atelier-flash)
    body=$(first_installed_family "$(charter_param neutre font-body)") || fail "no neutre body font installed"
    ps=$(fc-match -f '%{postscriptname}' "$body:style=Regular")
    echo "neutre body font: $body ($ps)"
    assert_exit 0 "$LIVRABLES" build "$src" -o out --style neutre --only note-de-cadrage
    s=$(check sites "$src" | head -n 1)
    assert_qpdf_clean "out/$s/note-de-cadrage.pdf"
    pdffonts "out/$s/note-de-cadrage.pdf" >neutre.txt
    assert_contains neutre.txt "+$ps "
    # the default charter (etat) uses other fonts
    pdffonts "$(built_example atelier-flash)/$s/note-de-cadrage.pdf" >etat.txt
    assert_not_contains etat.txt "+$ps "
    [ "$(awk 'NR > 2 {print $1}' neutre.txt | sed 's/^[A-Z]*+//' | sort -u)" != \
      "$(awk 'NR > 2 {print $1}' etat.txt | sed 's/^[A-Z]*+//' | sort -u)" ] || fail "same fonts"
    # an unknown charter is a usage error listing the known ones
    assert_exit 2 "$LIVRABLES" build "$src" -o out2 --style baroque
    assert_contains out.txt "baroque"
    assert_contains out.txt "neutre"
}

test_deliverables_etat_warns_about_marianne() {
    local src s
    src=$(example_source atelier-flash)
    assert_exit 0 "$LIVRABLES" build "$src" -o out --style etat --only note-de-cadrage
    s=$(check sites "$src" | head -n 1)
    assert_qpdf_clean "out/$s/note-de-cadrage.pdf"
    if fc-list ':family=Marianne' family | grep -q .; then
        echo "Marianne is installed: no warning expected"
        assert_not_contains out.txt "Marianne"
    else
        # the engine is quiet for a family list with an installed fallback (t_render.sh), so
        # the warning is the charter's or the build's: any warning line naming Marianne
        grep -E "warning: .*Marianne" out.txt ||
            { cat out.txt; fail "no warning naming the missing Marianne font"; }
        # the fallback of the charter's list is used
        pdffonts "out/$s/note-de-cadrage.pdf" | grep -q "LiberationSans" || fail "fallback font not used"
    fi
}

test_deliverables_format_fo_accepted_by_fop() {
    local src s
    src=$(example_source atelier-flash)
    assert_exit 0 "$LIVRABLES" build "$src" -o out --format fo
    for s in $(check sites "$src"); do
        for d in $DELIVERABLES; do
            [ -f "out/$s/$d.fo" ] || fail "out/$s/$d.fo missing"
            head -c 2000 "out/$s/$d.fo" | grep -q '<fo:root' || fail "$d.fo is not XSL-FO"
        done
    done
    [ -f out/livret-de-capitalisation.fo ] || fail "livret .fo missing"
    [ -z "$(find out -name '*.pdf')" ] || fail "PDF written with --format fo"
    # our own engine renders what it wrote
    s=$(check sites "$src" | head -n 1)
    assert_exit 0 "$LIVRABLES" render "out/$s/carnet-de-suivi.fo" -o ours.pdf
    if command -v fop >/dev/null 2>&1; then
        fop -q -fo "out/$s/carnet-de-suivi.fo" -pdf fop.pdf >fop.txt 2>&1 || { cat fop.txt; fail "FOP rejects the FO"; }
        grep -E 'SEVERE|ERROR' fop.txt && fail "FOP reports errors"
        assert_eq "$(pdf_pages ours.pdf)" "$(pdf_pages fop.pdf)" "pages of ours vs FOP"
    else
        echo "fop not installed: FOP check skipped"
    fi
}

test_deliverables_format_png_pages() {
    local src s n i
    src=$(example_source atelier-flash)
    assert_exit 0 "$LIVRABLES" build "$src" -o out --format png --dpi 36 --only carnet-de-suivi
    s=$(check sites "$src" | head -n 1)
    n=$(pdf_pages "$(built_example atelier-flash)/$s/carnet-de-suivi.pdf")
    for ((i = 1; i <= n; i++)); do
        [ -f "out/$s/carnet-de-suivi-$i.png" ] || { ls "out/$s"; fail "page $i preview missing"; }
    done
    [ ! -e "out/$s/carnet-de-suivi-$((n + 1)).png" ] || fail "more previews than pages"
    # A4 at 36 dpi: 298 pixels wide (as in t_render.sh)
    assert_eq "PNG" "$(head -c 4 "out/$s/carnet-de-suivi-1.png" | tail -c 3)" "PNG signature"
    w=$(od -An -tu1 -j16 -N4 "out/$s/carnet-de-suivi-1.png" | awk '{print $1*16777216 + $2*65536 + $3*256 + $4}')
    assert_eq 298 "$w" "width at 36 dpi"
}
