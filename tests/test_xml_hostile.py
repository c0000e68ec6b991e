"""Hostile and broken XML is refused with one clear line, never a traceback or a leak."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from govtext.cli import main
from govtext.errors import XmlInputError
from govtext.pipeline import load
from govtext.xmlfmt.reader import make_parser, read_document
from govtext.xmlfmt.validate import validate_bytes
from govtext.xmlfmt.writer import to_xml

from conftest import FIXTURES

HOSTILE = FIXTURES / "xml"
# Payloads refused as unreadable (exit 2 everywhere) and the words of their message.
REFUSED = {
    "xxe-file.xml": "DOCTYPE",
    "xxe-parameter-entity.xml": "DOCTYPE",
    "billion-laughs.xml": "DOCTYPE",
    "external-dtd.xml": "DOCTYPE",
    "utf16-doctype.xml": "DOCTYPE",
    "truncated.xml": "malformed XML: line 5",
}
# Well-formed but not govtext XML: unreadable for tree (2), invalid for validate (1).
FOREIGN = {
    "not-govtext.xml": "not govtext XML: the root element is <html>",
    "xinclude.xml": "invalid govtext XML: line 3",
}


def test_parser_is_configured_explicitly():
    parser = make_parser()
    assert parser.resolvers is not None  # an lxml XMLParser, not a default one
    # The options themselves are private in lxml; check their effect instead.
    from lxml import etree

    root = etree.fromstring(b'<!DOCTYPE r [<!ENTITY e "expanded">]><r>&e;</r>', parser)
    assert "expanded" not in etree.tostring(root).decode()


@pytest.mark.parametrize("name", sorted(REFUSED))
def test_reader_refuses(name):
    data = (HOSTILE / name).read_bytes()
    with pytest.raises(XmlInputError) as info:
        read_document(data, name)
    message = str(info.value)
    assert message.startswith(f"{name}: ") and REFUSED[name] in message
    assert "\n" not in message and "root:" not in message  # no /etc/passwd content


@pytest.mark.parametrize("name", sorted(FOREIGN))
def test_reader_refuses_foreign_xml(name):
    with pytest.raises(XmlInputError, match=FOREIGN[name].replace("<", "<").replace("(", r"\(")):
        read_document((HOSTILE / name).read_bytes(), name)


@pytest.mark.parametrize("name", sorted(set(REFUSED) - {"utf16-doctype.xml"}) + sorted(FOREIGN))
def test_tree_command_exits_2_with_one_line(name):
    result = CliRunner().invoke(main, ["tree", str(HOSTILE / name)])
    assert result.exit_code == 2
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("govtext: error: ")
    assert "Traceback" not in result.stderr and "root:x:" not in result.stderr


def test_utf16_xml_never_leaks():
    # Not recognised as XML by its first byte, so it is read as text: still no entity is resolved.
    result = CliRunner().invoke(main, ["tree", str(HOSTILE / "utf16-doctype.xml")])
    assert "root:x:" not in result.output


@pytest.mark.parametrize("name", sorted(REFUSED))
def test_validate_exits_2_for_unreadable(name):
    result = CliRunner().invoke(main, ["validate", str(HOSTILE / name)])
    assert result.exit_code == 2
    assert len(result.stderr.splitlines()) == 1 and REFUSED[name] in result.stderr


@pytest.mark.parametrize("name", sorted(FOREIGN))
def test_validate_exits_1_for_foreign_xml(name):
    result = CliRunner().invoke(main, ["validate", str(HOSTILE / name)])
    assert result.exit_code == 1
    assert "line " in result.stderr


def _sample_xml() -> str:
    return to_xml(load(None)).decode()


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ('version="1"', 'version="2"', "unsupported govtext XML: format 'govtext/xml' version '2'"),
        ('<blank id="p1/b1" start="0" end="2">', '<blank id="p1/b1" start="0" end="3">',
         "line 10: p1/b1: text has 2 characters, start..end says 3"),
        ('id="p1/st1"', 'id="p1/b1"', "line 11: duplicate id 'p1/b1'"),
        ('<statement id="p1/st1"', '<sentence id="p1/st1"', "line 11: unknown element <sentence>"),
        ('chars="4129"', 'chars="4128"', "source has 4128 characters, the leaves join to 4129"),
        ('start="2" end="87"', 'start="3" end="88"', "offsets do not add up"),
    ],
)
def test_inconsistent_govtext_xml_is_refused(old, new, expected):
    text = _sample_xml()
    assert old in text
    data = text.replace(old, new, 1).replace(f"</{old[1:10]}", f"</{new[1:10]}", 1).encode()
    with pytest.raises(XmlInputError, match="^archive.xml: ") as info:
        read_document(data, "archive.xml")
    assert expected in str(info.value)
    problems = validate_bytes(data, "archive.xml")
    if "unsupported" not in expected:
        assert problems and problems[0].line is not None


@pytest.mark.parametrize("payload", [b"<", b"<a>", b"<a></b>", b"<?xml version='1.0'?>", b"<a>\x00</a>", b"<\xff\xfe>"])
def test_malformed_bytes(payload):
    with pytest.raises(XmlInputError, match="^bad.xml: malformed XML"):
        read_document(payload, "bad.xml")


def test_schema_ships_inside_the_package():
    import govtext
    from govtext.xmlfmt import schema_path

    path = schema_path()
    assert path.is_file() and str(path).startswith(str(Path(govtext.__file__).parent))


def test_schema_names_every_node_type():
    from govtext import model
    from govtext.xmlfmt import schema_path
    from govtext.xmlfmt.reader import CONTAINER_TYPES

    rng = schema_path().read_text("utf-8")
    for node_type in CONTAINER_TYPES | model.LEAF_TYPES:
        assert f"<name>{node_type}</name>" in rng


def test_deeply_nested_xml_is_refused_not_crashing():
    data = b"<a>" * 100_000 + b"</a>" * 100_000
    with pytest.raises(XmlInputError):
        read_document(data, "deep.xml")
