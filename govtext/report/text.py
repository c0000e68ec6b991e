"""The plain-text report (the default when piped): wdiff-style [-deleted-]{+inserted+}."""

from __future__ import annotations

from govtext.diff.records import ADDED, REMOVED, DiffResult
from govtext.report.arrange import SUMMARY_HEAD, SUMMARY_HEAD_ALL, arrange
from govtext.report.inline import (DELETE, INSERT, change_label, change_path, inline_runs, pair_notes, parts_of,
                                   shares_nothing, side_runs)
from govtext.report.plain import (SHOW_BOTH, change_counts, excerpt, has_parts, shown_apart, source_name, split_terms,
                                  term_counts, term_line)

_MARK = {DELETE: ("[-", "-]"), INSERT: ("{+", "+}")}


def _marked(runs) -> str:
    out = []
    for style, text in runs:
        left, right = _MARK.get(style, ("", ""))
        out.append(f"{left}{text}{right}")
    return " ".join("".join(out).split("\n"))


def _side(side, change, which: str) -> str:
    """One side shown apart, after its - or +: a side sharing no phrase with the other (a pair
    by topic) is its plain text, not one [-…-] from end to end."""
    runs = side_runs(side, change, which)
    return _marked([("", text) for _, text in runs] if shares_nothing(runs) else runs)


def render(result: DiffResult, side_by_side: bool = False, show_all: bool = False, targets=None) -> str:
    lines = [f"--- {source_name(result.old)}", f"+++ {source_name(result.new)}", change_counts(result)]
    if targets is not None:  # the targets block (govtext.targets.compare), before the word edits
        from govtext.report.targets_diff import text_lines

        lines += text_lines(targets)
    if not result.changes:
        lines.append("no changes")
        return "\n".join(lines) + "\n"
    if result.terms:  # what an analyst reads first: the 提法, before the changes they come from
        lines += ["", f"提法: {term_counts(result)}"]
        key, rest = split_terms(result.terms)
        for term in key + rest:
            kind, what, where = term_line(term)
            lines.append(f"  {kind:<12} {what}" + (f"  @ {where}" if where else ""))
    arrangement = arrange(result, show_all)
    if arrangement.summary:
        lines += ["", SUMMARY_HEAD if not show_all else SUMMARY_HEAD_ALL]
        lines += [f"  {kind:<19} {line}" for kind, line in arrangement.summary]
    for change in arrangement.listed:
        path = change_path(change)
        head = f"{change.change} {change_label(change)}"
        if path:
            head += f"  @ {path}"
        for note in pair_notes(change):  # paired by topic, then the score: the heading's last word
            head += f"  {note}"
        lines.append("")
        lines.append(head)
        if change.change == ADDED:
            lines.append(f"  + {excerpt(change.new.text)}")
        elif change.change == REMOVED:
            lines.append(f"  - {excerpt(change.old.text)}")
        elif has_parts(change):
            lines += [f"  - {_side(side, change, 'old')}" for side in parts_of(change, "old")]
            lines += [f"  + {_side(side, change, 'new')}" for side in parts_of(change, "new")]
        elif change.edits and shown_apart(change, side_by_side):
            lines.append(f"  - {_side(change.old, change, 'old')}")
            lines.append(f"  + {_side(change.new, change, 'new')}")
        elif change.edits:
            lines.append(f"  {_marked(inline_runs(change))}")
        elif change.change in SHOW_BOTH:
            lines.append(f"  - {excerpt(change.old.text)}")
            lines.append(f"  + {excerpt(change.new.text)}")
    return "\n".join(lines) + "\n"
