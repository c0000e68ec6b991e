"""govtext XML output: golden files, schema validity, determinism, every character kept."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from govtext.model import Document, Node, Source
from govtext.pipeline import parse_text
from govtext.xmlfmt import export
from govtext.xmlfmt.reader import read_document
from govtext.xmlfmt.writer import to_xml

from conftest import SAMPLE, assert_golden, fixture_files
from xml_helpers import assert_akn_valid, assert_govtext_valid, load_named

CASES = [SAMPLE, *fixture_files()]


@pytest.mark.parametrize("path", CASES, ids=lambda p: p.stem)
def test_golden_xml(path):
    name = "sample" if path == SAMPLE else path.stem
    data = to_xml(load_named(path))
    assert_govtext_valid(data)
    assert_golden(f"xml/{name}.xml", data.decode("utf-8"))


@pytest.mark.parametrize("path", CASES, ids=lambda p: p.stem)
def test_golden_akn(path):
    name = "sample" if path == SAMPLE else path.stem
    data = export(load_named(path), "akn")
    assert_akn_valid(data)
    assert_golden(f"xml/{name}.akn.xml", data.decode("utf-8"))


def test_output_is_deterministic():
    doc = load_named(SAMPLE)
    assert to_xml(doc) == to_xml(load_named(SAMPLE))
    assert export(doc, "akn") == export(load_named(SAMPLE), "akn")


def test_header_names_the_source_and_govtext_version():
    from govtext import __version__

    data = to_xml(parse_text("一、总体要求\n要加强领导。\n", name="a.txt")).decode()
    assert '<source path="a.txt" sha256="' in data
    assert 'encoding="utf-8" chars="' in data
    assert f'<generator name="govtext" version="{__version__}"/>' in data
    assert 'xml:space="preserve"' in data
    assert "<created>" not in data


def test_timestamp_only_when_asked():
    doc = parse_text("要加强领导。\n")
    data = to_xml(doc, timestamp=datetime(2024, 3, 5, 9, 30, tzinfo=timezone.utc)).decode()
    assert "<created>2024-03-05T09:30:00Z</created>" in data
    assert_govtext_valid(data.encode())
    assert read_document(data.encode()).root == doc.root


def test_indented_two_spaces_per_level():
    lines = to_xml(parse_text("一、总体要求\n要加强领导。\n")).decode().splitlines()
    assert lines[0] == '<?xml version="1.0" encoding="UTF-8"?>'
    assert lines[2] == "  <meta>"
    assert lines[5].startswith('    <outline nodes="')
    assert lines[6] == "  </meta>"
    assert lines[7].startswith('  <document id="doc"')
    assert lines[8].startswith("    <")


@pytest.mark.parametrize(
    "text",
    [
        "　　要加强领导。\r\n\r\n　　要完善机制。\r\n",  # full-width indentation, CRLF, blank lines
        "一、总体要求\n\n\n要加强\t领导。  \n",
        "要加强领导。\r要完善机制。",  # lone CR survives: written as &#13;
        "第一条　为了规范活动，制定本法。\n第二条\u00a0本法适用于下列活动：\n（一）设立；\n",
    ],
)
def test_whitespace_survives(text):
    doc = parse_text(text)
    back = read_document(to_xml(doc))
    assert back.text == text
    assert back.root == doc.root


def test_markup_in_the_text_is_escaped_not_refused():
    text = "<!DOCTYPE html> 要加强领导。&amp; ]]> <![CDATA[x]]>\n"
    doc = parse_text(text)
    assert read_document(to_xml(doc)).text == text


def _hand_built(text: str, title: str | None = None) -> Document:
    leaf = Node(id="p1/st1", type="statement", span=(0, len(text)), text=text)
    para = Node(id="p1", type="paragraph", span=(0, len(text)), title=title, children=(leaf,))
    root = Node(id="doc", type="document", span=(0, len(text)), children=(para,))
    return Document(Source("x.txt", "0" * 64, "utf-8", len(text)), text, root)


def test_characters_xml_cannot_carry_become_char_elements():
    text = "表\x0c格\x1b与\x0b\ufffe尾"
    data = to_xml(_hand_built(text))
    assert b'<char code="000C"/>' in data and b'<char code="FFFE"/>' in data
    assert_govtext_valid(data)
    assert read_document(data).text == text


def test_attribute_with_illegal_characters_is_escaped_reversibly():
    doc = _hand_built("正文", title="标\x0c题\\u000C")
    data = to_xml(doc)
    assert b'escaped="title"' in data
    assert_govtext_valid(data)
    assert read_document(data).root == doc.root


def test_stdin_and_sample_sources():
    doc = parse_text("要加强领导。\n", name="-")
    assert b'path="-"' in to_xml(doc)
    assert b"path=" not in to_xml(load_named(None)).split(b"</meta>")[0]
