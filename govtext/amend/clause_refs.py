"""款 and 项 renumbered inside their article: references to them follow.

在第三条中增加一款，作为第二款 makes the old 第二款 the third; the republication then reads 本条第三款 in
that article and 本法第三条第三款 elsewhere, as it moves references to renumbered articles (renumber.py);
a 项 added before 第三项 likewise makes 本条第一款第三项 the 第四项.  Which old unit each new one is comes
from the units before and after the items: a unit whose text is unchanged (a 项 without its （N） label) is
the same unit; in a run replaced by others, the units the instrument added (增加一款/一项) are set aside and
the rest, as many as before, are read place by place (units reworded).  A reference to a unit that cannot
be told so (deleted, or in a run that does not pair) is left as written and reported.  Articles an item
rewrote whole are left alone: the instrument gave their 款 afresh.  Runs before the articles are
renumbered, while every reference still names OLD's numbers.
"""

from __future__ import annotations

import re
from dataclasses import replace
from difflib import SequenceMatcher

from govtext.amend.lawtext import POINT, Article, classify
from govtext.amend.xrefs import label as ref_label, own_references, protected_spans
from govtext.amend.vocabulary import CN  # a run of Chinese numerals
from govtext.numerals import cn_value, to_cn

# After 第X条 (or 本条): 第N款 and/or 第M项 (第（三）项 too).
_UNITS_AFTER = re.compile(rf"(?:第(?P<clause>{CN})款)?(?:第[（(]?(?P<point>{CN})[）)]?项)?")
_THIS = re.compile(r"本条|本款")

Unit = tuple[tuple[str, ...], list[tuple[str, ...]]]  # a 款: its lines, and its 项 (each its lines)


def _clauses(lines: tuple[str, ...]) -> list[Unit]:
    out: list[tuple[list[str], list[list[str]]]] = []
    for line in classify(lines):
        text = lines[line.index]
        if line.unit == "clause":
            out.append(([], []))
        elif line.unit == "point":
            out[-1][1].append([])
        if out:
            out[-1][0].append(text)
            if out[-1][1] and line.unit != "clause":
                out[-1][1][-1].append(text)
    return [(tuple(c), [tuple(p) for p in ps]) for c, ps in out]


def _unlabelled(point: tuple[str, ...]) -> tuple[str, ...]:
    """A 项 compared without its （N） label: renumbering changes the label, not the 项."""
    return (POINT.sub("", point[0].lstrip(" \u3000")),) + point[1:] if point else point


def _pair(a: list, b: list, added: set[str]) -> dict[int, int | None]:
    """Position in ``a`` → position in ``b`` (1-based) or None; ``added``: first lines of units the
    instrument added, set aside when a run of ``a`` is replaced by a longer run of ``b``."""
    out: dict[int, int | None] = {}
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        news = list(range(j1, j2))
        if tag == "replace" and j2 - j1 != i2 - i1:
            news = [j for j in news if not (b[j] and b[j][0] in added)]
        for k in range(i1, i2):
            pairs = tag in ("equal", "replace") and len(news) == i2 - i1
            out[k + 1] = news[k - i1] + 1 if pairs else None
    return out


def _unit_map(old: tuple[str, ...], new: tuple[str, ...], added: set[str]):
    """(OLD 款, OLD 项 or None) → (款, 项 or None) now, or None; None when nothing moved."""
    a, b = _clauses(old), _clauses(new)
    clauses = _pair([c for c, _ in a], [c for c, _ in b], added)
    mapping: dict[tuple[int, int | None], tuple[int, int | None] | None] = {}
    for was, now in clauses.items():
        mapping[(was, None)] = (now, None) if now else None
        points_before = [_unlabelled(p) for p in a[was - 1][1]]
        points_now = [_unlabelled(p) for p in b[now - 1][1]] if now else []
        bare = {POINT.sub("", line.lstrip(" \u3000")) for line in added}
        for p, q in _pair(points_before, points_now, bare).items():
            mapping[(was, p)] = (now, q) if now and q else None
    if all(now == was for was, now in mapping.items()):
        return None
    return mapping


def _clause_of(lines: tuple[str, ...], index: int) -> int:
    return next(line.clause for line in reversed(classify(lines)) if line.index <= index)


def follow_unit_numbers(parts: list, old_articles: list[Article], rewritten: set, moved: dict, added: set[str]):
    """Move references to renumbered 款 and 项 in ``parts`` (changed in place); ``added``: the first lines of
    the 款 and 项 the instrument added.  Returns (updates, warnings)."""
    old_lines = {a.old_key: a.lines for a in old_articles}
    maps = {}
    for part in parts:
        if isinstance(part, Article) and part.old_key in old_lines and part.old_key not in rewritten:
            m = _unit_map(old_lines[part.old_key], part.lines, added)
            if m is not None:
                maps[part.old_key] = m
    if not maps:
        return (), []
    updates, warnings = [], []
    for i, part in enumerate(parts):
        if not isinstance(part, Article) or part.old_key is None:
            continue
        lines = []
        for index, line in enumerate(part.lines):
            if line in part.protected:
                lines.append(line)
                continue
            found = [(ref.key, ref.end, None) for ref in own_references(line)]
            found += [(part.old_key, m.end(), m.group() == "本款") for m in _THIS.finditer(line)]
            refs = []
            for key, end, this_clause in found:
                units = _UNITS_AFTER.match(line, end)
                if key not in maps or not units.group():
                    continue
                clause = cn_value(units.group("clause")) if units.group("clause") else None
                point = cn_value(units.group("point")) if units.group("point") else None
                implicit = clause is None
                if this_clause:
                    if clause is not None or point is None:
                        continue  # 本款 names no 款 of its own
                    clause = _clause_of(part.lines, index)  # 本款第二项: the 款 this line is in
                elif clause is None:
                    clause = 1  # 第十条第三项: the 项 of the article's (first) 款
                if (key, clause) in moved:
                    continue
                now = maps[key].get((clause, point))
                written = ref_label(key) + units.group() if this_clause is None else units.group()
                if now is None:
                    if (clause, point) in maps[key]:
                        warnings.append(f"{part.label} refers to {written}, which the amendment deleted or "
                                        "rewrote (left as written)")
                    continue
                if implicit and now[0] != clause:
                    warnings.append(f"{part.label} refers to {written}, which is now in another 款 (left as written)")
                    continue
                text = ("" if implicit else f"第{to_cn(now[0])}款") + (f"第{to_cn(now[1])}项" if point is not None else "")
                if text != units.group():
                    refs.append((units.start(), units.end(), text))
                if point is None and not implicit:
                    # 本条第二款、第三款 / 第二款至第四款: the 款 listed after the first are of the same article.
                    refs.extend(_listed_clauses(line, units.end(), maps[key], part.label, written, warnings))
            new_line = _rewrite(line, protected_spans(line, part.protected), refs) if refs else line
            if new_line != line:
                updates.append((part.label, line, new_line))
            lines.append(new_line)
        parts[i] = replace(part, lines=tuple(lines))
    return tuple(updates), warnings


_MORE_CLAUSE = re.compile(rf"(?:、|和|或者|至)第({CN})款(?!第)")


def _listed_clauses(line: str, at: int, mapping, label: str, first: str, warnings: list[str]):
    """The 款 listed right after a first one (、第三款): (start, end, text) for those renumbered."""
    out = []
    while (more := _MORE_CLAUSE.match(line, at)):
        at = more.end()
        clause = cn_value(more.group(1))
        now = mapping.get((clause, None))
        if now is None:
            if (clause, None) in mapping:
                warnings.append(f"{label} refers to {more.group()[1:]} listed with {first}, which the amendment "
                                "deleted or rewrote (left as written)")
            continue
        if now[0] != clause:
            out.append((more.start(1) - 1, more.end(), f"第{to_cn(now[0])}款"))
    return out


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
