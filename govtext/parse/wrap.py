"""Re-joining paragraphs that a hard line wrap (PDF extraction, fixed-width mail) broke.

A body line that runs to no end mark, is long enough to have been wrapped, and is
followed by an unnumbered line that is no heading, continues on that line.  The
joined line keeps the break and indentation inside its content, so nothing is lost.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from govtext.parse.lines import Line

# A line that ends with one of these ends its paragraph.
_ENDS = re.compile(r"[。！？；：…”’）)」』》!?;:]$")
_MIN_WRAPPED = 16  # shorter lines are titles or fragments, not wrapped text


def join_wrapped(
    text: str, lines: list[Line], is_heading: Callable[[Line], bool], opens_unit: Callable[[Line], bool]
) -> list[Line]:
    """``lines`` with wrapped paragraphs joined.

    ``is_heading`` marks lines that are never continued; ``opens_unit`` marks lines
    that never continue another (numbered lines, headings).
    """
    joined: list[Line] = []
    for line in lines:
        prev = joined[-1] if joined else None
        if (
            prev is not None
            and not line.is_blank
            and not prev.is_blank
            and len(prev.content) >= _MIN_WRAPPED
            and not _ENDS.search(prev.content)
            and not is_heading(prev)
            and not opens_unit(line)
        ):
            joined[-1] = Line(prev.start, line.end, prev.content_start, line.content_end,
                              text[prev.content_start : line.content_end])
        else:
            joined.append(line)
    return joined
