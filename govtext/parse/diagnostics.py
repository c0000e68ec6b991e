"""Oddities of numbering found in a finished tree, as data (never printed here).

A post-pass: the parser accepts the text as written, and this module reports
what a careful reader would query — a duplicated, skipped or backwards number, a
第X条之一 whose 第X条 is missing, ASCII and full-width digits mixed in one series.

A *series* is what is expected to count 1, 2, 3 …: the articles of a law (they
number continuously through every 编 and 章), and otherwise the numbered
children of one parent that share a numbering style (一、 and （一） under one
section are two series).
"""

from __future__ import annotations

import re
from typing import Iterable, Iterator

from govtext import model
from govtext.model import Diagnostic, Node
from govtext.numerals import CN_DIGITS, number_value, zhiyi_value
from govtext.parse.numbering import STYLES, match_number

WARNING = "warning"

# Codes and what they mean; the README lists the same table.
CODES = {
    "numbering-duplicate": "the same number twice in a row of one series",
    "numbering-gap": "a series skips numbers",
    "numbering-backwards": "a number lower than the one before it",
    "zhiyi-without-base": "第X条之一 with no 第X条 before it",
    "numbering-mixed-width": "ASCII and full-width digits in one series",
}

_FULLWIDTH_DIGIT = re.compile("[０-９]")
_ASCII_DIGIT = re.compile("[0-9]")
_NUMERAL = f"[0-9０-９]+|[{CN_DIGITS}]+"  # compiled (re's cache) for the rare unmatched number


def find_diagnostics(root: Node) -> tuple[Diagnostic, ...]:
    """Every numbering oddity under ``root``, in document order."""
    articles: list[Node] = []
    siblings: list[Diagnostic] = []
    # Depth first over the containers only: leaves, most of the nodes, head no series.
    stack = [root]
    while stack:
        node = stack.pop()
        if node.type == model.ARTICLE and node.number:
            articles.append(node)
        for series in _sibling_series(node):
            siblings.extend(_check_series(series))
        stack.extend([child for child in reversed(node.children) if child.children or child.type == model.ARTICLE])
    found = [*_check_series(articles), *siblings]
    found.sort(key=lambda d: (d.span[0], d.code))
    return tuple(found)


def _style_key(node: Node) -> str:
    number = node.number.strip()
    hit = match_number(number, STYLES)
    # Unmatched numbers (一是, 第一，) fall back to their shape with the numeral blanked.
    shape = hit[0].name if hit else re.sub(_NUMERAL, "#", number)
    return f"{node.type}:{shape}"


def _sibling_series(parent: Node) -> Iterable[list[Node]]:
    groups: dict[str, list[Node]] = {}
    for child in parent.children:
        if child.number and child.type != model.ARTICLE and child.type not in model.LEAF_TYPES:
            groups.setdefault(_style_key(child), []).append(child)
    return groups.values()


def _check_series(series: Iterable[Node]) -> Iterator[Diagnostic]:
    previous: Node | None = None
    previous_value = 0
    seen: set[int] = set()
    widths: set[str] = set()
    mixed_reported = False
    for node in series:
        number = node.number.strip()
        if not mixed_reported:
            widths |= {w for w, pattern in (("ascii", _ASCII_DIGIT), ("full", _FULLWIDTH_DIGIT))
                       if pattern.search(number)}
        if len(widths) == 2 and not mixed_reported:
            mixed_reported = True
            yield _warn("numbering-mixed-width", f"{number} mixes full-width and ASCII digits with "
                        f"{previous.number.strip() if previous else 'the numbers before it'} in one series", node)
        value = number_value(number)
        if value is None:
            continue
        if zhiyi_value(number) is not None:
            # 第三条之一 extends 第三条: it must follow it and does not advance the count.
            if value not in seen:
                yield _warn("zhiyi-without-base", f"{number} has no base article before it", node)
            continue
        if previous is not None and value == previous_value:
            yield _warn("numbering-duplicate", f"{number} follows {previous.number.strip()}: the same number twice", node)
        elif value < previous_value:
            yield _warn("numbering-backwards", f"{number} follows {previous.number.strip()}: numbering goes back", node)
        elif previous is not None and value > previous_value + 1:
            # Only gaps between two numbers: a series may start anywhere (excerpts, plans whose
            # chapters count on through every part).
            yield _warn("numbering-gap", f"{number} after {previous.number.strip()}: "
                        f"{_missing(previous_value, value)} missing", node)
        seen.add(value)
        previous, previous_value = node, value


def _missing(before: int, value: int) -> str:
    if value - before == 2:
        return f"number {before + 1} is"
    return f"numbers {before + 1} to {value - 1} are"


def _warn(code: str, message: str, node: Node) -> Diagnostic:
    return Diagnostic(WARNING, code, message, node.span)
