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
    terms = candidate_terms(steps, user)
    # Thousands of terms, most absent from most versions: one pass over each text finds them all,
    # and a version's positions are read into places at once (never every version's held together).
    counter = TermCounter(terms)
    counts = [[0] * len(digests) for _ in terms]
    where: dict[tuple[int, int], tuple[str, ...]] = {}
    for version, digest in enumerate(digests):
        for index, starts in counter.occurrences(digest.text).items():
            counts[index][version] = len(starts)
            where[index, version] = _where(digest, starts)
    rows = []
    for index, (term, source) in enumerate(terms.items()):
        row = tuple(counts[index])
        used = [v for v, count in enumerate(row) if count]
        if not used and source == "diff":
            continue  # found in normalised text only (a quote or width form the texts write otherwise)
        places = tuple(where.get((index, v), ()) for v in range(len(digests)))
        rows.append(TermRow(term, row, used[0] if used else None, used[-1] if used else None, places, source))
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
