"""What changed in the targets between two versions: the block ``govtext diff`` shows first.

Each indicator's first figure (not a delta) in OLD and NEW is compared: ``changed`` when the
value, range, unit or qualifier differ, ``new`` or ``dropped`` when only one side sets it,
``same`` otherwise.  Computed here from the two trees, beside the diff engine, not in it.
"""

from __future__ import annotations

from dataclasses import dataclass

from govtext.model import Document
from govtext.targets.records import Target

CHANGED, NEW, DROPPED, SAME = "changed", "new", "dropped", "same"


@dataclass(frozen=True, slots=True)
class TargetChange:
    kind: str
    """changed, new, dropped or same."""

    indicator: str
    old: Target | None
    new: Target | None
    core: bool = False


@dataclass(frozen=True, slots=True)
class TargetComparison:
    changes: tuple[TargetChange, ...]

    @property
    def changed(self) -> bool:
        """Any indicator changed, new or dropped (what ``--fail-on targets`` fails on)."""
        return any(change.kind != SAME for change in self.changes)

    def shown(self) -> list[TargetChange]:
        """What a report lists: every change, and the core indicators that stayed the same."""
        return [c for c in self.changes if c.kind != SAME or c.core]


def _same(a: Target, b: Target) -> bool:
    return (a.value, a.low, a.high, a.unit, a.qualifier) == (b.value, b.low, b.high, b.unit, b.qualifier)


def compare_targets(old_doc: Document, new_doc: Document, lexicon=None) -> TargetComparison:
    """The targets of two versions compared; laws (and empty sides) set none."""
    from govtext.targets import load_target_lexicon, targets_of

    lexicon = lexicon or load_target_lexicon(None)
    sides = [targets_of(doc, lexicon).by_indicator() if doc.genre == "policy" and doc.text.strip() else {}
             for doc in (old_doc, new_doc)]
    old, new = sides
    core = set(lexicon.core)
    changes = []
    for name, target in new.items():
        before = old.get(name)
        kind = NEW if before is None else SAME if _same(before, target) else CHANGED
        changes.append(TargetChange(kind, name, before, target, name in core))
    changes += [TargetChange(DROPPED, name, target, None, name in core) for name, target in old.items()
                if name not in new]
    order = {name: k for k, name in enumerate(lexicon.core)}  # core first, as the tables show them
    changes.sort(key=lambda c: order.get(c.indicator, len(order)))
    return TargetComparison(tuple(changes))
