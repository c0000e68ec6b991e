"""Issue 20: hostile content in every output — Word, Rich, Markdown, HTML, CSV, messages.

Control characters (BEL, ESC, the vertical tab Word writes for a manual line break), Rich
markup ([/x]), bidi overrides and spreadsheet formula prefixes, in titles, headings,
terms and file names.  Reports for people show controls escaped (govtext.escape), Word
documents are written (a vertical tab is a line break), nothing is read as markup, CSV
cells are not formulas.
"""

from __future__ import annotations

import csv
import io
import zipfile

import pytest
from click.testing import CliRunner

from govtext.cli import main

ESC, BEL, VT, OVERRIDE = "\x1b[31m", "\x07", "\x0b", "\u202e"
RAW = ("\x1b", "\x07", "\x0b", OVERRIDE)
OLD = ("中华人民共和国示例法\n\n第一章 总则[/x]\n\n"
       f"第一条 为了规范{BEL}示例{ESC}活动，制定本法。\n"
       f"第二条 国家鼓励社会力量参与示例工作。{VT}第二句。\n"
       "第三条 示例工作应当遵循公开、公平、公正的原则。\n")
NEW = ("中华人民共和国示例法\n\n第一章 总则[/x]\n\n"
       f"第一条 为了规范{BEL}示例{ESC}活动，制定本办法[/bold]。\n"
       f"第二条 国家鼓励社会力量参与示例工作{OVERRIDE}。{VT}第二句<script>alert(1)</script>。\n"
       "第三条 示例工作应当遵循=公开、公平、公正的原则。\n")


@pytest.fixture
def runner():
    return CliRunner()


@pytest.fixture
def laws(tmp_path):
    old, new = tmp_path / "old.txt", tmp_path / "new.txt"
    old.write_text(OLD, encoding="utf-8")
    new.write_text(NEW, encoding="utf-8")
    return str(old), str(new)


def _no_raw(text: str) -> None:
    for char in RAW:
        assert char not in text, f"raw {char!r} in output"


# --- item 6: Word output ------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["redline", "table"])
def test_word_outputs_are_written_whatever_control_characters_the_text_holds(runner, laws, tmp_path, fmt):
    out = tmp_path / f"{fmt}.docx"
    result = runner.invoke(main, ["diff", *laws, "--format", fmt, "-o", str(out)])
    assert result.exit_code == 0, result.output  # the document asked for was written, no traceback
    with zipfile.ZipFile(out) as package:
        body = package.read("word/document.xml").decode("utf-8")
    if fmt == "table":  # the parser reads a vertical tab as a line end: only the table keeps one
        assert "<w:br/>" in body  # the vertical tab: Word's manual line break
    assert "\\x07" in body and "\\x1b[31m" in body  # shown, as every report shows them
    read = runner.invoke(main, ["tree", str(out)])
    assert read.exit_code == 0 and "第二句" in read.stdout


# --- item 7: Rich markup in content ----------------------------------------------------------------


def test_history_terminal_report_with_markup_in_names_terms_and_headings(runner, tmp_path):
    folder = tmp_path / "v"
    folder.mkdir()
    (folder / "a[bold]2019.txt").write_text(OLD, encoding="utf-8")
    (folder / f"b[bold]{ESC}2024.txt").write_text(NEW, encoding="utf-8")
    terms = tmp_path / "terms.txt"
    terms.write_text("示例活动[/bold]\n总则[/x]\n", encoding="utf-8")
    result = runner.invoke(main, ["history", str(folder), "--order", "given", "--terms", str(terms)])
    assert result.exit_code in (0, 1), result.output
    assert "a[bold]2019" in result.stdout and "总则[/x]" in result.stdout
    _no_raw(result.stdout)  # piped, the terminal report still shows controls escaped
    assert "b[bold]\\x1b[31m2024" in result.stdout


def test_diff_terminal_report_with_markup_in_headings_and_terms(runner, tmp_path, monkeypatch):
    """On a terminal the 提法 table is a Rich table: a heading clause holding [/x] crashed it."""
    old, new = tmp_path / "old.txt", tmp_path / "new.txt"
    old.write_text("一、总体要求\n\n　　要加强党的领导。\n\n二、主要任务\n\n　　推进社会治理现代化。\n", encoding="utf-8")
    new.write_text(f"一、总体要求[/x]\n\n　　要加强党的领导[/bold]。\n\n二、主要任务\n\n　　推进社会治理现代化。\n\n"
                   f"三、新增任务[/y]{ESC}\n\n　　完善社会治理体制。\n", encoding="utf-8")
    monkeypatch.setattr("govtext.cli.diff_cmd.stdout_is_terminal", lambda: True)
    result = runner.invoke(main, ["diff", str(old), str(new)])
    assert result.exit_code == 1, result.output
    _no_raw(result.stdout)
    assert "总体要求[/x]" in result.stdout and "新增任务[/y]\\x1b[31m" in result.stdout


def test_ledger_summary_with_markup_in_terms(runner, laws, tmp_path):
    terms = tmp_path / "terms.txt"
    terms.write_text("[/x]示例\n总则[/x]\n", encoding="utf-8")
    result = runner.invoke(main, ["ledger", *laws, "-o", str(tmp_path / "c.csv"), "--terms", str(terms)])
    assert result.exit_code == 0, result.output
    assert "总则[/x]" in result.output


# --- item 10: escapes reaching the terminal ----------------------------------------------------------


@pytest.mark.parametrize("fmt", ["decision", "table"])
def test_decision_and_table_show_controls_escaped(runner, laws, fmt):
    result = runner.invoke(main, ["diff", *laws, "--format", fmt])
    assert result.exit_code == 1, result.output
    _no_raw(result.stdout)


def test_file_name_with_a_newline_stays_one_line(runner, tmp_path):
    name = tmp_path / "two\nlines.txt"
    result = runner.invoke(main, ["tree", str(name)])
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1 and "two\\nlines.txt: no such file" in result.stderr


def test_xml_folder_skipped_lines_are_escaped(runner, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / f"notes{ESC}\n.bin").write_bytes(b"x")
    (folder / "good.txt").write_text(OLD, encoding="utf-8")
    result = runner.invoke(main, ["xml", str(folder), "-o", str(tmp_path / "out"), "--jobs", "1"])
    assert result.exit_code == 0, result.output
    _no_raw(result.stderr)
    skipped = [line for line in result.stderr.splitlines() if line.startswith("govtext: skipped")]
    assert len(skipped) == 1 and "notes\\x1b[31m\\n.bin" in skipped[0]


def test_amend_messages_are_escaped(runner, laws, tmp_path):
    """Errors, and the --check lines's lines (the file's name, both articles' words)."""
    instrument = tmp_path / "instrument.txt"
    instrument.write_text("全国人民代表大会常务委员会关于修改《中华人民共和国示例法》的决定\n\n"
                          "一、将第三条中的“原则”修改为“要求”。\n", encoding="utf-8")
    published = tmp_path / f"pub{ESC}.txt"
    published.write_text(NEW, encoding="utf-8")
    result = runner.invoke(main, ["amend", laws[0], str(instrument), "--check", str(published)])
    assert result.exit_code == 1, result.output
    _no_raw(result.output)
    assert "pub\\x1b[31m.txt" in result.output and "\\u202e" in result.output
    broken = tmp_path / "broken.txt"
    broken.write_text("全国人民代表大会常务委员会关于修改《中华人民共和国示例法》的决定\n\n"
                      f"一、删去第九十九条{ESC}。\n", encoding="utf-8")
    result = runner.invoke(main, ["amend", laws[0], str(broken)])
    assert result.exit_code == 2, result.output
    _no_raw(result.stderr)


# --- item 11: CSV formula injection -------------------------------------------------------------------


def test_ledger_csv_cells_are_never_formulas(runner, tmp_path):
    doc = tmp_path / "=cmd.txt"
    doc.write_text("=HYPERLINK(\"http://x\")关于示例的通知\n\n一、总体要求\n\n　　推进+示例工作。\n", encoding="utf-8")
    terms = tmp_path / "terms.txt"
    terms.write_text("+示例\n-示例\n@示例\n示例\n", encoding="utf-8")
    out = tmp_path / "c.csv"
    wide = tmp_path / "w.csv"
    result = runner.invoke(main, ["ledger", str(doc), "-o", str(out), "--wide", str(wide), "--terms", str(terms)])
    assert result.exit_code == 0, result.output
    for table in (out, wide):
        for row in csv.reader(io.StringIO(table.read_text(encoding="utf-8"))):
            for value in row:
                assert not value.startswith(("=", "+", "-", "@")), (table.name, value)
    assert "'=HYPERLINK" in out.read_text(encoding="utf-8")


def test_history_csv_cells_are_never_formulas(runner, tmp_path):
    a, b = tmp_path / "=a.txt", tmp_path / "@b.txt"
    a.write_text(OLD, encoding="utf-8")
    b.write_text(NEW, encoding="utf-8")
    terms = tmp_path / "terms.txt"
    terms.write_text("-示例\n", encoding="utf-8")
    result = runner.invoke(main, ["history", str(a), str(b), "--order", "given", "--format", "csv",
                                  "--terms", str(terms)])
    assert result.exit_code in (0, 1), result.output
    rows = list(csv.reader(io.StringIO(result.stdout)))
    assert rows[0][1:] == ["'=a", "'@b"]
    assert all(not value.startswith(("=", "+", "-", "@")) for row in rows for value in row)


# --- item 12: Markdown and HTML ------------------------------------------------------------------------


def test_table_markdown_escapes_html_and_markdown(runner, laws):
    from markdown_it import MarkdownIt

    result = runner.invoke(main, ["diff", *laws, "--format", "table"])
    rendered = MarkdownIt("commonmark").enable("table").enable("strikethrough").render(result.stdout)
    assert "<script>" not in rendered and "&lt;script&gt;" in rendered


def test_markdown_header_code_span_holds_a_backtick(runner, tmp_path):
    from markdown_it import MarkdownIt

    old, new = tmp_path / "a`b.txt", tmp_path / "c``d.txt"
    old.write_text(OLD, encoding="utf-8")
    new.write_text(NEW, encoding="utf-8")
    result = runner.invoke(main, ["diff", str(old), str(new), "--format", "markdown"])
    header = MarkdownIt("commonmark").render(result.stdout.splitlines()[0])
    assert f"<code>{old}</code>" in header and f"<code>{new}</code>" in header


@pytest.mark.parametrize("command", ["table", "history"])
def test_html_pages_show_bidi_and_controls(runner, laws, tmp_path, command):
    out = tmp_path / "page.html"
    if command == "table":
        args = ["diff", *laws, "--format", "table", "-o", str(out)]
    else:
        args = ["history", *laws, "--order", "given", "-o", str(out)]
    result = runner.invoke(main, args)
    assert result.exit_code in (0, 1), result.output
    page = out.read_text(encoding="utf-8")
    _no_raw(page)
    assert "\\u202e" in page


def test_a_carriage_return_in_a_cell_does_not_split_the_row():
    """Python's csv writer leaves a lone CR unquoted with \\n line ends: readers saw a new row."""
    from govtext.csv_table import CsvWriter

    out = io.StringIO()
    writer = CsvWriter(out)
    writer.writerow(["path", "count"])
    writer.writerow(["a\rb.txt", 3])
    writer.writerow(["=1+1", None])
    rows = list(csv.reader(io.StringIO(out.getvalue(), newline="")))
    assert rows == [["path", "count"], ["a\rb.txt", "3"], ["'=1+1", ""]]
