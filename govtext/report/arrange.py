"""What a report lists, and in what order: the reader's priorities, shared by every format.

A drafter opens a diff for the decisions in it.  So the changes made by rule
— formatting, a word replaced throughout, references following the
renumbering — and the articles that only changed number are *summarised* in
one short block, and the substantive changes are listed in document order.
``show_all`` (``--all``) lists everything.
"""

from __future__ import annotations

from dataclasses import dataclass

from govtext.diff.records import MECHANICAL_KINDS, RENUMBERED, REPLACED_THROUGHOUT, Change, DiffResult
from govtext.report.inline import change_label, parts_of, side_label

SUMMARY_HEAD = "mechanical and renumbered only (--all lists each):"
SUMMARY_HEAD_ALL = "mechanical and renumbered only:"

SHOWN_PLACES = 6
"""Places named in a summary line before "+N more"."""


@dataclass(frozen=True, slots=True)
class Arrangement:
    listed: tuple[Change, ...]
    """The changes listed one by one, in document order."""
    summary: tuple[tuple[str, str], ...]
    """(kind, one line) for the summary block: mechanical records and renumbered-only ones."""


def arrange(result: DiffResult, show_all: bool = False) -> Arrangement:
    renumbered = [c for c in result.changes if c.change == RENUMBERED]
    mechanical = [c for c in result.changes if c.mechanical]
    summary: list[tuple[str, str]] = []
    for change in mechanical:
        if change.change == REPLACED_THROUGHOUT:
            summary.append((change.change, _replaced_line(change)))
    for kind in MECHANICAL_KINDS:
        if kind == REPLACED_THROUGHOUT:
            continue
        of_kind = [c for c in mechanical if c.change == kind]
        if of_kind:
            summary.append((kind, f"{len(of_kind)} node{'s' if len(of_kind) > 1 else ''}: "
                                  + _places([change_label(c) for c in of_kind])))
    if renumbered:
        summary.append((RENUMBERED, f"{len(renumbered)} only renumbered: "
                                    + _places([change_label(c) for c in renumbered])))
    if show_all:
        listed = result.changes
    else:
        # A word substituted throughout (not a respelling) is listed as well as summarised.
        listed = tuple(c for c in result.changes if not c.mechanical and c.change != RENUMBERED)
    return Arrangement(tuple(listed), tuple(summary))


def _replaced_line(change: Change) -> str:
    old, new = change.substitution or ("", "")
    places = [side_label(side) for side in parts_of(change, "new")]
    return f"{old} → {new} in {len(places)} places: " + _places(places)


def _places(labels: list[str]) -> str:
    shown = labels[:SHOWN_PLACES]
    more = len(labels) - len(shown)
    return ", ".join(shown) + (f" (+{more} more)" if more else "")
