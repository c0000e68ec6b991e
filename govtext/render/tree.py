"""The outline as a Rich tree: one label builder per node type, styles from the theme.

Long labels are cut to the terminal width with an ellipsis; Rich measures the
cells, so CJK characters count double, as they display.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from rich.text import Text
from rich.tree import Tree

from govtext import model
from govtext.escape import visible

_WRAP = re.compile(r"[ \t\u3000]*\r?\n[ \t\u3000]*")
KIND_NAMES = {model.SYSTEM: "体制 system", model.METHOD: "方式 method", model.TIER: "层级 tier"}
_CONTAINERS_SHOWN = {
    model.HEADER, model.SECTION, model.ITEM, model.PARAGRAPH, model.ENUMERATION, model.BOOK,
    model.CHAPTER, model.ARTICLE, model.CLAUSE, model.POINT, model.SUBPOINT, model.APPENDIX,
}


def _count(node: model.Node, type_: str) -> int:
    return sum(1 for n in node.walk() if n.type == type_)


def _clean(text: str) -> str:
    """One line for display: a wrapped line break vanishes, other whitespace runs become one space."""
    return " ".join(_WRAP.sub("", text).split())


def _line(*parts: tuple[str, str] | None) -> Text:
    text = Text(no_wrap=True, overflow="ellipsis")
    first = True
    for part in parts:
        if not part or not part[0]:
            continue
        if not first:
            text.append(" ")
        text.append(visible(part[0]), part[1])  # input text: shown, never obeyed by the terminal
        first = False
    return text


class Label:
    """A tree label whose head (number, title) is cut to the width so its tail
    (kind, counts) always shows.  Widths are Rich's cell widths, so CJK counts double."""

    def __init__(self, head: Text, tail: Text) -> None:
        self.head, self.tail = head, tail

    def __rich_console__(self, console, options):
        room = options.max_width - self.tail.cell_len - 1
        head = self.head.copy()
        if head.cell_len > room:
            head.truncate(max(room, 1), overflow="ellipsis")
        yield Text.assemble(head, " ", self.tail, no_wrap=True, overflow="ellipsis")

    def __rich_measure__(self, console, options):
        from rich.measure import Measurement

        width = self.head.cell_len + 1 + self.tail.cell_len
        return Measurement(min(width, self.tail.cell_len + 2), width)


def _labelled(head: list, tail: list) -> Label | Text:
    tail_text = _line(*tail)
    return Label(_line(*head), tail_text) if tail_text.plain else _line(*head)


def _kind(node: model.Node) -> tuple[str, str] | None:
    if node.kind is None:
        return None
    return f"‹{KIND_NAMES.get(node.kind, node.kind)}›", f"govtext.kind.{node.kind}"


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def _counts(node: model.Node) -> tuple[str, str]:
    measures, statements = _count(node, model.MEASURE), _count(node, model.STATEMENT)
    return f"· {_plural(measures, 'measure')}, {_plural(statements, 'statement')}", "govtext.count"


def _first_sentence(node: model.Node) -> str:
    for leaf in node.leaves():
        if leaf.type in model.SENTENCE_TYPES:
            return _clean(leaf.text or "")
    return ""


def _document(node: model.Node, doc: model.Document) -> Text:
    name = doc.source.path or "bundled sample"
    return _line((name, "govtext.document"), (f"({doc.genre}, {doc.source.chars} characters)", "govtext.count"))


def _header(node: model.Node, doc: model.Document) -> Text:
    return _line(("header", "govtext.header"), (_clean(node.title or ""), "govtext.header"))


def _section(node: model.Node, doc: model.Document) -> Text:
    if doc.genre == "law":
        return _law_unit(node, doc)
    items = sum(1 for c in node.children if c.type == model.ITEM)
    return _labelled(
        [(node.number or "", "govtext.number"), (_clean(node.title or ""), "govtext.section")],
        [_kind(node), (f"· {_plural(items, 'item')}" if items else "", "govtext.count")],
    )


def _item(node: model.Node, doc: model.Document) -> Label | Text:
    return _labelled(
        [(node.number or "", "govtext.number"), (_clean(node.title or ""), "govtext.item")],
        [_kind(node), (f"· {_plural(_count(node, model.MEASURE), 'measure')}", "govtext.count")],
    )


def _paragraph(node: model.Node, doc: model.Document) -> Text:
    return _line((node.number or "", "govtext.number"), ("¶", "govtext.paragraph"), _counts(node),
                 (_first_sentence(node), "govtext.paragraph"))


def _enumeration(node: model.Node, doc: model.Document) -> Text:
    return _line((node.number or "", "govtext.enumeration"), (_clean(node.title or ""), "govtext.enumeration"))


def _law_unit(node: model.Node, doc: model.Document) -> Text:
    articles = _count(node, model.ARTICLE)
    return _labelled(
        [(node.number or "", "govtext.number"), (_clean(node.title or ""), "govtext.law")],
        [_kind(node), (f"· {_plural(articles, 'article')}" if articles else "", "govtext.count")],
    )


def _article(node: model.Node, doc: model.Document) -> Text:
    clauses = sum(1 for c in node.children if c.type == model.CLAUSE)
    return _line((node.number or "", "govtext.article"), (f"· {clauses} 款" if clauses > 1 else "", "govtext.count"),
                 (_first_sentence(node), "govtext.clause"))


def _fragment(node: model.Node, doc: model.Document) -> Text:
    return _line((node.number or "", "govtext.number"), (_first_sentence(node), "govtext.point"))


def _appendix(node: model.Node, doc: model.Document) -> Text:
    return _line((_clean(node.title or ""), "govtext.law"))


LABELS: dict[str, Callable[[model.Node, model.Document], Text]] = {
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

_SENTENCE_STYLE = {model.LEAD: "govtext.item", model.MEASURE: "govtext.measure", model.STATEMENT: "govtext.statement"}


def build_tree(doc: model.Document, depth: int | None = None, sentences: bool = False) -> Tree:
    """A Rich Tree of ``doc`` down to ``depth`` levels (None: all), sentences listed if asked."""
    root = Tree(LABELS[model.DOCUMENT](doc.root, doc), guide_style="govtext.count")
    _add_children(root, doc.root, doc, 1, depth, sentences)
    return root


def _add_children(branch: Tree, node: model.Node, doc: model.Document, level: int, depth: int | None, sentences: bool) -> None:
    if depth is not None and level > depth:
        return
    lone_clause = sum(1 for c in node.children if c.type == model.CLAUSE) == 1
    for child in node.children:
        if child.type == model.CLAUSE and lone_clause:
            # An article of one 款: the article's row already shows it; list its 项 directly.
            _add_children(branch, child, doc, level, depth, sentences)
        elif child.type in _CONTAINERS_SHOWN:
            sub = branch.add(LABELS[child.type](child, doc))
            _add_children(sub, child, doc, level + 1, depth, sentences)
        elif sentences and child.type in _SENTENCE_STYLE:
            branch.add(_line((child.type, _SENTENCE_STYLE[child.type]), (_clean(child.text or ""), "")))
