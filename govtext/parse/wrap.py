"""Re-joining paragraphs that a hard line wrap (PDF extraction, fixed-width mail) broke.

A body line that runs to no end mark, is long enough to have been wrapped, and is
followed by an unnumbered line that is no heading, continues on that line.  The
joined line keeps the break and indentation inside its content, so nothing is lost.
"""

from __future__ import annotations

from collections.abc import Callable

from govtext.parse.classify import TypedLine, rejoined
from govtext.parse.lines import Line
from govtext.parse.punct import LINE_END

MIN_WRAPPED = 16
"""Shorter lines are titles or fragments, not wrapped text."""


def join_wrapped(
    text: str, lines: list[TypedLine], is_heading: Callable[[TypedLine], bool],
    opens_unit: Callable[[TypedLine], bool],
) -> list[TypedLine]:
    """``lines`` with wrapped paragraphs joined.

    ``is_heading`` marks lines that are never continued; ``opens_unit`` marks lines
    that never continue another (numbered lines, headings).  Both read the line's
    kind only.
    """
    joined: list[TypedLine] = []
    for typed in lines:
        prev = joined[-1] if joined else None
        if (
            prev is not None
            and not typed.is_blank
            and not prev.is_blank
            and len(prev.content) >= MIN_WRAPPED
            and not LINE_END.search(prev.content)
            and not is_heading(prev)
            and not opens_unit(typed)
        ):
            p, line = prev.line, typed.line
            whole = Line(p.start, line.end, p.content_start, line.content_end, text[p.content_start : line.content_end])
            joined[-1] = rejoined(prev, whole)
        else:
            joined.append(typed)
    return joined
