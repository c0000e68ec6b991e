"""Akoma Ntoso 3.0 export: valid against the official schema, AKN eIds, FRBR metadata."""

from __future__ import annotations

import re

import pytest
from click.testing import CliRunner
from lxml import etree

from govtext.cli import main
from govtext.model import Document, Node, Source
from govtext.pipeline import load, parse_text
from govtext.xmlfmt.akn import AKN_NAMESPACE, cn_number, number_part, stated_dates, to_akn, xml_safe

from conftest import FIXTURES, corpus_cases, corpus_file, corpus_files
from xml_helpers import assert_akn_valid

NS = {"a": AKN_NAMESPACE}


def akn(doc) -> etree._Element:
    data = to_akn(doc)
    assert_akn_valid(data)
    return etree.fromstring(data)


@pytest.mark.parametrize("name", corpus_cases([p.name for p in corpus_files()]))
def test_corpus_exports_validate(name):
    doc = load(str(corpus_file(name)))
    root = akn(doc)
    if doc.genre == "law":
        assert root.find("a:act", NS) is not None
    else:
        assert root.find("a:doc/a:mainBody", NS) is not None


def test_lifafa_structure_and_metadata():
    root = akn(load(str(corpus_file("law-lifafa-2023.txt"))))
    eids = root.xpath("//@eId")
    assert len(eids) == len(set(eids))
    assert len(root.xpath("//a:article", namespaces=NS)) == 120
    assert len(root.xpath("//a:chapter", namespaces=NS)) == 6
    assert "chp_2__sec_1" in eids and "art_3__para_1" in eids
    work = root.find("a:act/a:meta/a:identification/a:FRBRWork", NS)
    assert work.find("a:FRBRcountry", NS).get("value") == "cn"
    assert work.find("a:FRBRdate", NS).get("date") == "2000-03-15"
    expression = root.find("a:act/a:meta/a:identification/a:FRBRExpression", NS)
    assert expression.find("a:FRBRdate", NS).get("date") == "2023-03-13"
    assert expression.find("a:FRBRlanguage", NS).get("language") == "zho"


def test_xingfa_books_and_zhiyi_articles():
    root = akn(load(str(corpus_file("law-xingfa-2023.txt"))))
    eids = set(root.xpath("//@eId"))
    assert {"book_1__chp_1", "book_2__chp_1", "art_133-1"} <= eids


def test_law_fixture_eids():
    root = akn(load(str(FIXTURES / "law-basic.txt")))
    eids = root.xpath("//@eId")
    assert "chp_2__sec_1" in eids
    assert "art_2__para_1__point_2__point_1" in eids  # 目 nest as points in their 项
    assert "art_2__para_2" in eids
    assert root.xpath("string(//a:article[@eId='art_2']/a:num)", namespaces=NS) == "第二条"


def test_policy_mapping_keeps_kinds_and_sentence_types():
    root = akn(load(None))
    levels = root.xpath("//a:mainBody/a:level", namespaces=NS)
    assert [lv.get("class") for lv in levels] == ["section system", "section method", "section tier"]
    items = root.xpath("//a:hcontainer[@name='item']", namespaces=NS)
    assert items and items[0].get("class") == "system"
    assert root.xpath("//a:span[@class='measure']", namespaces=NS)


def test_report_date_and_title():
    doc = parse_text("政府工作报告\n——2024年3月5日在第十四届全国人民代表大会第二次会议上\n一、工作回顾\n要加强领导。\n")
    root = akn(doc)
    assert root.find("a:doc", NS).get("name") == "report"
    assert root.xpath("string(//a:FRBRWork/a:FRBRdate/@date)", namespaces=NS) == "2024-03-05"


@pytest.mark.parametrize(("written", "value"), [("三", 3), ("十", 10), ("十二", 12), ("一百三十三", 133),
                                                ("二百零五", 205), ("两千", 2000), ("１２", 12), ("⑤", 5)])
def test_cn_number(written, value):
    assert cn_number(written) == value


@pytest.mark.parametrize(("number", "part"), [("第一百三十三条之一", "133-1"), ("（二）", "2"), ("3.", "3"),
                                              ("第十二章", "12"), ("附", None), (None, None)])
def test_number_part(number, part):
    assert number_part(number) == part


def test_stated_dates():
    assert stated_dates("（2022年10月16日）与二〇二三年三月十三日") == ["2022-10-16", "2023-03-13"]


# --- characters XML 1.0 cannot carry: dropped, never a crash ---------------------

ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _texts(root) -> str:
    """Every text, tail and attribute value of the tree, joined."""
    parts = []
    for element in root.iter():
        parts += [element.text or "", element.tail or "", *element.attrib.values()]
    return "".join(parts)


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("一、总体要求\n要加强\x01党的领导。\n", "要加强党的领导。"),
        ("一、总体要求\n要加强\v党的领导。\n", "要加强党的领导。"),
        ("中华人民共和国示例法\n第一章 总\f则\n第一条 为了规范\x1b活动。\n第二条 本法适用。\n第三条 附则。\n", "总则"),
        ("示例\x0c法\n第一条 甲。\n第二条 乙。\n第三条 丙。\n", "示例法"),  # title → docTitle, FRBRname
        ("要加强\ufffe领导。\n\x02\n要完善机制。\n", "要完善机制。"),
    ],
)
def test_illegal_characters_are_dropped(text, kept):
    root = akn(parse_text(text, name="c1.txt"))
    written = _texts(root)
    assert not ILLEGAL.search(written)
    assert kept in written


def test_illegal_characters_in_number_title_and_kind_are_dropped():
    # Hand-built, so the number, title and kind themselves carry the characters.
    text = "第\x01一章 总\x0c则\n"
    heading = Node(id="ch1/h1", type="heading", span=(0, len(text)), text=text)
    chapter = Node(id="ch1", type="chapter", span=(0, len(text)), number="第\x01一章", title="总\x0c则",
                   kind="sys\x0btem", children=(heading,))
    root_node = Node(id="doc", type="document", span=(0, len(text)), children=(chapter,))
    doc = Document(Source("la\x07w.txt", "0" * 64, "utf-8", len(text)), text, root_node, genre="law")
    root = akn(doc)
    assert root.xpath("string(//a:chapter/a:num)", namespaces=NS) == "第一章"
    assert root.xpath("string(//a:chapter/a:heading)", namespaces=NS) == "总则"
    assert root.xpath("string(//a:FRBRWork/a:FRBRname/@value)", namespaces=NS) == "law"
    assert not ILLEGAL.search(_texts(root))


def test_xml_safe():
    assert xml_safe("总\f则\t\n\r\x00\ud800\uffff") == "总则\t\n\r"


def test_cli_and_folder_mode_survive_control_characters(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "c1.txt").write_bytes("一、总体要求\n要加强\x01党的领导。\n".encode())
    (src / "c2.txt").write_bytes("中华人民共和国示例法\n第一章 总\f则\n第一条 甲\v乙。\n第二条 乙。\n第三条 丙。\n".encode())
    runner = CliRunner()
    single = runner.invoke(main, ["xml", "--format", "akn", str(src / "c1.txt")])
    assert single.exit_code == 0, single.stderr
    assert_akn_valid(single.stdout_bytes)
    out = tmp_path / "out"
    folder = runner.invoke(main, ["xml", str(src), "-o", str(out), "--format", "akn", "-j", "1"])
    assert folder.exit_code == 0, folder.stderr
    assert "internal error" not in folder.stderr
    for name in ("c1.akn.xml", "c2.akn.xml"):
        assert_akn_valid((out / name).read_bytes())


# --- the FRBR work name: distinguishing and stable ---------------------------------

def _work_uri(doc) -> str:
    return akn(doc).xpath("string(//a:FRBRWork/a:FRBRuri/@value)", namespaces=NS)


LAW = "{title}\n（2020年1月1日通过）\n第一条 甲。\n第二条 乙。\n第三条 丙。\n"


def test_work_uri_tells_apart_laws_with_a_generic_stem():
    a = _work_uri(parse_text(LAW.format(title="中华人民共和国甲法"), name="law.txt"))
    b = _work_uri(parse_text(LAW.format(title="中华人民共和国乙法"), name="law.txt"))
    assert a != b
    assert re.fullmatch(r"/akn/cn/act/2020/law-[0-9a-f]{8}", a)


def test_work_uri_is_stable_across_versions_and_for_stdin():
    old = parse_text(LAW.format(title="中华人民共和国甲法"), name="-")
    new = parse_text(LAW.format(title="中华人民共和国甲法").replace("丙", "丁"), name="-")
    assert _work_uri(old) == _work_uri(new)  # same work, restated title
    assert re.fullmatch(r"/akn/cn/act/2020/law-[0-9a-f]{8}", _work_uri(old))
    other = parse_text(LAW.format(title="中华人民共和国乙法"), name="-")
    assert _work_uri(other) != _work_uri(old)


def test_work_uri_without_a_stated_title_uses_the_source_hash():
    a = _work_uri(parse_text("一、总体要求\n要加强领导。\n", name="-"))
    b = _work_uri(parse_text("一、总体要求\n要完善机制。\n", name="-"))
    assert a != b and "/akn/cn/doc/0001/" in a


def test_work_uri_comes_from_the_document_not_its_file_name():
    # Two versions of one law, in files named after their years, amended on other dates: one work.
    first = "中华人民共和国甲法\n（2020年1月1日全国人民代表大会常务委员会通过）\n第一条 甲。\n第二条 乙。\n"
    amended = ("中华人民共和国甲法（2023年修正）\n（2020年1月1日全国人民代表大会常务委员会通过　根据2023年6月1日"
               "第十四届全国人民代表大会常务委员会第三次会议《关于修改〈中华人民共和国甲法〉的决定》修正）\n"
               "第一条 甲。\n第二条 乙乙。\n")
    old = parse_text(first, name="law-jiafa-2020.txt")
    new = parse_text(amended, name="law-jiafa-2023.txt")
    assert _work_uri(old) == _work_uri(new)
    assert "jiafa" not in _work_uri(old)


def test_work_uri_tells_apart_one_title_from_two_issuers():
    rule = "物业管理条例\n（2020年1月1日{body}通过）\n第一条 甲。\n第二条 乙。\n"
    beijing = parse_text(rule.format(body="北京市人民代表大会常务委员会"), name="a.txt")
    shanghai = parse_text(rule.format(body="上海市人民代表大会常务委员会"), name="a.txt")
    assert _work_uri(beijing) != _work_uri(shanghai)
