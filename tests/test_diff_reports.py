"""Golden files for every report format, plus format-specific guarantees."""

from __future__ import annotations

import json

import pytest

from conftest import assert_golden
from diff_helpers import diff_case
from govtext.report import FORMATS, renderer

CASES = ["law-renumbered", "law-reworded", "policy-renamed", "policy-split", "identical"]
TEXT_FORMATS = [name for name in FORMATS if name != "terminal"]
EXTENSIONS = {"text": "txt", "json": "json", "xml": "xml", "html": "html", "markdown": "md"}


@pytest.mark.parametrize("fmt", TEXT_FORMATS)
@pytest.mark.parametrize("case", CASES)
def test_report_golden(case: str, fmt: str) -> None:
    assert_golden(f"diff/{case}.{EXTENSIONS[fmt]}", renderer(fmt).render(diff_case(case)))


@pytest.mark.parametrize("side_by_side", [False, True], ids=["inline", "side-by-side"])
@pytest.mark.parametrize("case", ["law-reworded", "policy-renamed"])
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
    assert list(change) == ["change", "old", "new", "similarity", "edits"]
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
