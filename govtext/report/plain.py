"""Shared layout of the line-oriented reports (text and markdown): headings, summary, 提法.

Input text (names, excerpts, terms) leaves here through :func:`govtext.escape.visible`.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Sequence

from govtext.diff.data import protected_terms
from govtext.diff.normalize import normalize
from govtext.diff.records import (
    APPEARED,
    CHANGE_KINDS,
    DISAPPEARED,
    FORMATTING,
    FREQUENCY,
    MERGED,
    SPLIT,
    STRENGTHENED,
    TERM_KINDS,
    WEAKENED,
    DiffResult,
    TermChange,
)
from govtext.escape import visible

SHOW_BOTH = frozenset({FORMATTING, SPLIT, MERGED})
"""Changes without word edits whose two texts a reader needs to see."""


def has_parts(change) -> bool:
    """A split or merge (or a re-wrap across nodes): shown part by part, not inline."""
    return bool(change.old_parts or change.new_parts) or change.change in (SPLIT, MERGED)

EXCERPT = 200
"""Characters of an added or removed node's text shown in line-oriented reports."""


def source_name(source) -> str:
    return visible(source.path) if source.path else "(sample)"


def excerpt(text: str, limit: int = EXCERPT) -> str:
    text = " ".join(text.split())
    return visible(text if len(text) <= limit else text[: limit - 1] + "…")


def change_counts(result: DiffResult) -> str:
    summary = result.summary
    parts = [f"{summary[kind]} {kind}" for kind in CHANGE_KINDS if summary[kind]]
    parts.append(f"{result.unchanged} unchanged")
    return ", ".join(parts)


def term_counts(result: DiffResult) -> str:
    summary = result.summary
    return ", ".join(f"{summary[kind]} {kind}" for kind in TERM_KINDS if summary[kind])


def where_text(occurrences, limit: int = 3) -> str:
    """Paths of the first few occurrences: 八 › （四）, …"""
    shown = [" › ".join(o.path + (o.label,)) for o in occurrences[:limit]]
    if len(occurrences) > limit:
        shown.append(f"+{len(occurrences) - limit} more")
    return ", ".join(shown)


KEY_TERM_ORDER = (STRENGTHENED, WEAKENED, APPEARED, DISAPPEARED, FREQUENCY)
"""How key 提法 findings are listed: modal shifts first, then protected terms."""


def split_terms(terms: Sequence[TermChange]) -> tuple[list[TermChange], list[TermChange]]:
    """(key findings, the rest): what an analyst reads first, and what can be folded away.

    Key: modal shifts and protected 提法 (data/protected_terms.txt; ``frequency``
    findings are always of protected terms).  The rest: clauses of headings and
    lead sentences that appeared or disappeared — in a work report, well over a
    hundred.  Terms added with ``--userdict`` are not in the records as such, so
    they count as the rest unless they changed frequency.
    """
    protected = _protected()
    key = [t for t in terms if t.kind not in (APPEARED, DISAPPEARED) or t.term in protected]
    rest = [t for t in terms if t.kind in (APPEARED, DISAPPEARED) and t.term not in protected]
    key.sort(key=lambda t: KEY_TERM_ORDER.index(t.kind))  # stable: the differ's order within a kind
    return key, rest


@lru_cache(maxsize=1)
def _protected() -> frozenset[str]:
    # Records carry terms normalised, as the differ counted them.
    return frozenset(normalize(term) for term in protected_terms())


def term_line(term: TermChange) -> tuple[str, str, str]:
    """(kind, what, where) for one 提法 finding."""
    if term.kind in (STRENGTHENED, WEAKENED):
        what = f"{term.old_term} → {term.term} ({term.scale})"
    else:
        what = f"{term.term} {term.old_count} → {term.new_count}"
    return term.kind, visible(what), visible(where_text(term.new_where or term.old_where))
