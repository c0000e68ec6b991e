"""款 renumbered inside their article: references to them follow.

在第三条中增加一款，作为第二款 makes the old 第二款 the third; the republication then reads 本条第三款 in
that article and 本法第三条第三款 elsewhere, as it moves references to renumbered articles (renumber.py).
Which old 款 each new one is comes from the article's 款 before and after the items: a 款 whose text is
unchanged is the same 款, and a run of 款 replaced by as many is read place by place (a 款 reworded).  A
reference to a 款 that cannot be told so (gone, or among a run replaced by a different number) is left as
written and reported.  Articles an item rewrote whole are left alone: the instrument gave their 款 afresh.
Runs before the articles are renumbered, while every reference still names OLD's numbers.
"""

from __future__ import annotations

import re
from dataclasses import replace
from difflib import SequenceMatcher

from govtext.amend.lawtext import Article, classify
from govtext.amend.xrefs import label as ref_label, own_references, protected_spans
from govtext.numerals import CN_DIGITS, cn_value, to_cn

_CLAUSE = re.compile(rf"第([{CN_DIGITS}]+)款")
_THIS_ARTICLE = re.compile(rf"本条第([{CN_DIGITS}]+)款")


def _clauses(lines: tuple[str, ...]) -> list[tuple[str, ...]]:
    """The article's 款, each as its lines (its 项 with it)."""
    out: list[list[str]] = []
    for line in classify(lines):
        if line.unit == "clause":
            out.append([])
        if out:
            out[-1].append(lines[line.index])
    return [tuple(c) for c in out]


def _clause_map(old: tuple[str, ...], new: tuple[str, ...]) -> dict[int, int | None] | None:
    """OLD 款 number → its number now (None: gone or not to be told); None when nothing moved."""
    a, b = _clauses(old), _clauses(new)
    mapping: dict[int, int | None] = {}
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        for k in range(i1, i2):
            same_size = tag in ("equal", "replace") and i2 - i1 == j2 - j1
            mapping[k + 1] = j1 + (k - i1) + 1 if same_size else None
    if all(now == was for was, now in mapping.items()):
        return None
    return mapping


def _rewrite(line: str, spans, refs) -> str:
    """``line`` with each (start, end, text) of ``refs`` outside ``spans`` put in."""
    out, pos = [], 0
    for start, end, text in sorted(refs):
        if any(s <= start and end <= e for s, e in spans):
            continue
        out.append(line[pos:start])
        out.append(text)
        pos = end
    out.append(line[pos:])
    return "".join(out)


def follow_clause_numbers(parts: list, old_articles: list[Article], rewritten: set, moved: dict):
    """Move references to renumbered 款 in ``parts`` (changed in place); returns (updates, warnings)."""
    old_lines = {a.old_key: a.lines for a in old_articles}
    maps: dict[tuple[int, int], dict[int, int | None]] = {}
    for part in parts:
        if isinstance(part, Article) and part.old_key in old_lines and part.old_key not in rewritten:
            m = _clause_map(old_lines[part.old_key], part.lines)
            if m is not None:
                maps[part.old_key] = m
    if not maps:
        return (), []
    updates, warnings = [], []
    for i, part in enumerate(parts):
        if not isinstance(part, Article) or part.old_key is None:
            continue
        lines = []
        for line in part.lines:
            if line in part.protected:
                lines.append(line)
                continue
            refs = []
            found = [(ref.key, ref.end) for ref in own_references(line)]
            found += [(part.old_key, m.start() + 2) for m in _THIS_ARTICLE.finditer(line)]
            for key, end in found:
                clause = _CLAUSE.match(line, end)
                if not clause or key not in maps or (key, cn_value(clause.group(1))) in moved:
                    continue
                new = maps[key].get(cn_value(clause.group(1)))
                if new is None:
                    warnings.append(f"{part.label} refers to {ref_label(key)}{clause.group()}, which the amendment "
                                    "deleted or rewrote (left as written)")
                elif new != cn_value(clause.group(1)):
                    refs.append((clause.start(), clause.end(), f"第{to_cn(new)}款"))
            new_line = _rewrite(line, protected_spans(line, part.protected), refs) if refs else line
            if new_line != line:
                updates.append((part.label, line, new_line))
            lines.append(new_line)
        parts[i] = replace(part, lines=tuple(lines))
    return tuple(updates), warnings
