"""Facts read from an atelier source, for the end-to-end tests.

Expected values are computed here from the source XML (after XInclude), never written by
hand: the tests compare them with the text of the PDFs. French formatting follows the
contract of the lv: extension functions (lv:amount, lv:number, lv:date)."""

import os
import re
import unicodedata
import xml.etree.ElementTree as ET
from decimal import Decimal
from xml.etree import ElementInclude

NS = "urn:livrables:atelier:1"
A = "{%s}" % NS

MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
          "septembre", "octobre", "novembre", "décembre"]
NNBSP, NBSP = "\u202f", "\u00a0"


def load(path):
    """The root element of the source, with its XIncludes resolved relative to each file."""
    path = os.path.abspath(path)
    tree = ET.parse(path)
    root = tree.getroot()

    def loader(href, parse, encoding=None):
        if parse == "xml":
            return ET.parse(href).getroot()
        with open(href, encoding=encoding or "utf-8") as f:
            return f.read()

    ElementInclude.include(root, loader=loader, base_url=path)
    return root


def text(el):
    """The inline text of an element (sigles and links included), spaces collapsed."""
    return " ".join("".join(el.itertext()).split()) if el is not None else ""


def sites(root):
    return root.findall(A + "site")


def site(root, site_id):
    for s in sites(root):
        if s.get("id") == site_id:
            return s
    raise SystemExit("no site %r in the source" % site_id)


def actions(s):
    return s.findall("%sstrategie/%saxe/%sobjectif/%saction" % (A, A, A, A))


def group3(digits):
    out = []
    while len(digits) > 3:
        out.insert(0, digits[-3:])
        digits = digits[:-3]
    out.insert(0, digits)
    return NNBSP.join(out)


def number(value):
    """lv:number: "30 000" (U+202F thousands separator), "12,5"."""
    d = Decimal(str(value)).normalize()
    sign = "-" if d < 0 else ""
    d = abs(d)
    whole, _, frac = format(d, "f").partition(".")
    return sign + group3(whole) + ("," + frac if frac else "")


def amount(value):
    """lv:amount: "1 250 000 €"; two decimals with a comma when not an integer."""
    d = Decimal(str(value))
    sign = "-" if d < 0 else ""
    d = abs(d)
    if d == d.to_integral_value():
        s = group3(str(int(d)))
    else:
        whole, frac = format(d.quantize(Decimal("0.01")), "f").split(".")
        s = group3(whole) + "," + frac
    return sign + s + NBSP + "€"


def date(iso):
    """lv:date: "12 mars 2025", "1er mars 2025"."""
    y, m, d = (int(x) for x in iso.split("-"))
    return "%s %s %d" % ("1er" if d == 1 else str(d), MONTHS[m - 1], y)


def date_range_pattern(start, end):
    """A regex for a period in normalized text (t:period): two days that follow each other
    in a month as "2 et 3 avril 2025" (after "Les " at a sentence's start), else lv:date-range's
    "du 12 au 14 mars 2025", the start's month and year written or left out when they are
    the end's ("shortened smartly")."""
    d1, m1, y1 = date(start).split(" ")
    if start[:7] == end[:7] and int(end[8:10]) == int(start[8:10]) + 1:
        return r"%s et %s" % (re.escape(d1), re.escape(date(end)))
    return r"[Dd]u %s(?: %s(?: %s)?)? au %s" % (re.escape(d1), re.escape(m1), re.escape(y1),
                                                re.escape(date(end)))


def norm(s):
    """A form of text that survives line breaking, hyphenation and French typography:
    compatibility forms (ligatures, no-break spaces), hyphens dropped (a line-end hyphen
    and a real one alike), typographic apostrophes straight, spaces collapsed, none
    before ; : ! ? » or after «."""
    s = unicodedata.normalize("NFKC", s).replace("\u00ad", "")
    s = re.sub(r"[-\u2010\u2011][ \t]*\n\s*", "", s)
    s = re.sub(r"[-\u2010\u2011]", "", s)
    s = s.replace("\u2019", "'").replace("\u2018", "'")
    s = re.sub(r"\s+", " ", s)
    s = re.sub(r" ?([;:!?»])", r"\1", s)
    s = re.sub(r"« ?", "«", s)
    return s.strip()


def amount_pattern(formatted):
    """A regex for a formatted amount or number as pdftotext prints it: each separator is
    some space (U+202F and U+00A0 come out as spaces), the one before € may vanish."""
    parts = re.split(r"[\u202f\u00a0 ]", formatted)
    pat = ""
    for i, p in enumerate(parts):
        if i:
            pat += r"[ \u00a0\u202f]" + ("?" if p == "€" else "")
        pat += re.escape(p)
    return r"(?<![\d,])" + pat + r"(?![\d,])"
