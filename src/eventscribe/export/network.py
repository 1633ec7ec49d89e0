"""The actor network of a set of events, for Gephi, Cytoscape or igraph (GEXF, GraphML):
nodes are actors (name, country, sector, kind of side, events), and an edge joins two actors
of one event, weighted by how many events they share. A directed event (actor → recipient)
points from the doer to the target; the sides of a symmetric one (a meeting's participants)
are joined both ways, and the edge says how many of its events were symmetric.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from itertools import permutations
from pathlib import Path

import networkx as nx

from ..model import sides_of


# XML 1.0 has no place for most control characters: a name read from a report keeps its text
# without them, so that the file stays readable.
_NOT_XML = dict.fromkeys([c for c in range(32) if c not in (9, 10, 13)] + [0xFFFE, 0xFFFF] + list(range(0xD800, 0xE000)))


def _xml_text(text: str | None) -> str:
    return (text or "").translate(_NOT_XML)


def _pairs(record: dict) -> tuple[list[tuple[str, str]], bool]:
    """(doer, target) id pairs of an event, and whether it is symmetric."""
    doers, targets, _ = sides_of(record["actors"])
    if doers and targets:
        return [(d["actor_id"], t["actor_id"]) for d in doers for t in targets if d["actor_id"] != t["actor_id"]], False
    sides = list(dict.fromkeys(a["actor_id"] for a in record["actors"]))
    return list(permutations(sides, 2)), True


def build_network(records: Iterable[dict]) -> tuple[nx.DiGraph, int]:
    """The network and the number of events read."""
    graph = nx.DiGraph()
    types: dict[tuple[str, str], Counter] = {}
    read = 0
    for record in records:
        read += 1
        for actor in record["actors"]:
            node = graph.nodes.get(actor["actor_id"])
            if node is None:
                graph.add_node(actor["actor_id"], label=_xml_text(actor["name"]), country=_xml_text(actor["country"]),
                               sector=_xml_text(actor["sector"]), events=0)
                node = graph.nodes[actor["actor_id"]]
            node["events"] += 1
        pairs, symmetric = _pairs(record)
        for source, target in pairs:
            if not graph.has_edge(source, target):
                graph.add_edge(source, target, weight=0, symmetric=0, first_date="", last_date="")
            edge = graph.edges[source, target]
            edge["weight"] += 1
            edge["symmetric"] += symmetric
            if record["date"]:
                edge["first_date"] = min(filter(None, [edge["first_date"], record["date"]]))
                edge["last_date"] = max(edge["last_date"], record["date"])
            types.setdefault((source, target), Counter())[record["type"]] += 1
    for (source, target), counts in types.items():
        graph.edges[source, target]["types"] = "; ".join(f"{t} {n}" for t, n in sorted(counts.items()))
    return graph, read


def write_network(records: Iterable[dict], path: str | Path, fmt: str) -> int:
    graph, read = build_network(records)
    if fmt == "gexf":
        nx.write_gexf(graph, path)
    else:
        nx.write_graphml(graph, path)
    return read
