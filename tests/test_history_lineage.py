"""Lineages and blame from the step records: enumerations, kinds the differ may add, XML input."""

from __future__ import annotations

import re
from dataclasses import replace
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from conftest import FIXTURES
from govtext.cli import main
from govtext.history import build_history
from govtext.history.blame import build_blame
from govtext.history.digest import digest
from govtext.history.lineage import build_lineages
from govtext.history.records import Step
from govtext.pipeline import load
from govtext.report import history_html
from govtext.report.history_view import cell

HISTORY = FIXTURES / "history"
PACKAGE = Path(__file__).resolve().parents[1] / "govtext"


def test_enumerations_keep_their_lineage_by_lead() -> None:
    history = build_history([str(HISTORY / "enumeration")], jobs=1)
    rows = {lin.nodes[0].title if lin.nodes[0] else lin.nodes[1].title: lin
            for lin in history.lineages if lin.type == "enumeration"}
    assert set(rows) == {"加大宏观调控力度", "深化改革扩大开放", "着力抓好民生保障", "加快建设现代化产业体系"}
    assert rows["加大宏观调控力度"].events == ()
    assert [(e.version, e.change) for e in rows["深化改革扩大开放"].events] == [(1, "reworded")]
    assert [e.change for e in rows["着力抓好民生保障"].events] == ["removed"]
    assert [e.change for e in rows["加快建设现代化产业体系"].events] == ["added"]
    blame = {e.label: (e.since, e.changed) for e in history.blame if e.type == "enumeration"}
    # named as the diff names them: number and lead clause (govtext.diff.records.unit_label)
    assert blame == {"一是加大宏观调控力度": (0, 0), "二是深化改革扩大开放": (0, 1), "三是加快建设现代化产业体系": (1, 1)}


def _law_digests():
    return [digest(load(str(HISTORY / "law" / name)), name, name) for name in ("zeta.txt", "alpha.txt")]


def test_change_kinds_the_differ_may_add_are_kept_as_they_come() -> None:
    digests = _law_digests()
    ids = [node.id for node in digests[0].nodes]
    assert ids == ["a1", "a2", "a3"]
    step = Step({"reference-updated": 1, "replaced-throughout": 1},
                (("reference-updated", "a2", "a2"), ("replaced-throughout", "a3", "a3")), ())
    lineages = build_lineages(digests, [step])
    events = {lin.nodes[0].id: [(e.version, e.change) for e in lin.events] for lin in lineages}
    assert events == {"a1": [], "a2": [(1, "reference-updated")], "a3": [(1, "replaced-throughout")]}
    blame = {e.id: e.changed for e in build_blame(digests, lineages, 1) if e.type == "article"}
    assert blame == {"a1": 0, "a2": 1, "a3": 1}  # an unknown kind changes the words unless known not to


def test_renumbered_and_moved_do_not_count_as_changes() -> None:
    digests = _law_digests()
    step = Step({}, (("renumbered", "a2", "a2"), ("moved", "a3", "a3")), ())
    lineages = build_lineages(digests, [step])
    blame = {e.id: e.changed for e in build_blame(digests, lineages, 1) if e.type == "article"}
    assert blame == {"a1": 0, "a2": 0, "a3": 0}


def test_split_and_merge_link_the_pieces() -> None:
    digests = _law_digests()
    split = Step({}, (("split", "a1", "a1"), ("split", "a1", "a2"), ("merged", "a2", "a3"), ("merged", "a3", "a3")), ())
    lineages = build_lineages(digests, [split])
    by_first = {(lin.nodes[0].id if lin.nodes[0] else None, lin.nodes[1].id if lin.nodes[1] else None):
                [e.change for e in lin.events] for lin in lineages}
    assert by_first == {("a1", "a1"): ["split"], (None, "a2"): ["split"],
                        ("a2", "a3"): ["merged"], ("a3", None): ["merged"]}


def test_unknown_kinds_render() -> None:
    history = build_history([str(HISTORY / "law")], jobs=1)
    lineages = build_lineages(_law_digests(), [Step({}, (("reference-updated", "a2", "a2"),), ())])
    history = replace(history, lineages=lineages)
    a2 = next(lin for lin in lineages if lin.nodes[0].id == "a2")
    assert cell(a2, 0) == ("=", None) and cell(a2, 1) == ("*", "reference-updated")
    page = history_html.render(history)
    assert 'title="alpha: reference-updated">*</td>' in page


def test_govtext_xml_versions(tmp_path) -> None:
    for name in ("zeta", "alpha"):
        result = CliRunner().invoke(main, ["xml", str(HISTORY / "law" / f"{name}.txt"), "-o",
                                           str(tmp_path / f"{name}.xml")])
        assert result.exit_code == 0, result.output
    history = build_history([str(tmp_path)], jobs=1)
    assert [v.label for v in history.versions] == ["zeta", "alpha"]  # dated from the text the XML keeps
    assert {e.label: e.changed for e in history.blame if e.type == "article"} == {"第一条": 0, "第二条": 1, "第三条": 0}


def test_history_package_keeps_libraries_in_their_corners() -> None:
    pattern = re.compile(r"^\s*(import|from)\s+(rich|click|lxml|jieba)\b", re.MULTILINE)
    offenders = [path.name for path in (PACKAGE / "history").glob("*.py") if pattern.search(path.read_text("utf-8"))]
    assert offenders == []
    code = ("import sys\nimport govtext.history.series, govtext.report.history_json, govtext.report.history_html\n"
            "assert not {'jieba', 'rich', 'click', 'lxml'} & set(sys.modules), sys.modules.keys()\n")
    subprocess.run([sys.executable, "-c", code], check=True)
