"""jieba itself, the reference the port in :mod:`govtext.segment.cut` must match.

The only module that imports jieba.  jieba keeps a pickled copy of its
dictionary in a temporary folder (``/tmp/jieba.cache`` by default), which a
second user on the machine cannot overwrite ("Dump cache file failed" and a
traceback): here it goes to govtext's per-user cache instead, or to a private
temporary folder when there is none.
"""

from __future__ import annotations

import logging
import tempfile
from collections.abc import Iterable

from govtext import cache


def jieba_tokenizer(extra: Iterable[tuple[str, int]] = ()):
    """An initialised ``jieba.Tokenizer`` with ``extra`` ``(word, frequency)`` added in order."""
    import jieba

    jieba.setLogLevel(logging.WARNING)  # jieba logs its progress to stderr otherwise
    tokenizer = jieba.Tokenizer()
    folder = cache.private_dir("jieba")
    tokenizer.tmp_dir = str(folder) if folder else tempfile.mkdtemp(prefix="govtext-jieba-")
    tokenizer.initialize()
    for word, freq in extra:
        tokenizer.add_word(word, freq)
    return tokenizer


def jieba_tokens(tokenizer, text: str) -> list[tuple[str, int, int]]:
    """What the differ segmented with before the port: ``tokenize(text, HMM=False)``."""
    return list(tokenizer.tokenize(text, HMM=False))
