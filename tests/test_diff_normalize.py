"""The fast normaliser is the plain definition: NFKC, look-alikes folded, whitespace removed.

:func:`govtext.diff.normalize.normalize` skips work it can prove unneeded (full-width
punctuation narrowed before NFKC's quick check, the look-alike table only when one is
present); these tests hold it to the one-line definition on every kind of input.
"""

from __future__ import annotations

import re
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from govtext.diff.normalize import _FOLD, normalize
from conftest import CORPUS, CORPUS_REASON, corpus_files

_SPACE = re.compile(r"\s+")


def definition(text: str) -> str:
    return _SPACE.sub("", unicodedata.normalize("NFKC", text).translate(_FOLD))


def fast(text: str) -> str:
    return normalize.__wrapped__(text)  # past the cache: each call does the work


# Characters where a shortcut could go wrong: the full-width forms and the ideographic
# space (narrowed early), the look-alikes, combining marks that compose with what precedes
# them (a full-width letter then a ring above is Å), half-width katakana with voicing
# marks, Hangul jamo, compatibility ideographs, whitespace of every kind.
TRICKY = ("".join(chr(c) for c in range(0xFF00, 0xFFF0)) + "\u3000\u0301\u0308\u030a\u20dd\u3099\u309a"
          "\u304b\u1100\u1161\u11a8\uac00\u3164\u2126\u212b\u00c5Aa \t\n\u00a0\u2028\u200b\uf900\u2f00"
          "〇○◯Ｏ“”„‘’「」—–－‐―﹐．•・‹›<>〈〉《》，。；：（）一二三第条款")


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=TRICKY, max_size=12))
def test_fast_path_matches_the_definition_on_tricky_text(text: str) -> None:
    assert fast(text) == definition(text)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=20))
def test_fast_path_matches_the_definition_on_any_text(text: str) -> None:
    assert fast(text) == definition(text)


def test_every_single_character_normalises_as_defined() -> None:
    for code in range(0x110000):
        if 0xD800 <= code < 0xE000:
            continue  # lone surrogates are no text
        char = chr(code)
        assert fast(char) == definition(char), hex(code)


def test_every_corpus_line_normalises_as_defined() -> None:
    files = corpus_files()
    if not files:
        pytest.skip(CORPUS_REASON)
    assert CORPUS.is_dir()
    for path in files:
        for line in path.read_text(encoding="utf-8").splitlines():
            assert fast(line) == definition(line), (path.name, line)
