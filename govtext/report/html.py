"""The HTML report: one self-contained page (inline CSS, no scripts, no network).

A summary table, the 提法 findings, then every change with both versions side
by side, deletions and insertions marked with <del> and <ins>.
"""

from __future__ import annotations

from html import escape

from govtext.diff.records import CHANGE_KINDS, TERM_KINDS, DiffResult
from govtext.report.inline import DELETE, INSERT, change_label, change_path, side_runs
from govtext.report.plain import source_name, term_line

CSS = """
body{font-family:"Noto Sans CJK SC","Source Han Sans SC","PingFang SC","Microsoft YaHei",sans-serif;
margin:2em auto;max-width:80em;padding:0 1em;color:#222;line-height:1.7}
h1{font-size:1.3em}h2{font-size:1.1em;margin-top:2em}
table{border-collapse:collapse;margin:.5em 0}td,th{border:1px solid #ccc;padding:.2em .6em;vertical-align:top}
th{background:#f4f4f4;text-align:left}
.change{margin:1.2em 0;border-top:1px solid #ddd;padding-top:.5em}
.kind{display:inline-block;min-width:6em;font-weight:bold}
.path{color:#666;font-size:.9em}
.pair{display:grid;grid-template-columns:1fr 1fr;gap:1em}
.pair>div{background:#fafafa;border:1px solid #eee;padding:.4em .6em;white-space:pre-wrap}
del{background:#fdd;color:#900}ins{background:#dfd;color:#060;text-decoration:none}
.added{color:#060}.removed{color:#900}.sim{color:#666;font-size:.9em}
"""


def _runs(runs) -> str:
    out = []
    for style, text in runs:
        if style == DELETE:
            out.append(f"<del>{escape(text)}</del>")
        elif style == INSERT:
            out.append(f"<ins>{escape(text)}</ins>")
        else:
            out.append(escape(text))
    return "".join(out)


def render(result: DiffResult, side_by_side: bool = True) -> str:
    old_name, new_name = escape(source_name(result.old)), escape(source_name(result.new))
    summary = result.summary
    parts = [
        "<!DOCTYPE html>",
        '<html lang="zh-CN"><head><meta charset="utf-8">',
        f"<title>govtext diff: {old_name} → {new_name}</title>",
        f"<style>{CSS}</style></head><body>",
        f"<h1>govtext diff: {old_name} → {new_name}</h1>",
        "<table><tr><th>change</th><th>count</th></tr>",
    ]
    for kind in CHANGE_KINDS + TERM_KINDS:
        if summary[kind]:
            parts.append(f"<tr><td>{kind}</td><td>{summary[kind]}</td></tr>")
    parts.append(f"<tr><td>unchanged</td><td>{result.unchanged}</td></tr></table>")
    if result.terms:
        parts.append("<h2>提法</h2><table><tr><th>finding</th><th>term</th><th>where</th></tr>")
        for term in result.terms:
            kind, what, where = term_line(term)
            parts.append(f"<tr><td>{kind}</td><td>{escape(what)}</td><td>{escape(where)}</td></tr>")
        parts.append("</table>")
    parts.append("<h2>Changes</h2>")
    if not result.changes:
        parts.append("<p>No changes.</p>")
    for number, change in enumerate(result.changes, 1):
        path = change_path(change)
        head = f'<span class="kind">{change.change}</span> {escape(change_label(change))}'
        if path:
            head += f' <span class="path">{escape(path)}</span>'
        if change.old is not None and change.new is not None and change.similarity < 1:
            head += f' <span class="sim">similarity {change.similarity:.2f}</span>'
        old_html = _runs(side_runs(change.old, change, "old")) if change.old else ""
        new_html = _runs(side_runs(change.new, change, "new")) if change.new else ""
        if change.old is None:
            new_html = f"<ins>{escape(change.new.text)}</ins>"
        if change.new is None:
            old_html = f"<del>{escape(change.old.text)}</del>"
        parts.append(f'<div class="change" id="c{number}"><div>{head}</div>'
                     f'<div class="pair"><div>{old_html}</div><div>{new_html}</div></div></div>')
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"
