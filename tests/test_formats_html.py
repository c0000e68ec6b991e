"""Web pages: the body found, the furniture dropped, blocks as lines, encodings honoured."""

from __future__ import annotations

import pytest

from govtext.errors import InputError
from govtext.formats import extract
from govtext.formats.html import extract_html

from conftest import FIXTURES

CASES = sorted((FIXTURES / "formats").glob("*.html"))
WITH_EXPECTED = [p for p in CASES if p.with_suffix(".expected.txt").exists()]


@pytest.mark.parametrize("page", WITH_EXPECTED, ids=[p.stem for p in WITH_EXPECTED])
def test_fixture_pages_read_as_expected(page):
    got = extract(page.read_bytes(), "html", page.name)
    assert got.text + "\n" == page.with_suffix(".expected.txt").read_text("utf-8")


def test_metadata_from_title_meta_and_the_gov_cn_table():
    got = extract_html((FIXTURES / "formats" / "govcn-page.html").read_bytes())
    meta = dict(got.metadata)
    assert meta["page_title"].startswith("国务院关于加强示范管理工作的意见")
    assert meta["issuer"] == "国务院"
    assert meta["date"] == "2024年02月28日"
    assert meta["doc_number"] == "国发〔2024〕1号"


def test_no_body_text_is_refused():
    with pytest.raises(InputError, match="no body text"):
        extract_html((FIXTURES / "formats" / "no-body.html").read_bytes(), "no-body.html")


@pytest.mark.parametrize("declared", ["gb2312", "GBK", "gb18030"])
def test_declared_chinese_encodings(declared):
    page = (f'<html><head><meta http-equiv="Content-Type" content="text/html; charset={declared}">'
            "</head><body><div id=\"zoom\"><p>第一条　为了规范行政行为，制定本条例。</p><p>第二条　本条例自公布之日起施行。</p>"
            "</div></body></html>")
    got = extract_html(page.encode("gb18030"))
    assert got.encoding == "gb18030"
    assert got.text == "第一条　为了规范行政行为，制定本条例。\n第二条　本条例自公布之日起施行。"


def test_undeclared_gbk_page_is_still_read():
    page = "<html><body><div class=\"TRS_Editor\"><p>一、总体要求</p><p>坚持稳中求进工作总基调。</p></div></body></html>"
    got = extract_html(page.encode("gbk"))
    assert got.text == "一、总体要求\n坚持稳中求进工作总基调。"


def test_whitespace_as_a_browser_shows_it_and_ideographic_space_kept():
    page = ("<html><body><article class=\"article-content\"><p>  第一条\n\t　为了\n  规范，</p>"
            "<p>&nbsp;&nbsp;第二条&nbsp;施行。</p><ul><li>甲</li><li>乙</li></ul></article></body></html>")
    assert extract_html(page.encode()).text == "第一条 　为了 规范，\n第二条 施行。\n甲\n乙"


def test_br_inside_a_centred_title_joins_elsewhere_breaks():
    page = ("<html><body><div id=\"zoom\"><p align=\"center\"><b>关于加强<br>\n管理的通知</b><br>（2020年1月1日）</p>"
            "<p>一是加强领导；<br>二是完善制度。</p></div></body></html>")
    assert extract_html(page.encode()).text.split("\n") == ["关于加强管理的通知", "（2020年1月1日）", "一是加强领导；", "二是完善制度。"]


def test_source_map_paths_point_into_the_page_as_served():
    import lxml.html

    data = (FIXTURES / "formats" / "govcn-page.html").read_bytes()
    got = extract_html(data)
    page = lxml.html.document_fromstring(data.decode("utf-8"))
    for start, end, where in got.origins:
        (element,) = page.getroottree().xpath(where)
        line = got.text[start:end]
        assert line[:4] in "".join(element.itertext()).replace("\n", "")


def test_utf8_page_with_a_few_broken_bytes_is_not_read_as_gbk():
    body = "".join(f"<p>第{n}条　本条例所称政府信息，是指行政机关在履行行政管理职能过程中制作或者获取的信息。</p>" for n in range(1, 30))
    data = f'<html><head><meta charset="utf-8"></head><body><div id="zoom">{body}</div></body></html>'.encode()
    data = data.replace("政府".encode(), b"\xe6\x94", 1)  # one truncated character
    got = extract_html(data)
    assert got.encoding == "utf-8" and "第29条　本条例所称政府信息" in got.text


def test_control_characters_in_a_page_are_dropped():
    page = "<html><body><div id=\"zoom\"><p>第一条\x01　为了\x00规范。</p></div></body></html>"
    assert extract_html(page.encode()).text == "第一条　为了规范。"


def test_text_after_the_body_container_is_not_body():
    page = "<html><body><div id=\"zoom\"><p>第一条　正文。</p></div>分享到：微信<p>版权所有</p></body></html>"
    assert extract_html(page.encode()).text == "第一条　正文。"


# --- issue 20: hostile and awkward pages ------------------------------------------------------


def test_paths_built_while_walking_equal_getpath_on_the_page_as_served():
    """getpath counts an element's siblings, so calling it for each of n flat <p>s is
    quadratic (20 MB of <p>s took over 10 minutes; ``benchmarks/bench_formats.py --hostile``
    shows the scaling); the paths built while walking must be exactly getpath's, furniture
    between the paragraphs included."""
    import lxml.html

    page = ("<html><body><div class='nav'><p>导航</p></div><div><p>甲段落正文</p><script>x</script>"
            "<p>乙段落正文</p><span>x</span><!-- c --><p>丙段落正文<b>丁</b></p><div class='share'>分享</div>"
            "<p style='display: none'>隐藏</p><table><tr><td>表格一</td><td>表格二</td></tr></table>"
            + "<p>重复段落</p>" * 30 + "</div></body></html>")
    got = extract_html(page.encode(), "flat.html")
    original = lxml.html.document_fromstring(page).getroottree()
    assert len(got.origins) == 36 and "导航" not in got.text and "隐藏" not in got.text
    for start, end, where in got.origins:
        (element,) = original.xpath(where)
        assert original.getpath(element) == where
        assert got.text[start:end][:2] in "".join(element.itertext())


@pytest.mark.parametrize("depth", [300, 1500])
def test_deeply_nested_page_keeps_its_text(depth):
    """libxml2 drops what lies deeper than 256 levels unless told otherwise; the walk is not recursive."""
    page = "<html><body>" + "<div>" * depth + "<p>第一条　为了规范行政行为，制定本条例。</p>" + "</div>" * depth + "</body></html>"
    assert extract_html(page.encode(), "deep.html").text == "第一条　为了规范行政行为，制定本条例。"


def test_page_nested_beyond_the_parser_limit_is_one_clear_error():
    page = "<html><body>" + "<div>" * 5000 + "<p>第一条　正文。</p>" + "</div>" * 5000 + "</body></html>"
    with pytest.raises(InputError, match="deep.html: .*nested deeper than"):
        extract_html(page.encode(), "deep.html")


@pytest.mark.parametrize("charset", ["undefined", "punycode", "idna", "utf-7", "cp037", "rot13", "hex", "nonsense"])
def test_charset_names_no_browser_accepts_are_ignored(charset):
    """A browser ignores a label outside the WHATWG Encoding Standard and detects the page;
    Python would decode it with codecs that crash (undefined) or give mojibake (utf-7, EBCDIC)."""
    page = (f'<html><head><meta charset="{charset}"></head><body><div id="zoom">'
            "<p>第一条　为了规范行政行为，制定本条例。</p></div></body></html>")
    got = extract_html(page.encode("utf-8"), "x.html")
    assert got.text == "第一条　为了规范行政行为，制定本条例。" and got.encoding == "utf-8"


@pytest.mark.parametrize("label, codec", [("x-gbk", "gb18030"), ("GB_2312-80", "gb18030"), ("big5", "big5hkscs"),
                                          ("latin1", "cp1252"), ("unicode-1-1-utf-8", "utf-8")])
def test_browser_charset_labels_are_honoured(label, codec):
    words = {"cp1252": "Article premier, café", "big5hkscs": "第一條　正文內容。"}.get(codec, "第一条　正文内容。")
    page = f'<html><head><meta charset="{label}"></head><body><div id="zoom"><p>{words}</p></div></body></html>'
    got = extract_html(page.encode(codec), "x.html")
    assert got.encoding == codec and got.text == words


def test_a_law_in_layout_tables_is_not_read_as_its_footer():
    """Issue 20: a university CMS page (ASP.NET <form> around everything, articles one <div>
    each in nested layout tables, a footer of two <p>s) came out as its footer alone."""
    page = FIXTURES / "formats" / "layout-tables-law.html"
    got = extract(page.read_bytes(), "html", page.name)
    assert got.text.startswith("第一章　总则\n第一条") and "版权所有" not in got.text
    assert got.warnings == ()


def test_a_form_wrapping_the_whole_page_is_layout_not_furniture():
    articles = "".join(f"<div>第{n}条　本规定所称公文，是指行政机关在行政管理过程中形成的具有法定效力的文书。</div>"
                       for n in "一二三四五")
    page = (f"<html><body><form id='form1'><div class='main'>{articles}</div></form>"
            "<div><p>主办单位：某某大学</p><p>版权所有</p></div></body></html>")
    assert extract_html(page.encode(), "x.html").text.startswith("第一条　本规定所称公文")


def test_a_body_tiny_next_to_its_page_is_warned_about(tmp_path):
    from click.testing import CliRunner

    from govtext.cli import main

    other = "".join(f"<div><span>第{n}段其他内容，与正文无关的栏目文字。</span></div>" for n in range(150))
    page = tmp_path / "page.html"
    page.write_text(f"<html><body><div id='zoom'><p>第一条　本办法自公布之日起施行。</p></div>{other}</body></html>",
                    encoding="utf-8")
    result = CliRunner().invoke(main, ["tree", str(page)])
    assert result.exit_code == 0
    assert "page.html: the body found holds 16 of the page's" in result.stderr
    assert result.stderr.count("\n") == 1


@pytest.mark.parametrize("codec", ["utf-8", "gb18030"])
def test_xhtml_page_with_an_encoding_declaration_is_read(codec):
    """lxml refuses a str carrying an XML encoding declaration; the page is decoded by its
    declaration first and handed to lxml as UTF-8 bytes (which also spares lxml a copy)."""
    page = (f'<?xml version="1.0" encoding="{codec}"?>\n<html xmlns="http://www.w3.org/1999/xhtml"><head>'
            f'<meta charset="{codec}"/></head><body><div id="zoom"><p>第一条　为了规范行政行为，制定本条例。</p>'
            "</div></body></html>")
    got = extract_html(page.encode(codec), "x.html")
    assert got.text == "第一条　为了规范行政行为，制定本条例。" and got.encoding == codec


def test_lines_are_handed_to_build_and_let_go(monkeypatch):
    """The reader's own list lets go of each line once build has taken it, so build can
    free the lines as it records their origins (peak memory, issue 20)."""
    from govtext.formats import html

    seen = {}
    real = html._handed_over

    def spy(texts, wheres):
        seen["texts"] = texts
        yield from real(texts, wheres)

    monkeypatch.setattr(html, "_handed_over", spy)
    got = extract_html("<html><body><p>第一条　甲。</p><p>第二条　乙。</p></body></html>".encode(), "x.html")
    assert got.text == "第一条　甲。\n第二条　乙。"
    assert got.origins == ((0, 6, "/html/body/p[1]"), (7, 13, "/html/body/p[2]"))
    assert seen["texts"] == [None, None]
