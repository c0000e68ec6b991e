"""``govtext diff --format redline -o FILE.docx``: NEW with tracked changes against OLD.

Accepting every revision in word/document.xml must give NEW's text, rejecting
every one OLD's; LibreOffice, where installed, must open the file.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import zipfile
import xml.etree.ElementTree as ET

import pytest
from click.testing import CliRunner

from conftest import FIXTURES, corpus_file
from govtext.cli import main
from govtext.pipeline import load, parse_text
from govtext.report.redline import heading_levels, redline_paragraphs

docx = pytest.importorskip("docx", reason="python-docx is not installed")
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _resolve(path, accept: bool) -> list[str]:
    """The document's lines after accepting (or rejecting) every revision, as Word does."""
    with zipfile.ZipFile(path) as z:
        root = ET.fromstring(z.read("word/document.xml"))
    keep, drop = ("ins", "del") if accept else ("del", "ins")
    lines: list[str] = []
    joining = False
    for p in root.iter(f"{W}p"):
        text = []
        for node in p:
            if node.tag == f"{W}r":
                text.extend(t.text or "" for t in node if t.tag == f"{W}t")
            elif node.tag == f"{W}{keep}":
                text.extend(t.text or "" for t in node.iter() if t.tag in (f"{W}t", f"{W}delText"))
        mark = p.find(f"{W}pPr/{W}rPr/{W}{drop}")
        content = "".join(text)
        if joining:
            lines[-1] += content
        else:
            lines.append(content)
        # A paragraph mark that goes away joins this paragraph with the next.
        joining = mark is not None
    if joining and lines and lines[-1] == "":
        lines.pop()
    return [line for line in lines]


def _redline(tmp_path, old, new):
    out = tmp_path / "redline.docx"
    result = CliRunner().invoke(main, ["diff", str(old), str(new), "--format", "redline", "-o", str(out)])
    assert result.exit_code in (0, 1), result.output
    return out


def _expected(path) -> list[str]:
    return path.read_text(encoding="utf-8").splitlines()


@pytest.mark.parametrize("name", ["words", "renumber", "delete", "points", "move"])
def test_accept_gives_new_reject_gives_old_fixtures(tmp_path, name):
    old, new = FIXTURES / "amend" / name / "old.txt", FIXTURES / "amend" / name / "new.txt"
    out = _redline(tmp_path, old, new)
    assert _resolve(out, accept=True) == _expected(new)
    assert _resolve(out, accept=False) == _expected(old)


def test_accept_and_reject_on_xingfa(tmp_path):
    old, new = corpus_file("law-xingfa-2020.txt"), corpus_file("law-xingfa-2023.txt")
    out = _redline(tmp_path, old, new)
    assert _resolve(out, accept=True) == _expected(new)
    assert _resolve(out, accept=False) == _expected(old)


def test_revisions_have_author_and_date_and_headings_are_styled(tmp_path):
    out = _redline(tmp_path, FIXTURES / "amend" / "renumber" / "old.txt", FIXTURES / "amend" / "renumber" / "new.txt")
    with zipfile.ZipFile(out) as z:
        root = ET.fromstring(z.read("word/document.xml"))
    revisions = list(root.iter(f"{W}ins")) + list(root.iter(f"{W}del"))
    assert revisions
    assert all(r.get(f"{W}author") == "govtext" and r.get(f"{W}date", "").endswith("Z") for r in revisions)
    document = docx.Document(str(out))
    styles = {p.text.split(" ")[0]: p.style.name for p in document.paragraphs if p.text}
    assert styles["第一章"] == "Heading 1" and styles["中华人民共和国示例法"] == "Title"


def test_redline_needs_a_docx_output(tmp_path):
    old, new = FIXTURES / "amend" / "words" / "old.txt", FIXTURES / "amend" / "words" / "new.txt"
    result = CliRunner().invoke(main, ["diff", str(old), str(new), "--format", "redline"])
    assert result.exit_code == 2 and result.stderr == "govtext: error: --format redline writes a Word document: give -o FILE.docx\n"


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")
def test_libreoffice_opens_the_redline(tmp_path):
    out = _redline(tmp_path, FIXTURES / "amend" / "words" / "old.txt", FIXTURES / "amend" / "words" / "new.txt")
    profile = tmp_path / "profile"
    proc = subprocess.run(
        ["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "txt:Text",
         "--outdir", str(tmp_path), str(out)],
        capture_output=True, text=True, timeout=180, env={**os.environ, "HOME": str(tmp_path)})
    converted = tmp_path / "redline.txt"
    assert proc.returncode == 0 and converted.is_file(), proc.stderr
    text = converted.read_text(encoding="utf-8-sig")
    assert "中华人民共和国示例法" in text and "账簿" in text


def test_heading_levels_come_from_the_parsed_tree():
    doc = load(str(FIXTURES / "law-books-zhiyi.txt"))
    lines = doc.text.splitlines()
    levels = {lines[i].split()[0]: level for i, level in heading_levels(doc).items()}
    # 编 over 章, and an unnumbered 附则 (a part of its own) at the top level.
    assert levels == {"第一编": 1, "第一章": 2, "第二章": 2, "第二编": 1, "附则": 1}


def test_a_deleted_heading_keeps_old_s_heading_style():
    old = parse_text("中华人民共和国示例法\n第一章 总则\n第一条 为了规范示例，制定本法。\n"
                     "第二章 附属\n第二条 本法自公布之日起施行。\n")
    new = parse_text("中华人民共和国示例法\n第一章 总则\n第一条 为了规范示例，制定本法。\n"
                     "第二条 本法自公布之日起施行。\n")
    deleted = [p for p in redline_paragraphs(old, new) if p.mark == "del"]
    assert [(p.segments[0][0], p.style) for p in deleted] == [("第二章 附属", "heading1")]
