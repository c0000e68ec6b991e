"""Which units could be one unit changed: candidates from an index, never all pairs.

Two indexes over character bigrams, both *prefix-filtered* (AllPairs, Bayardo
et al. 2007): bigrams are ranked rarest first, and a set is indexed only by its
first few ranks.  Two sets can reach a similarity ``t`` only if their prefixes
share a bigram, so probing the prefixes finds every pair at or above ``t`` and
touches only rare bigrams — the work grows with the text, not with its square.

- :func:`similar_pairs`: pairs whose :func:`pair_score` may reach the threshold;
- :func:`containers`: for each short piece, the units that hold most of it
  (splits and merges).

Units with the same text are looked up once (repeated content costs one probe).
"""

from __future__ import annotations

import sys
from array import array
from bisect import bisect_right
from collections import Counter, defaultdict
from itertools import chain
from math import ceil
from typing import Iterable

from govtext.diff.normalize import similarity, similarity_bound
from govtext.diff.units import Unit

LEAD_NEAR = 0.8
"""Lead sentences (or headings) this alike make a candidate pair wherever the items sit."""

_EPS = 1e-9


def pair_score(a: Unit, b: Unit) -> float:
    """How alike two units are, 0..1: what ``--threshold`` is compared with.

    The Dice coefficient of the bigram sets, except that an item with a lead
    sentence and a body is also judged as a reader pairs items — by its lead as
    much as by its body: the mean of the two parts' likeness, when higher.  An
    identical lead is therefore worth at least 0.5 whatever the body became.
    """
    whole = similarity(a.grams, b.grams)
    if a.title_norm and b.title_norm and a.body_norm and b.body_norm and a.family == b.family:
        lead = (similarity(a.title_grams, b.title_grams) + similarity(a.body_grams, b.body_grams)) / 2
        return max(whole, lead)
    return whole


def score_bound(a: Unit, b: Unit) -> float:
    """An upper bound on :func:`pair_score` from set sizes alone: a pair below it
    is dropped without intersecting any sets (most candidates are)."""
    whole = similarity_bound(len(a.grams), len(b.grams))
    if a.title_norm and b.title_norm and a.body_norm and b.body_norm and a.family == b.family:
        lead = (similarity_bound(len(a.title_grams), len(b.title_grams))
                + similarity_bound(len(a.body_grams), len(b.body_grams))) / 2
        return max(whole, lead)
    return whole


LOOKUP_GAIN = 4
"""Counting by lookup is used when the units not asked about hold this many times the text
of those asked about (distinct texts).  Measured on 刑法 and the 2024/2025 reports: the
plain count costs ~0.29 µs a character (bigram set ~0.21, counting ~0.08), the lookup
~0.085 µs a character plus ~0.36 µs to code each asked bigram once — break-even near 2;
4 keeps the lookup to the cases it clearly wins (an amended law's few changed articles)."""


class Fingerprints:
    """Each unit's bigrams ordered rarest first, computed once per diff and reused by every
    index (similar pairs, leads, containment).  The order is global over both versions, as
    prefix filtering requires: by document frequency, ties by the bigram; a bigram missing
    from the count (Counter gives 0) sorts first.

    ``asked``: the only units :meth:`ordered` will be asked about (the alignment's leftovers;
    default: every unit).  The count is then kept for their bigrams alone — the same numbers,
    so the same order — and the other units (an amended law's unchanged articles) are counted
    by finding those bigrams in their text, without building a bigram set for each.  Asked
    about another unit after all, it counts everything, as without ``asked``.
    """

    def __init__(self, units: Iterable[Unit], asked: Iterable[Unit] | None = None):
        self._units = list(units)
        # Units with one text share one bigram set, made once.
        self._shared: dict[str, frozenset[str]] = {}
        self._ordered: dict[tuple[int, str], list[str]] = {}
        self._asked: set[int] | None = None
        if asked is None:
            self.counts = self._count_all()
            return
        asked = list(asked)
        self._asked = {id(unit) for unit in asked}
        rest = Counter(unit.norm for unit in self._units if id(unit) not in self._asked)
        if sum(map(len, rest)) <= LOOKUP_GAIN * sum(len(unit.norm) for unit in asked):
            # Most text is asked about (two reports a year apart): the plain count is cheaper.
            self.counts, self._asked = self._count_all(), None
            return
        counts: Counter[str] = Counter()
        wanted: set[str] = set()
        for unit in asked:
            grams = unit.share_grams(self._shared)
            counts.update(grams)
            wanted.update(grams)
            wanted.update(unit.title_grams)
        if wanted:
            by_code = {_code(gram): gram for gram in wanted}
            codes = frozenset(by_code)
            for norm, times in rest.items():
                grams = self._shared.get(norm)
                found = list(grams & wanted if grams is not None else map(by_code.__getitem__, _held(norm, codes)))
                for _ in range(times):
                    counts.update(found)
        self.counts = counts

    def _count_all(self) -> Counter[str]:
        counts: Counter[str] = Counter()
        for unit in self._units:
            counts.update(unit.share_grams(self._shared))
        return counts

    def ordered(self, unit: Unit, part: str = "all") -> list[str]:
        key = (id(unit), part)
        found = self._ordered.get(key)
        if found is None:
            if self._asked is not None and id(unit) not in self._asked:
                self.counts, self._asked = self._count_all(), None  # same numbers for what was asked
            # A stable C-level sort by count of the bigrams in code-point order (made once per
            # unit, for every pair it is in): by count, ties by the bigram itself.
            found = sorted(unit.sorted_grams(part), key=self.counts.__getitem__)
            self._ordered[key] = found
        return found


_ALONE = 0xFFFFFFFF
"""The low half of a lone character's code (no character is numbered this high)."""


def _code(gram: str) -> int:
    """A bigram (or a text's lone character) as one integer: first character high, second low."""
    return ord(gram[0]) << 32 | ord(gram[1]) if len(gram) == 2 else ord(gram) << 32 | _ALONE


def _held(text: str, codes: frozenset[int]) -> set[int]:
    """The members of ``codes`` among the bigrams of ``text`` (the codes of :func:`_code`).

    Half the cost of building the text's bigram set: the text as 32-bit big-endian code
    points, read as 64-bit integers from offset 0 and from offset 1 character, is every
    bigram's code, made and looked up in C."""
    if len(text) < 2:
        return {_code(text)} & codes if text else set()
    data = text.encode("utf-32-be", "surrogatepass")
    even, odd = array("Q"), array("Q")
    even.frombytes(data[: len(data) // 8 * 8])
    odd.frombytes(data[4 : 4 + (len(data) - 4) // 8 * 8])
    if sys.byteorder == "little":
        even.byteswap()
        odd.byteswap()
    return codes.intersection(even) | codes.intersection(odd)


def _prefix_length(size: int, overlap_share: float) -> int:
    """How many rarest bigrams must be indexed so that sets sharing
    ``overlap_share`` of this one's bigrams are sure to meet in the prefixes."""
    return size - ceil(overlap_share * size - _EPS) + 1


EXTRA_HITS = 10
"""Prefixes are indexed this many bigrams past the minimum (each step is one more
rare bigram a true pair is sure to share, AllPairs' argument again), so that a
pair must meet that many times (or, for a small set, once per bigram it must
share): most chance meetings are dropped before any set is compared.  At the
floor of the reports (0.25) the prefix is already ~85 % of a set, so indexing more
costs little, while 3 meetings let through pairs scoring under 0.1 — 189,000 of the
197,000 scored in the history of the 50 reports; 10 cuts that history's CPU by a
fifth with the same result (16 gains nothing more)."""


def _extended(size: int, overlap_share: float) -> tuple[int, int]:
    """(prefix length, hits required): a set whose overlap with this one reaches
    ``overlap_share`` of its bigrams has its first ``EXTRA_HITS`` (or all) shared
    bigrams within the first ``size - overlap + EXTRA_HITS`` of this one's order."""
    minimum = _prefix_length(size, overlap_share)
    length = min(size, minimum - 1 + EXTRA_HITS)
    return length, length - minimum + 1


def _dice_to_share(t: float) -> float:
    """Dice ≥ t implies sharing at least t/(2-t) of each set's bigrams (Jaccard bound)."""
    return t / (2 - t) if t < 2 else 1.0


STOP_GRAM = 256
"""A bigram found in more units than this is a stop-gram: it is never an index key.

On real text the rarest-first prefixes hold rare bigrams (a work report's stay under 50 units
a bigram; only a few one-line articles of 刑法 reach common ones, up to 766 units), and the
reports of 11 corpus pairs — 刑法, 立法法, 公司法, 突发事件应对法, 行政复议法, work reports
and congress reports — are byte for byte the same with and without the cap.  On a text
written with a small vocabulary (80 common words) every bigram is in most units, each
probe would meet every unit and the alignment would turn quadratic.  A unit's stop-grams
are left out of its prefix and of the meetings it must have: the pairs it can still meet
through rarer bigrams are found, the rest are left to the exact-text phases."""


def _index_keys(ordered: list[str], length: int, counts: Counter[str], prints: Fingerprints) -> list[str]:
    """The first ``length`` of a unit's ordered bigrams that are not stop-grams (:data:`STOP_GRAM`).

    Ordered rarest first, a unit's stop-grams are the tail of its order: where ``counts`` is the
    count the order was made with, a binary search finds where they begin and the keys are one
    slice, instead of a lookup per bigram (most of the candidate search's own time)."""
    if counts is prints.counts:
        return ordered[: min(length, bisect_right(ordered, STOP_GRAM, key=counts.__getitem__))]
    return [gram for gram in ordered[:length] if counts[gram] <= STOP_GRAM]  # counted again since


def _prefix_pairs(old: dict[tuple, Unit], new: dict[tuple, Unit], t: float, prints: Fingerprints,
                  part: str = "all") -> set[tuple[tuple, tuple]]:
    """Keys (old, new) of every pair of non-empty sets whose Dice similarity may reach ``t``
    (meeting in bigrams that are not stop-grams, :data:`STOP_GRAM`)."""
    share = _dice_to_share(max(t, 0.0))
    counts = prints.counts
    index: dict[str, list[tuple]] = defaultdict(list)
    need_new: dict[tuple, int] = {}
    for key, unit in new.items():
        grams = prints.ordered(unit, part)
        length, need = _extended(len(grams), share)
        keys = _index_keys(grams, length, counts, prints)
        need_new[key] = max(1, need - (length - len(keys)))
        for gram in keys:
            index[gram].append(key)
    found: set[tuple[tuple, tuple]] = set()
    indexed = index.keys()
    for key, unit in old.items():
        grams = prints.ordered(unit, part)
        length, need = _extended(len(grams), share)
        keys = set(_index_keys(grams, length, counts, prints))
        need = max(1, need - (length - len(keys)))
        # The first min(need, need_new) shared bigrams lie in both prefixes: count meetings in C.
        hits = Counter(chain.from_iterable(map(index.__getitem__, indexed & keys)))
        found.update((key, other) for other, count in hits.items() if count >= min(need, need_new[other]))
    return found


def signature(unit: Unit) -> tuple:
    """What makes two units one text to the search: looked up (and scored) once."""
    return (unit.family, unit.norm, unit.title_norm)


def similar_pairs(old: list[Unit], new: list[Unit], threshold: float,
                  prints: Fingerprints | None = None) -> list[tuple[Unit, Unit, float]]:
    """(old, new, score) of one family with ``pair_score`` ≥ ``threshold``.

    Candidates: the whole texts through the prefix index at ``threshold`` (every
    pair whose Dice reaches it: exact), and the leads through a second one at
    ``LEAD_NEAR`` (a lead-and-body pair scoring on its lead: every pair whose leads
    are that alike).  Scores are computed once per distinct pair of texts.
    """
    by_sig_old: dict[tuple, list[Unit]] = defaultdict(list)
    by_sig_new: dict[tuple, list[Unit]] = defaultdict(list)
    for unit in old:
        by_sig_old[signature(unit)].append(unit)
    for unit in new:
        by_sig_new[signature(unit)].append(unit)
    prints = prints or Fingerprints(old + new)
    whole_old = {sig: units[0] for sig, units in by_sig_old.items() if units[0].grams}
    whole_new = {sig: units[0] for sig, units in by_sig_new.items() if units[0].grams}
    keys = _prefix_pairs(whole_old, whole_new, threshold, prints)
    lead_old = {sig: u for sig, u in whole_old.items() if u.body_norm and u.title_grams}
    lead_new = {sig: u for sig, u in whole_new.items() if u.body_norm and u.title_grams}
    if lead_old and lead_new:
        keys |= _prefix_pairs(lead_old, lead_new, max(LEAD_NEAR, 2 * threshold - 1), prints, "title")
    scored = []
    for sig_a, sig_b in keys:
        if sig_a[0] != sig_b[0]:
            continue
        first_a, first_b = by_sig_old[sig_a][0], by_sig_new[sig_b][0]
        if score_bound(first_a, first_b) + _EPS < threshold:
            continue  # cannot reach it: no sets intersected
        score = pair_score(first_a, first_b)
        if score + _EPS < threshold or score <= 0:
            continue
        scored.append((first_a.index, first_b.index, sig_a, sig_b, score))
    out: list[tuple[Unit, Unit, float]] = []
    for _, _, sig_a, sig_b, score in sorted(scored, key=lambda row: row[:2]):
        for a in by_sig_old[sig_a]:
            for b in by_sig_new[sig_b]:
                out.append((a, b, score))
    return out


def containers(pieces: list[Unit], wholes: list[Unit], share: float,
               prints: Fingerprints | None = None) -> dict[int, list[list[Unit]]]:
    """For each piece (by index), the wholes of its family holding ≥ ``share`` of its bigrams,
    as groups of wholes with the same text (in document order; shared, not copied).

    Pieces are indexed by their rarest bigrams (a prefix long enough that any
    whole holding ``share`` of them must contain one); each whole probes with all
    of its bigrams.  Wholes with the same text probe once.
    """
    if not pieces or not wholes:
        return {}
    prints = prints or Fingerprints(pieces + wholes)
    # Pieces with the same text are one entry (k), so repeated content probes once.
    texts: dict[tuple[str, str], list[Unit]] = defaultdict(list)
    for piece in pieces:
        if piece.grams:
            texts[(piece.family, piece.norm)].append(piece)
    groups = list(texts.values())
    index: dict[str, list[int]] = defaultdict(list)
    need: list[int] = []
    for k, same in enumerate(groups):
        piece = same[0]
        length, hits_needed = _extended(len(piece.grams), share)
        keys = _index_keys(prints.ordered(piece), length, prints.counts, prints)
        if len(keys) < length:  # a stop-gram is no key (see STOP_GRAM): one meeting fewer to ask for each
            hits_needed = max(1, hits_needed - (length - len(keys)))
        need.append(hits_needed)
        for gram in keys:
            index[gram].append(k)
    indexed = index.keys()
    found: dict[int, list[list[Unit]]] = defaultdict(list)
    by_text: dict[tuple[str, str], list[Unit]] = defaultdict(list)
    for whole in wholes:
        by_text[(whole.family, whole.norm)].append(whole)
    for (family, _), same in by_text.items():
        grams = same[0].grams
        # Candidate collection in C: the bigrams that index something, their postings, counted;
        # a piece this whole holds enough of meets it at least ``need`` times.
        for k, count in Counter(chain.from_iterable(map(index.__getitem__, grams & indexed))).items():
            if count < need[k]:
                continue
            group = groups[k]
            piece = group[0]
            if piece.family == family and len(piece.grams & grams) >= share * len(piece.grams) - _EPS:
                for member in group:
                    found[member.index].append(same)
    return found
