"""Targets as JSON: format ``govtext/targets`` version 1 (a contract tools read).

``{"format", "version", "documents": [{"path", "title", "year", "targets": [{"indicator", "value",
"low", "high", "unit", "qualifier", "delta", "figure", "text", "line", "span", "node"}]}],
"table": {"years", "indicators", "core"}}`` — see docs.  Fields may be added within a version;
renaming or removing one, or changing its meaning, bumps ``VERSION``.
"""

from __future__ import annotations

import json

from govtext.targets.records import DocumentTargets, Target

FORMAT = "govtext/targets"
VERSION = 1


def _number(value: float | None) -> float | int | None:
    if value is None:
        return None
    return int(value) if float(value).is_integer() else value


def target_to_dict(target: Target) -> dict:
    return {"indicator": target.indicator, "value": _number(target.value), "low": _number(target.low),
            "high": _number(target.high), "unit": target.unit, "qualifier": target.qualifier, "delta": target.delta,
            "figure": target.figure, "text": target.text, "line": target.line, "span": list(target.span),
            "node": target.node}


def document_to_dict(doc: DocumentTargets) -> dict:
    return {"path": doc.path, "title": doc.title, "year": doc.year,
            "targets": [target_to_dict(t) for t in doc.targets]}


def render(documents: list[DocumentTargets], table=None) -> str:
    data = {"format": FORMAT, "version": VERSION, "documents": [document_to_dict(d) for d in documents]}
    if table is not None:
        data["table"] = {"years": table.labels, "core": list(table.core),
                         "indicators": [{"indicator": row.indicator,
                                         "values": [target_to_dict(t) if t else None for t in row.cells]}
                                        for row in table.rows]}
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"
