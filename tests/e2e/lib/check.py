"""Checks of built deliverables against their atelier source, for tests/e2e/t_deliverables.sh.

    python3 check.py COMMAND ARGS...

Each command prints what is wrong and exits 1, or exits 0 silently. Expected values come from
the source (atelier.py); the PDF is read through pdftotext (poppler)."""

import re
import subprocess
import sys

import atelier as at
from atelier import A

problems = []


def bad(msg):
    problems.append(msg)


def pages(pdf, layout=False):
    """The text of each page (pdftotext separates pages with a form feed)."""
    args = ["pdftotext"] + (["-layout"] if layout else []) + [pdf, "-"]
    out = subprocess.run(args, check=True, capture_output=True).stdout.decode("utf-8")
    return out.split("\f")[:-1] if out.endswith("\f") else out.split("\f")


def contains(haystack_norm, needle):
    return at.norm(needle) in haystack_norm


# ---------------------------------------------------------------------------- sources

def cmd_sites(src):
    for s in at.sites(at.load(src)):
        print(s.get("id"))


def cmd_value(src, what, site_id=""):
    """One fact of the source, for shell tests: title, site-name."""
    root = at.load(src)
    if what == "title":
        print(at.text(root.find(A + "titre")))
    elif what == "site-name":
        print(at.text(at.site(root, site_id).find(A + "nom")))
    else:
        raise SystemExit("unknown value " + what)


# ---------------------------------------------------------------------------- cover

def cmd_cover(src, site_id, pdf, deliverable):
    """Page 1 is a cover: it names the deliverable, the atelier and (per site) the site,
    and carries no running footer."""
    root = at.load(src)
    p1 = at.norm(pages(pdf)[0])
    for what, want in (("deliverable", deliverable), ("atelier title", at.text(root.find(A + "titre")))):
        if at.norm(want).lower() not in p1.lower():
            bad("cover: %s %r not on page 1" % (what, want))
    if site_id:
        name = at.text(at.site(root, site_id).find(A + "nom"))
        if not contains(p1, name):
            bad("cover: site name %r not on page 1" % name)
    if re.search(r"Page 1 ?/", p1):
        bad("cover: page 1 has a running footer")


# ---------------------------------------------------------------------------- feuille de route

def cmd_actions(src, site_id, pdf):
    """Every open action's number and title are in the text, the title right after the number
    (the fiche heading), in the source's order."""
    s = at.site(at.load(src), site_id)
    body = at.norm("\n".join(pages(pdf)))
    pos = 0
    for act in at.actions(s):
        if act.get("statut") in ("realisee", "abandonnee"):
            continue    # listed apart, without a fiche (t_truth.sh)
        num, title = act.get("numero"), at.text(act.find(A + "titre"))
        if not re.search(r"(?<![\d.])" + re.escape(num) + r"(?![\d.])", body):
            bad("action %s: number not found" % num)
            continue
        m = re.compile(re.escape(num) + r"\W{1,6}" + re.escape(at.norm(title))).search(body, pos)
        if not contains(body, title):
            bad("action %s: title %r not found" % (num, title))
        elif not m:
            bad("action %s: no '%s — %s' heading after the previous action's" % (num, num, title))
        else:
            pos = m.end()


def first_cell(line):
    """The first cell of a table row in pdftotext -layout output."""
    return re.split(r"\s{2,}", line.strip())[0]


def find_row(lines, name, amounts):
    """True when a line's first cell begins the (maybe wrapped) `name` and the line holds
    every amount."""
    want = at.norm(name)
    for line in lines:
        cell = at.norm(first_cell(line))
        if cell and want.startswith(cell) and all(re.search(at.amount_pattern(a), line) for a in amounts):
            return True
    return False


def section_lines(pdf, start, stop_re):
    """The -layout lines from the heading line `start` (normalized prefix) to the next line
    matching stop_re (a following chapter heading)."""
    lines = [l for p in pages(pdf, layout=True) for l in p.split("\n")]
    out, inside = [], False
    for l in lines:
        n = at.norm(l)
        if not inside and re.match(start, n):
            inside = True
        elif inside and re.match(stop_re, n):
            break
        if inside:
            out.append(l)
    return out


# ---------------------------------------------------------------------------- carnet

def cmd_sessions(src, site_id, pdf):
    """Each held session's date and minutes (accords, approfondir) appear, sessions in order."""
    s = at.site(at.load(src), site_id)
    body = at.norm("\n".join(pages(pdf)))
    pos = 0
    held = [x for x in s.findall("%sseances/%sseance" % (A, A)) if x.get("tenue") == "oui"]
    if not held:
        bad("the source has no held session: nothing to check")
    for se in held:
        d = at.norm(at.date(se.get("date")))
        if se.get("fin"):   # a session of several days: its range, lv:date-range
            d = at.date_range_pattern(se.get("date"), se.get("fin"))
        else:
            d = re.escape(d)
        m = re.compile(d).search(body, pos)
        if not m:
            bad("session %s: date /%s/ not found after the previous session" % (se.get("numero"), d))
            continue
        pos = m.end()
        for kind in ("accords", "approfondir"):
            for pt in se.findall("%scompte-rendu/%s%s/%spoint" % (A, A, kind, A)):
                t = at.norm(at.text(pt))
                j = body.find(t, pos)
                if j < 0:
                    bad("session %s: %s point %r not found after its date" % (se.get("numero"), kind, t))
                else:
                    pos = max(pos, j + len(t))


# ---------------------------------------------------------------------------- TOC

LEADER = re.compile(r"^\s*(.*?)\s*\.{4,}\s*(\d+)\s*$")


def toc_entries(pdf):
    """(page of the TOC, title, page number) for every dot-leader line of the TOC pages; a
    title wrapped on two lines is joined."""
    entries = []
    for i, page in enumerate(pages(pdf, layout=True)):
        lines = page.split("\n")
        if not any(LEADER.match(l) for l in lines):
            continue
        prev = ""
        for l in lines:
            m = LEADER.match(l)
            if m:
                title = (prev + " " + m.group(1)).strip() if prev else m.group(1)
                entries.append((i + 1, title, int(m.group(2))))
                prev = ""
            elif l.strip() and entries and not LEADER.match(l) and i + 1 == entries[-1][0]:
                prev = l.strip()   # first line of a wrapped title, or page footer (ignored below)
            else:
                prev = ""
    return entries


def cmd_toc(pdf, *expected):
    """Every TOC entry's page holds that title as a heading (a line starting with it), and
    the headings come in the TOC's order. Optional `expected`: top-level titles that must be
    the TOC's numbered chapters, in this order."""
    entries = toc_entries(pdf)
    if not entries:
        bad("no table of contents (no dot-leader line)")
        return
    raw = pages(pdf)
    norm_lines = [[at.norm(l) for l in p.split("\n")] for p in raw]
    # after the TOC: its last dot-leader line (a short document's first chapter follows it
    # on the same page)
    toc_last = entries[-1][0]
    leaders = [k for k, l in enumerate(raw[toc_last - 1].split("\n")) if re.search(r"\.{4,}", l)]
    where = (toc_last, leaders[-1] + 1 if leaders else len(norm_lines[toc_last - 1]))
    for toc_page, title, n in entries:
        want = at.norm(title)
        if n < 1 or n > len(raw):
            bad("TOC %r points at page %d of %d" % (title, n, len(raw)))
            continue
        if n < where[0]:
            bad("TOC %r: page %d comes before the previous entry's page %d" % (title, n, where[0]))
            continue
        lines = norm_lines[n - 1]
        start = where[1] if n == where[0] else 0
        hit = None
        for k in range(start, len(lines)):
            # a heading may wrap: it starts a line and the rest follows
            if lines[k] and want.startswith(lines[k]) and \
                    at.norm(" ".join(lines[k:k + 3])).startswith(want) and len(lines[k]) >= min(len(want), 8):
                hit = k
                break
        if hit is None:
            other = [j + 1 for j, p in enumerate(norm_lines) if any(x.startswith(want) for x in p)]
            bad("TOC %r -> page %d, but that page has no such heading after the previous one "
                "(found as a line on pages %s)" % (title, n, other or "none"))
        else:
            where = (n, hit + 1)
    if expected:
        got = [at.norm(re.sub(r"^\d+\s+", "", t)) for _, t, _ in entries if re.match(r"\d+\s", t)]
        want = [at.norm(e) for e in expected]
        if got != want:
            bad("chapters: expected %s, got %s" % (want, got))


def cmd_chapters(src, site_id, deliverable):
    """The numbered chapters a deliverable must have, from what its template produces for
    this source (one per line)."""
    root = at.load(src)
    s = at.site(root, site_id)
    out = []
    if deliverable == "feuille-de-route":
        acts = at.actions(s)
        out = ["Vision et axes stratégiques", "Plan d’actions", "Fiches actions", "Plan de financement"]
        if s.find(A + "gouvernance") is not None:
            out.append("Gouvernance et suivi")
        if any(a.find("%setudes/%setude" % (A, A)) is not None for a in acts):
            out.append("Études complémentaires")
        if any(a.find("%soutils/%soutil" % (A, A)) is not None for a in acts):
            out.append("Outils et procédures")
    elif deliverable == "carnet-de-suivi":
        out = ["Avancement de l’atelier"]
        for se in s.findall("%sseances/%sseance" % (A, A)):
            if se.get("tenue") == "oui":
                t = se.find(A + "titre")
                out.append("Séance %s" % se.get("numero") + (" — " + at.text(t) if t is not None else ""))
    for c in out:
        print(c)


# ---------------------------------------------------------------------------- livret

def cmd_populations(src, pdf):
    """One table (one page region) of the livret names every site with its population; a
    single site's profile gives it on a row of its own."""
    root = at.load(src)
    lines = [l for p in pages(pdf, layout=True) for l in p.split("\n")]
    if len(at.sites(root)) == 1:
        pop = at.number(at.sites(root)[0].findtext(A + "population").strip())
        if not any(first_cell(l) == "Population" and re.search(at.amount_pattern(pop), l) for l in lines):
            bad("no profile row 'Population' with %s" % pop)
        return
    rows = []
    for s in at.sites(root):
        name = at.text(s.find(A + "nom"))
        pop = at.number(s.findtext(A + "population").strip())
        hits = [i for i, l in enumerate(lines)
                if at.norm(first_cell(l)) and at.norm(name).startswith(at.norm(first_cell(l)))
                and re.search(at.amount_pattern(pop), l)]
        if not hits:
            bad("no table row with site %r and population %s" % (name, pop))
        rows.append(hits)
    if problems:
        return
    # one table: some choice of rows lies within a short span of lines
    best = min(max(h[0] for h in rows) - min(h[0] for h in rows), 10**9)
    if best > 20 * len(rows):
        bad("the sites' rows are not in one table (lines %s)" % [h[0] for h in rows])


def cmd_cadrage_box(src, site_id, pdf):
    """The note de cadrage's first chapter opens on a box saying the site, its départements
    and population (not the atelier's subtitle, which the cover gives), then the theme."""
    root = at.load(src)
    s = at.site(root, site_id)
    text = at.norm("\n".join(pages(pdf)))
    # from the chapter's heading (the last "1 Contexte" before the theme: the contents and
    # the running header come first) to the theme
    end = text.find("Thème:")
    start = text.rfind("1 Contexte", 0, end)
    if end < 0 or start < 0:
        bad("no box between '1 Contexte' and 'Thème :'")
        return
    box = text[start + len("1 Contexte"):end]
    want = [at.text(s.find(A + "nom"))] + [at.text(d) for d in s.findall(A + "departement")]
    for w in want:
        if at.norm(w).lower() not in box.lower():
            bad("the box does not name %r: %r" % (w, box))
    pop = s.findtext(A + "population")
    if pop and not re.search(at.amount_pattern(at.number(pop.strip())) + r" habitants", box):
        bad("the box does not give the population %s" % pop.strip())
    sub = root.findtext(A + "sous-titre")
    if sub and at.norm(at.text(root.find(A + "sous-titre"))) in box:
        bad("the box repeats the subtitle of the cover")


def main():
    cmd = sys.argv[1].replace("-", "_")
    globals()["cmd_" + cmd](*sys.argv[2:])
    if problems:
        print("\n".join(problems), file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
