"""Checks of the SVG charts of FO files, with the text extents of librsvg itself (the
renderer that draws them into the PDFs), so that a wrong measurement in the stylesheets
shows. Run with Debian's /usr/bin/python3 (python3-gi, gir1.2-rsvg-2.0).

  charts.py fit FO...             every text of every chart lies inside the chart, no two
                                  texts overlap, and no label crosses the axis line
                                  (class="axis"); prints "N charts, N texts"
  charts.py phasing SRC SITE FO   the phasing chart agrees with the source's actions
  charts.py months SRC SITE FO    the calendar names every month from the first step to
                                  the last, the site's sessions at the site's dates
  charts.py calendar SRC SITE|- FO KIND
                                  the calendar of deliverable KIND as of its date: every
                                  kind of mark it draws is in its legend and nothing else
                                  is; what starts after the date is drawn hollow (to come),
                                  a period of work over by then is filled
  charts.py legend-grid FO...       a calendar legend on several lines is a grid: its labels
                                  in columns (same x), its rows balanced (one entry apart)
  charts.py stacked FO PDF SRC...
                                  the chart of costs by horizon: its series colours 3:1
                                  apart and 3:1 from white, and in the PDF's text of the
                                  chart, each site's total and, for a bar of several
                                  segments, each segment's amount: the sums of the
                                  sources' open actions by horizon, and no other amount
"""

import copy
import re
import sys
import xml.etree.ElementTree as ET

import gi

gi.require_version("Rsvg", "2.0")
from gi.repository import Rsvg  # noqa: E402

import atelier  # noqa: E402

SVG = "{http://www.w3.org/2000/svg}"
FO = "{http://www.w3.org/1999/XSL/Format}"
D = "{urn:livrables:doc}"
SLACK = 0.3  # user units (about 0.1 mm): rounding of the coordinates written


def bad(msg):
    print("FAIL: " + msg, file=sys.stderr)
    sys.exit(1)


def charts(fo_path):
    """The svg elements of the FO file."""
    return ET.parse(fo_path).getroot().iter(SVG + "svg")


def viewbox(svg):
    _, _, w, h = (float(v) for v in svg.get("viewBox").split())
    return w, h


def text_rects(svg):
    """[(text element, (x, y, w, h) logical rectangle as librsvg lays it out)]."""
    svg = copy.deepcopy(svg)
    texts = list(svg.iter(SVG + "text"))
    for i, t in enumerate(texts):
        t.set("id", "t%d" % i)
    # measured in user units: the chart's own size (millimetres) would scale the extents
    w, h = viewbox(svg)
    svg.set("width", "%g" % w)
    svg.set("height", "%g" % h)
    data = ET.tostring(svg)
    handle = Rsvg.Handle.new_from_data(data)
    vp = Rsvg.Rectangle()
    vp.x, vp.y, vp.width, vp.height = 0, 0, w, h
    out = []
    for i, t in enumerate(texts):
        ok, ink, logical = handle.get_geometry_for_layer("#t%d" % i, vp)
        if not ok:
            bad("librsvg cannot measure text %r" % "".join(t.itertext()))
        out.append((t, (logical.x, logical.y, logical.width, ink)))
    return out


def axis_of(svg):
    """(x, top, bottom) of the line between labels and plot, or None."""
    for line in svg.iter(SVG + "line"):
        if line.get("class") == "axis":
            y1, y2 = float(line.get("y1")), float(line.get("y2"))
            return float(line.get("x1")), min(y1, y2), max(y1, y2)
    return None


def cmd_fit(paths):
    ncharts = ntexts = 0
    for path in paths:
        for svg in charts(path):
            ncharts += 1
            w, h = viewbox(svg)
            axis = axis_of(svg)
            rects = text_rects(svg)
            ntexts += len(rects)
            ink_boxes = []
            for t, (x, _, width, ink) in rects:
                s = "".join(t.itertext())
                where = "%s: chart %d: %r" % (path, ncharts, s)
                if x < -SLACK or x + width > w + SLACK:
                    bad("%s runs out of the chart: x %.2f to %.2f, chart 0 to %.0f" % (where, x, x + width, w))
                if ink.y < -SLACK or ink.y + ink.height > h + SLACK:
                    bad("%s runs out of the chart vertically" % where)
                beside_axis = axis is not None and ink.y < axis[2] and ink.y + ink.height > axis[1]
                if beside_axis and float(t.get("x")) < axis[0] and x + width > axis[0] + SLACK:
                    bad("%s crosses the axis: ends at %.2f, axis at %.2f" % (where, x + width, axis[0]))
                ink_boxes.append((where, ink.x, ink.y, ink.x + ink.width, ink.y + ink.height))
            for i, a in enumerate(ink_boxes):
                for b in ink_boxes[i + 1:]:
                    if min(a[3], b[3]) - max(a[1], b[1]) > SLACK and min(a[4], b[4]) - max(a[2], b[2]) > SLACK:
                        bad("%s overlaps %s" % (a[0], b[0].split(": ")[-1]))
    print("%d charts, %d texts" % (ncharts, ntexts))


def luminance(color):
    """Relative luminance of #RRGGBB (WCAG 2)."""
    def lin(c):
        c /= 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = (int(color.lstrip("#")[i:i + 2], 16) for i in (0, 2, 4))
    return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b)


def contrast(a, b):
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def svg_texts(svg):
    return [("".join(t.itertext()), t) for t in svg.iter(SVG + "text")]


def phasing_svg(fo_path):
    """The phasing chart: the one whose texts hold the priorities' legend."""
    for svg in charts(fo_path):
        if any(s.startswith("Priorité ") for s, _ in svg_texts(svg)):
            return svg
    bad("no phasing chart in " + fo_path)


def cmd_phasing(src, site_id, fo_path):
    s = atelier.site(atelier.load(src), site_id)
    acts = atelier.actions(s)
    open_ = [a for a in acts if a.get("statut") not in ("realisee", "abandonnee")]
    svg = phasing_svg(fo_path)
    texts = svg_texts(svg)
    nums = [s for s, t in texts if t.get("font-weight") == "bold" and re.fullmatch(r"[\d.]+", s)
            and t.get("font-size") == "7.5"]
    want = [a.get("numero") for a in open_]
    if nums != want:
        bad("phasing rows %s, expected the open actions %s" % (nums, want))
    # the year columns: centre of each year's label, evenly spaced
    years = {int(s): float(t.get("x")) for s, t in texts
             if re.fullmatch(r"\d{4}", s) and t.get("text-anchor") == "middle" and t.get("font-weight") == "bold"}
    ys = sorted(years)
    if len(ys) < 2:
        bad("phasing chart: fewer than two year columns")
    year_w = (years[ys[1]] - years[ys[0]]) / (ys[1] - ys[0])  # one year in some may be named
    num_y = {s: float(t.get("y")) for s, t in texts if s in want}
    rects = list(svg.iter(SVG + "rect"))
    hatches = {p.get("id"): p for p in svg.iter(SVG + "pattern")}
    # the years' right edge: the column of words starts there, right of every bar
    years_right = years[ys[-1]] + year_w / 2
    words = [t for t in svg.iter(SVG + "text") if t.get("class") == "phasing-years"]
    if len({t.get("x") for t in words}) != 1 or float(words[0].get("x")) < years_right:
        bad("phasing: the years and durations are not in one column right of the years")
    horizons = {"court": "Court terme", "moyen": "Moyen terme", "long": "Long terme"}
    colors, row_mid = {}, {}
    for a in open_:
        num, row_y = a.get("numero"), num_y[a.get("numero")]
        bars = [r for r in rects if r.get("class") in ("phasing-start", "phasing-rest", "phasing-outline")]
        if not bars:
            bad("phasing: no bars")
        mid = min((float(r.get("y")) + float(r.get("height")) / 2 for r in bars), key=lambda m: abs(m - row_y))
        near = [r for r in bars if abs(float(r.get("y")) + float(r.get("height")) / 2 - mid) < 0.5]
        color = near[0].get("stroke") or near[0].get("fill")
        if any((r.get("stroke") or r.get("fill")) != color for r in near):
            bad("action %s: its bar is drawn in more than one colour" % num)
        colors.setdefault(a.get("priorite"), set()).add(color)
        if a.get("debut") is None or a.get("duree") is None:
            # drawn as an outline, named by its horizon or its start year only
            label = horizons[a.get("horizon")] if a.get("debut") is None else "à partir de " + a.get("debut")
            if [r.get("class") for r in near] != ["phasing-outline"] or near[0].get("stroke-dasharray") is None:
                bad("action %s: without a start year and a duration, its bar is not a dashed outline" % num)
            bar_end = float(near[0].get("x")) + float(near[0].get("width"))
        else:
            # the start year hatched in the priority's colour and outlined, the rest solid
            start, months = int(a.get("debut")), int(a.get("duree"))
            end = start + (months - 1) // 12
            label = "%s (%d\u00a0mois)" % (start if end == start else "%d–%d" % (start, end), months)
            jan = years[ys[0]] + (start - ys[0] - 0.5) * year_w
            first = [r for r in near if r.get("class") == "phasing-start"]
            if len(first) != 1:
                bad("action %s: no hatched start year" % num)
            first = first[0]
            pat = hatches.get(first.get("fill", "")[5:-1])
            if pat is None or not any(r.get("fill") == color and r.get("fill-opacity") is None
                                      for r in pat.iter(SVG + "rect")):
                bad("action %s: its start year is not hatched in its colour %s" % (num, color))
            x, width = float(first.get("x")) - 0.4, float(first.get("width")) + 0.8
            if abs(x - jan) > 0.05 or abs(width - year_w) > 0.05:
                bad("action %s: start year from %.2f over %.2f, expected from %.2f (January %d) over %.2f"
                    % (num, x, width, jan, start, year_w))
            full = [r for r in near if r.get("class") == "phasing-rest"]
            if months > 12:
                if len(full) != 1 or abs(float(full[0].get("x")) - jan - year_w) > 0.05 \
                        or abs(float(full[0].get("width")) - (months - 12) / 12 * year_w) > 0.05:
                    bad("action %s: its %d months after the start year are not drawn in solid colour from "
                        "January %d" % (num, months - 12, start + 1))
            elif full:
                bad("action %s: %d months, yet a solid bar beyond its start year" % (num, months))
            bar_end = jan + max(months, 12) / 12 * year_w
        row_mid[num] = mid
        # its years and duration on its row, in the column right of the years and of its bar
        row_texts = [(s, t) for s, t in texts if abs(float(t.get("y")) - mid - 2.3) < 1]
        if label not in [s for s, _ in row_texts]:
            bad("action %s: %r not written on its row (%s)" % (num, label, [s for s, _ in row_texts]))
        lx = next(float(t.get("x")) for s, t in row_texts if s == label)
        if lx < bar_end or lx < years_right:
            bad("action %s: %r at %.2f, inside the years (they end at %.2f, its bar at %.2f)"
                % (num, label, lx, years_right, bar_end))
        # the label: the action's title (first words at least, it may wrap)
        title = atelier.norm(atelier.text(a.find(atelier.A + "titre")))
        if not any(title.startswith(atelier.norm(s)) and len(s) > 3 for s, _ in texts):
            bad("action %s: its title %r is not on the chart" % (a.get("numero"), title))
    # each priority one colour, standing out from white (WCAG 1.4.11: 3:1 for graphics) and
    # from the other priorities'
    for p, cs in colors.items():
        if len(cs) != 1:
            bad("priority %s drawn in several colours %s" % (p, sorted(cs)))
        if contrast(next(iter(cs)), "#FFFFFF") < 3:
            bad("priority %s: %s contrasts %.2f:1 with white, under 3:1" % (p, next(iter(cs)), contrast(next(iter(cs)), "#FFFFFF")))
    # priorities 1 and 2 (most of the actions) 3:1 apart, so that they tell apart in grey;
    # three colours cannot all be 3:1 apart and 3:1 from white: the third at least 1.5:1
    cs = sorted((p, next(iter(c))) for p, c in colors.items())
    if "1" in colors and "2" in colors:
        c1, c2 = next(iter(colors["1"])), next(iter(colors["2"]))
        if contrast(c1, c2) < 3:
            bad("priorities 1 and 2: %s and %s contrast %.2f:1, under 3:1" % (c1, c2, contrast(c1, c2)))
    for i, (p, c) in enumerate(cs):
        for q, d in cs[i + 1:]:
            if contrast(c, d) < 1.5:
                bad("priorities %s and %s hardly differ: %s and %s (%.2f:1)" % (p, q, c, d, contrast(c, d)))
    # the alternative text: each action with its priority and what its row says
    alt = next(f.get("{http://xmlgraphics.apache.org/fop/extensions}alt-text")
               for f in ET.parse(fo_path).getroot().iter(FO + "instream-foreign-object")
               if f.find(SVG + "svg") is not None and any(
                   s.startswith("Priorité ") for s, _ in svg_texts(f.find(SVG + "svg"))))
    for a in open_:
        rt = [s for s, t in texts if t.get("class") == "phasing-years"
              and abs(float(t.get("y")) - row_mid[a.get("numero")] - 2.3) < 1]
        want_alt = "%s, priorité %s, %s" % (a.get("numero"), a.get("priorite"), rt[0])
        if a.get("numero") + " " not in alt or ", priorité %s, %s" % (a.get("priorite"), rt[0]) not in alt:
            bad("phasing alt text lacks %r: %s" % (want_alt, alt[:200]))
    # the legend: the priorities of the open actions, no other; the light tint explained
    # when a bar has one
    legend = sorted(int(m.group(1)) for s, _ in texts for m in [re.match(r"Priorité (\d) :", s)] if m)
    used = sorted({int(a.get("priorite")) for a in open_})
    if legend != used:
        bad("phasing legend lists priorities %s, the actions have %s" % (legend, used))
    dated = [a for a in open_ if a.get("debut") and a.get("duree")]
    said = any(s.startswith("Année de lancement") for s, _ in texts)
    if bool(dated) != said:
        bad("phasing legend: the light start year is %sexplained, %d bars have one"
            % ("" if said else "not ", len(dated)))
    print("%d actions on the phasing chart, priorities %s in the legend" % (len(open_), used))


MONTHS = ["janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc."]


def cmd_months(src, site_id, fo_path):
    root = atelier.load(src)
    s = atelier.site(root, site_id)
    steps = root.findall(atelier.A + "calendrier/" + atelier.A + "etape")
    sessions = {x.get("numero"): x for x in s.findall(atelier.A + "seances/" + atelier.A + "seance")}
    days = []
    for e in steps:
        own = sessions.get(e.get("type", "")[len("seance-"):]) if e.get("type", "").startswith("seance-") else None
        if own is not None:
            days += [own.get("date"), own.get("fin") or own.get("date")]
        else:
            days += [e.get("debut"), e.get("fin") or e.get("debut")]
    for x in sessions.values():
        days += [x.get("date"), x.get("fin") or x.get("date")]
    first, last = min(days), max(days)
    ym = lambda iso: (int(iso[:4]), int(iso[5:7]))  # noqa: E731
    (y, m), stop = ym(first), ym(last)
    want = []
    while (y, m) <= stop:
        want.append(MONTHS[m - 1])
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    gantt = [svg for svg in charts(fo_path) if any(t.get("font-size") == "6.5" for _, t in svg_texts(svg))
             and not any(n.startswith("Priorité") for n, _ in svg_texts(svg))]
    if not gantt:
        bad("no calendar chart in " + fo_path)
    got = [n for n, t in svg_texts(gantt[0]) if t.get("font-size") == "6.5"]
    if got and len(got[0]) == 1:  # narrow months: their initials
        want = [m[0].upper() for m in want]
    if got != want:
        bad("calendar months %s, expected every month from %s to %s: %s" % (got, first, last, want))
    labels = [n for n, _ in svg_texts(gantt[0])]
    for num in sorted(sessions):
        if not any(l.startswith("Séance %s" % num) for l in labels):
            bad("the calendar has no row for session %s of the site" % num)
    print("%d months, %d sessions" % (len(got), len(sessions)))


def cmd_calendar_axis_clear(*fo_paths):
    """No step's diamond touches the rule that starts a calendar's axis (r9: Cerneux's launch
    of 4 March sat on it); nor does the axis start before the first step's month (r10: an
    empty February)."""
    n = 0
    for fo in fo_paths:
        for svg in charts(fo):
            axis = [l for l in svg.iter(SVG + "line") if l.get("class") == "axis"]
            if not axis:
                continue
            x, bottom = float(axis[0].get("x1")), float(axis[0].get("y2"))
            for poly in svg.iter(SVG + "polygon"):
                points = [tuple(float(v) for v in p.split(",")) for p in poly.get("points").split()]
                if max(y for _, y in points) > bottom:
                    continue  # the legend's, under the rows
                xs = [px for px, _ in points]
                n += 1
                if min(xs) < x + 0.5:
                    bad("%s: a calendar step at x %.1f on the axis's rule at x %.1f" % (fo, min(xs), x))
    print("%d steps clear of the axis" % n)


STEP_LABELS = {"lancement": "Lancement", "cadrage": "Cadrage", "production": "Production des livrables",
               "restitution": "Restitution", "seminaire-final": "Séminaire final", "autre": "Étape"}


def mark_key(el):
    """What a mark looks like: shape, fill, outline, dashes (the legend must say it)."""
    shape = "diamond" if el.tag == SVG + "polygon" else "bar"
    return (shape, el.get("fill"), el.get("stroke"), el.get("stroke-dasharray"))


def cmd_calendar(src, site_id, fo_path, kind):
    import truth
    root = atelier.load(src)
    s = atelier.site(root, site_id) if site_id != "-" else None
    as_of = truth.deliverable_date(root, s, kind) if s is not None else ""
    gantt = [svg for svg in charts(fo_path) if any(t.get("font-size") == "6.5" for _, t in svg_texts(svg))
             and not any(n.startswith("Priorité") for n, _ in svg_texts(svg))]
    if not gantt:
        bad("no calendar chart in " + fo_path)
    svg = gantt[0]
    # rows: bands between the rules drawn under each row, from the top of the first
    bottoms = sorted(float(l.get("y1")) for l in svg.iter(SVG + "line")
                     if l.get("x1") == "0" and l.get("y1") == l.get("y2"))
    marks = [m for m in svg.iter() if m.tag == SVG + "polygon" or (m.tag == SVG + "rect" and m.get("rx"))]

    def mid(m):
        if m.tag == SVG + "rect":
            return float(m.get("y")) + float(m.get("height")) / 2
        ys = [float(p.split(",")[1]) for p in m.get("points").split()]
        return (min(ys) + max(ys)) / 2
    rows = []
    top = 0
    for b in bottoms:
        label = " ".join(n for n, t in svg_texts(svg) if t.get("x") == "2" and top < float(t.get("y")) < b)
        rows.append((atelier.norm(label), [m for m in marks if top < mid(m) < b]))
        top = b
    legend = [m for m in marks if mid(m) > bottoms[-1]]
    drawn = {mark_key(m) for _, ms in rows for m in ms}
    shown = {mark_key(m) for m in legend}
    if drawn - shown:
        bad("%s: marks drawn but not in the legend: %s" % (fo_path, sorted(drawn - shown)))
    if shown - drawn:
        bad("%s: legend entries for marks not drawn: %s" % (fo_path, sorted(shown - drawn)))
    if s is None:  # an atelier-wide deliverable: its legend only
        print("%d kinds of marks, all in the legend" % len(drawn))
        return
    # each step (the site's own session for a session step) by its start and end
    sessions = {x.get("numero"): x for x in s.findall(atelier.A + "seances/" + atelier.A + "seance")}
    checked = 0
    for e in root.findall(atelier.A + "calendrier/" + atelier.A + "etape"):
        t = e.get("type", "")
        own = sessions.get(t[len("seance-"):]) if t.startswith("seance-") else None
        if own is not None:
            want, start, end = "Séance " + own.get("numero"), own.get("date"), own.get("fin") or own.get("date")
        else:
            want = atelier.text(e) or STEP_LABELS.get(t) or t.replace("-", " ").capitalize()
            start, end = e.get("debut"), e.get("fin") or e.get("debut")
        want = atelier.norm(want)
        hits = [ms for label, ms in rows if label.startswith(want[:25])]
        if not hits or not hits[0]:
            bad("%s: no row with a mark for %r" % (fo_path, want))
        fills = {m.get("fill") for m in hits[0]}
        # (an intersession's drawn dates are the site's sessions', not the source's: only
        # its end is checked)
        if start > as_of and fills != {"#FFFFFF"} and not t.startswith("intersession"):
            bad("%s: %r starts after the deliverable's date %s but is not drawn to come" % (fo_path, want, as_of))
        if own is None and t.startswith(("cadrage", "intersession", "production")) and end <= as_of \
                and "#FFFFFF" in fills:
            bad("%s: %r is over by the deliverable's date %s but is drawn to come" % (fo_path, want, as_of))
        checked += 1
    print("%d steps as of %s, %d kinds of marks, all in the legend" % (checked, as_of, len(drawn)))


def cmd_legend_grid(paths):
    grids = 0
    for path in paths:
        for svg in charts(path):
            lines = {}
            for t in svg.iter(SVG + "text"):
                if t.get("class") == "legend":
                    lines.setdefault(float(t.get("y")), []).append(float(t.get("x")))
            if len(lines) < 2:
                continue
            grids += 1
            rows = [sorted(xs) for _, xs in sorted(lines.items())]
            for r in rows[1:]:
                if any(abs(a - b) > 0.05 for a, b in zip(r, rows[0])):
                    bad("%s: legend labels out of their columns: %s" % (path, rows))
            sizes = [len(r) for r in rows]
            if max(sizes) - min(sizes) > 1:
                bad("%s: legend rows of %s entries, unbalanced" % (path, sizes))
    print("%d legends on several lines, in columns" % grids)


HORIZONS = ("court", "moyen", "long")


def stacked_svg(fo_path):
    """The stacked bar chart: the one drawing segments."""
    for svg in charts(fo_path):
        if any(r.get("class") == "segment" for r in svg.iter(SVG + "rect")):
            return svg
    bad("no chart of segments in " + fo_path)


def cmd_stacked(fo_path, pdf_path, *srcs):
    import subprocess
    svg = stacked_svg(fo_path)
    # series colours, in legend order (the swatches before the first bar)
    series = []
    for r in svg.iter(SVG + "rect"):
        if r.get("class") == "segment":
            break
        series.append(r.get("fill"))
    # each series 3:1 on white, and neighbouring segments parted by a white edge (WCAG
    # 1.4.11: the edge tells them apart); the first two series 3:1 from each other too, a
    # third (no palette holds three colours 3:1 apart and from white) at least 1.5:1
    for i, c in enumerate(series):
        if contrast(c, "#FFFFFF") < 3:
            bad("series %d: %s contrasts %.2f:1 with white, under 3:1" % (i + 1, c, contrast(c, "#FFFFFF")))
        need = 3 if i == 1 else 1.5
        if i and contrast(c, series[i - 1]) < need:
            bad("series %d and %d: %s and %s contrast %.2f:1, under %g:1"
                % (i, i + 1, series[i - 1], c, contrast(series[i - 1], c), need))
    for r in svg.iter(SVG + "rect"):
        if r.get("class") == "segment" and (r.get("stroke", "").upper() != "#FFFFFF"
                                            or float(r.get("stroke-width", "0")) < 0.75):
            bad("a segment without its white edge: %s" % r.attrib)
    # an amount inside a segment readable on its colour (WCAG 1.4.3: 4.5:1)
    segs = [r for r in svg.iter(SVG + "rect") if r.get("class") == "segment"]
    extents = text_rects(svg)  # as librsvg sets them: the stylesheet's measure is checked
    for t in svg.iter(SVG + "text"):
        if t.get("class") != "segment-amount":
            continue
        x, y = float(t.get("x")), float(t.get("y"))
        under = [r for r in segs if float(r.get("x")) <= x <= float(r.get("x")) + float(r.get("width"))
                 and float(r.get("y")) <= y <= float(r.get("y")) + float(r.get("height"))]
        if len(under) != 1:
            bad("amount %r not inside one segment" % "".join(t.itertext()))
        r = under[0]
        lx, _, lw, _ = next(rect for el, rect in extents if el.get("x") == t.get("x") and el.get("y") == t.get("y")
                            and el.get("class") == "segment-amount")
        if lx < float(r.get("x")) - SLACK or lx + lw > float(r.get("x")) + float(r.get("width")) + SLACK:
            bad("amount %r runs out of its segment (%.1f to %.1f, segment %s wide from %s)"
                % ("".join(t.itertext()), lx, lx + lw, r.get("width"), r.get("x")))
        if contrast(t.get("fill"), under[0].get("fill")) < 4.5:
            bad("amount %r: %s on %s, %.2f:1, under 4.5:1" % ("".join(t.itertext()), t.get("fill"),
                under[0].get("fill"), contrast(t.get("fill"), under[0].get("fill"))))
    # amounts the chart must print, from the sources
    want = []
    for src in srcs:
        for site in atelier.sites(atelier.load(src)):
            sums = {}
            for a in atelier.actions(site):
                if a.get("statut") in ("realisee", "abandonnee"):
                    continue
                cost = a.find(atelier.A + "cout")
                if cost is not None and atelier.text(cost):
                    h = a.get("horizon")
                    sums[h] = sums.get(h, 0) + float(atelier.text(cost))
            parts = [sums[h] for h in HORIZONS if sums.get(h)]
            want.append(sum(parts))
            if len(parts) > 1:
                want.extend(parts)
    # the chart's text in the PDF: from its legend to its caption
    text = subprocess.run(["pdftotext", pdf_path, "-"], check=True, capture_output=True, text=True).stdout
    caption = "".join(next(f.itertext() for f in ET.parse(fo_path).getroot().iter(FO + "block")
                           if "".join(f.itertext()).startswith("Coût estimé des plans")))
    end = text.find(caption)
    start = text.rfind("Court terme", 0, end)
    if end < 0 or start < 0:
        bad("%s: the chart's caption or legend not found in the text" % pdf_path)
    chart = text[start:end]
    got = [re.sub(r"\s", "", m) for m in re.findall(r"\d{1,3}(?:[ \u00a0\u202f]\d{3})*[ \u00a0\u202f]?€", chart)]
    expected = [re.sub(r"\s", "", atelier.amount(v)) for v in want]
    if sorted(got) != sorted(expected):
        bad("%s: amounts on the chart %s, the sources give %s" % (pdf_path, sorted(got), sorted(expected)))
    # its alternative text says the same amounts
    alt = next(f.get("{http://xmlgraphics.apache.org/fop/extensions}alt-text")
               for f in ET.parse(fo_path).getroot().iter(FO + "instream-foreign-object")
               if any(r.get("class") == "segment" for r in f.iter(SVG + "rect")))
    for v in want:
        if re.sub(r"\s", "", atelier.amount(v)) not in re.sub(r"\s", "", alt):
            bad("%s: the chart's alternative text lacks %s: %r" % (fo_path, atelier.amount(v), alt))
    print("%d series, %d amounts as the sources sum them, in its text and its alternative text"
          % (len(series), len(got)))


def main():
    cmd, args = sys.argv[1], sys.argv[2:]
    {"fit": lambda: cmd_fit(args),
     "phasing": lambda: cmd_phasing(*args),
     "months": lambda: cmd_months(*args),
     "calendar": lambda: cmd_calendar(*args),
     "stacked": lambda: cmd_stacked(*args),
     "legend-grid": lambda: cmd_legend_grid(args),
     "calendar-axis-clear": lambda: cmd_calendar_axis_clear(*args)}[cmd]()


if __name__ == "__main__":
    main()
