"""The JSON report: format ``govtext/diff`` version 1 (a contract tools read).

``{"format", "version", "old", "new", "summary", "changes", "terms"}`` — see the
README.  Change it only by bumping ``VERSION``.
"""

from __future__ import annotations

import json

from govtext.diff.records import Change, DiffResult, Edit, Occurrence, Side, TermChange
from govtext.outline_json import source_to_dict

FORMAT = "govtext/diff"
VERSION = 1


def side_to_dict(side: Side | None) -> dict | None:
    if side is None:
        return None
    return {"id": side.id, "type": side.type, "number": side.number, "title": side.title,
            "path": list(side.path), "text": side.text, "span": [side.span[0], side.span[1]]}


def edit_to_dict(edit: Edit) -> dict:
    return {"op": edit.op, "old": edit.old, "new": edit.new,
            "old_span": list(edit.old_span), "new_span": list(edit.new_span)}


def change_to_dict(change: Change) -> dict:
    # old_parts, new_parts, pinned and by_topic were added to version 1 (additive: readers of the
    # first fields see the same shape; a split or merge now comes as one record).
    return {"change": change.change, "old": side_to_dict(change.old), "new": side_to_dict(change.new),
            "similarity": change.similarity, "edits": [edit_to_dict(edit) for edit in change.edits],
            "old_parts": [side_to_dict(side) for side in change.old_parts],
            "new_parts": [side_to_dict(side) for side in change.new_parts],
            "pinned": change.pinned,
            "substitution": list(change.substitution) if change.substitution else None,
            "by_topic": change.by_topic, "mechanical": change.mechanical}


def _where(occurrences: tuple[Occurrence, ...]) -> list[dict]:
    return [{"id": o.id, "path": list(o.path), "label": o.label} for o in occurrences]


def term_to_dict(term: TermChange) -> dict:
    return {"kind": term.kind, "term": term.term, "old_term": term.old_term, "scale": term.scale,
            "old_count": term.old_count, "new_count": term.new_count,
            "old_where": _where(term.old_where), "new_where": _where(term.new_where)}


def result_to_dict(result: DiffResult) -> dict:
    return {
        "format": FORMAT,
        "version": VERSION,
        "old": source_to_dict(result.old),
        "new": source_to_dict(result.new),
        "summary": result.summary,
        "changes": [change_to_dict(change) for change in result.changes],
        "terms": [term_to_dict(term) for term in result.terms],
    }


def render(result: DiffResult, side_by_side: bool = False, show_all: bool = False, targets=None) -> str:
    """One line of JSON (json's C encoder: indenting would cost more than the diff)."""
    data = result_to_dict(result)
    if targets is not None:  # added to version 1: each indicator's target, old and new (govtext.targets)
        from govtext.report.targets_diff import to_dict

        data["targets"] = to_dict(targets)
    return json.dumps(data, ensure_ascii=False) + "\n"
