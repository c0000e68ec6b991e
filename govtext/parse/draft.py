"""Mutable drafts the parsers build, frozen once into the immutable model.

Freezing assigns the stable ids (parent id / prefix + ordinal among siblings of
the same prefix), computes container spans from their children and merges
neighbouring blank leaves, so parsers need not track any of that.
"""

from __future__ import annotations

import sys

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
            self.children.append(leaf_draft(type_, start, end))

    def is_empty(self) -> bool:
        return self.span is None and not self.children


def leaf_draft(type_: str, start: int, end: int) -> Draft:
    """A leaf draft; its ``children`` is the shared empty tuple, not a list of its own
    (a leaf never gets children, and a large text has hundreds of thousands of leaves)."""
    return Draft(type_, span=(start, end), children=())


def freeze(draft: Draft, text: str, node_id: str = "doc", _last: list | None = None,
           _parent: str | None = None) -> model.Node:
    # ``_last`` holds the previous leaf's end offset: leaves tile the text, so each
    # leaf's start is that same int, and sharing the object rather than keeping an
    # equal copy saves an int (32 bytes) per leaf on a large text.
    if _last is None:
        _last = [None]
    if draft.span is not None:
        start, end = draft.span
        if start == _last[0]:
            start = _last[0]
        _last[0] = end
        # A leaf keeps its parent's id (shared) and its own last step (interned: m1, b2 …
        # recur everywhere) instead of a full id string of its own.
        return model.leaf(sys.intern(node_id), draft.type, (start, end), text, _parent)
    children: list[model.Node] = []
    counters: dict[str, int] = {}
    pending = _merge_blanks(c for c in draft.children if not c.is_empty())
    # Drafts are released as they are frozen, so the draft tree and the model never
    # both exist whole: on a large text that halves the parser's peak memory.
    draft.children = []
    pending.reverse()
    while pending:
        child = pending.pop()
        prefix = _PREFIX[child.type]
        counters[prefix] = counters.get(prefix, 0) + 1
        if child.span is not None:
            children.append(freeze(child, text, f"{prefix}{counters[prefix]}", _last,
                                   None if node_id == "doc" else node_id))
        else:
            child_id = f"{prefix}{counters[prefix]}" if node_id == "doc" else f"{node_id}/{prefix}{counters[prefix]}"
            children.append(freeze(child, text, child_id, _last))
        del child
    span = (children[0].span[0], children[-1].span[1]) if children else (0, 0)
    return model.Node(
        node_id, draft.type, span, kind=draft.kind, number=draft.number,
        title=draft.title, level=draft.level, children=tuple(children),
    )


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
