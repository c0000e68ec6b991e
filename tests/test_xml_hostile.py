"""Hostile and broken XML is refused with one clear line, never a traceback or a leak."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from govtext.cli import main
from govtext.errors import XmlInputError
from govtext.pipeline import load
from govtext.xmlfmt.elements import make_parser
from govtext.xmlfmt.reader import read_document
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


def test_parser_is_configured_explicitly(tmp_path):
    # lxml keeps the options private: check the effect of each one that matters.
    from lxml import etree

    parser = make_parser
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-7f3a", encoding="utf-8")
    dtd = tmp_path / "defaults.dtd"
    dtd.write_text('<!ATTLIST r leaked CDATA "from-the-dtd">', encoding="utf-8")

    # resolve_entities=False: neither an internal nor an external entity is expanded.
    root = etree.fromstring(b'<!DOCTYPE r [<!ENTITY e "expanded">]><r>&e;</r>', parser())
    assert "expanded" not in etree.tostring(root).decode()
    payload = f'<!DOCTYPE r [<!ENTITY e SYSTEM "{secret.as_uri()}">]><r>&e;</r>'.encode()
    assert b"TOP-SECRET" not in etree.tostring(etree.fromstring(payload, parser()))
    # load_dtd=False: an external DTD's attribute defaults never reach the tree.
    root = etree.fromstring(f'<!DOCTYPE r SYSTEM "{dtd.as_uri()}"><r/>'.encode(), parser())
    assert root.get("leaked") is None
    # Comments and processing instructions are dropped, CDATA becomes plain text.
    root = etree.fromstring(b"<r><!-- c --><?pi x?><![CDATA[a<b]]></r>", parser())
    assert len(root) == 0 and root.text == "a<b"
    # huge_tree=False keeps libxml2's nesting limit (a depth bomb fails instead of eating memory).
    with pytest.raises(etree.XMLSyntaxError):
        etree.fromstring(b"<a>" * 300 + b"</a>" * 300, parser())
    etree.fromstring(b"<a>" * 200 + b"</a>" * 200, parser())


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


@pytest.mark.parametrize("encoding, bom", [("utf-16-le", b"\xff\xfe"), ("utf-16-be", b"\xfe\xff")])
@pytest.mark.parametrize("command", ["tree", "validate", "xml"])
def test_utf16_xml_never_leaks(tmp_path, encoding, bom, command):
    # A UTF-16 DOCTYPE slips past a byte scan for "<!DOCTYPE"; the parsed tree's docinfo
    # must still refuse it, and the file's content never reaches any output.
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-7f3a", encoding="utf-8")
    xml = (f'<?xml version="1.0" encoding="UTF-16"?>\n<!DOCTYPE govtext [<!ENTITY x SYSTEM "{secret.as_uri()}">]>\n'
           '<govtext xmlns="urn:govtext:xml:1" format="govtext/xml" version="1" genre="policy">&x;</govtext>\n')
    path = tmp_path / "hostile.xml"
    path.write_bytes(bom + xml.encode(encoding))
    args = [command, str(path)] + (["-o", str(tmp_path / "out.xml")] if command == "xml" else [])
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        f"govtext: error: {path}: refused: XML with a DOCTYPE declaration (DTDs and entities are not allowed)"]
    assert "TOP-SECRET" not in result.output and not (tmp_path / "out.xml").exists()


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
    from govtext.xmlfmt.elements import CONTAINER_TYPES

    rng = schema_path().read_text("utf-8")
    for node_type in CONTAINER_TYPES | model.LEAF_TYPES:
        assert f"<name>{node_type}</name>" in rng


def test_deeply_nested_xml_is_refused_not_crashing():
    data = b"<a>" * 100_000 + b"</a>" * 100_000
    with pytest.raises(XmlInputError):
        read_document(data, "deep.xml")


def _with_char(code: str) -> str:
    """The sample's archive with its first blank's first character written as <char code=…>."""
    text = to_xml(load(None)).decode()
    start = text.index(">", text.index('<blank id="p1/b1" start="0" end="2">')) + 1
    return text[:start] + f'<char code="{code}"/>' + text[start + 1:]  # the length still adds up


@pytest.mark.parametrize("code", ["000U", "", "-1", "110000", "D800", "DFFF", "0x41", "00000041"])
def test_a_char_code_that_is_no_character_is_refused_by_tree_and_found_by_validate(tmp_path, code):
    """Issue 20 item 9: validate crashed on 000U, empty, -1 and 110000 and called D800 valid;
    tree crashed on 110000 and D800 (a lone surrogate cannot be written out as UTF-8).
    tree: unreadable, exit 2; validate: invalid, exit 1 with the line (its documented codes)."""
    archive = tmp_path / "archive.xml"
    archive.write_text(_with_char(code), encoding="utf-8")
    result = CliRunner().invoke(main, ["tree", str(archive)])
    assert result.exit_code == 2 and not result.stdout, result.output
    assert len(result.stderr.splitlines()) == 1 and ("line 10" in result.stderr or "line 9" in result.stderr)
    result = CliRunner().invoke(main, ["validate", str(archive)])
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert "line 10" in result.stderr or "line 9" in result.stderr
    problems = validate_bytes(archive.read_bytes(), "archive.xml")
    assert problems and problems[0].line in (9, 10)


def test_a_char_code_for_a_real_character_still_reads():
    assert read_document(_with_char("000C").encode(), "a.xml").text[0] == "\x0c"
