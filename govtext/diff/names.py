"""The names a reader follows: a unit whose heading or lead reappears unchanged elsewhere is
followed there, not paired below the strict threshold with a unit that merely looks alike."""

from __future__ import annotations

from collections import Counter

from govtext.diff.normalize import normalize
from govtext.diff.units import HEADING_FAMILY, Unit

NAME_CHARS = 4
"""Shortest heading or lead that counts as a name a reader follows (总则 or 附则 do not)."""


class Names:
    """The headings and leads of one version, nested ones included (a sub-item's lead is no
    unit of its own), to ask whether a unit's name reappears unchanged somewhere.

    Gathered on the first question: a law's alignment (threshold 0.5, no floor) never asks,
    and walking every unit's subtree for names cost it ~10 ms."""

    def __init__(self, units: list[Unit]):
        self._units = units
        self._count: Counter[str] | None = None
        self._inside: dict[int, list[str]] = {}

    @property
    def count(self) -> Counter[str]:
        """How many times each name occurs in the version."""
        if self._count is None:
            every: list[str] = []
            for unit in self._units:
                inside = _names(unit)
                if inside:
                    self._inside[unit.index] = inside
                    every.extend(inside)
            self._count = Counter(every)
        return self._count

    def elsewhere(self, unit: Unit, partner: Unit) -> bool:
        """Whether ``unit``'s name (of the other version) is found here outside ``partner``:
        then a reader follows the unchanged name, not a pair below the strict threshold."""
        name = _name(unit.node)
        if not name or name == _name(partner.node):
            return False
        total = self.count[name]
        inside = self._inside.get(partner.index)
        return total > (inside.count(name) if inside else 0)


def _name(node) -> str:
    name = normalize(node.title or "")
    return name if len(name) >= NAME_CHARS else ""


def _names(unit: Unit) -> list[str]:
    nodes = [unit.node] if unit.family == HEADING_FAMILY else unit.node.walk()
    return [name for name in map(_name, nodes) if name]
