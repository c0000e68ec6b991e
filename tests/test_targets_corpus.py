"""govtext targets on the real work reports: the hand-read gold, the whole 1954–2025 series, the diff.

Skipped where ../shared is absent (a fresh clone)."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from conftest import CORPUS, CORPUS_REASON, ROOT
from govtext.cli import main
from govtext.pipeline import load
from govtext.targets import load_target_lexicon, targets_of
from govtext.targets.series import build_table

GWR = CORPUS / "series" / "gwr"
GOLD = CORPUS.parent / "gold" / "targets" / "gold.json"
CORE = ("国内生产总值增长", "居民消费价格涨幅", "城镇新增就业", "城镇登记失业率", "城镇调查失业率", "赤字率")

pytestmark = pytest.mark.skipif(not GWR.is_dir(), reason=CORPUS_REASON)


def _key(t: dict) -> tuple:
    """score.py's key: line, value (or the low–high range), unit."""
    if t.get("value") is None and t.get("low") is not None:
        number = (round(float(t["low"]), 4), round(float(t["high"]), 4))
    else:
        number = round(float(t["value"]), 4) if t.get("value") is not None else None
    return (int(t["line"]), number, (t.get("unit") or "").strip())


@pytest.fixture(scope="module")
def gold() -> dict:
    if not GOLD.is_file():
        pytest.skip(f"targets gold not found at {GOLD}")
    return json.loads(GOLD.read_text(encoding="utf-8"))["reports"]


def _score(reports: dict) -> tuple[dict[str, tuple[int, int, int, int]], dict[str, set[str]]]:
    """As score.py: per report (found, gold targets not deltas, right, reported), and the names each
    core indicator was reported under."""
    scores, names = {}, {}
    for name, report in reports.items():
        doc = targets_of(load(str(GWR / name)))
        want: dict[tuple, list[dict]] = {}
        for t in report["targets"]:
            if not t["delta"]:
                want.setdefault(_key(t), []).append(t)
        every = {_key(t) for t in report["targets"]}
        got = [{"line": t.line, "value": t.value, "low": t.low, "high": t.high, "unit": t.unit, "indicator": t.indicator}
               for t in doc.targets]
        hit = {_key(t) for t in got} & set(want)
        for t in got:
            match = want.get(_key(t), [])
            if len(match) == 1 and match[0]["indicator"] in CORE:  # two alike on one line: ambiguous
                names.setdefault(match[0]["indicator"], set()).add(t["indicator"])
        scores[name] = (len(hit), len(want), sum(_key(t) in every for t in got), len(got))
    return scores, names


def test_gold_recall_precision_and_one_name_per_core_indicator(gold):
    scores, names = _score(gold)
    for name, (found, total, right, reported) in scores.items():
        assert found / total >= 0.95 and right / reported >= 0.95, name
    found, total, right, reported = (sum(s[i] for s in scores.values()) for i in range(4))
    assert found / total >= 0.95 and right / reported >= 0.95
    assert {k: v for k, v in names.items() if len(v) > 1} == {}
    assert set(names) == set(CORE)


# Read blind, by hand, in reports of other eras than the gold's (benchmarks/data/targets-heldout*.json,
# docs/targets.md "Measured"): the figures after the fixes they prompted are the floor.
HELDOUT = {
    # gwr-2010, 2014, 2005: gold targets found (of 11, 31, 37 not deltas), reported right, and wrong
    "targets-heldout.json": ({"gwr-2005.txt": (11, 15, 0), "gwr-2010.txt": (31, 36, 0), "gwr-2014.txt": (36, 37, 1)},
                             (78, 79), (88, 89)),
    # gwr-2008, 2012, 2001 (of 17, 18, 1); 2012's 已按…4%编制预算 left to the gold (docs/targets.md)
    "targets-heldout2.json": ({"gwr-2008.txt": (17, 24, 0), "gwr-2012.txt": (17, 18, 0), "gwr-2001.txt": (1, 1, 0)},
                              (35, 36), (43, 43)),
    # gwr-2006, 2013, 2004 (of 18, 14, 13), measured blind once after the second round's fixes: 2006's
    # 25l亿元 (a letter l in the source) and 试点县比例40% missed; 2004's 第二期危房改造60亿元 is the gold's call
    "targets-heldout3.json": ({"gwr-2006.txt": (17, 22, 0), "gwr-2013.txt": (14, 15, 0), "gwr-2004.txt": (13, 16, 1)},
                              (44, 45), (53, 54)),
}


@pytest.mark.parametrize("gold_name", sorted(HELDOUT))
def test_heldout_gold_of_other_eras_at_its_floor(gold_name):
    floor, recall, precision = HELDOUT[gold_name]
    reports = json.loads((ROOT / "benchmarks" / "data" / gold_name).read_text(encoding="utf-8"))["reports"]
    scores, names = _score(reports)
    for name, (found, right, wrong) in floor.items():
        f, _, r, reported = scores[name]
        assert f >= found and r >= right and reported - r <= wrong, (name, scores[name])
    found, total, right, reported = (sum(s[i] for s in scores.values()) for i in range(4))
    assert found / total >= recall[0] / recall[1] and right / reported >= precision[0] / precision[1]
    assert {k: v for k, v in names.items() if len(v) > 1} == {}


# Read by hand in each report (the target list, or 2004's 中央提出今年经济增长预期目标为7%左右).
GDP_FROM_2004 = {
    "2004": "7%左右", "2005": "8%左右", "2006": "8%左右", "2007": "8%左右", "2008": "8%左右", "2009": "8%左右",
    "2010": "8％左右", "2011": "8%左右", "2012": "7.5％", "2013": "7.5%左右", "2014": "7.5%左右", "2015": "7%左右",
    "2018": "6.5%左右", "2019": "6%－6.5%", "2021": "6%以上", "2022": "5.5%左右", "2023": "5%左右", "2024": "5%左右",
    "2025": "5%左右",
}


# Before 2004 in Chinese numerals and spaced digits; 2000–2002 set no yearly figure (2001: only
# the 十五 average), 1993's 由原定平均每年百分之六调高到百分之八至九 is the plan's average.
GDP_1992_2003 = {"1992": "百分之六", "1993": "百分之八", "1994": "百分之九", "1995": "百分之八至九", "1997": "８％",
                 "1998": "8 ％", "1999": "7％左右", "2003": "7%左右"}


def test_whole_series_runs_and_the_gdp_row_reads_as_a_reader_reads_it():
    lexicon = load_target_lexicon(None)
    paths = sorted(GWR.glob("gwr-*.txt"))
    assert len(paths) == 50
    table = build_table([targets_of(load(str(p)), lexicon) for p in paths], lexicon)
    gdp = next(row for row in table.rows if row.indicator == "国内生产总值增长")
    read = {label: cell.figure for label, cell in zip(table.labels, gdp.cells) if cell and int(label) >= 2004}
    assert read == GDP_FROM_2004
    earlier = {label: cell.figure for label, cell in zip(table.labels, gdp.cells) if cell and int(label) < 2004}
    assert earlier == GDP_1992_2003


def test_diff_2024_2025_shows_the_targets_block_and_fails_on_it():
    old, new = str(GWR / "gwr-2024.txt"), str(GWR / "gwr-2025.txt")
    result = CliRunner().invoke(main, ["diff", old, new, "--format", "text"])
    lines = result.stdout.splitlines()
    block = lines[lines.index("targets changed") + 1:]
    block = block[:block.index("")]
    assert "  国内生产总值增长 5%左右 → 5%左右  (same)" in block
    assert "  赤字率 3% → 4%左右" in block
    assert "  超长期特别国债 1万亿元 → 1.3万亿元" in block
    assert CliRunner().invoke(main, ["diff", old, new, "-q", "--fail-on", "targets"]).exit_code == 1
    assert CliRunner().invoke(main, ["diff", new, new, "-q", "--fail-on", "targets"]).exit_code == 0
