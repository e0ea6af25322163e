"""Checks of the examples' maps, for tests/e2e/t_maps.sh.

    python3 maps.py scales SOURCE.xml...

For every site of the sources (their own files, XIncludes not followed: a map's src is
relative to the file that names it) with a superficie and an SVG map: the area of the map's
contour (the polygon id="contour") at the scale of its bar (the group id="echelle": its
first rect is the bar, its last text the bar's length, "10 km" or "500 m") must be the
site's area within 5 %. A map without a contour is a plan of part of the site (a centre-bourg):
only its bar is required. A raster map, or a map without a bar, is reported.
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


def main():
    if sys.argv[1] != "scales":
        raise SystemExit("usage: maps.py scales SOURCE.xml...")
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
