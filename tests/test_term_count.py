"""TermCounter counts every term as str.count would, in one pass over the text."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from govtext.term_count import TermCounter

# A small alphabet, so terms overlap themselves and each other (啊啊 in 啊啊啊, 社会 in 社会治理), with a
# character outside the Basic Multilingual Plane (an offset must count it as one) and a NUL.
CHARS = st.sampled_from("社会治理啊𠀀\x00")


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(CHARS, max_size=4), max_size=12), st.text(CHARS, max_size=60))
def test_counts_are_str_count(terms, text):
    assert TermCounter(terms).counts(text) == [text.count(term) for term in terms]


def test_self_overlapping_terms_are_counted_without_overlap():
    counter = TermCounter(["啊啊", "啊", "社会治理", "治理", "社会治理"])
    assert counter.counts("啊啊啊 社会治理现代化 治理") == [1, 3, 1, 2, 1]


def test_no_terms_and_empty_texts():
    assert TermCounter([]).counts("社会治理") == []
    assert TermCounter(["社会"]).counts("") == [0]
    assert TermCounter([""]).counts("社会") == [3]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(CHARS, min_size=1, max_size=4), max_size=12), st.text(CHARS, max_size=60))
def test_occurrences_are_successive_finds(terms, text):
    counter = TermCounter(terms)
    found = counter.occurrences(text)
    for index, term in enumerate(terms):
        starts, start = [], text.find(term)
        while start >= 0:
            starts.append(start)
            start = text.find(term, start + len(term))
        if terms.index(term) == index:
            assert found.get(index, []) == starts


def test_a_term_of_a_million_characters_is_counted_not_crashed_on():
    # The automaton frees its trie recursively: a term this long overflowed the C stack (a
    # segfault, found by feeding history a terms file of one huge line).
    term = "社" * 1_000_000
    counter = TermCounter([term, "社会", term[:3]])
    text = "社会" + term + "会"
    assert counter.counts(text) == [text.count(term), text.count("社会"), text.count(term[:3])]
    assert counter.occurrences(text)[0] == [2]


def test_self_overlap_is_read_from_the_term_s_borders():
    from govtext.term_count import _overlaps_itself

    assert [_overlaps_itself(t) for t in ("", "社", "啊啊", "社会社", "社会治理", "abab", "abcab", "aab")] == \
        [False, False, True, True, False, True, True, False]
