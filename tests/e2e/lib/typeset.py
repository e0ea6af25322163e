"""Checks of words and typography in built deliverables, and of the seminar dossier's
content, for tests/e2e/t_typeset.sh.

    python3 typeset.py COMMAND ARGS...

Each command prints what is wrong and exits 1, or exits 0 silently. Expected values come
from the sources (atelier.py); the PDF is read through pdftotext (poppler)."""

import re
import sys
import unicodedata

import atelier as at
import check
from atelier import A
from check import bad, pages

WORDS = ["aucun", "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix",
         "onze", "douze", "treize", "quatorze", "quinze", "seize", "dix-sept", "dix-huit",
         "dix-neuf", "vingt"]


def words(n, feminine=False):
    """A count as French running text writes it (the templates' t:words)."""
    if n == 1 and feminine:
        return "une"
    return WORDS[n] if 0 <= n <= 20 else at.number(n)


def cmd_no_optional_plural(*pdfs):
    """No "séance(s)", "site(s)", "prévu(e)s": every plural is chosen by its count."""
    for pdf in pdfs:
        for i, text in enumerate(pages(pdf), 1):
            for m in re.finditer(r"\w+\((?:s|e|es|x)\)\w*", text):
                bad("%s page %d: %r" % (pdf, i, m.group(0)))


def cmd_no_repeated_label(*pdfs):
    """No table cell that says its label twice ("Séance 1 : Séances 1 : …")."""
    for pdf in pdfs:
        for i, text in enumerate(pages(pdf), 1):
            for m in re.finditer(r"\b(\w+)( \d+)?\s?: \1s?\b", at.norm(text), re.I):
                bad("%s page %d: label repeated in %r" % (pdf, i, m.group(0)))


def service_with_article(service):
    """The steering service as running text names it: the State's services are feminine."""
    name = " ".join(service.get("nom").split())
    first = name.split(" ")[0].lower()
    if first in ("la", "le", "les") or first.startswith("l'") or service.get("type") == "autre":
        return name
    return "la " + name


def cmd_steering_service(src, pdf):
    """The deliverable says who steers the atelier with the article: "piloté par la DDT du
    Doubs", never "piloté par DDT du Doubs"."""
    service = at.load(src).find("%spilotage/%sservice" % (A, A))
    text = at.norm(" ".join(pages(pdf)))
    want = at.norm("piloté par " + service_with_article(service))
    if want not in text:
        bad("%s: %r not found" % (pdf, want))
    bare = at.norm("piloté par " + service.get("nom"))
    if bare != want and bare in text:
        bad("%s: %r without its article" % (pdf, bare))


def cmd_livret_sites(src, pdf):
    """The livret counts the sites in words with the right number: "Trois sites : …"; a
    single site is said with its kind and département: "Commune de Vernay-sur-Loue (Doubs)"."""
    sites = at.sites(at.load(src))
    n = len(sites)
    if n == 1:
        s = sites[0]
        want = "%s (%s)" % (at.text(s.find(A + "nom")), at.text(s.find(A + "departement")))
        want = at.norm(("Commune de " if s.get("nature") == "commune" else "") + want)
    else:
        want = at.norm("%s sites :" % words(n).capitalize())
    if want not in at.norm(" ".join(pages(pdf))):
        bad("%s: %r not found" % (pdf, want))


def cmd_dossier(pdf, *srcs):
    """The dossier speaks of what it holds: its cover title and introduction count the
    sites, ateliers and regions of the sources; every lesson of their capitalisation is in
    the synthesis, before the first site's part; no placeholder line; the colophon shares its
    page with other content."""
    roots = [at.load(s) for s in srcs]
    sites = [s for r in roots for s in at.sites(r)]
    regions = []
    for s in sites:
        r = at.text(s.find(A + "region"))
        if r not in regions:
            regions.append(r)
    n = len(sites)
    text = pages(pdf)
    cover = at.norm(text[0])
    seminars = [r.find(A + "seminaire-final") for r in roots if r.find(A + "seminaire-final") is not None]
    seminar = seminars[0] if seminars else None
    # the title: the seminar's own, else one that counts the sites
    if seminar is not None and seminar.find(A + "titre") is not None:
        title = at.text(seminar.find(A + "titre"))
    else:
        title = "%s %s, %s %s" % (words(n).capitalize(), "territoire" if n == 1 else "territoires",
                                  words(n, True), "feuille de route" if n == 1 else "feuilles de route")
    if at.norm(title) not in cover:
        bad("cover: title %r not found in %r" % (title, cover[:300]))
    # the cover counts the ateliers and sites ("Deux ateliers, deux sites"); its line above
    # names the regions
    k = len(roots)
    counts = "%s %s, %s %s" % (words(k), "atelier" if k == 1 else "ateliers",
                               words(n), "site" if n == 1 else "sites")
    if at.norm(counts).lower() not in cover.lower():
        bad("cover: %r not found" % counts)
    for r in regions:
        if at.norm(r) not in cover:
            bad("cover: region %r not named" % r)
    body = at.norm(" ".join(text[1:]))
    intro = "le séminaire compare les feuilles de route " if seminar is not None else "Ce dossier réunit les feuilles de route "
    if at.norm(intro) not in body:
        bad("introduction: %r not found" % intro)
    for r in regions:
        if at.norm(r) not in body:
            bad("introduction: region %r not named" % r)
    # the written synthesis: figures from the sources, counts in words
    # open actions only: realised and abandoned ones are listed apart, not counted
    acts = [a for si in sites for a in at.actions(si)
            if a.get("statut") not in ("realisee", "abandonnee")]
    cost = sum(at.Decimal(a.findtext(A + "cout").strip()) for a in acts if a.findtext(A + "cout"))
    who = "Le site a construit sa" if n == 1 else (
        "Les deux sites ont construit leur" if n == 2 else "Les %s sites ont construit leur" % words(n))
    want = "%s feuille de route : %s %s au total, pour un coût estimé de %s" % (
        who, words(len(acts), True), "action" if len(acts) == 1 else "actions", at.amount(cost))
    if at.norm(want) not in body:
        bad("synthesis: %r not found" % want)
    p1 = sum(1 for a in acts if a.get("priorite") == "1")
    court = [a for a in acts if a.get("horizon") == "court"]
    engaged = sum(1 for a in court if a.get("statut") == "en-cours")
    # the counts of one sentence all in words, or all in figures when one is beyond twenty
    figures = max(len(acts), p1, len(court)) > 20
    def w(k):
        return at.number(k) if figures else words(k, True)
    if at.norm("Sur ces %s actions, %s %s de priorité 1" % (w(len(acts)), w(p1),
                                                          "est" if p1 <= 1 else "sont")) not in body:
        bad("synthesis: the count of priority-1 actions (%d) not found" % p1)
    # the short term is a horizon, not a status: the actions already under way are said so
    said = "%s %s du court terme (" % (w(len(court)), "relève" if len(court) <= 1 else "relèvent")
    if court and at.norm(said) not in body:
        bad("synthesis: %r not found" % said)
    if 0 < engaged < len(court) and at.norm("dont %s déjà engagée" % w(engaged)) not in body:
        bad("synthesis: the %d actions already under way are not said" % engaged)
    if re.search(r"doi(ven)?t être lancées? à court terme|(sont|est) à lancer (à|dans)", body):
        bad("synthesis: actions said to launch, without their status")
    for superlative in ("le plus coûteux", "le moins coûteux"):
        if superlative in body:
            bad("synthesis: superlative %r" % superlative)
    # the stakes' themes every site names (or, for two sites, each one's)
    if n > 1:
        themes = [{e.get("theme") for e in si.iter(A + "enjeu")} for si in sites]
        common = sorted(set.intersection(*themes))
        if common:
            for t in common:
                of = ("d'" if t[0] in "aeiouyhéèê" else "de ") + t
                if at.norm(of) not in body:
                    bad("synthesis: the theme %r common to every site is not named" % t)
        elif n == 2:
            if at.norm("Les enjeux des deux sites diffèrent") not in body:
                bad("synthesis: the two sites' stakes are not set side by side")
        elif at.norm("Aucun thème d’enjeux n’est commun à tous les sites") not in body:
            bad("synthesis: no theme is common to every site, and it does not say so")
        if common and "Aucun thème d’enjeux" in body:
            bad("synthesis: says no theme is common, but %s are" % common)
    # the synthesis comes before the first site's part
    first_site = at.text(sites[0].find(A + "nom"))
    starts = [p for _, t, p in check.toc_entries(pdf) if at.norm(first_site) in at.norm(t)]
    before = at.norm(" ".join(text[1:starts[0] - 1])) if starts else body
    for r in roots:
        for e in r.findall("%scapitalisation/%senseignements/%senseignement" % (A, A, A)):
            t = at.text(e.find(A + "titre"))
            if at.norm(t) not in before:
                bad("lesson %r not in the synthesis" % t)
    for placeholder in ("à préciser", "Sans programme", "(s)"):
        if placeholder in body:
            bad("placeholder %r left in the dossier" % placeholder)
    # the colophon's page holds something else too
    last = [l for l in text[-1].split("\n") if l.strip()]
    colophon = [l for l in last if not re.search(r"Page \d+ / \d+|Dossier du séminaire final ·", l)]
    if len(colophon) <= len(roots) + 1:
        bad("the last page holds only the colophon: %r" % colophon)


def body_lines(page):
    """The lines of a page's text between the running header and footer."""
    lines = [l for l in page.split("\n") if l.strip()]
    return lines[1:-1] if len(lines) > 2 else lines


def cmd_fiches(src, site_id, pdf, *must_continue):
    """A fiche action stays on one page when it fits: one that continues starts at the top
    of a page, below its headings only (had it fitted, it would have moved to a page of its
    own), and each page it continues
    on repeats its band with "(suite)". `must_continue`: numbers of actions whose fiche is
    known to be longer than a page."""
    s = at.site(at.load(src), site_id)
    text = pages(pdf)
    for act in at.actions(s):
        if act.get("statut") in ("realisee", "abandonnee"):
            continue  # listed apart, without a fiche
        num = act.get("numero")
        band = re.compile(r"^Action %s\b" % re.escape(num))
        hits = [i for i, p in enumerate(text) if any(band.match(l.strip()) for l in body_lines(p))]
        if not hits:
            bad("fiche %s: no band found" % num)
            continue
        first, rest = hits[0], hits[1:]
        if not rest:
            if num in must_continue:
                bad("fiche %s: expected to continue on another page" % num)
            continue
        lines = body_lines(text[first])
        k = next(j for j, l in enumerate(lines) if band.match(l.strip()))
        above = [l for l in lines[:k] if not re.match(r"^\d+(\.\d+)*\.?\s", l.strip())]
        if above:
            bad("fiche %s continues on page %d but does not start page %d (below its headings): %r"
                % (num, rest[0] + 1, first + 1, above))
        for i in rest:
            line = next(l for l in body_lines(text[i]) if band.match(l.strip()))
            if "(suite)" not in at.norm(" ".join(body_lines(text[i])[:3])):
                bad("fiche %s: page %d repeats its band without (suite): %r" % (num, i + 1, line))
        if at.norm("(suite)") in at.norm(" ".join(body_lines(text[first])[:3])):
            bad("fiche %s: (suite) on its first page %d" % (num, first + 1))


def cmd_whole_names(src, site_id, pdf):
    """In the plan tables of a feuille de route, the hyphenated names of the actions' owners
    and partners ("Castelvert-sur-Arrats", up to 22 characters) are not cut at their hyphens, and the horizons
    ("Moyen terme") and "coût à définir" not at their spaces: each shows whole on a line of
    the plan's pages."""
    s = at.site(at.load(src), site_id)
    entries = check.toc_entries(pdf)
    start = next((p for _, t, p in entries if at.norm(t).endswith("Plan d'actions")), None)
    end = next((p for _, t, p in entries if at.norm(t).endswith("Fiches actions")), None)
    if not start or not end:
        bad("%s: no plan or fiches chapter in the table of contents" % pdf)
        return

    def plain(t):
        return unicodedata.normalize("NFKC", t).replace("\u2019", "'")

    text = plain("\n".join(pages(pdf, layout=True)[start - 1:end]))
    for act in at.actions(s):
        names = [act.find(A + "porteur")] + act.findall("%spartenaires/%spartenaire" % (A, A))
        for el in names:
            for word in plain(at.text(el)).split():
                word = word.strip(",;.()")
                # a name longer than the Porteur or Partenaires column may be (37 % of the
                # room the short columns leave, see plan.xsl) breaks at its hyphens
                if "-" in word.strip("-") and len(word) <= 22 and word not in text:
                    bad("action %s: %r is cut in the plan table" % (act.get("numero"), word))
    # short labels on one line: "Court terme", "coût à définir"
    horizons = {"court": "Court terme", "moyen": "Moyen terme", "long": "Long terme"}
    flat = re.sub(r"[ \t]+", " ", text)
    for act in at.actions(s):
        if act.get("statut") in ("realisee", "abandonnee"):
            continue
        label = horizons[act.get("horizon")]
        if label not in flat:
            bad("action %s: its horizon %r is cut in the plan table" % (act.get("numero"), label))
        if act.find(A + "cout") is None and "coût à définir" not in flat:
            bad("action %s: 'coût à définir' is cut in the plan table" % act.get("numero"))


def cmd_glossary_whole(src, *pdfs):
    """A glossary of at most 14 entries is not split across pages: its heading's page holds
    every entry (each acronym of the source's glossary is a line of the table); but for one
    of 8 or more, its last 3 entries, which may go to the last page with the colophon
    (which keeps with them, not with the whole glossary: templates/common/glossary.xsl)."""
    sigles = {e.get("sigle") for e in at.load(src).iter(A + "entree")}
    for pdf in pdfs:
        texts = pages(pdf)
        # the page of the heading: the first with a line "Glossaire" (the heading, or the
        # running header of a later page) followed by acronyms
        def entries(p):
            lines = [l.strip() for l in p.splitlines()]
            return [l for l in lines[lines.index("Glossaire"):] if l in sigles] if "Glossaire" in lines else []
        heads = [i for i, p in enumerate(texts) if entries(p)]
        if not heads:
            continue
        i = heads[0]
        here = entries(texts[i])
        after = [l for p in texts[i + 1:] for l in (x.strip() for x in p.splitlines()) if l in sigles]
        tail = len(after) == 3 and len(here) + len(after) >= 8 and i + 2 == len(texts)
        if after and len(here) + len(after) <= 14 and not tail:
            bad("%s: a glossary of %d entries split across pages (%s on the next)"
                % (pdf, len(here) + len(after), ", ".join(after)))


def cmd_names_unhyphenated(src, *pdfs):
    """A compound proper name of the source (a capitalised word with hyphens inside:
    « Sauzet-les-Garrigues », « Bourgogne-Franche-Comté ») is never hyphenated: a line may
    end at one of its own hyphens, never inside one of its parts (« Sau- / zet-les-Garrigues »).
    Read on the laid-out text: a line's word ending with "-" that begins such a name, the
    rest of the name on the next line."""
    def plain(t):
        return unicodedata.normalize("NFKC", t).replace("\u2019", "'")
    names = set()
    for t in at.load(src).itertext():
        names.update(re.findall(r"(?<![\w-])[A-ZÀ-Ý][\w']*(?:-[\w']+)+", plain(t)))
    for pdf in pdfs:
        lines = [plain(l) for p in pages(pdf, layout=True) for l in p.split("\n")]
        for i, line in enumerate(lines[:-1]):
            for m in re.finditer(r"(?<![\w-])([A-ZÀ-Ý][\w'-]*?)-(?=\s|$)", line):
                head = m.group(1)
                for name in names:
                    if name.startswith(head) and len(name) > len(head) and name[len(head)] != "-" \
                            and re.search(r"(?<![\w-])" + re.escape(name[len(head):]), lines[i + 1]):
                        bad("%s: %r hyphenated: %r / %r" % (pdf, name, line.strip()[-40:], lines[i + 1].strip()[:40]))


def cmd_folded_whole(*pdfs):
    """The consolidated lists of a feuille de route (« Études complémentaires », « Outils et
    procédures »), folded into two pairs of columns when long, are never continued on a
    second page: no « (suite) » line names them."""
    for pdf in pdfs:
        for n, text in enumerate(pages(pdf), 1):
            for line in text.split("\n"):
                if re.match(r"(Études complémentaires|Outils et procédures) \(suite\)$", at.norm(line)):
                    bad("%s: page %d continues %r" % (pdf, n, line.strip()))


def cmd_axes_continued_by_site(*pdfs):
    """The sites' strategic axes (livret, dossier: one row per axis, the site named in its
    first row): a page that goes on with the table opens with a row naming its site, never
    with a site's later axes under an empty site cell (r10-b)."""
    for pdf in pdfs:
        for n, text in enumerate(pages(pdf, layout=True), 1):
            lines = text.split("\n")
            for i, line in enumerate(lines):
                if at.norm(line.strip()) != "Axes stratégiques (suite)":
                    continue
                body = [l for l in lines[i + 2:] if l.strip()]
                if body and len(body[0]) - len(body[0].lstrip()) > 4:
                    bad("%s: page %d goes on with %r under no site" % (pdf, n, body[0].strip()))


def cmd_glossary_opening(*pdfs):
    """Where a glossary opens (templates/common/glossary.xsl, headings.xsl): it follows the
    last chapter rather than starting a page, but a glossary continued on another page opens
    with six entries at least, never a few at a page's foot. (Its page's header is the
    chapter at the top of the page: t_truth's running headers.)"""
    for pdf in pdfs:
        if pdf == "--dossier":
            continue
        texts = pages(pdf, layout=True)
        chapters = [t for _, t, _ in check.toc_entries(pdf) if not re.match(r"\d+\.\d", t)]
        for n, text in enumerate(texts):
            lines = text.split("\n")
            heads = [i for i, l in enumerate(lines) if i > 0 and l.strip() == "Glossaire"]
            if not heads:
                continue
            below = lines[heads[0] + 1:]
            entries = [l for l in below if re.match(r"\s*[A-Z][\w-]+\s{2,}\S", l)]
            continued = n + 1 < len(texts) and "Glossaire (suite)" in at.norm(texts[n + 1])
            if continued and len(entries) < 6:
                bad("%s: the glossary opens on page %d with %d entries" % (pdf, n + 1, len(entries)))
            break


def cmd_carnet_draft(src, site_id, pdf):
    """A carnet de suivi says "Document de travail" while a session of its site is still to
    hold, and no longer once every session is held or known not to be (its date passed)."""
    root = at.load(src)
    s = at.site(root, site_id)
    sessions = s.findall("%sseances/%sseance" % (A, A))
    # the carnet's date: its <livrable> (the site's, else the atelier's), else its last
    # session held; a session not held whose date has passed by then is missed, not to hold
    given = [l.get("date") for l in s.findall(A + "livrable") + root.findall(A + "livrable")
             if l.get("type") == "carnet-de-suivi" and l.get("date")]
    held = [x.get("fin") or x.get("date") for x in sessions if x.get("tenue") == "oui"]
    as_of = given[0] if given else max(held or [""])
    to_hold = [x for x in sessions if x.get("tenue") != "oui" and (x.get("fin") or x.get("date")) >= as_of]
    cover = at.norm(pages(pdf)[0]).lower()
    if to_hold and "document de travail" not in cover:
        bad("%s: sessions still to hold, but no 'Document de travail' on the cover" % pdf)
    if not to_hold and ("document de travail" in cover or "version intermédiaire" in cover):
        bad("%s: every session held, yet the cover says it is a working document" % pdf)


def main():
    globals()["cmd_" + sys.argv[1].replace("-", "_")](*sys.argv[2:])
    if check.problems:
        print("\n".join(check.problems), file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
