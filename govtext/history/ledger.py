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
    # Thousands of terms, most absent from most versions: one pass over each text finds them all.
    counter = TermCounter(terms)
    found = [counter.occurrences(digest.text) for digest in digests]
    for index, (term, source) in enumerate(terms.items()):
        starts = [versions.get(index, ()) for versions in found]
        counts = tuple(map(len, starts))
        used = [v for v, count in enumerate(counts) if count]
        if not used and source == "diff":
            continue  # found in normalised text only (a quote or width form the texts write otherwise)
        where = tuple(_where(digest, at) for digest, at in zip(digests, starts))
        rows.append(TermRow(term, counts, used[0] if used else None, used[-1] if used else None, where, source))
    return tuple(rows)


def _where(digest: Digest, starts: list[int]) -> tuple[str, ...]:
    """The paths of the nodes holding the first occurrences (at ``starts``), up to MAX_WHERE."""
    paths: dict[str, None] = {}
    for start in starts:
        if len(paths) >= MAX_WHERE:
            break
        leaf = bisect_right(digest.leaf_starts, start) - 1
        owner = digest.leaf_owner[leaf] if leaf >= 0 else -1
        paths[" › ".join(digest.nodes[owner].path) if owner >= 0 else "(document)"] = None
    return tuple(paths)
