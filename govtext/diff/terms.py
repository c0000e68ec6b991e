"""The 提法 summary: terms appearing, disappearing or changing frequency; modal shifts.

Candidate terms are the protected 提法 (shipped and user dictionary) plus the
clauses of every heading and lead sentence — that is where a document names
its tasks (提升社会治理效能, 加强和创新社会治理).  Counting is on normalised
text, so formatting never makes a term appear or disappear.
"""

from __future__ import annotations

import re
from typing import Iterable, Sequence

from govtext.diff.data import Scale
from govtext.diff.normalize import normalize
from govtext.diff.records import (
    APPEARED,
    DISAPPEARED,
    FREQUENCY,
    REWORDED,
    RENAMED,
    STRENGTHENED,
    WEAKENED,
    Change,
    Occurrence,
    TermChange,
)
from govtext.diff.units import HEADING_FAMILY, LABEL_CHARS, Unit, node_label

_CLAUSE_BREAK = re.compile(r"[,，、;；:：。.!！?？()（）\"'“”《》\s]+")
MIN_CLAUSE, MAX_CLAUSE = 4, 16
MAX_WHERE = 10
"""Occurrences listed per term and side; the count is always complete."""


def candidate_clauses(units: Iterable[Unit]) -> set[str]:
    """Clauses of headings and lead sentences, the document's own names for its tasks."""
    found: set[str] = set()
    for unit in units:
        source = unit.title_norm if unit.title_norm else ""
        if unit.family == HEADING_FAMILY:
            source = unit.title_norm
        for clause in _CLAUSE_BREAK.split(source):
            if MIN_CLAUSE <= len(clause) <= MAX_CLAUSE and not clause[0].isdigit():
                found.add(clause)
    return found


def term_changes(old: Sequence[Unit], new: Sequence[Unit], protected: Iterable[str]) -> list[TermChange]:
    """Terms whose use differs between the versions, protected terms first."""
    protected_norm = list(dict.fromkeys(normalize(term) for term in protected))
    clauses = (candidate_clauses(old) | candidate_clauses(new)) - set(protected_norm)
    old_all = "\x1f".join(unit.norm for unit in old)
    new_all = "\x1f".join(unit.norm for unit in new)
    found: list[TermChange] = []
    for term, is_protected in [(t, True) for t in protected_norm] + [(t, False) for t in sorted(clauses)]:
        a, b = old_all.count(term), new_all.count(term)
        if a == b:
            continue
        if a == 0:
            kind = APPEARED
        elif b == 0:
            kind = DISAPPEARED
        elif is_protected:
            kind = FREQUENCY
        else:
            continue
        found.append((not is_protected, TermChange(kind, term, a, b, _where(old, term), _where(new, term))))
    order = {APPEARED: 0, DISAPPEARED: 1, FREQUENCY: 2}
    found.sort(key=lambda row: (order[row[1].kind], row[0], -max(row[1].old_count, row[1].new_count), row[1].term))
    return [term for _, term in found]


def _where(units: Sequence[Unit], term: str) -> tuple[Occurrence, ...]:
    hits = []
    for unit in units:
        if term in unit.norm:
            hits.append(Occurrence(unit.node.id, unit.path, node_label(unit.node)))
            if len(hits) == MAX_WHERE:
                break
    return tuple(hits)


def modal_shifts(changes: Iterable[Change], scales: Sequence[Scale]) -> list[TermChange]:
    """Words replaced by a stronger or weaker word of the same scale, in edited nodes."""
    shifts: list[TermChange] = []
    for change in changes:
        if change.change not in (REWORDED, RENAMED) or change.old is None or change.new is None:
            continue
        for edit in change.edits:
            if edit.op != "replace":
                continue
            for scale in scales:
                before = _strongest(edit.old, scale)
                after = _strongest(edit.new, scale)
                if before is None or after is None or before == after:
                    continue
                kind = STRENGTHENED if after > before else WEAKENED
                where_old = (Occurrence(change.old.id, change.old.path, _side_label(change.old)),)
                where_new = (Occurrence(change.new.id, change.new.path, _side_label(change.new)),)
                shifts.append(TermChange(kind, scale.words[after], 1, 1, where_old, where_new,
                                         old_term=scale.words[before], scale=scale.name))
    return shifts


def _strongest(phrase: str, scale: Scale) -> int | None:
    levels = [k for k, word in enumerate(scale.words) if word in phrase]
    return max(levels) if levels else None


def _side_label(side) -> str:
    if side.number:
        return side.number.strip().rstrip("、.．")
    if side.title:
        return side.title if len(side.title) <= LABEL_CHARS else side.title[: LABEL_CHARS - 1] + "…"
    return side.type
