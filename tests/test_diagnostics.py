"""Numbering oddities become Diagnostic records, printed by --warnings and kept in the JSON."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from conftest import FIXTURES
from govtext.cli import main
from govtext.pipeline import load, parse_text


def _codes(doc) -> list[tuple[str, str]]:
    return [(d.code, doc.text[d.span[0]:d.span[1]].split()[0]) for d in doc.diagnostics]


def test_duplicate_gap_and_backwards_articles():
    doc = load(str(FIXTURES / "law-numbering-errors.txt"))
    assert _codes(doc) == [
        ("numbering-duplicate", "第三条"),
        ("numbering-gap", "第五条"),
        ("numbering-backwards", "第四条"),
    ]
    assert all(d.level == "warning" for d in doc.diagnostics)
    assert "number 4 is missing" in doc.diagnostics[1].message


def test_zhiyi_without_its_base_article():
    doc = load(str(FIXTURES / "law-zhiyi-without-base.txt"))
    # 第二条之一 has its base; 第三条之一 has none, and 第三条 is missing between 第二条 and 第四条.
    assert _codes(doc) == [("zhiyi-without-base", "第三条之一"), ("numbering-gap", "第四条")]


def test_mixed_digit_widths_in_one_series():
    doc = load(str(FIXTURES / "numbering-mixed-width.txt"))
    assert _codes(doc) == [("numbering-mixed-width", "３.")]


def test_policy_gap_among_sections():
    doc = load(str(FIXTURES / "numbering-gap.txt"))
    assert _codes(doc) == [("numbering-gap", "三、保障措施")]


@pytest.mark.parametrize("text", [
    "一、总体要求\n坚持稳中求进。\n二、主要任务\n（一）扩大内需。\n（二）稳定就业。\n三、保障措施\n加强领导。\n",
    # Articles count on through chapters; a plan's chapters through its parts; excerpts may start late.
    "示例法\n第一章 总则\n第一条 适用。\n第二条 施行。\n第二章 附则\n第三条 解释。\n第三条之一 补充。\n第四条 施行。\n",
    "三、今年工作\n（三）加快发展。\n（四）深化改革。\n",
])
def test_well_numbered_texts_have_no_diagnostics(text):
    assert parse_text(text).diagnostics == ()


def test_corpus_law_has_no_numbering_diagnostics():
    from conftest import corpus_file

    doc = load(str(corpus_file("law-xingfa-2023.txt")))
    assert doc.genre == "law" and doc.diagnostics == ()


def test_tree_warnings_on_stderr_one_line_each_escaped(tmp_path):
    path = tmp_path / "law.txt"
    path.write_text("示例条例\n第一条 适用。\n第二条 施行。\n第二条 \x1b[2J公布。\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["tree", "--warnings", str(path)])
    assert result.exit_code == 0
    assert result.stderr.splitlines() == [
        f"{path}:4: warning: 第二条 follows 第二条: the same number twice [numbering-duplicate]"
    ]
    without = CliRunner().invoke(main, ["tree", str(path)])
    assert without.exit_code == 0 and without.stderr == ""


def test_warning_messages_never_carry_raw_control_characters(tmp_path):
    # Messages name numbers only; the file name is what could carry a control sequence.
    path = tmp_path / "p\x1b]0;x\x07.txt"
    path.write_text("一、甲\n内容。\n三、乙\n内容。\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["tree", "--warnings", str(path)])
    assert result.exit_code == 0
    assert "\x1b" not in result.stderr and "\x07" not in result.stderr
    assert "[numbering-gap]" in result.stderr and "p\\x1b]0;x\\x07.txt:3:" in result.stderr


def test_json_outline_lists_diagnostics():
    result = CliRunner().invoke(main, ["tree", "--format", "json", str(FIXTURES / "law-numbering-errors.txt")])
    data = json.loads(result.stdout)
    assert [d["code"] for d in data["diagnostics"]] == ["numbering-duplicate", "numbering-gap", "numbering-backwards"]
    first = data["diagnostics"][0]
    assert set(first) == {"level", "code", "message", "span"}
    assert first["span"] == [53, 71]


def test_diagnostics_survive_the_xml_archive(tmp_path):
    out = tmp_path / "a.xml"
    runner = CliRunner()
    assert runner.invoke(main, ["xml", str(FIXTURES / "law-numbering-errors.txt"), "-o", str(out)]).exit_code == 0
    assert _codes(load(str(out))) == _codes(load(str(FIXTURES / "law-numbering-errors.txt")))


def test_akn_eids_stay_unique_and_readable_with_duplicate_numbers():
    from govtext.xmlfmt import export

    data = export(load(str(FIXTURES / "law-numbering-errors.txt")), "akn").decode("utf-8")
    import re

    eids = re.findall(r'eId="([^"]+)"', data)
    assert len(eids) == len(set(eids))
    articles = [e for e in eids if e.startswith("art_") and "__para" not in e]
    # The second 第三条 is art_3__dup_2, never the old art_3-2 that reads as 第三条之二.
    assert articles == ["art_1", "art_2", "art_3", "art_3__dup_2", "art_3-2", "art_5", "art_4"]
    assert "art_3-2-2" not in eids
