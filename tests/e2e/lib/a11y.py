#!/usr/bin/python3
"""Accessibility checks of a tagged PDF (PDF/UA-1 as far as a program can tell), with
Debian's pikepdf (run with /usr/bin/python3).

  a11y.py check FO PDF      expectations computed from the FO file; prints one line per
                            failed check and exits 1 when any failed. With FO "-", only
                            what holds for any document (a deliverable)
  a11y.py split PDF TAGGED ARTIFACTS
                            writes two PDFs: one keeping only the tagged content, one only
                            the artifacts (for pdftotext)
  a11y.py headings PDF      the headings H1..H6 of the structure tree, in order, one a line
  a11y.py outline PDF       the structure tree's elements in order, one a line: indented by
                            depth, the type and the pages of the element's own content
"""
import re
import sys
import xml.etree.ElementTree as ET

import pikepdf

FO = "{http://www.w3.org/1999/XSL/Format}"
FOX = "{http://xmlgraphics.apache.org/fop/extensions}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
PAINT_OPS = {"Tj", "TJ", "'", '"', "f", "f*", "F", "B", "B*", "b", "b*", "S", "s", "Do",
             "sh", "BI"}

failures = []


def fail(msg):
    failures.append(msg)


def kids(e):
    k = e.get("/K")
    if k is None:
        return []
    return list(k) if isinstance(k, pikepdf.Array) else [k]


def is_elem(x):
    return isinstance(x, pikepdf.Dictionary) and "/S" in x and x.get("/Type") not in ("/MCR", "/OBJR")


def walk(e, out, depth=0, parent=None):
    """Elements in tree order: (element, depth, parent)."""
    out.append((e, depth, parent))
    for x in kids(e):
        if is_elem(x):
            walk(x, out, depth + 1, e)
    return out


def child_types(e):
    return [str(x.S) for x in kids(e) if is_elem(x)]


def marked_ops(page):
    """(operator, stack of open marked-content tags) for every painting operator."""
    stack, res = [], []
    for operands, op in pikepdf.parse_content_stream(page):
        op = str(op)
        if op in ("BDC", "BMC"):
            tag = str(operands[0])
            props = operands[1] if op == "BDC" and len(operands) > 1 else None
            mcid = None
            if isinstance(props, pikepdf.Dictionary) and "/MCID" in props:
                mcid = int(props.MCID)
            stack.append((tag, mcid))
        elif op == "EMC":
            if stack:
                stack.pop()
        elif op in PAINT_OPS or op == "INLINE IMAGE":
            res.append((op, list(stack)))
    return res


def fo_expectations(fo_path):
    tree = ET.parse(fo_path)
    root = tree.getroot()
    flows = root.iter(FO + "flow")
    exp = {"tables": [], "lists": [], "figures": [], "langs": [], "headings": []}
    for flow in flows:
        for t in flow.iter(FO + "table"):
            exp["tables"].append({
                "header_rows": len(list(t.iter(FO + "table-header"))) and
                len([r for h in t.iter(FO + "table-header") for r in h.iter(FO + "table-row")]),
                "body_rows": len([r for b in t.iter(FO + "table-body") for r in b.iter(FO + "table-row")]),
            })
        for lb in flow.iter(FO + "list-block"):
            exp["lists"].append(len([i for i in lb if i.tag == FO + "list-item"]))
        # role="artifact" (FOP's convention) takes an element and all it holds out
        artifacts = {d for a in flow.iter() if a.get("role") == "artifact" for d in a.iter()}
        for g in flow.iter():
            if g.tag in (FO + "external-graphic", FO + "instream-foreign-object") and g not in artifacts:
                exp["figures"].append(g.get(FOX + "alt-text"))
        exp["artifact_texts"] = [" ".join("".join(a.itertext()).split()) for a in flow.iter()
                                 if a.get("role") == "artifact" and "".join(a.itertext()).strip()]
        for b in flow.iter(FO + "block"):
            if b.get(XML_LANG):
                exp["langs"].append(b.get(XML_LANG))
            role = b.get("role") or ""
            if re.fullmatch(r"H[1-6]", role):
                exp["headings"].append(role)
    title = None
    for t in root.iter("{http://purl.org/dc/elements/1.1/}title"):
        title = "".join(t.itertext()).strip()
    for t in root.iter(FO + "title"):
        title = title or " ".join("".join(t.itertext()).split())
    lang = root.get(XML_LANG)
    if not lang and root.get("language"):
        lang = root.get("language") + ("-" + root.get("country") if root.get("country") else "")
    exp["title"], exp["lang"] = title, lang
    exp["static"] = ["".join(s.itertext()).split()[0] for s in root.iter(FO + "static-content")
                     if "".join(s.itertext()).split()]
    return exp


def check(fo_path, pdf_path):
    exp = fo_expectations(fo_path) if fo_path != "-" else None
    pdf = pikepdf.open(pdf_path)
    root = pdf.Root
    if not str(root.get("/Lang", "")):
        fail("no /Lang")
    if exp and exp["lang"] and str(root.get("/Lang", "")) != exp["lang"]:
        fail(f"/Lang is {root.get('/Lang')}, expected {exp['lang']}")
    mi = root.get("/MarkInfo")
    if mi is None or not bool(mi.get("/Marked")):
        fail("no /MarkInfo /Marked true")
    vp = root.get("/ViewerPreferences")
    if vp is None or not bool(vp.get("/DisplayDocTitle")):
        fail("no /ViewerPreferences /DisplayDocTitle true")
    # XMP
    with pdf.open_metadata() as meta:
        if str(meta.get("{http://www.aiim.org/pdfua/ns/id/}part", "")) != "1":
            fail(f"XMP pdfuaid:part is {meta.get('{http://www.aiim.org/pdfua/ns/id/}part')!r}")
        if not exp and not str(meta.get("dc:title", "")):
            fail("no XMP dc:title")
        if exp and exp["title"] and str(meta.get("dc:title", "")) != exp["title"]:
            fail(f"XMP dc:title is {meta.get('dc:title')!r}, expected {exp['title']!r}")
    for key in ("/CreationDate", "/ModDate"):
        v = str(pdf.docinfo.get(key, ""))
        if not re.fullmatch(r"D:\d{14}(Z|[+-]\d\d'\d\d'?)?", v):
            fail(f"Info {key} is {v!r}, not a D: date")
    if "/PageLabels" in root:
        nums = root.PageLabels.get("/Nums")
        if nums is None or len(nums) < 2 or int(nums[0]) != 0:
            fail("/PageLabels present but not filled from page 0")
    # pages
    for i, page in enumerate(pdf.pages):
        if "/StructParents" not in page.obj:
            fail(f"page {i + 1}: no /StructParents")
        if page.obj.get("/Tabs") != "/S":
            fail(f"page {i + 1}: no /Tabs /S")
    # structure tree
    str_root = root.StructTreeRoot
    parent_tree = {}
    nums = str_root.ParentTree.Nums
    for k in range(0, len(nums), 2):
        parent_tree[int(nums[k])] = nums[k + 1]
    elems = []
    for top in kids(str_root):
        if is_elem(top):
            walk(top, elems)
    types = [str(e.S) for e, _, _ in elems]
    for need in ("/Document", "/P"):
        if need not in types:
            fail(f"no {need} element")
    # tables: one Table per fo:table, split or not; THead/TBody with their rows
    tables = [e for e, _, _ in elems if e.S == "/Table"]
    if exp and len(tables) != len(exp["tables"]):
        fail(f"{len(tables)} Table elements, expected {len(exp['tables'])}")
    for t, et in zip(tables, exp["tables"] if exp else [None] * len(tables)):
        parts = child_types(t)
        if et and et["header_rows"] and "/THead" not in parts:
            fail("a Table without THead")
        # a deliverable's tables all have header cells (column or row headers)
        if not exp and not any(is_elem(c) and c.S == "/TH"
                               for part in kids(t) if is_elem(part)
                               for tr in kids(part) if is_elem(tr)
                               for c in kids(tr)):
            fail("a Table without any TH")
        for part in kids(t):
            if not is_elem(part):
                continue
            if part.S not in ("/THead", "/TBody", "/TFoot"):
                fail(f"Table child {part.S}")
                continue
            for tr in kids(part):
                if not is_elem(tr) or tr.S != "/TR":
                    fail(f"{part.S} child {tr.get('/S') if is_elem(tr) else 'content'}")
                    continue
                for cell in kids(tr):
                    if not is_elem(cell) or cell.S not in ("/TH", "/TD"):
                        fail("TR child that is not TH/TD")
                    elif part.S == "/THead" and (cell.S != "/TH" or "/A" not in cell or
                                                 "/Scope" not in cell.A):
                        fail("header cell that is not a TH with /Scope")
        # a regular grid: every row covers as many columns, spans counted
        widths, pending = [], []
        for part in kids(t):
            if not is_elem(part):
                continue
            for tr in kids(part):
                if not is_elem(tr):
                    continue
                w = sum(1 for p in pending if p > 0)
                pending = [p - 1 for p in pending if p > 1]
                for cell in kids(tr):
                    if not is_elem(cell):
                        continue
                    a = cell.get("/A")
                    cs = int(a.get("/ColSpan", 1)) if isinstance(a, pikepdf.Dictionary) else 1
                    rs = int(a.get("/RowSpan", 1)) if isinstance(a, pikepdf.Dictionary) else 1
                    w += cs
                    pending += [rs - 1] * cs if rs > 1 else []
                widths.append(w)
        if len(set(widths)) > 1:
            fail(f"Table rows cover {sorted(set(widths))} columns: not a regular grid")
        body_rows = sum(len(child_types(p)) for p in kids(t) if is_elem(p) and p.S == "/TBody")
        if et and body_rows != et["body_rows"]:
            fail(f"Table has {body_rows} body rows, expected {et['body_rows']}")
    # lists
    lists = [e for e, _, _ in elems if e.S == "/L"]
    if exp and len(lists) != len(exp["lists"]):
        fail(f"{len(lists)} L elements, expected {len(exp['lists'])}")
    for l, n in zip(lists, exp["lists"] if exp else [None] * len(lists)):
        items = [x for x in kids(l) if is_elem(x)]
        if (n is not None and len(items) != n) or any(x.S != "/LI" for x in items):
            fail(f"L has {child_types(l)}, expected {n} LI")
        for li in items:
            if child_types(li) != ["/Lbl", "/LBody"]:
                fail(f"LI has {child_types(li)}, expected Lbl then LBody")
    # figures
    figures = [e for e, _, _ in elems if e.S == "/Figure"]
    alts = [str(f.get("/Alt")) if "/Alt" in f else None for f in figures]
    if exp and alts != exp["figures"]:
        fail(f"Figure /Alt {alts}, expected {exp['figures']}")
    # without an FO to compare with (a deliverable): every Figure says what it shows
    if not exp and any(not a or not a.strip() for a in alts):
        fail(f"Figure without /Alt: {alts}")
    # languages of blocks
    langs = [str(e.Lang) for e, _, _ in elems if "/Lang" in e and e.S != "/Part"]
    for lang in exp["langs"] if exp else []:
        if lang not in langs:
            fail(f"no element with /Lang {lang} (found {langs})")
    # headings in order, as the roles say, starting at H1 and never skipping a level
    heads = [t.lstrip("/") for t in types if re.fullmatch(r"/H[1-6]", t)]
    if exp and heads != exp["headings"]:
        fail(f"headings {heads}, expected {exp['headings']}")
    level = 0
    for h in heads:
        if int(h[1]) > level + 1:
            fail(f"heading {h} after H{level}: a level skipped")
            break
        level = int(h[1])
    # links: every link annotation tied to a Link element through its /StructParent
    for i, page in enumerate(pdf.pages):
        for a in page.obj.get("/Annots", []):
            if a.get("/Subtype") != "/Link":
                continue
            if not str(a.get("/Contents", "")):
                fail(f"page {i + 1}: a link annotation without /Contents")
            sp = a.get("/StructParent")
            if sp is None or int(sp) not in parent_tree or parent_tree[int(sp)].get("/S") != "/Link":
                fail(f"page {i + 1}: a link annotation not tied to a Link element")
            elif not any(isinstance(x, pikepdf.Dictionary) and x.get("/Type") == "/OBJR" and
                         x.Obj.objgen == a.objgen for x in kids(parent_tree[int(sp)])):
                fail(f"page {i + 1}: Link element without the OBJR of its annotation")
    # content: everything tagged or an artifact, every MCID in the parent tree
    for i, page in enumerate(pdf.pages):
        ptree = parent_tree.get(int(page.obj.get("/StructParents", -1)))
        for op, stack in marked_ops(page):
            if not stack:
                fail(f"page {i + 1}: '{op}' neither tagged nor an artifact")
                break
            tag, mcid = stack[0]
            if tag == "/Artifact":
                continue
            if mcid is None or ptree is None or mcid >= len(ptree) or not is_elem(ptree[mcid]):
                fail(f"page {i + 1}: marked content {tag} MCID {mcid} not in the structure tree")
                break
    if failures:
        for f in failures:
            print("FAIL", f)
        sys.exit(1)
    print("ok")


def split(pdf_path, tagged_path, artifacts_path):
    for path, artifacts in ((tagged_path, False), (artifacts_path, True)):
        pdf = pikepdf.open(pdf_path)
        for page in pdf.pages:
            out, keep = [], []
            for operands, op in pikepdf.parse_content_stream(page):
                name = str(op)
                if name in ("BDC", "BMC"):
                    keep.append((str(operands[0]) == "/Artifact") == artifacts)
                elif name == "EMC":
                    if keep:
                        keep.pop()
                elif name in PAINT_OPS and not (keep and keep[0]):
                    continue
                out.append((operands, op))
            page.obj.Contents = pdf.make_stream(pikepdf.unparse_content_stream(out))
        pdf.save(path)


def headings(pdf_path):
    pdf = pikepdf.open(pdf_path)
    elems = []
    for top in kids(pdf.Root.StructTreeRoot):
        if is_elem(top):
            walk(top, elems)
    for e, _, _ in elems:
        if re.fullmatch(r"/H[1-6]", str(e.S)):
            print(str(e.S).lstrip("/"))


def outline(pdf_path):
    pdf = pikepdf.open(pdf_path)
    page_no = {p.obj.objgen: i + 1 for i, p in enumerate(pdf.pages)}
    elems = []
    for top in kids(pdf.Root.StructTreeRoot):
        if is_elem(top):
            walk(top, elems)
    for e, depth, _ in elems:
        pages = set()
        for x in kids(e):
            if isinstance(x, int) and "/Pg" in e:
                pages.add(page_no.get(e.Pg.objgen))
            elif isinstance(x, pikepdf.Dictionary) and x.get("/Type") == "/MCR":
                pg = x.get("/Pg", e.get("/Pg"))
                if pg is not None:
                    pages.add(page_no.get(pg.objgen))
        shown = " ".join(str(n) for n in sorted(p for p in pages if p))
        print(" " * depth + str(e.S).lstrip("/") + (" " + shown if shown else ""))


if __name__ == "__main__":
    cmd = sys.argv[1] if len(sys.argv) > 1 else ""
    if cmd == "check" and len(sys.argv) == 4:
        check(sys.argv[2], sys.argv[3])
    elif cmd == "split" and len(sys.argv) == 5:
        split(sys.argv[2], sys.argv[3], sys.argv[4])
    elif cmd == "headings" and len(sys.argv) == 3:
        headings(sys.argv[2])
    elif cmd == "outline" and len(sys.argv) == 3:
        outline(sys.argv[2])
    else:
        sys.exit(__doc__)
