"""Items that share a key, transitively, are one group (union-find with path halving)."""
from __future__ import annotations

from collections.abc import Iterable


def linked_groups(keys_per_item: Iterable[Iterable]) -> list[int]:
    """For each item, the index of the first item of its group: two items share a group when
    a chain of shared keys joins them."""
    parent: list[int] = []
    first_with: dict = {}

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x
    for number, keys in enumerate(keys_per_item):
        parent.append(number)
        for key in keys:
            other = first_with.setdefault(key, number)
            if other != number:
                parent[find(number)] = find(other)
    roots = [find(number) for number in range(len(parent))]
    first = {}
    return [first.setdefault(root, number) for number, root in enumerate(roots)]
