"""Normalisation before comparing: what never counts as rewording.

Full- and half-width forms (ＡＢＣ１２３，（）： vs ABC123,():), spaces anywhere
(第一章 总 则, ideographic spaces, line wraps), 〇/○/◯, and punctuation forms
(“” vs "", —— vs --, 〈〉 vs ‹› vs <>).  Texts equal after :func:`normalize` differ at most in
``formatting``.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from operator import add

# Characters that are one character written several ways.  NFKC handles the
# width forms; these are the look-alikes it leaves alone.
_FOLD = str.maketrans(
    {
        "○": "〇",
        "◯": "〇",
        "Ｏ": "〇",
        "“": '"',
        "”": '"',
        "„": '"',
        "‘": "'",
        "’": "'",
        "「": '"',
        "」": '"',
        "—": "-",
        "–": "-",
        "－": "-",
        "‐": "-",
        "―": "-",
        "﹐": ",",
        "．": ".",
        "•": "·",
        "・": "·",
        # Inner book-title marks: 〈〉, ‹› and ASCII <> are one mark written three ways
        # (NFKC already folds ＜＞ and U+2329/U+232A).
        "‹": "〈",
        "›": "〉",
        "<": "〈",
        ">": "〉",
    }
)
_SPACE = re.compile(r"\s+")

# Fast paths, same results (a test compares them with the plain definition on any text):
# Chinese text is rarely NFKC as it stands only because of its full-width punctuation
# (，：；（）) and ideographic spaces; these characters' compatibility decomposition is one
# ASCII character, so putting it in place first leaves NFKC's result unchanged (NFKC starts
# by decomposing every character) and most sentences then pass NFKC's quick check, which
# costs a fraction of normalising.  The look-alikes are rare: the table runs only when one
# is present (str.translate looks every character up in a dict).
_WIDE = re.compile("[\uFF01-\uFF5E\u3000]")
_FOLDABLE = re.compile("[" + re.escape("".join(sorted(chr(code) for code in _FOLD))) + "]")


def _narrow(match: re.Match) -> str:
    char = match.group()
    return " " if char == "\u3000" else chr(ord(char) - 0xFEE0)


@lru_cache(maxsize=65536)
def normalize(text: str) -> str:
    """The comparison form of ``text``: width-folded, look-alikes folded, no whitespace.

    The same as ``_SPACE.sub("", unicodedata.normalize("NFKC", text).translate(_FOLD))``."""
    text = _WIDE.sub(_narrow, text)
    if not unicodedata.is_normalized("NFKC", text):
        text = unicodedata.normalize("NFKC", text)
    if _FOLDABLE.search(text):
        text = text.translate(_FOLD)
    return "".join(text.split())  # str.split's whitespace is regex \s's, at a fifth of the cost


def bigrams(text: str) -> frozenset[str]:
    """Character bigrams of a normalised text (a single character stands for itself)."""
    if len(text) < 2:
        return frozenset((text,)) if text else frozenset()
    # Each character joined to the next, pairing in C (a generator of slices costs 3x more).
    return frozenset(map(add, text, text[1:]))


def similarity(a: frozenset[str], b: frozenset[str]) -> float:
    """Dice coefficient of two bigram sets, 0..1."""
    if not a and not b:
        return 1.0
    if not a or not b:
        return 0.0
    return 2 * len(a & b) / (len(a) + len(b))


def similarity_bound(len_a: int, len_b: int) -> float:
    """An upper bound on :func:`similarity` from the set sizes alone (a cheap prefilter)."""
    if not len_a and not len_b:
        return 1.0
    return 2 * min(len_a, len_b) / (len_a + len_b)
