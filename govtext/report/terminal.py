"""The terminal report: Rich renderables styled by theme names (govtext.insert, …).

A summary table first, then each change inline (or in two columns with
``side_by_side``), then the 提法 table.  Rich measures CJK cell widths itself.
"""

from __future__ import annotations

from rich.console import Group
from rich.table import Table
from rich.text import Text

from govtext.diff.records import ADDED, CHANGE_KINDS, REMOVED, TERM_KINDS, DiffResult
from govtext.report.inline import DELETE, INSERT, change_label, change_path, inline_runs, side_runs
from govtext.report.plain import SHOW_BOTH, excerpt, source_name, term_line

STYLES = {DELETE: "govtext.delete", INSERT: "govtext.insert"}


def _text(runs) -> Text:
    text = Text(overflow="fold")
    for style, chunk in runs:
        text.append(" ".join(chunk.split("\n")), style=STYLES.get(style, ""))
    return text


def _summary(result: DiffResult) -> Table:
    table = Table()
    table.add_column("change")
    table.add_column("count", justify="right", style="govtext.count")
    summary = result.summary
    for kind in CHANGE_KINDS + TERM_KINDS:
        if summary[kind]:
            table.add_row(kind, str(summary[kind]))
    table.add_row("unchanged", str(result.unchanged))
    return table


def _heading(change) -> Text:
    head = Text()
    head.append(f"{change.change} ", style="govtext.change")
    head.append(change_label(change), style="govtext.number")
    path = change_path(change)
    if path:
        head.append(f"  {path}", style="govtext.header")
    if change.old is not None and change.new is not None and change.similarity < 1:
        head.append(f"  {change.similarity:.2f}", style="govtext.count")
    return head


def render(result: DiffResult, side_by_side: bool = False) -> Group:
    title = Text(f"govtext diff  {source_name(result.old)} → {source_name(result.new)}", style="bold")
    parts: list = [title, _summary(result)]
    if not result.changes:
        parts.append(Text("no changes"))
    for change in result.changes:
        parts.append(Text())
        parts.append(_heading(change))
        if change.change == ADDED:
            parts.append(Text("  " + excerpt(change.new.text), style="govtext.insert", overflow="fold"))
        elif change.change == REMOVED:
            parts.append(Text("  " + excerpt(change.old.text), style="govtext.delete", overflow="fold"))
        elif change.edits and side_by_side:
            grid = Table.grid(expand=True, padding=(0, 2))
            grid.add_column(ratio=1, overflow="fold")
            grid.add_column(ratio=1, overflow="fold")
            grid.add_row(_text(side_runs(change.old, change, "old")), _text(side_runs(change.new, change, "new")))
            parts.append(grid)
        elif change.edits:
            parts.append(Text("  ") + _text(inline_runs(change)))
        elif change.change in SHOW_BOTH:
            parts.append(Text("  - " + excerpt(change.old.text), overflow="fold"))
            parts.append(Text("  + " + excerpt(change.new.text), overflow="fold"))
    if result.terms:
        table = Table(title="提法", title_justify="left")
        table.add_column("finding")
        table.add_column("term")
        table.add_column("where", style="govtext.header")
        for term in result.terms:
            kind, what, where = term_line(term)
            table.add_row(kind, what, where)
        parts.append(Text())
        parts.append(table)
    return Group(*parts)
