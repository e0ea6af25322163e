"""Writes the action-plan spreadsheets the tests read: the same plan as plan.ods, plan.xlsx and
plan.csv (+ plan-financements.csv), each typed the way its program types it (numbers, dates,
amounts written as text, shared strings, repeated rows and columns), and broken variants
whose errors the tests expect. Only the standard library: zipfile writes the XML.

    python3 make_plans.py OUTDIR

The unit tests read the copies committed in tests/sheets/ (regenerate them with
`python3 tests/sheets/make_plans.py tests/sheets`); the e2e tests write fresh ones.
"""

import csv
import io
import os
import sys
import zipfile
from xml.sax.saxutils import escape, quoteattr

HEADERS = ["Axe", "Axe titre", "Objectif", "OBJECTIF_TITRE", "Numéro", "Titre", "Description",
           "Porteur", "Partenaires", "Horizon", "Début", "Durée", "Priorité", "Statut", "Coût",
           "Études", "Outils", "Indicateurs"]

# One row per action. Values are (kind, value): kind "n" a typed number, "d" a typed date,
# "t" text. The CSV writes every value as text, as typed.
A1, A2 = "Maîtriser et préparer le site", "Habiter et travailler au bord de la Loue"
O11, O21, O22 = "Acquérir et dépolluer", "Un quartier mixte", "Vivre avec la rivière"
ACTIONS = [
    [("n", 1), ("t", A1), ("t", "1.1"), ("t", O11), ("t", "1.1.1"),
     ("t", "Convention de portage avec l'établissement public foncier"),
     ("t", "L'établissement public foncier achète le site.\nIl le porte cinq ans."),
     ("t", "Commune de Vernay-sur-Loue"), ("t", "Établissement public foncier; Département du Doubs"),
     ("t", "Court"), ("n", 2025), ("n", 6), ("n", 1), ("t", "En cours"), ("n", 950000),
     ("t", ""), ("t", "Convention de portage"), ("t", "Acte de vente signé")],
    [("n", 1), ("t", ""), ("t", "1.1"), ("t", ""), ("t", "1.1.2"),
     ("t", "Dépolluer les sols selon les usages futurs"),
     ("t", "Un plan de gestion fixe les travaux :\n- terres excavées\n- confinement sous le parc"),
     ("t", "Établissement public foncier"), ("t", "ADEME;DREAL Bourgogne-Franche-Comté"),
     ("t", "court"), ("d", "2026-03-01"), ("t", "18"), ("n", 1), ("t", "À lancer"), ("t", "1 400 000 €"),
     ("t", "Plan de gestion; Analyse des risques résiduels"), ("t", ""), ("t", "")],
    [("n", 2), ("t", A2), ("t", "2.1"), ("t", O21), ("t", "2.1.1"),
     ("t", "Concours d'architecture pour la halle"),
     ("t", "La halle accueille des ateliers d'artisans."),
     ("t", "Communauté de communes"), ("t", ""),
     ("t", "Moyen"), ("n", 2027), ("n", 12), ("n", 2), ("t", "a lancer"), ("t", "12 500,50"),
     ("t", ""), ("t", ""), ("t", "Nombre d'ateliers loués")],
    [("n", 2), ("t", A2), ("t", "2.2"), ("t", O22), ("t", "2.2.1"),
     ("t", "Un parc inondable ouvert à tous"),
     ("t", "Le parc occupe la partie inondable du site."),
     ("t", "Commune de Vernay-sur-Loue"), ("t", "Agence de l'eau"),
     ("t", "LONG"), ("t", "2028"), ("t", "36 mois"), ("n", 3), ("t", "Réalisée"), ("t", "300000"),
     ("t", ""), ("t", "Plan de prévention du risque inondation"), ("t", "")],
]
FIN_HEADERS = ["Action", "Financeur", "Montant", "État", "Dispositif"]
FINANCEMENTS = [
    [("t", "1.1.1"), ("t", "Établissement public foncier"), ("n", 950000), ("t", "acquis"), ("t", "Portage foncier")],
    [("t", "1.1.2"), ("t", "État"), ("t", "840 000 €"), ("t", "Sollicité"), ("t", "Fonds vert")],
    [("t", "1.1.2"), ("t", "ADEME"), ("n", 560000), ("t", "à rechercher"), ("t", "")],
    [("t", "2.1.1"), ("t", "Région Bourgogne-Franche-Comté"), ("t", "12 500,50 €"), ("t", ""), ("t", "")],
]

NS_ODS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
          'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
          'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"')


def as_text(kind, v):
    if kind == "d":
        y, m, d = v.split("-")
        return "%s/%s/%s" % (d, m, y)
    return str(v)


def zip_write(path, members):
    with zipfile.ZipFile(path, "w") as z:
        for name, data in members:
            info = zipfile.ZipInfo(name, date_time=(2025, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_STORED if name == "mimetype" else zipfile.ZIP_DEFLATED
            z.writestr(info, data)


# ---------------------------------------------------------------------------- ODS

def ods_paragraphs(text):
    """Cell text as LibreOffice writes it: one text:p per line, runs of spaces as text:s."""
    out = []
    for line in text.split("\n"):
        line = escape(line).replace("  ", ' <text:s/>')
        if " " in line and "000" in line:  # "1 400 000 €": a space as text:s, as Calc may write it
            line = line.replace(" ", "<text:s/>", 1)
        out.append("<text:p>%s</text:p>" % line)
    return "".join(out)


def ods_cell(kind, v):
    if kind == "n":
        return '<table:table-cell office:value-type="float" office:value="%s"><text:p>%s</text:p></table:table-cell>' % (v, v)
    if kind == "d":
        return ('<table:table-cell office:value-type="date" office:date-value="%sT00:00:00">'
                '<text:p>%s</text:p></table:table-cell>' % (v, as_text(kind, v)))
    if v == "":
        return "<table:table-cell/>"
    return '<table:table-cell office:value-type="string">%s</table:table-cell>' % ods_paragraphs(v)


def ods_table(name, headers, rows, extra_rows=""):
    out = ['<table:table table:name=%s><table:table-column table:number-columns-repeated="1024"/>' % quoteattr(name)]
    out.append("<table:table-header-rows><table:table-row>")
    out += [ods_cell("t", h) for h in headers]
    # Calc pads every row to the last column with one repeated empty cell.
    out.append('<table:table-cell table:number-columns-repeated="16000"/></table:table-row></table:table-header-rows>')
    for i, r in enumerate(rows):
        out.append("<table:table-row>")
        cells = [ods_cell(k, v) for k, v in r]
        if i == 0 and len(cells) > 5:  # a comment on a cell is not its value
            cells[5] = cells[5].replace(
                '<text:p>', '<office:annotation><text:p>à vérifier</text:p></office:annotation><text:p>', 1)
        out += cells
        out.append('<table:table-cell table:number-columns-repeated="16000"/></table:table-row>')
        if i == 1:  # an empty row between actions
            out.append('<table:table-row table:number-rows-repeated="2"><table:table-cell table:number-columns-repeated="1024"/></table:table-row>')
    out.append(extra_rows)
    # Calc writes the rest of the sheet as one huge repeated empty row.
    out.append('<table:table-row table:number-rows-repeated="1048000"><table:table-cell table:number-columns-repeated="1024"/></table:table-row>')
    out.append("</table:table>")
    return "".join(out)


def write_ods(path, actions, fins, extra_rows=""):
    content = ('<?xml version="1.0" encoding="UTF-8"?>\n<office:document-content %s office:version="1.3">'
               '<office:body><office:spreadsheet>%s%s</office:spreadsheet></office:body>'
               '</office:document-content>' % (NS_ODS, ods_table("Actions", HEADERS, actions, extra_rows),
                                               ods_table("financements", FIN_HEADERS, fins)))
    manifest = ('<?xml version="1.0" encoding="UTF-8"?>\n<manifest:manifest '
                'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">'
                '<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
                '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
                '</manifest:manifest>')
    zip_write(path, [("mimetype", "application/vnd.oasis.opendocument.spreadsheet"),
                     ("META-INF/manifest.xml", manifest), ("content.xml", content)])


# ---------------------------------------------------------------------------- XLSX

def col_letter(i):
    s = ""
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        s = chr(65 + r) + s
    return s


def excel_serial(iso):
    import datetime
    d = datetime.date(*map(int, iso.split("-")))
    return (d - datetime.date(1899, 12, 30)).days


def write_xlsx(path, actions, fins):
    shared = []

    def sst(text):
        if text not in shared:
            shared.append(text)
        return shared.index(text)

    def sheet_xml(headers, rows):
        out = ['<?xml version="1.0" encoding="UTF-8"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>']
        for r, row in enumerate([[("t", h) for h in headers]] + rows, start=1):
            out.append('<row r="%d">' % r)
            for c, (kind, v) in enumerate(row):
                ref = "%s%d" % (col_letter(c), r)
                if kind == "n":
                    out.append('<c r="%s"><v>%s</v></c>' % (ref, v))
                elif kind == "d":  # a serial day with a date format (style 1: numFmtId 14)
                    out.append('<c r="%s" s="1"><v>%d</v></c>' % (ref, excel_serial(v)))
                elif v == "":
                    continue
                elif r % 2:  # odd rows: shared strings; even rows: inline strings
                    out.append('<c r="%s" t="s"><v>%d</v></c>' % (ref, sst(v)))
                else:
                    out.append('<c r="%s" t="inlineStr"><is><t xml:space="preserve">%s</t></is></c>' % (ref, escape(v)))
            out.append("</row>")
        out.append("</sheetData></worksheet>")
        return "".join(out)

    sheets = [sheet_xml(HEADERS, actions), sheet_xml(FIN_HEADERS, fins)]
    # The first shared string in rich text runs, as Excel writes formatted cells.
    sis = []
    for i, s in enumerate(shared):
        if i == 0 and len(s) > 2:
            sis.append('<si><r><rPr><b/></rPr><t>%s</t></r><r><t xml:space="preserve">%s</t></r><rPh><t>x</t></rPh></si>'
                       % (escape(s[:2]), escape(s[2:])))
        else:
            sis.append('<si><t xml:space="preserve">%s</t></si>' % escape(s))
    ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    members = [
        ("[Content_Types].xml", '<?xml version="1.0" encoding="UTF-8"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
         '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
         '<Default Extension="xml" ContentType="application/xml"/></Types>'),
        ("_rels/.rels", '<?xml version="1.0" encoding="UTF-8"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
         '<Relationship Id="rId1" Type="%s/officeDocument" Target="xl/workbook.xml"/></Relationships>' % rel),
        # Sheets in the workbook's order, stored under names that do not follow it.
        ("xl/workbook.xml", '<?xml version="1.0" encoding="UTF-8"?>\n<workbook %s xmlns:r="%s"><sheets>'
         '<sheet name="ACTIONS" sheetId="1" r:id="rId7"/><sheet name="Financements" sheetId="2" r:id="rId3"/>'
         '</sheets></workbook>' % (ns, rel)),
        ("xl/_rels/workbook.xml.rels", '<?xml version="1.0" encoding="UTF-8"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
         '<Relationship Id="rId3" Type="%s/worksheet" Target="worksheets/sheet1.xml"/>'
         '<Relationship Id="rId7" Type="%s/worksheet" Target="/xl/worksheets/sheet2.xml"/></Relationships>' % (rel, rel)),
        ("xl/styles.xml", '<?xml version="1.0" encoding="UTF-8"?>\n<styleSheet %s><cellXfs count="2">'
         '<xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/></cellXfs></styleSheet>' % ns),
        ("xl/sharedStrings.xml", '<?xml version="1.0" encoding="UTF-8"?>\n<sst %s count="%d" uniqueCount="%d">%s</sst>'
         % (ns, len(shared), len(shared), "".join(sis))),
        ("xl/worksheets/sheet2.xml", sheets[0]),
        ("xl/worksheets/sheet1.xml", sheets[1]),
    ]
    zip_write(path, members)


# ---------------------------------------------------------------------------- CSV

def write_csv(path, headers, rows, delimiter=";"):
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=delimiter, lineterminator="\r\n")
    w.writerow(headers)
    for r in rows:
        w.writerow([as_text(k, v) for k, v in r])
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write(buf.getvalue())


# ---------------------------------------------------------------------------- broken plans

def broken(actions):
    """The plan with errors in known cells (the tests expect their messages)."""
    rows = [list(r) for r in actions]
    rows[0][12] = ("t", "haute")          # M2: priorite
    rows[1][14] = ("t", "50.000")         # O3: cout, ambiguous
    rows[2][4] = ("t", "3.1.1")           # E4: numero not under objectif 2.1
    rows[3][5] = ("t", "")                # F5: titre empty
    rows[3][13] = ("t", "terminée")       # N5: statut
    return rows


def main():
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    write_ods(os.path.join(out, "plan.ods"), ACTIONS, FINANCEMENTS)
    write_xlsx(os.path.join(out, "plan.xlsx"), ACTIONS, FINANCEMENTS)
    write_csv(os.path.join(out, "plan.csv"), HEADERS, ACTIONS)
    write_csv(os.path.join(out, "plan-financements.csv"), FIN_HEADERS, FINANCEMENTS, delimiter=",")
    bad = broken(ACTIONS)
    write_ods(os.path.join(out, "bad.ods"), bad, FINANCEMENTS)
    write_xlsx(os.path.join(out, "bad.xlsx"), bad, FINANCEMENTS)
    write_csv(os.path.join(out, "bad.csv"), HEADERS, bad)
    # A row that claims to repeat a billion times, cells a billion times: the reader must stop
    # at its limits quickly, not expand them.
    write_ods(os.path.join(out, "hostile.ods"), ACTIONS, FINANCEMENTS,
              extra_rows='<table:table-row table:number-rows-repeated="1000000000">'
                         '<table:table-cell table:number-columns-repeated="1000000000" '
                         'office:value-type="float" office:value="1"><text:p>1</text:p></table:table-cell>'
                         '</table:table-row>')


if __name__ == "__main__":
    main()
