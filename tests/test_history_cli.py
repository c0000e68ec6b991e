"""``govtext history`` from the outside: stdout, stderr and exit status checked separately."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from click.testing import CliRunner

from conftest import FIXTURES
from govtext.cli import main

POLICY = FIXTURES / "history" / "policy"
LAW = FIXTURES / "history" / "law"


def run(*args: str):
    return CliRunner().invoke(main, ["history", "--jobs", "1", *args])


def test_terminal_view_by_default() -> None:
    result = run(str(LAW))
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("2 versions: zeta → alpha")
    assert "blame alpha: 1 of 3 articles/items changed in it: 第二条" in result.stdout
    assert result.stderr == ""


@pytest.mark.parametrize("fmt, start", [("json", '{"format": "govtext/history"'), ("csv", "term,zeta,alpha\n"),
                                        ("html", "<!DOCTYPE html>")])
def test_formats(fmt: str, start: str) -> None:
    result = run(str(LAW), "--format", fmt)
    assert result.exit_code == 0 and result.stdout.startswith(start)


@pytest.mark.parametrize("name, start", [("h.json", "{"), ("h.csv", "term,"), ("h.html", "<!DOCTYPE"),
                                         ("h.txt", "2 versions")])
def test_output_file_format_from_its_extension(tmp_path, name: str, start: str) -> None:
    out = tmp_path / name
    result = run(str(LAW), "-o", str(out))
    assert result.exit_code == 0 and result.stdout == ""
    assert out.read_text("utf-8").startswith(start)


def test_pairs_print_one_diff_per_step() -> None:
    result = run(str(POLICY), "--pairs")
    lines = result.stdout.splitlines()
    assert result.exit_code == 0 and len(lines) == 2
    assert all(json.loads(line)["format"] == "govtext/diff" for line in lines)


def test_terms_blame_and_order_options(tmp_path) -> None:
    terms = tmp_path / "terms.txt"
    terms.write_text("依法行政\n# a comment\n\n示例活动\n", "utf-8")
    result = run(str(LAW / "alpha.txt"), str(LAW / "zeta.txt"), "--order", "given", "--terms", str(terms),
                 "--blame", "zeta", "--format", "json")
    data = json.loads(result.stdout)
    assert [v["label"] for v in data["versions"]] == ["alpha", "zeta"]
    assert data["blame_version"] == 1
    rows = {t["term"]: t for t in data["terms"]}
    assert rows["示例活动"]["counts"] == [2, 2] and rows["示例活动"]["source"] == "user"
    assert rows["依法行政"]["counts"] == [0, 0] and rows["依法行政"]["first"] is None


@pytest.mark.parametrize("args, message", [
    ([str(LAW / "alpha.txt")], "at least two versions, got 1"),
    ([str(LAW / "alpha.txt"), "missing.txt"], "missing.txt: no such file"),
    ([str(LAW), "--blame", "beta"], "no version 'beta'"),
    ([str(LAW), "--terms", "no-terms.txt"], "no-terms.txt: no such terms file"),
    ([str(LAW), "--jobs", "0"], "--jobs"),
    ([str(LAW), "--format", "pdf"], "--format"),
    ([str(LAW / "alpha.txt"), "-"], "standard input cannot be a version"),
])
def test_user_errors_exit_2_with_one_line(tmp_path, args: list[str], message: str) -> None:
    out = tmp_path / "out.json"
    result = CliRunner().invoke(main, ["history", *args, "-o", str(out)])
    assert result.exit_code == 2, result.output
    assert result.stdout == ""
    assert result.stderr.startswith("govtext: error: ") and message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert not out.exists()


def test_undated_versions_need_order_given(tmp_path) -> None:
    for name in ("draft", "final"):
        (tmp_path / f"{name}.txt").write_text(f"一、总体要求\n（一）坚持依法行政。{name}要依法办事。\n", "utf-8")
    result = run(str(tmp_path))
    assert result.exit_code == 2 and "--order given" in result.stderr
    assert run(str(tmp_path), "--order", "given").exit_code == 0


def test_in_a_real_process_with_workers(tmp_path) -> None:
    out = tmp_path / "history.json"
    proc = subprocess.run([sys.executable, "-m", "govtext", "history", str(POLICY), "--jobs", "2", "-o", str(out)],
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    assert (proc.stdout, proc.stderr) == ("", f"written: {out}\n")  # as ledger and xml DIR say it
    data = json.loads(out.read_text("utf-8"))
    assert [v["label"] for v in data["versions"]] == ["report-2021", "report-2022", "report-2023"]
    missing = subprocess.run([sys.executable, "-m", "govtext", "history", str(POLICY / "nope.txt"), str(POLICY)],
                             capture_output=True, text=True, timeout=300)
    assert missing.returncode == 2 and missing.stderr.startswith("govtext: error: ")
    assert "Traceback" not in missing.stderr
