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
from collections import Counter, defaultdict, deque
from dataclasses import dataclass, field
from typing import Callable, Iterable

from govtext.diff.assign import assign
from govtext.diff.candidates import Fingerprints, containers, similar_pairs
from govtext.diff.normalize import bigrams, normalize, similarity
from govtext.diff.roles import clash
from govtext.diff.runs import longest_increasing
from govtext.diff.topic import PART_MARGIN, TOPIC_PART, TOPIC_THRESHOLD, TopicIndex, context_weight
from govtext.diff.units import HEADING_FAMILY, Unit
from govtext.model import ARTICLE

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

MAX_PARTS = 4
"""Most parts one unit is split into or merged from."""

ORDER_WEIGHT = 1e-3
"""Weight given up per whole-document distance between two positions: a tie-breaker only."""


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


def align(old: list[Unit], new: list[Unit], threshold: float = THRESHOLD,
          pins: Iterable[tuple[int, int]] = (), apart: Iterable[tuple[int, int]] = (),
          floor: float | None = None, topic: TopicIndex | None = None,
          roles: tuple[list[str | None], list[str | None]] | None = None) -> Alignment:
    """``topic``: pair the numbered units still left by topic (:mod:`govtext.diff.topic`),
    parents first, then split and merge them by topic.  ``floor`` (below ``threshold``; only for a default threshold, never an explicit one):
    also pair two leftover numbered units from ``floor`` up when they carry the same
    number under paired parents and neither has another leftover candidate there
    (:func:`_same_place`).  ``roles``: each unit's role, old and new (:mod:`govtext.diff.roles`);
    units of two known, different roles are kept apart in every phase but the identical-text
    ones (last year's task is not this year's review of it)."""
    result = Alignment()
    pairs = result.pairs
    taken: set[int] = set()
    pinned_apart = frozenset(apart)
    kept_apart = _KeptApart(pinned_apart, roles)

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
    names_old, names_new = _Names(old), _Names(new)
    for a, b, score in similar_pairs(free_old(), free_new(), threshold, prints):
        if (a.index, b.index) in kept_apart:
            continue
        if score < THRESHOLD and (names_new.elsewhere(a, b) or names_old.elsewhere(b, a)):
            continue
        drift = abs(a.index / old_total - b.index / new_total)
        edges.append((a.index, b.index, score + ORDER_WEIGHT * (1 - drift)))
    for a, b in assign(edges):
        pair(a, b)
    if topic is not None and topic.pairs_by_topic:
        _pair_by_topic(old, new, result, taken, kept_apart, topic)
    _find_parts(old, new, result, taken, kept_apart, prints)
    if topic is not None:
        (_parts_by_topic if topic.pairs_by_topic else _parts_by_content)(old, new, result, taken, kept_apart, topic)
    in_parts_old = {i for olds, _, _ in result.merges for i in olds} | {i for i, _, _ in result.splits}
    if floor is not None and floor < threshold:
        left_old = [u for u in old if u.index not in pairs and u.index not in in_parts_old]
        left_new = [u for u in new if u.index not in taken]
        for a, b in _same_place(left_old, left_new, floor, pairs, old, new, prints, names_old, names_new):
            if (a, b) not in kept_apart:
                pair(a, b)
    in_parts_new = {j for _, news, _ in result.splits for j in news} | {j for _, j, _ in result.merges}
    result.removed = [u.index for u in old if u.index not in pairs and u.index not in in_parts_old]
    result.added = [u.index for u in new if u.index not in taken and u.index not in in_parts_new]
    result.moved = _out_of_order(pairs)
    return result


class _KeptApart:
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


# --- by topic -------------------------------------------------------------------
def _pair_by_topic(old: list[Unit], new: list[Unit], result: Alignment, taken: set[int],
                   apart: "_KeptApart", topic: TopicIndex) -> None:
    """Leftover numbered units paired by topic, outermost first (a section's pairing is
    the context of its items'), each round an optimal assignment."""
    pairs = result.pairs
    ancestors_old, ancestors_new = _ancestors(old), _ancestors(new)
    rounds: dict[tuple[bool, int], tuple[list[int], list[int]]] = defaultdict(lambda: ([], []))
    for side, units in ((0, old), (1, new)):
        for unit in units:
            if topic.style(side, unit.index) is not None:
                rounds[(unit.family != HEADING_FAMILY, unit.node.id.count("/"))][side].append(unit.index)
    for key in sorted(rounds):
        olds = [a for a in rounds[key][0] if a not in pairs]
        news = [b for b in rounds[key][1] if b not in taken]
        partners = {j: i for i, j in pairs.items()}
        edges = []
        for a, b in sorted(topic.candidates(olds, news)):
            if (a, b) in apart:
                continue
            weight = context_weight(topic.score(a, b),
                                    _paired_parents(a, b, ancestors_old, ancestors_new, pairs, partners))
            if weight >= TOPIC_THRESHOLD:
                drift = abs(a / max(len(old), 1) - b / max(len(new), 1))
                edges.append((a, b, weight + ORDER_WEIGHT * (1 - drift)))
        for a, b in assign(edges):
            pairs[a] = b
            taken.add(b)
            result.by_topic[(a, b)] = round(topic.score(a, b), 3)


def _parts_by_topic(old: list[Unit], new: list[Unit], result: Alignment, taken: set[int],
                    apart: "_KeptApart", topic: TopicIndex) -> None:
    """Splits and merges by topic: a leftover numbered unit whose best counterpart, under
    paired parents, is a unit already paired joins that pair as one more part, when it scores
    at least ``TOPIC_PART`` (parents' lift included).  2024 二是依靠创新引领产业升级，增强城乡区域发展新动能 went
    into 2025 四是统筹城乡区域协调发展 (its pair) and 三是大力推动创新驱动发展 (left over):
    one split with both parts."""
    pairs = result.pairs
    ancestors_old, ancestors_new = _ancestors(old), _ancestors(new)
    in_parts_old = {i for olds, _, _ in result.merges for i in olds} | {i for i, _, _ in result.splits}
    in_parts_new = {j for _, news, _ in result.splits for j in news} | {j for _, j, _ in result.merges}
    styled_old = [u.index for u in old if topic.style(0, u.index) is not None]
    styled_new = [u.index for u in new if topic.style(1, u.index) is not None]
    for record in ("split", "merge"):
        partner_new = {j: i for i, j in pairs.items()}
        if record == "split":
            pieces = [j for j in styled_new if j not in taken and j not in in_parts_new]
            wholes = [i for i in styled_old if i in pairs and i not in in_parts_old
                      and (i, pairs[i]) not in result.pinned]
            found = topic.candidates(wholes, pieces)
        else:
            pieces = [i for i in styled_old if i not in pairs and i not in in_parts_old]
            wholes = [j for j in styled_new if j in partner_new and j not in in_parts_new
                      and (partner_new[j], j) not in result.pinned]
            found = topic.candidates(pieces, wholes)
        # For each piece, what it brings each whole: the share of the whole's distinctive
        # weight the piece holds and the whole's partner lacks (the half of 2024 二是 that
        # 2025 四是 does not carry is what 2025 三是 carries).
        ranked: dict[int, list[tuple[float, float, int]]] = defaultdict(list)
        for a, b in found:
            if (a, b) in apart:
                continue
            # Parts stay within paired parents (never into another role), or both are at the
            # top (2014 三、2014年重点工作 → 2015 三、四、五、六、: one section became four).
            top = not ancestors_old.get(a) and not ancestors_new.get(b)
            context = _paired_parents(a, b, ancestors_old, ancestors_new, pairs, partner_new)
            if not (context or top):
                continue
            if record == "split":
                piece, whole, brought = b, a, topic.held((0, a), (1, b), beside=(1, pairs[a]))
            else:
                piece, whole, brought = a, b, topic.held((1, b), (0, a), beside=(0, partner_new[b]))
            ranked[piece].append((brought, context_weight(topic.score(a, b), context), whole))
        best: dict[int, tuple[float, int]] = {}
        for piece, options in ranked.items():
            options.sort(key=lambda o: (-o[0], o[2]))
            brought, weight, whole = options[0]
            # A piece bringing about as much to two wholes is a part of neither, to a reader's eye.
            if weight >= TOPIC_PART and (len(options) == 1 or brought - options[1][0] >= PART_MARGIN):
                best[piece] = (weight, whole)
        by_whole: dict[int, list[int]] = defaultdict(list)
        for piece, (_, whole) in sorted(best.items()):
            by_whole[whole].append(piece)
        for whole, pieces_of in sorted(by_whole.items()):
            pieces_of = pieces_of[: MAX_PARTS - 1]
            # The record's likeness: its best part's, as the pair would have scored alone.
            score = round(max(topic.score(whole, piece) if record == "split" else topic.score(piece, whole)
                              for piece in pieces_of), 3)
            if record == "split":
                if whole not in pairs or whole in in_parts_old:
                    continue
                news = tuple(sorted([pairs.pop(whole), *pieces_of]))
                taken.update(news)
                result.splits.append((whole, news, score))
                in_parts_old.add(whole)
                in_parts_new.update(news)
                result.parts_by_topic.add(("split", whole))
            else:
                partner = partner_new[whole]
                if partner not in pairs or whole in in_parts_new:
                    continue
                del pairs[partner]
                olds = tuple(sorted([partner, *pieces_of]))
                result.merges.append((olds, whole, score))
                in_parts_old.update(olds)
                in_parts_new.add(whole)
                result.parts_by_topic.add(("merge", whole))


HELD = 0.6
"""Least share of a leftover article's distinctive words (by rarity) that the article it went
into must hold, for a merge or split found from content (laws)."""

BROUGHT = 0.4
"""Least share of those words that the pair's own partner lacks: the part brought them."""

PART_WORDS = 8
"""Fewest distinct words a leftover article needs to be read as a part: a one-line article
(公司成立后，股东不得抽逃出资。) is held by many long ones and proves nothing."""


def _parts_by_content(old: list[Unit], new: list[Unit], result: Alignment, taken: set[int],
                      apart: "_KeptApart", topic: TopicIndex) -> None:
    """Law merges and splits read from content, not from the decision's wording: a removed
    article most of whose distinctive words (``HELD``) sit in a new article paired with
    another one, and that brings words the partner lacks (``BROUGHT``), was merged into it
    (会计法 2017→2024: 第十条 and 第二十五条 → 第十条, fifteen articles apart); an added
    article likewise split from an old one."""
    pairs = result.pairs
    in_parts_old = {i for olds, _, _ in result.merges for i in olds} | {i for i, _, _ in result.splits}
    in_parts_new = {j for _, news, _ in result.splits for j in news} | {j for _, j, _ in result.merges}
    styled_old = [u.index for u in old if u.node.type == ARTICLE and topic.style(0, u.index) is not None]
    styled_new = [u.index for u in new if u.node.type == ARTICLE and topic.style(1, u.index) is not None]
    for record in ("merge", "split"):
        partner_new = {j: i for i, j in pairs.items()}
        if record == "merge":
            pieces = [i for i in styled_old if i not in pairs and i not in in_parts_old]
            wholes = [j for j in styled_new if j in partner_new and j not in in_parts_new
                      and (partner_new[j], j) not in result.pinned]
            found = topic.candidates(pieces, wholes)
        else:
            pieces = [j for j in styled_new if j not in taken and j not in in_parts_new]
            wholes = [i for i in styled_old if i in pairs and i not in in_parts_old
                      and (i, pairs[i]) not in result.pinned]
            found = topic.candidates(wholes, pieces)
        # Where each piece is best held, among every article of the other version: a piece held
        # better by an article of its own (added, or paired) is no part of this one.
        holder: dict[int, float] = {}
        others = styled_new if record == "merge" else styled_old
        for a, b in (topic.candidates(pieces, others) if record == "merge" else topic.candidates(others, pieces)):
            piece, whole = ((0, a), (1, b)) if record == "merge" else ((1, b), (0, a))
            holder[piece[1]] = max(holder.get(piece[1], 0.0), topic.held(piece, whole))
        best: dict[int, tuple[float, int]] = {}
        for a, b in sorted(found):
            if (a, b) in apart:
                continue
            if topic.words(0 if record == "merge" else 1, a if record == "merge" else b) < PART_WORDS:
                continue
            if record == "merge":
                piece, whole = (0, a), (1, b)
                partner = (0, partner_new[b])
            else:
                piece, whole = (1, b), (0, a)
                partner = (1, pairs[a])
            share = topic.held(piece, whole)
            if share < HELD or share < holder.get(piece[1], 0.0) or topic.held(piece, whole, beside=partner) < BROUGHT:
                continue
            if piece[1] not in best or share > best[piece[1]][0]:
                best[piece[1]] = (share, whole[1])
        by_whole: dict[int, list[int]] = defaultdict(list)
        for piece_index, (_, whole_index) in sorted(best.items()):
            by_whole[whole_index].append(piece_index)
        for whole_index, parts in sorted(by_whole.items()):
            parts = parts[: MAX_PARTS - 1]
            score = round(max(best[p][0] for p in parts), 3)
            if record == "merge":
                partner_index = partner_new[whole_index]
                del pairs[partner_index]
                olds = tuple(sorted([partner_index, *parts]))
                result.merges.append((olds, whole_index, score))
                in_parts_old.update(olds)
                in_parts_new.add(whole_index)
            else:
                news = tuple(sorted([pairs.pop(whole_index), *parts]))
                taken.update(news)
                result.splits.append((whole_index, news, score))
                in_parts_old.add(whole_index)
                in_parts_new.update(news)


def _ancestors(units: list[Unit]) -> dict[int, list[int]]:
    """Unit index → the indices of the units above it, nearest first (by node id)."""
    by_id = {unit.node.id: unit.index for unit in units}
    out = {}
    for unit in units:
        node_id, found = unit.node.id, []
        while "/" in node_id:
            node_id = node_id.rsplit("/", 1)[0]
            if node_id in by_id and by_id[node_id] != unit.index:
                found.append(by_id[node_id])
        out[unit.index] = found
    return out


def _paired_parents(a: int, b: int, ancestors_old: dict[int, list[int]], ancestors_new: dict[int, list[int]],
                    pairs: dict[int, int], partners: dict[int, int]) -> bool | None:
    """True when the nearest paired ancestors of the two units are paired with each other,
    False when they are paired elsewhere (another role: last year's review, this year's
    tasks), None when either unit has no paired ancestor.  ``partners``: new index → old."""
    pa = next((x for x in ancestors_old.get(a, ()) if x in pairs), None)
    pb = next((y for y in ancestors_new.get(b, ()) if y in partners), None)
    if pa is None or pb is None:
        return None
    return pairs[pa] == pb


# --- same number, same place ---------------------------------------------------
_NO_NUMBER = frozenset({"", "——", "—", "-"})


def _parent(unit: Unit) -> str:
    return unit.node.id.rsplit("/", 1)[0] if "/" in unit.node.id else ""


def _same_place(left_old: list[Unit], left_new: list[Unit], floor: float, pairs: dict[int, int],
                old: list[Unit], new: list[Unit], prints: Fingerprints,
                names_old: "_Names", names_new: "_Names") -> list[tuple[int, int]]:
    """Leftover pairs a reader makes by place when the topic continues: （九） under a
    section paired with （九） under its partner, scoring at least ``floor``, each the
    other's only leftover candidate at that score under the two parents, and no
    unchanged name elsewhere (see :class:`_Names`)."""
    heading_of = {u.node.id: u.index for u in old if u.family == HEADING_FAMILY}
    heading_new = {u.node.id: u.index for u in new if u.family == HEADING_FAMILY}
    candidates: dict[int, list[int]] = defaultdict(list)
    back: dict[int, list[int]] = defaultdict(list)
    same: dict[tuple[int, int], bool] = {}
    for a, b, _ in similar_pairs(left_old, left_new, floor, prints):
        pa, pb = _parent(a), _parent(b)
        if pa and pb:
            parents_paired = pa in heading_of and pairs.get(heading_of[pa]) == heading_new.get(pb)
        else:
            parents_paired = pa == pb == ""
        if not parents_paired:
            continue
        candidates[a.index].append(b.index)
        back[b.index].append(a.index)
        same[(a.index, b.index)] = ((a.number or "").strip() not in _NO_NUMBER and a.number == b.number
                                    and not names_new.elsewhere(a, b) and not names_old.elsewhere(b, a))
    return [(a, bs[0]) for a, bs in candidates.items()
            if len(bs) == 1 and back[bs[0]] == [a] and same[(a, bs[0])]]


# --- names --------------------------------------------------------------------
NAME_CHARS = 4
"""Shortest heading or lead that counts as a name a reader follows (总则 or 附则 do not)."""


class _Names:
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
                apart: "_KeptApart", prints: Fingerprints) -> None:
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
