"""The history as one self-contained HTML page (inline CSS and SVG, no script, no network).

Versions along the top; lineages as rows, a cell per version coloured by its event;
the ledger's top movers as line charts with one point per version; and the blamed
version's text, each sentence tinted by its age, each article or item marked with the
version that last changed it.  Everything from the documents goes through ``escape``.
"""

from __future__ import annotations

from govtext.escape import html_text as escape  # controls and bidi overrides shown, then HTML-escaped

from govtext.history.records import History, Lineage, TermRow
from govtext.report.history_view import MARKS, cell, latest_name, step_counts, top_movers

MAX_ROWS = 1500
"""Lineage rows shown; past it, divisions and the nodes that changed while standing in two
versions or more."""

CHARTS = 24
AGE_BUCKETS = ((10, "10+ versions old"), (5, "5–9"), (2, "2–4"), (1, "1 version old"), (0, "new in this version"))
"""Tint buckets by age in versions (least age of each bucket, legend), oldest first: most
wording of a yearly report is new each year, so a tint linear in time would hide the rest."""
NODE_MARKED = frozenset({"article", "item", "enumeration"})
SENTENCE_TYPES = frozenset({"lead", "measure", "statement", "heading", "line"})

EVENT_COLOURS = {
    "added": "#6cc070", "removed": "#e06666", "reworded": "#f1c232", "renamed": "#f6b26b",
    "renumbered": "#9fc5e8", "moved": "#8e7cc3", "split": "#76a5af", "merged": "#76a5af",
    "formatting": "#d9d9d9",
}
AGE_COLOURS = ("#e8eef8", "#dfe9d8", "#f3ecc8", "#f9d9a8", "#f7b7a3")
"""Oldest to newest wording."""

CSS = """
body{font-family:"PingFang SC","Hiragino Sans GB","Microsoft YaHei","Noto Sans CJK SC","Source Han Sans SC",
"Noto Sans SC","WenQuanYi Micro Hei",system-ui,sans-serif;margin:2em auto;max-width:110em;padding:0 1em;color:#222}
h1{font-size:1.3em}h2{font-size:1.1em;margin-top:2em}
table{border-collapse:collapse}td,th{border:1px solid #ddd;padding:.15em .4em;vertical-align:top;font-size:.9em}
th{background:#f4f4f4;text-align:left}td.n{text-align:right}
table.grid td.c{padding:0;width:1.1em;height:1.1em;text-align:center;font-size:.7em;border-color:#eee}
table.grid td.p{background:#cfd8e3}table.grid td.a{background:#fff}
table.grid th.v{writing-mode:vertical-rl;font-weight:normal;font-size:.75em;padding:.3em 0}
table.grid td.name{white-space:nowrap;max-width:28em;overflow:hidden;text-overflow:ellipsis}
.charts{display:flex;flex-wrap:wrap;gap:1em}.chart-box{border:1px solid #eee;padding:.3em}
.chart-box h3{font-size:.95em;margin:.1em 0}svg.chart polyline{fill:none;stroke:#3d85c6;stroke-width:1.5}
svg.chart circle{fill:#3d85c6}svg.chart line{stroke:#bbb}svg.chart text{font-size:9px;fill:#666}
.blame{white-space:pre-wrap;line-height:1.9;border:1px solid #eee;padding:1em}
.mark{font-size:.75em;color:#555;border:1px solid #bbb;border-radius:3px;padding:0 .2em;margin-right:.2em}
.mark.changed{border-color:#c00;color:#c00}
.legend span{display:inline-block;padding:0 .5em;margin-right:.3em}
"""


def _versions(history: History) -> str:
    """One row per version, as in the terminal: fifty versions as fifty columns ran off the page."""
    rows = []
    for k, v in enumerate(history.versions):
        counts = step_counts(history, k)
        changes = ", ".join(f"{n} {escape(kind)}" for kind, n in counts.items()) or ("(first)" if k == 0 else "—")
        rows.append(f"<tr><td>{k}</td><td>{escape(v.label)}</td><td>{escape(v.date or '')}</td>"
                    f'<td class="n">{v.chars}</td><td>{changes}</td></tr>')
    return ('<table class="versions"><tr><th>#</th><th>version</th><th>date</th><th>chars</th>'
            f"<th>changes from the one before</th></tr>{''.join(rows)}</table>")


DIVISIONS = frozenset({"book", "chapter", "section"})


def _shown(history: History) -> list[Lineage]:
    """Lineages in the order they appear, leaving out one-version items past the first rows."""
    if len(history.lineages) <= MAX_ROWS:
        return list(history.lineages)
    kept = [lin for lin in history.lineages
            if lin.type in DIVISIONS or lin.events and sum(ref is not None for ref in lin.nodes) >= 2]
    return kept[:MAX_ROWS]


def _lineages(history: History) -> str:
    labels = [v.label for v in history.versions]
    head = "".join(f'<th class="v" title="{escape(label)}">{escape(label)}</th>' for label in labels)
    rows = []
    shown = _shown(history)
    for lineage in shown:
        tds = []
        for v in range(len(labels)):
            mark, kind = cell(lineage, v)
            if kind:
                colour = EVENT_COLOURS.get(kind, "#999")
                tds.append(f'<td class="c e" style="background:{colour}" title="{escape(labels[v])}: '
                           f'{escape(kind)}">{escape(mark)}</td>')
            else:
                tds.append('<td class="c p"></td>' if lineage.nodes[v] is not None else '<td class="c a"></td>')
        name = latest_name(lineage)
        rows.append(f'<tr><td class="name" title="{escape(lineage.id)}">{escape(lineage.type)} · '
                    f"{escape(name)}</td>{''.join(tds)}</tr>")
    legend = "".join(f'<span style="background:{colour}">{escape(MARKS.get(kind, "*"))} {escape(kind)}</span>'
                     for kind, colour in EVENT_COLOURS.items())
    note = (f"<p>{len(shown)} of {len(history.lineages)} lineages: divisions, and nodes that changed while "
            f"standing in two versions or more (all of them in --format json).</p>"
            if len(shown) < len(history.lineages) else "")
    return (f'<p class="legend"><span style="background:#cfd8e3">unchanged</span>{legend}</p>{note}'
            f'<div style="overflow-x:auto"><table class="grid"><tr><th>lineage</th>{head}</tr>'
            f"{''.join(rows)}</table></div>")


def chart(row: TermRow, labels: list[str], width: int = 320, height: int = 90) -> str:
    """A line chart of one term's counts: one point per version."""
    n, top = len(row.counts), max(row.counts) or 1
    pad = 14
    xs = [pad + (width - 2 * pad) * (k / max(1, n - 1)) for k in range(n)]
    ys = [height - pad - (height - 2 * pad) * (c / top) for c in row.counts]
    points = " ".join(f"{x:.1f},{y:.1f}" for x, y in zip(xs, ys))
    dots = "".join(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="2"><title>{escape(label)}: {c}</title></circle>'
                   for x, y, c, label in zip(xs, ys, row.counts, labels))
    return (f'<svg class="chart" width="{width}" height="{height}" viewBox="0 0 {width} {height}" '
            f'role="img" aria-label="{escape(row.term)}">'
            f'<line x1="{pad}" y1="{height - pad}" x2="{width - pad}" y2="{height - pad}"/>'
            f'<text x="{pad}" y="{height - 2}">{escape(labels[0])}</text>'
            f'<text x="{width - pad}" y="{height - 2}" text-anchor="end">{escape(labels[-1])}</text>'
            f'<text x="2" y="10">{top}</text>'
            f'<polyline points="{points}"/>{dots}</svg>')


def _ledger(history: History) -> str:
    labels = [v.label for v in history.versions]
    boxes = []
    for row in top_movers(history, CHARTS):
        span = f"{labels[row.first]} – {labels[row.last]}"
        boxes.append(f'<div class="chart-box"><h3>{escape(row.term)} <small>{escape(span)}, '
                     f"max {max(row.counts)}</small></h3>{chart(row, labels)}</div>")
    listed = [row for row in history.terms if row.source != "diff"]
    head = "".join(f"<th>{escape(label)}</th>" for label in labels)
    body = "".join(f"<tr><th>{escape(row.term)}</th>" + "".join(f"<td>{c or ''}</td>" for c in row.counts) + "</tr>"
                   for row in listed)
    return (f'<div class="charts">{"".join(boxes)}</div>'
            f"<details><summary>protected and given terms, count per version ({len(listed)} terms; "
            f"all {len(history.terms)} in --format csv)</summary><div style=\"overflow-x:auto\">"
            f"<table><tr><th>term</th>{head}</tr>{body}</table></div></details>")


def _bucket(since: int, target: int) -> int:
    age = target - since
    return next(k for k, (least, _) in enumerate(AGE_BUCKETS) if age >= least)


def _blame(history: History) -> str:
    labels = [v.label for v in history.versions]
    t, text = history.blame_version, history.blame_text
    marks: dict[int, list[str]] = {}
    for entry in history.blame:
        if entry.type in NODE_MARKED:
            changed = entry.changed > 0 and entry.changed == t
            word = f"changed {labels[entry.changed]}" if entry.changed > entry.since or changed else \
                f"since {labels[entry.since]}"
            marks.setdefault(entry.span[0], []).append(
                f'<span class="mark{" changed" if changed else ""}">{escape(word)}</span>')
    sentences = sorted((e for e in history.blame if e.type in SENTENCE_TYPES), key=lambda e: e.span)
    out, pos = [], 0

    def upto(end: int) -> None:
        nonlocal pos
        for at in sorted(k for k in marks if pos <= k < end):
            out.append(escape(text[pos:at]))
            out.extend(marks.pop(at))
            pos = at
        out.append(escape(text[pos:end]))
        pos = end

    for entry in sentences:
        start, end = entry.span
        if start < pos:
            continue
        upto(start)
        bucket = _bucket(entry.since, t)
        out.append(f'<span class="age{bucket}" style="background:{AGE_COLOURS[bucket]}" '
                   f'title="since {escape(labels[entry.since])}">')
        upto(end)
        out.append("</span>")
    upto(len(text))
    legend = "".join(f'<span style="background:{colour}">{escape(name)}</span>'
                     for colour, (_, name) in zip(AGE_COLOURS, AGE_BUCKETS))
    return (f"<p>{escape(labels[t])}: each sentence tinted by the version since which it stands in its present "
            f"wording (hover for it); articles and items marked with the version that last changed them.</p>"
            f'<p class="legend">{legend}</p><div class="blame">{"".join(out)}</div>')


def render(history: History) -> str:
    first, last = history.versions[0], history.versions[-1]
    title = f"govtext history: {first.label} → {last.label} ({len(history.versions)} versions)"
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="zh"><head><meta charset="utf-8"><title>{escape(title)}</title>'
        f"<style>{CSS}</style></head><body>"
        f"<h1>{escape(title)}</h1>"
        f'<h2 id="versions">Versions</h2>{_versions(history)}'
        f'<h2 id="lineages">Lineages</h2>{_lineages(history)}'
        f'<h2 id="ledger">提法 ledger</h2>{_ledger(history)}'
        f'<h2 id="blame">Blame</h2>{_blame(history)}'
        "</body></html>\n"
    )
