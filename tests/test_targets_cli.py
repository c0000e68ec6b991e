"""``govtext targets``, ``diff --fail-on targets`` and the history table, from the outside."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from conftest import FIXTURES
from govtext.cli import main

HERE = FIXTURES / "targets"
PLAN = str(HERE / "review-vs-plan.txt")
DELTA = str(HERE / "delta.txt")


def run(*args: str):
    return CliRunner().invoke(main, list(args))


def test_json_contract_version_1():
    result = run("targets", PLAN, "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert (data["format"], data["version"]) == ("govtext/targets", 1)
    (doc,) = data["documents"]
    assert doc["year"] == 2031 and doc["title"] == "政府工作报告"
    first = doc["targets"][0]
    assert set(first) == {"indicator", "value", "low", "high", "unit", "qualifier", "delta", "figure", "text", "line",
                          "span", "node"}
    assert (first["indicator"], first["value"], first["unit"], first["qualifier"]) == ("国内生产总值增长", 4.5, "%", "左右")


def test_terminal_list_per_document():
    result = run("targets", PLAN)
    assert result.exit_code == 0
    assert "国内生产总值增长" in result.stdout and "4.5%左右" in result.stdout
    assert "5.3%" not in result.stdout  # the review


def test_series_table_in_every_format(tmp_path):
    files = [str(HERE / "ranges.txt"), PLAN]
    terminal = run("targets", *files)
    assert "targets by year (2 documents)" in terminal.stdout
    csv_out = run("targets", *files, "--format", "csv").stdout
    # Two documents of one year: their file names head the columns.
    assert csv_out.splitlines()[0] == ("indicator,core,ranges,ranges_value,ranges_unit,"
                                       "review-vs-plan,review-vs-plan_value,review-vs-plan_unit")
    assert "国内生产总值增长,True,4%－4.5%,4.5,%,4.5%左右,4.5,%" in csv_out
    html = run("targets", *files, "--format", "html").stdout
    assert html.startswith("<!DOCTYPE html>") and "<svg" in html and "<script" not in html
    joined = json.loads(run("targets", *files, "--format", "json").stdout)
    assert joined["table"]["years"] == ["ranges", "review-vs-plan"]


@pytest.mark.parametrize("name, start", [("t.json", "{"), ("t.csv", "indicator,"), ("t.html", "<!DOCTYPE")])
def test_output_format_from_the_extension(tmp_path, name, start):
    out = tmp_path / name
    result = run("targets", PLAN, "-o", str(out))
    assert result.exit_code == 0 and result.stdout == ""
    assert out.read_text(encoding="utf-8").startswith(start)


def test_parquet_needs_a_file(tmp_path):
    pytest.importorskip("pyarrow")
    out = tmp_path / "t.parquet"
    assert run("targets", PLAN, DELTA, "-o", str(out)).exit_code == 0
    import pyarrow.parquet as pq

    table = pq.read_table(out)
    assert table.column("indicator")[0].as_py() == "国内生产总值增长"
    assert run("targets", PLAN, "--format", "parquet").exit_code == 2


def test_user_errors_are_one_line_and_exit_2(tmp_path):
    missing = run("targets", str(tmp_path / "nothing.txt"))
    assert missing.exit_code == 2 and "Traceback" not in missing.output
    bad = tmp_path / "bad.toml"
    bad.write_text("[[indicator]]\naliases = [1]\n", encoding="utf-8")
    result = run("targets", PLAN, "--lexicon", str(bad))
    assert result.exit_code == 2 and result.stderr.count("\n") == 1


def test_diff_shows_targets_block_and_fails_on_targets():
    result = run("diff", PLAN, DELTA, "--format", "text")
    lines = result.stdout.splitlines()
    block = lines[lines.index("targets changed"):]
    assert "  赤字率 → " not in block
    assert "  new: 赤字率 4%左右" in block and "  dropped: 国内生产总值增长 4.5%左右" in block
    assert run("diff", PLAN, DELTA, "-q", "--fail-on", "targets").exit_code == 1
    assert run("diff", PLAN, PLAN, "-q", "--fail-on", "targets").exit_code == 0
    data = json.loads(run("diff", PLAN, DELTA, "--format", "json").stdout)
    changes = [(t["change"], t["indicator"]) for t in data["targets"]]
    assert changes[:5] == [("dropped", "国内生产总值增长"), ("dropped", "居民消费价格涨幅"), ("dropped", "城镇新增就业"),
                           ("dropped", "城镇调查失业率"), ("new", "赤字率")]
    assert "## targets changed" in run("diff", PLAN, DELTA, "--format", "markdown").stdout
    assert '<section class="targets">' in run("diff", PLAN, DELTA, "--format", "html").stdout


def test_fail_on_targets_with_other_kinds_and_unknown_kind():
    assert run("diff", PLAN, PLAN, "-q", "--fail-on", "targets,removed").exit_code == 0
    assert run("diff", PLAN, DELTA, "-q", "--fail-on", "removed").exit_code == 1
    assert run("diff", PLAN, DELTA, "-q", "--fail-on", "target").exit_code == 2


def test_history_shows_the_targets_table():
    result = run("history", "--jobs", "1", "--order", "given", str(HERE / "ranges.txt"), PLAN)
    assert result.exit_code == 0, result.output
    assert "targets by year (2 documents)" in result.stdout


def test_terminal_diff_report_carries_the_block():
    from govtext.cli.console import make_console
    from govtext.diff import diff_documents
    from govtext.pipeline import load
    from govtext.report import render_report
    from govtext.targets.compare import compare_targets

    old, new = load(PLAN), load(DELTA)
    report = render_report("terminal", diff_documents(old, new), targets=compare_targets(old, new))
    console = make_console(file_output=True)  # govtext's theme: the styles the report names
    console.print(report)
    text = console.export_text()
    assert "targets changed" in text and "new: 赤字率 4%左右" in text
