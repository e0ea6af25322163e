# End-to-end tests that the deliverables say what the source says: financing split by state
# (acquis, sollicité, à rechercher with the uncovered costs) and by funder (one row each, the
# largest first), shares each rounded on its own with a note where they don't add up to 100 %,
# realised and abandoned actions listed apart, dates and versions from the source whatever
# the build clock, no "(s)" plurals, one bookmark per fiche action. Over both examples and
# tests/ateliers/insolite (six sites, no-cost, unfunded and closed actions, long titles, TTC).
# Expected values come from the sources (tests/e2e/lib/truth.py), never written here.

TRUTH_SOURCES="examples/atelier-flash examples/atelier-multisite tests/ateliers/insolite"
TRUTH_FAR_FUTURE=2208988800             # 2040-01-01: a build clock no source date matches
TRUTH_FAR_FUTURE_ISO=2040-01-01

check_truth() { python3 "$ROOT/tests/e2e/lib/check_truth.py" "$@"; }

# truth_built REL [EPOCH]: the directory where $ROOT/REL/atelier.xml is built (once per run
# and clock) with SOURCE_DATE_EPOCH=EPOCH (default: the run's).
truth_built() {
    local epoch=${2:-$SOURCE_DATE_EPOCH} dir rc=0
    dir=$(examples_dir)/truth-$(basename "$1")-$epoch
    if [ ! -d "$dir" ] && [ ! -e "$dir.failed" ]; then
        mkdir -p "$(examples_dir)"
        SOURCE_DATE_EPOCH=$epoch "$LIVRABLES" build "$ROOT/$1/atelier.xml" -o "$dir.tmp" >"$dir.log" 2>&1 || rc=$?
        if [ "$rc" = 0 ]; then mv "$dir.tmp" "$dir"; else mv "$dir.log" "$dir.failed"; fi
    fi
    [ ! -e "$dir.failed" ] || { cat "$dir.failed" >&2; fail "build of $1 failed" || return 1; }
    echo "$dir"
}

# truth_dossier [EPOCH]: the dossier of the Occitanie seminar, built once per run and clock.
# truth_pdfs REL: the PDFs built from $ROOT/REL/atelier.xml (truth_built), sorted.
truth_pdfs() { find "$(truth_built "$1")" -name '*.pdf' | sort; }

truth_dossier() {
    local epoch=${1:-$SOURCE_DATE_EPOCH} out
    out=$(examples_dir)/truth-dossier-$epoch.pdf
    if [ ! -f "$out" ]; then
        mkdir -p "$(examples_dir)"
        SOURCE_DATE_EPOCH=$epoch "$LIVRABLES" dossier "$ROOT/examples/atelier-multisite/atelier.xml" \
            -o "$out" >/dev/null 2>&1 || fail "dossier" || return 1
    fi
    echo "$out"
}

# truth_every_site KIND DELIVERABLE [ARGS...]: check_truth KIND SRC SITE PDF ARGS for every
# site of every test source; fails naming the sites that fail.
truth_every_site() {
    local kind=$1 d=$2 rel dir src s failed=0
    shift 2
    for rel in $TRUTH_SOURCES; do
        src=$ROOT/$rel/atelier.xml
        dir=$(truth_built "$rel")
        for s in $(python3 "$ROOT/tests/e2e/lib/check.py" sites "$src"); do
            check_truth "$kind" "$src" "$s" "$dir/$s/$d.pdf" "$@" || { echo "  in $rel/$s ($d)"; failed=1; }
        done
    done
    [ "$failed" = 0 ] || fail "$kind of $d"
}

test_truth_feuille_de_route_financing_by_state() {
    truth_every_site financing feuille-de-route
}

test_truth_rapport_final_financing_by_axis() {
    truth_every_site rapport-financing rapport-final
}

# The livret says what the atelier cost and what the State's lines paid for, apart from the
# team that conducted it (whose contract is only one of those lines).
test_truth_livret_atelier_cost_apart_from_the_team() {
    local rel failed=0
    for rel in $TRUTH_SOURCES; do
        check_truth atelier-cost "$(truth_built "$rel")/livret-de-capitalisation.pdf" "$ROOT/$rel/atelier.xml" ||
            { echo "  in the livret of $rel"; failed=1; }
    done
    [ "$failed" = 0 ] || fail "the atelier's cost"
}

# One label for one amount in every deliverable: « Coût HT », « Coût estimé | à définir ».
test_truth_one_label_for_costs() {
    local rel pdfs=()
    for rel in $TRUTH_SOURCES; do
        pdfs+=($(truth_pdfs "$rel"))
    done
    pdfs+=("$(truth_dossier)")
    check_truth cost-labels "${pdfs[@]}" || fail "cost labels"
}

test_truth_livret_and_dossier_financing_by_site() {
    local rel failed=0
    for rel in $TRUTH_SOURCES; do
        check_truth sites-financing "$(truth_built "$rel")/livret-de-capitalisation.pdf" "$ROOT/$rel/atelier.xml" ||
            { echo "  in the livret of $rel"; failed=1; }
    done
    check_truth sites-financing "$(truth_dossier)" "$ROOT/examples/atelier-multisite/atelier.xml" ||
        { echo "  in the dossier"; failed=1; }
    [ "$failed" = 0 ] || fail "financing by site"
}

# A livret of one site gives its figures without one-row tables naming the site, only the
# priorities and horizons its actions have, its short lessons as a list.
test_truth_one_site_livret() {
    local rel failed=0
    for rel in examples/atelier-flash examples/depot-partage/cerneux; do
        check_truth one-site-livret "$(truth_built "$rel")/livret-de-capitalisation.pdf" "$ROOT/$rel/atelier.xml" ||
            { echo "  in the livret of $rel"; failed=1; }
    done
    [ "$failed" = 0 ] || fail "one-site livret"
}

# Stakes of one title each, one per theme, are a list; otherwise a heading per theme.
test_truth_rapport_final_stakes() {
    local rel src s failed=0
    for rel in $TRUTH_SOURCES examples/depot-partage/cerneux; do
        src=$ROOT/$rel/atelier.xml
        for s in $(python3 "$ROOT/tests/e2e/lib/check.py" sites "$src"); do
            check_truth stakes "$src" "$s" "$(truth_built "$rel")/$s/rapport-final.pdf" ||
                { echo "  in $rel/$s"; failed=1; }
        done
    done
    [ "$failed" = 0 ] || fail "stakes of the rapport final"
}

test_truth_fiche_acronyms_in_the_glossary() {
    truth_every_site fiche-sigles feuille-de-route
}

test_truth_closed_actions_listed_apart() {
    local rel failed=0
    truth_every_site status feuille-de-route feuille-de-route || failed=1
    truth_every_site status rapport-final rapport-final || failed=1
    for rel in $TRUTH_SOURCES; do
        check_truth livret-status "$(truth_built "$rel")/livret-de-capitalisation.pdf" "$ROOT/$rel/atelier.xml" ||
            { echo "  in the livret of $rel"; failed=1; }
    done
    [ "$failed" = 0 ] || fail "realised and abandoned actions"
}

test_truth_dates_from_the_source_not_the_clock() {
    local rel dir src s d failed=0
    for rel in $TRUTH_SOURCES; do
        src=$ROOT/$rel/atelier.xml
        dir=$(truth_built "$rel" "$TRUTH_FAR_FUTURE")
        for s in $(python3 "$ROOT/tests/e2e/lib/check.py" sites "$src"); do
            for d in note-de-cadrage carnet-de-suivi rapport-final feuille-de-route; do
                check_truth dates "$src" "$s" "$dir/$s/$d.pdf" "$d" "$TRUTH_FAR_FUTURE_ISO" ||
                    { echo "  in $rel/$s"; failed=1; }
            done
        done
        check_truth dates "$src" "" "$dir/livret-de-capitalisation.pdf" livret-de-capitalisation \
            "$TRUTH_FAR_FUTURE_ISO" || { echo "  in $rel"; failed=1; }
    done
    check_truth dates "$ROOT/examples/atelier-multisite/atelier.xml" "" "$(truth_dossier "$TRUTH_FAR_FUTURE")" \
        dossier "$TRUTH_FAR_FUTURE_ISO" || { echo "  in the dossier"; failed=1; }
    [ "$failed" = 0 ] || fail "dates"
}

test_truth_intersessions_between_the_sites_sessions() {
    truth_every_site intersessions note-de-cadrage
}

test_truth_covers_name_authorities_steering_and_bloc_marque() {
    local rel failed=0
    truth_every_site cover-identity feuille-de-route || failed=1
    truth_every_site cover-identity carnet-de-suivi || failed=1
    truth_every_site cover-identity note-de-cadrage || failed=1
    for rel in $TRUTH_SOURCES; do
        check_truth cover-identity "$ROOT/$rel/atelier.xml" "" "$(truth_built "$rel")/livret-de-capitalisation.pdf" ||
            { echo "  in the livret of $rel"; failed=1; }
    done
    [ "$failed" = 0 ] || fail "covers"
}

test_truth_livret_sessions_not_held() {
    local rel failed=0
    for rel in $TRUTH_SOURCES; do
        check_truth livret-sessions "$(truth_built "$rel")/livret-de-capitalisation.pdf" "$ROOT/$rel/atelier.xml" ||
            { echo "  in the livret of $rel"; failed=1; }
    done
    [ "$failed" = 0 ] || fail "sessions not held"
}

test_truth_rapport_final_tells_the_sessions() {
    truth_every_site rapport-sessions rapport-final
}

test_truth_no_maybe_plurals() {
    local rel pdfs=()
    for rel in $TRUTH_SOURCES; do
        pdfs+=($(truth_pdfs "$rel"))
    done
    pdfs+=("$(truth_dossier)")
    check_truth no-maybe-plural "${pdfs[@]}" || fail "a '(s)' plural, or a plural label over one"
}

test_truth_running_header_names_the_chapter_at_the_top_of_the_page() {
    local rel pdfs=()
    for rel in $TRUTH_SOURCES; do
        pdfs+=($(truth_pdfs "$rel"))
    done
    check_truth running-headers "${pdfs[@]}" "$(truth_dossier)" ||
        fail "a page under the header of a chapter that starts lower down"
}

test_truth_plan_tables_share_their_columns() {
    local rel s failed=0
    for rel in $TRUTH_SOURCES; do
        for s in $(python3 "$ROOT/tests/e2e/lib/check.py" sites "$ROOT/$rel/atelier.xml"); do
            check_truth plan-columns "$(truth_built "$rel")/$s/feuille-de-route.pdf" || failed=1
        done
    done
    [ "$failed" = 0 ] || fail "axis tables of one plan with different column widths"
}

test_truth_one_colophon_in_one_wording() {
    local rel pdfs=()
    for rel in $TRUTH_SOURCES; do
        pdfs+=($(truth_pdfs "$rel"))
    done
    pdfs+=("$(truth_dossier)")
    check_truth colophon "${pdfs[@]}" || fail "colophon"
}

# The note de cadrage and the livret announce only what the other documents keep.
test_truth_announcements_kept() {
    local rel src d failed=0
    for rel in $TRUTH_SOURCES examples/depot-partage/cerneux; do
        src=$ROOT/$rel/atelier.xml
        d=$(truth_built "$rel")
        check_truth promises "$src" "" "$d/livret-de-capitalisation.pdf" || failed=1
        for s in $(python3 "$ROOT/tests/e2e/lib/check.py" sites "$src"); do
            check_truth promises "$src" "$s" "$d/$s/note-de-cadrage.pdf" || failed=1
        done
    done
    [ "$failed" = 0 ] || fail "announcements not kept"
}

# A livret dated after its sites' feuilles de route (at the final seminar) says when the
# statuts it reprints are of (the feuilles de route's dates, from the sources).
test_truth_livret_says_when_the_statuts_are_of() {
    local rel failed=0
    for rel in $TRUTH_SOURCES examples/depot-partage/cerneux examples/depot-partage/vernay; do
        check_truth statuts-date "$(truth_built "$rel")/livret-de-capitalisation.pdf" "$ROOT/$rel/atelier.xml" || failed=1
    done
    [ "$failed" = 0 ] || fail "livret's statuts without their date"
}

# The minutes' points are sentences of a record, each with its full stop (sources' points).
test_truth_minutes_points_end_with_a_full_stop() {
    truth_every_site minutes-full-stops carnet-de-suivi
}

# The rapport final's plan table leaves out the closed actions: a sentence under it names them.
test_truth_rapport_final_tells_where_closed_actions_are() {
    truth_every_site closed-told rapport-final
}

# Every acronym a deliverable prints, from its cover to its colophon, is in its glossary, even
# a lone one; none is spelt out in the text (one rule for all: templates/common/glossary.xsl).
test_truth_glossary_holds_every_printed_acronym() {
    local rel pdf failed=0
    for rel in $TRUTH_SOURCES examples/depot-partage/cerneux examples/depot-partage/vernay; do
        for pdf in $(truth_pdfs "$rel"); do
            check_truth glossary-complete "$pdf" "$ROOT/$rel/atelier.xml" || failed=1
        done
    done
    check_truth glossary-complete "$(truth_dossier)" "$ROOT/examples/atelier-multisite/atelier.xml" || failed=1
    [ "$failed" = 0 ] || fail "acronyms printed but not in the glossary"
}

# Examples (<atelier exemple="oui">) say they are fictional on the cover and the last page of
# every deliverable and of a dossier that reprints them; the test fixture, a "real" atelier, not.
test_truth_examples_say_they_are_fictional() {
    local rel src pdf failed=0
    for rel in $TRUTH_SOURCES examples/depot-partage/cerneux; do
        src=$ROOT/$rel/atelier.xml
        for pdf in $(truth_pdfs "$rel"); do
            check_truth example "$pdf" "$src" || failed=1
        done
    done
    check_truth example "$(truth_dossier)" "$ROOT/examples/atelier-multisite/atelier.xml" || failed=1
    [ "$failed" = 0 ] || fail "example notice"
}

test_truth_notes_stay_with_their_tables() {
    local rel pdfs=()
    for rel in $TRUTH_SOURCES examples/depot-partage/cerneux examples/depot-partage/vernay; do
        pdfs+=($(truth_pdfs "$rel"))
    done
    # the dossier of the shared repository's seminar, over its two ateliers
    "$LIVRABLES" dossier "$ROOT/examples/depot-partage/vernay/atelier.xml" \
        "$ROOT/examples/depot-partage/cerneux/atelier.xml" -o depot.pdf >depot.log 2>&1 ||
        { cat depot.log; fail "dossier of the shared repository"; }
    pdfs+=("$(truth_dossier)" depot.pdf)
    check_truth notes-with-tables "${pdfs[@]}" || fail "a table's note away from its table"
}

test_truth_one_bookmark_per_fiche() {
    truth_every_site bookmarks feuille-de-route
}

# A fiche's financing line keeps its amount and state on one line and its funder's
# hyphenated words whole; the cover keeps each local authority whole on a line.
test_truth_amounts_states_and_names_unbroken() {
    truth_every_site unbroken feuille-de-route
}

# The livret's last paragraph on how the atelier went stays on its page when the calendar
# that follows moves on.
test_truth_livret_deroulement_not_sent_on_with_the_calendar() {
    local rel failed=0
    for rel in $TRUTH_SOURCES; do
        check_truth livret-deroulement "$(truth_built "$rel")/livret-de-capitalisation.pdf" "$ROOT/$rel/atelier.xml" ||
            { echo "  in the livret of $rel"; failed=1; }
    done
    [ "$failed" = 0 ] || fail "a paragraph sent on with the calendar"
}

test_truth_objectives_introduced_by_a_sentence() {
    truth_every_site objectives-introduced note-de-cadrage
}

# List items are set ragged: no justified line with wide spaces in a bulleted list.
test_truth_lists_ragged() {
    local rel pdfs=()
    for rel in $TRUTH_SOURCES; do
        pdfs+=($(truth_pdfs "$rel"))
    done
    pdfs+=("$(truth_dossier)")
    check_truth ragged-lists "${pdfs[@]}" || fail "a list item justified"
}

# A short list item or box is not hyphenated: « huit parti-/cipants » at a line's end of a
# one-line item only stands out (ragged text has room for the whole word on the next line).
test_truth_short_items_whole() {
    local rel pdfs=()
    for rel in $TRUTH_SOURCES; do
        pdfs+=($(truth_pdfs "$rel"))
    done
    pdfs+=("$(truth_dossier)")
    check_truth short-items-whole "${pdfs[@]}" || fail "a short list item hyphenated"
}

# A livret handed out at the final seminar presents it (review r9: only a line of the
# calendar said it): its title, day, place and programme, from the source.
test_truth_livret_presents_the_final_seminar() {
    local rel n=0
    for rel in $TRUTH_SOURCES examples/depot-partage/vernay; do
        grep -q "<seminaire-final" "$ROOT/$rel/atelier.xml" || continue
        n=$((n + 1))
        pdftotext "$(truth_built "$rel")/livret-de-capitalisation.pdf" livret.txt
        PYTHONPATH=$ROOT/tests/e2e/lib python3 - "$ROOT/$rel/atelier.xml" livret.txt <<'PY' || fail "the final seminar of $rel not presented"
import sys
import atelier as at
src, txt = sys.argv[1:]
text = at.norm(open(txt, encoding="utf-8").read())
sem = at.load(src).find(at.A + "seminaire-final")
want = [at.date(sem.get("date")), sem.get("lieu")]
if sem.find(at.A + "titre") is not None:
    want.append(at.text(sem.find(at.A + "titre")))
want += [at.text(p) for p in sem.iter(at.A + "point")]
missing = [w for w in want if at.norm(w) not in text]
if missing:
    sys.exit("%s: the livret does not say %s" % (src, missing))
print(src, "seminar presented:", len(want), "facts")
PY
    done
    [ "$n" -ge 2 ] || fail "only $n sources with a final seminar"
}
