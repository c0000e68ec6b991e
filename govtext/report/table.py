"""新旧对照表: the comparison table lawyers hand around (修改前 | 修改后).

One row per article whose words changed (``--all``: every article — renumbered ones with
their numbers marked, unchanged ones 同左);
a deleted article reads （删除）, an added one has an empty old cell; inserted
words are bold, deleted ones struck through.  Markdown to standard output,
a self-contained HTML page for ``-o FILE.html``, a Word document (landscape,
a real table) for ``-o FILE.docx``.
"""

from __future__ import annotations

from dataclasses import dataclass

from govtext.amend.compare import normal_form
from govtext.amend.lawtext import Article
from govtext.diff.records import DiffResult
from govtext.model import Document
from govtext.report.article_pairs import char_regions, pair_articles
from govtext.amend.api import law_title
from govtext.escape import html_text
from govtext.report.markdown import markdown_text

OLD_HEADER, NEW_HEADER = "修改前", "修改后"
DELETED, SAME = "（删除）", "同左"

Segment = tuple[str, str | None]
"""(text, mark): mark ``ins``, ``del`` or None; a ``\\n`` in text is a paragraph break."""


@dataclass(frozen=True, slots=True)
class Row:
    old: tuple[Segment, ...]
    """The old cell; empty for an added article."""
    new: tuple[Segment, ...]
    """The new cell; （删除） for a deleted article, 同左 for an unchanged one."""
    change: str
    """``changed`` (words, or with --all the number alone), ``added``, ``deleted`` or ``unchanged``."""


@dataclass(frozen=True, slots=True)
class Table:
    title: str
    rows: tuple[Row, ...]


def _text(article: Article) -> str:
    return article.label + article.sep + "\n".join(article.lines)


def comparison_table(result: DiffResult, old_doc: Document, new_doc: Document, all_articles: bool = False) -> Table:
    pairs = pair_articles(result, old_doc, new_doc)
    rows = []
    for old, new in pairs.rows():
        if new is None:
            rows.append(Row(((_text(old), "del"),), ((DELETED, None),), "deleted"))
        elif old is None:
            rows.append(Row((), ((_text(new), "ins"),), "added"))
        elif normal_form(old) == normal_form(new) and (old.label == new.label or not all_articles):
            # Same words (a new number alone is no change of substance: the table lists those with --all).
            if all_articles:
                rows.append(Row(((_text(old), None),), ((SAME, None),), "unchanged"))
        else:
            a, b = _text(old), _text(new)
            old_cell, new_cell, pos_a, pos_b = [], [], 0, 0
            for a1, a2, b1, b2 in char_regions(a, b):
                old_cell += [(a[pos_a:a1], None), (a[a1:a2], "del")]
                new_cell += [(b[pos_b:b1], None), (b[b1:b2], "ins")]
                pos_a, pos_b = a2, b2
            old_cell.append((a[pos_a:], None))
            new_cell.append((b[pos_b:], None))
            rows.append(Row(_clean(old_cell), _clean(new_cell), "changed"))
    title = law_title(new_doc) or law_title(old_doc)
    return Table(f"《{title}》修改前后对照表", tuple(rows))


def _clean(cell: list[Segment]) -> tuple[Segment, ...]:
    return tuple((text, mark) for text, mark in cell if text)


def render_documents(result: DiffResult, old_doc: Document, new_doc: Document, output: str | None = None,
                     all_articles: bool = False, **_options) -> str | bytes:
    table = comparison_table(result, old_doc, new_doc, all_articles)
    suffix = (output or "").lower().rsplit(".", 1)[-1] if output and "." in output else ""
    if suffix == "docx":
        from govtext.word.table import table_docx

        return table_docx(table, (OLD_HEADER, NEW_HEADER))
    if suffix in ("html", "htm"):
        return to_html(table)
    return to_markdown(table)


def _markdown_cell(cell: tuple[Segment, ...]) -> str:
    out = []
    for text, mark in cell:
        # Every Markdown special escaped, not | alone: a cell holding <script> or
        # <img onerror=…> would be raw HTML to a CommonMark renderer.
        pieces = [markdown_text(p) for p in text.split("\n")]
        if mark:
            wrap = "**" if mark == "ins" else "~~"
            pieces = [f"{wrap}{p}{wrap}" if p.strip() else p for p in pieces]
        out.append("<br>".join(pieces))
    return "".join(out)


def to_markdown(table: Table) -> str:
    lines = [f"# {markdown_text(table.title)}", "", f"| {OLD_HEADER} | {NEW_HEADER} |", "|---|---|"]
    lines += [f"| {_markdown_cell(row.old)} | {_markdown_cell(row.new)} |" for row in table.rows]
    if not table.rows:
        lines.append("| （条文无修改） | |")
    return "\n".join(lines) + "\n"


def _html_cell(cell: tuple[Segment, ...]) -> str:
    out = []
    for text, mark in cell:
        body = html_text(text).replace("\n", "<br>")
        out.append(f"<{mark}>{body}</{mark}>" if mark else body)
    return "".join(out)


_CSS = """body{font-family:"Songti SC","SimSun","Noto Serif CJK SC",serif;margin:2em}
h1{font-size:1.4em;text-align:center}table{border-collapse:collapse;width:100%;table-layout:fixed}
th,td{border:1px solid #333;padding:.5em;vertical-align:top;line-height:1.7}th{background:#eee}
ins{font-weight:bold;text-decoration:none}del{text-decoration:line-through;color:#555}"""


def to_html(table: Table) -> str:
    rows = "\n".join(f"<tr><td>{_html_cell(r.old)}</td><td>{_html_cell(r.new)}</td></tr>" for r in table.rows)
    return (f'<!DOCTYPE html>\n<html lang="zh-CN"><head><meta charset="utf-8"><title>{html_text(table.title)}</title>'
            f"<style>{_CSS}</style></head>\n<body><h1>{html_text(table.title)}</h1>\n<table>\n"
            f"<thead><tr><th>{OLD_HEADER}</th><th>{NEW_HEADER}</th></tr></thead>\n<tbody>\n{rows}\n</tbody></table>"
            "</body></html>\n")
