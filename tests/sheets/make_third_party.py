"""Writes tests/sheets/openpyxl.xlsx and tests/sheets/odfpy.ods: the plan of make_plans.py
written by two independent libraries (openpyxl and odfpy, Debian packages python3-openpyxl
and python3-odf), with real date formats and styles, for the readers' unit tests. Needs
/usr/bin/python3 with those packages; the outputs are committed.

    /usr/bin/python3 tests/sheets/make_third_party.py tests/sheets
"""

import datetime
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import make_plans as mp  # noqa: E402


def value(kind, v):
    if kind == "d":
        return datetime.date(*map(int, v.split("-")))
    return v if kind == "n" or v != "" else None


def write_openpyxl(path):
    import openpyxl
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "actions"
    ws.append(mp.HEADERS)
    for r in mp.ACTIONS:
        ws.append([value(k, v) for k, v in r])
    for row in ws.iter_rows():
        for c in row:
            if isinstance(c.value, datetime.date):
                c.number_format = "DD/MM/YYYY"
    fs = wb.create_sheet("financements")
    fs.append(mp.FIN_HEADERS)
    for r in mp.FINANCEMENTS:
        fs.append([value(k, v) for k, v in r])
    wb.save(path)


def write_odfpy(path):
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.table import Table, TableCell, TableRow
    from odf.text import P
    doc = OpenDocumentSpreadsheet()

    def table(name, headers, rows):
        t = Table(name=name)
        for r in [[("t", h) for h in headers]] + rows:
            tr = TableRow()
            for k, v in r:
                if k == "n":
                    c = TableCell(valuetype="float", value=v)
                    c.addElement(P(text=str(v)))
                elif k == "d":
                    c = TableCell(valuetype="date", datevalue=v)
                    c.addElement(P(text=v))
                else:
                    c = TableCell(valuetype="string") if v else TableCell()
                    for line in v.split("\n") if v else []:
                        c.addElement(P(text=line))
                tr.addElement(c)
            t.addElement(tr)
        doc.spreadsheet.addElement(t)

    table("actions", mp.HEADERS, mp.ACTIONS)
    table("financements", mp.FIN_HEADERS, mp.FINANCEMENTS)
    doc.save(path)


if __name__ == "__main__":
    out = sys.argv[1]
    write_openpyxl(os.path.join(out, "openpyxl.xlsx"))
    write_odfpy(os.path.join(out, "odfpy.ods"))
