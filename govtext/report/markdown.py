"""The Markdown report, for a pull-request comment: summary table, changes, 提法."""

from __future__ import annotations

from govtext.diff.records import ADDED, CHANGE_KINDS, REMOVED, TERM_KINDS, DiffResult
from govtext.report.inline import DELETE, INSERT, change_label, change_path, inline_runs, side_runs
from govtext.report.plain import SHOW_BOTH, excerpt, source_name, term_line


def _escape(text: str) -> str:
    text = " ".join(text.split())
    for ch in "\\`*_[]<>|~":
        text = text.replace(ch, "\\" + ch)
    return text


def _marked(runs) -> str:
    out = []
    for style, text in runs:
        if style == DELETE:
            out.append(f"~~{_escape(text)}~~")
        elif style == INSERT:
            out.append(f"**{_escape(text)}**")
        else:
            out.append(_escape(text))
    return "".join(out)


def render(result: DiffResult, side_by_side: bool = False) -> str:
    summary = result.summary
    lines = [f"### govtext diff: `{source_name(result.old)}` → `{source_name(result.new)}`", ""]
    lines += ["| change | count |", "|---|---:|"]
    lines += [f"| {kind} | {summary[kind]} |" for kind in CHANGE_KINDS + TERM_KINDS if summary[kind]]
    lines += [f"| unchanged | {result.unchanged} |", ""]
    if not result.changes:
        lines.append("No changes.")
        return "\n".join(lines) + "\n"
    lines += ["Deleted words are ~~struck through~~, inserted words **bold**.", ""]
    for change in result.changes:
        path = change_path(change)
        head = f"- **{change.change}** {_escape(change_label(change))}"
        if path:
            head += f" — {_escape(path)}"
        lines.append(head)
        if change.change == ADDED:
            lines.append(f"  > {_escape(excerpt(change.new.text))}")
        elif change.change == REMOVED:
            lines.append(f"  > ~~{_escape(excerpt(change.old.text))}~~")
        elif change.edits and side_by_side:
            lines.append(f"  > old: {_marked(side_runs(change.old, change, 'old'))}")
            lines.append(f"  >\n  > new: {_marked(side_runs(change.new, change, 'new'))}")
        elif change.edits:
            lines.append(f"  > {_marked(inline_runs(change))}")
        elif change.change in SHOW_BOTH:
            lines.append(f"  > old: {_escape(excerpt(change.old.text))}")
            lines.append(f"  >\n  > new: {_escape(excerpt(change.new.text))}")
    if result.terms:
        lines += ["", "#### 提法", "", "| finding | term | where |", "|---|---|---|"]
        for term in result.terms:
            kind, what, where = term_line(term)
            lines.append(f"| {kind} | {_escape(what)} | {_escape(where)} |")
    return "\n".join(lines) + "\n"
