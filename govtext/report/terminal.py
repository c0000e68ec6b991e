"""The terminal report: Rich renderables styled by theme names (govtext.insert, …).

A summary table first, then each change inline (or in two columns with
``side_by_side``), then the 提法 table.  Widths are Rich's cell widths; long
text is folded as Chinese is set (see :class:`Folded`).
"""

from __future__ import annotations

from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, Group, RenderResult
from rich.measure import Measurement
from rich.table import Table
from rich.text import Text

from govtext.diff.records import ADDED, CHANGE_KINDS, REMOVED, TERM_KINDS, DiffResult
from govtext.report.arrange import SUMMARY_HEAD, SUMMARY_HEAD_ALL, arrange
from govtext.report.inline import (DELETE, INSERT, change_label, change_path, inline_runs, pair_notes, parts_of,
                                   shares_nothing, side_runs)
from govtext.report.plain import SHOW_BOTH, excerpt, has_parts, shown_apart, source_name, split_terms, term_line

STYLES = {DELETE: "govtext.delete", INSERT: "govtext.insert"}

_NO_LINE_START = frozenset("，。、；：？！）】》〉」』”’…,.;:?!)]}%")
_NO_LINE_END = frozenset("（【《〈「『“‘([{")
_KEEP_TOGETHER = 16
"""Most characters moved to the next line to keep a number, a word or punctuation whole."""


_NUMBER = frozenset("0123456789０１２３４５６７８９.,．，%％‰")
"""What a number is written with: 0.2%, 1,500, ２．５％ — never folded inside (0.↵2%)."""


def _can_break(plain: str, at: int) -> bool:
    before, after = plain[at - 1], plain[at]
    if after in _NO_LINE_START or before in _NO_LINE_END:
        return False
    if before in _NUMBER and after in _NUMBER and (before.isdigit() or after.isdigit()):
        return False  # a comma or point between digits is part of the number, not punctuation
    return not (before.isascii() and after.isascii() and before.isalnum() and after.isalnum())


def _breaks(plain: str, width: int) -> list[int]:
    """Offsets to fold one line at: between any two characters, as Chinese is set,
    except inside a Latin word or number or before closing punctuation (避头尾)."""
    breaks: list[int] = []
    start, used = 0, 0
    for index, char in enumerate(plain):
        size = cell_len(char)
        if used + size > width and index > start:
            cut = index
            while cut > start + 1 and index - cut < _KEEP_TOGETHER and not _can_break(plain, cut):
                cut -= 1
            if not _can_break(plain, cut):
                cut = index
            breaks.append(cut)
            start, used = cut, cell_len(plain[cut:index])
        used += size
    return breaks


class Folded:
    """Text folded at the column width with a hanging indent.

    Rich wraps at spaces, so it moves a whole unspaced Chinese sentence to the
    next line and leaves ragged gaps; this folds between characters instead.
    Line breaks in the text (a law's 款 and 项) are kept.
    """

    def __init__(self, text: Text, indent: int = 0) -> None:
        self.text = text
        self.indent = indent

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        width = max(1, options.max_width - self.indent)
        for line in self.text.split("\n", allow_blank=True):
            for part in line.divide(_breaks(line.plain, width)) if line.plain else [line]:
                part.no_wrap = True
                yield Text(" " * self.indent) + part if self.indent else part

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        longest = max((cell_len(line) for line in self.text.plain.split("\n")), default=0)
        return Measurement(self.indent + 1, self.indent + longest).clamp(max_width=options.max_width)


def _text(runs) -> Text:
    text = Text()
    for style, chunk in runs:
        text.append(chunk, style=STYLES.get(style, ""))
    return text


def _summary(result: DiffResult) -> Table:
    table = Table()
    table.add_column("change")
    table.add_column("count", justify="right", style="govtext.count")
    summary = result.summary
    for kind in CHANGE_KINDS:
        if summary[kind]:
            table.add_row(kind, str(summary[kind]))
    terms = [kind for kind in TERM_KINDS if summary[kind]]
    table.add_row("unchanged", str(result.unchanged), end_section=bool(terms))
    for kind in terms:
        table.add_row(f"提法 {kind}", str(summary[kind]))
    return table


def _heading(change) -> Text:
    head = Text()
    head.append(f"{change.change} ", style="govtext.change")
    head.append(change_label(change), style="govtext.diff.label")
    path = change_path(change)
    if path:
        head.append(f"  {path}", style="govtext.header")
    for note in pair_notes(change):  # paired by topic, similarity 0.42
        head.append(f"  {note}", style="govtext.count")
    return head


_WHOLE = {"old": "govtext.diff.removed", "new": "govtext.diff.added"}


def _side(side, change, which: str) -> Text:
    """One side of a pair shown apart: a side sharing no phrase is tinted as a whole node,
    not struck through from end to end."""
    runs = side_runs(side, change, which)
    if shares_nothing(runs):
        return Text("".join(text for _, text in runs), style=_WHOLE[which])
    return _text(runs)


def _columns(left, right) -> Table:
    grid = Table.grid(expand=True, padding=(0, 2))
    grid.add_column(ratio=1)
    grid.add_column(ratio=1)
    grid.add_row(left, right)
    return grid


def _terms(result: DiffResult) -> Table:
    key, rest = split_terms(result.terms)
    table = Table(title="提法", title_justify="left")
    table.add_column("finding")
    table.add_column("term")
    table.add_column("where", style="govtext.header")
    for number, term in enumerate(key + rest, 1):
        kind, what, where = term_line(term)
        # Text, not str: a term holding [/x] is no Rich markup.
        table.add_row(kind, Text(what), Text(where), end_section=number == len(key) and bool(rest))
    return table


def render(result: DiffResult, side_by_side: bool = False, show_all: bool = False, targets=None) -> Group:
    title = Text(f"govtext diff  {source_name(result.old)} → {source_name(result.new)}", style="bold")
    parts: list = [title, _summary(result)]
    if targets is not None and targets.shown():  # the targets block (govtext.targets.compare)
        from govtext.report.targets_terminal import diff_block

        parts.append(diff_block(targets))
    if result.terms:  # what an analyst reads first: the 提法, before the changes they come from
        parts += [Text(), _terms(result)]
    arrangement = arrange(result, show_all)
    if arrangement.summary:
        parts.append(Text(SUMMARY_HEAD_ALL if show_all else SUMMARY_HEAD, style="govtext.header"))
        for kind, line in arrangement.summary:
            parts.append(Folded(Text(f"{kind} ", style="govtext.change") + Text(line), indent=2))
    if not result.changes:
        parts.append(Text("no changes"))
    elif side_by_side:
        parts.append(Text())
        parts.append(_columns(Text(f"old: {source_name(result.old)}", style="govtext.header"),
                              Text(f"new: {source_name(result.new)}", style="govtext.header")))
    for change in arrangement.listed:
        parts.append(Text())
        parts.append(_heading(change))
        if change.change == ADDED:
            parts.append(Folded(Text(excerpt(change.new.text), style="govtext.diff.added"), indent=2))
        elif change.change == REMOVED:
            parts.append(Folded(Text(excerpt(change.old.text), style="govtext.diff.removed"), indent=2))
        elif has_parts(change):
            for which, mark in (("old", "- "), ("new", "+ ")):
                for side in parts_of(change, which):
                    parts.append(Folded(Text(mark) + _side(side, change, which), indent=2))
        elif change.edits and shown_apart(change, side_by_side):
            parts.append(_columns(Folded(_side(change.old, change, "old")),
                                  Folded(_side(change.new, change, "new"))))
        elif change.edits:
            parts.append(Folded(_text(inline_runs(change)), indent=2))
        elif change.change in SHOW_BOTH:
            parts.append(Folded(Text("- " + excerpt(change.old.text)), indent=2))
            parts.append(Folded(Text("+ " + excerpt(change.new.text)), indent=2))
    return Group(*parts)
