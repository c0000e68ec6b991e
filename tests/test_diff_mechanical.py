"""Mechanical edits and the reports around them, through the library and the CLI."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from click.testing import CliRunner

from diff_helpers import DIFF_FIXTURES, diff_case
from govtext.cli import main
from govtext.diff.data import variant_spellings
from govtext.diff.mechanical import core, follow_references, is_variant, renumbering


def run(*args: str):
    return CliRunner().invoke(main, ["diff", *args])


def case(name: str) -> tuple[str, str]:
    return str(DIFF_FIXTURES / name / "old.txt"), str(DIFF_FIXTURES / name / "new.txt")


# --- the pieces ---------------------------------------------------------------
def test_core_of_a_replacement() -> None:
    assert core("会计帐簿", "会计账簿") == ("帐", "账")
    assert core("帐目", "账目") == ("帐", "账")
    assert core("可以", "应当") == ("可以", "应当")


def test_references_follow_the_map_at_once() -> None:
    renumbered = renumbering([("第十六条", "第十五条"), ("第十七条", "第十六条"), ("（一）", "（二）")])
    assert renumbered == {"第十六条": "第十五条", "第十七条": "第十六条"}
    text = "依照本法第十六条和第十七条第二款，适用《刑法》第十六条"
    assert follow_references(text, renumbered) == "依照本法第十五条和第十六条第二款，适用《刑法》第十六条"


def test_a_variant_spelling_is_read_from_the_table_and_a_word_is_not() -> None:
    table = variant_spellings()
    assert is_variant(("帐", "账"), table) and is_variant(("账", "帐"), table)
    assert is_variant(("帐簿", "账簿"), table)  # character by character
    assert not is_variant(("其他", "非法人"), table)
    assert not is_variant(("可以", "应当"), table)


# --- the records ----------------------------------------------------------------
def test_variant_spelling_throughout_is_mechanical() -> None:
    result = diff_case("law-variant-spelling")
    [record] = result.changes
    assert (record.change, record.substitution, record.mechanical) == ("replaced-throughout", ("帐", "账"), True)
    assert [s.number for s in record.new_parts] == ["第一条", "第二条", "第三条", "第四条", "第五条"]
    assert result.return_code() == 0
    assert run(*case("law-variant-spelling")).exit_code == 0


def test_a_word_substituted_throughout_is_one_substantive_record() -> None:
    result = diff_case("law-word-substituted")
    [record] = [c for c in result.changes if c.change == "replaced-throughout"]
    assert (record.substitution, record.mechanical) == (("其他", "非法人"), False)
    # Every place, the one with another edit (第四条) included, is in the one record ...
    assert [s.number for s in record.new_parts] == ["第一条", "第二条", "第三条", "第四条", "第五条"]
    # ... and what else changed there is a wording change without the substitution.
    [other] = [c for c in result.changes if c is not record]
    assert other.change == "reworded" and other.new.number == "第四条"
    assert all("其他" not in e.old for e in other.edits)
    assert result.return_code() == 1
    out = run(*case("law-word-substituted"), "--format", "json")
    assert out.exit_code == 1
    [rec] = [c for c in json.loads(out.output)["changes"] if c["change"] == "replaced-throughout"]
    assert rec["mechanical"] is False and len(rec["new_parts"]) == 5
def test_replaced_throughout_is_one_record_with_every_place() -> None:
    result = diff_case("law-replaced-throughout")
    [record] = [c for c in result.changes if c.change == "replaced-throughout"]
    assert record.substitution == ("帐", "账")
    assert [s.number for s in record.new_parts] == ["第二条", "第三条", "第四条", "第五条"]
    assert {(e.old, e.new) for e in record.edits} == {("帐簿", "账簿")}
    # The one real amendment stays a wording change, and sets the exit status.
    assert [c.change for c in result.changes if c is not record] == ["reworded"]
    assert result.return_code() == 1 and result.return_code(frozenset({"removed"})) == 0


def test_substitutions_of_modal_words_are_never_mechanical(tmp_path) -> None:
    from govtext.diff import diff_documents
    from govtext.pipeline import parse_text

    old = "".join(f"第{n}条 有关部门可以对第{n}类活动开展检查。\n" for n in "一二三四")
    new = old.replace("可以", "应当")
    result = diff_documents(parse_text(old, name="a"), parse_text(new, name="b"))
    assert {c.change for c in result.changes} == {"reworded"}


def test_references_following_the_renumbering_are_mechanical() -> None:
    result = diff_case("law-reference-updated")
    updated = [(c.old.number, c.new.number) for c in result.changes if c.change == "reference-updated"]
    assert updated == [("第六条", "第七条"), ("第七条", "第八条")]
    assert "reworded" not in {c.change for c in result.changes}


def test_a_reference_not_following_the_renumbering_stays_a_wording_change() -> None:
    result = diff_case("law-reference-not-followed")
    reworded = [c for c in result.changes if c.change == "reworded"]
    assert [(c.old.number, c.new.number) for c in reworded] == [("第六条", "第七条")]
    # 第四条 should have become 第五条: the reference left behind is what the reader must see.
    assert "违反本法第四条和" in reworded[0].new.text


def test_word_edits_keep_amounts_dates_and_percentages_whole() -> None:
    edits = [(e.old, e.new) for c in diff_case("policy-amounts").changes for e in c.edits]
    assert edits == [("五万元以上二十万元以下", "十万元以上五十万元以下"), ("2025年", "2026年"),
                     ("6400亿元", "7350亿元"), ("3.2%", "4.5%")]


@pytest.mark.parametrize("name", ["law-crlf", "law-formatting"])
def test_mechanical_only_diffs_exit_0_unless_named(name: str) -> None:
    result = run(*case(name))
    assert result.exit_code == 0, result.output
    assert "formatting" in result.stdout
    assert run(*case(name), "--fail-on", "formatting").exit_code == 1


def test_crlf_is_one_formatting_record() -> None:
    [record] = diff_case("law-crlf").changes
    assert (record.change, record.old.title, record.new.title) == ("formatting", "LF line endings", "CRLF line endings")


# --- reports --------------------------------------------------------------------
def test_renumbered_only_is_one_line_and_all_lists_them() -> None:
    short = run(*case("law-renumbered")).stdout
    assert "4 only renumbered: 第二条 → 第三条" in short
    assert "\nrenumbered 第二条 → 第三条" not in short
    full = run(*case("law-renumbered"), "--all").stdout
    assert "\nrenumbered 第二条 → 第三条  @ 第一章" in full
    # Substantive changes are listed; the summary block comes before them.
    assert short.index("only renumbered") < short.index("added 第二条")


def test_locations_keep_their_own_numbering() -> None:
    out = run(*case("policy-lead-moved"), "--all").stdout
    assert "@ 二、 → 三、" in out and "(二)" not in out


def test_terminal_format_off_a_terminal_keeps_visible_marks(tmp_path) -> None:
    target = tmp_path / "report.txt"
    result = run(*case("law-reworded"), "--format", "terminal", "-o", str(target))
    assert result.exit_code == 1
    assert "[-可以-]{+应当+}" in target.read_text(encoding="utf-8")
    piped = subprocess.run([sys.executable, "-m", "govtext", "diff", *case("law-reworded"), "--format", "terminal"],
                           capture_output=True, text=True, encoding="utf-8")
    assert piped.returncode == 1 and "[-可以-]{+应当+}" in piped.stdout


def test_html_has_contents_anchors_and_a_scriptless_filter() -> None:
    page = run(*case("policy-lead-moved"), "--format", "html").stdout
    assert '<nav class="toc">' in page and 'href="#s1"' in page and 'id="s1"' in page
    assert 'id="hide-reworded"' in page and "#hide-reworded:checked~.changes .ck-reworded{display:none}" in page
    # the boxes precede the changes as siblings, so the CSS rule reaches them
    assert page.index('id="hide-added"') < page.index('<div class="changes">')
    for needle in ("<script", "http://", "https://", "src="):
        assert needle not in page


def test_json_marks_pinned_pairs_and_parts() -> None:
    data = json.loads(run(*case("policy-renamed"), "--format", "json", "--threshold", "0.5", "--match", "三、=三、").stdout)
    assert [c["pinned"] for c in data["changes"]] == [False, True]
    merged = json.loads(run(*case("law-merged-articles"), "--format", "json").stdout)
    [record] = [c for c in merged["changes"] if c["change"] == "merged"]
    assert [p["number"] for p in record["old_parts"]] == ["第二条", "第五条"]
    assert record["new"]["number"] == "第二条" and record["new_parts"] == []


def test_matches_file_and_bad_names(tmp_path) -> None:
    pairs = tmp_path / "pairs.txt"
    pairs.write_text("# pinned by hand\n三、 = 三、\n", encoding="utf-8")
    data = json.loads(run(*case("policy-renamed"), "--format", "json", "--matches", str(pairs)).stdout)
    assert any(c["pinned"] for c in data["changes"])
    for args in (["--match", "第九十九条=三、"], ["--match", "nonsense"], ["--matches", str(tmp_path / "none.txt")]):
        result = run(*case("policy-renamed"), *args)
        assert result.exit_code == 2, args
        assert result.stderr.startswith("govtext: error: ") and result.stderr.count("\n") == 1
        assert "Traceback" not in result.output


def test_matches_file_errors_are_worded_like_the_other_settings_files(tmp_path) -> None:
    # --userdict and --terms say "PATH: no such dictionary" / "PATH: terms file is not UTF-8 text":
    # --matches said "cannot read PATH: 'utf-8' codec can't decode byte 0xff in position 0: …".
    undecodable = tmp_path / "pairs.txt"
    undecodable.write_bytes(b"\xff\xfe=\x00")
    for path, message in ((tmp_path / "none.txt", "no such matches file"),
                          (undecodable, "matches file is not UTF-8 text")):
        result = run(*case("policy-renamed"), "--matches", str(path))
        assert result.exit_code == 2
        assert result.stderr == f"govtext: error: {path}: {message}\n"


def test_a_modal_shift_inside_a_merge_is_found() -> None:
    from govtext.diff import diff_documents
    from govtext.pipeline import parse_text

    old = ("第一条 为了规范示例活动，制定本法。\n"
           "第二条 国家建立示例工作协调机制，统筹协调示例工作中的重大问题。\n"
           "第三条 示例工作应当遵循公开、公平、公正的原则。\n"
           "第四条 县级以上地方人民政府可以将示例工作纳入国民经济和社会发展规划。\n")
    new = ("第一条 为了规范示例活动，制定本法。\n"
           "第二条 国家建立示例工作协调机制，统筹协调示例工作中的重大问题。"
           "县级以上地方人民政府应当将示例工作纳入国民经济和社会发展规划。\n"
           "第三条 示例工作应当遵循公开、公平、公正的原则。\n")
    result = diff_documents(parse_text(old, name="a"), parse_text(new, name="b"))
    assert [c.change for c in result.changes] == ["merged"]
    assert [(t.kind, t.old_term, t.term) for t in result.terms if t.kind == "strengthened"] == [
        ("strengthened", "可以", "应当")]


@pytest.mark.parametrize("old, new, edit", [
    ("坚持和发展新时代“枫桥经验”。", "坚持和发展新时代“浦江经验”。", ("“枫桥经验”", "“浦江经验”")),
    ("会议于2024年3月5日召开。", "会议于2025年3月5日召开。", ("2024年3月5日", "2025年3月5日")),
    ("处五万元以上二十万元以下的罚款。", "处五万元以上五十万元以下的罚款。", ("五万元以上二十万元以下", "五万元以上五十万元以下")),
])
def test_edits_never_cut_inside_an_atom(old: str, new: str, edit) -> None:
    from govtext.diff.data import protected_terms
    from govtext.diff.edits import unit_edits
    from govtext.diff.words import Segmenter

    tokenize = Segmenter([(t, None, None) for t in protected_terms()]).tokenize
    edits = unit_edits(old, ((0, len(old)),), new, ((0, len(new)),), tokenize)
    assert [(e.old, e.new) for e in edits] == [edit]
