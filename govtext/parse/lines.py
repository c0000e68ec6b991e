"""Cut the text into physical lines, keeping every character's offset.

A line's *content* is what lies between its leading indentation and its
trailing whitespace plus line break; the parsers work on content and give the
whitespace around it ``blank`` leaves, so nothing is lost.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from govtext.parse.punct import WHITESPACE

_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)?")


class Line(NamedTuple):
    start: int
    """Offset of the line's first character."""
    end: int
    """Offset just past the line break (or the end of the text)."""
    content_start: int
    """Offset of the first non-blank character (== content_end for a blank line)."""
    content_end: int
    """Offset just past the last non-blank character."""
    content: str
    """The text between content_start and content_end."""

    @property
    def is_blank(self) -> bool:
        return self.content_start == self.content_end


def split_lines(text: str) -> list[Line]:
    lines: list[Line] = []
    previous_end = 0
    for match in _LINE.finditer(text):
        start, end = match.span()
        if start == end:
            break
        # Equal offsets share one int object (a line starts where the last one ended;
        # most lines have no indentation): a large text has hundreds of thousands.
        start = previous_end if start == previous_end else start
        previous_end = end
        raw = match.group()
        body = raw.rstrip("\r\n")
        stripped_left = body.lstrip(WHITESPACE)
        content = stripped_left.rstrip(WHITESPACE)
        content_start = start + (len(body) - len(stripped_left))
        content_end = content_start + len(content)
        if not content or content_start == start:
            content_start = start
        if not content:
            content_end = start
        lines.append(Line(start, end, content_start, content_end, content))
    return lines
