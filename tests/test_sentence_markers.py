"""Marker tests skip masking when no marker occurs: the answer is the masked one, always."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from govtext.parse.sentences import _mask, _occurs_outside, _openings

_CHARS = "是否但要重主了为解□一二"
_WORDS = st.lists(st.text(alphabet=_CHARS, min_size=1, max_size=3), max_size=4).map(tuple)


@given(st.text(alphabet=_CHARS, max_size=12), _WORDS, _WORDS)
def test_occurs_outside_is_any_marker_in_the_masked_text(text, markers, exceptions):
    masked = _mask(text, exceptions)
    assert _occurs_outside(text, markers, exceptions) == any(m in masked for m in markers)


@given(st.text(alphabet=_CHARS, max_size=8), st.lists(st.text(alphabet=_CHARS, max_size=3), max_size=6).map(tuple))
def test_openings_start_a_text_as_startswith_says(text, words):
    assert _openings(words).start(text) == text.startswith(words)
