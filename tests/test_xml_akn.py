"""Akoma Ntoso 3.0 export: valid against the official schema, AKN eIds, FRBR metadata."""

from __future__ import annotations

import pytest
from lxml import etree

from govtext.pipeline import load, parse_text
from govtext.xmlfmt.akn import AKN_NAMESPACE, cn_number, number_part, stated_dates, to_akn

from conftest import CORPUS_REASON, FIXTURES, corpus_file, corpus_files
from xml_helpers import assert_akn_valid

NS = {"a": AKN_NAMESPACE}


def akn(doc) -> etree._Element:
    data = to_akn(doc)
    assert_akn_valid(data)
    return etree.fromstring(data)


@pytest.mark.skipif(not corpus_files(), reason=CORPUS_REASON)
@pytest.mark.parametrize("name", [p.name for p in corpus_files()])
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
