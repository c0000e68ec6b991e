"""Word files: numbers as Word displays them, tables as lines, tracked changes, what stays out."""

from __future__ import annotations

import pytest

from govtext.errors import InputError
from govtext.formats.docx import extract_docx
from govtext.formats.docx_numbering import NUM_FORMATS, Numbering

from formats_helpers import add_numbering, docx_bytes, level, numbered, raw_paragraph

GONGWEN_LIST = (level(0, "chineseCounting", "%1、") + level(1, "chineseCounting", "（%2）")
                + level(2, "decimal", "%3.") + level(3, "decimal", "（%4）"))


def _lines(build, **kwargs) -> list[str]:
    return extract_docx(docx_bytes(build), **kwargs).text.split("\n")


@pytest.mark.parametrize("fmt, values, shown", [
    ("decimal", (1, 12), ("1", "12")),
    ("chineseCounting", (1, 10, 11, 20, 21), ("一", "十", "十一", "二十", "二十一")),
    ("chineseCountingThousand", (3, 105), ("三", "一百零五")),
    ("ideographTraditional", (1, 3), ("甲", "丙")),
    ("decimalEnclosedCircle", (1, 10), ("①", "⑩")),
    ("upperRoman", (4, 9), ("IV", "IX")),
    ("lowerLetter", (1, 27), ("a", "aa")),
    ("decimalFullWidth", (7,), ("７",)),
])
def test_number_formats(fmt, values, shown):
    assert tuple(NUM_FORMATS[fmt](v) for v in values) == shown


def test_gongwen_numbering_levels_count_and_restart():
    def build(document):
        add_numbering(document, GONGWEN_LIST)
        for text, ilvl in [("总体要求", 0), ("指导思想", 1), ("基本原则", 1), ("坚持问题导向", 2), ("坚持系统观念", 2),
                           ("细则", 3), ("重点任务", 0), ("完善制度", 1), ("健全机制", 2)]:
            numbered(document.add_paragraph(text), 7, ilvl)

    assert _lines(build) == ["一、总体要求", "（一）指导思想", "（二）基本原则", "1.坚持问题导向", "2.坚持系统观念",
                             "（1）细则", "二、重点任务", "（一）完善制度", "1.健全机制"]


def test_suffix_tab_or_space_is_one_space_nothing_is_none():
    def build(document):
        add_numbering(document, level(0, "chineseCountingThousand", "第%1章", suffix="tab"), num_id=1, abstract_id=10)
        add_numbering(document, level(0, "chineseCountingThousand", "第%1条", suffix="space"), num_id=2, abstract_id=20)
        add_numbering(document, level(0, "chineseCounting", "%1、", suffix="nothing"), num_id=3, abstract_id=30)
        numbered(document.add_paragraph("总则"), 1)
        numbered(document.add_paragraph("为了规范管理，制定本办法。"), 2)
        numbered(document.add_paragraph("加强领导"), 3)

    assert _lines(build) == ["第一章 总则", "第一条 为了规范管理，制定本办法。", "一、加强领导"]


def test_start_value_and_start_override():
    def build(document):
        add_numbering(document, level(0, "decimal", "%1.", start=3), num_id=4, abstract_id=40)
        add_numbering(document, level(0, "decimal", "%1.", start=3), num_id=5, abstract_id=50,
                      overrides='<w:lvlOverride w:ilvl="0"><w:startOverride w:val="8"/></w:lvlOverride>')
        numbered(document.add_paragraph("甲"), 4)
        numbered(document.add_paragraph("乙"), 4)
        numbered(document.add_paragraph("丙"), 5)

    assert _lines(build) == ["3.甲", "4.乙", "8.丙"]


def test_multi_level_text_and_legal_numbering():
    numbering = Numbering()
    from govtext.formats.docx_numbering import Level

    numbering.abstract_of["1"] = "a"
    numbering.levels["a"] = {0: Level(fmt="chineseCounting", text="第%1章"),
                             1: Level(fmt="decimal", text="%1.%2", legal=True)}
    assert numbering.label("1", 0) == ("第一章", "tab")
    assert numbering.label("1", 1) == ("1.1", "tab")
    assert numbering.label("1", 1) == ("1.2", "tab")


def test_numbering_through_a_heading_style():
    def build(document):
        from docx.oxml import parse_xml

        add_numbering(document, level(0, "chineseCountingThousand", "第%1章", suffix="space"), num_id=9, abstract_id=90)
        style = document.styles["Heading 2"]
        ppr = style.element.get_or_add_pPr()
        ppr.insert(0, parse_xml('<w:numPr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
                                '<w:numId w:val="9"/></w:numPr>'))
        document.add_paragraph("总则", style="Heading 2")
        document.add_paragraph("第一条　正文。")
        document.add_paragraph("附则", style="Heading 2")

    assert _lines(build) == ["第一章 总则", "第一条　正文。", "第二章 附则"]


TRACKED = ('<w:r><w:t xml:space="preserve">市场监管</w:t></w:r>'
           '<w:ins w:id="1" w:author="审校"><w:r><w:t>全面</w:t></w:r></w:ins>'
           '<w:del w:id="2" w:author="审校"><w:r><w:delText>逐步</w:delText></w:r></w:del>'
           '<w:r><w:t>推行。</w:t></w:r>')


@pytest.mark.parametrize("revisions, expected", [("new", "市场监管全面推行。"), ("old", "市场监管逐步推行。")])
def test_tracked_changes_accepted_or_rejected(revisions, expected):
    assert _lines(lambda d: raw_paragraph(d, TRACKED), revisions=revisions) == [expected]


def test_headers_footers_footnote_marks_and_field_codes_stay_out():
    def build(document):
        section = document.sections[0]
        section.header.add_paragraph("国务院公报 页眉")
        section.footer.add_paragraph("— 1 —")
        raw_paragraph(document, '<w:r><w:t>第一条　正文</w:t></w:r><w:r><w:footnoteReference w:id="1"/></w:r>'
                                '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r>'
                                '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>。</w:t></w:r>'
                                '<w:r><w:fldChar w:fldCharType="end"/></w:r>')

    assert _lines(build) == ["第一条　正文。"]


def test_tables_empty_paragraphs_spaces_and_padding():
    def build(document):
        document.add_paragraph("　　为了规范管理，\t制定本办法。  ")
        document.add_paragraph("")
        table = document.add_table(rows=2, cols=2)
        for (row, col), text in {(0, 0): "项目", (0, 1): "金额", (1, 0): "合计", (1, 1): "100"}.items():
            table.cell(row, col).text = text
        document.add_paragraph("附件：1. 评价体系表" + " " * 12 + "2. 操作表")

    assert _lines(build) == ["为了规范管理， 制定本办法。", "项目", "金额", "合计", "100", "附件：1. 评价体系表", "2. 操作表"]


def test_line_break_inside_a_paragraph_ends_a_line():
    def build(document):
        run = document.add_paragraph().add_run("国务院")
        run.add_break()
        run.add_text("2024年2月28日")

    assert _lines(build) == ["国务院", "2024年2月28日"]


def test_source_map_counts_word_paragraphs():
    def build(document):
        document.add_paragraph("第一段")
        document.add_paragraph("")
        document.add_paragraph("第三段")

    got = extract_docx(docx_bytes(build))
    assert [where for _, _, where in got.origins] == ["paragraph 1", "paragraph 3"]


def test_truncated_docx_is_one_clear_error():
    data = docx_bytes(lambda d: d.add_paragraph("正文"))
    with pytest.raises(InputError, match="not a readable .docx file"):
        extract_docx(data[: len(data) // 2], "cut.docx")


def test_empty_document_is_refused():
    with pytest.raises(InputError, match="no text"):
        extract_docx(docx_bytes(lambda d: d.add_paragraph("  ")), "empty.docx")


def test_a_docx_unpacking_beyond_the_limit_is_refused():
    data = docx_bytes(lambda d: d.add_paragraph("正文" * 100))
    with pytest.raises(InputError, match="unpacks to more than 1,000 bytes"):
        extract_docx(data, "bomb.docx", max_bytes=1000)


def test_centred_title_in_larger_type_over_two_paragraphs_is_joined():
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    def build(document):
        for text, size, centred in [("关于印发浙江辖内商业银行履职", 18, True), ("评价办法（试行）的通知", 18, True),
                                    ("（2018年9月11日）", 16, True), ("各银监分局：", 16, False),
                                    ("现将办法印发给你们，请遵照执行。", 16, False), ("第一章", 16, True), ("总则", 16, True)]:
            paragraph = document.add_paragraph()
            paragraph.add_run(text).font.size = Pt(size)
            if centred:
                paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER

    assert _lines(build) == ["关于印发浙江辖内商业银行履职评价办法（试行）的通知", "（2018年9月11日）", "各银监分局：",
                             "现将办法印发给你们，请遵照执行。", "第一章", "总则"]


def test_hidden_text_and_ruby_guides_are_not_read_bullets_show_as_bullets():
    def build(document):
        raw_paragraph(document, '<w:r><w:t>可见</w:t></w:r><w:r><w:rPr><w:vanish/></w:rPr><w:t>隐藏</w:t></w:r>'
                                '<w:r><w:ruby><w:rt><w:r><w:t>zhù</w:t></w:r></w:rt>'
                                '<w:rubyBase><w:r><w:t>注</w:t></w:r></w:rubyBase></w:ruby></w:r>')
        add_numbering(document, level(0, "bullet", "\uf06c", suffix="tab"), num_id=3, abstract_id=30)
        numbered(document.add_paragraph("要点"), 3)

    assert _lines(build) == ["可见注", "• 要点"]


def test_damaged_numbering_values_do_not_stop_the_reading():
    def build(document):
        add_numbering(document, '<w:lvl w:ilvl="x"><w:start w:val="-5"/><w:numFmt w:val="chineseCounting"/>'
                                 '<w:lvlText w:val="%1、"/></w:lvl>')
        numbered(document.add_paragraph("总体要求"), 7)

    assert _lines(build) == ["-5、 总体要求"]  # no w:suff: a tab, shown as one space
