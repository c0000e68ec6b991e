"""The history as JSON: format ``govtext/history`` version 1 (a contract tools read).

``{"format", "version", "versions", "lineages", "terms", "blame"}`` — see the README.
Fields may be added within version 1, never renamed or removed; anything else bumps
``VERSION``.
"""

from __future__ import annotations

import json

from govtext.history.records import History

FORMAT = "govtext/history"
VERSION = 1


def history_to_dict(history: History) -> dict:
    steps = [None] + [step.summary for step in history.steps]
    return {
        "format": FORMAT,
        "version": VERSION,
        "versions": [
            {"label": v.label, "path": v.path, "date": v.date, "sha256": v.sha256, "chars": v.chars,
             "changes": steps[k]}
            for k, v in enumerate(history.versions)
        ],
        "lineages": [
            {"id": lineage.id, "type": lineage.type, "top": lineage.top,
             "nodes": [None if ref is None else {"id": ref.id, "number": ref.number, "title": ref.title}
                       for ref in lineage.nodes],
             "events": [{"version": event.version, "change": event.change} for event in lineage.events]}
            for lineage in history.lineages
        ],
        "terms": [
            # Tuples as they are: json writes a tuple as an array (a list of lists per row cost
            # 0.03 s for the 2,200 rows of the 50 reports).
            {"term": row.term, "counts": row.counts, "first": row.first, "last": row.last,
             "source": row.source, "where": row.where}
            for row in history.terms
        ],
        "blame_version": history.blame_version,
        "blame": [
            {"id": entry.id, "since": entry.since, "changed": entry.changed, "type": entry.type,
             "label": entry.label, "title": entry.title, "span": list(entry.span)}
            for entry in history.blame
        ],
    }


def render(history: History) -> str:
    return json.dumps(history_to_dict(history), ensure_ascii=False) + "\n"


def render_pairs(history: History) -> str:
    """The N-1 successive diffs in the ``govtext/diff`` contract, one per line (JSON Lines).

    Needs a history built with ``keep_diffs=True``.
    """
    from govtext.report.json_report import render as render_diff

    if any(step.result is None for step in history.steps):
        raise ValueError("the history was built without keep_diffs=True")
    return "".join(render_diff(step.result) for step in history.steps)
