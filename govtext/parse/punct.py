"""Punctuation classes of Chinese texts, in one place.

Every rule that asks "does this end a sentence?", "is this a clause break?" or
"does this close a quotation?" reads these sets, so full-width and ASCII forms
are handled alike everywhere.
"""

from __future__ import annotations

import re

WHITESPACE = " \t\u3000\u00a0\u200b\ufeff\f\v"
"""Indentation and padding: ASCII, full-width (U+3000), no-break and zero-width spaces, tabs."""

SENTENCE_ENDS = "。！？；!?;"
"""Marks that end a sentence (； included: it ends a sentence of a list)."""

FULL_STOPS = "。！？!?"
"""Marks that end a sentence that can be a lead (； only ends list members)."""

EXCLAMATIONS = "！!"
"""Marks that end an address (各位代表！)."""

CLAUSE_BREAKS = "，,：:"
"""Marks that end a clause inside a sentence."""

COLONS = "：:"

OPENERS = "“‘「『（(【〔《\""
"""Opening quotes and brackets, paired index by index with CLOSERS."""

CLOSERS = "”’」』）)】〕》\"'"
"""Closing quotes and brackets: they stay with the sentence they close."""

PAIRS = {"“": "”", "‘": "’", "「": "」", "『": "』", "（": "）", "(": ")", "【": "】", "〔": "〕", "《": "》"}
"""Opening → closing mark, for balance checks (ASCII quotes open and close alike)."""

HEADING_EXCLUDED = re.compile(f"[{SENTENCE_ENDS}{CLAUSE_BREAKS}]")
"""A heading line never holds sentence or clause punctuation."""

SENTENCE_END = re.compile(f"[{SENTENCE_ENDS}]")
LINE_END = re.compile(f"[{SENTENCE_ENDS}{COLONS}…{CLOSERS}]$")
"""A line ending in one of these ends its paragraph (no hard wrap inside)."""


def has_sentence_end(text: str) -> bool:
    return bool(SENTENCE_END.search(text))


def is_cjk(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"


def is_balanced_closer(text: str) -> bool:
    """Whether ``text`` ends with a closing mark whose opening mark it contains.

    推广“一网通办” ends in a balanced ”: the quote is part of the title, while a
    stray ” after a sentence end (……。”) closes something begun elsewhere.
    """
    if not text or text[-1] not in CLOSERS:
        return False
    closer = text[-1]
    openers = [o for o, c in PAIRS.items() if c == closer]
    if not openers:  # ASCII quotes: balanced when their count is even
        return text.count(closer) % 2 == 0
    return sum(text.count(o) for o in openers) >= text.count(closer)
