"""The diff's whole vocabulary: immutable records the differ produces and renderers read.

Like xmldiff's actions, these are plain data.  Renderers format them and never
recompute anything; the JSON report (``govtext/diff`` version 1) is a direct
dump of them.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from govtext.model import ENUMERATION, Source
from govtext.numerals import CN_DIGITS

# --- change kinds, in the order reports list them ----------------------------
ADDED = "added"  # a node only the new version has
REMOVED = "removed"  # a node only the old version has
MOVED = "moved"  # same content, but out of order with its neighbours
RENUMBERED = "renumbered"  # same content under a new number (articles inserted before it)
RENAMED = "renamed"  # heading or lead sentence changed, body kept
REWORDED = "reworded"  # body changed (a new number, if any, shows on the new side)
SPLIT = "split"  # one old node became several consecutive new ones
MERGED = "merged"  # several consecutive old nodes became one new node
FORMATTING = "formatting"  # only width, spacing, punctuation form or line wraps differ
REPLACED_THROUGHOUT = "replaced-throughout"  # one substitution (帐 → 账) made in many nodes: one record
REFERENCE_UPDATED = "reference-updated"  # only cross-references changed, following this diff's renumbering

CHANGE_KINDS = (ADDED, REMOVED, MOVED, RENUMBERED, RENAMED, REWORDED, SPLIT, MERGED, FORMATTING,
                REPLACED_THROUGHOUT, REFERENCE_UPDATED)

MECHANICAL_KINDS = (FORMATTING, REPLACED_THROUGHOUT, REFERENCE_UPDATED)
"""Kinds whose records may be edits made by rule, not by decision: summarised in one block,
and left out of the exit status unless ``--fail-on`` names them — each record as its
:attr:`Change.mechanical` says (a ``replaced-throughout`` only when it respells)."""

# --- 提法 (term) findings -------------------------------------------------------
APPEARED = "appeared"  # a term the old version lacks
DISAPPEARED = "disappeared"  # a term the new version lacks
FREQUENCY = "frequency"  # a protected term used more or less often
STRENGTHENED = "strengthened"  # a modal word moved up its scale (可以 → 应当)
WEAKENED = "weakened"  # a modal word moved down its scale (要求 → 鼓励)

TERM_KINDS = (APPEARED, DISAPPEARED, FREQUENCY, STRENGTHENED, WEAKENED)

#: Everything ``--fail-on`` accepts.
FAIL_ON_KINDS = CHANGE_KINDS + TERM_KINDS


LABEL_CHARS = 24
"""Longest name a label gives a node (lead sentences can run to a line)."""

LEAD_CLAUSE_CHARS = 6
"""A lead clause shorter than this (同时, 我们认为) says too little: the next clause joins it."""

_DASHES = "—－-"

_ENUMERATION_NUMBER = re.compile(rf"(?:[{CN_DIGITS}]+(?:是|要|方面)|第[{CN_DIGITS}]+)")
"""An enumeration's number as written (一是, 二要, 一方面, 第一), whether it stands inside a
paragraph or opens a line of its own (then the parser calls the unit an item)."""

_CLAUSE_END = re.compile(r"[，,；;：:。！？!?]")


def shortened(text: str, limit: int = LABEL_CHARS) -> str:
    """``text`` cut to ``limit`` characters, the last one an ellipsis when something was cut."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def lead_clause(title: str, limit: int = LABEL_CHARS) -> str:
    """The opening clause of a lead sentence: what a reader names a ——point or an enumeration
    by (加快培养引进人才, not 加快培养引进人才，夯实科技创新基础…).  A clause too short to say
    anything takes the next one along; what is still too long is cut with an ellipsis."""
    end = 0
    for found in _CLAUSE_END.finditer(title):
        end = found.start()
        if end >= LEAD_CLAUSE_CHARS:
            break
    else:
        end = len(title)
    return shortened(title[:end] or title, limit)


def unit_label(number: str | None, title: str | None, type_: str, limit: int = LABEL_CHARS) -> str:
    """How every report names a node: its number as written (三、 （四） 第二章), else its title
    cut short, else its type.  A ——point or an enumeration (一是, 二要, 第一) is named by its lead
    clause — —— says nothing, and 一是 little — after its number (一是加快培养引进人才,
    经济总体回升向好).  The differ's paths and 提法 places and every renderer use this one rule."""
    number = (number or "").strip()
    dash = bool(number) and not number.strip(_DASHES)
    lead = (title or "").lstrip(_DASHES + " \u3000")  # a ——— run longer than the number's
    if lead and (dash or type_ == ENUMERATION or _ENUMERATION_NUMBER.fullmatch(number)):
        if dash:
            return lead_clause(lead, limit)
        # 一是 and 二要 run on into their clause; 第一 and 首先 are followed by a comma: a space
        gap = "" if number[-1] in "是要" else " "
        return number + gap + lead_clause(lead, limit - len(number) - len(gap))
    if number:
        return number
    if title:
        return shortened(title, limit)
    return type_


@dataclass(frozen=True, slots=True)
class Side:
    """One version's node in a change."""

    id: str
    """The node's stable id in its document, e.g. ``ch2/a11``."""

    type: str
    """Node type: article, item, section, line, …"""

    number: str | None
    """Numbering as written (第五十条, （三）), or None."""

    title: str | None
    """Heading or lead sentence, or None."""

    path: tuple[str, ...]
    """Labels of the ancestors from the top (each its number, else its title): 第二章 › 第一节."""

    text: str
    """The node's text exactly as in the input (trailing blank lines left out)."""

    span: tuple[int, int]
    """Offsets of ``text`` in the decoded input (end exclusive)."""

    top: str | None = None
    """The top-level section, chapter or book the node is in or heads, with its title
    (三、加快建设现代化产业体系): what a report's contents list names.  Not in the JSON."""

    @property
    def label(self) -> str:
        """How a report names this node (:func:`unit_label`): 第五十条, （四）, 一是加快培养引进人才."""
        return unit_label(self.number, self.title, self.type)


@dataclass(frozen=True, slots=True)
class Edit:
    """One word-level edit inside a matched pair: a readable phrase, not a character."""

    op: str
    """``insert``, ``delete`` or ``replace``."""

    old: str
    """The old words ('' for an insert)."""

    new: str
    """The new words ('' for a delete)."""

    old_span: tuple[int, int]
    """Offsets of ``old`` in the old input (empty range at the insertion point for an insert)."""

    new_span: tuple[int, int]
    """Offsets of ``new`` in the new input (empty range at the deletion point for a delete)."""


@dataclass(frozen=True, slots=True)
class Change:
    """One reported change: a node added, removed, moved, renumbered, renamed, reworded, …"""

    change: str
    """The kind: one of ``CHANGE_KINDS``."""

    old: Side | None
    """The old node; None for ``added``."""

    new: Side | None
    """The new node; None for ``removed``."""

    similarity: float
    """0..1 likeness of the normalised texts (1.0 when only numbering, position or form differ)."""

    edits: tuple[Edit, ...] = ()
    """Word-level edits, for ``renamed``, ``reworded``, ``split`` and ``merged``."""

    old_parts: tuple[Side, ...] = ()
    """For ``merged``: every old node that went into the new one, in document order
    (``old`` is the first).  Empty otherwise."""

    new_parts: tuple[Side, ...] = ()
    """For ``split``: every new node the old one became, in document order (``new`` is
    the first).  Empty otherwise."""

    pinned: bool = False
    """The user paired these two nodes (``--match``); the alignment did not choose them."""

    by_topic: bool = False
    """The alignment paired these nodes by topic (rare words, lead clause, context), not by
    shared wording: a report shows them old beside new rather than as word edits."""

    variant: bool = False
    """For ``replaced-throughout``: the substitution only respells (帐 → 账, from the table of
    variant spellings), so the record is mechanical; a word put for another is not."""

    substitution: tuple[str, str] | None = None
    """For ``replaced-throughout``: (old words, new words), the same in every place; the
    places are ``old_parts``/``new_parts`` and the edits are every place's edits."""


    @property
    def mechanical(self) -> bool:
        """Made by rule, not by decision: formatting, a reference following the renumbering,
        a variant spelling replaced throughout.  Left out of the exit status."""
        return self.change in (FORMATTING, REFERENCE_UPDATED) or (self.change == REPLACED_THROUGHOUT and self.variant)


@dataclass(frozen=True, slots=True)
class Occurrence:
    """Where a term occurs: a node and its path."""

    id: str
    path: tuple[str, ...]
    label: str
    """The node's own number or title (or type), for display."""


@dataclass(frozen=True, slots=True)
class TermChange:
    """A 提法 finding: a term appearing, disappearing, changing frequency, or a modal shift."""

    kind: str
    """One of ``TERM_KINDS``."""

    term: str
    """The term (for a modal shift: the new word)."""

    old_count: int
    new_count: int
    old_where: tuple[Occurrence, ...] = ()
    new_where: tuple[Occurrence, ...] = ()
    old_term: str | None = None
    """For a modal shift, the word it replaced."""

    scale: str | None = None
    """For a modal shift, the name of its scale (data/modal_scale.toml)."""


@dataclass(frozen=True, slots=True)
class DiffResult:
    """Everything a report shows: both sources, the changes, the 提法 summary."""

    old: Source
    new: Source
    changes: tuple[Change, ...]
    terms: tuple[TermChange, ...]
    unchanged: int
    """Nodes matched with nothing to report: counted, not listed."""

    old_genre: str = "policy"
    new_genre: str = "policy"

    @property
    def summary(self) -> dict[str, int]:
        """Counts per change kind and per term kind (zeros included), plus ``unchanged``.

        Changes count as events: the records of one split (one per new piece) or one merge
        (one per old piece) share a node and count once; every other record is one event.
        """
        kinds = Counter(kind for kind, _ in _events(self.changes))
        terms = Counter(term.kind for term in self.terms)
        data = {kind: kinds.get(kind, 0) for kind in CHANGE_KINDS}
        data.update({kind: terms.get(kind, 0) for kind in TERM_KINDS})
        data["unchanged"] = self.unchanged
        return data

    @property
    def has_changes(self) -> bool:
        return bool(self.changes)

    def return_code(self, fail_on: frozenset[str] | None = None) -> int:
        """The CI contract, as in diff(1) and black's ``Report.return_code``.

        0: nothing to report (or, with ``fail_on``, none of those kinds found);
        1: changes found (with ``fail_on``: at least one change or term finding
        of those kinds).  2 (trouble) is the CLI's: bad input, bad options.
        Without ``fail_on``, mechanical changes (``MECHANICAL_KINDS``) do not
        count, and a modal shift (strengthened, weakened) always does.
        """
        if fail_on is None:
            substantive = any(not change.mechanical for change in self.changes)
            shifted = any(term.kind in (STRENGTHENED, WEAKENED) for term in self.terms)
            return 1 if substantive or shifted else 0
        summary = self.summary
        return 1 if any(summary.get(kind, 0) for kind in fail_on) else 0


def _events(changes: tuple[Change, ...]) -> set[tuple[str, int]]:
    """(kind, event) for each change; records of one kind sharing an old or new node are
    one event (a split lists each new piece against the same old node)."""
    group: dict[int, int] = {}

    def find(k: int) -> int:
        while group.setdefault(k, k) != k:
            k = group[k]
        return k

    seen: dict[tuple[str, str, str], int] = {}
    for k, change in enumerate(changes):
        find(k)
        for side_name, side in (("old", change.old), ("new", change.new)):
            if side is None:
                continue
            key = (change.change, side_name, side.id)
            if key in seen:
                group[find(k)] = find(seen[key])
            else:
                seen[key] = k
    return {(change.change, find(k)) for k, change in enumerate(changes)}
