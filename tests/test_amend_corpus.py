"""The real instruments in ../shared/corpus/amend/ applied to the texts they amend.

Each triple must give the published text article by article (spaces and width
forms aside).  Where the republication did more than the instrument says, the
difference is listed in EXPLAINED with what the published text did.
"""

from __future__ import annotations

import pytest

from conftest import corpus_file
from amend_helpers import amend_text, compare_texts as compare_articles
from govtext.amend import read_instrument

TRIPLES = [
    ("law-xingfa-2020.txt", "amend/xingfa-amendment-12-2023.txt", "law-xingfa-2023.txt"),
    ("amend/tongjifa-old-2009.txt", "amend/tongjifa-decision-2024.txt", "amend/tongjifa-new-2024.txt"),
    ("amend/feifajizi-old-2010.txt", "amend/feifajizi-decision-2022.txt", "amend/feifajizi-new-2022.txt"),
    ("amend/nongjituiguang-old-2012.txt", "amend/nongji-weibao-shengwu-decision-2024.txt",
     "amend/nongjituiguang-new-2024.txt"),
    ("amend/weichengnianren-old-2020.txt", "amend/nongji-weibao-shengwu-decision-2024.txt",
     "amend/weichengnianren-new-2024.txt"),
    ("amend/shengwuanquan-old-2020.txt", "amend/nongji-weibao-shengwu-decision-2024.txt",
     "amend/shengwuanquan-new-2024.txt"),
]

# (published text, article): what the republication did beyond the instrument.
EXPLAINED = {
    ("amend/feifajizi-new-2022.txt", "第二条"):
        "第（十一）项 (old 第十项, untouched by the decision) is republished with 民间“会”“社” instead of "
        "“会”、“社”: a punctuation-style edit no item orders",
    ("amend/feifajizi-new-2022.txt", "第十条"):
        "old 第六条 (renumbered only, item 十) is republished with 擅自发行股票或者公司、企业债券 instead of "
        "股票、公司、企业债券 inside the quoted crime name: the republication brought the name in line "
        "with 刑法 as amended; the decision has no item for it",
}


def _amend(old_name: str, instrument_name: str) -> str:
    old = corpus_file(old_name).read_text(encoding="utf-8")
    instrument = read_instrument(corpus_file(instrument_name).read_text(encoding="utf-8"), old.splitlines()[0])
    return amend_text(old, instrument).text


@pytest.mark.parametrize("old, instrument, new", TRIPLES, ids=[t[2].split("/")[-1] for t in TRIPLES])
def test_triple_gives_published_text(old, instrument, new):
    published = corpus_file(new).read_text(encoding="utf-8")
    differences = compare_articles(_amend(old, instrument), published)
    unexplained = [str(d) for d in differences if (new, d.label) not in EXPLAINED]
    assert not unexplained, "\n".join(unexplained)
    # An explanation that no longer matches a difference is stale.
    explained_here = {label for (name, label) in EXPLAINED if name == new}
    assert explained_here == {d.label for d in differences}


def test_xingfa_11_all_48_items_read():
    text = corpus_file("amend/xingfa-amendment-11-2020.txt").read_text(encoding="utf-8")
    instrument = read_instrument(text)
    numbered = [item for item in instrument.items if item.number]
    assert len(numbered) == 48
    assert [item.number for item in numbered if not item.understood] == []


def test_xingfa_12_exactly_these_articles_change():
    ours = _amend("law-xingfa-2020.txt", "amend/xingfa-amendment-12-2023.txt")
    old = corpus_file("law-xingfa-2020.txt").read_text(encoding="utf-8")
    changed = {d.label for d in compare_articles(ours, old)}
    assert changed == {"第一百六十五条", "第一百六十六条", "第一百六十九条", "第三百八十七条", "第三百九十条",
                       "第三百九十一条", "第三百九十三条"}


@pytest.mark.parametrize("old, instrument, new", [t for t in TRIPLES if "xingfa" in t[0] or "tongjifa" in t[0]
                                                  or "weicheng" in t[0] or "shengwu" in t[0]],
                         ids=lambda v: v.split("/")[-1] if isinstance(v, str) and v.endswith("new-2024.txt") else "")
def test_history_line_as_published(old, instrument, new):
    """The 题注 line the instrument adds, counted (第二次修正) as the republication counts it."""
    ours = _amend(old, instrument).splitlines()
    published = [line.rstrip("）") for line in corpus_file(new).read_text(encoding="utf-8").splitlines()]
    added = [line for line in ours if line[:4].isdigit() and line not in
             corpus_file(old).read_text(encoding="utf-8").splitlines()]
    assert added and added[-1] in published
