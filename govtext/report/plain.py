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


def term_line(term: TermChange) -> tuple[str, str, str]:
    """(kind, what, where) for one 提法 finding."""
    if term.kind in (STRENGTHENED, WEAKENED):
        what = f"{term.old_term} → {term.term} ({term.scale})"
        where = ", ".join(o.label for o in term.new_where)
    else:
        what = f"{term.term} {term.old_count} → {term.new_count}"
        where = ", ".join(o.label for o in (term.new_where or term.old_where))
    return term.kind, what, where
