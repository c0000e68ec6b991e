"""The terms a ledger counts: the protected 提法, the user's lists, or the corpus's own."""

from __future__ import annotations

from collections import Counter

from govtext.errors import InputError

MIN_DOCUMENTS = 2
"""``--terms-from-diff``: a clause must head sections or items in at least this many
documents (one document's wording is no 提法 the corpus shares)."""


def protected() -> tuple[str, ...]:
    from govtext.diff.data import protected_terms

    return protected_terms()


def read_terms_file(path: str) -> tuple[str, ...]:
    """A ``--terms`` file (see :func:`govtext.diff.data.read_term_list`); an empty one is an error."""
    from govtext.diff.data import read_term_list

    terms = read_term_list(path)
    if not terms:
        raise InputError(f"{path}: no terms in the file (one term a line)")
    return terms


def terms_that_change(clause_documents: Counter, documents: int, min_documents: int = MIN_DOCUMENTS) -> tuple[str, ...]:
    """Clauses naming tasks in some documents but not all — the terms that appear or
    disappear across the corpus — most widespread first."""
    chosen = [(term, n) for term, n in clause_documents.items() if min_documents <= n < documents]
    chosen.sort(key=lambda row: (-row[1], row[0]))
    return tuple(term for term, _ in chosen)


def combine(*lists: tuple[str, ...]) -> tuple[str, ...]:
    """The lists in order, each term once."""
    return tuple(dict.fromkeys(term for terms in lists for term in terms))
