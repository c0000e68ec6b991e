"""Issue #10, terminal safety: control sequences from the input are shown, never obeyed,
in the tree, every human-readable diff report and error messages; JSON and XML keep them."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from rich.console import Console

from govtext.cli import main
from govtext.pipeline import parse_text
from govtext.render.theme import THEME
from govtext.render.tree import build_tree

CLEAR, TITLE, OVERRIDE = "\x1b[2J", "\x1b]0;pwned\x07", "\u202e"
OLD = "一、总体要求\n\n　　要加强党的领导。坚持以人民为中心。\n\n二、主要任务\n\n　　推进社会治理现代化。\n"
NEW = (f"一、总体{CLEAR}要求\n\n　　要加强党的领导{OVERRIDE}。坚持以人民为中心。{TITLE}\n\n"
       "二、主要任务\n\n　　推进社会治理现代化。\n\n三、新增任务\n\n　　完善社会治理体制。\x9b31m\n")
RAW = ("\x1b", "\x07", "\x9b", OVERRIDE)


@pytest.fixture
def runner():
    return CliRunner()


@pytest.fixture
def files(tmp_path):
    old, new = tmp_path / "old.txt", tmp_path / "new.txt"
    old.write_text(OLD, encoding="utf-8")
    new.write_text(NEW, encoding="utf-8")
    return str(old), str(new)


def _no_raw_controls(text: str) -> None:
    for char in RAW:
        assert char not in text, f"raw {char!r} in output"


def test_tree_shows_control_sequences_escaped(runner, files):
    result = runner.invoke(main, ["tree", files[1], "--show", "sentences"])
    assert result.exit_code == 0, result.output
    _no_raw_controls(result.stdout)
    assert "\\x1b[2J" in result.stdout and "\\u202e" in result.stdout


def test_tree_on_a_colour_terminal_emits_only_its_own_sequences():
    console = Console(theme=THEME, force_terminal=True, color_system="truecolor", width=100, record=True,
                      file=open("/dev/null", "w"))
    console.print(build_tree(parse_text(NEW, name=f"evil{TITLE}.txt"), sentences=True))
    out = console.export_text(styles=True)
    assert CLEAR not in out and "\x1b]" not in out and "\x07" not in out and OVERRIDE not in out
    assert "evil\\x1b]0;pwned\\x07.txt" in out


def test_tree_json_and_xml_keep_the_characters(runner, files):
    result = runner.invoke(main, ["tree", files[1], "--format", "json"])
    assert result.exit_code == 0
    titles = [n["title"] for n in _walk(json.loads(result.stdout)["root"]) if n.get("title")]
    assert f"总体{CLEAR}要求" in titles
    xml = runner.invoke(main, ["xml", files[1]])
    assert xml.exit_code == 0 and OVERRIDE in xml.stdout  # the bidi override is legal XML, kept verbatim


def _walk(node):
    yield node
    for child in node["children"]:
        yield from _walk(child)


@pytest.mark.parametrize("fmt", ["terminal", "text", "markdown", "html"])
@pytest.mark.parametrize("side_by_side", [False, True], ids=["inline", "side-by-side"])
def test_diff_reports_for_people_show_controls_escaped(runner, files, fmt, side_by_side):
    args = ["diff", *files, "--format", fmt] + (["--side-by-side"] if side_by_side else [])
    result = runner.invoke(main, args)
    assert result.exit_code == 1, result.output
    _no_raw_controls(result.stdout)
    assert "x1b" in result.stdout  # shown, as \x1b (markdown escapes the backslash)


def test_diff_json_keeps_the_characters(runner, files):
    result = runner.invoke(main, ["diff", *files, "--format", "json"])
    assert result.exit_code == 1
    assert CLEAR in result.stdout or "\\u001b[2J" in result.stdout
    report = json.loads(result.stdout)
    texts = "".join((c["new"] or {}).get("text", "") for c in report["changes"])
    assert CLEAR in texts and TITLE in texts


def test_file_names_in_messages_are_escaped(runner, tmp_path):
    name = str(tmp_path / f"missing{CLEAR}.txt")
    result = runner.invoke(main, ["tree", name])
    assert result.exit_code == 2
    _no_raw_controls(result.stderr)
    assert "missing\\x1b[2J.txt: no such file" in result.stderr


def test_source_names_in_reports_are_escaped(runner, tmp_path):
    old = tmp_path / f"old{TITLE}.txt"
    old.write_text(OLD, encoding="utf-8")
    result = runner.invoke(main, ["diff", str(old), "/dev/null", "--format", "text"])
    assert result.exit_code == 1
    _no_raw_controls(result.stdout)
    assert "old\\x1b]0;pwned\\x07.txt" in result.stdout


def test_crlf_text_is_not_littered_with_escapes(runner, tmp_path):
    old, new = tmp_path / "old.txt", tmp_path / "new.txt"
    old.write_bytes(OLD.replace("\n", "\r\n").encode("utf-8"))
    new.write_bytes(OLD.replace("\n", "\r\n").replace("加强", "全面加强").encode("utf-8"))
    result = runner.invoke(main, ["diff", str(old), str(new), "--format", "text"])
    assert result.exit_code == 1
    assert "\\x0d" not in result.stdout and "全面" in result.stdout


def test_folder_mode_errors_name_files_escaped(runner, tmp_path):
    folder, out = tmp_path / "in", tmp_path / "out"
    folder.mkdir()
    (folder / f"bad{CLEAR}.txt").write_bytes(b"")
    (folder / "good.txt").write_text(OLD, encoding="utf-8")
    result = runner.invoke(main, ["xml", str(folder), "-o", str(out), "--jobs", "1"])
    assert result.exit_code == 1, result.output
    _no_raw_controls(result.stderr)
    assert "bad\\x1b[2J.txt" in result.stderr and (out / "good.xml").is_file()


def test_a_lone_carriage_return_is_shown_but_crlf_is_a_line_break():
    from govtext.escape import visible

    assert visible("第一条\r\n第二条") == "第一条\r\n第二条"
    assert visible("看得见\r看不见") == "看得见\\x0d看不见"  # it would overwrite the line's start


def test_diff_xml_report_with_control_characters_in_terms(runner, tmp_path):
    """Found by the fuzzer: a heading clause holding ESC reached an lxml attribute raw (ValueError)."""
    from govtext.report.xml_report import schema_errors

    new = tmp_path / "new.txt"
    new.write_text("1．关于惩治走私罪的补充规定\n\x1b00一", encoding="utf-8")
    result = runner.invoke(main, ["diff", "/dev/null", str(new), "--format", "xml"])
    assert result.exit_code == 1, repr(result.exception)
    assert schema_errors(result.stdout_bytes) == []
