"""The acceptance checks on real documents (../shared/corpus; skipped where absent).

Kept few: each file is parsed once, the 刑法 pair diffed once.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

import pytest

from conftest import corpus_cases, corpus_file, corpus_files
from govtext.diff import diff_documents
from govtext.diff.align import GENRE_FLOORS, GENRE_THRESHOLDS, THRESHOLD, align
from govtext.diff.units import build_units
from govtext.pipeline import load


@lru_cache(maxsize=None)
def _load(name: str):
    return load(str(corpus_file(name)))


@lru_cache(maxsize=None)
def _diff(old: str, new: str):
    return diff_documents(_load(old), _load(new))


@pytest.mark.parametrize("path", corpus_cases(), ids=lambda p: p.name)
def test_diff_with_itself_is_empty(path) -> None:
    doc = load(str(path))
    result = diff_documents(doc, doc)
    assert result.changes == () and result.terms == ()
    assert result.return_code() == 0


def test_xingfa_reports_exactly_the_amended_articles() -> None:
    result = _diff("law-xingfa-2020.txt", "law-xingfa-2023.txt")
    articles = [c for c in result.changes if (c.new or c.old).type == "article"]
    assert [c.new.number for c in articles] == [
        "第一百六十五条", "第一百六十六条", "第一百六十九条",
        "第三百八十七条", "第三百九十条", "第三百九十一条", "第三百九十三条",
    ]
    assert all(c.change == "reworded" for c in articles)
    others = [c for c in result.changes if c not in articles]
    assert [c.change for c in others] == ["added", "added"]
    assert "刑法修正案（十二）" in others[0].new.text  # the history line in the header
    assert others[1].new.text.startswith("①")  # the footnote at the end


def test_lifafa_renumbers_instead_of_removing_and_adding() -> None:
    result = _diff("law-lifafa-2015.txt", "law-lifafa-2023.txt")
    renumbered = [c for c in result.changes if c.change == "renumbered"]
    # 58 articles unchanged character for character, 3 more differing only in a colon's width.
    assert len(renumbered) == 61
    assert sum(c.old.text.split(" ", 1)[1] == c.new.text.split(" ", 1)[1] for c in renumbered) == 58
    added_articles = [c for c in result.changes if c.change == "added" and c.new.type == "article"]
    assert 12 <= len(added_articles) <= 18
    assert result.summary["removed"] <= 2


def test_work_report_terms() -> None:
    result = _diff("gwr-2024.txt", "gwr-2025.txt")
    appeared = {t.term for t in result.terms if t.kind == "appeared"}
    assert "提升社会治理效能" in appeared
    assert result.summary["reworded"] + result.summary["renamed"] >= 10


def test_congress_report_terms() -> None:
    result = _diff("cpc-congress-19-2017.txt", "cpc-congress-20-2022.txt")
    appeared = {t.term for t in result.terms if t.kind == "appeared"}
    assert {"提升社会治理效能", "中国式现代化"} <= appeared


# --- acceptance of the content-based alignment on successive policy texts -------------------
POLICY_PAIRS = [("gwr-2018.txt", "gwr-2019.txt"), ("gwr-2021.txt", "gwr-2022.txt"), ("gwr-2022.txt", "gwr-2023.txt"),
                ("gwr-2023.txt", "gwr-2024.txt"), ("gwr-2024.txt", "gwr-2025.txt"),
                ("cpc-congress-19-2017.txt", "cpc-congress-20-2022.txt")]

_NUMBERED_LEAD = re.compile(r"^\s*([一二三四五六七八九十]+、|（[一二三四五六七八九十]+）)([^。；！？]*)")


def _leads(name: str) -> Counter:
    """Section headings and （X） leads read straight from the text, not through the parser."""
    found: Counter = Counter()
    for line in corpus_file(name).read_text(encoding="utf-8").splitlines():
        m = _NUMBERED_LEAD.match(line)
        if m:
            found[m[2].strip()] += 1
    return found


def _identical_leads(old: str, new: str) -> list[str]:
    a, b = _leads(old), _leads(new)
    return [lead for lead in a if a[lead] == 1 and b.get(lead) == 1]


def test_identical_leads_are_matched() -> None:
    total = 0
    for old, new in POLICY_PAIRS:
        leads = _identical_leads(old, new)
        total += len(leads)
        units_old, units_new = build_units(_load(old)), build_units(_load(new))
        alignment = align(units_old, units_new)
        for lead in leads:
            [i] = [u.index for u in units_old if u.number and (u.title or "").rstrip("。") == lead]
            [j] = [u.index for u in units_new if u.number and (u.title or "").rstrip("。") == lead]
            assert alignment.pairs.get(i) == j, (old, lead)
    # Counted with _leads from the texts: work reports retitle every item year on year;
    # the congress reports keep one section heading.
    assert total == 1


@pytest.mark.parametrize("old, new", POLICY_PAIRS, ids=lambda name: name.split(".")[0])
def test_no_pair_below_the_threshold_is_renamed_or_reworded(old: str, new: str) -> None:
    result = _diff(old, new)  # the policy genre's default threshold, and its floor for pairs by place
    for change in result.changes:
        if change.change in ("renamed", "reworded") and change.similarity < GENRE_THRESHOLDS["policy"]:
            if change.by_topic:  # paired by topic: its own score, and the same numbering series
                assert change.similarity > 0 and change.old.type and change.new.type
                continue
            assert change.similarity >= GENRE_FLOORS["policy"], (change.old.title, change.new.title)
            assert change.old.number == change.new.number and change.old.number not in (None, "——")


def _item_nine(result) -> list[tuple]:
    return [(c.change, c.old and c.old.number, c.new and c.new.number) for c in result.changes
            if (c.old and (c.old.title or "").startswith("加强生态文明建设"))
            or (c.new and (c.new.title or "").startswith("协同推进降碳减污扩绿增长"))]


def test_work_report_items_evolving_are_paired_by_default_and_not_under_an_explicit_line() -> None:
    # （九）加强生态文明建设 → （九）协同推进降碳减污扩绿增长 scores 0.475: the same item evolving.
    assert _item_nine(_diff("gwr-2024.txt", "gwr-2025.txt")) == [("reworded", "（九）", "（九）")]
    strict = diff_documents(_load("gwr-2024.txt"), _load("gwr-2025.txt"), threshold=THRESHOLD)
    assert sorted(_item_nine(strict), key=str) == [("added", None, "（九）"), ("removed", "（九）", None)]
    assert all(c.similarity >= THRESHOLD for c in strict.changes if c.change in ("renamed", "reworded"))
