"""The formats through the commands: --input-format, --show text, JSON/XML source records,
diff across formats, and one-line refusals (exit 2, no traceback, no output file)."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from click.testing import CliRunner

from govtext.cli import main

from conftest import FIXTURES, ROOT
from formats_helpers import docx_bytes, image_pdf, raw_paragraph

PAGE = FIXTURES / "formats" / "govcn-page.html"
PAGE_LINES = (FIXTURES / "formats" / "govcn-page.expected.txt").read_text("utf-8").splitlines()


def _run(*args: str, **kwargs):
    return CliRunner().invoke(main, list(args), **kwargs)


def _govtext(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "govtext", *args], capture_output=True, text=True, env=env,
                          timeout=120)


@pytest.fixture
def page_docx(tmp_path):
    """The same document as govcn-page.html, as a Word file (one paragraph per line)."""
    def build(document):
        for line in PAGE_LINES:
            document.add_paragraph(line)

    path = tmp_path / "page.docx"
    path.write_bytes(docx_bytes(build))
    return path


def test_show_text_prints_the_extracted_text():
    result = _run("tree", str(PAGE), "--show", "text")
    assert result.exit_code == 0
    assert result.stdout.splitlines() == PAGE_LINES


def test_json_source_records_format_extractor_metadata_and_source_map():
    data = json.loads(_run("tree", str(PAGE), "--format", "json").stdout)
    source = data["source"]
    assert source["format"] == "html"
    assert source["extractor"].startswith("lxml.html ")
    assert source["metadata"]["issuer"] == "国务院"
    assert source["chars"] == len("\n".join(PAGE_LINES))
    mapped = {entry["node"]: entry for entry in data["source_map"]}
    assert all(entry["from"][0].startswith("/html/body/") for entry in mapped.values())
    assert len({tuple(entry["from"]) for entry in mapped.values()}) >= len(PAGE_LINES) - 2


def test_plain_text_json_is_unchanged():
    data = json.loads(_run("tree", "--format", "json").stdout)
    assert "format" not in data["source"] and "source_map" not in data


def test_input_format_overrides_detection(tmp_path):
    as_text = _run("tree", str(PAGE), "--input-format", "text", "--show", "text")
    assert as_text.exit_code == 0 and "<div" in as_text.stdout
    disguised = tmp_path / "page.txt"
    disguised.write_bytes(PAGE.read_bytes())
    assert _run("tree", str(disguised), "--show", "text").stdout.splitlines() == PAGE_LINES


def test_xml_archive_keeps_the_source_format_and_validates(tmp_path):
    archive = tmp_path / "page.xml"
    assert _run("xml", str(PAGE), "-o", str(archive)).exit_code == 0
    assert 'format="html"' in archive.read_text("utf-8")
    assert _run("validate", str(archive)).exit_code == 0
    back = json.loads(_run("tree", str(archive), "--format", "json").stdout)
    direct = json.loads(_run("tree", str(PAGE), "--format", "json").stdout)
    assert back["source"]["format"] == "html" and back["source"]["extractor"] == direct["source"]["extractor"]
    assert back["root"] == direct["root"]


def test_diff_of_the_same_document_as_html_and_docx_is_empty(page_docx):
    result = _run("diff", str(PAGE), str(page_docx), "--format", "json")
    report = json.loads(result.stdout)
    assert result.exit_code == 0, report["summary"]
    assert report["changes"] == []


def test_diff_revisions_old_reads_the_rejected_text(tmp_path):
    tracked = tmp_path / "tracked.docx"
    tracked.write_bytes(docx_bytes(lambda d: raw_paragraph(
        d, '<w:r><w:t>要</w:t></w:r><w:ins w:id="1" w:author="a"><w:r><w:t>全面</w:t></w:r></w:ins>'
           '<w:del w:id="2" w:author="a"><w:r><w:delText>逐步</w:delText></w:r></w:del><w:r><w:t>推进改革。</w:t></w:r>')))
    assert _run("tree", str(tracked), "--show", "text").stdout == "要全面推进改革。\n"
    assert _run("tree", str(tracked), "--show", "text", "--revisions", "old").stdout == "要逐步推进改革。\n"


@pytest.mark.parametrize("name, make, message", [
    ("cut.docx", lambda: docx_bytes(lambda d: d.add_paragraph("正文"))[:900], "not a readable .docx file"),
    ("scan.pdf", lambda: image_pdf(2), "scanned PDF: no text layer; OCR it first"),
    ("nav.html", lambda: (FIXTURES / "formats" / "no-body.html").read_bytes(), "HTML page with no body text"),
    ("cut.pdf", lambda: image_pdf(1)[:300], "not a readable PDF"),
])
def test_unreadable_files_are_one_line_exit_2_and_no_output(tmp_path, name, make, message):
    path = tmp_path / name
    path.write_bytes(make())
    out = tmp_path / "out.xml"
    result = _govtext("xml", str(path), "-o", str(out))
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and result.stderr.startswith("govtext: error: ")
    assert message in result.stderr and "Traceback" not in result.stderr
    assert not out.exists()


def test_doc_without_libreoffice_says_what_to_install(tmp_path):
    doc = tmp_path / "old.doc"
    doc.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600 + "WordDocument".encode("utf-16-le"))
    env = dict(os.environ, PATH=str(tmp_path))  # no soffice on this PATH
    result = _govtext("tree", str(doc), env=env)
    assert result.returncode == 2
    assert "needs LibreOffice" in result.stderr and result.stderr.count("\n") == 1


needs_soffice = pytest.mark.skipif(
    __import__("shutil").which("soffice") is None and __import__("shutil").which("libreoffice") is None,
    reason="LibreOffice (soffice) is not installed: .doc/.rtf files cannot be converted")


@needs_soffice
def test_rtf_is_read_through_libreoffice(tmp_path):
    rtf = tmp_path / "notice.rtf"
    # 关于加强管理的通知 / 一、总体要求, as RTF's \uN? escapes
    rtf.write_text(r"{\rtf1\ansi\deff0{\fonttbl{\f0 SimSun;}}\pard\qc\f0\fs32 "
                   + "".join(rf"\u{ord(c)}?" for c in "关于加强管理的通知") + r"\par\pard\fs24 "
                   + "".join(rf"\u{ord(c)}?" for c in "一、总体要求") + r"\par}", "ascii")
    data = json.loads(_run("tree", str(rtf), "--format", "json").stdout)
    assert data["source"]["format"] == "rtf" and data["source"]["extractor"].startswith("LibreOffice")
    assert _run("tree", str(rtf), "--show", "text").stdout == "关于加强管理的通知\n一、总体要求\n"


def test_readme_formats_example_is_current(monkeypatch):
    from test_docs import _readme_block

    monkeypatch.chdir(ROOT)  # the README shows the path relative to the checkout
    result = _run("tree", "fixtures/formats/govcn-page.html", "--depth", "2", terminal_width=80)
    assert result.stdout == _readme_block("govtext tree fixtures/formats/govcn-page.html --depth 2")



@pytest.mark.parametrize("module, path, message", [
    ("docx", "page.docx", "needs the python-docx package"),
    ("pypdfium2", "scan.pdf", "needs the pypdfium2 package"),
])
def test_a_missing_library_is_one_line_saying_what_to_install(tmp_path, monkeypatch, page_docx, module, path, message):
    file = page_docx if path == "page.docx" else tmp_path / path
    if path == "scan.pdf":
        file.write_bytes(image_pdf(1))
    monkeypatch.setitem(sys.modules, module, None)  # import fails as if not installed
    result = _run("tree", str(file))
    assert result.exit_code == 2 and message in result.stderr and result.stderr.count("\n") == 1
