"""Aligning two unit sequences: which old unit became which new one.

The order of the phases follows the structural differs (xmldiff's
``Differ.match``): unique keys first, similarity last.

1. identical normalised text (unchanged, formatting, or moved);
2. identical text apart from the numbering (renumbered: the usual case when
   articles are inserted into a law);
3. runs of consecutive leftovers whose concatenation matches one unit far
   better than any piece alone (split, merged, or mere line-wrap differences);
4. same number and heading/lead with similar content (reworded, renamed);
5. best similarity above the threshold among what is left.

Moves are what the longest increasing subsequence of the matched pairs leaves
out.  Everything here is on normalised text, so width, spacing and 〇/○ never
decide a match.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Callable, Iterable

from govtext.diff.normalize import bigrams, similarity, similarity_bound
from govtext.diff.units import Unit

THRESHOLD = 0.5
"""Least similarity for two units to count as one unit changed (phases 3 and 4)."""

SPLIT_THRESHOLD = 0.8
"""Least share of one unit's bigrams that a run of several must cover for a split or merge."""

FLOOR = 0.3
"""Least similarity for a pair that is each side's clear favourite."""

MARGIN = 1.3

POSITION_WEIGHT = 0.1
"""Similarity given up per whole-document distance between the two positions (tie-breaking)."""

RUN_GAIN = 0.05
"""How much more of the one unit a run must cover than its best piece alone."""

CONTAINED = 0.6
"""Least share of a piece's bigrams found in the unit it was split from (or merged into)."""

MAX_RUN = 4


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


def align(old: list[Unit], new: list[Unit], threshold: float = THRESHOLD) -> Alignment:
    result = Alignment()
    pairs = result.pairs
    taken: set[int] = set()

    def free_old() -> list[Unit]:
        return [unit for unit in old if unit.index not in pairs]

    def free_new() -> list[Unit]:
        return [unit for unit in new if unit.index not in taken]

    def pair(a: Unit, b: Unit) -> None:
        pairs[a.index] = b.index
        taken.add(b.index)

    for key in (_exact_key, _unnumbered_key):
        for a, b in _match_by_key(free_old(), free_new(), key):
            pair(a, b)
    _find_runs(old, new, result, taken)
    for a, b in _match_by_key(free_old(), free_new(), _number_key):
        if similarity(a.grams, b.grams) >= threshold or a.family == "heading":
            pair(a, b)
    for a, b in _match_similar(free_old(), free_new(), threshold, len(old), len(new)):
        pair(a, b)
    merged_old = {i for olds, _, _ in result.merges for i in olds}
    split_new = {i for _, news, _ in result.splits for i in news}
    split_old = {i for i, _, _ in result.splits}
    merged_new = {i for _, i, _ in result.merges}
    result.removed = [u.index for u in old if u.index not in pairs and u.index not in split_old | merged_old]
    result.added = [u.index for u in new if u.index not in taken and u.index not in split_new | merged_new]
    result.moved = _out_of_order(pairs)
    return result


# --- keys ---------------------------------------------------------------------
def _exact_key(unit: Unit) -> tuple:
    return (unit.family, unit.norm)


def _unnumbered_key(unit: Unit) -> tuple | None:
    if not unit.number:
        return None
    return (unit.family, unit.unnumbered)


def _number_key(unit: Unit) -> tuple | None:
    if not unit.number:
        return None
    return (unit.family, unit.path[-1:] if unit.family == "heading" else (), unit.number.strip())


def _match_by_key(old: Iterable[Unit], new: Iterable[Unit], key: Callable[[Unit], tuple | None]):
    """Pair units with equal keys; repeated keys pair up in document order."""
    waiting: dict[tuple, list[Unit]] = defaultdict(list)
    for unit in new:
        k = key(unit)
        if k is not None:
            waiting[k].append(unit)
    for unit in old:
        k = key(unit)
        if k is not None and waiting.get(k):
            yield unit, waiting[k].pop(0)


def _match_similar(old: list[Unit], new: list[Unit], threshold: float, old_total: int = 1, new_total: int = 1):
    """Greedy best-first pairing by bigram similarity, within a family.

    A pair at or above ``threshold`` always qualifies.  Between ``FLOOR`` and
    ``threshold`` it qualifies only as each side's clear favourite (``MARGIN``
    times the runner-up): a rewritten report item keeps a third of its
    wording, and nothing else comes close to it.  Near-ties go to the pair whose
    relative positions in the two documents agree (``POSITION_WEIGHT``).
    """
    floor = min(FLOOR, threshold)
    scored = []
    best_a: dict[int, list[float]] = defaultdict(lambda: [0.0, 0.0])
    best_b: dict[int, list[float]] = defaultdict(lambda: [0.0, 0.0])
    for a in old:
        ga = a.grams
        for b in new:
            if a.family != b.family:
                continue
            gb = b.grams
            if similarity_bound(len(ga), len(gb)) < floor / MARGIN:
                continue
            score = similarity(ga, gb)
            for top in (best_a[a.index], best_b[b.index]):
                if score > top[0]:
                    top[0], top[1] = score, top[0]
                elif score > top[1]:
                    top[1] = score
            if score >= floor:
                drift = abs(a.index / max(old_total, 1) - b.index / max(new_total, 1))
                scored.append((-(score - POSITION_WEIGHT * drift), a.index, b.index, score, a, b))
    scored.sort(key=lambda row: row[:3])
    used_a: set[int] = set()
    used_b: set[int] = set()
    for _, ia, ib, score, a, b in scored:
        if ia in used_a or ib in used_b:
            continue
        if score < threshold and not _clear(score, best_a[ia]) or score < threshold and not _clear(score, best_b[ib]):
            continue
        used_a.add(ia)
        used_b.add(ib)
        yield a, b


def _clear(score: float, top: list[float]) -> bool:
    return score >= top[0] and score >= MARGIN * top[1]


def _find_runs(old: list[Unit], new: list[Unit], result: Alignment, taken: set[int]) -> None:
    """Splits and merges: one leftover unit against a run of consecutive leftovers.

    Every piece of the run must come mostly from the one unit (containment),
    and together the pieces must cover it clearly better than the best piece.
    """
    left_old = [u for u in old if u.index not in result.pairs]
    left_new = [u for u in new if u.index not in taken]
    used_old: set[int] = set()
    used_new: set[int] = set()
    for one, many, record in ((left_old, left_new, "split"), (left_new, left_old, "merge")):
        used_one, used_many = (used_old, used_new) if record == "split" else (used_new, used_old)
        for unit in one:
            if unit.index in used_one or not unit.grams:
                continue
            grams = unit.grams
            best = None
            for k, first in enumerate(many):
                if first.index in used_many or first.family != unit.family or not _inside(first, grams):
                    continue
                run, union = [first], set(first.grams & grams)
                best_piece = len(union)
                for nxt in many[k + 1 : k + MAX_RUN]:
                    if nxt.index != run[-1].index + 1 or nxt.index in used_many or not _inside(nxt, grams):
                        break
                    run.append(nxt)
                    shared = nxt.grams & grams
                    best_piece = max(best_piece, len(shared))
                    union |= shared
                    coverage = len(union) / len(grams)
                    if coverage >= SPLIT_THRESHOLD and coverage >= best_piece / len(grams) + RUN_GAIN:
                        score = similarity(grams, bigrams("".join(u.norm for u in run)))
                        if best is None or score > best[0]:
                            best = (score, tuple(u.index for u in run))
            if best is None:
                continue
            score, indices = best
            used_one.add(unit.index)
            used_many.update(indices)
            if record == "split":
                result.splits.append((unit.index, indices, score))
            else:
                result.merges.append((indices, unit.index, score))
    taken.update(used_new)


def _inside(piece: Unit, grams: frozenset[str]) -> bool:
    """Most of ``piece`` occurs in the unit with ``grams``."""
    if not piece.grams or len(piece.grams) * CONTAINED > len(grams):
        return False
    # A few sampled bigrams first: most pairs fail here, before the full intersection.
    if sum(gram in grams for gram in piece.sample) * 2 < len(piece.sample):
        return False
    return len(piece.grams & grams) >= CONTAINED * len(piece.grams)


def _out_of_order(pairs: dict[int, int]) -> frozenset[int]:
    """Old indices not on a longest increasing run of new indices (patience sorting)."""
    items = sorted(pairs.items())
    tails: list[int] = []
    tail_at: list[int] = []
    back: list[int] = [-1] * len(items)
    for k, (_, j) in enumerate(items):
        pos = bisect_left(tails, j)
        if pos == len(tails):
            tails.append(j)
            tail_at.append(k)
        else:
            tails[pos] = j
            tail_at[pos] = k
        back[k] = tail_at[pos - 1] if pos else -1
    keep: set[int] = set()
    k = tail_at[-1] if tail_at else -1
    while k >= 0:
        keep.add(items[k][0])
        k = back[k]
    return frozenset(i for i, _ in items if i not in keep)
