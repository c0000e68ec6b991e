"""The JSON outline format ``govtext/outline`` version 1 (documented in the README).

Other tools read it: fields may be added, never renamed or removed; anything else
bumps ``VERSION``.

:func:`iter_json` streams the outline node by node, so a 50 MB input never needs
the whole JSON text (several times the input) in memory at once; its output is
byte for byte what ``json.dumps(document_to_dict(doc), indent=2)`` would give.
"""

from __future__ import annotations

import json
from bisect import bisect_right
from typing import Iterator

from govtext.model import Diagnostic, Document, Node, Source

FORMAT = "govtext/outline"
VERSION = 1


def source_to_dict(source: Source) -> dict:
    data = {"path": source.path, "sha256": source.sha256, "encoding": source.encoding, "chars": source.chars}
    if source.format != "text":
        # Only for text extracted from HTML/Word/PDF: plain-text outlines stay byte-identical
        # to what version 1 always wrote (absent means "text").
        data["format"] = source.format
        data["extractor"] = source.extractor
        if source.metadata:
            data["metadata"] = dict(source.metadata)
    return data


def source_map(doc: Document) -> list[dict]:
    """Each leaf's span → where in the original file its text came from (extracted files only)."""
    origins = doc.source.origins
    starts = [start for start, _, _ in origins]
    mapped = []
    for leaf in doc.leaves():
        begin, end = leaf.span
        places: list[str] = []
        index = max(0, bisect_right(starts, begin) - 1)
        while index < len(origins) and origins[index][0] < max(end, begin + 1):
            start, stop, where = origins[index]
            if stop > begin and where not in places:
                places.append(where)
            index += 1
        if places:
            mapped.append({"node": leaf.id, "span": [begin, end], "from": places})
    return mapped


def diagnostic_to_dict(diagnostic: Diagnostic) -> dict:
    return {"level": diagnostic.level, "code": diagnostic.code, "message": diagnostic.message,
            "span": [diagnostic.span[0], diagnostic.span[1]]}


def _fields(node: Node) -> dict:
    data = {
        "id": node.id,
        "type": node.type,
        "kind": node.kind,
        "number": node.number,
        "title": node.title,
        "text": node.text,
        "span": [node.span[0], node.span[1]],
    }
    if node.level is not None:
        data["level"] = node.level
    return data


def _kept(node: Node, depth: int | None, below: int) -> tuple[Node, ...]:
    """``node``'s children, or none when they lie deeper than ``depth`` (document = 0)."""
    return node.children if depth is None or below < depth else ()


def node_to_dict(node: Node, depth: int | None = None, _below: int = 0) -> dict:
    data = _fields(node)
    data["children"] = [node_to_dict(child, depth, _below + 1) for child in _kept(node, depth, _below)]
    return data


def _header(doc: Document, depth: int | None) -> dict:
    data = {
        "format": FORMAT,
        "version": VERSION,
        "genre": doc.genre,
        "source": source_to_dict(doc.source),
    }
    if depth is not None:
        data["depth"] = depth
    return data


def document_to_dict(doc: Document, depth: int | None = None) -> dict:
    """The outline as plain data; with ``depth``, nodes deeper than N levels are left out."""
    data = _header(doc, depth)
    data["root"] = node_to_dict(doc.root, depth)
    data["diagnostics"] = [diagnostic_to_dict(d) for d in doc.diagnostics]
    if doc.source.origins:
        data["source_map"] = source_map(doc)
    return data


def dumps(doc: Document, indent: int | None = 2, depth: int | None = None) -> str:
    if indent == 2:
        return "".join(iter_json(doc, depth))
    return json.dumps(document_to_dict(doc, depth), ensure_ascii=False, indent=indent) + "\n"


def _dumps(value, pad: str) -> str:
    # json escapes every control character inside strings, so each newline in its
    # output is indentation and re-indenting by replacement is exact.
    return json.dumps(value, ensure_ascii=False, indent=2).replace("\n", "\n" + pad)


def iter_json(doc: Document, depth: int | None = None) -> Iterator[str]:
    """The outline as JSON text (indent 2, trailing newline), in pieces, node by node."""
    head = _dumps(_header(doc, depth), "")
    yield head[:-2] + ',\n  "root": '
    yield from _iter_node(doc.root, "  ", depth, 0)
    yield ',\n  "diagnostics": '
    yield _dumps([diagnostic_to_dict(d) for d in doc.diagnostics], "  ")
    if doc.source.origins:  # extracted files only: where each leaf's text came from
        yield ',\n  "source_map": '
        yield _dumps(source_map(doc), "  ")
    yield "\n}\n"


def _iter_node(node: Node, pad: str, depth: int | None, below: int) -> Iterator[str]:
    fields = _dumps(_fields(node), pad)
    inner = pad + "  "
    children = _kept(node, depth, below)
    if not children:
        yield fields[:-len(pad) - 2] + f',\n{inner}"children": []\n{pad}}}'
        return
    yield fields[:-len(pad) - 2] + f',\n{inner}"children": [\n{inner}  '
    for index, child in enumerate(children):
        if index:
            yield f",\n{inner}  "
        yield from _iter_node(child, inner + "  ", depth, below + 1)
    yield f"\n{inner}]\n{pad}}}"
