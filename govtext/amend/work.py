"""The text being amended, as the appliers share it: articles and the text between them,
looked up by their OLD numbers, and the spans of the units a target names."""

from __future__ import annotations

from copy import copy

from govtext.amend.lawtext import END_MARKS, Article, LawText, Line, classify
from govtext.amend.ops import AddHeading, Target
from govtext.amend.xrefs import label as ref_label


class Failure(Exception):
    """An operation that cannot apply to the text as it stands (the item is named by the caller)."""


class Work:
    """The text being amended: a list of articles and the text between them."""

    def __init__(self, law: LawText, default_sep: str) -> None:
        self.parts: list[Article | str] = list(law.parts)
        self.law = law  # as it stood before the instrument
        self.newline = law.newline
        self.law_title: str | None = None  # as the instrument names it: 名称 is found by it
        self.sep = default_sep
        self.pending: list[Article] = []  # added articles placed by number at the end
        self.headings: list[AddHeading] = []  # new chapters, placed once articles have their new numbers
        self.rewritten: set[tuple[int, int]] = set()  # articles an item replaced whole: OLD 款 numbers are gone
        self.moved_clauses: dict[tuple[tuple[int, int], int], str] = {}  # 款 split off: (article, 款) → new place
        self.closed_headings: list[str] = []  # units of headings deleted (删去第四章): the later ones close up
        self.notes: list[str] = []  # what was done with less certainty than an item says (warnings)

    # What items change: saved before each item and put back when it fails (an item applies whole or not at all).
    # A new field items change belongs here too.
    _ITEM_STATE = ("parts", "pending", "headings", "rewritten", "moved_clauses", "notes", "closed_headings")

    def snapshot(self) -> dict[str, object]:
        """A copy of what items change, for :meth:`restore`."""
        return {name: copy(getattr(self, name)) for name in self._ITEM_STATE}

    def restore(self, saved: dict[str, object]) -> None:
        for name, value in saved.items():
            setattr(self, name, value)

    def index(self, key: tuple[int, int], added_too: bool = True) -> int:
        """Where the article OLD numbered ``key`` is; failing that (``added_too``), an article an earlier item
        added under that number. Items name OLD's numbers: 增加一条，作为第九条 then 删去第九条 deletes OLD's."""
        for i, part in enumerate(self.parts):
            if isinstance(part, Article) and part.old_key == key:
                return i
        for i, part in enumerate(self.parts):
            if added_too and isinstance(part, Article) and part.old_key is None and part.key == key:
                return i
        raise Failure(f"{ref_label(key)} not found")

    def article(self, target: Target) -> tuple[int, Article]:
        i = self.index(target.key)
        return i, self.parts[i]


def unit_span(article: Article, target: Target) -> tuple[int, int]:
    """The lines [start, end) of the unit ``target`` names inside ``article``."""
    lines = classify(article.lines)
    if target.clause is None and target.point is None:
        return 0, len(article.lines)

    def matches(line: Line) -> bool:
        if target.point is None:
            return line.unit == "clause" and line.clause == target.clause
        if target.clause is not None and line.clause != target.clause:
            return False
        if target.subpoint is None:
            return line.unit == "point" and line.point == target.point
        return line.unit == "subpoint" and line.point == target.point and line.subpoint == target.subpoint

    level = {"clause": 0, "point": 1, "subpoint": 2}
    want = "subpoint" if target.subpoint is not None else "point" if target.point is not None else "clause"
    for n, line in enumerate(lines):
        if matches(line):
            end = len(article.lines)
            for later in lines[n + 1:]:
                if level[later.unit] <= level[want]:
                    end = later.index
                    break
            return line.index, end
    raise Failure(f"{target.label()} not found")


def end_mark(line: str) -> str:
    return line[-1] if line and line[-1] in END_MARKS else ""


def line_edit(change):
    """``change`` for a line of the text between articles as split on \\n: a CRLF law's lines end in \\r,
    which the change must neither see (末尾增加 would write after it) nor lose."""
    return lambda line: change(line[:-1]) + "\r" if line.endswith("\r") else change(line)


def replacing(old: str, lines) -> list[str]:
    """``lines`` to stand where the line ``old`` stood, with its \\r if it had one (a CRLF law)."""
    return [line + "\r" for line in lines] if old.endswith("\r") else list(lines)
