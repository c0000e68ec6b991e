"""Pairing policy units by topic, enumerations inside a paragraph, merges and splits by
topic and by content (govtext/diff/topic.py and the topic phases of align.py)."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from diff_helpers import DIFF_FIXTURES, diff_case
from govtext.cli import main
from govtext.diff import diff_documents
from govtext.diff.topic import PART_LEAD_HELD, TopicIndex, series_style
from govtext.diff.units import build_units
from govtext.diff.words import Segmenter
from govtext.pipeline import parse_text


def case(name: str) -> list[str]:
    return [str(DIFF_FIXTURES / name / "old.txt"), str(DIFF_FIXTURES / name / "new.txt")]


def pairs(result) -> list[tuple[str, tuple, tuple, bool]]:
    return [(c.change, tuple(s.number for s in (c.old_parts or (c.old,)) if s),
             tuple(s.number for s in (c.new_parts or (c.new,)) if s), c.by_topic) for c in result.changes]


@pytest.mark.parametrize("number, style", [
    ("（三）", "(N)"), ("(十二)", "(N)"), ("三、", "N、"), ("四是", "enumeration"), ("二要", "enumeration"),
    ("第三，", "enumeration"), ("——", "dash"), ("第十条", "第N条"), ("", None), (None, None),
])
def test_series_style_folds_the_numerals(number, style) -> None:
    assert series_style(number) == style


def test_rare_words_weigh_and_common_ones_do_not() -> None:
    head = "一、任务\n\n"
    common = "加强工作推进落实，坚持完善机制。"
    old = parse_text(head + "".join(f"（{n}）加强{w}工作。{common}\n\n" for n, w in zip("一二三四", ("耕地", "人才", "交通", "养老"))))
    new = parse_text(head + "".join(f"（{n}）推进{w}建设。{common}\n\n" for n, w in zip("一二三四", ("养老", "交通", "人才", "耕地"))))
    units_old, units_new = build_units(old), build_units(new)
    index = TopicIndex(units_old, units_new, Segmenter().tokenize)
    find = {u.title: u.index for u in units_old if u.number}
    find_new = {u.title: u.index for u in units_new if u.number}
    same = index.score(find["加强耕地工作"], find_new["推进耕地建设"])
    other = index.score(find["加强耕地工作"], find_new["推进人才建设"])
    assert same > 0.5 > other
    assert index.idf["耕地"] > index.idf["加强"]


def test_a_rewritten_and_renumbered_enumeration_is_paired_by_topic() -> None:
    result = diff_case("policy-enum-renumbered")
    assert pairs(result) == [("reworded", ("二是",), ("一是",), True), ("reworded", ("三是",), ("二是",), True),
                             ("reworded", ("一是",), ("三是",), True)]
    assert all(c.similarity < 0.35 for c in result.changes)  # little shared wording: the score says so


def test_two_items_merged_and_one_split_by_topic() -> None:
    assert pairs(diff_case("policy-items-merged-by-topic"))[0] == ("merged", ("（一）", "（二）"), ("（一）",), True)
    assert pairs(diff_case("policy-item-split-by-topic"))[0] == ("split", ("（一）",), ("（一）", "（二）"), True)


def test_the_same_topic_in_another_role_is_not_paired() -> None:
    # Last year's review item and this year's new task item share their topic (就业, 高校毕业生)
    # but little wording; the review section is paired with the review section, so the task
    # item is no continuation of the review item.
    review = ("（一）就业形势保持稳定。城镇新增就业超过一千二百万人，高校毕业生去向落实情况良好，"
              "农民工外出务工规模扩大，职业技能培训惠及三千万人次。")
    task = "（二）突出就业优先导向。完成城镇新增就业目标，促进高校毕业生充分就业，稳定农民工务工规模，大规模开展职业技能培训。"
    science = "二、今年工作任务\n\n（一）推动科技创新。加强基础研究，支持关键技术攻关。\n"
    old = parse_text("一、过去一年工作回顾\n\n" + review + "\n\n" + science)
    new = parse_text("一、过去一年工作回顾\n\n过去一年，经济回升向好。\n\n" + science + "\n" + task + "\n")
    result = diff_documents(old, new)
    assert ("removed", ("（一）",), (), False) in pairs(result)
    assert ("added", (), ("（二）",), False) in pairs(result)


def test_enumerations_inside_a_paragraph_are_units_and_tile_it() -> None:
    doc = parse_text((DIFF_FIXTURES / "policy-enum-in-paragraph" / "old.txt").read_text(encoding="utf-8"))
    units = [u for u in build_units(doc) if u.node.id.startswith("s1/p1")]
    assert [u.node.id for u in units] == ["s1/p1", "s1/p1/e1", "s1/p1/e2", "s1/p1/e3"]
    # No leaf is in two units, and together they hold every solid leaf of the paragraph.
    pieces = [p for u in units for p in u.pieces]
    assert len(pieces) == len(set(pieces))
    paragraph = next(n for n in doc.walk() if n.id == "s1/p1")
    assert sorted(pieces) == sorted(leaf.span for leaf in paragraph.leaves() if leaf.type != "blank")
    assert pairs(diff_case("policy-enum-in-paragraph"))[1:] == [
        ("reworded", ("三是",), ("二是",), False), ("reworded", ("二是",), ("三是",), False)]


def test_an_enumeration_inside_a_paragraph_can_be_pinned() -> None:
    runner = CliRunner()
    out = runner.invoke(main, ["diff", *case("policy-enum-in-paragraph"), "--format", "json",
                               "--match", "s1/p1/e2=s1/p1/e2"])
    assert out.exit_code == 1, out.output
    changes = json.loads(out.output)["changes"]
    [pinned] = [c for c in changes if c["pinned"]]
    assert (pinned["old"]["id"], pinned["new"]["id"]) == ("s1/p1/e2", "s1/p1/e2")
    # By its number as written, too.
    again = runner.invoke(main, ["diff", *case("policy-enum-in-paragraph"), "--format", "json", "--match", "三是=三是"])
    assert any(c["pinned"] and c["old"]["number"] == "三是" for c in json.loads(again.output)["changes"])


def test_a_law_merge_of_two_distant_articles_is_read_from_content() -> None:
    result = diff_case("law-merge-by-content")
    assert ("merged", ("第二条", "第五条"), ("第二条",), False) in pairs(result)
    assert not any(c.change == "removed" for c in result.changes)


def test_identical_policy_texts_never_segment_a_word() -> None:
    text = (DIFF_FIXTURES / "policy-items-merged-by-topic" / "old.txt").read_text(encoding="utf-8")
    segmenter = Segmenter()
    result = diff_documents(parse_text(text), parse_text(text), segmenter=segmenter)
    assert result.changes == () and not segmenter.loaded


def test_a_pair_by_topic_is_shown_old_beside_new_with_its_score() -> None:
    out = CliRunner().invoke(main, ["diff", *case("policy-enum-renumbered")])
    assert out.exit_code == 1
    lines = out.output.splitlines()
    head = next(k for k, line in enumerate(lines) if line.startswith("reworded 二是加快培养引进人才"))
    assert lines[head].endswith("paired by topic  similarity 0.32")
    assert lines[head + 1].startswith("  - ") and lines[head + 2].startswith("  + ")


def test_dash_points_and_enumerations_are_named_by_their_lead() -> None:
    from govtext.diff.records import Side
    from govtext.report.inline import side_label

    def side(number, title):
        return Side("s1/i1", "item", number, title, (), "", (0, 0))

    assert side_label(side("——", "经济总体回升向好")) == "经济总体回升向好"
    assert side_label(side("一是", "加大宏观调控力度")) == "一是加大宏观调控力度"
    assert side_label(side("（一）", "加大宏观调控力度")) == "（一）"


def test_enumerations_inside_an_item_are_units_too() -> None:
    text = ("一、主要任务\n\n（一）稳定粮食生产。一是稳定播种面积，落实粮食安全党政同责。二是提高单产水平，"
            "推进良种良法良机良田配套。三是完善种粮收益保障，健全主产区利益补偿机制。\n\n"
            "（二）加强耕地保护。严守耕地红线，建设高标准农田。\n")
    old, new = parse_text(text), parse_text(text.replace("二是提高单产水平，", "二是主攻单产，大力"))
    assert [u.node.id for u in build_units(old)][1:5] == ["s1/i1", "s1/i1/e1", "s1/i1/e2", "s1/i1/e3"]
    [change] = diff_documents(old, new).changes
    assert (change.change, change.old.id, change.new.id) == ("reworded", "s1/i1/e2", "s1/i1/e2")


def test_a_version_between_two_pairs_is_segmented_once_and_diffs_the_same() -> None:
    # history diffs each middle version twice with one set of units: the topic words are kept
    # on the units, and a fresh diff of the same pair reads them the same.
    old, new = (DIFF_FIXTURES / "policy-enum-renumbered" / name for name in ("old.txt", "new.txt"))
    texts = [old.read_text(encoding="utf-8"), new.read_text(encoding="utf-8"), old.read_text(encoding="utf-8")]
    docs = [parse_text(text) for text in texts]
    units = [build_units(doc) for doc in docs]
    calls: list[str] = []
    segmenter = Segmenter()

    def tokenize(text: str):
        calls.append(text)
        return segmenter.tokenize(text)

    def tokenize_for_search(text: str):
        calls.append(text)
        return segmenter.tokenize_for_search(text)

    class Counting:
        pass

    counting = Counting()
    counting.tokenize = tokenize
    counting.tokenize_for_search = tokenize_for_search
    fresh = [diff_documents(docs[k], docs[k + 1], segmenter=counting) for k in range(2)]
    fresh_calls, calls[:] = len(calls), []
    shared = [diff_documents(docs[k], docs[k + 1], segmenter=counting, units=(units[k], units[k + 1]))
              for k in range(2)]
    segmented = sum(u.topic_words is not None for u in units[1])
    assert segmented and len(calls) == fresh_calls - segmented
    assert shared == fresh


def test_leftover_siblings_pair_by_a_topic_word_their_leads_share() -> None:
    # 一是坚持扩大内需 → 一要…依靠扩大内需稳住增长 and 三是守住安全底线 → 三要统筹好发展和安全: the
    # bodies are rewritten, the leads name the same topic.  二是进一步改善营商环境 and
    # 二要进一步提高开放水平 share only 进一步, a directive adverb: no pair.
    result = diff_case("policy-siblings-by-lead")
    found = pairs(result)
    assert ("reworded", ("一是",), ("一要",), True) in found
    assert ("reworded", ("三是",), ("三要",), True) in found
    assert ("removed", ("二是",), (), False) in found and ("added", (), ("二要",), False) in found


def test_leftover_sections_are_not_paired_by_their_place_alone() -> None:
    # Both 二、 stand at the same place and share little (0.29): the same number is no evidence
    # of one topic (on the held-out gwr 2005→2006, a rule pairing by place paired 2005
    # 三、继续保持经济平稳较快发展 with 2006's new five-year plan, 三、, instead of its tasks).
    result = diff_case("policy-section-same-slot")
    kinds = sorted(c.change for c in result.changes if (c.old or c.new).number == "二、")
    assert kinds == ["added", "removed"]


def test_a_part_shows_its_lead_topic_in_the_whole() -> None:
    # Both old items' bodies went into the new one; only （一）'s heading topic (国内需求) is
    # found in it: （二）守住安全底线 is no part a reader would see there.
    old = parse_text("一、任务\n\n（一）扩大国内需求。实施提振消费专项行动，激发民间投资活力。\n\n"
                     "（二）守住安全底线。加快重大基础设施项目建设，提振消费。\n")
    new = parse_text("一、任务\n\n（一）扩大国内需求，大力提振消费。开展提振消费专项行动，激发民间投资活力，"
                     "加快重大基础设施项目建设。\n")
    units_old, units_new = build_units(old), build_units(new)
    index = TopicIndex(units_old, units_new, Segmenter().tokenize_for_search)
    one, two = (next(u.index for u in units_old if u.number == n) for n in ("（一）", "（二）"))
    [whole] = [u.index for u in units_new if u.number == "（一）"]
    assert index.held((0, two), (1, whole)) > 0.5  # its body words are there
    assert index.lead_held((0, two), (1, whole)) == 0.0 < PART_LEAD_HELD <= index.lead_held((0, one), (1, whole))


def test_jargon_no_dictionary_holds_is_read_by_its_bigrams() -> None:
    old = parse_text("一、任务\n\n（一）持之以恒正风肃纪。弘扬优良作风。\n")
    new = parse_text("一、任务\n\n（一）坚持以严的基调强化正风肃纪。弘扬党的光荣传统。\n")
    units_old, units_new = build_units(old), build_units(new)
    index = TopicIndex(units_old, units_new, Segmenter().tokenize_for_search)
    a = next(u.index for u in units_old if u.number)
    b = next(u.index for u in units_new if u.number)
    assert index.leads_meet(a, b) and index.signals(a, b)[1] > 0
    assert "肃纪" in index.idf and "严的" not in index.idf  # 的 is grammar, not part of a word


def test_search_tokens_hold_the_words_inside_a_long_one() -> None:
    segmenter = Segmenter([("完善社会治理体系", None, None)])
    words = [w for w, _, _ in segmenter.tokenize_for_search("完善社会治理体系，保障粮食安全")]
    assert {"完善社会治理体系", "社会", "治理", "体系", "粮食安全", "粮食", "安全"} <= set(words)
    # Each word comes after the shorter words inside it, as jieba's search mode gives them.
    assert words.index("治理") < words.index("完善社会治理体系")
    assert [w for w, _, _ in segmenter.tokenize("粮食安全")] == ["粮食安全"]


def test_an_item_moved_into_a_new_section_pairs_as_each_others_best() -> None:
    # （二）加快建设创新型国家 went to a new section (二、实施科教兴国战略): no paired parents
    # lift it, but the two items are each other's best in the whole document (0.36).
    result = diff_case("policy-item-to-new-section")
    [moved] = [c for c in result.changes if c.old and c.old.title == "加快建设创新型国家"]
    assert (moved.change, moved.new.title, moved.by_topic) == ("reworded", "加快实施创新驱动发展战略", True)


def test_a_wording_pair_below_the_line_needs_leads_that_share_a_word() -> None:
    # 一要增加农业补贴 and 一是实施保障性安居工程 share a budget sentence (中央财政拟安排专项资金1230亿元,
    # 0.43 of their wording) under two different items; their leads share no word, so the wording
    # phase does not pair them, and the topic phase, seeing their parents paired elsewhere, does not.
    result = diff_case("policy-boilerplate-leads-apart")
    [gone] = [c for c in result.changes if c.old and c.old.title == "增加农业补贴"]
    assert gone.change == "removed"
    assert [c.change for c in result.changes if c.new and c.new.title == "实施保障性安居工程"] == ["added"]


def test_enumerations_at_line_starts_meet_enumerations_inside_a_paragraph() -> None:
    # After gwr 2009→2010: 一是…三是 at line starts under （一） (items: two levels down) became
    # 一是…三是 inside a paragraph of （一） (three levels down by the outline).  A reader counts
    # numbered levels only, so the topic phase meets them in one round and pairs each by topic.
    result = diff_case("policy-enum-line-start-meets-inline")
    paired = {(c.old.title[:8], c.new.title) for c in result.changes if c.by_topic and c.old and c.new}
    assert paired == {("推进企业兼并重组", "促进企业兼并重组"), ("积极支持企业技术", "加大技术改造力度"),
                      ("扶持中小企业发展", "加强对中小企业的金融支持")}


def test_a_lead_paragraph_paired_astray_does_not_damp_the_list_under_it() -> None:
    # 推进卫生事业改革和发展。重点抓好四件事： shares its stock phrase with 今年重点抓好四件事： under
    # the other （一）, and pairs with it by wording; the list under it still stands under
    # （二）, paired with the new （二）, so 二是建立国家基本药物制度 → 二是让群众用上放心药 is lifted
    # (0.36 by topic), not damped as if its context were paired elsewhere.
    result = diff_case("policy-lead-paired-astray")
    topical = [(c.old.text[:4], c.new.text[:4]) for c in result.changes if c.by_topic]
    assert ("二是建立", "二是让群") in topical


def test_leftover_sections_each_nearest_to_the_other_of_all_sections_are_paired() -> None:
    # 二、千方百计扩大出口和有效利用外资 → 二、进一步扩大对外开放 scores 0.37 by topic: under the
    # rounds' 0.4, but no other section of either version comes nearer.  四、着力扩大消费需求 and
    # 四、关于五年规划纲要的说明 are each other's best among the leftovers (0.36), yet the old 四、
    # is nearer to the new 一、 (0.39, paired with the old 一、): no pair.
    result = diff_case("policy-sections-mutual-best")
    paired = {(c.old.number, c.new.number) for c in result.changes
              if c.old is not None and c.new is not None and c.old.type == "section"}
    assert ("二、", "二、") in paired
    assert ("四、", "四、") not in paired and ("三、", "三、") not in paired


def test_leads_sharing_only_improve_do_not_meet() -> None:
    # 二是改进和完善储备调节 and 二要加强和改进金融监管 share 改进 alone, a directive verb like
    # 加强 and 完善 (the lexicon's directive_starts): two leftover siblings, no pair.
    result = diff_case("policy-siblings-share-a-verb")
    assert not any(c.by_topic for c in result.changes)
    assert sum(c.change == "removed" for c in result.changes) == 2


def test_leftovers_of_different_depths_each_others_best_beyond_doubt_are_paired() -> None:
    # 二是深化农村金融改革 stands under 一、 › （一）; 二要加快农村金融改革 under 一、 alone (its year
    # wrote the item as a paragraph): the depth rounds never let them meet, yet each is the other's
    # best at 0.53, beyond ACROSS_DEPTHS.
    result = diff_case("policy-enum-across-depths")
    topical = [(c.old.text[:4], c.new.text[:4]) for c in result.changes if c.by_topic]
    assert topical == [("二是深化", "二要加快")]


def test_the_wording_guard_reads_the_score_not_the_order_tie_breaker(monkeypatch) -> None:
    # (review) The guard compares a pair's wording score with THRESHOLD; the assignment's edge
    # weights add an order tie-breaker (ORDER_WEIGHT, up to 1e-3) on top, which let a pair scoring
    # just under 0.5 pass as one above it.  Made large here so the fixture's 0.43 pair would pass.
    import govtext.diff.align as align
    monkeypatch.setattr(align, "ORDER_WEIGHT", 0.2)
    result = diff_case("policy-boilerplate-leads-apart")
    [gone] = [c for c in result.changes if c.old and c.old.title == "增加农业补贴"]
    assert gone.change == "removed"
