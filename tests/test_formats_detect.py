"""Format by content, not by name: magic bytes, zip members, the markup's first element."""

from __future__ import annotations

import io
import zipfile

import pytest

from govtext.formats.detect import detect

from conftest import FIXTURES, SAMPLE


def _zip(members: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return out.getvalue()


DOCX = _zip({"[Content_Types].xml": b"<Types/>", "word/document.xml": b"<w:document/>"})


@pytest.mark.parametrize("data, expected", [
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "pdf"),
    (b"\n  %PDF-1.4\n", "pdf"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100 + "WordDocument".encode("utf-16-le"), "doc"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100 + "Workbook".encode("utf-16-le"), "text"),  # .xls
    (b"{\\rtf1\\ansi\\ansicpg936 {\\fonttbl}", "rtf"),
    (DOCX, "docx"),
    (DOCX[: len(DOCX) // 2], "docx"),  # truncated: no central directory, the member names still tell
    (_zip({"mimetype": b"application/epub+zip", "content.opf": b""}), "text"),  # another zip: not ours
    (b"<!DOCTYPE html><html><body><p>\xe4\xb8\x80</p></body></html>", "html"),
    (b"\xef\xbb\xbf<!doctype HTML PUBLIC \"-//W3C//DTD HTML 4.01//EN\">", "html"),
    (b'<?xml version="1.0"?>\n<html xmlns="http://www.w3.org/1999/xhtml"><body/></html>', "html"),
    (b'<?xml version="1.0"?>\n<html><body><p>x</p></body></html>', "xml"),  # someone's XML, not a page
    (b'<div class="wrap"><table><tr><td id="UCAP-CONTENT"><p>x</p></td></tr></table></div>', "html"),
    (b"<!-- saved page -->\n<meta charset=gbk><p>x</p>", "html"),
    (b'<?xml version="1.0" encoding="UTF-8"?>\n<govtext xmlns="urn:govtext:xml:1"/>', "xml"),
    (b'<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0"/>', "xml"),
    ("一、总体要求\n要加强党的领导。\n".encode("utf-8"), "text"),
    ("《中华人民共和国宪法》\n".encode("gb18030"), "text"),
])
def test_detect_by_content(data, expected):
    assert detect(data) == expected


def test_names_do_not_decide():
    html = (FIXTURES / "formats" / "govcn-page.html").read_bytes()
    assert detect(html, "report.txt") == "html"
    assert detect(DOCX, "scan.pdf") == "docx"
    assert detect(SAMPLE.read_bytes(), "page.html") == "text"


def test_the_name_only_breaks_a_tie():
    stray = "保存的网页\n<div><p>一、总体要求</p></div>".encode()
    assert detect(stray, "page.html") == "html"
    assert detect(stray, "notes.txt") == "text"
    assert detect("一、总体要求\n".encode(), "page.html") == "text"  # no tags: text whatever the name
