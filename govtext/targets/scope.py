"""Where a report looks ahead: the sentences of the outline tree that may set targets.

Structural first: a section whose heading looks back (一、2023年工作回顾, 过去五年工作回顾), or
sets a multi-year plan (“十四五”时期主要目标任务), is left out whole — by its heading's markers
and by a year in it before the report's own.  Inside the sections left, a sentence opening
with a review marker (过去一年, 去年 …) narrates until one opens with a forward marker (今年 …)
or the paragraph ends; a paragraph opening with a restatement marker (提出上述预期目标) is
left out.  Every marker is lexicon data.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from govtext.model import HEADER, SECTION, SENTENCE_TYPES, Document, Node
from govtext.numerals import YEAR_DIGITS, cn_value
from govtext.targets.lexicon import TargetLexicon

_YEAR = re.compile(rf"([0-9０-９]{{4}}|[{YEAR_DIGITS}○]{{4}})\s*年")  # ○: a common stand-in for 〇
_FULLWIDTH = str.maketrans("０１２３４５６７８９○", "0123456789〇")
_LEADING_MARKS = " \t\r\n　—－-…·•“\"（("


def year_marks(text: str) -> list[tuple[int, int]]:
    """(end offset, year) of each four-digit year written in ``text`` (2024年, ２０２４年, 二〇二四年)."""
    found = []
    for m in _YEAR.finditer(text):
        digits = m.group(1).translate(_FULLWIDTH)
        value = int(digits) if digits.isdigit() else cn_value(digits)
        if value:
            found.append((m.end(), value))
    return found


def years_in(text: str) -> list[int]:
    """The four-digit years written in ``text``."""
    return [year for _, year in year_marks(text)]


def section_looks_back(title: str, lexicon: TargetLexicon, year: int | None) -> bool:
    """A heading of a review or a multi-year plan: no targets for the year beneath it."""
    if any(word in title for word in lexicon["scope.review_headings"]):
        return True
    if any(word in title for word in lexicon["scope.plan_headings"]):
        return True
    return year is not None and any(y < year for y in years_in(title))


def forward_sentences(doc: Document, lexicon: TargetLexicon, year: int | None) -> Iterator[tuple[Node, Node]]:
    """(sentence leaf, the node holding it) for every sentence that may set a target, in order."""
    review_openings = lexicon["scope.review_openings"]
    forward_openings = lexicon["scope.forward_openings"] + ((f"{year}年",) if year else ())
    restatements = lexicon["scope.restatement_openings"]
    state = {"line_start": -1, "review": False, "restating": False}

    def opening(text: str) -> str:
        return text.lstrip(_LEADING_MARKS)

    def visit(node: Node) -> Iterator[tuple[Node, Node]]:
        for child in node.children:
            if child.type == HEADER:
                continue
            if child.type == SECTION and section_looks_back(child.title or "", lexicon, year):
                continue
            if child.type in SENTENCE_TYPES:
                line_start = doc.text.rfind("\n", 0, child.span[0]) + 1
                start = opening(child.text or "")
                if line_start != state["line_start"]:  # a new paragraph: modes start afresh
                    state.update(line_start=line_start, review=False,
                                 restating=start.startswith(restatements))
                if start.startswith(review_openings):
                    state["review"] = True
                elif start.startswith(forward_openings):
                    state["review"] = False
                if not state["review"] and not state["restating"]:
                    yield child, node
            elif child.children:
                yield from visit(child)

    yield from visit(doc.root)
