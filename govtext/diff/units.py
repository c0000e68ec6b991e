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
from govtext.diff.records import LABEL_CHARS, unit_label
from govtext.model import (
    APPENDIX,
    BLANK,
    BOOK,
    CHAPTER,
    DOCUMENT,
    ENUMERATION,
    HEADER,
    HEADING,
    ITEM,
    LABEL,
    LEAD,
    LEAF_TYPES,
    PARAGRAPH,
    SECTION,
    Document,
    Node,
)

_STRUCTURAL = frozenset({DOCUMENT, HEADER, BOOK, CHAPTER, SECTION, APPENDIX})

# Units of one family may be matched with each other: a paragraph may become an item.
HEADING_FAMILY = "heading"
LINE_FAMILY = "line"
BLOCK_FAMILY = "block"



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
    _sorted_grams: dict[str, list[str]] | None = None
    topic_words: tuple | None = None
    """The topic index's words of this unit, with the tokenizer that made them (see
    :meth:`govtext.diff.topic.TopicIndex._own`): kept on the unit so that a version in two
    pairs (``history``) is segmented once."""
    topic_weights: tuple | None = None
    """The same unit's words with those of the units under it, as sublinear counts (see
    :meth:`govtext.diff.topic.TopicIndex._weights`), with the tokenizer that made them: what
    a version's vectors need of it whatever the other version is."""

    @property
    def grams(self) -> frozenset[str]:
        if self._grams is None:
            self._grams = bigrams(self.norm)
        return self._grams

    def share_grams(self, shared: dict[str, frozenset[str]]) -> frozenset[str]:
        """:attr:`grams`, taken from ``shared`` (by normalised text) when another unit made them."""
        grams = self._grams
        if grams is None:
            grams = shared.get(self.norm)
            if grams is None:
                grams = shared[self.norm] = bigrams(self.norm)
            self._grams = grams
        return grams

    def sorted_grams(self, part: str = "all") -> list[str]:
        """:attr:`grams` (``part="all"``) or :attr:`title_grams` in code-point order: the tie
        order of every bigram index, the same in each pair this unit is in (kept, read-only)."""
        cached = self._sorted_grams
        if cached is None:
            cached = self._sorted_grams = {}
        found = cached.get(part)
        if found is None:
            found = cached[part] = sorted(self.grams if part == "all" else self.title_grams)
        return found

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
    like an item and a bare 一 like a dash), a ——point or enumeration by its lead clause,
    else its title, else its type (:func:`govtext.diff.records.unit_label`, as reports do)."""
    return unit_label(node.number, node.title, node.type)


def build_units(doc: Document) -> list[Unit]:
    units: list[Unit] = []
    _collect(doc, doc.root, (), units)
    return units


def _collect(doc: Document, node: Node, path: tuple[str, ...], out: list[Unit], top: str | None = None) -> None:
    if node.type not in _STRUCTURAL:
        if node.type in (PARAGRAPH, ITEM) and _enumerations_in(node):
            _open_enumerations(doc, node, path, out, top)
        elif node.type != BLANK:
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


def _open_enumerations(doc: Document, node: Node, path: tuple[str, ...], out: list[Unit],
                       top: str | None) -> None:
    """A paragraph or item holding 一是……二是……, directly or in a paragraph of its body: its
    other leaves (the opening before 一是; an item's number, lead and other paragraphs) are one
    unit and each enumeration another, so that an enumeration standing inside a paragraph is
    aligned, reported and pinned like one that opens a line.  The units' leaves still tile the
    node: nothing is counted twice."""
    enumerations = _enumerations_in(node)
    inside = {id(leaf) for e in enumerations for leaf in _solid_leaves(e)}
    own = [leaf for leaf in _solid_leaves(node) if id(leaf) not in inside]
    if own:
        _add(doc, node, path, BLOCK_FAMILY, out, top=top, leaves=own)
    below = path + (node_label(node),)
    for enumeration in enumerations:
        _add(doc, enumeration, below, BLOCK_FAMILY, out, top=top)


def _enumerations_in(node: Node) -> list[Node]:
    """The enumerations beneath ``node`` (none inside another), in document order."""
    found: list[Node] = []
    stack = list(reversed(node.children))
    while stack:
        current = stack.pop()
        if current.type == ENUMERATION:
            found.append(current)
        elif current.type not in LEAF_TYPES:
            stack.extend(reversed(current.children))
    return found


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
         only: Node | None = None, top: str | None = None, leaves: list[Node] | None = None) -> None:
    # One pass over the subtree and one over its leaves, with no generator per unit: a law has
    # a thousand units over two versions, and this runs before anything can be compared.
    if leaves is None:
        leaves = _solid_leaves(only or node)
    else:
        leaves = [leaf for child in leaves for leaf in _solid_leaves(child)]
    if not leaves:
        return
    # Normalising leaf by leaf (cached: most leaves recur in the other version) and
    # joining is the same as normalising the joined text: the folding is per character.
    norms: list[str] = []
    pieces: list[tuple[int, int]] = []
    lead_norms: list[str] = []
    body_norms: list[str] = []
    lead_pieces: list[tuple[int, int]] = []
    content_pieces: list[tuple[int, int]] = []
    for leaf in leaves:
        kind, piece = leaf.type, leaf.span
        norm = normalize(leaf.text or "")
        norms.append(norm)
        pieces.append(piece)
        if kind == LABEL:
            continue
        content_pieces.append(piece)
        if kind == LEAD:
            lead_norms.append(norm)
            lead_pieces.append(piece)
        else:
            body_norms.append(norm)
    span = (pieces[0][0], pieces[-1][1])
    if family == HEADING_FAMILY:
        title_norm = normalize(node.title or "")
        body_norm = ""
        title_pieces = tuple(pieces)
    else:
        title_norm = "".join(lead_norms)
        body_norm = "".join(body_norms)
        title_pieces = tuple(lead_pieces)
    out.append(
        Unit(
            index=len(out),
            node=node,
            family=family,
            path=path,
            span=span,
            text=doc.text[span[0] : span[1]],
            number=node.number,
            title=node.title,
            norm="".join(norms),
            title_norm=title_norm,
            body_norm=body_norm,
            pieces=tuple(pieces),
            title_pieces=title_pieces,
            content_pieces=tuple(content_pieces),
            top=top,
        )
    )


def _solid_leaves(node: Node) -> list[Node]:
    """The non-blank leaves beneath ``node`` (itself, if a leaf), in document order: the
    order of :meth:`Node.leaves`, walked with one stack instead of a generator per level."""
    found: list[Node] = []
    stack = [node]
    pop, extend, append = stack.pop, stack.extend, found.append
    while stack:
        current = pop()
        kind = current.type
        if kind in LEAF_TYPES:
            if kind != BLANK:
                append(current)
        else:
            extend(reversed(current.children))
    return found
