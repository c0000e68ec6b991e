"""PDF with a text layer → paragraphs (pypdfium2 reads the characters and their boxes;
pdf_layout turns them into paragraphs).

pypdfium2 was measured against pdfminer.six and PyMuPDF on the three corpus PDFs: all
three recover every character (0.00 % error, whitespace ignored), so the choice is on
the rest — pypdfium2 reads them in 0.3–0.5 s where pdfminer.six takes 5–9 s, and its
licence (Apache-2.0/BSD) fits govtext's MIT where PyMuPDF's AGPL does not.
"""

from __future__ import annotations

from govtext.errors import InputError
from govtext.formats.extraction import Extraction, build, clean_line, missing_library
from govtext.formats import pdf_layout
from govtext.formats.pdf_layout import Char

SCANNED = "scanned PDF: no text layer; OCR it first"
MIN_CHARS_PER_PAGE = 5  # less body text than this on average: the pages are images
# Reading and laying out text costs ~50-150 ms a dense page (measured on a busy shared
# machine, benchmarks/bench_formats.py): 2 million characters (about 1,500 dense pages,
# far beyond any 公报 or law) take a few minutes; beyond that the user is told to split it.
MAX_CHARS = 2_000_000
# pdfium keeps every object it parsed (content streams, fonts) until the document is
# closed, even once the page is closed: about 4× a long PDF's size by its last page.
# Reopening the document every so many pages bounds that cache (9.3 MB PDF of 1,240
# pages: +53 MB → +10 MB) for a re-read of the cross-reference table each time.
REOPEN_EVERY = 100


def extract_pdf(data: bytes, name: str | None = None) -> Extraction:
    label = name or "input"
    try:
        import pypdfium2 as pdfium
        import pypdfium2.raw as pdfium_c
    except ImportError:
        raise missing_library("PDF files", "pypdfium2") from None
    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        if "password" in str(exc).lower():
            raise InputError(f"{label}: the PDF is encrypted with a password") from None
        raise InputError(f"{label}: not a readable PDF (corrupt or truncated)") from None
    try:
        pages, heights, widths = [], [], []
        budget = MAX_CHARS
        for index in range(len(document)):
            if index and index % REOPEN_EVERY == 0:
                document.close()  # pdfium's per-document cache: see REOPEN_EVERY
                document = pdfium.PdfDocument(data)
            page = document[index]
            width, height = page.get_size()
            textpage = page.get_textpage()
            chars = _chars(textpage, pdfium_c, budget)
            textpage.close()
            page.close()
            budget -= len(chars)
            pages.append(pdf_layout.page_lines(chars, index + 1))
            heights.append(height)
            widths.append(width)
    except pdfium.PdfiumError:
        raise InputError(f"{label}: a page of the PDF cannot be read (damaged file)") from None
    except _TooMuchText:
        raise InputError(f"{label}: the PDF holds more than {MAX_CHARS:,} characters of text; split it first") from None
    finally:
        document.close()
    all_lines = [line for lines in pages for line in lines]
    em = pdf_layout.em_of(all_lines)
    for line in all_lines:
        line.text = pdf_layout.line_text(line, em)
    pages = pdf_layout.drop_furniture(pages, heights)
    ordered = [line for lines, width in zip(pages, widths) for line in pdf_layout.reading_order(lines, width, em)
               if line.text]
    if sum(len(line.text) for line in ordered) < MIN_CHARS_PER_PAGE * max(1, len(pages)):
        raise InputError(f"{label}: {SCANNED}")
    whole = pdf_layout.margins(ordered, em)
    blocks: dict[tuple[int, int], list] = {}
    for line in ordered:
        blocks.setdefault((line.page, line.column), []).append(line)
    per_page = {key: pdf_layout.margins(block, em, whole) for key, block in blocks.items()}
    per_page.update({(page, 0): per_page.get((page, 0), whole) for page, _ in blocks})
    lines = [(clean_line(text), _pages(where)) for text, where in pdf_layout.paragraphs(ordered, per_page)]
    return build(lines, "pdf", f"pypdfium2 {pdfium.version.PYPDFIUM_INFO}", "binary")


def _pages(pages: list[int]) -> str:
    return f"page {pages[0]}" if len(pages) == 1 else f"pages {pages[0]}-{pages[-1]}"


def _chars(textpage, pdfium_c, budget: int = 1 << 62) -> list[Char]:
    """The page's characters with their loose boxes (the font's full height and advance).

    The page's text in one call and pdfium's raw box call per character: a long PDF
    has millions of characters and the per-character wrappers cost three times as much.
    Spaces pdfium generates between words are kept like real ones: only Latin text
    uses spaces (pdf_layout.line_text), where they are what we want.

    The characters live for one page: pdf_layout.page_lines keeps its lines compact.
    """
    raw = textpage.raw
    count = pdfium_c.FPDFText_CountChars(raw)
    if count > budget:
        raise _TooMuchText()
    text = textpage.get_text_range(0, count) if count else ""
    if len(text) != count:  # characters outside the BMP: one code unit each, in order
        text = "".join(chr(pdfium_c.FPDFText_GetUnicode(raw, i)) for i in range(count))
        text = text.encode("utf-16", "surrogatepass").decode("utf-16", "replace")
        text = text.ljust(count, "\ufffd")[:count]
    rect = pdfium_c.FS_RECTF()
    box = pdfium_c.FPDFText_GetLooseCharBox
    chars: list[Char] = []
    for index, char in enumerate(text):
        if char in _SKIP:
            continue
        box(raw, index, rect)
        char = " " if char.isspace() else char
        chars.append(Char(char, rect.left, rect.bottom, rect.right, rect.top))
    return chars


_SKIP = frozenset("\r\n\t\x00\ufffe\uffff")


class _TooMuchText(Exception):
    pass
