"""A document as the differ sees it: a flat sequence of comparable units.

Structural containers (编, 章, 节, sections, appendices) contribute their
heading as one unit and are then opened; header lines are units one by one;
articles, items, paragraphs and enumerations are units as a whole.  Flattening
lets an article be matched wherever it went, while the document order kept in
``index`` still decides what moved.
"""

from __future__ import annotations

from dataclasses import dataclass

from govtext.diff.normalize import bigrams, normalize
from govtext.model import (
    APPENDIX,
    BLANK,
    BOOK,
    CHAPTER,
    DOCUMENT,
    HEADER,
    HEADING,
    LABEL,
    LEAD,
    SECTION,
    Document,
    Node,
)

_STRUCTURAL = frozenset({DOCUMENT, HEADER, BOOK, CHAPTER, SECTION, APPENDIX})

# Units of one family may be matched with each other: a paragraph may become an item.
HEADING_FAMILY = "heading"
LINE_FAMILY = "line"
BLOCK_FAMILY = "block"

LABEL_CHARS = 24
"""Longest title used as a path label (lead sentences can run to a line)."""


@dataclass(slots=True)
class Unit:
    """One comparable node with its normalised forms (built once, read many times)."""

    index: int
    node: Node
    family: str
    path: tuple[str, ...]
    span: tuple[int, int]
    text: str
    number: str | None
    title: str | None
    norm: str
    """The whole text, normalised."""
    title_norm: str
    """Heading or lead sentence without numbering, normalised."""
    body_norm: str
    """Everything but numbering, heading and lead, normalised."""
    pieces: tuple[tuple[int, int], ...]
    """Spans of the non-blank leaves (sentences, label, heading): the word differ's units."""
    title_pieces: tuple[tuple[int, int], ...]
    content_pieces: tuple[tuple[int, int], ...] = ()
    """``pieces`` without the numbering label: what a merged part contributes."""
    top: str | None = None
    """The top-level section (or chapter, book…) the unit is in or heads: 三、加快…"""
    _grams: frozenset[str] | None = None
    _title_grams: frozenset[str] | None = None
    _body_grams: frozenset[str] | None = None

    @property
    def grams(self) -> frozenset[str]:
        if self._grams is None:
            self._grams = bigrams(self.norm)
        return self._grams

    @property
    def title_grams(self) -> frozenset[str]:
        if self._title_grams is None:
            self._title_grams = bigrams(self.title_norm)
        return self._title_grams

    @property
    def body_grams(self) -> frozenset[str]:
        if self._body_grams is None:
            self._body_grams = bigrams(self.body_norm)
        return self._body_grams

    @property
    def sample(self) -> tuple[str, ...]:
        """Up to 8 bigrams spread over the text: a cheap first test of containment."""
        norm = self.norm
        if len(norm) < 2:
            return (norm,) if norm else ()
        step = max(1, (len(norm) - 1) // 8)
        return tuple(norm[i : i + 2] for i in range(0, len(norm) - 1, step))[:8]

    @property
    def unnumbered(self) -> str:
        return self.title_norm + "\x1f" + self.body_norm


def node_label(node: Node) -> str:
    """How a path names a node: its number as written (三、 （四） 第二章: a bare 三 reads
    like an item and a bare 一 like a dash), else its title, else its type."""
    if node.number:
        return node.number.strip()
    if node.title:
        return node.title if len(node.title) <= LABEL_CHARS else node.title[: LABEL_CHARS - 1] + "…"
    return node.type


def build_units(doc: Document) -> list[Unit]:
    units: list[Unit] = []
    _collect(doc, doc.root, (), units)
    return units


def _collect(doc: Document, node: Node, path: tuple[str, ...], out: list[Unit], top: str | None = None) -> None:
    if node.type not in _STRUCTURAL:
        if node.type != BLANK:
            _add(doc, node, path, BLOCK_FAMILY if not node.is_leaf else LINE_FAMILY, out, top=top)
        return
    below = path if node.type == DOCUMENT else path + (node_label(node),)
    if not path and node.type != DOCUMENT:
        top = _top_label(node)
    for child in node.children:
        if child.type == HEADING:
            _add(doc, node, path, HEADING_FAMILY, out, only=child, top=top)
        elif node.type == HEADER and child.is_leaf:
            if child.type != BLANK:
                _add(doc, child, below, LINE_FAMILY, out, top=top)
        else:
            _collect(doc, child, below, out, top)


def heading_label(node: Node, limit: int | None = LABEL_CHARS) -> str:
    """A container as a contents list names it: number and title (三、加快…, 第一章 总则),
    the title cut to ``limit`` characters (None: whole); "" when it has neither."""
    number = (node.number or "").strip()
    title = node.title or ""
    if limit is not None and len(title) > limit:
        title = title[: limit - 1] + "…"
    gap = "" if not number or number[-1] in "、．.）)" else " "  # 三、保障措施 but 第一章 总则
    return (number + gap + title).strip()


def _top_label(node: Node) -> str:
    """A top-level container as a report's contents list names it (三、加快建设…)."""
    return heading_label(node) or node_label(node)


def _add(doc: Document, node: Node, path: tuple[str, ...], family: str, out: list[Unit],
         only: Node | None = None, top: str | None = None) -> None:
    leaves = [leaf for leaf in (only.leaves() if only else node.leaves()) if leaf.type != BLANK]
    if not leaves:
        return
    span = (leaves[0].span[0], leaves[-1].span[1])
    text = doc.text[span[0] : span[1]]
    # Normalising leaf by leaf (cached: most leaves recur in the other version) and
    # joining is the same as normalising the joined text: the folding is per character.
    norms = [normalize(leaf.text or "") for leaf in leaves]
    if family == HEADING_FAMILY:
        title_norm = normalize(node.title or "")
        body_norm = ""
        title_pieces = tuple(leaf.span for leaf in leaves)
    else:
        title_norm = "".join(n for leaf, n in zip(leaves, norms) if leaf.type == LEAD)
        body_norm = "".join(n for leaf, n in zip(leaves, norms) if leaf.type not in (LABEL, LEAD))
        title_pieces = tuple(leaf.span for leaf in leaves if leaf.type == LEAD)
    out.append(
        Unit(
            index=len(out),
            node=node,
            family=family,
            path=path,
            span=span,
            text=text,
            number=node.number,
            title=node.title,
            norm="".join(norms),
            title_norm=title_norm,
            body_norm=body_norm,
            pieces=tuple(leaf.span for leaf in leaves),
            title_pieces=title_pieces,
            content_pieces=tuple(leaf.span for leaf in leaves if leaf.type != LABEL),
            top=top,
        )
    )
