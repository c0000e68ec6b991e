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


def _diff(old: str, new: str, *options: str, tmp_path) -> str:
    a, b = tmp_path / "old.txt", tmp_path / "new.txt"
    a.write_text(old, "utf-8")
    b.write_text(new, "utf-8")
    return CliRunner().invoke(main, ["diff", str(a), str(b), *options], terminal_width=80).stdout


def test_text_report_puts_the_tifa_first():
    law = FIXTURES / "diff" / "law-reworded"
    out = CliRunner().invoke(main, ["diff", str(law / "old.txt"), str(law / "new.txt")]).stdout
    assert out.index("提法:") < out.index("reworded 第四条")


def test_a_rewording_that_shares_little_is_shown_apart(tmp_path):
    old = ("一、总体要求\n（一）加强生态文明建设，推进绿色低碳发展。深入践行绿水青山就是金山银山的理念，协同推进降碳、减污、"
           "扩绿、增长，建设人与自然和谐共生的美丽中国。推动生态环境综合治理，持续推进长江十年禁渔。\n")
    new = ("一、总体要求\n（一）加强生态文明建设，加快经济社会发展全面绿色转型。进一步深化生态文明体制改革，推进生态优先、"
           "节约集约发展。加强污染防治和生态建设，坚定推进长江十年禁渔，加快发展绿色低碳经济。\n")
    out = _diff(old, new, "--format", "text", tmp_path=tmp_path)
    head = next(line for line in out.splitlines() if line.startswith("reworded"))
    similarity = float(head.rsplit(" ", 1)[1])
    assert similarity < 0.5
    lines = out.splitlines()
    at = lines.index(head)
    assert lines[at + 1].startswith("  - （一）") and lines[at + 2].startswith("  + （一）")


def test_terminal_never_folds_inside_a_number():
    from govtext.report.terminal import _breaks

    text = "居民人均可支配收入实际增长5.1%，" + "城镇调查失业率平均为0.2%，全年增长3,500亿元。" * 3
    for width in range(8, 40):
        for cut in _breaks(text, width):
            assert not (text[cut - 1] in "0123456789.,%" and text[cut] in "0123456789.,%"), (width, text[cut - 3:cut + 3])


def test_a_term_is_not_cut_at_a_quote_mark(tmp_path):
    old = "一、总体要求\n（一）稳定经济增长。要稳定经济。\n"
    new = "一、总体要求\n（一）稳定经济增长。要稳定经济。\n（二）打好政策“组合拳”。加强政策协同。\n"
    out = _diff(old, new, "--format", "text", tmp_path=tmp_path)
    assert "appeared     打好政策“组合拳” 0 → 1" in out


def test_html_contents_first_and_a_renamed_part_once(tmp_path):
    old = ("一、总体要求\n要加强领导，完善工作机制。\n二、保障措施\n（一）加强组织领导。各级党委要加强组织领导，压实工作责任。\n"
           "（二）强化督促检查。要建立督查机制，定期通报工作进展情况。\n")
    new = ("一、总体要求\n要加强领导，完善工作机制。\n二、组织保障\n（一）加强组织领导。各级党委要加强组织领导，压实工作责任。\n"
           "（二）加大宣传力度。要广泛宣传有关政策，营造良好社会氛围。\n")
    page = _diff(old, new, "--format", "html", tmp_path=tmp_path)
    assert page.index('<nav class="toc">') < page.index("<table>")  # contents at the top
    headings = re.findall(r'<h3 class="section" id="s\d+">([^<]*)</h3>', page)
    assert [h for h in headings if h.startswith("二、")] == ["二、组织保障"]
    assert "二、保障措施</a>" not in page
