"""The Markdown report, for a pull-request comment: summary table, 提法, changes.

Deletions and insertions are marked with <del> and <ins>, not ~~ and **:
CommonMark only closes ``**`` next to punctuation when a space or punctuation
is on the other side, so ``**提升社会治理效能。**完善`` would print its
asterisks.  The long tail of 提法 (heading clauses) is folded in <details>.
"""

from __future__ import annotations

import re

from govtext.escape import one_line, visible
from govtext.diff.records import ADDED, CHANGE_KINDS, REMOVED, TERM_KINDS, DiffResult
from govtext.report.arrange import SUMMARY_HEAD, SUMMARY_HEAD_ALL, arrange
from govtext.report.inline import (DELETE, INSERT, change_label, change_path, inline_runs, pair_notes, parts_of,
                                   shares_nothing, side_runs)
from govtext.report.plain import SHOW_BOTH, excerpt, has_parts, shown_apart, split_terms, term_line

_LINE_START = re.compile(r"^(\d+)([.)])(?=\s|$)|^([#+=-])")
"""What would open a list, heading or rule where a quoted line begins."""
_SPACES = re.compile(r"\s+")


_SPECIAL = re.compile(r"([\\`*_\[\]<>|~&])")


def markdown_text(text: str) -> str:
    """``text`` as literal Markdown inline text: control characters shown (govtext.escape),
    every character CommonMark could read as markup backslash-escaped — emphasis, code,
    links, tables, and ``<`` and ``&``, or ``<script>`` and ``<img onerror>`` would be raw
    HTML to a renderer."""
    return _SPECIAL.sub(r"\\\1", visible(text))


def _escape(text: str) -> str:
    # Whitespace runs become one space, edges included: "第四条 " before an <ins> keeps its space.
    return markdown_text(_SPACES.sub(" ", text))


def code_span(text: str) -> str:
    """``text`` as a CommonMark code span whatever backticks it holds: the fence is one
    backtick longer than its longest run, padded with a space where the text begins or ends
    with one (backslashes do nothing inside a code span)."""
    text = one_line(text)
    longest = max((len(run) for run in re.findall("`+", text)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def _source(source) -> str:
    return code_span(source.path) if source.path else "(sample)"


def _quoted(markdown: str) -> str:
    """Markdown to follow ``> ``: a leading 1. or - must stay text."""
    return _LINE_START.sub(lambda m: f"{m[1]}\\{m[2]}" if m[1] else f"\\{m[3]}", markdown, count=1)


def _marked(runs) -> str:
    out = []
    for style, text in runs:
        if style == DELETE:
            out.append(f"<del>{_escape(text)}</del>")
        elif style == INSERT:
            out.append(f"<ins>{_escape(text)}</ins>")
        else:
            out.append(_escape(text))
    return "".join(out)


def _summary(result: DiffResult) -> list[str]:
    summary = result.summary
    lines = ["| change | count |", "|---|---:|"]
    lines += [f"| {kind} | {summary[kind]} |" for kind in CHANGE_KINDS if summary[kind]]
    lines.append(f"| unchanged | {result.unchanged} |")
    lines += [f"| 提法 {kind} | {summary[kind]} |" for kind in TERM_KINDS if summary[kind]]
    return lines + [""]


def _term_table(terms) -> list[str]:
    lines = ["| finding | term | where |", "|---|---|---|"]
    for term in terms:
        kind, what, where = term_line(term)
        lines.append(f"| {kind} | {_escape(what)} | {_escape(where)} |")
    return lines + [""]


def _terms(result: DiffResult) -> list[str]:
    key, rest = split_terms(result.terms)
    lines = ["#### 提法", ""]
    if key:
        lines += ["Modal shifts and protected 提法 first.", ""] + _term_table(key)
    if rest:
        # Blank lines around the table, or GitHub leaves it unrendered inside <details>.
        summary = f"{len(rest)} heading and lead-sentence clauses appeared or disappeared"
        lines += ["<details>", f"<summary>{summary}</summary>", ""] + _term_table(rest) + ["</details>", ""]
    return lines


def _head(change) -> str:
    """- **reworded** （三） → （二） — 一、 · paired by topic · similarity 0.29"""
    head = f"- **{change.change}** {_escape(change_label(change))}"
    path = change_path(change)
    if path:
        head += f" — {_escape(path)}"
    return " · ".join([head] + pair_notes(change))


def _side_text(side, change, which: str) -> str:
    runs = side_runs(side, change, which)
    if shares_nothing(runs):  # all struck through would be hard to read: "old:" says enough
        return _escape("".join(text for _, text in runs))
    return _marked(runs)


def _apart(change) -> list[str]:
    """Old above new, each node its own labelled quote paragraph: the parts of a merge or split
    one by one, and a pair with little wording in common (by topic) whole, not interleaved."""
    blocks = [f"old: {_side_text(side, change, 'old')}" for side in parts_of(change, "old")]
    blocks += [f"new: {_side_text(side, change, 'new')}" for side in parts_of(change, "new")]
    lines: list[str] = []
    for k, block in enumerate(blocks):
        lines += (["  >"] if k else []) + [f"  > {block}"]
    return lines


def _change(change, side_by_side: bool = False) -> list[str]:
    head = _head(change)
    if change.change == ADDED:
        return [head, f"  > <ins>{_escape(excerpt(change.new.text))}</ins>"]
    if change.change == REMOVED:
        return [head, f"  > <del>{_escape(excerpt(change.old.text))}</del>"]
    if has_parts(change) or (change.edits and shown_apart(change, side_by_side)):
        return [head] + _apart(change)
    if change.edits:
        return [head, f"  > {_quoted(_marked(inline_runs(change)))}"]
    if change.change in SHOW_BOTH:
        return [head, f"  > old: {_escape(excerpt(change.old.text))}",
                f"  >\n  > new: {_escape(excerpt(change.new.text))}"]
    return [head]


def render(result: DiffResult, side_by_side: bool = False, show_all: bool = False, targets=None) -> str:
    lines = [f"### govtext diff: {_source(result.old)} → {_source(result.new)}", ""]
    lines += _summary(result)
    if targets is not None:  # the targets block (govtext.targets.compare), before the word edits
        from govtext.report.targets_diff import markdown_lines

        lines += markdown_lines(targets)
    if not result.changes:
        lines.append("No changes.")
        return "\n".join(lines) + "\n"
    arrangement = arrange(result, show_all)
    if arrangement.summary:
        lines += [f"#### {_escape(SUMMARY_HEAD_ALL if show_all else SUMMARY_HEAD)}", ""]
        lines += [f"- **{kind}** {_escape(line)}" for kind, line in arrangement.summary] + [""]
    if result.terms:
        lines += _terms(result)
    lines += ["#### Changes", "",
              "<del>Deleted words</del> are struck through, <ins>inserted words</ins> underlined.", ""]
    for change in arrangement.listed:
        lines += _change(change, side_by_side)
    return "\n".join(lines) + "\n"
