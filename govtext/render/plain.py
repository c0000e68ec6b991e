"""The outline tree as plain text, character for character what Rich prints when piped.

``govtext tree | less`` or ``> file`` needs no colour, so it need not import
Rich (a third of the command's start-up).  This renderer draws the rows of
:mod:`govtext.render.labels` with Rich's tree guides and Rich's cutting rules:
a label too wide for its line is cut to one cell less than the room and ends in
"…"; a double-width character that would straddle the cut becomes a space; a
label with a tail (kind, counts) has its head cut first so the tail shows.

Cell widths are only known here for the characters policy texts are made of
(ASCII, Latin-1, common punctuation and symbols, CJK ideographs and
punctuation, full-width forms); a test checks each against Rich's own table.
For any other character :func:`render` returns None and the caller uses Rich.
"""

from __future__ import annotations

import re

from govtext.render.labels import Entry, Part, Row, part_texts

# Characters with one unambiguous width, each checked against rich.cells.cell_len by a test
# (and the line break between rows).  Those from U+3000 up are two cells wide, the others one.
_KNOWN = re.compile(
    "[\n\u0020-\u007e\u00a0-\u00ac\u00ae-\u00ff\u2010-\u2027\u2030-\u205e\u2160-\u217f\u2190-\u21ff"
    "\u2460-\u24ff\u2500-\u257f\u25a0-\u25fc\u3000-\u3029\u3030-\u303e\u3400-\u4dbf\u4e00-\u9fff"
    "\uf900-\ufaff\ufe30-\ufe4f\uff01-\uff60\uffe0-\uffe6]*"
)
_FIRST_WIDE = "\u3000"
# In UTF-8 a character from U+3000 to U+FFFF starts with a byte E3-EF, and no other known one does:
# counting those bytes counts the wide characters at C speed (no per-character Python loop).
_NOT_WIDE_LEAD = bytes(b for b in range(256) if not 0xE3 <= b <= 0xEF)

GUIDES = ("    ", "│   ", "├── ", "└── ")
"""Rich's tree guides (space, continue, fork, end) for a plain, non-bold guide style."""
_SPACE, _CONTINUE, _FORK, _END = GUIDES


def known(text: str) -> bool:
    """True when every character of ``text`` has a width this module knows (line breaks allowed)."""
    return _KNOWN.fullmatch(text) is not None


def cells(text: str) -> int:
    """Width of ``text`` in terminal cells (characters for which :func:`known` holds)."""
    if text.isascii():
        return len(text)
    return len(text) + len(text.encode("utf-8").translate(None, _NOT_WIDE_LEAD))


def _crop(text: str, room: int) -> str:
    """Rich's ``set_cell_size`` for a text wider than ``room``: cut, a split wide character as a space."""
    if room <= 0:
        return ""
    start = min(len(text), room // 2)  # that many characters fit whatever their widths
    used = cells(text[:start])
    for k in range(start, len(text)):
        char = text[k]
        width = 2 if char >= _FIRST_WIDE else 1
        if used + width > room:
            return text[:k] + " " * (room - used)
        used += width
    return text


def _fit(text: str, width: int) -> str:
    """Rich's ``Text.truncate(width, overflow="ellipsis")``."""
    return _crop(text, width - 1) + "…" if cells(text) > width else text


def _join(parts: tuple[Part, ...]) -> str:
    return " ".join(text for text, _ in parts)


def label(row: Row, width: int) -> str:
    """One row as Rich renders it in ``width`` cells."""
    head = _join(row.head)
    if row.tail:
        tail = _join(row.tail)
        room = width - cells(tail) - 1
        if cells(head) > room:
            head = _fit(head, max(room, 1))
        head = f"{head} {tail}"
    return _fit(head, width)


def render(top: Entry, width: int) -> str | None:
    """The whole tree in ``width`` cells, or None if Rich must draw it (an unknown character)."""
    if width < 1:
        return None
    lines: list[str] = [label(top.row, width)]
    if not _draw(top, "", width, lines):
        return None
    text = "\n".join(lines) + "\n"
    # Every part checked, uncut: a character beyond a cut still decides where Rich cuts.
    return text if known("\n".join(part_texts(top))) else None


def _draw(entry: Entry, prefix: str, width: int, lines: list[str]) -> bool:
    """Append the lines of ``entry``'s children; False where the guides leave no room (Rich's case)."""
    last = len(entry.children) - 1
    room = width - len(prefix) - 4  # guides are single-cell characters
    if entry.children and room < 1:
        return False
    for k, child in enumerate(entry.children):
        lines.append(prefix + (_END if k == last else _FORK) + label(child.row, room))
        if child.children and not _draw(child, prefix + (_SPACE if k == last else _CONTINUE), width, lines):
            return False
    return True
