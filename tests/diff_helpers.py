"""Shared by the diff tests: loading a fixture pair and a compact view of a result."""

from __future__ import annotations

from pathlib import Path

from govtext.diff import diff_documents
from govtext.diff.records import DiffResult
from govtext.pipeline import parse_text
from govtext.report.inline import parts_of, side_label

DIFF_FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "diff"


def diff_case(name: str, **options) -> DiffResult:
    folder = DIFF_FIXTURES / name
    # Bytes, so a CRLF fixture keeps its line endings (read_text would translate them).
    old = parse_text((folder / "old.txt").read_bytes().decode("utf-8"), name="old.txt")
    new = parse_text((folder / "new.txt").read_bytes().decode("utf-8"), name="new.txt")
    return diff_documents(old, new, **options)


def compact(result: DiffResult) -> dict:
    """What a fixture's expected.json pins: non-zero counts, each change, its edits, the 提法."""
    return {
        "summary": {kind: n for kind, n in result.summary.items() if n},
        "changes": [
            {
                "change": c.change,
                "old": " + ".join(side_label(s) for s in parts_of(c, "old")) or None,
                "new": " + ".join(side_label(s) for s in parts_of(c, "new")) or None,
                "edits": [[e.op, e.old, e.new] for e in c.edits],
            }
            for c in result.changes
        ],
        "terms": [[t.kind, t.old_term, t.term, t.old_count, t.new_count] if t.old_term else
                  [t.kind, t.term, t.old_count, t.new_count] for t in result.terms],
    }
