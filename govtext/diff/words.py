"""Word segmentation for the word differ: jieba's tokens, loaded only when first used.

Only a matched pair that changed needs words (``diff(a, a)`` never loads the
dictionary).  The tokens are those of ``jieba.Tokenizer.tokenize(text,
HMM=False)`` with the extra words added, computed by :mod:`govtext.segment`
over a memory-mapped compiled dictionary instead of jieba's half-second load.
Protected 提法 and user dictionary words are added so they come out whole.
"""

from __future__ import annotations

from typing import Iterable

PROTECTED_FREQ = 100000
"""Frequency of an extra word given without one: high enough to stay one token next to common words."""


class Segmenter:
    """Lazily loaded tokenizer with extra words ``(word, freq or None, tag or None)``."""

    def __init__(self, words: Iterable[tuple[str, int | None, str | None]] = ()):
        self._words = tuple(words)
        self._cutter = None

    @property
    def extra(self) -> tuple[tuple[str, int], ...]:
        """The extra words with their frequencies, in the order they are added."""
        return tuple((word, freq if freq is not None else PROTECTED_FREQ) for word, freq, _ in self._words)

    def _load(self):
        from govtext.segment.cut import Cutter

        self._cutter = Cutter(_dictionary(), self.extra)
        return self._cutter

    @property
    def loaded(self) -> bool:
        return self._cutter is not None

    def tokenize(self, text: str) -> list[tuple[str, int, int]]:
        """``(word, start, end)`` for every token of ``text``; offsets into ``text``."""
        return (self._cutter or self._load()).tokenize(text)

    def tokenize_for_search(self, text: str) -> list[tuple[str, int, int]]:
        """:meth:`tokenize`'s words, each preceded by the shorter dictionary words inside it
        (see :meth:`govtext.segment.cut.Cutter.tokenize_for_search`): what a topic is read from."""
        return (self._cutter or self._load()).tokenize_for_search(text)


_DICTIONARY = None


def _dictionary():
    """The compiled dictionary, shared by every segmenter of the process."""
    global _DICTIONARY
    if _DICTIONARY is None:
        from govtext.segment.dictionary import load

        _DICTIONARY = load()
    return _DICTIONARY
