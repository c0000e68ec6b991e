"""Old numbers inside one item: 删去第三项。第四项改为第三项，修改为…… still calls it 第四项.

Within an item drafters keep naming 款 and 项 by their numbers in the OLD text,
although the item's earlier clauses have already added, removed or split some.
:class:`Shifts` records how each applied operation moved the numbering of the
article it touched and maps the item's later targets onto the current text.
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace

from govtext.amend.lawtext import Article, classify
from govtext.amend.ops import AddUnit, Merge, Operation, Target


@dataclass(frozen=True, slots=True)
class _Shift:
    key: tuple[int, int]
    level: str
    """``clause`` or ``point``."""
    clause: int | None
    """For a 项 shift: the 款 holding the list."""
    after: int
    """Units numbered above this one move by ``delta``."""
    delta: int


def _counts(article: Article) -> tuple[int, dict[int, int]]:
    lines = classify(article.lines)
    points: dict[int, int] = {}
    for line in lines:
        if line.unit == "point":
            points[line.clause] = points.get(line.clause, 0) + 1
    return sum(1 for line in lines if line.unit == "clause"), points


def target_of(op: Operation) -> Target | None:
    if isinstance(op, AddUnit):
        return op.parent
    if isinstance(op, Merge):
        return op.targets[0]
    target = getattr(op, "target", None)
    return target if isinstance(target, Target) else None


class Shifts:
    def __init__(self) -> None:
        self.shifts: list[_Shift] = []

    def record(self, op: Operation, before: Article | None, after: Article | None) -> None:
        target = target_of(op)
        if target is None or before is None or after is None:
            return
        (c0, p0), (c1, p1) = _counts(before), _counts(after)
        adding = isinstance(op, AddUnit)
        if c1 != c0 and (adding and op.unit == "clause" or not adding and target.clause is not None):
            after_n = op.position - 1 if adding else target.clause
            self.shifts.append(_Shift(target.key, "clause", None, after_n, c1 - c0))
            return
        clause = target.clause or 1
        if p1.get(clause, 0) != p0.get(clause, 0) and (adding and op.unit == "point" or target.point is not None):
            after_n = op.position - 1 if adding else target.point
            self.shifts.append(_Shift(target.key, "point", clause, after_n, p1.get(clause, 0) - p0.get(clause, 0)))

    def adjust(self, op: Operation) -> Operation:
        if not self.shifts:
            return op
        changes = {}
        for f in fields(op):
            value = getattr(op, f.name)
            if isinstance(value, Target) and f.name != "after":
                changes[f.name] = self._move(value)
            elif isinstance(value, tuple) and value and all(isinstance(v, Target) for v in value):
                changes[f.name] = tuple(self._move(v) for v in value)
        return replace(op, **changes) if changes else op

    def _move(self, target: Target) -> Target:
        for s in self.shifts:
            if s.key != target.key:
                continue
            if s.level == "clause" and target.clause is not None and target.clause > s.after:
                target = replace(target, clause=target.clause + s.delta)
            elif (s.level == "point" and target.point is not None and (target.clause or 1) == s.clause
                  and target.point > s.after):
                target = replace(target, point=target.point + s.delta)
        return target
