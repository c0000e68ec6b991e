"""Targets as one self-contained HTML page: inline CSS and SVG, no script, no network.

The indicator × year table, one small line chart per core indicator (one point per year that
sets it; a range drawn as a bar from low to high), then each document's list.  Everything
from the documents goes through ``escape``.
"""

from __future__ import annotations

from html import escape

from govtext.targets.records import DocumentTargets

CSS = """
body{font-family:"PingFang SC","Hiragino Sans GB","Microsoft YaHei","Noto Sans CJK SC","Source Han Sans SC",
"Noto Sans SC","WenQuanYi Micro Hei",system-ui,sans-serif;margin:2em auto;max-width:110em;padding:0 1em;color:#222}
h1{font-size:1.3em}h2{font-size:1.1em;margin-top:2em}
table{border-collapse:collapse}td,th{border:1px solid #ddd;padding:.15em .4em;vertical-align:top;font-size:.9em}
th{background:#f4f4f4;text-align:left}td.empty{color:#bbb;text-align:center}tr.core th{font-weight:bold}
.charts{display:flex;flex-wrap:wrap;gap:1em}.chart{border:1px solid #eee;padding:.4em}
.chart h3{font-size:.9em;margin:0 0 .3em}svg text{font-size:10px;fill:#555}
.delta{color:#888}
"""
WIDTH, HEIGHT, PAD = 320, 140, 28


def _num(value: float | None) -> str:
    if value is None:
        return ""
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


def chart(name: str, labels: list[str], cells) -> str:
    """One small SVG line chart: x the documents, y the figure (unit of the latest cell)."""
    points = [(i, c) for i, c in enumerate(cells) if c is not None]
    if not points:
        return ""
    unit = points[-1][1].unit
    points = [(i, c) for i, c in points if c.unit == unit]  # one scale per chart
    lows = [c.low if c.low is not None else c.number for _, c in points]
    highs = [c.number for _, c in points]
    top, bottom = max(highs), min(0.0, min(lows))
    span = (top - bottom) or 1.0
    n = max(len(labels) - 1, 1)

    def x(i: int) -> float:
        return PAD + (WIDTH - 2 * PAD) * i / n

    def y(v: float) -> float:
        return HEIGHT - PAD + (-(HEIGHT - 2 * PAD) * (v - bottom) / span)

    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{HEIGHT}" role="img" '
             f'aria-label="{escape(name)}">',
             f'<line x1="{PAD}" y1="{HEIGHT - PAD}" x2="{WIDTH - PAD}" y2="{HEIGHT - PAD}" stroke="#ccc"/>']
    path = " ".join(f"{'M' if k == 0 else 'L'}{x(i):.1f},{y(c.number):.1f}" for k, (i, c) in enumerate(points))
    parts.append(f'<path d="{path}" fill="none" stroke="#3d85c6" stroke-width="1.5"/>')
    for i, c in points:
        if c.low is not None:
            parts.append(f'<line x1="{x(i):.1f}" y1="{y(c.low):.1f}" x2="{x(i):.1f}" y2="{y(c.high):.1f}" '
                         'stroke="#3d85c6" stroke-width="4" opacity=".5"/>')
        parts.append(f'<circle cx="{x(i):.1f}" cy="{y(c.number):.1f}" r="2.5" fill="#3d85c6">'
                     f'<title>{escape(labels[i])}: {escape(c.figure)}</title></circle>')
    first, last = points[0][0], points[-1][0]
    parts.append(f'<text x="{x(first):.1f}" y="{HEIGHT - 8}">{escape(labels[first])}</text>')
    if last != first:
        parts.append(f'<text x="{x(last):.1f}" y="{HEIGHT - 8}" text-anchor="end">{escape(labels[last])}</text>')
    parts.append(f'<text x="2" y="{PAD - 10}">{escape(_num(top))}{escape(unit)}</text>')
    parts.append("</svg>")
    return f'<div class="chart"><h3>{escape(name)} ({escape(unit)})</h3>{"".join(parts)}</div>'


def _table(table) -> str:
    head = "".join(f"<th>{escape(label)}</th>" for label in table.labels)
    rows = []
    for row in table.rows:
        cells = "".join(f'<td title="{escape(c.text)}">{escape(c.figure)}</td>' if c else '<td class="empty">·</td>'
                        for c in row.cells)
        rows.append(f'<tr{" class=core" if row.core else ""}><th>{escape(row.indicator)}</th>{cells}</tr>')
    return f"<table><tr><th>indicator</th>{head}</tr>{''.join(rows)}</table>"


def _document(doc: DocumentTargets) -> str:
    rows = "".join(
        f'<tr{" class=delta" if t.delta else ""}><td>{t.line}</td><td>{escape(t.indicator)}'
        f'{" (delta)" if t.delta else ""}</td><td>{escape(t.figure)}</td><td>{escape(t.unit)}</td>'
        f"<td>{escape(t.qualifier)}</td><td>{escape(t.node)}</td><td>{escape(t.text)}</td></tr>"
        for t in doc.targets)
    title = escape(f"{doc.path} {doc.year or ''}".strip())
    return (f"<h2>{title}: {len(doc.targets)} targets</h2><table><tr><th>line</th><th>indicator</th><th>figure</th>"
            f"<th>unit</th><th>qualifier</th><th>node</th><th>clause</th></tr>{rows}</table>")


def render(documents: list[DocumentTargets], table=None) -> str:
    body = ["<h1>targets</h1>"]
    if table is not None:
        charts = "".join(chart(row.indicator, table.labels, row.cells) for row in table.rows if row.core)
        body += ["<h2>by year</h2>", _table(table), f'<div class="charts">{charts}</div>']
    body += [_document(doc) for doc in documents]
    return ("<!DOCTYPE html>\n<html lang=\"zh\"><head><meta charset=\"utf-8\"><title>govtext targets</title>"
            f"<style>{CSS}</style></head><body>{''.join(body)}</body></html>\n")
