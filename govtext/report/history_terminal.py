"""The history in the terminal (Rich): the series at a glance.

Versions with their change counts, the lineage of the top-level divisions as a strip
of one mark per version, the ledger's top movers with a sparkline, and a pointer to
the HTML page for everything else.
"""

from __future__ import annotations

from rich.console import Group
from rich.table import Table
from rich.text import Text

from govtext.history.records import History
from govtext.report.history_view import ABSENT, MARKS, PRESENT, cell, latest_name, sparkline, step_counts, top_movers

MAX_TOP = 40
STYLES = {"added": "govtext.diff.added", "removed": "govtext.diff.removed"}


def _versions(history: History) -> Table:
    table = Table(title="versions", title_justify="left")
    for name in ("#", "version", "date", "chars", "changes from the one before"):
        table.add_column(name, justify="right" if name in ("#", "chars") else "left")
    for k, version in enumerate(history.versions):
        counts = step_counts(history, k)
        text = ", ".join(f"{n} {kind}" for kind, n in counts.items()) if k else "(first)"
        table.add_row(str(k), version.label, version.date or "", str(version.chars), text)
    return table


def _strip(history: History, lineage) -> Text:
    text = Text()
    for v in range(len(history.versions)):
        mark, kind = cell(lineage, v)
        text.append(mark, style=STYLES.get(kind or "", "govtext.change" if kind else "govtext.count"))
    return text


def _lineages(history: History) -> Table:
    top = [lineage for lineage in history.lineages if lineage.top]
    table = Table(title=f"top-level divisions ({len(top)} lineages)", title_justify="left")
    table.add_column("versions 0…%d" % (len(history.versions) - 1), no_wrap=True,
                     min_width=len(history.versions))
    table.add_column("last seen as", overflow="ellipsis", no_wrap=True)
    for lineage in top[:MAX_TOP]:
        table.add_row(_strip(history, lineage), latest_name(lineage))
    if len(top) > MAX_TOP:
        table.add_row(Text(f"… {len(top) - MAX_TOP} more", style="govtext.count"), "")
    return table


def _ledger(history: History) -> Table:
    table = Table(title=f"提法 ledger: top movers of {len(history.terms)} terms", title_justify="left")
    for name in ("term", "counts per version", "first", "last", "max"):
        table.add_column(name, no_wrap=name != "term")
    labels = [version.label for version in history.versions]
    for row in top_movers(history):
        table.add_row(row.term, Text(sparkline(row.counts), style="govtext.measure"),
                      labels[row.first], labels[row.last], str(max(row.counts)))
    return table


MAX_BLAMED = 30
BLAMED_TYPES = frozenset({"article", "item"})


def _name(entry) -> str:
    """第一百六十五条 for an article; （三）稳步推进乡村振兴 for a numbered item (its number alone says little)."""
    if entry.type == "item" and entry.title and entry.title not in entry.label:
        return entry.label + entry.title
    return entry.label


def _blamed(history: History) -> Text:
    """The articles and items the blamed version changed, by label (the 编注版 at a glance)."""
    t = history.blame_version
    label = history.versions[t].label
    changed = [_name(entry) for entry in history.blame if entry.type in BLAMED_TYPES and entry.changed == t]
    total = sum(1 for entry in history.blame if entry.type in BLAMED_TYPES)
    if t == 0:
        return Text(f"blame {label}: the first version; everything stands since it", style="govtext.count")
    shown = "、".join(changed[:MAX_BLAMED]) + (f" … {len(changed) - MAX_BLAMED} more" if len(changed) > MAX_BLAMED else "")
    text = Text(f"blame {label}: {len(changed)} of {total} articles/items changed in it", style="govtext.diff.label")
    if changed:
        text.append(": " + shown, style="govtext.number")
    return text


def render(history: History) -> Group:
    first, last = history.versions[0], history.versions[-1]
    legend = Text(f"{PRESENT} unchanged  {ABSENT} absent  " +
                  "  ".join(f"{mark} {kind}" for kind, mark in MARKS.items()), style="govtext.count")
    return Group(
        Text(f"{len(history.versions)} versions: {first.label} → {last.label}", style="govtext.document"),
        _versions(history),
        _lineages(history),
        legend,
        _ledger(history),
        _blamed(history),
        Text("Every lineage, ledger charts and the blame view: --format html -o history.html "
             "(also --format json, csv; --pairs for each step's diff).", style="govtext.count"),
    )
