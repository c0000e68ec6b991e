"""Sentences inside a line: where they end, and whether they direct or describe.

A *measure* (举措) directs: it opens with a directive verb or carries a modal
(要, 必须, 应当 …).  A *statement* describes (市域是重大矛盾风险的产生地).  Which
words count is lexicon data; this module only applies it.
"""

from __future__ import annotations

import re

from govtext.lexicon import Lexicon
from govtext.numerals import CN_DIGITS, cn_value
from govtext.parse.numbering import ENUMERATION
from govtext.parse.punct import CLAUSE_BREAKS, CLOSERS, COLONS, FULL_STOPS, SENTENCE_ENDS, WHITESPACE, is_balanced_closer

# A sentence ends at an end mark plus any closing quotes or brackets after it.
_SENTENCE_END = re.compile(rf"[{SENTENCE_ENDS}]+[{CLOSERS}]*")
_FULL_STOP = re.compile(rf"[{FULL_STOPS}]+[{CLOSERS}]*")
_COLON = re.compile(f"[{COLONS}]")
_CLAUSE = re.compile(f"[{CLAUSE_BREAKS}]")
_TRAILING = SENTENCE_ENDS + CLAUSE_BREAKS + WHITESPACE

MAX_OPENING_PHRASE = 10
"""An opening phrase before a directive (当前，/今年，/为此，) is this short at most."""

MAX_LEAD = 50
"""A lead sentence names one measure; a longer first sentence argues or narrates."""

RELAXED_LEAD = 16
"""Beside items already found, a one-clause opening this short is a lead (多措并举稳就业促增收。)."""


def split_sentences(text: str, offset: int = 0) -> list[tuple[int, int]]:
    """Spans (absolute, using ``offset``) of the sentences of a one-line ``text``.

    A colon ends a sentence too when an enumeration (一是/第一，) follows it.
    """
    cuts = {m.end() for m in _SENTENCE_END.finditer(text)}
    for m in _COLON.finditer(text):
        if ENUMERATION.match(text, m.end()):
            cuts.add(m.end())
    spans, start = [], 0
    for cut in sorted(cuts):
        if cut > start:
            spans.append((offset + start, offset + cut))
            start = cut
    if start < len(text):
        spans.append((offset + start, offset + len(text)))
    return spans


def first_sentence(text: str) -> str | None:
    """The first sentence ended by 。！？ (not ；), or None if the text has no such end."""
    m = _FULL_STOP.search(text)
    return text[: m.end()] if m else None


def strip_end(sentence: str) -> str:
    """A sentence without its end punctuation: the form used for titles.

    A closing quote or bracket whose opening mark the sentence holds is part of
    the words (推广“一网通办”。 → 推广“一网通办”); a stray one is punctuation.
    """
    s = sentence
    while s:
        last = s[-1]
        if last in _TRAILING or (last in CLOSERS and not is_balanced_closer(s)):
            s = s[:-1]
        else:
            break
    return s


def first_clause(sentence: str) -> str:
    return _CLAUSE.split(strip_end(sentence), maxsplit=1)[0]


_MASK = "\u25a1"


def _mask(text: str, words: tuple[str, ...]) -> str:
    for word in words:
        if word in text:
            text = text.replace(word, _MASK * len(word))
    return text


class _Openings:
    """A list of openings (205 directive verbs) asked of every sentence whether one begins
    it: only those sharing the sentence's first character are tried (``startswith`` over
    the whole tuple costs 2 us a call)."""

    def __init__(self, words: tuple[str, ...]) -> None:
        self.words = words
        starts: dict[str, list[str]] = {}
        for word in words:
            starts.setdefault(word[:1], []).append(word)
        self._starts = {first: tuple(group) for first, group in starts.items()}

    def start(self, text: str) -> bool:
        if "" in self._starts:  # an empty word begins every text
            return True
        return text.startswith(self._starts.get(text[:1], ()))


_OPENINGS: dict[int, _Openings] = {}


def _openings(words: tuple[str, ...]) -> _Openings:
    """The :class:`_Openings` of a lexicon list, kept by identity (lexicons live long)."""
    found = _OPENINGS.get(id(words))
    if found is None or found.words is not words:
        if len(_OPENINGS) > 64:  # many lexicons made and dropped: start over
            _OPENINGS.clear()
        found = _OPENINGS[id(words)] = _Openings(words)
    return found


def _occurs_outside(text: str, markers: tuple[str, ...], exceptions: tuple[str, ...]) -> bool:
    """Whether a marker (是, 要 …) occurs in ``text`` outside every exception word (但是, 重要 …)."""
    # ``map`` over a bound ``__contains__`` rather than a generator: this runs for every
    # sentence.  Masking keeps lengths and writes only □, so it cannot make a marker
    # appear: a text holding none (most sentences, for 是 and 了) needs no masking.
    if not any(map(text.__contains__, markers)) and _MASK not in "".join(markers):
        return False
    masked = _mask(text, exceptions)
    return any(map(masked.__contains__, markers))


def has_modal(text: str, lex: Lexicon) -> bool:
    return _occurs_outside(text, lex.modals, lex.modal_exceptions)


def is_copular(text: str, lex: Lexicon) -> bool:
    """Whether the first clause is an X是Y description."""
    return _occurs_outside(first_clause(text), lex.copulas, lex.copula_exceptions)


def is_past(text: str, lex: Lexicon) -> bool:
    """Whether the sentence narrates what was done (了 as an aspect marker)."""
    return _occurs_outside(text, lex.past_markers, lex.past_exceptions)


def starts_directive(text: str, lex: Lexicon) -> bool:
    return _openings(lex.directive_starts).start(text)


def is_measure(sentence: str, lex: Lexicon) -> bool:
    """Directive (measure) or descriptive (statement)?"""
    body = strip_end(sentence)
    if not body or is_copular(body, lex):
        return False
    if is_past(body, lex):
        return has_modal(body, lex)
    if starts_directive(body, lex):
        return True
    # An opening phrase (当前，/今年，/为此，) may stand before the directive.
    head, sep, rest = body.partition("，")
    if sep and len(head) <= MAX_OPENING_PHRASE and starts_directive(rest, lex):
        return True
    return has_modal(body, lex)



def lead_of(content: str, lex: Lexicon, relaxed: bool = False) -> str | None:
    """The lead sentence of a paragraph if it reads like one that names a measure.

    A lead opens with a directive verb, is short, is followed by a body, and does
    not argue or describe (no modal, no copula, no 我们/这…): 构建党委领导体制。
    ``relaxed`` (used beside items already found) accepts any short one-clause
    opening instead of requiring a directive verb: 多措并举稳就业促增收。
    """
    first = first_sentence(content)
    if first is None or len(first) >= len(content):
        return None
    if not first.rstrip(CLOSERS).endswith("。"):
        return None  # 各位代表！ and questions address the reader; they name no measure
    core = strip_end(first)
    if not core or len(core) > MAX_LEAD:
        return None
    short = len(core) <= RELAXED_LEAD and not _CLAUSE.search(core)
    if not starts_directive(core, lex) and not (relaxed and short):
        return None
    if has_modal(core, lex) or is_copular(core, lex) or is_past(core, lex):
        return None
    if any(w in core for w in lex.lead_excludes):
        return None
    return first


def enumeration_starts(text: str, sentence_spans: list[tuple[int, int]], offset: int,
                       after: tuple[int, str] | None = None, lone: str | None = None) -> list[tuple[int, str]]:
    """Sentence starts that open an enumeration run 一是, 二是, … (values 1, 2, … in order).

    Returns (absolute offset, marker as written, separator included) pairs; empty
    unless at least 一 and 二 are found.  ``after``: (value, style) of the run the paragraph
    before ended with (三要, 要): a paragraph opening with its next member (四要…) carries the
    run on, however few members it holds (2006: 一要…三要 in one paragraph, 四要…六要 in the next);
    so does one holding no run of its own whose later sentence is that next member (the text
    of 二是 runs on into the paragraph, then 三是…).  ``lone``: a style (是) whose 一 may stand
    alone, because a paragraph after this one opens with 二 of that style (实施积极的财政政策。
    一是…, then 二是… and 三是… at line starts: one run).
    """
    if after is not None and sentence_spans:
        m = ENUMERATION.match(text, sentence_spans[0][0] - offset)
        if m and member(m) == (after[0] + 1, after[1]):
            return _members(text, sentence_spans, offset, after[0] + 1)
    found = _members(text, sentence_spans, offset, 1)
    if len(found) >= 2:
        return found
    if len(found) == 1 and lone is not None and enumeration_style(found[0][1]) == lone:
        return found
    if after is not None:
        carried = _members(text, sentence_spans, offset, after[0] + 1)
        if carried and enumeration_style(carried[0][1]) == after[1]:
            return carried
    return []


def _members(text: str, sentence_spans: list[tuple[int, int]], offset: int, expected: int) -> list[tuple[int, str]]:
    """The sentence starts numbered ``expected``, ``expected`` + 1, … in order."""
    found: list[tuple[int, str]] = []
    for start, _ in sentence_spans:
        m = ENUMERATION.match(text, start - offset)
        if m and member(m)[0] == expected:
            found.append((start, m.group()))
            expected += 1
    return found


def member(m: re.Match) -> tuple[int | None, str]:
    """The (value, style) of an :data:`~govtext.parse.numbering.ENUMERATION` match: 三是 → (3, 是)."""
    return cn_value(m.group("a") or m.group("b") or ""), enumeration_style(m.group())


def enumeration_style(marker: str) -> str:
    """一是 and 三是 → 是, 二要 → 要, 第一， → 第: the members of one run share it."""
    return "第" if marker.startswith("第") else marker.lstrip(CN_DIGITS + "0123456789").rstrip("，,、")


def marker_number(marker: str) -> str:
    """The enumeration number without its separator: 第一， → 第一."""
    return marker.rstrip("，,、")
