"""The outline digest an archive records, so ``validate`` notices edits to the structure.

The source's sha256 covers the text only; this digest covers everything else an
archive says about it.  The *canonical outline* is one line per node, in document
order (depth first, parent before children)::

    [depth,"id","type",kind,number,title,level,start,end]\\n

a JSON array written with ``json.dumps(..., ensure_ascii=False, separators=(",", ":"))``:
``depth`` is the nesting depth (the document node is 0), strings are the node's
values *after* unescaping, absent values are ``null``, ``level`` is a number or
``null``, ``start``/``end`` are the character offsets.  The digest is the SHA-256 of
those lines encoded as UTF-8, in hex.  Depth and order pin the tree's shape, so a
node moved, swapped or re-parented changes it as surely as an edited title.
"""

from __future__ import annotations

from json.encoder import encode_basestring as _string  # JSON's own string quoting
from typing import Iterator

from govtext.model import Node
from govtext.textio import BUILTIN_SHA256_LIMIT, new_sha256

Record = tuple[int, str, str, "str | None", "str | None", "str | None", "int | None", int, int]


def node_record(node: Node, depth: int) -> Record:
    """The canonical fields of one node."""
    return (depth, node.id, node.type, node.kind, node.number, node.title, node.level, node.span[0], node.span[1])


def records(root: Node, depth: int = 0) -> Iterator[Record]:
    """Every node's record in document order."""
    yield node_record(root, depth)
    for child in root.children:
        yield from records(child, depth + 1)


def canonical_line(record: Record) -> bytes:
    # The bytes json.dumps(list(record), ensure_ascii=False, separators=(",", ":")) gives
    # (a test holds them equal), written out field by field: this runs for every node on
    # every read of an archive, and json.dumps costs three times as much.
    depth, node_id, node_type, kind, number, title, level, start, end = record
    return (f"[{depth},{_optional(node_id)},{_string(node_type)},{_optional(kind)},{_optional(number)},"
            f"{_optional(title)},{'null' if level is None else level},{start},{end}]\n").encode("utf-8")


def _optional(value: str | None) -> str:
    return "null" if value is None else _string(value)


class OutlineDigest:
    """Running SHA-256 over canonical lines; ``nodes`` counts them."""

    def __init__(self, size: int | None = None) -> None:
        # ``size``: about how many bytes the lines will be (the archive's size will do), so a
        # small archive is hashed without loading OpenSSL (textio.new_sha256).
        self._hash = new_sha256(BUILTIN_SHA256_LIMIT if size is None else size)
        self.nodes = 0

    def add(self, record: Record) -> None:
        self._hash.update(canonical_line(record))
        self.nodes += 1

    def hexdigest(self) -> str:
        return self._hash.hexdigest()


def outline_digest(root: Node) -> OutlineDigest:
    digest = OutlineDigest()
    for record in records(root):
        digest.add(record)
    return digest


FIELDS = ("depth", "id", "type", "kind", "number", "title", "level", "start", "end")


def describe(ours: Record | None, theirs: Record | None) -> str:
    """``node s2/i3: title '…' where the text gives '…'`` for the first differing field."""
    if ours is None:
        return f"node {theirs[1]} is missing"
    if theirs is None:
        return f"node {ours[1]} is not in the outline of the text"
    for name, mine, other in zip(FIELDS, ours, theirs):
        if mine != other:
            return f"node {ours[1]}: {name} {mine!r}, expected {other!r}"
    return f"node {ours[1]} differs"
