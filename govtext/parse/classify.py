"""Each line classified once into a typed line, by one ordered rule table.

The numbering table (numbering.py) is matched exactly once per line, here; the
builders (policy.py, law.py) and the wrap joiner read the kind, style and number
a line carries and never match numbering again.  Rules are rows of a table per
genre, tried in order, the first that answers wins (as in markdown-it-py's
block rules): a new kind of line is a row, not a new branch in a builder.

Whether a line belongs to the header (title, date, speaker, 题注) depends on
where it stands, not on how it looks, so the builders decide that from the
kinds: the header runs to the first sentence or number (policy) or to the first
编/章/节/条 (law).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

from govtext import model
from govtext.lexicon import Lexicon
from govtext.parse.headings import is_plain_heading
from govtext.parse.lines import Line
from govtext.parse.numbering import ENUMERATION, STYLES, NumberStyle, is_appendix_heading, match_number
from govtext.parse.punct import EXCLAMATIONS, WHITESPACE, has_sentence_end

# Line kinds.
BLANK = "blank"
NUMBERED_HEADING = "numbered-heading"  # 一、总体要求 / 第一章 总则: a number and words, no sentence
NUMBERED_ITEM = "numbered-item"  # （一）着力扩大国内需求。… / 第三条 …: a number and sentences
PLAIN_HEADING = "plain-heading"  # 完善社会治理体制 / 附则: short, no number, no punctuation
INTERJECTION = "interjection"  # 各位代表！ on a line of its own
CLOSING = "closing"  # 让我们…… / 同志们！…… : opens a call or an address to the whole audience
CLOSING_HEADING = "closing-heading"  # 结束语: the closing part, beside the numbered parts
APPENDIX_HEADING = "appendix"  # 附件1 / 附：
BODY = "body"

PLAIN_KINDS = (PLAIN_HEADING, CLOSING_HEADING)
"""Unnumbered headings."""

MAX_INTERJECTION = 12
"""An exclamation line this short (各位代表！, 同志们、朋友们！) addresses the audience."""

MAX_POLICY_HEADING = 30
"""Unnumbered policy headings are short (完善社会治理体制); longer lines are text."""

MAX_LAW_HEADING = 12
"""Unnumbered law headings are a few characters (附则, 总则)."""


class TypedLine(NamedTuple):
    line: Line
    """The physical line (or wrapped lines joined) with its offsets."""
    kind: str
    """One of the kinds above."""
    style: NumberStyle | None = None
    """The numbering style that opens the line, for numbered kinds."""
    number: str | None = None
    """The number as written (（一）, 第三条), for numbered kinds."""

    @property
    def content(self) -> str:
        return self.line.content

    @property
    def is_blank(self) -> bool:
        return self.kind == BLANK

    def rest_start(self, text: str) -> int:
        """Offset of the words after the number and its spacing."""
        pos = self.line.content_start + len(self.number or "")
        while pos < self.line.content_end and text[pos] in WHITESPACE:
            pos += 1
        return pos


class Scanned(NamedTuple):
    """A line with the numbering that opens it, matched once over all styles."""

    line: Line
    style: NumberStyle | None
    number: str | None


def scan(lines: list[Line]) -> list[Scanned]:
    out = []
    for line in lines:
        found = None if line.is_blank else match_number(line.content, STYLES)
        out.append(Scanned(line, *(found or (None, None))))
    return out


def is_law(scanned: list[Scanned]) -> bool:
    """Two 第X条 lines, or one under a 编/章/节 heading, make a law or regulation."""
    articles = headings = 0
    for s in scanned:
        unit = s.style.law_unit if s.style and s.style.genre != "policy" else None
        if unit == model.ARTICLE:
            articles += 1
        elif unit in (model.BOOK, model.CHAPTER, model.SECTION):
            headings += 1
        if articles >= 2 or (articles and headings):
            return True
    return False


# A rule reads a scanned line (numbering only where the genre uses that style)
# and returns a kind, or None to pass the line to the next rule.
Rule = Callable[[Scanned, Lexicon], "str | None"]


def _blank(s: Scanned, lex: Lexicon) -> str | None:
    return BLANK if s.line.is_blank else None


def _policy_numbered(s: Scanned, lex: Lexicon) -> str | None:
    if s.style is None:
        return None
    return numbered_kind(s.line.content[len(s.number) :])


def _law_numbered(s: Scanned, lex: Lexicon) -> str | None:
    if s.style is None:
        return None
    heading = s.style.law_unit in (model.BOOK, model.CHAPTER, model.SECTION)
    return NUMBERED_HEADING if heading else NUMBERED_ITEM


def _appendix(s: Scanned, lex: Lexicon) -> str | None:
    return APPENDIX_HEADING if is_appendix_heading(s.line.content) else None


def _plain(max_len: int) -> Rule:
    def rule(s: Scanned, lex: Lexicon) -> str | None:
        content = s.line.content
        # 第四、积极稳妥地加快…… continues a 第一、第二、 run: a list member, not a heading.
        if not is_plain_heading(content, max_len) or ENUMERATION.match(content):
            return None
        return CLOSING_HEADING if "".join(content.split()) in lex.closing_headings else PLAIN_HEADING
    return rule


def _interjection(s: Scanned, lex: Lexicon) -> str | None:
    content = s.line.content
    return INTERJECTION if len(content) <= MAX_INTERJECTION and content.endswith(tuple(EXCLAMATIONS)) else None


def _closing(s: Scanned, lex: Lexicon) -> str | None:
    return CLOSING if s.line.content.startswith(lex.closing_openers) else None


def _body(s: Scanned, lex: Lexicon) -> str | None:
    return BODY


POLICY_RULES: tuple[Rule, ...] = (_blank, _policy_numbered, _plain(MAX_POLICY_HEADING), _interjection, _closing, _body)
LAW_RULES: tuple[Rule, ...] = (_blank, _appendix, _law_numbered, _plain(MAX_LAW_HEADING), _body)


def numbered_kind(rest: str) -> str:
    """A numbered policy line is a heading unless a sentence follows its number."""
    return NUMBERED_ITEM if has_sentence_end(rest) else NUMBERED_HEADING


def type_lines(scanned: list[Scanned], genre: str, lex: Lexicon) -> list[TypedLine]:
    rules = LAW_RULES if genre == "law" else POLICY_RULES
    typed = []
    for s in scanned:
        if s.style is not None and s.style.genre not in (genre, "any"):
            s = Scanned(s.line, None, None)  # 第三条 in a policy text, 第一部分 in a law: no number
        for rule in rules:  # the last rule (body) always answers
            kind = rule(s, lex)
            if kind is not None:
                break
        typed.append(TypedLine(s.line, kind, s.style, s.number))
    return typed


def rejoined(first: TypedLine, line: Line) -> TypedLine:
    """``first`` continued by a wrapped line.

    Only policy lines can be continued while typed as headings (a numbered line
    too long for a heading, see wrap.py); joined, they may now hold a sentence.
    """
    kind = first.kind
    if kind == NUMBERED_HEADING:
        kind = numbered_kind(line.content[len(first.number or "") :])
    return first._replace(line=line, kind=kind)
