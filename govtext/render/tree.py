"""The outline as a Rich tree: the rows of :mod:`govtext.render.labels`, styles from the theme.

Long labels are cut to the terminal width with an ellipsis; Rich measures the
cells, so CJK characters count double, as they display.
"""

from __future__ import annotations

from rich.text import Text
from rich.tree import Tree

from govtext import model
from govtext.render.labels import KIND_NAMES, Entry, Part, Row, outline

__all__ = ["KIND_NAMES", "Label", "build_tree"]


def _text(parts: tuple[Part, ...]) -> Text:
    text = Text(no_wrap=True, overflow="ellipsis")
    for k, part in enumerate(parts):
        if k:
            text.append(" ")
        text.append(*part)
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


def _label(row: Row) -> Label | Text:
    return Label(_text(row.head), _text(row.tail)) if row.tail else _text(row.head)


def build_tree(doc: model.Document, depth: int | None = None, sentences: bool = False) -> Tree:
    """A Rich Tree of ``doc`` down to ``depth`` levels (None: all), sentences listed if asked."""
    top = outline(doc, depth, sentences)
    root = Tree(_label(top.row), guide_style="govtext.count")
    _add(root, top)
    return root


def _add(branch: Tree, entry: Entry) -> None:
    for child in entry.children:
        _add(branch.add(_label(child.row)), child)
