"""Tiny Word and PDF files made in the tests (no binaries committed), and the comparison
measures of the formats tests."""

from __future__ import annotations

import ctypes
import difflib
import io

W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def char_error(expected: str, got: str) -> float:
    """Share of the expected characters (whitespace ignored) that differ in ``got``."""
    a, b = "".join(expected.split()), "".join(got.split())
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    changed = sum(max(i2 - i1, j2 - j1) for tag, i1, i2, j1, j2 in matcher.get_opcodes() if tag != "equal")
    return changed / max(1, len(a))


# --- Word ---------------------------------------------------------------------------------

def docx_bytes(build) -> bytes:
    """A .docx made with python-docx; ``build(document)`` adds the content."""
    import docx

    document = docx.Document()
    build(document)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def add_numbering(document, abstract_xml: str, num_id: int = 7, abstract_id: int = 70, overrides: str = "") -> None:
    """Define list ``num_id`` whose levels are ``abstract_xml`` (``<w:lvl>`` elements)."""
    from docx.oxml import parse_xml

    numbering = document.part.numbering_part.element
    abstract = parse_xml(f'<w:abstractNum {W_NS} w:abstractNumId="{abstract_id}">{abstract_xml}</w:abstractNum>')
    num = parse_xml(f'<w:num {W_NS} w:numId="{num_id}"><w:abstractNumId w:val="{abstract_id}"/>{overrides}</w:num>')
    # abstractNum elements must precede num elements in numbering.xml
    first_num = numbering.find("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}num")
    if first_num is not None:
        first_num.addprevious(abstract)
    else:
        numbering.append(abstract)
    numbering.append(num)


def level(ilvl: int, fmt: str, text: str, suffix: str = "nothing", start: int = 1) -> str:
    return (f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>'
            f'<w:suff w:val="{suffix}"/><w:lvlText w:val="{text}"/></w:lvl>')


def numbered(paragraph, num_id: int, ilvl: int = 0) -> None:
    from docx.oxml import parse_xml

    ppr = paragraph._p.get_or_add_pPr()
    ppr.insert(0, parse_xml(f'<w:numPr {W_NS}><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr>'))


def raw_paragraph(document, inner_xml: str) -> None:
    """Append a paragraph written as WordprocessingML (tracked changes, fields …)."""
    from docx.oxml import parse_xml

    body = document.element.body
    body.insert(len(body) - 1, parse_xml(f"<w:p {W_NS}>{inner_xml}</w:p>"))  # before sectPr


# --- PDF ----------------------------------------------------------------------------------

def pdf_bytes(pages: list[list[tuple[str, float, float]]], size: float = 12, page_size=(400, 600)) -> bytes:
    """A PDF whose pages hold text runs ``(text, x, y)`` in Helvetica (pdfium writes it)."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    pdf = pdfium.PdfDocument.new()
    for runs in pages:
        page = pdf.new_page(*page_size)
        for text, x, y in runs:
            obj = raw.FPDFPageObj_NewTextObj(pdf.raw, b"Helvetica", ctypes.c_float(size))
            buffer = ctypes.create_string_buffer((text + "\x00").encode("utf-16-le"))
            raw.FPDFText_SetText(obj, ctypes.cast(buffer, ctypes.POINTER(raw.FPDF_WCHAR)))
            raw.FPDFPageObj_Transform(obj, 1, 0, 0, 1, x, y)
            raw.FPDFPage_InsertObject(page.raw, obj)
        page.gen_content()
    out = io.BytesIO()
    pdf.save(out)
    return out.getvalue()


def image_pdf(pages: int = 2, watermark: str | None = None) -> bytes:
    """A 'scanned' PDF: each page one image, optionally with a scanner app's text watermark."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    pdf = pdfium.PdfDocument.new()
    for _ in range(pages):
        page = pdf.new_page(400, 600)
        image = pdfium.PdfImage.new(pdf)
        bitmap = pdfium.PdfBitmap.new_native(40, 60, raw.FPDFBitmap_BGR)
        bitmap.fill_rect((230, 230, 230, 255), 0, 0, 40, 60)
        image.set_bitmap(bitmap)
        image.set_matrix(pdfium.PdfMatrix().scale(400, 600))
        page.insert_obj(image)
        if watermark:
            obj = raw.FPDFPageObj_NewTextObj(pdf.raw, b"Helvetica", ctypes.c_float(8))
            buffer = ctypes.create_string_buffer((watermark + "\x00").encode("utf-16-le"))
            raw.FPDFText_SetText(obj, ctypes.cast(buffer, ctypes.POINTER(raw.FPDF_WCHAR)))
            raw.FPDFPageObj_Transform(obj, 1, 0, 0, 1, 300, 10)
            raw.FPDFPage_InsertObject(page.raw, obj)
        page.gen_content()
    out = io.BytesIO()
    pdf.save(out)
    return out.getvalue()
