"""Articles and their 款/项/目 as an instrument changes them: rewritten, added, deleted, merged,
moved, transferred, renumbered, split off — one applier per operation, each given the text being
built (:class:`~govtext.amend.work.Work`) and the operation.  Which applier runs for which
operation, and in what order the items run, is :mod:`govtext.amend.apply`'s."""

from __future__ import annotations

import re
from dataclasses import replace

from govtext.amend.lawtext import POINT, Article, classify
from govtext.amend.ops import (AddArticle, AddUnit, Delete, Detach, Merge, Modify, Move, Renumber, Target, Transfer,
                               article_label)
from govtext.amend.vocabulary import CN  # a run of Chinese numerals (第一百零一条 has a 零)
from govtext.amend.work import Failure, Work, end_mark, unit_span
from govtext.numerals import cn_value, to_cn


# An article's own label opening its text (第十条　, 第十条之一 ): the new article's label is ours to write.
_OWN_LABEL = re.compile(rf"^第[^条]{{1,8}}条(?:之{CN})?[ \u3000]*")


def _without_label(line: str) -> str:
    return _OWN_LABEL.sub("", line, count=1)


def _relabel_points(lines: tuple[str, ...], clause: int) -> tuple[str, ...]:
    """Number the 项 of one 款 afresh after an insertion or deletion: （一）（二）…"""
    out = list(lines)
    for line in classify(lines):
        if line.unit == "point" and line.clause == clause:
            out[line.index] = POINT.sub(f"（{to_cn(line.point)}）", out[line.index], count=1)
    return tuple(out)


def modify(work: Work, op: Modify) -> None:
    i, art = work.article(op.target)
    new = list(op.lines)
    t = op.target
    if t.clause is None and t.point is None:
        work.rewritten.add(t.key)
        new[0] = _without_label(new[0])
        work.parts[i] = replace(art, lines=tuple(new), protected=art.protected + tuple(new))
        return
    start, end = unit_span(art, t)
    if t.point is None and new and not end_mark(new[-1]) and new[-1][-1:] not in "”）)":
        new[-1] += "。"  # a quoted 款 closed inside the item's own sentence (……予以批准”；) keeps its full stop
    if t.point is not None and t.subpoint is None:
        old_first, old_last = art.lines[start], art.lines[end - 1]
        label = POINT.match(old_first.lstrip(" \u3000")).group()
        if not POINT.match(new[0]):
            new[0] = label + new[0]
        # Quoted 项 come without their end mark (“（二）……的”): they take the one the old 项 had.
        for k, line in enumerate(new):
            if (k == 0 or POINT.match(line)) and not end_mark(line):
                new[k] = line + end_mark(old_last)
    lines = art.lines[:start] + tuple(new) + art.lines[end:]
    if t.point is not None and t.subpoint is None:
        lines = _relabel_all(lines)
    work.parts[i] = replace(art, lines=lines, protected=art.protected + tuple(new))


def _relabel_all(lines: tuple[str, ...]) -> tuple[str, ...]:
    for clause in {line.clause for line in classify(lines) if line.unit == "point"}:
        lines = _relabel_points(lines, clause)
    return lines


def add_unit(work: Work, op: AddUnit) -> None:
    if op.with_article:
        return  # the article's new text, in the same item, carries the new paragraph
    i, art = work.article(op.parent)
    lines = classify(art.lines)
    new = list(op.lines)
    if op.unit == "clause":
        clauses = [line for line in lines if line.unit == "clause"]
        if op.position > len(clauses) + 1:
            raise Failure(f"{op.parent.label()} has {len(clauses)} 款, cannot add a 第{to_cn(op.position)}款")
        at = clauses[op.position - 1].index if op.position <= len(clauses) else len(art.lines)
        if at == 0:
            # A new first 款 goes right after the article's number; the old first 款 becomes a line of its own.
            merged = tuple(new) + art.lines
        else:
            merged = art.lines[:at] + tuple(new) + art.lines[at:]
        work.parts[i] = replace(art, lines=merged, protected=art.protected + tuple(new))
        return
    points = _points_of(lines, op.parent)
    if not points:
        raise Failure(f"{op.parent.label()} has no 项")
    clause = points[0].clause
    if op.position > len(points) + 1:
        raise Failure(f"{op.parent.label()} has {len(points)} 项, cannot add a 第{to_cn(op.position)}项")
    body = list(art.lines)
    if op.position <= len(points):
        at = points[op.position - 1].index
        # Inside a list a 项 ends as its predecessor does (；); a new first 项 as the one it displaces.
        mark = end_mark(body[points[op.position - 2].index] if op.position > 1 else body[at])
    else:
        _, at = unit_span(art, Target(op.parent.article, op.parent.zhiyi, clause, points[-1].point))
        mark = end_mark(body[points[-1].index])
        if mark == "。":
            body[points[-1].index] = body[points[-1].index][:-1] + "；"
            if end_mark(new[-1]) == "；":
                new[-1] = new[-1][:-1] + "。"  # quoted as a member of the list (“（四）……；”), it now ends it
    if not POINT.match(new[0]):
        new[0] = f"（{to_cn(op.position)}）" + new[0]
    if not end_mark(new[-1]):
        new[-1] += mark
    merged = _relabel_points(tuple(body[:at] + new + body[at:]), clause)
    work.parts[i] = replace(art, lines=merged, protected=art.protected + tuple(new))


def units_in(work: Work, op: AddUnit) -> int:
    """How many units of the kind ``op`` adds its parent has now (款 of the article, 项 of the 款)."""
    _, art = work.article(op.parent)
    lines = classify(art.lines)
    if op.unit == "clause":
        return sum(1 for line in lines if line.unit == "clause")
    return len(_points_of(lines, op.parent))


def _points_of(lines, parent: Target) -> list:
    """The 项 of ``parent``'s 款 (of its first 款 that has any, when no 款 is named)."""
    points = [line for line in lines if line.unit == "point" and (parent.clause is None or line.clause == parent.clause)]
    return [p for p in points if p.clause == points[0].clause]


def add_article(work: Work, op: AddArticle) -> None:
    article = Article(None, article_label(op.number, op.zhiyi), work.sep, op.lines, protected=op.lines)
    if not op.zhiyi and op.after is None:
        work.pending.append(article)
        return
    if op.before:
        work.parts.insert(work.index(op.after.key), article)
        return
    after = op.after.key if op.after else (op.number, op.zhiyi - 1 if op.zhiyi > 1 else 0)
    at = work.index(after) + 1
    if op.after and not op.zhiyi:
        # 在第四条后增加两条: the second goes after the first, past the articles already added there.
        while at < len(work.parts) and isinstance(work.parts[at], Article) and work.parts[at].old_key is None:
            at += 1
    work.parts.insert(at, article)


def delete(work: Work, op: Delete) -> None:
    if op.if_present:
        try:
            i, art = work.article(op.target)
            unit_span(art, op.target)
        except Failure:
            return  # moved by an earlier item that rewrote its article whole
    i, art = work.article(op.target)
    if op.target.clause is None and op.target.point is None:
        del work.parts[i]
        return
    start, end = unit_span(art, op.target)
    body = list(art.lines)
    if op.target.point is not None and op.target.subpoint is None:
        # The last 项 of a list carries the list's final mark (。): its predecessor inherits it.
        points = [line for line in classify(art.lines) if line.unit == "point"]
        this = next(p for p in points if p.index == start)
        siblings = [p for p in points if p.clause == this.clause]
        if this is siblings[-1] and len(siblings) > 1 and end_mark(body[siblings[-2].index]):
            prev = siblings[-2].index
            body[prev] = body[prev][:-1] + end_mark(body[start])
    lines = tuple(body[:start] + body[end:])
    if not lines:
        raise Failure(f"deleting {op.target.label()} leaves the article empty")
    if op.target.point is not None:
        lines = _relabel_all(lines)
    work.parts[i] = replace(art, lines=lines)


def merge(work: Work, op: Merge) -> None:
    if op.targets[0].clause is not None or op.targets[0].point is not None:
        _merge_clauses(work, op)
        return
    first_i, first = work.article(op.targets[0])
    lines, protected = list(first.lines), list(first.protected)
    for target in op.targets[1:]:
        _, other = work.article(target)
        lines.extend(other.lines)
        protected.extend(other.protected)
    work.parts[first_i] = replace(first, lines=tuple(lines), protected=tuple(protected))
    for target in op.targets[1:]:
        del work.parts[work.index(target.key)]


def _merge_clauses(work: Work, op: Merge) -> None:
    """将第一款和第二款合并 / 将第二项、第三项合并为一项: one paragraph of their texts (the item's
    修改为 usually rewrites it)."""
    i, art = work.article(op.targets[0])
    if any(t.key != op.targets[0].key or t.clause is None and t.point is None for t in op.targets):
        raise Failure("合并 of 款 or 项 from different articles")
    spans = [unit_span(art, t) for t in op.targets]
    # The later units' own labels （二） go; the first keeps its own.
    pieces = [POINT.sub("", line, count=1) if n and op.targets[0].point is not None else line
              for n, (s, e) in enumerate(spans) for line in art.lines[s:e]]
    text = "".join(pieces)
    gone = {k for s, e in spans[1:] for k in range(s, e)} | set(range(spans[0][0] + 1, spans[0][1]))
    lines = tuple(text if k == spans[0][0] else line for k, line in enumerate(art.lines) if k not in gone)
    work.parts[i] = replace(art, lines=_relabel_all(lines) if op.targets[0].point is not None else lines)


def _siblings(art: Article, target: Target, unit: str) -> list[tuple[int, int]]:
    """The spans of the units at ``target``'s level that share its parent (the 项 of its 款, the 款 of its article)."""
    lines = classify(art.lines)
    clause = lines[unit_span(art, target)[0]].clause  # 第四项 with no 款 named: the 款 it is in
    return [unit_span(art, Target(target.article, target.zhiyi, line.clause, line.point if unit == "point" else None))
            for line in lines if line.unit == unit and (unit == "clause" or line.clause == clause)]


def _move_within(work: Work, op: Move) -> None:
    """将该项移作第三项: the unit changes place among its siblings; each place keeps its end mark
    (the last 项 its 。, the others their ；) and the 项 are numbered afresh."""
    i, art = work.article(op.target)
    spans = _siblings(art, op.target, op.unit)
    here = spans.index(unit_span(art, op.target))
    if not 1 <= op.number <= len(spans):
        raise Failure(f"{op.target.label()} has {len(spans)} siblings, no place {to_cn(op.number)}")
    pieces = [list(art.lines[s:e]) for s, e in spans]
    marks = [end_mark(p[-1]) for p in pieces]
    pieces.insert(op.number - 1, pieces.pop(here))
    if op.unit == "point":
        for piece, mark in zip(pieces, marks):
            if mark and end_mark(piece[-1]):
                piece[-1] = piece[-1][:-1] + mark
    body = [line for piece in pieces for line in piece]
    lines = art.lines[:spans[0][0]] + tuple(body) + art.lines[spans[-1][1]:]
    work.parts[i] = replace(art, lines=_relabel_all(lines) if op.unit == "point" else lines)


def transfer(work: Work, op: Transfer) -> None:
    """将第三条第二款作为第四条第二款: the 款 leaves its article and takes that place in the other."""
    i, art = work.article(op.target)
    start, end = unit_span(art, op.target)
    moved = art.lines[start:end]
    rest = art.lines[:start] + art.lines[end:]
    if not rest:
        raise Failure(f"moving {op.target.label()} leaves its article empty")
    work.parts[i] = replace(art, lines=rest)
    j, dest = work.article(Target(op.article, op.zhiyi))
    starts = [line.index for line in classify(dest.lines) if line.unit == "clause"]
    if not 1 <= op.position <= len(starts) + 1:
        raise Failure(f"{article_label(op.article, op.zhiyi)} has {len(starts)} 款, no place 第{to_cn(op.position)}款")
    at = starts[op.position - 1] if op.position <= len(starts) else len(dest.lines)
    work.parts[j] = replace(dest, lines=dest.lines[:at] + moved + dest.lines[at:])
    work.moved_clauses[(op.target.key, op.target.clause)] = \
        article_label(op.article, op.zhiyi) + f"第{to_cn(op.position)}款"


def move(work: Work, op: Move) -> None:
    if op.unit != "article":
        _move_within(work, op)
        return
    i, art = work.article(op.target)
    del work.parts[i]
    if op.after is None:
        work.pending.append(replace(art, label=article_label(op.number)))  # placed by number, like an added one
        return
    work.parts.insert(work.index(op.after.key) + 1, art)


def renumber(work: Work, op: Renumber) -> None:
    """Articles are numbered at the end; a 项 or 款 given the number a sibling still holds changes place
    (将第七条第三项调整为第一项 = 移作第一项), one given the number it now has by its place (删去第三项。第四项改为
    第三项) only checks that place is there.  Once an earlier item added or deleted one of the article's 款/项,
    the numbers stated are those the units now have by their places: nothing moves."""
    _, art = work.article(op.target)
    if op.unit not in ("point", "clause") or op.into_clause is not None:
        return
    if _layout(art.lines) != _layout(next((a.lines for a in work.law.articles() if a.old_key == art.old_key), ())):
        unit_span(art, op.target if op.unit != "point" else Target(op.target.article, op.target.zhiyi,
                                                                   op.target.clause, op.number))
        return
    spans = _siblings(art, op.target, op.unit)
    if op.unit == "point":
        unit_span(art, Target(op.target.article, op.target.zhiyi, op.target.clause, op.number))
    if spans.index(unit_span(art, op.target)) + 1 != op.number and 1 <= op.number <= len(spans):
        _move_within(work, Move(op.target, None, op.number, op.unit))


def _layout(lines: tuple[str, ...]) -> list[tuple]:
    """Which 款/项/目 each line is: what adding, deleting or moving a unit changes, and rewording does not."""
    return [(line.unit, line.clause, line.point, line.subpoint) for line in classify(lines)]


def detach(work: Work, op: Detach) -> None:
    if op.lines and op.target.key in work.rewritten:
        # 将第二条修改为…… then 将第二条第三款单作一条，修改为……: the 款 left with the old text already.
        new = (_without_label(op.lines[0]),) + op.lines[1:]
        work.pending.append(Article(None, article_label(op.number), work.sep, new, protected=new))
        return
    i, art = work.article(op.target)
    start, end = unit_span(art, op.target)
    lines = op.lines or art.lines[start:end]
    if op.lines and not end_mark(lines[-1]) and lines[-1][-1:] not in "”）)":
        lines = lines[:-1] + (lines[-1] + "。",)
    gone = set(range(start, end))
    for clause in op.more:  # 第三、四、五、六款分别作为第八十一条第二、三、四、五款
        s, e = unit_span(art, Target(op.target.article, op.target.zhiyi, clause))
        lines += art.lines[s:e]
        gone |= set(range(s, e))
    rest = tuple(line for k, line in enumerate(art.lines) if k not in gone)
    # The 款 keep their text: 本条第三款 inside them, and 第X条第三款 elsewhere, follow them to the new article.
    order = (op.target.clause,) + op.more
    here = {old: f"第{to_cn(k)}款" for k, old in enumerate(order, 1)}
    for old, new_clause in here.items():
        work.moved_clauses[(op.target.key, old)] = article_label(op.number) + new_clause
    if not op.lines:
        lines = tuple(lines)
    else:
        lines = tuple(lines[:len(op.lines)]) + tuple(
            re.sub(rf"本条第({CN})款", lambda m: "本条" + here.get(cn_value(m.group(1)), m.group()), line)
            for line in lines[len(op.lines):])
    if not rest:
        raise Failure(f"detaching {op.target.label()} leaves the article empty")
    work.parts[i] = replace(art, lines=rest)
    new = (_without_label(lines[0]),) + tuple(lines[1:])
    work.pending.append(Article(None, article_label(op.number), work.sep, new, protected=new if op.lines else ()))
