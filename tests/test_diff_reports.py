"""Golden files for every report format, plus format-specific guarantees."""

from __future__ import annotations

import json

import pytest

from conftest import assert_golden
from diff_helpers import diff_case
from govtext.report import FORMATS, renderer

CASES = ["law-renumbered", "law-reworded", "policy-renamed", "policy-split", "identical",
         # issue 17: a pair found by topic, a merge and a split of policy units, enumerations in a paragraph
         "policy-enum-renumbered", "policy-items-merged-by-topic", "policy-item-split-by-topic",
         "policy-enum-in-paragraph"]
TEXT_FORMATS = [name for name in FORMATS if name != "terminal"]
EXTENSIONS = {"text": "txt", "json": "json", "xml": "xml", "html": "html", "markdown": "md"}


@pytest.mark.parametrize("fmt", TEXT_FORMATS)
@pytest.mark.parametrize("case", CASES)
def test_report_golden(case: str, fmt: str) -> None:
    assert_golden(f"diff/{case}.{EXTENSIONS[fmt]}", renderer(fmt).render(diff_case(case)))


@pytest.mark.parametrize("side_by_side", [False, True], ids=["inline", "side-by-side"])
@pytest.mark.parametrize("case", ["law-reworded", "policy-renamed", "policy-enum-renumbered",
                                  "policy-item-split-by-topic"])
def test_terminal_golden(case: str, side_by_side: bool) -> None:
    from rich.console import Console

    from govtext.render.theme import THEME

    console = Console(theme=THEME, width=80, record=True, color_system=None, file=open("/dev/null", "w"))
    console.print(renderer("terminal").render(diff_case(case), side_by_side=side_by_side))
    suffix = "-sbs" if side_by_side else ""
    assert_golden(f"diff/{case}{suffix}.terminal.txt", console.export_text())


def test_text_side_by_side() -> None:
    report = renderer("text").render(diff_case("law-reworded"), side_by_side=True)
    assert "  - 第四条 有关部门[-可以-]对" in report
    assert "  + 第四条 {+县级以上人民政府+}有关部门{+应当+}对" in report


def test_json_contract() -> None:
    data = json.loads(renderer("json").render(diff_case("law-renumbered")))
    assert list(data) == ["format", "version", "old", "new", "summary", "changes", "terms"]
    assert (data["format"], data["version"]) == ("govtext/diff", 1)
    change = data["changes"][1]
    # The first five keys are version 1 as first published; later keys are additions.
    assert list(change)[:5] == ["change", "old", "new", "similarity", "edits"]
    assert list(change)[5:] == ["old_parts", "new_parts", "pinned", "substitution", "by_topic", "mechanical"]
    assert list(change["new"]) == ["id", "type", "number", "title", "path", "text", "span"]
    assert change["change"] == "renumbered" and change["new"]["path"] == ["第一章"]
    reworded = json.loads(renderer("json").render(diff_case("law-reworded")))["changes"][0]
    assert list(reworded["edits"][0]) == ["op", "old", "new", "old_span", "new_span"]


@pytest.mark.parametrize("case", CASES + ["law-modal", "policy-merged", "law-formatting"])
def test_xml_report_validates(case: str) -> None:
    from govtext.report.xml_report import schema_errors

    assert schema_errors(renderer("xml").render(diff_case(case)).encode("utf-8")) == []


def test_html_is_self_contained() -> None:
    page = renderer("html").render(diff_case("law-reworded"))
    assert page.startswith("<!DOCTYPE html>") and "<style>" in page
    for needle in ("http://", "https://", "<script", "<link", "src="):
        assert needle not in page
    assert "<del>可以</del>" in page and "<ins>应当</ins>" in page


def _parse_pair(old: str, new: str):
    from govtext.diff import diff_documents
    from govtext.pipeline import parse_text

    return diff_documents(parse_text(old, name="old.txt"), parse_text(new, name="new.txt"))


def test_html_escapes_document_text() -> None:
    page = renderer("html").render(_parse_pair("第一条 甲<b>方</b>可以 & 乙方。\n", "第一条 甲<b>方</b>应当 & 乙方<script>。\n"))
    assert "<b>" not in page and "<script>" not in page
    assert "&lt;script&gt;" in page and "&amp;" in page


def test_key_terms_first_and_the_rest_folded() -> None:
    from govtext.report.plain import split_terms

    result = diff_case("policy-renamed")
    key, rest = split_terms(result.terms)
    assert [t.term for t in key] == ["提升社会治理效能", "加强和创新社会治理"]  # protected 提法
    assert {t.term for t in rest} == {"组织保障", "保障措施"}  # heading clauses
    for fmt in ("html", "markdown"):
        report = renderer(fmt).render(result)
        key_row, folded, clause_row = (report.index(s) for s in ("提升社会治理效能 0 → 1", "<details>", "组织保障 0 → 1"))
        assert key_row < folded < clause_row


def test_markdown_marks_edits_with_tags() -> None:
    # ** and ~~ beside CJK punctuation stay literal asterisks in CommonMark; tags always render.
    report = renderer("markdown").render(diff_case("policy-renamed"))
    assert "<del>加强和创新社会治理。</del><ins>提升社会治理效能。</ins>完善" in report
    assert "~~" not in report and "**提升" not in report


def test_markdown_quoted_text_never_opens_a_list() -> None:
    from govtext.report.markdown import _quoted

    assert _quoted("1. 加强") == "1\\. 加强" and _quoted("- 推进") == "\\- 推进"
    assert _quoted("1.5万亿元") == "1.5万亿元"


@pytest.mark.parametrize("width", [9, 20, 31])
def test_terminal_folds_chinese_between_characters(width: int) -> None:
    from rich.cells import cell_len
    from rich.console import Console
    from rich.text import Text

    from govtext.report.terminal import Folded

    text = "第四条 县级以上人民政府有关部门应当对示例活动开展监督检查，发现问题的，应当及时处理（2024年修订）。"
    console = Console(width=width + 2, record=True, color_system=None, file=open("/dev/null", "w"))
    console.print(Folded(Text(text), indent=2))
    lines = console.export_text().splitlines()
    assert "".join(line[2:] for line in lines) == text  # nothing lost, nothing added
    assert all(cell_len(line) <= width + 2 for line in lines)
    assert not any(line[2] in "，。）" for line in lines[1:])  # 避头尾
    # Folded between characters: Rich alone puts the unspaced run after 第四条 on lines of its own.
    assert lines[0].rstrip() != "  第四条"


@pytest.mark.parametrize("fmt", ["text", "markdown", "html"])
def test_a_pair_by_topic_is_marked_scored_and_shown_apart(fmt: str) -> None:
    # Issue 17: every format that lists changes says "paired by topic" with the score, and shows
    # old and new whole — a side sharing no phrase is not one deletion from end to end.
    report = renderer(fmt).render(diff_case("policy-enum-renumbered"))
    assert report.count("paired by topic") == 3
    assert all(report.count(f"similarity {score}") == 1 for score in ("0.32", "0.28", "0.31"))
    old = "二是加快培养引进人才，夯实科技创新基础。"
    assert old in report
    assert f"[-{old}" not in report and f"<del>{old}" not in report
    assert "二是加快培养引进人才 → 一是坚持人才引领驱动" in report  # labelled by the lead clause


def test_markdown_lists_each_part_of_a_merge_as_its_own_quote_paragraph() -> None:
    report = renderer("markdown").render(diff_case("policy-items-merged-by-topic"))
    head, _, rest = report.partition("- **merged** （一） + （二） → （一） — 一、 · paired by topic · similarity ")
    assert rest, report
    body = rest.split("\n- ", 1)[0].splitlines()[1:]
    assert [line[:9] for line in body if line != "  >"] == ["  > old: ", "  > old: ", "  > new: "]
    assert body.count("  >") == 2  # a blank quote line between parts: Markdown would join them


def test_html_stacks_a_splits_parts_in_the_new_column() -> None:
    html = renderer("html").render(diff_case("policy-item-split-by-topic"))
    change = html[html.index('<div class="change ck-split"'):]
    pair = change[change.index('<div class="pair">') + len('<div class="pair">'):]
    # two columns: the old node, then one block holding both new parts (not a third grid cell)
    assert pair.startswith("<div>（一）") and '</div><div class="parts"><div>（一）' in pair
    assert '<span class="topic">paired by topic</span>' in change
