"""The typed outline tree: the one model every stage of govtext shares.

Parsers build it, renderers and exporters read it, the differ compares two of
them.  It is immutable (frozen, slotted dataclasses holding tuples), so no stage
can damage what another stage reads; nodes are referred to by their stable,
path-like ``id``, never by object identity.

Lossless invariant: the leaves of a document, in order, tile its text —
``"".join(leaf.text for leaf in doc.leaves()) == doc.text`` and every node's
``span`` covers exactly the leaves beneath it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

# --- node types -------------------------------------------------------------
# Containers.
DOCUMENT = "document"
HEADER = "header"  # title, date/speaker lines, adoption and amendment history (题注)
SECTION = "section"  # any heading level of a policy text (一、 （一） plain headings), or 节 in a law
ITEM = "item"  # a paragraph (or run of paragraphs) led by a sentence naming a measure
PARAGRAPH = "paragraph"  # a paragraph that is not an item (introductions, narrative)
ENUMERATION = "enumeration"  # one member of 一是……二是…… / 第一，……第二，…… (a sub-measure)
BOOK = "book"  # 编
CHAPTER = "chapter"  # 章
ARTICLE = "article"  # 条, including 第X条之一
CLAUSE = "clause"  # 款: an unnumbered paragraph of an article
POINT = "point"  # 项: （一） inside an article
SUBPOINT = "subpoint"  # 目: 1. inside a point
APPENDIX = "appendix"  # 附件, 附录 and what follows them

# Leaves: their ``text`` is a slice of the input.
HEADING = "heading"  # a heading line's words, number included (第一章 总则, 完善社会治理体制)
LABEL = "label"  # the numbering that opens an item, article or point, as written (（一）, 第三条 )
LEAD = "lead"  # the lead sentence of an item, end punctuation included
MEASURE = "measure"  # a directive sentence: 要……, 加强……, 推进……, 应当……
STATEMENT = "statement"  # a descriptive sentence: 市域是重大矛盾风险的产生地、集聚地。
LINE = "line"  # a header line (title, date, speaker, history)
BLANK = "blank"  # whitespace only: indentation, line breaks, empty lines

LEAF_TYPES = frozenset({HEADING, LABEL, LEAD, MEASURE, STATEMENT, LINE, BLANK})
SENTENCE_TYPES = frozenset({LEAD, MEASURE, STATEMENT})

# --- kinds --------------------------------------------------------------------
SYSTEM = "system"  # 体制/机制/体系/制度/格局
METHOD = "method"  # 方式/作用/手段/方法/路径
TIER = "tier"  # 层级/中央/省/市域/县/乡/基层/功能


@dataclass(frozen=True, slots=True, eq=False)
class Node:
    """One node of the outline tree.

    Two nodes are equal when all their fields are, whatever their class: a leaf the
    parser made (:func:`leaf`, its text a slice of the document on demand) equals the
    same leaf read back from XML.
    """

    id: str
    """Stable, path-like and unique in its document, e.g. ``s2/i3/m1``."""

    type: str
    """What the node is: one of the node-type constants above."""

    span: tuple[int, int]
    """Start and end offsets into the decoded input, in characters (end exclusive)."""

    kind: str | None = None
    """体制 ``system``, 方式 ``method``, 层级 ``tier``, or None; sections and items only."""

    number: str | None = None
    """Numbering as written, e.g. 三、 （一） 第三条 一是, or None when unnumbered."""

    title: str | None = None
    """Heading or lead sentence without numbering or end punctuation, or None."""

    text: str | None = None
    """The input slice at ``span``; set on leaves only."""

    level: int | None = None
    """Nesting depth of a section heading among the document's heading styles (1 = top)."""

    children: tuple[Node, ...] = ()
    """Child nodes in document order; empty for leaves."""

    def _key(self) -> tuple:
        return (self.id, self.type, self.span, self.kind, self.number, self.title, self.text, self.level,
                self.children)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Node):
            return NotImplemented
        return self is other or self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())

    @property
    def is_leaf(self) -> bool:
        return self.type in LEAF_TYPES

    def walk(self) -> Iterator[Node]:
        """This node and all its descendants, depth first, in document order."""
        # A stack rather than nested generators: ``yield from`` hands each node up through
        # every level above it, which costs a deep law several times its size.
        stack = [self]
        while stack:
            node = stack.pop()
            yield node
            children = node.children
            if children:  # most nodes are leaves
                stack.extend(reversed(children))

    def leaves(self) -> Iterator[Node]:
        """The leaves beneath this node in document order."""
        return (node for node in self.walk() if node.is_leaf)

    def content(self) -> str:
        """The text this node covers, joined from its leaves."""
        if self.text is not None:
            return self.text
        return "".join(leaf.text or "" for leaf in self.leaves())

    def find(self, node_id: str) -> Node | None:
        """The descendant (or self) with ``node_id``, or None."""
        for node in self.walk():
            if node.id == node_id:
                return node
        return None


class _SlicedLeaf(Node):
    """A leaf whose ``text`` is cut from the document's text when asked for.

    A large document has hundreds of thousands of leaves; holding each one's text
    as its own string would keep a second copy of the whole input (plus a string
    header per leaf).  The public API is unchanged: ``leaf.text`` is a ``str``.
    """

    __slots__ = ("_source", "_base", "_parent", "_suffix")

    # A leaf has no kind, number, title, level or children: these class attributes shadow
    # Node's slots, so making a leaf sets four fields, not eleven (a law makes thousands).
    kind = number = title = level = None
    children: tuple[Node, ...] = ()

    def __new__(cls, id: str, type: str, span: tuple[int, int], kind: str | None = None,
                number: str | None = None, title: str | None = None, text: str | None = None,
                level: int | None = None, children: tuple[Node, ...] = ()):
        # Node's signature, for dataclasses.replace (:func:`leaf` makes leaves without it).
        # Given what only containers hold here, the copy is a plain Node that holds it.
        if kind is not None or number is not None or title is not None or level is not None or children:
            return Node(id, type, span, kind, number, title, text, level, children)
        return super().__new__(cls)

    def __init__(self, id: str, type: str, span: tuple[int, int], kind: str | None = None,
                 number: str | None = None, title: str | None = None, text: str | None = None,
                 level: int | None = None, children: tuple[Node, ...] = ()) -> None:
        _fill(self, id, type, span, text or "", span[0], None)

    @property
    def id(self) -> str:  # type: ignore[override]
        parent = self._parent
        return self._suffix if parent is None else f"{parent}/{self._suffix}"

    @property
    def text(self) -> str:  # type: ignore[override]
        return self._source[self.span[0] - self._base:self.span[1] - self._base]

    def __repr__(self) -> str:
        return "Node" + Node.__repr__(self)[len(type(self).__qualname__):]

    def __reduce__(self):
        # Pickled (and copied) as a plain Node holding its text.
        return (Node, (self.id, self.type, self.span, self.kind, self.number, self.title, self.text, self.level,
                       self.children))


_new = object.__new__
_set = object.__setattr__  # the model is frozen: only its own constructors write fields


def _fill(leaf: _SlicedLeaf, step: str, type: str, span: tuple[int, int], source: str, base: int,
          parent: str | None) -> None:
    # ``parent`` (the parent's id, shared) plus ``step``: the full id is joined when asked
    # for, not held as one more string per leaf.  One call per field: this runs per leaf.
    _set(leaf, "_parent", parent)
    _set(leaf, "_suffix", step)
    _set(leaf, "type", type)
    _set(leaf, "span", span)
    _set(leaf, "_source", source)
    _set(leaf, "_base", base)


def leaf(node_id: str, node_type: str, span: tuple[int, int], document_text: str,
         parent_id: str | None = None) -> Node:
    """A leaf whose text is ``document_text[span]``, without copying it.

    With ``parent_id``, the leaf's id is ``parent_id/node_id`` (joined on demand).
    """
    node = _new(_SlicedLeaf)
    _fill(node, node_id, node_type, span, document_text, 0, parent_id)
    return node


def share_text(leaves, document_text: str) -> None:
    """Point leaves made by :func:`leaf` at ``document_text``: a reader that learns the text
    leaf by leaf (the XML reader) makes them before the whole text exists."""
    for node in leaves:
        _set(node, "_source", document_text)
        _set(node, "_base", 0)


@dataclass(frozen=True, slots=True)
class Source:
    """Where a document's text came from."""

    path: str | None
    """File name as given, ``-`` for standard input, or None for the bundled sample."""

    sha256: str
    """SHA-256 of the input bytes, hex."""

    encoding: str
    """Detected encoding of the bytes, e.g. ``utf-8``, ``utf-8-sig``, ``gb18030``, ``utf-16``."""

    chars: int
    """Number of characters of the decoded text."""

    format: str = "text"
    """What the original file was: ``text``, or ``html``, ``docx``, ``doc``, ``rtf``, ``pdf`` (text extracted)."""

    extractor: str | None = None
    """Library (and version) that extracted the text from an HTML/Word/PDF file, e.g. ``pypdfium2 5.15.2``."""

    origins: tuple[tuple[int, int, str], ...] = ()
    """Extracted files: ``(start, end, where)`` per line of text — HTML element path, ``paragraph N``, ``page N``."""

    metadata: tuple[tuple[str, str], ...] = ()
    """What an extracted file states about itself (``title``, ``date``, ``issuer`` …), as ``(key, value)``."""


@dataclass(frozen=True, slots=True)
class Diagnostic:
    """Something odd the parser noticed but accepted, e.g. a duplicated 第三条."""

    level: str
    """``warning`` (the text is parsed as written, but a reader should look) or ``info``."""

    code: str
    """Stable machine name, e.g. ``numbering-duplicate``; the README lists them all."""

    message: str
    """One line for a person, naming the numbers involved."""

    span: tuple[int, int]
    """Character offsets of the node concerned (end exclusive)."""


@dataclass(frozen=True, slots=True)
class Document:
    """A parsed text: its source, its decoded text and its outline tree."""

    source: Source
    """Where the text came from."""

    text: str
    """The decoded input, exactly as parsed (no normalisation)."""

    root: Node
    """The ``document`` node; its span is ``(0, len(text))``."""

    genre: str = "policy"
    """``policy`` for reports and documents, ``law`` for laws and regulations."""

    diagnostics: tuple[Diagnostic, ...] = ()
    """Oddities found after parsing (numbering gaps, duplicates …), in document order."""

    def leaves(self) -> Iterator[Node]:
        return self.root.leaves()

    def walk(self) -> Iterator[Node]:
        return self.root.walk()


def check_lossless(doc: Document) -> None:
    """Raise AssertionError unless the leaves tile ``doc.text`` exactly.

    Used by tests and the XML reader; cheap enough to run on every read-back.
    """
    pos = 0
    for leaf in doc.leaves():
        start, end = leaf.span
        if start != pos or doc.text[start:end] != leaf.text:
            raise AssertionError(f"leaf {leaf.id} at {leaf.span} breaks the tiling at {pos}")
        pos = end
    if pos != len(doc.text):
        raise AssertionError(f"leaves end at {pos}, text has {len(doc.text)} characters")
    for node in doc.walk():
        if node.children and (
            node.span[0] != node.children[0].span[0] or node.span[1] != node.children[-1].span[1]
        ):
            raise AssertionError(f"node {node.id} span {node.span} does not cover its children")
