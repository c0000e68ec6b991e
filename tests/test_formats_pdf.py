"""PDFs: paragraphs rebuilt from positioned characters; scanned and damaged files refused."""

from __future__ import annotations

import pytest

from govtext.errors import InputError
from govtext.formats import pdf_layout
from govtext.formats.pdf import SCANNED, extract_pdf
from govtext.formats.pdf_layout import Char

from formats_helpers import image_pdf, pdf_bytes

EM = 10.0
LEFT, RIGHT = 90.0, 490.0  # a 40-character text block


def _row(text: str, y: float, x: float = LEFT, gaps: dict[int, float] | None = None, em: float = EM) -> list[Char]:
    chars, position = [], x
    for index, char in enumerate(text):
        position += (gaps or {}).get(index, 0.0)
        chars.append(Char(char, position, y, position + em, y + em))
        position += em
    return chars


def _read(pages: list[list[list[Char]]], height: float = 800.0, width: float = 580.0) -> list[str]:
    """Run the layout steps as extract_pdf does, on hand-placed characters."""
    page_lines = [pdf_layout.page_lines([c for row in rows for c in row], i + 1) for i, rows in enumerate(pages)]
    lines = [line for page in page_lines for line in page]
    em = pdf_layout.em_of(lines)
    for line in lines:
        line.text = pdf_layout.line_text(line, em)
    page_lines = pdf_layout.drop_furniture(page_lines, [height] * len(pages))
    ordered = [line for page in page_lines for line in pdf_layout.reading_order(page, width)]
    whole = pdf_layout.margins(ordered, em)
    per_page = {}
    for key in {(line.page, line.column) for line in ordered}:
        per_page[key] = pdf_layout.margins([x for x in ordered if (x.page, x.column) == key], em, whole)
        per_page.setdefault((key[0], 0), whole)
    return [text for text, _ in pdf_layout.paragraphs(ordered, per_page)]


FULL = "为" * 40  # a full line of the block


def test_hard_wrapped_lines_join_and_indents_start_paragraphs():
    rows = [_row("　　" + "一" * 38, 700), _row("二" * 40, 685), _row("三" * 10 + "。", 670),
            _row("四" * 40, 655, x=LEFT + 2 * EM)[:38], _row("五" * 12, 640)]
    assert _read([rows]) == ["一" * 38 + "二" * 40 + "三" * 10 + "。", "四" * 38 + "五" * 12]


def test_paragraph_runs_across_pages_and_page_numbers_drop():
    page1 = [_row("第" * 40, 700), _row("页" * 40, 685), _row("—1—", 30, x=270)]
    page2 = [_row("续" * 6 + "。", 700), _row("—2—", 30, x=270)]
    page3 = [_row(FULL, 700), _row("完。", 685), _row("—3—", 30, x=270)]
    text = _read([page1, page2, page3])
    assert text == ["第" * 40 + "页" * 40 + "续" * 6 + "。", FULL + "完。"]


def test_running_header_repeated_on_pages_is_dropped():
    pages = [[_row("某某市人民政府公报", 770, x=230), _row(str(n) * 40, 700), _row(f"第{n}段。", 685)]
             for n in range(1, 4)]
    assert _read(pages) == [str(n) * 40 + f"第{n}段。" for n in range(1, 4)]


def test_table_of_contents_lines_repeating_headings_are_kept():
    toc = [_row("目录", 700, x=270), _row("第一章　总则", 685), _row("第二章　附则", 670)]
    body1 = [_row("第一章　总则", 700, x=250), _row(FULL, 685), _row("完。", 670)]
    body2 = [_row("第二章　附则", 700, x=250), _row(FULL, 685), _row("完。", 670)]
    assert _read([toc, body1, body2]).count("第一章　总则") == 2


def test_line_starting_with_an_enumeration_comma_continues():
    # WPS compresses punctuation: a line may start with 、 even after a shortish line.
    rows = [_row("一" * 30, 700), _row("、二三。", 685, x=LEFT + 2 * EM)]
    assert _read([rows]) == ["一" * 30 + "、二三。"]


def test_visible_gap_is_one_space_and_latin_digits_stay_close():
    rows = [_row(FULL, 720), _row("第一条为了规范。", 700, x=LEFT + 2 * EM, gaps={3: EM}),
            _row("第一章总纲", 680, x=LEFT + 10 * EM, gaps={3: EM / 2, 4: EM / 2}),
            _row("增长5.2%左右", 660, gaps={2: 0.2 * EM, 6: 0.2 * EM})]
    assert _read([rows])[1:] == ["第一条 为了规范。", "第一章 总 纲", "增长5.2%左右"]


def test_larger_centred_title_wrapped_over_lines_is_joined():
    rows = [_row("关于加强", 740, x=258, em=16), _row("管理的通知", 720, x=250, em=16), _row(FULL, 690),
            _row("完。", 675)]
    assert _read([rows]) == ["关于加强管理的通知", FULL + "完。"]


def test_two_column_page_reads_left_column_then_right():
    left = [_row("左" * 18, y, x=40) for y in (700, 685, 670)] + [_row("左末。", 655, x=40)]
    right = [_row("右" * 18, y, x=310) for y in (700, 685, 670)] + [_row("右末。", 655, x=310)]
    text = _read([left + right], width=580)
    assert text == ["左" * 54 + "左末。", "右" * 54 + "右末。"]


def test_generated_pdf_end_to_end_with_page_map():
    page1 = [("Report on the work", 140, 560), ("    The economy grew steadily and the", 40, 520),
             ("government met its main targets.", 40, 505), ("- 1 -", 190, 20)]
    page2 = [("    Next, the economy will grow and", 40, 560), ("open up.", 40, 545), ("- 2 -", 190, 20)]
    got = extract_pdf(pdf_bytes([page1, page2]), "made.pdf")
    assert got.text.split("\n") == ["Report on the work",
                                     "The economy grew steadily and the government met its main targets.",
                                     "Next, the economy will grow and open up."]
    assert [where for _, _, where in got.origins] == ["page 1", "page 1", "page 2"]
    assert got.extractor.startswith("pypdfium2 ")


@pytest.mark.parametrize("watermark", [None, "CamScanner"])
def test_scanned_pdf_is_refused(watermark):
    with pytest.raises(InputError, match=SCANNED):
        extract_pdf(image_pdf(3, watermark), "scan.pdf")


def test_truncated_pdf_is_refused():
    data = pdf_bytes([[("Some text here", 40, 500)]])
    with pytest.raises(InputError, match="not a readable PDF"):
        extract_pdf(data[:200], "cut.pdf")


def test_more_text_than_the_budget_is_refused(monkeypatch):
    import govtext.formats.pdf as pdf_format

    monkeypatch.setattr(pdf_format, "MAX_CHARS", 20)
    data = pdf_bytes([[("A page with more than twenty characters", 40, 500)], [("and another one", 40, 500)]])
    with pytest.raises(InputError, match="more than 20 characters"):
        extract_pdf(data, "long.pdf")


def test_extra_space_between_lines_starts_a_paragraph():
    rows = [_row(FULL, 700), _row("甲" * 40, 685), _row("乙" * 40, 670),
            _row("丙" * 40, 640), _row("丁" * 40, 625), _row("完。", 610)]
    assert _read([rows]) == [FULL + "甲" * 40 + "乙" * 40, "丙" * 40 + "丁" * 40 + "完。"]


def test_reopening_the_document_every_few_pages_reads_the_same(monkeypatch):
    """The reader reopens the PDF every REOPEN_EVERY pages to free pdfium's cache: the
    pages read after a reopen, and the paragraphs running across one, are unchanged."""
    from govtext.formats import pdf

    pages = [[("Article %d runs on" % n, 40, 500), ("to the next line." if n % 2 else "Ends here.", 40, 485),
              ("- %d -" % n, 190, 20)] for n in range(1, 8)]
    data = pdf_bytes(pages)
    once = extract_pdf(data, "x.pdf")
    monkeypatch.setattr(pdf, "REOPEN_EVERY", 2)
    assert extract_pdf(data, "x.pdf") == once
    assert len(once.text) > 0


def test_compact_lines_keep_coordinates_exactly():
    """Boxes that are not C floats (hand-placed, or another library's) are kept as doubles:
    the compact storage never moves a character."""
    line = pdf_layout.Line.of(1, [Char("乙", 10.1, 0.3, 20.1, 10.3), Char("甲", 0.1, 0.3, 10.1, 10.3)])
    assert line.glyphs == "甲乙"
    assert list(line.boxes) == [0.1, 0.3, 10.1, 10.3, 10.1, 0.3, 20.1, 10.3]
    assert (line.left, line.right, line.top, line.bottom) == (0.1, 20.1, 10.3, 0.3)
    exact = pdf_layout.Line.of(1, [Char("甲", 0.5, 0.25, 10.5, 10.25)])
    assert exact.boxes.typecode == "f" and list(exact.boxes) == [0.5, 0.25, 10.5, 10.25]
