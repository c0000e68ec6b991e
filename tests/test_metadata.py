"""What a document states about itself: title, dates, issuer (govtext.metadata)."""

import pytest

from conftest import CORPUS, FIXTURES, corpus_file
from govtext.metadata import describe
from govtext.pipeline import load, parse_text

LEDGER = FIXTURES / "ledger"


def test_local_work_report_speaker_names_the_government():
    meta = describe(load(str(LEDGER / "reports" / "bj-gwr-2024.txt")))
    assert (meta.title, meta.date, meta.issuer, meta.year) == ("北京市政府工作报告", "2024-01-21", "北京市人民政府", 2024)


def test_regulation_adopted_by_local_congress_committee():
    meta = describe(load(str(LEDGER / "laws" / "zj-reg-2018.txt")))
    assert (meta.date, meta.issuer) == ("2018-11-30", "浙江省人民代表大会常务委员会")


def test_venue_is_not_the_issuer():
    doc = parse_text("政府工作报告\n——2024年3月5日在第十四届全国人民代表大会第二次会议上\n各位代表：\n一、回顾\n加强领导。")
    assert describe(doc).issuer == ""


def test_chinese_numeral_dates_and_no_header():
    doc = parse_text("高举旗帜\n——在大会上的报告\n（二〇二二年十月十六日）\n同志们：\n一、过去五年\n我们取得了成就。")
    assert describe(doc).date == "2022-10-16"
    meta = describe(parse_text("各位代表：\n一、回顾\n加强领导。", name="gwr-1978.txt"))
    assert (meta.title, meta.date, meta.year) == ("", "", 1978)


@pytest.mark.parametrize("name, date, issuer", [
    ("gwr-2024.txt", "2024-03-05", "国务院"),
    ("law-xingfa-2023.txt", "2023-12-29", "全国人民代表大会常务委员会"),
    ("reg-xinfanggongzuo-2022.txt", "2022-02-25", "中共中央、国务院"),
    ("law-lifafa-2023.txt", "2023-03-13", "全国人民代表大会"),
])
def test_corpus_headers(name, date, issuer):
    meta = describe(load(str(corpus_file(name))))
    assert (meta.date, meta.issuer) == (date, issuer)
