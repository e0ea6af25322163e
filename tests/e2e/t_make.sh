# End-to-end tests of the build as make sees it: dependency files (-M), reproducible PDFs
# (SOURCE_DATE_EPOCH), batches of ateliers (-j), the shared-repository example
# (examples/depot-partage), `make install` and the man page.
#
# Expected dependencies are computed from the inputs themselves (XIncludes, xsl:import and
# xsl:include, image references), never listed by hand.

MK_FLASH=$ROOT/examples/atelier-flash/atelier.xml
MK_MULTI=$ROOT/examples/atelier-multisite/atelier.xml
MK_DEPOT=$ROOT/examples/depot-partage
MK_BROKEN=$ROOT/tests/sources/invalid/bad-date.xml
MK_DOCS="note-de-cadrage carnet-de-suivi rapport-final feuille-de-route"

# mk_lib: writes ./mklib.py, the helpers of the Python checks below.
mk_lib() {
    cat > mklib.py <<'PY'
"""Dependency files and the inputs they must list."""
import os
import re
import xml.etree.ElementTree as ET

A = "{urn:livrables:atelier:1}"
XI = "{http://www.w3.org/2001/XInclude}include"


def words(s):
    """Splits make words on unescaped blanks, undoing the escapes of depfile_write."""
    out, cur, i = [], "", 0
    while i < len(s):
        c = s[i]
        if c == "\\" and i + 1 < len(s) and s[i + 1] in " #\\:":
            cur += s[i + 1]
            i += 2
            continue
        if c == "$" and s[i + 1:i + 2] == "$":
            cur += "$"
            i += 2
            continue
        if c in " \t":
            if cur:
                out.append(cur)
            cur = ""
        else:
            cur += c
        i += 1
    if cur:
        out.append(cur)
    return out


def rules(path):
    """[(targets, deps)] of a dependency file, continuation lines joined."""
    text = open(path, encoding="utf-8").read().replace("\\\n", " ")
    out = []
    for line in text.split("\n"):
        if not line.strip() or line.startswith("#"):
            continue
        m = re.match(r"((?:\\.|[^:\\])*):(.*)$", line)
        assert m, "not a make rule: %r" % line
        out.append((words(m.group(1)), words(m.group(2))))
    return out


def deps_by_target(path, base="."):
    """{real path of an output: set of real paths of its inputs}, over every rule."""
    real = lambda p: os.path.realpath(os.path.join(base, p))
    out = {}
    for targets, deps in rules(path):
        for t in targets:
            out.setdefault(real(t), set()).update(real(d) for d in deps)
    return {t: d for t, d in out.items() if d}


def source_files(path):
    """The source and every file it XIncludes (recursively), real paths."""
    path = os.path.realpath(path)
    files = [path]
    for inc in ET.parse(path).getroot().iter(XI):
        files += source_files(os.path.join(os.path.dirname(path), inc.get("href")))
    return files


def images(path):
    """Every image (src attribute) of the source and its XIncluded files, real paths."""
    out = set()
    for f in source_files(path):
        for el in ET.parse(f).getroot().iter():
            if el.get("src") and el.tag.startswith(A):
                out.add(os.path.realpath(os.path.join(os.path.dirname(f), el.get("src"))))
    return out


def stylesheets(path):
    """A stylesheet and every module it imports or includes (recursively), real paths."""
    path = os.path.realpath(path)
    out = {path}
    text = open(path, encoding="utf-8").read()
    for href in re.findall(r"<xsl:(?:import|include)\s+href=\"([^\"]+)\"", text):
        out |= stylesheets(os.path.join(os.path.dirname(path), href))
    return out
PY
}

# mk_pdfs DIR: the PDFs under DIR, sorted, one a line
mk_pdfs() { find "$1" -name '*.pdf' | sort; }

test_make_depfile_lists_every_input() {
    mk_lib
    assert_exit 0 "$LIVRABLES" build "$MK_MULTI" -o out -M out.d
    [ -s out.d ] || fail "no dependency file"
    python3 - "$MK_MULTI" "$ROOT" <<'PY'
import glob, os, sys
sys.path.insert(0, ".")
import mklib
src, root = sys.argv[1], sys.argv[2]
deps = mklib.deps_by_target("out.d")
built = {os.path.realpath(p) for p in glob.glob("out/**/*.pdf", recursive=True)}
assert built, "nothing built"
assert set(deps) == built, "targets %s\nbuilt %s" % (sorted(deps), sorted(built))
inputs = set().union(*deps.values())
want = set(mklib.source_files(src)) | mklib.images(src)
for d in ["note-de-cadrage", "carnet-de-suivi", "rapport-final", "feuille-de-route",
          "livret-de-capitalisation"]:
    want |= mklib.stylesheets(os.path.join(root, "templates", d + ".xsl"))
want |= mklib.stylesheets(os.path.join(root, "styles", "etat.xsl"))
want.add(os.path.join(root, "schema", "atelier.rng"))
assert len(mklib.source_files(src)) == 4, "the example XIncludes three sites"
missing = sorted(want - inputs)
assert not missing, "missing from the dependency file: %s" % missing
absent = sorted(p for p in inputs if not os.path.exists(p))
assert not absent, "inputs that do not exist: %s" % absent
# every input also gets an empty rule, so that deleting it does not break make
empty = {os.path.realpath(t) for ts, ds in mklib.rules("out.d") if not ds for t in ts}
assert inputs <= empty, "no empty rule for %s" % sorted(inputs - empty)
PY
}

test_make_depfile_follows_style_and_only() {
    mk_lib
    assert_exit 0 "$LIVRABLES" build "$MK_FLASH" -o out --style neutre --only feuille-de-route -M out.d
    python3 - "$ROOT" <<'PY'
import os, sys
sys.path.insert(0, ".")
import mklib
root = sys.argv[1]
inputs = set().union(*mklib.deps_by_target("out.d").values())
t = lambda p: os.path.join(root, p)
for p in ["styles/neutre.xsl", "templates/feuille-de-route.xsl"]:
    assert t(p) in inputs, "%s not listed" % p
assert mklib.stylesheets(t("templates/feuille-de-route.xsl")) <= inputs, "a module is missing"
for p in ["styles/etat.xsl", "templates/note-de-cadrage.xsl", "templates/livret-de-capitalisation.xsl"]:
    assert t(p) not in inputs, "%s listed but not loaded" % p
PY
}

# Point 1 read strictly: a touched stylesheet rebuilds only the outputs made with it.
test_make_depfile_per_output() {
    mk_lib
    assert_exit 0 "$LIVRABLES" build "$MK_FLASH" -o out -M out.d
    python3 - "$ROOT" <<'PY'
import os, sys
sys.path.insert(0, ".")
import mklib
root = sys.argv[1]
names = ["note-de-cadrage", "carnet-de-suivi", "rapport-final", "feuille-de-route",
         "livret-de-capitalisation"]
own = {n: mklib.stylesheets(os.path.join(root, "templates", n + ".xsl")) for n in names}
for out, deps in sorted(mklib.deps_by_target("out.d").items()):
    name = os.path.basename(out)[:-len(".pdf")]
    assert own[name] <= deps, "%s: its stylesheets are not all listed" % out
    for other in names:
        extra = own[other] - own[name]
        assert not (extra & deps), "%s depends on %s" % (out, sorted(extra & deps))
PY
}

# A site's outputs depend on the atelier's file and their own site's file, not on the other
# sites' files; the livret depends on every file.
test_make_depfile_per_site() {
    mk_lib
    assert_exit 0 "$LIVRABLES" build "$MK_MULTI" -o out -M out.d
    python3 - "$MK_MULTI" <<'PY'
import os, sys
sys.path.insert(0, ".")
import mklib
import xml.etree.ElementTree as ET
src = os.path.realpath(sys.argv[1])
files = mklib.source_files(src)
site_file = {}
for f in files[1:]:
    root = ET.parse(f).getroot()
    assert root.tag == mklib.A + "site", "%s is not a site" % f
    site_file[root.get("id")] = f
assert len(site_file) == 3, "the example has three sites in their own files"
deps = mklib.deps_by_target("out.d")
out = os.path.realpath("out")
seen = 0
for target, d in sorted(deps.items()):
    mine = set(files) & d
    site = os.path.basename(os.path.dirname(target))
    if os.path.dirname(target) == out:
        assert mine == set(files), "%s: lists %s" % (target, sorted(mine))
    else:
        assert mine == {src, site_file[site]}, "%s: lists %s" % (target, sorted(mine))
        seen += 1
assert seen == 12, "expected 12 per-site outputs, got %d" % seen
PY
}

test_make_depfile_batch_keeps_ateliers_apart() {
    mk_lib
    assert_exit 0 "$LIVRABLES" build "$MK_FLASH" "$MK_DEPOT/cerneux/atelier.xml" -o out -j 2 -M out.d
    python3 - "$MK_FLASH" "$MK_DEPOT/cerneux/atelier.xml" <<'PY'
import os, sys
sys.path.insert(0, ".")
import mklib
import xml.etree.ElementTree as ET
srcs = sys.argv[1:]
deps = mklib.deps_by_target("out.d")
for i, src in enumerate(srcs):
    other = srcs[1 - i]
    aid = ET.parse(src).getroot().get("id")
    outs = [t for t in deps if ("/%s/" % aid) in t]
    assert outs, "no output of %s in the dependency file" % aid
    for t in outs:
        assert set(mklib.source_files(src)) <= deps[t], "%s: its sources are missing" % t
        wrong = set(mklib.source_files(other)) & deps[t]
        assert not wrong, "%s depends on the other atelier: %s" % (t, sorted(wrong))
PY
}

test_make_reproducible_pdfs() {
    [ -n "${SOURCE_DATE_EPOCH:-}" ] || fail "run.sh sets SOURCE_DATE_EPOCH"
    assert_exit 0 "$LIVRABLES" build "$MK_FLASH" -o out
    mv out first
    assert_exit 0 "$LIVRABLES" build "$MK_FLASH" -o out
    assert_eq "$(cd first && mk_pdfs .)" "$(cd out && mk_pdfs .)" "outputs"
    n=0
    for f in $(cd out && mk_pdfs .); do
        cmp "first/$f" "out/$f" || fail "$f differs between two builds"
        n=$((n + 1))
    done
    [ "$n" -ge 5 ] || fail "expected 5 PDFs, got $n"
    # the dates come from SOURCE_DATE_EPOCH
    want=$(TZ=UTC date -d "@$SOURCE_DATE_EPOCH" '+%a %b %e %H:%M:%S %Y')
    TZ=UTC pdfinfo out/*/feuille-de-route.pdf > info.txt
    grep -q "^CreationDate: *$want" info.txt || { cat info.txt; fail "creation date is not $want"; }
    # the same atelier built in a parallel batch gives the same bytes
    assert_exit 0 "$LIVRABLES" build "$MK_FLASH" "$MK_DEPOT/cerneux/atelier.xml" -o batch -j 2
    id=$(sed -n 's/.*<atelier [^>]* id="\([^"]*\)".*/\1/p' "$MK_FLASH")
    for f in $(cd out && mk_pdfs .); do
        cmp "out/$f" "batch/$id/$f" || fail "$f differs when built in a batch"
    done
}

test_make_reproducible_dates_follow_epoch() {
    SOURCE_DATE_EPOCH=1700000000 "$LIVRABLES" build "$MK_FLASH" -o a --only note-de-cadrage
    SOURCE_DATE_EPOCH=1710000000 "$LIVRABLES" build "$MK_FLASH" -o b --only note-de-cadrage
    ! cmp -s a/*/note-de-cadrage.pdf b/*/note-de-cadrage.pdf || fail "the date is not taken from SOURCE_DATE_EPOCH"
    TZ=UTC pdfinfo a/*/note-de-cadrage.pdf | grep -q "CreationDate: *Tue Nov 14 22:13:20 2023" ||
        { TZ=UTC pdfinfo a/*/note-de-cadrage.pdf; fail "creation date"; }
}

test_make_batch_parallel_keeps_going() {
    good2=$MK_DEPOT/cerneux/atelier.xml
    rc=0
    "$LIVRABLES" build "$MK_FLASH" "$MK_BROKEN" "$good2" -o out -j 2 >stdout.txt 2>stderr.txt || rc=$?
    assert_eq 1 "$rc" "exit code"
    # the broken atelier is reported with its file and line
    grep -qE "^$MK_BROKEN:[0-9]+: error: " stderr.txt || { cat stderr.txt; fail "no diagnostic for the broken atelier"; }
    # both good ateliers are complete, each in its own folder
    for src in "$MK_FLASH" "$good2"; do
        id=$(sed -n 's/.*<atelier [^>]* id="\([^"]*\)".*/\1/p' "$src")
        [ -f "out/$id/livret-de-capitalisation.pdf" ] || fail "livret of $id missing"
        for site in $(grep -ho '<site [^>]*id="[^"]*"' "$src" "$(dirname "$src")"/sites/*.xml 2>/dev/null |
                      sed 's/.* id="\([^"]*\)"/\1/'); do
            for doc in $MK_DOCS; do
                [ -f "out/$id/$site/$doc.pdf" ] || fail "out/$id/$site/$doc.pdf missing"
            done
        done
    done
    [ "$(ls out | wc -l)" = 2 ] || { ls out; fail "expected only the two good ateliers' folders"; }
    # not a terminal: one 'wrote FILE' line per output, no progress line
    assert_eq "$(find out -name '*.pdf' | wc -l)" "$(grep -c '^wrote ' stdout.txt)" "'wrote' lines"
    ! grep -q $'\r' stdout.txt || fail "carriage returns in non-terminal output"
    # the last line says what was built and names the broken atelier, and only it
    last=$(tail -n 1 stdout.txt)
    [[ "$last" == *failed* ]] || fail "last line does not report the failure: $last"
    [[ "$last" == *bad-date.xml* ]] || fail "last line does not name the broken atelier: $last"
    [[ "$last" != *atelier-flash/atelier.xml* && "$last" != *cerneux/atelier.xml* ]] ||
        fail "last line names a good atelier as failed: $last"
    [[ "$last" =~ [0-9] ]] || fail "last line has no count: $last"
}

test_make_batch_all_good_exits_zero() {
    assert_exit 0 "$LIVRABLES" build "$MK_FLASH" "$MK_DEPOT/cerneux/atelier.xml" -o out -j 3
    [ "$(ls out | wc -l)" = 2 ] || fail "expected two folders"
    assert_not_contains out.txt "failed:"
}

test_make_batch_progress_on_terminal() {
    command -v script >/dev/null || fail "script(1) is needed"
    script -qec "'$LIVRABLES' build '$MK_FLASH' '$MK_DEPOT/cerneux/atelier.xml' -o out -j 2" /dev/null > tty.txt ||
        { cat tty.txt; fail "build on a terminal failed"; }
    grep -q $'\r' tty.txt || { cat -A tty.txt; fail "no progress line updated in place"; }
    grep -q '\[2/2\]' tty.txt || { cat -A tty.txt; fail "no [n/N] progress"; }
    # one 'wrote' line per PDF stays (make in a terminal shows them), each on a cleared line
    assert_eq "$(find out -name '*.pdf' | wc -l)" "$(grep -c $'\r\033\[Kwrote ' tty.txt)" "'wrote' lines on a terminal"
    [ -f "out/$(sed -n 's/.*<atelier [^>]* id="\([^"]*\)".*/\1/p' "$MK_FLASH")/livret-de-capitalisation.pdf" ] ||
        fail "nothing built"
}

# mk_expected_outputs SRC DIR [SITE...]: the outputs `build SRC -o DIR` writes, in build order
# (deliverable by deliverable, sites in document order), from the source itself.
mk_expected_outputs() {
    PYTHONPATH=$ROOT/tests/e2e/lib python3 - "$@" <<'PY'
import sys, atelier as at
src, out, only = sys.argv[1], sys.argv[2], sys.argv[3:]
sites = [s.get("id") for s in at.sites(at.load(src))]
for doc in ["note-de-cadrage", "carnet-de-suivi", "rapport-final", "feuille-de-route"]:
    for s in sites:
        if not only or s in only:
            print("%s/%s/%s.pdf" % (out, s, doc))
print("%s/livret-de-capitalisation.pdf" % out)
PY
}

test_make_dry_run_lists_outputs_writes_nothing() {
    "$LIVRABLES" build -n "$MK_MULTI" -o out -M out.d > list.txt 2> err.txt || { cat err.txt; fail "build -n"; }
    [ ! -s err.txt ] || { cat err.txt; fail "build -n printed on stderr"; }
    assert_eq "$(mk_expected_outputs "$MK_MULTI" out)" "$(cat list.txt)" "outputs of build -n"
    [ ! -e out ] && [ ! -e out.d ] || fail "build -n wrote something"
    [ "$(ls | sort | tr '\n' ' ')" = "err.txt list.txt " ] || { ls; fail "build -n wrote something"; }
    # the very files a real build writes
    "$LIVRABLES" build "$MK_MULTI" -o out > /dev/null 2>&1 || fail "build"
    assert_eq "$(sort list.txt)" "$(find out -type f | sort)" "files written by the build"
    # --dry-run, --only, --site, PNG pages (the first), several ateliers (one folder each)
    assert_exit 0 "$LIVRABLES" build --dry-run "$MK_MULTI" -o o --only rapport-final --site garrigues-hautes --format png
    assert_eq "o/garrigues-hautes/rapport-final-1.png" "$(cat out.txt)" "PNG dry run"
    assert_exit 0 "$LIVRABLES" build -n "$MK_FLASH" "$MK_DEPOT/cerneux/atelier.xml" -o b --only livret-de-capitalisation -j 2
    assert_eq "b/atelier-flash-vernay-2025/livret-de-capitalisation.pdf
b/atelier-flash-cerneux-2025/livret-de-capitalisation.pdf" "$(cat out.txt)" "batch dry run"
    [ ! -e o ] && [ ! -e b ] || fail "build -n wrote something"
    # an invalid source: its diagnostics, exit 1, no output named
    rc=0
    "$LIVRABLES" build -n "$MK_BROKEN" -o bad > list.txt 2> err.txt || rc=$?
    assert_eq 1 "$rc" "exit code of build -n on an invalid source"
    [ ! -s list.txt ] || fail "outputs named for an invalid source"
    grep -qE "^$MK_BROKEN:[0-9]+: error: " err.txt || { cat err.txt; fail "no diagnostic"; }
}

test_make_site_option() {
    assert_exit 0 "$LIVRABLES" build "$MK_MULTI" -o out --site garrigues-hautes
    assert_eq "$(mk_expected_outputs "$MK_MULTI" out garrigues-hautes | sort)" "$(find out -type f | sort)" \
        "files written with --site garrigues-hautes"
    assert_exit 0 "$LIVRABLES" build "$MK_MULTI" -o two --site castelvert-sur-arrats,vallees-auzonne \
        --only feuille-de-route,livret-de-capitalisation
    assert_eq "two/castelvert-sur-arrats/feuille-de-route.pdf
two/livret-de-capitalisation.pdf
two/vallees-auzonne/feuille-de-route.pdf" "$(find two -type f | sort)" "files written with two sites"
    # an unknown site: located on the atelier, naming its sites; nothing written
    assert_exit 1 "$LIVRABLES" build "$MK_MULTI" -o bad --site garrigues-hautes,garrigues
    assert_eq "$MK_MULTI:3: error: no site 'garrigues' in this atelier (its sites: vallees-auzonne, garrigues-hautes, castelvert-sur-arrats)" \
        "$(cat out.txt)" "unknown site"
    [ ! -e bad ] || fail "something was written for an unknown site"
    # wrong usage
    assert_exit 2 "$LIVRABLES" build "$MK_MULTI" "$MK_FLASH" -o bad --site garrigues-hautes
    assert_contains out.txt "--site applies to one atelier"
    assert_exit 2 "$LIVRABLES" build "$MK_MULTI" -o bad --site ,
    assert_contains out.txt "invalid --site ','"
    [ ! -e bad ] || fail "something was written on wrong usage"
    # documented
    "$LIVRABLES" build --help > help.txt
    assert_contains help.txt "--site LIST"
    assert_contains help.txt "-n, --dry-run"
}

# mk_depot: a copy of the shared-repository example in ./depot, with its own copy of the
# stylesheets (LIVRABLES_DATADIR) so that touching one cannot disturb the source tree.
mk_depot() {
    cp -R "$MK_DEPOT" depot
    rm -rf depot/livrables depot/*.d
    mkdir data
    cp -R "$ROOT/templates" "$ROOT/styles" "$ROOT/schema" data/
    export LIVRABLES_DATADIR=$PWD/data
}

# mk_make ARGS...: make in ./depot with our binary, output to ../make.txt
mk_make() { make -C depot --no-print-directory LIVRABLES="$LIVRABLES" "$@" > make.txt 2>&1; }

# mk_newer FILE: the PDFs of the depot newer than FILE, relative, sorted
mk_newer() { (cd depot && find livrables -name '*.pdf' -newer "$1" | sort); }

# mk_listing FILE: the PDFs of the depot whose dependency file (PDF.d) lists FILE (relative to
# the depot; listed relative or absolute), relative, sorted
mk_listing() {
    (cd depot && grep -lE -- "^  (|.*/)$1( \\\\)?\$" $(find livrables -name '*.pdf.d') | sed 's/\.d$//' | sort)
}

test_make_shared_repository_incremental() {
    mk_depot
    mk_make || { cat make.txt; fail "first make"; }
    for a in vernay cerneux; do
        [ -f "depot/livrables/$a/livret-de-capitalisation.pdf" ] || fail "$a: livret missing"
        [ -f "depot/livrables/$a/livret-de-capitalisation.pdf.d" ] || fail "$a: no dependency file"
    done
    [ "$(find depot/livrables -name '*.pdf' | wc -l)" = 10 ] || fail "expected 10 PDFs"
    [ "$(find depot/livrables -name '*.pdf.d' | wc -l)" = 10 ] || fail "expected one dependency file per PDF"
    # quiet: one "wrote" line per PDF, besides make's own lines and the charter's font warning
    assert_eq 10 "$(grep -c '^wrote livrables/.*\.pdf$' make.txt)" "'wrote' lines"
    ! grep -v -e '^wrote ' -e '^make' -e "warning: font family 'Marianne'" make.txt || fail "other output from make"
    # a second make has nothing to do
    make -C depot -q LIVRABLES="$LIVRABLES" || fail "make -q: not up to date after a build"
    mk_make -n
    assert_contains make.txt "Nothing to be done"
    assert_not_contains make.txt "livrables build"
    # touching one site file rebuilds that atelier only (one site: all of its PDFs)
    sleep 1.1
    touch depot/vernay/sites/vernay-sur-loue.xml
    mk_make || { cat make.txt; fail "make after touching a site"; }
    assert_eq "$(cd depot && find livrables/vernay -name '*.pdf' | sort)" "$(mk_newer vernay/sites/vernay-sur-loue.xml)" \
        "rebuilt after touching vernay's site"
    mk_make -n
    assert_contains make.txt "Nothing to be done"
    # an image: exactly the outputs showing it
    sleep 1.1
    touch depot/cerneux/images/cerneux-carte.svg
    mk_make || { cat make.txt; fail "make after touching an image"; }
    showing=$(mk_listing cerneux/images/cerneux-carte.svg)
    [ -n "$showing" ] || fail "no output lists cerneux's map"
    [ "$(echo "$showing" | wc -l)" -lt 5 ] || fail "every PDF of cerneux shows its map? $showing"
    assert_eq "$showing" "$(mk_newer cerneux/images/cerneux-carte.svg)" "rebuilt after touching cerneux's map"
    # a stylesheet: exactly the deliverables made with it, in every atelier
    sleep 1.1
    touch data/templates/feuille-de-route.xsl
    mk_make || { cat make.txt; fail "make after touching a stylesheet"; }
    assert_eq "$(cd depot && find livrables -name feuille-de-route.pdf | sort)" \
        "$(mk_newer ../data/templates/feuille-de-route.xsl)" "rebuilt after touching feuille-de-route.xsl"
    # a deleted PDF comes back
    rm depot/livrables/cerneux/cerneux-les-forges/carnet-de-suivi.pdf
    mk_make || { cat make.txt; fail "make after deleting a PDF"; }
    [ -f depot/livrables/cerneux/cerneux-les-forges/carnet-de-suivi.pdf ] || fail "deleted PDF not rebuilt"
    assert_eq "1" "$(grep -c '^wrote ' make.txt)" "commands run to rebuild one deleted PDF"
    mk_make -q || fail "not up to date at the end"
}

# A multi-site atelier in the depot: touching one site's file rebuilds exactly that site's
# four documents, the atelier's livret and the dossier; the other sites and ateliers stay.
test_make_shared_repository_one_site_of_several() {
    mk_depot
    cp -R "$ROOT/examples/atelier-multisite" depot/occitanie
    # two seminars in the depot now: the dossier is the Occitanie one's
    mk_make all dossier SEMINAIRE=occitanie || { cat make.txt; fail "first make"; }
    [ "$(find depot/livrables -name '*.pdf' | wc -l)" = 24 ] || { find depot/livrables; fail "expected 24 PDFs"; }
    mk_make -q all dossier SEMINAIRE=occitanie || fail "not up to date after a build"
    sleep 1.1
    touch depot/occitanie/sites/garrigues-hautes.xml
    mk_make all dossier SEMINAIRE=occitanie || { cat make.txt; fail "make after touching a site"; }
    want=$(printf '%s\n' livrables/occitanie/garrigues-hautes/{note-de-cadrage,carnet-de-suivi,rapport-final,feuille-de-route}.pdf \
        livrables/occitanie/livret-de-capitalisation.pdf livrables/dossier-seminaire.pdf | sort)
    assert_eq "$want" "$(mk_newer occitanie/sites/garrigues-hautes.xml)" "rebuilt after touching one site"
    assert_eq 5 "$(grep -c '^wrote ' make.txt)" "build commands after touching one site"
    mk_make -q all dossier SEMINAIRE=occitanie || fail "not up to date at the end"
    # all the ateliers at once hold two seminars: refused, at the second one, and no dossier
    rm depot/livrables/dossier-seminaire.pdf
    ! mk_make dossier || fail "a dossier of two seminars was made"
    [ ! -e depot/livrables/dossier-seminaire.pdf ] || fail "a dossier was left after the error"
    grep -qE "^vernay/atelier.xml:[0-9]+: error: a second final seminar" make.txt ||
        { cat make.txt; fail "no file:line error for the second seminar"; }
    # the atelier's own file concerns every site of it, and only that atelier
    sleep 1.1
    touch depot/occitanie/atelier.xml
    mk_make || { cat make.txt; fail "make after touching atelier.xml"; }
    assert_eq "$(cd depot && find livrables/occitanie -name '*.pdf' | sort)" "$(mk_newer occitanie/atelier.xml)" \
        "rebuilt after touching the atelier's file"
}

# A site made invalid: make shows the error with its file and line, every time, until it is
# fixed (a failed build leaves the dependency files as they were); -k builds the others.
test_make_shared_repository_error_until_fixed() {
    mk_depot
    mk_make || { cat make.txt; fail "first make"; }
    cp depot/vernay/sites/vernay-sur-loue.xml good.xml
    sleep 1.1
    sed -i 's/horizon="[a-z]*"/horizon="bientot"/' depot/vernay/sites/vernay-sur-loue.xml
    touch depot/cerneux/sites/cerneux-les-forges.xml
    for i in 1 2; do
        ! mk_make -k || { cat make.txt; fail "make $i succeeded with an invalid site"; }
        grep -qE "^vernay/sites/vernay-sur-loue.xml:[0-9]+: error: .*bientot" make.txt ||
            { cat make.txt; fail "make $i: no file:line error"; }
        make -C depot -q LIVRABLES="$LIVRABLES" && fail "make -q: up to date with an invalid site"
        [ -s depot/livrables/vernay/livret-de-capitalisation.pdf.d ] || fail "dependency file emptied"
    done
    # -k built the other atelier all the same
    assert_eq "$(cd depot && find livrables/cerneux -name '*.pdf' | sort)" \
        "$(mk_newer cerneux/sites/cerneux-les-forges.xml)" "cerneux rebuilt despite vernay's error"
    cp good.xml depot/vernay/sites/vernay-sur-loue.xml
    mk_make || { cat make.txt; fail "make once fixed"; }
    assert_eq "$(cd depot && find livrables/vernay -name '*.pdf' | sort)" "$(mk_newer vernay/sites/vernay-sur-loue.xml)" \
        "rebuilt once fixed"
    mk_make -q || fail "not up to date once fixed"
}

test_make_shared_repository_parallel() {
    mk_depot
    cp -R "$ROOT/examples/atelier-multisite" depot/occitanie
    mk_make -j2 || { cat make.txt; fail "make -j2"; }
    [ "$(find depot/livrables -name '*.pdf' | wc -l)" = 23 ] || { cat make.txt; fail "expected 23 PDFs"; }
    [ "$(grep -c '^wrote ' make.txt)" = 23 ] || { cat make.txt; fail "expected one build per PDF"; }
    mv depot/livrables parallel
    mk_make || { cat make.txt; fail "serial make"; }
    assert_eq "$(cd parallel && mk_pdfs .)" "$(cd depot/livrables && mk_pdfs .)" "PDFs of make -j2 and make"
    for f in $(cd parallel && mk_pdfs .); do
        cmp "parallel/$f" "depot/livrables/$f" || fail "$f differs between make -j2 and make"
    done
    mk_make -j2 -n
    assert_contains make.txt "Nothing to be done"
}

test_make_shared_repository_dossier() {
    mk_depot
    mk_make dossier || { cat make.txt; fail "make dossier"; }
    [ -f depot/livrables/dossier-seminaire.pdf ] || fail "no dossier"
    pdf_text depot/livrables/dossier-seminaire.pdf > d.txt
    assert_contains d.txt "Vernay-sur-Loue"
    assert_contains d.txt "Cerneux-les-Forges"
    mk_make -q dossier || fail "dossier not up to date after make dossier"
    sleep 1.1
    touch depot/cerneux/sites/cerneux-les-forges.xml
    ! mk_make -q dossier || fail "touching a site does not make the dossier out of date"
}

test_make_shared_repository_validate() {
    mk_depot
    mk_make validate || { cat make.txt; fail "make validate"; }
    assert_contains make.txt "vernay/atelier.xml: valid"
    assert_contains make.txt "cerneux/atelier.xml: valid"
}

test_make_examples_makefile() {
    # a private copy of the stylesheets: the second make must not see the tree change
    mkdir data && cp -R "$ROOT/templates" "$ROOT/styles" "$ROOT/schema" data/
    export LIVRABLES_DATADIR=$PWD/data
    make -C "$ROOT" --no-print-directory -f examples/Makefile.examples LIVRABLES="$LIVRABLES" OUT="$PWD/ex" \
        > make.txt 2>&1 || { tail -n 30 make.txt; fail "make -f examples/Makefile.examples"; }
    [ -f ex/dossier-seminaire.pdf ] && [ -f ex/depot-partage/dossier-seminaire.pdf ] || fail "dossiers not built"
    for e in atelier-multisite atelier-flash depot-partage/vernay depot-partage/cerneux; do
        [ -f "ex/$e/livret-de-capitalisation.pdf" ] || fail "$e not built"
    done
    [ -f ex/atelier-multisite/garrigues-hautes/rapport-final.pdf.d ] || fail "no dependency file"
    make -C "$ROOT" --no-print-directory -f examples/Makefile.examples LIVRABLES="$LIVRABLES" OUT="$PWD/ex" \
        > again.txt 2>&1 || { cat again.txt; fail "second make"; }
    assert_not_contains again.txt "livrables build"
    assert_not_contains again.txt "livrables dossier"
    # one template: only the deliverables made with it
    sleep 1.1
    touch data/templates/rapport-final.xsl
    make -C "$ROOT" --no-print-directory -f examples/Makefile.examples LIVRABLES="$LIVRABLES" OUT="$PWD/ex" \
        > third.txt 2>&1 || { cat third.txt; fail "make after touching a template"; }
    assert_eq "$(find ex -name rapport-final.pdf | sort)" \
        "$(find ex -name '*.pdf' -newer data/templates/rapport-final.xsl | sort)" "rebuilt after touching rapport-final.xsl"
}

test_make_install_works_outside_the_tree() {
    bin=$(realpath "$LIVRABLES")
    dest=$PWD/dest
    # -o: install the binary under test as it is, without remaking it
    make -C "$ROOT" --no-print-directory -o "$bin" install BUILD="$(dirname "$bin")" PREFIX=/usr DESTDIR="$dest" \
        > install.txt 2>&1 || { cat install.txt; fail "make install"; }
    [ -x dest/usr/bin/livrables ] || fail "binary not installed"
    for f in templates/feuille-de-route.xsl templates/common/document.xsl styles/etat.xsl styles/neutre.xsl \
             schema/atelier.rng; do
        [ -f "dest/usr/share/livrables/$f" ] || fail "$f not installed"
        cmp "$ROOT/$f" "dest/usr/share/livrables/$f" || fail "$f installed differs"
    done
    [ -f dest/usr/share/man/man1/livrables.1 ] || fail "man page not installed"
    [ -f dest/usr/share/locale/fr/LC_MESSAGES/livrables.mo ] || fail "French messages not installed"
    MANWIDTH=80 man -l dest/usr/share/man/man1/livrables.1 > man.txt 2>&1 || fail "man page does not render"
    assert_contains man.txt "livrables build"
    # from another directory, with a copy of an example and no LIVRABLES_DATADIR
    mkdir -p elsewhere/src && cp -R "$ROOT/examples/atelier-flash/." elsewhere/src/
    (cd elsewhere && env -u LIVRABLES_DATADIR "$dest/usr/bin/livrables" build src/atelier.xml -o out -M out.d) \
        > run.txt 2>&1 || { cat run.txt; fail "installed binary: build"; }
    [ -f elsewhere/out/livret-de-capitalisation.pdf ] || fail "installed binary: no livret"
    pdf_text elsewhere/out/*/feuille-de-route.pdf | grep -q "Vernay-sur-Loue" || fail "installed binary: empty PDF"
    # its stylesheets and schema come from the installed tree, not from the source tree
    assert_contains elsewhere/out.d "$dest/usr/share/livrables/templates/feuille-de-route.xsl"
    assert_contains elsewhere/out.d "$dest/usr/share/livrables/schema/atelier.rng"
    assert_not_contains elsewhere/out.d "$ROOT/templates"
    (cd elsewhere && env -u LIVRABLES_DATADIR "$dest/usr/bin/livrables" validate src/atelier.xml) ||
        fail "installed binary: validate"
    (cd elsewhere && env -u LIVRABLES_DATADIR "$dest/usr/bin/livrables" init neuf > /dev/null &&
        env -u LIVRABLES_DATADIR "$dest/usr/bin/livrables" validate neuf/atelier.xml) || fail "installed binary: init"
    # init names the installed schema for editors, by its absolute path
    assert_contains elsewhere/neuf/atelier.xml \
        "<?xml-model href=\"$dest/usr/share/livrables/schema/atelier.rng\" schematypens=\"http://relaxng.org/ns/structure/1.0\"?>"
    # the installed tree still works once moved elsewhere (paths are relative to the binary)
    mv dest moved
    (cd elsewhere && env -u LIVRABLES_DATADIR "$PWD/../moved/usr/bin/livrables" build src/atelier.xml -o out2 \
        --only note-de-cadrage) > moved.txt 2>&1 || { cat moved.txt; fail "moved install"; }
    # and finds its French messages there
    LANG=fr_FR.UTF-8 "$PWD/moved/usr/bin/livrables" build > fr.txt 2>&1 || true
    assert_contains fr.txt "livrables build"$'\u00a0'": erreur"$'\u00a0'": aucune source d’atelier donnée"
}

test_make_man_page_documents_every_option() {
    man=$ROOT/doc/livrables.1
    [ -f "$man" ] || fail "no doc/livrables.1"
    MANWIDTH=200 man -l "$man" 2>/dev/null | col -b > man.txt
    for cmd in build validate render dossier init export-plan; do
        grep -q "^   $cmd " man.txt || fail "command $cmd has no section"
        "$LIVRABLES" $cmd --help > help.txt
        for opt in $(grep -oE '(^|[ ,])--?[a-zA-Z][a-zA-Z-]*' help.txt | tr -d ' ,' | sort -u); do
            # options as they appear in the command's own section
            sed -n "/^   $cmd /,/^   [a-z]/p" man.txt | grep -qF -- "$opt" ||
                fail "$cmd $opt not in the man page"
        done
    done
    assert_contains man.txt "SOURCE_DATE_EPOCH"
    assert_contains man.txt "LIVRABLES_DATADIR"
    assert_contains man.txt "EXIT STATUS"
}

# In one process (no -j), an atelier that fails must not make the next one fail: each
# document counts its own errors.
test_make_batch_in_one_process_keeps_ateliers_apart() {
    cp -r "$ROOT/examples/atelier-flash" bad
    sed -i 's|</titre>|</titr>|' bad/atelier.xml
    assert_exit 1 "$LIVRABLES" build bad/atelier.xml "$ROOT/examples/atelier-flash/atelier.xml" -o out
    assert_contains out.txt "built 1 of 2 ateliers; failed: bad/atelier.xml"
    [ "$(find out -name '*.pdf' | wc -l)" = 5 ] || { cat out.txt; fail "the second atelier's PDFs"; }
}

# init's sources name the schema with the standard xml-model line, by a path that resolves
# from each file's own folder (the source tree's schema here), so editors validate as you type.
test_make_init_names_the_schema_for_editors() {
    "$LIVRABLES" init neuf >/dev/null
    local f href
    for f in neuf/atelier.xml neuf/sites/mon-site.xml; do
        assert_eq '<?xml version="1.0" encoding="UTF-8"?>' "$(sed -n 1p "$f")" "$f: first line"
        href=$(sed -n '2s/^<?xml-model href="\([^"]*\)" schematypens="http:\/\/relaxng.org\/ns\/structure\/1.0"?>$/\1/p' "$f")
        [ -n "$href" ] || fail "$f: no xml-model line: $(sed -n 2p "$f")"
        [[ "$href" != /* ]] || fail "$f: the source tree's schema should be named relatively: $href"
        cmp -s "$(dirname "$f")/$href" "$ROOT/schema/atelier.rng" || fail "$f: $href is not the schema"
    done
    assert_exit 0 "$LIVRABLES" validate neuf/atelier.xml
}
