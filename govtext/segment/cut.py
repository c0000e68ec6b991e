"""A port of jieba's ``Tokenizer.cut(sentence, HMM=False)`` over the compiled dictionary.

Same regular expressions, same directed acyclic graph of dictionary words, same
dynamic programming with the same floating-point expression, same tie-break
(the longer word), same gluing of single Latin letters and digits — so the
tokens are jieba's, which a test checks on every corpus line.

Extra words (protected 提法, ``--userdict``) are an overlay consulted beside
the trie, as ``jieba.Tokenizer.add_word`` would have added them: each one's
frequency replaces the dictionary's and adds to the total, and a frequency of 0
hides the word.  Adding words therefore never rebuilds the dictionary.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from math import log

from govtext.segment.dictionary import Dictionary

# jieba 0.42.1's re_han_default, re_skip_default and re_eng, verbatim.
_HAN = re.compile("([\u4E00-\u9FD5a-zA-Z0-9+#&\\._%\\-]+)", re.U)
_SKIP = re.compile("(\r\n|\\s)", re.U)
_ENG = re.compile("[a-zA-Z0-9]", re.U)


class Cutter:
    """jieba's no-HMM cut over ``dictionary`` plus ``extra`` ``(word, frequency)`` pairs, in order."""

    def __init__(self, dictionary: Dictionary, extra: Iterable[tuple[str, int]] = ()) -> None:
        self._trie = dictionary.trie
        self._logfreq = dictionary.logfreq
        total = dictionary.total
        overlay: dict[str, int] = {}
        for word, freq in extra:
            overlay[word] = int(freq)
            total += int(freq)  # add_word adds even when the word was already known
        self._hidden = frozenset(overlay)  # the trie's own frequency no longer counts for these
        # The same, as the trie's key ids: the route tests each prefix it meets, and an id is
        # cheaper to look up than a fresh string to hash.
        self._hidden_ids = frozenset(self._trie[word] for word in overlay if word in self._trie)
        self._logtotal = log(total)
        self._longest = dictionary.longest
        # By first character, so each position looks only at the words that could start there.
        self._extra: dict[str, list[tuple[str, float]]] = {}
        for word, freq in overlay.items():
            if freq > 0 and word:
                self._extra.setdefault(word[0], []).append((word, log(freq)))
        self._extra_first = re.compile("[" + "".join(map(re.escape, sorted(self._extra))) + "]") \
            if self._extra else None

    def cut(self, sentence: str) -> Iterator[str]:
        """The words of ``sentence``, in order; they concatenate back to it."""
        return (word for word, _, _ in self.tokenize(sentence))

    def tokenize(self, sentence: str) -> list[tuple[str, int, int]]:
        """``(word, start, end)`` for each word, as ``jieba.Tokenizer.tokenize``.

        One loop, no generator per block or word: it runs on every unit of both versions."""
        tokens: list[tuple[str, int, int]] = []
        append = tokens.append
        pos = 0
        eng = _ENG.match
        for i, block in enumerate(_HAN.split(sentence)):
            if not block:
                continue
            if i % 2:  # the runs _HAN matched sit at odd places of the split
                best_end = self._route(block)
                n = len(block)
                k = 0
                glued = -1  # where a run of single letters and digits began (jieba glues them)
                while k < n:
                    end = best_end[k]
                    if end - k == 1 and eng(block[k]):
                        if glued < 0:
                            glued = k
                    else:
                        if glued >= 0:
                            append((block[glued:k], pos + glued, pos + k))
                            glued = -1
                        append((block[k:end], pos + k, pos + end))
                    k = end
                if glued >= 0:
                    append((block[glued:n], pos + glued, pos + n))
            else:
                for j, piece in enumerate(_SKIP.split(block)):
                    if j % 2:
                        append((piece, pos, pos + len(piece)))
                    else:
                        for offset, ch in enumerate(piece):
                            append((ch, pos + offset, pos + offset + 1))
                    pos += len(piece)
                continue
            pos += len(block)
        return tokens

    def tokenize_for_search(self, sentence: str) -> list[tuple[str, int, int]]:
        """``tokenize``'s words, each preceded by the dictionary words of two and three
        characters inside it, as ``jieba.Tokenizer.tokenize(mode="search")``: 完善社会治理体系
        (one protected term) also gives 完善, 社会, 治理, 体系; 粮食安全 gives 粮食, 安全."""
        out = []
        append = out.append
        trie, hidden = self._trie, self._hidden
        for token in self.tokenize(sentence):
            word = token[0]
            size = len(word)
            if size > 2:  # most words are of one or two characters: nothing inside them
                start = token[1]
                for n in (2, 3) if size > 3 else (2,):
                    for i in range(size - n + 1):
                        gram = word[i:i + n]
                        if (gram in trie and gram not in hidden) or (gram in hidden and self.known(gram)):
                            append((gram, start + i, start + i + n))
            append(token)
        return out

    def known(self, word: str) -> bool:
        """Whether ``word`` is a word of the dictionary or the overlay (frequency above 0)."""
        if word in self._hidden:
            return any(w == word for w, _ in self._extra.get(word[0], ()))
        return word in self._trie

    def _route(self, block: str) -> list[int]:
        """For each position, the end (exclusive) of the best word starting there."""
        n = len(block)
        logtotal = self._logtotal
        score = [0.0] * (n + 1)
        best_end = [0] * (n + 1)
        trie, logfreq, hidden, extra = self._trie, self._logfreq, self._hidden_ids, self._extra
        longest = self._longest
        prefixes = trie.iter_prefixes_with_ids
        # Only positions where an overlay word may start look the overlay up (most have none).
        starts = {m.start() for m in self._extra_first.finditer(block)} if extra else ()
        for k in range(n - 1, -1, -1):
            # jieba takes max((log(FREQ[word]) - logtotal + route[end][0], end - 1)): the best
            # score, the longer word on a tie.  Ends only grow in the loops below, so ">=" is that.
            top, top_end = None, 0
            for word, key in prefixes(block[k:k + longest]):
                if key in hidden:
                    continue
                end = k + len(word)
                value = logfreq[key] - logtotal + score[end]
                if top is None or value >= top:
                    top, top_end = value, end
            if k in starts:
                for word, logf in extra[block[k]]:
                    if block.startswith(word, k):
                        end = k + len(word)
                        value = logf - logtotal + score[end]
                        if top is None or value > top or (value == top and end > top_end):
                            top, top_end = value, end
            if top is None:  # no word starts here: the character alone, frequency 1
                top, top_end = 0.0 - logtotal + score[k + 1], k + 1
            score[k], best_end[k] = top, top_end
        return best_end
