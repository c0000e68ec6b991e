"""Do the versions look like one document?  ``history DIR`` on a folder of unrelated
documents (刑法 among work reports) would chain them without a word.

Two signs, both what the documents state about themselves, compared step by step:
the genre (a law after a policy text) and the title the header states, where both
versions state one (中华人民共和国刑法 after 中华人民共和国公司法).  Titles are compared
by their share of two-character sequences, after dropping what changes between
versions of one document — parenthesised notes (（草案）, （2023年修订）), spaces, and
the state's name that opens every national law — so a renamed successor
(信访条例 → 信访工作条例) still counts as the same document.
"""

from __future__ import annotations

import re

SAME_TITLE = 0.5
"""Least share of the shorter title's two-character sequences found in the other."""

SHOWN = 3
"""Odd steps named in the warning; the rest are counted."""

_NOTES = re.compile(r"[（(【〔\[][^）)】〕\]]*[）)】〕\]]|\s+")
_STATE = "中华人民共和国"
_GENRES = {"law": "a law", "policy": "a policy text"}


def _core(title: str) -> str:
    return _NOTES.sub("", title).removeprefix(_STATE)


def _bigrams(text: str) -> set[str]:
    return {text[k : k + 2] for k in range(len(text) - 1)} or {text}


def same_title(a: str, b: str) -> bool:
    a, b = _core(a), _core(b)
    if not a or not b or a == b:
        return True
    x, y = _bigrams(a), _bigrams(b)
    return len(x & y) / min(len(x), len(y)) >= SAME_TITLE


def unity_warnings(labels: list[str], genres: list[str], titles: list[str]) -> tuple[str, ...]:
    """One warning naming the steps where the next version looks like another document."""
    odd = []
    for k in range(1, len(labels)):
        if genres[k] != genres[k - 1]:
            odd.append(f"{labels[k]} is {_GENRES.get(genres[k], genres[k])} after "
                       f"{_GENRES.get(genres[k - 1], genres[k - 1])} ({labels[k - 1]})")
        elif titles[k] and titles[k - 1] and not same_title(titles[k - 1], titles[k]):
            odd.append(f"{labels[k]} is titled {titles[k]}, {labels[k - 1]} {titles[k - 1]}")
    if not odd:
        return ()
    more = f"; and {len(odd) - SHOWN} more" if len(odd) > SHOWN else ""
    return (f"these versions may not be one document: {'; '.join(odd[:SHOWN])}{more}",)
