# End-to-end tests of the messages: English and French (gettext, po/fr.po), schema errors
# in an author's terms with what the schema allows, the progress line on a terminal, the
# missing-font warning once per make run, and PDFs that do not depend on the locale.
# run.sh sets LANG=C.UTF-8; a test asks for French with LANG=fr_FR.UTF-8 on its command.

NBSP=$'\u00a0'    # before ":" and inside « »
FR="LANG=fr_FR.UTF-8"

# fr COMMAND...: runs livrables in French, output to ./out.txt, exit code into $rc
fr() { rc=0; env LANG=fr_FR.UTF-8 "$LIVRABLES" "$@" >out.txt 2>&1 || rc=$?; }

# values ELEMENT ATTRIBUTE: the values atelier.rng allows for an attribute, "a, b, c"
values() {
    /usr/bin/python3 - "$ROOT/schema/atelier.rng" "$1" "$2" <<'PY'
import sys
from lxml import etree
rng, elem, attr = sys.argv[1:]
ns = {"r": "http://relaxng.org/ns/structure/1.0"}
t = etree.parse(rng)
a = t.xpath(f"//r:element[@name='{elem}']//r:attribute[@name='{attr}']", namespaces=ns)[0]
print(", ".join(v.text for v in a.xpath(".//r:value", namespaces=ns)))
PY
}

# broken SED-EXPR: minimal.xml with one mistake, as t.xml
broken() { sed "$1" "$ROOT/tests/sources/valid/minimal.xml" >t.xml; }

# both LINE ENGLISH FRENCH: validate t.xml fails with exactly these messages (exit 1)
both() {
    assert_exit 1 "$LIVRABLES" validate t.xml
    assert_eq "t.xml:$1: error: $2" "$(cat out.txt)" "English message"
    fr validate t.xml
    assert_eq 1 "$rc" "exit code in French"
    assert_eq "t.xml:$1: erreur$NBSP: $3" "$(cat out.txt)" "French message"
}

test_messages_catalogue_is_complete() {
    # every message of the code has a French translation, none fuzzy, formats consistent
    find "$ROOT/gen" -name '*.[ch]' | sort >files.txt
    xgettext --language=C --from-code=UTF-8 --keyword=_ --keyword=N_ --keyword=ngettext:1,2 --keyword=fail:2 \
        -f files.txt -o fresh.pot
    msgfmt --check --statistics -o /dev/null "$ROOT/po/fr.po" 2>stats.txt || { cat stats.txt; fail "msgfmt --check"; }
    msgcmp "$ROOT/po/fr.po" fresh.pot || fail "po/fr.po lacks translations (make po-update)"
    assert_not_contains stats.txt "fuzzy"
    assert_not_contains stats.txt "untranslated"
    [ -z "$(msgattrib --only-fuzzy "$ROOT/po/fr.po")" ] || fail "fuzzy entries in po/fr.po"
}

test_messages_help_and_usage_in_french() {
    fr --help
    assert_eq 0 "$rc"
    assert_contains out.txt "Utilisation$NBSP: livrables COMMANDE [OPTION]... [FICHIER]..."
    assert_contains out.txt "  build      produit les livrables d’un ou plusieurs ateliers"
    fr build --help
    assert_contains out.txt "  -o, --output DOSSIER   dossier de sortie (obligatoire"
    fr build atelier.xml
    assert_eq 2 "$rc"
    assert_eq "livrables build$NBSP: erreur$NBSP: pas de dossier de sortie (-o DOSSIER)
Essayez «${NBSP}livrables build --help${NBSP}»." "$(cat out.txt)"
    # LANG=C stays English
    assert_exit 2 env LANG=C "$LIVRABLES" build atelier.xml
    assert_eq "livrables build: error: no output directory (-o DIR)
Try 'livrables build --help'." "$(cat out.txt)"
    # LC_MESSAGES alone chooses the messages too
    LANG=C LC_MESSAGES=fr_FR.UTF-8 "$LIVRABLES" frobnicate >out.txt 2>&1 || true
    assert_eq "livrables$NBSP: erreur$NBSP: commande «${NBSP}frobnicate${NBSP}» inconnue (voir livrables --help)" "$(cat out.txt)"
}

test_messages_schema_bad_attribute_value() {
    local v
    v=$(values action priorite)
    broken 's/priorite="1"/priorite="haute"/'
    both 56 "action 1.1.1: priorite 'haute' is not allowed (values: $v)" \
        "action 1.1.1$NBSP: priorite «${NBSP}haute${NBSP}» n’est pas permise (valeurs$NBSP: $v)"
}

test_messages_schema_missing_attribute() {
    local v
    v=$(values action statut)
    broken 's/ statut="a-lancer"//'
    both 56 "action 1.1.1: attribute statut is missing on <action> (values: $v)" \
        "action 1.1.1$NBSP: l’attribut statut manque sur <action> (valeurs$NBSP: $v)"
}

test_messages_schema_unknown_attribute() {
    broken 's/priorite="1"/priority="1"/'
    both 56 "action 1.1.1: unknown attribute priority on <action> (allowed: id, numero, horizon, debut, duree, priorite, statut)" \
        "action 1.1.1$NBSP: attribut priority inconnu sur <action> (permis$NBSP: id, numero, horizon, debut, duree, priorite, statut)"
}

test_messages_schema_unknown_and_misplaced_elements() {
    broken 's/<dynamiques>/<dynamique>/; s/<\/dynamiques>/<\/dynamique>/'
    both 33 "site bourg: unknown element <dynamique> in <diagnostic> (expected here: <dynamiques>, <enjeux>, <atouts>, <faiblesses>)" \
        "site bourg$NBSP: élément <dynamique> inconnu dans <diagnostic> (attendus ici$NBSP: <dynamiques>, <enjeux>, <atouts>, <faiblesses>)"
    # an element of the vocabulary, in the wrong parent
    broken 's|<perimetre>|<vision><p>x</p></vision><perimetre>|'
    local line
    line=$(grep -n '<perimetre>' t.xml | cut -d: -f1)
    both "$line" "site bourg: element <vision> is not allowed in <site> (expected here: <nom>, <departement>, <region>, <population>, <superficie>, <perimetre>, <collectivites>, <carte>, <photo>, <presentation>, <diagnostic>, <strategie>, <gouvernance>, <recommandations>, <seances>, <livrable>)" \
        "site bourg$NBSP: l’élément <vision> n’est pas permis dans <site> (attendus ici$NBSP: <nom>, <departement>, <region>, <population>, <superficie>, <perimetre>, <collectivites>, <carte>, <photo>, <presentation>, <diagnostic>, <strategie>, <gouvernance>, <recommandations>, <seances>, <livrable>)"
    # order: region before departement
    python3 - t.xml "$ROOT/tests/sources/valid/minimal.xml" <<'PY'
import re, sys
s = open(sys.argv[2], encoding="utf-8").read()
dep = re.search(r"\n\s*<departement[^\n]*", s).group(0)
reg = re.search(r"\n\s*<region[^\n]*", s).group(0)
s = s.replace(dep, "\x00").replace(reg, dep).replace("\x00", reg)
open(sys.argv[1], "w", encoding="utf-8").write(s)
PY
    line=$(grep -n '<departement' t.xml | cut -d: -f1)
    both "$line" "site bourg: element <departement> must come before <region>" \
        "site bourg$NBSP: l’élément <departement> doit venir avant <region>"
}

test_messages_schema_missing_child_and_bad_text() {
    broken '/<titre>Lancer une OPAH-RU<\/titre>/d'
    both 56 "action 1.1.1: element <titre> is missing in <action>" \
        "action 1.1.1$NBSP: l’élément <titre> manque dans <action>"
    broken 's|<cout>100000</cout>|<cout>100 000</cout>|'
    both 62 "action 1.1.1: cout '100 000' is not valid (expected: an amount in euros such as 1250000 or 12500.50)" \
        "action 1.1.1$NBSP: cout «${NBSP}100 000${NBSP}» n’est pas valide (attendu$NBSP: un montant en euros comme 1250000 ou 12500.50)"
    broken 's/date="2025-03-12"/date="2025-02-30"/'
    both 72 "seance 1: date '2025-02-30' is not valid (expected: a date such as 2025-03-12)" \
        "seance 1$NBSP: date «${NBSP}2025-02-30${NBSP}» n’est pas valide (attendu$NBSP: une date comme 2025-03-12)"
}

test_messages_schema_ids() {
    broken 's/<axe numero="1">/<axe id="bourg" numero="1">/'
    local first
    first=$(grep -n '<site ' t.xml | head -n 1 | cut -d: -f1)
    both 52 "axe 1: id 'bourg' is already used (t.xml:$first)" \
        "axe 1$NBSP: id «${NBSP}bourg${NBSP}» est déjà utilisé (t.xml:$first)"
    broken 's/<objectif numero="1.1">/<objectif numero="1.1" enjeux="xyz">/'
    both 54 "objectif 1.1: enjeux: no element has the id 'xyz'" \
        "objectif 1.1$NBSP: enjeux$NBSP: aucun élément n’a l’identifiant «${NBSP}xyz${NBSP}»"
}

test_messages_malformed_sources_in_an_authors_words() {
    broken 's|<titre>Habiter le centre</titre>|<titre>Habiter le centre</title>|'
    both 53 "</title> does not close <titre> (opened on line 53)" \
        "</title> ne ferme pas <titre> (ouvert ligne 53)"
    broken 's|Habiter le centre|Habiter \& loger|'
    both 53 "a lone '&': write it '&amp;'" \
        "un «${NBSP}&${NBSP}» seul$NBSP: écrivez-le «${NBSP}&amp;${NBSP}»"
    broken 's|Habiter le centre|Habiter\&nbsp;le centre|'
    both 53 "unknown entity '&nbsp;': type the character itself" \
        "entité «${NBSP}&nbsp;${NBSP}» inconnue$NBSP: tapez le caractère lui-même"
}

test_messages_bad_cells_in_french() {
    sheet_site
    local src v
    v=$(values action priorite)
    src=$(plan_source bad.csv plan-financements.csv)
    fr build "$src" -o out --only feuille-de-route
    assert_eq 1 "$rc"
    grep -v Marianne out.txt >got.txt || true
    cat >want.txt <<WANT
site/bad.csv:M2: erreur$NBSP: priorite «${NBSP}haute${NBSP}»$NBSP: valeurs permises $v
site/bad.csv:O3: erreur$NBSP: cout «${NBSP}50.000${NBSP}» est ambigu$NBSP: écrivez 50000 ou 50 000 pour cinquante mille
site/bad.csv:E4: erreur$NBSP: numero «${NBSP}3.1.1${NBSP}» n’est pas sous objectif «${NBSP}2.1${NBSP}»
site/bad.csv:N5: erreur$NBSP: statut «${NBSP}terminée${NBSP}»$NBSP: valeurs permises $(values action statut)
site/bad.csv:F5: erreur$NBSP: titre est vide, mais obligatoire
WANT
    diff want.txt got.txt || fail "French messages for bad.csv"
    [ ! -e out/$SHEET_SITE/feuille-de-route.pdf ] || fail "a PDF was written from bad.csv"
}

test_messages_pdfs_do_not_depend_on_the_locale() {
    # a French locale must not reach numbers written into the PDF (decimal commas)
    env LANG=C "$LIVRABLES" build "$ROOT/examples/atelier-flash/atelier.xml" -o en --only feuille-de-route,livret-de-capitalisation >en.log 2>&1 ||
        { cat en.log; fail "build under LANG=C"; }
    env LANG=fr_FR.UTF-8 LC_ALL=fr_FR.UTF-8 "$LIVRABLES" build "$ROOT/examples/atelier-flash/atelier.xml" -o fr \
        --only feuille-de-route,livret-de-capitalisation >fr.log 2>&1 || { cat fr.log; fail "build under fr_FR.UTF-8"; }
    assert_contains fr.log "écrit fr/livret-de-capitalisation.pdf"
    local n=0 f
    for f in $(cd en && find . -name '*.pdf' | sort); do
        cmp "en/$f" "fr/$f" || fail "$f differs between LANG=C and fr_FR.UTF-8"
        n=$((n + 1))
    done
    [ "$n" -ge 2 ] || fail "only $n PDFs compared"
}

test_messages_progress_line_only_on_a_terminal() {
    # on a terminal: [k/n] lines rewritten in place, cleared at the end
    script -qec "\"$LIVRABLES\" build \"$ROOT/examples/atelier-flash/atelier.xml\" -o tty --only note-de-cadrage,livret-de-capitalisation 2>&1" /dev/null >tty.log
    local site
    site=$(python3 -c "
import sys, xml.etree.ElementTree as ET
ns = {'a': 'urn:livrables:atelier:1'}
print(ET.parse(sys.argv[1]).getroot().find('.//a:site', ns).get('id'))" "$ROOT/examples/atelier-flash/atelier.xml")
    assert_contains tty.log $'\r\033[K[1/2] '"$site/note-de-cadrage.pdf"
    assert_contains tty.log $'\r\033[K[2/2] livret-de-capitalisation.pdf'
    # the wrote lines stay, above the progress line
    assert_contains tty.log $'\r\033[Kwrote tty/livret-de-capitalisation.pdf\r\n'
    [ "$(tail -c 4 tty.log | od -An -c | tr -d ' ')" = '\r033[K' ] || { od -c tty.log | tail -3; fail "the progress line is not cleared at the end"; }
    # not on a pipe or a file
    "$LIVRABLES" build "$ROOT/examples/atelier-flash/atelier.xml" -o pipe --only note-de-cadrage 2>err.txt | cat >std.txt
    assert_not_contains err.txt "[1/1]"
    ! grep -q $'\r' err.txt || fail "carriage return written to a file"
    assert_eq "wrote pipe/$site/note-de-cadrage.pdf" "$(cat std.txt)"
}

test_messages_font_warning_once_per_make_run() {
    if fc-list | grep -qi marianne; then
        echo "Marianne is installed: no warning to count"; return 0
    fi
    cp -R "$ROOT/examples/depot-partage" depot
    make -C depot -j2 LIVRABLES="$LIVRABLES" >make.log 2>&1 || { cat make.log; fail "make in the example"; }
    local pdfs warnings
    pdfs=$(grep -c '^wrote ' make.log)
    warnings=$(grep -c "font family 'Marianne' is not installed" make.log)
    [ "$pdfs" -ge 8 ] || { cat make.log; fail "only $pdfs PDFs written"; }
    assert_eq 1 "$warnings" "Marianne warnings for $pdfs PDFs"
    assert_contains make.log "fc-cache"
    # build -j: one process per atelier, one warning between them, no folder left behind
    local tmp
    tmp=$(mktemp -d)
    TMPDIR=$tmp "$LIVRABLES" build "$ROOT/examples/atelier-flash/atelier.xml" depot/cerneux/atelier.xml -o j2 -j 2 \
        --only note-de-cadrage >j2.log 2>&1 || { cat j2.log; fail "build -j 2"; }
    assert_eq 1 "$(grep -c "font family 'Marianne' is not installed" j2.log)" "warnings of build -j 2"
    assert_eq "" "$(ls -A "$tmp")" "left in TMPDIR"
    rmdir "$tmp"
    # a second make run that rebuilds something warns again, once
    touch depot/cerneux/atelier.xml
    make -C depot -j2 LIVRABLES="$LIVRABLES" >make2.log 2>&1 || { cat make2.log; fail "second make"; }
    assert_eq 1 "$(grep -c "font family 'Marianne' is not installed" make2.log)" "warnings of the second run"
}
