"""Recognising heading lines that carry no number (完善社会治理体制, 附则)."""

from __future__ import annotations

from govtext.parse.punct import HEADING_EXCLUDED, is_cjk

# Lines of digits, dates or dashes (——2024年3月5日) or opened by a quote or
# bracket are header material or text, and lines opened by a note mark
# (＠①原字石右加安, ※, ＊) are an editor's notes, not headings.
_NEVER_FIRST = "—-－（(《“\"＠@※＊*"


def is_plain_heading(content: str, max_len: int) -> bool:
    """A short line with no sentence or clause punctuation, in Chinese words."""
    if not content or len(content) > max_len:
        return False
    if HEADING_EXCLUDED.search(content):
        return False
    if content[0] in _NEVER_FIRST or content[0].isdigit():
        return False
    return any(is_cjk(ch) for ch in content)
