"""The JSON outline format ``govtext/outline`` version 1 (documented in the README).

Other tools read it: change it only by bumping ``VERSION``.
"""

from __future__ import annotations

import json
from bisect import bisect_right

from govtext.model import Document, Node, Source

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


def node_to_dict(node: Node) -> dict:
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
    data["children"] = [node_to_dict(child) for child in node.children]
    return data


def document_to_dict(doc: Document) -> dict:
    return {
        "format": FORMAT,
        "version": VERSION,
        "genre": doc.genre,
        "source": source_to_dict(doc.source),
        "root": node_to_dict(doc.root),
    } | ({"source_map": source_map(doc)} if doc.source.origins else {})


def dumps(doc: Document, indent: int | None = 2) -> str:
    return json.dumps(document_to_dict(doc), ensure_ascii=False, indent=indent) + "\n"
