"""Checks of the examples' maps, for tests/e2e/t_maps.sh.

    python3 maps.py scales SOURCE.xml...
    python3 maps.py legends HEIGHT_MM SVG...

For every site of the sources (their own files, XIncludes not followed: a map's src is
relative to the file that names it) with a superficie and an SVG map: the area of the map's
contour (the polygon id="contour") at the scale of its bar (the group id="echelle": its
first rect is the bar, its last text the bar's length, "10 km" or "500 m") must be the
site's area within 5 %. A map without a contour is a plan of part of the site (a centre-bourg):
only its bar is required. A raster map, or a map without a bar, is reported.

legends: each map printed HEIGHT_MM high (its viewBox's height) has no label under 7.5 pt
(the body's smallest size, the running header's), and every kind of feature it draws is in
its legend (the group id="legende"): each fill of an area or a point, each line (stroke
and dash pattern of an unfilled path). Not counted: the background (the first rect), the
scale bar (id="echelle"), the north arrow (id="nord"), a symbol's details (class="detail"),
a label's leader line (class="leader"), texts.

Prints what is wrong and exits 1, or prints one line per map checked and exits 0."""

import os
import re
import sys
import xml.etree.ElementTree as ET

A = "{urn:livrables:atelier:1}"
SVG = "{http://www.w3.org/2000/svg}"


def polygon_area(points):
    p = [tuple(float(v) for v in xy.split(",")) for xy in points.split()]
    return abs(sum(p[i][0] * p[i - 1][1] - p[i - 1][0] * p[i][1] for i in range(len(p)))) / 2


def bar_km(group):
    """The bar's length in px and in km."""
    width = float(group.find(SVG + "rect").get("width"))
    label = "".join(group.findall(SVG + "text")[-1].itertext()).strip()
    m = re.fullmatch(r"([\d.,]+)\s*(km|m)", label)
    if not m:
        raise ValueError("scale bar label %r is not a length" % label)
    value = float(m.group(1).replace(",", "."))
    return width, value if m.group(2) == "km" else value / 1000


def site_area_km2(site):
    sup = site.find(A + "superficie")
    value = float(sup.text)
    return value / 100 if sup.get("unite") == "ha" else value


def check_map(path, area_km2):
    if not path.endswith(".svg"):
        return "%s: a raster map (print needs a vector map)" % path
    root = ET.parse(path).getroot()
    contour = next((e for e in root.iter() if e.get("id") == "contour"), None)
    bar = next((e for e in root.iter() if e.get("id") == "echelle"), None)
    if bar is None:
        return "%s: no scale bar (group id=echelle)" % path
    px, km = bar_km(bar)
    if contour is None:
        return "ok %s: a plan of part of the site, its bar %g m long" % (path, km * 1000)
    drawn = polygon_area(contour.get("points")) * (km / px) ** 2
    ratio = drawn / area_km2
    line = "%s: %.1f km² at the scale of its bar, %.1f km² in the source" % (path, drawn, area_km2)
    return line if abs(ratio - 1) > 0.05 else "ok " + line


MIN_PT = 7.5
SHAPES = {SVG + t for t in ("rect", "circle", "ellipse", "polygon", "path", "line")}
INHERITED = ("fill", "stroke", "stroke-dasharray", "font-size")


def drawn(el, inherited, skip=True):
    """(element, its attributes with the inherited ones) of every element under el."""
    attrs = dict(inherited)
    attrs.update({k: el.get(k) for k in INHERITED if el.get(k) is not None})
    if skip and (el.get("id") in ("echelle", "nord", "legende") or el.get("class") in ("detail", "leader")):
        return
    yield el, attrs
    for child in el:
        yield from drawn(child, attrs, skip)


def feature_key(el, attrs):
    """What tells this feature apart in the legend: its fill, or its line."""
    fill = attrs.get("fill", "black")
    if el.tag == SVG + "path" and fill == "none" or el.tag == SVG + "line":
        return ("line", attrs.get("stroke"), attrs.get("stroke-dasharray", ""))
    return ("fill", fill)


def check_legend(path, height_mm):
    root = ET.parse(path).getroot()
    vb_h = float(root.get("viewBox").split()[3])
    pt_per_unit = height_mm / vb_h * 72 / 25.4
    problems = []
    for el, attrs in drawn(root, {}, skip=False):
        if el.tag == SVG + "text":
            pt = float(attrs.get("font-size", "16")) * pt_per_unit
            if pt < MIN_PT - 0.05:
                problems.append("%s: label %r printed at %.1f pt, under %.1f pt"
                                % (path, "".join(el.itertext()), pt, MIN_PT))
    legend = next((e for e in root.iter() if e.get("id") == "legende"), None)
    if legend is None:
        return problems + ["%s: no legend (group id=legende)" % path]
    keys = {feature_key(e, a) for e, a in drawn(legend, {}, skip=False) if e.tag in SHAPES}
    background = next(root.iter(SVG + "rect"))
    seen = set()
    for el, attrs in drawn(root, {}):
        if el.tag not in SHAPES or el is background:
            continue
        key = feature_key(el, attrs)
        if key not in keys and key not in seen:
            seen.add(key)
            problems.append("%s: %s %s drawn but not in the legend" % (path, el.tag[len(SVG):], key))
    return problems or ["ok %s: labels of %.1f pt or more, %d kinds of features in the legend"
                        % (path, MIN_PT, len(keys))]


def main():
    if sys.argv[1] == "legends":
        lines = [l for p in sys.argv[3:] for l in check_legend(p, float(sys.argv[2]))]
        print("\n".join(lines))
        sys.exit(any(not l.startswith("ok ") for l in lines))
    if sys.argv[1] != "scales":
        raise SystemExit("usage: maps.py scales SOURCE.xml... | legends HEIGHT_MM SVG...")
    problems = 0
    for source in sys.argv[2:]:
        root = ET.parse(source).getroot()
        sites = [root] if root.tag == A + "site" else root.findall(A + "site")
        for site in sites:
            carte = site.find(A + "carte")
            if carte is None or site.find(A + "superficie") is None:
                continue
            path = os.path.normpath(os.path.join(os.path.dirname(source), carte.get("src")))
            line = check_map(path, site_area_km2(site))
            print(line)
            problems += not line.startswith("ok ")
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
