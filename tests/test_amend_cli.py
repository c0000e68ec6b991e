"""``govtext amend`` from the outside: stdout, stderr, exit status and files checked separately."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from click.testing import CliRunner

from conftest import FIXTURES
from govtext.cli import main

CASE = FIXTURES / "amend"


def run(*args: str):
    return CliRunner().invoke(main, ["amend", *args])


def paths(name: str) -> tuple[str, str]:
    return str(CASE / name / "old.txt"), str(CASE / name / "instrument.txt")


def test_text_is_the_amended_law():
    result = run(*paths("renumber"))
    assert result.exit_code == 0, result.output
    assert result.stdout == (CASE / "renumber" / "new.txt").read_text(encoding="utf-8")
    assert result.stderr == ""


def test_output_file_written_atomically(tmp_path):
    out = tmp_path / "new.txt"
    result = run(*paths("words"), "-o", str(out))
    assert result.exit_code == 0 and result.stdout == ""
    assert out.read_text(encoding="utf-8") == (CASE / "words" / "new.txt").read_text(encoding="utf-8")
    assert [p.name for p in tmp_path.iterdir()] == ["new.txt"]


def test_json_is_the_outline_of_the_result_with_the_amendment_record():
    result = run(*paths("renumber"), "--format", "json")
    data = json.loads(result.stdout)
    assert (data["format"], data["version"], data["genre"]) == ("govtext/outline", 1, "law")
    numbers = [n["number"] for n in _walk(data["root"]) if n["type"] == "article"]
    assert numbers == [f"第{c}条" for c in "一二三四五六七八"]
    assert {"old": "第三条", "new": "第四条"} in data["amendment"]["renumbered"]
    assert data["amendment"]["references_updated"] and data["amendment"]["warnings"] == []


def _walk(node):
    yield node
    for child in node["children"]:
        yield from _walk(child)


def test_xml_output():
    result = run(*paths("zhiyi"), "--format", "xml")
    assert result.exit_code == 0
    assert 'number="第五条之一"' in result.stdout


def test_explain_lists_every_item_and_applies_nothing(tmp_path):
    out = tmp_path / "x.txt"
    result = run(*paths("points"), "--explain", "-o", str(out))
    assert result.exit_code == 0
    assert result.stdout.splitlines()[0] == ("一、 modify 第四条第二项 (1 paragraph); add point as 第三项 in 第四条; "
                                             "renumber 第四条第三项 → 第四项")
    assert not out.exists()


def test_explain_marks_items_not_understood():
    result = run(str(CASE / "modify-article" / "old.txt"), str(CASE / "bad" / "not-understood.txt"), "--explain")
    assert result.exit_code == 1
    assert "二、 not understood: 对示例法进行适当的润色。" in result.stdout


def test_failing_items_each_named_exit_2_nothing_written(tmp_path):
    out = tmp_path / "new.txt"
    result = run(str(CASE / "modify-article" / "old.txt"), str(CASE / "bad" / "missing-article.txt"), "-o", str(out))
    assert result.exit_code == 2
    assert result.stderr == "govtext: error: 二、将第九百条修改为：“不存在的… : 第九百条 not found\n"
    assert not out.exists() and list(tmp_path.iterdir()) == []


def test_prose_and_missing_file_are_one_line_errors(tmp_path):
    result = run(str(CASE / "modify-article" / "old.txt"), str(CASE / "bad" / "prose.txt"))
    assert result.exit_code == 2 and result.stderr.startswith("govtext: error: no numbered items")
    result = run(str(CASE / "modify-article" / "old.txt"), str(tmp_path / "missing.txt"))
    assert result.exit_code == 2 and result.stderr.count("\n") == 1 and "Traceback" not in result.stderr


def test_part_chosen_by_hand():
    old, instrument = paths("multi-law")
    assert run(old, instrument, "--part", "2").stdout == (CASE / "multi-law" / "new.txt").read_text(encoding="utf-8")
    result = run(old, instrument, "--part", "7")
    assert result.exit_code == 2 and "--part 7" in result.stderr


def test_real_subprocess_exit_status():
    old, instrument = paths("modify-article")
    proc = subprocess.run([sys.executable, "-m", "govtext", "amend", old, str(CASE / "bad" / "missing-word.txt")],
                          capture_output=True, text=True, encoding="utf-8")
    assert proc.returncode == 2 and proc.stdout == ""
    assert proc.stderr.startswith("govtext: error: 一、") and "Traceback" not in proc.stderr


def test_warnings_on_stderr_and_in_json():
    old, instrument = paths("dangling")
    result = run(old, instrument)
    assert result.exit_code == 0
    assert result.stderr.splitlines() == [
        "govtext: warning: 第五条 refers to 第四条, which the amended text does not have",
        "govtext: warning: 第六条 refers to 第四条, which the amended text does not have"]
    data = json.loads(run(old, instrument, "--format", "json").stdout)
    assert len(data["amendment"]["warnings"]) == 2


def test_explain_xingfa_11_reads_all_48_items():
    from conftest import corpus_file

    result = run(str(corpus_file("law-xingfa-2020.txt")), str(corpus_file("amend/xingfa-amendment-11-2020.txt")),
                 "--explain")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert len(lines) == 48 and "not understood" not in result.stdout
    assert lines[1] == "二、 add article 第一百三十三条之二 after 第一百三十三条之一"


def test_gb18030_instrument(tmp_path):
    old, instrument = paths("words")
    gbk = tmp_path / "instrument-gbk.txt"
    gbk.write_bytes((CASE / "words" / "instrument.txt").read_text(encoding="utf-8").encode("gb18030"))
    result = run(old, str(gbk))
    assert result.exit_code == 0 and result.stdout == (CASE / "words" / "new.txt").read_text(encoding="utf-8")


def test_check_against_a_published_text():
    old, instrument = paths("renumber")
    same = run(old, instrument, "--check", str(CASE / "renumber" / "new.txt"))
    assert same.exit_code == 0 and "equals" in same.stdout and "第八条" not in same.stdout
    differ = run(old, instrument, "--check", str(CASE / "words" / "new.txt"))
    assert differ.exit_code == 1
    lines = differ.stdout.splitlines()
    assert lines[0].startswith("6 articles differ from")
    assert lines[1:4] == ["第三条", "  amended:   示例工作应当坚持公开透明。",
                          "  published: 人民政府示例主管部门负责示例工作。"]
    assert lines[-3:] == ["第八条", "  amended:   本法自2001年1月1日起施行。", "  published: (no such article)"]


def test_old_as_govtext_xml(tmp_path):
    old, instrument = paths("zhiyi")
    archive = tmp_path / "old.xml"
    assert CliRunner().invoke(main, ["xml", old, "-o", str(archive)]).exit_code == 0
    result = run(str(archive), instrument)
    assert result.exit_code == 0 and result.stdout == (CASE / "zhiyi" / "new.txt").read_text(encoding="utf-8")


def test_decision_for_identical_texts_has_no_items():
    old, _ = paths("words")
    result = CliRunner().invoke(main, ["diff", old, old, "--format", "decision"])
    assert result.exit_code == 0
    assert "（两个文本的条文相同，无需修改。）" in result.stdout and "一、" not in result.stdout


@pytest.mark.parametrize("name", ["truncated.txt", "missing-article.txt", "missing-word.txt", "prose.txt",
                                  "not-understood.txt"])
def test_bad_instruments_exit_2_and_write_nothing(tmp_path, name):
    out = tmp_path / "new.txt"
    result = run(str(CASE / "modify-article" / "old.txt"), str(CASE / "bad" / name), "-o", str(out))
    assert result.exit_code == 2 and result.stdout == ""
    assert all(line.startswith("govtext: error: ") for line in result.stderr.splitlines())
    assert "Traceback" not in result.stderr and list(tmp_path.iterdir()) == []


def test_old_without_articles_is_a_user_error():
    result = run(str(FIXTURES / "numbered-items.txt"), str(CASE / "words" / "instrument.txt"))
    assert result.exit_code == 2
    assert result.stderr == "govtext: error: OLD has no articles (第一条 …): amendments apply to laws and regulations\n"


# ---- every item named, --partial, chains, --annotate, refusals (issues 18 and 20) ----

SEVERAL = str(CASE / "bad" / "several.txt")
BASE = str(CASE / "modify-article" / "old.txt")


def test_every_failing_item_is_named_and_nothing_is_written(tmp_path):
    out = tmp_path / "new.txt"
    result = run(BASE, SEVERAL, "-o", str(out))
    assert result.exit_code == 2 and result.stdout == ""
    lines = result.stderr.splitlines()
    assert [line.split("、")[0] for line in lines] == ["govtext: error: 二", "govtext: error: 三", "govtext: error: 四"]
    assert "not understood" in lines[0] and "第九百条 not found" in lines[1] and "named twice" in lines[2]
    assert not out.exists()


def test_partial_applies_the_rest_and_marks_each_item_left_out():
    result = run(BASE, SEVERAL, "--partial")
    assert result.exit_code == 1
    assert result.stdout == (CASE / "bad" / "several-partial.txt").read_text(encoding="utf-8")
    assert result.stdout.count("【未适用：") == 3
    assert [line.split("、")[0] for line in result.stderr.splitlines()] == [
        "govtext: not applied: 二", "govtext: not applied: 三", "govtext: not applied: 四"]


def test_partial_json_lists_the_items_left_out():
    result = run(BASE, SEVERAL, "--partial", "--format", "json")
    assert result.exit_code == 1
    assert len(json.loads(result.stdout)["amendment"]["not_applied"]) == 3


def test_chain_applies_instruments_in_order():
    old, first = paths("clauses")
    result = run(old, first, str(CASE / "chain" / "second.txt"))
    assert result.exit_code == 0, result.stderr
    assert result.stdout == (CASE / "chain" / "final.txt").read_text(encoding="utf-8")


def test_chain_checked_against_the_final_text():
    old, first = paths("clauses")
    result = run(old, first, str(CASE / "chain" / "second.txt"), "--check", str(CASE / "chain" / "final.txt"))
    assert result.exit_code == 0 and "equals" in result.stdout


def test_annotated_chain_notes_follow_renumbering():
    old, first = paths("clauses")
    result = run(old, first, str(CASE / "chain" / "second.txt"), "--annotate")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == (CASE / "chain" / "annotated.txt").read_text(encoding="utf-8")
    data = json.loads(run(old, first, str(CASE / "chain" / "second.txt"), "--annotate", "--format", "json").stdout)
    changes = [(a["article"], a["change"]) for a in data["amendment"]["annotations"]]
    assert ("第九条", "增加") in changes and ("第二条", "删去") in changes


def test_annotated_xml_gives_notes_their_own_node_and_reads_them_back():
    from govtext.amend.annotate import NOTE_LINE, notes_of
    from govtext.xmlfmt.reader import read_document
    from govtext.xmlfmt.validate import validate_bytes

    old, first = paths("clauses")
    chain = (old, first, str(CASE / "chain" / "second.txt"), "--annotate")
    text = run(*chain).stdout
    result = CliRunner().invoke(main, ["amend", *chain, "--format", "xml"], catch_exceptions=False)
    assert result.exit_code == 0, result.stderr
    data = result.stdout_bytes
    assert validate_bytes(data) == []
    doc = read_document(data)
    found = notes_of(doc)
    assert [n for _, n in found] == [line for line in text.splitlines() if NOTE_LINE.match(line)]
    assert ("第一条", [line for line in text.splitlines() if NOTE_LINE.match(line)][0]) == found[0]
    assert len(found) == 12
    # the articles' 款 are their own: no clause is a note any more
    assert not [n for n in doc.walk() if n.type == "clause" and NOTE_LINE.match(n.content().strip())]
    assert doc.text == text


def test_annotate_xingfa_12_marks_exactly_its_seven_articles():
    from conftest import corpus_file

    old, twelve = corpus_file("law-xingfa-2020.txt"), corpus_file("amend/xingfa-amendment-12-2023.txt")
    result = run(str(old), str(twelve), "--annotate")
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    notes = [i for i, line in enumerate(lines) if line.startswith("（根据")]
    assert {lines[i] for i in notes} == {"（根据2023年12月29日《中华人民共和国刑法修正案（十二）》修改）"}
    heads = []
    for i in notes:
        k = i - 1
        while not lines[k].startswith("第") or "条" not in lines[k][:9]:
            k -= 1
        heads.append(lines[k].split(" ")[0].split("\u3000")[0])
    assert heads == ["第一百六十五条", "第一百六十六条", "第一百六十九条", "第三百八十七条", "第三百九十条",
                     "第三百九十一条", "第三百九十三条"]


def test_instrument_for_another_law_is_refused(tmp_path):
    instrument = tmp_path / "other.txt"
    instrument.write_text("全国人民代表大会常务委员会关于修改《中华人民共和国其他法》的决定\n一、删去第三条。\n", encoding="utf-8")
    result = run(BASE, str(instrument))
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr.count("\n") == 1 and "《中华人民共和国其他法》" in result.stderr


def test_part_naming_another_law_is_refused():
    result = run(BASE, str(CASE / "multi-law" / "instrument.txt"), "--part", "1")
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr.count("\n") == 1 and "另一法" in result.stderr


def test_annotated_xml_note_where_the_first_article_was_deleted(tmp_path):
    from govtext.amend.annotate import notes_of
    from govtext.xmlfmt.reader import read_document

    instrument = tmp_path / "decision.txt"
    instrument.write_text("全国人民代表大会常务委员会关于修改《中华人民共和国示例法》的决定\n"
                          "（2010年6月30日第十一届全国人民代表大会常务委员会第十五次会议通过）\n"
                          "一、删去第一条。\n此外，对条文顺序作相应调整。\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["amend", str(CASE / "contents" / "old.txt"), str(instrument), "--annotate",
                                       "--format", "xml"], catch_exceptions=False)
    assert result.exit_code == 0, result.stderr
    (where, note), = notes_of(read_document(result.stdout_bytes))
    assert where == "" and note.startswith("（原第一条根据2010年6月30日") and note.endswith("删去）")
