"""Shared layout of the line-oriented reports (text and markdown): headings, summary, 提法."""

from __future__ import annotations

from govtext.diff.records import (
    CHANGE_KINDS,
    FORMATTING,
    MERGED,
    SPLIT,
    STRENGTHENED,
    TERM_KINDS,
    WEAKENED,
    DiffResult,
    TermChange,
)

SHOW_BOTH = frozenset({FORMATTING, SPLIT, MERGED})
"""Changes without word edits whose two texts a reader needs to see."""

EXCERPT = 200
"""Characters of an added or removed node's text shown in line-oriented reports."""


def source_name(source) -> str:
    return source.path or "(sample)"


def excerpt(text: str, limit: int = EXCERPT) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


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


def term_line(term: TermChange) -> tuple[str, str, str]:
    """(kind, what, where) for one 提法 finding."""
    if term.kind in (STRENGTHENED, WEAKENED):
        what = f"{term.old_term} → {term.term} ({term.scale})"
    else:
        what = f"{term.term} {term.old_count} → {term.new_count}"
    return term.kind, what, where_text(term.new_where or term.old_where)
