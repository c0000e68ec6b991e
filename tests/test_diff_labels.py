"""One naming rule for every report: a ——point or an enumeration by its lead clause."""

from __future__ import annotations

import pytest

from diff_helpers import diff_case
from govtext.diff.records import LABEL_CHARS, lead_clause, unit_label
from govtext.report.inline import change_label


@pytest.mark.parametrize(("number", "title", "type_", "label"), [
    # —— says nothing: the lead clause alone, the dash left out (also a longer ——— run)
    ("——", "着力提升发展质量效益，保持经济持续健康发展", "item", "着力提升发展质量效益"),
    ("——", "—抗击非典取得重大胜利", "item", "抗击非典取得重大胜利"),
    # 一是 / 二要 run on into their clause, inside a paragraph or opening a line (then an item)
    ("二是", "加快培养引进人才，夯实科技创新基础", "enumeration", "二是加快培养引进人才"),
    ("三要", "处理好政府与市场的关系", "item", "三要处理好政府与市场的关系"),
    # 第一 is followed by a comma in the text: a space keeps the two apart
    ("第一", "严格控制消费基金的盲目增长", "enumeration", "第一 严格控制消费基金的盲目增长"),
    # a clause too short to say anything takes the next one along
    ("——", "同时，要坚决守住不发生系统性风险的底线", "item", "同时，要坚决守住不发生系统性风险的底线"),
    # numbered units keep their number; untitled ones their number or type
    ("（三）", "发展乡村产业", "item", "（三）"),
    ("第十条", None, "article", "第十条"),
    ("一是", None, "enumeration", "一是"),
    (None, None, "paragraph", "paragraph"),
])
def test_unit_label(number, title, type_, label) -> None:
    assert unit_label(number, title, type_) == label


def test_a_long_lead_clause_is_cut_with_an_ellipsis() -> None:
    clause = "我们确立和坚持马克思主义在意识形态领域指导地位的根本制度"
    assert lead_clause(clause + "，新时代党的创新理论深入人心") == clause[: LABEL_CHARS - 1] + "…"
    label = unit_label("一是", clause, "enumeration")
    assert len(label) == LABEL_CHARS and label.startswith("一是我们") and label.endswith("…")


def test_reports_and_places_name_enumerations_by_their_lead_clause() -> None:
    result = diff_case("policy-enum-renumbered")
    assert change_label(result.changes[0]) == "二是加快培养引进人才 → 一是坚持人才引领驱动"
    # the 提法's places use the same rule as the changes' labels
    where = {occ.label for term in result.terms for occ in term.old_where + term.new_where}
    assert "二是加快培养引进人才" in where and "二是" not in where


def test_history_rows_name_a_dash_lineage_by_its_lead_clause() -> None:
    from govtext.history.records import Lineage, NodeRef
    from govtext.report.history_view import latest_name

    def lineage(number, title, type_="item"):
        return Lineage("v0/x", type_, (NodeRef("x", number, title),), ())

    assert latest_name(lineage("——", "经济总体回升向好，国内生产总值增长5%")) == "经济总体回升向好"
    assert latest_name(lineage("二是", "加快培养引进人才，夯实科技创新基础")) == "二是加快培养引进人才"
    assert latest_name(lineage("三、", "加快建设现代化产业体系", "section")) == "三、 加快建设现代化产业体系"
