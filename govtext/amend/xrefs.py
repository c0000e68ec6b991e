"""Cross-references between articles of one law: finding, renumbering, checking.

A reference is the law's own when it follows 本法/本解释/… or nothing that names
another law; 刑法第一百七十六条 or 《……》第十条 point elsewhere and are left alone.
A chain (第十条、第十二条至第十五条) belongs to whoever its first member does.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable

from govtext.numerals import CN_DIGITS, cn_value, to_cn

_CN = f"[{CN_DIGITS}]+"
_ONE = rf"第{_CN}条(?:之{_CN})?(?:第{_CN}款)?(?:第{_CN}项)?"
CHAIN = re.compile(rf"{_ONE}(?:(?:、|至|和|或者|以及|及){_ONE})*")
ARTICLE_REF = re.compile(rf"第({_CN})条(?:之({_CN}))?")
# What names this very instrument, then endings of other laws' names.
OWN_PREFIXES = ("本法", "本解释", "本条例", "本规定", "本办法", "本细则", "本规则", "本决定")
FOREIGN_ENDINGS = ("法", "》", "典", "条例", "规定", "解释", "办法", "细则", "规则", "公约", "决定")


@dataclass(frozen=True, slots=True)
class Reference:
    line: str
    start: int
    end: int
    key: tuple[int, int]


def own_references(line: str) -> list[Reference]:
    """The references in ``line`` to articles of the same law."""
    refs = []
    for chain in CHAIN.finditer(line):
        before = line[:chain.start()]
        if not before.endswith(OWN_PREFIXES) and before.endswith(FOREIGN_ENDINGS):
            continue
        for m in ARTICLE_REF.finditer(chain.group()):
            key = (cn_value(m.group(1)), cn_value(m.group(2)) if m.group(2) else 0)
            refs.append(Reference(line, chain.start() + m.start(), chain.start() + m.end(), key))
    return refs


def protected_spans(line: str, protected: tuple[str, ...]) -> list[tuple[int, int]]:
    spans = []
    for words in protected:
        if not words:
            continue
        start = line.find(words)
        while start >= 0:
            spans.append((start, start + len(words)))
            start = line.find(words, start + 1)
    return spans


_CLAUSE_AFTER = re.compile(rf"第({_CN})款")


def renumber_line(line: str, protected: tuple[str, ...], new_number: Callable[[tuple[int, int]], str | None],
                  moved_clauses: dict[tuple[tuple[int, int], int], str] | None = None) -> tuple[str, int]:
    """``line`` with own references outside ``protected`` text moved to their new numbers.

    ``moved_clauses``: (article, 款) → where that 款 went (第八十一条第一款), for 款 split off their article."""
    spans = protected_spans(line, protected)
    out, pos, changed = [], 0, 0
    for ref in own_references(line):
        if any(s <= ref.start and ref.end <= e for s, e in spans):
            continue
        end = ref.end
        clause = _CLAUSE_AFTER.match(line, ref.end)
        if moved_clauses and clause and (ref.key, cn_value(clause.group(1))) in moved_clauses:
            label, end = moved_clauses[(ref.key, cn_value(clause.group(1)))], clause.end()
        else:
            label = new_number(ref.key)
        if label is None or label == line[ref.start:end]:
            continue
        out.append(line[pos:ref.start])
        out.append(label)
        pos = end
        changed += 1
    out.append(line[pos:])
    return "".join(out), changed


def label(key: tuple[int, int]) -> str:
    return f"第{to_cn(key[0])}条" + (f"之{to_cn(key[1])}" if key[1] else "")
