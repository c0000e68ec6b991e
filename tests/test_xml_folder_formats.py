"""``govtext xml DIR -o OUTDIR`` on a folder of mixed formats: every document govtext reads
is converted (HTML, Word, govtext XML beside the texts), names that would collide are an
error before anything is written, and each file is read with the command's read options
(in the worker processes too)."""

from __future__ import annotations

from html import escape

import pytest
from click.testing import CliRunner

from govtext.cli import main
from govtext.formats import DOCUMENT_SUFFIXES
from govtext.pipeline import load
from govtext.xmlfmt.writer import to_xml

from conftest import FIXTURES
from formats_helpers import docx_bytes

LAW = (FIXTURES / "law-basic.txt").read_text(encoding="utf-8")


@pytest.fixture
def runner():
    return CliRunner()


def _html(text: str) -> bytes:
    body = "".join(f"<p>{escape(line)}</p>\n" for line in text.splitlines())
    return f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>示例</title></head><body>\n{body}</body></html>" \
        .encode("utf-8")


def _docx(text: str) -> bytes:
    return docx_bytes(lambda document: [document.add_paragraph(line) for line in text.splitlines()])


def _single(runner, path, tmp_path, *options) -> bytes:
    """What `govtext xml FILE` writes for one file, with the same options."""
    out = tmp_path / "single.xml"
    result = runner.invoke(main, ["xml", str(path), "-o", str(out), *options])
    assert result.exit_code == 0, result.stderr
    return out.read_bytes()


def test_every_document_type_in_a_folder_is_converted(runner, tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "law.txt").write_text(LAW, encoding="utf-8")
    (src / "page.html").write_bytes(_html(LAW))
    (src / "word.docx").write_bytes(_docx(LAW))
    (src / "archive.xml").write_bytes(to_xml(load(str(FIXTURES / "enumeration.txt"))))
    (src / "notes.md").write_text("x")
    out = tmp_path / "out"
    result = runner.invoke(main, ["xml", str(src), "-o", str(out), "-j", "2"])
    assert result.exit_code == 0, result.stderr
    assert sorted(p.name for p in out.iterdir()) == ["archive.xml", "law.xml", "page.xml", "word.xml"]
    assert f"govtext: skipped {src / 'notes.md'}: not a document type govtext reads" in result.stderr
    assert result.stderr.splitlines()[-1] == f"govtext: 4 of 4 files converted to {out}"
    for name in ("law", "page", "word"):
        assert (out / f"{name}.xml").read_bytes().count(b"<article ") == 4, name  # the law's four articles
    for source in src.iterdir():
        if source.suffix != ".md":
            assert (out / f"{source.stem}.xml").read_bytes() == _single(runner, source, tmp_path), source.name


def test_the_folder_suffixes_cover_the_formats_read_by_extraction():
    # A format govtext extracts but the folder walk ignores would be skipped silently as "not a document".
    assert {".txt", ".xml", ".html", ".htm", ".docx", ".doc", ".rtf", ".wps", ".pdf"} <= DOCUMENT_SUFFIXES


@pytest.mark.parametrize("names", [("a.html", "a.pdf"), ("a.txt", "a.docx"), ("a.DOC", "a.rtf")])
def test_two_formats_of_one_name_clash_before_anything_is_written(runner, tmp_path, names):
    src = tmp_path / "in"
    src.mkdir()
    for name in names:
        (src / name).write_bytes(b"%PDF-1.4 not read: the plan refuses first")
    (src / "other.txt").write_text(LAW, encoding="utf-8")
    out = tmp_path / "out"
    result = runner.invoke(main, ["xml", str(src), "-o", str(out)])
    assert result.exit_code == 2
    first, second = sorted(names)
    assert result.stderr.splitlines()[-1] == (
        f"govtext: error: {src / first} and {src / second} would both be written to {out / 'a.xml'}; rename one of them")
    assert not out.exists()


def _stray_gb18030(path) -> None:
    data = LAW.encode("gb18030")
    cut = data.index("示例活动".encode("gb18030"))  # inside an article, not before a heading
    path.write_bytes(data[:cut] + b"\xff" + data[cut:])


def test_read_options_reach_the_workers(runner, tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    _stray_gb18030(src / "gb.txt")
    (src / "plain.txt").write_text(LAW, encoding="utf-8")
    out = tmp_path / "out"
    strict = runner.invoke(main, ["xml", str(src), "-o", str(out), "-j", "2"])
    assert strict.exit_code == 1 and f"govtext: error: {src / 'gb.txt'}: " in strict.stderr
    assert not (out / "gb.xml").exists()

    options = ["--encoding", "gb18030", "--errors", "replace"]
    result = runner.invoke(main, ["xml", str(src), "-o", str(out), "-j", "2", *options])
    assert result.exit_code == 0, result.stderr
    assert f"govtext: warning: {src / 'gb.txt'}: 1 undecodable byte sequence" in result.stderr
    assert (out / "gb.xml").read_bytes() == _single(runner, src / "gb.txt", tmp_path, *options)
    assert (out / "gb.xml").read_bytes().count(b"<article ") == 4


def test_size_cap_and_input_format_apply_to_each_file(runner, tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "page.html").write_bytes(_html(LAW))
    (src / "small.txt").write_text("一、总体要求\n要加强领导。\n", encoding="utf-8")
    out = tmp_path / "out"
    capped = runner.invoke(main, ["xml", str(src), "-o", str(out), "-j", "2", "--max-bytes", "200"])
    assert capped.exit_code == 1
    errors = [line for line in capped.stderr.splitlines() if line.startswith("govtext: error:")]
    assert len(errors) == 1 and errors[0].startswith(f"govtext: error: {src / 'page.html'}: ")
    assert (out / "small.xml").is_file() and not (out / "page.xml").exists()
    assert capped.stderr.splitlines()[-1] == f"govtext: 1 of 2 files converted to {out}"

    as_text = runner.invoke(main, ["xml", str(src), "-o", str(out), "-j", "2", "--input-format", "text"])
    assert as_text.exit_code == 0, as_text.stderr
    page = (out / "page.xml").read_bytes()
    assert b"&lt;p&gt;" in page and b"<article " not in page  # the markup read as the text itself
    assert page == _single(runner, src / "page.html", tmp_path, "--input-format", "text")
