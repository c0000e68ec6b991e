"""Aligning two unit sequences: which old unit became which new one.

By content, never by position or number.  The phases, unique keys first and
similarity last (as in xmldiff's ``Differ.match``):

0. pairs the user pinned (``--match``), and pairs the user kept apart (``--unmatch``)
   excluded from every phase;
1. identical normalised text (unchanged, formatting, or moved);
2. identical text apart from the numbering (renumbered: articles inserted before it);
3. the optimal one-to-one assignment of what is left: candidate pairs from a
   prefix-filtered bigram index (:mod:`govtext.diff.candidates`), scored by
   :func:`~govtext.diff.candidates.pair_score`, kept only at or above the
   threshold, and solved as a maximum-weight matching (:mod:`govtext.diff.assign`)
   with the text order as tie-breaker;
4. splits and merges: a leftover unit most of whose text sits inside a unit of
   the other version (matched or not) joins it as one more part, when the parts
   together cover that unit clearly better than without it.

Moves are what the longest increasing subsequence of the matched pairs leaves
out.  A pair below the threshold is never one unit changed: it is a removal and
an addition.  Everything here is on normalised text, so width, spacing and
〇/○ never decide a match.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import defaultdict, deque
from typing import Callable, Iterable

from govtext.diff.alignment import Alignment, KeptApart
from govtext.diff.assign import assign
from govtext.diff.candidates import Fingerprints, containers, similar_pairs
from govtext.diff.names import Names
from govtext.diff.normalize import bigrams, similarity
from govtext.diff.regroup import MAX_PARTS, ORDER_WEIGHT, pair_by_topic, parts_by_content, parts_by_topic
from govtext.diff.place import same_place
from govtext.diff.runs import longest_increasing
from govtext.diff.topic import TopicIndex
from govtext.diff.units import Unit

THRESHOLD = 0.5
"""Least :func:`~govtext.diff.candidates.pair_score` for two units to count as one unit changed,
when the caller names no threshold and the genre table has no entry (and for laws)."""

GENRE_THRESHOLDS = {"law": THRESHOLD, "policy": 0.35}
"""The default threshold by :attr:`Document.genre <govtext.model.Document.genre>`.

Measured on the corpus (successive work reports 2018→2025 and congress reports
十八大→十九大→二十大; every pair the engine scores in 0.25–0.5 read and judged): of 105
policy pairs in 0.35–0.5, 92 are the same item evolving and 13 the same topic in
another role (a task of last year paired with this year's review of it), none
unrelated; below 0.35 unrelated pairs appear (17 of 128 in 0.25–0.35, from 0.32
down).  Policy texts are retitled and rewritten year on year, so 0.35.  Laws keep
0.5: their amended articles score well above it, and lawyers rely on the exact
results (刑法 2020→2023: seven reworded articles, no false pair)."""


GENRE_FLOORS = {"policy": 0.25}
"""Without an explicit threshold, how low a leftover pair may score and still be paired by
place (same number under paired parents, each the other's only candidate there).

Measured on the same corpus pairs: from 0.25 the rule pairs 8 more items, all the same item
evolving (gwr 2024→2025 一是, 五是, （六）; congress （二）就业, （六）社会管理→社会治理 …);
from 0.15 it also pairs 五、贯彻新发展理念 with 五、实施科教兴国战略 (0.21), the positional
mistake the content alignment exists to avoid.  Laws have no floor."""


def default_floor(*genres: str) -> float | None:
    """The place floor for documents of these genres: none unless every genre has one."""
    floors = [GENRE_FLOORS.get(g) for g in genres]
    return None if not floors or None in floors else max(floors)


def default_threshold(*genres: str) -> float:
    """The threshold for documents of these genres: the strictest of their defaults
    (a law compared with anything keeps the law's line)."""
    return max((GENRE_THRESHOLDS.get(g, THRESHOLD) for g in genres), default=THRESHOLD)

SPLIT_THRESHOLD = 0.8
"""Least share of one unit's bigrams that parts with no one-to-one partner must cover together."""

CONTAINED = 0.6
"""Least share of a part's bigrams found in the unit it was split from (or merged into)."""

RUN_GAIN = 0.05
"""How much more of the one unit a part must cover than the other parts already do."""

OWN_SHARE = 0.5
"""Least share of a part's bigrams that no other part already accounts for (its own words)."""


def align(old: list[Unit], new: list[Unit], threshold: float = THRESHOLD,
          pins: Iterable[tuple[int, int]] = (), apart: Iterable[tuple[int, int]] = (),
          floor: float | None = None, topic: TopicIndex | None = None,
          roles: tuple[list[str | None], list[str | None]] | None = None) -> Alignment:
    """``topic``: pair the numbered units still left by topic (:mod:`govtext.diff.topic`),
    parents first, then split and merge them by topic.  ``floor`` (below ``threshold``; only for a default threshold, never an explicit one):
    also pair two leftover numbered units from ``floor`` up when they carry the same
    number under paired parents and neither has another leftover candidate there
    (:func:`~govtext.diff.place.same_place`).  ``roles``: each unit's role, old and new (:mod:`govtext.diff.roles`);
    units of two known, different roles are kept apart in every phase but the identical-text
    ones (last year's task is not this year's review of it)."""
    result = Alignment()
    pairs = result.pairs
    taken: set[int] = set()
    pinned_apart = frozenset(apart)
    kept_apart = KeptApart(pinned_apart, roles)

    def pair(a: int, b: int) -> None:
        pairs[a] = b
        taken.add(b)

    pinned = []
    for a, b in pins:
        if a not in pairs and b not in taken:
            pair(a, b)
            pinned.append((a, b))
    result.pinned = frozenset(pinned)

    def free_old() -> list[Unit]:
        return [unit for unit in old if unit.index not in pairs]

    def free_new() -> list[Unit]:
        return [unit for unit in new if unit.index not in taken]

    for key in (_exact_key, _unnumbered_key):
        for a, b in _match_by_key(free_old(), free_new(), key, pinned_apart):
            pair(a.index, b.index)
    old_total, new_total = max(len(old), 1), max(len(new), 1)
    # Only leftovers are ever looked up by bigram (the key phases paired the rest).
    prints = Fingerprints(old + new, asked=free_old() + free_new())
    edges = []
    wording: dict[tuple[int, int], float] = {}  # the pair's score itself, without the order tie-breaker
    names_old, names_new = Names(old), Names(new)
    for a, b, score in similar_pairs(free_old(), free_new(), threshold, prints):
        if (a.index, b.index) in kept_apart:
            continue
        if score < THRESHOLD and (names_new.elsewhere(a, b) or names_old.elsewhere(b, a)):
            continue
        drift = abs(a.index / old_total - b.index / new_total)
        edges.append((a.index, b.index, score + ORDER_WEIGHT * (1 - drift)))
        wording[(a.index, b.index)] = score
    for a, b in assign(edges):
        pair(a, b)
    if topic is not None and topic.pairs_by_topic:
        for a, b in _leads_apart(pairs, wording, old, new, topic):
            del pairs[a]
            taken.discard(b)
        pair_by_topic(old, new, result, taken, kept_apart, topic)
    _find_parts(old, new, result, taken, kept_apart, prints)
    if topic is not None:
        (parts_by_topic if topic.pairs_by_topic else parts_by_content)(old, new, result, taken, kept_apart, topic)
    in_parts_old = {i for olds, _, _ in result.merges for i in olds} | {i for i, _, _ in result.splits}
    if floor is not None and floor < threshold:
        left_old = [u for u in old if u.index not in pairs and u.index not in in_parts_old]
        left_new = [u for u in new if u.index not in taken]
        for a, b in same_place(left_old, left_new, floor, pairs, old, new, prints, names_old, names_new):
            if (a, b) not in kept_apart:
                pair(a, b)
    in_parts_new = {j for _, news, _ in result.splits for j in news} | {j for _, j, _ in result.merges}
    result.removed = [u.index for u in old if u.index not in pairs and u.index not in in_parts_old]
    result.added = [u.index for u in new if u.index not in taken and u.index not in in_parts_new]
    result.moved = _out_of_order(pairs)
    return result


# --- weak pairs need meeting leads -------------------------------------------------
def _leads_apart(pairs: dict[int, int], wording: dict[tuple[int, int], float], old: list[Unit],
                 new: list[Unit], topic: TopicIndex) -> list[tuple[int, int]]:
    """Pairs of the wording phase that a reader would not make: two numbered units below the
    top, sharing less than half their wording (under :data:`THRESHOLD`), whose lead clauses
    share no word at all (their lead likeness, :meth:`~govtext.diff.topic.TopicIndex.signals`,
    is 0).  What they share is then a sentence of boilerplate (中央财政拟安排…资金…亿元 in 三要进一步增加农业补贴 and in
    一是继续大规模实施保障性安居工程), not a topic; the topic phase may still pair them.  Sections
    are left alone: their headings (2007年工作总体部署, 2008年主要任务) name no topic, they are
    compared by all they hold."""
    return [(a, b) for a, b in pairs.items()
            if wording.get((a, b), THRESHOLD) < THRESHOLD
            and "/" in old[a].node.id and "/" in new[b].node.id
            and topic.style(0, a) is not None and topic.style(1, b) is not None
            and topic.signals(a, b)[1] == 0]


# --- keys ---------------------------------------------------------------------
def _exact_key(unit: Unit) -> tuple:
    return (unit.family, unit.norm)


def _unnumbered_key(unit: Unit) -> tuple | None:
    if not unit.number:
        return None
    return (unit.family, unit.unnumbered)


def _match_by_key(old: Iterable[Unit], new: Iterable[Unit], key: Callable[[Unit], tuple | None],
                  apart: frozenset[tuple[int, int]] = frozenset()):
    """Pair units with equal keys; repeated keys pair up in document order (a queue per key:
    a paragraph repeated a thousand times costs a thousand steps, not a million)."""
    waiting: dict[tuple, deque[Unit]] = defaultdict(deque)
    for unit in new:
        k = key(unit)
        if k is not None:
            waiting[k].append(unit)
    for unit in old:
        k = key(unit)
        queue = waiting.get(k) if k is not None else None
        if not queue:
            continue
        if not apart:
            yield unit, queue.popleft()
            continue
        for pos, other in enumerate(queue):
            if (unit.index, other.index) not in apart:
                del queue[pos]
                yield unit, other
                break


def _find_parts(old: list[Unit], new: list[Unit], result: Alignment, taken: set[int],
                apart: KeptApart, prints: Fingerprints) -> None:
    """Splits, then merges: leftover units that went into (or came out of) one unit.

    A leftover *part* joins the unit of the other version that holds most of
    it (``CONTAINED``), wherever that unit sits ("将第十条、第二十五条合并" joins
    two articles fifteen apart).  If that unit already has a one-to-one partner,
    the partner is the first part; each further part must bring words of its own
    (``OWN_SHARE`` of itself, ``RUN_GAIN`` of the unit).  Parts with no partner
    must together cover ``SPLIT_THRESHOLD`` of the unit, clearly more than the
    best of them alone.
    """
    pairs = result.pairs
    used_old: set[int] = set()
    used_new: set[int] = set()
    for record in ("split", "merge"):
        if record == "split":
            piece_units, whole_units = new, old
            pieces = [u for u in new if u.index not in taken and u.index not in used_new]
            partner_of: dict[int, int] = dict(pairs)
            # A unit whose text is all in its partner lost nothing to a split.
            wholes = [u for u in old if u.index not in used_old and not _kept_whole(u, partner_of, new)]
        else:
            piece_units, whole_units = old, new
            pieces = [u for u in old if u.index not in pairs and u.index not in used_old]
            partner_of = {j: i for i, j in pairs.items()}
            wholes = [u for u in new if u.index not in used_new and not _kept_whole(u, partner_of, old)]
        found = containers(pieces, wholes, CONTAINED, prints)
        by_whole: dict[int, list[Unit]] = defaultdict(list)
        for piece in pieces:
            groups = found.get(piece.index)
            if not groups:
                continue
            # The group of identical wholes holding most of the piece, then its copy nearest
            # the piece's relative position (repeated content: one bisect, not a scan).
            group = max(groups, key=lambda g, piece=piece: len(piece.grams & g[0].grams))
            best = _nearest(group, piece.index / len(piece_units) * len(whole_units))
            by_whole[best.index].append(piece)
        for w_index in sorted(by_whole):
            whole = whole_units[w_index]
            grams = whole.grams
            partner = partner_of.get(w_index)
            if partner is not None and _pinned(record, w_index, partner, result):
                continue  # the user's pair stays a pair
            parts = [piece_units[partner]] if partner is not None else []
            covered = set(piece_units[partner].grams & grams) if partner is not None else set()
            best_single = len(covered)
            for piece in sorted(by_whole[w_index], key=lambda u: (-len(u.grams & grams), u.index)):
                if len(parts) >= MAX_PARTS:
                    break
                key = (w_index, piece.index) if record == "split" else (piece.index, w_index)
                if key in apart:
                    continue
                inside = piece.grams & grams
                own = inside - covered
                if len(own) < OWN_SHARE * len(piece.grams) or len(own) < RUN_GAIN * len(grams):
                    continue
                parts.append(piece)
                covered |= own
                best_single = max(best_single, len(inside))
            if len(parts) < 2:
                continue
            if partner is None and (len(covered) < SPLIT_THRESHOLD * len(grams)
                                    or len(covered) < best_single + RUN_GAIN * len(grams)):
                continue
            indices = tuple(sorted(u.index for u in parts))
            score = similarity(grams, bigrams("".join(piece_units[k].norm for k in indices)))
            if partner is not None:
                old_index = w_index if record == "split" else partner
                del pairs[old_index]
            if record == "split":
                result.splits.append((w_index, indices, score))
                used_old.add(w_index)
                used_new.update(indices)
            else:
                result.merges.append((indices, w_index, score))
                used_new.add(w_index)
                used_old.update(indices)
    taken.update(used_new)

def _pinned(record: str, whole: int, partner: int, result: Alignment) -> bool:
    return ((whole, partner) if record == "split" else (partner, whole)) in result.pinned


def _nearest(group: list[Unit], position: float) -> Unit:
    """The unit of ``group`` (in document order) whose index is nearest ``position``."""
    k = bisect_left([u.index for u in group], position) if len(group) > 1 else 0
    if k >= len(group):
        return group[-1]
    if k > 0 and position - group[k - 1].index <= group[k].index - position:
        return group[k - 1]
    return group[k]


def _kept_whole(unit: Unit, partner_of: dict[int, int], other: list[Unit]) -> bool:
    partner = partner_of.get(unit.index)
    return partner is not None and other[partner].norm == unit.norm


def _out_of_order(pairs: dict[int, int]) -> frozenset[int]:
    """Old indices not on a longest increasing run of new indices: the moved ones."""
    items = sorted(pairs.items())
    keep = {i for i, _ in longest_increasing(items)}
    return frozenset(i for i, _ in items if i not in keep)
