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


SEPARATE_BELOW = 0.5
"""Below this similarity a rewording is shown as its old and new text apart (two columns on a
terminal, a - and a + line in text) rather than inline: with less than half the wording shared,
interleaved deletions and insertions are a wall that hides both versions."""
SEPARATE_FROM = 80
"""…once a side is longer than a line: a retitled heading (三、{+组织+}保障[-措施-]) reads well inline."""


def shown_apart(change, side_by_side: bool) -> bool:
    """Whether a change with word edits is shown old beside new instead of inline."""
    if side_by_side:
        return True
    if change.old is None or change.new is None or change.similarity >= SEPARATE_BELOW:
        return False
    return max(len(change.old.text), len(change.new.text)) >= SEPARATE_FROM


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


def as_written(term: str) -> str:
    """A term as Chinese text writes it: the differ compares quote forms alike (normalised to
    straight quotes), so 打好政策"组合拳" is shown 打好政策“组合拳” — quotes open and close in turn."""
    if '"' not in term:
        return term
    pieces = term.split('"')
    out = [pieces[0]]
    for k, piece in enumerate(pieces[1:]):
        out.append("“" if k % 2 == 0 else "”")
        out.append(piece)
    return "".join(out)


def term_line(term: TermChange) -> tuple[str, str, str]:
    """(kind, what, where) for one 提法 finding."""
    if term.kind in (STRENGTHENED, WEAKENED):
        what = f"{term.old_term} → {term.term} ({term.scale})"
    else:
        what = f"{as_written(term.term)} {term.old_count} → {term.new_count}"
    return term.kind, visible(what), visible(where_text(term.new_where or term.old_where))
