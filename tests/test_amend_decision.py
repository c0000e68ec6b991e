"""``govtext diff --format decision``: a draft instrument that turns OLD into NEW.

Round trip: ``amend OLD (diff OLD NEW --format decision)`` gives NEW article by
article, for the fixtures and for every law pair in the corpus.
"""

from __future__ import annotations

import re

import pytest
from click.testing import CliRunner

from conftest import FIXTURES, corpus_file
from govtext.amend import read_instrument
from govtext.amend.api import amend_document
from amend_helpers import compare_texts as compare_articles
from govtext.cli import main
from govtext.diff import diff_documents
from govtext.pipeline import load
from govtext.report.decision import draft_decision

CORPUS_PAIRS = [
    ("law-xingfa-2020.txt", "law-xingfa-2023.txt"),
    ("law-lifafa-2015.txt", "law-lifafa-2023.txt"),
    ("law-gongsifa-2018.txt", "law-gongsifa-2023.txt"),
    ("law-xingzhengfuyifa-2017.txt", "law-xingzhengfuyifa-2023.txt"),
    ("law-tufashijian-2007.txt", "law-tufashijian-2024.txt"),
    ("amend/tongjifa-old-2009.txt", "amend/tongjifa-new-2024.txt"),
    ("amend/feifajizi-old-2010.txt", "amend/feifajizi-new-2022.txt"),
    ("amend/nongjituiguang-old-2012.txt", "amend/nongjituiguang-new-2024.txt"),
    ("amend/weichengnianren-old-2020.txt", "amend/weichengnianren-new-2024.txt"),
    ("amend/shengwuanquan-old-2020.txt", "amend/shengwuanquan-new-2024.txt"),
]
FIXTURE_CASES = sorted(p for p in (FIXTURES / "amend").iterdir() if (p / "new.txt").is_file())
ITEM = re.compile(r"^[一二三四五六七八九十百]+、", re.M)


def _draft(old_path, new_path):
    old, new = load(str(old_path)), load(str(new_path))
    return old, new, draft_decision(diff_documents(old, new), old, new)


def _round_trip(old_path, new_path):
    old, new, draft = _draft(old_path, new_path)
    result = amend_document(old, read_instrument(draft))
    return draft, compare_articles(result.text, new.text)


@pytest.mark.parametrize("old, new", CORPUS_PAIRS, ids=[p[1].split("/")[-1] for p in CORPUS_PAIRS])
def test_corpus_round_trip(old, new):
    draft, differences = _round_trip(corpus_file(old), corpus_file(new))
    assert not differences, "\n".join(str(d) for d in differences[:5])
    assert draft.startswith("关于修改《")


@pytest.mark.parametrize("folder", FIXTURE_CASES, ids=[p.name for p in FIXTURE_CASES])
def test_fixture_round_trip(folder):
    draft, differences = _round_trip(folder / "old.txt", folder / "new.txt")
    assert not differences, draft


def test_xingfa_2023_draft_has_seven_items_on_the_amended_articles():
    _, _, draft = _draft(corpus_file("law-xingfa-2020.txt"), corpus_file("law-xingfa-2023.txt"))
    items = ITEM.findall(draft)
    assert len(items) == 7
    targets = re.findall(r"^[一二三四五六七]、将?(第[一二三四五六七八九十百]+条)", draft, re.M)
    assert targets == ["第一百六十五条", "第一百六十六条", "第一百六十九条", "第三百八十七条", "第三百九十条",
                       "第三百九十一条", "第三百九十三条"]
    assert "此外，对条文顺序作相应调整" not in draft  # 刑法 keeps its numbers


def test_one_word_change_is_a_word_item():
    _, _, draft = _draft(FIXTURES / "amend" / "words" / "old.txt", FIXTURES / "amend" / "words" / "new.txt")
    assert "其中的“帐簿”修改为“账簿”" in draft, draft
    assert "一、删去第三条中的“县级以上”，其中的“部门”修改为“主管部门”。" in draft, draft
    assert "修改为：“" not in draft  # no article, 款 or 项 quoted whole


def test_renumbering_closes_with_the_adjustment_sentence():
    _, _, draft = _draft(FIXTURES / "amend" / "renumber" / "old.txt", FIXTURES / "amend" / "renumber" / "new.txt")
    assert "增加一条，作为第三条：“示例工作应当坚持公开透明。”" in draft
    assert "\n此外，对条文顺序作相应调整。\n" in draft
    # 第七条's reference follows the renumbering by itself: no item for it.
    assert "第六条改为第七条" not in draft


def test_zhiyi_insertion_is_drafted_after_its_article():
    _, _, draft = _draft(FIXTURES / "amend" / "zhiyi" / "old.txt", FIXTURES / "amend" / "zhiyi" / "new.txt")
    assert "在第五条后增加一条，作为第五条之一：“违反本法规定，情节严重的，依法从重处理。\n“有前款行为" in draft


def test_cli_decision_format():
    folder = FIXTURES / "amend" / "points"
    result = CliRunner().invoke(main, ["diff", str(folder / "old.txt"), str(folder / "new.txt"), "--format", "decision"])
    assert result.exit_code == 1  # diff(1): the versions differ
    assert result.stdout.splitlines()[0] == "关于修改《中华人民共和国示例法》的决定（草案）"
    assert ITEM.search(result.stdout)


def test_moved_article_is_drafted_as_a_move():
    _, _, draft = _draft(FIXTURES / "amend" / "move" / "old.txt", FIXTURES / "amend" / "move" / "new.txt")
    assert ITEM.findall(draft) == ["一、"] and "一、将第六条移至第三条后。" in draft


def test_a_deleted_articles_number_left_vacant_is_drafted_without_republication():
    # Republication numbers afresh (amend closes the gap up): a NEW that keeps 第二条 vacant is
    # reached only by a decision that orders none.
    from govtext.pipeline import parse_text

    old = parse_text("中华人民共和国示例法\n第一条 甲。\n第二条 乙。\n第三条 丙。\n")
    for new_text, republished in (("中华人民共和国示例法\n第一条 甲。\n第三条 丙。\n", False),
                                  ("中华人民共和国示例法\n第一条 甲。\n第二条 丙。\n", True)):
        new = parse_text(new_text)
        draft = draft_decision(diff_documents(old, new), old, new)
        assert ("重新公布" in draft) is republished, draft
        assert not compare_articles(amend_document(old, read_instrument(draft)).text, new_text), draft
