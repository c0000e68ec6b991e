"""A history's whole vocabulary: immutable records the builder produces and renderers read.

Version indexes (``Event.version``, ``TermRow.first``, ``BlameEntry.since`` …) count
from 0 in the order of ``History.versions``.  Renderers format these records and never
recompute anything.
"""

from __future__ import annotations

from dataclasses import dataclass

from govtext.diff.records import DiffResult
from govtext.errors import GovtextError


class HistoryError(GovtextError):
    """A series cannot be followed: fewer than two versions, a version that cannot be dated, …"""


@dataclass(frozen=True, slots=True)
class Version:
    """One version of the document, in series order."""

    label: str
    """A short name: the file name without extension (gwr-2024, law-xingfa-2023)."""

    path: str
    """The file as given."""

    date: str | None
    """The date it states: ``YYYY-MM-DD`` from its header (the latest 题注 date for a law),
    ``YYYY`` from a year in its file name, or None (``--order given``)."""

    sha256: str
    chars: int


@dataclass(frozen=True, slots=True)
class NodeRef:
    """A lineage's node in one version."""

    id: str
    """The node's id in that version (``s2/i3``, ``bk2/ch3/a165``)."""

    number: str | None
    """Numbering as written (第一百六十五条, （三）), or None."""

    title: str | None
    """Heading or lead sentence, or None."""


@dataclass(frozen=True, slots=True)
class Event:
    """What happened to a lineage on reaching a version."""

    version: int
    change: str
    """A diff change kind (added, removed, reworded, renumbered, split, merged, …); kinds this
    code does not know are kept as they come."""


@dataclass(frozen=True, slots=True)
class Lineage:
    """One section, item, enumeration or article followed through the versions."""

    id: str
    """``LABEL/NODE-ID`` of its first appearance, e.g. ``gwr-2018/s3/i2``."""

    type: str
    """Node type where it first appears."""

    nodes: tuple[NodeRef | None, ...]
    """Its node in each version; None where it does not stand."""

    events: tuple[Event, ...]
    """Its events in version order (none for a version it passes unchanged)."""

    top: bool = False
    """A top-level division: level-1 section, 编, or a law's chapter outside any 编."""


@dataclass(frozen=True, slots=True)
class TermRow:
    """One 提法 in the ledger."""

    term: str
    counts: tuple[int, ...]
    """``text.count(term)`` in each version's text: plain occurrences, checkable by any search."""

    first: int | None
    """First version using it (None: never used)."""

    last: int | None
    where: tuple[tuple[str, ...], ...]
    """Per version, the paths (labels joined by ›) of the nodes where it stands (at most a few)."""

    source: str
    """``protected`` (shipped list), ``user`` (--terms) or ``diff`` (appeared/disappeared in a step)."""


@dataclass(frozen=True, slots=True)
class BlameEntry:
    """One sentence, or one article/item/section, of the blamed version."""

    id: str
    """Node id in the blamed version."""

    type: str
    label: str
    """Its number, else its heading or lead (cut short), else its type."""

    since: int
    """Earliest version from which it stands, without a break, in its present wording
    (normalised for formatting only); for a node, the start of its current run."""

    changed: int
    """The version that last changed it (for a sentence: the same as ``since``)."""

    span: tuple[int, int]
    """Offsets in the blamed version's text."""

    title: str | None = None
    """A node's heading or lead (None for sentences and untitled articles)."""


@dataclass(frozen=True, slots=True)
class Step:
    """What the history needs of the diff of two successive versions."""

    summary: dict[str, int]
    """The diff's counts per kind (``DiffResult.summary``)."""

    changes: tuple[tuple[str, str | None, str | None], ...]
    """Each change as (kind, old node id or None, new node id or None)."""

    terms: tuple[tuple[str, str], ...]
    """Each 提法 finding as (kind, term)."""

    result: DiffResult | None = None
    """The whole diff, kept only when asked for (``--pairs``): it weighs a hundred times more."""


@dataclass(frozen=True, slots=True)
class History:
    """Everything a history report shows."""

    versions: tuple[Version, ...]
    steps: tuple[Step, ...]
    """The N-1 diffs of successive versions (whole ``DiffResult`` in ``result`` only when kept)."""

    lineages: tuple[Lineage, ...]
    terms: tuple[TermRow, ...]
    blame_version: int
    blame: tuple[BlameEntry, ...]
    blame_text: str
    """The blamed version's text (for renderers that show it)."""

    warnings: tuple[str, ...] = ()
    """Why the versions may not be one document (a law among policy texts, other titles)."""

    targets: tuple = ()
    """With ``targets=True``: each version's :class:`~govtext.targets.records.DocumentTargets`
    (None for a version that is no policy text), read in the workers from the parse they
    diff, so the series table needs no second reading."""
