"""How often each of many terms occurs in a text, counted as ``str.count`` counts.

One pass over the text finds every term (an Aho–Corasick automaton, pyahocorasick) instead
of one search per term: a history's 提法 ledger counts some 2,200 terms in each version, most
of them absent from most versions.

``str.count`` counts non-overlapping occurrences from the left; the automaton finds them
all.  The two differ only for a term that can overlap itself (its start is also its end:
啊啊 in 啊啊啊) found more than once, which is counted again with ``str.count``.
"""

from __future__ import annotations

from collections.abc import Iterable

import ahocorasick

LONGEST_IN_AUTOMATON = 10_000
"""Longer terms are found with ``str.find`` instead: the automaton frees its trie recursively,
and one term of a million characters (a terms file of one huge line) overflows the C stack."""


class TermCounter:
    """Counts of ``terms`` (in their order) in any number of texts; build once, count many."""

    def __init__(self, terms: Iterable[str]) -> None:
        self.terms = tuple(terms)
        first: dict[str, int] = {}
        for index, term in enumerate(self.terms):
            first.setdefault(term, index)
        self._first = [first[term] for term in self.terms]  # a repeated term shares its first's count
        self._automaton = None
        self._long = [(index, term) for term, index in first.items() if len(term) > LONGEST_IN_AUTOMATON]
        if any(0 < len(term) <= LONGEST_IN_AUTOMATON for term in first):
            automaton = ahocorasick.Automaton()
            for term, index in first.items():
                if 0 < len(term) <= LONGEST_IN_AUTOMATON:
                    automaton.add_word(term, index)
            automaton.make_automaton()
            self._automaton = automaton
        self._self_overlapping = frozenset(index for term, index in first.items()
                                           if len(term) <= LONGEST_IN_AUTOMATON and _overlaps_itself(term))
        self._empty = first.get("")

    def counts(self, text: str) -> list[int]:
        """``[text.count(term) for term in terms]``, in one pass over ``text``."""
        found = self.occurrences(text)
        counts = [len(found.get(index, ())) for index in self._first]
        if self._empty is not None:  # str.count finds the empty string around every character
            for k, index in enumerate(self._first):
                if index == self._empty:
                    counts[k] = len(text) + 1
        return counts

    def occurrences(self, text: str) -> dict[int, list[int]]:
        """Where the terms found occur: start offsets, as successive ``str.find`` calls give
        them (non-overlapping, from the left), by the term's index (a repeated term's first).
        The empty term is not looked for."""
        found: dict[int, list[int]] = {}
        for index, term in self._long:
            starts = _finds(text, term)
            if starts:
                found[index] = starts
        if self._automaton is None:
            return found
        terms = self.terms
        for end, index in self._automaton.iter(text):
            starts = found.get(index)
            if starts is None:
                starts = found[index] = []
            starts.append(end + 1 - len(terms[index]))
        for index in self._self_overlapping & found.keys():
            if len(found[index]) > 1:
                found[index] = _finds(text, terms[index])
        return found


def _finds(text: str, term: str) -> list[int]:
    starts, start = [], text.find(term)
    while start >= 0:
        starts.append(start)
        start = text.find(term, start + len(term))
    return starts


def _overlaps_itself(term: str) -> bool:
    """Whether two occurrences of ``term`` can overlap: some proper prefix is also a suffix
    (the last value of the Knuth–Morris–Pratt failure function, linear in the term)."""
    border = [0] * len(term)
    k = 0
    for i in range(1, len(term)):
        while k and term[i] != term[k]:
            k = border[k - 1]
        if term[i] == term[k]:
            k += 1
        border[i] = k
    return bool(term) and border[-1] > 0
