"""Filling containers with leaves: line framing, sentences and enumerations.

Shared by the policy and the law parser.
"""

from __future__ import annotations

from govtext import model
from govtext.lexicon import Lexicon
from govtext.parse.draft import Draft
from govtext.parse.lines import WHITESPACE, Line
from govtext.parse.numbering import ENUMERATION
from govtext.parse.sentences import (
    enumeration_starts,
    first_clause,
    is_measure,
    marker_number,
    member,
    split_sentences,
    strip_end,
)


def skip_space(text: str, pos: int, end: int) -> int:
    while pos < end and text[pos] in WHITESPACE:
        pos += 1
    return pos


def open_line(parent: Draft, line: Line) -> None:
    """The indentation before a line's content."""
    parent.leaf(model.BLANK, line.start, line.content_start)


def close_line(parent: Draft, line: Line) -> None:
    """Trailing whitespace and the line break after a line's content."""
    parent.leaf(model.BLANK, line.content_end, line.end)


def add_sentence(parent: Draft, text: str, start: int, end: int, lex: Lexicon) -> None:
    kind = model.MEASURE if is_measure(text[start:end], lex) else model.STATEMENT
    parent.leaf(kind, start, end)


def add_sentences(parent: Draft, text: str, start: int, end: int, lex: Lexicon,
                  after: tuple[int, str] | None = None, lone: str | None = None) -> tuple[int, str] | None:
    """Sentence leaves for ``text[start:end]``; 一是……二是…… runs become enumerations.

    ``after``: the (value, style) of the enumeration run the text before ended with, which a
    text opening with its next member carries on; ``lone``: the style whose 一 may stand alone
    (a later paragraph opens with its 二; see :func:`~govtext.parse.sentences.enumeration_starts`).
    Returns the run's end the same way (None when the text holds no enumeration)."""
    if end <= start:
        return None
    segment = text[start:end]
    spans = split_sentences(segment, start)
    markers = enumeration_starts(segment, spans, start, after, lone)
    if not markers:
        for s, e in spans:
            add_sentence(parent, text, s, e, lex)
        return None
    bounds = [pos for pos, _ in markers] + [end]
    for s, e in spans:
        if s >= bounds[0]:
            break
        add_sentence(parent, text, s, e, lex)
    for (pos, marker), stop in zip(markers, bounds[1:]):
        body_start = pos + len(marker)
        enum = parent.add(Draft(model.ENUMERATION, number=marker_number(marker)))
        enum.leaf(model.LABEL, pos, body_start)
        first = True
        for s, e in spans:
            if s < pos or s >= stop:
                continue
            s = max(s, body_start)
            if first:
                enum.title = strip_end(first_clause(text[s:e])) or None
                first = False
            if e > s:
                add_sentence(enum, text, s, e, lex)
    last = markers[-1][1]
    return member(ENUMERATION.match(last))
