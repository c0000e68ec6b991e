"""Pairing numbered policy units by topic: what a reader pairs when the wording is new.

A work report or a 一号文件 rewrites its body every year while the tasks carry on:
2024 四是强化生态环境保护治理 → 2025 六是持续加强生态环境保护 share a fifth of their
character bigrams, yet a reader pairs them at once from the lead clause and from the
topic words (生态环境, 绿色, 降碳), not from 加强/推进/坚持.  This module scores such
pairs from words weighted by how rare they are in the two documents (an IDF over all
the units of both versions: a word found in most units weighs nothing), with three
signals, each a number in 0..1:

- ``whole``: cosine of the units' word vectors (sublinear counts times rarity);
- ``lead``: the same on the lead clause (or heading) alone;
- ``contain``: the share of the smaller unit's distinctive weight the other holds,
  what a merge or a split looks like.

Only units of one numbering series style meet (（一） with （一）, 一是 with 一要, —— with
——, 一、 with 一、), and context decides between look-alikes: a pair whose parents are
paired with each other is lifted, one whose parents went elsewhere (last year's review
against this year's tasks) is damped.  Candidates come from an inverted index over the
rarer words; a word in more than ``POSTING_CAP`` units is never a key, so the cost stays
near-linear whatever the vocabulary.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Callable, Iterable

from govtext.diff.normalize import normalize
from govtext.diff.units import HEADING_FAMILY, Unit
from govtext.numerals import CN_DIGITS

Tokenize = Callable[[str], list[tuple[str, int, int]]]

TOPIC_THRESHOLD = 0.4
"""Least :func:`TopicIndex.score` (context included) for a leftover pair to be paired by topic."""

TOPIC_PART = 0.3
"""Least :func:`TopicIndex.score`, lifted by its paired parents (a part never crosses into
another role), for a leftover unit to join a pair as one more part of a split or merge."""

PART_LEAD_HELD = 0.25
"""Least share of a part's lead-clause weight the whole must hold (:meth:`TopicIndex.lead_held`):
a reader sees the topic of 2024 二是依靠创新引领产业升级 in 2025 三是大力推动创新驱动发展 (0.32); 2018
三是抓好决胜全面建成小康社会三大攻坚战 is nowhere in 2019 三要处理好政府与市场的关系 (0.05)."""

PART_MARGIN = 0.05
"""How much more of its whole's distinctive weight a piece must bring than it brings any other
whole (see :meth:`TopicIndex.held`) to be read as that whole's part."""

CONTEXT_LIFT = 0.15
"""Added when the two units' parents are paired with each other."""

CONTEXT_DAMP = 0.85
"""Factor applied when the parents are paired, but not with each other (another role)."""

POSTING_CAP = 64
"""A word found in more units than this never proposes a candidate (it may still score one)."""

_NUMERAL = re.compile(rf"[{CN_DIGITS}\d]+")
_CJK = re.compile(r"[\u4e00-\u9fff]+")
_FUNCTION_CHARS = frozenset("的了和与及或并而是在以为对把将被等之其所从向于由也都就又不有着到")
"""Characters that stand alone as grammar, not as a piece of an unknown word: a run of
single characters is broken at them before it is read by bigrams (以严的基调 gives no 严的)."""
_ENUM_STYLES = frozenset({"N是", "N要", "N方面", "第N", "第N,", "第N、"})


def series_style(number: str | None) -> str | None:
    """The numbering series a number belongs to, numerals folded: （三） → （N）, 四是 and
    二要 → enumeration, —— → dash.  None for unnumbered units."""
    number = normalize(number or "").strip()
    if not number:
        return None
    if number.strip("—-") == "":
        return "dash"
    style = _NUMERAL.sub("N", number)
    return "enumeration" if style in _ENUM_STYLES else style


@dataclass(slots=True)
class _Words:
    vector: dict[str, float]
    norm: float
    lead: dict[str, float]
    lead_norm: float
    mass: float
    """Sum of the distinct words' rarity: the unit's distinctive content."""


class TopicIndex:
    """Word vectors of the numbered units of two versions, and their pair scores."""

    def __init__(self, old: list[Unit], new: list[Unit], tokenize: Tokenize, pairs_by_topic: bool = True):
        self.pairs_by_topic = pairs_by_topic
        """Policy texts: pair leftovers by topic.  Laws (False): only read merges and splits
        from content; their one-to-one pairs stay the exact wording alignment's."""
        self._tokenize = tokenize
        self._old, self._new = old, new
        self._style_old = {u.index: series_style(u.number) for u in old}
        self._style_new = {u.index: series_style(u.number) for u in new}
        self._built = False
        self._directives: frozenset[str] | None = None
        self._generic_words: dict[str, bool] = {}
        self._index_keys: list[dict | None] = [None, None]

    def _build(self) -> None:
        """Words and vectors, on first use: an alignment that leaves no numbered unit over
        (identical versions, an amended law) never segments a word."""
        if self._built:
            return
        self._built = True
        old, new = self._old, self._new
        # Each unit's text is segmented once; a section's words are its heading's and those of
        # every unit under it (a section is compared by what it holds).
        own_old = [self._own(u) for u in old]
        own_new = [self._own(u) for u in new]
        # Rarity over every unit of both versions: a word in most of them is no topic.
        df: Counter[str] = Counter()
        for bag, _ in (*own_old, *own_new):
            df.update(bag.keys())
        total = len(own_old) + len(own_new)
        self.idf = {w: math.log((total + 1) / (n + 0.5)) for w, n in df.items()}
        self.df = df
        self._words_old = self._vectors(old, own_old, self._style_old)
        self._words_new = self._vectors(new, own_new, self._style_new)

    # --- words ---------------------------------------------------------------------
    def _own(self, unit: Unit) -> tuple[Counter[str], set[str]]:
        """(words of the unit's own text, words of its lead clause), numbering left out.

        Kept on the unit with the tokenizer that made them (read-only from here on: the
        vectors copy them), so a unit diffed twice — a version between two pairs of a
        history — is segmented once."""
        cached = unit.topic_words
        if cached is not None and cached[0] == self._tokenize:
            return cached[1]
        if unit.family == HEADING_FAMILY:
            words = self._words(unit.title_norm)
            own = Counter(w for w, _ in words), {w for w, _ in words}
        else:
            lead = unit.title_norm or _first_clause(unit.body_norm)
            words = self._words(unit.title_norm + unit.body_norm)
            own = Counter(w for w, _ in words), {w for w, end in words if end <= len(lead)}
        unit.topic_words = (self._tokenize, own)
        return own

    def _words(self, text: str) -> list[tuple[str, int]]:
        """Content words (two characters or more, not numerals) with their end offsets.  The
        tokenizer gives the shorter dictionary words inside a long one, as a search engine
        indexes it (a reader sees 粮食 in 粮食安全, 治理 in a protected 完善社会治理体系);
        a run of characters the dictionary cuts one by one is read by its bigrams, so the
        jargon no dictionary holds still meets itself (正风肃纪, 放管服)."""
        out: list[tuple[str, int]] = []
        append = out.append
        run: list[tuple[str, int]] = []
        cjk, numeral, grammar = _CJK.search, _NUMERAL.fullmatch, _FUNCTION_CHARS
        for w, _, end in self._tokenize(text):
            if len(w) == 1:
                if "\u4e00" <= w <= "\u9fff" and w not in grammar:
                    run.append((w, end))
                    continue
            elif cjk(w) and not numeral(w):
                if len(run) >= 2:
                    out.extend([(a + b, b_end) for (a, _), (b, b_end) in zip(run, run[1:])])
                run = []
                append((w, end))
                continue
            if run:
                if len(run) >= 2:
                    out.extend([(a + b, b_end) for (a, _), (b, b_end) in zip(run, run[1:])])
                run = []
        if len(run) >= 2:
            out.extend([(a + b, b_end) for (a, _), (b, b_end) in zip(run, run[1:])])
        return out

    def _vectors(self, units: list[Unit], own: list[tuple[Counter[str], set[str]]],
                 styles: dict[int, str | None]) -> dict[int, _Words]:
        idf = self.idf
        out = {}
        for index, weights in self._weights(units, own, styles).items():
            vector = {w: tf * idf[w] for w, tf in weights.items()}
            lead = {w: idf[w] for w in own[index][1]}
            out[index] = _Words(vector, _norm(vector), lead, _norm(lead), sum(idf[w] for w in weights))
        return out

    def _weights(self, units: list[Unit], own: list[tuple[Counter[str], set[str]]],
                 styles: dict[int, str | None]) -> dict[int, dict[str, float]]:
        """Each numbered unit's words, with the words of the units under it (a section's items,
        an item's enumerations), as sublinear counts ``1 + log n``.  They depend on one version
        alone, so they are kept on the units (read-only) for the version's other pair."""
        tokenize = self._tokenize
        numbered = [u for u in units if styles[u.index]]
        if all(u.topic_weights is not None and u.topic_weights[0] == tokenize for u in numbered):
            return {u.index: u.topic_weights[1] for u in numbered}
        bags = {u.index: Counter(own[u.index][0]) for u in numbered}
        heads = {u.node.id: u.index for u in numbered}
        if heads:
            for unit in units:
                node_id = unit.node.id
                while "/" in node_id:
                    node_id = node_id.rsplit("/", 1)[0]
                    head = heads.get(node_id)
                    if head is not None and head != unit.index:
                        bags[head].update(own[unit.index][0])
        out = {}
        for unit in numbered:
            weights = {w: 1 + math.log(n) for w, n in bags[unit.index].items()}
            unit.topic_weights = (tokenize, weights)
            out[unit.index] = weights
        return out

    # --- scores --------------------------------------------------------------------
    def signals(self, a: int, b: int) -> tuple[float, float, float]:
        """(whole, lead, contain) for old unit ``a`` and new unit ``b``."""
        self._build()
        x, y = self._words_old.get(a), self._words_new.get(b)
        if x is None or y is None:
            return 0.0, 0.0, 0.0
        whole = _cosine(x.vector, x.norm, y.vector, y.norm)
        lead = _cosine(x.lead, x.lead_norm, y.lead, y.lead_norm)
        shared = sum(self.idf[w] for w in x.vector.keys() & y.vector.keys())
        smaller = min(x.mass, y.mass)
        contain = shared / smaller if smaller else 0.0
        return whole, lead, contain

    def score(self, a: int, b: int) -> float:
        """Content likeness of a pair, 0..1: the whole text as much as the lead clause,
        whichever view sees more of the topic."""
        whole, lead, contain = self.signals(a, b)
        return max(whole, (whole + lead) / 2, (whole + contain) / 2 * 0.9)

    def held(self, piece: tuple[int, int], whole: tuple[int, int], beside: tuple[int, int] | None = None) -> float:
        """The share of ``piece``'s distinctive weight (its words by rarity) that ``whole``
        holds — and, given ``beside``, that ``beside`` does not hold: what the piece brought.
        Units are (side, index), side 0 old and 1 new."""
        self._build()
        x, y = self._vector_of(*piece), self._vector_of(*whole)
        if x is None or y is None or not x.mass:
            return 0.0
        words = x.vector.keys() & y.vector.keys()
        if beside is not None:
            z = self._vector_of(*beside)
            if z is not None:
                words -= z.vector.keys()
        return sum(self.idf[w] for w in words) / x.mass

    def leads_meet(self, a: int, b: int) -> bool:
        """Whether the two lead clauses share a topic word: one that is no directive verb or
        adverb (推进, 进一步, 大力 — the lexicon's ``directive_starts``)."""
        self._build()
        x, y = self._words_old.get(a), self._words_new.get(b)
        if x is None or y is None:
            return False
        return any(not self._generic(w) for w in x.lead.keys() & y.lead.keys())

    def _generic(self, word: str) -> bool:
        """Whether ``word`` is a directive verb or adverb, two of them (大力推进), or part of one
        (进一 of 进一步); answered once per word."""
        known = self._generic_words.get(word)
        if known is None:
            if self._directives is None:
                from govtext.lexicon import default_lexicon
                self._directives = frozenset(default_lexicon().directive_starts)
            d = self._directives
            known = word in d or any(word[:i] in d and word[i:] in d for i in range(1, len(word))) \
                or any(word in x for x in d if len(x) > len(word))
            self._generic_words[word] = known
        return known

    def lead_held(self, piece: tuple[int, int], whole: tuple[int, int]) -> float:
        """The share of ``piece``'s lead-clause topic weight (its heading's words by rarity,
        directive verbs left out) that ``whole`` holds anywhere: whether a reader sees the
        piece's topic in the whole."""
        self._build()
        x, y = self._vector_of(*piece), self._vector_of(*whole)
        if x is None or y is None:
            return 0.0
        lead = {w: v for w, v in x.lead.items() if not self._generic(w)}
        mass = sum(lead.values())
        if not mass:
            return 1.0
        return sum(v for w, v in lead.items() if w in y.vector) / mass

    def words(self, side: int, index: int) -> int:
        """How many distinct words unit ``index`` of the old (0) or new (1) version holds."""
        self._build()
        found = self._vector_of(side, index)
        return len(found.vector) if found is not None else 0

    def _vector_of(self, side: int, index: int) -> _Words | None:
        return (self._words_old if side == 0 else self._words_new).get(index)

    def style(self, side: int, index: int) -> str | None:
        """The series style of unit ``index`` of the old (0) or new (1) version."""
        return (self._style_old if side == 0 else self._style_new).get(index)

    def same_series(self, a: int, b: int) -> bool:
        style = self._style_old.get(a)
        return style is not None and style == self._style_new.get(b)

    def candidates(self, olds: Iterable[int], news: Iterable[int]) -> set[tuple[int, int]]:
        """Pairs of one series style sharing a word found in at most ``POSTING_CAP`` units."""
        olds, news = list(olds), list(news)
        if not olds or not news:
            return set()
        self._build()
        keys_old, keys_new = self._keys(0), self._keys(1)
        styles_old, styles_new = self._style_old, self._style_new
        # Postings by series style, then by word: units of two styles never meet.
        postings: dict[str | None, dict[str, list[int]]] = {}
        for b in news:
            words = keys_new.get(b)
            if words:
                by_word = postings.get(styles_new[b])
                if by_word is None:
                    by_word = postings[styles_new[b]] = defaultdict(list)
                for w in words:
                    by_word[w].append(b)
        found: set[tuple[int, int]] = set()
        add = found.add
        for a in olds:
            words = keys_old.get(a)
            by_word = postings.get(styles_old[a]) if words else None
            if by_word is None:
                continue
            get = by_word.get
            for w in words:
                for b in get(w, ()):
                    add((a, b))
        return found

    def _keys(self, side: int) -> dict[int, tuple[str, ...]]:
        """Each unit's index keys, its words found in at most ``POSTING_CAP`` units (the unit's
        series style keys the postings), made once: the candidate search runs several times over
        one pair."""
        cached = self._index_keys[side]
        if cached is None:
            words = self._words_old if side == 0 else self._words_new
            common = {w for w, n in self.df.items() if n > POSTING_CAP}
            if common:
                cached = {index: tuple([w for w in found.vector if w not in common]) for index, found in words.items()}
            else:  # the usual case: no word is that common, every word is a key
                cached = {index: tuple(found.vector) for index, found in words.items()}
            self._index_keys[side] = cached
        return cached


def context_weight(score: float, parents_paired: bool | None) -> float:
    """A pair's score with its context: lifted when the parents are paired with each other,
    damped when they are paired elsewhere, as is without paired parents."""
    if parents_paired is None:
        return score
    return score + CONTEXT_LIFT if parents_paired else score * CONTEXT_DAMP


def _first_clause(text: str) -> str:
    for stop in "。；;":
        cut = text.find(stop)
        if cut > 0:
            text = text[:cut]
    return text


def _norm(vector: dict[str, float]) -> float:
    return math.sqrt(sum(v * v for v in vector.values()))


def _cosine(x: dict[str, float], nx: float, y: dict[str, float], ny: float) -> float:
    if not nx or not ny:
        return 0.0
    if len(x) > len(y):
        x, y = y, x
    return sum(v * y[w] for w, v in x.items() if w in y) / (nx * ny)
