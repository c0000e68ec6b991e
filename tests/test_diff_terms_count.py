"""Counting 提法 over the text the versions do not share decides exactly as counting everything.

:func:`govtext.diff.terms.term_changes` counts a term over both whole texts only when its
count differs between the units left once the units both versions hold are set aside.
"""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import corpus_file
from diff_helpers import DIFF_FIXTURES
from govtext.diff import terms
from govtext.diff.data import protected_terms
from govtext.diff.units import build_units
from govtext.pipeline import parse_text

NORM = st.text(alphabet="甲乙丙丁的和", max_size=8)


@settings(max_examples=300, deadline=None)
@given(st.lists(NORM, max_size=6), st.lists(NORM, max_size=6), st.text(alphabet="甲乙丙丁的和", min_size=1, max_size=3))
def test_a_count_differs_in_the_rest_exactly_when_it_differs_overall(old, new, term) -> None:
    units_old = [SimpleNamespace(norm=n) for n in old]
    units_new = [SimpleNamespace(norm=n) for n in new + old[:2]]  # some texts shared, some not
    rest_old, rest_new = terms._unshared(units_old, units_new)
    all_old = "\x1f".join(u.norm for u in units_old)
    all_new = "\x1f".join(u.norm for u in units_new)
    assert (rest_old.count(term) == rest_new.count(term)) == (all_old.count(term) == all_new.count(term))


def _everything(old, new):
    """The whole texts as the 'rest': the shortcut never skips, every term is counted in full."""
    return "\x1f".join(u.norm for u in old), "\x1f".join(u.norm for u in new)


def _pairs():
    for folder in sorted(DIFF_FIXTURES.iterdir()):
        yield folder.name, (folder / "old.txt").read_text(encoding="utf-8"), (folder / "new.txt").read_text(
            encoding="utf-8")


@pytest.mark.parametrize("name, old, new", list(_pairs()), ids=lambda v: v if isinstance(v, str) and len(v) < 40 else "")
def test_fixtures_find_the_same_terms_as_counting_everything(monkeypatch, name, old, new) -> None:
    a, b = build_units(parse_text(old)), build_units(parse_text(new))
    fast = terms.term_changes(a, b, protected_terms())
    monkeypatch.setattr(terms, "_unshared", _everything)
    assert fast == terms.term_changes(a, b, protected_terms())


def test_an_amended_law_finds_the_same_terms_as_counting_everything(monkeypatch) -> None:
    a = build_units(parse_text(corpus_file("law-xingfa-2020.txt").read_text(encoding="utf-8")))
    b = build_units(parse_text(corpus_file("law-xingfa-2023.txt").read_text(encoding="utf-8")))
    fast = terms.term_changes(a, b, protected_terms())
    monkeypatch.setattr(terms, "_unshared", _everything)
    assert fast == terms.term_changes(a, b, protected_terms())
