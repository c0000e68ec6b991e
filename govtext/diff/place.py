"""The floor pass: leftover pairs a reader makes by place — the same number under paired
parents, scoring at least the genre's floor, each the other's only candidate there."""

from __future__ import annotations

from collections import defaultdict

from govtext.diff.candidates import Fingerprints, signature, similar_pairs
from govtext.diff.names import Names
from govtext.diff.units import HEADING_FAMILY, Unit

_NO_NUMBER = frozenset({"", "——", "—", "-"})


def _parent(unit: Unit) -> str:
    return unit.node.id.rsplit("/", 1)[0] if "/" in unit.node.id else ""


def same_place(left_old: list[Unit], left_new: list[Unit], floor: float, pairs: dict[int, int],
               old: list[Unit], new: list[Unit], prints: Fingerprints,
               names_old: Names, names_new: Names) -> list[tuple[int, int]]:
    """Leftover pairs a reader makes by place when the topic continues: （九） under a
    section paired with （九） under its partner, scoring at least ``floor``, each the
    other's only leftover candidate at that score under the two parents, and no
    unchanged name elsewhere (see :class:`~govtext.diff.names.Names`)."""
    heading_of = {u.node.id: u.index for u in old if u.family == HEADING_FAMILY}
    heading_new = {u.node.id: u.index for u in new if u.family == HEADING_FAMILY}

    # Two units' parents are paired when both are top-level, or when the old one's parent heading
    # is paired with the new one's parent (pairs.get(...) == heading_new.get(...), None included).
    def place_old(unit: Unit) -> tuple | None:
        parent = _parent(unit)
        if not parent:
            return ("top",)
        return ("under", pairs.get(heading_of[parent])) if parent in heading_of else None

    def place_new(unit: Unit) -> tuple:
        parent = _parent(unit)
        return ("under", heading_new.get(parent)) if parent else ("top",)

    candidates: dict[int, list[int]] = defaultdict(list)
    back: dict[int, list[int]] = defaultdict(list)
    same: dict[tuple[int, int], bool] = {}
    for a, b in similar_in_place(left_old, left_new, floor, prints, place_old, place_new):
        candidates[a.index].append(b.index)
        back[b.index].append(a.index)
        same[(a.index, b.index)] = ((a.number or "").strip() not in _NO_NUMBER and a.number == b.number
                                    and not names_new.elsewhere(a, b) and not names_old.elsewhere(b, a))
    return [(a, bs[0]) for a, bs in candidates.items()
            if len(bs) == 1 and back[bs[0]] == [a] and same[(a, bs[0])]]


def similar_in_place(left_old: list[Unit], left_new: list[Unit], floor: float, prints: Fingerprints,
                     place_old, place_new) -> list[tuple[Unit, Unit]]:
    """The pairs of ``similar_pairs(left_old, left_new, floor, prints)`` whose two units have
    the same place (``place_old(a) == place_new(b)``, never None), in the same order.

    Asked one place at a time: whether the candidate search finds a pair depends on the two
    units alone (their prefixes in the shared order of ``prints``), so each place's search
    finds exactly that place's pairs — without probing every leftover against every other
    (on the 50 reports, 34,000 candidates scored for about 500 pairs kept)."""
    groups_old: dict[tuple, list[Unit]] = defaultdict(list)
    groups_new: dict[tuple, list[Unit]] = defaultdict(list)
    for unit in left_old:
        place = place_old(unit)
        if place is not None:
            groups_old[place].append(unit)
    for unit in left_new:
        groups_new[place_new(unit)].append(unit)
    # similar_pairs' own order: by the first unit of each text (signature) on either side
    # among all the leftovers, then by the units themselves.
    first_old: dict[tuple, int] = {}
    first_new: dict[tuple, int] = {}
    for unit in left_old:
        first_old.setdefault(signature(unit), unit.index)
    for unit in left_new:
        first_new.setdefault(signature(unit), unit.index)
    found = [(a, b) for place, olds in groups_old.items() if place in groups_new
             for a, b, _ in similar_pairs(olds, groups_new[place], floor, prints)]
    found.sort(key=lambda ab: (first_old[signature(ab[0])], first_new[signature(ab[1])], ab[0].index, ab[1].index))
    return found
