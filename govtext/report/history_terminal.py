"""The history in the terminal (Rich): the series at a glance.

Versions with their change counts, the lineage of the top-level divisions as a strip
of one mark per version, the ledger's top movers with a sparkline, and a pointer to
the HTML page for everything else.
"""

from __future__ import annotations

from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, Group, RenderResult
from rich.table import Table
from rich.text import Text

from govtext.escape import visible
from govtext.history.records import History
from govtext.report.history_view import ABSENT, MARKS, PRESENT, cell, latest_name, sparkline, step_counts, top_movers

MAX_TOP = 40


def _plain(text: str) -> Text:
    """Document text for a table cell: never read as Rich markup ([/x] in a heading or a
    file name), control characters shown, not obeyed (govtext.escape)."""
    return Text(visible(text))
STYLES = {"added": "govtext.diff.added", "removed": "govtext.diff.removed"}


def _versions(history: History) -> Table:
    table = Table(title="versions", title_justify="left")
    for name in ("#", "version", "date", "chars", "changes from the one before"):
        table.add_column(name, justify="right" if name in ("#", "chars") else "left")
    for k, version in enumerate(history.versions):
        counts = step_counts(history, k)
        text = ", ".join(f"{n} {kind}" for kind, n in counts.items()) if k else "(first)"
        table.add_row(str(k), _plain(version.label), _plain(version.date or ""), str(version.chars), text)
    return table


def _strip(history: History, lineage) -> Text:
    """One mark per version, then the name it last stood under (cut at the edge, never wrapped)."""
    text = Text(no_wrap=True, overflow="ellipsis")
    for v in range(len(history.versions)):
        mark, kind = cell(lineage, v)
        text.append(mark, style=STYLES.get(kind or "", "govtext.change" if kind else "govtext.count"))
    text.append("  " + visible(latest_name(lineage)))
    return text


def _lineages(history: History) -> Group:
    top = [lineage for lineage in history.lineages if lineage.top]
    lines = [Text(f"top-level divisions: {len(top)} lineages over versions 0…{len(history.versions) - 1}",
                  style="govtext.diff.label")]
    if len(top) > MAX_TOP:  # the most recent ones: a reader starts from the present
        last_seen = {id(lin): max(v for v, ref in enumerate(lin.nodes) if ref is not None) for lin in top}
        recent = {id(lin) for lin in sorted(top, key=lambda lin: -last_seen[id(lin)])[:MAX_TOP]}
        lines.append(Text(f"… {len(top) - MAX_TOP} older ones (all in --format html or json)",
                          style="govtext.count"))
        top = [lin for lin in top if id(lin) in recent]
    lines[1:1] = [_strip(history, lineage) for lineage in top]
    return Group(*lines)


class _Ledger:
    """The top movers, fitted to the width at hand: a sparkline needs a cell per version, so
    on a narrow terminal the first/last columns go first, then the oldest versions."""

    def __init__(self, history: History) -> None:
        self.history = history
        self.rows = top_movers(history)

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        labels = [version.label for version in self.history.versions]
        n = len(labels)
        term_width = max((cell_len(visible(row.term)) for row in self.rows), default=4)
        edge_width = max(cell_len(visible(label)) for label in labels)
        # borders and padding: 3 per column plus 1
        room = options.max_width - term_width - cell_len("max") - 3 * 3 - 1
        with_edges = room - 2 * (edge_width + 3) >= n
        shown = n if with_edges or room >= n else max(8, room - 1)
        table = Table(title=f"提法 ledger: top movers of {len(self.history.terms)} terms", title_justify="left")
        table.add_column("term", no_wrap=True, min_width=term_width)
        table.add_column("counts per version" if shown == n else f"counts, last {shown} versions",
                         no_wrap=True, min_width=shown + (shown < n))
        if with_edges:
            table.add_column("first", no_wrap=True)
            table.add_column("last", no_wrap=True)
        table.add_column("max", no_wrap=True, justify="right")
        for row in self.rows:
            line = sparkline(row.counts)
            spark = Text(line if shown == n else "…" + line[n - shown :], style="govtext.measure")
            edges = [_plain(labels[row.first]), _plain(labels[row.last])] if with_edges else []
            table.add_row(_plain(row.term), spark, *edges, str(max(row.counts)))
        yield table


MAX_BLAMED = 12
NAME_CHARS = 16
BLAMED_TYPES = frozenset({"article", "item"})


def _name(entry) -> str:
    """第一百六十五条 for an article; （三）稳步推进乡村振兴 for a numbered item (its number alone says
    little); an item whose label already opens with its title (一是加快培养引进人才, a ——point's
    lead clause) keeps its label."""
    name = entry.label + entry.title if entry.type == "item" and entry.title and entry.title[:4] not in entry.label \
        else entry.label
    return name if len(name) <= NAME_CHARS else name[: NAME_CHARS - 1] + "…"


def _blamed(history: History) -> Text:
    """The articles and items the blamed version changed, by label (the 编注版 at a glance)."""
    t = history.blame_version
    label = visible(history.versions[t].label)
    changed = [visible(_name(entry)) for entry in history.blame if entry.type in BLAMED_TYPES and entry.changed == t]
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
        Text(f"{len(history.versions)} versions: {visible(first.label)} → {visible(last.label)}",
             style="govtext.document"),
        _versions(history),
        _lineages(history),
        legend,
        _Ledger(history),
        _blamed(history),
        Text("Every lineage, ledger charts and the blame view: --format html -o history.html "
             "(also --format json, csv; --pairs for each step's diff).", style="govtext.count"),
    )
