"""Slicing a change's text into runs for display: the one place renderers share.

Pure slicing of ``Side.text`` at the edits' offsets; nothing is recomputed.
What leaves here for a person to read passes through :func:`govtext.escape.visible`,
so a document's control sequences are shown, never obeyed by a terminal.
"""

from __future__ import annotations

from govtext.diff.records import Change, Side
from govtext.escape import visible

SAME, DELETE, INSERT = "same", "delete", "insert"

CONTEXT = 24
"""Unchanged characters kept on each side of an edit in inline views."""


def side_runs(side: Side, change: Change, which: str) -> list[tuple[str, str]]:
    """The whole text of one side, as (style, text) runs; ``which`` is 'old' or 'new'."""
    style = DELETE if which == "old" else INSERT
    runs: list[tuple[str, str]] = []
    pos = side.span[0]
    lo, hi = side.span
    for edit in change.edits:
        start, end = edit.old_span if which == "old" else edit.new_span
        if end <= start or start < pos or end > hi or start < lo:
            continue  # empty, or in another part of a split or merge
        runs.append((SAME, side.text[pos - side.span[0] : start - side.span[0]]))
        runs.append((style, side.text[start - side.span[0] : end - side.span[0]]))
        pos = end
    runs.append((SAME, side.text[pos - side.span[0] :]))
    return [(style, visible(text)) for style, text in runs if text]


def inline_runs(change: Change, context: int | None = CONTEXT) -> list[tuple[str, str]]:
    """The old text with each edit's deletion and insertion in place (wdiff style).

    With ``context``, long unchanged stretches are shortened to ``…`` around it.
    """
    old = change.old
    assert old is not None and change.new is not None
    runs: list[tuple[str, str]] = []
    pos = old.span[0]
    for edit in change.edits:
        start, end = edit.old_span
        runs.append((SAME, old.text[pos - old.span[0] : start - old.span[0]]))
        if edit.old:
            runs.append((DELETE, edit.old))
        if edit.new:
            runs.append((INSERT, edit.new))
        pos = end
    runs.append((SAME, old.text[pos - old.span[0] :]))
    runs = [run for run in runs if run[1]]
    if context is None:
        return [(style, visible(text)) for style, text in runs]
    return [(style, visible(_shorten(text, k, len(runs), context) if style == SAME else text))
            for k, (style, text) in enumerate(runs)]


def _shorten(text: str, k: int, total: int, context: int) -> str:
    first, last = k == 0, k == total - 1
    keep = context * (1 if first or last else 2)
    if len(text) <= keep + 1:
        return text
    if first:
        return "…" + text[-context:]
    if last:
        return text[:context] + "…"
    return text[:context] + "…" + text[-context:]


def side_label(side: Side | None) -> str:
    """How a report names a node (:attr:`Side.label`: its number, a ——point or enumeration
    by its lead clause, else its title, else its type), shown safely."""
    if side is None:
        return ""
    if side.type == "line" and not (side.number or "").strip() and not side.title:
        return "header line"
    return visible(side.label)


def parts_of(change: Change, which: str) -> tuple[Side, ...]:
    """Every node of one side: the parts of a split or merge, else the side itself."""
    parts = change.old_parts if which == "old" else change.new_parts
    side = change.old if which == "old" else change.new
    return parts or ((side,) if side is not None else ())


def change_label(change: Change) -> str:
    """第五十条 → 第五十八条, or one label when both sides agree; parts joined with +."""
    if change.old_parts or change.new_parts:
        old = " + ".join(side_label(s) for s in parts_of(change, "old"))
        new = " + ".join(side_label(s) for s in parts_of(change, "new"))
        return f"{old} → {new}"
    old, new = side_label(change.old), side_label(change.new)
    if change.old is None:
        return new
    if change.new is None or old == new:
        return old
    return f"{old} → {new}"


TOPIC_NOTE = "paired by topic"
"""How every report marks a pair found by topic rather than by shared wording."""


def pair_notes(change: Change) -> list[str]:
    """What a report's heading says of a pair beyond kind, label and place: ``paired by topic``
    when the pairing engine found it by topic, then its score (``similarity 0.42``; for a pair
    by topic, the topic score) unless the two texts are alike."""
    notes = [TOPIC_NOTE] if change.by_topic else []
    if change.old is not None and change.new is not None and change.similarity < 1:
        notes.append(f"similarity {change.similarity:.2f}")
    return notes


def shares_nothing(runs: list[tuple[str, str]]) -> bool:
    """Whether a side's runs are all deleted or all inserted: a pair found by topic often shares
    no phrase, and marking a whole paragraph struck through only makes it hard to read."""
    return all(style != SAME or not text.strip() for style, text in runs)


def change_path(change: Change) -> str:
    """Where the change is; ``old › path → new › path`` when the node changed place."""
    old = " › ".join(change.old.path) if change.old and change.old.path else ""
    new = " › ".join(change.new.path) if change.new and change.new.path else ""
    if change.old and change.new and old != new:
        return visible(f"{old or '(top)'} → {new or '(top)'}")
    return visible(new or old)


def summary_line(summary: dict[str, int], kinds: tuple[str, ...]) -> str:
    parts = [f"{summary[kind]} {kind}" for kind in kinds if summary.get(kind)]
    parts.append(f"{summary.get('unchanged', 0)} unchanged")
    return ", ".join(parts)
