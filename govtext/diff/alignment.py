"""What an alignment finds, as unit indices: the pairs, the splits and merges, the leftovers
(:class:`Alignment`); and which pairs no phase after the identical-text ones may make
(:class:`KeptApart`).  :mod:`~govtext.diff.align` runs the phases; :mod:`~govtext.diff.regroup`
adds its passes over the leftovers to the same record."""

from __future__ import annotations

from dataclasses import dataclass, field

from govtext.diff.roles import clash


@dataclass(slots=True)
class Alignment:
    """The matched pairs and the leftovers, all as unit indices."""

    pairs: dict[int, int] = field(default_factory=dict)
    """old index → new index."""
    splits: list[tuple[int, tuple[int, ...], float]] = field(default_factory=list)
    """(old index, new indices, similarity): one old unit became several new ones."""
    merges: list[tuple[tuple[int, ...], int, float]] = field(default_factory=list)
    """(old indices, new index, similarity): several old units became one new one."""
    moved: frozenset[int] = frozenset()
    """Old indices of pairs out of order."""
    removed: list[int] = field(default_factory=list)
    added: list[int] = field(default_factory=list)
    pinned: frozenset[tuple[int, int]] = frozenset()
    """(old, new) pairs the user pinned."""
    by_topic: dict[tuple[int, int], float] = field(default_factory=dict)
    """(old, new) → score of the pairs found by topic, not by shared wording."""
    parts_by_topic: set[tuple[str, int]] = field(default_factory=set)
    """("split", old index) and ("merge", new index) of the splits and merges found by topic."""


class KeptApart:
    """The pairs no phase after the identical-text ones may make: those the user kept apart
    (``--unmatch``) and those whose units play two known, different roles."""

    def __init__(self, pairs: frozenset[tuple[int, int]],
                 roles: tuple[list[str | None], list[str | None]] | None):
        self._pairs = pairs
        self._roles = roles

    def __contains__(self, pair: tuple[int, int]) -> bool:
        if pair in self._pairs:
            return True
        if self._roles is None:
            return False
        return clash(self._roles[0][pair[0]], self._roles[1][pair[1]])
