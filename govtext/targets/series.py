"""Across a series: a wide table, one row per indicator, one column per document (its year).

Core indicators (lexicon ``core = true``) come first, in lexicon order, whether or not every
year sets them; then the other indicators set in at least two documents (``every``: all of
them; for a single document, all), in order of first appearance.  A cell holds the first figure the document gives the
indicator that is not a delta.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from govtext.targets.lexicon import TargetLexicon
from govtext.targets.records import DocumentTargets, Target


@dataclass(frozen=True, slots=True)
class Row:
    indicator: str
    core: bool
    cells: tuple[Target | None, ...]


@dataclass(frozen=True, slots=True)
class Table:
    labels: list[str]
    """Column heads: each document's year, or its file name where years are missing or repeated."""

    rows: tuple[Row, ...]
    core: tuple[str, ...]


def column_labels(documents: list[DocumentTargets]) -> list[str]:
    years = [doc.year for doc in documents]
    if all(years) and len(set(years)) == len(years):
        return [str(y) for y in years]
    return [os.path.splitext(os.path.basename(doc.path))[0] or doc.path for doc in documents]


def build_table(documents: list[DocumentTargets], lexicon: TargetLexicon, every: bool = False) -> Table:
    firsts = [doc.by_indicator() for doc in documents]
    core = lexicon.core
    order: dict[str, int] = {}
    for first in firsts:
        for name in first:
            if name not in core:
                order[name] = order.get(name, 0) + 1
    others = [name for name, count in order.items() if every or count >= 2 or len(documents) == 1]
    rows = tuple(Row(name, name in core, tuple(first.get(name) for first in firsts)) for name in (*core, *others))
    return Table(column_labels(documents), rows, core)
