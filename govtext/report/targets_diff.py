"""The "targets changed" block of a diff report, in each report format.

``国内生产总值增长 5%左右 → 5%左右``, ``赤字率 3% → 4%左右``, ``new: 超长期特别国债 1.3万亿元``:
one line per indicator changed, new or dropped, and per core indicator that stayed the same.
"""

from __future__ import annotations

from html import escape

from govtext.escape import visible
from govtext.targets.compare import DROPPED, NEW, SAME, TargetChange, TargetComparison

HEAD = "targets changed"


def line(change: TargetChange) -> str:
    if change.kind == NEW:
        return f"new: {change.indicator} {change.new.figure}"
    if change.kind == DROPPED:
        return f"dropped: {change.indicator} {change.old.figure}"
    return f"{change.indicator} {change.old.figure} → {change.new.figure}" + ("  (same)" if change.kind == SAME else "")


def text_lines(comparison: TargetComparison | None) -> list[str]:
    shown = comparison.shown() if comparison else []
    return ["", HEAD] + [f"  {visible(line(c))}" for c in shown] if shown else []


def markdown_lines(comparison: TargetComparison | None) -> list[str]:
    shown = comparison.shown() if comparison else []
    return [f"## {HEAD}", ""] + [f"- {visible(line(c))}" for c in shown] + [""] if shown else []


def html_part(comparison: TargetComparison | None) -> list[str]:
    shown = comparison.shown() if comparison else []
    if not shown:
        return []
    items = "".join(f'<li class="target-{c.kind}">{escape(visible(line(c)))}</li>' for c in shown)
    return [f'<section class="targets"><h2>{HEAD}</h2><ul>{items}</ul></section>']


def to_dict(comparison: TargetComparison | None) -> list[dict] | None:
    """The ``targets`` field of govtext/diff JSON: every indicator compared (same ones included)."""
    if comparison is None:
        return None
    from govtext.report.targets_json import target_to_dict

    return [{"change": c.kind, "indicator": c.indicator, "core": c.core,
             "old": target_to_dict(c.old) if c.old else None, "new": target_to_dict(c.new) if c.new else None}
            for c in comparison.changes]
