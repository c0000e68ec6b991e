"""From positioned characters to paragraphs, the way a reader sees a printed page.

Pure geometry, no PDF library: lines are built from characters on one baseline; page
numbers (—1—) and running headers/footers (the same line on most pages) are dropped;
two-column pages are read column by column; hard-wrapped lines are joined unless the
next line is indented (a first-line indent), the previous one ends short of the right
margin, or the type size changes.  A visible gap inside a line (第一条　…, 第一章 总 纲)
becomes one space.
"""

from __future__ import annotations

import re
from array import array
from collections import Counter
from dataclasses import dataclass, field
from statistics import median

# Page-number lines as printed in 公文 and elsewhere: —1—, - 1 -, 第1页, 1/27, plain 12.
PAGE_NUMBER = re.compile(r"^(?:[—–\-－]+\s*\d+\s*[—–\-－]+|[—–\-－]?\s*\d{1,4}\s*[—–\-－]?|第\s*\d+\s*页(?:\s*共\s*\d+\s*页)?|"
                         r"\d+\s*/\s*\d+|[·•]\s*\d+\s*[·•])$")
MARGIN_BAND = 0.09  # top and bottom share of the page height where headers and footers live
REPEATED_SHARE = 0.6  # a line on at least this share of pages (3 or more) is page furniture
# A paragraph never starts with these: a line opening with them continues the previous
# one (WPS's punctuation compression can push 、 to the start of a line).
CONTINUES = tuple("、，。；：！？）」』》〕】”’,.;:!?)%")
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


@dataclass(slots=True)
class Char:
    text: str
    left: float
    bottom: float
    right: float
    top: float


@dataclass(slots=True)
class Line:
    """A row of characters, kept compact: a long PDF's lines hold millions of characters
    until the document's em is known, and one object per character (72 bytes) was most of
    the reader's memory.  ``glyphs`` are the characters left to right, ``boxes`` their
    boxes as left, bottom, right, top each, in the same order (see ``box``)."""
    page: int
    glyphs: str = ""
    boxes: array = field(default_factory=lambda: array("d"))
    text: str = ""
    column: int = 0  # 0 on one-column pages; 1 and 2 for the columns of a two-column page
    # Geometry, computed once by seal() (a long PDF has hundreds of thousands of lines).
    left: float = 0.0
    right: float = 0.0
    top: float = 0.0
    bottom: float = 0.0
    height: float = 0.0

    @classmethod
    def of(cls, page: int, chars: list[Char]) -> Line:
        """The line of these characters, left to right, its geometry sealed."""
        chars = sorted(chars, key=lambda c: c.left)
        values = [v for c in chars for v in (c.left, c.bottom, c.right, c.top)]
        boxes = array("f", values)  # pdfium's boxes are C floats: 4 bytes hold them exactly
        if boxes.tolist() != values:
            boxes = array("d", values)
        return cls(page, "".join(c.text for c in chars), boxes).seal()

    def piece(self, start: int, end: int) -> Line:
        """Characters ``start:end`` as a line of their own."""
        return Line(self.page, self.glyphs[start:end], self.boxes[4 * start:4 * end]).seal()

    def seal(self) -> Line:
        """Compute the line's box from its characters (space glyphs only position: they do
        not indent), and its height from the Chinese characters — Latin digits in another
        font (Calibri next to SimSun) have other boxes without being another type size."""
        b, glyphs = self.boxes, self.glyphs
        everything = range(len(glyphs))
        inked = [i for i in everything if glyphs[i] != " "] or everything
        self.left = min(b[4 * i] for i in inked)
        self.right = max(b[4 * i + 2] for i in inked)
        self.top = max(b[3::4])
        self.bottom = min(b[1::4])
        cjk = [b[4 * i + 3] - b[4 * i + 1] for i in everything if _CJK.match(glyphs[i])]
        self.height = median(cjk or [b[4 * i + 3] - b[4 * i + 1] for i in everything])
        return self


def page_lines(chars: list[Char], page: int) -> list[Line]:
    """Group a page's characters (whitespace already removed) into lines, top to bottom."""
    rows: list[list[Char]] = []
    for char in sorted(chars, key=lambda c: (-(c.top + c.bottom) / 2, c.left)):
        middle = (char.top + char.bottom) / 2
        if rows:
            last = rows[-1]
            last_middle = (last[0].top + last[0].bottom) / 2
            if abs(middle - last_middle) < 0.35 * max(char.top - char.bottom, 1):
                last.append(char)
                continue
        rows.append([char])
    return [Line.of(page, row) for row in rows]


def em_of(lines: list[Line]) -> float:
    widths = [line.boxes[4 * i + 2] - line.boxes[4 * i] for line in lines
              for i, glyph in enumerate(line.glyphs) if _CJK.match(glyph)]
    if not widths:
        widths = [line.height for line in lines] or [10.0]
    return median(widths)


def line_text(line: Line, em: float) -> str:
    """The line's characters, with one space where the page shows a gap."""
    out: list[str] = []
    previous = None  # the previous visible character and its right edge
    spaced = False  # a space glyph since the previous visible character
    boxes = line.boxes
    for index, glyph in enumerate(line.glyphs):
        if glyph == " ":
            spaced = True
            continue
        if previous is not None:
            gap = boxes[4 * index] - previous_right
            latin = previous.isascii() and glyph.isascii()
            # Space glyphs count between Latin words only: next to Chinese they are
            # positioning (WPS pads digits in another font), and a visible gap is a space.
            if gap > 0.35 * em or (latin and (spaced or gap > 0.15 * em)):
                out.append(" ")
        out.append(glyph)
        previous, previous_right, spaced = glyph, boxes[4 * index + 2], False
    return "".join(out).strip()


def drop_furniture(pages: list[list[Line]], heights: list[float]) -> list[list[Line]]:
    """Drop page numbers in the margins and lines that repeat on most pages."""
    def key(line: Line) -> str:
        return re.sub(r"\d+", "#", line.text)

    def in_margin(line: Line, height: float) -> bool:
        band = MARGIN_BAND * height
        return line.bottom < band or line.top > height - band

    # Only lines in the top and bottom bands count: a table of contents repeats body
    # headings on other pages, a running header never leaves the margin.
    counts = Counter(k for lines, height in zip(pages, heights)
                     for k in {key(line) for line in lines if in_margin(line, height)})
    repeated = {k for k, n in counts.items() if n >= 2 and n >= REPEATED_SHARE * len(pages)}
    return [
        [line for line in lines
         if not (in_margin(line, height) and (key(line) in repeated or PAGE_NUMBER.match(line.text)))]
        for lines, height in zip(pages, heights)
    ]


def split_at_gaps(line: Line, gap: float) -> list[Line]:
    """Pieces of a line separated by more than ``gap`` (the two columns' halves of a row)."""
    if len(line.glyphs) < 2 or line.right - line.left < 2 * gap:
        return [line]
    starts = [0]  # where each piece starts
    boxes = line.boxes
    reach = boxes[2]
    for index in range(1, len(line.glyphs)):
        if line.glyphs[index] != " " and boxes[4 * index] - reach > gap:
            starts.append(index)
        if boxes[4 * index + 2] > reach:
            reach = boxes[4 * index + 2]
    if len(starts) == 1:
        return [line]
    return [line.piece(start, end) for start, end in zip(starts, starts[1:] + [len(line.glyphs)])]


def reading_order(lines: list[Line], width: float, em: float | None = None) -> list[Line]:
    """Two-column pages: the left column top to bottom, then the right one."""
    middle = width / 2
    em = em or em_of(lines)
    pieces = [piece for line in lines for piece in split_at_gaps(line, 2 * em)]
    left = [line for line in pieces if line.right <= middle + em]
    right = [line for line in pieces if line.left >= middle - em]
    crossing = len(pieces) - len(left) - len(right)
    if (len(pieces) >= 6 and len(left) >= 0.3 * len(pieces) and len(right) >= 0.3 * len(pieces)
            and crossing <= 0.1 * len(pieces)):
        for piece in pieces:
            if not piece.text:
                piece.text = line_text(piece, em)
        for piece in left:
            piece.column = 1
        for piece in right:
            piece.column = 2
        sided = {id(line) for line in left} | {id(line) for line in right}
        spanning = [line for line in pieces if id(line) not in sided]
        # Lines across both columns (a title) come first when above the columns.
        top_of_columns = max(line.top for line in left + right)
        above = [line for line in spanning if line.bottom >= top_of_columns]
        below = [line for line in spanning if line.bottom < top_of_columns]
        return above + left + right + below
    return lines


@dataclass(slots=True)
class Margins:
    left: float
    right: float
    em: float
    size: float  # the body's line height
    leading: float = 0.0  # the usual white space between two lines of a paragraph


def margins(lines: list[Line], em: float, fallback: Margins | None = None) -> Margins:
    """The text block's edges: right = where most lines end, left = where full lines start.

    A full (hard-wrapped) line starts at the left margin unless it is a paragraph's
    indented first line, so the leftmost full line marks the margin; pages shift it
    (mirrored margins), so it is measured per page, the document's as the fallback.
    """
    sizes: Counter[int] = Counter()
    for line in lines:
        sizes[round(line.height)] += len(line.glyphs)
    size = sizes.most_common(1)[0][0] if sizes else (fallback.size if fallback else em)
    if len(lines) < 4 and fallback is not None:
        return fallback
    # The right edge is where full lines end; hanging punctuation may poke out by less
    # than a character, so the full lines are those within one character of the furthest.
    rights = [line.right for line in lines] or [0.0]
    furthest = max(rights)  # once: inside the filter it made a long PDF's margins quadratic
    right = median(r for r in rights if r >= furthest - em)
    # Body lines start at the left edge or are indented from it (first lines, centred
    # headings); page numbers, the only lines further out, are gone by now.
    body = [line.left for line in lines if round(line.height) == size] or [line.left for line in lines]
    gaps = [a.bottom - b.top for a, b in zip(lines, lines[1:]) if a.page == b.page and a.bottom > b.top]
    leading = median(gaps) if gaps else (fallback.leading if fallback else size)
    return Margins(min(body), right, em, size, leading)


def starts_paragraph(previous: Line, line: Line, m: Margins) -> bool:
    if line.text.startswith(CONTINUES):
        return False
    if abs(round(line.height) - round(previous.height)) > 0.15 * m.size:
        return True  # a change of type size: heading ↔ body
    if line.left > m.left + 0.8 * m.em:
        return True  # first-line indent, or a centred line
    if previous.right < m.right - 1.2 * m.em:
        return True  # the previous line ended short: a paragraph's last line
    if previous.page == line.page and previous.bottom - line.top > m.leading + 0.6 * m.size:
        return True  # a blank line's worth of space: paragraphs set apart without indents
    return line.left < m.left - 0.8 * m.em  # an outdented line


def join_title(previous: Line, line: Line, m: Margins) -> bool:
    """A title in larger type wrapped over centred lines reads as one line."""
    def centred(x: Line) -> bool:
        return x.left > m.left + m.em and abs((x.left - m.left) - (m.right - x.right)) < 2.5 * m.em

    return (round(previous.height) == round(line.height) and line.height > 1.15 * m.size
            and centred(previous) and centred(line) and not previous.text.endswith(tuple("。；：")))


def paragraphs(lines: list[Line], page_margins: dict[tuple[int, int], Margins]) -> list[tuple[str, list[int]]]:
    """Join lines into paragraphs; each with the pages it came from."""
    out: list[tuple[list[str], list[int]]] = []  # parts, not strings: a paragraph may run for pages
    previous = None
    for line in lines:
        m = page_margins.get((line.page, line.column)) or page_margins[(line.page, 0)]
        if previous is not None and (join_title(previous, line, m) or not starts_paragraph(previous, line, m)):
            parts, pages = out[-1]
            last = parts[-1][-1:]
            if last.isascii() and last.isalnum() and line.text[:1].isascii() and line.text[:1].isalpha():
                parts.append(" ")  # a Latin word wrapped at a space
            parts.append(line.text)
            if pages[-1] != line.page:
                pages.append(line.page)
        else:
            out.append(([line.text], [line.page]))
        previous = line
    return [("".join(parts), pages) for parts, pages in out]
