"""Redline: NEW as a Word document with tracked changes against OLD.

Paragraphs (one per line of the text) are aligned line by line; paired lines
carry word-level revisions, lines only one side has are whole inserted or
deleted paragraphs (their paragraph mark tracked too), so Word's “accept all”
gives NEW and “reject all” gives OLD.  Headings get Word's heading styles by
how deep the parser nested them (编 › 分编 › 章 › 节); the first line is the
title.  The Word writing itself is in govtext.word.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from difflib import SequenceMatcher
from itertools import accumulate

from govtext.diff.records import DiffResult
from govtext.errors import GovtextError
from govtext import model
from govtext.amend.api import title_of
from govtext.model import Document
from govtext.amend.compare import without_space
from govtext.report.article_pairs import char_regions

_HEADINGS = frozenset({model.BOOK, model.CHAPTER, model.SECTION})


@dataclass(frozen=True, slots=True)
class Paragraph:
    segments: tuple[tuple[str, str | None], ...]
    """(text, mark) with mark ``ins``, ``del`` or None."""
    mark: str | None
    """The paragraph as a whole inserted (``ins``) or deleted (``del``), else None."""
    style: str
    """``title``, ``heading1``…, or ``body``."""


def heading_levels(doc: Document) -> dict[int, int]:
    """Line number (as ``str.splitlines`` counts) → heading level, 1 the highest, of each
    编/分编/章/节 heading in ``doc``'s tree: its depth among the headings around it."""
    ends = list(accumulate(len(line) for line in doc.text.splitlines(keepends=True)))
    levels: dict[int, int] = {}
    stack = [(doc.root, 0)]
    while stack:
        node, depth = stack.pop()
        for child in node.children:
            if child.type in _HEADINGS:
                levels[bisect_right(ends, child.span[0])] = depth + 1
                stack.append((child, depth + 1))
    return levels


def _style(index: int, levels: dict[int, int]) -> str:
    if index == 0:
        return "title"
    level = levels.get(index)
    return f"heading{level}" if level else "body"


def redline_paragraphs(old_doc: Document, new_doc: Document) -> list[Paragraph]:
    old_lines, new_lines = old_doc.text.splitlines(), new_doc.text.splitlines()
    old_levels, new_levels = heading_levels(old_doc), heading_levels(new_doc)
    matcher = SequenceMatcher(None, [without_space(x) for x in old_lines], [without_space(x) for x in new_lines],
                              autojunk=False)
    out: list[Paragraph] = []

    def whole(line: str, mark: str, style: str) -> None:
        out.append(Paragraph(((line, mark),) if line else (), mark, style))

    for tag, a1, a2, b1, b2 in matcher.get_opcodes():
        if tag == "equal":
            for j, i in zip(range(b1, b2), range(a1, a2)):
                out.append(_paired(old_lines[i], new_lines[j], _style(j, new_levels)))
            continue
        paired = min(a2 - a1, b2 - b1) if tag == "replace" else 0
        for k in range(paired):
            out.append(_paired(old_lines[a1 + k], new_lines[b1 + k], _style(b1 + k, new_levels)))
        for i in range(a1 + paired, a2):
            whole(old_lines[i], "del", _style(i, old_levels))
        for j in range(b1 + paired, b2):
            whole(new_lines[j], "ins", _style(j, new_levels))
    return out


def _paired(a: str, b: str, style: str) -> Paragraph:
    if a == b:
        return Paragraph(((b, None),) if b else (), None, style)
    segments: list[tuple[str, str | None]] = []
    pb = 0
    for a1, a2, b1, b2 in char_regions(a, b):
        segments.append((b[pb:b1], None))
        segments.append((a[a1:a2], "del"))
        segments.append((b[b1:b2], "ins"))
        pb = b2
    segments.append((b[pb:], None))
    return Paragraph(tuple(s for s in segments if s[0]), None, style)


def render_documents(result: DiffResult, old_doc: Document, new_doc: Document, output: str | None = None,
                     **_options) -> bytes:
    if not output or not output.lower().endswith(".docx"):
        raise GovtextError("--format redline writes a Word document: give -o FILE.docx")
    from govtext.word.redline import redline_docx

    return redline_docx(redline_paragraphs(old_doc, new_doc), title=title_of(new_doc))
