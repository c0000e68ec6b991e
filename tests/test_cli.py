"""The command line: output, exit codes and stderr, through CliRunner and a real subprocess."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys

import pytest
from click.testing import CliRunner

from govtext.cli import main

from conftest import FIXTURES, ROOT, SAMPLE


@pytest.fixture
def runner():
    return CliRunner()


def test_tree_on_the_bundled_sample(runner):
    result = runner.invoke(main, ["tree"])
    assert result.exit_code == 0, result.output
    assert "完善社会治理体制" in result.stdout and "优化社会治理层级功能" in result.stdout
    assert "\x1b[" not in result.stdout  # plain text when not a terminal


def test_tree_json_outline(runner):
    result = runner.invoke(main, ["tree", "--format", "json"])
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert (data["format"], data["version"], data["genre"]) == ("govtext/outline", 1, "policy")
    assert data["source"]["chars"] == data["root"]["span"][1] == 4129
    assert "构建党委领导体制" in result.stdout  # UTF-8, not \\u escapes
    sections = [c for c in data["root"]["children"] if c["type"] == "section"]
    assert [s["kind"] for s in sections] == ["system", "method", "tier"]
    assert set(sections[0]) == {"id", "type", "kind", "number", "title", "text", "span", "level", "children"}


def test_tree_reads_stdin_and_gbk(runner):
    data = (FIXTURES / "numbered-items.txt").read_text("utf-8").encode("gbk")
    result = runner.invoke(main, ["tree", "-", "--format", "json"], input=data)
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    assert doc["source"]["path"] == "-" and doc["source"]["encoding"] == "gb18030"


def test_tree_depth_and_sentences(runner):
    shallow = runner.invoke(main, ["tree", "--depth", "1"]).stdout
    assert "构建党委领导体制" not in shallow and "完善社会治理体制" in shallow
    full = runner.invoke(main, ["tree", "--show", "sentences"]).stdout
    assert "statement 市域是重大矛盾风险的产生地、集聚地。" in full


def test_tree_output_file_is_written(runner, tmp_path):
    out = tmp_path / "outline.json"
    result = runner.invoke(main, ["tree", "--format", "json", "-o", str(out)])
    assert result.exit_code == 0 and result.stdout == ""
    assert json.loads(out.read_text("utf-8"))["format"] == "govtext/outline"


@pytest.mark.parametrize(
    "make, message",
    [
        (lambda d: str(d / "missing.txt"), "no such file"),
        (lambda d: str(d), "is a directory"),
        (lambda d: _write(d / "empty.txt", b""), "empty input"),
        (lambda d: _write(d / "blob.bin", bytes(range(256)) * 10), "binary"),
        (lambda d: _write(d / "broken.xml", b"<govtext><unclosed>"), ""),
    ],
    ids=["missing", "directory", "empty", "binary", "malformed-xml"],
)
def test_user_errors_are_one_line_and_exit_2(runner, tmp_path, make, message):
    out = tmp_path / "never.json"
    result = runner.invoke(main, ["tree", make(tmp_path), "--format", "json", "-o", str(out)])
    assert result.exit_code == 2, result.output
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("govtext: error:") and message in lines[0]
    assert "Traceback" not in result.stderr
    assert not out.exists()


def test_bad_lexicon_is_a_user_error(runner, tmp_path):
    bad = _write(tmp_path / "lex.toml", b"[kinds\n")
    result = runner.invoke(main, ["tree", "--lexicon", bad])
    assert result.exit_code == 2 and "invalid TOML" in result.stderr


def test_misspelt_lexicon_table_is_a_user_error_with_a_hint(runner, tmp_path):
    bad = _write(tmp_path / "lex.toml", "extends = true\n[sentence]\nmodals = ['得']\n".encode())
    result = runner.invoke(main, ["tree", "--lexicon", bad])
    assert result.exit_code == 2
    assert result.stderr.strip().splitlines() == [
        f"govtext: error: {bad}: unknown table [sentence] (did you mean [sentences]?) "
        "(tables are [kinds] and [sentences])"
    ]


def _write(path, data: bytes) -> str:
    path.write_bytes(data)
    return str(path)


def _installed_govtext() -> list[str]:
    exe = shutil.which("govtext", path=os.path.dirname(sys.executable)) or shutil.which("govtext")
    return [exe] if exe else [sys.executable, "-m", "govtext"]


def test_installed_command_runs_as_a_real_process(tmp_path):
    """The console script (or python -m govtext) from another folder, piped: no colour, exit 0."""
    env = {**os.environ, "NO_COLOR": "1"}
    proc = subprocess.run(_installed_govtext() + ["tree", "--depth", "1"], cwd=tmp_path, env=env,
                          capture_output=True, timeout=60)
    assert proc.returncode == 0, proc.stderr.decode()
    out = proc.stdout.decode("utf-8")
    assert "完善社会治理体制" in out and "\x1b[" not in out


def test_real_process_error_exit_code(tmp_path):
    proc = subprocess.run(_installed_govtext() + ["tree", str(tmp_path / "nope.txt")], capture_output=True, timeout=60)
    assert proc.returncode == 2
    assert proc.stdout == b""
    assert proc.stderr.decode().count("\n") == 1


def test_tree_does_not_load_jieba():
    code = "import sys; from govtext.cli import main\ntry: main(['tree'])\nexcept SystemExit: pass\nassert 'jieba' not in sys.modules, 'jieba loaded'"
    proc = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, timeout=60)
    assert proc.returncode == 0, proc.stderr.decode()


def test_python_m_govtext_version():
    proc = subprocess.run([sys.executable, "-m", "govtext", "--version"], cwd=ROOT, capture_output=True, timeout=60)
    assert proc.returncode == 0 and b"govtext" in proc.stdout


def test_tree_reads_utf16_govtext_xml(runner, tmp_path):
    xml = runner.invoke(main, ["xml"]).stdout
    path = tmp_path / "archive.xml"
    path.write_bytes(xml.replace('encoding="UTF-8"', 'encoding="UTF-16"').encode("utf-16"))
    result = runner.invoke(main, ["tree", str(path), "--format", "json"])
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["root"] == json.loads(runner.invoke(main, ["tree", "--format", "json"]).stdout)["root"]


@pytest.mark.parametrize("args", [
    ["diff", "a.txt", "b.txt", "--fail-on", "bogus"], ["tree", "--depth", "x"], ["nope"], ["tree", "--format", "yaml"],
])
def test_usage_errors_are_one_line_and_exit_2(runner, args):
    result = runner.invoke(main, args)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert len(result.stderr.strip().splitlines()) == 1 and result.stderr.startswith("govtext: error:")


def test_bare_command_prints_help(runner):
    result = runner.invoke(main, [])
    assert result.exit_code == 0 and "Commands:" in result.stdout
