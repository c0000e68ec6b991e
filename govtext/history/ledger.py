"""The 提法 ledger: each term's plain count in every version, and where it stands.

Counts are ``text.count(term)`` on each version's text as read — no normalisation,
no segmentation — so a reader can check any figure with a plain search, and a term
inside a longer one counts for both (社会治理 inside 社会治理现代化).
"""

from __future__ import annotations

from bisect import bisect_right

from govtext.diff.data import protected_terms
from govtext.history.digest import Digest
from govtext.history.records import Step, TermRow
from govtext.term_count import TermCounter

FOUND_KINDS = frozenset({"appeared", "disappeared"})
"""Term findings of a diff step whose terms join the ledger."""

MAX_WHERE = 5
"""Paths listed per term and version; the count is always complete."""


def candidate_terms(steps: list[Step], user: tuple[str, ...] = ()) -> dict[str, str]:
    """Every term to count, with where it came from, protected first."""
    found: dict[str, str] = {}
    for term in protected_terms():
        found.setdefault(term, "protected")
    for term in user:
        found.setdefault(term, "user")
    for step in steps:
        for kind, term in step.terms:
            if kind in FOUND_KINDS and term:
                found.setdefault(term, "diff")
    return found


def build_ledger(digests: list[Digest], steps: list[Step], user: tuple[str, ...] = ()) -> tuple[TermRow, ...]:
    rows = []
    terms = candidate_terms(steps, user)
    for (term, source), counts in zip(terms.items(), _count(list(terms), digests)):
        used = [v for v, count in enumerate(counts) if count]
        if not used and source == "diff":
            continue  # found in normalised text only (a quote or width form the texts write otherwise)
        where = tuple(_where(digest, term) if count else () for digest, count in zip(digests, counts))
        rows.append(TermRow(term, counts, used[0] if used else None, used[-1] if used else None, where, source))
    return tuple(rows)


def _count(terms: list[str], digests: list[Digest]) -> list[tuple[int, ...]]:
    """Each term's ``text.count`` in every version: thousands of terms, one pass over each
    text (:class:`~govtext.term_count.TermCounter`)."""
    counter = TermCounter(terms)
    columns = [counter.counts(digest.text) for digest in digests]
    return list(zip(*columns)) if columns else [() for _ in terms]


def _where(digest: Digest, term: str) -> tuple[str, ...]:
    paths: dict[str, None] = {}
    start = digest.text.find(term)
    while start >= 0 and len(paths) < MAX_WHERE:
        leaf = bisect_right(digest.leaf_starts, start) - 1
        owner = digest.leaf_owner[leaf] if leaf >= 0 else -1
        paths[" › ".join(digest.nodes[owner].path) if owner >= 0 else "(document)"] = None
        start = digest.text.find(term, start + len(term))
    return tuple(paths)
