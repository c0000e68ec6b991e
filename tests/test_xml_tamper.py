"""`govtext validate` notices text edited after export: the source sha256 no longer matches."""

from __future__ import annotations

import pytest

from govtext.pipeline import load
from govtext.xmlfmt.validate import validate_bytes
from govtext.xmlfmt.writer import to_xml

from conftest import FIXTURES


def test_edited_leaf_text_is_invalid():
    xml = to_xml(load(None))
    assert validate_bytes(xml) == []
    tampered = xml.replace("构建党委领导体制。".encode(), "构建党委领导机制。".encode(), 1)
    problems = validate_bytes(tampered)
    assert len(problems) == 1 and "sha256" in problems[0].message


@pytest.mark.parametrize("encoding", ["utf-8-sig", "gbk", "utf-16-le", "utf-16-be", "utf-16"])
def test_every_detected_encoding_still_validates(tmp_path, encoding):
    text = (FIXTURES / "numbered-items.txt").read_text("utf-8").replace("\n", "\r\n")
    data = text.encode(encoding)
    if encoding in ("utf-16-le", "utf-16-be"):
        data = ("\ufeff" + text).encode(encoding)  # a BOM in either byte order
    path = tmp_path / "in.txt"
    path.write_bytes(data)
    assert validate_bytes(to_xml(load(str(path)))) == []


# --- the outline digest: edits to the structure, not only to the text ---------------

from click.testing import CliRunner  # noqa: E402

from govtext.cli import main  # noqa: E402


def _law_xml() -> str:
    return to_xml(load(str(FIXTURES / "law-basic.txt"))).decode("utf-8")


def _sample_xml() -> str:
    return to_xml(load(None)).decode("utf-8")


def _swap_ids(xml: str, a: str, b: str) -> str:
    return xml.replace(f'id="{a}"', 'id="\0"').replace(f'id="{b}"', f'id="{a}"').replace('id="\0"', f'id="{b}"')


@pytest.mark.parametrize("source, edit, node, detail", [
    (_law_xml, lambda x: x.replace('title="总则"', 'title="总纲"', 1), "ch1", "title '总纲', expected '总则'"),
    (_law_xml, lambda x: x.replace('number="第二章"', 'number="第三章"', 1), "ch2", "number '第三章', expected '第二章'"),
    (_law_xml, lambda x: _swap_ids(x, "ch1/a1", "ch1/a2"), "ch1/a2", "id 'ch1/a2', expected 'ch1/a1'"),
    (_sample_xml, lambda x: x.replace('kind="system"', 'kind="method"', 1), None, "kind 'method', expected 'system'"),
    (_sample_xml, lambda x: x.replace('level="1"', 'level="2"', 1), "s1", "level 2, expected 1"),
])
def test_edited_outline_is_invalid_naming_the_first_differing_node(tmp_path, source, edit, node, detail):
    xml = source()
    tampered = edit(xml)
    assert tampered != xml
    path = tmp_path / "edited.xml"
    path.write_text(tampered, encoding="utf-8")
    result = CliRunner().invoke(main, ["validate", str(path)])
    assert result.exit_code == 1
    first = result.stderr.splitlines()[0]
    assert "outline edited after export" in first and detail in first
    if node is not None:
        assert f"node {node}:" in first
    # Without the re-parse hint the library still says invalid, naming no node.
    problems = validate_bytes(tampered.encode())
    assert len(problems) == 1 and "outline edited after export" in problems[0].message


def test_archive_without_outline_digest_validates_with_text_checks_only():
    xml = _law_xml()
    old = "\n".join(line for line in xml.split("\n") if "<outline " not in line)
    assert old != xml
    assert validate_bytes(old.encode()) == []
    edited = old.replace('title="总则"', 'title="总纲"', 1)
    assert validate_bytes(edited.encode()) == []  # nothing recorded to compare with
    assert "sha256" in validate_bytes(old.replace("总则", "总纲").encode())[0].message


def test_outline_digest_follows_its_documented_definition():
    import hashlib
    import json
    import re

    doc = load(str(FIXTURES / "law-basic.txt"))

    def lines(node, depth=0):
        yield json.dumps([depth, node.id, node.type, node.kind, node.number, node.title, node.level,
                          node.span[0], node.span[1]], ensure_ascii=False, separators=(",", ":")) + "\n"
        for child in node.children:
            yield from lines(child, depth + 1)

    canonical = "".join(lines(doc.root))
    recorded = re.search(r'<outline nodes="(\d+)" sha256="([0-9a-f]{64})"/>', to_xml(doc).decode())
    assert int(recorded.group(1)) == canonical.count("\n") == sum(1 for _ in doc.walk())
    assert recorded.group(2) == hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def test_forged_outline_element_is_caught_by_the_schema():
    bad = _law_xml().replace('<outline nodes="', '<outline nodes="0" was="', 1)
    problems = validate_bytes(bad.encode())
    assert problems and all(p.line == 6 for p in problems)


def test_a_changed_node_type_is_named(tmp_path):
    # statement → measure passes the schema and the text checks: only the digest tells.
    xml = _law_xml()
    line = '<statement id="ch2/s1/a2/c1/st1" start="190" end="201">本法自公布之日起施行。</statement>'
    assert line in xml
    tampered = xml.replace(line, line.replace("statement", "measure"))
    path = tmp_path / "t.xml"
    path.write_text(tampered, encoding="utf-8")
    result = CliRunner().invoke(main, ["validate", str(path)])
    assert result.exit_code == 1
    assert "node ch2/s1/a2/c1/st1: type 'measure', expected 'statement'" in result.stderr


def test_validate_streams_large_documents_the_same_as_small(tmp_path):
    # Many top-level nodes, each checked and dropped as it completes: still exact.
    text = "".join(f"{n}、标题{n}\n要加强第{n}项工作。\n" for n in range(1, 400))
    from govtext.pipeline import parse_text

    data = to_xml(parse_text(text))
    assert validate_bytes(data) == []
    bad = data.replace(b'id="s200/h1"', b'id="s200/h1x"', 1)
    problems = validate_bytes(bad)
    assert len(problems) == 1 and "outline edited" in problems[0].message


# --- streaming: nodes are checked and dropped one by one, a file is read in chunks ------


def _deep_leaf_edit(xml: bytes) -> tuple[bytes, int]:
    """The archive with a schema error on one of its deepest leaves, and that leaf's line."""
    from lxml import etree

    root = etree.fromstring(xml)
    deepest = max(root.iter(), key=lambda e: (len(list(e.iterancestors())), -(e.sourceline or 0)))
    line = deepest.sourceline
    lines = xml.split(b"\n")
    lines[line - 1] = lines[line - 1].replace(b' start="', b' level="x" start="', 1)
    return b"\n".join(lines), line


def test_a_deep_schema_error_is_reported_once_at_its_line(tmp_path):
    xml = to_xml(load(str(FIXTURES / "law-basic.txt")))
    bad, line = _deep_leaf_edit(xml)
    assert bad != xml
    problems = validate_bytes(bad)
    assert problems and all(p.line == line for p in problems)
    assert len({p.message for p in problems}) == len(problems)  # not once per enclosing node


def test_a_file_is_checked_as_its_bytes_are(tmp_path):
    from govtext.xmlfmt.validate import validate_file

    xml = to_xml(load(str(FIXTURES / "law-basic.txt")))
    bad, _ = _deep_leaf_edit(xml)
    for data in (xml, bad, xml.replace("总则".encode(), "总纲".encode(), 1)):
        path = tmp_path / "a.xml"
        path.write_bytes(data)
        assert validate_file(str(path), "a.xml") == validate_bytes(data, "a.xml")
