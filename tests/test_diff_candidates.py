"""The candidate index's bigram order: counting only for the units asked about changes nothing.

:class:`govtext.diff.candidates.Fingerprints` orders each unit's bigrams by how many units
hold them.  Given the units it will be asked about (the alignment's leftovers), it counts
the others by looking those bigrams up in their text; the order must be the one counting
everything gives, or prefix filtering could find other candidates.
"""

from __future__ import annotations

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import CORPUS, corpus_file
from diff_helpers import DIFF_FIXTURES
from govtext.diff import candidates
from govtext.diff.candidates import Fingerprints, _code, _held
from govtext.diff.normalize import bigrams
from govtext.diff.units import build_units
from govtext.pipeline import parse_text


def _units(old_text: str, new_text: str):
    return build_units(parse_text(old_text)) + build_units(parse_text(new_text))


def _pairs():
    for folder in sorted(DIFF_FIXTURES.iterdir()):
        yield folder.name, (folder / "old.txt").read_text(encoding="utf-8"), (folder / "new.txt").read_text(
            encoding="utf-8")


@pytest.fixture(autouse=True)
def _always_look_up(monkeypatch):
    """Take the lookup path whatever the share of text asked about (it is the one to check)."""
    monkeypatch.setattr(candidates, "LOOKUP_GAIN", 0)


def _assert_same_order(units, asked) -> None:
    everything = Fingerprints(units)
    some = Fingerprints(units, asked=asked)
    assert some._asked is not None or len(asked) == len(units)  # the lookup path was taken
    for unit in asked:
        for part in ("all", "title"):
            assert some.ordered(unit, part) == everything.ordered(unit, part), (unit.node.id, part)
    for unit in asked:
        for gram in unit.grams | unit.title_grams:
            assert some.counts[gram] == everything.counts[gram], gram


@pytest.mark.parametrize("name, old, new", list(_pairs()), ids=lambda v: v if isinstance(v, str) and len(v) < 40 else "")
def test_asked_units_are_ordered_as_when_counting_everything(name: str, old: str, new: str) -> None:
    units = _units(old, new)
    rng = random.Random(name)
    asked = [unit for unit in units if rng.random() < 0.3] or units[:1]
    _assert_same_order(units, asked)


def test_an_amended_law_orders_its_changed_articles_as_before() -> None:
    units = _units(corpus_file("law-xingfa-2020.txt").read_text(encoding="utf-8"),
                   corpus_file("law-xingfa-2023.txt").read_text(encoding="utf-8"))
    norms_old = {u.norm for u in units[: len(units) // 2]}
    changed = [u for u in units if u.norm not in norms_old] or units[:5]
    _assert_same_order(units, changed + units[:20])


def test_lone_characters_and_repeated_texts_are_counted() -> None:
    # A one-character title line is a unit whose only "bigram" is that character.
    units = _units("甲\n\n一、甲乙\n二、甲乙\n三、乙\n", "乙\n\n一、甲乙\n二、乙甲\n三、甲\n")
    assert {u.norm for u in units} >= {"甲", "乙", "一、甲乙"}
    for k in range(len(units)):
        _assert_same_order(units, units[k:k + 2])


def test_mostly_asked_text_is_counted_plainly(monkeypatch) -> None:
    monkeypatch.setattr(candidates, "LOOKUP_GAIN", 4)
    units = _units("第一条 甲乙丙丁戊己。\n第二条 戊己庚辛。\n", "第一条 甲乙丙丁。\n第二条 戊己庚壬。\n")
    some = Fingerprints(units, asked=units[1:])
    assert some._asked is None and some.counts == Fingerprints(units).counts


def test_asking_about_another_unit_counts_everything() -> None:
    units = _units("第一条 甲乙丙丁。\n第二条 戊己庚辛。\n", "第一条 甲乙丙丁。\n第二条 戊己庚壬。\n")
    everything = Fingerprints(units)
    some = Fingerprints(units, asked=units[:1])
    for unit in units:
        assert some.ordered(unit) == everything.ordered(unit)


TEXT = st.text(alphabet=st.sampled_from("甲乙丙丁一二ab\U00020000\U0001F600\ud800 ，。"), max_size=12)


@settings(max_examples=300, deadline=None)
@given(TEXT, st.lists(TEXT, max_size=4))
def test_held_finds_exactly_the_bigrams_a_text_holds(text: str, others: list[str]) -> None:
    grams = set(bigrams(text))
    for other in others:
        grams |= bigrams(other)
    wanted = {_code(gram): gram for gram in grams}
    found = {wanted[code] for code in _held(text, frozenset(wanted))}
    assert found == set(bigrams(text))


def _in_place_cases():
    yield from ((name, old, new) for name, old, new in _pairs())
    for pair in (("gwr-2024.txt", "gwr-2025.txt"), ("gwr-2018.txt", "gwr-2019.txt")):
        paths = [CORPUS / name for name in pair]
        if all(path.is_file() for path in paths):  # the fixtures alone where the corpus is absent
            yield "+".join(pair), *(path.read_text(encoding="utf-8") for path in paths)


@pytest.mark.parametrize("floor", [0.25, 0.5])
def test_search_one_place_at_a_time_finds_the_global_search_filtered(floor) -> None:
    """align's floor pass asks the candidate search one place (pair of parents) at a time: it
    must give exactly the global search's pairs whose units share a place, in the same order,
    whatever the places are."""
    from govtext.diff.place import similar_in_place as _similar_in_place

    checked = 0
    for name, old_text, new_text in _in_place_cases():
        old, new = build_units(parse_text(old_text)), build_units(parse_text(new_text))
        prints = Fingerprints(old + new)
        for seed in range(3):
            places = random.Random(f"{name}{seed}")
            where_old = {u.index: places.choice([None, 0, 1, 2]) for u in old}
            where_new = {u.index: places.choice([0, 1, 2]) for u in new}
            expected = [(a, b) for a, b, _ in candidates.similar_pairs(old, new, floor, prints)
                        if where_old[a.index] is not None and where_old[a.index] == where_new[b.index]]
            found = _similar_in_place(old, new, floor, prints, lambda u: where_old[u.index],
                                      lambda u: where_new[u.index])
            assert [(a.index, b.index) for a, b in found] == [(a.index, b.index) for a, b in expected], name
            checked += len(expected)
    assert checked > 0
