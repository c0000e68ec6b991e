"""The outline of a law or regulation: 编 章 节 条 款 项 目, header and appendices.

Numbering restarts under each parent (刑法's chapters restart in each 编), so
units nest by rank, never by value.  The lines before the first unit are the
header: the title and the adoption/amendment history (题注).
"""

from __future__ import annotations

from govtext import model
from govtext.lexicon import Lexicon
from govtext.parse import classify as k
from govtext.parse.body import add_sentences, close_line, open_line, skip_space
from govtext.parse.classify import TypedLine
from govtext.parse.draft import Draft
from govtext.parse.lines import Line
from govtext.parse.sentences import first_clause, strip_end
from govtext.parse.wrap import join_wrapped

_ARTICLE_RANK = 5  # articles sit below every heading unit (numbering.py's ranks)


class _LawBuilder:
    def __init__(self, text: str, lex: Lexicon) -> None:
        self.text = text
        self.lex = lex
        self.root = Draft(model.DOCUMENT)
        self.stack: list[Draft] = []  # open book/chapter/section/article
        self.ranks: list[int] = []  # the rank of each open unit
        self.clause: Draft | None = None  # the 款 that 项 lines attach to
        self.point: Draft | None = None  # the 项 that 目 lines attach to
        self.appendix: Draft | None = None

    @property
    def container(self) -> Draft:
        """Where a blank line goes: the innermost unit a later line can still extend.

        An open 项 counts: a 目 after the blank line goes into it, so the blank
        must too, or the 项 would take text after the blank its parent already holds.
        """
        return self.point or self.clause or (self.stack[-1] if self.stack else self.appendix or self.root)

    def close_to(self, rank: int) -> None:
        while self.stack and self.ranks[-1] >= rank:
            self.stack.pop()
            self.ranks.pop()
        self.clause = None
        self.point = None

    def push(self, unit: Draft, rank: int) -> None:
        self.stack.append(unit)
        self.ranks.append(rank)

    def heading(self, line: Line, type_: str, number: str | None, rank: int) -> None:
        self.close_to(rank)
        parent = self.stack[-1] if self.stack else self.root
        rest = line.content[len(number or "") :].strip(" \u3000")
        unit = Draft(type_, number=number, title=rest or None)
        unit.kind = self.lex.kind_of(first_clause(rest)) if rest else None
        if type_ == model.SECTION:
            unit.level = 1 + len(self.stack)
        open_line(unit, line)
        unit.leaf(model.HEADING, line.content_start, line.content_end)
        close_line(unit, line)
        parent.add(unit)
        self.push(unit, rank)

    def numbered_block(self, parent: Draft, type_: str, line: Line, number: str) -> tuple[Draft, int]:
        unit = parent.add(Draft(type_, number=number))
        open_line(unit, line)
        after = line.content_start + len(number)
        unit.leaf(model.LABEL, line.content_start, after)
        rest = skip_space(self.text, after, line.content_end)
        unit.leaf(model.BLANK, after, rest)
        return unit, rest

    def article(self, line: Line, number: str) -> None:
        self.close_to(_ARTICLE_RANK)
        parent = self.stack[-1] if self.stack else self.root
        article, rest = self.numbered_block(parent, model.ARTICLE, line, number)
        self.push(article, _ARTICLE_RANK)
        if rest < line.content_end:
            self.clause = article.add(Draft(model.CLAUSE))
            add_sentences(self.clause, self.text, rest, line.content_end, self.lex)
            close_line(self.clause, line)
        else:
            close_line(article, line)

    def plain_line(self, line: Line) -> None:
        """A new 款 inside an article; elsewhere a paragraph (preambles, appendix text)."""
        self.point = None
        if self.stack and self.stack[-1].type == model.ARTICLE:
            target = self.clause = self.stack[-1].add(Draft(model.CLAUSE))
        else:
            target = (self.stack[-1] if self.stack else self.appendix or self.root).add(Draft(model.PARAGRAPH))
        open_line(target, line)
        add_sentences(target, self.text, line.content_start, line.content_end, self.lex)
        close_line(target, line)


def build_law(text: str, lines: list[TypedLine], lex: Lexicon) -> Draft:
    b = _LawBuilder(text, lex)
    start = _add_header(b.root, lines)
    for t in join_wrapped(text, lines[start:], _is_heading, _opens_unit):
        line = t.line
        unit = t.style.law_unit if t.style else None
        if t.kind == k.BLANK:
            b.container.leaf(model.BLANK, line.start, line.end)
        elif t.kind == k.APPENDIX_HEADING:
            b.close_to(1)
            b.appendix = b.root.add(Draft(model.APPENDIX, title=line.content))
            open_line(b.appendix, line)
            b.appendix.leaf(model.HEADING, line.content_start, line.content_end)
            close_line(b.appendix, line)
        elif t.kind == k.NUMBERED_HEADING:
            b.heading(line, unit, t.number, t.style.rank)
        elif unit == model.ARTICLE:
            b.article(line, t.number)
        elif t.style is not None and t.style.name == "circled" and not b.appendix:
            # A footnote (① 刑法……的施行日期): it annotates the law, not the article above.
            b.close_to(1)
            note, rest = b.numbered_block(b.root, model.PARAGRAPH, line, t.number)
            add_sentences(note, text, rest, line.content_end, lex)
            close_line(note, line)
        elif unit in (model.POINT, model.SUBPOINT) and (b.stack and b.stack[-1].type == model.ARTICLE or b.appendix):
            if b.appendix and not b.stack:
                parent = b.appendix
                type_ = model.POINT
            elif unit == model.SUBPOINT and b.point is not None:
                parent, type_ = b.point, model.SUBPOINT
            else:
                parent, type_ = (b.clause or b.stack[-1]), model.POINT
            node, rest = b.numbered_block(parent, type_, line, t.number)
            add_sentences(node, text, rest, line.content_end, lex)
            close_line(node, line)
            if type_ == model.POINT and not b.appendix:
                b.point = node
        elif t.kind in k.PLAIN_KINDS and not b.appendix:
            # 附则 written without a number closes the books and holds what follows.
            b.heading(line, model.SECTION, None, 1)
        else:
            b.plain_line(line)
    return b.root


def _is_heading(t: TypedLine) -> bool:
    """编/章/节 headings, 附件 and unnumbered headings are never continued."""
    return t.kind in (k.NUMBERED_HEADING, k.APPENDIX_HEADING, *k.PLAIN_KINDS)


def _opens_unit(t: TypedLine) -> bool:
    """Numbered lines and headings never continue a wrapped line."""
    return t.number is not None or _is_heading(t)


def _is_unit(t: TypedLine) -> bool:
    return t.kind == k.NUMBERED_HEADING or (t.style is not None and t.style.law_unit == model.ARTICLE)


def _squeeze(content: str) -> str:
    return "".join(content.split())


def _body_start(lines: list[TypedLine]) -> int:
    """The first 编/章/节/条 line of the body, past a table of contents (目录) if any."""
    first = next((i for i, t in enumerate(lines) if _is_unit(t)), len(lines))
    toc = next((i for i, t in enumerate(lines[:first]) if _squeeze(t.content) == "目录"), None)
    if toc is None:
        return first
    # The body starts where the first heading listed in the contents comes again.
    listed = _squeeze(lines[first].content) if first < len(lines) else None
    again = next((i for i in range(first + 1, len(lines)) if _squeeze(lines[i].content) == listed), None)
    return again if again is not None else first


def _add_header(root: Draft, lines: list[TypedLine]) -> int:
    """Everything before the body: the title, the history lines (题注), a 目录."""
    index = _body_start(lines)
    if index == 0:
        return 0
    header = root.add(Draft(model.HEADER))
    for t in lines[:index]:
        line = t.line
        if t.is_blank:
            header.leaf(model.BLANK, line.start, line.end)
            continue
        open_line(header, line)
        header.leaf(model.LINE, line.content_start, line.content_end)
        close_line(header, line)
        if header.title is None:
            header.title = strip_end(line.content)
    return index
