"""The user's last word on the alignment: ``--match OLD=NEW`` and ``--unmatch OLD=NEW``.

A node is named by its id (``s2/i4``), its number as written (``第十条``,
``（四）``, ``三、`` — with or without the 、), or its title (heading or lead
sentence).  A name that fits no node, or several, is a user error: pinning the
wrong pair silently would be worse than stopping.
"""

from __future__ import annotations

from typing import Iterable

from govtext.diff.normalize import normalize
from govtext.diff.units import Unit
from govtext.errors import GovtextError


class PinError(GovtextError):
    """A ``--match``/``--unmatch`` name fits no node, or more than one."""


def parse_pair(text: str) -> tuple[str, str]:
    """``OLD=NEW`` (also ``OLD => NEW`` or a tab) as two names."""
    for sep in ("=>", "\t", "="):
        if sep in text:
            old, new = text.split(sep, 1)
            if old.strip() and new.strip():
                return old.strip(), new.strip()
    raise PinError(f"cannot read the pair {text!r}: write OLD=NEW (an id, a number or a title on each side)")


def read_pairs(lines: Iterable[str]) -> list[tuple[str, str]]:
    """Pairs from a ``--matches`` file: one ``OLD=NEW`` a line; blank lines and # comments skipped."""
    out = []
    for line in lines:
        line = line.strip()
        if line and not line.startswith("#"):
            out.append(parse_pair(line))
    return out


def resolve(pairs: Iterable[tuple[str, str]], old: list[Unit], new: list[Unit]) -> list[tuple[int, int]]:
    """Unit indices for named pairs."""
    return [(_find(name, old, "old"), _find(name_new, new, "new")) for name, name_new in pairs]


def _find(name: str, units: list[Unit], side: str) -> int:
    for match in (_by_id, _by_number, _by_title):
        found = [unit.index for unit in units if match(unit, name)]
        if len(found) == 1:
            return found[0]
        if len(found) > 1:
            raise PinError(f"{name!r} names {len(found)} nodes in the {side} version; use an id instead")
    raise PinError(f"no node in the {side} version is named {name!r} (by id, number or title)")


def _by_id(unit: Unit, name: str) -> bool:
    return unit.node.id == name


def _by_number(unit: Unit, name: str) -> bool:
    number = unit.number
    if not number:
        return False
    key = normalize(name).rstrip("、.")
    return normalize(number).rstrip("、.") == key


def _by_title(unit: Unit, name: str) -> bool:
    key = normalize(name).rstrip("。")
    return bool(key) and (normalize(unit.title or "").rstrip("。") == key)
