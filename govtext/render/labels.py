"""What each row of the outline says: one label builder per node type, no rendering library.

A row is a head (number, title) and an optional tail (kind, counts) made of
``(text, style name)`` parts joined by single spaces; the Rich tree
(:mod:`govtext.render.tree`) and the plain-text tree (:mod:`govtext.render.plain`)
draw the same rows, so piped output needs no Rich and still reads the same.
All input text passes :func:`govtext.escape.visible`: a control sequence in a
document is shown, never obeyed by the terminal.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import NamedTuple

from govtext import model
from govtext.escape import is_safe, visible

Part = tuple[str, str]
"""Text and the theme's style name for it."""

_WRAP = r"[ \t\u3000]*\r?\n[ \t\u3000]*"  # compiled (re's cache) when a first sentence is wrapped
KIND_NAMES = {model.SYSTEM: "体制 system", model.METHOD: "方式 method", model.TIER: "层级 tier"}
_CONTAINERS_SHOWN = {
    model.HEADER, model.SECTION, model.ITEM, model.PARAGRAPH, model.ENUMERATION, model.BOOK,
    model.CHAPTER, model.ARTICLE, model.CLAUSE, model.POINT, model.SUBPOINT, model.APPENDIX,
}
_SENTENCE_STYLE = {model.LEAD: "govtext.item", model.MEASURE: "govtext.measure", model.STATEMENT: "govtext.statement"}


class Row(NamedTuple):
    """One line of the tree (a tuple: thousands are made for a long law, and cheaply)."""

    head: tuple[Part, ...]
    """Number and title: cut with an ellipsis first when the line is too long."""

    tail: tuple[Part, ...] | None = None
    """Kind and counts, kept whole when the head is cut; None when there are none."""


class Entry(NamedTuple):
    """A row and the rows nested under it."""

    row: Row
    children: tuple["Entry", ...] = ()


_COUNTED = (model.MEASURE, model.STATEMENT, model.ARTICLE)


class _Context:
    """The document and, per node, what labels summarise about its subtree, found in one pass
    (counting by walking each node's subtree made a long law's tree quadratic)."""

    def __init__(self, doc: model.Document) -> None:
        self.doc = doc
        # (measures, statements, articles, first sentence) by node object: ids need not be
        # unique when a law numbers two articles alike.
        self._stats: dict[int, tuple[int, int, int, str | None]] = {}
        self._visit(doc.root)

    def _visit(self, node: model.Node) -> tuple[int, int, int, str | None]:
        measures, statements, articles = 0, 0, int(node.type == model.ARTICLE)
        first = None
        for child in node.children:
            kind = child.type
            if kind in model.LEAF_TYPES:
                # Leaves are most of a law's nodes and never labelled: counted here, not visited.
                if kind == model.MEASURE:
                    measures += 1
                elif kind == model.STATEMENT:
                    statements += 1
                if first is None and kind in model.SENTENCE_TYPES:
                    first = child.text or ""
                continue
            m, s, a, f = self._visit(child)
            measures += m
            statements += s
            articles += a
            if first is None:
                first = f
        stats = self._stats[id(node)] = (measures, statements, articles, first)
        return stats

    def count(self, node: model.Node, type_: str) -> int:
        """Nodes of ``type_`` (measure, statement or article) in ``node``'s subtree, itself included."""
        return self._stats[id(node)][_COUNTED.index(type_)]

    def first_sentence(self, node: model.Node) -> str:
        """The first sentence leaf beneath ``node``, on one line; '' if none."""
        first = self._stats[id(node)][3]
        return _clean(first) if first else ""


def _clean(text: str) -> str:
    """One line for display: a wrapped line break vanishes, other whitespace runs become one space."""
    if "\n" in text:
        text = re.sub(_WRAP, "", text)
    return " ".join(text.split())


def _parts(*parts: Part | None) -> tuple[Part, ...]:
    return tuple(part for part in parts if part and part[0])  # escaped, if need be, by outline()


def _line(*parts: Part | None) -> Row:
    return Row(_parts(*parts))


def _labelled(head: list, tail: list) -> Row:
    tail_parts = _parts(*tail)
    return Row(_parts(*head), tail_parts or None)


def _kind(node: model.Node) -> Part | None:
    if node.kind is None:
        return None
    return f"‹{KIND_NAMES.get(node.kind, node.kind)}›", f"govtext.kind.{node.kind}"


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def _counts(node: model.Node, ctx: _Context) -> Part:
    measures, statements = ctx.count(node, model.MEASURE), ctx.count(node, model.STATEMENT)
    return f"· {_plural(measures, 'measure')}, {_plural(statements, 'statement')}", "govtext.count"


def _document(node: model.Node, ctx: _Context) -> Row:
    doc = ctx.doc
    name = doc.source.path or "bundled sample"
    return _line((name, "govtext.document"), (f"({doc.genre}, {doc.source.chars} characters)", "govtext.count"))


def _header(node: model.Node, ctx: _Context) -> Row:
    return _line(("header", "govtext.header"), (_clean(node.title or ""), "govtext.header"))


def _section(node: model.Node, ctx: _Context) -> Row:
    if ctx.doc.genre == "law":
        return _law_unit(node, ctx)
    items = sum(1 for c in node.children if c.type == model.ITEM)
    return _labelled(
        [(node.number or "", "govtext.number"), (_clean(node.title or ""), "govtext.section")],
        [_kind(node), (f"· {_plural(items, 'item')}" if items else "", "govtext.count")],
    )


def _item(node: model.Node, ctx: _Context) -> Row:
    return _labelled(
        [(node.number or "", "govtext.number"), (_clean(node.title or ""), "govtext.item")],
        [_kind(node), (f"· {_plural(ctx.count(node, model.MEASURE), 'measure')}", "govtext.count")],
    )


def _paragraph(node: model.Node, ctx: _Context) -> Row:
    return _line((node.number or "", "govtext.number"), ("¶", "govtext.paragraph"), _counts(node, ctx),
                 (ctx.first_sentence(node), "govtext.paragraph"))


def _enumeration(node: model.Node, ctx: _Context) -> Row:
    return _line((node.number or "", "govtext.enumeration"), (_clean(node.title or ""), "govtext.enumeration"))


def _law_unit(node: model.Node, ctx: _Context) -> Row:
    articles = ctx.count(node, model.ARTICLE)
    return _labelled(
        [(node.number or "", "govtext.number"), (_clean(node.title or ""), "govtext.law")],
        [_kind(node), (f"· {_plural(articles, 'article')}" if articles else "", "govtext.count")],
    )


def _article(node: model.Node, ctx: _Context) -> Row:
    clauses = sum(1 for c in node.children if c.type == model.CLAUSE)
    return _line((node.number or "", "govtext.article"), (f"· {clauses} 款" if clauses > 1 else "", "govtext.count"),
                 (ctx.first_sentence(node), "govtext.clause"))


def _fragment(node: model.Node, ctx: _Context) -> Row:
    return _line((node.number or "", "govtext.number"), (ctx.first_sentence(node), "govtext.point"))


def _appendix(node: model.Node, ctx: _Context) -> Row:
    return _line((_clean(node.title or ""), "govtext.law"))


LABELS: dict[str, Callable[[model.Node, _Context], Row]] = {
    model.DOCUMENT: _document,
    model.HEADER: _header,
    model.SECTION: _section,
    model.ITEM: _item,
    model.PARAGRAPH: _paragraph,
    model.ENUMERATION: _enumeration,
    model.BOOK: _law_unit,
    model.CHAPTER: _law_unit,
    model.ARTICLE: _article,
    model.CLAUSE: _fragment,
    model.POINT: _fragment,
    model.SUBPOINT: _fragment,
    model.APPENDIX: _appendix,
}


def outline(doc: model.Document, depth: int | None = None, sentences: bool = False) -> Entry:
    """The rows of ``doc`` down to ``depth`` levels (None: all), sentences listed if asked."""
    ctx = _Context(doc)
    top = Entry(LABELS[model.DOCUMENT](doc.root, ctx), _children(doc.root, ctx, 1, depth, sentences))
    # One check over every part rather than one per part: a document hardly ever holds a
    # control character, and then nothing is rebuilt.
    return top if is_safe(" ".join(part_texts(top))) else _escaped(top)


def part_texts(top: Entry) -> list[str]:
    """The text of every part of every row under ``top``."""
    stack, texts = [top], []
    while stack:
        entry = stack.pop()
        texts.extend(text for text, _ in entry.row.head)
        texts.extend(text for text, _ in entry.row.tail or ())
        stack.extend(entry.children)
    return texts


def _escaped(entry: Entry) -> Entry:
    head, tail = entry.row
    row = Row(tuple((visible(t), s) for t, s in head), tuple((visible(t), s) for t, s in tail) if tail else tail)
    return Entry(row, tuple(_escaped(child) for child in entry.children))


def _children(node: model.Node, ctx: _Context, level: int, depth: int | None, sentences: bool) -> tuple[Entry, ...]:
    if depth is not None and level > depth:
        return ()
    entries: list[Entry] = []
    lone_clause = sum(1 for c in node.children if c.type == model.CLAUSE) == 1
    for child in node.children:
        if child.type == model.CLAUSE and lone_clause:
            # An article of one 款: the article's row already shows it; list its 项 directly.
            entries.extend(_children(child, ctx, level, depth, sentences))
        elif child.type in _CONTAINERS_SHOWN:
            entries.append(Entry(LABELS[child.type](child, ctx), _children(child, ctx, level + 1, depth, sentences)))
        elif sentences and child.type in _SENTENCE_STYLE:
            entries.append(Entry(_line((child.type, _SENTENCE_STYLE[child.type]), (_clean(child.text or ""), ""))))
    return tuple(entries)
