"""The role of a unit (review, guidance, task): a reader never pairs last year's task with this
year's review of it, however alike their titles (issue 17)."""

from __future__ import annotations

import pytest

import govtext.diff.differ as differ
from diff_helpers import diff_case
from govtext.diff.data import Role, roles
from govtext.diff.roles import clash, heading_role, unit_roles
from govtext.diff.units import build_units
from govtext.pipeline import parse_text

TABLE = roles()


def _labels(result) -> set[tuple[str, str]]:
    out = set()
    for c in result.changes:
        if c.old is not None and c.new is not None:
            out.add((c.old.text[:7], c.new.text[:7]))
    return out


def test_task_item_pairs_with_the_renumbered_task_not_the_same_titled_review() -> None:
    pairs = _labels(diff_case("policy-review-not-task"))
    assert ("（一）坚持创新", "（二）加快科技") in pairs
    assert not any(new.startswith("（一）坚持创新") for _, new in pairs)


def test_without_roles_the_same_titled_review_would_win(monkeypatch: pytest.MonkeyPatch) -> None:
    # The fixture is a trap only roles avoid: the case proves the rule, not the wording.
    monkeypatch.setattr(differ, "unit_roles", lambda units: [None] * len(units))
    pairs = _labels(diff_case("policy-review-not-task"))
    assert ("（一）坚持创新", "（一）坚持创新") in pairs


@pytest.mark.parametrize("title, role", [
    ("过去五年工作回顾", "review"),
    ("2018年工作回顾", "review"),
    ("2019年经济社会发展总体要求和政策取向", "guidance"),
    ("2019年政府工作任务", "task"),
    ("对2018年政府工作的建议", "task"),
    ("加快建设现代化产业体系", None),
    ("十三五时期发展成就和十四五时期主要目标任务", None),  # two roles: none
])
def test_heading_role(title: str, role: str | None) -> None:
    assert heading_role(title, TABLE) == role


def test_review_is_apart_from_forward_roles_but_guidance_meets_tasks() -> None:
    assert clash("review", "task", TABLE) and clash("guidance", "review", TABLE)
    assert not clash("guidance", "task", TABLE)
    assert not clash(None, "review", TABLE) and not clash("task", "task", TABLE)


def _roles_of(text: str) -> dict[str, str | None]:
    units = build_units(parse_text(text, name="x.txt"))
    found = unit_roles(units)
    return {u.text.split("。")[0]: found[u.index] for u in units}


def test_unnamed_section_after_the_forward_part_is_a_task() -> None:
    got = _roles_of("一、2006年工作回顾\n\n去年经济平稳。\n\n二、2007年工作总体部署\n\n今年要稳中求进。\n\n"
                    "三、促进经济又好又快发展\n\n（一）坚持加强和改善宏观调控。保持政策连续性。\n")
    assert got["（一）坚持加强和改善宏观调控"] == "task"
    assert got["去年经济平稳"] == "review"
    assert got["今年要稳中求进"] == "guidance"


def test_headless_report_takes_roles_from_paragraph_openings() -> None:
    got = _roles_of("各位代表：\n\n过去一年，经济平稳运行。\n\n粮食再获丰收。\n\n今年要做好以下工作。\n\n"
                    "扩大国内需求。\n")
    assert got["粮食再获丰收"] == "review"
    assert got["扩大国内需求"] == "task"


def test_a_table_without_roles_changes_nothing() -> None:
    units = build_units(parse_text("一、过去五年工作回顾\n\n成绩显著。\n", name="x.txt"))
    assert unit_roles(units, (Role("other", ("无关",), ()),)) == [None] * len(units)


def test_openings_are_not_read_under_headings_that_name_no_role() -> None:
    got = _roles_of("一、稳定粮食生产\n\n过去一年，成绩显著。\n\n二、加强耕地保护\n\n严守耕地红线。\n")
    assert got["严守耕地红线"] is None


def test_the_sentence_leading_into_the_numbered_sections_announces_their_role() -> None:
    got = _roles_of("首先报告去年的工作\n\n去年经济平稳运行。\n\n按照这个总体要求，今年要着重做好以下两个方面工作。\n\n"
                    "一、扩大国内需求\n\n发行长期建设国债。\n\n二、深化企业改革\n\n建立现代企业制度。\n")
    assert got["一、扩大国内需求"] == "task"
    assert got["建立现代企业制度"] == "task"  # the next unnamed section follows the task
    assert got["去年经济平稳运行"] is None  # the preamble itself stays unknown


def test_a_lead_in_only_announces_the_first_numbered_section() -> None:
    # A closing 今年… sentence inside section 一、 is no announcement of 二、.
    got = _roles_of("一、稳定粮食生产\n\n今年，要做好春耕。\n\n二、加强耕地保护\n\n严守耕地红线。\n")
    assert got["严守耕地红线"] is None


def test_last_years_announced_tasks_do_not_merge_into_this_years_review() -> None:
    # Without the lead-in's role, 一、 and 二、 (tasks) merge into the new 一、过去五年…的回顾.
    result = diff_case("policy-announced-tasks")
    for change in result.changes:
        if change.old is not None and change.new is not None:
            assert not change.new.text.startswith(("一、过去五年", "（一）坚持", "（二）坚持")), change


def test_a_lead_in_sentence_ending_in_an_exclamation_mark_still_announces() -> None:
    """Normalising writes ！ as !: the last sentence is still the one after it."""
    from govtext.diff.roles import _announced_role
    units = build_units(parse_text("各位代表！今年要着重做好以下两个方面工作。\n一、扩大国内需求\n推进改革。\n"))
    lead_in = next(u for u in units if "各位代表" in u.norm)
    assert _announced_role(lead_in, roles()) == "task"
