"""The history's renderers: the JSON contract, the CSV ledger, the terminal and HTML views."""

from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess
from html.parser import HTMLParser

import pytest

from conftest import FIXTURES
from govtext.cli.console import make_console
from govtext.history import build_history
from govtext.report import history_csv, history_html, history_json, history_terminal

POLICY = FIXTURES / "history" / "policy"
LAW = FIXTURES / "history" / "law"


@pytest.fixture(scope="module")
def policy():
    return build_history([str(POLICY)], jobs=1, keep_diffs=True)


def test_json_contract(policy) -> None:
    data = json.loads(history_json.render(policy))
    assert data["format"] == "govtext/history" and data["version"] == 1
    assert set(data) >= {"versions", "lineages", "terms", "blame"}
    n = len(data["versions"])
    assert n == 3
    for version in data["versions"]:
        assert set(version) >= {"label", "path", "date", "sha256"}
        assert len(version["sha256"]) == 64
    assert data["versions"][0]["changes"] is None
    assert [v["changes"] for v in data["versions"][1:]] == [step.summary for step in policy.steps]
    for lineage in data["lineages"]:
        assert set(lineage) >= {"id", "type", "nodes", "events"}
        assert len(lineage["nodes"]) == n
        assert all(node is None or set(node) >= {"id", "number", "title"} for node in lineage["nodes"])
        assert all(set(e) >= {"version", "change"} and 0 <= e["version"] < n for e in lineage["events"])
    for term in data["terms"]:
        assert set(term) >= {"term", "counts", "first", "last"} and len(term["counts"]) == n
        assert all(isinstance(c, int) for c in term["counts"])
    for entry in data["blame"]:
        assert set(entry) >= {"id", "since", "changed"} and 0 <= entry["since"] <= entry["changed"] < n
    gap = next(lin for lin in data["lineages"] if lin["id"] == "report-2021/s1/i3")
    assert gap["nodes"][1] is None and gap["nodes"][2]["title"] == "稳步推进乡村振兴"
    assert gap["events"] == [{"version": 1, "change": "removed"}, {"version": 2, "change": "added"}]


def test_json_is_the_records(policy) -> None:
    data = json.loads(history_json.render(policy))
    assert [t["term"] for t in data["terms"]] == [row.term for row in policy.terms]
    assert [lin["id"] for lin in data["lineages"]] == [lin.id for lin in policy.lineages]
    assert [(b["id"], b["since"], b["changed"]) for b in data["blame"]] == \
        [(b.id, b.since, b.changed) for b in policy.blame]


def test_pairs_are_diff_json_lines(policy) -> None:
    lines = history_json.render_pairs(policy).splitlines()
    assert len(lines) == 2
    for line, (old, new) in zip(lines, [(0, 1), (1, 2)]):
        step = json.loads(line)
        assert step["format"] == "govtext/diff"
        assert (step["old"]["sha256"], step["new"]["sha256"]) == \
            (policy.versions[old].sha256, policy.versions[new].sha256)


def test_pairs_need_the_kept_diffs() -> None:
    slim = build_history([str(LAW)], jobs=1)
    assert slim.steps[0].result is None and slim.steps[0].changes
    with pytest.raises(ValueError, match="keep_diffs"):
        history_json.render_pairs(slim)


def test_csv_is_term_by_version(policy) -> None:
    rows = list(csv.reader(io.StringIO(history_csv.render(policy))))
    assert rows[0] == ["term", "report-2021", "report-2022", "report-2023"]
    table = {row[0]: [int(c) for c in row[1:]] for row in rows[1:]}
    assert len(table) == len(policy.terms)
    assert table["乡村振兴"] == [1, 0, 1]
    assert table["加快发展数字经济"] == [0, 1, 0]  # appeared, then disappeared: found by the steps


def test_terminal_view(policy) -> None:
    console = make_console(file_output=True)
    console.print(history_terminal.render(policy))
    out = console.export_text()
    assert "3 versions: report-2021 → report-2023" in out
    assert "1 reworded" in out and "--format html" in out
    assert "===" in out  # a top-level section standing unchanged in all three
    assert "blame report-2023: 1 of 4 articles/items changed in it: （三）稳步推进乡村振兴" in out


class _Charts(HTMLParser):
    """Counts the points of each ledger chart (circles inside svg.chart)."""

    def __init__(self) -> None:
        super().__init__()
        self.charts: list[int] = []
        self.inside = False

    def handle_starttag(self, tag, attrs):
        if tag == "svg" and ("class", "chart") in attrs:
            self.charts.append(0)
            self.inside = True
        elif tag == "circle" and self.inside:
            self.charts[-1] += 1

    def handle_endtag(self, tag):
        if tag == "svg":
            self.inside = False


def test_html_is_self_contained(policy) -> None:
    page = history_html.render(policy)
    assert page.startswith("<!DOCTYPE html>") and "<script" not in page
    assert "http://" not in page and "https://" not in page
    parser = _Charts()
    parser.feed(page)
    assert parser.charts and all(points == 3 for points in parser.charts)
    assert 'class="mark changed">changed report-2023<' in page
    assert page.count('<span class="age') == sum(1 for e in policy.blame if e.type in history_html.SENTENCE_TYPES)


def test_html_escapes_document_text(tmp_path) -> None:
    for year, body in (("2021", "要<b>加强</b>管理。"), ("2022", "要<b>加强</b>管理&监督。")):
        (tmp_path / f"r-{year}.txt").write_text(f"一、总体要求\n（一）坚持依法行政。{body}\n", "utf-8")
    page = history_html.render(build_history([str(tmp_path)], jobs=1))
    assert "<b>" not in page and "&lt;b&gt;加强" in page


BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome")


def _browser() -> str:
    for name in BROWSERS:
        found = shutil.which(name)
        if found:
            return found
    pytest.skip("no headless browser installed (chromium, google-chrome)")


def test_html_renders_in_a_headless_browser(policy, tmp_path) -> None:
    browser = _browser()
    page = tmp_path / "history.html"
    page.write_text(history_html.render(policy), "utf-8")
    flags = [browser, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
             f"--user-data-dir={tmp_path / 'profile'}"]
    dom = subprocess.run(flags + ["--dump-dom", page.as_uri()], capture_output=True, text=True, timeout=120)
    assert dom.returncode == 0, dom.stderr[-2000:]
    parser = _Charts()
    parser.feed(dom.stdout)  # the DOM as the browser built it, not the file as written
    assert parser.charts, "no ledger chart in the rendered page"
    assert all(points == len(policy.versions) for points in parser.charts)
    shot = tmp_path / "shot.png"
    subprocess.run(flags + [f"--screenshot={shot}", "--window-size=1200,900", page.as_uri()],
                   capture_output=True, timeout=120, check=True)
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 5000


@pytest.mark.parametrize("fmt", ["terminal", "json", "csv", "html"])
def test_golden(monkeypatch, fmt: str) -> None:
    from conftest import ROOT, assert_golden

    monkeypatch.chdir(ROOT)  # relative paths: the JSON names its files as given
    history = build_history(["fixtures/history/policy"], jobs=1)
    if fmt == "terminal":
        console = make_console(file_output=True)
        console.print(history_terminal.render(history))
        out = console.export_text()
    else:
        out = {"json": history_json, "csv": history_csv, "html": history_html}[fmt].render(history)
    assert_golden(f"history-policy.{ 'txt' if fmt == 'terminal' else fmt}", out)


@pytest.mark.parametrize("width", [60, 80, 200])
def test_terminal_ledger_fits_the_width(width: int, tmp_path) -> None:
    from rich.console import Console

    from govtext.render.theme import THEME

    # a long series: 40 versions, one term rising
    for year in range(1980, 2020):
        (tmp_path / f"r-{year}.txt").write_text(f"一、总体要求\n（一）坚持依法行政。{'推动高质量发展。' * (year % 7)}\n", "utf-8")
    history = build_history([str(tmp_path)], jobs=1)
    console = Console(file=io.StringIO(), width=width, record=True, color_system=None, theme=THEME)
    console.print(history_terminal.render(history))
    lines = console.export_text().splitlines()
    ledger = [line for line in lines if "高质量发展 " in line]
    assert ledger, "the term's row is missing"
    assert all(len(line) <= width for line in lines)
    cells = [cell.strip() for cell in ledger[0].split("│")[1:-1]]
    spark = cells[1]
    if width == 60:  # too narrow for a cell per version: the latest ones, and no first/last
        assert spark.startswith("…") and len(spark) < 40 and len(cells) == 3
    elif width == 80:  # room for the sparkline, not for first and last beside it
        assert len(spark) == 40 and len(cells) == 3
    else:
        assert len(spark) == 40 and cells[2:4] == ["r-1980", "r-2019"]  # 1981 % 7 == 0: a gap, not an end


@pytest.mark.parametrize("since, target, bucket", [(49, 49, 4), (48, 49, 3), (45, 49, 2), (44, 49, 1), (0, 49, 0),
                                                   (0, 1, 3), (1, 1, 4), (0, 0, 4)])
def test_blame_tint_by_age_in_versions(since: int, target: int, bucket: int) -> None:
    assert history_html._bucket(since, target) == bucket
