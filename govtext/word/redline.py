"""A redline as .docx: w:ins / w:del revisions with author and date, tracked paragraph marks."""

from __future__ import annotations

import io
from datetime import datetime, timezone
from itertools import count

from govtext.word import require_docx, word_pieces, word_property

AUTHOR = "govtext"
STYLES = {"title": "Title", "heading1": "Heading 1", "heading2": "Heading 2", "heading3": "Heading 3",
          "heading4": "Heading 4", "body": None}


def redline_docx(paragraphs, title: str = "", author: str = AUTHOR, when: datetime | None = None) -> bytes:
    """``paragraphs`` (:class:`govtext.report.redline.Paragraph`) as a .docx with tracked changes."""
    docx = require_docx()
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    date = (when or datetime.now(timezone.utc)).strftime("%Y-%m-%dT%H:%M:%SZ")
    ids = count(1)
    document = docx.Document()
    document.core_properties.title = word_property(title)
    document.core_properties.author = word_property(author)

    def revision(kind: str):
        element = OxmlElement(f"w:{kind}")
        element.set(qn("w:id"), str(next(ids)))
        element.set(qn("w:author"), author)
        element.set(qn("w:date"), date)
        return element

    def run(text: str, deleted: bool):
        r = OxmlElement("w:r")
        for k, piece in enumerate(word_pieces(text)):
            if k:
                r.append(OxmlElement("w:br"))  # a vertical tab: Word's manual line break
            t = OxmlElement("w:delText" if deleted else "w:t")
            t.set(qn("xml:space"), "preserve")
            t.text = piece
            r.append(t)
        return r

    for para in paragraphs:
        p = document.add_paragraph(style=STYLES.get(para.style))
        if para.mark:
            # The paragraph mark itself is inserted or deleted: accepting or rejecting joins the lines.
            rpr = OxmlElement("w:rPr")
            rpr.append(revision(para.mark))
            p._p.get_or_add_pPr().append(rpr)
        for text, mark in para.segments:
            if mark is None:
                p._p.append(run(text, False))
            else:
                wrapper = revision(mark)
                wrapper.append(run(text, mark == "del"))
                p._p.append(wrapper)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
