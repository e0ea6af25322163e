#!/usr/bin/env python3
"""FOP's page count and words for the client documents (tests/clients/), and the check
that Livrables' rendering of the same FO keeps them.

    clients.py record FOP.pdf PREFIX     writes PREFIX.fop-pages and PREFIX.fop-words.gz
    clients.py compare PREFIX OURS.pdf FO [CHECK=REASON...]
                                         checks OURS.pdf, rendered from FO, against them;
                                         exit 1 on a difference

The checks are pages, words (the body) and margins (header and footer). CHECK=REASON marks a
check as expected to fail, for a feature FOP has and Livrables not yet: its failure is printed
with the reason and does not fail the comparison, and its passing does, so the mark goes
when the feature comes.

Words come from pdftotext in two parts: the body (the page less 68pt at the top and the
bottom, where DocBook XSL puts its running header and footer) compared as a multiset, each
word as often as FOP prints it, and the header and footer compared as a set, since a running
header is printed once per page and the page counts may differ a little. A word broken at a
line end by hyphenation is joined again, hyphens are dropped (a hyphenated line end and a
compound word compare alike) and ligatures are undone (NFKC). Numbers no greater than FOP's
page count are page numbers for this comparison (table of contents, index, cross
references): they move with the page breaks, so they are left out.
"""
import collections
import gzip
import html
import re
import subprocess
import sys
import unicodedata
from xml.etree import ElementTree

MARGIN = 68  # points; DocBook XSL: page margin 0.5in, header/footer extent 0.4in
TOLERANCE = 0.05  # the page count may differ from FOP's by 5 %


HYPHENS = r"\-\u2010\u2011"  # for a regex character class


def words(txt):
    """The words of a text, each as (word, loose): loose when it touches a '#', the glyph
    FOP prints for a character its fonts lack (u'o#m###' for u'o\u028am\u026a\u0261\u0259')."""
    txt = unicodedata.normalize("NFKC", txt).replace("\u00ad", "")
    out = []
    for m in re.finditer(r"[\w%s]+" % HYPHENS, txt):
        tok = re.sub(r"[%s]" % HYPHENS, "", m.group())
        if tok:
            loose = txt[m.start() - 1:m.start()] == "#" or txt[m.end():m.end() + 1] == "#"
            out.append((tok, loose))
    return out


class Line:
    """A line of text as pdftotext finds it: a block's line, or a part of a justified line
    whose wide gaps it took for columns."""

    def __init__(self, page, block, x0, y0, y1, texts):
        self.page, self.block, self.x0, self.y0, self.y1 = page, block, x0, y0, y1
        self.texts = texts  # its words, left to right

    def hyphenated(self):
        return bool(self.texts) and re.search(r"\w[%s]$" % HYPHENS, self.texts[-1]) is not None


def pdf_lines(pdf):
    """(lines in pdftotext's reading order, [(width, height)] of the pages). A word that
    touches the page's side was cut there (a line that overflows): it is left out."""
    xml = subprocess.run(["pdftotext", "-bbox-layout", pdf, "-"], capture_output=True,
                         text=True, check=True).stdout
    lines, sizes, block = [], [], 0
    num = r'"([-\d.]+)"'
    for page in re.finditer(r'<page width=%s height=%s>(.*?)</page>' % (num, num), xml, re.S):
        width = float(page.group(1))
        sizes.append((width, float(page.group(2))))
        for blk in re.finditer(r"<block [^>]*>(.*?)</block>", page.group(3), re.S):
            block += 1
            for ln in re.finditer(r"<line xMin=%s yMin=%s xMax=%s yMax=%s>(.*?)</line>"
                                  % (num, num, num, num), blk.group(1), re.S):
                word = r"<word xMin=%s yMin=%s xMax=%s yMax=%s>([^<]*)</word>" % ((num,) * 4)
                texts = [html.unescape(w.group(5)) for w in re.finditer(word, ln.group(5))
                         if float(w.group(1)) > 1 and float(w.group(3)) < width - 1]
                lines.append(Line(len(sizes) - 1, block, float(ln.group(1)), float(ln.group(2)),
                                  float(ln.group(4)), texts))
    return lines, sizes


def continuation(lines, pages, i):
    """The line where the word hyphenated at the end of lines[i] goes on (`pages`: the lines
    of each page): the next line of
    its block; else the leftmost part of the next line down (pdftotext cut a justified line
    at its wide gaps); else, at the foot of a page, the top of the next page's body."""
    ln = lines[i]
    if i + 1 < len(lines) and lines[i + 1].block == ln.block:
        return lines[i + 1]
    height = ln.y1 - ln.y0
    below = [c for c in pages[ln.page] if c.texts and c.x0 <= ln.x0 and
             ln.y1 - 1 < c.y0 < ln.y1 + height]
    if below:
        return min(below, key=lambda c: (c.y0, c.x0))
    after = [c for c in pages.get(ln.page + 1, []) if c.texts and c.y0 > MARGIN]
    return min(after, key=lambda c: (c.y0, c.x0)) if after else None


def regions(pdf):
    """(body words, header and footer words, page count) of a PDF. A line is in the header
    or footer when its middle is within MARGIN of the page's top or bottom."""
    lines, sizes = pdf_lines(pdf)
    pages = {}
    for ln in lines:
        pages.setdefault(ln.page, []).append(ln)
    for i, ln in enumerate(lines):
        if ln.hyphenated():
            c = continuation(lines, pages, i)
            if c is not None and c is not ln:
                ln.texts[-1] = ln.texts[-1][:-1] + c.texts.pop(0)
    body, margins = [], []
    for ln in lines:
        middle = (ln.y0 + ln.y1) / 2
        part = body if MARGIN < middle < sizes[ln.page][1] - MARGIN else margins
        part.extend(words(" ".join(ln.texts)))
    return body, margins, len(sizes)


def record(fop_pdf, prefix):
    body, margins, pages = regions(fop_pdf)
    with open(prefix + ".fop-pages", "w") as f:
        f.write("%d\n" % pages)
    # mtime 0: the fixture is the same bytes for the same FOP output
    with open(prefix + ".fop-words.gz", "wb") as raw:
        with gzip.GzipFile(fileobj=raw, mode="wb", mtime=0, filename="") as f:
            f.write(("".join("body%s %s\n" % ("~" if loose else "", t) for t, loose in body) +
                     "".join("margin%s %s\n" % ("~" if loose else "", t) for t, loose in margins)
                     ).encode())


def is_page_number(tok, pages):
    return tok.isdigit() and int(tok) <= pages


def load(prefix):
    """FOP's page count and its recorded words: {part: [(word, loose)]}."""
    pages = int(open(prefix + ".fop-pages").read())
    parts = {"body": [], "margin": []}
    with gzip.open(prefix + ".fop-words.gz", "rt") as f:
        for line in f:
            part, tok = line.rstrip("\n").split(" ", 1)
            parts[part.rstrip("~")].append((tok, part.endswith("~")))
    return pages, parts


FO = "{http://www.w3.org/1999/XSL/Format}"


def table_heading_words(fo):
    """The words of the FO's table headers and footers. FOP repeats them at each page break
    of their table, so a table that breaks elsewhere or not at all prints them fewer times."""
    found = set()
    for _, el in ElementTree.iterparse(fo):
        if el.tag in (FO + "table-header", FO + "table-footer"):
            found.update(t for t, _ in words(" ".join(el.itertext())))
    return found


def differences(prefix, ours_pdf, fo):
    """{check: problem or None} for OURS.pdf, rendered from FO, against FOP's recorded pages
    and words."""
    fop_pages, fop = load(prefix)
    body, margins, pages = regions(ours_pdf)
    found = {}

    pct = 100.0 * (pages - fop_pages) / fop_pages
    print("pages: %d, FOP %d (%+.1f %%)" % (pages, fop_pages, pct))
    found["pages"] = None
    if abs(pages - fop_pages) > TOLERANCE * fop_pages:
        found["pages"] = "%d pages, FOP %d (%+.1f %%, more than %d %%)" % (
            pages, fop_pages, pct, TOLERANCE * 100)

    def wanted(part, loose):
        return collections.Counter(t for t, lo in fop[part]
                                   if lo == loose and not is_page_number(t, fop_pages))

    have = collections.Counter(t for t, _ in body)
    missing = wanted("body", False) - have
    # a word FOP printed next to a missing glyph is found inside one of ours
    ours = " ".join(have)
    missing.update(t for t in wanted("body", True).elements() if t not in ours)
    total = sum(wanted("body", False).values()) + sum(wanted("body", True).values())
    repeated = table_heading_words(fo)
    excused = sum(n for t, n in missing.items() if t in repeated and have[t])
    missing = collections.Counter({t: n for t, n in missing.items()
                                   if t not in repeated or not have[t]})
    lacking = sum(missing.values())
    print("words: %d of FOP's %d body words, %d more that FOP repeats in table headers"
          % (total - lacking - excused, total, excused))
    found["words"] = None
    if missing:
        worst = sorted(missing.items(), key=lambda kv: (-kv[1], kv[0]))[:40]
        found["words"] = "%d of FOP's words missing: %s" % (
            lacking, ", ".join("%s (%d of %d)" % (t, have[t], have[t] + n) for t, n in worst))

    # FOP lets a block that does not fit run over the footer: such words are in our body
    fop_body = wanted("body", False)
    head_foot = set(t for t, _ in margins)
    lost = sorted(t for t in set(wanted("margin", False)) | set(wanted("margin", True))
                  if t not in head_foot and have[t] <= fop_body[t])
    found["margins"] = "header or footer words missing: %s" % ", ".join(lost[:40]) if lost else None
    return found


def compare(prefix, ours_pdf, fo, marks):
    status = 0
    for check, problem in differences(prefix, ours_pdf, fo).items():
        reason = marks.get(check)
        if problem and reason:
            print("expected failure (%s): %s; %s" % (check, reason, problem))
        elif problem:
            print("difference (%s): %s" % (check, problem))
            status = 1
        elif reason:
            print("unexpected pass (%s): remove its expected-failure mark (%s)" % (check, reason))
            status = 1
    return status


def main():
    if len(sys.argv) == 4 and sys.argv[1] == "record":
        record(sys.argv[2], sys.argv[3])
        return 0
    if len(sys.argv) >= 5 and sys.argv[1] == "compare":
        marks = dict(a.split("=", 1) for a in sys.argv[5:])
        return compare(sys.argv[2], sys.argv[3], sys.argv[4], marks)
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main())
