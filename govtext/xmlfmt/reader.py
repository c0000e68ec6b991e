"""govtext XML → Document, through an explicitly hardened parser.

An archive is read in the one streaming pass :mod:`~govtext.xmlfmt.stream_check` makes
for ``validate``: :class:`OutlineBuilder` turns each element into its node as it ends and
the element is dropped, so neither lxml's tree of the file nor (read from disk) its bytes
are ever held whole.  The pass checks the archive's digests too; a mismatch is told to
``warn``, not refused (docs/xml.md, "Reading an archive back").

Hostile input is refused before it can do harm: the parser resolves no entities,
loads no DTD, fetches nothing from the network and keeps libxml2's size limits
(no ``huge_tree``); any DOCTYPE or entity declaration is refused outright, so an
external entity (XXE) can never leak a local file and an entity bomb never
expands.  Everything that goes wrong becomes one :class:`XmlInputError` line.
"""

from __future__ import annotations

import sys
from collections.abc import Callable

from lxml import etree

from govtext.errors import XmlInputError
from govtext.model import Document, Node, Source, share_text
from govtext.model import leaf as sliced_leaf
from govtext.xmlfmt.elements import attribute, input_label
from govtext.xmlfmt.stream_check import outline_changed, read_stream, schemas


def schema() -> etree.RelaxNG:
    """govtext's RELAX NG schema, compiled once per process (the one the streaming pass uses)."""
    return schemas()[0]


def read_document(data: bytes, name: str | None = None, warn: Callable[[str], None] | None = None) -> Document:
    """Read govtext XML back into the Document it was written from.

    Raises XmlInputError (one line: the first problem ``govtext validate`` reports, with
    its line) for malformed, hostile, non-govtext or inconsistent XML.  An archive whose
    text or outline no longer matches the digests it records is read as it stands, and
    ``warn`` is told so (docs/xml.md, "Reading an archive back").
    """
    return _read(data, name, warn)


def read_file(path: str, name: str | None = None, warn: Callable[[str], None] | None = None) -> Document:
    """:func:`read_document` of a file, read from disk a chunk at a time (never held whole)."""
    return _read(path, name or path, warn)


def _read(data, name: str | None, warn) -> Document:
    label = input_label(name)
    reading = read_stream(data, name, OutlineBuilder())
    if reading.foreign is not None:
        raise XmlInputError(f"{label}: {reading.foreign.message}")
    if reading.problems:
        problems = reading.problems
        more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        raise XmlInputError(f"{label}: invalid govtext XML: {problems[0]}{more}")
    if warn is not None:
        if reading.fixity is not None:
            warn(f"{label}: {reading.fixity}")
        outline = reading.outline
        if outline is not None and outline["computed"] != outline["recorded"]:
            warn(f"{label}: {outline_changed(outline)} (govtext validate names the first node that changed)")
    if reading.document is None:  # the pass stops building only at a problem it records: a safeguard
        raise XmlInputError(f"{label}: invalid govtext XML")
    return reading.document


class OutlineBuilder:
    """The one place govtext XML becomes the outline tree.

    The streaming pass (:func:`govtext.xmlfmt.stream_check.read_stream`) hands it each
    node as its element completes — a leaf with its text, a container once its children
    are built — and drops the element, so only the outline is ever held whole.
    """

    def __init__(self) -> None:
        self._children: list[list[Node]] = [[]]  # one list per open container; [0] gets the document
        self._ids: list[str | None] = [None]  # the open containers' ids (a leaf's id is joined from them)
        self._texts: list[str] = []  # the latest leaves' texts, joined every _JOIN leaves into _chunks
        self._chunks: list[str] = []
        self._sliced: list[Node] = []  # leaves to point at the joined text at the end
        self._end = 0  # the last leaf's end: the next leaf's start, held as one int

    def open(self, record) -> None:
        self._children.append([])
        self._ids.append(record[1])

    def leaf(self, record, text: str) -> None:
        _, node_id, node_type, kind, number, title, level, start, end = record
        self._texts.append(text)
        if len(self._texts) == _JOIN:  # a leaf's own string is freed soon, not held to the end
            self._chunks.append("".join(self._texts))
            self._texts.clear()
        if start == self._end:
            start = self._end
        self._end = end
        if kind is None and number is None and title is None and level is None:
            parent = self._ids[-1]
            step = node_id[len(parent) + 1:] if parent is not None else ""
            # Its text is cut from the document's once that is joined (finish); "" until then.
            if step and node_id[:len(parent) + 1] == parent + "/" and "/" not in step:
                node = sliced_leaf(_intern(step), node_type, (start, end), "", parent)
            else:
                node = sliced_leaf(node_id, node_type, (start, end), "")
            self._sliced.append(node)
        else:  # the schema lets a leaf carry what only containers do: kept as written
            node = Node(id=node_id, type=node_type, span=(start, end), kind=kind, number=number, title=title,
                        text=text, level=level)
        self._children[-1].append(node)

    def close(self, record) -> None:
        _, node_id, node_type, kind, number, title, level, start, end = record
        children = tuple(self._children.pop())
        self._ids.pop()
        if children:  # the span's ints are its first and last child's, held once
            if children[0].span[0] == start:
                start = children[0].span[0]
            if children[-1].span[1] == end:
                end = children[-1].span[1]
        self._children[-1].append(Node(id=node_id, type=node_type, span=(start, end), kind=kind, number=number,
                                       title=title, level=level, children=children))

    def finish(self, root, source_el) -> Document:
        """The Document, once the pass has checked the whole file (offsets, lengths, ids)."""
        self._chunks.append("".join(self._texts))
        text = "".join(self._chunks)
        self._texts, self._chunks = [], []
        share_text(self._sliced, text)
        self._sliced = []
        source = Source(
            path=attribute(source_el, "path"),
            sha256=source_el.get("sha256"),
            encoding=source_el.get("encoding"),
            chars=int(source_el.get("chars")),
            format=source_el.get("format", "text"),
            extractor=attribute(source_el, "extractor"),
        )
        (node,) = self._children[0]
        return Document(source=source, text=text, root=node, genre=root.get("genre"))


_intern = sys.intern  # leaf ids end in a few short steps (b1, m3, h1): one string each
_JOIN = 4096


