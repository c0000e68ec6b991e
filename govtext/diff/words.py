"""Word segmentation: the one module that imports jieba, and only when first used.

Loading jieba's dictionary dominates a diff's run time, so it happens only if a
matched pair actually needs word-level edits (``diff(a, a)`` never loads it).
Protected 提法 and user dictionary words are added so they come out whole.
"""

from __future__ import annotations

import logging
from typing import Iterable


class Segmenter:
    """Lazily loaded jieba tokenizer with extra words."""

    def __init__(self, words: Iterable[tuple[str, int | None, str | None]] = ()):
        self._words = tuple(words)
        self._tokenizer = None

    def _load(self):
        import jieba  # the only jieba import in govtext

        jieba.setLogLevel(logging.WARNING)  # jieba logs its progress to stderr otherwise
        tokenizer = jieba.Tokenizer()
        tokenizer.initialize()  # reads jieba's cache in the temp dir when present
        for word, freq, tag in self._words:
            # A high frequency keeps a protected term one token even next to common words.
            tokenizer.add_word(word, freq if freq is not None else 100000, tag)
        self._tokenizer = tokenizer
        return tokenizer

    @property
    def loaded(self) -> bool:
        return self._tokenizer is not None

    def tokenize(self, text: str) -> list[tuple[str, int, int]]:
        """``(word, start, end)`` for every token of ``text``; offsets into ``text``."""
        tokenizer = self._tokenizer or self._load()
        return list(tokenizer.tokenize(text, HMM=False))
