"""``govtext diff`` from the outside: stdout, stderr and exit status checked separately."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from diff_helpers import DIFF_FIXTURES
from govtext.cli import main


def run(*args: str, input: str | None = None):
    return CliRunner().invoke(main, ["diff", *args], input=input)


def case(name: str) -> tuple[str, str]:
    return str(DIFF_FIXTURES / name / "old.txt"), str(DIFF_FIXTURES / name / "new.txt")


def test_no_changes_exits_0() -> None:
    old, new = case("identical")
    result = run(old, new)
    assert result.exit_code == 0, result.output
    assert "no changes" in result.stdout and result.stderr == ""


def test_changes_exit_1_and_text_when_piped() -> None:
    result = run(*case("law-reworded"))
    assert result.exit_code == 1
    assert result.stdout.startswith("--- ") and "{+应当+}" in result.stdout
    assert result.stderr == ""


def test_quiet_prints_nothing() -> None:
    result = run(*case("law-reworded"), "--quiet")
    assert (result.exit_code, result.stdout, result.stderr) == (1, "", "")


@pytest.mark.parametrize("kinds, code", [("removed", 0), ("removed,strengthened", 1), ("reworded", 1),
                                         ("weakened", 0)])
def test_fail_on(kinds: str, code: int) -> None:
    assert run(*case("law-reworded"), "-q", "--fail-on", kinds).exit_code == code


@pytest.mark.parametrize("name, kinds, code", [("policy-modal-unrelated", "weakened", 0),
                                               ("policy-modal-unrelated", "reworded", 1),
                                               ("law-modal-prohibition", "strengthened", 1),
                                               ("law-modal-prohibition", "weakened", 1)])
def test_fail_on_modal_shifts(name: str, kinds: str, code: int) -> None:
    assert run(*case(name), "-q", "--fail-on", kinds).exit_code == code


def test_fail_on_unknown_kind_is_trouble() -> None:
    result = run(*case("law-reworded"), "--fail-on", "deleted")
    assert result.exit_code == 2 and "unknown kind deleted" in result.stderr


def test_missing_file_is_one_line_and_exit_2() -> None:
    old, _ = case("identical")
    result = run(old, "no-such-file.txt")
    assert result.exit_code == 2
    assert result.stderr == "govtext: error: no-such-file.txt: no such file\n"
    assert "Traceback" not in result.output


def test_bad_userdict_is_trouble(tmp_path) -> None:
    bad = tmp_path / "dict.txt"
    bad.write_text("一网通办 many\n", encoding="utf-8")
    result = run(*case("law-reworded"), "--userdict", str(bad))
    assert result.exit_code == 2 and result.stderr.startswith("govtext: error: ")


def test_userdict_adds_terms(tmp_path) -> None:
    # 县级以上人民政府有关部门 is new in 第四条; as a user word it is both a term the report
    # tracks and one token the word diff never cuts.
    word = "县级以上人民政府有关部门"
    words = tmp_path / "dict.txt"
    words.write_text(f"{word}\n", encoding="utf-8")

    def report(*extra):
        result = run(*case("law-reworded"), "--format", "json", *extra)
        assert result.exit_code == 1
        data = json.loads(result.stdout)
        edits = [e["new"] for c in data["changes"] for e in c.get("edits", [])]
        return {t["term"]: (t["kind"], t["old_count"], t["new_count"]) for t in data["terms"]}, edits

    terms, edits = report("--userdict", str(words))
    assert terms[word] == ("appeared", 0, 1)
    assert any(word in new for new in edits)
    plain_terms, plain_edits = report()
    assert word not in plain_terms and not any(word in new for new in plain_edits)


def test_stdin_as_one_side() -> None:
    old, new = case("law-reworded")
    with open(new, encoding="utf-8") as fh:
        result = run(old, "-", "--format", "json", input=fh.read())
    assert result.exit_code == 1
    assert json.loads(result.stdout)["new"]["path"] == "-"


def test_both_stdin_is_refused() -> None:
    assert run("-", "-").exit_code == 2


@pytest.mark.parametrize("fmt", ["terminal", "text", "json", "xml", "html", "markdown"])
def test_output_file_written_atomically(tmp_path, fmt: str) -> None:
    target = tmp_path / "report.out"
    result = run(*case("law-reworded"), "--format", fmt, "-o", str(target))
    assert result.exit_code == 1 and result.stdout == ""
    assert target.read_text(encoding="utf-8").strip()
    assert [p.name for p in tmp_path.iterdir()] == ["report.out"]


def test_help_documents_exit_codes() -> None:
    result = CliRunner().invoke(main, ["diff", "--help"])
    assert result.exit_code == 0 and "Exit status" in result.stdout and "--fail-on" in result.stdout
