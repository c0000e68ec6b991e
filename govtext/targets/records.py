"""What `govtext targets` finds: one record per figure, grouped per document."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Target:
    """One figure a report sets for the coming period."""

    indicator: str
    """Normalised name, the same across years (国内生产总值增长, 赤字率 …)."""

    value: float | None
    """The number as written, before its scale (1.3万亿斤 → 1.3); None for a range."""

    low: float | None
    high: float | None
    """The ends of a range (6%－6.5%), else None."""

    unit: str
    """What follows the number, scale included: %, 万人, 万亿元, 个百分点 (full-width ％ as %)."""

    qualifier: str
    """As written: 左右, 以上, 以内 … after the figure, 超过, 约, 不低于 … before it, 多 inside it."""

    delta: bool
    """The change of a level stated in the same clause (比上年增加1.6万亿元)."""

    figure: str
    """The figure exactly as in the text, qualifiers included (5%左右, 6%－6.5%, 8000多亿元)."""

    text: str
    """The clause stating it: its line's text cut at 。！？；：."""

    line: int
    """1-based line number of the figure."""

    span: tuple[int, int]
    """Character offsets of ``figure`` in the document's text."""

    node: str
    """Id of the outline node the figure sits in (``s2/p3``)."""

    @property
    def number(self) -> float | None:
        """The value, or the high end of a range."""
        return self.value if self.value is not None else self.high

    def shown(self) -> str:
        """How tables show it: the figure as written, without its leading words."""
        return self.figure


@dataclass(frozen=True, slots=True)
class DocumentTargets:
    path: str
    title: str
    year: int | None
    targets: tuple[Target, ...]

    def by_indicator(self) -> dict[str, Target]:
        """The first figure each indicator is given (not a delta): what a table shows."""
        found: dict[str, Target] = {}
        for target in self.targets:
            if not target.delta:
                found.setdefault(target.indicator, target)
        return found
