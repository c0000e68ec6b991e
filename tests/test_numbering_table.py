"""The numbering table's first-character index: each row's lead is exactly the set of
characters its pattern can begin with, and matching through the index finds what
trying every row in order finds."""

from __future__ import annotations

import re._constants as sre
import re._parser as sre_parse

import pytest
from hypothesis import given
from hypothesis import strategies as st

from govtext.parse.numbering import STYLES, NumberStyle, match_number
from tests.conftest import CORPUS, SAMPLE, fixture_files

ANY = None  # a pattern that may begin with any character


def _first(items) -> set[str] | None:
    """Characters a parsed (sub)pattern can begin with; ``ANY`` when unbounded."""
    chars: set[str] = set()
    for op, av in items:
        if op is sre.LITERAL:
            return chars | {chr(av)}
        if op is sre.IN:
            for inner, arg in av:
                if inner is sre.LITERAL:
                    chars.add(chr(arg))
                elif inner is sre.RANGE:
                    chars.update(map(chr, range(arg[0], arg[1] + 1)))
                else:  # NEGATE, CATEGORY: open-ended
                    return ANY
            return chars
        if op is sre.BRANCH:
            for branch in av[1]:
                found = _first(branch)
                if found is ANY:
                    return ANY
                chars |= found
            return chars
        if op is sre.SUBPATTERN:
            found = _first(av[3])
            return ANY if found is ANY else chars | found
        if op in (sre.MAX_REPEAT, sre.MIN_REPEAT):
            low, _high, sub = av
            found = _first(sub)
            if found is ANY:
                return ANY
            chars |= found
            if low > 0:
                return chars
            continue  # optional: the next item may begin the match too
        if op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):
            continue  # zero-width
        return ANY
    return chars


@pytest.mark.parametrize("style", STYLES, ids=lambda s: s.name)
def test_lead_is_exactly_what_the_pattern_can_begin_with(style):
    first = _first(sre_parse.parse(style.regex))
    assert first is not ANY, f"{style.name}: its pattern may begin with any character"
    assert set(style.lead) == first


def _every_row(content: str):
    for style in STYLES:
        m = style.pattern.match(content)
        if m:
            return style, m.group()
    return None


def _lines() -> list[str]:
    paths = [SAMPLE, *fixture_files()]
    if CORPUS.is_dir():
        paths += sorted(CORPUS.rglob("*.txt"))
    return [line.strip() for path in paths for line in path.read_text(encoding="utf-8").splitlines()]


def test_index_matches_as_the_whole_table_does_on_every_known_line():
    lines = _lines()
    assert sum(1 for line in lines if match_number(line, STYLES)) > 50  # the table is exercised
    for line in lines:
        assert match_number(line, STYLES) == _every_row(line), line


_NUMBERISH = st.text(alphabet="第一二三四五六七八九十百千〇零两0123456789０１２（()）、．.条章节编分部篇之①⑳㉑ 　是，", max_size=8)


@given(_NUMBERISH)
def test_index_matches_as_the_whole_table_does_on_any_number_like_text(content):
    assert match_number(content, STYLES) == _every_row(content)


def test_a_row_without_a_lead_is_tried_on_every_line_in_table_order():
    anything = NumberStyle("star", r"[★☆]+", None, "any")
    table = (STYLES[0], anything, *STYLES[1:])
    assert match_number("★★ 注", table) == (anything, "★★")
    assert match_number("第一编 总则", table)[0].name == "book"  # rows before it still come first
    assert match_number("（一）项", table)[0].name == "cn-paren"
