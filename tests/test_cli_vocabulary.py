"""One vocabulary across commands: the same options mean the same thing everywhere, and
-o's extension decides the format unless --format says otherwise (issue 19)."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from govtext.cli import main

from conftest import FIXTURES
from formats_helpers import docx_bytes

LAW = FIXTURES / "diff" / "law-reworded"
POLICY = FIXTURES / "diff" / "policy-item-evolving"
HISTORY_LAW = FIXTURES / "history" / "law"
HISTORY_POLICY = FIXTURES / "history" / "policy"

READING = ("tree", "xml", "diff", "ledger", "amend", "history", "targets")
WORKERS = ("xml", "ledger", "history")
WRITING = ("tree", "xml", "diff", "ledger", "amend", "history", "targets")


def run(*args: str):
    return CliRunner().invoke(main, [str(a) for a in args])


def _opts(name: str) -> set[str]:
    return {opt for param in main.get_command(None, name).params for opt in param.opts}


@pytest.mark.parametrize("name", READING)
def test_every_reading_command_takes_the_read_options(name):
    assert {"--max-bytes", "--encoding", "--errors", "--input-format", "--lexicon"} <= _opts(name)


@pytest.mark.parametrize("name", WORKERS)
def test_every_command_with_workers_takes_j(name):
    assert {"-j", "--jobs"} <= _opts(name)


@pytest.mark.parametrize("name", WRITING)
def test_every_writing_command_takes_o(name):
    assert {"-o", "--output"} <= _opts(name)


@pytest.mark.parametrize("name", ("diff", "ledger", "history", "xml"))
def test_q_where_there_is_something_to_quieten(name):
    assert "-q" in _opts(name)


def test_an_unknown_command_has_one_error_prefix():
    result = run("tragets")
    assert result.exit_code == 2
    assert result.stderr.startswith("govtext: error: No such command 'tragets'")
    assert result.stderr.count("govtext:") == 1 and result.stderr.count("\n") == 1


def test_a_subcommand_error_names_the_subcommand_once():
    result = run("diff", "--format", "nonsense", LAW / "old.txt", LAW / "new.txt")
    assert result.exit_code == 2 and result.stderr.startswith("govtext: error: diff: ")


@pytest.mark.parametrize("name, check", [
    ("r.html", lambda text: text.startswith("<!DOCTYPE html>")),
    ("r.json", lambda text: json.loads(text)["format"] == "govtext/diff"),
    ("r.xml", lambda text: text.startswith("<?xml")),
    ("r.md", lambda text: "第四条" in text and "[-" not in text),
    ("r.txt", lambda text: "[-可以-]{+应当+}" in text),
])
def test_diff_output_format_follows_the_extension(tmp_path, name, check):
    out = tmp_path / name
    result = run("diff", LAW / "old.txt", LAW / "new.txt", "-o", out)
    assert result.exit_code == 1, result.output  # changes: diff's exit status is kept
    assert check(out.read_text("utf-8"))


@pytest.mark.parametrize("command", [
    ("diff", LAW / "old.txt", LAW / "new.txt", "--format", "json"),
    ("history", HISTORY_LAW, "--format", "json"),
    ("tree", LAW / "old.txt", "--format", "json"),
    ("amend", FIXTURES / "amend" / "words" / "old.txt", FIXTURES / "amend" / "words" / "instrument.txt", "--format", "json"),
    ("targets", FIXTURES / "targets" / "delta.txt", "--format", "json"),
])
def test_a_format_that_contradicts_the_extension_is_one_error(tmp_path, command):
    out = tmp_path / "report.html"
    result = run(*command, "-o", out)
    assert result.exit_code == 2 and result.stderr.count("\n") == 1
    assert result.stderr.startswith("govtext: error: --format json writes .json, not .html")
    assert not out.exists()


@pytest.mark.parametrize("name, start", [("t.json", "{"), ("t.txt", "law-reworded")])
def test_tree_and_amend_follow_the_extension_too(tmp_path, name, start):
    out = tmp_path / name
    assert run("tree", LAW / "old.txt", "-o", out).exit_code == 0
    assert out.read_text("utf-8").startswith(start) or start in out.read_text("utf-8").splitlines()[0]
    amended = tmp_path / ("a" + out.suffix)
    assert run("amend", FIXTURES / "amend" / "words" / "old.txt", FIXTURES / "amend" / "words" / "instrument.txt",
               "-o", amended).exit_code == 0
    assert amended.read_text("utf-8").startswith("{" if out.suffix == ".json" else "中华人民共和国示例法")


@pytest.mark.parametrize("fmt", ["decision", "table"])
def test_lawyers_formats_refuse_texts_without_articles(fmt):
    result = run("diff", POLICY / "old.txt", POLICY / "new.txt", "--format", fmt)
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr.count("\n") == 1 and "has no articles" in result.stderr


def test_a_written_document_is_success_unless_fail_on_says_otherwise(tmp_path):
    out = tmp_path / "t.docx"
    assert run("diff", LAW / "old.txt", LAW / "new.txt", "--format", "table", "-o", out).exit_code == 0
    assert out.stat().st_size > 0
    assert run("diff", LAW / "old.txt", LAW / "new.txt", "--format", "redline", "-o", out).exit_code == 0
    failing = run("diff", LAW / "old.txt", LAW / "new.txt", "--format", "redline", "-o", out, "--fail-on", "reworded")
    assert failing.exit_code == 1
    # A .docx without --format is the redline.
    plain = tmp_path / "r.docx"
    assert run("diff", LAW / "old.txt", LAW / "new.txt", "-o", plain).exit_code == 0
    assert plain.read_bytes().startswith(b"PK")


def test_history_keeps_every_terms_file(tmp_path):
    first, second = tmp_path / "a.txt", tmp_path / "b.txt"
    first.write_text("示例活动\n", "utf-8")
    second.write_text("行政法规\n", "utf-8")
    result = run("history", HISTORY_LAW, "--terms", first, "--terms", second, "--format", "json")
    assert result.exit_code == 0, result.output
    user = {row["term"] for row in json.loads(result.stdout)["terms"] if row["source"] == "user"}
    assert {"示例活动", "行政法规"} <= user


def test_history_reads_what_tree_reads(tmp_path):
    paths = []
    for year, body in (("2021", "要加强党的领导。"), ("2022", "要坚持和加强党的全面领导。")):
        path = tmp_path / f"report-{year}.docx"

        def build(document, body=body):
            document.add_paragraph("一、总体要求")
            document.add_paragraph(body)

        path.write_bytes(docx_bytes(build))
        paths.append(path)
    result = run("history", *paths, "--format", "json")
    assert result.exit_code == 0, result.output  # not "binary data": Word files are read as tree reads them
    assert [v["label"] for v in json.loads(result.stdout)["versions"]] == ["report-2021", "report-2022"]
    too_big = run("history", *paths, "--max-bytes", "10")
    assert too_big.exit_code == 2 and "--max-bytes" in too_big.stderr


def test_history_with_encoding(tmp_path):
    for year, body in (("2021", "要加强党的领导。"), ("2022", "要坚持和加强党的全面领导。")):
        (tmp_path / f"r-{year}.txt").write_bytes(f"一、总体要求\n{body}\n".encode("utf-16"))
    result = run("history", tmp_path, "--encoding", "utf-16", "--format", "json", "-j", "1")
    assert result.exit_code == 0, result.output
    assert [v["label"] for v in json.loads(result.stdout)["versions"]] == ["r-2021", "r-2022"]


def test_history_says_when_versions_are_not_one_document(tmp_path):
    folder = tmp_path / "mixed"
    folder.mkdir()
    for path in (*HISTORY_POLICY.iterdir(), HISTORY_LAW / "alpha.txt"):
        (folder / path.name).write_bytes(path.read_bytes())
    result = run("history", folder, "--format", "json")
    assert result.exit_code == 0
    warnings = [line for line in result.stderr.splitlines() if line.startswith("govtext: warning:")]
    assert len(warnings) == 1 and "may not be one document" in warnings[0] and "alpha" in warnings[0]
    same = run("history", HISTORY_LAW, "--format", "json")
    assert "warning" not in same.stderr


def test_history_written_line_and_quiet(tmp_path):
    out = tmp_path / "h.html"
    result = run("history", HISTORY_POLICY, "-o", out)
    assert result.exit_code == 0 and result.stderr == f"written: {out}\n"
    assert out.read_text("utf-8").startswith("<!DOCTYPE html>")
    quiet = run("history", HISTORY_POLICY, "-o", out, "-q")
    assert quiet.exit_code == 0 and quiet.stderr == ""


def test_amend_reads_with_the_read_options(tmp_path):
    old, instrument = tmp_path / "old.txt", tmp_path / "instrument.txt"
    for path in (old, instrument):
        path.write_bytes((FIXTURES / "amend" / "words" / path.name).read_text("utf-8").encode("gb18030"))
    result = run("amend", old, instrument, "--encoding", "gb18030", "--explain")
    assert result.exit_code == 0 and "账簿" in result.stdout
    too_big = run("amend", old, instrument, "--max-bytes", "10")
    assert too_big.exit_code == 2 and too_big.stderr.count("\n") == 1
