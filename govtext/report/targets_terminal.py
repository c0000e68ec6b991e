"""Targets in the terminal (Rich): per document a list; over a series the indicator × year table."""

from __future__ import annotations

from rich.console import Group
from rich.table import Table
from rich.text import Text

from govtext.escape import visible
from govtext.targets.records import DocumentTargets


def document_table(doc: DocumentTargets) -> Table:
    title = " ".join(part for part in (visible(doc.path), str(doc.year or ""), f"{len(doc.targets)} targets") if part)
    table = Table(title=title, title_justify="left", show_edge=False, pad_edge=False)
    for name in ("line", "indicator", "figure", "value", "unit", "qualifier", "node"):
        table.add_column(name, justify="right" if name in ("line", "value") else "left",
                         no_wrap=name in ("line", "node"), overflow="fold")
    for t in doc.targets:
        value = f"{_num(t.low)}–{_num(t.high)}" if t.value is None else _num(t.value)
        # A delta (比上年增加…) is dimmed and marked Δ: derived from a level beside it.
        indicator = Text(visible(t.indicator) + (" Δ" if t.delta else ""), style="govtext.count" if t.delta else "")
        table.add_row(str(t.line), indicator, visible(t.figure), value, t.unit, t.qualifier, t.node)
    return table


WIDE_UP_TO = 6
"""Up to this many documents the series is one column per year; past it one row per year, as a
terminal scrolls down, not across (50 work reports side by side fold every cell to a stroke)."""


def series_table(table):
    """The indicator × year table, each cell the figure as written: one column per year for a few
    documents; for a longer series one row per year with the core indicators as columns, the
    other indicators left to CSV and HTML (named in a line below)."""
    title = f"targets by year ({len(table.labels)} documents)"
    if len(table.labels) <= WIDE_UP_TO:
        out = Table(title=title, title_justify="left", show_edge=False, pad_edge=False)
        out.add_column("indicator", overflow="fold")
        for label in table.labels:
            out.add_column(label, overflow="fold")
        for row in table.rows:
            name = Text(visible(row.indicator), style="bold" if row.core else "")
            out.add_row(name, *(_cell(cell) for cell in row.cells))
        return out
    columns = [row for row in table.rows if row.core and any(row.cells)]
    out = Table(title=title, title_justify="left", show_edge=False, pad_edge=False)
    out.add_column("year", no_wrap=True)
    for row in columns:
        out.add_column(visible(row.indicator), overflow="fold")
    for index, label in enumerate(table.labels):
        out.add_row(visible(label), *(_cell(row.cells[index]) for row in columns))
    others = len(table.rows) - len(columns)
    if not others:
        return out
    note = Text(f"{others} more indicators by year: --format csv or html", style="govtext.count")
    return Group(out, note)


def _cell(cell):
    return visible(cell.figure) if cell else Text("·", style="govtext.count")


def diff_block(comparison):
    """The diff report's "targets changed" block (see :mod:`govtext.report.targets_diff`)."""
    from govtext.report.targets_diff import HEAD, line
    from govtext.targets.compare import DROPPED, NEW, SAME

    shown = comparison.shown() if comparison else []
    if not shown:
        return Group()
    styles = {NEW: "govtext.diff.added", DROPPED: "govtext.diff.removed", SAME: "govtext.count"}
    return Group(Text(HEAD, style="govtext.header"),
                 *(Text("  " + visible(line(c)), style=styles.get(c.kind, "govtext.change")) for c in shown))


def _num(value: float | None) -> str:
    if value is None:
        return ""
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


def render(documents: list[DocumentTargets], table=None):
    if table is not None:
        return series_table(table)
    return Group(*(document_table(doc) for doc in documents))
