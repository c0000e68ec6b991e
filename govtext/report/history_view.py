"""What every history renderer shows the same way: event marks, step summaries, top movers.

Presentation choices only (which terms to chart first, how an event is marked);
the figures themselves come from the history's records.
"""

from __future__ import annotations

from govtext.diff.records import unit_label
from govtext.history.records import History, Lineage, TermRow

MARKS = {
    "added": "+",
    "removed": "-",
    "reworded": "~",
    "renamed": "r",
    "renumbered": "#",
    "moved": ">",
    "split": "<",
    "merged": "^",
    "formatting": "f",
}
"""One character per event kind in the terminal strip; unknown kinds show as ``*``."""

PRESENT, ABSENT = "=", "·"

SPARKS = "▁▂▃▄▅▆▇█"


def cell(lineage: Lineage, v: int) -> tuple[str, str | None]:
    """(mark, event kind or None) for a lineage in version ``v``."""
    kinds = [event.change for event in lineage.events if event.version == v]
    if kinds:
        return MARKS.get(kinds[-1], "*"), kinds[-1]
    return (PRESENT if lineage.nodes[v] is not None else ABSENT), None


def latest_name(lineage: Lineage) -> str:
    """The lineage's last number and title, for a row heading (三、 加快建设…); a ——point or an
    enumeration by its lead clause, as the diff names it (经济总体回升向好, 一是加快培养引进人才)."""
    for ref in reversed(lineage.nodes):
        if ref is not None:
            label = unit_label(ref.number, ref.title, lineage.type)
            if ref.number and ref.title and label != ref.number.strip():
                return label
            parts = [part for part in (ref.number and ref.number.strip(), ref.title) if part]
            return " ".join(parts) or ref.id
    return lineage.id


def step_counts(history: History, v: int) -> dict[str, int]:
    """Non-zero change counts of the step into version ``v`` (empty for the first)."""
    if v == 0:
        return {}
    step = history.steps[v - 1]
    changes = {kind for kind, _, _ in step.changes}
    kinds = [kind for kind in step.summary if kind in changes]
    kinds += sorted(changes - set(step.summary))  # kinds the summary does not know: counted plainly
    counts = {kind: step.summary.get(kind) or sum(1 for k, _, _ in step.changes if k == kind) for kind in kinds}
    return {kind: count for kind, count in counts.items() if count}


def top_movers(history: History, limit: int = 15) -> list[TermRow]:
    """Used terms with the widest range of counts; protected and user terms first among equals.
    A term whose count never changed (社会组织 1 → 1) did not move: it is left out."""
    used = [row for row in history.terms if row.first is not None and max(row.counts) != min(row.counts)]
    rank = {"user": 0, "protected": 1, "diff": 2}
    used.sort(key=lambda row: (-(max(row.counts) - min(row.counts)), rank.get(row.source, 3), row.term))
    return used[:limit]


def sparkline(counts: tuple[int, ...]) -> str:
    top = max(counts) or 1
    return "".join(ABSENT if c == 0 else SPARKS[min(len(SPARKS) - 1, (c * len(SPARKS) - 1) // top)] for c in counts)
