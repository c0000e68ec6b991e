"""Redline: NEW as a Word document with tracked changes against OLD.

Paragraphs (one per line of the text) are aligned line by line; paired lines
carry word-level revisions, lines only one side has are whole inserted or
deleted paragraphs (their paragraph mark tracked too), so Word's “accept all”
gives NEW and “reject all” gives OLD.  Headings (编/章/节, the title) get
Word's heading styles by level.  The Word writing itself is in govtext.word.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher

from govtext.diff.records import DiffResult
from govtext.errors import GovtextError
from govtext.model import Document
from govtext.numerals import CN_DIGITS
from govtext.report.article_pairs import char_regions

_CN = f"[{CN_DIGITS}0-9]+"
# Heading lines of a law, highest rank first: each present rank takes the next heading level.
HEADING_RANKS = (
    ("book", re.compile(rf"^第{_CN}编")),
    ("sub-book", re.compile(rf"^第{_CN}分编")),
    ("chapter", re.compile(rf"^第{_CN}章")),
    ("section", re.compile(rf"^第{_CN}节")),
)
_SPACE = re.compile(r"[\s\u3000]+")


@dataclass(frozen=True, slots=True)
class Paragraph:
    segments: tuple[tuple[str, str | None], ...]
    """(text, mark) with mark ``ins``, ``del`` or None."""
    mark: str | None
    """The paragraph as a whole inserted (``ins``) or deleted (``del``), else None."""
    style: str
    """``title``, ``heading1``…, or ``body``."""


def _style(line: str, levels: dict[str, int], first: bool) -> str:
    if first:
        return "title"
    for rank, pattern in HEADING_RANKS:
        if pattern.match(line.strip()):
            return f"heading{levels[rank]}"
    return "body"


def _levels(lines: list[str]) -> dict[str, int]:
    present = [rank for rank, pattern in HEADING_RANKS if any(pattern.match(line.strip()) for line in lines)]
    return {rank: present.index(rank) + 1 if rank in present else 1 for rank, _ in HEADING_RANKS}


def redline_paragraphs(old_text: str, new_text: str) -> list[Paragraph]:
    old_lines, new_lines = old_text.splitlines(), new_text.splitlines()
    levels = _levels(new_lines + old_lines)
    matcher = SequenceMatcher(None, [_SPACE.sub("", x) for x in old_lines], [_SPACE.sub("", x) for x in new_lines],
                              autojunk=False)
    out: list[Paragraph] = []

    def whole(line: str, mark: str, first: bool) -> None:
        out.append(Paragraph(((line, mark),) if line else (), mark, _style(line, levels, first)))

    for tag, a1, a2, b1, b2 in matcher.get_opcodes():
        if tag == "equal":
            for j, i in zip(range(b1, b2), range(a1, a2)):
                out.append(_paired(old_lines[i], new_lines[j], _style(new_lines[j], levels, j == 0)))
            continue
        paired = min(a2 - a1, b2 - b1) if tag == "replace" else 0
        for k in range(paired):
            out.append(_paired(old_lines[a1 + k], new_lines[b1 + k], _style(new_lines[b1 + k], levels, b1 + k == 0)))
        for i in range(a1 + paired, a2):
            whole(old_lines[i], "del", i == 0)
        for j in range(b1 + paired, b2):
            whole(new_lines[j], "ins", j == 0)
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

    return redline_docx(redline_paragraphs(old_doc.text, new_doc.text), title=new_doc.text.split("\n", 1)[0].strip())
