"""How full each page of a PDF is, measured on the rendered page, for the page-economy tests.

    python3 pagefill.py report PDF...          one line per page: file, page, fill
    python3 pagefill.py check PDF [PART]...    prints the pages that waste paper, exits 1

A page is rendered in grey at low resolution (pdftoppm -gray -r 20, PGM output read here: it
is a tiny format) and its fill is how far down the body area its lowest inked row reaches,
the running header and footer bands left out. The rule (issue 7): no page is less than about
a third full, except the cover, a part's last page when the next part starts a new page by
design (a part named on the command line: the dossier's sites), and the document's last page.
Neither the table of contents nor the glossary is an exception: a short document's contents
share their page with its first chapter, and the glossary follows the last chapter."""

import re
import subprocess
import sys
import tempfile
from pathlib import Path

import check

DPI = 20
# The body area of the page masters (styles/base.xsl, which no charter overrides): A4,
# margin-top 14 mm + header 12 mm above, margin-bottom 12 mm + footer 12 mm below.
PAGE_HEIGHT_MM = 297.0
BODY_TOP_MM = 14.0 + 12.0
BODY_BOTTOM_MM = PAGE_HEIGHT_MM - 12.0 - 12.0
INK = 225          # a grey darker than this is ink (tints and light rules are not)
MIN_FILL = 0.33    # "less than about a third full"


def read_pgm(path):
    """(width, height, rows) of a binary PGM (P5) file; rows are bytes objects."""
    data = Path(path).read_bytes()
    fields, pos = [], 0
    while len(fields) < 4:
        while data[pos:pos + 1].isspace():
            pos += 1
        if data[pos:pos + 1] == b"#":           # a comment runs to the end of the line
            pos = data.index(b"\n", pos) + 1
            continue
        start = pos
        while not data[pos:pos + 1].isspace():
            pos += 1
        fields.append(data[start:pos])
    if fields[0] != b"P5" or int(fields[3]) > 255:
        raise ValueError("%s: not an 8-bit binary PGM" % path)
    width, height = int(fields[1]), int(fields[2])
    pixels = data[pos + 1:pos + 1 + width * height]   # one whitespace byte ends the header
    return width, height, [pixels[r * width:(r + 1) * width] for r in range(height)]


def fills(pdf):
    """The fill of each page (0 empty body, 1 inked down to the body's foot), in order."""
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(["pdftoppm", "-gray", "-r", str(DPI), pdf, tmp + "/p"], check=True)
        files = sorted(Path(tmp).glob("p-*.pgm"), key=lambda p: int(re.findall(r"\d+", p.stem)[-1]))
        out = []
        for f in files:
            _, height, rows = read_pgm(f)
            top = int(height * BODY_TOP_MM / PAGE_HEIGHT_MM) + 1
            bottom = int(height * BODY_BOTTOM_MM / PAGE_HEIGHT_MM) - 1
            lowest = top
            for r in range(top, bottom + 1):
                if min(rows[r]) < INK:
                    lowest = r
            out.append((lowest - top) / float(bottom - top))
        return out


def deliberate_starts(pdf, parts):
    """Pages where a deliberate break puts a part at the top of a page, read from the table
    of contents: the top-level entries whose title contains one of `parts` (the dossier's
    sites, for instance). The first chapter is no such part: a table of contents has a page
    of its own only when it fills a third of it (a short document's shares its page with
    the first chapter), and the glossary follows the last chapter."""
    entries = check.toc_entries(pdf)
    starts = set()
    for _, title, page in entries:
        if not re.match(r"^\d+\.\d", title) and any(check.at.norm(p) in check.at.norm(title) for p in parts):
            starts.add(page)
    return starts


def cmd_report(*pdfs):
    for pdf in pdfs:
        for i, f in enumerate(fills(pdf), 1):
            print("%s\t%d\t%.2f" % (pdf, i, f))


def cmd_check(pdf, *parts):
    """The page-economy rule on one PDF; `parts`: titles of the parts that start a new page
    by design, besides the first chapter after the table of contents."""
    page_fills = fills(pdf)
    starts = deliberate_starts(pdf, parts)
    n = len(page_fills)
    for i, f in enumerate(page_fills, 1):
        if i == 1 or i == n or (i + 1) in starts:
            continue
        if f < MIN_FILL:
            check.bad("%s: page %d of %d is %d %% full" % (pdf, i, n, round(f * 100)))


def main():
    globals()["cmd_" + sys.argv[1]](*sys.argv[2:])
    if check.problems:
        print("\n".join(check.problems), file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
