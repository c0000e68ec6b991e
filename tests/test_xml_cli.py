"""``govtext xml`` and ``govtext validate``: stdout, stderr and exit codes, atomic writes, folders."""

from __future__ import annotations

import os
import shutil

import pytest
from click.testing import CliRunner

from govtext.cli import main
from govtext.pipeline import load
from govtext.xmlfmt.writer import to_xml

from conftest import CORPUS_REASON, FIXTURES, SAMPLE, corpus_files


@pytest.fixture
def runner():
    return CliRunner()


def test_xml_to_stdout_is_the_writer_output(runner):
    result = runner.invoke(main, ["xml"])
    assert result.exit_code == 0, result.output
    assert result.stdout_bytes == to_xml(load(None))
    assert result.stderr == ""


def test_xml_to_file_then_validate_then_tree(runner, tmp_path):
    out = tmp_path / "sample.xml"
    result = runner.invoke(main, ["xml", str(SAMPLE), "-o", str(out)])
    assert result.exit_code == 0 and result.stdout == ""
    assert runner.invoke(main, ["xml", str(SAMPLE), "-o", str(tmp_path / "again.xml")]).exit_code == 0
    assert out.read_bytes() == (tmp_path / "again.xml").read_bytes()  # deterministic

    result = runner.invoke(main, ["validate", str(out)])
    assert (result.exit_code, result.stdout, result.stderr) == (0, f"{out}: valid govtext XML\n", "")

    from_xml = runner.invoke(main, ["tree", str(out)])
    from_text = runner.invoke(main, ["tree", str(SAMPLE)])
    assert from_xml.exit_code == 0
    assert from_xml.stdout.splitlines()[1:] == from_text.stdout.splitlines()[1:]


def test_xml_from_stdin(runner):
    result = runner.invoke(main, ["xml", "-"], input="一、总体要求\n要加强领导。\n".encode())
    assert result.exit_code == 0
    assert b'path="-"' in result.stdout_bytes


def test_xml_of_an_archive_reproduces_it(runner, tmp_path):
    archive = tmp_path / "a.xml"
    archive.write_bytes(to_xml(load(None)))
    result = runner.invoke(main, ["xml", str(archive)])
    assert result.stdout_bytes == archive.read_bytes()


def test_timestamp_option(runner):
    result = runner.invoke(main, ["xml", "--timestamp"])
    assert result.exit_code == 0 and b"<created>" in result.stdout_bytes


def test_akn_format(runner):
    result = runner.invoke(main, ["xml", str(FIXTURES / "law-basic.txt"), "--format", "akn"])
    assert result.exit_code == 0
    assert b'<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0">' in result.stdout_bytes
    assert b'eId="chp_2__sec_1"' in result.stdout_bytes


def test_failed_export_leaves_existing_output_untouched(runner, tmp_path):
    out = tmp_path / "out.xml"
    out.write_bytes(b"previous")
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\x01\x02\x03binary")
    result = runner.invoke(main, ["xml", str(bad), "-o", str(out)])
    assert result.exit_code == 2 and result.stderr.startswith("govtext: error: ")
    assert out.read_bytes() == b"previous"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []  # no temporary left


def test_validate_reports_problems_with_line_numbers(runner, tmp_path):
    text = to_xml(load(None)).decode()
    bad = tmp_path / "bad.xml"
    bad.write_text(text.replace('<statement id="p1/st1"', '<statement', 1).replace('chars="4129"', 'chars="x"'), "utf-8")
    result = runner.invoke(main, ["validate", str(bad)])
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert len(lines) >= 3 and all(line.startswith(f"{bad}: line ") for line in lines[:-1])
    assert lines[-1].startswith(f"govtext: {bad}: invalid govtext XML (")


def test_validate_missing_file_exits_2(runner, tmp_path):
    result = runner.invoke(main, ["validate", str(tmp_path / "missing.xml")])
    assert result.exit_code == 2 and "no such file" in result.stderr


def _folder(tmp_path, names):
    src = tmp_path / "in"
    src.mkdir()
    for name in names:
        shutil.copy(FIXTURES / name, src / name)
    return src


def test_folder_mode_with_one_bad_file(runner, tmp_path):
    src = _folder(tmp_path, ["law-basic.txt", "enumeration.txt", "numbered-items.txt"])
    (src / "broken.txt").write_bytes(b"\x00\x01\x02\x03\x04binary")
    (src / "notes.md").write_text("not a .txt: ignored")
    out = tmp_path / "out"
    result = runner.invoke(main, ["xml", str(src), "-o", str(out), "-j", "2"])
    assert result.exit_code == 1
    assert sorted(p.name for p in out.iterdir()) == ["enumeration.xml", "law-basic.xml", "numbered-items.xml"]
    assert f"govtext: error: {src / 'broken.txt'}: " in result.stderr
    assert result.stderr.splitlines()[-1] == f"govtext: 3 of 4 files converted to {out}"
    for path in out.iterdir():
        assert runner.invoke(main, ["validate", str(path)]).exit_code == 0
    assert (out / "law-basic.xml").read_bytes().count(b"<article ") == 4


def test_folder_mode_akn_in_process(runner, tmp_path):
    src = _folder(tmp_path, ["law-basic.txt"])
    result = runner.invoke(main, ["xml", str(src), "-o", str(tmp_path / "out"), "--format", "akn", "-j", "1"])
    assert result.exit_code == 0 and (tmp_path / "out" / "law-basic.akn.xml").is_file()


def test_folder_mode_needs_an_output_folder(runner, tmp_path):
    src = _folder(tmp_path, ["law-basic.txt"])
    result = runner.invoke(main, ["xml", str(src)])
    assert result.exit_code == 2 and "-o OUTDIR" in result.stderr
    (tmp_path / "file").write_text("x")
    result = runner.invoke(main, ["xml", str(src), "-o", str(tmp_path / "file")])
    assert result.exit_code == 2 and result.stderr == f"govtext: error: {tmp_path / 'file'}: exists and is not a folder\n"


@pytest.mark.skipif(not corpus_files(), reason=CORPUS_REASON)
def test_folder_mode_on_the_corpus(tmp_path):
    from govtext.batch import convert_folder, plan_folder

    tasks = plan_folder(str(corpus_files()[0].parent), str(tmp_path)).tasks
    results = list(convert_folder(tasks, workers=2))
    assert [r.error for r in results if r.error] == []
    assert len(list(tmp_path.glob("*.xml"))) == len(corpus_files())


# --- folder mode: recursion, clashes, skipped files ------------------------------------

def test_folder_mode_recursive_mirrors_subfolders(runner, tmp_path):
    src = _folder(tmp_path, ["law-basic.txt"])
    (src / "sub" / "deeper").mkdir(parents=True)
    shutil.copy(FIXTURES / "enumeration.txt", src / "sub" / "deeper" / "enumeration.txt")
    shutil.copy(FIXTURES / "numbered-items.txt", src / "sub" / "law-basic.txt")  # same name, other folder
    out = tmp_path / "out"
    flat = runner.invoke(main, ["xml", str(src), "-o", str(out), "-j", "1"])
    assert flat.exit_code == 0
    assert f"govtext: skipped {src / 'sub'}: a subfolder (give -r to convert subfolders)" in flat.stderr
    assert sorted(str(p.relative_to(out)) for p in out.rglob("*.xml")) == ["law-basic.xml"]
    deep = runner.invoke(main, ["xml", str(src), "-r", "-o", str(out), "-j", "1"])
    assert deep.exit_code == 0, deep.stderr
    assert sorted(str(p.relative_to(out)) for p in out.rglob("*.xml")) == [
        "law-basic.xml", "sub/deeper/enumeration.xml", "sub/law-basic.xml"]
    assert b"numbered-items" not in (out / "sub" / "law-basic.xml").read_bytes()  # the source path is recorded
    assert "skipped" not in deep.stderr
    assert deep.stderr.splitlines()[-1] == f"govtext: 3 of 3 files converted to {out}"


def test_folder_mode_clash_is_an_error_before_anything_is_written(runner, tmp_path):
    src = _folder(tmp_path, ["law-basic.txt", "enumeration.txt"])
    shutil.copy(FIXTURES / "numbered-items.txt", src / "law-basic.TXT")
    out = tmp_path / "out"
    result = runner.invoke(main, ["xml", str(src), "-o", str(out)])
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1] == (
        f"govtext: error: {src / 'law-basic.TXT'} and {src / 'law-basic.txt'} would both be written to "
        f"{out / 'law-basic.xml'}; rename one of them")
    assert not out.exists()


def test_folder_mode_never_overwrites_an_input(runner, tmp_path):
    src = _folder(tmp_path, ["law-basic.txt", "enumeration.txt"])
    (src / "law-basic.xml").write_bytes(b"<keep/>")
    result = runner.invoke(main, ["xml", str(src), "-o", str(src)])
    assert result.exit_code == 2
    assert f"{src / 'law-basic.txt'} would be written to {src / 'law-basic.xml'}, which is a file of the input" \
        in result.stderr
    assert (src / "law-basic.xml").read_bytes() == b"<keep/>" and not (src / "enumeration.xml").exists()


def test_folder_mode_output_inside_the_input_can_be_run_twice(runner, tmp_path):
    src = _folder(tmp_path, ["law-basic.txt"])
    out = src / "xml"
    for _ in range(2):
        result = runner.invoke(main, ["xml", str(src), "-r", "-o", str(out), "-j", "1"])
        assert result.exit_code == 0 and "skipped" not in result.stderr
    assert sorted(p.name for p in out.iterdir()) == ["law-basic.xml"]


def test_folder_mode_lists_skipped_files_with_reasons(runner, tmp_path):
    src = _folder(tmp_path, ["law-basic.txt"])
    (src / "notes.md").write_text("x")
    secret = src / "secret.txt"
    secret.write_text("一、总体要求\n要加强领导。\n", encoding="utf-8")
    secret.chmod(0)
    (src / "linked").symlink_to(tmp_path, target_is_directory=True)
    result = runner.invoke(main, ["xml", str(src), "-r", "-o", str(tmp_path / "out"), "-j", "1"])
    secret.chmod(0o600)
    skipped = [line for line in result.stderr.splitlines() if line.startswith("govtext: skipped")]
    expected = [
        f"govtext: skipped {src / 'linked'}: a link to a folder (not followed)",
        f"govtext: skipped {src / 'notes.md'}: not a document type govtext reads",
    ]
    if os.geteuid() != 0:  # root reads anything
        expected.append(f"govtext: skipped {secret}: unreadable (permission denied)")
    assert skipped == expected
    assert result.exit_code == 0
