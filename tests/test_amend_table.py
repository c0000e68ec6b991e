"""``govtext diff --format table``: the 新旧对照表 in Markdown, HTML and Word."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from conftest import FIXTURES, corpus_file
from govtext.cli import main
from govtext.diff import diff_documents
from govtext.pipeline import load
from govtext.report.table import DELETED, SAME, comparison_table, to_markdown

docx = pytest.importorskip("docx", reason="python-docx is not installed")


def _table(old, new, all_articles=False):
    a, b = load(str(old)), load(str(new))
    return comparison_table(diff_documents(a, b), a, b, all_articles)


def case(name):
    return FIXTURES / "amend" / name / "old.txt", FIXTURES / "amend" / name / "new.txt"


def test_xingfa_2023_has_exactly_seven_rows():
    table = _table(corpus_file("law-xingfa-2020.txt"), corpus_file("law-xingfa-2023.txt"))
    assert len(table.rows) == 7
    assert [row.new[0][0].split(" ")[0] for row in table.rows] == [
        "第一百六十五条", "第一百六十六条", "第一百六十九条", "第三百八十七条", "第三百九十条", "第三百九十一条",
        "第三百九十三条"]


def test_words_marked_bold_and_struck():
    markdown = to_markdown(_table(*case("words")))
    assert "| 修改前 | 修改后 |" in markdown
    assert "~~帐~~" in markdown and "**账**" in markdown
    assert "~~县级以上~~" in markdown


def test_deleted_and_added_articles():
    table = _table(*case("delete"))
    deleted = [row for row in table.rows if row.change == "deleted"]
    assert deleted and deleted[0].new == ((DELETED, None),)
    added = [row for row in _table(*case("renumber")).rows if row.change == "added"]
    assert added and added[0].old == () and added[0].new[0][1] == "ins"


def test_all_shows_unchanged_as_same():
    table = _table(*case("words"), all_articles=True)
    assert len(table.rows) == 7
    assert sum(row.new == ((SAME, None),) for row in table.rows) == 4


def test_html_page_is_self_contained(tmp_path):
    out = tmp_path / "t.html"
    old, new = case("words")
    result = CliRunner().invoke(main, ["diff", str(old), str(new), "--format", "table", "-o", str(out)])
    assert result.exit_code == 0, result.output  # the document asked for was written
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and "<ins>账</ins>" in page and "<script" not in page
    assert "http" not in page


def test_docx_opens_with_a_two_column_headed_table(tmp_path):
    out = tmp_path / "t.docx"
    result = CliRunner().invoke(main, ["diff", str(corpus_file("law-xingfa-2020.txt")),
                                       str(corpus_file("law-xingfa-2023.txt")), "--format", "table", "-o", str(out)])
    assert result.exit_code == 0, result.output
    document = docx.Document(str(out))
    assert len(document.tables) == 1
    grid = document.tables[0]
    assert [cell.text for cell in grid.rows[0].cells] == ["修改前", "修改后"]
    assert len(grid.rows) == 1 + 7
    section = document.sections[0]
    assert section.page_width > section.page_height  # landscape
    assert "修改前后对照表" in document.paragraphs[0].text
    struck = [run for cell in grid.rows[1].cells for p in cell.paragraphs for run in p.runs if run.font.strike]
    bold = [run for p in grid.rows[1].cells[1].paragraphs for run in p.runs if run.bold]
    assert struck and bold


def test_markdown_to_stdout():
    old, new = case("points")
    result = CliRunner().invoke(main, ["diff", str(old), str(new), "--format", "table"])
    assert result.stdout.startswith("# 《中华人民共和国示例法》修改前后对照表")
    assert result.stdout.count("\n| ") == 2  # the header and one changed article


def test_without_python_docx_one_line_and_nothing_written(tmp_path, monkeypatch):
    import sys

    monkeypatch.setitem(sys.modules, "docx", None)  # as if python-docx were missing (a broken install)
    out = tmp_path / "t.docx"
    old, new = case("words")
    result = CliRunner().invoke(main, ["diff", str(old), str(new), "--format", "table", "-o", str(out)])
    assert result.exit_code == 2
    assert result.stderr == "govtext: error: Word output needs python-docx: pip install python-docx\n"
    assert not out.exists()


def test_a_new_number_alone_is_listed_only_with_all():
    old, new = corpus_file("amend/tongjifa-old-2009.txt"), corpus_file("amend/tongjifa-new-2024.txt")
    rows = _table(old, new).rows
    assert all(row.change in ("changed", "added") for row in rows)
    # 第七条 → 第八条 with the same words is no row; 第十四条 → 第十六条 is (its reference moved).
    firsts = ["".join(text for text, _ in row.old).split(" ")[0] for row in rows if row.old]
    assert "第七条" not in firsts and "第十四条" in firsts
    every = _table(old, new, all_articles=True).rows
    assert len(every) == 53 and any("".join(t for t, _ in r.old).startswith("第七条") for r in every)
