"""Mutable drafts the parsers build, frozen once into the immutable model.

Freezing assigns the stable ids (parent id / prefix + ordinal among siblings of
the same prefix), computes container spans from their children and merges
neighbouring blank leaves, so parsers need not track any of that.
"""

from __future__ import annotations

import sys
from typing import NamedTuple

from govtext import model

# Id prefixes per node type: short, readable paths such as s2/i3/m1.
_PREFIX = {
    model.HEADER: "hd", model.SECTION: "s", model.ITEM: "i", model.PARAGRAPH: "p",
    model.ENUMERATION: "e", model.BOOK: "bk", model.CHAPTER: "ch", model.ARTICLE: "a",
    model.CLAUSE: "c", model.POINT: "pt", model.SUBPOINT: "sp", model.APPENDIX: "ax",
    model.HEADING: "h", model.LABEL: "n", model.LEAD: "l", model.MEASURE: "m",
    model.STATEMENT: "st", model.LINE: "ln", model.BLANK: "b",
}


class Draft:
    # A plain class: a dataclass would generate the same __init__ at import time, at a
    # cost on every command's start-up, and drafts are never compared or printed.
    __slots__ = ("type", "kind", "number", "title", "level", "span", "children", "line", "style")

    def __init__(self, type: str, kind: str | None = None, number: str | None = None, title: str | None = None,
                 level: int | None = None, span: tuple[int, int] | None = None,
                 children: list[Draft] | tuple[()] | None = None, line: object = None,
                 style: str | None = None) -> None:
        self.type = type
        self.kind = kind
        self.number = number
        self.title = title
        self.level = level
        self.span = span  # leaves only; containers derive theirs
        self.children = [] if children is None else children  # () on leaves: see leaf_draft
        self.line = line  # a paragraph's Line, kept until items are resolved
        self.style = style  # the numbering style of a numbered unit, while building

    def add(self, child: Draft) -> Draft:
        self.children.append(child)
        return child

    def leaf(self, type_: str, start: int, end: int) -> None:
        if end > start:
            self.children.append(LeafDraft(type_, (start, end)))

class LeafDraft(NamedTuple):
    """A leaf: a type and a span, nothing to fill in later (a tuple: a law has thousands)."""

    type: str
    span: tuple[int, int]

    # What a Draft holds, always empty on a leaf.
    kind = number = title = level = line = style = None
    children = ()


def leaf_draft(type_: str, start: int, end: int) -> LeafDraft:
    return LeafDraft(type_, (start, end))


def freeze(draft: Draft, text: str, node_id: str = "doc") -> model.Node:
    """The model node for ``draft`` (``node_id`` its id) and everything beneath it."""
    if draft.span is not None:
        return model.leaf(node_id, draft.type, draft.span, text)
    return _container(draft, text, node_id, [None])


def _container(draft: Draft, text: str, node_id: str, last: list) -> model.Node:
    # ``last`` holds the previous leaf's end offset: leaves tile the text, so each
    # leaf's start is that same int, and sharing the object rather than keeping an
    # equal copy saves an int (32 bytes) per leaf on a large text.
    children: list[model.Node] = []
    counters: dict[str, int] = {}
    # Leaves keep their parent's id (shared) and their own last step, interned (m1, b2 …
    # recur everywhere), rather than a full id string each; top-level leaves have no parent.
    leaf_parent = None if node_id == "doc" else node_id
    # Empty containers (no span, no children) leave no node.
    pending = _merge_blanks([c for c in draft.children if c.span is not None or c.children])
    # Drafts are released as they are frozen, so the draft tree and the model never
    # both exist whole: on a large text that halves the parser's peak memory.
    draft.children = []
    pending.reverse()
    while pending:
        child = pending.pop()
        prefix = _PREFIX[child.type]
        n = counters[prefix] = counters.get(prefix, 0) + 1
        span = child.span
        if span is not None:  # leaves, most of the nodes, are made here rather than by a call each
            start, end = span
            if start == last[0]:
                start = last[0]
            last[0] = end
            step = _STEPS.get((prefix, n)) or _step(prefix, n)
            children.append(model.leaf(step, child.type, (start, end), text, leaf_parent))
        else:
            step = f"{prefix}{n}"
            children.append(_container(child, text, step if leaf_parent is None else f"{node_id}/{step}", last))
        del child
    span = (children[0].span[0], children[-1].span[1]) if children else (0, 0)
    return model.Node(
        node_id, draft.type, span, kind=draft.kind, number=draft.number,
        title=draft.title, level=draft.level, children=tuple(children),
    )


_STEPS: dict[tuple[str, int], str] = {}


def _step(prefix: str, n: int) -> str:
    """The interned id step ``prefix`` + ``n`` (b2, m14 …), made once and kept in ``_STEPS``."""
    step = _STEPS[(prefix, n)] = sys.intern(f"{prefix}{n}")
    return step


def _merge_blanks(children):
    merged: list[Draft] = []
    for child in children:
        prev = merged[-1] if merged else None
        if (
            prev is not None and child.type == model.BLANK and prev.type == model.BLANK
            and prev.span[1] == child.span[0]
        ):
            merged[-1] = leaf_draft(model.BLANK, prev.span[0], child.span[1])
        else:
            merged.append(child)
    return merged
