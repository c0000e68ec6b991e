"""`govtext history` on small series written for it: ordering, lineages with gaps, blame."""

from __future__ import annotations

import pytest

from conftest import FIXTURES
from govtext.history import HistoryError, build_history
from govtext.history.order import expand, header_date, labels, name_date, order
from govtext.history.series import split_runs

POLICY = FIXTURES / "history" / "policy"
LAW = FIXTURES / "history" / "law"


@pytest.fixture(scope="module")
def policy():
    return build_history([str(POLICY)], jobs=1)


@pytest.fixture(scope="module")
def law():
    return build_history([str(LAW)], jobs=1)


def _lineage(history, version: int, node_id: str):
    found = [lin for lin in history.lineages if lin.nodes[version] and lin.nodes[version].id == node_id]
    assert len(found) == 1, found
    return found[0]


def test_header_dates_order_a_law_whatever_its_file_names(law) -> None:
    assert [v.label for v in law.versions] == ["zeta", "alpha"]
    assert [v.date for v in law.versions] == ["2020-01-01", "2023-06-01"]


def test_order_given_keeps_the_command_line() -> None:
    history = build_history([str(LAW / "alpha.txt"), str(LAW / "zeta.txt")], order_mode="given", jobs=1)
    assert [v.label for v in history.versions] == ["alpha", "zeta"]


@pytest.mark.parametrize("text, expected", [
    ("中华人民共和国刑法\n1979年7月1日 通过\n2023年12月29日 第十四届……修正\n第一条 ……", "2023-12-29"),
    ("报告\n（二〇二一年三月五日在第十三届全国人民代表大会第四次会议上）\n各位代表：", "2021-03-05"),
    ("报告\n——２０２４年３月５日在大会上\n", "2024-03-05"),
    # a date the text mentions is not its own: not at a line's start, or in the body
    ("各位代表：\n本届政府1998年3月就职，任期即将结束。\n", None),
    ("第一条 2020年1月1日起施行。\n", None),
])
def test_header_date(text: str, expected: str | None) -> None:
    found = header_date(text)
    assert (found.text if found else None) == expected


def test_name_year_and_labels() -> None:
    assert name_date("series/gwr-1984.txt").text == "1984"
    assert name_date("draft.txt") is None
    assert labels(["a/x.txt", "b/x.txt", "c/y.xml"]) == ["x", "x#2", "y"]


def test_undated_versions_need_order_given() -> None:
    with pytest.raises(HistoryError, match="--order given"):
        order(["draft.txt", "final.txt"], ["甲", "乙"])
    assert order(["draft.txt", "final.txt"], ["甲", "乙"], "given")[0] == [0, 1]


def test_folder_expands_to_its_documents_only(tmp_path) -> None:
    (tmp_path / "b.txt").write_text("乙", "utf-8")
    (tmp_path / "a.xml").write_text("<x/>", "utf-8")
    (tmp_path / "c.docx").write_bytes(b"PK")
    (tmp_path / "MANIFEST.tsv").write_text("file", "utf-8")
    assert [p.rsplit("/", 1)[1] for p in expand([str(tmp_path)])] == ["a.xml", "b.txt", "c.docx"]
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(HistoryError, match="no documents"):
        expand([str(empty)])


def test_one_version_is_refused() -> None:
    with pytest.raises(HistoryError, match="at least two versions"):
        build_history([str(LAW / "alpha.txt")])


@pytest.mark.parametrize("sizes, parts", [([5] * 10, 2), ([1, 50, 1, 1, 1, 50, 1], 3), ([3, 3], 4), ([2] * 50, 1)])
def test_runs_cover_every_pair_once(sizes, parts) -> None:
    runs = split_runs(sizes, parts)
    assert runs[0][0] == 0 and runs[-1][1] == len(sizes) - 1
    assert all(a < b for a, b in runs)
    assert all(runs[k][1] == runs[k + 1][0] for k in range(len(runs) - 1))
    assert len(runs) == min(parts, len(sizes) - 1)


def test_reworded_item_keeps_its_lineage(policy) -> None:
    lineage = _lineage(policy, 0, "s1/i1")
    assert [ref.title for ref in lineage.nodes] == ["着力扩大国内需求"] * 3
    assert [(e.version, e.change) for e in lineage.events] == [(1, "reworded")]


def test_item_that_returns_is_one_lineage_with_a_gap(policy) -> None:
    lineage = _lineage(policy, 0, "s1/i3")
    assert lineage.nodes[1] is None and lineage.nodes[2].title == "稳步推进乡村振兴"
    assert [(e.version, e.change) for e in lineage.events] == [(1, "removed"), (2, "added")]
    assert sum(1 for lin in policy.lineages if any(r and r.title == "稳步推进乡村振兴" for r in lin.nodes)) == 1


def test_unchanged_nodes_have_no_events(policy) -> None:
    for node_id in ("s1", "s1/i2", "s2", "s2/i1"):
        lineage = _lineage(policy, 0, node_id)
        assert lineage.events == () and all(ref is not None for ref in lineage.nodes)
    assert {lin.id for lin in policy.lineages if lin.top} == {"report-2021/s1", "report-2021/s2"}


def test_sentence_blame_counts_only_unbroken_runs(policy) -> None:
    since = {entry.label: entry.since for entry in policy.blame if entry.type in ("lead", "measure", "statement")}
    assert since["着力扩大国内需求。"] == 0
    assert since["推动消费从疫后恢复转向持续扩大。"] == 1
    assert since["政府投资要发挥好带动作用。"] == 0
    # stood in 2021, gone in 2022, back in 2023: its present run starts in 2023
    assert since["稳步推进乡村振兴。"] == 2


def test_node_blame_names_the_version_that_last_changed_it(policy, law) -> None:
    nodes = {e.id: (e.since, e.changed) for e in policy.blame if e.type == "item"}
    assert nodes == {"s1/i1": (0, 1), "s1/i2": (0, 0), "s1/i3": (2, 2), "s2/i1": (0, 0)}
    articles = {e.label: e.changed for e in law.blame if e.type == "article"}
    assert articles == {"第一条": 0, "第二条": 1, "第三条": 0}


def test_blame_another_version(law) -> None:
    history = build_history([str(LAW)], jobs=1, blame="zeta")
    assert history.blame_version == 0 and {e.since for e in history.blame} == {0}
    with pytest.raises(HistoryError, match="no version 'beta'"):
        build_history([str(LAW)], jobs=1, blame="beta")


def test_parallel_run_gives_the_same_history(policy) -> None:
    parallel = build_history([str(POLICY)], jobs=2)
    assert parallel.lineages == policy.lineages and parallel.terms == policy.terms
    assert parallel.blame == policy.blame


def test_ledger_paths_name_nodes_as_the_diff_does(policy) -> None:
    # One way to label a node: the ledger's 'where' reads like the diff's location of the
    # same term (一、 › （三）, the number as written), never a second spelling (一 › （三）).
    from govtext.diff import diff_documents
    from govtext.pipeline import load

    result = diff_documents(load(str(POLICY / "report-2021.txt")), load(str(POLICY / "report-2022.txt")))
    gone = next(t for t in result.terms if t.term == "稳步推进乡村振兴" and t.old_where)
    diff_where = [" › ".join(o.path + (o.label,)) for o in gone.old_where]
    row = next(r for r in policy.terms if r.term == "稳步推进乡村振兴")
    assert list(row.where[0]) == diff_where == ["一、 › （三）"]
    labels = {entry.id: entry.label for entry in policy.blame}
    assert (labels["s1"], labels["s1/i3"]) == ("一、", "（三）")
