"""Checks that the deliverables tell what the source says, for tests/e2e/t_truth.sh: money by
state (acquis, sollicité, à rechercher) and by funder, shares each rounded on its own (a note
when they do not add up to 100 %), the atelier's cost, one label per amount, realised and abandoned
actions listed apart, dates and versions from the source, one bookmark per fiche action.

    python3 check_truth.py COMMAND ARGS...

Each command prints what is wrong and exits 1, or exits 0 silently. Expected values come from
the source (atelier.py, truth.py); the PDF is read through poppler's pdftotext and qpdf."""

import datetime
import json
import re
import subprocess
import sys
from decimal import Decimal

import atelier as at
import truth as tr
from atelier import A
from check import pages, first_cell, section_lines, toc_entries
from typeset import words

problems = []
# The line after a section that ends its chapter (table rows start "1.2.3 ", never "3 ").
CHAPTER_END = r"\d+ \D|Glossaire$"
# The heading of the list of realised or abandoned actions, as many as there are.
CLOSED_HEADING = r"[\d.]+ (Actions? réalisées?|Actions? abandonnées?|Actions réalisées ou abandonnées)$"


def bad(msg):
    problems.append(msg)


def percent_pattern(tenths):
    """"17,3 %" as pdftotext prints it: the space before % may vanish."""
    return r"(?<![\d,])" + re.escape(tr.percent(tenths)).replace(r"\ ", r"[ \u00a0\u202f]?") + r"(?![\d,])"


def row_index(lines, label, patterns, start=0):
    """The index of the first line from `start` whose first cell begins `label` (a label may
    wrap) or is `label (…)`, and that matches every pattern in order, or -1."""
    want = at.norm(label)
    for i in range(start, len(lines)):
        cell = at.norm(first_cell(lines[i]))
        # a wrapped label begins the cell's line; a funder's cell goes on with its actions
        if not cell or not (want.startswith(cell) or cell.startswith(want + " (")):
            continue
        pos, ok = 0, True
        for p in patterns:
            m = re.compile(p).search(lines[i], pos)
            if not m:
                ok = False
                break
            pos = m.end()
        if ok:
            return i
    return -1


def first_words(title):
    """The beginning of a title that a table cell keeps on its first line."""
    return " ".join(at.norm(title).split()[:2])


def amounts(values):
    """Patterns of the amounts of a financing table's row: nothing in a state is a dash."""
    return [at.amount_pattern(at.amount(v)) if v else "—" for v in values]


def check_rounding_note(lines, i, tenths, what):
    """Under the shares row at `i` (within the table's next lines, before the next table's
    head): the rounding note when the shares don't add up to 100,0 %, none when they do."""
    if i < 0 or not tenths:
        return
    after = []
    for l in lines[i + 1:i + 6]:
        if re.match(r"\s*(Axe|Site|Financeur|Financement) ", l) or re.match(r"[\d.]+ \D", at.norm(l)):
            break
        after.append(l)
    has = at.norm(tr.ROUNDING_NOTE) in at.norm(" ".join(after))
    if sum(tenths) != 1000 and not has:
        bad("%s: shares %s add up to %s without the note %r" % (what, [tr.percent(x) for x in tenths],
            tr.percent(sum(tenths)), tr.ROUNDING_NOTE))
    if sum(tenths) == 1000 and has:
        bad("%s: the rounding note under shares that add up to 100,0 %%" % what)


def check_state_rows(lines, groups, what):
    """A table by state: one row per (label, Money), the Total row, the shares row."""
    total = tr.Money()
    for label, m in groups:
        total = total + m
        if row_index(lines, label, amounts([m.cost, m.acq, m.sol, m.rech])) < 0:
            bad("%s: no row %r with cost, acquis, sollicité, à rechercher %s"
                % (what, label, [at.amount(x) for x in (m.cost, m.acq, m.sol, m.rech)]))
    # one group is its own total: its row, and no second row repeating it
    if len(groups) == 1:
        i = row_index(lines, groups[0][0], amounts([total.cost, total.acq, total.sol, total.rech]))
        end = row_index(lines, "Part du coût", [], max(i, 0))
        if i >= 0 and 0 <= row_index(lines[:end], "Total", amounts([total.cost]), i):
            bad("%s: a Total row repeats the only row %r" % (what, groups[0][0]))
    else:
        i = row_index(lines, "Total", amounts([total.cost, total.acq, total.sol, total.rech]))
        if i < 0:
            bad("%s: no Total row with %s" % (what, [at.amount(x) for x in (total.cost, total.acq, total.sol, total.rech)]))
    sh = tr.shares(total.states())
    # a state without an amount shows a dash for its share, as for its amount
    shown = [percent_pattern(s) if amount else "—" for s, amount in zip(sh, total.states())]
    j = row_index(lines, "Part du coût", [r"100(,0)?[ \u00a0\u202f]?%"] + shown, max(i, 0)) if sh else -1
    if sh and j < 0:
        bad("%s: no 'Part du coût' row with shares %s, each rounded on its own" % (what, [tr.percent(s) for s in sh]))
    check_rounding_note(lines, j, sh, what)
    return total


def cmd_financing(src, site_id, pdf):
    """The feuille de route's financing plan (by axis, by funder) and each fiche's amounts."""
    root = at.load(src)
    s = at.site(root, site_id)
    lines = section_lines(pdf, r"\d+ Plan de financement$", r"\d+ [^.\d]|Glossaire$")
    if not lines:
        bad("no 'Plan de financement' chapter")
        return
    acts = tr.open_actions(s)
    taxes = {tr.tax(root, a) for a in acts if a.find(A + "cout") is not None} or {"HT"}
    want_tax = "HT/TTC" if len(taxes) > 1 else taxes.pop()
    if not any(re.search(r"Coût " + re.escape(want_tax) + r"\b", l) for l in lines):
        bad("the financing plan does not say its amounts are %s" % want_tax)
    total = check_state_rows(lines, axis_groups(s), "by axis")
    # by funder: the lines of the plan's actions that have a cost, one row per funder whatever
    # the kind of money, the largest first; under it, the part that is no cofinancing ("dont
    # part du porteur : …")
    funders = {}
    for a in acts:
        if tr.money(a) is None:
            continue
        for l in a.findall("%sfinancements/%sligne" % (A, A)):
            name = " ".join(l.get("financeur").split())
            f = funders.setdefault(name, {"acquis": 0, "sollicite": 0, "a-rechercher": 0, "kinds": {}})
            f[l.get("etat") or "sollicite"] += Decimal(l.get("montant"))
            kind = tr.funding_kind(a, l)
            if kind != "subvention":
                f["kinds"][kind] = f["kinds"].get(kind, 0) + Decimal(l.get("montant"))

    def committed(f):
        return f["acquis"] + f["sollicite"] + f["a-rechercher"]
    rows = sorted(funders.items(), key=lambda kv: -committed(kv[1]))
    row_totals = [committed(f) for _, f in rows] + [total.gap]
    sh = tr.shares(row_totals) or [0] * len(row_totals)
    last = -1
    for (name, f), share in zip(rows, sh):
        nonzero = [v for v in (f["acquis"], f["sollicite"], f["a-rechercher"]) if v]
        i = row_index(lines, name, amounts(nonzero + [committed(f)]) + [percent_pattern(share)])
        if i < 0:
            bad("by funder: no row %r with %s and a share of %s" % (name, [at.amount(v) for v in nonzero], tr.percent(share)))
            continue
        if i < last:
            bad("by funder: %r (%s) comes after a smaller funder" % (name, at.amount(committed(f))))
        last = i
        # the row's lines: up to the next row's first line (its funder's name wraps)
        below = at.norm(" ".join(lines[i:i + 5]))
        for kind, amount in f["kinds"].items():
            want = at.norm("%s : %s" % (tr.FUNDING_DETAILS[kind], at.amount(amount)))
            if "dont " not in below or want not in below:
                bad("by funder: no 'dont … %s' under %r" % (want, name))
    details = len([l for l in lines if re.match(r"\s*dont ", l)])
    if details != len([f for f in funders.values() if f["kinds"]]):
        bad("by funder: %d 'dont …' lines for %d funders whose money is not all cofinancing"
            % (details, len([f for f in funders.values() if f["kinds"]])))
    check_rounding_note(lines, row_index(lines, "Total", amounts([total.acq, total.sol, total.rech, total.cost]), max(last, 0)),
                        sh if total.cost else None, "by funder")
    if total.gap and row_index(lines, "Financeur à trouver", amounts([total.gap, total.gap]) + [percent_pattern(sh[-1])]) < 0:
        bad("by funder: no 'Financeur à trouver' row with the uncovered %s" % at.amount(total.gap))
    if funders and row_index(lines, "Total", amounts([total.acq, total.sol, total.rech, total.cost])) < 0:
        bad("by funder: no Total row with %s" % [at.amount(x) for x in (total.acq, total.sol, total.rech, total.cost)])
    # the fiches: a "Montant" row and a "Part" row per action with a cost, in order
    body = [l for p in pages(pdf, layout=True) for l in p.split("\n")]
    start = next((i for i, l in enumerate(body) if re.match(r"\d+ Fiches actions$", at.norm(l))), 0)
    pos = start
    for a in acts:
        m = tr.money(a)
        if m is None:
            j = next((k for k in range(pos, len(body)) if re.search(r"Coût estimé\s+à définir", at.norm(body[k]))), -1)
            if j < 0:
                bad("fiche %s: no 'Coût estimé | à définir'" % a.get("numero"))
            continue
        j = row_index(body, "Montant", amounts([m.cost, m.acq, m.sol, m.rech]), pos)
        if j < 0:
            bad("fiche %s: no 'Montant' row with %s after the previous fiche's"
                % (a.get("numero"), [at.amount(x) for x in (m.cost, m.acq, m.sol, m.rech)]))
            continue
        sh = tr.shares(m.states())
        k = row_index(body, "Part", [percent_pattern(x) if amount else "—" for x, amount in zip(sh, m.states())], j + 1) if sh else -1
        if sh and k not in range(j + 1, j + 4):
            bad("fiche %s: no 'Part' row with %s under its amounts" % (a.get("numero"), [tr.percent(x) for x in sh]))
        elif sh:
            check_rounding_note(body, k, sh, "fiche %s" % a.get("numero"))
        pos = j + 1
    nocost = [a.get("numero") for a in acts if a.find(A + "cout") is None]
    text = at.norm("\n".join(lines))
    for n in nocost:
        if not re.search(r"Coût à définir pour (l'action|les actions) [^.]*\b" + re.escape(n) + r"\b", text):
            bad("the financing plan does not name action %s, whose cost is to define" % n)


def axis_groups(s):
    return [("Axe %s — %s" % (ax.get("numero"), at.text(ax.find(A + "titre"))),
             tr.plan_money(ax.findall("%sobjectif/%saction" % (A, A))))
            for ax in s.findall("%sstrategie/%saxe" % (A, A))]


def cmd_rapport_financing(src, site_id, pdf):
    """The rapport final's financing of the plan by axis: amounts by state, shares each
    rounded on its own, the rounding note when they don't add up to 100,0 %."""
    s = at.site(at.load(src), site_id)
    if not any(a.find(A + "cout") is not None for a in tr.open_actions(s)):
        return
    lines = section_lines(pdf, r"[\d.]+ Financement du plan$", r"[\d.]+ [^\d]|Glossaire$")
    if not lines:
        bad("no 'Financement du plan' section")
        return
    check_state_rows(lines, axis_groups(s), "rapport final by axis")


def cmd_atelier_cost(pdf, src):
    """The livret says what the atelier cost apart from who conducted it, with the State's
    part and what each State line paid for ("marché de l'équipe projet : 150 000 €"), never
    "conduit par … pour un coût de", which reads as the team's price."""
    root = at.load(src)
    lines = root.findall("%sfinancement/%sligne" % (A, A))
    if not lines:
        return
    text = at.norm(" ".join(pages(pdf)))
    total = sum(Decimal(l.get("montant")) for l in lines)
    state = [l for l in lines if l.get("nature") == "etat"]
    if "pour un coût de" in text:
        bad("livret: the team 'pour un coût de' the atelier's cost")
    if not re.search(r"a coûté " + re.escape(at.norm(at.amount(total))), text):
        bad("livret: no 'a coûté %s'" % at.amount(total))
    if state and len(state) < len(lines):
        want = "dont %s apportés par l'État" % at.norm(at.amount(sum(Decimal(l.get("montant")) for l in state)))
        if want not in text:
            bad("livret: no %r" % want)
        for l in state:
            what = at.norm(l.get("objet") or "")
            if len(state) > 1 and what and at.norm("%s : %s" % (what, at.amount(l.get("montant")))) not in text:
                bad("livret: the State's line %r not said with its amount" % what)


def cmd_cost_labels(*pdfs):
    """One label for one amount: « Coût HT » (never « Budget HT »), and a fiche's cost to
    define reads « Coût estimé | à définir », not « coût à définir » again."""
    for pdf in pdfs:
        for i, p in enumerate(pages(pdf, layout=True), 1):
            n = at.norm(p)
            if re.search(r"\bBudget (HT|TTC)\b", n):
                bad("%s: page %d: 'Budget HT' where the other tables say 'Coût HT'" % (pdf, i))
            if re.search(r"Coût estimé\s+coût à définir", n):
                bad("%s: page %d: 'Coût estimé | coût à définir'" % (pdf, i))


def cmd_sites_financing(pdf, *srcs):
    """The livret's or the dossier's financing of the plans, one row per site."""
    lines = section_lines(pdf, r"[\d.]+ Financement (des plans|du plan) d'actions$", r"[\d.]+ [^\d]|Glossaire$")
    if not lines:
        bad("no 'Financement des plans d'actions' section")
        return
    groups = []
    for src in srcs:
        for s in at.sites(at.load(src)):
            groups.append((at.text(s.find(A + "nom")), tr.plan_money(at.actions(s))))
    # one site: its row is its amounts, under no « Site » column
    if len(groups) == 1:
        groups = [("Montant", groups[0][1])]
        if any(first_cell(l) == "Site" for l in lines):
            bad("one site's financing has a « Site » column")
    check_state_rows(lines, groups, "by site")
    # an action without cost is named with its site: several sites have an action "2.1.3"
    text = at.norm("\n".join(lines))
    for src in srcs:
        for s in at.sites(at.load(src)):
            for a in tr.open_actions(s):
                if a.find(A + "cout") is None and len(groups) > 1:
                    want = "%s (%s)" % (a.get("numero"), at.norm(at.text(s.find(A + "nom"))))
                    if want not in text:
                        bad("uncosted action not named with its site: no %r" % want)


def cmd_one_site_livret(pdf, src):
    """The livret of an atelier of one site gives its figures without tables of one row
    naming the site: a profile (population, stakes), the plan counted in a sentence by the
    priorities and horizons its actions have, no other, its axes with their cost and the
    plan's; its one-paragraph lessons as a list, out of the table of contents."""
    root = at.load(src)
    [s] = at.sites(root)
    lines = section_lines(pdf, r"\d+ Le site en chiffres$", r"Glossaire$")
    if not lines:
        bad("no chapter 'Le site en chiffres'")
        return
    text = at.norm("\n".join(lines))
    if any(first_cell(l) == "Site" for l in lines):
        bad("a table with a « Site » column")
    # the profile
    pop = at.number(s.findtext(A + "population").strip())
    if row_index(lines, "Population", [at.amount_pattern(pop) + r" habitants"]) < 0:
        bad("no profile row 'Population %s habitants'" % pop)
    themes = sorted({e.get("theme") for e in s.iter(A + "enjeu") if e.get("theme")})
    row = row_index(lines, "Principaux enjeux", [])
    if themes and (row < 0 or sorted(at.norm(t).lower() for t in re.split(r", ", at.norm(
            re.split(r"\s{2,}", lines[row].strip(), 1)[1]))) != [at.norm(t).lower() for t in themes]):
        bad("no profile row 'Principaux enjeux' naming %s" % themes)
    # the plan in a sentence: only the priorities and horizons present
    acts = tr.open_actions(s)
    prio = {p: len([a for a in acts if a.get("priorite") == p]) for p in "123"}
    # counts in words, as the rapport final writes them; two actions are "l'une …, l'autre …"
    want = [r"Le plan compte %s actions?\b" % words(len(acts), True)]
    used = [p for p in "123" if prio[p]]
    if len(used) > 1 and len(acts) == 2:
        want += [r"l'une de priorité %s\b" % used[0], r"l'autre de priorité %s\b" % used[1]]
    elif len(used) > 1:
        want += [r"\b%s de priorité %s\b" % (words(prio[p], True), p) for p in used]
    else:
        want += [r"de priorité %s\b" % used[0]]
    # a horizon is when an action starts, not its status: those under way are said engaged
    for h in ("court", "moyen", "long"):
        of = [a for a in acts if a.get("horizon") == h]
        engaged = len([a for a in of if a.get("statut") == "en-cours"])
        if of:
            want.append(r"du %s terme \(" % h)
        if 0 < engaged < len(of):
            want.append(r"\(engagées ou à lancer [^)]*\), dont %s déjà engagées?\b" % words(engaged, True))
        elif of and engaged == len(of):
            want.append(r"du %s terme \(déjà engagées?\)" % h)
    if re.search(r"\b(sont|est) à lancer (à|dans)|doi(ven)?t être lancées? à court terme", text):
        bad("the plan's sentence says actions are to launch, without their status")
    for w in want:
        if not re.search(w, text):
            bad("the plan's sentence lacks %r" % w)
    for p in "123":
        if not prio[p] and re.search(r"priorité %s\b|\bP%s\b" % (p, p), text):
            bad("priority %s is named, no action has it" % p)
    if re.search(r"\bP[123]\b", text):
        bad("a table of priorities P1, P2… for one site")
    hz = {"court": "court", "moyen": "moyen", "long": "long"}
    for h in hz:
        k = len([a for a in acts if a.get("horizon") == h])
        if not k and re.search(r"(à|du) %s terme" % h, text):
            bad("horizon %s named, no action has it" % h)
    # the axes and the plan's cost
    axes = s.findall("%sstrategie/%saxe" % (A, A))
    for ax in axes:
        m = tr.plan_money(ax.findall("%sobjectif/%saction" % (A, A)))
        label = "%s. %s" % (ax.get("numero"), at.text(ax.find(A + "titre")))
        if row_index(lines, label, amounts([m.cost])) < 0:
            bad("no axis row %r with %s" % (label, at.amount(m.cost)))
    total = tr.plan_money(acts)
    if len(axes) > 1 and row_index(lines, "Ensemble du plan", amounts([total.cost])) < 0:
        bad("no row 'Ensemble du plan' with %s" % at.amount(total.cost))
    for a in acts:
        if a.find(A + "cout") is None and not re.search(
                r"L'action %s, dont le coût reste à définir, n'est pas comptée" % re.escape(a.get("numero")), text):
            bad("action %s, without a cost, is not said to be left out" % a.get("numero"))
    # lessons: one paragraph each, a list introduced by their number, not headings
    lessons = root.findall("%scapitalisation/%senseignements/%senseignement" % (A, A, A))
    if lessons and all(len([c for c in l if c.tag != A + "titre"]) == 1 for l in lessons):
        body = at.norm("\n".join(pages(pdf)))
        n = len(lessons)
        if not re.search(r"L'atelier en retient %s enseignements?:" % re.escape(at.norm(words(n))), body):
            bad("the lessons are not introduced: no 'L'atelier en retient %s enseignement(s)'" % words(n))
        for l in lessons:
            title = at.norm(at.text(l.find(A + "titre")))
            if re.search(r"\d+\.\d+ " + re.escape(first_words(title)), body):
                bad("lesson %r is a numbered heading" % title)
            if title not in body:
                bad("lesson %r is missing" % title)


def cmd_fiche_sigles(src, site_id, pdf):
    """Every acronym the site's actions mark up (partners, porteurs, tools…) has an entry in
    the source's glossary, and the feuille de route's glossary expands it: a reader meets
    « DRAAF Occitanie » in a fiche and finds the DRAAF's full name."""
    root = at.load(src)
    s = at.site(root, site_id)
    entries = {e.get("sigle"): at.norm(at.text(e)) for e in root.iter(A + "entree")}
    used = sorted({at.text(g) for a in at.actions(s) for g in a.iter(A + "sigle")})
    lines = section_lines(pdf, r"Glossaire$", r"(?!)")  # to the end
    text = at.norm("\n".join(lines))
    for g in used:
        if g not in entries:
            bad("acronym %s has no entry in the source's glossary" % g)
        elif not re.search(re.escape(at.norm(g)) + r" " + re.escape(entries[g][:30]), text):
            bad("acronym %s not expanded in the glossary (%r)" % (g, entries[g]))


def cmd_stakes(src, site_id, pdf):
    """The rapport final's stakes: one heading per theme, unless each theme has one stake
    and it is a title only: then one list of « Theme — title » lines, no heading."""
    s = at.site(at.load(src), site_id)
    stakes = list(s.iter(A + "enjeu"))
    themes = [e.get("theme") for e in stakes]
    short = len(set(themes)) == len(themes) and all(len(list(e)) == 1 for e in stakes)
    text = at.norm("\n".join(pages(pdf)))
    for e in stakes:
        theme = at.norm(e.get("theme"))
        theme = theme[0].upper() + theme[1:]
        heading = re.search(r"\b2\.\d\.\d+ " + re.escape(theme) + r"\b", text)
        line = "%s — %s" % (theme, at.norm(at.text(e.find(A + "titre"))))
        if short and (heading or line not in text):
            bad("stake %r: not the list line %r (a heading: %s)" % (e.get("id"), line, bool(heading)))
        if not short and not heading:
            bad("theme %r has no heading of its own" % theme)


def cmd_status(src, site_id, pdf, kind):
    """Realised and abandoned actions are listed apart, with their status, and left out of
    the plan's count; in the feuille de route they have no fiche."""
    s = at.site(at.load(src), site_id)
    text = at.norm("\n".join(pages(pdf)))
    n_open = len(tr.open_actions(s))
    # a count in running text, in words: "quatorze actions", "Une action"
    count = r"%s actions?" % re.escape(at.norm(words(n_open, True)))
    if kind == "feuille-de-route":
        if not re.search(r"(?i)\b" + count + r", pour un coût estimé de", text):
            bad("the plan does not count %d actions" % n_open)
    elif not re.search(r"Le plan d'actions compte " + count + r"\b", text):
        bad("the rapport final does not count %d actions" % n_open)
    # the feuille de route has one plan table per axis, the rapport final one for the plan
    if kind == "feuille-de-route":
        want = [len([a for a in ax.findall("%sobjectif/%saction" % (A, A)) if tr.is_open(a)])
                for ax in s.findall("%sstrategie/%saxe" % (A, A))]
    else:
        want = [n_open]
    got = [int(n) for n in re.findall(r"Total \((\d+) actions?\b", text)]
    if got != want:
        bad("the plan's total rows count %s actions, expected %s" % (got, want))
    closed = tr.closed_actions(s)
    lines = section_lines(pdf, CLOSED_HEADING, CHAPTER_END)
    if closed and not lines:
        bad("no section of realised or abandoned actions")
    if not closed and lines:
        bad("a section of realised or abandoned actions with no such action in the source")
    part = at.norm("\n".join(lines))
    label = {"realisee": "Réalisée", "abandonnee": "Abandonnée"}
    for a in closed:
        num, title = a.get("numero"), at.text(a.find(A + "titre"))
        if not re.search(re.escape(num) + r"\s+" + re.escape(first_words(title)), part):
            bad("closed action %s (%s) not listed apart" % (num, title))
        if label[a.get("statut")] not in part:
            bad("status %s of action %s not shown" % (label[a.get("statut")], num))
        if kind == "feuille-de-route" and re.search(r"Action " + re.escape(num) + r" —", text):
            bad("closed action %s still has a fiche" % num)
        # what it gave or why it was dropped: a sentence of its own after a run-in label
        desc = a.find(A + "description")
        if desc is not None:
            run_in = ("Motif. " if a.get("statut") == "abandonnee" else "Résultat. ") + first_words(at.text(desc))
            if run_in not in part:
                bad("closed action %s: no run-in %r" % (num, run_in))
    for label_colon in ("Motif:", "Résultat:"):
        if label_colon in part:
            bad("a closed action's %r joins its sentence with a colon" % label_colon)
    # a closed action has no cost to define any more
    if any(a.find(A + "cout") is None for a in closed):
        if "coût à définir" in part:
            bad("a closed action's cost reads 'coût à définir'")
        for a in closed:
            if a.find(A + "cout") is None:
                word = "sans objet" if a.get("statut") == "abandonnee" else "non chiffré"
                if word not in part:
                    bad("closed action %s without a cost: no %r" % (a.get("numero"), word))


def cmd_livret_status(pdf, src):
    """The livret lists every site's realised and abandoned actions apart."""
    lines = section_lines(pdf, CLOSED_HEADING, CHAPTER_END)
    part = at.norm("\n".join(lines))
    closed = [a for s in at.sites(at.load(src)) for a in tr.closed_actions(s)]
    if closed and not lines:
        bad("no section of realised or abandoned actions")
    for a in closed:
        if not re.search(re.escape(a.get("numero")) + r"\s+" + re.escape(first_words(at.text(a.find(A + "titre")))), part):
            bad("closed action %s not listed apart" % a.get("numero"))


def cmd_promises(src, site_id, pdf):
    """What a document announces, the others keep: « recommandations » in the rapport final
    only for a site whose source has <recommandations>; « chaque séance » starting in the
    field only when every held session of the site (of every site for the livret) had a
    visit."""
    root = at.load(src)
    sites = [at.site(root, site_id)] if site_id else at.sites(root)
    text = at.norm(" ".join(pages(pdf)).replace("\n", " "))
    m = re.search(r"Rapport final: ([^.]*)\.", text)
    if m and "recommandations" in m.group(1) and any(s.find(A + "recommandations") is None for s in sites):
        bad("%s: announces recommandations in the rapport final, the source has none" % pdf)
    for sentence in re.findall(r"[^.:]*\b[Cc]haque séance[^.]*\.", text):
        if "terrain" not in sentence and "visite" not in sentence:
            continue
        for s in sites:
            for se in s.findall("%sseances/%sseance" % (A, A)):
                if se.get("tenue") == "oui" and se.find("%svisites/%svisite" % (A, A)) is None:
                    bad("%s: %r, but session %s of %s had no visit" % (pdf, sentence.strip()[-160:], se.get("numero"), s.get("id")))


def cmd_glossary_complete(pdf, *srcs):
    """One rule for acronyms: every acronym of the sources' glossaries that a page prints,
    cover, tables and colophon included (« DDT du Gers » on the cover, « piloté par la DREAL
    Occitanie »), has its line in the document's glossary, even when it is the only one;
    none is spelt out in the text (« DDT (Direction départementale des territoires) du
    Doubs » put the expansion inside the name)."""
    entries = {}
    for src in srcs:
        for e in at.load(src).iter(A + "entree"):
            entries.setdefault(e.get("sigle"), at.norm(at.text(e)))
    glossary = section_lines(pdf, r"Glossaire$", r"(?!)")
    # the glossary's own lines: an acronym, then its expansion after a column's gap
    own = {i for i, l in enumerate(glossary)
           if l.split() and l.split()[0] in entries and re.match(r"\s*\S+ {2,}\S", l)}
    listed = {glossary[i].split()[0] for i in own}
    rest = [l for p in pages(pdf, layout=True) for l in p.split("\n")]
    rest = [l for l in rest if l not in {glossary[i] for i in own}]
    text = at.norm(" ".join(rest))
    for sigle, expansion in sorted(entries.items()):
        if not re.search(r"(?<![\w-])" + re.escape(sigle) + r"(?![\w-])", text):
            continue
        if sigle not in listed:
            bad("%s: %s printed but not in the glossary" % (pdf, sigle))
        if at.norm(sigle + " (" + expansion[:20]) in text:
            bad("%s: %s spelt out in the text" % (pdf, sigle))

def cmd_livret_sessions(pdf, src):
    """The livret's table of sessions: a session not held is "(non tenue)" when its date is
    before the livret's, "(prévue)" after it, and has no count of participants."""
    root = at.load(src)
    livret = tr.deliverable_date(root, None, "livret-de-capitalisation")
    text = at.norm("\n".join(pages(pdf)).replace("\n", " "))
    for s in at.sites(root):
        for se in s.findall("%sseances/%sseance" % (A, A)):
            if se.get("tenue") == "oui":
                continue
            word = "non tenue" if (se.get("fin") or se.get("date")) < livret else "prévue"
            d = se.get("date")
            pat = (at.date_range_pattern(d, se.get("fin")) if se.get("fin") and se.get("fin") != d
                   else re.escape(at.norm(at.date(d))))
            if not re.search(pat + r"\s*\(" + word + r"\)", text):
                bad("%s session %s (%s): not shown '(%s)'" % (s.get("id"), se.get("numero"), d, word))


def cmd_rapport_sessions(src, site_id, pdf):
    """The rapport final tells the site's sessions: each held one with its date and its number
    of participants, each one not held "non tenue" once the report's date has passed it."""
    root = at.load(src)
    s = at.site(root, site_id)
    report = tr.deliverable_date(root, s, "rapport-final")
    text = at.norm("\n".join(pages(pdf)).replace("\n", " "))
    for se in s.findall("%sseances/%sseance" % (A, A)):
        d, f = se.get("date"), se.get("fin")
        pat = at.date_range_pattern(d, f) if f and f != d else re.escape(at.norm(at.date(d)))
        if se.get("tenue") == "oui":
            n = len(se.findall("%sparticipants/%sparticipant" % (A, A)))
            want = pat + r"[^.]*: %s participants?\." % re.escape(at.norm(words(n)))
        else:
            want = pat + (r": séance prévue, non tenue" if (f or d) < report else r": séance à venir")
        if not re.search(r"Séance %s\b[^–]*?" % se.get("numero") + want, text):
            bad("session %s of %s not told as /%s/" % (se.get("numero"), site_id, want))
        # its own title, once held by the report's date, between guillemets in the sentence
        title = se.find(A + "titre")
        if title is not None and d <= report:
            quoted = at.norm("Séance %s — « %s »" % (se.get("numero"), at.text(title)))
            if quoted not in text:
                bad("session %s of %s: its title is not quoted as %r" % (se.get("numero"), site_id, quoted))
    if re.search(r"[?!]\s*,", text):
        bad("%s: a title's ? or ! runs into a comma" % site_id)


def cmd_unbroken(src, site_id, pdf):
    """No line of the fiches splits a financing line's amount from its state ("130 000 € /
    (acquis)", "(à recher-/cher)"; a porteur's own share not acquired says "(à inscrire à son
    budget)", never "(à rechercher)"), nor breaks a hyphenated word of its funder's name
    ("Bourgogne-Franche-/Comté"); the cover gives each of the site's local authorities whole
    on one line."""
    root = at.load(src)
    s = at.site(root, site_id)
    fiches = section_lines(pdf, r"\d+ Fiches actions$", CHAPTER_END)
    if not fiches:
        bad("no 'Fiches actions' chapter")
        return
    normed = [at.norm(l) for l in fiches]
    flat = [l.replace("\u2019", "'").rstrip() for l in fiches]
    states = {"acquis": "acquis", "sollicite": "sollicité", "a-rechercher": "à rechercher"}
    wants = {}
    for a in tr.open_actions(s):
        for ln in a.findall("%sfinancements/%sligne" % (A, A)):
            state = states[ln.get("etat", "sollicite")]
            # a porteur's own share not yet acquired is to be voted in its budget, not sought:
            # said so, under the state the tables count it in
            if ln.get("etat") == "a-rechercher" and tr.funding_kind(a, ln) == "autofinancement":
                state = "à rechercher\u00a0: à inscrire à son budget"
            want = at.norm(at.amount(ln.get("montant")) + " (" + state + ")")
            wants.setdefault(want, []).append(a.get("numero"))
            for word in ln.get("financeur").replace("\u2019", "'").split():
                for k, c in enumerate(word):
                    if c == "-" and any(l1.endswith(word[:k + 1]) and re.search(r"(^|\s)" + re.escape(word[k + 1:]), l2)
                                        for l1, l2 in zip(flat, flat[1:])):
                        bad("action %s: funder's %r broken after %r" % (a.get("numero"), word, word[:k + 1]))
    # as many lines holding each amount and its state whole as the fiches have such lines
    for want, nums in wants.items():
        if sum(l.count(want) for l in normed) < len(nums):
            bad("actions %s: %r not on one line each time" % (", ".join(nums), want))
    cover = [at.norm(l) for l in pages(pdf)[0].split("\n")]
    own = at.norm(at.text(s.find(A + "nom")))
    for c in s.findall("%scollectivites/%scollectivite" % (A, A)):
        name = at.norm(at.text(c))
        if name != own and not any(name in l for l in cover):
            bad("cover: %r not whole on one line" % name)


def cmd_ragged_lists(*pdfs):
    """A list item's lines are set ragged, not justified: on the first line of an item (the
    line that starts with the bullet "–"), no space between two words is wider than a
    space of the text (about a quarter of a word's height), as justified lines' are."""
    for pdf in pdfs:
        html = subprocess.run(["pdftotext", "-bbox-layout", pdf, "-"], check=True, capture_output=True).stdout.decode()
        for line in re.findall(r"<line[^>]*>(.*?)</line>", html, re.S):
            words = [(float(a), float(b), float(c), float(d), w) for a, b, c, d, w in
                     re.findall(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>', line)]
            if len(words) < 5 or words[0][4] != "–":
                continue
            height = words[1][3] - words[1][1]
            widest = max(b[0] - a[2] for a, b in zip(words[1:], words[2:]))
            if widest > 0.35 * height:
                bad("%s: a list item's line is justified (a space of %.1fpt): %s" %
                    (pdf, widest, " ".join(w[4] for w in words)[:70]))


def cmd_short_items_whole(*pdfs):
    """A short list item (a line or two, set ragged) has no word cut by hyphenation at a
    line's end (« sept par-/ticipants »): a line of the item ends with a letter and a hyphen
    and the next starts in lower case, unless the hyphen is the word's own (the two halves
    are written joined by a hyphen elsewhere in the document)."""
    for pdf in pdfs:
        text = subprocess.run(["pdftotext", "-layout", pdf, "-"], check=True, capture_output=True).stdout.decode()
        flat = " ".join(text.split())
        lines = text.split("\n")
        for i, line in enumerate(lines):
            m = re.match(r"(\s*)– ", line)
            if not m:
                continue
            item = [line.strip()]
            for nxt in lines[i + 1:]:
                if not nxt.strip() or re.match(r"\s*– ", nxt) or len(nxt) - len(nxt.lstrip()) <= len(m.group(1)):
                    break
                item.append(nxt.strip())
            if len(" ".join(item)) >= 300:
                continue
            for a, b in zip(item, item[1:]):
                cut = re.search(r"(\w+)-$", a)
                if cut and b[:1].islower() and "%s-%s" % (cut.group(1), b.split()[0]) not in flat:
                    bad("%s: a short list item hyphenated: %r / %r" % (pdf, a[-30:], b[:30]))


def cmd_livret_deroulement(pdf, src):
    """The livret's account of how the atelier went: its last paragraph starts on the page
    where the one before it ends, never sent on with the calendar that follows it."""
    root = at.load(src)
    ps = [at.norm(at.text(p)) for p in root.findall("%scapitalisation/%sderoulement/%sp" % (A, A, A))]
    if len(ps) < 2:
        return
    raw = [at.norm(p.replace("\n", " ")) for p in pages(pdf)]
    end_prev = " ".join(ps[-2].split()[-4:])
    start_last = " ".join(ps[-1].split()[:4])
    where = [i + 1 for i, p in enumerate(raw) if end_prev in p]
    if not where:
        bad("the livret does not end a paragraph with %r" % end_prev)
    elif start_last not in raw[where[0] - 1]:
        bad("page %d: %r ends a paragraph, but the next one (%r) starts on another page" % (where[0], end_prev, start_last))


def cmd_objectives_introduced(src, site_id, pdf):
    """The atelier's objectives, a list, come after the sentence that introduces them (one
    ending with a colon), as the items' lower case and semicolons require."""
    root = at.load(src)
    items = root.findall("%sobjectifs/%sliste/%sitem" % (A, A, A))
    if not items:
        return
    text = at.norm("\n".join(pages(pdf)).replace("\n", " "))
    first = " ".join(at.norm(at.text(items[0])).split()[:3])
    if not re.search(r":\s*[–•]?\s*" + re.escape(first), text):
        bad("%s: the objectives' list (%r) is not introduced by a sentence ending with ':'" % (site_id, first))


def cmd_intersessions(src, site_id, pdf):
    """A site's calendar: intersession N runs from the day after its session N to the day
    before its session N+1, never sharing a day with either."""
    root = at.load(src)
    s = at.site(root, site_id)
    steps = [e.get("type") for e in root.findall("%scalendrier/%setape" % (A, A))]
    held = {se.get("numero"): se for se in s.findall("%sseances/%sseance" % (A, A))}
    text = at.norm("\n".join(pages(pdf)).replace("\n", " "))
    for n in range(1, 10):
        before, after = held.get(str(n)), held.get(str(n + 1))
        if "intersession-%d" % n not in steps or before is None or after is None:
            continue
        last = datetime.date.fromisoformat(before.get("fin") or before.get("date"))
        start = (last + datetime.timedelta(days=1)).isoformat()
        end = (datetime.date.fromisoformat(after.get("date")) - datetime.timedelta(days=1)).isoformat()
        want = r"Intersession %d %s" % (n, at.date_range_pattern(start, end))
        if not re.search(want, text):
            bad("%s: intersession %d not shown from %s to %s" % (site_id, n, start, end))


def cmd_running_headers(*pdfs):
    """Every page's running header (its first line, right part) names the chapter in effect
    at the top of the page: the one whose heading opens the page, else the one carried over
    from the pages before, never a chapter that starts lower down. Chapters and the pages
    where they start are the table of contents' top-level entries ("2 Diagnostic…",
    "Glossaire"); a numbered chapter is recognised in the header by its number (the header
    may give a short title). A glossary opening below the top of a page leaves the header
    to the chapter at the top (the dossier's glossary, common to every site, was named
    above a site's last section: r10)."""
    for pdf in pdfs:
        chapters = {}
        for _, title, page in toc_entries(pdf):
            if not re.match(r"\d+\.\d", title):
                chapters.setdefault(page, []).append(at.norm(title))
        if not chapters:
            bad("%s: no chapter in the table of contents" % pdf)
            continue
        lay = pages(pdf, layout=True)
        current = None
        for i in range(min(chapters), len(lay) + 1):
            # the header: the lines before the first blank one (a long title wraps), its right
            # part after a wide gap
            block, _, rest = lay[i - 1].strip("\n").partition("\n\n")
            gaps = [re.split(r"\s{3,}", l.strip()) for l in block.split("\n")]
            header = next((g[-1] for g in gaps if len(g) > 1), block.strip())
            body = [at.norm(re.sub(r"\s+", " ", l)) for l in rest.split("\n") if l.strip()]
            starting = chapters.get(i, [])
            opens = starting and body and (body[0] == starting[0] or starting[0].startswith(body[0] + " "))
            want = starting[0] if opens else current
            if want and not running_header_names(at.norm(header), want):
                bad("%s: page %d opens in chapter '%s' under the header '%s'" % (pdf, i, want, header))
            if starting:
                current = starting[-1]


def running_header_names(header, chapter):
    """Whether a running header's right part names the chapter: by its number when it has
    one, else by its title."""
    m = re.match(r"(\d+) ", chapter)
    return (header == m.group(1) or header.startswith(m.group(1) + " ")) if m else header == chapter


def cmd_plan_columns(pdf):
    """The feuille de route's action plan, one table per axis: every table's header puts
    Action, Porteur, Partenaires, Horizon at the same x (the same column widths)."""
    html = subprocess.run(["pdftotext", "-bbox", pdf, "-"], check=True, capture_output=True).stdout.decode()
    words = re.findall(r'<word xMin="([\d.]+)" yMin="([\d.]+)"[^>]*>([^<]*)</word>', html)
    heads = set()
    names = ["Action", "Porteur", "Partenaires", "Horizon"]
    for i in range(len(words) - 3):
        if [w[2] for w in words[i:i + 4]] == names and len({w[1] for w in words[i:i + 4]}) == 1:
            heads.add(tuple(round(float(w[0])) for w in words[i:i + 4]))
    if len(heads) > 1:
        bad("%s: the action plan's tables have different columns: %s" % (pdf, sorted(heads)))


def cmd_colophon(*pdfs):
    """One colophon per document, on its last page, in one wording, ending on the version and
    the source's date ("Version 1.0 du 14 mars 2025."); nothing of how or when the file was
    made (no tool, no charter, no build date); no file-format jargon; no name said twice in
    it or in the PDF's title."""
    made = r"Version [\d.]+ du [^.]+\."
    for pdf in pdfs:
        raw = pages(pdf)
        whole = at.norm(" ".join(raw))
        last = at.norm(raw[-1].replace("\n", " "))
        if len(re.findall(made, whole)) != 1 or not re.search(made, last):
            bad("%s: not one colophon /%s/ on the last page" % (pdf, made))
        for said in ("Mis en page", "avec Livrables", "produit le", "charte de", "charte neutre"):
            if said in last:
                bad("%s: the colophon says how the file was made: %r" % (pdf, said))
        if "XML" in last:
            bad("%s: the colophon speaks of XML" % pdf)
        # the colophon's first line: "Rapport final — Atelier … — Site."
        sentences = [at.norm(l) for l in raw[-1].split("\n") if " — " in l and l.strip().endswith(".")]
        for where, text in [("colophon", t) for t in sentences] + [("title", pdf_title(pdf))]:
            parts = [p.strip() for p in text.split(" — ")]
            for i, p in enumerate(parts):
                if any(p and p in q for q in parts[:i]):
                    bad("%s: '%s' said twice in the %s: %s" % (pdf, p, where, text))


def cmd_example(pdf, *srcs):
    """An example's deliverable (any of its sources <atelier exemple="oui">) says it is
    fictional on its cover and on its last page (the colophon); a real atelier's never."""
    example = any(at.load(src).get("exemple") == "oui" for src in srcs)
    raw = pages(pdf)
    for where, text in (("cover", raw[0]), ("last page", raw[-1])):
        said = "exemple fictif" in at.norm(text).lower()
        if said != example:
            bad("%s: %s %s 'Exemple fictif'" % (pdf, where, "lacks" if example else "says"))
    # nor does its metadata name a service as its author: the services cited did not write it
    info = subprocess.run(["pdfinfo", pdf], check=True, capture_output=True).stdout.decode()
    m = re.search(r"^Author:\s*(.*)$", info, re.M)
    author = m.group(1) if m else ""
    if example and "Exemple fictif" not in author:
        bad("%s: an example whose author is %r" % (pdf, author))
    if not example and "Exemple fictif" in author:
        bad("%s: a real atelier's author says 'Exemple fictif'" % pdf)


def pdf_title(pdf):
    info = subprocess.run(["pdfinfo", pdf], check=True, capture_output=True).stdout.decode()
    m = re.search(r"^Title:\s*(.*)$", info, re.M)
    return at.norm(m.group(1)) if m else ""


NOTES = ("Les parts étant arrondies", "P1, P2, P3", "Montants hors taxes", "Coût à définir pour")


def cmd_notes_with_tables(*pdfs):
    """A table's note (rounding, taxes, abbreviations) never opens a page, away from its table."""
    for pdf in pdfs:
        for i, p in enumerate(pages(pdf)[1:], 2):
            head = [l.strip() for l in p.split("\n") if l.strip()][:3]
            for l in head:
                if l.startswith(NOTES):
                    bad("%s: page %d opens with a table's note: %s" % (pdf, i, l))


def cmd_dates(src, site_id, pdf, kind, build_iso):
    """The cover shows the deliverable's date and version from the source; the build date
    (ISO) is printed on no page, only in the PDF's metadata (its creation date)."""
    build = at.norm(at.date(build_iso))
    root = at.load(src)
    s = at.site(root, site_id) if site_id else None
    iso = tr.deliverable_date(root, s, kind)
    version = tr.deliverable_version(root, s, kind)
    raw = pages(pdf)
    cover = at.norm(raw[0])
    if at.norm(at.date(iso)) not in cover:
        bad("%s: cover does not show the source's date %s" % (kind, at.date(iso)))
    if "version " + version not in cover:
        bad("%s: cover does not show version %s" % (kind, version))
    if not re.search(r"Version %s du %s" % (re.escape(version), re.escape(at.norm(at.date(iso)))), at.norm("\n".join(raw))):
        bad("%s: colophon does not give version %s of %s" % (kind, version, at.date(iso)))
    for i, p in enumerate(raw, 1):
        if build in at.norm(p.replace("\n", " ")):
            bad("%s: page %d shows the build date %s" % (kind, i, build))
    info = subprocess.run(["pdfinfo", "-isodates", pdf], check=True, capture_output=True).stdout.decode()
    if not re.search(r"^CreationDate:\s*%s" % re.escape(build_iso), info, re.M):
        bad("%s: the PDF's creation date is not the build date %s" % (kind, build_iso))


def cmd_cover_identity(src, site_id, pdf):
    """The cover names the site's local authorities (its <collectivites>, else its elected
    participants' structures),
    the steering service (and the site's own, by département), and shows the source's
    bloc-marque (an SVG's texts are read back from the page)."""
    root = at.load(src)
    cover = at.norm(pages(pdf)[0])
    services = root.findall("%spilotage/%sservice" % (A, A))
    want = [services[0].get("nom")]
    sites = root.findall(A + "site")
    if not site_id and len(sites) == 1:
        # an atelier-wide deliverable of a single site names that site's authorities too
        s = sites[0]
    if site_id:
        s = at.site(root, site_id)
        codes = {d.get("code") for d in s.findall(A + "departement")}
        want += [x.get("nom") for x in services[1:] if x.get("departement") in codes]
    if site_id or len(sites) == 1:
        given = s.findall("%scollectivites/%scollectivite" % (A, A))
        if given:
            names = {"".join(c.itertext()) for c in given}
        else:
            names = {p.get("structure") for p in s.iter(A + "participant") if p.get("role") == "elu"}
        for name in sorted(names):
            if at.norm(name) not in cover:
                bad("cover: local authority %r missing" % name)
    if not re.search(r"Pilotage: " + re.escape(" · ".join(at.norm(w) for w in want)), cover):
        bad("cover: no 'Pilotage : %s'" % " · ".join(want))
    mark = root.find("%spilotage/%sbloc-marque" % (A, A))
    if mark is not None and mark.get("src").lower().endswith(".svg"):
        import os
        import xml.etree.ElementTree as ET
        svg = ET.parse(os.path.join(os.path.dirname(os.path.abspath(src)), mark.get("src")))
        for t in svg.iter("{http://www.w3.org/2000/svg}text"):
            if at.norm("".join(t.itertext())) not in cover:
                bad("cover: the bloc-marque's text %r is not on page 1" % "".join(t.itertext()))


def cmd_no_maybe_plural(*pdfs):
    """No "(s)" placeholder plural anywhere, and no group of one under a plural label
    (« Techniciens (1) », « Services de l’État (1) »: the label's first word)."""
    for pdf in pdfs:
        for i, p in enumerate(pages(pdf), 1):
            for m in re.finditer(r"\w+\(s\)", p):
                bad("%s page %d: %r" % (pdf, i, m.group(0)))
            for m in re.finditer(r"(?m)^\s*(\w+)[^\n()]* \(1\)\s*$", p):
                if m.group(1).endswith(("s", "x")):
                    bad("%s page %d: %r" % (pdf, i, m.group(0).strip()))


def cmd_bookmarks(src, site_id, pdf):
    """Under the bookmark of the "Fiches actions" chapter, one bookmark per axis, and under
    each one bookmark per fiche action of that axis, in order, pointing at its page."""
    s = at.site(at.load(src), site_id)
    data = json.loads(subprocess.run(["qpdf", "--json", pdf], check=True, capture_output=True).stdout)
    top = [o for o in data.get("outlines", []) if re.match(r"\d+ Fiches actions$", at.norm(o["title"]))]
    if not top:
        bad("no bookmark for the chapter 'Fiches actions'")
        return
    axes = top[0].get("kids", [])
    raw = pages(pdf)
    want_axes = [ax for ax in s.findall("%sstrategie/%saxe" % (A, A))]
    if len(axes) != len(want_axes):
        bad("%d axis bookmarks under 'Fiches actions', expected %d" % (len(axes), len(want_axes)))
        return
    for ax, bm in zip(want_axes, axes):
        want = ["Action %s — %s" % (a.get("numero"), at.text(a.find(A + "titre")))
                for a in ax.findall("%sobjectif/%saction" % (A, A)) if tr.is_open(a)]
        got = [at.norm(k["title"]) for k in bm.get("kids", [])]
        if got != [at.norm(w) for w in want]:
            bad("axis %s: fiche bookmarks %s, expected %s" % (ax.get("numero"), got, want))
            continue
        for k, w in zip(bm["kids"], want):
            page = k.get("destpageposfrom1")
            head = re.sub(r"\W", "", at.norm(w))[:40]
            if not page or head not in re.sub(r"\W", "", at.norm(raw[page - 1])):
                bad("bookmark %r points at page %s, which does not show its fiche" % (w, page))


def cmd_statuts_date(pdf, src):
    """A livret dated after a feuille de route of its sites says the date its actions'
    statuts are of: "Statuts des actions : état au 24 juin 2025, date de la feuille de
    route.", or each site with its feuille de route's date; a livret of the same date as its
    feuilles de route says nothing of it."""
    root = at.load(src)
    livret = tr.deliverable_date(root, None, "livret-de-capitalisation")
    dates = [(at.norm(at.text(s.find(A + "nom"))), tr.deliverable_date(root, s, "feuille-de-route"))
             for s in at.sites(root)]
    text = at.norm(" ".join(pages(pdf)).replace("\n", " "))
    if not any(d < livret for _, d in dates):
        if at.norm("Statuts des actions : état") in text:
            bad("%s: a date of statuts in a livret of the feuilles de route's date" % pdf)
        return
    if len(set(d for _, d in dates)) == 1:
        want = [at.norm("Statuts des actions : état au " + at.date(dates[0][1]))]
    else:
        want = [at.norm("%s : %s" % (name, at.date(d))) for name, d in dates]
        want.append(at.norm("Statuts des actions : état à la date de chaque feuille de route"))
    for w in want:
        if w not in text:
            bad("%s: no %r" % (pdf, w))


def cmd_minutes_full_stops(src, site_id, pdf):
    """Each point of a held session's minutes is printed as a sentence: its text, then its
    full stop (or the ? ! … the source ends it with), never a space before it."""
    root = at.load(src)
    s = at.site(root, site_id)
    text = at.norm(" ".join(pages(pdf)).replace("\n", " "))
    for se in s.findall("%sseances/%sseance" % (A, A)):
        if se.get("tenue") != "oui":
            continue
        for pt in se.findall("%scompte-rendu/*/%spoint" % (A, A)):
            said = at.norm(at.text(pt))
            want = said if said[-1:] in ".!?…" else said + "."
            if want not in text:
                bad("session %s: %r without its full stop" % (se.get("numero"), said[:60]))


def cmd_closed_told(src, site_id, pdf):
    """Under the rapport final's plan table, the actions it leaves out (realised or
    abandoned) are named, each by its number, in the sentence that says where they are."""
    root = at.load(src)
    s = at.site(root, site_id)
    closed = [a.get("numero") for a in s.iter(A + "action") if a.get("statut") in ("realisee", "abandonnee")]
    text = at.norm(" ".join(pages(pdf)).replace("\n", " "))
    m = re.search(r"(L'action|Les actions) ([^:]*?), (réalisées?|abandonnées?|réalisées ou abandonnées), n'y figure(?:nt)? pas", text)
    if not closed:
        if m:
            bad("%s: closed actions told of where there is none" % pdf)
        return
    if not m:
        bad("%s: no sentence telling where the closed actions %s are" % (pdf, ", ".join(closed)))
        return
    told = re.split(r", | et ", m.group(2))
    if told != closed:
        bad("%s: closed actions told %s, not %s" % (pdf, told, closed))


def main():
    globals()["cmd_" + sys.argv[1].replace("-", "_")](*sys.argv[2:])
    if problems:
        print("\n".join(problems), file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
