"""Country outlines for the maps, from the Natural Earth 1:110m TopoJSON that the npm package
world-atlas installs (`npm ci` in src/eventscribe/web/assets, run by the README's install
command and by CI). Without it the maps still show their markers, on a plain background.
"""
from __future__ import annotations

import functools
import json
import os
from pathlib import Path

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


def _geometry(shape: dict, arcs: list) -> dict | None:
    if shape["type"] == "Polygon":
        return {"type": "Polygon", "coordinates": [_ring(r, arcs) for r in shape["arcs"]]}
    if shape["type"] == "MultiPolygon":
        return {"type": "MultiPolygon", "coordinates": [[_ring(r, arcs) for r in p] for p in shape["arcs"]]}
    return None


@functools.lru_cache(maxsize=1)
def countries_geojson() -> dict:
    """A GeoJSON FeatureCollection of the countries (empty when world-atlas is not installed)."""
    path = world_atlas_file()
    if path is None:
        return {"type": "FeatureCollection", "features": []}
    topology = json.loads(path.read_text(encoding="utf-8"))
    arcs = _decode_arcs(topology)
    features = []
    for shape in topology["objects"]["countries"]["geometries"]:
        geometry = _geometry(shape, arcs)
        if geometry:
            features.append({"type": "Feature", "properties": {"name": shape.get("properties", {}).get("name")},
                             "geometry": geometry})
    return {"type": "FeatureCollection", "features": features}
