"""The JSON outline format ``govtext/outline`` version 1 (documented in the README).

Other tools read it: change it only by bumping ``VERSION``.
"""

from __future__ import annotations

import json

from govtext.model import Document, Node, Source

FORMAT = "govtext/outline"
VERSION = 1


def source_to_dict(source: Source) -> dict:
    return {"path": source.path, "sha256": source.sha256, "encoding": source.encoding, "chars": source.chars}


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
    }


def dumps(doc: Document, indent: int | None = 2) -> str:
    return json.dumps(document_to_dict(doc), ensure_ascii=False, indent=indent) + "\n"
