"""The HTML report: one self-contained page (inline CSS, no scripts, no network).

A summary table, the key 提法 findings (the rest folded in <details>), then
every change with both versions side by side, deletions and insertions marked
with <del> and <ins>.  A whole node added or removed is only tinted: a struck-out
paragraph is hard to read, and its column already says which side it is on.
Everything taken from the documents goes through ``html.escape``.
"""

from __future__ import annotations


from govtext.diff.records import CHANGE_KINDS, TERM_KINDS, DiffResult
from govtext.escape import html_text
from govtext.report.arrange import SUMMARY_HEAD, arrange
from govtext.report.inline import (DELETE, INSERT, TOPIC_NOTE, change_label, change_path, pair_notes, parts_of,
                                   shares_nothing, side_runs)
from govtext.report.plain import source_name, split_terms, term_line


def escape(text: str) -> str:
    # Control characters shown (\x1b), as in every report for people, then HTML-escaped.
    return html_text(text)


# Common CJK faces on macOS, Windows and Linux before the generic family, so
# the page reads the same wherever it is opened.
CSS = """
body{font-family:"PingFang SC","Hiragino Sans GB","Microsoft YaHei","Noto Sans CJK SC","Source Han Sans SC",
"Noto Sans SC","WenQuanYi Micro Hei",system-ui,sans-serif;
margin:2em auto;max-width:90em;padding:0 1em;color:#222;line-height:1.7}
h1{font-size:1.3em;overflow-wrap:anywhere}h2{font-size:1.1em;margin-top:2em}
table{border-collapse:collapse;margin:.5em 0}td,th{border:1px solid #ccc;padding:.2em .6em;vertical-align:top}
th{background:#f4f4f4;text-align:left}td.n{text-align:right;font-variant-numeric:tabular-nums}
th.group{background:#e8e8e8}
details{margin:.8em 0}summary{cursor:pointer;color:#444}
.legend{color:#555;font-size:.9em}
.change{margin:1.2em 0;border-top:1px solid #ddd;padding-top:.5em}
.kind{display:inline-block;min-width:6em;font-weight:bold}
.k-added{color:#116329}.k-removed{color:#a40e26}
.path{color:#666;font-size:.9em}
.pair{display:grid;grid-template-columns:1fr 1fr;gap:1em}
.pair>div{background:#fafafa;border:1px solid #eee;padding:.4em .6em;white-space:pre-wrap;overflow-wrap:anywhere}
.pair.head{position:sticky;top:0;background:#fff;border-bottom:1px solid #ccc;z-index:1}
.pair.head>div{background:#fff;border:0;font-weight:bold;white-space:normal}
.pair>div.none{color:#888;font-style:italic;background:#fff}
del{background:#ffd7d5;color:#82071e;text-decoration:line-through}
ins{background:#ccffd8;color:#055d20;text-decoration:none}
del.node{background:#fff0f0;text-decoration:none}ins.node{background:#effff2}
.sim{color:#666;font-size:.9em}.topic{color:#6639ba;font-size:.9em}
.pair>div.parts{background:none;border:0;padding:0;display:flex;flex-direction:column;gap:.5em}
.parts>div{background:#fafafa;border:1px solid #eee;padding:.4em .6em;white-space:pre-wrap;overflow-wrap:anywhere}
.toc ul{columns:3 18em;padding-left:1.2em}input.hide{margin:0 .2em 0 .6em}.filter label{margin-right:.8em}
h3.section{font-size:1em;margin-top:1.6em;border-bottom:2px solid #ccc}:target{background:#fff8c5}
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


def _summary(result: DiffResult) -> list[str]:
    summary = result.summary
    rows = ['<table><tr><th>change</th><th>count</th></tr>']
    rows += [f'<tr><td>{kind}</td><td class="n">{summary[kind]}</td></tr>' for kind in CHANGE_KINDS if summary[kind]]
    rows.append(f'<tr><td>unchanged</td><td class="n">{result.unchanged}</td></tr>')
    terms = [kind for kind in TERM_KINDS if summary[kind]]
    if terms:
        rows.append('<tr><th class="group" colspan="2">提法</th></tr>')
        rows += [f'<tr><td>{kind}</td><td class="n">{summary[kind]}</td></tr>' for kind in terms]
    rows.append("</table>")
    return rows


def _term_table(terms) -> str:
    rows = ["<table><tr><th>finding</th><th>term</th><th>where</th></tr>"]
    for term in terms:
        kind, what, where = term_line(term)
        rows.append(f"<tr><td>{escape(kind)}</td><td>{escape(what)}</td><td>{escape(where)}</td></tr>")
    rows.append("</table>")
    return "\n".join(rows)


def _terms(result: DiffResult) -> list[str]:
    key, rest = split_terms(result.terms)
    parts = ['<h2 id="terms">提法</h2>']
    if key:
        parts.append('<p class="legend">Modal shifts and protected 提法 first.</p>')
        parts.append(_term_table(key))
    if rest:
        summary = f"{len(rest)} heading and lead-sentence clauses appeared or disappeared"
        parts.append(f"<details{'' if key else ' open'}><summary>{summary}</summary>")
        parts.append(_term_table(rest))
        parts.append("</details>")
    return parts


def _section_of(change, renamed: dict[str, str] | None = None) -> str:
    """The top-level section a change is in, with its title (or the document's top).  A change
    only the old version has is filed under what its old section became (``renamed``): a
    retitled part is one heading in the contents, with all its changes under the new name."""
    side = change.new or change.old
    if side.top:
        return side.top if change.new is not None else (renamed or {}).get(side.top, side.top)
    if side.path:
        return side.path[0]
    return "(top)"


def _renamed_tops(changes) -> dict[str, str]:
    """Old top-level heading → new, for each top-level part the diff paired under another name."""
    return {c.old.top: c.new.top for c in changes
            if c.old is not None and c.new is not None and c.old.top and c.new.top and c.old.top != c.new.top
            and not c.old.path and not c.new.path}


def _filter(kinds: list[str]) -> list[str]:
    """Hide-by-kind switches that work with no script: a checkbox before the changes,
    and a CSS rule per kind (``:checked ~``) hiding that kind's records."""
    if not kinds:
        return []
    rules = "".join(f"#hide-{k}:checked~.changes .ck-{k}{{display:none}}" for k in kinds)
    # Each box must be a sibling of .changes (and before it) for ``~`` to reach it.
    boxes = "".join(f'<input type="checkbox" id="hide-{k}" class="hide"><label for="hide-{k}">{k}</label>'
                    for k in kinds)
    return [f"<style>{rules}</style>", '<span class="filter">Hide kinds:</span>', boxes]


def _grouped(listed, renamed: dict[str, str]) -> dict[str, list[tuple[int, object]]]:
    """The listed changes (numbered in document order) by section, sections in order of first
    appearance: every change of a section sits under its one heading."""
    groups: dict[str, list[tuple[int, object]]] = {}
    for number, change in enumerate(listed, 1):
        groups.setdefault(_section_of(change, renamed), []).append((number, change))
    return groups


def _contents(groups: dict[str, list], has_terms: bool) -> list[str]:
    """The contents list, at the top of the page: 提法, then one link per section with its count."""
    if not groups:
        return []
    items = '<li><a href="#terms">提法</a></li>' if has_terms else ""
    items += "".join(f'<li><a href="#s{k}">{escape(key)}</a> ({len(changes)})</li>'
                     for k, (key, changes) in enumerate(groups.items(), 1))
    return [f'<nav class="toc"><h2>Contents</h2><ul>{items}</ul></nav>']


def _mechanical(summary) -> list[str]:
    if not summary:
        return []
    rows = "".join(f"<li><b>{escape(kind)}</b> {escape(line)}</li>" for kind, line in summary)
    return [f'<section class="mechanical"><h2>{escape(SUMMARY_HEAD)}</h2><ul>{rows}</ul></section>']


def _side_html(side, change, which: str) -> str:
    """One node of one side; a side that shares no phrase with the other (a pair found by topic)
    is tinted as a whole node, like one added or removed, not struck through end to end."""
    runs = side_runs(side, change, which)
    if shares_nothing(runs):
        tag = "del" if which == "old" else "ins"
        return f'<{tag} class="node">{escape("".join(text for _, text in runs))}</{tag}>'
    return _runs(runs)


def _column(change, which: str) -> str:
    """One side's column: its node, or the parts of a merge or split stacked in document order
    (in one column, so that a split's second new part never lands under the old side)."""
    sides = parts_of(change, which)
    if len(sides) == 1:
        return f"<div>{_side_html(sides[0], change, which)}</div>"
    inner = "".join(f"<div>{_side_html(side, change, which)}</div>" for side in sides)  # each opens with its number
    return f'<div class="parts">{inner}</div>'


def _change(number: int, change) -> str:
    path = change_path(change)
    head = f'<span class="kind k-{change.change}">{change.change}</span> {escape(change_label(change))}'
    if path:
        head += f' <span class="path">{escape(path)}</span>'
    for note in pair_notes(change):  # paired by topic, similarity 0.42
        head += f' <span class="{"topic" if note == TOPIC_NOTE else "sim"}">{escape(note)}</span>'
    if change.old is None:
        old_html = '<div class="none">not in the old version</div>'
        new_html = f'<div><ins class="node">{escape(change.new.text)}</ins></div>'
    elif change.new is None:
        old_html = f'<div><del class="node">{escape(change.old.text)}</del></div>'
        new_html = '<div class="none">not in the new version</div>'
    else:
        old_html, new_html = _column(change, "old"), _column(change, "new")
    return (f'<div class="change ck-{change.change}" id="c{number}"><div>{head}</div>'
            f'<div class="pair">{old_html}{new_html}</div></div>')


def render(result: DiffResult, side_by_side: bool = True, show_all: bool = False, targets=None) -> str:
    old_name, new_name = escape(source_name(result.old)), escape(source_name(result.new))
    parts = [
        "<!DOCTYPE html>",
        '<html lang="zh-CN"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>govtext diff: {old_name} → {new_name}</title>",
        f"<style>{CSS}</style></head><body>",
        f"<h1>govtext diff: {old_name} → {new_name}</h1>",
    ]
    arrangement = arrange(result, show_all)
    groups = _grouped(arrangement.listed, _renamed_tops(result.changes))
    parts += _contents(groups, bool(result.terms)) + _summary(result)
    if targets is not None:  # the targets block (govtext.targets.compare), before the word edits
        from govtext.report.targets_diff import html_part

        parts += html_part(targets)
    if result.terms:
        parts += _terms(result)
    parts += _mechanical(arrangement.summary)
    parts.append("<h2>Changes</h2>")
    if not result.changes:
        parts.append("<p>No changes.</p>")
    else:
        parts.append('<p class="legend"><del>deleted words</del> are struck through, '
                     "<ins>inserted words</ins> highlighted.</p>")
        parts += _filter([k for k in CHANGE_KINDS if any(c.change == k for c in arrangement.listed)])
    parts.append('<div class="changes">')
    if result.changes:
        parts.append(f'<div class="pair head"><div>old: {old_name}</div><div>new: {new_name}</div></div>')
    for k, (section, changes) in enumerate(groups.items(), 1):
        parts.append(f'<h3 class="section" id="s{k}">{escape(section)}</h3>')
        parts += [_change(number, change) for number, change in changes]
    parts.append("</div></body></html>")
    return "\n".join(parts) + "\n"
