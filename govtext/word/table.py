"""The 新旧对照表 as a Word document: title, landscape page, a two-column table."""

from __future__ import annotations

import io

from govtext.word import require_docx, word_line, word_pieces


def table_docx(table, headers: tuple[str, str]) -> bytes:
    """``table`` (a :class:`govtext.report.table.Table`) as .docx bytes, its columns headed
    ``headers`` (修改前, 修改后: the report's own, so every format heads them alike)."""
    docx = require_docx()
    from docx.enum.section import WD_ORIENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    document = docx.Document()
    section = document.sections[0]
    # A 对照表 is read side by side: landscape, the wide side across.
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = section.page_height, section.page_width
    heading = document.add_heading(word_line(table.title), level=1)
    heading.alignment = WD_ALIGN_PARAGRAPH.CENTER
    grid = document.add_table(rows=1, cols=2)
    grid.style = "Table Grid"
    for cell, text in zip(grid.rows[0].cells, headers):
        cell.text = ""
        run = cell.paragraphs[0].add_run(text)
        run.bold = True
        cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
    for row in table.rows:
        cells = grid.add_row().cells
        for cell, segments in zip(cells, (row.old, row.new)):
            _fill(cell, segments, Pt)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _fill(cell, segments, Pt) -> None:
    paragraph = cell.paragraphs[0]
    for text, mark in segments:
        for k, piece in enumerate(text.split("\n")):
            if k:
                paragraph = cell.add_paragraph()
            if not piece:
                continue
            run = paragraph.add_run()
            for j, part in enumerate(word_pieces(piece)):
                if j:
                    run.add_break()  # a vertical tab: Word's manual line break
                run.add_text(part)
            run.font.size = Pt(10.5)
            if mark == "ins":
                run.bold = True
            elif mark == "del":
                run.font.strike = True
