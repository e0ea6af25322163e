# End-to-end tests of `livrables dossier` (the regional final seminar's document over several
# ateliers) and of `livrables init` (a starter atelier). Expected texts come from the sources
# (tests/e2e/lib/atelier.py), read back from the PDF through poppler and qpdf.

DOS_MULTI=$ROOT/examples/atelier-multisite/atelier.xml
DOS_FLASH=$ROOT/examples/atelier-flash/atelier.xml
DOS_VERNAY=$ROOT/examples/depot-partage/vernay/atelier.xml
DOS_CERNEUX=$ROOT/examples/depot-partage/cerneux/atelier.xml

# line_of FILE PATTERN: the line number of the first line of FILE matching PATTERN
line_of() { grep -n -m1 -- "$2" "$1" | cut -d: -f1; }

# dos_check PDF SOURCE...: the structure of a dossier (see the Python below); prints what is
# wrong and fails.
dos_check() {
    qpdf --json "$1" > dossier.json || fail "qpdf --json"
    PYTHONPATH=$ROOT/tests/e2e/lib python3 - "$@" <<'PY'
import json, re, subprocess, sys, unicodedata
import atelier as at
from atelier import A

pdf, sources = sys.argv[1], sys.argv[2:]

def norm(s):
    """Text to compare: typographic apostrophes and spaces as typed, no soft hyphens."""
    s = unicodedata.normalize("NFC", s)
    for a, b in (("\u2019", "'"), ("\u00a0", " "), ("\u202f", " "), ("\u2009", " "), ("\u00ad", "")):
        s = s.replace(a, b)
    return " ".join(s.split())

def bare(title):
    """A heading without its number: "3. Vernay-sur-Loue" -> "Vernay-sur-Loue"."""
    return re.sub(r"^[\d.]+\s+", "", norm(title))

def squash(s):
    """For text that may wrap or be hyphenated: no blanks, no hyphens at all."""
    return re.sub(r"[\s\-\u2010\u2011]", "", norm(s))

def pages(layout):
    args = ["pdftotext"] + (["-layout"] if layout else []) + [pdf, "-"]
    out = subprocess.run(args, check=True, capture_output=True).stdout.decode("utf-8")
    return out.split("\f")[:-1] if out.endswith("\f") else out.split("\f")

plain, lay = pages(False), pages(True)
n = len(plain)
problems = []
bad = problems.append

roots = [at.load(s) for s in sources]
sites = [(s.get("id"), at.text(s.find(A + "nom")), s) for r in roots for s in at.sites(r)]
assert len(sites) >= 2, "the test needs two sites or more"
# the dossier presents the sites in the order of its seminar's programme (points naming them)
named = [p.get("site") for r in roots for p in r.iter(A + "point") if p.get("site")]
if named:
    sites.sort(key=lambda x: named.index(x[0]))

# --- continuous page numbers: "Page n / N" on every page but the cover (and a back cover)
numbered = 0
for i, text in enumerate(plain, 1):
    m = re.findall(r"Page\s+(\d+)\s*/\s*(\d+)", text, re.I)
    if not m:
        continue
    numbered += 1
    k, total = int(m[-1][0]), int(m[-1][1])
    if k != i or total != n:
        bad("page %d: footer says %d / %d (the PDF has %d pages)" % (i, k, total, n))
if numbered < n - 2:
    bad("only %d of %d pages have a 'Page n / N' footer" % (numbered, n))

# --- one bookmark per site, in order, at the page where its part starts
def flatten(items):
    for o in items:
        yield o
        yield from flatten(o.get("kids", []))

outline = list(flatten(json.load(open("dossier.json")).get("outlines", [])))
starts = []
for sid, nom, _ in sites:
    # the site's own bookmark: its name alone (after a number), else the first naming it
    hits = ([o for o in outline if bare(o["title"]) == norm(nom)] or
            [o for o in outline if norm(nom) in norm(o["title"])])
    if not hits:
        bad("no bookmark for site %s (%s); bookmarks: %s" % (sid, nom, [o["title"] for o in outline]))
        starts.append(None)
        continue
    page = hits[0]["destpageposfrom1"]
    starts.append(page)
    if not 1 <= page <= n or squash(nom) not in squash(plain[page - 1]):
        bad("bookmark of %s points at page %s, which does not show the site" % (nom, page))
known = [p for p in starts if p]
if known != sorted(known) or len(set(known)) != len(known):
    bad("site parts are not in programme order: %s" % starts)
if problems:
    print("\n".join(problems)); sys.exit(1)

# --- one table of contents: pages with dot-leader lines, contiguous, before the first site
toc = {}
for i, text in enumerate(lay, 1):
    for line in text.split("\n"):
        m = re.match(r"^\s*(.*?)\s*(?:\.\s?){4,}\s*(\d+)\s*$", line)
        if m:
            toc.setdefault(i, []).append((norm(m.group(1)), int(m.group(2))))
toc_pages = sorted(toc)
if not toc_pages:
    print("no table of contents (no dot-leader lines)"); sys.exit(1)
if toc_pages != list(range(toc_pages[0], toc_pages[-1] + 1)) or toc_pages[-1] >= starts[0]:
    bad("table of contents pages %s: not one contiguous table before the first site (page %d)"
        % (toc_pages, starts[0]))
entries = [e for p in toc_pages for e in toc[p]]
for (sid, nom, _), start in zip(sites, starts):
    hit = ([pg for title, pg in entries if bare(title) == norm(nom)] or
           [pg for title, pg in entries if norm(nom) in title])
    if not hit:
        bad("the table of contents does not list %s" % nom)
    elif hit[0] != start:
        bad("the table of contents sends %s to page %d, its part starts on page %d" % (nom, hit[0], start))
for title, pg in entries:
    if not 1 <= pg <= n:
        bad("table of contents: %s -> page %d of %d" % (title, pg, n))
    elif squash(title)[:25] not in squash(plain[pg - 1]):
        bad("table of contents: '%s' is not on page %d" % (title, pg))

# --- the seminar's programme (from the source), before the synthesis and the sites
front = "".join(squash(t) for t in plain[toc_pages[-1]:starts[0] - 1])
seminars = [r.find(A + "seminaire-final") for r in roots if r.find(A + "seminaire-final") is not None]
if not seminars:
    bad("the test needs a source with a seminaire-final")
for p in seminars[0].iter(A + "point"):
    if squash(at.text(p)) not in front:
        bad("programme item '%s' is not before the sites" % at.text(p))
# --- the comparative synthesis: one place, before the sites, that names every site
if not any(all(squash(nom) in squash(t) for _, nom, _ in sites)
           for t in plain[toc_pages[-1]:starts[0] - 1]):
    bad("no page before the sites names every site (comparative synthesis)")

# --- each site's part holds its feuille de route: every axis and action of that site
bounds = starts + [n + 1]
for k, (sid, nom, s) in enumerate(sites):
    part = "".join(squash(t) for t in plain[bounds[k] - 1:bounds[k + 1] - 1])
    for el in list(s.iter(A + "axe")) + list(s.iter(A + "action")):
        title = at.text(el.find(A + "titre"))
        if squash(title) not in part:
            bad("%s: '%s' is not in its part (pages %d-%d)" % (sid, title, bounds[k], bounds[k + 1] - 1))
print("\n".join(problems))
sys.exit(1 if problems else 0)
PY
}

test_dossier_structure_toc_pages_bookmarks() {
    assert_exit 0 "$LIVRABLES" dossier "$DOS_MULTI" -o dossier.pdf
    assert_qpdf_clean dossier.pdf
    dos_check dossier.pdf "$DOS_MULTI"
}

# Two ateliers at one seminar, given in the other order than their programme's.
test_dossier_of_the_shared_repository() {
    assert_exit 0 "$LIVRABLES" dossier "$DOS_CERNEUX" "$DOS_VERNAY" -o dossier.pdf
    assert_not_contains out.txt "error"
    dos_check dossier.pdf "$DOS_CERNEUX" "$DOS_VERNAY"
}

# The profiles table says the census year of its populations: in its header when every
# site's population is of one year (read from the sites' sources).
test_dossier_profiles_say_the_census_year() {
    assert_exit 0 "$LIVRABLES" dossier "$DOS_MULTI" -o dossier.pdf
    local years
    years=$(grep -ho '<population annee="[0-9]*"' "$ROOT"/examples/atelier-multisite/sites/*.xml |
            grep -o '[0-9]\{4\}' | sort -u)
    assert_eq 1 "$(echo "$years" | wc -l)" "the example's sites share one census year"
    pdftotext -raw dossier.pdf - | tr '\n' ' ' | grep -q "Population ($years)" ||
        fail "profiles table without 'Population ($years)'"
}

# A dossier reprints each feuille de route as it was at its date, months before the seminar:
# each site's part says the date its statuts are of, that of its feuille de route (sources),
# as many times as the dossier has sites of that date.
test_dossier_says_when_the_statuts_are_of() {
    local pair
    assert_exit 0 "$LIVRABLES" dossier "$DOS_MULTI" -o multi.pdf
    assert_exit 0 "$LIVRABLES" dossier "$DOS_VERNAY" "$DOS_CERNEUX" -o depot.pdf
    for pair in "multi.pdf $DOS_MULTI" "depot.pdf $DOS_VERNAY $DOS_CERNEUX"; do
        # shellcheck disable=SC2086
        PYTHONPATH=$ROOT/tests/e2e/lib python3 - $pair <<'PY' || fail "statuts without their date, or the colophon without a feuille de route's version, in $pair"
import collections, subprocess, sys
import atelier as at, truth as tr
pdf, sources = sys.argv[1], sys.argv[2:]
text = at.norm(subprocess.run(["pdftotext", pdf, "-"], capture_output=True, check=True).stdout.decode())
wants = collections.Counter()
for src in sources:
    root = at.load(src)
    for site in at.sites(root):
        wants[at.norm("statuts des actions : état au " + at.date(tr.deliverable_date(root, site, "feuille-de-route")))] += 1
bad = 0
# the colophon, the document's end, gives each site's feuille de route with its own version
# and date (Castelvert's 1.1 of 2 December while the atelier's others are 1.0 of 20 November)
end = text[-2500:]
for src in sources:
    root = at.load(src)
    for site in at.sites(root):
        want = at.norm("version %s du %s" % (tr.deliverable_version(root, site, "feuille-de-route"),
                                             at.date(tr.deliverable_date(root, site, "feuille-de-route"))))
        if want not in end:
            print("colophon without %r" % want); bad = 1
for want, n in wants.items():
    if text.count(want) != n:
        print("%r: %d times, not %d" % (want, text.count(want), n)); bad = 1
sys.exit(bad)
PY
    done
}

test_dossier_depfile_and_reproducible() {
    assert_exit 0 "$LIVRABLES" dossier "$DOS_MULTI" -o a.pdf -M a.d
    assert_exit 0 "$LIVRABLES" dossier "$DOS_MULTI" -o b.pdf
    cmp a.pdf b.pdf || fail "two dossiers of the same sources differ"
    assert_eq "a.pdf: \\" "$(head -n 1 a.d)" "first line of the dependency file"
    for f in "$DOS_MULTI" "$ROOT"/examples/atelier-multisite/sites/*.xml \
             "$ROOT/templates/dossier.xsl" "$ROOT/templates/feuille-de-route.xsl" \
             "$ROOT/templates/common/document.xsl" "$ROOT/styles/etat.xsl" "$ROOT/schema/atelier.rng"; do
        assert_contains a.d "  $f"
    done
}

test_dossier_errors() {
    assert_exit 2 "$LIVRABLES" dossier "$DOS_MULTI"
    assert_contains out.txt "no output file"
    assert_exit 2 "$LIVRABLES" dossier -o d.pdf
    assert_contains out.txt "no atelier source given"
    assert_exit 2 "$LIVRABLES" dossier "$DOS_MULTI" -o d.pdf --style baroque
    assert_contains out.txt "unknown style 'baroque'"
    bad=$ROOT/tests/sources/invalid/bad-date.xml
    assert_exit 1 "$LIVRABLES" dossier "$DOS_MULTI" "$bad" -o d.pdf
    grep -qE "^$bad:[0-9]+: error: " out.txt || { cat out.txt; fail "no file:line diagnostic"; }
    [ ! -e d.pdf ] || fail "a dossier was written from an invalid source"
}

# A dossier is about one seminar and the sites on its programme: a site not on it or a second
# seminar are refused at the element at fault, and nothing is written.
test_dossier_one_seminar_and_its_programme() {
    local sem site
    sem="$DOS_MULTI:$(line_of "$DOS_MULTI" '<seminaire-final ')"
    site="$DOS_FLASH:$(line_of "$DOS_FLASH" '<site ')"
    assert_exit 1 "$LIVRABLES" dossier "$DOS_MULTI" "$DOS_FLASH" -o d.pdf
    id=$(PYTHONPATH=$ROOT/tests/e2e/lib python3 -c 'import sys, atelier as at
print(at.sites(at.load(sys.argv[1]))[0].get("id"))' "$DOS_FLASH")
    assert_eq "$site: error: site '$id' is not on the programme of the final seminar ($sem): name it in a point of the programme (site=\"$id\") or leave its atelier out of the dossier" \
        "$(grep -v "warning: font family" out.txt)" "message for a site not on the programme"
    [ ! -e d.pdf ] || fail "a dossier was written with a site not on the programme"
    # and in French
    env LANG=fr_FR.UTF-8 "$LIVRABLES" dossier "$DOS_MULTI" "$DOS_FLASH" -o d.pdf >fr.txt 2>&1 && fail "exit 0 in French"
    grep -qF "$site: erreur"$'\u00a0'": le site «"$'\u00a0'"$id"$'\u00a0'"» n’est pas au programme du séminaire final ($sem)" fr.txt ||
        { cat fr.txt; fail "no French message for a site not on the programme"; }

    assert_exit 1 "$LIVRABLES" dossier "$DOS_MULTI" "$DOS_VERNAY" -o d.pdf
    grep -qxF "$DOS_VERNAY:$(line_of "$DOS_VERNAY" '<seminaire-final '): error: a second final seminar: a dossier is about one seminar (the first is at $sem); give only the ateliers presented at one seminar" out.txt ||
        { cat out.txt; fail "no file:line error for a second seminar"; }
    [ ! -e d.pdf ] || fail "a dossier of two seminars was written"

    # without a seminar: said, and the dossier holds every site
    assert_exit 0 "$LIVRABLES" dossier "$DOS_FLASH" -o d.pdf
    grep -qE "^$DOS_FLASH:[0-9]+: warning: no final seminar in the ateliers given" out.txt ||
        { cat out.txt; fail "no warning for a dossier without a seminar"; }
    rm -f d.pdf

    # a site on the programme but not given: said, and the dossier holds the others
    point=$(line_of "$DOS_VERNAY" 'site="cerneux-les-forges"')
    assert_exit 0 "$LIVRABLES" dossier "$DOS_VERNAY" -o d.pdf
    assert_contains out.txt "$DOS_VERNAY:$point: warning: the programme presents site 'cerneux-les-forges', which no atelier given holds"
    assert_exit 1 "$LIVRABLES" dossier "$DOS_VERNAY" -o e.pdf --strict
}

# The dossier's title, cover and introduction speak of the seminar's programme: its title, the
# number of sites and ateliers, their regions, the organiser and each atelier's DDT; the
# note on actions without cost names their site.
test_dossier_framing_from_the_programme() {
    local src
    for src in "$DOS_MULTI" "$DOS_CERNEUX $DOS_VERNAY"; do
        # shellcheck disable=SC2086
        assert_exit 0 "$LIVRABLES" dossier $src -o d.pdf
        pdftotext -f 1 -l 1 d.pdf cover.txt
        pdftotext d.pdf all.txt
        # shellcheck disable=SC2086
        PYTHONPATH=$ROOT/tests/e2e/lib python3 - cover.txt all.txt $src <<'PY' || fail "framing of $src"
import re, sys, unicodedata
import atelier as at
from atelier import A
cover, whole, sources = open(sys.argv[1]).read(), open(sys.argv[2]).read(), sys.argv[3:]
def norm(s):
    s = unicodedata.normalize("NFC", s)
    for a, b in (("\u2019", "'"), ("\u00a0", " "), ("\u202f", " "), ("\u00ad", "")):
        s = s.replace(a, b)
    return " ".join(s.split())
cover, whole = norm(cover), norm(whole)
roots = [at.load(s) for s in sources]
sem = [r for r in roots if r.find(A + "seminaire-final") is not None][0]
seminar = sem.find(A + "seminaire-final")
sites = [s for r in roots for s in at.sites(r)]
words = {1: "un", 2: "deux", 3: "trois", 4: "quatre", 5: "cinq", 6: "six"}
n = len(sites)
bad = []
title = norm(at.text(seminar.find(A + "titre")))
if title not in cover:
    bad.append("cover: no seminar title %r" % title)
# the cover counts the ateliers and sites ("Deux ateliers, deux sites") and names every region
k = len(roots)
counts = "%s atelier%s, %s site%s" % (words[k], "s" if k > 1 else "", words[n], "s" if n > 1 else "")
if counts.lower() not in cover.lower():
    bad.append("cover: no %r" % counts)
for region in sorted({at.text(s.find(A + "region")) for s in sites}):
    if norm(region) not in cover:
        bad.append("cover: region %r missing" % region)
# the introduction names each site (or its atelier, named after it) once, without
# repeating the atelier's name in parentheses
for s in sites:
    nom = norm(at.text(s.find(A + "nom")))
    if "%s (%s" % (nom, nom) in whole or "%s (Atelier" % nom in whole:
        bad.append("introduction: %s followed by its atelier's name" % nom)
# the synthesis compares the sites without superlatives and counts in words
# the synthesis's total says it leaves out the actions whose cost is still to define
if any(a.find(A + "cout") is None and a.get("statut") not in ("realisee", "abandonnee")
       for s in sites for a in at.actions(s)):
    if not re.search(r"au total, pour un coût estimé de [\d ]+ €(, hors [^;.]*)? ; \w+ actions?, dont le coût reste à définir", whole):
        bad.append("synthesis: its total does not say an action's cost is still to define")
# a site's name inside the synthesis's sentences on the plans' costs ("(NAME, quatorze
# actions)", "; NAME en compte") loses the capital of its generic first word, as French
# usage writes an institution's kind: "(pôle d'équilibre…"
generic = ("Commune", "Communauté", "Pôle", "Syndicat", "Parc", "Établissement", "Métropole")
for s in sites:
    nom = norm(at.text(s.find(A + "nom")))
    if nom.split()[0] in generic and re.search(r"(\(%s, \w+ actions?\)|; %s en compte)" % ((re.escape(nom),) * 2), whole):
        bad.append("synthesis: %r with its capital inside a sentence" % nom)
for phrase in ("le plus coûteux", "le moins coûteux", "Parmi elles"):
    if phrase in whole:
        bad.append("synthesis: template phrase %r" % phrase)
# the organiser (the seminar's, else its atelier's DREAL) and every atelier's DDT, on the cover
services = [sv.get("nom") for r in roots for sv in r.find(A + "pilotage").findall(A + "service")
            if sv.get("type") in ("DDT", "DDTM") or (r is sem and sv.get("type") == "DREAL")]
services += [seminar.get("organisateur")] if seminar.get("organisateur") else []
for sv in services:
    if norm(sv) not in cover:
        bad.append("cover: steering service %r missing" % sv)
# every action without cost, in the synthesis note, with its site's name
for s in sites:
    for a in at.actions(s):
        if a.find(A + "cout") is None and a.get("statut") not in ("realisee", "abandonnee"):
            num = a.get("numero") or ""
            nom = norm(at.text(s.find(A + "nom")))
            if num and "%s (%s)" % (num, nom) not in whole:
                bad.append("no note naming action %s of %s" % (num, nom))
print("\n".join(bad))
sys.exit(1 if bad else 0)
PY
    done
}

test_dossier_help() {
    assert_exit 0 "$LIVRABLES" dossier --help
    for opt in --output --style --format --bloc-marque -M --help; do
        grep -qF -- "$opt" out.txt || fail "$opt not in help"
    done
}

# --- init

test_init_writes_a_valid_commented_starter() {
    assert_exit 0 "$LIVRABLES" init neuf
    for f in atelier.xml sites/mon-site.xml Makefile; do
        [ -s "neuf/$f" ] || fail "neuf/$f not written"
    done
    assert_exit 0 "$LIVRABLES" validate neuf/atelier.xml
    assert_eq "" "$(cat out.txt)" "validate output"
    # an independent validator agrees
    xmllint --noout --xinclude --relaxng "$ROOT/schema/atelier.rng" neuf/atelier.xml ||
        fail "xmllint does not validate the starter"
    # commented, with one site
    [ "$(cat neuf/atelier.xml neuf/sites/mon-site.xml | grep -c '<!--')" -ge 5 ] || fail "too few comments"
    PYTHONPATH=$ROOT/tests/e2e/lib python3 -c '
import sys, atelier as at
n = len(at.sites(at.load(sys.argv[1])))
sys.exit(0 if n == 1 else "expected one site, got %d" % n)' neuf/atelier.xml
}

test_init_starter_builds_with_its_makefile() {
    "$LIVRABLES" init neuf > /dev/null
    make -C neuf --no-print-directory LIVRABLES="$LIVRABLES" > make.txt 2>&1 || { cat make.txt; fail "make in the starter"; }
    n=$(find neuf -name '*.pdf' | wc -l)
    [ "$n" -ge 5 ] || { cat make.txt; fail "expected 5 PDFs or more, got $n"; }
    make -C neuf --no-print-directory -n LIVRABLES="$LIVRABLES" > again.txt 2>&1
    assert_contains again.txt "Nothing to be done"
}

test_init_refuses_to_overwrite() {
    mkdir -p neuf
    echo "mon travail" > neuf/atelier.xml
    assert_exit 1 "$LIVRABLES" init neuf
    assert_contains out.txt "neuf/atelier.xml"
    assert_eq "mon travail" "$(cat neuf/atelier.xml)" "existing file"
    [ ! -e neuf/Makefile ] && [ ! -e neuf/sites ] || fail "files written next to an existing one"
    # a complete starter is left alone too
    "$LIVRABLES" init autre > /dev/null
    before=$(cd autre && find . -type f -exec md5sum {} + | sort)
    assert_exit 1 "$LIVRABLES" init autre
    assert_eq "$before" "$(cd autre && find . -type f -exec md5sum {} + | sort)" "starter after a second init"
}

test_init_usage() {
    assert_exit 2 "$LIVRABLES" init
    assert_contains out.txt "no directory given"
    assert_exit 2 "$LIVRABLES" init a b
    assert_exit 0 "$LIVRABLES" init --help
}

# Each site's box names the DDT of every one of its départements that steers the atelier
# (r10-d: the PETR of the Garrigues hautes, in the Hérault and the Gard, named only the
# Hérault's), from the source.
test_dossier_site_followed_by_each_of_its_ddts() {
    local src=$ROOT/examples/atelier-multisite/atelier.xml
    assert_exit 0 "$LIVRABLES" dossier "$src" -o dossier.pdf
    pdftotext dossier.pdf dossier.txt
    PYTHONPATH=$ROOT/tests/e2e/lib python3 - "$src" dossier.txt <<'PY' || fail "a site's DDT not named"
import re, sys
import atelier as at
src, txt = sys.argv[1:]
root = at.load(src)
text = at.norm(open(txt, encoding="utf-8").read())
lines = [l for l in text.split("\n") if "site suivi par" in l]
ddts = {s.get("departement"): at.norm(s.get("nom")) for s in root.iter(at.A + "service")
        if s.get("type") in ("DDT", "DDTM") and s.get("departement")}
n = 0
for site in at.sites(root):
    want = [ddts[d.get("code")] for d in site.findall(at.A + "departement") if d.get("code") in ddts]
    if not want:
        continue
    n += len(want)
    # the DDT's name after its article: « la DDT de l’Hérault et la DDT du Gard »
    got = [l for l in lines if all(w.replace("'", "’") in l.replace("'", "’") for w in want)]
    if not got:
        sys.exit("%s: no « site suivi par » line naming %s" % (site.get("id"), want))
print("%d DDTs named" % n)
PY
}

# The synthesis's counts and totals leave out the actions realised or abandoned (each site
# presents them): it says so where it gives them (reviews r10-d, r11-d), from the sources.
test_dossier_synthesis_says_what_its_counts_leave_out() {
    local ms=$ROOT/examples/atelier-multisite/atelier.xml dep=$ROOT/examples/depot-partage
    assert_exit 0 "$LIVRABLES" dossier "$ms" -o ms.pdf
    assert_exit 0 "$LIVRABLES" dossier "$dep/cerneux/atelier.xml" "$dep/vernay/atelier.xml" -o dep.pdf
    for case in "ms.pdf $ms" "dep.pdf $dep/cerneux/atelier.xml $dep/vernay/atelier.xml"; do
        set -- $case
        PYTHONPATH=$ROOT/tests/e2e/lib python3 - "$@" <<'PY' || fail "the synthesis of $1 hides what it leaves out"
import re, subprocess, sys
import atelier as at
from typeset import words
pdf, srcs = sys.argv[1], sys.argv[2:]
acts = [a for s in srcs for a in at.load(s).iter(at.A + "action")]
done = sum(a.get("statut") == "realisee" for a in acts)
dropped = sum(a.get("statut") == "abandonnee" for a in acts)
text = at.norm(subprocess.run(["pdftotext", pdf, "-"], check=True, capture_output=True, text=True).stdout.replace("\n", " "))
m = re.search(r"actions au total, pour un coût estimé de [^;.]*?(, hors ([^;.]*))?[;.]", text)
if not m:
    sys.exit("%s: no total of actions" % pdf)
said = m.group(2) or ""
for n, what in ((done, "déjà réalisée"), (dropped, "abandonnée")):
    if n and not re.search(r"\b%s actions? %ss?\b" % (re.escape(words(n, True)), what), said):
        sys.exit("%s: « hors … » does not say %d %s: %r" % (pdf, n, what, said))
    if not n and what in said:
        sys.exit("%s: says an action %s that the sources do not hold" % (pdf, what))
print(pdf, "leaves out", done, "realised,", dropped, "abandoned, and says so")
PY
    done
}

# The cover's band names the steering services, breaking between them, never inside one
# (r11-d: « DDT / du Gers »).
test_dossier_cover_band_breaks_between_services() {
    assert_exit 0 "$LIVRABLES" dossier "$ROOT/examples/atelier-multisite/atelier.xml" -o ms.pdf
    pdftotext -layout -f 1 -l 1 ms.pdf cover.txt
    python3 - cover.txt <<'PY' || fail "a service's name broken on the cover"
import sys
lines = [l.strip() for l in open(sys.argv[1], encoding="utf-8")]
i = next(k for k, l in enumerate(lines) if l.startswith("Pilotage"))
block = []
for l in lines[i:]:
    block.append(l)
    if not l.endswith("·"):
        break
nxt = lines[i + len(block)] if i + len(block) < len(lines) else ""
if len(block) < 2 and nxt.startswith("DDT"):
    sys.exit("the band breaks inside a name: %r / %r" % (block[-1], nxt))
if nxt and not nxt[0].isdigit():
    sys.exit("after the services, %r: a name went on past a line's end" % nxt)
print(" / ".join(block + [nxt]))
PY
}
