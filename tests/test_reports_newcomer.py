"""Reports that read well (issue 19): what a first-time reader of each report tripped on."""

from __future__ import annotations

import dataclasses
import re

from click.testing import CliRunner

from conftest import FIXTURES
from govtext.cli import main
from govtext.history import build_history
from govtext.report import history_html
from govtext.report.history_view import top_movers

POLICY_VERSIONS = FIXTURES / "history" / "policy"


def test_top_movers_leave_out_terms_that_did_not_move():
    history = build_history([str(POLICY_VERSIONS)], jobs=1)
    term = history.terms[0]
    still = dataclasses.replace(term, term="社会组织", counts=(1,) * len(history.versions), first=0,
                                last=len(history.versions) - 1)
    moved = dataclasses.replace(term, term="新质生产力", counts=(0,) * (len(history.versions) - 1) + (2,),
                                first=len(history.versions) - 1, last=len(history.versions) - 1)
    shown = [row.term for row in top_movers(dataclasses.replace(history, terms=(still, moved)))]
    assert shown == ["新质生产力"]


def test_history_html_lists_versions_down_the_page():
    history = build_history([str(POLICY_VERSIONS)], jobs=1)
    page = history_html.render(history)
    table = page[page.index('<table class="versions">'):]
    table = table[: table.index("</table>")]
    assert table.count("<tr>") == len(history.versions) + 1  # a header, then one row per version


def test_markdown_keeps_the_space_after_an_article_number():
    law = FIXTURES / "diff" / "law-reworded"
    result = CliRunner().invoke(main, ["diff", str(law / "old.txt"), str(law / "new.txt"), "--format", "markdown"])
    assert "> 第四条 <ins>县级以上人民政府</ins>" in result.stdout


def test_ledger_names_the_files_it_skipped(tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    for path in (FIXTURES / "ledger" / "reports").iterdir():
        (folder / path.name).write_bytes(path.read_bytes())
    (folder / "notes.md").write_text("# notes\n", "utf-8")
    result = CliRunner().invoke(main, ["ledger", str(folder), "--terms", str(FIXTURES / "ledger" / "terms.txt")])
    assert result.exit_code == 0, result.output
    assert re.search(r"^skipped: .*notes\.md: not a document type govtext reads$", result.stdout, re.M)
