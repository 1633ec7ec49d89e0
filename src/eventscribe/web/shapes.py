"""Country outlines for the maps, from the Natural Earth 1:110m TopoJSON that the npm package
world-atlas installs (`npm ci` in src/eventscribe/web/assets, run by the README's install
command and by CI). Without it the maps still show their markers, on a plain background.
"""
from __future__ import annotations

import functools
import json
import os
from pathlib import Path

from ..countrywords import gazetteer_countries

_ASSETS = Path(__file__).parent / "assets" / "node_modules"


def world_atlas_file() -> Path | None:
    candidates = [os.environ.get("EVENTSCRIBE_WORLD_ATLAS"), _ASSETS / "world-atlas" / "countries-110m.json"]
    return next((Path(c) for c in candidates if c and Path(c).is_file()), None)


def _decode_arcs(topology: dict) -> list[list[list[float]]]:
    """TopoJSON arcs are delta-encoded integers on a grid; back to longitude and latitude."""
    scale, translate = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append([round(x * scale[0] + translate[0], 4), round(y * scale[1] + translate[1], 4)])
        arcs.append(points)
    return arcs


def _ring(indexes: list[int], arcs: list) -> list[list[float]]:
    points: list[list[float]] = []
    for index in indexes:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points.extend(arc[1:] if points else arc)
    return points


def _unwrapped(ring: list[list[float]]) -> list[list[float]]:
    """A ring that crosses the 180° meridian jumps from +179 to -179 between two points, and a
    map draws that jump as a band across the world. Shifting each point by whole turns to stay
    next to the one before keeps the ring continuous (Chukotka at 190°, not at -170°)."""
    out = [ring[0]]
    for lon, lat in ring[1:]:
        previous = out[-1][0]
        lon += 360 * round((previous - lon) / 360)
        out.append([lon, lat])
    return out


def _clip(ring: list[list[float]], meridian: float, keep_east: bool) -> list[list[float]]:
    """The part of a ring on one side of a meridian (Sutherland–Hodgman against one line)."""
    def inside(point) -> bool:
        return point[0] >= meridian if keep_east else point[0] <= meridian

    def crossing(a, b) -> list[float]:
        t = (meridian - a[0]) / (b[0] - a[0])
        return [meridian, round(a[1] + t * (b[1] - a[1]), 4)]
    out: list[list[float]] = []
    for index, point in enumerate(ring):
        before = ring[index - 1]
        if inside(point):
            if not inside(before):
                out.append(crossing(before, point))
            out.append(point)
        elif inside(before):
            out.append(crossing(before, point))
    if out and out[0] != out[-1]:
        out.append(out[0])
    return out


def _polygons(rings: list[list[list[float]]]) -> list[list[list[list[float]]]]:
    """A polygon (outer ring, holes) as polygons none of which spans more than 180° of
    longitude: unwrapped, and a ring that goes all the way round (Antarctica) cut in two."""
    rings = [_unwrapped(r) for r in rings]
    west, east = min(p[0] for p in rings[0]), max(p[0] for p in rings[0])
    if east - west <= 180:
        return [rings]
    middle = (west + east) / 2
    halves = [[_clip(r, middle, keep_east) for r in rings] for keep_east in (False, True)]
    return [[r for r in half if len(r) >= 4] for half in halves if len(half[0]) >= 4]


def _span(polygon) -> tuple[float, float]:
    lons = [point[0] for point in polygon[0]]
    return min(lons), max(lons)


def _shifted(polygon, turns: int):
    return [[[lon + 360 * turns, lat] for lon, lat in ring] for ring in polygon]


def _geometries(shape: dict, arcs: list) -> list[dict]:
    """A country's outline as MultiPolygons each within 180° of longitude, so that a map draws
    each as one path without a band across the world: its islands moved by whole turns next
    to its largest part (Russia's far east beside Chukotka), and a country all round the pole
    (Antarctica) in two."""
    if shape["type"] == "Polygon":
        parts = [shape["arcs"]]
    elif shape["type"] == "MultiPolygon":
        parts = shape["arcs"]
    else:
        return []
    polygons = [p for part in parts for p in _polygons([_ring(r, arcs) for r in part])]
    if not polygons:
        return []
    main = max(polygons, key=lambda p: len(p[0]))
    centre = sum(_span(main)) / 2
    polygons = [_shifted(p, round((centre - sum(_span(p)) / 2) / 360)) for p in polygons]
    groups: list[list] = []
    for polygon in sorted(polygons, key=_span):
        west, east = _span(polygon)
        group = next((g for g in groups if max(east, g[1]) - min(west, g[0]) <= 180), None)
        if group is None:
            groups.append([west, east, [polygon]])
        else:
            group[0], group[1] = min(west, group[0]), max(east, group[1])
            group[2].append(polygon)
    return [{"type": "MultiPolygon", "coordinates": g[2]} for g in groups]


@functools.lru_cache(maxsize=1)
def countries_geojson() -> dict:
    """A GeoJSON FeatureCollection of the countries (empty when world-atlas is not installed)."""
    path = world_atlas_file()
    if path is None:
        return {"type": "FeatureCollection", "features": []}
    topology = json.loads(path.read_text(encoding="utf-8"))
    arcs = _decode_arcs(topology)
    # Natural Earth names countries by their ISO 3166 numeric code; events name them by ISO3
    iso3_by_number = {str(c["isonumeric"]).lstrip("0"): c["iso3"] for c in gazetteer_countries().values()
                      if str(c["isonumeric"]).lstrip("0")}
    iso3_by_name = {c["name"]: c["iso3"] for c in gazetteer_countries().values()}   # Kosovo has no number
    features = []
    for shape in topology["objects"]["countries"]["geometries"]:
        for geometry in _geometries(shape, arcs):
            features.append({"type": "Feature", "geometry": geometry,
                             "properties": {"name": shape.get("properties", {}).get("name"),
                                            "iso3": iso3_by_number.get(str(shape.get("id", "")).lstrip("0"))
                                            or iso3_by_name.get(shape.get("properties", {}).get("name"))}})
    return {"type": "FeatureCollection", "features": features}
