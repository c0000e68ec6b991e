"""Recognising heading lines that carry no number (完善社会治理体制, 附则)."""

from __future__ import annotations

import re

# Punctuation that a heading line never holds: sentence ends, commas, colons.
_SENTENCE_MARKS = re.compile(r"[。！？；，：!?;,:]")
_MAX_HEADING = 30


def is_plain_heading(content: str, max_len: int = _MAX_HEADING) -> bool:
    """A short line with no sentence punctuation and no trailing mark."""
    if not content or len(content) > max_len:
        return False
    if _SENTENCE_MARKS.search(content):
        return False
    # Lines of digits, dates or dashes (——2024年3月5日) are header material, not headings.
    if content[0] in "—-－（(《“\"" or content[0].isdigit():
        return False
    return any("\u4e00" <= ch <= "\u9fff" for ch in content)


def has_sentence_end(content: str) -> bool:
    return bool(re.search(r"[。！？；!?;]", content))
