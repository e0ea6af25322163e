"""The inline action plan a CSV plan stands for, read with Python's csv module (not libcsv):
for checking what Livrables printed from a spreadsheet against values computed from it.

    python3 sheet_expect.py SITE.xml PLAN.csv FINANCEMENTS.csv OUT.xml

Writes SITE.xml with its <plan-actions/> element replaced by the axes, objectives and
actions of the CSV, for check.py's `actions` and `financing` commands."""

import csv
import re
import sys
import unicodedata
from decimal import Decimal
from xml.sax.saxutils import escape, quoteattr


def fold(s):
    s = "".join(c for c in unicodedata.normalize("NFD", s) if not unicodedata.combining(c))
    return re.sub(r"[\s_-]+", "-", s.strip().casefold())


def rows(path):
    with open(path, encoding="utf-8-sig", newline="") as f:
        text = f.read()
    delim = ";" if text.split("\n")[0].count(";") >= text.split("\n")[0].count(",") else ","
    it = csv.reader(text.splitlines(True), delimiter=delim)
    head = [fold(h) for h in next(it)]
    return [dict(zip(head, r)) for r in it if any(c.strip() for c in r)]


def amount(s):
    s = re.sub(r"[\s\u00a0\u202f€]", "", s).replace(",", ".")
    d = Decimal(s)
    return str(d.quantize(Decimal(1))) if d == d.to_integral() else str(d.quantize(Decimal("0.01")))


def main(site, plan, fins, out):
    acts, lines = rows(plan), rows(fins)
    axes = {}
    for r in acts:
        num = r["numero"].strip()
        obj = r.get("objectif", "").strip() or num.rsplit(".", 1)[0]
        axe = r.get("axe", "").strip() or obj.split(".")[0]
        a = axes.setdefault(axe, {"titre": "", "objs": {}})
        a["titre"] = a["titre"] or r["axe-titre"].strip()
        o = a["objs"].setdefault(obj, {"titre": "", "acts": []})
        o["titre"] = o["titre"] or r["objectif-titre"].strip()
        o["acts"].append(r)
    xml = []
    for an, a in axes.items():
        xml.append('<axe numero="%s"><titre>%s</titre>' % (an, escape(a["titre"])))
        for on, o in a["objs"].items():
            xml.append('<objectif numero="%s"><titre>%s</titre>' % (on, escape(o["titre"])))
            for r in o["acts"]:
                num = r["numero"].strip()
                xml.append('<action numero="%s" horizon="%s" priorite="%s" statut="%s">' % (
                    num, fold(r["horizon"]), r["priorite"].strip(), fold(r["statut"])))
                xml.append("<titre>%s</titre><description><p>%s</p></description><porteur>%s</porteur>" % (
                    escape(r["titre"].strip()), escape(r["description"]), escape(r["porteur"])))
                if r.get("cout", "").strip():
                    xml.append("<cout>%s</cout>" % amount(r["cout"]))
                mine = [l for l in lines if l["action"].strip() == num]
                if mine:
                    xml.append("<financements>%s</financements>" % "".join(
                        '<ligne financeur=%s montant="%s"/>' % (quoteattr(l["financeur"].strip()), amount(l["montant"]))
                        for l in mine))
                xml.append("</action>")
            xml.append("</objectif>")
        xml.append("</axe>")
    with open(site, encoding="utf-8") as f:
        src = f.read()
    src = re.sub(r"<plan-actions[^>]*/>", "".join(xml), src)
    with open(out, "w", encoding="utf-8") as f:
        f.write(src)


if __name__ == "__main__":
    main(*sys.argv[1:])
